//! Characters as every stage sees them: one table for quotes and apostrophes, one notion of
//! whitespace, of a sentence's final punctuation and of a prefix cut at a character boundary.

/// The straight quote a curly or typographic one folds to: `'` for single quotes, apostrophes,
/// primes and backticks, `"` for double quotes and double primes; `None` for anything else.
///
/// Letters are typeset with curly quotes, text copied from them has straight ones: each stage
/// that compares words (cleaning, heading keys, phrase matching) folds with this one table.
pub(crate) fn fold_quote(c: char) -> Option<char> {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => Some('\''),
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => Some('"'),
        _ => None,
    }
}

/// Whitespace as the parser sees it: Unicode whitespace plus the byte-order mark and other
/// zero-width characters that PDF extraction leaves behind.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}')
}

/// Superscript digits, as footnote markers come out of PDFs.
const SUPERSCRIPTS: &str = "¹²³⁴⁵⁶⁷⁸⁹⁰";

/// The punctuation that ends `text` — `.`, `?`, `!`, `:` or `;` — once footnote markers
/// (digits, superscripts), closing quotes and brackets and emphasis after it are set aside;
/// `None` when it ends otherwise. ("…practice?1" ends with `?`; "Strengths" with nothing.)
pub(crate) fn final_punctuation(text: &str) -> Option<char> {
    let t = text.trim_end_matches(|c: char| {
        c.is_ascii_digit() || SUPERSCRIPTS.contains(c) || matches!(c, '\'' | '"' | '’' | '”' | ')' | ']' | '*')
    });
    t.chars().next_back().filter(|c| matches!(c, '.' | '?' | '!' | ':' | ';'))
}

/// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
pub(crate) fn prefix(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut end = n;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A plain byte in a table of [`plain_bytes`].
pub(crate) const PLAIN: u8 = 1;
/// A space in a table of [`plain_bytes`].
const SPACE: u8 = 2;

/// Which bytes are plain: printable ASCII but for those in `except` (and digits, unless
/// `digits`), as [`PLAIN`]; a space is marked apart, anything else is 0. A table, so that runs
/// of plain bytes are measured without a test per kind.
pub(crate) const fn plain_bytes(except: &[u8], digits: bool) -> [u8; 256] {
    let mut t = [0; 256];
    let mut b = 0x21;
    while b < 0x7f {
        if digits || !(b as u8).is_ascii_digit() {
            t[b] = PLAIN;
        }
        b += 1;
    }
    let mut i = 0;
    while i < except.len() {
        t[except[i] as usize] = 0;
        i += 1;
    }
    t[b' ' as usize] = SPACE;
    t
}

/// The length of the run of plain bytes starting `bytes`, with the single spaces between
/// them: 0 when the first byte is not plain.
pub(crate) fn plain_len(bytes: &[u8], class: &[u8; 256]) -> usize {
    let plain = |c: u8| class[usize::from(c)] == PLAIN;
    let mut n = 0;
    loop {
        // A stretch of plain bytes, then perhaps a space with a plain byte after it.
        n += bytes[n..].iter().position(|&c| !plain(c)).unwrap_or(bytes.len() - n);
        match bytes.get(n..n + 2) {
            Some(&[space, next]) if n > 0 && class[usize::from(space)] == SPACE && plain(next) => n += 2,
            _ => return n,
        }
    }
}

/// How many words (runs of non-whitespace) `text` has: `text.split_whitespace().count()`.
pub(crate) fn count_words(text: &str) -> usize {
    // The word starts of ASCII text, counted without a branch per byte (in blocks, so that the
    // compiler can count many bytes at once), in the same pass that finds whether the text is
    // ASCII at all (else Unicode's white space decides).
    let b = text.as_bytes();
    let space = |c: u8| (c == b' ') | (c.wrapping_sub(b'\t') < 5);
    let first = usize::from(b.first().is_some_and(|&c| !space(c)));
    let mut high = b.first().copied().unwrap_or(0);
    let mut starts = 0;
    for (xs, ys) in b.chunks(256).zip(b.get(1..).unwrap_or_default().chunks(256)) {
        let mut n = 0u32;
        for (&x, &y) in xs.iter().zip(ys) {
            n += u32::from(space(x) & !space(y));
            high |= y;
        }
        starts += n as usize;
    }
    if high >= 0x80 {
        return text.split_whitespace().count();
    }
    first + starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_fold_to_straight_ones() {
        let folded: String = "‘a’ ‚b‛ ′c` ´d “e” „f‟ ″g x".chars().map(|c| fold_quote(c).unwrap_or(c)).collect();
        assert_eq!(folded, "'a' 'b' 'c' 'd \"e\" \"f\" \"g x");
    }

    #[test]
    fn final_punctuation_table() {
        let cases = [
            ("What needs to improve?1", Some('?')),
            ("Strengths", None),
            ("as set out below:", Some(':')),
            ("the end.”", Some('.')),
            ("in Bradford.¹", Some('.')),
            ("(see above).)", Some('.')),
            ("**bold.**", Some('.')),
            ("in 2018", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(final_punctuation(text), want, "{text:?}");
        }
    }

    #[test]
    fn prefixes_end_on_boundaries() {
        assert_eq!(prefix("abc", 10), "abc");
        assert_eq!(prefix("a’b", 2), "a");
        assert_eq!(prefix("a’b", 4), "a’");
        assert!(is_space('\u{feff}') && is_space('\u{a0}') && !is_space('x'));
    }

    #[test]
    fn words_counted_as_split_whitespace_counts_them() {
        for text in
            ["", " ", "a", " a  b ", "a\tb\nc\u{b}d\u{c}e\rf", "a\u{a0}b\u{2003}c", "é ü", "a\u{85}b", "x\u{1c}y"]
        {
            assert_eq!(count_words(text), text.split_whitespace().count(), "{text:?}");
        }
    }

    #[test]
    fn plain_runs_take_single_inner_spaces() {
        let plain = &plain_bytes(b"", false);
        let cases: &[(&str, usize)] =
            &[("", 0), (" ab", 0), ("ab cd", 5), ("ab  cd", 2), ("ab cd ", 5), ("ab c1", 4), ("ab 1", 2), ("1ab", 0)];
        for &(text, want) in cases {
            assert_eq!(plain_len(text.as_bytes(), plain), want, "{text:?}");
        }
        let some = plain_bytes(b"*", true);
        for (b, want) in [(b'a', true), (b'1', true), (b'*', false), (b' ', false), (0x7f, false), (0xe2, false)] {
            assert_eq!(some[usize::from(b)] == PLAIN, want, "{b}");
        }
    }

    /// Word counts of texts long enough to span several of the counting blocks.
    mod words_by_definition {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            #[test]
            fn as_split_whitespace(pieces in prop::collection::vec(prop::sample::select(vec!["a", "bc", " ", "  ", "\t", "\n", "\u{b}", "x\r\n", "\u{a0}", "é"]), 0..400)) {
                let text = pieces.concat();
                prop_assert_eq!(count_words(&text), text.split_whitespace().count());
                let ascii: String = text.chars().filter(char::is_ascii).collect();
                prop_assert_eq!(count_words(&ascii), ascii.split_whitespace().count());
            }
        }
    }

    /// The same run as the plain definition.
    mod plain_len_by_definition {
        use proptest::prelude::*;

        use super::super::*;

        fn by_definition(bytes: &[u8], class: &[u8; 256]) -> usize {
            let plain = |i: usize| bytes.get(i).is_some_and(|&b| class[usize::from(b)] == PLAIN);
            let mut n = 0;
            while n < bytes.len() && (plain(n) || (bytes[n] == b' ' && n > 0 && plain(n + 1))) {
                n += 1;
            }
            n
        }

        proptest! {
            #[test]
            fn same_run(text in prop::collection::vec(prop::sample::select(b"ab  *1-\t\xc3\xa9".to_vec()), 0..40)) {
                for class in [plain_bytes(b"*", true), plain_bytes(b"-", false)] {
                    prop_assert_eq!(plain_len(&text, &class), by_definition(&text, &class));
                }
            }
        }
    }
}
