//! The words and phrases of findings, for keyness: content words in lower case (possessives
//! and stop words dropped) and each pair of content words that follow each other.

use std::collections::HashMap;

use crate::text::{fold_quote, is_stop_word};

/// The content words of `text`, in order; `None` where a stop word, a number or punctuation
/// breaks a phrase.
pub(super) fn words(text: &str) -> Vec<Option<String>> {
    let mut out = Vec::new();
    // Hyphens join a compound ("multi-agency", "front-door") into one word.
    let joins = |c: char| c.is_alphanumeric() || fold_quote(c) == Some('\'') || c == '-';
    for raw in text.split(|c: char| !joins(c)) {
        let raw = raw.trim_matches('-');
        let w: String = raw.chars().map(|c| fold_quote(c).unwrap_or(c)).collect::<String>().to_lowercase();
        let w = w.trim_matches('\'');
        let w = w.strip_suffix("'s").unwrap_or(w);
        let content = w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !is_stop_word(w);
        out.push(content.then(|| w.to_string()));
    }
    out
}

/// Adds the words and two-word phrases of `text` to `counts`.
pub(super) fn count(text: &str, counts: &mut HashMap<String, u32>) {
    let ws = words(text);
    for (i, w) in ws.iter().enumerate() {
        let Some(w) = w else { continue };
        *counts.entry(w.clone()).or_default() += 1;
        if let Some(Some(next)) = ws.get(i + 1) {
            *counts.entry(format!("{w} {next}")).or_default() += 1;
        }
    }
}

/// Whether the term (a word or a phrase) stands in `text` as whole words.
pub(super) fn occurs_in(term: &str, text: &str) -> bool {
    let ws: Vec<String> = words(text).into_iter().map(|w| w.unwrap_or_default()).collect();
    let parts: Vec<&str> = term.split(' ').collect();
    ws.windows(parts.len()).any(|win| win.iter().zip(&parts).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases() {
        let mut c = HashMap::new();
        count("Children’s information-sharing is weak; information sharing at the front door.", &mut c);
        let mut got: Vec<(&str, u32)> = c.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        got.sort_unstable();
        assert_eq!(
            got,
            [
                ("children", 1),
                ("children information-sharing", 1),
                ("door", 1),
                ("front", 1),
                ("front door", 1),
                ("information", 1),
                ("information sharing", 1),
                ("information-sharing", 1),
                ("sharing", 1),
                ("weak", 1),
            ]
        );
        assert!(occurs_in("front door", "Decisions at the Front Door are timely."));
        assert!(!occurs_in("front door", "front doors"));
    }
}
