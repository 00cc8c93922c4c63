//! The taxonomy's regular expressions, compiled together once, and run only where one of them
//! can start.
//!
//! Every match of a pattern begins with one of the pattern's prefix literals ("information",
//! "record", "evaluat" …), read from the pattern itself, and a whole-word match that begins
//! with a letter or digit begins where a word does. So the patterns are tried, anchored, only
//! at the words that begin with a literal's opening ([`Starts`]), rather than searched for over
//! the whole text (most of which no pattern can start in). The hits are those of the
//! whole-text search: at each place, the first pattern (in taxonomy order) that matches there,
//! as a leftmost-first multi-pattern search would report it.

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
            // case-sensitive pattern, which [`Starts`] looks for in the text folded to lower
            // case.
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

    /// The whole-word pattern matches of `text` (pattern, start, end), tried at `starts`
    /// (sorted, each once; every place a reported match can begin must be among them, as the
    /// words [`Starts`] picks are).
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
                pos = next(text, m, emit(text, m, &mut out));
            }
        }
    }

    /// The whole-word pattern matches of `text` (pattern, start, end), searched for over all
    /// of it.
    pub fn scan_all(&self, text: &str, mut out: impl FnMut(usize, usize, usize)) {
        let mut pos = 0;
        while pos < text.len() {
            let Some(m) = self.re.search(&Input::new(text).range(pos..)) else { break };
            pos = next(text, m, emit(text, m, &mut out));
        }
    }
}

/// Where the patterns can start: the words that begin with a prefix literal. (A whole-word
/// match starts where a word does when its first character is a letter or digit.)
#[derive(Debug, Clone)]
pub(crate) struct Starts {
    /// The literals' openings (see [`opening`]) of two bytes or more that no shorter one
    /// begins, sorted, as the bytes of a little-endian number and the mask of their length.
    openings: Vec<(u64, u64)>,
    /// The pairs of bytes openings begin with, as a bit set: most words begin with none.
    pair_bits: Box<[u64]>,
    /// How many pairs the bit set has before each of its 64-bit words: a pair's rank among
    /// the pairs, which indexes `ranges`.
    pair_rank: Box<[u32]>,
    /// The range of `openings` that begins with each pair, in the pairs' order.
    ranges: Vec<(u32, u32)>,
    /// The openings of one byte.
    singles: [bool; 256],
}

/// What of a literal is looked for: up to six bytes, and no further than its first space.
/// Places that begin with a literal's opening but not the literal are tried to no avail (the
/// patterns do not match there); what the opening saves is comparing many long literals.
fn opening(literal: &[u8]) -> &[u8] {
    let n = literal.len().min(6);
    let n = literal[..n].iter().position(|&b| b == b' ').map_or(n, |i| i + 1);
    &literal[..n]
}

