//! The dossier as one self-contained, printable A4 page: no script, no link, no control; print
//! CSS only (`@page` A4, table headers repeated on every page through `thead`, "第 x 页 共 y
//! 页" in the page margin). Page 1 is the summary with both verdicts per level and the blanks
//! to sign; the tables follow in the order inspectors read.
//!
//! To stay within about ten pages for a county of 85 schools, 表3 prints each level's
//! standards (达标值, 基本值) once in its header and marks each school's value (△ below the
//! standard but at 85 % or more, ✗ below 85 %), and 表4 lists a school's shortfalls in one row;
//! the workbook has the same numbers with a column each.

mod items;

use std::fmt::Write;

use super::labels::{self, failing_items, quality_cvs_text, t, Titles};
use super::model::*;
use crate::format::{number, number_apart, optional, Kind};
use crate::names::school_type_name;
use crate::standards::report::Text;
use crate::standards::SchoolType;
use crate::Lang;
use style::css;
pub use style::{embedded_css, page_css};

mod style;

/// Most school rows a printed table lists; a larger file (a city, a province) gets the first
/// ones and a count of the rest, which the workbook lists in full.
pub const MAX_PRINTED_ROWS: usize = 1000;

/// The page's HTML.
pub fn page(d: &Dossier, lang: Lang) -> String {
    let mut out = String::new();
    let title = labels::title(d, lang);
    let html_lang = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>",
        esc(&title),
        css(lang, &d.county)
    );
    out.push_str(&body(d, lang));
    out.push_str("</body>\n</html>\n");
    out
}

/// The page's content without the document around it: the summary, the tables, the notes and
/// the appendix. The web page mounts it in a shadow root with [`embedded_css`], so that its
/// printout is the page [`page`] writes.
pub fn body(d: &Dossier, lang: Lang) -> String {
    let mut out = String::new();
    summary(&mut out, d, lang);
    overview(&mut out, d, lang);
    cv_tables(&mut out, d, lang);
    school_tables(&mut out, d, lang);
    shortfalls(&mut out, d, lang);
    items::tables(&mut out, d, lang);
    notes(&mut out, d, lang);
    if let Some(research) = &d.research {
        appendix(&mut out, research, lang);
    }
    out
}

/// Text escaped for HTML.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn pick(lang: Lang, text: &Text) -> &str {
    match lang {
        Lang::Zh => &text.zh,
        Lang::En => &text.en,
    }
}

fn indicator(lang: Lang, i: &IndicatorName) -> &str {
    match lang {
        Lang::Zh => &i.name_zh,
        Lang::En => &i.name_en,
    }
}

fn head_row(out: &mut String, headers: &[&str]) {
    out.push_str("<thead><tr>");
    for h in headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n");
}

fn td_num(out: &mut String, value: Option<f64>, kind: Kind) {
    let _ = write!(out, "<td class=\"n\">{}</td>", optional(value, kind));
}

fn td(out: &mut String, text: &str) {
    let _ = write!(out, "<td>{}</td>", esc(text));
}

fn td_c(out: &mut String, text: &str) {
    let _ = write!(out, "<td class=\"c\">{}</td>", esc(text));
}

fn result(lang: Lang, pass: Option<bool>, borderline: bool) -> String {
    match pass {
        None => "—".into(),
        Some(ok) => {
            let word = labels::pass(lang, ok);
            let mark = if borderline {
                match lang {
                    Lang::Zh => "（临界）",
                    Lang::En => " (borderline)",
                }
            } else {
                ""
            };
            if ok {
                format!("{word}{mark}")
            } else {
                format!("<span class=\"fail\">{word}</span>{mark}")
            }
        }
    }
}

