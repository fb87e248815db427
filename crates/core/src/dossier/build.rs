//! From an ingested table and a configuration to the [`Dossier`]: both national standards run
//! through [`analysis::run`], the very function behind `junheng analyze --standard` and the
//! page's JSON export, so every CV in the dossier is the report's CV, bit for bit. What the
//! report does not carry (classes and teachers by school type, research measures over the
//! split sections) comes from the same rows through the same steps (`schools_from_rows`,
//! `prepare`, `evaluate::column`).

use std::collections::BTreeSet;

use super::model::*;
use super::notes;
use crate::analysis::{self, AnalysisConfig, StandardChoice};
use crate::fields::Field;
use crate::format::Kind;
use crate::ingest::Ingested;
use crate::measures::{self, Measure, Sample};
use crate::names::school_type_name;
use crate::report::{Report, StandardSection};
use crate::standards::evaluate::{at_least, column};
use crate::standards::report::{IndicatorReport, MissingCell, Text};
use crate::standards::{self, Level, Prepared, SchoolInput, SchoolType, Standard};
use crate::{Error, Lang};

/// What to put in the dossier.
#[derive(Clone, Debug, PartialEq)]
pub struct DossierConfig {
    /// Filters, scope and split options, the default level and the county, as for an analysis.
    /// Its `standard` is not used: the dossier evaluates both national standards.
    pub analysis: AnalysisConfig,
    /// Add the appendix of research measures (Gini, Theil, McLoone, ...).
    pub research: bool,
}

/// The built-in standards of the dossier, 2012 first.
pub const STANDARDS: [&str; 2] = ["basic-2012", "quality-2017"];

/// Builds the dossier. Errors are those of [`analysis::run`] with a standard (a table without
/// a students column, without a level column and no default level, options that do not fit).
pub fn build(ingested: &Ingested, config: &DossierConfig) -> Result<Dossier, Error> {
    let reports: Vec<Report> = STANDARDS
        .iter()
        .map(|id| {
            // The county's values are for the items of 2017; 2012 has none to judge.
            let has_items = Standard::builtin(id).is_ok_and(|s| !s.items().is_empty());
            let analysis = AnalysisConfig {
                standard: Some(StandardChoice::Builtin((*id).to_string())),
                county_values: config.analysis.county_values.clone().filter(|_| has_items),
                ..config.analysis.clone()
            };
            analysis::run(ingested, &analysis)
        })
        .collect::<Result<_, _>>()?;
    let standards: Vec<Standard> = STANDARDS
        .iter()
        .map(|id| Standard::builtin(id).expect("the built-in standards are valid"))
        .collect();
    let sections: Vec<&StandardSection> = reports
        .iter()
        .map(|r| r.standard.as_ref().expect("a standard was chosen"))
        .collect();
    let (basic, quality) = (sections[0], sections[1]);
    let report = &reports[0];

    // The rows and sections of the evaluation, for what the report does not carry.
    let plan = config.analysis.validate(ingested)?;
    let kept = plan.kept_rows(&ingested.table);
    let schools = standards::schools_from_rows(ingested, &kept, config.analysis.level)?;
    let options = &config.analysis.standard_options;
    let prepared = standards::prepare(&schools.schools, options);

    let kind_of = |id: &str| -> Kind {
        standards
            .iter()
            .flat_map(|s| s.indicators())
            .find(|i| i.id == id)
            .map_or(Kind::Value(2), |i| {
                Kind::of_indicator(i.numerator, i.factor)
            })
    };

    let source = &report.source;
    let filters: Vec<String> = report
        .filters
        .iter()
        .map(|f| format!("{}={}", f.column, f.value))
        .collect();
    let data_source = DataSource {
        file: source.name.clone(),
        sheet: source.sheet.clone(),
        format: source.format.clone(),
        encoding: source.encoding.clone(),
        data_rows: source.data_rows,
        skipped_rows: source.skipped.len(),
        filtered_rows: (!filters.is_empty()).then_some(kept.len()),
        filters,
    };

    let levels = level_summaries(basic, quality);
    let cv_tables = sections
        .iter()
        .flat_map(|s| cv_tables(s, &kind_of))
        .collect();
    let floor_ratio = standards[1].school_rule().map_or(0.85, |r| r.floor_ratio);
    let school_tables = school_tables(quality, floor_ratio, &kind_of);
    let shortfalls = shortfall_tables(basic, quality, &kind_of);
    let research = config
        .research
        .then(|| research_tables(&standards, &prepared, config, &kind_of));

    let mut missing_cells: Vec<MissingCell> = Vec::new();
    for cell in sections.iter().flat_map(|s| s.missing_cells.iter()) {
        if !missing_cells
            .iter()
            .any(|c| c.line == cell.line && c.column == cell.column)
        {
            missing_cells.push(cell.clone());
        }
    }
    missing_cells.sort_by_key(|c| c.line);

    Ok(Dossier {
        county: source.county.clone(),
        source: data_source,
        scope: basic.evaluation.scope.clone(),
        levels,
        overview: overview(&schools.schools, &prepared, basic),
        cv_tables,
        school_tables,
        shortfalls,
        evaluation: super::items::evaluation(quality, &standards[1]),
        missing_cells,
        notes: dossier_notes(
            &reports,
            &standards::exclusion_notes(&prepared.excluded),
            config.research,
        ),
        explanations: notes::explanations(options, config.research, config.analysis.median_rule),
        research,
    })
}

