//! `letters eval`: a person's coding read, the documents it names tagged, each coded unit found
//! among the tool's findings, and the two codings compared.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result};
use letters_core::TaggerBuilder;
use letters_core::eval::{Evaluation, GoldUnit, Unmatched, align_document, read_gold};

use super::{format_for, load_taxonomy, prepare};
use crate::args::{EvalArgs, Format};
use crate::output::Sink;
use crate::{INPUT_FAILED, render};

/// The file name of a path, for matching a coding's paths with the inputs'.
fn file_name(p: &str) -> &str {
    p.rsplit(['/', '\\']).next().unwrap_or(p)
}

/// A path as written, without a leading `./` and with `/` separators.
fn tidy(p: &str) -> String {
    p.replace('\\', "/").trim_start_matches("./").to_string()
}

pub fn run(a: EvalArgs) -> Result<u8> {
    let tagger = TaggerBuilder::new().taxonomy(load_taxonomy(&a.run.taxonomy)?).build()?;
    let source = a.gold.display().to_string();
    let text = std::fs::read_to_string(&a.gold).with_context(|| format!("{source}: cannot read the coding"))?;
    let gold = read_gold(&text, &source, tagger.taxonomy())?;
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
    let code = p.each_document(
        |_, doc| tagger.tag_document(&doc),
        |path, findings| {
            if let Some(units) = units_of.get(&tidy(path)) {
                let (found, missing) = align_document(&tagger, &findings, units);
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
    let mut sink = Sink::open(a.run.out.output.as_deref())?;
    let format = format_for(&a.run.out, &sink);
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    render::eval::write(&mut sink, &evaluation, Path::new(&source), a.units, format, style)?;
    sink.finish()?;
    Ok(if evaluation.unmatched.is_empty() { code } else { INPUT_FAILED })
}
