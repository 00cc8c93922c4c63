//! `letters split`: documents as JSON, JSON Lines, CSV, Markdown or a table.

use std::io::Write;

use letters_core::{BlockKind, Document};
use serde::Serialize;

use super::{JsonArray, Style, json_line, md_escape, truncate, wrap};
use crate::args::Format;

/// A document as output: `{"type":"document","path":…, …}`.
#[derive(Serialize)]
pub struct DocumentOut<'a> {
    #[serde(rename = "type")]
    pub kind_tag: &'static str,
    pub path: &'a str,
    #[serde(flatten)]
    pub doc: &'a Document,
}

/// Columns of `split --format csv`: one row per block.
pub const CSV_HEADER: [&str; 11] =
    ["path", "doc_kind", "area", "area_code", "section", "heading", "block", "block_kind", "start", "end", "text"];

/// Writes documents one at a time in the chosen format.
pub struct SplitWriter {
    format: Format,
    style: Style,
    array: Option<JsonArray>,
}

impl SplitWriter {
    pub fn start(format: Format, style: Style, out: &mut dyn Write) -> anyhow::Result<SplitWriter> {
        let array = if format == Format::Json { Some(JsonArray::start(out)?) } else { None };
        if format == Format::Csv {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record(CSV_HEADER)?;
            w.flush()?;
        }
        Ok(SplitWriter { format, style, array })
    }

    pub fn document(&mut self, out: &mut dyn Write, path: &str, doc: &Document) -> anyhow::Result<()> {
        let value = DocumentOut { kind_tag: "document", path, doc };
        match self.format {
            Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(self.format)),
            Format::Json => self.array.as_mut().expect("started").push(out, &value)?,
            Format::Jsonl => json_line(out, &value)?,
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                let codes: Vec<&str> = doc.meta.authorities.iter().map(|a| a.code.as_str()).collect();
                let area_code = codes.join(";");
                for s in &doc.sections {
                    for (i, b) in s.blocks.iter().enumerate() {
                        w.write_record([
                            path,
                            doc.kind.as_str(),
                            doc.meta.area.as_deref().unwrap_or(""),
                            &area_code,
                            s.kind.as_str(),
                            s.heading.as_deref().unwrap_or(""),
                            &(i + 1).to_string(),
                            block_kind(b.kind),
                            &b.span.start.to_string(),
                            &b.span.end.to_string(),
                            &b.text,
                        ])?;
                    }
                }
                w.flush()?;
            }
            Format::Md => markdown(out, path, doc)?,
            Format::Table => table(out, path, doc, self.style)?,
        }
        Ok(())
    }

    pub fn finish(self, out: &mut dyn Write) -> anyhow::Result<()> {
        if let Some(a) = self.array {
            a.finish(out)?;
        }
        Ok(())
    }
}

fn block_kind(k: BlockKind) -> &'static str {
    match k {
        BlockKind::Item => "item",
        BlockKind::Paragraph => "paragraph",
    }
}

fn date(d: Option<letters_core::Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

fn markdown(out: &mut dyn Write, path: &str, doc: &Document) -> anyhow::Result<()> {
    let m = &doc.meta;
    let title = m.area.as_deref().or(m.title.as_deref()).unwrap_or(path);
    writeln!(out, "## {} — {}\n", md_escape(title), doc.kind.as_str())?;
    writeln!(out, "- **File:** `{path}`")?;
    if let Some(t) = &m.title {
        writeln!(out, "- **Title:** {}", md_escape(t))?;
    }
    if !m.authorities.is_empty() {
        let a: Vec<String> = m.authorities.iter().map(|a| format!("{} ({}, {})", a.name, a.code, a.region)).collect();
        writeln!(out, "- **Local authority:** {}", md_escape(&a.join("; ")))?;
    }
    writeln!(out, "- **Date:** {}", date(m.date))?;
    if m.inspection.start.is_some() {
        writeln!(out, "- **Inspection:** {} to {}", date(m.inspection.start), date(m.inspection.end))?;
    }
    if let Some(t) = m.inspection_type {
        writeln!(out, "- **Inspection type:** {}", t.as_str())?;
    }
    if let Some(t) = &m.topic {
        let code = m.topic_code.map(|c| format!(" (`{c}`)")).unwrap_or_default();
        writeln!(out, "- **Topic:** {}{code}", md_escape(t))?;
    }
    for j in &m.judgements {
        writeln!(out, "- **Judgement:** {}: {}", md_escape(&j.area), j.grade.as_str())?;
    }
    if !m.inspectorates.is_empty() {
        let names: Vec<&str> = m.inspectorates.iter().map(|i| i.as_str()).collect();
        writeln!(out, "- **Inspectorates:** {}", names.join(", "))?;
    }
    if let Some(d) = m.deadline {
        writeln!(out, "- **Written statement due:** {d}")?;
    }
    for w in &doc.warnings {
        writeln!(out, "- **Warning:** {}", md_escape(&w.message))?;
    }
    writeln!(out)?;
    for s in &doc.sections {
        let heading = s.heading.as_deref().unwrap_or("(untitled)");
        writeln!(out, "### {} `{}`\n", md_escape(heading), s.kind.as_str())?;
        for b in &s.blocks {
            match b.kind {
                BlockKind::Item => writeln!(out, "- {}", md_escape(&b.text))?,
                BlockKind::Paragraph => writeln!(out, "{}\n", md_escape(&b.text))?,
            }
        }
        if s.blocks.last().is_some_and(|b| b.kind == BlockKind::Item) {
            writeln!(out)?;
        }
    }
    Ok(())
}

fn table(out: &mut dyn Write, path: &str, doc: &Document, style: Style) -> anyhow::Result<()> {
    let m = &doc.meta;
    let codes: Vec<&str> = m.authorities.iter().map(|a| a.code.as_str()).collect();
    let codes = if codes.is_empty() { String::new() } else { format!(" ({})", codes.join(";")) };
    writeln!(
        out,
        "{}  {}  {}{codes}  {}",
        style.bold(path),
        doc.kind.as_str(),
        m.area.as_deref().unwrap_or("-"),
        date(m.date)
    )?;
    let mut about: Vec<String> = Vec::new();
    if let Some(t) = m.inspection_type {
        about.push(t.as_str().to_string());
    }
    if let Some(t) = m.topic_code {
        about.push(format!("topic {t}"));
    }
    if m.inspection.end.is_some() {
        about.push(format!("inspected {} to {}", date(m.inspection.start), date(m.inspection.end)));
    }
    about.extend(m.judgements.iter().map(|j| format!("{}: {}", j.area, j.grade.as_str())));
    if !about.is_empty() {
        writeln!(out, "  {}", style.dim(&about.join(" · ")))?;
    }
    writeln!(out, "  {}", style.dim(&format!("{:<28} {:>5} {:>5}  heading", "section", "items", "paras")))?;
    let width = style.width.saturating_sub(6);
    for s in &doc.sections {
        let items = s.items().count();
        let heading = truncate(s.heading.as_deref().unwrap_or(""), width.saturating_sub(42).max(20));
        writeln!(out, "  {:<28} {:>5} {:>5}  {}", s.kind.as_str(), items, s.blocks.len() - items, heading)?;
        if s.kind.is_list() {
            for b in s.items() {
                for (i, line) in wrap(&b.text, width.saturating_sub(4)).iter().enumerate() {
                    let bullet = if i == 0 { "•" } else { " " };
                    writeln!(out, "    {bullet} {line}")?;
                }
            }
        }
    }
    for w in &doc.warnings {
        writeln!(out, "  warning: {}", w.message)?;
    }
    writeln!(out)?;
    Ok(())
}
