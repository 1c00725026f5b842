//! Scores: weighted credit over the applicable questions.
//!
//! Credit per answer: Yes 100 %, Partly 50 %, No 0 %, Don't know 0 %
//! (reported separately), Not applicable excluded from the denominator.
//! Numbers score by the question's bands, choices by the option's credit.

use crate::assessment::{Answer, Assessment};
use crate::content::{Kind, Question, QuestionBank};

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
            .map(|b| b.credit),
        (Answer::Choice(id), Kind::Choice { options }) => options.iter().find(|o| &o.id == id).map(|o| o.credit),
        _ => None,
    }
}

/// The overall score so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// 0..=100, rounded half up; `None` until a scorable answer exists.
    pub score: Option<u32>,
    pub answered: usize,
    pub total: usize,
}

/// Weighted score over the answered, applicable questions.
pub fn summarize(bank: &QuestionBank, assessment: &Assessment) -> Summary {
    let mut earned: u64 = 0;
    let mut possible: u64 = 0;
    let mut answered = 0;
    let mut total = 0;
    for (section, question) in bank.questions() {
        if !assessment.profile.applies(section.condition) {
            continue;
        }
        total += 1;
        let Some(answer) = assessment.answers.get(&question.id) else { continue };
        answered += 1;
        if let Some(c) = credit(question, answer) {
            earned += u64::from(c) * u64::from(question.weight);
            possible += 100 * u64::from(question.weight);
        }
    }
    let score = (possible > 0).then(|| ((earned * 100 + possible / 2) / possible) as u32);
    Summary { score, answered, total }
}
