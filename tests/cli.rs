//! The command-line contract: formats, exit codes, messages, atomic output.

mod common;

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;

fn letters() -> Command {
    let mut c = Command::cargo_bin("letters").unwrap();
    c.env_remove("NO_COLOR");
    c
}

fn corpus(name: &str) -> String {
    corpus_dir().join(name).display().to_string()
}

#[test]
fn split_jsonl_is_one_document_per_line_in_path_order() {
    let out = letters().args(["split", "--format", "jsonl"]).arg(corpus_dir()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 5);
    let names: Vec<&str> = docs.iter().map(|d| d["path"].as_str().unwrap().rsplit('/').next().unwrap()).collect();
    assert_eq!(names, corpus_files());
    for d in &docs {
        assert_eq!(d["type"], "document");
    }
    let leics = &docs[1];
    assert_eq!(leics["kind"], "inspection-letter");
    assert_eq!(leics["meta"]["area"], "Leicestershire");
    assert_eq!(leics["meta"]["inspection"]["start"], "2025-12-08");
    assert_eq!(leics["meta"]["deadline"], "2026-05-28");
    let improvements = &leics["sections"][2];
    assert_eq!(improvements["kind"], "improvements");
    assert_eq!(improvements["blocks"].as_array().unwrap().len(), 3);
    assert_eq!(improvements["blocks"][0]["kind"], "item");
    let span = improvements["blocks"][0]["span"].as_array().unwrap();
    let (s, e) = (span[0].as_u64().unwrap() as usize, span[1].as_u64().unwrap() as usize);
    assert!(text_of(LEICESTERSHIRE)[s..e].starts_with("Improve information-sharing across the partnership"));
}

fn text_of(name: &str) -> String {
    common::text(name)
}

