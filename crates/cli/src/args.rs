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
  letters prevalence corpus/ --by year     how common each listing is, with intervals
  letters profile Liverpool corpus/        what sets an area apart, with the evidence
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

    /// Write a self-contained HTML page over a corpus: how common each theme is and how it
    /// moves year by year, a matrix with areas as rows whose cells open the findings behind
    /// them, and each area's view with its profile; filters and area search.
    #[command(after_help = "\
Examples:
  letters report corpus/ -o report.html
  letters report downloads/ --kind jtai --from 2023 -o jtai-since-2023.html

The page loads nothing and runs only its own script (a Content-Security-Policy says so): it
works offline and as an email attachment. Its address keeps the view, so links to it reopen it.")]
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

    /// How common each theme is as an improvement, a strength and a priority action: in how
    /// many documents of those read, with 95% Wilson intervals, overall or by year, kind, topic
    /// or region.
    #[command(after_help = "\
Examples:
  letters prevalence corpus/
  letters prevalence downloads/ --by year --format csv -o prevalence.csv
  letters prevalence downloads/ --kind jtai --by topic

Only an inspection's own documents (letters and reports) are counted.")]
    Prevalence(PrevalenceArgs),

    /// How each theme's prevalence changes year by year (or inspection round by round), with
    /// counts and intervals; small groups marked.
    #[command(after_help = "\
Examples:
  letters trend corpus/
  letters trend downloads/ --kind focused-visit --topic front-door --side improvement
  letters trend downloads/ --by round --format csv -o trend.csv")]
    Trend(TrendArgs),

    /// What sets an area apart: its listing of each theme against comparable documents (Fisher's
    /// exact test, Benjamini–Hochberg q-values), the themes it lists that are rare elsewhere and
    /// those common elsewhere it does not, and the words and phrases its findings use more
    /// (log-likelihood keyness), each with the findings behind it.
    #[command(after_help = "\
Examples:
  letters profile Liverpool corpus/
  letters profile E08000012 downloads/ --against all --format md
  letters profile Leeds downloads/ --kind focused-visit --keyness --format csv

Comparable documents are those of the same type and topic as the area's (a JTAI round); of the
same type when fewer than five share the topic; all others when fewer share the type. A theme is
distinctive when its q-value (over the themes and sides that could differ at all) is below 0.05.")]
    Profile(ProfileArgs),

    /// Which themes are listed together in the same documents (count and lift).
    #[command(after_help = "\
Examples:
  letters cooccurrence corpus/
  letters cooccurrence downloads/ --side strength --format csv")]
    Cooccurrence(CooccurrenceArgs),

    /// Compare the tool's coding with a person's (or two people's, with --against): per theme
    /// precision, recall, F1 and Cohen's κ, polarity accuracy with a confusion matrix, and
    /// every disagreement with the words that decided it.
    #[command(after_help = "\
Examples:
  letters eval --gold corpus/published/gold/dev.csv corpus/published/
  letters eval --gold my-coding.csv downloads/ --format md -o agreement.md
  letters eval --gold my-coding.csv downloads/ --units --format csv -o units.csv
  letters eval --gold corpus/published/gold/dev.csv --against corpus/published/gold/dev-second.csv corpus/published/

The coding is a CSV with a header and one row per unit: path (the document, as given to letters
or by its file name), unit (its first words, as written), themes (theme ids separated by ;) and
polarity (strength, improvement, mixed or neutral); optional kind (item or sentence), section,
and start/end (a byte span instead of the words). With --against, units of the two codings found
at the same place are compared, and units only one coding has are named. Exit 1 when some units
were not found.")]
    Eval(EvalArgs),

    /// Export the tool's coding as a REFI-QDA project (.qdpx) for NVivo, ATLAS.ti, MAXQDA and
    /// QualCoder: the taxonomy as codes, each document as a text source with one coded
    /// selection per finding, and what each document says about itself as variables and cases.
    #[command(after_help = "\
Examples:
  letters export corpus/ -o letters.qdpx
  letters export downloads/ --kind jtai --from 2023 -o jtai-since-2023.qdpx

Selections start and end at character offsets counted in Unicode code points (REFI-QDA's
positions), converted from letters' byte spans. Identifiers are derived from the content, so
exporting the same input twice gives the same file. Characters XML 1.0 forbids (a PDF's form
feeds) become line breaks or spaces in the exported text, keeping every position.")]
    Export(ExportArgs),

    /// List the theme taxonomy, or check a taxonomy file and run its examples.
    #[command(after_help = "\
Examples:
  letters themes                         the built-in themes and agencies
  letters themes --format json           the same, for programs
  letters themes --check my-themes.toml  validate a file and run its example sentences
  letters themes --extend my-themes.toml the built-in taxonomy with your additions
  letters themes --format qdc -o letters.qdc  the codebook for qualitative analysis software")]
    Themes(ThemesArgs),
}

/// How prevalence groups documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FacetArg {
    /// All together.
    None,
    Year,
    Kind,
    Topic,
    Region,
}

/// A side of the lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SideArg {
    /// Listed as an improvement or a priority action.
    Improvement,
    Strength,
    Priority,
}

