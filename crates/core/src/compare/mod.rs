//! Comparing areas: for each theme and group of documents (an area, a kind, a year or a file),
//! how often the theme is listed as a strength, an improvement or a priority action, how often
//! it is mentioned and with what polarity, and the findings behind each count.
//!
//! Documents are added one at a time ([`Comparer::add`]) and only counts and a few evidence
//! findings per cell are kept, so memory does not grow with the text of the corpus. Each
//! group's list of documents can wait in a temporary file until it is listed
//! ([`CompareBuilder::documents_on_disk`]), so that it does not grow with their number either.

mod documents;
mod draft;
mod model;
mod views;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use documents::Documents;
pub use model::{
    Cell, CellEvidence, Comparison, DocumentRef, Flip, Group, Listed, ListedAs, Listing, Mentions, Rates, Similarity,
    ThemeRow,
};

use self::documents::{Pending, Spill};
use self::draft::{Draft, Words};
use crate::document::Document;
use crate::meta::DocKind;
use crate::structure::SectionKind;
use crate::tag::Polarity;
use crate::tag::Taxonomy;
use crate::tag::{Finding, ListSide, Tagger, Unit};

/// How documents are grouped into columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum GroupBy {
    /// By the area a document is about. Documents that are not inspection letters or reports
    /// (responses, briefings, plans) form their own groups, named "‹kind›: ‹area›".
    #[default]
    Area,
    /// By document kind.
    Kind,
    /// By the year of the letter (or of the inspection).
    Year,
    /// One group per file.
    File,
}

/// Configures a [`Comparer`].
#[derive(Debug, Clone)]
pub struct CompareBuilder {
    group_by: GroupBy,
    evidence: usize,
    on_disk: bool,
}

impl Default for CompareBuilder {
    fn default() -> Self {
        CompareBuilder { group_by: GroupBy::Area, evidence: 3, on_disk: false }
    }
}

impl CompareBuilder {
    /// Group by area, keep three findings per cell.
    pub fn new() -> CompareBuilder {
        CompareBuilder::default()
    }

    /// How to group documents.
    pub fn group_by(&mut self, g: GroupBy) -> &mut CompareBuilder {
        self.group_by = g;
        self
    }

    /// How many findings to keep per cell.
    pub fn evidence_per_cell(&mut self, n: usize) -> &mut CompareBuilder {
        self.evidence = n;
        self
    }

    /// Whether each group's documents are written to a temporary file as they are added and
    /// read back as they are listed, so that memory does not grow with their number (off by
    /// default). A problem with the file is an [`crate::Error::Io`] when they are read
    /// ([`Documents::iter`]), and an error of the serialiser's, with the same message, when the
    /// comparison is serialised (after what came before the list was written). If no temporary
    /// file can be made, they are held in memory.
    pub fn documents_on_disk(&mut self, yes: bool) -> &mut CompareBuilder {
        self.on_disk = yes;
        self
    }

    /// A comparer for the themes of `taxonomy`.
    pub fn build(&self, taxonomy: &Taxonomy) -> Comparer {
        Comparer {
            group_by: self.group_by,
            evidence: self.evidence,
            themes: taxonomy.themes.iter().map(|e| (e.id.clone(), e.label.clone())).collect(),
            groups: BTreeMap::new(),
            seq: 0,
            on_disk: self.on_disk,
            spill: None,
        }
    }
}

/// The group of a document's area when no area was found in it.
pub const UNKNOWN_AREA: &str = "unknown area";

/// What a group is known by: documents other than an inspection's own come after, then by
/// name, then by the authorities' codes (two authorities of one name are two groups).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct GroupKey {
    other: bool,
    name: String,
    code: String,
    region: String,
}

#[derive(Debug)]
struct GroupAcc {
    inspected: bool,
    documents: Pending,
    words: usize,
    cells: Vec<Cell>,
    /// (priority, document sequence, finding sequence) of each kept evidence finding, per cell.
    ranks: Vec<Vec<(u8, u64, u32)>>,
}

