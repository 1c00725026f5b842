//! The results view, built natively from the real bank in every language.

use engine::{Action, Answer, Assessment};
use i18n::Locale;
use results::view::build;
use results::{Explain, ResultsView};

fn answer_all(answer: impl Fn(&engine::content::Question) -> Answer) -> Assessment {
    let bank = engine::builtin();
    let mut a = Assessment::default();
    for (_, q) in bank.questions() {
        a = a.apply(bank, Action::Answer { question: q.id.clone(), answer: answer(q) });
    }
    a
}

fn all_no() -> Assessment {
    answer_all(|q| match &q.kind {
        engine::content::Kind::Number { max, .. } => Answer::Number(*max),
        engine::content::Kind::Choice { options } => Answer::Choice(options.last().unwrap().id.clone()),
        engine::content::Kind::Status => Answer::No,
    })
}

/// Every string of the view, for checks that apply to all of them.
fn strings(v: &ResultsView) -> Vec<String> {
    let mut out = Vec::new();
    let explain = |x: &Explain, out: &mut Vec<String>| {
        out.push(x.formula.clone());
        out.extend([x.result.label.clone(), x.result.value.clone(), x.result.source.clone()]);
        for r in &x.rows {
            out.push(r.subject.clone());
            for t in &r.terms {
                out.extend([t.label.clone(), t.value.clone(), t.source.clone()]);
            }
        }
    };
    if let Some(o) = &v.overall {
        out.extend([o.maturity.clone(), o.maturity_about.clone(), o.risk.clone()]);
        explain(&o.explain, &mut out);
    }
    for a in &v.areas {
        out.push(a.title.clone());
        if let Some(x) = &a.explain {
            explain(x, &mut out);
        }
    }
    for a in &v.actions {
        out.extend([a.question.clone(), a.action.clone(), a.why.clone(), a.gain.clone(), a.avoids.clone(), a.effort.clone(), a.owner_role.clone()]);
        out.extend(a.legal.iter().cloned());
    }
    if let Some(m) = &v.money {
        for r in &m.rows {
            out.push(r.label.clone());
            out.extend(r.now.iter().cloned());
            out.extend(r.planned.iter().cloned());
            explain(&r.explain, &mut out);
        }
        for (label, three) in &m.all.rows {
            out.push(label.clone());
            out.extend(three.iter().cloned());
        }
        for x in &m.all.explain {
            explain(x, &mut out);
        }
    }
    for a in &v.assumptions {
        out.extend([a.name.clone(), a.value.clone(), a.default.clone(), a.source.clone(), a.source_kind.clone()]);
    }
    out.extend(v.notes.iter().cloned());
    out
}

#[test]
fn every_locale_gives_a_complete_view_without_keys_or_placeholders() {
    let a = all_no();
    for locale in Locale::ALL {
        let v = build(engine::builtin(), &a, locale);
        let o = v.overall.as_ref().expect("all answered");
        // The worst answer everywhere (a few numeric bands keep some credit).
        assert!(o.points < 5 && o.low == o.points && o.high == o.points && o.unknowns == 0, "{locale:?}: {o:?}");
        assert_eq!(o.risk_level, "critical");
        assert_eq!(v.answered, v.total);
        assert!(!v.actions.is_empty() && v.actions.iter().all(|x| !x.action.is_empty() && !x.question.is_empty()));
        assert!(!v.critical.is_empty());
        let money = v.money.as_ref().expect("cost tables parse");
        assert_eq!(money.rows.len(), 5);
        assert!(money.rows[4].total && money.rows[4].now[1].contains("MOP") || locale == Locale::ZhHant);
        assert!(money.plan.is_none(), "nothing planned yet");
        assert_eq!(money.all.explain.len(), 3);
        assert_eq!(v.assumptions.len(), 26, "20 assumptions and 6 Macau fine bands");
        for s in strings(&v) {
            assert!(!s.contains('{') && !s.contains('}'), "{locale:?}: placeholder left in {s:?}");
            for prefix in ["view.", "term.", "formula.", "assumption.", "maturity.", "risk."] {
                assert!(!s.starts_with(prefix), "{locale:?}: untranslated key {s:?}");
            }
        }
        // The default headcount is said, since the profile has none.
        assert!(v.notes.iter().any(|n| n.contains("300")), "{locale:?}: {:?}", v.notes);
    }
}

#[test]
fn planning_an_action_shows_the_planned_score_and_its_return() {
    let bank = engine::builtin();
    let a = all_no();
    let before = build(bank, &a, Locale::En);
    let first = before.actions[0].id.clone();
    let planned = a.apply(bank, Action::SetPlanned { action: first.clone(), planned: true });
    let after = build(bank, &planned, Locale::En);
    let o = after.overall.as_ref().unwrap();
    assert!(o.planned.unwrap() > o.points, "the planned score rises");
    let money = after.money.as_ref().unwrap();
    let plan = money.plan.as_ref().expect("a return on the plan");
    assert_eq!(plan.rows.len(), 4);
    assert!(plan.rows[2].1[1].ends_with('%'), "ROI as a percentage: {:?}", plan.rows[2]);
    assert_ne!(money.rows[4].now, money.rows[4].planned, "the planned loss is lower");
}

