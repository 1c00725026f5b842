//! The functional core of the DingTalk × Macau compliance self-assessment:
//! the question bank, the answers, scoring, money and ROI.
//!
//! Pure and deterministic: no I/O, no clock, no randomness, no browser. The
//! app and the PDF report both call into it (see ARCHITECTURE.md).

pub mod assessment;
pub mod content;
pub mod persist;
pub mod scoring;

pub use assessment::{Action, Answer, Assessment, Profile, Sector};
pub use content::{builtin, QuestionBank};
pub use scoring::{summarize, Summary};
