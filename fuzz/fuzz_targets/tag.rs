//! Tagging never panics, and every evidence span lies inside its finding on char boundaries.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use letters_core::{Document, Tagger};

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = letters_core::read::read_text(data) else { return };
    let doc = Document::parse(&text);
    for f in TAGGER.tag_document(&doc) {
        assert!(text.get(f.span.range()).is_some());
        for e in &f.evidence {
            assert!(text.get(e.span.range()).is_some());
            assert!(f.span.contains(e.span));
        }
    }
    let _ = TAGGER.tag(&text);
});
