//! The report generator as a web worker, so the PDF engine (printpdf, about
//! 1.1 MB gzip of wasm) is neither in the app's initial download nor on its
//! main thread.
//!
//! The app depends on this crate with the `render` feature off: it only needs
//! the [`MakePdf`] type to spawn the worker. The worker binary (`src/main.rs`,
//! built by Trunk from `index.html` as a second wasm) has it on.

use gloo_worker::oneshot::oneshot;
use serde::{Deserialize, Serialize};

/// What the worker answers: the PDF bytes, or a message for the user.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PdfOutcome {
    Pdf(Vec<u8>),
    /// Characters no report font can show (listed for the user).
    UnsupportedCharacters(Vec<char>),
    Failed(String),
}

/// Everything the worker needs to render a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    pub assessment: engine::Assessment,
    pub locale: i18n::Locale,
    /// The generation date as `YYYY-MM-DD`, from the app's clock.
    pub date: String,
}

/// A safe file name for the report: `dingtalk-assessment-<company>-<date>.pdf`,
/// keeping letters and digits of any script and replacing everything else.
pub fn file_name(company: &str, date: &str) -> String {
    let mut slug = String::new();
    for c in company.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    let date: String = date.chars().filter(|c| c.is_ascii_digit() || *c == '-').take(10).collect();
    if slug.is_empty() {
        format!("dingtalk-assessment-{date}.pdf")
    } else {
        format!("dingtalk-assessment-{slug}-{date}.pdf")
    }
}


/// Renders a report. The input is the JSON of a [`ReportRequest`]: the
/// worker channel's binary codec cannot carry every serde shape the domain
/// types use, and JSON keeps the message format obvious.
#[oneshot]
pub async fn MakePdf(request_json: String) -> PdfOutcome {
    #[cfg(feature = "render")]
    {
        let request: ReportRequest = match serde_json::from_str(&request_json) {
            Ok(r) => r,
            Err(e) => return PdfOutcome::Failed(format!("bad request: {e}")),
        };
        match report::render(engine::builtin(), &request.assessment, request.locale, &request.date) {
            Ok(bytes) => PdfOutcome::Pdf(bytes),
            Err(report::ReportError::UnsupportedCharacters(chars)) => PdfOutcome::UnsupportedCharacters(chars),
            Err(e) => PdfOutcome::Failed(e.to_string()),
        }
    }
    #[cfg(not(feature = "render"))]
    {
        // Never runs: the app only spawns the worker binary, built with `render`.
        let _ = request_json;
        PdfOutcome::Failed("this build has no PDF renderer".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_in_any_script() {
        assert_eq!(file_name("", "2026-11-25"), "dingtalk-assessment-2026-11-25.pdf");
        assert_eq!(file_name("ACME <Ltd.>/../x", "2026-11-25"), "dingtalk-assessment-acme-ltd-x-2026-11-25.pdf");
        assert_eq!(file_name("澳門 測試公司", "2026-11-25"), "dingtalk-assessment-澳門-測試公司-2026-11-25.pdf");
        assert_eq!(file_name("../../etc/passwd", "2026/11/25"), "dingtalk-assessment-etc-passwd-20261125.pdf");
    }
}
