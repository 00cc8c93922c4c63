//! What corpus analysis keeps of a document: what it says about itself, how it lists each
//! theme, its listed items (the evidence) and the counts of the words of its findings.

use serde::{Deserialize, Serialize};

use super::{Corpus, terms};
use crate::compare::Listed;
use crate::document::Document;
use crate::meta::{Authority, Date, DocKind, InspectionType};
use crate::structure::SectionKind;
use crate::tag::Tagger;
use crate::text::Span;

/// Words of an item that tagged it with a theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The theme (taxonomy index).
    pub theme: u32,
    /// Start of the words: a byte offset into the item's `text`.
    pub start: usize,
    /// End of the words, likewise.
    pub end: usize,
}

/// A listed item of a document: a finding of a strengths, improvements or priority-actions list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRecord {
    /// Its list.
    pub section: SectionKind,
    /// Its text.
    pub text: String,
    /// Where it is in its file.
    pub span: Span,
    /// Its themes (taxonomy indices).
    pub themes: Vec<u32>,
    /// The words that tagged each theme, in order.
    pub marks: Vec<Mark>,
}

/// A document as corpus analysis sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Its path.
    pub path: String,
    /// Its kind.
    pub kind: DocKind,
    /// The type of inspection.
    pub inspection_type: Option<InspectionType>,
    /// The topic code.
    pub topic_code: Option<crate::meta::TopicCode>,
    /// The letter's date, else the end of the inspection.
    pub date: Option<Date>,
    /// Its area, by name.
    pub area: Option<String>,
    /// Its authorities.
    pub authorities: Vec<Authority>,
    /// How each theme listed in it is listed: (taxonomy index, counts), by index.
    pub listed: Vec<(u32, Listed)>,
    /// Its listed items.
    pub items: Vec<ItemRecord>,
    /// The text of its findings (list items and the sentences of its findings sections), when
    /// kept: the evidence of keyness.
    pub findings: Vec<String>,
    /// Word and phrase counts of its findings (moved into the corpus's vocabulary when added).
    #[serde(skip)]
    pub(crate) terms: Vec<(String, u32)>,
}

impl DocRecord {
    /// The authorities' codes, `;` between several.
    pub fn area_code(&self) -> Option<String> {
        (!self.authorities.is_empty())
            .then(|| self.authorities.iter().map(|a| a.code.as_str()).collect::<Vec<_>>().join(";"))
    }

    /// The regions, `;` between several.
    pub fn region(&self) -> Option<String> {
        let mut r: Vec<&str> = self.authorities.iter().map(|a| a.region.as_str()).collect();
        r.dedup();
        (!r.is_empty()).then(|| r.join(";"))
    }

    /// How theme `t` is listed.
    pub fn listed(&self, t: u32) -> Listed {
        self.listed.binary_search_by_key(&t, |(i, _)| *i).map_or_else(|_| Listed::default(), |i| self.listed[i].1)
    }
}

/// Sections whose findings are findings: not a letter's opening, context, next steps or closing.
fn is_findings_section(kind: SectionKind) -> bool {
    !matches!(kind, SectionKind::Introduction | SectionKind::Context | SectionKind::NextSteps | SectionKind::Closing)
}

impl Corpus {
    /// Records `doc` (read from `path`) for analysis, tagging it with `tagger`; `keep_findings`
    /// keeps the text of its findings, for the evidence of keyness. Takes `&self`: documents
    /// can be recorded in parallel and added in order.
    pub fn record(&self, path: &str, doc: &Document, tagger: &Tagger, keep_findings: bool) -> DocRecord {
        let mut listed = vec![Listed::default(); self.themes.len()];
        let mut items = Vec::new();
        let mut findings = Vec::new();
        let mut counts = std::collections::HashMap::new();
        tagger.visit_document(doc, |u| {
            if !is_findings_section(u.section) {
                return;
            }
            let text = u.text();
            terms::count(text, &mut counts);
            if keep_findings {
                findings.push(text.to_string());
            }
            if !u.is_listed() {
                return;
            }
            let mut themes: Vec<u32> = u.themes.iter().map(|h| h.entry).collect();
            themes.sort_unstable();
            themes.dedup();
            for &t in &themes {
                if let Some(side) = u.listed_as(t) {
                    listed[t as usize].count(side);
                }
            }
            let mut marks: Vec<Mark> = u
                .themes
                .iter()
                .filter(|h| h.start >= u.start && h.end <= u.end)
                .map(|h| Mark { theme: h.entry, start: h.start - u.start, end: h.end - u.start })
                .collect();
            marks.sort_by_key(|m| (m.start, m.end, m.theme));
            marks.dedup();
            items.push(ItemRecord {
                section: u.section,
                text: text.to_string(),
                span: u.span_of(u.start, u.end),
                themes,
                marks,
            });
        });
        let mut terms: Vec<(String, u32)> = counts.into_iter().collect();
        terms.sort_unstable();
        DocRecord {
            path: path.to_string(),
            kind: doc.kind,
            inspection_type: doc.meta.inspection_type,
            topic_code: doc.meta.topic_code,
            date: doc.meta.date.or(doc.meta.inspection.end),
            area: doc.meta.area.clone(),
            authorities: doc.meta.authorities.clone(),
            listed: listed.into_iter().enumerate().filter(|(_, l)| l.total() > 0).map(|(t, l)| (t as u32, l)).collect(),
            items,
            findings,
            terms,
        }
    }
}
