//! `letters export`: the tool's coding as a REFI-QDA project for qualitative analysis software.

use anyhow::{Context, Result};
use letters_core::TaggerBuilder;

use super::{load_taxonomy, prepare};
use crate::args::ExportArgs;
use crate::output::Sink;
use crate::refi;

pub fn run(a: ExportArgs) -> Result<u8> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.taxonomy)?).build()?;
    let p = prepare(&a.input)?;
    let mut sources = Vec::new();
    let code = p.each_text(
        |path, text, doc| {
            let findings = tagger.tag_document(&doc);
            let text = text.into_owned();
            refi::write::Source { path: path.to_string(), text, kind: doc.kind.as_str(), meta: doc.meta, findings }
        },
        |_, source| {
            // An input named twice (a folder and a file in it) is one source.
            if !sources.iter().any(|s: &refi::write::Source| s.name() == source.name()) {
                sources.push(source);
            }
            Ok(())
        },
    )?;
    anyhow::ensure!(!sources.is_empty(), "nothing to export: no document was read and selected");
    let bytes = refi::write::qdpx(tagger.taxonomy(), &sources).context("cannot write the project")?;
    let mut sink = Sink::open(Some(&a.output))?;
    std::io::Write::write_all(&mut sink, &bytes)?;
    sink.finish()?;
    Ok(code)
}
