//! What the structure stage makes of a document: sections of a canonical kind, blocks (list
//! items and paragraphs) and sentences, each with its span in the original input.

use serde::{Deserialize, Serialize};

use crate::text::{OffsetMap, Span};

/// The canonical kind of a section, whatever its heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// The opening of the letter, from its title to the first heading.
    Introduction,
    /// "Context".
    Context,
    /// "Headline findings", "Overview".
    HeadlineFindings,
    /// "Areas for priority action".
    PriorityActions,
    /// "What needs to improve?", "Areas for improvement", "Learning points".
    Improvements,
    /// "Strengths", "Key strengths", "What worked well".
    Strengths,
    /// "Main findings", "Findings".
    MainFindings,
    /// "Practice study: highly effective practice" and its variants.
    PracticeStudyEffective,
    /// "Practice study: area for improvement" and its variants.
    PracticeStudyImprovement,
    /// "Next steps".
    NextSteps,
    /// "Yours sincerely" and the signatories.
    Closing,
    /// Any other section.
    Other,
}

impl SectionKind {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionKind::Introduction => "introduction",
            SectionKind::Context => "context",
            SectionKind::HeadlineFindings => "headline-findings",
            SectionKind::PriorityActions => "priority-actions",
            SectionKind::Improvements => "improvements",
            SectionKind::Strengths => "strengths",
            SectionKind::MainFindings => "main-findings",
            SectionKind::PracticeStudyEffective => "practice-study-effective",
            SectionKind::PracticeStudyImprovement => "practice-study-improvement",
            SectionKind::NextSteps => "next-steps",
            SectionKind::Closing => "closing",
            SectionKind::Other => "other",
        }
    }

    /// All kinds, in the order a letter usually has them.
    pub const ALL: [SectionKind; 12] = [
        SectionKind::Introduction,
        SectionKind::Context,
        SectionKind::HeadlineFindings,
        SectionKind::PriorityActions,
        SectionKind::Improvements,
        SectionKind::Strengths,
        SectionKind::MainFindings,
        SectionKind::PracticeStudyEffective,
        SectionKind::PracticeStudyImprovement,
        SectionKind::NextSteps,
        SectionKind::Closing,
        SectionKind::Other,
    ];

    /// Whether the section is a list of findings (priority actions, improvements or strengths).
    pub fn is_list(&self) -> bool {
        matches!(self, SectionKind::PriorityActions | SectionKind::Improvements | SectionKind::Strengths)
    }
}

impl std::str::FromStr for SectionKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        SectionKind::ALL.iter().copied().find(|k| k.as_str() == s).ok_or_else(|| format!("unknown section kind '{s}'"))
    }
}

/// Whether a block is a list item or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A bullet or numbered point, whole.
    Item,
    /// A paragraph of running text (also a sub-heading inside a section).
    Paragraph,
}

/// One sentence of a block.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    /// The cleaned sentence text.
    pub text: String,
    /// Where the sentence lies in the original input.
    pub span: Span,
    /// Byte offset of the sentence in its block's text.
    #[serde(skip)]
    pub(crate) offset: usize,
}

impl PartialEq for Sentence {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.span == other.span
    }
}

impl Eq for Sentence {}

/// A paragraph or a list item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    /// Item or paragraph.
    pub kind: BlockKind,
    /// Cleaned text: page furniture removed, lines unwrapped, whitespace single, quotes straight,
    /// bullet glyph and footnote markers dropped.
    pub text: String,
    /// From the first to the last character of the block in the original input.
    pub span: Span,
    /// The block's sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Where each part of `text` came from (empty for a block read back from JSON).
    #[serde(skip)]
    pub(crate) offsets: OffsetMap,
}

impl PartialEq for Block {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.text == other.text
            && self.span == other.span
            && self.sentences == other.sentences
    }
}

impl Eq for Block {}

impl Block {
    /// The original span of the byte range `[start, end)` of [`Block::text`], when the block
    /// was parsed in this process (a block read back from JSON has no map: `None`).
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if self.offsets.is_empty() || start > end || end > self.text.len() {
            return None;
        }
        Some(self.offsets.span(start, end))
    }
}

/// A section of a document under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Canonical kind.
    pub kind: SectionKind,
    /// The heading as written (cleaned), or `None` for an untitled opening section.
    pub heading: Option<String>,
    /// From the heading (or first block) to the end of the last block, in the original input.
    pub span: Span,
    /// Paragraphs and items, in order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's items (bullets and numbered points).
    pub fn items(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Item)
    }
}
