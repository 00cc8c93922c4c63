//! Abbreviations a document defines as "long form (ABBR)" (Schwartz & Hearst, 2003), so that
//! later uses of ABBR tag as the long form would.

use std::sync::LazyLock;

use regex::Regex;

static PAREN: LazyLock<Regex> =
    LazyLock::new(|| crate::text::rx::regex(r"\(([A-Za-z][A-Za-z0-9&'-]{1,11})\)").expect("abbreviation pattern"));

/// A defined abbreviation: the short form and its long form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Definition {
    pub short: String,
    pub long: String,
}

/// The long form for `short` at the end of `before`, by the Schwartz & Hearst rule: every
/// character of the short form appears in order, scanning right to left, and its first
/// character starts a word.
fn long_form(before: &str, short: &str) -> Option<String> {
    let max_words = (short.chars().count() + 5).min(short.chars().count() * 2);
    let mut window: Vec<&str> = before.split_whitespace().rev().take(max_words).collect();
    window.reverse();
    let cand = window.join(" ");
    let lower = |c: char| if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) };
    let wanted = short.chars().filter(|ch| ch.is_alphanumeric()).count();
    if wanted == 0 {
        return None;
    }
    // Right to left through the candidate, each character of the short form in turn; the
    // first must start a word.
    let mut chars = cand.char_indices().rev().peekable();
    let mut start = 0;
    for (k, want) in short.chars().rev().filter(|ch| ch.is_alphanumeric()).map(lower).enumerate() {
        let first = k + 1 == wanted;
        loop {
            let (i, ch) = chars.next()?;
            let at_word_start = chars.peek().is_none_or(|&(_, p)| !p.is_alphanumeric());
            if lower(ch) == want && (!first || at_word_start) {
                start = i;
                break;
            }
        }
    }
    let long = cand[start..].trim().trim_end_matches([',', ';', ':']);
    (long.split_whitespace().count() >= 2 && long.len() > short.len()).then(|| long.to_string())
}

/// A looser rule for short forms whose letters are out of order ("Children's Independent Sexual
/// Violence Advocate (ChIVSA)"): the initials of the last few words are the short form's
/// capitals, in any order.
fn initials_form(before: &str, short: &str) -> Option<String> {
    const SKIP: &[&str] = &["and", "of", "the", "for", "to", "in", "on", "with", "&"];
    let mut caps: Vec<char> = short.chars().filter(char::is_ascii_uppercase).map(|c| c.to_ascii_lowercase()).collect();
    caps.sort_unstable();
    let mut words: Vec<&str> = before.split_whitespace().rev().take(caps.len() + 3).collect();
    words.reverse();
    for k in caps.len()..=(caps.len() + 3).min(words.len()) {
        let window = &words[words.len() - k..];
        let mut initials: Vec<char> = window
            .iter()
            .filter(|w| !SKIP.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().find(|c| c.is_alphanumeric()))
            .map(|c| c.to_ascii_lowercase())
            .collect();
        initials.sort_unstable();
        if initials == caps {
            return Some(window.join(" "));
        }
    }
    None
}

/// Every "long form (ABBR)" definition in `text`.
pub(crate) fn definitions(text: &str) -> Vec<Definition> {
    definitions_except(text, |_| false)
}

/// Every "long form (ABBR)" definition in `text` but of the short forms `known` already.
pub(crate) fn definitions_except(text: &str, known: impl Fn(&str) -> bool) -> Vec<Definition> {
    let mut out = Vec::new();
    for c in PAREN.captures_iter(text) {
        let Some(m) = c.get(1) else { continue };
        let short = m.as_str().trim_end_matches('s');
        let short = if short.len() >= 2 { short } else { m.as_str() };
        if short.chars().filter(char::is_ascii_uppercase).count() < 2 || known(short) {
            continue;
        }
        let start = c.get(0).map_or(0, |w| w.start());
        let before = &text[..start];
        // Only the current sentence-ish stretch: after the last parenthesis or full stop.
        let from = before.rfind([')', '.', ';']).map_or(0, |i| i + 1);
        let stretch = &before[from..];
        if let Some(long) = long_form(stretch, short).or_else(|| initials_form(stretch, short)) {
            out.push(Definition { short: short.to_string(), long });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schwartz_hearst_table() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "The Children's Independent Sexual Violence Advocate (ChIVSA) service offers support.",
                &[("ChIVSA", "Children's Independent Sexual Violence Advocate")],
            ),
            (
                "the children and young person's independent sexual violence adviser (ChISVA) team",
                &[("ChISVA", "children and young person's independent sexual violence adviser")],
            ),
            (
                "Police only share public protection notices (PPNs) with children's social care.",
                &[("PPN", "public protection notices")],
            ),
            (
                "multi-agency referral forms (MARFs) and a sexual assault referral centre (SARC).",
                &[("MARF", "multi-agency referral forms"), ("SARC", "sexual assault referral centre")],
            ),
            ("in May 2024 (see above) and (CSA Centre)", &[]),
            ("the Police National Database (PND) to monitor", &[("PND", "Police National Database")]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, String)> = definitions(text).into_iter().map(|d| (d.short, d.long)).collect();
            let want: Vec<(String, String)> = want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
