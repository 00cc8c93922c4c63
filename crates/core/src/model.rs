//! The findings model: what a parsed document looks like.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original input.
///
/// Spans always fall on UTF-8 character boundaries of the input they were made from, so
/// `&input[span.range()]` never panics. They serialise as a two-element array `[start, end]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (byte offsets).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The span as a range, for slicing: `&text[span.range()]`.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies within this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (self.start, self.end).serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (start, end) = <(usize, usize)>::deserialize(d)?;
        if start > end {
            return Err(serde::de::Error::custom("span start is after its end"));
        }
        Ok(Span { start, end })
    }
}

/// What kind of document this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    /// A joint targeted area inspection letter or a focused-visit letter.
    InspectionLetter,
    /// A partner's reply to an inspection.
    ResponseLetter,
    /// A partnership briefing (e.g. a "7-minute briefing").
    Briefing,
    /// A partnership business or action plan.
    Plan,
    /// A longer inspection report (ILACS, SIF, area SEND).
    Report,
    /// Anything else that is readable text.
    Other,
}

impl DocKind {
    /// The kebab-case name used in output (`inspection-letter`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            DocKind::InspectionLetter => "inspection-letter",
            DocKind::ResponseLetter => "response-letter",
            DocKind::Briefing => "briefing",
            DocKind::Plan => "plan",
            DocKind::Report => "report",
            DocKind::Other => "other",
        }
    }
}

/// The canonical kind of a section, whatever its heading says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// The opening of the letter, from its title to the first heading.
    Introduction,
    /// "Context".
    Context,
    /// "Headline findings", "Overview".
    HeadlineFindings,
    /// "Areas for priority action".
    PriorityActions,
    /// "What needs to improve?", "Areas for improvement", "Learning points".
    Improvements,
    /// "Strengths", "Key strengths", "What worked well".
    Strengths,
    /// "Main findings", "Findings".
    MainFindings,
    /// "Practice study: highly effective practice" and its variants.
    PracticeStudyEffective,
    /// "Practice study: area for improvement" and its variants.
    PracticeStudyImprovement,
    /// "Next steps".
    NextSteps,
    /// "Yours sincerely" and the signatories.
    Closing,
    /// Any other section.
    Other,
}

impl SectionKind {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            SectionKind::Introduction => "introduction",
            SectionKind::Context => "context",
            SectionKind::HeadlineFindings => "headline-findings",
            SectionKind::PriorityActions => "priority-actions",
            SectionKind::Improvements => "improvements",
            SectionKind::Strengths => "strengths",
            SectionKind::MainFindings => "main-findings",
            SectionKind::PracticeStudyEffective => "practice-study-effective",
            SectionKind::PracticeStudyImprovement => "practice-study-improvement",
            SectionKind::NextSteps => "next-steps",
            SectionKind::Closing => "closing",
            SectionKind::Other => "other",
        }
    }

    /// All kinds, in the order a letter usually has them.
    pub const ALL: [SectionKind; 12] = [
        SectionKind::Introduction,
        SectionKind::Context,
        SectionKind::HeadlineFindings,
        SectionKind::PriorityActions,
        SectionKind::Improvements,
        SectionKind::Strengths,
        SectionKind::MainFindings,
        SectionKind::PracticeStudyEffective,
        SectionKind::PracticeStudyImprovement,
        SectionKind::NextSteps,
        SectionKind::Closing,
        SectionKind::Other,
    ];

    /// Whether the section is a list of findings (priority actions, improvements or strengths).
    pub fn is_list(&self) -> bool {
        matches!(self, SectionKind::PriorityActions | SectionKind::Improvements | SectionKind::Strengths)
    }
}

impl std::str::FromStr for SectionKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        SectionKind::ALL.iter().copied().find(|k| k.as_str() == s).ok_or_else(|| format!("unknown section kind '{s}'"))
    }
}

/// Whether a block is a list item or a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// A bullet or numbered point, whole.
    Item,
    /// A paragraph of running text (also a sub-heading inside a section).
    Paragraph,
}

/// One sentence of a block.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    /// The cleaned sentence text.
    pub text: String,
    /// Where the sentence lies in the original input.
    pub span: Span,
    /// Byte offset of the sentence in its block's text.
    #[serde(skip)]
    pub(crate) offset: usize,
}

impl PartialEq for Sentence {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.span == other.span
    }
}

impl Eq for Sentence {}

/// A paragraph or a list item.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    /// Item or paragraph.
    pub kind: BlockKind,
    /// Cleaned text: page furniture removed, lines unwrapped, whitespace single, quotes straight,
    /// bullet glyph and footnote markers dropped.
    pub text: String,
    /// From the first to the last character of the block in the original input.
    pub span: Span,
    /// The block's sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Where each part of `text` came from (empty for a block read back from JSON).
    #[serde(skip)]
    pub(crate) offsets: crate::clean::OffsetMap,
}

