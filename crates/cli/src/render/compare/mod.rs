//! `letters compare`: the theme × area matrix (areas as rows when there are many), flips,
//! shared and unique themes, similarity — for a few areas in detail, for hundreds in summary.

mod grid;
mod markdown;
mod sheets;
mod summary;

pub use sheets::tables;

use std::io::Write;

use letters_core::compare::{Cell, Comparison, ListedAs};
use serde::Serialize;

use super::{Style, Tagged, json_line, write_tagged};
use crate::args::Format;

/// The legend printed under tables.
pub const LEGEND: &str = "▲ listed as a strength   ▼ listed as an improvement   ‼ listed as a priority action   \
◆ listed both ways   s/i = other sentences judged strength / improvement";

/// The symbol of how a theme is listed.
pub fn symbol(l: ListedAs) -> &'static str {
    match l {
        ListedAs::Both => "◆",
        ListedAs::Priority => "‼",
        ListedAs::Improvement => "▼",
        ListedAs::Strength => "▲",
        ListedAs::NotListed => " ",
    }
}

/// The symbol of a cell.
pub fn marker(c: &Cell) -> &'static str {
    symbol(c.listed_as())
}

/// The text of a cell: marker and strength/improvement mention counts.
pub fn cell_text(c: &Cell) -> String {
    if c.is_empty() {
        return String::new();
    }
    let m = &c.mentions;
    if m.strength + m.improvement == 0 {
        return marker(c).to_string();
    }
    format!("{} {}/{}", marker(c), m.strength, m.improvement)
}

#[derive(Serialize)]
struct CellLine<'a> {
    #[serde(rename = "type")]
    kind_tag: &'static str,
    area: &'a str,
    area_code: Option<&'a str>,
    theme: &'a str,
    label: &'a str,
    #[serde(flatten)]
    cell: &'a Cell,
}

/// Columns of `compare --format csv` (long form).
pub const CSV_HEADER: [&str; 6] = ["area", "area_code", "theme", "source", "polarity", "count"];

/// Writes a comparison in the chosen format.
pub fn write(out: &mut dyn Write, c: &Comparison, format: Format, style: Style) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(format)),
        Format::Json => {
            json_line(out, &Tagged { kind_tag: "comparison", value: c })?;
        }
        Format::Jsonl => {
            write_tagged(out, "area", &c.areas, false)?;
            let code = |area: &str| c.areas.iter().find(|g| g.area == area).and_then(|g| g.code.as_deref());
            for row in &c.themes {
                for (area, cell) in &row.cells {
                    let area_code = code(area);
                    let line =
                        CellLine { kind_tag: "cell", area, area_code, theme: &row.theme, label: &row.label, cell };
                    json_line(out, &line)?;
                }
            }
            write_tagged(out, "flip", &c.flips, false)?;
            write_tagged(out, "shared", &c.shared, false)?;
            write_tagged(out, "unique", &c.unique, false)?;
            write_tagged(out, "similarity", &c.similarity, false)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(CSV_HEADER)?;
            let code = |area: &str| c.areas.iter().find(|g| g.area == area).and_then(|g| g.code.as_deref());
            for row in &c.themes {
                for (area, cell) in &row.cells {
                    let area_code = code(area).unwrap_or("");
                    let l = &cell.listed;
                    let m = &cell.mentions;
                    for (source, polarity, n) in [
                        ("listed", "strength", l.strength),
                        ("listed", "improvement", l.improvement),
                        ("listed", "priority", l.priority),
                        ("mentions", "strength", m.strength),
                        ("mentions", "improvement", m.improvement),
                        ("mentions", "mixed", m.mixed),
                        ("mentions", "neutral", m.neutral),
                    ] {
                        w.write_record([
                            area.as_str(),
                            area_code,
                            row.theme.as_str(),
                            source,
                            polarity,
                            &n.to_string(),
                        ])?;
                    }
                }
            }
            w.flush()?;
        }
        Format::Md => markdown::write(out, c)?,
        Format::Table => table(out, c, style)?,
    }
    Ok(())
}

/// What the groups are.
fn group_word(c: &Comparison) -> &'static str {
    match c.group_by {
        letters_core::GroupBy::Area => "area",
        letters_core::GroupBy::Kind => "kind of document",
        letters_core::GroupBy::Year => "year",
        letters_core::GroupBy::File => "file",
    }
}

