//! The bad-input corpus (`tests/fixtures/bad/`, written by `tools/gen_bad_corpus.py`): every
//! case is read and analysed with the default configuration, in its own thread with a time
//! box, and must give exactly the outcome written in `expected.json`: never a panic, never a
//! hang, never a silently wrong number. Workbook cases (`"via": "cli"`) run through the
//! binary in `crates/cli/tests/bad_spreadsheets.rs`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use junheng_core::analysis::{run, AnalysisConfig};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::measures::prec;
use junheng_core::{Error, Lang};
use serde_json::{json, Map, Value};

/// A guard against a hang (a loop that never ends on hostile bytes), not a speed target: speed
/// is measured by scripts/bench.sh. Generous, so a loaded CI machine never fails it (a case takes
/// well under a second in a debug build).
const TIME_BOX: Duration = Duration::from_secs(60);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad")
}

/// The four ordinary schools of every recipe (tools/gen_bad_corpus.py `BASE`).
const BASE: &str = "学校名称,在校学生数,教学及辅助用房面积（平方米）\n一小,100,500\n二小,200,1200\n三小,400,3000\n四小,300,2400\n";

/// Bytes of a case with no committed file (too large to commit).
fn recipe(name: &str) -> Vec<u8> {
    let mut text = String::from(BASE);
    match name {
        "ten_mb_field" => {
            text.push_str("五小,100,\"");
            let block = "1234567890abcdef";
            text.push_str(&block.repeat(10 * 1024 * 1024 / block.len()));
            text.push_str("\"\n");
        }
        "wide_columns" => {
            let n = 50_000;
            text = (0..n)
                .map(|i| format!("c{i}"))
                .collect::<Vec<_>>()
                .join(",");
            text.push('\n');
            text.push_str(
                &(0..n)
                    .map(|i| (i % 97 + 1).to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            );
            text.push('\n');
        }
        "million_columns" => {
            text.push_str("五小");
            text.push_str(&",1".repeat(1_000_000 - 1));
            text.push('\n');
        }
        other => panic!("unknown recipe {other}"),
    }
    text.into_bytes()
}

/// What reading and analysing gave, in the manifest's terms.
fn outcome(bytes: Vec<u8>, name: String) -> Value {
    let result = read(&bytes, &ReadOptions::new(&name))
        .and_then(|ingested| run(&ingested, &AnalysisConfig::new()).map(|r| (ingested, r)));
    match result {
        Err(e) => {
            let line = match &e {
                Error::UnclosedQuote { line } => Some(*line),
                Error::BadNumber { cell, .. } => Some(cell.line),
                Error::StackedHeaders { second, .. } => Some(*second),
                _ => None,
            };
            json!({"error": e.message(Lang::En), "zh": e.message(Lang::Zh), "line": line})
        }
        Ok((ingested, report)) => {
            let codes: BTreeSet<&str> = report.warnings.iter().map(|w| w.code).collect();
            for w in &report.warnings {
                assert!(!w.zh.is_empty() && !w.en.is_empty(), "{name}: {w:?}");
            }
            let first = report
                .indicators
                .first()
                .map(|i| serde_json::to_value(i).unwrap())
                .unwrap_or(Value::Null);
            json!({
                "ok": true,
                "rows": ingested.table.rows.len(),
                "warnings": codes,
                "first": first,
                "json_bytes": report.to_json().len(),
            })
        }
    }
}

/// Runs `outcome` in a thread; an error message when it panics or outlives the time box.
fn boxed(bytes: Vec<u8>, name: &str) -> Result<(Value, Duration), String> {
    let (sender, receiver) = mpsc::channel();
    let owned = name.to_string();
    let start = Instant::now();
    std::thread::spawn(move || {
        let _ = sender.send(outcome(bytes, owned));
    });
    match receiver.recv_timeout(TIME_BOX) {
        Ok(value) => Ok((value, start.elapsed())),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(format!("took more than {TIME_BOX:?}")),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err("panicked".into()),
    }
}

/// Differences between the expected and the actual outcome, empty when they agree.
fn compare(expected: &Map<String, Value>, got: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(en) = expected.get("error").and_then(Value::as_str) {
        let zh = expected["zh"].as_str().unwrap_or("");
        match (got["error"].as_str(), got["zh"].as_str()) {
            (Some(got_en), Some(got_zh)) => {
                if !got_en.contains(en) {
                    problems.push(format!("English message lacks “{en}”"));
                }
                if zh.is_empty() || !got_zh.contains(zh) {
                    problems.push(format!("Chinese message lacks “{zh}”"));
                }
            }
            _ => problems.push("expected an error".into()),
        }
        if let Some(line) = expected.get("line") {
            if got["line"] != *line {
                problems.push(format!("line {} != {line}", got["line"]));
            }
        }
        return problems;
    }
    if got.get("ok").is_none() {
        problems.push("expected a result".into());
        return problems;
    }
    if expected["rows"] != got["rows"] {
        problems.push(format!("rows {} != {}", got["rows"], expected["rows"]));
    }
    if expected["warnings"] != got["warnings"] {
        problems.push(format!(
            "warnings {} != {}",
            got["warnings"], expected["warnings"]
        ));
    }
    if let Some(max) = expected.get("max_json").and_then(Value::as_u64) {
        if got["json_bytes"].as_u64().is_none_or(|n| n > max) {
            problems.push(format!("report of {} bytes > {max}", got["json_bytes"]));
        }
    }
    if let Some(check) = expected.get("check").and_then(Value::as_object) {
        for (key, want) in check {
            let have = &got["first"][key];
            let agree = match (want.as_f64(), have.as_f64()) {
                (Some(a), Some(b)) => prec::close(a, b, prec::STABLE_REL, prec::ABS_FLOOR),
                _ => want == have,
            };
            if !agree {
                problems.push(format!("{key} {have} != {want}"));
            }
        }
    }
    problems
}

#[test]
fn every_case_gives_its_expected_outcome() {
    let dir = corpus_dir();
    let manifest: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.json" && n != "README.md")
        .collect();
    let listed: BTreeSet<String> = manifest
        .iter()
        .filter(|(_, e)| e.get("recipe").is_none())
        .map(|(n, _)| n.clone())
        .collect();
    assert_eq!(files, listed, "files and expected.json disagree");
    assert!(manifest.len() >= 50, "{} cases", manifest.len());

    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, expected) in &manifest {
        let expected = expected.as_object().unwrap();
        if expected.get("via").and_then(Value::as_str) == Some("cli") {
            continue;
        }
        let bytes = match expected.get("recipe").and_then(Value::as_str) {
            Some(r) => recipe(r),
            None => std::fs::read(dir.join(name)).unwrap(),
        };
        ran += 1;
        match boxed(bytes, name) {
            Err(problem) => failures.push(format!("{name}: {problem}")),
            Ok((got, _)) => {
                let problems = compare(expected, &got);
                if !problems.is_empty() {
                    let mut shown = got.clone();
                    if let Some(Value::Object(first)) = shown.get_mut("first") {
                        let keep = ["n", "missing", "mean", "std", "cv", "gini", "theil"];
                        first.retain(|k, _| keep.contains(&k.as_str()));
                    }
                    failures.push(format!("{name}: {}\n    got {shown}", problems.join("; ")));
                }
            }
        }
    }
    assert!(ran >= 50, "{ran} cases ran");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