/// One document's contribution to a comparison, ready to add.
#[derive(Debug)]
pub struct DocSummary {
    key: GroupKey,
    inspected: bool,
    document: DocumentRef,
    /// Per theme index with anything counted: listed items and mentions.
    counts: Vec<(u32, Listed, Mentions)>,
    /// Evidence candidates: (theme, rank, sequence in the document, the finding's draft).
    evidence: Vec<(u32, u8, u32, Draft)>,
    /// The candidates' words.
    words: Words,
}

/// Builds a [`DocSummary`] finding by finding.
struct SummaryAcc {
    limit: usize,
    counts: Vec<(Listed, Mentions)>,
    evidence: Vec<Vec<(u8, u32, Draft)>>,
    kind: DocKind,
    seq: u32,
    summary: DocSummary,
}

impl SummaryAcc {
    fn new(c: &Comparer, path: &str, doc: &Document) -> SummaryAcc {
        let n = c.themes.len();
        SummaryAcc {
            limit: c.evidence,
            counts: vec![(Listed::default(), Mentions::default()); n],
            evidence: vec![Vec::new(); n],
            kind: doc.kind,
            seq: 0,
            summary: DocSummary {
                key: c.key(path, doc),
                inspected: doc.kind.is_inspection(),
                document: DocumentRef {
                    path: path.to_string(),
                    kind: doc.kind,
                    date: doc.meta.date,
                    inspection_end: doc.meta.inspection.end,
                    inspection_type: doc.meta.inspection_type,
                    topic_code: doc.meta.topic_code,
                    words: doc.word_count(),
                },
                counts: Vec::new(),
                evidence: Vec::new(),
                words: Words::default(),
            },
        }
    }

    /// Counts one finding; `make` drafts its evidence for a theme (its words kept in the
    /// summary's words) only if it is kept.
    fn unit(
        &mut self,
        section: SectionKind,
        unit: Unit,
        polarity: Polarity,
        themes: &[u32],
        against: &[u32],
        mut make: impl FnMut(u32, &mut Words) -> Draft,
    ) {
        let listed = ListSide::of(section).filter(|_| unit == Unit::Item);
        if listed.is_none() && !counts_mentions(self.kind, section) {
            return;
        }
        self.seq += 1;
        for &t in themes {
            let (l, m) = &mut self.counts[t as usize];
            let rank = if let Some(side) = listed {
                l.count(if against.contains(&t) { side.opposite() } else { side });
                0
            } else {
                m.add(polarity);
                if polarity == Polarity::Neutral { 2 } else { 1 }
            };
            let kept = &mut self.evidence[t as usize];
            if self.limit == 0 || (kept.len() >= self.limit && kept.iter().all(|k| k.0 <= rank)) {
                continue;
            }
            let pos = kept.partition_point(|k| (k.0, k.1) <= (rank, self.seq));
            kept.insert(pos, (rank, self.seq, make(t, &mut self.summary.words)));
            kept.truncate(self.limit);
        }
    }

    fn finish(mut self) -> DocSummary {
        for (t, (l, m)) in self.counts.into_iter().enumerate() {
            if l.total() + m.total() > 0 {
                self.summary.counts.push((t as u32, l, m));
            }
        }
        for (t, kept) in self.evidence.into_iter().enumerate() {
            for (rank, seq, ev) in kept {
                self.summary.evidence.push((t as u32, rank, seq, ev));
            }
        }
        self.summary
    }
}

/// Accumulates documents into a [`Comparison`].
///
/// ```
/// use letters_core::{CompareBuilder, Document, Tagger};
///
/// let tagger = Tagger::new();
/// let mut comparer = CompareBuilder::new().build(tagger.taxonomy());
/// let a = Document::parse("Dear X\n\nJoint targeted area inspection of Kent\n\nStrengths\n\n- Therapy starts quickly.\n");
/// let b = Document::parse("Dear Y\n\nJoint targeted area inspection of Essex\n\nWhat needs to improve?\n\n- Access to therapy.\n");
/// comparer.add("a.txt", &a, &tagger.tag_document(&a));
/// comparer.add("b.txt", &b, &tagger.tag_document(&b));
/// let c = comparer.finish();
/// let flip = c.flips.iter().find(|f| f.theme == "therapy").unwrap();
/// assert_eq!((flip.strength.as_slice(), flip.improvement.as_slice()), (&["Kent".to_string()][..], &["Essex".to_string()][..]));
/// ```
#[derive(Debug)]
pub struct Comparer {
    group_by: GroupBy,
    evidence: usize,
    themes: Vec<(String, String)>,
    groups: BTreeMap<GroupKey, GroupAcc>,
    seq: u64,
    /// Whether documents go to disk; the file, once the first is added.
    on_disk: bool,
    spill: Option<Spill>,
}

