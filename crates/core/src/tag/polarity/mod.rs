//! Polarity: is a sentence about a strength, something to improve, both, or neither?
//!
//! Evaluative cues from the taxonomy's lexicon are found as whole words (longest first, so
//! "no delay" beats "delay" and "not consistently" beats "consistently"); a negator just before
//! a cue flips it, and a word of decrease flips the cue it governs ("reduced delays") or, used
//! intransitively, the amount just before it ("turnover has reduced"); contrast words split the
//! sentence into clauses. A concessive clause ("although …",
//! "despite …", "…, while …") yields to the main clause; coordinated clauses that pull
//! opposite ways ("…, but …") make it `mixed`. A deficit of capability or of progress ("not
//! enough time to", "yet to", "unable to") governs the rest of its clause: the good qualities
//! after it are what is missing. A report of a mix ("children have mixed experiences") makes its
//! clause pull both ways. Where negations stop, and what they reach, is in [`reach`].

use std::cell::Cell;

use serde::{Deserialize, Serialize};

use super::taxonomy::Lexicon;
use lists::{
    AFTER_DECREASE, AUXILIARIES, CAVEATS, COMPARATIVES, CONCESSIVE, CONDITIONS, DECREASABLE, DECREASE, DEFICITS, INERT,
    JUDGING, OBLIGATIONS, OPENERS,
};

mod lists;
mod reach;

use reach::{FINITE, NEGATION_REACH, denies, describes_whom, is_list_gap, reaches, says_how};

/// Whether a finding is a strength, an improvement, both, or neither.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Polarity {
    /// Something done well.
    Strength,
    /// Something that needs to improve.
    Improvement,
    /// Both: clauses that pull opposite ways, or a report of a mix ("mixed experiences").
    Mixed,
    /// No evaluative cue, or only a caveat ("too soon to see the impact").
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

/// A polarity and the words that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub polarity: Polarity,
    /// Byte ranges of `text` that decided it: none for a neutral sentence, unless a caveat
    /// ("too soon to") judged it neutral.
    pub cues: Vec<(usize, usize)>,
}

/// The cue kinds, by the index the matching engine gives them.
const KINDS: [Cue; 5] = [Cue::Positive, Cue::Negative, Cue::Negator, Cue::Contrast, Cue::Inert];

/// The lexicon's lists in kind order, with whether their last words inflect (negators and
/// contrast words do not: "not" must not become "noted").
pub(crate) fn cue_lists(lex: &Lexicon) -> super::engine::CueLists<'_> {
    super::engine::CueLists {
        lists: vec![
            (lex.positive.as_slice(), true),
            (lex.negative.as_slice(), true),
            (lex.negators.as_slice(), false),
            (lex.contrast.as_slice(), false),
        ],
        inert: INERT,
    }
}

/// What each piece of evidence adds to its clause's score: a clause scoring above zero reads as
/// a strength, below zero as something to improve.
mod weight {
    /// A positive cue ("effective").
    pub const POSITIVE: f32 = 1.0;
    /// A negative cue ("weak"): weighs more than a positive one, since inspectors hedge praise
    /// and state deficits plainly ("clear but weak" is weak).
    pub const NEGATIVE: f32 = -1.5;
    /// A positive cue a negator flips ("not effective"): as strong as a negative cue.
    pub const NEGATED_POSITIVE: f32 = -1.5;
    /// A negative cue a negator flips ("no delay"): as strong as a positive cue.
    pub const NEGATED_NEGATIVE: f32 = 1.0;
    /// A negator that no cue follows ("there is no plan"): something missing, said softly.
    pub const DANGLING_NEGATOR: f32 = -0.75;
}

/// A cue match: its byte range in the sentence and its kind.
struct CueHit {
    start: usize,
    end: usize,
    kind: Cue,
}

