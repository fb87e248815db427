//! Every flag of `junheng`, one definition each, in the order of `--help`: its names, the
//! subcommands that take it, its lines in the help, and what it does with its value. Each
//! definition checks its own value and writes its own part of [`LowArgs`]; rules between
//! flags are [`LowArgs::command`]'s. The test of a flag is right below it.
//!
//! Adding a flag: its definition here, its entry in [`FLAGS`], its field in [`LowArgs`] if it
//! needs one.

use junheng_core::analysis::{parse_median_rule, parse_split, Filter, IndicatorSpec, WeightSpec};
use junheng_core::standards::Level;

use super::low::{LowArgs, Sub};
use super::{Format, UsageError};

#[cfg(test)]
use super::{parse, Analyze, Command};

/// One flag: its names, where it is accepted, its lines in `--help` and what it does.
pub struct Flag {
    /// Long name: `--indicator`.
    pub long: &'static str,
    /// Short name, if any: `-i`.
    pub short: Option<&'static str>,
    /// Which subcommands take it.
    pub scope: Scope,
    /// The block of `--help` that lists it.
    pub section: Section,
    /// Its lines in `--help`, as printed.
    pub help: &'static str,
    /// What it does.
    pub action: Action,
}

/// Which subcommands take a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// `analyze` and `plan`.
    Analysis,
    /// Every subcommand, `profile` too.
    Every,
}

/// The block of `--help` that lists a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// "Options of analyze".
    Analyze,
    /// "National standards".
    Standards,
}

/// What a flag does; `name` is the flag as typed (`-g` or `--group`), for its messages.
#[derive(Clone, Copy)]
pub enum Action {
    /// A flag without a value (`--timing`); `--timing=…` is refused.
    Switch(fn(&mut LowArgs, name: &str) -> Result<(), UsageError>),
    /// A flag with a value, `--group 乡镇` or `--group=乡镇`.
    Value(fn(&mut LowArgs, name: &str, value: String) -> Result<(), UsageError>),
}

impl Flag {
    /// Whether `name` (as typed, without `=value`) is this flag.
    pub fn is(&self, name: &str) -> bool {
        self.long == name || self.short == Some(name)
    }
}

/// Every flag, in the order of `--help`.
pub const FLAGS: [&Flag; 18] = [
    &INDICATOR,
    &WEIGHT,
    &UNWEIGHTED,
    &GROUP,
    &WHERE,
    &FORMAT,
    &SHEET,
    &ENCODING,
    &MEDIAN_RULE,
    &LANG,
    &TIMING,
    &STANDARD,
    &STANDARD_FILE,
    &SPLIT,
    &INCLUDE_TEACHING_POINTS,
    &INCLUDE_PRIVATE,
    &GYM_IN_SPORTS,
    &LEVEL,
];

/// The flag named `name` (as typed, without `=value`).
pub fn find(name: &str) -> Option<&'static Flag> {
    FLAGS.into_iter().find(|flag| flag.is(name))
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

/// `--weight` and `--unweighted` are one choice, made once.
fn choose_weight(args: &mut LowArgs, weight: WeightSpec) -> Result<(), UsageError> {
    if args.weight_given {
        return Err(UsageError::Repeated("--weight/--unweighted".into()));
    }
    args.weight_given = true;
    args.config.weight = weight;
    Ok(())
}

/// `flag`'s `value` is not one of `expected`.
fn bad(flag: &str, value: String, expected: &'static str) -> UsageError {
    UsageError::BadValue {
        flag: flag.to_string(),
        value,
        expected,
    }
}

/// The `analyze` (or `plan`) that `argv` asks for; panics on a usage error.
#[cfg(test)]
fn analyze(argv: &str) -> Analyze {
    let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
    match parse(&args) {
        Ok(Command::Analyze(a) | Command::Plan(a)) => a,
        other => panic!("{argv}: {other:?}"),
    }
}

/// The usage error of `argv`; panics when there is none.
#[cfg(test)]
fn error(argv: &str) -> UsageError {
    let args: Vec<String> = argv.split_whitespace().map(String::from).collect();
    match parse(&args) {
        Err(e) => e,
        other => panic!("{argv}: {other:?}"),
    }
}

