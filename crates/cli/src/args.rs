//! argv → [`Command`]. Nothing else reads argv. Flags are turned into the core's
//! [`AnalysisConfig`] here, and checked against the table by `AnalysisConfig::validate`.

use junheng_core::analysis::{
    parse_median_rule, parse_split, AnalysisConfig, Filter, IndicatorSpec, WeightSpec,
};
use junheng_core::standards::Level;
use junheng_core::Lang;

/// The full help text, in both languages (the flags are the same).
pub const HELP: &str = "\
junheng — balance of compulsory education across a county's schools (义务教育均衡发展)

Usage / 用法:
  junheng analyze FILE [OPTIONS]     analyze a per-school table (CSV, TSV, XLSX, XLS, ODS);
                                     FILE may be - for stdin
  junheng plan FILE --standard ID [OPTIONS]
                                     the gap-to-standard plan: shortfalls per school, county
                                     totals, floor and top-k plans (CSV, UTF-8 with BOM)
  junheng report FILE -o OUT.xlsx|OUT.html [OPTIONS]
                                     the acceptance dossier: both national standards, page 1
                                     summary and 表1–表4, as an Excel workbook or a printable
                                     A4 page (options below; --research adds an appendix)
  junheng profile FILE               numeric columns with their pupil-weighted CV
  junheng --help | --version

Options of analyze / analyze 的选项:
  -i, --indicator NAME=EXPR   an indicator; repeatable. EXPR is a column, or columns and
                              numbers joined by * and /, left to right:
                                books/students   [教学仪器设备值（万元）]*10000/在校学生数
                              A column is its header text or a field id (students, books, ...);
                              put a header containing * or / in [ ].
                              Without -i: the national indicators (DOMAIN §2) when the headers
                              name their fields, otherwise every numeric column.
  -w, --weight COLUMN         weight each school by this column (pupils). Default: the students
                              column for the national indicators, else 1 per school.
      --unweighted            weight every school 1
  -g, --group COLUMN          per-group measures and the Theil between/within decomposition
      --where COLUMN=VALUE    keep rows whose COLUMN is VALUE; repeatable. The same column
                              twice means either value; different columns must all match.
  -f, --format json|text|csv  output format (default json, schema junheng.report/1)
      --sheet NAME            sheet of a workbook (default: the first)
      --encoding LABEL        text encoding when detection is wrong (gbk, big5, utf-16le, ...)
      --median-rule at-or-below|strict
                              McLoone/Verstegen: count schools at the median (default) or not
      --lang zh|en            language of messages (default: zh when LANG starts with zh;
                              the dossier of report is in Chinese unless --lang en)
      --county NAME           county name; overrides the file's title row or 县 column
      --year YYYY             year of the data; overrides the file's title row
      --unit TEXT             填报单位; overrides the file's 填报单位 line
      --timing                print the time taken to stderr

National standards / 国家均衡标准 (analyze and plan):
      --standard basic-2012|quality-2017
                              judge the county: 基本均衡 2012 (教督〔2012〕3号, composite CV)
                              or 优质均衡 2017 (教督〔2017〕6号, every CV and per-school 6 of 7);
                              fills the report's `standard` section and a verdict in -f text
      --standard-file FILE    a province's table: FILE.json is a whole standard (replaces
                              --standard); FILE.csv replaces the per-school values of --standard
                              (indicator,primary,junior[,cv_max_primary,cv_max_junior])
      --split guidance|pupils|already-split
                              spanning schools (九年一贯制, 完全中学): apportion by weighted
                              pupils 1 : 1.1 : 1.32 (default), by pupils, or rows already
                              given per section (小学部 / 初中部)
      --include-teaching-points   count 教学点 (excluded on the national form)
      --include-private       count 民办 schools (excluded on the national form)
      --gym-in-sports         move the indoor gym from teaching area to sports area
      --level primary|junior  level of every school when the file has no level column
  plan: -f, --format csv|json (default csv)
  report: -o, --output OUT.xlsx|OUT.html (required); --research; the reading, filter, scope
          and county options above; both standards are always evaluated

