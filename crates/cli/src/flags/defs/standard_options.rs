//! The flags of "National standards" in `--help`: the standard to judge against, a
//! province's table, and the scope and split options of the national evaluation.

use junheng_core::analysis::parse_split;
use junheng_core::standards::Level;

#[cfg(test)]
use super::{analyze, error};
use super::{bad, Action, Flag, Scope, Section};
use crate::flags::UsageError;

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

/// `--county-values FILE`: the county's own figures and judgements for the 2017 items.
pub const COUNTY_VALUES: Flag = Flag {
    long: "--county-values",
    short: None,
    scope: Scope::Reading,
    section: Section::Standards,
    help: concat!(
        "      --county-values FILE    the county's sheet 县级指标 (rows 指标,值[,说明,佐证材料]: G13 …,96%),\n",
        "                              a CSV or a workbook: the 2017 items a school table cannot hold\n",
        "                              (G1–G15, Q1–Q9, S1, V1–V6). A workbook given as FILE has its\n",
        "                              县级指标 sheet read without this flag.\n",
    ),
    action: Action::Value(|args, name, value| {
        if args.county_values.is_some() {
            return Err(UsageError::Repeated(name.to_string()));
        }
        args.county_values = Some(value);
        args.standard_flags.push(name.to_string());
        Ok(())
    }),
};

#[test]
fn county_values() {
    let args = analyze(&[("--county-values", "县级指标.csv")]);
    assert_eq!(args.county_values.as_deref(), Some("县级指标.csv"));
    assert_eq!(args.standard_flags, ["--county-values"]);
    assert_eq!(
        error(&[("--county-values", "a.csv"), ("--county-values", "b.csv")]),
        UsageError::Repeated("--county-values".into())
    );
    assert!(COUNTY_VALUES.scope.takes(crate::flags::low::Sub::Report));
}
