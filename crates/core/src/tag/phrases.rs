//! Phrases as the engine matches them: their surface forms (joined, hyphenated, inflected),
//! the text normalised for matching with a map back to the original, and the whole-word test.

use crate::text::{OffsetMap, PLAIN, fold_quote, plain_bytes, plain_len};

/// Straight quotes, single spaces, no surrounding space.
pub(crate) fn normalise(phrase: &str) -> String {
    let p: String = phrase.chars().map(|c| fold_quote(c).unwrap_or(c)).collect();
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short all-capital acronym ("ABE", "LADO", "PPN"): matched case-sensitively.
pub(crate) fn is_acronym(p: &str) -> bool {
    (2..=6).contains(&p.len())
        && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && p.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Simple inflections of a word: plural, past, present participle.
fn inflect(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string()];
    if w.chars().count() < 3 || !w.chars().all(|c| c.is_alphabetic()) {
        return v;
    }
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let last = chars[n - 1];
    v.push(format!("{w}s"));
    if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        v.push(format!("{w}es"));
    }
    if last == 'y' && !vowel(chars[n - 2]) {
        let stem: String = chars[..n - 1].iter().collect();
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{w}ing"));
    } else if last == 'e' {
        let stem: String = chars[..n - 1].iter().collect();
        v.push(format!("{w}d"));
        v.push(format!("{stem}ing"));
    } else {
        v.push(format!("{w}ed"));
        v.push(format!("{w}ing"));
        // Short consonant-vowel-consonant words double their last letter: plan, planned.
        if n <= 4 && !vowel(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !"wxy".contains(last) {
            v.push(format!("{w}{last}ed"));
            v.push(format!("{w}{last}ing"));
        }
    }
    v
}

/// Every surface form of a (normalised) phrase: words joined by a space or by nothing (text is
/// matched with hyphens turned into spaces, see [`Normalised`]), and the last word inflected.
/// Acronyms get only their plural.
pub(crate) fn variants(phrase: &str, inflections: bool) -> Vec<String> {
    if is_acronym(phrase) {
        return vec![phrase.to_string(), format!("{phrase}s"), format!("{phrase}'s")];
    }
    let words: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let Some((last, init)) = words.split_last() else { return Vec::new() };
    let lasts = if inflections { inflect(last) } else { vec![last.to_string()] };
    let gaps = init.len();
    // Each gap: a space, or nothing ("multiagency"); long phrases only with spaces.
    let combos: usize = if gaps <= 3 { 1 << gaps } else { 1 };
    let mut out = Vec::with_capacity(combos * lasts.len());
    for code in 0..combos {
        let mut head = String::new();
        for (k, w) in init.iter().enumerate() {
            head.push_str(w);
            if code & (1 << k) == 0 {
                head.push(' ');
            }
        }
        for l in &lasts {
            out.push(format!("{head}{l}"));
        }
    }
    out
}

/// Text prepared for phrase matching, with a map back to the original: curly apostrophes
/// straightened, whitespace runs single, and hyphens inside words ("information-sharing",
/// "multi- agency" from a PDF line break) turned into spaces.
#[derive(Debug, Default)]
pub(crate) struct Normalised {
    pub text: String,
    /// Where each stretch of `text` stands in the original: runs copied as they are, and
    /// characters rewritten (each stands for the whole original character).
    map: OffsetMap,
}

impl Normalised {
    pub fn new(input: &str) -> Normalised {
        let mut n = Normalised::with_capacity(input.len());
        n.push(input, 0);
        n
    }

    pub fn with_capacity(cap: usize) -> Normalised {
        Normalised { text: String::with_capacity(cap), map: OffsetMap::default() }
    }

    /// Appends `c`, standing for the `len` original bytes at `at`.
    fn emit(&mut self, c: char, at: u32, len: u8) {
        let start = self.text.len();
        self.text.push(c);
        let (at, len) = (at as usize, usize::from(len));
        if c.len_utf8() == len {
            // The same length: byte for byte, continuing the run before it when it can.
            self.map.push_verbatim(start, at, len);
        } else {
            self.map.push_replacement(start, self.text.len() - start, at, at + len);
        }
    }

    /// Appends `input`, whose first byte stands at offset `base` of the original.
    pub fn push(&mut self, input: &str, base: u32) {
        let bytes = input.as_bytes();
        // Bytes copied as they are, in bulk: printable ASCII but for hyphens and backticks, and
        // single spaces between them.
        const TABLE: [u8; 256] = plain_bytes(b"-`", true);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if TABLE[usize::from(b)] == PLAIN {
                let j = i + plain_len(&bytes[i..], &TABLE);
                self.map.push_verbatim(self.text.len(), (base as usize) + i, j - i);
                self.text.push_str(&input[i..j]);
                i = j;
                continue;
            }
            let (c, len) = if b < 0x80 {
                (b as char, 1)
            } else {
                let c = input[i..].chars().next().unwrap_or(' ');
                (c, c.len_utf8())
            };
            if let Some(out) = rewritten(&self.text, c, &input[i + len..]) {
                self.emit(out, base + i as u32, len as u8);
            }
            i += len;
        }
    }

    /// Appends a break between texts (a newline that no phrase crosses), standing at `at`.
    pub fn push_break(&mut self, at: u32) {
        if self.text.ends_with(' ') {
            self.text.pop();
            self.map.pop_byte();
        }
        self.map.push_verbatim(self.text.len(), at as usize, 1);
        self.text.push('\n');
    }

    /// The first position of the normalised text at or after original offset `offset` (a
    /// character boundary of the original).
    pub fn position(&self, offset: u32) -> usize {
        self.map.clean_at(offset as usize).unwrap_or(self.text.len())
    }

    /// The original range of `[start, end)` of the normalised text (character boundaries).
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.text.len() {
            let at = if start < self.text.len() { self.map.span(start, start + 1).start } else { 0 };
            return (at, at);
        }
        let s = self.map.span(start, end);
        (s.start, s.end)
    }
}

