//! Header text → canonical [`Field`] (DOMAIN.md §5.2), units in headers, and the normalised
//! values of the category columns (学段 → [`SchoolKind`], 城乡分类 → [`UrbanRural`]).
//!
//! Headers are matched after folding full-width characters, removing spaces, line breaks,
//! punctuation and bracketed parts; a bracketed unit (`（万元）`) gives the scale to the field's
//! base unit ([`Field::unit`]). "差异系数" in a header is a computed statistic (or, in Chinese
//! papers, the entropy-weight g = 1 − e), never a data field (TOOLCHAIN.md).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::number::{fold_width, parse_quantity, Number};
use super::table::{CellText, Table};
use crate::error::Issue;
use crate::fields::{Field, Unit};

/// Header synonyms, compared after [`header_key`] normalisation of both sides.
const SYNONYMS: &[(Field, &[&str])] = &[
    (
        Field::SchoolName,
        &[
            "学校名称",
            "校名",
            "学校",
            "单位名称",
            "学校全称",
            "学校机构名称",
            "名称",
            "schoolname",
            "school",
            "name",
        ],
    ),
    (
        Field::SchoolCode,
        &[
            "学校标识码",
            "学校代码",
            "标识码",
            "学校识别码",
            "机构代码",
            "学校编码",
            "schoolcode",
            "code",
            "schoolid",
        ],
    ),
    (
        Field::Level,
        &[
            "学段",
            "学校类型",
            "办学类型",
            "学校类别",
            "类别",
            "类型",
            "level",
            "schooltype",
            "type",
            "stage",
        ],
    ),
    (
        Field::UrbanRural,
        &[
            "城乡分类",
            "城乡类型",
            "驻地城乡类型",
            "城乡属性",
            "所在地",
            "城乡",
            "城乡分类代码",
            "urbanrural",
            "urban",
            "location",
        ],
    ),
    (
        Field::Township,
        &[
            "乡镇",
            "所属乡镇",
            "乡镇街道",
            "学区",
            "township",
            "town",
            "district",
        ],
    ),
    (
        Field::Operator,
        &[
            "举办者",
            "办别",
            "办学性质",
            "公办民办",
            "举办者类型",
            "operator",
            "ownership",
        ],
    ),
    (
        Field::Students,
        &[
            "在校生数",
            "在校学生数",
            "学生数",
            "学生总数",
            "学生人数",
            "在籍学生数",
            "在校生",
            "在校学生",
            "学生数合计",
            "在校生数合计",
            "students",
            "enrollment",
            "enrolment",
            "pupils",
            "studentcount",
        ],
    ),
    (
        Field::StudentsPrimary,
        &[
            "小学学生数",
            "小学部学生数",
            "小学在校生数",
            "小学生数",
            "primarystudents",
        ],
    ),
    (
        Field::StudentsJunior,
        &[
            "初中学生数",
            "初中部学生数",
            "初中在校生数",
            "juniorstudents",
        ],
    ),
    (
        Field::StudentsSenior,
        &[
            "高中学生数",
            "高中部学生数",
            "高中在校生数",
            "seniorstudents",
        ],
    ),
    (
        Field::Classes,
        &["班级数", "教学班数", "班数", "班级", "classes"],
    ),
    (
        Field::MaxClassSize,
        &["最大班额", "班额", "maxclasssize", "largestclass"],
    ),
    (
        Field::Teachers,
        &[
            "专任教师数",
            "专任教师",
            "教师数",
            "专任教师合计",
            "专任教师总数",
            "teachers",
            "fulltimeteachers",
        ],
    ),
    (Field::Staff, &["教职工数", "教职工", "教职工总数", "staff"]),
    (
        Field::TeachersAboveQual,
        &[
            "高于规定学历教师数",
            "高于规定学历专任教师数",
            "高于规定学历",
            "本科及以上学历教师数",
            "专科及以上学历教师数",
            "大专及以上学历教师数",
            "高于规定学历教师",
            "teachersabovequal",
        ],
    ),
    (
        Field::TeachersBackbone,
        &[
            "县级及以上骨干教师数",
            "县级以上骨干教师数",
            "骨干教师数",
            "区级及以上骨干教师数",
            "县级及以上骨干",
            "骨干教师",
            "teachersbackbone",
            "backboneteachers",
        ],
    ),
    (
        Field::TeachersPeArts,
        &[
            "体育艺术美术音乐专任教师数",
            "体育艺术专任教师数",
            "体艺教师数",
            "音体美教师数",
            "体育艺术教师数",
            "体育艺术",
            "音体美",
            "teacherspearts",
            "peartsteachers",
        ],
    ),
    (
        Field::TeachersMidTitle,
        &[
            "中级及以上专业技术职务教师数",
            "中级及以上职称教师数",
            "中高级职称教师数",
            "中级及以上职称",
            "中级及以上专业技术职务",
            "teachersmidtitle",
        ],
    ),
    (
        Field::TeachingArea,
        &[
            "教学及辅助用房面积",
            "教学及辅助用房",
            "教辅用房面积",
            "teachingarea",
        ],
    ),
    (
        Field::GymArea,
        &["体育馆面积", "室内体育用房面积", "室内体育用房", "gymarea"],
    ),
    (
        Field::SportsArea,
        &[
            "体育运动场馆面积",
            "体育运动场面积",
            "运动场地面积",
            "体育场馆面积",
            "运动场面积",
            "体育运动场馆",
            "运动场馆",
            "sportsarea",
        ],
    ),
    (
        Field::EquipmentValue,
        &[
            "教学仪器设备值",
            "教学仪器设备资产值",
            "仪器设备值",
            "教学仪器设备总值",
            "教学仪器设备",
            "equipmentvalue",
            "equipment",
        ],
    ),
    (
        Field::Computers,
        &[
            "计算机台数",
            "教学用计算机台数",
            "计算机数",
            "学生用计算机",
            "教学用计算机",
            "计算机",
            "computers",
        ],
    ),
    (
        Field::MultimediaRooms,
        &[
            "网络多媒体教室数",
            "网络多媒体教室",
            "多媒体教室数",
            "多媒体教室",
            "multimediarooms",
        ],
    ),
    (
        Field::Books,
        &[
            "图书册数",
            "图书",
            "藏书量",
            "图书总册数",
            "图书数",
            "books",
            "volumes",
        ],
    ),
    (
        Field::BuildingArea,
        &["校舍建筑面积", "校舍面积", "buildingarea"],
    ),
    (Field::SiteArea, &["占地面积", "学校占地面积", "sitearea"]),
    (
        Field::MusicRooms,
        &["音乐专用教室", "音乐专用教室数", "音乐教室", "musicrooms"],
    ),
    (
        Field::ArtRooms,
        &["美术专用教室", "美术专用教室数", "美术教室", "artrooms"],
    ),
    (
        Field::PublicFunds,
        &["公用经费", "公用经费支出", "publicfunds"],
    ),
];

