//! The one entry point: everything the results page and the PDF show, from
//! the bank and the assessment. Total (no `Result`, no panic): problems in
//! the input are skipped and reported in [`Evaluation::warnings`].

use serde::Serialize;

use crate::assessment::{Assessment, PlanEntry, Status};
use crate::content::{Effort, Owner, QuestionBank};
use crate::costs::{Assumption, AssumptionError, Costs, CostsError};
use crate::explain::{Figure, Formula, Line, Range, Subject, Term, TermKey, Unit};
use crate::exposure::{Exposure, GdprCap, Investment, Model};
use crate::scoring::{self, critical_gaps, current_credits, fixed_credits, CriticalGap, Item, Maturity, Risk, Score, State};
use crate::validate::{validate_profile, AnswerError, FieldError};

/// Everything computed from one assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evaluation {
    pub content_version: u32,
    pub scores: Scores,
    /// Every gap as an action, ordered by value (see [`PlanAction`]).
    pub actions: Vec<PlanAction>,
    /// `None` only when the bank's cost tables do not parse (a content bug,
    /// reported in `warnings`).
    pub money: Option<MoneyReport>,
    /// The assumptions in use (defaults with the valid overrides), by id.
    pub assumptions: Vec<Assumption>,
    /// "How this was computed" for every score and money figure.
    pub explain: Vec<Figure>,
    pub warnings: Vec<Warning>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Scores {
    /// `None` until a scorable answer exists.
    pub overall: Option<Score>,
    /// With the planned actions done.
    pub planned_overall: Option<Score>,
    /// In the bank's area order; areas without applicable questions included.
    pub areas: Vec<AreaScore>,
    pub maturity: Option<Maturity>,
    pub planned_maturity: Option<Maturity>,
    pub risk: Option<Risk>,
    pub planned_risk: Option<Risk>,
    pub critical_gaps: Vec<CriticalGap>,
    /// Applicable questions answered Don't know.
    pub unknowns: Vec<String>,
    /// Applicable questions not answered yet.
    pub unanswered: Vec<String>,
    /// Answered Not applicable.
    pub not_applicable: Vec<String>,
    /// Sections excluded because the profile does not meet their condition.
    pub excluded_sections: Vec<String>,
    /// Applicable questions with an answer / all applicable questions.
    pub answered: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaScore {
    pub area: String,
    pub current: Option<Score>,
    pub planned: Option<Score>,
}

/// A gap turned into an action. Its id is the question id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlanAction {
    pub id: String,
    pub area: String,
    pub critical: bool,
    /// Answered Don't know (the gain may be smaller once checked).
    pub unknown: bool,
    /// Overall score gain if done alone, in hundredths of a point.
    pub score_gain_bp: u32,
    /// Expected yearly loss avoided if done alone.
    pub avoided: Range,
    pub effort: Effort,
    pub effort_units: i64,
    pub owner_role: Owner,
    /// Typical avoided loss per effort unit (MOP), the ordering key.
    pub value_per_effort: i64,
    /// Effort S and (critical or in the top third by value).
    pub quick_win: bool,
    /// The visitor's plan entry (planned, owner, due date, status).
    pub plan: PlanEntry,
}

/// Money, current and planned, with the return on the plan and on fixing
/// every gap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyReport {
    pub current: Exposure,
    /// With the planned actions done.
    pub planned: Exposure,
    /// With every gap closed.
    pub all_fixed: Exposure,
    /// The planned actions: cost, avoided loss, ROI, payback.
    pub plan: Investment,
    /// Closing every gap.
    pub all: Investment,
    /// GDPR maximum fines the open gaps could attract (caps, never expected
    /// values; only for companies serving the EU).
    pub gdpr_caps_current: Vec<GdprCap>,
    pub gdpr_caps_planned: Vec<GdprCap>,
    /// MOP per HK$1 × 10,000 (`fx-mop-per-hkd`), for HKD display with
    /// [`crate::money::mop_to_hkd`].
    pub mop_per_hkd_x10000: i64,
    /// Employees used: from the profile, or `employees-default`.
    pub employees: i64,
    pub employees_from_profile: bool,
}

