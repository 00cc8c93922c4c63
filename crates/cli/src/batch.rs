//! Reading and parsing many inputs in parallel, delivering results in input order.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::{Input, io_reason};

/// How many documents are in flight at once: enough to keep every worker busy, few enough that
/// memory does not grow with the batch.
const CHUNK: usize = 256;

/// A failed input: its path and why.
#[derive(Debug, Clone)]
pub struct Failure {
    pub path: String,
    pub reason: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.reason)
    }
}

/// How inputs become documents.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Show a progress bar (on a terminal, for large batches).
    pub progress: bool,
    /// A line holding only a form feed separates documents within a file ("path#N").
    pub split_docs: bool,
}

/// One document to work on: its display path and its bytes.
struct Job<'a> {
    path: String,
    bytes: Result<std::borrow::Cow<'a, [u8]>, String>,
}

/// The byte ranges of the documents of a concatenated file: split at lines holding only a form
/// feed.
fn parts(bytes: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line = 0;
    for i in memchr_iter(bytes) {
        let l = &bytes[line..i];
        let l = l.strip_suffix(b"\r").unwrap_or(l);
        if l == b"\x0c" {
            out.push((start, line));
            start = i + 1;
        }
        line = i + 1;
    }
    out.push((start, bytes.len()));
    out.retain(|&(a, b)| bytes[a..b].iter().any(|c| !c.is_ascii_whitespace()));
    out
}

fn memchr_iter(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i)
}

/// Runs `work` on every document on `pool`, and hands each result to `emit` in input order.
/// Failures are reported to `report` (in order) and returned.
pub fn run<T, W, E>(
    inputs: &[Input],
    pool: &rayon::ThreadPool,
    opts: Options,
    work: W,
    mut emit: E,
    mut report: impl FnMut(&Failure),
) -> anyhow::Result<Vec<Failure>>
where
    T: Send,
    W: Fn(&str, &[u8]) -> Result<T, String> + Sync,
    E: FnMut(&str, T) -> anyhow::Result<()>,
{
    let bar = progress_bar(inputs.len(), opts.progress);
    let mut failures = Vec::new();
    let mut process = |jobs: Vec<Job<'_>>, failures: &mut Vec<Failure>| -> anyhow::Result<()> {
        let results: Vec<Result<T, String>> = pool.install(|| {
            jobs.par_iter()
                .map(|job| match &job.bytes {
                    Ok(bytes) => work(&job.path, bytes),
                    Err(e) => Err(e.clone()),
                })
                .collect()
        });
        for (job, r) in jobs.iter().zip(results) {
            match r {
                Ok(v) => emit(&job.path, v)?,
                Err(reason) => {
                    let f = Failure { path: job.path.clone(), reason };
                    bar.suspend(|| report(&f));
                    failures.push(f);
                }
            }
        }
        Ok(())
    };
    for chunk in inputs.chunks(CHUNK) {
        if !opts.split_docs {
            // Read in parallel too: each job reads its own file.
            let jobs: Vec<(String, Result<Vec<u8>, String>)> =
                pool.install(|| chunk.par_iter().map(|i| (i.display(), i.read().map_err(|e| io_reason(&e)))).collect());
            let jobs = jobs.into_iter().map(|(path, b)| Job { path, bytes: b.map(std::borrow::Cow::Owned) }).collect();
            process(jobs, &mut failures)?;
            bar.inc(chunk.len() as u64);
            continue;
        }
        for input in chunk {
            let path = input.display();
            let bytes = match input.read() {
                Ok(b) => b,
                Err(e) => {
                    process(vec![Job { path, bytes: Err(io_reason(&e)) }], &mut failures)?;
                    continue;
                }
            };
            // A PDF is one document whatever bytes its streams hold.
            let ranges = if letters_core::is_pdf(&bytes) { vec![(0, bytes.len())] } else { parts(&bytes) };
            let many = ranges.len() > 1;
            for (k, group) in ranges.chunks(CHUNK).enumerate() {
                let jobs = group
                    .iter()
                    .enumerate()
                    .map(|(j, &(a, b))| Job {
                        path: if many { format!("{path}#{}", k * CHUNK + j + 1) } else { path.clone() },
                        bytes: Ok(std::borrow::Cow::Borrowed(&bytes[a..b])),
                    })
                    .collect();
                process(jobs, &mut failures)?;
            }
            if ranges.is_empty() {
                process(vec![Job { path, bytes: Ok(std::borrow::Cow::Borrowed(&bytes[..])) }], &mut failures)?;
            }
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
    Ok(failures)
}

fn progress_bar(len: usize, show: bool) -> ProgressBar {
    if !show || len < 50 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} files [{bar:30}] {per_sec} eta {eta}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// A thread pool with `jobs` workers (all cores when `None`).
pub fn pool(jobs: Option<usize>) -> anyhow::Result<rayon::ThreadPool> {
    let mut b = rayon::ThreadPoolBuilder::new();
    if let Some(n) = jobs {
        anyhow::ensure!(n > 0, "--jobs must be at least 1");
        b = b.num_threads(n);
    }
    Ok(b.build()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feed_lines_split_documents() {
        let text = b"one\npage\x0cstill one\n\x0c\ntwo\r\n\x0c\r\n\n\x0c\nthree";
        let got: Vec<&[u8]> = parts(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, [&b"one\npage\x0cstill one\n"[..], b"two\r\n", b"three"]);
        assert_eq!(parts(b"  \n"), []);
    }
}
