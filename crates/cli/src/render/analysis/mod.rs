//! Corpus analysis for people (table, Markdown) and machines (tidy CSV, JSON, JSON Lines with
//! a `type` tag: `prevalence`, `trend`, `profile`, `keyness`, `cooccurrence`).

mod cooccurrence;
mod prevalence;
mod profile;

pub use cooccurrence::write_cooccurrence;
pub use prevalence::{write_prevalence, write_trend};
pub use profile::write_profile;

/// A share as a whole percentage.
fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

#[cfg(test)]
mod tests {
    /// The README's table of analysis records names every CSV column.
    #[test]
    fn readme_documents_every_column() {
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        let table = &readme[readme.find("### Analysis records").unwrap()..];
        let columns = super::prevalence::PREVALENCE_CSV
            .iter()
            .chain(&super::profile::PROFILE_CSV)
            .chain(&super::profile::KEYNESS_CSV)
            .chain(&super::cooccurrence::COOCCURRENCE_CSV);
        for column in columns {
            assert!(table.contains(&format!("`{column}`")), "README's analysis records lack `{column}`");
        }
    }
}
