//! Names of things as people know them, for every text a person reads (the dossier, the CLI,
//! the page): text encodings (GBK（国标）, not `gb18030`), file formats, levels and school types.
//! Machine ids stay in the JSON report; these are their labels.

use crate::standards::{Level, SchoolType};
use crate::Lang;

/// A text encoding as people know it: `gb18030` and `gbk` → GBK（国标）, `utf-8` → UTF-8,
/// `big5` → Big5（繁体）, `utf-8+gb18030` (lines in both) → UTF-8 与 GBK（国标）混合. An
/// empty label (a workbook, which has no text encoding) stays empty; others are shown
/// upper-cased.
pub fn encoding_name(label: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let named = match label.to_ascii_lowercase().as_str() {
        "" => "",
        "utf-8" | "utf8" => "UTF-8",
        "gb18030" | "gbk" | "gb2312" => {
            if zh {
                "GBK（国标）"
            } else {
                "GBK (Chinese national standard, GB18030)"
            }
        }
        "utf-8+gb18030" => {
            if zh {
                "UTF-8 与 GBK（国标）混合"
            } else {
                "UTF-8 mixed with GBK (Chinese national standard)"
            }
        }
        "big5" => {
            if zh {
                "Big5（繁体）"
            } else {
                "Big5 (traditional Chinese)"
            }
        }
        "utf-16le" | "utf-16be" | "utf-16" => "UTF-16",
        other => return other.to_ascii_uppercase(),
    };
    named.to_string()
}

/// A file format as people know it: `xlsx` → Excel 工作簿（.xlsx）, `csv` → CSV 文本文件.
pub fn format_name(format: &str, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match (format, zh) {
        ("xlsx", true) => "Excel 工作簿（.xlsx）".into(),
        ("xlsx", false) => "Excel workbook (.xlsx)".into(),
        ("xls", true) => "Excel 97-2003 工作簿（.xls）".into(),
        ("xls", false) => "Excel 97-2003 workbook (.xls)".into(),
        ("xlsb", true) => "Excel 二进制工作簿（.xlsb）".into(),
        ("xlsb", false) => "Excel binary workbook (.xlsb)".into(),
        ("ods", true) => "OpenDocument 表格（.ods）".into(),
        ("ods", false) => "OpenDocument spreadsheet (.ods)".into(),
        ("csv", true) => "CSV 文本文件".into(),
        ("csv", false) => "CSV text file".into(),
        ("tsv", true) => "制表符分隔的文本文件".into(),
        ("tsv", false) => "tab-separated text file".into(),
        (other, _) => other.to_string(),
    }
}

/// 小学 / 初中, or Primary / Junior secondary.
pub fn level_name(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Primary, Lang::Zh) => "小学",
        (Level::Junior, Lang::Zh) => "初中",
        (Level::Primary, Lang::En) => "Primary",
        (Level::Junior, Lang::En) => "Junior secondary",
    }
}

/// A school type as the national form names it.
pub fn school_type_name(school_type: SchoolType, lang: Lang) -> &'static str {
    match (school_type, lang) {
        (SchoolType::Primary, Lang::Zh) => "小学",
        (SchoolType::Junior, Lang::Zh) => "初中",
        (SchoolType::NineYear, Lang::Zh) => "九年一贯制学校",
        (SchoolType::TwelveYear, Lang::Zh) => "十二年一贯制学校",
        (SchoolType::Complete, Lang::Zh) => "完全中学",
        (SchoolType::TeachingPoint, Lang::Zh) => "教学点",
        (SchoolType::PrimarySection, Lang::Zh) => "小学部（单独填报）",
        (SchoolType::JuniorSection, Lang::Zh) => "初中部（单独填报）",
        (SchoolType::Senior, Lang::Zh) => "高中",
        (SchoolType::Primary, Lang::En) => "Primary school",
        (SchoolType::Junior, Lang::En) => "Junior secondary school",
        (SchoolType::NineYear, Lang::En) => "Nine-year school",
        (SchoolType::TwelveYear, Lang::En) => "Twelve-year school",
        (SchoolType::Complete, Lang::En) => "Complete secondary school",
        (SchoolType::TeachingPoint, Lang::En) => "Teaching point",
        (SchoolType::PrimarySection, Lang::En) => "Primary section (own row)",
        (SchoolType::JuniorSection, Lang::En) => "Junior section (own row)",
        (SchoolType::Senior, Lang::En) => "Senior high school",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_as_people_know_them() {
        let cases = [
            ("gb18030", "GBK（国标）"),
            ("GBK", "GBK（国标）"),
            ("utf-8", "UTF-8"),
            ("utf-8+gb18030", "UTF-8 与 GBK（国标）混合"),
            ("big5", "Big5（繁体）"),
            ("utf-16le", "UTF-16"),
            ("", ""),
            ("shift_jis", "SHIFT_JIS"),
        ];
        for (label, expected) in cases {
            assert_eq!(encoding_name(label, Lang::Zh), expected, "{label}");
        }
        assert_eq!(
            encoding_name("gb18030", Lang::En),
            "GBK (Chinese national standard, GB18030)"
        );
    }
}
