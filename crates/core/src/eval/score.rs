//! Agreement between two codings: precision, recall and F1 of the tool against the person,
//! and Cohen's κ, for a yes/no code or a choice among several.

use serde::{Deserialize, Serialize};

/// Agreement on one yes/no code over a set of units.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Units both gave the code.
    pub tp: u32,
    /// Units only the tool gave it.
    pub fp: u32,
    /// Units only the person gave it.
    #[serde(rename = "fn")]
    pub fn_: u32,
    /// Units neither gave it.
    pub tn: u32,
    /// `tp / (tp + fp)`; `None` when the tool never gave it.
    pub precision: Option<f64>,
    /// `tp / (tp + fn)`; `None` when the person never gave it.
    pub recall: Option<f64>,
    /// Their harmonic mean; `None` when either is.
    pub f1: Option<f64>,
    /// Cohen's κ over all four cells; `None` when chance agreement is total (one coder used a
    /// single value throughout).
    pub kappa: Option<f64>,
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| round4(f64::from(a) / f64::from(b)))
}

/// Rounds to four decimals, so output is short and stable.
pub(super) fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}

impl Score {
    /// The score of the four counts.
    pub fn new(tp: u32, fp: u32, fn_: u32, tn: u32) -> Score {
        let precision = ratio(tp, tp + fp);
        let recall = ratio(tp, tp + fn_);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(round4(2.0 * p * r / (p + r))),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        let kappa = kappa(&[[tp, fn_], [fp, tn]]);
        Score { tp, fp, fn_, tn, precision, recall, f1, kappa }
    }
}

/// Cohen's κ of a square confusion matrix (`m[gold][tool]`): `(po − pe) / (1 − pe)`; `None`
/// when there are no units or chance agreement is total.
pub fn kappa<const N: usize>(m: &[[u32; N]; N]) -> Option<f64> {
    let n: f64 = m.iter().flatten().map(|&x| f64::from(x)).sum();
    if n == 0.0 {
        return None;
    }
    let po = (0..N).map(|i| f64::from(m[i][i])).sum::<f64>() / n;
    let row = |i: usize| m[i].iter().map(|&x| f64::from(x)).sum::<f64>();
    let col = |j: usize| m.iter().map(|r| f64::from(r[j])).sum::<f64>();
    let pe = (0..N).map(|i| row(i) * col(i)).sum::<f64>() / (n * n);
    (pe < 1.0 - 1e-12).then(|| round4((po - pe) / (1.0 - pe)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Worked by hand: 20 units, 8 coded by both, 2 by the tool only, 4 by the person only, 6 by
    /// neither. P = 8/10, R = 8/12, F1 = 2·0.8·0.6667/1.4667 = 0.7273; po = 14/20 = 0.7,
    /// pe = (12·10 + 8·10)/400 = 0.5, κ = 0.2/0.5 = 0.4.
    #[test]
    fn scores_worked_by_hand() {
        let s = Score::new(8, 2, 4, 6);
        assert_eq!((s.precision, s.recall, s.f1, s.kappa), (Some(0.8), Some(0.6667), Some(0.7273), Some(0.4)));
        // The tool never gives the code: no precision; κ is 0 (agreement no better than chance).
        let s = Score::new(0, 0, 3, 7);
        assert_eq!((s.precision, s.recall, s.f1, s.kappa), (None, Some(0.0), None, Some(0.0)));
        // Neither ever gives it: chance agreement is total, κ undefined.
        assert_eq!(Score::new(0, 0, 0, 9).kappa, None);
        // Three categories: po = 70/100, pe = (30·35 + 30·35 + 40·30)/100² = 0.33, κ = 0.5522.
        assert_eq!(kappa(&[[25, 5, 0], [5, 20, 5], [5, 10, 25]]), Some(0.5522));
    }
}
