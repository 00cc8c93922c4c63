//! Building cleaned block text from pieces of the original, with a map back to it.
//!
//! Block text is not a slice of the input: lines are unwrapped, whitespace collapsed, quotes
//! straightened and furniture dropped. [`Cleaner`] builds that text from byte ranges of the
//! original and records in an [`OffsetMap`] where each piece came from, so any range of the
//! cleaned text maps back to a [`Span`] of the original.

use std::borrow::Cow;

use crate::text::{OffsetMap, Span, fold_quote, is_space, plain_bytes, plain_len};

/// Cleaned text with a map back into the original input.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cleaned {
    pub text: String,
    pub map: OffsetMap,
}

impl Cleaned {
    /// The original span of cleaned range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        self.map.span(start, end)
    }
}

/// What to drop or rewrite while cleaning.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CleanOptions<'f> {
    /// Footnote numbers the document defines: markers glued to words ("board1") are dropped.
    pub footnotes: &'f [u32],
}

/// The cleaned text of the one original range `[start, end)` (a line, a heading).
pub(crate) fn clean_segment(src: &str, start: usize, end: usize, opts: CleanOptions<'_>) -> String {
    clean_text(src, start, end, opts).into_owned()
}

/// The cleaned text of the original range `[start, end)`, borrowed when cleaning would not
/// change it (plain bytes and single inner spaces: most lines).
pub(crate) fn clean_text<'s>(src: &'s str, start: usize, end: usize, opts: CleanOptions<'_>) -> Cow<'s, str> {
    let text = &src[start..end];
    if is_clean(text, opts) {
        return Cow::Borrowed(text);
    }
    let mut c = Cleaner::new(src, opts);
    c.push_segment(start, end);
    Cow::Owned(c.finish().text)
}

/// Bytes copied as they are, in bulk: printable ASCII but for the few that start markup (and
/// digits, when they may be footnote markers).
fn plain_table(opts: CleanOptions<'_>) -> &'static [u8; 256] {
    const ALL: [u8; 256] = plain_bytes(b"*<`", true);
    const NO_DIGITS: [u8; 256] = plain_bytes(b"*<`", false);
    if opts.footnotes.is_empty() { &ALL } else { &NO_DIGITS }
}

/// Whether cleaning leaves `text` as it is: every byte plain or a space, no space at either
/// end and none doubled.
fn is_clean(text: &str, opts: CleanOptions<'_>) -> bool {
    plain_len(text.as_bytes(), plain_table(opts)) == text.len()
}

/// What a character becomes in cleaned text, when it is rewritten: straight quotes for curly
/// ones, letters for ligatures, nothing for superscript footnote digits.
fn replacement(c: char) -> Option<&'static str> {
    match fold_quote(c) {
        Some('\'') => return Some("'"),
        Some(_) => return Some("\""),
        None => {}
    }
    match c {
        '\u{fb01}' => Some("fi"),
        '\u{fb02}' => Some("fl"),
        '\u{fb00}' => Some("ff"),
        '\u{fb03}' => Some("ffi"),
        '\u{fb04}' => Some("ffl"),
        '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}' => Some(""),
        _ => None,
    }
}

/// Builds a [`Cleaned`] from segments of the original text.
pub(crate) struct Cleaner<'a, 'f> {
    src: &'a str,
    opts: CleanOptions<'f>,
    out: Cleaned,
    /// A space is owed before the next character (set by whitespace and segment joins).
    space: Option<(usize, usize)>,
    /// Start (in the original) of a stretch being copied as it is, not yet written.
    verbatim_from: Option<usize>,
    /// Start of the segment being cleaned: what comes before it is not looked at.
    seg_start: usize,
}

impl<'a, 'f> Cleaner<'a, 'f> {
    pub fn new(src: &'a str, opts: CleanOptions<'f>) -> Self {
        Cleaner { src, opts, out: Cleaned::default(), space: None, verbatim_from: None, seg_start: 0 }
    }

    /// Appends the original range `[start, end)` as a new segment (a line, or part of one).
    /// Segments are joined by one space, or by nothing after a line-end hyphen that splits a word.
    pub fn push_segment(&mut self, start: usize, end: usize) {
        let text = &self.src[start..end];
        if text.is_empty() {
            return;
        }
        if !self.out.text.is_empty() && self.space.is_none() {
            let joins_word = self.out.text.ends_with('-')
                && self.out.text[..self.out.text.len() - 1].chars().next_back().is_some_and(char::is_alphabetic)
                && text.chars().next().is_some_and(char::is_lowercase);
            if !joins_word {
                self.space = Some((start, start));
            }
        }
        self.clean_into(start, end);
    }

