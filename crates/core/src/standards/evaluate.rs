//! Evaluation: sections → per-level CVs, verdicts, per-school attainment and shortfalls.
//!
//! A pure function of its inputs and cheap (O(schools × indicators)), so the page can re-run it
//! on every edit (what-if) without caching.

use std::collections::BTreeMap;

pub use super::compare::{at_least, at_most, ceil_whole, REL_TOL};
use super::input::{Level, Options, SchoolInput, Split};
use super::items::schools::size_checks;
use super::items::{evaluate_items, CountyValues};
use super::report::{
    IndicatorReport, LevelReport, OptionsReport, SchoolReport, Shortfall, StandardReport, Text,
};
use super::scope::Excluded;
use super::scope_line::scope_text;
use super::split::{prepare, Prepared, Section};
use super::table::{CountyRule, Indicator, Standard};
use crate::fields::Field;
use crate::measures::{self, in_range, Sample};

/// Results within this distance of a CV threshold are flagged borderline (docs/domain.md §3.2 \[U\]).
pub const BORDERLINE_MARGIN: f64 = 0.005;

/// One indicator's usable data in one level: section index, resource R_i (after the gym
/// option), pupils P_i and value X_i = factor·R_i/P_i.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Column {
    /// Index into the sections.
    pub section: Vec<usize>,
    /// R_i in base units.
    pub resource: Vec<f64>,
    /// P_i.
    pub pupils: Vec<f64>,
    /// X_i.
    pub values: Vec<f64>,
}

impl Column {
    /// Pupil-weighted CV (docs/domain.md §3.2); `None` when empty or the mean is 0.
    pub fn cv(&self) -> Option<f64> {
        let sample = Sample::new(self.values.clone(), self.pupils.clone()).ok()?;
        measures::cv(&sample)
    }

    /// Pupil-weighted mean; `None` when empty.
    pub fn mean(&self) -> Option<f64> {
        let sample = Sample::new(self.values.clone(), self.pupils.clone()).ok()?;
        Some(measures::mean(&sample))
    }

    /// Pupil-weighted population standard deviation (docs/domain.md §3.2); `None` when empty.
    pub fn std_dev(&self) -> Option<f64> {
        let sample = Sample::new(self.values.clone(), self.pupils.clone()).ok()?;
        Some(measures::std_dev(&sample))
    }
}

/// The resource R of an indicator for one section, after the gym option; `None` when missing
/// or negative after subtracting the gym.
pub fn resource(indicator: &Indicator, section: &Section, options: &Options) -> Option<f64> {
    let r = *section.values.get(&indicator.numerator)?;
    if !options.gym_in_sports {
        return Some(r);
    }
    let gym = section.values.get(&Field::GymArea).copied().unwrap_or(0.0);
    match indicator.numerator {
        Field::TeachingArea => Some(r - gym).filter(|v| *v >= 0.0),
        Field::SportsArea => Some(r + gym),
        _ => Some(r),
    }
}

/// The usable data of one indicator in one level.
pub fn column(
    indicator: &Indicator,
    sections: &[Section],
    level: Level,
    options: &Options,
) -> Column {
    let mut col = Column::default();
    for (k, section) in sections.iter().enumerate() {
        if section.level != level {
            continue;
        }
        // Prepared sections have P > 0; a what-if edit might not. Pupils and values beyond
        // what a sample takes (1e-300 pupils, 9e307 m²) leave the school out here as in the
        // analysis (`measures::in_range`), rather than the whole CV.
        if !(section.students > 0.0 && in_range(section.students)) {
            continue;
        }
        let Some(r) = resource(indicator, section, options) else {
            continue;
        };
        let value = indicator.factor * r / section.students;
        if !in_range(value) {
            continue;
        }
        col.section.push(k);
        col.resource.push(r);
        col.pupils.push(section.students);
        col.values.push(value);
    }
    col
}

/// Evaluates a standard over school rows: scope, split, then [`evaluate_prepared`].
pub fn evaluate(standard: &Standard, schools: &[SchoolInput], options: &Options) -> StandardReport {
    evaluate_prepared(standard, &prepare(schools, options), options)
}

