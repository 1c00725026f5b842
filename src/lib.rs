//! The Yew shell of the DingTalk × Macau compliance self-assessment.
//!
//! Reading order: `state` (the reducer over the engine), `platform` (the only
//! module that touches browser APIs), `pdf` (the lazily loaded report worker),
//! `components` (markup), `app` (the root component).

pub mod app;
pub mod components;
pub mod pdf;
pub mod platform;
pub mod state;

pub use app::App;

/// Mounts the app on `<body>`.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
