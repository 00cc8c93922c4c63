//! The items of a list section (strengths, improvements, priority actions) when its bullets
//! did not survive extraction as they were.
//!
//! - **Lost or detached glyphs**: a list whose bullets were dropped, or stand alone on lines of
//!   their own away from their text, is a run of paragraphs: each paragraph that states a
//!   finding is an item. A lead-in ending with a colon, and a sub-heading or table cell (no
//!   final stop), are not.
//! - **Recommendations with sub-points** (area SEND reports): where a list's findings are
//!   paragraphs, one that ends with a colon is a recommendation whose bullets are its
//!   sub-points, and it takes them in: one item.

use super::block::{Built, join};
use super::model::BlockKind;
use crate::text::final_punctuation;

/// What a block of a list section is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A bulleted or numbered item.
    Item,
    /// A paragraph stating a finding.
    Finding,
    /// A paragraph ending with a colon: what follows belongs to it.
    LeadIn,
    /// A paragraph without a stop: a sub-heading, or a table cell.
    SubHeading,
}

/// "There are no areas for priority action": a list that says it is empty.
fn says_none(text: &str) -> bool {
    let t = text.trim_start().to_ascii_lowercase();
    ["there are no ", "there were no ", "there is no ", "no areas for ", "none."].iter().any(|p| t.starts_with(p))
        && t.split_whitespace().count() <= 12
}

fn role(b: &Built) -> Role {
    let text = &b.block.text;
    if b.block.kind == BlockKind::Item {
        return Role::Item;
    }
    match final_punctuation(text) {
        Some(':') => Role::LeadIn,
        Some(_) => Role::Finding,
        // A sub-heading, or a cell of a table (the body responsible for a priority action).
        None => Role::SubHeading,
    }
}

/// Shapes the blocks of a list section: paragraphs that are its findings become items, and a
/// recommendation takes in its sub-points.
pub(crate) fn shape(mut blocks: Vec<Built>) -> Vec<Built> {
    // "There are no areas for priority action", bulleted or not, is no item.
    for b in blocks.iter_mut().filter(|b| says_none(&b.block.text)) {
        b.block.kind = BlockKind::Paragraph;
    }
    let roles: Vec<Role> =
        blocks.iter().map(|b| if says_none(&b.block.text) { Role::SubHeading } else { role(b) }).collect();
    let findings = roles.iter().filter(|r| **r == Role::Finding).count();
    let items = roles.iter().filter(|r| **r == Role::Item).count();
    let detached = blocks.iter().any(|b| b.detached);
    // A lead-in followed by bullets, beside findings written as paragraphs: recommendations.
    let recommendations = findings >= 1 && roles.windows(2).any(|w| w[0] == Role::LeadIn && w[1] == Role::Item);
    if findings == 0 || !(detached || items == 0 || recommendations) {
        return blocks;
    }
    let mut out: Vec<Built> = Vec::with_capacity(blocks.len());
    let mut absorbing = false;
    for (mut b, role) in blocks.into_iter().zip(roles) {
        match role {
            Role::Finding => {
                b.block.kind = BlockKind::Item;
                absorbing = false;
                out.push(b);
            }
            Role::LeadIn if recommendations => {
                b.block.kind = BlockKind::Item;
                absorbing = true;
                out.push(b);
            }
            Role::Item if absorbing => {
                let head = out.pop().expect("absorbing follows a lead-in");
                out.push(join(head, b));
            }
            _ => {
                absorbing = false;
                out.push(b);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::document::Document;
    use crate::structure::{BlockKind, SectionKind};

    /// The items of the first list section of `text`, and the paragraphs left.
    fn list(text: &str) -> (Vec<String>, Vec<String>) {
        let doc = Document::parse(text);
        let s = doc.sections.iter().find(|s| s.kind.is_list()).expect("a list section");
        let of = |k: BlockKind| s.blocks.iter().filter(|b| b.kind == k).map(|b| b.text.clone()).collect();
        (of(BlockKind::Item), of(BlockKind::Paragraph))
    }

    #[test]
    fn shapes_of_lists() {
        let cases: &[(&str, &[&str], &[&str])] = &[
            // Bullets dropped: each finding paragraph is an item; the sub-heading is not.
            (
                "Key strengths\n\nLeadership\n\nLeaders know their services well. They act on it.\n\nPlans are clear.\n\nNext steps\n\nText.\n",
                &["Leaders know their services well. They act on it.", "Plans are clear."],
                &["Leadership"],
            ),
            // Glyphs detached at the top of the list: the paragraphs are its items.
            (
                "Strengths\n\n\u{f06e}\n\n\u{f06e}\n\nLeaders know their services well.\n\nThe second strength is here.\n\nNext steps\n\nText.\n",
                &["Leaders know their services well.", "The second strength is here."],
                &[],
            ),
            // A lead-in with its bullets: the bullets are the items.
            (
                "What needs to improve?\n\nThe local authority needs to address:\n\n- The quality of plans.\n- The timeliness of visits.\n",
                &["The quality of plans.", "The timeliness of visits."],
                &["The local authority needs to address:"],
            ),
            // A list that says it is empty has no item.
            (
                "Areas for priority action\n\n- There are no areas for priority action\n\nNext steps\n\nText.\n",
                &[],
                &["There are no areas for priority action"],
            ),
            // Recommendations: a paragraph ending with a colon takes in its sub-points.
            (
                "Areas for improvement\n\nLeaders should improve how children's voices are used.\n\nLeaders should improve how they use data to ensure that:\n\n- practitioners have accurate information\n- plans are reviewed.\n\nNext steps\n\nText.\n",
                &[
                    "Leaders should improve how children's voices are used.",
                    "Leaders should improve how they use data to ensure that: practitioners have accurate information plans are reviewed.",
                ],
                &[],
            ),
        ];
        for (text, items, paragraphs) in cases {
            let (got_items, got_paras) = list(text);
            let want = |v: &[&str]| -> Vec<String> { v.iter().map(|s| s.to_string()).collect() };
            assert_eq!((got_items, got_paras), (want(items), want(paragraphs)), "{text:?}");
        }
    }

    #[test]
    fn a_joined_item_maps_back_to_the_input() {
        let text = "Areas for improvement\n\nLeaders should improve the use of data.\n\nLeaders should act to ensure that:\n\n- plans are reviewed\n";
        let doc = Document::parse(text);
        let s = doc.sections.iter().find(|s| s.kind == SectionKind::Improvements).unwrap();
        let item = s.items().last().unwrap();
        assert_eq!(&text[item.span.range()], "Leaders should act to ensure that:\n\n- plans are reviewed");
        let at = item.text.find("plans").unwrap();
        assert_eq!(&text[item.original_span(at, at + 5).unwrap().range()], "plans");
        assert_eq!(item.sentences.len(), 1);
    }
}
