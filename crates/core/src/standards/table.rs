//! A standard as data: one table per standard (indicators, per-school values, CV thresholds and
//! the county rule), loaded from JSON. The national tables are embedded; a provincial variant is
//! another file of the same shape (`docs/standards.md`).

use serde::Deserialize;

pub use super::by_level::{ByLevel, SizeLimits};
use super::error::Error;
use super::input::Level;
use super::items::table::{is_item_row, size_limits_of, validate_items, Item, RawItem};
use crate::fields::{Field, Unit};

/// How the county's CVs decide the verdict.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CountyRule {
    /// 2012 (教督〔2012〕3号): the mean of the indicators' CVs (综合差异系数) must be ≤ the
    /// threshold of the level (0.65 小学, 0.55 初中). A single CV may exceed it.
    Composite {
        /// Threshold of the composite CV per level.
        max: ByLevel<f64>,
    },
    /// 2017 (教督〔2017〕6号): every indicator's CV must be ≤ its `cv_max` (0.50 小学,
    /// 0.45 初中). The mean of the CVs is printed for information only.
    EveryCv,
}

/// Per-school attainment rule: a school passes when at most `max_unreached` indicators are
/// below their standard and each of those is at least `floor_ratio` × the standard.
///
/// 2017: `max_unreached` 1 (“每所学校至少6项指标达到上述要求”), `floor_ratio` 0.85 (“余项不能低于
/// 要求的85%”). A value equal to the standard counts as reached (docs/domain.md §2.2, \[U\]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SchoolRule {
    /// How many indicators may be below the standard.
    pub max_unreached: usize,
    /// Share of the standard the unreached ones must still reach (0 = no floor).
    pub floor_ratio: f64,
    /// Whether the county verdict requires every school to pass.
    pub all_schools_must_pass: bool,
}

/// One indicator of a standard: X_i = factor · R_i / P_i (docs/domain.md §3.1).
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    /// Stable id as in docs/domain.md §2, e.g. `teaching_area_per_student`.
    pub id: String,
    /// Chinese name as in the national template.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Resource counted in the numerator R_i (base units: m², 元, persons, counts).
    pub numerator: Field,
    /// 1 for per-student, 100 for per-100-student indicators.
    pub factor: f64,
    /// Unit of the value, Chinese (平方米/生).
    pub unit_zh: String,
    /// Unit of the value, English (m² per student).
    pub unit_en: String,
    /// Per-school standard per level (`None`: no per-school check for that level).
    pub standard: ByLevel<Option<f64>>,
    /// CV threshold per level (2017); `None` under the composite rule.
    pub cv_max: ByLevel<Option<f64>>,
}

impl Indicator {
    /// Whether the numerator counts indivisible things (teachers, rooms, computers, books), so
    /// that shortfalls are rounded up to whole ones.
    pub fn whole_units(&self) -> bool {
        matches!(self.numerator.unit(), Unit::Persons | Unit::Count)
    }
}

/// The resource fields a standard's indicators read, in indicator order, without repeats; with
/// `gym_in_sports`, the indoor gym area too (it changes teaching and sports area).
pub fn numerators(standard: &Standard, options: &super::Options) -> Vec<Field> {
    let mut fields: Vec<Field> = Vec::new();
    for indicator in standard.indicators() {
        if !fields.contains(&indicator.numerator) {
            fields.push(indicator.numerator);
        }
    }
    if options.gym_in_sports && !fields.contains(&Field::GymArea) {
        fields.push(Field::GymArea);
    }
    fields
}

/// A validated standard table.
#[derive(Clone, Debug, PartialEq)]
pub struct Standard {
    id: String,
    name_zh: String,
    name_en: String,
    source: String,
    county_rule: CountyRule,
    school_rule: Option<SchoolRule>,
    pub(super) size_limits: Option<SizeLimits>,
    indicators: Vec<Indicator>,
    pub(super) items: Vec<Item>,
}

