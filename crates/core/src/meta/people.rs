//! People: the addressees of a letter and its signatories, with their roles.

use std::sync::LazyLock;

use regex::Regex;

use super::model::Person;

static HONOURS: &str = r"(?:OBE|CBE|MBE|DBE|KBE|CB|QPM|KPM|QFSM|KC|QC|JP|DL|PhD|FRCP|FRCPCH|FRCN|RN)";

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    // Title, two to four name words, then honours and qualifications ("BSc MB ChB FRCA").
    crate::text::rx::regex(&format!(
        r"^(?:(?:Dr|Professor|Prof|Sir|Dame|Ms|Mr|Mrs|Miss|Mx|Lord|Lady|Baroness|Cllr|Councillor)\.?\s+)?[A-Z][a-zA-Z'’-]+(?:\s+[A-Z][a-z'’][a-zA-Z'’-]*){{1,3}}(?:,?\s+(?:{HONOURS}|[A-Z][A-Za-z]{{0,2}}[A-Z][A-Za-z]{{0,3}}|BSc|MSc|BA|MA|MB|BM|MD|ChB|PhD|MBA|LLB))*,?$|^[A-Z][a-z]+[A-Z][a-z]+$"
    ))
    .unwrap()
});

static ROLE_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"\b(Commission|Commissioner|Quality|Inspector|Inspectorate|Inspectors|Constabulary|Probation|Director|Chief|Officer|Services?|Council|Police|National|Deputy|Assistant|Social|Care|Regulation|Healthcare|Executive|Independent|Head|Partnership|Board|Group|Trust|NHS|HMI|Majesty|Majesty's|Ofsted|Manager|Chair|Lead|Scrutineer|Education|Health|Children|Team|Street|Road|House|Gate)\b").unwrap()
});

static LEADING_HONOURS: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(&format!(r"^({HONOURS}(?:\s+{HONOURS})*),?\s*(.*)$")).expect("honours pattern")
});

static POSTCODE: LazyLock<Regex> =
    LazyLock::new(|| crate::text::rx::regex(r"^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}$").unwrap());

static ROLE_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"\s(Designated|Director|Chief|Head|Manager|Chair|Assistant|Deputy|Executive|Interim|Strategic|Independent|Accountable|Lead|CEO|Police and Crime|Regional|Divisional|Corporate)\b").unwrap()
});

/// Words that suggest a line continues an organisation name rather than naming a person.
static ORG_WORD: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"\b(Council|Board|Group|Services?|Trust|CCGs?|Partnership|Police|Constabulary|Authority|Collaborative|ICB|Foundation|Commission|Service|Team|Hospital)\b").unwrap()
});

pub(crate) fn is_name(line: &str) -> bool {
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
pub(crate) fn addressees(lines: &[String]) -> Vec<Person> {
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
    crate::text::rx::regex(r"^(Ofsted|Care Quality Commission|CQC|HMICFRS|HMIC|HMIP|HMI Constabulary.*|HMI Probation|(Her|His) Majesty's Inspectorate of .*|HM Inspectorate of .*)$").unwrap()
});

/// Signatories after "Yours sincerely", from the content lines after it (index and cleaned
/// text): names, each followed by its role lines. Two-column
/// blocks, where organisation headers and names come before their roles, are paired in order.
pub(crate) fn signatories(lines: impl Iterator<Item = (usize, String)>) -> Vec<Person> {
    // Items: each name line alone; consecutive other lines of a stanza joined.
    enum Item {
        Name(String),
        Role(String),
    }
    let mut items: Vec<Item> = Vec::new();
    let mut prev_line: Option<usize> = None;
    let mut prev_len = 0usize;
    for (k, text) in lines {
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
