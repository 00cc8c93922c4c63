//! `letters report`: one self-contained HTML page over a corpus — an overview (how common each
//! theme is as an improvement and a strength, with intervals, and how that moves year by
//! year), a matrix with areas as rows whose cells open the findings behind them, and a view of
//! each area (its documents, its profile against comparable ones, its findings). Filters by
//! kind, topic, years and region, and a search for areas.
//!
//! The page is built by `maud` (which escapes every interpolated string) around the data, as
//! JSON inside `<script type="application/json">` with `<`, `>` and `&` escaped so no letter
//! text can end that element; our one script draws from it with text nodes only. A
//! Content-Security-Policy meta tag allows only that script and that style sheet (by hash) and
//! loads nothing from anywhere.

mod data;

use base64::Engine;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};

pub use data::{Data, DocMeta};

const TITLE: &str = "letters — inspection findings by area";
const STYLE: &str = include_str!("style.css");
const SCRIPT: &str = include_str!("app.js");

/// The CSP source of an inline element's text: `'sha256-…'`.
fn hash_source(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}

/// The page's Content-Security-Policy: nothing from anywhere, but its own script and style.
pub fn content_security_policy() -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; base-uri 'none'; form-action 'none'",
        hash_source(SCRIPT),
        hash_source(STYLE)
    )
}

fn select(id: &str, label: &str, all: &str, values: &[String]) -> Markup {
    html! {
        label for=(id) { (label)
            select id=(id) {
                option value="" { (all) }
                @for v in values { option value=(v) { (v) } }
            }
        }
    }
}

fn header(data: &Data) -> Markup {
    let f = data.facets();
    let years = match (f.years.first(), f.years.last()) {
        (Some(a), Some(b)) if a != b => format!(", {a}–{b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    html! {
        header {
            h1 { "Inspection findings by area" }
            p.lede {
                (data.documents()) " inspection letters and reports about " (data.areas()) " areas" (years)
                ". A theme is listed by a document when one of its strengths, improvements or priority actions is about it; "
                "every count opens the findings behind it."
            }
            form #filters role="search" aria-label="Choose documents" {
                (select("f-kind", "Kind", "all kinds", &f.kinds))
                (select("f-topic", "Topic", "all topics", &f.topics))
                (select("f-from", "From", "any year", &f.years))
                (select("f-to", "To", "any year", &f.years))
                (select("f-region", "Region", "all regions", &f.regions))
                label for="f-q" { "Find an area"
                    input #f-q type="search" list="area-names" placeholder="name or ONS code" autocomplete="off";
                }
                datalist #area-names {}
                a href="#" { "Reset" }
            }
            p #status aria-live="polite" {}
            nav #tabs aria-label="Views" {
                a href="#view=overview" data-view="overview" { "Overview" }
                a href="#view=matrix" data-view="matrix" { "Areas × themes" }
                a href="#view=about" data-view="about" { "How to read this page" }
            }
        }
    }
}

fn key() -> Markup {
    html! {
        p.key {
            span { span.sw.improvement { "▼" } "listed as an improvement" }
            span { span.sw.priority { "‼" } "as a priority action" }
            span { span.sw.strength { "▲" } "as a strength" }
            span { span.sw.both { "◆" } "both ways" }
            span { "· not listed" }
        }
    }
}

fn about(data: &Data) -> Markup {
    html! {
        section #about hidden {
            h2 { "How to read this page" }
            p { "Each document is an inspection letter or report. Its lists — strengths, what needs to improve, areas for priority action — "
                "are split into findings, and each finding is tagged with the themes it is about by the words it uses. "
                "A theme is " em { "listed" } " as an improvement by a document when a finding of its improvements or priority actions is tagged with it, "
                "and as a strength when a finding of its strengths is." }
            p { strong { "Overview" } " — how common each theme is: in how many of the documents shown it is listed as an improvement and as a strength, "
                "with the 95% Wilson interval of that share (the whisker). Below, the same share year by year: a hollow dot is a year of fewer than five documents, "
                "whose share says little." }
            p { strong { "Areas × themes" } " — an area a row, a theme a column (sort by any of them, or by region or latest date). "
                "A cell says how the area's documents list the theme; open it for the findings behind it, with the words that tagged each marked." }
            p { strong { "An area" } " — its documents (type, topic, dates, judgements), its listed findings, and its profile against comparable documents: "
                "those of the same inspection type and topic (widening to the type, then to all, when fewer than five). A theme is distinctive only when "
                "Fisher's exact test, corrected for the number of themes that could differ (Benjamini–Hochberg), says it is more than chance; "
                "themes the area lists that few others do, and themes most others list that it does not, are described without a test." }
            p { "Filters choose documents by what they say about themselves; the address of the page keeps the view, so a link opens it again. "
                (data.others()) " other documents read (responses, briefings, plans) are not counted here. The same numbers, for programs: "
                code { "letters prevalence" } ", " code { "letters trend" } ", " code { "letters profile" } ", " code { "letters compare" } "." }
        }
    }
}

/// The whole page.
pub fn page(data: &Data) -> anyhow::Result<String> {
    let json = data.to_script_json()?;
    let markup = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy());
                title { (TITLE) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                (header(data))
                main {
                    noscript { p { "This page draws its charts and tables with its own script; without it, the same numbers come from "
                        code { "letters prevalence" } " and " code { "letters compare" } "." } }
                    section #overview {
                        h2 { "How common each finding is" }
                        table.bars #prevalence {
                            caption.muted { "Documents listing each theme, of those shown: count, share and 95% interval" }
                            thead { tr { th scope="col" { "Theme" } th scope="col" { "As an improvement" } th scope="col" { "As a strength" } } }
                            tbody #prevalence-body {}
                        }
                        h2 { "Year by year" }
                        p.muted { "Share of the year's documents listing each theme: as an improvement (solid, orange) and as a strength (dashed, blue); hollow dots are years of fewer than five documents." }
                        div.multiples #trends {}
                    }
                    section #matrix hidden {
                        h2 { "Areas × themes" }
                        p.muted #matrix-count {}
                        (key())
                        div.scroll { table.grid #grid {} }
                    }
                    (about(data))
                    section #area hidden {}
                    aside #evidence hidden aria-labelledby="evidence-title" {}
                }
                script #data type="application/json" { (PreEscaped(json)) }
                script { (PreEscaped(SCRIPT)) }
            }
        }
    };
    Ok(markup.into_string())
}
