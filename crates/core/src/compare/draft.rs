//! Evidence a worker keeps for a document before the comparer knows whether a cell will use
//! it. Its words go into one buffer per document (words drafted and then pushed out by a better
//! finding of the same document stay there until the summary is added), so a finding costs no
//! allocation of its own, and adding a summary frees a few buffers rather than every finding's
//! strings (freeing on another thread than the one that allocated is the slow case of malloc).

use std::ops::Range;

use super::CellEvidence;
use crate::structure::SectionKind;
use crate::tag::{Polarity, Unit};
use crate::text::Span;

/// A finding kept as evidence, its words in the document's [`Words`].
#[derive(Debug, Clone)]
pub(super) struct Draft {
    pub section: SectionKind,
    pub unit: Unit,
    pub polarity: Polarity,
    pub span: Span,
    /// Its text, a range of [`Words::text`].
    pub text: Range<usize>,
    /// The words that tagged the theme, a range of [`Words::matched`].
    pub matched: Range<usize>,
}

/// The words of one document's drafts: unit texts and matched words, one after another.
#[derive(Debug, Default)]
pub(super) struct Words {
    text: String,
    matched: Vec<Range<usize>>,
}

impl Words {
    /// Keeps `s`; returns where it is.
    pub fn push(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    /// Keeps the matched words `words`; returns where their ranges are.
    pub fn push_matched<'a>(&mut self, words: impl IntoIterator<Item = &'a str>) -> Range<usize> {
        let start = self.matched.len();
        for w in words {
            let r = self.push(w);
            self.matched.push(r);
        }
        start..self.matched.len()
    }

    /// The evidence `d` stands for, found in `path`.
    pub fn evidence(&self, d: &Draft, path: &str) -> CellEvidence {
        CellEvidence {
            path: path.to_string(),
            section: d.section,
            unit: d.unit,
            polarity: d.polarity,
            text: self.text[d.text.clone()].to_string(),
            span: d.span,
            matched: self.matched[d.matched.clone()].iter().map(|r| self.text[r.clone()].to_string()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_becomes_the_evidence_it_stands_for() {
        let mut words = Words::default();
        let text = words.push("Therapy starts quickly for children.");
        let matched = words.push_matched(["Therapy", "quickly"]);
        let d = Draft {
            section: SectionKind::Strengths,
            unit: Unit::Item,
            polarity: Polarity::Strength,
            span: Span { start: 10, end: 46 },
            text,
            matched,
        };
        let other = words.push_matched(["children"]);
        let ev = words.evidence(&d, "kent.txt");
        assert_eq!(ev.path, "kent.txt");
        assert_eq!(ev.text, "Therapy starts quickly for children.");
        assert_eq!(ev.matched, ["Therapy", "quickly"]);
        assert_eq!((ev.span.start, ev.span.end, ev.unit, ev.polarity), (10, 46, Unit::Item, Polarity::Strength));
        assert_eq!(words.evidence(&Draft { matched: other, ..d }, "kent.txt").matched, ["children"]);
    }
}
