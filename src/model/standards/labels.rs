//! The tab's words and numbers as shown: level and school-type names, CVs, values, amounts
//! in their natural unit, file lines, and the 口径 line.

use junheng_core::standards::report::{OptionsReport, Text};
use junheng_core::standards::{Level, StandardReport};
use junheng_core::Lang;

use crate::i18n::{t, K};
use crate::model::format::fixed;
use junheng_core::format::{number, Kind};

use super::choice::CustomStandard;

/// A level's name.
pub fn level_name(lang: Lang, level: Level) -> &'static str {
    match level {
        Level::Primary => t(lang, K::StdPrimary),
        Level::Junior => t(lang, K::StdJunior),
    }
}

/// A level's name from its id in the report.
pub fn level_name_of(lang: Lang, id: &str) -> &'static str {
    Level::from_id(id).map_or("—", |l| level_name(lang, l))
}

/// A bilingual engine text in `lang`.
pub fn text(lang: Lang, text: &Text) -> &str {
    match lang {
        Lang::Zh => &text.zh,
        Lang::En => &text.en,
    }
}

/// An indicator's name and unit in `lang`.
pub fn indicator_name<'a>(lang: Lang, zh: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A CV as printed: three decimals (docs/domain.md §3.2).
pub fn cv(value: Option<f64>) -> String {
    fixed(value, 3)
}

/// An indicator value: no decimals from 100 up (yuan per pupil), three below.
pub fn value(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() && v.abs() >= 100.0 => number(v, Kind::Value(0)),
        other => fixed(other, 3),
    }
}

/// Inserts thousands separators into a plain decimal number (the core formatter's grouping).
pub fn group_thousands(text: &str) -> String {
    junheng_core::format::grouped(text)
}

/// Name of a unit id of the engine (`m2`, `yuan`, `teachers`, `rooms`, ...).
pub fn unit_label(lang: Lang, unit: &str) -> &'static str {
    let key = match unit {
        "m2" => K::StdUnitM2,
        "yuan" => K::StdUnitYuan,
        "teachers" => K::StdUnitTeachers,
        "rooms" => K::StdUnitRooms,
        "computers" => K::StdUnitComputers,
        "volumes" => K::StdUnitVolumes,
        _ => K::StdUnitUnits,
    };
    t(lang, key)
}

/// An amount of resource in its natural unit: whole things as integers, m² to one decimal,
/// yuan to the yuan, with thousands separators: "1,234.5 m²", "12,000 元", "3 人".
pub fn amount(lang: Lang, x: f64, unit: &str) -> String {
    // Apportioned teachers and rooms of a spanning school can be fractional: show a tenth.
    let decimals = match unit {
        "m2" => 1,
        "yuan" => 0,
        _ if (x - x.round()).abs() > 1e-9 => 1,
        _ => 0,
    };
    // The core formatter rounds half away from zero and drops the sign of a zero.
    let number = number(x, Kind::Value(decimals));
    format!("{number} {}", unit_label(lang, unit))
}

/// A line of the user's file: "第 12 行" / "line 12".
pub fn line_label(lang: Lang, line: u64) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行"),
        Lang::En => format!("line {line}"),
    }
}

/// The separator after a label: "：" in Chinese, ": " in English.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// Name of a school type id of the report.
pub fn school_type_label(lang: Lang, id: &str) -> &'static str {
    let key = match id {
        "primary" => K::StdTypePrimary,
        "junior" => K::StdTypeJunior,
        "nine_year" => K::StdTypeNineYear,
        "twelve_year" => K::StdTypeTwelveYear,
        "complete" => K::StdTypeComplete,
        "teaching_point" => K::StdTypeTeachingPoint,
        "primary_section" => K::StdTypePrimarySection,
        "junior_section" => K::StdTypeJuniorSection,
        _ => K::StdTypeOther,
    };
    t(lang, key)
}

/// The 口径 line: the standard, its source and every choice behind the numbers.
pub fn scope_line(lang: Lang, report: &StandardReport, custom: Option<&CustomStandard>) -> String {
    let o: &OptionsReport = &report.options;
    let yes_no = |b: bool, yes: K, no: K| t(lang, if b { yes } else { no });
    let split = match (o.split.as_str(), o.junior_weight, o.senior_weight) {
        ("weighted", Some(j), Some(s)) => match lang {
            Lang::Zh => format!("一贯制学校按加权学生数拆分（初中生 {j}、高中生 {s}）"),
            Lang::En => {
                format!("spanning schools split by weighted pupils (junior {j}, senior {s})")
            }
        },
        ("pupils", ..) => t(lang, K::StdScopeSplitPupils).to_string(),
        _ => t(lang, K::StdScopeSplitAlready).to_string(),
    };
    let name = match lang {
        Lang::Zh => &report.name_zh,
        Lang::En => &report.name_en,
    };
    let titled = match lang {
        Lang::Zh => format!("{name}（{}）", report.source),
        Lang::En => format!("{name} ({})", report.source),
    };
    let mut parts = vec![
        titled,
        split,
        yes_no(o.include_teaching_points, K::StdScopeTpIn, K::StdScopeTpOut).to_string(),
        yes_no(
            o.include_private,
            K::StdScopePrivateIn,
            K::StdScopePrivateOut,
        )
        .to_string(),
        yes_no(o.gym_in_sports, K::StdScopeGymMoved, K::StdScopeGymKept).to_string(),
        t(lang, K::StdScopeWeighted).to_string(),
        t(lang, K::StdScopeEqual).to_string(),
        match lang {
            Lang::Zh => format!(
                "按未取舍的数值比较，差异系数距达标线 {} 以内标为临界",
                o.borderline_margin
            ),
            Lang::En => format!(
                "unrounded values compared; CVs within {} of a threshold flagged borderline",
                o.borderline_margin
            ),
        },
        t(lang, K::StdScopeWholeFile).to_string(),
    ];
    if let Some(c) = custom {
        parts.push(format!("{}{}", t(lang, K::StdScopeFile), c.file_name));
    }
    let sep = match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    };
    format!("{}{}", t(lang, K::StdScope), parts.join(sep))
}
