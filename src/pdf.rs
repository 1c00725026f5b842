//! The two lazily loaded workers: the results worker (engine::evaluate with
//! the full bank, ~175 KB gzip) and the report worker (printpdf, ~640 KB
//! gzip). Each is spawned on first need, then reused; spawning fetches the
//! worker's own wasm, so neither is in the app's initial download.

use std::cell::RefCell;

use gloo_worker::Spawnable;
use gloo_worker::oneshot::OneshotBridge;
use report_worker::{MakePdf, PdfOutcome};
use results::{Evaluate, ResultsOutcome};

/// Paths of the workers' loader scripts, emitted by Trunk (`data-loader-shim`).
const REPORT_LOADER: &str = "./report-worker_loader.js";
const RESULTS_LOADER: &str = "./results-worker_loader.js";

thread_local! {
    static REPORT: RefCell<Option<OneshotBridge<MakePdf>>> = const { RefCell::new(None) };
    static RESULTS: RefCell<Option<OneshotBridge<Evaluate>>> = const { RefCell::new(None) };
}

/// Starts the report worker (and its download) if it is not running yet.
pub fn prefetch() {
    REPORT.with(|b| {
        b.borrow_mut().get_or_insert_with(|| MakePdf::spawner().with_loader(true).as_module(false).spawn(REPORT_LOADER));
    });
}

/// Starts the results worker if it is not running yet.
pub fn prefetch_results() {
    RESULTS.with(|b| {
        b.borrow_mut().get_or_insert_with(|| Evaluate::spawner().with_loader(true).as_module(false).spawn(RESULTS_LOADER));
    });
}

/// Renders a report in the worker.
pub async fn make_pdf(request_json: String) -> PdfOutcome {
    prefetch();
    let mut bridge = REPORT.with(|b| b.borrow().as_ref().map(|bridge| bridge.fork())).expect("prefetch spawned it");
    bridge.run(request_json).await
}

/// Evaluates an assessment in the results worker.
pub async fn evaluate(request_json: String) -> ResultsOutcome {
    prefetch_results();
    let mut bridge = RESULTS.with(|b| b.borrow().as_ref().map(|bridge| bridge.fork())).expect("prefetch spawned it");
    bridge.run(request_json).await
}
