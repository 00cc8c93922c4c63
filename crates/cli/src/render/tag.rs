//! `letters tag`: findings as JSON Lines, JSON, CSV, Markdown or a table.

use std::io::Write;

use letters_core::tag::Evidence;
use letters_core::{Date, Document, Finding, Polarity, Span};
use serde::Serialize;

use super::{JsonArray, Style, json_line, md_escape, wrap};
use crate::args::Format;

/// What each finding carries of its document, so a table of findings needs no join: the
/// area (canonical name, ONS codes and region), the kind of document and of inspection, the
/// topic code and the date (the letter's, else the end of the inspection).
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocFields {
    pub area: Option<String>,
    /// ONS GSS codes, `;` between several.
    pub area_code: Option<String>,
    pub region: Option<String>,
    pub doc_kind: &'static str,
    pub inspection_type: Option<&'static str>,
    pub topic_code: Option<&'static str>,
    pub date: Option<Date>,
}

impl DocFields {
    pub fn of(doc: &Document) -> DocFields {
        let m = &doc.meta;
        let joined = |f: &dyn Fn(&letters_core::meta::Authority) -> &str| {
            let mut v: Vec<&str> = m.authorities.iter().map(f).collect();
            v.dedup();
            (!v.is_empty()).then(|| v.join(";"))
        };
        DocFields {
            area: m.area.clone(),
            area_code: joined(&|a| a.code.as_str()),
            region: joined(&|a| a.region.as_str()),
            doc_kind: doc.kind.as_str(),
            inspection_type: m.inspection_type.map(|t| t.as_str()),
            topic_code: m.topic_code.map(|c| c.as_str()),
            date: m.date.or(m.inspection.end),
        }
    }

    /// The fields as CSV cells, in [`CSV_HEADER`] order.
    fn cells(&self) -> [String; 7] {
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        [
            o(&self.area),
            o(&self.area_code),
            o(&self.region),
            self.doc_kind.to_string(),
            self.inspection_type.unwrap_or_default().to_string(),
            self.topic_code.unwrap_or_default().to_string(),
            self.date.map(|d| d.to_string()).unwrap_or_default(),
        ]
    }
}

/// A finding as output: `{"type":"finding","path","area",…}`.
#[derive(Serialize)]
pub struct FindingOut<'a> {
    #[serde(rename = "type")]
    pub kind_tag: &'static str,
    pub path: &'a str,
    #[serde(flatten)]
    pub doc: &'a DocFields,
    pub section: &'static str,
    pub unit: &'static str,
    pub text: &'a str,
    pub span: Span,
    pub themes: &'a [String],
    pub agencies: &'a [String],
    pub polarity: Polarity,
    pub cues: &'a [String],
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub against_list: &'a [String],
    pub evidence: &'a [Evidence],
}

impl<'a> FindingOut<'a> {
    pub fn new(path: &'a str, doc: &'a DocFields, f: &'a Finding) -> FindingOut<'a> {
        FindingOut {
            kind_tag: "finding",
            path,
            doc,
            section: f.section.as_str(),
            unit: f.unit.as_str(),
            text: &f.text,
            span: f.span,
            themes: &f.themes,
            agencies: &f.agencies,
            polarity: f.polarity,
            cues: &f.cues,
            against_list: &f.against_list,
            evidence: &f.evidence,
        }
    }
}

/// Columns of `tag --format csv`: one row per finding, its document's fields on every row;
/// lists joined with `;`.
pub const CSV_HEADER: [&str; 18] = [
    "path",
    "area",
    "area_code",
    "region",
    "doc_kind",
    "inspection_type",
    "topic_code",
    "date",
    "section",
    "unit",
    "start",
    "end",
    "polarity",
    "themes",
    "against_list",
    "agencies",
    "cues",
    "text",
];

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
        doc: &DocFields,
        findings: &[&Finding],
    ) -> anyhow::Result<()> {
        let area = doc.area.as_deref();
        match self.format {
            Format::Xlsx | Format::Qdc => return Err(crate::render::not_text(self.format)),
            Format::Json => {
                let a = self.array.as_mut().expect("started");
                for f in findings {
                    a.push(out, &FindingOut::new(path, doc, f))?;
                }
            }
            Format::Jsonl => {
                for f in findings {
                    json_line(out, &FindingOut::new(path, doc, f))?;
                }
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(&mut *out);
                let fields = doc.cells();
                for f in findings {
                    let row = [path].into_iter().chain(fields.iter().map(String::as_str));
                    w.write_record(row.chain([
                        f.section.as_str(),
                        f.unit.as_str(),
                        &f.span.start.to_string(),
                        &f.span.end.to_string(),
                        f.polarity.as_str(),
                        &f.themes.join(";"),
                        &f.against_list.join(";"),
                        &f.agencies.join(";"),
                        &f.cues.join(";"),
                        &f.text,
                    ]))?;
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
