//! The tag stage: each finding of a document — a list item whole, or a sentence of a
//! paragraph — tagged with the themes and agencies of the taxonomy ([`Taxonomy`], compiled in
//! from `taxonomy.toml`) and a polarity ([`Polarity`]), with the words behind each tag.
//!
//! The taxonomy's phrases, exclusions, patterns and polarity cues are compiled once into one
//! matching engine and run once over a whole document; abbreviations a document defines
//! ("long form (ABBR)") tag as their long forms.

pub(crate) mod abbrev;
mod engine;
mod finding;
mod listing;
mod patterns;
mod phrases;
mod polarity;
mod tagger;
mod taxonomy;
mod words;

pub use finding::{Evidence, ExampleFailure, Finding, Match, Tags, Unit};
pub(crate) use listing::ListSide;
pub use polarity::Polarity;
pub use tagger::{Tagger, TaggerBuilder};
pub use taxonomy::{BUILTIN_TOML, Entry, Lexicon, Taxonomy};

#[cfg(feature = "stages")]
pub(crate) use phrases::Normalised;
