//! The command-line contract: formats, exit codes, messages, atomic output.

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::*;
use predicates::prelude::*;

fn letters() -> Command {
    let mut c = Command::cargo_bin("letters").unwrap();
    c.env_remove("NO_COLOR").env_remove("COLUMNS");
    c
}

fn corpus(name: &str) -> String {
    corpus_dir().join(name).display().to_string()
}

#[test]
fn split_jsonl_is_one_document_per_line_in_path_order() {
    let out = letters().args(["split", "--format", "jsonl"]).args(seed_paths()).output().unwrap();
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
        ["path", "doc_kind", "area", "area_code", "section", "heading", "block", "block_kind", "start", "end", "text"]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let items: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[4] == "improvements").collect();
    assert_eq!(items.len(), 3);
    assert_eq!(&items[2][3], "E10000018");
    assert_eq!(&items[2][7], "item");
    assert!(items[2][10].starts_with("The take-up and accessibility of multi-agency training on CSAFE"));
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
    for command in ["split", "tag", "compare"] {
        for format in ["json", "jsonl", "csv", "md", "table"] {
            let run = |jobs: &str| {
                letters().args([command, "--format", format, "--jobs", jobs]).args(seed_paths()).output().unwrap()
            };
            let (one, two) = (run("1"), run("2"));
            assert_eq!(one.status.code(), Some(0));
            assert!(!one.stdout.is_empty());
            assert_eq!(one.stdout, two.stdout, "{command} --format {format}");
        }
    }
}

#[test]
fn every_command_reports_bad_files_and_keeps_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    for name in corpus_files() {
        std::fs::copy(corpus_dir().join(&name), dir.path().join(&name)).unwrap();
    }
    std::fs::write(dir.path().join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1, 2]).unwrap();
    std::fs::write(dir.path().join("empty.txt"), b"").unwrap();
    for command in ["split", "tag", "compare"] {
        let out = letters().args([command, "--format", "json"]).arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{command}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("binary.txt: not a text file (NUL byte at byte offset 4)"), "{command}: {stderr}");
        assert!(stderr.contains("empty.txt: empty file"), "{command}: {stderr}");
        assert!(!stderr.contains("panicked"));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let text = v.to_string();
        for area in ["Leicestershire", "Oxfordshire"] {
            assert!(text.contains(area), "{command}: {area} missing");
        }
    }
}

/// Inputs go to the workers in groups, one group delivered while the next is worked on: across
/// several groups, output and failure reports stay in input order, whatever the thread count.
#[test]
fn many_inputs_keep_their_order_across_groups() {
    let dir = tempfile::tempdir().unwrap();
    let (briefing, response) = (text_of(BRIEFING), text_of(RESPONSE));
    let bad = [37, 64, 65, 130, 199];
    let mut want = Vec::new();
    for i in 0..200 {
        let name = format!("{i:03}.txt");
        if bad.contains(&i) {
            std::fs::write(dir.path().join(&name), [b'x', 0, b'y']).unwrap();
        } else {
            std::fs::write(dir.path().join(&name), if i % 2 == 0 { &briefing } else { &response }).unwrap();
            want.push((name, if i % 2 == 0 { "briefing" } else { "response-letter" }));
        }
    }
    for jobs in ["1", "2", "3"] {
        let out = letters().args(["split", "--format", "jsonl", "--jobs", jobs]).arg(dir.path()).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let got: Vec<(String, String)> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| {
                let d: serde_json::Value = serde_json::from_str(l).unwrap();
                let name = d["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string();
                (name, d["kind"].as_str().unwrap().to_string())
            })
            .collect();
        let want: Vec<(String, String)> = want.iter().map(|(n, k)| (n.clone(), k.to_string())).collect();
        assert_eq!(got, want, "--jobs {jobs}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let failed: Vec<&str> = stderr
            .lines()
            .filter_map(|l| l.strip_prefix("letters: ")?.split_once(": not a text file"))
            .map(|(path, _)| path.rsplit('/').next().unwrap())
            .collect();
        assert_eq!(failed, ["037.txt", "064.txt", "065.txt", "130.txt", "199.txt"], "--jobs {jobs}");
    }
    // The same across the groups of one concatenated file.
    let big = dir.path().join("big.txt");
    let docs: Vec<&str> = (0..150).map(|i| if i % 3 == 0 { briefing.as_str() } else { response.as_str() }).collect();
    std::fs::write(&big, docs.join("\n\x0c\n")).unwrap();
    let out = letters().args(["split", "--split-docs", "--format", "jsonl"]).arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let seen: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let d: serde_json::Value = serde_json::from_str(l).unwrap();
            d["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string()
        })
        .collect();
    let want: Vec<String> = (1..=150).map(|i| format!("big.txt#{i}")).collect();
    assert_eq!(seen, want);
}