Exit status / 退出码: 0 success, 2 usage error (fix the command), 3 input error (fix the file).
";

/// Output format of `analyze` (and `plan`: csv or json).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The report document.
    Json,
    /// Aligned tables for reading.
    Text,
    /// One row per indicator.
    Csv,
}

/// Everything `analyze` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Analyze {
    /// Path of the input file, `-` for stdin.
    pub file: String,
    /// The analysis options.
    pub config: AnalysisConfig,
    /// Output format.
    pub format: Format,
    /// `--sheet`: sheet of a workbook.
    pub sheet: Option<String>,
    /// `--encoding`: text encoding label.
    pub encoding: Option<String>,
    /// Print the elapsed time to stderr.
    pub timing: bool,
    /// `--standard`: id of a built-in standard.
    pub standard: Option<String>,
    /// `--standard-file`: path of a standard table (`.json` or `.csv`).
    pub standard_file: Option<String>,
}

/// What the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// `--help`.
    Help,
    /// `--version`.
    Version,
    /// `profile FILE`.
    Profile {
        /// Path of the input file.
        file: String,
    },
    /// `analyze FILE ...`.
    Analyze(Analyze),
    /// `plan FILE --standard ...`: the gap plan only.
    Plan(Analyze),
}

/// A mistake in the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UsageError {
    /// No subcommand.
    NoCommand,
    /// A subcommand that does not exist.
    UnknownCommand(String),
    /// A flag that does not exist (for this subcommand).
    UnknownFlag(String),
    /// A flag needing a value came last.
    MissingValue(String),
    /// A flag's value is not one of the allowed ones.
    BadValue {
        /// The flag.
        flag: String,
        /// The value given.
        value: String,
        /// The allowed values, as written in the help.
        expected: &'static str,
    },
    /// A `NAME=VALUE` flag without `=`, or with an empty side.
    NeedsEquals {
        /// The flag.
        flag: String,
        /// The value given.
        value: String,
    },
    /// No FILE.
    MissingFile,
    /// More than one FILE.
    ExtraArgument(String),
    /// A flag given twice where only one value makes sense.
    Repeated(String),
    /// A flag that makes sense only with another one.
    Needs {
        /// The flag given.
        flag: String,
        /// What it needs, as written in the help.
        needs: &'static str,
    },
}

impl UsageError {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (UsageError::NoCommand, Lang::Zh) => "缺少子命令。请使用 junheng analyze FILE。".into(),
            (UsageError::NoCommand, Lang::En) => "No command given. Use junheng analyze FILE.".into(),
            (UsageError::UnknownCommand(c), Lang::Zh) => {
                format!("没有子命令“{c}”。可用的子命令：analyze、plan、report、profile。")
            }
            (UsageError::UnknownCommand(c), Lang::En) => {
                format!("There is no command “{c}”. Commands: analyze, plan, report, profile.")
            }
            (UsageError::UnknownFlag(f), Lang::Zh) => {
                format!("没有选项 {f}。请用 junheng --help 查看全部选项。")
            }
            (UsageError::UnknownFlag(f), Lang::En) => {
                format!("There is no flag {f}. See junheng --help for every flag.")
            }
            (UsageError::MissingValue(f), Lang::Zh) => format!("选项 {f} 后面缺少取值。"),
            (UsageError::MissingValue(f), Lang::En) => format!("Flag {f} needs a value after it."),
            (UsageError::BadValue { flag, value, expected }, Lang::Zh) => {
                format!("选项 {flag} 的取值“{value}”无效。可用的取值：{expected}。")
            }
            (UsageError::BadValue { flag, value, expected }, Lang::En) => {
                format!("Flag {flag}: “{value}” is not valid. Use one of: {expected}.")
            }
            (UsageError::NeedsEquals { flag, value }, Lang::Zh) => format!(
                "选项 {flag} 的取值“{value}”应写成 名称=内容，两边都不能为空，如 {flag} 学段=小学。"
            ),
            (UsageError::NeedsEquals { flag, value }, Lang::En) => format!(
                "Flag {flag}: “{value}” must be NAME=VALUE with both sides non-empty, e.g. {flag} level=小学."
            ),
            (UsageError::MissingFile, Lang::Zh) => {
                "缺少输入文件。请写 junheng analyze 文件.csv。".into()
            }
            (UsageError::MissingFile, Lang::En) => {
                "No input file. Write junheng analyze FILE.csv.".into()
            }
            (UsageError::ExtraArgument(a), Lang::Zh) => {
                format!("多余的参数“{a}”：只能分析一个文件。含空格的列名请加引号。")
            }
            (UsageError::ExtraArgument(a), Lang::En) => format!(
                "Unexpected argument “{a}”: only one file can be analyzed. Quote column names with spaces."
            ),
            (UsageError::Repeated(f), Lang::Zh) => format!("选项 {f} 只能出现一次。"),
            (UsageError::Repeated(f), Lang::En) => format!("Flag {f} may be given only once."),
            (UsageError::Needs { flag, needs }, Lang::Zh) => {
                format!("{flag} 需要同时给出 {needs}。")
            }
            (UsageError::Needs { flag, needs }, Lang::En) => {
                format!("{flag} needs {needs} as well.")
            }
        }
    }
}

