//! The Yew shell of the DingTalk × Macau compliance self-assessment.
//!
//! Reading order: `state` (the reducer over the engine), `platform` (the only
//! module that touches browser APIs), `pdf` (the two lazily loaded workers: results and report),
//! `components` and `results_panel` (markup), `app` (the root component).

pub mod app;
pub mod components;
pub mod pdf;
pub mod platform;
pub mod results_panel;
pub mod state;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(platform::on_panic));
    yew::Renderer::<App>::new().render();
}