/// `-i, --indicator NAME=EXPR`: an indicator; repeatable.
pub const INDICATOR: Flag = Flag {
    long: "--indicator",
    short: Some("-i"),
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: concat!(
        "  -i, --indicator NAME=EXPR   an indicator; repeatable. EXPR is a column, or columns and\n",
        "                              numbers joined by * and /, left to right:\n",
        "                                books/students   [教学仪器设备值（万元）]*10000/在校学生数\n",
        "                              A column is its header text or a field id (students, books, ...);\n",
        "                              put a header containing * or / in [ ].\n",
        "                              Without -i: the national indicators (DOMAIN §2) when the headers\n",
        "                              name their fields, otherwise every numeric column.\n",
    ),
    action: Action::Value(|args, name, value| {
        let (name, expr) = split_equals(name, &value)?;
        args.config.indicators.push(IndicatorSpec { name, expr });
        Ok(())
    }),
};

#[test]
fn indicator() {
    let spec = |name: &str, expr: &str| IndicatorSpec {
        name: name.into(),
        expr: expr.into(),
    };
    assert_eq!(
        analyze("analyze x.csv -i b=books/students*100 --indicator=c=x")
            .config
            .indicators,
        [spec("b", "books/students*100"), spec("c", "x")]
    );
    for (argv, value) in [("analyze a -i =x", "=x"), ("analyze a -i x", "x")] {
        assert_eq!(
            error(argv),
            UsageError::NeedsEquals {
                flag: "-i".into(),
                value: value.into(),
            }
        );
    }
}

/// `-w, --weight COLUMN`: weight each school by this column.
pub const WEIGHT: Flag = Flag {
    long: "--weight",
    short: Some("-w"),
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: concat!(
        "  -w, --weight COLUMN         weight each school by this column (pupils). Default: the students\n",
        "                              column for the national indicators, else 1 per school.\n",
    ),
    action: Action::Value(|args, _, value| choose_weight(args, WeightSpec::Column(value))),
};

#[test]
fn weight() {
    assert_eq!(
        analyze("analyze x.csv --weight=学生数").config.weight,
        WeightSpec::Column("学生数".into())
    );
    assert_eq!(analyze("analyze x.csv").config.weight, WeightSpec::Auto);
    assert_eq!(
        error("analyze a -w x -w y"),
        UsageError::Repeated("--weight/--unweighted".into())
    );
}

/// `--unweighted`: every school weighs 1.
pub const UNWEIGHTED: Flag = Flag {
    long: "--unweighted",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "      --unweighted            weight every school 1\n",
    action: Action::Switch(|args, _| choose_weight(args, WeightSpec::Unweighted)),
};

#[test]
fn unweighted() {
    assert_eq!(
        analyze("analyze --unweighted -").config.weight,
        WeightSpec::Unweighted
    );
    assert_eq!(
        error("analyze a -w x --unweighted"),
        UsageError::Repeated("--weight/--unweighted".into())
    );
    assert_eq!(
        error("analyze a --unweighted=yes"),
        UsageError::UnknownFlag("--unweighted=yes".into())
    );
}

/// `-g, --group COLUMN`: per-group measures and the Theil decomposition.
pub const GROUP: Flag = Flag {
    long: "--group",
    short: Some("-g"),
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "  -g, --group COLUMN          per-group measures and the Theil between/within decomposition\n",
    action: Action::Value(|args, name, value| {
        if args.config.group.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        args.config.group = Some(value);
        Ok(())
    }),
};

#[test]
fn group() {
    assert_eq!(
        analyze("analyze x.csv -g 乡镇").config.group.as_deref(),
        Some("乡镇")
    );
    assert_eq!(
        error("analyze a -g x --group y"),
        UsageError::Repeated("--group".into())
    );
    assert_eq!(
        error("analyze a --group"),
        UsageError::MissingValue("--group".into())
    );
}

/// `--where COLUMN=VALUE`: keep the rows whose COLUMN is VALUE; repeatable.
pub const WHERE: Flag = Flag {
    long: "--where",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: concat!(
        "      --where COLUMN=VALUE    keep rows whose COLUMN is VALUE; repeatable. The same column\n",
        "                              twice means either value; different columns must all match.\n",
    ),
    action: Action::Value(|args, name, value| {
        let (column, value) = split_equals(name, &value)?;
        args.config.filters.push(Filter { column, value });
        Ok(())
    }),
};

