//! Numeric robustness of the whole pipeline (bytes → `ingest::read` → `analysis::run`): the
//! report does not depend on the order of the rows, and scale-free measures do not depend on
//! the magnitude of the values, from 1e-9 to 1e12, as written in a CSV.

use junheng_core::analysis::{run, AnalysisConfig, IndicatorSpec, WeightSpec};
use junheng_core::ingest::{read, ReadOptions};
use junheng_core::measures::prec::{close, ABS_FLOOR, STABLE_REL};
use junheng_core::measures::{Dimension, MEASURES};
use serde_json::Value;

const SAMPLE: &str = include_str!("../../../data/sample/county.csv");

/// A small seeded generator (SplitMix64), so the permutations are the same on every run.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn report(text: &str, config: &AnalysisConfig) -> Value {
    let ingested = read(text.as_bytes(), &ReadOptions::new("county.csv")).unwrap();
    serde_json::to_value(run(&ingested, config).unwrap()).unwrap()
}

/// The parts of a report that must not depend on row order: every number of every indicator
/// (groups keyed by label), and the warning codes. Lines are left out: they move with the rows.
fn order_free(report: &Value) -> (Vec<Value>, Vec<String>) {
    let mut indicators = report["indicators"].as_array().unwrap().clone();
    for indicator in &mut indicators {
        let object = indicator.as_object_mut().unwrap();
        object.remove("missing_lines");
        if let Some(Value::Array(groups)) = object.get_mut("groups") {
            groups.sort_by(|a, b| a["group"].as_str().cmp(&b["group"].as_str()));
        }
    }
    let mut codes: Vec<String> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| format!("{} {}", w["code"], w["indicator"]))
        .collect();
    codes.sort();
    (indicators, codes)
}

/// Every number of `a` and `b` agrees to `STABLE_REL`; everything else is equal.
fn assert_close(a: &Value, b: &Value, path: &str) {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!(close(x, y, STABLE_REL, ABS_FLOOR), "{path}: {x} != {y}");
        }
        (Value::Array(xs), Value::Array(ys)) => {
            assert_eq!(xs.len(), ys.len(), "{path}");
            for (i, (x, y)) in xs.iter().zip(ys).enumerate() {
                assert_close(x, y, &format!("{path}[{i}]"));
            }
        }
        (Value::Object(xs), Value::Object(ys)) => {
            assert_eq!(
                xs.keys().collect::<Vec<_>>(),
                ys.keys().collect::<Vec<_>>(),
                "{path}"
            );
            for (key, x) in xs {
                assert_close(x, &ys[key], &format!("{path}.{key}"));
            }
        }
        _ => assert_eq!(a, b, "{path}"),
    }
}

#[test]
fn reports_do_not_depend_on_row_order() {
    let mut lines: Vec<&str> = SAMPLE.lines().collect();
    let header = lines.remove(0);
    let grouped = AnalysisConfig {
        group: Some("城乡分类".into()),
        ..AnalysisConfig::new()
    };
    for config in [AnalysisConfig::new(), grouped] {
        let (base, base_codes) = order_free(&report(SAMPLE, &config));
        assert!(base.len() >= 8, "{} indicators", base.len());
        let mut rng = SplitMix(20240601);
        for round in 0..20 {
            rng.shuffle(&mut lines);
            let text = format!("{header}\n{}\n", lines.join("\n"));
            let (permuted, codes) = order_free(&report(&text, &config));
            assert_eq!(codes, base_codes, "round {round}");
            assert_close(
                &Value::Array(permuted),
                &Value::Array(base.clone()),
                &format!("round {round}"),
            );
        }
    }
}

#[test]
fn magnitudes_from_1e_minus_9_to_1e12() {
    // Per-school values and pupils; the values are written as integers times 10^k, so each
    // cell is the nearest double to an exact decimal, as a person would type it.
    let values = [523, 1187, 96, 2210, 745, 745, 1502, 388, 61, 1999];
    let pupils = [812, 95, 1460, 330, 2204, 57, 640, 1188, 23, 905];
    let config = AnalysisConfig {
        indicators: vec![IndicatorSpec {
            name: "x".into(),
            expr: "指标值".into(),
        }],
        weight: WeightSpec::Column("在校学生数".into()),
        ..AnalysisConfig::new()
    };
    let at = |k: i32| {
        let mut text = String::from("学校名称,在校学生数,指标值\n");
        for (i, (v, p)) in values.iter().zip(pupils).enumerate() {
            text.push_str(&format!("学校{i},{p},{v}e{k}\n"));
        }
        report(&text, &config)["indicators"][0].clone()
    };
    let base = at(0);
    assert_eq!(base["n"], 10);
    for k in -9..=12 {
        let got = at(k);
        assert_eq!(got["n"], base["n"]);
        // Measures in the unit of the values are multiplied by 10^k; the others (pure numbers,
        // the pupils' total) do not change.
        for measure in MEASURES {
            let key = measure.id;
            if measure.dimension != Dimension::Values {
                assert_close(&got[key], &base[key], &format!("10^{k} {key}"));
                continue;
            }
            let want = base[key].as_f64().unwrap() * 10f64.powi(k);
            let have = got[key].as_f64().unwrap();
            assert!(
                close(have, want, STABLE_REL, 0.0),
                "10^{k} {key}: {have} != {want}"
            );
        }
    }
}
