//! The workbook route: the spreadsheet reader is a second wasm module (`crates/sheets-web`,
//! `dist/pkg/sheets.js`) fetched only when a workbook arrives, so a CSV never downloads it and the
//! first load stays small. `js/sheets-loader.js` imports it on demand; the reader answers with a
//! grid in JSON, and `junheng_core::ingest::read_grid` does the rest, as for a CSV.

use junheng_core::ingest::{self, grid, Ingested, ReadOptions};
use junheng_core::Error;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/sheets-loader.js")]
extern "C" {
    /// Loads the reader on first use, then reads one sheet (the first when `None`) into
    /// `grid::to_wire` JSON.
    #[wasm_bindgen(catch, js_name = readWorkbook)]
    async fn read_workbook(
        bytes: js_sys::Uint8Array,
        sheet: Option<String>,
    ) -> Result<JsValue, JsValue>;
}

/// Reads the bytes of a workbook through the spreadsheet module.
pub async fn read(bytes: &[u8], options: &ReadOptions) -> Result<Ingested, Error> {
    // A copy in JS memory: the reader runs after awaits, while this module's memory may grow.
    let copy = js_sys::Uint8Array::from(bytes);
    let answer = read_workbook(copy, options.sheet.clone())
        .await
        .map_err(|e| Error::Spreadsheet {
            detail: match describe(&e) {
                // A panic of the reader aborts its wasm ("unreachable"): natively it is caught
                // and said the same way (junheng-sheets).
                d if d.contains("unreachable") => {
                    "a damaged part stopped the workbook reader".to_string()
                }
                d => format!("the spreadsheet reader failed: {d}"),
            },
        })?;
    let grid = grid::from_wire(&answer.as_string().unwrap_or_default())?;
    ingest::read_grid(grid, options)
}

/// A thrown JS value as text.
fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}
