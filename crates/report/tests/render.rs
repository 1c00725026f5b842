//! Renders reports natively and reads them back with poppler's pdftotext.

use std::process::Command;

use engine::{Answer, Assessment};
use i18n::Locale;
use report::{render, ReportError};

fn pdftotext(pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("report-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{}.pdf", pdf.len()));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").args(["-layout", path.to_str().unwrap(), "-"]).output().expect(
        "pdftotext (Debian poppler-utils) must be installed; scripts/bootstrap.sh installs it",
    );
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn sample() -> Assessment {
    let mut a = Assessment::default();
    a.answers.insert("security.mfa".into(), Answer::Yes);
    a.answers.insert("security.offboarding".into(), Answer::Partly);
    a.answers.insert("security.datacentre".into(), Answer::No);
    a.profile.company_name = "Companhia de Teste, Lda.".into();
    a
}

#[test]
fn english_report_contains_questions_answers_and_score() {
    let bank = engine::builtin();
    let assessment = sample();
    let pdf = render(bank, &assessment, Locale::En, "2026-11-25").unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdftotext(&pdf);
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let score = engine::summarize(bank, &assessment).score.unwrap();
    assert!(flat.contains(&format!("Overall score: {score} / 100")), "{flat}");
    assert!(flat.contains("Generated on 2026-11-25"), "{flat}");
    assert!(flat.contains("Companhia de Teste, Lda."), "{flat}");
    for id in ["security.mfa", "security.offboarding", "security.datacentre"] {
        let q = bank.question(id).unwrap();
        assert!(flat.contains(&q.text.en), "missing question {id}:\n{flat}");
    }
    for answer in ["Yes", "Partly", "No"] {
        assert!(flat.contains(answer));
    }
}

#[test]
fn portuguese_report_keeps_its_accents() {
    let text = pdftotext(&render(engine::builtin(), &sample(), Locale::Pt, "2026-11-25").unwrap());
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Autoavaliação de conformidade do DingTalk"), "{flat}");
    assert!(flat.contains("Pontuação global"), "{flat}");
}

#[test]
fn text_the_fonts_cannot_show_is_reported_not_printed_as_boxes() {
    let mut assessment = sample();
    assessment.profile.company_name = "Acme ≥ 3".into();
    let result = render(engine::builtin(), &assessment, Locale::En, "2026-11-25");
    assert_eq!(result, Err(ReportError::UnsupportedCharacters(vec!['≥'])));
}

#[test]
fn long_hostile_names_wrap_and_stay_inert() {
    let mut assessment = sample();
    assessment.profile.company_name = format!("<script>alert(1)</script> {}", "Lda ".repeat(200));
    let text = pdftotext(&render(engine::builtin(), &assessment, Locale::En, "2026-11-25").unwrap());
    assert!(text.contains("<script>alert(1)</script>"));
}

#[test]
fn every_question_of_the_bank_renders_in_english_and_portuguese() {
    let bank = engine::builtin();
    let mut assessment = Assessment::default();
    assessment.profile.operates_in_hong_kong = true;
    assessment.profile.serves_eu = true;
    assessment.profile.critical_infrastructure = true;
    for (_, q) in bank.questions() {
        assessment.answers.insert(q.id.clone(), Answer::DontKnow);
    }
    for locale in [Locale::En, Locale::Pt] {
        let pdf = render(bank, &assessment, locale, "2026-11-25")
            .unwrap_or_else(|e| panic!("{locale:?}: {e}"));
        let text = pdftotext(&pdf);
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for (_, q) in bank.questions() {
            let words: String = q.text.get(locale).split_whitespace().take(6).collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&words), "{locale:?}: {} missing from the PDF", q.id);
        }
    }
}
