//! PDF input: the text of a published letter's PDF, one page after another, with a form feed
//! between pages so the cleaning stage sees page boundaries (and the running headers, footers
//! and page numbers at them) exactly as it does in text extracted with `pdftotext`.
//!
//! Parsing is lopdf's; decoding glyphs (font encodings, ToUnicode maps, ligatures) is
//! pdf-extract's; laying them out as lines in reading order is ours (`layout`). pdf-extract assumes
//! well-formed input in places and can panic on a damaged file: each page is extracted under
//! `catch_unwind`, a page that fails is skipped (and counted), and a document whose pages all
//! fail is an error. Neither crate prints (pdf-extract logs through `log`, which is silent
//! unless the embedding program installs a logger); the panic message of a caught panic is
//! kept off stderr by a panic hook that defers to the previous one for every other panic.

mod layout;

use std::cell::Cell;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use crate::error::Error;

/// Text extracted from a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfText {
    /// The pages' text joined with form feeds.
    pub text: String,
    /// How many pages the PDF has.
    pub pages: usize,
    /// The (1-based) pages whose text could not be extracted and were left out.
    pub failed_pages: Vec<u32>,
}

/// Extracts the text of a PDF, pages separated by form feeds.
///
/// # Errors
/// [`Error::Pdf`] when the file cannot be parsed, is encrypted with a password, has no pages,
/// or has no extractable text (a scanned PDF).
pub fn extract(bytes: &[u8]) -> Result<PdfText, Error> {
    let doc = quietly(|| lopdf::Document::load_mem(bytes))
        .ok_or_else(|| Error::Pdf("damaged PDF (the parser failed)".into()))?
        .map_err(|e| Error::Pdf(format!("damaged PDF ({})", reason(&e))))?;
    // lopdf opens an encrypted PDF when its user password is empty (PDFs "encrypted" only to
    // set permissions); otherwise its objects stay unreadable.
    if doc.trailer.get(b"Encrypt").is_ok() && doc.encryption_state.is_none() {
        return Err(Error::Pdf("encrypted PDF (needs a password)".into()));
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(Error::Pdf("damaged PDF (no pages found)".into()));
    }
    let mut text = String::new();
    let mut failed_pages = Vec::new();
    for (i, &number) in pages.keys().enumerate() {
        if i > 0 {
            text.push_str("\n\x0c");
        }
        let mut out = layout::LayoutOutput::default();
        let ok = quietly(|| pdf_extract::output_doc_page(&doc, &mut out, number));
        match ok {
            Some(Ok(())) => text.push_str(out.text.trim_matches(['\n', '\x0c'])),
            _ => failed_pages.push(number),
        }
        text.push('\n');
    }
    if failed_pages.len() == pages.len() {
        return Err(Error::Pdf(format!(
            "damaged PDF (no text could be extracted from any of its {} pages)",
            pages.len()
        )));
    }
    if text.chars().all(crate::text::is_space) {
        return Err(Error::Pdf(format!(
            "no extractable text in {} page{} (a scanned PDF? run OCR on it first)",
            pages.len(),
            if pages.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(PdfText { text, pages: pages.len(), failed_pages })
}

/// A short reason for a lopdf error.
fn reason(e: &lopdf::Error) -> String {
    let s = e.to_string();
    let s = s.trim().trim_end_matches('.');
    if s.is_empty() { "unreadable".into() } else { s.chars().take(120).collect() }
}

thread_local! {
    /// Set while PDF code runs on this thread: a panic there is caught and reported as an
    /// error, so its message is not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f`, returning `None` if it panicked, without printing the panic message.
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    let was = QUIET.with(|q| q.replace(true));
    let r = catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    r.ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_pdfs_are_errors() {
        let cases: &[(&[u8], &str)] = &[
            (b"%PDF-1.4\n", "damaged PDF"),
            (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n", "damaged PDF"),
        ];
        for (input, want) in cases {
            let e = extract(input).unwrap_err().to_string();
            assert!(e.starts_with(want), "{input:?}: {e}");
        }
    }
}
