//! `letters report`: one self-contained HTML page — a heatmap of themes × areas whose cells
//! open the findings behind them, a panel per area, flips and shared improvements.
//!
//! Built with `maud`, which escapes every interpolated string: letter text is untrusted and
//! always renders as text. The page has no script and loads nothing: cells are links to
//! in-page anchors and `:target` shows the evidence, so it works offline and from email.

use letters_core::compare::{Cell, CellEvidence, Comparison, ListedAs, ThemeRow};
use letters_core::{Date, Meta, Polarity};
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::compare::marker;

/// What the report shows of each document besides the comparison.
#[derive(Debug, Clone)]
pub struct DocInfo {
    pub path: String,
    pub kind: &'static str,
    pub meta: Meta,
    /// The headline findings (or, for documents without them, the opening) as paragraphs.
    pub headline: Vec<String>,
}

const TITLE: &str = "letters — themes by area";

/// Colour-blind-safe palette (Okabe–Ito): blue for strengths, orange for improvements,
/// reddish purple for both.
const STYLE: &str = r#"
:root { --strength: #0072B2; --improvement: #E69F00; --both: #CC79A7; --ink: #1b1b1b; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
p.lede, .muted { color: var(--muted); }
table.heat { border-collapse: separate; border-spacing: 3px; font-size: 13px; }
table.heat th { font-weight: 600; text-align: left; padding: 2px 6px; }
table.heat thead th { vertical-align: bottom; max-width: 9rem; }
table.heat td { padding: 0; }
a.cell { display: block; min-width: 4.5rem; height: 2.1rem; line-height: 2.1rem; text-align: center; color: var(--ink); text-decoration: none; border-radius: 4px; border: 1px solid #cfcfcf; background: #fafafa; }
a.cell:focus { outline: 3px solid #000; outline-offset: 1px; }
a.cell:hover { border-color: #000; }
a.cell.s { background: rgb(0 114 178 / var(--a)); } a.cell.i { background: rgb(230 159 0 / var(--a)); } a.cell.b { background: rgb(204 121 167 / var(--a)); }
a.cell.m { background: rgb(120 120 120 / var(--a)); }
a.cell .sym { font-weight: 700; }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; margin: .6rem 0; font-size: 13px; }
.legend span.sw { display: inline-block; width: 1.1rem; height: 1.1rem; vertical-align: middle; border-radius: 3px; margin-right: .3rem; border: 1px solid #999; }
.evidence { display: none; border: 2px solid #333; border-radius: 6px; padding: .5rem 1rem 1rem; margin: 1rem 0; background: #fff; }
.evidence:target { display: block; }
.evidence ol { padding-left: 1.2rem; } .evidence li { margin: .5rem 0; }
.evidence .where { font-size: 12px; color: var(--muted); }
mark { background: #fff3a3; padding: 0 .1em; }
.area { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1rem; margin: .75rem 0; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .3rem 0; font-size: 14px; }
dl.meta dt { color: var(--muted); }
ul.plain { padding-left: 1.2rem; }
"#;

/// Splits `text` into plain and highlighted pieces: every occurrence of a matched word.
fn highlight(text: &str, matched: &[String]) -> Vec<(bool, String)> {
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for m in matched.iter().filter(|m| !m.is_empty()) {
        let mut from = 0;
        while let Some(i) = text[from..].find(m.as_str()) {
            marks.push((from + i, from + i + m.len()));
            from += i + m.len();
        }
    }
    marks.sort_unstable();
    let mut out = Vec::new();
    let mut pos = 0;
    for (a, b) in marks {
        if a < pos {
            continue;
        }
        if a > pos {
            out.push((false, text[pos..a].to_string()));
        }
        out.push((true, text[a..b].to_string()));
        pos = b;
    }
    if pos < text.len() {
        out.push((false, text[pos..].to_string()));
    }
    out
}

fn cell_class(c: &Cell) -> &'static str {
    match c.listed_as() {
        ListedAs::Strength => "s",
        ListedAs::Improvement | ListedAs::Priority => "i",
        ListedAs::Both => "b",
        ListedAs::NotListed if c.mentions.total() > 0 => "m",
        ListedAs::NotListed => "",
    }
}

fn describe(theme: &str, area: &str, c: &Cell) -> String {
    let listed = match c.listed_as() {
        ListedAs::Strength => "listed as a strength",
        ListedAs::Improvement => "listed as an improvement",
        ListedAs::Priority => "listed as a priority action",
        ListedAs::Both => "listed both as a strength and as an improvement",
        ListedAs::NotListed => "not listed",
    };
    let m = &c.mentions;
    format!(
        "{theme} in {area}: {listed}; {} sentences judged strength, {} improvement, {} mixed, {} neutral",
        m.strength, m.improvement, m.mixed, m.neutral
    )
}

fn evidence_item(e: &CellEvidence) -> Markup {
    html! {
        li {
            @for (marked, piece) in highlight(&e.text, &e.matched) {
                @if marked { mark { (piece) } } @else { (piece) }
            }
            div.where { (e.section.as_str()) " · " (e.polarity.as_str()) " · " (e.path) " · bytes " (e.span.start) "–" (e.span.end) }
        }
    }
}

fn meta_list(d: &DocInfo) -> Markup {
    let m = &d.meta;
    let date = |x: Option<Date>| x.map(|d| d.to_string());
    html! {
        dl.meta {
            dt { "File" } dd { (d.path) " (" (d.kind) ")" }
            @if let Some(t) = &m.title { dt { "Title" } dd { (t) } }
            @if let Some(x) = date(m.date) { dt { "Letter date" } dd { (x) } }
            @if let (Some(a), Some(b)) = (date(m.inspection.start), date(m.inspection.end)) { dt { "Inspection" } dd { (a) " to " (b) } }
            @if let Some(t) = &m.topic { dt { "Topic" } dd { (t) } }
            @if !m.inspectorates.is_empty() {
                dt { "Inspectorates" }
                dd { (m.inspectorates.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")) }
            }
            @if let Some(x) = date(m.deadline) { dt { "Written statement due" } dd { (x) } }
            @if let Some(p) = &m.principal_authority { dt { "Principal authority" } dd { (p) } }
        }
    }
}

/// The whole page.
pub fn page(c: &Comparison, docs: &[DocInfo]) -> String {
    let rows: Vec<&ThemeRow> = c.themes.iter().filter(|r| r.cells.values().any(|x| !x.is_empty())).collect();
    let max_mentions = rows.iter().flat_map(|r| r.cells.values()).map(|x| x.mentions.total()).max().unwrap_or(1).max(1);
    let id = |t: usize, a: usize| format!("ev-{t}-{a}");
    let n_docs: usize = c.areas.iter().map(|g| g.documents.len()).sum();
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (TITLE) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                h1 { "Themes by area" }
                p.lede { (c.areas.len()) " groups, " (n_docs) " documents. Each cell is a theme in an area: choose it to read the findings behind it." }
                div.legend aria-label="Legend" {
                    span { span.sw style="background:#0072B2" {} "▲ listed as a strength" }
                    span { span.sw style="background:#E69F00" {} "▼ listed as an improvement (‼ priority action)" }
                    span { span.sw style="background:#CC79A7" {} "◆ listed both ways" }
                    span { span.sw style="background:#bdbdbd" {} "mentioned, not listed" }
                    span { "darker = more sentences about it; s/i = sentences judged strength / improvement" }
                }
                table.heat id="heatmap" {
                    thead { tr { th scope="col" { "Theme" } @for g in &c.areas { th scope="col" { (g.area) } } } }
                    tbody {
                        @for row in &rows {
                            @let t = c.themes.iter().position(|x| x.theme == row.theme).unwrap_or(0);
                            tr {
                                th scope="row" { (row.label) }
                                @for (a, g) in c.areas.iter().enumerate() {
                                    @let cell = row.cells.get(&g.area).cloned().unwrap_or_default();
                                    @let alpha = if cell.is_empty() { 0.0 } else { 0.25 + 0.75 * f64::from(cell.mentions.total().max(cell.listed.total())) / f64::from(max_mentions) };
                                    td {
                                        @if cell.is_empty() {
                                            a.cell href="#ev-none" aria-label=(format!("{} in {}: no findings", row.label, g.area))
                                                title=(format!("{} in {}: no findings", row.label, g.area)) { "·" }
                                        } @else {
                                            a class=(format!("cell {}", cell_class(&cell))) href=(format!("#{}", id(t, a)))
                                                style=(format!("--a:{:.2}", alpha.min(1.0)))
                                                aria-label=(describe(&row.label, &g.area, &cell)) title=(describe(&row.label, &g.area, &cell)) {
                                                span.sym { (marker(&cell)) } " " (cell.mentions.strength) "/" (cell.mentions.improvement)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                @for row in &rows {
                    @let t = c.themes.iter().position(|x| x.theme == row.theme).unwrap_or(0);
                    @for (a, g) in c.areas.iter().enumerate() {
                        @if let Some(cell) = row.cells.get(&g.area).filter(|x| !x.is_empty()) {
                            section.evidence id=(id(t, a)) aria-label=(describe(&row.label, &g.area, cell)) {
                                h3 { (row.label) " — " (g.area) }
                                p.muted { (describe(&row.label, &g.area, cell)) }
                                ol { @for e in &cell.evidence { (evidence_item(e)) } }
                                @if (cell.evidence.len() as u32) < cell.listed.total() + cell.mentions.total() {
                                    p.muted { "Showing " (cell.evidence.len()) " of " (cell.listed.total() + cell.mentions.total()) " findings; `letters tag --theme " (row.theme) "` lists them all." }
                                }
                                p { a href="#heatmap" { "Back to the heatmap" } }
                            }
                        }
                    }
                }
                section.evidence id="ev-none" {
                    h3 { "No findings" }
                    p { "No list item or sentence of these documents carries this theme." }
                    p { a href="#heatmap" { "Back to the heatmap" } }
                }
                h2 { "Flips: a strength in one area, an improvement in another" }
                @if c.flips.is_empty() { p.muted { "None." } }
                ul.plain { @for f in &c.flips { li { strong { (f.label) } ": strength in " (f.strength.join(", ")) "; improvement in " (f.improvement.join(", ")) } } }
                h2 { "Shared improvements (listed in two or more areas)" }
                @let shared: Vec<_> = c.shared.iter().filter(|s| s.polarity == Polarity::Improvement).collect();
                @if shared.is_empty() { p.muted { "None." } }
                ul.plain { @for s in &shared { li { strong { (s.label) } ": " (s.areas.join(", ")) } } }
                h2 { "Areas" }
                @for g in &c.areas {
                    div.area {
                        h3 { (g.area) }
                        @for d in docs.iter().filter(|d| g.documents.iter().any(|x| x.path == d.path)) {
                            (meta_list(d))
                            @if !d.headline.is_empty() {
                                details {
                                    summary { "Headline findings" }
                                    @for p in &d.headline { p { (p) } }
                                }
                            }
                        }
                    }
                }
                p.muted { "Made by letters. Counts are leads for a reader to check, not judgements." }
            }
        }
    };
    markup.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_marks_every_occurrence() {
        let got = highlight("MAPPA meetings and MAPPA", &["MAPPA".into()]);
        assert_eq!(
            got,
            [(true, "MAPPA".to_string()), (false, " meetings and ".to_string()), (true, "MAPPA".to_string())]
        );
    }
}
