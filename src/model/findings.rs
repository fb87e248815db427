//! Sentences that state what a chart or table shows, built from the engine's numbers with the
//! catalog's templates (`{label}`, `{gini}`, … are filled here); the national per-school standard
//! of an indicator; value labels with units; and the names of downloaded chart files.

use junheng_core::standards::{Level, Standard};
use junheng_core::Lang;

use crate::chart::lorenz::lorenz_points;
use crate::chart::ticks::format_value;
use crate::i18n::{fill, t, K};
use crate::model::format::fixed;
pub use crate::model::format::percent;
use crate::model::metrics::indicator_label;

/// `text` with its first letter in upper case (English sentences that start with a name).
pub fn capitalize(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_ascii_lowercase() => {
            first.to_ascii_uppercase().to_string() + chars.as_str()
        }
        _ => text,
    }
}

/// The national tables, in the order their names are preferred.
fn builtins() -> [Standard; 2] {
    ["quality-2017", "basic-2012"].map(|id| {
        Standard::builtin(id).expect("the built-in standard tables are valid (tested in the core)")
    })
}

/// The 2017 per-school standard (教督〔2017〕6号) of indicator `name` at `level`, when it is one
/// of the seven and a single level is analysed.
pub fn standard_value(name: &str, level: Option<Level>) -> Option<f64> {
    let level = level?;
    let [quality, _] = builtins();
    quality
        .indicators()
        .iter()
        .find(|i| i.id == name)?
        .standard
        .get(level)
}

/// An indicator's name with its unit, when it is a national one: "生均图书册数（册/生）",
/// "Books per student (books per student)" reads badly, so English gets the unit only when the
/// name does not end with it.
pub fn value_label(lang: Lang, name: &str, label_zh: Option<&str>) -> String {
    let label = indicator_label(lang, name, label_zh);
    for standard in builtins() {
        if let Some(i) = standard.indicators().iter().find(|i| i.id == name) {
            return match lang {
                Lang::Zh => format!("{label}（{}）", i.unit_zh),
                Lang::En
                    if !label
                        .to_ascii_lowercase()
                        .ends_with(&i.unit_en.to_ascii_lowercase()) =>
                {
                    format!("{label} ({})", i.unit_en)
                }
                Lang::En => label,
            };
        }
    }
    label
}

/// The indicator's name inside an English sentence: "Books per student" → "books per student";
/// names that start with an acronym ("PE and arts …") or are not Latin stay as they are.
pub fn in_sentence(lang: Lang, label: &str) -> String {
    let mut chars = label.chars();
    match (lang, chars.next(), chars.next()) {
        (Lang::En, Some(first), Some(second))
            if first.is_ascii_uppercase() && !second.is_ascii_uppercase() =>
        {
            first.to_ascii_lowercase().to_string() + &label[first.len_utf8()..]
        }
        _ => label.to_string(),
    }
}

/// File name of a chart download: `junheng-lorenz-books_per_student.svg`. Characters that
/// file systems or browsers refuse become `_`; Chinese names of custom indicators are kept.
pub fn chart_file_name(kind: &str, indicator: &str, extension: &str) -> String {
    let safe: String = indicator
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = if safe.is_empty() {
        "chart".into()
    } else {
        safe
    };
    format!("junheng-{kind}-{safe}.{extension}")
}

/// The share of the resource held by the half of pupils with the least of it, read off the
/// Lorenz curve by linear interpolation. `None` when there is no curve (see `lorenz_points`).
pub fn poorest_half_share(values: &[f64], weights: &[f64]) -> Option<f64> {
    let points = lorenz_points(values, weights)?;
    let after = points.iter().position(|p| p.pupils >= 0.5)?;
    let (b, a) = (&points[after], &points[after.saturating_sub(1)]);
    if b.pupils == a.pupils {
        return Some(b.resource);
    }
    let t = (0.5 - a.pupils) / (b.pupils - a.pupils);
    Some(a.resource + t * (b.resource - a.resource))
}

/// Title of the Lorenz curve: the Gini, and what the poorer half of pupils holds.
pub fn lorenz_title(lang: Lang, label: &str, gini: Option<f64>, half: Option<f64>) -> String {
    let gini = fixed(gini, 3);
    capitalize(match half {
        Some(half) => fill(
            t(lang, K::FindLorenz),
            &[("label", label), ("gini", &gini), ("half", &percent(half))],
        ),
        None => fill(
            t(lang, K::FindLorenzShort),
            &[("label", label), ("gini", &gini)],
        ),
    })
}

