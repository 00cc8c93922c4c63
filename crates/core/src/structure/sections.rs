//! From headings and blocks to sections: the letterhead, the title, the introduction and
//! one section per heading.

use std::sync::LazyLock;

use regex::Regex;

use super::block::{Built, build_block};
use super::blocks::Event;
use super::clean::{CleanOptions, clean_segment};
use super::lists;
use super::model::{Block, BlockKind, Section, SectionKind};
use crate::text::{Span, final_punctuation};

/// The parts of a document before its body, for metadata.
#[derive(Debug, Default)]
pub(crate) struct Front {
    /// Blocks before the title (date, addressees, salutation).
    pub letterhead: Vec<Built>,
    /// Line index where the body (title or first section) starts.
    pub body_line: usize,
    /// The title, if one was found.
    pub title: Option<Built>,
}

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(
        r"(?i)^(joint targeted area inspection|joint inspection of|focused visit to|monitoring visit to|inspection of|area send inspection|re:|[0-9]+[- ]minute briefing|seven[- ]minute briefing)",
    )
    .unwrap()
});

/// Whether a block ends a sentence (a colon does not: a title or heading may end with one).
fn ends_terminal(t: &str) -> bool {
    matches!(final_punctuation(t), Some('.' | '?' | '!' | ';'))
}

fn title_like(b: &Block, words: usize) -> bool {
    b.kind == BlockKind::Paragraph && !ends_terminal(&b.text) && b.text.split_whitespace().count() <= words
}

/// Splits events into the front matter and the sections.
pub(crate) fn build(src: &str, events: &[Event], opts: CleanOptions<'_>) -> (Front, Vec<Section>) {
    let first_heading = events.iter().position(|e| matches!(e, Event::Heading(_))).unwrap_or(events.len());
    let pre: Vec<Built> = events[..first_heading]
        .iter()
        .filter_map(|e| match e {
            Event::Block(b) => Some(build_block(src, b, opts)).filter(|b| !b.block.text.is_empty()),
            Event::Heading(_) => None,
        })
        .collect();
    let (front, intro_blocks) = front_matter(pre);
    let mut sections: Vec<Section> = introduction(&front, intro_blocks).into_iter().collect();
    sections.extend(body(src, &events[first_heading..], opts));
    (front, sections)
}

/// The title: a recognised title line; else the short line after the salutation; else, when
/// nothing is addressed to anyone, a short first line.
fn title_index(pre: &[Built], salutation: Option<usize>) -> Option<usize> {
    pre.iter()
        .position(|b| TITLE.is_match(&b.block.text) && title_like(&b.block, 30))
        .or_else(|| salutation.map(|s| s + 1).filter(|&i| pre.get(i).is_some_and(|b| title_like(&b.block, 25))))
        .or_else(|| (salutation.is_none() && pre.first().is_some_and(|b| title_like(&b.block, 20))).then_some(0))
}

/// The blocks before the first heading, split into the front matter (letterhead and title)
/// and the introduction's blocks.
fn front_matter(pre: Vec<Built>) -> (Front, Vec<Built>) {
    let salutation = pre.iter().position(|b| b.block.text.starts_with("Dear ") && b.block.text.len() < 200);
    let mut front = Front::default();
    let intro_blocks = match (title_index(&pre, salutation), salutation) {
        (Some(t), _) => {
            let mut it = pre.into_iter();
            front.letterhead = it.by_ref().take(t).collect();
            let mut title = it.next().expect("title index is in range");
            let mut rest: Vec<Built> = it.collect();
            // A title set on two lines that the unwrapper kept apart ("Partnerships'" /
            // "2025-2027 Business Plan").
            if let Some(next) = rest.first()
                && next.first_line == title.last_line + 1
                && title_like(&next.block, 8)
            {
                let next = rest.remove(0);
                title.block.text = format!("{} {}", title.block.text, next.block.text);
                title.block.span = Span::new(title.block.span.start, next.block.span.end);
                title.last_line = next.last_line;
            }
            front.body_line = title.first_line;
            front.title = Some(title);
            rest
        }
        (None, Some(s)) => {
            let mut it = pre.into_iter();
            front.letterhead = it.by_ref().take(s + 1).collect();
            let rest: Vec<Built> = it.collect();
            front.body_line = rest.first().map_or(0, |b| b.first_line);
            rest
        }
        (None, None) => pre,
    };
    (front, intro_blocks)
}

/// The introduction: the title (as its heading) and the blocks before the first heading.
fn introduction(front: &Front, intro_blocks: Vec<Built>) -> Option<Section> {
    if front.title.is_none() && intro_blocks.is_empty() {
        return None;
    }
    let heading = front.title.as_ref().map(|t| t.block.text.clone());
    let start = front
        .title
        .as_ref()
        .map(|t| t.block.span.start)
        .or_else(|| intro_blocks.first().map(|b| b.block.span.start))
        .unwrap_or(0);
    let blocks: Vec<Block> = intro_blocks.into_iter().map(|b| b.block).collect();
    let end =
        blocks.last().map(|b| b.span.end).or_else(|| front.title.as_ref().map(|t| t.block.span.end)).unwrap_or(start);
    Some(Section { kind: SectionKind::Introduction, heading, span: Span::new(start, end), blocks })
}

/// A section per heading, from the first heading on; list sections shaped by [`lists::shape`].
fn body(src: &str, events: &[Event], opts: CleanOptions<'_>) -> Vec<Section> {
    let mut sections = Vec::new();
    let mut current: Option<(Section, Vec<Built>)> = None;
    let finish = |(mut s, blocks): (Section, Vec<Built>)| {
        let blocks = if s.kind.is_list() { lists::shape(blocks) } else { blocks };
        s.blocks = blocks.into_iter().map(|b| b.block).collect();
        s
    };
    for e in events {
        match e {
            Event::Heading(h) => {
                let text = clean_segment(src, h.start, h.end, opts);
                // A flattened table repeats its section heading as a column header: keep one
                // section when nothing but short cells came between.
                if let Some((cur, blocks)) = current.as_ref()
                    && cur.kind == h.kind
                    && cur.heading.as_deref() == Some(text.trim_end())
                    && blocks
                        .iter()
                        .all(|b| b.block.text.split_whitespace().count() <= 30 && !ends_terminal(&b.block.text))
                {
                    continue;
                }
                sections.extend(current.take().map(finish));
                let section = Section {
                    kind: h.kind,
                    heading: Some(text.trim_end().to_string()),
                    span: Span::new(h.start, h.end),
                    blocks: Vec::new(),
                };
                current = Some((section, Vec::new()));
            }
            Event::Block(raw) => {
                let built = build_block(src, raw, opts);
                if built.block.text.is_empty() {
                    continue; // only characters that cleaning drops (a soft hyphen)
                }
                if let Some((s, blocks)) = current.as_mut() {
                    s.span.end = s.span.end.max(built.block.span.end);
                    blocks.push(built);
                }
            }
        }
    }
    sections.extend(current.map(finish));
    sections
}
