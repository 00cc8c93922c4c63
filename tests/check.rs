//! `letters check` and `letters coverage` on the command line: formats and exit codes.

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::*;

#[test]
fn check_cli_formats_and_exit_codes() {
    let out = Command::cargo_bin("letters")
        .unwrap()
        .args(["check", "--format", "jsonl"])
        .arg(corpus_dir().join(RESPONSE))
        .arg("--against")
        .arg(corpus_dir().join(LEICESTERSHIRE))
        .output()
        .unwrap();
    // Not every claim is supported: exit 1, like a linter.
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for c in &lines {
        assert_eq!(c["type"], "claim");
        for key in ["text", "span", "verdict", "score", "themes", "support"] {
            assert!(c.get(key).is_some(), "missing {key}");
        }
        for s in c["support"].as_array().unwrap() {
            for key in ["text", "section", "span", "score"] {
                assert!(s.get(key).is_some(), "missing support.{key}");
            }
        }
    }
    let out = Command::cargo_bin("letters")
        .unwrap()
        .args(["coverage", "--format", "jsonl"])
        .arg(corpus_dir().join(PLAN))
        .arg("--against")
        .arg(corpus_dir().join(LEICESTERSHIRE))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let items: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[2]["type"], "coverage");
    assert_eq!(items[2]["addressed"], true);
    assert!(items[2]["by"][0]["score"].as_f64().unwrap() > 0.0);
    // A letter checked against itself supports every claim it makes (it makes none) → exit 0;
    // an unreadable input is an error → exit 2.
    Command::cargo_bin("letters")
        .unwrap()
        .args(["check", "/nonexistent.txt", "--against"])
        .arg(corpus_dir().join(LEICESTERSHIRE))
        .assert()
        .code(2)
        .stderr("letters: /nonexistent.txt: no such file or directory\n");
    Command::cargo_bin("letters")
        .unwrap()
        .args(["check", "--format", "table"])
        .arg(corpus_dir().join(LEICESTERSHIRE))
        .arg("--against")
        .arg(corpus_dir().join(OXFORDSHIRE))
        .assert()
        .code(0);
}

/// Claims labelled by hand: four responses written for this test (by a person who had read
/// only the letters, never the tool's output), each with 12 claims about a published letter of
/// `corpus/published` — 4 supported, 2 partial, 2 contradicted and 4 unsupported, the last made
/// hard on purpose: on the letter's subject, in its vocabulary, but with specific content (a
/// service, a group of children, a tool) the letter never mentions. Floors a little under what
/// is measured, per label: how many claims of each label get that verdict.
#[test]
fn labelled_claims_get_their_verdicts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/claims");
    let mut labels = csv::Reader::from_path(dir.join("labels.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = labels.records().map(Result::unwrap).collect();
    let mut hits: std::collections::BTreeMap<String, (u32, u32)> = Default::default();
    let responses: std::collections::BTreeSet<(String, String)> =
        rows.iter().map(|r| (r[0].to_string(), r[1].to_string())).collect();
    for (response, letter) in &responses {
        let out = Command::cargo_bin("letters")
            .unwrap()
            .args(["check", "--format", "json"])
            .arg(dir.join(response))
            .arg("--against")
            .arg(corpus_dir().join("published").join(letter))
            .output()
            .unwrap();
        let claims: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
        for r in rows.iter().filter(|r| &r[0] == response) {
            let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
            let claim = claims.iter().find(|c| words(c["text"].as_str().unwrap()).starts_with(&words(&r[2])));
            let e = hits.entry(r[3].to_string()).or_default();
            e.1 += 1;
            e.0 += u32::from(claim.is_some_and(|c| c["verdict"] == r[3]));
        }
    }
    let got: Vec<(&str, u32, u32)> = hits.iter().map(|(k, &(a, n))| (k.as_str(), a, n)).collect();
    assert_eq!(got.iter().map(|g| g.2).sum::<u32>(), 48);
    let floor = |label: &str| match label {
        "supported" => 10,
        "contradicted" => 3,
        "unsupported" => 11,
        _ => 0,
    };
    for (label, right, _) in &got {
        assert!(*right >= floor(label), "{label}: {right} right ({got:?})");
    }
}
