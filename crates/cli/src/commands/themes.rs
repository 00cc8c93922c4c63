//! `letters themes`.

use std::io::Write;

use anyhow::Result;
use letters_core::TaggerBuilder;

use super::{load_taxonomy, read_taxonomy};
use crate::args::{Format, ThemesArgs};
use crate::output::Sink;
use crate::{INPUT_FAILED, OK, render};

pub fn run(a: ThemesArgs) -> Result<u8> {
    let mut sink = Sink::open(a.output.as_deref())?;
    let format = a.format.unwrap_or(if sink.is_terminal() { Format::Table } else { Format::Jsonl });
    let style = render::Style::new(sink.is_terminal() && format == Format::Table);
    let Some(path) = &a.check else {
        let taxonomy = load_taxonomy(&a.taxonomy)?;
        if format == Format::Qdc {
            sink.write_all(&crate::refi::write::codebook_xml(&taxonomy)?)?;
            sink.finish()?;
            return Ok(OK);
        }
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
