//! Excel workbooks: each view a sheet made from its tidy CSV, with typed cells (numbers as
//! numbers, `true`/`false` as booleans, `YYYY-MM-DD` as dates shown that way), the header row
//! bold and frozen, filters on and columns as wide as their contents (within limits).
//!
//! Sheets come from the CSV renderers, so a workbook holds exactly what `--format csv` does:
//! one contract, two containers.

use std::io::Write;

use anyhow::{Context, Result};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

/// The longest text a cell holds (Excel's limit); longer text is cut and ends with an ellipsis.
const MAX_CELL_CHARS: usize = 32_767;
/// Column widths, in characters.
const MIN_WIDTH: usize = 6;
const MAX_WIDTH: usize = 60;
/// Rows looked at to size a column.
const WIDTH_SAMPLE: usize = 500;

/// One sheet: a name and a table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table from CSV text with a header row.
    pub fn from_csv(name: &str, csv_text: &[u8]) -> Result<Table> {
        let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(csv_text);
        let header = r.headers()?.iter().map(str::to_string).collect();
        let rows = r
            .records()
            .map(|rec| rec.map(|rec| rec.iter().map(str::to_string).collect()))
            .collect::<Result<_, _>>()
            .with_context(|| format!("sheet {name}: the CSV it is made from is malformed"))?;
        Ok(Table { name: name.to_string(), header, rows })
    }

    /// A table from what a CSV renderer writes.
    pub fn rendered(name: &str, render: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<Table> {
        let mut buf = Vec::new();
        render(&mut buf)?;
        Table::from_csv(name, &buf)
    }
}

/// What a column holds, decided from all its non-empty values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Text,
    Number,
    Boolean,
    Date,
}

/// A calendar date written `YYYY-MM-DD`.
fn date(s: &str) -> Option<(u16, u8, u8)> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?);
    ExcelDateTime::from_ymd(y, m, d).ok().map(|_| (y, m, d))
}

/// A number as a spreadsheet should hold it: not an identifier with leading zeros, not `inf`.
fn number(s: &str) -> Option<f64> {
    let digits = s.trim_start_matches('-');
    if digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0.") {
        return None;
    }
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    s.parse::<f64>().ok().filter(|x| x.is_finite())
}

fn column_kind<'a>(values: impl Iterator<Item = &'a str>) -> Column {
    let mut kind = None;
    for v in values.filter(|v| !v.is_empty()) {
        let this = if date(v).is_some() {
            Column::Date
        } else if v == "true" || v == "false" {
            Column::Boolean
        } else if number(v).is_some() {
            Column::Number
        } else {
            return Column::Text;
        };
        match kind {
            None => kind = Some(this),
            Some(k) if k != this => return Column::Text,
            Some(_) => {}
        }
    }
    kind.unwrap_or(Column::Text)
}

/// `s` cut to what a cell holds.
fn cell_text(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL_CHARS || s.chars().count() <= MAX_CELL_CHARS {
        return s.into();
    }
    let mut t: String = s.chars().take(MAX_CELL_CHARS - 1).collect();
    t.push('…');
    t.into()
}

/// The most rows a sheet holds (Excel's limit, the header included).
const MAX_ROWS: usize = 1_048_576;

fn sheet(ws: &mut Worksheet, t: &Table) -> Result<()> {
    anyhow::ensure!(
        t.rows.len() < MAX_ROWS,
        "{} rows are more than a sheet holds ({}): use --format csv, or select fewer documents",
        t.rows.len(),
        MAX_ROWS - 1
    );
    let bold = Format::new().set_bold();
    let as_date = Format::new().set_num_format("yyyy-mm-dd");
    ws.set_name(&t.name)?;
    let kinds: Vec<Column> =
        (0..t.header.len()).map(|c| column_kind(t.rows.iter().filter_map(|r| r.get(c).map(String::as_str)))).collect();
    for (c, h) in t.header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, h, &bold)?;
    }
    for (i, row) in t.rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in row.iter().enumerate().filter(|(_, v)| !v.is_empty()) {
            let col = c as u16;
            match kinds.get(c).copied().unwrap_or(Column::Text) {
                Column::Number => ws.write_number(r, col, number(v).unwrap_or_default())?,
                Column::Boolean => ws.write_boolean(r, col, v == "true")?,
                Column::Date => {
                    let (y, m, d) = date(v).unwrap_or((1900, 1, 1));
                    ws.write_datetime_with_format(r, col, ExcelDateTime::from_ymd(y, m, d)?, &as_date)?
                }
                Column::Text => ws.write_string(r, col, cell_text(v))?,
            };
        }
    }
    for (c, h) in t.header.iter().enumerate() {
        let widest = t.rows.iter().take(WIDTH_SAMPLE).filter_map(|r| r.get(c)).map(|v| v.chars().count()).max();
        let width = widest.unwrap_or(0).max(h.chars().count() + 2).clamp(MIN_WIDTH, MAX_WIDTH);
        ws.set_column_width(c as u16, width as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !t.header.is_empty() {
        ws.autofilter(0, 0, t.rows.len() as u32, t.header.len() as u16 - 1)?;
    }
    Ok(())
}

/// The workbook of `tables`, one sheet each, as the bytes of an `.xlsx` file. Its properties
/// carry a fixed date, so the same tables give the same file.
pub fn workbook(tables: &[Table]) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for t in tables {
        sheet(wb.add_worksheet(), t).with_context(|| format!("sheet {}", t.name))?;
    }
    Ok(wb.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_typed_from_all_their_values() {
        let cases: [(&[&str], Column); 8] = [
            (&["1", "2.5", ""], Column::Number),
            (&["-0.25", "0"], Column::Number),
            (&["E08000012"], Column::Text),
            (&["0012"], Column::Text),
            (&["2023-03-20", ""], Column::Date),
            (&["2023-02-30"], Column::Text),
            (&["true", "false"], Column::Boolean),
            (&["1", "true"], Column::Text),
        ];
        for (values, want) in cases {
            assert_eq!(column_kind(values.iter().copied()), want, "{values:?}");
        }
        assert_eq!(column_kind(["inf", "NaN"].into_iter()), Column::Text);
    }
}
