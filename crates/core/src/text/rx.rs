//! Compiling the parsing stages' built-in regular expressions.

use regex::Regex;

/// Compiles a built-in pattern, its word boundaries (`\b`) made ASCII ones.
///
/// A Unicode `\b` (the default) stops the regex engine's lazy DFA at the first non-ASCII
/// byte, and real letters have plenty (curly quotes, dashes, accented names): such searches
/// fell back to a far slower NFA, which took a tenth of the parsing time of real letters.
/// The boundaries in these patterns sit between English words, digits and punctuation, where
/// the ASCII and Unicode definitions agree.
pub(crate) fn regex(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries_hold_beside_non_ascii_text() {
        let re = regex(r"(?i)\bbriefing\b").unwrap();
        assert!(re.is_match("the “Briefing” — 7 minutes"));
        assert!(re.is_match("café’s briefing."));
        assert!(!re.is_match("debriefing"));
        assert!(!re.is_match("briefings"));
        // Patterns without a boundary compile as they are.
        assert_eq!(regex(r"^\d{1,4}$").unwrap().as_str(), r"^\d{1,4}$");
    }
}
