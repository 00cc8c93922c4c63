//! The commands, one file each, and what they share: the taxonomy the options ask for, the
//! inputs and the selection of documents, the output format, the exit code.

pub mod analysis;
pub mod check;
pub mod compare;
pub mod eval;
pub mod export;
pub mod report;
pub mod split;
pub mod tag;
pub mod themes;

use std::borrow::Cow;
use std::io::Write;

use anyhow::{Context, Result};
use letters_core::meta::Selection;
use letters_core::{Date, Document, Taxonomy};

use crate::args::{Format, InputArgs, OutputArgs, SelectArgs, TaxonomyArgs};
use crate::output::Sink;
use crate::render::Style;
use crate::render::xlsx::{self, Table};
use crate::{INPUT_FAILED, OK, batch, inputs};

/// Reads a taxonomy file; errors name the file, line and entry.
pub fn read_taxonomy(path: &std::path::Path) -> Result<Taxonomy> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read taxonomy: {}", path.display(), "file unreadable"))?;
    Ok(Taxonomy::from_toml(&text, &path.display().to_string())?)
}

/// The taxonomy the options ask for: built-in or a file, plus extensions.
pub fn load_taxonomy(a: &TaxonomyArgs) -> Result<Taxonomy> {
    let mut tax = match &a.taxonomy {
        Some(p) => read_taxonomy(p)?,
        None => Taxonomy::builtin(),
    };
    for p in &a.extend {
        tax.extend(read_taxonomy(p)?);
    }
    Ok(tax)
}

/// Prints a failed input on standard error.
pub fn report(f: &batch::Failure) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("letters: {f}");
    }
}

/// The inputs of a command, with listing errors already reported, and the documents to keep.
pub struct Prepared {
    pub inputs: Vec<inputs::Input>,
    pub pool: rayon::ThreadPool,
    pub listing_failed: bool,
    pub options: batch::Options,
    pub selection: Selection,
}

impl Prepared {
    /// Reads one input's bytes as its text and document, `None` when the selection leaves it out.
    pub fn read<'b>(&self, bytes: &'b [u8]) -> Result<Option<(Cow<'b, str>, Document)>, String> {
        let (text, doc) = Document::from_bytes_with_text(bytes).map_err(|e| e.to_string())?;
        Ok(self.selection.matches(doc.kind, &doc.meta).then_some((text, doc)))
    }

    /// Reads every input in parallel, gives each selected document to `work` (on a worker
    /// thread) and its result to `emit` in input order; failures are reported as they come.
    /// Returns the exit code.
    pub fn each_document<T: Send>(
        self,
        work: impl Fn(&str, Document) -> T + Sync,
        emit: impl FnMut(&str, T) -> Result<()>,
    ) -> Result<u8> {
        self.each_text(|path, _, doc| work(path, doc), emit)
    }

    /// [`Prepared::each_document`], giving `work` the text read too (which spans are ranges of).
    pub fn each_text<T: Send>(
        mut self,
        work: impl Fn(&str, Cow<'_, str>, Document) -> T + Sync,
        mut emit: impl FnMut(&str, T) -> Result<()>,
    ) -> Result<u8> {
        // The listing goes to the run, which lets go of each input once it is read.
        let inputs = std::mem::take(&mut self.inputs);
        let failures = batch::run(
            inputs,
            &self.pool,
            self.options,
            |path, bytes| Ok(self.read(bytes)?.map(|(text, doc)| work(path, text, doc))),
            |path, done| match done {
                Some(x) => emit(path, x),
                None => Ok(()),
            },
            report,
        )?;
        Ok(self.exit_code(failures.len()))
    }

    /// The exit code once `failures` inputs failed.
    pub fn exit_code(&self, failures: usize) -> u8 {
        if self.listing_failed || failures > 0 { INPUT_FAILED } else { OK }
    }
}

pub fn prepare(a: &InputArgs) -> Result<Prepared> {
    let selection = selection(&a.select)?;
    let globs = inputs::matcher(&a.glob)?;
    let (inputs, errors) = inputs::collect(&a.paths, &globs);
    for e in &errors {
        report(&batch::Failure { path: e.path.clone(), reason: e.reason.clone() });
    }
    let options = batch::Options { progress: !a.no_progress, split_docs: a.split_docs };
    Ok(Prepared { inputs, pool: batch::pool(a.jobs)?, listing_failed: !errors.is_empty(), options, selection })
}

/// A date of `--from` or `--to`: `YYYY-MM-DD`, or a year (its first day, or with `end` its last).
fn date_arg(s: &str, end: bool) -> Result<Date> {
    if let Ok(year) = s.parse::<u16>() {
        let (m, d) = if end { (12, 31) } else { (1, 1) };
        return Date::new(year, m, d).with_context(|| format!("invalid year '{s}'"));
    }
    s.parse().map_err(|e: String| anyhow::anyhow!("{e}"))
}

/// The selection the options ask for; an unknown kind, topic, area or region is a usage error.
pub fn selection(a: &SelectArgs) -> Result<Selection> {
    let mut s = Selection::default();
    for k in &a.kinds {
        s.kind(k).map_err(anyhow::Error::msg)?;
    }
    for t in &a.topics {
        s.topic(t).map_err(anyhow::Error::msg)?;
    }
    for x in &a.areas {
        s.area(x).map_err(anyhow::Error::msg)?;
    }
    for r in &a.regions {
        s.region(r).map_err(anyhow::Error::msg)?;
    }
    if let Some(f) = &a.from {
        s.from(date_arg(f, false).context("--from")?);
    }
    if let Some(t) = &a.to {
        s.to(date_arg(t, true).context("--to")?);
    }
    Ok(s)
}

/// The format the options ask for: table on a terminal, JSON Lines otherwise.
pub fn format_for(a: &OutputArgs, sink: &Sink) -> Format {
    a.format.unwrap_or(if sink.is_terminal() { Format::Table } else { Format::Jsonl })
}

/// Opens the output the options ask for: where it goes, its format and its style. A CSV
/// starts with a byte-order mark when `--bom` asks; a workbook is never written to a terminal.
pub fn open_output(a: &OutputArgs) -> Result<(Sink, Format, Style)> {
    let mut sink = Sink::open(a.output.as_deref())?;
    let format = format_for(a, &sink);
    anyhow::ensure!(!a.bom || format == Format::Csv, "--bom goes with --format csv");
    anyhow::ensure!(
        !(format.is_file() && sink.is_terminal()),
        "--format {} writes a file: give -o FILE (or redirect the output)",
        format.name()
    );
    if a.bom {
        sink.write_all("\u{feff}".as_bytes())?;
    }
    let style = Style::new(sink.is_terminal() && format == Format::Table);
    Ok((sink, format, style))
}

/// Writes a workbook of `tables` (made from the CSV renderers) and closes the output.
pub fn finish_workbook(mut sink: Sink, tables: &[Table]) -> Result<()> {
    sink.write_all(&xlsx::workbook(tables)?)?;
    sink.finish()
}
