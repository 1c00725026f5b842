//! The cost tables and default assumptions of `content/costs.toml`, parsed
//! from [`QuestionBank::costs`](crate::content::QuestionBank) into typed
//! rows, then combined with the visitor's overrides.
//!
//! Every number the money model uses is an [`Assumption`] with an id, a unit,
//! a low/typical/high setting, a source text (in the three languages) and
//! the kind of that source.
//! Fine bands are assumptions too (unit MOP per count), keyed exactly as the
//! questions' `exposes.fines[].band`; GDPR tiers are [`Cap`]s, kept apart
//! because they are maxima, not expected values.

use std::collections::BTreeMap;

use i18n::Text;
use serde::{Deserialize, Serialize};

use crate::content::Condition;
use crate::explain::{Range, Unit};

/// Fine bands the model requires (content uses these keys).
pub const FINE_BANDS: [&str; 6] = ["pdpa-33-1", "pdpa-33-2", "pdpa-32-notify", "pdpa-32-authorisation", "csl-minor", "csl-major"];
/// GDPR caps the model requires.
pub const CAPS: [&str; 2] = ["gdpr-83-4", "gdpr-83-5"];
/// Assumptions the model requires, with their unit.
pub const ASSUMPTIONS: [(&str, Unit); 20] = [
    ("p-enforcement", Unit::Bp),
    ("incident-baseline", Unit::Bp),
    ("incident-hazard-low", Unit::Bp),
    ("incident-hazard-medium", Unit::Bp),
    ("incident-hazard-high", Unit::Bp),
    ("control-effectiveness", Unit::Bp),
    ("incident-cost", Unit::Mop),
    ("downtime-days", Unit::Days),
    ("daily-cost-per-employee", Unit::Mop),
    ("employees-default", Unit::People),
    ("management-time-share", Unit::Bp),
    ("manager-ratio", Unit::Bp),
    ("manager-yearly-cost", Unit::Mop),
    ("remediation-one-off", Unit::Mop),
    ("remediation-yearly-per-employee", Unit::Mop),
    ("effort-s", Unit::EffortUnits),
    ("effort-m", Unit::EffortUnits),
    ("effort-l", Unit::EffortUnits),
    ("fx-mop-per-hkd", Unit::FxX10000),
    ("fx-mop-per-eur", Unit::FxX10000),
];

/// Upper bound for any MOP amount (10^12, as for revenue).
pub const MAX_MOP: i64 = 1_000_000_000_000;
/// Upper bound for employee counts.
pub const MAX_PEOPLE: i64 = 1_000_000;

/// What kind of source backs a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    /// The text of a law.
    Statute,
    /// Regulator enforcement statistics (historical, not predictive).
    Statistic,
    /// A published study or survey.
    Study,
    /// A claim of the seed marketing articles, unverified.
    VendorClaim,
    /// A round figure of this tool where no source exists.
    ToolAssumption,
}

/// One number of the model, as used (defaults plus overrides).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assumption {
    pub id: String,
    pub unit: Unit,
    /// The value in use.
    pub value: Range,
    /// The value of `content/costs.toml`.
    pub default: Range,
    /// Whether the visitor replaced the default.
    pub overridden: bool,
    /// Where the figure comes from, in every language (`content/costs.toml`).
    pub source: Text,
    pub source_kind: SourceKind,
    /// For fine bands: the provision, e.g. "Law 8/2005, Art. 33(2)".
    pub law: Option<String>,
    /// For fine bands: which companies they apply to.
    pub applies: Condition,
    /// For fine bands: V/S/R confidence of the facts file.
    pub confidence: Option<String>,
}

/// A maximum fine (GDPR Art. 83(4)/(5)): the higher of a fixed amount and a
/// share of worldwide turnover. Never an expected value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cap {
    pub id: String,
    pub law: String,
    pub applies: Condition,
    pub cap_eur: i64,
    pub cap_turnover_bp: i64,
    pub source: Text,
    pub source_kind: SourceKind,
    pub confidence: Option<String>,
}

/// All cost rows, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Costs {
    pub assumptions: BTreeMap<String, Assumption>,
    pub caps: BTreeMap<String, Cap>,
}

/// A visitor's override of an assumption, in the assumption's unit: one
/// figure (used for low, typical and high) or a full range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AssumptionValue {
    Single(i64),
    Range { low: i64, typical: i64, high: i64 },
}

