//! Tagging findings with themes, agencies and polarity, with the evidence for each tag.

use serde::{Deserialize, Serialize};

use crate::abbrev;
use crate::engine::{AGENCY, CUE, Engine, RawHit, THEME, Target, select};
use crate::model::{Block, BlockKind, Document, SectionKind, Span};
use crate::phrases::Normalised;
use crate::polarity::{Polarity, Verdict, cue_lists, judge};
use crate::taxonomy::{Entry, Taxonomy, TaxonomyError};

/// How a finding was cut from its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A whole list item.
    Item,
    /// One sentence of a paragraph.
    Sentence,
}

impl Unit {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Item => "item",
            Unit::Sentence => "sentence",
        }
    }
}

/// Why a theme was tagged: the words matched and where they are in the original input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The theme id.
    pub theme: String,
    /// The matched words, as they appear in the finding's text.
    pub text: String,
    /// Where they are in the original input (the finding's span when the document was read
    /// back from JSON and has no offset map).
    pub span: Span,
}

/// One tagged finding: an item, or a sentence of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The section it is in.
    pub section: SectionKind,
    /// Item or sentence.
    pub unit: Unit,
    /// Its cleaned text.
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
    /// Theme ids, in taxonomy order.
    pub themes: Vec<String>,
    /// Agency ids, in taxonomy order.
    pub agencies: Vec<String>,
    /// Strength, improvement, mixed or neutral.
    pub polarity: Polarity,
    /// The words that decided the polarity (for a listed item, the list's heading).
    pub cues: Vec<String>,
    /// The words behind each theme.
    pub evidence: Vec<Evidence>,
}

/// A theme or agency match in a piece of text: which entry, and the byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The entry id.
    pub id: String,
    /// Start of the matched words in the text.
    pub start: usize,
    /// End of the matched words in the text.
    pub end: usize,
}

/// The tags of a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tags {
    /// Theme ids, in taxonomy order.
    pub themes: Vec<String>,
    /// Agency ids, in taxonomy order.
    pub agencies: Vec<String>,
    /// Polarity judged from the text's own cues.
    pub polarity: Polarity,
    /// The words that decided the polarity.
    pub cues: Vec<String>,
    /// Theme matches, in text order.
    pub theme_matches: Vec<Match>,
    /// Agency matches, in text order.
    pub agency_matches: Vec<Match>,
}

/// An example sentence of the taxonomy that the tagger gets wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// "theme", "agency" or "polarity".
    pub facet: &'static str,
    /// The entry id, or the expected polarity.
    pub id: String,
    /// The example sentence.
    pub sentence: String,
    /// What the example expects ("tag", "not tag", or a polarity).
    pub expected: String,
    /// What the tagger gave.
    pub got: String,
}

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

/// A finding as the tagger sees it, borrowing from the document: indices, not ids.
pub(crate) struct UnitView<'d> {
    pub section: SectionKind,
    pub heading: Option<&'d str>,
    pub unit: Unit,
    pub block: &'d Block,
    /// The unit's range in `block.text`.
    pub start: usize,
    pub end: usize,
    /// Theme matches: (theme index, start, end) in `block.text`.
    pub themes: &'d [(u32, usize, usize)],
    /// Agency matches, likewise.
    pub agencies: &'d [(u32, usize, usize)],
    pub polarity: Polarity,
    /// Cue ranges in `block.text`.
    pub cues: &'d [(usize, usize)],
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
}