fn name_of(i: &IndicatorReport) -> IndicatorName {
    IndicatorName {
        id: i.id.clone(),
        name_zh: i.name_zh.clone(),
        name_en: i.name_en.clone(),
    }
}

/// The names of an indicator id, from the levels of a section.
fn name_by_id(section: &StandardSection, id: &str) -> IndicatorName {
    section
        .evaluation
        .levels
        .iter()
        .flat_map(|l| l.indicators.iter())
        .find(|i| i.id == id)
        .map_or_else(
            || IndicatorName {
                id: id.to_string(),
                name_zh: id.to_string(),
                name_en: id.to_string(),
            },
            name_of,
        )
}

fn level_summaries(basic: &StandardSection, quality: &StandardSection) -> Vec<LevelSummary> {
    let mut out = Vec::new();
    for level in Level::ALL {
        let b = basic
            .evaluation
            .levels
            .iter()
            .find(|l| l.level == level.id());
        let q = quality
            .evaluation
            .levels
            .iter()
            .find(|l| l.level == level.id());
        let Some(any) = b.or(q) else {
            continue;
        };
        let basic_verdict = b.map(|l| {
            let max = l.composite_cv_max.unwrap_or(f64::NAN);
            BasicVerdict {
                pass: l.verdict,
                composite_cv: l.composite_cv,
                max,
                borderline: l.composite_borderline,
                above: l
                    .indicators
                    .iter()
                    .filter(|i| i.cv.is_some_and(|cv| cv > max))
                    .map(name_of)
                    .collect(),
            }
        });
        let quality_verdict = q.map(|l| {
            let failing_cvs: Vec<FailingCv> = l
                .indicators
                .iter()
                .filter(|i| i.cv_ok == Some(false))
                .map(|i| FailingCv {
                    indicator: name_of(i),
                    cv: i.cv,
                    max: i.cv_max.unwrap_or(f64::NAN),
                })
                .collect();
            let schools: Vec<_> = quality
                .evaluation
                .schools
                .iter()
                .filter(|s| s.level == level.id())
                .collect();
            QualityVerdict {
                pass: l.verdict,
                cvs_pass: failing_cvs.is_empty(),
                cv_max: l.indicators.first().and_then(|i| i.cv_max),
                failing_cvs,
                borderline_cvs: l
                    .indicators
                    .iter()
                    .filter(|i| i.borderline)
                    .map(name_of)
                    .collect(),
                schools: schools.len(),
                schools_passing: schools.iter().filter(|s| s.passes == Some(true)).count(),
            }
        });
        out.push(LevelSummary {
            level,
            schools: any.schools,
            students: any.students,
            basic: basic_verdict,
            quality: quality_verdict,
        });
    }
    out
}

