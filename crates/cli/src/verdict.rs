//! `--format text` with `--standard`: the verdict section an official reads first. Per level:
//! 达标/未达标 with the reasons, each indicator's CV against its threshold (borderline marked),
//! the failing schools with what they lack in natural units (m², 元, 人, 间), county totals and
//! the plans that would bring a failing CV under its threshold.

use std::collections::BTreeMap;

use junheng_core::format::{number, number_apart, optional, Kind};
use junheng_core::report::StandardSection;
use junheng_core::standards::report::{IndicatorReport, LevelReport};
use junheng_core::standards::Standard;
use junheng_core::Lang;

use crate::table::table;

/// The verdict section of a standard, in `lang`.
pub fn render(section: &StandardSection, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let e = &section.evaluation;
    let mut out = String::new();
    let name = if zh { &e.name_zh } else { &e.name_en };
    out.push_str(&format!("{name}\n{}\n", e.source));
    out.push_str(&options_line(section, zh));
    let indicator_names: BTreeMap<&str, &IndicatorReport> = e
        .levels
        .iter()
        .flat_map(|l| l.indicators.iter())
        .map(|i| (i.id.as_str(), i))
        .collect();
    let label = |id: &str| -> String {
        match indicator_names.get(id) {
            Some(i) if zh => i.name_zh.clone(),
            Some(i) => i.name_en.clone(),
            None => id.to_string(),
        }
    };
    if e.levels.is_empty() {
        out.push_str(if zh {
            "\n没有在评估范围内的学校。\n"
        } else {
            "\nNo school is in scope.\n"
        });
    }
    for level in &e.levels {
        out.push('\n');
        out.push_str(&level_block(section, level, zh, &label));
    }
    let failing_checks: Vec<String> = e
        .other_checks
        .iter()
        .filter(|c| c.ok == Some(false))
        .map(|c| {
            let what = match (c.check.as_str(), zh) {
                ("school_size", true) => "学校规模",
                ("class_size", true) => "最大班额",
                ("school_size", false) => "school size",
                _ if !zh => "largest class",
                _ => c.check.as_str(),
            };
            if zh {
                format!(
                    "  {}（第 {} 行）：{what} {} 人，超过 {} 人",
                    c.name,
                    c.line,
                    whole(c.value),
                    whole(c.limit)
                )
            } else {
                format!(
                    "  {} (line {}): {what} {} pupils, above {}",
                    c.name,
                    c.line,
                    whole(c.value),
                    whole(c.limit)
                )
            }
        })
        .collect();
    if !failing_checks.is_empty() {
        out.push_str(if zh {
            "\n规模与班额（政府保障程度，仅供参考，不计入资源配置结论）：\n"
        } else {
            "\nSchool and class size (government guarantee; information, not part of the verdict):\n"
        });
        for line in failing_checks {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !e.notes.is_empty() {
        out.push_str(if zh { "\n说明：\n" } else { "\nNotes:\n" });
        for n in &e.notes {
            out.push_str(&format!("- {}\n", if zh { &n.zh } else { &n.en }));
        }
    }
    out
}

/// The 口径 line: the engine's, written from what was counted (schools per level, teaching
/// points and private schools left out, split and gym choices), then the comparison rules.
fn options_line(section: &StandardSection, zh: bool) -> String {
    let e = &section.evaluation;
    let margin = e.options.borderline_margin;
    if zh {
        format!(
            "{}等于标准视为达到；差异系数与限值相差 {margin} 以内标为临界（数据稍有出入就可能改变结论，请核对原始数据）。\n",
            e.scope.zh
        )
    } else {
        format!(
            "{} A value equal to the standard reaches it; a CV within {margin} of its limit is marked borderline (a small error in the data could change the verdict: check the source data).\n",
            e.scope.en
        )
    }
}

fn level_block(
    section: &StandardSection,
    level: &LevelReport,
    zh: bool,
    label: &dyn Fn(&str) -> String,
) -> String {
    let mut out = String::new();
    let (level_name, verdict) = match (level.level.as_str(), zh) {
        ("primary", true) => ("小学", if level.verdict { "达标" } else { "未达标" }),
        ("junior", true) => ("初中", if level.verdict { "达标" } else { "未达标" }),
        (other, _) => (
            if other == "primary" {
                "Primary (小学)"
            } else {
                "Junior (初中)"
            },
            if level.verdict {
                "达标 pass"
            } else {
                "未达标 fail"
            },
        ),
    };
    if zh {
        out.push_str(&format!(
            "【{level_name}】{verdict}（{} 所学校，在校生 {} 人）\n",
            level.schools,
            whole(level.students)
        ));
    } else {
        out.push_str(&format!(
            "[{level_name}] {verdict} ({} schools, {} pupils)\n",
            level.schools,
            whole(level.students)
        ));
    }
    for r in &level.reasons {
        out.push_str(&format!("  - {}\n", if zh { &r.zh } else { &r.en }));
    }
    let borderline = if zh { " 临界" } else { " borderline" };
    match (level.composite_cv, level.composite_cv_max) {
        (Some(c), Some(max)) => {
            // Equality counts as within, up to float noise (as in the engine).
            let ok = c <= max + max.abs() * 1e-12;
            out.push_str(&format!(
                "  {} {} {} {max}{}{}{}\n",
                if zh {
                    "综合差异系数（八项平均）"
                } else {
                    "Composite CV (mean of the CVs)"
                },
                number(c, Kind::Cv),
                if ok { "≤" } else { ">" },
                if zh { "：" } else { ": " },
                pass_word(ok, zh),
                if level.composite_borderline {
                    borderline
                } else {
                    ""
                }
            ));
        }
        (Some(c), None) => out.push_str(&format!(
            "  {} {}\n",
            if zh {
                "各项差异系数平均（仅供参考）"
            } else {
                "Mean of the CVs (information only)"
            },
            number(c, Kind::Cv)
        )),
        _ => {}
    }
    let head: Vec<&str> = if zh {
        vec![
            "差异系数",
            "阈值",
            "结果",
            "全县均值",
            "学校标准",
            "达标学校",
        ]
    } else {
        vec!["cv", "max", "result", "mean", "standard", "schools meeting"]
    };
    let rows: Vec<Vec<String>> = level
        .indicators
        .iter()
        .map(|i| {
            let result = match i.cv_ok {
                Some(ok) => format!(
                    "{}{}",
                    pass_word(ok, zh),
                    if i.borderline { borderline } else { "" }
                ),
                None => "-".into(),
            };
            vec![
                if zh {
                    i.name_zh.clone()
                } else {
                    i.name_en.clone()
                },
                optional(i.cv, Kind::Cv),
                i.cv_max.map_or("-".into(), |m| m.to_string()),
                result,
                mean(i.mean),
                i.standard.map_or("-".into(), |s| s.to_string()),
                i.schools_meeting
                    .map_or("-".into(), |m| format!("{m}/{}", i.n)),
            ]
        })
        .collect();
    let first = if zh { "  指标" } else { "  indicator" };
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .map(|mut r| {
            r[0] = format!("  {}", r[0]);
            r
        })
        .collect();
    out.push_str(&table(first, &head, &rows));

    let failing: Vec<_> = section
        .evaluation
        .schools
        .iter()
        .filter(|s| s.level == level.level && s.passes == Some(false))
        .collect();
    if !failing.is_empty() {
        out.push_str(&if zh {
            format!("  未达到学校标准的学校（{} 所）及缺口：\n", failing.len())
        } else {
            format!(
                "  Schools below the per-school standard ({}), with what they lack:\n",
                failing.len()
            )
        });
        for s in failing {
            let gaps: Vec<String> = s
                .shortfalls
                .iter()
                .map(|g| {
                    let (unit_zh, unit_en) = unit_names(&g.unit);
                    if zh {
                        format!(
                            "{} {} < {}，缺 {}{unit_zh}",
                            label(&g.indicator),
                            number_apart(
                                g.value,
                                g.standard,
                                value_kind(&section.evaluation.id, &g.indicator, g.value)
                            ),
                            g.standard,
                            amount(g.shortfall, &g.unit)
                        )
                    } else {
                        format!(
                            "{} {} < {}, short {} {unit_en}",
                            label(&g.indicator),
                            number_apart(
                                g.value,
                                g.standard,
                                value_kind(&section.evaluation.id, &g.indicator, g.value)
                            ),
                            g.standard,
                            amount(g.shortfall, &g.unit)
                        )
                    }
                })
                .collect();
            if zh {
                out.push_str(&format!(
                    "    {}（第 {} 行，达标 {} 项）：{}\n",
                    s.name,
                    s.line,
                    s.met.unwrap_or(0),
                    gaps.join("；")
                ));
            } else {
                out.push_str(&format!(
                    "    {} (line {}, {} reached): {}\n",
                    s.name,
                    s.line,
                    s.met.unwrap_or(0),
                    gaps.join("; ")
                ));
            }
        }
    }
    let totals: Vec<_> = section
        .plan
        .totals
        .iter()
        .filter(|t| t.level.id() == level.level)
        .collect();
    if !totals.is_empty() {
        out.push_str(if zh {
            "  全县合计缺口（所有低于标准的学校 / 其中未达标学校）：\n"
        } else {
            "  County totals needed (every school below the standard / failing schools only):\n"
        });
        for t in totals {
            let (unit_zh, unit_en) = unit_names(&t.unit);
            if zh {
                out.push_str(&format!(
                    "    {}：{}{unit_zh}（{} 所）/ {}{unit_zh}\n",
                    label(&t.indicator),
                    amount(t.total, &t.unit),
                    t.schools,
                    amount(t.total_failing, &t.unit)
                ));
            } else {
                out.push_str(&format!(
                    "    {}: {} {unit_en} ({} schools) / {} {unit_en}\n",
                    label(&t.indicator),
                    amount(t.total, &t.unit),
                    t.schools,
                    amount(t.total_failing, &t.unit)
                ));
            }
        }
    }
    let floors = section
        .plan
        .floors
        .iter()
        .chain(section.plan.composite.iter().flat_map(|c| c.floors.iter()))
        .filter(|f| f.level.id() == level.level);
    for f in floors {
        let (unit_zh, unit_en) = unit_names(f.unit);
        let cost = f.cost_whole.unwrap_or(f.cost);
        if zh {
            out.push_str(&format!(
                "  方案：{}低于 {} 的 {} 所学校提高到 {}，差异系数 {} → {}，需增加 {}{unit_zh}\n",
                label(&f.indicator),
                number(
                    f.floor,
                    value_kind(&section.evaluation.id, &f.indicator, f.floor)
                ),
                f.changes.len(),
                number(
                    f.floor,
                    value_kind(&section.evaluation.id, &f.indicator, f.floor)
                ),
                number(f.cv_before, Kind::Cv),
                number(f.cv_after, Kind::Cv),
                amount(cost, f.unit)
            ));
        } else {
            out.push_str(&format!(
                "  Plan: raise the {} schools below {} on {} to {}: CV {} → {}, adding {} {unit_en}\n",
                f.changes.len(),
                number(f.floor, value_kind(&section.evaluation.id, &f.indicator, f.floor)),
                label(&f.indicator),
                number(f.floor, value_kind(&section.evaluation.id, &f.indicator, f.floor)),
                number(f.cv_before, Kind::Cv),
                number(f.cv_after, Kind::Cv),
                amount(cost, f.unit)
            ));
        }
    }
    out
}

fn pass_word(ok: bool, zh: bool) -> &'static str {
    match (ok, zh) {
        (true, true) => "达标",
        (false, true) => "未达标",
        (true, false) => "pass",
        (false, false) => "fail",
    }
}

/// Natural unit of a shortfall unit id, Chinese and English.
fn unit_names(unit: &str) -> (&'static str, &'static str) {
    match unit {
        "m2" => (" m²", "m²"),
        "yuan" => (" 元", "yuan"),
        "teachers" => (" 人", "teachers"),
        "rooms" => (" 间", "rooms"),
        "computers" => (" 台", "computers"),
        "volumes" => (" 册", "volumes"),
        _ => ("", "units"),
    }
}

/// A mean: 4 decimals below 1 (teachers per pupil), else 2.
fn mean(x: Option<f64>) -> String {
    let kind = if x.is_some_and(|m| m.abs() < 1.0) {
        Kind::Value(4)
    } else {
        Kind::Value(2)
    };
    optional(x, kind)
}

/// An amount of resource in its unit: whole things whole, areas and money 2 decimals.
fn amount(x: f64, unit: &str) -> String {
    number(x, Kind::of_amount(unit, x))
}

fn whole(x: f64) -> String {
    number(x, Kind::Count)
}

/// How an indicator's values are shown: as the core says for a built-in standard's indicator
/// (4 decimals for teachers per pupil, else 2); for a provincial table, by size.
fn value_kind(standard: &str, indicator: &str, x: f64) -> Kind {
    let builtin = Standard::builtin(standard).ok();
    let known = builtin
        .as_ref()
        .and_then(|s| s.indicators().iter().find(|i| i.id == indicator))
        .map(|i| Kind::of_indicator(i.numerator, i.factor));
    known.unwrap_or(if x.abs() < 1.0 {
        Kind::Value(4)
    } else {
        Kind::Value(2)
    })
}
