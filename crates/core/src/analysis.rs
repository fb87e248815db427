//! Analysis: a table and an [`AnalysisConfig`] give a [`Report`].
//!
//! Options arrive from the page, the CLI or a shared URL as an [`AnalysisConfig`], close to
//! what the user typed. [`AnalysisConfig::validate`] is the single place where they are
//! checked against the table: expressions parsed, columns resolved, filters matched. It gives
//! a [`Plan`], and [`run`] applies the plan. `run` is pure and deterministic: the same bytes
//! and the same configuration give the same report, whoever calls it.
//!
//! For each indicator and school i, xᵢ is the indicator's expression evaluated on row i and wᵢ
//! the weight column (or 1). A row is left out of that indicator, and listed in
//! `missing_lines`, when a cell it needs is empty or not a number, its weight is ≤ 0, a
//! divisor is 0, or the value or weight is beyond what a [`Sample`] accepts (magnitude above
//! 1e100 or nonzero below 1e-100) (DOMAIN.md §3.3: never impute 0).

use crate::fast_hash::FastMap;

use crate::fields::Field;
use crate::indicator::{self, Op, Operand};
use crate::ingest::{parse_number, CellText, Ingested, Number, Table};
use crate::left_out;
use crate::measures::{self, MedianRule, Note, Options, Sample};
use crate::quote::quote;
use crate::report::{
    finite, FilterEcho, GroupResult, IndicatorResult, OptionsEcho, Report, SkippedRow, Source,
    StandardSection, TitleLine, Warning, SCHEMA,
};
use crate::standards::{self, Level, Split};
use crate::{Error, Issue, Lang};

/// What to analyze and how, as the user chose it. Checked by [`AnalysisConfig::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct AnalysisConfig {
    /// Indicators to compute, in order. Empty: the standard indicators of DOMAIN.md §2 when
    /// the headers name their fields, otherwise every numeric column.
    pub indicators: Vec<IndicatorSpec>,
    /// Indicators computed after those above (after the defaults when `indicators` is empty):
    /// the page's custom ratios next to the standard indicators.
    pub extra: Vec<IndicatorSpec>,
    /// Weight of each school.
    pub weight: WeightSpec,
    /// Column whose values form the groups of the Theil decomposition (城乡分类, 乡镇, ...).
    pub group: Option<String>,
    /// Rows to keep. Filters on the same column are alternatives (OR); filters on different
    /// columns must all hold (AND).
    pub filters: Vec<Filter>,
    /// How McLoone and Verstegen treat schools at the median.
    pub median_rule: MedianRule,
    /// A standard to judge the county against: fills the report's `standard` section. `None`:
    /// the section is `null`.
    pub standard: Option<StandardChoice>,
    /// Choices the standards leave open (split of spanning schools, 教学点, 民办, gym). Used only
    /// with `standard`; [`standards::Options::national`] is the national form's choice.
    pub standard_options: standards::Options,
    /// Level of every school when the table has no level column (standards only). With a level
    /// column it is not used (a warning says so).
    pub level: Option<Level>,
}

impl AnalysisConfig {
    /// The defaults: the standard indicators (or every numeric column), weights by default,
    /// no group, no filter, median rule `at_or_below`, no standard, national standard options.
    pub fn new() -> AnalysisConfig {
        AnalysisConfig {
            indicators: Vec::new(),
            extra: Vec::new(),
            weight: WeightSpec::Auto,
            group: None,
            filters: Vec::new(),
            median_rule: MedianRule::AtOrBelow,
            standard: None,
            standard_options: standards::Options::national(),
            level: None,
        }
    }
}

impl Default for AnalysisConfig {
    fn default() -> AnalysisConfig {
        AnalysisConfig::new()
    }
}

/// Which standard to judge against. The text of a file is held as given and read by
/// [`AnalysisConfig::validate`], so that every check happens there.
#[derive(Clone, Debug, PartialEq)]
pub enum StandardChoice {
    /// A built-in national standard: `basic-2012` or `quality-2017`.
    Builtin(String),
    /// A whole standard table in JSON, e.g. a province's (format in `docs/standards.md`).
    Json(String),
    /// A built-in standard with per-school values (and optionally CV thresholds) replaced from
    /// a CSV table (`indicator,primary,junior[,cv_max_primary,cv_max_junior]`).
    BuiltinWithValues {
        /// Id of the built-in standard.
        id: String,
        /// Text of the CSV table.
        csv: String,
    },
}

impl StandardChoice {
    /// Reads and validates the standard table.
    pub fn load(&self) -> Result<standards::Standard, standards::Error> {
        match self {
            StandardChoice::Builtin(id) => standards::Standard::builtin(id),
            StandardChoice::Json(text) => standards::Standard::from_json(text),
            StandardChoice::BuiltinWithValues { id, csv } => {
                standards::Standard::builtin(id)?.with_values_csv(csv)
            }
        }
    }
}

/// Reads a split id: `guidance` (weights 1 : 1.1 : 1.32), `pupils` (pupil-proportional) or
/// `already-split` (rows are sections); `-` and `_` are interchangeable.
pub fn parse_split(text: &str) -> Option<Split> {
    match text.trim().replace('_', "-").as_str() {
        "guidance" | "weighted" => Some(Split::GUIDANCE),
        "pupils" => Some(Split::PupilProportional),
        "already-split" => Some(Split::AlreadySplit),
        _ => None,
    }
}

/// One indicator: a name and an expression (see [`crate::indicator`]).
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorSpec {
    /// Name shown in the report; when empty, the expression is the name.
    pub name: String,
    /// Expression: a column, or columns and numbers joined by `*` and `/`.
    pub expr: String,
}

