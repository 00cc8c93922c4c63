//! How far the tool's coding agrees with a person's: each unit a person coded is found among
//! the tool's findings ([`align_document`]), and the two codings compared theme by theme
//! (precision, recall, F1, Cohen's κ; micro and macro averages) and by polarity (accuracy, κ,
//! a confusion matrix), with every disagreement and the words that decided the tool's side
//! ([`Evaluation`]). Two people's codings are compared the same way ([`pair_codings`]).
//!
//! ```
//! use letters_core::eval::{Evaluation, align_document, read_gold};
//! use letters_core::{Document, Tagger};
//!
//! let tagger = Tagger::new();
//! let letter = "1 May 2024\n\nDear all\n\nJoint targeted area inspection of Kent\n\n\
//!     What needs to improve?\n\n- Access to therapy.\n";
//! let coding = "path,unit,themes,polarity\nkent.txt,Access to therapy,therapy,improvement\n";
//! let gold = read_gold(coding, "coding.csv", tagger.taxonomy()).unwrap();
//! let findings = tagger.tag_document(&Document::parse(letter));
//! let (units, unmatched) = align_document(&tagger, &findings, &gold.iter().collect::<Vec<_>>());
//! let e = Evaluation::new(units, unmatched, tagger.taxonomy());
//! assert_eq!(e.micro.recall, Some(1.0));
//! assert_eq!(e.polarity.accuracy, Some(1.0));
//! ```

mod align;
mod between;
mod gold;
mod score;

use serde::{Deserialize, Serialize};

pub use between::{Paired, pair_codings};
pub use gold::{GoldError, GoldUnit, REQUIRED, polarity_named, read_gold};
pub use score::{Score, kappa};

use crate::structure::SectionKind;
use crate::tag::{Evidence, Finding, Polarity, Tagger, Tags, Taxonomy, Unit};
use crate::text::Span;

/// A unit both coded: the person's codes beside the tool's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitResult {
    /// Its row in the coding file.
    pub row: usize,
    /// Its document, as the coding names it.
    pub path: String,
    /// Its opening words, as the coding gives them.
    pub opening: String,
    /// Item or sentence, as the person said (when the coding says).
    pub kind: Option<Unit>,
    /// Item or sentence, as the tool read it.
    pub unit: Unit,
    /// The section the tool put it in.
    pub section: SectionKind,
    /// The tool's finding's text.
    pub text: String,
    /// Where that finding is in the document.
    pub span: Span,
    /// The person's themes.
    pub gold_themes: Vec<String>,
    /// The tool's themes (comparing two codings, [`pair_codings`], the second coding's).
    pub tool_themes: Vec<String>,
    /// The person's polarity, when the coding gives one.
    pub gold_polarity: Option<Polarity>,
    /// The tool's polarity (comparing two codings, the second coding's; neutral when it gives
    /// none, and then `gold_polarity` is `None` too: the unit counts for themes only).
    pub tool_polarity: Polarity,
    /// The words behind each of the tool's themes.
    pub evidence: Vec<Evidence>,
    /// The words that decided the tool's polarity.
    pub cues: Vec<String>,
}

impl UnitResult {
    /// Themes the person gave and the tool did not.
    pub fn missed(&self) -> Vec<&str> {
        self.gold_themes.iter().filter(|t| !self.tool_themes.contains(t)).map(String::as_str).collect()
    }

    /// Themes the tool gave and the person did not.
    pub fn extra(&self) -> Vec<&str> {
        self.tool_themes.iter().filter(|t| !self.gold_themes.contains(t)).map(String::as_str).collect()
    }

    /// Whether the two codings differ on this unit.
    pub fn disagrees(&self) -> bool {
        self.gold_themes != self.tool_themes || self.gold_polarity.is_some_and(|p| p != self.tool_polarity)
    }

    /// Whether the person coded it as an evaluative sentence (a sentence, not neutral).
    pub fn is_evaluative_sentence(&self) -> bool {
        self.kind.unwrap_or(self.unit) == Unit::Sentence && self.gold_polarity.is_some_and(|p| p != Polarity::Neutral)
    }
}

