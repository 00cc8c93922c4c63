//! Tagging findings with themes, agencies and polarity, with the evidence for each tag.

use std::collections::HashMap;

use super::abbrev;
use super::engine::{AGENCY, CUE, Engine, RawHit, THEME, Target, select};
use super::finding::{Evidence, ExampleFailure, Finding, Match, Tags, Unit};
use super::listing::{ListSide, turns, unjudged_sentence};
use super::phrases::Normalised;
use super::polarity::{self, Polarity, Verdict, cue_lists, judge};
use super::taxonomy::{Entry, Taxonomy};
use crate::document::Document;
use crate::error::TaxonomyError;
use crate::structure::{Block, BlockKind, SectionKind};
use crate::text::Span;

/// Builds a [`Tagger`]: the built-in taxonomy unless another is given.
///
/// ```
/// use letters_core::{Taxonomy, TaggerBuilder};
///
/// let extra = Taxonomy::from_toml(
///     "[[theme]]\nid = \"neglect\"\nlabel = \"Neglect\"\nphrases = [\"neglect\"]\n",
///     "mine.toml",
/// )
/// .unwrap();
/// let mut taxonomy = Taxonomy::builtin();
/// taxonomy.extend(extra);
/// let tagger = TaggerBuilder::new().taxonomy(taxonomy).build().unwrap();
/// let tags = tagger.tag("Neglect is not always recognised.");
/// assert!(tags.themes.contains(&"neglect".to_string()));
/// ```
#[derive(Debug, Clone, Default)]
pub struct TaggerBuilder {
    taxonomy: Option<Taxonomy>,
}

impl TaggerBuilder {
    /// A builder with the built-in taxonomy.
    pub fn new() -> TaggerBuilder {
        TaggerBuilder::default()
    }

    /// Uses `taxonomy` instead of the built-in one.
    pub fn taxonomy(&mut self, taxonomy: Taxonomy) -> &mut TaggerBuilder {
        self.taxonomy = Some(taxonomy);
        self
    }

    /// Compiles the matchers.
    ///
    /// # Errors
    /// When a pattern fails to compile together with the others (each was checked alone
    /// when the taxonomy was read).
    pub fn build(&self) -> Result<Tagger, TaxonomyError> {
        let taxonomy = self.taxonomy.clone().unwrap_or_else(Taxonomy::builtin);
        let engine = Engine::new(&taxonomy, &cue_lists(&taxonomy.lexicon)).map_err(|e| TaxonomyError {
            source_name: "taxonomy".into(),
            line: None,
            entry: None,
            message: format!("patterns do not compile together: {e}"),
        })?;
        Ok(Tagger { taxonomy, engine })
    }
}

/// Tags text and documents. Build it once and share it (`&Tagger` is `Sync`) across threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    taxonomy: Taxonomy,
    pub(crate) engine: Engine,
}

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

/// A theme or agency match in a unit: the entry's index in the taxonomy and a byte range of the
/// text it was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub entry: u32,
    pub start: usize,
    pub end: usize,
}

impl Hit {
    fn shifted(self, by: usize) -> Hit {
        Hit { start: self.start + by, end: self.end + by, ..self }
    }
}

/// The theme and agency matches of one unit (buffers reused from one unit to the next).
#[derive(Default)]
struct Matches {
    themes: Vec<Hit>,
    agencies: Vec<Hit>,
}

/// A finding as the tagger sees it, borrowing from the document: indices, not ids.
pub(crate) struct UnitView<'d> {
    pub section: SectionKind,
    pub heading: Option<&'d str>,
    pub unit: Unit,
    pub block: &'d Block,
    /// The unit's range in `block.text`.
    pub start: usize,
    pub end: usize,
    /// Theme matches, in `block.text`.
    pub themes: &'d [Hit],
    /// Agency matches, likewise.
    pub agencies: &'d [Hit],
    pub polarity: Polarity,
    /// Cue ranges in `block.text`.
    pub cues: &'d [(usize, usize)],
    /// For a listed item, the themes (entries, sorted) that only its sentences saying the
    /// opposite of the list name: they count on the other side.
    pub against: &'d [u32],
    /// Whether its section's heading decided its polarity: a listed item, or a sentence whose
    /// own words judge nothing ([`unjudged_sentence`]).
    pub by_heading: bool,
}

