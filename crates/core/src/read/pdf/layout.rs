//! Lines of a PDF page from the positions of its glyphs.
//!
//! pdf-extract decodes each glyph (fonts, encodings, ToUnicode maps) and hands it over with
//! its text rendering matrix. Here glyphs become runs of one baseline in drawing order (a
//! superscript "nd" stays on its line; a wide gap starts a run of its own, as a second column
//! of signatures does), and runs that follow each other in drawing order on the same line or
//! the next one down, overlapping across, become boxes — a paragraph, a table cell, a column
//! of signatures. Boxes come out in reading order, top to bottom and side by side left to
//! right, whatever order the page drew them in (a letterhead drawn last still comes first),
//! with a blank line between them, as between paragraphs.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// How far, in font sizes, a glyph's baseline may lie from its run's (superscripts sit about
/// a third of a size up).
const SAME_LINE: f64 = 0.5;
/// A horizontal gap wider than this many font sizes separates two runs (columns).
const COLUMN_GAP: f64 = 1.5;
/// A gap wider than this many font sizes between glyphs is a space.
const WORD_GAP: f64 = 0.1;
/// A vertical step wider than this many font sizes between lines is a paragraph break.
const PARAGRAPH_GAP: f64 = 1.5;

/// A run of glyphs on one baseline.
#[derive(Debug, Clone)]
struct Run {
    x0: f64,
    x1: f64,
    /// Baseline, growing downwards from the top of the page.
    y: f64,
    size: f64,
    text: String,
}

impl Run {
    fn push(&mut self, x0: f64, x1: f64, size: f64, text: &str) {
        if x0 - self.x1 > WORD_GAP * size.max(self.size) && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
        self.text.push_str(text);
        self.x1 = self.x1.max(x1);
        self.size = self.size.max(size);
    }

    /// Appends a run of the same line; the line's baseline is its largest glyphs'.
    fn append(&mut self, other: Run) {
        if other.size > self.size {
            self.y = other.y;
        }
        self.push(other.x0, other.x1, other.size, &other.text);
    }
}

/// Collects a page's glyphs and lays them out as lines.
#[derive(Debug, Default)]
pub struct LayoutOutput {
    height: f64,
    runs: Vec<Run>,
    /// The page's text, once it has ended.
    pub text: String,
}

/// Lines that follow each other down the page: a paragraph, a table cell, a column of
/// signatures.
#[derive(Debug, Clone)]
struct TextBox {
    lines: Vec<Run>,
    x0: f64,
    x1: f64,
}

impl TextBox {
    fn new(run: Run) -> TextBox {
        TextBox { x0: run.x0, x1: run.x1, lines: vec![run] }
    }

    /// Takes `run` if it continues the box: on its last line (to the right, close), or on
    /// the next line down (within a line's leading, overlapping the box across).
    fn take(&mut self, run: Run) -> Result<(), Run> {
        let last = self.lines.last_mut().expect("boxes are not empty");
        let size = last.size.max(run.size);
        let step = run.y - last.y;
        if step.abs() <= SAME_LINE * size
            && run.x0 >= last.x1 - SAME_LINE * size
            && run.x0 - last.x1 <= COLUMN_GAP * size
        {
            last.append(run);
        } else if step > SAME_LINE * size && step <= PARAGRAPH_GAP * size && run.x0 < self.x1 && run.x1 > self.x0 {
            self.lines.push(run);
        } else {
            return Err(run);
        }
        let last = self.lines.last().expect("just pushed");
        self.x0 = self.x0.min(last.x0);
        self.x1 = self.x1.max(last.x1);
        Ok(())
    }
}

impl LayoutOutput {
    /// The page's boxes in reading order: made in drawing order (a table drawn cell by cell
    /// gives a box a cell, however narrow the gutter), then ordered top to bottom and, side by
    /// side, left to right (a letterhead drawn last still comes first).
    fn boxes(&mut self) -> Vec<TextBox> {
        let mut boxes: Vec<TextBox> = Vec::new();
        for run in std::mem::take(&mut self.runs).into_iter().filter(|r| !r.text.trim().is_empty()) {
            let rest = match boxes.last_mut() {
                Some(b) => b.take(run).err(),
                None => Some(run),
            };
            boxes.extend(rest.map(TextBox::new));
        }
        let top = |b: &TextBox| (b.lines[0].y, b.x0, b.lines[0].size);
        boxes.sort_by(|a, b| {
            let ((ya, xa, sa), (yb, xb, sb)) = (top(a), top(b));
            if (ya - yb).abs() <= SAME_LINE * sa.max(sb) { xa.total_cmp(&xb) } else { ya.total_cmp(&yb) }
        });
        boxes
    }
}

impl OutputDev for LayoutOutput {
    fn begin_page(
        &mut self,
        _page: u32,
        media_box: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        self.runs.clear();
        self.text.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        for (i, b) in self.boxes().into_iter().enumerate() {
            if i > 0 {
                self.text.push_str("\n\n");
            }
            for (j, line) in b.lines.iter().enumerate() {
                if j > 0 {
                    self.text.push('\n');
                }
                self.text.push_str(line.text.trim_end());
            }
        }
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = font_size * scale;
        if !(size.is_finite() && size > 0.0) || text.is_empty() {
            return Ok(());
        }
        let (x0, y) = (trm.m31, self.height - trm.m32);
        let x1 = x0 + width * size;
        if text.chars().all(char::is_whitespace) {
            // Spaces are read from the gaps they leave.
            return Ok(());
        }
        match self.runs.last_mut() {
            Some(r)
                if (y - r.y).abs() <= SAME_LINE * r.size.max(size)
                    && x0 >= r.x1 - SAME_LINE * size
                    && x0 - r.x1 <= COLUMN_GAP * r.size.max(size) =>
            {
                r.push(x0, x1, size, text);
            }
            _ => self.runs.push(Run { x0, x1, y, size, text: text.to_string() }),
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