#[test]
fn split_json_is_an_array_with_the_documented_shape() {
    let out = letters().args(["split", "--format", "json", &corpus(OXFORDSHIRE), &corpus(PLAN)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v.as_array().unwrap();
    assert_eq!(docs.len(), 2);
    let d = &docs[0];
    for key in ["type", "path", "kind", "meta", "sections", "warnings"] {
        assert!(d.get(key).is_some(), "missing {key}");
    }
    for key in [
        "area",
        "date",
        "title",
        "topic",
        "inspection",
        "inspectorates",
        "addressees",
        "salutation",
        "signatories",
        "principal_authority",
        "deadline",
    ] {
        assert!(d["meta"].get(key).is_some(), "missing meta.{key}");
    }
    assert_eq!(d["meta"]["addressees"][0]["name"], "Lisa Lyons");
    assert_eq!(d["meta"]["addressees"][0]["role"], "Director of Children's Services, Oxfordshire County Council");
    let s = &d["sections"][3];
    assert_eq!(s["kind"], "strengths");
    assert_eq!(s["heading"], "Strengths");
    let b = &s["blocks"][4];
    assert_eq!(b["text"], "How quickly children have access to therapeutic support.");
    assert_eq!(b["sentences"][0]["text"], "How quickly children have access to therapeutic support.");
    assert_eq!(b["sentences"][0]["span"], b["span"]);
    assert_eq!(docs[1]["kind"], "plan");
    assert_eq!(docs[1]["meta"]["date"], serde_json::Value::Null);
}

#[test]
fn split_csv_has_one_row_per_block() {
    let out = letters().args(["split", "--format", "csv", &corpus(LEICESTERSHIRE)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        ["path", "doc_kind", "area", "section", "heading", "block", "block_kind", "start", "end", "text"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let items: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[3] == "improvements").collect();
    assert_eq!(items.len(), 3);
    assert_eq!(&items[2][6], "item");
    assert!(items[2][9].starts_with("The take-up and accessibility of multi-agency training on CSAFE"));
}

#[test]
fn split_md_and_table_are_for_people() {
    letters()
        .args(["split", "--format", "md", &corpus(LEICESTERSHIRE)])
        .assert()
        .success()
        .stdout(predicate::str::contains("## Leicestershire — inspection-letter"))
        .stdout(predicate::str::contains("### What needs to improve? `improvements`"))
        .stdout(predicate::str::contains("- **Inspection:** 2025-12-08 to 2025-12-12"));
    letters()
        .args(["split", "--format", "table", &corpus(BRIEFING)])
        .assert()
        .success()
        .stdout(predicate::str::contains("strengths                        7     0  04 What worked well"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn stdin_is_read_with_dash() {
    letters()
        .args(["split", "-", "--format", "jsonl"])
        .write_stdin(text_of(OXFORDSHIRE))
        .assert()
        .success()
        .stdout(predicate::str::starts_with("{\"type\":\"document\",\"path\":\"-\",\"kind\":\"inspection-letter\""));
}

#[test]
fn bad_files_are_named_and_the_rest_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(corpus_dir().join(LEICESTERSHIRE), dir.path().join("a-good.txt")).unwrap();
    std::fs::write(dir.path().join("b-binary.txt"), b"PK\x03\x04\0\0binary").unwrap();
    std::fs::write(dir.path().join("c-empty.txt"), b"").unwrap();
    std::fs::write(dir.path().join("d-latin1.txt"), b"caf\xe9 au lait").unwrap();
    std::fs::copy(corpus_dir().join(OXFORDSHIRE), dir.path().join("e-good.txt")).unwrap();
    std::fs::write(dir.path().join("f-notes.md"), b"ignored: not *.txt").unwrap();
    let out = letters().args(["split", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let p = |n: &str| dir.path().join(n).display().to_string();
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            format!("letters: {}: not a text file (NUL byte at byte offset 4)", p("b-binary.txt")),
            format!("letters: {}: empty file", p("c-empty.txt")),
            format!("letters: {}: invalid UTF-8 at byte offset 3", p("d-latin1.txt")),
        ]
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let areas: Vec<String> = stdout
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["meta"]["area"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(areas, ["Leicestershire", "Oxfordshire"]);
}

#[test]
fn a_missing_path_fails_with_exit_1_and_usage_errors_with_2() {
    letters()
        .args(["split", "/nonexistent/letter.txt"])
        .assert()
        .code(1)
        .stderr("letters: /nonexistent/letter.txt: no such file or directory\n");
    letters()
        .args(["split", "--format", "yaml", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'yaml'"));
    letters().args(["frobnicate"]).assert().code(2);
    letters().args(["split", "--glob", "[", "x"]).assert().code(2).stderr(predicate::str::contains("invalid --glob"));
    letters().args(["--help"]).assert().code(0).stdout(predicate::str::contains("Examples:"));
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("out.jsonl");
    std::fs::write(&dest, "previous\n").unwrap();
    // A usage error after the file was named leaves the previous file untouched.
    letters().args(["split", "--jobs", "0", "-o"]).arg(&dest).arg(corpus(LEICESTERSHIRE)).assert().code(2);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "previous\n");
    letters()
        .args(["split", "--format", "jsonl", "-o"])
        .arg(&dest)
        .arg(corpus(LEICESTERSHIRE))
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(&dest).unwrap();
    assert_eq!(written.lines().count(), 1);
    assert!(written.starts_with("{\"type\":\"document\""));
    let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().filter_map(|e| e.ok()).collect();
    assert_eq!(leftovers.len(), 1, "temporary files left behind");
}

#[test]
fn jobs_do_not_change_the_output() {
    for format in ["json", "jsonl", "csv", "md", "table"] {
        let run = |jobs: &str| {
            letters().args(["split", "--format", format, "--jobs", jobs]).arg(corpus_dir()).output().unwrap()
        };
        let (one, two) = (run("1"), run("2"));
        assert_eq!(one.status.code(), Some(0));
        assert_eq!(one.stdout, two.stdout, "format {format}");
    }
}
