//! What a comparison is made of: cells of counts and evidence, groups, theme rows, and the
//! views derived from them. Serialisable; the CLI prints them as they are.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{Documents, GroupBy};
use crate::meta::DocKind;
use crate::structure::SectionKind;
use crate::tag::Polarity;
use crate::tag::{ListSide, Unit};
use crate::text::Span;

/// Counts of listed items carrying a theme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listed {
    /// Items under a strengths heading.
    pub strength: u32,
    /// Items under an improvements heading.
    pub improvement: u32,
    /// Items under a priority-actions heading.
    pub priority: u32,
}

impl Listed {
    /// All listed items.
    pub fn total(&self) -> u32 {
        self.strength + self.improvement + self.priority
    }

    /// Counts one listed item on `side`.
    pub(crate) fn count(&mut self, side: ListSide) {
        match side {
            ListSide::Strength => self.strength += 1,
            ListSide::Improvement => self.improvement += 1,
            ListSide::Priority => self.priority += 1,
        }
    }

    /// Items on the side of what needs to improve: improvements and priority actions.
    pub fn improvement_side(&self) -> u32 {
        self.improvement + self.priority
    }

    /// How the theme is listed, all items together.
    pub fn listed_as(&self) -> ListedAs {
        match (self.strength > 0, self.improvement_side() > 0) {
            (true, true) => ListedAs::Both,
            (false, true) if self.priority > 0 => ListedAs::Priority,
            (false, true) => ListedAs::Improvement,
            (true, false) => ListedAs::Strength,
            (false, false) => ListedAs::NotListed,
        }
    }
}

/// How a theme is listed in a group's documents: what a cell's symbol says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListedAs {
    /// In no list.
    NotListed,
    /// In strengths lists only.
    Strength,
    /// In improvement lists only.
    Improvement,
    /// As a priority action (perhaps also as an improvement), never as a strength.
    Priority,
    /// Both as a strength and as an improvement or priority action.
    Both,
}

/// Counts of sentences mentioning a theme, by polarity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mentions {
    /// Sentences judged a strength.
    pub strength: u32,
    /// Sentences judged an improvement.
    pub improvement: u32,
    /// Sentences judged mixed.
    pub mixed: u32,
    /// Sentences with no evaluative cue.
    pub neutral: u32,
}

impl Mentions {
    /// All mentions.
    pub fn total(&self) -> u32 {
        self.strength + self.improvement + self.mixed + self.neutral
    }

    pub(super) fn add(&mut self, p: Polarity) {
        match p {
            Polarity::Strength => self.strength += 1,
            Polarity::Improvement => self.improvement += 1,
            Polarity::Mixed => self.mixed += 1,
            Polarity::Neutral => self.neutral += 1,
        }
    }
}

/// Counts per 1,000 words of the group's documents, so long and short letters compare fairly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Rates {
    /// Listed items per 1,000 words.
    pub listed: f64,
    /// Mentions per 1,000 words.
    pub mentions: f64,
}

/// A finding behind a cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CellEvidence {
    /// The file it is in.
    pub path: String,
    /// Its section.
    pub section: SectionKind,
    /// Item or sentence.
    pub unit: Unit,
    /// Its polarity.
    pub polarity: Polarity,
    /// Its text.
    pub text: String,
    /// Where it is in its file.
    pub span: Span,
    /// The words that tagged the theme.
    pub matched: Vec<String>,
}

/// One theme in one group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// Listed strengths, improvements and priority actions.
    pub listed: Listed,
    /// Sentences mentioning the theme, by polarity.
    pub mentions: Mentions,
    /// Counts per 1,000 words.
    pub per_1000_words: Rates,
    /// Up to the configured number of findings: listed items first, then evaluative sentences.
    pub evidence: Vec<CellEvidence>,
}

impl Cell {
    /// Whether anything was counted.
    pub fn is_empty(&self) -> bool {
        self.listed.total() == 0 && self.mentions.total() == 0
    }

    /// How the theme is listed in this group.
    pub fn listed_as(&self) -> ListedAs {
        self.listed.listed_as()
    }
}

/// A document in a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    /// Its path.
    pub path: String,
    /// Its kind.
    pub kind: DocKind,
    /// Its date, if known.
    pub date: Option<crate::meta::Date>,
    /// The last day of its inspection, if known.
    pub inspection_end: Option<crate::meta::Date>,
    /// The type of inspection.
    pub inspection_type: Option<crate::meta::InspectionType>,
    /// The topic code.
    pub topic_code: Option<crate::meta::TopicCode>,
    /// Its words.
    pub words: usize,
}

/// A group (column) of the comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// The group's name: the area, kind, year or file.
    pub area: String,
    /// Grouped by area: the ONS GSS code of its authority (codes joined with `;` for a
    /// partnership of several); `null` when no area was found or for other groupings.
    pub code: Option<String>,
    /// Grouped by area: the authority's region.
    pub region: Option<String>,
    /// Whether the group holds inspection letters or reports (only those count towards flips,
    /// shared and unique themes and similarity).
    pub inspected: bool,
    /// Its documents, in the order they were added.
    pub documents: Documents,
}

/// One theme across all groups.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeRow {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// One cell per group, keyed by group name.
    pub cells: BTreeMap<String, Cell>,
}

/// A theme listed as a strength in some areas and as an improvement in others.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flip {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// Areas that list it as a strength.
    pub strength: Vec<String>,
    /// Areas that list it as an improvement or priority action.
    pub improvement: Vec<String>,
}

/// A theme listed with the same polarity in two or more areas (shared) or in one (unique).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// Theme id.
    pub theme: String,
    /// Theme label.
    pub label: String,
    /// `strength` or `improvement` (improvements include priority actions).
    pub polarity: Polarity,
    /// The areas.
    pub areas: Vec<String>,
}

/// How alike two areas' profiles are: cosine similarity of their theme × polarity counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// One area.
    pub a: String,
    /// The other.
    pub b: String,
    /// Cosine similarity, 0 (nothing in common) to 1 (the same profile).
    pub cosine: f64,
}

/// The result of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// How documents were grouped.
    pub group_by: GroupBy,
    /// The groups (columns): inspected areas first, then other documents, each by name.
    pub areas: Vec<Group>,
    /// One row per theme, in taxonomy order.
    pub themes: Vec<ThemeRow>,
    /// Themes listed as a strength in one area and an improvement in another.
    pub flips: Vec<Flip>,
    /// Themes listed with the same polarity in two or more areas.
    pub shared: Vec<Listing>,
    /// Themes listed with a polarity in exactly one area.
    pub unique: Vec<Listing>,
    /// Pairwise similarity of the areas.
    pub similarity: Vec<Similarity>,
}
