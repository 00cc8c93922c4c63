//! `letters report`: the corpus read, tagged and recorded once, with what each document says
//! about itself, then the page.

use std::io::Write;

use anyhow::Result;
use letters_core::TaggerBuilder;
use letters_core::analysis::Corpus;

use super::{load_taxonomy, prepare};
use crate::args::ReportArgs;
use crate::output::Sink;
use crate::render::report::{Data, DocMeta, page};

pub fn run(a: ReportArgs) -> Result<u8> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.taxonomy)?).build()?;
    let recorder = Corpus::new(tagger.taxonomy());
    let mut corpus = Corpus::new(tagger.taxonomy());
    let mut metas = Vec::new();
    let p = prepare(&a.input)?;
    let code = p.each_document(
        |path, doc| (recorder.record(path, &doc, &tagger, false), DocMeta::of(&doc.meta)),
        |_, (record, meta)| {
            corpus.add(record);
            metas.push(meta);
            Ok(())
        },
    )?;
    let mut sink = Sink::open(a.output.as_deref())?;
    sink.write_all(page(&Data::new(&corpus, &metas))?.as_bytes())?;
    sink.finish()?;
    Ok(code)
}
