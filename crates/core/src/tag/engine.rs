//! The matching engine: every phrase of every theme, agency and polarity cue in one trie over
//! words (plus one for case-sensitive acronyms, and an automaton for any phrase that does not
//! begin and end with a letter or digit), run once over a whole document, and the taxonomy's
//! regular expressions in one set, tried at the words where one can start.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::patterns::{Patterns, Starts};
use super::phrases::{is_acronym, normalise, variants, whole_word};
use super::taxonomy::Taxonomy;
use super::words::{Bytes, WordTrie, fits, word_spans};

/// What a match is evidence of.
pub(crate) const THEME: u8 = 0;
/// An agency match.
pub(crate) const AGENCY: u8 = 1;
/// A polarity cue (its index is the cue kind).
pub(crate) const CUE: u8 = 2;

/// What a phrase is to its entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Role {
    /// Evidence of the entry.
    Phrase,
    /// Evidence only where the unit names no other entry of the facet.
    Weak,
    /// Cancels the entry's matches it overlaps.
    Exclude,
    /// Evidence only where the unit also has one of the entry's context words.
    Contextual,
    /// Licenses the entry's contextual phrases; not evidence.
    Context,
}

/// One thing a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Target {
    pub facet: u8,
    pub role: Role,
    pub index: u32,
}

impl Target {
    /// Evidence of entry `index` of `facet`.
    pub fn phrase(facet: u8, index: u32) -> Target {
        Target { facet, role: Role::Phrase, index }
    }
}

/// A match in the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawHit {
    pub target: Target,
    pub start: u32,
    pub end: u32,
    /// From a regular expression (added to, not competing with, phrase matches).
    pub regex: bool,
}

#[derive(Default)]
struct Collect {
    patterns: Vec<String>,
    targets: Vec<Vec<Target>>,
    index: HashMap<String, usize, rustc_hash::FxBuildHasher>,
}

impl Collect {
    fn add(&mut self, pattern: String, target: Target) {
        match self.index.get(&pattern) {
            Some(&i) => {
                if !self.targets[i].contains(&target) {
                    self.targets[i].push(target);
                }
            }
            None => {
                self.index.insert(pattern.clone(), self.patterns.len());
                self.patterns.push(pattern);
                self.targets.push(vec![target]);
            }
        }
    }

    /// The phrases matched word by word, and an automaton for any that cannot be.
    fn build(self, fold: bool) -> Phrases {
        let (fit, odd): (Vec<u32>, Vec<u32>) =
            (0..self.patterns.len() as u32).partition(|&i| fits(&self.patterns[i as usize]));
        let trie = WordTrie::new(fit.iter().map(|&i| (i, self.patterns[i as usize].as_str())), fold);
        let odd_ac = (!odd.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(fold)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(odd.iter().map(|&i| &self.patterns[i as usize]))
                .expect("phrase automaton within limits")
        });
        let mut ranges = Vec::with_capacity(self.targets.len());
        let mut targets = Vec::new();
        for t in &self.targets {
            ranges.push((targets.len() as u32, (targets.len() + t.len()) as u32));
            targets.extend_from_slice(t);
        }
        Phrases { trie, odd: odd_ac, odd_ids: odd, targets, ranges }
    }
}

/// One set of phrases (case folded or not), compiled.
#[derive(Debug, Clone)]
struct Phrases {
    trie: WordTrie,
    /// Phrases that do not begin and end with a letter or digit, if any.
    odd: Option<AhoCorasick>,
    /// The phrase index of each pattern of `odd`.
    odd_ids: Vec<u32>,
    /// What each phrase stands for: `targets[ranges[phrase]]`.
    targets: Vec<Target>,
    ranges: Vec<(u32, u32)>,
}

impl Phrases {
    /// Every whole-word occurrence of a phrase in `text` (with its words `words`).
    fn scan(&self, text: &str, bytes: &Bytes<'_>, words: &[(u32, u32)], out: &mut Vec<RawHit>) {
        let mut hit = |pid: u32, start: u32, end: u32| {
            let (a, b) = self.ranges[pid as usize];
            for &target in &self.targets[a as usize..b as usize] {
                out.push(RawHit { target, start, end, regex: false });
            }
        };
        self.trie.find(bytes.for_trie(&self.trie), words, &mut hit);
        if let Some(ac) = &self.odd {
            for m in ac.find_overlapping_iter(text) {
                if whole_word(text, m.start(), m.end()) {
                    hit(self.odd_ids[m.pattern().as_usize()], m.start() as u32, m.end() as u32);
                }
            }
        }
    }
}

