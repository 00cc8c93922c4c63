//! Throughput of each stage on the shipped corpus: `cargo bench --bench stages`; on a synthetic
//! corpus: `LETTERS_BENCH_CORPUS=DIR cargo bench --bench stages` (see BENCHMARKS.md).
//!
//! Reported in bytes per second of input (divan's `bytes` counter). The synthetic-corpus
//! numbers and the comparison with other tools are in BENCHMARKS.md.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use letters_core::{CompareBuilder, Document, Tagger, stages};

#[path = "../crates/core/tests/common/pdf.rs"]
mod pdf;

fn main() {
    divan::main();
}

/// The letters to measure: the shipped corpus, or the folder named by `LETTERS_BENCH_CORPUS`
/// (a synthetic corpus from the `gen-corpus` example).
fn corpus() -> Vec<String> {
    let dir = std::env::var_os("LETTERS_BENCH_CORPUS")
        .map_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"), std::path::PathBuf::from);
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

#[divan::bench]
fn read_and_clean(b: Bencher) {
    let texts = corpus();
    b.counter(bytes(&texts)).bench(|| {
        for t in &texts {
            black_box(letters_core::read::decode(t.as_bytes()).unwrap());
            black_box(stages::blocks(t));
        }
    });
}

#[divan::bench]
fn sections(b: Bencher) {
    let texts = corpus();
    b.counter(bytes(&texts)).bench(|| {
        for t in &texts {
            black_box(stages::sections(t));
        }
    });
}

#[divan::bench]
fn parse_whole(b: Bencher) {
    let texts = corpus();
    b.counter(bytes(&texts)).bench(|| {
        for t in &texts {
            black_box(Document::parse(t));
        }
    });
}

#[divan::bench]
fn sentences(b: Bencher) {
    let texts = corpus();
    let blocks: Vec<String> =
        texts.iter().flat_map(|t| Document::parse(t).sections).flat_map(|s| s.blocks).map(|b| b.text).collect();
    b.counter(BytesCount::new(blocks.iter().map(String::len).sum::<usize>())).bench(|| {
        for t in &blocks {
            black_box(stages::sentences(t));
        }
    });
}

#[divan::bench]
fn tag(b: Bencher) {
    let texts = corpus();
    let docs: Vec<Document> = texts.iter().map(|t| Document::parse(t)).collect();
    let tagger = Tagger::new();
    b.counter(bytes(&texts)).bench(|| {
        for d in &docs {
            black_box(tagger.tag_document(d));
        }
    });
}

/// Phrase and pattern matching alone over each letter's whole text: what tagging cannot do
/// without, with no parsing, selection or polarity.
#[divan::bench]
fn scan(b: Bencher) {
    let texts = corpus();
    let tagger = Tagger::new();
    b.counter(bytes(&texts)).bench(|| {
        for t in &texts {
            black_box(stages::scan(&tagger, t));
        }
    });
}

#[divan::bench]
fn polarity(b: Bencher) {
    let texts = corpus();
    let sentences: Vec<String> = texts
        .iter()
        .flat_map(|t| Document::parse(t).sections)
        .flat_map(|s| s.blocks)
        .flat_map(|b| b.sentences)
        .map(|s| s.text)
        .collect();
    let tagger = Tagger::new();
    b.counter(BytesCount::new(sentences.iter().map(String::len).sum::<usize>())).bench(|| {
        for s in &sentences {
            black_box(tagger.polarity(s));
        }
    });
}

#[divan::bench]
fn compare(b: Bencher) {
    let texts = corpus();
    let tagger = Tagger::new();
    let tagged: Vec<(Document, Vec<letters_core::Finding>)> = texts
        .iter()
        .map(|t| {
            let d = Document::parse(t);
            let f = tagger.tag_document(&d);
            (d, f)
        })
        .collect();
    b.counter(bytes(&texts)).bench(|| {
        let mut c = CompareBuilder::new().build(tagger.taxonomy());
        for (i, (d, f)) in tagged.iter().enumerate() {
            c.add(&format!("{i}.txt"), d, f);
        }
        black_box(c.finish());
    });
}

#[divan::bench]
fn tagger_build() -> Tagger {
    Tagger::new()
}

#[divan::bench]
fn end_to_end(b: Bencher) {
    let texts = corpus();
    let tagger = Tagger::new();
    b.counter(bytes(&texts)).bench(|| {
        let mut c = CompareBuilder::new().build(tagger.taxonomy());
        for (i, t) in texts.iter().enumerate() {
            let d = Document::from_bytes(t.as_bytes()).unwrap();
            let f = tagger.tag_document(&d);
            c.add(&format!("{i}.txt"), &d, &f);
        }
        black_box(c.finish());
    });
}

/// The corpus letters laid out as multi-page PDFs (Helvetica text, a running header, page
/// numbers), as `tests/pdf.rs` makes them.
fn corpus_pdfs() -> Vec<Vec<u8>> {
    corpus().iter().map(|t| pdf::letter_pdf(t, "Ofsted   CQC   HMICFRS   HM Inspectorate of Probation")).collect()
}

/// PDF text extraction alone, in bytes of PDF per second and letters per second.
#[divan::bench]
fn pdf_extract(b: Bencher) {
    let pdfs = corpus_pdfs();
    b.counter(BytesCount::new(pdfs.iter().map(Vec::len).sum::<usize>()))
        .counter(divan::counter::ItemsCount::new(pdfs.len()))
        .bench(|| {
            for p in &pdfs {
                black_box(letters_core::read::read_text(p).unwrap());
            }
        });
}

/// A PDF to a parsed document, in bytes of PDF per second.
#[divan::bench]
fn pdf_parse_whole(b: Bencher) {
    let pdfs = corpus_pdfs();
    b.counter(BytesCount::new(pdfs.iter().map(Vec::len).sum::<usize>())).bench(|| {
        for p in &pdfs {
            black_box(Document::from_bytes(p).unwrap());
        }
    });
}
