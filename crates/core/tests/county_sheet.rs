//! The county sheet 县级指标 (docs/domain.md §2.2), parsed and matched with the 2017 items:
//! percentages, 是/否 and its synonyms, rows per level, unknown ids named in warnings with their
//! line, bad values named with line and column in both languages; and written back.

use junheng_core::standards::items::{CountyError, Resolved};
use junheng_core::standards::{CountySheet, CountyValues, Level, Standard};
use junheng_core::Lang;

fn quality() -> Standard {
    Standard::builtin("quality-2017").unwrap()
}

fn resolve(csv: &str) -> Result<Resolved, CountyError> {
    CountySheet::from_csv(csv.as_bytes(), "县级指标.csv")
        .unwrap()
        .resolve(&quality())
}

/// The figure entered for an item's value at a level.
fn value(values: &CountyValues, id: &str, key: &str, level: Option<Level>) -> Option<f64> {
    values.get(id, Some(key), level).and_then(|e| e.value)
}

#[test]
fn percentages_numbers_and_yes_no() {
    let r = resolve(
        "指标,值,说明,佐证材料\n\
         G9 教师5年360学时培训完成率,96%,,培训台账.xlsx\n\
         S1 社会认可度,８６．５％,问卷 1200 份,\n\
         G7 特殊教育学校生均公用经费,6000,,\n\
         Q9 校际差异率,0.14,,\n\
         G1 学校规划布局合理,达到,,规划文件.pdf\n\
         G2 四统一,未达到,,\n\
         G8 教师工资,Y,,\n\
         V1 以考试方式招生,无,,\n\
         V2 违规择校,N,,\n",
    )
    .unwrap();
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let v = &r.values;
    assert_eq!(value(v, "G9", "training_completion", None), Some(0.96));
    assert!((value(v, "S1", "satisfaction", None).unwrap() - 0.865).abs() < 1e-12);
    assert_eq!(value(v, "G7", "special_school_funds", None), Some(6000.0));
    assert_eq!(value(v, "Q9", "difference_rate", None), Some(0.14));
    let answer = |id: &str| v.get(id, None, None).and_then(|e| e.answer);
    assert_eq!(answer("G1"), Some(true));
    assert_eq!(answer("G2"), Some(false));
    assert_eq!(answer("V1"), Some(false));
    assert_eq!(answer("V2"), Some(false));
    // G8's one value is a yes/no.
    assert_eq!(
        v.get("G8", Some("teacher_pay"), None)
            .and_then(|e| e.answer),
        Some(true)
    );
    let g9 = v.get("G9", Some("training_completion"), None).unwrap();
    assert_eq!((g9.line, g9.evidence.as_str()), (Some(2), "培训台账.xlsx"));
    assert_eq!(
        v.get("S1", Some("satisfaction"), None).unwrap().note,
        "问卷 1200 份"
    );
}

#[test]
fn rows_per_level_and_values_named_by_their_words() {
    let r = resolve(
        "指标,值\n\
         G13 就近划片入学比例（小学）,100%\n\
         G13 就近划片入学比例（初中）,93%\n\
         G6 生均公用经费基准定额 小学,720\n\
         G6 生均公用经费基准定额 初中,940\n\
         G11 骨干教师占交流轮岗教师的比例,25%\n\
         G11 交流轮岗教师比例,12%\n",
    )
    .unwrap();
    let v = &r.values;
    assert_eq!(
        value(v, "G13", "nearby_rate", Some(Level::Primary)),
        Some(1.0)
    );
    assert_eq!(
        value(v, "G13", "nearby_rate", Some(Level::Junior)),
        Some(0.93)
    );
    assert_eq!(
        value(v, "G6", "benchmark", Some(Level::Primary)),
        Some(720.0)
    );
    assert_eq!(
        value(v, "G6", "benchmark", Some(Level::Junior)),
        Some(940.0)
    );
    assert_eq!(value(v, "G11", "backbone_share", None), Some(0.25));
    assert_eq!(value(v, "G11", "rotation_rate", None), Some(0.12));
}

