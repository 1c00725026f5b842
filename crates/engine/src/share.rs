//! The share link: the answers and the profile's switches in a URL fragment
//! (`#s1.<base64url>`), which browsers never send to a server. Compact (a
//! byte or two per question, about 100 characters for the whole bank) and
//! versioned: `s1` is the format, and the bank's content version is inside,
//! because answers are stored by their position in the bank. The company
//! name, the plan and the assumptions are not in the link.
//!
//! Bytes: content version (varint), profile flags (bit 0 Hong Kong, 1
//! mainland, 2 EU, 3 critical infrastructure, 4 employees follow, 5 revenue
//! follows), sector (0..=5), [employees varint], [revenue varint], the
//! number of questions (varint), then per question in bank order a code:
//! 0 none, 1 Yes, 2 Partly, 3 No, 4 Don't know, 5 Not applicable,
//! 6 a number (varint of value × 10^decimals, zigzag), 7 a choice (the
//! option's index, one byte). Decoding checks everything and validates each
//! answer; it never panics.

use crate::assessment::{Action, Answer, Assessment, Profile, Sector};
use crate::content::{Kind, QuestionBank};

/// The fragment prefix of format 1.
pub const PREFIX: &str = "#s1.";
/// Longest fragment accepted (a full bank needs about 150 characters).
pub const MAX_LEN: usize = 4_096;

/// Why a link could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a share link of a known format.
    NotALink,
    /// Damaged: bad characters, truncated, or values out of range.
    Damaged,
    /// Made against another version of the questions.
    OtherVersion { link: u32, bank: u32 },
}

const SECTORS: [Sector; 6] = [Sector::Gaming, Sector::Finance, Sector::Hospitality, Sector::Retail, Sector::Public, Sector::Other];

/// The fragment for an assessment (answers and profile switches only).
pub fn encode(bank: &QuestionBank, a: &Assessment) -> String {
    let mut out = Vec::new();
    varint(&mut out, u64::from(bank.version));
    let p = &a.profile;
    let flags = u8::from(p.operates_in_hong_kong)
        | u8::from(p.operates_in_mainland) << 1
        | u8::from(p.serves_eu) << 2
        | u8::from(p.critical_infrastructure) << 3
        | u8::from(p.employees.is_some()) << 4
        | u8::from(p.revenue_mop.is_some_and(|r| r >= 0)) << 5;
    out.push(flags);
    out.push(SECTORS.iter().position(|s| *s == p.sector).unwrap_or(5) as u8);
    if let Some(e) = p.employees {
        varint(&mut out, u64::from(e));
    }
    if let Some(r) = p.revenue_mop.filter(|r| *r >= 0) {
        varint(&mut out, r as u64);
    }
    let questions: Vec<_> = bank.questions().map(|(_, q)| q).collect();
    varint(&mut out, questions.len() as u64);
    for q in questions {
        match (a.answers.get(&q.id), &q.kind) {
            (None, _) => out.push(0),
            (Some(Answer::Yes), _) => out.push(1),
            (Some(Answer::Partly), _) => out.push(2),
            (Some(Answer::No), _) => out.push(3),
            (Some(Answer::DontKnow), _) => out.push(4),
            (Some(Answer::NotApplicable), _) => out.push(5),
            (Some(Answer::Number(v)), Kind::Number { decimals, .. }) => {
                out.push(6);
                let scaled = (v * 10f64.powi((*decimals).min(9) as i32)).round() as i64;
                varint(&mut out, ((scaled << 1) ^ (scaled >> 63)) as u64);
            }
            (Some(Answer::Choice(id)), Kind::Choice { options }) => match options.iter().position(|o| &o.id == id) {
                Some(i) if i < 256 => {
                    out.push(7);
                    out.push(i as u8);
                }
                _ => out.push(0),
            },
            _ => out.push(0),
        }
    }
    format!("{PREFIX}{}", base64url_encode(&out))
}

/// Reads a fragment back into an assessment (validated against `bank`).
pub fn decode(bank: &QuestionBank, fragment: &str) -> Result<Assessment, ShareError> {
    let body = fragment.strip_prefix(PREFIX).ok_or(ShareError::NotALink)?;
    if body.len() > MAX_LEN {
        return Err(ShareError::Damaged);
    }
    let bytes = base64url_decode(body).ok_or(ShareError::Damaged)?;
    let mut r = Reader { bytes: &bytes, at: 0 };
    let version = u32::try_from(r.varint()?).map_err(|_| ShareError::Damaged)?;
    if version != bank.version {
        return Err(ShareError::OtherVersion { link: version, bank: bank.version });
    }
    let flags = r.byte()?;
    if flags >> 6 != 0 {
        return Err(ShareError::Damaged);
    }
    let sector = *SECTORS.get(usize::from(r.byte()?)).ok_or(ShareError::Damaged)?;
    let employees = if flags & 16 != 0 { Some(u32::try_from(r.varint()?).map_err(|_| ShareError::Damaged)?) } else { None };
    let revenue_mop = if flags & 32 != 0 { Some(i64::try_from(r.varint()?).map_err(|_| ShareError::Damaged)?) } else { None };
    let profile = Profile {
        company_name: String::new(),
        sector,
        employees,
        revenue_mop,
        operates_in_hong_kong: flags & 1 != 0,
        operates_in_mainland: flags & 2 != 0,
        serves_eu: flags & 4 != 0,
        critical_infrastructure: flags & 8 != 0,
    };
    if crate::validate::validate_profile(&profile).is_err() {
        return Err(ShareError::Damaged);
    }
    let questions: Vec<_> = bank.questions().map(|(_, q)| q).collect();
    if r.varint()? != questions.len() as u64 {
        return Err(ShareError::Damaged);
    }
    let mut a = Assessment::default().apply(bank, Action::SetProfile(profile));
    for q in questions {
        let answer = match r.byte()? {
            0 => continue,
            1 => Answer::Yes,
            2 => Answer::Partly,
            3 => Answer::No,
            4 => Answer::DontKnow,
            5 => Answer::NotApplicable,
            6 => {
                let Kind::Number { decimals, .. } = &q.kind else { return Err(ShareError::Damaged) };
                let z = r.varint()?;
                let scaled = ((z >> 1) as i64) ^ -((z & 1) as i64);
                Answer::Number(scaled as f64 / 10f64.powi((*decimals).min(9) as i32))
            }
            7 => {
                let Kind::Choice { options } = &q.kind else { return Err(ShareError::Damaged) };
                let o = options.get(usize::from(r.byte()?)).ok_or(ShareError::Damaged)?;
                Answer::Choice(o.id.clone())
            }
            _ => return Err(ShareError::Damaged),
        };
        let answer = crate::validate::validate_answer(q, answer).map_err(|_| ShareError::Damaged)?;
        a = a.apply(bank, Action::Answer { question: q.id.clone(), answer });
    }
    if r.at != bytes.len() {
        return Err(ShareError::Damaged);
    }
    Ok(a)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self.bytes.get(self.at).ok_or(ShareError::Damaged)?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, ShareError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ShareError::Damaged)
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding (RFC 4648 §5).
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The inverse of [`base64url_encode`]; `None` on any other character, on
/// an impossible length or on non-zero padding bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        let full = n.to_be_bytes();
        // Bits below the last whole byte must be zero (one encoding per input).
        if bytes < 3 && n & ((1 << (8 * (3 - bytes))) - 1) != 0 {
            return None;
        }
        out.extend_from_slice(&full[1..=bytes]);
    }
    Some(out)
}
