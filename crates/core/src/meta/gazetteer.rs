//! The local authorities of England and Wales that can be inspected as children's services or
//! a local area partnership — current ones and those abolished or merged — and finding their
//! names in text.
//!
//! The data is `local-authorities.csv`, compiled in: mySociety's "UK local authority names and
//! codes" (<https://github.com/mysociety/uk_local_authority_names_and_codes>), licensed
//! CC BY 4.0, as shipped in this project with one mangled character of an alternative Welsh
//! name of Anglesey restored. Each authority has a canonical name, its ONS GSS code, its region
//! and the dates it existed; abolished ones name their successors.
//!
//! Names are matched as letters alone (case, spaces, hyphens, full stops and apostrophes
//! folded away, `&` read as "and"), so "Stoke-on- Trent", "Northampton-shire" split across a
//! line and "WestBerkshire" run together all match; a match must start with a capital letter
//! and stand as whole words in the text.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::{Deserialize, Serialize};

use super::model::Date;

/// The gazetteer's data file (CC BY 4.0, mySociety).
const DATA: &str = include_str!("local-authorities.csv");

/// A local authority: its canonical name, ONS GSS code and region.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Authority {
    /// The canonical short name ("Sutton", "County Durham").
    pub name: String,
    /// The ONS GSS code ("E09000029"): join official statistics on it.
    pub code: String,
    /// The region ("London", "Wales").
    pub region: String,
}

/// A gazetteer record.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub authority: Authority,
    /// First day it existed, when known.
    pub start: Option<Date>,
    /// The day it ended (abolished or merged), if it did.
    pub end: Option<Date>,
}

impl Record {
    /// Whether the authority existed on `date`.
    pub fn existed_on(&self, date: Date) -> bool {
        self.start.is_none_or(|s| s <= date) && self.end.is_none_or(|e| date <= e)
    }
}

/// Names that say nothing by themselves (split off "Bristol, City of").
const GENERIC: &[&str] =
    &["city", "of", "the", "county", "council", "borough", "london", "royal", "metropolitan", "district", "and"];

/// Endings that name the kind of council, not the place.
const SUFFIXES: &[&str] = &[
    " metropolitan borough council",
    " county borough council",
    " borough council",
    " county council",
    " city council",
    " council",
    " county",
    " ua",
    " london boro",
];

fn strip_suffix_ignore_case<'a>(name: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = name.len().checked_sub(suffix.len())?;
    (name.is_char_boundary(cut) && name[cut..].eq_ignore_ascii_case(suffix)).then(|| &name[..cut])
}

/// Short forms letters use that the data does not list.
const EXTRA_NAMES: &[(&str, &str)] = &[("E06000010", "Hull"), ("E06000021", "Stoke")];

/// The authorities, and one automaton over every name's letters.
pub(crate) struct Gazetteer {
    pub records: Vec<Record>,
    matcher: AhoCorasick,
    /// For each pattern of the automaton, the records that bear the name.
    targets: Vec<Vec<u16>>,
}

