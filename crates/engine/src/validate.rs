//! Parsing at the edge: answers, profile figures, plan fields. Every refusal
//! is a typed error naming the field; nothing is clamped and nothing panics.

use serde::{Deserialize, Serialize};

use crate::assessment::{Answer, Profile};
use crate::content::{Kind, Question};
use crate::costs::{MAX_MOP, MAX_PEOPLE};

/// Why an answer does not fit its question.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum AnswerError {
    /// E.g. a number for a Yes/Partly/No question.
    WrongKind { question: String },
    NotApplicableNotAllowed { question: String },
    /// NaN or infinite.
    NotANumber { question: String },
    OutOfRange { question: String, min: f64, max: f64 },
    TooManyDecimals { question: String, decimals: u32 },
    UnknownOption { question: String, option: String },
}

/// Checks an answer against its question: the kind matches, numbers are
/// finite, within `min..=max` and have at most `decimals` decimals, choices
/// exist, Not applicable is allowed. Returns the answer unchanged.
pub fn validate_answer(question: &Question, answer: Answer) -> Result<Answer, AnswerError> {
    let q = || question.id.clone();
    match (&answer, &question.kind) {
        (Answer::DontKnow, _) => Ok(answer),
        (Answer::NotApplicable, _) if question.allow_na => Ok(answer),
        (Answer::NotApplicable, _) => Err(AnswerError::NotApplicableNotAllowed { question: q() }),
        (Answer::Yes | Answer::Partly | Answer::No, Kind::Status) => Ok(answer),
        (Answer::Number(v), Kind::Number { min, max, decimals, .. }) => {
            if !v.is_finite() {
                return Err(AnswerError::NotANumber { question: q() });
            }
            if v < min || v > max {
                return Err(AnswerError::OutOfRange { question: q(), min: *min, max: *max });
            }
            let scale = 10f64.powi((*decimals).min(9) as i32);
            let scaled = v * scale;
            if (scaled - scaled.round()).abs() > 1e-6 * scale.max(1.0) {
                return Err(AnswerError::TooManyDecimals { question: q(), decimals: *decimals });
            }
            Ok(answer)
        }
        (Answer::Choice(id), Kind::Choice { options }) => {
            if options.iter().any(|o| &o.id == id) {
                Ok(answer)
            } else {
                Err(AnswerError::UnknownOption { question: q(), option: id.clone() })
            }
        }
        _ => Err(AnswerError::WrongKind { question: q() }),
    }
}

/// A profile field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProfileField {
    Employees,
    RevenueMop,
}

/// Why a profile figure was refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum FieldError {
    NotANumber { field: ProfileField },
    Negative { field: ProfileField },
    NotWhole { field: ProfileField },
    /// Zero employees, more than 1,000,000 employees, revenue above MOP 10^12.
    OutOfRange { field: ProfileField, min: i64, max: i64 },
}

fn whole(field: ProfileField, value: f64, min: i64, max: i64) -> Result<i64, FieldError> {
    if !value.is_finite() {
        return Err(FieldError::NotANumber { field });
    }
    if value < 0.0 {
        return Err(FieldError::Negative { field });
    }
    if value.fract() != 0.0 {
        return Err(FieldError::NotWhole { field });
    }
    if value < min as f64 || value > max as f64 {
        return Err(FieldError::OutOfRange { field, min, max });
    }
    Ok(value as i64)
}

/// Number of employees as typed: a whole number, 1..=1,000,000.
pub fn parse_employees(value: f64) -> Result<u32, FieldError> {
    whole(ProfileField::Employees, value, 1, MAX_PEOPLE).map(|v| v as u32)
}

/// Annual revenue in whole MOP as typed: 0..=10^12.
pub fn parse_revenue(value: f64) -> Result<i64, FieldError> {
    whole(ProfileField::RevenueMop, value, 0, MAX_MOP)
}

/// Checks a profile's figures (for profiles loaded from saved data).
pub fn validate_profile(profile: &Profile) -> Result<(), FieldError> {
    if let Some(e) = profile.employees {
        parse_employees(f64::from(e))?;
    }
    if let Some(r) = profile.revenue_mop {
        if r < 0 {
            return Err(FieldError::Negative { field: ProfileField::RevenueMop });
        }
        if r > MAX_MOP {
            return Err(FieldError::OutOfRange { field: ProfileField::RevenueMop, min: 0, max: MAX_MOP });
        }
    }
    Ok(())
}

/// Why a plan field was refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PlanFieldError {
    /// Not a real calendar date written YYYY-MM-DD.
    BadDate { value: String },
    /// Owner text above 200 characters.
    TooLong { max: usize },
}

/// Longest owner text accepted.
pub const MAX_OWNER_CHARS: usize = 200;

/// Checks a due date: `YYYY-MM-DD`, a real Gregorian date, years 2000..=2999.
pub fn validate_due_date(value: &str) -> Result<String, PlanFieldError> {
    let bad = || PlanFieldError::BadDate { value: value.to_string() };
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(bad());
    }
    let num = |s: &str| s.bytes().all(|c| c.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten();
    let (Some(y), Some(m), Some(d)) = (num(&value[0..4]), num(&value[5..7]), num(&value[8..10])) else { return Err(bad()) };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(bad()),
    };
    if !(2000..=2999).contains(&y) || d == 0 || d > days {
        return Err(bad());
    }
    Ok(value.to_string())
}

/// Checks owner text: trimmed, at most [`MAX_OWNER_CHARS`] characters.
pub fn validate_owner(value: &str) -> Result<String, PlanFieldError> {
    let t = value.trim();
    if t.chars().count() > MAX_OWNER_CHARS {
        return Err(PlanFieldError::TooLong { max: MAX_OWNER_CHARS });
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_must_be_real() {
        assert!(validate_due_date("2027-02-28").is_ok());
        assert!(validate_due_date("2028-02-29").is_ok());
        assert!(validate_due_date("2027-02-29").is_err());
        assert!(validate_due_date("2027-13-01").is_err());
        assert!(validate_due_date("27-01-01").is_err());
        assert!(validate_due_date("2027-1-011").is_err());
        assert!(validate_due_date("２０２７-01-01").is_err());
    }

    #[test]
    fn profile_figures_are_refused_not_clamped() {
        assert_eq!(parse_employees(300.0), Ok(300));
        assert_eq!(parse_employees(f64::NAN), Err(FieldError::NotANumber { field: ProfileField::Employees }));
        assert_eq!(parse_employees(-1.0), Err(FieldError::Negative { field: ProfileField::Employees }));
        assert!(matches!(parse_employees(1_000_001.0), Err(FieldError::OutOfRange { .. })));
        assert!(matches!(parse_employees(0.0), Err(FieldError::OutOfRange { .. })));
        assert!(matches!(parse_employees(2.5), Err(FieldError::NotWhole { .. })));
        assert!(matches!(parse_revenue(1e13), Err(FieldError::OutOfRange { field: ProfileField::RevenueMop, .. })));
        assert!(matches!(parse_revenue(f64::INFINITY), Err(FieldError::NotANumber { .. })));
    }
}
