//! From lines to headings and blocks: unwrapping, rejoining across page breaks, bullets,
//! numbered points and table rows.

use super::headings;
use super::markers::marker;
use super::model::{BlockKind, SectionKind};
use crate::read::lines::Line;
use crate::text::final_punctuation;

/// A block before cleaning: which byte ranges of the input make it up.
#[derive(Debug, Clone)]
pub(crate) struct RawBlock {
    pub kind: BlockKind,
    /// Byte ranges of the original, in order (one per line or table cell).
    pub segs: Vec<(usize, usize)>,
    /// Index of the first line.
    pub first_line: usize,
    /// Index of the last line.
    pub last_line: usize,
    /// An item whose bullet stood alone on its line, away from its text (PDF extraction
    /// detaches glyphs, sometimes all of a list's at its top).
    pub detached: bool,
}

impl RawBlock {
    /// Text of the block as written, segments joined by single spaces (for tests).
    #[cfg(test)]
    pub fn joined(&self, src: &str) -> String {
        let mut s = String::new();
        for &(a, b) in &self.segs {
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&src[a..b]);
        }
        s
    }

    fn last_seg<'a>(&self, src: &'a str) -> &'a str {
        self.segs.last().map_or("", |&(a, b)| &src[a..b])
    }
}

/// A heading line (or two lines) with its canonical kind.
#[derive(Debug, Clone)]
pub(crate) struct RawHeading {
    pub kind: SectionKind,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub(crate) enum Event {
    Heading(RawHeading),
    Block(RawBlock),
}

/// How much separates a line from the previous content line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Gap {
    /// The very next line.
    None,
    /// Blank lines.
    Blank,
    /// A page break or page furniture.
    Page,
    /// A form feed followed by a blank line: the page starts with a new paragraph.
    PageThenBlank,
}

/// Words that cannot end a paragraph: a block ending in one continues after a gap.
const CONNECTIVES: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "of",
    "to",
    "in",
    "for",
    "with",
    "by",
    "on",
    "at",
    "from",
    "that",
    "which",
    "who",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "their",
    "its",
    "as",
    "than",
    "but",
    "nor",
    "this",
    "these",
    "those",
    "such",
    "into",
    "about",
    "between",
    "within",
    "across",
    "including",
    "through",
    "whether",
    "when",
    "where",
    "while",
    "has",
    "have",
    "had",
    "not",
    "also",
    "both",
    "all",
    "any",
    "some",
    "more",
    "most",
    "very",
    "our",
    "his",
    "her",
    "they",
    "there",
    "it",
];

/// Whether a line ends a sentence or a lead-in (a colon counts: what follows starts anew).
fn ends_terminal(text: &str) -> bool {
    final_punctuation(text).is_some()
}

fn ends_connective(text: &str) -> bool {
    let last = text.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let last = last.trim_end_matches(',');
    CONNECTIVES.contains(&last) || text.ends_with(',')
}

fn starts_lower(text: &str) -> bool {
    let t = text.trim_start_matches(['\'', '"', '‘', '“', '(']);
    t.chars().next().is_some_and(char::is_lowercase)
}

