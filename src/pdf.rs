//! The report worker: spawned on first need (reaching the results screen
//! prefetches it), then reused. Spawning fetches the worker's own wasm, which
//! holds printpdf; the app's wasm never does.

use std::cell::RefCell;

use gloo_worker::Spawnable;
use gloo_worker::oneshot::OneshotBridge;
use report_worker::{MakePdf, PdfOutcome};

/// Path of the worker's loader script, emitted by Trunk (`data-loader-shim`).
const WORKER_LOADER: &str = "./report-worker_loader.js";

thread_local! {
    static BRIDGE: RefCell<Option<OneshotBridge<MakePdf>>> = const { RefCell::new(None) };
}

/// Starts the worker (and its download) if it is not running yet.
pub fn prefetch() {
    BRIDGE.with(|b| {
        let mut b = b.borrow_mut();
        if b.is_none() {
            *b = Some(MakePdf::spawner().with_loader(true).as_module(false).spawn(WORKER_LOADER));
        }
    });
}

/// Renders a report in the worker.
pub async fn make_pdf(request_json: String) -> PdfOutcome {
    prefetch();
    let mut bridge = BRIDGE.with(|b| b.borrow().as_ref().map(|bridge| bridge.fork())).expect("prefetch spawned it");
    bridge.run(request_json).await
}
