//! Gap-to-standard planner: what each school lacks, and the cheapest simple ways to bring a
//! failing CV under its threshold.
//!
//! Three plans, all on the sections of one level and in the indicator's natural units:
//!
//! - **Shortfalls** (2017, or a provincial table with per-school values): per school and
//!   indicator, the resource needed to reach the standard ([`super::report::Shortfall`]), and
//!   county totals.
//! - **Raise the floor** ([`floor_level`]): bring every school whose value is below L up to L
//!   (R_i := L·P_i/factor). With A the raised schools and B the others,
//!   CV(L)² + 1 = N·(Σ_B R_i²/P_i + L²·N_A) / (Σ_B R_i + L·N_A)² (in value units), and
//!   d/dL of the ratio is 2·N_A·Σ_B P_i·X_i·(L − X_i) / (ΣR)³ ≤ 0 because X_i ≥ L in B: the CV is
//!   non-increasing in L, from the current CV at L = min X to 0 at L = max X. So the smallest L
//!   with CV(L) ≤ threshold is unique, and bisection over the ordered bit patterns of f64 finds
//!   it to the last representable step: the result L has CV(L) ≤ threshold and the float just
//!   below L has CV > threshold (both evaluated with [`crate::measures::cv`]).
//! - **Fix the top k** ([`TopKPlan`]): rank schools by their share of the county variance,
//!   (P_i/N)(X_i − X̄)²/S² (docs/domain.md §3.2), largest first (ties by row order). Set the first k to
//!   the current pupil-weighted mean X̄ (raising those below it, lowering those above it), and take
//!   the smallest k for which the recomputed CV is ≤ the threshold. The CV is recomputed with the
//!   new mean. Lowering is reported separately: it is the surplus that the CV formula counts
//!   against the county, not a recommendation to remove resources.
//! - **2012 composite** ([`CompositePlan`]): when the mean of the CVs is above its threshold,
//!   lower the largest CVs first (water-filling): find the cap c such that
//!   Σ_j min(CV_j, c) = n·threshold, then raise the floor of every indicator whose CV is above c
//!   until its CV is ≤ c. This is the limit of “repeatedly raise the floor of the indicator with
//!   the largest CV until the mean is under the threshold”. A heuristic: it does not minimise
//!   money across indicators with different units (there is no common unit to minimise).

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use super::evaluate::{at_most, ceil_whole, column, evaluate_prepared, resource_unit, Column};
use super::input::{Level, Options};
use super::report::Shortfall;
use super::split::Prepared;
use super::table::{CountyRule, Indicator, Standard};
use crate::fields::Field;
use crate::measures::{self, Sample};

/// One change to one section's resource.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// Index of the section in [`Prepared::sections`] (not serialized).
    #[serde(skip)]
    pub section: usize,
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Level of the section.
    pub level: Level,
    /// Indicator id.
    pub indicator: String,
    /// Resource field changed (the indicator's numerator); serialized as its id.
    #[serde(serialize_with = "field_id")]
    pub field: Field,
    /// Value of the indicator before.
    pub from_value: f64,
    /// Value of the indicator after.
    pub to_value: f64,
    /// Change of the resource in its base unit (m², 元, teachers, rooms…); negative = lowered.
    pub delta: f64,
}

/// Raise-the-floor plan for one indicator of one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FloorPlan {
    /// Indicator id.
    pub indicator: String,
    /// Level.
    pub level: Level,
    /// CV now.
    pub cv_before: f64,
    /// CV to reach (≤).
    pub target: f64,
    /// The floor L, in the indicator's value units.
    pub floor: f64,
    /// CV after raising every school below L to L.
    pub cv_after: f64,
    /// Total resource added, exact (Σ L·P_i/factor − R_i).
    pub cost: f64,
    /// For whole things (teachers, rooms…): Σ ⌈L·P_i/factor − R_i⌉ per school.
    pub cost_whole: Option<f64>,
    /// Unit id of the cost (`m2`, `yuan`, `teachers`, …).
    pub unit: &'static str,
    /// The raised schools.
    pub changes: Vec<Change>,
}

