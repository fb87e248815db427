//! Golden report of the built-in sample county: guards every key name and key order of
//! `junheng.report/1`, and the numbers to 1e-9 relative (so that a better last digit from the
//! measures does not break it, but a changed definition does).
//!
//! After an intended change, regenerate with
//! `JUNHENG_UPDATE_GOLDEN=1 cargo test -p junheng-cli --test golden` and review the diff.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn check(args: &[&str], golden: &str) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_junheng"))
        .args(args)
        .current_dir(&root)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got = String::from_utf8(out.stdout).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(golden);
    if std::env::var_os("JUNHENG_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        keys_in_order(&got),
        keys_in_order(&expected),
        "key names and order"
    );
    let got: Value = serde_json::from_str(&got).unwrap();
    let expected: Value = serde_json::from_str(&expected).unwrap();
    same(&got, &expected, "$");
}

/// Every object key in order of appearance in pretty-printed JSON: a line's text up to `": `.
/// (`serde_json::Value` sorts keys, so order is checked on the text.)
fn keys_in_order(json: &str) -> Vec<&str> {
    json.lines()
        .filter_map(|line| line.trim_start().strip_prefix('"')?.split_once("\": "))
        .map(|(key, _)| key)
        .collect()
}

fn same(got: &Value, expected: &Value, path: &str) {
    match (got, expected) {
        (Value::Object(g), Value::Object(e)) => {
            let g_keys: Vec<&String> = g.keys().collect();
            let e_keys: Vec<&String> = e.keys().collect();
            assert_eq!(g_keys, e_keys, "keys of {path}");
            for (key, value) in e {
                same(&g[key], value, &format!("{path}.{key}"));
            }
        }
        (Value::Array(g), Value::Array(e)) => {
            assert_eq!(g.len(), e.len(), "length of {path}");
            for (i, (g, e)) in g.iter().zip(e).enumerate() {
                same(g, e, &format!("{path}[{i}]"));
            }
        }
        (Value::Number(g), Value::Number(e)) => {
            let (g, e) = (g.as_f64().unwrap(), e.as_f64().unwrap());
            assert!(
                (g - e).abs() <= 1e-9 * e.abs().max(1e-300),
                "{path}: {g} vs {e}"
            );
        }
        _ => assert_eq!(got, expected, "{path}"),
    }
}

#[test]
fn sample_county_default() {
    check(&["analyze", "data/sample/county.csv"], "county.json");
}

#[test]
fn sample_county_primary_by_urban_rural() {
    check(
        &[
            "analyze",
            "data/sample/county.csv",
            "--where",
            "学段=小学",
            "--group",
            "城乡分类",
            "--median-rule",
            "strict",
        ],
        "county_primary_by_urban_rural.json",
    );
}

#[test]
fn sample_county_quality_2017() {
    check(
        &[
            "analyze",
            "data/sample/county.csv",
            "--standard",
            "quality-2017",
        ],
        "county_quality_2017.json",
    );
}
