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
//! let text = "12 February 2026\n\nDear Rutland Safeguarding Children Partnership\n\n\
//!     Joint targeted area inspection of Rutland\n\n\
//!     This inspection took place from 8 to 12 December 2025.\n\n\
//!     What needs to improve?\n\n\
//!     - Information-sharing at the front door.\n\
//!     - The timeliness of strategy meetings.\n\n\
//!     Strengths\n\n\
//!     - Leaders know their services well.\n";
//! let doc = Document::parse(text);
//! assert_eq!(doc.meta.area.as_deref(), Some("Rutland"));
//! assert_eq!(doc.meta.authorities[0].code, "E06000017"); // its ONS code, from the gazetteer
//! let improvements = doc.section(SectionKind::Improvements).unwrap();
//! assert_eq!(improvements.items().count(), 2);
//! let first = improvements.items().next().unwrap();
//! assert_eq!(&text[first.span.range()], "Information-sharing at the front door.");
//! ```
//!
//! The library never prints; problems with the input are [`Error`]s, and things it noticed
//! but worked around are [`Warning`]s on the document.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![deny(missing_docs)]

pub mod analysis;
pub mod check;
pub mod compare;
mod document;
mod error;
pub mod eval;
pub mod meta;
pub mod read;
#[cfg(feature = "stages")]
pub mod stages;
pub mod structure;
pub mod tag;
mod text;

pub use check::{CheckBuilder, Checker};
pub use compare::{CompareBuilder, Comparer, Comparison, GroupBy};
pub use document::Document;
pub use error::{Error, Result, TaxonomyError, Warning};
pub use meta::{Date, DocKind, Meta};
pub use structure::{Block, BlockKind, Section, SectionKind};
pub use tag::{Finding, Polarity, Tagger, TaggerBuilder, Taxonomy};
pub use text::Span;