fn starts_upper_or_digit(text: &str) -> bool {
    let t = text.trim_start_matches(['\'', '"', '‘', '“', '*', '#']);
    t.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether `text` starts with the name of a month ("December 2017").
fn starts_with_month(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let word = text.split(|c: char| !c.is_alphabetic()).next().unwrap_or("").to_lowercase();
    word.len() >= 3 && MONTHS.iter().any(|m| m.starts_with(&word))
}

/// A salutation ("Dear Ian,"): a line of its own, whatever punctuation ends it.
fn is_salutation(text: &str) -> bool {
    text.starts_with("Dear ") && text.split_whitespace().count() <= 8
}

/// The width a document is hard-wrapped at (most long lines break before ~130 characters), or
/// `None` when it has one line per paragraph.
fn wrap_width(src: &str, lines: &[Line], furniture: &[bool]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .iter()
        .zip(furniture)
        .filter(|(l, f)| !l.is_blank() && !**f)
        .map(|(l, _)| l.text(src).chars().count())
        .filter(|&n| n >= 30)
        .collect();
    if lens.len() < 4 {
        return None;
    }
    lens.sort_unstable();
    let p90 = lens[lens.len() * 9 / 10];
    (p90 <= 130).then_some(p90)
}

/// The cells of a tab-separated row, each as a trimmed byte range.
fn cells(src: &str, line: &Line) -> Vec<(usize, usize)> {
    let raw = line.raw(src);
    let mut out = Vec::new();
    let mut pos = line.start;
    for cell in raw.split('\t') {
        let lead = cell.len() - cell.trim_start().len();
        let body = cell.trim();
        out.push((pos + lead, pos + lead + body.len()));
        pos += cell.len() + 1;
    }
    out
}

fn is_table_header(src: &str, cs: &[(usize, usize)]) -> bool {
    let filled: Vec<&str> = cs.iter().map(|&(a, b)| &src[a..b]).filter(|c| !c.is_empty()).collect();
    filled.len() >= 3
        && filled.iter().all(|c| {
            c.split_whitespace().count() <= 4 && !ends_terminal(c) && c.chars().next().is_some_and(char::is_uppercase)
        })
}

struct Assembler<'a> {
    src: &'a str,
    lines: &'a [Line],
    furniture: &'a [bool],
    hard_wrapped: bool,
    /// Lines this long or longer run on to the next line (in a hard-wrapped document).
    full_line: usize,
    /// Lines this long or longer in a hard-wrapped document were wrapped, not ended.
    long_line: usize,
    events: Vec<Event>,
    cur: Option<RawBlock>,
    /// The current item is a marker still waiting for its text.
    pending: bool,
    /// Inside a tab-separated table, after its header row.
    table: bool,
    /// Under a heading of a list section (priority actions, improvements, strengths).
    list_context: bool,
    /// In this list section a bullet stood alone on its line: its paragraphs are its items, not
    /// the explanation of one item.
    detached_list: bool,
    /// The bullets under way are the sub-points of a paragraph that led into them with a colon
    /// ("This should include:"): the paragraph after them is not their explanation.
    sub_points: bool,
    /// What separates the current line from the previous content line.
    gap: Gap,
    /// Since the last page start or furniture line, only blank lines have been seen.
    after_break: bool,
}

impl<'a> Assembler<'a> {
    fn close(&mut self) {
        if let Some(b) = self.cur.take() {
            if b.segs.is_empty() {
                return; // a lone marker that never got text
            }
            self.events.push(Event::Block(b));
        }
        self.pending = false;
    }

    /// The next content line after `k`, if it follows immediately (no blank, no furniture).
    fn next_adjacent(&self, k: usize) -> Option<usize> {
        let j = k + 1;
        (j < self.lines.len() && !self.lines[j].is_blank() && !self.furniture[j] && !self.lines[j].page_start)
            .then_some(j)
    }

    fn followed_by_gap(&self, k: usize) -> bool {
        self.next_adjacent(k).is_none()
    }

    /// A heading at line `k`: one of the vocabulary, a briefing's "01 Purpose…", or a table's
    /// numbered section row. Returns the heading and how many lines it takes.
    fn heading_at(&self, k: usize, gap: Gap) -> Option<(RawHeading, usize)> {
        let line = &self.lines[k];
        let text = line.text(self.src);
        if !(gap != Gap::None || self.cur.is_none()) || !starts_upper_or_digit(text) {
            return None;
        }
        let one = |kind| RawHeading { kind, start: line.start, end: line.end };
        // A numbered row of a table that has only its first cell: a section of a plan.
        if line.raw(self.src).contains('\t') {
            let cs = cells(self.src, line);
            let numbered = marker(text).is_some_and(|m| m.numbered);
            if numbered && cs.iter().skip(1).all(|&(a, b)| a == b) && text.split_whitespace().count() <= 10 {
                return Some((one(headings::classify(text).unwrap_or(SectionKind::Other)), 1));
            }
            return None;
        }
        // A heading wrapped over two lines ("…in this area of social work" / "practice?").
        if let Some(j) = self.next_adjacent(k) {
            let next = self.lines[j].text(self.src);
            if next.split_whitespace().count() <= 10 && marker(next).is_none() && self.followed_by_gap(j) {
                let joined = format!("{text} {next}");
                if let Some(kind) = headings::classify(&joined) {
                    let h = RawHeading { kind, start: line.start, end: self.lines[j].end };
                    return Some((h, 2));
                }
            }
        }
        if let Some(kind) = headings::classify(text) {
            // A numbered line is a heading only when it stands apart; otherwise it is an item.
            if self.followed_by_gap(k) || marker(text).is_none() {
                return Some((one(kind), 1));
            }
        }
        // Briefing headings: "01 Purpose of this Briefing" (not a date: "01 December 2017").
        let b = text.as_bytes();
        if b.len() > 3
            && b[0] == b'0'
            && b[1].is_ascii_digit()
            && b[2] == b' '
            && !starts_with_month(&text[3..])
            && !ends_terminal(text)
            && text.split_whitespace().count() <= 9
            && self.followed_by_gap(k)
        {
            return Some((one(SectionKind::Other), 1));
        }
        None
    }