/// Where the weights come from.
#[derive(Clone, Debug, PartialEq)]
pub enum WeightSpec {
    /// The students column for the standard indicators (the national CV is pupil-weighted);
    /// 1 for every school otherwise.
    Auto,
    /// This column, by header text or field id.
    Column(String),
    /// 1 for every school.
    Unweighted,
}

/// Keep the rows whose cell in `column` equals `value` (both trimmed).
#[derive(Clone, Debug, PartialEq)]
pub struct Filter {
    /// Column, by header text or field id.
    pub column: String,
    /// Cell text to keep.
    pub value: String,
}

/// The stable id of a median rule, as written in the report: `at_or_below` or `strict`.
pub fn median_rule_id(rule: MedianRule) -> &'static str {
    match rule {
        MedianRule::AtOrBelow => "at_or_below",
        MedianRule::Strict => "strict",
    }
}

/// Reads a median rule from its id; `-` and `_` are interchangeable (`at-or-below`).
pub fn parse_median_rule(text: &str) -> Option<MedianRule> {
    match text.trim().replace('-', "_").as_str() {
        "at_or_below" => Some(MedianRule::AtOrBelow),
        "strict" => Some(MedianRule::Strict),
        _ => None,
    }
}

/// A standard indicator of DOMAIN.md §2: `numerator / students`, times 100 for "每百名".
struct Standard {
    id: &'static str,
    label_zh: &'static str,
    numerator: Field,
    per_100: bool,
}

/// The 2012 eight (§2.1), then the 2017 indicators not already among them (§2.2). The shared
/// area and equipment indicators appear once; teachers above the required qualification appear
/// per student (2012) and per 100 students (2017), the unit each standard is stated in.
const STANDARD: [Standard; 12] = [
    Standard {
        id: "teaching_area_per_student",
        label_zh: "生均教学及辅助用房面积",
        numerator: Field::TeachingArea,
        per_100: false,
    },
    Standard {
        id: "sports_area_per_student",
        label_zh: "生均体育运动场馆面积",
        numerator: Field::SportsArea,
        per_100: false,
    },
    Standard {
        id: "equipment_value_per_student",
        label_zh: "生均教学仪器设备值",
        numerator: Field::EquipmentValue,
        per_100: false,
    },
    Standard {
        id: "computers_per_100",
        label_zh: "每百名学生拥有计算机台数",
        numerator: Field::Computers,
        per_100: true,
    },
    Standard {
        id: "books_per_student",
        label_zh: "生均图书册数",
        numerator: Field::Books,
        per_100: false,
    },
    Standard {
        id: "teacher_student_ratio",
        label_zh: "师生比",
        numerator: Field::Teachers,
        per_100: false,
    },
    Standard {
        id: "above_qual_teachers_per_student",
        label_zh: "生均高于规定学历教师数",
        numerator: Field::TeachersAboveQual,
        per_100: false,
    },
    Standard {
        id: "mid_title_teachers_per_student",
        label_zh: "生均中级及以上专业技术职务教师数",
        numerator: Field::TeachersMidTitle,
        per_100: false,
    },
    Standard {
        id: "above_qual_teachers_per_100",
        label_zh: "每百名学生拥有高于规定学历教师数",
        numerator: Field::TeachersAboveQual,
        per_100: true,
    },
    Standard {
        id: "backbone_teachers_per_100",
        label_zh: "每百名学生拥有县级及以上骨干教师数",
        numerator: Field::TeachersBackbone,
        per_100: true,
    },
    Standard {
        id: "pe_arts_teachers_per_100",
        label_zh: "每百名学生拥有体育、艺术（美术、音乐）专任教师数",
        numerator: Field::TeachersPeArts,
        per_100: true,
    },
    Standard {
        id: "multimedia_rooms_per_100",
        label_zh: "每百名学生拥有网络多媒体教室数",
        numerator: Field::MultimediaRooms,
        per_100: true,
    },
];

/// A column of the table and the factor that brings its cells to base units (万元 → 元).
#[derive(Clone, Copy, Debug, PartialEq)]
struct ColumnRef {
    index: usize,
    scale: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Term {
    Column(ColumnRef),
    Number(f64),
}

#[derive(Clone, Debug, PartialEq)]
struct PlannedIndicator {
    name: String,
    label_zh: Option<&'static str>,
    expr: String,
    formula: String,
    first: Term,
    rest: Vec<(Op, Term)>,
}

impl PlannedIndicator {
    fn terms(&self) -> impl Iterator<Item = &Term> {
        std::iter::once(&self.first).chain(self.rest.iter().map(|(_, t)| t))
    }
}

/// A configuration checked against a table: every name resolved to a column. Made by
/// [`AnalysisConfig::validate`] only.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    indicators: Vec<PlannedIndicator>,
    indicator_source: &'static str,
    weight: Option<ColumnRef>,
    weight_source: &'static str,
    group: Option<usize>,
    /// Filtered columns, each with the values it may hold, in the order first given.
    filters: Vec<(usize, Vec<String>)>,
    filter_echo: Vec<FilterEcho>,
    options: Options,
    warnings: Vec<Warning>,
    standard: Option<PlannedStandard>,
}

/// The standard resolved by [`AnalysisConfig::validate`].
#[derive(Clone, Debug, PartialEq)]
struct PlannedStandard {
    standard: standards::Standard,
    options: standards::Options,
    level: Option<Level>,
}

