//! `letters compare` and `letters report`: one read-tag-summarise batch, two renderings.

use std::io::Write;

use anyhow::Result;
use letters_core::{CompareBuilder, Document, GroupBy, TaggerBuilder};

use super::{format_for, load_taxonomy, prepare};
use crate::args::{CompareArgs, Format, GroupByArg, InputArgs, ReportArgs, TaxonomyArgs};
use crate::output::Sink;
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
/// comparison; `extra` keeps what else a command needs of each document. Returns the
/// comparison, the extras in input order and the exit code for the inputs.
pub fn compare_inputs<T: Send>(
    input: &InputArgs,
    taxonomy: &TaxonomyArgs,
    group_by: GroupByArg,
    evidence: usize,
    extra: impl Fn(&str, Document) -> T + Sync,
) -> Result<(letters_core::Comparison, Vec<T>, u8)> {
    let taxonomy = load_taxonomy(taxonomy)?;
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let mut builder = CompareBuilder::new();
    builder.group_by(self::group_by(group_by)).evidence_per_cell(evidence);
    // Workers summarise documents in parallel; the summaries are added in input order.
    let summariser = builder.build(tagger.taxonomy());
    let mut comparer = builder.build(tagger.taxonomy());
    let mut extras = Vec::new();
    let p = prepare(input)?;
    let code = p.each_document(
        |path, doc| (summariser.summarise(path, &doc, &tagger), extra(path, doc)),
        |_, (summary, x)| {
            comparer.add_summary(summary);
            extras.push(x);
            Ok(())
        },
    )?;
    Ok((comparer.finish(), extras, code))
}

pub fn run(a: CompareArgs) -> Result<u8> {
    let (comparison, _, code) = compare_inputs(&a.run.input, &a.run.taxonomy, a.group_by, a.evidence, |_, _| ())?;
    let mut sink = Sink::open(a.run.out.output.as_deref())?;
    let format = format_for(&a.run.out, &sink);
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    render::compare::write(&mut sink, &comparison, format, style)?;
    sink.finish()?;
    Ok(code)
}

pub fn report(a: ReportArgs) -> Result<u8> {
    let (comparison, docs, code) = compare_inputs(&a.input, &a.taxonomy, a.group_by, a.evidence, |path, doc| {
        let headline = doc
            .section(letters_core::SectionKind::HeadlineFindings)
            .or_else(|| doc.section(letters_core::SectionKind::Introduction))
            .map(|s| s.blocks.iter().take(6).map(|b| b.text.clone()).collect())
            .unwrap_or_default();
        render::report::DocInfo { path: path.to_string(), kind: doc.kind.as_str(), meta: doc.meta, headline }
    })?;
    let mut sink = Sink::open(a.output.as_deref())?;
    sink.write_all(render::report::page(&comparison, &docs).as_bytes())?;
    sink.finish()?;
    Ok(code)
}
