//! Development survey: parse letters and print, for each, its kind, area, date, sections and
//! list item counts — for checking the parser against real letters outside the project.
//!
//! ```text
//! cargo run -p letters-core --example survey -- ../shared/letters/*.txt
//! cargo run -p letters-core --example survey -- --verbose FILE   # also every block
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr)]

use letters_core::{BlockKind, Document};

fn main() {
    let mut verbose = false;
    let mut paths = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            _ => paths.push(arg),
        }
    }
    for path in paths {
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let doc = match Document::from_bytes(&bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let m = &doc.meta;
        let name = path.rsplit('/').next().unwrap_or(&path);
        println!("== {name}");
        println!(
            "   kind={} area={:?} date={} inspection={}..{} inspectorates={:?}",
            doc.kind.as_str(),
            m.area.as_deref().unwrap_or("-"),
            m.date.map_or("-".into(), |d| d.to_string()),
            m.inspection.start.map_or("-".into(), |d| d.to_string()),
            m.inspection.end.map_or("-".into(), |d| d.to_string()),
            m.inspectorates.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        );
        println!("   title={:?} topic={:?}", m.title.as_deref().unwrap_or("-"), m.topic.as_deref().unwrap_or("-"));
        println!(
            "   addressees={} signatories={} deadline={} principal={:?}",
            m.addressees.len(),
            m.signatories.len(),
            m.deadline.map_or("-".into(), |d| d.to_string()),
            m.principal_authority.as_deref().unwrap_or("-")
        );
        if verbose {
            for p in &m.addressees {
                println!("     to: {} | {}", p.name, p.role.as_deref().unwrap_or("-"));
            }
            for p in &m.signatories {
                println!("     by: {} | {}", p.name, p.role.as_deref().unwrap_or("-"));
            }
        }
        for s in &doc.sections {
            let items = s.blocks.iter().filter(|b| b.kind == BlockKind::Item).count();
            let paras = s.blocks.len() - items;
            println!(
                "   {:<28} items={:<3} paras={:<3} {:?}",
                s.kind.as_str(),
                items,
                paras,
                s.heading.as_deref().unwrap_or("").chars().take(60).collect::<String>()
            );
            if verbose {
                for b in &s.blocks {
                    let tag = if b.kind == BlockKind::Item { "I" } else { "P" };
                    let text: String = b.text.chars().take(110).collect();
                    println!("      {tag} [{}s] {text}", b.sentences.len());
                }
            }
        }
        for w in &doc.warnings {
            println!("   warning {}: {}", w.code, w.message);
        }
    }
}