/// The gazetteer, built on first use.
pub(crate) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// A name's letters: lower case, `&` as "and", everything but letters and digits dropped.
fn letters(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c == '&' {
            out.push_str("and");
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn date(s: &str) -> Option<Date> {
    s.trim().parse().ok()
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let mut rdr = csv::Reader::from_reader(DATA.as_bytes());
        let headers = rdr.headers().expect("the gazetteer data has a header").clone();
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.expect("the gazetteer data is valid CSV")).collect();
        let col = |name: &str| headers.iter().position(|h| h == name).expect("gazetteer column");
        let (code3, official, nice, gss, start, end, replaced, region, kind, alt) = (
            col("local-authority-code"),
            col("official-name"),
            col("nice-name"),
            col("gss-code"),
            col("start-date"),
            col("end-date"),
            col("replaced-by"),
            col("region"),
            col("local-authority-type-name"),
            col("alt-names"),
        );
        // Abolished authorities have no region of their own: their successors' is theirs.
        let region_of = |code: &str| rows.iter().find(|r| &r[code3] == code).map(|r| r[region].to_string());
        let mut records = Vec::new();
        let mut names: Vec<(String, u16)> = Vec::new();
        for r in rows.iter().filter(|r| &r[kind] != "Strategic Regional Authority") {
            let region = if r[region].is_empty() {
                r[replaced].split(',').find_map(region_of).unwrap_or_default()
            } else {
                r[region].to_string()
            };
            let index = records.len() as u16;
            let authority = Authority { name: r[nice].to_string(), code: r[gss].to_string(), region };
            let extra = EXTRA_NAMES.iter().filter(|(code, _)| *code == &r[gss]).map(|(_, n)| *n);
            for name in [&r[nice], &r[official]].into_iter().chain(r[alt].split(',')).chain(extra) {
                // Each spelling, and its base without the kind of council ("Dorset County" is
                // "Dorset" too).
                let name = name.trim();
                let base = SUFFIXES.iter().find_map(|s| strip_suffix_ignore_case(name, s)).unwrap_or(name);
                for name in [name, base] {
                    let generic = name.split_whitespace().all(|w| GENERIC.contains(&w.to_lowercase().as_str()));
                    let key = letters(name);
                    if !generic && key.len() >= 3 {
                        names.push((key, index));
                    }
                }
            }
            records.push(Record { authority, start: date(&r[start]), end: date(&r[end]) });
        }
        names.sort();
        names.dedup();
        let mut keys: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<u16>> = Vec::new();
        for (key, index) in names {
            if keys.last() == Some(&key) {
                targets.last_mut().expect("pushed with the key").push(index);
            } else {
                keys.push(key);
                targets.push(vec![index]);
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&keys)
            .expect("the gazetteer's names make an automaton");
        Gazetteer { records, matcher, targets }
    }

    /// Every authority name that stands in `text` as whole words starting with a capital
    /// letter, in order; where names overlap, the longest ("North Northamptonshire", not
    /// "Northamptonshire").
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let folded = Folded::new(text);
        let mut found: Vec<Mention> = self
            .matcher
            .find_overlapping_iter(&folded.text)
            .filter_map(|m| {
                let (start, end) = folded.original(m.start(), m.end());
                folded_match_stands(text, start, end).then(|| Mention {
                    start,
                    end,
                    records: self.targets[m.pattern().as_usize()].clone(),
                })
            })
            .collect();
        found.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<Mention> = Vec::with_capacity(found.len());
        for m in found {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    }

    /// Of the records bearing one name, the one that existed on `date` (the current one when
    /// no date is known; else the first).
    pub fn resolve(&self, records: &[u16], date: Option<Date>) -> u16 {
        let existed = |&&i: &&u16| match date {
            Some(d) => self.records[i as usize].existed_on(d),
            None => self.records[i as usize].end.is_none(),
        };
        records.iter().find(existed).or(records.first()).copied().expect("a name bears at least one record")
    }

    /// The record with this GSS code, or whose name (any of its spellings) is `name`, that
    /// existed on `date` when several do.
    pub fn lookup(&self, name_or_code: &str, date: Option<Date>) -> Option<&Record> {
        let wanted = name_or_code.trim();
        if let Some(r) = self.records.iter().find(|r| r.authority.code.eq_ignore_ascii_case(wanted)) {
            return Some(r);
        }
        let key = letters(wanted);
        let pattern =
            self.matcher.find_overlapping_iter(&key).find(|m| m.start() == 0 && m.end() == key.len())?.pattern();
        Some(&self.records[self.resolve(&self.targets[pattern.as_usize()], date) as usize])
    }
}

/// The authority with this ONS GSS code, or whose name (in any spelling the gazetteer knows:
/// "Sutton", "London Borough of Sutton") is `name_or_code`. Where a name was borne by several
/// authorities (before and after a reorganisation), the one that existed on `date`, or the
/// current one when no date is given.
///
/// ```
/// use letters_core::meta::find_authority;
///
/// let a = find_authority("London Borough of Sutton", None).unwrap();
/// assert_eq!((a.name.as_str(), a.code.as_str(), a.region.as_str()), ("Sutton", "E09000029", "London"));
/// assert_eq!(find_authority("Northamptonshire", "2018-06-01".parse().ok()).unwrap().code, "E10000021");
/// ```
pub fn find_authority(name_or_code: &str, date: Option<Date>) -> Option<Authority> {
    GAZETTEER.lookup(name_or_code, date).map(|r| r.authority.clone())
}

/// Every authority the gazetteer knows, current and abolished.
pub fn all_authorities() -> impl Iterator<Item = &'static Authority> {
    GAZETTEER.records.iter().map(|r| &r.authority)
}

/// An authority's name found in a text: its byte range and the records that bear the name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    pub start: usize,
    pub end: usize,
    pub records: Vec<u16>,
}

/// A text's letters, lower case, with where each came from.
struct Folded {
    text: String,
    /// For each byte of `text`: the original character's start and length.
    orig: Vec<(u32, u8)>,
}