    fn run(mut self) -> Vec<Event> {
        let mut k = 0;
        while k < self.lines.len() {
            k += self.step(k);
        }
        self.close();
        self.events
    }

    /// Takes line `k` (and perhaps the lines after it); returns how many lines it took.
    fn step(&mut self, k: usize) -> usize {
        let line = self.lines[k];
        if line.page_start {
            // Blank lines before a form feed say nothing; those right after it do.
            let blank_after_feed = k > 0 && self.lines[k - 1].page_start && self.lines[k - 1].is_blank();
            self.gap = if blank_after_feed && self.gap == Gap::PageThenBlank { Gap::PageThenBlank } else { Gap::Page };
            self.after_break = true;
        }
        if self.furniture[k] && !line.is_blank() {
            self.gap = self.gap.max(Gap::Page);
            self.after_break = true;
            return 1;
        }
        if line.is_blank() {
            self.gap = if self.after_break { Gap::PageThenBlank } else { self.gap.max(Gap::Blank) };
            return 1;
        }
        self.after_break = false;
        let used = if !self.pending
            && let Some((h, used)) = self.heading_at(k, self.gap)
        {
            self.close();
            self.table = false;
            self.list_context = h.kind.is_list();
            self.detached_list = false;
            self.sub_points = false;
            self.events.push(Event::Heading(h));
            used
        } else {
            if !self.table_line(k) && !self.marker_line(k) {
                self.text_line(k);
            }
            1
        };
        self.gap = Gap::None;
        used
    }

    /// A line of a tab-separated table: a header row starts the table, a row inside it is an
    /// item or continues one. Returns whether the line was taken; a line without tabs ends the
    /// table.
    fn table_line(&mut self, k: usize) -> bool {
        let line = &self.lines[k];
        if !line.raw(self.src).contains('\t') {
            self.table = false;
            return false;
        }
        let cs = cells(self.src, line);
        if is_table_header(self.src, &cs) {
            self.close();
            self.table = true;
            return true;
        }
        if self.table {
            self.table_row(&cs);
        }
        self.table
    }

    /// A line that starts with a bullet or number: a new item. Returns whether it was one.
    fn marker_line(&mut self, k: usize) -> bool {
        let line = self.lines[k];
        let text = line.text(self.src);
        let Some(m) = marker(text).filter(|_| !self.bullet_is_wrapped_dash(text, self.gap)) else {
            return false;
        };
        if let Some(c) = &self.cur
            && c.kind == BlockKind::Paragraph
        {
            self.sub_points = final_punctuation(c.last_seg(self.src)) == Some(':');
        }
        self.close();
        let body = (line.start + m.len, line.end);
        let segs = if body.0 < body.1 { vec![body] } else { vec![] };
        self.pending = segs.is_empty();
        self.detached_list |= self.pending && self.list_context;
        let detached = self.pending;
        self.cur = Some(RawBlock { kind: BlockKind::Item, segs, first_line: k, last_line: k, detached });
        true
    }

    /// A line of running text: it continues the current block, or starts a paragraph.
    fn text_line(&mut self, k: usize) {
        let line = self.lines[k];
        if self.continues_block(k) {
            if let Some(c) = self.cur.as_mut() {
                c.segs.push((line.start, line.end));
                c.last_line = k;
            }
            self.pending = false;
        } else {
            self.close();
            let seg = (line.start, line.end);
            self.cur = Some(RawBlock {
                kind: BlockKind::Paragraph,
                segs: vec![seg],
                first_line: k,
                last_line: k,
                detached: false,
            });
        }
    }

