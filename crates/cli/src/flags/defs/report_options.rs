//! The flags of "Options of report" in `--help`: where the dossier is written and whether it
//! has the research appendix.

#[cfg(test)]
use super::apply;
use super::{Action, Flag, Scope, Section};
#[cfg(test)]
use crate::flags::low::Sub;
use crate::flags::UsageError;

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