/// Scratch buffers reused across units.
#[derive(Default)]
struct Scratch {
    hits: Vec<RawHit>,
    selected: Vec<RawHit>,
    cues: Vec<(usize, usize, u32)>,
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
        let norm = Normalised::new(text);
        let mut s = Scratch::default();
        self.engine.scan(&norm.text, &mut s.hits);
        let hits = std::mem::take(&mut s.hits);
        let (th, ag, verdict) = self.unit_tags(&norm, &hits, 0, norm.text.len(), text, &mut s);
        let to_matches = |v: &[(u32, usize, usize)], entries: &[Entry]| -> Vec<Match> {
            v.iter().map(|&(i, start, end)| Match { id: entries[i as usize].id.clone(), start, end }).collect()
        };
        Tags {
            themes: ids(th.iter().map(|t| t.0), &self.taxonomy.themes),
            agencies: ids(ag.iter().map(|t| t.0), &self.taxonomy.agencies),
            polarity: verdict.polarity,
            cues: verdict.cues.iter().map(|&(a, b)| text[a..b].to_string()).collect(),
            theme_matches: to_matches(&th, &self.taxonomy.themes),
            agency_matches: to_matches(&ag, &self.taxonomy.agencies),
        }
    }

    /// Judges the polarity of one sentence by its cues: the polarity and the deciding words.
    pub fn polarity(&self, text: &str) -> (Polarity, Vec<String>) {
        let t = self.tag(text);
        (t.polarity, t.cues)
    }

    /// Themes, agencies and the verdict of the normalised range `[na, nb)` whose original
    /// text is `text` (offsets in the returned matches are relative to `text`, which starts at
    /// original offset `base`).
    #[allow(clippy::type_complexity)]
    fn unit_tags(
        &self,
        norm: &Normalised,
        hits: &[RawHit],
        na: usize,
        nb: usize,
        text: &str,
        s: &mut Scratch,
    ) -> (Vec<(u32, usize, usize)>, Vec<(u32, usize, usize)>, Verdict) {
        self.unit_tags_at(norm, hits, na, nb, text, 0, s)
    }

    #[allow(clippy::too_many_arguments, clippy::type_complexity)]
    fn unit_tags_at(
        &self,
        norm: &Normalised,
        hits: &[RawHit],
        na: usize,
        nb: usize,
        text: &str,
        base: usize,
        s: &mut Scratch,
    ) -> (Vec<(u32, usize, usize)>, Vec<(u32, usize, usize)>, Verdict) {
        let lo = hits.partition_point(|h| (h.start as usize) < na);
        let hi = hits[lo..].partition_point(|h| (h.start as usize) < nb) + lo;
        let unit_hits: Vec<RawHit> = hits[lo..hi].iter().filter(|h| h.end as usize <= nb).copied().collect();
        let local = |h: &RawHit| -> (usize, usize) {
            let (a, b) = norm.original(h.start as usize, h.end as usize);
            (a - base, b - base)
        };
        let mut out = [Vec::new(), Vec::new()];
        for (k, facet) in [THEME, AGENCY].into_iter().enumerate() {
            select(&unit_hits, facet, &mut s.selected);
            out[k] = s
                .selected
                .iter()
                .map(|h| {
                    let (a, b) = local(h);
                    (h.target.index, a, b)
                })
                .collect();
        }
        select(&unit_hits, CUE, &mut s.selected);
        s.cues.clear();
        s.cues.extend(s.selected.iter().map(|h| {
            let (a, b) = local(h);
            (a, b, h.target.index)
        }));
        let verdict = judge(text, &s.cues);
        let [th, ag] = out;
        (th, ag, verdict)
    }

    /// Abbreviations the document defines whose long form carries a theme or an agency:
    /// (short form, theme indices, agency indices).
    fn expansions(&self, doc: &Document) -> Vec<(String, Vec<u32>, Vec<u32>)> {
        let mut out: Vec<(String, Vec<u32>, Vec<u32>)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut hits = Vec::new();
        let mut sel = Vec::new();
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            if !b.text.contains('(') {
                continue;
            }
            for d in abbrev::definitions(&b.text) {
                if !seen.insert(d.short.clone()) {
                    continue;
                }
                let norm = Normalised::new(&d.long);
                self.engine.scan(&norm.text, &mut hits);
                select(&hits, THEME, &mut sel);
                let th: Vec<u32> = sel.iter().map(|h| h.target.index).collect();
                select(&hits, AGENCY, &mut sel);
                let ag: Vec<u32> = sel.iter().map(|h| h.target.index).collect();
                if !th.is_empty() || !ag.is_empty() {
                    out.push((d.short, th, ag));
                }
            }
        }
        out
    }

    /// Visits every finding of a document: each list item whole, each sentence of other
    /// blocks; the closing (signatures) is left out. The whole document is scanned once.
    pub(crate) fn visit_document(&self, doc: &Document, mut visit: impl FnMut(&UnitView<'_>)) {
        // The blocks' texts, one after another, each at a virtual offset; a break between them.
        let blocks: Vec<(SectionKind, Option<&str>, &Block)> = doc
            .sections
            .iter()
            .filter(|s| s.kind != SectionKind::Closing)
            .flat_map(|s| s.blocks.iter().map(move |b| (s.kind, s.heading.as_deref(), b)))
            .collect();
        let total: usize = blocks.iter().map(|(_, _, b)| b.text.len() + 1).sum();
        let mut norm = Normalised::with_capacity(total);
        let mut bases = Vec::with_capacity(blocks.len());
        let mut base = 0u32;
        for (_, _, b) in &blocks {
            bases.push(base);
            norm.push(&b.text, base);
            base += b.text.len() as u32;
            norm.push_break(base);
            base += 1;
        }
        let mut s = Scratch::default();
        self.engine.scan(&norm.text, &mut s.hits);
        let mut hits = std::mem::take(&mut s.hits);
        // Abbreviations the document defines tag as their long forms wherever they appear.
        let expansions = self.expansions(doc);
        if !expansions.is_empty() {
            // One pass over the words, looking each up among the short forms (and plurals).
            let text = norm.text.as_str();
            let index: std::collections::HashMap<&str, usize> =
                expansions.iter().enumerate().map(|(i, (short, _, _))| (short.as_str(), i)).collect();
            let is_word = |c: char| c.is_alphanumeric() || c == '&';
            let mut word_start = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                if is_word(c) {
                    word_start.get_or_insert(i);
                    continue;
                }
                let Some(start) = word_start.take() else { continue };
                let word = &text[start..i];
                let found = index.get(word).or_else(|| word.strip_suffix('s').and_then(|w| index.get(w)));
                let Some(&k) = found else { continue };
                let (_, themes, agencies) = &expansions[k];
                let (start, end) = (start as u32, i as u32);
                for (facet, list) in [(THEME, themes), (AGENCY, agencies)] {
                    for &index in list {
                        let target = Target { facet, exclude: false, index };
                        hits.push(RawHit { target, start, end, regex: true });
                    }
                }
            }
            hits.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.target));
        }
        for ((section, heading, block), &base) in blocks.iter().zip(&bases) {
            let mut emit = |unit: Unit, start: usize, end: usize, s: &mut Scratch| {
                let na = norm.position(base + start as u32);
                let nb = norm.position(base + end as u32);
                let text = &block.text[start..end];
                let (th, ag, verdict) = self.unit_tags_at(&norm, &hits, na, nb, text, base as usize + start, s);
                let shift = |v: Vec<(u32, usize, usize)>| -> Vec<(u32, usize, usize)> {
                    v.into_iter().map(|(i, a, b)| (i, a + start, b + start)).collect()
                };
                let (th, ag) = (shift(th), shift(ag));
                let listed = unit == Unit::Item && section.is_list();
                let (polarity, cues): (Polarity, Vec<(usize, usize)>) = if listed {
                    let p = if *section == SectionKind::Strengths { Polarity::Strength } else { Polarity::Improvement };
                    (p, Vec::new())
                } else {
                    (verdict.polarity, verdict.cues.iter().map(|&(a, b)| (a + start, b + start)).collect())
                };
                visit(&UnitView {
                    section: *section,
                    heading: *heading,
                    unit,
                    block,
                    start,
                    end,
                    themes: &th,
                    agencies: &ag,
                    polarity,
                    cues: &cues,
                });
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
        let cues = match (u.unit, u.section) {
            (Unit::Item, k) if k.is_list() => u.heading.map(|h| vec![h.to_string()]).unwrap_or_default(),
            _ => u.cues.iter().map(|&(a, b)| u.block.text[a..b].to_string()).collect(),
        };
        Finding {
            section: u.section,
            unit: u.unit,
            text: text.to_string(),
            span: u.span_of(u.start, u.end),
            themes: ids(u.themes.iter().map(|t| t.0), &self.taxonomy.themes),
            agencies: ids(u.agencies.iter().map(|t| t.0), &self.taxonomy.agencies),
            polarity: u.polarity,
            cues,
            evidence: u
                .themes
                .iter()
                .map(|&(i, a, b)| Evidence {
                    theme: self.taxonomy.themes[i as usize].id.clone(),
                    text: u.block.text[a..b].to_string(),
                    span: u.span_of(a, b),
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

/// Distinct entry ids of `indices`, in taxonomy order.
fn ids(indices: impl Iterator<Item = u32>, entries: &[Entry]) -> Vec<String> {
    let mut seen = vec![false; entries.len()];
    for i in indices {
        seen[i as usize] = true;
    }
    entries.iter().zip(seen).filter(|(_, s)| *s).map(|(e, _)| e.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tagger(toml: &str) -> Tagger {
        TaggerBuilder::new().taxonomy(Taxonomy::from_toml(toml, "test").unwrap()).build().unwrap()
    }

    /// Whole words, hyphen/space/no-space forms, case-sensitive acronyms, inflections, curly
    /// apostrophes, longest match, exclusions.
    #[test]
    fn matching_table() {
        let t = tagger(
            r#"
[[theme]]
id = "is"
label = "IS"
phrases = ["information sharing"]
[[theme]]
id = "mac"
label = "MA"
phrases = ["multi-agency"]
[[theme]]
id = "abe"
label = "ABE"
phrases = ["ABE"]
[[theme]]
id = "csc"
label = "CSC"
phrases = ["children's social care"]
[[theme]]
id = "mappa"
label = "M"
phrases = ["MAPPA"]
[[theme]]
id = "meet"
label = "MM"
phrases = ["MAPPA meeting"]
[[theme]]
id = "train"
label = "T"
phrases = ["training"]
exclude = ["training needs analysis"]
"#,
        );
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Information-sharing is weak", &[("is", "Information-sharing")]),
            ("a multiagency response", &[("mac", "multiagency")]),
            ("Multi agency work and multi- agency", &[("mac", "Multi agency"), ("mac", "multi- agency")]),
            ("ABE interviews, not abe or Abe", &[("abe", "ABE")]),
            ("children\u{2019}s  social\ncare", &[("csc", "children\u{2019}s  social\ncare")]),
            ("good MAPPA meetings and MAPPA", &[("meet", "MAPPA meetings"), ("mappa", "MAPPA")]),
            ("retraining and trainings", &[("train", "trainings")]),
            ("a training needs analysis", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<(String, &str)> =
                t.tag(text).theme_matches.iter().map(|m| (m.id.clone(), &text[m.start..m.end])).collect();
            let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// Every example sentence of the built-in taxonomy tags (or does not tag) as it says.
    #[test]
    fn builtin_examples_pass() {
        let failures = Tagger::new().check_examples();
        let report: Vec<String> = failures
            .iter()
            .map(|f| format!("{} {} expected {} got {}: {}", f.facet, f.id, f.expected, f.got, f.sentence))
            .collect();
        assert!(report.is_empty(), "{} failures:\n{}", report.len(), report.join("\n"));
    }
}
