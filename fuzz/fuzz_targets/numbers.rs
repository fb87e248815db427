//! Arbitrary strings through `parse_number`, `parse_quantity` and `parse_ratio`: no panic, and
//! a value is always finite (otherwise the cell is Missing or Invalid); a unit scale is finite
//! and positive.
#![no_main]

use junheng_core::ingest::{parse_number, parse_quantity, parse_ratio, Number};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, number: Number) {
    if let Number::Value(v) = number {
        assert!(v.is_finite(), "{text:?} read as {v}");
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check(&text, parse_number(&text));
    check(&text, parse_ratio(&text));
    for decimal_comma in [false, true] {
        let q = parse_quantity(&text, decimal_comma);
        check(&text, q.number);
        if let Some(scale) = q.cell_scale {
            assert!(scale.is_finite() && scale > 0.0, "{text:?}: scale {scale}");
        }
    }
});
