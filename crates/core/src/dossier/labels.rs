//! Every heading and word of the dossier, in Chinese and English, in one place: the workbook
//! and the printed page take them from here, so both say the same thing.

use super::model::{Dossier, IndicatorName, QualityVerdict};
use crate::format::{number, Kind};
use crate::names::level_name;
use crate::standards::Level;
use crate::Lang;

/// `zh` or `en` by `lang`.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A blank to fill in by hand where the county or year is unknown.
pub const BLANK: &str = "＿＿＿＿＿＿";

/// The county's name, or a blank.
pub fn county_name(d: &Dossier) -> String {
    d.county
        .name
        .as_ref()
        .map_or_else(|| BLANK.to_string(), |f| f.value.clone())
}

/// The year, or a blank.
pub fn year(d: &Dossier) -> String {
    d.county
        .year
        .as_ref()
        .map_or_else(|| "＿＿＿＿".to_string(), |f| f.value.to_string())
}

/// The dossier's title: 青山县2023年县域义务教育均衡发展评估数据表.
pub fn title(d: &Dossier, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "{}{}年县域义务教育均衡发展评估数据表",
            county_name(d),
            year(d)
        ),
        Lang::En => format!(
            "{}, {}: balanced development of compulsory education — evaluation tables",
            county_name(d),
            year(d)
        ),
    }
}

/// The line under the title: which standards are evaluated.
pub fn subtitle(lang: Lang) -> &'static str {
    t(
        lang,
        "基本均衡（教督〔2012〕3号）与优质均衡资源配置（教督〔2017〕6号）同时评估",
        "Basic balance (教督〔2012〕3号) and high-quality balance, resource allocation (教督〔2017〕6号), evaluated together",
    )
}

/// A level's name.
pub fn level(lang: Lang, level: Level) -> &'static str {
    level_name(level, lang)
}

/// 达标 / 未达标.
pub fn pass(lang: Lang, ok: bool) -> &'static str {
    match (ok, lang) {
        (true, Lang::Zh) => "达标",
        (false, Lang::Zh) => "未达标",
        (true, Lang::En) => "Pass",
        (false, Lang::En) => "Fail",
    }
}

/// 临界.
pub fn borderline(lang: Lang) -> &'static str {
    t(lang, "临界", "borderline")
}

/// A short name of a standard id.
pub fn standard_short(lang: Lang, id: &str) -> &'static str {
    match (id, lang) {
        ("basic-2012", Lang::Zh) => "基本均衡（2012）",
        ("basic-2012", Lang::En) => "Basic balance (2012)",
        (_, Lang::Zh) => "优质均衡资源配置（2017）",
        (_, Lang::En) => "High-quality balance, resources (2017)",
    }
}

/// The name of a shortfall unit id.
pub fn unit(lang: Lang, unit: &str) -> &'static str {
    match (unit, lang) {
        ("m2", Lang::Zh) => "平方米",
        ("m2", Lang::En) => "m²",
        ("yuan", Lang::Zh) => "元",
        ("yuan", Lang::En) => "yuan",
        ("teachers", Lang::Zh) => "人",
        ("teachers", Lang::En) => "teachers",
        ("rooms", Lang::Zh) => "间",
        ("rooms", Lang::En) => "rooms",
        ("computers", Lang::Zh) => "台",
        ("computers", Lang::En) => "computers",
        ("volumes", Lang::Zh) => "册",
        ("volumes", Lang::En) => "volumes",
        _ => "",
    }
}

/// The 口径 line without its leading "口径：", for a row already labelled 统计口径.
pub fn scope_body(d: &Dossier, lang: Lang) -> String {
    let text = match lang {
        Lang::Zh => d.scope.zh.as_str(),
        Lang::En => d.scope.en.as_str(),
    };
    text.strip_prefix("口径：")
        .or_else(|| text.strip_prefix("Scope: "))
        .unwrap_or(text)
        .to_string()
}

/// Labels of the summary's identity rows.
pub fn identity(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["县（市、区）", "年度", "填报单位", "数据来源", "统计口径"],
        Lang::En => ["County", "Year", "Reporting unit", "Data source", "Scope"],
    }
}

