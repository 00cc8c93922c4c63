//! A comparison as workbook sheets: the tidy cells (what `--format csv` writes), a matrix with
//! an area per row and a theme per column saying how each is listed, and the findings behind
//! every cell.

use letters_core::compare::{Comparison, ListedAs};

use super::{Style, write};
use crate::args::Format;
use crate::render::xlsx::Table;

/// What a matrix cell says.
fn listing(l: ListedAs) -> &'static str {
    match l {
        ListedAs::NotListed => "",
        ListedAs::Strength => "strength",
        ListedAs::Improvement => "improvement",
        ListedAs::Priority => "priority",
        ListedAs::Both => "both",
    }
}

fn matrix(c: &Comparison) -> Table {
    let mut header: Vec<String> = ["area", "area_code", "region", "documents"].map(String::from).to_vec();
    header.extend(c.themes.iter().map(|t| t.label.clone()));
    let rows = c
        .areas
        .iter()
        .map(|g| {
            let mut row = vec![
                g.area.clone(),
                g.code.clone().unwrap_or_default(),
                g.region.clone().unwrap_or_default(),
                g.documents.len().to_string(),
            ];
            row.extend(
                c.themes.iter().map(|t| t.cells.get(&g.area).map(|x| listing(x.listed_as())).unwrap_or("").to_string()),
            );
            row
        })
        .collect();
    Table { name: "Matrix".into(), header, rows }
}

fn evidence(c: &Comparison) -> Table {
    let header = [
        "area",
        "area_code",
        "theme",
        "label",
        "listed_as",
        "path",
        "section",
        "unit",
        "polarity",
        "start",
        "end",
        "text",
    ]
    .map(String::from)
    .to_vec();
    let mut rows = Vec::new();
    for g in &c.areas {
        for t in &c.themes {
            let Some(cell) = t.cells.get(&g.area) else { continue };
            for e in &cell.evidence {
                rows.push(vec![
                    g.area.clone(),
                    g.code.clone().unwrap_or_default(),
                    t.theme.clone(),
                    t.label.clone(),
                    listing(cell.listed_as()).to_string(),
                    e.path.clone(),
                    e.section.as_str().to_string(),
                    e.unit.as_str().to_string(),
                    e.polarity.as_str().to_string(),
                    e.span.start.to_string(),
                    e.span.end.to_string(),
                    e.text.clone(),
                ]);
            }
        }
    }
    Table { name: "Evidence".into(), header, rows }
}

/// The sheets of a comparison's workbook: Matrix, Cells and Evidence.
pub fn tables(c: &Comparison) -> anyhow::Result<Vec<Table>> {
    let cells = Table::rendered("Cells", |w| write(w, c, Format::Csv, Style::new(false)))?;
    Ok(vec![matrix(c), cells, evidence(c)])
}
