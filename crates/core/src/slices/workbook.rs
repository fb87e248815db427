//! `junheng report FILE --by COLUMN -o OUT.xlsx`: one workbook with the city table first (a
//! row per slice and level: schools, pupils, the 2012 composite CV and verdict, each 2017 CV,
//! the schools passing, failing and short, the 2017 verdict), then each slice's dossier, its
//! sheets named after the slice (青山县·表2 差异系数), in the order of the city table.

use super::city::CityTable;
use super::summary::LevelRow;
use crate::dossier::{self, Dossier};
use crate::names::level_name;
use crate::xlsx_writer::{workbook, Cell, Sheet};
use crate::Lang;

/// The workbook of a city: the city table, then the dossier of each slice that has one (a
/// slice whose analysis failed has its reason in the city table instead), with its value.
pub fn city_workbook(
    table: &CityTable,
    dossiers: &[(Vec<String>, Dossier)],
    lang: Lang,
) -> Vec<u8> {
    let mut sheets = vec![city_sheet(table, lang)];
    let mut names: Vec<String> = vec![sheets[0].name.clone()];
    for (value, dossier) in dossiers {
        for mut sheet in dossier::xlsx::sheets(dossier, lang) {
            sheet.name = unique(&format!("{}·{}", value.join("·"), sheet.name), &names);
            names.push(sheet.name.clone());
            sheets.push(sheet);
        }
    }
    workbook(&sheets)
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters, none taken (a
/// number is put first when two would be the same once cut).
fn unique(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let cut = |text: &str| text.chars().take(31).collect::<String>();
    let mut candidate = cut(&clean);
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = cut(&format!("{n} {clean}"));
        n += 1;
    }
    candidate
}

/// The city table as a sheet: headers in `lang`, numbers as numbers.
fn city_sheet(table: &CityTable, lang: Lang) -> Sheet {
    let zh = lang == Lang::Zh;
    let text = |s: &str| Cell::Text(s.to_string());
    let mut header: Vec<Cell> = table.by.iter().map(|b| text(b)).collect();
    let before: [&str; 6] = if zh {
        [
            "学段",
            "学校数",
            "学生数",
            "综合差异系数",
            "综合差异系数限值",
            "基本均衡",
        ]
    } else {
        [
            "Level",
            "Schools",
            "Pupils",
            "Composite CV",
            "Composite CV limit",
            "Basic 2012",
        ]
    };
    header.extend(before.iter().map(|h| text(h)));
    for i in &table.indicators {
        header.push(text(&format!(
            "{}{}",
            if zh { &i.name_zh } else { &i.name_en },
            if zh { "差异系数" } else { " CV" }
        )));
    }
    let after: [&str; 6] = if zh {
        [
            "差异系数全部达标",
            "达标学校",
            "未达标学校",
            "有差距学校",
            "优质均衡",
            "说明",
        ]
    } else {
        [
            "CVs within limits",
            "Schools passing",
            "Schools failing",
            "Schools short",
            "Quality 2017",
            "Note",
        ]
    };
    header.extend(after.iter().map(|h| text(h)));
    let title = if zh {
        "市（区域）汇总：各片义务教育均衡评估结果"
    } else {
        "City table: each slice's evaluation"
    };
    let mut rows = vec![vec![text(title)], header];
    let verdict = |pass: Option<bool>| {
        Cell::Text(match (pass, zh) {
            (Some(true), true) => "达标".into(),
            (Some(false), true) => "未达标".into(),
            (Some(true), false) => "pass".into(),
            (Some(false), false) => "fail".into(),
            (None, _) => String::new(),
        })
    };
    for slice in &table.slices {
        let value: Vec<Cell> = slice.value.iter().map(|v| text(v)).collect();
        if let Some(error) = &slice.error {
            let mut row = value.clone();
            row.resize(
                table.by.len() + before.len() + table.indicators.len() + after.len() - 1,
                Cell::Empty,
            );
            row.push(text(if zh { &error.zh } else { &error.en }));
            rows.push(row);
            continue;
        }
        for level in &slice.levels {
            let mut row = value.clone();
            row.extend(level_cells(level, table, lang, &verdict));
            rows.push(row);
        }
    }
    Sheet::new(if zh { "城市汇总" } else { "City table" }, rows)
}

/// A level's cells after the slice's value.
fn level_cells(
    level: &LevelRow,
    table: &CityTable,
    lang: Lang,
    verdict: &dyn Fn(Option<bool>) -> Cell,
) -> Vec<Cell> {
    let number = |v: Option<f64>| v.map_or(Cell::Empty, Cell::Number);
    let basic = level.basic.as_ref();
    let quality = level.quality.as_ref();
    let mut row = vec![
        Cell::Text(level_name(level.level, lang).to_string()),
        Cell::Number(level.schools as f64),
        Cell::Number(level.students),
        number(basic.and_then(|b| b.composite_cv)),
        number(basic.and_then(|b| b.max)),
        verdict(basic.map(|b| b.pass)),
    ];
    for i in &table.indicators {
        let cell = quality.and_then(|q| q.cvs.iter().find(|c| c.id == i.id));
        row.push(number(cell.and_then(|c| c.cv)));
    }
    let count = |f: fn(&super::QualityCells) -> usize| number(quality.map(|q| f(q) as f64));
    row.push(verdict(quality.map(|q| q.cvs_pass)));
    row.push(count(|q| q.schools_passing));
    row.push(count(|q| q.schools_failing));
    row.push(count(|q| q.schools_short));
    row.push(verdict(quality.map(|q| q.pass)));
    row.push(Cell::Empty);
    row
}
