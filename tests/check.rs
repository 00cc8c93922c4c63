//! Claim check and coverage on the shipped corpus.

mod common;

use assert_cmd::Command;
use common::*;
use letters_core::{CheckBuilder, SectionKind, Tagger, Verdict};

#[test]
fn response_claims_are_checked_against_the_letter() {
    let (_, response) = load(RESPONSE);
    let (_, letter) = load(LEICESTERSHIRE);
    let tagger = Tagger::new();
    let claims = CheckBuilder::new().build(&tagger).check(&response, &letter);
    assert!(claims.len() >= 15, "{} claims", claims.len());
    let claim =
        |start: &str| claims.iter().find(|c| c.text.starts_with(start)).unwrap_or_else(|| panic!("no claim {start:?}"));

    let c = claim("Inspectors noted delays in interviewing suspects, prolonged forensic examinations");
    assert_eq!(c.verdict, Verdict::Unsupported, "score {}", c.score);

    let c = claim("A significant concern raised by inspectors was the inconsistency of information sharing");
    assert_eq!(c.verdict, Verdict::Supported, "score {}", c.score);
    let first_improvement = &letter.section(SectionKind::Improvements).unwrap().blocks[0];
    assert!(c.support.iter().any(|s| s.span == first_improvement.span), "{:?}", c.support);
    assert!(c.themes.contains(&"information-sharing".to_string()));

    // A sentence that attributes nothing is not a claim.
    assert!(!claims.iter().any(|c| c.text.starts_with("I will look to work with commissioning bodies")));
    // Support spans slice the letter.
    let text = text(LEICESTERSHIRE);
    for c in &claims {
        for s in &c.support {
            assert!(text.get(s.span.range()).is_some());
        }
    }
}

#[test]
fn plan_coverage_of_the_letter() {
    let (_, plan) = load(PLAN);
    let (_, letter) = load(LEICESTERSHIRE);
    let tagger = Tagger::new();
    let items = CheckBuilder::new().build(&tagger).coverage(&plan, &letter);
    assert_eq!(items.len(), 3);
    let info = &items[0];
    assert!(info.text.starts_with("Improve information-sharing"));
    assert!(!info.addressed, "{:?}", info.by);
    let training = &items[2];
    assert!(training.text.starts_with("The take-up and accessibility of multi-agency training"));
    assert!(training.addressed);
    assert!(training.by[0].text.starts_with("Multi-agency training initiatives"));
}

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

/// The same inputs give the same claims, scores and support every time (scores once varied
/// with hash-set order, and near-ties then ranked support differently from run to run).
#[test]
fn check_and_coverage_are_deterministic() {
    let (_, response) = load(RESPONSE);
    let (_, letter) = load(LEICESTERSHIRE);
    let (_, plan) = load(PLAN);
    let tagger = Tagger::new();
    let checker = CheckBuilder::new().build(&tagger);
    let claims = |_| serde_json::to_string(&checker.check(&response, &letter)).unwrap();
    let coverage = |_| serde_json::to_string(&checker.coverage(&plan, &letter)).unwrap();
    let first = (claims(0), coverage(0));
    for i in 1..8 {
        assert_eq!((claims(i), coverage(i)), first, "run {i}");
    }
}
