//! Parsing never panics, and every span slices the input on char boundaries and nests.
#![no_main]

use libfuzzer_sys::fuzz_target;
use letters_core::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = letters_core::read::read_text(data) else { return };
    let doc = Document::parse(&text);
    for s in &doc.sections {
        assert!(text.get(s.span.range()).is_some());
        for b in &s.blocks {
            assert!(text.get(b.span.range()).is_some());
            assert!(s.span.contains(b.span));
            for st in &b.sentences {
                assert!(text.get(st.span.range()).is_some());
                assert!(b.span.contains(st.span));
            }
        }
    }
});
