//! Every saved-format version kept in tests/fixtures loads, and loads to an
//! assessment that survives sanitizing against today's bank unchanged (the
//! e2e suite imports the same files through the browser).

use engine::{Action, Assessment};

#[test]
fn every_saved_format_fixture_loads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !(name.starts_with("saved-format-") && name.ends_with(".json")) {
            continue;
        }
        seen += 1;
        let saved = engine::persist::load(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!saved.assessment.answers.is_empty(), "{name}");
        let clean = Assessment::default().apply(engine::builtin(), Action::Replace(saved.assessment.clone()));
        assert_eq!(clean, saved.assessment, "{name}: something in it no longer validates");
    }
    assert!(seen >= 1, "no fixtures found in {}", dir.display());
}

/// The example in docs/saved-format.md loads and every part of it survives
/// validation (so the documentation cannot drift from the format).
#[test]
fn the_documented_example_is_a_valid_file() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/saved-format.md")).unwrap();
    let start = doc.find("```json\n").unwrap() + 8;
    let end = start + doc[start..].find("```").unwrap();
    let saved = engine::persist::load(&doc[start..end]).expect("the documented example loads");
    let clean = Assessment::default().apply(engine::builtin(), Action::Replace(saved.assessment.clone()));
    assert_eq!(clean, saved.assessment);
}