/// A coded unit the tool's findings do not hold (or, comparing two codings, the other coding
/// has none at the place of).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unmatched {
    /// Whether it is a unit of the second coding (`eval --against`) rather than the first.
    #[serde(default)]
    pub second: bool,
    /// Its row in the coding file.
    pub row: usize,
    /// Its document, as the coding names it.
    pub path: String,
    /// Its opening words.
    pub opening: String,
    /// Why it was not found.
    pub reason: String,
}

/// The tool's coding of one sentence of a longer finding (a coded sentence the tool read as
/// part of a list item): the sentence of `f` the `opening` words start, tagged on its own.
fn sentence_of(tagger: &Tagger, f: &Finding, opening: &str) -> Option<(String, Tags)> {
    let pieces = crate::structure::sentences::sentences(&f.text);
    if pieces.len() < 2 {
        return None;
    }
    let opening = align::words(opening);
    let (a, b) = pieces.into_iter().find(|&(a, b)| align::words(&f.text[a..b]).starts_with(&opening))?;
    let text = f.text[a..b].trim().to_string();
    let tags = tagger.tag(&text);
    Some((text, tags))
}

/// Finds each of a document's coded `units` among the tool's `findings` for it (tagged by
/// `tagger`). Units are compared at the coder's granularity: a coded sentence that the tool
/// read as part of a longer list item is tagged on its own.
pub fn align_document(tagger: &Tagger, findings: &[Finding], units: &[&GoldUnit]) -> (Vec<UnitResult>, Vec<Unmatched>) {
    let words: Vec<Vec<String>> = findings.iter().map(|f| align::words(&f.text)).collect();
    let mut used = vec![false; findings.len()];
    let (mut out, mut unmatched) = (Vec::new(), Vec::new());
    for u in units {
        let Some(i) = align::locate(findings, &words, &u.opening, u.span, &used) else {
            unmatched.push(Unmatched {
                second: false,
                row: u.row,
                path: u.path.clone(),
                opening: u.opening.clone(),
                reason: "no finding of the document starts with (or holds) these words".into(),
            });
            continue;
        };
        used[i] = true;
        let f = &findings[i];
        let mut r = UnitResult {
            row: u.row,
            path: u.path.clone(),
            opening: u.opening.clone(),
            kind: u.kind,
            unit: f.unit,
            section: f.section,
            text: f.text.clone(),
            span: f.span,
            gold_themes: u.themes.clone(),
            tool_themes: f.themes.clone(),
            gold_polarity: u.polarity,
            tool_polarity: f.polarity,
            evidence: f.evidence.clone(),
            cues: f.cues.clone(),
        };
        let part = (u.kind == Some(Unit::Sentence) && f.unit == Unit::Item && !f.section.is_list())
            .then(|| sentence_of(tagger, f, &u.opening))
            .flatten();
        if let Some((text, tags)) = part {
            r.unit = Unit::Sentence;
            r.evidence = tags
                .theme_matches
                .iter()
                .map(|m| Evidence { theme: m.id.clone(), text: text[m.start..m.end].to_string(), span: f.span })
                .collect();
            r.text = text;
            r.tool_themes = tags.themes;
            r.tool_polarity = tags.polarity;
            r.cues = tags.cues;
        }
        out.push(r);
    }
    (out, unmatched)
}

/// A theme's agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeScore {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// Its counts and measures.
    #[serde(flatten)]
    pub score: Score,
}

/// How far the polarities agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolarityScore {
    /// Units compared (those the person gave a polarity).
    pub units: u32,
    /// Share on which they agree.
    pub accuracy: Option<f64>,
    /// Cohen's κ over the four polarities.
    pub kappa: Option<f64>,
    /// Accuracy on list items (as the person saw them), and how many.
    pub items: (u32, Option<f64>),
    /// Accuracy on sentences, and how many.
    pub sentences: (u32, Option<f64>),
    /// Accuracy on evaluative sentences (sentences the person did not code neutral), and how
    /// many.
    pub evaluative_sentences: (u32, Option<f64>),
    /// `confusion[gold][tool]`, in the order strength, improvement, mixed, neutral.
    pub confusion: [[u32; 4]; 4],
}

/// The order of polarities in a confusion matrix.
pub const POLARITIES: [Polarity; 4] = [Polarity::Strength, Polarity::Improvement, Polarity::Mixed, Polarity::Neutral];

