//! Walks argv: the subcommand, the file, and each flag handed to its definition (`defs/`).

use junheng_core::Lang;

use super::defs::{self, parse_lang, Action};
use super::low::{LowArgs, Sub};
use super::{Command, UsageError};

/// Parses argv (without the program name).
pub fn parse(args: &[String]) -> Result<Command, UsageError> {
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    if args.iter().any(|a| a == "--version" || a == "-V") {
        return Ok(Command::Version);
    }
    let Some(command) = args.first() else {
        return Err(UsageError::NoCommand);
    };
    let sub = match Sub::from_name(command) {
        Some(sub) => sub,
        None if command.starts_with('-') => return Err(UsageError::UnknownFlag(command.clone())),
        None => return Err(UsageError::UnknownCommand(command.clone())),
    };
    let mut low = LowArgs::new(sub);
    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        if !arg.starts_with('-') || arg == "-" {
            low.set_file(arg)?;
            continue;
        }
        // `--flag=value` or `--flag value` (a short flag takes its value as the next argument).
        let (name, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let flag = defs::find(name)
            .filter(|flag| flag.scope.takes(sub))
            .ok_or_else(|| UsageError::UnknownFlag(name.to_string()))?;
        match flag.action {
            Action::Switch(_) if inline.is_some() => {
                return Err(UsageError::UnknownFlag(arg.clone()));
            }
            Action::Switch(switch) => switch(&mut low, name)?,
            Action::Value(take) => {
                let value = match inline {
                    Some(value) => value,
                    None => rest
                        .next()
                        .cloned()
                        .ok_or_else(|| UsageError::MissingValue(name.to_string()))?,
                };
                take(&mut low, name, value)?;
            }
        }
    }
    low.command()
}

/// The message language: `--lang` if given and valid, else zh when `LANG` (or `LC_ALL`, which
/// takes precedence when set) starts with `zh`, else en. Read before [`parse`], so that its
/// errors are in that language.
pub fn detect_lang(args: &[String], env_lang: Option<&str>) -> Lang {
    let mut flag = None;
    for (i, arg) in args.iter().enumerate() {
        if let Some(v) = arg.strip_prefix("--lang=") {
            flag = Some(v.to_string());
        } else if arg == "--lang" {
            flag = args.get(i + 1).cloned();
        }
    }
    match flag.as_deref().and_then(parse_lang) {
        Some(lang) => lang,
        None if env_lang.is_some_and(|l| l.starts_with("zh")) => Lang::Zh,
        None => Lang::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(argv: &str, expected: Result<Command, UsageError>) {
        let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
        assert_eq!(parse(&args), expected, "argv {argv:?}");
    }

    #[test]
    fn help_version_and_subcommands() {
        check("--help", Ok(Command::Help));
        check("analyze x.csv -h", Ok(Command::Help));
        check("analyze x.csv --bogus -h", Ok(Command::Help));
        check("--version", Ok(Command::Version));
        check("profile -V", Ok(Command::Version));
        check("", Err(UsageError::NoCommand));
        check(
            "analyse x",
            Err(UsageError::UnknownCommand("analyse".into())),
        );
        check("-x", Err(UsageError::UnknownFlag("-x".into())));
    }

    #[test]
    fn switches_take_no_value_and_scopes_hold() {
        check(
            "analyze a --unweighted=yes",
            Err(UsageError::UnknownFlag("--unweighted=yes".into())),
        );
        check(
            "profile x.csv --timing",
            Err(UsageError::UnknownFlag("--timing".into())),
        );
        check(
            "profile x.csv --standard basic-2012",
            Err(UsageError::UnknownFlag("--standard".into())),
        );
        check(
            "profile x.csv --lang=en",
            Ok(Command::Profile {
                file: "x.csv".into(),
            }),
        );
    }

    #[test]
    fn flags_by_name() {
        check(
            "analyze a --bogus",
            Err(UsageError::UnknownFlag("--bogus".into())),
        );
        // Only long flags take `=value`; `-i=x` is no flag.
        check(
            "analyze a -i=x",
            Err(UsageError::UnknownFlag("-i=x".into())),
        );
        check(
            "profile a --group x",
            Err(UsageError::UnknownFlag("--group".into())),
        );
        check(
            "analyze a --where",
            Err(UsageError::MissingValue("--where".into())),
        );
        // A value may start with a dash: it is taken as given.
        check(
            "analyze a -g --unweighted",
            parse(&["analyze".into(), "a".into(), "--group=--unweighted".into()]),
        );
        // Errors come in argument order, before the rules between flags.
        check(
            "analyze --split x",
            Err(UsageError::BadValue {
                flag: "--split".into(),
                value: "x".into(),
                expected: "guidance, pupils, already-split",
            }),
        );
    }

    #[test]
    fn every_flag_at_once() {
        use junheng_core::analysis::{AnalysisConfig, Filter, IndicatorSpec, WeightSpec};
        use junheng_core::measures::MedianRule;
        let mut config = AnalysisConfig::new();
        config.indicators.push(IndicatorSpec {
            name: "b".into(),
            expr: "books/students*100".into(),
        });
        config.weight = WeightSpec::Column("学生数".into());
        config.group = Some("乡镇".into());
        config.filters.push(Filter {
            column: "学段".into(),
            value: "小学".into(),
        });
        config.median_rule = MedianRule::Strict;
        config.standard_options.split = junheng_core::standards::Split::PupilProportional;
        config.standard_options.include_teaching_points = true;
        config.standard_options.include_private = true;
        config.standard_options.gym_in_sports = true;
        config.level = Some(junheng_core::standards::Level::Junior);
        check(
            "analyze x.csv -i b=books/students*100 --weight=学生数 -g 乡镇 --where 学段=小学 -f text --median-rule strict --sheet 小学 --encoding gbk --timing --lang zh --standard quality-2017 --split pupils --include-teaching-points --include-private --gym-in-sports --level junior --standard-file p.csv",
            Ok(Command::Analyze(super::super::Analyze {
                file: "x.csv".into(),
                config,
                format: super::super::Format::Text,
                sheet: Some("小学".into()),
                encoding: Some("gbk".into()),
                timing: true,
                standard: Some("quality-2017".into()),
                standard_file: Some("p.csv".into()),
                by: Vec::new(),
                detail: junheng_core::slices::Detail::Summary,
                county_values: None,
            })),
        );
    }

    #[test]
    fn language() {
        let args = |s: &str| -> Vec<String> { s.split_whitespace().map(String::from).collect() };
        assert_eq!(
            detect_lang(&args("analyze x"), Some("zh_CN.UTF-8")),
            Lang::Zh
        );
        assert_eq!(
            detect_lang(&args("analyze x"), Some("en_US.UTF-8")),
            Lang::En
        );
        assert_eq!(detect_lang(&args("analyze x"), None), Lang::En);
        assert_eq!(
            detect_lang(&args("analyze x --lang en"), Some("zh_CN")),
            Lang::En
        );
        assert_eq!(detect_lang(&args("analyze x --lang=zh"), None), Lang::Zh);
        assert_eq!(
            detect_lang(&args("analyze x --lang fr"), Some("zh")),
            Lang::Zh
        );
    }
}
