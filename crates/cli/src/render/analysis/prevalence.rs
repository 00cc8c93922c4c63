//! How common each theme is, overall, by group or by period.

use std::io::Write;

use letters_core::analysis::{Prevalence, Side};
use serde::Serialize;

use super::pct;
use crate::args::Format;
use crate::render::{Style, heading, md_escape, truncate, write_tagged};

/// "61 55% (46–64)": count, share and interval.
fn share_cell(p: &Prevalence) -> String {
    format!("{} {} ({}–{})", p.listed, pct(p.share), (p.low * 100.0).round(), (p.high * 100.0).round())
}

/// Columns of `prevalence --format csv`.
pub const PREVALENCE_CSV: [&str; 10] =
    ["theme", "label", "group", "side", "documents", "listed", "share", "low", "high", "small"];

fn prevalence_csv(out: &mut dyn Write, rows: &[Prevalence], first: &str) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let mut header = PREVALENCE_CSV;
    header[2] = if first == "period" { "period" } else { "group" };
    w.write_record(header)?;
    for p in rows {
        w.write_record([
            p.theme.as_str(),
            p.label.as_str(),
            p.group.as_deref().unwrap_or(""),
            p.side.as_str(),
            &p.documents.to_string(),
            &p.listed.to_string(),
            &p.share.to_string(),
            &p.low.to_string(),
            &p.high.to_string(),
            &p.small.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// The groups of `rows`, in their order.
fn groups(rows: &[Prevalence]) -> Vec<Option<String>> {
    let mut out: Vec<Option<String>> = Vec::new();
    for r in rows {
        if !out.contains(&r.group) {
            out.push(r.group.clone());
        }
    }
    out
}

/// Writes prevalence rows.
pub fn write_prevalence(out: &mut dyn Write, rows: &[Prevalence], format: Format, style: Style) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => Err(crate::render::not_text(format)),
        Format::Json | Format::Jsonl => write_tagged(out, "prevalence", rows, format == Format::Json),
        Format::Csv => prevalence_csv(out, rows, "group"),
        Format::Md => {
            for g in groups(rows) {
                let these: Vec<&Prevalence> = rows.iter().filter(|r| r.group == g).collect();
                let n = these.first().map_or(0, |p| p.documents);
                writeln!(out, "### {} ({n} documents)\n", md_escape(g.as_deref().unwrap_or("All documents")))?;
                writeln!(out, "| theme | improvement | strength | priority action |")?;
                writeln!(out, "| --- | --- | --- | --- |")?;
                for (label, cells) in by_theme(&these) {
                    writeln!(out, "| {} | {} | {} | {} |", md_escape(label), cells[0], cells[1], cells[2])?;
                }
                writeln!(out)?;
            }
            Ok(())
        }
        Format::Table => prevalence_table(out, rows, style),
    }
}

/// Each theme's cells for improvement, strength and priority, in taxonomy order, themes never
/// listed left out.
fn by_theme<'a>(rows: &[&'a Prevalence]) -> Vec<(&'a str, [String; 3])> {
    let mut out: Vec<(&str, [String; 3])> = Vec::new();
    for r in rows {
        let i = Side::ALL.iter().position(|s| *s == r.side).unwrap_or(0);
        match out.iter_mut().find(|(l, _)| *l == r.label) {
            Some((_, cells)) => cells[i] = share_cell(r),
            None => {
                let mut cells: [String; 3] = Default::default();
                cells[i] = share_cell(r);
                out.push((&r.label, cells));
            }
        }
    }
    out.retain(|(label, _)| rows.iter().any(|r| r.label == *label && r.listed > 0));
    out
}

fn prevalence_table(out: &mut dyn Write, rows: &[Prevalence], style: Style) -> anyhow::Result<()> {
    for g in groups(rows) {
        let these: Vec<&Prevalence> = rows.iter().filter(|r| r.group == g).collect();
        let n = these.first().map_or(0, |p| p.documents);
        let title = match &g {
            Some(g) => format!("{g}: {n} documents"),
            None => format!("Listed in how many of {n} inspection documents (count, share, 95% Wilson interval)"),
        };
        heading(out, style, &title)?;
        let cells = by_theme(&these);
        let cw = cells.iter().flat_map(|(_, c)| c.iter().map(|x| x.chars().count())).max().unwrap_or(10).max(11);
        let lw = style.width.saturating_sub(3 * (cw + 2)).clamp(12, 32);
        if lw + 3 * (cw + 2) > style.width {
            // Too narrow for columns: a theme, then its three cells under it.
            for (label, c) in cells {
                writeln!(out, "{}", truncate(label, style.width))?;
                for (side, cell) in ["improvement", "strength", "priority"].iter().zip(c) {
                    writeln!(out, "  {}", truncate(&format!("{side} {cell}"), style.width.saturating_sub(2)))?;
                }
            }
            writeln!(out)?;
            continue;
        }
        let header = format!("{:lw$}  {:cw$}  {:cw$}  {:cw$}", "theme", "improvement", "strength", "priority");
        writeln!(out, "{}", style.dim(header.trim_end()))?;
        for (label, c) in cells {
            let line = format!("{:lw$}  {:cw$}  {:cw$}  {}", truncate(label, lw), c[0], c[1], c[2]);
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes a trend: every side in CSV and JSON; for people, `side` with a column a period.
pub fn write_trend(
    out: &mut dyn Write,
    rows: &[Prevalence],
    side: Side,
    format: Format,
    style: Style,
) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct TrendRow<'a> {
        theme: &'a str,
        label: &'a str,
        period: Option<&'a str>,
        side: Side,
        documents: u32,
        listed: u32,
        share: f64,
        low: f64,
        high: f64,
        small: bool,
    }
    fn as_trend(p: &Prevalence) -> TrendRow<'_> {
        TrendRow {
            theme: &p.theme,
            label: &p.label,
            period: p.group.as_deref(),
            side: p.side,
            documents: p.documents,
            listed: p.listed,
            share: p.share,
            low: p.low,
            high: p.high,
            small: p.small,
        }
    }
    match format {
        Format::Xlsx | Format::Qdc => Err(crate::render::not_text(format)),
        Format::Json | Format::Jsonl => {
            let rows: Vec<TrendRow> = rows.iter().map(as_trend).collect();
            write_tagged(out, "trend", &rows, format == Format::Json)
        }
        Format::Csv => prevalence_csv(out, rows, "period"),
        Format::Md | Format::Table => trend_grid(out, rows, side, format == Format::Md, style),
    }
}