/// Polarity cue lists, in the order of their kind index.
pub(crate) struct CueLists<'a> {
    pub lists: Vec<(&'a [String], bool)>,
    pub inert: &'a [&'a str],
}

/// The compiled matchers.
#[derive(Debug, Clone)]
pub(crate) struct Engine {
    insensitive: Phrases,
    sensitive: Phrases,
    /// All patterns in one multi-pattern regex.
    patterns: Option<Patterns>,
    pattern_targets: Vec<Target>,
    /// Where to try the patterns: the words that begin with one of their prefix literals.
    /// `None` when the patterns are searched for over the whole text.
    starts: Option<Starts>,
}

impl Engine {
    /// Compiles the phrases, exclusions and patterns of `tax` and the polarity cues.
    pub fn new(tax: &Taxonomy, cues: &CueLists<'_>) -> Result<Engine, String> {
        // Each pattern was checked alone when the taxonomy was read; here they are compiled
        // together, once, on a thread of their own while the phrases are gathered (compiling
        // them is most of the time it takes to build an engine).
        let mut regexes = Vec::new();
        for (facet, entries) in [(THEME, &tax.themes), (AGENCY, &tax.agencies)] {
            for (i, e) in entries.iter().enumerate() {
                for p in &e.patterns {
                    regexes.push((Target::phrase(facet, i as u32), p.as_str()));
                }
            }
        }
        std::thread::scope(|scope| {
            let compiling = scope.spawn(|| Patterns::new(&regexes.iter().map(|(_, p)| *p).collect::<Vec<_>>()));
            let (insensitive, sensitive) = Self::phrases(tax, cues);
            let patterns = compiling.join().unwrap_or_else(|e| std::panic::resume_unwind(e))?;
            let starts = patterns.as_ref().and_then(Patterns::prefixes).and_then(Starts::new);
            Ok(Engine {
                insensitive,
                sensitive,
                patterns,
                pattern_targets: regexes.iter().map(|&(t, _)| t).collect(),
                starts,
            })
        })
    }

    /// The phrases of `tax` and the polarity cues, matched without and with case.
    fn phrases(tax: &Taxonomy, cues: &CueLists<'_>) -> (Phrases, Phrases) {
        let mut ci = Collect::default();
        let mut cs = Collect::default();
        let mut add = |phrase: &str, target: Target, inflect: bool| {
            let p = normalise(phrase);
            if is_acronym(&p) {
                for v in variants(&p, inflect) {
                    cs.add(v, target);
                }
            } else {
                for v in variants(&p.to_lowercase(), inflect) {
                    ci.add(v, target);
                }
            }
        };
        for (facet, entries) in [(THEME, &tax.themes), (AGENCY, &tax.agencies)] {
            for (i, e) in entries.iter().enumerate() {
                let index = i as u32;
                for (role, list) in [
                    (Role::Phrase, &e.phrases),
                    (Role::Weak, &e.weak),
                    (Role::Exclude, &e.exclude),
                    (Role::Contextual, &e.contextual),
                    (Role::Context, &e.context),
                ] {
                    for p in list {
                        add(p, Target { facet, role, index }, true);
                    }
                }
            }
        }
        for (kind, (list, inflect)) in cues.lists.iter().enumerate() {
            for p in list.iter() {
                add(p, Target::phrase(CUE, kind as u32), *inflect);
            }
        }
        let inert = cues.lists.len() as u32;
        for p in cues.inert {
            add(p, Target::phrase(CUE, inert), false);
        }
        (ci.build(true), cs.build(false))
    }

    /// Every whole-word phrase occurrence (overlapping ones included) and every pattern match
    /// in `text`, sorted by start.
    pub fn scan(&self, text: &str, out: &mut Vec<RawHit>) {
        self.scan_words(text, &mut Vec::new(), out);
    }

    /// [`Engine::scan`], leaving the words of `text` (runs of letters and digits) in `ws`.
    pub fn scan_words(&self, text: &str, ws: &mut Vec<(u32, u32)>, out: &mut Vec<RawHit>) {
        out.clear();
        word_spans(text, ws);
        let bytes = Bytes::new(text);
        self.insensitive.scan(text, &bytes, ws, out);
        self.sensitive.scan(text, &bytes, ws, out);
        if let Some(p) = &self.patterns {
            let hit = |pid: usize, start: usize, end: usize| {
                let target = self.pattern_targets[pid];
                RawHit { target, start: start as u32, end: end as u32, regex: true }
            };
            if let Some(st) = &self.starts {
                let lower = bytes.lower();
                let starts: Vec<u32> = ws.iter().map(|&(a, _)| a).filter(|&a| st.begins(lower, a as usize)).collect();
                p.scan_at(text, &starts, |m, a, b| out.push(hit(m, a, b)));
            } else {
                p.scan_all(text, |m, a, b| out.push(hit(m, a, b)));
            }
        }
        out.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.target, h.regex));
    }
}

