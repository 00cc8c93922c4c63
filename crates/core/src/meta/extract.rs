//! Metadata: date, area, title, topic, inspection period, inspectorates, addressees,
//! salutation, signatories, principal authority and deadline — each read by a step of its own
//! from the letterhead, the title and the sections.

use std::sync::LazyLock;

use regex::Regex;

use super::dates::Reconciled;
use super::inspection::{self, InspectionType, Judgement};
use super::model::{Date, DocKind, Inspectorate, Meta, Period};
use super::{area, dates, people};
use crate::error::Warning;
use crate::read::lines::Line;
use crate::structure::clean::{CleanOptions, clean_text};
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
    /// The cleaned text of the head's lines (the first [`HEAD_LINES`]), each made once, when
    /// first needed: the letterhead, title, dates and inspection type are all read from them.
    pub head: Vec<std::cell::OnceCell<std::borrow::Cow<'a, str>>>,
}

impl Input<'_> {
    /// The cleaned text of line `k` (quotes straight, markup dropped).
    fn line_text(&self, k: usize) -> std::borrow::Cow<'_, str> {
        let clean = |k: usize| clean_text(self.src, self.lines[k].start, self.lines[k].end, self.opts);
        match self.head.get(k) {
            Some(cell) => std::borrow::Cow::Borrowed(cell.get_or_init(|| clean(k))),
            None => clean(k),
        }
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
/// What a focused visit looked at: "Inspectors looked at the local authority's arrangements for
/// care leavers" (not "Inspectors looked at a range of evidence").
static LOOKED_AT: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^Inspectors (?:looked at|reviewed|considered|evaluated|examined) (?P<topic>(?:the local authority['’]s |how the local authority |the )?(?:arrangements|supports|quality|response|work|practice|planning|placement).+?)\.?$").unwrap()
});
/// The visits of 2020–21 on practice during the COVID-19 pandemic.
static PANDEMIC: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)\bcovid-19\b|\bcoronavirus\b").unwrap());

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

/// The label of a report's publication date.
static PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)^(?:published|publication date|date published|date of publication)\s*:?\s*(.+)$").unwrap()
});
/// The label of a report's inspection dates.
static INSPECTION_DATES: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)^(?:inspection|visit) dates?\b[:\s]*(.*)$").unwrap());
/// A sentence about an earlier inspection ("Dates of previous inspection", "since the last
/// inspection in 2019").
static EARLIER: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)\b(?:previous|last|prior|earlier|most recent)\s+(?:full\s+)?(?:inspection|visit)").unwrap()
});

static PRINCIPAL: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)determined that (?:the )?(?P<pa>.+?) (?:is|will be|should be) the principal authority").unwrap()
});
static DEADLINE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)written statement|statement of (?:proposed )?action|action plan|should send|submit").unwrap()
});

/// Extracts the metadata, with warnings about dates it corrected or found inconsistent.
pub(crate) fn extract(input: &Input<'_>) -> (Meta, Vec<Warning>) {
    let mut meta = Meta::default();
    let mut warnings = Vec::new();
    let (head_lines, address) = letterhead(input, &mut meta);
    title_and_topic(input, &mut meta);
    meta.inspection = inspection_period(input, meta.date);
    warnings.extend(date_warning(&mut meta));
    let opening: Vec<&str> =
        input.sentences(|s| s.kind != SectionKind::Closing).take(40).map(|s| s.text.as_str()).collect();
    let places = area::Places {
        title: meta.title.as_deref(),
        salutation: meta.salutation.as_deref(),
        opening,
        address: address.iter().map(String::as_str).collect(),
    };
    meta.authorities = area::authorities(&places, meta.date.or(meta.inspection.end));
    meta.area = area::joined_names(&meta.authorities);
    what_inspection(input, &mut meta);
    meta.inspectorates = inspectorates(input, &head_lines);
    next_steps(input, &mut meta);
    if let Some(closing) = input.sections.iter().rev().find(|s| s.kind == SectionKind::Closing) {
        let from = input.line_of(closing.span.start) + 1;
        let lines = input.content_lines(from, input.lines.len()).map(|k| (k, input.line_text(k).into_owned()));
        meta.signatories = people::signatories(lines);
    }
    (meta, warnings)
}