/// Longest period name used as a column heading; longer ones are numbered.
const PERIOD_WIDTH: usize = 8;

/// One row per theme, one column per period: the share listing it on `side` (`*` marks a
/// period of fewer than five documents).
fn trend_grid(out: &mut dyn Write, rows: &[Prevalence], side: Side, md: bool, style: Style) -> anyhow::Result<()> {
    let these: Vec<&Prevalence> = rows.iter().filter(|r| r.side == side).collect();
    let periods = groups(rows);
    let mut themes: Vec<&str> = Vec::new();
    for r in &these {
        if r.listed > 0 && !themes.contains(&r.label.as_str()) {
            themes.push(&r.label);
        }
    }
    let cell = |label: &str, period: &Option<String>| {
        these
            .iter()
            .find(|r| r.label == label && r.group == *period)
            .map_or(String::new(), |r| format!("{}{}", pct(r.share), if r.small { "*" } else { "" }))
    };
    let counts: Vec<u32> =
        periods.iter().map(|p| these.iter().find(|r| r.group == *p).map_or(0, |r| r.documents)).collect();
    let name = |p: &Option<String>| p.clone().unwrap_or_default();
    if md {
        write!(out, "| theme |")?;
        for (p, n) in periods.iter().zip(&counts) {
            write!(out, " {} (n={n}) |", md_escape(&name(p)))?;
        }
        writeln!(out)?;
        writeln!(out, "|{}", " --- |".repeat(periods.len() + 1))?;
        for t in &themes {
            write!(out, "| {} |", md_escape(t))?;
            for p in &periods {
                write!(out, " {} |", cell(t, p))?;
            }
            writeln!(out)?;
        }
        writeln!(out, "\nShare of documents listing each theme as {}; * fewer than 5 documents.", side.as_str())?;
        return Ok(());
    }
    heading(out, style, &format!("Share of documents listing each theme as {} (* fewer than 5)", side.as_str()))?;
    // Long period names (rounds) become numbered columns, named below the grid.
    let names: Vec<String> = periods.iter().map(name).collect();
    let coded = names.iter().any(|n| n.chars().count() > PERIOD_WIDTH);
    let heads: Vec<String> = if coded { (1..=names.len()).map(|k| format!("R{k}")).collect() } else { names.clone() };
    let cw = heads.iter().map(|h| h.chars().count()).max().unwrap_or(4).max(5);
    let longest = themes.iter().map(|t| t.chars().count()).max().unwrap_or(12);
    // Narrower labels (down to 20) before a second panel.
    let lw = longest.min(30).min(style.width.saturating_sub(periods.len() * (cw + 1))).max(20.min(longest));
    // As many period columns as fit the terminal to a panel, panels one under another.
    let per_panel = (style.width.saturating_sub(lw) / (cw + 1)).max(1);
    let columns: Vec<usize> = (0..periods.len()).collect();
    for (k, panel) in columns.chunks(per_panel).enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let mut header = format!("{:lw$}", "");
        let mut ns = format!("{:lw$}", "documents");
        for &c in panel {
            header.push_str(&format!(" {:>cw$}", heads[c]));
            ns.push_str(&format!(" {:>cw$}", counts[c]));
        }
        writeln!(out, "{}", style.dim(header.trim_end()))?;
        writeln!(out, "{}", style.dim(ns.trim_end()))?;
        for t in &themes {
            let mut line = format!("{:lw$}", truncate(t, lw));
            for &c in panel {
                line.push_str(&format!(" {:>cw$}", cell(t, &periods[c])));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
    }
    if coded {
        writeln!(out)?;
        for (h, n) in heads.iter().zip(&names) {
            writeln!(out, "{}", style.dim(&truncate(&format!("{h:>4} {n}"), style.width)))?;
        }
    }
    Ok(())
}