/// The data source in one line: file, sheet, format, encoding, rows.
pub fn data_source(d: &Dossier, lang: Lang) -> String {
    let s = &d.source;
    let mut parts = vec![s.file.clone()];
    if let Some(sheet) = &s.sheet {
        parts.push(match lang {
            Lang::Zh => format!("工作表“{sheet}”"),
            Lang::En => format!("sheet “{sheet}”"),
        });
    }
    parts.push(crate::names::format_name(&s.format, lang));
    let encoding = crate::names::encoding_name(&s.encoding, lang);
    if !encoding.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("{encoding}编码"),
            Lang::En => format!("{encoding} encoding"),
        });
    }
    parts.push(match lang {
        Lang::Zh => format!("{} 行数据", number(s.data_rows as f64, Kind::Count)),
        Lang::En => format!("{} data rows", number(s.data_rows as f64, Kind::Count)),
    });
    if s.skipped_rows > 0 {
        parts.push(match lang {
            Lang::Zh => format!("略去合计、注释等 {} 行", s.skipped_rows),
            Lang::En => format!(
                "{} rows skipped (totals, notes, section headings)",
                s.skipped_rows
            ),
        });
    }
    if let Some(kept) = s.filtered_rows {
        parts.push(match lang {
            Lang::Zh => format!("按 {} 筛选后 {kept} 行", s.filters.join("、")),
            Lang::En => format!("{kept} rows kept by {}", s.filters.join(", ")),
        });
    }
    parts.join(t(lang, "，", ", "))
}

/// Headings of the page-1 verdict table.
pub fn verdict_headers(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "学段",
            "评估学校（所）",
            "在校生（人）",
            "基本均衡（2012）综合差异系数",
            "基本均衡结论",
            "优质均衡（2017）差异系数",
            "学校达标（所）",
            "优质均衡结论",
        ],
        Lang::En => [
            "Level",
            "Schools",
            "Pupils",
            "2012 composite CV",
            "2012 verdict",
            "2017 CVs",
            "Schools passing",
            "2017 verdict",
        ],
    }
}

/// Signature blanks at the foot of page 1.
pub fn signatures(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["填表人：", "审核人：", "单位（盖章）：", "日期："],
        Lang::En => ["Prepared by:", "Checked by:", "Unit (seal):", "Date:"],
    }
}

/// "7 项均 ≤ 0.50" or "2 项 > 0.50：…".
pub fn quality_cvs_text(lang: Lang, q: &QualityVerdict) -> String {
    let max = q
        .cv_max
        .map_or_else(|| "—".to_string(), |m| format!("{m:.2}"));
    if q.failing_cvs.is_empty() {
        match lang {
            Lang::Zh => format!("均 ≤ {max}"),
            Lang::En => format!("all ≤ {max}"),
        }
    } else {
        match lang {
            Lang::Zh => format!("{} 项超过 {max}", q.failing_cvs.len()),
            Lang::En => format!("{} above {max}", q.failing_cvs.len()),
        }
    }
}

/// The failing items of page 1, one sentence each.
pub fn failing_items(d: &Dossier, lang: Lang) -> Vec<String> {
    use crate::format::{number, optional};
    let mut out = Vec::new();
    for level in &d.levels {
        let lv = self::level(lang, level.level);
        if let Some(b) = &level.basic {
            if !b.pass {
                out.push(match lang {
                    Lang::Zh => format!(
                        "{lv}基本均衡：综合差异系数 {} 高于 {:.2}。",
                        optional(b.composite_cv, Kind::Cv),
                        b.max
                    ),
                    Lang::En => format!(
                        "{lv}, basic balance: composite CV {} above {:.2}.",
                        optional(b.composite_cv, Kind::Cv),
                        b.max
                    ),
                });
            }
        }
        if let Some(q) = &level.quality {
            for f in &q.failing_cvs {
                let name = indicator_name(lang, &f.indicator);
                out.push(match (lang, f.cv) {
                    (Lang::Zh, Some(cv)) => format!(
                        "{lv}优质均衡：“{name}”差异系数 {} 高于 {:.2}。",
                        number(cv, Kind::Cv),
                        f.max
                    ),
                    (Lang::Zh, None) => {
                        format!("{lv}优质均衡：“{name}”差异系数无法计算（缺数据）。")
                    }
                    (Lang::En, Some(cv)) => format!(
                        "{lv}, high-quality balance: CV of “{name}” {} above {:.2}.",
                        number(cv, Kind::Cv),
                        f.max
                    ),
                    (Lang::En, None) => format!(
                        "{lv}, high-quality balance: the CV of “{name}” cannot be computed (no data)."
                    ),
                });
            }
            let failing = q.schools - q.schools_passing;
            if failing > 0 {
                out.push(match lang {
                    Lang::Zh => format!(
                        "{lv}优质均衡：{failing} 所学校未达到“至少 6 项达标、其余不低于 85%”（见表3、表4）。"
                    ),
                    Lang::En => format!(
                        "{lv}, high-quality balance: {failing} schools fail “at least 6 of 7 at the standard, the rest at 85 %” (Tables 3 and 4)."
                    ),
                });
            }
        }
    }
    out
}

