//! The taxonomy's regular expressions, compiled together once, and run only where one of them
//! can start.
//!
//! Every match of a pattern begins with one of the pattern's prefix literals ("information",
//! "record", "evaluat" …), read from the pattern itself. The phrase automaton finds those
//! literals with the phrases, in the same pass; the patterns are then tried, anchored, at those
//! places only, rather than searched for over the whole text (most of which no pattern can
//! start in). The hits are exactly those of the whole-text search: at each place, the first
//! pattern (in taxonomy order) that matches there, as a leftmost-first multi-pattern search
//! would report it.

use regex_automata::{Anchored, Input, Match, meta, util::syntax};
use regex_syntax::hir::literal::{ExtractKind, Extractor};

use super::phrases::whole_word;
use super::taxonomy::REGEX_SIZE_LIMIT;
use crate::text::fold_quote;

/// Matches longer than this move the search past their end (rather than one character on), so
/// no text is scanned more than a bounded number of times whatever the patterns.
const LONG_MATCH: usize = 256;

/// The compiled patterns.
#[derive(Debug, Clone)]
pub(crate) struct Patterns {
    re: meta::Regex,
    /// The literals any match starts with (lower case), when every pattern has a finite set
    /// of them; `None` means the patterns are searched for over the whole text.
    prefixes: Option<Vec<String>>,
}

impl Patterns {
    /// Compiles `regexes` case-insensitively, with ASCII classes where the patterns allow (much
    /// faster) and Unicode ones otherwise.
    pub fn new(regexes: &[&str]) -> Result<Option<Patterns>, String> {
        if regexes.is_empty() {
            return Ok(None);
        }
        // Text is matched normalised (straight apostrophes), so patterns are too.
        //
        // The lazy DFA builds its states as text needs them, in a cache (2 MB by default).
        // Real letters, each worded differently, need more states than that: the cache was
        // cleared over and over and the same states built again (determinisation took 43% of
        // `compare`'s time on real letters, and none on the synthetic corpus, whose recombined
        // sentences need few states). The cache only grows as far as the text needs: about
        // 5 MB per thread on the real letters.
        let pats: Vec<String> =
            regexes.iter().map(|p| p.chars().map(|c| fold_quote(c).unwrap_or(c)).collect()).collect();
        let build = |unicode: bool| {
            meta::Regex::builder()
                .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
                .configure(
                    meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT * 8)).hybrid_cache_capacity(16 << 20),
                )
                .build_many(&pats)
                .map_err(|e| e.to_string())
        };
        let (re, prefixes) = match build(false) {
            // ASCII case folding: a match starts with an ASCII case variant of a prefix of the
            // case-sensitive pattern, which the case-insensitive phrase automaton finds.
            Ok(re) => {
                let all: Option<Vec<Vec<String>>> = pats.iter().map(|p| prefixes(p)).collect();
                let mut all: Option<Vec<String>> = all.map(|v| v.concat());
                if let Some(v) = &mut all {
                    v.sort();
                    v.dedup();
                }
                (re, all)
            }
            Err(_) => (build(true)?, None),
        };
        Ok(Some(Patterns { re, prefixes }))
    }

    /// The literals any match starts with, when the patterns run at them (see
    /// [`Patterns::scan_at`]).
    pub fn prefixes(&self) -> Option<&[String]> {
        self.prefixes.as_deref()
    }

    /// The whole-word pattern matches of `text` (pattern, start, end), tried at `starts` (where
    /// a prefix of some pattern begins; sorted, each once).
    pub fn scan_at(&self, text: &str, starts: &[u32], mut out: impl FnMut(usize, usize, usize)) {
        let mut pos = 0;
        for &start in starts {
            let start = start as usize;
            if start < pos {
                continue;
            }
            // One anchored search of all the patterns: the first (in taxonomy order) to match
            // here decides the place, as in the whole-text search.
            let input = Input::new(text).range(start..).anchored(Anchored::Yes);
            if let Some(m) = self.re.search(&input) {
                emit(text, m, &mut out);
                pos = next(text, m);
            }
        }
    }

    /// The whole-word pattern matches of `text` (pattern, start, end), searched for over all
    /// of it.
    pub fn scan_all(&self, text: &str, mut out: impl FnMut(usize, usize, usize)) {
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.re.search(&Input::new(text).range(pos..)) else { break };
            emit(text, m, &mut out);
            pos = next(text, m);
        }
    }
}

