//! `--format text`: aligned tables a researcher can paste into a paper; with a standard, the
//! verdict section (`verdict.rs`) comes first.

use junheng_core::report::{IndicatorResult, Report};
use junheng_core::Lang;

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

    let name = |i: &IndicatorResult| match (&i.label_zh, zh) {
        (Some(label), true) => label.clone(),
        _ => i.name.clone(),
    };
    let first = if zh { "指标" } else { "indicator" };
    let dispersion = [
        "n",
        "missing",
        "mean",
        "std",
        "cv",
        "min",
        "max",
        "range",
        "range_ratio",
    ];
    let rows: Vec<Vec<String>> = report
        .indicators
        .iter()
        .map(|i| {
            vec![
                name(i),
                i.n.to_string(),
                i.missing.to_string(),
                number(i.mean),
                number(i.std),
                number(i.cv),
                number(i.min),
                number(i.max),
                number(i.range),
                number(i.range_ratio),
            ]
        })
        .collect();
    out.push_str(&table(first, &dispersion, &rows));
    out.push('\n');

    let equity = [
        "median",
        "p05",
        "p95",
        "frr",
        "mcloone",
        "verstegen",
        "gini",
        "theil",
        "mld",
        "atk0.5",
        "atk1",
        "atk2",
        "hoover",
    ];
    let rows: Vec<Vec<String>> = report
        .indicators
        .iter()
        .map(|i| {
            vec![
                name(i),
                number(i.median),
                number(i.p05),
                number(i.p95),
                number(i.federal_range_ratio),
                number(i.mcloone),
                number(i.verstegen),
                number(i.gini),
                number(i.theil),
                number(i.mld),
                number(i.atkinson_0_5),
                number(i.atkinson_1),
                number(i.atkinson_2),
                number(i.hoover),
            ]
        })
        .collect();
    out.push_str(&table(first, &equity, &rows));

    if let Some(group) = &report.group {
        out.push('\n');
        let rows: Vec<Vec<String>> = report
            .indicators
            .iter()
            .map(|i| {
                vec![
                    name(i),
                    number(i.theil),
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

/// Columns separated by two spaces: the first left-aligned, the others right-aligned.
pub fn table(first: &str, headers: &[&str], rows: &[Vec<String>]) -> String {
    let head: Vec<String> = std::iter::once(first)
        .chain(headers.iter().copied())
        .map(str::to_string)
        .collect();
    // A name's line feed or ESC must not break the table or reach the terminal.
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| crate::terminal::escape_controls(c, false).into_owned())
                .collect()
        })
        .collect();
    let rows = rows.as_slice();
    let mut widths: Vec<usize> = head.iter().map(|h| width(h)).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&head).chain(rows) {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            if i == 0 {
                line.push_str(cell);
                line.push_str(&pad);
            } else {
                line.push_str("  ");
                line.push_str(&pad);
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Terminal width of a string: East Asian wide and full-width characters take two columns.
fn width(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_wide_characters() {
        let t = table("指标", &["n"], &[vec!["ab".into(), "12".into()]]);
        assert_eq!(t, "指标   n\nab    12\n");
        assert_eq!(width("城区a"), 5);
    }
}
