//! The built `junheng` binary: exit codes, formats, messages. Each case is one `check` line.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `junheng ARGS` in the workspace root with `LANG` set (and `LC_ALL` cleared), feeding
/// `stdin`; gives the exit code, stdout and stderr.
fn junheng(args: &[&str], lang: &str, stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .current_dir(root())
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Checks the exit code, that stdout contains `stdout_part`, and that stderr is exactly
/// `stderr` (when given).
fn check(args: &str, lang: &str, code: i32, stdout_part: &str, stderr: Option<&str>) {
    let argv: Vec<&str> = args.split_whitespace().collect();
    let (got_code, out, err) = junheng(&argv, lang, b"");
    assert_eq!(got_code, code, "{args}: stderr {err}");
    assert!(out.contains(stdout_part), "{args}: stdout {out}");
    if let Some(expected) = stderr {
        assert_eq!(err, expected, "{args}");
    }
}

const SAMPLE: &str = "data/sample/county.csv";

#[test]
fn exit_codes_and_messages() {
    let usage_en = "Usage: junheng analyze FILE [OPTIONS]; run junheng --help for every option.\n";
    let usage_zh = "用法：junheng analyze FILE [选项]；运行 junheng --help 查看全部选项。\n";
    check("--help", "C", 0, "junheng analyze FILE [OPTIONS]", Some(""));
    check("--version", "C", 0, "junheng 0.1.0", Some(""));
    check(
        &format!("analyze {SAMPLE} -f text"),
        "C",
        0,
        // The national name, never the internal id (teaching_area_per_student).
        "Teaching and auxiliary floor area per student",
        Some(""),
    );
    check(
        "",
        "C",
        2,
        "",
        Some(&format!(
            "junheng: No command given. Use junheng analyze FILE.\n{usage_en}"
        )),
    );
    check(
        &format!("analyze {SAMPLE} --bogus"),
        "C",
        2,
        "",
        Some(&format!(
            "junheng: There is no flag --bogus. See junheng --help for every flag.\n{usage_en}"
        )),
    );
    check(
        &format!("analyze {SAMPLE} --format xml"),
        "zh_CN.UTF-8",
        2,
        "",
        Some(&format!(
            "junheng: 选项 --format 的取值“xml”无效。可用的取值：json, text, csv。\n{usage_zh}"
        )),
    );
    check(
        &format!("analyze {SAMPLE} -i b=图书册数/*在校学生数"),
        "C",
        2,
        "",
        Some("junheng: data/sample/county.csv: The expression “图书册数/*在校学生数” of indicator “b” is wrong: Character 6: a column name or number is missing. Put a column name or number on both sides of each * and /.\n"),
    );
    check(
        &format!("analyze {SAMPLE} -i b=图书册数/*在校学生数 --lang zh"),
        "C",
        2,
        "",
        Some("junheng: data/sample/county.csv：指标“b”的表达式“图书册数/*在校学生数”有误：第 6 个字符处缺少列名或数字。请在 * 或 / 两侧各写一个列名或数字。\n"),
    );
    check(
        &format!("analyze {SAMPLE} --group 城乡"),
        "C",
        2,
        "",
        Some("junheng: data/sample/county.csv: Column “城乡” in the group is not in the header row (line 1). Did you mean “城乡分类”? Use a header text (without surrounding spaces) or a field id such as students; put a header containing * or / in [ ].\n"),
    );
    check(
        &format!("analyze {SAMPLE} --where 学段=高中"),
        "C",
        2,
        "",
        Some("junheng: data/sample/county.csv: Filter 学段=高中: column “学段” (C) never holds “高中”. It holds: 小学, 初中, 九年一贯制学校, 小学教学点. Use one of these values.\n"),
    );
    check(
        "analyze no/such.csv",
        "C",
        3,
        "",
        Some("junheng: no/such.csv: cannot be read (No such file or directory (os error 2)). Check the path and permissions.\n"),
    );
    check(
        "analyze crates/cli/tests/data/no_students.csv -i x=books/students",
        "C",
        3,
        "",
        Some("junheng: crates/cli/tests/data/no_students.csv: Indicator “x” has no usable value: every row is missing data or has 0 students. Check its columns.\n"),
    );
    check(
        "analyze crates/cli/tests/data/empty.csv",
        "zh_CN.UTF-8",
        3,
        "",
        Some("junheng: crates/cli/tests/data/empty.csv：文件是空的。请选择包含学校数据的 CSV 或 Excel 文件。\n"),
    );
}

#[test]
fn json_parses_with_schema_id_and_file_name() {
    let (code, out, err) = junheng(&["analyze", SAMPLE], "C", b"");
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["schema"], "junheng.report/1");
    assert_eq!(report["source"]["name"], "county.csv");
    assert_eq!(report["source"]["data_rows"], 92);
    assert_eq!(report["weight"], "在校学生数");
    assert_eq!(report["options"]["weight_source"], "students_default");
    assert_eq!(report["indicators"].as_array().unwrap().len(), 12);
    assert_eq!(report["standard"], serde_json::Value::Null);
}

