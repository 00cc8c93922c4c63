//! Line-start markers: bullets of every glyph, numbered points, and heading numbers.

/// A list marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Bytes the marker takes, including the whitespace after it.
    pub len: usize,
    /// Whether it is a number or letter ("1.", "(a)", "6.") rather than a glyph.
    pub numbered: bool,
}

/// Characters used as bullets in extracted letters. Private-use glyphs (Wingdings and Symbol
/// fonts mapped to U+F0xx) are bullets too.
fn is_bullet_glyph(c: char) -> bool {
    matches!(
        c,
        '•' | '◼'
            | '■'
            | '▪'
            | '●'
            | '○'
            | '◦'
            | '◾'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '·'
            | '⁃'
            | '∙'
            | '□'
            | '❖'
            | '♦'
            | '◆'
            | '-'
            | '*'
    ) || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// The bullet or number at the start of `line` (already trimmed), if any.
///
/// A glyph alone on its line is a marker with nothing after it. ASCII `-` and `*` need a space
/// or an upper-case letter after them (so "-agency" from a broken hyphenation is not a bullet).
/// En and em dashes are not bullets: in wrapped text they start lines as punctuation.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    if is_bullet_glyph(c) {
        let clen = c.len_utf8();
        let rest = &line[clen..];
        if rest.is_empty() {
            return Some(Marker { len: clen, numbered: false });
        }
        let next = rest.chars().next()?;
        let spaced = crate::text::is_space(next);
        let ok = match c {
            '-' | '*' | '•' => {
                spaced || next.is_uppercase() || next == '\'' || next == '\u{2018}' || next == '"' || next == '\u{201c}'
            }
            '·' => spaced,
            _ => true,
        };
        if c == '*' && next == '*' {
            return None; // markdown emphasis, not a bullet
        }
        if !ok {
            return None;
        }
        let ws = rest.len() - rest.trim_start_matches(crate::text::is_space).len();
        return Some(Marker { len: clen + ws, numbered: false });
    }
    numbered(line)
}

/// "1.", "12)", "(a)", "a.", "iv.", "6." alone — a numbered point.
fn numbered(line: &str) -> Option<Marker> {
    let b = line.as_bytes();
    let mut i = 0;
    let paren_open = b.first() == Some(&b'(');
    if paren_open {
        i += 1;
    }
    let label_start = i;
    while i < b.len() && b[i].is_ascii_digit() && i - label_start < 3 {
        i += 1;
    }
    let digits = i - label_start;
    if digits == 0 {
        // A single letter or a short roman numeral: "a)", "(b)", "iv."
        while i < b.len() && b[i].is_ascii_lowercase() && i - label_start < 4 {
            i += 1;
        }
        let label = &line[label_start..i];
        let roman = !label.is_empty() && label.bytes().all(|c| matches!(c, b'i' | b'v' | b'x'));
        if !(label.len() == 1 || roman) {
            return None;
        }
    }
    let close = *b.get(i)?;
    let ok_close = if paren_open { close == b')' } else { close == b'.' || close == b')' };
    if !ok_close {
        return None;
    }
    i += 1;
    if i == b.len() {
        return Some(Marker { len: i, numbered: true });
    }
    let rest = &line[i..];
    let next = rest.chars().next()?;
    if !crate::text::is_space(next) {
        return None;
    }
    // "1. 5 million" would be odd; a dotted number followed by a lower-case word is a sentence
    // ("2. and"), not an item — except lettered sub-points, which often start in lower case.
    let ws = rest.len() - rest.trim_start_matches(crate::text::is_space).len();
    let after = rest[ws..].chars().next()?;
    if digits > 0 && after.is_lowercase() && !paren_open {
        return None;
    }
    if digits == 0 && b[label_start..i - 1].len() == 1 && close == b'.' && !after.is_uppercase() {
        // "e. g." and similar: a lettered point must start with a capital after "a."
        return None;
    }
    Some(Marker { len: i + ws, numbered: true })
}

/// A leading heading number: "1.", "01", "2)", "1.2", "A." — the length including trailing
/// whitespace, when what follows is a word.
pub(crate) fn heading_number_len(line: &str) -> usize {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len()
        && (b[i].is_ascii_digit() || (b[i] == b'.' && i > 0 && i + 1 < b.len() && b[i + 1].is_ascii_digit()))
    {
        i += 1;
    }
    if i == 0 {
        if b.len() > 2 && b[0].is_ascii_uppercase() && (b[1] == b'.' || b[1] == b')') && b[2] == b' ' {
            i = 2;
        } else {
            return 0;
        }
    }
    if i > 4 || line[..i].split('.').any(|part| part.len() > 2) {
        return 0;
    }
    if i < b.len() && (b[i] == b'.' || b[i] == b')') {
        i += 1;
    }
    let rest = &line[i..];
    let ws = rest.len() - rest.trim_start_matches(crate::text::is_space).len();
    if ws == 0 || rest[ws..].chars().next().is_none_or(|c| !c.is_alphabetic()) {
        return 0;
    }
    i + ws
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_table() {
        // (line, Some((len, numbered)) or None)
        let cases: &[(&str, Option<(usize, bool)>)] = &[
            ("- Improve information-sharing", Some((2, false))),
            ("-Are you considering", Some((1, false))),
            ("-agency working", None),
            ("• The quality", Some((4, false))),
            ("•", Some((3, false))),
            ("◼ Strong", Some((4, false))),
            ("\u{f06e}  Ineffective", Some((5, false))),
            ("\u{f02d}", Some((3, false))),
            ("* item", Some((2, false))),
            ("**Rupert Matthews**", None),
            ("– 5 from Leicester", None),
            ("1. Child Sexual Abuse", Some((3, true))),
            ("6.", Some((2, true))),
            ("12) The plan", Some((4, true))),
            ("(a) the child", Some((4, true))),
            ("a) the child", Some((3, true))),
            ("iv. Leaders", Some((4, true))),
            ("e. g. this", None),
            ("2026 was a year", None),
            ("12 February 2026", None),
            ("3. and then", None),
            ("1.5 million", None),
            ("Strengths", None),
        ];
        for (line, want) in cases {
            let got = marker(line).map(|m| (m.len, m.numbered));
            assert_eq!(got, *want, "line {line:?}");
        }
    }

    #[test]
    fn heading_numbers() {
        let cases = [
            ("1. HEADLINE FINDINGS", 3),
            ("01 Purpose of this Briefing", 3),
            ("2.1 Strengths", 4),
            ("A. Strengths", 3),
            ("Strengths", 0),
            ("12 February 2026", 3),
            ("2025 business plan", 0),
        ];
        for (line, want) in cases {
            assert_eq!(heading_number_len(line), want, "line {line:?}");
        }
    }
}
