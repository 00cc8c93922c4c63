//! `letters prevalence`, `trend`, `profile` and `cooccurrence`: one read-tag-record batch into
//! a corpus, then the analysis asked for.

use std::io::Write;

use anyhow::Result;
use letters_core::analysis::{Against, Corpus, Facet, Side, TrendBy};
use letters_core::meta::find_authority;
use letters_core::{Document, TaggerBuilder};

use super::{finish_workbook, load_taxonomy, open_output, prepare};
use crate::args::{
    AgainstArg, CooccurrenceArgs, CorpusArgs, FacetArg, Format, OutputArgs, PrevalenceArgs, ProfileArgs, SideArg,
    TrendArgs, TrendByArg,
};
use crate::render::xlsx::Table;
use crate::render::{self, analysis as view};

/// Reads, tags and records every input (in parallel, added in input order); `keep` says whose
/// findings' text to keep (the evidence of keyness). Returns the corpus and the exit code.
fn read_corpus(run: &CorpusArgs, keep: impl Fn(&Document) -> bool + Sync) -> Result<(Corpus, u8)> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&run.taxonomy)?).build()?;
    let recorder = Corpus::new(tagger.taxonomy());
    let mut corpus = Corpus::new(tagger.taxonomy());
    let p = prepare(&run.input)?;
    let code = p.each_document(
        |path, doc| recorder.record(path, &doc, &tagger, keep(&doc)),
        |_, record| {
            corpus.add(record);
            Ok(())
        },
    )?;
    Ok((corpus, code))
}

fn side(s: SideArg) -> Side {
    match s {
        SideArg::Improvement => Side::Improvement,
        SideArg::Strength => Side::Strength,
        SideArg::Priority => Side::Priority,
    }
}

/// Opens the output and renders with `write`; a workbook holds a sheet per name in `sheets`,
/// each what `write` renders as CSV when given the sheet's number.
fn output(
    out: &OutputArgs,
    sheets: &[&str],
    write: impl Fn(&mut dyn Write, Format, render::Style, usize) -> Result<()>,
) -> Result<()> {
    let (mut sink, format, style) = open_output(out)?;
    if format == Format::Xlsx {
        let tables = sheets
            .iter()
            .enumerate()
            .map(|(i, name)| Table::rendered(name, |w| write(w, Format::Csv, style, i)))
            .collect::<Result<Vec<_>>>()?;
        return finish_workbook(sink, &tables);
    }
    write(&mut sink, format, style, 0)?;
    sink.finish()
}

pub fn prevalence(a: PrevalenceArgs) -> Result<u8> {
    let (corpus, code) = read_corpus(&a.run, |_| false)?;
    let by = match a.by {
        FacetArg::None => Facet::None,
        FacetArg::Year => Facet::Year,
        FacetArg::Kind => Facet::Kind,
        FacetArg::Topic => Facet::Topic,
        FacetArg::Region => Facet::Region,
    };
    let rows = corpus.prevalence(by);
    output(&a.run.out, &["Prevalence"], |w, format, style, _| view::write_prevalence(w, &rows, format, style))?;
    Ok(code)
}

pub fn trend(a: TrendArgs) -> Result<u8> {
    let (corpus, code) = read_corpus(&a.run, |_| false)?;
    let by = match a.by {
        TrendByArg::Year => TrendBy::Year,
        TrendByArg::Round => TrendBy::Round,
    };
    let rows = corpus.trend(by);
    output(&a.run.out, &["Trend"], |w, format, style, _| view::write_trend(w, &rows, side(a.side), format, style))?;
    Ok(code)
}

pub fn profile(a: ProfileArgs) -> Result<u8> {
    let authority = find_authority(&a.area, None)
        .ok_or_else(|| anyhow::anyhow!("no local authority is called '{}' (give a name or an ONS code)", a.area))?;
    let of_area = |d: &Document| d.meta.authorities.iter().any(|x| x.code == authority.code);
    let (corpus, code) = read_corpus(&a.run, of_area)?;
    let against = match a.against {
        AgainstArg::Comparable => Against::Comparable,
        AgainstArg::All => Against::All,
    };
    let profile = corpus.profile(&authority.code, against).ok_or_else(|| {
        anyhow::anyhow!(
            "no inspection letter or report among the inputs is about {} ({})",
            authority.name,
            authority.code
        )
    })?;
    output(&a.run.out, &["Themes", "Keyness"], |w, format, style, sheet| {
        view::write_profile(w, &profile, a.keyness || sheet == 1, format, style)
    })?;
    Ok(code)
}

pub fn cooccurrence(a: CooccurrenceArgs) -> Result<u8> {
    let (corpus, code) = read_corpus(&a.run, |_| false)?;
    let rows = corpus.cooccurrence(side(a.side));
    let labels = corpus.themes().to_vec();
    output(&a.run.out, &["Cooccurrence"], |w, format, style, _| {
        view::write_cooccurrence(w, &rows, &labels, format, style)
    })?;
    Ok(code)
}
