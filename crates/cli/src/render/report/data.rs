//! What the page's script draws from: the themes, each inspection document (what it says
//! about itself, how it lists each theme, its listed findings with the words that tagged
//! them) and each area's profile. Offsets inside texts are UTF-16 code units, as the
//! browser's strings count them (converted here, at the edge).

use letters_core::analysis::{Against, Corpus, DocRecord, Profile, Standing};
use letters_core::{Meta, SectionKind};
use serde::Serialize;

/// What the page knows of a document besides its record: read from its metadata.
#[derive(Debug, Clone)]
pub struct DocMeta {
    pub title: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub judgements: Vec<(String, &'static str)>,
}

impl DocMeta {
    pub fn of(m: &Meta) -> DocMeta {
        DocMeta {
            title: m.title.clone(),
            start: m.inspection.start.map(|d| d.to_string()),
            end: m.inspection.end.map(|d| d.to_string()),
            judgements: m.judgements.iter().map(|j| (j.area.clone(), j.grade.as_str())).collect(),
        }
    }
}

#[derive(Serialize)]
pub struct Data {
    themes: Vec<Theme>,
    docs: Vec<Doc>,
    profiles: Vec<AreaProfile>,
    /// Documents read that are not an inspection's own (responses, briefings, plans).
    others: usize,
}

#[derive(Serialize)]
struct Theme {
    id: String,
    label: String,
}

/// Bits of a theme's listing in a document.
const IMPROVEMENT: u8 = 1;
const STRENGTH: u8 = 2;
const PRIORITY: u8 = 4;

#[derive(Serialize)]
struct Doc {
    path: String,
    /// The area's name, "" when none was found.
    area: String,
    /// Its authorities' ONS codes, `;` between several; "" when none.
    code: String,
    region: String,
    kind: &'static str,
    /// The inspection type, else the kind.
    r#type: &'static str,
    topic: String,
    date: String,
    title: String,
    start: String,
    end: String,
    judgements: Vec<(String, &'static str)>,
    /// (theme index, bits: 1 improvement, 2 strength, 4 priority action).
    listed: Vec<(u32, u8)>,
    items: Vec<Item>,
}

#[derive(Serialize)]
struct Item {
    /// "s" strengths, "i" improvements, "p" priority actions.
    list: &'static str,
    text: String,
    /// (theme index, start, end): the words that tagged it, in UTF-16 code units of `text`.
    marks_utf16: Vec<(u32, usize, usize)>,
    themes: Vec<u32>,
}

#[derive(Serialize)]
struct AreaProfile {
    code: String,
    compared_with: String,
    compared: u32,
    themes: Vec<ProfileTheme>,
    keyness: Vec<(String, f64, u32, u32)>,
}

#[derive(Serialize)]
struct ProfileTheme {
    theme: u32,
    side: &'static str,
    standing: &'static str,
    direction: &'static str,
    here: (u32, u32),
    others: (u32, u32),
    p: f64,
    q: f64,
    evidence: Option<String>,
}

/// Longest finding quoted in a profile.
const QUOTE: usize = 320;

fn utf16(text: &str, byte: usize) -> usize {
    text[..byte].encode_utf16().count()
}

fn list_code(s: SectionKind) -> &'static str {
    match s {
        SectionKind::Strengths => "s",
        SectionKind::PriorityActions => "p",
        _ => "i",
    }
}

fn doc(r: &DocRecord, m: &DocMeta) -> Doc {
    let listed = r
        .listed
        .iter()
        .map(|(t, l)| {
            let bits = (if l.improvement > 0 { IMPROVEMENT } else { 0 })
                | (if l.strength > 0 { STRENGTH } else { 0 })
                | (if l.priority > 0 { PRIORITY } else { 0 });
            (*t, bits)
        })
        .collect();
    let items = r
        .items
        .iter()
        .map(|i| Item {
            list: list_code(i.section),
            marks_utf16: i.marks.iter().map(|k| (k.theme, utf16(&i.text, k.start), utf16(&i.text, k.end))).collect(),
            text: i.text.clone(),
            themes: i.themes.clone(),
        })
        .collect();
    Doc {
        path: r.path.clone(),
        area: r.area.clone().unwrap_or_default(),
        code: r.area_code().unwrap_or_default(),
        region: r.region().unwrap_or_default(),
        kind: r.kind.as_str(),
        r#type: r.inspection_type.map_or(r.kind.as_str(), |t| t.as_str()),
        topic: r.topic_code.map_or("", |c| c.as_str()).to_string(),
        date: r.date.map(|d| d.to_string()).unwrap_or_default(),
        title: m.title.clone().unwrap_or_default(),
        start: m.start.clone().unwrap_or_default(),
        end: m.end.clone().unwrap_or_default(),
        judgements: m.judgements.clone(),
        listed,
        items,
    }
}

fn cut(s: &str) -> String {
    if s.chars().count() <= QUOTE {
        return s.to_string();
    }
    let mut out: String = s.chars().take(QUOTE - 1).collect();
    out.push('…');
    out
}

fn profile(p: &Profile, corpus: &Corpus) -> AreaProfile {
    let index = |id: &str| corpus.themes().iter().position(|(t, _)| t == id).unwrap_or(0) as u32;
    let themes = p
        .themes
        .iter()
        .filter(|t| t.standing != Standing::Typical)
        .map(|t| ProfileTheme {
            theme: index(&t.theme),
            side: t.side.as_str(),
            standing: t.standing.as_str(),
            direction: match t.direction {
                letters_core::analysis::Direction::More => "more",
                letters_core::analysis::Direction::Less => "less",
                letters_core::analysis::Direction::Same => "same",
            },
            here: (t.area_listed, t.area_documents),
            others: (t.others_listed, t.others_documents),
            p: t.p_value,
            q: t.q_value,
            evidence: t.evidence.first().map(|e| cut(&e.text)),
        })
        .collect();
    AreaProfile {
        code: p.code.clone(),
        compared_with: p.compared_with.clone(),
        compared: p.compared,
        themes,
        keyness: p.keyness.iter().take(10).map(|k| (k.term.clone(), k.g2, k.area_count, k.others_count)).collect(),
    }
}

impl Data {
    /// The page's data: `metas[i]` belongs to the corpus's `i`th document.
    pub fn new(corpus: &Corpus, metas: &[DocMeta]) -> Data {
        let themes = corpus.themes().iter().map(|(id, label)| Theme { id: id.clone(), label: label.clone() }).collect();
        let mut docs = Vec::new();
        let mut codes: Vec<String> = Vec::new();
        let mut others = 0;
        for (r, m) in corpus.documents().zip(metas) {
            if !r.kind.is_inspection() {
                others += 1;
                continue;
            }
            if let [a] = r.authorities.as_slice() {
                if !codes.contains(&a.code) {
                    codes.push(a.code.clone());
                }
            }
            docs.push(doc(r, m));
        }
        codes.sort();
        let profiles =
            codes.iter().filter_map(|c| corpus.profile(c, Against::Comparable)).map(|p| profile(&p, corpus)).collect();
        Data { themes, docs, profiles, others }
    }