/// Prefixes of derived (per-student) columns: values, not counts (DOMAIN.md §3.3).
const DERIVED_PREFIXES: &[&str] = &[
    "生均",
    "每百名",
    "每百生",
    "每百人",
    "每百个",
    "百名学生",
    "师生比",
    "生师比",
    "per",
];

/// Words marking a computed statistic or a verdict, never a data field.
const NOT_DATA: &[&str] = &[
    "差异系数",
    "标准差",
    "是否达标",
    "达标值",
    "基本值",
    "实际值",
    "序号",
    "备注",
    "平均值",
];

/// Child headers that mean "the parent's total" (`专任教师 / 合计`).
const TOTAL_CHILDREN: &[&str] = &[
    "合计", "小计", "总计", "计", "总数", "数量", "总量", "total",
];

/// Units recognised in headers: text, kind, scale to the base unit. Longest first.
const HEADER_UNITS: &[(&str, Unit, f64)] = &[
    ("万平方米", Unit::SquareMetres, 10_000.0),
    ("平方米", Unit::SquareMetres, 1.0),
    ("平方", Unit::SquareMetres, 1.0),
    ("平米", Unit::SquareMetres, 1.0),
    ("m²", Unit::SquareMetres, 1.0),
    ("m2", Unit::SquareMetres, 1.0),
    ("㎡", Unit::SquareMetres, 1.0),
    ("亿元", Unit::Yuan, 100_000_000.0),
    ("万元", Unit::Yuan, 10_000.0),
    ("千元", Unit::Yuan, 1_000.0),
    ("元", Unit::Yuan, 1.0),
    ("yuan", Unit::Yuan, 1.0),
    ("万册", Unit::Count, 10_000.0),
    ("册", Unit::Count, 1.0),
    ("万人", Unit::Persons, 10_000.0),
    ("人", Unit::Persons, 1.0),
    ("名", Unit::Persons, 1.0),
    ("台", Unit::Count, 1.0),
    ("间", Unit::Count, 1.0),
    ("个", Unit::Count, 1.0),
    ("所", Unit::Count, 1.0),
    ("套", Unit::Count, 1.0),
    ("班", Unit::Count, 1.0),
];

