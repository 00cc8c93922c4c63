//! Corpus analysis in the library: where a theme stands in an area's profile, by hand-made
//! corpora whose p-values are worked out by hand.

use letters_core::analysis::{Against, Corpus, Side, Standing, ThemeProfile};
use letters_core::meta::all_authorities;
use letters_core::{Document, Tagger};

/// A JTAI letter about `area` whose improvements list holds `item`.
fn letter(area: &str, item: &str) -> String {
    format!(
        "1 May 2024\n\nDear all\n\nJoint targeted area inspection of {area}\n\nWhat needs to improve?\n\n- {item}\n"
    )
}

/// A corpus: Kent lists access to therapy; `others` other areas list the timeliness of
/// strategy meetings (timeliness, child protection meetings).
fn corpus(others: usize) -> Corpus {
    let tagger = Tagger::new();
    let mut corpus = Corpus::new(tagger.taxonomy());
    let areas = all_authorities().map(|a| a.name.as_str()).filter(|n| *n != "Kent").take(others);
    let texts = std::iter::once(letter("Kent", "Access to therapy."))
        .chain(areas.map(|a| letter(a, "Timeliness of strategy meetings.")));
    for (k, text) in texts.enumerate() {
        let doc = Document::parse(&text);
        let record = corpus.record(&format!("{k}.txt"), &doc, &tagger, false);
        corpus.add(record);
    }
    corpus
}

fn theme<'a>(themes: &'a [ThemeProfile], id: &str) -> &'a ThemeProfile {
    themes.iter().find(|t| t.theme == id && t.side == Side::Improvement).unwrap()
}

/// Against 8 others, no single letter can differ beyond chance (the best p is 1/9): therapy is
/// rare elsewhere, timeliness common elsewhere, neither distinctive.
#[test]
fn too_few_to_test_is_described_not_called_distinctive() {
    let p = corpus(8).profile("Kent", Against::Comparable).unwrap();
    assert_eq!(p.compared, 8);
    assert!(p.themes.iter().all(|t| !t.testable && t.q_value == 1.0));
    let therapy = theme(&p.themes, "therapy");
    assert_eq!((therapy.area_listed, therapy.others_listed), (1, 0));
    assert!((therapy.p_value - 1.0 / 9.0).abs() < 1e-6);
    assert_eq!(therapy.standing, Standing::RareElsewhere);
    assert_eq!(therapy.evidence[0].text, "Access to therapy.");
    let timeliness = theme(&p.themes, "timeliness");
    assert_eq!((timeliness.area_listed, timeliness.others_listed), (0, 8));
    assert_eq!(timeliness.standing, Standing::CommonElsewhere);
}

/// Against 25 others, each of the three themes could differ (best p 1/26) and does: with
/// three tests, q = p × 3 / 3.
#[test]
fn enough_to_test_is_distinctive_with_q_values() {
    let p = corpus(25).profile("E10000016", Against::All).unwrap();
    assert_eq!(p.area, "Kent");
    assert_eq!(p.themes.iter().filter(|t| t.testable).count(), 3);
    for id in ["therapy", "timeliness", "child-protection-meetings"] {
        let t = theme(&p.themes, id);
        assert!((t.p_value - 1.0 / 26.0).abs() < 1e-6, "{id}: {}", t.p_value);
        assert!((t.q_value - 1.0 / 26.0).abs() < 1e-6, "{id}: {}", t.q_value);
        assert_eq!(t.standing, Standing::Distinctive, "{id}");
    }
    // Distinctive themes come first.
    assert!(p.themes[..3].iter().all(|t| t.standing == Standing::Distinctive));
}

#[test]
fn an_area_without_documents_has_no_profile() {
    assert!(corpus(3).profile("Essex", Against::All).is_none());
    assert!(corpus(3).profile("Narnia", Against::All).is_none());
}

/// A listed item keeps the words that tagged each of its themes, as byte ranges of its text.
#[test]
fn items_keep_the_words_that_tagged_them() {
    let tagger = Tagger::new();
    let corpus = Corpus::new(tagger.taxonomy());
    let doc = Document::parse(&letter("Kent", "Children’s access to therapy is slow."));
    let record = corpus.record("kent.txt", &doc, &tagger, false);
    let item = &record.items[0];
    let therapy = corpus.themes().iter().position(|(id, _)| id == "therapy").unwrap() as u32;
    let words: Vec<&str> =
        item.marks.iter().filter(|m| m.theme == therapy).map(|m| &item.text[m.start..m.end]).collect();
    assert_eq!(words, ["therapy"]);
    assert!(item.themes.contains(&therapy));
}
