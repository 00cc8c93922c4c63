//! Reading and parsing many inputs in parallel, delivering results in input order.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::{Input, io_reason};

/// How many inputs are in flight at once: enough to keep every worker busy, few enough that
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

/// Runs `work` on every input on `pool`, and hands each result to `emit` in input order.
/// Failures are reported to `report` (in order) and returned.
pub fn run<T, W, E>(
    inputs: &[Input],
    pool: &rayon::ThreadPool,
    show_progress: bool,
    work: W,
    mut emit: E,
    mut report: impl FnMut(&Failure),
) -> anyhow::Result<Vec<Failure>>
where
    T: Send,
    W: Fn(&Input, Vec<u8>) -> Result<T, String> + Sync,
    E: FnMut(&Input, T) -> anyhow::Result<()>,
{
    let bar = progress_bar(inputs.len(), show_progress);
    let mut failures = Vec::new();
    for chunk in inputs.chunks(CHUNK) {
        let results: Vec<Result<T, String>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|input| {
                    let r = match input.read() {
                        Ok(bytes) => work(input, bytes),
                        Err(e) => Err(io_reason(&e)),
                    };
                    bar.inc(1);
                    r
                })
                .collect()
        });
        for (input, r) in chunk.iter().zip(results) {
            match r {
                Ok(v) => emit(input, v)?,
                Err(reason) => {
                    let f = Failure { path: input.display(), reason };
                    bar.suspend(|| report(&f));
                    failures.push(f);
                }
            }
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
    if let Ok(style) = ProgressStyle::with_template("{spinner} {pos}/{len} letters [{bar:30}] {per_sec} eta {eta}") {
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