/// A unit found in a header.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderUnit {
    /// The unit as written (`万元`).
    pub text: String,
    /// The kind of quantity it measures.
    pub kind: Unit,
    /// Factor to the base unit (`万元` → 10 000).
    pub scale: f64,
}

/// What a header says about its column.
#[derive(Clone, Debug, PartialEq)]
pub struct HeaderMatch {
    /// The canonical field, if the header is a known synonym.
    pub field: Option<Field>,
    /// A derived value (生均…, 每百名…, 师生比): not to be read as a count.
    pub derived: bool,
    /// A unit in the header, if any.
    pub unit: Option<HeaderUnit>,
}

/// Normalises a header for matching: full-width folded, lower-case, bracketed parts, spaces,
/// line breaks and punctuation removed. Returns the key and the bracketed parts.
pub fn header_key(header: &str) -> (String, Vec<String>) {
    let folded = fold_width(header).to_lowercase();
    let mut key = String::new();
    let mut brackets = Vec::new();
    let mut depth = 0usize;
    let mut inside = String::new();
    for c in folded.chars() {
        match c {
            '(' | '[' | '【' | '〔' | '〖' | '<' | '《' => {
                depth += 1;
                if depth == 1 {
                    inside.clear();
                }
            }
            ')' | ']' | '】' | '〕' | '〗' | '>' | '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    brackets.push(strip_punct(&inside));
                }
            }
            _ if depth > 0 => inside.push(c),
            _ => key.push(c),
        }
    }
    // 单位：万元 written inside the header without brackets.
    if let Some(idx) = key.find("单位:") {
        brackets.push(strip_punct(&key[idx + "单位:".len()..]));
        key.truncate(idx);
    }
    (strip_punct(&key), brackets)
}

fn strip_punct(text: &str) -> String {
    text.chars()
        .filter(|c| {
            !(c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(
                    c,
                    '、' | '，'
                        | '。'
                        | '：'
                        | '；'
                        | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '·'
                        | '—'
                        | '…'
                        | '\u{00A0}'
                ))
        })
        .collect()
}

fn unit_of(text: &str) -> Option<HeaderUnit> {
    let text = text.strip_prefix("单位").unwrap_or(text);
    HEADER_UNITS
        .iter()
        .find(|(u, _, _)| text == *u)
        .map(|(u, kind, scale)| HeaderUnit {
            text: (*u).to_string(),
            kind: *kind,
            scale: *scale,
        })
}

