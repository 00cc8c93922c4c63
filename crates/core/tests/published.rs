//! The published documents shipped in `corpus/published/`: every one read right — its local
//! authority and ONS code, its dates, the items of its lists — checked against
//! `corpus/published/MANIFEST.csv` (the publisher's listing, never the file names); the reading
//! of each summarised in `tests/snapshots/published.snap`; and the cases of reading them that
//! matter most, on fixtures built here.

mod common;

use std::fmt::Write;

use common::*;
use letters_core::meta::{Grade, InspectionType};
use letters_core::{CompareBuilder, Document, SectionKind, Tagger};

#[derive(Debug, serde::Deserialize)]
struct Row {
    name: String,
    kind: String,
    published: String,
    inspection_end: String,
    gss_code: String,
}

fn manifest() -> Vec<Row> {
    let mut r = csv::Reader::from_path(published_dir().join("MANIFEST.csv")).unwrap();
    r.deserialize().map(Result::unwrap).collect()
}

fn read(name: &str) -> Document {
    Document::from_bytes(&std::fs::read(published_dir().join(name)).unwrap()).unwrap()
}

fn days(a: &str, b: letters_core::Date) -> i64 {
    let a: letters_core::Date = a.parse().unwrap();
    b.days_since_epoch() - a.days_since_epoch()
}

fn list_items(doc: &Document) -> usize {
    doc.sections.iter().filter(|s| s.kind.is_list()).map(|s| s.items().count()).sum()
}

