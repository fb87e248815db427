//! The fixture the end-to-end test uploads: its expected numbers are computed here, natively,
//! and written beside it, so the browser is checked against the same engine run natively.

use junheng_core::ingest::read_csv;
use junheng_core::profile::{detect_weight, profile};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/slice.csv"
);
const EXPECTED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/slice.expected.json"
);

#[test]
fn slice_fixture_matches_its_expected_file() {
    let table = read_csv(&std::fs::read(FIXTURE).unwrap(), "slice.csv").unwrap();
    let profiles = profile(&table, detect_weight(&table));
    let mut json = format!("{{\n  \"rows\": {},\n  \"cv\": {{\n", table.rows.len());
    let lines: Vec<String> = profiles
        .iter()
        .map(|p| {
            format!(
                "    \"{}\": {}",
                p.header,
                p.cv.map_or("null".into(), |v| format!("{v:?}"))
            )
        })
        .collect();
    json.push_str(&lines.join(",\n"));
    json.push_str("\n  }\n}\n");
    if std::env::var_os("JUNHENG_BLESS").is_some() {
        std::fs::write(EXPECTED, &json).unwrap();
    }
    let committed = std::fs::read_to_string(EXPECTED).unwrap_or_default();
    assert_eq!(
        committed, json,
        "run with JUNHENG_BLESS=1 to rewrite {EXPECTED}"
    );
    // Hand check: the row with 0 pupils is excluded, the placeholder "—" is missing.
    let books = profiles.iter().find(|p| p.header == "图书册数").unwrap();
    assert_eq!((books.n, books.missing), (6, 1));
    let computers = profiles.iter().find(|p| p.header == "计算机台数").unwrap();
    assert_eq!((computers.n, computers.missing), (5, 2));
}
