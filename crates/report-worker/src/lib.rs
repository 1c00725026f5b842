//! The report generator as a web worker, so the PDF engine (printpdf, the
//! worker is about 640 KB gzip of wasm) is neither in the app's initial download nor on its
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
    /// A font file the report needs could not be fetched (offline before
    /// it was ever loaded, for example); the reason, for the user.
    FontUnavailable(String),
    Failed(String),
}

/// Everything the worker needs to render a report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportRequest {
    pub assessment: engine::Assessment,
    pub locale: i18n::Locale,
    /// The generation date as `YYYY-MM-DD`, from the app's clock.
    pub date: String,
    /// US Letter instead of A4.
    #[serde(default)]
    pub letter: bool,
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
///
/// The Chinese font files are fetched from the site (same origin, next to
/// the worker: `fonts/<name>.<hash>.ttf`) only when the report needs them
/// ([`report::fonts_needed`]), and kept for the worker's lifetime.
#[oneshot]
pub async fn MakePdf(request_json: String) -> PdfOutcome {
    #[cfg(feature = "render")]
    {
        render(&request_json).await
    }
    #[cfg(not(feature = "render"))]
    {
        // Never runs: the app only spawns the worker binary, built with `render`.
        let _ = request_json;
        PdfOutcome::Failed("this build has no PDF renderer".into())
    }
}

#[cfg(feature = "render")]
thread_local! {
    static FONTS: std::cell::RefCell<report::Fonts> = std::cell::RefCell::new(report::Fonts::new());
}

#[cfg(feature = "render")]
async fn render(request_json: &str) -> PdfOutcome {
    let request: ReportRequest = match serde_json::from_str(request_json) {
        Ok(r) => r,
        Err(e) => return PdfOutcome::Failed(format!("bad request: {e}")),
    };
    let needed = match report::fonts_needed(&request.assessment, request.locale) {
        Ok(files) => files,
        Err(chars) => return PdfOutcome::UnsupportedCharacters(chars),
    };
    for file in needed {
        if FONTS.with(|f| f.borrow().has(&file)) {
            continue;
        }
        let bytes = match fetch(&format!("fonts/{}", file.file)).await {
            Ok(b) => b,
            Err(e) => return PdfOutcome::FontUnavailable(e),
        };
        if let Err(e) = FONTS.with(|f| f.borrow_mut().add(&file, bytes)) {
            return PdfOutcome::FontUnavailable(e);
        }
    }
    let paper = if request.letter { report::Paper::Letter } else { report::Paper::A4 };
    let options = report::Options { locale: request.locale, date: &request.date, paper };
    let result = FONTS.with(|f| report::render(engine::builtin(), &request.assessment, options, &f.borrow()));
    match result {
        Ok(bytes) => PdfOutcome::Pdf(bytes),
        Err(report::ReportError::UnsupportedCharacters(chars)) => PdfOutcome::UnsupportedCharacters(chars),
        Err(e) => PdfOutcome::Failed(e.to_string()),
    }
}

/// GETs `url` (relative to the worker's own address) as bytes.
#[cfg(feature = "render")]
async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let scope: web_sys::WorkerGlobalScope = js_sys::global().unchecked_into();
    let why = |e: wasm_bindgen::JsValue| format!("{url}: {}", e.as_string().unwrap_or_else(|| format!("{e:?}")));
    let response: web_sys::Response = JsFuture::from(scope.fetch_with_str(url)).await.map_err(why)?.unchecked_into();
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(why)?).await.map_err(why)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
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
