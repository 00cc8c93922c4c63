//! Page furniture: what PDF extraction repeats on every page and is not part of the letter.
//!
//! Everything here is detected from the document itself — lines that repeat at page
//! boundaries, page numbers, footnotes at the foot of a page — never from a list of known
//! logo lines.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::read::lines::Line;

/// Which lines are furniture, and which footnote numbers the document defines.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    pub flags: Vec<bool>,
    pub footnotes: Vec<u32>,
}

static PAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"^(?i:page\s+)?\d{1,4}\s*(?i:of|/)\s*\d{1,4}$|^(?i:page)\s+\d{1,4}$|^-\s*\d{1,4}\s*-$")
        .unwrap()
});
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| crate::text::rx::regex(r"^\d{1,4}$").unwrap());
static FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"^(\d{1,2})(?:\s+[\[(\x22'‘“A-Z]|[A-Z][a-z])|^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S").unwrap()
});
static GLUED_MARK: LazyLock<Regex> =
    LazyLock::new(|| crate::text::rx::regex(r"[a-z][.?!:)]?(\d{1,2})(?:\s|$)").unwrap());

/// How many rounds of repeated-line detection run at most. Each round can uncover another layer
/// of a stacked page foot (a footer under a running title under a page number): once the
/// furniture found so far is set aside, the lines beyond it are at the page's edge too.
const REPEAT_ROUNDS: usize = 4;

/// Each content line's position on its page, counting only lines not (yet) known to be
/// furniture: from the top and from the bottom.
struct Positions {
    from_top: Vec<usize>,
    from_bottom: Vec<usize>,
}

/// Detects furniture lines in `lines` of `src`.
pub(crate) fn detect(src: &str, lines: &[Line]) -> Furniture {
    let mut d = Detector::new(src, lines);
    d.page_numbers();
    d.repeated_lines();
    d.stacked_page_numbers();
    d.source_comment();
    d.footnotes_anywhere();
    d.footnotes_at_page_feet();
    d.footnotes.sort_unstable();
    Furniture { flags: d.flags, footnotes: d.footnotes }
}

/// Furniture detection, one phase after another, each setting more lines aside.
struct Detector<'a> {
    src: &'a str,
    lines: &'a [Line],
    flags: Vec<bool>,
    footnotes: Vec<u32>,
    has_pages: bool,
    pages: Vec<std::ops::Range<usize>>,
    /// Blank lines before and after each line's stanza (a run of consecutive non-blank lines).
    gap_before: Vec<usize>,
    gap_after: Vec<usize>,
}

