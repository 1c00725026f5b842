//! The committed font files (scripts/fonts.sh) match the content: every
//! character of every text in the bank and the catalogs, in every language,
//! is covered by the compiled-in Latin faces or the Chinese content subset,
//! so a report never needs the large common-character file for its own text.
//! Fails after a content change that brings new characters: rerun
//! scripts/fonts.sh.

use engine::content::Kind;
use i18n::{Locale, Msg};
use report::{Fonts, Options, Paper, CONTENT};

fn bank_texts() -> Vec<String> {
    let bank = engine::builtin();
    let mut out = Vec::new();
    for locale in [Locale::En, Locale::ZhHant, Locale::Pt] {
        out.push(bank.disclaimer.get(locale).to_string());
        for area in &bank.areas {
            out.push(area.title.get(locale).to_string());
        }
        for section in &bank.sections {
            out.push(section.title.get(locale).to_string());
            for q in &section.questions {
                out.push(q.text.get(locale).to_string());
                out.push(q.why.get(locale).to_string());
                out.push(q.remediation.action.get(locale).to_string());
                if let Some(c) = &q.remediation.console {
                    out.push(c.get(locale).to_string());
                }
                match &q.kind {
                    Kind::Choice { options } => out.extend(options.iter().map(|o| o.label.get(locale).to_string())),
                    Kind::Number { unit, .. } => out.push(unit.get(locale).to_string()),
                    Kind::Status => {}
                }
                for r in q.refs.iter().filter_map(|r| bank.reference(r)) {
                    out.push(r.label.get(locale).to_string());
                }
            }
        }
        for msg in Msg::ALL {
            out.push(locale.t(*msg).to_string());
        }
        // The report prints every assumption with its source.
        let costs = engine::costs::Costs::parse(&bank.costs).expect("the cost tables parse");
        out.extend(costs.assumptions.values().map(|a| a.source.get(locale).to_string()));
        out.extend(costs.caps.values().map(|c| c.source.get(locale).to_string()));
    }
    out
}

#[test]
fn the_content_subset_covers_every_character_of_the_content() {
    let mut uncovered: Vec<char> = Vec::new();
    for text in bank_texts() {
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() {
                continue;
            }
            let latin = report::fonts_needed(&with_company(c), Locale::En) == Ok(vec![]);
            if !latin && !CONTENT.covers(c) && !uncovered.contains(&c) {
                uncovered.push(c);
            }
        }
    }
    assert!(uncovered.is_empty(), "not in the report fonts (rerun scripts/fonts.sh): {uncovered:?}");
}

fn with_company(c: char) -> engine::Assessment {
    let mut a = engine::Assessment::default();
    a.profile.company_name = c.to_string();
    a
}

#[test]
fn the_served_file_names_carry_a_hash_of_the_bytes() {
    for file in report::FETCHED {
        let (stem, rest) = file.file.split_once('.').unwrap();
        assert_eq!(stem, file.name);
        let hash = rest.strip_suffix(".ttf").unwrap();
        assert_eq!(hash.len(), 16);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()));
    }
    let common: usize = report::FETCHED[1..].iter().map(report::FontFile::len).sum();
    assert!(common > 4000, "the common slices hold Big5 level 1: {common}");
}

#[test]
fn a_chinese_report_renders_with_the_content_subset_alone() {
    let mut fonts = Fonts::new();
    let bytes = std::fs::read(Fonts::bundled_dir().join("NotoSansTC-Content.ttf")).unwrap();
    fonts.add(&CONTENT, bytes).unwrap();
    let mut a = engine::Assessment::default();
    for (_, q) in engine::builtin().questions() {
        a.answers.insert(q.id.clone(), engine::Answer::DontKnow);
    }
    let options = Options { locale: Locale::ZhHant, date: "2026-11-25", paper: Paper::A4 };
    let pdf = report::render(engine::builtin(), &a, options, &fonts).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    // A file that is not the promised font is refused.
    assert!(Fonts::new().add(&CONTENT, b"not a font".to_vec()).is_err());
}
