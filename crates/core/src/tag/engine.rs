//! The matching engine: every phrase of every theme, agency and polarity cue in one
//! Aho-Corasick automaton (plus one for case-sensitive acronyms), run once over a whole
//! document, and the taxonomy's regular expressions in one set.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::patterns::Patterns;
use super::phrases::{is_acronym, normalise, variants, whole_word};
use super::taxonomy::Taxonomy;

/// What a match is evidence of.
pub(crate) const THEME: u8 = 0;
/// An agency match.
pub(crate) const AGENCY: u8 = 1;
/// A polarity cue (its index is the cue kind).
pub(crate) const CUE: u8 = 2;
/// Where a taxonomy pattern can start: not a hit itself.
const PATTERN_START: u8 = 3;

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
    /// All patterns in one multi-pattern regex.
    patterns: Option<Patterns>,
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
        let patterns = Patterns::new(&regexes.iter().map(|(_, p)| *p).collect::<Vec<_>>())?;
        // Where a pattern can start, found by the phrase automaton in the same pass.
        if let Some(prefixes) = patterns.as_ref().and_then(Patterns::prefixes) {
            for l in prefixes {
                ci.add(l.clone(), Target { facet: PATTERN_START, role: Role::Phrase, index: 0 });
            }
        }
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
        let mut starts: Vec<u32> = Vec::new();
        for (ac, targets) in
            [(&self.insensitive, &self.insensitive_targets), (&self.sensitive, &self.sensitive_targets)]
        {
            let Some(ac) = ac else { continue };
            for m in ac.find_overlapping_iter(text) {
                let (start, end) = (m.start() as u32, m.end() as u32);
                let mut whole = None;
                for &target in &targets[m.pattern().as_usize()] {
                    if target.facet == PATTERN_START {
                        starts.push(start);
                    } else if *whole.get_or_insert_with(|| whole_word(text, m.start(), m.end())) {
                        out.push(RawHit { target, start, end, regex: false });
                    }
                }
            }
        }
        if let Some(p) = &self.patterns {
            let hit = |pid: usize, start: usize, end: usize| {
                let target = self.pattern_targets[pid];
                RawHit { target, start: start as u32, end: end as u32, regex: true }
            };
            if p.prefixes().is_some() {
                starts.sort_unstable();
                starts.dedup();
                p.scan_at(text, &starts, |m, a, b| out.push(hit(m, a, b)));
            } else {
                p.scan_all(text, |m, a, b| out.push(hit(m, a, b)));
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
