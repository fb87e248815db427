//! `junheng report FILE -o OUT.xlsx|OUT.html`: the acceptance dossier (the core's `dossier`),
//! both national standards evaluated together, as an Excel workbook or a printable A4 page.
//!
//! Its own flags are `-o/--output` and `--research`; the reading, filter, scope and county
//! flags are `analyze`'s, parsed by `args.rs` (so both commands read a file the same way).
//! Flags that choose indicators, weights, a standard or an output format do not apply.

use junheng_core::dossier::{self, DossierConfig};
use junheng_core::{ingest, Lang};

use crate::args::{self, Analyze, Command, UsageError};
use crate::{failure, file_name, read_input, Failure, INPUT_ERROR};

/// What the dossier is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// An Excel workbook.
    Xlsx,
    /// A printable HTML page.
    Html,
}

/// Everything `report` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct ReportArgs {
    /// The reading, filter, scope and county options, as `analyze` parses them.
    pub analyze: Analyze,
    /// Path to write.
    pub output: String,
    /// Workbook or page, from the output's extension.
    pub format: Output,
    /// Add the research appendix.
    pub research: bool,
    /// The dossier's language: Chinese unless `--lang en`.
    pub lang: Lang,
}

/// `analyze` flags that have no meaning for the dossier.
const NOT_FOR_REPORT: [&str; 12] = [
    "-i",
    "--indicator",
    "-w",
    "--weight",
    "--unweighted",
    "-g",
    "--group",
    "-f",
    "--format",
    "--standard",
    "--standard-file",
    "--timing",
];

/// Parses the arguments after `report`.
pub fn parse(args: &[String]) -> Result<ReportArgs, UsageError> {
    let mut output: Option<String> = None;
    let mut research = false;
    let mut lang = Lang::Zh;
    let mut rest: Vec<String> = vec!["analyze".into()];
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let flag = arg.split_once('=').map_or(arg.as_str(), |(f, _)| f);
        if NOT_FOR_REPORT.contains(&flag) {
            return Err(UsageError::UnknownFlag(flag.to_string()));
        }
        match flag {
            "-o" | "--output" => {
                if output.is_some() {
                    return Err(UsageError::Repeated("--output".into()));
                }
                let value = match arg.split_once('=') {
                    Some((_, v)) if arg.starts_with("--") => v.to_string(),
                    _ => iter
                        .next()
                        .cloned()
                        .ok_or_else(|| UsageError::MissingValue(flag.to_string()))?,
                };
                output = Some(value);
            }
            "--research" => research = true,
            _ => {
                if flag == "--lang" {
                    let value = arg
                        .split_once('=')
                        .map(|(_, v)| v.to_string())
                        .or_else(|| iter.clone().next().cloned());
                    if value.as_deref() == Some("en") {
                        lang = Lang::En;
                    }
                }
                rest.push(arg.clone());
            }
        }
    }
    // The dossier evaluates both national standards; naming one lets the scope and split
    // options through the check that they come with a standard.
    rest.extend(["--standard".to_string(), "basic-2012".to_string()]);
    let Command::Analyze(mut analyze) = args::parse(&rest)? else {
        return Err(UsageError::UnknownCommand("report".into()));
    };
    analyze.standard = None;
    let output = output.ok_or(UsageError::Needs {
        flag: "report".into(),
        needs: "-o OUT.xlsx or -o OUT.html",
    })?;
    let lower = output.to_lowercase();
    let format = if lower.ends_with(".xlsx") {
        Output::Xlsx
    } else if lower.ends_with(".html") || lower.ends_with(".htm") {
        Output::Html
    } else {
        return Err(UsageError::BadValue {
            flag: "-o".into(),
            value: output,
            expected: "OUT.xlsx, OUT.html",
        });
    };
    Ok(ReportArgs {
        analyze,
        output,
        format,
        research,
        lang,
    })
}

