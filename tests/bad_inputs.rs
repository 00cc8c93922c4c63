//! The bad-input catalogue: each bad input is named with its cause, the good files of the same
//! batch are still in the output, exit code 1 (2 for usage and taxonomy errors), never a panic.

#[path = "../crates/core/tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use common::*;

fn letters() -> Command {
    Command::cargo_bin("letters").unwrap()
}

/// A folder with the two seed letters and the given bad files.
fn batch(bad: &[(&str, Vec<u8>)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in [LEICESTERSHIRE, OXFORDSHIRE] {
        std::fs::copy(corpus_dir().join(name), dir.path().join(name)).unwrap();
    }
    for (name, bytes) in bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    dir
}

/// Runs `split` on the folder: (exit code, stderr lines, areas of the documents output).
fn run_split(dir: &Path) -> (i32, Vec<String>, Vec<String>) {
    let out = letters().args(["split", "--format", "jsonl"]).arg(dir).output().unwrap();
    let stderr: Vec<String> = String::from_utf8_lossy(&out.stderr).lines().map(String::from).collect();
    assert!(!stderr.iter().any(|l| l.contains("panicked")), "{stderr:?}");
    let areas = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["meta"]["area"].as_str().unwrap_or("-").to_string()
        })
        .collect();
    (out.status.code().unwrap(), stderr, areas)
}

#[test]
fn unreadable_contents_are_named_with_their_cause() {
    let mut utf16 = vec![0xFF, 0xFE];
    for c in "Dear partnership".encode_utf16() {
        utf16.extend(c.to_le_bytes());
    }
    let cases: Vec<(&str, Vec<u8>, String)> = vec![
        ("empty.txt", vec![], "empty file".into()),
        ("blank.txt", b" \n\t\r\n\x0c  \n".to_vec(), "file holds only whitespace".into()),
        ("nul.txt", b"Dear all\0\0".to_vec(), "not a text file (NUL byte at byte offset 8)".into()),
        ("latin1.txt", b"Dear all, caf\xe9".to_vec(), "invalid UTF-8 at byte offset 13".into()),
        ("utf16.txt", utf16, "UTF-16 text (little-endian byte-order mark); convert it to UTF-8".into()),
    ];
    for (name, bytes, reason) in cases {
        let dir = batch(&[(name, bytes)]);
        let (code, stderr, areas) = run_split(dir.path());
        assert_eq!(code, 1, "{name}");
        assert_eq!(stderr, [format!("letters: {}: {reason}", dir.path().join(name).display())], "{name}");
        assert_eq!(areas, ["Leicestershire", "Oxfordshire"], "{name}");
    }
}