/// Title of the per-school bars: how many schools fall below the standard, when there is one;
/// otherwise the ratio of the highest to the lowest school and how many are below the mean.
/// `schools` are (name, value) pairs.
pub fn bars_title(
    lang: Lang,
    label: &str,
    schools: &[(String, f64)],
    mean: Option<f64>,
    standard: Option<f64>,
) -> String {
    let finite: Vec<&(String, f64)> = schools.iter().filter(|(_, v)| v.is_finite()).collect();
    let n = finite.len().to_string();
    if let Some(standard) = standard {
        let below = finite.iter().filter(|(_, v)| *v < standard).count();
        return capitalize(fill(
            t(lang, K::FindBarsStandard),
            &[
                ("label", label),
                ("n", &n),
                ("below", &below.to_string()),
                ("standard", &format_value(standard)),
            ],
        ));
    }
    let below = mean.map_or(0, |m| finite.iter().filter(|(_, v)| *v < m).count());
    let max = finite.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let min = finite.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    capitalize(match (max, min) {
        (Some(max), Some(min)) if min.1 > 0.0 && finite.len() > 1 => fill(
            t(lang, K::FindBars),
            &[
                ("label", label),
                ("max", &max.0),
                ("min", &min.0),
                ("ratio", &fixed(Some(max.1 / min.1), 1)),
                ("n", &n),
                ("below", &below.to_string()),
            ],
        ),
        _ => fill(
            t(lang, K::FindBarsNoRatio),
            &[("label", label), ("n", &n), ("below", &below.to_string())],
        ),
    })
}

/// Title of the group comparison: the group with the lowest mean, and the Gini of all schools.
/// `groups` are (name, mean) pairs.
pub fn groups_title(
    lang: Lang,
    label: &str,
    groups: &[(String, Option<f64>)],
    gini: Option<f64>,
) -> String {
    let lowest = groups
        .iter()
        .filter_map(|(g, m)| m.filter(|m| m.is_finite()).map(|m| (g, m)))
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match lowest {
        Some((group, _)) if groups.len() > 1 => fill(
            t(lang, K::FindGroups),
            &[
                ("group", group),
                ("label", label),
                ("gini", &fixed(gini, 3)),
            ],
        ),
        _ => lorenz_title(lang, label, gini, None),
    }
}

/// Title of the box plot: the group whose schools differ most (highest CV). `groups` are
/// (name, CV) pairs.
pub fn box_title(lang: Lang, label: &str, groups: &[(String, Option<f64>)]) -> String {
    let widest = groups
        .iter()
        .filter_map(|(g, cv)| cv.filter(|c| c.is_finite()).map(|c| (g, c)))
        .max_by(|a, b| a.1.total_cmp(&b.1));
    capitalize(match widest {
        Some((group, cv)) => fill(
            t(lang, K::FindBox),
            &[
                ("group", group),
                ("label", label),
                ("cv", &fixed(Some(cv), 3)),
            ],
        ),
        None => label.to_string(),
    })
}

/// The share of the Theil index explained by the grouping: between / total.
pub fn between_share(total: Option<f64>, between: Option<f64>) -> Option<f64> {
    match (total, between) {
        (Some(total), Some(between)) if total > 0.0 => Some(between / total),
        _ => None,
    }
}

/// "泰尔指数 0.0123 = 组间 0.0040 + 组内 0.0083；分组解释了差异的 32.5%。"
pub fn theil_sentence(
    lang: Lang,
    total: Option<f64>,
    between: Option<f64>,
    within: Option<f64>,
) -> String {
    let share = between_share(total, between).map_or("—".to_string(), percent);
    fill(
        t(lang, K::TheilSplit),
        &[
            ("total", &fixed(total, 4)),
            ("between", &fixed(between, 4)),
            ("within", &fixed(within, 4)),
            ("share", &share),
        ],
    )
}

/// Title of the trend chart: how the CV moved from the first year to the last. `points` are
/// (year, CV) pairs in any order.
pub fn trend_title(lang: Lang, label: &str, points: &[(i32, f64)]) -> String {
    let mut points: Vec<(i32, f64)> = points
        .iter()
        .copied()
        .filter(|(_, v)| v.is_finite())
        .collect();
    points.sort_by_key(|(year, _)| *year);
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return label.to_string();
    };
    let (a, b) = (fixed(Some(first.1), 3), fixed(Some(last.1), 3));
    let key = if a == b || points.len() < 2 {
        K::FindTrendFlat
    } else if last.1 < first.1 {
        K::FindTrendDown
    } else {
        K::FindTrendUp
    };
    fill(
        t(lang, key),
        &[
            ("label", label),
            ("y0", &first.0.to_string()),
            ("y1", &last.0.to_string()),
            ("a", &a),
            ("b", &b),
        ],
    )
}

