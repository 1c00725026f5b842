//! The functional core of the DingTalk × Macau compliance self-assessment:
//! the question bank, the answers, scoring, money and ROI.
//!
//! Pure and deterministic: no I/O, no clock, no randomness, no browser. The
//! app and the PDF report both call into it (see ARCHITECTURE.md).
//!
//! Reading order: [`content`] (the bank), [`assessment`] (what the visitor
//! said), [`validate`] (parsing at the edge), [`scoring`], [`costs`] (the
//! assumptions), [`money`] (integer arithmetic), [`exposure`] (the
//! cost-of-violation model, docs/cost-model.md), [`explain`] (how each
//! figure was computed), [`evaluate`] (the one entry point).

pub mod assessment;
pub mod content;
pub mod costs;
pub mod evaluate;
pub mod explain;
pub mod exposure;
pub mod money;
pub mod persist;
pub mod scoring;
pub mod share;
pub mod validate;

pub use assessment::{Action, Answer, Assessment, PlanEntry, Profile, Sector, Status};
#[cfg(feature = "embedded-bank")]
pub use content::builtin;
pub use content::QuestionBank;
pub use costs::{AssumptionError, AssumptionValue, Costs};
pub use evaluate::{evaluate, Evaluation};
pub use scoring::{summarize, Summary};
pub use validate::{validate_answer, AnswerError};
