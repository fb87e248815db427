//! Plain language (issue 17 item 7): no internal id (backbone_teachers_per_100, teachers_pe_arts)
//! in any message a person reads, in either language: warnings, the standards' reasons, notes,
//! the 口径 line, the reasons schools are left out, and errors. Indicators are named by their
//! national names.

use junheng_core::analysis::{self, AnalysisConfig, StandardChoice};
use junheng_core::fields::Field;
use junheng_core::ingest::{self, ReadOptions};
use junheng_core::standards::Standard;
use junheng_core::Lang;

/// Every id a message must not show: indicator ids and field ids with an underscore (a plain
/// word such as `books` is also English).
fn ids() -> Vec<String> {
    let mut ids: Vec<String> = Field::ALL
        .iter()
        .map(|f| f.id().to_string())
        .filter(|id| id.contains('_'))
        .collect();
    for standard in ["basic-2012", "quality-2017"] {
        for indicator in Standard::builtin(standard).unwrap().indicators() {
            ids.push(indicator.id.clone());
        }
    }
    ids
}

fn assert_plain(texts: &[String]) {
    let ids = ids();
    for text in texts {
        for id in &ids {
            assert!(!text.contains(id.as_str()), "“{id}” in a message: {text}");
        }
    }
}

/// Every message of a report: warnings, and with a standard its reasons, notes, scope and
/// the reasons schools are left out.
fn messages(csv: &str, standard: Option<&str>) -> Vec<String> {
    let ingested = ingest::read(csv.as_bytes(), &ReadOptions::new("t.csv")).unwrap();
    let config = AnalysisConfig {
        standard: standard.map(|s| StandardChoice::Builtin(s.into())),
        ..AnalysisConfig::new()
    };
    let report = match analysis::run(&ingested, &config) {
        Ok(report) => report,
        Err(e) => return vec![e.message(Lang::Zh), e.message(Lang::En)],
    };
    let mut out: Vec<String> = Vec::new();
    for w in &report.warnings {
        out.push(w.zh.clone());
        out.push(w.en.clone());
    }
    if let Some(section) = &report.standard {
        let e = &section.evaluation;
        let texts = e
            .notes
            .iter()
            .chain(e.levels.iter().flat_map(|l| l.reasons.iter()))
            .chain(std::iter::once(&e.scope))
            .chain(e.excluded.iter().map(|x| &x.text))
            .chain(e.other_checks.iter().filter_map(|c| c.note.as_ref()));
        for t in texts {
            out.push(t.zh.clone());
            out.push(t.en.clone());
        }
    }
    out
}

#[test]
fn no_internal_id_in_any_message() {
    let sample = std::fs::read_to_string(
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/sample/county.csv"),
    )
    .unwrap();
    let cases = [
        // Every standard indicator, both standards: reasons, notes, scope, exclusions.
        (sample.as_str(), Some("basic-2012")),
        (sample.as_str(), Some("quality-2017")),
        (sample.as_str(), None),
        // Standard columns missing: "not computed" warnings name the indicators.
        (
            "学校名称,学段,在校学生数,图书册数\n一小,小学,500,2000\n二小,小学,400,0\n",
            None,
        ),
        // A zero value (Theil L undefined) and a single school.
        (
            "学校名称,学段,在校学生数,县级及以上骨干教师数\n一小,小学,500,0\n",
            None,
        ),
        (
            "学校名称,学段,在校学生数,县级及以上骨干教师数\n一小,小学,500,0\n二小,小学,400,3\n",
            Some("quality-2017"),
        ),
        // No usable value: the error names the indicator.
        (
            "学校名称,学段,在校学生数,县级及以上骨干教师数\n一小,小学,500,—\n二小,小学,400,—\n",
            None,
        ),
    ];
    let mut seen = 0;
    for (csv, standard) in cases {
        let texts = messages(csv, standard);
        assert!(!texts.is_empty(), "{standard:?}");
        seen += texts.len();
        assert_plain(&texts);
    }
    assert!(seen > 50, "{seen} messages checked");
}
