//! Writing test PDFs: a letter's text laid out on A4 pages in Helvetica, with a running header
//! and a page number on every page, the way published letters look.
#![allow(dead_code)]

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// The text as WinAnsi bytes (the encoding of the standard fonts).
fn win_ansi(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2022}' => 0x95,
            '\u{2013}' => 0x96,
            '\u{2014}' => 0x97,
            '£' => 0xA3,
            'é' => 0xE9,
            _ => b'?',
        })
        .collect()
}

/// Wraps one paragraph to `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for w in text.split_whitespace() {
        if !cur.is_empty() && cur.len() + 1 + w.len() > width {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

/// A PDF of `text`: each input line is a paragraph (wrapped at 95 characters; a "- " bullet
/// becomes "•" with its text indented), blank lines kept, `header` at the top and "Page N" at
/// the foot of every page.
pub fn letter_pdf(text: &str, header: &str) -> Vec<u8> {
    // Lay out lines: (indent, text) or None for a blank line; pages end at a form feed in the
    // text (where the original PDF's pages ended) or when full.
    let mut pages: Vec<Vec<Option<(f32, String)>>> = Vec::new();
    for page in text.split('\x0c') {
        let lines = lay_out(page);
        if lines.iter().any(Option::is_some) {
            pages.extend(lines.chunks(PER_PAGE).map(<[_]>::to_vec));
        }
    }
    write_pdf(&pages, header)
}

/// Lines on a page.
const PER_PAGE: usize = 56;

/// Lays out a page of text as lines.
fn lay_out(text: &str) -> Vec<Option<(f32, String)>> {
    let mut lines: Vec<Option<(f32, String)>> = Vec::new();
    for para in text.lines() {
        let para = para.trim();
        if para.is_empty() {
            lines.push(None);
            continue;
        }
        if let Some(item) = para.strip_prefix("- ") {
            for (i, l) in wrap(item, 90).into_iter().enumerate() {
                lines.push(Some((if i == 0 { 0.0 } else { 14.0 }, if i == 0 { format!("\u{2022}  {l}") } else { l })));
            }
        } else {
            for l in wrap(para, 95) {
                lines.push(Some((0.0, l)));
            }
        }
    }
    lines
}

/// Writes pages of lines as a PDF.
fn write_pdf(pages: &[Vec<Option<(f32, String)>>], header: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for (n, chunk) in pages.iter().enumerate() {
        let mut ops = vec![Operation::new("BT", vec![]), Operation::new("Tf", vec!["F1".into(), 10.into()])];
        let mut put = |x: f32, y: f32, s: &str| {
            ops.push(Operation::new("Tm", vec![1.into(), 0.into(), 0.into(), 1.into(), x.into(), y.into()]));
            ops.push(Operation::new("Tj", vec![Object::string_literal(win_ansi(s))]));
        };
        put(50.0, 800.0, header);
        let mut y = 770.0;
        for line in chunk {
            if let Some((indent, s)) = line {
                put(50.0 + indent, y, s);
            }
            y -= 13.0;
        }
        put(290.0, 30.0, &format!("{}", n + 1));
        ops.push(Operation::new("ET", vec![]));
        let content = Content { operations: ops };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        });
        kids.push(page_id.into());
    }
    finish(doc, pages_id, kids, Some(resources_id))
}

/// Adds the A4 page tree and the catalog, and writes the PDF.
fn finish(
    mut doc: Document,
    pages_id: lopdf::ObjectId,
    kids: Vec<Object>,
    resources: Option<lopdf::ObjectId>,
) -> Vec<u8> {
    let count = kids.len() as i64;
    let mut pages = dictionary! {
        "Type" => "Pages",
        "Kids" => kids,
        "Count" => count,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    };
    if let Some(r) = resources {
        pages.set("Resources", r);
    }
    doc.objects.insert(pages_id, Object::Dictionary(pages));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// `pdf` encrypted (RC4, 128-bit) with the given user password; an empty one opens without
/// asking, as PDFs restricted only in their permissions do.
pub fn encrypted(pdf: &[u8], user_password: &str) -> Vec<u8> {
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc = Document::load_mem(pdf).unwrap();
    doc.trailer.set("ID", vec![Object::string_literal(vec![1u8; 16]), Object::string_literal(vec![2u8; 16])]);
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password,
        key_length: 128,
        permissions: Permissions::default(),
    };
    let state = EncryptionState::try_from(version).unwrap();
    doc.encrypt(&state).unwrap();
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A one-page PDF holding only a drawing, as a scanned page without OCR text looks to a text
/// extractor.
pub fn scanned() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let ops =
        vec![Operation::new("re", vec![50.into(), 50.into(), 400.into(), 600.into()]), Operation::new("f", vec![])];
    let content_id = doc.add_object(Stream::new(dictionary! {}, Content { operations: ops }.encode().unwrap()));
    let page_id = doc.add_object(dictionary! { "Type" => "Page", "Parent" => pages_id, "Contents" => content_id });
    finish(doc, pages_id, vec![page_id.into()], None)
}
