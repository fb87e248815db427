//! [`LowArgs`]: the command line as given, each flag's value checked alone; and
//! [`LowArgs::command`], the one place where the rules between flags are applied.

use junheng_core::analysis::AnalysisConfig;

use super::{Analyze, Command, Format, UsageError};

/// The subcommand: the first argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sub {
    /// `analyze FILE`: the report.
    Analyze,
    /// `plan FILE --standard ID`: the gap plan only.
    Plan,
    /// `profile FILE`: numeric columns and their CV.
    Profile,
}

impl Sub {
    /// The subcommand named `name`.
    pub fn from_name(name: &str) -> Option<Sub> {
        match name {
            "analyze" => Some(Sub::Analyze),
            "plan" => Some(Sub::Plan),
            "profile" => Some(Sub::Profile),
            _ => None,
        }
    }
}

/// What the flags said, before the rules between them: each definition in `defs.rs` writes
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
    /// Flags given that only a standard uses, as typed, in order (`--split`, `--level`, …).
    pub standard_flags: Vec<String>,
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
            standard_flags: Vec::new(),
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
        let chosen = self.standard.is_some() || self.standard_file.is_some();
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
        let analyze = Analyze {
            file,
            config: self.config,
            format: self.format,
            sheet: self.sheet,
            encoding: self.encoding,
            timing: self.timing,
            standard: self.standard,
            standard_file: self.standard_file,
        };
        Ok(match self.sub {
            Sub::Analyze => Command::Analyze(analyze),
            Sub::Plan => Command::Plan(analyze),
            Sub::Profile => Command::Profile { file: analyze.file },
        })
    }
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
    }
}
