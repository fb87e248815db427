//! junheng-sheets-web: the page's second wasm module (`dist/pkg/sheets.js`), fetched only when
//! the user drops a spreadsheet, so the first load stays small.
//!
//! It reads a workbook with `junheng-sheets` and answers with one JSON string
//! (`junheng_core::ingest::grid::to_wire`): the page's module decodes it with `from_wire` and runs
//! `junheng_core::ingest::read_grid`, the same header, layout and mapping logic as for a CSV.
//! `js/sheets-loader.js` imports this module on demand.
//!
//! Natively the crate is empty (the exports are wasm32-only), so `cargo clippy --workspace` and
//! `cargo test --workspace` need no browser.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

/// The answer of [`read_workbook`] for `bytes`: the grid of `sheet` (the first when `None`) or
/// the reader's error, as `to_wire` JSON. Plain Rust, so it is tested natively.
pub fn answer(bytes: &[u8], sheet: Option<&str>) -> String {
    junheng_core::ingest::grid::to_wire(&junheng_sheets::read_grid(bytes, sheet))
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    /// Reads one sheet of a workbook; see [`crate::answer`].
    #[wasm_bindgen]
    pub fn read_workbook(bytes: &[u8], sheet: Option<String>) -> String {
        crate::answer(bytes, sheet.as_deref())
    }

    /// Names of the sheets of a workbook, in order; throws the reader's message when the bytes
    /// are not a readable workbook.
    #[wasm_bindgen]
    pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, String> {
        junheng_sheets::sheet_names(bytes).map_err(|e| e.message(junheng_core::Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use junheng_core::ingest::grid::from_wire;
    use junheng_core::Error;

    #[test]
    fn answers_decode_to_grids_and_errors() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/ingest/twin.xlsx"
        );
        let bytes = std::fs::read(path).unwrap();
        let grid = from_wire(&super::answer(&bytes, Some("简表"))).unwrap();
        assert_eq!(grid.sheet, "简表");
        assert_eq!(grid.sheets, ["学校数据", "简表"]);
        assert_eq!(grid.format, "xlsx");
        assert_eq!(
            from_wire(&super::answer(&bytes, Some("初中"))),
            Err(Error::UnknownSheet {
                name: "初中".into(),
                available: vec!["学校数据".into(), "简表".into()]
            })
        );
        assert!(matches!(
            from_wire(&super::answer(b"PK\x03\x04", None)),
            Err(Error::Spreadsheet { .. })
        ));
    }
}