fn summary(out: &mut String, d: &Dossier, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"summary\">\n<h1>{}</h1>\n<p class=\"sub\">{}</p>",
        esc(&labels::title(d, lang)),
        esc(labels::subtitle(lang))
    );
    let unit = d
        .county
        .unit
        .as_ref()
        .map_or_else(|| labels::BLANK.to_string(), |f| f.value.clone());
    let values = [
        labels::county_name(d),
        labels::year(d),
        unit,
        labels::data_source(d, lang),
        labels::scope_body(d, lang),
    ];
    out.push_str("<table class=\"identity\">\n");
    for (label, value) in labels::identity(lang).iter().zip(values) {
        let _ = writeln!(
            out,
            "<tr><td class=\"label\">{}</td><td>{}</td></tr>",
            esc(label),
            esc(&value)
        );
    }
    out.push_str("</table>\n<h3>");
    out.push_str(t(lang, "评估结论", "Verdicts"));
    out.push_str("</h3>\n<table class=\"verdicts\">\n");
    head_row(out, &labels::verdict_headers(lang));
    out.push_str("<tbody>\n");
    for level in &d.levels {
        out.push_str("<tr>");
        let _ = write!(
            out,
            "<td class=\"c nw\">{}</td>",
            esc(labels::level(lang, level.level))
        );
        td_num(out, Some(level.schools as f64), Kind::Count);
        td_num(out, Some(level.students), Kind::Count);
        match &level.basic {
            Some(b) => {
                let _ = write!(
                    out,
                    "<td class=\"n\">{} {} {:.2}</td>",
                    optional(b.composite_cv, Kind::Cv),
                    if b.pass { "≤" } else { "&gt;" },
                    b.max
                );
                let _ = write!(
                    out,
                    "<td class=\"c\">{}</td>",
                    result(lang, Some(b.pass), b.borderline)
                );
            }
            None => {
                td_c(out, "—");
                td_c(out, "—");
            }
        }
        match &level.quality {
            Some(q) => {
                td_c(out, &quality_cvs_text(lang, q));
                let _ = write!(
                    out,
                    "<td class=\"c\">{} / {}</td>",
                    q.schools_passing, q.schools
                );
                let _ = write!(
                    out,
                    "<td class=\"c\">{}</td>",
                    result(lang, Some(q.pass), !q.borderline_cvs.is_empty())
                );
            }
            None => {
                td_c(out, "—");
                td_c(out, "—");
                td_c(out, "—");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n<h3>");
    out.push_str(t(lang, "未达标事项", "What fails"));
    out.push_str("</h3>\n");
    let items = failing_items(d, lang);
    if items.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            t(
                lang,
                "无：两项标准在各学段均达标。",
                "None: both standards pass at every level."
            )
        );
    } else {
        out.push_str("<ul class=\"items\">\n");
        for item in items {
            let _ = writeln!(out, "<li>{}</li>", esc(&item));
        }
        out.push_str("</ul>\n");
    }
    items::summary_line(out, d, lang);
    let [filled, checked, seal, date] = labels::signatures(lang);
    let line = "＿＿＿＿＿＿＿＿＿＿";
    let date_blank = match lang {
        Lang::Zh => "＿＿＿＿年＿＿月＿＿日",
        Lang::En => line,
    };
    let _ = writeln!(
        out,
        "<table class=\"signatures\"><tr><td>{filled}{line}</td><td>{checked}{line}</td></tr><tr><td>{seal}{line}</td><td>{date}{date_blank}</td></tr></table>\n</section>",
        filled = esc(filled),
        checked = esc(checked),
        seal = esc(seal),
        date = esc(date),
    );
}

