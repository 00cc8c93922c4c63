//! The library's error type.

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
    Taxonomy(#[from] crate::taxonomy::TaxonomyError),
    /// Reading the input failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Shorthand for `Result<T, letters_core::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
