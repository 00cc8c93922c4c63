//! The read stage: bytes to text (the checks every input goes through before it is parsed, and
//! PDF extraction), and text to lines.

pub(crate) mod lines;
#[cfg(feature = "pdf")]
mod pdf;

use crate::error::{Error, Result};
use crate::text::is_space;

/// Checks that `bytes` are a readable UTF-8 text and returns them as `&str`.
///
/// Nothing is copied or rewritten: a byte-order mark, CR line ends and form feeds stay in the
/// text (later stages treat them as whitespace, line ends and page breaks), so every span the
/// parser gives is a byte range into exactly these bytes.
///
/// # Errors
/// [`Error::Utf16`] for a UTF-16 byte-order mark, [`Error::NotText`] for a NUL byte,
/// [`Error::InvalidUtf8`] with the offset of the first bad byte, [`Error::Empty`] and
/// [`Error::Blank`] for inputs with nothing to read.
///
/// ```
/// assert!(letters_core::read::decode(b"\xEF\xBB\xBFDear partnership\r\n").is_ok());
/// assert_eq!(
///     letters_core::read::decode(b"abc\xFFdef").unwrap_err().to_string(),
///     "invalid UTF-8 at byte offset 3"
/// );
/// ```
pub fn decode(bytes: &[u8]) -> Result<&str> {
    match bytes {
        [0xFF, 0xFE, ..] => return Err(Error::Utf16 { endian: "little-endian" }),
        [0xFE, 0xFF, ..] => return Err(Error::Utf16 { endian: "big-endian" }),
        _ => {}
    }
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::NotText { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 { offset: e.valid_up_to() })?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.is_empty() {
        return Err(Error::Empty);
    }
    if body.chars().all(is_space) {
        return Err(Error::Blank);
    }
    Ok(text)
}

/// Whether `bytes` look like a PDF file: they start with `%PDF-` (after any whitespace).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes[start..].starts_with(b"%PDF-")
}

/// Reads raw bytes as text: a PDF's extracted text, pages separated by form feeds (with the
/// `pdf` feature, on by default), or the bytes themselves checked by [`decode`]. Spans of a
/// document parsed from a PDF are byte ranges into this text.
///
/// # Errors
/// Those of [`decode`]; [`Error::Pdf`] for a PDF that is damaged, encrypted, has no
/// extractable text, or when PDF support is not compiled in.
pub fn read_text(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>> {
    read_with_pages(bytes).map(|(t, _)| t)
}

/// [`read_text`] plus the PDF pages that could not be extracted.
pub(crate) fn read_with_pages(bytes: &[u8]) -> Result<(std::borrow::Cow<'_, str>, Vec<u32>)> {
    if !is_pdf(bytes) {
        return decode(bytes).map(|t| (t.into(), Vec::new()));
    }
    #[cfg(feature = "pdf")]
    {
        let pdf = pdf::extract(bytes)?;
        Ok((pdf.text.into(), pdf.failed_pages))
    }
    #[cfg(not(feature = "pdf"))]
    Err(Error::Pdf("a PDF, and PDF support was not compiled in (enable the `pdf` feature)".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_in_order() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "empty file"),
            (b"\xEF\xBB\xBF", "empty file"),
            (b" \n\t\x0c\r\n", "file holds only whitespace"),
            (b"\xEF\xBB\xBF\xC2\xA0\n", "file holds only whitespace"),
            (b"ab\0cd", "not a text file (NUL byte at byte offset 2)"),
            (b"\xFF\xFEa\0b\0", "UTF-16 text (little-endian byte-order mark); convert it to UTF-8"),
            (b"\xFE\xFF\0a", "UTF-16 text (big-endian byte-order mark); convert it to UTF-8"),
            (b"caf\xC3\xA9 \xE2\x80", "invalid UTF-8 at byte offset 6"),
        ];
        for (input, want) in cases {
            assert_eq!(decode(input).unwrap_err().to_string(), *want, "input {input:?}");
        }
        assert_eq!(decode("Dear\r\nx".as_bytes()).unwrap(), "Dear\r\nx");
    }

    #[test]
    fn detects_pdf() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\r\n%PDF-1.4"));
        assert!(!is_pdf(b"Dear partnership, %PDF-1.4"));
        assert!(!is_pdf(b"%PDF"));
    }
}
