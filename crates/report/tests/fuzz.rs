//! The PDF renderer with arbitrary text in every field a visitor types
//! (the company name, plan owners): long strings, control characters, emoji,
//! right-to-left marks, mixed scripts, HTML. It never panics: it either
//! renders a PDF or names the characters its fonts cannot show.

use engine::{Action, Assessment, PlanEntry};
use i18n::Locale;
use proptest::prelude::*;

fn assessment(name: &str, owner: &str) -> Assessment {
    let bank = engine::builtin();
    let mut a = Assessment::default();
    a.profile.company_name = name.to_string();
    a = a.apply(bank, Action::Answer { question: "security.mfa".into(), answer: engine::Answer::No });
    a.plan.insert("security.mfa".into(), PlanEntry { planned: true, owner: Some(owner.to_string()), ..Default::default() });
    a
}

fn fonts() -> &'static report::Fonts {
    static FONTS: std::sync::OnceLock<report::Fonts> = std::sync::OnceLock::new();
    FONTS.get_or_init(|| report::Fonts::from_dir(&report::Fonts::bundled_dir()).unwrap())
}

fn check(name: &str, owner: &str, locale: Locale) {
    let options = report::Options { locale, date: "2026-11-25", paper: report::Paper::A4 };
    match report::render(engine::builtin(), &assessment(name, owner), options, fonts()) {
        Ok(bytes) => assert!(bytes.starts_with(b"%PDF"), "not a PDF"),
        Err(report::ReportError::UnsupportedCharacters(chars)) => {
            assert!(!chars.is_empty());
            for c in chars {
                assert!(name.contains(c) || owner.contains(c), "{c:?} is not from the input");
            }
        }
        Err(e) => panic!("unexpected error {e}"),
    }
}

#[test]
fn hostile_names_from_the_corpus() {
    let long = "Lda ".repeat(2_000);
    for name in [
        "<script>alert(1)</script> & \"Co\" 'Lda'",
        "\u{202e}gnp.exe \u{200f}שלום\u{200e} مرحبا",
        "🚀🇲🇴 Kee Wah 奇華餅家",
        "\u{0}\u{1}\u{7}\u{1b}[31m\r\n\t",
        "Ｆｕｌｌｗｉｄｔｈ Ω≈ç√∫˜µ≤≥÷",
        long.as_str(),
        "",
    ] {
        for locale in [Locale::En, Locale::ZhHant, Locale::Pt] {
            check(name, name, locale);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(name in "\\PC{0,120}", owner in ".{0,60}") {
        check(&name, &owner, Locale::Pt);
    }
}
