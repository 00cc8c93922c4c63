//! Metadata: date, area, title, topic, inspection period, inspectorates, addressees,
//! salutation, signatories, principal authority and deadline.

use std::sync::LazyLock;

use regex::Regex;

use crate::clean::{CleanOptions, Cleaner};
use crate::dates;
use crate::lines::Line;
use crate::model::{DocKind, Inspectorate, Meta, Person, Section, SectionKind};
use crate::sections::Front;

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
        let mut c = Cleaner::new(self.src, self.opts);
        c.push_segment(self.lines[k].start, self.lines[k].end);
        c.finish().text
    }

    fn content_lines(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        (from..to.min(self.lines.len())).filter(|&k| !self.lines[k].is_blank() && !self.furniture[k])
    }

    fn line_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.start <= offset).saturating_sub(1)
    }
}

static HONOURS: &str = r"(?:OBE|CBE|MBE|DBE|KBE|CB|QPM|KPM|QFSM|KC|QC|JP|DL|PhD|FRCP|FRCPCH|FRCN|RN)";

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Title, two to four name words, then honours and qualifications ("BSc MB ChB FRCA").
    crate::rx::regex(&format!(
        r"^(?:(?:Dr|Professor|Prof|Sir|Dame|Ms|Mr|Mrs|Miss|Mx|Lord|Lady|Baroness|Cllr|Councillor)\.?\s+)?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-z'’][a-zA-Z'’-]*){{1,3}}(?:,?\s+(?:{HONOURS}|[A-Z][A-Za-z]{{0,2}}[A-Z][A-Za-z]{{0,3}}|BSc|MSc|BA|MA|MB|BM|MD|ChB|PhD|MBA|LLB))*,?$|^[A-Z][a-z]+[A-Z][a-z]+$"
    ))
    .unwrap()
});

static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"\b(Commission|Commissioner|Quality|Inspector|Inspectorate|Inspectors|Constabulary|Probation|Director|Chief|Officer|Services?|Council|Police|National|Deputy|Assistant|Social|Care|Regulation|Healthcare|Executive|Independent|Head|Partnership|Board|Group|Trust|NHS|HMI|Majesty|Majesty's|Ofsted|Manager|Chair|Lead|Scrutineer|Education|Health|Children|Team|Street|Road|House|Gate)\b").unwrap()
});

static LEADING_HONOURS: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(&format!(r"^({HONOURS}(?:\s+{HONOURS})*),?\s*(.*)$")).expect("honours pattern"));

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$").unwrap());

static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"\s(Designated|Director|Chief|Head|Manager|Chair|Assistant|Deputy|Executive|Interim|Strategic|Independent|Accountable|Lead|CEO|Police and Crime|Regional|Divisional|Corporate)\b").unwrap()
});

/// Words that suggest a line continues an organisation name rather than naming a person.
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"\b(Council|Board|Group|Services?|Trust|CCGs?|Partnership|Police|Constabulary|Authority|Collaborative|ICB|Foundation|Commission|Service|Team|Hospital)\b").unwrap()
});

fn is_name(line: &str) -> bool {
    let line = line.trim();
    NAME.is_match(line) && !ROLE_WORDS.is_match(line)
}

fn split_person(line: &str) -> Person {
    let line = line.trim().trim_end_matches(',').trim();
    let mut parts: Vec<&str> = Vec::new();
    // Name and role separated by a spaced dash or a comma; a role that starts before the first
    // comma ("Sue Thompson Designated Nurse for NHS A, B and C") splits at its first word.
    let dash = [" – ", " - "].iter().find_map(|sep| line.find(sep).map(|i| (i, sep.len())));
    let comma = line.find(", ");
    let role_word = ROLE_START.find(line).filter(|m| m.start() > 0).map(|m| m.start());
    if let Some((i, sep)) = dash.filter(|&(i, _)| comma.is_none_or(|c| i < c)) {
        parts.push(&line[..i]);
        parts.push(&line[i + sep..]);
    } else if let (Some(c), Some(r)) = (comma, role_word)
        && r < c
        && line[..c].split_whitespace().count() > 4
    {
        parts.push(&line[..r]);
        parts.push(&line[r + 1..]);
    } else if let Some(c) = comma {
        parts.push(&line[..c]);
        parts.push(&line[c + 2..]);
    } else if let Some(r) = role_word {
        parts.push(&line[..r]);
        parts.push(&line[r + 1..]);
    } else {
        parts.push(line);
    }
    let mut name = parts[0].trim().to_string();
    let mut role = parts.get(1).map(|r| r.trim().to_string());
    // Honours after a comma belong to the name: "Stephen Watson, QPM, Chief Constable".
    if let Some(r) = role.clone()
        && let Some(c) = LEADING_HONOURS.captures(&r)
    {
        name = format!("{name} {}", &c[1]);
        let rest = c[2].trim().to_string();
        role = (!rest.is_empty()).then_some(rest);
    }
    Person { name, role: role.filter(|r| !r.is_empty()) }
}