fn index(p: Polarity) -> usize {
    POLARITIES.iter().position(|x| *x == p).unwrap_or(3)
}

impl PolarityScore {
    fn new(units: &[UnitResult]) -> PolarityScore {
        let accuracy = |pick: &dyn Fn(&UnitResult) -> bool| {
            let these: Vec<&UnitResult> = units.iter().filter(|u| u.gold_polarity.is_some() && pick(u)).collect();
            let right = these.iter().filter(|u| u.gold_polarity == Some(u.tool_polarity)).count();
            let n = these.len() as u32;
            (n, (n > 0).then(|| score::round4(right as f64 / f64::from(n))))
        };
        let mut confusion = [[0u32; 4]; 4];
        for u in units {
            if let Some(g) = u.gold_polarity {
                confusion[index(g)][index(u.tool_polarity)] += 1;
            }
        }
        PolarityScore {
            units: units.iter().filter(|u| u.gold_polarity.is_some()).count() as u32,
            accuracy: accuracy(&|_| true).1,
            kappa: kappa(&confusion),
            items: accuracy(&|u| u.kind.unwrap_or(u.unit) == Unit::Item),
            sentences: accuracy(&|u| u.kind.unwrap_or(u.unit) == Unit::Sentence),
            evaluative_sentences: accuracy(&|u| u.is_evaluative_sentence()),
            confusion,
        }
    }
}

/// The two codings compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    /// Units compared, in the coding's order.
    pub units: Vec<UnitResult>,
    /// Coded units the tool's findings do not hold.
    pub unmatched: Vec<Unmatched>,
    /// Each theme either coding used, in taxonomy order.
    pub themes: Vec<ThemeScore>,
    /// All themes' counts pooled.
    pub micro: Score,
    /// The mean precision, recall, F1 and κ of the themes that have them.
    #[serde(rename = "macro")]
    pub macro_: Score,
    /// Polarity.
    pub polarity: PolarityScore,
}

fn mean(xs: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let v: Vec<f64> = xs.flatten().collect();
    (!v.is_empty()).then(|| score::round4(v.iter().sum::<f64>() / v.len() as f64))
}

impl Evaluation {
    /// Compares the units, scoring every theme of `taxonomy` either coding used.
    pub fn new(mut units: Vec<UnitResult>, mut unmatched: Vec<Unmatched>, taxonomy: &Taxonomy) -> Evaluation {
        units.sort_by_key(|u| u.row);
        unmatched.sort_by_key(|u| (u.second, u.row));
        let n = units.len() as u32;
        let themes: Vec<ThemeScore> = taxonomy
            .themes
            .iter()
            .filter_map(|e| {
                let has = |v: &[String]| v.contains(&e.id);
                let tp = units.iter().filter(|u| has(&u.gold_themes) && has(&u.tool_themes)).count() as u32;
                let fp = units.iter().filter(|u| !has(&u.gold_themes) && has(&u.tool_themes)).count() as u32;
                let fn_ = units.iter().filter(|u| has(&u.gold_themes) && !has(&u.tool_themes)).count() as u32;
                (tp + fp + fn_ > 0).then(|| ThemeScore {
                    theme: e.id.clone(),
                    label: e.label.clone(),
                    score: Score::new(tp, fp, fn_, n - tp - fp - fn_),
                })
            })
            .collect();
        let sum = |f: fn(&Score) -> u32| themes.iter().map(|t| f(&t.score)).sum::<u32>();
        let micro = Score::new(sum(|s| s.tp), sum(|s| s.fp), sum(|s| s.fn_), sum(|s| s.tn));
        let macro_ = Score {
            precision: mean(themes.iter().map(|t| t.score.precision)),
            recall: mean(themes.iter().map(|t| t.score.recall)),
            f1: mean(themes.iter().map(|t| t.score.f1)),
            kappa: mean(themes.iter().map(|t| t.score.kappa)),
            ..micro
        };
        let polarity = PolarityScore::new(&units);
        Evaluation { units, unmatched, themes, micro, macro_, polarity }
    }

    /// The units on which the codings differ.
    pub fn disagreements(&self) -> impl Iterator<Item = &UnitResult> {
        self.units.iter().filter(|u| u.disagrees())
    }
}
