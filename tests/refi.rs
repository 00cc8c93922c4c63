//! REFI-QDA: an export holds, selection for selection, the coding `letters tag` gives; the
//! same input exports to the same bytes; text XML forbids never reaches the file; a person's
//! coding written by hand imports into `letters eval` with the scores worked out by hand.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;

use assert_cmd::Command;
use quick_xml::events::Event;
use serde_json::Value;

fn letters() -> Command {
    let mut c = Command::cargo_bin("letters").unwrap();
    c.env_remove("NO_COLOR").env_remove("COLUMNS");
    c
}

fn export(args: &[&str]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("project.qdpx");
    let run = letters().arg("export").args(args).arg("-o").arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::read(out).unwrap()
}

fn entry(archive: &[u8], name: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(archive)).unwrap();
    let mut s = String::new();
    z.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

fn attr(e: &quick_xml::events::BytesStart, name: &str) -> String {
    let a = e.try_get_attribute(name).unwrap().unwrap_or_else(|| panic!("no {name}"));
    a.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap().into_owned()
}

/// A selection: source name, start and end (code points), and its codes' names.
type Selections = BTreeSet<(String, usize, usize, BTreeSet<String>)>;

/// The selections of a project, with its sources' text files by source name.
fn selections(qde: &str) -> (Selections, BTreeMap<String, String>) {
    let mut reader = quick_xml::Reader::from_str(qde);
    let (mut names, mut files) = (BTreeMap::new(), BTreeMap::new());
    let mut raw: Vec<(String, usize, usize, Vec<String>)> = Vec::new();
    let mut source = String::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"Code" => {
                    names.insert(attr(&e, "guid"), attr(&e, "name"));
                }
                b"TextSource" => {
                    source = attr(&e, "name");
                    let path = attr(&e, "plainTextPath");
                    files.insert(source.clone(), format!("sources/{}", path.strip_prefix("internal://").unwrap()));
                }
                b"PlainTextSelection" => raw.push((
                    source.clone(),
                    attr(&e, "startPosition").parse().unwrap(),
                    attr(&e, "endPosition").parse().unwrap(),
                    Vec::new(),
                )),
                b"CodeRef" => raw.last_mut().unwrap().3.push(attr(&e, "targetGUID")),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let sel =
        raw.into_iter().map(|(s, a, b, codes)| (s, a, b, codes.iter().map(|g| names[g].clone()).collect())).collect();
    (sel, files)
}

#[test]
fn an_export_holds_the_coding_of_tag_selection_for_selection() {
    let archive = export(&["corpus/"]);
    let (exported, files) = selections(&entry(&archive, "project.qde"));
    // The names letters gives its codes.
    let themes = letters().args(["themes", "--format", "jsonl"]).output().unwrap();
    let label: BTreeMap<String, String> = String::from_utf8(themes.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .map(|v| (v["id"].as_str().unwrap().to_string(), v["label"].as_str().unwrap().to_string()))
        .collect();
    let tag = letters().args(["tag", "corpus/", "--format", "jsonl"]).output().unwrap();
    let mut texts = BTreeMap::new();
    let mut expected = Selections::new();
    for line in String::from_utf8(tag.stdout).unwrap().lines() {
        let f: Value = serde_json::from_str(line).unwrap();
        let path = f["path"].as_str().unwrap().to_string();
        let text = texts.entry(path.clone()).or_insert_with(|| entry(&archive, &files[&path]));
        let at = |i: usize| text[..f["span"][i].as_u64().unwrap() as usize].chars().count();
        let mut codes: BTreeSet<String> = f["themes"]
            .as_array()
            .unwrap()
            .iter()
            .chain(f["agencies"].as_array().unwrap())
            .map(|t| label[t.as_str().unwrap()].clone())
            .collect();
        codes.insert(f["polarity"].as_str().unwrap().to_string());
        expected.insert((path, at(0), at(1), codes));
    }
    assert_eq!(texts.len(), files.len(), "a source per document");
    assert!(expected.len() > 10_000, "{} findings", expected.len());
    assert_eq!(exported, expected);
}

#[test]
fn the_same_input_exports_to_the_same_bytes() {
    assert_eq!(export(&["corpus/", "-j", "1"]), export(&["corpus/", "-j", "2"]));
}

#[test]
fn text_that_xml_forbids_never_reaches_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string("tests/fixtures/refi/exampleshire.txt").unwrap();
    // A PDF's page break and stray control characters, inside a finding.
    let damaged = letter.replace("timely and effective", "timely\u{c}and\u{1} effective\u{1b}");
    let path = dir.path().join("damaged.txt");
    std::fs::write(&path, damaged).unwrap();
    let archive = export(&[path.to_str().unwrap()]);
    let qde = entry(&archive, "project.qde");
    let forbidden = |c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r');
    assert!(!qde.contains(forbidden));
    let (sel, files) = selections(&qde);
    let text = entry(&archive, files.values().next().unwrap());
    assert!(!text.contains(forbidden));
    assert!(text.contains("timely\nand  effective "), "same length, page break as a line break");
    assert_eq!(sel.len(), 6);
}

