//! Tagging findings with themes, agencies and polarity, with the evidence for each tag.

use aho_corasick::MatchKind;
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use crate::abbrev;
use crate::model::{BlockKind, Document, SectionKind, Span};
use crate::phrases::{Hit, Normalised, PhraseSet, whole_word};
use crate::polarity::{Judge, Polarity};
use crate::taxonomy::{Entry, Taxonomy, TaxonomyError, compile_pattern};

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

/// Matchers for one facet (themes or agencies), compiled once.
#[derive(Debug, Clone)]
struct Facet {
    phrases: PhraseSet,
    exclude: PhraseSet,
    regexes: Vec<(u32, Regex)>,
    set: Option<RegexSet>,
}

impl Facet {
    fn new(entries: &[Entry]) -> Result<Facet, regex::Error> {
        let phrases = PhraseSet::new(
            entries.iter().enumerate().flat_map(|(i, e)| e.phrases.iter().map(move |p| (i as u32, p.as_str(), true))),
            MatchKind::LeftmostLongest,
        );
        let exclude = PhraseSet::new(
            entries.iter().enumerate().flat_map(|(i, e)| e.exclude.iter().map(move |p| (i as u32, p.as_str(), true))),
            MatchKind::Standard,
        );
        let mut regexes = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for p in &e.patterns {
                regexes.push((i as u32, compile_pattern(p)?));
            }
        }
        let set = if regexes.is_empty() {
            None
        } else {
            let pats: Vec<&str> = regexes.iter().map(|(_, r)| r.as_str()).collect();
            let build = |unicode: bool| {
                regex::RegexSetBuilder::new(&pats)
                    .case_insensitive(true)
                    .unicode(unicode)
                    .size_limit(crate::taxonomy::REGEX_SIZE_LIMIT * 8)
                    .build()
            };
            Some(build(false).or_else(|_| build(true))?)
        };
        Ok(Facet { phrases, exclude, regexes, set })
    }

    /// Every match in `text` (`norm` is its normalised form), in text order, exclusions
    /// applied.
    fn find(&self, text: &str, norm: &Normalised) -> Vec<Hit> {
        let mut hits = self.phrases.find(norm);
        if let Some(set) = &self.set {
            for i in set.matches(text).iter() {
                let (target, re) = &self.regexes[i];
                for m in re.find_iter(text) {
                    if !m.is_empty() && whole_word(text, m.start(), m.end()) {
                        hits.push(Hit { target: *target, start: m.start(), end: m.end() });
                    }
                }
            }
        }
        let excluded = self.exclude.find_overlapping(norm);
        if !excluded.is_empty() {
            hits.retain(|h| !excluded.iter().any(|x| x.target == h.target && x.start < h.end && h.start < x.end));
        }
        hits.sort_by_key(|h| (h.start, h.end, h.target));
        hits
    }
}

/// Builds a [`Tagger`]: the built-in taxonomy unless another is given.
///
/// ```
/// use letters_core::{Taxonomy, TaggerBuilder};
///
/// let mut extra = Taxonomy::from_toml(
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
        let err = |e: regex::Error| TaxonomyError {
            source_name: "taxonomy".into(),
            line: None,
            entry: None,
            message: format!("patterns do not compile together: {e}"),
        };
        let themes = Facet::new(&taxonomy.themes).map_err(err)?;
        let agencies = Facet::new(&taxonomy.agencies).map_err(err)?;
        let judge = Judge::new(&taxonomy.lexicon);
        Ok(Tagger { taxonomy, themes, agencies, judge })
    }
}

/// Tags text and documents. Build it once and share it (`&Tagger` is `Sync`) across threads.
#[derive(Debug, Clone)]
pub struct Tagger {
    taxonomy: Taxonomy,
    themes: Facet,
    agencies: Facet,
    judge: Judge,
}

impl Default for Tagger {
    fn default() -> Tagger {
        Tagger::new()
    }
}

