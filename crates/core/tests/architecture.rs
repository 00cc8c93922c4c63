//! The house's rule, checked on the sources: the core's folders are the stages of the pipeline,
//! and a stage imports only from the stages before it (ARCHITECTURE.md). A `use crate::…` or
//! `crate::…` path in a file names the stage it reaches into; `super::…` paths inside a stage
//! may not go round in a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stages in pipeline order; a module may use its own stage and those before it. Modules
/// of the same rank do not use each other.
const STAGES: &[(&str, u8)] = &[
    ("error", 0),
    ("text", 0),
    ("read", 1),
    ("structure", 2),
    ("meta", 3),
    ("document", 4),
    ("tag", 5),
    ("compare", 6),
    ("check", 6),
    ("eval", 6),
    ("analysis", 7),
    ("stages", 8),
    ("lib", 9),
];

fn rank(stage: &str) -> u8 {
    STAGES.iter().find(|(s, _)| *s == stage).unwrap_or_else(|| panic!("stage '{stage}' is not in STAGES")).1
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The source of a file without its `#[cfg(test)] mod tests` (tests may reach anywhere).
fn code(path: &Path) -> String {
    let s = std::fs::read_to_string(path).unwrap();
    match s.find("#[cfg(test)]\nmod tests") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Module paths named after `prefix` (`crate::`, `super::`) in code (comments left out): each
/// path as written, and each path of a group (`crate::{meta, read}`).
fn paths_after<'a>(code: &'a str, prefix: &str) -> Vec<&'a str> {
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == ':';
    let mut out = Vec::new();
    for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
        for (i, _) in line.match_indices(prefix).filter(|(i, _)| !line[..*i].ends_with(word)) {
            let rest = &line[i + prefix.len()..];
            if let Some(group) = rest.strip_prefix('{') {
                let group = &group[..group.find('}').unwrap_or(group.len())];
                out.extend(group.split(',').map(str::trim).filter(|p| !p.is_empty()));
            } else {
                out.push(&rest[..rest.find(|c: char| !word(c)).unwrap_or(rest.len())]);
            }
        }
    }
    out
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The stage of a file: its folder under `src/`, or its own name.
fn stage_of(rel: &Path) -> String {
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

#[test]
fn stages_import_only_earlier_stages() {
    let root = src_dir();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut wrong = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let stage = stage_of(rel);
        let code = code(f);
        for path in paths_after(&code, "crate::") {
            let target = path.split("::").next().unwrap();
            // Items the root re-exports are reached through their stage's own path here.
            if target.chars().next().is_some_and(char::is_uppercase) {
                wrong.push(format!("{}: crate::{path} (name the stage, not the root re-export)", rel.display()));
                continue;
            }
            if target != stage && rank(target) >= rank(&stage) {
                wrong.push(format!("{} ({stage}) uses crate::{path}", rel.display()));
            }
        }
    }
    assert!(files.len() > 30, "only {} source files found", files.len());
    assert!(wrong.is_empty(), "imports against the pipeline:\n{}", wrong.join("\n"));
}

#[test]
fn no_circles_inside_a_stage() {
    let root = src_dir();
    let mut files = Vec::new();
    sources(&root, &mut files);
    // Edges between files of one stage folder, from `super::name` paths.
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let Some(dir) = rel.parent().filter(|d| !d.as_os_str().is_empty()) else { continue };
        let me = rel.display().to_string();
        let code = code(f);
        for path in paths_after(&code, "super::") {
            let name = path.split("::").next().unwrap();
            let target = dir.join(format!("{name}.rs"));
            if root.join(&target).is_file() {
                edges.entry(me.clone()).or_default().insert(target.display().to_string());
            }
        }
    }
    // Depth-first search for a back edge.
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(1) => {
                let from = stack.iter().position(|s| s == n).unwrap();
                return Some(stack[from..].to_vec());
            }
            Some(2) => return None,
            _ => {}
        }
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for m in edges.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, edges, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    assert!(edges.values().map(BTreeSet::len).sum::<usize>() > 10, "too few edges read: {edges:?}");
    for n in edges.keys() {
        let circle = visit(n, &edges, &mut state, &mut Vec::new());
        assert!(circle.is_none(), "files that import each other in a circle: {circle:?}");
    }
}
