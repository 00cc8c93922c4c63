//! `letters check` and `letters coverage`.

use anyhow::Result;
use letters_core::{Document, TaggerBuilder};

use super::{load_taxonomy, open_output};
use crate::args::CheckArgs;
use crate::{INPUT_FAILED, OK, inputs, render};

/// Reads one document for `check` and `coverage`: a failure here is an error (exit 2).
pub fn read_document(path: &std::path::Path) -> Result<Document> {
    let bytes = std::fs::read(path).map_err(|e| anyhow::anyhow!("{}: {}", path.display(), inputs::io_reason(&e)))?;
    Document::from_bytes(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

pub fn run(a: CheckArgs, coverage: bool) -> Result<u8> {
    let taxonomy = load_taxonomy(&a.taxonomy)?;
    let tagger = TaggerBuilder::new().taxonomy(taxonomy).build()?;
    let doc = read_document(&a.document)?;
    let letter = read_document(&a.against)?;
    let checker = letters_core::CheckBuilder::new().build(&tagger);
    let (mut sink, format, style) = open_output(&a.out)?;
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
