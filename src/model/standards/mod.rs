//! What the national-standards tab shows, as plain data: the standard chosen (built-in or a
//! provincial file), the scope options, the evaluation with the user's what-if changes, the
//! verdict cards, the indicator CV table (DOMAIN §6.2), the per-school attainment table (§6.3),
//! the shortfall list with county totals (§6.4), the changes a plan or an edit makes, and the
//! CSV export. Every number comes from `junheng_core::standards`; this module only arranges
//! and formats it, so it compiles and is tested natively.

use std::collections::HashMap;

use junheng_core::ingest::Ingested;
use junheng_core::standards::evaluate::{resource, resource_unit};
use junheng_core::standards::planner::{Change, SchoolGap};
use junheng_core::standards::report::{LevelReport, OptionsReport, Text};
use junheng_core::standards::{
    self, evaluate_prepared, plan, plan_csv_with, schools_from_table, CountyRule, Level, Options,
    Plan, Prepared, RowWarning, Split, Standard, StandardReport,
};
use junheng_core::Lang;

use crate::i18n::{t, K};
use crate::model::format::fixed;

/// A CV within this distance of its threshold is flagged borderline (the engine's margin).
pub const BORDERLINE: f64 = standards::BORDERLINE_MARGIN;

/// The built-in national standards offered by the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// 基本均衡, 教督〔2012〕3号.
    Basic2012,
    /// 优质均衡, 教督〔2017〕6号 (the default).
    Quality2017,
}

impl Pick {
    /// Both, in the picker's order.
    pub const ALL: [Pick; 2] = [Pick::Quality2017, Pick::Basic2012];

    /// The engine's id of the built-in table.
    pub fn id(self) -> &'static str {
        match self {
            Pick::Basic2012 => "basic-2012",
            Pick::Quality2017 => "quality-2017",
        }
    }

    /// The pick with this id.
    pub fn from_id(id: &str) -> Option<Pick> {
        Pick::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Label key in the picker.
    pub fn label(self) -> K {
        match self {
            Pick::Basic2012 => K::StdBasic2012,
            Pick::Quality2017 => K::StdQuality2017,
        }
    }

    /// One line saying what the standard judges.
    pub fn explain(self) -> K {
        match self {
            Pick::Basic2012 => K::StdBasic2012Explain,
            Pick::Quality2017 => K::StdQuality2017Explain,
        }
    }
}

/// How spanning schools are split, as offered by the picker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitChoice {
    /// Guidance weights: junior pupil 1.1, senior 1.32.
    Guidance,
    /// Shares proportional to pupils.
    Pupils,
    /// Rows are already 小学部 / 初中部.
    AlreadySplit,
}

impl SplitChoice {
    /// Every choice, in the picker's order.
    pub const ALL: [SplitChoice; 3] = [
        SplitChoice::Guidance,
        SplitChoice::Pupils,
        SplitChoice::AlreadySplit,
    ];

    /// Stable id (the option's value).
    pub fn id(self) -> &'static str {
        match self {
            SplitChoice::Guidance => "weighted",
            SplitChoice::Pupils => "pupils",
            SplitChoice::AlreadySplit => "already_split",
        }
    }

    /// The choice with this id.
    pub fn from_id(id: &str) -> Option<SplitChoice> {
        SplitChoice::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The engine's split.
    pub fn split(self) -> Split {
        match self {
            SplitChoice::Guidance => Split::GUIDANCE,
            SplitChoice::Pupils => Split::PupilProportional,
            SplitChoice::AlreadySplit => Split::AlreadySplit,
        }
    }

    /// The choice of an engine split (any weighted split is shown as the guidance's).
    pub fn of(split: Split) -> SplitChoice {
        match split {
            Split::Weighted { .. } => SplitChoice::Guidance,
            Split::PupilProportional => SplitChoice::Pupils,
            Split::AlreadySplit => SplitChoice::AlreadySplit,
        }
    }

    /// Label key.
    pub fn label(self) -> K {
        match self {
            SplitChoice::Guidance => K::StdSplitGuidance,
            SplitChoice::Pupils => K::StdSplitPupils,
            SplitChoice::AlreadySplit => K::StdSplitAlready,
        }
    }
}

/// What kind of provincial file was loaded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CustomKind {
    /// A whole standard table (replaces the built-in one).
    Json,
    /// Per-school values (and optionally CV thresholds) replacing the built-in's.
    Csv,
}

