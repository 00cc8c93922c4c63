//! Which themes are listed together: pairs of themes listed on the same side of the same
//! documents, with how much more often than chance.

use serde::{Deserialize, Serialize};

use super::prevalence::{lists, round6};
use super::{Corpus, Side};

/// Two themes listed on one side of the same documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cooccurrence {
    /// One theme's id.
    pub a: String,
    /// The other's.
    pub b: String,
    /// The side.
    pub side: Side,
    /// Documents counted.
    pub documents: u32,
    /// Documents listing both.
    pub both: u32,
    /// Documents listing `a`.
    pub a_listed: u32,
    /// Documents listing `b`.
    pub b_listed: u32,
    /// How many times more often than if they were independent:
    /// `both × documents / (a_listed × b_listed)`.
    pub lift: f64,
}

impl Corpus {
    /// Every pair of themes listed together on `side` in at least one document, most lifted
    /// first (then most frequent, then in taxonomy order).
    pub fn cooccurrence(&self, side: Side) -> Vec<Cooccurrence> {
        let docs: Vec<_> = self.counted().collect();
        let n = docs.len() as u32;
        let k = self.themes.len();
        let listing: Vec<Vec<bool>> = docs.iter().map(|d| (0..k).map(|t| lists(d, t as u32, side)).collect()).collect();
        let count = |t: usize| listing.iter().filter(|l| l[t]).count() as u32;
        let counts: Vec<u32> = (0..k).map(count).collect();
        let mut out = Vec::new();
        for a in 0..k {
            for b in a + 1..k {
                let both = listing.iter().filter(|l| l[a] && l[b]).count() as u32;
                if both == 0 {
                    continue;
                }
                let lift = f64::from(both) * f64::from(n) / (f64::from(counts[a]) * f64::from(counts[b]));
                out.push(Cooccurrence {
                    a: self.themes[a].0.clone(),
                    b: self.themes[b].0.clone(),
                    side,
                    documents: n,
                    both,
                    a_listed: counts[a],
                    b_listed: counts[b],
                    lift: round6(lift),
                });
            }
        }
        out.sort_by(|x, y| y.lift.total_cmp(&x.lift).then(y.both.cmp(&x.both)));
        out
    }
}
