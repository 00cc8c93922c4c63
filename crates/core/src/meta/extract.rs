//! Metadata: date, area, title, topic, inspection period, inspectorates, addressees,
//! salutation, signatories, principal authority and deadline — each read by a step of its own
//! from the letterhead, the title and the sections.

use std::sync::LazyLock;

use regex::Regex;

use super::model::{DocKind, Inspectorate, Meta, Period};
use super::{area, dates, people};
use crate::read::lines::Line;
use crate::structure::clean::{CleanOptions, clean_segment};
use crate::structure::sections::Front;
use crate::structure::{Section, SectionKind, Sentence};
use crate::text::rx::regex;

/// What metadata extraction looks at.
pub(crate) struct Input<'a> {
    pub src: &'a str,
    pub lines: &'a [Line],
    pub furniture: &'a [bool],
    pub front: &'a Front,
    pub sections: &'a [Section],
    pub kind: DocKind,
    pub opts: CleanOptions<'a>,
}

impl Input<'_> {
    /// The cleaned text of line `k` (quotes straight, markup dropped).
    fn line_text(&self, k: usize) -> String {
        clean_segment(self.src, self.lines[k].start, self.lines[k].end, self.opts)
    }

    fn content_lines(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        (from..to.min(self.lines.len())).filter(|&k| !self.lines[k].is_blank() && !self.furniture[k])
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.start <= offset).saturating_sub(1)
    }

    /// The sentences of the sections that pass `keep`, in order.
    fn sentences(&self, keep: impl Fn(&Section) -> bool + Clone) -> impl Iterator<Item = &Sentence> + Clone {
        self.sections.iter().filter(move |s| keep(s)).flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences))
    }

    /// The sentences of the opening sections (up to four, before main findings, next steps or
    /// the closing): where a letter says when the inspection took place.
    fn opening(&self) -> Vec<&str> {
        self.sections
            .iter()
            .take_while(|s| {
                !matches!(s.kind, SectionKind::MainFindings | SectionKind::NextSteps | SectionKind::Closing)
            })
            .take(4)
            .flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences))
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// "…the multi-agency response to ‹topic› in ‹Area›": the topic runs to the last " in " before
/// a capitalised place name.
static TOPIC: LazyLock<Regex> =
    LazyLock::new(|| regex(r"multi-agency response to (?P<topic>.+),? in (?:the )?[A-Z][\w'’ &-]*\.?$").unwrap());
static LOOKED_AT: LazyLock<Regex> = LazyLock::new(|| regex(r"^Inspectors looked at (?P<topic>.+?)\.?$").unwrap());

static INSPECTORATES: LazyLock<[(Inspectorate, Regex); 4]> = LazyLock::new(|| {
    [
        (Inspectorate::Ofsted, regex(r"\bOfsted\b").unwrap()),
        (Inspectorate::Cqc, regex(r"\bCare Quality Commission\b|\bCQC\b").unwrap()),
        (
            Inspectorate::Hmicfrs,
            regex(r"\bHMICFRS\b|\bHMIC\b|Inspectorate of Constabulary|\bHMI\s+Constabulary").unwrap(),
        ),
        (Inspectorate::Hmip, regex(r"\bHMIP\b|\bHMI\s+Prob(?:ation)?\b|Inspectorate of Probation").unwrap()),
    ]
});
static INSPECTED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)carried out|undertook|undertaken|inspectors from|conducted by|jointly inspected|led by|inspection by|were carried out|took part").unwrap()
});

static PRINCIPAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)determined that (?:the )?(?P<pa>.+?) (?:is|will be|should be) the principal authority").unwrap()
});
static DEADLINE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)written statement|statement of (?:proposed )?action|action plan|should send|submit").unwrap()
});

/// Extracts the metadata.
pub(crate) fn extract(input: &Input<'_>) -> Meta {
    let mut meta = Meta::default();
    let head_lines = letterhead(input, &mut meta);
    title_area_topic(input, &mut meta);
    meta.inspection = inspection_period(input, meta.date);
    meta.inspectorates = inspectorates(input, &head_lines);
    next_steps(input, &mut meta);
    if let Some(closing) = input.sections.iter().rev().find(|s| s.kind == SectionKind::Closing) {
        let from = input.line_of(closing.span.start) + 1;
        let lines = input.content_lines(from, input.lines.len()).map(|k| (k, input.line_text(k)));
        meta.signatories = people::signatories(lines);
    }
    meta
}

