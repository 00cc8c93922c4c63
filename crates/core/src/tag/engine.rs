//! The matching engine: every phrase of every theme, agency and polarity cue in one
//! Aho-Corasick automaton (plus one for case-sensitive acronyms), run once over a whole
//! document, and the taxonomy's regular expressions in one set.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::{Input, meta, util::syntax};

use super::phrases::{is_acronym, normalise, variants, whole_word};
use super::taxonomy::{REGEX_SIZE_LIMIT, Taxonomy};
use crate::text::fold_quote;

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
    index: HashMap<String, usize>,
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

    fn build(&self, insensitive: bool) -> Option<AhoCorasick> {
        if self.patterns.is_empty() {
            return None;
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(insensitive)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&self.patterns)
            .expect("phrase automaton within limits");
        Some(ac)
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
    insensitive: Option<AhoCorasick>,
    insensitive_targets: Vec<Vec<Target>>,
    sensitive: Option<AhoCorasick>,
    sensitive_targets: Vec<Vec<Target>>,
    /// All patterns in one multi-pattern regex (searched once per document).
    patterns: Option<meta::Regex>,
    pattern_targets: Vec<Target>,
}

impl Engine {
    /// Compiles the phrases, exclusions and patterns of `tax` and the polarity cues.
    pub fn new(tax: &Taxonomy, cues: &CueLists<'_>) -> Result<Engine, String> {
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
        let mut regexes = Vec::new();
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
                // Each pattern was checked alone when the taxonomy was read; here they are
                // compiled together, once.
                for p in &e.patterns {
                    regexes.push((Target::phrase(facet, index), p.as_str()));
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
        let patterns = if regexes.is_empty() {
            None
        } else {
            // Text is matched normalised (straight apostrophes), so patterns are too; and with
            // ASCII classes the lazy DFA can run them, rather than a much slower NFA.
            //
            // The lazy DFA builds its states as text needs them, in a cache (2 MB by default).
            // Real letters, each worded differently, need more states than that: the cache was
            // cleared over and over and the same states built again (determinisation took 43%
            // of `compare`'s time on real letters, and none on the synthetic corpus, whose
            // recombined sentences need few states). The cache only grows as far as the text
            // needs: about 5 MB per thread on the real letters.
            let pats: Vec<String> =
                regexes.iter().map(|(_, p)| p.chars().map(|c| fold_quote(c).unwrap_or(c)).collect()).collect();
            let build = |unicode: bool| {
                meta::Regex::builder()
                    .syntax(syntax::Config::new().case_insensitive(true).unicode(unicode))
                    .configure(
                        meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT * 8)).hybrid_cache_capacity(16 << 20),
                    )
                    .build_many(&pats)
                    .map_err(|e| e.to_string())
            };
            Some(build(false).or_else(|_| build(true))?)
        };
        Ok(Engine {
            insensitive: ci.build(true),
            insensitive_targets: ci.targets,
            sensitive: cs.build(false),
            sensitive_targets: cs.targets,
            patterns,
            pattern_targets: regexes.into_iter().map(|(t, _)| t).collect(),
        })
    }

    /// Every whole-word phrase occurrence (overlapping ones included) and every pattern match
    /// in `text`, sorted by start.
    pub fn scan(&self, text: &str, out: &mut Vec<RawHit>) {
        out.clear();
        for (ac, targets) in
            [(&self.insensitive, &self.insensitive_targets), (&self.sensitive, &self.sensitive_targets)]
        {
            let Some(ac) = ac else { continue };
            for m in ac.find_overlapping_iter(text) {
                if whole_word(text, m.start(), m.end()) {
                    for &target in &targets[m.pattern().as_usize()] {
                        out.push(RawHit { target, start: m.start() as u32, end: m.end() as u32, regex: false });
                    }
                }
            }
        }
        if let Some(re) = &self.patterns {
            // One pass for all patterns; restarting just after each match start lets matches
            // of other patterns overlap it.
            let mut pos = 0;
            while pos < text.len() {
                let Some(m) = re.search(&Input::new(text).range(pos..)) else { break };
                if !m.is_empty() && whole_word(text, m.start(), m.end()) {
                    let target = self.pattern_targets[m.pattern().as_usize()];
                    out.push(RawHit { target, start: m.start() as u32, end: m.end() as u32, regex: true });
                }
                // Restart just after the start, to let other patterns overlap this match; after
                // a long match, at its end, so no text is scanned more than a bounded number of
                // times whatever the patterns.
                pos = if m.len() > 256 { m.end() } else { m.start() + 1 };
                while pos < text.len() && !text.is_char_boundary(pos) {
                    pos += 1;
                }
            }
        }
        out.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.target));
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