/// Fix-the-top-k plan for one indicator of one level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TopKPlan {
    /// Indicator id.
    pub indicator: String,
    /// Level.
    pub level: Level,
    /// CV now.
    pub cv_before: f64,
    /// CV to reach (≤).
    pub target: f64,
    /// Number of schools set to the mean.
    pub k: usize,
    /// The pupil-weighted mean X̄ they are set to.
    pub mean: f64,
    /// CV after the change.
    pub cv_after: f64,
    /// Resource added to schools below the mean.
    pub raise: f64,
    /// Resource taken from schools above the mean (reported, not recommended).
    pub lower: f64,
    /// Unit id.
    pub unit: &'static str,
    /// The changed schools, largest variance share first.
    pub changes: Vec<Change>,
}

/// 2012 composite plan of one level (water-filling from the largest CV).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompositePlan {
    /// Level.
    pub level: Level,
    /// Composite CV now.
    pub composite_before: f64,
    /// Threshold (0.65 / 0.55).
    pub target: f64,
    /// Cap c on every single CV.
    pub cap: f64,
    /// Composite after all floors.
    pub composite_after: f64,
    /// One floor plan per capped indicator.
    pub floors: Vec<FloorPlan>,
}

/// A school section with shortfalls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SchoolGap {
    /// Index in [`Prepared::sections`] (not serialized).
    #[serde(skip)]
    pub section: usize,
    /// 学校名称.
    pub name: String,
    /// Line in the user's file.
    pub line: u64,
    /// Level.
    pub level: Level,
    /// Whether the school passes the per-school rule despite the gaps (6 of 7).
    pub passes: bool,
    /// Its shortfalls.
    pub shortfalls: Vec<Shortfall>,
}

/// County total of one indicator's shortfalls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GapTotal {
    /// Level.
    pub level: Level,
    /// Indicator id.
    pub indicator: String,
    /// Unit id.
    pub unit: String,
    /// Schools below the standard.
    pub schools: usize,
    /// Resource needed for every school to reach the standard.
    pub total: f64,
    /// Resource needed by the failing schools only.
    pub total_failing: f64,
}

/// Everything the planner proposes for one standard.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Plan {
    /// Standard id.
    pub standard: String,
    /// Schools with shortfalls.
    pub gaps: Vec<SchoolGap>,
    /// County totals per level and indicator.
    pub totals: Vec<GapTotal>,
    /// Raise-the-floor plans for failing CVs (2017: each failing indicator).
    pub floors: Vec<FloorPlan>,
    /// Fix-the-top-k plans for the same CVs.
    pub top_k: Vec<TopKPlan>,
    /// 2012 composite plans.
    pub composite: Vec<CompositePlan>,
}

fn field_id<S: Serializer>(field: &Field, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(field.id())
}

impl Plan {
    /// The plan as pretty-printed JSON: the same serialization as the `standard.plan` key of
    /// the analysis report (`docs/report-schema.md`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a plan has only string keys")
    }
}

/// Each school's share of the county variance, (P_i/N)(X_i − X̄)²/S² (docs/domain.md §3.2): the
/// schools that drag the CV up. Shares sum to 1; `None` when the sample is invalid or S = 0.
/// The official worked example (books, 5 schools) gives 0.000, 0.080, 0.481, 0.423, 0.016.
pub fn variance_shares(values: &[f64], pupils: &[f64]) -> Option<Vec<f64>> {
    let sample = Sample::new(values.to_vec(), pupils.to_vec()).ok()?;
    let mean = measures::mean(&sample);
    let n: f64 = pupils.iter().sum();
    let terms: Vec<f64> = values
        .iter()
        .zip(pupils)
        .map(|(x, p)| p / n * (x - mean).powi(2))
        .collect();
    let s2: f64 = terms.iter().sum();
    (s2 > 0.0).then(|| terms.iter().map(|t| t / s2).collect())
}

/// Smallest floor the search tries above 0: the smallest nonzero magnitude a `Sample` accepts.
const TINY: f64 = 1e-100;

/// Pupil-weighted CV of `values` with every value below `floor` raised to it.
pub fn cv_with_floor(values: &[f64], pupils: &[f64], floor: f64) -> Option<f64> {
    let raised: Vec<f64> = values
        .iter()
        .map(|&x| if x < floor { floor } else { x })
        .collect();
    measures::cv(&Sample::new(raised, pupils.to_vec()).ok()?)
}

