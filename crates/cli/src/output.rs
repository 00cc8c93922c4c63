//! Where output goes: standard output, or a file written atomically (a temporary file in the
//! same folder, renamed over the destination only when the run succeeded). A destination that
//! exists and is not a regular file — `/dev/null`, a named pipe, a terminal — is written in
//! place: renaming over it would replace the device with a file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// An output destination.
pub enum Sink {
    Stdout(BufWriter<io::Stdout>),
    File {
        tmp: BufWriter<tempfile::NamedTempFile>,
        dest: PathBuf,
    },
    /// A destination that is not a regular file, written as it is.
    Device(BufWriter<std::fs::File>),
}

impl Sink {
    /// Standard output, or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> Result<Sink> {
        match path {
            None => Ok(Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout()))),
            Some(dest) if std::fs::metadata(dest).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(dest)
                    .with_context(|| format!("cannot write {}", dest.display()))?;
                Ok(Sink::Device(BufWriter::with_capacity(64 * 1024, f)))
            }
            Some(dest) => {
                let dir = match dest.parent() {
                    Some(p) if !p.as_os_str().is_empty() => p,
                    _ => Path::new("."),
                };
                let tmp = tempfile::Builder::new()
                    .prefix(".letters-")
                    .suffix(".tmp")
                    .tempfile_in(dir)
                    .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
                Ok(Sink::File { tmp: BufWriter::with_capacity(64 * 1024, tmp), dest: dest.to_path_buf() })
            }
        }
    }

    /// Flushes, and for a file renames the temporary file over the destination.
    pub fn finish(self) -> Result<()> {
        match self {
            Sink::Stdout(mut w) => Ok(w.flush()?),
            Sink::Device(mut w) => Ok(w.flush()?),
            Sink::File { tmp, dest } => {
                let tmp = tmp.into_inner().map_err(|e| e.into_error()).context("cannot write the output")?;
                // A temporary file is private (0600); the output gets the permissions of the file
                // it replaces, or the usual ones for a new file.
                let perms = std::fs::metadata(&dest).map(|m| m.permissions()).ok();
                #[cfg(unix)]
                let perms = perms.or_else(|| {
                    use std::os::unix::fs::PermissionsExt;
                    Some(std::fs::Permissions::from_mode(0o644))
                });
                if let Some(p) = perms {
                    tmp.as_file().set_permissions(p).ok();
                }
                tmp.as_file().sync_all().ok();
                tmp.persist(&dest).map_err(|e| e.error).with_context(|| format!("cannot write {}", dest.display()))?;
                Ok(())
            }
        }
    }

    /// Whether output goes to a terminal.
    pub fn is_terminal(&self) -> bool {
        use std::io::IsTerminal;
        matches!(self, Sink::Stdout(_)) && io::stdout().is_terminal()
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::File { tmp, .. } => tmp.write(buf),
            Sink::Device(w) => w.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::File { tmp, .. } => tmp.write_all(buf),
            Sink::Device(w) => w.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::File { tmp, .. } => tmp.flush(),
            Sink::Device(w) => w.flush(),
        }
    }
}

/// Whether an error chain ends in a closed pipe (the reader went away: stop quietly).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = |k: Option<io::ErrorKind>| k == Some(io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        broken(c.downcast_ref::<io::Error>().map(io::Error::kind))
            || broken(c.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind))
            || c.downcast_ref::<csv::Error>().is_some_and(|e| match e.kind() {
                csv::ErrorKind::Io(io) => io.kind() == io::ErrorKind::BrokenPipe,
                _ => false,
            })
    })
}
