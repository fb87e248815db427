//! Arbitrary bytes through `ingest::read` (decode, sniff, parse, header, mapping) and number
//! reading: no panic; every error and issue has a Chinese and an English message; a table has
//! as many cells per row as headers, and lines strictly increasing.
#![no_main]

use junheng_core::ingest::{self, parse_number, read, Number, ReadOptions};
use junheng_core::{Field, Lang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the reading options, so forced settings are fuzzed too.
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let mut options = ReadOptions::new("fuzz.csv");
    match choice % 8 {
        1 => options.delimiter = Some(b';'),
        2 => options.delimiter = Some(b'\t'),
        3 => options.encoding = Some("gbk".into()),
        4 => options.decimal_comma = Some(true),
        5 => options.encoding = Some("utf-16le".into()),
        6 => options.delimiter = Some(choice / 8 + 32),
        _ => {}
    }
    let ingested = match read(bytes, &options) {
        Ok(ingested) => ingested,
        Err(e) => {
            assert!(!e.message(Lang::Zh).is_empty(), "{e:?}");
            assert!(!e.message(Lang::En).is_empty(), "{e:?}");
            return;
        }
    };
    let table = &ingested.table;
    assert!(!table.rows.is_empty());
    let mut last_line = 0;
    for row in &table.rows {
        assert_eq!(row.cells.len(), table.headers.len(), "line {}", row.line);
        assert!(row.line > last_line, "line {} after {last_line}", row.line);
        last_line = row.line;
        for cell in &row.cells {
            if let Number::Value(v) = parse_number(cell) {
                assert!(v.is_finite(), "{cell:?} read as {v}");
            }
        }
    }
    assert_eq!(table.source.data_rows, table.rows.len());
    for issue in &ingested.issues {
        assert!(!issue.message(Lang::Zh).is_empty(), "{issue:?}");
        assert!(!issue.message(Lang::En).is_empty(), "{issue:?}");
    }
    for skipped in &table.source.skipped {
        assert!(!skipped.reason.is_empty() && !skipped.reason_zh.is_empty());
    }
    for field in Field::ALL {
        let Some(column) = ingest::read_column(table, &ingested.mapping, field) else {
            continue;
        };
        for (_, v) in &column.values {
            assert!(v.is_finite(), "{field:?}: {v}");
        }
        for e in &column.invalid {
            assert!(!e.message(Lang::Zh).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
});
