#[cfg(target_arch = "wasm32")]
fn main() {
    okrplan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("okrplan runs in the browser: start it with ./scripts/serve");
}
