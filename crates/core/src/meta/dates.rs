//! Dates as letters write them: "12 February 2026", "1st June 2024", "26/03/2026", and ranges
//! such as "from 8 to 12 December 2025", "Between 20 and 24 June", "23 April 2018 to 04 May
//! 2018", "30 September to 11 October 2024 and 13 to 16 January 2025".

use std::sync::LazyLock;

use regex::Regex;

use super::model::{Date, Period};

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const WEEKDAY: &str = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?";

static SINGLE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(&format!(
        r"(?i)\b{WEEKDAY}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH})\.?,?\s+(?P<y>(?:19|20)\d\d)\b|\b(?P<nd>\d{{1,2}})/(?P<nm>\d{{1,2}})/(?P<ny>(?:19|20)\d\d)\b"
    ))
    .unwrap()
});

static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(&format!(
        r"(?i)\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?P<m1>{MONTH}))?(?:,?\s+(?P<y1>(?:19|20)\d\d))?\s*(?:to|and|until|-|–|—)\s*(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})\b(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    ))
    .unwrap()
});

fn month_number(m: &str) -> Option<u8> {
    let m = m.to_ascii_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|n| m.starts_with(n)).map(|i| i as u8 + 1)
}

/// Every full date in `text`, with its byte range.
pub(crate) fn find_dates(text: &str) -> Vec<(Date, usize, usize)> {
    SINGLE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let date = if let Some(d) = c.name("d") {
                Date::new(c["y"].parse().ok()?, month_number(&c["m"])?, d.as_str().parse().ok()?)
            } else {
                Date::new(c["ny"].parse().ok()?, c["nm"].parse().ok()?, c["nd"].parse().ok()?)
            }?;
            Some((date, whole.start(), whole.end()))
        })
        .collect()
}

/// The text is a date and nothing else ("12 February 2026", "**26/03/2026**").
pub(crate) fn whole_date(text: &str) -> Option<Date> {
    let t = text.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace() || c == ',' || c == '.');
    let found = find_dates(t);
    match found.as_slice() {
        [(d, 0, end)] if *end == t.len() => Some(*d),
        _ => None,
    }
}

/// The first date range in `text` (extended by "and 13 to 16 January 2025" continuations);
/// a missing year comes from `context` (the letter's date): the latest year that does not put
/// the period after the letter.
pub(crate) fn find_period(text: &str, context: Option<Date>) -> Option<Period> {
    let mut iter = RANGE.captures_iter(text).peekable();
    let first = iter.next()?;
    let mut end_at = first.get(0)?.end();
    let mut later = None;
    while let Some(next) = iter.peek() {
        let gap = &text[end_at..next.get(0)?.start()];
        if gap.trim().eq_ignore_ascii_case("and") || gap.trim() == "," {
            end_at = next.get(0)?.end();
            later = iter.next();
        } else {
            break;
        }
    }
    let last = later.as_ref().unwrap_or(&first);
    let end_month = month_number(&last["m2"])?;
    let end_year: Option<u16> = last.name("y2").and_then(|y| y.as_str().parse().ok());
    let start_month = first.name("m1").map_or(Some(month_number(&first["m2"])?), |m| month_number(m.as_str()))?;
    let start_year: Option<u16> = first
        .name("y1")
        .and_then(|y| y.as_str().parse().ok())
        .or_else(|| first.name("y2").and_then(|y| y.as_str().parse().ok()));
    let end_year = end_year.or_else(|| {
        let c = context?;
        // The latest year whose end date is not after the letter date.
        let candidate = Date::new(c.year, end_month, 28)?;
        Some(if candidate > c { c.year - 1 } else { c.year })
    });
    let end_year = end_year?;
    let start_year = match start_year {
        Some(y) if first.name("y1").is_some() => y,
        _ => {
            if start_month > end_month {
                end_year - 1
            } else {
                end_year
            }
        }
    };
    let start = Date::new(start_year, start_month, first["d1"].parse().ok()?);
    let end = Date::new(end_year, end_month, last["d2"].parse().ok()?);
    match (start, end) {
        (Some(s), Some(e)) if s <= e => Some(Period { start: Some(s), end: Some(e) }),
        _ => None,
    }
}

/// How many days after its inspection ended a letter is usually dated, at most.
const LETTER_WITHIN_DAYS: i64 = 200;

/// Whether a letter dated `letter` fits an inspection that ended on `end`.
fn fits(letter: Date, end: Date) -> bool {
    (0..=LETTER_WITHIN_DAYS).contains(&(letter.days_since_epoch() - end.days_since_epoch()))
}

/// What [`reconcile`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Reconciled {
    /// The letter's year was a year off; it was corrected.
    LetterYear { written: Date },
    /// The inspection's year was a year off; it was corrected.
    InspectionYear { written: Period },
    /// The dates do not fit and nothing explains it.
    Inconsistent,
}

