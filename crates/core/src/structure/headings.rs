//! The heading vocabulary of every era, mapped to canonical section kinds.

use std::sync::LazyLock;

use regex::Regex;

use super::markers::heading_number_len;
use super::model::SectionKind;
use crate::text::fold_quote;

/// A heading key: numbering, markup, footnote digits and final punctuation removed, quotes
/// straight, lower case, single spaces. `"3. WHAT NEEDS TO IMPROVE?1"` → `"what needs to improve"`.
pub(crate) fn heading_key(line: &str) -> String {
    let line = line.trim_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    let line = &line[heading_number_len(line)..];
    let mut key = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        let c = match c {
            '\u{2013}' | '\u{2014}' => '-',
            '*' | '_' => continue,
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => fold_quote(c).unwrap_or(c),
        };
        if space && !key.is_empty() {
            key.push(' ');
        }
        space = false;
        key.extend(c.to_lowercase());
    }
    // Trailing footnote digits glued to the end ("improve?1", "strengths2") and final punctuation.
    let trimmed = key.trim_end_matches(|c: char| c.is_ascii_digit() || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c));
    let trimmed = if trimmed.len() < key.len() && trimmed.ends_with(|c: char| c.is_alphabetic() || c == '?' || c == ':')
    {
        trimmed
    } else {
        &key
    };
    trimmed.trim_end_matches(['?', ':', '.', ';', ',', ' ']).to_string()
}

static EXACT: &[(&str, SectionKind)] = &[
    ("context", SectionKind::Context),
    ("information about the local area partnership", SectionKind::Context),
    ("inspection outcome", SectionKind::HeadlineFindings),
    ("local area partnership details", SectionKind::Other),
    ("information about this inspection", SectionKind::Other),
    ("inspection team", SectionKind::Other),
    ("headline findings", SectionKind::HeadlineFindings),
    ("overview", SectionKind::HeadlineFindings),
    ("summary of findings", SectionKind::HeadlineFindings),
    ("areas for priority action", SectionKind::PriorityActions),
    ("areas for priority actions", SectionKind::PriorityActions),
    ("area for priority action", SectionKind::PriorityActions),
    ("area for priority actions", SectionKind::PriorityActions),
    ("priority action", SectionKind::PriorityActions),
    ("priority actions", SectionKind::PriorityActions),
    ("priority and immediate action", SectionKind::PriorityActions),
    ("priority and immediate actions", SectionKind::PriorityActions),
    ("areas requiring priority action", SectionKind::PriorityActions),
    ("learning points", SectionKind::Improvements),
    ("learning point", SectionKind::Improvements),
    ("strengths", SectionKind::Strengths),
    ("key strengths", SectionKind::Strengths),
    ("early help strengths", SectionKind::Strengths),
    ("areas of strength", SectionKind::Strengths),
    ("main findings", SectionKind::MainFindings),
    ("findings", SectionKind::MainFindings),
    ("detailed findings", SectionKind::MainFindings),
    ("next steps", SectionKind::NextSteps),
    ("next step", SectionKind::NextSteps),
    ("yours sincerely", SectionKind::Closing),
    ("yours faithfully", SectionKind::Closing),
    ("yours truly", SectionKind::Closing),
    ("kind regards", SectionKind::Closing),
];

struct Pattern {
    re: Regex,
    kind: SectionKind,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: &str, kind| Pattern { re: crate::text::rx::regex(re).expect("heading pattern"), kind };
    vec![
        p(
            r"^(practice|case) (study|studies)\b.*\b(improvement|priority action)",
            SectionKind::PracticeStudyImprovement,
        ),
        p(r"^(practice|case) (study|studies)\b", SectionKind::PracticeStudyEffective),
        p(r"^places and spaces\b.*\beffective practice$", SectionKind::PracticeStudyEffective),
        p(
            r"^what needs? to (improve|be improved|be better|do better)( in [a-z' -]{1,60})?$",
            SectionKind::Improvements,
        ),
        p(
            r"^what (does|do|should) (the )?[a-z' -]{2,60} (needs?|have) to (improve|do better|be better)\b.{0,30}$",
            SectionKind::Improvements,
        ),
        p(r"^areas? (for|of|requiring|needing) (further )?(improvement|development)s?$", SectionKind::Improvements),
        p(r"^(the )?[a-z' -]{2,50}'s? (key )?strengths$", SectionKind::Strengths),
        p(r"^what (is|are) (the )?[a-z' -]{2,60} doing (that is|well)\b.{0,20}$", SectionKind::Strengths),
        p(r"^what (worked|works|is working|went|has worked) well\b.{0,40}$", SectionKind::Strengths),
        // Area SEND reports: "What is it like to be a child or young person with special
        // educational needs and/or disabilities (SEND) in this area?"
        p(r"^what is it like to be a (child|young person)\b.{0,120}$", SectionKind::MainFindings),
        // Report judgement sections: "The experiences and progress of children in care: inadequate".
        p(
            r"^[a-z][a-z' ,-]{8,120}: (inadequate|requires improvement( to be good)?|good|outstanding)$",
            SectionKind::Other,
        ),
    ]
});

