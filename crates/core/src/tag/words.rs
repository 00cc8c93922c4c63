//! Phrase matching a word at a time.
//!
//! A phrase occurrence that stands as whole words starts where a word starts and ends where
//! one ends, so the text is read as its words (runs of letters and digits) with what stands
//! between them, and each phrase as the same: "children's social care" is `children`, `'`,
//! `s`, ` `, `social`, ` `, `care`. A word is looked up once, by hash, in the vocabulary of
//! the phrases' words; only a word some phrase begins with starts a walk of the trie of phrase
//! words. Most words of a letter begin no phrase, and none is read twice, where a byte
//! automaton steps through every byte of every word.
//!
//! It finds exactly the whole-word occurrences an overlapping byte search (ASCII case folded
//! or not) finds, for phrases that begin and end with a letter or digit; others are left to
//! the caller.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher;

/// A word or separator as a number: its bytes and its length (for tokens of up to 15 bytes,
/// nearly all), compared in one instruction where bytes would need a loop.
fn packed(token: &[u8]) -> Option<u128> {
    if token.len() > 15 {
        return None;
    }
    let mut b = [0u8; 16];
    b[..token.len()].copy_from_slice(token);
    b[15] = token.len() as u8;
    Some(u128::from_le_bytes(b))
}

/// A packed token as two halves.
fn halves(k: u128) -> (u64, u64) {
    (k as u64, (k >> 64) as u64)
}

/// No phrase ends at this node; no such word or separator.
const NONE: u32 = u32::MAX;
/// Not looked up yet.
const UNSET: u32 = u32::MAX - 1;

/// A node of the trie.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// The phrase that ends here, or `NONE`.
    end: u32,
    /// The child through a single space, or `NONE`.
    space: u32,
}

const LEAF: Node = Node { end: NONE, space: NONE };

/// The phrases, as a trie over their words.
#[derive(Debug, Clone)]
pub(crate) struct WordTrie {
    /// Each word or separator of a phrase (folded to lower case when `fold`): its id.
    /// Keyed by the packed token as two halves (a `u128` key would align entries to 32 bytes).
    vocab: HashMap<(u64, u64), u32, FxBuildHasher>,
    /// The same for tokens too long to pack.
    long: HashMap<Box<[u8]>, u32, FxBuildHasher>,
    /// The root's child for each token id (or `NONE`): every walk starts with it.
    root: Vec<u32>,
    /// Each node: the phrase that ends there, and its child through a single space.
    nodes: Vec<Node>,
    /// (node, token id) → child node, for the other edges (node 0 is the root).
    edges: HashMap<u64, u32, FxBuildHasher>,
    /// Whether phrases match ASCII case-insensitively (they are given in lower case).
    fold: bool,
    /// The first bytes of the words phrases begin with: other words start no walk.
    firsts: [bool; 256],
    /// The id of a single space, the commonest separator.
    space: u32,
    /// The longest word or separator of the phrases.
    longest: usize,
}