/// Area, date and list items of every shipped published document, as the scoreboard of the
/// published corpus checks them: the area's ONS code; a letter's date within a week of its
/// publication, a report's inspection ending within 200 days before it; items in the lists of
/// every JTAI letter and area SEND report.
#[test]
fn every_published_document_reads_right() {
    let rows = manifest();
    assert_eq!(rows.len(), 110);
    let mut wrong = Vec::new();
    for r in &rows {
        let doc = read(&r.name);
        let codes: Vec<&str> = doc.meta.authorities.iter().map(|a| a.code.as_str()).collect();
        if !codes.contains(&r.gss_code.as_str()) {
            wrong.push(format!("{}: area {:?} {codes:?}, want {}", r.name, doc.meta.area, r.gss_code));
        }
        let date_ok = if !r.inspection_end.is_empty() {
            doc.meta.inspection.end.is_some_and(|e| days(&r.inspection_end, e) == 0)
        } else if r.kind == "area-send" {
            doc.meta.inspection.end.is_some_and(|e| (0..=200).contains(&-days(&r.published, e)))
        } else {
            doc.meta.date.is_some_and(|d| days(&r.published, d).abs() <= 7)
        };
        if !date_ok {
            wrong.push(format!("{}: date {:?}, inspection {:?}", r.name, doc.meta.date, doc.meta.inspection));
        }
        if ["jtai", "area-send"].contains(&r.kind.as_str()) && list_items(&doc) == 0 {
            wrong.push(format!("{}: no list items", r.name));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// One line per published document: kind, inspection type, topic, authorities, dates,
/// judgements and the items of each list. Re-bless with `LETTERS_BLESS=1` after a deliberate
/// change, and read the diff.
#[test]
fn published_summary_snapshot() {
    let mut out = String::new();
    for r in manifest() {
        let d = read(&r.name);
        let m = &d.meta;
        let codes: Vec<&str> = m.authorities.iter().map(|a| a.code.as_str()).collect();
        let opt = |x: Option<letters_core::Date>| x.map_or("-".to_string(), |d| d.to_string());
        let items: Vec<String> = [SectionKind::PriorityActions, SectionKind::Improvements, SectionKind::Strengths]
            .iter()
            .map(|k| d.sections_of(*k).map(|s| s.items().count()).sum::<usize>().to_string())
            .collect();
        let judgements: Vec<String> = m.judgements.iter().map(|j| j.grade.as_str().to_string()).collect();
        writeln!(
            out,
            "{} | {} {} {} | {} {} | date {} inspected {}..{} | {} | items p/i/s {} | warnings {}",
            r.name,
            d.kind.as_str(),
            m.inspection_type.map_or("-", |t| t.as_str()),
            m.topic_code.map(letters_core::meta::TopicCode::as_str).unwrap_or("-"),
            m.area.as_deref().unwrap_or("-"),
            codes.join(";"),
            opt(m.date),
            opt(m.inspection.start),
            opt(m.inspection.end),
            judgements.join(","),
            items.join("/"),
            d.warnings.iter().map(|w| w.code.as_str()).collect::<Vec<_>>().join(","),
        )
        .unwrap();
    }
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/published.snap");
    if std::env::var_os("LETTERS_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    let diff: Vec<String> =
        want.lines().zip(out.lines()).filter(|(a, b)| a != b).map(|(a, b)| format!("want {a}\n got {b}")).collect();
    assert!(diff.is_empty() && want.lines().count() == out.lines().count(), "{}", diff.join("\n"));
}

fn letter(date: &str, title: &str, body: &str) -> String {
    format!("{date}\n\nDear Ms Smith\n\n{title}\n\n{body}\n\nWhat needs to improve?\n\n- Plans.\n")
}

/// Two spellings of one authority are one group of a comparison, with one code.
#[test]
fn two_spellings_one_group() {
    let a =
        Document::parse(&letter("10 May 2023", "Joint targeted area inspection of London Borough of Sutton", "Text."));
    let b = Document::parse(&letter("10 May 2024", "Focused visit to Sutton children's services", "Text."));
    let tagger = Tagger::new();
    let mut c = CompareBuilder::new().build(tagger.taxonomy());
    c.add("a.txt", &a, &tagger.tag_document(&a));
    c.add("b.txt", &b, &tagger.tag_document(&b));
    let c = c.finish();
    let groups: Vec<(&str, Option<&str>, usize)> =
        c.areas.iter().map(|g| (g.area.as_str(), g.code.as_deref(), g.documents.len())).collect();
    assert_eq!(groups, [("Sutton", Some("E09000029"), 2)]);
}

/// The two ways of adding a document — its findings (`Comparer::add`), or a summary a worker
/// made (`Comparer::summarise`, then `add_summary`) — give the same comparison of the published
/// documents, evidence and the words that tagged it included.
#[test]
fn adding_findings_or_summaries_compares_alike() {
    let tagger = Tagger::new();
    let mut builder = CompareBuilder::new();
    builder.evidence_per_cell(5);
    let (mut by_findings, mut by_summaries) = (builder.build(tagger.taxonomy()), builder.build(tagger.taxonomy()));
    let mut names: Vec<String> = std::fs::read_dir(published_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for name in &names {
        let doc = read(name);
        by_findings.add(name, &doc, &tagger.tag_document(&doc));
        by_summaries.add_summary(by_summaries.summarise(name, &doc, &tagger));
    }
    let (a, b) = (by_findings.finish(), by_summaries.finish());
    assert_eq!(a, b);
    let evidence: Vec<_> = a.themes.iter().flat_map(|t| t.cells.values()).flat_map(|c| &c.evidence).collect();
    assert!(evidence.len() > 1000, "{}", evidence.len());
    for e in evidence {
        assert!(!e.matched.is_empty() && e.matched.iter().all(|m| e.text.contains(m.as_str())), "{e:?}");
    }
}

/// The authority that existed at the document's date: Northamptonshire before its division in
/// 2021, North Northamptonshire after.
#[test]
fn the_authority_of_the_documents_date() {
    let code = |text: &str| Document::parse(text).meta.authorities.iter().map(|a| a.code.clone()).collect::<Vec<_>>();
    let old = letter("20 June 2018", "Focused visit to Northamptonshire children's services", "Text.");
    assert_eq!(code(&old), ["E10000021"]);
    let new = letter("20 June 2024", "Focused visit to North Northamptonshire children's services", "Text.");
    assert_eq!(code(&new), ["E06000061"]);
}

/// An area named only in the body, as the area ("Sutton's children's services"), not a place
/// met in passing.
#[test]
fn an_area_named_only_in_the_body() {
    let text = "10 May 2024\n\nDear Ms Smith\n\nInspectors met staff in Manchester and Leeds.\n\nSutton's children's services have improved. The London Borough of Sutton has a plan.\n";
    let doc = Document::parse(text);
    assert_eq!(doc.meta.area.as_deref(), Some("Sutton"));
    assert_eq!(doc.meta.authorities[0].code, "E09000029");
    // Nothing named: no area, and a warning — never a phrase of the title.
    let none = Document::parse(&letter(
        "10 May 2024",
        "Joint targeted area inspection of the multi-agency response to child sexual exploitation",
        "Text.",
    ));
    assert_eq!((none.meta.area.as_deref(), none.meta.authorities.len()), (None, 0));
    assert!(none.warnings.iter().any(|w| w.code == "missing-area"));
}

/// Names broken by extraction: a hyphen at a line's end, words run together.
#[test]
fn names_broken_across_lines() {
    let code = |title: &str| {
        Document::parse(&letter("1 March 2024", title, "Text."))
            .meta
            .authorities
            .iter()
            .map(|a| a.code.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(code("Focused visit to Stoke-on-\nTrent children's services"), ["E06000021"]);
    assert_eq!(code("Focused visit to North Northampton-\nshire children's services"), ["E06000061"]);
    assert_eq!(code("Focused visit to WestBerkshire children's services"), ["E06000037"]);
}

/// A strengths list whose bullets were lost: each finding paragraph is an item (a 2017 letter
/// whose 23 strengths and 24 improvements are paragraphs, with sub-headings among them).
#[test]
fn a_list_of_paragraphs_is_a_list_of_items() {
    let doc = read("jtai-2017-08-11-peterborough.txt");
    let s = doc.section(SectionKind::Strengths).unwrap();
    assert_eq!(s.items().count(), 23);
    assert!(s.items().next().unwrap().text.starts_with("The PSCB has started to support partners"));
    let imp = doc.section(SectionKind::Improvements).unwrap();
    assert_eq!(imp.items().count(), 24);
    // Sub-headings stay paragraphs.
    let subs: Vec<&str> =
        imp.blocks.iter().filter(|b| b.kind == letters_core::BlockKind::Paragraph).map(|b| b.text.as_str()).collect();
    assert_eq!(subs[0], "Identifying and managing risk of harm at the 'front door'");
}

/// What the inspection was, read from shipped documents: type, topic code, judgements.
#[test]
fn inspection_type_topic_and_judgements() {
    let devon = read("devon_ilacs_2025.txt");
    assert_eq!(devon.meta.inspection_type, Some(InspectionType::Ilacs));
    let grades: Vec<(&str, Grade)> = devon.meta.judgements.iter().map(|j| (j.area.as_str(), j.grade)).collect();
    assert_eq!(
        grades,
        [
            ("The impact of leaders on social work practice with children and families", Grade::RequiresImprovement),
            ("The experiences and progress of children who need help and protection", Grade::Inadequate),
            ("The experiences and progress of children in care", Grade::Inadequate),
            ("The experiences and progress of care leavers", Grade::Inadequate),
            ("Overall effectiveness", Grade::Inadequate),
        ]
    );
    let bexley = read("area-send-2024-02-23-bexley.txt");
    assert_eq!(bexley.meta.inspection_type, Some(InspectionType::AreaSend));
    assert_eq!(bexley.meta.topic_code.map(letters_core::meta::TopicCode::as_str), Some("send"));
    assert_eq!(bexley.meta.judgements[0].grade, Grade::SignificantConcerns);
    // A 2016 JTAI: the deep dive, not the generic title, is its topic.
    let wiltshire = read("jtai-2016-12-16-wiltshire.txt");
    assert_eq!(wiltshire.meta.topic.as_deref(), Some("children living with domestic abuse"));
    assert_eq!(wiltshire.meta.topic_code.map(letters_core::meta::TopicCode::as_str), Some("domestic-abuse"));
    let hounslow = read("focused-visit-2021-08-23-hounslow.txt");
    assert_eq!(
        (hounslow.meta.inspection_type, hounslow.meta.topic_code.map(letters_core::meta::TopicCode::as_str)),
        (Some(InspectionType::FocusedVisit), Some("exploitation"))
    );
}
