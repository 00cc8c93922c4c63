//! What sets an area apart: for each theme, how its documents list it against comparable
//! documents (Fisher's exact test, a log odds ratio), and the words and phrases over-used in
//! its findings (log-likelihood keyness) — each with the findings behind it.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::prevalence::{lists, round6};
use super::stats::{benjamini_hochberg, chi2_p, fisher_exact, fisher_min_p, g2, log_odds_ratio};
use super::{Corpus, Doc, Side, terms};
use crate::meta::{Date, find_authority};
use crate::structure::SectionKind;
use crate::text::Span;

/// What an area is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Against {
    /// Documents of the same type and topic as the area's (a JTAI round); of the same type
    /// when fewer than [`MIN_COMPARED`] share the topic; all when fewer share the type.
    #[default]
    Comparable,
    /// All other documents.
    All,
}

/// Fewest documents a comparison stands on before it widens.
pub const MIN_COMPARED: usize = 5;

/// False discovery rate below which a difference is called distinctive: Benjamini–Hochberg
/// q-values over the area's testable themes.
pub const ALPHA: f64 = 0.05;

/// Share of compared documents at or below which a theme the area lists is rare elsewhere.
pub const RARE_ELSEWHERE: f64 = 0.25;

/// Share of compared documents at or above which a theme the area does not list is common
/// elsewhere.
pub const COMMON_ELSEWHERE: f64 = 0.75;

/// Significance level of a keyness term: p below 0.001 (G² above 10.83), as corpus linguists
/// use when thousands of words are tested at once.
pub const KEYNESS_ALPHA: f64 = 0.001;

/// Most keyness terms a profile gives.
const KEYNESS_TERMS: usize = 20;

/// Fewest times a term must occur in the area's findings to be a keyness term.
const KEYNESS_MIN_COUNT: u32 = 3;

/// How much more (or less) an area lists a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// The area's share is higher.
    More,
    /// The area's share is lower.
    Less,
    /// The shares are equal.
    Same,
}

/// Where a theme stands in an area against the documents it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    /// More (or less) than chance would give: q below [`ALPHA`].
    Distinctive,
    /// Listed here, and by at most [`RARE_ELSEWHERE`] of the compared documents (descriptive,
    /// not a test).
    RareElsewhere,
    /// Not listed here, though at least [`COMMON_ELSEWHERE`] of the compared documents list it
    /// (descriptive, not a test).
    CommonElsewhere,
    /// None of these.
    Typical,
}

impl Standing {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Standing::Distinctive => "distinctive",
            Standing::RareElsewhere => "rare-elsewhere",
            Standing::CommonElsewhere => "common-elsewhere",
            Standing::Typical => "typical",
        }
    }
}

/// A finding behind a profile's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileEvidence {
    /// Its file.
    pub path: String,
    /// Its list.
    pub section: SectionKind,
    /// Its text.
    pub text: String,
    /// Where it is in its file.
    pub span: Span,
}

/// How an area lists one theme on one side, against the documents it is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeProfile {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// The side.
    pub side: Side,
    /// The area's documents listing it.
    pub area_listed: u32,
    /// The area's documents.
    pub area_documents: u32,
    /// The compared documents listing it.
    pub others_listed: u32,
    /// The compared documents.
    pub others_documents: u32,
    /// The area's share.
    pub area_share: f64,
    /// The compared documents' share.
    pub others_share: f64,
    /// Log odds ratio (area against the others, half added to every cell).
    pub log_odds: f64,
    /// Its 95% interval's lower bound.
    pub low: f64,
    /// Its 95% interval's upper bound.
    pub high: f64,
    /// Fisher's exact test, two-sided.
    pub p_value: f64,
    /// Whether these margins could give a p below [`ALPHA`] at all (Tarone): only testable
    /// themes count as tests.
    pub testable: bool,
    /// Benjamini–Hochberg q-value over the area's testable themes and sides (1 when not
    /// testable).
    pub q_value: f64,
    /// Distinctive, rare elsewhere, common elsewhere or typical.
    pub standing: Standing,
    /// Whether the area lists it more or less.
    pub direction: Direction,
    /// The area's findings that list it so.
    pub evidence: Vec<ProfileEvidence>,
}

/// A word or phrase the area's findings use more than the compared documents' do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyness {
    /// The word or phrase.
    pub term: String,
    /// Log-likelihood G² with Williams' correction, positive when over-used.
    pub g2: f64,
    /// Its p-value (chi-squared, one degree of freedom).
    pub p_value: f64,
    /// Occurrences in the area's findings.
    pub area_count: u32,
    /// Occurrences in the compared documents' findings.
    pub others_count: u32,
    /// Some of the area's findings that use it.
    pub evidence: Vec<String>,
}

