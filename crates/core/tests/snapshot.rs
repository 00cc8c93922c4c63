//! Whole-document snapshots of the shipped corpus: any change to how a letter parses shows up
//! as a diff of `tests/snapshots/*.snap`. After a deliberate change, review the diff and
//! re-bless with `LETTERS_BLESS=1 cargo test -p letters-core --test snapshot`.

mod common;

use std::fmt::Write;

use common::*;
use letters_core::{BlockKind, Document};

fn render(doc: &Document) -> String {
    let mut out = String::new();
    writeln!(out, "kind: {}", doc.kind.as_str()).unwrap();
    writeln!(out, "meta: {}", serde_json::to_string_pretty(&doc.meta).unwrap()).unwrap();
    for w in &doc.warnings {
        writeln!(out, "warning: {} {}", w.code, w.message).unwrap();
    }
    for s in &doc.sections {
        writeln!(out, "\n== {} [{}, {}] {:?}", s.kind.as_str(), s.span.start, s.span.end, s.heading).unwrap();
        for b in &s.blocks {
            let tag = if b.kind == BlockKind::Item { "item" } else { "para" };
            writeln!(out, "{tag} [{}, {}] {}", b.span.start, b.span.end, b.text).unwrap();
            let spans: Vec<String> = b.sentences.iter().map(|s| format!("{}-{}", s.span.start, s.span.end)).collect();
            writeln!(out, "     sentences {}", spans.join(" ")).unwrap();
        }
    }
    out
}

#[test]
fn corpus_snapshots() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let bless = std::env::var_os("LETTERS_BLESS").is_some();
    let mut failed = Vec::new();
    for name in corpus_files() {
        let (_, doc) = load(&name);
        let got = render(&doc);
        let path = dir.join(name.replace(".txt", ".snap"));
        if bless {
            std::fs::write(&path, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != got {
            let first = want.lines().zip(got.lines()).position(|(a, b)| a != b).unwrap_or(0);
            failed.push(format!(
                "{name}: snapshot differs from line {}:\n  want: {}\n  got:  {}",
                first + 1,
                want.lines().nth(first).unwrap_or("<end>"),
                got.lines().nth(first).unwrap_or("<end>")
            ));
        }
    }
    assert!(failed.is_empty(), "{}\n(re-bless with LETTERS_BLESS=1 after reviewing)", failed.join("\n"));
}