/// Ids of the built-in standards.
pub const BUILTIN_IDS: [&str; 2] = ["basic-2012", "quality-2017"];

impl Standard {
    /// A built-in national standard: `basic-2012` (教督〔2012〕3号) or `quality-2017`
    /// (教督〔2017〕6号).
    pub fn builtin(id: &str) -> Result<Standard, Error> {
        let text = match id {
            "basic-2012" => include_str!("data/basic-2012.json"),
            "quality-2017" => include_str!("data/quality-2017.json"),
            _ => return Err(Error::UnknownBuiltin { id: id.to_string() }),
        };
        Standard::from_json(text)
    }

    /// Reads and validates a standard table in JSON (format in `docs/standards.md`).
    pub fn from_json(text: &str) -> Result<Standard, Error> {
        let raw: RawStandard = serde_json::from_str(text).map_err(|e| Error::Json {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        raw.validate()
    }

    /// A copy with per-school standard values (and optionally CV thresholds) replaced from a
    /// small CSV table, e.g. a province's 办学基本标准. Header (UTF-8, BOM allowed):
    /// `indicator,primary,junior` with optional `cv_max_primary,cv_max_junior`; an empty cell
    /// removes the value. Indicators not listed keep theirs.
    ///
    /// A row may also change a threshold of an item (docs/domain.md §2.2): `indicator` is the
    /// item id, or `ID.KEY` when the item has several thresholds (`G11.backbone_share`);
    /// `primary` and `junior` give a threshold by level, or either one (or an optional `value`
    /// column) a threshold that is one for both levels; rates as `0.95` or `95%`. An empty cell
    /// keeps the item's threshold.
    pub fn with_values_csv(&self, text: &str) -> Result<Standard, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| Error::Csv {
                line: 1,
                detail: e.to_string(),
            })?
            .clone();
        let column = |name: &str| headers.iter().position(|h| h == name);
        let Some(id_col) = column("indicator") else {
            return Err(Error::Csv {
                line: 1,
                detail: "no column “indicator”".into(),
            });
        };
        let cols = [
            column("primary"),
            column("junior"),
            column("cv_max_primary"),
            column("cv_max_junior"),
        ];
        let value_col = column("value");
        let mut out = self.clone();
        for record in reader.records() {
            let record = record.map_err(|e| Error::Csv {
                line: e.position().map_or(0, |p| p.line()),
                detail: e.to_string(),
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let id = record.get(id_col).unwrap_or("");
            if !out.items.is_empty() && is_item_row(id) {
                let cell = |k: usize| cols[k].and_then(|c| record.get(c)).unwrap_or("");
                let value_cell = value_col.and_then(|c| record.get(c)).unwrap_or("");
                out.override_item(line, id, [cell(0), cell(1), value_cell])?;
                continue;
            }
            let Some(indicator) = out.indicators.iter_mut().find(|i| i.id == id) else {
                return Err(Error::UnknownIndicator {
                    line,
                    id: id.to_string(),
                });
            };
            let mut values = [None; 4];
            for (slot, col) in values.iter_mut().zip(cols) {
                let Some(col) = col else { continue };
                let cell = record.get(col).unwrap_or("");
                if cell.is_empty() {
                    *slot = Some(None);
                    continue;
                }
                let value: f64 = cell.parse().map_err(|_| Error::Csv {
                    line,
                    detail: format!("“{cell}” is not a number"),
                })?;
                *slot = Some(Some(value));
            }
            let [p, j, cp, cj] = values;
            if let Some(v) = p {
                indicator.standard.primary = v;
            }
            if let Some(v) = j {
                indicator.standard.junior = v;
            }
            if let Some(v) = cp {
                indicator.cv_max.primary = v;
            }
            if let Some(v) = cj {
                indicator.cv_max.junior = v;
            }
        }
        out.revalidate()?;
        Ok(out)
    }

    /// Stable id (`basic-2012`, `quality-2017`, or a provincial id).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Chinese title.
    pub fn name_zh(&self) -> &str {
        &self.name_zh
    }

    /// English title.
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// The document the values come from.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// How CVs decide the county verdict.
    pub fn county_rule(&self) -> CountyRule {
        self.county_rule
    }

    /// Per-school attainment rule, if the standard has per-school values.
    pub fn school_rule(&self) -> Option<SchoolRule> {
        self.school_rule
    }

    /// Limits on school and class size, if the standard checks them.
    pub fn size_limits(&self) -> Option<SizeLimits> {
        self.size_limits
    }

    /// The indicators, in the order of the official table.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// The items beyond resources (G1–G15, Q1–Q9, S1, V1–V6) in the official order; empty for
    /// a standard without them (2012, or a provincial file that lists none).
    pub fn items(&self) -> &[Item] {
        &self.items
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Re-checks the invariants after an edit.
    fn revalidate(&self) -> Result<(), Error> {
        for indicator in &self.indicators {
            for level in Level::ALL {
                if let Some(v) = indicator.standard.get(level) {
                    check_positive(&indicator.id, "standard", v)?;
                }
                if let Some(v) = indicator.cv_max.get(level) {
                    check_positive(&indicator.id, "cv_max", v)?;
                }
                if self.county_rule == CountyRule::EveryCv && indicator.cv_max.get(level).is_none()
                {
                    return Err(Error::Missing {
                        indicator: indicator.id.clone(),
                        key: format!("cv_max.{}", level.id()),
                    });
                }
            }
        }
        let any_standard = self
            .indicators
            .iter()
            .any(|i| i.standard.primary.is_some() || i.standard.junior.is_some());
        if self.school_rule.is_some() && !any_standard {
            return Err(Error::NoSchoolStandard);
        }
        Ok(())
    }
}

fn check_positive(indicator: &str, key: &str, value: f64) -> Result<f64, Error> {
    if value.is_finite() && value > 0.0 {
        Ok(value)
    } else {
        Err(Error::NotPositive {
            indicator: indicator.to_string(),
            key: key.to_string(),
            value,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStandard {
    id: String,
    name_zh: String,
    name_en: String,
    #[serde(default)]
    source: String,
    county_rule: RawCountyRule,
    #[serde(default)]
    school_rule: Option<RawSchoolRule>,
    #[serde(default)]
    size_limits: Option<RawSizeLimits>,
    indicators: Vec<RawIndicator>,
    #[serde(default)]
    items: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountyRule {
    kind: String,
    #[serde(default)]
    composite_cv_max: Option<RawByLevel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchoolRule {
    max_unreached: usize,
    floor_ratio: f64,
    #[serde(default = "yes")]
    all_schools_must_pass: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSizeLimits {
    school_students: RawSchoolSize,
    class_size: RawByLevel,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchoolSize {
    primary: f64,
    junior: f64,
    spanning: f64,
}

#[derive(Deserialize, Clone, Copy, Default)]
#[serde(deny_unknown_fields)]
struct RawByLevel {
    #[serde(default)]
    primary: Option<f64>,
    #[serde(default)]
    junior: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    id: String,
    name_zh: String,
    name_en: String,
    numerator: String,
    denominator: String,
    factor: f64,
    unit_zh: String,
    unit_en: String,
    #[serde(default)]
    standard: RawByLevel,
    #[serde(default)]
    cv_max: RawByLevel,
}

impl RawStandard {
    fn validate(self) -> Result<Standard, Error> {
        if self.indicators.is_empty() {
            return Err(Error::NoIndicators);
        }
        let county_rule = match self.county_rule.kind.as_str() {
            "composite" => {
                let key = "county_rule".to_string();
                let Some(raw) = self.county_rule.composite_cv_max else {
                    return Err(Error::Missing {
                        indicator: key,
                        key: "composite_cv_max".into(),
                    });
                };
                let get = |v: Option<f64>, level: &str| {
                    let v = v.ok_or_else(|| Error::Missing {
                        indicator: key.clone(),
                        key: format!("composite_cv_max.{level}"),
                    })?;
                    check_positive(&key, "composite_cv_max", v)
                };
                CountyRule::Composite {
                    max: ByLevel {
                        primary: get(raw.primary, "primary")?,
                        junior: get(raw.junior, "junior")?,
                    },
                }
            }
            "every_cv" => CountyRule::EveryCv,
            other => {
                return Err(Error::UnknownRule {
                    kind: other.to_string(),
                })
            }
        };
        let school_rule = match self.school_rule {
            None => None,
            Some(r) => {
                if !(0.0..=1.0).contains(&r.floor_ratio) {
                    return Err(Error::BadFloorRatio {
                        value: r.floor_ratio,
                    });
                }
                Some(SchoolRule {
                    max_unreached: r.max_unreached,
                    floor_ratio: r.floor_ratio,
                    all_schools_must_pass: r.all_schools_must_pass,
                })
            }
        };
        let items = if self.items.is_empty() {
            Vec::new()
        } else {
            validate_items(self.items)?
        };
        if !items.is_empty() && self.size_limits.is_some() {
            return Err(Error::SizeLimitsTwice);
        }
        let size_limits = match self.size_limits {
            None => size_limits_of(&items),
            Some(s) => {
                let key = "size_limits";
                let class = |v: Option<f64>, level: &str| {
                    let v = v.ok_or_else(|| Error::Missing {
                        indicator: key.into(),
                        key: format!("class_size.{level}"),
                    })?;
                    check_positive(key, "class_size", v)
                };
                Some(SizeLimits {
                    school_students: ByLevel {
                        primary: check_positive(key, "school_students", s.school_students.primary)?,
                        junior: check_positive(key, "school_students", s.school_students.junior)?,
                    },
                    spanning_students: check_positive(
                        key,
                        "school_students",
                        s.school_students.spanning,
                    )?,
                    class_size: ByLevel {
                        primary: class(s.class_size.primary, "primary")?,
                        junior: class(s.class_size.junior, "junior")?,
                    },
                })
            }
        };
        let mut indicators: Vec<Indicator> = Vec::with_capacity(self.indicators.len());
        for raw in self.indicators {
            if indicators.iter().any(|i| i.id == raw.id) {
                return Err(Error::DuplicateIndicator { id: raw.id });
            }
            let Some(numerator) = Field::from_id(&raw.numerator) else {
                return Err(Error::UnknownField {
                    indicator: raw.id,
                    field: raw.numerator,
                });
            };
            let is_pupils = matches!(
                numerator,
                Field::Students
                    | Field::StudentsPrimary
                    | Field::StudentsJunior
                    | Field::StudentsSenior
            );
            if numerator.unit() == Unit::Text || is_pupils {
                return Err(Error::NotAResource {
                    indicator: raw.id,
                    field: raw.numerator,
                });
            }
            if raw.denominator != "students" {
                return Err(Error::BadDenominator {
                    indicator: raw.id,
                    denominator: raw.denominator,
                });
            }
            if raw.factor != 1.0 && raw.factor != 100.0 {
                return Err(Error::BadFactor {
                    indicator: raw.id,
                    factor: raw.factor,
                });
            }
            indicators.push(Indicator {
                id: raw.id,
                name_zh: raw.name_zh,
                name_en: raw.name_en,
                numerator,
                factor: raw.factor,
                unit_zh: raw.unit_zh,
                unit_en: raw.unit_en,
                standard: ByLevel {
                    primary: raw.standard.primary,
                    junior: raw.standard.junior,
                },
                cv_max: ByLevel {
                    primary: raw.cv_max.primary,
                    junior: raw.cv_max.junior,
                },
            });
        }
        let standard = Standard {
            id: self.id,
            name_zh: self.name_zh,
            name_en: self.name_en,
            source: self.source,
            county_rule,
            school_rule,
            size_limits,
            indicators,
            items,
        };
        standard.revalidate()?;
        Ok(standard)
    }
}
