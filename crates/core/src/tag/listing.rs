//! How a list item counts its themes: on its list's side, or on the other side when the item's
//! own words turn against its list; and the side a findings section gives a sentence whose own
//! words judge nothing.

use super::Polarity;
use crate::structure::SectionKind;

/// Where a listed item counts a theme: its list's side, or the other side when the item's own
/// words say the opposite of its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListSide {
    /// Counted as a strength.
    Strength,
    /// Counted as an improvement.
    Improvement,
    /// Counted as a priority action (and so as an improvement).
    Priority,
}

impl ListSide {
    /// The side of a list section; `None` for a section that is not a list.
    pub fn of(section: SectionKind) -> Option<ListSide> {
        match section {
            SectionKind::Strengths => Some(ListSide::Strength),
            SectionKind::Improvements => Some(ListSide::Improvement),
            SectionKind::PriorityActions => Some(ListSide::Priority),
            _ => None,
        }
    }

    /// The other side: a deficit named in a strengths list is an improvement, a strength
    /// named in a list of improvements or priority actions a strength.
    pub fn opposite(self) -> ListSide {
        match self {
            ListSide::Strength => ListSide::Improvement,
            ListSide::Improvement | ListSide::Priority => ListSide::Strength,
        }
    }

    /// The polarity a list of this side gives its items.
    pub fn polarity(self) -> Polarity {
        match self {
            ListSide::Strength => Polarity::Strength,
            ListSide::Improvement | ListSide::Priority => Polarity::Improvement,
        }
    }
}

/// Whether a sentence marks itself as a turn against what came before: it opens with a word of
/// contrast ("However, …", "But …", "Despite this, …") or carries a parenthetic "however".
pub(crate) fn turns(sentence: &str) -> bool {
    const OPENERS: [&str; 9] = [
        "however",
        "but",
        "yet",
        "nevertheless",
        "nonetheless",
        "conversely",
        "in contrast",
        "despite this",
        "that said",
    ];
    let lower = sentence.trim_start().to_ascii_lowercase();
    let opens = OPENERS
        .iter()
        .any(|w| lower.strip_prefix(w).is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric())));
    opens || lower.contains(", however,") || lower.contains("; however")
}

/// The polarity a sentence of running text takes from its section when its own words judge
/// nothing: inspectors describe in their main findings what they saw working, and name
/// deficits in words of judgement, so an unjudged sentence of the main findings reads as a
/// strength; a practice study tells its case as an example of effective practice (a strength)
/// or of an area for improvement (an improvement), and readers code its sentences so. Measured
/// on the shipped codings, this helps on every one (see the README). Other sections give
/// nothing: list sections' items already take their list's side (what stands between them is
/// table cells and lead-ins), and the introduction and context describe. Nor does a fragment
/// that ends without a full stop (a heading, "Examples include:").
pub(crate) fn unjudged_sentence(section: SectionKind, sentence: &str) -> Option<Polarity> {
    let ended = sentence.trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}', ' ']).ends_with(['.', '!', '?']);
    match section {
        _ if !ended => None,
        SectionKind::MainFindings | SectionKind::PracticeStudyEffective => Some(Polarity::Strength),
        SectionKind::PracticeStudyImprovement => Some(Polarity::Improvement),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unjudged_sentence_takes_the_side_of_findings_and_practice_studies_only() {
        use Polarity::{Improvement, Strength};
        use SectionKind as S;
        let cases: [(S, &str, Option<Polarity>); 9] = [
            (S::MainFindings, "The service is co-located with police.", Some(Strength)),
            (S::MainFindings, "She said it was 'the first time anyone listened.'", Some(Strength)),
            (S::PracticeStudyEffective, "A plan was made the same day.", Some(Strength)),
            (S::PracticeStudyImprovement, "The plan was written in May.", Some(Improvement)),
            (S::MainFindings, "Examples include:", None),
            (S::MainFindings, "Response to children who go missing", None),
            (S::PriorityActions, "Council and NHS", None),
            (S::Strengths, "Staff know the children.", None),
            (S::Introduction, "This letter summarises the findings.", None),
        ];
        for (section, sentence, want) in cases {
            assert_eq!(unjudged_sentence(section, sentence), want, "{section:?}: {sentence}");
        }
    }
}