    /// The data as JSON that can sit inside a `<script>` element: `<`, `>` and `&` written as
    /// JSON escapes, so no text (`</script>`, `<!--`) can end or change the element.
    pub fn to_script_json(&self) -> serde_json::Result<String> {
        let json = serde_json::to_string(self)?;
        Ok(json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026"))
    }

    /// How many areas (groups of documents by their authorities) the page has rows for.
    pub fn areas(&self) -> usize {
        let mut codes: Vec<&str> = self.docs.iter().map(|d| d.code.as_str()).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.len()
    }

    /// How many documents read are not an inspection's own.
    pub fn others(&self) -> usize {
        self.others
    }

    /// How many inspection documents it holds.
    pub fn documents(&self) -> usize {
        self.docs.len()
    }

    /// The kinds, topics, years and regions of its documents, for the filters: each sorted,
    /// each once.
    pub fn facets(&self) -> Facets {
        let mut f = Facets::default();
        for d in &self.docs {
            f.kinds.push(d.r#type.to_string());
            if !d.topic.is_empty() {
                f.topics.push(d.topic.clone());
            }
            if d.date.len() >= 4 {
                f.years.push(d.date[..4].to_string());
            }
            for r in d.region.split(';').filter(|r| !r.is_empty()) {
                f.regions.push(r.to_string());
            }
        }
        for v in [&mut f.kinds, &mut f.topics, &mut f.years, &mut f.regions] {
            v.sort();
            v.dedup();
        }
        f
    }
}

/// The values the filters offer.
#[derive(Debug, Default)]
pub struct Facets {
    pub kinds: Vec<String>,
    pub topics: Vec<String>,
    pub years: Vec<String>,
    pub regions: Vec<String>,
}
