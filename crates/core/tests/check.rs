//! Claim check and coverage on the shipped corpus.

mod common;

use common::*;
use letters_core::check::Verdict;
use letters_core::{CheckBuilder, SectionKind, Tagger};

#[test]
fn response_claims_are_checked_against_the_letter() {
    let (_, response) = load(RESPONSE);
    let (_, letter) = load(LEICESTERSHIRE);
    let tagger = Tagger::new();
    let claims = CheckBuilder::new().build(&tagger).check(&response, &letter);
    assert!(claims.len() >= 15, "{} claims", claims.len());
    let claim =
        |start: &str| claims.iter().find(|c| c.text.starts_with(start)).unwrap_or_else(|| panic!("no claim {start:?}"));

    let c = claim("Inspectors noted delays in interviewing suspects, prolonged forensic examinations");
    assert_eq!(c.verdict, Verdict::Unsupported, "score {}", c.score);

    let c = claim("A significant concern raised by inspectors was the inconsistency of information sharing");
    assert_eq!(c.verdict, Verdict::Supported, "score {}", c.score);
    let first_improvement = &letter.section(SectionKind::Improvements).unwrap().blocks[0];
    assert!(c.support.iter().any(|s| s.span == first_improvement.span), "{:?}", c.support);
    assert!(c.themes.contains(&"information-sharing".to_string()));

    // A sentence that attributes nothing is not a claim.
    assert!(!claims.iter().any(|c| c.text.starts_with("I will look to work with commissioning bodies")));
    // Support spans slice the letter.
    let text = text(LEICESTERSHIRE);
    for c in &claims {
        for s in &c.support {
            assert!(text.get(s.span.range()).is_some());
        }
    }
}

#[test]
fn plan_coverage_of_the_letter() {
    let (_, plan) = load(PLAN);
    let (_, letter) = load(LEICESTERSHIRE);
    let tagger = Tagger::new();
    let items = CheckBuilder::new().build(&tagger).coverage(&plan, &letter);
    assert_eq!(items.len(), 3);
    let info = &items[0];
    assert!(info.text.starts_with("Improve information-sharing"));
    assert!(!info.addressed, "{:?}", info.by);
    let training = &items[2];
    assert!(training.text.starts_with("The take-up and accessibility of multi-agency training"));
    assert!(training.addressed);
    assert!(training.by[0].text.starts_with("Multi-agency training initiatives"));
}

/// The same inputs give the same claims, scores and support every time (scores once varied
/// with hash-set order, and near-ties then ranked support differently from run to run).
#[test]
fn check_and_coverage_are_deterministic() {
    let (_, response) = load(RESPONSE);
    let (_, letter) = load(LEICESTERSHIRE);
    let (_, plan) = load(PLAN);
    let tagger = Tagger::new();
    let checker = CheckBuilder::new().build(&tagger);
    let claims = |_| serde_json::to_string(&checker.check(&response, &letter)).unwrap();
    let coverage = |_| serde_json::to_string(&checker.coverage(&plan, &letter)).unwrap();
    let first = (claims(0), coverage(0));
    for i in 1..8 {
        assert_eq!((claims(i), coverage(i)), first, "run {i}");
    }
}
