//! What can go wrong: the library's error type, a taxonomy file's problem, and the warnings a
//! document carries about what was worked around. Imports nothing else of the crate, so every
//! stage can use it.

use serde::{Deserialize, Serialize};

/// Why a document could not be read or a taxonomy could not be loaded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input holds NUL bytes: it is binary, not text.
    #[error("not a text file (NUL byte at byte offset {offset})")]
    NotText {
        /// Offset of the first NUL byte.
        offset: usize,
    },
    /// The input starts with a UTF-16 byte-order mark.
    #[error("UTF-16 text ({endian} byte-order mark); convert it to UTF-8")]
    Utf16 {
        /// "little-endian" or "big-endian".
        endian: &'static str,
    },
    /// The input is not valid UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        offset: usize,
    },
    /// The input has no bytes (or only a byte-order mark).
    #[error("empty file")]
    Empty,
    /// The input has only whitespace.
    #[error("file holds only whitespace")]
    Blank,
    /// A PDF could not be read: damaged, encrypted, without extractable text (a scan), or PDF
    /// support was not compiled in.
    #[error("{0}")]
    Pdf(String),
    /// A taxonomy file is invalid.
    #[error(transparent)]
    Taxonomy(#[from] TaxonomyError),
    /// Reading the input failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Shorthand for `Result<T, letters_core::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A problem in a taxonomy file: which file, which line, which entry, what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}{}{}: {message}", line.map(|l| format!(": line {l}")).unwrap_or_default(), entry.as_ref().map(|e| format!(": {e}")).unwrap_or_default())]
pub struct TaxonomyError {
    /// The file (or "built-in").
    pub source_name: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The entry, as "theme 'therapy'" or "agency 'police'".
    pub entry: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// Something the parser noticed but could work around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable kebab-case code (`missing-section`, `section-order`, …).
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}
