//! [`LowArgs`]: the command line as given, each flag's value checked alone; and
//! [`LowArgs::command`], the one place where the rules between flags are applied.

use junheng_core::analysis::AnalysisConfig;

use junheng_core::slices::Detail;
use junheng_core::Lang;

use super::{Analyze, Command, Format, Output, Report, UsageError};

/// The subcommand: the first argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sub {
    /// `analyze FILE`: the report.
    Analyze,
    /// `plan FILE --standard ID`: the gap plan only.
    Plan,
    /// `profile FILE`: numeric columns and their CV.
    Profile,
    /// `report FILE -o OUT`: the acceptance dossier.
    Report,
}

impl Sub {
    /// The subcommand named `name`.
    pub fn from_name(name: &str) -> Option<Sub> {
        match name {
            "analyze" => Some(Sub::Analyze),
            "plan" => Some(Sub::Plan),
            "profile" => Some(Sub::Profile),
            "report" => Some(Sub::Report),
            _ => None,
        }
    }
}

/// What the flags said, before the rules between them: each definition in `defs/` writes
/// its own part (ripgrep's `LowArgs`).
#[derive(Clone, Debug, PartialEq)]
pub struct LowArgs {
    /// The subcommand.
    pub sub: Sub,
    /// The input file, `-` for stdin.
    pub file: Option<String>,
    /// Indicators, weight, group, filters, median rule, standard options and level.
    pub config: AnalysisConfig,
    /// `--weight` or `--unweighted` was given (only one of them may be).
    pub weight_given: bool,
    /// `-f`: output format (json for analyze, csv for plan when not given).
    pub format: Format,
    /// `--sheet`.
    pub sheet: Option<String>,
    /// `--encoding`.
    pub encoding: Option<String>,
    /// `--timing`.
    pub timing: bool,
    /// `--standard`.
    pub standard: Option<String>,
    /// `--standard-file`.
    pub standard_file: Option<String>,
    /// `--county-values`.
    pub county_values: Option<String>,
    /// Flags given that only a standard uses, as typed, in order (`--split`, `--level`, …).
    pub standard_flags: Vec<String>,
    /// `-o`: where `report` writes.
    pub output: Option<String>,
    /// `--research`.
    pub research: bool,
    /// `--lang`, when given: the language of `report`'s dossier.
    pub lang: Option<Lang>,
    /// `--by`: the columns to split the file by, in order.
    pub by: Vec<String>,
    /// `--detail`, when given.
    pub detail: Option<Detail>,
}

impl LowArgs {
    /// Nothing given yet for `sub`.
    pub fn new(sub: Sub) -> LowArgs {
        LowArgs {
            sub,
            file: None,
            config: AnalysisConfig::new(),
            weight_given: false,
            format: if sub == Sub::Plan {
                Format::Csv
            } else {
                Format::Json
            },
            sheet: None,
            encoding: None,
            timing: false,
            standard: None,
            standard_file: None,
            county_values: None,
            standard_flags: Vec::new(),
            output: None,
            research: false,
            lang: None,
            by: Vec::new(),
            detail: None,
        }
    }

    /// A positional argument: the one input file.
    pub fn set_file(&mut self, arg: &str) -> Result<(), UsageError> {
        if self.file.is_some() {
            return Err(UsageError::ExtraArgument(arg.to_string()));
        }
        self.file = Some(arg.to_string());
        Ok(())
    }

    /// The command, once every flag is read: the rules between flags are checked here, and
    /// nowhere else.
    pub fn command(self) -> Result<Command, UsageError> {
        let file = self.file.ok_or(UsageError::MissingFile)?;
        // The dossier evaluates both national standards: its scope flags need no `--standard`.
        let chosen =
            self.sub == Sub::Report || self.standard.is_some() || self.standard_file.is_some();
        if let Some(flag) = self.standard_flags.into_iter().next().filter(|_| !chosen) {
            return Err(UsageError::Needs {
                flag,
                needs: "--standard",
            });
        }
        if self.sub == Sub::Plan && !chosen {
            return Err(UsageError::Needs {
                flag: "plan".into(),
                needs: "--standard",
            });
        }
        if let Some(path) = &self.standard_file {
            if path.to_lowercase().ends_with(".csv") && self.standard.is_none() {
                return Err(UsageError::Needs {
                    flag: "--standard-file FILE.csv".into(),
                    needs: "--standard",
                });
            }
            if path.to_lowercase().ends_with(".json") && self.standard.is_some() {
                return Err(UsageError::Needs {
                    flag: "--standard-file FILE.json".into(),
                    needs: "no --standard (a JSON file is a whole standard)",
                });
            }
        }
        if self.detail.is_some() && self.by.is_empty() {
            return Err(UsageError::Needs {
                flag: "--detail".into(),
                needs: "--by",
            });
        }
        let (output, research, lang) = (self.output, self.research, self.lang);
        let analyze = Analyze {
            file,
            config: self.config,
            format: self.format,
            sheet: self.sheet,
            encoding: self.encoding,
            timing: self.timing,
            standard: self.standard,
            standard_file: self.standard_file,
            by: self.by,
            detail: self.detail.unwrap_or(Detail::Summary),
            county_values: self.county_values,
        };
        Ok(match self.sub {
            Sub::Analyze => Command::Analyze(analyze),
            Sub::Plan => Command::Plan(analyze),
            Sub::Profile => Command::Profile { file: analyze.file },
            Sub::Report => report(analyze, output, research, lang)?,
        })
    }
}

