//! Every parser of outside data, fuzzed with proptest (a bounded pass that
//! runs in the normal test command) plus a checked-in corpus of hostile
//! inputs (`tests/fixtures/hostile/`): the saved-state loader and the JSON
//! import (`persist::load` + `Action::Replace`), and locale-aware number
//! parsing (`i18n::parse_decimal`). None may panic; what loads is valid.

use engine::{persist, Action, Answer, Assessment};
use proptest::prelude::*;

/// Loads like the app does: parse, then sanitize against the real bank.
fn import(text: &str) -> Option<Assessment> {
    let saved = persist::load(text).ok()?;
    Some(Assessment::default().apply(engine::builtin(), Action::Replace(saved.assessment)))
}

fn assert_valid(a: &Assessment) {
    let bank = engine::builtin();
    for (id, answer) in &a.answers {
        let q = bank.question(id).expect("only known questions survive");
        assert_eq!(engine::validate_answer(q, answer.clone()).as_ref(), Ok(answer));
        if let Answer::Number(v) = answer {
            assert!(v.is_finite());
        }
    }
    // Sanitizing again changes nothing, and the evaluation is total.
    assert_eq!(&Assessment::default().apply(bank, Action::Replace(a.clone())), a);
    let e = engine::evaluate(bank, a);
    assert!(e.scores.overall.is_none_or(|s| s.points <= 100));
}

#[test]
fn the_hostile_corpus_never_panics_and_loads_only_valid_data() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        if let Some(a) = import(&text) {
            assert_valid(&a);
        }
        n += 1;
    }
    assert!(n >= 5);
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,40}".prop_map(serde_json::Value::from),
        prop_oneof![Just("yes"), Just("no"), Just("partly"), Just("dont-know"), Just("not-applicable"), Just("security.mfa")]
            .prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(
                prop_oneof![
                    Just("format".to_string()),
                    Just("assessment".to_string()),
                    Just("answers".to_string()),
                    Just("plan".to_string()),
                    Just("assumptions".to_string()),
                    Just("profile".to_string()),
                    Just("security.mfa".to_string()),
                    Just("number".to_string()),
                    ".{0,12}",
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Arbitrary text: never a panic.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,400}") {
        if let Some(a) = import(&text) {
            assert_valid(&a);
        }
    }

    /// Structured, near-valid documents (format 1 with random contents).
    #[test]
    fn near_valid_documents_load_only_valid_data(body in json_value(), answers in json_value()) {
        let doc = serde_json::json!({ "format": 1, "content_version": 1, "assessment": { "answers": answers, "profile": body } });
        if let Some(a) = import(&doc.to_string()) {
            assert_valid(&a);
        }
    }

    /// Numbers as people type them, in every locale: never a panic, and a
    /// parsed value formats back to the same number.
    #[test]
    fn typed_numbers_never_panic_and_round_trip(text in "[-+ 0-9.,'\u{a0}e]{0,24}", scale in 0u32..4) {
        for locale in i18n::Locale::ALL {
            if let Ok(units) = i18n::parse_decimal(&text, locale, scale) {
                let shown = i18n::format_decimal(units, scale, locale);
                prop_assert_eq!(i18n::parse_decimal(&shown, locale, scale), Ok(units), "{} → {}", text, shown);
            }
        }
    }
}
