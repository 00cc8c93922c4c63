//! Maps from a rewritten text back to the original input.
//!
//! Cleaned block text is not a slice of the input: lines are unwrapped, whitespace collapsed,
//! quotes straightened and furniture dropped. An [`OffsetMap`] records, run by run, where each
//! stretch of the rewritten text came from, so any range of it maps back to a [`Span`] of the
//! original.

use super::Span;

/// A run of rewritten text and the original bytes it stands for.
#[derive(Debug, Clone, Copy)]
struct Run {
    clean: usize,
    clean_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Run {
    /// A verbatim run maps byte for byte; a replacement maps as a whole.
    fn verbatim(&self) -> bool {
        self.clean_len == self.orig_len
    }
}

/// Where each stretch of a rewritten text came from in the original input.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    runs: Vec<Run>,
}

impl OffsetMap {
    /// Whether the map is empty (a block read back from JSON has none).
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Records `len` bytes copied as they are from original offset `orig` to rewritten offset
    /// `clean`, extending the last run when it continues it.
    pub fn push_verbatim(&mut self, clean: usize, orig: usize, len: usize) {
        if let Some(last) = self.runs.last_mut()
            && last.verbatim()
            && last.orig + last.orig_len == orig
            && last.clean + last.clean_len == clean
        {
            last.clean_len += len;
            last.orig_len += len;
            return;
        }
        self.runs.push(Run { clean, clean_len: len, orig, orig_len: len });
    }

    /// Records `clean_len` rewritten bytes at `clean` standing for the original range
    /// `[orig, orig_end)` as a whole (a same-length replacement maps byte for byte, which is
    /// still exact).
    pub fn push_replacement(&mut self, clean: usize, clean_len: usize, orig: usize, orig_end: usize) {
        self.runs.push(Run { clean, clean_len, orig, orig_len: orig_end - orig });
    }

    /// Takes back the last rewritten byte (the end of the last run): a one-byte character, such
    /// as a trailing space.
    pub fn pop_byte(&mut self) {
        let Some(last) = self.runs.last_mut() else { return };
        if last.clean_len <= 1 {
            self.runs.pop();
        } else if last.verbatim() {
            last.clean_len -= 1;
            last.orig_len -= 1;
        } else {
            last.clean_len -= 1;
        }
    }

    /// The first rewritten offset whose original offset is `orig` or after, for a map whose
    /// runs go forward in the original as in the rewritten text (`None`: none does). A byte of
    /// a verbatim run stands at its own original offset, one of a replacement at the start of
    /// what it replaces.
    pub fn clean_at(&self, orig: usize) -> Option<usize> {
        let last_orig = |r: &Run| if r.verbatim() { r.orig + r.clean_len.saturating_sub(1) } else { r.orig };
        let i = self.runs.partition_point(|r| last_orig(r) < orig);
        let r = self.runs.get(i)?;
        Some(if r.verbatim() { r.clean + orig.saturating_sub(r.orig) } else { r.clean })
    }

    /// Appends `other`'s runs, the rewritten text they stand for placed `shift` bytes on.
    pub fn append(&mut self, other: &OffsetMap, shift: usize) {
        self.runs.extend(other.runs.iter().map(|r| Run { clean: r.clean + shift, ..*r }));
    }

    /// The original span of rewritten range `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        if self.runs.is_empty() {
            return Span::default();
        }
        let a = self.orig_start(start);
        let b = self.orig_end(end).max(a);
        Span::new(a, b)
    }

    fn run_at(&self, pos: usize) -> &Run {
        let i = self.runs.partition_point(|r| r.clean + r.clean_len <= pos);
        &self.runs[i.min(self.runs.len() - 1)]
    }

    fn orig_start(&self, pos: usize) -> usize {
        let r = self.run_at(pos);
        if pos >= r.clean + r.clean_len {
            r.orig + r.orig_len
        } else if r.verbatim() {
            r.orig + (pos - r.clean)
        } else {
            r.orig
        }
    }

    fn orig_end(&self, pos: usize) -> usize {
        if pos == 0 {
            return self.runs[0].orig;
        }
        let r = self.run_at(pos - 1);
        if r.verbatim() { r.orig + (pos - r.clean) } else { r.orig + r.orig_len }
    }
}
