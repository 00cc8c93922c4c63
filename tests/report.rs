//! The HTML report: self-contained, every letter string escaped, cells reachable and labelled.

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::*;

fn report(paths: &[std::path::PathBuf]) -> String {
    let out = Command::cargo_bin("letters").unwrap().arg("report").args(paths).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn hostile() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-letter.txt")
}

#[test]
fn letter_text_is_always_escaped() {
    let html = report(&[hostile(), corpus_dir().join(OXFORDSHIRE)]);
    // The payloads appear, as text.
    assert!(html.contains("&lt;script&gt;document.title='pwned-headline'&lt;/script&gt;"), "headline payload");
    assert!(html.contains("&lt;img src=x onerror=&quot;document.title='pwned-img'&quot;&gt;"), "img payload");
    assert!(html.contains("&quot;&gt;&lt;svg onload=document.title='pwned-svg'&gt;"), "svg payload");
    // And never as markup.
    for raw in ["<script", "<img", "<svg", "<iframe", "onerror=\""] {
        assert!(!html.contains(raw), "unescaped {raw:?} in the page");
    }
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(html.contains("<title>letters — themes by area</title>"));
}

#[test]
fn the_page_loads_nothing_from_the_network() {
    let html = report(&[&[hostile()], seed_paths().as_slice()].concat());
    for attr in ["src=\"", "href=\"", "url(", "@import"] {
        for (i, _) in html.match_indices(attr) {
            let rest = &html[i + attr.len()..];
            assert!(
                !(rest.starts_with("http:") || rest.starts_with("https:") || rest.starts_with("//")),
                "external reference at {i}: {}",
                &html[i..(i + 80).min(html.len())]
            );
        }
    }
    // The hostile letter's own link was markup left by a converter: cleaning dropped the tag and
    // kept its text.
    assert!(html.contains("support starts quickly for children."));
    assert!(!html.contains("evil.example/x"));
}

#[test]
fn cells_are_links_with_text_alternatives_and_evidence() {
    let html = report(&seed_paths());
    // Every cell is a link (reachable with Tab, opened with Enter) to its evidence section.
    let cells: Vec<&str> =
        html.match_indices("<a class=\"cell ").map(|(i, _)| &html[i..i + 400.min(html.len() - i)]).collect();
    assert!(cells.len() > 40, "{} cells", cells.len());
    for c in &cells {
        let href = c.split("href=\"#").nth(1).unwrap().split('"').next().unwrap();
        assert!(html.contains(&format!("id=\"{href}\"")), "no evidence section for {href}");
        assert!(c.contains("aria-label=\""), "cell without a text alternative: {c}");
    }
    // The flip is there, and the therapy cell for Oxfordshire reads as a listed strength.
    assert!(html.contains(
        "Therapeutic and mental-health support</strong>: strength in Oxfordshire; improvement in Leicestershire"
    ));
    assert!(html.contains("aria-label=\"Therapeutic and mental-health support in Oxfordshire: listed as a strength;"));
    // Matched words are highlighted in the evidence.
    assert!(html.contains("How quickly children have access to <mark>therapeutic</mark> support."));
    // Both seed areas have a panel with their metadata.
    for area in ["Leicestershire", "Oxfordshire"] {
        assert!(html.contains(&format!("<h3>{area}</h3>")), "{area} panel");
    }
    assert!(html.contains("<dt>Written statement due</dt><dd>2026-05-28</dd>"));
}

#[test]
fn report_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("report.html");
    Command::cargo_bin("letters").unwrap().args(["report", "-o"]).arg(&dest).args(seed_paths()).assert().success();
    let html = std::fs::read_to_string(&dest).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