/// The letterhead's date, salutation and the addressees between them; returns the letterhead's
/// content lines.
fn letterhead(input: &Input<'_>, meta: &mut Meta) -> Vec<usize> {
    let front = input.front;
    let head_end =
        if front.letterhead.is_empty() && front.title.is_none() { input.lines.len().min(40) } else { front.body_line };
    let head_lines: Vec<usize> = input.content_lines(0, head_end).collect();
    let date_at = head_lines.iter().position(|&k| dates::whole_date(&input.line_text(k)).is_some());
    meta.date = date_at.and_then(|i| dates::whole_date(&input.line_text(head_lines[i])));
    let salutation_at = head_lines.iter().position(|&k| input.line_text(k).starts_with("Dear "));
    if let Some(s) = salutation_at {
        meta.salutation = Some(input.line_text(head_lines[s]).trim().to_string());
    }
    if let (Some(d), Some(s)) = (date_at, salutation_at)
        && d < s
    {
        let lines: Vec<String> = head_lines[d + 1..s].iter().map(|&k| input.line_text(k)).collect();
        meta.addressees = people::addressees(&lines);
    }
    head_lines
}

/// The title, and the area and topic it (or the salutation, or the opening) names.
fn title_area_topic(input: &Input<'_>, meta: &mut Meta) {
    meta.title = input.front.title.as_ref().map(|t| t.block.text.clone());
    if let Some(title) = &meta.title {
        meta.area = area::from_title(title);
        meta.topic = TOPIC.captures(title).map(|c| c["topic"].trim().to_string());
    }
    if meta.area.is_none() {
        meta.area = meta.salutation.as_deref().and_then(area::from_salutation);
    }
    if meta.area.is_none() && input.kind != DocKind::InspectionLetter {
        meta.area = input.sentences(|_| true).take(20).find_map(|s| area::from_text(&s.text));
    }
    if meta.topic.is_none() {
        let intro = input.sentences(|s| matches!(s.kind, SectionKind::Introduction | SectionKind::Context));
        meta.topic = intro.clone().find_map(|s| {
            TOPIC
                .captures(&s.text)
                .map(|c| c["topic"].trim().trim_end_matches(',').to_string())
                .or_else(|| LOOKED_AT.captures(&s.text).map(|c| c["topic"].to_string()))
        });
    }
}

/// The inspection period: the first date range in the opening sections (or a single date for a
/// one-day visit), for an inspection's own documents.
fn inspection_period(input: &Input<'_>, letter_date: Option<super::Date>) -> Period {
    if !input.kind.is_inspection() {
        return Period::default();
    }
    let opening = input.opening();
    opening
        .iter()
        .find_map(|s| dates::find_period(s, letter_date))
        .or_else(|| {
            opening.iter().filter(|s| s.contains("visit") || s.contains("took place")).find_map(|s| {
                let d = dates::find_dates(s).first()?.0;
                Some(Period { start: Some(d), end: Some(d) })
            })
        })
        .unwrap_or_default()
}

/// The inspectorates: those named in the first sentence that says who carried the inspection
/// out; else Ofsted, when an inspection's own document names it near the top.
fn inspectorates(input: &Input<'_>, head_lines: &[usize]) -> Vec<Inspectorate> {
    let named = |t: &str| -> Vec<Inspectorate> {
        INSPECTORATES.iter().filter(|(_, re)| re.is_match(t)).map(|(i, _)| *i).collect()
    };
    if let Some(s) = input.sentences(|_| true).find(|s| INSPECTED.is_match(&s.text) && !named(&s.text).is_empty()) {
        return named(&s.text);
    }
    if input.kind.is_inspection() {
        let head: String = head_lines.iter().map(|&k| input.line_text(k)).collect::<Vec<_>>().join("\n");
        if head.contains("Ofsted")
            || input.opening().iter().any(|s| s.contains("His Majesty's Inspector") || s.contains("Ofsted"))
        {
            return vec![Inspectorate::Ofsted];
        }
    }
    Vec::new()
}

/// Next steps: the principal authority and the written statement's deadline.
fn next_steps(input: &Input<'_>, meta: &mut Meta) {
    let next: Vec<&str> = input.sentences(|s| s.kind == SectionKind::NextSteps).map(|s| s.text.as_str()).collect();
    meta.principal_authority = next
        .iter()
        .find_map(|s| PRINCIPAL.captures(s).map(|c| c["pa"].trim().trim_end_matches(',').trim().to_string()));
    meta.deadline = next
        .iter()
        .filter(|s| DEADLINE_CUE.is_match(s))
        .filter_map(|s| dates::find_dates(s).last().map(|d| d.0))
        .next_back();
}
