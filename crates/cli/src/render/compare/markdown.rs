//! `compare --format md`: the matrix (groups as rows when there are many), the summaries, and
//! the findings behind every listed cell.

use std::io::Write;

use letters_core::compare::{Comparison, ListedAs, ThemeRow};

use super::grid::short_codes;
use super::{LEGEND, cell_text, group_word, marker, summary, symbol};
use crate::render::md_escape;

/// Most groups shown as columns; more become rows.
const COLUMNS: usize = 8;

pub fn write(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    writeln!(out, "## Themes by {}\n", group_word(c))?;
    let rows: Vec<&ThemeRow> = c.themes.iter().filter(|r| r.cells.values().any(|x| !x.is_empty())).collect();
    if c.areas.len() <= COLUMNS {
        themes_as_rows(out, c, &rows)?;
    } else {
        groups_as_rows(out, c, &rows)?;
    }
    writeln!(out, "\n{LEGEND}\n")?;
    summary::markdown(out, c)?;
    evidence(out, c)
}

fn themes_as_rows(out: &mut dyn Write, c: &Comparison, rows: &[&ThemeRow]) -> anyhow::Result<()> {
    write!(out, "| theme |")?;
    for g in &c.areas {
        write!(out, " {} |", md_escape(&g.area))?;
    }
    writeln!(out)?;
    writeln!(out, "| --- |{}", " :---: |".repeat(c.areas.len()))?;
    for row in rows {
        write!(out, "| {} |", md_escape(&row.label))?;
        for g in &c.areas {
            write!(out, " {} |", row.cells.get(&g.area).map(cell_text).unwrap_or_default())?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn groups_as_rows(out: &mut dyn Write, c: &Comparison, rows: &[&ThemeRow]) -> anyhow::Result<()> {
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let codes = short_codes(&labels);
    writeln!(out, "| {} | {} |", group_word(c), codes.join(" | "))?;
    writeln!(out, "| --- |{}", " :---: |".repeat(codes.len()))?;
    for g in &c.areas {
        write!(out, "| {} |", md_escape(&g.area))?;
        for row in rows {
            let s = match row.cells.get(&g.area).map(|x| x.listed_as()) {
                Some(ListedAs::NotListed) | None => "",
                Some(l) => symbol(l),
            };
            write!(out, " {s} |")?;
        }
        writeln!(out)?;
    }
    writeln!(out)?;
    let key: Vec<String> = codes.iter().zip(&labels).map(|(c, l)| format!("**{c}** {}", md_escape(l))).collect();
    writeln!(out, "{}", key.join(" · "))?;
    Ok(())
}

/// The findings behind each listed cell: all kept for a few groups, the first for many.
fn evidence(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    writeln!(out, "## Evidence for listed themes\n")?;
    let keep = if c.areas.len() <= COLUMNS { usize::MAX } else { 1 };
    for row in &c.themes {
        for g in &c.areas {
            let Some(cell) = row.cells.get(&g.area) else { continue };
            if cell.listed.total() == 0 {
                continue;
            }
            writeln!(out, "**{} — {}** {}\n", md_escape(&row.label), md_escape(&g.area), marker(cell))?;
            for e in cell.evidence.iter().take(keep) {
                writeln!(
                    out,
                    "- _{} ({}, {})_: {}",
                    e.section.as_str(),
                    e.polarity.as_str(),
                    md_escape(&e.path),
                    md_escape(&e.text)
                )?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