/// Judges one sentence from its cue matches: `(start, end, kind index)` in `text`, leftmost-
/// longest, in order.
///
/// The sentence is cut into clauses ([`clauses`]); each cue adds its [`weight`] to its
/// clause's score, a negator flipping the cue within [`NEGATION_REACH`] words after it in the
/// same clause (a verbal negation a good word further on: [`reach::PREDICATE_REACH`], or the
/// good word that opens the purpose or manner phrase closing what it denies, "not capturing
/// their views to help to inform", "do not share minutes in a timely manner"; a word of decrease
/// not the adverb saying how it is done, "reduce risk effectively"); the good words of the
/// purpose of a denied good word or of an excess ("too high for them to do effective work")
/// count for nothing;
/// positive words after an obligation ("should", "need to") or a caveat ("too soon to see")
/// are the goal or what cannot yet be seen, not the state, and do not count; a negation
/// governs the qualities listed after it ("not specific, clear or effective" counts once); a
/// word of decrease right after an amount, past only auxiliaries, flips it ("delays have now
/// been reduced"). Clauses of opposite signs make the sentence mixed, as does a clause whose
/// positive and negative evidence cancel out, or one that reports a mix and says nothing more.
pub(crate) fn judge(text: &str, hits: &[(usize, usize, u32)], buffers: &mut Buffers) -> Verdict {
    if hits.is_empty() {
        // Most sentences say nothing evaluative: no clauses to find, nothing to score.
        return Verdict { polarity: Polarity::Neutral, cues: Vec::new() };
    }
    let Buffers { hits: cue_hits, lower, marked, scores, dangling } = buffers;
    cue_hits.clear();
    cue_hits.extend(hits.iter().map(|&(start, end, k)| CueHit { start, end, kind: KINDS[k as usize] }));
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let opening_concession = clauses(text, lower, cue_hits, marked);
    let score = |concession| ClauseScore { score: 0.0, pos_seen: false, neg_seen: false, balanced: false, concession };
    scores.clear();
    scores.push(score(opening_concession));
    scores.extend(marked.iter().map(|m| score(m.1)));
    dangling.clear();
    let mut scorer = Scorer::new(text, lower, marked, scores, dangling);
    for h in cue_hits.iter() {
        match h.kind {
            Cue::Negator => scorer.negator(h),
            Cue::Positive | Cue::Negative => scorer.cue(h),
            Cue::Inert => scorer.inert(h),
            Cue::Contrast => {}
        }
    }
    scorer.finish()
}

/// Room [`judge`] reuses from one sentence to the next.
#[derive(Default)]
pub(crate) struct Buffers {
    hits: Vec<CueHit>,
    lower: String,
    /// Where each clause after the first starts, and whether it is a concession.
    marked: Vec<(usize, bool)>,
    scores: Vec<ClauseScore>,
    dangling: Vec<Negator>,
}

/// Where clauses start: after the comma that ends an opening subordinate clause ("Although …,"),
/// and at a contrast word later in the sentence ("…, but …", "…, while …"); an opening
/// concessive clause, and one a concessive word starts later on, are concessions. `marked`
/// gets where each clause after the first starts and whether it is a concession, in order;
/// returns whether the first clause is one.
fn clauses(text: &str, lower: &str, hits: &[CueHit], marked: &mut Vec<(usize, bool)>) -> bool {
    marked.clear();
    let mut opening_concession = false;
    for h in hits.iter().filter(|h| h.kind == Cue::Contrast) {
        let word = &lower[h.start..h.end];
        let concessive = CONCESSIVE.contains(&word);
        // At the start of the sentence, perhaps after "However," or "But".
        let first = h.start < 32
            && lower[..h.start]
                .split(|c: char| !c.is_alphanumeric())
                .all(|w| w.is_empty() || matches!(w, "however" | "but" | "and" | "yet" | "so"));
        if first {
            if OPENERS.contains(&word)
                && let Some(c) = text[h.end..].find(',')
            {
                marked.push((h.end + c + 1, false));
                opening_concession |= concessive && marked.len() == 1;
            }
            continue; // "However, …" and "But …" contrast with the sentence before
        }
        let after_comma = text[..h.start].trim_end().ends_with([',', ';', '–', '-']);
        if (word == "while" || word == "whilst") && !after_comma {
            continue; // temporal "while"
        }
        marked.push((h.start, concessive));
    }
    // "When …, main clause": the opening condition is background.
    let first_word = lower.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if marked.is_empty()
        && CONDITIONS.contains(&first_word)
        && let Some(c) = text.find(',')
    {
        marked.push((c + 1, false));
        opening_concession = true;
    }
    marked.sort_unstable();
    marked.dedup_by_key(|m| m.0);
    opening_concession
}

