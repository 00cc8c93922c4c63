//! Property tests: any text parses without panicking, and every span is in bounds, on char
//! boundaries and nested (sentence in block in section).

use letters_core::{Document, Span};
use proptest::prelude::*;

/// Pieces of real letters and of what PDF extraction leaves, to build letter-like inputs.
const PIECES: &[&str] = &[
    "Strengths",
    "What needs to improve?1",
    "Headline findings",
    "Main findings",
    "Practice study: area for improvement",
    "Yours sincerely",
    "Dear Somewhere Safeguarding Children Partnership",
    "Joint targeted area inspection of Somewhere",
    "12 February 2026",
    "took place from 8 to 12 December 2025.",
    "- ",
    "• ",
    "◼",
    "\u{f06e}  ",
    "1. ",
    "(a) ",
    "6.",
    "01 Purpose",
    "Page 2 of 3",
    "2",
    "HM Inspectorate",
    "of Probation",
    "1 This joint inspection was conducted under section 20.",
    "board1 ",
    "Dr. J. Smith said e.g. no.",
    "The partnership’s “voice”",
    "**bold**",
    "<ul style=\"x\">",
    "\t",
    "\t\t\t",
    "Key Deliverable\tLead\tTimeframe\tImpact Measure",
    "word ",
    "Sentence. ",
    "é",
    "日本語",
    "¹",
    "\u{feff}",
    "\u{a0}",
    "\u{ad}",
    " ",
    "\n",
    "\n\n",
    "\n\n\n\n",
    "\r\n",
    "\r",
    "\x0c",
];

fn letter_like() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..120).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let doc = Document::parse(text);
    let ok = |s: Span| s.start <= s.end && text.get(s.range()).is_some();
    for s in &doc.sections {
        assert!(ok(s.span), "section span {:?}", s.span);
        for b in &s.blocks {
            assert!(ok(b.span), "block span {:?}", b.span);
            assert!(s.span.contains(b.span), "block {:?} outside section {:?}", b.span, s.span);
            assert!(!b.text.is_empty());
            for st in &b.sentences {
                assert!(ok(st.span), "sentence span {:?}", st.span);
                assert!(b.span.contains(st.span), "sentence {:?} outside block {:?}", st.span, b.span);
            }
        }
    }
    // Whatever came out serialises and reads back the same.
    let json = serde_json::to_string(&doc).unwrap();
    let back: Document = serde_json::from_str(&json).unwrap();
    assert_eq!(back, doc);
}

proptest! {
    // 512 cases by default; set PROPTEST_CASES for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512),
        ..ProptestConfig::default()
    })]

    #[test]
    fn letter_like_text_parses(text in letter_like()) {
        check(&text);
    }

    #[test]
    fn any_text_parses(text in any::<String>()) {
        check(&text);
    }

    /// Cleaning is idempotent: cleaned text cleans to itself.
    #[test]
    fn cleaning_is_idempotent(text in prop_oneof![letter_like(), any::<String>()]) {
        let once = letters_core::stages::clean_text(&text);
        let twice = letters_core::stages::clean_text(&once);
        prop_assert_eq!(twice, once);
    }

    /// Every block's text, cleaned again, is unchanged.
    #[test]
    fn block_text_is_clean(text in letter_like()) {
        for b in Document::parse(&text).sections.iter().flat_map(|s| &s.blocks) {
            prop_assert_eq!(letters_core::stages::clean_text(&b.text), b.text.clone());
        }
    }

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = Document::from_bytes(&bytes) {
            let _ = doc.sections.len();
        }
    }
}
