//! The results screen's view model. [`ResultsView`] is everything the
//! results screen shows, already localised and formatted: scores, the
//! action plan, the money panel, the assumptions and "how this was computed"
//! for every figure.
//!
//! It is computed by [`engine::evaluate`] with the full bank in a web worker
//! (`src/main.rs`, built by Trunk as a second wasm and loaded only when the
//! results are first needed), because the evaluation, the cost tables and
//! the remediation texts would otherwise add about 30 KB gzip to the app's
//! initial download. The app depends on this crate with the `evaluate`
//! feature off: it links only the view types and the worker's handle.

use gloo_worker::oneshot::oneshot;
use serde::{Deserialize, Serialize};

#[cfg(feature = "evaluate")]
pub mod view;

/// What the app sends: the assessment and the language to show it in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultsRequest {
    pub assessment: engine::Assessment,
    pub locale: i18n::Locale,
    /// The page's address without fragment: the share link is this plus
    /// the `engine::share` fragment, drawn as a QR code. Empty: no QR code.
    #[serde(default)]
    pub share_base: String,
    /// Another assessment to compare with (a stored client, or the earlier
    /// assessment of the same company), with its name.
    #[serde(default)]
    pub compare: Option<(String, engine::Assessment)>,
}

/// A "how this was computed" block: the formula in words, then one row per
/// question, area, fine band or total, each with its named terms.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Explain {
    pub formula: String,
    pub rows: Vec<ExplainRow>,
    /// The figure's own term ("Score 62", "Expected fine MOP 4,000 …").
    pub result: TermView,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ExplainRow {
    pub subject: String,
    pub terms: Vec<TermView>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct TermView {
    pub label: String,
    /// Formatted; a low/typical/high range reads "typical (low–high)".
    pub value: String,
    /// The assumption's name when the value is one; empty otherwise.
    pub source: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ResultsView {
    /// `None` until a scorable answer exists.
    pub overall: Option<Overall>,
    pub answered: u32,
    pub total: u32,
    /// In the bank's order.
    pub areas: Vec<AreaView>,
    pub critical: Vec<CriticalView>,
    /// Ordered by value (avoided loss per unit of effort).
    pub actions: Vec<ActionView>,
    /// `None` only if the bank's cost tables are broken (a content bug).
    pub money: Option<MoneyView>,
    pub assumptions: Vec<AssumptionView>,
    /// Things the visitor should know about the figures (default headcount,
    /// refused overrides), localised.
    pub notes: Vec<String>,
    /// The share link as a QR code, if one was asked for.
    pub share_qr: Option<Qr>,
    /// The share link's fragment (`engine::share`), to append to the page address.
    pub share_fragment: String,
    /// The action plan as CSV, with the visitor's plan entries
    /// (`view::plan_csv`): ready to download.
    pub plan_csv: String,
    /// The comparison asked for in the request.
    pub comparison: Option<Comparison>,
}

/// Score deltas per area and the gaps closed or opened, between another
/// assessment (`with`, before) and this one (after).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Comparison {
    pub with: String,
    /// (label, before, after, change): the overall score first, then areas.
    pub rows: Vec<(String, String, String, String)>,
    /// Gaps of the other assessment that this one no longer has.
    pub resolved: Vec<String>,
    /// Gaps this one has that the other did not.
    pub new_gaps: Vec<String>,
}

/// A QR code as SVG path data: one `M x y h w v 1 h -w z` run per row
/// segment of dark modules, in a `size` × `size` grid (quiet zone included).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Qr {
    pub size: u32,
    pub path: String,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Overall {
    pub points: u32,
    /// If every Don't know were No (= `points`) / Yes.
    pub low: u32,
    pub high: u32,
    pub unknowns: u32,
    pub maturity: String,
    pub maturity_about: String,
    pub risk: String,
    /// `low`, `medium`, `high` or `critical` (a CSS class).
    pub risk_level: String,
    /// With the planned actions done; `None` when nothing is planned.
    pub planned: Option<u32>,
    pub planned_maturity: String,
    pub explain: Explain,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AreaView {
    pub id: String,
    pub title: String,
    /// 0..=100; `None` when no question of the area is scored.
    pub current: Option<u32>,
    pub planned: Option<u32>,
    pub explain: Option<Explain>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct CriticalView {
    pub id: String,
    pub question: String,
    pub area: String,
    pub unknown: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ActionView {
    /// The question id (stable; the plan is keyed by it).
    pub id: String,
    pub question: String,
    /// What to do.
    pub action: String,
    /// Where in the admin console; empty when unknown.
    pub console: String,
    pub why: String,
    /// Legal references, as cited.
    pub legal: Vec<String>,
    pub area: String,
    pub critical: bool,
    pub unknown: bool,
    pub quick_win: bool,
    /// "+3.5 points".
    pub gain: String,
    /// "Avoids about MOP 12,000 a year".
    pub avoids: String,
    pub effort: String,
    pub owner_role: String,
    // The visitor's plan entry (planned, owner, due date, status) is not
    // here: the app shows it from its own state, so an edit shows at once
    // instead of after the worker's answer.
}

/// Three formatted values: with every assumption low, typical, high.
pub type Three = [String; 3];

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct MoneyView {
    /// Regulatory, incident, downtime, management time, then the total.
    pub rows: Vec<MoneyRow>,
    /// `None` when no action is planned.
    pub plan: Option<ReturnView>,
    pub all: ReturnView,
    /// GDPR caps line, for companies serving the EU.
    pub gdpr: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct MoneyRow {
    pub label: String,
    pub now: Three,
    pub planned: Three,
    /// The typical figure now in Hong Kong dollars ("≈ HK$…").
    pub now_hkd: String,
    pub total: bool,
    pub explain: Explain,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct ReturnView {
    /// (label, low/typical/high): avoided loss, first-year cost, ROI, payback.
    pub rows: Vec<(String, Three)>,
    pub explain: Vec<Explain>,
}

/// An editable assumption. The input is in display units (percent, MOP, days,
/// MOP per HK$); `decimals` converts it to the stored integer unit:
/// stored = round(shown × 10^decimals).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct AssumptionView {
    pub id: String,
    pub name: String,
    /// The default typical value, in display units (the app shows the
    /// visitor's override from its own state, else this).
    pub default_shown: f64,
    /// "%", "MOP", a day or people label.
    pub unit: String,
    pub min: f64,
    pub max: f64,
    pub decimals: u32,
    /// The value in use, "typical (low–high)".
    pub value: String,
    /// "Default: …".
    pub default: String,
    pub source: String,
    pub source_kind: String,
    pub overridden: bool,
}

/// What the worker answers. (No `PartialEq` on the view types: the app
/// compares views by pointer, and derived comparisons cost it download size.)
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum ResultsOutcome {
    View(Box<ResultsView>),
    Failed(String),
}

/// Evaluates an assessment. The input is the JSON of a [`ResultsRequest`]
/// (the domain types use serde shapes the worker's binary codec cannot
/// carry); the answer is plain data.
#[oneshot]
pub async fn Evaluate(request_json: String) -> ResultsOutcome {
    #[cfg(feature = "evaluate")]
    {
        match serde_json::from_str::<ResultsRequest>(&request_json) {
            Ok(request) => {
                let mut v = view::build(engine::builtin(), &request.assessment, request.locale);
                if let Some((name, other)) = &request.compare {
                    v.comparison = Some(view::compare(engine::builtin(), name, other, &request.assessment, request.locale));
                }
                if !request.share_base.is_empty() {
                    v.share_qr = view::qr(&format!("{}{}", request.share_base, v.share_fragment));
                }
                ResultsOutcome::View(Box::new(v))
            }
            Err(e) => ResultsOutcome::Failed(format!("bad request: {e}")),
        }
    }
    #[cfg(not(feature = "evaluate"))]
    {
        // Never runs: the app only spawns the worker binary, built with `evaluate`.
        let _ = request_json;
        ResultsOutcome::Failed("this build has no evaluator".into())
    }
}