    /// Whether text line `k` continues the current block, across the gap before it.
    fn continues_block(&self, k: usize) -> bool {
        let Some(c) = &self.cur else { return false };
        let text = self.lines[k].text(self.src);
        let last = c.last_seg(self.src);
        if c.segs.len() == 1 && is_salutation(last) {
            return false;
        }
        let wrapped = self.hard_wrapped && (self.runs_on(last, text) || self.is_long(last));
        // In a list, the paragraphs after a bullet explain it (older letters put a headline
        // sentence on the bullet and the detail below): they are part of the item. A short
        // standalone line without a stop is a sub-heading.
        let explains_item = self.list_context
            && !self.detached_list
            && !self.sub_points
            && c.kind == BlockKind::Item
            && !(self.followed_by_gap(k) && !ends_terminal(text) && text.split_whitespace().count() <= 12);
        explains_item
            || self.pending
            || starts_lower(text)
            || (!ends_terminal(last) && ends_connective(last))
            || match self.gap {
                // Consecutive lines: in a hard-wrapped document a long line runs on; a short one
                // was broken on purpose (an address, a signature, a title).
                Gap::None => wrapped,
                Gap::Blank => false,
                // A page break inside a paragraph: the sentence runs on, or the line before the
                // break was full.
                Gap::Page => {
                    (!ends_terminal(last) && (!self.hard_wrapped || self.is_long(last)))
                        || (self.hard_wrapped && self.runs_on(last, text))
                }
                Gap::PageThenBlank => !ends_terminal(last) && (!self.hard_wrapped || wrapped),
            }
    }

    /// Whether the line `last` was broken by wrapping before `next`: the first word of `next`
    /// would not have fitted on it.
    fn runs_on(&self, last: &str, next: &str) -> bool {
        let word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
        last.chars().count() + 1 + word > self.full_line
    }

    /// Whether `line` is long for this document's wrap width: a line that long was wrapped.
    fn is_long(&self, line: &str) -> bool {
        line.chars().count() >= self.long_line
    }

    /// In hard-wrapped text a line can start with a dash that is punctuation, not a bullet:
    /// "- " right after a paragraph line that runs on (no gap, no final stop), when no list
    /// is in progress.
    fn bullet_is_wrapped_dash(&self, text: &str, gap: Gap) -> bool {
        if gap != Gap::None || !text.starts_with('-') {
            return false;
        }
        match &self.cur {
            Some(c) if c.kind == BlockKind::Paragraph => {
                let last = c.last_seg(self.src);
                self.hard_wrapped && !ends_terminal(last)
            }
            _ => false,
        }
    }

    fn table_row(&mut self, cs: &[(usize, usize)]) {
        let Some(&(a, b)) = cs.first() else { return };
        if a == b {
            return; // only later cells continue: nothing for the deliverable column
        }
        let first = &self.src[a..b];
        let rest_empty = cs.iter().skip(1).all(|&(x, y)| x == y);
        let continues = match &self.cur {
            Some(c) if c.kind == BlockKind::Item => {
                starts_lower(first) || (rest_empty && !ends_terminal(c.last_seg(self.src)))
            }
            _ => false,
        };
        let line = self.lines.partition_point(|l| l.start <= a).saturating_sub(1);
        if continues {
            if let Some(c) = self.cur.as_mut() {
                c.segs.push((a, b));
                c.last_line = line;
            }
        } else {
            self.close();
            self.cur = Some(RawBlock {
                kind: BlockKind::Item,
                segs: vec![(a, b)],
                first_line: line,
                last_line: line,
                detached: false,
            });
        }
    }
}

/// Turns lines into a stream of headings and blocks.
pub(crate) fn assemble(src: &str, lines: &[Line], furniture: &[bool]) -> Vec<Event> {
    let width = wrap_width(src, lines, furniture);
    Assembler {
        src,
        lines,
        furniture,
        hard_wrapped: width.is_some(),
        full_line: width.map_or(usize::MAX, |w| w * 9 / 10),
        long_line: width.map_or(usize::MAX, |w| w * 7 / 10),
        events: Vec::new(),
        cur: None,
        pending: false,
        table: false,
        list_context: false,
        detached_list: false,
        sub_points: false,
        gap: Gap::None,
        after_break: false,
    }
    .run()
}

#[cfg(test)]
mod tests;
