//! What the visitor has told us: the profile and the answers. Plain data; the
//! only way to change it is [`Assessment::apply`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::content::{Condition, QuestionBank};
use crate::costs::{check_value, AssumptionValue};
use crate::validate::{validate_answer, validate_due_date, validate_owner};

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

/// Progress of a planned action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Todo,
    Doing,
    Done,
}

/// The visitor's notes on one action of the plan (action ids are question
/// ids). Only `planned` changes the figures; the rest is for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanEntry {
    /// Counted in the "planned" score and exposure (what-if).
    pub planned: bool,
    /// Who will do it, as typed.
    pub owner: Option<String>,
    /// Due date, YYYY-MM-DD.
    pub due: Option<String>,
    pub status: Status,
}

/// The state of one assessment.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub profile: Profile,
    /// Answers by question id (never by position).
    pub answers: BTreeMap<String, Answer>,
    /// The visitor's overrides of the cost assumptions, by assumption id, in
    /// the assumption's unit (see `content/costs.toml`).
    pub assumptions: BTreeMap<String, AssumptionValue>,
    /// The action plan, by action id (= question id).
    pub plan: BTreeMap<String, PlanEntry>,
}

/// Longest company name kept (the form's limit too).
pub const MAX_COMPANY_CHARS: usize = 200;

/// The only state transitions.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Answer { question: String, answer: Answer },
    Clear { question: String },
    SetProfile(Profile),
    Reset,
    /// Replaces everything with an imported assessment, keeping only what
    /// validates against this bank (each answer, override and plan entry
    /// goes through its own action; the rest is dropped).
    Replace(Assessment),
    /// Overrides an assumption; refused (no change) if invalid: check first
    /// with [`crate::costs::unit_of`] and [`check_value`] to show the error.
    SetAssumption { id: String, value: AssumptionValue },
    ResetAssumption { id: String },
    ResetAssumptions,
    SetPlanned { action: String, planned: bool },
    /// `None` or blank text clears it; text over 200 characters is refused.
    SetActionOwner { action: String, owner: Option<String> },
    /// `None` clears it; anything but a real YYYY-MM-DD date is refused.
    SetActionDue { action: String, due: Option<String> },
    SetActionStatus { action: String, status: Status },
}

impl Assessment {
    /// Applies an action, returning the new state. Actions on ids the bank
    /// does not know, and values that do not validate, are ignored: the UI
    /// validates first (with [`validate_answer`], [`check_value`],
    /// [`validate_due_date`]) to show the error, so they cannot come from it.
    pub fn apply(&self, bank: &QuestionBank, action: Action) -> Assessment {
        let mut next = self.clone();
        match action {
            Action::Answer { question, answer } => {
                if let Some(q) = bank.question(&question)
                    && let Ok(answer) = validate_answer(q, answer)
                {
                    next.answers.insert(question, answer);
                }
            }
            Action::Clear { question } => {
                next.answers.remove(&question);
            }
            Action::SetProfile(profile) => next.profile = profile,
            Action::Reset => next = Assessment::default(),
            Action::Replace(imported) => next = Assessment::sanitized(bank, imported),
            Action::SetAssumption { id, value } => {
                // The required rows and their units are fixed in code, so no
                // cost table is needed here (the app's bank has none).
                if let Some(unit) = crate::costs::unit_of(&id)
                    && check_value(unit, value.range()).is_ok()
                {
                    next.assumptions.insert(id, value);
                }
            }
            Action::ResetAssumption { id } => {
                next.assumptions.remove(&id);
            }
            Action::ResetAssumptions => next.assumptions.clear(),
            Action::SetPlanned { action, planned } => next.edit_plan(bank, action, |e| e.planned = planned),
            Action::SetActionOwner { action, owner } => {
                let owner = owner.as_deref().map(validate_owner);
                match owner {
                    None => next.edit_plan(bank, action, |e| e.owner = None),
                    Some(Ok(text)) => next.edit_plan(bank, action, |e| e.owner = (!text.is_empty()).then_some(text)),
                    Some(Err(_)) => {}
                }
            }
            Action::SetActionDue { action, due } => match due.as_deref().map(validate_due_date) {
                None => next.edit_plan(bank, action, |e| e.due = None),
                Some(Ok(date)) => next.edit_plan(bank, action, |e| e.due = Some(date)),
                Some(Err(_)) => {}
            },
            Action::SetActionStatus { action, status } => next.edit_plan(bank, action, |e| e.status = status),
        }
        next
    }

    /// `imported`, rebuilt through [`Assessment::apply`] from a blank
    /// assessment: what does not validate against `bank` is left out.
    pub fn sanitized(bank: &QuestionBank, imported: Assessment) -> Assessment {
        let mut profile = imported.profile;
        // The form accepts at most this many characters; so does an import.
        profile.company_name = profile.company_name.chars().take(MAX_COMPANY_CHARS).collect();
        if crate::validate::validate_profile(&profile).is_err() {
            profile.employees = None;
            profile.revenue_mop = None;
        }
        let mut a = Assessment::default().apply(bank, Action::SetProfile(profile));
        for (question, answer) in imported.answers {
            a = a.apply(bank, Action::Answer { question, answer });
        }
        for (id, value) in imported.assumptions {
            a = a.apply(bank, Action::SetAssumption { id, value });
        }
        for (action, entry) in imported.plan {
            a = a.apply(bank, Action::SetPlanned { action: action.clone(), planned: entry.planned });
            a = a.apply(bank, Action::SetActionOwner { action: action.clone(), owner: entry.owner });
            a = a.apply(bank, Action::SetActionDue { action: action.clone(), due: entry.due });
            a = a.apply(bank, Action::SetActionStatus { action, status: entry.status });
        }
        a
    }

    /// Edits the plan entry of a known action; an entry back at its default
    /// is removed, so the saved map holds only what the visitor set.
    fn edit_plan(&mut self, bank: &QuestionBank, action: String, edit: impl FnOnce(&mut PlanEntry)) {
        if bank.question(&action).is_none() {
            return;
        }
        let entry = self.plan.entry(action.clone()).or_default();
        edit(entry);
        if *entry == PlanEntry::default() {
            self.plan.remove(&action);
        }
    }
}
