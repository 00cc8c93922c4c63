//! The local authorities a document is about, as canonical gazetteer entries: named by its
//! title, else its salutation, else its own words about the area ("Kent children's services",
//! "the London Borough of Sutton", "Sutton's partnership"), else its address block. Never from
//! the file's name, and never a phrase that is not an authority's name.

use std::sync::LazyLock;

use regex::Regex;

use super::gazetteer::{Authority, GAZETTEER, Mention};
use super::model::Date;
use crate::text::rx::regex;

/// Where an area is named, most telling first.
pub(crate) struct Places<'a> {
    /// The title.
    pub title: Option<&'a str>,
    /// The salutation ("Dear Leicestershire Local Safeguarding Partnership").
    pub salutation: Option<&'a str>,
    /// The opening sentences.
    pub opening: Vec<&'a str>,
    /// The addressees' lines, between the date and the salutation.
    pub address: Vec<&'a str>,
}

/// Words after a name that make it the area of the document, not a place mentioned in passing.
static AREA_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:'s?|’s?)?\s*(?:city |county |metropolitan |borough )*(?:children'?’?s services|local authority|local area|(?:local )?safeguarding (?:children'?’?s? )?(?:partnerships?|boards?)|council|partnerships?|children'?’?s trust)\b",
    )
    .expect("area context pattern")
});

/// Words before a name that make it the area of the document.
static AREA_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(?i)(?:borough of|city of|focused visit to|inspection of|services in|partnership in|children in|county of)\s+(?:the\s+)?$")
        .expect("area context pattern")
});

/// The authorities of a document that dates from `date`: those its title names; else its
/// salutation; else the one its opening most often names as the area; else the one its
/// address block names most.
pub(crate) fn authorities(places: &Places<'_>, date: Option<Date>) -> Vec<Authority> {
    let g = &*GAZETTEER;
    let resolve = |m: &Mention| g.records[g.resolve(&m.records, date) as usize].authority.clone();
    let all = |text: &str| -> Vec<Authority> {
        let mut out: Vec<Authority> = Vec::new();
        for a in g.mentions(text).iter().map(resolve) {
            if !out.contains(&a) {
                out.push(a);
            }
        }
        out
    };
    for text in [places.title, places.salutation].into_iter().flatten() {
        let found = all(text);
        if !found.is_empty() {
            return found;
        }
    }
    let in_context =
        |text: &str, m: &Mention| AREA_AFTER.is_match(&text[m.end..]) || AREA_BEFORE.is_match(&text[..m.start]);
    let strong = most_named(places.opening.iter().copied(), |t, m| in_context(t, m), &resolve);
    if !strong.is_empty() {
        return strong;
    }
    most_named(places.address.iter().copied(), |_, _| true, &resolve).into_iter().take(1).collect()
}

/// Names joined into one list ("Leicester, Leicestershire and Rutland").
static LIST_JOIN: LazyLock<Regex> = LazyLock::new(|| regex(r"^\s*(?:,\s*|&\s*|and\s+)$").expect("list join pattern"));

/// The authorities named most often in `texts` as the document's area: each name that passes
/// `keep` with the names listed just before it ("Leicester and Leicestershire & Rutland
/// Safeguarding Children Partnerships" names three); the first named on a tie.
fn most_named<'a>(
    texts: impl Iterator<Item = &'a str>,
    keep: impl Fn(&str, &Mention) -> bool,
    resolve: &impl Fn(&Mention) -> Authority,
) -> Vec<Authority> {
    let mut counts: Vec<(Vec<Authority>, usize)> = Vec::new();
    for text in texts {
        let mentions = GAZETTEER.mentions(text);
        for (i, _) in mentions.iter().enumerate().filter(|(_, m)| keep(text, m)) {
            let mut first = i;
            while first > 0 && LIST_JOIN.is_match(&text[mentions[first - 1].end..mentions[first].start]) {
                first -= 1;
            }
            let mut group: Vec<Authority> = Vec::new();
            for a in mentions[first..=i].iter().map(resolve) {
                if !group.contains(&a) {
                    group.push(a);
                }
            }
            match counts.iter_mut().find(|(x, _)| *x == group) {
                Some((_, n)) => *n += 1,
                None => counts.push((group, 1)),
            }
        }
    }
    let Some(best) = counts.iter().map(|(_, n)| *n).max() else { return Vec::new() };
    counts.into_iter().find(|(_, n)| *n == best).map(|(a, _)| a).unwrap_or_default()
}

/// The authorities' names as one: "Sutton"; "Leicester and Rutland"; "Leicester,
/// Leicestershire and Rutland".
pub(crate) fn joined_names(authorities: &[Authority]) -> Option<String> {
    let names: Vec<&str> = authorities.iter().map(|a| a.name.as_str()).collect();
    match names.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(places: &Places<'_>, date: &str) -> Vec<String> {
        authorities(places, date.parse().ok()).into_iter().map(|a| a.code).collect()
    }

    fn places<'a>(title: Option<&'a str>, salutation: Option<&'a str>, opening: &[&'a str]) -> Places<'a> {
        Places { title, salutation, opening: opening.to_vec(), address: Vec::new() }
    }

    #[test]
    fn where_the_area_is_named() {
        let cases: &[(Places<'_>, &str, &[&str])] = &[
            (places(Some("Focused visit to Sheffield City children’s services"), None, &[]), "", &["E08000019"]),
            (
                places(
                    Some("Leicester, Leicestershire and Rutland Safeguarding Children Partnerships' Business Plan"),
                    None,
                    &[],
                ),
                "",
                &["E06000016", "E10000018", "E06000017"],
            ),
            (places(None, Some("Dear Leicestershire Local Safeguarding Partnership"), &[]), "", &["E10000018"]),
            // Only in the body: the area in context wins over places named in passing.
            (
                places(
                    None,
                    Some("Dear Ms Jones"),
                    &[
                        "Inspectors met staff in Manchester.",
                        "Sutton's children's services are improving.",
                        "The London Borough of Sutton has a plan.",
                    ],
                ),
                "",
                &["E09000029"],
            ),
            // The authority that existed at the document's date.
            (
                places(Some("Focused visit to Northamptonshire children's services"), None, &[]),
                "2018-06-01",
                &["E10000021"],
            ),
            // A topic phrase is never an area.
            (
                places(
                    Some("Joint targeted area inspection of the multi-agency response to child sexual exploitation"),
                    Some("Dear local partnership"),
                    &[],
                ),
                "",
                &[],
            ),
        ];
        for (p, date, want) in cases {
            assert_eq!(codes(p, date), *want, "{:?} {:?} {:?}", p.title, p.salutation, p.opening);
        }
    }

    #[test]
    fn names_joined() {
        let a = |n: &str| Authority { name: n.into(), code: String::new(), region: String::new() };
        assert_eq!(joined_names(&[]), None);
        assert_eq!(joined_names(&[a("Sutton")]).as_deref(), Some("Sutton"));
        assert_eq!(joined_names(&[a("A"), a("B"), a("C")]).as_deref(), Some("A, B and C"));
    }
}
