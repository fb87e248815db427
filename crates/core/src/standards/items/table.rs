//! The items of the 2017 evaluation beyond resources, as data (docs/domain.md §2.2): the 15
//! government-guarantee items G1–G15, the 9 quality items Q1–Q9, public recognition S1 and the
//! six conditions V1–V6 under which a county is not recognised. They sit in the standard's JSON
//! beside the resource indicators (`items`), each with its part, its kind, its name in both
//! languages, its source, and its values: the thresholds it is judged against (by level where
//! they differ), with their unit and whether they were seen only in local rules (`unsure`).
//!
//! The ids, parts and the values the engine computes with are fixed by the national text; a
//! province changes thresholds (a whole JSON, or the CSV of `Standard::with_values_csv`).

use serde::{Deserialize, Serialize};

use super::super::by_level::{ByLevel, SizeLimits};
use super::super::error::{Error, ItemProblem};
use super::super::input::Level;

/// The items in the official order: G1–G15, Q1–Q9, S1, V1–V6.
pub const ITEM_IDS: [&str; 31] = [
    "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "G13", "G14", "G15",
    "Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8", "Q9", "S1", "V1", "V2", "V3", "V4", "V5", "V6",
];

/// A value an item is computed with: key, op, whether per level.
type Needed = (&'static str, Op, bool);

/// The items a school table can settle, and the values each computes with (docs/domain.md
/// §2.2, "Items a per-school table can settle").
const COMPUTED: [(&str, &[Needed]); 6] = [
    (
        "G3",
        &[
            ("rooms", Op::AtLeast, false),
            ("music_room_area", Op::AtLeast, false),
            ("art_room_area", Op::AtLeast, false),
        ],
    ),
    (
        "G4",
        &[
            ("school_size", Op::AtMost, true),
            ("spanning_school_size", Op::AtMost, false),
        ],
    ),
    ("G5", &[("class_size", Op::AtMost, true)]),
    (
        "G6",
        &[
            ("funded_pupils", Op::AtLeast, false),
            ("benchmark", Op::Input, true),
        ],
    ),
    ("G12", &[("certified_rate", Op::AtLeast, false)]),
    ("Q4", &[("training_share", Op::AtLeast, false)]),
];

/// Whether the item is computed from the school table when its columns exist.
pub fn is_computed(id: &str) -> bool {
    COMPUTED.iter().any(|(i, _)| *i == id)
}

/// The four parts of the evaluation beyond resources, and the conditions of non-recognition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// 政府保障程度 (G1–G15): every item must be met.
    Government,
    /// 教育质量 (Q1–Q9): every item must be met.
    Quality,
    /// 社会认可度 (S1).
    Recognition,
    /// 不予认定 (V1–V6): any one declared means the county is not recognised.
    Veto,
}

impl Part {
    /// Stable id: `government`, `quality`, `recognition`, `veto`.
    pub fn id(self) -> &'static str {
        match self {
            Part::Government => "government",
            Part::Quality => "quality",
            Part::Recognition => "recognition",
            Part::Veto => "veto",
        }
    }

    /// The part of an item id, by its letter.
    pub fn of_id(id: &str) -> Option<Part> {
        match id.chars().next()? {
            'G' => Some(Part::Government),
            'Q' => Some(Part::Quality),
            'S' => Some(Part::Recognition),
            'V' => Some(Part::Veto),
            _ => None,
        }
    }

    /// Name as the 办法 says it.
    pub fn name_zh(self) -> &'static str {
        match self {
            Part::Government => "政府保障程度",
            Part::Quality => "教育质量",
            Part::Recognition => "社会认可度",
            Part::Veto => "不予认定情形",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Part::Government => "Government guarantee",
            Part::Quality => "Quality of education",
            Part::Recognition => "Public recognition",
            Part::Veto => "Conditions of non-recognition",
        }
    }
}

/// What an item needs (docs/domain.md §2.2, column "kind").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// A number per school, computed from the school table.
    PerSchool,
    /// A number (or several) for the county, entered by the county.
    County,
    /// A yes/no judgement backed by evidence, entered by the county.
    Judgement,
}

