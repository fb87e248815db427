//! Step 3, the monitoring table (docs/domain.md §6.7: the same CVs over several years, as the
//! annual monitoring after basic balance shows them): for a file split by a year column, each
//! CV per level by year against its limit, the year each first met it and since when it has
//! held, and the schools short year to year. Split by county and year, one series per county.

use serde::Serialize;

use super::summary::SliceSummary;
use super::LevelRow;
use crate::standards::Level;

/// The monitoring table of a file split by a year column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Monitoring {
    /// Header of the year column.
    pub by: String,
    /// One series per value of the other columns (one series when split by the year alone),
    /// in order of first appearance.
    pub series: Vec<Series>,
}

/// One county's (or the file's) years.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    /// The values of the columns other than the year (empty when split by the year alone).
    pub key: Vec<String>,
    /// The years, oldest first (cells that do not read as a year last, in order of appearance).
    pub years: Vec<YearPoint>,
    /// Per level with schools in some year.
    pub levels: Vec<LevelTrend>,
}

/// A year of a series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct YearPoint {
    /// The year as the file writes it (2023学年).
    pub value: String,
    /// The year it stands for.
    pub year: Option<u32>,
}

/// One level's trends; every list has one entry per year of the series, `null` for a year
/// without schools of this level (or a slice that could not be evaluated).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LevelTrend {
    /// The level.
    pub level: Level,
    /// The 2012 composite CV, then each 2017 CV.
    pub trends: Vec<Trend>,
    /// Schools below at least one 2017 standard.
    pub schools_short: Vec<Option<usize>>,
    /// Change of `schools_short` from the year before (negative: fewer).
    pub schools_short_change: Vec<Option<i64>>,
    /// Schools failing the 2017 per-school rule.
    pub schools_failing: Vec<Option<usize>>,
}

/// One CV over the years against its limit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Trend {
    /// Indicator id, or `composite` for the 2012 composite CV.
    pub id: String,
    /// `basic-2012` or `quality-2017`.
    pub standard: &'static str,
    /// The limit.
    pub max: Option<f64>,
    /// The CV of each year.
    pub cvs: Vec<Option<f64>>,
    /// Whether it is within the limit, each year.
    pub ok: Vec<Option<bool>>,
    /// The first year it met the limit (as written).
    pub first_met: Option<String>,
    /// The year since which it has met the limit every year up to the last; `null` when the
    /// last year does not.
    pub met_since: Option<String>,
}

/// The monitoring table of the slices' summaries, `year` being the index of the year column
/// among the columns the file is split by and `header` its header. Names of the indicators are
/// in the city table's `indicators`.
pub fn monitoring(year: usize, header: &str, slices: &[SliceSummary]) -> Monitoring {
    let mut groups: Vec<(Vec<String>, Vec<&SliceSummary>)> = Vec::new();
    for slice in slices {
        let key: Vec<String> = slice
            .value
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != year)
            .map(|(_, v)| v.clone())
            .collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, points)) => points.push(slice),
            None => groups.push((key, vec![slice])),
        }
    }
    let series = groups
        .into_iter()
        .map(|(key, mut points)| {
            // Stable: years in order, then the cells that are not years as they came.
            points.sort_by_key(|p| (p.year.is_none(), p.year));
            series(key, year, &points)
        })
        .collect();
    Monitoring {
        by: header.to_string(),
        series,
    }
}

fn series(key: Vec<String>, year: usize, points: &[&SliceSummary]) -> Series {
    let years: Vec<YearPoint> = points
        .iter()
        .map(|p| YearPoint {
            value: p.value[year].clone(),
            year: p.year,
        })
        .collect();
    let levels = Level::ALL
        .into_iter()
        .filter_map(|level| {
            let rows: Vec<Option<&LevelRow>> = points
                .iter()
                .map(|p| p.levels.iter().find(|l| l.level == level))
                .collect();
            rows.iter().any(Option::is_some).then(|| {
                let mut trends = vec![trend("composite", "basic-2012", &rows, &years, |r| {
                    r.basic
                        .as_ref()
                        .map(|b| (b.composite_cv, b.max, Some(b.pass)))
                })];
                let ids: Vec<String> = rows
                    .iter()
                    .flatten()
                    .find_map(|r| r.quality.as_ref())
                    .map(|q| q.cvs.iter().map(|c| c.id.clone()).collect())
                    .unwrap_or_default();
                for id in &ids {
                    trends.push(trend(id, "quality-2017", &rows, &years, |r| {
                        let c = r.quality.as_ref()?.cvs.iter().find(|c| &c.id == id)?;
                        Some((c.cv, c.max, c.ok))
                    }));
                }
                let quality = |f: fn(&super::QualityCells) -> usize| -> Vec<Option<usize>> {
                    rows.iter()
                        .map(|r| r.and_then(|r| r.quality.as_ref()).map(f))
                        .collect()
                };
                let schools_short = quality(|q| q.schools_short);
                let schools_short_change = (0..schools_short.len())
                    .map(
                        |i| match (i.checked_sub(1).map(|j| schools_short[j]), schools_short[i]) {
                            (Some(Some(before)), Some(now)) => Some(now as i64 - before as i64),
                            _ => None,
                        },
                    )
                    .collect();
                LevelTrend {
                    level,
                    trends,
                    schools_short,
                    schools_short_change,
                    schools_failing: quality(|q| q.schools_failing),
                }
            })
        })
        .collect();
    Series { key, years, levels }
}

