//! The cost-of-violation model: expected yearly loss from the open gaps, the
//! investment to close them and the return on it. docs/cost-model.md states
//! the same formulas in words; keep the two in step.
//!
//! Every figure is a [`Range`]: computed once with every assumption at its
//! low setting, once at typical, once at high. Money is whole MOP,
//! probabilities are basis points, each product is rounded half away from
//! zero as it is formed (see [`crate::money`]).
//!
//! For one set of credits (current answers, the plan done, everything done):
//!
//! - **Regulatory** = Σ over open gaps g, over the Macau fine bands b the
//!   question exposes and the profile meets:
//!   `fine_b × counts × gap_share_g × p_enforcement`, where
//!   `gap_share = 100 % − credit`. Also shown without the probability
//!   ("if enforced"). GDPR tiers are caps, reported apart, never added.
//! - **Incident**: `P = 1 − (1 − baseline) × Π_q (1 − residual_q)` over
//!   scored questions with an incident level, where
//!   `residual_q = hazard_level × (1 − effectiveness × credit)`;
//!   loss = `P × incident_cost`.
//! - **Downtime**: the same probability over the questions marked
//!   `downtime` (a question without an incident level counts as low);
//!   loss = `P_downtime × days × employees × daily_cost`.
//! - **Management time** = `employees × manager_ratio × manager_cost ×
//!   claimed_share × gap_share`, where gap_share is
//!   `Σ weight × (100 − credit) / Σ weight × 100` over the scored
//!   management-time questions.
//! - **Total** = the sum of the four.

use serde::Serialize;

use crate::assessment::Profile;
use crate::content::Level;
use crate::costs::Costs;
use crate::explain::{Figure, Formula, Line, Range, Subject, Term, TermKey, Unit};
use crate::money::{mul, mul_bp, mul_ratio, payback, roi, Payback, Roi, BP};
use crate::scoring::{Credits, Item};

/// Expected yearly loss for one set of answers, by component.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Exposure {
    /// Macau fines if every exposed infringement were sanctioned.
    pub regulatory_if_enforced: Range,
    /// Expected fines: the above × probability of enforcement.
    pub regulatory: Range,
    /// Yearly probability of a serious incident (bp).
    pub incident_probability_bp: Range,
    pub incident: Range,
    /// Yearly probability of an incident that stops work (bp).
    pub downtime_probability_bp: Range,
    pub downtime: Range,
    pub management_time: Range,
    /// regulatory + incident + downtime + management time.
    pub total: Range,
}

/// The money and the return of a set of actions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Investment {
    /// Share of the effort of all open gaps that the set covers (bp).
    pub effort_share_bp: i64,
    /// Expected yearly loss avoided: total now − total after.
    pub avoided: Range,
    pub one_off: Range,
    pub yearly: Range,
    /// one-off + yearly.
    pub first_year_cost: Range,
    /// ROI on the first year's cost. `low` pairs the low avoided loss with
    /// the high cost (pessimistic), `high` the high avoided loss with the low
    /// cost (optimistic).
    pub roi: RoiRange,
    pub payback: PaybackRange,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RoiRange {
    pub low: Roi,
    pub typical: Roi,
    pub high: Roi,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PaybackRange {
    pub low: Payback,
    pub typical: Payback,
    pub high: Payback,
}

/// A GDPR maximum fine the open gaps could attract (not an expected value).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GdprCap {
    pub band: String,
    /// max(fixed, turnover share).
    pub cap_mop: i64,
    /// The fixed amount converted at `fx-mop-per-eur`.
    pub fixed_mop: i64,
    /// The share of turnover, from the profile's revenue; `None` when the
    /// revenue is unknown (the cap may then be higher than shown).
    pub turnover_mop: Option<i64>,
    /// Open gaps whose question names this band.
    pub questions: Vec<String>,
}

/// What the money model needs besides the credits.
pub(crate) struct Model<'a> {
    pub costs: &'a Costs,
    pub profile: &'a Profile,
    pub items: &'a [Item<'a>],
    /// Employees from the profile, or `employees-default`.
    pub employees: Range,
    /// `None` when from the profile.
    pub employees_source: Option<&'static str>,
}

