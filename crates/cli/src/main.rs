//! The `letters` command-line tool.

mod args;
mod batch;
mod commands;
mod inputs;
mod output;
mod refi;
mod render;

use std::process::ExitCode;

use anyhow::Result;
use args::{Cli, Command};
use clap::Parser;

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
        Command::Check(a) => commands::check::run(a, false),
        Command::Coverage(a) => commands::check::run(a, true),
        Command::Compare(a) => commands::compare::run(a),
        Command::Report(a) => commands::report::run(a),
        Command::Split(a) => commands::split::run(a),
        Command::Tag(a) => commands::tag::run(a),
        Command::Themes(a) => commands::themes::run(a),
        Command::Prevalence(a) => commands::analysis::prevalence(a),
        Command::Trend(a) => commands::analysis::trend(a),
        Command::Profile(a) => commands::analysis::profile(a),
        Command::Cooccurrence(a) => commands::analysis::cooccurrence(a),
        Command::Eval(a) => commands::eval::run(a),
        Command::Export(a) => commands::export::run(a),
    }
}