fn overview(out: &mut String, d: &Dossier, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"new-page\">\n<h2>{}</h2>\n<table class=\"overview\">",
        esc(Titles::overview(lang))
    );
    head_row(out, &labels::overview_headers(lang));
    out.push_str("<tbody>\n");
    let row = |out: &mut String, r: &TypeRow, strong: bool| {
        out.push_str(if strong {
            "<tr class=\"fail\">"
        } else {
            "<tr>"
        });
        td(
            out,
            match lang {
                Lang::Zh => &r.name_zh,
                Lang::En => &r.name_en,
            },
        );
        td_num(out, Some(r.schools as f64), Kind::Count);
        td_num(out, Some(r.students_primary), Kind::Count);
        td_num(out, Some(r.students_junior), Kind::Count);
        td_num(out, r.classes, Kind::Count);
        td_num(out, r.teachers, Kind::Count);
        out.push_str("</tr>\n");
    };
    for r in &d.overview.rows {
        row(out, r, false);
    }
    row(out, &d.overview.total, true);
    let _ = writeln!(
        out,
        "</tbody></table>\n<p class=\"note\">{}</p>",
        esc(labels::overview_note(lang))
    );
    let excluded = &d.overview.excluded;
    let _ = writeln!(
        out,
        "<h3>{}</h3>",
        esc(&match lang {
            Lang::Zh => format!("{}（{} 所）", Titles::excluded(lang), excluded.len()),
            Lang::En => format!("{} ({})", Titles::excluded(lang), excluded.len()),
        })
    );
    if excluded.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", labels::none(lang));
    } else {
        out.push_str("<table class=\"excluded small\">\n");
        head_row(out, &labels::excluded_headers(lang));
        out.push_str("<tbody>\n");
        for (k, e) in excluded.iter().enumerate() {
            out.push_str("<tr>");
            td_num(out, Some((k + 1) as f64), Kind::Count);
            td(out, &e.name);
            td_num(out, Some(e.line as f64), Kind::Count);
            let school_type = SchoolType::from_id(&e.school_type)
                .map_or(e.school_type.as_str(), |t| school_type_name(t, lang));
            td(out, school_type);
            td(out, pick(lang, &e.text));
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}

fn cv_tables(out: &mut String, d: &Dossier, lang: Lang) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(Titles::cv(lang)));
    for table in &d.cv_tables {
        let _ = writeln!(
            out,
            "<div class=\"keep\">\n<h3>{}</h3>\n<table class=\"cv\">\n<colgroup><col><col style=\"width: {}\"><col style=\"width: 13mm\"><col style=\"width: 19mm\"><col style=\"width: 16mm\"><col style=\"width: 12mm\"><col style=\"width: 12mm\"><col style=\"width: 17mm\"></colgroup>",
            esc(&labels::cv_table_heading(
                lang,
                table.level,
                &table.standard,
                table.schools,
                table.students
            )),
            match lang {
                Lang::Zh => "20mm",
                Lang::En => "40mm",
            }
        );
        head_row(out, &labels::cv_headers(lang));
        out.push_str("<tbody>\n");
        for row in &table.rows {
            out.push_str("<tr>");
            td(out, indicator(lang, &row.indicator));
            let unit = match lang {
                Lang::Zh => &row.unit_zh,
                Lang::En => &row.unit_en,
            };
            let _ = write!(out, "<td class=\"unit\">{}</td>", esc(unit));
            td_num(out, Some(row.n as f64), Kind::Count);
            td_num(out, row.mean, row.kind);
            td_num(out, row.std, row.kind);
            td_num(out, row.cv, Kind::Cv);
            match row.cv_max {
                Some(m) => td_num(out, Some(m), Kind::Cv),
                None => td_c(out, "—"),
            }
            let _ = write!(
                out,
                "<td class=\"c\">{}</td>",
                result(lang, row.pass, row.borderline)
            );
            out.push_str("</tr>\n");
        }
        let judged = table.composite.max.is_some();
        let _ = write!(
            out,
            "<tr{}><td colspan=\"5\">{}</td>",
            if judged { " class=\"fail\"" } else { "" },
            esc(&labels::composite(lang, judged, table.rows.len()))
        );
        td_num(out, table.composite.cv, Kind::Cv);
        match table.composite.max {
            Some(m) => td_num(out, Some(m), Kind::Cv),
            None => td_c(out, "—"),
        }
        let _ = writeln!(
            out,
            "<td class=\"c\">{}</td></tr>\n</tbody></table>\n</div>",
            result(lang, table.composite.pass, table.composite.borderline)
        );
    }
    out.push_str("</section>\n");
}

