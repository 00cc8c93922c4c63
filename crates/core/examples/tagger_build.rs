//! Times building the tagger (development aid).
#![allow(clippy::print_stdout)]
fn main() {
    let t = std::time::Instant::now();
    let tax = letters_core::Taxonomy::builtin();
    let t1 = t.elapsed();
    let tagger = letters_core::TaggerBuilder::new().taxonomy(tax).build().unwrap();
    let t2 = t.elapsed();
    let tags = tagger.tag("Information-sharing between police and children's social care is not consistently timely.");
    println!("parse {t1:?} build {t2:?} {:?} {:?}", tags.themes, tags.polarity);
}
