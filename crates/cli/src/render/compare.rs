//! `letters compare`: the theme × area matrix, flips, shared and unique themes, similarity.

use std::io::Write;

use letters_core::compare::{Cell, CellEvidence, Comparison, Group, ListedAs, Listing, Similarity, ThemeRow};
use letters_core::tag::Unit;
use letters_core::{Polarity, SectionKind};
use serde::Serialize;

use super::{Style, Tagged, json_line, md_escape, truncate, wrap, write_tagged};
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
        Format::Md => markdown(out, c)?,
        Format::Table => table(out, c, style)?,
    }
    Ok(())
}

fn listing_line(l: &Listing) -> String {
    format!("{} ({}): {}", l.label, l.areas.len(), l.areas.join(", "))
}

fn markdown(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    writeln!(out, "## Themes by {}\n", group_word(c))?;
    write!(out, "| theme |")?;
    for g in &c.areas {
        write!(out, " {} |", md_escape(&g.area))?;
    }
    writeln!(out)?;
    write!(out, "| --- |")?;
    for _ in &c.areas {
        write!(out, " :---: |")?;
    }
    writeln!(out)?;
    for row in c.themes.iter().filter(|r| r.cells.values().any(|x| !x.is_empty())) {
        write!(out, "| {} |", md_escape(&row.label))?;
        for g in &c.areas {
            write!(out, " {} |", row.cells.get(&g.area).map(cell_text).unwrap_or_default())?;
        }
        writeln!(out)?;
    }
    writeln!(out, "\n{LEGEND}\n")?;
    summary_md(out, c)?;
    writeln!(out, "## Evidence for listed themes\n")?;
    for row in &c.themes {
        for g in &c.areas {
            let Some(cell) = row.cells.get(&g.area) else { continue };
            if cell.listed.total() == 0 {
                continue;
            }
            writeln!(out, "**{} — {}** {}\n", md_escape(&row.label), md_escape(&g.area), marker(cell))?;
            for e in &cell.evidence {
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

fn summary_md(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    if !c.flips.is_empty() {
        writeln!(out, "### Flips: a strength in one area, an improvement in another\n")?;
        for f in &c.flips {
            writeln!(
                out,
                "- **{}**: strength in {}; improvement in {}",
                md_escape(&f.label),
                md_escape(&f.strength.join(", ")),
                md_escape(&f.improvement.join(", "))
            )?;
        }
        writeln!(out)?;
    }
    for (title, polarity) in [("Shared improvements", Polarity::Improvement), ("Shared strengths", Polarity::Strength)]
    {
        let rows: Vec<&Listing> = c.shared.iter().filter(|s| s.polarity == polarity).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "### {title} (listed in two or more areas)\n")?;
        for s in rows {
            writeln!(out, "- {}", md_escape(&listing_line(s)))?;
        }
        writeln!(out)?;
    }
    let others: Vec<&Group> = c.areas.iter().filter(|g| !g.inspected).collect();
    if !others.is_empty() {
        writeln!(out, "### Other documents (own columns; not counted in flips, shared themes or similarity)\n")?;
        for g in others {
            let paths: Vec<&str> = g.documents.iter().map(|d| d.path.as_str()).collect();
            writeln!(out, "- {}: {}", md_escape(&g.area), md_escape(&paths.join(", ")))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn group_word(c: &Comparison) -> &'static str {
    match c.group_by {
        letters_core::GroupBy::Area => "area",
        letters_core::GroupBy::Kind => "kind of document",
        letters_core::GroupBy::Year => "year",
        letters_core::GroupBy::File => "file",
    }
}

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

fn table(out: &mut dyn Write, c: &Comparison, style: Style) -> anyhow::Result<()> {
    let rows: Vec<&ThemeRow> = c.themes.iter().filter(|r| r.cells.values().any(|x| !x.is_empty())).collect();
    let mut label_w = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(5).clamp(5, 30);
    let mut col_w = c.areas.iter().map(|g| g.area.chars().count()).max().unwrap_or(6).clamp(8, 16);
    // Narrow the area columns, then the theme labels, to fit the terminal before giving up the
    // matrix ("▼ 11/13" needs 7 columns; five areas fit in 80).
    let need = |label_w: usize, col_w: usize| label_w + (col_w + 2) * c.areas.len();
    while need(label_w, col_w) > style.width && col_w > 9 {
        col_w -= 1;
    }
    while need(label_w, col_w) > style.width && label_w > 20 {
        label_w -= 1;
    }
    let fits = need(label_w, col_w) <= style.width;
    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "Themes by {} ({} groups, {} documents)",
            group_word(c),
            c.areas.len(),
            c.areas.iter().map(|g| g.documents.len()).sum::<usize>()
        ))
    )?;
    if fits {
        let mut header = pad("", label_w);
        for g in &c.areas {
            header.push_str("  ");
            header.push_str(&style.bold(&pad(&truncate(&g.area, col_w), col_w)));
        }
        writeln!(out, "{}", header.trim_end())?;
        for row in &rows {
            let mut line = pad(&truncate(&row.label, label_w), label_w);
            for g in &c.areas {
                let cell = row.cells.get(&g.area);
                let text = cell.map(cell_text).unwrap_or_default();
                let padded = pad(&text, col_w);
                line.push_str("  ");
                line.push_str(&cell.map_or(padded.clone(), |cell| paint(style, cell, &padded)));
            }
            writeln!(out, "{}", line.trim_end())?;
        }
    } else {
        // Too many groups for a matrix: one line per theme with how many areas list it.
        writeln!(
            out,
            "{}",
            style.dim(&format!("{}  {:>11}  {:>11}  mentions s/i", pad("theme", label_w), "▼ improve", "▲ strength"))
        )?;
        for row in &rows {
            let imp = row.cells.values().filter(|x| x.listed.improvement_side() > 0).count();
            let st = row.cells.values().filter(|x| x.listed.strength > 0).count();
            let s: u32 = row.cells.values().map(|x| x.mentions.strength).sum();
            let i: u32 = row.cells.values().map(|x| x.mentions.improvement).sum();
            writeln!(out, "{}  {:>11}  {:>11}  {s}/{i}", pad(&truncate(&row.label, label_w), label_w), imp, st)?;
        }
    }
    // The legend's entries, as many to a line as the width allows.
    let mut line = String::new();
    for entry in LEGEND.split("   ") {
        if !line.is_empty() && line.chars().count() + 3 + entry.chars().count() > style.width {
            writeln!(out, "{}", style.dim(&line))?;
            line.clear();
        }
        if !line.is_empty() {
            line.push_str("   ");
        }
        line.push_str(entry);
    }
    writeln!(out, "{}", style.dim(&line))?;
    let width = style.width.saturating_sub(6).max(30);
    if !c.flips.is_empty() {
        writeln!(out, "\n{}", style.bold("Flips: a strength in one area, an improvement in another"))?;
        for f in &c.flips {
            writeln!(
                out,
                "  {}: {} in {}; {} in {}",
                f.label,
                style.strength("strength"),
                f.strength.join(", "),
                style.improvement("improvement"),
                f.improvement.join(", ")
            )?;
            let row = c.themes.iter().find(|r| r.theme == f.theme);
            let sides = f.strength.iter().map(|a| (a, true)).chain(f.improvement.iter().map(|a| (a, false)));
            for (area, strength_side) in sides {
                let Some(cell) = row.and_then(|r| r.cells.get(area)) else { continue };
                let listed = |e: &&CellEvidence| {
                    e.unit == Unit::Item
                        && (e.section == SectionKind::Strengths) == strength_side
                        && e.section.is_list()
                };
                for e in cell.evidence.iter().filter(listed).take(2) {
                    let head = format!("{area}, {}: ", e.section.as_str());
                    for (k, line) in wrap(&format!("{head}{}", e.text), width).iter().enumerate() {
                        writeln!(out, "    {}{line}", if k == 0 { "“ " } else { "  " })?;
                    }
                }
            }
        }
    }
    for (title, polarity) in [
        ("Shared improvements (listed in two or more areas)", Polarity::Improvement),
        ("Shared strengths (listed in two or more areas)", Polarity::Strength),
    ] {
        let rows: Vec<&Listing> = c.shared.iter().filter(|s| s.polarity == polarity).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "\n{}", style.bold(title))?;
        for s in rows.iter().take(15) {
            for line in wrap(&listing_line(s), width) {
                writeln!(out, "  {line}")?;
            }
        }
        if rows.len() > 15 {
            writeln!(out, "  … and {} more (see --format md or json)", rows.len() - 15)?;
        }
    }
    let mut sim: Vec<&Similarity> = c.similarity.iter().collect();
    sim.sort_by(|a, b| b.cosine.total_cmp(&a.cosine));
    if !sim.is_empty() {
        writeln!(out, "\n{}", style.bold("Most alike areas (cosine of theme × polarity counts)"))?;
        for s in sim.iter().take(5) {
            writeln!(out, "  {:.2}  {} — {}", s.cosine, s.a, s.b)?;
        }
    }
    let others: Vec<&Group> = c.areas.iter().filter(|g| !g.inspected).collect();
    if !others.is_empty() {
        writeln!(out, "\n{}", style.bold("Other documents (own columns; not in flips, shared themes or similarity)"))?;
        for g in others {
            writeln!(
                out,
                "  {} ({} document{})",
                g.area,
                g.documents.len(),
                if g.documents.len() == 1 { "" } else { "s" }
            )?;
        }
    }
    Ok(())
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

    /// The five corpus groups stay a matrix in 80 columns (shortened), and become one line per
    /// theme only when they cannot fit.
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
        let tiny = render(60);
        assert!(tiny.lines().nth(1).unwrap().contains("▼ improve"), "{tiny}");
    }
}
