//! What the indicator table shows: the measures as columns, each with its label and tooltip
//! (formula and meaning; key, digits and value come from the core's table of measures);
//! indicator names in the page's language; and the national 2017 CV threshold that applies to
//! a level.

use junheng_core::ingest::SchoolKind;
use junheng_core::measures::Measure;
use junheng_core::standards::{Level, Standard};
use junheng_core::Lang;

use crate::i18n::K;

/// A column of the indicator table: a measure of the core's table of measures (its report key,
/// digits and value come from there), with the page's label and tooltip.
pub struct Metric {
    /// The measure.
    pub measure: Measure,
    /// Header label.
    pub label: K,
    /// Tooltip: formula and meaning.
    pub tip: K,
}

/// The measures shown, in order.
pub const METRICS: [Metric; 12] = [
    Metric {
        measure: Measure::Mean,
        label: K::Mean,
        tip: K::TipMean,
    },
    Metric {
        measure: Measure::Cv,
        label: K::Cv,
        tip: K::TipCv,
    },
    Metric {
        measure: Measure::Gini,
        label: K::Gini,
        tip: K::TipGini,
    },
    Metric {
        measure: Measure::Theil,
        label: K::Theil,
        tip: K::TipTheil,
    },
    Metric {
        measure: Measure::McLoone,
        label: K::McLoone,
        tip: K::TipMcLoone,
    },
    Metric {
        measure: Measure::Verstegen,
        label: K::Verstegen,
        tip: K::TipVerstegen,
    },
    Metric {
        measure: Measure::RangeRatio,
        label: K::RangeRatio,
        tip: K::TipRangeRatio,
    },
    Metric {
        measure: Measure::FederalRangeRatio,
        label: K::FederalRangeRatio,
        tip: K::TipFederalRangeRatio,
    },
    Metric {
        measure: Measure::Atkinson05,
        label: K::Atkinson05,
        tip: K::TipAtkinson,
    },
    Metric {
        measure: Measure::Atkinson1,
        label: K::Atkinson1,
        tip: K::TipAtkinson,
    },
    Metric {
        measure: Measure::Atkinson2,
        label: K::Atkinson2,
        tip: K::TipAtkinson,
    },
    Metric {
        measure: Measure::Hoover,
        label: K::Hoover,
        tip: K::TipHoover,
    },
];

/// The national standard tables, parsed once per call site that needs names or thresholds.
fn builtin(id: &str) -> Standard {
    Standard::builtin(id).expect("the built-in standard tables are valid (tested in the core)")
}

/// An indicator's name in `lang`: the national name for the standard indicators, otherwise
/// the name the user gave.
pub fn indicator_label(lang: Lang, name: &str, label_zh: Option<&str>) -> String {
    for id in ["quality-2017", "basic-2012"] {
        if let Some(i) = builtin(id).indicators().iter().find(|i| i.id == name) {
            return match lang {
                Lang::Zh => i.name_zh.clone(),
                Lang::En => i.name_en.clone(),
            };
        }
    }
    match (lang, label_zh) {
        (Lang::Zh, Some(label)) => label.to_string(),
        _ => name.to_string(),
    }
}

/// The school level a value of the level column stands for, when it is one level only.
pub fn level_of(value: &str) -> Option<Level> {
    match SchoolKind::parse(value)? {
        SchoolKind::Primary | SchoolKind::PrimarySection | SchoolKind::TeachingPoint => {
            Some(Level::Primary)
        }
        SchoolKind::Junior | SchoolKind::JuniorSection => Some(Level::Junior),
        _ => None,
    }
}

/// The 2017 high-quality-balance CV threshold (教督〔2017〕6号: 0.50 小学, 0.45 初中) for the
/// indicator `name` at `level`, if it is one of the seven.
pub fn cv_threshold(name: &str, level: Option<Level>) -> Option<f64> {
    let level = level?;
    builtin("quality-2017")
        .indicators()
        .iter()
        .find(|i| i.id == name)?
        .cv_max
        .get(level)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn national_names_in_both_languages() {
        assert_eq!(
            indicator_label(Lang::Zh, "books_per_student", Some("x")),
            "生均图书册数"
        );
        assert_eq!(
            indicator_label(Lang::En, "books_per_student", None),
            "Books per student"
        );
        assert_eq!(indicator_label(Lang::Zh, "书机比", None), "书机比");
        assert_eq!(indicator_label(Lang::En, "mine", Some("我的")), "mine");
    }

    #[test]
    fn thresholds_by_level() {
        let cases = [
            ("sports_area_per_student", "小学", Some(0.50)),
            ("sports_area_per_student", "初级中学", Some(0.45)),
            ("sports_area_per_student", "九年一贯制学校", None),
            ("books_per_student", "小学", None),
            ("multimedia_rooms_per_100", "初中", Some(0.45)),
        ];
        for (name, level, expected) in cases {
            assert_eq!(
                cv_threshold(name, level_of(level)),
                expected,
                "{name} {level}"
            );
        }
        assert_eq!(cv_threshold("sports_area_per_student", None), None);
    }
}
