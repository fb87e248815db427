//! The workbook cases of the bad-input corpus (`"via": "cli"` in
//! `tests/fixtures/bad/expected.json`): an .xlsx with no sheet, a password-protected one (an
//! OLE container), a truncated one, a zip that is not a workbook. They run through the
//! `junheng` binary, which keeps reading workbooks wherever the spreadsheet code lives, each
//! with a time box: the expected bilingual error with exit code 3, or the expected report.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

const TIME_BOX: Duration = Duration::from_secs(5);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/bad")
}

/// Runs `junheng analyze FILE -f json` under `lang`; exit code, stdout, stderr, or a problem
/// when it crashes or outlives the time box.
fn analyze(file: &Path, lang: &str) -> Result<(i32, String, String), String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .arg("analyze")
        .arg(file)
        .args(["-f", "json"])
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    let start = Instant::now();
    loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            break;
        }
        if start.elapsed() > TIME_BOX {
            let _ = child.kill();
            return Err(format!("took more than {TIME_BOX:?}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    let code = out
        .status
        .code()
        .ok_or_else(|| "killed by a signal".to_string())?;
    Ok((
        code,
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    ))
}

/// Differences between the expected outcome and what the binary gave.
fn check_case(path: &Path, expected: &Map<String, Value>) -> Result<(), String> {
    let (code, stdout, stderr) = analyze(path, "C")?;
    if code == 101 || stderr.contains("panicked") {
        return Err(format!("panicked: {stderr}"));
    }
    if let Some(en) = expected.get("error").and_then(Value::as_str) {
        if code != 3 || !stderr.contains(en) {
            return Err(format!(
                "exit {code}, stderr {stderr:?}; expected 3 and “{en}”"
            ));
        }
        let zh = expected["zh"].as_str().unwrap_or("");
        let (code, _, stderr) = analyze(path, "zh_CN.UTF-8")?;
        if code != 3 || zh.is_empty() || !stderr.contains(zh) {
            return Err(format!(
                "exit {code}, stderr {stderr:?}; expected 3 and “{zh}”"
            ));
        }
        return Ok(());
    }
    if code != 0 {
        return Err(format!("exit {code}, stderr {stderr:?}"));
    }
    let report: Value = serde_json::from_str(&stdout).map_err(|e| e.to_string())?;
    if report["source"]["data_rows"] != expected["rows"] {
        return Err(format!(
            "rows {} != {}",
            report["source"]["data_rows"], expected["rows"]
        ));
    }
    let codes: BTreeSet<&str> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap())
        .collect();
    let want: BTreeSet<&str> = expected["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    if codes != want {
        return Err(format!("warnings {codes:?} != {want:?}"));
    }
    let first = &report["indicators"][0];
    for (key, want) in expected
        .get("check")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        let agree = match (want.as_f64(), first[key].as_f64()) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
            _ => *want == first[key],
        };
        if !agree {
            return Err(format!("{key} {} != {want}", first[key]));
        }
    }
    Ok(())
}

#[test]
fn workbook_cases_give_their_expected_outcome() {
    let dir = corpus_dir();
    let manifest: Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, expected) in &manifest {
        let expected = expected.as_object().unwrap();
        if expected.get("via").and_then(Value::as_str) != Some("cli") {
            continue;
        }
        ran += 1;
        if let Err(problem) = check_case(&dir.join(name), expected) {
            failures.push(format!("{name}: {problem}"));
        }
    }
    assert!(ran >= 5, "{ran} workbook cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_panic_of_the_workbook_reader_is_the_damaged_workbook_error() {
    // An .xlsb whose shared-strings part starts with an empty BrtBeginSst record: calamine
    // indexes its bytes 4..8 unchecked. Before the audit the release binary aborted on it and
    // the debug one printed the reader's panic above the error (docs/robustness-audit.md).
    let bytes = junheng_core::xlsx_writer::zip_stored(&[
        ("xl/workbook.bin", &[]),
        ("xl/sharedStrings.bin", &[0x9F, 0x01, 0x00]),
    ]);
    let dir = std::env::temp_dir().join(format!("junheng-audit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("short_record.xlsb");
    std::fs::write(&file, bytes).unwrap();
    let (code, _, stderr) = analyze(&file, "C").unwrap();
    let (code_zh, _, stderr_zh) = analyze(&file, "zh_CN.UTF-8").unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, 3, "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("a damaged part stopped the workbook reader"),
        "{stderr}"
    );
    assert_eq!(code_zh, 3, "{stderr_zh}");
    assert!(stderr_zh.contains("无法读取"), "{stderr_zh}");
}