#[test]
fn unknowns_widen_the_range_and_overrides_are_shown() {
    let bank = engine::builtin();
    let mut a = answer_all(|_| Answer::DontKnow);
    a = a.apply(bank, Action::SetAssumption { id: "p-enforcement".into(), value: engine::AssumptionValue::Single(2_000) });
    let v = build(bank, &a, Locale::Pt);
    let o = v.overall.as_ref().unwrap();
    assert_eq!(o.low, 0);
    assert_eq!(o.high, 100);
    assert_eq!(o.unknowns, v.answered);
    let p = v.assumptions.iter().find(|x| x.id == "p-enforcement").unwrap();
    assert!(p.overridden);
    assert_eq!(p.default_shown, 10.0);
    assert_eq!((p.min, p.max, p.decimals), (0.0, 100.0, 2));
    assert_eq!(p.value, "20\u{a0}%");
    assert!(p.default.contains("10\u{a0}%"), "{}", p.default);
}

#[test]
fn nothing_answered_gives_no_score_and_an_empty_plan() {
    let v = build(engine::builtin(), &Assessment::default(), Locale::ZhHant);
    assert!(v.overall.is_none());
    assert!(v.actions.is_empty());
    assert_eq!(v.answered, 0);
    assert!(v.total > 60);
    let money = v.money.unwrap();
    // Only the residual risk of a fully controlled setup remains; nothing is planned.
    assert_eq!(money.rows[4].now, money.rows[4].planned);
    assert!(money.plan.is_none());
}

#[test]
fn assumptions_follow_the_model_order_and_percentages_read_naturally() {
    let v = build(engine::builtin(), &Assessment::default(), Locale::En);
    let ids: Vec<&str> = v.assumptions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids[0], "p-enforcement");
    assert_eq!(ids[19], "fx-mop-per-eur");
    assert!(ids[20..].iter().all(|id| engine::costs::FINE_BANDS.contains(id)));
    let low = v.assumptions.iter().find(|a| a.id == "incident-hazard-low").unwrap();
    assert_eq!(low.value, "1% (0.5%–2%)");
    let mfa = v.assumptions.iter().find(|a| a.id == "control-effectiveness").unwrap();
    assert_eq!(mfa.value, "99.22% (98.56%–99.9%)");
}

#[test]
fn assumption_sources_are_in_the_page_language() {
    let a = all_no();
    let en = build(engine::builtin(), &a, Locale::En);
    assert!(en.assumptions.iter().any(|x| x.source.starts_with("Law 8/2005 Art. 33(1): MOP 4,000–40,000")), "English as written");
    for locale in [Locale::ZhHant, Locale::Pt] {
        let v = build(engine::builtin(), &a, locale);
        assert_eq!(v.assumptions.len(), en.assumptions.len());
        for (x, e) in v.assumptions.iter().zip(&en.assumptions) {
            assert_eq!(x.id, e.id);
            assert!(!x.source.trim().is_empty(), "{locale:?} {}: no source", x.id);
            assert_ne!(x.source, e.source, "{locale:?} {}: the source is still in English", x.id);
        }
    }
    let zh = build(engine::builtin(), &a, Locale::ZhHant);
    let fine = zh.assumptions.iter().find(|x| x.id == "pdpa-33-1").unwrap();
    assert!(fine.source.starts_with("第8/2005號法律第三十三條第一款"), "{}", fine.source);
    let pt = build(engine::builtin(), &a, Locale::Pt);
    let fine = pt.assumptions.iter().find(|x| x.id == "pdpa-33-2").unwrap();
    assert!(fine.source.starts_with("Lei n.º 8/2005, artigo 33.º, n.º 2"), "{}", fine.source);
}

#[test]
fn the_share_link_becomes_a_qr_code() {
    let url = format!("https://example.org/assessment/{}", engine::share::encode(engine::builtin(), &all_no()));
    let qr = results::view::qr(&url).expect("fits a QR code");
    assert!(qr.size >= 21 + 8 && qr.size < 100, "{}", qr.size);
    assert!(qr.path.starts_with("M4 4h7v1h-7z"), "finder pattern first: {}", &qr.path[..20]);
    assert!(results::view::qr("").is_none());
}

#[test]
fn the_plan_csv_is_formula_safe_and_has_a_row_per_action() {
    let bank = engine::builtin();
    let a = all_no();
    let first = build(bank, &a, Locale::En).actions[0].id.clone();
    let a = a.apply(bank, Action::SetPlanned { action: first.clone(), planned: true });
    let a = a.apply(bank, Action::SetActionOwner { action: first, owner: Some("=cmd|' /C calc'!A0".into()) });
    let v = build(bank, &a, Locale::ZhHant);
    let lines: Vec<&str> = v.plan_csv.trim_end().split("\r\n").collect();
    assert!(lines[0].starts_with("\u{feff}\"編號\""), "{}", lines[0]);
    assert_eq!(lines.len(), v.actions.len() + 1);
    assert!(lines[1].contains("\"'=cmd|' /C calc'!A0\""), "{}", lines[1]);
    assert!(v.share_fragment.starts_with(engine::share::PREFIX));
}

#[test]
fn a_reassessment_shows_deltas_and_closed_and_new_gaps() {
    let bank = engine::builtin();
    let before = all_no();
    let mut after = before.clone();
    after = after.apply(bank, Action::Answer { question: "security.mfa".into(), answer: Answer::Yes });
    let c = results::view::compare(bank, "2025", &before, &after, Locale::En);
    assert_eq!(c.with, "2025");
    assert_eq!(c.rows[0].0, "Overall score");
    assert!(c.rows[0].3.starts_with('+'), "{:?}", c.rows[0]);
    assert_eq!(c.rows.len(), 1 + bank.areas.len());
    assert!(c.resolved.iter().any(|q| q.contains("multi-factor")), "{:?}", c.resolved);
    assert!(c.new_gaps.is_empty());
    let back = results::view::compare(bank, "later", &after, &before, Locale::En);
    assert!(back.rows[0].3.starts_with('−') && back.new_gaps.len() == 1);
}