/// What character `c` becomes after normalised text `so_far`, `rest` following it in the
/// input: `None` when it is a space that joins the space or break before it.
fn rewritten(so_far: &str, c: char, rest: &str) -> Option<char> {
    let out = match c {
        '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
            let prev_word = so_far.chars().next_back().is_some_and(char::is_alphanumeric);
            let mut rest = rest.chars();
            let next = rest.next();
            let next_word = next.is_some_and(char::is_alphabetic)
                || (next == Some(' ') && rest.next().is_some_and(char::is_lowercase));
            if prev_word && next_word { ' ' } else { c }
        }
        c if c.is_whitespace() => ' ',
        c => fold_quote(c).unwrap_or(c),
    };
    (!(out == ' ' && (so_far.ends_with(' ') || so_far.ends_with('\n')))).then_some(out)
}

/// Whether `[start, end)` of `text` stands as whole words.
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Normalised text built a character at a time, with where each byte came from: what the
    /// runs of [`Normalised`] must agree with.
    #[derive(Default)]
    struct PerByte {
        text: String,
        orig: Vec<usize>,
        orig_len: Vec<usize>,
    }

    impl PerByte {
        fn push(&mut self, input: &str, base: usize) {
            for (i, c) in input.char_indices() {
                if let Some(out) = rewritten(&self.text, c, &input[i + c.len_utf8()..]) {
                    self.text.push(out);
                    self.orig.resize(self.text.len(), base + i);
                    self.orig_len.resize(self.text.len(), c.len_utf8());
                }
            }
        }

        fn push_break(&mut self, at: usize) {
            if self.text.ends_with(' ') {
                self.text.pop();
                self.orig.pop();
                self.orig_len.pop();
            }
            self.text.push('\n');
            self.orig.push(at);
            self.orig_len.push(1);
        }
    }

    mod runs_against_bytes {
        use proptest::prelude::*;

        use super::*;

        const PIECES: &[&str] =
            &["ab", "Care", " ", "  ", "-", "\u{2010}", "\u{2019}", "é", "\t", "\n", ".", "x-y", "\u{a0}", "`", "1"];

        fn texts() -> impl Strategy<Value = Vec<String>> {
            prop::collection::vec(
                prop::collection::vec(prop::sample::select(PIECES), 0..30).prop_map(|v| v.concat()),
                1..4,
            )
        }

        proptest! {
            #[test]
            fn positions_and_ranges_as_byte_by_byte(blocks in texts()) {
                let (mut runs, mut bytes) = (Normalised::default(), PerByte::default());
                let mut base = 0;
                for b in &blocks {
                    runs.push(b, base as u32);
                    bytes.push(b, base);
                    base += b.len();
                    runs.push_break(base as u32);
                    bytes.push_break(base);
                    base += 1;
                }
                prop_assert_eq!(&runs.text, &bytes.text);
                // Offsets of the original fall between its characters.
                let original: String = blocks.iter().flat_map(|b| [b.as_str(), "\n"]).collect();
                for offset in (0..=base + 1).filter(|&o| o > base || original.is_char_boundary(o)) {
                    let want = bytes.orig.partition_point(|&o| o < offset);
                    prop_assert_eq!(runs.position(offset as u32), want, "offset {}", offset);
                }
                let n = bytes.text.len();
                let bounds: Vec<usize> = (0..=n).filter(|&p| bytes.text.is_char_boundary(p)).collect();
                for &a in &bounds {
                    for &e in bounds.iter().filter(|&&e| e > a) {
                        let want = (bytes.orig[a], bytes.orig[e - 1] + bytes.orig_len[e - 1]);
                        prop_assert_eq!(runs.original(a, e), want, "range {}..{}", a, e);
                    }
                }
            }
        }
    }

    #[test]
    fn surface_forms() {
        let v = variants("information-sharing", true);
        for want in ["information sharing", "informationsharing", "information sharings"] {
            assert!(v.contains(&want.to_string()), "{want} in {v:?}");
        }
        let v = variants("strategy meeting", true);
        assert!(v.contains(&"strategy meetings".to_string()));
        assert!(variants("delay", true).contains(&"delayed".to_string()));
        assert!(variants("safety plan", true).contains(&"safety planning".to_string()));
        assert!(variants("capacity", true).contains(&"capacities".to_string()));
        assert!(variants("share", true).contains(&"sharing".to_string()));
        assert_eq!(variants("PPN", true), ["PPN", "PPNs", "PPN's"]);
    }
}