/// The leftmost-longest phrase matches of one facet among `hits` (sorted by start, longest
/// first), with the entry's exclusions applied; pattern matches are added after. A span that
/// stands for several entries yields one hit per entry.
pub(crate) fn select(hits: &[RawHit], facet: u8, out: &mut Vec<RawHit>) {
    out.clear();
    let mut pos = 0u32;
    let mut chosen: Option<(u32, u32)> = None;
    let evidence = |h: &&RawHit| matches!(h.target.role, Role::Phrase | Role::Weak | Role::Contextual);
    for h in hits.iter().filter(|h| h.target.facet == facet && !h.regex).filter(evidence) {
        match chosen {
            Some((s, e)) if h.start == s && h.end == e => out.push(*h),
            _ if h.start >= pos => {
                chosen = Some((h.start, h.end));
                pos = h.end;
                out.push(*h);
            }
            _ => {}
        }
    }
    out.extend(hits.iter().filter(|h| h.target.facet == facet && h.regex).copied());
    // Exclusions of this facet, sorted by start: a hit is dropped when an exclusion of its entry
    // overlaps it. Exclusions are short phrases, so only those starting within the longest
    // one's length before the hit can overlap it.
    let mut excl: Vec<&RawHit> =
        hits.iter().filter(|x| x.target.role == Role::Exclude && x.target.facet == facet).collect();
    if !excl.is_empty() {
        excl.sort_unstable_by_key(|x| x.start);
        let longest = excl.iter().map(|x| x.end - x.start).max().unwrap_or(0);
        out.retain(|h| {
            let from = excl.partition_point(|x| x.start + longest <= h.start);
            !excl[from..]
                .iter()
                .take_while(|x| x.start < h.end)
                .any(|x| x.target.index == h.target.index && h.start < x.end)
        });
    }
    // Contextual phrases: evidence only beside a context word of their entry in the unit.
    if out.iter().any(|h| h.target.role == Role::Contextual) {
        let licensed = |i: u32| hits.iter().any(|x| x.target == Target { facet, role: Role::Context, index: i });
        out.retain(|h| h.target.role != Role::Contextual || licensed(h.target.index));
    }
    // Weak phrases: evidence only when nothing else in the unit names an entry of the facet.
    let weak = |h: &RawHit| h.target.role == Role::Weak;
    if out.iter().any(weak) && !out.iter().all(weak) {
        let strong: Vec<u32> = out.iter().filter(|h| !weak(h)).map(|h| h.target.index).collect();
        out.retain(|h| !weak(h) || strong.contains(&h.target.index));
    }
    out.sort_unstable_by_key(|h| (h.start, h.end, h.target.index));
    out.dedup_by_key(|h| (h.start, h.end, h.target.index));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tried only at the words that begin with a prefix literal, the built-in patterns find
    /// what searching the whole text finds — on every example sentence of the taxonomy.
    #[test]
    fn patterns_tried_at_words_find_what_the_whole_text_search_finds() {
        let tax = Taxonomy::builtin();
        let engine = Engine::new(&tax, &CueLists { lists: Vec::new(), inert: &[] }).unwrap();
        assert!(engine.starts.is_some(), "every built-in pattern starts with a word");
        let mut text = super::super::patterns::example_text(&tax);
        // A long match that is not whole words (a letter the patterns' ASCII classes do not
        // know before it) moves neither search past what follows.
        text.push_str(&format!("éinformation is{} shared with partners. ", " not".repeat(70)));
        let mut hits = Vec::new();
        engine.scan(&text, &mut hits);
        let got: Vec<(u32, u32, u32)> =
            hits.iter().filter(|h| h.regex).map(|h| (h.target.index, h.start, h.end)).collect();
        let mut want = Vec::new();
        let p = engine.patterns.as_ref().unwrap();
        p.scan_all(&text, |m, a, b| want.push((engine.pattern_targets[m].index, a as u32, b as u32)));
        want.sort_unstable_by_key(|&(i, a, b)| (a, std::cmp::Reverse(b), i));
        assert!(want.len() > 40, "{}", want.len());
        assert_eq!(got, want);
    }
}
