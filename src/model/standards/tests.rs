//! The tab's view logic on the sample county (DOCS: docs/standards.md, "Sample county") and on
//! hand-made fixtures.

use junheng_core::fields::Field;
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::standards::planner::Change;
use junheng_core::standards::{prepare, Level, Options, SchoolInput, SchoolType, Split, Standard};
use junheng_core::Lang;

use super::*;
use crate::load::sample::{SAMPLE_CSV, SAMPLE_NAME};

fn sample_base(options: &Options) -> Base {
    let ingested = read(SAMPLE_CSV.as_bytes(), &ReadOptions::new(SAMPLE_NAME)).unwrap();
    base(&ingested, None, options).unwrap()
}

fn sample(pick: Pick, changes: &[Change]) -> (Standard, Base, Outcome) {
    let options = Options::national();
    let standard = resolve_standard(pick, None).unwrap();
    let base = sample_base(&options);
    let outcome = outcome(&standard, &base, &options, changes);
    (standard, base, outcome)
}

#[test]
fn quality_2017_fails_both_levels_on_schools_not_on_cvs() {
    let (_, _, out) = sample(Pick::Quality2017, &[]);
    let cards = cards(&out.report, &out.report);
    assert_eq!(cards.len(), 2);
    let expected = [(Level::Primary, 36, 66), (Level::Junior, 6, 29)];
    for (card, (level, failing, schools)) in cards.iter().zip(expected) {
        assert_eq!(card.level, level);
        assert!(!card.verdict);
        assert_eq!(card.was, None);
        assert_eq!(card.schools, schools);
        assert_eq!(card.failing_schools, Some(failing));
        assert_eq!(card.cvs.len(), 7);
        assert!(
            card.cvs.iter().all(|c| c.ok == Some(true)),
            "every CV passes"
        );
        assert!(matches!(card.rule, Rule::EveryCv { mean: Some(_) }));
        assert_eq!(card.reasons.len(), 1, "{:?}", card.reasons);
        assert!(card.reasons[0].zh.contains(&format!("{failing} 所学校")));
    }
}

#[test]
fn basic_2012_passes_on_the_composite() {
    let (_, _, out) = sample(Pick::Basic2012, &[]);
    let cards = cards(&out.report, &out.report);
    let composites: Vec<String> = cards
        .iter()
        .map(|c| match &c.rule {
            Rule::Composite(line) => {
                assert_eq!(line.ok, Some(true));
                cv(line.cv)
            }
            Rule::EveryCv { .. } => panic!("2012 judges the composite"),
        })
        .collect();
    assert_eq!(composites, ["0.215", "0.200"]);
    for card in &cards {
        assert!(card.verdict && card.reasons.is_empty());
        assert_eq!(
            card.failing_schools, None,
            "no national per-school standard"
        );
        assert_eq!(card.cvs.len(), 8);
        assert!(card.cvs.iter().all(|c| c.ok.is_none() && c.max.is_none()));
    }
    let max = match &cards[0].rule {
        Rule::Composite(line) => line.max,
        _ => None,
    };
    assert_eq!(max, Some(0.65));
}

#[test]
fn a_single_cv_above_the_threshold_with_a_passing_composite_is_a_pass() {
    // Two primary schools: books 1 vs 30 per pupil gives a books CV far above 0.65, while the
    // seven other indicators are equal (CV 0): composite = books CV / 8.
    let school = |name: &str, line: u64, books: f64| {
        SchoolInput::new(name, line, SchoolType::Primary, 100.0)
            .with(Field::TeachingArea, 500.0)
            .with(Field::SportsArea, 800.0)
            .with(Field::EquipmentValue, 200_000.0)
            .with(Field::Computers, 15.0)
            .with(Field::Books, books)
            .with(Field::Teachers, 8.0)
            .with(Field::TeachersAboveQual, 7.0)
            .with(Field::TeachersMidTitle, 3.0)
    };
    let options = Options::national();
    let base = Base {
        prepared: prepare(&[school("甲", 2, 100.0), school("乙", 3, 3000.0)], &options),
        warnings: Vec::new(),
    };
    let standard = resolve_standard(Pick::Basic2012, None).unwrap();
    let out = outcome(&standard, &base, &options, &[]);
    let card = &cards(&out.report, &out.report)[0];
    let books = card
        .cvs
        .iter()
        .find(|c| c.id == "books_per_student")
        .unwrap();
    assert!(books.cv.unwrap() > 0.65);
    assert!(card.verdict, "the composite is what is judged");
    let table = cv_table(&out.report.levels[0]);
    let composite = table.last().unwrap();
    assert!(composite.composite);
    assert_eq!(composite.line.ok, Some(true));
    assert!(table[..8].iter().all(|c| c.line.ok.is_none()));
}

