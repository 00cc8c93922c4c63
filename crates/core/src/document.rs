//! A document: what the stages before tagging make of one input — its kind, metadata,
//! sections and warnings — and the two ways in, from text and from bytes.

use serde::{Deserialize, Serialize};

use crate::error::{Result, Warning};
use crate::meta::{DocKind, Meta};
use crate::structure::{Section, SectionKind};
use crate::{meta, read, structure};

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// What kind of document it is.
    pub kind: DocKind,
    /// Metadata from the letterhead, title, next steps and closing.
    pub meta: Meta,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Things noticed while parsing.
    pub warnings: Vec<Warning>,
}

impl Document {
    /// Parses a document from text. Never fails: whatever is readable is read, and what could
    /// not be recognised is reported in [`Document::warnings`].
    pub fn parse(text: &str) -> Document {
        let parsed = structure::parse(text);
        let read = meta::read(text, &parsed);
        Document { kind: read.kind, meta: read.meta, sections: parsed.sections, warnings: read.warnings }
    }

    /// Reads and parses raw bytes: a text (see [`read::decode`] for what is rejected) or, with
    /// the `pdf` feature, a PDF (see [`read::read_text`]). A PDF page whose text could not be
    /// extracted is left out with a `pdf-page-skipped` warning.
    ///
    /// # Errors
    /// When the bytes are not a readable UTF-8 text or PDF.
    pub fn from_bytes(bytes: &[u8]) -> Result<Document> {
        Document::from_bytes_with_text(bytes).map(|(_, doc)| doc)
    }

    /// [`Document::from_bytes`], and the text read (see [`read::read_text`]): the text the
    /// spans of the document and its findings are byte ranges of.
    ///
    /// # Errors
    /// When the bytes are not a readable UTF-8 text or PDF.
    ///
    /// ```
    /// let (text, doc) = letters_core::Document::from_bytes_with_text(b"Dear Ms Smith\n\nStrengths\n\n- Staff know children well.\n")?;
    /// let item = doc.sections.iter().flat_map(|s| &s.blocks).find(|b| b.text.starts_with("Staff")).unwrap();
    /// assert!(text[item.span.start..item.span.end].ends_with("Staff know children well."));
    /// # Ok::<(), letters_core::Error>(())
    /// ```
    pub fn from_bytes_with_text(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Document)> {
        let (text, failed_pages) = read::read_with_pages(bytes)?;
        let mut doc = Document::parse(&text);
        for page in failed_pages {
            doc.warnings.push(Warning {
                code: "pdf-page-skipped".into(),
                message: format!("the text of PDF page {page} could not be extracted; it is left out"),
            });
        }
        Ok((text, doc))
    }

    /// The first section of the given kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// All sections of the given kind (reports repeat some).
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// Number of words in the document's blocks (for per-1,000-word rates).
    pub fn word_count(&self) -> usize {
        self.sections.iter().flat_map(|s| &s.blocks).map(|b| crate::text::count_words(&b.text)).sum()
    }
}
