//! What the inspection was: its type (a JTAI, a focused visit, an ILACS inspection, an area SEND
//! inspection, …), its topic as a short code from the list in [`TOPICS`] (the document's own
//! wording is kept beside it), and the judgement it states, where it states one (ILACS grades
//! per judgement area, the area SEND inspection outcome).

use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::text::rx::regex;

/// The type of inspection a document reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InspectionType {
    /// Joint targeted area inspection (Ofsted, CQC, HMICFRS, HMI Probation), 2016 on.
    Jtai,
    /// Ofsted focused visit to children's services (ILACS framework), 2018 on.
    FocusedVisit,
    /// Ofsted monitoring visit to children's services.
    MonitoringVisit,
    /// Inspection of local authority children's services (ILACS), 2018 on.
    Ilacs,
    /// Single inspection framework inspection of children's services, 2013–2018.
    Sif,
    /// Area SEND inspection of a local area partnership, 2023 on.
    AreaSend,
    /// Joint local area SEND inspection (and revisit), 2016–2022.
    JointLocalAreaSend,
    /// Joint area review and other inspections before 2013.
    JointAreaReview,
}

impl InspectionType {
    /// The kebab-case name used in output (`jtai`, `focused-visit`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            InspectionType::Jtai => "jtai",
            InspectionType::FocusedVisit => "focused-visit",
            InspectionType::MonitoringVisit => "monitoring-visit",
            InspectionType::Ilacs => "ilacs",
            InspectionType::Sif => "sif",
            InspectionType::AreaSend => "area-send",
            InspectionType::JointLocalAreaSend => "joint-local-area-send",
            InspectionType::JointAreaReview => "joint-area-review",
        }
    }

    /// All types, in output order.
    pub const ALL: [InspectionType; 8] = [
        InspectionType::Jtai,
        InspectionType::FocusedVisit,
        InspectionType::MonitoringVisit,
        InspectionType::Ilacs,
        InspectionType::Sif,
        InspectionType::AreaSend,
        InspectionType::JointLocalAreaSend,
        InspectionType::JointAreaReview,
    ];
}

impl std::str::FromStr for InspectionType {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        InspectionType::ALL.into_iter().find(|t| t.as_str() == s).ok_or_else(|| {
            let all: Vec<&str> = InspectionType::ALL.iter().map(|t| t.as_str()).collect();
            format!("unknown inspection type '{s}' (one of {})", all.join(", "))
        })
    }
}

/// The types by the words that name them, most specific first.
static TYPES: LazyLock<Vec<(InspectionType, Regex)>> = LazyLock::new(|| {
    let t = |ty, re: &str| (ty, regex(re).expect("inspection type pattern"));
    vec![
        t(InspectionType::Jtai, r"(?i)\bjoint targeted area inspection\b"),
        t(InspectionType::FocusedVisit, r"(?i)\bfocused visit\b"),
        t(InspectionType::MonitoringVisit, r"(?i)\bmonitoring visit\b"),
        t(
            InspectionType::JointLocalAreaSend,
            r"(?i)\b(?:joint )?local area send (?:inspection|revisit)\b|\bsend revisit\b",
        ),
        t(InspectionType::AreaSend, r"(?i)\barea send inspection\b|\blocal area partnership report\b"),
        t(
            InspectionType::Sif,
            r"(?i)\binspection of services for children in need of help and protection\b|\bsingle inspection framework\b",
        ),
        t(InspectionType::Ilacs, r"(?i)\binspection of [^\n]{1,80}?\blocal authority children['’]?s services\b"),
        t(
            InspectionType::JointAreaReview,
            r"(?i)\bjoint area review\b|\binspection of progress made in the provision of\b",
        ),
    ]
});

/// The type of inspection named in a document's title or first words.
pub(crate) fn inspection_type(title: Option<&str>, head: &str) -> Option<InspectionType> {
    let find = |text: &str| TYPES.iter().find(|(_, re)| re.is_match(text)).map(|(t, _)| *t);
    title.and_then(find).or_else(|| find(crate::text::prefix(head, 1500)))
}

/// A topic of the documented list: its code, what it covers, and the words that name it.
#[derive(Debug, Clone, Copy)]
pub struct Topic {
    /// The short code (`domestic-abuse`).
    pub code: &'static str,
    /// What it covers.
    pub label: &'static str,
    /// A regular expression over the document's wording of its topic (case-insensitive).
    pattern: &'static str,
}

