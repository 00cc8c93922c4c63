//! Finding the input files: paths, folders walked recursively, standard input.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// One input to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// Standard input (`-`).
    Stdin,
    /// A file on disk.
    File(PathBuf),
}

impl Input {
    /// The path as shown in output and messages.
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "-".to_string(),
            Input::File(p) => p.display().to_string(),
        }
    }

    /// Opens the input for streaming.
    pub fn open(&self) -> std::io::Result<Box<dyn std::io::BufRead>> {
        match self {
            Input::Stdin => Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, std::io::stdin()))),
            Input::File(p) => {
                if p.is_dir() {
                    return Err(std::io::Error::other("is a directory"));
                }
                Ok(Box::new(std::io::BufReader::with_capacity(1 << 20, std::fs::File::open(p)?)))
            }
        }
    }

    /// Reads the whole input.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut buf = Vec::new();
                std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut buf)?;
                Ok(buf)
            }
            Input::File(p) => {
                if p.is_dir() {
                    return Err(std::io::Error::other("is a directory"));
                }
                std::fs::read(p)
            }
        }
    }
}

/// A path that could not be listed (a missing file, an unreadable folder, a symlink loop).
#[derive(Debug)]
pub struct ListError {
    pub path: String,
    pub reason: String,
}

/// Builds the glob matcher for file names inside folders.
pub fn matcher(globs: &[String]) -> Result<GlobSet> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(GlobBuilder::new(g).case_insensitive(true).build().with_context(|| format!("invalid --glob '{g}'"))?);
    }
    Ok(b.build()?)
}

/// Expands `paths` into inputs: files as given, folders walked recursively for names matching
/// `globs`, in a deterministic order (files as given first; each folder's files sorted by path).
pub fn collect(paths: &[PathBuf], globs: &GlobSet) -> (Vec<Input>, Vec<ListError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, globs, &mut inputs, &mut errors),
            Ok(_) => inputs.push(Input::File(path.clone())),
            Err(e) => errors.push(ListError { path: path.display().to_string(), reason: io_reason(&e) }),
        }
    }
    (inputs, errors)
}

fn walk(dir: &Path, globs: &GlobSet, inputs: &mut Vec<Input>, errors: &mut Vec<ListError>) {
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(e) => {
                if e.file_type().is_file() && globs.is_match(Path::new(e.file_name())) {
                    found.push(e.into_path());
                } else if e.file_type().is_dir() && e.depth() > 0 && globs.is_match(Path::new(e.file_name())) {
                    // A folder named like an input ("x.txt"): say so rather than skip it silently.
                    errors.push(ListError { path: e.path().display().to_string(), reason: "is a directory".into() });
                }
            }
            Err(e) => {
                let path = e.path().map_or_else(|| dir.display().to_string(), |p| p.display().to_string());
                let reason = if e.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else if let Some(io) = e.io_error() {
                    io_reason(io)
                } else {
                    e.to_string()
                };
                errors.push(ListError { path, reason });
            }
        }
    }
    found.sort();
    inputs.extend(found.into_iter().map(Input::File));
}

/// A short reason for an I/O error, without the "(os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file or directory".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a directory".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