/// Something in the input that was skipped.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Warning {
    /// A saved answer that does not fit its question; left out of the scores.
    InvalidAnswer { error: AnswerError },
    /// An override that does not validate; the default is used.
    InvalidAssumption { id: String, error: AssumptionError },
    /// A profile figure out of range; the money model uses the default.
    InvalidProfile { error: FieldError },
    /// A question names a fine band `content/costs.toml` lacks.
    UnknownFineBand { question: String, band: String },
    /// `content/costs.toml` does not parse: no money figures.
    CostsInvalid { error: CostsError },
}

impl Eq for Warning {}

fn score_figure(id: String, items: &[Item], credits: &scoring::Credits, include: impl Fn(&Item) -> bool) -> Option<Figure> {
    let s = scoring::score(items, credits, &include)?;
    let mut lines = Vec::new();
    for (it, c) in items.iter().zip(credits) {
        if !include(it) {
            continue;
        }
        let subject = Subject::Question(it.question.id.clone());
        let w = i64::from(it.question.weight);
        let terms = match (&it.state, c) {
            (State::ConditionNotMet, _) => vec![Term::one(TermKey::ExcludedConditionNotMet, Unit::Count, 0)],
            (State::Unanswered, _) => vec![Term::one(TermKey::ExcludedUnanswered, Unit::Count, 0)],
            (State::NotApplicable, _) => vec![Term::one(TermKey::ExcludedNotApplicable, Unit::Count, 0)],
            (State::Invalid(_), _) => vec![Term::one(TermKey::ExcludedInvalidAnswer, Unit::Count, 0)],
            (State::Scored { unknown, .. }, Some(c)) => {
                let mut t = vec![
                    Term::one(TermKey::Weight, Unit::Weight, w),
                    Term::one(TermKey::Credit, Unit::Percent, i64::from(*c)),
                    Term::one(TermKey::Earned, Unit::Count, w * i64::from(*c)),
                    Term::one(TermKey::Possible, Unit::Count, w * 100),
                ];
                if *unknown {
                    t.push(Term::one(TermKey::DontKnow, Unit::Percent, i64::from(it.max_credit)));
                }
                t
            }
            (State::Scored { .. }, None) => continue,
        };
        lines.push(Line { subject, terms });
    }
    lines.push(Line {
        subject: Subject::Whole,
        terms: vec![
            Term::one(TermKey::Earned, Unit::Count, s.earned as i64),
            Term::one(TermKey::Possible, Unit::Count, s.possible as i64),
            Term::one(TermKey::Score, Unit::ScoreBp, i64::from(s.exact_bp)),
        ],
    });
    Some(Figure {
        id,
        formula: Formula::WeightedScore,
        result: Term::new(TermKey::Score, Unit::Points, Range { low: i64::from(s.range_low), typical: i64::from(s.points), high: i64::from(s.range_high) }),
        lines,
    })
}

fn rate(items: &[Item], credits: &scoring::Credits, overall: Option<Score>) -> (Option<Maturity>, Option<Risk>) {
    let Some(s) = overall else { return (None, None) };
    let k = critical_gaps(items, credits).len();
    (Some(Maturity::from_points(s.points)), Some(Risk::rate(s.points, k, scoring::unknown_weight_bp(items, credits))))
}