/// Joins lines of one addressee: a line continues the previous one when it starts in lower
/// case, when the previous ends with a comma or a joining word, or when it is an organisation
/// fragment without a name of its own.
fn addressees(lines: &[String]) -> Vec<Person> {
    let mut entries: Vec<String> = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let continues = match entries.last() {
            None => false,
            Some(prev) => {
                let prev_t = prev.trim_end();
                let has_sep = line.contains(", ") || line.contains(" – ") || line.contains(" - ");
                line.starts_with(|c: char| c.is_lowercase())
                    || prev_t.ends_with([',', '&', '/', '–', '-'])
                    || prev_t.ends_with(" and")
                    || prev_t.ends_with(" of")
                    || prev_t.ends_with(" for")
                    || (!has_sep && ORG_WORD.is_match(line) && !ROLE_START.is_match(&format!(" {line}")))
                    || (!has_sep && line.split_whitespace().count() == 1)
                    || {
                        // "Service (HMPPS), National Probation Service": what would be the
                        // name is an organisation fragment.
                        let name = split_person(line).name;
                        ORG_WORD.is_match(&name) || name.contains('(')
                    }
            }
        };
        match entries.last_mut() {
            Some(prev) if continues => {
                prev.push(' ');
                prev.push_str(line);
            }
            _ => entries.push(line.to_string()),
        }
    }
    // A postal block (name, role, organisation, street, town, postcode) is one person.
    if lines.iter().any(|l| POSTCODE.is_match(l.trim())) && !lines.iter().any(|l| l.contains(", ")) {
        let mut it = lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty());
        if let Some(name) = it.next() {
            let rest: Vec<&str> = it.take_while(|l| ORG_WORD.is_match(l) || ROLE_WORDS.is_match(l)).collect();
            let role = (!rest.is_empty()).then(|| rest.join(", "));
            return vec![Person { name: name.to_string(), role }];
        }
    }
    entries.iter().map(|e| split_person(e)).collect()
}

static ORG_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^(Ofsted|Care Quality Commission|CQC|HMICFRS|HMIC|HMIP|HMI Constabulary.*|HMI Probation|(Her|His) Majesty's Inspectorate of .*|HM Inspectorate of .*)$").unwrap()
});

/// Signatories after "Yours sincerely": names, each followed by its role lines. Two-column
/// blocks, where organisation headers and names come before their roles, are paired in order.
fn signatories(input: &Input<'_>, from: usize, to: usize) -> Vec<Person> {
    // Items: each name line alone; consecutive other lines of a stanza joined.
    enum Item {
        Name(String),
        Role(String),
    }
    let mut items: Vec<Item> = Vec::new();
    let mut prev_line: Option<usize> = None;
    let mut prev_len = 0usize;
    for k in input.content_lines(from, to) {
        let text = input.line_text(k);
        let t = text.trim();
        let words = t.split_whitespace().count();
        if words > 16 || t.contains("www.") || t.contains("http") || t.bytes().filter(u8::is_ascii_digit).count() >= 4 {
            break; // prose, a footnote or a link: the signature block is over
        }
        if t.ends_with('.') && words > 6 {
            prev_line = None;
            continue; // a sentence such as an image description
        }
        if is_name(t) {
            items.push(Item::Name(t.trim_end_matches(',').to_string()));
        } else {
            let same_stanza = prev_line.is_some_and(|p| p + 1 == k);
            match items.last_mut() {
                Some(Item::Role(r)) if same_stanza => {
                    // A long line that runs on is wrapped; short lines are separate roles.
                    let wrapped = prev_len >= 55
                        || t.starts_with(|c: char| c.is_lowercase())
                        || words == 1
                        || r.ends_with(" and")
                        || r.ends_with(" of")
                        || r.ends_with('&');
                    r.push_str(if wrapped { " " } else { ", " });
                    r.push_str(t);
                }
                _ => items.push(Item::Role(t.to_string())),
            }
        }
        prev_line = Some(k);
        prev_len = t.chars().count();
    }
    let mut people: Vec<Person> = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut after_role = false;
    for item in items {
        match item {
            Item::Name(name) => {
                if after_role {
                    group.clear();
                }
                people.push(Person { name, role: None });
                group.push(people.len() - 1);
                after_role = false;
            }
            Item::Role(role) => {
                let waiting = group.iter().copied().find(|&i| people[i].role.is_none());
                match waiting {
                    Some(i) => people[i].role = Some(role),
                    // Everyone has a role: an organisation header for the next column, or a
                    // further role of a single signatory.
                    None if ORG_HEADER.is_match(&role) || group.is_empty() => continue,
                    None if group.len() == 1 => {
                        if let Some(r) = people[group[0]].role.as_mut() {
                            r.push_str(", ");
                            r.push_str(&role);
                        }
                    }
                    None => {}
                }
                after_role = true;
            }
        }
    }
    people
}

