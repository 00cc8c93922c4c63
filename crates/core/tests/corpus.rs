//! The findings model on the shipped corpus: sections, items, page-break repairs, metadata.

mod common;

use common::*;
use letters_core::{BlockKind, DocKind, Document, SectionKind};

fn kinds(doc: &Document) -> Vec<&'static str> {
    doc.sections.iter().map(|s| s.kind.as_str()).collect()
}

fn items(doc: &Document, kind: SectionKind) -> Vec<String> {
    doc.section(kind).map(|s| s.items().map(|b| b.text.clone()).collect()).unwrap_or_default()
}

const LETTER_SECTIONS: [&str; 9] = [
    "introduction",
    "headline-findings",
    "improvements",
    "strengths",
    "main-findings",
    "practice-study-effective",
    "practice-study-improvement",
    "next-steps",
    "closing",
];

#[test]
fn seed_letters_have_exactly_the_letter_sections() {
    for name in [LEICESTERSHIRE, OXFORDSHIRE] {
        let (_, doc) = load(name);
        assert_eq!(doc.kind, DocKind::InspectionLetter, "{name}");
        assert_eq!(kinds(&doc), LETTER_SECTIONS, "{name}");
        assert!(doc.warnings.is_empty(), "{name}: {:?}", doc.warnings);
    }
}

#[test]
fn leicestershire_lists() {
    let (_, doc) = load(LEICESTERSHIRE);
    let imp = items(&doc, SectionKind::Improvements);
    let str_ = items(&doc, SectionKind::Strengths);
    assert_eq!((imp.len(), str_.len()), (3, 7));
    assert!(imp[1].starts_with("Timeliness of child protection processes, particularly strategy meetings"));
    assert!(imp[1].ends_with("what types of interventions are appropriate."));
    assert_eq!(
        str_[6],
        "The Children's Independent Sexual Violence Advocate (ChIVSA) service offers excellent emotional and \
         practical support to children and families for as long as this is needed by them."
    );
}

#[test]
fn oxfordshire_lists_and_the_item_split_by_a_page_top() {
    let (_, doc) = load(OXFORDSHIRE);
    let imp = items(&doc, SectionKind::Improvements);
    assert_eq!((imp.len(), items(&doc, SectionKind::Strengths).len()), (9, 8));
    assert_eq!(
        imp[7],
        "The rigour and effectiveness of the multi-agency public protection arrangements (MAPPA) process."
    );
    assert_eq!(
        imp[8],
        "Levels of confidence and curiosity across the partnership when children's behaviour may indicate that \
         they are being sexually abused in the family."
    );
}

#[test]
fn no_block_contains_a_logo_line() {
    for name in corpus_files() {
        let (_, doc) = load(&name);
        for s in &doc.sections {
            for b in &s.blocks {
                for logo in ["HM Inspectorate", "of Probation CareQuality", "CareQuality", "FINAL"] {
                    assert!(!b.text.contains(logo), "{name}: {logo:?} in {:?}", b.text);
                }
            }
        }
    }
}

/// The paragraph of `kind` that contains `needle`, which must be unique.
fn paragraph_with<'d>(doc: &'d Document, kind: SectionKind, needle: &str) -> &'d str {
    let found: Vec<&str> = doc
        .sections_of(kind)
        .flat_map(|s| &s.blocks)
        .filter(|b| b.kind == BlockKind::Paragraph && b.text.contains(needle))
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(found.len(), 1, "{needle:?} in {found:?}");
    found[0]
}

