//! Integer money and rate arithmetic.
//!
//! Money is `i64` whole patacas (MOP); rates and probabilities are `i64`
//! basis points (10,000 = 100 %). Every product is rounded **half away from
//! zero** as soon as it is formed (`mul_bp`, `div_round`), so each step of a
//! formula can be reproduced by hand from the explain terms. Intermediate
//! products use `i128`, so they cannot overflow for validated inputs (amounts
//! up to 10^12, rates up to 10^4); results saturate at the `i64` bounds.

/// 100 % in basis points.
pub const BP: i64 = 10_000;

/// `num / den` rounded half away from zero. `den` must be positive.
pub fn div_round(num: i128, den: i128) -> i128 {
    debug_assert!(den > 0);
    let q = num / den;
    let r = num % den;
    if 2 * r.abs() >= den { q + num.signum() } else { q }
}

fn saturate(v: i128) -> i64 {
    v.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
}

/// `amount × bp / 10,000`, rounded half away from zero.
pub fn mul_bp(amount: i64, bp: i64) -> i64 {
    saturate(div_round(i128::from(amount) * i128::from(bp), i128::from(BP)))
}

/// `a × b`, saturating.
pub fn mul(a: i64, b: i64) -> i64 {
    saturate(i128::from(a) * i128::from(b))
}

/// `amount × num / den` rounded half away from zero; `None` when `den <= 0`.
pub fn mul_ratio(amount: i64, num: i64, den: i64) -> Option<i64> {
    (den > 0).then(|| saturate(div_round(i128::from(amount) * i128::from(num), i128::from(den))))
}

/// Converts MOP to HKD for display: `mop × 10,000 / mop_per_hkd_x10000`,
/// rounded half away from zero (default peg 10,300: HK$1 = MOP 1.03).
/// `None` for a non-positive rate.
pub fn mop_to_hkd(mop: i64, mop_per_hkd_x10000: i64) -> Option<i64> {
    mul_ratio(mop, BP, mop_per_hkd_x10000)
}

/// Return on investment, in basis points of the cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Roi {
    /// `(avoided − cost) / cost` in basis points (30,000 = 300 %).
    Defined { bp: i64 },
    /// The cost is zero: the ratio is undefined (nothing to invest).
    Undefined,
}

/// ROI = (avoided loss − cost) / cost, in basis points, rounded half away
/// from zero. A zero (or negative, impossible after validation) cost gives
/// [`Roi::Undefined`], never a division by zero.
pub fn roi(avoided: i64, cost: i64) -> Roi {
    match mul_ratio(avoided.saturating_sub(cost), BP, cost) {
        Some(bp) => Roi::Defined { bp },
        None => Roi::Undefined,
    }
}

/// How long the one-off cost takes to be repaid by the yearly net benefit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Payback {
    /// Whole months, rounded up.
    Months { months: i64 },
    /// The yearly avoided loss does not exceed the yearly cost.
    Never,
    /// Nothing to invest (no one-off and no yearly cost).
    NoInvestment,
}

/// Payback = one-off ÷ ((avoided − yearly) ÷ 12), rounded **up** to whole
/// months; 0 months when there is no one-off cost but a positive net benefit.
pub fn payback(avoided_yearly: i64, one_off: i64, yearly: i64) -> Payback {
    if one_off <= 0 && yearly <= 0 {
        return Payback::NoInvestment;
    }
    let net = i128::from(avoided_yearly) - i128::from(yearly);
    if net <= 0 {
        return Payback::Never;
    }
    let num = i128::from(one_off.max(0)) * 12;
    let months = (num + net - 1) / net;
    Payback::Months { months: saturate(months) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(-15, 10), -2);
        assert_eq!(mul_bp(4000, 1000), 400);
        assert_eq!(mul_bp(1, 5000), 1);
        assert_eq!(mul_bp(1, 4999), 0);
    }

    #[test]
    fn seed_worked_example_gives_300_percent() {
        // 300 employees; MOP 120,000 a year against MOP 120,000 of fines plus
        // MOP 360,000 of productivity loss avoided.
        assert_eq!(roi(120_000 + 360_000, 120_000), Roi::Defined { bp: 30_000 });
        assert_eq!(roi(480_000, 0), Roi::Undefined);
    }

    #[test]
    fn payback_rounds_up_and_handles_edges() {
        assert_eq!(payback(240_000, 100_000, 120_000), Payback::Months { months: 10 });
        assert_eq!(payback(120_000, 100_000, 120_000), Payback::Never);
        assert_eq!(payback(1, 0, 0), Payback::NoInvestment);
        assert_eq!(payback(480_000, 0, 120_000), Payback::Months { months: 0 });
    }

    #[test]
    fn hkd_display_uses_the_peg() {
        assert_eq!(mop_to_hkd(103_000, 10_300), Some(100_000));
        assert_eq!(mop_to_hkd(1, 0), None);
    }
}
