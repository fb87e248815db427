//! `--format text`: aligned tables a researcher can paste into a paper; with a standard, the
//! verdict section (`verdict.rs`) comes first.

use junheng_core::measures::{Measure, MeasureDef, TextTable, MEASURES};
use junheng_core::report::{IndicatorResult, Report};
use junheng_core::Lang;

use crate::table::table;

/// The report as aligned plain-text tables, headings in `lang`.
pub fn render(report: &Report, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let none = if zh { "无" } else { "none" };
    let mut out = String::new();
    if let Some(section) = &report.standard {
        out.push_str(&crate::verdict::render(section, lang));
        out.push_str(if zh {
            "\n——— 离散程度（全部学校，按所选筛选）———\n\n"
        } else {
            "\n--- Dispersion (every school, as filtered) ---\n\n"
        });
    }
    let source = &report.source;
    let filters: Vec<String> = report
        .filters
        .iter()
        .map(|f| format!("{}={}", f.column, f.value))
        .collect();
    let filters = if filters.is_empty() {
        none.to_string()
    } else {
        filters.join(", ")
    };
    let weight = report.weight.as_deref().unwrap_or(none);
    let group = report.group.as_deref().unwrap_or(none);
    if zh {
        out.push_str(&format!(
            "{}：{} 行数据；权重：{weight}（{}）；分组：{group}；筛选：{filters}；中位数规则：{}\n\n",
            source.name,
            source.data_rows,
            report.options.weight_source,
            report.options.median_rule
        ));
    } else {
        out.push_str(&format!(
            "{}: {} data rows; weight: {weight} ({}); group: {group}; filters: {filters}; median rule: {}\n\n",
            source.name,
            source.data_rows,
            report.options.weight_source,
            report.options.median_rule
        ));
    }

    // National indicators by their names in the output's language, never their internal ids.
    let name = |i: &IndicatorResult| match (zh, &i.label_zh, &i.label_en) {
        (true, Some(label), _) | (false, _, Some(label)) => label.clone(),
        _ => i.name.clone(),
    };
    let first = if zh { "指标" } else { "indicator" };
    // The measures in the two tables the table of measures assigns them to; the dispersion
    // table starts with the counts.
    for text_table in [TextTable::Dispersion, TextTable::Equity] {
        let with_counts = text_table == TextTable::Dispersion;
        let measures: Vec<&MeasureDef> = MEASURES
            .iter()
            .filter(|m| m.text_table == Some(text_table))
            .collect();
        let counts: &[&str] = if with_counts { &["n", "missing"] } else { &[] };
        let head: Vec<&str> = (counts.iter().copied())
            .chain(measures.iter().map(|m| m.header))
            .collect();
        let rows: Vec<Vec<String>> = report
            .indicators
            .iter()
            .map(|i| {
                let mut row = vec![name(i)];
                if with_counts {
                    row.extend([i.n.to_string(), i.missing.to_string()]);
                }
                row.extend(measures.iter().map(|m| number(i[m.measure])));
                row
            })
            .collect();
        if !with_counts {
            out.push('\n');
        }
        out.push_str(&table(first, &head, &rows));
    }

    if let Some(group) = &report.group {
        out.push('\n');
        let rows: Vec<Vec<String>> = report
            .indicators
            .iter()
            .map(|i| {
                vec![
                    name(i),
                    number(i[Measure::Theil]),
                    number(i.theil_between),
                    number(i.theil_within),
                    number(i.mld_between),
                    number(i.mld_within),
                ]
            })
            .collect();
        out.push_str(&table(
            first,
            &["theil", "between", "within", "mld_between", "mld_within"],
            &rows,
        ));
        for i in &report.indicators {
            out.push_str(&format!("\n{} × {group}\n", name(i)));
            let rows: Vec<Vec<String>> = i
                .groups
                .iter()
                .map(|g| {
                    vec![
                        g.group.clone(),
                        g.n.to_string(),
                        number(g.mean),
                        number(g.cv),
                        number(g.gini),
                        number(g.theil),
                    ]
                })
                .collect();
            let head = if zh { "组" } else { "group" };
            out.push_str(&table(head, &["n", "mean", "cv", "gini", "theil"], &rows));
        }
    }

    if !report.warnings.is_empty() {
        out.push_str(if zh { "\n提示：\n" } else { "\nWarnings:\n" });
        for w in &report.warnings {
            out.push_str(&format!("- {}\n", if zh { &w.zh } else { &w.en }));
        }
    }
    out
}

/// Four decimals; `-` for an undefined value.
fn number(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{x:.4}"))
}