#[test]
fn paragraphs_split_by_a_page_break_are_whole() {
    let (_, doc) = load(LEICESTERSHIRE);
    let main = SectionKind::MainFindings;
    for (needle, start, end) in [
        ("the partnership recognises the need to improve the quality", "Managers overseeing", "support for children."),
        (
            "They can give guidance and support on pathways",
            "When strategy meetings are held",
            "not always shared promptly.",
        ),
        (
            "who are aware of the SARC are signposting to the service",
            "Staff in the SARC",
            "and/or therapeutic interventions.",
        ),
        ("posing a risk, and they update children's social care", "The police Artemis team", "posed to any children."),
    ] {
        let p = paragraph_with(&doc, main, needle);
        assert!(p.starts_with(start) && p.ends_with(end), "{p}");
    }
    // A page break between two paragraphs is not bridged.
    let p = paragraph_with(&doc, main, "Schools have clear, effective systems");
    assert!(p.ends_with("through a subgroup in the local safeguarding partnership."));
    assert_eq!(doc.section(main).unwrap().blocks.len(), 47);

    let (_, doc) = load(OXFORDSHIRE);
    for (needle, end) in [
        ("the alleged perpetrator of sexual abuse being removed from the family", "other kinds of abuse."),
        ("with other forms of abuse not being addressed once sexual abuse", "progress is slow."),
        ("Both social workers and police attend joint training.", "evidence-gathering."),
        ("in the family environment, including a bespoke supervisory", "improved initial response."),
    ] {
        let p = paragraph_with(&doc, main, needle);
        assert!(p.ends_with(end), "{p}");
    }
    assert_eq!(doc.section(main).unwrap().blocks.len(), 32);
}

#[test]
fn leicestershire_metadata() {
    let (_, doc) = load(LEICESTERSHIRE);
    let m = &doc.meta;
    assert_eq!(m.area.as_deref(), Some("Leicestershire"));
    assert_eq!(m.date.unwrap().to_string(), "2026-02-12");
    assert_eq!(m.title.as_deref(), Some("Joint targeted area inspection of Leicestershire"));
    assert_eq!(m.topic.as_deref(), Some("child sexual abuse in the family environment"));
    assert_eq!(m.inspection.start.unwrap().to_string(), "2025-12-08");
    assert_eq!(m.inspection.end.unwrap().to_string(), "2025-12-12");
    let insp: Vec<&str> = m.inspectorates.iter().map(|i| i.as_str()).collect();
    assert_eq!(insp, ["Ofsted", "CQC", "HMICFRS", "HMIP"]);
    assert_eq!(m.addressees.len(), 7);
    assert_eq!(m.addressees[0].name, "Sharon Cooke");
    assert_eq!(m.addressees[0].role.as_deref(), Some("Director of Children's Services, Leicestershire"));
    assert_eq!(m.addressees[6].name, "Amanda Boodhoo");
    assert_eq!(m.salutation.as_deref(), Some("Dear Leicestershire Local Safeguarding Partnership"));
    assert_eq!(m.signatories.len(), 4);
    assert_eq!(m.signatories[2].name, "Michelle Skeer OBE QPM");
    assert_eq!(
        m.signatories[2].role.as_deref(),
        Some("His Majesty's Inspector of Constabulary, His Majesty's Inspector of Fire & Rescue Services")
    );
    assert_eq!(m.signatories[3].name, "Martin Jones CBE");
    assert_eq!(m.principal_authority.as_deref(), Some("Leicestershire County Council"));
    assert_eq!(m.deadline.unwrap().to_string(), "2026-05-28");
}

#[test]
fn oxfordshire_metadata() {
    let (_, doc) = load(OXFORDSHIRE);
    let m = &doc.meta;
    assert_eq!(m.area.as_deref(), Some("Oxfordshire"));
    assert_eq!(m.date.unwrap().to_string(), "2026-05-14");
    assert_eq!(m.inspection.start.unwrap().to_string(), "2026-02-09");
    assert_eq!(m.inspection.end.unwrap().to_string(), "2026-02-13");
    assert_eq!(m.inspectorates.len(), 4);
    assert_eq!(m.addressees.len(), 7);
    assert_eq!(m.addressees[1].name, "Dr Martin Reeves");
    assert_eq!(m.signatories.len(), 4);
    assert_eq!(m.signatories[2].name, "Kathryn Stone OBE");
    assert_eq!(m.deadline.unwrap().to_string(), "2026-08-21");
    assert_eq!(
        m.principal_authority.as_deref(),
        Some("Lisa Lyons, Director of Children's Services (DCS), in her capacity as chair of the OSCP")
    );
}

