//! The model over the real bank (`builtin()`), which grows while content is
//! written: every fine band resolves, the cost tables parse, and all-No /
//! all-Yes give sane results. Also the state transitions and compatibility
//! of saved data.

use engine::content::{Kind, Question, QuestionBank};
use engine::costs::{AssumptionError, AssumptionValue, Costs, SourceKind};
use engine::money::Roi;
use engine::scoring::{credit, Maturity, Risk};
use engine::{evaluate, Action, Answer, Assessment, Status};

fn bank() -> &'static QuestionBank {
    engine::builtin()
}

/// The answer with the best (`best = true`) or worst credit.
fn extreme(q: &Question, best: bool) -> Answer {
    let candidates: Vec<Answer> = match &q.kind {
        Kind::Status => vec![Answer::Yes, Answer::No],
        Kind::Choice { options } => options.iter().map(|o| Answer::Choice(o.id.clone())).collect(),
        Kind::Number { min, max, bands, .. } => {
            let mut v = vec![*min, *max, (min + max) / 2.0];
            v.extend(bands.iter().flat_map(|b| [b.min, b.max]).flatten().filter(|x| x >= min && x <= max));
            v.into_iter().map(Answer::Number).collect()
        }
    };
    let key = |a: &Answer| credit(q, a).unwrap_or(0);
    let pick = if best { candidates.iter().max_by_key(|a| key(a)) } else { candidates.iter().min_by_key(|a| key(a)) };
    pick.cloned().unwrap_or(Answer::DontKnow)
}

fn everything(best: bool) -> Assessment {
    let mut a = Assessment::default();
    a.profile.serves_eu = true;
    a.profile.critical_infrastructure = true;
    a.profile.operates_in_hong_kong = true;
    a.profile.employees = Some(300);
    a.profile.revenue_mop = Some(50_000_000);
    for (_, q) in bank().questions() {
        a.answers.insert(q.id.clone(), extreme(q, best));
    }
    a
}

#[test]
fn the_cost_tables_parse_and_every_fine_band_resolves() {
    let costs = Costs::parse(&bank().costs).unwrap_or_else(|e| panic!("content/costs.toml: {e:?}"));
    for a in costs.assumptions.values() {
        assert!(a.source.missing().is_empty(), "{}: no source in {:?}", a.id, a.source.missing());
    }
    for (_, q) in bank().questions() {
        for f in &q.exposes.fines {
            let known = costs.assumptions.get(&f.band).is_some_and(|a| a.law.is_some()) || costs.caps.contains_key(&f.band);
            assert!(known, "{}: unknown fine band `{}`", q.id, f.band);
            assert!(f.counts >= 1, "{}: zero counts", q.id);
        }
    }
    assert_eq!(costs.assumptions["pdpa-33-2"].source_kind, SourceKind::Statute);
    assert_eq!(costs.assumptions["management-time-share"].source_kind, SourceKind::VendorClaim);
}

#[test]
fn all_yes_on_the_real_bank_is_sane() {
    let e = evaluate(bank(), &everything(true));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    let s = e.scores.overall.expect("scored");
    assert_eq!(s.points, 100, "every best answer scores 100");
    assert_eq!(e.scores.maturity, Some(Maturity::Optimised));
    assert_eq!(e.scores.risk, Some(Risk::Low));
    assert!(e.scores.critical_gaps.is_empty());
    assert!(e.actions.is_empty());
    let m = e.money.unwrap();
    assert_eq!(m.current.regulatory.typical, 0);
    assert_eq!(m.current.management_time.typical, 0);
    assert!(m.current.incident_probability_bp.typical < 1_000, "residual risk below 10 %: {:?}", m.current.incident_probability_bp);
    assert_eq!(m.all.roi.typical, Roi::Undefined, "nothing to invest in");
}

