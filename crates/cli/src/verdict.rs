//! `--format text` with `--standard`: the verdict section an official reads first. Per level:
//! 达标/未达标 with the reasons, each indicator's CV against its threshold (borderline marked),
//! the failing schools with what they lack in natural units (m², 元, 人, 间), county totals and
//! the plans that would bring a failing CV under its threshold.

use std::collections::BTreeMap;

use junheng_core::report::StandardSection;
use junheng_core::standards::report::{IndicatorReport, LevelReport};
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

fn options_line(section: &StandardSection, zh: bool) -> String {
    let o = &section.evaluation.options;
    let split = match (o.split.as_str(), zh) {
        ("weighted", true) => format!(
            "一贯制学校按加权学生数拆分（初中 {}，高中 {}）",
            o.junior_weight.unwrap_or(f64::NAN),
            o.senior_weight.unwrap_or(f64::NAN)
        ),
        ("weighted", false) => format!(
            "spanning schools split by weighted pupils (junior {}, senior {})",
            o.junior_weight.unwrap_or(f64::NAN),
            o.senior_weight.unwrap_or(f64::NAN)
        ),
        ("pupils", true) => "一贯制学校按学生数拆分".into(),
        ("pupils", false) => "spanning schools split by pupils".into(),
        (_, true) => "各学部已分行填报".into(),
        (_, false) => "rows already split by section".into(),
    };
    let yes_no = |b: bool| match (b, zh) {
        (true, true) => "计入",
        (false, true) => "不计入",
        (true, false) => "counted",
        (false, false) => "left out",
    };
    if zh {
        format!(
            "口径：{split}；教学点{}；民办学校{}；室内体育用房{}；等于标准视为达到；与阈值相差 {} 以内标为临界。\n",
            yes_no(o.include_teaching_points),
            yes_no(o.include_private),
            if o.gym_in_sports { "计入体育运动场馆面积" } else { "留在教学及辅助用房面积内" },
            o.borderline_margin
        )
    } else {
        format!(
            "Choices: {split}; teaching points {}; private schools {}; indoor gym {}; a value equal to the standard reaches it; within {} of a threshold is marked borderline.\n",
            yes_no(o.include_teaching_points),
            yes_no(o.include_private),
            if o.gym_in_sports { "moved to sports area" } else { "left in teaching area" },
            o.borderline_margin
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
                "  {} {c:.3} {} {max}{}{}{}\n",
                if zh {
                    "综合差异系数（八项平均）"
                } else {
                    "Composite CV (mean of the CVs)"
                },
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
            "  {} {c:.3}\n",
            if zh {
                "各项差异系数平均（仅供参考）"
            } else {
                "Mean of the CVs (information only)"
            }
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
                opt(i.cv, 3),
                i.cv_max.map_or("-".into(), |m| m.to_string()),
                result,
                opt(
                    i.mean,
                    if i.mean.is_some_and(|m| m.abs() < 1.0) {
                        4
                    } else {
                        2
                    },
                ),
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
                            round(g.value, 2),
                            g.standard,
                            amount(g.shortfall)
                        )
                    } else {
                        format!(
                            "{} {} < {}, short {} {unit_en}",
                            label(&g.indicator),
                            round(g.value, 2),
                            g.standard,
                            amount(g.shortfall)
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
                    amount(t.total),
                    t.schools,
                    amount(t.total_failing)
                ));
            } else {
                out.push_str(&format!(
                    "    {}: {} {unit_en} ({} schools) / {} {unit_en}\n",
                    label(&t.indicator),
                    amount(t.total),
                    t.schools,
                    amount(t.total_failing)
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
                "  方案：{}低于 {} 的 {} 所学校提高到 {}，差异系数 {:.3} → {:.3}，需增加 {}{unit_zh}\n",
                label(&f.indicator),
                round(f.floor, 3),
                f.changes.len(),
                round(f.floor, 3),
                f.cv_before,
                f.cv_after,
                amount(cost)
            ));
        } else {
            out.push_str(&format!(
                "  Plan: raise the {} schools below {} on {} to {}: CV {:.3} → {:.3}, adding {} {unit_en}\n",
                f.changes.len(),
                round(f.floor, 3),
                label(&f.indicator),
                round(f.floor, 3),
                f.cv_before,
                f.cv_after,
                amount(cost)
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

fn opt(x: Option<f64>, decimals: usize) -> String {
    x.map_or_else(|| "-".to_string(), |x| format!("{x:.decimals$}"))
}

/// `x` with at most `decimals` decimals, trailing zeros removed.
fn round(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

/// An amount of resource: whole numbers as such, others with one decimal.
fn amount(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        whole(x)
    } else {
        round(x, 1)
    }
}

fn whole(x: f64) -> String {
    format!("{:.0}", x)
}
