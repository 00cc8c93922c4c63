//! The seed letters rewritten as other extractions would give them — hard-wrapped at 78
//! columns, CRLF with form feeds and "Page N of M" footers, numbered upper-case headings,
//! `•`/`◼` bullets, curly quotes and a byte-order mark, or with a deep stacked page foot —
//! parse to the same sections and blocks.

mod common;

use common::*;
use letters_core::Document;

/// Wraps one line at `width` columns, at spaces.
fn wrap_line(line: &str, width: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for word in line.split(' ') {
        if !cur.is_empty() && cur.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
    }
    out.push(cur);
    out
}

const HEADINGS: [&str; 8] = [
    "Headline findings",
    "What needs to improve?",
    "Strengths",
    "Main findings",
    "Practice study: highly effective practice",
    "Practice study: area for improvement",
    "Next steps",
    "Yours sincerely",
];

/// Applies every rewrite at once.
fn variant(text: &str, every: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut bullet = 0;
    let mut heading = 0;
    for line in text.lines() {
        if HEADINGS.contains(&line) {
            heading += 1;
            lines.push(format!("{heading}. {}", line.to_uppercase()));
            continue;
        }
        let line = line.replace('\'', "\u{2019}");
        let line = match line.strip_prefix("- ") {
            Some(rest) => {
                bullet += 1;
                format!("{} {rest}", if bullet % 2 == 0 { '•' } else { '◼' })
            }
            None => line,
        };
        lines.extend(wrap_line(&line, 78));
    }
    // A page break with a footer every `every` lines, wherever it falls (mid-paragraph too).
    let total = lines.len().div_ceil(every);
    let mut out = String::from("\u{feff}");
    for (i, line) in lines.iter().enumerate() {
        out.push_str(line);
        out.push_str("\r\n");
        if (i + 1) % every == 0 {
            out.push_str(&format!("\r\nPage {} of {total}\r\n\x0c", (i + 1) / every));
        }
    }
    out
}

/// Section kinds and the block texts of each section.
fn shape(doc: &Document) -> Vec<(String, Vec<(String, String)>)> {
    doc.sections
        .iter()
        .map(|s| {
            let blocks = s.blocks.iter().map(|b| (format!("{:?}", b.kind), b.text.clone())).collect();
            (s.kind.as_str().to_string(), blocks)
        })
        .collect()
}

#[test]
fn rewritten_letters_parse_the_same() {
    for name in [LEICESTERSHIRE, OXFORDSHIRE] {
        let original = Document::parse(&text(name));
        for every in [23, 37, 50] {
            let v = variant(&text(name), every);
            assert!(v.contains("Page 2 of") && v.contains("\r\n\x0c") && v.contains("2. WHAT NEEDS TO IMPROVE?"));
            let doc = Document::from_bytes(v.as_bytes()).unwrap();
            let (a, b) = (shape(&original), shape(&doc));
            assert_eq!(
                a.len(),
                b.len(),
                "{name} every {every}: sections {:?}",
                doc.sections.iter().map(|s| s.kind).collect::<Vec<_>>()
            );
            for ((ka, ba), (kb, bb)) in a.iter().zip(&b) {
                assert_eq!(ka, kb, "{name} every {every}");
                for (x, y) in ba.iter().zip(bb) {
                    assert_eq!(x, y, "{name} every {every}, section {ka}");
                }
                assert_eq!(ba.len(), bb.len(), "{name} every {every}, section {ka}");
            }
            assert_eq!(doc.meta, original.meta, "{name} every {every}");
            // Spans still slice the rewritten input.
            for s in &doc.sections {
                for b in &s.blocks {
                    assert!(v.get(b.span.range()).is_some());
                }
            }
        }
    }
}

/// The seed letters with a deep, stacked page foot, as some reports are laid out: a running
/// title, the inspection dates, the page number and a web address, every `every` lines.
fn stacked_feet(text: &str, every: usize) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        out.push_str(line);
        out.push('\n');
        if (i + 1) % every == 0 {
            let n = (i + 1) / every;
            out.push_str(&format!(
                "\nJoint targeted area inspection: letter\n9 to 13 March 2026\n\n{n}\n\nwww.example.gov.uk/inspections\n\x0c"
            ));
        }
    }
    out
}

#[test]
fn stacked_page_feet_parse_the_same() {
    for name in [LEICESTERSHIRE, OXFORDSHIRE] {
        let original = Document::parse(&text(name));
        for every in [29, 41] {
            let v = stacked_feet(&text(name), every);
            let doc = Document::parse(&v);
            // The signature block is compared through the metadata (names and roles): a page
            // break between two signatures joins their lines into one block (known, left alone:
            // the closing is not analysed).
            let findings = |d: &Document| {
                let mut s = shape(d);
                s.retain(|(kind, _)| kind != "closing");
                s
            };
            assert_eq!(findings(&original), findings(&doc), "{name} every {every}");
            assert_eq!(doc.meta, original.meta, "{name} every {every}");
            assert_eq!(doc.sections.len(), original.sections.len(), "{name} every {every}");
        }
    }
}
