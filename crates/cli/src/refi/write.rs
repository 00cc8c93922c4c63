//! Writing a REFI-QDA project and codebook: the taxonomy as codes (themes, agencies,
//! polarity), each document as a text source with one selection per finding, coded with its
//! themes, agencies and polarity, and what each document says about itself as variables.

use std::io::{Cursor, Write};

use letters_core::{Finding, Meta, Taxonomy};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use zip::write::SimpleFileOptions;

use super::{CODEBOOK_NS, PROJECT_NS, code_points, guid, xml_safe};

type Xml = Writer<Vec<u8>>;
type Io = std::io::Result<()>;

/// The project's one user: the tool.
const USER: &str = "user:letters";

/// Colour-blind-safe colours (Okabe–Ito and tints), given to themes in turn.
const PALETTE: [&str; 8] = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999"];

/// The polarity codes: name and colour.
const POLARITY: [(&str, &str); 4] =
    [("strength", "#0072B2"), ("improvement", "#E69F00"), ("mixed", "#CC79A7"), ("neutral", "#BBBBBB")];

/// The variables each document gets: name and type.
const VARIABLES: [(&str, &str); 9] = [
    ("Local authority", "Text"),
    ("ONS code", "Text"),
    ("Region", "Text"),
    ("Kind", "Text"),
    ("Inspection type", "Text"),
    ("Topic", "Text"),
    ("Date", "Date"),
    ("Inspection start", "Date"),
    ("Inspection end", "Date"),
];

/// The GUID of a theme's, an agency's or a polarity's code.
pub fn code_guid(kind: &str, id: &str) -> String {
    guid(&format!("code:{kind}:{id}"))
}

/// One document of the project.
pub struct Source {
    /// Its path, as given.
    pub path: String,
    /// Its text as read (the spans of its findings are byte ranges of it).
    pub text: String,
    /// Its kind and what it says about itself.
    pub kind: &'static str,
    pub meta: Meta,
    /// Its findings.
    pub findings: Vec<Finding>,
}

impl Source {
    /// Its GUID: from its path and text.
    fn guid(&self) -> String {
        let digest = super::guid(&self.text);
        guid(&format!("source:{}:{digest}", self.path))
    }

    /// Its text as exported: without a byte-order mark.
    pub fn body(&self) -> &str {
        self.text.strip_prefix('\u{feff}').unwrap_or(&self.text)
    }

    /// Its name in the project: its path as given (unique among the inputs, and what
    /// `letters eval` matches a project's sources by).
    pub fn name(&self) -> &str {
        self.path.strip_prefix("./").unwrap_or(&self.path)
    }

    /// The values of [`VARIABLES`], in order, as text (empty when unknown).
    fn values(&self) -> [String; 9] {
        let m = &self.meta;
        let joined = |f: &dyn Fn(&letters_core::meta::Authority) -> String| {
            m.authorities.iter().map(f).collect::<Vec<_>>().join("; ")
        };
        let date = |d: Option<letters_core::Date>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut regions: Vec<String> = m.authorities.iter().map(|a| a.region.clone()).collect();
        regions.dedup();
        [
            joined(&|a| a.name.clone()),
            joined(&|a| a.code.clone()),
            regions.join("; "),
            self.kind.to_string(),
            m.inspection_type.map(|t| t.as_str().to_string()).unwrap_or_default(),
            m.topic_code.map_or("", |c| c.as_str()).to_string(),
            date(m.date),
            date(m.inspection.start),
            date(m.inspection.end),
        ]
    }
}

fn text(w: &mut Xml, name: &str, body: &str) -> Io {
    w.create_element(name).write_text_content(BytesText::new(&xml_safe(body)))?;
    Ok(())
}

