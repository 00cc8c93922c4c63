//! Splitting the input into lines and pages, keeping byte offsets.

use crate::text::is_space;

/// One line of the input, trimmed of surrounding whitespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line {
    /// Offset of the first non-space character (or of the line's end when blank).
    pub start: usize,
    /// Offset one past the last non-space character.
    pub end: usize,
    /// Offset of the line end (before the newline), trailing whitespace included.
    pub raw_end: usize,
    /// Zero-based page number (pages are separated by form feeds).
    pub page: u32,
    /// Whether a form feed comes right before this line.
    pub page_start: bool,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.start == self.end
    }

    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }

    /// The line from its first non-space character to its end, trailing whitespace included
    /// (table rows keep their empty trailing cells).
    pub fn raw<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.raw_end]
    }
}

/// Splits `src` into lines on LF, CRLF, CR and form feed; a form feed also starts a new page.
pub(crate) fn split_lines(src: &str) -> Vec<Line> {
    let bytes = src.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut page = 0u32;
    let mut page_start = false;
    let mut line_start = 0usize;
    let mut i = 0usize;
    while i <= bytes.len() {
        // The next line end (or the end of the text).
        i = memchr::memchr3(b'\n', b'\r', b'\x0c', &bytes[i..]).map_or(bytes.len(), |k| i + k);
        let b = bytes.get(i).copied();
        let (start, end) = trim(src, line_start, i);
        lines.push(Line { start, end, raw_end: i, page, page_start });
        page_start = false;
        match b {
            Some(b'\r') if bytes.get(i + 1) == Some(&b'\n') => i += 1,
            Some(b'\x0c') => {
                page += 1;
                page_start = true;
            }
            _ => {}
        }
        i += 1;
        line_start = i;
    }
    // A form feed right after a line end yields an empty line that only marks the page break:
    // carry the mark to the next line so "page_start" sits on real content.
    for k in 0..lines.len().saturating_sub(1) {
        if lines[k].page_start && lines[k].is_blank() {
            lines[k + 1].page_start = true;
        }
    }
    lines
}

fn trim(src: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &src[start..end];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let rest = &s[lead..];
    let body = rest.trim_end_matches(is_space);
    (start + lead, start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_and_pages() {
        let src = "\u{feff}a \r\nb\rc\n\x0cd\n\n e\u{a0}\x0c";
        let lines = split_lines(src);
        let texts: Vec<&str> = lines.iter().map(|l| l.text(src)).collect();
        assert_eq!(texts, ["a", "b", "c", "", "d", "", "e", ""]);
        let pages: Vec<u32> = lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, [0, 0, 0, 0, 1, 1, 1, 2]);
        assert!(lines[4].page_start);
        assert!(!lines[5].page_start);
    }
}