#[test]
fn filling_the_gaps_of_the_failing_primary_schools_flips_the_primary_verdict() {
    let (standard, base, before) = sample(Pick::Quality2017, &[]);
    let changes = fill_level(&before, &standard, Level::Primary);
    assert!(changes.len() >= 36);
    assert!(changes
        .iter()
        .all(|c| c.level == Level::Primary && c.delta > 0.0));
    let options = Options::national();
    let after = outcome(&standard, &base, &options, &changes);
    assert_eq!(after.changes, changes.len());
    let cards = cards(&after.report, &before.report);
    assert!(cards[0].verdict, "{:?}", cards[0].reasons);
    assert_eq!(cards[0].was, Some(false));
    assert_eq!(cards[0].failing_schools, Some(0));
    assert!(!cards[1].verdict, "junior untouched");
    assert_eq!(cards[1].was, None);
    assert!(failing_gaps(&after, Level::Primary).is_empty());
    // The export lists the plan before the edits and every edit.
    let csv = crate::export::plan_csv(Lang::Zh, &standard, &before.plan, &changes);
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(
        csv.lines().filter(|l| l.contains(",自行调整,")).count(),
        changes.len()
    );
}

#[test]
fn cv_table_rows_follow_the_national_format() {
    let (_, _, out) = sample(Pick::Quality2017, &[]);
    let table = cv_table(&out.report.levels[0]);
    assert_eq!(table.len(), 8, "seven indicators and 综合");
    for column in &table[..7] {
        let (cv, mean, sd) = (
            column.line.cv.unwrap(),
            column.mean.unwrap(),
            column.sd.unwrap(),
        );
        assert!((sd - cv * mean).abs() <= 1e-12 * sd.abs().max(1.0));
        assert_eq!(column.line.max, Some(0.5));
        assert!(!column.composite);
    }
    let composite = &table[7];
    assert!(composite.composite && composite.line.max.is_none() && composite.mean.is_none());
    let mean: f64 = table[..7].iter().map(|c| c.line.cv.unwrap()).sum::<f64>() / 7.0;
    assert!((composite.line.cv.unwrap() - mean).abs() < 1e-12);
}

#[test]
fn attainment_table_lists_standard_floor_and_actual() {
    let (standard, _, out) = sample(Pick::Quality2017, &[]);
    let (heads, rows) = attainment(&out, &standard, Level::Primary, false).unwrap();
    assert_eq!(heads.len(), 7);
    assert_eq!(rows.len(), 66);
    let teaching = heads
        .iter()
        .find(|h| h.id == "teaching_area_per_student")
        .unwrap();
    assert_eq!(teaching.standard, 4.5);
    assert!((teaching.floor - 3.825).abs() < 1e-12);
    let (_, failing) = attainment(&out, &standard, Level::Primary, true).unwrap();
    assert_eq!(failing.len(), 36);
    for row in &failing {
        assert!(!row.passes);
        assert_eq!(row.met, row.cells.iter().filter(|c| c.reached).count());
        assert!(row.met < 7);
        assert!(row.section < out.prepared.sections.len());
        assert_eq!(out.prepared.sections[row.section].line, row.line);
    }
    // Passing schools: at most one unreached, and it is above the floor.
    for row in rows.iter().filter(|r| r.passes) {
        assert!(row.met >= 6 && row.cells.iter().all(|c| c.above_floor));
    }
    let (_, _, basic) = sample(Pick::Basic2012, &[]);
    let basic_standard = resolve_standard(Pick::Basic2012, None).unwrap();
    assert!(attainment(&basic, &basic_standard, Level::Primary, false).is_none());
}