fn cv_tables(section: &StandardSection, kind_of: &dyn Fn(&str) -> Kind) -> Vec<CvTable> {
    let e = &section.evaluation;
    e.levels
        .iter()
        .filter_map(|l| {
            let level = Level::from_id(&l.level)?;
            let judged = l.composite_cv_max.is_some();
            Some(CvTable {
                standard: e.id.clone(),
                name_zh: e.name_zh.clone(),
                name_en: e.name_en.clone(),
                source: e.source.clone(),
                level,
                schools: l.schools,
                students: l.students,
                rows: l
                    .indicators
                    .iter()
                    .map(|i| CvRow {
                        indicator: name_of(i),
                        unit_zh: i.unit_zh.clone(),
                        unit_en: i.unit_en.clone(),
                        kind: kind_of(&i.id),
                        n: i.n,
                        mean: i.mean,
                        std: i.std,
                        cv: i.cv,
                        cv_max: i.cv_max,
                        pass: i.cv_ok,
                        borderline: i.borderline,
                    })
                    .collect(),
                composite: CompositeRow {
                    cv: l.composite_cv,
                    max: l.composite_cv_max,
                    pass: judged.then(|| {
                        matches!((l.composite_cv, l.composite_cv_max),
                            (Some(c), Some(m)) if crate::standards::evaluate::at_most(c, m))
                    }),
                    borderline: l.composite_borderline,
                },
                pass: l.verdict,
            })
        })
        .collect()
}

fn school_tables(
    quality: &StandardSection,
    floor_ratio: f64,
    kind_of: &dyn Fn(&str) -> Kind,
) -> Vec<SchoolTable> {
    let e = &quality.evaluation;
    let mut out = Vec::new();
    for l in &e.levels {
        let Some(level) = Level::from_id(&l.level) else {
            continue;
        };
        let indicators: Vec<StandardColumn> = l
            .indicators
            .iter()
            .filter_map(|i| {
                let standard = i.standard?;
                Some(StandardColumn {
                    indicator: name_of(i),
                    unit_zh: i.unit_zh.clone(),
                    unit_en: i.unit_en.clone(),
                    kind: kind_of(&i.id),
                    standard,
                    floor: standard * floor_ratio,
                })
            })
            .collect();
        if indicators.is_empty() {
            continue;
        }
        let rows: Vec<SchoolRow> = e
            .schools
            .iter()
            .filter(|s| s.level == l.level)
            .map(|s| {
                let values: Vec<Option<f64>> = indicators
                    .iter()
                    .map(|c| s.values.get(&c.indicator.id).copied())
                    .collect();
                let reached = values
                    .iter()
                    .zip(&indicators)
                    .map(|(v, c)| v.map(|v| at_least(v, c.standard)))
                    .collect();
                SchoolRow {
                    name: s.name.clone(),
                    line: s.line,
                    school_type: s.school_type.clone(),
                    students: s.students,
                    values,
                    reached,
                    met: s.met.unwrap_or(0),
                    passes: s.passes.unwrap_or(false),
                }
            })
            .collect();
        out.push(SchoolTable {
            level,
            passing: rows.iter().filter(|r| r.passes).count(),
            indicators,
            rows,
        });
    }
    out
}

