//! Two people's codings of the same units compared with each other, as the tool's coding is
//! compared with a person's: each coding's units are found among the tool's findings
//! ([`super::align_document`]), and units found at the same place — the same finding, or the
//! same sentence of it — are paired. The second coding then takes the tool's side.

use super::UnitResult;
use super::align::words;
use crate::tag::Polarity;

/// Two codings paired unit by unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Paired {
    /// The first coding's units, with the second's codes on the tool's side (`tool_themes`,
    /// `tool_polarity`; no evidence and no cues). A unit the second coding gives no polarity
    /// counts for themes only (its `gold_polarity` is `None`, its `tool_polarity` neutral).
    pub units: Vec<UnitResult>,
    /// Units of the first coding the second has none at the place of.
    pub first_only: Vec<UnitResult>,
    /// Units of the second coding the first has none at the place of.
    pub second_only: Vec<UnitResult>,
}

/// Pairs the units of one document as two codings found them. Of several units at the same
/// place (two sentences of one list item, each coded whole), those with the same opening words
/// pair first, then the rest in the order of their rows.
pub fn pair_codings(mut first: Vec<UnitResult>, mut second: Vec<UnitResult>) -> Paired {
    first.sort_by_key(|u| u.row);
    second.sort_by_key(|u| u.row);
    let mut taken = vec![false; second.len()];
    let (mut units, mut first_only) = (Vec::new(), Vec::new());
    let openings: Vec<Vec<String>> = second.iter().map(|b| words(&b.opening)).collect();
    for mut a in first {
        let free = |i: &usize| !taken[*i] && second[*i].span == a.span && second[*i].text == a.text;
        let opening = words(&a.opening);
        let here = (0..second.len()).filter(free).find(|&i| openings[i] == opening);
        let Some(i) = here.or_else(|| (0..second.len()).find(free)) else {
            first_only.push(a);
            continue;
        };
        taken[i] = true;
        let b = &second[i];
        a.tool_themes = b.gold_themes.clone();
        match b.gold_polarity {
            Some(p) => a.tool_polarity = p,
            None => (a.gold_polarity, a.tool_polarity) = (None, Polarity::Neutral),
        }
        a.evidence.clear();
        a.cues.clear();
        units.push(a);
    }
    let second_only = second.into_iter().zip(taken).filter(|(_, t)| !t).map(|(b, _)| b).collect();
    Paired { units, first_only, second_only }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::SectionKind;
    use crate::tag::{Evidence, Unit};
    use crate::text::Span;

    fn unit(row: usize, at: usize, text: &str, themes: &[&str], polarity: Option<Polarity>) -> UnitResult {
        UnitResult {
            row,
            path: "a.txt".into(),
            opening: text.into(),
            kind: None,
            unit: Unit::Sentence,
            section: SectionKind::MainFindings,
            text: text.into(),
            span: Span::new(at, at + text.len()),
            gold_themes: themes.iter().map(|t| t.to_string()).collect(),
            tool_themes: vec!["timeliness".into()],
            gold_polarity: polarity,
            tool_polarity: Polarity::Strength,
            evidence: vec![Evidence {
                theme: "timeliness".into(),
                text: "quickly".into(),
                span: Span::new(at, at + 7),
            }],
            cues: vec!["quickly".into()],
        }
    }

    #[test]
    fn units_at_the_same_place_pair_and_the_rest_are_named() {
        use Polarity::*;
        let first = vec![
            unit(3, 100, "Staff act quickly.", &["timeliness"], Some(Strength)),
            unit(2, 0, "Plans are weak.", &["safety-planning"], Some(Improvement)),
            unit(4, 200, "Only here.", &[], Some(Neutral)),
        ];
        let second = vec![
            // Another sentence of the same finding (the same span): not the same unit.
            UnitResult {
                text: "Staff act slowly.".into(),
                ..unit(6, 100, "Staff act quickly.", &[], Some(Improvement))
            },
            unit(7, 0, "Plans are weak.", &["safety-planning", "risk-assessment"], Some(Mixed)),
            unit(8, 100, "Staff act quickly.", &["timeliness"], None),
            // The same words elsewhere are another unit.
            unit(9, 300, "Only here.", &[], Some(Neutral)),
        ];
        let p = pair_codings(first, second);
        let got: Vec<_> = p
            .units
            .iter()
            .map(|u| (u.row, u.gold_themes.len(), u.tool_themes.clone(), u.gold_polarity, u.tool_polarity))
            .collect();
        let two = vec!["safety-planning".to_string(), "risk-assessment".to_string()];
        assert_eq!(got, [(2, 1, two, Some(Improvement), Mixed), (3, 1, vec!["timeliness".to_string()], None, Neutral)]);
        assert!(p.units.iter().all(|u| u.evidence.is_empty() && u.cues.is_empty()));
        assert_eq!(p.first_only.iter().map(|u| u.row).collect::<Vec<_>>(), [4]);
        assert_eq!(p.second_only.iter().map(|u| u.row).collect::<Vec<_>>(), [6, 9]);
    }

    /// Two sentences of one list item, each coded as the whole item (a REFI-QDA project has no
    /// kind to split them by), pair by their opening words whatever the order of the rows.
    #[test]
    fn units_at_one_place_pair_by_their_opening_words() {
        let item = "Plans are weak. Reviews are late.";
        let at = |row, opening: &str, themes: &[&str]| UnitResult {
            opening: opening.into(),
            ..unit(row, 0, item, themes, None)
        };
        let first = vec![at(2, "Plans are weak", &["safety-planning"]), at(3, "Reviews are late", &["timeliness"])];
        let second = vec![at(7, "reviews are  late.", &["timeliness"]), at(8, "Plans are weak", &["safety-planning"])];
        let p = pair_codings(first, second);
        let got: Vec<_> = p.units.iter().map(|u| (u.row, u.gold_themes == u.tool_themes)).collect();
        assert_eq!(got, [(2, true), (3, true)]);
        assert!(p.first_only.is_empty() && p.second_only.is_empty());
    }
}
