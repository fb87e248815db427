//! Every flag of `junheng`, one definition each, in the order of `--help`: its names, the
//! subcommands that take it, its lines in the help, and what it does with its value. Each
//! definition checks its own value and writes its own part of [`LowArgs`]; rules between
//! flags are [`LowArgs::command`]'s. The test of a flag is right below it.
//!
//! This file holds what a flag is ([`Flag`], [`Scope`], [`Section`], [`Action`]), the list
//! [`FLAGS`] and the value checks several flags share; the definitions are in one file per
//! block of `--help`: `analyze_options.rs`, `slice_options.rs`, `standard_options.rs`,
//! `report_options.rs`.
//!
//! Adding a flag: its definition in the file of its block, its entry in [`FLAGS`], its field
//! in [`LowArgs`] if it needs one.

mod analyze_options;
mod report_options;
mod slice_options;
mod standard_options;

use junheng_core::Lang;

use super::low::{LowArgs, Sub};
use super::UsageError;

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
    /// `analyze` and `report`: splitting a file into slices (`--by`).
    Split,
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
            Scope::Split => matches!(sub, Sub::Analyze | Sub::Report),
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
pub const FLAGS: [&Flag; 26] = [
    &analyze_options::INDICATOR,
    &analyze_options::WEIGHT,
    &analyze_options::UNWEIGHTED,
    &analyze_options::GROUP,
    &analyze_options::WHERE,
    &analyze_options::FORMAT,
    &analyze_options::SHEET,
    &analyze_options::ENCODING,
    &analyze_options::MEDIAN_RULE,
    &analyze_options::LANG,
    &analyze_options::COUNTY,
    &analyze_options::YEAR,
    &analyze_options::UNIT,
    &analyze_options::TIMING,
    &slice_options::BY,
    &slice_options::DETAIL,
    &standard_options::STANDARD,
    &standard_options::STANDARD_FILE,
    &standard_options::SPLIT,
    &standard_options::INCLUDE_TEACHING_POINTS,
    &standard_options::INCLUDE_PRIVATE,
    &standard_options::GYM_IN_SPORTS,
    &standard_options::LEVEL,
    &standard_options::COUNTY_VALUES,
    &report_options::OUTPUT,
    &report_options::RESEARCH,
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

#[test]
fn scopes() {
    assert!(
        analyze_options::INDICATOR.scope.takes(Sub::Plan)
            && !analyze_options::INDICATOR.scope.takes(Sub::Report)
    );
    assert!(
        standard_options::SPLIT.scope.takes(Sub::Report)
            && !standard_options::SPLIT.scope.takes(Sub::Profile)
    );
    assert!(
        report_options::OUTPUT.scope.takes(Sub::Report)
            && !report_options::OUTPUT.scope.takes(Sub::Analyze)
    );
    assert!(analyze_options::LANG.scope.takes(Sub::Profile));
}
