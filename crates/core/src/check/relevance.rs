//! Lexical relevance between short texts: content words, lightly stemmed, weighted by how rare
//! they are in the document searched (inverse document frequency), with the abbreviations
//! either document defines spelled out.

use std::collections::{HashMap, HashSet};

use crate::text::is_stop_word;

/// Evaluative words whose negative form is about the same thing: "inconsistency" and
/// "consistently" both concern consistency.
const NEGATIVE_PREFIXES: &[(&str, &str)] = &[
    ("inconsist", "consist"),
    ("ineffect", "effect"),
    ("inappropriat", "appropriat"),
    ("insufficien", "sufficien"),
    ("inadequat", "adequat"),
    ("untimel", "timel"),
    ("unclear", "clear"),
    ("unsafe", "safe"),
];

/// A light English stemmer: enough to make "sharing", "shared" and "shares" one word.
pub(crate) fn stem(word: &str) -> String {
    let w = word.trim_end_matches("'s").trim_end_matches('\'');
    // Plurals first, then verb and adverb endings, then a final "e".
    let n = w.len();
    let mut s = if n > 5 && w.ends_with("ies") {
        format!("{}y", &w[..n - 3])
    } else if n > 5 && (w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses")) {
        w[..n - 2].to_string()
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w[..n - 1].to_string()
    } else {
        w.to_string()
    };
    if s.len() > 6 && s.ends_with("iness") {
        s.truncate(s.len() - 5);
        s.push('y');
    } else if s.len() > 6 && s.ends_with("ness") {
        s.truncate(s.len() - 4);
    }
    if s.len() > 7 && s.ends_with("ment") {
        s.truncate(s.len() - 4);
    }
    let n = s.len();
    if n > 6 && s.ends_with("ing") {
        s.truncate(n - 3);
    } else if (n > 5 && s.ends_with("ed")) || (n > 6 && s.ends_with("ly")) {
        s.truncate(n - 2);
    }
    s.trim_end_matches('e').to_string()
}

/// The content-word stems of `text`, with abbreviations in `expand` replaced by their long forms.
pub(crate) fn terms(text: &str, expand: &HashMap<String, Vec<String>>) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let raw = raw.trim_matches('\'');
        if raw.is_empty() {
            continue;
        }
        let lower = raw.to_lowercase();
        if lower.len() < 2 || is_stop_word(&lower) || lower.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        if let Some(long) = expand.get(raw).or_else(|| raw.strip_suffix('s').and_then(|r| expand.get(r))) {
            out.extend(long.iter().cloned());
            continue;
        }
        // "multiagency" is "multi-agency"; "inconsistent" is about consistency.
        if let Some(rest) = lower.strip_prefix("multi").filter(|r| r.len() > 3 && !r.starts_with('-')) {
            out.push("multi".to_string());
            out.push(stem(rest));
            continue;
        }
        let lower = NEGATIVE_PREFIXES
            .iter()
            .find_map(|(neg, pos)| lower.strip_prefix(neg).map(|rest| format!("{pos}{rest}")))
            .unwrap_or(lower);
        out.push(stem(&lower));
    }
    out
}

/// Abbreviations defined in `texts` ("long form (ABBR)"), as short form → long-form terms.
pub(crate) fn abbreviations<'a>(texts: impl IntoIterator<Item = &'a str>) -> HashMap<String, Vec<String>> {
    let mut out = HashMap::new();
    for t in texts {
        for d in crate::tag::abbrev::definitions(t) {
            let long = terms(&d.long, &HashMap::new());
            if !long.is_empty() {
                out.entry(d.short).or_insert(long);
            }
        }
    }
    out
}

/// A set of units to search, with the rarity of each term among them.
pub(crate) struct Index {
    pub units: Vec<HashSet<String>>,
    idf: HashMap<String, f64>,
    df: HashMap<String, usize>,
}

impl Index {
    pub fn new(units: Vec<Vec<String>>) -> Index {
        let n = units.len().max(1) as f64;
        let mut df: HashMap<String, usize> = HashMap::new();
        let units: Vec<HashSet<String>> = units.into_iter().map(|u| u.into_iter().collect()).collect();
        for u in &units {
            for t in u {
                *df.entry(t.clone()).or_insert(0) += 1;
            }
        }
        let idf = df.iter().map(|(t, &d)| (t.clone(), ((n + 1.0) / (d as f64 + 0.5)).ln().max(0.05))).collect();
        Index { units, idf, df }
    }

    /// The specific terms of `query`: those in at most one unit, or in none — what the query
    /// says that is particular rather than the vocabulary of the whole document.
    pub fn specific<'q>(&self, query: &'q [String]) -> Vec<&'q String> {
        let distinct: std::collections::BTreeSet<&String> = query.iter().collect();
        distinct.into_iter().filter(|t| self.df.get(t.as_str()).copied().unwrap_or(0) <= 1).collect()
    }

    /// The weight of a term: rare in the units, heavy; absent from them, as heavy as a term
    /// found once.
    pub fn weight(&self, term: &str) -> f64 {
        self.idf.get(term).copied().unwrap_or_else(|| ((self.units.len() as f64 + 1.0) / 1.5).ln().max(0.05))
    }

    /// How much of `query` (weighted) the terms in `have` cover: 0 to 1. The weights are
    /// summed in term order, so the same query always gives the same score to the last bit
    /// (hash-set order would not, and near-ties would then rank differently from run to run).
    pub fn coverage(&self, query: &[String], have: &HashSet<String>) -> f64 {
        let distinct: std::collections::BTreeSet<&String> = query.iter().collect();
        let total: f64 = distinct.iter().map(|t| self.weight(t)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let hit: f64 = distinct.iter().filter(|t| have.contains(t.as_str())).map(|t| self.weight(t)).sum();
        hit / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        for (a, b) in [
            ("sharing", "shared"),
            ("shares", "share"),
            ("meetings", "meeting"),
            ("delays", "delayed"),
            ("agencies", "agency"),
            ("timeliness", "timely"),
            ("assessment", "assessed"),
            ("management", "managed"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} {b}");
        }
        assert_ne!(stem("process"), stem("processing").to_string() + "x");
    }

    #[test]
    fn abbreviations_expand_both_spellings() {
        let expand = abbreviations([
            "The Children's Independent Sexual Violence Advocate (ChIVSA) service",
            "the Children's Independent Sexual Violence Advocate (CHISVA) service",
        ]);
        assert_eq!(terms("ChIVSA", &expand), terms("CHISVA", &expand));
        assert!(terms("CHISVA", &expand).contains(&stem("violence")));
    }
}
