//! Corpus analysis: what a folder of published documents says as a whole — how common each
//! finding is ([`Corpus::prevalence`]), how that changes over time ([`Corpus::trend`]),
//! which improvements come together ([`Corpus::cooccurrence`]), and what sets one area
//! apart from comparable documents ([`Corpus::profile`]: themes by Fisher's exact test, words
//! by log-likelihood keyness), each with the findings behind it.
//!
//! Documents are recorded one at a time ([`Corpus::record`], which takes `&self`, so many can
//! be recorded in parallel) and added in order ([`Corpus::add`]). Only an inspection's own
//! documents (letters and reports) are counted: responses, briefings and plans are kept out.
//!
//! ```
//! use letters_core::analysis::{Corpus, Facet, Side};
//! use letters_core::{Document, Tagger};
//!
//! let tagger = Tagger::new();
//! let mut corpus = Corpus::new(tagger.taxonomy());
//! for (path, text) in [
//!     ("a.txt", "1 May 2024\n\nDear all\n\nJoint targeted area inspection of Kent\n\nWhat needs to improve?\n\n- Access to therapy.\n"),
//!     ("b.txt", "1 May 2024\n\nDear all\n\nJoint targeted area inspection of Essex\n\nStrengths\n\n- Therapy starts quickly.\n"),
//! ] {
//!     let doc = Document::parse(text);
//!     let record = corpus.record(path, &doc, &tagger, false);
//!     corpus.add(record);
//! }
//! let therapy = corpus
//!     .prevalence(Facet::None)
//!     .into_iter()
//!     .find(|p| p.theme == "therapy" && p.side == Side::Improvement)
//!     .unwrap();
//! assert_eq!((therapy.listed, therapy.documents), (1, 2));
//! ```

mod cooccurrence;
mod prevalence;
mod profile;
mod record;
pub mod stats;
mod terms;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use cooccurrence::Cooccurrence;
pub use prevalence::{Facet, Prevalence, SMALL, TrendBy};
pub use profile::{
    ALPHA, Against, COMMON_ELSEWHERE, Direction, KEYNESS_ALPHA, Keyness, MIN_COMPARED, Profile, ProfileEvidence,
    RARE_ELSEWHERE, Standing, ThemeProfile,
};
pub use record::{DocRecord, ItemRecord, Mark};

use crate::tag::Taxonomy;

/// A side of a document's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Side {
    /// Listed as something to improve: an improvement or a priority action.
    Improvement,
    /// Listed as a strength.
    Strength,
    /// Listed as a priority action.
    Priority,
}

impl Side {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Side::Improvement => "improvement",
            Side::Strength => "strength",
            Side::Priority => "priority",
        }
    }

    /// All sides, in output order.
    pub const ALL: [Side; 3] = [Side::Improvement, Side::Strength, Side::Priority];
}

impl std::str::FromStr for Side {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Side::ALL.into_iter().find(|x| x.as_str() == s).ok_or_else(|| format!("unknown side '{s}'"))
    }
}

/// A recorded document and its terms as ids of the corpus's vocabulary.
#[derive(Debug)]
struct Doc {
    record: DocRecord,
    /// (term id, count), by id.
    terms: Vec<(u32, u32)>,
}

/// The documents of a corpus, recorded for analysis.
#[derive(Debug)]
pub struct Corpus {
    /// The themes, (id, label), in taxonomy order.
    themes: Vec<(String, String)>,
    docs: Vec<Doc>,
    vocab: Vec<String>,
    ids: HashMap<String, u32>,
}

impl Corpus {
    /// An empty corpus for the themes of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> Corpus {
        Corpus {
            themes: taxonomy.themes.iter().map(|e| (e.id.clone(), e.label.clone())).collect(),
            docs: Vec::new(),
            vocab: Vec::new(),
            ids: HashMap::new(),
        }
    }

    /// Adds a recorded document.
    pub fn add(&mut self, mut record: DocRecord) {
        let mut terms: Vec<(u32, u32)> = std::mem::take(&mut record.terms)
            .into_iter()
            .map(|(t, n)| {
                let next = self.vocab.len() as u32;
                let id = *self.ids.entry(t).or_insert_with_key(|t| {
                    self.vocab.push(t.clone());
                    next
                });
                (id, n)
            })
            .collect();
        terms.sort_unstable();
        self.docs.push(Doc { record, terms });
    }

    /// Every document added, in order.
    pub fn documents(&self) -> impl Iterator<Item = &DocRecord> {
        self.docs.iter().map(|d| &d.record)
    }

    /// The documents counted: an inspection's own.
    fn counted(&self) -> impl Iterator<Item = &Doc> + Clone {
        self.docs.iter().filter(|d| d.record.kind.is_inspection())
    }

    /// The themes, (id, label), in taxonomy order.
    pub fn themes(&self) -> &[(String, String)] {
        &self.themes
    }
}
