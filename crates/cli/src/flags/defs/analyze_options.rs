//! The flags of "Options of analyze" in `--help`: what to compute (indicators, weight,
//! groups), which rows count, how the file is read, the county's facts and the output.

use junheng_core::analysis::{parse_median_rule, Filter, IndicatorSpec, WeightSpec};
#[cfg(test)]
use junheng_core::Lang;

#[cfg(test)]
use super::{analyze, apply, error};
use super::{bad, parse_lang, split_equals, Action, Flag, Scope, Section};
use crate::flags::low::{LowArgs, Sub};
use crate::flags::{Format, UsageError};

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
        "                              Without -i: the national indicators (docs/domain.md §2) when the headers\n",
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

/// `--weight` and `--unweighted` are one choice, made once.
fn choose_weight(args: &mut LowArgs, weight: WeightSpec) -> Result<(), UsageError> {
    if args.weight_given {
        return Err(UsageError::Repeated("--weight/--unweighted".into()));
    }
    args.weight_given = true;
    args.config.weight = weight;
    Ok(())
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