#[test]
fn shortfalls_and_totals_in_natural_units() {
    let (_, _, out) = sample(Pick::Quality2017, &[]);
    let gaps = failing_gaps(&out, Level::Primary);
    assert_eq!(gaps.len(), 36);
    for row in &gaps {
        assert!(!row.gap.shortfalls.is_empty());
        // Apportioned teachers and rooms of spanning schools are fractional.
        let whole_school = out.prepared.sections[row.gap.section].share.is_none();
        for s in &row.gap.shortfalls {
            assert!(s.shortfall >= 0.0);
            if whole_school && ["teachers", "rooms"].contains(&s.unit.as_str()) {
                assert_eq!(s.shortfall.fract(), 0.0, "whole {}", s.unit);
            }
        }
    }
    assert!(failing_without_gaps(&out, Level::Primary).is_empty());
    let totals: Vec<_> = out
        .plan
        .totals
        .iter()
        .filter(|t| t.level == Level::Primary)
        .collect();
    assert!(!totals.is_empty());
    for total in totals {
        let sum: f64 = gaps
            .iter()
            .flat_map(|r| r.gap.shortfalls.iter())
            .filter(|s| s.indicator == total.indicator)
            .map(|s| s.shortfall)
            .sum();
        assert!((sum - total.total_failing).abs() <= 1e-6 * sum.max(1.0));
    }
}

#[test]
fn a_failing_cv_gets_a_floor_plan_that_fixes_it() {
    // Five primary schools with very unequal teaching area: CV above 0.50.
    let options = Options::national();
    let areas = [50.0, 80.0, 600.0, 900.0, 1500.0];
    let schools: Vec<SchoolInput> = areas
        .iter()
        .enumerate()
        .map(|(k, a)| {
            SchoolInput::new(&format!("校{k}"), k as u64 + 2, SchoolType::Primary, 200.0)
                .with(Field::TeachingArea, *a)
        })
        .collect();
    let base = Base {
        prepared: prepare(&schools, &options),
        warnings: Vec::new(),
    };
    let standard = resolve_standard(Pick::Quality2017, None).unwrap();
    let before = outcome(&standard, &base, &options, &[]);
    let cv_before = before.report.levels[0].indicators[3].cv.unwrap();
    assert!(cv_before > 0.5);
    let floor = before
        .plan
        .floors
        .iter()
        .find(|f| f.indicator == "teaching_area_per_student")
        .unwrap();
    assert!(!floor.changes.is_empty());
    let top_k = before
        .plan
        .top_k
        .iter()
        .find(|p| p.indicator == floor.indicator)
        .unwrap();
    assert!(top_k.k >= 1);
    let after = outcome(&standard, &base, &options, &floor.changes);
    let teaching = &after.report.levels[0].indicators[3];
    assert_eq!(teaching.cv_ok, Some(true));
    assert!(teaching.cv.unwrap() <= 0.5 + 1e-12);
}

