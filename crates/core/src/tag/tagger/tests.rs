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

/// Weak phrases count only where no other theme is named; contextual phrases only beside one
/// of their entry's context words (anywhere in the unit, before or after).
#[test]
fn weak_and_contextual_phrases() {
    let t = tagger(
        r#"
[[theme]]
id = "lead"
label = "L"
phrases = ["governance"]
weak = ["leader"]
[[theme]]
id = "place"
label = "P"
phrases = ["placement"]
[[theme]]
id = "police"
label = "PI"
phrases = ["arrest"]
contextual = ["investigation"]
context = ["police", "crime"]
"#,
    );
    let cases: &[(&str, &[&str])] = &[
        ("Leaders have plans in place.", &["lead"]),
        ("Leaders have increased the number of placements.", &["place"]),
        ("Leaders and governance are strong; placements are few.", &["lead", "place"]),
        ("The police investigation was thorough.", &["police"]),
        ("Investigations are thorough when a crime is reported.", &["police"]),
        ("An investigation into the complaint was thorough.", &[]),
        ("Investigations led to an arrest.", &["police"]),
    ];
    for (text, want) in cases {
        let got = t.tag(text).themes;
        assert_eq!(got, want.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{text}");
    }
}

/// Contextual phrases and context words go together.
#[test]
fn contextual_phrases_need_context_words() {
    let toml = "[[theme]]\nid = \"p\"\nlabel = \"P\"\nphrases = [\"arrest\"]\ncontextual = [\"investigation\"]\n";
    let err = Taxonomy::from_toml(toml, "mine.toml").unwrap_err().to_string();
    assert!(
        err.contains("mine.toml")
            && err.contains("line 2")
            && err.contains("theme 'p'")
            && err.contains("context words go together"),
        "{err}"
    );
}