fn gap_share_bp(credit: u32) -> i64 {
    i64::from(100 - credit.min(100)) * 100
}

fn hazard_id(level: Level) -> &'static str {
    match level {
        Level::Low => "incident-hazard-low",
        Level::Medium => "incident-hazard-medium",
        Level::High => "incident-hazard-high",
    }
}

impl Model<'_> {
    fn employees_term(&self) -> Term {
        Term { key: TermKey::Employees, unit: Unit::People, value: self.employees, source: self.employees_source.map(String::from) }
    }

    fn regulatory(&self, credits: &Credits, id: &str, figures: &mut Vec<Figure>) -> (Range, Range) {
        let p = self.costs.get("p-enforcement");
        let (mut if_enforced, mut expected) = (Range::ZERO, Range::ZERO);
        let mut lines = Vec::new();
        for (it, c) in self.items.iter().zip(credits) {
            let Some(c) = c else { continue };
            let share = gap_share_bp(*c);
            if share == 0 {
                continue;
            }
            for f in &it.question.exposes.fines {
                let Some(band) = self.costs.assumptions.get(&f.band).filter(|a| a.law.is_some()) else { continue };
                let subject = Subject::Band { question: it.question.id.clone(), band: f.band.clone() };
                if !self.profile.applies(band.applies) {
                    lines.push(Line { subject, terms: vec![Term::from(TermKey::ExcludedBandNotApplicable, Unit::Mop, Range::ZERO, &f.band)] });
                    continue;
                }
                let counts = i64::from(f.counts);
                let fine = band.value.map(|v| mul_bp(mul(v, counts), share));
                let exp = fine.zip(p, mul_bp);
                if_enforced = if_enforced.plus(fine);
                expected = expected.plus(exp);
                lines.push(Line {
                    subject,
                    terms: vec![
                        Term::from(TermKey::FinePerCount, Unit::Mop, band.value, &f.band),
                        Term::one(TermKey::Counts, Unit::Count, counts),
                        Term::one(TermKey::GapShare, Unit::Bp, share),
                        Term::new(TermKey::FineIfEnforced, Unit::Mop, fine),
                        Term::from(TermKey::EnforcementProbability, Unit::Bp, p, "p-enforcement"),
                        Term::new(TermKey::ExpectedFine, Unit::Mop, exp),
                    ],
                });
            }
        }
        lines.push(Line { subject: Subject::Whole, terms: vec![Term::new(TermKey::FineIfEnforced, Unit::Mop, if_enforced)] });
        figures.push(Figure {
            id: format!("{id}.regulatory"),
            formula: Formula::Regulatory,
            result: Term::new(TermKey::Regulatory, Unit::Mop, expected),
            lines,
        });
        (if_enforced, expected)
    }

    /// P = 1 − (1 − baseline) × Π (1 − residual) over the items `include`
    /// selects; returns P (bp) and the lines.
    fn probability(&self, credits: &Credits, include: impl Fn(&Item) -> Option<Level>) -> (Range, Vec<Line>) {
        let baseline = self.costs.get("incident-baseline");
        let effectiveness = self.costs.get("control-effectiveness");
        let mut survival = baseline.map(|b| BP - b);
        let mut lines = vec![Line {
            subject: Subject::Whole,
            terms: vec![Term::from(TermKey::BaselineProbability, Unit::Bp, baseline, "incident-baseline")],
        }];
        for (it, c) in self.items.iter().zip(credits) {
            let (Some(c), Some(level)) = (c, include(it)) else { continue };
            let hazard = self.costs.get(hazard_id(level));
            let reduction = effectiveness.map(|e| mul_bp(e, i64::from((*c).min(100)) * 100));
            let residual = hazard.zip(reduction, |h, r| mul_bp(h, BP - r));
            survival = survival.zip(residual, |s, r| mul_bp(s, BP - r));
            lines.push(Line {
                subject: Subject::Question(it.question.id.clone()),
                terms: vec![
                    Term::from(TermKey::Hazard, Unit::Bp, hazard, hazard_id(level)),
                    Term::one(TermKey::Credit, Unit::Percent, i64::from(*c)),
                    Term::from(TermKey::ControlEffectiveness, Unit::Bp, effectiveness, "control-effectiveness"),
                    Term::new(TermKey::ResidualHazard, Unit::Bp, residual),
                ],
            });
        }
        (survival.map(|s| BP - s), lines)
    }

    fn incident(&self, credits: &Credits, id: &str, figures: &mut Vec<Figure>) -> (Range, Range) {
        let (p, mut lines) = self.probability(credits, |it| it.question.exposes.incident);
        let cost = self.costs.get("incident-cost");
        let loss = cost.zip(p, mul_bp);
        lines.push(Line {
            subject: Subject::Whole,
            terms: vec![
                Term::new(TermKey::IncidentProbability, Unit::Bp, p),
                Term::from(TermKey::IncidentCost, Unit::Mop, cost, "incident-cost"),
                Term::new(TermKey::Incident, Unit::Mop, loss),
            ],
        });
        figures.push(Figure { id: format!("{id}.incident"), formula: Formula::Incident, result: Term::new(TermKey::Incident, Unit::Mop, loss), lines });
        (p, loss)
    }

    fn downtime(&self, credits: &Credits, id: &str, figures: &mut Vec<Figure>) -> (Range, Range) {
        let (p, mut lines) = self.probability(credits, |it| {
            let e = &it.question.exposes;
            e.downtime.then(|| e.incident.unwrap_or(Level::Low))
        });
        let days = self.costs.get("downtime-days");
        let daily = self.costs.get("daily-cost-per-employee");
        let base = days.zip(self.employees, mul).zip(daily, mul);
        let loss = base.zip(p, mul_bp);
        lines.push(Line {
            subject: Subject::Whole,
            terms: vec![
                Term::new(TermKey::DowntimeProbability, Unit::Bp, p),
                Term::from(TermKey::DowntimeDays, Unit::Days, days, "downtime-days"),
                self.employees_term(),
                Term::from(TermKey::DailyCostPerEmployee, Unit::Mop, daily, "daily-cost-per-employee"),
                Term::new(TermKey::Downtime, Unit::Mop, loss),
            ],
        });
        figures.push(Figure { id: format!("{id}.downtime"), formula: Formula::Downtime, result: Term::new(TermKey::Downtime, Unit::Mop, loss), lines });
        (p, loss)
    }

    fn management_time(&self, credits: &Credits, id: &str, figures: &mut Vec<Figure>) -> Range {
        let (mut gap, mut all) = (0i64, 0i64);
        let mut lines = Vec::new();
        for (it, c) in self.items.iter().zip(credits) {
            let Some(c) = c else { continue };
            if !it.question.exposes.management_time {
                continue;
            }
            let w = i64::from(it.question.weight);
            gap += w * i64::from(100 - (*c).min(100));
            all += w * 100;
            lines.push(Line {
                subject: Subject::Question(it.question.id.clone()),
                terms: vec![Term::one(TermKey::Weight, Unit::Weight, w), Term::one(TermKey::Credit, Unit::Percent, i64::from(*c))],
            });
        }
        let gap_share = mul_ratio(gap, BP, all).unwrap_or(0);
        let ratio = self.costs.get("manager-ratio");
        let managers = self.employees.zip(ratio, mul_bp);
        let cost = self.costs.get("manager-yearly-cost");
        let share = self.costs.get("management-time-share");
        let loss = managers.zip(cost, mul).zip(share, mul_bp).map(|v| mul_bp(v, gap_share));
        lines.push(Line {
            subject: Subject::Whole,
            terms: vec![
                self.employees_term(),
                Term::from(TermKey::ManagerRatio, Unit::Bp, ratio, "manager-ratio"),
                Term::new(TermKey::Managers, Unit::People, managers),
                Term::from(TermKey::ManagerYearlyCost, Unit::Mop, cost, "manager-yearly-cost"),
                Term::from(TermKey::ManagementTimeShare, Unit::Bp, share, "management-time-share"),
                Term::one(TermKey::ManagementGapShare, Unit::Bp, gap_share),
                Term::new(TermKey::ManagementTime, Unit::Mop, loss),
            ],
        });
        figures.push(Figure {
            id: format!("{id}.management-time"),
            formula: Formula::ManagementTime,
            result: Term::new(TermKey::ManagementTime, Unit::Mop, loss),
            lines,
        });
        loss
    }

    /// The expected yearly loss for these credits; explain figures are
    /// pushed with ids `<id>.regulatory`, `.incident`, `.downtime`,
    /// `.management-time`, `.total`.
    pub fn exposure(&self, credits: &Credits, id: &str, figures: &mut Vec<Figure>) -> Exposure {
        let (regulatory_if_enforced, regulatory) = self.regulatory(credits, id, figures);
        let (incident_probability_bp, incident) = self.incident(credits, id, figures);
        let (downtime_probability_bp, downtime) = self.downtime(credits, id, figures);
        let management_time = self.management_time(credits, id, figures);
        let total = regulatory.plus(incident).plus(downtime).plus(management_time);
        figures.push(Figure {
            id: format!("{id}.total"),
            formula: Formula::Total,
            result: Term::new(TermKey::ExpectedLoss, Unit::Mop, total),
            lines: vec![Line {
                subject: Subject::Whole,
                terms: vec![
                    Term::new(TermKey::Regulatory, Unit::Mop, regulatory),
                    Term::new(TermKey::Incident, Unit::Mop, incident),
                    Term::new(TermKey::Downtime, Unit::Mop, downtime),
                    Term::new(TermKey::ManagementTime, Unit::Mop, management_time),
                ],
            }],
        });
        Exposure {
            regulatory_if_enforced,
            regulatory,
            incident_probability_bp,
            incident,
            downtime_probability_bp,
            downtime,
            management_time,
            total,
        }
    }

    /// The exposure without explanations (for per-action what-ifs).
    pub fn exposure_quiet(&self, credits: &Credits) -> Exposure {
        self.exposure(credits, "", &mut Vec::new())
    }

    /// Effort units of an item's remediation (`effort-s|m|l`, typical).
    pub fn effort_units(&self, it: &Item) -> i64 {
        let id = match it.question.remediation.effort {
            crate::content::Effort::S => "effort-s",
            crate::content::Effort::M => "effort-m",
            crate::content::Effort::L => "effort-l",
        };
        self.costs.get(id).typical.max(1)
    }

    /// The investment in the gaps for which `fixed` holds and its return,
    /// given the exposure before and after. Explain ids `<id>.investment`,
    /// `<id>.roi`, `<id>.payback`.
    pub fn investment(&self, fixed: impl Fn(&Item) -> bool, before: &Exposure, after: &Exposure, id: &str, figures: &mut Vec<Figure>) -> Investment {
        let (mut all_units, mut fixed_units) = (0i64, 0i64);
        for it in self.items.iter().filter(|it| it.gap()) {
            let u = self.effort_units(it);
            all_units += u;
            if fixed(it) {
                fixed_units += u;
            }
        }
        let effort_share_bp = mul_ratio(BP, fixed_units, all_units).unwrap_or(0);
        let share = |v: i64| mul_ratio(v, fixed_units, all_units).unwrap_or(0);
        let one_off_full = self.costs.get("remediation-one-off");
        let per_employee = self.costs.get("remediation-yearly-per-employee");
        let one_off = one_off_full.map(share);
        let yearly = self.employees.zip(per_employee, mul).map(share);
        let first_year_cost = one_off.plus(yearly);
        let avoided = before.total.minus(after.total);
        let roi = RoiRange {
            low: roi(avoided.low, first_year_cost.high),
            typical: roi(avoided.typical, first_year_cost.typical),
            high: roi(avoided.high, first_year_cost.low),
        };
        let payback = PaybackRange {
            low: payback(avoided.low, one_off.high, yearly.high),
            typical: payback(avoided.typical, one_off.typical, yearly.typical),
            high: payback(avoided.high, one_off.low, yearly.low),
        };
        let roi_bp = |r: Roi| match r {
            Roi::Defined { bp } => bp,
            Roi::Undefined => 0,
        };
        let months = |p: Payback| match p {
            Payback::Months { months } => months,
            Payback::Never | Payback::NoInvestment => 0,
        };
        let cost_terms = vec![
            Term::one(TermKey::EffortShare, Unit::Bp, effort_share_bp),
            Term::from(TermKey::OneOffCost, Unit::Mop, one_off_full, "remediation-one-off"),
            Term::from(TermKey::YearlyCostPerEmployee, Unit::Mop, per_employee, "remediation-yearly-per-employee"),
            self.employees_term(),
            Term::new(TermKey::OneOffCost, Unit::Mop, one_off),
            Term::new(TermKey::YearlyCost, Unit::Mop, yearly),
        ];
        figures.push(Figure {
            id: format!("{id}.investment"),
            formula: Formula::Investment,
            result: Term::new(TermKey::FirstYearCost, Unit::Mop, first_year_cost),
            lines: vec![Line { subject: Subject::Whole, terms: cost_terms }],
        });
        figures.push(Figure {
            id: format!("{id}.roi"),
            formula: Formula::Roi,
            result: Term::new(TermKey::Roi, Unit::Bp, Range { low: roi_bp(roi.low), typical: roi_bp(roi.typical), high: roi_bp(roi.high) }),
            lines: vec![Line {
                subject: Subject::Whole,
                terms: vec![
                    Term::new(TermKey::ExpectedLoss, Unit::Mop, before.total),
                    Term::new(TermKey::ExpectedLossAfter, Unit::Mop, after.total),
                    Term::new(TermKey::AvoidedLoss, Unit::Mop, avoided),
                    Term::new(TermKey::FirstYearCost, Unit::Mop, first_year_cost),
                ],
            }],
        });
        figures.push(Figure {
            id: format!("{id}.payback"),
            formula: Formula::Payback,
            result: Term::new(
                TermKey::PaybackMonths,
                Unit::Months,
                Range { low: months(payback.low), typical: months(payback.typical), high: months(payback.high) },
            ),
            lines: vec![Line {
                subject: Subject::Whole,
                terms: vec![
                    Term::new(TermKey::AvoidedLoss, Unit::Mop, avoided),
                    Term::new(TermKey::OneOffCost, Unit::Mop, one_off),
                    Term::new(TermKey::YearlyCost, Unit::Mop, yearly),
                ],
            }],
        });
        Investment { effort_share_bp, avoided, one_off, yearly, first_year_cost, roi, payback }
    }

    /// GDPR caps for the open gaps (only when the profile serves the EU).
    pub fn gdpr_caps(&self, credits: &Credits) -> Vec<GdprCap> {
        let fx = self.costs.get("fx-mop-per-eur").typical;
        let mut caps = Vec::new();
        for (band, cap) in &self.costs.caps {
            if !self.profile.applies(cap.applies) {
                continue;
            }
            let questions: Vec<String> = self
                .items
                .iter()
                .zip(credits)
                .filter(|(it, c)| c.is_some_and(|c| c < 100) && it.question.exposes.fines.iter().any(|f| &f.band == band))
                .map(|(it, _)| it.question.id.clone())
                .collect();
            if questions.is_empty() {
                continue;
            }
            let fixed_mop = mul_ratio(cap.cap_eur, fx, BP).unwrap_or(0);
            let turnover_mop = self.profile.revenue_mop.map(|r| mul_bp(r, cap.cap_turnover_bp));
            let cap_mop = fixed_mop.max(turnover_mop.unwrap_or(0));
            caps.push(GdprCap { band: band.clone(), cap_mop, fixed_mop, turnover_mop, questions });
        }
        caps
    }
}