/// A provincial standard file as loaded, kept as text and read again when the built-in
/// standard it modifies changes.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomStandard {
    /// The file's name, shown in the picker and the 口径 line.
    pub file_name: String,
    /// JSON (whole table) or CSV (values).
    pub kind: CustomKind,
    /// The file's text.
    pub text: String,
}

impl CustomStandard {
    /// A file by its name: `.json` is a whole table, anything else (`.csv`, `.txt`) a table of
    /// values; a text starting with `{` is JSON whatever its name.
    pub fn new(file_name: &str, text: &str) -> CustomStandard {
        let text = text.trim_start_matches('\u{feff}').to_string();
        let json =
            file_name.to_ascii_lowercase().ends_with(".json") || text.trim_start().starts_with('{');
        CustomStandard {
            file_name: file_name.to_string(),
            kind: if json {
                CustomKind::Json
            } else {
                CustomKind::Csv
            },
            text,
        }
    }
}

/// The standard in force: the built-in pick, replaced (JSON) or modified (CSV) by a loaded
/// file.
pub fn resolve_standard(
    pick: Pick,
    custom: Option<&CustomStandard>,
) -> Result<Standard, standards::Error> {
    match custom {
        None => Standard::builtin(pick.id()),
        Some(c) if c.kind == CustomKind::Json => Standard::from_json(&c.text),
        Some(c) => Standard::builtin(pick.id())?.with_values_csv(&c.text),
    }
}

/// The sections of the whole file under the scope options: the evaluation's fixed input.
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    /// Sections in scope, after the split.
    pub prepared: Prepared,
    /// Rows left out or incomplete.
    pub warnings: Vec<RowWarning>,
}

/// Reads every row of the file into sections. `default_level` is the level of every school
/// when the table has no level column.
pub fn base(
    ingested: &Ingested,
    default_level: Option<Level>,
    options: &Options,
) -> Result<Base, junheng_core::Error> {
    let schools = schools_from_table(ingested, default_level)?;
    Ok(Base {
        prepared: standards::prepare(&schools.schools, options),
        warnings: schools.warnings,
    })
}

/// The evaluation and plan of one state of the county.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The sections evaluated (the base with the changes applied).
    pub prepared: Prepared,
    /// The verdicts.
    pub report: StandardReport,
    /// What is missing and how to close the gaps.
    pub plan: Plan,
    /// Changes applied.
    pub changes: usize,
}

/// The changes that still fit the sections: a change made on another file or other scope
/// options (another section at its index) is dropped.
pub fn valid_changes(prepared: &Prepared, changes: &[Change]) -> Vec<Change> {
    changes
        .iter()
        .filter(|c| {
            prepared
                .sections
                .get(c.section)
                .is_some_and(|s| s.line == c.line && s.level == c.level && s.name == c.name)
        })
        .cloned()
        .collect()
}

/// Evaluates and plans the base with `changes` applied (what-if). O(sections × indicators)
/// for the evaluation; the plan adds a bisection per failing CV.
pub fn outcome(standard: &Standard, base: &Base, options: &Options, changes: &[Change]) -> Outcome {
    let changes = valid_changes(&base.prepared, changes);
    let prepared = if changes.is_empty() {
        base.prepared.clone()
    } else {
        standards::apply(&base.prepared, &changes)
    };
    Outcome {
        report: evaluate_prepared(standard, &prepared, options),
        plan: plan(standard, &prepared, options),
        changes: changes.len(),
        prepared,
    }
}

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

/// A CV as printed: three decimals (DOMAIN §3.2).
pub fn cv(value: Option<f64>) -> String {
    fixed(value, 3)
}

/// An indicator value: no decimals from 100 up (yuan per pupil), three below.
pub fn value(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() && v.abs() >= 100.0 => group_thousands(&format!("{v:.0}")),
        other => fixed(other, 3),
    }
}

/// Inserts thousands separators into a plain decimal number.
pub fn group_thousands(number: &str) -> String {
    let (sign, rest) = match number.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", number),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
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
    let x = if x.abs() < 0.5 * 10f64.powi(-decimals) {
        0.0
    } else {
        x
    };
    let number = group_thousands(&format!("{x:.prec$}", prec = decimals as usize));
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

/// A column of the indicator CV table (DOMAIN §6.2): an indicator, or the composite.
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

/// Head of an attainment column: an indicator with its standard and 85 % floor.
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentHead {
    /// Indicator id.
    pub id: String,
    /// Name, Chinese.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// 达标值 (the standard).
    pub standard: f64,
    /// 基本值 (floor ratio × standard; 85 % in 2017).
    pub floor: f64,
}

/// One school's cell for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentCell {
    /// 实际值 (none when the data are missing).
    pub value: Option<f64>,
    /// Reaches the standard.
    pub reached: bool,
    /// Reaches at least the floor (基本值).
    pub above_floor: bool,
}

