//! Page furniture: what PDF extraction repeats on every page and is not part of the letter.
//!
//! Everything here is detected from the document itself — lines that repeat at page
//! boundaries, page numbers, footnotes at the foot of a page — never from a list of known
//! logo lines.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::lines::Line;

/// Which lines are furniture, and which footnote numbers the document defines.
#[derive(Debug, Default)]
pub(crate) struct Furniture {
    pub flags: Vec<bool>,
    pub footnotes: Vec<u32>,
}

static PAGE_OF: LazyLock<Regex> = LazyLock::new(|| {
    crate::rx::regex(r"^(?i:page\s+)?\d{1,4}\s*(?i:of|/)\s*\d{1,4}$|^(?i:page)\s+\d{1,4}$|^-\s*\d{1,4}\s*-$").unwrap()
});
static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"^\d{1,4}$").unwrap());
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| crate::rx::regex(r"^(\d{1,2})(?:\s+[\[(\x22'‘“A-Z]|[A-Z][a-z])|^([¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*\S").unwrap());
static GLUED_MARK: LazyLock<Regex> = LazyLock::new(|| crate::rx::regex(r"[a-z][.?!:)]?(\d{1,2})(?:\s|$)").unwrap());

/// Detects furniture lines in `lines` of `src`.
pub(crate) fn detect(src: &str, lines: &[Line]) -> Furniture {
    let n = lines.len();
    let mut flags = vec![false; n];
    let has_pages = lines.iter().any(|l| l.page > 0);

    // Each line's position on its page: index among the page's non-blank lines that are not
    // (yet) known furniture, from the top and from the bottom.
    let positions = |flags: &[bool]| -> (Vec<usize>, Vec<usize>) {
        let mut from_top = vec![usize::MAX; n];
        let mut from_bottom = vec![usize::MAX; n];
        for page in pages(lines) {
            let idx: Vec<usize> = page.filter(|&k| !lines[k].is_blank() && !flags[k]).collect();
            for (pos, &k) in idx.iter().enumerate() {
                from_top[k] = pos;
                from_bottom[k] = idx.len() - 1 - pos;
            }
        }
        (from_top, from_bottom)
    };
    let (mut from_top, mut from_bottom) = positions(&flags);
    // Blank-line gaps around each line's stanza (a run of consecutive non-blank lines).
    let mut gap_before = vec![0usize; n];
    let mut gap_after = vec![0usize; n];
    {
        let mut blanks = usize::MAX / 2; // document start counts as a wide gap
        for k in 0..n {
            if lines[k].is_blank() {
                blanks += 1;
            } else {
                gap_before[k] = if k > 0 && !lines[k - 1].is_blank() { gap_before[k - 1] } else { blanks };
                blanks = 0;
            }
        }
        blanks = usize::MAX / 2;
        for k in (0..n).rev() {
            if lines[k].is_blank() {
                blanks += 1;
            } else {
                gap_after[k] = if k + 1 < n && !lines[k + 1].is_blank() { gap_after[k + 1] } else { blanks };
                blanks = 0;
            }
        }
    }
    let at_boundary = |k: usize, from_top: &[usize], from_bottom: &[usize]| -> bool {
        let page_edge = has_pages && (from_top[k] < 3 || from_bottom[k] < 3);
        page_edge || gap_before[k] >= 2 || gap_after[k] >= 2
    };

    // 1. Page numbers.
    for (k, line) in lines.iter().enumerate() {
        let t = line.text(src);
        let bare = BARE_NUMBER.is_match(t) && has_pages && (from_top[k] == 0 || from_bottom[k] == 0);
        if bare || PAGE_OF.is_match(t) {
            flags[k] = true;
        }
    }

    // 2. Lines that repeat at page boundaries (logos, running headers and footers, markings).
    //    Repeated until nothing new is found: once one furniture line is set aside, the lines
    //    beyond it are at the page's edge too (a three-line footer under a running title).
    //    Each candidate line's key is computed once, for every round.
    let keys: Vec<Option<u64>> = lines
        .iter()
        .map(|line| {
            let t = line.text(src);
            let candidate = !line.is_blank() && t.len() <= 120 && crate::markers::marker(t).is_none();
            candidate.then(|| repeat_key(t))
        })
        .collect();
    for _ in 0..4 {
        (from_top, from_bottom) = positions(&flags);
        let mut groups: HashMap<u64, Vec<usize>> = HashMap::new();
        for (k, key) in keys.iter().enumerate() {
            if let Some(key) = key
                && !flags[k]
            {
                groups.entry(*key).or_default().push(k);
            }
        }
        let mut groups: Vec<(u64, Vec<usize>)> = groups.into_iter().filter(|(_, occ)| occ.len() >= 2).collect();
        groups.sort_unstable_by_key(|(_, occ)| occ[0]);
        let mut found = false;
        for (_, occ) in &groups {
            let first = lines[occ[0]].text(src);
            if !first.chars().any(char::is_alphabetic) || crate::headings::classify(first).is_some() {
                continue;
            }
            let edge = occ.iter().filter(|&&k| at_boundary(k, &from_top, &from_bottom)).count();
            let marking = first.split(' ').count() <= 3 && !first.chars().any(char::is_lowercase);
            if (edge >= 2 && edge * 3 >= occ.len() * 2) || marking {
                found = true;
                for &k in occ {
                    flags[k] = true;
                }
            }
        }
        if !found {
            break;
        }
    }

    // 2b. A page number stacked with other furniture ("2" above a running footer, below a
    //     logo block): a bare number that is the page's first or last line once the furniture
    //     found so far is set aside.
    if has_pages {
        for page in pages(lines) {
            let content = |k: &usize| !lines[*k].is_blank() && !flags[*k];
            let edges = [page.clone().find(content), page.rev().find(content)];
            for k in edges.into_iter().flatten() {
                if BARE_NUMBER.is_match(lines[k].text(src)) {
                    flags[k] = true;
                }
            }
        }
    }

    // 3. A "# source:" comment that extraction tools put on the first line.
    if let Some(k) = lines.iter().position(|l| !l.is_blank())
        && lines[k].text(src).starts_with("# source:")
    {
        flags[k] = true;
    }

    // 4. Footnotes: a stanza that starts with a footnote number, at the foot of a page (before
    //    a form feed, before furniture, or at the end), or whose number is glued to a word
    //    somewhere in the text ("Bradford.1").
    let glued: Vec<u32> = GLUED_MARK
        .captures_iter(src)
        .filter_map(|c| c.get(1)?.as_str().parse().ok())
        .filter(|&n| (1..=30).contains(&n))
        .collect();
    let mut footnotes = Vec::new();
    let stanza_of = |k: usize| -> (usize, usize) {
        let mut a = k;
        while a > 0 && !lines[a - 1].is_blank() && !lines[a].page_start {
            a -= 1;
        }
        let mut b = k + 1;
        while b < n && !lines[b].is_blank() && !lines[b].page_start {
            b += 1;
        }
        (a, b)
    };
    let footnote_number = |k: usize| -> Option<u32> {
        let t = lines[k].text(src);
        let c = FOOTNOTE.captures(t)?;
        if let Some(d) = c.get(1) {
            return d.as_str().parse().ok().filter(|&n| (1..=30).contains(&n));
        }
        let sup = c.get(2)?.as_str();
        let digits: String = sup.chars().map(superscript_digit).collect();
        digits.parse().ok()
    };
    let mut mark_stanza = |a: usize, b: usize, num: u32, flags: &mut Vec<bool>| {
        for f in &mut flags[a..b] {
            *f = true;
        }
        if !footnotes.contains(&num) {
            footnotes.push(num);
        }
    };
    // Superscript-numbered and glued-number footnotes, wherever they are.
    let mut k = 0;
    while k < n {
        if !lines[k].is_blank() && !flags[k] && (k == 0 || lines[k - 1].is_blank() || lines[k].page_start) {
            let t = lines[k].text(src);
            if let Some(num) = footnote_number(k) {
                let superscript = !t.starts_with(|c: char| c.is_ascii_digit());
                let words = t.split_whitespace().count();
                if superscript || (glued.contains(&num) && words >= 4) {
                    let (a, b) = stanza_of(k);
                    mark_stanza(a, b, num, &mut flags);
                    k = b;
                    continue;
                }
            }
        }
        k += 1;
    }
    // Page feet.
    let page_ends: Vec<usize> =
        (0..n).filter(|&k| k + 1 == n || lines[k + 1].page_start || (flags[k + 1] && !flags[k])).collect();
    for end in page_ends {
        let page = lines[end].page;
        let mut next = Some(end);
        while let Some(mut i) = next {
            let found = loop {
                if lines[i].page != page {
                    break None;
                }
                if !lines[i].is_blank() && !flags[i] {
                    break Some(i);
                }
                if i == 0 {
                    break None;
                }
                i -= 1;
            };
            let Some(i) = found else { break };
            let (a, b) = stanza_of(i);
            match footnote_number(a) {
                Some(num) if b - a <= 6 && lines[a].text(src).split_whitespace().count() >= 3 => {
                    mark_stanza(a, b, num, &mut flags);
                    next = a.checked_sub(1);
                }
                _ => break,
            }
        }
    }
    footnotes.sort_unstable();
    Furniture { flags, footnotes }
}

