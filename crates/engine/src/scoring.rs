//! Scores: weighted credit over the applicable questions.
//!
//! - Credit per answer: Yes 100 %, Partly 50 %, No 0 %; numbers by the
//!   question's bands (the first band the value falls in), choices by the
//!   option's credit.
//! - Don't know earns 0 % (not in place) but is reported separately and widens
//!   the range: the high end of the range is the score with every unknown at
//!   the question's best credit, the low end with every unknown at 0 % (which
//!   is the score itself).
//! - Excluded from numerator and denominator: Not applicable, sections whose
//!   condition the profile does not meet, unanswered questions, answers that
//!   do not validate (reported as warnings).
//! - score = round_half_up(Σ weight × credit / Σ weight × 100 × 100), overall
//!   (every applicable question pooled) and per area. Exact values are kept
//!   in hundredths of a point (`exact_bp`).

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::content::{Kind, Question, QuestionBank, Section};
use crate::validate::{validate_answer, AnswerError};

/// Credit of an answer to a question, in percent (0..=100); `None` when the
/// answer is excluded (Not applicable) or does not fit the question.
pub fn credit(question: &Question, answer: &Answer) -> Option<u32> {
    match (answer, &question.kind) {
        (Answer::NotApplicable, _) => None,
        (Answer::DontKnow, _) => Some(0),
        (Answer::Yes, Kind::Status) => Some(100),
        (Answer::Partly, Kind::Status) => Some(50),
        (Answer::No, Kind::Status) => Some(0),
        (Answer::Number(v), Kind::Number { bands, .. }) => bands
            .iter()
            .find(|b| b.min.is_none_or(|m| *v >= m) && b.max.is_none_or(|m| *v <= m))
            .map(|b| b.credit.min(100)),
        (Answer::Choice(id), Kind::Choice { options }) => options.iter().find(|o| &o.id == id).map(|o| o.credit.min(100)),
        _ => None,
    }
}

/// The best credit a question can earn (100 for Yes/Partly/No; the best band
/// or option otherwise). Planned actions and the high end of the unknowns'
/// range use it.
pub fn max_credit(question: &Question) -> u32 {
    match &question.kind {
        Kind::Status => 100,
        Kind::Number { bands, .. } => bands.iter().map(|b| b.credit.min(100)).max().unwrap_or(0),
        Kind::Choice { options } => options.iter().map(|o| o.credit.min(100)).max().unwrap_or(0),
    }
}

/// Where a question stands.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum State {
    ConditionNotMet,
    Unanswered,
    NotApplicable,
    Invalid(AnswerError),
    Scored { credit: u32, unknown: bool },
}

/// A question of the bank with its state.
#[derive(Clone, Debug)]
pub(crate) struct Item<'a> {
    pub section: &'a Section,
    pub question: &'a Question,
    pub state: State,
    pub max_credit: u32,
}

impl Item<'_> {
    pub fn unknown(&self) -> bool {
        matches!(self.state, State::Scored { unknown: true, .. })
    }

    /// Scored below its best credit: an action of the plan.
    pub fn gap(&self) -> bool {
        matches!(self.state, State::Scored { credit, .. } if credit < self.max_credit)
    }
}

/// Every question in bank order with its state.
pub(crate) fn items<'a>(bank: &'a QuestionBank, assessment: &Assessment) -> Vec<Item<'a>> {
    bank.questions()
        .map(|(section, question)| {
            let state = if !assessment.profile.applies(section.condition) {
                State::ConditionNotMet
            } else {
                match assessment.answers.get(&question.id) {
                    None => State::Unanswered,
                    Some(answer) => match validate_answer(question, answer.clone()) {
                        Err(e) => State::Invalid(e),
                        Ok(Answer::NotApplicable) => State::NotApplicable,
                        Ok(answer) => match credit(question, &answer) {
                            Some(c) => State::Scored { credit: c, unknown: answer == Answer::DontKnow },
                            // A number in no band: the bank lacks a catch-all
                            // band (tests/content.rs forbids that).
                            None => State::Invalid(AnswerError::WrongKind { question: question.id.clone() }),
                        },
                    },
                }
            };
            Item { section, question, state, max_credit: max_credit(question) }
        })
        .collect()
}

/// Credits per item (`None` = not scored), as answered.
pub(crate) type Credits = Vec<Option<u32>>;

pub(crate) fn current_credits(items: &[Item]) -> Credits {
    items
        .iter()
        .map(|it| match it.state {
            State::Scored { credit, .. } => Some(credit),
            _ => None,
        })
        .collect()
}

/// The credits with the gaps for which `fix` holds raised to their best.
pub(crate) fn fixed_credits(items: &[Item], credits: &Credits, fix: impl Fn(&Item) -> bool) -> Credits {
    items
        .iter()
        .zip(credits)
        .map(|(it, c)| match c {
            Some(c) if fix(it) => Some((*c).max(it.max_credit)),
            other => *other,
        })
        .collect()
}

/// A score with its exact parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Score {
    /// 0..=100, rounded half up.
    pub points: u32,
    /// 0..=10,000 (hundredths of a point), rounded half up.
    pub exact_bp: u32,
    /// Σ weight × credit.
    pub earned: u64,
    /// Σ weight × 100.
    pub possible: u64,
    /// The score if every unknown were No (= `points`) and if every unknown
    /// were Yes (its best credit).
    pub range_low: u32,
    pub range_high: u32,
    /// Questions scored (answered, applicable).
    pub scored: usize,
    /// Of which Don't know.
    pub unknown: usize,
}

fn round_half_up(num: u64, den: u64) -> u32 {
    ((num + den / 2) / den) as u32
}