#[test]
fn response_briefing_and_plan() {
    let (_, doc) = load(RESPONSE);
    assert_eq!(doc.kind, DocKind::ResponseLetter);
    assert_eq!(doc.meta.date.unwrap().to_string(), "2026-03-26");
    assert_eq!(doc.meta.area.as_deref(), Some("Leicestershire"));
    assert_eq!(kinds(&doc), ["introduction", "closing"]);
    assert_eq!(doc.section(SectionKind::Introduction).unwrap().blocks.len(), 11);
    assert_eq!(doc.meta.signatories.len(), 1);
    assert_eq!(doc.meta.signatories[0].name, "Rupert Matthews");

    let (_, doc) = load(BRIEFING);
    assert_eq!(doc.kind, DocKind::Briefing);
    let worked = doc.section(SectionKind::Strengths).unwrap();
    assert_eq!(worked.heading.as_deref(), Some("04 What worked well"));
    assert_eq!(worked.items().count(), 7);
    let learning = doc.section(SectionKind::Improvements).unwrap();
    assert_eq!(learning.heading.as_deref(), Some("05 Learning Points"));
    assert_eq!(learning.items().count(), 9);
    assert_eq!(
        learning.items().last().unwrap().text,
        "Some agencies reported not receiving minutes from Strategy Discussions."
    );

    let (_, doc) = load(PLAN);
    assert_eq!(doc.kind, DocKind::Plan);
    let priorities: Vec<(&str, usize)> = doc
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Other)
        .map(|s| (s.heading.as_deref().unwrap_or(""), s.items().count()))
        .collect();
    assert_eq!(
        priorities,
        [("1. Child Sexual Abuse (CSA)", 9), ("2. Neglect", 4), ("3. Harm Outside the Home", 4), ("4. Belonging", 4)]
    );
    let csa: Vec<&str> = doc.sections[1].items().map(|b| b.text.as_str()).collect();
    assert_eq!(csa[0], "NSPCC (funded by the Home Office) system-wide CSA snapshot");
    // A deliverable continued across a page break (after the footnote and "FINAL") is whole.
    assert!(csa[5].starts_with("Develop or adopt a local coalition"));
    assert!(csa[5].ends_with("see the Centre of Expertise on Child Sexual Abuse Response Pathway Child Sexual Abuse Response Pathway CSA Centre ."));
    let belonging: Vec<&str> = doc.sections[4].items().map(|b| b.text.as_str()).collect();
    assert!(
        belonging[0]
            .ends_with("to improve knowledge, understanding, and practice in relation to safeguarding children.")
    );
}

#[test]
fn every_span_slices_the_input_on_char_boundaries() {
    let norm = |s: &str| s.replace(['\u{2019}', '\u{2018}'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
    for name in corpus_files() {
        let (text, doc) = load(&name);
        let mut checked = 0;
        for s in &doc.sections {
            assert!(text.get(s.span.range()).is_some(), "{name}: section {:?}", s.span);
            for b in &s.blocks {
                let slice = norm(text.get(b.span.range()).expect("block span on char boundaries"));
                assert!(s.span.contains(b.span), "{name}: block outside its section");
                assert_eq!(slice.chars().next(), b.text.chars().next(), "{name}: {:?}", b.text);
                assert_eq!(slice.chars().last(), b.text.chars().last(), "{name}: {:?}", b.text);
                for st in &b.sentences {
                    let slice = norm(text.get(st.span.range()).expect("sentence span on char boundaries"));
                    assert!(b.span.contains(st.span));
                    let first_word = st.text.split_whitespace().next().unwrap();
                    assert!(slice.starts_with(first_word), "{name}: {slice:?} vs {:?}", st.text);
                    assert_eq!(slice.chars().last(), st.text.chars().last());
                    checked += 1;
                }
            }
        }
        assert!(checked > 10, "{name}: only {checked} sentences");
    }
}

#[test]
fn sentences_of_a_paragraph() {
    let (text, doc) = load(LEICESTERSHIRE);
    let p = paragraph_with(&doc, SectionKind::MainFindings, "Police only share public protection notices");
    let block = doc.sections_of(SectionKind::MainFindings).flat_map(|s| &s.blocks).find(|b| b.text == p).unwrap();
    let sentences: Vec<&str> = block.sentences.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(sentences.len(), 3);
    assert_eq!(
        sentences[0],
        "Police only share public protection notices (PPNs) with children's social care services."
    );
    assert_eq!(&text[block.sentences[2].span.range()], sentences[2]);
}

#[test]
fn documents_round_trip_through_json() {
    for name in corpus_files() {
        let (_, doc) = load(&name);
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert_eq!(back, doc, "{name}");
    }
}