/// Split weights must be positive and finite.
fn check_standard_options(options: &standards::Options) -> Result<(), Error> {
    if let Split::Weighted { junior, senior } = options.split {
        for (name, w) in [("junior weight", junior), ("senior weight", senior)] {
            if !(w.is_finite() && w > 0.0) {
                return Err(Error::BadOption {
                    option: format!("split {name}"),
                    value: w.to_string(),
                });
            }
        }
    }
    Ok(())
}

impl AnalysisConfig {
    /// Checks every option against the table and resolves every name to a column.
    ///
    /// Errors: an expression that does not parse, a column not in the header row, two
    /// indicators with one name, a filter value found in no row, or nothing to analyze; with a
    /// standard: a standard table that cannot be read ([`Error::Standard`]), split weights that
    /// are not positive ([`Error::BadOption`]), no level column and no `level`
    /// ([`Error::StandardNeedsLevel`]), no students column ([`Error::StandardNeedsStudents`]).
    pub fn validate(&self, ingested: &Ingested) -> Result<Plan, Error> {
        let table = &ingested.table;
        let mut warnings = Vec::new();
        let header_line = table.source.header_row.max(1);
        let lookup = |name: &str, used_in: String, used_in_zh: String| {
            resolve_column(ingested, name).ok_or_else(|| Error::ColumnNotFound {
                name: name.to_string(),
                used_in,
                used_in_zh,
                header_line,
                similar: similar_header(table, name),
            })
        };

        let mut filters: Vec<(usize, Vec<String>)> = Vec::new();
        let mut filter_echo = Vec::new();
        for filter in &self.filters {
            let used_in = format!("filter {}={}", filter.column, filter.value);
            let used_in_zh = format!("筛选条件 {}={}", filter.column, filter.value);
            let column = lookup(&filter.column, used_in, used_in_zh)?.index;
            let value = filter.value.trim().to_string();
            if !table.cells(column).any(|(_, cell)| cell.trim() == value) {
                return Err(Error::FilterMatchesNothing {
                    column: table.headers[column].clone(),
                    letter: crate::error::column_letter(column),
                    value,
                    seen: distinct_values(table, column, 10),
                });
            }
            filter_echo.push(FilterEcho {
                column: table.headers[column].clone(),
                value: value.clone(),
            });
            match filters.iter_mut().find(|(c, _)| *c == column) {
                Some((_, values)) => values.push(value),
                None => filters.push((column, vec![value])),
            }
        }

        let group = match &self.group {
            Some(name) => Some(lookup(name, "the group".into(), "分组".into())?.index),
            None => None,
        };
        let given_weight = match &self.weight {
            WeightSpec::Column(name) => Some(lookup(name, "the weight".into(), "权重".into())?),
            WeightSpec::Auto | WeightSpec::Unweighted => None,
        };

        let plan_spec = |spec: &IndicatorSpec| -> Result<PlannedIndicator, Error> {
            let name = if spec.name.trim().is_empty() {
                spec.expr.trim().to_string()
            } else {
                spec.name.trim().to_string()
            };
            let expr = indicator::parse(&spec.expr).map_err(|problem| Error::BadExpression {
                indicator: name.clone(),
                expr: spec.expr.clone(),
                problem,
            })?;
            let resolve = |operand: &Operand| match operand {
                Operand::Number(v) => Ok(Term::Number(*v)),
                Operand::Column(column) => lookup(
                    column,
                    format!("indicator “{name}”"),
                    format!("指标“{name}”"),
                )
                .map(Term::Column),
            };
            let first = resolve(&expr.first)?;
            let mut rest = Vec::new();
            for (op, operand) in &expr.rest {
                rest.push((*op, resolve(operand)?));
            }
            Ok(PlannedIndicator {
                formula: formula(table, first, &rest),
                name,
                label_zh: None,
                expr: spec.expr.trim().to_string(),
                first,
                rest,
            })
        };
        let (mut indicators, indicator_source) = if !self.indicators.is_empty() {
            let planned = self
                .indicators
                .iter()
                .map(plan_spec)
                .collect::<Result<Vec<_>, _>>()?;
            (planned, "given")
        } else {
            let standard = standard_indicators(ingested, &mut warnings);
            if standard.is_empty() {
                (
                    numeric_columns(ingested, given_weight, group, &mut warnings),
                    "numeric_columns",
                )
            } else {
                (standard, "standard")
            }
        };
        for spec in &self.extra {
            indicators.push(plan_spec(spec)?);
        }
        if indicators.is_empty() {
            return Err(Error::NoIndicators);
        }
        // A set, not a scan of the names before each: a file may have 200 000 columns.
        let mut names = std::collections::HashSet::with_capacity(indicators.len());
        for a in &indicators {
            if !names.insert(a.name.as_str()) {
                return Err(Error::DuplicateIndicator {
                    name: a.name.clone(),
                });
            }
        }

        let (weight, weight_source) = match (&self.weight, given_weight) {
            (_, Some(column)) => (Some(column), "given"),
            (WeightSpec::Auto, None) if indicator_source == "standard" => {
                let students = field_column(ingested, Field::Students);
                if let Some(column) = students {
                    let header = &table.headers[column.index];
                    warnings.push(Warning {
                        code: "weight_default",
                        indicator: None,
                        line: None,
                        zh: format!("按“{header}”加权：标准指标默认按学生数加权，与国家差异系数公式一致。", header = quote(header)),
                        en: format!("Weighted by “{header}”: standard indicators are pupil-weighted by default, as in the national CV formula.", header = quote(header)),
                    });
                }
                (students, "students_default")
            }
            _ => (None, "none"),
        };

        if let Some(level) = field_column(ingested, Field::Level) {
            if !filters.iter().any(|(c, _)| *c == level.index) {
                let levels = distinct_values(table, level.index, 10);
                if levels.len() > 1 {
                    let header = &table.headers[level.index];
                    warnings.push(Warning {
                        code: "mixed_levels",
                        indicator: None,
                        line: None,
                        zh: format!("表中混有多个学段（{}）。国家差异系数按小学、初中分别计算，请按学段筛选，如 {header}=小学。", quote_each(&levels).join("、"), header = quote(header)),
                        en: format!("The table mixes levels ({}). The national CV is computed separately for 小学 (primary) and 初中 (junior): filter one level, e.g. {header}=小学.", quote_each(&levels).join(", "), header = quote(header)),
                    });
                }
            }
        }

        let standard = match &self.standard {
            None => None,
            Some(choice) => {
                let standard = choice.load()?;
                check_standard_options(&self.standard_options)?;
                standards::from_table::check_columns(ingested, self.level)?;
                Some(PlannedStandard {
                    standard,
                    options: self.standard_options,
                    level: self.level,
                })
            }
        };

        Ok(Plan {
            standard,
            indicators,
            indicator_source,
            weight,
            weight_source,
            group,
            filters,
            filter_echo,
            options: Options {
                median_rule: self.median_rule,
            },
            warnings,
        })
    }
}

