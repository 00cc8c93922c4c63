//! The README documents what the tool gives: every topic code and inspection type.

use letters_core::meta::{InspectionType, TOPICS};

fn readme() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap()
}

#[test]
fn readme_lists_every_topic_code_and_inspection_type() {
    let readme = readme();
    for t in TOPICS {
        assert!(readme.contains(&format!("| `{}` | {} |", t.code, t.label)), "README's topic table lacks `{}`", t.code);
    }
    for t in InspectionType::ALL {
        assert!(readme.contains(&format!("`{}`", t.as_str())), "README lacks inspection type `{}`", t.as_str());
    }
}