impl AssumptionValue {
    pub fn range(self) -> Range {
        match self {
            AssumptionValue::Single(v) => Range::single(v),
            AssumptionValue::Range { low, typical, high } => Range { low, typical, high },
        }
    }
}

/// Why `content/costs.toml` could not be read. Names the row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CostsError {
    pub id: String,
    pub problem: CostsProblem,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CostsProblem {
    /// Not the expected shape (serde's message).
    Shape(String),
    Missing,
    WrongUnit { expected: Unit, found: Unit },
    /// Neither `value` nor `typical`, or a fine band without low/typical/high.
    NoValue,
    Invalid(AssumptionError),
}

/// Why an assumption value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AssumptionError {
    /// No assumption has this id.
    Unknown,
    /// Outside the unit's valid range (e.g. a probability above 100 %).
    OutOfRange { min: i64, max: i64 },
    /// `low <= typical <= high` does not hold.
    Unordered,
    /// NaN or infinite (from [`Assumption::parse_display`]).
    NotANumber,
}

/// The unit of a required assumption or fine band, without parsing the cost
/// tables (so the app can validate an override with the questionnaire-only
/// bank, whose `costs` text is stripped).
pub fn unit_of(id: &str) -> Option<Unit> {
    if FINE_BANDS.contains(&id) {
        return Some(Unit::Mop);
    }
    ASSUMPTIONS.iter().find(|(a, _)| *a == id).map(|(_, unit)| *unit)
}

/// Valid range of a value in each unit.
pub fn unit_bounds(unit: Unit) -> (i64, i64) {
    match unit {
        Unit::Mop => (0, MAX_MOP),
        Unit::Bp | Unit::ScoreBp => (0, 10_000),
        Unit::Days => (0, 366),
        Unit::People => (1, MAX_PEOPLE),
        Unit::EffortUnits => (1, 1_000),
        Unit::FxX10000 => (1, 100_000_000),
        Unit::Points | Unit::Percent => (0, 100),
        Unit::Weight => (1, 5),
        Unit::Count | Unit::Months => (0, MAX_PEOPLE),
    }
}

/// Checks a value for an assumption of this unit: every figure within the
/// unit's range, and `low <= typical <= high`.
pub fn check_value(unit: Unit, value: Range) -> Result<Range, AssumptionError> {
    let (min, max) = unit_bounds(unit);
    for v in [value.low, value.typical, value.high] {
        if v < min || v > max {
            return Err(AssumptionError::OutOfRange { min, max });
        }
    }
    if !(value.low <= value.typical && value.typical <= value.high) {
        return Err(AssumptionError::Unordered);
    }
    Ok(value)
}

