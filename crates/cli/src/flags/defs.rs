//! Every flag of `junheng`, one definition each, in the order of `--help`: its names, the
//! subcommands that take it, its lines in the help, and what it does with its value. Each
//! definition checks its own value and writes its own part of [`LowArgs`]; rules between
//! flags are [`LowArgs::command`]'s. The test of a flag is right below it.
//!
//! Adding a flag: its definition here, its entry in [`FLAGS`], its field in [`LowArgs`] if it
//! needs one.

use junheng_core::analysis::{parse_median_rule, parse_split, Filter, IndicatorSpec, WeightSpec};
use junheng_core::standards::Level;
use junheng_core::Lang;

use super::low::{LowArgs, Sub};
use super::{Format, UsageError};

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
    /// `analyze` and `plan`: what to compute and how to print it.
    Analysis,
    /// `analyze`, `plan` and `report`: how the file is read, which rows and schools count.
    Reading,
    /// `report` only.
    Report,
    /// Every subcommand, `profile` too.
    Every,
}

impl Scope {
    /// Whether `sub` takes a flag of this scope.
    pub fn takes(self, sub: Sub) -> bool {
        match self {
            Scope::Analysis => matches!(sub, Sub::Analyze | Sub::Plan),
            Scope::Reading => matches!(sub, Sub::Analyze | Sub::Plan | Sub::Report),
            Scope::Report => sub == Sub::Report,
            Scope::Every => true,
        }
    }
}

