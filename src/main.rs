//! Entry point of the app's wasm: mounts the Yew app on `<body>`.

fn main() {
    app::start();
}