impl Assumption {
    /// Converts a number as shown to the visitor into the stored unit:
    /// percentages (for `bp`) × 100, exchange rates × 10,000, other units
    /// as is; rounded half away from zero, then range-checked. NaN and
    /// infinities are refused, never clamped.
    pub fn parse_display(&self, shown: f64) -> Result<i64, AssumptionError> {
        if !shown.is_finite() {
            return Err(AssumptionError::NotANumber);
        }
        let scale = match self.unit {
            Unit::Bp => 100.0,
            Unit::FxX10000 => 10_000.0,
            _ => 1.0,
        };
        let (min, max) = unit_bounds(self.unit);
        let scaled = (shown * scale).round(); // f64::round is half away from zero
        if scaled < min as f64 || scaled > max as f64 {
            return Err(AssumptionError::OutOfRange { min, max });
        }
        Ok(scaled as i64)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCosts {
    #[serde(default)]
    fine: BTreeMap<String, RawFine>,
    #[serde(default)]
    assumption: BTreeMap<String, RawAssumption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFine {
    law: String,
    #[serde(default)]
    applies: Condition,
    low: Option<i64>,
    typical: Option<i64>,
    high: Option<i64>,
    cap_eur: Option<i64>,
    cap_turnover_bp: Option<i64>,
    source: Text,
    source_kind: SourceKind,
    confidence: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAssumption {
    unit: Unit,
    value: Option<i64>,
    low: Option<i64>,
    typical: Option<i64>,
    high: Option<i64>,
    source: Text,
    source_kind: SourceKind,
}

fn err(id: &str, problem: CostsProblem) -> CostsError {
    CostsError { id: id.to_string(), problem }
}

impl Costs {
    /// Parses and checks the cost tables: every required row is present with
    /// its unit, every value is within its unit's range and ordered.
    /// `json` is the JSON text of `content/costs.toml` (`QuestionBank::costs`).
    pub fn parse(json: &str) -> Result<Costs, CostsError> {
        let raw: RawCosts = serde_json::from_str(json).map_err(|e| err("costs", CostsProblem::Shape(e.to_string())))?;
        let mut assumptions = BTreeMap::new();
        let mut caps = BTreeMap::new();
        for (id, f) in raw.fine {
            if let (Some(cap_eur), Some(cap_turnover_bp)) = (f.cap_eur, f.cap_turnover_bp) {
                check_value(Unit::Mop, Range::single(cap_eur)).map_err(|e| err(&id, CostsProblem::Invalid(e)))?;
                check_value(Unit::Bp, Range::single(cap_turnover_bp)).map_err(|e| err(&id, CostsProblem::Invalid(e)))?;
                let cap = Cap {
                    id: id.clone(),
                    law: f.law,
                    applies: f.applies,
                    cap_eur,
                    cap_turnover_bp,
                    source: f.source,
                    source_kind: f.source_kind,
                    confidence: f.confidence,
                };
                caps.insert(id, cap);
                continue;
            }
            let (Some(low), Some(high)) = (f.low, f.high) else { return Err(err(&id, CostsProblem::NoValue)) };
            let value = Range { low, typical: f.typical.unwrap_or(low), high };
            check_value(Unit::Mop, value).map_err(|e| err(&id, CostsProblem::Invalid(e)))?;
            let a = Assumption {
                id: id.clone(),
                unit: Unit::Mop,
                value,
                default: value,
                overridden: false,
                source: f.source,
                source_kind: f.source_kind,
                law: Some(f.law),
                applies: f.applies,
                confidence: f.confidence,
            };
            assumptions.insert(id, a);
        }
        for (id, r) in raw.assumption {
            let typical = r.typical.or(r.value).ok_or_else(|| err(&id, CostsProblem::NoValue))?;
            let value = Range { low: r.low.unwrap_or(typical), typical, high: r.high.unwrap_or(typical) };
            check_value(r.unit, value).map_err(|e| err(&id, CostsProblem::Invalid(e)))?;
            let a = Assumption {
                id: id.clone(),
                unit: r.unit,
                value,
                default: value,
                overridden: false,
                source: r.source,
                source_kind: r.source_kind,
                law: None,
                applies: Condition::Always,
                confidence: None,
            };
            assumptions.insert(id, a);
        }
        for id in FINE_BANDS {
            let a = assumptions.get(id).ok_or_else(|| err(id, CostsProblem::Missing))?;
            if a.law.is_none() {
                return Err(err(id, CostsProblem::WrongUnit { expected: Unit::Mop, found: a.unit }));
            }
        }
        for id in CAPS {
            caps.get(id).ok_or_else(|| err(id, CostsProblem::Missing))?;
        }
        for (id, unit) in ASSUMPTIONS {
            let a = assumptions.get(id).ok_or_else(|| err(id, CostsProblem::Missing))?;
            if a.unit != unit {
                return Err(err(id, CostsProblem::WrongUnit { expected: unit, found: a.unit }));
            }
        }
        Ok(Costs { assumptions, caps })
    }

    /// Checks an override for assumption `id` (a fine band or an assumption).
    pub fn validate(&self, id: &str, value: AssumptionValue) -> Result<AssumptionValue, AssumptionError> {
        let a = self.assumptions.get(id).ok_or(AssumptionError::Unknown)?;
        check_value(a.unit, value.range())?;
        Ok(value)
    }

    /// The tables with the valid overrides applied; invalid ones are left
    /// out and returned with their error (the caller reports them).
    pub fn with_overrides(&self, overrides: &BTreeMap<String, AssumptionValue>) -> (Costs, Vec<(String, AssumptionError)>) {
        let mut costs = self.clone();
        let mut rejected = Vec::new();
        for (id, value) in overrides {
            match self.validate(id, *value) {
                Ok(v) => {
                    if let Some(a) = costs.assumptions.get_mut(id) {
                        a.value = v.range();
                        a.overridden = a.value != a.default;
                    }
                }
                Err(e) => rejected.push((id.clone(), e)),
            }
        }
        (costs, rejected)
    }

    /// The value in use of a required assumption (all of [`ASSUMPTIONS`] and
    /// [`FINE_BANDS`] exist after [`Costs::parse`]).
    pub fn get(&self, id: &str) -> Range {
        self.assumptions.get(id).map_or(Range::ZERO, |a| a.value)
    }
}
