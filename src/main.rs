//! Entry point of the page: mounts the app. Built for wasm32 by `scripts/build.sh`.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(junheng_app::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("junheng-app is the web page: run `bash scripts/run.sh`; the native tool is `junheng` (crates/cli).");
}
