//! The area a document is about, as its title, salutation or opening words name it.

use std::sync::LazyLock;

use regex::Regex;

static AREA_FROM_TITLE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?i)^joint targeted area inspection of (?:the multi-agency response to .+ in )(?P<area>[A-Z].+)$",
        r"(?i)^joint targeted area inspection of (?P<area>.+)$",
        r"(?i)^joint inspection of .+ in (?P<area>[A-Z].+)$",
        r"(?i)^(?:focused|monitoring) visit to (?P<area>.+?)(?: local authority)?(?: children'?s services| council)?$",
        r"(?i)^inspection of (?P<area>.+?) local authority children'?s services$",
        r"(?i)^area send inspection of (?P<area>.+?)(?: local area partnership)?$",
        r"(?i)^re:.*,\s*(?P<area>[A-Z][A-Za-z' -]+?)\s*\(",
        r"(?i)^(?P<area>[A-Z][A-Za-z,' &-]+?)(?: local)? safeguarding children'?s? partnerships?'?",
    ]
    .iter()
    .map(|r| crate::text::rx::regex(r).expect("area pattern"))
    .collect()
});

static AREA_FROM_SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"^Dear (?P<area>[A-Z][A-Za-z' -]+?) (?:Local )?Safeguarding (?:Children'?s? )?Partnership")
        .unwrap()
});

static AREA_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| {
    crate::text::rx::regex(r"(?P<area>(?:[A-Z][A-Za-z']+(?:,\s+|\s+and\s+|\s+&\s+|\s+))+?)(?:Local\s+)?Safeguarding\s+Children'?s?\s+Partnerships?").unwrap()
});

pub(crate) fn tidy_area(area: &str) -> String {
    let mut a = area.trim().trim_end_matches(['.', ',', ':', ';']).trim().to_string();
    for suffix in [
        " Metropolitan District Council",
        " Metropolitan Borough Council",
        " City Council",
        " County Council",
        " Borough Council",
        " District Council",
        " Council",
        " local authority",
        " Local Area Partnership",
        " Local Area",
        " children's services",
    ] {
        if a.len() > suffix.len() && a.to_lowercase().ends_with(&suffix.to_lowercase()) {
            a.truncate(a.len() - suffix.len());
        }
    }
    a.trim().to_string()
}

/// The area named by a title ("Joint targeted area inspection of Leicestershire").
pub(crate) fn from_title(title: &str) -> Option<String> {
    AREA_FROM_TITLE.iter().find_map(|re| re.captures(title).map(|c| tidy_area(&c["area"])))
}

/// The area named by a salutation ("Dear Leicestershire Local Safeguarding Partnership").
pub(crate) fn from_salutation(salutation: &str) -> Option<String> {
    AREA_FROM_SALUTATION.captures(salutation).map(|c| tidy_area(&c["area"]))
}

/// The area of a partnership named in running text ("Leicester, Leicestershire & Rutland
/// Safeguarding Children Partnerships").
pub(crate) fn from_text(sentence: &str) -> Option<String> {
    AREA_IN_TEXT.captures(sentence).map(|c| tidy_area(&c["area"]).replace(" & ", " and "))
}