#[test]
fn stdin_gives_the_same_numbers() {
    let bytes = std::fs::read(root().join(SAMPLE)).unwrap();
    let (code, from_stdin, err) = junheng(&["analyze", "-"], "C", &bytes);
    assert_eq!(code, 0, "{err}");
    let (_, from_file, _) = junheng(&["analyze", SAMPLE], "C", b"");
    let a: serde_json::Value = serde_json::from_str(&from_stdin).unwrap();
    let b: serde_json::Value = serde_json::from_str(&from_file).unwrap();
    assert_eq!(a["source"]["name"], "<stdin>");
    assert_eq!(a["indicators"], b["indicators"]);
}

#[test]
fn csv_has_one_row_per_indicator_under_report_keys() {
    let (code, out, err) = junheng(
        &["analyze", SAMPLE, "--format", "csv", "--where", "学段=初中"],
        "C",
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 13);
    assert_eq!(
        lines[0],
        junheng_core::report::CSV_KEYS.join(","),
        "header row = report keys"
    );
    assert!(lines[0].starts_with("name,label_zh,expr,formula,n,missing,weight_total,mean,std,cv,"));
    assert!(lines[1].starts_with("teaching_area_per_student,生均教学及辅助用房面积,teaching_area/students,[教学及辅助用房面积（平方米）]/[在校学生数],"));
    for line in &lines[1..] {
        assert_eq!(
            line.split(',').count(),
            lines[0].split(',').count(),
            "{line}"
        );
    }
}

#[test]
fn text_is_aligned_and_follows_lang() {
    let (code, out, _) = junheng(
        &[
            "analyze",
            SAMPLE,
            "-f",
            "text",
            "-g",
            "城乡分类",
            "--where",
            "学段=小学",
        ],
        "zh_CN.UTF-8",
        b"",
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("county.csv：92 行数据；权重：在校学生数（students_default）；分组：城乡分类；筛选：学段=小学"));
    assert!(out.contains("生均教学及辅助用房面积"));
    assert!(out.contains("提示："));
    // Every line of the first table ends at the same display column.
    let table: Vec<&str> = out.lines().skip(2).take(13).collect();
    let cv_column = |line: &str| -> usize {
        line.chars()
            .map(|c| if (c as u32) >= 0x2E80 { 2 } else { 1 })
            .sum()
    };
    let width = cv_column(table[0]);
    assert!(table.iter().all(|l| cv_column(l) == width), "{table:#?}");
}

