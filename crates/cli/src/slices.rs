//! `junheng analyze FILE --by COLUMN`: a city's (or a county's years') file split into slices,
//! each analysed as a file of its own (the core's `slices`): `-f json` prints the
//! `junheng.slices/1` document, `-f csv` the city table, `-f text` the city table to read.

use std::io::Write;
use std::time::Instant;

use junheng_core::slices::{self, city_csv, city_table, CityTable, Document};
use junheng_core::{ingest, Error, Lang};

use crate::flags::{Analyze, Format};
use crate::{failure, file_name, read_input, standard_choice, terminal, Failure};

/// Reads the file, splits it, analyses every slice and prints the document or the city table.
pub fn run(analyze: &Analyze, lang: Lang) -> Result<(), Failure> {
    let start = Instant::now();
    let mut config = analyze.config.clone();
    config.standard = standard_choice(analyze, lang)?;
    let bytes = read_input(&analyze.file, lang)?;
    let options = ingest::ReadOptions {
        sheet: analyze.sheet.clone(),
        encoding: analyze.encoding.clone(),
        ..ingest::ReadOptions::new(&file_name(&analyze.file))
    };
    let ingested =
        junheng_sheets::read(&bytes, &options).map_err(|e| failure(&analyze.file, &e, lang))?;
    let rows = ingested.table.rows.len();
    let read = start.elapsed();
    let split = slices::partition(ingested, &analyze.by, &config).map_err(|e| {
        // A standard file that cannot be used is named, not the data file.
        match (&e, &analyze.standard_file) {
            (Error::Standard(_), Some(path)) => failure(path, &e, lang),
            _ => failure(&analyze.file, &e, lang),
        }
    })?;
    let output = match analyze.format {
        Format::Json => {
            let mut json = Document::analyze(&split, &config, analyze.detail).to_json();
            json.push('\n');
            json
        }
        // The city table needs each slice's summary only, not its report. Text and CSV would
        // carry a name's ESC sequences to the terminal.
        format => {
            let headers: Vec<String> = split.by.iter().map(|d| d.header.clone()).collect();
            let summaries = split.slices.iter().map(|s| s.summary(&config)).collect();
            let table = city_table(&headers, summaries);
            match format {
                Format::Csv => terminal::escape_controls(&city_csv(&table), true).into_owned(),
                _ => city_text(&table, lang),
            }
        }
    };
    let analyzed = start.elapsed() - read;
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(output.as_bytes());
    if analyze.timing {
        eprintln!(
            "junheng: {rows} rows, {} slices: read {:.3} s, analyze {:.3} s, total {:.3} s",
            split.slices.len(),
            read.as_secs_f64(),
            analyzed.as_secs_f64(),
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// The city table to read: a row per slice and level with its schools, pupils, the 2012
/// composite CV against its limit and verdict, the 2017 CVs within their limits, the schools
/// short and the 2017 verdict; then the indicators failing most often.
fn city_text(table: &CityTable, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let word = |pass: Option<bool>| match (pass, zh) {
        (Some(true), true) => "达标",
        (Some(false), true) => "未达标",
        (Some(true), false) => "pass",
        (Some(false), false) => "fail",
        (None, _) => "—",
    };
    let number = |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{v:.3}"));
    let headers: [&str; 8] = if zh {
        [
            "学段",
            "学校数",
            "学生数",
            "综合差异系数",
            "基本均衡",
            "差异系数达标",
            "有差距学校",
            "优质均衡",
        ]
    } else {
        [
            "level",
            "schools",
            "pupils",
            "composite CV",
            "basic 2012",
            "CVs within limit",
            "schools short",
            "quality 2017",
        ]
    };
    let mut rows = Vec::new();
    for slice in &table.slices {
        let name = slice.value.join(" · ");
        if let Some(error) = &slice.error {
            let mut row = vec![name, if zh { &error.zh } else { &error.en }.clone()];
            row.resize(headers.len() + 1, String::new());
            rows.push(row);
            continue;
        }
        for level in &slice.levels {
            let basic = level.basic.as_ref();
            let quality = level.quality.as_ref();
            let composite = basic.map_or("—".to_string(), |b| {
                format!("{} / {}", number(b.composite_cv), number(b.max))
            });
            let cvs = quality.map_or("—".to_string(), |q| {
                let within = q.cvs.iter().filter(|c| c.ok == Some(true)).count();
                format!("{within} / {}", q.cvs.len())
            });
            rows.push(vec![
                name.clone(),
                junheng_core::names::level_name(level.level, lang).to_string(),
                level.schools.to_string(),
                format!("{:.0}", level.students),
                composite,
                word(basic.map(|b| b.pass)).to_string(),
                cvs,
                quality.map_or("—".to_string(), |q| q.schools_short.to_string()),
                word(quality.map(|q| q.pass)).to_string(),
            ]);
        }
    }
    let first = table.by.join(" · ");
    let mut out = crate::table::table(&first, &headers, &rows);
    let failing: Vec<Vec<String>> = table
        .failing
        .iter()
        .filter(|f| f.slices_failing > 0)
        .map(|f| {
            vec![
                if zh { &f.name_zh } else { &f.name_en }.clone(),
                junheng_core::names::level_name(f.level, lang).to_string(),
                format!("{} / {}", f.slices_failing, f.slices),
                format!("{} / {}", f.schools_below, f.schools),
            ]
        })
        .collect();
    if !failing.is_empty() {
        out.push('\n');
        let (first, headers) = if zh {
            ("最常未达标的指标", ["学段", "未达标片数", "低于标准的学校"])
        } else {
            (
                "indicators failing most often",
                ["level", "slices failing", "schools below"],
            )
        };
        out.push_str(&crate::table::table(first, &headers, &failing));
    }
    out
}
