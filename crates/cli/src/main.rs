//! The `letters` command-line tool.

mod args;
mod batch;
mod inputs;
mod output;
mod render;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command, Format, InputArgs};
use output::Sink;

/// Exit codes.
const OK: u8 = 0;
const INPUT_FAILED: u8 = 1;
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if output::is_broken_pipe(&e) => ExitCode::from(OK),
        Err(e) => {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("letters: {e:#}");
            }
            ExitCode::from(USAGE)
        }
    }
}

fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Split(a) => split(a.input),
    }
}

/// Prints a failed input on standard error.
fn report(f: &batch::Failure) {
    #[allow(clippy::print_stderr)]
    {
        eprintln!("letters: {f}");
    }
}

/// The inputs of a command, with listing errors already reported.
struct Prepared {
    inputs: Vec<inputs::Input>,
    pool: rayon::ThreadPool,
    listing_failed: bool,
}

fn prepare(a: &InputArgs) -> Result<Prepared> {
    let globs = inputs::matcher(&a.glob)?;
    let (inputs, errors) = inputs::collect(&a.paths, &globs);
    for e in &errors {
        report(&batch::Failure { path: e.path.clone(), reason: e.reason.clone() });
    }
    Ok(Prepared { inputs, pool: batch::pool(a.jobs)?, listing_failed: !errors.is_empty() })
}

fn format_for(a: &InputArgs, sink: &Sink) -> Format {
    a.format.unwrap_or(if sink.is_terminal() { Format::Table } else { Format::Jsonl })
}

fn exit_code(listing_failed: bool, failures: usize) -> u8 {
    if listing_failed || failures > 0 { INPUT_FAILED } else { OK }
}

fn split(a: InputArgs) -> Result<u8> {
    let p = prepare(&a)?;
    let mut sink = Sink::open(a.output.as_deref())?;
    let format = format_for(&a, &sink);
    let style = render::Style::new(sink.is_terminal() && matches!(format, Format::Table | Format::Md));
    let mut w = render::split::SplitWriter::start(format, style, &mut sink)?;
    let failures = batch::run(
        &p.inputs,
        &p.pool,
        !a.no_progress,
        |_, bytes| letters_core::Document::from_bytes(&bytes).map_err(|e| e.to_string()),
        |input, doc| w.document(&mut sink, &input.display(), &doc),
        report,
    )?;
    w.finish(&mut sink)?;
    sink.finish()?;
    Ok(exit_code(p.listing_failed, failures.len()))
}