impl UnitView<'_> {
    pub fn text(&self) -> &str {
        &self.block.text[self.start..self.end]
    }

    /// The original span of a range of `block.text` (the unit's span when the block has no
    /// offset map).
    pub fn span_of(&self, start: usize, end: usize) -> Span {
        self.block.original_span(start, end).unwrap_or_else(|| {
            if self.unit == Unit::Item {
                self.block.span
            } else {
                self.block.sentences.iter().find(|s| s.offset == self.start).map_or(self.block.span, |s| s.span)
            }
        })
    }

    /// Whether the unit is an item of a list section: its list, not its words, says its polarity.
    pub fn is_listed(&self) -> bool {
        self.unit == Unit::Item && self.section.is_list()
    }

    /// The side a theme of this unit is listed on, if the unit is a listed item: its list's,
    /// or the other when only sentences that say the opposite of the list name the theme.
    pub fn listed_as(&self, theme: u32) -> Option<ListSide> {
        let side = ListSide::of(self.section).filter(|_| self.unit == Unit::Item)?;
        Some(if self.against.binary_search(&theme).is_ok() { side.opposite() } else { side })
    }
}

/// Scratch buffers reused across units.
#[derive(Default)]
struct Scratch {
    selected: Vec<RawHit>,
    unit: Vec<RawHit>,
    cues: Vec<(usize, usize, u32)>,
    judge: polarity::Buffers,
}

/// A text prepared for tagging: normalised, and scanned once by every matcher.
struct Scanned {
    norm: Normalised,
    hits: Vec<RawHit>,
    /// The words of the normalised text (runs of letters and digits).
    words: Vec<(u32, u32)>,
}

impl Scanned {
    /// Puts the hits inside the normalised range `[na, nb)` in `s.unit`.
    fn gather(&self, na: usize, nb: usize, s: &mut Scratch) {
        let lo = self.hits.partition_point(|h| (h.start as usize) < na);
        let hi = self.hits[lo..].partition_point(|h| (h.start as usize) < nb) + lo;
        s.unit.clear();
        s.unit.extend(self.hits[lo..hi].iter().filter(|h| h.end as usize <= nb).copied());
    }

    /// The original range of a hit, as offsets from `base`.
    fn local(&self, h: &RawHit, base: usize) -> (usize, usize) {
        let (a, b) = self.norm.original(h.start as usize, h.end as usize);
        (a - base, b - base)
    }

    /// Judges the cues among `s.unit`, in the original `text` standing at `base`.
    fn judge_gathered(&self, text: &str, base: usize, s: &mut Scratch) -> Verdict {
        select(&s.unit, CUE, &mut s.selected);
        s.cues.clear();
        s.cues.extend(s.selected.iter().map(|h| {
            let (a, b) = self.local(h, base);
            (a, b, h.target.index)
        }));
        judge(text, &s.cues, &mut s.judge)
    }

    /// The tags of the normalised range `[na, nb)`, whose original text is `text`, standing at
    /// original offset `base`: its matches go in `m` (emptied first), as byte ranges of `text`,
    /// and its verdict, whose cues are too, is returned.
    fn unit(&self, na: usize, nb: usize, text: &str, base: usize, s: &mut Scratch, m: &mut Matches) -> Verdict {
        self.gather(na, nb, s);
        for (facet, out) in [(THEME, &mut m.themes), (AGENCY, &mut m.agencies)] {
            select(&s.unit, facet, &mut s.selected);
            out.clear();
            out.extend(s.selected.iter().map(|h| {
                let (start, end) = self.local(h, base);
                Hit { entry: h.target.index, start, end }
            }));
        }
        self.judge_gathered(text, base, s)
    }

