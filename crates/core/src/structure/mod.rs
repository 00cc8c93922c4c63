//! The structure stage: from lines to sections, blocks and sentences.
//!
//! Page furniture is found and set aside (`furniture`), line-start markers and heading lines
//! recognised (`markers`, `headings`), lines assembled into headings and blocks
//! (`blocks`), each block cleaned with a map back to the input (`clean`) and split into
//! sentences (`sentences`), and the blocks gathered under their headings (`sections`), the
//! items of lists whose bullets were lost found again (`lists`).

mod block;
pub(crate) mod blocks;
pub(crate) mod clean;
pub(crate) mod furniture;
pub(crate) mod headings;
mod lists;
pub(crate) mod markers;
mod model;
pub(crate) mod sections;
pub(crate) mod sentences;

pub use model::{Block, BlockKind, Section, SectionKind, Sentence};

use crate::read::lines::{Line, split_lines};

/// What the structure stage makes of a text, and what the metadata stage reads beside it.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The input's lines.
    pub lines: Vec<Line>,
    /// Which lines are page furniture, and the footnotes the document defines.
    pub furniture: furniture::Furniture,
    /// The letterhead and title, before the first section.
    pub front: sections::Front,
    /// The sections, in document order.
    pub sections: Vec<Section>,
}

impl Parsed {
    /// How blocks of this document are cleaned.
    pub fn clean_options(&self) -> clean::CleanOptions<'_> {
        clean::CleanOptions { footnotes: &self.furniture.footnotes }
    }
}

/// Parses `text` into sections.
pub(crate) fn parse(text: &str) -> Parsed {
    let lines = split_lines(text);
    let furniture = furniture::detect(text, &lines);
    let events = blocks::assemble(text, &lines, &furniture.flags);
    let opts = clean::CleanOptions { footnotes: &furniture.footnotes };
    let (front, sections) = sections::build(text, &events, opts);
    Parsed { lines, furniture, front, sections }
}
