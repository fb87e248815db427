//! Arbitrary CSV text through `ingest::read` and `analysis::run` with the default
//! configuration (and, by the first byte, grouped by one of the columns): no panic, and no
//! NaN or infinity anywhere in the report.
#![no_main]

use junheng_core::analysis::{run, AnalysisConfig};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::report::IndicatorResult;
use libfuzzer_sys::fuzz_target;

fn check(name: &str, x: Option<f64>) {
    if let Some(v) = x {
        assert!(v.is_finite(), "{name} = {v}");
    }
}

fn check_indicator(r: &IndicatorResult) {
    for (measure, v) in r.measures.iter() {
        check(measure.id(), v);
    }
    for (name, v) in [
        ("theil_between", r.theil_between),
        ("theil_within", r.theil_within),
        ("mld_between", r.mld_between),
        ("mld_within", r.mld_within),
    ] {
        check(name, v);
    }
    for g in &r.groups {
        for (name, v) in [
            ("group weight_total", g.weight_total),
            ("group mean", g.mean),
            ("group cv", g.cv),
            ("group gini", g.gini),
            ("group theil", g.theil),
        ] {
            check(name, v);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let (choice, bytes) = data.split_first().map_or((0, data), |(c, rest)| (*c, rest));
    let text = String::from_utf8_lossy(bytes);
    let Ok(ingested) = read(text.as_bytes(), &ReadOptions::new("fuzz.csv")) else {
        return;
    };
    let mut config = AnalysisConfig::new();
    if choice % 2 == 1 {
        let headers = &ingested.table.headers;
        let column = usize::from(choice / 2) % headers.len().max(1);
        config.group = headers.get(column).filter(|h| !h.is_empty()).cloned();
    }
    let Ok(report) = run(&ingested, &config) else {
        return;
    };
    for indicator in &report.indicators {
        check_indicator(indicator);
    }
    // serde_json would write a NaN as null: the checks above are what catch one.
    let _ = report.to_json();
    let _ = report.to_csv();
});
