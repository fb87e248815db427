//! The fixture the end-to-end test uploads: its expected numbers are computed here, natively,
//! and written beside it, so the page is checked against the same engine run natively.

use junheng_core::analysis::{run, AnalysisConfig};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::measures::Measure;

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
    let ingested = read(
        &std::fs::read(FIXTURE).unwrap(),
        &ReadOptions::new("slice.csv"),
    )
    .unwrap();
    let config = AnalysisConfig::new();
    let report = run(&ingested, &config).unwrap();
    let lines: Vec<String> = report
        .indicators
        .iter()
        .map(|i| {
            format!(
                "    \"{}\": {}",
                i.name,
                i[Measure::Cv].map_or("null".into(), |v| format!("{v:?}"))
            )
        })
        .collect();
    let json = format!(
        "{{\n  \"rows\": {},\n  \"cv\": {{\n{}\n  }}\n}}\n",
        ingested.table.rows.len(),
        lines.join(",\n")
    );
    if std::env::var_os("JUNHENG_BLESS").is_some() {
        std::fs::write(EXPECTED, &json).unwrap();
    }
    let committed = std::fs::read_to_string(EXPECTED).unwrap_or_default();
    assert_eq!(
        committed, json,
        "run with JUNHENG_BLESS=1 to rewrite {EXPECTED}"
    );
    // Hand check: the row with 0 pupils is left out, and the placeholder "—" is missing.
    let books = &report
        .indicators
        .iter()
        .find(|i| i.name == "books_per_student")
        .unwrap();
    assert_eq!((books.n, books.missing_lines.as_slice()), (6, &[7][..]));
    let computers = &report
        .indicators
        .iter()
        .find(|i| i.name == "computers_per_100")
        .unwrap();
    assert_eq!(
        (computers.n, computers.missing_lines.as_slice()),
        (5, &[7, 8][..])
    );
}
