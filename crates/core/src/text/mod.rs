//! The ground floor: byte spans and the maps that keep them, character folding, whitespace,
//! and the regex helper. Every later stage stands on it; it imports nothing else of the crate.

mod fold;
mod offsets;
pub(crate) mod rx;
mod span;
mod stop;

pub(crate) use fold::{PLAIN, count_words, final_punctuation, fold_quote, is_space, plain_bytes, plain_len, prefix};
pub(crate) use offsets::OffsetMap;
pub use span::Span;
pub(crate) use stop::is_stop_word;
