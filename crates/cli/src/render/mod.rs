//! Rendering results for people (table, Markdown) and machines (CSV, JSON, JSON Lines).

pub mod analysis;
pub mod check;
pub mod compare;
pub mod eval;
pub mod report;
pub mod split;
pub mod tag;
pub mod themes;
pub mod xlsx;

use std::io::Write;

/// Styling for terminal output: colour only on a terminal and never with `NO_COLOR`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    pub fn new(terminal: bool) -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // `COLUMNS` (as `ls` and others honour it) wins; a terminal that reports no width
        // (0 columns) is treated as an unknown one; output to a file or pipe is 120 wide.
        let columns = std::env::var("COLUMNS").ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|&w| w > 0);
        let width = match columns {
            Some(w) => w.clamp(30, 1000),
            None if terminal => terminal_size::terminal_size()
                .map(|(w, _)| w.0 as usize)
                .filter(|&w| w > 0)
                .unwrap_or(100)
                .clamp(40, 200),
            None => 120,
        };
        Style { color: terminal && !no_color, width }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
    }

    pub fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }

    pub fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }

    /// Strengths: blue (told apart from orange by colour-blind readers too).
    pub fn strength(&self, s: &str) -> String {
        self.paint("34", s)
    }

    /// Improvements: orange-yellow.
    pub fn improvement(&self, s: &str) -> String {
        self.paint("33", s)
    }
}

/// The error for a file format asked of a renderer of text (the commands that offer a file
/// format handle it before rendering).
pub fn not_text(format: crate::args::Format) -> anyhow::Error {
    anyhow::anyhow!("--format {} is not offered by this command (table, md, csv, json or jsonl)", format.name())
}

/// A bold heading, wrapped to the terminal.
pub fn heading(out: &mut dyn Write, style: Style, text: &str) -> std::io::Result<()> {
    for line in wrap(text, style.width) {
        writeln!(out, "{}", style.bold(&line))?;
    }
    Ok(())
}

/// Cuts `s` to at most `width` characters, ending with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Wraps `s` to lines of at most `width` characters, at spaces.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Escapes text for a Markdown table cell or list item.
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes one JSON value on its own line.
pub fn json_line<T: serde::Serialize>(out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A value with the `"type"` tag that every JSON and JSON Lines object carries.
#[derive(serde::Serialize)]
pub struct Tagged<'a, T: serde::Serialize> {
    #[serde(rename = "type")]
    pub kind_tag: &'static str,
    #[serde(flatten)]
    pub value: &'a T,
}

/// Writes `items`, each tagged `kind_tag`, as a JSON array (`Format::Json`) or as JSON Lines.
pub fn write_tagged<T: serde::Serialize>(
    out: &mut dyn Write,
    kind_tag: &'static str,
    items: &[T],
    array: bool,
) -> anyhow::Result<()> {
    if array {
        let mut a = JsonArray::start(out)?;
        for value in items {
            a.push(out, &Tagged { kind_tag, value })?;
        }
        a.finish(out)
    } else {
        for value in items {
            json_line(out, &Tagged { kind_tag, value })?;
        }
        Ok(())
    }
}

/// Streams a JSON array: `[`, one element per line, `]`.
pub struct JsonArray {
    first: bool,
}

impl JsonArray {
    pub fn start(out: &mut dyn Write) -> anyhow::Result<JsonArray> {
        out.write_all(b"[\n")?;
        Ok(JsonArray { first: true })
    }

    pub fn push<T: serde::Serialize>(&mut self, out: &mut dyn Write, value: &T) -> anyhow::Result<()> {
        if !self.first {
            out.write_all(b",\n")?;
        }
        self.first = false;
        serde_json::to_writer(&mut *out, value)?;
        Ok(())
    }

    pub fn finish(self, out: &mut dyn Write) -> anyhow::Result<()> {
        out.write_all(if self.first { b"]\n" } else { b"\n]\n" })?;
        Ok(())
    }
}