/// Evaluates a standard over prepared sections (edit them for what-if, or apply a plan),
/// without county values: the items the county enters stay unknown.
pub fn evaluate_prepared(
    standard: &Standard,
    prepared: &Prepared,
    options: &Options,
) -> StandardReport {
    evaluate_prepared_with(standard, prepared, options, None)
}

/// [`evaluate_prepared`] with the county's own figures and judgements (its sheet 县级指标),
/// which the items beyond resources are judged with (docs/domain.md §2.2).
pub fn evaluate_prepared_with(
    standard: &Standard,
    prepared: &Prepared,
    options: &Options,
    county: Option<&CountyValues>,
) -> StandardReport {
    let mut notes = prepared.notes.clone();
    let mut levels = Vec::new();
    let mut schools = Vec::new();
    for level in Level::ALL {
        let in_level: Vec<usize> = (0..prepared.sections.len())
            .filter(|&k| prepared.sections[k].level == level)
            .collect();
        if in_level.is_empty() {
            continue;
        }
        let (level_report, school_reports) = evaluate_level(
            standard,
            &prepared.sections,
            &in_level,
            level,
            options,
            &mut notes,
        );
        levels.push(level_report);
        schools.extend(school_reports);
    }
    if options.gym_in_sports {
        let negative: Vec<String> = prepared
            .sections
            .iter()
            .filter(|s| {
                let ta = s.values.get(&Field::TeachingArea);
                let gym = s.values.get(&Field::GymArea).copied().unwrap_or(0.0);
                ta.is_some_and(|ta| *ta < gym)
            })
            .map(|s| format!("{}（{}）", crate::quote::quote(&s.name), s.line))
            .collect();
        if !negative.is_empty() {
            notes.push(Text::new(
                format!("室内体育用房面积大于教学及辅助用房面积，生均教学及辅助用房面积按缺失处理：{}。", negative.join("、")),
                format!("Indoor gym larger than teaching area; teaching area treated as missing: {}.", negative.join(", ")),
            ));
        }
    }
    let items = evaluate_items(standard, prepared, &levels, county);
    StandardReport {
        id: standard.id().to_string(),
        name_zh: standard.name_zh().to_string(),
        name_en: standard.name_en().to_string(),
        source: standard.source().to_string(),
        options: options_report(options),
        scope: scope_text(prepared, options),
        excluded: prepared.excluded.iter().map(Excluded::report).collect(),
        levels,
        schools,
        other_checks: standard
            .size_limits()
            .map_or_else(Vec::new, |l| size_checks(&l, &prepared.facts)),
        items,
        notes,
    }
}

fn options_report(options: &Options) -> OptionsReport {
    let (split, junior_weight, senior_weight) = match options.split {
        Split::Weighted { junior, senior } => ("weighted", Some(junior), Some(senior)),
        Split::PupilProportional => ("pupils", None, None),
        Split::AlreadySplit => ("already_split", None, None),
    };
    OptionsReport {
        split: split.to_string(),
        junior_weight,
        senior_weight,
        include_teaching_points: options.include_teaching_points,
        include_private: options.include_private,
        gym_in_sports: options.gym_in_sports,
        equal_counts_as_reached: true,
        borderline_margin: BORDERLINE_MARGIN,
        unrounded_comparison: true,
    }
}

