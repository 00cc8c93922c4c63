//! Shared helpers for the integration tests, the library's and (included by path) the command
//! line's: the shipped corpus in the workspace's `corpus/`, and test PDFs.
#![allow(dead_code)]

use std::path::PathBuf;

use letters_core::Document;

pub const LEICESTERSHIRE: &str = "jtai-2026-02-leicestershire.txt";
pub const OXFORDSHIRE: &str = "jtai-2026-05-oxfordshire.txt";
pub const RESPONSE: &str = "response-2026-03-leicestershire-pcc.txt";
pub const BRIEFING: &str = "briefing-2025-llr-csa-casefile-audit.txt";
pub const PLAN: &str = "plan-2025-2027-llr-business-plan.txt";

/// The workspace's `corpus/` (these helpers serve the library's tests and, included by path,
/// the command line's).
pub fn corpus_dir() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors().map(|p| p.join("corpus")).find(|p| p.join("README.md").is_file()).expect("the workspace's corpus/")
}

/// The paths of the five seed documents at the top of the corpus (the published documents
/// under `corpus/published/` are left out).
pub fn seed_paths() -> Vec<PathBuf> {
    corpus_files().into_iter().map(|n| corpus_dir().join(n)).collect()
}

/// The published documents shipped in `corpus/published/`, sorted.
pub fn published_dir() -> PathBuf {
    corpus_dir().join("published")
}

/// The text of a corpus file.
pub fn text(name: &str) -> String {
    std::fs::read_to_string(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A corpus file and its parse.
pub fn load(name: &str) -> (String, Document) {
    let t = text(name);
    let doc = Document::parse(&t);
    (t, doc)
}

/// Every `.txt` file of the corpus, sorted.
pub fn corpus_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("corpus/")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}
pub mod pdf;
