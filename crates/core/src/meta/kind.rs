//! Recognising the kind of document from its opening and its headings.

use std::sync::LazyLock;

use regex::Regex;

use super::model::DocKind;
use crate::structure::SectionKind;
use crate::text::prefix;

static PLAN: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"(?i)\b(business|action|improvement|strategic|delivery) plan\b|\bkey deliverables?\b")
        .unwrap()
});
static BRIEFING: LazyLock<Regex> =
    LazyLock::new(|| crate::text::rx::regex(r"(?i)\b(7|seven)[- ]minute briefing\b|\bbriefing\b").unwrap());
static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(
        r"(?i)^\s*inspection dates?:|local area partnership report|area send inspection of|inspection of [^\n]{1,80} local authority\s+children'?’?s\s+services|^\s*overall effectiveness\b|single inspection framework",
    )
    .unwrap()
});
static LETTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(
        r"(?im)^\s*(joint targeted area inspection|focused visit to|joint inspection of|monitoring visit to)\b",
    )
    .unwrap()
});
static RESPONSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(
        r"(?i)\bre:\s*[^\n]{0,80}\bresponse\b|\bin response to\b|\bi welcome the\b|\bwe welcome the\b|\bour response\b",
    )
    .unwrap()
});

/// Guesses the document kind from its first few thousand bytes and the section kinds found.
pub(crate) fn detect(head: &str, sections: &[SectionKind]) -> DocKind {
    let top = prefix(head, 600);
    let has_findings = sections.iter().any(|k| {
        matches!(
            k,
            SectionKind::HeadlineFindings
                | SectionKind::Improvements
                | SectionKind::Strengths
                | SectionKind::PriorityActions
                | SectionKind::MainFindings
        )
    });
    if REPORT.is_match(prefix(head, 1500)) && !LETTER.is_match(prefix(head, 3000)) {
        return DocKind::Report;
    }
    if LETTER.is_match(prefix(head, 3000)) && has_findings {
        return DocKind::InspectionLetter;
    }
    if PLAN.is_match(top) || (PLAN.is_match(head) && head.contains('\t')) {
        return DocKind::Plan;
    }
    if BRIEFING.is_match(top) {
        return DocKind::Briefing;
    }
    if RESPONSE.is_match(prefix(head, 2500)) && !has_findings {
        return DocKind::ResponseLetter;
    }
    if has_findings && (head.contains("Dear ") || LETTER.is_match(head)) {
        return DocKind::InspectionLetter;
    }
    if has_findings && sections.iter().filter(|k| k.is_list()).count() >= 1 && head.len() > 2000 {
        return DocKind::Report;
    }
    DocKind::Other
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    #[test]
    fn kinds() {
        let cases: &[(&str, &[SectionKind], DocKind)] = &[
            (
                "12 May 2026\n\nDear X\n\nJoint targeted area inspection of X\n",
                &[HeadlineFindings, Strengths],
                DocKind::InspectionLetter,
            ),
            (
                "Dear Ms Miles\n\nFocused visit to Shropshire children's services\n",
                &[HeadlineFindings],
                DocKind::InspectionLetter,
            ),
            (
                "Dear all\n\nRe: Response to HMICFRS - Joint inspection\n\nI welcome the findings",
                &[Closing],
                DocKind::ResponseLetter,
            ),
            ("7-Minute Briefing - Multi-Agency Casefile Audit\n", &[Other, Strengths, Improvements], DocKind::Briefing),
            ("Partnerships'\n2025-2027 Business Plan\n\n1. CSA\t\t\t\n", &[Other], DocKind::Plan),
            (
                "Local area partnership report\n\nArea SEND inspection of Bury Local Area\n",
                &[Strengths, Improvements],
                DocKind::Report,
            ),
            (
                "Inspection of Devon local authority\nchildren's services\n\nInspection dates: 30 September",
                &[Improvements],
                DocKind::Report,
            ),
            ("Some notes about the weather.", &[], DocKind::Other),
        ];
        for (head, sections, want) in cases {
            assert_eq!(detect(head, sections), *want, "{head:?}");
        }
    }
}