#[test]
fn standard_verdicts_in_json_text_and_plan() {
    // (standard, verdict of each level)
    for (id, verdicts) in [
        ("basic-2012", [true, true]),
        ("quality-2017", [false, false]),
    ] {
        let (code, out, err) = junheng(&["analyze", SAMPLE, "--standard", id], "C", b"");
        assert_eq!(code, 0, "{err}");
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let levels = report["standard"]["levels"].as_array().unwrap();
        let got: Vec<bool> = levels
            .iter()
            .map(|l| l["verdict"].as_bool().unwrap())
            .collect();
        assert_eq!(got, verdicts, "{id}");
        assert!(report["standard"]["plan"]["totals"].is_array());

        let (code, out, err) = junheng(
            &["analyze", SAMPLE, "--standard", id, "-f", "text"],
            "zh_CN.UTF-8",
            b"",
        );
        assert_eq!(code, 0, "{err}");
        let expected = if verdicts[0] {
            "【小学】达标"
        } else {
            "【小学】未达标"
        };
        assert!(out.contains(expected), "{id}: {out}");
        let expected = if verdicts[1] {
            "【初中】达标"
        } else {
            "【初中】未达标"
        };
        assert!(out.contains(expected), "{id}: {out}");
    }
    let (_, out, _) = junheng(
        &[
            "analyze",
            SAMPLE,
            "--standard",
            "quality-2017",
            "-f",
            "text",
        ],
        "C",
        b"",
    );
    assert!(out.contains("[Primary (小学)] 未达标 fail"), "{out}");
    assert!(out.contains(" m²") && out.contains("yuan") && out.contains("County totals"));

    // The plan: CSV with a BOM, one row per shortfall, total and change.
    let (code, out, err) = junheng(&["plan", SAMPLE, "--standard", "quality-2017"], "C", b"");
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("\u{feff}学段 level,类别 kind,指标 indicator"),
        "{out}"
    );
    assert!(out.contains("primary,shortfall,sports_area_per_student,城关第一小学,2,"));
    assert!(out.contains("primary,total,"));
    let (code, out, _) = junheng(
        &["plan", SAMPLE, "--standard", "quality-2017", "-f", "json"],
        "C",
        b"",
    );
    assert_eq!(code, 0);
    let plan: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(plan["standard"], "quality-2017");
    assert!(!plan["gaps"].as_array().unwrap().is_empty());
}

