//! The word lists the polarity rules read: which words open a concession or a condition, which
//! negative cues are obligations, deficits or reports of a mix, which words of decrease flip a
//! cue, and which phrases look evaluative but are not. The cue words themselves are in the
//! taxonomy's `[polarity]` lexicon.

/// Subordinators that open a contrasting clause at the start of a sentence.
pub(super) const OPENERS: &[&str] =
    &["although", "while", "whilst", "despite", "though", "even though", "notwithstanding"];

/// Contrast words that make their clause a concession: the main clause decides.
pub(super) const CONCESSIVE: &[&str] =
    &["although", "though", "even though", "while", "whilst", "despite", "notwithstanding"];

/// Negators that only flip the cue they govern and say nothing alone: words of decrease
/// ("reduced delays" is good, "reduced effectiveness" bad, "reduced caseloads" neither by
/// these words). After an amount they flip it too ([`DECREASABLE`]: "delays have reduced").
pub(super) const DECREASE: &[&str] = &[
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "prevent",
    "prevents",
    "prevented",
    "preventing",
    "minimise",
    "minimises",
    "minimised",
    "minimising",
    "minimize",
    "minimizes",
    "minimized",
    "minimizing",
    "reduced",
    "reduce",
    "reduces",
    "reducing",
    "lowered",
    "decreased",
    "fewer",
    "resolved",
    "cleared",
    "relieve",
    "relieves",
    "relieving",
    "alleviate",
    "alleviates",
    "alleviated",
    "alleviating",
];

/// Negators that flip the quality they govern ("less clear", "less well informed and involved")
/// but, unlike "not", say nothing alone ("they are less likely to drop out").
pub(super) const COMPARATIVES: &[&str] = &["less"];

/// Negative cues that name an amount, which a word of decrease after them makes good news
/// ("turnover has reduced", "the backlog has been cleared"); a negation ("not always"), an
/// obligation or a quality ("weak") is not made good by what follows it.
pub(super) const DECREASABLE: &[&str] = &[
    "delay",
    "delays",
    "drift",
    "backlog",
    "backlogs",
    "turnover",
    "waiting time",
    "waiting times",
    "waiting list",
    "waiting lists",
    "wait",
    "waits",
    "long wait",
    "long waits",
    "vacancies",
    "high caseloads",
    "pressure",
    "pressures",
    "shortage",
    "shortages",
    "gap",
    "gaps",
    "over reliance",
    "over-reliance",
    "overreliance",
    "duplication",
    "repeat referrals",
];

/// Words that may follow a word of decrease that flips the cue before it: it acts on nothing
/// ("delays have reduced since January", "have reduced significantly"), unlike "delays have
/// reduced morale".
pub(super) const AFTER_DECREASE: &[&str] = &[
    "since",
    "by",
    "from",
    "over",
    "for",
    "in",
    "during",
    "to",
    "and",
    "but",
    "significantly",
    "considerably",
    "substantially",
    "further",
    "markedly",
    "steadily",
    "recently",
    "now",
    "as",
    "following",
    "this",
    "last",
];

/// Words that may stand between a negative cue and a word of decrease that flips it from after
/// ("waiting times have now been reduced").
pub(super) const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "been",
    "now",
    "also",
    "further",
    "much",
    "significantly",
    "considerably",
    "substantially",
    "steadily",
    "greatly",
    "markedly",
    "notably",
];

/// Negative cues that name a deficit of capability or of progress: the good qualities after
/// them in their clause are what is lacking ("staff do not have enough time to respond
/// consistently and effectively", "this is yet to make a difference").
pub(super) const DEFICITS: &[&str] = &[
    "not have enough",
    "not have sufficient",
    "not enough",
    "not able to",
    "unable",
    "unable to",
    "yet to",
    "yet to be",
    "not yet",
    "too little",
    "lack of",
    "lacks",
    "lacking",
    "insufficient",
    "little evidence",
    "no evidence",
    // What something gets in the way of, hinders or hampers is what it prevents.
    "hinder",
    "hinders",
    "hindered",
    "hindering",
    "hamper",
    "hampers",
    "hampered",
    "hampering",
    "impede",
    "impedes",
    "impeded",
    "impeding",
    "get in the way",
    "gets in the way",
    "getting in the way",
    "got in the way",
];

