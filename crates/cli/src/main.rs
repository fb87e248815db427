//! `junheng`: the engine of the junheng page, for scripts and researchers.
//!
//! `junheng analyze FILE` prints the same `junheng.report/1` JSON as the page's export;
//! `junheng plan FILE --standard ID` prints the gap-to-standard plan as CSV (or JSON);
//! `junheng report FILE -o OUT.xlsx|OUT.html` writes the acceptance dossier (`report.rs`);
//! `junheng analyze FILE --by COLUMN` analyses each county or year of a file (`slices.rs`).
//! Exit status: 0 success, 2 usage error, 3 input error.

mod county;
mod flags;
mod report;
mod slices;
mod table;
mod terminal;
mod text;
mod verdict;

use std::io::{Read, Write};
use std::process::ExitCode;
use std::time::Instant;

use flags::{Analyze, Command, Format};
use junheng_core::analysis::StandardChoice;
use junheng_core::report::Report;
use junheng_core::{analysis, ingest, profile, standards, Error, Lang};

const USAGE_ERROR: u8 = 2;
const INPUT_ERROR: u8 = 3;

fn main() -> ExitCode {
    quiet_reader_panics();
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let env_lang = std::env::var("LC_ALL")
        .ok()
        .filter(|v| !v.is_empty())
        .or_else(|| std::env::var("LANG").ok());
    let lang = flags::detect_lang(&argv, env_lang.as_deref());
    let command = match flags::parse(&argv) {
        Ok(command) => command,
        Err(e) => {
            let hint = match lang {
                Lang::Zh => "用法：junheng analyze FILE [选项]；运行 junheng --help 查看全部选项。",
                Lang::En => {
                    "Usage: junheng analyze FILE [OPTIONS]; run junheng --help for every option."
                }
            };
            eprintln!("junheng: {}\n{hint}", e.message(lang));
            return ExitCode::from(USAGE_ERROR);
        }
    };
    let result = match command {
        Command::Help => {
            print!("{}", flags::help());
            Ok(())
        }
        Command::Version => {
            println!("junheng {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Command::Profile { file } => run_profile(&file, lang),
        Command::Analyze(analyze) if !analyze.by.is_empty() => slices::run(&analyze, lang),
        Command::Analyze(analyze) => run_analyze(&analyze, lang, false),
        Command::Plan(analyze) => run_analyze(&analyze, lang, true),
        Command::Report(report) => report::run(&report, lang),
    };
    finish(result)
}

/// The exit status of a command's result, printing its message on failure.
fn finish(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, message)) => {
            eprintln!("junheng: {message}");
            ExitCode::from(code)
        }
    }
}

/// An exit status and the message to print after `junheng: `.
type Failure = (u8, String);

/// The name shown for a path: `<stdin>` for `-`.
fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// The file's bytes, or an input error naming it.
fn read_input(path: &str, lang: Lang) -> Result<Vec<u8>, Failure> {
    let read = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).map(|_| bytes)
    } else {
        std::fs::read(path)
    };
    read.map_err(|e| {
        let message = match lang {
            Lang::Zh => format!("{path}：无法读取（{e}）。请检查文件路径和权限。"),
            Lang::En => format!("{path}: cannot be read ({e}). Check the path and permissions."),
        };
        (INPUT_ERROR, message)
    })
}

