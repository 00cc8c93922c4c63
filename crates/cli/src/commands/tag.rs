//! `letters tag`.

use anyhow::Result;
use letters_core::TaggerBuilder;

use super::{format_for, load_taxonomy, prepare};
use crate::args::{Format, TagArgs};
use crate::output::Sink;
use crate::render;

pub fn run(a: TagArgs) -> Result<u8> {
    let taxonomy = load_taxonomy(&a.run.taxonomy)?;
    for id in &a.themes {
        anyhow::ensure!(taxonomy.theme(id).is_some(), "unknown theme '{id}' (`letters themes` lists them)");
    }
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let p = prepare(&a.run.input)?;
    let mut sink = Sink::open(a.run.out.output.as_deref())?;
    let format = format_for(&a.run.out, &sink);
    let style = render::Style::new(sink.is_terminal() && matches!(format, Format::Table));
    let mut w = render::tag::TagWriter::start(format, style, &mut sink)?;
    let code = p.each_document(
        |_, doc| (render::tag::DocFields::of(&doc), tagger.tag_document(&doc)),
        |path, (fields, findings)| {
            let keep: Vec<&letters_core::Finding> = findings
                .iter()
                .filter(|f| a.themes.is_empty() || f.themes.iter().any(|t| a.themes.contains(t)))
                .collect();
            w.document(&mut sink, path, &fields, &keep)
        },
    )?;
    w.finish(&mut sink)?;
    sink.finish()?;
    Ok(code)
}