    /// The polarity verdict alone of the normalised range `[na, nb)` (original `text` at
    /// `base`).
    fn verdict(&self, na: usize, nb: usize, text: &str, base: usize, s: &mut Scratch) -> Verdict {
        self.gather(na, nb, s);
        self.judge_gathered(text, base, s)
    }
}

/// An abbreviation a document defines whose long form carries themes or agencies.
struct Expansion {
    short: String,
    themes: Vec<u32>,
    agencies: Vec<u32>,
}

impl Tagger {
    /// A tagger with the built-in taxonomy.
    pub fn new() -> Tagger {
        TaggerBuilder::new().build().expect("the built-in taxonomy compiles (tested)")
    }

    /// The taxonomy in use.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// Tags a piece of text: themes, agencies, and polarity from its own cues.
    pub fn tag(&self, text: &str) -> Tags {
        let scanned = self.scan(Normalised::new(text));
        let mut u = Matches::default();
        let verdict = scanned.unit(0, scanned.norm.text.len(), text, 0, &mut Scratch::default(), &mut u);
        let to_matches = |v: &[Hit], entries: &[Entry]| -> Vec<Match> {
            v.iter().map(|h| Match { id: entries[h.entry as usize].id.clone(), start: h.start, end: h.end }).collect()
        };
        Tags {
            themes: ids(u.themes.iter().map(|h| h.entry), &self.taxonomy.themes),
            agencies: ids(u.agencies.iter().map(|h| h.entry), &self.taxonomy.agencies),
            polarity: verdict.polarity,
            cues: verdict.cues.iter().map(|&(a, b)| text[a..b].to_string()).collect(),
            theme_matches: to_matches(&u.themes, &self.taxonomy.themes),
            agency_matches: to_matches(&u.agencies, &self.taxonomy.agencies),
        }
    }

    /// Judges the polarity of one sentence by its cues: the polarity and the deciding words.
    pub fn polarity(&self, text: &str) -> (Polarity, Vec<String>) {
        let t = self.tag(text);
        (t.polarity, t.cues)
    }

    /// The number of raw matches of every matcher in a normalised text (for the `scan` stage).
    #[cfg(feature = "stages")]
    pub(crate) fn scan_count(&self, norm: Normalised) -> usize {
        self.scan(norm).hits.len()
    }

    /// Scans a normalised text with every matcher.
    fn scan(&self, norm: Normalised) -> Scanned {
        let (mut hits, mut words) = (Vec::new(), Vec::new());
        self.engine.scan_words(&norm.text, &mut words, &mut hits);
        Scanned { norm, hits, words }
    }

