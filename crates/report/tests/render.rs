//! Renders reports natively in each language and reads them back with
//! poppler (pdftotext, pdffonts, pdfinfo) and lopdf: the words come back in
//! reading order, every section and action is there, fonts are embedded
//! subsets with Unicode maps, nothing runs off the page or overlaps, the
//! outline and metadata are set, the bytes are deterministic, and sizes stay
//! within budget.

mod common;

use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use common::sample;
use engine::{Answer, Assessment};
use i18n::{Locale, Msg};
use report::{render, Fonts, Options, Paper, ReportError};

const LOCALES: [Locale; 3] = [Locale::En, Locale::ZhHant, Locale::Pt];

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts::from_dir(&Fonts::bundled_dir()).expect("crates/report/fonts holds the fetched fonts"))
}

fn options(locale: Locale) -> Options<'static> {
    Options { locale, date: "2026-11-25", paper: Paper::A4 }
}

/// The sample report per language, rendered once.
fn sample_pdf(locale: Locale) -> &'static [u8] {
    static PDFS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let all = PDFS.get_or_init(|| {
        LOCALES
            .iter()
            .map(|&l| render(engine::builtin(), &sample::assessment(l), options(l), fonts()).unwrap_or_else(|e| panic!("{l:?}: {e}")))
            .collect()
    });
    &all[LOCALES.iter().position(|l| *l == locale).unwrap()]
}

fn write_temp(pdf: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("report-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // One file per call: tests run in parallel, and a file another test is
    // still writing would be read half-written.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = dir.join(format!("{n}.pdf"));
    std::fs::write(&path, pdf).unwrap();
    path
}

fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let path = write_temp(pdf);
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[][..] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (Debian poppler-utils; scripts/bootstrap.sh installs it): {e}"));
    assert!(out.status.success(), "{tool} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The text with all whitespace removed (Chinese has no spaces, and lines
/// wrap anywhere), so phrases are found whatever the line breaks.
fn squeezed(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn assert_has(text: &str, phrase: &str, what: &str) {
    assert!(squeezed(text).contains(&squeezed(phrase)), "{what}: {phrase:?} is not in the PDF's text");
}

#[test]
fn every_language_has_title_company_score_sections_and_actions() {
    let bank = engine::builtin();
    for locale in LOCALES {
        let assessment = sample::assessment(locale);
        let view = results::view::build(bank, &assessment, locale);
        let text = poppler("pdftotext", &[], sample_pdf(locale));
        assert_has(&text, locale.t(Msg::ReportTitle), "title");
        assert_has(&text, sample::company(locale), "company");
        let score = view.overall.as_ref().unwrap().points;
        assert_has(&text, &format!("{score} / 100"), "score");
        for section in &bank.sections {
            assert_has(&text, section.title.get(locale), "section heading");
        }
        assert!(!view.actions.is_empty());
        for action in &view.actions {
            assert_has(&text, &action.action, "action");
        }
        for (_, q) in bank.questions() {
            assert_has(&text, q.text.get(locale), "question");
        }
        assert_has(&text, bank.disclaimer.get(locale), "disclaimer");
        // Owners and due dates as typed, in the checklist.
        assert!(assessment.plan.values().filter(|e| e.owner.is_some()).count() >= 2);
        for entry in assessment.plan.values() {
            if let Some(owner) = &entry.owner {
                assert_has(&text, owner, "owner");
            }
            assert_has(&text, entry.due.as_deref().unwrap(), "due date");
        }
        for a in &view.assumptions {
            assert_has(&text, &a.name, "assumption");
        }
    }
}

#[test]
fn words_come_back_in_reading_order() {
    let text = poppler("pdftotext", &[], sample_pdf(Locale::En));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Expected yearly loss from the open gaps: MOP"), "{flat}");
    let text = poppler("pdftotext", &[], sample_pdf(Locale::Pt));
    assert!(squeezed(&text).contains(&squeezed("Autoavaliação de conformidade do DingTalk")));
    assert!(text.contains("Pontuação global"));
    assert!(text.contains("Lei da Protecção de Dados Pessoais"));
}

#[test]
fn fonts_are_embedded_subsets_with_unicode_maps() {
    for locale in LOCALES {
        let out = poppler("pdffonts", &[], sample_pdf(locale));
        let rows: Vec<&str> = out.lines().skip(2).collect();
        assert!(rows.len() >= 2, "{locale:?}: {out}");
        if locale == Locale::ZhHant {
            assert!(rows.len() >= 3, "a Chinese report embeds a Chinese face: {out}");
        }
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            // name type... encoding emb sub uni object-id generation
            let n = cols.len();
            assert_eq!(&cols[n - 5..n - 2], &["yes", "yes", "yes"], "{locale:?}: not an embedded subset with ToUnicode: {row}");
            assert!(cols[0].contains("+NotoSansTC"), "{row}");
        }
        assert!(!out.contains("Helvetica"), "no built-in font: {out}");
    }
}

#[test]
fn sizes_and_page_counts_are_sane() {
    for locale in LOCALES {
        let pdf = sample_pdf(locale);
        let budget = if locale == Locale::ZhHant { 2 * 1024 * 1024 } else { 300 * 1024 };
        assert!(pdf.len() < budget, "{locale:?}: {} bytes", pdf.len());
        let info = poppler("pdfinfo", &[], pdf);
        let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
        assert!((12..=60).contains(&pages), "{locale:?}: {pages} pages");
        assert!(info.contains("A4"), "{info}");
    }
    // An empty assessment still gives a complete, short report.
    let pdf = render(engine::builtin(), &Assessment::default(), options(Locale::En), fonts()).unwrap();
    let info = poppler("pdfinfo", &[], &pdf);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    assert!((5..=30).contains(&pages), "{pages}");
}

#[test]
fn us_letter_is_an_option() {
    let o = Options { paper: Paper::Letter, ..options(Locale::En) };
    let pdf = render(engine::builtin(), &sample::assessment(Locale::En), o, fonts()).unwrap();
    let info = poppler("pdfinfo", &[], &pdf);
    assert!(info.contains("612 x 792"), "{info}");
    let text = poppler("pdftotext", &[], &pdf);
    assert_has(&text, sample::company(Locale::En), "company");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    for locale in LOCALES {
        let again = render(engine::builtin(), &sample::assessment(locale), options(locale), fonts()).unwrap();
        assert!(again == sample_pdf(locale), "{locale:?}: a second rendering differs");
    }
    // And a different date changes them (the date is an input, not a clock).
    let other = render(engine::builtin(), &sample::assessment(Locale::En), Options { date: "2026-11-26", ..options(Locale::En) }, fonts()).unwrap();
    assert!(other != sample_pdf(Locale::En));
}

#[test]
fn metadata_language_and_outline_are_set() {
    for locale in LOCALES {
        let doc = lopdf::Document::load_mem(sample_pdf(locale)).unwrap();
        let catalog = doc.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), locale.tag().as_bytes());
        let info = poppler("pdfinfo", &[], sample_pdf(locale));
        assert!(info.contains("CreationDate:    Wed Nov 25 00:00:00 2026 UTC"), "{info}");
        let title_line = info.lines().find(|l| l.starts_with("Title:")).unwrap();
        assert!(title_line.contains(sample::company(locale)), "{title_line}");
        // The outline: the parts at the top, a section heading under Findings.
        let titles = outline_titles(&doc);
        for msg in [Msg::ReportSummary, Msg::ReportFindings, Msg::ReportChecklist, Msg::ViewMoney, Msg::ReportMethod, Msg::ReportDisclaimer] {
            assert!(titles.iter().any(|(level, t)| *level == 0 && t == locale.t(msg)), "{locale:?}: {msg:?} not in {titles:?}");
        }
        let first_section = engine::builtin().sections[0].title.get(locale);
        assert!(titles.iter().any(|(level, t)| *level == 1 && t == first_section), "{titles:?}");
    }
}

