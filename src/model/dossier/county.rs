//! The county fields of the overview (county name, year, 填报单位) and what the engine is given.
//!
//! Each part is taken from the first place that has it:
//! 1. what the user typed for the loaded file;
//! 2. what the file says (a title row, a 县 column, a 填报单位 line: the engine's
//!    [`junheng_core::county::detect`] with nothing given);
//! 3. the built-in sample's own county (示例县, 2023);
//! 4. what the user typed for an earlier file, kept in the saved settings: a county clerk
//!    works on one county, so a file that does not name it still gets its name, marked
//!    "remembered, please check" on the page.
//!
//! Only 1, 3 and 4 are passed to the engine ([`Resolved::given`]): for 2 the engine finds the
//! value itself, with the line it came from.

use junheng_core::county::{County, CountyGiven, Found, Origin, YEARS};
use junheng_core::ingest::number::fold_width;

/// Longest county name or 填报单位 accepted from the user (a name, not a paragraph).
pub const MAX_CHARS: usize = 60;

/// Where a shown value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Typed for this file.
    Typed,
    /// Read from the file: how, and the line when it is one line.
    File(Origin, Option<u64>),
    /// The built-in sample's own county.
    Sample,
    /// Typed for an earlier file, kept in the saved settings.
    Remembered,
    /// Nowhere: printed as a blank to fill in by hand.
    Missing,
}

/// One field: its value and where it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Part<T> {
    /// The value shown and printed; `None` prints a blank.
    pub value: Option<T>,
    /// Where it comes from.
    pub source: Source,
}

/// The three fields, and what the engine is given to print them.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    /// Passed to the engine as `AnalysisConfig::county`.
    pub given: CountyGiven,
    /// County name.
    pub name: Part<String>,
    /// Year of the data.
    pub year: Part<u32>,
    /// 填报单位.
    pub unit: Part<String>,
}

/// The first of typed, detected, sample, remembered that has a value; `Some` in the first
/// slot of the result when the engine must be given it.
fn pick<T: Clone>(
    typed: &Option<T>,
    detected: &Option<Found<T>>,
    sample: &Option<T>,
    remembered: &Option<T>,
) -> (Option<T>, Part<T>) {
    let part = |value: &T, source| Part {
        value: Some(value.clone()),
        source,
    };
    if let Some(v) = typed {
        return (Some(v.clone()), part(v, Source::Typed));
    }
    if let Some(found) = detected {
        return (
            None,
            part(&found.value, Source::File(found.from, found.line)),
        );
    }
    if let Some(v) = sample {
        return (Some(v.clone()), part(v, Source::Sample));
    }
    if let Some(v) = remembered {
        return (Some(v.clone()), part(v, Source::Remembered));
    }
    (
        None,
        Part {
            value: None,
            source: Source::Missing,
        },
    )
}

/// The fields from what was typed, what the file says (`detected`: the engine's detection with
/// nothing given), the sample's own county and what was typed last time.
pub fn resolve(
    typed: &CountyGiven,
    detected: &County,
    sample: &CountyGiven,
    remembered: &CountyGiven,
) -> Resolved {
    let (name_given, name) = pick(&typed.name, &detected.name, &sample.name, &remembered.name);
    let (year_given, year) = pick(&typed.year, &detected.year, &sample.year, &remembered.year);
    let (unit_given, unit) = pick(&typed.unit, &detected.unit, &sample.unit, &remembered.unit);
    Resolved {
        given: CountyGiven {
            name: name_given,
            year: year_given,
            unit: unit_given,
        },
        name,
        year,
        unit,
    }
}

/// Why a typed value is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalid {
    /// A year that is not four digits within [`YEARS`].
    Year,
    /// A name or 填报单位 longer than [`MAX_CHARS`].
    TooLong,
}

/// A typed county name or 填报单位: trimmed, `None` when empty (the file's value, if any,
/// comes back).
pub fn parse_text(text: &str) -> Result<Option<String>, Invalid> {
    let text = text.trim();
    if text.is_empty() {
        Ok(None)
    } else if text.chars().count() > MAX_CHARS {
        Err(Invalid::TooLong)
    } else {
        Ok(Some(text.to_string()))
    }
}

