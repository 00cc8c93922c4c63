//! Phrase matching: every surface form of every phrase in one Aho-Corasick automaton, whole
//! words only, longest match wins.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A phrase occurrence: which target (entry or cue index) and where in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub target: u32,
    pub start: usize,
    pub end: usize,
}

/// Straight quotes, single spaces, no surrounding space.
pub(crate) fn normalise(phrase: &str) -> String {
    let p = phrase.replace(['\u{2018}', '\u{2019}', '`'], "'").replace(['\u{201c}', '\u{201d}'], "\"");
    p.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short all-capital acronym ("ABE", "LADO", "PPN"): matched case-sensitively.
pub(crate) fn is_acronym(p: &str) -> bool {
    (2..=6).contains(&p.len())
        && p.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && p.chars().filter(char::is_ascii_uppercase).count() >= 2
}

/// Simple inflections of a word: plural, past, present participle.
fn inflect(w: &str) -> Vec<String> {
    let mut v = vec![w.to_string()];
    if w.chars().count() < 3 || !w.chars().all(|c| c.is_alphabetic()) {
        return v;
    }
    let vowel = |c: char| "aeiou".contains(c);
    let chars: Vec<char> = w.chars().collect();
    let n = chars.len();
    let last = chars[n - 1];
    v.push(format!("{w}s"));
    if w.ends_with(['s', 'x', 'z']) || w.ends_with("ch") || w.ends_with("sh") {
        v.push(format!("{w}es"));
    }
    if last == 'y' && !vowel(chars[n - 2]) {
        let stem: String = chars[..n - 1].iter().collect();
        v.push(format!("{stem}ies"));
        v.push(format!("{stem}ied"));
        v.push(format!("{w}ing"));
    } else if last == 'e' {
        let stem: String = chars[..n - 1].iter().collect();
        v.push(format!("{w}d"));
        v.push(format!("{stem}ing"));
    } else {
        v.push(format!("{w}ed"));
        v.push(format!("{w}ing"));
        // Short consonant-vowel-consonant words double their last letter: plan, planned.
        if n <= 4 && !vowel(last) && vowel(chars[n - 2]) && !vowel(chars[n - 3]) && !"wxy".contains(last) {
            v.push(format!("{w}{last}ed"));
            v.push(format!("{w}{last}ing"));
        }
    }
    v
}

/// Every surface form of a (normalised) phrase: words joined by a space or by nothing (text is
/// matched with hyphens turned into spaces, see [`Normalised`]), and the last word inflected.
/// Acronyms get only their plural.
pub(crate) fn variants(phrase: &str, inflections: bool) -> Vec<String> {
    if is_acronym(phrase) {
        return vec![phrase.to_string(), format!("{phrase}s"), format!("{phrase}'s")];
    }
    let words: Vec<&str> = phrase.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    let Some((last, init)) = words.split_last() else { return Vec::new() };
    let lasts = if inflections { inflect(last) } else { vec![last.to_string()] };
    let gaps = init.len();
    // Each gap: a space, or nothing ("multiagency"); long phrases only with spaces.
    let combos: usize = if gaps <= 3 { 1 << gaps } else { 1 };
    let mut out = Vec::with_capacity(combos * lasts.len());
    for code in 0..combos {
        let mut head = String::new();
        for (k, w) in init.iter().enumerate() {
            head.push_str(w);
            if code & (1 << k) == 0 {
                head.push(' ');
            }
        }
        for l in &lasts {
            out.push(format!("{head}{l}"));
        }
    }
    out
}

/// Text prepared for phrase matching, with a map back to the original: curly apostrophes
/// straightened, whitespace runs single, and hyphens inside words ("information-sharing",
/// "multi- agency" from a PDF line break) turned into spaces.
#[derive(Debug, Default)]
pub(crate) struct Normalised {
    pub text: String,
    /// For each byte of `text`, where its character starts in the original.
    orig: Vec<u32>,
    /// For each byte of `text`, how long its character is in the original.
    orig_len: Vec<u8>,
}

impl Normalised {
    pub fn new(input: &str) -> Normalised {
        let mut n = Normalised {
            text: String::with_capacity(input.len()),
            orig: Vec::with_capacity(input.len()),
            orig_len: Vec::with_capacity(input.len()),
        };
        for (i, c) in input.char_indices() {
            let len = c.len_utf8() as u8;
            let out = match c {
                '\u{2018}' | '\u{2019}' | '`' => '\'',
                '-' | '\u{2010}' | '\u{2011}' | '\u{2013}' => {
                    let prev_word = n.text.chars().next_back().is_some_and(char::is_alphanumeric);
                    let mut rest = input[i + c.len_utf8()..].chars();
                    let next = rest.next();
                    let next_word = next.is_some_and(char::is_alphabetic)
                        || (next == Some(' ') && rest.next().is_some_and(char::is_lowercase));
                    if prev_word && next_word { ' ' } else { c }
                }
                c if c.is_whitespace() => ' ',
                c => c,
            };
            if out == ' ' && n.text.ends_with(' ') {
                continue;
            }
            let start = n.text.len();
            n.text.push(out);
            for _ in start..n.text.len() {
                n.orig.push(i as u32);
                n.orig_len.push(len);
            }
        }
        n
    }

    /// The original range of `[start, end)` of the normalised text.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || end > self.orig.len() {
            let at = self.orig.get(start).map_or(0, |&o| o as usize);
            return (at, at);
        }
        (self.orig[start] as usize, self.orig[end - 1] as usize + self.orig_len[end - 1] as usize)
    }
}