/// An area against comparable documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Profile {
    /// The area's canonical name.
    pub area: String,
    /// Its ONS code.
    pub code: String,
    /// Its region.
    pub region: String,
    /// Its documents' paths.
    pub documents: Vec<String>,
    /// Its documents' dates.
    pub dates: Vec<Option<Date>>,
    /// What it is compared with, in words.
    pub compared_with: String,
    /// How many documents it is compared with.
    pub compared: u32,
    /// Each theme and side either lists: distinctive ones first (by p-value), then rare
    /// elsewhere, common elsewhere and typical, each in taxonomy order.
    pub themes: Vec<ThemeProfile>,
    /// The words and phrases its findings over-use, most key first.
    pub keyness: Vec<Keyness>,
}

impl Corpus {
    /// The profile of the area named `area` (any name of its authority, or its ONS code)
    /// against `against`; `None` when no counted document is about it.
    pub fn profile(&self, area: &str, against: Against) -> Option<Profile> {
        let authority = find_authority(area, None)?;
        let of_area = |d: &&Doc| d.record.authorities.iter().any(|a| a.code == authority.code);
        let mine: Vec<&Doc> = self.counted().filter(of_area).collect();
        if mine.is_empty() {
            return None;
        }
        let (others, compared_with) = self.compared(&mine, against, |d| !of_area(d));
        let themes = self.theme_profiles(&mine, &others);
        let keyness = keyness(self, &mine, &others, &authority.name);
        Some(Profile {
            area: authority.name.clone(),
            code: authority.code.clone(),
            region: authority.region.clone(),
            documents: mine.iter().map(|d| d.record.path.clone()).collect(),
            dates: mine.iter().map(|d| d.record.date).collect(),
            compared_with,
            compared: others.len() as u32,
            themes,
            keyness,
        })
    }

    /// The documents to compare with, and what they are in words.
    fn compared<'a>(
        &'a self,
        mine: &[&Doc],
        against: Against,
        not_mine: impl Fn(&&Doc) -> bool,
    ) -> (Vec<&'a Doc>, String) {
        let others: Vec<&Doc> = self.counted().filter(|d| not_mine(d)).collect();
        if against == Against::All {
            return (others, "all other documents".into());
        }
        let kind = |d: &Doc| d.record.inspection_type;
        let same_topic: Vec<&Doc> = others
            .iter()
            .copied()
            .filter(|o| mine.iter().any(|m| kind(m) == kind(o) && m.record.topic_code == o.record.topic_code))
            .collect();
        // The area's types (and topics), each once: "jtai csa-family, jtai cse".
        let named = |topic: bool| {
            let mut names: Vec<String> = Vec::new();
            for m in mine {
                let t = kind(m).map_or("documents", |t| t.as_str());
                let name = match (&m.record.topic_code, topic) {
                    (Some(c), true) => format!("{t} {c}"),
                    _ => t.to_string(),
                };
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            names.join(", ")
        };
        if same_topic.len() >= MIN_COMPARED {
            return (same_topic, format!("documents of the same type and topic ({})", named(true)));
        }
        let same_type: Vec<&Doc> = others.iter().copied().filter(|o| mine.iter().any(|m| kind(m) == kind(o))).collect();
        if same_type.len() >= MIN_COMPARED {
            return (same_type, format!("documents of the same type ({})", named(false)));
        }
        (others, "all other documents (too few of its type to compare with)".into())
    }

    fn theme_profiles(&self, mine: &[&Doc], others: &[&Doc]) -> Vec<ThemeProfile> {
        let mut out = Vec::new();
        for (t, (id, label)) in self.themes.iter().enumerate() {
            for side in Side::ALL {
                let t = t as u32;
                let a = mine.iter().filter(|d| lists(d, t, side)).count() as u32;
                let c = others.iter().filter(|d| lists(d, t, side)).count() as u32;
                if a + c == 0 {
                    continue;
                }
                let (na, nc) = (mine.len() as u32, others.len() as u32);
                let (b, d) = (na - a, nc - c);
                let p = fisher_exact(a, b, c, d);
                let (log_odds, low, high) = log_odds_ratio(a, b, c, d);
                let share = |k: u32, n: u32| if n == 0 { 0.0 } else { f64::from(k) / f64::from(n) };
                let (sa, so) = (share(a, na), share(c, nc));
                let direction = match sa.total_cmp(&so) {
                    std::cmp::Ordering::Greater => Direction::More,
                    std::cmp::Ordering::Less => Direction::Less,
                    std::cmp::Ordering::Equal => Direction::Same,
                };
                let evidence = mine
                    .iter()
                    .flat_map(|d| d.record.items.iter().map(move |i| (d, i)))
                    .filter(|(_, i)| i.themes.contains(&t) && on_side(i.section, side))
                    .take(3)
                    .map(|(d, i)| ProfileEvidence {
                        path: d.record.path.clone(),
                        section: i.section,
                        text: i.text.clone(),
                        span: i.span,
                    })
                    .collect();
                out.push(ThemeProfile {
                    theme: id.clone(),
                    label: label.clone(),
                    side,
                    area_listed: a,
                    area_documents: na,
                    others_listed: c,
                    others_documents: nc,
                    area_share: round6(sa),
                    others_share: round6(so),
                    log_odds: round6(log_odds),
                    low: round6(low),
                    high: round6(high),
                    p_value: round6(p),
                    testable: fisher_min_p(na, a + c, na + nc) < ALPHA,
                    q_value: 1.0,
                    standing: Standing::Typical,
                    direction,
                    evidence,
                });
            }
        }
        stand(&mut out);
        out
    }
}

