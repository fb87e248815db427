//! The verdict cards of each level and the indicator CV table.

use junheng_core::standards::report::{LevelReport, Text};
use junheng_core::standards::{self, Level, StandardReport};

/// A CV within this distance of its threshold is flagged borderline (the engine's margin).
pub const BORDERLINE: f64 = standards::BORDERLINE_MARGIN;

/// One CV against its threshold, as the verdict card lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct CvLine {
    /// Indicator id, or `composite`.
    pub id: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// The CV (unrounded).
    pub cv: Option<f64>,
    /// Its threshold, when it is judged.
    pub max: Option<f64>,
    /// Whether it meets the threshold, when judged.
    pub ok: Option<bool>,
    /// Within [`BORDERLINE`] of the threshold.
    pub borderline: bool,
}

/// How a level is judged.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// 2012: the composite (mean of the CVs) is judged; single CVs are listed, not judged.
    Composite(CvLine),
    /// 2017: every CV is judged; the mean is informational.
    EveryCv {
        /// Mean of the CVs (information only).
        mean: Option<f64>,
    },
}

/// A verdict card of one level.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    /// The level.
    pub level: Level,
    /// 达标 or not, under the what-if changes if any.
    pub verdict: bool,
    /// The verdict without changes, when it differs.
    pub was: Option<bool>,
    /// Why it fails (empty when it passes).
    pub reasons: Vec<Text>,
    /// School sections evaluated.
    pub schools: usize,
    /// Their pupils.
    pub students: f64,
    /// Schools failing the per-school rule, when there is one.
    pub failing_schools: Option<usize>,
    /// How the CVs decide.
    pub rule: Rule,
    /// Every indicator's CV (judged under 2017, listed under 2012).
    pub cvs: Vec<CvLine>,
}

/// The verdict cards, one per level evaluated; `baseline` is the report without changes.
pub fn cards(report: &StandardReport, baseline: &StandardReport) -> Vec<Card> {
    report
        .levels
        .iter()
        .filter_map(|l| {
            let level = Level::from_id(&l.level)?;
            let was = baseline
                .levels
                .iter()
                .find(|b| b.level == l.level)
                .map(|b| b.verdict)
                .filter(|was| *was != l.verdict);
            let in_level = report.schools.iter().filter(|s| s.level == l.level);
            let has_rule = report
                .schools
                .iter()
                .any(|s| s.level == l.level && s.passes.is_some());
            let failing_schools =
                has_rule.then(|| in_level.filter(|s| s.passes == Some(false)).count());
            let rule = match l.composite_cv_max {
                Some(max) => Rule::Composite(CvLine {
                    id: "composite".into(),
                    name_zh: "综合差异系数".into(),
                    name_en: "Composite CV".into(),
                    cv: l.composite_cv,
                    max: Some(max),
                    ok: Some(l.composite_cv.is_some_and(|c| c <= max * (1.0 + 1e-12))),
                    borderline: l.composite_borderline,
                }),
                None => Rule::EveryCv {
                    mean: l.composite_cv,
                },
            };
            Some(Card {
                level,
                verdict: l.verdict,
                was,
                reasons: l.reasons.clone(),
                schools: l.schools,
                students: l.students,
                failing_schools,
                rule,
                cvs: cv_lines(l),
            })
        })
        .collect()
}

fn cv_lines(l: &LevelReport) -> Vec<CvLine> {
    l.indicators
        .iter()
        .map(|i| CvLine {
            id: i.id.clone(),
            name_zh: i.name_zh.clone(),
            name_en: i.name_en.clone(),
            cv: i.cv,
            max: i.cv_max,
            ok: i.cv_ok,
            borderline: i.borderline,
        })
        .collect()
}

/// A column of the indicator CV table (docs/domain.md §6.2): an indicator, or the composite.
#[derive(Clone, Debug, PartialEq)]
pub struct CvColumn {
    /// The CV and its judgement.
    pub line: CvLine,
    /// 全县平均值: pupil-weighted mean (none for the composite).
    pub mean: Option<f64>,
    /// 标准差: S = CV·X̄ (none for the composite).
    pub sd: Option<f64>,
    /// Unit of the mean, Chinese.
    pub unit_zh: String,
    /// Unit of the mean, English.
    pub unit_en: String,
    /// Schools with a value.
    pub n: Option<usize>,
    /// Whether this column is the judged composite (2012) or the informational mean (2017).
    pub composite: bool,
}

/// The CV table of one level: one column per indicator, then 综合.
pub fn cv_table(l: &LevelReport) -> Vec<CvColumn> {
    let mut columns: Vec<CvColumn> = l
        .indicators
        .iter()
        .zip(cv_lines(l))
        .map(|(i, line)| CvColumn {
            mean: i.mean,
            sd: i.cv.zip(i.mean).map(|(cv, mean)| cv * mean),
            unit_zh: i.unit_zh.clone(),
            unit_en: i.unit_en.clone(),
            n: Some(i.n),
            line,
            composite: false,
        })
        .collect();
    let max = l.composite_cv_max;
    columns.push(CvColumn {
        line: CvLine {
            id: "composite".into(),
            name_zh: "综合".into(),
            name_en: "Composite".into(),
            cv: l.composite_cv,
            max,
            ok: max.map(|m| l.composite_cv.is_some_and(|c| c <= m * (1.0 + 1e-12))),
            borderline: l.composite_borderline,
        },
        mean: None,
        sd: None,
        unit_zh: String::new(),
        unit_en: String::new(),
        n: None,
        composite: true,
    });
    columns
}
