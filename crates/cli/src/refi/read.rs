//! Reading a person's coding from a REFI-QDA project (`.qdpx`, or a bare `project.qde` whose
//! sources carry their text): each coded text selection becomes a unit to evaluate. Codes are
//! matched to theme ids by name (a theme's id or label, any case) and to polarities by name
//! (`strength`, `improvement`, `mixed`, `neutral`); other codes are reported and left out.

use std::collections::HashMap;
use std::io::Read;

use anyhow::{Context, Result, bail};
use letters_core::Taxonomy;
use letters_core::eval::{GoldUnit, polarity_named};
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// A source's selection as the project has it.
struct Selection {
    start_code_points: usize,
    end_code_points: usize,
    codes: Vec<String>,
}

/// A text source: its name, where its text is, and its coded selections.
#[derive(Default)]
struct SourceEntry {
    name: String,
    plain_text_path: Option<String>,
    content: Option<String>,
    selections: Vec<Selection>,
}

/// What a project holds: code names by GUID and the text sources.
#[derive(Default)]
struct Project {
    codes: HashMap<String, String>,
    sources: Vec<SourceEntry>,
}

impl Project {
    /// Adds text to the last source's content.
    fn push_content(&mut self, text: &str) {
        if let Some(s) = self.sources.last_mut() {
            s.content.get_or_insert_with(String::new).push_str(text);
        }
    }
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

fn parse(xml: &str) -> Result<Project> {
    let mut reader = Reader::from_str(xml);
    let mut p = Project::default();
    let mut in_content = false;
    loop {
        let event = reader
            .read_event()
            .with_context(|| format!("project.qde: not well-formed XML near byte {}", reader.buffer_position()))?;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"Code" => {
                    if let (Some(g), Some(n)) = (attr(&e, "guid"), attr(&e, "name")) {
                        p.codes.insert(g, n);
                    }
                }
                b"TextSource" => p.sources.push(SourceEntry {
                    name: attr(&e, "name").unwrap_or_default(),
                    plain_text_path: attr(&e, "plainTextPath"),
                    ..SourceEntry::default()
                }),
                b"PlainTextSelection" => {
                    let pos = |n: &str| attr(&e, n).and_then(|v| v.parse::<usize>().ok());
                    let (Some(a), Some(b)) = (pos("startPosition"), pos("endPosition")) else {
                        bail!("project.qde: a PlainTextSelection without numeric start and end positions");
                    };
                    if let Some(s) = p.sources.last_mut() {
                        s.selections.push(Selection { start_code_points: a, end_code_points: b, codes: Vec::new() });
                    }
                }
                b"CodeRef" => {
                    if let (Some(t), Some(sel)) =
                        (attr(&e, "targetGUID"), p.sources.last_mut().and_then(|s| s.selections.last_mut()))
                    {
                        sel.codes.push(t);
                    }
                }
                b"PlainTextContent" => in_content = true,
                _ => {}
            },
            Event::Text(t) if in_content => {
                let text = t.xml_content(XmlVersion::Implicit1_0).map_err(|e| anyhow::anyhow!("project.qde: {e}"))?;
                p.push_content(&text);
            }
            Event::CData(t) if in_content => {
                p.push_content(&t.decode().map_err(|e| anyhow::anyhow!("project.qde: {e}"))?);
            }
            Event::GeneralRef(r) if in_content => {
                let name = r.decode().map_err(|e| anyhow::anyhow!("project.qde: {e}"))?;
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name)
                        .with_context(|| format!("project.qde: unknown entity &{name};"))?
                        .to_string(),
                };
                p.push_content(&c);
            }
            Event::End(e) if e.local_name().as_ref() == b"PlainTextContent" => in_content = false,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(p)
}