/// Reconciles the letter's date with its inspection period, saying what was corrected.
fn date_warning(meta: &mut Meta) -> Option<Warning> {
    let show = |p: &Period| format!("{} to {}", opt(p.start), opt(p.end));
    fn opt(d: Option<Date>) -> String {
        d.map_or_else(|| "?".into(), |d| d.to_string())
    }
    let (code, message) = match dates::reconcile(&mut meta.date, &mut meta.inspection)? {
        Reconciled::LetterYear { written } => (
            "date-corrected",
            format!(
                "the letter is dated {written}, which does not fit its inspection ({}); read as {}",
                show(&meta.inspection),
                opt(meta.date)
            ),
        ),
        Reconciled::InspectionYear { written } => (
            "date-corrected",
            format!(
                "the inspection dates {} do not fit the letter's date ({}); read as {}",
                show(&written),
                opt(meta.date),
                show(&meta.inspection)
            ),
        ),
        Reconciled::Inconsistent => (
            "date-inconsistent",
            format!("the letter's date ({}) does not fit its inspection ({})", opt(meta.date), show(&meta.inspection)),
        ),
    };
    Some(Warning { code: code.into(), message })
}

/// The letterhead's date, salutation and the addressees between them; returns the letterhead's
/// content lines and the address lines (between the date and the salutation).
fn letterhead(input: &Input<'_>, meta: &mut Meta) -> (Vec<usize>, Vec<String>) {
    let front = input.front;
    let head_end =
        if front.letterhead.is_empty() && front.title.is_none() { input.lines.len().min(40) } else { front.body_line };
    let head_lines: Vec<usize> = input.content_lines(0, head_end).collect();
    let date_at = head_lines.iter().position(|&k| dates::whole_date(&input.line_text(k)).is_some());
    meta.date = date_at.and_then(|i| dates::whole_date(&input.line_text(head_lines[i])));
    if meta.date.is_none() {
        // A report's publication date ("Published: 3 July 2009").
        meta.date = (0..input.lines.len().min(80)).find_map(|k| {
            let raw = input.lines[k].text(input.src);
            if !raw.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("publ") || p.eq_ignore_ascii_case("date")) {
                return None;
            }
            let t = input.line_text(k);
            PUBLISHED.captures(&t).and_then(|c| dates::whole_date(&c[1]))
        });
    }
    if meta.date.is_none() && input.kind.is_inspection() {
        // A letterhead that PDF extraction put after the first paragraphs: a line of the
        // first page that is a date and nothing else.
        meta.date = input
            .content_lines(0, input.lines.len())
            .take_while(|&k| input.lines[k].page == 0)
            .find_map(|k| dates::whole_date(&input.line_text(k)));
    }
    let salutation_at = head_lines.iter().position(|&k| input.line_text(k).starts_with("Dear "));
    if let Some(s) = salutation_at {
        meta.salutation = Some(input.line_text(head_lines[s]).trim().to_string());
    }
    let mut address = Vec::new();
    if let (Some(d), Some(s)) = (date_at, salutation_at)
        && d < s
    {
        address = head_lines[d + 1..s].iter().map(|&k| input.line_text(k).into_owned()).collect();
        meta.addressees = people::addressees(&address);
    }
    (head_lines, address)
}

