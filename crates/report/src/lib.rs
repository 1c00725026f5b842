//! The PDF report: an assessment, a locale and a date in, PDF bytes out. The date
//! and the locale are inputs; nothing here reads a clock or the browser.
//!
//! Layout is done by hand with printpdf's operation list ([`layout`]): text is
//! wrapped to the page width with the font's metrics, and a new page starts
//! whenever the next block would not fit.

mod layout;
mod text;

use engine::{Answer, Assessment, QuestionBank};
use i18n::{Locale, Msg};
use serde::{Deserialize, Serialize};

pub use text::unsupported_chars;

/// Why no PDF was produced.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportError {
    /// The text holds characters the report's fonts cannot show; they are
    /// listed so the user can be told exactly which ones.
    UnsupportedCharacters(Vec<char>),
    /// The date is not `YYYY-MM-DD`.
    BadDate(String),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::UnsupportedCharacters(chars) => {
                let list: String = chars.iter().collect();
                write!(f, "the report font cannot show these characters: {list}")
            }
            ReportError::BadDate(d) => write!(f, "not a date: {d}"),
        }
    }
}

/// The localized label of an answer, as shown in the report and the app.
pub fn answer_label(bank: &QuestionBank, question_id: &str, answer: &Answer, locale: Locale) -> String {
    match answer {
        Answer::Yes => locale.t(Msg::AnswerYes).to_string(),
        Answer::Partly => locale.t(Msg::AnswerPartly).to_string(),
        Answer::No => locale.t(Msg::AnswerNo).to_string(),
        Answer::DontKnow => locale.t(Msg::AnswerDontKnow).to_string(),
        Answer::NotApplicable => locale.t(Msg::AnswerNotApplicable).to_string(),
        Answer::Number(v) => {
            let unit = match bank.question(question_id).map(|q| &q.kind) {
                Some(engine::content::Kind::Number { unit, .. }) => unit.get(locale).to_string(),
                _ => String::new(),
            };
            format!("{v} {unit}").trim().to_string()
        }
        Answer::Choice(id) => match bank.question(question_id).map(|q| &q.kind) {
            Some(engine::content::Kind::Choice { options }) => {
                options.iter().find(|o| &o.id == id).map(|o| o.label.get(locale).to_string()).unwrap_or_else(|| id.clone())
            }
            _ => id.clone(),
        },
    }
}

/// Renders the report of `assessment` in `locale`, dated `date`
/// (`YYYY-MM-DD`, from the caller's clock). The same input always gives the
/// same bytes.
pub fn render(bank: &QuestionBank, assessment: &Assessment, locale: Locale, date: &str) -> Result<Vec<u8>, ReportError> {
    if !is_date(date) {
        return Err(ReportError::BadDate(date.to_string()));
    }
    let summary = engine::summarize(bank, assessment);
    let score = summary.score.map(|s| s.to_string()).unwrap_or_else(|| "–".into());

    let mut doc = layout::Document::new();
    doc.title(locale.t(Msg::ReportTitle));
    let company = assessment.profile.company_name.trim();
    if !company.is_empty() {
        doc.subtitle(company);
    }
    doc.paragraph(&locale.tf(Msg::ReportGenerated, &[("date", date)]));
    doc.heading(&locale.tf(Msg::ReportScore, &[("score", &score)]));
    doc.paragraph(&locale.tf(
        Msg::ScoreAnswered,
        &[("answered", &summary.answered.to_string()), ("total", &summary.total.to_string())],
    ));
    doc.heading(locale.t(Msg::ReportAnswers));
    for (section, question) in bank.questions() {
        if !assessment.profile.applies(section.condition) {
            continue;
        }
        let answer = match assessment.answers.get(&question.id) {
            Some(a) => answer_label(bank, &question.id, a, locale),
            None => locale.t(Msg::ReportUnanswered).to_string(),
        };
        doc.question(question.text.get(locale), &answer);
    }
    doc.paragraph(bank.disclaimer.get(locale));

    let missing = doc.unsupported_chars();
    if !missing.is_empty() {
        return Err(ReportError::UnsupportedCharacters(missing));
    }
    Ok(doc.finish(locale.t(Msg::ReportTitle), locale.t(Msg::ReportFooter)))
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_dates_are_rejected() {
        let result = render(engine::builtin(), &Assessment::default(), Locale::En, "yesterday");
        assert_eq!(result, Err(ReportError::BadDate("yesterday".into())));
    }
}