/// A person's coding read from a project.
pub struct Coding {
    /// The coded selections, in project order (numbered from 1 as their "row"), each with its
    /// opening words and its span: a byte range of the source's text in the project.
    pub units: Vec<GoldUnit>,
    /// The names of codes that are neither a theme, an agency nor a polarity.
    pub unknown: Vec<String>,
    /// Each source's [`super::text_digest`], by name: a unit's span holds only in a document
    /// whose text is the same.
    pub digests: HashMap<String, String>,
}

/// A person's coding from the project at `path`.
pub fn read_project(path: &std::path::Path, taxonomy: &Taxonomy) -> Result<Coding> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).with_context(|| format!("{name}: cannot read the project"))?;
    let mut archive = if bytes.starts_with(b"PK") {
        Some(
            zip::ZipArchive::new(std::io::Cursor::new(bytes.clone()))
                .with_context(|| format!("{name}: not a readable .qdpx archive"))?,
        )
    } else {
        None
    };
    let xml = match archive.as_mut() {
        Some(z) => {
            let entry = (0..z.len())
                .find(|&i| z.by_index(i).is_ok_and(|f| f.name().ends_with(".qde")))
                .with_context(|| format!("{name}: no project.qde inside"))?;
            let mut s = String::new();
            z.by_index(entry)?.read_to_string(&mut s).with_context(|| format!("{name}: project.qde is not UTF-8"))?;
            s
        }
        None => String::from_utf8(bytes).with_context(|| format!("{name}: not UTF-8"))?,
    };
    let project = parse(&xml).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let agency = |code: &str| {
        taxonomy.agencies.iter().any(|a| a.id.eq_ignore_ascii_case(code) || a.label.eq_ignore_ascii_case(code))
    };
    let theme_of = |code: &str| {
        taxonomy
            .themes
            .iter()
            .find(|t| t.id.eq_ignore_ascii_case(code) || t.label.eq_ignore_ascii_case(code))
            .map(|t| t.id.clone())
    };
    let mut unknown: Vec<String> = Vec::new();
    let mut units = Vec::new();
    let mut digests = HashMap::new();
    for source in &project.sources {
        let text = match (&source.content, &source.plain_text_path, archive.as_mut()) {
            (Some(t), _, _) => t.clone(),
            (None, Some(p), Some(z)) if p.starts_with("internal://") => {
                let file = format!("sources/{}", &p["internal://".len()..]);
                let mut s = String::new();
                z.by_name(&file)
                    .with_context(|| {
                        format!("{name}: source '{}' names {file}, which is not in the archive", source.name)
                    })?
                    .read_to_string(&mut s)?;
                s
            }
            _ => bail!("{name}: source '{}' has no text in the project (only internal sources are read)", source.name),
        };
        digests.insert(source.name.clone(), super::text_digest(&text));
        for sel in &source.selections {
            let mut themes: Vec<String> = Vec::new();
            let mut polarity = None;
            for g in &sel.codes {
                let Some(code) = project.codes.get(g) else { continue };
                if let Some(t) = theme_of(code) {
                    if !themes.contains(&t) {
                        themes.push(t);
                    }
                } else if let Some(p) = polarity_named(code).filter(|_| !code.trim().is_empty()) {
                    polarity = Some(p);
                } else if !agency(code) && !unknown.contains(code) {
                    unknown.push(code.clone());
                }
            }
            if themes.is_empty() && polarity.is_none() {
                continue;
            }
            themes.sort_by_key(|t| taxonomy.themes.iter().position(|e| &e.id == t));
            let start = super::byte_offset(&text, sel.start_code_points);
            let end = super::byte_offset(&text, sel.end_code_points).max(start);
            let opening = text[start..end].split_whitespace().take(12).collect::<Vec<_>>().join(" ");
            units.push(GoldUnit {
                row: units.len() + 1,
                path: source.name.clone(),
                opening,
                span: Some(letters_core::Span { start, end }),
                kind: None,
                themes,
                polarity,
            });
        }
    }
    unknown.sort();
    Ok(Coding { units, unknown, digests })
}