/// The title, and the topic it (or the opening) names.
fn title_and_topic(input: &Input<'_>, meta: &mut Meta) {
    meta.title = input.front.title.as_ref().map(|t| t.block.text.clone());
    if let Some(title) = &meta.title {
        meta.topic = TOPIC.captures(title).map(|c| c["topic"].trim().to_string());
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
    if meta.topic.is_none() {
        // The visits of 2020–21 looked at practice during the pandemic.
        let intro = input.sentences(|s| matches!(s.kind, SectionKind::Introduction | SectionKind::Context));
        meta.topic =
            intro.clone().find(|s| PANDEMIC.is_match(&s.text)).map(|s| s.text.trim_end_matches('.').to_string());
    }
}

/// The inspection period, for an inspection's own documents: the dates after an "Inspection
/// dates" label near the top (reports repeat them in a running footer, so furniture is read
/// too); else the first date range of the opening sections that is not about an earlier
/// inspection (or a single date for a one-day visit).
fn inspection_period(input: &Input<'_>, letter_date: Option<Date>) -> Period {
    if !input.kind.is_inspection() {
        return Period::default();
    }
    if let Some(p) = labelled_period(input, letter_date) {
        return p;
    }
    let opening: Vec<&str> = input.opening().into_iter().filter(|s| !EARLIER.is_match(s)).collect();
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

/// "Inspection dates: 4 December 2023 to 8 December 2023", the dates perhaps on the next lines.
fn labelled_period(input: &Input<'_>, letter_date: Option<Date>) -> Option<Period> {
    let lines: Vec<usize> = (0..input.lines.len().min(80)).filter(|&k| !input.lines[k].is_blank()).collect();
    for (i, &k) in lines.iter().enumerate() {
        let raw = input.lines[k].text(input.src).as_bytes();
        let labelled = |p: &[u8]| raw.len() >= p.len() && raw[..p.len()].eq_ignore_ascii_case(p);
        if !labelled(b"inspection date") && !labelled(b"visit date") {
            continue;
        }
        let text = input.line_text(k);
        let Some(c) = INSPECTION_DATES.captures(&text) else { continue };
        let mut dates_text = c[1].to_string();
        for &next in lines.iter().skip(i + 1).take(2) {
            dates_text.push(' ');
            dates_text.push_str(&input.line_text(next));
        }
        let period = dates::find_period(&dates_text, letter_date).or_else(|| {
            let d = dates::find_dates(&dates_text).first()?.0;
            Some(Period { start: Some(d), end: Some(d) })
        });
        if period.is_some() {
            return period;
        }
    }
    None
}

/// The text of the first two pages, line by line, page furniture included (footnotes state a
/// JTAI's deep dive; reports repeat their dates in running footers).
fn head_text(input: &Input<'_>) -> String {
    let lines = input.lines.iter().enumerate().take(HEAD_LINES).take_while(|(_, l)| l.page <= 1);
    lines.filter(|(_, l)| !l.is_blank()).map(|(k, _)| input.line_text(k)).collect::<Vec<_>>().join("\n")
}

/// How many lines the head of a document (its first two pages) holds at most, for text without
/// page breaks.
pub(crate) const HEAD_LINES: usize = 160;

/// The type of inspection, its topic code (and, for a JTAI with a deep dive, the deep dive as
/// the topic's wording), and the judgements the document states.
fn what_inspection(input: &Input<'_>, meta: &mut Meta) {
    let head = head_text(input);
    meta.inspection_type = inspection::inspection_type(meta.title.as_deref(), &head);
    // A JTAI's deep dive is its topic when its title only says "abuse and neglect" (2016–19).
    let flat = head.replace('\n', " ");
    let generic = meta.topic.as_deref().is_none_or(|t| t.eq_ignore_ascii_case("abuse and neglect"));
    if generic && let Some(dive) = inspection::deep_dive(&flat).filter(|d| inspection::topic_code(d).is_some()) {
        meta.topic = Some(dive);
    }
    meta.topic_code = match meta.inspection_type {
        Some(InspectionType::AreaSend | InspectionType::JointLocalAreaSend) => Some(inspection::TopicCode::SEND),
        Some(InspectionType::Ilacs | InspectionType::Sif) => None,
        _ => meta.topic.as_deref().and_then(inspection::topic_code),
    };
    meta.judgements = inspection::graded_table(head.lines());
    if meta.inspection_type == Some(InspectionType::AreaSend)
        && let Some(grade) = input
            .sentences(|s| s.kind == SectionKind::HeadlineFindings)
            .take(3)
            .find_map(|s| inspection::send_outcome(&s.text))
    {
        meta.judgements.push(Judgement { area: "Inspection outcome".into(), grade });
    }
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
