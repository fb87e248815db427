// The page's door to its second wasm module, the spreadsheet reader (crates/sheets-web, built
// into dist/pkg/sheets.js + sheets_bg.wasm). The main module imports this file through
// `#[wasm_bindgen(module = "/js/sheets-loader.js")]` (src/load/workbook.rs), and wasm-bindgen copies
// it to pkg/snippets/junheng-app-<hash>/js/: the reader's path (pkg/sheets.js) is relative to that
// place. The dynamic
// import runs on the first workbook only, so a CSV never fetches the reader.
let reader;

export async function readWorkbook(bytes, sheet) {
  reader ??= import('../../../sheets.js').then(async (m) => {
    await m.default();
    return m;
  });
  try {
    return (await reader).read_workbook(bytes, sheet);
  } catch (e) {
    // A failed fetch may be retried with the next file.
    reader = undefined;
    throw e;
  }
}