#[test]
fn an_edit_adds_resource_and_reports_the_new_value() {
    let options = Options::national();
    let schools = [
        SchoolInput::new("甲", 2, SchoolType::Primary, 500.0).with(Field::TeachersAboveQual, 20.0),
        SchoolInput::new("乙", 3, SchoolType::Primary, 100.0).with(Field::TeachersAboveQual, 5.0),
    ];
    let base = Base {
        prepared: prepare(&schools, &options),
        warnings: Vec::new(),
    };
    let standard = resolve_standard(Pick::Quality2017, None).unwrap();
    let change = edit_change(
        &base.prepared,
        &standard,
        &options,
        0,
        "above_qual_teachers_per_100",
        1.0,
    )
    .unwrap();
    assert_eq!(change.name, "甲");
    assert_eq!(change.field, Field::TeachersAboveQual);
    assert!((change.from_value - 4.0).abs() < 1e-12);
    assert!((change.to_value - 4.2).abs() < 1e-12);
    assert_eq!(change.delta, 1.0);
    let before = outcome(&standard, &base, &options, &[]);
    let after = outcome(&standard, &base, &options, std::slice::from_ref(&change));
    let value = |o: &Outcome| o.report.schools[0].values["above_qual_teachers_per_100"];
    assert!((value(&before) - 4.0).abs() < 1e-12);
    assert!(
        (value(&after) - 4.2).abs() < 1e-12,
        "21 teachers for 500 pupils is 4.2"
    );
    // A removal never goes below zero.
    let removal = edit_change(
        &base.prepared,
        &standard,
        &options,
        1,
        "above_qual_teachers_per_100",
        -9.0,
    )
    .unwrap();
    assert_eq!(removal.delta, -5.0);
    assert_eq!(removal.to_value, 0.0);
    let cases = [
        (0, "nope", 1.0),
        (9, "above_qual_teachers_per_100", 1.0),
        (0, "above_qual_teachers_per_100", 0.0),
        (0, "above_qual_teachers_per_100", f64::NAN),
    ];
    for (section, indicator, delta) in cases {
        assert!(edit_change(
            &base.prepared,
            &standard,
            &options,
            section,
            indicator,
            delta
        )
        .is_none());
    }
}

#[test]
fn changes_of_another_file_are_dropped() {
    let (standard, base, before) = sample(Pick::Quality2017, &[]);
    let mut changes = fill_level(&before, &standard, Level::Junior);
    let kept = changes.len();
    let mut stray = changes[0].clone();
    stray.line += 1;
    changes.push(stray);
    let mut far = changes[0].clone();
    far.section = 10_000;
    changes.push(far);
    assert_eq!(valid_changes(&base.prepared, &changes).len(), kept);
    let out = outcome(&standard, &base, &Options::national(), &changes);
    assert_eq!(out.changes, kept);
}

#[test]
fn formats() {
    let cases = [
        ("1234567.5", "1,234,567.5"),
        ("-1234", "-1,234"),
        ("999", "999"),
        ("1000", "1,000"),
    ];
    for (raw, grouped) in cases {
        assert_eq!(group_thousands(raw), grouped);
    }
    assert_eq!(amount(Lang::Zh, 1234.56, "m2"), "1,234.6 m²");
    assert_eq!(amount(Lang::Zh, 12000.0, "yuan"), "12,000 元");
    assert_eq!(amount(Lang::En, 3.0, "teachers"), "3 teachers");
    assert_eq!(amount(Lang::Zh, 2.0, "rooms"), "2 间");
    assert_eq!(amount(Lang::Zh, -0.01, "m2"), "0.0 m²");
    assert_eq!(
        amount(Lang::Zh, 0.34, "teachers"),
        "0.3 人",
        "an apportioned share"
    );
    assert_eq!(line_label(Lang::Zh, 12), "第 12 行");
    assert_eq!(line_label(Lang::En, 12), "line 12");
    assert_eq!(value(Some(2345.6)), "2,346");
    assert_eq!(value(Some(4.2)), "4.200");
    assert_eq!(value(None), "—");
    assert_eq!(cv(Some(0.5153)), "0.515");
    assert_eq!(school_type_label(Lang::Zh, "nine_year"), "九年一贯制");
    assert_eq!(level_name(Lang::En, Level::Junior), "Junior");
}

#[test]
fn the_scope_line_names_every_choice() {
    let (_, _, out) = sample(Pick::Quality2017, &[]);
    let zh = scope_line(Lang::Zh, &out.report, None);
    for part in [
        "口径",
        "教督〔2017〕6号",
        "1.1",
        "1.32",
        "不含教学点",
        "不含民办",
        "等于标准值",
    ] {
        assert!(zh.contains(part), "{part} in {zh}");
    }
    let options = Options {
        split: Split::PupilProportional,
        include_teaching_points: true,
        include_private: true,
        gym_in_sports: true,
    };
    let standard = resolve_standard(Pick::Quality2017, None).unwrap();
    let other = outcome(&standard, &sample_base(&options), &options, &[]);
    let custom = CustomStandard::new("省标准.csv", "indicator,primary,junior\n");
    let en = scope_line(Lang::En, &other.report, Some(&custom));
    for part in [
        "Scope",
        "in proportion to pupils",
        "teaching points included",
        "private schools included",
        "gym",
        "省标准.csv",
    ] {
        assert!(en.contains(part), "{part} in {en}");
    }
}

