//! `letters eval`: agreement for people (table, Markdown: the theme table, polarity and its
//! confusion matrix, the disagreements) and for machines (CSV of theme scores or of units,
//! JSON, JSON Lines).

use std::io::Write;
use std::path::Path;

use letters_core::eval::{Evaluation, POLARITIES, Score, UnitResult};
use serde::Serialize;

use super::{Style, Tagged, heading, json_line, md_escape, truncate, wrap};
use crate::args::Format;

/// Columns of `eval --format csv` (a row per theme, then `micro` and `macro`).
pub const SCORES_CSV: [&str; 10] = ["theme", "label", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "kappa"];

/// Columns of `eval --units --format csv`.
pub const UNITS_CSV: [&str; 12] = [
    "row",
    "path",
    "opening",
    "unit",
    "section",
    "gold_themes",
    "tool_themes",
    "missed",
    "extra",
    "gold_polarity",
    "tool_polarity",
    "cues",
];

/// Disagreements a terminal shows before it counts the rest.
const SHOWN: usize = 15;

fn num(x: Option<f64>) -> String {
    x.map_or("–".to_string(), |v| format!("{v:.2}"))
}

fn score_cells(s: &Score) -> [String; 8] {
    [
        s.tp.to_string(),
        s.fp.to_string(),
        s.fn_.to_string(),
        s.tn.to_string(),
        s.precision.map_or(String::new(), |v| v.to_string()),
        s.recall.map_or(String::new(), |v| v.to_string()),
        s.f1.map_or(String::new(), |v| v.to_string()),
        s.kappa.map_or(String::new(), |v| v.to_string()),
    ]
}

#[derive(Serialize)]
struct Summary<'a> {
    units: usize,
    unmatched: usize,
    micro: &'a Score,
    #[serde(rename = "macro")]
    macro_: &'a Score,
    polarity: &'a letters_core::eval::PolarityScore,
}

/// The codings compared: a person's with the tool's, or (`second`) with another person's.
#[derive(Debug, Clone, Copy)]
pub struct Codings<'a> {
    pub first: &'a Path,
    pub second: Option<&'a Path>,
}

impl Codings<'_> {
    /// What the comparison is of, for a heading.
    fn title(&self) -> String {
        match self.second {
            None => format!("Agreement with {}", self.first.display()),
            Some(second) => format!("Agreement between {} and {}", self.first.display(), second.display()),
        }
    }

    /// The two sides of a confusion matrix.
    fn sides(&self) -> &'static str {
        if self.second.is_some() { "first ↓ / second →" } else { "coder ↓ / tool →" }
    }
}

/// Writes an evaluation.
pub fn write(
    out: &mut dyn Write,
    e: &Evaluation,
    codings: Codings<'_>,
    units: bool,
    format: Format,
    style: Style,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => Err(crate::render::not_text(format)),
        Format::Json => json_line(out, &Tagged { kind_tag: "evaluation", value: e }),
        Format::Jsonl => {
            let summary = Summary {
                units: e.units.len(),
                unmatched: e.unmatched.len(),
                micro: &e.micro,
                macro_: &e.macro_,
                polarity: &e.polarity,
            };
            json_line(out, &Tagged { kind_tag: "summary", value: &summary })?;
            for t in &e.themes {
                json_line(out, &Tagged { kind_tag: "theme-score", value: t })?;
            }
            for u in &e.units {
                json_line(out, &Tagged { kind_tag: "unit", value: u })?;
            }
            for u in &e.unmatched {
                json_line(out, &Tagged { kind_tag: "unmatched", value: u })?;
            }
            Ok(())
        }
        Format::Csv if units => units_csv(out, e),
        Format::Csv => scores_csv(out, e),
        Format::Md => markdown(out, e, codings),
        Format::Table => table(out, e, codings, style),
    }
}