/// A negator waiting for the cue it flips: its word index, start and clause, what kind of
/// negator it is, and whether it says something alone when no cue follows (a plain negation
/// does, unless it is inside a relative clause), and whether it denies a verb phrase (a
/// verbal negation outside a relative clause: [`reach::VERBAL`]).
#[derive(Clone, Copy)]
struct Negator {
    word: usize,
    start: usize,
    clause: usize,
    kind: Negation,
    alone: bool,
    verbal: bool,
}

/// The kinds of negator, which reach differently.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Negation {
    /// "not", "no", "never": denies a verb phrase or a list of qualities.
    Plain,
    /// A word of decrease ([`DECREASE`]): flips only its own object.
    Decrease,
    /// A comparative ([`COMPARATIVES`]): lessens the quality it governs.
    Comparative,
}

/// A clause's score, whether positive and negative evidence were seen in it, whether it reports
/// a mix ([`lists::BALANCED`]), and whether it is a concession (which yields to the main clauses).
struct ClauseScore {
    score: f32,
    pos_seen: bool,
    neg_seen: bool,
    balanced: bool,
    concession: bool,
}

/// The scores of a sentence's clauses, cue by cue.
struct Scorer<'t> {
    text: &'t str,
    lower: &'t str,
    /// The last offset asked about and how many spaces stand before it (word `i` starts after
    /// the `i`-th): cues come in order, so each space is counted about once.
    counted: Cell<(usize, usize)>,
    /// Where each clause after the first starts (and whether it is a concession).
    bounds: &'t [(usize, bool)],
    /// Each clause's score so far.
    clauses: &'t mut [ClauseScore],
    /// Byte ranges of the words that decided the verdict.
    cues: Vec<(usize, usize)>,
    /// The last negator, until a cue takes it.
    negator: Option<Negator>,
    /// Negators no cue took.
    dangling: &'t mut Vec<Negator>,
    /// The clause an obligation cue opened.
    obliged: Option<usize>,
    /// The last negation — a negator and the cue it flipped, or a negative cue that is itself a
    /// negation ("not always") — as (word after it, its end, clause): it governs the qualities
    /// listed right after it.
    denied: Option<(usize, usize, usize)>,
    /// The last amount ([`DECREASABLE`]) counted as it stands, as (its end, its clause): a word
    /// of decrease right after it, past only auxiliaries, flips it ("turnover has reduced").
    plain_negative: Option<(usize, usize)>,
    /// Where the last word of decrease that flipped the cue before it starts: the same word
    /// seen again as another kind of cue ("cleared" is good and a decrease) adds nothing.
    decreased: Option<usize>,
    /// The first caveat ([`CAVEATS`]): a sentence it leaves neutral was judged so by it.
    caveat: Option<(usize, usize)>,
    /// The last negative cue a negator flipped, as (its end, its clause): a deficit joined to
    /// it by "or" or "and" is denied with it.
    denied_deficit: Option<(usize, usize)>,
    /// The last good word a verbal negation flipped, or the last excess ("too high"), as (its
    /// end, its clause): the good words after a "to" that follows it in the same phrase — no
    /// punctuation, "and" or verb of its own between — are its purpose ("does not have clear
    /// targets to enable them to monitor progress"), what is missing, and count for nothing.
    denied_purpose: Option<(usize, usize)>,
}