/// Smallest floor L such that [`cv_with_floor`] ≤ `target`, to the last representable f64 (see
/// the module doc for why it is unique). Returns the minimum value when the CV is already within
/// the target (no change); `None` when the data are empty, negative or the mean is 0, or when
/// `target` ≤ 0.
pub fn floor_level(values: &[f64], pupils: &[f64], target: f64) -> Option<f64> {
    if target.is_nan() || target <= 0.0 || values.is_empty() {
        return None;
    }
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if min.is_nan() || min < 0.0 || !max.is_finite() {
        return None;
    }
    let f = |l: f64| cv_with_floor(values, pupils, l);
    if f(min)? <= target {
        return Some(min);
    }
    if f(max)? > target {
        return None;
    }
    // Samples refuse nonzero values below 1e-100 (measures::Sample), so with a school at 0 the
    // search starts at 1e-100 instead of walking through subnormal floors.
    let mut lo_value = min;
    if min < TINY {
        if f(TINY)? <= target {
            return Some(TINY);
        }
        lo_value = TINY;
    }
    // Invariant: f(lo) > target, f(hi) ≤ target. Non-negative floats order like their bits.
    let (mut lo, mut hi) = (lo_value.to_bits(), max.to_bits());
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if f(f64::from_bits(mid))? <= target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(f64::from_bits(hi))
}

fn floor_plan(
    indicator: &Indicator,
    level: Level,
    col: &Column,
    prepared: &Prepared,
    target: f64,
) -> Option<FloorPlan> {
    let cv_before = col.cv()?;
    let floor = floor_level(&col.values, &col.pupils, target)?;
    let cv_after = cv_with_floor(&col.values, &col.pupils, floor)?;
    let whole = indicator.whole_units();
    let mut changes = Vec::new();
    let (mut cost, mut cost_whole) = (0.0, 0.0);
    for i in 0..col.values.len() {
        if col.values[i] >= floor {
            continue;
        }
        let delta = floor * col.pupils[i] / indicator.factor - col.resource[i];
        cost += delta;
        cost_whole += ceil_whole(delta);
        let section = &prepared.sections[col.section[i]];
        changes.push(Change {
            section: col.section[i],
            name: section.name.clone(),
            line: section.line,
            level,
            indicator: indicator.id.clone(),
            field: indicator.numerator,
            from_value: col.values[i],
            to_value: floor,
            delta,
        });
    }
    Some(FloorPlan {
        indicator: indicator.id.clone(),
        level,
        cv_before,
        target,
        floor,
        cv_after,
        cost,
        cost_whole: whole.then_some(cost_whole),
        unit: resource_unit(indicator.numerator),
        changes,
    })
}

fn top_k_plan(
    indicator: &Indicator,
    level: Level,
    col: &Column,
    prepared: &Prepared,
    target: f64,
) -> Option<TopKPlan> {
    let sample = Sample::new(col.values.clone(), col.pupils.clone()).ok()?;
    let cv_before = measures::cv(&sample)?;
    let mean = measures::mean(&sample);
    let n_pupils: f64 = col.pupils.iter().sum();
    let shares: Vec<f64> = (0..col.values.len())
        .map(|i| col.pupils[i] / n_pupils * (col.values[i] - mean).powi(2))
        .collect();
    let mut order: Vec<usize> = (0..col.values.len()).collect();
    order.sort_by(|&a, &b| shares[b].total_cmp(&shares[a]).then(a.cmp(&b)));
    let mut values = col.values.clone();
    for k in 1..=order.len() {
        values[order[k - 1]] = mean;
        let cv_after = measures::cv(&Sample::new(values.clone(), col.pupils.clone()).ok()?)?;
        if cv_after > target {
            continue;
        }
        let mut changes = Vec::new();
        let (mut raise, mut lower) = (0.0, 0.0);
        for &i in &order[..k] {
            let delta = mean * col.pupils[i] / indicator.factor - col.resource[i];
            if delta >= 0.0 {
                raise += delta;
            } else {
                lower -= delta;
            }
            let section = &prepared.sections[col.section[i]];
            changes.push(Change {
                section: col.section[i],
                name: section.name.clone(),
                line: section.line,
                level,
                indicator: indicator.id.clone(),
                field: indicator.numerator,
                from_value: col.values[i],
                to_value: mean,
                delta,
            });
        }
        return Some(TopKPlan {
            indicator: indicator.id.clone(),
            level,
            cv_before,
            target,
            k,
            mean,
            cv_after,
            raise,
            lower,
            unit: resource_unit(indicator.numerator),
            changes,
        });
    }
    None
}