/// Reads the file, builds the dossier and writes it. `lang` is the language of messages.
pub fn run(report: &ReportArgs, lang: Lang) -> Result<(), Failure> {
    let analyze = &report.analyze;
    let bytes = read_input(&analyze.file, lang)?;
    let options = ingest::ReadOptions {
        sheet: analyze.sheet.clone(),
        encoding: analyze.encoding.clone(),
        ..ingest::ReadOptions::new(&file_name(&analyze.file))
    };
    let ingested =
        junheng_sheets::read(&bytes, &options).map_err(|e| failure(&analyze.file, &e, lang))?;
    let config = DossierConfig {
        analysis: analyze.config.clone(),
        research: report.research,
    };
    let dossier =
        dossier::build(&ingested, &config).map_err(|e| failure(&analyze.file, &e, lang))?;
    let bytes = match report.format {
        Output::Xlsx => dossier::xlsx::workbook(&dossier, report.lang),
        Output::Html => dossier::html::page(&dossier, report.lang).into_bytes(),
    };
    std::fs::write(&report.output, bytes).map_err(|e| {
        let path = &report.output;
        let message = match lang {
            Lang::Zh => format!("{path}：无法写入（{e}）。请检查目录是否存在、是否有写权限。"),
            Lang::En => format!(
                "{path}: cannot be written ({e}). Check that the folder exists and is writable."
            ),
        };
        (INPUT_ERROR, message)
    })?;
    let verdicts: Vec<String> = dossier
        .levels
        .iter()
        .map(|l| {
            let word = |pass: Option<bool>| match (pass, lang) {
                (Some(true), Lang::Zh) => "达标",
                (Some(false), Lang::Zh) => "未达标",
                (Some(true), Lang::En) => "pass",
                (Some(false), Lang::En) => "fail",
                (None, _) => "—",
            };
            let basic = word(l.basic.as_ref().map(|b| b.pass));
            let quality = word(l.quality.as_ref().map(|q| q.pass));
            match lang {
                Lang::Zh => format!(
                    "{}：基本均衡{basic}，优质均衡{quality}",
                    junheng_core::names::level_name(l.level, lang)
                ),
                Lang::En => format!(
                    "{}: basic {basic}, high-quality {quality}",
                    junheng_core::names::level_name(l.level, lang)
                ),
            }
        })
        .collect();
    match lang {
        Lang::Zh => eprintln!(
            "junheng：已写入 {}（{}）",
            report.output,
            verdicts.join("；")
        ),
        Lang::En => eprintln!("junheng: wrote {} ({})", report.output, verdicts.join("; ")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(argv: &str) -> Result<ReportArgs, UsageError> {
        let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
        parse(&args)
    }

    #[test]
    fn parses_its_flags_and_analyzes_the_rest() {
        let got = parse_str(
            "x.csv -o out.xlsx --research --include-teaching-points --where 县=青山县 --county 青山县 --year 2023 --sheet 小学",
        )
        .unwrap();
        assert_eq!(got.output, "out.xlsx");
        assert_eq!(got.format, Output::Xlsx);
        assert!(got.research);
        assert_eq!(got.lang, Lang::Zh);
        assert_eq!(got.analyze.file, "x.csv");
        assert_eq!(got.analyze.standard, None);
        assert!(got.analyze.config.standard_options.include_teaching_points);
        assert_eq!(got.analyze.config.county.year, Some(2023));
        assert_eq!(got.analyze.sheet.as_deref(), Some("小学"));
        let html = parse_str("x.csv --output=out.HTML --lang en").unwrap();
        assert_eq!(html.format, Output::Html);
        assert_eq!(html.lang, Lang::En);
    }

    #[test]
    fn usage_errors() {
        assert_eq!(
            parse_str("x.csv"),
            Err(UsageError::Needs {
                flag: "report".into(),
                needs: "-o OUT.xlsx or -o OUT.html",
            })
        );
        assert_eq!(
            parse_str("x.csv -o out.pdf"),
            Err(UsageError::BadValue {
                flag: "-o".into(),
                value: "out.pdf".into(),
                expected: "OUT.xlsx, OUT.html",
            })
        );
        assert_eq!(
            parse_str("x.csv -o a.xlsx --standard quality-2017"),
            Err(UsageError::UnknownFlag("--standard".into()))
        );
        assert_eq!(
            parse_str("x.csv -o a.xlsx -o b.xlsx"),
            Err(UsageError::Repeated("--output".into()))
        );
        assert_eq!(parse_str("-o a.xlsx"), Err(UsageError::MissingFile));
    }
}
