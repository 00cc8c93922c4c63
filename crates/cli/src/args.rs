//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Read UK children's-safeguarding inspection letters, split them into findings, tag the
/// themes they are about, and compare local areas.
#[derive(Debug, Parser)]
#[command(name = "letters", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  letters compare corpus/                  which themes are strengths or improvements, by area
  letters split corpus/jtai-2026-02-leicestershire.txt --format md
  letters tag corpus/ --theme therapy      every finding about therapy, with its evidence
  letters compare downloads/ --format csv -o themes.csv
  letters themes                           the built-in theme taxonomy

Exit codes: 0 success, 1 some inputs could not be read (the rest were processed), 2 usage or
configuration error.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Compare areas: which themes are listed as strengths or improvements where, which flip
    /// between areas and which areas share, with the findings behind every cell.
    #[command(after_help = "\
Examples:
  letters compare corpus/
  letters compare downloads/ --format md -o comparison.md
  letters compare downloads/ --format csv -o themes.csv     (area,theme,source,polarity,count)
  letters compare downloads/ --group-by year --format json

Reading a cell: ▲ the theme is listed as a strength, ▼ as an improvement, ‼ as a priority
action, ◆ both ways; s/i counts the other sentences about it judged strength / improvement.")]
    Compare(CompareArgs),

    /// Write a self-contained HTML report: a heatmap of themes by area whose cells open the
    /// findings behind them, a panel per area, flips and shared improvements.
    #[command(after_help = "\
Examples:
  letters report corpus/ -o report.html
  letters report downloads/ --evidence 20 -o committee-paper.html

The page has no script and loads nothing: it works offline and as an email attachment.")]
    Report(ReportArgs),

    /// Check a response letter against the inspection letter: is each finding it attributes to
    /// the inspection in the letter? (Exit 0 when every claim is supported, 1 otherwise.)
    #[command(after_help = "\
Examples:
  letters check corpus/response-2026-03-leicestershire-pcc.txt --against corpus/jtai-2026-02-leicestershire.txt
  letters check response.txt --against letter.txt --format jsonl

A verdict is a lead for a person to check, not a judgement: supported (most of the claim is in one
or two of the letter's findings), partial, unsupported, or contradicted (the closest finding is
about the same theme and says the opposite).")]
    Check(CheckArgs),

    /// Which of a letter's improvements and priority actions a plan (or briefing) addresses.
    /// (Exit 0 when every item is addressed, 1 otherwise.)
    #[command(after_help = "\
Examples:
  letters coverage corpus/plan-2025-2027-llr-business-plan.txt --against corpus/jtai-2026-02-leicestershire.txt
  letters coverage plan.txt --against letter.txt --format jsonl")]
    Coverage(CheckArgs),

    /// Split letters into sections, items and sentences, with metadata and byte spans.
    #[command(after_help = "\
Examples:
  letters split corpus/jtai-2026-05-oxfordshire.txt
  letters split corpus/ --format jsonl > documents.jsonl
  cat letter.txt | letters split - --format json")]
    Split(SplitArgs),

    /// Tag every finding (list item, or sentence of a paragraph) with themes, agencies and
    /// polarity, with the words behind each tag.
    #[command(after_help = "\
Examples:
  letters tag corpus/jtai-2026-02-leicestershire.txt
  letters tag corpus/ --theme information-sharing --theme therapy --format md
  letters tag corpus/ --format jsonl | jq 'select(.polarity == \"improvement\")'
  letters tag letters/ --extend my-themes.toml --format csv -o findings.csv")]
    Tag(TagArgs),

    /// List the theme taxonomy, or check a taxonomy file and run its examples.
    #[command(after_help = "\
Examples:
  letters themes                         the built-in themes and agencies
  letters themes --format json           the same, for programs
  letters themes --check my-themes.toml  validate a file and run its example sentences
  letters themes --extend my-themes.toml the built-in taxonomy with your additions")]
    Themes(ThemesArgs),
}

/// Which taxonomy to use.
#[derive(Debug, Args, Clone)]
pub struct TaxonomyArgs {
    /// Use this taxonomy file instead of the built-in one.
    #[arg(long, value_name = "FILE")]
    pub taxonomy: Option<PathBuf>,

    /// Add the themes and agencies of FILE to the taxonomy (same id: replaces). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub extend: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TagArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub out: OutputArgs,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    /// Only findings with this theme (repeatable: any of them).
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,
}

/// How `compare` groups documents into columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GroupByArg {
    Area,
    Kind,
    Year,
    File,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub out: OutputArgs,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    /// How to group documents into columns.
    #[arg(long, value_enum, default_value = "area")]
    pub group_by: GroupByArg,

    /// Findings kept per cell as evidence.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub evidence: usize,
}

#[derive(Debug, Args)]
pub struct ThemesArgs {
    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    /// Check FILE: report errors with file, line and entry, and run its example sentences.
    #[arg(long, value_name = "FILE", conflicts_with = "taxonomy")]
    pub check: Option<PathBuf>,

    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE (atomically).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text for a terminal (the default on a terminal).
    Table,
    /// Markdown, for pasting into documents.
    Md,
    /// Comma-separated values, long form.
    Csv,
    /// One JSON value.
    Json,
    /// JSON Lines: one object per line with a "type" tag (the default in a pipe).
    Jsonl,
}

/// Options every command that reads letters shares.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files or folders to read (folders recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Which files to read inside folders (a glob on the file name, case-insensitive;
    /// repeatable).
    #[arg(long, value_name = "GLOB", default_values_t = ["*.txt".to_string(), "*.pdf".to_string()])]
    pub glob: Vec<String>,

    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,

    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Files hold many documents, separated by lines holding only a form feed (as concatenated
    /// corpora are); each becomes its own document, named PATH#N.
    #[arg(long)]
    pub split_docs: bool,
}

/// Where and how output is written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, jsonl otherwise].
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,

    /// Write the output to FILE (atomically: the file appears whole or not at all).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SplitArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    /// How to group documents into columns.
    #[arg(long, value_enum, default_value = "area")]
    pub group_by: GroupByArg,

    /// Findings kept per cell as evidence.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub evidence: usize,

    /// Write the page to FILE (atomically); standard output otherwise.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The response (for `check`) or the plan or briefing (for `coverage`).
    #[arg(value_name = "FILE")]
    pub document: PathBuf,

    /// The inspection letter.
    #[arg(long, value_name = "LETTER")]
    pub against: PathBuf,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    #[command(flatten)]
    pub out: OutputArgs,
}