    /// Abbreviations the document defines whose long form carries a theme or an agency.
    fn expansions(&self, doc: &Document) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::new();
        let mut sel = Vec::new();
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            if !b.text.contains('(') {
                continue;
            }
            for d in abbrev::definitions_except(&b.text, |short| seen.contains(short)) {
                if !seen.insert(d.short.clone()) {
                    continue;
                }
                let norm = Normalised::new(&d.long);
                self.engine.scan(&norm.text, &mut hits);
                select(&hits, THEME, &mut sel);
                let themes: Vec<u32> = sel.iter().map(|h| h.target.index).collect();
                select(&hits, AGENCY, &mut sel);
                let agencies: Vec<u32> = sel.iter().map(|h| h.target.index).collect();
                if !themes.is_empty() || !agencies.is_empty() {
                    out.push(Expansion { short: d.short, themes, agencies });
                }
            }
        }
        out
    }

    /// Adds to `hits` a match of each expansion's themes and agencies wherever its short form
    /// (or its plural) stands as a word of `text`, keeping them sorted.
    fn expansion_hits(text: &str, words: &[(u32, u32)], expansions: &[Expansion], hits: &mut Vec<RawHit>) {
        if expansions.is_empty() {
            return;
        }
        let index: HashMap<&str, usize, rustc_hash::FxBuildHasher> =
            expansions.iter().enumerate().map(|(i, e)| (e.short.as_str(), i)).collect();
        // Most words cannot be a short form (by their first character or length): only those
        // that could are looked up.
        let mut firsts = [false; 256];
        for e in expansions {
            if let Some(&b) = e.short.as_bytes().first() {
                firsts[usize::from(b)] = true;
            }
        }
        let shortest = expansions.iter().map(|e| e.short.len()).min().unwrap_or(0);
        let longest = expansions.iter().map(|e| e.short.len()).max().unwrap_or(0) + 1;
        // A word here is a run of letters, digits and '&' ("A&E"): runs of letters and digits
        // joined by '&'s, with any '&'s at either end.
        let bytes = text.as_bytes();
        let amps = |a: u32, b: u32| a < b && bytes[a as usize..b as usize].iter().all(|&c| c == b'&');
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let (mut start, mut end) = (words[i].0 as usize, words[i].1 as usize);
            while i + 1 < words.len() && amps(words[i].1, words[i + 1].0) {
                i += 1;
                end = words[i].1 as usize;
            }
            i += 1;
            while start > 0 && bytes[start - 1] == b'&' {
                start -= 1;
            }
            while end < bytes.len() && bytes[end] == b'&' {
                end += 1;
            }
            if !(shortest..=longest).contains(&(end - start)) || !firsts[usize::from(bytes[start])] {
                continue;
            }
            let word = &text[start..end];
            let k = index.get(word).or_else(|| word.strip_suffix('s').and_then(|w| index.get(w)));
            let Some(&k) = k else { continue };
            let e = &expansions[k];
            let (start, end) = (start as u32, end as u32);
            for (facet, list) in [(THEME, &e.themes), (AGENCY, &e.agencies)] {
                for &index in list {
                    let target = Target::phrase(facet, index);
                    found.push(RawHit { target, start, end, regex: true });
                }
            }
        }
        if found.is_empty() {
            return;
        }
        // Both lists are sorted (by the same key as the engine sorts by): a stable sort of the
        // two runs merges them.
        let key = |h: &RawHit| (h.start, std::cmp::Reverse(h.end), h.target, h.regex);
        found.sort_by_key(key);
        hits.extend(found);
        hits.sort_by_key(key);
    }

    /// The document's blocks (but the closing's), normalised one after another at virtual
    /// offsets with a break between them, and scanned once; abbreviations the document defines
    /// tag as their long forms wherever they appear. Returns the blocks with their sections and
    /// virtual offsets.
    fn scan_document<'d>(&self, doc: &'d Document) -> (Vec<(&'d crate::structure::Section, &'d Block, u32)>, Scanned) {
        let blocks: Vec<(&crate::structure::Section, &Block)> = doc
            .sections
            .iter()
            .filter(|s| s.kind != SectionKind::Closing)
            .flat_map(|s| s.blocks.iter().map(move |b| (s, b)))
            .collect();
        let total: usize = blocks.iter().map(|(_, b)| b.text.len() + 1).sum();
        let mut norm = Normalised::with_capacity(total);
        let mut placed = Vec::with_capacity(blocks.len());
        let mut base = 0u32;
        for (section, b) in blocks {
            placed.push((section, b, base));
            norm.push(&b.text, base);
            base += b.text.len() as u32;
            norm.push_break(base);
            base += 1;
        }
        let mut scanned = self.scan(norm);
        Self::expansion_hits(&scanned.norm.text, &scanned.words, &self.expansions(doc), &mut scanned.hits);
        (placed, scanned)
    }

    /// Visits every finding of a document: each list item whole, each sentence of other
    /// blocks; the closing (signatures) is left out. The whole document is scanned once.
    pub(crate) fn visit_document(&self, doc: &Document, mut visit: impl FnMut(&UnitView<'_>)) {
        let (blocks, scanned) = self.scan_document(doc);
        let mut s = Scratch::default();
        let mut m = Matches::default();
        for (section, block, base) in blocks {
            let mut emit = |unit: Unit, start: usize, end: usize, s: &mut Scratch| {
                let na = scanned.norm.position(base + start as u32);
                let nb = scanned.norm.position(base + end as u32);
                let text = &block.text[start..end];
                let verdict = scanned.unit(na, nb, text, base as usize + start, s, &mut m);
                for h in m.themes.iter_mut().chain(m.agencies.iter_mut()) {
                    *h = h.shifted(start);
                }
                let listed = ListSide::of(section.kind).filter(|_| unit == Unit::Item);
                let prior = unjudged_sentence(section.kind, text).filter(|_| {
                    unit == Unit::Sentence && verdict.polarity == Polarity::Neutral && verdict.cues.is_empty()
                });
                let (polarity, against, cues) = match (listed, prior) {
                    (Some(side), _) => read_against(side, block, base, &m.themes, &scanned, s),
                    (None, Some(p)) => (p, Vec::new(), Vec::new()),
                    (None, None) => {
                        let mut cues = verdict.cues;
                        for c in &mut cues {
                            *c = (c.0 + start, c.1 + start);
                        }
                        (verdict.polarity, Vec::new(), cues)
                    }
                };
                let mut view = UnitView {
                    section: section.kind,
                    heading: section.heading.as_deref(),
                    unit,
                    block,
                    start,
                    end,
                    themes: &m.themes,
                    agencies: &m.agencies,
                    polarity,
                    cues: &[],
                    against: &against,
                    by_heading: listed.is_some() || prior.is_some(),
                };
                view.cues = &cues;
                visit(&view);
            };
            if block.kind == BlockKind::Item {
                emit(Unit::Item, 0, block.text.len(), &mut s);
            } else {
                for st in &block.sentences {
                    emit(Unit::Sentence, st.offset, st.offset + st.text.len(), &mut s);
                }
            }
        }
    }

    /// Every finding of a document: each list item whole, each sentence of other blocks;
    /// the closing (signatures) is left out.
    pub fn tag_document(&self, doc: &Document) -> Vec<Finding> {
        let mut out = Vec::new();
        self.visit_document(doc, |u| out.push(self.finding(u)));
        out
    }

    /// An owned finding from a view.
    pub(crate) fn finding(&self, u: &UnitView<'_>) -> Finding {
        let text = u.text();
        let mut cues: Vec<String> =
            if u.by_heading { u.heading.map(str::to_string).into_iter().collect() } else { Vec::new() };
        cues.extend(u.cues.iter().map(|&(a, b)| u.block.text[a..b].to_string()));
        Finding {
            section: u.section,
            unit: u.unit,
            text: text.to_string(),
            span: u.span_of(u.start, u.end),
            themes: ids(u.themes.iter().map(|h| h.entry), &self.taxonomy.themes),
            agencies: ids(u.agencies.iter().map(|h| h.entry), &self.taxonomy.agencies),
            polarity: u.polarity,
            cues,
            against_list: ids(u.against.iter().copied(), &self.taxonomy.themes),
            evidence: u
                .themes
                .iter()
                .map(|h| Evidence {
                    theme: self.taxonomy.themes[h.entry as usize].id.clone(),
                    text: u.block.text[h.start..h.end].to_string(),
                    span: u.span_of(h.start, h.end),
                })
                .collect(),
        }
    }

    /// Runs every example sentence of the taxonomy and returns those the tagger gets wrong.
    pub fn check_examples(&self) -> Vec<ExampleFailure> {
        let mut out = Vec::new();
        for (facet, entries) in [("theme", &self.taxonomy.themes), ("agency", &self.taxonomy.agencies)] {
            for e in entries.iter() {
                for (sentences, want) in [(&e.should_tag, true), (&e.must_not_tag, false)] {
                    for s in sentences {
                        let tags = self.tag(s);
                        let got = if facet == "theme" { &tags.themes } else { &tags.agencies };
                        if got.contains(&e.id) != want {
                            out.push(ExampleFailure {
                                facet,
                                id: e.id.clone(),
                                sentence: s.clone(),
                                expected: if want { "tag".into() } else { "not tag".into() },
                                got: format!("[{}]", got.join(", ")),
                            });
                        }
                    }
                }
            }
        }
        let lex = &self.taxonomy.lexicon;
        for (list, want) in [
            (&lex.strength_examples, Polarity::Strength),
            (&lex.improvement_examples, Polarity::Improvement),
            (&lex.mixed_examples, Polarity::Mixed),
            (&lex.neutral_examples, Polarity::Neutral),
        ] {
            for s in list {
                let (polarity, cues) = self.polarity(s);
                if polarity != want {
                    out.push(ExampleFailure {
                        facet: "polarity",
                        id: want.as_str().into(),
                        sentence: s.clone(),
                        expected: want.as_str().into(),
                        got: format!("{} {:?}", polarity.as_str(), cues),
                    });
                }
            }
        }
        out
    }
}