/// Passes on `m` if it is a non-empty whole-word match.
fn emit(text: &str, m: Match, out: &mut impl FnMut(usize, usize, usize)) {
    if !m.is_empty() && whole_word(text, m.start(), m.end()) {
        out(m.pattern().as_usize(), m.start(), m.end());
    }
}

/// Where the search goes on after match `m`: just after its start, to let other patterns
/// overlap it; after a long match, at its end.
fn next(text: &str, m: Match) -> usize {
    let mut pos = if m.len() > LONG_MATCH { m.end() } else { m.start() + 1 };
    while pos < text.len() && !text.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// The literals every match of `pattern` starts with (lower case), or `None` when they are not
/// a finite set of non-empty words.
fn prefixes(pattern: &str) -> Option<Vec<String>> {
    let hir = regex_syntax::ParserBuilder::new().unicode(false).utf8(false).build().parse(pattern).ok()?;
    let seq = Extractor::new().kind(ExtractKind::Prefix).extract(&hir);
    let lits = seq.literals()?;
    let mut out = Vec::with_capacity(lits.len());
    for l in lits {
        let s = std::str::from_utf8(l.as_bytes()).ok()?;
        if s.is_empty() || !s.is_ascii() {
            return None;
        }
        out.push(s.to_ascii_lowercase());
    }
    out.sort();
    out.dedup();
    Some(out)
}

/// Every example sentence of the taxonomy's themes, normalised, one after another.
#[cfg(test)]
pub(super) fn example_text(tax: &super::taxonomy::Taxonomy) -> String {
    tax.themes
        .iter()
        .flat_map(|e| e.should_tag.iter().chain(&e.must_not_tag))
        .flat_map(|s| s.chars().map(|c| fold_quote(c).unwrap_or(c)).chain([' ']))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_literals() {
        let got = prefixes(r"\b(evaluat|minimis)(e|ed) (the )?risks?\b").unwrap();
        assert!(got.iter().any(|l| l.starts_with("evaluated")), "{got:?}");
        assert!(got.iter().all(|l| l.starts_with("evaluate") || l.starts_with("minimise")), "{got:?}");
        assert_eq!(prefixes(r"\bMARAC\b").unwrap(), ["marac"]);
        // Optional openings: the literals start with what may come first.
        assert_eq!(prefixes(r"\b(a |b )?care").unwrap(), ["a care", "b care", "care"]);
        // No finite set: every match could start anywhere.
        assert_eq!(prefixes(r"\b[a-z]+ risk"), None);
        assert_eq!(prefixes(r"(x)?"), None);
    }

    /// Tried only where a prefix begins, the built-in patterns find exactly what searching the
    /// whole text finds — on every example sentence of the taxonomy.
    #[test]
    fn anchored_at_prefixes_finds_what_the_whole_text_search_finds() {
        let tax = crate::Taxonomy::builtin();
        let regexes: Vec<&str> = tax.themes.iter().flat_map(|e| e.patterns.iter().map(String::as_str)).collect();
        let p = Patterns::new(&regexes).unwrap().unwrap();
        let prefixes = p.prefixes().expect("every built-in pattern has prefix literals");
        let text = example_text(&tax);
        let lower = text.to_ascii_lowercase();
        let mut starts = Vec::new();
        for l in prefixes {
            starts.extend(lower.match_indices(l.as_str()).map(|(i, _)| i as u32));
        }
        starts.sort_unstable();
        starts.dedup();
        let (mut at, mut all) = (Vec::new(), Vec::new());
        p.scan_at(&text, &starts, |m, a, b| at.push((m, a, b)));
        p.scan_all(&text, |m, a, b| all.push((m, a, b)));
        assert!(all.len() > 40, "{}", all.len());
        assert_eq!(at, all);
    }
}