impl PartialEq for Block {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.text == other.text
            && self.span == other.span
            && self.sentences == other.sentences
    }
}

impl Eq for Block {}

impl Block {
    /// The original span of the byte range `[start, end)` of [`Block::text`], when the block
    /// was parsed in this process (a block read back from JSON has no map: `None`).
    pub fn original_span(&self, start: usize, end: usize) -> Option<Span> {
        if self.offsets.is_empty() || start > end || end > self.text.len() {
            return None;
        }
        Some(self.offsets.span(start, end))
    }
}

/// A section of a document under one heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Canonical kind.
    pub kind: SectionKind,
    /// The heading as written (cleaned), or `None` for an untitled opening section.
    pub heading: Option<String>,
    /// From the heading (or first block) to the end of the last block, in the original input.
    pub span: Span,
    /// Paragraphs and items, in order.
    pub blocks: Vec<Block>,
}

impl Section {
    /// The section's items (bullets and numbered points).
    pub fn items(&self) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(|b| b.kind == BlockKind::Item)
    }
}

/// A person named in a letter, with their role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The name as written (honours kept, e.g. "Martin Jones CBE").
    pub name: String,
    /// The role, or `None` when none is given.
    pub role: Option<String>,
}

/// The inspection period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Period {
    /// First day (ISO `YYYY-MM-DD`).
    pub start: Option<Date>,
    /// Last day (ISO `YYYY-MM-DD`).
    pub end: Option<Date>,
}

/// A calendar date; serialises as ISO `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2026.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, 1–31.
    pub day: u8,
}

impl Date {
    /// A date, if the day exists in that month.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let bad = || format!("not an ISO date (YYYY-MM-DD): '{s}'");
        let mut it = s.splitn(3, '-');
        let y = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let m = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        let d = it.next().and_then(|p| p.parse().ok()).ok_or_else(bad)?;
        Date::new(y, m, d).ok_or_else(bad)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Inspectorates, normalised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Inspectorate {
    /// Office for Standards in Education, Children's Services and Skills.
    Ofsted,
    /// Care Quality Commission.
    #[serde(rename = "CQC")]
    Cqc,
    /// His/Her Majesty's Inspectorate of Constabulary (and Fire & Rescue Services); earlier HMIC.
    #[serde(rename = "HMICFRS")]
    Hmicfrs,
    /// His/Her Majesty's Inspectorate of Probation.
    #[serde(rename = "HMIP")]
    Hmip,
}

impl Inspectorate {
    /// The normalised code: `Ofsted`, `CQC`, `HMICFRS`, `HMIP`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Inspectorate::Ofsted => "Ofsted",
            Inspectorate::Cqc => "CQC",
            Inspectorate::Hmicfrs => "HMICFRS",
            Inspectorate::Hmip => "HMIP",
        }
    }
}

/// What the letterhead, title and closing say about a document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Meta {
    /// The local area the document is about ("Leicestershire").
    pub area: Option<String>,
    /// The letter's date.
    pub date: Option<Date>,
    /// The title line(s) ("Joint targeted area inspection of Leicestershire").
    pub title: Option<String>,
    /// What the inspection looked at ("child sexual abuse in the family environment").
    pub topic: Option<String>,
    /// When the inspection took place.
    pub inspection: Period,
    /// Inspectorates that carried it out.
    pub inspectorates: Vec<Inspectorate>,
    /// Whom the letter is addressed to.
    pub addressees: Vec<Person>,
    /// The "Dear …" line.
    pub salutation: Option<String>,
    /// Who signed it.
    pub signatories: Vec<Person>,
    /// The principal authority named in "Next steps".
    pub principal_authority: Option<String>,
    /// The date by which the written statement of action is due.
    pub deadline: Option<Date>,
}

/// Something the parser noticed but could work around.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// A stable kebab-case code (`missing-section`, `section-order`, …).
    pub code: String,
    /// A human-readable explanation.
    pub message: String,
}

/// A parsed document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// What kind of document it is.
    pub kind: DocKind,
    /// Metadata from the letterhead, title, next steps and closing.
    pub meta: Meta,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Things noticed while parsing.
    pub warnings: Vec<Warning>,
}

impl Document {
    /// The first section of the given kind.
    pub fn section(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// All sections of the given kind (reports repeat some).
    pub fn sections_of(&self, kind: SectionKind) -> impl Iterator<Item = &Section> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }

    /// Number of words in the document's blocks (for per-1,000-word rates).
    pub fn word_count(&self) -> usize {
        self.sections.iter().flat_map(|s| &s.blocks).map(|b| b.text.split_whitespace().count()).sum()
    }
}