/// The comparison on the shipped corpus: the findings the analysts asked about.
#[test]
fn colour_only_on_a_terminal() {
    // Output to a pipe is never coloured, NO_COLOR or not, in any format.
    for format in ["table", "md"] {
        for no_color in [None, Some("1")] {
            let mut c = letters();
            c.args(["compare", "--format", format]).args(seed_paths());
            if let Some(v) = no_color {
                c.env("NO_COLOR", v);
            }
            let out = c.output().unwrap();
            assert!(!out.stdout.contains(&0x1b), "escape codes in {format} output");
        }
    }
}

#[test]
fn tag_jsonl_findings_and_theme_filter() {
    let out = letters().args(["tag", "--format", "jsonl", "--theme", "mappa", &corpus(OXFORDSHIRE)]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let findings: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(findings.len() >= 3);
    let text = text_of(OXFORDSHIRE);
    for f in &findings {
        assert_eq!(f["type"], "finding");
        assert_eq!(f["area"], "Oxfordshire");
        assert!(f["themes"].as_array().unwrap().iter().any(|t| t == "mappa"));
        for key in ["path", "section", "unit", "text", "span", "agencies", "polarity", "cues", "evidence"] {
            assert!(f.get(key).is_some(), "missing {key}");
        }
        for e in f["evidence"].as_array().unwrap() {
            let (s, t) = (e["span"][0].as_u64().unwrap() as usize, e["span"][1].as_u64().unwrap() as usize);
            assert_eq!(&text[s..t], e["text"].as_str().unwrap());
        }
    }
    let item = findings.iter().find(|f| f["unit"] == "item").unwrap();
    assert_eq!(item["section"], "improvements");
    assert_eq!(item["polarity"], "improvement");
    letters()
        .args(["tag", "--theme", "no-such-theme", &corpus(OXFORDSHIRE)])
        .assert()
        .code(2)
        .stderr("letters: unknown theme 'no-such-theme' (`letters themes` lists them)\n");
}

#[test]
fn tag_csv_and_md() {
    let out = letters().args(["tag", "--format", "csv", &corpus(LEICESTERSHIRE)]).output().unwrap();
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(
        r.headers().unwrap(),
        vec![
            "path",
            "area",
            "area_code",
            "region",
            "doc_kind",
            "inspection_type",
            "topic_code",
            "date",
            "section",
            "unit",
            "start",
            "end",
            "polarity",
            "themes",
            "against_list",
            "agencies",
            "cues",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let chivsa = rows.iter().find(|r| r[17].contains("(ChIVSA)")).unwrap();
    assert_eq!((&chivsa[8], &chivsa[9], &chivsa[12]), ("strengths", "item", "strength"));
    assert!(chivsa[13].split(';').any(|t| t == "victim-support"));
    let doc: Vec<&str> = (1..8).map(|i| &chivsa[i]).collect();
    assert_eq!(
        doc,
        ["Leicestershire", "E10000018", "East Midlands", "inspection-letter", "jtai", "csa-family", "2026-02-12"]
    );
    letters()
        .args(["tag", "--format", "md", "--theme", "lado", &corpus(OXFORDSHIRE)])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("| file | area | section | polarity | themes | finding |"))
        .stdout(predicate::str::contains("local authority designated officer (LADO)"));
}

#[test]
fn themes_lists_and_checks_taxonomies() {
    let out = letters().args(["themes", "--format", "jsonl"]).output().unwrap();
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.iter().filter(|l| l["type"] == "theme").count(), 25);
    assert_eq!(lines.iter().filter(|l| l["type"] == "agency").count(), 7);
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.toml");
    std::fs::write(
        &good,
        "[[theme]]\nid = \"neglect\"\nlabel = \"Neglect\"\nphrases = [\"neglect\"]\nshould_tag = [\"Neglect is recognised.\"]\nmust_not_tag = [\"Nothing here.\"]\n",
    )
    .unwrap();
    letters().args(["themes", "--check"]).arg(&good).assert().success().stdout(predicate::str::ends_with(format!(
        "{}: 1 themes, 0 agencies, 2 examples, 0 failing\n",
        good.display()
    )));
    let failing = dir.path().join("failing.toml");
    std::fs::write(&failing, "[[theme]]\nid = \"neglect\"\nlabel = \"Neglect\"\nphrases = [\"neglect\"]\nshould_tag = [\"Children were left hungry.\"]\n").unwrap();
    letters()
        .args(["themes", "--check"])
        .arg(&failing)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("theme 'neglect' should tag but got []: Children were left hungry."));
    let bad = dir.path().join("bad.toml");
    std::fs::write(&bad, "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n\n[[theme]]\nid = \"a\"\nlabel = \"B\"\nphrases = [\"y\"]\n").unwrap();
    letters()
        .args(["themes", "--check"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(format!("letters: {}: line 7: theme 'a': duplicate theme id 'a'\n", bad.display()));
    // A bad --extend file stops tag and compare with exit code 2 too.
    letters().args(["compare", "--extend"]).arg(&bad).args(seed_paths()).assert().code(2);
    // Extending adds a theme that tag then uses.
    letters()
        .args(["tag", "--format", "jsonl", "--theme", "neglect", "--extend"])
        .arg(&good)
        .arg(corpus(PLAN))
        .assert()
        .success()
        .stdout(predicate::str::contains("\"themes\":[").and(predicate::str::contains("neglect")));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::{BufRead, BufReader};
    let bin = assert_cmd::cargo::cargo_bin("letters");
    let mut child = std::process::Command::new(bin)
        .args(["tag", "--format", "jsonl"])
        .args(seed_paths())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("{\"type\":\"finding\""));
    // The reader is gone (stdout dropped): the tool must stop without an error message.
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn split_docs_reads_a_concatenated_file_as_many_documents() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let joined = [text_of(LEICESTERSHIRE), text_of(OXFORDSHIRE), text_of(RESPONSE)].join("\n\x0c\n");
    std::fs::write(&big, joined).unwrap();
    let out = letters().args(["split", "--split-docs", "--format", "jsonl"]).arg(&big).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let got: Vec<(String, String)> = docs
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().rsplit('/').next().unwrap().to_string(),
                d["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("big.txt#1".to_string(), "inspection-letter".to_string()),
            ("big.txt#2".to_string(), "inspection-letter".to_string()),
            ("big.txt#3".to_string(), "response-letter".to_string())
        ]
    );
    // Spans are offsets within each document's own text.
    let improvements = &docs[1]["sections"][2]["blocks"][0];
    let (s, e) =
        (improvements["span"][0].as_u64().unwrap() as usize, improvements["span"][1].as_u64().unwrap() as usize);
    assert_eq!(
        &text_of(OXFORDSHIRE)[s..e],
        "The involvement of the probation service in the partnership at a strategic level."
    );
    // Without the flag it is one document.
    let one = letters().args(["split", "--format", "jsonl"]).arg(&big).output().unwrap();
    assert_eq!(String::from_utf8(one.stdout).unwrap().lines().count(), 1);
}

