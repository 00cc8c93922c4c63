//! PDF input on the command line: in a batch of PDFs and texts, a bad PDF is named with its
//! reason and the rest are read.

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::*;

const HEADER: &str = "Ofsted   CQC   HMICFRS   HM Inspectorate of Probation";

#[test]
fn a_batch_of_pdfs_and_texts_names_the_bad_pdf_and_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let leics = pdf::letter_pdf(&text(LEICESTERSHIRE), HEADER);
    std::fs::write(dir.path().join("a-leicestershire.pdf"), &leics).unwrap();
    std::fs::write(dir.path().join("b-corrupt.pdf"), &leics[..leics.len() / 3]).unwrap();
    std::fs::copy(corpus_dir().join(OXFORDSHIRE), dir.path().join("c-oxfordshire.txt")).unwrap();
    std::fs::write(dir.path().join("d-scan.PDF"), pdf::scanned()).unwrap();
    std::fs::write(dir.path().join("e-response.pdf"), pdf::letter_pdf(&text(RESPONSE), "Office of the PCC")).unwrap();
    let out =
        Command::cargo_bin("letters").unwrap().args(["split", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    let p = |n: &str| dir.path().join(n).display().to_string();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(lines[0].starts_with(&format!("letters: {}: damaged PDF (", p("b-corrupt.pdf"))), "{stderr}");
    assert_eq!(
        lines[1],
        format!("letters: {}: no extractable text in 1 page (a scanned PDF? run OCR on it first)", p("d-scan.PDF"))
    );
    assert!(!stderr.contains("panicked"));
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(&str, &str)> =
        docs.iter().map(|d| (d["path"].as_str().unwrap(), d["kind"].as_str().unwrap())).collect();
    let (a, c, e) = (p("a-leicestershire.pdf"), p("c-oxfordshire.txt"), p("e-response.pdf"));
    assert_eq!(
        got,
        [(a.as_str(), "inspection-letter"), (c.as_str(), "inspection-letter"), (e.as_str(), "response-letter")]
    );
    assert_eq!(docs[0]["meta"]["area"], "Leicestershire");
}
