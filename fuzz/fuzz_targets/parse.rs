//! Parsing never panics, and every span slices the input on char boundaries and nests.
#![no_main]

use libfuzzer_sys::fuzz_target;
use letters_core::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes(data) else { return };
    let text = std::str::from_utf8(data).unwrap();
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