impl ItemKind {
    /// Stable id: `per_school`, `county`, `judgement`.
    pub fn id(self) -> &'static str {
        match self {
            ItemKind::PerSchool => "per_school",
            ItemKind::County => "county",
            ItemKind::Judgement => "judgement",
        }
    }

    fn from_id(id: &str) -> Option<ItemKind> {
        [ItemKind::PerSchool, ItemKind::County, ItemKind::Judgement]
            .into_iter()
            .find(|k| k.id() == id)
    }
}

/// How a value meets its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// value ≥ threshold (达到…以上, 不低于): equality meets it (docs/domain.md §2.2).
    AtLeast,
    /// value ≤ threshold (不超过).
    AtMost,
    /// value < threshold (低于): equality does not meet it.
    Below,
    /// A yes/no that must be yes (向农村初中倾斜, 留守儿童关爱体系健全).
    Yes,
    /// A figure the engine computes with, not judged itself (G6's per-pupil benchmark).
    Input,
}

impl Op {
    /// Stable id: `at_least`, `at_most`, `below`, `yes`, `input`.
    pub fn id(self) -> &'static str {
        match self {
            Op::AtLeast => "at_least",
            Op::AtMost => "at_most",
            Op::Below => "below",
            Op::Yes => "yes",
            Op::Input => "input",
        }
    }

    fn from_id(id: &str) -> Option<Op> {
        [Op::AtLeast, Op::AtMost, Op::Below, Op::Yes, Op::Input]
            .into_iter()
            .find(|o| o.id() == id)
    }

    /// Whether the op compares a number with a threshold.
    pub fn compares(self) -> bool {
        matches!(self, Op::AtLeast | Op::AtMost | Op::Below)
    }
}

/// The unit of an item's value and threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueUnit {
    /// A rate stored as a fraction (0.95), shown as 95 %.
    Percent,
    /// 元 per pupil.
    YuanPerPupil,
    /// Pupils (school size, class size, funded pupils).
    Pupils,
    /// Square metres (area of a room).
    SquareMetres,
    /// Rooms per 12 classes.
    RoomsPer12Classes,
    /// A plain number (the between-school difference rate of Q9).
    Number,
    /// No number: a yes/no.
    YesNo,
}

impl ValueUnit {
    /// Stable id: `percent`, `yuan_per_pupil`, `pupils`, `m2`, `rooms_per_12_classes`,
    /// `number`, `yes_no`.
    pub fn id(self) -> &'static str {
        match self {
            ValueUnit::Percent => "percent",
            ValueUnit::YuanPerPupil => "yuan_per_pupil",
            ValueUnit::Pupils => "pupils",
            ValueUnit::SquareMetres => "m2",
            ValueUnit::RoomsPer12Classes => "rooms_per_12_classes",
            ValueUnit::Number => "number",
            ValueUnit::YesNo => "yes_no",
        }
    }

    fn from_id(id: &str) -> Option<ValueUnit> {
        [
            ValueUnit::Percent,
            ValueUnit::YuanPerPupil,
            ValueUnit::Pupils,
            ValueUnit::SquareMetres,
            ValueUnit::RoomsPer12Classes,
            ValueUnit::Number,
            ValueUnit::YesNo,
        ]
        .into_iter()
        .find(|u| u.id() == id)
    }
}

/// One value of an item: a threshold to meet, a yes/no to answer, or an input.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemValue {
    /// Stable key within the item (`nearby_rate`, `class_size`).
    pub key: String,
    /// Name, Chinese (就近划片入学比例).
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// How it is judged.
    pub op: Op,
    /// Its unit.
    pub unit: ValueUnit,
    /// The threshold per level (the same twice when it does not differ); `None` for `yes` and
    /// `input`.
    pub threshold: Option<ByLevel<f64>>,
    /// One value per level (小学, 初中): a threshold that differs by level, or an input per level.
    pub per_level: bool,
    /// Seen only in local rules (docs/domain.md §2.2 \[U\]): a default to confirm.
    pub unsure: bool,
    /// Whether the county can enter it in its sheet (every value of a county or judgement
    /// item; of a per-school item, only its inputs and what it accepts as a county figure).
    pub entered: bool,
    /// Words that pick this value out of the item's rows in the county sheet.
    pub words: Vec<String>,
    /// Words that rule this value out even when one of `words` is there.
    pub unless: Vec<String>,
}

impl ItemValue {
    /// The threshold of a level (`None` when the value has none).
    pub fn threshold_for(&self, level: Level) -> Option<f64> {
        self.threshold.map(|t| t.get(level))
    }

