//! The invariant of slices (issue 19): every number and verdict of a slice equals that of the
//! same rows analysed as a file of their own (a CSV with the header and only those rows), for
//! counties, for years and for county × year; a county column with one value behaves as today.
//!
//! Reports are compared whole as JSON, but for what names the file rather than the rows: the
//! `source` echo (file name, row count, the slice), and line numbers, which are the file's in a
//! slice and the small file's in its own report: they are mapped from one to the other, and
//! warnings are compared by code and (mapped) line, their texts quoting lines.

use junheng_core::analysis::{run, AnalysisConfig, StandardChoice};
use junheng_core::dossier::{self, DossierConfig};
use junheng_core::ingest::{read, Ingested, ReadOptions};
use junheng_core::slices::{self, city_csv, city_table, Detail, Document, Slices};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../../tests/fixtures/city/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn ingest(csv: &str, name: &str) -> Ingested {
    read(csv.as_bytes(), &ReadOptions::new(name)).unwrap()
}

fn config(standard: Option<&str>) -> AnalysisConfig {
    AnalysisConfig {
        standard: standard.map(|id| StandardChoice::Builtin(id.into())),
        ..AnalysisConfig::new()
    }
}

/// `value` with line numbers mapped by `map` (file line → own file's line), the `source`
/// echo left out and each warning as its code and line.
fn normalized(mut value: Value, map: &dyn Fn(u64) -> u64) -> Value {
    fn walk(value: &mut Value, map: &dyn Fn(u64) -> u64) {
        match value {
            Value::Object(object) => {
                object.remove("source");
                for (key, v) in object.iter_mut() {
                    match (key.as_str(), v) {
                        ("line", Value::Number(n)) => {
                            *n = map(n.as_u64().unwrap()).into();
                        }
                        ("lines" | "missing_lines", Value::Array(lines)) => {
                            for line in lines {
                                *line = map(line.as_u64().unwrap()).into();
                            }
                        }
                        ("warnings", Value::Array(warnings)) => {
                            for w in warnings.iter_mut() {
                                let line = w["line"].as_u64().map(map);
                                *w = serde_json::json!([w["code"].clone(), line]);
                            }
                        }
                        (_, Value::String(text)) => *text = map_text(text, map),
                        (_, v) => walk(v, map),
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|v| walk(v, map)),
            _ => {}
        }
    }
    walk(&mut value, map);
    value
}

/// `text` with the line numbers it quotes mapped: a number, or a list of them, after "line",
/// "lines" or 第 ("龙潭第一教学点 (line 56)", "第 56、57 行").
fn map_text(text: &str, map: &dyn Fn(u64) -> u64) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut lines = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !c.is_ascii_digit() {
            out.push(c);
            i += 1;
            if out.ends_with("line ") || out.ends_with("lines ") || out.ends_with('第') {
                lines = true;
            } else if !matches!(c, ' ' | ',' | '、' | '，' | '-' | '–') {
                lines = false;
            }
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let digits: String = chars[start..i].iter().collect();
        let mapped = digits.parse().map(map).unwrap_or(u64::MAX);
        if lines && mapped < 1_000_000 {
            out.push_str(&mapped.to_string());
        } else {
            out.push_str(&digits);
        }
    }
    out
}

/// The first place where `a` and `b` differ, as a path and both values; `None` when equal.
fn difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for key in x.keys().chain(y.keys()) {
                let (u, v) = (&x.get(key), &y.get(key));
                match (u, v) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = difference(u, v, &format!("{path}.{key}")) {
                            return Some(d);
                        }
                    }
                    _ => return Some(format!("{path}.{key}: {u:?} vs {v:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| difference(u, v, &format!("{path}[{i}]"))),
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

/// Asserts `a` equals `b`, naming the first difference.
fn same(a: Value, b: Value, what: &str) {
    if let Some(d) = difference(&a, &b, "") {
        panic!("{what}: {d}");
    }
}

/// The raw lines of `csv` (no quoted line breaks, no quoted line breaks in the fixtures): line n of
/// the file is `lines[n - 1]`.
fn own_file(csv: &str, header_row: usize, file_lines: &[u64]) -> String {
    let lines: Vec<&str> = csv.lines().collect();
    // The title and the header, as the file has them.
    let mut out: String = lines[..header_row]
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    for &l in file_lines {
        out.push_str(lines[l as usize - 1]);
        out.push('\n');
    }
    out
}

/// Checks every slice of `csv` split by `by` against its rows as a file of their own: the
/// reports under each config, the city table's row and the dossier. Returns the slices.
fn check_slices(csv: &str, by: &[&str], configs: &[AnalysisConfig]) -> Slices {
    let by: Vec<String> = by.iter().map(|s| s.to_string()).collect();
    let split = slices::partition(ingest(csv, "city.csv"), &by, &configs[0]).unwrap();
    assert!(split.slices.len() > 1, "{by:?} splits the file");
    for slice in &split.slices {
        let lines: Vec<u64> = slice.ingested.table.rows.iter().map(|r| r.line).collect();
        let header_row = split.source.header_row as usize;
        let own = ingest(&own_file(csv, header_row, &lines), "own.csv");
        assert_eq!(own.table.rows.len(), lines.len(), "{:?}", slice.value);
        let map = |line: u64| {
            lines
                .binary_search(&line)
                .map_or(line + 1_000_000, |i| (i + header_row + 1) as u64)
        };
        for config in configs {
            let got = serde_json::to_value(slice.report(config).unwrap()).unwrap();
            let want = serde_json::to_value(run(&own, config).unwrap()).unwrap();
            same(
                normalized(got, &map),
                normalized(want, &|l| l),
                &format!("slice {:?}, standard {:?}", slice.value, config.standard),
            );
        }
        // The city table's row: both standards' CVs and verdicts, as in the own file's reports.
        let summary = slice.summary(&configs[0]);
        assert_eq!(summary.error, None);
        for (id, basic) in [("basic-2012", true), ("quality-2017", false)] {
            let report = run(&own, &config(Some(id))).unwrap();
            let levels = &report.standard.as_ref().unwrap().evaluation.levels;
            assert_eq!(summary.levels.len(), levels.len());
            for (row, level) in summary.levels.iter().zip(levels) {
                assert_eq!(row.level.id(), level.level);
                assert_eq!((row.schools, row.students), (level.schools, level.students));
                if basic {
                    let b = row.basic.as_ref().unwrap();
                    assert_eq!(
                        (b.composite_cv, b.max, b.pass),
                        (level.composite_cv, level.composite_cv_max, level.verdict)
                    );
                } else {
                    let q = row.quality.as_ref().unwrap();
                    assert_eq!(q.pass, level.verdict);
                    let cvs: Vec<_> = level.indicators.iter().map(|i| (i.cv, i.cv_ok)).collect();
                    let got: Vec<_> = q.cvs.iter().map(|c| (c.cv, c.ok)).collect();
                    assert_eq!(got, cvs);
                }
            }
        }
        // The dossier: every table, page 1's verdicts.
        let dossier_config = DossierConfig {
            analysis: configs[0].clone(),
            research: true,
        };
        let mut got = serde_json::to_value(slice.dossier(&dossier_config).unwrap()).unwrap();
        let mut want =
            serde_json::to_value(dossier::build(&own, &dossier_config).unwrap()).unwrap();
        // The county: a slice's is its column's value, before a title row, which speaks for
        // the whole file (某市2023年… names the city); the year may come from the title.
        let county = |d: &mut Value| d.as_object_mut().unwrap().remove("county").unwrap();
        let (got_county, want_county) = (county(&mut got), county(&mut want));
        if let Some(column) = split.by.iter().position(|d| d.kind == slices::Kind::County) {
            assert_eq!(got_county["name"]["value"], slice.value[column].as_str());
            assert_eq!(got_county["name"]["from"], "column");
        } else {
            assert_eq!(got_county["name"], want_county["name"]);
        }
        assert_eq!(got_county["year"]["value"], want_county["year"]["value"]);
        same(
            normalized(got, &map),
            normalized(want, &|l| l),
            &format!("dossier of {:?}", slice.value),
        );
    }
    split
}

fn configs() -> Vec<AnalysisConfig> {
    vec![
        config(None),
        config(Some("basic-2012")),
        config(Some("quality-2017")),
    ]
}

#[test]
fn each_county_is_its_rows_as_a_file_of_their_own() {
    let csv = fixture("three_counties.csv");
    let split = check_slices(&csv, &["县区"], &configs());
    let values: Vec<String> = split.slices.iter().map(|s| s.value.join("")).collect();
    assert_eq!(values, ["青山县", "河口县", "东湖区"]);
    // Each slice's county is its own, from the column.
    for slice in &split.slices {
        let report = slice.report(&config(None)).unwrap();
        let name = report.source.county.name.as_ref().unwrap();
        assert_eq!(name.value, slice.value[0]);
    }
    // The field id names the same column.
    let by_id = slices::partition(
        ingest(&csv, "city.csv"),
        &["county".to_string()],
        &config(None),
    )
    .unwrap();
    assert_eq!(by_id.slices, split.slices);
    assert_eq!(slices::detect(&ingest(&csv, "city.csv")), ["县区"]);
}

#[test]
fn each_year_is_its_rows_as_a_file_of_their_own() {
    let csv = fixture("two_years.csv");
    let split = check_slices(&csv, &["年份"], &configs());
    let years: Vec<Option<u32>> = split.slices.iter().map(|s| s.year).collect();
    assert_eq!(years, [Some(2022), Some(2023)]);
    // A school present both years is no duplicate, and the year is not an indicator.
    let report = run(&ingest(&csv, "years.csv"), &config(None)).unwrap();
    assert!(report.warnings.iter().all(|w| w.code != "duplicate_school"));
    assert!(report.indicators.iter().all(|i| i.name != "年份"));
}

/// 青山县's two years and the other counties' 2023学年: a province's monitoring file.
fn county_years() -> String {
    let years = fixture("two_years.csv");
    let counties = fixture("three_counties.csv");
    let mut lines = years.lines();
    let header = lines.next().unwrap();
    let mut out = format!("县区,{header}\n");
    for line in lines {
        out.push_str(&format!("青山县,{line}\n"));
    }
    for line in counties
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("青山县"))
    {
        let (county, rest) = line.split_once(',').unwrap();
        out.push_str(&format!("{county},2023学年,{rest}\n"));
    }
    out
}

#[test]
fn each_county_year_is_its_rows_as_a_file_of_their_own() {
    let csv = county_years();
    let split = check_slices(&csv, &["县区", "年份"], &configs()[..2]);
    let values: Vec<String> = split.slices.iter().map(|s| s.value.join("/")).collect();
    assert_eq!(
        values,
        [
            "青山县/2022学年",
            "青山县/2023学年",
            "河口县/2023学年",
            "东湖区/2023学年"
        ]
    );
    // The monitoring table: one series per county, 青山县 with its two years.
    let summaries = split.slices.iter().map(|s| s.summary(&config(None)));
    let document = Document::assemble(
        &split,
        Detail::All,
        split
            .slices
            .iter()
            .map(|s| s.report(&config(None)))
            .collect(),
        summaries.collect(),
    );
    let monitoring = document.monitoring.unwrap();
    assert_eq!(monitoring.by, "年份");
    assert_eq!(monitoring.series.len(), 3);
    assert_eq!(monitoring.series[0].key, ["青山县"]);
    assert_eq!(monitoring.series[0].years.len(), 2);
}

/// The three counties as a city sends them: a title row, the county cell merged down (written
/// on each county's first row only), each county's subtotal after its schools with no label
/// (its numbers are the sums; with `total_first`, before them, carrying the county's cell), and
/// a labelled 合计 at the end.
fn city_as_sent(total_first: bool) -> String {
    let csv = fixture("three_counties.csv");
    let mut lines = csv.lines();
    let header = lines.next().unwrap();
    let width = header.split(',').count();
    let mut out = format!(
        "某市2023年义务教育学校办学条件统计表{}\n{header}\n",
        ",".repeat(width - 1)
    );
    let mut blocks: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    for line in lines {
        let cells: Vec<String> = line.split(',').map(String::from).collect();
        match blocks.last_mut() {
            Some((county, rows)) if *county == cells[0] => rows.push(cells),
            _ => blocks.push((cells[0].clone(), vec![cells])),
        }
    }
    // Text columns (县区 … 举办者) come first; the numbers from 在校学生数 on.
    let first_number = header.split(',').position(|h| h == "在校学生数").unwrap();
    let sums = |rows: &[&Vec<String>]| -> Vec<String> {
        (first_number..width)
            .map(|c| {
                let values: Vec<f64> = rows.iter().filter_map(|r| r[c].parse().ok()).collect();
                let sum: f64 = values.iter().sum();
                match (values.is_empty(), values.iter().all(|v| v.fract() == 0.0)) {
                    (true, _) => String::new(),
                    (false, true) => format!("{sum}"),
                    (false, false) => format!("{sum:.2}"),
                }
            })
            .collect()
    };
    let mut all: Vec<&Vec<String>> = Vec::new();
    for (county, rows) in &blocks {
        let block: Vec<&Vec<String>> = rows.iter().collect();
        let blank = ",".repeat(first_number - 2);
        let total = sums(&block).join(",");
        if total_first {
            out.push_str(&format!("{county},{blank},{total}\n"));
        }
        for (i, row) in rows.iter().enumerate() {
            let county = if i == 0 && !total_first {
                row[0].as_str()
            } else {
                ""
            };
            out.push_str(&format!("{county},{}\n", row[1..].join(",")));
        }
        if !total_first {
            out.push_str(&format!(",{blank},{total}\n"));
        }
        all.extend(block);
    }
    let blank = ",".repeat(first_number - 2);
    out.push_str(&format!("合计,{blank},{}\n", sums(&all).join(",")));
    out
}

#[test]
fn a_city_file_as_sent_slices_as_its_counties_files() {
    let csv = city_as_sent(false);
    let split = check_slices(&csv, &["县区"], &configs());
    assert_eq!(split.source.header_row, 2);
    // Each county's subtotal is left out as a sum (here already by the file's pass: the rows
    // since the last row left out), the total by its label; no row is without a county (the
    // merged cells are filled).
    let lines: Vec<u64> = split.source.skipped.iter().map(|s| s.line).collect();
    assert_eq!(lines, [33, 60, 79, 80]);
    assert!(split.without_value.is_empty());
    let rows: usize = split
        .slices
        .iter()
        .map(|s| s.ingested.table.rows.len())
        .sum();
    assert_eq!(rows, 74);
    // Each county's total written first: the file's pass sees only the first (the sum of every
    // row below it is the city's, not 青山县's); each slice's own pass finds its county's.
    let split = check_slices(&city_as_sent(true), &["县区"], &configs()[..1]);
    let skipped: Vec<u64> = split
        .slices
        .iter()
        .flat_map(|s| s.ingested.table.source.skipped.iter().map(|k| k.line))
        .collect();
    assert_eq!(skipped, [3, 34, 61]);
    // The title gives every county its year; the column its name.
    for slice in &split.slices {
        let report = slice.report(&config(None)).unwrap();
        assert_eq!(report.source.county.year.as_ref().unwrap().value, 2023);
        assert_eq!(
            report.source.county.name.as_ref().unwrap().value,
            slice.value[0]
        );
    }
}

#[test]
fn a_county_column_with_one_value_behaves_as_today() {
    let counties = fixture("three_counties.csv");
    let one: String = counties
        .lines()
        .enumerate()
        .filter(|(i, l)| *i == 0 || l.starts_with("青山县"))
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    let ingested = ingest(&one, "青山县.csv");
    // Nothing to split: the column names the county.
    assert!(slices::detect(&ingested).is_empty());
    let whole = run(&ingested, &config(Some("quality-2017"))).unwrap();
    assert_eq!(whole.source.county.name.as_ref().unwrap().value, "青山县");
    // The same numbers as the file without the column.
    let without: String = one
        .lines()
        .map(|l| format!("{}\n", l.split_once(',').unwrap().1))
        .collect();
    let plain = run(
        &ingest(&without, "青山县.csv"),
        &config(Some("quality-2017")),
    )
    .unwrap();
    let strip = |r: &junheng_core::report::Report| {
        let mut v = serde_json::to_value(r).unwrap();
        v.as_object_mut().unwrap().remove("source");
        v
    };
    assert_eq!(strip(&whole), strip(&plain));
    // Split by it anyway: one slice, the whole file's report.
    let split = slices::partition(ingested, &["县区".into()], &config(None)).unwrap();
    assert_eq!(split.slices.len(), 1);
    let sliced = split.slices[0]
        .report(&config(Some("quality-2017")))
        .unwrap();
    assert_eq!(strip(&sliced), strip(&whole));
}

#[test]
fn a_city_analysed_whole_says_so() {
    let csv = fixture("three_counties.csv");
    let several = |config: &AnalysisConfig| -> Vec<String> {
        let report = run(&ingest(&csv, "city.csv"), config).unwrap();
        report
            .warnings
            .iter()
            .filter(|w| w.code == "several_counties")
            .map(|w| w.en.clone())
            .collect()
    };
    let got = several(&config(None));
    assert_eq!(got.len(), 1);
    assert!(
        got[0].starts_with("Column “县区” holds several values (青山县, 河口县, 东湖区 …)"),
        "{}",
        got[0]
    );
    // One county kept: nothing to say.
    let mut one = config(None);
    one.filters.push(junheng_core::analysis::Filter {
        column: "县区".into(),
        value: "河口县".into(),
    });
    assert!(several(&one).is_empty());
    // Two years of one county: the year column.
    let years = run(&ingest(&fixture("two_years.csv"), "y.csv"), &config(None)).unwrap();
    let codes: Vec<&str> = years.warnings.iter().map(|w| w.code).collect();
    assert!(codes.contains(&"several_counties"), "{codes:?}");
}

#[test]
fn the_city_table_and_its_csv() {
    let csv = fixture("three_counties.csv");
    let split =
        slices::partition(ingest(&csv, "city.csv"), &["县区".into()], &config(None)).unwrap();
    let summaries: Vec<_> = split
        .slices
        .iter()
        .map(|s| s.summary(&config(None)))
        .collect();
    let table = city_table(&["县区".into()], summaries);
    // A row per county and level; the heat table has each county's row per level.
    let rows: usize = table.slices.iter().map(|s| s.levels.len()).sum();
    assert_eq!(rows, 6);
    assert_eq!(table.heat.len(), 2);
    assert!(table.heat.iter().all(|h| h.rows.len() == 3));
    // A heat cell is the CV over its limit; the last column is the 2012 composite.
    let row = &table.slices[1].levels[0];
    let books = row.quality.as_ref().unwrap();
    let cell = &table.heat[0].rows[1].cells[0];
    assert_eq!(cell.cv, books.cvs[0].cv);
    assert_eq!(
        cell.ratio,
        Some(books.cvs[0].cv.unwrap() / books.cvs[0].max.unwrap())
    );
    let composite = table.heat[0].rows[1].cells.last().unwrap();
    assert_eq!(composite.cv, row.basic.as_ref().unwrap().composite_cv);
    assert_eq!(table.heat[0].columns.last().unwrap().max, Some(0.65));
    // Every 2017 indicator, per level, with how many of the 3 counties fail it.
    assert_eq!(table.failing.len(), 2 * table.indicators.len());
    for f in &table.failing {
        assert_eq!(f.slices, 3);
        let failing = table
            .slices
            .iter()
            .filter_map(|s| s.levels.iter().find(|l| l.level == f.level))
            .filter(|l| {
                let c = l
                    .quality
                    .as_ref()
                    .unwrap()
                    .cvs
                    .iter()
                    .find(|c| c.id == f.id);
                c.unwrap().ok != Some(true)
            })
            .count();
        assert_eq!(f.slices_failing, failing);
    }
    let text = city_csv(&table);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + rows);
    assert!(lines[0].starts_with("县区,level,schools,students,composite_cv"));
    assert!(lines[1].starts_with("青山县,primary,21,"));
    assert!(lines[6].starts_with("东湖区,junior,"));
}
