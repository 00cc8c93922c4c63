//! REFI-QDA (QDA-XML 1.0), the exchange format NVivo, ATLAS.ti, MAXQDA and QualCoder import:
//! a project (`.qdpx`, a zip holding `project.qde` and the sources as plain text) written from
//! the tool's findings, a codebook (`.qdc`) from the taxonomy, and a person's coding read back
//! for `letters eval`.
//!
//! Positions in a project are character offsets counted in Unicode code points
//! (`*_code_points` in this module's names), converted from the core's byte spans at this edge.
//! GUIDs are derived from content (a SHA-256 of what they name), so exporting the same input
//! twice gives the same file.

pub mod read;
pub mod write;

use sha2::{Digest, Sha256};

/// The project's XML namespace.
pub const PROJECT_NS: &str = "urn:QDA-XML:project:1.0";
/// The codebook's XML namespace.
pub const CODEBOOK_NS: &str = "urn:QDA-XML:codebook:1.0";

/// A GUID (`8-4-4-4-12` hex digits, RFC 4122 version 5 layout) derived from `key`.
pub fn guid(key: &str) -> String {
    let h = Sha256::digest(format!("letters:{key}").as_bytes());
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..])
}

/// Whether XML 1.0 allows the character in a document.
fn xml_allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

/// `text` with every character XML 1.0 forbids replaced by one that it allows and is as long
/// in UTF-8 — a form feed (a PDF's page break) by a line break, U+FFFE and U+FFFF by U+FFFD,
/// any other control character by a space — so that positions stay the same, in code points and
/// in bytes.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(xml_allowed) {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            c if xml_allowed(c) => c,
            '\u{c}' => '\n',
            '\u{FFFE}' | '\u{FFFF}' => '\u{FFFD}',
            _ => ' ',
        })
        .collect::<String>()
        .into()
}

/// The code point offset of byte offset `byte` of `text`.
pub fn code_points(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The byte offset of code point offset `n` of `text` (its length when `n` is past its end).
pub fn byte_offset(text: &str, n: usize) -> usize {
    text.char_indices().nth(n).map_or(text.len(), |(b, _)| b)
}

/// A digest of a source's text (SHA-256, hex), to tell whether a project's text is the one
/// letters reads.
pub fn text_digest(text: &str) -> String {
    Sha256::digest(text.as_bytes()).iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_offsets_and_safe_text() {
        let g = guid("code:theme:therapy");
        assert_eq!(g, guid("code:theme:therapy"));
        assert_ne!(g, guid("code:theme:mappa"));
        assert_eq!(g.len(), 36);
        assert_eq!(&g[14..15], "5");
        assert!(g.chars().all(|c| c == '-' || c.is_ascii_hexdigit()));
        // "Children’s" is 12 bytes and 10 code points.
        assert_eq!(code_points("Children’s views", "Children’s".len()), 10);
        assert_eq!(xml_safe("page one\u{c}page two\u{1}!"), "page one\npage two !");
        assert_eq!(xml_safe("already fine").chars().count(), 12);
        assert_eq!(xml_safe("a\u{FFFF}b").len(), "a\u{FFFF}b".len());
        assert_eq!(byte_offset("Children’s views", 10), "Children’s".len());
        assert_eq!(byte_offset("abc", 7), 3);
    }
}
