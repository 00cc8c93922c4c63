//! How far a negator reaches: to the cue it flips, across the verb phrase a negation denies, and
//! along a list of the qualities it denies; and when a negation only says whom it means.

use super::lists::{AUXILIARIES, PHRASE_ENDS};
use super::{Cue, Negation, Negator};

/// How far, in words, a negator reaches to the cue it flips, and a negation to the qualities
/// listed after it; a verbal negation reaches further to a good word ([`PREDICATE_REACH`]).
pub(super) const NEGATION_REACH: usize = 5;

/// How far, in words, a verbal negation ([`VERBAL`]) reaches to a good word across the verb
/// phrase it denies ("have not had their needs identified or assessed promptly", "is not passed
/// on to new settings promptly"), unless a relative or subordinate clause, or a second
/// predicate ("… and are seen promptly"), starts between them.
pub(super) const PREDICATE_REACH: usize = 8;

/// Negators that deny a verb phrase, and so reach [`PREDICATE_REACH`] words: not a determiner
/// ("no concerns were raised about children being seen quickly") nor "without", "lack".
pub(super) const VERBAL: &[&str] = &["not", "never", "cannot", "n't"];

/// Words that open a clause of their own inside a sentence: a negation before them does not
/// reach past them to a far good word.
const CLAUSE_OPENERS: &[&str] = &["that", "which", "who", "whom", "whose", "when", "where", "so"];

/// Verbs that make a verb phrase of their own: a word of decrease does not reach past one
/// ("actions to minimise risk are insufficiently detailed", "work to prevent children going
/// missing remains limited"), nor a far negation past "and" or "but" before one.
pub(super) const FINITE: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "remain",
    "remains",
    "remained",
    "seem",
    "seems",
    "appear",
    "appears",
    "continue",
    "continues",
];

/// Whether a negative cue is a negation ("not always", "never", "not yet"): the qualities that
/// follow it are what is missing.
pub(super) fn denies(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "not" | "never" | "nor"))
}

/// Whether the text between a negation and a positive cue only continues a list of qualities
/// ("specific, comprehensive or"): no clause or sentence break, no verb-like joiner.
pub(super) fn is_list_gap(gap: &str) -> bool {
    !gap.contains([';', '.', ':'])
        && !gap.contains(", and ")
        && !gap.contains(", but ")
        && gap.split(',').all(|part| part.split_whitespace().count() <= 3)
}

/// Whether negator `n` reaches a cue of `kind` at word `w` across `gap` (their text between).
pub(super) fn reaches(n: Negator, w: usize, kind: Cue, gap: &str) -> bool {
    let distance = w.saturating_sub(n.word);
    distance <= NEGATION_REACH
        || (n.verbal
            && kind == Cue::Positive
            && (distance <= PREDICATE_REACH || ((purpose(gap) || manner(gap)) && plain_phrase(gap)))
            && !opens_clause(gap)
            && !second_predicate(gap))
}

fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'').filter(|w| !w.is_empty())
}

/// Whether `gap` ends in "to": the good word after it opens the purpose of the verb phrase a
/// negation denies ("are not systematically capturing the views of care leavers to help to
/// inform services"), however far that phrase runs.
fn purpose(gap: &str) -> bool {
    words(gap).next_back() == Some("to")
}

/// Whether `gap` ends in "in a" or "in an": the good word after it opens the manner phrase
/// that closes the verb phrase a negation denies ("do not share the minutes of strategy
/// meetings in a timely manner").
fn manner(gap: &str) -> bool {
    let mut w = words(gap).rev();
    matches!(w.next(), Some("a" | "an")) && w.next() == Some("in")
}

/// Whether `gap` is one plain verb phrase: no conjunction (which may join a second verb:
/// "never give up on young people and work tirelessly … to enable") and no verb of its own.
fn plain_phrase(gap: &str) -> bool {
    !words(gap).any(|w| matches!(w, "and" | "or" | "but" | "unless" | "nor") || FINITE.contains(&w))
}

/// Whether the good word at `start..end` of `lower` is an adverb of manner that closes the
/// phrase of the verb of decrease at `verb` ("reduce risk to them effectively.", "prevent
/// drift quickly and …"), not a quality of its object: within three words of it, with no verb
/// of the object's between ("prevents workers responding quickly", "reduces their ability to
/// act quickly", "fewer children seen promptly").
pub(super) fn says_how(lower: &str, verb: usize, start: usize, end: usize) -> bool {
    let word = &lower[start..end];
    let next = lower[end..].split_whitespace().next().unwrap_or("");
    let mut gap = lower[verb..start].split_whitespace();
    let decrease = gap.next().unwrap_or("");
    let inner_verb = |w: &str| w.ends_with("ing") || w.ends_with("ed") || matches!(w, "seen" | "being" | "been" | "be");
    word.ends_with("ly")
        && !matches!(word, "timely" | "early")
        && decrease != "fewer"
        && gap.clone().count() <= 3
        && !gap.any(inner_verb)
        && (next.is_empty() || next.starts_with(|c: char| !c.is_alphanumeric()) || PHRASE_ENDS.contains(&next))
}

fn opens_clause(gap: &str) -> bool {
    words(gap).any(|w| CLAUSE_OPENERS.contains(&w))
}

/// Whether "and" or "but" and a verb start a second predicate in `gap` ("children are not
/// passed between teams and are seen promptly").
fn second_predicate(gap: &str) -> bool {
    let mut joined = false;
    words(gap).any(|w| {
        let starts = joined && FINITE.contains(&w);
        joined = matches!(w, "and" | "but");
        starts
    })
}

/// Whether `before` (a sentence up to a negator) ends in "who", perhaps with an auxiliary: the
/// negation is then inside a relative clause that picks out a group ("those who cannot attend
/// school") — unless the sentence says that such a group exists, which is the finding ("there
/// are children who do not have an allocated social worker").
pub(super) fn describes_whom(before: &str) -> bool {
    let mut w = words(before).rev();
    let relative = match w.next() {
        Some("who") => true,
        Some(x) if AUXILIARIES.contains(&x) || matches!(x, "do" | "does" | "did") => w.next() == Some("who"),
        _ => false,
    };
    relative && !["there is ", "there are ", "there was ", "there were "].iter().any(|e| before.contains(e))
}

/// Whether a plain negator's word denies a verb phrase ([`VERBAL`]).
pub(super) fn verbal(kind: Negation, word: &str) -> bool {
    kind == Negation::Plain && VERBAL.contains(&word)
}
