//! What a comparison derives from its finished cells: themes that flip between areas, listings
//! areas share or hold alone, and how alike the areas' profiles are.

use super::model::{Cell, Flip, Listing, Similarity};
use crate::tag::Polarity;

/// The derived views of a comparison.
pub(super) struct Views {
    pub flips: Vec<Flip>,
    pub shared: Vec<Listing>,
    pub unique: Vec<Listing>,
    pub similarity: Vec<Similarity>,
}

/// The views over `areas` (each inspected area's name and its cells, one per theme of
/// `themes`, which are (id, label) in taxonomy order).
pub(super) fn derive(themes: &[(String, String)], areas: &[(&str, &[Cell])]) -> Views {
    let mut flips = Vec::new();
    let mut shared = Vec::new();
    let mut unique = Vec::new();
    for (t, (id, label)) in themes.iter().enumerate() {
        let listed_in = |keep: &dyn Fn(&Cell) -> bool| -> Vec<String> {
            areas.iter().filter(|(_, cells)| keep(&cells[t])).map(|(name, _)| name.to_string()).collect()
        };
        let strength = listed_in(&|c| c.listed.strength > 0);
        let improvement = listed_in(&|c| c.listed.improvement_side() > 0);
        if strength.iter().any(|s| improvement.iter().any(|i| i != s)) {
            flips.push(Flip {
                theme: id.clone(),
                label: label.clone(),
                strength: strength.clone(),
                improvement: improvement.clone(),
            });
        }
        for (areas, polarity) in [(improvement, Polarity::Improvement), (strength, Polarity::Strength)] {
            let l = Listing { theme: id.clone(), label: label.clone(), polarity, areas };
            match l.areas.len() {
                0 => {}
                1 => unique.push(l),
                _ => shared.push(l),
            }
        }
    }
    shared.sort_by(|a, b| b.areas.len().cmp(&a.areas.len()).then(a.polarity.cmp(&b.polarity)));
    Views { flips, shared, unique, similarity: similarity(areas) }
}

/// Cosine similarity of every pair of areas over their theme × (strength, improvement, mixed)
/// counts, listed and mentioned together; to three decimals.
fn similarity(areas: &[(&str, &[Cell])]) -> Vec<Similarity> {
    let vector = |cells: &[Cell]| -> Vec<f64> {
        cells
            .iter()
            .flat_map(|c| {
                [
                    f64::from(c.listed.strength + c.mentions.strength),
                    f64::from(c.listed.improvement_side() + c.mentions.improvement),
                    f64::from(c.mentions.mixed),
                ]
            })
            .collect()
    };
    let vectors: Vec<(&str, Vec<f64>)> = areas.iter().map(|(name, cells)| (*name, vector(cells))).collect();
    let mut out = Vec::new();
    for (i, (name_a, a)) in vectors.iter().enumerate() {
        for (name_b, b) in &vectors[i + 1..] {
            let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
            let na: f64 = a.iter().map(|x| x * x).sum::<f64>().sqrt();
            let nb: f64 = b.iter().map(|x| x * x).sum::<f64>().sqrt();
            let cosine = if na == 0.0 || nb == 0.0 { 0.0 } else { (dot / (na * nb) * 1000.0).round() / 1000.0 };
            out.push(Similarity { a: name_a.to_string(), b: name_b.to_string(), cosine });
        }
    }
    out
}
