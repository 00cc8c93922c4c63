//! What a comparison adds up to: themes that flip between areas, listings areas share, the
//! most alike areas, and the other documents. A few areas are named, with the findings of a
//! flip quoted; many are counted, with a few examples — no line names dozens of areas.

use std::io::Write;

use letters_core::compare::{CellEvidence, Comparison, Flip, Group, Listing, Similarity};
use letters_core::tag::Unit;
use letters_core::{Polarity, SectionKind};

use crate::render::{Style, md_escape, wrap};

/// Most areas a line names before it counts them instead.
const NAMED: usize = 4;
/// Most flips and shared listings shown, when there are many areas, before "and N more".
const SHOWN: usize = 5;

/// `areas` named when few, else counted.
fn areas_text(areas: &[String]) -> String {
    if areas.len() <= NAMED { areas.join(", ") } else { format!("{} areas", areas.len()) }
}

/// A flip in one line.
fn flip_line(f: &Flip) -> String {
    format!("{}: a strength in {}; an improvement in {}", f.label, areas_text(&f.strength), areas_text(&f.improvement))
}

/// A shared listing in one line.
fn listing_line(l: &Listing) -> String {
    if l.areas.len() <= NAMED {
        format!("{} ({}): {}", l.label, l.areas.len(), l.areas.join(", "))
    } else {
        format!("{}: {} areas", l.label, l.areas.len())
    }
}

/// How many rows to show: all when the areas are few, else [`SHOWN`].
fn shown(c: &Comparison) -> usize {
    if few(c) { usize::MAX } else { SHOWN }
}

/// Whether the inspected areas are few enough to name and quote.
fn few(c: &Comparison) -> bool {
    c.areas.iter().filter(|g| g.inspected).count() <= NAMED
}

/// Flips ordered by reach: the most areas on each side that are only on that side (an area
/// listing a theme both ways flips with itself, which says less).
fn flips_by_reach(c: &Comparison) -> Vec<&Flip> {
    let only = |side: &[String], other: &[String]| side.iter().filter(|a| !other.contains(a)).count();
    let mut v: Vec<&Flip> = c.flips.iter().collect();
    v.sort_by_key(|f| std::cmp::Reverse(only(&f.strength, &f.improvement).min(only(&f.improvement, &f.strength))));
    v
}

/// `text` wrapped to `width` under `indent` (continuations two further in).
fn wrapped(out: &mut dyn Write, indent: &str, text: &str, width: usize) -> std::io::Result<()> {
    for (k, line) in wrap(text, width.saturating_sub(indent.len() + 2).max(20)).iter().enumerate() {
        writeln!(out, "{indent}{}{line}", if k == 0 { "" } else { "  " })?;
    }
    Ok(())
}

/// A bold heading after a blank line, wrapped to the terminal.
fn heading(out: &mut dyn Write, style: Style, title: &str) -> std::io::Result<()> {
    writeln!(out)?;
    for line in wrap(title, style.width.max(20)) {
        writeln!(out, "{}", style.bold(&line))?;
    }
    Ok(())
}

/// The summaries under the table.
pub fn table(out: &mut dyn Write, c: &Comparison, style: Style) -> anyhow::Result<()> {
    let width = style.width.saturating_sub(6).max(30);
    if !c.flips.is_empty() {
        heading(out, style, "Flips: a strength in one area, an improvement in another")?;
        for f in flips_by_reach(c).into_iter().take(shown(c)) {
            wrapped(out, "  ", &flip_line(f), style.width)?;
            if few(c) {
                quotes(out, c, f, width)?;
            }
        }
        more(out, c.flips.len(), shown(c), style.width)?;
    }
    for (title, polarity) in [
        ("Shared improvements (listed in two or more areas)", Polarity::Improvement),
        ("Shared strengths (listed in two or more areas)", Polarity::Strength),
    ] {
        let rows: Vec<&Listing> = c.shared.iter().filter(|s| s.polarity == polarity).collect();
        if rows.is_empty() {
            continue;
        }
        heading(out, style, title)?;
        for s in rows.iter().take(shown(c)) {
            wrapped(out, "  ", &listing_line(s), style.width)?;
        }
        more(out, rows.len(), shown(c), style.width)?;
    }
    let mut sim: Vec<&Similarity> = c.similarity.iter().collect();
    sim.sort_by(|a, b| b.cosine.total_cmp(&a.cosine));
    if !sim.is_empty() {
        heading(out, style, "Most alike areas (cosine of theme × polarity counts)")?;
        for s in sim.iter().take(5) {
            wrapped(out, "  ", &format!("{:.2}  {} — {}", s.cosine, s.a, s.b), style.width)?;
        }
    }
    others(out, c, Some(style))
}

