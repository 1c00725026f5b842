//! Hand-computed scenarios against a small fixture bank, so that they do not
//! depend on the changing real content. Each `data/scenarios/*.json` holds an
//! assessment, a `doc` with the hand computation, and the expected figures;
//! only the keys present in `expect` are checked. Money figures are given as
//! one number when the scenario sets every assumption to a single value (then
//! low, typical and high must all equal it).

use std::path::PathBuf;

use engine::content::QuestionBank;
use engine::evaluate::Evaluation;
use engine::explain::Range;
use engine::exposure::{Exposure, Investment};
use engine::money::{Payback, Roi};
use engine::{evaluate, Assessment};
use serde_json::{json, Map, Value};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data")
}

pub fn fixture_bank() -> QuestionBank {
    let text = std::fs::read_to_string(data().join("fixture-bank.json")).unwrap();
    QuestionBank::from_json(&text).unwrap()
}

fn range(r: Range) -> Value {
    if r.low == r.typical && r.typical == r.high { json!(r.typical) } else { json!({"low": r.low, "typical": r.typical, "high": r.high}) }
}

fn roi(r: Roi) -> Value {
    match r {
        Roi::Defined { bp } => json!(bp),
        Roi::Undefined => json!("undefined"),
    }
}

fn payback(p: Payback) -> Value {
    match p {
        Payback::Months { months } => json!(months),
        Payback::Never => json!("never"),
        Payback::NoInvestment => json!("no-investment"),
    }
}

fn exposure(e: &Exposure) -> Value {
    json!({
        "regulatory_if_enforced": range(e.regulatory_if_enforced), "regulatory": range(e.regulatory),
        "incident_probability_bp": range(e.incident_probability_bp), "incident": range(e.incident),
        "downtime_probability_bp": range(e.downtime_probability_bp), "downtime": range(e.downtime),
        "management_time": range(e.management_time), "total": range(e.total),
    })
}

fn investment(i: &Investment) -> Value {
    let one = |a: Value, b: Value, c: Value| if a == b && b == c { b } else { json!({"low": a, "typical": b, "high": c}) };
    json!({
        "avoided": range(i.avoided), "one_off": range(i.one_off), "yearly": range(i.yearly),
        "first_year_cost": range(i.first_year_cost), "effort_share_bp": i.effort_share_bp,
        "roi": one(roi(i.roi.low), roi(i.roi.typical), roi(i.roi.high)),
        "payback": one(payback(i.payback.low), payback(i.payback.typical), payback(i.payback.high)),
    })
}

/// The figures a scenario can check, in the scenario files' shape.
fn digest(e: &Evaluation) -> Value {
    let s = &e.scores;
    let areas: Map<String, Value> = s.areas.iter().map(|a| (a.area.clone(), serde_json::to_value(a.current).unwrap())).collect();
    let money = e.money.as_ref().map(|m| {
        json!({
            "current": exposure(&m.current), "planned": exposure(&m.planned), "all_fixed": exposure(&m.all_fixed),
            "plan": investment(&m.plan), "all": investment(&m.all),
            "gdpr_caps_current": serde_json::to_value(&m.gdpr_caps_current).unwrap(),
            "gdpr_caps_planned": serde_json::to_value(&m.gdpr_caps_planned).unwrap(),
        })
    });
    let actions: Vec<Value> = e
        .actions
        .iter()
        .map(|a| {
            json!({"id": a.id, "score_gain_bp": a.score_gain_bp, "avoided": range(a.avoided), "value_per_effort": a.value_per_effort,
                   "quick_win": a.quick_win, "planned": a.plan.planned, "critical": a.critical, "unknown": a.unknown})
        })
        .collect();
    json!({
        "overall": s.overall, "planned_overall": s.planned_overall, "areas": areas,
        "maturity": s.maturity, "risk": s.risk, "planned_maturity": s.planned_maturity, "planned_risk": s.planned_risk,
        "critical_gaps": s.critical_gaps.iter().map(|g| g.question.clone()).collect::<Vec<_>>(),
        "unknowns": s.unknowns, "not_applicable": s.not_applicable, "excluded_sections": s.excluded_sections,
        "money": money, "actions": actions,
    })
}

/// Checks that `expected` is contained in `actual` (objects: the expected
/// keys; arrays: same length, elementwise).
fn check(path: &str, expected: &Value, actual: &Value, errors: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => check(&format!("{path}.{k}"), v, av, errors),
                    None => errors.push(format!("{path}.{k}: missing in the evaluation")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                check(&format!("{path}[{i}]"), ev, av, errors);
            }
        }
        _ if expected == actual => {}
        _ => errors.push(format!("{path}: expected {expected}, got {actual}")),
    }
}

#[test]
fn hand_computed_scenarios_reproduce() {
    let bank = fixture_bank();
    let mut files: Vec<_> = std::fs::read_dir(data().join("scenarios")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    assert!(files.len() >= 5, "scenario files missing");
    let mut failures = Vec::new();
    for file in files {
        let scenario: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let assessment: Assessment = serde_json::from_value(scenario["assessment"].clone()).unwrap();
        let evaluation = evaluate(&bank, &assessment);
        assert!(evaluation.warnings.is_empty(), "{}: warnings {:?}", file.display(), evaluation.warnings);
        let mut errors = Vec::new();
        check("", &scenario["expect"], &digest(&evaluation), &mut errors);
        if !errors.is_empty() {
            failures.push(format!("{}:\n  {}", file.file_name().unwrap().to_string_lossy(), errors.join("\n  ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn seed_worked_example_roi_is_300_percent() {
    // 300 employees; MOP 120,000 a year of compliance cost; MOP 120,000 of
    // fines plus MOP 360,000 of productivity loss avoided.
    assert_eq!(engine::money::roi(120_000 + 360_000, 120_000), Roi::Defined { bp: 30_000 });
}