/// Whether `[start, end)` of `text` stands as whole words.
pub(crate) fn whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Phrases of many targets, compiled once.
#[derive(Debug, Clone)]
pub(crate) struct PhraseSet {
    insensitive: Option<AhoCorasick>,
    insensitive_targets: Vec<Vec<u32>>,
    sensitive: Option<AhoCorasick>,
    sensitive_targets: Vec<Vec<u32>>,
}

#[derive(Default)]
struct Collect {
    patterns: Vec<String>,
    targets: Vec<Vec<u32>>,
    index: HashMap<String, usize>,
}

impl Collect {
    fn add(&mut self, pattern: String, target: u32) {
        match self.index.get(&pattern) {
            Some(&i) => {
                if !self.targets[i].contains(&target) {
                    self.targets[i].push(target);
                }
            }
            None => {
                self.index.insert(pattern.clone(), self.patterns.len());
                self.patterns.push(pattern);
                self.targets.push(vec![target]);
            }
        }
    }

    fn build(&self, kind: MatchKind, insensitive: bool) -> Option<AhoCorasick> {
        if self.patterns.is_empty() {
            return None;
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(kind)
            .ascii_case_insensitive(insensitive)
            .build(&self.patterns)
            .expect("phrase automaton within limits");
        Some(ac)
    }
}

impl PhraseSet {
    /// Builds a set from `(target, phrase, inflect)` triples (`inflect`: whether the last word
    /// also matches its inflections). `kind` is `LeftmostLongest` for tagging and `Standard`
    /// for finding every overlapping occurrence (exclusions).
    pub fn new<'p>(phrases: impl IntoIterator<Item = (u32, &'p str, bool)>, kind: MatchKind) -> PhraseSet {
        let mut ci = Collect::default();
        let mut cs = Collect::default();
        for (target, phrase, inflections) in phrases {
            let p = normalise(phrase);
            if is_acronym(&p) {
                for v in variants(&p, inflections) {
                    cs.add(v, target);
                }
            } else {
                for v in variants(&p.to_lowercase(), inflections) {
                    ci.add(v, target);
                }
            }
        }
        PhraseSet {
            insensitive: ci.build(kind, true),
            insensitive_targets: ci.targets,
            sensitive: cs.build(kind, false),
            sensitive_targets: cs.targets,
        }
    }

    /// Whole-word hits, longest first where they overlap, in text order, as ranges of the
    /// original text. A hit with several targets (a phrase shared by two entries) appears once
    /// per target.
    pub fn find(&self, norm: &Normalised) -> Vec<Hit> {
        let text = norm.text.as_str();
        let mut found: Vec<(usize, usize, &Vec<u32>)> = Vec::new();
        for (ac, targets) in
            [(&self.insensitive, &self.insensitive_targets), (&self.sensitive, &self.sensitive_targets)]
        {
            let Some(ac) = ac else { continue };
            for m in ac.find_iter(text) {
                if whole_word(text, m.start(), m.end()) {
                    found.push((m.start(), m.end(), &targets[m.pattern().as_usize()]));
                }
            }
        }
        if self.sensitive.is_some() && self.insensitive.is_some() {
            // Two automata: keep the longest of overlapping hits.
            found.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
            let mut kept: Vec<(usize, usize, &Vec<u32>)> = Vec::with_capacity(found.len());
            for h in found {
                match kept.last_mut() {
                    Some(last) if h.0 < last.1 => {
                        if h.1 - h.0 > last.1 - last.0 {
                            *last = h;
                        }
                    }
                    _ => kept.push(h),
                }
            }
            found = kept;
        }
        found
            .into_iter()
            .flat_map(|(s, e, ts)| {
                let (start, end) = norm.original(s, e);
                ts.iter().map(move |&target| Hit { target, start, end })
            })
            .collect()
    }

    /// Every whole-word occurrence, overlapping ones included (for exclusions), as ranges of
    /// the original text.
    pub fn find_overlapping(&self, norm: &Normalised) -> Vec<Hit> {
        let text = norm.text.as_str();
        let mut out = Vec::new();
        for (ac, targets) in
            [(&self.insensitive, &self.insensitive_targets), (&self.sensitive, &self.sensitive_targets)]
        {
            let Some(ac) = ac else { continue };
            for m in ac.find_overlapping_iter(text) {
                if whole_word(text, m.start(), m.end()) {
                    let (start, end) = norm.original(m.start(), m.end());
                    for &target in &targets[m.pattern().as_usize()] {
                        out.push(Hit { target, start, end });
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surface_forms() {
        let v = variants("information-sharing", true);
        for want in ["information sharing", "informationsharing", "information sharings"] {
            assert!(v.contains(&want.to_string()), "{want} in {v:?}");
        }
        let v = variants("strategy meeting", true);
        assert!(v.contains(&"strategy meetings".to_string()));
        assert!(variants("delay", true).contains(&"delayed".to_string()));
        assert!(variants("safety plan", true).contains(&"safety planning".to_string()));
        assert!(variants("capacity", true).contains(&"capacities".to_string()));
        assert!(variants("share", true).contains(&"sharing".to_string()));
        assert_eq!(variants("PPN", true), ["PPN", "PPNs", "PPN's"]);
    }

    #[test]
    fn matching_table() {
        let set = PhraseSet::new(
            [
                (0, "information sharing"),
                (1, "multi-agency"),
                (2, "ABE"),
                (3, "children's social care"),
                (4, "MAPPA"),
                (5, "MAPPA meeting"),
                (6, "training"),
            ]
            .map(|(t, p)| (t, p, true)),
            MatchKind::LeftmostLongest,
        );
        let cases: &[(&str, &[(u32, &str)])] = &[
            ("Information-sharing is weak", &[(0, "Information-sharing")]),
            ("a multiagency response", &[(1, "multiagency")]),
            ("Multi agency work", &[(1, "Multi agency")]),
            ("ABE interviews, not abe or Abe", &[(2, "ABE")]),
            ("children's social care", &[(3, "children's social care")]),
            ("children\u{2019}s  social\ncare", &[(3, "children\u{2019}s  social\ncare")]),
            ("multi- agency and multi -agency", &[(1, "multi- agency")]),
            ("good MAPPA meetings and MAPPA", &[(5, "MAPPA meetings"), (4, "MAPPA")]),
            ("retraining and trainings", &[(6, "trainings")]),
        ];
        for (text, want) in cases {
            let got: Vec<(u32, &str)> =
                set.find(&Normalised::new(text)).iter().map(|h| (h.target, &text[h.start..h.end])).collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
