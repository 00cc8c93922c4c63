//! Sentence splitting: Unicode sentence boundaries (UAX #29) plus guards for the abbreviations
//! and initials that letters use.

use unicode_segmentation::UnicodeSegmentation;

/// Abbreviations after which a full stop does not end a sentence (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "dr", "mr", "mrs", "ms", "mx", "prof", "st", "no", "nos", "e.g", "eg", "i.e", "ie", "etc", "vs", "v", "cf",
    "approx", "para", "paras", "fig", "ref", "co", "ltd", "inc", "jr", "sr", "rev", "hon", "cllr", "supt", "insp",
    "det", "sgt", "ch", "op", "al", "ed", "vol", "pp", "p", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "a.m", "p.m",
];

/// Abbreviations that do end a sentence when a capitalised word follows ("… and so on, etc. The").
const MAY_END: &[&str] = &["etc", "al"];

/// The longest of [`ABBREVIATIONS`] and [`MAY_END`], in bytes.
const LONGEST_ABBREVIATION: usize = {
    let (mut n, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() + MAY_END.len() {
        let w = if i < ABBREVIATIONS.len() { ABBREVIATIONS[i] } else { MAY_END[i - ABBREVIATIONS.len()] };
        if w.len() > n {
            n = w.len();
        }
        i += 1;
    }
    n
};

/// Sentence pieces by UAX #29. ASCII text (most of a cleaned letter) takes a fast path that
/// gives the same boundaries for it: after `.`, `?` or `!` (and closing quotes or brackets)
/// and a space, unless what follows `.` is a lower-case word or what follows any of them is a
/// comma, semicolon or colon.
fn pieces(text: &str) -> Vec<(usize, &str)> {
    if !text.is_ascii() {
        return text.split_sentence_bound_indices().collect();
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'.', b'?', b'!', &b[i..]) {
        i += k;
        let mut j = i + 1;
        while j < b.len() && matches!(b[j], b'.' | b'?' | b'!') {
            j += 1;
        }
        while j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
            j += 1;
        }
        let spaces = j;
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        if j == spaces && j < b.len() {
            i += 1;
            continue; // no space after: "3.5", "e.g.x", "(CSE)."
        }
        if j >= b.len() {
            break;
        }
        let ends = if matches!(b[j], b',' | b';' | b':') {
            false
        } else if b[i..j].contains(&b'.') && !b[i..j].iter().any(|c| *c == b'?' || *c == b'!') {
            // After a full stop, look past digits and punctuation for the next letter.
            let next_letter = b[j..].iter().find(|c| c.is_ascii_alphabetic() || matches!(c, b'.' | b'?' | b'!'));
            !next_letter.is_some_and(|c| c.is_ascii_lowercase())
        } else {
            true
        };
        if ends {
            out.push((start, &text[start..j]));
            start = j;
        }
        i = j;
    }
    if start < b.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding whitespace.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut merge_next = false;
    for (i, s) in pieces(text) {
        let trimmed_start = i + (s.len() - s.trim_start().len());
        let trimmed_end = i + s.trim_end().len();
        if trimmed_start >= trimmed_end {
            continue;
        }
        let piece = &text[trimmed_start..trimmed_end];
        let join = merge_next
            || !piece.chars().any(char::is_alphanumeric)
            || piece.chars().next().is_some_and(|c| c.is_lowercase());
        match out.last_mut() {
            Some(last) if join => last.1 = trimmed_end,
            _ => out.push((trimmed_start, trimmed_end)),
        }
        let (a, b) = *out.last().expect("pushed above");
        merge_next = ends_with_abbreviation(&text[a..b], &text[b..]);
    }
    out
}

