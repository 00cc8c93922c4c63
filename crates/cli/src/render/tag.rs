//! `letters tag`: findings as JSON Lines, JSON, CSV, Markdown or a table.

use std::io::Write;

use letters_core::tag::Evidence;
use letters_core::{Finding, Polarity, Span};
use serde::Serialize;

use super::{JsonArray, Style, json_line, md_escape, wrap};
use crate::args::Format;

/// A finding as output: `{"type":"finding","path","area",…}`.
#[derive(Serialize)]
pub struct FindingOut<'a> {
    #[serde(rename = "type")]
    pub kind_tag: &'static str,
    pub path: &'a str,
    pub area: Option<&'a str>,
    pub section: &'static str,
    pub unit: &'static str,
    pub text: &'a str,
    pub span: Span,
    pub themes: &'a [String],
    pub agencies: &'a [String],
    pub polarity: Polarity,
    pub cues: &'a [String],
    pub evidence: &'a [Evidence],
}

impl<'a> FindingOut<'a> {
    pub fn new(path: &'a str, area: Option<&'a str>, f: &'a Finding) -> FindingOut<'a> {
        FindingOut {
            kind_tag: "finding",
            path,
            area,
            section: f.section.as_str(),
            unit: f.unit.as_str(),
            text: &f.text,
            span: f.span,
            themes: &f.themes,
            agencies: &f.agencies,
            polarity: f.polarity,
            cues: &f.cues,
            evidence: &f.evidence,
        }
    }
}

/// Columns of `tag --format csv`: one row per finding; lists joined with `;`.
pub const CSV_HEADER: [&str; 11] =
    ["path", "area", "section", "unit", "start", "end", "polarity", "themes", "agencies", "cues", "text"];

/// Writes findings one document at a time.
pub struct TagWriter {
    format: Format,
    style: Style,
    array: Option<JsonArray>,
}

impl TagWriter {
    pub fn start(format: Format, style: Style, out: &mut dyn Write) -> anyhow::Result<TagWriter> {
        let array = if format == Format::Json { Some(JsonArray::start(out)?) } else { None };
        match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                w.write_record(CSV_HEADER)?;
                w.flush()?;
            }
            Format::Md => {
                writeln!(out, "| file | area | section | polarity | themes | finding |")?;
                writeln!(out, "| --- | --- | --- | --- | --- | --- |")?;
            }
            _ => {}
        }
        Ok(TagWriter { format, style, array })
    }

    pub fn document(
        &mut self,
        out: &mut dyn Write,
        path: &str,
        area: Option<&str>,
        findings: &[&Finding],
    ) -> anyhow::Result<()> {
        match self.format {
            Format::Json => {
                let a = self.array.as_mut().expect("started");
                for f in findings {
                    a.push(out, &FindingOut::new(path, area, f))?;
                }
            }
            Format::Jsonl => {
                for f in findings {
                    json_line(out, &FindingOut::new(path, area, f))?;
                }
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                for f in findings {
                    w.write_record([
                        path,
                        area.unwrap_or(""),
                        f.section.as_str(),
                        f.unit.as_str(),
                        &f.span.start.to_string(),
                        &f.span.end.to_string(),
                        f.polarity.as_str(),
                        &f.themes.join(";"),
                        &f.agencies.join(";"),
                        &f.cues.join(";"),
                        &f.text,
                    ])?;
                }
                w.flush()?;
            }
            Format::Md => {
                for f in findings {
                    writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} |",
                        md_escape(path),
                        md_escape(area.unwrap_or("")),
                        f.section.as_str(),
                        f.polarity.as_str(),
                        f.themes.join(", "),
                        md_escape(&f.text)
                    )?;
                }
            }
            Format::Table => {
                if findings.is_empty() {
                    return Ok(());
                }
                writeln!(out, "{}  {}", self.style.bold(path), area.unwrap_or("-"))?;
                let width = self.style.width.saturating_sub(6).max(30);
                for f in findings {
                    let mark = match f.polarity {
                        Polarity::Strength => self.style.strength("+ strength   "),
                        Polarity::Improvement => self.style.improvement("- improvement"),
                        Polarity::Mixed => "± mixed      ".to_string(),
                        Polarity::Neutral => self.style.dim("  neutral    "),
                    };
                    let themes = if f.themes.is_empty() { "-".to_string() } else { f.themes.join(", ") };
                    writeln!(out, "  {mark}  {}  {}", f.section.as_str(), self.style.dim(&themes))?;
                    for line in wrap(&f.text, width) {
                        writeln!(out, "      {line}")?;
                    }
                }
                writeln!(out)?;
            }
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