#[test]
fn huge_and_repetitive_inputs_are_read() {
    // One sentence of 10 MB, with a cue that is two kinds at once ("cleared": positive, and a
    // negator) after a negator: polarity must stay linear in the sentence's length.
    let long_line = "Information sharing is not consistently timely but MAPPA meetings are effective, never cleared "
        .repeat(126_000);
    assert!(long_line.len() > 10_000_000);
    let bullets: String =
        "What needs to improve?\n\n".to_string() + &(0..50_000).map(|i| format!("- Item {i}.\n")).collect::<String>();
    let headings = "Strengths\n\n".repeat(10_000);
    let dir = batch(&[
        ("a-long-line.txt", long_line.into_bytes()),
        ("b-bullets.txt", bullets.into_bytes()),
        ("c-headings.txt", headings.into_bytes()),
    ]);
    let out = letters().args(["split", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 5);
    let items = docs[1]["sections"][0]["blocks"].as_array().unwrap();
    assert_eq!(items.len(), 50_000);
    assert_eq!(items[49_999]["text"], "Item 49999.");
    // Consecutive repeats of a heading with nothing between them are one section.
    assert_eq!(docs[2]["sections"].as_array().unwrap().len(), 1);
    assert_eq!(docs[2]["sections"][0]["kind"], "strengths");
    // Tagging and comparing them works too.
    letters().args(["compare", "--format", "json"]).arg(dir.path()).assert().code(0);
}

#[cfg(unix)]
#[test]
fn odd_paths_are_named_and_the_rest_processed() {
    use std::os::unix::ffi::OsStrExt;
    let dir = batch(&[]);
    // A directory that looks like an input, a dangling symlink (a file gone before it is
    // read), a symlink loop, and a file whose name is not UTF-8 (read, shown lossily).
    std::fs::create_dir(dir.path().join("folder.txt")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt")).unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap();
    let odd: PathBuf = dir.path().join(std::ffi::OsStr::from_bytes(b"odd-\xff.txt"));
    std::fs::copy(corpus_dir().join(OXFORDSHIRE), &odd).unwrap();
    let (code, stderr, areas) = run_split(dir.path());
    assert_eq!(code, 1);
    let p = |n: &str| dir.path().join(n).display().to_string();
    assert!(stderr.contains(&format!("letters: {}: no such file or directory", p("dangling.txt"))), "{stderr:?}");
    assert!(stderr.contains(&format!("letters: {}: is a directory", p("folder.txt"))), "{stderr:?}");
    assert!(stderr.iter().any(|l| l.contains("sub/loop") && l.ends_with("symbolic link loop")), "{stderr:?}");
    assert_eq!(stderr.len(), 3, "{stderr:?}");
    assert_eq!(areas, ["Leicestershire", "Oxfordshire", "Oxfordshire"]);
}

#[test]
fn bad_taxonomies_are_usage_errors_naming_file_line_and_entry() {
    let cases: &[(&str, &str)] = &[
        ("[[theme]\nid = \"a\"\n", ": line 1: "),
        (
            "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n[[theme]]\nid = \"a\"\nlabel = \"B\"\nphrases = [\"y\"]\n",
            ": line 6: theme 'a': duplicate theme id 'a'",
        ),
        ("[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"\"]\n", ": line 2: theme 'a': empty phrase"),
        (
            "[[theme]]\nid = \"a\"\nlabel = \"A\"\npatterns = [\"[z-a]\"]\n",
            ": line 2: theme 'a': invalid pattern '[z-a]'",
        ),
        (
            "[[theme]]\nid = \"a\"\nlabel = \"A\"\npatterns = [\"(\\\\w{500}){500}\"]\n",
            ": line 2: theme 'a': pattern '(\\w{500}){500}' is too large (size limit exceeded)",
        ),
        ("[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\nweight = 2\n", ": line 5: unknown field `weight`"),
        (
            "[[agency]]\nid = \"a b\"\nlabel = \"A\"\nphrases = [\"x\"]\n",
            ": line 2: agency 'a b': the id must be a non-empty word",
        ),
    ];
    for (toml, want) in cases {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("themes.toml");
        std::fs::write(&file, toml).unwrap();
        for args in [vec!["compare", "--taxonomy"], vec!["tag", "--extend"], vec!["themes", "--check"]] {
            let mut cmd = letters();
            cmd.args(&args).arg(&file);
            if args[0] != "themes" {
                cmd.arg(corpus_dir());
            }
            let out = cmd.output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?} {toml:?}: {stderr}");
            let prefix = format!("letters: {}{want}", file.display());
            assert!(stderr.starts_with(&prefix), "{args:?}: {stderr:?} does not start with {prefix:?}");
            assert!(out.stdout.is_empty());
        }
    }
    let missing = letters().args(["tag", "--taxonomy", "/nonexistent/themes.toml"]).arg(corpus_dir()).output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).starts_with("letters: /nonexistent/themes.toml: cannot read"));
}

#[test]
fn a_killed_run_leaves_the_previous_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    for i in 0..300 {
        std::fs::copy(corpus_dir().join(LEICESTERSHIRE), inputs.join(format!("{i:03}.txt"))).unwrap();
    }
    let dest = dir.path().join("out.jsonl");
    std::fs::write(&dest, "the previous output\n").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("letters"))
        .args(["tag", "--format", "jsonl", "-o"])
        .arg(&dest)
        .arg(&inputs)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "the previous output\n");
}
