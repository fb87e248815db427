//! The flags that split a file into slices (a city's counties, a county's years) and say how
//! much per-school detail each slice's report keeps: `--by`, `--detail` (core `slices`).

use junheng_core::slices::Detail;

#[cfg(test)]
use super::{analyze, apply, error};
use super::{bad, Action, Flag, Scope, Section};
#[cfg(test)]
use crate::flags::low::Sub;
use crate::flags::UsageError;

/// `--by COLUMN`: analyse the file per value of COLUMN; twice for county × year.
pub const BY: Flag = Flag {
    long: "--by",
    short: None,
    scope: Scope::Split,
    section: Section::Analyze,
    help: concat!(
        "      --by COLUMN             analyse each county (or year) of a city's file on its own: one\n",
        "                              report per value of COLUMN (a header, or county / year), in order\n",
        "                              of first appearance, as junheng.slices/1; -f csv and -f text print\n",
        "                              the city table. --by 县区 --by 年份 splits by county and year.\n",
        "                              report --by COLUMN -o OUT.xlsx|OUT.html: the city table, then\n",
        "                              each slice's dossier\n",
    ),
    action: Action::Value(|args, name, value| {
        let value = value.trim().to_string();
        if value.is_empty() {
            return Err(bad(name, value, "a column header, county or year"));
        }
        if args.by.contains(&value) {
            return Err(UsageError::Repeated(format!("{name} {value}")));
        }
        args.by.push(value);
        Ok(())
    }),
};

#[test]
fn by() {
    assert_eq!(
        analyze(&[("--by", " 县区 "), ("--by", "年份")]).by,
        ["县区", "年份"]
    );
    assert!(analyze(&[]).by.is_empty());
    assert_eq!(
        error(&[("--by", "县区"), ("--by", "县区")]),
        UsageError::Repeated("--by 县区".into())
    );
    assert_eq!(
        error(&[("--by", " ")]),
        bad("--by", String::new(), "a column header, county or year")
    );
    assert!(apply(Sub::Report, &[("--by", "县区")]).is_ok());
    assert!(!BY.scope.takes(Sub::Plan));
}

/// `--detail summary|failing|all`: the per-school lists of each slice's report.
pub const DETAIL: Flag = Flag {
    long: "--detail",
    short: None,
    scope: Scope::Analysis,
    section: Section::Analyze,
    help: concat!(
        "      --detail summary|failing|all\n",
        "                              with --by: per-school lists in each slice's report: none (default;\n",
        "                              a province's stays small), the schools failing the standard, or all\n",
    ),
    action: Action::Value(|args, name, value| {
        args.detail =
            Some(Detail::parse(&value).ok_or_else(|| bad(name, value, "summary, failing, all"))?);
        Ok(())
    }),
};

#[test]
fn detail() {
    assert_eq!(analyze(&[("--detail", "all")]).detail, Some(Detail::All));
    assert_eq!(analyze(&[]).detail, None);
    // The dossier has no per-school detail to choose.
    assert!(!DETAIL.scope.takes(Sub::Report));
    assert_eq!(
        error(&[("--detail", "some")]),
        bad("--detail", "some".into(), "summary, failing, all")
    );
}
