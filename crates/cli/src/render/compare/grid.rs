//! The comparison as a grid: themes as rows and groups as columns while the groups fit the
//! terminal; groups as rows and themes as two-letter columns (their codes explained below) when
//! there are more.

use std::io::Write;

use letters_core::compare::{Comparison, ListedAs, ThemeRow};

use super::{cell_text, pad, paint, symbol, wrap_entries};
use crate::render::{Style, truncate};

/// Themes listed or mentioned in any group.
fn rows(c: &Comparison) -> Vec<&ThemeRow> {
    c.themes.iter().filter(|r| r.cells.values().any(|x| !x.is_empty())).collect()
}

/// The matrix of themes (rows) by groups (columns), the columns narrowed to fit (five areas
/// fit in 80 columns); `false`, writing nothing, when it cannot fit.
pub fn theme_rows(out: &mut dyn Write, c: &Comparison, style: Style) -> anyhow::Result<bool> {
    let rows = rows(c);
    let mut label_w = rows.iter().map(|r| r.label.chars().count()).max().unwrap_or(5).clamp(5, 30);
    let mut col_w = c.areas.iter().map(|g| g.area.chars().count()).max().unwrap_or(6).clamp(8, 16);
    // "▼ 11/13" needs 7 columns.
    let need = |label_w: usize, col_w: usize| label_w + (col_w + 2) * c.areas.len();
    while need(label_w, col_w) > style.width && col_w > 9 {
        col_w -= 1;
    }
    while need(label_w, col_w) > style.width && label_w > 20 {
        label_w -= 1;
    }
    if need(label_w, col_w) > style.width {
        return Ok(false);
    }
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
            let padded = pad(&cell.map(cell_text).unwrap_or_default(), col_w);
            line.push_str("  ");
            line.push_str(&cell.map_or(padded.clone(), |cell| paint(style, cell, &padded)));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(true)
}

/// Two-letter codes of the themes: the initials of their labels' main words, told apart where
/// two would share one.
pub fn short_codes(labels: &[&str]) -> Vec<String> {
    const SMALL: &[&str] = &["and", "of", "the", "at", "to", "in", "for", "against"];
    let mut out: Vec<String> = Vec::new();
    for label in labels {
        let words: Vec<String> = label
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !SMALL.contains(&w.to_lowercase().as_str()))
            .map(|w| w.to_uppercase())
            .collect();
        let letters: String = words.iter().filter_map(|w| w.chars().next()).collect();
        let first = words.first().cloned().unwrap_or_default();
        // Initials; else the first word's first two letters; else its first and any other.
        let mut candidates: Vec<String> = Vec::new();
        if letters.chars().count() >= 2 {
            candidates.push(letters.chars().take(2).collect());
        }
        candidates.push(first.chars().take(2).collect());
        for c in first.chars().skip(2).chain(letters.chars().skip(2)) {
            candidates.push(format!("{}{c}", first.chars().next().unwrap_or('?')));
        }
        let code = candidates.into_iter().find(|c| c.chars().count() == 2 && !out.contains(c)).unwrap_or_else(|| {
            let n = out.len();
            format!("{}", n % 100)
        });
        out.push(code);
    }
    out
}

/// Groups as rows, themes as columns of two-letter codes (stacked over two header lines), a
/// symbol a cell; the codes explained below. Narrower than the codes: a line per group.
pub fn group_rows(out: &mut dyn Write, c: &Comparison, style: Style) -> anyhow::Result<()> {
    let rows = rows(c);
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    let codes = short_codes(&labels);
    let grid_w = rows.len() * 2;
    let name_w =
        style.width.saturating_sub(grid_w + 1).min(c.areas.iter().map(|g| g.area.chars().count()).max().unwrap_or(8));
    if name_w < 8 {
        return group_lines(out, c, &rows, &codes, style);
    }
    for k in 0..2 {
        let mut line = pad("", name_w + 1);
        for code in &codes {
            line.push(code.chars().nth(k).unwrap_or(' '));
            line.push(' ');
        }
        writeln!(out, "{}", style.bold(line.trim_end()))?;
    }
    for g in &c.areas {
        let mut line = pad(&truncate(&g.area, name_w), name_w + 1);
        for row in &rows {
            let cell = row.cells.get(&g.area);
            let s = match cell.map(|x| x.listed_as()) {
                Some(ListedAs::NotListed) | None => "·".to_string(),
                Some(l) => paint(style, cell.expect("listed"), symbol(l)),
            };
            line.push_str(&s);
            line.push(' ');
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    let entries: Vec<String> = codes.iter().zip(&labels).map(|(c, l)| format!("{c} {l}")).collect();
    for line in wrap_entries(entries.iter().map(String::as_str), " · ", style.width) {
        writeln!(out, "{}", style.dim(&line))?;
    }
    Ok(())
}

/// For terminals too narrow for a grid: a line per group naming the codes of its themes by
/// listing.
fn group_lines(
    out: &mut dyn Write,
    c: &Comparison,
    rows: &[&ThemeRow],
    codes: &[String],
    style: Style,
) -> anyhow::Result<()> {
    for g in &c.areas {
        let of = |want: &[ListedAs]| -> Vec<&str> {
            rows.iter()
                .zip(codes)
                .filter(|(r, _)| r.cells.get(&g.area).is_some_and(|x| want.contains(&x.listed_as())))
                .map(|(_, c)| c.as_str())
                .collect()
        };
        let imp = of(&[ListedAs::Improvement, ListedAs::Priority, ListedAs::Both]);
        let st = of(&[ListedAs::Strength, ListedAs::Both]);
        let text = format!("{}: ▼ {}; ▲ {}", g.area, imp.join(" "), st.join(" "));
        for (k, line) in crate::render::wrap(&text, style.width.saturating_sub(2).max(10)).iter().enumerate() {
            writeln!(out, "{}{line}", if k == 0 { "" } else { "  " })?;
        }
    }
    let entries: Vec<String> = codes.iter().zip(rows).map(|(c, r)| format!("{c} {}", r.label)).collect();
    for line in wrap_entries(entries.iter().map(String::as_str), " · ", style.width) {
        writeln!(out, "{}", style.dim(&line))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_two_letters_and_distinct() {
        let labels = [
            "Information-sharing",
            "MAPPA",
            "Safety and protection planning",
            "Staff support and supervision",
            "Schools and education",
            "Strategic leadership and governance",
            "Timeliness and delay",
            "Training and learning",
        ];
        let codes = short_codes(&labels);
        assert_eq!(codes, ["IS", "MA", "SP", "SS", "SE", "SL", "TD", "TL"]);
    }
}
