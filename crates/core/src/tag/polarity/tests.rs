//! Table tests of the polarity scorer: cues, negation, concession, conditions, deficits.
use super::*;

/// Builds a sentence and its cue hits from a marked-up one: `+word` a positive cue, `-word` a
/// negative one, `!word` a negator, `~word` a contrast word, `=word` an inert phrase; words
/// joined by `_` are one cue ("-not_always" is the cue "not always").
fn marked(s: &str) -> (String, Vec<(usize, usize, u32)>) {
    let mut text = String::new();
    let mut hits = Vec::new();
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            text.push(' ');
        }
        let kind = match w.chars().next() {
            Some('+') => Some(0),
            Some('-') => Some(1),
            Some('!') => Some(2),
            Some('~') => Some(3),
            Some('=') => Some(4),
            _ => None,
        };
        let word = if kind.is_some() { &w[1..] } else { w };
        let word = word.replace('_', " ");
        let (body, tail) = match word.find([',', '.', ';']) {
            Some(p) => (word[..p].to_string(), word[p..].to_string()),
            None => (word.clone(), String::new()),
        };
        let start = text.len();
        text.push_str(&body);
        if let Some(k) = kind {
            hits.push((start, text.len(), k));
        }
        text.push_str(&tail);
    }
    (text, hits)
}

fn verdict(s: &str) -> (Polarity, Vec<String>) {
    let (text, hits) = marked(s);
    let v = judge(&text, &hits, &mut Buffers::default());
    (v.polarity, v.cues.iter().map(|&(a, b)| text[a..b].to_string()).collect())
}

