//! "How this was computed": the terms behind every score and money figure, as
//! plain serialisable data that the app and the PDF both render.
//!
//! Terms hold ids (question, area, assumption) and integers with a unit; they
//! carry no text and no formatting. Renderers localise `key` (a fixed set of
//! kebab-case names, see [`TermKey`]), look ids up in the bank and the
//! assumptions table, and format values by `unit`.

use serde::{Deserialize, Serialize};

/// A value computed three times: with every assumption at its low, typical
/// and high setting. Figures that depend on no assumption have three equal
/// values. `low`/`high` name the assumption column used, so for a difference
/// (an avoided loss, an ROI) they are not guaranteed to be ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub low: i64,
    pub typical: i64,
    pub high: i64,
}

impl Range {
    pub const ZERO: Range = Range { low: 0, typical: 0, high: 0 };

    pub const fn single(value: i64) -> Range {
        Range { low: value, typical: value, high: value }
    }

    pub fn map(self, f: impl Fn(i64) -> i64) -> Range {
        Range { low: f(self.low), typical: f(self.typical), high: f(self.high) }
    }

    pub fn zip(self, other: Range, f: impl Fn(i64, i64) -> i64) -> Range {
        Range { low: f(self.low, other.low), typical: f(self.typical, other.typical), high: f(self.high, other.high) }
    }

    /// Componentwise sum, saturating (never reached with validated inputs).
    pub fn plus(self, other: Range) -> Range {
        self.zip(other, i64::saturating_add)
    }

    pub fn minus(self, other: Range) -> Range {
        self.zip(other, i64::saturating_sub)
    }
}

/// What a term's value measures; renderers format by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Whole patacas.
    Mop,
    /// Basis points: 10,000 = 100 %.
    Bp,
    /// A score in hundredths of a point (0..=10,000 for 0..=100).
    ScoreBp,
    /// A score in whole points, 0..=100.
    Points,
    /// A credit percentage, 0..=100.
    Percent,
    /// A question weight, 1..=5.
    Weight,
    /// A plain count (infringements, questions).
    Count,
    Days,
    People,
    Months,
    /// Relative effort of an action.
    EffortUnits,
    /// An exchange rate: MOP per one foreign unit × 10,000.
    FxX10000,
}

/// The name of a term (localised by the renderers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermKey {
    // Scores.
    Weight,
    Credit,
    /// weight × credit.
    Earned,
    /// weight × 100.
    Possible,
    Score,
    DontKnow,
    ExcludedNotApplicable,
    ExcludedConditionNotMet,
    ExcludedUnanswered,
    ExcludedInvalidAnswer,
    // Regulatory.
    FinePerCount,
    Counts,
    /// Share of the gap still open: 100 % − credit.
    GapShare,
    FineIfEnforced,
    EnforcementProbability,
    ExpectedFine,
    ExcludedBandNotApplicable,
    // Incidents.
    BaselineProbability,
    Hazard,
    ControlEffectiveness,
    ResidualHazard,
    IncidentProbability,
    IncidentCost,
    DowntimeProbability,
    DowntimeDays,
    Employees,
    DailyCostPerEmployee,
    // Management time.
    ManagerRatio,
    Managers,
    ManagerYearlyCost,
    ManagementTimeShare,
    ManagementGapShare,
    // Totals, investment, ROI.
    Regulatory,
    Incident,
    Downtime,
    ManagementTime,
    ExpectedLoss,
    ExpectedLossAfter,
    AvoidedLoss,
    EffortShare,
    OneOffCost,
    YearlyCostPerEmployee,
    YearlyCost,
    FirstYearCost,
    Roi,
    PaybackMonths,
}

/// One named number. `source` is the id of the assumption it came from (its
/// source text is in [`crate::costs::Assumption::source`]), if any.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Term {
    pub key: TermKey,
    pub unit: Unit,
    pub value: Range,
    pub source: Option<String>,
}

impl Term {
    pub fn new(key: TermKey, unit: Unit, value: Range) -> Term {
        Term { key, unit, value, source: None }
    }

    pub fn one(key: TermKey, unit: Unit, value: i64) -> Term {
        Term::new(key, unit, Range::single(value))
    }

    pub fn from(key: TermKey, unit: Unit, value: Range, source: &str) -> Term {
        Term { key, unit, value, source: Some(source.to_string()) }
    }
}

/// What a line is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Subject {
    Question(String),
    Area(String),
    /// A fine band of `content/costs.toml`, for one question.
    Band { question: String, band: String },
    /// The figure as a whole (totals, constants).
    Whole,
}

/// A row of the "how this was computed" table: a subject and its terms, the
/// last of which is usually that row's result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Line {
    pub subject: Subject,
    pub terms: Vec<Term>,
}

/// Which formula of docs/cost-model.md produced a figure (localised by the
/// renderers as the sentence above the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Formula {
    /// score = round(Σ weight × credit / Σ weight × 100 × 100).
    WeightedScore,
    /// Σ fine per count × counts × gap share × enforcement probability.
    Regulatory,
    /// P × incident cost, P = 1 − (1 − baseline) × Π (1 − residual hazard).
    Incident,
    /// P(downtime) × days × employees × daily cost.
    Downtime,
    /// employees × manager ratio × manager cost × claimed share × gap share.
    ManagementTime,
    /// regulatory + incident + downtime + management time.
    Total,
    /// share of effort × (one-off + employees × yearly per employee).
    Investment,
    /// (avoided − cost) / cost.
    Roi,
    /// one-off ÷ ((avoided − yearly) ÷ 12), rounded up.
    Payback,
}

/// One explained figure. `id` is stable: `score.overall`,
/// `score.area.<area>`, `money.<scenario>.<part>` (see docs/cost-model.md).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub id: String,
    pub formula: Formula,
    pub result: Term,
    pub lines: Vec<Line>,
}
