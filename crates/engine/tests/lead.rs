//! The contact form's cleaning and validation, with hostile text.

use engine::lead::{band, check, clean, cleaned, is_email, is_phone, Field, Lead, LeadError, LeadPacket, LeadSummary};
use proptest::prelude::*;

fn lead(email: &str, phone: &str) -> Lead {
    Lead { name: "Ana".into(), company: "Lda".into(), email: email.into(), phone: phone.into(), language: "pt".into() }
}

#[test]
fn an_email_or_a_phone_is_required() {
    assert_eq!(check(&lead("", "")), vec![(Field::Email, LeadError::NeedContact)]);
    assert!(check(&lead("ana@example.mo", "")).is_empty());
    assert!(check(&lead("", "+853 2888 1234")).is_empty());
    assert!(check(&lead("ana@example.mo", "(853) 6612-3456")).is_empty());
}

#[test]
fn bad_addresses_and_numbers_are_refused() {
    for bad in ["ana", "ana@", "@example.mo", "ana@example", "ana@.mo", "ana@example.", "a b@example.mo", "ana@exa..mo",
        "<ana@example.mo>", "ana@example.mo?cc=x@evil.mo", "ana@example.mo&bcc=x", "a@b@c.mo", "\"ana\"@example.mo"] {
        assert!(!is_email(bad), "{bad}");
        assert_eq!(check(&lead(bad, "")), vec![(Field::Email, LeadError::BadEmail)], "{bad}");
    }
    for bad in ["12345", "+853 abc 1234", "1+2345678", "123456789012345678901", "２８８８１２３４"] {
        assert!(!is_phone(bad), "{bad}");
    }
    assert!(is_email("李.陳@例子.澳門"), "international addresses are allowed");
}

#[test]
fn lengths_are_bounded() {
    let mut l = lead("ana@example.mo", "");
    l.name = "名".repeat(101);
    l.company = "x".repeat(201);
    assert_eq!(check(&l), vec![(Field::Name, LeadError::TooLong(100)), (Field::Company, LeadError::TooLong(200))]);
    l.name = "名".repeat(100);
    l.company = "x".repeat(200);
    assert!(check(&l).is_empty());
    assert_eq!(check(&lead(&format!("{}@example.mo", "a".repeat(250)), "")), vec![(Field::Email, LeadError::TooLong(254))]);
}

#[test]
fn hostile_text_is_kept_as_text_without_controls_or_direction_tricks() {
    assert_eq!(clean("  <script>alert(1)</script> & \"x\"  "), "<script>alert(1)</script> & \"x\"");
    assert_eq!(clean("Ana\u{202E}moc.live\u{202C} \u{2067}x\u{2069}"), "Anamoc.live x");
    assert_eq!(clean("a\u{0}b\u{7}c\r\n\td"), "abc d");
    assert_eq!(clean("銀行 🏦 شركة"), "銀行 🏦 شركة");
    let l = cleaned(Lead { name: " \u{200F}Ana\n".into(), email: " ana@example.mo ".into(), ..Lead::default() });
    assert_eq!((l.name.as_str(), l.email.as_str()), ("Ana", "ana@example.mo"));
}

#[test]
fn the_packet_holds_the_contact_and_the_summary_only() {
    let contact = lead("ana@example.mo", "");
    let summary = LeadSummary { score: 42, maturity: "Developing".into(), critical_gaps: 3 };
    let json = serde_json::to_string(&LeadPacket { kind: "lead", contact: &contact, summary: &summary }).unwrap();
    assert_eq!(
        json,
        r#"{"type":"lead","contact":{"name":"Ana","company":"Lda","email":"ana@example.mo","phone":"","language":"pt"},"summary":{"score":42,"maturity":"Developing","criticalGaps":3}}"#
    );
}

#[test]
fn bands() {
    assert_eq!([band(0), band(49), band(50), band(74), band(75), band(100)], ["low", "low", "medium", "medium", "high", "high"]);
}

proptest! {
    #[test]
    fn cleaning_never_panics_and_is_idempotent(s in any::<String>()) {
        let once = clean(&s);
        prop_assert_eq!(clean(&once), once.clone());
        prop_assert!(!once.chars().any(|c| c.is_control()));
        let l = cleaned(Lead { name: s.clone(), company: s.clone(), email: s.clone(), phone: s, language: "en".into() });
        let _ = check(&l);
    }
}
