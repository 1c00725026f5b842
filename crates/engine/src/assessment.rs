//! What the visitor has told us: the profile and the answers. Plain data; the
//! only way to change it is [`Assessment::apply`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Condition, QuestionBank};

/// One answer. Numbers are stored as typed, already validated against the
/// question's range by [`crate::validate_answer`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    Yes,
    Partly,
    No,
    DontKnow,
    NotApplicable,
    Number(f64),
    Choice(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sector {
    Gaming,
    Finance,
    Hospitality,
    Retail,
    Public,
    #[default]
    Other,
}

/// The optional profile that drives conditional sections and the money model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// As typed, in any script.
    pub company_name: String,
    pub sector: Sector,
    pub employees: Option<u32>,
    /// Annual revenue in MOP (whole patacas).
    pub revenue_mop: Option<i64>,
    pub operates_in_hong_kong: bool,
    pub operates_in_mainland: bool,
    pub serves_eu: bool,
    pub critical_infrastructure: bool,
}

impl Profile {
    /// Whether a section with this condition applies to the company.
    pub fn applies(&self, condition: Condition) -> bool {
        match condition {
            Condition::Always => true,
            Condition::CriticalInfrastructure => self.critical_infrastructure,
            Condition::ServesEu => self.serves_eu,
            Condition::OperatesInHongKong => self.operates_in_hong_kong,
        }
    }
}

/// The state of one assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub profile: Profile,
    /// Answers by question id (never by position).
    pub answers: BTreeMap<String, Answer>,
}

/// The only state transitions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Answer { question: String, answer: Answer },
    Clear { question: String },
    SetProfile(Profile),
    Reset,
}

impl Assessment {
    /// Applies an action, returning the new state. Answers to ids the bank
    /// does not know are ignored (they cannot come from the UI).
    pub fn apply(&self, bank: &QuestionBank, action: Action) -> Assessment {
        let mut next = self.clone();
        match action {
            Action::Answer { question, answer } => {
                if bank.question(&question).is_some() {
                    next.answers.insert(question, answer);
                }
            }
            Action::Clear { question } => {
                next.answers.remove(&question);
            }
            Action::SetProfile(profile) => next.profile = profile,
            Action::Reset => next = Assessment::default(),
        }
        next
    }
}
