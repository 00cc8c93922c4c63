//! Comparing documents never panics, and lists the same documents whether their lists wait on
//! disk or in memory: the input is split into documents on form-feed lines.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use letters_core::{CompareBuilder, Document, GroupBy, Tagger};

static TAGGER: LazyLock<Tagger> = LazyLock::new(Tagger::new);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for group_by in [GroupBy::Area, GroupBy::Year] {
        let mut b = CompareBuilder::new();
        b.group_by(group_by).evidence_per_cell(2);
        let mut c = b.build(TAGGER.taxonomy());
        let mut on_disk = b.documents_on_disk(true).build(TAGGER.taxonomy());
        for (i, part) in text.split("\x0c\n").enumerate() {
            let doc = Document::parse(part);
            let findings = TAGGER.tag_document(&doc);
            c.add(&format!("{i}.txt"), &doc, &findings);
            on_disk.add(&format!("{i}.txt"), &doc, &findings);
        }
        let result = c.finish();
        assert_eq!(on_disk.finish(), result);
        for s in &result.similarity {
            assert!((0.0..=1.0).contains(&s.cosine), "cosine {}", s.cosine);
        }
    }
});
