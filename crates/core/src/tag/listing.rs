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
/// nothing: inspectors describe in their findings what they saw working, and name deficits in
/// words of judgement, so an unjudged sentence of the findings, a strengths list or a practice
/// study of effective practice reads as a strength, one of a list of improvements or a practice
/// study of an area for improvement as an improvement. Measured on the shipped codings, this
/// helps on every one (see the README); other sections give nothing.
pub(crate) fn unjudged_sentence(section: SectionKind) -> Option<Polarity> {
    match section {
        SectionKind::MainFindings | SectionKind::Strengths | SectionKind::PracticeStudyEffective => {
            Some(Polarity::Strength)
        }
        SectionKind::Improvements | SectionKind::PriorityActions | SectionKind::PracticeStudyImprovement => {
            Some(Polarity::Improvement)
        }
        _ => None,
    }
}
