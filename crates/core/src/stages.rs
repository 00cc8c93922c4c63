//! The parsing stages one at a time, for benchmarks. Not part of the supported API.

use crate::phrases::Normalised;
use crate::{Tagger, blocks, clean, furniture, lines, sections, segment};

/// Lines and page furniture: returns the number of furniture lines.
pub fn furniture(text: &str) -> usize {
    let ls = lines::split_lines(text);
    furniture::detect(text, &ls).flags.iter().filter(|f| **f).count()
}

/// Lines, furniture and block assembly (unwrapping, rejoining, bullets): returns the number
/// of headings and blocks.
pub fn blocks(text: &str) -> usize {
    let ls = lines::split_lines(text);
    let f = furniture::detect(text, &ls);
    blocks::assemble(text, &ls, &f.flags).len()
}

/// Everything up to sections with cleaned blocks and their sentences (no metadata): returns
/// the number of sections.
pub fn sections(text: &str) -> usize {
    let ls = lines::split_lines(text);
    let f = furniture::detect(text, &ls);
    let events = blocks::assemble(text, &ls, &f.flags);
    let opts = clean::CleanOptions { footnotes: &f.footnotes };
    sections::build(text, &events, opts).1.len()
}

/// Sentence splitting of one cleaned text: returns the number of sentences.
pub fn sentences(text: &str) -> usize {
    segment::sentences(text).len()
}

/// The block cleaning of a text taken as one segment (no footnotes known).
pub fn clean_text(text: &str) -> String {
    let mut c = clean::Cleaner::new(text, clean::CleanOptions::default());
    c.push_segment(0, text.len());
    c.finish().text
}

/// The tagger's phrase and pattern matching alone, as tagging runs it once per document: the
/// text normalised (apostrophes, hyphens, spaces) and scanned by the phrase automata and the
/// taxonomy's patterns, with nothing parsed, selected or judged. Returns the number of raw
/// matches. The floor under tagging's cost.
pub fn scan(tagger: &Tagger, text: &str) -> usize {
    let norm = Normalised::new(text);
    let mut hits = Vec::new();
    tagger.engine.scan(&norm.text, &mut hits);
    hits.len()
}