/// Checks a letter's date against its inspection period: a letter is dated after its
/// inspection ended, within [`LETTER_WITHIN_DAYS`]. When one of the two is a year off (a typo
/// in a year, a period whose year was taken from the wrong context) and a year's shift makes
/// them fit, it is corrected; otherwise the inconsistency is reported, never hidden.
pub(crate) fn reconcile(letter: &mut Option<Date>, period: &mut Period) -> Option<Reconciled> {
    let (Some(d), Some(end)) = (*letter, period.end) else { return None };
    if fits(d, end) {
        return None;
    }
    let shift = |p: &Period, years: i32| Period {
        start: p.start.and_then(|s| s.plus_years(years)),
        end: p.end.and_then(|e| e.plus_years(years)),
    };
    for years in [1, -1] {
        if let Some(fixed) = d.plus_years(years).filter(|&f| fits(f, end)) {
            *letter = Some(fixed);
            return Some(Reconciled::LetterYear { written: d });
        }
        let moved = shift(period, years);
        if moved.end.is_some_and(|e| fits(d, e)) {
            let written = std::mem::replace(period, moved);
            return Some(Reconciled::InspectionYear { written });
        }
    }
    Some(Reconciled::Inconsistent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn single_dates() {
        let cases = [
            ("12 February 2026", Some("2026-02-12")),
            ("**26/03/2026**", Some("2026-03-26")),
            ("1st June 2024", Some("2024-06-01")),
            ("04 May 2018", Some("2018-05-04")),
            ("Tuesday 25 October 2022", Some("2022-10-25")),
            ("30 February 2026", None),
            ("February 2026", None),
            ("12 February 2026 and more", None),
        ];
        for (text, want) in cases {
            assert_eq!(whole_date(text).map(|d| d.to_string()), want.map(String::from), "{text}");
        }
    }

    #[test]
    fn periods() {
        let ctx = Some(d("2016-08-02"));
        let cases: &[(&str, Option<Date>, (&str, &str))] = &[
            ("This inspection took place from 8 to 12 December 2025.", None, ("2025-12-08", "2025-12-12")),
            ("Between 20 and 24 June, Ofsted", ctx, ("2016-06-20", "2016-06-24")),
            ("from 23 April 2018 to 04 May 2018", None, ("2018-04-23", "2018-05-04")),
            ("Between 27 February and 3 March 2017, Ofsted", None, ("2017-02-27", "2017-03-03")),
            (
                "Inspection dates: 30 September to 11 October 2024 and 13 to 16 January 2025",
                None,
                ("2024-09-30", "2025-01-16"),
            ),
            ("took place from 9 to 13 December 2024.", None, ("2024-12-09", "2024-12-13")),
            ("held 8–12 December 2025", None, ("2025-12-08", "2025-12-12")),
            ("Between 29 December and 2 January", Some(d("2025-02-01")), ("2024-12-29", "2025-01-02")),
        ];
        for (text, ctx, (s, e)) in cases {
            let p = find_period(text, *ctx).unwrap_or_else(|| panic!("no period in {text}"));
            assert_eq!(
                (p.start.unwrap().to_string(), p.end.unwrap().to_string()),
                (s.to_string(), e.to_string()),
                "{text}"
            );
        }
        assert_eq!(find_period("No dates here, 12 February 2026.", None), None);
    }

    #[test]
    fn letter_and_inspection_reconciled() {
        let p = |a: &str, b: &str| Period { start: Some(d(a)), end: Some(d(b)) };
        // Consistent: nothing to do.
        let (mut letter, mut period) = (Some(d("2019-01-17")), p("2018-12-11", "2018-12-12"));
        assert_eq!(reconcile(&mut letter, &mut period), None);
        // A letter typed with last year's year, after a December inspection.
        let (mut letter, mut period) = (Some(d("2018-01-17")), p("2018-12-11", "2018-12-12"));
        assert_eq!(reconcile(&mut letter, &mut period), Some(Reconciled::LetterYear { written: d("2018-01-17") }));
        assert_eq!(letter, Some(d("2019-01-17")));
        // An inspection period a year off.
        let (mut letter, mut period) = (Some(d("2024-03-01")), p("2022-12-04", "2022-12-08"));
        assert!(matches!(reconcile(&mut letter, &mut period), Some(Reconciled::InspectionYear { .. })));
        assert_eq!(period, p("2023-12-04", "2023-12-08"));
        // Years apart: reported, left as written.
        let (mut letter, mut period) = (Some(d("2024-03-01")), p("2016-10-03", "2016-10-07"));
        assert_eq!(reconcile(&mut letter, &mut period), Some(Reconciled::Inconsistent));
        assert_eq!(period, p("2016-10-03", "2016-10-07"));
        assert_eq!(d("2024-03-01").days_since_epoch() - d("2023-03-01").days_since_epoch(), 366);
    }
}
