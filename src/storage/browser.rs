//! Saving and loading with the browser's own deflate (`CompressionStream`):
//! native code, several times faster than deflating in wasm, and fed a slice
//! per task, so a large plan neither freezes the page while it saves nor
//! slows the first screen. Where the browser lacks it, miniz does the work.

use super::{
    check_fits, is_large, open_saved, packed_bytes, packed_text, saved_raw, stamp, KeyValueStore,
    Opened, Saved, StoreError,
};
use crate::io::packed::{deflate, text};
use js_sys::{Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
const SLICE = 1 << 20;
// A slice per task: deflating 11 MB at once would hold the page for a fifth of a second.
async function feed(writer, bytes) {
  for (let at = 0; at < bytes.length; at += SLICE) {
    await writer.write(bytes.subarray(at, at + SLICE));
    await new Promise((next) => setTimeout(next));
  }
  await writer.close();
}
async function through(transform, view) {
  const bytes = view.slice(); // the view into wasm memory holds only until the first await
  const out = new Response(transform.readable).arrayBuffer();
  const [buffer] = await Promise.all([out, feed(transform.writable.getWriter(), bytes)]);
  return new Uint8Array(buffer);
}
export function inflate_raw(bytes) { return through(new DecompressionStream('deflate-raw'), bytes); }
export function deflate_raw(bytes) { return through(new CompressionStream('deflate-raw'), bytes); }
"#)]
extern "C" {
    /// Fails (or rejects) without the API or on damaged data.
    #[wasm_bindgen(catch)]
    fn inflate_raw(bytes: &[u8]) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn deflate_raw(bytes: &[u8]) -> Result<Promise, JsValue>;
}

async fn bytes_of(promise: Result<Promise, JsValue>) -> Result<Vec<u8>, JsValue> {
    let array = JsFuture::from(promise?).await?;
    Ok(Uint8Array::new(&array).to_vec())
}

/// What a visit finds in storage, inflated by the browser.
pub async fn load(store: &dyn KeyValueStore) -> Opened {
    let stamp = stamp(store);
    let Some(raw) = saved_raw(store) else {
        return Opened {
            saved: Saved::Nothing,
            stamp,
        };
    };
    let inflated = match packed_bytes(&raw) {
        Some(Ok(deflated)) => bytes_of(inflate_raw(&deflated))
            .await
            .ok()
            .and_then(|bytes| text(bytes).ok()),
        // Plain JSON, or damage that `open_saved` describes.
        _ => None,
    };
    Opened {
        saved: open_saved(raw, inflated),
        stamp,
    }
}

/// The text a plan with compact JSON `json` is saved as (see `storage::saved_text`).
pub async fn saved_text(json: String) -> Result<String, StoreError> {
    check_fits(&json)?;
    if !is_large(&json) {
        return Ok(json);
    }
    let deflated = match bytes_of(deflate_raw(json.as_bytes())).await {
        Ok(bytes) => bytes,
        Err(_) => deflate(json.as_bytes(), 1),
    };
    Ok(packed_text(&deflated))
}