/// A cell's text in its colour.
fn paint(style: Style, cell: &Cell, text: &str) -> String {
    match cell.listed_as() {
        ListedAs::Strength => style.strength(text),
        ListedAs::Improvement | ListedAs::Priority => style.improvement(text),
        ListedAs::Both => style.bold(text),
        ListedAs::NotListed => text.to_string(),
    }
}

/// Pads `s` to `w` display columns (the symbols used are one column wide).
fn pad(s: &str, w: usize) -> String {
    let n = s.chars().count();
    if n >= w { s.to_string() } else { format!("{s}{}", " ".repeat(w - n)) }
}

/// The table for people: the matrix when it fits the terminal (themes as rows, groups as
/// columns); else groups as rows and themes as short columns; then the legend and the
/// summaries.
fn table(out: &mut dyn Write, c: &Comparison, style: Style) -> anyhow::Result<()> {
    let documents: usize = c.areas.iter().map(|g| g.documents.len()).sum();
    let title = format!("Themes by {} ({} groups, {documents} documents)", group_word(c), c.areas.len());
    for line in crate::render::wrap(&title, style.width) {
        writeln!(out, "{}", style.bold(&line))?;
    }
    let counts = grid::theme_rows(out, c, style)?;
    if !counts {
        grid::group_rows(out, c, style)?;
    }
    legend(out, style, counts)?;
    summary::table(out, c, style)
}

/// The legend's entries, as many to a line as the width allows; the s/i entry only where
/// cells show those counts.
fn legend(out: &mut dyn Write, style: Style, counts: bool) -> anyhow::Result<()> {
    let entries = LEGEND.split("   ").filter(|e| counts || !e.starts_with("s/i"));
    for line in wrap_entries(entries, "   ", style.width) {
        writeln!(out, "{}", style.dim(&line))?;
    }
    Ok(())
}

/// Lines of `entries` joined by `sep`, as many to a line as `width` allows.
fn wrap_entries<'a>(entries: impl Iterator<Item = &'a str>, sep: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for entry in entries {
        if !line.is_empty() && line.chars().count() + sep.chars().count() + entry.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push_str(sep);
        }
        line.push_str(&crate::render::truncate(entry, width));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use letters_core::{CompareBuilder, Document, Tagger};

    fn corpus_comparison() -> Comparison {
        let tagger = Tagger::new();
        let mut comparer = CompareBuilder::new().build(tagger.taxonomy());
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        for p in paths {
            let doc = Document::from_bytes(&std::fs::read(&p).unwrap()).unwrap();
            comparer.add(&p.display().to_string(), &doc, &tagger.tag_document(&doc));
        }
        comparer.finish()
    }

    /// The five corpus groups stay a matrix in 80 columns (shortened); narrower, groups become
    /// rows under theme codes; narrower still, a line per group.
    #[test]
    fn table_fits_the_terminal() {
        let c = corpus_comparison();
        let render = |width: usize| {
            let mut out = Vec::new();
            table(&mut out, &c, Style { color: false, width }).unwrap();
            String::from_utf8(out).unwrap()
        };
        let narrow = render(80);
        // The matrix and its legend, up to the blank line before the flips.
        let matrix: Vec<&str> = narrow.lines().take_while(|l| !l.is_empty()).collect();
        assert!(matrix[1].contains("Oxfordsh") && matrix[1].contains("Leiceste"), "{}", matrix[1]);
        assert!(matrix.iter().all(|l| l.chars().count() <= 80), "{narrow}");
        let info = matrix.iter().find(|l| l.starts_with("Information-sharing")).unwrap();
        assert_eq!(info.matches('▼').count(), 3, "{info}");
        // Narrower: groups as rows under two-letter theme codes, explained below.
        let tiny = render(60);
        let lines: Vec<&str> = tiny.lines().collect();
        assert!(lines[1].starts_with("          I M T"), "{tiny}");
        assert!(lines[3].starts_with("Leiceste… ▼ · ▼ ◆"), "{tiny}");
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{tiny}");
        assert!(tiny.contains("IS Information-sharing"), "{tiny}");
        // Narrower still: a line per group naming its themes' codes.
        let strip = render(30);
        assert!(strip.contains("Leicestershire: ▼ IS TM"), "{strip}");
    }
}
