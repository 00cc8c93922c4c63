//! Corpus analysis through the command line: prevalence and trend recomputed from `letters
//! tag`, an area's profile, selection, the scaled comparison on an 80-column terminal, and
//! determinism across thread counts.

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;
use serde_json::Value;

fn letters() -> Command {
    let mut c = Command::cargo_bin("letters").unwrap();
    c.env_remove("NO_COLOR").env_remove("COLUMNS");
    c
}

/// Runs `letters ARGS` and returns its standard output, asserting it succeeded.
fn run(args: &[&str]) -> String {
    let out = letters().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// What `letters tag` says of one document: its kind, year and, for each side, the themes of
/// its listed items.
#[derive(Default)]
struct Tagged {
    kind: String,
    year: Option<String>,
    sides: BTreeMap<&'static str, BTreeSet<String>>,
}

/// The documents of `letters tag --format jsonl ARGS`, by path, recomputed independently of
/// the analysis code: a list item of a strengths list lists its themes as strengths; of an
/// improvements list, as improvements; of a priority-actions list, as improvements and
/// priority actions — but a theme the item names only against its list (`against_list`) is
/// listed on the other side (a strength for improvements and priority actions).
fn tagged(args: &[&str]) -> BTreeMap<String, Tagged> {
    let mut docs: BTreeMap<String, Tagged> = BTreeMap::new();
    for f in jsonl(&run(&[&["tag", "--format", "jsonl"], args].concat())) {
        let d = docs.entry(f["path"].as_str().unwrap().to_string()).or_default();
        d.kind = f["doc_kind"].as_str().unwrap().to_string();
        d.year = f["date"].as_str().map(|s| s[..4].to_string());
        if f["unit"] != "item" {
            continue;
        }
        let (sides, other): (&[&str], &[&str]) = match f["section"].as_str().unwrap() {
            "strengths" => (&["strength"], &["improvement"]),
            "improvements" => (&["improvement"], &["strength"]),
            "priority-actions" => (&["improvement", "priority"], &["strength"]),
            _ => (&[], &[]),
        };
        let against: BTreeSet<&str> =
            f.get("against_list").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        for t in f["themes"].as_array().unwrap().iter().filter_map(Value::as_str) {
            for side in if against.contains(t) { other } else { sides } {
                d.sides.entry(side).or_default().insert(t.to_string());
            }
        }
    }
    docs.retain(|_, d| d.kind == "inspection-letter" || d.kind == "report");
    docs
}

/// (group, theme, side) → (documents, listed), from `prevalence`/`trend --format csv`.
fn counts_csv(text: &str) -> BTreeMap<(String, String, String), (u32, u32)> {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let h = r.headers().unwrap().clone();
    let col = |name: &str| h.iter().position(|x| x == name).unwrap();
    // The third column is the group ("group", or "period" in a trend).
    let (g, t, s, n, k) = (2, col("theme"), col("side"), col("documents"), col("listed"));
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            let key = (rec[g].to_string(), rec[t].to_string(), rec[s].to_string());
            (key, (rec[n].parse().unwrap(), rec[k].parse().unwrap()))
        })
        .collect()
}

/// The counts `counts_csv` should hold, from the tagged documents grouped by `group`.
fn expected(
    docs: &BTreeMap<String, Tagged>,
    group: impl Fn(&Tagged) -> Option<String>,
) -> BTreeMap<(String, String, String), (u32, u32)> {
    let mut out = BTreeMap::new();
    let mut sizes: BTreeMap<String, u32> = BTreeMap::new();
    for d in docs.values() {
        let Some(g) = group(d) else { continue };
        *sizes.entry(g.clone()).or_default() += 1;
        for (side, themes) in &d.sides {
            for t in themes {
                out.entry((g.clone(), t.clone(), side.to_string())).or_insert((0, 0)).1 += 1;
            }
        }
    }
    for ((g, _, _), v) in out.iter_mut() {
        v.0 = sizes[g];
    }
    out
}

/// Only the rows with a document listing the theme (the CSV has every theme and side).
fn listed_only(m: BTreeMap<(String, String, String), (u32, u32)>) -> BTreeMap<(String, String, String), (u32, u32)> {
    m.into_iter().filter(|(_, (_, k))| *k > 0).collect()
}

#[test]
fn prevalence_and_trend_recomputed_from_tag_output() {
    let docs = tagged(&["corpus/"]);
    // 115 files: the 5 seed documents (two of them letters) and 110 published ones (all letters
    // and reports).
    assert_eq!(docs.len(), 112);
    let overall = counts_csv(&run(&["prevalence", "--format", "csv", "corpus/"]));
    assert_eq!(listed_only(overall.clone()), expected(&docs, |_| Some(String::new())));
    // Every theme and side has a row, with the documents counted.
    assert!(overall.values().all(|(n, _)| *n == 112));
    assert_eq!(overall.len(), 25 * 3);
    // Information-sharing is listed as an improvement in 43 of the 112.
    assert_eq!(overall[&(String::new(), "information-sharing".into(), "improvement".into())], (112, 43));

    let by_year = counts_csv(&run(&["trend", "--format", "csv", "corpus/"]));
    let want = expected(&docs, |d| d.year.clone());
    assert_eq!(listed_only(by_year.clone()), want);
    let years: BTreeSet<&str> = by_year.keys().map(|(g, _, _)| g.as_str()).collect();
    assert_eq!(years.len(), 12, "{years:?}");
    let prevalence_by_year = counts_csv(&run(&["prevalence", "--by", "year", "--format", "csv", "corpus/"]));
    assert_eq!(listed_only(prevalence_by_year), want);
}

