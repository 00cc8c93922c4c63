//! The parsing stages one at a time, for benchmarks and the `floor` example (feature `stages`).
//! Not part of the supported API.

use crate::read::lines::split_lines;
use crate::structure::{blocks, clean, furniture, sentences};
use crate::tag::Normalised;
use crate::tag::Tagger;

/// Lines and page furniture: returns the number of furniture lines.
pub fn furniture(text: &str) -> usize {
    let ls = split_lines(text);
    furniture::detect(text, &ls).flags.iter().filter(|f| **f).count()
}

/// Lines, furniture and block assembly (unwrapping, rejoining, bullets): returns the number
/// of headings and blocks.
pub fn blocks(text: &str) -> usize {
    let ls = split_lines(text);
    let f = furniture::detect(text, &ls);
    blocks::assemble(text, &ls, &f.flags).len()
}

/// Everything up to sections with cleaned blocks and their sentences (no metadata): returns
/// the number of sections.
pub fn sections(text: &str) -> usize {
    crate::structure::parse(text).sections.len()
}

/// Sentence splitting of one cleaned text: returns the number of sentences.
pub fn sentences(text: &str) -> usize {
    sentences::sentences(text).len()
}

/// The block cleaning of a text taken as one segment (no footnotes known).
pub fn clean_text(text: &str) -> String {
    clean::clean_segment(text, 0, text.len(), clean::CleanOptions::default())
}

/// The tagger's phrase and pattern matching alone, as tagging runs it once per document: the
/// text normalised (apostrophes, hyphens, spaces) and scanned by the phrase automata and the
/// taxonomy's patterns, with nothing parsed, selected or judged. Returns the number of raw
/// matches. The floor under tagging's cost.
pub fn scan(tagger: &Tagger, text: &str) -> usize {
    tagger.scan_count(Normalised::new(text))
}