/// Runs the analysis: validates `config` against the ingested table, then computes every
/// indicator. Ingestion issues become warnings of the report.
///
/// Pure and deterministic. Errors are those of [`AnalysisConfig::validate`], and
/// [`Error::NoValues`] when an indicator keeps no school.
pub fn run(ingested: &Ingested, config: &AnalysisConfig) -> Result<Report, Error> {
    run_detailed(ingested, config).map(|analysis| analysis.report)
}

/// Each school's value of one indicator, for the page's per-school table and charts.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorValues {
    /// The indicator's name, as in the report.
    pub name: String,
    /// Line of each school in the sample, in file order.
    pub lines: Vec<u64>,
    /// Its value xᵢ.
    pub values: Vec<f64>,
    /// Its weight wᵢ.
    pub weights: Vec<f64>,
}

/// The report and, per indicator, the values it was computed from.
#[derive(Clone, Debug, PartialEq)]
pub struct Analysis {
    /// What the CLI prints and the page exports.
    pub report: Report,
    /// Per indicator, in report order: each school's value and weight.
    pub values: Vec<IndicatorValues>,
}

/// [`run`], keeping each school's value of each indicator.
pub fn run_detailed(ingested: &Ingested, config: &AnalysisConfig) -> Result<Analysis, Error> {
    let table = &ingested.table;
    let plan = config.validate(ingested)?;
    let kept: Vec<usize> = (0..table.rows.len())
        .filter(|&r| {
            plan.filters.iter().all(|(column, values)| {
                let cell = table.rows[r].cells.get(*column).map_or("", |c| c.trim());
                values.iter().any(|v| v == cell)
            })
        })
        .collect();
    let lines: Vec<u64> = kept.iter().map(|&r| table.rows[r].line).collect();
    let mut warnings: Vec<Warning> = ingested.issues.iter().map(issue_warning).collect();
    warnings.extend(plan.warnings.iter().cloned());

    // Each column is read once, whatever the number of indicators using it. NaN marks a cell
    // that is empty or not a number; such rows are left out before any measure sees them.
    let mut used: Vec<usize> = Vec::new();
    let mut seen = vec![false; table.headers.len()];
    let terms = plan.indicators.iter().flat_map(|i| i.terms());
    let indices = terms.filter_map(|t| match t {
        Term::Column(c) => Some(c.index),
        Term::Number(_) => None,
    });
    for column in indices.chain(plan.weight.map(|w| w.index)) {
        if !std::mem::replace(&mut seen[column], true) {
            used.push(column);
        }
    }
    // Row by row: a row's cells lie together in memory, so one pass over the rows reading
    // every used cell misses the cache far less than one pass per column. Natively the columns
    // are shared among the cores, each making its own pass; each column is written once, at
    // its final size.
    let per_pass = used.len().div_ceil(parallelism()).max(1);
    let passes: Vec<&[usize]> = used.chunks(per_pass).collect();
    let parsed = map_in_parallel(&passes, |pass| {
        let mut values: Vec<Vec<f64>> = pass
            .iter()
            .map(|_| Vec::with_capacity(kept.len()))
            .collect();
        let mut invalid: Vec<Vec<(u64, &str)>> = vec![Vec::new(); pass.len()];
        for &r in &kept {
            let row = &table.rows[r];
            for (k, &column) in pass.iter().enumerate() {
                let cell = row.cells.get(column).map_or("", CellText::as_str);
                values[k].push(match parse_number(cell) {
                    Number::Value(v) => v,
                    Number::Missing => f64::NAN,
                    Number::Invalid => {
                        invalid[k].push((row.line, cell));
                        f64::NAN
                    }
                });
            }
        }
        pass.iter()
            .copied()
            .zip(values.into_iter().zip(invalid))
            .collect::<Vec<_>>()
    });
    // Indexed by column (empty for a column no indicator uses): no hashing per cell read.
    let mut columns: Vec<Vec<f64>> = vec![Vec::new(); table.headers.len()];
    for (column, (values, invalid)) in parsed.into_iter().flatten() {
        if !invalid.is_empty() {
            warnings.push(not_a_number_warning(table, column, &invalid));
        }
        columns[column] = values;
    }

    // Group labels as indices into `labels`, in order of first appearance.
    let (group_ids, labels) = match plan.group {
        Some(column) => {
            let mut labels: Vec<String> = Vec::new();
            let mut index: FastMap<&str, usize> = FastMap::default();
            let ids: Vec<usize> = kept
                .iter()
                .map(|&r| {
                    let cell = table.rows[r].cells.get(column).map_or("", |c| c.trim());
                    *index.entry(cell).or_insert_with(|| {
                        labels.push(cell.to_string());
                        labels.len() - 1
                    })
                })
                .collect();
            if labels.iter().any(String::is_empty) {
                let header = &table.headers[column];
                warnings.push(Warning {
                    code: "empty_group",
                    indicator: None,
                    line: None,
                    zh: format!(
                        "有些学校的“{header}”为空，它们归入名为空（\"\"）的一组。",
                        header = quote(header)
                    ),
                    en: format!(
                        "Some schools have no “{header}”; they form a group named \"\".",
                        header = quote(header)
                    ),
                });
            }
            (ids, labels)
        }
        None => (Vec::new(), Vec::new()),
    };

    let weights: Vec<f64> = match plan.weight {
        Some(w) => columns[w.index].iter().map(|v| v * w.scale).collect(),
        None => vec![1.0; kept.len()],
    };

    let rows = Rows {
        lines: &lines,
        columns: &columns,
        weights: &weights,
        groups: plan
            .group
            .map(|_| (group_ids.as_slice(), labels.as_slice())),
        options: &plan.options,
    };
    let mut indicators = Vec::with_capacity(plan.indicators.len());
    let mut values = Vec::with_capacity(plan.indicators.len());
    for result in map_in_parallel(&plan.indicators, |planned| analyze_one(planned, &rows)) {
        let (indicator, notes, indicator_values) = result?;
        warnings.extend(notes);
        indicators.push(indicator);
        values.push(indicator_values);
    }

    // The standard judges the rows kept by the filters, like every indicator.
    let standard = match &plan.standard {
        None => None,
        Some(planned) => {
            let schools = standards::schools_from_rows(ingested, &kept, planned.level)?;
            warnings.extend(schools.warnings.iter().map(|w| Warning {
                code: w.code,
                indicator: None,
                line: w.line,
                zh: w.text.zh.clone(),
                en: w.text.en.clone(),
            }));
            let prepared = standards::prepare(&schools.schools, &planned.options);
            Some(StandardSection {
                evaluation: standards::evaluate_prepared(
                    &planned.standard,
                    &prepared,
                    &planned.options,
                ),
                plan: standards::plan(&planned.standard, &prepared, &planned.options),
            })
        }
    };

    let source = &table.source;
    let report = Report {
        schema: SCHEMA,
        version: env!("CARGO_PKG_VERSION"),
        source: Source {
            name: source.name.clone(),
            format: source.format.clone(),
            encoding: source.encoding.clone(),
            delimiter: source.delimiter,
            header_row: source.header_row,
            data_rows: source.data_rows,
            skipped: source
                .skipped
                .iter()
                .map(|s| SkippedRow {
                    line: s.line,
                    reason: s.reason.clone(),
                    reason_zh: s.reason_zh.clone(),
                })
                .collect(),
            header_lines: source.header_lines.clone(),
            title: source
                .title
                .iter()
                .map(|(line, text)| TitleLine {
                    line: *line,
                    text: text.clone(),
                })
                .collect(),
            sheet: source.sheet.clone(),
            decimal_comma: source.decimal_comma,
        },
        weight: plan.weight.map(|w| table.headers[w.index].clone()),
        group: plan.group.map(|g| table.headers[g].clone()),
        filters: plan.filter_echo.clone(),
        options: OptionsEcho {
            median_rule: median_rule_id(plan.options.median_rule),
            weight_source: plan.weight_source,
            indicator_source: plan.indicator_source,
            std_denominator: "population",
        },
        indicators,
        warnings,
        standard,
    };
    Ok(Analysis { report, values })
}