/// The codebook's codes: themes, agencies and polarity, each under a parent that is not
/// itself a code to apply.
fn codes(w: &mut Xml, taxonomy: &Taxonomy) -> Io {
    let parent = |w: &mut Xml, key: &str, name: &str, description: &str, children: &dyn Fn(&mut Xml) -> Io| -> Io {
        w.create_element("Code")
            .with_attributes([("guid", guid(key).as_str()), ("name", name), ("isCodable", "false")])
            .write_inner_content(|w| {
                text(w, "Description", description)?;
                children(w)
            })?;
        Ok(())
    };
    let code = |w: &mut Xml, kind: &str, id: &str, name: &str, color: &str, description: &str| -> Io {
        w.create_element("Code")
            .with_attributes([
                ("guid", code_guid(kind, id).as_str()),
                ("name", &xml_safe(name)),
                ("isCodable", "true"),
                ("color", color),
            ])
            .write_inner_content(|w| text(w, "Description", &format!("{description} [letters id: {id}]")))?;
        Ok(())
    };
    w.create_element("Codes").write_inner_content(|w| {
        parent(w, "code:themes", "Themes", "What a finding is about (the letters taxonomy).", &|w| {
            for (i, t) in taxonomy.themes.iter().enumerate() {
                code(w, "theme", &t.id, &t.label, PALETTE[i % PALETTE.len()], &t.description)?;
            }
            Ok(())
        })?;
        parent(w, "code:agencies", "Agencies", "Which agencies a finding names.", &|w| {
            for a in &taxonomy.agencies {
                code(w, "agency", &a.id, &a.label, "#777777", &a.description)?;
            }
            Ok(())
        })?;
        parent(
            w,
            "code:polarity",
            "Polarity",
            "Whether a finding is a strength, an improvement, both or neither.",
            &|w| {
                for (name, color) in POLARITY {
                    code(w, "polarity", name, name, color, &format!("The finding reads as {name}."))?;
                }
                Ok(())
            },
        )
    })?;
    Ok(())
}