#[test]
fn provincial_files_replace_or_modify_the_standard() {
    let csv = CustomStandard::new(
        "values.csv",
        "\u{feff}indicator,primary,junior\nteaching_area_per_student,5,6\n",
    );
    assert_eq!(csv.kind, CustomKind::Csv);
    let standard = resolve_standard(Pick::Quality2017, Some(&csv)).unwrap();
    let teaching = standard
        .indicators()
        .iter()
        .find(|i| i.id == "teaching_area_per_student")
        .unwrap();
    assert_eq!(teaching.standard.primary, Some(5.0));
    // The same values file does not fit 2012's indicators? It does: 2012 has teaching area too,
    // but no per-school rule; an unknown indicator is an error in both languages.
    let bad = CustomStandard::new("v.csv", "indicator,primary,junior\nnot_an_indicator,1,1\n");
    let error = resolve_standard(Pick::Quality2017, Some(&bad)).unwrap_err();
    assert!(error.message(Lang::Zh).contains("not_an_indicator"));
    assert!(error
        .message(Lang::En)
        .contains("not part of this standard"));
    let json = CustomStandard::new("省.txt", "  {\"id\": 1");
    assert_eq!(json.kind, CustomKind::Json);
    let error = resolve_standard(Pick::Basic2012, Some(&json)).unwrap_err();
    assert!(error.message(Lang::Zh).contains("第 1 行"));
    let whole = CustomStandard::new(
        "basic.json",
        include_str!("../../../crates/core/src/standards/data/basic-2012.json"),
    );
    assert_eq!(
        resolve_standard(Pick::Quality2017, Some(&whole))
            .unwrap()
            .id(),
        "basic-2012"
    );
}

#[test]
fn export_quotes_fields_and_keeps_the_bom() {
    let (standard, _, out) = sample(Pick::Quality2017, &[]);
    let gap = failing_gaps(&out, Level::Junior)[0].gap;
    let mut changes = gap_changes(&standard, gap);
    changes[0].name = "a,\"b\"".into();
    let csv = crate::export::plan_csv(Lang::Zh, &standard, &out.plan, &changes);
    assert!(csv.starts_with("\u{feff}学段,类别,指标,学校,行号,当前值,目标值,资源变化量,单位\r\n"));
    assert!(csv.contains("\"a,\"\"b\"\"\""));
    assert_eq!(csv.matches('\u{feff}').count(), 1);
    assert_eq!(export_name("quality-2017"), "junheng-plan-quality-2017.csv");
    let summary = change_summary(Lang::Zh, &standard, &changes[1.min(changes.len() - 1)]);
    assert!(
        summary.contains("初中") && summary.contains('+'),
        "{summary}"
    );
}

/// The cells of one CSV line (RFC 4180 quoting).
fn split_csv_line(line: &str) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    cells.push(cell);
    cells
}

