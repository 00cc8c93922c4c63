//! Reading and parsing many inputs in parallel, delivering results in input order.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::inputs::{Input, io_reason};

/// How many documents a chunk holds: enough to keep every worker busy, few enough that memory
/// does not grow with the batch. Two chunks are in flight at once (one worked on, one being
/// delivered), and each document's summary holds its best evidence (about 45 KB).
const CHUNK: usize = 64;

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

/// The documents of a concatenated stream, split at lines holding only a form feed, handed to
/// `each` one at a time as they are read (documents holding only whitespace are skipped), so
/// memory holds one document, not the file. Returns how many documents it found; when none,
/// `whole` holds everything read (for the "empty" or "whitespace" message).
fn split_stream(
    mut r: impl std::io::BufRead,
    whole: &mut Vec<u8>,
    mut each: impl FnMut(Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<Result<usize, std::io::Error>> {
    let mut cur = Vec::new();
    let mut found = 0;
    loop {
        let start = cur.len();
        let n = match r.read_until(b'\n', &mut cur) {
            Ok(n) => n,
            Err(e) => return Ok(Err(e)),
        };
        let line = &cur[start..];
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let at_end = n == 0;
        if line == b"\x0c" || at_end {
            cur.truncate(if at_end { cur.len() } else { start });
            if cur.iter().any(|c| !c.is_ascii_whitespace()) {
                found += 1;
                each(std::mem::take(&mut cur))?;
            } else if found == 0 {
                whole.extend_from_slice(&cur);
                cur.clear();
            } else {
                cur.clear();
            }
            if at_end {
                return Ok(Ok(found));
            }
        }
    }
}

/// Runs `work` on every document on `pool`, and hands each result to `emit` in input order.
/// Failures are reported to `report` (in order) and returned. Each input's path is let go of
/// once its chunk is done, so a long listing's paths do not stay in memory to the end (the
/// listing's own vector, a few words per input, does).
pub fn run<T, W, E>(
    inputs: Vec<Input>,
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
    let mut deliver = |results: Vec<Outcome<T>>, failures: &mut Vec<Failure>| -> anyhow::Result<()> {
        for (path, r) in results {
            match r {
                Ok(v) => emit(&path, v)?,
                Err(reason) => {
                    let f = Failure { path, reason };
                    bar.suspend(|| report(&f));
                    failures.push(f);
                }
            }
        }
        Ok(())
    };
    let work = &work;
    if opts.split_docs {
        for input in inputs {
            split_input(&input, pool, work, &mut |results| deliver(results, &mut failures))?;
            bar.inc(1);
        }
    } else {
        let mut deliver_chunk = |results: Vec<Outcome<T>>| -> anyhow::Result<()> {
            let n = results.len();
            deliver(results, &mut failures)?;
            bar.inc(n as u64);
            Ok(())
        };
        std::thread::scope(|scope| -> anyhow::Result<()> {
            let mut overlap = Overlap::new(scope);
            let mut rest = inputs.into_iter();
            loop {
                let chunk: Vec<Input> = rest.by_ref().take(CHUNK).collect();
                if chunk.is_empty() {
                    break;
                }
                // Each worker reads its own file and lets go of the bytes when it is done with them.
                let job = move || {
                    pool.install(|| {
                        chunk
                            .par_iter()
                            .map(|i| {
                                let path = i.display();
                                let r = i.read().map_err(|e| io_reason(&e)).and_then(|b| work(&path, &b));
                                (path, r)
                            })
                            .collect()
                    })
                };
                overlap.push(job, &mut deliver_chunk)?;
            }
            overlap.finish(&mut deliver_chunk)
        })?;
    }
    bar.finish_and_clear();
    Ok(failures)
}

/// Chunks of work run one after another on the pool, each chunk's results delivered (in
/// order) while the next one is being worked on: the workers never wait for the output, and
/// no worker idles at the end of a chunk while another finishes it.
struct Overlap<'scope, 'env, T> {
    scope: &'scope std::thread::Scope<'scope, 'env>,
    running: Option<std::thread::ScopedJoinHandle<'scope, Vec<Outcome<T>>>>,
}

impl<'scope, 'env, T: Send + 'scope> Overlap<'scope, 'env, T> {
    fn new(scope: &'scope std::thread::Scope<'scope, 'env>) -> Self {
        Overlap { scope, running: None }
    }

    /// Starts `job`, then delivers the chunk that was running before it.
    fn push(
        &mut self,
        job: impl FnOnce() -> Vec<Outcome<T>> + Send + 'scope,
        deliver: &mut dyn FnMut(Vec<Outcome<T>>) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let next = self.scope.spawn(job);
        match self.running.replace(next) {
            Some(prev) => deliver(join(prev)),
            None => Ok(()),
        }
    }

    /// Delivers the chunk still running, if any.
    fn finish(&mut self, deliver: &mut dyn FnMut(Vec<Outcome<T>>) -> anyhow::Result<()>) -> anyhow::Result<()> {
        match self.running.take() {
            Some(prev) => deliver(join(prev)),
            None => Ok(()),
        }
    }
}

/// A chunk's results; a panic in a worker is passed on.
fn join<T>(h: std::thread::ScopedJoinHandle<'_, T>) -> T {
    h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// A document's display path and what `work` made of it (or why it failed).
type Outcome<T> = (String, Result<T, String>);

/// The per-document work: display path and bytes to a result.
type Work<'a, T> = &'a (dyn Fn(&str, &[u8]) -> Result<T, String> + Sync);

/// `--split-docs`: streams one input's documents through `work`, [`CHUNK`] at a time, named
/// `PATH#N` when the input holds more than one.
fn split_input<T: Send>(
    input: &Input,
    pool: &rayon::ThreadPool,
    work: Work<'_, T>,
    deliver: &mut dyn FnMut(Vec<Outcome<T>>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let path = input.display();
    let failed = |reason: String| vec![(path.clone(), Err(reason))];
    let mut reader = match input.open() {
        Ok(r) => r,
        Err(e) => return deliver(failed(io_reason(&e))),
    };
    // A PDF is one document whatever bytes its streams hold.
    match reader.fill_buf() {
        Ok(head) if letters_core::read::is_pdf(head) => {
            let mut bytes = Vec::new();
            let r = std::io::Read::read_to_end(&mut reader, &mut bytes).map_err(|e| io_reason(&e));
            return deliver(vec![(path.clone(), r.and_then(|_| work(&path, &bytes)))]);
        }
        Ok(_) => {}
        Err(e) => return deliver(failed(io_reason(&e))),
    }
    std::thread::scope(|scope| {
        let mut overlap = Overlap::new(scope);
        let mut pending: Vec<Vec<u8>> = Vec::new();
        let mut done = 0;
        let path = &path;
        let mut flush = |pending: &mut Vec<Vec<u8>>,
                         many: bool,
                         deliver: &mut dyn FnMut(Vec<Outcome<T>>) -> anyhow::Result<()>|
         -> anyhow::Result<()> {
            let docs = std::mem::take(pending);
            let first = done;
            done += docs.len();
            let job = move || {
                pool.install(|| {
                    docs.par_iter()
                        .enumerate()
                        .map(|(j, bytes)| {
                            let name = if many { format!("{path}#{}", first + j + 1) } else { path.clone() };
                            let r = work(&name, bytes);
                            (name, r)
                        })
                        .collect()
                })
            };
            overlap.push(job, deliver)
        };
        let mut whole = Vec::new();
        let found = split_stream(reader, &mut whole, |doc| {
            pending.push(doc);
            if pending.len() == CHUNK { flush(&mut pending, true, deliver) } else { Ok(()) }
        })?;
        match found {
            Err(e) => {
                flush(&mut pending, true, deliver)?;
                overlap.finish(deliver)?;
                deliver(failed(io_reason(&e)))
            }
            Ok(0) => {
                overlap.finish(deliver)?;
                deliver(vec![(path.clone(), work(path, &whole))])
            }
            Ok(n) => {
                flush(&mut pending, n > 1, deliver)?;
                overlap.finish(deliver)
            }
        }
    })
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

    fn split(text: &[u8]) -> (Vec<Vec<u8>>, Vec<u8>) {
        let mut docs = Vec::new();
        let mut whole = Vec::new();
        let n = split_stream(text, &mut whole, |d| {
            docs.push(d);
            Ok(())
        })
        .unwrap()
        .unwrap();
        assert_eq!(n, docs.len());
        (docs, whole)
    }

    #[test]
    fn form_feed_lines_split_documents() {
        let (docs, _) = split(b"one\npage\x0cstill one\n\x0c\ntwo\r\n\x0c\r\n\n\x0c\nthree");
        assert_eq!(docs, [&b"one\npage\x0cstill one\n"[..], b"two\r\n", b"three"]);
        let (docs, whole) = split(b"  \n\x0c\n\n");
        assert!(docs.is_empty());
        assert_eq!(whole, b"  \n\n");
        let (docs, _) = split(b"\x0c\nonly\n\x0c");
        assert_eq!(docs, [b"only\n"]);
    }
}
