//! What the CLI writes for a spreadsheet or a terminal, from files that carry formulas and
//! escape sequences in their names (tests/fixtures/bad, issue 16): no CSV cell runs as a
//! formula, no control character reaches the terminal. Before, both went out as they were.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `junheng ARGS` in the workspace root, feeding `stdin`: exit code and stdout.
fn junheng(args: &[&str], stdin: &[u8]) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .current_dir(root())
        .env("LANG", "C")
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
    )
}

/// The cells of a CSV output, as a spreadsheet reads them.
fn cells(csv: &str) -> Vec<String> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .flat_map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
        .collect()
}

fn runs_as_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err()
}

const FORMULAS: &str = "tests/fixtures/bad/formula_injection_names.csv";
const ESCAPES: &str = "tests/fixtures/bad/escape_sequences_in_names.csv";

#[test]
fn no_csv_cell_runs_as_a_formula() {
    let (code, plan) = junheng(&["plan", FORMULAS, "--standard", "quality-2017"], b"");
    assert_eq!(code, 0);
    let plan_cells = cells(&plan);
    assert!(
        plan_cells.iter().any(|c| c.starts_with("'=HYPERLINK(")),
        "{plan}"
    );
    assert!(
        plan_cells.iter().any(|c| c == "'+cmd|' /C calc'!A0"),
        "{plan}"
    );
    let bad: Vec<&String> = plan_cells.iter().filter(|c| runs_as_formula(c)).collect();
    assert!(bad.is_empty(), "{bad:?}");
    // A header that is a formula becomes an indicator's name in the report's CSV.
    let csv = "学校名称,=1+1,@SUM(A1)\n一小,5,-3\n二小,7,-4\n";
    let (code, report) = junheng(&["analyze", "-", "-f", "csv"], csv.as_bytes());
    assert_eq!(code, 0);
    let report_cells = cells(&report);
    assert!(report_cells.iter().any(|c| c == "'=1+1"), "{report}");
    assert!(report_cells.iter().any(|c| c == "'@SUM(A1)"), "{report}");
    let bad: Vec<&String> = report_cells.iter().filter(|c| runs_as_formula(c)).collect();
    assert!(bad.is_empty(), "{bad:?}");
    // Numbers stay numbers: the means −3.5 are written as they are.
    assert!(report_cells.iter().any(|c| c == "-3.5"), "{report}");
}

#[test]
fn no_control_character_reaches_the_terminal() {
    let runs: [&[&str]; 4] = [
        &[
            "analyze",
            ESCAPES,
            "-f",
            "text",
            "--standard",
            "quality-2017",
            "--level",
            "primary",
        ],
        &[
            "plan",
            ESCAPES,
            "--standard",
            "quality-2017",
            "--level",
            "primary",
        ],
        &["analyze", ESCAPES, "-f", "csv"],
        &["profile", ESCAPES],
    ];
    for args in runs {
        let (code, out) = junheng(args, b"");
        assert_eq!(code, 0, "{args:?}");
        let controls: Vec<char> = out
            .chars()
            // profile separates its columns with tabs of its own.
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t'))
            .collect();
        assert!(controls.is_empty(), "{args:?}: {controls:?} in {out}");
    }
    let (_, text) = junheng(
        &[
            "analyze",
            ESCAPES,
            "-f",
            "text",
            "--standard",
            "quality-2017",
            "--level",
            "primary",
        ],
        b"",
    );
    assert!(text.contains("\\u{1b}[31m红字小学\\u{1b}[0m"), "{text}");
    let (_, plan) = junheng(
        &[
            "plan",
            ESCAPES,
            "--standard",
            "quality-2017",
            "--level",
            "primary",
        ],
        b"",
    );
    assert!(plan.contains("\\u{1b}]0;title\\u{7}六小"), "{plan}");
}