/// Score over the items for which `include` holds; `None` when nothing is
/// scored.
pub(crate) fn score(items: &[Item], credits: &Credits, include: impl Fn(&Item) -> bool) -> Option<Score> {
    let (mut earned, mut earned_high, mut possible) = (0u64, 0u64, 0u64);
    let (mut scored, mut unknown) = (0, 0);
    for (it, c) in items.iter().zip(credits) {
        let Some(c) = c else { continue };
        if !include(it) {
            continue;
        }
        let w = u64::from(it.question.weight);
        earned += w * u64::from(*c);
        let high = if it.unknown() { (*c).max(it.max_credit) } else { *c };
        earned_high += w * u64::from(high);
        possible += w * 100;
        scored += 1;
        unknown += usize::from(it.unknown());
    }
    (possible > 0).then(|| {
        let points = round_half_up(earned * 100, possible);
        Score {
            points,
            exact_bp: round_half_up(earned * 10_000, possible),
            earned,
            possible,
            range_low: points,
            range_high: round_half_up(earned_high * 100, possible),
            scored,
            unknown,
        }
    })
}

/// Five maturity levels, by overall score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Maturity {
    /// 0–19.
    Initial,
    /// 20–39.
    Developing,
    /// 40–59.
    Defined,
    /// 60–79.
    Managed,
    /// 80–100.
    Optimised,
}

impl Maturity {
    pub const ALL: [Maturity; 5] = [Maturity::Initial, Maturity::Developing, Maturity::Defined, Maturity::Managed, Maturity::Optimised];

    pub fn from_points(points: u32) -> Maturity {
        match points {
            0..=19 => Maturity::Initial,
            20..=39 => Maturity::Developing,
            40..=59 => Maturity::Defined,
            60..=79 => Maturity::Managed,
            _ => Maturity::Optimised,
        }
    }

    /// Lowest score of the level.
    pub fn min_points(self) -> u32 {
        match self {
            Maturity::Initial => 0,
            Maturity::Developing => 20,
            Maturity::Defined => 40,
            Maturity::Managed => 60,
            Maturity::Optimised => 80,
        }
    }

    /// English description (renderers localise by the serialised name).
    pub fn description(self) -> &'static str {
        match self {
            Maturity::Initial => "Few controls in place; DingTalk runs on its defaults and nobody owns its settings.",
            Maturity::Developing => "Some controls exist, set up ad hoc; important gaps remain and little is written down.",
            Maturity::Defined => "Most basic controls are set and documented; gaps remain in monitoring and legal duties.",
            Maturity::Managed => "Controls are in place, owned and reviewed; the remaining gaps are known and planned.",
            Maturity::Optimised => "Controls are complete and reviewed regularly; compliance is part of daily operation.",
        }
    }
}

/// Risk rating, from the score, the critical gaps and the unknowns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Risk {
    Low,
    Medium,
    High,
    Critical,
}

impl Risk {
    /// - Critical: 3 or more critical gaps, or any critical gap with a score below 40;
    /// - High: any critical gap, or a score below 50;
    /// - Medium: a score below 80, or Don't know on 20 % or more of the weight;
    /// - Low: otherwise.
    pub fn rate(points: u32, critical_gaps: usize, unknown_weight_bp: u32) -> Risk {
        if critical_gaps >= 3 || (critical_gaps >= 1 && points < 40) {
            Risk::Critical
        } else if critical_gaps >= 1 || points < 50 {
            Risk::High
        } else if points < 80 || unknown_weight_bp >= 2_000 {
            Risk::Medium
        } else {
            Risk::Low
        }
    }
}

/// A critical question answered below 50 % credit (No, Don't know, or a low
/// band/option): flagged whatever the total.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CriticalGap {
    pub question: String,
    pub area: String,
    /// Answered Don't know.
    pub unknown: bool,
}

/// Credit below which a critical question is a critical gap.
pub const CRITICAL_BELOW: u32 = 50;

pub(crate) fn critical_gaps(items: &[Item], credits: &Credits) -> Vec<CriticalGap> {
    items
        .iter()
        .zip(credits)
        .filter(|(it, c)| it.question.critical && c.is_some_and(|c| c < CRITICAL_BELOW))
        .map(|(it, _)| CriticalGap { question: it.question.id.clone(), area: it.section.area.clone(), unknown: it.unknown() })
        .collect()
}

/// Share of the scored weight answered Don't know, in basis points.
pub(crate) fn unknown_weight_bp(items: &[Item], credits: &Credits) -> u32 {
    let (mut unknown, mut all) = (0u64, 0u64);
    for (it, c) in items.iter().zip(credits) {
        if c.is_some() {
            all += u64::from(it.question.weight);
            // A planned unknown is no longer unknown.
            if it.unknown() && *c == Some(0) {
                unknown += u64::from(it.question.weight);
            }
        }
    }
    if all == 0 { 0 } else { round_half_up(unknown * 10_000, all) }
}

/// The overall score so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// 0..=100, rounded half up; `None` until a scorable answer exists.
    pub score: Option<u32>,
    pub answered: usize,
    pub total: usize,
}

/// Weighted score over the answered, applicable questions (the same score as
/// [`crate::evaluate`]'s overall, without the money model).
pub fn summarize(bank: &QuestionBank, assessment: &Assessment) -> Summary {
    let items = items(bank, assessment);
    let credits = current_credits(&items);
    let applicable = items.iter().filter(|it| it.state != State::ConditionNotMet);
    let total = applicable.clone().count();
    let answered = applicable.filter(|it| it.state != State::Unanswered).count();
    Summary { score: score(&items, &credits, |_| true).map(|s| s.points), answered, total }
}