/// One school's row of the attainment table (DOMAIN §6.3).
#[derive(Clone, Debug, PartialEq)]
pub struct AttainmentRow {
    /// Index of the school's section in the evaluated sections.
    pub section: usize,
    /// 学校名称.
    pub name: String,
    /// Line in the file.
    pub line: u64,
    /// School type id.
    pub school_type: String,
    /// Pupils of the section.
    pub students: f64,
    /// One cell per head.
    pub cells: Vec<AttainmentCell>,
    /// Indicators reached.
    pub met: usize,
    /// The school's verdict.
    pub passes: bool,
}

/// The index of the section of (line, level) in the sections, as the planner finds it.
pub fn section_index(prepared: &Prepared, line: u64, level: Level) -> Option<usize> {
    prepared
        .sections
        .iter()
        .position(|s| s.line == line && s.level == level)
}

/// [`section_index`] of every section at once: (line, level) → index of the first section with
/// them. Built in one pass, so that finding the section of each of a national file's 100 000
/// schools costs O(n) instead of a scan per school (O(n²), minutes in the browser).
pub fn section_indices(prepared: &Prepared) -> HashMap<(u64, Level), usize> {
    let mut indices = HashMap::with_capacity(prepared.sections.len());
    for (i, s) in prepared.sections.iter().enumerate() {
        indices.entry((s.line, s.level)).or_insert(i);
    }
    indices
}

/// The attainment table of `level`, or `None` when the standard has no per-school rule there.
pub fn attainment(
    outcome: &Outcome,
    standard: &Standard,
    level: Level,
    failing_only: bool,
) -> Option<(Vec<AttainmentHead>, Vec<AttainmentRow>)> {
    let rule = standard.school_rule()?;
    let l = outcome
        .report
        .levels
        .iter()
        .find(|l| l.level == level.id())?;
    let heads: Vec<AttainmentHead> = l
        .indicators
        .iter()
        .filter_map(|i| {
            let std = i.standard?;
            Some(AttainmentHead {
                id: i.id.clone(),
                name_zh: i.name_zh.clone(),
                name_en: i.name_en.clone(),
                standard: std,
                floor: rule.floor_ratio * std,
            })
        })
        .collect();
    if heads.is_empty() {
        return None;
    }
    let sections = section_indices(&outcome.prepared);
    let rows = outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id())
        .filter(|s| !failing_only || s.passes == Some(false))
        .map(|s| {
            let cells = heads
                .iter()
                .map(|h| {
                    let value = s.values.get(&h.id).copied();
                    let reached =
                        !s.shortfalls.iter().any(|f| f.indicator == h.id) && value.is_some();
                    AttainmentCell {
                        value,
                        reached,
                        above_floor: reached || value.is_some_and(|v| v >= h.floor * (1.0 - 1e-12)),
                    }
                })
                .collect();
            AttainmentRow {
                section: sections
                    .get(&(s.line, level))
                    .copied()
                    .unwrap_or(usize::MAX),
                name: s.name.clone(),
                line: s.line,
                school_type: s.school_type.clone(),
                students: s.students,
                cells,
                met: s.met.unwrap_or(0),
                passes: s.passes.unwrap_or(true),
            }
        })
        .collect();
    Some((heads, rows))
}

/// A failing school of the shortfall list.
#[derive(Clone, Debug, PartialEq)]
pub struct ShortfallRow<'a> {
    /// The planner's gap (section, name, line, shortfalls).
    pub gap: &'a SchoolGap,
    /// Indicators without data (a school without data cannot be certified).
    pub missing: Vec<String>,
}

/// The failing schools of `level` with what each lacks, in row order. The schools of the
/// report are indexed by line once (first of each), so a national file's tens of thousands of
/// failing schools cost O(n), not a scan of the report per school.
pub fn failing_gaps(outcome: &Outcome, level: Level) -> Vec<ShortfallRow<'_>> {
    let mut missing: HashMap<u64, &[String]> = HashMap::new();
    for s in outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id())
    {
        missing.entry(s.line).or_insert(&s.missing);
    }
    outcome
        .plan
        .gaps
        .iter()
        .filter(|g| g.level == level && !g.passes)
        .map(|g| ShortfallRow {
            gap: g,
            missing: missing.get(&g.line).map_or_else(Vec::new, |m| m.to_vec()),
        })
        .collect()
}