fn scores_csv(out: &mut dyn Write, e: &Evaluation) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(SCORES_CSV)?;
    let rows = e.themes.iter().map(|t| (t.theme.as_str(), t.label.as_str(), &t.score));
    for (id, label, s) in
        rows.chain([("micro", "all themes pooled", &e.micro), ("macro", "mean of the themes", &e.macro_)])
    {
        let mut record = vec![id.to_string(), label.to_string()];
        record.extend(score_cells(s));
        w.write_record(&record)?;
    }
    w.flush()?;
    Ok(())
}

fn units_csv(out: &mut dyn Write, e: &Evaluation) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(UNITS_CSV)?;
    for u in &e.units {
        w.write_record([
            u.row.to_string(),
            u.path.clone(),
            u.opening.clone(),
            u.unit.as_str().to_string(),
            u.section.as_str().to_string(),
            u.gold_themes.join(";"),
            u.tool_themes.join(";"),
            u.missed().join(";"),
            u.extra().join(";"),
            u.gold_polarity.map_or("", |p| p.as_str()).to_string(),
            u.tool_polarity.as_str().to_string(),
            u.cues.join(";"),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// What the tool (or the second coder) said of a unit, and for the tool why: its words for
/// each theme in question, its cues.
fn why(u: &UnitResult, codings: Codings<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    let (missed, extra) = (u.missed(), u.extra());
    if !missed.is_empty() {
        lines.push(format!("missed: {}", missed.join(", ")));
    }
    for t in extra {
        if codings.second.is_some() {
            lines.push(format!("extra: {t}"));
            continue;
        }
        let words: Vec<&str> = u.evidence.iter().filter(|e| e.theme == t).map(|e| e.text.as_str()).collect();
        lines.push(format!("extra: {t} (from “{}”)", words.join("”, “")));
    }
    if let Some(g) = u.gold_polarity.filter(|g| *g != u.tool_polarity) {
        let (g, t) = (g.as_str(), u.tool_polarity.as_str());
        lines.push(match codings.second {
            Some(_) => format!("polarity: {g} for the first coder, {t} for the second"),
            None if u.cues.is_empty() => format!("polarity: {g} for the coder, {t} for the tool (no cue words)"),
            None => format!("polarity: {g} for the coder, {t} for the tool (cues “{}”)", u.cues.join("”, “")),
        });
    }
    lines
}

fn table(out: &mut dyn Write, e: &Evaluation, codings: Codings<'_>, style: Style) -> anyhow::Result<()> {
    let docs: std::collections::BTreeSet<&str> = e.units.iter().map(|u| u.path.as_str()).collect();
    heading(
        out,
        style,
        &format!(
            "{}: {} units in {} documents{}",
            codings.title(),
            e.units.len(),
            docs.len(),
            if e.unmatched.is_empty() { String::new() } else { format!(" ({} not found)", e.unmatched.len()) }
        ),
    )?;
    let lw = e
        .themes
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(10)
        .min(style.width.saturating_sub(50).max(12));
    let head = format!(
        "{:lw$} {:>4} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}",
        "theme", "tp", "fp", "fn", "prec", "rec", "F1", "κ"
    );
    writeln!(out, "{}", style.dim(&head))?;
    let line = |label: &str, s: &Score| {
        format!(
            "{:lw$} {:>4} {:>4} {:>4}  {:>5} {:>5} {:>5} {:>5}",
            truncate(label, lw),
            s.tp,
            s.fp,
            s.fn_,
            num(s.precision),
            num(s.recall),
            num(s.f1),
            num(s.kappa)
        )
    };
    for t in &e.themes {
        writeln!(out, "{}", line(&t.label, &t.score))?;
    }
    writeln!(out, "{}", style.bold(&line("micro (pooled)", &e.micro)))?;
    writeln!(out, "{}", style.bold(&line("macro (mean)", &e.macro_)))?;
    let p = &e.polarity;
    writeln!(out)?;
    heading(out, style, "Polarity")?;
    writeln!(out, "  all units {} of {}, κ {}", num(p.accuracy), p.units, num(p.kappa))?;
    for (name, (n, acc)) in
        [("items", p.items), ("sentences", p.sentences), ("evaluative sentences", p.evaluative_sentences)]
    {
        writeln!(out, "  {name} {} of {n}", num(acc))?;
    }
    writeln!(out, "{}", style.dim(&format!("  {:<18} strength improvement  mixed neutral", codings.sides())))?;
    for (g, row) in POLARITIES.iter().zip(&p.confusion) {
        writeln!(out, "  {:<17} {:>8} {:>11} {:>6} {:>7}", g.as_str(), row[0], row[1], row[2], row[3])?;
    }
    let dis: Vec<&UnitResult> = e.disagreements().collect();
    writeln!(out)?;
    heading(out, style, &format!("Disagreements ({} of {} units)", dis.len(), e.units.len()))?;
    for u in dis.iter().take(SHOWN) {
        writeln!(out, "  {} row {}: {}", u.path, u.row, truncate(&u.text, style.width.saturating_sub(20).max(20)))?;
        for l in why(u, codings) {
            for (k, w) in wrap(&l, style.width.saturating_sub(6).max(20)).iter().enumerate() {
                writeln!(out, "    {}{w}", if k == 0 { "" } else { "  " })?;
            }
        }
    }
    if dis.len() > SHOWN {
        writeln!(out, "  … and {} more (all of them: --format md, json or --units --format csv)", dis.len() - SHOWN)?;
    }
    Ok(())
}

fn markdown(out: &mut dyn Write, e: &Evaluation, codings: Codings<'_>) -> anyhow::Result<()> {
    writeln!(out, "## {}\n", md_escape(&codings.title()))?;
    writeln!(out, "{} units compared; {} not found.\n", e.units.len(), e.unmatched.len())?;
    writeln!(
        out,
        "| theme | tp | fp | fn | precision | recall | F1 | κ |\n| --- | --: | --: | --: | --: | --: | --: | --: |"
    )?;
    let rows = e.themes.iter().map(|t| (t.label.clone(), &t.score));
    for (label, s) in rows.chain([("**micro**".to_string(), &e.micro), ("**macro**".to_string(), &e.macro_)]) {
        let label = if label.starts_with("**") { label } else { md_escape(&label) };
        writeln!(
            out,
            "| {label} | {} | {} | {} | {} | {} | {} | {} |",
            s.tp,
            s.fp,
            s.fn_,
            num(s.precision),
            num(s.recall),
            num(s.f1),
            num(s.kappa)
        )?;
    }
    let p = &e.polarity;
    writeln!(out, "\n### Polarity\n")?;
    writeln!(
        out,
        "Accuracy {} of {} units (κ {}); items {} of {}; sentences {} of {}; evaluative sentences {} of {}.\n",
        num(p.accuracy),
        p.units,
        num(p.kappa),
        num(p.items.1),
        p.items.0,
        num(p.sentences.1),
        p.sentences.0,
        num(p.evaluative_sentences.1),
        p.evaluative_sentences.0
    )?;
    writeln!(
        out,
        "| {} | strength | improvement | mixed | neutral |\n| --- | --: | --: | --: | --: |",
        codings.sides()
    )?;
    for (g, row) in POLARITIES.iter().zip(&p.confusion) {
        writeln!(out, "| {} | {} | {} | {} | {} |", g.as_str(), row[0], row[1], row[2], row[3])?;
    }
    writeln!(out, "\n### Disagreements\n")?;
    for u in e.disagreements() {
        writeln!(out, "- **{} row {}**: {}", md_escape(&u.path), u.row, md_escape(&u.text))?;
        for l in why(u, codings) {
            writeln!(out, "  - {}", md_escape(&l))?;
        }
    }
    if !e.unmatched.is_empty() {
        writeln!(out, "\n### Not found\n")?;
        for u in &e.unmatched {
            let coding = if u.second { "second coding, " } else { "" };
            writeln!(
                out,
                "- {} {coding}row {}: “{}” — {}",
                md_escape(&u.path),
                u.row,
                md_escape(&u.opening),
                u.reason
            )?;
        }
    }
    Ok(())
}