/// Where the words of a text are: byte ranges of its runs of letters and digits.
pub(crate) fn word_spans(text: &str, out: &mut Vec<(u32, u32)>) {
    const ALNUM: [bool; 128] = {
        let mut t = [false; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };
    out.clear();
    let b = text.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        let (alnum, len) = match b[i] {
            c if c < 0x80 => (ALNUM[usize::from(c)], 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        match (alnum, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s as u32, i as u32));
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push((s as u32, b.len() as u32));
    }
}

/// Whether a phrase can be matched word by word: it begins and ends with a letter or digit.
pub(crate) fn fits(phrase: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    alnum(phrase.chars().next()) && alnum(phrase.chars().next_back())
}

impl WordTrie {
    /// The trie of `phrases` (each must [`fit`](fits)); a match reports the index given with
    /// its phrase.
    /// With `fold`, phrases are in lower case and match ASCII case-insensitively.
    pub fn new<'p>(phrases: impl IntoIterator<Item = (u32, &'p str)>, fold: bool) -> WordTrie {
        let mut t = WordTrie {
            vocab: HashMap::default(),
            long: HashMap::default(),
            root: Vec::new(),
            nodes: vec![LEAF],
            edges: HashMap::default(),
            fold,
            firsts: [false; 256],
            space: NONE,
            longest: 0,
        };
        let mut spans = Vec::new();
        for (index, phrase) in phrases {
            debug_assert!(fits(phrase), "{phrase:?}");
            word_spans(phrase, &mut spans);
            t.firsts[phrase.as_bytes()[0] as usize] = true;
            let mut node = 0;
            let mut prev_end = None;
            for &(a, b) in &spans {
                if let Some(e) = prev_end {
                    node = t.child(node, &phrase.as_bytes()[e as usize..a as usize]);
                }
                node = t.child(node, &phrase.as_bytes()[a as usize..b as usize]);
                prev_end = Some(b);
            }
            t.nodes[node as usize].end = index;
        }
        t.longest = t.long.keys().map(|k| k.len()).max().unwrap_or(15);
        t.space = t.id(b" ", 0, 1);
        t
    }

    fn child(&mut self, node: u32, token: &[u8]) -> u32 {
        let n = (self.vocab.len() + self.long.len()) as u32;
        let id = match packed(token) {
            Some(k) => *self.vocab.entry(halves(k)).or_insert(n),
            None => *self.long.entry(token.into()).or_insert(n),
        };
        if let Some(c) = self.step(node, id, token == b" ") {
            return c;
        }
        let c = self.nodes.len() as u32;
        self.nodes.push(LEAF);
        if node == 0 {
            self.root.resize(self.root.len().max(id as usize + 1), NONE);
            self.root[id as usize] = c;
        } else if token == b" " {
            self.nodes[node as usize].space = c;
        } else {
            self.edges.insert(edge(node, id), c);
        }
        c
    }

    /// The id of a word or separator of the phrases: here, `text[a..e]`.
    fn id(&self, text: &[u8], a: usize, e: usize) -> u32 {
        let len = e - a;
        if len > self.longest {
            return NONE;
        }
        let id = if len <= 15 {
            // Sixteen bytes read at once where the text has them, else packed byte by byte.
            let k = match text.get(a..a + 16) {
                Some(w) => {
                    let w = u128::from_le_bytes(w.try_into().expect("sixteen bytes"));
                    (w & ((1u128 << (8 * len)) - 1)) | ((len as u128) << 120)
                }
                None => packed(&text[a..e]).expect("short"),
            };
            self.vocab.get(&halves(k))
        } else {
            self.long.get(&text[a..e])
        };
        id.copied().unwrap_or(NONE)
    }

    fn step(&self, node: u32, id: u32, space: bool) -> Option<u32> {
        let c = if id == NONE {
            NONE
        } else if node == 0 {
            self.root.get(id as usize).copied().unwrap_or(NONE)
        } else if space {
            self.nodes[node as usize].space
        } else {
            self.edges.get(&edge(node, id)).copied().unwrap_or(NONE)
        };
        (c != NONE).then_some(c)
    }

    /// Every occurrence (phrase index, start, end) of a phrase in `text` as whole words;
    /// `words` are the text's words (see [`word_spans`]). With `fold`, `text` must be in lower case
    /// (ASCII), as [`Bytes::lower`] gives it.
    pub fn find(&self, text: &[u8], words: &[(u32, u32)], mut out: impl FnMut(u32, u32, u32)) {
        // The ids of the words and of what follows each, looked up once each, when first needed.
        let mut ids = vec![UNSET; words.len()];
        let mut gaps = vec![UNSET; words.len()];
        let memo = |at: &mut Vec<u32>, j: usize, a: u32, e: u32| {
            if at[j] == UNSET {
                at[j] = self.id(text, a as usize, e as usize);
            }
            at[j]
        };
        for (i, &(start, _)) in words.iter().enumerate() {
            if !self.firsts[text[start as usize] as usize] {
                continue;
            }
            let mut node = 0;
            let mut j = i;
            loop {
                let (a, e) = words[j];
                let id = memo(&mut ids, j, a, e);
                let Some(n) = self.step(node, id, false) else { break };
                let end = self.nodes[n as usize].end;
                if end != NONE {
                    out(end, start, e);
                }
                let Some(&(next, _)) = words.get(j + 1) else { break };
                let space = next == e + 1 && text[e as usize] == b' ';
                let gap = if space { self.space } else { memo(&mut gaps, j, e, next) };
                let Some(n) = self.step(n, gap, space) else { break };
                node = n;
                j += 1;
            }
        }
    }
}

/// The bytes a trie reads: as they are, and folded to lower case (made when first needed).
pub(crate) struct Bytes<'t> {
    text: &'t str,
    lower: std::cell::OnceCell<Vec<u8>>,
}