fn variables(w: &mut Xml) -> Io {
    w.create_element("Variables").write_inner_content(|w| {
        for (name, kind) in VARIABLES {
            w.create_element("Variable")
                .with_attributes([
                    ("guid", guid(&format!("variable:{name}")).as_str()),
                    ("name", name),
                    ("typeOfVariable", kind),
                ])
                .write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

fn variable_values(w: &mut Xml, values: &[String; 9]) -> Io {
    for ((name, kind), value) in VARIABLES.iter().zip(values) {
        if value.is_empty() {
            continue;
        }
        w.create_element("VariableValue").write_inner_content(|w| {
            w.create_element("VariableRef")
                .with_attribute(("targetGUID", guid(&format!("variable:{name}")).as_str()))
                .write_empty()?;
            text(w, if *kind == "Date" { "DateValue" } else { "TextValue" }, value)
        })?;
    }
    Ok(())
}

/// One case per local authority (or partnership of several): its documents and its name, code
/// and region.
fn cases(w: &mut Xml, sources: &[Source]) -> Io {
    let mut groups: Vec<(String, Vec<&Source>)> = Vec::new();
    for s in sources {
        let key = s.values()[1].clone();
        if key.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(s),
            None => groups.push((key, vec![s])),
        }
    }
    if groups.is_empty() {
        return Ok(());
    }
    w.create_element("Cases").write_inner_content(|w| {
        for (key, docs) in &groups {
            let v = docs[0].values();
            let mut area = v.clone();
            for x in area.iter_mut().skip(3) {
                x.clear();
            }
            w.create_element("Case")
                .with_attributes([("guid", guid(&format!("case:{key}")).as_str()), ("name", &xml_safe(&v[0]))])
                .write_inner_content(|w| {
                    variable_values(w, &area)?;
                    for d in docs {
                        w.create_element("SourceRef")
                            .with_attribute(("targetGUID", d.guid().as_str()))
                            .write_empty()?;
                    }
                    Ok(())
                })?;
        }
        Ok(())
    })?;
    Ok(())
}

/// A finding's codes: its themes, agencies and polarity.
fn finding_codes(f: &Finding) -> Vec<String> {
    let mut out: Vec<String> = f.themes.iter().map(|t| code_guid("theme", t)).collect();
    out.extend(f.agencies.iter().map(|a| code_guid("agency", a)));
    out.push(code_guid("polarity", f.polarity.as_str()));
    out
}

/// The name of a selection: its first words.
fn selection_name(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().take(8).collect();
    words.join(" ")
}

fn source(w: &mut Xml, s: &Source) -> Io {
    let id = s.guid();
    let user = guid(USER);
    w.create_element("TextSource")
        .with_attributes([
            ("guid", id.as_str()),
            ("name", &xml_safe(s.name())),
            ("plainTextPath", format!("internal://{id}.txt").as_str()),
        ])
        .write_inner_content(|w| {
            if let Some(t) = &s.meta.title {
                text(w, "Description", t)?;
            }
            // Positions count from after a byte-order mark, which the exported text leaves out.
            let bom = usize::from(s.text.starts_with('\u{feff}'));
            for (k, f) in s.findings.iter().enumerate() {
                let at = |byte: usize| code_points(&s.text, byte).saturating_sub(bom);
                let (a, b) = (at(f.span.start), at(f.span.end));
                let sel = guid(&format!("selection:{id}:{k}:{}:{}", f.span.start, f.span.end));
                w.create_element("PlainTextSelection")
                    .with_attributes([
                        ("guid", sel.as_str()),
                        ("name", &xml_safe(&selection_name(&f.text))),
                        ("startPosition", a.to_string().as_str()),
                        ("endPosition", b.to_string().as_str()),
                        ("creatingUser", user.as_str()),
                    ])
                    .write_inner_content(|w| {
                        text(w, "Description", &format!("{} · {}", f.section.as_str(), f.unit.as_str()))?;
                        for code in finding_codes(f) {
                            w.create_element("Coding")
                                .with_attributes([
                                    ("guid", guid(&format!("coding:{sel}:{code}")).as_str()),
                                    ("creatingUser", user.as_str()),
                                ])
                                .write_inner_content(|w| {
                                    w.create_element("CodeRef")
                                        .with_attribute(("targetGUID", code.as_str()))
                                        .write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
            }
            variable_values(w, &s.values())
        })?;
    Ok(())
}

fn declaration(w: &mut Xml) -> Io {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))
}

/// The project file (`project.qde`) for `sources`.
pub fn project_xml(taxonomy: &Taxonomy, sources: &[Source]) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    declaration(&mut w)?;
    let version = format!("letters {}", env!("CARGO_PKG_VERSION"));
    w.create_element("Project")
        .with_attributes([
            ("xmlns", PROJECT_NS),
            ("name", "letters export"),
            ("origin", version.as_str()),
            ("creatingUserGUID", guid(USER).as_str()),
        ])
        .write_inner_content(|w| {
            w.create_element("Users").write_inner_content(|w| {
                w.create_element("User")
                    .with_attributes([("guid", guid(USER).as_str()), ("name", "letters")])
                    .write_empty()?;
                Ok(())
            })?;
            w.create_element("CodeBook").write_inner_content(|w| codes(w, taxonomy))?;
            variables(w)?;
            cases(w, sources)?;
            w.create_element("Sources").write_inner_content(|w| {
                for s in sources {
                    source(w, s)?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    Ok(w.into_inner())
}

/// The codebook alone (`.qdc`).
pub fn codebook_xml(taxonomy: &Taxonomy) -> std::io::Result<Vec<u8>> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    declaration(&mut w)?;
    let version = format!("letters {}", env!("CARGO_PKG_VERSION"));
    w.create_element("CodeBook")
        .with_attributes([("xmlns", CODEBOOK_NS), ("origin", version.as_str())])
        .write_inner_content(|w| codes(w, taxonomy))?;
    Ok(w.into_inner())
}

/// The project as a `.qdpx` archive: `project.qde` and each source's text under `sources/`.
/// Entries carry a fixed date, so the same input gives the same bytes.
pub fn qdpx(taxonomy: &Taxonomy, sources: &[Source]) -> anyhow::Result<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default());
    zip.start_file("project.qde", options)?;
    zip.write_all(&project_xml(taxonomy, sources)?)?;
    for s in sources {
        zip.start_file(format!("sources/{}.txt", s.guid()), options)?;
        zip.write_all(xml_safe(s.body()).as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
