//! `letters check` and `letters coverage`: claims with verdicts, letter items with what addresses
//! them.

use std::io::Write;

use letters_core::check::{Claim, CoverageItem, Verdict};

use super::{Style, md_escape, wrap, write_tagged};
use crate::args::Format;

fn verdict_style(style: Style, v: Verdict) -> String {
    let name = v.as_str();
    match v {
        Verdict::Supported => style.strength(name),
        Verdict::Partial => name.to_string(),
        Verdict::Unsupported | Verdict::Contradicted => style.improvement(name),
    }
}

/// Writes claims (`check`).
pub fn write_claims(
    out: &mut dyn Write,
    claims: &[Claim],
    format: Format,
    style: Style,
    paths: &(String, String),
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(format)),
        Format::Json | Format::Jsonl => write_tagged(out, "claim", claims, format == Format::Json)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["start", "end", "verdict", "score", "themes", "claim", "best_support"])?;
            for c in claims {
                let best = c.support.first().map_or("", |s| s.text.as_str());
                w.write_record([
                    c.span.start.to_string().as_str(),
                    &c.span.end.to_string(),
                    c.verdict.as_str(),
                    &format!("{:.3}", c.score),
                    &c.themes.join(";"),
                    &c.text,
                    best,
                ])?;
            }
            w.flush()?;
        }
        Format::Md => {
            writeln!(out, "## Claims of `{}` checked against `{}`\n", paths.0, paths.1)?;
            writeln!(out, "| verdict | score | claim | closest finding in the letter |")?;
            writeln!(out, "| --- | ---: | --- | --- |")?;
            for c in claims {
                writeln!(
                    out,
                    "| {} | {:.2} | {} | {} |",
                    c.verdict.as_str(),
                    c.score,
                    md_escape(&c.text),
                    md_escape(c.support.first().map_or("", |s| s.text.as_str()))
                )?;
            }
            writeln!(out, "\nA verdict is a lead for a person to check, not a judgement.")?;
        }
        Format::Table => {
            let width = style.width.saturating_sub(8).max(30);
            writeln!(out, "{}", style.bold(&format!("Claims of {} checked against {}", paths.0, paths.1)))?;
            for c in claims {
                writeln!(out, "\n{} {:.2}", verdict_style(style, c.verdict), c.score)?;
                for line in wrap(&c.text, width) {
                    writeln!(out, "    {line}")?;
                }
                if let Some(s) = c.support.first() {
                    writeln!(
                        out,
                        "  {}",
                        style.dim(&format!("closest in the letter ({}, {:.2}):", s.section.as_str(), s.score))
                    )?;
                    for line in wrap(&s.text, width) {
                        writeln!(out, "    {}", style.dim(&line))?;
                    }
                }
            }
            let count = |v: Verdict| claims.iter().filter(|c| c.verdict == v).count();
            writeln!(
                out,
                "\n{} claims: {} supported, {} partial, {} unsupported, {} contradicted. A verdict is a lead to check, not a judgement.",
                claims.len(),
                count(Verdict::Supported),
                count(Verdict::Partial),
                count(Verdict::Unsupported),
                count(Verdict::Contradicted)
            )?;
        }
    }
    Ok(())
}

/// Writes coverage items (`coverage`).
pub fn write_coverage(
    out: &mut dyn Write,
    items: &[CoverageItem],
    format: Format,
    style: Style,
    paths: &(String, String),
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(format)),
        Format::Json | Format::Jsonl => write_tagged(out, "coverage", items, format == Format::Json)?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["section", "start", "end", "addressed", "themes", "item", "addressed_by"])?;
            for c in items {
                let best = c.by.first().map_or("", |s| s.text.as_str());
                w.write_record([
                    c.section.as_str(),
                    &c.span.start.to_string(),
                    &c.span.end.to_string(),
                    if c.addressed { "true" } else { "false" },
                    &c.themes.join(";"),
                    &c.text,
                    best,
                ])?;
            }
            w.flush()?;
        }
        Format::Md => {
            writeln!(out, "## What `{}` addresses of `{}`\n", paths.0, paths.1)?;
            writeln!(out, "| addressed | letter item | by |")?;
            writeln!(out, "| --- | --- | --- |")?;
            for c in items {
                let by: Vec<String> = c.by.iter().map(|b| md_escape(&b.text)).collect();
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    if c.addressed { "yes" } else { "**no**" },
                    md_escape(&c.text),
                    by.join("<br>")
                )?;
            }
        }
        Format::Table => {
            let width = style.width.saturating_sub(8).max(30);
            writeln!(out, "{}", style.bold(&format!("What {} addresses of {}", paths.0, paths.1)))?;
            for c in items {
                let head = if c.addressed { style.strength("addressed") } else { style.improvement("NOT addressed") };
                writeln!(out, "\n{head}  {}  [{}]", c.section.as_str(), c.themes.join(", "))?;
                for line in wrap(&c.text, width) {
                    writeln!(out, "    {line}")?;
                }
                for b in &c.by {
                    for (i, line) in wrap(&format!("{:.2} {}", b.score, b.text), width).iter().enumerate() {
                        writeln!(out, "  {} {}", if i == 0 { "→" } else { " " }, style.dim(line))?;
                    }
                }
            }
            let n = items.iter().filter(|c| c.addressed).count();
            writeln!(out, "\n{n} of {} items addressed.", items.len())?;
        }
    }
    Ok(())
}