/// The synonyms, normalised once.
fn synonym_keys() -> &'static [(String, Field)] {
    static KEYS: OnceLock<Vec<(String, Field)>> = OnceLock::new();
    KEYS.get_or_init(|| {
        SYNONYMS
            .iter()
            .flat_map(|(field, names)| names.iter().map(move |n| (header_key(n).0, *field)))
            .collect()
    })
}

fn lookup(key: &str) -> Option<Field> {
    if key.is_empty() {
        return None;
    }
    synonym_keys()
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, field)| *field)
}

fn is_derived(key: &str) -> bool {
    DERIVED_PREFIXES.iter().any(|p| key.starts_with(p))
}

fn is_not_data(key: &str) -> bool {
    NOT_DATA.iter().any(|w| key.contains(w))
}

/// Matches one part of a header: key, unit, derived flag.
fn match_part(part: &str) -> (String, Option<HeaderUnit>, Option<Field>) {
    let (key, brackets) = header_key(part);
    let mut unit = brackets.iter().find_map(|b| unit_of(b));
    let mut field = lookup(&key);
    if field.is_none() && unit.is_none() {
        // A unit written without brackets at the end: 教学仪器设备值万元.
        for (u, _, _) in HEADER_UNITS {
            if let Some(rest) = key.strip_suffix(u) {
                if let Some(f) = lookup(rest) {
                    field = Some(f);
                    unit = unit_of(u);
                    break;
                }
            }
        }
    }
    (key, unit, field)
}

/// Matches a header, possibly joined from two rows as `parent/child`.
pub fn match_header(header: &str) -> HeaderMatch {
    let (whole_key, whole_unit, whole_field) = match_part(header);
    let (parent, child) = match header.rsplit_once('/') {
        Some((p, c)) if !p.trim().is_empty() && !c.trim().is_empty() => (p, Some(c)),
        _ => (header, None),
    };
    let (parent_key, parent_unit, parent_field) = match_part(parent);
    let (child_key, child_unit, child_field) = match child {
        Some(c) => match_part(c),
        None => (String::new(), None, None),
    };
    let derived = is_derived(&whole_key) || is_derived(&parent_key) || is_derived(&child_key);
    let not_data = is_not_data(&whole_key) || is_not_data(&child_key);
    let unit = child_unit.or(parent_unit).or(whole_unit);
    if derived || not_data {
        return HeaderMatch {
            field: None,
            derived,
            unit,
        };
    }
    let child_is_total = TOTAL_CHILDREN.contains(&child_key.as_str());
    let field = whole_field
        .or(child_field)
        .or(if child.is_none() || child_is_total {
            parent_field
        } else {
            None
        })
        .or_else(|| lookup(&format!("{parent_key}{child_key}")));
    HeaderMatch {
        field,
        derived,
        unit,
    }
}

/// Kind of school or section, from a 学段 / 办学类型 value (DOMAIN.md §5.2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SchoolKind {
    /// 小学.
    Primary,
    /// 初中, 初级中学.
    Junior,
    /// 九年一贯制学校: primary and junior sections.
    NineYear,
    /// 十二年一贯制学校: primary, junior and senior sections.
    TwelveYear,
    /// 完全中学: junior and senior sections.
    CompleteSecondary,
    /// 教学点, 小学教学点.
    TeachingPoint,
    /// 小学部 of a school spanning levels, on its own row.
    PrimarySection,
    /// 初中部 of a school spanning levels, on its own row.
    JuniorSection,
    /// 高中, 高级中学 (outside compulsory education).
    Senior,
}

