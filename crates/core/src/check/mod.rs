//! Holding responses and plans to the letter: which claims a response attributes to the
//! inspection are in the letter, and which of the letter's improvements a plan addresses.
//!
//! Both rest on the same measure: how much of one text's content (its content words, lightly
//! stemmed, weighted by rarity in the letter, abbreviations spelled out) another text covers,
//! with the themes they share. A verdict is a lead for a person to check, not a judgement.

mod relevance;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::structure::{BlockKind, SectionKind};
use crate::tag::Polarity;
use crate::tag::{Finding, Tagger, Unit};
use crate::text::Span;
use relevance::{Index, abbreviations, terms};

/// How well the letter supports a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The letter says it: most of the claim's content is in one or two of its findings.
    Supported,
    /// Some of it is there.
    Partial,
    /// Little or none of it is.
    Unsupported,
    /// The closest finding is about the same theme but says the opposite.
    Contradicted,
}

impl Verdict {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Partial => "partial",
            Verdict::Unsupported => "unsupported",
            Verdict::Contradicted => "contradicted",
        }
    }
}

/// A finding of the letter that supports a claim (or addresses an improvement).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Support {
    /// Its text.
    pub text: String,
    /// Its section.
    pub section: SectionKind,
    /// Where it is in its document.
    pub span: Span,
    /// How much of the claim it covers, 0 to 1.
    pub score: f64,
}

/// A sentence of a response that attributes a finding to the inspection, and its verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The sentence.
    pub text: String,
    /// Where it is in the response.
    pub span: Span,
    /// How well the letter supports it.
    pub verdict: Verdict,
    /// The support score, 0 to 1.
    pub score: f64,
    /// The claim's themes.
    pub themes: Vec<String>,
    /// The letter's best-supporting findings, best first.
    pub support: Vec<Support>,
}

/// An improvement or priority action of a letter, and what in a plan addresses it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageItem {
    /// `improvements` or `priority-actions`.
    pub section: SectionKind,
    /// The item.
    pub text: String,
    /// Where it is in the letter.
    pub span: Span,
    /// Its themes.
    pub themes: Vec<String>,
    /// Whether anything in the plan addresses it.
    pub addressed: bool,
    /// The plan's deliverables (or points) that address it, best first.
    pub by: Vec<Support>,
}

/// Thresholds of [`Checker`].
#[derive(Debug, Clone)]
pub struct CheckBuilder {
    supported: f64,
    partial: f64,
    addressed: f64,
    support: usize,
}

impl Default for CheckBuilder {
    fn default() -> Self {
        CheckBuilder { supported: 0.5, partial: 0.3, addressed: 0.35, support: 3 }
    }
}

impl CheckBuilder {
    /// Default thresholds: supported from 0.5, partial from 0.3, addressed from 0.35.
    pub fn new() -> CheckBuilder {
        CheckBuilder::default()
    }

    /// The score from which a claim is supported.
    pub fn supported(&mut self, t: f64) -> &mut CheckBuilder {
        self.supported = t;
        self
    }

    /// The score from which a claim is partly supported.
    pub fn partial(&mut self, t: f64) -> &mut CheckBuilder {
        self.partial = t;
        self
    }

    /// The score from which a plan deliverable addresses an improvement.
    pub fn addressed(&mut self, t: f64) -> &mut CheckBuilder {
        self.addressed = t;
        self
    }

    /// How many supporting findings to give.
    pub fn support(&mut self, n: usize) -> &mut CheckBuilder {
        self.support = n;
        self
    }

    /// A checker using `tagger` for themes and polarity.
    pub fn build<'t>(&self, tagger: &'t Tagger) -> Checker<'t> {
        Checker { tagger, config: self.clone() }
    }
}