/// The rows kept by the filters, read once and shared by every indicator.
struct Rows<'a> {
    /// Line of each kept row.
    lines: &'a [u64],
    /// Cells of each used column by column index, as read before scaling (empty for a column
    /// no indicator uses); NaN where not a number.
    columns: &'a [Vec<f64>],
    /// Weight of each kept row; NaN or ≤ 0 where unusable.
    weights: &'a [f64],
    /// Group index of each kept row and the group labels, with a group column.
    groups: Option<(&'a [usize], &'a [String])>,
    options: &'a Options,
}

/// A [`Term`] with its column's values at hand: a number, or a column's values (by kept
/// row) and the factor to its base unit.
#[derive(Clone, Copy)]
enum Resolved<'a> {
    Number(f64),
    Column(&'a [f64], f64),
}

/// One indicator: its values, exclusions, measures and decomposition, the warnings of its
/// measures, and the values themselves.
fn analyze_one(
    planned: &PlannedIndicator,
    rows: &Rows,
) -> Result<(IndicatorResult, Vec<Warning>, IndicatorValues), Error> {
    // Each term's column found once, not once per row.
    let resolve = |term: &Term| match term {
        Term::Number(v) => Resolved::Number(*v),
        Term::Column(c) => Resolved::Column(&rows.columns[c.index], c.scale),
    };
    let value_of = |term: Resolved, row: usize| match term {
        Resolved::Number(v) => v,
        Resolved::Column(values, scale) => values[row] * scale,
    };
    let first = resolve(&planned.first);
    let rest: Vec<(Op, Resolved)> = planned
        .rest
        .iter()
        .map(|(op, term)| (*op, resolve(term)))
        .collect();
    let n_rows = rows.lines.len();
    let mut xs = Vec::with_capacity(n_rows);
    let mut ws = Vec::with_capacity(n_rows);
    let mut rows_used = Vec::with_capacity(n_rows);
    let mut missing_lines = Vec::new();
    let mut left_out = Vec::new();
    for (row, &line) in rows.lines.iter().enumerate() {
        let w = rows.weights[row];
        let mut x = value_of(first, row);
        let (mut cells_missing, mut divided_by_zero) = (x.is_nan(), false);
        for &(op, term) in &rest {
            let t = value_of(term, row);
            cells_missing |= t.is_nan();
            match op {
                Op::Mul => x *= t,
                // A zero divisor makes x NaN, so the row is left out below.
                Op::Div if t == 0.0 => {
                    x = f64::NAN;
                    divided_by_zero = true;
                }
                Op::Div => x /= t,
            }
        }
        // `w > 0` is false for NaN, so a missing weight is caught here too.
        if in_sample_range(x) && w > 0.0 && in_sample_range(w) {
            xs.push(x);
            ws.push(w);
            rows_used.push(row);
        } else {
            missing_lines.push(line);
            if let Some(reason) = left_out::Reason::of(x, w, cells_missing, divided_by_zero) {
                left_out.push((line, reason));
            }
        }
    }
    if xs.is_empty() {
        return Err(Error::NoValues {
            indicator: planned.name.clone(),
        });
    }

    // One sort per indicator, by (x, w) as every sorting measure wants: the whole sample's
    // measures and each group's Gini read this order; nothing is sorted again.
    // Sorted as contiguous (x, w, group) triples: no indirection in the comparisons.
    let group_of = |i: usize| rows.groups.map_or(0, |(ids, _)| ids[rows_used[i]] as u32);
    let mut triples: Vec<(f64, f64, u32)> =
        (0..xs.len()).map(|i| (xs[i], ws[i], group_of(i))).collect();
    triples.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let x_sorted: Vec<f64> = triples.iter().map(|t| t.0).collect();
    let w_sorted: Vec<f64> = triples.iter().map(|t| t.1).collect();

    let (groups, decomposition) = if let Some((group_ids, labels)) = rows.groups {
        // Group statistics in one pass over the rows (file order, as the sums always were),
        // and one pass over the sorted order for each group's sorted values.
        let mut buckets: Vec<(Vec<f64>, Vec<f64>)> = vec![(Vec::new(), Vec::new()); labels.len()];
        for ((x, w), row) in xs.iter().zip(&ws).zip(&rows_used) {
            let bucket = &mut buckets[group_ids[*row]];
            bucket.0.push(*x);
            bucket.1.push(*w);
        }
        let mut sorted_buckets: Vec<(Vec<f64>, Vec<f64>)> = buckets
            .iter()
            .map(|(x, _)| (Vec::with_capacity(x.len()), Vec::with_capacity(x.len())))
            .collect();
        for &(x, w, group) in &triples {
            let bucket = &mut sorted_buckets[group as usize];
            bucket.0.push(x);
            bucket.1.push(w);
        }
        let (samples, ginis): (Vec<(String, Sample)>, Vec<Option<f64>>) = buckets
            .into_iter()
            .zip(sorted_buckets)
            .zip(labels)
            .filter(|(((x, _), _), _)| !x.is_empty())
            .map(|(((x, w), (sx, sw)), label)| {
                let sample = Sample::new(x, w).expect("finite values, positive weights");
                ((label.clone(), sample), measures::gini_sorted(&sx, &sw))
            })
            .unzip();
        let d = measures::decompose_with_gini(&samples, ginis);
        let groups = d
            .groups
            .iter()
            .map(|g| GroupResult {
                group: g.label.clone(),
                n: g.n,
                weight_total: finite(g.weight_total),
                mean: finite(g.mean),
                cv: g.cv.and_then(finite),
                gini: g.gini.and_then(finite),
                theil: g.theil.and_then(finite),
            })
            .collect();
        (groups, Some(d))
    } else {
        (Vec::new(), None)
    };

    let s = measures::summarize_sorted(&x_sorted, &w_sorted, rows.options);
    let indicator_values = IndicatorValues {
        name: planned.name.clone(),
        lines: rows_used.iter().map(|&row| rows.lines[row]).collect(),
        values: xs,
        weights: ws,
    };
    let label = planned.label_zh.unwrap_or(&planned.name);
    let notes = s
        .notes
        .iter()
        .map(|note| note_warning(*note, &planned.name))
        .chain(left_out::warning(&planned.name, label, &left_out))
        .collect();
    let opt = |x: Option<f64>| x.and_then(finite);
    let indicator = IndicatorResult {
        name: planned.name.clone(),
        label_zh: planned.label_zh.map(str::to_string),
        expr: planned.expr.clone(),
        formula: planned.formula.clone(),
        n: s.n,
        missing: missing_lines.len(),
        missing_lines,
        weight_total: finite(s.weight_total),
        mean: finite(s.mean),
        std: finite(s.std),
        cv: opt(s.cv),
        min: finite(s.min),
        max: finite(s.max),
        range: finite(s.range),
        range_ratio: opt(s.range_ratio),
        median: finite(s.median),
        p05: finite(s.p05),
        p95: finite(s.p95),
        federal_range_ratio: opt(s.federal_range_ratio),
        mcloone: opt(s.mcloone),
        verstegen: opt(s.verstegen),
        gini: opt(s.gini),
        theil: opt(s.theil),
        mld: opt(s.mld),
        atkinson_0_5: opt(s.atkinson_0_5),
        atkinson_1: opt(s.atkinson_1),
        atkinson_2: opt(s.atkinson_2),
        hoover: opt(s.hoover),
        groups,
        theil_between: decomposition.as_ref().and_then(|d| opt(d.theil_between)),
        theil_within: decomposition.as_ref().and_then(|d| opt(d.theil_within)),
        mld_between: decomposition.as_ref().and_then(|d| opt(d.mld_between)),
        mld_within: decomposition.as_ref().and_then(|d| opt(d.mld_within)),
    };
    Ok((indicator, notes, indicator_values))
}

