//! `letters compare`: one read-tag-summarise batch into a comparison, rendered.

use anyhow::Result;
use letters_core::{CompareBuilder, GroupBy, TaggerBuilder};

use super::{finish_workbook, load_taxonomy, open_output, prepare};
use crate::args::{CompareArgs, Format, GroupByArg};
use crate::render;

fn group_by(g: GroupByArg) -> GroupBy {
    match g {
        GroupByArg::Area => GroupBy::Area,
        GroupByArg::Kind => GroupBy::Kind,
        GroupByArg::Year => GroupBy::Year,
        GroupByArg::File => GroupBy::File,
    }
}

/// Reads, tags and summarises every input (in parallel, added in input order) into a
/// comparison; returns it and the exit code for the inputs.
fn compare_inputs(a: &CompareArgs) -> Result<(letters_core::Comparison, u8)> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.run.taxonomy)?).build()?;
    let mut builder = CompareBuilder::new();
    // Each group's document list waits on disk, so memory stays flat however many documents.
    builder.group_by(self::group_by(a.group_by)).evidence_per_cell(a.evidence).documents_on_disk(true);
    // Workers summarise documents in parallel; the summaries are added in input order.
    let summariser = builder.build(tagger.taxonomy());
    let mut comparer = builder.build(tagger.taxonomy());
    let p = prepare(&a.run.input)?;
    let code = p.each_document(
        |path, doc| summariser.summarise(path, &doc, &tagger),
        |_, summary| {
            comparer.add_summary(summary);
            Ok(())
        },
    )?;
    Ok((comparer.finish(), code))
}

pub fn run(a: CompareArgs) -> Result<u8> {
    let (comparison, code) = compare_inputs(&a)?;
    let (mut sink, format, style) = open_output(&a.run.out)?;
    if format == Format::Xlsx {
        finish_workbook(sink, &render::compare::tables(&comparison)?)?;
        return Ok(code);
    }
    render::compare::write(&mut sink, &comparison, format, style)?;
    sink.finish()?;
    Ok(code)
}
