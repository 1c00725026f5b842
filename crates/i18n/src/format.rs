//! Locale-correct number formatting and lenient parsing of typed numbers.
//!
//! Decisions (see ARCHITECTURE.md): English and Traditional Chinese group with
//! `,` and use `.` for decimals; European Portuguese groups with a no-break
//! space and uses `,` for decimals (`1 234,5`).

use crate::Locale;

const NBSP: char = '\u{a0}';

fn separators(locale: Locale) -> (char, char) {
    match locale {
        Locale::En | Locale::ZhHant => (',', '.'),
        Locale::Pt => (NBSP, ','),
    }
}

fn group(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `1234567` → `1,234,567` (en, zh-Hant) or `1 234 567` (pt).
pub fn format_integer(value: i64, locale: Locale) -> String {
    let (grouping, _) = separators(locale);
    let digits = value.unsigned_abs().to_string();
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", group(&digits, grouping))
}

/// A fixed-point number: `units / 10^scale`, e.g. `(12345, 2)` → `123.45`.
pub fn format_decimal(units: i64, scale: u32, locale: Locale) -> String {
    if scale == 0 {
        return format_integer(units, locale);
    }
    let (grouping, decimal) = separators(locale);
    let pow = 10u64.pow(scale);
    let abs = units.unsigned_abs();
    let sign = if units < 0 { "-" } else { "" };
    let int = (abs / pow).to_string();
    let frac = format!("{:0width$}", abs % pow, width = scale as usize);
    format!("{sign}{}{decimal}{frac}", group(&int, grouping))
}

/// Basis points as a percentage with at most one decimal: `6250` → `62.5%`
/// (`62,5 %` in Portuguese).
pub fn format_percent(basis_points: i64, locale: Locale) -> String {
    // Round half away from zero to tenths of a percent.
    let tenths = (basis_points.abs() + 5) / 10 * basis_points.signum();
    let text = if tenths % 10 == 0 { format_integer(tenths / 10, locale) } else { format_decimal(tenths, 1, locale) };
    match locale {
        Locale::Pt => format!("{text}{NBSP}%"),
        _ => format!("{text}%"),
    }
}

/// Why a typed number was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseNumberError {
    Empty,
    NotANumber,
    TooManyDecimals { max: u32 },
    TooLarge,
}

