//! What the metadata stage reads from a document: its kind, date, area, title, topic,
//! inspection period, inspectorates, the people it is addressed to and signed by, and its
//! next steps.

use serde::{Deserialize, Serialize};

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

    /// All kinds, in output order.
    pub const ALL: [DocKind; 6] = [
        DocKind::InspectionLetter,
        DocKind::ResponseLetter,
        DocKind::Briefing,
        DocKind::Plan,
        DocKind::Report,
        DocKind::Other,
    ];

    /// Whether the document is an inspection's own (a letter or a report), as opposed to what
    /// partners publish beside it (responses, briefings, plans).
    pub fn is_inspection(&self) -> bool {
        matches!(self, DocKind::InspectionLetter | DocKind::Report)
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

    /// Days since 1 January 1970 (negative before): for the number of days between dates.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The same day `years` years on (the 28th for 29 February in a year without one).
    pub fn plus_years(&self, years: i32) -> Option<Date> {
        let year = u16::try_from(i32::from(self.year) + years).ok()?;
        Date::new(year, self.month, self.day).or_else(|| Date::new(year, self.month, 28))
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
    /// The local area the document is about, by its authorities' canonical names
    /// ("Leicestershire"; "Leicester, Leicestershire and Rutland").
    pub area: Option<String>,
    /// The local authorities the document is about, from the built-in gazetteer: canonical
    /// name, ONS GSS code and region; several for a partnership of authorities.
    #[serde(default)]
    pub authorities: Vec<super::Authority>,
    /// The letter's date.
    pub date: Option<Date>,
    /// The title line(s) ("Joint targeted area inspection of Leicestershire").
    pub title: Option<String>,
    /// What the inspection looked at, in the document's words ("child sexual abuse in the
    /// family environment"; a JTAI's deep dive rather than its generic title).
    pub topic: Option<String>,
    /// The type of inspection (`jtai`, `focused-visit`, `ilacs`, `area-send`, …).
    #[serde(default)]
    pub inspection_type: Option<super::InspectionType>,
    /// The topic as a short code from the documented list (`domestic-abuse`, `front-door`,
    /// `care-leavers`, …; see `letters_core::meta::TOPICS`).
    #[serde(default)]
    pub topic_code: Option<super::TopicCode>,
    /// The judgements the document states: ILACS grades per judgement area, the area SEND
    /// inspection outcome.
    #[serde(default)]
    pub judgements: Vec<super::Judgement>,
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