/// Checks responses and plans against letters.
///
/// ```
/// use letters_core::check::Verdict;
/// use letters_core::{CheckBuilder, Document, Tagger};
///
/// let letter = Document::parse(
///     "What needs to improve?\n\n- The timeliness of strategy meetings.\n- Access to therapy.\n\n\
///      Main findings\n\nLeaders know their services well. Schools share information promptly.\n",
/// );
/// let response = Document::parse(
///     "Inspectors found that strategy meetings were not timely. Inspectors noted that dogs bark at night.\n",
/// );
/// let tagger = Tagger::new();
/// let claims = CheckBuilder::new().build(&tagger).check(&response, &letter);
/// assert_eq!(claims.len(), 2);
/// assert_eq!(claims[0].verdict, Verdict::Supported);
/// assert_eq!(claims[1].verdict, Verdict::Unsupported);
/// ```
#[derive(Debug, Clone)]
pub struct Checker<'t> {
    tagger: &'t Tagger,
    config: CheckBuilder,
}

const ATTRIBUTION: &str = r"(?:inspectors?|the\s+(?:inspectorates?|inspection(?:\s+team)?)|the\s+(?:joint\s+|hmicfrs\s+|ofsted\s+|jtai\s+|inspection\s+|inspectorate'?s?\s+|inspectors'\s+)?(?:report|letter|findings?|jtai)|hmicfrs|ofsted|the\s+inspection's\s+findings)";
const VERB: &str = r"(?:found|finds|find|noted|notes|note|observed|observes|identified|identifies|highlighted|highlights|highlighting|recogni[sz]ed|recogni[sz]es|acknowledged|acknowledges|reported|reports|saw|sees|concluded|concludes|stated|states|says|said|praised|praises|commended|commends|raised|raises|drew\s+attention|draws\s+attention|makes?\s+clear|made\s+clear|reflects|reflected|reinforces|reinforced|pointed\s+to|points\s+to|confirmed|confirms|showed|shows|described|describes|criticised|criticises|judged|judges|satisfied|assured)";

static CLAIM: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        // "Inspectors noted …", "The report recognises that …", "The inspection also found …"
        format!(r"(?i)\b{ATTRIBUTION}\b(?:\s+[\w'’-]+){{0,3}}?\s+{VERB}\b"),
        // "… raised by inspectors", "… identified by the inspection"
        format!(r"(?i)\b(?:raised|identified|highlighted|noted|found|reported|recogni[sz]ed|observed|seen)\s+by\s+{ATTRIBUTION}\b"),
        // "According to the report …", "As the letter notes …"
        format!(r"(?i)\baccording\s+to\s+{ATTRIBUTION}\b"),
        // "The inspection's findings on … were …", "inspectors' findings"
        r"(?i)\b(?:the\s+)?(?:inspection|inspectorate|inspectors)['’]s?\s+findings\b".to_string(),
        // An evaluation reported without its author: "… units were recognised for …"
        r"(?i)\b(?:was|were|is|are|been|being)\s+(?:also\s+|rightly\s+)?(?:recogni[sz]ed|praised|commended|criticised|rated|judged)\s+(?:as|for|to)\b".to_string(),
    ]
    .iter()
    .map(|p| crate::text::rx::regex(p).expect("claim pattern"))
    .collect()
});

/// Whether a sentence attributes a finding to the inspection.
pub(crate) fn is_claim(sentence: &str) -> bool {
    CLAIM.iter().any(|re| re.is_match(sentence))
}

/// What a claim says, without the attribution that opens it ("I am glad to hear that the
/// report notes that …", "A significant concern raised by inspectors was …").
fn claim_content(sentence: &str) -> &str {
    let Some(m) = CLAIM.iter().filter_map(|re| re.find(sentence)).min_by_key(|m| m.start()) else {
        return sentence;
    };
    if sentence[..m.start()].split_whitespace().count() > 12 {
        return sentence;
    }
    let rest = &sentence[m.end()..];
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == ',');
    rest.strip_prefix("that ").unwrap_or(rest)
}

/// A passage of a document to compare with: a finding with its primary theme and content terms.
struct Passage {
    text: String,
    span: Span,
    section: SectionKind,
    themes: Vec<String>,
    first_theme: Option<String>,
    polarity: Polarity,
    terms: HashSet<String>,
}