/// Whether `sentence` ends with an abbreviation or an initial, so that what follows belongs
/// to it.
fn ends_with_abbreviation(sentence: &str, after: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else { return false };
    let word = body.rsplit(|c: char| c.is_whitespace() || c == '(' || c == '\'' || c == '"').next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // Longer than any abbreviation and than an initial: a word that ends the sentence (most).
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    let lower = word.to_lowercase();
    let next_upper = after.trim_start().chars().next().is_some_and(char::is_uppercase);
    if MAY_END.contains(&lower.as_str()) {
        return !next_upper;
    }
    if ABBREVIATIONS.contains(&lower.as_str()) {
        // "No." only before a number: "No. 5", not "… said no."
        if lower == "no" || lower == "nos" || lower == "p" || lower == "v" {
            return word.starts_with(char::is_uppercase)
                || after.trim_start().starts_with(|c: char| c.is_ascii_digit());
        }
        return true;
    }
    // An initial: "J. Smith", or dotted initials "D.C.".
    let mut chars = word.chars();
    let single_upper = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    single_upper && next_upper
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    /// The ASCII fast path gives the boundaries UAX #29 gives.
    #[test]
    fn fast_path_agrees_with_uax29() {
        let cases = [
            "One. Two. Three four five.",
            "Is it? Yes! No. 5 children were seen. 12 cases. The end.",
            "Referrals (MARFs) are made. 'Think Practice' helped. \"Quoted.\" Next (see x). Then.",
            "e.g. this and i.e. that. And the U.K. Then. Dr. Smith.",
            "Items: a; b. c? d! e... f.",
            "Ends with stop. ",
            "No stop at all",
            "Decimal 3.5 and version 1.2.3. Next sentence",
            "Trailing quote.' Then more. (Bracketed.) After.",
        ];
        for text in cases {
            let fast: Vec<(usize, &str)> = pieces(text);
            let uax: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(fast, uax, "{text}");
        }
    }

    /// … on every block of the shipped corpus too.
    #[test]
    fn fast_path_agrees_on_the_corpus() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let doc = crate::Document::parse(&std::fs::read_to_string(&path).unwrap());
            for b in doc.sections.iter().flat_map(|s| &s.blocks).filter(|b| b.text.is_ascii()) {
                let uax: Vec<(usize, &str)> = b.text.split_sentence_bound_indices().collect();
                assert_eq!(pieces(&b.text), uax, "{}", b.text);
                checked += 1;
            }
        }
        assert!(checked > 100, "only {checked} blocks");
    }

    #[test]
    fn guards_table() {
        let cases: &[(&str, &[&str])] = &[
            ("One. Two.", &["One.", "Two."]),
            ("Dr. Smith met Ms. Jones. They agreed.", &["Dr. Smith met Ms. Jones.", "They agreed."]),
            (
                "Some partners, e.g. health, attend. Others do not.",
                &["Some partners, e.g. health, attend.", "Others do not."],
            ),
            ("It was signed by J. Smith today. Good.", &["It was signed by J. Smith today.", "Good."]),
            ("See case No. 5 for detail. Next.", &["See case No. 5 for detail.", "Next."]),
            // The longest abbreviation, and a word one letter longer that ends its sentence.
            ("It took approx. Ten days in all. Next.", &["It took approx. Ten days in all.", "Next."]),
            ("They improved. Approxs. Next.", &["They improved.", "Approxs.", "Next."]),
            ("Books, papers, etc. The rest.", &["Books, papers, etc.", "The rest."]),
            ("Is it timely? Yes. It is!", &["Is it timely?", "Yes.", "It is!"]),
            (
                "Referrals (MARFs) are made. 'Think Practice' helped.",
                &["Referrals (MARFs) are made.", "'Think Practice' helped."],
            ),
            (
                "The Sexual Assault Referral Centre (SARC) i.e. the centre, helps.",
                &["The Sexual Assault Referral Centre (SARC) i.e. the centre, helps."],
            ),
            ("A heading without a stop", &["A heading without a stop"]),
            ("  ", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "text {text:?}");
        }
    }
}
