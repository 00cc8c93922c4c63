//! Agreement with a person's coding, on a letter and a coding small enough to score by hand.

use letters_core::eval::{Evaluation, align_document, read_gold};
use letters_core::{Document, Polarity, Tagger};

const LETTER: &str = "1 May 2024\n\nDear all\n\nJoint targeted area inspection of Kent\n\n\
    What needs to improve?\n\n- Access to therapy.\n- Timeliness of strategy meetings.\n\n\
    Strengths\n\n- Leaders know their services well.\n";

/// The tool tags the three items therapy; child-protection-meetings and timeliness;
/// strategic-leadership — improvement, improvement, strength. The person agrees on therapy and
/// timeliness, leaves out child protection meetings, adds training to the third and calls it
/// neutral; the fourth row names words the letter does not have.
const CODING: &str = "path,unit,kind,themes,polarity\n\
    kent.txt,Access to therapy,item,therapy,improvement\n\
    kent.txt,Timeliness of strategy meetings,item,timeliness,improvement\n\
    kent.txt,“Leaders know their services”,item,strategic-leadership;training,neutral\n\
    kent.txt,Nothing like this is in the letter,sentence,,neutral\n";

fn evaluate() -> Evaluation {
    let tagger = Tagger::new();
    let gold = read_gold(CODING, "coding.csv", tagger.taxonomy()).unwrap();
    let findings = tagger.tag_document(&Document::parse(LETTER));
    let (units, unmatched) = align_document(&tagger, &findings, &gold.iter().collect::<Vec<_>>());
    Evaluation::new(units, unmatched, tagger.taxonomy())
}

/// By hand, over the three units found: TP 3 (therapy, timeliness, strategic-leadership), FP 1
/// (child protection meetings), FN 1 (training): precision = recall = 3/4. Therapy: one yes
/// each, two no each: κ = 1. Child protection meetings (tool only): po = 2/3, pe = (0·1 + 3·2)/9
/// = 2/3, κ = 0. Polarity: 2 of 3 agree; rows (coder) S 0, I 2, N 1, columns (tool) S 1, I 2:
/// po = 2/3, pe = (2·2)/9 = 4/9, κ = (2/9)/(5/9) = 0.4.
#[test]
fn scores_computed_by_hand() {
    let e = evaluate();
    assert_eq!(e.units.len(), 3);
    assert_eq!(e.unmatched.len(), 1);
    assert_eq!(e.unmatched[0].row, 5);
    assert_eq!((e.micro.tp, e.micro.fp, e.micro.fn_), (3, 1, 1));
    assert_eq!((e.micro.precision, e.micro.recall), (Some(0.75), Some(0.75)));
    let theme = |id: &str| &e.themes.iter().find(|t| t.theme == id).unwrap().score;
    assert_eq!(
        (theme("therapy").precision, theme("therapy").recall, theme("therapy").kappa),
        (Some(1.0), Some(1.0), Some(1.0))
    );
    let cpm = theme("child-protection-meetings");
    assert_eq!((cpm.tp, cpm.fp, cpm.fn_, cpm.tn), (0, 1, 0, 2));
    assert_eq!((cpm.precision, cpm.recall, cpm.kappa), (Some(0.0), None, Some(0.0)));
    let training = theme("training");
    assert_eq!((training.precision, training.recall, training.kappa), (None, Some(0.0), Some(0.0)));
    // Themes neither coding used are not scored.
    assert!(e.themes.iter().all(|t| t.theme != "mappa"));
    assert_eq!(e.themes.len(), 5);
    // Macro: the mean of the themes' measures where defined (precision: 1, 0, 1, 1 → 0.75).
    assert_eq!(e.macro_.precision, Some(0.75));
    assert_eq!(e.polarity.accuracy, Some(0.6667));
    assert_eq!(e.polarity.kappa, Some(0.4));
    assert_eq!(e.polarity.items, (3, Some(0.6667)));
    assert_eq!(e.polarity.confusion[1], [0, 2, 0, 0]);
    assert_eq!(e.polarity.confusion[3], [1, 0, 0, 0]);
    // The disagreements say what differs.
    let dis: Vec<_> = e.disagreements().collect();
    assert_eq!(dis.len(), 2);
    assert_eq!(dis[0].extra(), ["child-protection-meetings"]);
    assert_eq!(dis[1].missed(), ["training"]);
    assert_eq!((dis[1].gold_polarity, dis[1].tool_polarity), (Some(Polarity::Neutral), Polarity::Strength));
}