/// Each rule of the scorer, one sentence each: what it decides and the words it gives.
#[test]
fn scorer_table() {
    use Polarity::*;
    let cases: &[(&str, Polarity, &[&str])] = &[
        // Cues alone.
        ("Plans are +effective.", Strength, &["effective"]),
        ("Plans are -weak.", Improvement, &["weak"]),
        ("Plans are written.", Neutral, &[]),
        // Weights within a clause: a negative cue (1.5) outweighs one positive (1.0) …
        ("Plans are +clear and -weak.", Improvement, &["clear", "weak"]),
        // … but not two.
        ("Plans are +clear, +thorough and -weak.", Strength, &["clear", "thorough", "weak"]),
        // A negator flips the cue after it: a negated positive weighs 1.5 against a positive.
        ("Plans are !not +effective ~but +timely.", Mixed, &["not effective", "timely"]),
        ("Plans are +clear and !not +effective.", Improvement, &["clear", "not effective"]),
        // A negated negative is a strength ("no delay") and weighs as a positive (1.0): against
        // a negative (1.5) it loses.
        ("There is !no -delay.", Strength, &["no delay"]),
        ("There is !no -delay and a -backlog.", Improvement, &["no delay", "backlog"]),
        // The negator's reach: five words, in the same clause, across no comma.
        ("It is !not in any of these +effective.", Improvement, &["not in any of these effective"]),
        // A negation denies the verb phrase it stands in: it reaches a good word up to eight
        // words on ("have not had their needs assessed promptly") …
        ("It is !not in any of these ways +effective.", Improvement, &["not in any of these ways effective"]),
        // … further away, the negator is dropped: the cue counts as it is …
        ("It is !not in any of these many very different ways +effective.", Strength, &["effective"]),
        // … as it is past a relative or subordinate clause's first word …
        ("Plans are !not shared with staff who work +well.", Strength, &["well"]),
        // … and beyond five words for a word of decrease, which denies no verb phrase.
        ("Work !reducing the risk of harm to these children +well.", Strength, &["well"]),
        // A gap of short comma-separated words is within reach.
        ("It is !not, in truth, +effective.", Improvement, &["not, in truth, effective"]),
        // A negator no cue follows still says something is missing (0.75): a positive (1.0)
        // outweighs it.
        ("There is !no plan.", Improvement, &["no"]),
        ("Plans are +clear ~but there is !no plan.", Mixed, &["clear", "no"]),
        ("Plans are +clear and there is !no plan.", Strength, &["clear", "no"]),
        // Contrast: a later "but" starts a clause; clauses that pull apart make it mixed.
        ("Plans are +clear ~but reviews are -slow.", Mixed, &["clear", "slow"]),
        // An opening "Although …," clause ends at its comma, and is a concession: the main
        // clause decides.
        ("~Although plans are +clear, reviews are -slow.", Improvement, &["slow"]),
        ("~Despite -pressures, staff see children +quickly.", Strength, &["quickly"]),
        // A concession decides when the main clause says nothing.
        ("~Although reviews are -slow, plans exist.", Improvement, &["slow"]),
        // A concessive word later on makes its clause a concession too.
        ("Plans are +clear, ~although reviews are -slow.", Strength, &["clear"]),
        ("Plans are +clear ~despite -pressures.", Strength, &["clear"]),
        // An opening condition is background too.
        ("When this is !not possible, +careful planning follows.", Strength, &["careful"]),
        ("When plans are +clear, reviews are -slow.", Improvement, &["slow"]),
        // "However," at the start contrasts with the sentence before: no clause break here.
        ("~However, plans are +clear and reviews are -slow.", Improvement, &["clear", "slow"]),
        // A temporal "while" (no comma before it) is not a contrast; after a comma it is.
        ("Plans are +clear ~while reviews are -slow.", Improvement, &["clear", "slow"]),
        ("Plans are +clear, ~while reviews are -slow.", Strength, &["clear"]),
        // Coordination weighs both sides: mixed.
        ("Plans are +clear, ~yet reviews are -slow.", Mixed, &["clear", "slow"]),
        // Three positives against two negatives in one clause balance exactly: mixed.
        (
            "Plans are +clear, +thorough, +timely, -slow and -weak.",
            Mixed,
            &["clear", "thorough", "timely", "slow", "weak"],
        ),
        // Two positives outweigh one negative.
        ("Reviews are -slow, +clear and +useful.", Strength, &["slow", "clear", "useful"]),
        // Obligations: positive words after "should"/"need to" are the goal, not the state.
        ("Leaders -should make plans +effective.", Improvement, &["should"]),
        ("Plans -need_to be +clear and +timely.", Improvement, &["need to"]),
        ("Further -work_is_needed to make plans +clear and +timely.", Improvement, &["work is needed"]),
        // … unless negated.
        ("Leaders -should not be !not +effective.", Improvement, &["should", "not effective"]),
        // A negation governs the qualities listed after it: counted once.
        ("Plans are -not_always +specific, +clear or +effective.", Improvement, &["not always"]),
        ("Plans are !not +specific, +clear or +effective.", Improvement, &["not specific"]),
        // … but not across ", and": there the positive counts again.
        ("Plans are -not_always +specific, and +effective reviews follow.", Improvement, &["not always", "effective"]),
        // A deficit of capability or progress governs the rest of its clause: the qualities
        // after it are what is missing.
        (
            "Staff do -not_have_enough time to respond +consistently and +effectively.",
            Improvement,
            &["not have enough"],
        ),
        ("This is -yet_to make a +positive +difference.", Improvement, &["yet to"]),
        ("Its use is -getting_in_the_way of +ensuring that help is +in_place.", Improvement, &["getting in the way"]),
        ("Staff are -unable_to act +quickly, ~but plans are +clear.", Mixed, &["unable to", "clear"]),
        // A report of mixed experiences is mixed, beside praise or alone, unless its clause says more.
        ("Children have -mixed_experiences of short breaks.", Mixed, &["mixed experiences"]),
        ("Children have -mixed-experiences.", Mixed, &["mixed-experiences"]),
        (
            "Leaders are +effective, ~but children have -varied_experiences.",
            Mixed,
            &["effective", "varied experiences"],
        ),
        ("~While leaders are +effective, families -have_a_varied_experience.", Mixed, &["have a varied experience"]),
        ("Children have -mixed_experiences, and plans are -weak.", Improvement, &["mixed experiences", "weak"]),
        // Litotes: a negated negative is a strength.
        ("Leaders are !not -complacent.", Strength, &["not complacent"]),
        // A word of decrease flips the cue it governs, and says nothing alone.
        ("Leaders have !reduced -delays.", Strength, &["reduced delays"]),
        ("This has !reduced +effective work.", Improvement, &["reduced effective"]),
        ("Leaders have !reduced caseloads.", Neutral, &[]),
        // … or the cue it follows, past only auxiliaries.
        ("Staff -turnover has !reduced.", Strength, &["turnover has reduced"]),
        ("-Delays have now been !reduced, ~but plans are -weak.", Mixed, &["Delays have now been reduced", "weak"]),
        // … not an obligation, a negation or a quality, nor when it acts on something after it.
        ("Leaders -need_to !reduce -delays.", Improvement, &["need to"]),
        ("Leaders -should ensure that -delays are !reduced.", Improvement, &["should", "delays"]),
        ("Risks have -not_always been !reduced.", Improvement, &["not always"]),
        ("-Delays in some teams !reduced morale.", Improvement, &["Delays"]),
        ("-Delays have !reduced morale.", Improvement, &["Delays"]),
        ("-Delays have !reduced since May.", Strength, &["Delays have reduced"]),
        // … but only in its own object: after "and" a good word is a second result.
        ("Work has !reduced risk and +improved his welfare.", Strength, &["improved"]),
        // … nor past a comma ("risks reducing for children, enabling them") or a verb ("actions
        // to minimise risk are insufficiently detailed").
        ("Risks are !reducing for children, +enabling them to stay.", Strength, &["enabling"]),
        ("Actions to !minimise risk are -insufficiently detailed.", Improvement, &["insufficiently"]),
        // … nor an adverb that says how the decrease is done, last in its phrase: it counts as
        // it stands …
        ("Staff act to !reduce risk +effectively.", Strength, &["effectively"]),
        ("Staff act to !reduce risk +quickly and +safely.", Strength, &["quickly", "safely"]),
        // … though an adjective of its object is flipped ("reduced timely access").
        ("This has !reduced +timely access.", Improvement, &["reduced timely"]),
        // In a relative clause a negation picks out a group: it says nothing alone …
        ("It teaches children who !cannot attend school.", Neutral, &[]),
        ("It teaches children who do !not attend school.", Neutral, &[]),
        // … but still flips the cue it reaches.
        ("Children who are !not seen +promptly wait.", Improvement, &["not seen promptly"]),
        // "Avoid" and "prevent" are words of decrease: what they keep away is good news, unless
        // only wished for ("could have prevented the need for").
        ("Services !avoid -duplication.", Strength, &["avoid duplication"]),
        ("Help -could_have !prevented the -need_for care.", Improvement, &["could have"]),
        // A comparative lessens the quality it governs, and says nothing alone or of a deficit.
        ("Parents feel !less informed and +involved_in plans.", Improvement, &["less informed and involved in"]),
        ("They are !less likely to drop out.", Neutral, &[]),
        ("Families with !less urgent needs -wait.", Improvement, &["wait"]),
        // A caveat judges neither way, and is given as the cue of the neutral sentence.
        ("It is =too_soon_to see the impact.", Neutral, &["too soon to"]),
        ("Plans are +clear, but it is =too_early_to see the impact.", Strength, &["clear"]),
        // A negation reaches, however far, the good word that opens the purpose of the verb
        // phrase it denies ("to help to inform") …
        (
            "Leaders are !not capturing the views of all of the care leavers to +help_to inform plans.",
            Improvement,
            &["not capturing the views of all of the care leavers to help to"],
        ),
        // … but not past a relative word on the way.
        (
            "Leaders are !not capturing the views of those who were asked to +help_to inform plans.",
            Strength,
            &["help to"],
        ),
        // … and the good word that opens the manner phrase closing it ("in a timely manner").
        (
            "Staff do !not share the minutes of all of the meetings in a +timely manner.",
            Improvement,
            &["not share the minutes of all of the meetings in a timely"],
        ),
        // An excess denies the purpose after it as a negation does.
        ("Caseloads are -too_high for them to do +effective work in a +timely way.", Improvement, &["too high"]),
        // … but not past "and" (which may join another verb).
        ("Caseloads are -too_high and staff work to give +effective help.", Improvement, &["too high", "effective"]),
        // Once a negation has flipped a good word, the good words of a purpose after it are
        // what the missing thing would do: they count for nothing.
        (
            "The plan does !not have +clear targets to +enable staff to monitor +progress.",
            Improvement,
            &["not have clear"],
        ),
        // Past the end of the sentence they count again.
        ("It is !not +clear. Staff work to +improve plans.", Improvement, &["not clear", "improve"]),
        // Inert phrases are no cue.
        ("Schools =as_well_as police attend.", Neutral, &[]),
    ];
    let mut failures = Vec::new();
    // Buffers reused from one sentence to the next (as the tagger does), in both orders, give
    // what fresh ones give.
    let mut shared = Buffers::default();
    for (s, want, cues) in cases.iter().chain(cases.iter().rev()) {
        let (got, got_cues) = verdict(s);
        let want_cues: Vec<String> = cues.iter().map(|c| c.to_string()).collect();
        if (got, &got_cues) != (*want, &want_cues) {
            failures.push(format!("{s}: want {want:?} {want_cues:?}, got {got:?} {got_cues:?}"));
        }
        let (text, hits) = marked(s);
        let reused = judge(&text, &hits, &mut shared);
        if reused != judge(&text, &hits, &mut Buffers::default()) {
            failures.push(format!("{s}: reused buffers give {reused:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Word indices asked for in any order (cues sharing a span step back) are the spaces before
/// the offset, as counting from the start gives.
#[test]
fn word_indices_forward_and_back() {
    let text = "never cleared and never cleared again";
    let lower = text.to_string();
    let mut scores = [ClauseScore { score: 0.0, pos_seen: false, neg_seen: false, balanced: false, concession: false }];
    let mut dangling = Vec::new();
    let s = Scorer::new(text, &lower, &[], &mut scores, &mut dangling);
    for offset in [0, 6, 13, 6, 14, 24, 18, 37, 0, 31] {
        let want = text[..offset].matches(' ').count();
        assert_eq!(s.word_at(offset), want, "offset {offset}");
    }
}

/// A caveat is found only as an inert phrase: each must be one.
#[test]
fn every_caveat_is_an_inert_phrase() {
    let missing: Vec<_> = lists::CAVEATS.iter().filter(|c| !lists::INERT.contains(c)).collect();
    assert!(missing.is_empty(), "caveats not in INERT: {missing:?}");
}