/// `f` over `items`, results in input order. Natively the items are shared among the CPU
/// cores (each item is computed exactly as alone, so the result does not depend on the
/// number of threads); on wasm32, which has no threads, one after the other.
fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = parallelism();
        if threads > 1 && items.len() > 1 {
            let chunk = items.len().div_ceil(threads);
            let f = &f;
            return std::thread::scope(|scope| {
                let workers: Vec<_> = items
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| w.join().expect("an indicator worker panicked"))
                    .collect()
            });
        }
    }
    items.iter().map(f).collect()
}

/// The threads of [`map_in_parallel`]: the CPU cores natively, 1 on wasm32.
fn parallelism() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(target_arch = "wasm32")]
    let threads = 1;
    threads
}

/// True when `v` can enter a [`Sample`]: finite, and zero or of magnitude within
/// [1/MAX_MAGNITUDE, MAX_MAGNITUDE] (NaN, ±∞ and absurd magnitudes are false).
fn in_sample_range(v: f64) -> bool {
    measures::in_range(v)
}

/// The column of a name: a header (trimmed, exact), else a canonical field id.
fn resolve_column(ingested: &Ingested, name: &str) -> Option<ColumnRef> {
    if let Some(index) = ingested.table.column(name) {
        return Some(ColumnRef { index, scale: 1.0 });
    }
    Field::from_id(name.trim()).and_then(|field| field_column(ingested, field))
}

