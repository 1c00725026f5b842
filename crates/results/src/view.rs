//! Builds the [`ResultsView`] from [`engine::evaluate`]: the only place the
//! evaluation is turned into text. Numbers are formatted per locale by
//! `i18n`; nothing is recomputed here.

use engine::content::{Effort, Owner, QuestionBank};
use engine::costs::{Assumption, SourceKind};
use engine::evaluate::{Evaluation, Warning};
use engine::explain::{Figure, Formula, Range, Subject, Term, TermKey, Unit};
use engine::exposure::{Exposure, Investment};
use engine::money::{mop_to_hkd, Payback, Roi};
use engine::scoring::{Maturity, Risk};
use engine::Assessment;
use i18n::{format_decimal, format_integer, format_percent, Locale, Msg};

use std::collections::BTreeMap;

use engine::{PlanEntry, Status};

use crate::{
    ActionView, AreaView, AssumptionView, CriticalView, Explain, ExplainRow, MoneyRow, MoneyView, Overall, ResultsView,
    ReturnView, TermView, Three,
};

/// Everything the results screen shows, in `locale`.
pub fn build(bank: &QuestionBank, assessment: &Assessment, locale: Locale) -> ResultsView {
    let e = engine::evaluate(bank, assessment);
    let f = Fmt { bank, eval: &e, locale };
    let s = &e.scores;
    let overall = s.overall.map(|score| Overall {
        points: score.points,
        low: score.range_low,
        high: score.range_high,
        unknowns: score.unknown as u32,
        maturity: s.maturity.map(|m| locale.t(maturity_msg(m)).to_string()).unwrap_or_default(),
        maturity_about: s.maturity.map(|m| locale.t(maturity_about_msg(m)).to_string()).unwrap_or_default(),
        risk: s.risk.map(|r| locale.t(risk_msg(r)).to_string()).unwrap_or_default(),
        risk_level: s.risk.map(risk_class).unwrap_or_default().to_string(),
        planned: s.planned_overall.filter(|_| assessment.plan.values().any(|p| p.planned)).map(|p| p.points),
        planned_maturity: s.planned_maturity.map(|m| locale.t(maturity_msg(m)).to_string()).unwrap_or_default(),
        explain: f.figure("score.overall").unwrap_or_default(),
    });
    let areas = s
        .areas
        .iter()
        .map(|a| AreaView {
            id: a.area.clone(),
            title: f.area(&a.area),
            current: a.current.map(|x| x.points),
            planned: a.planned.map(|x| x.points),
            explain: f.figure(&format!("score.area.{}", a.area)),
        })
        .collect();
    let critical = s
        .critical_gaps
        .iter()
        .map(|g| CriticalView { id: g.question.clone(), question: f.question(&g.question), area: f.area(&g.area), unknown: g.unknown })
        .collect();
    let actions: Vec<ActionView> = e
        .actions
        .iter()
        .map(|a| {
            let q = bank.question(&a.id);
            ActionView {
                id: a.id.clone(),
                question: f.question(&a.id),
                action: q.map(|q| q.remediation.action.get(locale).to_string()).unwrap_or_default(),
                console: q.and_then(|q| q.remediation.console.as_ref()).map(|c| c.get(locale).to_string()).unwrap_or_default(),
                why: q.map(|q| q.why.get(locale).to_string()).unwrap_or_default(),
                legal: q
                    .map(|q| q.refs.iter().filter_map(|r| bank.reference(r)).map(|r| r.label.get(locale).to_string()).collect())
                    .unwrap_or_default(),
                area: f.area(&a.area),
                critical: a.critical,
                unknown: a.unknown,
                quick_win: a.quick_win,
                gain: locale.tf(Msg::ViewGain, &[("points", &format_decimal(i64::from((a.score_gain_bp + 5) / 10), 1, locale))]),
                avoids: locale.tf(Msg::ViewAvoids, &[("amount", &f.mop(a.avoided.typical))]),
                effort: locale.t(effort_msg(a.effort)).to_string(),
                owner_role: locale.t(owner_msg(a.owner_role)).to_string(),
            }
        })
        .collect();
    let actions_for_csv: Vec<ActionView> = actions.clone();
    let money = e.money.as_ref().map(|m| {
        type Part = (Msg, fn(&Exposure) -> Range, &'static str);
        let parts: [Part; 5] = [
            (Msg::TermRegulatory, |x| x.regulatory, "regulatory"),
            (Msg::TermIncident, |x| x.incident, "incident"),
            (Msg::TermDowntime, |x| x.downtime, "downtime"),
            (Msg::TermManagementTime, |x| x.management_time, "management-time"),
            (Msg::TermExpectedLoss, |x| x.total, "total"),
        ];
        let rows = parts
            .iter()
            .map(|(msg, get, part)| MoneyRow {
                label: locale.t(*msg).to_string(),
                now: f.mop3(get(&m.current)),
                planned: f.mop3(get(&m.planned)),
                now_hkd: mop_to_hkd(get(&m.current).typical, m.mop_per_hkd_x10000)
                    .map(|h| locale.tf(Msg::ViewHkd, &[("amount", &format_integer(h, locale))]))
                    .unwrap_or_default(),
                total: *part == "total",
                explain: f.figure(&format!("money.current.{part}")).unwrap_or_default(),
            })
            .collect();
        let any_planned = assessment.plan.values().any(|p| p.planned);
        let gdpr = (!m.gdpr_caps_current.is_empty()).then(|| {
            let max = m.gdpr_caps_current.iter().map(|c| c.cap_mop).max().unwrap_or(0);
            locale.tf(Msg::ViewGdpr, &[("amount", &f.mop(max))])
        });
        MoneyView {
            rows,
            plan: any_planned.then(|| f.returns(&m.plan, "money.plan")),
            all: f.returns(&m.all, "money.all"),
            gdpr,
        }
    });
    // In the model's order (regulatory, incidents, management time,
    // investment, currency), then the fine bands.
    let mut ordered: Vec<&Assumption> = e.assumptions.iter().collect();
    ordered.sort_by_key(|a| {
        engine::costs::ASSUMPTIONS
            .iter()
            .position(|(id, _)| *id == a.id)
            .or_else(|| engine::costs::FINE_BANDS.iter().position(|id| *id == a.id).map(|i| 100 + i))
            .unwrap_or(usize::MAX)
    });
    let assumptions = ordered.into_iter().map(|a| f.assumption(a)).collect();
    let mut notes = Vec::new();
    if let Some(m) = &e.money
        && !m.employees_from_profile
    {
        notes.push(locale.tf(Msg::ViewEmployeesDefault, &[("count", &format_integer(m.employees, locale))]));
    }
    for w in &e.warnings {
        if let Warning::InvalidAssumption { id, .. } = w {
            notes.push(locale.tf(Msg::ViewInvalidAssumption, &[("name", &f.assumption_name(id))]));
        }
    }
    ResultsView {
        overall,
        answered: s.answered as u32,
        total: s.total as u32,
        areas,
        critical,
        actions,
        money,
        plan_csv: plan_csv(&actions_for_csv, &assessment.plan, locale),
        share_fragment: engine::share::encode(bank, assessment),
        comparison: None,
        assumptions,
        notes,
        share_qr: None,
    }
}

/// The QR code of `text` (error correction M; a quiet zone of 4 modules),
/// or `None` for an empty text or one too long for a QR code.
pub fn qr(text: &str) -> Option<crate::Qr> {
    use std::fmt::Write as _;
    if text.is_empty() {
        return None;
    }
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let quiet = 4;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == qrcode::Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == qrcode::Color::Dark {
                    x += 1;
                }
                let _ = write!(path, "M{} {}h{}v1h-{}z", start + quiet, y + quiet, x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    Some(crate::Qr { size: (width + 2 * quiet) as u32, path })
}

struct Fmt<'a> {
    bank: &'a QuestionBank,
    eval: &'a Evaluation,
    locale: Locale,
}

impl Fmt<'_> {
    fn question(&self, id: &str) -> String {
        self.bank.question(id).map(|q| q.text.get(self.locale).to_string()).unwrap_or_else(|| id.to_string())
    }

    fn area(&self, id: &str) -> String {
        self.bank.area(id).map(|a| a.title.get(self.locale).to_string()).unwrap_or_else(|| id.to_string())
    }

    fn mop(&self, v: i64) -> String {
        self.locale.tf(Msg::ViewMop, &[("amount", &format_integer(v, self.locale))])
    }

    fn mop3(&self, r: Range) -> Three {
        [self.mop(r.low), self.mop(r.typical), self.mop(r.high)]
    }

    /// A value in `unit`, formatted for reading.
    fn value(&self, unit: Unit, v: i64) -> String {
        let l = self.locale;
        match unit {
            Unit::Mop => self.mop(v),
            Unit::Bp => percent2(v, l),
            Unit::ScoreBp => format_decimal(v, 2, l),
            Unit::Percent => format_percent(v * 100, l),
            Unit::FxX10000 => format_decimal(v, 4, l),
            Unit::Months => l.tf(Msg::ViewMonths, &[("months", &format_integer(v, l))]),
            Unit::Points | Unit::Weight | Unit::Count | Unit::Days | Unit::People | Unit::EffortUnits => format_integer(v, l),
        }
    }

    fn range(&self, unit: Unit, r: Range) -> String {
        if r.low == r.typical && r.typical == r.high {
            self.value(unit, r.typical)
        } else {
            format!("{} ({}–{})", self.value(unit, r.typical), self.value(unit, r.low), self.value(unit, r.high))
        }
    }

    fn assumption_name(&self, id: &str) -> String {
        if let Some(msg) = assumption_msg(id) {
            return self.locale.t(msg).to_string();
        }
        let law = self.eval.assumptions.iter().find(|a| a.id == id).and_then(|a| a.law.clone()).unwrap_or_else(|| id.to_string());
        self.locale.tf(Msg::AssumptionFine, &[("law", &law)])
    }

    fn term(&self, t: &Term) -> TermView {
        let value = match (t.key, t.unit) {
            // ROI is stored in basis points of the cost; payback in months.
            (TermKey::Roi, Unit::Bp) => self.range(Unit::Bp, t.value),
            _ => self.range(t.unit, t.value),
        };
        TermView {
            label: self.locale.t(term_msg(t.key)).to_string(),
            value,
            source: t.source.as_deref().map(|s| self.assumption_name(s)).unwrap_or_default(),
        }
    }

    fn subject(&self, s: &Subject) -> String {
        match s {
            Subject::Question(id) => self.question(id),
            Subject::Area(id) => self.area(id),
            Subject::Band { question, band } => format!("{} — {}", self.question(question), self.assumption_name(band)),
            Subject::Whole => String::new(),
        }
    }

    fn explain(&self, fig: &Figure) -> Explain {
        Explain {
            formula: self.locale.t(formula_msg(fig.formula)).to_string(),
            rows: fig
                .lines
                .iter()
                .map(|l| ExplainRow { subject: self.subject(&l.subject), terms: l.terms.iter().map(|t| self.term(t)).collect() })
                .collect(),
            result: self.term(&fig.result),
        }
    }

    fn figure(&self, id: &str) -> Option<Explain> {
        self.eval.explain.iter().find(|x| x.id == id).map(|x| self.explain(x))
    }

    fn roi(&self, r: Roi) -> String {
        match r {
            Roi::Defined { bp } => format_percent(bp, self.locale),
            Roi::Undefined => self.locale.t(Msg::ViewRoiUndefined).to_string(),
        }
    }

    fn payback(&self, p: Payback) -> String {
        let l = self.locale;
        match p {
            Payback::Months { months } => l.tf(Msg::ViewMonths, &[("months", &format_integer(months, l))]),
            Payback::Never => l.t(Msg::ViewPaybackNever).to_string(),
            Payback::NoInvestment => l.t(Msg::ViewPaybackNone).to_string(),
        }
    }

    fn returns(&self, inv: &Investment, id: &str) -> ReturnView {
        let l = self.locale;
        let rows = vec![
            (l.t(Msg::TermAvoidedLoss).to_string(), self.mop3(inv.avoided)),
            (l.t(Msg::TermFirstYearCost).to_string(), self.mop3(inv.first_year_cost)),
            (l.t(Msg::TermRoi).to_string(), [self.roi(inv.roi.low), self.roi(inv.roi.typical), self.roi(inv.roi.high)]),
            (
                l.t(Msg::TermPaybackMonths).to_string(),
                [self.payback(inv.payback.low), self.payback(inv.payback.typical), self.payback(inv.payback.high)],
            ),
        ];
        // The figures' result terms hold 0 for "undefined" and "never":
        // show the same words as the table instead.
        let three = |r: &Three| if r[0] == r[1] && r[1] == r[2] { r[1].clone() } else { format!("{} ({}–{})", r[1], r[0], r[2]) };
        let mut explain = Vec::new();
        for (part, row) in [("investment", None), ("roi", Some(2)), ("payback", Some(3))] {
            if let Some(mut x) = self.figure(&format!("{id}.{part}")) {
                if let Some(i) = row {
                    x.result.value = three(&rows[i].1);
                }
                explain.push(x);
            }
        }
        ReturnView { rows, explain }
    }

    fn assumption(&self, a: &Assumption) -> AssumptionView {
        let l = self.locale;
        let (decimals, unit) = match a.unit {
            Unit::Bp => (2, "%".to_string()),
            Unit::FxX10000 => (4, "MOP".to_string()),
            Unit::Mop => (0, "MOP".to_string()),
            Unit::People => (0, l.t(Msg::TermEmployees).to_string()),
            Unit::Days => (0, l.t(Msg::TermDowntimeDays).to_string()),
            _ => (0, String::new()),
        };
        let scale = 10f64.powi(decimals as i32);
        let (min, max) = engine::costs::unit_bounds(a.unit);
        AssumptionView {
            id: a.id.clone(),
            name: self.assumption_name(&a.id),
            default_shown: a.default.typical as f64 / scale,
            unit,
            min: min as f64 / scale,
            max: max as f64 / scale,
            decimals,
            value: self.range(a.unit, a.value),
            default: l.tf(Msg::ViewDefault, &[("value", &self.range(a.unit, a.default))]),
            source: a.source.get(l).to_string(),
            source_kind: l.t(source_kind_msg(a.source_kind)).to_string(),
            overridden: a.overridden,
        }
    }
}

