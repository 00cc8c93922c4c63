//! The command-line contract of `letters compare`: its JSON, CSV, table and Markdown.

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

#[test]
fn compare_json_has_the_documented_shape_and_the_known_findings() {
    let out = letters().args(["compare", "--format", "json"]).args(seed_paths()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["type"], "comparison");
    let areas: Vec<&str> = v["areas"].as_array().unwrap().iter().map(|a| a["area"].as_str().unwrap()).collect();
    assert_eq!(
        areas,
        [
            "Leicestershire",
            "Oxfordshire",
            "briefing: Leicester, Leicestershire and Rutland",
            "plan: Leicester, Leicestershire and Rutland",
            "response-letter: Leicestershire"
        ]
    );
    assert!(v["areas"][0]["documents"][0]["path"].as_str().unwrap().ends_with(LEICESTERSHIRE));
    let theme = |id: &str| v["themes"].as_array().unwrap().iter().find(|t| t["theme"] == id).unwrap().clone();
    let listed = |id: &str, area: &str, kind: &str| theme(id)["cells"][area]["listed"][kind].as_u64().unwrap();
    assert!(listed("information-sharing", "Leicestershire", "improvement") >= 1);
    assert!(listed("information-sharing", "Oxfordshire", "improvement") >= 1);
    assert_eq!(listed("therapy", "Leicestershire", "improvement"), 1);
    assert_eq!(listed("therapy", "Leicestershire", "strength"), 0);
    assert_eq!(listed("therapy", "Oxfordshire", "strength"), 2);
    assert_eq!(listed("therapy", "Oxfordshire", "improvement"), 0);
    assert_eq!(listed("mappa", "Oxfordshire", "improvement"), 1);
    let cell = &theme("therapy")["cells"]["Oxfordshire"];
    for key in ["strength", "improvement", "mixed", "neutral"] {
        assert!(cell["mentions"][key].is_u64(), "mentions.{key}");
    }
    assert!(cell["per_1000_words"]["listed"].as_f64().unwrap() > 0.0);
    let evidence = cell["evidence"].as_array().unwrap();
    assert_eq!(evidence[1]["text"], "How quickly children have access to therapeutic support.");
    assert_eq!(evidence[1]["section"], "strengths");
    let flip = v["flips"].as_array().unwrap().iter().find(|f| f["theme"] == "therapy").unwrap();
    assert_eq!(flip["strength"], serde_json::json!(["Oxfordshire"]));
    assert_eq!(flip["improvement"], serde_json::json!(["Leicestershire"]));
    let shared = v["shared"].as_array().unwrap();
    assert!(shared.iter().any(|s| s["theme"] == "information-sharing"
        && s["polarity"] == "improvement"
        && s["areas"] == serde_json::json!(["Leicestershire", "Oxfordshire"])));
    // Responses, briefings and plans have their own columns and stay out of flips and similarity.
    for f in v["flips"].as_array().unwrap() {
        for side in ["strength", "improvement"] {
            for a in f[side].as_array().unwrap() {
                assert!(["Leicestershire", "Oxfordshire"].contains(&a.as_str().unwrap()));
            }
        }
    }
    assert_eq!(v["similarity"].as_array().unwrap().len(), 1);
    let c = v["similarity"][0]["cosine"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&c));
}

#[test]
fn compare_csv_is_long_form_with_the_documented_columns() {
    let out = letters().args(["compare", "--format", "csv"]).args(seed_paths()).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    #[derive(serde::Deserialize)]
    struct Row {
        area: String,
        area_code: String,
        theme: String,
        source: String,
        polarity: String,
        count: u32,
    }
    let mut r = csv::Reader::from_reader(out.stdout.as_slice());
    assert_eq!(r.headers().unwrap(), vec!["area", "area_code", "theme", "source", "polarity", "count"]);
    let rows: Vec<Row> = r.deserialize().map(Result::unwrap).collect();
    // 5 groups × 25 themes × 7 counts.
    assert_eq!(rows.len(), 5 * 25 * 7);
    let find = |area: &str, theme: &str, source: &str, polarity: &str| {
        rows.iter()
            .find(|x| x.area == area && x.theme == theme && x.source == source && x.polarity == polarity)
            .unwrap()
            .count
    };
    assert_eq!(find("Oxfordshire", "mappa", "listed", "improvement"), 1);
    assert!(rows.iter().filter(|x| x.area == "Oxfordshire").all(|x| x.area_code == "E10000025"));
    let llr = rows.iter().find(|x| x.area.starts_with("plan:")).unwrap();
    assert_eq!(llr.area_code, "E06000016;E10000018;E06000017");
    assert_eq!(find("Leicestershire", "therapy", "listed", "improvement"), 1);
    assert!(rows.iter().all(|x| ["listed", "mentions"].contains(&x.source.as_str())));
}

#[test]
fn compare_table_and_md_show_the_matrix_and_the_flip() {
    letters()
        .args(["compare", "--format", "table"])
        .args(seed_paths())
        .assert()
        .success()
        .stdout(predicate::str::contains("Flips: a strength in one area, an improvement in another"))
        .stdout(predicate::str::contains(
            "Therapeutic and mental-health support: a strength in Oxfordshire; an improvement in Leicestershire",
        ))
        .stdout(predicate::str::contains("▲ listed as a strength"))
        .stdout(predicate::str::contains("\x1b[").not());
    letters()
        .args(["compare", "--format", "md"])
        .args(seed_paths())
        .assert()
        .success()
        .stdout(predicate::str::contains("| theme | Leicestershire | Oxfordshire |"))
        .stdout(predicate::str::contains("**Therapeutic and mental-health support — Oxfordshire** ▲"));
}

#[test]
fn compare_jsonl_lines_are_tagged() {
    let out = letters().args(["compare", "--format", "jsonl"]).args(seed_paths()).output().unwrap();
    let types: std::collections::BTreeSet<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["type"].as_str().unwrap().to_string())
        .collect();
    let want: std::collections::BTreeSet<String> =
        ["area", "cell", "flip", "shared", "unique", "similarity"].iter().map(|s| s.to_string()).collect();
    assert_eq!(types, want);
}

/// A theme that only a "However, …" sentence of a strengths item names as a deficit is listed
/// as an improvement, not a strength, in the comparison.
#[test]
fn a_deficit_inside_a_strengths_item_is_listed_as_an_improvement() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("kent.txt"),
        "Dear Ms Smith\n\nJoint targeted area inspection of Kent\n\nStrengths\n\n- Social workers visit children often. However, children wait too long for therapy.\n",
    )
    .unwrap();
    let out = letters().args(["compare", "--format", "csv"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    let therapy: Vec<&str> = csv.lines().filter(|l| l.contains(",therapy,listed,")).collect();
    assert_eq!(
        therapy,
        [
            "Kent,E10000016,therapy,listed,strength,0",
            "Kent,E10000016,therapy,listed,improvement,1",
            "Kent,E10000016,therapy,listed,priority,0"
        ],
        "{csv}"
    );
}