#[test]
fn standard_exit_codes() {
    let dir = std::env::temp_dir().join(format!("junheng-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad_json = dir.join("bad.json");
    std::fs::write(&bad_json, "{ not json").unwrap();
    let values = dir.join("values.csv");
    std::fs::write(&values, "indicator,primary,junior\nno_such_indicator,1,1\n").unwrap();
    let no_level = dir.join("no_level.csv");
    std::fs::write(
        &no_level,
        "学校名称,在校学生数,图书册数\n一小,500,1000\n二小,400,900\n",
    )
    .unwrap();
    let (bad_json, values, no_level) = (
        bad_json.to_str().unwrap(),
        values.to_str().unwrap(),
        no_level.to_str().unwrap(),
    );
    // (args, lang, exit code, part of stderr)
    let cases: Vec<(Vec<&str>, &str, i32, &str)> = vec![
        (
            vec!["analyze", SAMPLE, "--standard", "basic-2020"],
            "C",
            2,
            "Use one of: basic-2012, quality-2017",
        ),
        (
            vec!["analyze", SAMPLE, "--standard", "basic-2020"],
            "zh_CN.UTF-8",
            2,
            "可用的取值：basic-2012, quality-2017",
        ),
        (
            vec!["plan", SAMPLE],
            "C",
            2,
            "plan needs --standard as well",
        ),
        (
            vec!["analyze", SAMPLE, "--split", "pupils"],
            "C",
            2,
            "--split needs --standard",
        ),
        (
            vec![
                "analyze",
                SAMPLE,
                "--standard",
                "basic-2012",
                "--split",
                "thirds",
            ],
            "C",
            2,
            "guidance, pupils, already-split",
        ),
        (
            vec!["analyze", SAMPLE, "--standard-file", bad_json],
            "C",
            3,
            "The standard file cannot be read at line 1",
        ),
        (
            vec!["analyze", SAMPLE, "--standard-file", bad_json],
            "zh_CN.UTF-8",
            3,
            "标准文件第 1 行",
        ),
        (
            vec![
                "analyze",
                SAMPLE,
                "--standard",
                "quality-2017",
                "--standard-file",
                values,
            ],
            "C",
            3,
            "no_such_indicator",
        ),
        (
            vec![
                "analyze",
                SAMPLE,
                "--standard",
                "basic-2012",
                "--standard-file",
                "no/such.json",
            ],
            "C",
            2,
            "no --standard",
        ),
        (
            vec!["analyze", SAMPLE, "--standard-file", "no/such.json"],
            "C",
            3,
            "no/such.json: cannot be read",
        ),
        (
            vec!["analyze", no_level, "--standard", "basic-2012"],
            "C",
            2,
            "--level primary",
        ),
        (
            vec!["analyze", no_level, "--standard", "basic-2012"],
            "zh_CN.UTF-8",
            2,
            "没有学段列",
        ),
        (
            vec![
                "analyze",
                no_level,
                "--standard",
                "basic-2012",
                "--level",
                "primary",
            ],
            "C",
            0,
            "",
        ),
        (
            vec![
                "analyze",
                SAMPLE,
                "--standard",
                "basic-2012",
                "--split",
                "pupils",
                "--include-private",
                "--include-teaching-points",
                "--gym-in-sports",
            ],
            "C",
            0,
            "",
        ),
    ];
    for (args, lang, code, part) in cases {
        let (got, _, err) = junheng(&args, lang, b"");
        assert_eq!(got, code, "{args:?}: {err}");
        assert!(err.contains(part), "{args:?}: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The CV of each indicator of `junheng analyze ARGS`'s JSON report, with the report.
fn cvs(args: &[&str]) -> (Vec<(String, f64)>, serde_json::Value) {
    let (code, out, err) = junheng(args, "C", b"");
    assert_eq!(code, 0, "{args:?}: {err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cvs = report["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_string(),
                i["cv"].as_f64().unwrap(),
            )
        })
        .collect();
    (cvs, report)
}

#[test]
fn workbooks_give_the_numbers_of_their_csv_twin() {
    let dir = "tests/fixtures/ingest";
    let (expected, _) = cvs(&["analyze", &format!("{dir}/clean.csv")]);
    assert!(!expected.is_empty());
    for (file, sheet, format) in [
        ("twin.xlsx", None, "xlsx"),
        ("twin.xlsx", Some("简表"), "xlsx"),
        ("twin.xls", None, "xls"),
        ("twin.ods", None, "ods"),
    ] {
        let path = format!("{dir}/{file}");
        let mut args = vec!["analyze", path.as_str()];
        if let Some(sheet) = sheet {
            args.extend(["--sheet", sheet]);
        }
        let (got, report) = cvs(&args);
        assert_eq!(report["source"]["format"], format, "{args:?}");
        assert_eq!(
            report["source"]["sheet"],
            sheet.unwrap_or("学校数据"),
            "{args:?}"
        );
        assert_eq!(got.len(), expected.len(), "{args:?}");
        for ((name, cv), (want_name, want)) in got.iter().zip(&expected) {
            assert_eq!(name, want_name, "{args:?}");
            assert!(
                (cv - want).abs() <= 1e-9 * want.abs(),
                "{args:?} {name}: {cv} vs {want}"
            );
        }
    }
    check(
        &format!("analyze {dir}/twin.xlsx --sheet 初中"),
        "C",
        2,
        "",
        Some("junheng: tests/fixtures/ingest/twin.xlsx: The workbook has no sheet named “初中”. Its sheets are: 学校数据, 简表. Choose one of them.\n"),
    );
    check(
        "profile tests/fixtures/ingest/twin.ods",
        "C",
        0,
        "图书册数\t7\t",
        Some(""),
    );
}
