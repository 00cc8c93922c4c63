//! `letters tag`.

use std::io::Write;

use anyhow::Result;
use letters_core::TaggerBuilder;

use super::{finish_workbook, load_taxonomy, open_output, prepare};
use crate::args::{Format, TagArgs};
use crate::render;
use crate::render::xlsx::Table;

pub fn run(a: TagArgs) -> Result<u8> {
    let taxonomy = load_taxonomy(&a.run.taxonomy)?;
    for id in &a.themes {
        anyhow::ensure!(taxonomy.theme(id).is_some(), "unknown theme '{id}' (`letters themes` lists them)");
    }
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let p = prepare(&a.run.input)?;
    let (mut sink, format, style) = open_output(&a.run.out)?;
    // A workbook is the CSV, gathered first.
    let workbook = format == Format::Xlsx;
    let mut csv = Vec::new();
    let out: &mut dyn Write = if workbook { &mut csv } else { &mut sink };
    let mut w = render::tag::TagWriter::start(if workbook { Format::Csv } else { format }, style, out)?;
    let code = p.each_document(
        |_, doc| (render::tag::DocFields::of(&doc), tagger.tag_document(&doc)),
        |path, (fields, findings)| {
            let keep: Vec<&letters_core::Finding> = findings
                .iter()
                .filter(|f| a.themes.is_empty() || f.themes.iter().any(|t| a.themes.contains(t)))
                .collect();
            w.document(out, path, &fields, &keep)
        },
    )?;
    w.finish(out)?;
    if workbook {
        return finish_workbook(sink, &[Table::from_csv("Findings", &csv)?]).map(|()| code);
    }
    sink.finish()?;
    Ok(code)
}