/// A typed year: "2023", "２０２３" or "2023年"; `None` when empty.
pub fn parse_year(text: &str) -> Result<Option<u32>, Invalid> {
    let folded = fold_width(text.trim());
    let digits = folded.trim_end_matches(['年', '度']).trim();
    if digits.is_empty() {
        return Ok(None);
    }
    match digits.parse::<u32>() {
        Ok(year) if digits.len() == 4 && YEARS.contains(&year) => Ok(Some(year)),
        _ => Err(Invalid::Year),
    }
}

/// The county of the built-in sample (`crate::load::sample`): the synthetic 示例县, whose
/// messy GBK variant is titled "某县2023年…".
pub fn sample_county() -> CountyGiven {
    CountyGiven {
        name: Some("示例县".into()),
        year: Some(2023),
        unit: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<T>(value: T, from: Origin, line: Option<u64>) -> Option<Found<T>> {
        Some(Found { value, from, line })
    }

    fn given(name: Option<&str>, year: Option<u32>, unit: Option<&str>) -> CountyGiven {
        CountyGiven {
            name: name.map(str::to_string),
            year,
            unit: unit.map(str::to_string),
        }
    }

    #[test]
    fn typed_then_file_then_sample_then_remembered() {
        let detected = County {
            name: found("青山县".to_string(), Origin::Title, Some(1)),
            year: found(2023, Origin::Title, Some(1)),
            unit: None,
        };
        let none = CountyGiven::none();
        let remembered = given(Some("白水县"), Some(2022), Some("白水县教育局"));
        // The file's name and year win over what was remembered; its missing unit is filled.
        let r = resolve(&none, &detected, &none, &remembered);
        assert_eq!(r.name.value.as_deref(), Some("青山县"));
        assert_eq!(r.name.source, Source::File(Origin::Title, Some(1)));
        assert_eq!(r.year.value, Some(2023));
        assert_eq!(r.unit.value.as_deref(), Some("白水县教育局"));
        assert_eq!(r.unit.source, Source::Remembered);
        // The engine detects the file's own values itself: only the unit is given.
        assert_eq!(r.given, given(None, None, Some("白水县教育局")));

        // Typed values win over everything, and are given.
        let typed = given(Some("青山区"), None, None);
        let r = resolve(&typed, &detected, &none, &remembered);
        assert_eq!(r.name.source, Source::Typed);
        assert_eq!(r.given.name.as_deref(), Some("青山区"));
        assert_eq!(r.given.year, None);

        // The sample's own county comes before what was remembered.
        let r = resolve(&none, &County::default(), &sample_county(), &remembered);
        assert_eq!(r.name.value.as_deref(), Some("示例县"));
        assert_eq!(r.name.source, Source::Sample);
        assert_eq!(r.year.value, Some(2023));
        assert_eq!(r.unit.source, Source::Remembered);

        // Nothing anywhere: a blank.
        let r = resolve(&none, &County::default(), &none, &none);
        assert_eq!(
            r.name,
            Part {
                value: None,
                source: Source::Missing
            }
        );
        assert_eq!(r.given, none);
    }

    #[test]
    fn typed_values_are_checked() {
        assert_eq!(parse_text("  青山县 "), Ok(Some("青山县".into())));
        assert_eq!(parse_text("   "), Ok(None));
        assert_eq!(
            parse_text(&"县".repeat(MAX_CHARS + 1)),
            Err(Invalid::TooLong)
        );
        assert_eq!(parse_year("2023"), Ok(Some(2023)));
        assert_eq!(parse_year(" ２０２３年 "), Ok(Some(2023)));
        assert_eq!(parse_year(""), Ok(None));
        for bad in ["23", "1800", "20235", "二〇二三", "2023-24", "3000"] {
            assert_eq!(parse_year(bad), Err(Invalid::Year), "{bad}");
        }
        // Every accepted year passes the engine's own check.
        let g = given(
            Some("青山县"),
            parse_year("2100").unwrap(),
            Some("青山县教育局"),
        );
        assert_eq!(g.check(), Ok(()));
    }
}