/// (level, title) of every outline entry, in order.
fn outline_titles(doc: &lopdf::Document) -> Vec<(usize, String)> {
    fn walk(doc: &lopdf::Document, first: Option<lopdf::ObjectId>, level: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first;
        while let Some(id) = next {
            let d = doc.get_dictionary(id).unwrap();
            let raw = d.get(b"Title").unwrap().as_str().unwrap();
            let units: Vec<u16> = raw[2..].chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
            out.push((level, String::from_utf16(&units).unwrap()));
            walk(doc, d.get(b"First").and_then(lopdf::Object::as_reference).ok(), level + 1, out);
            next = d.get(b"Next").and_then(lopdf::Object::as_reference).ok();
        }
    }
    let root = doc.catalog().unwrap().get(b"Outlines").unwrap().as_reference().unwrap();
    let first = doc.get_dictionary(root).unwrap().get(b"First").unwrap().as_reference().ok();
    let mut out = Vec::new();
    walk(doc, first, 0, &mut out);
    out
}

/// A page from `pdftotext -bbox`: width, height, and each word with its box
/// (xMin, yMin, xMax, yMax, from the top left).
type BoxedPage = (f32, f32, Vec<(String, [f32; 4])>);

fn word_boxes(pdf: &[u8]) -> Vec<BoxedPage> {
    let html = poppler("pdftotext", &["-bbox"], pdf);
    let attr = |s: &str, name: &str| -> f32 {
        let at = s.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        s[at..at + s[at..].find('"').unwrap()].parse().unwrap()
    };
    let mut pages = Vec::new();
    for line in html.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            pages.push((attr(line, "width"), attr(line, "height"), Vec::new()));
        } else if line.starts_with("<word ") {
            let word = line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()].to_string();
            let b = [attr(line, "xMin"), attr(line, "yMin"), attr(line, "xMax"), attr(line, "yMax")];
            pages.last_mut().unwrap().2.push((word, b));
        }
    }
    pages
}