/// Water-filling cap: the c with Σ_j min(cvs_j, c) = n·target.
fn water_cap(cvs: &[f64], target: f64) -> f64 {
    let mut sorted = cvs.to_vec();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let n = sorted.len();
    let budget = n as f64 * target;
    for m in 1..=n {
        let rest: f64 = sorted[m..].iter().sum();
        let cap = (budget - rest) / m as f64;
        let next = sorted.get(m).copied().unwrap_or(0.0);
        if cap >= next {
            return cap.min(sorted[m - 1]);
        }
    }
    target
}

/// Plans for every level of a prepared county under one standard. Pure.
pub fn plan(standard: &Standard, prepared: &Prepared, options: &Options) -> Plan {
    let report = evaluate_prepared(standard, prepared, options);
    let mut out = Plan {
        standard: standard.id().to_string(),
        gaps: Vec::new(),
        totals: Vec::new(),
        floors: Vec::new(),
        top_k: Vec::new(),
        composite: Vec::new(),
    };
    let mut section_of: BTreeMap<(u64, Level), usize> = BTreeMap::new();
    for (k, s) in prepared.sections.iter().enumerate() {
        section_of.entry((s.line, s.level)).or_insert(k);
    }
    let mut totals: BTreeMap<(Level, String), GapTotal> = BTreeMap::new();
    for school in &report.schools {
        if school.shortfalls.is_empty() {
            continue;
        }
        let level = Level::from_id(&school.level).unwrap_or(Level::Primary);
        let passes = school.passes.unwrap_or(true);
        for s in &school.shortfalls {
            let t = totals
                .entry((level, s.indicator.clone()))
                .or_insert_with(|| GapTotal {
                    level,
                    indicator: s.indicator.clone(),
                    unit: s.unit.clone(),
                    schools: 0,
                    total: 0.0,
                    total_failing: 0.0,
                });
            t.schools += 1;
            t.total += s.shortfall;
            if !passes {
                t.total_failing += s.shortfall;
            }
        }
        out.gaps.push(SchoolGap {
            section: section_of.get(&(school.line, level)).copied().unwrap_or(0),
            name: school.name.clone(),
            line: school.line,
            level,
            passes,
            shortfalls: school.shortfalls.clone(),
        });
    }
    // Keep the standard's indicator order in the totals.
    for level in Level::ALL {
        for indicator in standard.indicators() {
            if let Some(t) = totals.remove(&(level, indicator.id.clone())) {
                out.totals.push(t);
            }
        }
    }
    for level_report in &report.levels {
        let Some(level) = Level::from_id(&level_report.level) else {
            continue;
        };
        match standard.county_rule() {
            CountyRule::EveryCv => {
                for indicator in standard.indicators() {
                    let Some(max) = indicator.cv_max.get(level) else {
                        continue;
                    };
                    let col = column(indicator, &prepared.sections, level, options);
                    let Some(cv) = col.cv() else { continue };
                    if at_most(cv, max) {
                        continue;
                    }
                    if let Some(p) = floor_plan(indicator, level, &col, prepared, max) {
                        out.floors.push(p);
                    }
                    if let Some(p) = top_k_plan(indicator, level, &col, prepared, max) {
                        out.top_k.push(p);
                    }
                }
            }
            CountyRule::Composite { max } => {
                let target = max.get(level);
                let cols: Vec<Column> = standard
                    .indicators()
                    .iter()
                    .map(|i| column(i, &prepared.sections, level, options))
                    .collect();
                let Some(cvs) = cols.iter().map(Column::cv).collect::<Option<Vec<f64>>>() else {
                    continue;
                };
                let before = cvs.iter().sum::<f64>() / cvs.len() as f64;
                if at_most(before, target) {
                    continue;
                }
                let mut cap = water_cap(&cvs, target);
                // Float sums may land a hair above the target; shave the cap until they do not.
                for _ in 0..8 {
                    let mut floors = Vec::new();
                    let mut after = cvs.clone();
                    for (j, indicator) in standard.indicators().iter().enumerate() {
                        if cvs[j] <= cap {
                            continue;
                        }
                        if let Some(p) = floor_plan(indicator, level, &cols[j], prepared, cap) {
                            after[j] = p.cv_after;
                            floors.push(p);
                        }
                    }
                    let composite_after = after.iter().sum::<f64>() / after.len() as f64;
                    if composite_after <= target {
                        out.composite.push(CompositePlan {
                            level,
                            composite_before: before,
                            target,
                            cap,
                            composite_after,
                            floors,
                        });
                        break;
                    }
                    cap *= 1.0 - 1e-12;
                }
            }
        }
    }
    out
}

