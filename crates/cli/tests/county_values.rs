//! `--county-values FILE` and a workbook's own 县级指标 sheet (issue 18): the county's figures
//! and judgements decide the 2017 items and whether the county can be recognised.
//!
//! The fixture county (tools/gen_items_county.py) meets every item when its sheet is read.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const DIR: &str = "tests/fixtures/items";

/// Runs `junheng ARGS` in the workspace root with `LANG`; gives exit code, stdout, stderr.
fn junheng(args: &[&str], lang: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .current_dir(root())
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The report's `standard` section of `junheng analyze ARGS --standard quality-2017`.
fn standard(args: &[&str]) -> Value {
    let mut argv = vec!["analyze"];
    argv.extend_from_slice(args);
    argv.extend_from_slice(&["--standard", "quality-2017"]);
    let (code, out, err) = junheng(&argv, "C");
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    report["standard"].clone()
}

fn item<'a>(section: &'a Value, id: &str) -> &'a Value {
    section["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
}

fn part_met(section: &Value, part: &str) -> Value {
    section["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["part"] == part)
        .unwrap()["met"]
        .clone()
}

/// A copy of the fixture's county sheet with one row's value replaced, in a fresh file.
fn edited_sheet(test: &str, label_start: &str, value: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join(DIR).join("county_values.csv")).unwrap();
    let mut found = false;
    let lines: Vec<String> = text
        .split("\r\n")
        .map(|line| {
            let cells: Vec<&str> = line.splitn(3, ',').collect();
            if cells.len() == 3 && cells[0].starts_with(label_start) {
                found = true;
                format!("{},{value},{}", cells[0], cells[2])
            } else {
                line.to_string()
            }
        })
        .collect();
    assert!(found, "{label_start}");
    let dir = std::env::temp_dir().join(format!("junheng-county-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("县级指标.csv");
    std::fs::write(&path, lines.join("\r\n")).unwrap();
    path
}

#[test]
fn without_county_values_the_county_items_stay_unknown() {
    let s = standard(&[&format!("{DIR}/schools.csv")]);
    assert_eq!(s["recognized"], Value::Null);
    assert_eq!(part_met(&s, "resources"), true);
    assert_eq!(part_met(&s, "government"), Value::Null);
    // Computed from the table: met without the county.
    for id in ["G3", "G4", "G5", "G12", "Q4"] {
        assert_eq!(item(&s, id)["met"], true, "{id}");
        assert_eq!(item(&s, id)["decided_by"], "table", "{id}");
    }
    // G6 needs the county's benchmark for its one school under 100 pupils.
    let g6 = item(&s, "G6");
    assert_eq!(g6["met"], Value::Null);
    assert_eq!(g6["unknown_schools"][0]["name"], "柳沟村小学");
    assert_eq!(g6["unknown_schools"][0]["missing"][0], "benchmark");
    let unknown: Vec<&str> = s["unknown_items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(unknown.len(), 26, "{unknown:?}");
    assert!(
        unknown.starts_with(&["G1", "G2", "G6", "G7"]),
        "{unknown:?}"
    );
    assert_eq!(s["county_values"], Value::Null);
}

#[test]
fn a_county_csv_makes_the_county_recognized() {
    let s = standard(&[
        &format!("{DIR}/schools.csv"),
        "--county-values",
        &format!("{DIR}/county_values.csv"),
    ]);
    assert_eq!(s["recognized"], true);
    for part in ["resources", "government", "quality", "recognition", "veto"] {
        assert_eq!(part_met(&s, part), true, "{part}");
    }
    assert_eq!(s["unknown_items"].as_array().unwrap().len(), 0);
    let g13 = item(&s, "G13");
    assert_eq!(g13["met"], true);
    assert_eq!(g13["decided_by"], "county");
    assert_eq!(g13["values"][0]["value"], 1.0);
    assert_eq!(g13["evidence"], "G13佐证材料.pdf");
    assert_eq!(
        item(&s, "G6")["failing_schools"].as_array().unwrap().len(),
        0
    );
    assert_eq!(s["county_values"]["source"], "county_values.csv");
}

#[test]
fn a_declared_veto_or_a_value_below_its_threshold_refuses_recognition() {
    let veto = edited_sheet("veto", "V3 ", "是");
    let s = standard(&[
        &format!("{DIR}/schools.csv"),
        "--county-values",
        veto.to_str().unwrap(),
    ]);
    assert_eq!(s["recognized"], false);
    assert_eq!(item(&s, "V3")["met"], false);
    assert_eq!(part_met(&s, "veto"), false);
    assert_eq!(part_met(&s, "government"), true);

    let low = edited_sheet("low", "S1 ", "84.5％");
    let s = standard(&[
        &format!("{DIR}/schools.csv"),
        "--county-values",
        low.to_str().unwrap(),
    ]);
    assert_eq!(s["recognized"], false);
    assert_eq!(part_met(&s, "recognition"), false);
    let s1 = item(&s, "S1");
    assert_eq!(s1["met"], false);
    assert!((s1["values"][0]["value"].as_f64().unwrap() - 0.845).abs() < 1e-12);
    assert_eq!(s1["values"][0]["threshold"], 0.85);

    // An answer left blank: the county cannot be recognised yet, nor refused.
    let blank = edited_sheet("blank", "Q8 ", "");
    let s = standard(&[
        &format!("{DIR}/schools.csv"),
        "--county-values",
        blank.to_str().unwrap(),
    ]);
    assert_eq!(s["recognized"], Value::Null);
    assert_eq!(s["unknown_items"], serde_json::json!(["Q8"]));
}

#[test]
fn a_workbook_has_its_county_sheet_read() {
    // The data file's own sheet 县级指标: read without the flag, never taken for the schools.
    let book = format!("{DIR}/county.xlsx");
    let (code, out, err) = junheng(&["analyze", &book, "--standard", "quality-2017"], "C");
    assert_eq!(code, 0, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["source"]["sheet"], "学校");
    assert_eq!(report["standard"]["recognized"], true);
    assert_eq!(
        report["standard"]["county_values"]["source"],
        "county.xlsx / 县级指标"
    );
    // The workbook as the county's file of a CSV school table.
    let s = standard(&[&format!("{DIR}/schools.csv"), "--county-values", &book]);
    assert_eq!(s["recognized"], true);
    // A veto in the CSV given with the flag wins over the workbook's own sheet.
    let veto = edited_sheet("override", "V1 ", "是");
    let s = standard(&[&book, "--county-values", veto.to_str().unwrap()]);
    assert_eq!(s["recognized"], false);
}

#[test]
fn bad_county_files_are_named() {
    let bad = edited_sheet("bad", "G9 ", "很多");
    let (code, _, err) = junheng(
        &[
            "analyze",
            &format!("{DIR}/schools.csv"),
            "--standard",
            "quality-2017",
            "--county-values",
            bad.to_str().unwrap(),
        ],
        "zh_CN.UTF-8",
    );
    assert_eq!(code, 3, "{err}");
    assert!(
        err.contains("县级指标.csv") && err.contains("第 11 行") && err.contains("很多"),
        "{err}"
    );
    // A workbook without a 县级指标 sheet, given as the county's file.
    let (code, _, err) = junheng(
        &[
            "analyze",
            &format!("{DIR}/schools.csv"),
            "--standard",
            "quality-2017",
            "--county-values",
            "tests/fixtures/bad/minimal_ok.xlsx",
        ],
        "C",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("no sheet named “县级指标”"), "{err}");
    // The flag needs a standard (analyze), as every standard flag does.
    let (code, _, err) = junheng(
        &[
            "analyze",
            &format!("{DIR}/schools.csv"),
            "--county-values",
            &format!("{DIR}/county_values.csv"),
        ],
        "C",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--standard"), "{err}");
}

#[test]
fn plan_and_report_take_the_county_values() {
    let (code, _, err) = junheng(
        &[
            "plan",
            &format!("{DIR}/schools.csv"),
            "--standard",
            "quality-2017",
            "--county-values",
            &format!("{DIR}/county_values.csv"),
        ],
        "C",
    );
    assert_eq!(code, 0, "{err}");
    let dir = std::env::temp_dir().join(format!("junheng-county-report-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("明德县.html");
    let (code, _, err) = junheng(
        &[
            "report",
            &format!("{DIR}/schools.csv"),
            "--county-values",
            &format!("{DIR}/county_values.csv"),
            "-o",
            out.to_str().unwrap(),
        ],
        "C",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.exists());
}