/// Parses what a person types, in their locale, into fixed-point units with
/// `scale` decimals: `"1,5"` and `"1.5"` both give `(15, 1)` with scale 1.
///
/// Accepted: an optional sign, digits, grouping separators (`,` `.` space,
/// no-break space, `'`), one decimal separator. The decimal separator is the
/// locale's; the other mark is also taken as a decimal separator when it
/// appears once and is not followed by exactly three digits (so `1,5` in
/// English and `1.5` in Portuguese mean one and a half).
pub fn parse_decimal(input: &str, locale: Locale, scale: u32) -> Result<i64, ParseNumberError> {
    let trimmed: String = input.trim().chars().filter(|c| !matches!(*c, ' ' | NBSP | '\u{202f}' | '\'')).collect();
    if trimmed.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(&trimmed)),
    };
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.') {
        return Err(ParseNumberError::NotANumber);
    }
    let (_, locale_decimal) = separators(locale);
    let other = if locale_decimal == ',' { '.' } else { ',' };
    let decimal_at = if body.contains(locale_decimal) {
        if body.matches(locale_decimal).count() > 1 {
            return Err(ParseNumberError::NotANumber);
        }
        body.rfind(locale_decimal)
    } else if body.matches(other).count() == 1 {
        let at = body.find(other).unwrap_or(0);
        let after = body.len() - at - 1;
        (after != 3).then_some(at)
    } else {
        None
    };
    let (int_part, frac_part) = match decimal_at {
        Some(at) => (&body[..at], &body[at + 1..]),
        None => (body, ""),
    };
    if frac_part.contains([',', '.']) {
        return Err(ParseNumberError::NotANumber);
    }
    let int_digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    if int_digits.is_empty() && frac_part.is_empty() {
        return Err(ParseNumberError::NotANumber);
    }
    if frac_part.len() > scale as usize {
        return Err(ParseNumberError::TooManyDecimals { max: scale });
    }
    let digits = format!("{int_digits}{frac_part:0<width$}", width = scale as usize);
    let value: i64 = digits.trim_start_matches('0').parse::<i64>().or_else(|e| {
        if digits.trim_start_matches('0').is_empty() { Ok(0) } else { Err(e) }
    }).map_err(|_| ParseNumberError::TooLarge)?;
    if value > 1_000_000_000_000_000 {
        return Err(ParseNumberError::TooLarge);
    }
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_group_by_locale() {
        assert_eq!(format_integer(1_234_567, Locale::En), "1,234,567");
        assert_eq!(format_integer(-1_234, Locale::ZhHant), "-1,234");
        assert_eq!(format_integer(480_000, Locale::Pt), "480\u{a0}000");
        assert_eq!(format_integer(999, Locale::Pt), "999");
    }

    #[test]
    fn decimals_and_percentages() {
        assert_eq!(format_decimal(123_456, 2, Locale::En), "1,234.56");
        assert_eq!(format_decimal(123_456, 2, Locale::Pt), "1\u{a0}234,56");
        assert_eq!(format_decimal(-5, 2, Locale::En), "-0.05");
        assert_eq!(format_percent(6_250, Locale::En), "62.5%");
        assert_eq!(format_percent(30_000, Locale::Pt), "300\u{a0}%");
        assert_eq!(format_percent(9_922, Locale::ZhHant), "99.2%");
    }

    #[test]
    fn typed_numbers_accept_local_decimal_marks() {
        assert_eq!(parse_decimal("1,5", Locale::En, 1), Ok(15));
        assert_eq!(parse_decimal("1.5", Locale::Pt, 1), Ok(15));
        assert_eq!(parse_decimal("1,5", Locale::Pt, 1), Ok(15));
        assert_eq!(parse_decimal("1,234", Locale::En, 0), Ok(1234));
        assert_eq!(parse_decimal("1.234", Locale::Pt, 0), Ok(1234));
        assert_eq!(parse_decimal("1 234,50", Locale::Pt, 2), Ok(123_450));
        assert_eq!(parse_decimal("1,234.5", Locale::En, 2), Ok(123_450));
        assert_eq!(parse_decimal(" 12 ", Locale::ZhHant, 0), Ok(12));
        assert_eq!(parse_decimal("-3", Locale::En, 0), Ok(-3));
        assert_eq!(parse_decimal("0", Locale::En, 2), Ok(0));
        assert_eq!(parse_decimal(".5", Locale::En, 1), Ok(5));
    }

    #[test]
    fn garbage_is_rejected_with_a_reason() {
        assert_eq!(parse_decimal("", Locale::En, 0), Err(ParseNumberError::Empty));
        assert_eq!(parse_decimal("abc", Locale::En, 0), Err(ParseNumberError::NotANumber));
        assert_eq!(parse_decimal("1e9", Locale::En, 0), Err(ParseNumberError::NotANumber));
        assert_eq!(parse_decimal("NaN", Locale::En, 0), Err(ParseNumberError::NotANumber));
        assert_eq!(parse_decimal("1.2.3", Locale::En, 2), Err(ParseNumberError::NotANumber));
        assert_eq!(parse_decimal("1.25", Locale::En, 1), Err(ParseNumberError::TooManyDecimals { max: 1 }));
        assert_eq!(parse_decimal("99999999999999999999", Locale::En, 0), Err(ParseNumberError::TooLarge));
        assert_eq!(parse_decimal("-", Locale::En, 0), Err(ParseNumberError::NotANumber));
    }
}
