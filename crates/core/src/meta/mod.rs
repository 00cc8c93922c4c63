//! The metadata stage: what a document is and what it says about itself — its kind
//! (`kind`), dates (`dates`), area (`area`), the people it is addressed to and signed by
//! (`people`), everything else its letterhead, title and sections state (`extract`), and
//! warnings about what is missing or out of order (`warnings`).

pub(crate) mod area;
pub(crate) mod dates;
pub(crate) mod extract;
pub(crate) mod gazetteer;
pub(crate) mod inspection;
pub(crate) mod kind;
mod model;
pub(crate) mod people;
mod select;
pub(crate) mod warnings;

pub use gazetteer::{Authority, all_authorities, find_authority};
pub use inspection::{Grade, InspectionType, Judgement, TOPICS, Topic, TopicCode};
pub use model::{Date, DocKind, Inspectorate, Meta, Period, Person};
pub use select::Selection;

use crate::error::Warning;
use crate::structure::{Parsed, SectionKind};
use crate::text::prefix;

/// What the metadata stage reads from a parsed document.
pub(crate) struct Read {
    pub kind: DocKind,
    pub meta: Meta,
    pub warnings: Vec<Warning>,
}

/// Reads the kind, metadata and structural warnings of `text`, parsed as `parsed`.
pub(crate) fn read(text: &str, parsed: &Parsed) -> Read {
    let kinds: Vec<SectionKind> = parsed.sections.iter().map(|s| s.kind).collect();
    let mut kind = kind::detect(prefix(text, 4000), &kinds);
    let (meta, mut notes) = extract::extract(&extract::Input {
        src: text,
        lines: &parsed.lines,
        furniture: &parsed.furniture.flags,
        front: &parsed.front,
        sections: &parsed.sections,
        kind,
        opts: parsed.clean_options(),
        head: vec![std::cell::OnceCell::new(); extract::HEAD_LINES.min(parsed.lines.len())],
    });
    // A document that names the inspection it reports is that inspection's report.
    if kind == DocKind::Other && meta.inspection_type.is_some() {
        kind = DocKind::Report;
    }
    let mut warnings = warnings::check(kind, &meta, &parsed.sections);
    warnings.append(&mut notes);
    Read { kind, meta, warnings }
}