/// Phrases that look evaluative but are not.
pub(super) const INERT: &[&str] = &[
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
    "long term",
    "longer term",
    // "What needs to change" names the content of a plan or an understanding, not a need of
    // the service's own ("plans are clear about what needs to happen").
    "what needs to",
    "what need to",
    "what has to",
    // A high or low number or rate counts how much of something there is; the something says
    // whether that is good ("high numbers of missing children", "a low rate of infection").
    "high number",
    "high numbers",
    "high rate",
    "high rates",
    "high proportion",
    "low number",
    "low numbers",
    "low level of",
    "low levels of",
    "low rate",
    "low rates",
    "low proportion",
    "high demand",
    "less than",
    // "What would improve outcomes" names the content of an understanding, as "what needs to".
    "what would",
    // Who needs more is a group, not a need of the service's own ("children who need more help").
    "who need more",
    "who needs more",
    // "Late" of a time, not of a service ("visit families late in the day", "since late 2022").
    "late in the",
    "since late",
    "until late",
    "from late",
    "by late",
    "late at night",
    // A weakness in the past tense is history, what an earlier inspection found ("this was an
    // area for improvement at the most recent inspection").
    "was an area for improvement",
    "was an area for development",
    "were areas for improvement",
    "were areas for development",
    // Caveats ([`CAVEATS`]).
    "too soon to",
    "too early to",
    "too recent to",
    "a few",
    // A legal status ("families with no recourse to public funds"), not something missing.
    "no recourse",
];

/// Inert phrases that say when impact can be judged ("it is too soon to see the impact"):
/// they judge neither way, but a sentence they leave neutral was judged so, and does not take
/// its section's side. "Too early" alone still judges ("children return home too early").
pub(super) const CAVEATS: &[&str] = &["too soon to", "too early to", "too recent to"];

/// Verbs of judging after which a caveat is one ("too soon to see", "too early to evaluate", "too
/// recent to have had an impact").
pub(super) const JUDGING: &[&str] = &[
    "see",
    "assess",
    "evaluate",
    "measure",
    "know",
    "judge",
    "demonstrate",
    "evidence",
    "show",
    "tell",
    "determine",
    "gauge",
    "say",
    "conclude",
    "confirm",
    "understand",
    "be",
    "have",
    "fully",
];

/// Words that open a background clause at the start of a sentence ("When this is not possible,
/// …"): like a concession, it yields to the main clause.
pub(super) const CONDITIONS: &[&str] = &["when", "where", "if", "once", "until"];

/// Negative cues that state an obligation or a need: the positive words after them in the same
/// clause describe what should be, not what is ("plans need to be more effective", "leaders
/// should ensure timely strategy meetings"), so they do not count.
pub(super) const OBLIGATIONS: &[&str] = &[
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
    "more attention is",
    "work is needed",
    "work is required",
    "need more",
    "needs more",
    "work to do",
    "could be further",
    "could be more",
    "could be improved",
    "could be strengthened",
    "would improve",
    "would strengthen",
    "would further",
    "could have",
    "would be better",
    "requires further development",
    "require further development",
    "requires further work",
    "require further work",
    "requires further embedding",
    "require further embedding",
    "requires further strengthening",
    "require further strengthening",
    "requires further improvement",
    "require further improvement",
    "would assist",
    "would promote",
    "would enable",
    "would help",
    "would enhance",
    "would demonstrate",
    "would assure",
];

/// Negative cues that report a mix rather than a deficit ("children have mixed experiences",
/// "experiences are varied"): their clause reads as mixed unless other evidence in it decides.
pub(super) const BALANCED: &[&str] = &[
    "mixed experience",
    "mixed experiences",
    "have varied experiences",
    "has varied experiences",
    "had varied experiences",
    "have a varied experience",
    "has a varied experience",
    "experiences are mixed",
    "experiences are varied",
    "experience is mixed",
    "experience is varied",
    "mixed picture",
    "mixed pictures",
];

/// Whether a matched cue is one of [`BALANCED`], its words joined by spaces or hyphens alike.
pub(super) fn balanced(cue: &str) -> bool {
    BALANCED
        .iter()
        .any(|b| b.len() == cue.len() && b.bytes().zip(cue.bytes()).all(|(x, y)| x == y || (x == b' ' && y == b'-')))
}

/// Words that may follow the adverb closing a verb phrase ("reduce risk effectively and …",
/// "prevent drift quickly by …"): an adverb of manner right before one says how, not what.
pub(super) const PHRASE_ENDS: &[&str] =
    &["and", "or", "but", "to", "by", "through", "for", "with", "in", "at", "so", "as", "when", "where", "while"];
