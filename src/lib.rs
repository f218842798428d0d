//! okrplan: a planner for OKRs and their rollout, running entirely in the browser.
//!
//! Layers, each depending only on those above it:
//! `model` (pure domain) ← `io` (file formats) ← `storage` (browser storage) ← `ui` (Leptos views).

pub mod io;
pub mod model;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;
