//! `letters eval`: a person's coding read, the documents it names tagged, each coded unit found
//! among the tool's findings, and the two codings compared.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use letters_core::TaggerBuilder;
use letters_core::eval::{Evaluation, GoldUnit, Unmatched, align_document, read_gold};

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

pub fn run(a: EvalArgs) -> Result<u8> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.run.taxonomy)?).build()?;
    let source = a.gold.display().to_string();
    let (gold, digests) = read_coding(&a.gold, tagger.taxonomy())?;
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
    let mut units_of: HashMap<String, Vec<&GoldUnit>> = HashMap::new();
    let mut unmatched = Vec::new();
    for g in &gold {
        match input_of(g) {
            Some(i) => units_of.entry(i).or_default().push(g),
            None => unmatched.push(Unmatched {
                row: g.row,
                path: g.path.clone(),
                opening: g.opening.clone(),
                reason: "its document is not among the inputs".into(),
            }),
        }
    }
    let mut results = Vec::new();
    let code = p.each_text(
        |_, text, doc| {
            // A project's text leaves out a byte-order mark: its spans start after it.
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let bom = if digests.is_some() { text.len() - body.len() } else { 0 };
            (tagger.tag_document(&doc), crate::refi::text_digest(&crate::refi::xml_safe(body)), bom)
        },
        |path, (findings, digest, bom)| {
            if let Some(units) = units_of.get(&tidy(path)) {
                // A project's spans hold only in the text they were made in: where the project's
                // text differs from what letters reads (another tool's PDF extraction), units are
                // found by their words.
                let spans_hold = |u: &GoldUnit| digests.as_ref().is_none_or(|d| d.get(&u.path) == Some(&digest));
                let units: Vec<GoldUnit> = units
                    .iter()
                    .map(|&u| {
                        let span = u
                            .span
                            .filter(|_| spans_hold(u))
                            .map(|s| letters_core::Span::new(s.start + bom, s.end + bom));
                        GoldUnit { span, ..u.clone() }
                    })
                    .collect();
                let units: Vec<&GoldUnit> = units.iter().collect();
                let (found, missing) = align_document(&tagger, &findings, &units);
                results.extend(found);
                unmatched.extend(missing);
            }
            Ok(())
        },
    )?;
    let evaluation = Evaluation::new(results, unmatched, tagger.taxonomy());
    for u in &evaluation.unmatched {
        #[allow(clippy::print_stderr)]
        {
            eprintln!("letters: {source}: row {}: {}: '{}' not found: {}", u.row, u.path, u.opening, u.reason);
        }
    }
    let (mut sink, format, style) = open_output(&a.run.out)?;
    render::eval::write(&mut sink, &evaluation, Path::new(&source), a.units, format, style)?;
    sink.finish()?;
    Ok(if evaluation.unmatched.is_empty() { code } else { INPUT_FAILED })
}