#[test]
fn all_no_on_the_real_bank_is_sane() {
    let e = evaluate(bank(), &everything(false));
    let yes = evaluate(bank(), &everything(true));
    assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    assert!(e.scores.overall.unwrap().points <= 20);
    assert_eq!(e.scores.maturity, Some(Maturity::Initial));
    let criticals = bank().questions().filter(|(_, q)| q.critical).count();
    assert_eq!(e.scores.critical_gaps.len(), criticals);
    if criticals > 0 {
        assert!(e.scores.risk >= Some(Risk::High));
    }
    assert_eq!(e.actions.len(), bank().questions().count(), "every question is a gap");
    for w in e.actions.windows(2) {
        assert!(w[0].value_per_effort >= w[1].value_per_effort, "ordered by value");
    }
    let (m, my) = (e.money.unwrap(), yes.money.unwrap());
    assert!(m.current.total.typical > my.current.total.typical);
    assert!(m.current.total.low <= m.current.total.typical && m.current.total.typical <= m.current.total.high);
    assert_eq!(m.all_fixed, my.current, "fixing everything = answering all Yes");
    assert!(matches!(m.all.roi.typical, Roi::Defined { .. }));
    assert!(m.current.incident_probability_bp.high <= 10_000);
    // Expected losses stay plausible for a 300-person company (below MOP 100m).
    assert!(m.current.total.high < 100_000_000, "{:?}", m.current.total);
    assert!(e.explain.iter().any(|f| f.id == "score.overall") && e.explain.iter().any(|f| f.id == "money.current.total"));
}

#[test]
fn invalid_inputs_are_refused_by_apply_and_reported_by_evaluate() {
    let b = bank();
    let a = Assessment::default();
    let costs = Costs::parse(&b.costs).unwrap();
    assert_eq!(costs.validate("p-enforcement", AssumptionValue::Single(10_001)), Err(AssumptionError::OutOfRange { min: 0, max: 10_000 }));
    assert_eq!(costs.validate("nope", AssumptionValue::Single(1)), Err(AssumptionError::Unknown));
    assert_eq!(
        costs.validate("incident-cost", AssumptionValue::Range { low: 5, typical: 4, high: 6 }),
        Err(AssumptionError::Unordered)
    );
    let refused = a.apply(b, Action::SetAssumption { id: "p-enforcement".into(), value: AssumptionValue::Single(-1) });
    assert!(refused.assumptions.is_empty());
    let set = a.apply(b, Action::SetAssumption { id: "p-enforcement".into(), value: AssumptionValue::Single(2_000) });
    assert_eq!(set.assumptions["p-enforcement"], AssumptionValue::Single(2_000));
    let e = evaluate(b, &set);
    let p = e.assumptions.iter().find(|x| x.id == "p-enforcement").unwrap();
    assert!(p.overridden && p.value.typical == 2_000);
    assert!(set.apply(b, Action::ResetAssumptions).assumptions.is_empty());

    // The app holds the questionnaire-only bank (no cost tables): overrides
    // are validated the same way there.
    let lean = b.questionnaire_only();
    assert!(lean.costs.is_empty());
    assert_eq!(a.apply(&lean, Action::SetAssumption { id: "p-enforcement".into(), value: AssumptionValue::Single(2_000) }), set);
    assert!(a.apply(&lean, Action::SetAssumption { id: "p-enforcement".into(), value: AssumptionValue::Single(10_001) }).assumptions.is_empty());
    assert!(a.apply(&lean, Action::SetAssumption { id: "nope".into(), value: AssumptionValue::Single(1) }).assumptions.is_empty());
    let band = a.apply(&lean, Action::SetAssumption { id: "pdpa-33-2".into(), value: AssumptionValue::Range { low: 8_000, typical: 9_000, high: 80_000 } });
    assert!(band.assumptions.contains_key("pdpa-33-2"));

    // A tampered save: the override is ignored with a warning, not clamped.
    let mut tampered = Assessment::default();
    tampered.assumptions.insert("incident-cost".into(), AssumptionValue::Single(-5));
    let e = evaluate(b, &tampered);
    assert!(e.warnings.iter().any(|w| matches!(w, engine::evaluate::Warning::InvalidAssumption { id, .. } if id == "incident-cost")));

    let pct = costs.assumptions["control-effectiveness"].parse_display(99.22);
    assert_eq!(pct, Ok(9_922));
    assert_eq!(costs.assumptions["control-effectiveness"].parse_display(f64::NAN), Err(AssumptionError::NotANumber));
}

