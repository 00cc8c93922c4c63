//! An area's profile: its distinctive themes (with the findings behind them), the themes it
//! lists that are rare elsewhere, the ones common elsewhere it does not list, and the words
//! and phrases its findings over-use.

use std::io::Write;

use letters_core::analysis::{
    ALPHA, COMMON_ELSEWHERE, Direction, KEYNESS_ALPHA, Keyness, Profile, RARE_ELSEWHERE, Side, Standing, ThemeProfile,
};
use serde::Serialize;

use super::pct;
use crate::args::Format;
use crate::render::{Style, Tagged, heading, json_line, md_escape, truncate, wrap};

/// A profile's theme line as one flat record.
#[derive(Serialize)]
struct ProfileLine<'a> {
    area: &'a str,
    code: &'a str,
    compared_with: &'a str,
    #[serde(flatten)]
    theme: &'a ThemeProfile,
}

/// A profile's keyness term as one flat record.
#[derive(Serialize)]
struct KeynessLine<'a> {
    area: &'a str,
    code: &'a str,
    #[serde(flatten)]
    term: &'a Keyness,
}

/// Columns of `profile --format csv`.
pub const PROFILE_CSV: [&str; 21] = [
    "area",
    "code",
    "theme",
    "label",
    "side",
    "area_listed",
    "area_documents",
    "others_listed",
    "others_documents",
    "area_share",
    "others_share",
    "log_odds",
    "low",
    "high",
    "test",
    "p_value",
    "testable",
    "q_value",
    "standing",
    "direction",
    "evidence",
];

/// The test behind `p_value`, as the CSV names it.
const TEST: &str = "fisher-exact";

/// Columns of `profile --keyness --format csv`.
pub const KEYNESS_CSV: [&str; 9] =
    ["area", "code", "term", "statistic", "g2", "p_value", "area_count", "others_count", "evidence"];

/// Writes a profile: its themes and its keyness terms.
pub fn write_profile(
    out: &mut dyn Write,
    p: &Profile,
    keyness_csv: bool,
    format: Format,
    style: Style,
) -> anyhow::Result<()> {
    match format {
        Format::Xlsx | Format::Qdc => Err(crate::render::not_text(format)),
        Format::Json => json_line(out, &Tagged { kind_tag: "profile", value: p }),
        Format::Jsonl => {
            for theme in &p.themes {
                let line = ProfileLine { area: &p.area, code: &p.code, compared_with: &p.compared_with, theme };
                json_line(out, &Tagged { kind_tag: "profile", value: &line })?;
            }
            for term in &p.keyness {
                let line = KeynessLine { area: &p.area, code: &p.code, term };
                json_line(out, &Tagged { kind_tag: "keyness", value: &line })?;
            }
            Ok(())
        }
        Format::Csv if keyness_csv => keyness_csv_rows(out, p),
        Format::Csv => profile_csv(out, p),
        Format::Md | Format::Table => profile_text(out, p, format == Format::Md, style),
    }
}

fn profile_csv(out: &mut dyn Write, p: &Profile) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(PROFILE_CSV)?;
    for t in &p.themes {
        w.write_record([
            p.area.as_str(),
            p.code.as_str(),
            t.theme.as_str(),
            t.label.as_str(),
            t.side.as_str(),
            &t.area_listed.to_string(),
            &t.area_documents.to_string(),
            &t.others_listed.to_string(),
            &t.others_documents.to_string(),
            &t.area_share.to_string(),
            &t.others_share.to_string(),
            &t.log_odds.to_string(),
            &t.low.to_string(),
            &t.high.to_string(),
            TEST,
            &t.p_value.to_string(),
            &t.testable.to_string(),
            &t.q_value.to_string(),
            t.standing.as_str(),
            direction(t.direction),
            t.evidence.first().map_or("", |e| e.text.as_str()),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn keyness_csv_rows(out: &mut dyn Write, p: &Profile) -> anyhow::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(KEYNESS_CSV)?;
    for k in &p.keyness {
        w.write_record([
            p.area.as_str(),
            p.code.as_str(),
            k.term.as_str(),
            "log-likelihood-williams",
            &k.g2.to_string(),
            &k.p_value.to_string(),
            &k.area_count.to_string(),
            &k.others_count.to_string(),
            k.evidence.first().map_or("", String::as_str),
        ])?;
    }
    w.flush()?;
    Ok(())
}

fn direction(d: Direction) -> &'static str {
    match d {
        Direction::More => "more",
        Direction::Less => "less",
        Direction::Same => "same",
    }
}

fn side_words(s: Side) -> &'static str {
    match s {
        Side::Improvement => "an improvement",
        Side::Strength => "a strength",
        Side::Priority => "a priority action",
    }
}

/// Most lines of a finding quoted on a terminal.
const QUOTE_LINES: usize = 2;

/// Writes headings, bullets and wrapped text for a terminal or for Markdown.
struct Text<'a> {
    out: &'a mut dyn Write,
    md: bool,
    style: Style,
    width: usize,
}