/// Words a vocabulary heading can start with (after any numbering).
const FIRST_WORDS: &[&str] = &[
    "context",
    "headline",
    "overview",
    "summary",
    "areas",
    "area",
    "priority",
    "what",
    "learning",
    "strengths",
    "key",
    "early",
    "main",
    "findings",
    "detailed",
    "next",
    "yours",
    "kind",
    "practice",
    "case",
    "places",
    "the",
    "inspection",
    "information",
    "local",
];

/// The canonical kind of a heading line, if it is one of the vocabulary.
pub(crate) fn classify(line: &str) -> Option<SectionKind> {
    if line.len() > 160 {
        return None;
    }
    // Cheap rejection before any allocation: the first word must be one a heading starts with.
    let body = line.trim_start_matches(|c: char| c == '*' || c == '_' || c == '#' || c.is_whitespace());
    let body = &body[heading_number_len(body)..];
    let first = body.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !FIRST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first)) && !line.contains(':') {
        return None;
    }
    let trimmed = line.trim_end();
    if trimmed.ends_with('.') && trimmed.split_whitespace().count() > 4 {
        return None; // a sentence, not a heading
    }
    let key = heading_key(line);
    if key.is_empty() || key.split(' ').count() > 24 {
        return None;
    }
    if let Some((_, kind)) = EXACT.iter().find(|(k, _)| *k == key) {
        return Some(*kind);
    }
    PATTERNS.iter().find(|p| p.re.is_match(&key)).map(|p| p.kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SectionKind::*;

    #[test]
    fn vocabulary_of_every_era() {
        let cases: &[(&str, Option<SectionKind>)] = &[
            ("Headline findings", Some(HeadlineFindings)),
            ("HEADLINE FINDINGS", Some(HeadlineFindings)),
            ("2. Headline findings", Some(HeadlineFindings)),
            ("What needs to improve?", Some(Improvements)),
            ("What needs to improve?1", Some(Improvements)),
            ("3. WHAT NEEDS TO IMPROVE?", Some(Improvements)),
            ("What needs to improve in this area of social work practice?", Some(Improvements)),
            ("What needs to improve in this area of social work practice:", Some(Improvements)),
            ("What does the local authority need to improve?", Some(Improvements)),
            ("What does the area partnership need to do better?", Some(Improvements)),
            ("Areas for improvement", Some(Improvements)),
            ("05 Learning Points", Some(Improvements)),
            ("Areas for priority action", Some(PriorityActions)),
            ("Area for priority action", Some(PriorityActions)),
            ("Priority and immediate action", Some(PriorityActions)),
            ("Strengths", Some(Strengths)),
            ("Key Strengths", Some(Strengths)),
            ("Early help strengths", Some(Strengths)),
            ("The local authority\u{2019}s strengths", Some(Strengths)),
            ("What is the area partnership doing that is effective?", Some(Strengths)),
            ("04 What worked well", Some(Strengths)),
            ("Main findings", Some(MainFindings)),
            ("Findings", Some(MainFindings)),
            ("Practice study: highly effective practice", Some(PracticeStudyEffective)),
            ("Case study: effective practice", Some(PracticeStudyEffective)),
            ("Practice study: areas of highly effective practice", Some(PracticeStudyEffective)),
            ("Places and spaces: highly effective practice", Some(PracticeStudyEffective)),
            ("Practice study: area for improvement", Some(PracticeStudyImprovement)),
            ("Case study: areas for priority action and improvement", Some(PracticeStudyImprovement)),
            ("Case study: area for priority action", Some(PracticeStudyImprovement)),
            ("Next steps", Some(NextSteps)),
            ("Yours sincerely", Some(Closing)),
            ("Yours Sincerely,", Some(Closing)),
            ("Context", Some(Context)),
            ("Overview", Some(HeadlineFindings)),
            ("Inspection outcome", Some(HeadlineFindings)),
            ("Information about the local area partnership", Some(Context)),
            (
                "What is it like to be a child or young person with special educational needs and/or disabilities (SEND) in this area?",
                Some(MainFindings),
            ),
            ("Local area partnership details", Some(Other)),
            ("The experiences and progress of children in care: inadequate", Some(Other)),
            (
                "The impact of leaders on social work practice with children and families: requires improvement to be good",
                Some(Other),
            ),
            // Not headings.
            ("Leadership and management", None),
            ("01 Purpose of this Briefing", None),
            ("The strengths of the partnership are many and varied across the county.", None),
            ("What needs to improve is clear to leaders, who have responded well to this.", None),
            ("Strengthening practice", None),
        ];
        for (line, want) in cases {
            assert_eq!(classify(line), *want, "line {line:?}");
        }
    }
}
