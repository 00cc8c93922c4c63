//! Finding the tool's finding for a unit a person coded: by its span when the coding gives
//! one, else by its opening words — compared as words (letters and digits, lower case, quotes
//! folded), so line breaks, hyphenation at a line end, bullets and punctuation do not matter.

use crate::tag::Finding;
use crate::text::fold_quote;

/// The words of `text`, lower case, with quotes folded and hyphenated compounds split.
pub(super) fn words(text: &str) -> Vec<String> {
    let apostrophe = |c: char| c == '\'' || fold_quote(c) == Some('\'');
    text.split(|c: char| !(c.is_alphanumeric() || apostrophe(c)))
        .map(|w| w.chars().map(|c| fold_quote(c).unwrap_or(c)).collect::<String>().trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// How well a finding's words hold a unit's opening words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    /// The finding starts with the first five (or all, if fewer) opening words: a unit the tool
    /// ended early or late.
    Start,
    /// The finding holds all the opening words somewhere: the tool made a larger unit.
    Within,
    /// The finding starts with all the opening words.
    Exact,
}

/// Fewest opening words a start-only fit needs.
const START_WORDS: usize = 5;

fn fit(finding: &[String], opening: &[String]) -> Option<Fit> {
    if opening.is_empty() {
        return None;
    }
    if finding.starts_with(opening) {
        return Some(Fit::Exact);
    }
    if finding.windows(opening.len()).any(|w| w == opening) {
        return Some(Fit::Within);
    }
    let n = START_WORDS.min(opening.len());
    (opening.len() > n && finding.starts_with(&opening[..n])).then_some(Fit::Start)
}

/// The index of the finding a unit is, among `findings` (with their `words`): the one whose
/// span overlaps the unit's span most (or holds its start); else the best fit of its opening words, the first unused one
/// of equals in document order. `used` marks findings already taken by earlier units.
pub(super) fn locate(
    findings: &[Finding],
    finding_words: &[Vec<String>],
    opening: &str,
    span: Option<crate::text::Span>,
    used: &[bool],
) -> Option<usize> {
    if let Some(s) = span {
        // The finding the span overlaps most (the first of equals), else the one holding its start.
        let overlap = |f: &Finding| f.span.end.min(s.end).saturating_sub(f.span.start.max(s.start));
        let most = findings.iter().enumerate().map(|(i, f)| (overlap(f), std::cmp::Reverse(i))).max();
        if let Some((_, std::cmp::Reverse(i))) = most.filter(|(o, _)| *o > 0) {
            return Some(i);
        }
        return findings.iter().position(|f| f.span.start <= s.start && s.start < f.span.end.max(f.span.start + 1));
    }
    let opening = words(opening);
    let mut best: Option<(Fit, bool, usize)> = None;
    for (i, w) in finding_words.iter().enumerate() {
        let Some(f) = fit(w, &opening) else { continue };
        // Better fit first; then unused before used; then document order.
        let key = (f, !used[i]);
        if best.is_none_or(|(bf, bu, _)| key > (bf, bu)) {
            best = Some((f, !used[i], i));
        }
    }
    best.map(|(_, _, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_words() {
        let w = |s: &str| words(s);
        let finding = w("Leaders’ oversight of multi-agency work is\nstrong, and staff feel supported.");
        for (opening, want) in [
            ("Leaders' oversight of multi-agency work is strong, and", Some(Fit::Exact)),
            ("• Leaders’ oversight of multi- agency", Some(Fit::Exact)),
            ("oversight of multi-agency work", Some(Fit::Within)),
            ("Leaders’ oversight of multi-agency work was weak", Some(Fit::Start)),
            ("Staff do not feel supported", None),
        ] {
            assert_eq!(fit(&finding, &w(opening)), want, "{opening}");
        }
        assert_eq!(w("Children’s “voices” are heard – mostly."), ["children's", "voices", "are", "heard", "mostly"]);
        assert_eq!(w("Children's 'voices'"), w("Children’s ‘voices’"));
    }
}
