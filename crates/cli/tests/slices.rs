//! `junheng analyze FILE --by COLUMN` and `junheng report FILE --by COLUMN -o OUT.xlsx` from
//! the built binary, on the city fixtures of tools/gen_city.py (issue 19).

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `junheng ARGS` in the workspace root in English; gives exit code, stdout, stderr.
fn junheng(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .current_dir(root())
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const CITY: &str = "tests/fixtures/city/three_counties.csv";
const YEARS: &str = "tests/fixtures/city/two_years.csv";

fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = junheng(args);
    assert_eq!(code, 0, "{stderr}");
    serde_json::from_str(&stdout).unwrap()
}

/// The file with only the header and the rows whose first cell is `value`, written next to
/// the test's other output.
fn own_file(file: &str, value: &str) -> PathBuf {
    let text = std::fs::read_to_string(root().join(file)).unwrap();
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap());
    for line in lines.filter(|l| l.split(',').next() == Some(value)) {
        out.push_str(line);
        out.push('\n');
    }
    let path =
        std::env::temp_dir().join(format!("junheng-slices-{}-{value}.csv", std::process::id()));
    std::fs::write(&path, out).unwrap();
    path
}

#[test]
fn json_has_a_report_per_slice_in_order_of_first_appearance() {
    let doc = json(&[
        "analyze",
        CITY,
        "--by",
        "县区",
        "--standard",
        "quality-2017",
    ]);
    assert_eq!(doc["schema"], "junheng.slices/1");
    assert_eq!(doc["by"], "县区");
    assert_eq!(doc["detail"], "summary");
    let values: Vec<&str> = doc["slices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["value"].as_str().unwrap())
        .collect();
    assert_eq!(values, ["青山县", "河口县", "东湖区"]);
    // Each slice's report is its rows' report: 河口县's CVs and verdicts as `analyze` of a
    // file holding only its rows.
    let own = own_file(CITY, "河口县");
    let whole = json(&[
        "analyze",
        own.to_str().unwrap(),
        "--standard",
        "quality-2017",
    ]);
    let slice = &doc["slices"][1]["report"];
    assert_eq!(slice["schema"], "junheng.report/1");
    assert_eq!(slice["indicators"], whole["indicators"]);
    // The reasons quote lines, the file's in the slice and the small file's in its own.
    let levels = |doc: &Value| -> Value {
        let mut levels = doc["standard"]["levels"].clone();
        for level in levels.as_array_mut().unwrap() {
            level.as_object_mut().unwrap().remove("reasons");
        }
        levels
    };
    assert_eq!(levels(slice), levels(&whole));
    assert_eq!(slice["source"]["county"]["name"]["value"], "河口县");
    // No school by default; --detail failing keeps the schools that fail; every school with
    // --detail all.
    let schools = |doc: &Value| doc["standard"]["schools"].as_array().unwrap().len();
    assert_eq!(schools(slice), 0);
    let failing = json(&[
        "analyze",
        CITY,
        "--by",
        "县区",
        "--standard",
        "quality-2017",
        "--detail",
        "failing",
    ]);
    let failing = schools(&failing["slices"][1]["report"]);
    assert!(failing > 0 && failing < schools(&whole));
    let all = json(&[
        "analyze",
        CITY,
        "--by",
        "county",
        "--standard",
        "quality-2017",
        "--detail",
        "all",
    ]);
    assert_eq!(schools(&all["slices"][1]["report"]), schools(&whole));

    // A year column: the monitoring table.
    let years = json(&["analyze", YEARS, "--by", "年份"]);
    assert_eq!(years["monitoring"]["series"][0]["years"][1]["year"], 2023);
}

#[test]
fn csv_and_text_print_the_city_table() {
    let (code, csv, stderr) = junheng(&["analyze", CITY, "--by", "县区", "-f", "csv"]);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "县区");
    assert_eq!(&header[1], "level");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 6);
    assert_eq!((&rows[0][0], &rows[0][1]), ("青山县", "primary"));
    assert_eq!((&rows[5][0], &rows[5][1]), ("东湖区", "junior"));
    let (code, text, _) = junheng(&["analyze", CITY, "--by", "县区", "-f", "text"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("县区") && lines[0].contains("composite CV"));
    assert!(lines[1].starts_with("青山县") && lines[1].contains("Primary"));
    assert!(lines[6].starts_with("东湖区"));
}

#[test]
fn usage_errors() {
    let (code, _, stderr) = junheng(&["analyze", CITY, "--by", "片区"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("片区"), "{stderr}");
    let (code, _, stderr) = junheng(&["analyze", CITY, "--by", "县区", "--county", "青山县"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("--county"), "{stderr}");
    let (code, _, _) = junheng(&["plan", CITY, "--by", "县区", "--standard", "quality-2017"]);
    assert_eq!(code, 2);
}

#[test]
fn report_writes_the_city_table_and_a_dossier_per_county() {
    let out = std::env::temp_dir().join(format!("junheng-city-{}.xlsx", std::process::id()));
    let (code, stdout, stderr) = junheng(&[
        "report",
        CITY,
        "--by",
        "县区",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(stderr.contains("3 片，3 份评估报告"), "{stderr}");
    let bytes = std::fs::read(&out).unwrap();
    let names = junheng_sheets::sheet_names(&bytes).unwrap();
    assert_eq!(names[0], "城市汇总");
    assert_eq!(names[1], "青山县·封面与结论");
    assert!(names.iter().any(|n| n == "东湖区·表2 差异系数"));
    let city = junheng_sheets::read_grid(&bytes, Some("城市汇总")).unwrap();
    assert_eq!(city.rows[1][0], "县区");
    assert_eq!(
        (&city.rows[2][0][..], &city.rows[2][1][..]),
        ("青山县", "小学")
    );
    assert_eq!(city.rows.len(), 2 + 6);
    let summary = junheng_sheets::read_grid(&bytes, Some("河口县·封面与结论")).unwrap();
    assert!(
        summary.rows[0][0].starts_with("河口县"),
        "{:?}",
        summary.rows[0]
    );
}

#[test]
fn report_prints_the_city_table_then_each_dossier() {
    let out = std::env::temp_dir().join(format!("junheng-city-{}.html", std::process::id()));
    let (code, _, stderr) = junheng(&["report", CITY, "--by", "县区", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let html = std::fs::read_to_string(&out).unwrap();
    assert_eq!(html.matches("<!DOCTYPE html>").count(), 1);
    assert_eq!(html.matches("</body>").count(), 1);
    assert!(!html.contains("<script"));
    assert!(html.contains("<title>市（区域）汇总：各片义务教育均衡评估结果</title>"));
    // The city table first, a row per county and level, then the three dossiers, each from a
    // new page, in the city table's order.
    let city = html.find("<section class=\"city\">").unwrap();
    let dossiers: Vec<usize> = html
        .match_indices("<section class=\"new-page\">\n<section class=\"summary\">")
        .map(|(i, _)| i)
        .collect();
    assert_eq!(dossiers.len(), 3);
    assert!(city < dossiers[0]);
    let table = &html[city..dossiers[0]];
    assert_eq!(table.matches("<tr><td class=\"nw\">").count(), 6);
    let order: Vec<usize> = ["青山县", "河口县", "东湖区"]
        .iter()
        .map(|c| html[dossiers[0]..].find(&format!("<h1>{c}")).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
}
