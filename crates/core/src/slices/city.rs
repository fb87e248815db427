//! Step 3, the city table (docs/domain.md §6, the national feedback annex "表2 …县义务教育学校校
//! 际差异系数表": one block per county and level): one row per slice and level, the 2017
//! indicators that fail most often across the slices, and a slice × indicator heat table of
//! each CV against its limit.

use serde::Serialize;

use super::summary::{builtin, SliceSummary};
use crate::standards::Level;

/// The city table: what a city's or a province's bureau compares across its counties.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CityTable {
    /// Headers of the columns the file is split by.
    pub by: Vec<String>,
    /// The 2017 indicators whose CVs the rows hold, in the standard's order, with their names.
    pub indicators: Vec<IndicatorColumn>,
    /// One per slice, in order of first appearance; each holds a row per level.
    pub slices: Vec<SliceSummary>,
    /// Per level and 2017 indicator, how many slices fail its CV and how many schools are
    /// below its standard, most failing first.
    pub failing: Vec<FailingIndicator>,
    /// Per level, the slice × indicator heat table.
    pub heat: Vec<HeatTable>,
}

/// An indicator of the 2017 standard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorColumn {
    /// Indicator id.
    pub id: String,
    /// National name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
}

/// How often a 2017 indicator fails across the slices, for one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FailingIndicator {
    /// The level.
    pub level: Level,
    /// Indicator id.
    pub id: String,
    /// National name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Slices whose CV is above the limit (or undefined).
    pub slices_failing: usize,
    /// Slices with schools of this level.
    pub slices: usize,
    /// Schools (over every slice) with a value below the standard.
    pub schools_below: usize,
    /// Schools of this level evaluated, over every slice.
    pub schools: usize,
}

/// One level's heat table: a row per slice, a column per CV judged against a limit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatTable {
    /// The level.
    pub level: Level,
    /// The columns: the 2017 indicators' CVs, then the 2012 composite CV.
    pub columns: Vec<HeatColumn>,
    /// One per slice with schools of this level, in the city table's order.
    pub rows: Vec<HeatRow>,
}

/// A column of a heat table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatColumn {
    /// Indicator id, or `composite` for the 2012 composite CV.
    pub id: String,
    /// `quality-2017` or `basic-2012`.
    pub standard: &'static str,
    /// National name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The limit of this level.
    pub max: Option<f64>,
}

/// A slice's row of a heat table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatRow {
    /// The slice's value in each column the file is split by.
    pub value: Vec<String>,
    /// One per column.
    pub cells: Vec<HeatCell>,
}

/// A CV against its limit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeatCell {
    /// The CV; `null` when undefined.
    pub cv: Option<f64>,
    /// cv ÷ limit: above 1 fails. `null` without a CV or a limit.
    pub ratio: Option<f64>,
}

/// The city table of the slices' summaries (in their order), split by the columns `by`.
pub fn city_table(by: &[String], slices: Vec<SliceSummary>) -> CityTable {
    let quality = builtin("quality-2017");
    let indicators: Vec<IndicatorColumn> = quality
        .indicators()
        .iter()
        .map(|i| IndicatorColumn {
            id: i.id.clone(),
            name_zh: i.name_zh.clone(),
            name_en: i.name_en.clone(),
        })
        .collect();
    let mut failing = Vec::new();
    let mut heat = Vec::new();
    for level in Level::ALL {
        let rows: Vec<(&SliceSummary, &super::LevelRow)> = slices
            .iter()
            .filter_map(|s| Some((s, s.levels.iter().find(|l| l.level == level)?)))
            .collect();
        if rows.is_empty() {
            continue;
        }
        let mut level_failing: Vec<FailingIndicator> = indicators
            .iter()
            .map(|column| {
                let mut f = FailingIndicator {
                    level,
                    id: column.id.clone(),
                    name_zh: column.name_zh.clone(),
                    name_en: column.name_en.clone(),
                    slices_failing: 0,
                    slices: 0,
                    schools_below: 0,
                    schools: 0,
                };
                for (_, row) in &rows {
                    let Some(cell) = row
                        .quality
                        .as_ref()
                        .and_then(|q| q.cvs.iter().find(|c| c.id == column.id))
                    else {
                        continue;
                    };
                    f.slices += 1;
                    f.schools += row.schools;
                    f.slices_failing += usize::from(cell.max.is_some() && cell.ok != Some(true));
                    f.schools_below += cell.schools_below;
                }
                f
            })
            .collect();
        // Most failing first; ties by schools below, then in the standard's order.
        level_failing.sort_by(|a, b| {
            (b.slices_failing, b.schools_below).cmp(&(a.slices_failing, a.schools_below))
        });
        failing.extend(level_failing);

        let cv_max = |id: &str| {
            rows.iter().find_map(|(_, r)| {
                r.quality
                    .as_ref()?
                    .cvs
                    .iter()
                    .find(|c| c.id == id)
                    .and_then(|c| c.max)
            })
        };
        let composite_max = rows.iter().find_map(|(_, r)| r.basic.as_ref()?.max);
        let mut columns: Vec<HeatColumn> = indicators
            .iter()
            .map(|i| HeatColumn {
                id: i.id.clone(),
                standard: "quality-2017",
                name_zh: i.name_zh.clone(),
                name_en: i.name_en.clone(),
                max: cv_max(&i.id),
            })
            .collect();
        columns.push(HeatColumn {
            id: "composite".into(),
            standard: "basic-2012",
            name_zh: "综合差异系数".into(),
            name_en: "Composite CV".into(),
            max: composite_max,
        });
        let ratio = |cv: Option<f64>, max: Option<f64>| match (cv, max) {
            (Some(cv), Some(max)) if max > 0.0 => Some(cv / max),
            _ => None,
        };
        let heat_rows = rows
            .iter()
            .map(|(slice, row)| {
                let mut cells: Vec<HeatCell> = indicators
                    .iter()
                    .map(|i| {
                        let cell = row
                            .quality
                            .as_ref()
                            .and_then(|q| q.cvs.iter().find(|c| c.id == i.id));
                        let cv = cell.and_then(|c| c.cv);
                        HeatCell {
                            cv,
                            ratio: ratio(cv, cell.and_then(|c| c.max)),
                        }
                    })
                    .collect();
                let basic = row.basic.as_ref();
                let cv = basic.and_then(|b| b.composite_cv);
                cells.push(HeatCell {
                    cv,
                    ratio: ratio(cv, basic.and_then(|b| b.max)),
                });
                HeatRow {
                    value: slice.value.clone(),
                    cells,
                }
            })
            .collect();
        heat.push(HeatTable {
            level,
            columns,
            rows: heat_rows,
        });
    }
    CityTable {
        by: by.to_vec(),
        indicators,
        slices,
        failing,
        heat,
    }
}