/// An indicator's name in `lang`.
pub fn indicator_name(lang: Lang, i: &IndicatorName) -> String {
    match lang {
        Lang::Zh => i.name_zh.clone(),
        Lang::En => i.name_en.clone(),
    }
}

/// Titles of the tables.
pub struct Titles;

impl Titles {
    /// 表1.
    pub fn overview(lang: Lang) -> &'static str {
        t(lang, "表1 学校基本情况", "Table 1. Schools of the county")
    }
    /// 表1, second part.
    pub fn excluded(lang: Lang) -> &'static str {
        t(
            lang,
            "未纳入评估的学校",
            "Schools left out of the evaluation",
        )
    }
    /// 表2.
    pub fn cv(lang: Lang) -> &'static str {
        t(
            lang,
            "表2 校际差异系数",
            "Table 2. Inter-school coefficients of variation",
        )
    }
    /// 表3.
    pub fn schools(lang: Lang) -> &'static str {
        t(
            lang,
            "表3 学校达标情况（优质均衡资源配置七项指标）",
            "Table 3. Each school against the 2017 standards",
        )
    }
    /// 表4.
    pub fn shortfalls(lang: Lang) -> &'static str {
        t(lang, "表4 缺口与改进方案", "Table 4. Shortfalls and plans")
    }
    /// Notes.
    pub fn notes(lang: Lang) -> &'static str {
        t(lang, "说明", "Notes")
    }
    /// Missing cells.
    pub fn missing(lang: Lang) -> &'static str {
        t(lang, "按缺失处理的数据", "Cells read as missing")
    }
    /// Appendix.
    pub fn research(lang: Lang) -> &'static str {
        t(
            lang,
            "附录 研究指标（仅供参考）",
            "Appendix. Research measures (for reference)",
        )
    }
}

/// Headings of 表1.
pub fn overview_headers(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Zh => [
            "学校类型",
            "学校数（所）",
            "小学在校生（人）",
            "初中在校生（人）",
            "班级数（个）",
            "专任教师（人）",
        ],
        Lang::En => [
            "School type",
            "Schools",
            "Primary pupils",
            "Junior pupils",
            "Classes",
            "Full-time teachers",
        ],
    }
}

/// The footnote of 表1.
pub fn overview_note(lang: Lang) -> &'static str {
    t(
        lang,
        "注：学校数、班级数、专任教师数为纳入评估学校的全校数（完全中学含高中部）；在校生按学段计，跨学段学校按学部计入小学和初中。",
        "Schools, classes and teachers are whole-school figures of the schools evaluated (a complete secondary school's include its senior section); pupils are per level, spanning schools by section.",
    )
}

/// Headings of the list of schools left out.
pub fn excluded_headers(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => ["序号", "学校名称", "行号", "学校类型", "未纳入原因"],
        Lang::En => ["No.", "School", "Line", "Type", "Reason"],
    }
}

/// Headings of a CV table.
pub fn cv_headers(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "指标",
            "单位",
            "学校数",
            "全县平均值",
            "标准差",
            "差异系数",
            "限值",
            "是否达标",
        ],
        Lang::En => [
            "Indicator",
            "Unit",
            "Schools",
            "County mean",
            "Std. dev.",
            "CV",
            "Limit",
            "Result",
        ],
    }
}

/// The 综合 row's label.
pub fn composite(lang: Lang, judged: bool, n: usize) -> String {
    match (lang, judged) {
        (Lang::Zh, true) => format!("综合差异系数（{n} 项平均）"),
        (Lang::Zh, false) => format!("综合（{n} 项平均，仅供参考）"),
        (Lang::En, true) => format!("Composite CV (mean of {n})"),
        (Lang::En, false) => format!("Mean of the {n} CVs (information)"),
    }
}