/// Title of the comparison of counties: where the CV is highest and lowest. `counties` are
/// (name, CV) pairs.
pub fn counties_title(lang: Lang, label: &str, counties: &[(String, f64)]) -> String {
    let finite: Vec<&(String, f64)> = counties.iter().filter(|(_, v)| v.is_finite()).collect();
    let max = finite.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let min = finite.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    match (max, min) {
        (Some(max), Some(min)) if finite.len() > 1 => fill(
            t(lang, K::FindCounties),
            &[
                ("label", label),
                ("max", &max.0),
                ("a", &fixed(Some(max.1), 3)),
                ("min", &min.0),
                ("b", &fixed(Some(min.1), 3)),
            ],
        ),
        _ => label.to_string(),
    }
}

/// The school that weighs most in the CV, its share and the CV without it.
pub fn drivers_sentence(
    lang: Lang,
    name: &str,
    share: f64,
    cv: Option<f64>,
    cv_without: Option<f64>,
) -> String {
    fill(
        t(lang, K::DriversSentence),
        &[
            ("name", name),
            ("share", &percent(share)),
            ("cv", &fixed(cv, 3)),
            ("without", &fixed(cv_without, 3)),
        ],
    )
}

/// "第 2 / 3 页，第 101–200 所，共 250 所" for `page` (from 0) of `total` rows.
pub fn page_status(
    lang: Lang,
    page: usize,
    pages: usize,
    from: usize,
    to: usize,
    total: usize,
) -> String {
    fill(
        t(lang, K::PageStatus),
        &[
            ("page", &(page + 1).to_string()),
            ("pages", &pages.to_string()),
            ("from", &from.to_string()),
            ("to", &to.to_string()),
            ("total", &total.to_string()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percents() {
        assert_eq!(percent(0.48123), "48.1%");
        assert_eq!(percent(f64::NAN), "—");
    }

    #[test]
    fn standards_per_school() {
        let cases = [
            (
                "equipment_value_per_student",
                Some(Level::Primary),
                Some(2000.0),
            ),
            (
                "equipment_value_per_student",
                Some(Level::Junior),
                Some(2500.0),
            ),
            ("teaching_area_per_student", Some(Level::Junior), Some(5.8)),
            ("equipment_value_per_student", None, None),
            ("books_per_student", Some(Level::Primary), None),
            ("mine", Some(Level::Primary), None),
        ];
        for (name, level, expected) in cases {
            assert_eq!(standard_value(name, level), expected, "{name} {level:?}");
        }
    }

    #[test]
    fn labels_with_units_and_in_sentences() {
        assert_eq!(
            value_label(Lang::Zh, "equipment_value_per_student", None),
            "生均教学仪器设备值（元/生）"
        );
        assert_eq!(
            value_label(Lang::En, "equipment_value_per_student", None),
            "Teaching equipment value per student (yuan per student)"
        );
        assert_eq!(value_label(Lang::Zh, "书机比", None), "书机比");
        assert_eq!(
            in_sentence(Lang::En, "Books per student"),
            "books per student"
        );
        assert_eq!(in_sentence(Lang::En, "PE and arts"), "PE and arts");
        assert_eq!(in_sentence(Lang::Zh, "Books"), "Books");
        assert_eq!(in_sentence(Lang::En, "书机比"), "书机比");
    }

    #[test]
    fn file_names() {
        assert_eq!(
            chart_file_name("lorenz", "books_per_student", "svg"),
            "junheng-lorenz-books_per_student.svg"
        );
        assert_eq!(
            chart_file_name("bars", "书/机 比", "png"),
            "junheng-bars-书_机_比.png"
        );
        assert_eq!(chart_file_name("box", " ", "svg"), "junheng-box-chart.svg");
    }

    #[test]
    fn poorest_half() {
        // Two schools of equal pupils with 1 and 3: the poorer half holds 1/4.
        assert_eq!(poorest_half_share(&[3.0, 1.0], &[1.0, 1.0]), Some(0.25));
        // Four equal schools: exactly half.
        let half = poorest_half_share(&[2.0; 4], &[1.0; 4]).unwrap();
        assert!((half - 0.5).abs() < 1e-12);
        // One school of 4 pupils: the curve is the diagonal.
        assert_eq!(poorest_half_share(&[5.0], &[4.0]), Some(0.5));
        assert_eq!(poorest_half_share(&[-1.0], &[1.0]), None);
    }

    #[test]
    fn lorenz_titles() {
        assert_eq!(
            lorenz_title(Lang::Zh, "生均图书册数", Some(0.28841), Some(0.3112)),
            "生均图书册数：基尼系数 0.288，资源最少的一半学生只拥有 31.1% 的资源"
        );
        assert_eq!(
            lorenz_title(Lang::En, "books per student", Some(0.28841), None),
            "Books per student: Gini 0.288"
        );
    }

    #[test]
    fn bars_titles() {
        let schools = vec![
            ("一小".to_string(), 2.0),
            ("二小".to_string(), 6.4),
            ("三小".to_string(), 4.0),
            ("四小".to_string(), f64::NAN),
        ];
        assert_eq!(
            bars_title(Lang::Zh, "生均图书册数", &schools, Some(4.5), None),
            "生均图书册数：最高的二小是最低的一小的 3.2 倍，3 所学校中 2 所低于全县均值"
        );
        assert_eq!(
            bars_title(
                Lang::En,
                "books per student",
                &schools,
                Some(4.5),
                Some(4.0)
            ),
            "Books per student: 1 of 3 schools below the national standard of 4"
        );
        let with_zero = vec![("一小".to_string(), 0.0), ("二小".to_string(), 1.0)];
        assert_eq!(
            bars_title(Lang::Zh, "骨干教师", &with_zero, Some(0.5), None),
            "骨干教师：2 所学校中 1 所低于全县均值"
        );
    }

    #[test]
    fn group_titles() {
        let groups = vec![
            ("城区".to_string(), Some(3200.0)),
            ("镇区".to_string(), Some(2600.0)),
            ("乡村".to_string(), Some(1800.0)),
        ];
        assert_eq!(
            groups_title(Lang::Zh, "生均设备值", &groups, Some(0.1543)),
            "乡村学校的生均设备值最低，基尼系数 0.154"
        );
        let en = vec![
            ("Urban".to_string(), Some(3.0)),
            ("Rural".to_string(), Some(1.0)),
        ];
        assert_eq!(
            groups_title(Lang::En, "equipment per student", &en, Some(0.1543)),
            "Rural schools have the lowest equipment per student; Gini 0.154"
        );
        let cvs = vec![
            ("城区".to_string(), Some(0.2)),
            ("乡村".to_string(), Some(0.41)),
            ("镇区".to_string(), None),
        ];
        assert_eq!(
            box_title(Lang::Zh, "生均设备值", &cvs),
            "乡村学校之间的生均设备值差异最大（差异系数 0.410）"
        );
        assert_eq!(
            box_title(Lang::En, "equipment per student", &cvs),
            "Equipment per student varies most among 乡村 schools (CV 0.410)"
        );
    }

    #[test]
    fn theil_split_sentences() {
        assert_eq!(between_share(Some(0.2), Some(0.05)), Some(0.25));
        assert_eq!(between_share(Some(0.0), Some(0.0)), None);
        assert_eq!(between_share(None, Some(0.1)), None);
        assert_eq!(
            theil_sentence(Lang::Zh, Some(0.1436), Some(0.0735), Some(0.0701)),
            "泰尔指数 0.1436 = 组间 0.0735 + 组内 0.0701；分组解释了差异的 51.2%。"
        );
        assert_eq!(
            theil_sentence(Lang::En, Some(0.0), Some(0.0), Some(0.0)),
            "Theil 0.0000 = between 0.0000 + within 0.0000; the grouping explains — of the inequality."
        );
    }

    #[test]
    fn trend_titles() {
        let falling = [(2023, 0.41), (2019, 0.52), (2021, f64::NAN)];
        assert_eq!(
            trend_title(Lang::Zh, "生均图书册数", &falling),
            "生均图书册数的差异系数从 2019 年的 0.520 降到 2023 年的 0.410"
        );
        assert_eq!(
            trend_title(Lang::En, "books per student", &[(2019, 0.3), (2020, 0.35)]),
            "The CV of books per student rose from 0.300 in 2019 to 0.350 in 2020"
        );
        assert_eq!(
            trend_title(Lang::Zh, "图书", &[(2019, 0.3001), (2020, 0.3002)]),
            "图书的差异系数 2019–2020 年保持在 0.300"
        );
        assert_eq!(trend_title(Lang::Zh, "图书", &[]), "图书");
    }

    #[test]
    fn county_titles() {
        let counties = vec![("甲县".to_string(), 0.31), ("乙县".to_string(), 0.52)];
        assert_eq!(
            counties_title(Lang::Zh, "生均图书册数", &counties),
            "生均图书册数的差异系数在乙县最高（0.520），在甲县最低（0.310）"
        );
        assert_eq!(counties_title(Lang::Zh, "图书", &counties[..1]), "图书");
    }

    #[test]
    fn drivers_and_pages() {
        assert_eq!(
            drivers_sentence(Lang::Zh, "丙小学", 0.4812, Some(0.5153), Some(0.3011)),
            "对差异系数影响最大的是丙小学：占全县方差的 48.1%；去掉该校，差异系数将从 0.515 变为 0.301。"
        );
        assert_eq!(
            page_status(Lang::En, 1, 3, 101, 200, 250),
            "Page 2 of 3: schools 101–200 of 250"
        );
        assert_eq!(
            page_status(Lang::Zh, 0, 1, 1, 92, 92),
            "第 1 / 1 页：第 1–92 所，共 92 所"
        );
    }
}