    pub fn finish(self) -> Cleaned {
        self.out
    }

    fn emit_space(&mut self) {
        if let Some((a, b)) = self.space.take()
            && !self.out.text.is_empty()
        {
            self.push_replacement(a, b, " ");
        }
    }

    fn push_verbatim(&mut self, orig: usize, orig_end: usize) {
        self.emit_space();
        let clean = self.out.text.len();
        self.out.text.push_str(&self.src[orig..orig_end]);
        self.out.map.push_verbatim(clean, orig, orig_end - orig);
    }

    fn push_replacement(&mut self, orig: usize, orig_end: usize, s: &str) {
        let clean = self.out.text.len();
        self.out.text.push_str(s);
        self.out.map.push_replacement(clean, s.len(), orig, orig_end);
    }

    /// Writes the stretch being copied, up to `upto`.
    fn flush(&mut self, upto: usize) {
        if let Some(v) = self.verbatim_from.take()
            && upto > v
        {
            self.push_verbatim(v, upto);
        }
    }

    /// Starts (or goes on with) a stretch copied as it is, at `at`.
    fn copy_from(&mut self, at: usize) {
        if self.verbatim_from.is_none() {
            self.emit_space();
            self.verbatim_from = Some(at);
        }
    }

    /// Cleans the original range `[start, end)`: each step takes what it recognises at the
    /// current offset and returns where the next one starts.
    fn clean_into(&mut self, start: usize, end: usize) {
        self.seg_start = start;
        let mut at = start;
        while at < end {
            at = self
                .plain_run(at, end)
                .or_else(|| self.whitespace(at, end))
                .or_else(|| self.rewritten(at))
                .or_else(|| self.emphasis(at, end))
                .or_else(|| self.html_tag(at, end))
                .or_else(|| self.digits(at, end))
                .unwrap_or_else(|| {
                    self.copy_from(at);
                    at + self.char_at(at).len_utf8()
                });
        }
        self.flush(end);
    }

    fn char_at(&self, at: usize) -> char {
        self.src[at..].chars().next().expect("in bounds")
    }

    /// A run of plain bytes (and single spaces between them, which clean to themselves):
    /// copied.
    fn plain_run(&mut self, at: usize, end: usize) -> Option<usize> {
        let n = plain_len(&self.src.as_bytes()[at..end], plain_table(self.opts));
        if n == 0 {
            return None;
        }
        self.copy_from(at);
        Some(at + n)
    }

    /// Whitespace: collapsed into one owed space; a soft hyphen is dropped.
    fn whitespace(&mut self, at: usize, end: usize) -> Option<usize> {
        let c = self.char_at(at);
        if !(is_space(c) || c == '\u{ad}') {
            return None;
        }
        self.flush(at);
        let next = at + c.len_utf8();
        if c == '\u{ad}' {
            return Some(next);
        }
        let run = self.src[next..end].chars().take_while(|&d| is_space(d)).map(char::len_utf8).sum::<usize>();
        if !self.out.text.is_empty() {
            self.space = Some((at, next + run));
        }
        Some(next + run)
    }

    /// A character rewritten by [`replacement`].
    fn rewritten(&mut self, at: usize) -> Option<usize> {
        let c = self.char_at(at);
        let rep = replacement(c)?;
        self.flush(at);
        if !rep.is_empty() {
            self.emit_space();
        }
        let next = at + c.len_utf8();
        self.push_replacement(at, next, rep);
        Some(next)
    }

    /// Markdown emphasis (`**bold**`, `***x***`): dropped.
    fn emphasis(&mut self, at: usize, end: usize) -> Option<usize> {
        if !self.src[at..end].starts_with("**") {
            return None;
        }
        self.flush(at);
        let n = self.src.as_bytes()[at..end].iter().take_while(|&&b| b == b'*').count();
        self.push_replacement(at, at + n, "");
        Some(at + n)
    }

