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