/// The topics an inspection can have, most specific first: the deep dives of JTAIs, the
/// subjects of focused visits, and area SEND. A document's topic is the first whose pattern
/// its wording matches.
pub const TOPICS: &[Topic] = &[
    Topic {
        code: "csa-family",
        label: "child sexual abuse in the family environment (JTAI)",
        pattern: r"sexual abuse in the family|csafe",
    },
    Topic {
        code: "cse-and-missing",
        label: "child sexual exploitation and children missing from home, care or education (JTAI)",
        pattern: r"sexual exploitation.{0,120}missing|missing.{0,60}sexual exploitation",
    },
    Topic {
        code: "criminal-exploitation",
        label: "child criminal exploitation (JTAI)",
        pattern: r"criminal exploitation",
    },
    Topic {
        code: "serious-youth-violence",
        label: "serious youth violence (JTAI)",
        pattern: r"serious youth violence",
    },
    Topic {
        code: "exploitation",
        label: "children at risk of exploitation and extra-familial harm",
        pattern: r"exploitation|extra-familial",
    },
    Topic {
        code: "domestic-abuse",
        label: "children living with domestic abuse",
        pattern: r"domestic (?:abuse|violence)",
    },
    Topic { code: "mental-health", label: "children's mental health (JTAI)", pattern: r"mental health" },
    Topic { code: "neglect", label: "neglect (JTAI)", pattern: r"neglect" },
    Topic {
        code: "front-door",
        label: "initial need and risk at the front door: contacts, referrals and first decisions",
        pattern: r"front door|initial need|first point of contact|contacts and referrals|receiving referrals|referrals? (?:to|in)|\bmash\b",
    },
    Topic { code: "care-leavers", label: "care leavers", pattern: r"care leavers?|care-experienced" },
    Topic {
        code: "children-in-care",
        label: "children in care: placements, permanence, planning",
        pattern: r"children in care|looked after|permanence|placement",
    },
    Topic {
        code: "help-and-protection",
        label: "children in need and child protection",
        pattern: r"child(?:ren)? in need|protection plan|help and protection|pre-proceedings|letter before proceedings|child protection",
    },
    Topic { code: "disabled-children", label: "disabled children", pattern: r"disabled children|disabilit" },
    Topic {
        code: "covid-19",
        label: "practice during the COVID-19 pandemic (focused visits of 2020–21)",
        pattern: r"covid-19|coronavirus",
    },
    Topic {
        code: "send",
        label: "special educational needs and disabilities (area SEND)",
        pattern: r"\bsend\b|special educational needs",
    },
];

static TOPIC_PATTERNS: LazyLock<Vec<Regex>> =
    LazyLock::new(|| TOPICS.iter().map(|t| regex(&format!("(?i){}", t.pattern)).expect("topic pattern")).collect());

/// The code of the topic `wording` names.
pub(crate) fn topic_code(wording: &str) -> Option<TopicCode> {
    TOPIC_PATTERNS.iter().zip(TOPICS).find(|(re, _)| re.is_match(wording)).map(|(_, t)| TopicCode(t))
}

/// A topic's code, one of the documented list [`TOPICS`] (`domestic-abuse`, `send`, …). It is
/// written as the code; reading one not in the list is an error (the codes of older versions
/// are still in the list). It holds no text of its own, so a record of thousands of documents
/// does not hold thousands of copies of a few codes.
///
/// ```
/// use letters_core::meta::TopicCode;
/// let code = TopicCode::parse("front-door").expect("a listed code");
/// assert_eq!(code.as_str(), "front-door");
/// assert!(code.topic().label.starts_with("initial need and risk at the front door"));
/// assert!(TopicCode::parse("front door").is_none());
/// ```
#[derive(Clone, Copy)]
pub struct TopicCode(&'static Topic);

/// The index in [`TOPICS`] of the topic whose code is `code`; evaluated in a constant, a code
/// not in the list does not compile.
const fn listed(code: &str) -> usize {
    let mut i = 0;
    while i < TOPICS.len() {
        let (a, b) = (TOPICS[i].code.as_bytes(), code.as_bytes());
        if a.len() == b.len() {
            let mut j = 0;
            while j < a.len() && a[j] == b[j] {
                j += 1;
            }
            if j == a.len() {
                return i;
            }
        }
        i += 1;
    }
    panic!("not a listed topic code")
}

impl TopicCode {
    /// Area SEND, the topic of every area SEND inspection.
    pub(crate) const SEND: TopicCode = TopicCode(&TOPICS[listed("send")]);

    /// The code of the listed topic `code` names, if it is one.
    pub fn parse(code: &str) -> Option<TopicCode> {
        TOPICS.iter().find(|t| t.code == code).map(TopicCode)
    }

    /// The code as written (`domestic-abuse`).
    pub fn as_str(self) -> &'static str {
        self.0.code
    }

    /// The topic of the list this is the code of.
    pub fn topic(self) -> &'static Topic {
        self.0
    }
}