impl Text<'_> {
    fn heading(&mut self, s: &str) -> std::io::Result<()> {
        if self.md {
            writeln!(self.out, "\n### {}\n", md_escape(s))
        } else {
            writeln!(self.out)?;
            heading(self.out, self.style, s)
        }
    }

    /// A bullet, wrapped (its continuation lines indented four).
    fn bullet(&mut self, s: &str) -> std::io::Result<()> {
        let s = if self.md { md_escape(s) } else { s.to_string() };
        for (k, line) in wrap(&s, self.width.saturating_sub(4)).iter().enumerate() {
            let lead = match (k, self.md) {
                (0, true) => "- ",
                (0, false) => "  ",
                _ => "    ",
            };
            writeln!(self.out, "{lead}{line}")?;
        }
        Ok(())
    }

    /// A quoted finding under a bullet: whole in Markdown, its first [`QUOTE_LINES`] lines on
    /// a terminal (the whole in every other format).
    fn quote(&mut self, s: &str) -> std::io::Result<()> {
        let s = if self.md { md_escape(s) } else { s.to_string() };
        let mut lines = wrap(&s, self.width.saturating_sub(6));
        if !self.md && lines.len() > QUOTE_LINES {
            // Room for the " …" that says it goes on.
            lines = wrap(&s, self.width.saturating_sub(8));
            lines.truncate(QUOTE_LINES);
            lines[QUOTE_LINES - 1].push_str(" …");
        }
        for (k, line) in lines.iter().enumerate() {
            writeln!(self.out, "    {}{line}", if k == 0 { "“ " } else { "  " })?;
        }
        Ok(())
    }
}

/// "1 of 1 here, 0 of 32 compared (0%)".
fn counts(t: &ThemeProfile) -> String {
    format!(
        "{} of {} here, {} of {} compared ({})",
        t.area_listed,
        t.area_documents,
        t.others_listed,
        t.others_documents,
        pct(t.others_share)
    )
}

/// A profile for people: what is distinctive, with evidence; what is rare or common elsewhere;
/// what is as usual; the keyness terms.
fn profile_text(out: &mut dyn Write, p: &Profile, md: bool, style: Style) -> anyhow::Result<()> {
    let width = if md { 100 } else { style.width.max(20) };
    let title = format!("{} ({}, {})", p.area, p.code, p.region);
    match md {
        true => writeln!(out, "## {}", md_escape(&title))?,
        false => heading(out, style, &title)?,
    }
    let mut t = Text { out, md, style, width };
    let docs = p.documents.len();
    let intro = format!(
        "{docs} document{} of the area, compared with {} {}.",
        if docs == 1 { "" } else { "s" },
        p.compared,
        p.compared_with
    );
    for line in wrap(&intro, width) {
        writeln!(t.out, "{line}")?;
    }
    let of = |s: Standing| p.themes.iter().filter(move |x| x.standing == s);
    let tested = p.themes.iter().filter(|x| x.testable).count();
    t.heading(&format!(
        "Distinctive (Fisher's exact test; Benjamini–Hochberg q < {ALPHA} over the {tested} themes and sides that could differ)"
    ))?;
    if of(Standing::Distinctive).next().is_none() {
        t.bullet("Nothing: no difference from the compared documents is more than chance would give.")?;
    }
    for x in of(Standing::Distinctive) {
        let word = if x.direction == Direction::More { "more" } else { "less" };
        t.bullet(&format!(
            "{} as {} ({word}): {}; p = {:.3}, q = {:.3}",
            x.label,
            side_words(x.side),
            counts(x),
            x.p_value,
            x.q_value
        ))?;
        for e in &x.evidence {
            t.quote(&e.text)?;
        }
    }
    t.heading(&format!("Listed here, rare elsewhere (in {} or fewer of the compared)", pct(RARE_ELSEWHERE)))?;
    if of(Standing::RareElsewhere).next().is_none() {
        t.bullet("None.")?;
    }
    for x in of(Standing::RareElsewhere) {
        t.bullet(&format!("{} as {}: {}", x.label, side_words(x.side), counts(x)))?;
        if let Some(e) = x.evidence.first() {
            t.quote(&e.text)?;
        }
    }
    t.heading(&format!("Common elsewhere, not listed here (in {} or more of the compared)", pct(COMMON_ELSEWHERE)))?;
    if of(Standing::CommonElsewhere).next().is_none() {
        t.bullet("None.")?;
    }
    for x in of(Standing::CommonElsewhere) {
        t.bullet(&format!("{} as {}: {}", x.label, side_words(x.side), counts(x)))?;
    }
    t.heading("Listed here, as elsewhere")?;
    for side in Side::ALL {
        let usual: Vec<&str> =
            of(Standing::Typical).filter(|x| x.side == side && x.area_listed > 0).map(|x| x.label.as_str()).collect();
        if !usual.is_empty() {
            t.bullet(&format!("as {} ({}): {}", side_words(side), usual.len(), usual.join(", ")))?;
        }
    }
    keyness_text(&mut t, &p.keyness)
}

/// The keyness terms, each with one finding that uses it.
fn keyness_text(t: &mut Text, keyness: &[Keyness]) -> anyhow::Result<()> {
    t.heading(&format!("Words and phrases its findings use more (log-likelihood G², p < {KEYNESS_ALPHA})"))?;
    if keyness.is_empty() {
        t.bullet("None stands out.")?;
    }
    for k in keyness.iter().take(12) {
        let term = if t.md { format!("**{}**", md_escape(&k.term)) } else { t.style.bold(&k.term) };
        let lead = if t.md { "- " } else { "  " };
        let counts = format!("G² {:.1}: {} here, {} elsewhere", k.g2, k.area_count, k.others_count);
        if k.term.chars().count() + counts.chars().count() + 4 <= t.width {
            writeln!(t.out, "{lead}{term}  {counts}")?;
        } else {
            writeln!(t.out, "{lead}{term}\n    {}", truncate(&counts, t.width.saturating_sub(4)))?;
        }
        if let Some(e) = k.evidence.first() {
            let e = if t.md { md_escape(e) } else { e.clone() };
            writeln!(t.out, "    “ {}", truncate(&e, t.width.saturating_sub(6)))?;
        }
    }
    Ok(())
}
