//! `junheng report FILE --by COLUMN -o OUT.html`: one printable page, the city table first (a
//! row per slice and level), then each slice's dossier from a new page, as `dossier::html`
//! prints it alone (its print CSS, its tables), so the page numbers run through the whole city.

use std::fmt::Write;

use super::city::CityTable;
use crate::dossier::{self, Dossier};
use crate::names::level_name;
use crate::Lang;

/// The page: the city table, then the dossier of each slice that has one (a slice whose
/// analysis failed has its reason in the city table instead), with its value.
pub fn city_page(table: &CityTable, dossiers: &[(Vec<String>, Dossier)], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let title = if zh {
        "市（区域）汇总：各片义务教育均衡评估结果"
    } else {
        "City table: each slice's evaluation"
    };
    let pages: Vec<String> = dossiers
        .iter()
        .map(|(_, d)| dossier::html::page(d, lang))
        .collect();
    // The head (charset, print CSS) of the dossiers', with the city's title; a minimal one
    // when no slice has a dossier.
    let mut out = match pages.first().and_then(|p| p.split_once("<body>")) {
        Some((head, _)) => {
            let start = head.find("<title>").map_or(0, |i| i + "<title>".len());
            let end = head.find("</title>").unwrap_or(start);
            format!("{}{}{}<body>\n", &head[..start], esc(title), &head[end..])
        }
        None => format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\ntable {{ border-collapse: collapse; }} th, td {{ border: 0.6pt solid #000; padding: 0.6mm 1.2mm; }}\n</style>\n</head>\n<body>\n",
            if zh { "zh-CN" } else { "en" },
            esc(title)
        ),
    };
    city_section(&mut out, table, title, lang);
    for page in &pages {
        let body = page
            .split_once("<body>")
            .and_then(|(_, rest)| rest.rsplit_once("</body>"))
            .map_or("", |(body, _)| body);
        let _ = writeln!(
            out,
            "<section class=\"new-page\">\n{}\n</section>",
            body.trim()
        );
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The city table: a CV above its limit, and a verdict not met, in bold.
fn city_section(out: &mut String, table: &CityTable, title: &str, lang: Lang) {
    let zh = lang == Lang::Zh;
    let _ = writeln!(
        out,
        "<section class=\"city\">\n<h1>{}</h1>\n<table class=\"schools\">\n<thead><tr>",
        esc(title)
    );
    let mut headers: Vec<String> = table.by.clone();
    let before: [&str; 5] = if zh {
        ["学段", "学校数", "学生数", "综合差异系数", "基本均衡"]
    } else {
        ["Level", "Schools", "Pupils", "Composite CV", "Basic 2012"]
    };
    headers.extend(before.iter().map(|h| h.to_string()));
    for i in &table.indicators {
        headers.push(if zh { &i.name_zh } else { &i.name_en }.clone());
    }
    let after: [&str; 3] = if zh {
        ["有差距学校", "优质均衡", "说明"]
    } else {
        ["Schools short", "Quality 2017", "Note"]
    };
    headers.extend(after.iter().map(|h| h.to_string()));
    for h in &headers {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let verdict = |pass: Option<bool>| match (pass, zh) {
        (Some(true), true) => "<td class=\"c\">达标</td>".to_string(),
        (Some(false), true) => "<td class=\"c fail\">未达标</td>".to_string(),
        (Some(true), false) => "<td class=\"c\">pass</td>".to_string(),
        (Some(false), false) => "<td class=\"c fail\">fail</td>".to_string(),
        (None, _) => "<td></td>".to_string(),
    };
    let cv = |value: Option<f64>, max: Option<f64>| match value {
        Some(v) => {
            let over = max.is_some_and(|m| v > m);
            format!(
                "<td class=\"n{}\">{v:.3}</td>",
                if over { " fail" } else { "" }
            )
        }
        None => "<td class=\"n\">—</td>".to_string(),
    };
    for slice in &table.slices {
        let value: String = slice
            .value
            .iter()
            .map(|v| format!("<td class=\"nw\">{}</td>", esc(v)))
            .collect();
        if let Some(error) = &slice.error {
            let span = headers.len() - slice.value.len();
            let text = if zh { &error.zh } else { &error.en };
            let _ = writeln!(
                out,
                "<tr>{value}<td colspan=\"{span}\">{}</td></tr>",
                esc(text)
            );
            continue;
        }
        for level in &slice.levels {
            let basic = level.basic.as_ref();
            let quality = level.quality.as_ref();
            let mut row = value.clone();
            let _ = write!(
                row,
                "<td class=\"c\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.0}</td>",
                level_name(level.level, lang),
                level.schools,
                level.students
            );
            row.push_str(&cv(
                basic.and_then(|b| b.composite_cv),
                basic.and_then(|b| b.max),
            ));
            row.push_str(&verdict(basic.map(|b| b.pass)));
            for i in &table.indicators {
                let cell = quality.and_then(|q| q.cvs.iter().find(|c| c.id == i.id));
                row.push_str(&cv(cell.and_then(|c| c.cv), cell.and_then(|c| c.max)));
            }
            let short = quality.map_or(String::new(), |q| q.schools_short.to_string());
            let _ = write!(row, "<td class=\"n\">{short}</td>");
            row.push_str(&verdict(quality.map(|q| q.pass)));
            row.push_str("<td></td>");
            let _ = writeln!(out, "<tr>{row}</tr>");
        }
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// Text escaped for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
