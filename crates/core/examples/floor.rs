//! The floors under `letters compare`: one stage of its work alone, over a folder of letters,
//! on as many threads as `letters` uses (one per core), as a whole process to time beside
//! `letters compare` and `rg` (see BENCHMARKS.md).
//!
//! ```text
//! cargo run --release -p letters-core --features stages --example floor -- read|parse|scan|parse+scan DIR
//! ```
//!
//! * `read`: the files read into memory and decoded, nothing else;
//! * `parse`: each letter read and parsed into a `Document` (furniture, unwrapping, blocks,
//!   sections, sentences, metadata), nothing tagged;
//! * `scan`: each letter read and its whole text run through the tagger's phrase automata and
//!   patterns once (what tagging cannot do without), nothing parsed, selected or judged;
//! * `parse+scan`: both, still no selection, polarity, evidence or comparison.
//!
//! Prints the number of files and a count that depends on all the work (so none of it is
//! optimised away).
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use letters_core::{Document, Tagger, stages};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    out.sort();
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, dir] = args.as_slice() else {
        eprintln!("usage: floor read|parse|scan|parse+scan DIR");
        std::process::exit(2);
    };
    let (parse, scan) = match mode.as_str() {
        "read" => (false, false),
        "parse" => (true, false),
        "scan" => (false, true),
        "parse+scan" => (true, true),
        _ => {
            eprintln!("unknown stage {mode:?}: read, parse, scan or parse+scan");
            std::process::exit(2);
        }
    };
    let files = files(Path::new(dir));
    let tagger = scan.then(Tagger::new);
    let next = AtomicUsize::new(0);
    let total = AtomicUsize::new(0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                let mut count = 0;
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(i) else { break };
                    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    let text = letters_core::read::decode(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                    count += text.len();
                    if parse {
                        let doc = Document::parse(text);
                        count += doc.sections.iter().map(|s| s.blocks.len()).sum::<usize>();
                    }
                    if let Some(t) = &tagger {
                        count += stages::scan(t, text);
                    }
                }
                total.fetch_add(count, Ordering::Relaxed);
            });
        }
    });
    println!("{} files, count {}", files.len(), total.load(Ordering::Relaxed));
}
