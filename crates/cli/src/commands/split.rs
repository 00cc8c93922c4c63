//! `letters split`.

use anyhow::Result;

use super::{open_output, prepare};
use crate::args::{Format, SplitArgs};
use crate::render;

pub fn run(args: SplitArgs) -> Result<u8> {
    let p = prepare(&args.input)?;
    let (mut sink, format, _) = open_output(&args.out)?;
    let style = render::Style::new(sink.is_terminal() && matches!(format, Format::Table | Format::Md));
    let mut w = render::split::SplitWriter::start(format, style, &mut sink)?;
    let code = p.each_document(|_, doc| doc, |path, doc| w.document(&mut sink, path, &doc))?;
    w.finish(&mut sink)?;
    sink.finish()?;
    Ok(code)
}
