//! Property tests of the model over the fixture bank: bounds, monotonicity,
//! independence of areas, defined ROI, determinism.

use std::collections::BTreeMap;

use engine::content::QuestionBank;
use engine::costs::AssumptionValue;
use engine::money::Roi;
use engine::scoring::credit;
use engine::{evaluate, Answer, Assessment, PlanEntry};
use proptest::prelude::*;

fn bank() -> &'static QuestionBank {
    static BANK: std::sync::OnceLock<QuestionBank> = std::sync::OnceLock::new();
    BANK.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fixture-bank.json");
        QuestionBank::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    })
}

const IDS: [&str; 5] = ["s1.mfa", "s1.offboard", "s2.transfer", "s2.share", "s3.gdpr"];

fn answer_for(id: &str) -> BoxedStrategy<Option<Answer>> {
    if id == "s2.share" {
        prop_oneof![
            Just(None),
            Just(Some(Answer::DontKnow)),
            Just(Some(Answer::NotApplicable)),
            (0u32..=1000).prop_map(|v| Some(Answer::Number(f64::from(v) / 10.0))),
        ]
        .boxed()
    } else {
        prop_oneof![
            Just(None),
            Just(Some(Answer::Yes)),
            Just(Some(Answer::Partly)),
            Just(Some(Answer::No)),
            Just(Some(Answer::DontKnow)),
            Just(Some(Answer::NotApplicable)),
        ]
        .boxed()
    }
}

fn assessment() -> impl Strategy<Value = Assessment> {
    let answers: Vec<_> = IDS.iter().map(|id| answer_for(id)).collect();
    (answers, any::<bool>(), any::<bool>(), 1u32..=1_000_000, 0i64..=1_000_000_000_000, prop::collection::vec(any::<bool>(), 5), 0i64..=10_000, 0i64..=1_000_000_000_000)
        .prop_map(|(answers, serves_eu, ciio, employees, revenue, planned, p, one_off)| {
            let mut a = Assessment::default();
            a.profile.serves_eu = serves_eu;
            a.profile.critical_infrastructure = ciio;
            a.profile.employees = Some(employees);
            a.profile.revenue_mop = Some(revenue);
            for (id, ans) in IDS.iter().zip(answers) {
                if let Some(ans) = ans {
                    a.answers.insert(id.to_string(), ans);
                }
            }
            for (id, p) in IDS.iter().zip(planned) {
                if p {
                    a.plan.insert(id.to_string(), PlanEntry { planned: true, ..PlanEntry::default() });
                }
            }
            a.assumptions = BTreeMap::from([
                ("p-enforcement".to_string(), AssumptionValue::Single(p)),
                ("remediation-one-off".to_string(), AssumptionValue::Single(one_off)),
            ]);
            a
        })
}

