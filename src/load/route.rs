//! The one place that decides how a file is read. Pure, so tested natively.
//!
//! Today three routes: large delimited text goes to the engine worker (off the main thread),
//! workbook bytes to the spreadsheet reader (a second wasm module, fetched on first use), the
//! rest (a county's table, the sample) is read by the core on the main thread.

/// Files from this size on (about 20 000 schools) are read by the engine worker, in chunks,
/// off the main thread; smaller ones (a county's table, the sample) are read at once on the
/// main thread, where reading takes under 0.2 s and needs no second module.
pub const WORKER_THRESHOLD: f64 = 2.0 * 1024.0 * 1024.0;

/// File name endings of workbooks: the worker reads delimited text only.
const WORKBOOK_ENDINGS: [&str; 5] = [".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"];

/// How a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    /// The engine worker (`worker.rs`): sent in chunks, parsed off the main thread.
    Worker,
    /// The spreadsheet reader (`workbook.rs`), then the core's `read_grid`.
    Workbook,
    /// The core's `ingest::read` on the main thread.
    MainThread,
}

/// The route of a chosen file, from what is known before its bytes are read: the worker for
/// delimited text of [`WORKER_THRESHOLD`] bytes and more when a worker can start (not from
/// file://); `None` when the bytes decide ([`of_bytes`], once they are read).
pub fn of_file(name: &str, size: f64, worker_available: bool) -> Option<Route> {
    let name = name.to_lowercase();
    let workbook = WORKBOOK_ENDINGS.iter().any(|ending| name.ends_with(ending));
    (size >= WORKER_THRESHOLD && !workbook && worker_available).then_some(Route::Worker)
}

/// The route of bytes at hand (a small file, the sample, a share link's data, or a file the
/// worker gave back): a workbook by its signature (zip or OLE), anything else as text.
pub fn of_bytes(bytes: &[u8]) -> Route {
    if junheng_core::ingest::is_spreadsheet(bytes) {
        Route::Workbook
    } else {
        Route::MainThread
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_delimited_text_goes_to_the_worker() {
        let large = WORKER_THRESHOLD;
        let small = WORKER_THRESHOLD - 1.0;
        let cases = [
            ("province.csv", large, true, Some(Route::Worker)),
            ("PROVINCE.TXT", large, true, Some(Route::Worker)),
            ("county.csv", small, true, None),
            // From file:// no worker starts: the page reads it itself.
            ("province.csv", large, false, None),
            // A workbook is read whole by the reader anyway.
            ("province.xlsx", large, true, None),
            ("province.XLS", large, true, None),
            ("province.ods", large, true, None),
        ];
        for (name, size, worker, expected) in cases {
            assert_eq!(of_file(name, size, worker), expected, "{name} {size}");
        }
    }

    #[test]
    fn workbooks_are_known_by_their_bytes() {
        assert_eq!(of_bytes(b"PK\x03\x04rest"), Route::Workbook);
        assert_eq!(
            of_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
            Route::Workbook
        );
        assert_eq!(of_bytes("学校,学生\nA,1\n".as_bytes()), Route::MainThread);
        assert_eq!(of_bytes(b""), Route::MainThread);
    }
}