#[test]
fn trend_marks_small_years_and_gives_intervals() {
    let rows = jsonl(&run(&["trend", "--format", "jsonl", "corpus/"]));
    let row = |year: &str, theme: &str| {
        rows.iter().find(|r| r["period"] == year && r["theme"] == theme && r["side"] == "improvement").unwrap()
    };
    // 2009: one document (a joint area review), so every share is marked small.
    let r = row("2009", "information-sharing");
    assert_eq!((r["documents"].as_u64(), r["listed"].as_u64(), r["small"].as_bool()), (Some(1), Some(0), Some(true)));
    // 2023: 21 documents, not small; the interval holds the share.
    let r = row("2023", "information-sharing");
    assert_eq!((r["documents"].as_u64(), r["small"].as_bool()), (Some(21), Some(false)));
    let (lo, share, hi) = (r["low"].as_f64().unwrap(), r["share"].as_f64().unwrap(), r["high"].as_f64().unwrap());
    assert!(lo < share && share < hi, "{r}");
    assert!(rows.iter().all(|r| r["type"] == "trend"));
}

/// Liverpool's 2016 JTAI is the only JTAI in the corpus with areas for priority action: against
/// the 32 other JTAI letters, a theme it lists as a priority action that no other does has
/// p = 1/33; with 11 themes and sides that could differ at all, the Benjamini–Hochberg
/// q-value of the ten such is 1/33 × 11/10.
#[test]
fn profile_names_distinctive_themes_with_their_findings() {
    let lines = jsonl(&run(&["profile", "Liverpool", "--format", "jsonl", "corpus/"]));
    let themes: Vec<&Value> = lines.iter().filter(|l| l["type"] == "profile").collect();
    let distinctive: Vec<&Value> = themes.iter().copied().filter(|t| t["standing"] == "distinctive").collect();
    assert_eq!(distinctive.len(), 10);
    assert_eq!(themes.iter().filter(|t| t["testable"] == true).count(), 11);
    for t in &distinctive {
        assert_eq!(t["side"], "priority");
        assert_eq!(t["direction"], "more");
        assert_eq!((t["area_listed"].as_u64(), t["others_listed"].as_u64()), (Some(1), Some(0)));
        assert_eq!(t["others_documents"], 32);
        assert!((t["p_value"].as_f64().unwrap() - 1.0 / 33.0).abs() < 1e-6, "{t}");
        assert!((t["q_value"].as_f64().unwrap() - 11.0 / 10.0 / 33.0).abs() < 1e-6, "{t}");
        assert_eq!(t["compared_with"], "documents of the same type (jtai)");
        // The evidence is the area's own priority actions, at their place in the file.
        let evidence = t["evidence"].as_array().unwrap();
        assert!(!evidence.is_empty());
        for e in evidence {
            assert_eq!(e["section"], "priority-actions");
            let path = e["path"].as_str().unwrap();
            assert!(path.ends_with("liverpool_jtai_cse_2016.txt"), "{path}");
            let text = std::fs::read_to_string(path).unwrap();
            let (s, end) = (e["span"][0].as_u64().unwrap() as usize, e["span"][1].as_u64().unwrap() as usize);
            assert_eq!(text[s..end].split_whitespace().next(), e["text"].as_str().unwrap().split_whitespace().next());
        }
    }
    let labels: BTreeSet<&str> = distinctive.iter().map(|t| t["theme"].as_str().unwrap()).collect();
    assert!(labels.contains("child-protection-meetings") && labels.contains("strategic-leadership"), "{labels:?}");
    // Its keyness terms include its own services, not its own name.
    let terms: Vec<&str> =
        lines.iter().filter(|l| l["type"] == "keyness").map(|l| l["term"].as_str().unwrap()).collect();
    assert!(terms.contains(&"macse") && terms.contains(&"careline"), "{terms:?}");
    assert!(!terms.contains(&"liverpool"), "{terms:?}");
}

#[test]
fn profile_of_an_unknown_area_is_a_usage_error() {
    let out = letters().args(["profile", "Narnia", "corpus/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no local authority is called 'Narnia'"));
}

