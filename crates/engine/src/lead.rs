//! The contact form ("contact me" after the results): cleaning and
//! validation of what the visitor typed, and the packet handed to the
//! embedding page. No I/O: the app decides where it goes, and only after the
//! visitor's explicit consent (docs/embedding.md).

use serde::Serialize;

/// Longest name, in characters.
pub const NAME_MAX: usize = 100;
/// Longest company name, in characters (as the profile's).
pub const COMPANY_MAX: usize = 200;
/// Longest email address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;
/// Longest phone number as typed, in characters.
pub const PHONE_MAX: usize = 30;

/// What the visitor chose to hand over, cleaned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Lead {
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    /// A language tag: `en`, `zh-Hant` or `pt`.
    pub language: String,
}

/// The results' summary that travels with a lead: nothing else of the
/// assessment does.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LeadSummary {
    /// Overall score, 0..=100.
    pub score: u32,
    /// The maturity level's name, in the visitor's language.
    pub maturity: String,
    pub critical_gaps: u32,
}

/// The message posted to the embedding page.
#[derive(Serialize)]
pub struct LeadPacket<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub contact: &'a Lead,
    pub summary: &'a LeadSummary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Name,
    Company,
    Email,
    Phone,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadError {
    /// Neither an email address nor a phone number.
    NeedContact,
    BadEmail,
    BadPhone,
    /// Longer than the field's maximum (given).
    TooLong(usize),
}

/// Text as it may be passed on: control characters and bidirectional
/// embeddings, overrides and isolates removed (they could disguise the text
/// where it is shown), whitespace runs collapsed to one space, trimmed. HTML,
/// emoji and any script stay as typed: they are text, shown as text.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !c.is_control() && !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') {
            out.push(c);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Cleans every field (see [`clean`]).
pub fn cleaned(lead: Lead) -> Lead {
    Lead {
        name: clean(&lead.name),
        company: clean(&lead.company),
        email: clean(&lead.email),
        phone: clean(&lead.phone),
        language: lead.language,
    }
}

/// A plain address `local@domain.tld`: no spaces, quotes, brackets or list
/// separators, so it is safe in a `mailto:` link and readable as typed.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else { return false };
    let ok = |c: char| !c.is_whitespace() && !c.is_control() && !"@<>()[]\\,;:\"?&#%/".contains(c);
    !local.is_empty()
        && local.chars().count() <= 64
        && local.chars().all(ok)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain.chars().all(ok)
}

/// Digits with spaces, dots, dashes and brackets, an optional leading `+`;
/// 6 to 20 digits.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    (6..=20).contains(&digits)
        && s.char_indices().all(|(i, c)| c.is_ascii_digit() || " .-()".contains(c) || (c == '+' && i == 0))
}

/// Every problem of a cleaned lead, by field; empty when it may be sent.
pub fn check(lead: &Lead) -> Vec<(Field, LeadError)> {
    let mut errors = Vec::new();
    let len = |s: &str| s.chars().count();
    for (field, text, max) in [(Field::Name, &lead.name, NAME_MAX), (Field::Company, &lead.company, COMPANY_MAX)] {
        if len(text) > max {
            errors.push((field, LeadError::TooLong(max)));
        }
    }
    if lead.email.is_empty() && lead.phone.is_empty() {
        errors.push((Field::Email, LeadError::NeedContact));
    }
    if len(&lead.email) > EMAIL_MAX {
        errors.push((Field::Email, LeadError::TooLong(EMAIL_MAX)));
    } else if !lead.email.is_empty() && !is_email(&lead.email) {
        errors.push((Field::Email, LeadError::BadEmail));
    }
    if len(&lead.phone) > PHONE_MAX {
        errors.push((Field::Phone, LeadError::TooLong(PHONE_MAX)));
    } else if !lead.phone.is_empty() && !is_phone(&lead.phone) {
        errors.push((Field::Phone, LeadError::BadPhone));
    }
    errors
}

/// The score band of the `completed` event: `low` below 50, `medium` below
/// 75, `high` from 75.
pub fn band(score: u32) -> &'static str {
    match score {
        0..=49 => "low",
        50..=74 => "medium",
        _ => "high",
    }
}
