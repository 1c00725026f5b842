/// WASM / JS API, only enabled on WASM (and, in this patched copy, with
/// the `js-api` feature)
#[cfg(feature = "js-api")]
pub mod api;
/// WASM API Datastructures, can be used even on non-WASM targets
pub mod structs;
