//! Loading a taxonomy file never panics: it is read or rejected with an error; one that is read
//! builds a tagger (or is rejected) and tags a sentence.
#![no_main]

use libfuzzer_sys::fuzz_target;
use letters_core::{Taxonomy, TaggerBuilder};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(tax) = Taxonomy::from_toml(text, "fuzz.toml") else { return };
    if let Ok(tagger) = TaggerBuilder::new().taxonomy(tax).build() {
        let _ = tagger.tag("Information-sharing is not consistently timely, but MAPPA meetings are effective.");
        let _ = tagger.check_examples();
    }
});
