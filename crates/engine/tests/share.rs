//! The share link: round trips, stays compact, and its decoder is fuzzed
//! (random text, random bytes, every truncation and byte flip of a real
//! link): it never panics and returns only valid assessments.

use engine::content::Kind;
use engine::share::{base64url_decode, base64url_encode, decode, encode, ShareError, PREFIX};
use engine::{Action, Answer, Assessment};
use proptest::prelude::*;

fn full() -> Assessment {
    let bank = engine::builtin();
    let mut a = Assessment::default();
    a.profile.operates_in_hong_kong = true;
    a.profile.serves_eu = true;
    a.profile.employees = Some(1_000_000);
    a.profile.revenue_mop = Some(1_000_000_000_000);
    a.profile.sector = engine::Sector::Gaming;
    a.profile.company_name = "not in links".into();
    for (i, (_, q)) in bank.questions().enumerate() {
        let answer = match &q.kind {
            Kind::Number { max, .. } => Answer::Number(*max),
            Kind::Choice { options } => Answer::Choice(options[i % options.len()].id.clone()),
            Kind::Status => [Answer::Yes, Answer::Partly, Answer::No, Answer::DontKnow][i % 4].clone(),
        };
        a = a.apply(bank, Action::Answer { question: q.id.clone(), answer });
    }
    a
}

#[test]
fn a_full_assessment_round_trips_in_a_short_link() {
    let bank = engine::builtin();
    let a = full();
    let link = encode(bank, &a);
    assert!(link.starts_with(PREFIX));
    assert!(link.len() < 200, "{} characters", link.len());
    let mut expected = a.clone();
    expected.profile.company_name.clear();
    assert_eq!(decode(bank, &link), Ok(expected));
}

#[test]
fn other_versions_and_damage_are_reported() {
    let bank = engine::builtin();
    let link = encode(bank, &full());
    let mut other = bank.clone();
    other.version += 1;
    assert_eq!(decode(&other, &link), Err(ShareError::OtherVersion { link: bank.version, bank: bank.version + 1 }));
    assert_eq!(decode(bank, "#x"), Err(ShareError::NotALink));
    assert_eq!(decode(bank, "#s1.!!!"), Err(ShareError::Damaged));
    // Every truncation and every single-character change: never a panic,
    // and what decodes is valid.
    for cut in PREFIX.len()..link.len() {
        assert!(decode(bank, &link[..cut]).is_err(), "truncated at {cut} decoded");
    }
    let chars: Vec<char> = link.chars().collect();
    for i in PREFIX.len()..chars.len() {
        for c in ['A', 'z', '-', '_', '0'] {
            let mut t = chars.clone();
            t[i] = c;
            let t: String = t.into_iter().collect();
            if let Ok(a) = decode(bank, &t) {
                assert_eq!(Assessment::default().apply(bank, Action::Replace(a.clone())), a);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn base64url_round_trips(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        prop_assert_eq!(base64url_decode(&base64url_encode(&bytes)), Some(bytes));
    }

    #[test]
    fn random_text_never_panics(text in "#s1\\.[A-Za-z0-9_\\-]{0,200}") {
        if let Ok(a) = decode(engine::builtin(), &text) {
            prop_assert_eq!(Assessment::default().apply(engine::builtin(), Action::Replace(a.clone())), a);
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..160)) {
        let text = format!("{PREFIX}{}", base64url_encode(&bytes));
        if let Ok(a) = decode(engine::builtin(), &text) {
            prop_assert_eq!(Assessment::default().apply(engine::builtin(), Action::Replace(a.clone())), a);
        }
    }

    #[test]
    fn random_assessments_round_trip(picks in prop::collection::vec(0usize..8, 80)) {
        let bank = engine::builtin();
        let mut a = Assessment::default();
        for ((_, q), pick) in bank.questions().zip(&picks) {
            let answer = match (&q.kind, pick) {
                (_, 0) => continue,
                (_, 1) => Answer::DontKnow,
                (_, 2) if q.allow_na => Answer::NotApplicable,
                (Kind::Number { min, max, .. }, p) => Answer::Number(if p % 2 == 0 { *min } else { *max }),
                (Kind::Choice { options }, p) => Answer::Choice(options[p % options.len()].id.clone()),
                (Kind::Status, p) => [Answer::Yes, Answer::Partly, Answer::No][p % 3].clone(),
            };
            a = a.apply(bank, Action::Answer { question: q.id.clone(), answer });
        }
        prop_assert_eq!(decode(bank, &encode(bank, &a)), Ok(a));
    }
}