#[test]
fn where_() {
    let filter = |column: &str, value: &str| Filter {
        column: column.into(),
        value: value.into(),
    };
    assert_eq!(
        analyze("analyze x.csv --where 学段=小学 --where=学段=初中")
            .config
            .filters,
        [filter("学段", "小学"), filter("学段", "初中")]
    );
    assert_eq!(
        error("analyze a --where 学段"),
        UsageError::NeedsEquals {
            flag: "--where".into(),
            value: "学段".into(),
        }
    );
}

/// `-f, --format json|text|csv`: the output (`plan`: csv or json).
pub const FORMAT: Flag = Flag {
    long: "--format",
    short: Some("-f"),
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "  -f, --format json|text|csv  output format (default json, schema junheng.report/1)\n",
    action: Action::Value(|args, name, value| {
        let plan = args.sub == Sub::Plan;
        args.format = match (value.as_str(), plan) {
            ("json", _) => Format::Json,
            ("text", false) => Format::Text,
            ("csv", _) => Format::Csv,
            _ => {
                let expected = if plan { "csv, json" } else { "json, text, csv" };
                return Err(bad(name, value, expected));
            }
        };
        Ok(())
    }),
};

#[test]
fn format() {
    assert_eq!(analyze("analyze x.csv").format, Format::Json);
    assert_eq!(analyze("analyze x.csv -f text").format, Format::Text);
    assert_eq!(analyze("analyze x.csv --format=csv").format, Format::Csv);
    assert_eq!(
        analyze("plan x.csv --standard basic-2012").format,
        Format::Csv
    );
    assert_eq!(
        analyze("plan x.csv --standard basic-2012 -f json").format,
        Format::Json
    );
    assert_eq!(
        error("analyze a -f xml"),
        bad("-f", "xml".into(), "json, text, csv")
    );
    assert_eq!(
        error("plan x.csv --standard basic-2012 -f text"),
        bad("-f", "text".into(), "csv, json")
    );
}

/// `--sheet NAME`: the sheet of a workbook.
pub const SHEET: Flag = Flag {
    long: "--sheet",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "      --sheet NAME            sheet of a workbook (default: the first)\n",
    action: Action::Value(|args, _, value| {
        args.sheet = Some(value);
        Ok(())
    }),
};

#[test]
fn sheet() {
    assert_eq!(
        analyze("analyze x.xlsx --sheet 小学").sheet.as_deref(),
        Some("小学")
    );
    assert_eq!(analyze("analyze x.xlsx").sheet, None);
}

/// `--encoding LABEL`: the text encoding, when detection is wrong.
pub const ENCODING: Flag = Flag {
    long: "--encoding",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "      --encoding LABEL        text encoding when detection is wrong (gbk, big5, utf-16le, ...)\n",
    action: Action::Value(|args, _, value| {
        args.encoding = Some(value);
        Ok(())
    }),
};

#[test]
fn encoding() {
    assert_eq!(
        analyze("analyze x.csv --encoding gbk").encoding.as_deref(),
        Some("gbk")
    );
}

/// `--median-rule at-or-below|strict`: McLoone and Verstegen at the median.
pub const MEDIAN_RULE: Flag = Flag {
    long: "--median-rule",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: concat!(
        "      --median-rule at-or-below|strict\n",
        "                              McLoone/Verstegen: count schools at the median (default) or not\n",
    ),
    action: Action::Value(|args, name, value| {
        args.config.median_rule = parse_median_rule(&value)
            .ok_or_else(|| bad(name, value, "at-or-below, strict"))?;
        Ok(())
    }),
};

#[test]
fn median_rule() {
    use junheng_core::measures::MedianRule;
    let rule = |argv| analyze(argv).config.median_rule;
    assert_eq!(rule("analyze x.csv"), MedianRule::AtOrBelow);
    assert_eq!(
        rule("analyze x.csv --median-rule strict"),
        MedianRule::Strict
    );
    assert_eq!(
        rule("analyze x.csv --median-rule=at_or_below"),
        MedianRule::AtOrBelow
    );
    assert_eq!(
        error("analyze x.csv --median-rule half"),
        bad("--median-rule", "half".into(), "at-or-below, strict")
    );
}

