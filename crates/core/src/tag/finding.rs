//! What tagging gives: findings with their themes, agencies, polarity and the evidence for
//! each tag.

use serde::{Deserialize, Serialize};

use super::Polarity;
use crate::structure::SectionKind;
use crate::text::Span;

/// How a finding was cut from its document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// A whole list item.
    Item,
    /// One sentence of a paragraph.
    Sentence,
}

impl Unit {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Item => "item",
            Unit::Sentence => "sentence",
        }
    }
}

/// Why a theme was tagged: the words matched and where they are in the original input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The theme id.
    pub theme: String,
    /// The matched words, as they appear in the finding's text.
    pub text: String,
    /// Where they are in the original input (the finding's span when the document was read
    /// back from JSON and has no offset map).
    pub span: Span,
}

/// One tagged finding: an item, or a sentence of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The section it is in.
    pub section: SectionKind,
    /// Item or sentence.
    pub unit: Unit,
    /// Its cleaned text.
    pub text: String,
    /// Where it is in the original input.
    pub span: Span,
    /// Theme ids, in taxonomy order.
    pub themes: Vec<String>,
    /// Agency ids, in taxonomy order.
    pub agencies: Vec<String>,
    /// Strength, improvement, mixed or neutral.
    pub polarity: Polarity,
    /// The words that decided the polarity (for a listed item, the list's heading, then the
    /// cues of any sentence that says the opposite of the list; for a sentence whose own words
    /// judge nothing, in a section that gives it a side, that section's heading; for a neutral
    /// sentence, nothing, or the caveat that judged it neutral: "too soon to").
    pub cues: Vec<String>,
    /// For a listed item, the themes that only its sentences saying the opposite of the list
    /// name (a deficit in a list of strengths, a strength in a list of improvements): they
    /// count on the other side. Theme ids, in taxonomy order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub against_list: Vec<String>,
    /// The words behind each theme.
    pub evidence: Vec<Evidence>,
}

/// A theme or agency match in a piece of text: which entry, and the byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The entry id.
    pub id: String,
    /// Start of the matched words in the text.
    pub start: usize,
    /// End of the matched words in the text.
    pub end: usize,
}

/// The tags of a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tags {
    /// Theme ids, in taxonomy order.
    pub themes: Vec<String>,
    /// Agency ids, in taxonomy order.
    pub agencies: Vec<String>,
    /// Polarity judged from the text's own cues.
    pub polarity: Polarity,
    /// The words that decided the polarity.
    pub cues: Vec<String>,
    /// Theme matches, in text order.
    pub theme_matches: Vec<Match>,
    /// Agency matches, in text order.
    pub agency_matches: Vec<Match>,
}

/// An example sentence of the taxonomy that the tagger gets wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// "theme", "agency" or "polarity".
    pub facet: &'static str,
    /// The entry id, or the expected polarity.
    pub id: String,
    /// The example sentence.
    pub sentence: String,
    /// What the example expects ("tag", "not tag", or a polarity).
    pub expected: String,
    /// What the tagger gave.
    pub got: String,
}
