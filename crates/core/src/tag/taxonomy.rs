//! The theme taxonomy: themes, agencies and the polarity cue lexicon, as a human-editable TOML
//! file. The built-in one is compiled in; users can replace or extend it with their own.

use std::collections::HashSet;

use serde::Deserialize;

use crate::error::TaxonomyError;

/// The built-in taxonomy file.
pub const BUILTIN_TOML: &str = include_str!("taxonomy.toml");

/// One theme or agency: what it means, the words that tag it, and examples that test it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Stable kebab-case id (`information-sharing`).
    pub id: String,
    /// Short human label.
    pub label: String,
    /// What it covers.
    pub description: String,
    /// Phrases matched as whole words, case-insensitively (short all-capital acronyms
    /// case-sensitively), with hyphen/space/no-space forms and simple inflections of the last
    /// word equivalent.
    pub phrases: Vec<String>,
    /// Regular expressions (case-insensitive) for what phrases cannot express.
    pub patterns: Vec<String>,
    /// Phrases that cancel a match of this entry where they overlap it.
    pub exclude: Vec<String>,
    /// Phrases that are evidence of this entry only in a unit that names no other entry of its
    /// facet: "Leaders have increased the number of placements" is about placements, the
    /// leaders only its agents; "Leaders have plans in place" is about leadership.
    pub weak: Vec<String>,
    /// Phrases that are evidence of this entry only in a unit that also names one of its
    /// `context` words: "investigation" is a police investigation where the police or a crime
    /// are in the unit, not in "an investigation of the complaint".
    pub contextual: Vec<String>,
    /// Words that license the entry's `contextual` phrases; not evidence themselves.
    pub context: Vec<String>,
    /// Sentences this entry must tag.
    pub should_tag: Vec<String>,
    /// Sentences this entry must not tag.
    pub must_not_tag: Vec<String>,
    /// Line of the entry in its file (for messages).
    pub line: usize,
}

/// The words that decide a sentence's polarity, with examples.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// Evaluative words and phrases that signal a strength ("effective", "no delay").
    pub positive: Vec<String>,
    /// Words and phrases that signal something to improve ("not consistently", "lack of").
    pub negative: Vec<String>,
    /// Words that flip the cue after them ("not", "no", "never").
    pub negators: Vec<String>,
    /// Words that join contrasting clauses ("however", "but", "although").
    pub contrast: Vec<String>,
    /// Sentences that must be judged a strength.
    pub strength_examples: Vec<String>,
    /// Sentences that must be judged an improvement.
    pub improvement_examples: Vec<String>,
    /// Sentences that must be judged mixed.
    pub mixed_examples: Vec<String>,
    /// Sentences that must be judged neutral.
    pub neutral_examples: Vec<String>,
}

/// Themes, agencies and the polarity lexicon.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Taxonomy {
    /// Themes findings are about.
    pub themes: Vec<Entry>,
    /// Agencies findings concern.
    pub agencies: Vec<Entry>,
    /// Polarity cues.
    pub lexicon: Lexicon,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    #[serde(default)]
    theme: Vec<EntrySpec>,
    #[serde(default)]
    agency: Vec<EntrySpec>,
    #[serde(default)]
    polarity: Option<LexiconSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntrySpec {
    id: toml::Spanned<String>,
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    patterns: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    weak: Vec<String>,
    #[serde(default)]
    contextual: Vec<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    should_tag: Vec<String>,
    #[serde(default)]
    must_not_tag: Vec<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct LexiconSpec {
    #[serde(default)]
    positive: Vec<String>,
    #[serde(default)]
    negative: Vec<String>,
    #[serde(default)]
    negators: Vec<String>,
    #[serde(default)]
    contrast: Vec<String>,
    #[serde(default)]
    strength_examples: Vec<String>,
    #[serde(default)]
    improvement_examples: Vec<String>,
    #[serde(default)]
    mixed_examples: Vec<String>,
    #[serde(default)]
    neutral_examples: Vec<String>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Largest compiled size a pattern may take: a pattern beyond it (a huge counted repetition)
/// is rejected rather than allowed to slow every document down.
pub(crate) const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Why a taxonomy pattern cannot be used.
#[derive(Debug)]
pub(crate) enum PatternError {
    /// Not a regular expression: the parser's message.
    Syntax(String),
    /// Its automaton would exceed the size limit.
    TooBig,
}

/// Checks a taxonomy pattern as a regular expression of its own would be built:
/// case-insensitive, with ASCII classes (`\w`, `\b`) when the pattern allows it — much faster
/// to build, and letters are English — and Unicode ones otherwise. Only its automata are built
/// (forward with its groups, and reverse), within the size limit, not a whole regex: the
/// tagger compiles all patterns together.
pub(crate) fn check_pattern(p: &str) -> Result<(), PatternError> {
    use regex_automata::nfa::thompson;
    let parse = |unicode: bool| {
        regex_syntax::ParserBuilder::new()
            .case_insensitive(true)
            .unicode(unicode)
            .build()
            .parse(p)
            .map_err(|e| PatternError::Syntax(e.to_string()))
    };
    let hir = parse(false).or_else(|_| parse(true))?;
    // The automata a regular expression is built from: forward with its groups, and reverse.
    let limit = thompson::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT));
    let forward = limit.clone().which_captures(thompson::WhichCaptures::All);
    let reverse = limit.which_captures(thompson::WhichCaptures::None).reverse(true);
    for config in [forward, reverse] {
        match thompson::Compiler::new().configure(config).build_from_hir(&hir) {
            Ok(_) => {}
            Err(e) if e.size_limit().is_some() => return Err(PatternError::TooBig),
            Err(e) => return Err(PatternError::Syntax(e.to_string())),
        }
    }
    Ok(())
}

