//! Reading a person's coding from a REFI-QDA project (`.qdpx`, or a bare `project.qde` whose
//! sources carry their text): each coded text selection becomes a unit to evaluate. Codes are
//! matched to theme ids by name (a theme's id or label, in any case and spacing) and to
//! polarities by name (`strength`, `improvement`, `mixed`, `neutral`); agencies are known and
//! left aside; other codes are reported and left out. Only a `TextSource`'s own text and
//! selections are read (not memos' or transcripts'); GUIDs compare without case or braces.

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
    /// Whether the root element is `<Project>`.
    is_project: bool,
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

/// A GUID as compared: lower case, without braces (the schema allows both forms).
fn guid_key(g: &str) -> String {
    g.trim().trim_start_matches('{').trim_end_matches('}').to_ascii_lowercase()
}

/// A code's name as compared: words in lower case, single spaces.
pub(crate) fn name_key(n: &str) -> String {
    n.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Whether the open elements end with `path` (innermost last).
fn under(stack: &[Vec<u8>], path: &[&[u8]]) -> bool {
    stack.len() >= path.len() && stack[stack.len() - path.len()..].iter().zip(path).all(|(a, b)| a.as_slice() == *b)
}

/// An element's start: its name joins the stack of open elements unless it is empty (`<x/>`).
fn start(p: &mut Project, stack: &[Vec<u8>], e: &BytesStart) -> Result<()> {
    let name = e.local_name();
    match name.as_ref() {
        b"Project" if stack.is_empty() => p.is_project = true,
        b"Code" if under(stack, &[b"Codes"]) || under(stack, &[b"Code"]) => {
            if let (Some(g), Some(n)) = (attr(e, "guid"), attr(e, "name")) {
                p.codes.insert(guid_key(&g), n);
            }
        }
        b"TextSource" if under(stack, &[b"Sources"]) => p.sources.push(SourceEntry {
            name: attr(e, "name").unwrap_or_default(),
            plain_text_path: attr(e, "plainTextPath"),
            ..SourceEntry::default()
        }),
        b"PlainTextSelection" if under(stack, &[b"TextSource"]) => {
            let source = p.sources.last_mut().map(|s| s.name.clone()).unwrap_or_default();
            let pos = |n: &str| attr(e, n).and_then(|v| v.trim().parse::<usize>().ok());
            let (Some(a), Some(b)) = (pos("startPosition"), pos("endPosition")) else {
                bail!("source '{source}': a selection without numeric start and end positions");
            };
            if a > b {
                bail!("source '{source}': a selection starts at {a}, after its end at {b}");
            }
            if let Some(s) = p.sources.last_mut() {
                s.selections.push(Selection { start_code_points: a, end_code_points: b, codes: Vec::new() });
            }
        }
        b"CodeRef" if under(stack, &[b"TextSource", b"PlainTextSelection", b"Coding"]) => {
            if let (Some(t), Some(sel)) =
                (attr(e, "targetGUID"), p.sources.last_mut().and_then(|s| s.selections.last_mut()))
            {
                sel.codes.push(guid_key(&t));
            }
        }
        _ => {}
    }
    Ok(())
}

fn parse(xml: &str) -> Result<Project> {
    let mut reader = Reader::from_str(xml);
    let mut p = Project::default();
    let mut stack: Vec<Vec<u8>> = Vec::new();
    loop {
        let event = reader
            .read_event()
            .with_context(|| format!("not well-formed XML near byte {}", reader.buffer_position()))?;
        // Text belongs to a source only directly inside its PlainTextContent (not a memo's).
        let in_content = under(&stack, &[b"TextSource", b"PlainTextContent"]);
        match event {
            Event::Start(e) => {
                start(&mut p, &stack, &e)?;
                stack.push(e.local_name().as_ref().to_vec());
            }
            Event::Empty(e) => start(&mut p, &stack, &e)?,
            Event::End(_) => {
                stack.pop();
            }
            Event::Text(t) if in_content => {
                p.push_content(&t.xml_content(XmlVersion::Implicit1_0)?);
            }
            Event::CData(t) if in_content => p.push_content(&t.decode()?),
            Event::GeneralRef(r) if in_content => {
                let name = r.decode()?;
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => resolve_predefined_entity(&name)
                        .with_context(|| format!("unknown entity &{name};"))?
                        .to_string(),
                };
                p.push_content(&c);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !p.is_project {
        bail!("not a REFI-QDA project (its root element is not <Project>)");
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
            let mut f = z.by_index(entry).with_context(|| format!("{name}: cannot open project.qde in the archive"))?;
            f.read_to_string(&mut s).with_context(|| format!("{name}: cannot read project.qde (not UTF-8?)"))?;
            s
        }
        None => String::from_utf8(bytes).with_context(|| format!("{name}: not UTF-8"))?,
    };
    let project = parse(&xml).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let named = |e: &letters_core::tag::Entry, code: &str| {
        name_key(&e.id) == name_key(code) || name_key(&e.label) == name_key(code)
    };
    let agency = |code: &str| taxonomy.agencies.iter().any(|a| named(a, code));
    let theme_of = |code: &str| taxonomy.themes.iter().find(|t| named(t, code)).map(|t| t.id.clone());
    let mut unknown: Vec<String> = Vec::new();
    let mut units = Vec::new();
    let mut digests = HashMap::new();
    for source in &project.sources {
        let text = match (&source.content, &source.plain_text_path, archive.as_mut()) {
            (Some(t), _, _) => t.clone(),
            (None, Some(p), Some(z)) if p.starts_with("internal://") => {
                let file = format!("sources/{}", &p["internal://".len()..]);
                let mut s = String::new();
                let mut f = z.by_name(&file).with_context(|| {
                    format!("{name}: source '{}' names {file}, which the archive does not hold readably", source.name)
                })?;
                f.read_to_string(&mut s)
                    .with_context(|| format!("{name}: cannot read {file} (source '{}'; not UTF-8?)", source.name))?;
                s
            }
            _ => bail!("{name}: source '{}' has no text in the project (only internal sources are read)", source.name),
        };
        // A byte-order mark is not part of the text positions count in.
        let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
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
                } else if let Some(p) = polarity_named(&name_key(code)).filter(|_| !code.trim().is_empty()) {
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