fn shortfall_tables(
    basic: &StandardSection,
    quality: &StandardSection,
    kind_of: &dyn Fn(&str) -> Kind,
) -> Vec<ShortfallTable> {
    let mut out = Vec::new();
    for level in Level::ALL {
        let in_level = quality
            .evaluation
            .levels
            .iter()
            .chain(&basic.evaluation.levels)
            .any(|l| l.level == level.id());
        if !in_level {
            continue;
        }
        let schools: Vec<SchoolShortfalls> = quality
            .plan
            .gaps
            .iter()
            .filter(|g| g.level == level)
            .map(|g| SchoolShortfalls {
                name: g.name.clone(),
                line: g.line,
                passes: g.passes,
                items: g
                    .shortfalls
                    .iter()
                    .map(|s| ShortfallItem {
                        indicator: name_by_id(quality, &s.indicator),
                        kind: kind_of(&s.indicator),
                        value: s.value,
                        standard: s.standard,
                        floor: s.floor,
                        shortfall: s.shortfall,
                        unit: s.unit.clone(),
                    })
                    .collect(),
            })
            .collect();
        let totals = quality
            .plan
            .totals
            .iter()
            .filter(|t| t.level == level)
            .map(|t| ShortfallTotal {
                indicator: name_by_id(quality, &t.indicator),
                unit: t.unit.clone(),
                schools: t.schools,
                total: t.total,
                total_failing: t.total_failing,
            })
            .collect();
        let mut plans = Vec::new();
        let composite_floors = basic
            .plan
            .composite
            .iter()
            .filter(|c| c.level == level)
            .flat_map(|c| c.floors.iter())
            .map(|f| (basic, f));
        let quality_floors = quality
            .plan
            .floors
            .iter()
            .filter(|f| f.level == level)
            .map(|f| (quality, f));
        for (section, f) in composite_floors.chain(quality_floors) {
            plans.push(PlanLine {
                standard: section.plan.standard.clone(),
                indicator: name_by_id(section, &f.indicator),
                kind: kind_of(&f.indicator),
                cv_before: f.cv_before,
                target: f.target,
                floor: f.floor,
                cv_after: f.cv_after,
                schools: f.changes.len(),
                cost: f.cost_whole.unwrap_or(f.cost),
                unit: f.unit.to_string(),
            });
        }
        out.push(ShortfallTable {
            level,
            schools,
            totals,
            plans,
        });
    }
    out
}

/// School types in the national form's order (docs/domain.md §6: 小学, 一贯制, 初中, 完中, 教学点).
const TYPE_ORDER: [SchoolType; 8] = [
    SchoolType::Primary,
    SchoolType::TeachingPoint,
    SchoolType::PrimarySection,
    SchoolType::Junior,
    SchoolType::JuniorSection,
    SchoolType::NineYear,
    SchoolType::TwelveYear,
    SchoolType::Complete,
];

fn overview(schools: &[SchoolInput], prepared: &Prepared, basic: &StandardSection) -> Overview {
    let in_scope: BTreeSet<u64> = prepared.sections.iter().map(|s| s.line).collect();
    let pupils = |line: u64, level: Level| -> f64 {
        prepared
            .sections
            .iter()
            .filter(|s| s.line == line && s.level == level)
            .map(|s| s.students)
            .sum()
    };
    let row_of = |school_type: &str, zh: &str, en: &str, members: &[&SchoolInput]| {
        let sum = |get: &dyn Fn(&SchoolInput) -> Option<f64>| -> (Option<f64>, usize) {
            let present: Vec<f64> = members.iter().filter_map(|s| get(s)).collect();
            let total = (!present.is_empty()).then(|| present.iter().sum());
            (total, members.len() - present.len())
        };
        let (classes, classes_missing) = sum(&|s| s.classes);
        let (teachers, teachers_missing) = sum(&|s| s.values.get(&Field::Teachers).copied());
        TypeRow {
            school_type: school_type.to_string(),
            name_zh: zh.to_string(),
            name_en: en.to_string(),
            schools: members.len(),
            students_primary: members.iter().map(|s| pupils(s.line, Level::Primary)).sum(),
            students_junior: members.iter().map(|s| pupils(s.line, Level::Junior)).sum(),
            classes,
            classes_missing,
            teachers,
            teachers_missing,
        }
    };
    let counted: Vec<&SchoolInput> = schools
        .iter()
        .filter(|s| in_scope.contains(&s.line))
        .collect();
    let rows = TYPE_ORDER
        .iter()
        .filter_map(|&t| {
            let members: Vec<&SchoolInput> = counted
                .iter()
                .copied()
                .filter(|s| s.school_type == t)
                .collect();
            (!members.is_empty()).then(|| {
                row_of(
                    t.id(),
                    school_type_name(t, Lang::Zh),
                    school_type_name(t, Lang::En),
                    &members,
                )
            })
        })
        .collect();
    Overview {
        rows,
        total: row_of("total", "合计", "Total", &counted),
        excluded: basic.evaluation.excluded.clone(),
    }
}