impl<'a> Detector<'a> {
    fn new(src: &'a str, lines: &'a [Line]) -> Detector<'a> {
        let (gap_before, gap_after) = gaps(lines);
        Detector {
            src,
            lines,
            flags: vec![false; lines.len()],
            footnotes: Vec::new(),
            has_pages: lines.iter().any(|l| l.page > 0),
            pages: pages(lines),
            gap_before,
            gap_after,
        }
    }

    fn text(&self, k: usize) -> &'a str {
        self.lines[k].text(self.src)
    }

    fn is_content(&self, k: usize) -> bool {
        !self.lines[k].is_blank() && !self.flags[k]
    }

    fn positions(&self) -> Positions {
        let n = self.lines.len();
        let mut p = Positions { from_top: vec![usize::MAX; n], from_bottom: vec![usize::MAX; n] };
        for page in &self.pages {
            let idx: Vec<usize> = page.clone().filter(|&k| self.is_content(k)).collect();
            for (pos, &k) in idx.iter().enumerate() {
                p.from_top[k] = pos;
                p.from_bottom[k] = idx.len() - 1 - pos;
            }
        }
        p
    }

    /// Whether line `k` sits where furniture sits: near a page's top or bottom, or set apart
    /// by wide gaps (text without form feeds).
    fn at_boundary(&self, k: usize, p: &Positions) -> bool {
        let page_edge = self.has_pages && (p.from_top[k] < 3 || p.from_bottom[k] < 3);
        page_edge || self.gap_before[k] >= 2 || self.gap_after[k] >= 2
    }

    /// Page numbers: "Page 2 of 3", "- 2 -", and a bare number at a page's top or bottom.
    fn page_numbers(&mut self) {
        let p = self.positions();
        for k in 0..self.lines.len() {
            let t = self.text(k);
            let bare = BARE_NUMBER.is_match(t) && self.has_pages && (p.from_top[k] == 0 || p.from_bottom[k] == 0);
            if bare || PAGE_OF.is_match(t) {
                self.flags[k] = true;
            }
        }
    }

    /// Lines that repeat at page boundaries (logos, running headers and footers, markings),
    /// found in rounds until a round finds nothing new. Each line's key is computed once.
    fn repeated_lines(&mut self) {
        let keys: Vec<Option<u64>> = self
            .lines
            .iter()
            .map(|line| {
                let t = line.text(self.src);
                let candidate = !line.is_blank() && t.len() <= 120 && super::markers::marker(t).is_none();
                candidate.then(|| repeat_key(t))
            })
            .collect();
        for _ in 0..REPEAT_ROUNDS {
            if !self.repeated_round(&keys) {
                break;
            }
        }
    }

    /// One round: groups of lines with the same key, flagged when most of a group sits at page
    /// edges (or the line is a short upper-case marking). Returns whether it flagged any.
    fn repeated_round(&mut self, keys: &[Option<u64>]) -> bool {
        let p = self.positions();
        let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
        for (k, key) in keys.iter().enumerate() {
            if let Some(key) = key
                && !self.flags[k]
            {
                groups.entry(*key).or_default().push(k);
            }
        }
        let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|occ| occ.len() >= 2).collect();
        groups.sort_unstable_by_key(|occ| occ[0]);
        let mut found = false;
        for occ in &groups {
            let first = self.text(occ[0]);
            if !first.chars().any(char::is_alphabetic) || super::headings::classify(first).is_some() {
                continue;
            }
            let edge = occ.iter().filter(|&&k| self.at_boundary(k, &p)).count();
            let marking = first.split(' ').count() <= 3 && !first.chars().any(char::is_lowercase);
            if (edge >= 2 && edge * 3 >= occ.len() * 2) || marking {
                found = true;
                for &k in occ {
                    self.flags[k] = true;
                }
            }
        }
        found
    }

    /// A page number stacked with other furniture ("2" above a running footer, below a logo
    /// block): a bare number that is the page's first or last line once the furniture found so
    /// far is set aside.
    fn stacked_page_numbers(&mut self) {
        if !self.has_pages {
            return;
        }
        for page in self.pages.clone() {
            let edges = [page.clone().find(|&k| self.is_content(k)), page.rev().find(|&k| self.is_content(k))];
            for k in edges.into_iter().flatten() {
                if BARE_NUMBER.is_match(self.text(k)) {
                    self.flags[k] = true;
                }
            }
        }
    }

    /// A "# source:" comment that extraction tools put on the first line.
    fn source_comment(&mut self) {
        if let Some(k) = self.lines.iter().position(|l| !l.is_blank())
            && self.text(k).starts_with("# source:")
        {
            self.flags[k] = true;
        }
    }

    /// The stanza (run of non-blank lines within one page) around line `k`.
    fn stanza_of(&self, k: usize) -> (usize, usize) {
        let lines = self.lines;
        let mut a = k;
        while a > 0 && !lines[a - 1].is_blank() && !lines[a].page_start {
            a -= 1;
        }
        let mut b = k + 1;
        while b < lines.len() && !lines[b].is_blank() && !lines[b].page_start {
            b += 1;
        }
        (a, b)
    }

    /// The footnote number line `k` starts with, if any (1–30, or superscript digits).
    fn footnote_number(&self, k: usize) -> Option<u32> {
        let c = FOOTNOTE.captures(self.text(k))?;
        if let Some(d) = c.get(1) {
            return d.as_str().parse().ok().filter(|&n| (1..=30).contains(&n));
        }
        let digits: String = c.get(2)?.as_str().chars().map(superscript_digit).collect();
        digits.parse().ok()
    }

    fn mark_stanza(&mut self, a: usize, b: usize, num: u32) {
        for f in &mut self.flags[a..b] {
            *f = true;
        }
        if !self.footnotes.contains(&num) {
            self.footnotes.push(num);
        }
    }

    /// Superscript-numbered footnotes, and those whose number is glued to a word somewhere in
    /// the text ("Bradford.1"), wherever they stand.
    fn footnotes_anywhere(&mut self) {
        // The numbers (1 to 30) glued to words, found over the whole text only if a stanza
        // needs them.
        let glued = std::cell::OnceCell::new();
        let glued = |num: u32| -> bool {
            let seen = glued.get_or_init(|| {
                let mut seen = [false; 31];
                for n in GLUED_MARK.captures_iter(self.src).filter_map(|c| c.get(1)?.as_str().parse::<usize>().ok()) {
                    if (1..=30).contains(&n) {
                        seen[n] = true;
                    }
                }
                seen
            });
            seen.get(num as usize).copied().unwrap_or(false)
        };
        let n = self.lines.len();
        let mut k = 0;
        while k < n {
            let starts_stanza = k == 0 || self.lines[k - 1].is_blank() || self.lines[k].page_start;
            if self.is_content(k)
                && starts_stanza
                && let Some(num) = self.footnote_number(k)
            {
                let t = self.text(k);
                let superscript = !t.starts_with(|c: char| c.is_ascii_digit());
                if superscript || (t.split_whitespace().count() >= 4 && glued(num)) {
                    let (a, b) = self.stanza_of(k);
                    self.mark_stanza(a, b, num);
                    k = b;
                    continue;
                }
            }
            k += 1;
        }
    }

    /// Footnotes at the foot of a page (before a form feed, before furniture, or at the end):
    /// short stanzas that start with a footnote number, read upwards from the foot.
    fn footnotes_at_page_feet(&mut self) {
        let (lines, n) = (self.lines, self.lines.len());
        let page_ends: Vec<usize> = (0..n)
            .filter(|&k| k + 1 == n || lines[k + 1].page_start || (self.flags[k + 1] && !self.flags[k]))
            .collect();
        for end in page_ends {
            let page = lines[end].page;
            let mut next = Some(end);
            while let Some(i) = next {
                // The last content line at or above `i` on this page.
                let Some(i) = (0..=i).rev().take_while(|&j| lines[j].page == page).find(|&j| self.is_content(j)) else {
                    break;
                };
                let (a, b) = self.stanza_of(i);
                match self.footnote_number(a) {
                    Some(num) if b - a <= 6 && self.text(a).split_whitespace().count() >= 3 => {
                        self.mark_stanza(a, b, num);
                        next = a.checked_sub(1);
                    }
                    _ => break,
                }
            }
        }
    }
}