/// Basis points as a percentage with up to two decimals (99.22 %).
fn percent2(bp: i64, locale: Locale) -> String {
    let text = if bp % 100 == 0 {
        format_integer(bp / 100, locale)
    } else if bp % 10 == 0 {
        format_decimal(bp / 10, 1, locale)
    } else {
        format_decimal(bp, 2, locale)
    };
    match locale {
        Locale::Pt => format!("{text}\u{a0}%"),
        _ => format!("{text}%"),
    }
}

fn risk_class(r: Risk) -> &'static str {
    match r {
        Risk::Low => "low",
        Risk::Medium => "medium",
        Risk::High => "high",
        Risk::Critical => "critical",
    }
}

pub fn maturity_msg(m: Maturity) -> Msg {
    match m {
        Maturity::Initial => Msg::MaturityInitial,
        Maturity::Developing => Msg::MaturityDeveloping,
        Maturity::Defined => Msg::MaturityDefined,
        Maturity::Managed => Msg::MaturityManaged,
        Maturity::Optimised => Msg::MaturityOptimised,
    }
}

pub fn maturity_about_msg(m: Maturity) -> Msg {
    match m {
        Maturity::Initial => Msg::MaturityAboutInitial,
        Maturity::Developing => Msg::MaturityAboutDeveloping,
        Maturity::Defined => Msg::MaturityAboutDefined,
        Maturity::Managed => Msg::MaturityAboutManaged,
        Maturity::Optimised => Msg::MaturityAboutOptimised,
    }
}