#[derive(Debug, Args)]
pub struct PrevalenceArgs {
    #[command(flatten)]
    pub run: CorpusArgs,

    /// Group documents by this.
    #[arg(long, value_enum, default_value = "none")]
    pub by: FacetArg,
}

/// How a trend steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrendByArg {
    Year,
    /// Inspection rounds: documents of one type and topic, in the order the rounds began.
    Round,
}

#[derive(Debug, Args)]
pub struct TrendArgs {
    #[command(flatten)]
    pub run: CorpusArgs,

    /// Step by year or by inspection round.
    #[arg(long, value_enum, default_value = "year")]
    pub by: TrendByArg,

    /// The side the table shows (CSV and JSON give every side).
    #[arg(long, value_enum, default_value = "improvement")]
    pub side: SideArg,
}

/// What an area is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AgainstArg {
    /// Documents of the same type and topic (widening when too few).
    Comparable,
    /// All other documents.
    All,
}

#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// The area: any name of its local authority, or its ONS code.
    #[arg(value_name = "AREA")]
    pub area: String,

    #[command(flatten)]
    pub run: CorpusArgs,

    /// What to compare the area with.
    #[arg(long, value_enum, default_value = "comparable")]
    pub against: AgainstArg,

    /// With `--format csv`: write the keyness table (words and phrases) instead of the themes.
    #[arg(long)]
    pub keyness: bool,
}

#[derive(Debug, Args)]
pub struct CooccurrenceArgs {
    #[command(flatten)]
    pub run: CorpusArgs,

    /// The side on which themes are listed together.
    #[arg(long, value_enum, default_value = "improvement")]
    pub side: SideArg,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The person's coding: a CSV, or a REFI-QDA project (`.qdpx`, or its `.qde`) exported
    /// from NVivo, ATLAS.ti, MAXQDA or QualCoder.
    #[arg(long, value_name = "CODING")]
    pub gold: PathBuf,

    /// Compare a second person's coding of the same units (CSV or REFI-QDA) with the first,
    /// instead of the tool's: the agreement between two people, scored the same way, with the
    /// second coding on the tool's side (`tool_themes`, `tool_polarity`).
    #[arg(long, value_name = "CODING")]
    pub against: Option<PathBuf>,

    /// With `--format csv`: a row per unit (both codings side by side) instead of a row per theme.
    #[arg(long)]
    pub units: bool,

    #[command(flatten)]
    pub run: CorpusArgs,
}

/// What a command over many documents takes: the inputs (and the documents selected), the
/// output and the taxonomy.
#[derive(Debug, Args)]
pub struct CorpusArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub out: OutputArgs,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,
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
    pub run: CorpusArgs,

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
    pub run: CorpusArgs,

    /// How to group documents into columns.
    #[arg(long, value_enum, default_value = "area")]
    pub group_by: GroupByArg,

    /// Findings kept per cell as evidence.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub evidence: usize,
}

/// What `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A REFI-QDA project: a zip holding `project.qde` and the sources' text.
    Qdpx,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub taxonomy: TaxonomyArgs,

    /// The export's format.
    #[arg(short, long, value_enum, default_value = "qdpx")]
    pub format: ExportFormat,

    /// Write the project to FILE (atomically).
    #[arg(short, long, value_name = "FILE", required = true)]
    pub output: PathBuf,
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
    /// An Excel workbook, one sheet per view (compare, tag, prevalence, trend, profile,
    /// cooccurrence; needs `-o FILE` or a pipe).
    Xlsx,
    /// A REFI-QDA codebook (`themes` only).
    Qdc,
}

impl Format {
    /// Whether the format is a binary or XML file rather than text for a reader.
    pub fn is_file(self) -> bool {
        matches!(self, Format::Xlsx | Format::Qdc)
    }

    /// Its name as `--format` takes it.
    pub fn name(self) -> String {
        self.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default()
    }
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

    #[command(flatten)]
    pub select: SelectArgs,
}

/// Which documents to keep, by what they say about themselves (never by their file names).
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Selecting documents")]
pub struct SelectArgs {
    /// Only documents of this kind: of document (inspection-letter, report, response-letter,
    /// briefing, plan, other) or of inspection (jtai, focused-visit, ilacs, area-send, …).
    /// Repeatable: any of them.
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,

    /// Only documents on this topic (a topic code: domestic-abuse, front-door, care-leavers, …;
    /// see the README). Repeatable.
    #[arg(long = "topic", value_name = "CODE")]
    pub topics: Vec<String>,

    /// Only documents dated on or after DATE (YYYY-MM-DD, or a year).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only documents dated on or before DATE (YYYY-MM-DD, or a year).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only documents about this area: any name of its local authority, or its ONS code.
    /// Repeatable.
    #[arg(long = "area", value_name = "AREA")]
    pub areas: Vec<String>,

    /// Only documents about areas of this region (London, North West, Wales, …). Repeatable.
    #[arg(long = "region", value_name = "REGION")]
    pub regions: Vec<String>,
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

    /// With `--format csv`: start with a UTF-8 byte-order mark, so Excel reads the text right.
    #[arg(long)]
    pub bom: bool,
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
