//! `letters eval`: a person's coding read, the documents it names tagged, each coded unit found
//! among the tool's findings, and the two codings compared.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use letters_core::TaggerBuilder;
use letters_core::eval::{Evaluation, GoldUnit, UnitResult, Unmatched, align_document, pair_codings, read_gold};

use super::{load_taxonomy, open_output, prepare};
use crate::args::EvalArgs;
use crate::{INPUT_FAILED, render};

/// The file name of a path, for matching a coding's paths with the inputs'.
fn file_name(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// A path as written, without a leading `./` and with `/` separators.
fn tidy(p: &str) -> String {
    p.replace('\\', "/").trim_start_matches("./").to_string()
}

/// Whether `path` names a REFI-QDA project.
fn is_project(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx") || e.eq_ignore_ascii_case("qde"))
}

/// Each source's text digest in a project, by name (see [`crate::refi::text_digest`]).
type Digests = HashMap<String, String>;

/// A person's coding: a CSV, or a REFI-QDA project (whose codes that are neither a theme, an
/// agency nor a polarity are named on standard error and left aside) with its texts' digests.
fn read_coding(path: &Path, taxonomy: &letters_core::Taxonomy) -> Result<(Vec<GoldUnit>, Option<Digests>)> {
    let source = path.display().to_string();
    if is_project(path) {
        let crate::refi::read::Coding { units, unknown, digests } = crate::refi::read::read_project(path, taxonomy)?;
        if !unknown.is_empty() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!(
                    "letters: {source}: codes that are neither a theme, an agency nor a polarity, left aside: {}",
                    unknown.join(", ")
                );
            }
        }
        return Ok((units, Some(digests)));
    }
    let text = std::fs::read_to_string(path).with_context(|| format!("{source}: cannot read the coding"))?;
    Ok((read_gold(&text, &source, taxonomy)?, None))
}

/// A document's coded units, their spans kept only where they hold: a project's spans hold only
/// in the text they were made in, so where that differs from what letters reads (another tool's
/// PDF extraction) units are found by their words; a project's text leaves out a byte-order
/// mark (`bom` bytes), so its spans start after it.
fn placed(units: &[&GoldUnit], digests: Option<&Digests>, digest: &str, bom: usize) -> Vec<GoldUnit> {
    let bom = if digests.is_some() { bom } else { 0 };
    units
        .iter()
        .map(|&u| {
            let holds = digests.is_none_or(|d| d.get(&u.path).map(String::as_str) == Some(digest));
            let span = u.span.filter(|_| holds).map(|s| letters_core::Span::new(s.start + bom, s.end + bom));
            GoldUnit { span, ..u.clone() }
        })
        .collect()
}

/// A coding's units by the input they are of, and those of documents not among the inputs.
type ByInput<'g> = (HashMap<String, Vec<&'g GoldUnit>>, Vec<Unmatched>);

/// `second` says whether the coding is the second of two (`--against`).
fn by_input<'g>(coding: &'g [GoldUnit], second: bool, input_of: &dyn Fn(&GoldUnit) -> Option<String>) -> ByInput<'g> {
    let mut units_of: HashMap<String, Vec<&GoldUnit>> = HashMap::new();
    let mut unmatched = Vec::new();
    for g in coding {
        match input_of(g) {
            Some(i) => units_of.entry(i).or_default().push(g),
            None => unmatched.push(Unmatched {
                second,
                row: g.row,
                path: g.path.clone(),
                opening: g.opening.clone(),
                reason: "its document is not among the inputs".into(),
            }),
        }
    }
    (units_of, unmatched)
}

/// A unit of one coding (`second` or the first) the other has none at the place of.
fn lone(u: UnitResult, second: bool) -> Unmatched {
    let other = if second { "first" } else { "second" };
    let reason = format!("the {other} coding has no unit at its place");
    Unmatched { second, row: u.row, path: u.path, opening: u.opening, reason }
}

/// Names the units that were not found on standard error, each with its coding (`first` or
/// `second`).
fn report_unmatched(unmatched: &[Unmatched], first: &str, second: &str) {
    for u in unmatched {
        let source = if u.second { second } else { first };
        #[allow(clippy::print_stderr)]
        {
            eprintln!("letters: {source}: row {}: {}: '{}' not found: {}", u.row, u.path, u.opening, u.reason);
        }
    }
}

pub fn run(a: EvalArgs) -> Result<u8> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.run.taxonomy)?).build()?;
    let source = a.gold.display().to_string();
    let (gold, digests) = read_coding(&a.gold, tagger.taxonomy())?;
    let second = a.against.as_deref().map(|p| read_coding(p, tagger.taxonomy())).transpose()?;
    let p = prepare(&a.run.input)?;
    // Which input each coded document is: the same path, else the only input of that file name.
    let inputs: Vec<String> = p.inputs.iter().map(|i| tidy(&i.display())).collect();
    let mut by_name: HashMap<&str, Vec<&str>> = HashMap::new();
    for i in &inputs {
        by_name.entry(file_name(i)).or_default().push(i);
    }
    let input_of = |g: &GoldUnit| -> Option<String> {
        let path = tidy(&g.path);
        if inputs.contains(&path) {
            return Some(path);
        }
        match by_name.get(file_name(&path)).map(Vec::as_slice) {
            Some([one]) => Some(one.to_string()),
            _ => None,
        }
    };
    let (units_of, mut unmatched) = by_input(&gold, false, &input_of);
    let (units_of_second, unmatched_second) =
        second.as_ref().map(|(g, _)| by_input(g, true, &input_of)).unwrap_or_default();
    unmatched.extend(unmatched_second);
    let mut results = Vec::new();
    let code = p.each_text(
        |_, text, doc| {
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let bom = text.len() - body.len();
            (tagger.tag_document(&doc), crate::refi::text_digest(&crate::refi::xml_safe(body)), bom)
        },
        |path, (findings, digest, bom)| {
            let path = tidy(path);
            let found = |units: Option<&Vec<&GoldUnit>>, digests: Option<&Digests>| match units {
                Some(units) => {
                    let units = placed(units, digests, &digest, bom);
                    align_document(&tagger, &findings, &units.iter().collect::<Vec<_>>())
                }
                None => (Vec::new(), Vec::new()),
            };
            let (first, missing) = found(units_of.get(&path), digests.as_ref());
            unmatched.extend(missing);
            match &second {
                None => results.extend(first),
                Some((_, second_digests)) => {
                    let (other, missing) = found(units_of_second.get(&path), second_digests.as_ref());
                    unmatched.extend(missing.into_iter().map(|u| Unmatched { second: true, ..u }));
                    let paired = pair_codings(first, other);
                    results.extend(paired.units);
                    unmatched.extend(paired.first_only.into_iter().map(|u| lone(u, false)));
                    unmatched.extend(paired.second_only.into_iter().map(|u| lone(u, true)));
                }
            }
            Ok(())
        },
    )?;
    let evaluation = Evaluation::new(results, unmatched, tagger.taxonomy());
    let second_source = a.against.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    report_unmatched(&evaluation.unmatched, &source, &second_source);
    let (mut sink, format, style) = open_output(&a.run.out)?;
    let codings = render::eval::Codings { first: Path::new(&source), second: a.against.as_deref() };
    render::eval::write(&mut sink, &evaluation, codings, a.units, format, style)?;
    sink.finish()?;
    Ok(if evaluation.unmatched.is_empty() { code } else { INPUT_FAILED })
}