#[test]
fn nothing_runs_off_the_page_or_overlaps() {
    for locale in LOCALES {
        for (i, (w, h, words)) in word_boxes(sample_pdf(locale)).into_iter().enumerate() {
            assert!(!words.is_empty(), "{locale:?}: page {} is empty", i + 1);
            for (word, b) in &words {
                assert!(b[0] >= 45.0 && b[2] <= w - 45.0, "{locale:?} page {}: {word:?} runs off the side {b:?} (page width {w})", i + 1);
                assert!(b[1] >= 20.0 && b[3] <= h - 20.0, "{locale:?} page {}: {word:?} runs off the page {b:?}", i + 1);
            }
            for (j, (a, ba)) in words.iter().enumerate() {
                for (b, bb) in &words[j + 1..] {
                    let ix = (ba[2].min(bb[2]) - ba[0].max(bb[0])).max(0.0);
                    let iy = (ba[3].min(bb[3]) - ba[1].max(bb[1])).max(0.0);
                    let smaller = ((ba[2] - ba[0]) * (ba[3] - ba[1])).min((bb[2] - bb[0]) * (bb[3] - bb[1]));
                    assert!(ix * iy <= 0.25 * smaller, "{locale:?} page {}: {a:?} {ba:?} overlaps {b:?} {bb:?}", i + 1);
                }
            }
        }
    }
}

#[test]
fn a_chinese_company_name_works_in_english_and_portuguese_reports() {
    for locale in [Locale::En, Locale::Pt] {
        let mut a = sample::assessment(locale);
        a.profile.company_name = "澳門海景貿易有限公司".into();
        let pdf = render(engine::builtin(), &a, options(locale), fonts()).unwrap();
        let text = poppler("pdftotext", &[], &pdf);
        assert_has(&text, "澳門海景貿易有限公司", "Chinese company name");
        assert!(pdf.len() < 300 * 1024, "{}", pdf.len());
    }
}

#[test]
fn a_rare_typed_character_uses_only_the_slice_that_has_it() {
    let slice = report::FETCHED[5];
    let rare = (0x4e00..0x9fff).filter_map(char::from_u32).find(|c| slice.covers(*c)).unwrap();
    let mut a = sample::assessment(Locale::En);
    a.profile.company_name = format!("{rare}澳門");
    assert_eq!(report::fonts_needed(&a, Locale::En), Ok(vec![report::CONTENT, slice]));
    // Without the common file the report says which file it needs.
    let mut only_content = Fonts::new();
    let bytes = std::fs::read(Fonts::bundled_dir().join("NotoSansTC-Content.ttf")).unwrap();
    only_content.add(&report::CONTENT, bytes).unwrap();
    assert!(matches!(render(engine::builtin(), &a, options(Locale::En), &only_content), Err(ReportError::FontMissing(_))));
    let pdf = render(engine::builtin(), &a, options(Locale::En), fonts()).unwrap();
    assert_has(&poppler("pdftotext", &[], &pdf), &format!("{rare}澳門"), "rare character");
}

#[test]
fn characters_no_font_has_are_reported_not_printed_as_boxes() {
    let mut a = sample::assessment(Locale::En);
    a.profile.company_name = "Acme 🚀 مرحبا".into();
    let result = render(engine::builtin(), &a, options(Locale::En), fonts());
    assert_eq!(result, Err(ReportError::UnsupportedCharacters("🚀مرحبا".chars().collect())));
    // Symbols of the content and common typography are covered.
    a.profile.company_name = "Acme ≥ ≤ € “Lda” – Ção".into();
    let pdf = render(engine::builtin(), &a, options(Locale::Pt), fonts()).unwrap();
    assert_has(&poppler("pdftotext", &[], &pdf), "Acme ≥ ≤ € “Lda” – Ção", "symbols");
}

#[test]
fn long_hostile_names_wrap_and_stay_inert() {
    let mut a = sample::assessment(Locale::En);
    a.profile.company_name = format!("<script>alert(1)</script> \u{202e}{}", "Lda ".repeat(45));
    let owner = "Ó".repeat(200);
    let id = a.plan.keys().next().unwrap().clone();
    a.plan.get_mut(&id).unwrap().owner = Some(owner.clone());
    let pdf = render(engine::builtin(), &a, options(Locale::En), fonts()).unwrap();
    let text = poppler("pdftotext", &[], &pdf);
    assert!(text.contains("<script>alert(1)</script>"));
    assert_has(&text, &owner, "a 200-character owner, wrapped");
    for (w, _, words) in word_boxes(&pdf) {
        for (word, b) in words {
            assert!(b[2] <= w - 45.0, "{word:?} runs off the page");
        }
    }
}

#[test]
fn every_answer_kind_renders() {
    let bank = engine::builtin();
    let mut a = sample::assessment(Locale::Pt);
    for (_, q) in bank.questions() {
        a.answers.insert(q.id.clone(), Answer::NotApplicable);
    }
    let pdf = render(bank, &a, options(Locale::Pt), fonts()).unwrap();
    assert_has(&poppler("pdftotext", &[], &pdf), Locale::Pt.t(Msg::AnswerNotApplicable), "N/A");
}