#[test]
fn selection_picks_the_documents_it_says() {
    let docs = tagged(&["--kind", "jtai", "--from", "2018", "--to", "2019-12-31", "corpus/"]);
    let overall = counts_csv(&run(&[
        "prevalence",
        "--kind",
        "jtai",
        "--from",
        "2018",
        "--to",
        "2019-12-31",
        "--format",
        "csv",
        "corpus/",
    ]));
    assert_eq!(listed_only(overall.clone()), expected(&docs, |_| Some(String::new())));
    let n = overall.values().next().unwrap().0;
    assert_eq!(n as usize, docs.len());
    assert!(docs.values().all(|d| matches!(d.year.as_deref(), Some("2018" | "2019"))));
    // An area by name or by code: the same documents.
    let by_name = run(&["split", "--area", "Leicestershire", "--format", "csv", "corpus/"]);
    let by_code = run(&["split", "--area", "E10000018", "--format", "csv", "corpus/"]);
    assert_eq!(by_name, by_code);
    let paths: BTreeSet<&str> = by_name.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(paths.len(), 4, "{paths:?}");
}

/// `--topic` keeps exactly the documents whose topic code is the one asked for; a code not in the
/// documented list is a usage error that lists the codes.
#[test]
fn a_topic_keeps_its_documents_and_an_unknown_one_is_a_usage_error() {
    let paths = |docs: Vec<Value>, only: Option<&str>| -> BTreeSet<String> {
        docs.into_iter()
            .filter(|d| only.is_none_or(|code| d["meta"]["topic_code"] == code))
            .map(|d| d["path"].as_str().unwrap().to_string())
            .collect()
    };
    let kept = paths(jsonl(&run(&["split", "--topic", "send", "--format", "jsonl", "corpus/"])), None);
    assert_eq!(kept.len(), 21);
    let every = jsonl(&run(&["split", "--format", "jsonl", "corpus/"]));
    assert_eq!(kept, paths(every, Some("send")));
    let out = letters().args(["split", "--topic", "front door", "corpus/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown topic 'front door' (one of csa-family,"), "{err}");
}

#[test]
fn analysis_is_the_same_whatever_the_threads() {
    for args in [
        &["prevalence", "--by", "region", "--format", "csv"][..],
        &["profile", "Oxfordshire", "--format", "json"],
        &["compare", "--format", "table"],
    ] {
        let one = run(&[args, &["--jobs", "1", "corpus/"]].concat());
        let two = run(&[args, &["--jobs", "2", "corpus/"]].concat());
        assert_eq!(one, two, "{args:?}");
        assert!(one.len() > 1000, "{args:?}");
    }
}

/// The 98 published documents on an 80-column terminal: every line fits, every area has its
/// row (told apart from the others), and the summaries are a few lines each.
#[test]
fn compare_scales_to_a_published_corpus_in_80_columns() {
    let out =
        letters().args(["compare", "--format", "table", "corpus/published"]).env("COLUMNS", "80").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > 80).collect();
    assert!(wide.is_empty(), "{wide:?}");
    let areas: Vec<String> = jsonl(&run(&["compare", "--format", "jsonl", "corpus/published"]))
        .into_iter()
        .filter(|l| l["type"] == "area")
        .map(|l| l["area"].as_str().unwrap().to_string())
        .collect();
    assert!(areas.len() > 80, "{}", areas.len());
    // Areas as rows under two header lines of theme codes; the names end where the grid starts.
    let lines: Vec<&str> = text.lines().collect();
    let grid = lines[1].chars().position(|c| c != ' ').unwrap();
    let rows = &lines[3..3 + areas.len()];
    let names: Vec<String> =
        rows.iter().map(|r| r.chars().take(grid).collect::<String>().trim_end().to_string()).collect();
    for (area, name) in areas.iter().zip(&names) {
        let shown = name.trim_end_matches('…');
        assert!(!shown.is_empty() && area.starts_with(shown), "{area} / {name}");
    }
    assert_eq!(names.iter().collect::<BTreeSet<_>>().len(), areas.len(), "two rows look alike");
    for title in ["Flips:", "Shared improvements", "Shared strengths"] {
        let section: Vec<&str> =
            text.lines().skip_while(|l| !l.starts_with(title)).skip(1).take_while(|l| !l.is_empty()).collect();
        assert!((1..=7).contains(&section.len()), "{title}: {section:?}");
        assert!(section.last().unwrap().contains("more (every one"), "{title}: {section:?}");
    }
}

/// Every analysis fits the terminal it is printed on, down to 40 columns.
#[test]
fn analysis_tables_fit_the_terminal() {
    for width in ["40", "80"] {
        for args in [
            &["prevalence", "--by", "kind"][..],
            &["trend", "--by", "round"],
            &["profile", "Liverpool"],
            &["cooccurrence"],
        ] {
            let out = letters()
                .args(args)
                .args(["--format", "table", "corpus/published"])
                .env("COLUMNS", width)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0));
            let text = String::from_utf8(out.stdout).unwrap();
            let w: usize = width.parse().unwrap();
            let wide: Vec<&str> = text.lines().filter(|l| l.chars().count() > w).collect();
            assert!(wide.is_empty(), "{args:?} at {width}: {wide:?}");
            assert!(text.lines().count() > 10, "{args:?}");
        }
    }
}
