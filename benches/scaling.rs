//! The linear-time guard: the worst inputs we know of for each stage, at 1×, 2× and 4× a base
//! size, read, parsed and tagged end to end: `cargo bench --bench scaling`.
//!
//! Throughput (bytes per second) must stay flat as the size grows: a stage that is quadratic
//! on some input shows as throughput halving with each doubling. Numbers are in BENCHMARKS.md.
//! This is a benchmark, not a test, so a slow machine never fails the build.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use letters_core::{Document, Tagger};

fn main() {
    divan::main();
}

/// The base size in bytes: each input is built to about `SIZE × k`.
const SIZE: usize = 256 * 1024;

/// Repeats `unit` (numbered with `{}`) after `head` until the text is about `bytes` long.
fn repeat(head: &str, unit: &str, bytes: usize) -> String {
    let mut s = String::from(head);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&unit.replace("{}", &i.to_string()));
        i += 1;
    }
    s
}

/// Each worst case by name, at about `bytes` long.
fn input(case: &str, bytes: usize) -> String {
    match case {
        // One line, no sentence end: wrap-joining, segmentation and the matchers' windows.
        "long-line" => {
            repeat("", "information sharing is not consistently timely and police only share notices ", bytes)
        }
        // One long "word": whole-word checks and tokenisers.
        "no-spaces" => repeat("", "informationsharingMAPPA", bytes),
        // A list of tens of thousands of bullets.
        "bullets" => repeat("What needs to improve?\n\n", "- Item {} about information sharing and MAPPA.\n", bytes),
        // The same heading over and over.
        "headings" => repeat("", "Strengths\n\n", bytes),
        // Abbreviation definitions everywhere (Schwartz–Hearst windows).
        "abbreviations" => repeat("Main findings\n\n", "The Widget Assessment Panel Number (WAPN{}) met. ", bytes),
        // Unbalanced brackets and markup-like text (abbreviation and polarity scopes).
        "brackets" => repeat("Main findings\n\n", "((((((((((((((((((((((((((((((((", bytes),
        // Negators without end (polarity's negation scopes).
        "negations" => repeat("Main findings\n\n", "not never no not lack of limited ", bytes),
        // Many very short lines (furniture detection's page-boundary windows).
        "short-lines" => repeat("", "a\n\n", bytes),
        _ => unreachable!("{case}"),
    }
}

const CASES: &[&str] =
    &["long-line", "no-spaces", "bullets", "headings", "abbreviations", "brackets", "negations", "short-lines"];

#[divan::bench(args = CASES, consts = [1, 2, 4])]
fn parse_and_tag<const K: usize>(b: Bencher, case: &str) {
    let text = input(case, SIZE * K);
    let tagger = Tagger::new();
    b.counter(BytesCount::new(text.len())).bench(|| {
        let doc = Document::from_bytes(text.as_bytes()).unwrap();
        black_box(tagger.tag_document(&doc));
    });
}