impl Taxonomy {
    /// The built-in taxonomy (25 themes, 7 agencies and the polarity lexicon).
    pub fn builtin() -> Taxonomy {
        Taxonomy::from_toml(BUILTIN_TOML, "built-in taxonomy").expect("the built-in taxonomy is valid (tested)")
    }

    /// Reads and checks a taxonomy file. `source_name` names it in errors.
    ///
    /// # Errors
    /// A [`TaxonomyError`] naming the file, line and entry: TOML syntax, unknown fields,
    /// duplicate ids, empty ids, labels or phrases, entries with nothing to match, invalid or
    /// oversized regular expressions.
    pub fn from_toml(text: &str, source_name: &str) -> Result<Taxonomy, TaxonomyError> {
        let err = |line: Option<usize>, entry: Option<String>, message: String| TaxonomyError {
            source_name: source_name.to_string(),
            line,
            entry,
            message,
        };
        let spec: FileSpec = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start));
            err(line, None, e.message().trim().to_string())
        })?;
        let mut tax = Taxonomy::default();
        for (facet, specs) in [("theme", spec.theme), ("agency", spec.agency)] {
            let mut seen = HashSet::new();
            for s in specs {
                let line = line_of(text, s.id.span().start);
                let id = s.id.into_inner();
                let who = Some(format!("{facet} '{id}'"));
                if id.trim().is_empty() || id.chars().any(char::is_whitespace) {
                    return Err(err(Some(line), who, "the id must be a non-empty word (kebab-case)".into()));
                }
                if !seen.insert(id.clone()) {
                    return Err(err(Some(line), who, format!("duplicate {facet} id '{id}'")));
                }
                if s.label.trim().is_empty() {
                    return Err(err(Some(line), who, "empty label".into()));
                }
                let lists = [
                    ("phrase", &s.phrases),
                    ("exclude phrase", &s.exclude),
                    ("weak phrase", &s.weak),
                    ("contextual phrase", &s.contextual),
                    ("context word", &s.context),
                ];
                if let Some((which, _)) = lists.iter().find(|(_, l)| l.iter().any(|p| p.trim().is_empty())) {
                    return Err(err(Some(line), who, format!("empty {which}")));
                }
                if s.contextual.is_empty() != s.context.is_empty() {
                    let msg = "contextual phrases and context words go together: one is missing";
                    return Err(err(Some(line), who, msg.into()));
                }
                if s.phrases.is_empty() && s.patterns.is_empty() {
                    return Err(err(Some(line), who, "no phrases or patterns: it could never tag anything".into()));
                }
                for p in &s.patterns {
                    check_pattern(p).map_err(|e| {
                        let msg = match e {
                            PatternError::TooBig => format!("pattern '{p}' is too large (size limit exceeded)"),
                            PatternError::Syntax(e) => {
                                format!("invalid pattern '{p}': {}", e.lines().last().unwrap_or(""))
                            }
                        };
                        err(Some(line), who.clone(), msg)
                    })?;
                }
                let entry = Entry {
                    id,
                    label: s.label,
                    description: s.description,
                    phrases: s.phrases,
                    patterns: s.patterns,
                    exclude: s.exclude,
                    weak: s.weak,
                    contextual: s.contextual,
                    context: s.context,
                    should_tag: s.should_tag,
                    must_not_tag: s.must_not_tag,
                    line,
                };
                if facet == "theme" { tax.themes.push(entry) } else { tax.agencies.push(entry) }
            }
        }
        if let Some(p) = spec.polarity {
            if let Some(c) =
                p.positive.iter().chain(&p.negative).chain(&p.negators).chain(&p.contrast).find(|c| c.trim().is_empty())
            {
                let _ = c;
                let line = text.find("[polarity]").map(|o| line_of(text, o));
                return Err(err(line, Some("polarity".into()), "empty cue".into()));
            }
            tax.lexicon = Lexicon {
                positive: p.positive,
                negative: p.negative,
                negators: p.negators,
                contrast: p.contrast,
                strength_examples: p.strength_examples,
                improvement_examples: p.improvement_examples,
                mixed_examples: p.mixed_examples,
                neutral_examples: p.neutral_examples,
            };
        }
        Ok(tax)
    }

    /// Adds `other`'s entries: an entry with an id this taxonomy already has replaces it, a new
    /// id is added. Polarity cues and examples are appended.
    pub fn extend(&mut self, other: Taxonomy) {
        for (mine, theirs) in [(&mut self.themes, other.themes), (&mut self.agencies, other.agencies)] {
            for e in theirs {
                match mine.iter_mut().find(|m| m.id == e.id) {
                    Some(m) => *m = e,
                    None => mine.push(e),
                }
            }
        }
        let (a, b) = (&mut self.lexicon, other.lexicon);
        a.positive.extend(b.positive);
        a.negative.extend(b.negative);
        a.negators.extend(b.negators);
        a.contrast.extend(b.contrast);
        a.strength_examples.extend(b.strength_examples);
        a.improvement_examples.extend(b.improvement_examples);
        a.mixed_examples.extend(b.mixed_examples);
        a.neutral_examples.extend(b.neutral_examples);
    }

    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Entry> {
        self.themes.iter().find(|e| e.id == id)
    }

    /// The agency with this id.
    pub fn agency(&self, id: &str) -> Option<&Entry> {
        self.agencies.iter().find(|e| e.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        Taxonomy::from_toml(text, "t.toml").unwrap_err().to_string()
    }

    #[test]
    fn bad_files_name_file_line_and_entry() {
        let ok = "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n";
        assert!(Taxonomy::from_toml(ok, "t.toml").is_ok());
        let cases = [
            ("[[theme]\nid = 1", "t.toml: line 1: "),
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\ncolour = \"red\"\n",
                "t.toml: line 5: unknown field `colour`",
            ),
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n\n[[theme]]\nid = \"a\"\nlabel = \"B\"\nphrases = [\"y\"]\n",
                "t.toml: line 7: theme 'a': duplicate theme id 'a'",
            ),
            (
                "[[agency]]\nid = \"p\"\nlabel = \"P\"\nphrases = [\"x\", \" \"]\n",
                "t.toml: line 2: agency 'p': empty phrase",
            ),
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\npatterns = [\"(unclosed\"]\n",
                "t.toml: line 2: theme 'a': invalid pattern '(unclosed': error: unclosed group",
            ),
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\npatterns = [\"(\\\\w{1000}){1000}\"]\n",
                "t.toml: line 2: theme 'a': pattern '(\\w{1000}){1000}' is too large (size limit exceeded)",
            ),
            // Small without its groups, too large with them: checked as it is compiled.
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\npatterns = [\"(?:((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))){1000}\"]\n",
                "t.toml: line 2: theme 'a': pattern '(?:((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))){1000}' is too large (size limit exceeded)",
            ),
            (
                "[[theme]]\nid = \"a\"\nlabel = \"A\"\n",
                "t.toml: line 2: theme 'a': no phrases or patterns: it could never tag anything",
            ),
        ];
        for (text, want) in cases {
            let got = error(text);
            assert!(got.starts_with(want), "got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn extend_replaces_and_adds() {
        let mut base = Taxonomy::from_toml(
            "[[theme]]\nid = \"a\"\nlabel = \"A\"\nphrases = [\"x\"]\n[[theme]]\nid = \"b\"\nlabel = \"B\"\nphrases = [\"y\"]\n",
            "base",
        )
        .unwrap();
        let more = Taxonomy::from_toml(
            "[[theme]]\nid = \"b\"\nlabel = \"B2\"\nphrases = [\"z\"]\n[[theme]]\nid = \"c\"\nlabel = \"C\"\nphrases = [\"w\"]\n",
            "more",
        )
        .unwrap();
        base.extend(more);
        let ids: Vec<(&str, &str)> = base.themes.iter().map(|e| (e.id.as_str(), e.label.as_str())).collect();
        assert_eq!(ids, [("a", "A"), ("b", "B2"), ("c", "C")]);
    }
}