/// Scores, action plan, money and explanations for one assessment.
pub fn evaluate(bank: &QuestionBank, assessment: &Assessment) -> Evaluation {
    let items = scoring::items(bank, assessment);
    let mut warnings = Vec::new();
    for it in &items {
        if let State::Invalid(error) = &it.state {
            warnings.push(Warning::InvalidAnswer { error: error.clone() });
        }
    }
    let planned = |it: &Item| assessment.plan.get(&it.question.id).is_some_and(|p| p.planned);
    let current = current_credits(&items);
    let planned_credits = fixed_credits(&items, &current, planned);

    // Scores.
    let overall = scoring::score(&items, &current, |_| true);
    let planned_overall = scoring::score(&items, &planned_credits, |_| true);
    let (maturity, risk) = rate(&items, &current, overall);
    let (planned_maturity, planned_risk) = rate(&items, &planned_credits, planned_overall);
    let ids = |f: &dyn Fn(&Item) -> bool| items.iter().filter(|it| f(it)).map(|it| it.question.id.clone()).collect::<Vec<_>>();
    let mut excluded_sections: Vec<String> =
        bank.sections.iter().filter(|s| !assessment.profile.applies(s.condition)).map(|s| s.id.clone()).collect();
    excluded_sections.dedup();
    let scores = Scores {
        overall,
        planned_overall,
        areas: bank
            .areas
            .iter()
            .map(|a| AreaScore {
                area: a.id.clone(),
                current: scoring::score(&items, &current, |it| it.section.area == a.id),
                planned: scoring::score(&items, &planned_credits, |it| it.section.area == a.id),
            })
            .collect(),
        maturity,
        planned_maturity,
        risk,
        planned_risk,
        critical_gaps: critical_gaps(&items, &current),
        unknowns: ids(&|it| it.unknown()),
        unanswered: ids(&|it| it.state == State::Unanswered),
        not_applicable: ids(&|it| it.state == State::NotApplicable),
        excluded_sections,
        answered: items.iter().filter(|it| !matches!(it.state, State::ConditionNotMet | State::Unanswered)).count(),
        total: items.iter().filter(|it| it.state != State::ConditionNotMet).count(),
    };
    let mut explain = Vec::new();
    explain.extend(score_figure("score.overall".into(), &items, &current, |it| it.state != State::ConditionNotMet));
    explain.extend(score_figure("score.planned.overall".into(), &items, &planned_credits, |it| it.state != State::ConditionNotMet));
    for a in &bank.areas {
        let id = format!("score.area.{}", a.id);
        explain.extend(score_figure(id, &items, &current, |it| it.section.area == a.id && it.state != State::ConditionNotMet));
    }

    // Money.
    let costs = match Costs::parse(&bank.costs) {
        Ok(c) => Some(c),
        Err(error) => {
            warnings.push(Warning::CostsInvalid { error });
            None
        }
    };
    let costs = costs.map(|c| {
        let (costs, rejected) = c.with_overrides(&assessment.assumptions);
        warnings.extend(rejected.into_iter().map(|(id, error)| Warning::InvalidAssumption { id, error }));
        costs
    });
    if let Some(costs) = &costs {
        for (_, q) in bank.questions() {
            for f in &q.exposes.fines {
                if costs.assumptions.get(&f.band).is_none_or(|a| a.law.is_none()) && !costs.caps.contains_key(&f.band) {
                    warnings.push(Warning::UnknownFineBand { question: q.id.clone(), band: f.band.clone() });
                }
            }
        }
    }
    let profile_ok = match validate_profile(&assessment.profile) {
        Ok(()) => true,
        Err(error) => {
            warnings.push(Warning::InvalidProfile { error });
            false
        }
    };
    let model = costs.as_ref().map(|costs| {
        let from_profile = assessment.profile.employees.filter(|_| profile_ok);
        let mut profile = assessment.profile.clone();
        if !profile_ok {
            profile.employees = None;
            profile.revenue_mop = None;
        }
        (
            match from_profile {
                Some(e) => (Range::single(i64::from(e)), None),
                None => (costs.get("employees-default"), Some("employees-default")),
            },
            profile,
        )
    });

    let mut money = None;
    let mut avoided_by_action = Vec::new();
    if let (Some(costs), Some(((employees, employees_source), profile))) = (&costs, &model) {
        let m = Model { costs, profile, items: &items, employees: *employees, employees_source: *employees_source };
        let all_credits = fixed_credits(&items, &current, |_| true);
        let now = m.exposure(&current, "money.current", &mut explain);
        let after_plan = m.exposure(&planned_credits, "money.planned", &mut explain);
        let all_fixed = m.exposure(&all_credits, "money.all-fixed", &mut explain);
        let plan = m.investment(planned, &now, &after_plan, "money.plan", &mut explain);
        let all = m.investment(|_| true, &now, &all_fixed, "money.all", &mut explain);
        for it in items.iter().filter(|it| it.gap()) {
            let one = fixed_credits(&items, &current, |x| x.question.id == it.question.id);
            avoided_by_action.push((it.question.id.clone(), now.total.minus(m.exposure_quiet(&one).total), m.effort_units(it)));
        }
        money = Some(MoneyReport {
            current: now,
            planned: after_plan,
            all_fixed,
            plan,
            all,
            gdpr_caps_current: m.gdpr_caps(&current),
            gdpr_caps_planned: m.gdpr_caps(&planned_credits),
            mop_per_hkd_x10000: costs.get("fx-mop-per-hkd").typical,
            employees: employees.typical,
            employees_from_profile: employees_source.is_none(),
        });
    }

    // Action plan.
    let base_bp = overall.map_or(0, |s| s.exact_bp);
    let mut actions: Vec<PlanAction> = items
        .iter()
        .filter(|it| it.gap())
        .map(|it| {
            let one = fixed_credits(&items, &current, |x| x.question.id == it.question.id);
            let gain = scoring::score(&items, &one, |_| true).map_or(0, |s| s.exact_bp.saturating_sub(base_bp));
            let (avoided, units) = avoided_by_action
                .iter()
                .find(|(id, _, _)| id == &it.question.id)
                .map_or((Range::ZERO, default_units(it.question.remediation.effort)), |(_, a, u)| (*a, *u));
            PlanAction {
                id: it.question.id.clone(),
                area: it.section.area.clone(),
                critical: it.question.critical,
                unknown: it.unknown(),
                score_gain_bp: gain,
                avoided,
                effort: it.question.remediation.effort,
                effort_units: units,
                owner_role: it.question.remediation.owner,
                value_per_effort: crate::money::mul_ratio(avoided.typical, 1, units).unwrap_or(0),
                quick_win: false,
                plan: assessment.plan.get(&it.question.id).cloned().unwrap_or_default(),
            }
        })
        .collect();
    actions.sort_by(|a, b| {
        b.value_per_effort
            .cmp(&a.value_per_effort)
            .then(b.score_gain_bp.cmp(&a.score_gain_bp))
            .then(b.critical.cmp(&a.critical))
            .then(a.id.cmp(&b.id))
    });
    let top_third = actions.len().div_ceil(3);
    for (i, a) in actions.iter_mut().enumerate() {
        a.quick_win = a.effort == Effort::S && (a.critical || i < top_third);
    }

    Evaluation {
        content_version: bank.version,
        scores,
        actions,
        money,
        assumptions: costs.map(|c| c.assumptions.into_values().collect()).unwrap_or_default(),
        explain,
        warnings,
    }
}

fn default_units(effort: Effort) -> i64 {
    match effort {
        Effort::S => 1,
        Effort::M => 3,
        Effort::L => 8,
    }
}

/// Progress of the plan: planned actions by status (for the report).
pub fn plan_progress(evaluation: &Evaluation) -> [(Status, usize); 3] {
    let count = |s: Status| evaluation.actions.iter().filter(|a| a.plan.planned && a.plan.status == s).count();
    [(Status::Todo, count(Status::Todo)), (Status::Doing, count(Status::Doing)), (Status::Done, count(Status::Done))]
}
