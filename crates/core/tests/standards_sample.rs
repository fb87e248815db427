//! The engine over the sample county (`data/sample/county.csv`), read through the real path:
//! `ingest::read` → `standards::schools_from_table` (the glue). Checks that the numbers look
//! sane, and pins the verdicts.

use junheng_core::ingest::{self, ReadOptions};
use junheng_core::standards::report::StandardReport;
use junheng_core::standards::{
    evaluate, plan, prepare, schools_from_table, Options, SchoolInput, Standard,
};

const SAMPLE: &str = include_str!("../../../data/sample/county.csv");

fn schools() -> Vec<SchoolInput> {
    let ingested = ingest::read(SAMPLE.as_bytes(), &ReadOptions::new("county.csv")).unwrap();
    let table = schools_from_table(&ingested, None).unwrap();
    assert_eq!(table.warnings, Vec::new(), "the sample has no unusable row");
    table.schools
}

fn summary(r: &StandardReport) -> String {
    let mut s = String::new();
    for l in &r.levels {
        let cvs: Vec<String> = l
            .indicators
            .iter()
            .map(|i| format!("{}={:.3}", i.id, i.cv.unwrap()))
            .collect();
        s += &format!(
            "{} schools={} verdict={} composite={:.3}\n  {}\n  reasons: {}\n",
            l.level,
            l.schools,
            l.verdict,
            l.composite_cv.unwrap(),
            cvs.join(" "),
            l.reasons
                .iter()
                .map(|r| r.en.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        );
    }
    s
}

#[test]
fn sample_county_is_sane() {
    let schools = schools();
    assert_eq!(schools.len(), 92);
    let options = Options::national();
    let prepared = prepare(&schools, &options);
    // 2 teaching points and 2 private schools out; 7 nine-year schools give two sections each.
    assert_eq!(prepared.sections.len(), 92 - 4 + 7);
    for id in ["basic-2012", "quality-2017"] {
        let standard = Standard::builtin(id).unwrap();
        let report = evaluate(&standard, &schools, &options);
        println!("{id}\n{}", summary(&report));
        assert_eq!(report.levels.len(), 2);
        assert_eq!(
            report.levels[0].schools + report.levels[1].schools,
            prepared.sections.len()
        );
        for level in &report.levels {
            for i in &level.indicators {
                let cv = i.cv.unwrap();
                assert!(
                    (0.05..1.0).contains(&cv),
                    "{id} {} {}: cv {cv}",
                    level.level,
                    i.id
                );
                assert_eq!(i.n, level.schools);
            }
        }
        // Pinned: the sample passes basic balance and fails high-quality balance (schools short of
        // the per-school standards).
        let verdicts: Vec<bool> = report.levels.iter().map(|l| l.verdict).collect();
        assert_eq!(
            verdicts,
            if id == "basic-2012" {
                [true, true]
            } else {
                [false, false]
            }
        );
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains("NaN") && !json.contains("null,\"mean\""));
        let p = plan(&standard, &prepared, &options);
        if id == "basic-2012" {
            let composite: Vec<f64> = report
                .levels
                .iter()
                .map(|l| l.composite_cv.unwrap())
                .collect();
            assert!(
                (composite[0] - 0.215).abs() < 0.0005 && (composite[1] - 0.200).abs() < 0.0005,
                "{composite:?}"
            );
        } else {
            let failing: Vec<&str> = report.levels[0]
                .indicators
                .iter()
                .filter(|i| i.cv_ok == Some(false))
                .map(|i| i.id.as_str())
                .collect();
            // Every 2017 CV is under its threshold; the county fails on per-school attainment.
            assert_eq!(failing, Vec::<&str>::new());
            assert!(p.floors.is_empty());
            assert!(!p.gaps.is_empty());
        }
        println!(
            "{id}: {} gaps, {} floors, {} top-k, {} composite",
            p.gaps.len(),
            p.floors.len(),
            p.top_k.len(),
            p.composite.len()
        );
    }
}
