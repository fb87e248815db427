//! Arbitrary bytes (zip workbooks from the seeds, mutated) through `junheng_sheets::read`:
//! the bounds of the workbook reader (parts, inflated size, shared strings, cells, merged
//! regions, repeated cells, sector chains) hold, so no input aborts on an allocation failure
//! (libFuzzer's -rss_limit_mb / -malloc_limit_mb catch one), none runs away (-timeout), and
//! every error has its two messages; a grid read is the table ingestion makes of it.
//!
//! calamine indexes some records without checking their length; junheng-sheets catches its
//! panics natively and reports a damaged workbook. libFuzzer's own panic hook would abort
//! before that catch, so the hook is replaced by one that only prints: a panic that escapes
//! junheng-sheets still aborts (libfuzzer-sys catches it at the target's boundary).
#![no_main]

use std::sync::Once;

use junheng_core::ingest::ReadOptions;
use junheng_core::Lang;
use libfuzzer_sys::fuzz_target;

static HOOK: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    HOOK.call_once(|| std::panic::set_hook(Box::new(|info| eprintln!("caught: {info}"))));
    match junheng_sheets::read(data, &ReadOptions::new("fuzz.xlsx")) {
        Ok(ingested) => {
            let table = &ingested.table;
            assert!(!table.rows.is_empty());
            for row in &table.rows {
                assert_eq!(row.cells.len(), table.headers.len(), "line {}", row.line);
            }
            for issue in &ingested.issues {
                assert!(!issue.message(Lang::Zh).is_empty() && !issue.message(Lang::En).is_empty());
            }
        }
        Err(e) => {
            assert!(!e.message(Lang::Zh).is_empty(), "{e:?}");
            assert!(!e.message(Lang::En).is_empty(), "{e:?}");
        }
    }
});
