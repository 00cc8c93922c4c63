//! Building cleaned block text from pieces of the original, with a map back to it.
//!
//! Block text is not a slice of the input: lines are unwrapped, whitespace collapsed, quotes
//! straightened and furniture dropped. [`Cleaner`] builds that text from byte ranges of the
//! original and records, run by run, where each piece came from, so any range of the cleaned
//! text maps back to a [`Span`] of the original.

use crate::model::Span;
use crate::read::is_space;

/// A run of cleaned text and the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Run {
    clean: usize,
    clean_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Run {
    /// A verbatim run maps byte for byte; a replacement maps as a whole.
    fn verbatim(&self) -> bool {
        self.clean_len == self.orig_len
    }
}

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

/// Where each stretch of a cleaned text came from in the original input.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    runs: Vec<Run>,
}

impl OffsetMap {
    /// Whether the map is empty (a block read back from JSON has none).
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// The original span of cleaned range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        if self.runs.is_empty() {
            return Span::default();
        }
        let a = self.orig_start(start);
        let b = self.orig_end(end).max(a);
        Span::new(a, b)
    }

    fn run_at(&self, pos: usize) -> &Run {
        let i = self.runs.partition_point(|r| r.clean + r.clean_len <= pos);
        &self.runs[i.min(self.runs.len() - 1)]
    }

    fn orig_start(&self, pos: usize) -> usize {
        let r = self.run_at(pos);
        if pos >= r.clean + r.clean_len {
            r.orig + r.orig_len
        } else if r.verbatim() {
            r.orig + (pos - r.clean)
        } else {
            r.orig
        }
    }

    fn orig_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.runs[0].orig;
        }
        let r = self.run_at(pos - 1);
        if r.verbatim() { r.orig + (pos - r.clean) } else { r.orig + r.orig_len }
    }
}

/// What to drop or rewrite while cleaning.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CleanOptions<'f> {
    /// Footnote numbers the document defines: markers glued to words ("board1") are dropped.
    pub footnotes: &'f [u32],
}

/// Builds a [`Cleaned`] from segments of the original text.
pub(crate) struct Cleaner<'a, 'f> {
    src: &'a str,
    opts: CleanOptions<'f>,
    out: Cleaned,
    /// A space is owed before the next character (set by whitespace and segment joins).
    space: Option<(usize, usize)>,
}

