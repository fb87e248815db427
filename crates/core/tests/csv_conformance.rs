//! CSV conformance: the public csv-spectrum cases and the parse cases of PapaParse's test
//! suite, each a data file with its expected table under `tests/fixtures/conformance/`, run
//! through the core's CSV layer ([`ingest::decode`] then [`ingest::records`]).
//!
//! Where the core legitimately differs from the upstream table (blank lines skipped, CR read
//! as LF, malformed quotes read the csv crate's way), the case's JSON holds the core's table
//! under `core` with a `reason`; the upstream table stays under `expected` for reference.

use std::path::{Path, PathBuf};

use junheng_core::ingest::{decode, records, sniff};
use serde_json::Value;

fn suite_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/conformance")
        .join(name)
}

fn table(value: &Value) -> Vec<Vec<String>> {
    let rows = value.as_array().expect("a table is an array of rows");
    rows.iter()
        .map(|row| {
            let cells = row.as_array().expect("a row is an array of cells");
            cells
                .iter()
                .map(|c| c.as_str().expect("a cell is a string").to_string())
                .collect()
        })
        .collect()
}

/// Runs every case of one suite; returns the number of cases. Fails listing every mismatch.
fn check_suite(name: &str) -> usize {
    let dir = suite_dir(name);
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    cases.sort();
    let mut failures = Vec::new();
    for case in &cases {
        let spec: Value = serde_json::from_str(&std::fs::read_to_string(case).unwrap()).unwrap();
        let bytes = std::fs::read(case.with_extension("csv")).unwrap();
        // The suites are UTF-8: forced, so that encoding detection (tested elsewhere) is not
        // what is compared; a BOM is still honoured and stripped.
        let (text, _) = decode::decode(&bytes, decode::encoding_for_label("utf-8").ok().as_deref());
        let delimiter = match spec["delimiter"].as_str() {
            Some(d) => d.as_bytes()[0],
            None => sniff::sniff_delimiter(&text),
        };
        let want = match spec.get("core") {
            Some(core) => {
                let reason = spec["reason"].as_str().unwrap_or("");
                assert!(
                    !reason.is_empty(),
                    "{}: `core` without a `reason`",
                    case.display()
                );
                table(core)
            }
            None => table(&spec["expected"]),
        };
        let got = records(&text, delimiter).unwrap();
        if got != want {
            failures.push(format!(
                "{}\n  input {:?} delimiter {:?}\n  want  {:?}\n  got   {}",
                case.file_name().unwrap().to_string_lossy(),
                text,
                delimiter as char,
                want,
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    cases.len()
}

#[test]
fn csv_spectrum() {
    assert_eq!(check_suite("csv-spectrum"), 12);
}

#[test]
fn papaparse() {
    assert!(check_suite("papaparse") >= 40);
}
