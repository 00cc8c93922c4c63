//! How common each theme's listing is: in how many documents of those counted it is listed on
//! each side, overall or by a facet of the documents, and year by year (or round by round).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::stats::wilson;
use super::{Corpus, Doc, Side};
use crate::meta::TopicCode;

/// What documents are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Facet {
    /// All together.
    #[default]
    None,
    /// The year of the letter (or of the end of the inspection).
    Year,
    /// The type of inspection (else the kind of document).
    Kind,
    /// The topic code.
    Topic,
    /// The region of the area.
    Region,
}

/// How a trend steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TrendBy {
    /// Year by year.
    #[default]
    Year,
    /// Inspection round by round: documents of one type and topic ("jtai csa-family"), in the
    /// order the rounds began.
    Round,
}

/// In how many documents a theme is listed on one side: counts, share and its 95% Wilson
/// interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prevalence {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// The group (a year, a kind, a topic, a region, a round), or `null` for all documents.
    pub group: Option<String>,
    /// The side.
    pub side: Side,
    /// Documents counted in the group.
    pub documents: u32,
    /// Documents that list the theme on that side.
    pub listed: u32,
    /// `listed / documents` (0 when there are none).
    pub share: f64,
    /// Lower bound of the 95% Wilson interval of the share.
    pub low: f64,
    /// Upper bound of the 95% Wilson interval of the share.
    pub high: f64,
    /// Fewer than [`SMALL`] documents: read the share with care.
    pub small: bool,
}

/// Groups of fewer documents than this are marked small.
pub const SMALL: u32 = 5;

/// Rounds to six decimals, so output is stable and short.
pub(super) fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn facet_of(d: &Doc, facet: Facet) -> Option<String> {
    let r = &d.record;
    match facet {
        Facet::None => None,
        Facet::Year => Some(r.date.map_or("unknown".into(), |d| d.year.to_string())),
        Facet::Kind => Some(r.inspection_type.map_or_else(|| r.kind.as_str().to_string(), |t| t.as_str().to_string())),
        Facet::Topic => Some(r.topic_code.map_or("none", TopicCode::as_str).to_string()),
        Facet::Region => Some(r.region().unwrap_or_else(|| "unknown".into())),
    }
}

/// Whether a document lists theme `t` on `side`.
pub(super) fn lists(d: &Doc, t: u32, side: Side) -> bool {
    let l = d.record.listed(t);
    match side {
        Side::Improvement => l.improvement_side() > 0,
        Side::Strength => l.strength > 0,
        Side::Priority => l.priority > 0,
    }
}

impl Corpus {
    /// For each theme and side (and group of `by`), in how many of the counted documents the
    /// theme is listed on that side.
    pub fn prevalence(&self, by: Facet) -> Vec<Prevalence> {
        let mut groups: BTreeMap<Option<String>, Vec<&Doc>> = BTreeMap::new();
        for d in self.counted() {
            groups.entry(facet_of(d, by)).or_default().push(d);
        }
        self.shares(groups.into_iter().collect())
    }

    /// For each theme and side, its prevalence year by year (or round by round), small groups
    /// marked.
    pub fn trend(&self, by: TrendBy) -> Vec<Prevalence> {
        match by {
            TrendBy::Year => {
                let mut groups: BTreeMap<Option<String>, Vec<&Doc>> = BTreeMap::new();
                for d in self.counted().filter(|d| d.record.date.is_some()) {
                    groups.entry(facet_of(d, Facet::Year)).or_default().push(d);
                }
                self.shares(groups.into_iter().collect())
            }
            TrendBy::Round => {
                // A round: one type and topic; rounds in the order of their first document.
                let mut rounds: Vec<(String, Vec<&Doc>)> = Vec::new();
                let mut docs: Vec<&Doc> = self.counted().filter(|d| d.record.date.is_some()).collect();
                docs.sort_by_key(|d| d.record.date);
                for d in docs {
                    let r = &d.record;
                    let kind = r.inspection_type.map_or(r.kind.as_str(), |t| t.as_str());
                    let name = match &r.topic_code {
                        Some(topic) => format!("{kind} {topic}"),
                        None => kind.to_string(),
                    };
                    match rounds.iter_mut().find(|(n, _)| *n == name) {
                        Some((_, v)) => v.push(d),
                        None => rounds.push((name, vec![d])),
                    }
                }
                self.shares(rounds.into_iter().map(|(n, v)| (Some(n), v)).collect())
            }
        }
    }

    /// The shares of every theme and side in each group, groups in the order given.
    fn shares(&self, groups: Vec<(Option<String>, Vec<&Doc>)>) -> Vec<Prevalence> {
        let mut out = Vec::new();
        for (t, (id, label)) in self.themes.iter().enumerate() {
            for side in Side::ALL {
                for (group, docs) in &groups {
                    let documents = docs.len() as u32;
                    let listed = docs.iter().filter(|d| lists(d, t as u32, side)).count() as u32;
                    let (low, high) = wilson(listed, documents);
                    let share = if documents == 0 { 0.0 } else { f64::from(listed) / f64::from(documents) };
                    out.push(Prevalence {
                        theme: id.clone(),
                        label: label.clone(),
                        group: group.clone(),
                        side,
                        documents,
                        listed,
                        share: round6(share),
                        low: round6(low),
                        high: round6(high),
                        small: documents < SMALL,
                    });
                }
            }
        }
        out
    }
}
