//! Workbooks: read back with a spreadsheet reader, they hold the sheets of each view, typed
//! cells, and the same values as the JSON and CSV outputs.

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;

fn letters() -> Command {
    let mut c = Command::cargo_bin("letters").unwrap();
    c.env_remove("NO_COLOR").env_remove("COLUMNS");
    c
}

fn workbook(args: &[&str]) -> (Xlsx<std::io::BufReader<std::fs::File>>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("book.xlsx");
    let run = letters().args(args).args(["--format", "xlsx", "-o"]).arg(&out).output().unwrap();
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    (open_workbook(&out).unwrap(), dir)
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("not text: {other:?}"),
    }
}

#[test]
fn a_comparison_workbook_has_its_matrix_cells_and_evidence() {
    let (mut book, _dir) = workbook(&["compare", "corpus/"]);
    assert_eq!(book.sheet_names(), ["Matrix", "Cells", "Evidence"]);
    let json = letters().args(["compare", "corpus/", "--format", "jsonl"]).output().unwrap();
    let lines: Vec<Value> =
        String::from_utf8(json.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let areas: Vec<&Value> = lines.iter().filter(|v| v["type"] == "area").collect();

    let matrix = book.worksheet_range("Matrix").unwrap();
    let header: Vec<String> = matrix.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(&header[..5], ["area", "area_code", "region", "documents", "Information-sharing"]);
    assert_eq!(matrix.height(), areas.len() + 1, "a row per area");
    // Oxfordshire's row: its code, its documents counted, therapy listed as a strength.
    let row = matrix.rows().find(|r| text(&r[0]) == "Oxfordshire").unwrap();
    assert_eq!(text(&row[1]), "E10000025");
    let oxfordshire = areas.iter().find(|a| a["area"] == "Oxfordshire").unwrap();
    assert_eq!(row[3], Data::Float(oxfordshire["documents"].as_array().unwrap().len() as f64));
    let therapy = header.iter().position(|h| h == "Therapeutic and mental-health support").unwrap();
    assert_eq!(text(&row[therapy]), "strength");
    // Every matrix cell says what the JSON cell's listing is.
    let listing = |area: &str, theme: &str| -> String {
        let cell = lines.iter().find(|v| v["type"] == "cell" && v["area"] == area && v["label"] == theme).unwrap();
        let l = &cell["listed"];
        let (s, i, p) =
            (l["strength"].as_u64().unwrap(), l["improvement"].as_u64().unwrap(), l["priority"].as_u64().unwrap());
        match (s > 0, i > 0, p > 0) {
            (false, false, false) => "",
            (true, false, false) => "strength",
            (true, _, _) => "both",
            (false, _, true) => "priority",
            (false, true, false) => "improvement",
        }
        .to_string()
    };
    let mut listed = 0;
    for r in matrix.rows().skip(1) {
        for (c, theme) in header.iter().enumerate().skip(4) {
            let want = listing(&text(&r[0]), theme);
            assert_eq!(text(&r[c]), want, "{} × {theme}", text(&r[0]));
            listed += usize::from(!want.is_empty());
        }
    }
    assert!(listed > 50, "{listed} cells listed");

    let cells = book.worksheet_range("Cells").unwrap();
    let csv = letters().args(["compare", "corpus/", "--format", "csv"]).output().unwrap();
    assert_eq!(
        cells.height(),
        String::from_utf8(csv.stdout).unwrap().lines().count(),
        "the CSV's rows, header included"
    );
    assert!(cells.rows().skip(1).all(|r| matches!(r[5], Data::Float(_))), "counts are numbers");

    let evidence = book.worksheet_range("Evidence").unwrap();
    let header: Vec<String> = evidence.rows().next().unwrap().iter().map(text).collect();
    assert_eq!(header.last().unwrap(), "text");
    // The findings behind every cell, as the JSON has them.
    let cells: Vec<&Value> = lines.iter().filter(|v| v["type"] == "cell").collect();
    let total: usize = cells.iter().map(|c| c["evidence"].as_array().unwrap().len()).sum();
    assert_eq!(evidence.height(), total + 1);
    let cell = cells.iter().find(|c| c["area"] == "Oxfordshire" && c["theme"] == "therapy").unwrap();
    let rows: Vec<String> = evidence
        .rows()
        .filter(|r| text(&r[0]) == "Oxfordshire" && text(&r[2]) == "therapy")
        .map(|r| text(&r[11]))
        .collect();
    let want: Vec<&str> = cell["evidence"].as_array().unwrap().iter().map(|e| e["text"].as_str().unwrap()).collect();
    assert_eq!(rows, want);
    assert!(!want.is_empty());
}

#[test]
fn tag_and_analysis_workbooks_have_typed_cells() {
    let (mut book, _dir) = workbook(&["tag", "corpus/jtai-2026-05-oxfordshire.txt"]);
    assert_eq!(book.sheet_names(), ["Findings"]);
    let findings = book.worksheet_range("Findings").unwrap();
    let header: Vec<String> = findings.rows().next().unwrap().iter().map(text).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = findings.rows().nth(1).unwrap();
    assert_eq!(text(&first[col("area")]), "Oxfordshire");
    match &first[col("date")] {
        // 2026-05-14 is day 46,156 of Excel's calendar (from 1899-12-30).
        Data::DateTime(d) => assert_eq!((d.is_datetime(), d.as_f64()), (true, 46_156.0)),
        other => panic!("the date is not a date: {other:?}"),
    }
    assert!(matches!(first[col("start")], Data::Float(_)));

    let (mut book, _dir) = workbook(&["profile", "Leicestershire", "corpus/"]);
    assert_eq!(book.sheet_names(), ["Themes", "Keyness"]);
    let keyness = book.worksheet_range("Keyness").unwrap();
    let row = keyness.rows().nth(1).unwrap();
    assert_eq!(text(&row[2]), "csafe");
    assert!(matches!(row[4], Data::Float(g) if g > 100.0));

    let (mut book, _dir) = workbook(&["prevalence", "corpus/"]);
    let prevalence = book.worksheet_range("Prevalence").unwrap();
    let row = prevalence.rows().nth(1).unwrap();
    assert_eq!(text(&row[0]), "information-sharing");
    assert!(matches!(row[9], Data::Bool(false)), "small is a boolean: {:?}", row[9]);
}

#[test]
fn a_workbook_is_never_written_to_a_terminal_and_bom_goes_with_csv() {
    let out = letters().args(["prevalence", "corpus/", "--format", "json", "--bom"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--bom goes with --format csv"));
    let out = letters().args(["prevalence", "corpus/", "--format", "csv", "--bom"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with("\u{feff}theme,label,".as_bytes()));
    let out = letters().args(["split", "corpus/", "--format", "xlsx"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format xlsx is not offered by this command"));
}