impl PartialEq for TopicCode {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for TopicCode {}

impl std::hash::Hash for TopicCode {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl PartialOrd for TopicCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// By code, as the strings they replaced were ordered.
impl Ord for TopicCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::fmt::Display for TopicCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for TopicCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::str::FromStr for TopicCode {
    type Err = String;

    /// A listed code; otherwise an error naming the codes there are.
    fn from_str(code: &str) -> Result<Self, String> {
        TopicCode::parse(code).ok_or_else(|| {
            let all: Vec<&str> = TOPICS.iter().map(|t| t.code).collect();
            format!("unknown topic '{code}' (one of {})", all.join(", "))
        })
    }
}

impl Serialize for TopicCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TopicCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
    }
}

/// A JTAI's deep dive, which older letters state apart from their generic title ("…included a
/// 'deep dive' focus on the response to children living with domestic abuse").
static DEEP_DIVE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)deep[\s-]+dive['’]?\s+(?:focus\s+on|into)\s+(?:the\s+(?:response|responses)\s+to\s+|the\s+effectiveness\s+of\s+services\s+for\s+)?(?P<topic>[^.]{3,200})",
    )
    .expect("deep dive pattern")
});

/// The deep dive's wording in `text`, when it states one.
pub(crate) fn deep_dive(text: &str) -> Option<String> {
    let c = DEEP_DIVE.captures(text)?;
    let t = c["topic"].split_whitespace().collect::<Vec<_>>().join(" ");
    Some(t.trim_end_matches([',', ';']).to_string())
}

/// A grade of a judgement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Grade {
    /// ILACS/SIF: outstanding.
    Outstanding,
    /// ILACS/SIF: good.
    Good,
    /// ILACS/SIF: requires improvement (to be good).
    RequiresImprovement,
    /// ILACS/SIF: inadequate.
    Inadequate,
    /// Area SEND: arrangements typically lead to positive experiences and outcomes.
    PositiveExperiences,
    /// Area SEND: arrangements lead to inconsistent experiences and outcomes.
    InconsistentExperiences,
    /// Area SEND: widespread and/or systemic failings, significant concerns.
    SignificantConcerns,
}

impl Grade {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Grade::Outstanding => "outstanding",
            Grade::Good => "good",
            Grade::RequiresImprovement => "requires-improvement",
            Grade::Inadequate => "inadequate",
            Grade::PositiveExperiences => "positive-experiences",
            Grade::InconsistentExperiences => "inconsistent-experiences",
            Grade::SignificantConcerns => "significant-concerns",
        }
    }
}

/// A judgement a document states: what was judged, in its own words, and the grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    /// What was judged ("Overall effectiveness", "The experiences and progress of children in
    /// care"; "Inspection outcome" for area SEND).
    pub area: String,
    /// The grade.
    pub grade: Grade,
}

/// A line that is a grade and nothing else.
fn grade_line(line: &str) -> Option<Grade> {
    let l = line.trim().trim_end_matches('.').to_lowercase();
    match l.as_str() {
        "outstanding" => Some(Grade::Outstanding),
        "good" => Some(Grade::Good),
        "requires improvement to be good" | "requires improvement" => Some(Grade::RequiresImprovement),
        "inadequate" => Some(Grade::Inadequate),
        _ => None,
    }
}

/// The grades of a judgement table ("Judgement | Grade", rows of a judgement area and its
/// grade) among the first lines of a report: each grade line grades the lines before it.
pub(crate) fn graded_table<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Judgement> {
    let mut out = Vec::new();
    let mut area: Vec<&str> = Vec::new();
    let mut in_table = false;
    for line in lines {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if !in_table {
            in_table = t.eq_ignore_ascii_case("judgement") || t.to_lowercase().starts_with("judgement grade");
            continue;
        }
        if t.eq_ignore_ascii_case("grade") {
            continue;
        }
        if let Some(grade) = grade_line(t) {
            if area.is_empty() {
                break;
            }
            out.push(Judgement { area: area.join(" "), grade });
            area.clear();
        } else if area.len() >= 4 || t.split_whitespace().count() > 16 {
            break; // prose: the table is over
        } else {
            area.push(t);
        }
    }
    out
}