/// `--lang zh|en`: the language of messages (read first, by `detect_lang`; checked here).
pub const LANG: Flag = Flag {
    long: "--lang",
    short: None,
    scope: Scope::Every,
    section: Section::Analyze,
    help: "      --lang zh|en            language of messages (default: zh when LANG starts with zh)\n",
    action: Action::Value(|_, name, value| match super::parse::parse_lang(&value) {
        Some(_) => Ok(()),
        None => Err(bad(name, value, "zh, en")),
    }),
};

#[test]
fn lang() {
    assert_eq!(analyze("analyze x.csv --lang zh"), analyze("analyze x.csv"));
    assert_eq!(
        parse(&["profile".into(), "x.csv".into(), "--lang=en".into()]),
        Ok(Command::Profile {
            file: "x.csv".into()
        })
    );
    assert_eq!(
        error("analyze a --lang fr"),
        bad("--lang", "fr".into(), "zh, en")
    );
}

/// `--timing`: the time taken, on stderr.
pub const TIMING: Flag = Flag {
    long: "--timing",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: "      --timing                print the time taken to stderr\n",
    action: Action::Switch(|args, _| {
        args.timing = true;
        Ok(())
    }),
};

#[test]
fn timing() {
    assert!(analyze("analyze x.csv --timing").timing);
    assert!(!analyze("analyze x.csv").timing);
    assert_eq!(
        error("profile x.csv --timing"),
        UsageError::UnknownFlag("--timing".into())
    );
}

/// `--standard basic-2012|quality-2017`: judge the county against a national standard.
pub const STANDARD: Flag = Flag {
    long: "--standard",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: concat!(
        "      --standard basic-2012|quality-2017\n",
        "                              judge the county: 基本均衡 2012 (教督〔2012〕3号, composite CV)\n",
        "                              or 优质均衡 2017 (教督〔2017〕6号, every CV and per-school 6 of 7);\n",
        "                              fills the report's `standard` section and a verdict in -f text\n",
    ),
    action: Action::Value(|args, name, value| {
        if args.standard.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        if !junheng_core::standards::table::BUILTIN_IDS.contains(&value.as_str()) {
            return Err(bad(name, value, "basic-2012, quality-2017"));
        }
        args.standard = Some(value);
        Ok(())
    }),
};

#[test]
fn standard() {
    assert_eq!(
        analyze("analyze x.csv --standard quality-2017")
            .standard
            .as_deref(),
        Some("quality-2017")
    );
    assert_eq!(
        error("analyze x.csv --standard basic-2020"),
        bad(
            "--standard",
            "basic-2020".into(),
            "basic-2012, quality-2017"
        )
    );
    assert_eq!(
        error("analyze x.csv --standard basic-2012 --standard basic-2012"),
        UsageError::Repeated("--standard".into())
    );
    assert_eq!(
        error("profile x.csv --standard basic-2012"),
        UsageError::UnknownFlag("--standard".into())
    );
}

/// `--standard-file FILE`: a province's standard, a whole table (`.json`) or its values (`.csv`).
pub const STANDARD_FILE: Flag = Flag {
    long: "--standard-file",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: concat!(
        "      --standard-file FILE    a province's table: FILE.json is a whole standard (replaces\n",
        "                              --standard); FILE.csv replaces the per-school values of --standard\n",
        "                              (indicator,primary,junior[,cv_max_primary,cv_max_junior])\n",
    ),
    action: Action::Value(|args, name, value| {
        if args.standard_file.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        let lower = value.to_lowercase();
        if !(lower.ends_with(".json") || lower.ends_with(".csv")) {
            return Err(bad(name, value, "FILE.json, FILE.csv"));
        }
        args.standard_file = Some(value);
        Ok(())
    }),
};

#[test]
fn standard_file() {
    let a = analyze("plan x.csv --standard-file=prov.json -f json");
    assert_eq!(a.standard_file.as_deref(), Some("prov.json"));
    assert_eq!(a.standard, None);
    assert_eq!(
        error("analyze x.csv --standard basic-2012 --standard-file p.xlsx"),
        bad("--standard-file", "p.xlsx".into(), "FILE.json, FILE.csv")
    );
    assert_eq!(
        error("analyze x.csv --standard-file a.json --standard-file b.json"),
        UsageError::Repeated("--standard-file".into())
    );
}