/// Failing schools of `level` that lack data and have no gap to fill (listed apart).
pub fn failing_without_gaps(outcome: &Outcome, level: Level) -> Vec<(String, u64, Vec<String>)> {
    outcome
        .report
        .schools
        .iter()
        .filter(|s| s.level == level.id() && s.passes == Some(false) && s.shortfalls.is_empty())
        .map(|s| (s.name.clone(), s.line, s.missing.clone()))
        .collect()
}

/// The change that closes one shortfall of a gap: adds what is lacking to the indicator's
/// resource.
pub fn gap_changes(standard: &Standard, gap: &SchoolGap) -> Vec<Change> {
    gap.shortfalls
        .iter()
        .filter_map(|s| {
            let indicator = standard.indicators().iter().find(|i| i.id == s.indicator)?;
            Some(Change {
                section: gap.section,
                name: gap.name.clone(),
                line: gap.line,
                level: gap.level,
                indicator: s.indicator.clone(),
                field: indicator.numerator,
                from_value: s.value,
                to_value: s.standard,
                delta: s.shortfall,
            })
        })
        .collect()
}

/// Every change closing every shortfall of the failing schools of `level`.
pub fn fill_level(outcome: &Outcome, standard: &Standard, level: Level) -> Vec<Change> {
    failing_gaps(outcome, level)
        .iter()
        .flat_map(|r| gap_changes(standard, r.gap))
        .collect()
}

/// A user's edit: add `delta` (base units: m², 元, teachers, rooms) to the resource of
/// `indicator` in the section at `section`. `None` when the section or indicator is unknown,
/// the delta is not a finite non-zero number, or the section has no pupils.
pub fn edit_change(
    prepared: &Prepared,
    standard: &Standard,
    options: &Options,
    section: usize,
    indicator: &str,
    delta: f64,
) -> Option<Change> {
    if !delta.is_finite() || delta == 0.0 {
        return None;
    }
    let s = prepared.sections.get(section)?;
    let indicator = standard.indicators().iter().find(|i| i.id == indicator)?;
    if !(s.students.is_finite() && s.students > 0.0) {
        return None;
    }
    let before = resource(indicator, s, options).unwrap_or(0.0);
    let after = (before + delta).max(0.0);
    Some(Change {
        section,
        name: s.name.clone(),
        line: s.line,
        level: s.level,
        indicator: indicator.id.clone(),
        field: indicator.numerator,
        from_value: indicator.factor * before / s.students,
        to_value: indicator.factor * after / s.students,
        delta: after - before,
    })
}

/// The unit id of a change (the resource's natural unit).
pub fn change_unit(change: &Change) -> &'static str {
    resource_unit(change.field)
}

/// The unit id of a resource field (`m2`, `yuan`, `teachers`, ...).
pub fn change_unit_of(field: junheng_core::Field) -> &'static str {
    resource_unit(field)
}

/// The plan as CSV (UTF-8 with a BOM), followed by the user's what-if changes as rows of kind
/// `what_if` in the same columns.
pub fn export_csv(plan: &Plan, changes: &[Change]) -> String {
    plan_csv_with(plan, changes)
}

/// The file name of the export: standard id and a fixed suffix.
pub fn export_name(standard_id: &str) -> String {
    format!("junheng-plan-{standard_id}.csv")
}

/// Whether a standard judges the county on the composite (2012 style).
pub fn judges_composite(standard: &Standard) -> bool {
    matches!(standard.county_rule(), CountyRule::Composite { .. })
}

/// A short description of a change for the what-if list: "城关小学 · 生均… +120.0 m²".
pub fn change_summary(lang: Lang, standard: &Standard, change: &Change) -> String {
    let name = standard
        .indicators()
        .iter()
        .find(|i| i.id == change.indicator)
        .map_or(change.indicator.as_str(), |i| {
            indicator_name(lang, &i.name_zh, &i.name_en)
        });
    let sign = if change.delta >= 0.0 { "+" } else { "−" };
    format!(
        "{}（{}）· {name} {sign}{} → {}",
        change.name,
        level_name(lang, change.level),
        amount(lang, change.delta.abs(), change_unit(change)),
        value(Some(change.to_value)),
    )
}

#[cfg(test)]
mod tests;