impl Checker<'_> {
    fn units(
        &self,
        doc: &Document,
        expand: &HashMap<String, Vec<String>>,
        keep: impl Fn(&Finding) -> bool,
    ) -> Vec<Passage> {
        self.tagger
            .tag_document(doc)
            .into_iter()
            .filter(|f| keep(f))
            .map(|f| Passage {
                terms: terms(&f.text, expand).into_iter().collect(),
                first_theme: f.evidence.first().map(|e| e.theme.clone()),
                text: f.text,
                span: f.span,
                section: f.section,
                themes: f.themes,
                polarity: f.polarity,
            })
            .collect()
    }

    /// The claims of `response` that attribute findings to the inspection, each with its
    /// verdict and the findings of `letter` that support it.
    pub fn check(&self, response: &Document, letter: &Document) -> Vec<Claim> {
        let texts = response.sections.iter().chain(&letter.sections).flat_map(|s| &s.blocks).map(|b| b.text.as_str());
        let expand = abbreviations(texts);
        // The letter's findings: not its opening and context (what the inspection was), its next
        // steps or its signatures — unless it has no finding sections at all.
        let has_findings = letter
            .sections
            .iter()
            .any(|s| s.kind.is_list() || matches!(s.kind, SectionKind::HeadlineFindings | SectionKind::MainFindings));
        let units = self.units(letter, &expand, |f| match f.section {
            SectionKind::Closing | SectionKind::NextSteps => false,
            SectionKind::Introduction | SectionKind::Context => !has_findings,
            _ => true,
        });
        let index = Index::new(units.iter().map(|u| u.terms.iter().cloned().collect()).collect());
        let mut out = Vec::new();
        for s in response.sections.iter().filter(|s| s.kind != SectionKind::Closing) {
            for st in s.blocks.iter().flat_map(|b| &b.sentences) {
                if !is_claim(&st.text) {
                    continue;
                }
                // What the claim says, without its attribution; a short remainder says too little
                // to match on, so the whole sentence is used then.
                let content = terms(claim_content(&st.text), &expand);
                let query = if content.len() >= 6 { content } else { terms(&st.text, &expand) };
                let tags = self.tagger.tag(&st.text);
                let mut scored: Vec<(f64, usize)> =
                    units.iter().enumerate().map(|(i, u)| (index.coverage(&query, &u.terms), i)).collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                // Two findings together may say what one sentence of the response sums up.
                let s1 = scored.first().map_or(0.0, |x| x.0);
                let s12 = match scored.get(..2) {
                    Some([a, b]) => {
                        let both: HashSet<String> = units[a.1].terms.union(&units[b.1].terms).cloned().collect();
                        index.coverage(&query, &both)
                    }
                    _ => s1,
                };
                let score = ((s1 + 0.5 * (s12 - s1)) * 1000.0).round() / 1000.0;
                let best = scored.first().map(|x| &units[x.1]);
                // A claim about something no theme names is compared on its words alone.
                let shares_theme =
                    tags.themes.is_empty() || best.is_some_and(|u| u.themes.iter().any(|t| tags.themes.contains(t)));
                let opposite = best.is_some_and(|u| {
                    matches!(
                        (tags.polarity, u.polarity),
                        (Polarity::Strength, Polarity::Improvement) | (Polarity::Improvement, Polarity::Strength)
                    )
                });
                // What the claim says in particular (its rarest terms) must be in what supports
                // it: generic words in common are not support.
                let specific = index.specific(&query);
                let support_terms = |k: usize| scored.get(k).map(|x| &units[x.1].terms);
                let found = specific
                    .iter()
                    .filter(|t| (0..2).filter_map(support_terms).any(|u| u.contains(t.as_str())))
                    .count();
                let unspecific = specific.len() >= 2 && found * 3 < specific.len();
                let verdict = if score >= self.config.partial && shares_theme && opposite {
                    Verdict::Contradicted
                } else if score >= self.config.supported {
                    Verdict::Supported
                } else if score >= self.config.partial && !unspecific {
                    Verdict::Partial
                } else {
                    Verdict::Unsupported
                };
                let support = scored
                    .iter()
                    .take(self.config.support)
                    .filter(|x| x.0 > 0.0)
                    .map(|&(sc, i)| Support {
                        text: units[i].text.clone(),
                        section: units[i].section,
                        span: units[i].span,
                        score: (sc * 1000.0).round() / 1000.0,
                    })
                    .collect();
                out.push(Claim { text: st.text.clone(), span: st.span, verdict, score, themes: tags.themes, support });
            }
        }
        out
    }

    /// For each improvement and priority action of `letter`, what in `plan` (a plan's
    /// deliverables, or a briefing's points) addresses it: a deliverable about the item's main
    /// theme (the first it names) that shares some of its words, one about another of its themes
    /// that shares more, or one that shares most of them.
    pub fn coverage(&self, plan: &Document, letter: &Document) -> Vec<CoverageItem> {
        let texts = plan.sections.iter().chain(&letter.sections).flat_map(|s| &s.blocks).map(|b| b.text.as_str());
        let expand = abbreviations(texts);
        let has_items = plan.sections.iter().flat_map(|s| &s.blocks).any(|b| b.kind == BlockKind::Item);
        let candidates =
            self.units(plan, &expand, |f| f.section != SectionKind::Closing && (!has_items || f.unit == Unit::Item));
        let items = self.units(letter, &expand, |f| {
            f.unit == Unit::Item && matches!(f.section, SectionKind::Improvements | SectionKind::PriorityActions)
        });
        let mut all: Vec<Vec<String>> = items.iter().map(|u| u.terms.iter().cloned().collect()).collect();
        all.extend(candidates.iter().map(|u| u.terms.iter().cloned().collect()));
        let index = Index::new(all);
        items
            .into_iter()
            .map(|item| {
                let query: Vec<String> = item.terms.iter().cloned().collect();
                let mut scored: Vec<(f64, usize)> = candidates
                    .iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let lexical = index.coverage(&query, &c.terms);
                        let main = item.first_theme.as_ref().is_some_and(|t| c.themes.contains(t));
                        let other = item.themes.iter().any(|t| c.themes.contains(t));
                        let themes = if main {
                            0.3
                        } else if other {
                            0.15
                        } else {
                            0.0
                        };
                        let score = themes + 0.7 * lexical;
                        (score, i)
                    })
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
                let by: Vec<Support> = scored
                    .iter()
                    .filter(|x| x.0 >= self.config.addressed)
                    .take(self.config.support)
                    .map(|&(sc, i)| Support {
                        text: candidates[i].text.clone(),
                        section: candidates[i].section,
                        span: candidates[i].span,
                        score: (sc * 1000.0).round() / 1000.0,
                    })
                    .collect();
                CoverageItem {
                    section: item.section,
                    text: item.text,
                    span: item.span,
                    themes: item.themes,
                    addressed: !by.is_empty(),
                    by,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_are_attributions() {
        let yes = [
            "Inspectors noted delays in interviewing suspects.",
            "The report recognises that the partnership has prioritised this.",
            "A significant concern raised by inspectors was the inconsistency of information sharing.",
            "The inspection further found multiagency forums were not consistently attended.",
            "The HMICFRS letter rightly acknowledges that police play a central role.",
            "The inspection also drew attention to challenges in responding to children.",
            "The inspection's findings on criminal investigation delays were also concerning.",
            "According to the report, minutes are not shared.",
            "Its specialist units were recognised for delivering child focused investigations.",
        ];
        let no = [
            "I welcome the comprehensive inspection findings and the clarity they provide.",
            "I will work with senior leaders to secure this.",
            "Inspection dates: 12 to 16 February 2024",
            "The partnership has undertaken local reviews.",
        ];
        for s in yes {
            assert!(is_claim(s), "{s}");
        }
        for s in no {
            assert!(!is_claim(s), "{s}");
        }
        assert_eq!(
            claim_content("I am glad to hear that the HMICFRS Report notes that police attendance is routine."),
            "police attendance is routine."
        );
        assert_eq!(
            claim_content("A significant concern raised by inspectors was the inconsistency of sharing."),
            "was the inconsistency of sharing."
        );
    }
}
