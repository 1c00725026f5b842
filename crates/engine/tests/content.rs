//! Content checks ("tidy" tests): the bank parses, ids are unique and well
//! formed, every text exists in all three languages, every reference and seed
//! tag resolves. Failures name the question.

use std::collections::BTreeSet;

use engine::content::{Kind, QuestionBank};

fn bank() -> &'static QuestionBank {
    engine::builtin()
}

fn well_formed(id: &str) -> bool {
    !id.is_empty()
        && id.split('.').all(|part| {
            !part.is_empty()
                && !part.starts_with('-')
                && !part.ends_with('-')
                && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

#[test]
fn ids_are_unique_and_well_formed() {
    let mut seen = BTreeSet::new();
    for section in &bank().sections {
        assert!(well_formed(&section.id), "section id `{}`", section.id);
        assert!(seen.insert(section.id.clone()), "duplicate id `{}`", section.id);
        assert!(bank().area(&section.area).is_some(), "section `{}`: unknown area `{}`", section.id, section.area);
        for q in &section.questions {
            assert!(well_formed(&q.id), "question id `{}`", q.id);
            assert!(seen.insert(q.id.clone()), "duplicate id `{}`", q.id);
        }
    }
}

#[test]
fn every_text_exists_in_every_language() {
    let b = bank();
    let mut texts = vec![("disclaimer".to_string(), &b.disclaimer)];
    for a in &b.areas {
        texts.push((format!("area {}", a.id), &a.title));
    }
    for s in &b.sections {
        texts.push((format!("{} title", s.id), &s.title));
        texts.push((format!("{} intro", s.id), &s.intro));
        for q in &s.questions {
            texts.push((format!("{} text", q.id), &q.text));
            texts.push((format!("{} why", q.id), &q.why));
            texts.push((format!("{} remediation", q.id), &q.remediation.action));
            if let Some(c) = &q.remediation.console {
                texts.push((format!("{} console", q.id), c));
            }
            match &q.kind {
                Kind::Number { unit, .. } => texts.push((format!("{} unit", q.id), unit)),
                Kind::Choice { options } => {
                    for o in options {
                        texts.push((format!("{} option {}", q.id, o.id), &o.label));
                    }
                }
                Kind::Status => {}
            }
        }
    }
    for r in &b.references.items {
        texts.push((format!("reference {}", r.id), &r.label));
        texts.push((format!("reference {} summary", r.id), &r.summary));
    }
    for (what, text) in texts {
        assert!(text.missing().is_empty(), "{what}: missing {:?}", text.missing());
    }
}

#[test]
fn references_and_seed_tags_resolve_and_every_seed_is_covered() {
    let b = bank();
    let seeds: BTreeSet<&str> = b.seeds.items.iter().map(|s| s.id.as_str()).collect();
    let mut covered = BTreeSet::new();
    for (_, q) in b.questions() {
        assert!(!q.seeds.is_empty(), "{}: names no seed item", q.id);
        for tag in &q.seeds {
            assert!(seeds.contains(tag.as_str()), "{}: unknown seed tag `{tag}`", q.id);
            covered.insert(tag.as_str());
        }
        for r in q.refs.iter().chain(q.exposes.fines.iter().map(|f| &f.article)) {
            assert!(b.reference(r).is_some(), "{}: unknown reference `{r}`", q.id);
        }
    }
    let uncovered: Vec<_> = seeds.difference(&covered).collect();
    assert!(uncovered.is_empty(), "seed items no question covers: {uncovered:?}");
}

#[test]
fn weights_and_number_bands_are_sane() {
    for (_, q) in bank().questions() {
        assert!((1..=5).contains(&q.weight), "{}: weight {}", q.id, q.weight);
        match &q.kind {
            Kind::Number { min, max, bands, .. } => {
                assert!(min < max, "{}: empty range", q.id);
                let last = bands.last().unwrap_or_else(|| panic!("{}: no bands", q.id));
                assert!(last.min.is_none() && last.max.is_none(), "{}: last band must be a catch-all", q.id);
                assert!(bands.iter().all(|b| b.credit <= 100), "{}: credit over 100", q.id);
            }
            Kind::Choice { options } => {
                assert!(options.len() >= 2, "{}: fewer than two options", q.id);
                assert!(options.iter().all(|o| o.credit <= 100), "{}: credit over 100", q.id);
            }
            Kind::Status => {}
        }
    }
}
