//! The `letters` command-line tool.

mod args;
mod batch;
mod inputs;
mod output;
mod render;

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use anyhow::Context;
use args::{
    CheckArgs, Cli, Command, CompareArgs, Format, GroupByArg, InputArgs, OutputArgs, ReportArgs, SplitArgs, TagArgs,
    TaxonomyArgs, ThemesArgs,
};
use letters_core::{CompareBuilder, Document, GroupBy, TaggerBuilder, Taxonomy};
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
        Command::Check(a) => check_cmd(a, false),
        Command::Coverage(a) => check_cmd(a, true),
        Command::Compare(a) => compare(a),
        Command::Report(a) => report_cmd(a),
        Command::Split(a) => split(a),
        Command::Tag(a) => tag(a),
        Command::Themes(a) => themes(a),
    }
}

/// Reads a taxonomy file; errors name the file, line and entry.
fn read_taxonomy(path: &std::path::Path) -> Result<Taxonomy> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read taxonomy: {}", path.display(), "file unreadable"))?;
    Ok(Taxonomy::from_toml(&text, &path.display().to_string())?)
}

/// The taxonomy the options ask for: built-in or a file, plus extensions.
fn load_taxonomy(a: &TaxonomyArgs) -> Result<Taxonomy> {
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
    options: batch::Options,
}

fn prepare(a: &InputArgs) -> Result<Prepared> {
    let globs = inputs::matcher(&a.glob)?;
    let (inputs, errors) = inputs::collect(&a.paths, &globs);
    for e in &errors {
        report(&batch::Failure { path: e.path.clone(), reason: e.reason.clone() });
    }
    let options = batch::Options { progress: !a.no_progress, split_docs: a.split_docs };
    Ok(Prepared { inputs, pool: batch::pool(a.jobs)?, listing_failed: !errors.is_empty(), options })
}

fn format_for(a: &OutputArgs, sink: &Sink) -> Format {
    a.format.unwrap_or(if sink.is_terminal() { Format::Table } else { Format::Jsonl })
}

fn exit_code(listing_failed: bool, failures: usize) -> u8 {
    if listing_failed || failures > 0 { INPUT_FAILED } else { OK }
}

fn split(args: SplitArgs) -> Result<u8> {
    let a = args.input;
    let p = prepare(&a)?;
    let mut sink = Sink::open(args.out.output.as_deref())?;
    let format = format_for(&args.out, &sink);
    let style = render::Style::new(sink.is_terminal() && matches!(format, Format::Table | Format::Md));
    let mut w = render::split::SplitWriter::start(format, style, &mut sink)?;
    let failures = batch::run(
        &p.inputs,
        &p.pool,
        p.options,
        |_, bytes| letters_core::Document::from_bytes(bytes).map_err(|e| e.to_string()),
        |path, doc| w.document(&mut sink, path, &doc),
        report,
    )?;
    w.finish(&mut sink)?;
    sink.finish()?;
    Ok(exit_code(p.listing_failed, failures.len()))
}

fn tag(a: TagArgs) -> Result<u8> {
    let taxonomy = load_taxonomy(&a.taxonomy)?;
    for id in &a.themes {
        anyhow::ensure!(taxonomy.theme(id).is_some(), "unknown theme '{id}' (`letters themes` lists them)");
    }
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let p = prepare(&a.input)?;
    let mut sink = Sink::open(a.out.output.as_deref())?;
    let format = format_for(&a.out, &sink);
    let style = render::Style::new(sink.is_terminal() && matches!(format, Format::Table));
    let mut w = render::tag::TagWriter::start(format, style, &mut sink)?;
    let failures = batch::run(
        &p.inputs,
        &p.pool,
        p.options,
        |_, bytes| {
            let doc = Document::from_bytes(bytes).map_err(|e| e.to_string())?;
            let findings = tagger.tag_document(&doc);
            Ok((render::tag::DocFields::of(&doc), findings))
        },
        |path, (fields, findings)| {
            let keep: Vec<&letters_core::Finding> = findings
                .iter()
                .filter(|f| a.themes.is_empty() || f.themes.iter().any(|t| a.themes.contains(t)))
                .collect();
            w.document(&mut sink, path, &fields, &keep)
        },
        report,
    )?;
    w.finish(&mut sink)?;
    sink.finish()?;
    Ok(exit_code(p.listing_failed, failures.len()))
}