/// What a document's abbreviations stand for: short form → (theme indices, agency indices).
type Expansions = Vec<(String, Vec<u32>, Vec<u32>)>;

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
        let th = self.themes.find(text, &norm);
        let ag = self.agencies.find(text, &norm);
        let verdict = self.judge.judge(text, &norm);
        let to_matches = |hits: &[Hit], entries: &[Entry]| -> Vec<Match> {
            hits.iter()
                .map(|h| Match { id: entries[h.target as usize].id.clone(), start: h.start, end: h.end })
                .collect()
        };
        Tags {
            themes: ids(&th, &self.taxonomy.themes),
            agencies: ids(&ag, &self.taxonomy.agencies),
            polarity: verdict.polarity,
            cues: verdict.cues,
            theme_matches: to_matches(&th, &self.taxonomy.themes),
            agency_matches: to_matches(&ag, &self.taxonomy.agencies),
        }
    }

    /// Abbreviations the document defines whose long form carries a theme or an agency.
    fn expansions(&self, doc: &Document) -> Expansions {
        let mut out: Expansions = Vec::new();
        for b in doc.sections.iter().flat_map(|s| &s.blocks) {
            for d in abbrev::definitions(&b.text) {
                if out.iter().any(|(s, _, _)| *s == d.short) {
                    continue;
                }
                let norm = Normalised::new(&d.long);
                let th: Vec<u32> = self.themes.find(&d.long, &norm).iter().map(|h| h.target).collect();
                let ag: Vec<u32> = self.agencies.find(&d.long, &norm).iter().map(|h| h.target).collect();
                if !th.is_empty() || !ag.is_empty() {
                    out.push((d.short, th, ag));
                }
            }
        }
        out
    }

    /// Every finding of a document: each list item whole, each sentence of other blocks;
    /// the closing (signatures) is left out.
    pub fn tag_document(&self, doc: &Document) -> Vec<Finding> {
        let expansions = self.expansions(doc);
        let mut out = Vec::new();
        for s in &doc.sections {
            if s.kind == SectionKind::Closing {
                continue;
            }
            for b in &s.blocks {
                if b.kind == BlockKind::Item {
                    out.push(self.finding(s.kind, s.heading.as_deref(), Unit::Item, &b.text, 0, b, &expansions));
                } else {
                    for st in &b.sentences {
                        out.push(self.finding(s.kind, None, Unit::Sentence, &st.text, st.offset, b, &expansions));
                    }
                }
            }
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn finding(
        &self,
        section: SectionKind,
        heading: Option<&str>,
        unit: Unit,
        text: &str,
        offset: usize,
        block: &crate::model::Block,
        expansions: &Expansions,
    ) -> Finding {
        let norm = Normalised::new(text);
        let mut th = self.themes.find(text, &norm);
        let mut ag = self.agencies.find(text, &norm);
        for (short, themes, agencies) in expansions {
            for (start, _) in text.match_indices(short.as_str()) {
                let mut end = start + short.len();
                if text[end..].starts_with('s') && whole_word(text, start, end + 1) {
                    end += 1;
                }
                if !whole_word(text, start, end) {
                    continue;
                }
                th.extend(themes.iter().map(|&target| Hit { target, start, end }));
                ag.extend(agencies.iter().map(|&target| Hit { target, start, end }));
            }
        }
        th.sort_by_key(|h| (h.start, h.end, h.target));
        th.dedup();
        ag.sort_by_key(|h| (h.start, h.end, h.target));
        ag.dedup();
        let span_of = |a: usize, b: usize| {
            block.original_span(offset + a, offset + b).unwrap_or_else(|| {
                if unit == Unit::Item {
                    block.span
                } else {
                    block.sentences.iter().find(|s| s.offset == offset).map_or(block.span, |s| s.span)
                }
            })
        };
        let span = span_of(0, text.len());
        let evidence = th
            .iter()
            .map(|h| Evidence {
                theme: self.taxonomy.themes[h.target as usize].id.clone(),
                text: text[h.start..h.end].to_string(),
                span: span_of(h.start, h.end),
            })
            .collect();
        let (polarity, cues) = match (unit, section) {
            (Unit::Item, SectionKind::Improvements | SectionKind::PriorityActions) => {
                (Polarity::Improvement, heading.map(|h| vec![h.to_string()]).unwrap_or_default())
            }
            (Unit::Item, SectionKind::Strengths) => {
                (Polarity::Strength, heading.map(|h| vec![h.to_string()]).unwrap_or_default())
            }
            _ => {
                let v = self.judge.judge(text, &norm);
                (v.polarity, v.cues)
            }
        };
        Finding {
            section,
            unit,
            text: text.to_string(),
            span,
            themes: ids(&th, &self.taxonomy.themes),
            agencies: ids(&ag, &self.taxonomy.agencies),
            polarity,
            cues,
            evidence,
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
                let v = self.judge.judge(s, &Normalised::new(s));
                if v.polarity != want {
                    out.push(ExampleFailure {
                        facet: "polarity",
                        id: want.as_str().into(),
                        sentence: s.clone(),
                        expected: want.as_str().into(),
                        got: format!("{} {:?}", v.polarity.as_str(), v.cues),
                    });
                }
            }
        }
        out
    }
}

/// Distinct entry ids of `hits`, in taxonomy order.
fn ids(hits: &[Hit], entries: &[Entry]) -> Vec<String> {
    let mut seen = vec![false; entries.len()];
    for h in hits {
        seen[h.target as usize] = true;
    }
    entries.iter().zip(seen).filter(|(_, s)| *s).map(|(e, _)| e.id.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
