//! The HTML report: self-contained, its data unable to end its script element, every letter
//! string escaped, nothing loaded from elsewhere. (What the page draws is checked in a browser
//! by `.ci/browser-check`.)

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use assert_cmd::Command;
use common::*;

fn report(paths: &[std::path::PathBuf]) -> String {
    let out = Command::cargo_bin("letters").unwrap().arg("report").args(paths).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn hostile() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile-letter.txt")
}

/// The page's data: the text of its `<script type="application/json">`.
fn data(html: &str) -> serde_json::Value {
    let start = html.find("<script id=\"data\" type=\"application/json\">").unwrap();
    let body = &html[start..];
    let body = &body[body.find('>').unwrap() + 1..];
    serde_json::from_str(&body[..body.find("</script>").unwrap()]).unwrap()
}

#[test]
fn letter_text_cannot_end_the_data_or_become_markup() {
    let html = report(&[hostile(), corpus_dir().join(OXFORDSHIRE)]);
    // Two script elements, ours: the data and the app; the letter's `</script>` did not end
    // the first.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
    for raw in ["<img", "<svg", "<iframe", "onerror=\"", "<a href=\"javascript"] {
        assert!(!html.contains(raw), "unescaped {raw:?} in the page");
    }
    // The payloads are in the data, as text, whole.
    let d = data(&html);
    let texts: Vec<&str> = d["docs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|doc| doc["items"].as_array().unwrap())
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert!(texts.iter().any(|t| t.contains("Information-sharing <img src=x onerror=\"document.title='pwned-img'\">")));
    assert!(texts.iter().any(|t| t.contains("heard </script><script>document.title='pwned-end'</script> in plans")));
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(html.contains("<title>letters — inspection findings by area</title>"));
}

#[test]
fn the_page_loads_nothing_and_runs_only_its_own_script() {
    let html = report(&[&[hostile()], seed_paths().as_slice()].concat());
    // The markup and the script, without the data (whose letter text is only text).
    let (before, rest) = html.split_once("<script id=\"data\"").unwrap();
    let after = rest.split_once("</script>").unwrap().1;
    for attr in [" src=", "href=\"http", "href=\"//", "url(", "@import"] {
        assert!(!before.contains(attr) && !after.contains(attr), "{attr} in the page");
    }
    // The Content-Security-Policy allows nothing but the page's own script and style, by hash.
    let csp =
        html.split("http-equiv=\"Content-Security-Policy\" content=\"").nth(1).unwrap().split('"').next().unwrap();
    assert!(csp.starts_with("default-src 'none'; script-src 'sha256-"), "{csp}");
    assert!(!csp.contains("unsafe") && !csp.contains("http"), "{csp}");
    let script = html.rsplit("<script>").next().unwrap().split("</script>").next().unwrap();
    assert!(script.contains("JSON.parse(document.getElementById('data').textContent)"));
    // The script never parses markup: text goes in as text nodes.
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"] {
        assert!(!script.contains(sink), "the script uses {sink}");
    }
}

#[test]
fn the_data_has_each_document_its_listings_and_the_words_behind_them() {
    let html = report(&seed_paths());
    let d = data(&html);
    // The two letters are the inspection documents; the response, briefing and plan are counted
    // apart.
    let docs = d["docs"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(d["others"], 3);
    let oxford = docs.iter().find(|x| x["area"] == "Oxfordshire").unwrap();
    assert_eq!(oxford["code"], "E10000025");
    assert_eq!(oxford["region"], "South East");
    assert_eq!((oxford["start"].as_str(), oxford["end"].as_str()), (Some("2026-02-09"), Some("2026-02-13")));
    let themes: Vec<&str> = d["themes"].as_array().unwrap().iter().map(|t| t["id"].as_str().unwrap()).collect();
    let therapy = themes.iter().position(|t| *t == "therapy").unwrap() as u64;
    // Therapy is listed as a strength (bit 2) in Oxfordshire.
    let listed = oxford["listed"].as_array().unwrap();
    assert!(listed.iter().any(|l| l[0] == therapy && l[1] == 2), "{listed:?}");
    // Its item names the words that tagged it, in UTF-16 offsets of its text.
    let item = oxford["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["text"] == "How quickly children have access to therapeutic support.")
        .unwrap();
    assert_eq!(item["list"], "s");
    let marks = item["marks_utf16"].as_array().unwrap();
    assert!(marks.contains(&serde_json::json!([therapy, 36, 47])), "{marks:?}");
}

#[test]
fn report_file_is_written_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let dest = dir.path().join("report.html");
    Command::cargo_bin("letters").unwrap().args(["report", "-o"]).arg(&dest).args(seed_paths()).assert().success();
    let html = std::fs::read_to_string(&dest).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
