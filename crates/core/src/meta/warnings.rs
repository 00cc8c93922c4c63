//! Warnings about a letter's structure: expected sections missing or out of order.

use super::model::{DocKind, Meta};
use crate::error::Warning;
use crate::structure::{Section, SectionKind};

/// Where each kind sits in a letter; kinds of equal rank may come in either order (older
/// letters put strengths before areas for improvement).
fn rank(kind: SectionKind) -> Option<u8> {
    Some(match kind {
        SectionKind::Introduction => 0,
        SectionKind::Context => 1,
        SectionKind::HeadlineFindings => 2,
        SectionKind::PriorityActions
        | SectionKind::Improvements
        | SectionKind::Strengths
        | SectionKind::PracticeStudyEffective
        | SectionKind::PracticeStudyImprovement => 3,
        SectionKind::MainFindings => 4,
        SectionKind::NextSteps => 6,
        SectionKind::Closing => 7,
        SectionKind::Other => return None,
    })
}

/// Structural warnings for inspection letters.
pub(crate) fn check(kind: DocKind, meta: &Meta, sections: &[Section]) -> Vec<Warning> {
    let mut out = Vec::new();
    if kind != DocKind::InspectionLetter {
        return out;
    }
    let has = |k: SectionKind| sections.iter().any(|s| s.kind == k);
    let mut expected = vec![SectionKind::Closing];
    if !has(SectionKind::PriorityActions) {
        expected.insert(0, SectionKind::Improvements);
    }
    let jtai = meta.title.as_deref().is_some_and(|t| t.to_lowercase().starts_with("joint"));
    if jtai {
        expected.insert(0, SectionKind::Strengths);
        expected.push(SectionKind::NextSteps);
    }
    for k in expected {
        if !has(k) {
            out.push(Warning {
                code: "missing-section".into(),
                message: format!("no '{}' section was found", k.as_str()),
            });
        }
    }
    let mut highest: Option<(u8, SectionKind)> = None;
    for s in sections {
        let Some(r) = rank(s.kind) else { continue };
        if let Some((h, hk)) = highest
            && r < h
            && !(r == 3 && h == 4)
        {
            out.push(Warning {
                code: "section-order".into(),
                message: format!("'{}' comes after '{}'", s.kind.as_str(), hk.as_str()),
            });
        }
        if highest.is_none_or(|(h, _)| r > h) {
            highest = Some((r, s.kind));
        }
    }
    if meta.date.is_none() {
        out.push(Warning { code: "missing-date".into(), message: "no letter date was found".into() });
    }
    if meta.area.is_none() {
        out.push(Warning { code: "missing-area".into(), message: "no area was found".into() });
    }
    out
}