    /// The levels this value has: both when per level, else one entry without level.
    pub fn levels(&self) -> Vec<Option<Level>> {
        if self.per_level {
            Level::ALL.iter().map(|l| Some(*l)).collect()
        } else {
            vec![None]
        }
    }
}

/// One item of the 2017 evaluation beyond resources.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// G1…G15, Q1…Q9, S1, V1…V6.
    pub id: String,
    /// Its part.
    pub part: Part,
    /// What it needs.
    pub kind: ItemKind,
    /// Name, Chinese, as the 办法 words it.
    pub name_zh: String,
    /// Name, English.
    pub name_en: String,
    /// Where the item and its thresholds come from.
    pub source: String,
    /// The item's wording or a threshold was seen only in local rules (\[U\]).
    pub unsure: bool,
    /// Its values, in order (empty for a pure judgement or a condition of non-recognition).
    pub values: Vec<ItemValue>,
}

impl Item {
    /// The value with this key.
    pub fn value(&self, key: &str) -> Option<&ItemValue> {
        self.values.iter().find(|v| v.key == key)
    }

    /// Whether the engine computes it from the school table.
    pub fn is_computed(&self) -> bool {
        is_computed(&self.id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::standards) struct RawItem {
    id: String,
    part: String,
    kind: String,
    name_zh: String,
    name_en: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    unsure: bool,
    #[serde(default)]
    values: Vec<RawValue>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawValue {
    key: String,
    name_zh: String,
    name_en: String,
    op: String,
    unit: String,
    #[serde(default)]
    threshold: Option<RawThreshold>,
    #[serde(default)]
    per_level: Option<bool>,
    #[serde(default)]
    unsure: bool,
    #[serde(default)]
    entered: Option<bool>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    unless: Vec<String>,
}

/// A threshold: one number, or one per level.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawThreshold {
    Same(f64),
    ByLevel { primary: f64, junior: f64 },
}

/// Validates the `items` of a standard file: every national id once, each in its part, the
/// computed items with the values the engine computes with. Returned in the official order.
pub(in crate::standards) fn validate_items(raw: Vec<RawItem>) -> Result<Vec<Item>, Error> {
    let mut items: Vec<Item> = Vec::with_capacity(raw.len());
    for r in raw {
        if !ITEM_IDS.contains(&r.id.as_str()) {
            return Err(Error::UnknownItem { id: r.id });
        }
        if items.iter().any(|i| i.id == r.id) {
            return Err(Error::DuplicateItem { id: r.id });
        }
        items.push(validate_item(r)?);
    }
    let missing: Vec<String> = ITEM_IDS
        .iter()
        .filter(|id| !items.iter().any(|i| i.id == **id))
        .map(|id| id.to_string())
        .collect();
    if !missing.is_empty() {
        return Err(Error::MissingItems { ids: missing });
    }
    items.sort_by_key(|i| ITEM_IDS.iter().position(|id| *id == i.id));
    Ok(items)
}

fn validate_item(r: RawItem) -> Result<Item, Error> {
    let bad = |problem: ItemProblem| Error::BadItem {
        id: r.id.clone(),
        problem,
    };
    let part = Part::of_id(&r.id).expect("a national id");
    if r.part != part.id() {
        return Err(bad(ItemProblem::WrongPart {
            given: r.part.clone(),
            expected: part.id(),
        }));
    }
    let kind = ItemKind::from_id(&r.kind).ok_or_else(|| {
        bad(ItemProblem::UnknownKind {
            given: r.kind.clone(),
        })
    })?;
    let computed = is_computed(&r.id);
    if computed != (kind == ItemKind::PerSchool) {
        return Err(bad(ItemProblem::WrongKind {
            given: r.kind.clone(),
            expected: if computed {
                "per_school"
            } else {
                "county, judgement"
            },
        }));
    }
    if part == Part::Veto && (kind != ItemKind::Judgement || !r.values.is_empty()) {
        return Err(bad(ItemProblem::VetoIsYesNo));
    }
    let mut values: Vec<ItemValue> = Vec::with_capacity(r.values.len());
    for v in r.values {
        if values.iter().any(|w| w.key == v.key) {
            return Err(bad(ItemProblem::DuplicateKey { key: v.key }));
        }
        let value = validate_value(v, kind).map_err(bad)?;
        values.push(value);
    }
    if let Some((_, needed)) = COMPUTED.iter().find(|(id, _)| *id == r.id) {
        for (key, op, per_level) in needed.iter() {
            match values.iter().find(|v| v.key == *key) {
                None => {
                    return Err(bad(ItemProblem::MissingValue {
                        key: key.to_string(),
                    }))
                }
                Some(v) if v.op != *op || v.per_level != *per_level => {
                    return Err(bad(ItemProblem::WrongOp {
                        key: key.to_string(),
                        expected: op.id(),
                        per_level: *per_level,
                    }))
                }
                Some(_) => {}
            }
        }
    }
    let unsure = r.unsure || values.iter().any(|v| v.unsure);
    Ok(Item {
        id: r.id,
        part,
        kind,
        name_zh: r.name_zh,
        name_en: r.name_en,
        source: r.source,
        unsure,
        values,
    })
}

fn validate_value(v: RawValue, kind: ItemKind) -> Result<ItemValue, ItemProblem> {
    let op = Op::from_id(&v.op).ok_or_else(|| ItemProblem::UnknownOp {
        key: v.key.clone(),
        given: v.op.clone(),
    })?;
    let unit = ValueUnit::from_id(&v.unit).ok_or_else(|| ItemProblem::UnknownUnit {
        key: v.key.clone(),
        given: v.unit.clone(),
    })?;
    if (op == Op::Yes) != (unit == ValueUnit::YesNo) {
        return Err(ItemProblem::UnknownUnit {
            key: v.key,
            given: v.unit,
        });
    }
    let threshold = match (op.compares(), v.threshold) {
        (true, None) => return Err(ItemProblem::NeedsThreshold { key: v.key }),
        (false, Some(_)) => return Err(ItemProblem::NoThreshold { key: v.key }),
        (false, None) => None,
        (true, Some(RawThreshold::Same(t))) => Some(ByLevel {
            primary: t,
            junior: t,
        }),
        (true, Some(RawThreshold::ByLevel { primary, junior })) => {
            Some(ByLevel { primary, junior })
        }
    };
    let per_level = v
        .per_level
        .unwrap_or(threshold.is_some_and(|t| t.primary != t.junior));
    if let Some(t) = threshold {
        check_threshold(&v.key, unit, t.primary)?;
        check_threshold(&v.key, unit, t.junior)?;
        if !per_level && t.primary != t.junior {
            return Err(ItemProblem::DiffersByLevel { key: v.key });
        }
    }
    Ok(ItemValue {
        key: v.key,
        name_zh: v.name_zh,
        name_en: v.name_en,
        op,
        unit,
        threshold,
        per_level,
        unsure: v.unsure,
        entered: v.entered.unwrap_or(kind != ItemKind::PerSchool),
        words: v.words,
        unless: v.unless,
    })
}

/// A threshold must be a positive finite number; a rate lies in (0, 1] (95 % is 0.95).
pub(in crate::standards) fn check_threshold(
    key: &str,
    unit: ValueUnit,
    value: f64,
) -> Result<(), ItemProblem> {
    if !(value.is_finite() && value > 0.0) {
        return Err(ItemProblem::BadThreshold {
            key: key.to_string(),
            value,
        });
    }
    if unit == ValueUnit::Percent && value > 1.0 {
        return Err(ItemProblem::PercentAboveOne {
            key: key.to_string(),
            value,
        });
    }
    Ok(())
}

/// Whether a CSV row's `indicator` names an item (`G5`, `G11.rotation_rate`).
pub(in crate::standards) fn is_item_row(name: &str) -> bool {
    let id = name.split_once('.').map_or(name, |(id, _)| id);
    ITEM_IDS.contains(&id)
}

/// The size limits of G4 (school size) and G5 (class size), when the standard has items.
pub(in crate::standards) fn size_limits_of(items: &[Item]) -> Option<SizeLimits> {
    let value = |id: &str, key: &str| {
        items
            .iter()
            .find(|i| i.id == id)
            .and_then(|i| i.value(key))
            .and_then(|v| v.threshold)
    };
    let school = value("G4", "school_size")?;
    let spanning = value("G4", "spanning_school_size")?;
    let class = value("G5", "class_size")?;
    Some(SizeLimits {
        school_students: school,
        spanning_students: spanning.primary,
        class_size: class,
    })
}
