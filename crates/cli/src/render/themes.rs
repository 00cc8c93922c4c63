//! `letters themes`: the taxonomy, for people and programs.

use std::io::Write;

use letters_core::Taxonomy;
use letters_core::tag::Entry;
use serde::Serialize;

use super::{JsonArray, Style, json_line, md_escape, truncate};
use crate::args::Format;

#[derive(Serialize)]
struct EntryOut<'a> {
    #[serde(rename = "type")]
    kind_tag: &'static str,
    id: &'a str,
    label: &'a str,
    description: &'a str,
    phrases: &'a [String],
    patterns: &'a [String],
    exclude: &'a [String],
    weak: &'a [String],
    contextual: &'a [String],
    context: &'a [String],
    should_tag: usize,
    must_not_tag: usize,
}

fn entry_out<'a>(kind: &'static str, e: &'a Entry) -> EntryOut<'a> {
    EntryOut {
        kind_tag: kind,
        id: &e.id,
        label: &e.label,
        description: &e.description,
        phrases: &e.phrases,
        patterns: &e.patterns,
        exclude: &e.exclude,
        weak: &e.weak,
        contextual: &e.contextual,
        context: &e.context,
        should_tag: e.should_tag.len(),
        must_not_tag: e.must_not_tag.len(),
    }
}

/// Writes the taxonomy's themes and agencies.
pub fn write(out: &mut dyn Write, tax: &Taxonomy, format: Format, style: Style) -> anyhow::Result<()> {
    let all = tax.themes.iter().map(|e| ("theme", e)).chain(tax.agencies.iter().map(|e| ("agency", e)));
    match format {
        Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(format)),
        Format::Json => {
            let mut a = JsonArray::start(out)?;
            for (k, e) in all {
                a.push(out, &entry_out(k, e))?;
            }
            a.finish(out)?;
        }
        Format::Jsonl => {
            for (k, e) in all {
                json_line(out, &entry_out(k, e))?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(["facet", "id", "label", "description", "phrases"])?;
            for (k, e) in all {
                w.write_record([k, &e.id, &e.label, &e.description, &e.phrases.join(";")])?;
            }
            w.flush()?;
        }
        Format::Md => {
            writeln!(out, "| facet | id | label | description | phrases |")?;
            writeln!(out, "| --- | --- | --- | --- | --- |")?;
            for (k, e) in all {
                writeln!(
                    out,
                    "| {k} | `{}` | {} | {} | {} |",
                    e.id,
                    md_escape(&e.label),
                    md_escape(&e.description),
                    e.phrases.len()
                )?;
            }
        }
        Format::Table => {
            let width = style.width.saturating_sub(52).max(20);
            writeln!(out, "{}", style.dim(&format!("{:<7} {:<26} {:>7}  description", "facet", "id", "phrases")))?;
            for (k, e) in all {
                writeln!(
                    out,
                    "{:<7} {:<26} {:>7}  {}",
                    k,
                    style.bold(&e.id),
                    e.phrases.len() + e.patterns.len(),
                    truncate(&e.description, width)
                )?;
            }
        }
    }
    Ok(())
}