impl<'a, 'f> Cleaner<'a, 'f> {
    pub fn new(src: &'a str, opts: CleanOptions<'f>) -> Self {
        Cleaner { src, opts, out: Cleaned::default(), space: None }
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

    fn emit_space(&mut self) {
        if let Some((a, b)) = self.space.take()
            && !self.out.text.is_empty()
        {
            self.push_replacement(a, b, " ");
        }
    }

    fn push_verbatim(&mut self, orig: usize, s: &str) {
        self.emit_space();
        let clean = self.out.text.len();
        self.out.text.push_str(s);
        if let Some(last) = self.out.map.runs.last_mut()
            && last.verbatim()
            && last.orig + last.orig_len == orig
            && last.clean + last.clean_len == clean
        {
            last.clean_len += s.len();
            last.orig_len += s.len();
            return;
        }
        self.out.map.runs.push(Run { clean, clean_len: s.len(), orig, orig_len: s.len() });
    }

    fn push_replacement(&mut self, orig: usize, orig_end: usize, s: &str) {
        let clean = self.out.text.len();
        self.out.text.push_str(s);
        // A same-length replacement ("`" for "'") maps byte for byte, which is still exact.
        self.out.map.runs.push(Run { clean, clean_len: s.len(), orig, orig_len: orig_end - orig });
    }

    fn clean_into(&mut self, start: usize, end: usize) {
        let src = self.src;
        let seg = &src[start..end];
        let bytes = seg.as_bytes();
        let footnotes = !self.opts.footnotes.is_empty();
        // Bytes copied as they are, in bulk: printable ASCII but for the few that start markup.
        let plain =
            |b: u8| (0x21..0x7f).contains(&b) && !matches!(b, b'*' | b'<' | b'`') && !(footnotes && b.is_ascii_digit());
        let mut verb_from: Option<usize> = None; // start (absolute) of pending verbatim stretch
        macro_rules! flush {
            ($upto:expr) => {
                if let Some(v) = verb_from.take() {
                    let upto = $upto;
                    if upto > v {
                        self.push_verbatim(v, &src[v..upto]);
                    }
                }
            };
        }
        let mut i = 0;
        while i < bytes.len() {
            if plain(bytes[i]) {
                if verb_from.is_none() {
                    self.emit_space();
                    verb_from = Some(start + i);
                }
                i += 1;
                while i < bytes.len() && plain(bytes[i]) {
                    i += 1;
                }
                continue;
            }
            let c = seg[i..].chars().next().expect("in bounds");
            let abs = start + i;
            let next_abs = abs + c.len_utf8();
            // Whitespace: collapse, map to one owed space.
            if is_space(c) || c == '\u{ad}' {
                flush!(abs);
                i += c.len_utf8();
                if c == '\u{ad}' {
                    continue; // soft hyphen: drop
                }
                let mut stop = next_abs;
                while let Some(d) = seg[i..].chars().next().filter(|&d| is_space(d)) {
                    i += d.len_utf8();
                    stop = start + i;
                }
                if !self.out.text.is_empty() || verb_from.is_some() {
                    self.space = Some((abs, stop));
                }
                continue;
            }
            let replacement: Option<&str> = match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => Some("'"),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => Some("\""),
                '\u{fb01}' => Some("fi"),
                '\u{fb02}' => Some("fl"),
                '\u{fb00}' => Some("ff"),
                '\u{fb03}' => Some("ffi"),
                '\u{fb04}' => Some("ffl"),
                '\u{b9}' | '\u{b2}' | '\u{b3}' | '\u{2070}'..='\u{2079}' => Some(""),
                _ => None,
            };
            if let Some(rep) = replacement {
                flush!(abs);
                if !rep.is_empty() {
                    self.emit_space();
                }
                self.push_replacement(abs, next_abs, rep);
                i += c.len_utf8();
                continue;
            }
            // Markdown emphasis (`**bold**`, `***x***`) and HTML tags left by converters.
            if c == '*' && seg[i..].starts_with("**") {
                flush!(abs);
                let n = bytes[i..].iter().take_while(|&&b| b == b'*').count();
                self.push_replacement(abs, abs + n, "");
                i += n;
                continue;
            }
            if c == '<'
                && let Some(len) = html_tag_len(&seg[i..])
            {
                flush!(abs);
                if !self.out.text.is_empty() {
                    self.space = Some((abs, abs + len));
                }
                i += len;
                continue;
            }
            // Footnote markers glued to a word or punctuation: "board1", "Liverpool.1".
            if c.is_ascii_digit() && footnotes {
                let n = bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();
                let digits = &seg[i..i + n];
                let prev = seg[..i].chars().next_back();
                let after = seg[i + n..].chars().next();
                let glued = prev
                    .is_some_and(|p| p.is_lowercase() || matches!(p, '.' | '?' | '!' | ',' | ';' | ':' | ')'))
                    && after.is_none_or(|a| is_space(a) || a == ',' || a == '.' || a == ';');
                if glued && n <= 2 && digits.parse::<u32>().is_ok_and(|d| self.opts.footnotes.contains(&d)) {
                    flush!(abs);
                    self.push_replacement(abs, abs + n, "");
                    i += n;
                    continue;
                }
                // Not a marker: copy the digits as they are.
                if verb_from.is_none() {
                    self.emit_space();
                    verb_from = Some(abs);
                }
                i += n;
                continue;
            }
            if verb_from.is_none() {
                self.emit_space();
                verb_from = Some(abs);
            }
            i += c.len_utf8();
        }
        flush!(end);
    }

    pub fn finish(self) -> Cleaned {
        self.out
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
