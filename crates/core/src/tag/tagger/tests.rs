//! Matching and the built-in taxonomy's own examples.

use super::*;

fn tagger(toml: &str) -> Tagger {
    TaggerBuilder::new().taxonomy(Taxonomy::from_toml(toml, "test").unwrap()).build().unwrap()
}

/// Whole words, hyphen/space/no-space forms, case-sensitive acronyms, inflections, curly
/// apostrophes, longest match, exclusions.
#[test]
fn matching_table() {
    let t = tagger(
        r#"
[[theme]]
id = "is"
label = "IS"
phrases = ["information sharing"]
[[theme]]
id = "mac"
label = "MA"
phrases = ["multi-agency"]
[[theme]]
id = "abe"
label = "ABE"
phrases = ["ABE"]
[[theme]]
id = "csc"
label = "CSC"
phrases = ["children's social care"]
[[theme]]
id = "mappa"
label = "M"
phrases = ["MAPPA"]
[[theme]]
id = "meet"
label = "MM"
phrases = ["MAPPA meeting"]
[[theme]]
id = "train"
label = "T"
phrases = ["training"]
exclude = ["training needs analysis"]
"#,
    );
    let cases: &[(&str, &[(&str, &str)])] = &[
        ("Information-sharing is weak", &[("is", "Information-sharing")]),
        ("a multiagency response", &[("mac", "multiagency")]),
        ("Multi agency work and multi- agency", &[("mac", "Multi agency"), ("mac", "multi- agency")]),
        ("ABE interviews, not abe or Abe", &[("abe", "ABE")]),
        ("children\u{2019}s  social\ncare", &[("csc", "children\u{2019}s  social\ncare")]),
        ("good MAPPA meetings and MAPPA", &[("meet", "MAPPA meetings"), ("mappa", "MAPPA")]),
        ("retraining and trainings", &[("train", "trainings")]),
        ("a training needs analysis", &[]),
    ];
    for (text, want) in cases {
        let got: Vec<(String, &str)> =
            t.tag(text).theme_matches.iter().map(|m| (m.id.clone(), &text[m.start..m.end])).collect();
        let want: Vec<(String, &str)> = want.iter().map(|(a, b)| (a.to_string(), *b)).collect();
        assert_eq!(got, want, "{text}");
    }
}

/// Every example sentence of the built-in taxonomy tags (or does not tag) as it says.
#[test]
fn builtin_examples_pass() {
    let failures = Tagger::new().check_examples();
    let report: Vec<String> = failures
        .iter()
        .map(|f| format!("{} {} expected {} got {}: {}", f.facet, f.id, f.expected, f.got, f.sentence))
        .collect();
    assert!(report.is_empty(), "{} failures:\n{}", report.len(), report.join("\n"));
}