static AREA_FROM_TITLE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)^joint targeted area inspection of (?:the multi-agency response to .+ in )(?P<area>[A-Z].+)$",
        r"(?i)^joint targeted area inspection of (?P<area>.+)$",
        r"(?i)^joint inspection of .+ in (?P<area>[A-Z].+)$",
        r"(?i)^(?:focused|monitoring) visit to (?P<area>.+?)(?: local authority)?(?: children'?s services| council)?$",
        r"(?i)^inspection of (?P<area>.+?) local authority children'?s services$",
        r"(?i)^area send inspection of (?P<area>.+?)(?: local area partnership)?$",
        r"(?i)^re:.*,\s*(?P<area>[A-Z][A-Za-z' -]+?)\s*\(",
        r"(?i)^(?P<area>[A-Z][A-Za-z,' &-]+?)(?: local)? safeguarding children'?s? partnerships?'?",
    ]
    .iter()
    .map(|r| crate::rx::regex(r).expect("area pattern"))
    .collect()
});

static AREA_FROM_SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^Dear (?P<area>[A-Z][A-Za-z' -]+?) (?:Local )?Safeguarding (?:Children'?s? )?Partnership")
        .unwrap()
});

static AREA_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?P<area>(?:[A-Z][A-Za-z']+(?:,\s+|\s+and\s+|\s+&\s+|\s+))+?)(?:Local\s+)?Safeguarding\s+Children'?s?\s+Partnerships?").unwrap()
});

fn tidy_area(area: &str) -> String {
    let mut a = area.trim().trim_end_matches(['.', ',', ':', ';']).trim().to_string();
    for suffix in [
        " Metropolitan District Council",
        " Metropolitan Borough Council",
        " City Council",
        " County Council",
        " Borough Council",
        " District Council",
        " Council",
        " local authority",
        " Local Area Partnership",
        " Local Area",
        " children's services",
    ] {
        if a.len() > suffix.len() && a.to_lowercase().ends_with(&suffix.to_lowercase()) {
            a.truncate(a.len() - suffix.len());
        }
    }
    a.trim().to_string()
}

/// "…the multi-agency response to ‹topic› in ‹Area›": the topic runs to the last " in " before
/// a capitalised place name.
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"multi-agency response to (?P<topic>.+),? in (?:the )?[A-Z][\w'’ &-]*\.?$").unwrap()
});
static LOOKED_AT: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"^Inspectors looked at (?P<topic>.+?)\.?$").unwrap());

static INSPECTORATES: LazyLock<[(Inspectorate, Regex); 4]> = LazyLock::new(|| {
    [
        (Inspectorate::Ofsted, crate::rx::regex(r"\bOfsted\b").unwrap()),
        (Inspectorate::Cqc, crate::rx::regex(r"\bCare Quality Commission\b|\bCQC\b").unwrap()),
        (
            Inspectorate::Hmicfrs,
            crate::rx::regex(r"\bHMICFRS\b|\bHMIC\b|Inspectorate of Constabulary|\bHMI\s+Constabulary").unwrap(),
        ),
        (Inspectorate::Hmip, crate::rx::regex(r"\bHMIP\b|\bHMI\s+Prob(?:ation)?\b|Inspectorate of Probation").unwrap()),
    ]
});
static INSPECTED: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)carried out|undertook|undertaken|inspectors from|conducted by|jointly inspected|led by|inspection by|were carried out|took part").unwrap()
});