/// The line ranges of each page, in order.
fn pages(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let page = lines[i].page;
        let mut j = i;
        while j < lines.len() && lines[j].page == page {
            j += 1;
        }
        out.push(i..j);
        i = j;
    }
    out
}

fn superscript_digit(c: char) -> char {
    match c {
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        '⁰' => '0',
        c => char::from_digit(c as u32 - 0x2070, 10).unwrap_or('0'),
    }
}

/// Lines compare equal for repetition when they differ only in case, spacing and numbers
/// ("Page 3" and "Page 4"): a hash of the line with those differences taken out.
fn repeat_key(t: &str) -> u64 {
    // FNV-1a over the normalised characters' UTF-8 bytes.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let mut last_digit = false;
    let mut first = true;
    for w in t.split_whitespace() {
        if !first {
            feed(b' ');
        }
        first = false;
        let mut rest = w;
        while let Some(&b) = rest.as_bytes().first() {
            if b.is_ascii_digit() {
                if !last_digit {
                    feed(b'#');
                }
                last_digit = true;
                rest = &rest[1..];
            } else if b.is_ascii() {
                last_digit = false;
                feed(b.to_ascii_lowercase());
                rest = &rest[1..];
            } else {
                last_digit = false;
                let c = rest.chars().next().unwrap_or_default();
                let mut buf = [0u8; 4];
                for l in c.to_lowercase() {
                    l.encode_utf8(&mut buf).bytes().for_each(&mut feed);
                }
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn furniture_lines(src: &str) -> (Vec<String>, Vec<u32>) {
        let lines = split_lines(src);
        let f = detect(src, &lines);
        let got = lines.iter().zip(&f.flags).filter(|(_, f)| **f).map(|(l, _)| l.text(src).to_string()).collect();
        (got, f.footnotes)
    }

    #[test]
    fn repeated_logo_blocks_without_form_feeds() {
        let src = "\n\nLogo Line\nof Things\n\n\n\n12 May 2026\n\nDear all\n\nSome text that\n\n\n\nLogo Line\nof Things\n\n\n\ncontinues here.\n\nStrengths\n\n- One.\n";
        let (got, _) = furniture_lines(src);
        assert_eq!(got, ["Logo Line", "of Things", "Logo Line", "of Things"]);
    }

    #[test]
    fn page_numbers_footers_and_footnotes() {
        let src = "Dear all\n\nIn Bradford.1 This text\nruns on\n\n1 This joint inspection was conducted under section 20.\n\n1\n\x0cInspection of Foo children's services\nMore text, Page 2 of 3\n\nPage 2 of 3\n\x0cInspection of Foo children's services\nEnd.\n\n3\n";
        let (got, notes) = furniture_lines(src);
        assert_eq!(
            got,
            [
                "1 This joint inspection was conducted under section 20.",
                "1",
                "Inspection of Foo children's services",
                "Page 2 of 3",
                "Inspection of Foo children's services",
                "3"
            ]
        );
        assert_eq!(notes, [1]);
    }

    #[test]
    fn stacked_page_feet() {
        // A page number above a running footer, and a four-line foot (title, dates, page
        // number, footer): all furniture, however deep the stack.
        let words = ["Leaders know their services", "Children are seen quickly and", "Plans are clear and"];
        let page = |n: u32| {
            let text = words[n as usize - 1];
            format!(
                "{text}\n\nInspection of Foo children's services\n1 to 5 May 2026\n\n{n}\n\nwww.example.org/foo\n\x0c"
            )
        };
        let src = format!("Dear all\n\n{}{}{}Last words.\n", page(1), page(2), page(3));
        let (got, _) = furniture_lines(&src);
        let foot = ["Inspection of Foo children's services", "1 to 5 May 2026"];
        let want: Vec<String> = (1..=3)
            .flat_map(|n| [foot[0].to_string(), foot[1].to_string(), n.to_string(), "www.example.org/foo".to_string()])
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn keeps_repeated_headings_and_single_lines() {
        let src = "Strengths\n\n\n\n- A.\n\n\n\nStrengths\n\n\n\nOnly once\n\n\n\nLeadership\n\nText.\n";
        let (got, _) = furniture_lines(src);
        assert!(got.is_empty(), "{got:?}");
    }
}
