//! `letters-core` reads UK inspection letters about children's safeguarding — joint targeted
//! area inspection (JTAI) letters, focused visits, inspection reports, and the response
//! letters, briefings and plans published beside them — as text extracted from their PDFs,
//! and turns each into a findings model: sections of a canonical kind, blocks (list items and
//! paragraphs) and sentences, plus metadata. Every piece carries a byte [`Span`] into the
//! original input.
//!
//! ```
//! use letters_core::{Document, SectionKind};
//!
//! let text = "12 February 2026\n\nDear Somewhere Safeguarding Children Partnership\n\n\
//!     Joint targeted area inspection of Somewhere\n\n\
//!     This inspection took place from 8 to 12 December 2025.\n\n\
//!     What needs to improve?\n\n\
//!     - Information-sharing at the front door.\n\
//!     - The timeliness of strategy meetings.\n\n\
//!     Strengths\n\n\
//!     - Leaders know their services well.\n";
//! let doc = Document::parse(text);
//! assert_eq!(doc.meta.area.as_deref(), Some("Somewhere"));
//! let improvements = doc.section(SectionKind::Improvements).unwrap();
//! assert_eq!(improvements.items().count(), 2);
//! let first = improvements.items().next().unwrap();
//! assert_eq!(&text[first.span.range()], "Information-sharing at the front door.");
//! ```
//!
//! The library never prints; problems with the input are [`Error`]s, and things it noticed
//! but worked around are [`Warning`]s on the document.

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod abbrev;
mod blocks;
mod check;
mod clean;
mod compare;
mod dates;
mod engine;
mod error;
mod furniture;
mod headings;
mod kind;
mod lines;
mod markers;
mod meta;
mod model;
#[cfg(feature = "pdf")]
mod pdf;
mod phrases;
mod polarity;
mod read;
mod relevance;
mod rx;
mod sections;
mod segment;
#[doc(hidden)]
pub mod stages;
mod tagger;
mod taxonomy;
mod warnings;

pub use check::{CheckBuilder, Checker, Claim, CoverageItem, Support, Verdict};
pub use compare::{
    Cell, CellEvidence, CompareBuilder, Comparer, Comparison, DocSummary, DocumentRef, Flip, Group, GroupBy, Listed,
    Listing, Mentions, Rates, Similarity, ThemeRow,
};
pub use error::{Error, Result};
pub use model::{
    Block, BlockKind, Date, DocKind, Document, Inspectorate, Meta, Period, Person, Section, SectionKind, Sentence,
    Span, Warning,
};
pub use polarity::Polarity;
pub use read::{decode, is_pdf, read_text};
pub use tagger::{Evidence, ExampleFailure, Finding, Match, Tagger, TaggerBuilder, Tags, Unit};
pub use taxonomy::{BUILTIN_TOML, Entry, Lexicon, Taxonomy, TaxonomyError};

impl Document {
    /// Parses a document from text. Never fails: whatever is readable is read, and what could
    /// not be recognised is reported in [`Document::warnings`].
    pub fn parse(text: &str) -> Document {
        let lines = lines::split_lines(text);
        let furniture = furniture::detect(text, &lines);
        let opts = clean::CleanOptions { footnotes: &furniture.footnotes };
        let events = blocks::assemble(text, &lines, &furniture.flags);
        let (front, sections) = sections::build(text, &events, opts);
        let kinds: Vec<SectionKind> = sections.iter().map(|s| s.kind).collect();
        let head_end = text.len().min(4000);
        let head_end = (head_end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let kind = kind::detect(&text[..head_end], &kinds);
        let meta = meta::extract(&meta::Input {
            src: text,
            lines: &lines,
            furniture: &furniture.flags,
            front: &front,
            sections: &sections,
            kind,
            opts,
        });
        let warnings = warnings::check(kind, &meta, &sections);
        Document { kind, meta, sections, warnings }
    }

    /// Reads and parses raw bytes: a text (see [`decode`] for what is rejected) or, with the
    /// `pdf` feature, a PDF (see [`read_text`]). A PDF page whose text could not be extracted
    /// is left out with a `pdf-page-skipped` warning.
    ///
    /// # Errors
    /// When the bytes are not a readable UTF-8 text or PDF.
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        let (text, failed_pages) = read::read_with_pages(bytes)?;
        let mut doc = Document::parse(&text);
        for page in failed_pages {
            doc.warnings.push(Warning {
                code: "pdf-page-skipped".into(),
                message: format!("the text of PDF page {page} could not be extracted; it is left out"),
            });
        }
        Ok(doc)
    }
}
