//! A block made whole: cleaned text with its offset map, span and sentences, from the pieces
//! of the input it came from (or from two blocks joined).

use super::blocks::RawBlock;
use super::clean::{CleanOptions, Cleaned, Cleaner};
use super::model::{Block, BlockKind, Sentence};
use super::sentences;
use crate::text::OffsetMap;

/// A cleaned block with the line range it came from.
#[derive(Debug, Clone)]
pub(crate) struct Built {
    pub block: Block,
    pub first_line: usize,
    pub last_line: usize,
    /// An item whose bullet stood apart from its text.
    pub detached: bool,
}

/// Cleans a raw block into its text, span and sentences.
pub(crate) fn build_block(src: &str, raw: &RawBlock, opts: CleanOptions<'_>) -> Built {
    let mut c = Cleaner::new(src, opts);
    for &(a, b) in &raw.segs {
        c.push_segment(a, b);
    }
    let Cleaned { mut text, map } = c.finish();
    text.truncate(text.trim_end().len());
    let cleaned = Cleaned { text, map };
    let span = cleaned.span(0, cleaned.text.len());
    let sentences = sentences::sentences(&cleaned.text)
        .into_iter()
        .map(|(a, b)| Sentence { text: cleaned.text[a..b].to_string(), span: cleaned.span(a, b), offset: a })
        .collect();
    let block = Block { kind: raw.kind, text: cleaned.text, span, sentences, offsets: cleaned.map };
    Built { block, first_line: raw.first_line, last_line: raw.last_line, detached: raw.detached }
}

/// One block made of two: `tail` appended to `head`, with one space between, the offset map
/// and sentences made again.
pub(crate) fn join(head: Built, tail: Built) -> Built {
    let mut map = OffsetMap::default();
    let mut text = String::with_capacity(head.block.text.len() + 1 + tail.block.text.len());
    text.push_str(&head.block.text);
    map.append(&head.block.offsets, 0);
    let space_at = text.len();
    text.push(' ');
    map.push_replacement(space_at, 1, head.block.span.end, tail.block.span.start.max(head.block.span.end));
    let shift = text.len();
    text.push_str(&tail.block.text);
    map.append(&tail.block.offsets, shift);
    let cleaned = Cleaned { text, map };
    let sentences = sentences::sentences(&cleaned.text)
        .into_iter()
        .map(|(a, b)| Sentence { text: cleaned.text[a..b].to_string(), span: cleaned.span(a, b), offset: a })
        .collect();
    let span = cleaned.span(0, cleaned.text.len());
    let block = Block { kind: BlockKind::Item, text: cleaned.text, span, sentences, offsets: cleaned.map };
    Built { block, first_line: head.first_line, last_line: tail.last_line, detached: false }
}