    /// An HTML tag left by a converter: dropped, owing a space.
    fn html_tag(&mut self, at: usize, end: usize) -> Option<usize> {
        if !self.src[at..end].starts_with('<') {
            return None;
        }
        let len = html_tag_len(&self.src[at..end])?;
        self.flush(at);
        if !self.out.text.is_empty() {
            self.space = Some((at, at + len));
        }
        Some(at + len)
    }

    /// Digits, when the document has footnotes: a marker glued to a word or punctuation
    /// ("board1", "Liverpool.1") is dropped; other digits are copied.
    fn digits(&mut self, at: usize, end: usize) -> Option<usize> {
        let footnotes = self.opts.footnotes;
        let seg = &self.src[..end];
        let n = seg.as_bytes()[at..].iter().take_while(|b| b.is_ascii_digit()).count();
        if n == 0 || footnotes.is_empty() {
            return None;
        }
        let prev = seg[self.seg_start..at].chars().next_back();
        let after = seg[at + n..].chars().next();
        let glued = prev.is_some_and(|p| p.is_lowercase() || matches!(p, '.' | '?' | '!' | ',' | ';' | ':' | ')'))
            && after.is_none_or(|a| is_space(a) || a == ',' || a == '.' || a == ';');
        if glued && n <= 2 && seg[at..at + n].parse::<u32>().is_ok_and(|d| footnotes.contains(&d)) {
            self.flush(at);
            self.push_replacement(at, at + n, "");
        } else {
            self.copy_from(at);
        }
        Some(at + n)
    }
}

/// Length of an HTML tag at the start of `s` (`<ul style="…">`, `</li>`), if it is one.
fn html_tag_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.get(1)?;
    if !(first.is_ascii_alphabetic() || first == b'/') {
        return None;
    }
    let window = &s.as_bytes()[..s.len().min(302)];
    let close = window.iter().position(|&b| b == b'>')?;
    let inner = &s[1..close];
    if inner.contains('<') || inner.contains('\n') {
        return None;
    }
    let name: String = inner.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    const TAGS: &[&str] =
        &["ul", "ol", "li", "br", "p", "b", "i", "u", "em", "strong", "span", "div", "sup", "sub", "a"];
    TAGS.contains(&name.to_ascii_lowercase().as_str()).then_some(close + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(src: &str, segs: &[(usize, usize)], footnotes: &[u32]) -> Cleaned {
        let mut c = Cleaner::new(src, CleanOptions { footnotes });
        for &(a, b) in segs {
            c.push_segment(a, b);
        }
        c.finish()
    }

    #[test]
    fn joins_lines_and_maps_back() {
        let src = "Improve  information-\nsharing across the\npartnership.";
        let segs = [(0, 21), (22, 40), (41, 53)];
        let c = clean(src, &segs, &[]);
        assert_eq!(c.text, "Improve information-sharing across the partnership.");
        let at = c.text.find("sharing").unwrap();
        assert_eq!(&src[c.span(at, at + 7).range()], "sharing");
        let at = c.text.find("the partnership").unwrap();
        assert_eq!(&src[c.span(at, at + 15).range()], "the\npartnership");
        assert_eq!(c.span(0, c.text.len()), Span::new(0, src.len()));
    }

    #[test]
    fn rewrites_quotes_markup_and_footnotes() {
        let cases: &[(&str, &[u32], &str)] = &[
            ("children\u{2019}s \u{201c}voice\u{201d}", &[], "children's \"voice\""),
            ("**Rupert Matthews**", &[], "Rupert Matthews"),
            ("Reason: <ul style=\"x\"> Local response", &[], "Reason: Local response"),
            ("in Bradford.1 This", &[1], "in Bradford. This"),
            ("the board1 and", &[1], "the board and"),
            ("the board1 and", &[], "the board1 and"),
            ("level 1 reviews", &[1], "level 1 reviews"),
            ("notice\u{b9}. Local", &[], "notice. Local"),
            ("a\u{a0}b\u{ad}c", &[], "a bc"),
        ];
        for (src, notes, want) in cases {
            let c = clean(src, &[(0, src.len())], notes);
            assert_eq!(c.text, *want, "for {src:?}");
            // Every char boundary of the cleaned text maps into bounds and on char boundaries.
            for (i, _) in c.text.char_indices() {
                let s = c.span(i, c.text.len());
                assert!(src.is_char_boundary(s.start) && src.is_char_boundary(s.end));
            }
        }
    }
}