/// Sections whose sentences count as mentions: not the opening, context, next steps or
/// signatures of an inspection letter (all of a response, briefing or plan but its closing).
fn counts_mentions(kind: DocKind, section: SectionKind) -> bool {
    match section {
        SectionKind::Closing => false,
        SectionKind::Introduction | SectionKind::Context | SectionKind::NextSteps => !kind.is_inspection(),
        _ => true,
    }
}

impl Comparer {
    fn key(&self, path: &str, doc: &Document) -> GroupKey {
        let inspected = doc.kind.is_inspection();
        let plain = |name: String| GroupKey { other: false, name, code: String::new(), region: String::new() };
        match self.group_by {
            GroupBy::Area => {
                // By the authorities' codes: two spellings of one authority are one group. A
                // document whose area was not found is in no one's group but "unknown area".
                let a = &doc.meta.authorities;
                let code = a.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(";");
                let mut regions: Vec<&str> = a.iter().map(|a| a.region.as_str()).collect();
                regions.dedup();
                let area = doc.meta.area.clone().unwrap_or_else(|| UNKNOWN_AREA.to_string());
                let name = if inspected { area } else { format!("{}: {area}", doc.kind.as_str()) };
                GroupKey { other: !inspected, name, code, region: regions.join(";") }
            }
            GroupBy::Kind => plain(doc.kind.as_str().to_string()),
            GroupBy::Year => {
                plain(doc.meta.date.or(doc.meta.inspection.end).map_or("unknown".to_string(), |d| d.year.to_string()))
            }
            GroupBy::File => plain(path.to_string()),
        }
    }

    /// Adds a document and its findings (from [`crate::Tagger::tag_document`]).
    pub fn add(&mut self, path: &str, doc: &Document, findings: &[Finding]) {
        let index: std::collections::HashMap<&str, u32> =
            self.themes.iter().enumerate().map(|(i, (id, _))| (id.as_str(), i as u32)).collect();
        let mut acc = SummaryAcc::new(self, path, doc);
        for f in findings {
            let themes: Vec<u32> = f.themes.iter().filter_map(|t| index.get(t.as_str()).copied()).collect();
            let against: Vec<u32> = f.against_list.iter().filter_map(|t| index.get(t.as_str()).copied()).collect();
            let mut text = None;
            acc.unit(f.section, f.unit, f.polarity, &themes, &against, |t, words| Draft {
                section: f.section,
                unit: f.unit,
                polarity: f.polarity,
                span: f.span,
                text: text.get_or_insert_with(|| words.push(&f.text)).clone(),
                matched: words.push_matched(
                    f.evidence.iter().filter(|e| e.theme == self.themes[t as usize].0).map(|e| e.text.as_str()),
                ),
            });
        }
        let summary = acc.finish();
        self.add_summary(summary);
    }

    /// Tags `doc` and summarises it for [`Comparer::add_summary`]. Takes `&self`: summaries of
    /// many documents can be made in parallel and added in order.
    pub fn summarise(&self, path: &str, doc: &Document, tagger: &Tagger) -> DocSummary {
        let mut acc = SummaryAcc::new(self, path, doc);
        let mut themes: Vec<u32> = Vec::new();
        tagger.visit_document(doc, |u| {
            themes.clear();
            themes.extend(u.themes.iter().map(|h| h.entry));
            themes.sort_unstable();
            themes.dedup();
            let mut text = None;
            acc.unit(u.section, u.unit, u.polarity, &themes, u.against, |t, words| Draft {
                section: u.section,
                unit: u.unit,
                polarity: u.polarity,
                span: u.span_of(u.start, u.end),
                text: text.get_or_insert_with(|| words.push(u.text())).clone(),
                matched: words
                    .push_matched(u.themes.iter().filter(|h| h.entry == t).map(|h| &u.block.text[h.start..h.end])),
            });
        });
        acc.finish()
    }