impl<'t> Scorer<'t> {
    /// A scorer of the clauses starting at `bounds` (after the first), scored in `clauses`
    /// (one more than `bounds`), keeping negators no cue takes in `dangling` (empty).
    fn new(
        text: &'t str,
        lower: &'t str,
        bounds: &'t [(usize, bool)],
        clauses: &'t mut [ClauseScore],
        dangling: &'t mut Vec<Negator>,
    ) -> Scorer<'t> {
        debug_assert_eq!(clauses.len(), bounds.len() + 1, "a score for every clause");
        Scorer {
            text,
            lower,
            counted: Cell::new((0, 0)),
            bounds,
            clauses,
            cues: Vec::new(),
            negator: None,
            dangling,
            obliged: None,
            denied: None,
            plain_negative: None,
            decreased: None,
            caveat: None,
            denied_deficit: None,
            denied_purpose: None,
        }
    }

    /// The index of the word at `offset`: the spaces before it.
    fn word_at(&self, offset: usize) -> usize {
        let spaces = |a: usize, b: usize| memchr::memchr_iter(b' ', &self.text.as_bytes()[a..b]).count();
        // Cues come in order, but two cues can share a span ("cleared" is a positive word and
        // a negator): a step back takes off only the spaces stepped over.
        let n = match self.counted.get() {
            (at, n) if at <= offset => n + spaces(at, offset),
            (at, n) => n - spaces(offset, at),
        };
        self.counted.set((offset, n));
        n
    }

    /// Where clause `i` starts (the text's end for the clause after the last).
    fn clause_start(&self, i: usize) -> usize {
        match i {
            0 => 0,
            i => self.bounds.get(i - 1).map_or(self.text.len(), |b| b.0),
        }
    }

    fn clause_of(&self, offset: usize) -> usize {
        self.bounds.partition_point(|b| b.0 <= offset)
    }

    fn negator(&mut self, h: &CueHit) {
        // The same word, seen as a good word just now, has already flipped the cue before it.
        if self.decreased == Some(h.start) || self.decreases_last(h) {
            return;
        }
        // A negator that no cue followed still says something is missing.
        if let Some(n) = self.negator.take().filter(|n| n.alone) {
            self.dangling.push(n);
        }
        let word = &self.lower[h.start..h.end];
        let kind = if DECREASE.contains(&word) {
            Negation::Decrease
        } else if COMPARATIVES.contains(&word) {
            Negation::Comparative
        } else {
            Negation::Plain
        };
        // In a relative clause a negation says who is meant ("children who cannot attend
        // school"), not what is missing: it flips a cue it reaches but says nothing alone.
        let alone = kind == Negation::Plain && !describes_whom(&self.lower[..h.start]);
        let (start, clause) = (h.start, self.clause_of(h.start));
        let verbal = alone && reach::verbal(kind, word);
        self.negator = Some(Negator { word: self.word_at(h.start), start, clause, kind, alone, verbal });
    }

    /// Whether the word of decrease at `h` comes right after the last amount, past only
    /// auxiliaries and acting on nothing after it ("turnover has reduced", "delays have now
    /// significantly decreased"), outside an obligation's clause: then it flips that cue, which
    /// becomes good news, and waits for no other.
    fn decreases_last(&mut self, h: &CueHit) -> bool {
        let Some((end, clause)) = self.plain_negative.filter(|&(end, _)| end <= h.start) else { return false };
        let decrease = DECREASE.contains(&&self.lower[h.start..h.end]);
        let between = &self.lower[end..h.start];
        let words = between.split_whitespace().count();
        let auxiliaries = between.split_whitespace().all(|w| AUXILIARIES.contains(&w));
        // Used intransitively: nothing it acts on follows ("delays have reduced morale" is bad).
        let next = self.lower[h.end..].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
        let intransitive = self.lower[h.end..].trim_start().starts_with(|c: char| !c.is_alphanumeric())
            || next.is_none_or(|w| AFTER_DECREASE.contains(&w));
        if !decrease
            || !auxiliaries
            || !(1..=4).contains(&words)
            || !intransitive
            || self.clause_of(h.start) != clause
            || self.obliged == Some(clause)
        {
            return false;
        }
        self.clauses[clause].score += weight::NEGATED_NEGATIVE - weight::NEGATIVE;
        self.clauses[clause].pos_seen = true;
        if let Some(last) = self.cues.last_mut() {
            last.1 = h.end;
        }
        self.plain_negative = None;
        self.decreased = Some(h.start);
        true
    }

    /// The waiting negator, if it reaches the cue at `h` (same clause, within reach, and only a
    /// list of qualities between them).
    fn negating(&self, h: &CueHit, clause: usize, w: usize) -> Option<Negator> {
        self.negator.filter(|n| {
            let gap = &self.lower[n.start..h.start];
            n.clause == clause
                && reaches(*n, w, h.kind, gap)
                && (!gap.contains([',', ';', '.']) || (n.kind == Negation::Plain && is_list_gap(gap)))
                // A word of decrease reaches a good word only in its own object: after "and"
                // the good word is a second result ("reduces risk and supports the child").
                && (n.kind != Negation::Decrease || h.kind != Cue::Positive || !gap.contains(" and "))
                // … and not past a verb: what follows it is said of the clause's subject
                // ("actions to minimise risk are insufficiently detailed").
                && (n.kind != Negation::Decrease || !gap.split_whitespace().any(|w| FINITE.contains(&w)))
                // … nor an adverb that says how the decrease is done ("reduce risk effectively").
                && (n.kind != Negation::Decrease || h.kind != Cue::Positive || !says_how(self.lower, n.start, h.start, h.end))
                // A comparative lessens a quality, not a deficit ("less urgent needs had to wait").
                && (n.kind != Negation::Comparative || h.kind == Cue::Positive)
        })
    }

    /// Whether a good word at `start` in `clause` stands in the purpose ("to …") of a good word
    /// a verbal negation flipped, or of an excess, in the same phrase.
    fn purpose_of_denied(&self, start: usize, clause: usize) -> bool {
        self.denied_purpose.is_some_and(|(end, c)| {
            let gap = &self.lower[end.min(start)..start];
            let words = || gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
            c == clause
                && !gap.contains(['.', ';', ':', ',', '!', '?'])
                && words().any(|w| w == "to")
                && !words().any(|w| w == "and" || FINITE.contains(&w))
        })
    }

    fn cue(&mut self, h: &CueHit) {
        // A good word that is also a word of decrease ("cleared") may flip the cue before it,
        // and is then no more than that.
        if h.kind == Cue::Positive && (self.decreased == Some(h.start) || self.decreases_last(h)) {
            return;
        }
        let clause = self.clause_of(h.start);
        let w = self.word_at(h.start);
        let negated = self.negating(h, clause, w);
        let positive = h.kind == Cue::Positive;
        if positive != negated.is_some() && self.obliged == Some(clause) {
            return; // what should be ("should ensure timely", "need to reduce delays"), not what is
        }
        let listed = self.denied.filter(|&(dw, de, dc)| {
            dc == clause && w.saturating_sub(dw) <= NEGATION_REACH && is_list_gap(&self.lower[de..h.start])
        });
        if positive && negated.is_none() && listed.is_some() {
            return; // already counted in the negation that governs it
        }
        if positive && negated.is_none() && self.purpose_of_denied(h.start, clause) {
            return;
        }
        // A deficit right after a negated one is denied with it ("without unnecessary delay",
        // "no unnecessary or prolonged intervention").
        let joined = self
            .denied_deficit
            .filter(|&(end, c)| c == clause && matches!(self.lower[end..h.start].trim(), "" | "or" | "and" | "nor"));
        if !positive && negated.is_none() && joined.is_some() {
            self.denied_deficit = Some((h.end, clause));
            if let Some(last) = self.cues.last_mut() {
                last.1 = h.end;
            }
            return;
        }
        self.denied = None;
        self.denied_deficit = (!positive && negated.is_some()).then_some((h.end, clause));
        // What a denied good word or an excess ("too high for them to do effective work") would
        // serve, said in a purpose after it, is missing too.
        let cue_text = &self.lower[h.start..h.end];
        let excess = !positive && negated.is_none() && cue_text.starts_with("too ") && cue_text != "too often";
        if excess || (positive && negated.is_some_and(|n| n.verbal)) {
            self.denied_purpose = Some((h.end, clause));
        }
        let negation =
            if positive { negated.is_some() } else { negated.is_none() && denies(&self.lower[h.start..h.end]) };
        if negation {
            self.denied = Some((self.word_at(h.end), h.end, clause));
        }
        let cue = &self.lower[h.start..h.end];
        if !positive && negated.is_none() && lists::balanced(cue) {
            self.clauses[clause].balanced = true;
            self.cues.push((h.start, h.end));
            self.negator = None;
            return;
        }
        if !positive && negated.is_none() && (OBLIGATIONS.contains(&cue) || DEFICITS.contains(&cue)) {
            self.obliged = Some(clause);
        }
        let (value, start) = match (positive, negated) {
            (true, None) => (weight::POSITIVE, h.start),
            (true, Some(n)) => (weight::NEGATED_POSITIVE, n.start),
            (false, None) => (weight::NEGATIVE, h.start),
            (false, Some(n)) => (weight::NEGATED_NEGATIVE, n.start),
        };
        self.add(clause, value);
        let plain = !positive && negated.is_none() && DECREASABLE.contains(&cue);
        self.plain_negative = plain.then_some((h.end, clause));
        self.cues.push((start, h.end));
        self.negator = None;
    }

    /// A caveat before a verb of judging ("too soon to see the impact") says when impact can
    /// be judged: the good words after it in its clause are what cannot yet be seen. Before any
    /// other word it is a judgement ("returned home too early to benefit").
    fn inert(&mut self, h: &CueHit) {
        if !CAVEATS.contains(&&self.lower[h.start..h.end]) {
            return;
        }
        let clause = self.clause_of(h.start);
        let next = self.lower[h.end..].split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
        if next.is_some_and(|w| JUDGING.contains(&w)) {
            self.caveat = self.caveat.or(Some((h.start, h.end)));
            self.obliged = Some(clause);
        } else {
            self.add(clause, weight::NEGATIVE);
            self.cues.push((h.start, h.end));
        }
    }

    fn add(&mut self, clause: usize, value: f32) {
        let c = &mut self.clauses[clause];
        if value > 0.0 {
            c.pos_seen = true;
        } else {
            c.neg_seen = true;
        }
        c.score += value;
    }

    fn finish(mut self) -> Verdict {
        if let Some(n) = self.negator.take().filter(|n| n.alone) {
            self.dangling.push(n);
        }
        for i in 0..self.dangling.len() {
            let n = self.dangling[i];
            self.add(n.clause, weight::DANGLING_NEGATOR);
            let text = self.text;
            let end =
                text[n.start..].find(|c: char| !c.is_alphanumeric() && c != '\'').map_or(text.len(), |e| n.start + e);
            self.cues.push((n.start, end));
        }
        // Concessions yield to the main clauses, when those say anything.
        let main_says = self.clauses.iter().any(|c| !c.concession && (c.score != 0.0 || c.balanced));
        if main_says {
            for i in 0..self.clauses.len() {
                if self.clauses[i].concession {
                    let c = &mut self.clauses[i];
                    (c.score, c.pos_seen, c.neg_seen, c.balanced) = (0.0, false, false, false);
                    let (a, b) = (self.clause_start(i), self.clause_start(i + 1));
                    self.cues.retain(|&(s, _)| s < a || s >= b);
                }
            }
        }
        // A clause that reports a mix, and nothing that outweighs it, pulls both ways.
        let mix = |c: &ClauseScore| c.balanced && c.score == 0.0;
        let any_pos = self.clauses.iter().any(|c| c.score > 0.0 || mix(c));
        let any_neg = self.clauses.iter().any(|c| c.score < 0.0 || mix(c));
        let polarity = match (any_pos, any_neg) {
            (true, true) => Polarity::Mixed,
            (true, false) => Polarity::Strength,
            (false, true) => Polarity::Improvement,
            (false, false) if self.clauses.iter().any(|c| c.pos_seen && c.neg_seen) => Polarity::Mixed,
            (false, false) => Polarity::Neutral,
        };
        if polarity == Polarity::Neutral {
            self.cues.clear();
            self.cues.extend(self.caveat);
        }
        self.cues.sort_unstable();
        Verdict { polarity, cues: self.cues }
    }
}

#[cfg(test)]
mod tests;
