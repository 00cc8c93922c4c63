//! Which themes are listed together.

use std::io::Write;

use letters_core::analysis::Cooccurrence;

use crate::args::Format;
use crate::render::{Style, heading, md_escape, truncate, write_tagged};

/// Narrowest terminal that takes a pair and its counts on one line.
const NARROW: usize = 56;

/// Columns of `cooccurrence --format csv`.
pub const COOCCURRENCE_CSV: [&str; 8] = ["a", "b", "side", "documents", "both", "a_listed", "b_listed", "lift"];

/// Writes co-occurring themes.
pub fn write_cooccurrence(
    out: &mut dyn Write,
    rows: &[Cooccurrence],
    labels: &[(String, String)],
    format: Format,
    style: Style,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => Err(crate::render::not_text(format)),
        Format::Json | Format::Jsonl => write_tagged(out, "cooccurrence", rows, format == Format::Json),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(COOCCURRENCE_CSV)?;
            for c in rows {
                w.write_record([
                    c.a.as_str(),
                    c.b.as_str(),
                    c.side.as_str(),
                    &c.documents.to_string(),
                    &c.both.to_string(),
                    &c.a_listed.to_string(),
                    &c.b_listed.to_string(),
                    &c.lift.to_string(),
                ])?;
            }
            w.flush()?;
            Ok(())
        }
        Format::Md | Format::Table => {
            let label = |id: &str| labels.iter().find(|(i, _)| i == id).map_or(id, |(_, l)| l.as_str()).to_string();
            let frequent: Vec<&Cooccurrence> = rows.iter().filter(|c| c.both >= 3).take(20).collect();
            let side = rows.first().map_or("improvement", |c| c.side.as_str());
            let n = rows.first().map_or(0, |c| c.documents);
            let title = format!("Themes listed together as {side} (in 3 or more of {n} documents), most lifted first");
            if format == Format::Md {
                writeln!(out, "### {title}\n\n| themes | both | each | lift |\n| --- | --- | --- | --- |")?;
            } else {
                heading(out, style, &title)?;
            }
            let pw = frequent
                .iter()
                .map(|c| label(&c.a).chars().count() + label(&c.b).chars().count() + 3)
                .max()
                .unwrap_or(20);
            // "  " + pair + "  both   3  (  3,  10)  lift 11.20"
            let pw = pw.min(style.width.saturating_sub(36).max(10));
            for c in frequent {
                let pair = format!("{} + {}", label(&c.a), label(&c.b));
                if format == Format::Md {
                    writeln!(
                        out,
                        "| {} | {} | {} / {} | {:.2} |",
                        md_escape(&pair),
                        c.both,
                        c.a_listed,
                        c.b_listed,
                        c.lift
                    )?;
                } else {
                    let counts =
                        format!("both {:>3}  ({:>3}, {:>3})  lift {:.2}", c.both, c.a_listed, c.b_listed, c.lift);
                    if style.width >= NARROW {
                        writeln!(out, "  {:pw$}  {counts}", truncate(&pair, pw))?;
                    } else {
                        // Too narrow for a pair and its counts on one line.
                        writeln!(out, "  {}", truncate(&pair, style.width.saturating_sub(2)))?;
                        writeln!(out, "    {}", truncate(&counts, style.width.saturating_sub(4)))?;
                    }
                }
            }
            Ok(())
        }
    }
}