/// The block of `--help` that lists a flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// "Options of analyze".
    Analyze,
    /// "National standards".
    Standards,
    /// "Options of report".
    Report,
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
pub const FLAGS: [&Flag; 23] = [
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
    &COUNTY,
    &YEAR,
    &UNIT,
    &TIMING,
    &STANDARD,
    &STANDARD_FILE,
    &SPLIT,
    &INCLUDE_TEACHING_POINTS,
    &INCLUDE_PRIVATE,
    &GYM_IN_SPORTS,
    &LEVEL,
    &OUTPUT,
    &RESEARCH,
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

/// `zh` or `en`.
pub fn parse_lang(text: &str) -> Option<Lang> {
    match text {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
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

/// `flags` (each as typed, with its value; a switch's value is not used) applied in order to
/// what `sub` starts with, as the parser applies them.
#[cfg(test)]
fn apply(sub: Sub, flags: &[(&str, &str)]) -> Result<LowArgs, UsageError> {
    let mut args = LowArgs::new(sub);
    for (name, value) in flags {
        match find(name).expect("a flag").action {
            Action::Switch(switch) => switch(&mut args, name)?,
            Action::Value(take) => take(&mut args, name, value.to_string())?,
        }
    }
    Ok(args)
}

/// [`apply`] for `analyze`; panics on a usage error.
#[cfg(test)]
fn analyze(flags: &[(&str, &str)]) -> LowArgs {
    apply(Sub::Analyze, flags).unwrap()
}

/// The usage error of [`apply`] for `analyze`; panics when there is none.
#[cfg(test)]
fn error(flags: &[(&str, &str)]) -> UsageError {
    apply(Sub::Analyze, flags).expect_err("a usage error")
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
    let args = analyze(&[("-i", "b=books/students*100"), ("--indicator", " c = x ")]);
    assert_eq!(
        args.config.indicators,
        [spec("b", "books/students*100"), spec("c", "x")]
    );
    for value in ["=x", "x", "x="] {
        assert_eq!(
            error(&[("-i", value)]),
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
        analyze(&[("--weight", "学生数")]).config.weight,
        WeightSpec::Column("学生数".into())
    );
    assert_eq!(analyze(&[]).config.weight, WeightSpec::Auto);
    assert_eq!(
        error(&[("-w", "x"), ("-w", "y")]),
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
        analyze(&[("--unweighted", "")]).config.weight,
        WeightSpec::Unweighted
    );
    assert_eq!(
        error(&[("-w", "x"), ("--unweighted", "")]),
        UsageError::Repeated("--weight/--unweighted".into())
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
        analyze(&[("-g", "乡镇")]).config.group.as_deref(),
        Some("乡镇")
    );
    assert_eq!(
        error(&[("-g", "x"), ("--group", "y")]),
        UsageError::Repeated("--group".into())
    );
}

/// `--where COLUMN=VALUE`: keep the rows whose COLUMN is VALUE; repeatable.
pub const WHERE: Flag = Flag {
    long: "--where",
    short: None,
    scope: Scope::Reading,
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
        analyze(&[("--where", "学段=小学"), ("--where", "学段=初中")])
            .config
            .filters,
        [filter("学段", "小学"), filter("学段", "初中")]
    );
    assert_eq!(
        error(&[("--where", "学段")]),
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
    assert_eq!(analyze(&[]).format, Format::Json);
    assert_eq!(analyze(&[("-f", "text")]).format, Format::Text);
    assert_eq!(analyze(&[("--format", "csv")]).format, Format::Csv);
    assert_eq!(apply(Sub::Plan, &[]).unwrap().format, Format::Csv);
    assert_eq!(
        apply(Sub::Plan, &[("-f", "json")]).unwrap().format,
        Format::Json
    );
    assert_eq!(
        error(&[("-f", "xml")]),
        bad("-f", "xml".into(), "json, text, csv")
    );
    assert_eq!(
        apply(Sub::Plan, &[("-f", "text")]).err(),
        Some(bad("-f", "text".into(), "csv, json"))
    );
}

/// `--sheet NAME`: the sheet of a workbook.
pub const SHEET: Flag = Flag {
    long: "--sheet",
    short: None,
    scope: Scope::Reading,
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
        analyze(&[("--sheet", "小学")]).sheet.as_deref(),
        Some("小学")
    );
    assert_eq!(analyze(&[]).sheet, None);
}

/// `--encoding LABEL`: the text encoding, when detection is wrong.
pub const ENCODING: Flag = Flag {
    long: "--encoding",
    short: None,
    scope: Scope::Reading,
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
        analyze(&[("--encoding", "gbk")]).encoding.as_deref(),
        Some("gbk")
    );
}

/// `--median-rule at-or-below|strict`: McLoone and Verstegen at the median.
pub const MEDIAN_RULE: Flag = Flag {
    long: "--median-rule",
    short: None,
    scope: Scope::Reading,
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
    let rule = |value| analyze(&[("--median-rule", value)]).config.median_rule;
    assert_eq!(analyze(&[]).config.median_rule, MedianRule::AtOrBelow);
    assert_eq!(rule("strict"), MedianRule::Strict);
    assert_eq!(rule("at_or_below"), MedianRule::AtOrBelow);
    assert_eq!(rule("at-or-below"), MedianRule::AtOrBelow);
    assert_eq!(
        error(&[("--median-rule", "half")]),
        bad("--median-rule", "half".into(), "at-or-below, strict")
    );
}

/// `--lang zh|en`: the language of messages (read first, by `detect_lang`; checked here).
pub const LANG: Flag = Flag {
    long: "--lang",
    short: None,
    scope: Scope::Every,
    section: Section::Analyze,
    help: concat!(
        "      --lang zh|en            language of messages (default: zh when LANG starts with zh;\n",
        "                              the dossier of report is in Chinese unless --lang en)\n",
    ),
    action: Action::Value(|args, name, value| match parse_lang(&value) {
        Some(lang) => {
            args.lang = Some(lang);
            Ok(())
        }
        None => Err(bad(name, value, "zh, en")),
    }),
};

#[test]
fn lang() {
    // The messages' language is read by `detect_lang` before parsing; here it is checked and
    // kept for the dossier of `report`.
    assert_eq!(
        analyze(&[("--lang", "zh"), ("--lang", "en")]).lang,
        Some(Lang::En)
    );
    assert_eq!(analyze(&[]).lang, None);
    assert_eq!(
        error(&[("--lang", "fr")]),
        bad("--lang", "fr".into(), "zh, en")
    );
    assert_eq!(parse_lang("zh"), Some(Lang::Zh));
    assert_eq!(parse_lang("EN"), None);
}

/// `--county NAME`: the county's name, over what the file says.
pub const COUNTY: Flag = Flag {
    long: "--county",
    short: None,
    scope: Scope::Reading,
    section: Section::Analyze,
    help:
        "      --county NAME           county name; overrides the file's title row or 县 column\n",
    action: Action::Value(|args, name, value| {
        if args.config.county.name.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        args.config.county.name = Some(value);
        Ok(())
    }),
};

#[test]
fn county() {
    assert_eq!(
        analyze(&[("--county", "青山县")])
            .config
            .county
            .name
            .as_deref(),
        Some("青山县")
    );
    assert_eq!(
        error(&[("--county", "a"), ("--county", "b")]),
        UsageError::Repeated("--county".into())
    );
}

/// `--year YYYY`: the year of the data, over what the file says.
pub const YEAR: Flag = Flag {
    long: "--year",
    short: None,
    scope: Scope::Reading,
    section: Section::Analyze,
    help: "      --year YYYY             year of the data; overrides the file's title row\n",
    action: Action::Value(|args, name, value| {
        let year = value
            .trim()
            .parse()
            .map_err(|_| bad(name, value, "a year such as 2023"))?;
        args.config.county.year = Some(year);
        Ok(())
    }),
};

#[test]
fn year() {
    assert_eq!(
        analyze(&[("--year", " 2023 ")]).config.county.year,
        Some(2023)
    );
    assert_eq!(
        error(&[("--year", "二〇二三")]),
        bad("--year", "二〇二三".into(), "a year such as 2023")
    );
}

/// `--unit TEXT`: the reporting unit (填报单位), over what the file says.
pub const UNIT: Flag = Flag {
    long: "--unit",
    short: None,
    scope: Scope::Reading,
    section: Section::Analyze,
    help: "      --unit TEXT             填报单位; overrides the file's 填报单位 line\n",
    action: Action::Value(|args, _, value| {
        args.config.county.unit = Some(value);
        Ok(())
    }),
};

#[test]
fn unit() {
    assert_eq!(
        analyze(&[("--unit", "青山县教育局")])
            .config
            .county
            .unit
            .as_deref(),
        Some("青山县教育局")
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
    assert!(analyze(&[("--timing", "")]).timing);
    assert!(!analyze(&[]).timing);
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
        analyze(&[("--standard", "quality-2017")])
            .standard
            .as_deref(),
        Some("quality-2017")
    );
    assert_eq!(
        error(&[("--standard", "basic-2020")]),
        bad(
            "--standard",
            "basic-2020".into(),
            "basic-2012, quality-2017"
        )
    );
    assert_eq!(
        error(&[("--standard", "basic-2012"), ("--standard", "basic-2012")]),
        UsageError::Repeated("--standard".into())
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
    let args = analyze(&[("--standard-file", "prov.JSON")]);
    assert_eq!(args.standard_file.as_deref(), Some("prov.JSON"));
    assert_eq!(args.standard, None);
    assert_eq!(
        error(&[("--standard-file", "p.xlsx")]),
        bad("--standard-file", "p.xlsx".into(), "FILE.json, FILE.csv")
    );
    assert_eq!(
        error(&[("--standard-file", "a.json"), ("--standard-file", "b.json")]),
        UsageError::Repeated("--standard-file".into())
    );
}

/// `--split guidance|pupils|already-split`: how a school spanning levels is apportioned.
pub const SPLIT: Flag = Flag {
    long: "--split",
    short: None,
    scope: Scope::Reading,
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
    let split = |value| analyze(&[("--split", value)]).config.standard_options.split;
    assert_eq!(analyze(&[]).config.standard_options.split, Split::GUIDANCE);
    assert_eq!(split("pupils"), Split::PupilProportional);
    assert_eq!(split("already_split"), Split::AlreadySplit);
    assert_eq!(split("guidance"), Split::GUIDANCE);
    assert_eq!(
        analyze(&[("--split", "pupils")]).standard_flags,
        ["--split"]
    );
    assert_eq!(
        error(&[("--split", "thirds")]),
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
    scope: Scope::Reading,
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
    assert!(!analyze(&[]).config.standard_options.include_teaching_points);
    let args = analyze(&[("--include-teaching-points", "")]);
    assert!(args.config.standard_options.include_teaching_points);
    assert_eq!(args.standard_flags, ["--include-teaching-points"]);
}

/// `--include-private`: count 民办 schools, which the national form leaves out.
pub const INCLUDE_PRIVATE: Flag = Flag {
    long: "--include-private",
    short: None,
    scope: Scope::Reading,
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
    assert!(!analyze(&[]).config.standard_options.include_private);
    let args = analyze(&[("--include-private", "")]);
    assert!(args.config.standard_options.include_private);
    assert_eq!(args.standard_flags, ["--include-private"]);
}

/// `--gym-in-sports`: the indoor gym counts as sports area, not teaching area.
pub const GYM_IN_SPORTS: Flag = Flag {
    long: "--gym-in-sports",
    short: None,
    scope: Scope::Reading,
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
    assert!(!analyze(&[]).config.standard_options.gym_in_sports);
    let args = analyze(&[("--gym-in-sports", "")]);
    assert!(args.config.standard_options.gym_in_sports);
    assert_eq!(args.standard_flags, ["--gym-in-sports"]);
}

/// `--level primary|junior`: the level of every school of a file without a level column.
pub const LEVEL: Flag = Flag {
    long: "--level",
    short: None,
    scope: Scope::Reading,
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
    let args = analyze(&[("--level", "junior")]);
    assert_eq!(args.config.level, Some(Level::Junior));
    assert_eq!(args.standard_flags, ["--level"]);
    assert_eq!(
        error(&[("--level", "high")]),
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

/// `-o, --output OUT.xlsx|OUT.html`: where `report` writes the dossier.
pub const OUTPUT: Flag = Flag {
    long: "--output",
    short: Some("-o"),
    scope: Scope::Report,
    section: Section::Report,
    help: "  -o, --output OUT.xlsx|OUT.html  the dossier as an Excel workbook or a printable A4 page\n",
    action: Action::Value(|args, name, value| {
        if args.output.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        args.output = Some(value);
        Ok(())
    }),
};

#[test]
fn output() {
    let report = |flags: &[(&str, &str)]| apply(Sub::Report, flags);
    assert_eq!(
        report(&[("-o", "a.xlsx")]).unwrap().output.as_deref(),
        Some("a.xlsx")
    );
    assert_eq!(
        report(&[("-o", "a.xlsx"), ("--output", "b.html")]).err(),
        Some(UsageError::Repeated("--output".into()))
    );
}

/// `--research`: the research measures as an appendix of the dossier.
pub const RESEARCH: Flag = Flag {
    long: "--research",
    short: None,
    scope: Scope::Report,
    section: Section::Report,
    help:
        "      --research              add the research measures (Gini, Theil, …) as an appendix\n",
    action: Action::Switch(|args, _| {
        args.research = true;
        Ok(())
    }),
};

#[test]
fn research() {
    assert!(apply(Sub::Report, &[("--research", "")]).unwrap().research);
    assert!(!apply(Sub::Report, &[]).unwrap().research);
}

#[test]
fn scopes() {
    assert!(INDICATOR.scope.takes(Sub::Plan) && !INDICATOR.scope.takes(Sub::Report));
    assert!(SPLIT.scope.takes(Sub::Report) && !SPLIT.scope.takes(Sub::Profile));
    assert!(OUTPUT.scope.takes(Sub::Report) && !OUTPUT.scope.takes(Sub::Analyze));
    assert!(LANG.scope.takes(Sub::Profile));
}