/// Gives each theme its q-value and standing, and sorts them: distinctive first, by p-value;
/// the rest by standing, in taxonomy order (a stable sort).
fn stand(themes: &mut [ThemeProfile]) {
    let tested: Vec<usize> = (0..themes.len()).filter(|&i| themes[i].testable).collect();
    let q = benjamini_hochberg(&tested.iter().map(|&i| themes[i].p_value).collect::<Vec<_>>());
    for (&i, q) in tested.iter().zip(q) {
        themes[i].q_value = round6(q);
    }
    for t in themes.iter_mut() {
        t.standing = if t.q_value < ALPHA {
            Standing::Distinctive
        } else if t.area_listed > 0 && t.others_share <= RARE_ELSEWHERE {
            Standing::RareElsewhere
        } else if t.area_listed == 0 && t.others_share >= COMMON_ELSEWHERE {
            Standing::CommonElsewhere
        } else {
            Standing::Typical
        };
    }
    themes.sort_by(|x, y| {
        x.standing.cmp(&y.standing).then(if x.standing == Standing::Distinctive {
            x.p_value.total_cmp(&y.p_value)
        } else {
            std::cmp::Ordering::Equal
        })
    });
}

/// Whether a listed item of `section` is on `side`.
fn on_side(section: SectionKind, side: Side) -> bool {
    match side {
        Side::Strength => section == SectionKind::Strengths,
        Side::Improvement => matches!(section, SectionKind::Improvements | SectionKind::PriorityActions),
        Side::Priority => section == SectionKind::PriorityActions,
    }
}

/// The words and phrases the area's findings over-use against the others' (G², p below
/// [`KEYNESS_ALPHA`], at least [`KEYNESS_MIN_COUNT`] times), most key first; not the words
/// of the area's own name, which its letters use by nature.
fn keyness(corpus: &Corpus, mine: &[&Doc], others: &[&Doc], name: &str) -> Vec<Keyness> {
    let own: Vec<String> = terms::words(name).into_iter().flatten().collect();
    let is_own = |t: u32| corpus.vocab[t as usize].split(' ').all(|w| own.iter().any(|o| o == w));
    let sum = |docs: &[&Doc]| {
        let mut m: HashMap<u32, u64> = HashMap::new();
        for d in docs {
            for &(t, n) in &d.terms {
                *m.entry(t).or_default() += u64::from(n);
            }
        }
        m
    };
    let (target, reference) = (sum(mine), sum(others));
    let (nt, nr): (u64, u64) = (target.values().sum(), reference.values().sum());
    if nt == 0 || nr == 0 {
        return Vec::new();
    }
    let mut scored: Vec<(f64, u32, u64, u64)> = target
        .iter()
        .filter(|&(&t, &a)| a >= u64::from(KEYNESS_MIN_COUNT) && !is_own(t))
        .map(|(&t, &a)| {
            let b = reference.get(&t).copied().unwrap_or(0);
            (g2(a, b, nt, nr), t, a, b)
        })
        .filter(|&(g, ..)| g > 0.0 && chi2_p(g) < KEYNESS_ALPHA)
        .collect();
    scored
        .sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| corpus.vocab[x.1 as usize].cmp(&corpus.vocab[y.1 as usize])));
    scored
        .into_iter()
        .take(KEYNESS_TERMS)
        .map(|(g, t, a, b)| {
            let term = corpus.vocab[t as usize].clone();
            let evidence = mine
                .iter()
                .flat_map(|d| d.record.findings.iter().chain(d.record.items.iter().map(|i| &i.text)))
                .filter(|f| terms::occurs_in(&term, f))
                .take(2)
                .cloned()
                .collect();
            Keyness { term, g2: round6(g), p_value: chi2_p(g), area_count: a as u32, others_count: b as u32, evidence }
        })
        .collect()
}
