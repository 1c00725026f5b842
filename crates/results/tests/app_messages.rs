//! The app's bundle carries the worker-only catalog keys empty
//! (`engine::content::WORKER_ONLY_KEYS`): the app's code must not use them,
//! or the visitor would see a blank where a label belongs.

use i18n::Msg;

#[test]
fn the_app_uses_no_worker_only_message() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut code = String::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            code.push_str(&std::fs::read_to_string(&path).unwrap());
        }
    }
    let stripped: Vec<_> = Msg::ALL.iter().filter(|m| engine::content::worker_only(m.key())).collect();
    assert!(stripped.len() > 50, "the list strips the term, formula and assumption names");
    for msg in stripped {
        let name = format!("Msg::{msg:?}");
        // `Msg::ViewDue` must not match `Msg::ViewDefault`'s check and vice versa.
        // Whole-word matches only (`BootMsg::RecoveryBody` is not `Msg::RecoveryBody`).
        let used = code.match_indices(&name).any(|(i, _)| {
            !code[i + name.len()..].starts_with(|c: char| c.is_alphanumeric())
                && !code[..i].ends_with(|c: char| c.is_alphanumeric())
        });
        assert!(!used, "src/ uses {name} ({}), which the app's bundle does not carry", msg.key());
    }
    // And the app does use what the bundle keeps for it, so the check bites.
    assert!(code.contains("Msg::ViewComputing"));
}

#[test]
fn the_bundle_keeps_every_other_message() {
    for locale in i18n::Locale::ALL {
        let bundle = engine::content::LocaleBundle::build(locale);
        for (msg, text) in Msg::ALL.iter().zip(&bundle.messages) {
            assert_eq!(text.is_empty(), engine::content::worker_only(msg.key()), "{locale:?} {}", msg.key());
        }
    }
}