/// The message language: `--lang` if given and valid, else zh when `LANG` (or `LC_ALL`, which
/// takes precedence when set) starts with `zh`, else en.
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

fn parse_lang(text: &str) -> Option<Lang> {
    match text {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// Splits `NAME=VALUE` at the first `=`; both sides trimmed and non-empty.
fn split_equals(flag: &str, value: &str) -> Result<(String, String), UsageError> {
    let needs = || UsageError::NeedsEquals {
        flag: flag.to_string(),
        value: value.to_string(),
    };
    let (name, rest) = value.split_once('=').ok_or_else(needs)?;
    let (name, rest) = (name.trim(), rest.trim());
    if name.is_empty() || rest.is_empty() {
        return Err(needs());
    }
    Ok((name.to_string(), rest.to_string()))
}

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
    #[derive(PartialEq)]
    enum Sub {
        Analyze,
        Plan,
        Profile,
    }
    let sub = match command.as_str() {
        "analyze" => Sub::Analyze,
        "plan" => Sub::Plan,
        "profile" => Sub::Profile,
        other if other.starts_with('-') => return Err(UsageError::UnknownFlag(other.into())),
        other => return Err(UsageError::UnknownCommand(other.into())),
    };

    let mut file: Option<String> = None;
    let analyze = sub != Sub::Profile;
    let mut config = AnalysisConfig::new();
    let mut format = if sub == Sub::Plan {
        Format::Csv
    } else {
        Format::Json
    };
    let mut standard: Option<String> = None;
    let mut standard_file: Option<String> = None;
    // Standard options given, to check that a standard was chosen.
    let mut standard_flags: Vec<String> = Vec::new();
    let mut sheet = None;
    let mut encoding = None;
    let mut timing = false;
    let mut seen_weight = false;

    let mut rest = args[1..].iter();
    while let Some(arg) = rest.next() {
        if !arg.starts_with('-') || arg == "-" {
            if file.is_some() {
                return Err(UsageError::ExtraArgument(arg.clone()));
            }
            file = Some(arg.clone());
            continue;
        }
        // `--flag=value` or `--flag value`.
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let known_analyze = [
            "-i",
            "--indicator",
            "-w",
            "--weight",
            "--unweighted",
            "-g",
            "--group",
            "--where",
            "-f",
            "--format",
            "--median-rule",
            "--sheet",
            "--encoding",
            "--timing",
            "--standard",
            "--standard-file",
            "--split",
            "--include-teaching-points",
            "--include-private",
            "--gym-in-sports",
            "--level",
            "--county",
            "--year",
            "--unit",
        ];
        if flag != "--lang" && !(analyze && known_analyze.contains(&flag.as_str())) {
            return Err(UsageError::UnknownFlag(flag));
        }
        let switches = [
            "--unweighted",
            "--timing",
            "--include-teaching-points",
            "--include-private",
            "--gym-in-sports",
        ];
        if switches.contains(&flag.as_str()) {
            if inline.is_some() {
                return Err(UsageError::UnknownFlag(arg.clone()));
            }
            let options = &mut config.standard_options;
            match flag.as_str() {
                "--include-teaching-points" => options.include_teaching_points = true,
                "--include-private" => options.include_private = true,
                "--gym-in-sports" => options.gym_in_sports = true,
                _ => {}
            }
            if flag.starts_with("--include") || flag == "--gym-in-sports" {
                standard_flags.push(flag);
            } else if flag == "--timing" {
                timing = true;
            } else {
                if seen_weight {
                    return Err(UsageError::Repeated("--weight/--unweighted".into()));
                }
                seen_weight = true;
                config.weight = WeightSpec::Unweighted;
            }
            continue;
        }
        let value = match inline {
            Some(v) => v,
            None => rest
                .next()
                .cloned()
                .ok_or_else(|| UsageError::MissingValue(flag.clone()))?,
        };
        match flag.as_str() {
            "--lang" => {
                if parse_lang(&value).is_none() {
                    return Err(UsageError::BadValue {
                        flag,
                        value,
                        expected: "zh, en",
                    });
                }
            }
            "-i" | "--indicator" => {
                let (name, expr) = split_equals(&flag, &value)?;
                config.indicators.push(IndicatorSpec { name, expr });
            }
            "-w" | "--weight" => {
                if seen_weight {
                    return Err(UsageError::Repeated("--weight/--unweighted".into()));
                }
                seen_weight = true;
                config.weight = WeightSpec::Column(value);
            }
            "-g" | "--group" => {
                if config.group.is_some() {
                    return Err(UsageError::Repeated(flag));
                }
                config.group = Some(value);
            }
            "--where" => {
                let (column, value) = split_equals(&flag, &value)?;
                config.filters.push(Filter { column, value });
            }
            "-f" | "--format" => {
                format = match (value.as_str(), sub == Sub::Plan) {
                    ("json", _) => Format::Json,
                    ("text", false) => Format::Text,
                    ("csv", _) => Format::Csv,
                    (_, plan) => {
                        return Err(UsageError::BadValue {
                            flag,
                            value,
                            expected: if plan { "csv, json" } else { "json, text, csv" },
                        })
                    }
                }
            }
            "--standard" => {
                if standard.is_some() {
                    return Err(UsageError::Repeated(flag));
                }
                if !junheng_core::standards::table::BUILTIN_IDS.contains(&value.as_str()) {
                    return Err(UsageError::BadValue {
                        flag,
                        value,
                        expected: "basic-2012, quality-2017",
                    });
                }
                standard = Some(value);
            }
            "--standard-file" => {
                if standard_file.is_some() {
                    return Err(UsageError::Repeated(flag));
                }
                let lower = value.to_lowercase();
                if !(lower.ends_with(".json") || lower.ends_with(".csv")) {
                    return Err(UsageError::BadValue {
                        flag,
                        value,
                        expected: "FILE.json, FILE.csv",
                    });
                }
                standard_file = Some(value);
            }
            "--split" => {
                config.standard_options.split =
                    parse_split(&value).ok_or(UsageError::BadValue {
                        flag: flag.clone(),
                        value,
                        expected: "guidance, pupils, already-split",
                    })?;
                standard_flags.push(flag);
            }
            "--level" => {
                config.level = Some(Level::from_id(&value).ok_or(UsageError::BadValue {
                    flag: flag.clone(),
                    value,
                    expected: "primary, junior",
                })?);
                standard_flags.push(flag);
            }
            "--county" => config.county.name = Some(value),
            "--unit" => config.county.unit = Some(value),
            "--year" => {
                config.county.year =
                    Some(value.trim().parse().map_err(|_| UsageError::BadValue {
                        flag: flag.clone(),
                        value,
                        expected: "a year such as 2023",
                    })?);
            }
            "--sheet" => sheet = Some(value),
            "--encoding" => encoding = Some(value),
            "--median-rule" => {
                config.median_rule = parse_median_rule(&value).ok_or(UsageError::BadValue {
                    flag,
                    value,
                    expected: "at-or-below, strict",
                })?;
            }
            _ => unreachable!("every known flag is matched above"),
        }
    }
    let file = file.ok_or(UsageError::MissingFile)?;
    let chosen = standard.is_some() || standard_file.is_some();
    if let Some(flag) = standard_flags.into_iter().next().filter(|_| !chosen) {
        return Err(UsageError::Needs {
            flag,
            needs: "--standard",
        });
    }
    if sub == Sub::Plan && !chosen {
        return Err(UsageError::Needs {
            flag: "plan".into(),
            needs: "--standard",
        });
    }
    if let Some(path) = &standard_file {
        if path.to_lowercase().ends_with(".csv") && standard.is_none() {
            return Err(UsageError::Needs {
                flag: "--standard-file FILE.csv".into(),
                needs: "--standard",
            });
        }
        if path.to_lowercase().ends_with(".json") && standard.is_some() {
            return Err(UsageError::Needs {
                flag: "--standard-file FILE.json".into(),
                needs: "no --standard (a JSON file is a whole standard)",
            });
        }
    }
    let analyze = Analyze {
        file,
        config,
        format,
        sheet,
        encoding,
        timing,
        standard,
        standard_file,
    };
    Ok(match sub {
        Sub::Analyze => Command::Analyze(analyze),
        Sub::Plan => Command::Plan(analyze),
        Sub::Profile => Command::Profile { file: analyze.file },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use junheng_core::measures::MedianRule;

    fn check(argv: &str, expected: Result<Command, UsageError>) {
        let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
        assert_eq!(parse(&args), expected, "argv {argv:?}");
    }

    fn analyze(file: &str, f: impl FnOnce(&mut Analyze)) -> Result<Command, UsageError> {
        let mut a = Analyze {
            file: file.into(),
            config: AnalysisConfig::new(),
            format: Format::Json,
            sheet: None,
            encoding: None,
            timing: false,
            standard: None,
            standard_file: None,
        };
        f(&mut a);
        Ok(Command::Analyze(a))
    }

    #[test]
    fn parses_flags() {
        check("--help", Ok(Command::Help));
        check("analyze x.csv -h", Ok(Command::Help));
        check("--version", Ok(Command::Version));
        check(
            "profile x.csv",
            Ok(Command::Profile {
                file: "x.csv".into(),
            }),
        );
        check("analyze x.csv", analyze("x.csv", |_| {}));
        check(
            "analyze x.csv -i b=books/students*100 --weight=学生数 -g 乡镇 --where 学段=小学 -f text --median-rule strict --sheet 小学 --encoding gbk --timing --lang zh",
            analyze("x.csv", |a| {
                a.config.indicators.push(IndicatorSpec {
                    name: "b".into(),
                    expr: "books/students*100".into(),
                });
                a.config.weight = WeightSpec::Column("学生数".into());
                a.config.group = Some("乡镇".into());
                a.config.filters.push(Filter {
                    column: "学段".into(),
                    value: "小学".into(),
                });
                a.format = Format::Text;
                a.config.median_rule = MedianRule::Strict;
                a.sheet = Some("小学".into());
                a.encoding = Some("gbk".into());
                a.timing = true;
            }),
        );
        check(
            "analyze --unweighted - --format=csv",
            analyze("-", |a| {
                a.config.weight = WeightSpec::Unweighted;
                a.format = Format::Csv;
            }),
        );
    }

    #[test]
    fn standard_flags() {
        check(
            "analyze x.csv --standard quality-2017 --split pupils --include-teaching-points --include-private --gym-in-sports --level junior --standard-file p.csv",
            analyze("x.csv", |a| {
                a.standard = Some("quality-2017".into());
                a.standard_file = Some("p.csv".into());
                let o = &mut a.config.standard_options;
                o.split = junheng_core::standards::Split::PupilProportional;
                o.include_teaching_points = true;
                o.include_private = true;
                o.gym_in_sports = true;
                a.config.level = Some(Level::Junior);
            }),
        );
        let mut plan = match analyze("x.csv", |a| {
            a.standard_file = Some("prov.json".into());
            a.format = Format::Csv;
        }) {
            Ok(Command::Analyze(a)) => a,
            _ => unreachable!(),
        };
        check(
            "plan x.csv --standard-file prov.json",
            Ok(Command::Plan(plan.clone())),
        );
        plan.format = Format::Json;
        check(
            "plan x.csv --standard-file=prov.json -f json",
            Ok(Command::Plan(plan)),
        );
        let needs = |flag: &str, needs: &'static str| {
            Err(UsageError::Needs {
                flag: flag.into(),
                needs,
            })
        };
        check("plan x.csv", needs("plan", "--standard"));
        check(
            "analyze x.csv --split pupils",
            needs("--split", "--standard"),
        );
        check(
            "analyze x.csv --include-private",
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
        let bad = |flag: &str, value: &str, expected: &'static str| {
            Err(UsageError::BadValue {
                flag: flag.into(),
                value: value.into(),
                expected,
            })
        };
        check(
            "analyze x.csv --standard basic-2020",
            bad("--standard", "basic-2020", "basic-2012, quality-2017"),
        );
        check(
            "analyze x.csv --standard basic-2012 --split thirds",
            bad("--split", "thirds", "guidance, pupils, already-split"),
        );
        check(
            "analyze x.csv --standard basic-2012 --level high",
            bad("--level", "high", "primary, junior"),
        );
        check(
            "plan x.csv --standard basic-2012 -f text",
            bad("-f", "text", "csv, json"),
        );
        check(
            "analyze x.csv --standard basic-2012 --standard-file p.xlsx",
            bad("--standard-file", "p.xlsx", "FILE.json, FILE.csv"),
        );
        check(
            "profile x.csv --standard basic-2012",
            Err(UsageError::UnknownFlag("--standard".into())),
        );
    }

    #[test]
    fn county_flags() {
        check(
            "analyze x.csv --county 青山县 --year 2023 --unit=青山县教育局",
            analyze("x.csv", |a| {
                a.config.county.name = Some("青山县".into());
                a.config.county.year = Some(2023);
                a.config.county.unit = Some("青山县教育局".into());
            }),
        );
        check(
            "analyze x.csv --year 二〇二三",
            Err(UsageError::BadValue {
                flag: "--year".into(),
                value: "二〇二三".into(),
                expected: "a year such as 2023",
            }),
        );
    }

    #[test]
    fn usage_errors() {
        check("", Err(UsageError::NoCommand));
        check(
            "analyse x",
            Err(UsageError::UnknownCommand("analyse".into())),
        );
        check("analyze", Err(UsageError::MissingFile));
        check("analyze a b", Err(UsageError::ExtraArgument("b".into())));
        check(
            "analyze a --bogus",
            Err(UsageError::UnknownFlag("--bogus".into())),
        );
        check(
            "profile a --group x",
            Err(UsageError::UnknownFlag("--group".into())),
        );
        check(
            "analyze a --group",
            Err(UsageError::MissingValue("--group".into())),
        );
        check(
            "analyze a -f xml",
            Err(UsageError::BadValue {
                flag: "-f".into(),
                value: "xml".into(),
                expected: "json, text, csv",
            }),
        );
        check(
            "analyze a --where 学段",
            Err(UsageError::NeedsEquals {
                flag: "--where".into(),
                value: "学段".into(),
            }),
        );
        check(
            "analyze a -i =x",
            Err(UsageError::NeedsEquals {
                flag: "-i".into(),
                value: "=x".into(),
            }),
        );
        check(
            "analyze a -w x --unweighted",
            Err(UsageError::Repeated("--weight/--unweighted".into())),
        );
        check(
            "analyze a --lang fr",
            Err(UsageError::BadValue {
                flag: "--lang".into(),
                value: "fr".into(),
                expected: "zh, en",
            }),
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
    }
}
