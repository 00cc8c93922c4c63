//! PDF input: letters laid out as multi-page PDFs (a running header, page numbers, bullets,
//! paragraphs wrapped and split across pages) read the same as their text; bad PDFs are clear
//! errors.

mod common;

use common::*;
use letters_core::{BlockKind, Document, SectionKind};

const HEADER: &str = "Ofsted   CQC   HMICFRS   HM Inspectorate of Probation";

fn kinds(doc: &Document) -> Vec<SectionKind> {
    doc.sections.iter().map(|s| s.kind).collect()
}

fn items(doc: &Document) -> Vec<(SectionKind, String)> {
    doc.sections.iter().flat_map(|s| s.items().map(move |b| (s.kind, b.text.clone()))).collect()
}

#[test]
fn seed_letters_read_the_same_from_pdf() {
    for (name, pages_at_least, items_want) in [(LEICESTERSHIRE, 8, 10), (OXFORDSHIRE, 8, 17)] {
        let (txt, from_text) = load(name);
        let pdf = pdf::letter_pdf(&txt, HEADER);
        let text = letters_core::read::read_text(&pdf).unwrap();
        let pages = text.matches('\x0c').count() + 1;
        assert!(pages >= pages_at_least, "{name}: {pages} pages");
        let from_pdf = Document::from_bytes(&pdf).unwrap();

        assert_eq!(kinds(&from_pdf), kinds(&from_text), "{name}");
        assert_eq!(items(&from_pdf), items(&from_text), "{name}");
        let improvements_and_strengths = items(&from_pdf)
            .iter()
            .filter(|(k, _)| matches!(k, SectionKind::Improvements | SectionKind::Strengths))
            .count();
        assert_eq!(improvements_and_strengths, items_want, "{name}");
        assert_eq!(from_pdf.meta, from_text.meta, "{name}");
        assert_eq!(from_pdf.kind, from_text.kind, "{name}");

        // The furniture is gone: no block holds the running header or a bare page number, and
        // the spans slice the extracted text.
        for s in &from_pdf.sections {
            for b in &s.blocks {
                assert!(!b.text.contains("HMICFRS   HM"), "{name}: header in {:?}", b.text);
                assert!(b.text.trim().parse::<u32>().is_err(), "{name}: page number block {:?}", b.text);
                assert!(text.get(b.span.range()).is_some(), "{name}: span {:?}", b.span);
                let sliced = &text[b.span.range()];
                if b.kind == BlockKind::Item && !sliced.contains('\x0c') {
                    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
                    assert_eq!(b.text, words(sliced), "{name}");
                }
            }
        }
    }
}

#[test]
fn a_pdf_restricted_only_in_permissions_opens() {
    let (txt, from_text) = load(LEICESTERSHIRE);
    let pdf = pdf::encrypted(&pdf::letter_pdf(&txt, HEADER), "");
    let from_pdf = Document::from_bytes(&pdf).unwrap();
    assert_eq!(items(&from_pdf), items(&from_text));
}

#[test]
fn bad_pdfs_are_errors_that_say_why() {
    let good = pdf::letter_pdf(&text(OXFORDSHIRE), HEADER);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", good[..good.len() / 2].to_vec(), "damaged PDF ("),
        ("garbage", b"%PDF-1.7\n\x00\x01 not a pdf".to_vec(), "damaged PDF ("),
        ("encrypted", pdf::encrypted(&good, "secret"), "encrypted PDF (needs a password)"),
        ("scanned", pdf::scanned(), "no extractable text in 1 page (a scanned PDF? run OCR on it first)"),
    ];
    for (what, bytes, want) in cases {
        let e = Document::from_bytes(&bytes).unwrap_err();
        assert!(matches!(e, letters_core::Error::Pdf(_)), "{what}: {e:?}");
        assert!(e.to_string().starts_with(want), "{what}: {e}");
    }
}