/// A school's value, with enough decimals to tell it from the threshold it is compared with:
/// 0.8475 below a floor of 0.85 prints as 0.8475, not 0.85.
fn shown_value(value: f64, column: &StandardColumn) -> String {
    let near = if crate::standards::evaluate::at_least(value, column.floor) {
        column.standard
    } else {
        column.floor
    };
    number_apart(value, near, column.kind)
}

/// The mark of a school's value: reached, below the standard but at the floor, below the floor.
fn mark(value: Option<f64>, column: &StandardColumn) -> &'static str {
    match value {
        None => "",
        Some(v) if crate::standards::evaluate::at_least(v, column.standard) => "",
        Some(v) if crate::standards::evaluate::at_least(v, column.floor) => " △",
        Some(_) => " ✗",
    }
}

fn school_tables(out: &mut String, d: &Dossier, lang: Lang) {
    if d.school_tables.is_empty() {
        return;
    }
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(Titles::schools(lang)));
    let (before, after) = labels::school_headers(lang);
    for table in &d.school_tables {
        let _ = write!(
            out,
            "<h3>{}</h3>\n<table class=\"schools\">\n<colgroup><col style=\"width: 6mm\"><col style=\"width: 27mm\"><col style=\"width: 11mm\">{}<col style=\"width: 8mm\"><col style=\"width: 11mm\"></colgroup>\n<thead>\n<tr>",
            esc(&labels::school_table_heading(
                lang,
                table.level,
                table.passing,
                table.rows.len()
            )),
            "<col>".repeat(table.indicators.len())
        );
        for h in before {
            let _ = write!(out, "<th rowspan=\"3\">{}</th>", esc(h));
        }
        for c in &table.indicators {
            let unit = match lang {
                Lang::Zh => &c.unit_zh,
                Lang::En => &c.unit_en,
            };
            let _ = write!(
                out,
                "<th>{}<br>({})</th>",
                esc(indicator(lang, &c.indicator)),
                esc(unit)
            );
        }
        for h in after {
            let _ = write!(out, "<th rowspan=\"3\">{}</th>", esc(h));
        }
        out.push_str("</tr>\n<tr>");
        let (standard_word, floor_word) = match lang {
            Lang::Zh => ("达标值", "基本值"),
            Lang::En => ("standard", "floor"),
        };
        for c in &table.indicators {
            let _ = write!(
                out,
                "<th>{standard_word} {}</th>",
                number(c.standard, c.kind)
            );
        }
        out.push_str("</tr>\n<tr>");
        for c in &table.indicators {
            let _ = write!(out, "<th>{floor_word} {}</th>", number(c.floor, c.kind));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for (k, row) in table.rows.iter().take(MAX_PRINTED_ROWS).enumerate() {
            out.push_str("<tr>");
            td_num(out, Some((k + 1) as f64), Kind::Count);
            let _ = write!(out, "<td class=\"name\">{}</td>", esc(&row.name));
            td_num(out, Some(row.students), Kind::Count);
            for (i, c) in table.indicators.iter().enumerate() {
                let value = row.values[i];
                let text = match value {
                    Some(v) => format!("{}{}", shown_value(v, c), mark(value, c)),
                    None => t(lang, "缺", "n/a").to_string(),
                };
                let _ = write!(out, "<td class=\"n\">{}</td>", esc(&text));
            }
            td_num(out, Some(row.met as f64), Kind::Count);
            let _ = write!(
                out,
                "<td class=\"c\">{}</td>",
                result(lang, Some(row.passes), false)
            );
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
        if table.rows.len() > MAX_PRINTED_ROWS {
            let _ = writeln!(
                out,
                "<p class=\"note\">{}</p>",
                esc(&match lang {
                    Lang::Zh => format!(
                        "另有 {} 所学校未打印，见 Excel 表。",
                        table.rows.len() - MAX_PRINTED_ROWS
                    ),
                    Lang::En => format!(
                        "{} more schools are in the workbook.",
                        table.rows.len() - MAX_PRINTED_ROWS
                    ),
                })
            );
        }
    }
    let _ = writeln!(
        out,
        "<p class=\"note\">{}</p>\n</section>",
        esc(t(
            lang,
            "表中为各校实际值；未标记的达到达标值，△ 低于达标值但不低于基本值（达标值的 85%），✗ 低于基本值，“缺”为缺数据（按未达标计）。各项的实际值、达标值、基本值和是否达标分列于 Excel 表。",
            "Each school's actual value; unmarked values reach the standard, △ is below the standard but at the floor (85 %) or above, ✗ below the floor, n/a missing (counted as not reached). The workbook has actual value, standard, floor and result in columns of their own.",
        ))
    );
}

fn shortfalls(out: &mut String, d: &Dossier, lang: Lang) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(Titles::shortfalls(lang)));
    let [schools_part, totals_part, plans_part] = labels::shortfall_parts(lang);
    for table in &d.shortfalls {
        let level = labels::level(lang, table.level);
        let _ = writeln!(out, "<h3>{} · {}</h3>", esc(level), esc(schools_part));
        if table.schools.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", labels::none(lang));
        } else {
            out.push_str("<table class=\"gaps small\">\n<colgroup><col style=\"width: 30mm\"><col style=\"width: 9mm\"><col style=\"width: 12mm\"><col></colgroup>\n");
            let heads = match lang {
                Lang::Zh => [
                    "学校名称",
                    "行号",
                    "学校结论",
                    "缺口（实际值 → 达标值，需增加）",
                ],
                Lang::En => [
                    "School",
                    "Line",
                    "Verdict",
                    "Shortfalls (actual → standard, to add)",
                ],
            };
            head_row(out, &heads);
            out.push_str("<tbody>\n");
            for s in table.schools.iter().take(MAX_PRINTED_ROWS) {
                out.push_str("<tr>");
                let _ = write!(out, "<td class=\"name\">{}</td>", esc(&s.name));
                td_num(out, Some(s.line as f64), Kind::Count);
                let _ = write!(
                    out,
                    "<td class=\"c\">{}</td>",
                    result(lang, Some(s.passes), false)
                );
                let items: Vec<String> = s
                    .items
                    .iter()
                    .map(|i| {
                        let unit = labels::unit(lang, &i.unit);
                        let amount = number(i.shortfall, Kind::of_amount(&i.unit, i.shortfall));
                        let value = number_apart(i.value, i.standard, i.kind);
                        match lang {
                            Lang::Zh => format!(
                                "{} {value} → {}，需增加 {amount} {unit}",
                                indicator(lang, &i.indicator),
                                number(i.standard, i.kind)
                            ),
                            Lang::En => format!(
                                "{} {value} → {}, add {amount} {unit}",
                                indicator(lang, &i.indicator),
                                number(i.standard, i.kind)
                            ),
                        }
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "<td>{}</td></tr>",
                    esc(&items.join(t(lang, "；", "; ")))
                );
            }
            out.push_str("</tbody></table>\n");
        }
        let _ = writeln!(out, "<h3>{} · {}</h3>", esc(level), esc(totals_part));
        if table.totals.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", labels::none(lang));
        } else {
            out.push_str("<table class=\"totals\">\n");
            head_row(out, &labels::totals_headers(lang));
            out.push_str("<tbody>\n");
            for total in &table.totals {
                out.push_str("<tr>");
                td(out, indicator(lang, &total.indicator));
                td_num(out, Some(total.schools as f64), Kind::Count);
                td_num(
                    out,
                    Some(total.total),
                    Kind::of_amount(&total.unit, total.total),
                );
                td_num(
                    out,
                    Some(total.total_failing),
                    Kind::of_amount(&total.unit, total.total_failing),
                );
                td_c(out, labels::unit(lang, &total.unit));
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody></table>\n");
        }
        let _ = writeln!(out, "<h3>{} · {}</h3>", esc(level), esc(plans_part));
        if table.plans.is_empty() {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                t(
                    lang,
                    "无：各项差异系数均在限值以内。",
                    "None: every CV is within its limit."
                )
            );
        } else {
            out.push_str("<table class=\"plans small\">\n");
            head_row(out, &labels::plan_headers(lang));
            out.push_str("<tbody>\n");
            for p in &table.plans {
                out.push_str("<tr>");
                td(out, labels::standard_short(lang, &p.standard));
                td(out, indicator(lang, &p.indicator));
                td_num(out, Some(p.cv_before), Kind::Cv);
                td_num(out, Some(p.target), Kind::Cv);
                td_num(out, Some(p.floor), p.kind);
                td_num(out, Some(p.cv_after), Kind::Cv);
                td_num(out, Some(p.schools as f64), Kind::Count);
                td_num(out, Some(p.cost), Kind::of_amount(&p.unit, p.cost));
                td_c(out, labels::unit(lang, &p.unit));
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody></table>\n");
        }
    }
    out.push_str("</section>\n");
}

