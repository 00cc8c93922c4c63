//! Block assembly, case by case.

use super::*;
use crate::read::lines::split_lines;
use crate::structure::furniture;

/// Renders events as "H:kind" and "I:text" / "P:text" strings.
fn render(src: &str) -> Vec<String> {
    let lines = split_lines(src);
    let f = furniture::detect(src, &lines);
    assemble(src, &lines, &f.flags)
        .iter()
        .map(|e| match e {
            Event::Heading(h) => format!("H:{}", h.kind.as_str()),
            Event::Block(b) => {
                let tag = if b.kind == BlockKind::Item { "I" } else { "P" };
                format!("{tag}:{}", b.joined(src))
            }
        })
        .collect()
}

#[test]
fn table_of_cases() {
    let cases: &[(&str, &[&str])] = &[
        // One line per paragraph, bullets on consecutive lines.
        (
            "Strengths\n\n- One thing.\n- Two things.\n\nMain findings\n\nA paragraph.\n",
            &["H:strengths", "I:One thing.", "I:Two things.", "H:main-findings", "P:A paragraph."],
        ),
        // A sentence split by a page break (blank lines, lower-case continuation).
        (
            "Some of this work was\n\n\n\nfar-sighted in advance.\n",
            &["P:Some of this work was far-sighted in advance."],
        ),
        // Hard-wrapped paragraph and item, with a blank line inside the item.
        (
            "What needs to improve?\n\n\u{25fc} The quality of all agencies' gathering and\n\nto the expressed wishes\nof children.\n\n\u{25fc} Second item\nwrapped.\n",
            &[
                "H:improvements",
                "I:The quality of all agencies' gathering and to the expressed wishes of children.",
                "I:Second item wrapped.",
            ],
        ),
        // A glyph alone on its line, text after a blank line.
        (
            "Strengths\n\n\u{f06e}\n\nThe first strength.\n\n\u{f06e}\nThe second.\n",
            &["H:strengths", "I:The first strength.", "I:The second."],
        ),
        // Page break with a footer and page number inside a paragraph: rejoined.
        (
            "First words of the text that runs and\n\nPage 1 of 2\n\x0cInspection of X\nCSAFE is then discussed.\n\nPage 2 of 2\n\x0cInspection of X\nEnd.\n",
            &["P:First words of the text that runs and CSAFE is then discussed.", "P:End."],
        ),
        // Two-line heading.
        (
            "What needs to improve in this area of social work\npractice?\n\n- A point.\n",
            &["H:improvements", "I:A point."],
        ),
        // Numbered briefing headings.
        (
            "01 Purpose of this Briefing\n\nText.\n\n05 Learning Points\n\n- A.\n",
            &["H:other", "P:Text.", "H:improvements", "I:A."],
        ),
        // Plan table rows: the first cell is the item; continuation rows join.
        (
            "1. Neglect\t\t\t\nKey Deliverable\tLead\tTimeframe\tImpact Measure\nLearning on neglect\tGroup\t2026\tAssurance\nDevelop a pathway, see the Centre of\tGroup\tMarch 2026\t\n\nFINAL\n\nExpertise pathway.\t\t\t\nunderstanding, and practice.\t\t\tmore\n\nFINAL\n\nIn addition, the group will audit.\n",
            &[
                "H:other",
                "I:Learning on neglect",
                "I:Develop a pathway, see the Centre of Expertise pathway. understanding, and practice.",
                "P:In addition, the group will audit.",
            ],
        ),
        // A vocabulary word inside wrapped text is not a heading.
        ("The partnership knows its\nstrengths.\n", &["P:The partnership knows its strengths."]),
    ];
    for (src, want) in cases {
        assert_eq!(render(src), *want, "source {src:?}");
    }
}
