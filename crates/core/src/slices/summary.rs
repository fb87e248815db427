//! Step 2, a slice's line of the city table: both national standards evaluated on its rows
//! (docs/domain.md §2.1, §2.2), through the functions `analysis::run` calls with a standard
//! (`schools_from_rows` → `prepare` → `evaluate_prepared`), so every CV and verdict here is
//! the one of `junheng analyze --standard` on the slice (tests/slices.rs). The indicators'
//! measures, which the city table does not show, are not computed.

use serde::Serialize;

use super::Slice;
use crate::analysis::AnalysisConfig;
use crate::county::{self, County};
use crate::standards::report::{LevelReport, Text};
use crate::standards::{self, Level, Standard, StandardReport};
use crate::{Error, Lang};

/// A slice's figures for the city and monitoring tables.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SliceSummary {
    /// The slice's value in each column the file is split by.
    pub value: Vec<String>,
    /// The year it stands for, when split by a year column.
    pub year: Option<u32>,
    /// Its data rows.
    pub rows: usize,
    /// Its county, year and 填报单位 (the county column's value for a county's slice).
    pub county: County,
    /// Per level with schools evaluated, primary first.
    pub levels: Vec<LevelRow>,
    /// Why the slice could not be evaluated (no level column, a filter keeping none of its
    /// rows …); `null` when it was.
    pub error: Option<Text>,
}

/// One level of a slice: what the city table shows.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelRow {
    /// The level.
    pub level: Level,
    /// School sections evaluated (the same under both standards).
    pub schools: usize,
    /// Their pupils.
    pub students: f64,
    /// The 2012 verdict: the composite CV against its limit.
    pub basic: Option<BasicCell>,
    /// The 2017 verdict: each CV against its limit, schools passing, schools short.
    pub quality: Option<QualityCells>,
}

/// The 2012 basic-balance verdict of a level (教督〔2012〕3号).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BasicCell {
    /// Mean of the eight CVs; `null` when one is undefined.
    pub composite_cv: Option<f64>,
    /// Its limit: 0.65 小学, 0.55 初中.
    pub max: Option<f64>,
    /// The level's verdict.
    pub pass: bool,
    /// Within 0.005 of the limit.
    pub borderline: bool,
}

/// The 2017 high-quality verdict of a level (教督〔2017〕6号), resource allocation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QualityCells {
    /// Each CV against its limit, in the standard's order.
    pub cvs: Vec<CvCell>,
    /// Every CV within its limit.
    pub cvs_pass: bool,
    /// Schools passing the per-school rule (6 of 7, the seventh at 85 % or more).
    pub schools_passing: usize,
    /// Schools failing it.
    pub schools_failing: usize,
    /// Schools below at least one standard (a shortfall to make up), passing or not.
    pub schools_short: usize,
    /// The level's verdict: every CV within its limit and every school passing.
    pub pass: bool,
}

/// One CV of a level against its limit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CvCell {
    /// Indicator id (names in the city table's `indicators`).
    pub id: String,
    /// The CV; `null` when undefined.
    pub cv: Option<f64>,
    /// Its limit.
    pub max: Option<f64>,
    /// cv ≤ max; `null` without a limit or a CV.
    pub ok: Option<bool>,
    /// Within 0.005 of the limit.
    pub borderline: bool,
    /// Schools with a value below the standard.
    pub schools_below: usize,
}

/// The built-in standards of the city table, 2012 first.
pub(super) const STANDARDS: [&str; 2] = ["basic-2012", "quality-2017"];

/// The standard of the city table with this id.
pub(super) fn builtin(id: &str) -> Standard {
    Standard::builtin(id).expect("the built-in standards are valid")
}

pub(super) fn summarize(slice: &Slice, config: &AnalysisConfig) -> SliceSummary {
    let ingested = &slice.ingested;
    let mut summary = SliceSummary {
        value: slice.value.clone(),
        year: slice.year,
        rows: ingested.table.rows.len(),
        county: County::default(),
        levels: Vec::new(),
        error: None,
    };
    let evaluated = (|| -> Result<(County, [StandardReport; 2]), Error> {
        // The standard of `config` plays no part: the city table is the national standards'.
        let plain = AnalysisConfig {
            standard: None,
            ..config.clone()
        };
        let kept = plain.validate(ingested)?.kept_rows(&ingested.table);
        let county = county::detect(&ingested.table, &kept, &config.county);
        let schools = standards::schools_from_rows(ingested, &kept, config.level)?;
        let options = &config.standard_options;
        let prepared = standards::prepare(&schools.schools, options);
        let reports =
            STANDARDS.map(|id| standards::evaluate_prepared(&builtin(id), &prepared, options));
        Ok((county, reports))
    })();
    match evaluated {
        Ok((county, [basic, quality])) => {
            summary.county = county;
            summary.levels = Level::ALL
                .into_iter()
                .filter_map(|level| level_row(level, &basic, &quality))
                .collect();
        }
        Err(e) => summary.error = Some(Text::new(e.message(Lang::Zh), e.message(Lang::En))),
    }
    summary
}

fn level_row(level: Level, basic: &StandardReport, quality: &StandardReport) -> Option<LevelRow> {
    let find = |report: &'_ StandardReport| -> Option<LevelReport> {
        report
            .levels
            .iter()
            .find(|l| l.level == level.id())
            .cloned()
    };
    let (b, q) = (find(basic), find(quality));
    let any = b.as_ref().or(q.as_ref())?;
    let (schools, students) = (any.schools, any.students);
    let basic = b.map(|b| BasicCell {
        composite_cv: b.composite_cv,
        max: b.composite_cv_max,
        pass: b.verdict,
        borderline: b.composite_borderline,
    });
    let quality = q.map(|q| {
        let sections = || {
            quality
                .schools
                .iter()
                .filter(move |s| s.level == level.id())
        };
        let cvs: Vec<CvCell> = q
            .indicators
            .iter()
            .map(|i| CvCell {
                id: i.id.clone(),
                cv: i.cv,
                max: i.cv_max,
                ok: i.cv_ok,
                borderline: i.borderline,
                schools_below: i.n - i.schools_meeting.unwrap_or(i.n),
            })
            .collect();
        QualityCells {
            cvs_pass: cvs.iter().all(|c| c.max.is_none() || c.ok == Some(true)),
            cvs,
            schools_passing: sections().filter(|s| s.passes == Some(true)).count(),
            schools_failing: sections().filter(|s| s.passes == Some(false)).count(),
            schools_short: sections().filter(|s| !s.shortfalls.is_empty()).count(),
            pass: q.verdict,
        }
    });
    Some(LevelRow {
        level,
        schools,
        students,
        basic,
        quality,
    })
}