#[test]
fn plan_actions_edit_the_plan() {
    let b = bank();
    let Some((_, q)) = b.questions().next() else { return };
    let id = q.id.clone();
    let a = Assessment::default()
        .apply(b, Action::SetPlanned { action: id.clone(), planned: true })
        .apply(b, Action::SetActionOwner { action: id.clone(), owner: Some("  Ana (IT) ".into()) })
        .apply(b, Action::SetActionDue { action: id.clone(), due: Some("2027-02-30".into()) })
        .apply(b, Action::SetActionDue { action: id.clone(), due: Some("2027-03-31".into()) })
        .apply(b, Action::SetActionStatus { action: id.clone(), status: Status::Doing })
        .apply(b, Action::SetPlanned { action: "no.such-action".into(), planned: true });
    let entry = &a.plan[&id];
    assert!(entry.planned);
    assert_eq!(entry.owner.as_deref(), Some("Ana (IT)"));
    assert_eq!(entry.due.as_deref(), Some("2027-03-31"));
    assert_eq!(entry.status, Status::Doing);
    assert_eq!(a.plan.len(), 1);
    let cleared = a
        .apply(b, Action::SetPlanned { action: id.clone(), planned: false })
        .apply(b, Action::SetActionOwner { action: id.clone(), owner: None })
        .apply(b, Action::SetActionDue { action: id.clone(), due: None })
        .apply(b, Action::SetActionStatus { action: id.clone(), status: Status::Todo });
    assert!(cleared.plan.is_empty(), "an entry back at its defaults is dropped");
    // Out-of-range numbers are refused by apply.
    for (_, q) in b.questions() {
        if let Kind::Number { max, .. } = q.kind {
            let a = Assessment::default().apply(b, Action::Answer { question: q.id.clone(), answer: Answer::Number(max + 1.0) });
            assert!(a.answers.is_empty(), "{}", q.id);
            let a = Assessment::default().apply(b, Action::Answer { question: q.id.clone(), answer: Answer::Number(f64::NAN) });
            assert!(a.answers.is_empty(), "{}", q.id);
        }
    }
}

#[test]
fn saves_without_the_new_fields_still_load() {
    let old = r#"{"format":1,"content_version":1,"assessment":{"profile":{"employees":12},"answers":{"security.mfa":"partly","security.privileged-share":{"number":2.5}}}}"#;
    let saved = engine::persist::load(old).unwrap();
    assert!(saved.assessment.assumptions.is_empty() && saved.assessment.plan.is_empty());
    assert_eq!(saved.assessment.answers["security.mfa"], Answer::Partly);
    let json = serde_json::to_string(&Answer::DontKnow).unwrap();
    assert_eq!(json, "\"dont-know\"", "Answer's representation is unchanged");
}

#[test]
fn replace_keeps_only_what_validates() {
    let b = bank();
    let mut imported = Assessment::default();
    imported.profile.company_name = "Kee Wah 奇華".into();
    imported.answers.insert("security.mfa".into(), Answer::Yes);
    imported.answers.insert("no.such-question".into(), Answer::Yes);
    imported.assumptions.insert("p-enforcement".into(), AssumptionValue::Single(2_000));
    imported.assumptions.insert("p-enforcement-typo".into(), AssumptionValue::Single(2_000));
    imported.assumptions.insert("incident-cost".into(), AssumptionValue::Single(-1));
    imported.plan.insert(
        "security.mfa".into(),
        engine::PlanEntry { planned: true, owner: Some("Ana".into()), due: Some("2027-02-30".into()), status: engine::Status::Doing },
    );
    imported.plan.insert("no.such-question".into(), engine::PlanEntry { planned: true, ..Default::default() });
    let a = Assessment::default().apply(b, Action::Replace(imported));
    assert_eq!(a.profile.company_name, "Kee Wah 奇華");
    assert_eq!(a.answers.len(), 1);
    assert_eq!(a.assumptions.len(), 1);
    assert_eq!(a.plan.len(), 1);
    let entry = &a.plan["security.mfa"];
    assert!(entry.planned && entry.owner.as_deref() == Some("Ana") && entry.status == engine::Status::Doing);
    assert_eq!(entry.due, None, "an impossible date is dropped");

    // Out-of-range profile figures and an over-long name are not imported as such.
    let mut huge = Assessment::default();
    huge.profile.company_name = "澳".repeat(5_000);
    huge.profile.employees = Some(2_000_000);
    huge.profile.revenue_mop = Some(-5);
    let a = Assessment::default().apply(b, Action::Replace(huge));
    assert_eq!(a.profile.company_name.chars().count(), engine::assessment::MAX_COMPANY_CHARS);
    assert_eq!((a.profile.employees, a.profile.revenue_mop), (None, None));
}
