//! The statistics of corpus analysis: Wilson intervals for shares, Fisher's exact test (with
//! the smallest p its margins allow, for Tarone's count of tests) and a log odds ratio for a
//! 2×2 table, Benjamini–Hochberg q-values, and Dunning's log-likelihood (G²) for keyness.

/// The normal quantile of a two-sided 95% interval.
const Z95: f64 = 1.959_963_984_540_054;

/// The 95% Wilson score interval of `k` successes in `n` trials: `(low, high)`; `(0, 1)`
/// when `n` is 0.
pub fn wilson(k: u32, n: u32) -> (f64, f64) {
    if n == 0 {
        return (0.0, 1.0);
    }
    let (k, n) = (f64::from(k), f64::from(n));
    let p = k / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// `ln(n!)`.
fn ln_factorial(n: u64) -> f64 {
    (2..=n).map(|i| (i as f64).ln()).sum()
}

/// Fisher's exact test of the 2×2 table `[[a, b], [c, d]]`, two-sided: the probability, with
/// the margins fixed, of a table no more likely than this one (R's `fisher.test`, with its
/// relative tolerance for ties).
pub fn fisher_exact(a: u32, b: u32, c: u32, d: u32) -> f64 {
    let (a, b, c, d) = (u64::from(a), u64::from(b), u64::from(c), u64::from(d));
    let (row1, col1, n) = (a + b, a + c, a + b + c + d);
    let fixed =
        ln_factorial(row1) + ln_factorial(n - row1) + ln_factorial(col1) + ln_factorial(n - col1) - ln_factorial(n);
    let prob = |x: u64| {
        (fixed - ln_factorial(x) - ln_factorial(row1 - x) - ln_factorial(col1 - x) - ln_factorial(n + x - row1 - col1))
            .exp()
    };
    let observed = prob(a);
    let lo = (row1 + col1).saturating_sub(n);
    let hi = row1.min(col1);
    let p: f64 = (lo..=hi).map(prob).filter(|&q| q <= observed * (1.0 + 1e-7)).sum();
    p.min(1.0)
}

/// The smallest p-value Fisher's exact test can give with these margins (`row1` of `n` in the
/// first row, `col1` of `n` in the first column), whatever the table: a test that cannot
/// reach a significance level is left out of the count of tests (Tarone's method).
pub fn fisher_min_p(row1: u32, col1: u32, n: u32) -> f64 {
    let lo = (row1 + col1).saturating_sub(n);
    let hi = row1.min(col1);
    (lo..=hi).map(|a| fisher_exact(a, row1 - a, col1 - a, n + a - row1 - col1)).fold(1.0, f64::min)
}

/// Benjamini–Hochberg adjusted p-values (q-values), in the order given (R's
/// `p.adjust(method = "BH")`): the false discovery rate at which each would be called.
pub fn benjamini_hochberg(p: &[f64]) -> Vec<f64> {
    let m = p.len() as f64;
    let mut order: Vec<usize> = (0..p.len()).collect();
    order.sort_by(|&i, &j| p[i].total_cmp(&p[j]));
    let mut q = vec![1.0; p.len()];
    let mut running = 1.0f64;
    for (rank, &i) in order.iter().enumerate().rev() {
        running = running.min(p[i] * m / (rank + 1) as f64);
        q[i] = running.min(1.0);
    }
    q
}

/// The log odds ratio of `[[a, b], [c, d]]` with its 95% interval, half added to every cell
/// (Haldane–Anscombe), so empty cells give a finite estimate: `(log_or, low, high)`.
pub fn log_odds_ratio(a: u32, b: u32, c: u32, d: u32) -> (f64, f64, f64) {
    let [a, b, c, d] = [a, b, c, d].map(|x| f64::from(x) + 0.5);
    let l = (a * d / (b * c)).ln();
    let se = (1.0 / a + 1.0 / b + 1.0 / c + 1.0 / d).sqrt();
    (l, l - Z95 * se, l + Z95 * se)
}

/// Dunning's log-likelihood ratio G² of a term found `a` times among `target` words and `b`
/// times among `reference` words, with Williams' correction, signed positive when the term is
/// more frequent in the target than expected (quanteda's `textstat_keyness(measure = "lr",
/// correction = "williams")`).
pub fn g2(a: u64, b: u64, target: u64, reference: u64) -> f64 {
    let (a, b) = (a as f64, b as f64);
    let (c, d) = (target as f64 - a, reference as f64 - b);
    let n = a + b + c + d;
    let expected_a = (a + b) * (a + c) / n;
    let cell = |o: f64, row: f64, col: f64| if o > 0.0 { o * (o / (row * col / n)).ln() } else { 0.0 };
    let g = 2.0 * (cell(a, a + b, a + c) + cell(b, a + b, b + d) + cell(c, c + d, a + c) + cell(d, c + d, b + d));
    let q = if a * b * c * d == 0.0 {
        1.0
    } else {
        1.0 + (n / (a + b) + n / (c + d) - 1.0) * (n / (a + c) + n / (b + d) - 1.0) / (6.0 * n)
    };
    let sign = if a > expected_a { 1.0 } else { -1.0 };
    sign * g / q
}

/// The upper tail of the chi-squared distribution with one degree of freedom at `x`: the
/// p-value of a G² or chi² statistic.
pub fn chi2_p(x: f64) -> f64 {
    erfc((x.abs() / 2.0).sqrt())
}

/// The complementary error function (Numerical Recipes' `erfcc`, fractional error below
/// 1.2e-7 everywhere).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98 + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Against values computed independently, in Python: statsmodels'
    /// `proportion_confint(method="wilson")`, scipy's `fisher_exact` and `chi2.sf`, and
    /// quanteda's G² formula with Williams' correction (without its epsilon inside the logs).
    #[test]
    fn against_reference_values() {
        for (k, n, lo, hi) in [
            (0, 10, 0.0, 0.277533),
            (3, 10, 0.107791, 0.603222),
            (10, 10, 0.722467, 1.0),
            (61, 98, 0.523566, 0.712095),
            (1, 1, 0.206549, 1.0),
            (17, 55, 0.202823, 0.440286),
        ] {
            let (l, h) = wilson(k, n);
            assert!(close(l, lo, 1e-6) && close(h, hi, 1e-6), "wilson({k}, {n}) = ({l}, {h})");
        }
        for ((a, b, c, d), p) in [
            ((1, 0, 0, 30), 0.032258064516129),
            ((1, 0, 1, 29), 0.064516129032258),
            ((0, 1, 30, 0), 0.032258064516129),
            ((3, 2, 5, 20), 0.101974653698792),
            ((8, 2, 1, 5), 0.034965034965035),
        ] {
            let got = fisher_exact(a, b, c, d);
            assert!(close(got, p, 1e-9), "fisher({a},{b},{c},{d}) = {got}, want {p}");
        }
        for ((a, b, t, r), g, p) in [
            ((10, 5, 1000, 5000), 17.4300415715431, 2.9807752739775244e-05),
            ((3, 40, 2000, 60000), 1.3097340904401784, 0.25244280537130037),
        ] {
            let got = g2(a, b, t, r);
            assert!(close(got, g, 1e-6), "g2 = {got}, want {g}");
            assert!(close(chi2_p(got), p, 1e-7 + p * 1e-6), "p = {}, want {p}", chi2_p(got));
        }
        // R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH") = 0.02 0.04 0.04 0.02.
        let q = benjamini_hochberg(&[0.01, 0.04, 0.03, 0.005]);
        assert!(q.iter().zip([0.02, 0.04, 0.04, 0.02]).all(|(a, b)| close(*a, b, 1e-12)), "{q:?}");
        // One of 33 documents lists a theme: at best it is the area's, p = 1/33.
        assert!(close(fisher_min_p(1, 1, 33), 1.0 / 33.0, 1e-12));
        // A theme every document lists cannot tell any apart.
        assert!(close(fisher_min_p(1, 33, 33), 1.0, 1e-12));
        assert!(close(fisher_min_p(5, 10, 30), fisher_exact(5, 0, 5, 20), 1e-12));
        let (l, lo, hi) = log_odds_ratio(8, 2, 1, 5);
        assert!(close(l, (8.5f64 * 5.5 / (2.5 * 1.5)).ln(), 1e-12) && lo < l && l < hi);
    }
}