/// "… and N more" when rows were left out.
fn more(out: &mut dyn Write, n: usize, shown: usize, width: usize) -> anyhow::Result<()> {
    if n > shown {
        let text = format!("… and {} more (every one, with every area: --format json or csv)", n - shown);
        wrapped(out, "  ", &text, width)?;
    }
    Ok(())
}

/// The listed findings behind a flip, two a side.
fn quotes(out: &mut dyn Write, c: &Comparison, f: &Flip, width: usize) -> anyhow::Result<()> {
    let row = c.themes.iter().find(|r| r.theme == f.theme);
    let sides = f.strength.iter().map(|a| (a, true)).chain(f.improvement.iter().map(|a| (a, false)));
    for (area, strength_side) in sides {
        let Some(cell) = row.and_then(|r| r.cells.get(area)) else { continue };
        let listed = |e: &&CellEvidence| {
            e.unit == Unit::Item && (e.section == SectionKind::Strengths) == strength_side && e.section.is_list()
        };
        for e in cell.evidence.iter().filter(listed).take(2) {
            let head = format!("{area}, {}: ", e.section.as_str());
            for (k, line) in wrap(&format!("{head}{}", e.text), width).iter().enumerate() {
                writeln!(out, "    {}{line}", if k == 0 { "“ " } else { "  " })?;
            }
        }
    }
    Ok(())
}

/// The groups of documents that are not an inspection's own: named when few, counted when many.
fn others(out: &mut dyn Write, c: &Comparison, style: Option<Style>) -> anyhow::Result<()> {
    let others: Vec<&Group> = c.areas.iter().filter(|g| !g.inspected).collect();
    if others.is_empty() {
        return Ok(());
    }
    let title = "Other documents (own groups; not in flips, shared themes or similarity)";
    match style {
        Some(s) => heading(out, s, title)?,
        None => writeln!(out, "### {title}\n")?,
    }
    let bullet = if style.is_some() { "  " } else { "- " };
    let width = style.map_or(usize::MAX, |s| s.width);
    let limit = if few(c) { usize::MAX } else { SHOWN };
    for g in others.iter().take(limit) {
        let n = g.documents.len();
        wrapped(out, bullet, &format!("{} ({n} document{})", g.area, if n == 1 { "" } else { "s" }), width)?;
    }
    more(out, others.len(), limit, width)?;
    if style.is_none() {
        writeln!(out)?;
    }
    Ok(())
}

/// The summaries of the Markdown rendering.
pub fn markdown(out: &mut dyn Write, c: &Comparison) -> anyhow::Result<()> {
    if !c.flips.is_empty() {
        writeln!(out, "### Flips: a strength in one area, an improvement in another\n")?;
        for f in flips_by_reach(c).into_iter().take(shown(c)) {
            writeln!(out, "- {}", md_escape(&flip_line(f)))?;
        }
        more(out, c.flips.len(), shown(c), usize::MAX)?;
        writeln!(out)?;
    }
    for (title, polarity) in [("Shared improvements", Polarity::Improvement), ("Shared strengths", Polarity::Strength)]
    {
        let rows: Vec<&Listing> = c.shared.iter().filter(|s| s.polarity == polarity).collect();
        if rows.is_empty() {
            continue;
        }
        writeln!(out, "### {title} (listed in two or more areas)\n")?;
        for s in rows.iter().take(shown(c)) {
            writeln!(out, "- {}", md_escape(&listing_line(s)))?;
        }
        more(out, rows.len(), shown(c), usize::MAX)?;
        writeln!(out)?;
    }
    others(out, c, None)
}