#[test]
fn unknown_ids_and_rows_without_one_are_warned_with_their_line() {
    let r = resolve(
        "指标,值\n\
         一、政府保障程度,\n\
         G99 不存在的项,1\n\
         合计,3\n\
         S1 社会认可度,90\n",
    )
    .unwrap();
    let codes: Vec<(&str, Option<u64>)> = r.warnings.iter().map(|w| (w.code, w.line)).collect();
    assert_eq!(
        codes,
        [
            ("county_value_unknown_item", Some(3)),
            ("county_value_no_item", Some(4)),
            ("county_percent_read", Some(5)),
        ]
    );
    assert!(r.warnings[0].zh.contains("第 3 行") && r.warnings[0].zh.contains("G99"));
    assert!(r.warnings[0].en.contains("line 3") && r.warnings[0].en.contains("G99"));
    // 90 without % is 90 %, and the reader is told so.
    assert_eq!(value(&r.values, "S1", "satisfaction", None), Some(0.9));
    assert!(
        r.warnings[2].en.contains("“90” as 90 %"),
        "{}",
        r.warnings[2].en
    );
}

#[test]
fn bad_values_name_line_and_column_in_both_languages() {
    let e = resolve("指标,值\nG1 规划布局,1\nG9 培训完成率,很多\n").unwrap_err();
    // G1 takes a yes/no only.
    assert_eq!(
        e.message(Lang::Zh),
        "县级指标第 2 行 B 列（G1 规划布局）的值“1”无法识别：应填写 是 或 否（也可写 达到/未达到、有/无、Y/N）。"
    );
    let e = resolve("指标,值\nG9 培训完成率,很多\n").unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "County sheet (县级指标), line 2, column B (G9 培训完成率): “很多” cannot be read; write a percentage such as 96% or 0.96, or 是/否 (yes/no)."
    );
    let e = resolve("值,指标\n-5,G7 特殊教育学校生均公用经费\n").unwrap_err();
    assert!(
        e.message(Lang::Zh).contains("第 2 行 A 列") && e.message(Lang::En).contains("negative"),
        "{}",
        e.message(Lang::En)
    );
    // G11 has two values: a row must say which one.
    let e = resolve("指标,值\nG11,15%\n").unwrap_err();
    assert!(
        matches!(e, CountyError::WhichValue { line: 2, .. }),
        "{e:?}"
    );
}

#[test]
fn written_back_it_reads_the_same() {
    let standard = quality();
    let r = resolve(
        "指标,值,说明,佐证材料\n\
         G13 就近划片入学比例（初中）,96.5%,含寄宿生,划片文件.pdf\n\
         G6 生均公用经费基准定额（小学）,720,,\n\
         V6 弄虚作假,否,,\n",
    )
    .unwrap();
    let csv = r.values.to_csv(&standard);
    assert!(csv.starts_with("\u{feff}指标,值,说明,佐证材料\r\n"));
    assert!(csv.contains("G13 就近划片入学比例（初中）,96.5%,含寄宿生,划片文件.pdf\r\n"));
    let again = CountySheet::from_csv(csv.as_bytes(), "县级指标.csv")
        .unwrap()
        .resolve(&standard)
        .unwrap();
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    let strip = |v: &CountyValues| -> Vec<_> {
        let mut e: Vec<_> = v
            .entries
            .iter()
            .map(|e| {
                (
                    e.id.clone(),
                    e.key.clone(),
                    e.level,
                    e.value,
                    e.answer,
                    e.note.clone(),
                )
            })
            .collect();
        e.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        e
    };
    assert_eq!(strip(&again.values), strip(&r.values));
    // The blank sheet: one row per value the county can enter, nothing filled.
    let blank = CountyValues::new("模板").to_rows(&standard);
    assert_eq!(blank[0], ["指标", "值", "说明", "佐证材料"]);
    assert!(blank[1..].iter().all(|row| row[1].is_empty()));
    assert_eq!(blank.last().unwrap()[0], "V6 有弄虚作假行为");
}