/// The heading of one CV table: 小学 · 基本均衡（2012）：…
pub fn cv_table_heading(
    lang: Lang,
    level: Level,
    standard: &str,
    schools: usize,
    pupils: f64,
) -> String {
    let pupils = number(pupils, Kind::Count);
    match lang {
        Lang::Zh => format!(
            "{} · {}（{schools} 所学校，在校生 {pupils} 人）",
            level_name(level, lang),
            standard_short(lang, standard)
        ),
        Lang::En => format!(
            "{} · {} ({schools} schools, {pupils} pupils)",
            level_name(level, lang),
            standard_short(lang, standard)
        ),
    }
}

/// Sub-headings of each indicator in 表3.
pub fn school_sub_headers(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["实际值", "达标值", "基本值（85%）", "是否达标"],
        Lang::En => ["Actual", "Standard", "Floor (85 %)", "Reached"],
    }
}

/// The fixed headings of 表3: before and after the indicators.
pub fn school_headers(lang: Lang) -> ([&'static str; 3], [&'static str; 2]) {
    match lang {
        Lang::Zh => (
            ["序号", "学校名称", "在校生（人）"],
            ["达标项数", "学校结论"],
        ),
        Lang::En => (["No.", "School", "Pupils"], ["Reached", "School verdict"]),
    }
}

/// The heading of one 表3 table.
pub fn school_table_heading(lang: Lang, level: Level, passing: usize, total: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "{}（{total} 所，达标 {passing} 所；每校至少 6 项达到达标值、其余一项不低于基本值为达标）",
            level_name(level, lang)
        ),
        Lang::En => format!(
            "{} ({total} schools, {passing} passing: at least 6 of 7 at the standard, the seventh at the floor or above)",
            level_name(level, lang)
        ),
    }
}

/// Headings of a school's shortfall rows in 表4.
pub fn shortfall_headers(lang: Lang) -> [&'static str; 8] {
    match lang {
        Lang::Zh => [
            "学校名称",
            "行号",
            "指标",
            "实际值",
            "达标值",
            "缺口",
            "单位",
            "学校结论",
        ],
        Lang::En => [
            "School",
            "Line",
            "Indicator",
            "Actual",
            "Standard",
            "Shortfall",
            "Unit",
            "School verdict",
        ],
    }
}

/// Headings of the county totals in 表4.
pub fn totals_headers(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Zh => [
            "指标",
            "低于达标值的学校（所）",
            "全部补齐需增加",
            "其中未达标学校需增加",
            "单位",
        ],
        Lang::En => [
            "Indicator",
            "Schools below the standard",
            "Needed, all of them",
            "Needed, failing schools",
            "Unit",
        ],
    }
}

/// Headings of the plans in 表4.
pub fn plan_headers(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Zh => [
            "标准",
            "指标",
            "现差异系数",
            "目标",
            "补到（底线）",
            "补后差异系数",
            "涉及学校（所）",
            "需增加",
            "单位",
        ],
        Lang::En => [
            "Standard",
            "Indicator",
            "CV now",
            "Target",
            "Raise to",
            "CV after",
            "Schools",
            "To add",
            "Unit",
        ],
    }
}

/// Sub-titles of 表4's parts.
pub fn shortfall_parts(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Zh => [
            "低于达标值的学校及缺口",
            "全县合计缺口",
            "使差异系数达标的方案（提高底线，仅供参考）",
        ],
        Lang::En => [
            "Schools below a standard and what they lack",
            "County totals",
            "Plans bringing CVs within their limits (raise the floor; a guide)",
        ],
    }
}

/// Headings of the missing-cell list.
pub fn missing_headers(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Zh => ["学校名称", "行号", "列", "单元格内容"],
        Lang::En => ["School", "Line", "Column", "Cell"],
    }
}

/// Headings of the research appendix.
pub fn research_headers(lang: Lang) -> [&'static str; 11] {
    match lang {
        Lang::Zh => [
            "指标",
            "学校数",
            "均值",
            "差异系数",
            "极差率",
            "联邦极差率",
            "麦克卢恩指数",
            "维斯特根指数",
            "基尼系数",
            "泰尔指数",
            "胡佛指数",
        ],
        Lang::En => [
            "Indicator",
            "Schools",
            "Mean",
            "CV",
            "Range ratio",
            "Federal range ratio",
            "McLoone",
            "Verstegen",
            "Gini",
            "Theil T",
            "Hoover",
        ],
    }
}

/// What an empty section says instead of an empty table.
pub fn none(lang: Lang) -> &'static str {
    t(lang, "无。", "None.")
}
