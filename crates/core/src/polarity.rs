//! Polarity: is a sentence about a strength, something to improve, both, or neither?
//!
//! Evaluative cues from the taxonomy's lexicon are found as whole words (longest first, so
//! "no delay" beats "delay" and "not consistently" beats "consistently"); a negator just before
//! a cue flips it; contrast words ("but", "although", "while", "however") split the sentence
//! into clauses, and clauses that pull opposite ways make it `mixed`.

use serde::{Deserialize, Serialize};

use crate::taxonomy::Lexicon;

/// Whether a finding is a strength, an improvement, both, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// Something done well.
    Strength,
    /// Something that needs to improve.
    Improvement,
    /// Both, in contrasting clauses.
    Mixed,
    /// No evaluative cue.
    Neutral,
}

impl Polarity {
    /// The kebab-case name used in output.
    pub fn as_str(&self) -> &'static str {
        match self {
            Polarity::Strength => "strength",
            Polarity::Improvement => "improvement",
            Polarity::Mixed => "mixed",
            Polarity::Neutral => "neutral",
        }
    }

    /// All values, in output order.
    pub const ALL: [Polarity; 4] = [Polarity::Strength, Polarity::Improvement, Polarity::Mixed, Polarity::Neutral];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    Positive,
    Negative,
    Negator,
    Contrast,
    /// Phrases that contain a cue word but are not evaluative ("as well as").
    Inert,
}

/// Subordinators that open a contrasting clause at the start of a sentence.
const OPENERS: &[&str] = &["although", "while", "whilst", "despite", "though", "even though", "notwithstanding"];

/// Phrases that look evaluative but are not.
const INERT: &[&str] = &[
    "as well as",
    "as well",
    "well-being",
    "wellbeing",
    "well being",
    "not only",
    "only when",
    "only if",
    "only then",
    "the only",
    "clear that",
    "good practice looks like",
    "what good practice looks like",
    "need to improve as well as strengths",
    "to ensure",
    "to ensure that",
    "in order to ensure",
    "how well",
    "how effectively",
    "how effective",
];

/// Negative cues that state an obligation or a need: the positive words after them in the same
/// clause describe what should be, not what is ("plans need to be more effective", "leaders
/// should ensure timely strategy meetings"), so they do not count.
const OBLIGATIONS: &[&str] = &[
    "need to",
    "needs to",
    "should",
    "must",
    "need to be improved",
    "needs to be improved",
    "need to be strengthened",
    "needs to be strengthened",
    "the need for",
    "a need for",
    "there is a need",
    "would benefit",
    "scope to",
    "needs to improve",
    "need to improve",
];

/// A polarity and the words that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub polarity: Polarity,
    /// Byte ranges of `text` that decided it.
    pub cues: Vec<(usize, usize)>,
}

/// Whether a negative cue is a negation ("not always", "never", "not yet"): the qualities that
/// follow it are what is missing.
fn denies(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "not" | "never" | "nor"))
}

/// Whether the text between a negation and a positive cue only continues a list of qualities
/// ("specific, comprehensive or"): no clause or sentence break, no verb-like joiner.
fn is_list_gap(gap: &str) -> bool {
    !gap.contains([';', '.', ':'])
        && !gap.contains(", and ")
        && !gap.contains(", but ")
        && gap.split(',').all(|part| part.split_whitespace().count() <= 3)
}

/// The cue kinds, by the index the matching engine gives them.
const KINDS: [Cue; 5] = [Cue::Positive, Cue::Negative, Cue::Negator, Cue::Contrast, Cue::Inert];

/// The lexicon's lists in kind order, with whether their last words inflect (negators and
/// contrast words do not: "not" must not become "noted").
pub(crate) fn cue_lists(lex: &Lexicon) -> crate::engine::CueLists<'_> {
    crate::engine::CueLists {
        lists: vec![
            (lex.positive.as_slice(), true),
            (lex.negative.as_slice(), true),
            (lex.negators.as_slice(), false),
            (lex.contrast.as_slice(), false),
        ],
        inert: INERT,
    }
}