fn themes(a: ThemesArgs) -> Result<u8> {
    let mut sink = Sink::open(a.output.as_deref())?;
    let format = a.format.unwrap_or(if sink.is_terminal() { Format::Table } else { Format::Jsonl });
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    let Some(path) = &a.check else {
        let taxonomy = load_taxonomy(&a.taxonomy)?;
        render::themes::write(&mut sink, &taxonomy, format, style)?;
        sink.finish()?;
        return Ok(OK);
    };
    let mut taxonomy = read_taxonomy(path)?;
    for p in &a.taxonomy.extend {
        taxonomy.extend(read_taxonomy(p)?);
    }
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let tax = tagger.taxonomy();
    let examples: usize =
        tax.themes.iter().chain(&tax.agencies).map(|e| e.should_tag.len() + e.must_not_tag.len()).sum::<usize>()
            + [
                &tax.lexicon.strength_examples,
                &tax.lexicon.improvement_examples,
                &tax.lexicon.mixed_examples,
                &tax.lexicon.neutral_examples,
            ]
            .iter()
            .map(|l| l.len())
            .sum::<usize>();
    let failures = tagger.check_examples();
    use std::io::Write;
    for f in &failures {
        writeln!(
            sink,
            "{}: {} '{}' should {} but got {}: {}",
            path.display(),
            f.facet,
            f.id,
            f.expected,
            f.got,
            f.sentence
        )?;
    }
    writeln!(
        sink,
        "{}: {} themes, {} agencies, {} examples, {} failing",
        path.display(),
        tax.themes.len(),
        tax.agencies.len(),
        examples,
        failures.len()
    )?;
    sink.finish()?;
    Ok(if failures.is_empty() { OK } else { INPUT_FAILED })
}

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
fn compare_inputs<T: Send>(
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
    let failures = batch::run(
        &p.inputs,
        &p.pool,
        p.options,
        |path, bytes| {
            let doc = Document::from_bytes(bytes).map_err(|e| e.to_string())?;
            let summary = summariser.summarise(path, &doc, &tagger);
            Ok((summary, extra(path, doc)))
        },
        |_, (summary, x)| {
            comparer.add_summary(summary);
            extras.push(x);
            Ok(())
        },
        report,
    )?;
    Ok((comparer.finish(), extras, exit_code(p.listing_failed, failures.len())))
}

fn compare(a: CompareArgs) -> Result<u8> {
    let (comparison, _, code) = compare_inputs(&a.input, &a.taxonomy, a.group_by, a.evidence, |_, _| ())?;
    let mut sink = Sink::open(a.out.output.as_deref())?;
    let format = format_for(&a.out, &sink);
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    render::compare::write(&mut sink, &comparison, format, style)?;
    sink.finish()?;
    Ok(code)
}

fn report_cmd(a: ReportArgs) -> Result<u8> {
    let (comparison, docs, code) = compare_inputs(&a.input, &a.taxonomy, a.group_by, a.evidence, |path, doc| {
        let headline = doc
            .section(letters_core::SectionKind::HeadlineFindings)
            .or_else(|| doc.section(letters_core::SectionKind::Introduction))
            .map(|s| s.blocks.iter().take(6).map(|b| b.text.clone()).collect())
            .unwrap_or_default();
        render::report::DocInfo { path: path.to_string(), kind: doc.kind.as_str(), meta: doc.meta, headline }
    })?;
    let mut sink = Sink::open(a.output.as_deref())?;
    use std::io::Write;
    sink.write_all(render::report::page(&comparison, &docs).as_bytes())?;
    sink.finish()?;
    Ok(code)
}

/// Reads one document for `check` and `coverage`: a failure here is an error (exit 2).
fn read_document(path: &std::path::Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), inputs::io_reason(&e)))?;
    Document::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn check_cmd(a: CheckArgs, coverage: bool) -> Result<u8> {
    let taxonomy = load_taxonomy(&a.taxonomy)?;
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let doc = read_document(&a.document)?;
    let letter = read_document(&a.against)?;
    let checker = letters_core::CheckBuilder::new().build(&tagger);
    let mut sink = Sink::open(a.out.output.as_deref())?;
    let format = format_for(&a.out, &sink);
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    let paths = (a.document.display().to_string(), a.against.display().to_string());
    let all_good = if coverage {
        let items = checker.coverage(&doc, &letter);
        render::check::write_coverage(&mut sink, &items, format, style, &paths)?;
        items.iter().all(|i| i.addressed)
    } else {
        let claims = checker.check(&doc, &letter);
        render::check::write_claims(&mut sink, &claims, format, style, &paths)?;
        claims.iter().all(|c| c.verdict == letters_core::check::Verdict::Supported)
    };
    sink.finish()?;
    Ok(if all_good { OK } else { INPUT_FAILED })
}