impl SchoolKind {
    /// Reads a level value: Chinese names and their short forms, English names, and the
    /// statistics codes of 办学类型 (211 小学, 218 教学点, 311 初级中学, 312 九年一贯制,
    /// 341 完全中学, 342 高级中学, 345 十二年一贯制; codes [U], from the MoE statistics forms).
    pub fn parse(text: &str) -> Option<SchoolKind> {
        use SchoolKind::*;
        let key = strip_punct(&fold_width(text).to_lowercase());
        let key = key.strip_suffix("学校").unwrap_or(&key);
        let kind = match key {
            "小学" | "完全小学" | "中心小学" | "小学校" | "primary" | "primaryschool" | "211" => {
                Primary
            }
            "初中" | "初级中学" | "独立初中" | "junior" | "juniorsecondary" | "middleschool"
            | "juniorhigh" | "311" => Junior,
            "九年一贯制" | "九年制" | "九年一贯" | "nineyear" | "312" => NineYear,
            "十二年一贯制" | "十二年制" | "twelveyear" | "345" => TwelveYear,
            "完全中学" | "完中" | "completesecondary" | "341" => CompleteSecondary,
            "教学点" | "小学教学点" | "teachingpoint" | "218" => TeachingPoint,
            "小学部" => PrimarySection,
            "初中部" => JuniorSection,
            "高中" | "高级中学" | "高中部" | "senior" | "seniorhigh" | "342" => Senior,
            _ => return None,
        };
        Some(kind)
    }

    /// Chinese name as in the national form.
    pub fn name_zh(self) -> &'static str {
        match self {
            SchoolKind::Primary => "小学",
            SchoolKind::Junior => "初中",
            SchoolKind::NineYear => "九年一贯制学校",
            SchoolKind::TwelveYear => "十二年一贯制学校",
            SchoolKind::CompleteSecondary => "完全中学",
            SchoolKind::TeachingPoint => "教学点",
            SchoolKind::PrimarySection => "小学部",
            SchoolKind::JuniorSection => "初中部",
            SchoolKind::Senior => "高中",
        }
    }
}

/// Urban–rural class (DOMAIN.md §5.1), from the NBS code or a name, old or new.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UrbanRural {
    /// 城区: 主城区 111, 城乡结合区 112; old 城市 (1).
    Urban,
    /// 镇区: 镇中心区 121, 镇乡结合区 122, 特殊区域 123; old 县镇 (2).
    Town,
    /// 乡村: 乡中心区 210, 村庄 220; old 农村 (3).
    Rural,
}

impl UrbanRural {
    /// Reads a 城乡分类 value.
    pub fn parse(text: &str) -> Option<UrbanRural> {
        use UrbanRural::*;
        let key = strip_punct(&fold_width(text).to_lowercase());
        let class = match key.as_str() {
            "城区" | "主城区" | "城乡结合区" | "城市" | "111" | "112" | "11" | "1" | "urban"
            | "city" => Urban,
            "镇区" | "镇中心区" | "镇乡结合区" | "特殊区域" | "县镇" | "121" | "122" | "123"
            | "12" | "2" | "town" | "township" => Town,
            "乡村" | "乡中心区" | "村庄" | "农村" | "210" | "220" | "21" | "22" | "3" | "rural"
            | "village" => Rural,
            _ => return None,
        };
        Some(class)
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            UrbanRural::Urban => "城区",
            UrbanRural::Town => "镇区",
            UrbanRural::Rural => "乡村",
        }
    }
}

/// How a field's column was found.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Detection {
    /// The header is a known synonym; `unit` is the unit written in it, if any.
    Header {
        /// Unit text from the header (`万元`).
        unit: Option<String>,
    },
    /// The header has no unit; the unit comes from a line above the table (单位：…万元).
    UnitLine {
        /// The unit applied (`万元`).
        unit: String,
        /// Line of the unit line, from 1.
        line: u64,
    },
    /// A column synthesised from section rows (一、小学 / 二、初中).
    Sections,
    /// Set by the user.
    User,
}

/// Where a field's values are and how to scale them to the field's base unit.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MappedColumn {
    /// Column index in [`Table::headers`].
    pub column: usize,
    /// Factor to the base unit of the field ([`Field::unit`]): 10 000 for a column in 万元.
    pub scale: f64,
    /// How the column was found.
    pub detection: Detection,
}

/// Canonical field → column. Detected from headers; callers may override any entry.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub struct Mapping {
    columns: BTreeMap<Field, MappedColumn>,
}