fn evaluate_level(
    standard: &Standard,
    sections: &[Section],
    in_level: &[usize],
    level: Level,
    options: &Options,
    notes: &mut Vec<Text>,
) -> (LevelReport, Vec<SchoolReport>) {
    let lz = level.name_zh();
    let le = level.id();
    let mut reasons = Vec::new();
    let mut school_reports: Vec<SchoolReport> = in_level
        .iter()
        .map(|&k| {
            let s = &sections[k];
            SchoolReport {
                name: s.name.clone(),
                line: s.line,
                level: level.id().to_string(),
                school_type: s.school_type.id().to_string(),
                students: s.students,
                share: s.share,
                values: BTreeMap::new(),
                missing: Vec::new(),
                met: None,
                passes: None,
                shortfalls: Vec::new(),
            }
        })
        .collect();
    let position: BTreeMap<usize, usize> = in_level
        .iter()
        .enumerate()
        .map(|(pos, &k)| (k, pos))
        .collect();
    let school_rule = standard.school_rule();
    let mut unreached: Vec<Vec<(f64, f64, Option<f64>)>> = vec![Vec::new(); in_level.len()];
    let mut met = vec![0usize; in_level.len()];
    let mut any_standard = false;
    let mut indicators = Vec::new();
    let mut single_noted = false;
    for indicator in standard.indicators() {
        let col = column(indicator, sections, level, options);
        let cv = col.cv();
        let mean = col.mean();
        let std = col.std_dev();
        if col.values.len() == 1 && !single_noted {
            single_noted = true;
            notes.push(Text::new(
                format!("{lz}只有一所学校有数据：差异系数为 0，但离散程度无从谈起。"),
                format!("{le}: a single school has data; the CV is 0 but dispersion is undefined."),
            ));
        }
        let mut present = vec![None; in_level.len()];
        for (i, &k) in col.section.iter().enumerate() {
            let pos = position[&k];
            present[pos] = Some(i);
            school_reports[pos]
                .values
                .insert(indicator.id.clone(), col.values[i]);
        }
        for (pos, p) in present.iter().enumerate() {
            if p.is_none() {
                school_reports[pos].missing.push(indicator.id.clone());
            }
        }
        let cv_max = match standard.county_rule() {
            CountyRule::EveryCv => indicator.cv_max.get(level),
            CountyRule::Composite { .. } => None,
        };
        let cv_ok = cv_max.map(|max| cv.is_some_and(|cv| at_most(cv, max)));
        let borderline =
            matches!((cv, cv_max), (Some(cv), Some(max)) if (cv - max).abs() < BORDERLINE_MARGIN);
        if let Some(max) = cv_max {
            match cv {
                None => reasons.push(Text::new(
                    format!(
                        "{lz}“{}”的差异系数无法计算（无可用数据或均值为 0）。",
                        indicator.name_zh
                    ),
                    format!(
                        "{le} “{}”: the CV cannot be computed (no data or mean 0).",
                        indicator.name_en
                    ),
                )),
                Some(cv) if !at_most(cv, max) => reasons.push(Text::new(
                    format!("{lz}“{}”的差异系数 {cv:.3} 高于 {max}。", indicator.name_zh),
                    format!("{le} “{}”: CV {cv:.3} is above {max}.", indicator.name_en),
                )),
                Some(_) => {}
            }
        }
        let standard_value = indicator
            .standard
            .get(level)
            .filter(|_| school_rule.is_some());
        let mut schools_meeting = None;
        if let (Some(std), Some(rule)) = (standard_value, school_rule) {
            any_standard = true;
            let mut meeting = 0;
            for pos in 0..in_level.len() {
                let Some(i) = present[pos] else {
                    unreached[pos].push((std, rule.floor_ratio, None));
                    continue;
                };
                let x = col.values[i];
                if at_least(x, std) {
                    meeting += 1;
                    met[pos] += 1;
                    continue;
                }
                unreached[pos].push((std, rule.floor_ratio, Some(x)));
                let need = std * col.pupils[i] / indicator.factor;
                let shortfall = if indicator.whole_units() {
                    (ceil_whole(need) - col.resource[i]).max(0.0)
                } else {
                    (need - col.resource[i]).max(0.0)
                };
                school_reports[pos].shortfalls.push(Shortfall {
                    indicator: indicator.id.clone(),
                    value: x,
                    standard: std,
                    floor: rule.floor_ratio * std,
                    shortfall,
                    unit: resource_unit(indicator.numerator).to_string(),
                });
            }
            schools_meeting = Some(meeting);
        }
        indicators.push(IndicatorReport {
            id: indicator.id.clone(),
            name_zh: indicator.name_zh.clone(),
            name_en: indicator.name_en.clone(),
            unit_zh: indicator.unit_zh.clone(),
            unit_en: indicator.unit_en.clone(),
            cv,
            mean,
            std,
            n: col.values.len(),
            cv_max,
            cv_ok,
            borderline,
            standard: standard_value,
            schools_meeting,
        });
    }
    let cvs: Option<Vec<f64>> = indicators.iter().map(|i| i.cv).collect();
    let composite_cv = cvs.map(|c| c.iter().sum::<f64>() / c.len() as f64);
    let mut composite_cv_max = None;
    let mut composite_borderline = false;
    if let CountyRule::Composite { max } = standard.county_rule() {
        let max = max.get(level);
        composite_cv_max = Some(max);
        match composite_cv {
            None => reasons.push(Text::new(
                format!("{lz}有指标的差异系数无法计算，综合差异系数无从得出。"),
                format!(
                    "{le}: an indicator's CV cannot be computed, so the composite CV is undefined."
                ),
            )),
            Some(c) => {
                composite_borderline = (c - max).abs() < BORDERLINE_MARGIN;
                if !at_most(c, max) {
                    reasons.push(Text::new(
                        format!("{lz}综合差异系数 {c:.3} 高于 {max}。"),
                        format!("{le}: composite CV {c:.3} is above {max}."),
                    ));
                }
            }
        }
    }
    if let (Some(rule), true) = (school_rule, any_standard) {
        let mut failing = Vec::new();
        for (pos, report) in school_reports.iter_mut().enumerate() {
            let below = &unreached[pos];
            let floors_ok = below
                .iter()
                .all(|(std, ratio, x)| x.is_some_and(|x| at_least(x, ratio * std)));
            let passes = below.len() <= rule.max_unreached && floors_ok;
            report.met = Some(met[pos]);
            report.passes = Some(passes);
            if !passes {
                failing.push((report.name.clone(), report.line));
            }
        }
        if rule.all_schools_must_pass && !failing.is_empty() {
            // The full list is in `schools[]`; the reason names the first few.
            const SHOWN: usize = 10;
            let shown = &failing[..failing.len().min(SHOWN)];
            let shown_zh: Vec<String> = shown
                .iter()
                .map(|(n, l)| format!("{}（第 {l} 行）", crate::quote::quote(n)))
                .collect();
            let shown_en: Vec<String> = shown
                .iter()
                .map(|(n, l)| format!("{} (line {l})", crate::quote::quote(n)))
                .collect();
            let (more_zh, more_en) = if failing.len() > SHOWN {
                (
                    "等".to_string(),
                    format!(" and {} more", failing.len() - SHOWN),
                )
            } else {
                (String::new(), String::new())
            };
            reasons.push(Text::new(
                format!(
                    "{lz}有 {} 所学校未达到学校标准：{}{more_zh}。",
                    failing.len(),
                    shown_zh.join("、")
                ),
                format!(
                    "{le}: {} school(s) fail the per-school standard: {}{more_en}.",
                    failing.len(),
                    shown_en.join(", ")
                ),
            ));
        }
    }
    let students = in_level.iter().map(|&k| sections[k].students).sum();
    let level_report = LevelReport {
        level: level.id().to_string(),
        schools: in_level.len(),
        students,
        verdict: reasons.is_empty(),
        composite_cv,
        composite_cv_max,
        composite_borderline,
        reasons,
        indicators,
    };
    (level_report, school_reports)
}

/// Unit id of a shortfall in the numerator's natural unit.
pub fn resource_unit(field: Field) -> &'static str {
    match field {
        Field::TeachingArea
        | Field::GymArea
        | Field::SportsArea
        | Field::BuildingArea
        | Field::SiteArea => "m2",
        Field::EquipmentValue | Field::PublicFunds => "yuan",
        Field::Teachers
        | Field::Staff
        | Field::TeachersAboveQual
        | Field::TeachersBackbone
        | Field::TeachersPeArts
        | Field::TeachersMidTitle => "teachers",
        Field::MultimediaRooms | Field::MusicRooms | Field::ArtRooms => "rooms",
        Field::Computers => "computers",
        Field::Books => "volumes",
        _ => "units",
    }
}