/// Reads a listed item sentence by sentence: its list says its polarity, but a sentence whose
/// own words say the opposite of the list makes the item mixed (or, when every sentence does,
/// the opposite), and a theme only such sentences name counts on the other side. Returns the
/// polarity, the themes against the list (sorted entries) and the cues of the opposite
/// sentences (ranges of `block.text`).
fn read_against(
    side: ListSide,
    block: &Block,
    base: u32,
    themes: &[Hit],
    scanned: &Scanned,
    s: &mut Scratch,
) -> (Polarity, Vec<u32>, Vec<(usize, usize)>) {
    let other = side.opposite().polarity();
    let mut opposite: Vec<(usize, usize)> = Vec::new();
    let mut cues = Vec::new();
    let mut agreeing = false;
    for st in &block.sentences {
        let (a, b) = (st.offset, st.offset + st.text.len());
        // Only a sentence that turns against the list can say its other side: judge no other.
        let against = turns(&block.text[a..b]).then(|| {
            let na = scanned.norm.position(base + a as u32);
            let nb = scanned.norm.position(base + b as u32);
            scanned.verdict(na, nb, &block.text[a..b], base as usize + a, s)
        });
        match against.filter(|v| v.polarity == other) {
            Some(v) => {
                opposite.push((a, b));
                cues.extend(v.cues.iter().map(|&(x, y)| (x + a, y + a)));
            }
            None => agreeing = true,
        }
    }
    if opposite.is_empty() {
        return (side.polarity(), Vec::new(), cues);
    }
    let inside = |h: &Hit| opposite.iter().any(|&(a, b)| h.start >= a && h.end <= b);
    let mut against: Vec<u32> = themes.iter().filter(|h| inside(h)).map(|h| h.entry).collect();
    against.retain(|&t| themes.iter().filter(|h| h.entry == t).all(inside));
    against.sort_unstable();
    against.dedup();
    (if agreeing { Polarity::Mixed } else { other }, against, cues)
}

/// Distinct entry ids of `indices`, in taxonomy order.
fn ids(indices: impl Iterator<Item = u32>, entries: &[Entry]) -> Vec<String> {
    let mut seen = vec![false; entries.len()];
    for i in indices {
        seen[i as usize] = true;
    }
    entries.iter().zip(seen).filter(|(_, s)| *s).map(|(e, _)| e.id.clone()).collect()
}

#[cfg(test)]
mod tests;