/// `--split guidance|pupils|already-split`: how a school spanning levels is apportioned.
pub const SPLIT: Flag = Flag {
    long: "--split",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: concat!(
        "      --split guidance|pupils|already-split\n",
        "                              spanning schools (九年一贯制, 完全中学): apportion by weighted\n",
        "                              pupils 1 : 1.1 : 1.32 (default), by pupils, or rows already\n",
        "                              given per section (小学部 / 初中部)\n",
    ),
    action: Action::Value(|args, name, value| {
        args.config.standard_options.split = parse_split(&value)
            .ok_or_else(|| bad(name, value, "guidance, pupils, already-split"))?;
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn split() {
    use junheng_core::standards::Split;
    let split = |argv| analyze(argv).config.standard_options.split;
    assert_eq!(
        split("analyze x.csv --standard basic-2012"),
        Split::GUIDANCE
    );
    assert_eq!(
        split("analyze x.csv --standard basic-2012 --split pupils"),
        Split::PupilProportional
    );
    assert_eq!(
        split("analyze x.csv --standard basic-2012 --split=already_split"),
        Split::AlreadySplit
    );
    assert_eq!(
        error("analyze x.csv --standard basic-2012 --split thirds"),
        bad(
            "--split",
            "thirds".into(),
            "guidance, pupils, already-split"
        )
    );
}

/// `--include-teaching-points`: count 教学点, which the national form leaves out.
pub const INCLUDE_TEACHING_POINTS: Flag = Flag {
    long: "--include-teaching-points",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: "      --include-teaching-points   count 教学点 (excluded on the national form)\n",
    action: Action::Switch(|args, name| {
        args.config.standard_options.include_teaching_points = true;
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn include_teaching_points() {
    let options = |argv| analyze(argv).config.standard_options;
    assert!(!options("analyze x.csv --standard basic-2012").include_teaching_points);
    assert!(
        options("analyze x.csv --standard basic-2012 --include-teaching-points")
            .include_teaching_points
    );
}

/// `--include-private`: count 民办 schools, which the national form leaves out.
pub const INCLUDE_PRIVATE: Flag = Flag {
    long: "--include-private",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: "      --include-private       count 民办 schools (excluded on the national form)\n",
    action: Action::Switch(|args, name| {
        args.config.standard_options.include_private = true;
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn include_private() {
    let options = |argv| analyze(argv).config.standard_options;
    assert!(!options("analyze x.csv --standard basic-2012").include_private);
    assert!(options("analyze x.csv --standard basic-2012 --include-private").include_private);
}

/// `--gym-in-sports`: the indoor gym counts as sports area, not teaching area.
pub const GYM_IN_SPORTS: Flag = Flag {
    long: "--gym-in-sports",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: "      --gym-in-sports         move the indoor gym from teaching area to sports area\n",
    action: Action::Switch(|args, name| {
        args.config.standard_options.gym_in_sports = true;
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn gym_in_sports() {
    let options = |argv| analyze(argv).config.standard_options;
    assert!(!options("analyze x.csv --standard basic-2012").gym_in_sports);
    assert!(options("analyze x.csv --standard basic-2012 --gym-in-sports").gym_in_sports);
}

/// `--level primary|junior`: the level of every school of a file without a level column.
pub const LEVEL: Flag = Flag {
    long: "--level",
    short: None,
    scope: Scope::Analysis,
    section: Section::Standards,
    help: "      --level primary|junior  level of every school when the file has no level column\n",
    action: Action::Value(|args, name, value| {
        let level = Level::from_id(&value).ok_or_else(|| bad(name, value, "primary, junior"))?;
        args.config.level = Some(level);
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn level() {
    assert_eq!(
        analyze("analyze x.csv --standard basic-2012 --level junior")
            .config
            .level,
        Some(Level::Junior)
    );
    assert_eq!(
        error("analyze x.csv --standard basic-2012 --level high"),
        bad("--level", "high".into(), "primary, junior")
    );
}

#[test]
fn every_flag_has_one_definition_and_its_help() {
    for (i, flag) in FLAGS.iter().enumerate() {
        assert!(flag.help.contains(flag.long), "{}", flag.long);
        if let Some(short) = flag.short {
            assert!(flag.help.starts_with(&format!("  {short}, {}", flag.long)));
        }
        for other in &FLAGS[..i] {
            assert!(!other.is(flag.long) && flag.short.is_none_or(|s| !other.is(s)));
        }
    }
}