impl Folded {
    fn new(input: &str) -> Folded {
        let mut f = Folded { text: String::with_capacity(input.len()), orig: Vec::with_capacity(input.len()) };
        for (i, c) in input.char_indices() {
            let len = c.len_utf8() as u8;
            if c == '&' {
                f.push_str("and", i, len);
            } else if c.is_ascii_alphanumeric() {
                f.push_str(c.to_ascii_lowercase().encode_utf8(&mut [0; 4]), i, len);
            } else if c.is_alphanumeric() {
                f.push_str(&c.to_lowercase().collect::<String>(), i, len);
            }
        }
        f
    }

    fn push_str(&mut self, s: &str, at: usize, len: u8) {
        self.text.push_str(s);
        self.orig.resize(self.text.len(), (at as u32, len));
    }

    /// The original byte range of folded range `[start, end)`.
    fn original(&self, start: usize, end: usize) -> (usize, usize) {
        let (a, _) = self.orig[start];
        let (b, len) = self.orig[end - 1];
        (a as usize, b as usize + len as usize)
    }
}

/// Whether the original range `[start, end)` of a folded match stands as a name: whole words,
/// a capital first letter, and nothing but spaces, line breaks, hyphens, full stops, commas,
/// apostrophes and `&` between its letters.
fn folded_match_stands(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
        return false;
    }
    if !text[start..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    text[start..end].chars().all(|c| {
        c.is_alphanumeric()
            || c.is_whitespace()
            || matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{ad}' | '.' | ',' | '\'' | '\u{2019}' | '&')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, &str)> {
        let g = &*GAZETTEER;
        g.mentions(text)
            .into_iter()
            .map(|m| (g.records[g.resolve(&m.records, None) as usize].authority.code.clone(), &text[m.start..m.end]))
            .collect()
    }

    #[test]
    fn names_in_text() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Focused visit to Kent children's services", &[("E10000016", "Kent")]),
            (
                "the London Borough of Sutton and Sutton's partners",
                &[("E09000029", "London Borough of Sutton"), ("E09000029", "Sutton")],
            ),
            (
                "Stoke-on- Trent and Stoke-on-\nTrent",
                &[("E06000021", "Stoke-on- Trent"), ("E06000021", "Stoke-on-\nTrent")],
            ),
            ("in North Northampton-\nshire today", &[("E06000061", "North Northampton-\nshire")]),
            (
                "Hammersmith & Fulham, WestBerkshire",
                &[("E09000013", "Hammersmith & Fulham"), ("E06000037", "WestBerkshire")],
            ),
            (
                "Leicester, Leicestershire and Rutland",
                &[("E06000016", "Leicester"), ("E10000018", "Leicestershire"), ("E06000017", "Rutland")],
            ),
            // Not names: lower case, inside a word, a generic fragment.
            ("reading the records; Sudbury; Leicestershires; the City of", &[]),
            (
                "St. Helens and St Helens and Durham's",
                &[("E08000013", "St. Helens"), ("E08000013", "St Helens"), ("E06000047", "Durham")],
            ),
        ];
        for (text, want) in cases {
            let want: Vec<(String, &str)> = want.iter().map(|(c, t)| (c.to_string(), *t)).collect();
            assert_eq!(found(text), want, "{text}");
        }
    }

    #[test]
    fn abolished_authorities_by_date() {
        let g = &*GAZETTEER;
        let code = |name: &str, d: &str| g.lookup(name, d.parse().ok()).map(|r| r.authority.code.clone());
        assert_eq!(code("Northamptonshire", "2018-05-01").as_deref(), Some("E10000021"));
        assert_eq!(code("Dorset", "2018-05-01").as_deref(), Some("E10000009"));
        assert_eq!(code("Dorset", "2020-05-01").as_deref(), Some("E06000059"));
        assert_eq!(code("North Yorkshire", "2022-01-01").as_deref(), Some("E10000023"));
        assert_eq!(code("North Yorkshire", "2024-01-01").as_deref(), Some("E06000065"));
        assert_eq!(code("e09000029", "").as_deref(), Some("E09000029"));
        assert_eq!(code("Narnia", ""), None);
        // Abolished authorities take their successors' region.
        let n = g.lookup("E10000021", None).unwrap();
        assert_eq!((n.authority.name.as_str(), n.authority.region.as_str()), ("Northamptonshire", "East Midlands"));
        // 183 authorities (the Greater London Authority is not one that is inspected).
        assert_eq!(g.records.len(), 183);
    }
}