/// The area SEND outcome its first sentences state.
pub(crate) fn send_outcome(text: &str) -> Option<Grade> {
    let l = text.to_lowercase();
    if l.contains("significant concerns") && l.contains("systemic failings") {
        Some(Grade::SignificantConcerns)
    } else if l.contains("inconsistent experiences") {
        Some(Grade::InconsistentExperiences)
    } else if l.contains("typically lead to positive experiences") {
        Some(Grade::PositiveExperiences)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_from_titles() {
        let cases: &[(&str, Option<InspectionType>)] = &[
            ("Joint targeted area inspection of Leeds", Some(InspectionType::Jtai)),
            ("Focused visit to Kent children's services", Some(InspectionType::FocusedVisit)),
            ("Area SEND inspection of Bury Local Area Partnership", Some(InspectionType::AreaSend)),
            ("Joint local area SEND inspection in Hull", Some(InspectionType::JointLocalAreaSend)),
            ("Inspection of Devon local authority children’s services", Some(InspectionType::Ilacs)),
            ("Monitoring visit to Slough children's services", Some(InspectionType::MonitoringVisit)),
            ("7-Minute Briefing", None),
        ];
        for (title, want) in cases {
            assert_eq!(inspection_type(Some(title), ""), *want, "{title}");
        }
    }

    #[test]
    fn topics_from_wording() {
        let cases = [
            ("child sexual abuse in the family environment", "csa-family"),
            ("child sexual exploitation and those missing from home, care or education", "cse-and-missing"),
            ("children living with domestic abuse", "domestic-abuse"),
            ("children's mental health", "mental-health"),
            ("children between seven and 15 years old who have been neglected", "neglect"),
            ("identification of initial need and risk (often referred to as the 'front door')", "front-door"),
            ("serious youth violence", "serious-youth-violence"),
            ("the criminal exploitation of children", "criminal-exploitation"),
            ("the local authority's arrangements for care leavers", "care-leavers"),
            ("the local authority's arrangements for children in care", "children-in-care"),
            (
                "the local authority's arrangements for children in need and those subject to a child protection plan",
                "help-and-protection",
            ),
            ("the protection of vulnerable children from extra-familial risk", "exploitation"),
            (
                "how England's social care system has delivered child-centred practice during the COVID-19 pandemic",
                "covid-19",
            ),
        ];
        for (wording, want) in cases {
            assert_eq!(topic_code(wording).map(TopicCode::as_str), Some(want), "{wording}");
        }
        assert_eq!(
            deep_dive("This inspection included a ‘deep dive’ focus on the response to children living with domestic abuse. Next.")
                .as_deref(),
            Some("children living with domestic abuse")
        );
    }

    #[test]
    fn topic_codes_read_and_write_as_their_code() {
        for t in TOPICS {
            let code = TopicCode::parse(t.code).expect("listed");
            assert_eq!(serde_json::to_string(&code).unwrap(), format!("\"{}\"", t.code));
            assert_eq!(serde_json::from_str::<TopicCode>(&format!("\"{}\"", t.code)).unwrap(), code);
            assert_eq!(code.topic().label, t.label);
        }
        assert_eq!(TopicCode::SEND.topic().code, "send");
        let err = serde_json::from_str::<TopicCode>("\"front door\"").unwrap_err().to_string();
        assert!(err.starts_with("unknown topic 'front door' (one of csa-family, "), "{err}");
    }

    #[test]
    fn judgements() {
        let table = "Judgement\nGrade\nThe impact of leaders on social work\npractice with children and families\nRequires improvement to be good\nThe experiences and progress of\nchildren in care\nInadequate\nOverall effectiveness\nInadequate\nChildren's experiences in Devon remain poor, and for too many children serious weaknesses remain today.";
        let got: Vec<(String, Grade)> = graded_table(table.lines()).into_iter().map(|j| (j.area, j.grade)).collect();
        assert_eq!(
            got,
            [
                (
                    "The impact of leaders on social work practice with children and families".to_string(),
                    Grade::RequiresImprovement
                ),
                ("The experiences and progress of children in care".to_string(), Grade::Inadequate),
                ("Overall effectiveness".to_string(), Grade::Inadequate),
            ]
        );
        assert_eq!(
            send_outcome(
                "The local area partnership’s arrangements lead to inconsistent experiences and outcomes for children"
            ),
            Some(Grade::InconsistentExperiences)
        );
    }
}
