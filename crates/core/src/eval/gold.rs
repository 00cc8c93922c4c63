//! A person's coding, read from CSV: one row per unit with its document's path, its opening
//! words (or its byte span), the themes it is about and its polarity.

use crate::tag::{Polarity, Taxonomy, Unit};
use crate::text::Span;

/// A unit as a person coded it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldUnit {
    /// Its row in the coding file (the header is row 1).
    pub row: usize,
    /// Its document, as the coding names it.
    pub path: String,
    /// Its first words, as written in the document.
    pub opening: String,
    /// Or where it is: a byte range of the document's text.
    pub span: Option<Span>,
    /// Item or sentence, when the coding says.
    pub kind: Option<Unit>,
    /// The theme ids the person gave it, in taxonomy order.
    pub themes: Vec<String>,
    /// The polarity the person gave it; `None` when the coding gives none (a REFI-QDA project
    /// without polarity codes): such units count for themes only.
    pub polarity: Option<Polarity>,
}

/// What is wrong with a coding file, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {}{message}", location(*row, column))]
pub struct GoldError {
    /// The file, as the caller named it.
    pub source_name: String,
    /// The row (the header is row 1), when the problem is in one.
    pub row: Option<usize>,
    /// The column, when the problem is in one.
    pub column: Option<String>,
    /// What is wrong.
    pub message: String,
}

fn location(row: Option<usize>, column: &Option<String>) -> String {
    match (row, column) {
        (Some(r), Some(c)) => format!("row {r}, column '{c}': "),
        (Some(r), None) => format!("row {r}: "),
        (None, Some(c)) => format!("column '{c}': "),
        (None, None) => String::new(),
    }
}

/// The columns a coding file must have; `unit` may be replaced by `start` and `end`.
pub const REQUIRED: [&str; 3] = ["path", "themes", "polarity"];

/// A polarity as a coding writes it (case and spaces ignored; "positive"/"negative" accepted).
pub fn polarity_named(s: &str) -> Option<Polarity> {
    match s.trim().to_lowercase().as_str() {
        "strength" | "positive" | "s" => Some(Polarity::Strength),
        "improvement" | "negative" | "i" | "area for improvement" => Some(Polarity::Improvement),
        "mixed" | "both" | "m" => Some(Polarity::Mixed),
        "neutral" | "none" | "n" | "" => Some(Polarity::Neutral),
        _ => None,
    }
}

/// Reads a coding file's text. Themes must be ids of `taxonomy` (separated by `;`, `,` or
/// `|`); `source_name` names the file in errors.
///
/// # Errors
/// A missing column, a row with a bad polarity, an unknown theme, an empty path or unit, or a
/// span that is not two byte offsets, each with its row and column.
pub fn read_gold(text: &str, source_name: &str, taxonomy: &Taxonomy) -> Result<Vec<GoldUnit>, GoldError> {
    let err = |row: Option<usize>, column: Option<&str>, message: String| GoldError {
        source_name: source_name.to_string(),
        row,
        column: column.map(str::to_string),
        message,
    };
    let mut reader =
        csv::ReaderBuilder::new().flexible(false).from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|e| err(Some(1), None, e.to_string()))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    for name in REQUIRED {
        if col(name).is_none() {
            return Err(err(None, Some(name), "missing (a coding needs path, unit, themes and polarity)".into()));
        }
    }
    let (unit_col, start_col, end_col) = (col("unit"), col("start"), col("end"));
    if unit_col.is_none() && (start_col.is_none() || end_col.is_none()) {
        return Err(err(None, Some("unit"), "missing (or give the unit's span as start and end)".into()));
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i + 2;
        let record = record.map_err(|e| err(Some(row), None, e.to_string()))?;
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("").trim();
        let path = get(col("path"));
        if path.is_empty() {
            return Err(err(Some(row), Some("path"), "empty".into()));
        }
        let span = match (get(start_col), get(end_col)) {
            ("", "") => None,
            (a, b) => match (a.parse::<usize>(), b.parse::<usize>()) {
                (Ok(a), Ok(b)) if a < b => Some(Span::new(a, b)),
                _ => return Err(err(Some(row), Some("start"), format!("not a byte range: '{a}'..'{b}'"))),
            },
        };
        let opening = get(unit_col).to_string();
        if opening.is_empty() && span.is_none() {
            return Err(err(Some(row), Some("unit"), "empty (give the unit's first words)".into()));
        }
        let kind = match get(col("kind")).to_lowercase().as_str() {
            "item" => Some(Unit::Item),
            "sentence" => Some(Unit::Sentence),
            _ => None,
        };
        let raw_polarity = get(col("polarity"));
        let polarity = polarity_named(raw_polarity).ok_or_else(|| {
            err(Some(row), Some("polarity"), format!("'{raw_polarity}' is not strength, improvement, mixed or neutral"))
        })?;
        let mut themes = Vec::new();
        for id in get(col("themes")).split([';', ',', '|']).map(str::trim).filter(|s| !s.is_empty()) {
            if taxonomy.theme(id).is_none() {
                return Err(err(
                    Some(row),
                    Some("themes"),
                    format!("unknown theme '{id}' (`letters themes` lists them)"),
                ));
            }
            if !themes.iter().any(|t| t == id) {
                themes.push(id.to_string());
            }
        }
        themes.sort_by_key(|t| taxonomy.themes.iter().position(|e| &e.id == t));
        out.push(GoldUnit { row, path: path.to_string(), opening, span, kind, themes, polarity: Some(polarity) });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Vec<GoldUnit>, String> {
        read_gold(text, "coding.csv", &Taxonomy::builtin()).map_err(|e| e.to_string())
    }

    #[test]
    fn rows_and_their_errors() {
        let ok =
            read("path,unit,kind,themes,polarity\na.txt,Leaders know,item,strategic-leadership; training,Strength\n")
                .unwrap();
        assert_eq!(ok[0].themes, ["training", "strategic-leadership"]);
        assert_eq!((ok[0].row, ok[0].kind, ok[0].polarity), (2, Some(Unit::Item), Some(Polarity::Strength)));
        for (text, want) in [
            ("path,unit,themes\n", "coding.csv: column 'polarity': missing"),
            ("path,themes,polarity\n", "coding.csv: column 'unit': missing (or give the unit's span"),
            ("path,unit,themes,polarity\na.txt,x,,good\n", "coding.csv: row 2, column 'polarity': 'good' is not"),
            (
                "path,unit,themes,polarity\na.txt,x,therapy;magic,neutral\n",
                "row 2, column 'themes': unknown theme 'magic'",
            ),
            ("path,unit,themes,polarity\na.txt,x,,neutral\n,y,,neutral\n", "row 3, column 'path': empty"),
            ("path,unit,themes,polarity\na.txt,,,neutral\n", "row 2, column 'unit': empty"),
            ("path,unit,themes,polarity\na.txt,x,neutral\n", "coding.csv: row 2: CSV error"),
        ] {
            let got = read(text).unwrap_err();
            assert!(got.contains(want), "{text:?}: {got}");
        }
    }
}