impl Mapping {
    /// The column of `field`, if mapped.
    pub fn get(&self, field: Field) -> Option<&MappedColumn> {
        self.columns.get(&field)
    }

    /// Maps `field` to `column` with `scale`, replacing any earlier choice (a user override).
    pub fn set(&mut self, field: Field, column: usize, scale: f64) {
        self.columns.insert(
            field,
            MappedColumn {
                column,
                scale,
                detection: Detection::User,
            },
        );
    }

    /// Unmaps `field`.
    pub fn clear(&mut self, field: Field) {
        self.columns.remove(&field);
    }

    /// The field mapped to `column`, if any.
    pub fn field_of(&self, column: usize) -> Option<Field> {
        self.columns
            .iter()
            .find(|(_, m)| m.column == column)
            .map(|(f, _)| *f)
    }

    /// Mapped fields in canonical order.
    pub fn iter(&self) -> impl Iterator<Item = (Field, &MappedColumn)> + '_ {
        self.columns.iter().map(|(f, m)| (*f, m))
    }

    fn insert(&mut self, field: Field, mapped: MappedColumn) {
        self.columns.insert(field, mapped);
    }
}

fn compatible(field: Unit, unit: Unit) -> bool {
    field == unit
        || matches!(
            (field, unit),
            (Unit::Persons, Unit::Count) | (Unit::Count, Unit::Persons)
        )
}

/// A money unit written in the lines above the header (`单位：人、平方米、万元`).
fn money_unit_in_title(table: &Table) -> Option<(HeaderUnit, u64)> {
    table.source.title.iter().find_map(|(line, text)| {
        let folded = fold_width(text);
        if !folded.contains("单位") {
            return None;
        }
        ["万元", "千元", "元"]
            .iter()
            .find(|u| folded.contains(*u))
            .and_then(|u| unit_of(u))
            .map(|u| (u, *line))
    })
}

/// Detects the mapping of a table from its headers, and lists what the user should check:
/// derived columns, a second column for the same field, a unit that does not fit, a money
/// column whose magnitude suggests 万元.
pub fn detect(table: &Table) -> (Mapping, Vec<Issue>) {
    let mut mapping = Mapping::default();
    let mut issues = Vec::new();
    let title_money = money_unit_in_title(table);
    for (column, header) in table.headers.iter().enumerate() {
        if Some(column) == table.source.section_column {
            continue;
        }
        let found = match_header(header);
        if found.derived {
            issues.push(Issue::DerivedColumn {
                column,
                header: header.clone(),
            });
            continue;
        }
        let Some(field) = found.field else { continue };
        if let Some(first) = mapping.get(field) {
            issues.push(Issue::DuplicateField {
                field,
                column,
                header: header.clone(),
                kept: first.column,
            });
            continue;
        }
        let (scale, detection) = match &found.unit {
            Some(unit) if compatible(field.unit(), unit.kind) => (
                unit.scale,
                Detection::Header {
                    unit: Some(unit.text.clone()),
                },
            ),
            Some(unit) => {
                issues.push(Issue::UnitMismatch {
                    column,
                    header: header.clone(),
                    unit: unit.text.clone(),
                    field,
                });
                (1.0, Detection::Header { unit: None })
            }
            None => match (&title_money, field.unit()) {
                (Some((unit, line)), Unit::Yuan) => {
                    issues.push(Issue::UnitFromTitle {
                        line: *line,
                        column,
                        header: header.clone(),
                        unit: unit.text.clone(),
                    });
                    (
                        unit.scale,
                        Detection::UnitLine {
                            unit: unit.text.clone(),
                            line: *line,
                        },
                    )
                }
                _ => (1.0, Detection::Header { unit: None }),
            },
        };
        mapping.insert(
            field,
            MappedColumn {
                column,
                scale,
                detection,
            },
        );
    }
    if let Some(level) = table.source.section_column {
        if mapping.get(Field::Level).is_none() {
            mapping.insert(
                Field::Level,
                MappedColumn {
                    column: level,
                    scale: 1.0,
                    detection: Detection::Sections,
                },
            );
        }
    }
    issues.extend(money_unit_guess(table, &mapping));
    (mapping, issues)
}

