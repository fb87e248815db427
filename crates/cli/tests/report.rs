//! `junheng report FILE -o OUT.xlsx|OUT.html`: the acceptance dossier from the built binary.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory for one test's output files.
fn out_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("junheng-report-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

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

const COUNTY: &str = "tests/fixtures/dossier/county85.csv";

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn writes_the_workbook() {
    let dir = out_dir("xlsx");
    let out = dir.join("青山县.xlsx");
    let (code, stdout, stderr) = junheng(&["report", COUNTY, "-o", path(&out)], "zh_CN.UTF-8");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout, "");
    assert!(
        stderr.starts_with("junheng：已写入 ")
            && stderr.contains("小学：基本均衡达标，优质均衡未达标"),
        "{stderr}"
    );
    let bytes = std::fs::read(&out).unwrap();
    let names = junheng_sheets::sheet_names(&bytes).unwrap();
    assert_eq!(names[0], "封面与结论");
    assert_eq!(names.len(), 10);
    let summary = junheng_sheets::read_grid(&bytes, Some("封面与结论")).unwrap();
    assert_eq!(
        summary.rows[0][0],
        "青山县2023年县域义务教育均衡发展评估数据表"
    );
    // The county can be set: it overrides the title row, on every sheet's title.
    let renamed = dir.join("renamed.xlsx");
    let (code, _, stderr) = junheng(
        &[
            "report",
            COUNTY,
            "--county",
            "桃源县",
            "--year=2024",
            "--unit",
            "桃源县教育局",
            "-o",
            path(&renamed),
            "--research",
        ],
        "C",
    );
    assert_eq!(code, 0, "{stderr}");
    let bytes = std::fs::read(&renamed).unwrap();
    let table2 = junheng_sheets::read_grid(&bytes, Some("表2 差异系数")).unwrap();
    assert!(table2.rows[0][0].contains("桃源县") && table2.rows[0][0].contains("2024年"));
    let names = junheng_sheets::sheet_names(&bytes).unwrap();
    assert_eq!(names.last().unwrap(), "附录 研究指标");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn writes_the_printable_page() {
    let dir = out_dir("html");
    let out = dir.join("dossier.html");
    let (code, _, stderr) = junheng(
        &[
            "report",
            COUNTY,
            "--include-teaching-points",
            "-o",
            path(&out),
        ],
        "C",
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.starts_with("junheng: wrote "), "{stderr}");
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.contains("<html lang=\"zh-CN\">"), "Chinese by default");
    assert!(page.contains("青山县2023年县域义务教育均衡发展评估数据表"));
    // With teaching points counted, the 口径 line says so.
    assert!(
        page.contains("含跨学段学校拆出的小学部 6 个、教学点 11 所"),
        "scope line"
    );
    let en = dir.join("dossier-en.htm");
    let (code, _, stderr) = junheng(&["report", COUNTY, "--lang", "en", "-o", path(&en)], "C");
    assert_eq!(code, 0, "{stderr}");
    let page = std::fs::read_to_string(&en).unwrap();
    assert!(page.contains("<html lang=\"en\">") && page.contains("Table 1. Schools of the county"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn usage_and_input_errors() {
    let dir = out_dir("errors");
    let out = dir.join("x.xlsx");
    let out = path(&out);
    // (args, exit code, part of stderr)
    let cases: [(Vec<&str>, i32, &str); 7] = [
        (
            vec!["report", COUNTY],
            2,
            "report needs -o OUT.xlsx or -o OUT.html as well.",
        ),
        (
            vec!["report", COUNTY, "-o", "x.pdf"],
            2,
            "Flag -o: “x.pdf” is not valid. Use one of: OUT.xlsx, OUT.html.",
        ),
        (
            vec!["report", COUNTY, "-o", out, "--standard", "quality-2017"],
            2,
            "There is no flag --standard.",
        ),
        (vec!["report", "-o", out], 2, "No input file."),
        (
            vec!["report", COUNTY, "-o", out, "--year", "year"],
            2,
            "Flag --year: “year” is not valid. Use one of: a year such as 2023.",
        ),
        (
            vec!["report", "no/such.csv", "-o", out],
            3,
            "no/such.csv: cannot be read",
        ),
        (
            vec!["report", COUNTY, "-o", "no/such/dir/x.html"],
            3,
            "no/such/dir/x.html: cannot be written",
        ),
    ];
    for (args, code, part) in cases {
        let (got, _, stderr) = junheng(&args, "C");
        assert_eq!(got, code, "{args:?}: {stderr}");
        assert!(stderr.contains(part), "{args:?}: {stderr}");
    }
    let (code, stdout, _) = junheng(&["report", "--help"], "C");
    assert_eq!(code, 0);
    assert!(stdout.contains("junheng report FILE -o OUT.xlsx|OUT.html"));
    let _ = std::fs::remove_dir_all(dir);
}