/// The column mapped to a canonical field, with the factor to its base unit (万元 → 元).
fn field_column(ingested: &Ingested, field: Field) -> Option<ColumnRef> {
    ingested.mapping.get(field).map(|m| ColumnRef {
        index: m.column,
        scale: m.scale,
    })
}

/// A header that contains `name` or that `name` contains, ignoring case, for "did you mean".
fn similar_header(table: &Table, name: &str) -> Option<String> {
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return None;
    }
    table
        .headers
        .iter()
        .find(|h| {
            let h = h.to_lowercase();
            !h.is_empty() && (h.contains(&name) || name.contains(&h))
        })
        .cloned()
}

/// Up to `limit` distinct trimmed non-empty cells of a column, in order of appearance.
fn distinct_values(table: &Table, column: usize, limit: usize) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for (_, cell) in table.cells(column) {
        let cell = cell.trim();
        if !cell.is_empty() && !seen.iter().any(|s| s == cell) {
            seen.push(cell.to_string());
            if seen.len() == limit {
                break;
            }
        }
    }
    seen
}

/// The expression with resolved headers and unit factors, itself a valid expression.
fn formula(table: &Table, first: Term, rest: &[(Op, Term)]) -> String {
    let term = |op: Op, t: Term| match t {
        Term::Number(v) => v.to_string(),
        Term::Column(c) if c.scale == 1.0 => format!("[{}]", table.headers[c.index]),
        Term::Column(c) => {
            let op = if op == Op::Div { '/' } else { '*' };
            format!("[{}]{op}{}", table.headers[c.index], c.scale)
        }
    };
    let mut out = term(Op::Mul, first);
    for (op, t) in rest {
        out.push(if *op == Op::Div { '/' } else { '*' });
        out.push_str(&term(*op, *t));
    }
    out
}

/// The standard indicators whose fields the headers name; a warning for each one left out.
fn standard_indicators(ingested: &Ingested, warnings: &mut Vec<Warning>) -> Vec<PlannedIndicator> {
    let table = &ingested.table;
    let Some(students) = field_column(ingested, Field::Students) else {
        return Vec::new();
    };
    let mut planned = Vec::new();
    let mut unavailable = Vec::new();
    for standard in &STANDARD {
        let Some(numerator) = field_column(ingested, standard.numerator) else {
            unavailable.push(standard);
            continue;
        };
        let mut rest = vec![(Op::Div, Term::Column(students))];
        if standard.per_100 {
            rest.push((Op::Mul, Term::Number(100.0)));
        }
        let first = Term::Column(numerator);
        planned.push(PlannedIndicator {
            name: standard.id.to_string(),
            label_zh: Some(standard.label_zh),
            expr: format!(
                "{}/{}{}",
                standard.numerator.id(),
                Field::Students.id(),
                if standard.per_100 { "*100" } else { "" }
            ),
            formula: formula(table, first, &rest),
            first,
            rest,
        });
    }
    if !planned.is_empty() {
        for standard in unavailable {
            let field = standard.numerator;
            warnings.push(Warning {
                code: "standard_indicator_unavailable",
                indicator: Some(standard.id.to_string()),
                line: None,
                zh: format!(
                    "未计算“{}”：表头中没有“{}”列。",
                    standard.label_zh,
                    field.name_zh()
                ),
                en: format!(
                    "{} not computed: no column for {} ({}).",
                    standard.id,
                    field.name_en(),
                    field.name_zh()
                ),
            });
        }
    }
    planned
}