fn notes(out: &mut String, d: &Dossier, lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"notes\">\n<h2>{}</h2>\n<dl class=\"explain\">",
        esc(Titles::notes(lang))
    );
    for e in &d.explanations {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            esc(pick(lang, &e.title)),
            esc(pick(lang, &e.text))
        );
    }
    out.push_str("</dl>\n");
    if !d.notes.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<ul class=\"items small\">",
            t(lang, "数据说明", "About the data")
        );
        for n in &d.notes {
            let _ = writeln!(out, "<li>{}</li>", esc(pick(lang, n)));
        }
        out.push_str("</ul>\n");
    }
    if d.missing_cells.is_empty() {
        // One line, not a heading over "None": the page says it looked, without an empty stub.
        let _ = writeln!(
            out,
            "<p class=\"note\">{}{}{}</p>",
            esc(Titles::missing(lang)),
            t(lang, "：", ": "),
            labels::none(lang)
        );
    } else {
        let _ = writeln!(
            out,
            "<h3>{}</h3>",
            esc(&match lang {
                Lang::Zh => format!("{}（{} 处）", Titles::missing(lang), d.missing_cells.len()),
                Lang::En => format!("{} ({})", Titles::missing(lang), d.missing_cells.len()),
            })
        );
        out.push_str("<table class=\"missing small\">\n");
        head_row(out, &labels::missing_headers(lang));
        out.push_str("<tbody>\n");
        for c in d.missing_cells.iter().take(MAX_PRINTED_ROWS) {
            out.push_str("<tr>");
            td(out, &c.name);
            td_num(out, Some(c.line as f64), Kind::Count);
            td(out, &c.column);
            td_c(
                out,
                if c.cell.is_empty() {
                    t(lang, "（空白）", "(blank)")
                } else {
                    &c.cell
                },
            );
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}

fn appendix(out: &mut String, research: &[ResearchTable], lang: Lang) {
    let _ = writeln!(
        out,
        "<section class=\"new-page\">\n<h2>{}</h2>",
        esc(Titles::research(lang))
    );
    for table in research {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<table class=\"research small\">",
            esc(labels::level(lang, table.level))
        );
        head_row(out, &labels::research_headers(lang));
        out.push_str("<tbody>\n");
        for r in &table.rows {
            out.push_str("<tr>");
            td(out, indicator(lang, &r.indicator));
            td_num(out, Some(r.n as f64), Kind::Count);
            td_num(out, r.mean, r.kind);
            td_num(out, r.cv, Kind::Cv);
            td_num(out, r.range_ratio, Kind::Value(2));
            td_num(out, r.federal_range_ratio, Kind::Value(3));
            td_num(out, r.mcloone, Kind::Value(3));
            td_num(out, r.verstegen, Kind::Value(3));
            td_num(out, r.gini, Kind::Value(3));
            td_num(out, r.theil, Kind::Value(4));
            td_num(out, r.hoover, Kind::Value(3));
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");
}