/// The file name alone, as the page sees it: the report's `source.name`.
fn file_name(path: &str) -> String {
    std::path::Path::new(display_name(path))
        .file_name()
        .map_or_else(
            || display_name(path).to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
}

/// Usage errors are mistakes in the command (a column or expression that does not fit the
/// file); everything else is a problem of the file itself.
fn failure(path: &str, error: &Error, lang: Lang) -> Failure {
    let code = match error {
        Error::BadExpression { .. }
        | Error::ColumnNotFound { .. }
        | Error::DuplicateIndicator { .. }
        | Error::FilterMatchesNothing { .. }
        | Error::UnknownColumn { .. }
        | Error::UnknownEncoding { .. }
        | Error::UnknownSheet { .. }
        | Error::BadOption { .. }
        | Error::SliceColumnTwice { .. }
        | Error::SliceAndGiven { .. }
        | Error::StandardNeedsLevel => USAGE_ERROR,
        _ => INPUT_ERROR,
    };
    let separator = if lang == Lang::Zh { "：" } else { ": " };
    (
        code,
        format!("{}{separator}{}", display_name(path), error.message(lang)),
    )
}

/// An analysis error, naming the file at fault: the standard file or the county's file when
/// they cannot be used, else the data file.
fn analysis_failure(analyze: &Analyze, error: &Error, lang: Lang) -> Failure {
    match (error, &analyze.standard_file, &analyze.county_values) {
        (Error::Standard(_), Some(path), _) | (Error::CountyValues(_), _, Some(path)) => {
            failure(path, error, lang)
        }
        _ => failure(&analyze.file, error, lang),
    }
}

/// The standard chosen by `--standard` and `--standard-file`, with the file read.
fn standard_choice(analyze: &Analyze, lang: Lang) -> Result<Option<StandardChoice>, Failure> {
    let text = match &analyze.standard_file {
        None => None,
        Some(path) => {
            let bytes = read_input(path, lang)?;
            let text = String::from_utf8(bytes).map_err(|_| {
                let message = match lang {
                    Lang::Zh => format!("{path}：标准文件不是 UTF-8 文本。请另存为 UTF-8 编码。"),
                    Lang::En => {
                        format!("{path}: the standard file is not UTF-8 text. Save it as UTF-8.")
                    }
                };
                (INPUT_ERROR, message)
            })?;
            Some((path.to_lowercase().ends_with(".json"), text))
        }
    };
    Ok(match (&analyze.standard, text) {
        (None, None) => None,
        (Some(id), None) => Some(StandardChoice::Builtin(id.clone())),
        (_, Some((true, json))) => Some(StandardChoice::Json(json)),
        (Some(id), Some((false, csv))) => Some(StandardChoice::BuiltinWithValues {
            id: id.clone(),
            csv,
        }),
        // flags/low.rs refuses a CSV standard file without --standard.
        (None, Some((false, _))) => None,
    })
}

fn run_analyze(analyze: &Analyze, lang: Lang, plan_only: bool) -> Result<(), Failure> {
    let start = Instant::now();
    let mut config = analyze.config.clone();
    config.standard = standard_choice(analyze, lang)?;
    let bytes = read_input(&analyze.file, lang)?;
    let options = ingest::ReadOptions {
        sheet: analyze.sheet.clone(),
        encoding: analyze.encoding.clone(),
        ..ingest::ReadOptions::new(&file_name(&analyze.file))
    };
    let ingested =
        junheng_sheets::read(&bytes, &options).map_err(|e| failure(&analyze.file, &e, lang))?;
    config.county_values = county::county_input(analyze, &bytes, lang)?;
    let read = start.elapsed();
    let report =
        analysis::run(&ingested, &config).map_err(|e| analysis_failure(analyze, &e, lang))?;
    let analyzed = start.elapsed() - read;
    let output = if plan_only {
        plan_output(&report, analyze.format)
    } else {
        match analyze.format {
            Format::Json => {
                let mut json = report.to_json();
                json.push('\n');
                json
            }
            Format::Text => text::render(&report, lang),
            Format::Csv => report.to_csv(),
        }
    };
    // JSON escapes control characters itself; text and CSV would carry a name's ESC sequences
    // to the terminal.
    let output = match (plan_only, analyze.format) {
        (false, Format::Json) => output,
        _ => terminal::escape_controls(&output, true).into_owned(),
    };
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    if analyze.timing {
        eprintln!(
            "junheng: {} rows, {} indicators: read {:.3} s, analyze {:.3} s, total {:.3} s",
            ingested.table.rows.len(),
            report.indicators.len(),
            read.as_secs_f64(),
            analyzed.as_secs_f64(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// `junheng plan`: the plan of the report's standard section, as CSV (UTF-8 with BOM) or JSON.
fn plan_output(report: &Report, format: Format) -> String {
    // flags/low.rs refuses `plan` without a standard, so the section is there.
    let Some(section) = &report.standard else {
        return String::new();
    };
    match format {
        Format::Json => {
            let mut json = section.plan.to_json();
            json.push('\n');
            json
        }
        _ => standards::plan_csv(&section.plan),
    }
}

fn run_profile(file: &str, lang: Lang) -> Result<(), Failure> {
    let bytes = read_input(file, lang)?;
    let table = junheng_sheets::read(&bytes, &ingest::ReadOptions::new(&file_name(file)))
        .map(|ingested| ingested.table)
        .map_err(|e| failure(file, &e, lang))?;
    let weight = profile::detect_weight(&table);
    let mut out = String::new();
    for p in profile::profile(&table, weight) {
        let cv = p.cv.map_or("null".to_string(), |v| v.to_string());
        out.push_str(&format!(
            "{}\t{}\t{}\n",
            terminal::escape_controls(&p.header, false),
            p.n,
            cv
        ));
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(())
}

/// A panic of the workbook reader (calamine reads some damaged records unchecked) is caught by
/// junheng-sheets and answered with the bilingual damaged-workbook error, exit 3: its own
/// message, a path inside a dependency, would only puzzle a teacher. Any other panic is a bug
/// of ours and is printed as usual.
fn quiet_reader_panics() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .location()
            .is_some_and(|l| l.file().contains("calamine"))
        {
            return;
        }
        default_hook(info);
    }));
}