/// Money per student below this suggests the column is in 万元 (DOMAIN.md §5.3).
const WAN_YUAN_HINT: f64 = 50.0;

/// For money columns without a unit: a median per-student value below 50 suggests 万元.
/// The values are not changed; the issue asks the user.
fn money_unit_guess(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let Some(students) = mapping.get(Field::Students) else {
        return Vec::new();
    };
    let mut issues = Vec::new();
    for field in [Field::EquipmentValue, Field::PublicFunds] {
        let Some(mapped) = mapping.get(field) else {
            continue;
        };
        if !matches!(mapped.detection, Detection::Header { unit: None }) {
            continue;
        }
        let mut ratios: Vec<f64> = table
            .rows
            .iter()
            .filter_map(|row| {
                let cell = |i: usize| row.cells.get(i).map(CellText::as_str).unwrap_or("");
                let q = parse_quantity(cell(mapped.column), false);
                if q.cell_scale.is_some() {
                    return None;
                }
                match (
                    q.number,
                    parse_quantity(cell(students.column), false).number,
                ) {
                    (Number::Value(v), Number::Value(p)) if p > 0.0 && v >= 0.0 => Some(v / p),
                    _ => None,
                }
            })
            .collect();
        if ratios.is_empty() {
            continue;
        }
        ratios.sort_by(f64::total_cmp);
        let median = ratios[ratios.len() / 2];
        if median < WAN_YUAN_HINT {
            issues.push(Issue::MoneyUnitGuess {
                field,
                column: mapped.column,
                header: table.headers[mapped.column].clone(),
                per_student: median,
            });
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(header: &str, field: Option<Field>, derived: bool, unit: Option<(&str, f64)>) {
        let got = match_header(header);
        assert_eq!(got.field, field, "{header:?}");
        assert_eq!(got.derived, derived, "{header:?}");
        assert_eq!(
            got.unit.map(|u| (u.text, u.scale)),
            unit.map(|(t, s)| (t.to_string(), s)),
            "{header:?}"
        );
    }

    #[test]
    fn synonyms() {
        use Field::*;
        // Header, field, derived, unit and scale.
        type Case<'a> = (&'a str, Option<Field>, bool, Option<(&'a str, f64)>);
        let cases: &[Case] = &[
            ("学校名称", Some(SchoolName), false, None),
            ("学校（机构）名称", Some(SchoolName), false, None),
            (" 学 校 名 称 ", Some(SchoolName), false, None),
            ("School Name", Some(SchoolName), false, None),
            ("学校标识码", Some(SchoolCode), false, None),
            ("办学类型", Some(Level), false, None),
            ("驻地城乡类型", Some(UrbanRural), false, None),
            ("乡镇（街道）", Some(Township), false, None),
            ("公办/民办", Some(Operator), false, None),
            ("在校学生数", Some(Students), false, None),
            ("在校学生数（人）", Some(Students), false, Some(("人", 1.0))),
            ("学生数\n（人）", Some(Students), false, Some(("人", 1.0))),
            ("students", Some(Students), false, None),
            ("Enrollment", Some(Students), false, None),
            ("小学（部）学生数", Some(StudentsPrimary), false, None),
            ("初中(部)学生数", Some(StudentsJunior), false, None),
            ("teachers", Some(Teachers), false, None),
            ("专任教师/合计", Some(Teachers), false, None),
            (
                "专任教师/高于规定学历",
                Some(TeachersAboveQual),
                false,
                None,
            ),
            (
                "体育、艺术（美术、音乐）专任教师数",
                Some(TeachersPeArts),
                false,
                None,
            ),
            (
                "教学及辅助用房面积（平方米）",
                Some(TeachingArea),
                false,
                Some(("平方米", 1.0)),
            ),
            (
                "教学及辅助用房面积(㎡)",
                Some(TeachingArea),
                false,
                Some(("㎡", 1.0)),
            ),
            (
                "教学及辅助用房面积[m²]",
                Some(TeachingArea),
                false,
                Some(("m²", 1.0)),
            ),
            (
                "面积（平方米）/教学及辅助用房",
                Some(TeachingArea),
                false,
                Some(("平方米", 1.0)),
            ),
            ("体育运动场（馆）面积", Some(SportsArea), false, None),
            (
                "教学仪器设备值（万元）",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            (
                "教学仪器设备值（元）",
                Some(EquipmentValue),
                false,
                Some(("元", 1.0)),
            ),
            (
                "教学仪器设备值（单位：万元）",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            (
                "教学仪器设备值万元",
                Some(EquipmentValue),
                false,
                Some(("万元", 10_000.0)),
            ),
            ("图书（万册）", Some(Books), false, Some(("万册", 10_000.0))),
            ("books", Some(Books), false, None),
            ("computers", Some(Computers), false, None),
            (
                "网络多媒体教室（间）",
                Some(MultimediaRooms),
                false,
                Some(("间", 1.0)),
            ),
            ("生均教学及辅助用房面积", None, true, None),
            ("生均教学仪器设备值（元）", None, true, Some(("元", 1.0))),
            ("每百名学生拥有计算机台数", None, true, None),
            ("师生比", None, true, None),
            ("生师比", None, true, None),
            ("生均图书册数/实际值", None, true, None),
            ("差异系数", None, false, None),
            ("图书册数差异系数", None, false, None),
            ("序号", None, false, None),
            ("备注", None, false, None),
        ];
        for (header, field, derived, unit) in cases {
            check(header, *field, *derived, *unit);
        }
    }

    #[test]
    fn levels() {
        use SchoolKind::*;
        let cases = [
            ("小学", Some(Primary)),
            (" 小学 ", Some(Primary)),
            ("初中", Some(Junior)),
            ("初级中学", Some(Junior)),
            ("九年一贯制", Some(NineYear)),
            ("九年一贯制学校", Some(NineYear)),
            ("十二年一贯制学校", Some(TwelveYear)),
            ("十二年一贯制", Some(TwelveYear)),
            ("完全中学", Some(CompleteSecondary)),
            ("教学点", Some(TeachingPoint)),
            ("小学教学点", Some(TeachingPoint)),
            ("小学部", Some(PrimarySection)),
            ("初中部", Some(JuniorSection)),
            ("高中", Some(Senior)),
            ("Primary", Some(Primary)),
            ("２１１", Some(Primary)),
            ("幼儿园", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(SchoolKind::parse(text), expected, "{text:?}");
        }
    }

    #[test]
    fn urban_rural() {
        use self::UrbanRural::*;
        let cases = [
            ("城区", Some(Urban)),
            ("主城区", Some(Urban)),
            ("城乡结合区", Some(Urban)),
            ("111", Some(Urban)),
            ("112", Some(Urban)),
            ("城市", Some(Urban)),
            ("1", Some(Urban)),
            ("镇区", Some(Town)),
            ("镇中心区", Some(Town)),
            ("镇乡结合区", Some(Town)),
            ("特殊区域", Some(Town)),
            ("121", Some(Town)),
            ("122", Some(Town)),
            ("123", Some(Town)),
            ("县镇", Some(Town)),
            ("2", Some(Town)),
            ("乡村", Some(Rural)),
            ("乡中心区", Some(Rural)),
            ("村庄", Some(Rural)),
            ("210", Some(Rural)),
            ("220", Some(Rural)),
            ("农村", Some(Rural)),
            ("3", Some(Rural)),
            ("火星", None),
        ];
        for (text, expected) in cases {
            assert_eq!(self::UrbanRural::parse(text), expected, "{text:?}");
        }
    }
}