/// Nothing is read from a file's name: a letter named after another area is still its own
/// area's, and a document whose area cannot be found has none (and is grouped as an unknown
/// area, not under its file's name).
#[test]
fn file_names_say_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(corpus_dir().join(OXFORDSHIRE), dir.path().join("jtai-2016-05-10-kent.txt")).unwrap();
    std::fs::write(dir.path().join("sutton.txt"), "Notes of a meeting\n\nWhat needs to improve?\n\n- Plans.\n")
        .unwrap();
    let out = letters().args(["split", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs[0]["meta"]["area"], "Oxfordshire");
    assert_eq!(docs[0]["meta"]["authorities"][0]["code"], "E10000025");
    assert_eq!(docs[1]["meta"]["area"], serde_json::Value::Null);
    let out = letters().args(["compare", "--format", "json"]).arg(dir.path()).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups: Vec<&str> = v["areas"].as_array().unwrap().iter().map(|g| g["area"].as_str().unwrap()).collect();
    assert_eq!(groups, ["Oxfordshire", "other: unknown area"]);
}

/// `-o` at something that is not a regular file (`/dev/null`, a named pipe) writes to it; the
/// atomic rename is for files, and renaming over a device would replace it with a file.
#[cfg(unix)]
#[test]
fn an_output_that_is_not_a_regular_file_is_written_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = std::thread::spawn({
        let fifo = fifo.clone();
        move || std::fs::read_to_string(fifo).unwrap()
    });
    let out = letters().args(["themes", "--format", "csv", "-o"]).arg(&fifo).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo(), "the pipe is still a pipe");
    assert!(reader.join().unwrap().starts_with("facet,id,label,"));
}