/// Judges one sentence from its cue matches: `(start, end, kind index)` in `text`, leftmost-
/// longest, in order.
pub(crate) fn judge(text: &str, hits: &[(usize, usize, u32)]) -> Verdict {
    struct H {
        start: usize,
        end: usize,
        kind: Cue,
    }
    let hits: Vec<H> = hits.iter().map(|&(start, end, k)| H { start, end, kind: KINDS[k as usize] }).collect();
    // Word index of a byte offset, for the negation scope: words start after spaces.
    let spaces: Vec<usize> = text.bytes().enumerate().filter(|(_, c)| *c == b' ').map(|(i, _)| i).collect();
    let word_at = |offset: usize| spaces.partition_point(|&s| s < offset);
    let lower = text.to_ascii_lowercase();

    // Clause boundaries: a subordinate opening clause ends at its first comma; a
    // contrast word later in the sentence starts a new clause.
    let mut bounds: Vec<usize> = Vec::new();
    for h in &hits {
        if h.kind != Cue::Contrast {
            continue;
        }
        let word = &lower[h.start..h.end];
        // At the start of the sentence, perhaps after "However," or "But".
        let first = h.start < 32
            && lower[..h.start]
                .split(|c: char| !c.is_alphanumeric())
                .all(|w| w.is_empty() || matches!(w, "however" | "but" | "and" | "yet" | "so"));
        if first {
            if OPENERS.contains(&word) {
                if let Some(c) = text[h.end..].find(',') {
                    bounds.push(h.end + c + 1);
                }
            }
            continue; // "However, …" and "But …" contrast with the sentence before
        }
        let after_comma = text[..h.start].trim_end().ends_with([',', ';', '–', '-']);
        if (word == "while" || word == "whilst") && !after_comma {
            continue; // temporal "while"
        }
        bounds.push(h.start);
    }
    bounds.sort_unstable();
    bounds.dedup();

    let clause_of = |offset: usize| bounds.partition_point(|&b| b <= offset);
    let n_clauses = bounds.len() + 1;
    let mut scores = vec![0.0f32; n_clauses];
    let mut pos_seen = vec![false; n_clauses];
    let mut neg_seen = vec![false; n_clauses];
    let mut cues = Vec::new();
    let mut last_negator: Option<(usize, usize, usize)> = None; // (word index, start, clause)
    let mut dangling: Vec<(usize, usize)> = Vec::new(); // (start, clause) of unattached negators
    let mut obliged: Option<usize> = None; // the clause an obligation cue opened
    // A negation — a negator and the cue it flips ("not clear"), or a negative cue that is
    // itself a negation ("are not always") — governs the qualities listed right after it:
    // "not always specific, comprehensive or responsive" counts once.
    let mut denied: Option<(usize, usize, usize)> = None; // (word index after it, its end, clause)
    for h in &hits {
        let kind = h.kind;
        let clause = clause_of(h.start);
        let w = word_at(h.start);
        match kind {
            Cue::Negator => {
                // A negator that no cue followed still says something is missing.
                if let Some((_, ns, nc)) = last_negator.take() {
                    dangling.push((ns, nc));
                }
                last_negator = Some((w, h.start, clause));
            }
            Cue::Positive | Cue::Negative => {
                let negated = last_negator.filter(|&(nw, ns, nc)| {
                    let gap = &lower[ns..h.start];
                    nc == clause && w.saturating_sub(nw) <= 5 && (!gap.contains([',', ';', '.']) || is_list_gap(gap))
                });
                if kind == Cue::Positive && negated.is_none() && obliged == Some(clause) {
                    continue; // what should be, not what is
                }
                let listed = denied.filter(|&(dw, de, dc)| {
                    dc == clause && w.saturating_sub(dw) <= 5 && is_list_gap(&lower[de..h.start])
                });
                if kind == Cue::Positive && negated.is_none() && listed.is_some() {
                    continue; // already counted in the negation that governs it
                }
                denied = None;
                let negation = match kind {
                    Cue::Positive => negated.is_some(),
                    _ => negated.is_none() && denies(&lower[h.start..h.end]),
                };
                if negation {
                    denied = Some((word_at(h.end), h.end, clause));
                }
                if kind == Cue::Negative && negated.is_none() && OBLIGATIONS.contains(&&lower[h.start..h.end]) {
                    obliged = Some(clause);
                }
                let (value, start) = match (kind, negated) {
                    (Cue::Positive, None) => (1.0, h.start),
                    (Cue::Positive, Some((_, ns, _))) => (-1.5, ns),
                    (_, None) => (-1.5, h.start),
                    (_, Some((_, ns, _))) => (1.0, ns),
                };
                if value > 0.0 {
                    pos_seen[clause] = true;
                } else {
                    neg_seen[clause] = true;
                }
                scores[clause] += value;
                cues.push((start, h.end));
                last_negator = None;
            }
            Cue::Contrast | Cue::Inert => {}
        }
    }
    if let Some((_, ns, nc)) = last_negator {
        dangling.push((ns, nc));
    }
    for (ns, nc) in dangling {
        scores[nc] -= 0.75;
        neg_seen[nc] = true;
        let end = text[ns..].find(|c: char| !c.is_alphanumeric() && c != '\'').map_or(text.len(), |e| ns + e);
        cues.push((ns, end));
    }
    let sign = |s: f32| {
        if s > 0.0 {
            1
        } else if s < 0.0 {
            -1
        } else {
            0
        }
    };
    let signs: Vec<i32> = scores.iter().map(|&s| sign(s)).collect();
    let any_pos = signs.contains(&1);
    let any_neg = signs.contains(&-1);
    let polarity = match (any_pos, any_neg) {
        (true, true) => Polarity::Mixed,
        (true, false) => Polarity::Strength,
        (false, true) => Polarity::Improvement,
        (false, false) if pos_seen.iter().zip(&neg_seen).any(|(p, n)| *p && *n) => Polarity::Mixed,
        (false, false) => Polarity::Neutral,
    };
    if polarity == Polarity::Neutral {
        cues.clear();
    }
    cues.sort_unstable();
    Verdict { polarity, cues }
}