/// Every numeric column but the weight, the group and the school code, as its own indicator.
fn numeric_columns(
    ingested: &Ingested,
    weight: Option<ColumnRef>,
    group: Option<usize>,
    warnings: &mut Vec<Warning>,
) -> Vec<PlannedIndicator> {
    let table = &ingested.table;
    let code = field_column(ingested, Field::SchoolCode).map(|c| c.index);
    let numeric: Vec<usize> = (0..table.headers.len())
        .filter(|&c| {
            Some(c) != weight.map(|w| w.index)
                && Some(c) != group
                && Some(c) != code
                && crate::profile::is_numeric(table, c)
        })
        .collect();
    if numeric.len() > MAX_NUMERIC_COLUMNS {
        warnings.push(numeric_columns_capped(numeric.len()));
    }
    numeric
        .into_iter()
        .take(MAX_NUMERIC_COLUMNS)
        .map(|index| {
            let first = Term::Column(ColumnRef { index, scale: 1.0 });
            PlannedIndicator {
                name: table.headers[index].clone(),
                label_zh: None,
                expr: format!("[{}]", table.headers[index]),
                formula: formula(table, first, &[]),
                first,
                rest: Vec::new(),
            }
        })
        .collect()
}

/// Numeric columns analysed when no indicator is named and the headers name no standard one:
/// a school table has dozens; a file of 200 000 columns (a transposed table) would make a
/// report of 200 MB (issue 16). Others can still be named as indicators.
pub const MAX_NUMERIC_COLUMNS: usize = 1000;

fn numeric_columns_capped(n: usize) -> Warning {
    Warning {
        code: "numeric_columns_capped",
        indicator: None,
        line: None,
        zh: format!("表中有 {n} 个数值列，只分析前 {MAX_NUMERIC_COLUMNS} 个。如需其他列，请指定指标（--indicator 或自定义指标）。一行一所学校的表通常只有几十列，请检查表是否横竖颠倒。"),
        en: format!("The table has {n} numeric columns; the first {MAX_NUMERIC_COLUMNS} are analysed. Name others as indicators (--indicator, or a custom indicator). A table of one school per row has a few dozen columns: check that it is not transposed."),
    }
}

/// One warning per column with cells that are not numbers, quoting the first three.
fn not_a_number_warning(table: &Table, column: usize, invalid: &[(u64, &str)]) -> Warning {
    let header = &table.headers[column];
    let letter = crate::error::column_letter(column);
    let examples_zh: Vec<String> = invalid
        .iter()
        .take(3)
        .map(|(line, text)| format!("第 {line} 行“{text}”", text = quote(text)))
        .collect();
    let examples_en: Vec<String> = invalid
        .iter()
        .take(3)
        .map(|(line, text)| format!("line {line} “{text}”", text = quote(text)))
        .collect();
    let n = invalid.len();
    Warning {
        code: "not_a_number",
        indicator: None,
        line: invalid.first().map(|(line, _)| *line),
        zh: format!(
            "“{header}”列（{letter}）有 {n} 个单元格不是数字（{}），这些学校未计入用到该列的指标。请改为数字，如 1204。",
            examples_zh.join("，"),
            header = quote(header)
        ),
        en: format!(
            "Column “{header}” ({letter}) has {n} cells that are not numbers ({}); those schools are left out of the indicators using it. Write numbers such as 1204.",
            examples_en.join(", "),
            header = quote(header)
        ),
    }
}

/// The warning for a measure note of one indicator.
fn note_warning(note: Note, indicator: &str) -> Warning {
    let (code, zh, en) = match note {
        Note::NegativeValues => (
            "negative_values",
            format!("“{indicator}”有负值：要求非负的测度（基尼、泰尔、阿特金森、胡佛、极差率）为空（null）。请检查数据。", indicator = quote(indicator)),
            format!("“{indicator}” has negative values: measures that need x ≥ 0 (Gini, Theil, Atkinson, Hoover, range ratio) are null. Check the data.", indicator = quote(indicator)),
        ),
        Note::ZeroValues => (
            "zero_values",
            format!("“{indicator}”有值为 0 的学校：泰尔 L（MLD）和阿特金森 ε ≥ 1 无定义，为空（null）。", indicator = quote(indicator)),
            format!("“{indicator}” has schools with 0: Theil L (MLD) and Atkinson ε ≥ 1 are undefined (null).", indicator = quote(indicator)),
        ),
        Note::SingleValue => (
            "single_value",
            format!("“{indicator}”只有一所学校：离散程度无意义。", indicator = quote(indicator)),
            format!("“{indicator}” has a single school: dispersion is meaningless.", indicator = quote(indicator)),
        ),
        Note::NonPositiveMean => (
            "non_positive_mean",
            format!("“{indicator}”的均值不大于 0：差异系数无定义，为空（null）。", indicator = quote(indicator)),
            format!("“{indicator}” has a mean ≤ 0: the CV is undefined (null).", indicator = quote(indicator)),
        ),
    };
    Warning {
        code,
        indicator: Some(indicator.to_string()),
        line: None,
        zh,
        en,
    }
}

/// An ingestion issue as a report warning.
fn issue_warning(issue: &Issue) -> Warning {
    let code = issue.code();
    Warning {
        code,
        indicator: None,
        line: issue.line(),
        zh: issue.message(Lang::Zh),
        en: issue.message(Lang::En),
    }
}

/// Cell texts quoted for a message ([`quote`]).
fn quote_each(texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| quote(t).into_owned()).collect()
}