fn credit_of(a: &Assessment, id: &str) -> Option<u32> {
    let q = bank().question(id).unwrap();
    a.answers.get(id).and_then(|ans| engine::validate_answer(q, ans.clone()).ok()).and_then(|ans| credit(q, &ans))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_stay_within_0_to_100(a in assessment()) {
        let e = evaluate(bank(), &a);
        let all = e.scores.areas.iter().flat_map(|s| [s.current, s.planned]).chain([e.scores.overall, e.scores.planned_overall]);
        for s in all.flatten() {
            prop_assert!(s.points <= 100 && s.exact_bp <= 10_000);
            prop_assert!(s.range_low <= s.points && s.points <= s.range_high && s.range_high <= 100);
        }
        if let (Some(now), Some(planned)) = (e.scores.overall, e.scores.planned_overall) {
            prop_assert!(planned.exact_bp >= now.exact_bp);
        }
    }

    #[test]
    fn improving_an_answer_never_lowers_a_score_or_raises_exposure(a in assessment(), which in 0usize..5, better in answer_for("s1.mfa"), value in 0u32..=1000) {
        let id = IDS[which];
        let section = &bank().sections[bank().index()[id]];
        prop_assume!(a.profile.applies(section.condition));
        let new = if id == "s2.share" { Some(Answer::Number(f64::from(value) / 10.0)) } else { better };
        let Some(new) = new else { return Ok(()) };
        // "Don't know" is never an improvement: it earns no credit, like No,
        // and an unknown raises the risk rating on purpose.
        prop_assume!(new != Answer::DontKnow);
        let Some(old_credit) = credit_of(&a, id) else { return Ok(()) };
        let mut b = a.clone();
        b.answers.insert(id.to_string(), new);
        let Some(new_credit) = credit_of(&b, id) else { return Ok(()) };
        prop_assume!(new_credit >= old_credit);
        let (ea, eb) = (evaluate(bank(), &a), evaluate(bank(), &b));
        prop_assert!(eb.scores.overall.unwrap().exact_bp >= ea.scores.overall.unwrap().exact_bp);
        for (x, y) in ea.scores.areas.iter().zip(&eb.scores.areas) {
            if let (Some(x), Some(y)) = (x.current, y.current) {
                prop_assert!(y.exact_bp >= x.exact_bp, "area {}", x.points);
            }
        }
        prop_assert!(eb.scores.risk <= ea.scores.risk);
        let (ma, mb) = (ea.money.unwrap(), eb.money.unwrap());
        for (x, y) in [
            (ma.current.total, mb.current.total),
            (ma.current.regulatory, mb.current.regulatory),
            (ma.current.incident, mb.current.incident),
            (ma.current.downtime, mb.current.downtime),
            (ma.current.management_time, mb.current.management_time),
        ] {
            prop_assert!(y.low <= x.low && y.typical <= x.typical && y.high <= x.high, "{x:?} -> {y:?}");
        }
    }

    #[test]
    fn not_applicable_in_one_area_leaves_the_other_areas_unchanged(a in assessment(), which in 0usize..5) {
        let id = IDS[which];
        prop_assume!(bank().question(id).unwrap().allow_na);
        let mut b = a.clone();
        b.answers.insert(id.to_string(), Answer::NotApplicable);
        let area = &bank().sections[bank().index()[id]].area;
        let (ea, eb) = (evaluate(bank(), &a), evaluate(bank(), &b));
        for (x, y) in ea.scores.areas.iter().zip(&eb.scores.areas) {
            if &x.area != area {
                prop_assert_eq!(x, y);
            }
        }
    }

    #[test]
    fn money_is_defined_for_every_valid_input(a in assessment()) {
        let e = evaluate(bank(), &a);
        prop_assert!(e.warnings.iter().all(|w| matches!(w, engine::evaluate::Warning::InvalidAnswer { .. })), "{:?}", e.warnings);
        let m = e.money.unwrap();
        for x in [m.current, m.planned, m.all_fixed] {
            for r in [x.total, x.regulatory, x.incident, x.downtime, x.management_time] {
                prop_assert!(r.low >= 0 && r.typical >= 0 && r.high >= 0);
            }
            for p in [x.incident_probability_bp, x.downtime_probability_bp] {
                prop_assert!((0..=10_000).contains(&p.low) && (0..=10_000).contains(&p.high));
            }
        }
        prop_assert!(m.planned.total.typical <= m.current.total.typical);
        prop_assert!(m.all_fixed.total.typical <= m.planned.total.typical);
        for inv in [m.plan, m.all] {
            let pairs = [(inv.roi.low, inv.first_year_cost.high), (inv.roi.typical, inv.first_year_cost.typical), (inv.roi.high, inv.first_year_cost.low)];
            for (roi, cost) in pairs {
                prop_assert_eq!(roi == Roi::Undefined, cost == 0);
            }
        }
    }

    #[test]
    fn same_input_gives_same_output(a in assessment()) {
        let (x, y) = (evaluate(bank(), &a), evaluate(bank(), &a));
        prop_assert_eq!(serde_json::to_string(&x).unwrap(), serde_json::to_string(&y).unwrap());
        prop_assert_eq!(x, y);
    }
}