impl Starts {
    /// `None` unless every literal (lower case) begins with an ASCII letter or digit.
    pub fn new(prefixes: &[String]) -> Option<Starts> {
        if !prefixes.iter().all(|l| l.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric)) {
            return None;
        }
        let mut sorted: Vec<&[u8]> = prefixes.iter().map(|l| opening(l.as_bytes())).collect();
        sorted.sort();
        let mut s = Starts {
            openings: Vec::new(),
            pair_bits: vec![0; 1024].into_boxed_slice(),
            pair_rank: vec![0; 1024].into_boxed_slice(),
            ranges: Vec::new(),
            singles: [false; 256],
        };
        let mut pairs: Vec<(u16, u32, u32)> = Vec::new();
        let mut last: Option<&[u8]> = None;
        for l in sorted {
            // An opening another begins adds no place: that one is found there already.
            if s.singles[usize::from(l[0])] || last.is_some_and(|k| l.starts_with(k)) {
                continue;
            }
            if let [one] = l {
                s.singles[usize::from(*one)] = true;
                continue;
            }
            let at = s.openings.len() as u32;
            let p = pair(l[0], l[1]);
            match pairs.last_mut() {
                Some(last) if last.0 == p => last.2 = at + 1,
                _ => pairs.push((p, at, at + 1)),
            }
            s.pair_bits[usize::from(p / 64)] |= 1 << (p % 64);
            s.openings.push((word(l), mask(l.len())));
            last = Some(l);
        }
        // Sorted openings come pair by pair, in the pairs' order: their ranks.
        s.ranges = pairs.iter().map(|&(_, from, to)| (from, to)).collect();
        let mut before = 0;
        for (rank, bits) in s.pair_rank.iter_mut().zip(&s.pair_bits) {
            *rank = before;
            before += bits.count_ones();
        }
        Some(s)
    }

    /// Whether a literal's opening begins at `at` of `lower` (the text, ASCII folded to lower
    /// case).
    pub fn begins(&self, lower: &[u8], at: usize) -> bool {
        let b0 = lower[at];
        if self.singles[usize::from(b0)] {
            return true;
        }
        let Some(&b1) = lower.get(at + 1) else { return false };
        let p = pair(b0, b1);
        let (k, bit) = (usize::from(p / 64), p % 64);
        let bits = self.pair_bits[k];
        if bits & (1 << bit) == 0 {
            return false;
        }
        let rank = self.pair_rank[k] + (bits & ((1 << bit) - 1)).count_ones();
        let (from, to) = self.ranges[rank as usize];
        let rest = &lower[at..];
        let here = match rest.first_chunk::<8>() {
            Some(eight) => u64::from_le_bytes(*eight),
            None => word(rest),
        };
        let long_enough = |m: u64| rest.len() >= 8 || m.count_ones() as usize <= 8 * rest.len();
        self.openings[from as usize..to as usize].iter().any(|&(w, m)| long_enough(m) && here & m == w)
    }
}

/// Up to eight bytes as a little-endian number.
fn word(b: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    u64::from_le_bytes(w)
}

/// The mask of the low `n` bytes (`n` ≤ 8).
fn mask(n: usize) -> u64 {
    if n >= 8 { u64::MAX } else { (1u64 << (8 * n)) - 1 }
}

/// The index of two bytes in a table of pairs.
fn pair(first: u8, second: u8) -> u16 {
    (u16::from(first) << 8) | u16::from(second)
}

/// Passes on `m` if it is a non-empty whole-word match; says whether it did.
fn emit(text: &str, m: Match, out: &mut impl FnMut(usize, usize, usize)) -> bool {
    let whole = !m.is_empty() && whole_word(text, m.start(), m.end());
    if whole {
        out(m.pattern().as_usize(), m.start(), m.end());
    }
    whole
}

/// Where the search goes on after match `m`: just after its start, to let other patterns
/// overlap it; after a long match it reported, at its end. (A match it did not report moves
/// the search on one character only, so that trying the patterns at a few places and
/// searching the whole text find the same.)
fn next(text: &str, m: Match, reported: bool) -> usize {
    let mut pos = if reported && m.len() > LONG_MATCH { m.end() } else { m.start() + 1 };
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

    #[test]
    fn starts_are_words_that_begin_with_a_literal_opening() {
        let lits: Vec<String> = ["information is", "informed", "plan", "x", "record of"].map(String::from).into();
        let s = Starts::new(&lits).unwrap();
        // Openings: "inform" (covering "informed"), "plan", "record", and "x" alone.
        let cases: &[(&str, bool)] = &[
            ("information", true),
            ("informal", true),
            ("infer", false),
            ("plans", true),
            ("pla", false),
            ("xylophone", true),
            ("recorded", true),
            ("records", true),
            ("reco", false),
            ("p", false),
        ];
        for &(text, want) in cases {
            assert_eq!(s.begins(text.as_bytes(), 0), want, "{text}");
        }
        assert!(Starts::new(&["(a)".to_string()]).is_none());
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