/// A year's (cv, limit, within the limit).
type Point = (Option<f64>, Option<f64>, Option<bool>);

/// One CV's trend: `read` gives a year's [`Point`].
fn trend(
    id: &str,
    standard: &'static str,
    rows: &[Option<&LevelRow>],
    years: &[YearPoint],
    read: impl Fn(&LevelRow) -> Option<Point>,
) -> Trend {
    let read: Vec<Option<Point>> = rows.iter().map(|r| r.and_then(&read)).collect();
    let ok: Vec<Option<bool>> = read.iter().map(|r| r.and_then(|r| r.2)).collect();
    let first_met = ok
        .iter()
        .position(|o| *o == Some(true))
        .map(|i| years[i].value.clone());
    let since = ok
        .iter()
        .rposition(|o| *o != Some(true))
        .map_or(0, |i| i + 1);
    let met_since = (since < ok.len()).then(|| years[since].value.clone());
    Trend {
        id: id.to_string(),
        standard,
        max: read.iter().flatten().find_map(|r| r.1),
        cvs: read.iter().map(|r| r.and_then(|r| r.0)).collect(),
        ok,
        first_met,
        met_since,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::county::County;
    use crate::slices::{BasicCell, CvCell, QualityCells};

    /// A primary level with the 2012 composite CV `composite` (limit 0.65) and one 2017 CV
    /// `cv` (limit 0.50), `short` schools short.
    fn year(county: &str, year: u32, composite: f64, cv: f64, short: usize) -> SliceSummary {
        SliceSummary {
            value: vec![county.into(), format!("{year}学年")],
            year: Some(year),
            rows: 10,
            county: County::default(),
            levels: vec![LevelRow {
                level: Level::Primary,
                schools: 10,
                students: 1000.0,
                basic: Some(BasicCell {
                    composite_cv: Some(composite),
                    max: Some(0.65),
                    pass: composite <= 0.65,
                    borderline: false,
                }),
                quality: Some(QualityCells {
                    cvs: vec![CvCell {
                        id: "books_per_student".into(),
                        cv: Some(cv),
                        max: Some(0.5),
                        ok: Some(cv <= 0.5),
                        borderline: false,
                        schools_below: short,
                    }],
                    cvs_pass: cv <= 0.5,
                    schools_passing: 10 - short,
                    schools_failing: short,
                    schools_short: short,
                    pass: false,
                }),
            }],
            error: None,
        }
    }

    #[test]
    fn years_in_order_with_first_met_and_met_since() {
        // 青山县's years out of order in the file; 河口县 one year.
        let slices = [
            year("青山县", 2023, 0.60, 0.45, 4),
            year("青山县", 2021, 0.70, 0.48, 9),
            year("河口县", 2023, 0.50, 0.55, 3),
            year("青山县", 2022, 0.66, 0.52, 6),
        ];
        let m = monitoring(1, "年份", &slices);
        assert_eq!(m.series.len(), 2);
        let s = &m.series[0];
        assert_eq!(s.key, ["青山县"]);
        let years: Vec<Option<u32>> = s.years.iter().map(|y| y.year).collect();
        assert_eq!(years, [Some(2021), Some(2022), Some(2023)]);
        let level = &s.levels[0];
        // Composite: 0.70, 0.66 over 0.65, then 0.60: first met and met since 2023.
        let composite = &level.trends[0];
        assert_eq!(composite.cvs, [Some(0.70), Some(0.66), Some(0.60)]);
        assert_eq!(composite.first_met.as_deref(), Some("2023学年"));
        assert_eq!(composite.met_since.as_deref(), Some("2023学年"));
        // Books: 0.48 met in 2021, 0.52 not in 2022, 0.45 again in 2023.
        let books = &level.trends[1];
        assert_eq!(books.ok, [Some(true), Some(false), Some(true)]);
        assert_eq!(books.first_met.as_deref(), Some("2021学年"));
        assert_eq!(books.met_since.as_deref(), Some("2023学年"));
        assert_eq!(level.schools_short, [Some(9), Some(6), Some(4)]);
        assert_eq!(level.schools_short_change, [None, Some(-3), Some(-2)]);
        // 河口县: its one year misses the 2017 limit, so never met.
        let books = &m.series[1].levels[0].trends[1];
        assert_eq!(
            (books.first_met.clone(), books.met_since.clone()),
            (None, None)
        );
    }
}