pub fn risk_msg(r: Risk) -> Msg {
    match r {
        Risk::Low => Msg::RiskLow,
        Risk::Medium => Msg::RiskMedium,
        Risk::High => Msg::RiskHigh,
        Risk::Critical => Msg::RiskCritical,
    }
}

pub fn effort_msg(e: Effort) -> Msg {
    match e {
        Effort::S => Msg::EffortS,
        Effort::M => Msg::EffortM,
        Effort::L => Msg::EffortL,
    }
}

pub fn owner_msg(o: Owner) -> Msg {
    match o {
        Owner::ItAdmin => Msg::OwnerItAdmin,
        Owner::Hr => Msg::OwnerHr,
        Owner::LegalDpo => Msg::OwnerLegalDpo,
        Owner::Management => Msg::OwnerManagement,
    }
}

pub fn source_kind_msg(k: SourceKind) -> Msg {
    match k {
        SourceKind::Statute => Msg::SourceKindStatute,
        SourceKind::Statistic => Msg::SourceKindStatistic,
        SourceKind::Study => Msg::SourceKindStudy,
        SourceKind::VendorClaim => Msg::SourceKindVendorClaim,
        SourceKind::ToolAssumption => Msg::SourceKindToolAssumption,
    }
}

/// The name of an assumption of `engine::costs::ASSUMPTIONS` (fine bands are
/// named by their law instead).
pub fn assumption_msg(id: &str) -> Option<Msg> {
    Some(match id {
        "p-enforcement" => Msg::AssumptionPEnforcement,
        "incident-baseline" => Msg::AssumptionIncidentBaseline,
        "incident-hazard-low" => Msg::AssumptionIncidentHazardLow,
        "incident-hazard-medium" => Msg::AssumptionIncidentHazardMedium,
        "incident-hazard-high" => Msg::AssumptionIncidentHazardHigh,
        "control-effectiveness" => Msg::AssumptionControlEffectiveness,
        "incident-cost" => Msg::AssumptionIncidentCost,
        "downtime-days" => Msg::AssumptionDowntimeDays,
        "daily-cost-per-employee" => Msg::AssumptionDailyCostPerEmployee,
        "employees-default" => Msg::AssumptionEmployeesDefault,
        "management-time-share" => Msg::AssumptionManagementTimeShare,
        "manager-ratio" => Msg::AssumptionManagerRatio,
        "manager-yearly-cost" => Msg::AssumptionManagerYearlyCost,
        "remediation-one-off" => Msg::AssumptionRemediationOneOff,
        "remediation-yearly-per-employee" => Msg::AssumptionRemediationYearlyPerEmployee,
        "effort-s" => Msg::AssumptionEffortS,
        "effort-m" => Msg::AssumptionEffortM,
        "effort-l" => Msg::AssumptionEffortL,
        "fx-mop-per-hkd" => Msg::AssumptionFxMopPerHkd,
        "fx-mop-per-eur" => Msg::AssumptionFxMopPerEur,
        _ => return None,
    })
}