fn evaluate(input: &std::path::Path) -> (Value, String) {
    let out = letters()
        .args(["eval", "--gold", "tests/fixtures/refi/coded.qde", "--format", "json"])
        .arg(input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    (serde_json::from_slice(&out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// The coding in `coded.qde`, against what the tool tags (worked out by hand): row 1 codes
/// information-sharing, timeliness and multi-agency working where the tool has
/// information-sharing, referrals and timeliness; row 5 codes therapy where the tool adds
/// capacity and timeliness; the other three agree; row 4 has no polarity; a selection coded only
/// with the coder's own code is not a unit.
fn check_scores(e: &Value) {
    assert_eq!(e["units"].as_array().unwrap().len(), 5);
    let m = &e["micro"];
    assert_eq!((m["tp"].as_u64(), m["fp"].as_u64(), m["fn"].as_u64()), (Some(6), Some(3), Some(1)));
    assert_eq!(m["precision"].as_f64(), Some(0.6667));
    assert_eq!(m["recall"].as_f64(), Some(0.8571));
    let theme = |id: &str| e["themes"].as_array().unwrap().iter().find(|t| t["theme"] == id).cloned().unwrap();
    let counts = |id: &str| {
        let t = theme(id);
        (t["tp"].as_u64().unwrap(), t["fp"].as_u64().unwrap(), t["fn"].as_u64().unwrap())
    };
    assert_eq!(counts("timeliness"), (1, 1, 0));
    assert_eq!(counts("multi-agency-working"), (0, 0, 1));
    assert_eq!(counts("referrals-and-thresholds"), (0, 1, 0));
    assert_eq!(counts("voice-of-the-child"), (1, 0, 0));
    assert_eq!(e["polarity"]["units"], 4, "the unit without a polarity code counts for themes only");
    assert_eq!(e["polarity"]["accuracy"].as_f64(), Some(1.0));
}

#[test]
fn a_hand_written_project_imports_into_eval_with_the_expected_scores() {
    let (e, stderr) = evaluate(std::path::Path::new("tests/fixtures/refi/exampleshire.txt"));
    check_scores(&e);
    assert!(
        stderr.contains("codes that are neither a theme, an agency nor a polarity, left aside: Follow up"),
        "{stderr}"
    );
}

#[test]
fn a_project_made_from_another_text_of_the_letter_is_matched_by_words() {
    // Another tool's extraction of the same letter: a header and blank lines more, so every
    // span moves past the letter's end.
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string("tests/fixtures/refi/exampleshire.txt").unwrap();
    let path = dir.path().join("exampleshire.txt");
    std::fs::write(&path, format!("OFFICIAL{}{letter}", "\n".repeat(700))).unwrap();
    check_scores(&evaluate(&path).0);
}

#[test]
fn the_codebook_alone_holds_every_theme_agency_and_polarity() {
    let out = letters().args(["themes", "--format", "qdc"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let qdc = String::from_utf8(out.stdout).unwrap();
    assert!(qdc.contains(r#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0""#));
    let themes = letters().args(["themes", "--format", "jsonl"]).output().unwrap();
    let entries = String::from_utf8(themes.stdout).unwrap().lines().count();
    let mut reader = quick_xml::Reader::from_str(&qdc);
    let (mut codable, mut parents) = (Vec::new(), 0);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Code" => {
                if attr(&e, "isCodable") == "true" {
                    codable.push(attr(&e, "name"));
                } else {
                    parents += 1;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(parents, 3, "Themes, Agencies, Polarity");
    assert_eq!(codable.len(), entries + 4, "each theme and agency, and four polarities");
    assert!(codable.contains(&"Voice of the child".to_string()) && codable.contains(&"improvement".to_string()));
}

#[test]
fn an_input_named_twice_is_one_source_and_a_byte_order_mark_is_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let letter = std::fs::read_to_string("tests/fixtures/refi/exampleshire.txt").unwrap();
    let path = dir.path().join("bom.txt");
    std::fs::write(&path, format!("\u{feff}{letter}")).unwrap();
    let p = path.to_str().unwrap();
    let archive = export(&[p, p]);
    let (sel, files) = selections(&entry(&archive, "project.qde"));
    assert_eq!(files.len(), 1);
    let text = entry(&archive, files.values().next().unwrap());
    assert_eq!(text, letter, "the text without its byte-order mark");
    // Positions count in that text: the first item starts at its words (or its bullet).
    let item = letter.find("- Information-sharing").unwrap();
    assert!(sel.iter().any(|(_, a, _, _)| *a == item || *a == item + 2), "{sel:?}");
    // And the project's coding finds the same units in the letter with its mark.
    let out = letters().args(["eval", "--gold"]).arg(dir.path().join("x.qdpx")).arg(p).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "no such project");
    let project = dir.path().join("bom.qdpx");
    std::fs::write(&project, &archive).unwrap();
    let out = letters().args(["eval", "--gold"]).arg(&project).args(["--format", "json"]).arg(p).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let e: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(e["units"].as_array().unwrap().len(), sel.len());
    assert_eq!((e["micro"]["fp"].as_u64(), e["micro"]["fn"].as_u64()), (Some(0), Some(0)));
}

#[test]
fn a_memo_is_not_a_source_and_a_backwards_selection_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let coded = std::fs::read_to_string("tests/fixtures/refi/coded.qde").unwrap();
    // A memo after the source, with text and a selection coded with a theme, changes nothing.
    let code = coded.find(r#"" name="Therapeutic and mental-health support""#).unwrap();
    let therapy = &coded[code - 36..code];
    let memo = r#" <Notes><Note guid="00000000-0000-4000-8000-000000000001" name="memo"><PlainTextContent>A memo about therapy.</PlainTextContent><PlainTextSelection guid="00000000-0000-4000-8000-000000000002" startPosition="0" endPosition="5"><Coding guid="00000000-0000-4000-8000-000000000003"><CodeRef targetGUID="THERAPY"/></Coding></PlainTextSelection></Note></Notes>
</Project>"#
        .replace("THERAPY", therapy);
    let with_memo = dir.path().join("memo.qde");
    std::fs::write(&with_memo, coded.replace("</Project>", &memo)).unwrap();
    let run = |gold: &std::path::Path| {
        letters()
            .args(["eval", "--format", "json", "--gold"])
            .arg(gold)
            .arg("tests/fixtures/refi/exampleshire.txt")
            .output()
            .unwrap()
    };
    let out = run(&with_memo);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    check_scores(&serde_json::from_slice(&out.stdout).unwrap());

    let backwards = dir.path().join("backwards.qde");
    let first = coded.find("startPosition=\"").unwrap();
    let mut bad = coded.clone();
    bad.replace_range(first..first + "startPosition=\"".len(), "startPosition=\"9999");
    std::fs::write(&backwards, bad).unwrap();
    let out = run(&backwards);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("backwards.qde: source 'exampleshire.txt': a selection starts at 9999"), "{err}");
}