/// `report`'s command: the output's extension chooses workbook or page.
fn report(
    analyze: Analyze,
    output: Option<String>,
    research: bool,
    lang: Option<Lang>,
) -> Result<Command, UsageError> {
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
    Ok(Command::Report(Report {
        analyze,
        output,
        format,
        research,
        lang: lang.unwrap_or(Lang::Zh),
    }))
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    fn check(argv: &str, expected: Result<Command, UsageError>) {
        let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
        assert_eq!(parse(&args), expected, "argv {argv:?}");
    }

    fn needs(flag: &str, needs: &'static str) -> Result<Command, UsageError> {
        Err(UsageError::Needs {
            flag: flag.into(),
            needs,
        })
    }

    #[test]
    fn one_file() {
        check("analyze", Err(UsageError::MissingFile));
        check("analyze a b", Err(UsageError::ExtraArgument("b".into())));
        check(
            "profile x.csv",
            Ok(Command::Profile {
                file: "x.csv".into(),
            }),
        );
    }

    #[test]
    fn standard_options_need_a_standard() {
        check("plan x.csv", needs("plan", "--standard"));
        check(
            "analyze x.csv --split pupils",
            needs("--split", "--standard"),
        );
        check(
            "analyze x.csv --include-private --level junior",
            needs("--include-private", "--standard"),
        );
        check(
            "analyze x.csv --standard-file p.csv",
            needs("--standard-file FILE.csv", "--standard"),
        );
        check(
            "analyze x.csv --standard basic-2012 --standard-file p.json",
            needs(
                "--standard-file FILE.json",
                "no --standard (a JSON file is a whole standard)",
            ),
        );
        check("analyze x.csv --detail all", needs("--detail", "--by"));
    }

    #[test]
    fn report_takes_its_flags_and_the_reading_ones() {
        let Ok(Command::Report(got)) = parse(
            &"report x.csv -o out.xlsx --research --include-teaching-points --where 县=青山县 --county 青山县 --year 2023 --sheet 小学"
                .split_whitespace()
                .map(String::from)
                .collect::<Vec<_>>(),
        ) else {
            panic!("a report command");
        };
        assert_eq!(
            (got.output.as_str(), got.format),
            ("out.xlsx", Output::Xlsx)
        );
        assert!(got.research);
        assert_eq!(got.lang, Lang::Zh);
        assert_eq!(got.analyze.file, "x.csv");
        assert_eq!(got.analyze.standard, None);
        assert!(got.analyze.config.standard_options.include_teaching_points);
        assert_eq!(got.analyze.config.county.year, Some(2023));
        assert_eq!(got.analyze.sheet.as_deref(), Some("小学"));
        let Ok(Command::Report(html)) = parse(&[
            "report".into(),
            "x.csv".into(),
            "--output=out.HTML".into(),
            "--lang".into(),
            "en".into(),
        ]) else {
            panic!("a report command");
        };
        assert_eq!((html.format, html.lang), (Output::Html, Lang::En));
    }

    #[test]
    fn report_usage_errors() {
        check(
            "report x.csv",
            needs("report", "-o OUT.xlsx or -o OUT.html"),
        );
        check(
            "report x.csv -o out.pdf",
            Err(UsageError::BadValue {
                flag: "-o".into(),
                value: "out.pdf".into(),
                expected: "OUT.xlsx, OUT.html",
            }),
        );
        check(
            "report x.csv -o a.xlsx --standard quality-2017",
            Err(UsageError::UnknownFlag("--standard".into())),
        );
        check(
            "report x.csv -o a.xlsx -o b.xlsx",
            Err(UsageError::Repeated("-o".into())),
        );
        check("report -o a.xlsx", Err(UsageError::MissingFile));
        check(
            "analyze x.csv -o a.xlsx",
            Err(UsageError::UnknownFlag("-o".into())),
        );
    }
}