/// Applies changes to a copy of the sections (what-if): each change adds its `delta` to its
/// section's field, so under the gym option a raise of teaching area raises teaching area minus
/// gym by the same amount.
pub fn apply(prepared: &Prepared, changes: &[Change]) -> Prepared {
    let mut out = prepared.clone();
    for change in changes {
        let Some(section) = out.sections.get_mut(change.section) else {
            continue;
        };
        let v = section.values.entry(change.field).or_insert(0.0);
        *v = (*v + change.delta).max(0.0);
    }
    out
}

fn number(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// The plan as CSV, UTF-8 with a BOM so that Excel opens it correctly. One row per shortfall,
/// county total and planned change; headers in Chinese and English.
pub fn plan_csv(plan: &Plan) -> String {
    plan_csv_with(plan, &[])
}

/// [`plan_csv`], followed by the user's own what-if changes as rows of kind `what_if` in the
/// same columns (the page's export).
pub fn plan_csv_with(plan: &Plan, what_if: &[Change]) -> String {
    let mut writer = csv::WriterBuilder::new().from_writer(Vec::new());
    let header = [
        "学段 level",
        "类别 kind",
        "指标 indicator",
        "学校 school",
        "行 line",
        "当前值 value",
        "目标值 target",
        "资源变化 change",
        "单位 unit",
    ];
    // Writing into a Vec cannot fail; errors would be bugs.
    writer.write_record(header).expect("write to memory");
    // School names and indicators come from the file: no cell may run as a formula.
    let mut row = |fields: [String; 9]| {
        let fields = fields.map(|f| crate::csv_cell::csv_cell(&f).into_owned());
        writer.write_record(&fields).expect("write to memory")
    };
    for gap in &plan.gaps {
        for s in &gap.shortfalls {
            row([
                gap.level.id().into(),
                "shortfall".into(),
                s.indicator.clone(),
                gap.name.clone(),
                gap.line.to_string(),
                number(s.value),
                number(s.standard),
                number(s.shortfall),
                s.unit.clone(),
            ]);
        }
    }
    for t in &plan.totals {
        row([
            t.level.id().into(),
            "total".into(),
            t.indicator.clone(),
            "全县合计 county total".into(),
            String::new(),
            String::new(),
            String::new(),
            number(t.total),
            t.unit.clone(),
        ]);
    }
    let floors = plan.floors.iter().map(|f| ("floor", f)).chain(
        plan.composite
            .iter()
            .flat_map(|c| c.floors.iter().map(|f| ("composite_floor", f))),
    );
    for (kind, f) in floors {
        for c in &f.changes {
            row([
                f.level.id().into(),
                kind.into(),
                c.indicator.clone(),
                c.name.clone(),
                c.line.to_string(),
                number(c.from_value),
                number(c.to_value),
                number(c.delta),
                f.unit.into(),
            ]);
        }
    }
    for p in &plan.top_k {
        for c in &p.changes {
            row([
                p.level.id().into(),
                "top_k".into(),
                c.indicator.clone(),
                c.name.clone(),
                c.line.to_string(),
                number(c.from_value),
                number(c.to_value),
                number(c.delta),
                p.unit.into(),
            ]);
        }
    }
    for c in what_if {
        row([
            c.level.id().into(),
            "what_if".into(),
            c.indicator.clone(),
            c.name.clone(),
            c.line.to_string(),
            number(c.from_value),
            number(c.to_value),
            number(c.delta),
            resource_unit(c.field).into(),
        ]);
    }
    let bytes = writer.into_inner().expect("write to memory");
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"));
    out
}