impl<'t> Bytes<'t> {
    pub fn new(text: &'t str) -> Bytes<'t> {
        Bytes { text, lower: std::cell::OnceCell::new() }
    }

    /// The text with ASCII letters in lower case (same length, same offsets).
    pub fn lower(&self) -> &[u8] {
        self.lower.get_or_init(|| self.text.as_bytes().to_ascii_lowercase())
    }

    /// What `trie` reads.
    pub fn for_trie(&self, trie: &WordTrie) -> &[u8] {
        if trie.fold { self.lower() } else { self.text.as_bytes() }
    }
}

fn edge(node: u32, token: u32) -> u64 {
    (u64::from(node) << 32) | u64::from(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(t: &WordTrie, text: &str) -> Vec<(u32, String)> {
        let mut w = Vec::new();
        word_spans(text, &mut w);
        let mut out = Vec::new();
        let bytes = Bytes::new(text);
        t.find(bytes.for_trie(t), &w, |p, a, b| out.push((p, text[a as usize..b as usize].to_string())));
        out
    }

    #[test]
    fn whole_word_occurrences_overlapping_and_folded() {
        let t = WordTrie::new(
            ["social care", "children's social care", "care", "a&e", "s 47"].into_iter().zip(0..).map(|(p, i)| (i, p)),
            true,
        );
        let got = find(&t, "Children's Social Care, carers and A&E (s 47) careful care");
        let want =
            [(1, "Children's Social Care"), (0, "Social Care"), (2, "Care"), (3, "A&E"), (4, "s 47"), (2, "care")];
        assert_eq!(got, want.map(|(p, s)| (p, s.to_string())));
        let exact = WordTrie::new([(0, "PPN"), (1, "PPNs")], false);
        assert_eq!(find(&exact, "PPNs, ppn and PPN."), [(1, "PPNs".to_string()), (0, "PPN".to_string())]);
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        let mut w = Vec::new();
        word_spans("é1 a-b’c  ", &mut w);
        assert_eq!(w, [(0, 3), (4, 5), (6, 7), (10, 11)]);
        assert!(fits("a&e") && fits("é") && !fits("(cse)") && !fits("care.") && !fits(""));
    }

    /// Word by word finds what an overlapping byte search finds, kept where it stands as
    /// whole words: the automaton the trie replaced.
    mod against_bytes {
        use aho_corasick::AhoCorasickBuilder;
        use proptest::prelude::*;

        use super::super::*;
        use crate::tag::phrases::whole_word;

        const WORDS: &[&str] = &["a", "ab", "care", "Care", "s", "47", "é", "É", "x1", "social"];
        const SEPS: &[&str] = &[" ", "'", "&", " & ", "-", ", ", "  ", "", "\u{a0}", "\0"];

        fn phrase() -> impl Strategy<Value = String> {
            prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(SEPS)), 1..4).prop_map(|v| {
                let mut p: String = v.iter().map(|(w, s)| format!("{w}{s}")).collect();
                p.truncate(p.trim_end_matches(|c: char| !c.is_alphanumeric()).len());
                p
            })
        }

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select([WORDS, SEPS, &["b", "\n", "(", "Ab"]].concat()), 0..40)
                .prop_map(|v| v.concat())
        }

        fn check(phrases: &[String], text: &str, fold: bool) {
            let phrases: Vec<String> =
                phrases.iter().map(|p| if fold { p.to_lowercase() } else { p.clone() }).collect();
            let mut unique = phrases.clone();
            unique.sort();
            unique.dedup();
            let trie = WordTrie::new(unique.iter().zip(0..).map(|(p, i)| (i, p.as_str())), fold);
            let mut w = Vec::new();
            word_spans(text, &mut w);
            let mut got = Vec::new();
            trie.find(Bytes::new(text).for_trie(&trie), &w, |p, a, b| got.push((p as usize, a as usize, b as usize)));
            let ac = AhoCorasickBuilder::new().ascii_case_insensitive(fold).build(&unique).unwrap();
            let mut want: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(text)
                .filter(|m| whole_word(text, m.start(), m.end()))
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect();
            got.sort_unstable();
            want.sort_unstable();
            assert_eq!(got, want, "phrases {unique:?} text {text:?}");
        }

        proptest! {
            #[test]
            fn same_as_the_byte_automaton(
                phrases in prop::collection::vec(phrase(), 1..8).prop_map(|v| v.into_iter().filter(|p| fits(p)).collect::<Vec<_>>()),
                text in text(),
            ) {
                prop_assume!(!phrases.is_empty());
                check(&phrases, &text, true);
                check(&phrases, &text, false);
            }
        }
    }
}
