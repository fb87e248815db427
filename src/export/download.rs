//! Saving a file the page made (CSV, JSON, SVG, PNG, plan) to the user's computer: a Blob, an
//! object URL and a click on a temporary link. Nothing is sent anywhere.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// The UTF-8 byte-order mark Excel needs to open a CSV as UTF-8 rather than the locale's code page.
pub const BOM: &str = "\u{feff}";

/// Offers `bytes` as a download named `file_name` with MIME type `mime`.
pub fn download_bytes(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = leptos::prelude::document();
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    Url::revoke_object_url(&url).map_err(|e| format!("{e:?}"))
}

/// Offers `text` as a UTF-8 download.
pub fn download_text(text: &str, file_name: &str, mime: &str) -> Result<(), String> {
    download_bytes(text.as_bytes(), file_name, mime)
}
