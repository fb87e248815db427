//! The category columns' values: 学段 / 办学类型 → [`SchoolKind`], 城乡分类 → [`UrbanRural`], and
//! the cells of those columns that neither reads.

use super::mapping::{strip_punct, Mapping};
use super::number::fold_width;
use super::table::Table;
use crate::error::{Cell, Issue};
use crate::fast_hash::FastMap;
use crate::fields::Field;

/// Kind of school or section, from a 学段 / 办学类型 value (docs/domain.md §5.2).
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
    /// 341 完全中学, 342 高级中学, 345 十二年一贯制; codes \[U\], from the MoE statistics forms).
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

/// Urban–rural class (docs/domain.md §5.1), from the NBS code or a name, old or new.
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

/// Level and urban–rural values that [`SchoolKind::parse`] / [`UrbanRural::parse`] reject.
pub(super) fn unknown_categories(table: &Table, mapping: &Mapping) -> Vec<Issue> {
    let mut issues = Vec::new();
    for field in [Field::Level, Field::UrbanRural] {
        let Some(mapped) = mapping.get(field) else {
            continue;
        };
        // A column of categories holds a few distinct texts: each is parsed (folded,
        // lower-cased) once, not once per row.
        let mut known_texts: FastMap<&str, bool> = FastMap::default();
        for (line, text) in table.cells(mapped.column) {
            let known = *known_texts.entry(text).or_insert_with(|| match field {
                Field::Level => SchoolKind::parse(text).is_some(),
                _ => UrbanRural::parse(text).is_some(),
            });
            if !text.is_empty() && !known {
                issues.push(Issue::UnknownCategory {
                    field,
                    cell: Cell {
                        line,
                        column: mapped.column,
                        header: table.headers.get(mapped.column).cloned(),
                    },
                    text: text.to_string(),
                });
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;

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