/// Blank-line gaps around each line's stanza: (before, after); the document's start and end
/// count as wide gaps.
fn gaps(lines: &[Line]) -> (Vec<usize>, Vec<usize>) {
    let n = lines.len();
    let mut gap_before = vec![0usize; n];
    let mut gap_after = vec![0usize; n];
    let mut blanks = usize::MAX / 2;
    for k in 0..n {
        if lines[k].is_blank() {
            blanks += 1;
        } else {
            gap_before[k] = if k > 0 && !lines[k - 1].is_blank() { gap_before[k - 1] } else { blanks };
            blanks = 0;
        }
    }
    blanks = usize::MAX / 2;
    for k in (0..n).rev() {
        if lines[k].is_blank() {
            blanks += 1;
        } else {
            gap_after[k] = if k + 1 < n && !lines[k + 1].is_blank() { gap_after[k + 1] } else { blanks };
            blanks = 0;
        }
    }
    (gap_before, gap_after)
}

/// The line ranges of each page, in order.
fn pages(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let page = lines[i].page;
        let mut j = i;
        while j < lines.len() && lines[j].page == page {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

fn superscript_digit(c: char) -> char {
    match c {
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁰' => '0',
        c => char::from_digit(c as u32 - 0x2070, 10).unwrap_or('0'),
    }
}

/// Lines compare equal for repetition when they differ only in case, spacing and numbers
/// ("Page 3" and "Page 4"): a hash of the line with those differences taken out.
fn repeat_key(t: &str) -> u64 {
    // FNV-1a over the normalised characters' UTF-8 bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let mut last_digit = false;
    let mut first = true;
    for w in t.split_whitespace() {
        if !first {
            feed(b' ');
        }
        first = false;
        let mut rest = w;
        while let Some(&b) = rest.as_bytes().first() {
            if b.is_ascii_digit() {
                if !last_digit {
                    feed(b'#');
                }
                last_digit = true;
                rest = &rest[1..];
            } else if b.is_ascii() {
                last_digit = false;
                feed(b.to_ascii_lowercase());
                rest = &rest[1..];
            } else {
                last_digit = false;
                let c = rest.chars().next().unwrap_or_default();
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    l.encode_utf8(&mut buf).bytes().for_each(&mut feed);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::lines::split_lines;

    fn furniture_lines(src: &str) -> (Vec<String>, Vec<u32>) {
        let lines = split_lines(src);
        let f = detect(src, &lines);
        let got = lines.iter().zip(&f.flags).filter(|(_, f)| **f).map(|(l, _)| l.text(src).to_string()).collect();
        (got, f.footnotes)
    }

    #[test]
    fn repeated_logo_blocks_without_form_feeds() {
        let src = "\n\nLogo Line\nof Things\n\n\n\n12 May 2026\n\nDear all\n\nSome text that\n\n\n\nLogo Line\nof Things\n\n\n\ncontinues here.\n\nStrengths\n\n- One.\n";
        let (got, _) = furniture_lines(src);
        assert_eq!(got, ["Logo Line", "of Things", "Logo Line", "of Things"]);
    }

    #[test]
    fn page_numbers_footers_and_footnotes() {
        let src = "Dear all\n\nIn Bradford.1 This text\nruns on\n\n1 This joint inspection was conducted under section 20.\n\n1\n\x0cInspection of Foo children's services\nMore text, Page 2 of 3\n\nPage 2 of 3\n\x0cInspection of Foo children's services\nEnd.\n\n3\n";
        let (got, notes) = furniture_lines(src);
        assert_eq!(
            got,
            [
                "1 This joint inspection was conducted under section 20.",
                "1",
                "Inspection of Foo children's services",
                "Page 2 of 3",
                "Inspection of Foo children's services",
                "3"
            ]
        );
        assert_eq!(notes, [1]);
    }

    #[test]
    fn stacked_page_feet() {
        // A page number above a running footer, and a four-line foot (title, dates, page
        // number, footer): all furniture, however deep the stack.
        let words = ["Leaders know their services", "Children are seen quickly and", "Plans are clear and"];
        let page = |n: u32| {
            let text = words[n as usize - 1];
            format!(
                "{text}\n\nInspection of Foo children's services\n1 to 5 May 2026\n\n{n}\n\nwww.example.org/foo\n\x0c"
            )
        };
        let src = format!("Dear all\n\n{}{}{}Last words.\n", page(1), page(2), page(3));
        let (got, _) = furniture_lines(&src);
        let foot = ["Inspection of Foo children's services", "1 to 5 May 2026"];
        let want: Vec<String> = (1..=3)
            .flat_map(|n| [foot[0].to_string(), foot[1].to_string(), n.to_string(), "www.example.org/foo".to_string()])
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn keeps_repeated_headings_and_single_lines() {
        let src = "Strengths\n\n\n\n- A.\n\n\n\nStrengths\n\n\n\nOnly once\n\n\n\nLeadership\n\nText.\n";
        let (got, _) = furniture_lines(src);
        assert!(got.is_empty(), "{got:?}");
    }
}