pub fn formula_msg(f: Formula) -> Msg {
    match f {
        Formula::WeightedScore => Msg::FormulaWeightedScore,
        Formula::Regulatory => Msg::FormulaRegulatory,
        Formula::Incident => Msg::FormulaIncident,
        Formula::Downtime => Msg::FormulaDowntime,
        Formula::ManagementTime => Msg::FormulaManagementTime,
        Formula::Total => Msg::FormulaTotal,
        Formula::Investment => Msg::FormulaInvestment,
        Formula::Roi => Msg::FormulaRoi,
        Formula::Payback => Msg::FormulaPayback,
    }
}

pub fn term_msg(k: TermKey) -> Msg {
    use TermKey as K;
    match k {
        K::Weight => Msg::TermWeight,
        K::Credit => Msg::TermCredit,
        K::Earned => Msg::TermEarned,
        K::Possible => Msg::TermPossible,
        K::Score => Msg::TermScore,
        K::DontKnow => Msg::TermDontKnow,
        K::ExcludedNotApplicable => Msg::TermExcludedNotApplicable,
        K::ExcludedConditionNotMet => Msg::TermExcludedConditionNotMet,
        K::ExcludedUnanswered => Msg::TermExcludedUnanswered,
        K::ExcludedInvalidAnswer => Msg::TermExcludedInvalidAnswer,
        K::FinePerCount => Msg::TermFinePerCount,
        K::Counts => Msg::TermCounts,
        K::GapShare => Msg::TermGapShare,
        K::FineIfEnforced => Msg::TermFineIfEnforced,
        K::EnforcementProbability => Msg::TermEnforcementProbability,
        K::ExpectedFine => Msg::TermExpectedFine,
        K::ExcludedBandNotApplicable => Msg::TermExcludedBandNotApplicable,
        K::BaselineProbability => Msg::TermBaselineProbability,
        K::Hazard => Msg::TermHazard,
        K::ControlEffectiveness => Msg::TermControlEffectiveness,
        K::ResidualHazard => Msg::TermResidualHazard,
        K::IncidentProbability => Msg::TermIncidentProbability,
        K::IncidentCost => Msg::TermIncidentCost,
        K::DowntimeProbability => Msg::TermDowntimeProbability,
        K::DowntimeDays => Msg::TermDowntimeDays,
        K::Employees => Msg::TermEmployees,
        K::DailyCostPerEmployee => Msg::TermDailyCostPerEmployee,
        K::ManagerRatio => Msg::TermManagerRatio,
        K::Managers => Msg::TermManagers,
        K::ManagerYearlyCost => Msg::TermManagerYearlyCost,
        K::ManagementTimeShare => Msg::TermManagementTimeShare,
        K::ManagementGapShare => Msg::TermManagementGapShare,
        K::Regulatory => Msg::TermRegulatory,
        K::Incident => Msg::TermIncident,
        K::Downtime => Msg::TermDowntime,
        K::ManagementTime => Msg::TermManagementTime,
        K::ExpectedLoss => Msg::TermExpectedLoss,
        K::ExpectedLossAfter => Msg::TermExpectedLossAfter,
        K::AvoidedLoss => Msg::TermAvoidedLoss,
        K::EffortShare => Msg::TermEffortShare,
        K::OneOffCost => Msg::TermOneOffCost,
        K::YearlyCostPerEmployee => Msg::TermYearlyCostPerEmployee,
        K::YearlyCost => Msg::TermYearlyCost,
        K::FirstYearCost => Msg::TermFirstYearCost,
        K::Roi => Msg::TermRoi,
        K::PaybackMonths => Msg::TermPaybackMonths,
    }
}

