//! Prints one sheet of a workbook as JSON, the cell texts row by row, as junheng reads them:
//! the end-to-end tests read the page's exported workbooks back through this reader.
//!
//!     cargo run -q -p junheng-sheets --example sheet_json -- FILE.xlsx "表2 差异系数"

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [file, sheet] = args.as_slice() else {
        eprintln!("usage: sheet_json FILE SHEET");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match junheng_sheets::read_grid(&bytes, Some(sheet)) {
        Ok(grid) => {
            println!(
                "{}",
                serde_json::to_string(&grid.rows).expect("strings serialize")
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{file}: {}", e.message(junheng_core::Lang::En));
            ExitCode::FAILURE
        }
    }
}