fn research_tables(
    standards: &[Standard],
    prepared: &Prepared,
    config: &DossierConfig,
    kind_of: &dyn Fn(&str) -> Kind,
) -> Vec<ResearchTable> {
    let options = &config.analysis.standard_options;
    let measure_options = measures::Options {
        median_rule: config.analysis.median_rule,
    };
    let mut out = Vec::new();
    for level in Level::ALL {
        if !prepared.sections.iter().any(|s| s.level == level) {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        let mut rows = Vec::new();
        for indicator in standards.iter().flat_map(|s| s.indicators()) {
            if seen.contains(&indicator.id.as_str()) {
                continue;
            }
            seen.push(&indicator.id);
            let col = column(indicator, &prepared.sections, level, options);
            let summary = Sample::new(col.values.clone(), col.pupils.clone())
                .ok()
                .map(|s| measures::summarize(&s, &measure_options));
            let get = |measure: Measure| {
                summary
                    .as_ref()
                    .and_then(|s| s[measure])
                    .filter(|v| v.is_finite())
            };
            rows.push(ResearchRow {
                indicator: IndicatorName {
                    id: indicator.id.clone(),
                    name_zh: indicator.name_zh.clone(),
                    name_en: indicator.name_en.clone(),
                },
                kind: kind_of(&indicator.id),
                n: col.values.len(),
                mean: get(Measure::Mean),
                cv: get(Measure::Cv),
                range_ratio: get(Measure::RangeRatio),
                federal_range_ratio: get(Measure::FederalRangeRatio),
                mcloone: get(Measure::McLoone),
                verstegen: get(Measure::Verstegen),
                gini: get(Measure::Gini),
                theil: get(Measure::Theil),
                hoover: get(Measure::Hoover),
            });
        }
        out.push(ResearchTable { level, rows });
    }
    out
}

/// Warning codes that do not concern the dossier: the analysis' defaults for its own
/// indicator table (weights, mixed levels: the standards separate levels themselves) and the
/// research measures' notes (kept when the appendix is asked for).
const NOT_FOR_THE_DOSSIER: [&str; 2] = ["weight_default", "mixed_levels"];
const RESEARCH_NOTES: [&str; 4] = [
    "negative_values",
    "zero_values",
    "single_value",
    "non_positive_mean",
];

/// The reports' warnings and the standards' notes that concern the dossier, without repeats;
/// `listed` (the schools left out, which 表1 lists) are left out.
fn dossier_notes(reports: &[Report], listed: &[Text], research: bool) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    let mut push = |t: Text| {
        if !out.contains(&t) && !listed.contains(&t) {
            out.push(t);
        }
    };
    for report in reports {
        for w in &report.warnings {
            let skip = NOT_FOR_THE_DOSSIER.contains(&w.code)
                || (!research && RESEARCH_NOTES.contains(&w.code));
            if !skip {
                push(Text::new(w.zh.clone(), w.en.clone()));
            }
        }
    }
    for report in reports {
        if let Some(section) = &report.standard {
            for n in &section.evaluation.notes {
                push(n.clone());
            }
        }
    }
    out
}