/// The action plan as CSV for spreadsheets (RFC 4180, UTF-8 with a byte
/// order mark so Excel reads Chinese and accents). Cells that a spreadsheet
/// would take for a formula (`=`, `+`, `-`, `@`, tab, carriage return) are
/// prefixed with an apostrophe, so typed text such as an owner's name can
/// never run as a formula.
pub fn plan_csv(actions: &[ActionView], plan: &BTreeMap<String, PlanEntry>, locale: Locale) -> String {
    fn cell(text: &str) -> String {
        let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
        format!("\"{}\"", text.replace('"', "\"\""))
    }
    let yes_no = |b: bool| locale.t(if b { Msg::AnswerYes } else { Msg::AnswerNo });
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = locale.t(Msg::DataCsvColumns).split('|').map(cell).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for (i, a) in actions.iter().enumerate() {
        let entry = plan.get(&a.id).cloned().unwrap_or_default();
        let status = match entry.status {
            Status::Todo => Msg::StatusTodo,
            Status::Doing => Msg::StatusDoing,
            Status::Done => Msg::StatusDone,
        };
        let row = [
            (i + 1).to_string(),
            a.action.clone(),
            a.question.clone(),
            a.area.clone(),
            yes_no(a.critical).to_string(),
            yes_no(a.quick_win).to_string(),
            a.gain.clone(),
            a.avoids.clone(),
            a.effort.clone(),
            a.owner_role.clone(),
            yes_no(entry.planned).to_string(),
            entry.owner.unwrap_or_default(),
            entry.due.unwrap_or_default(),
            locale.t(status).to_string(),
        ];
        out.push_str(&row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

/// Compares `before` (named `name`) with `after`: the overall and per-area
/// scores with their change, and the gaps closed and opened.
pub fn compare(bank: &QuestionBank, name: &str, before: &Assessment, after: &Assessment, locale: Locale) -> crate::Comparison {
    let (b, a) = (engine::evaluate(bank, before), engine::evaluate(bank, after));
    let points = |s: Option<engine::scoring::Score>| s.map(|s| s.points);
    let cell = |p: Option<u32>| p.map_or_else(|| "–".to_string(), |p| p.to_string());
    let change = |x: Option<u32>, y: Option<u32>| match (x, y) {
        (Some(x), Some(y)) if y > x => format!("+{}", y - x),
        (Some(x), Some(y)) if y < x => format!("−{}", x - y),
        (Some(_), Some(_)) => "0".to_string(),
        _ => "–".to_string(),
    };
    let f = Fmt { bank, eval: &a, locale };
    let mut rows = vec![(
        locale.t(Msg::ViewOverall).to_string(),
        cell(points(b.scores.overall)),
        cell(points(a.scores.overall)),
        change(points(b.scores.overall), points(a.scores.overall)),
    )];
    for (x, y) in b.scores.areas.iter().zip(&a.scores.areas) {
        let (p, q) = (points(x.current), points(y.current));
        rows.push((f.area(&y.area), cell(p), cell(q), change(p, q)));
    }
    let gaps = |e: &engine::Evaluation| e.actions.iter().map(|x| x.id.clone()).collect::<std::collections::BTreeSet<_>>();
    let (gb, ga) = (gaps(&b), gaps(&a));
    crate::Comparison {
        with: name.to_string(),
        rows,
        resolved: gb.difference(&ga).map(|id| f.question(id)).collect(),
        new_gaps: ga.difference(&gb).map(|id| f.question(id)).collect(),
    }
}