/// The plan's CSV in the page's language (issue 17): names with units, no machine ids, numbers
/// with the page's decimals and no thousands separators.
#[test]
fn plan_csv_speaks_the_page_language() {
    let (standard, _, out) = sample(Pick::Quality2017, &[]);
    let gap = failing_gaps(&out, Level::Junior)[0].gap;
    let changes = gap_changes(&standard, gap);
    for lang in [Lang::Zh, Lang::En] {
        let csv = crate::export::plan_csv(lang, &standard, &out.plan, &changes);
        for id in [
            "_per_student",
            ",shortfall,",
            ",what_if,",
            ",total,",
            ",m2\r",
            ",junior,",
        ] {
            assert!(!csv.contains(id), "{id} in {lang:?}: {csv}");
        }
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().skip(1).collect();
        assert!(!rows.is_empty());
        for line in &rows {
            // Cells 5–7 are numbers or empty.
            let cells = split_csv_line(line);
            assert_eq!(cells.len(), 9, "{line}");
            for cell in cells[5..8].iter().map(String::as_str) {
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok(),
                    "{cell} in {line}"
                );
                // Values have 2 or 4 decimals, amounts 0 or 2: never a long binary tail.
                let decimals = cell.split_once('.').map_or(0, |(_, f)| f.len());
                assert!([0, 2, 4].contains(&decimals), "{cell} in {line}");
            }
        }
    }
    let zh = crate::export::plan_csv(Lang::Zh, &standard, &out.plan, &changes);
    assert!(zh.contains("\r\n初中,学校未达标的缺口,"), "{zh}");
    assert!(
        zh.contains("（平方米/生）") && zh.contains(",m²\r\n"),
        "{zh}"
    );
    let en = crate::export::plan_csv(Lang::En, &standard, &out.plan, &changes);
    assert!(en.contains("\r\nJunior,School shortfall,"), "{en}");
    assert!(en.contains("(m² per student)"), "{en}");
}

/// The sample county's outcome repeated `copies` times, each copy's lines shifted by 10 000
/// per copy: a national-size outcome without evaluating a national file.
fn repeated(out: &Outcome, copies: u64) -> Outcome {
    let mut big = out.clone();
    let sections = out.prepared.sections.len();
    for copy in 1..copies {
        let shift = copy * 10_000;
        big.prepared
            .sections
            .extend(out.prepared.sections.iter().cloned().map(|mut s| {
                s.line += shift;
                s
            }));
        big.report
            .schools
            .extend(out.report.schools.iter().cloned().map(|mut s| {
                s.line += shift;
                s
            }));
        big.plan
            .gaps
            .extend(out.plan.gaps.iter().cloned().map(|mut g| {
                g.line += shift;
                g.section += copy as usize * sections;
                g
            }));
    }
    big
}

#[test]
fn per_school_tables_of_a_national_file_are_linear() {
    let (standard, _, mut out) = sample(Pick::Quality2017, &[]);
    // One failing school lacks a value (the sample lacks none), so that the copies show
    // whose missing indicators each gap carries.
    let first_gap = failing_gaps(&out, Level::Primary)[0].gap.line;
    out.report
        .schools
        .iter_mut()
        .find(|s| s.line == first_gap && s.level == "primary")
        .unwrap()
        .missing = vec!["books_per_student".into()];
    let (_, county_rows) = attainment(&out, &standard, Level::Primary, false).unwrap();
    // Every school's section is the one section_index finds.
    for row in &county_rows {
        assert_eq!(
            Some(row.section),
            section_index(&out.prepared, row.line, Level::Primary)
        );
    }
    let indices = section_indices(&out.prepared);
    assert_eq!(indices.len(), out.prepared.sections.len());
    // 1 100 copies of the sample: 104 500 sections, 72 600 primary schools. One scan of the
    // sections per school was 3.8·10⁹ comparisons; indexed, a moment.
    let big = repeated(&out, 1100);
    assert_eq!(
        big.prepared.sections.len(),
        1100 * out.prepared.sections.len()
    );
    let start = std::time::Instant::now();
    let (_, rows) = attainment(&big, &standard, Level::Primary, false).unwrap();
    let gaps = failing_gaps(&big, Level::Primary);
    assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    assert_eq!(rows.len(), 1100 * county_rows.len());
    assert_eq!(gaps.len(), 1100 * 36);
    for row in rows.iter().step_by(997) {
        let section = &big.prepared.sections[row.section];
        assert_eq!((section.line, section.level), (row.line, Level::Primary));
    }
    // Each gap carries its own school's missing indicators, found by line.
    let county_gaps = failing_gaps(&out, Level::Primary);
    assert_eq!(county_gaps[0].missing, ["books_per_student"]);
    assert!(county_gaps[1..].iter().all(|g| g.missing.is_empty()));
    for (row, county) in gaps.iter().zip(county_gaps.iter().cycle()) {
        assert_eq!(row.gap.line % 10_000, county.gap.line);
        assert_eq!(row.missing, county.missing);
    }
}