static PRINCIPAL: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)determined that (?:the )?(?P<pa>.+?) (?:is|will be|should be) the principal authority")
        .unwrap()
});
static DEADLINE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"(?i)written statement|statement of (?:proposed )?action|action plan|should send|submit").unwrap()
});

/// Extracts the metadata.
pub(crate) fn extract(input: &Input<'_>) -> Meta {
    let mut meta = Meta::default();
    let front = input.front;

    // Letterhead lines: date, addressees, salutation.
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
        meta.addressees = addressees(&lines);
    }

    meta.title = front.title.as_ref().map(|t| t.block.text.clone());
    if let Some(title) = &meta.title {
        meta.area = AREA_FROM_TITLE.iter().find_map(|re| re.captures(title).map(|c| tidy_area(&c["area"])));
        meta.topic = TOPIC.captures(title).map(|c| c["topic"].trim().to_string());
    }
    if meta.area.is_none()
        && let Some(c) = meta.salutation.as_deref().and_then(|s| AREA_FROM_SALUTATION.captures(s))
    {
        meta.area = Some(tidy_area(&c["area"]));
    }
    let intro: Vec<&crate::model::Sentence> = input
        .sections
        .iter()
        .filter(|s| matches!(s.kind, SectionKind::Introduction | SectionKind::Context))
        .flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences))
        .collect();
    let first_sentences = input.sections.iter().flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences)).take(20);
    if meta.area.is_none()
        && input.kind != DocKind::InspectionLetter
        && let Some(c) = first_sentences.clone().find_map(|s| AREA_IN_TEXT.captures(&s.text))
    {
        meta.area = Some(tidy_area(&c["area"]).replace(" & ", " and "));
    }
    if meta.topic.is_none() {
        meta.topic = intro.iter().find_map(|s| {
            TOPIC
                .captures(&s.text)
                .map(|c| c["topic"].trim().trim_end_matches(',').to_string())
                .or_else(|| LOOKED_AT.captures(&s.text).map(|c| c["topic"].to_string()))
        });
    }

    // The inspection period: the first date range in the opening sections (or a single date
    // for a one-day visit).
    let opening: Vec<&str> = input
        .sections
        .iter()
        .take_while(|s| !matches!(s.kind, SectionKind::MainFindings | SectionKind::NextSteps | SectionKind::Closing))
        .take(4)
        .flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences))
        .map(|s| s.text.as_str())
        .collect();
    let inspected = matches!(input.kind, DocKind::InspectionLetter | DocKind::Report);
    meta.inspection = opening
        .iter()
        .filter(|_| inspected)
        .find_map(|s| dates::find_period(s, meta.date))
        .or_else(|| {
            opening.iter().filter(|s| inspected && (s.contains("visit") || s.contains("took place"))).find_map(|s| {
                let d = dates::find_dates(s).first()?.0;
                Some(crate::model::Period { start: Some(d), end: Some(d) })
            })
        })
        .unwrap_or_default();

    // Inspectorates: the first sentence that says who carried the inspection out.
    let all_sentences = input.sections.iter().flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences));
    let named = |t: &str| -> Vec<Inspectorate> {
        INSPECTORATES.iter().filter(|(_, re)| re.is_match(t)).map(|(i, _)| *i).collect()
    };
    if let Some(s) = all_sentences.clone().find(|s| INSPECTED.is_match(&s.text) && !named(&s.text).is_empty()) {
        meta.inspectorates = named(&s.text);
    } else if matches!(input.kind, DocKind::InspectionLetter | DocKind::Report) {
        let head: String = head_lines.iter().map(|&k| input.line_text(k)).collect::<Vec<_>>().join("\n");
        if head.contains("Ofsted")
            || opening.iter().any(|s| s.contains("His Majesty's Inspector") || s.contains("Ofsted"))
        {
            meta.inspectorates = vec![Inspectorate::Ofsted];
        }
    }

    // Next steps: principal authority and deadline.
    let next: Vec<&str> = input
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::NextSteps)
        .flat_map(|s| s.blocks.iter().flat_map(|b| &b.sentences))
        .map(|s| s.text.as_str())
        .collect();
    meta.principal_authority = next
        .iter()
        .find_map(|s| PRINCIPAL.captures(s).map(|c| c["pa"].trim().trim_end_matches(',').trim().to_string()));
    meta.deadline = next
        .iter()
        .filter(|s| DEADLINE_CUE.is_match(s))
        .filter_map(|s| dates::find_dates(s).last().map(|d| d.0))
        .next_back();

    // Signatories.
    if let Some(closing) = input.sections.iter().rev().find(|s| s.kind == SectionKind::Closing) {
        let from = input.line_of(closing.span.start) + 1;
        meta.signatories = signatories(input, from, input.lines.len());
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(ps: &[Person]) -> Vec<(String, Option<String>)> {
        ps.iter().map(|p| (p.name.clone(), p.role.clone())).collect()
    }

    #[test]
    fn addressee_lines() {
        let lines: Vec<String> = [
            "Sophie Wales, Interim Executive Director of Children's Services, Barnsley",
            "Metropolitan Borough Council",
            "Sue Thompson Designated Nurse for NHS Airedale, Wharfedale and Craven CCG,",
            "NHS Bradford City CCG and NHS Bradford Districts CCGs",
            "Ms Helen Hirst – Chief Officer/Accountable Officer",
            "Stephen Watson, QPM, Chief Constable, Greater Manchester Police",
            "Jane Halpin, Chief Executive Officer, Hertfordshire and West Essex Integrated Care",
            "Board",
            "Neville Hall Assistant Director CAFCASS",
            "Anne Murray, Chief Nurse and Executive Lead for Safeguarding Bedfordshire, Luton",
            "and Milton Keynes Commissioning Collaborative",
            "Louise Johnson, NPS Head of Area, North Yorkshire, Her Majesty's Prison & Probation",
            "Service (HMPPS), National Probation Service – North East Division",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = people(&addressees(&lines));
        let want: Vec<(String, Option<String>)> = [
            ("Sophie Wales", "Interim Executive Director of Children's Services, Barnsley Metropolitan Borough Council"),
            (
                "Sue Thompson",
                "Designated Nurse for NHS Airedale, Wharfedale and Craven CCG, NHS Bradford City CCG and NHS Bradford Districts CCGs",
            ),
            ("Ms Helen Hirst", "Chief Officer/Accountable Officer"),
            ("Stephen Watson QPM", "Chief Constable, Greater Manchester Police"),
            ("Jane Halpin", "Chief Executive Officer, Hertfordshire and West Essex Integrated Care Board"),
            ("Neville Hall", "Assistant Director CAFCASS"),
            (
                "Anne Murray",
                "Chief Nurse and Executive Lead for Safeguarding Bedfordshire, Luton and Milton Keynes Commissioning Collaborative",
            ),
            (
                "Louise Johnson",
                "NPS Head of Area, North Yorkshire, Her Majesty's Prison & Probation Service (HMPPS), National Probation Service – North East Division",
            ),
        ]
        .iter()
        .map(|(n, r)| (n.to_string(), Some(r.to_string())))
        .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn postal_block_is_one_person() {
        let lines: Vec<String> = [
            "Tanya Miles",
            "Executive Director of People",
            "Shropshire Council",
            "Abbey Forgate",
            "Shrewsbury",
            "SY2 6ND",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let got = people(&addressees(&lines));
        assert_eq!(
            got,
            [("Tanya Miles".to_string(), Some("Executive Director of People, Shropshire Council".to_string()))]
        );
    }

    #[test]
    fn names() {
        for yes in [
            "Yvette Stanley",
            "Professor Aidan Fowler",
            "Michelle Skeer OBE QPM",
            "Martin Jones CBE",
            "Wendy Williams, CBE",
            "YvetteStanley",
        ] {
            assert!(is_name(yes), "{yes}");
        }
        for no in [
            "Care Quality Commission",
            "HMI Constabulary",
            "Ofsted",
            "National Director, Social Care",
            "Interim Chief Inspector of Healthcare, CQC",
        ] {
            assert!(!is_name(no), "{no}");
        }
    }
}