    /// Adds a summary made by [`Comparer::summarise`].
    pub fn add_summary(&mut self, s: DocSummary) {
        let n_themes = self.themes.len();
        let limit = self.evidence;
        self.seq += 1;
        let doc_seq = self.seq;
        let g = self.groups.entry(s.key).or_insert_with(|| GroupAcc {
            inspected: false,
            documents: Pending::default(),
            words: 0,
            cells: vec![Cell::default(); n_themes],
            ranks: vec![Vec::new(); n_themes],
        });
        g.inspected |= s.inspected;
        g.words += s.document.words;
        for (t, listed, mentions) in s.counts {
            let c = &mut g.cells[t as usize];
            c.listed.strength += listed.strength;
            c.listed.improvement += listed.improvement;
            c.listed.priority += listed.priority;
            c.mentions.strength += mentions.strength;
            c.mentions.improvement += mentions.improvement;
            c.mentions.mixed += mentions.mixed;
            c.mentions.neutral += mentions.neutral;
        }
        for (t, rank, local, ev) in s.evidence {
            let key = (rank, doc_seq, local);
            let ranks = &mut g.ranks[t as usize];
            let cell = &mut g.cells[t as usize];
            let pos = ranks.partition_point(|r| *r <= key);
            if pos >= limit {
                continue;
            }
            ranks.insert(pos, key);
            cell.evidence.insert(pos, s.words.evidence(&ev, &s.document.path));
            ranks.truncate(limit);
            cell.evidence.truncate(limit);
        }
        if self.on_disk && self.spill.is_none() {
            // Without a temporary file, documents stay in memory.
            self.spill = Spill::new().ok();
            self.on_disk = self.spill.is_some();
        }
        g.documents.push(self.spill.as_mut(), s.document);
    }

    /// The comparison of everything added.
    pub fn finish(self) -> Comparison {
        let mut areas = Vec::new();
        let mut accs = Vec::new();
        // A name two groups share (one authority before and after a reorganisation) is told
        // apart by its code.
        let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for k in self.groups.keys() {
            *seen.entry(k.name.as_str()).or_default() += 1;
        }
        let label = |k: &GroupKey| {
            if seen[k.name.as_str()] > 1 && !k.code.is_empty() {
                format!("{} ({})", k.name, k.code)
            } else {
                k.name.clone()
            }
        };
        let labels: Vec<String> = self.groups.keys().map(label).collect();
        let shelf = self.spill.map(Spill::finish);
        for ((key, mut g), name) in self.groups.into_iter().zip(labels) {
            let per = |n: u32| {
                if g.words == 0 { 0.0 } else { (f64::from(n) * 1000.0 / g.words as f64 * 100.0).round() / 100.0 }
            };
            for c in &mut g.cells {
                c.per_1000_words = Rates { listed: per(c.listed.total()), mentions: per(c.mentions.total()) };
            }
            let non_empty = |s: String| (!s.is_empty()).then_some(s);
            areas.push(Group {
                area: name.clone(),
                code: non_empty(key.code),
                region: non_empty(key.region),
                inspected: g.inspected,
                documents: g.documents.done(shelf.as_ref()),
            });
            accs.push((name, g.inspected, g.cells));
        }
        // The views first, from the cells in place; then the cells move into the theme rows
        // (no copy of their evidence is made).
        let inspected: Vec<(&str, &[Cell])> =
            accs.iter().filter(|a| a.1).map(|(name, _, cells)| (name.as_str(), cells.as_slice())).collect();
        let views::Views { flips, shared, unique, similarity } = views::derive(&self.themes, &inspected);
        let themes: Vec<ThemeRow> = self
            .themes
            .iter()
            .enumerate()
            .map(|(t, (id, label))| ThemeRow {
                theme: id.clone(),
                label: label.clone(),
                cells: accs.iter_mut().map(|(name, _, cells)| (name.clone(), std::mem::take(&mut cells[t]))).collect(),
            })
            .collect();
        Comparison { group_by: self.group_by, areas, themes, flips, shared, unique, similarity }
    }
}
