//! "Nice" axis ticks in steps of 1, 2 or 5 × 10ᵏ, as d3's `ticks`, `tickIncrement` and
//! `scale.nice`, and the numbers written beside them.
//!
//! # Method (d3-array `tickSpec`)
//!
//! ```text
//! raw step  s = (stop − start) / count
//! power     k = ⌊log₁₀ s⌋,  error e = s / 10ᵏ
//! factor    f = 10 if e ≥ √50, 5 if e ≥ √10, 2 if e ≥ √2, else 1
//! step        = f · 10ᵏ
//! ```
//! Ticks are the multiples of the step inside [start, stop]. When the step is below 1 they are
//! computed as i / (10⁻ᵏ / f), a division by an integer, so 0.3 prints as 0.3 and not as
//! 0.30000000000000004.

const E10: f64 = 7.0710678118654755; // √50
const E5: f64 = 3.1622776601683795; // √10
const E2: f64 = std::f64::consts::SQRT_2;

/// Tick values for [start, stop] with about `count` intervals; the step is 1, 2 or 5 × 10ᵏ.
///
/// The domain may be given backwards (the ticks then run backwards too). A single-value domain
/// gives that one value; a non-finite bound or `count == 0` gives no tick.
pub fn ticks(start: f64, stop: f64, count: usize) -> Vec<f64> {
    if count == 0 || !start.is_finite() || !stop.is_finite() {
        return Vec::new();
    }
    if start == stop {
        return vec![start];
    }
    let reverse = stop < start;
    let (lo, hi) = if reverse {
        (stop, start)
    } else {
        (start, stop)
    };
    let Some((i1, i2, inc)) = tick_spec(lo, hi, count as f64) else {
        return Vec::new();
    };
    if i2 < i1 {
        return Vec::new();
    }
    let mut values: Vec<f64> = (i1..=i2)
        .map(|i| {
            let i = i as f64;
            if inc < 0.0 {
                i / -inc
            } else {
                i * inc
            }
        })
        .collect();
    if reverse {
        values.reverse();
    }
    values
}

/// The tick step for [start, stop] and `count`, or `None` when it is undefined.
pub fn tick_step(start: f64, stop: f64, count: usize) -> Option<f64> {
    let (lo, hi) = if stop < start {
        (stop, start)
    } else {
        (start, stop)
    };
    if count == 0 || !lo.is_finite() || !hi.is_finite() || lo >= hi {
        return None;
    }
    let (_, _, inc) = tick_spec(lo, hi, count as f64)?;
    Some(if inc < 0.0 { 1.0 / -inc } else { inc })
}

/// The domain widened outward to multiples of its tick step (d3's `scale.nice`).
///
/// ```
/// use junheng_app::chart::ticks::nice;
/// assert_eq!(nice(0.0, 0.65, 5), (0.0, 0.7));
/// assert_eq!(nice(3.57, 4.2, 5), (3.5, 4.2));
/// ```
pub fn nice(start: f64, stop: f64, count: usize) -> (f64, f64) {
    if count == 0 || !start.is_finite() || !stop.is_finite() || start >= stop {
        return (start, stop);
    }
    let (mut lo, mut hi) = (start, stop);
    let mut previous = None;
    // d3 loops at most ten times: widening can change the step once or twice.
    for _ in 0..10 {
        let Some((_, _, inc)) = tick_spec(lo, hi, count as f64) else {
            break;
        };
        if previous == Some(inc) {
            break;
        }
        if inc > 0.0 {
            lo = (lo / inc).floor() * inc;
            hi = (hi / inc).ceil() * inc;
        } else {
            lo = (lo * inc).ceil() / inc;
            hi = (hi * inc).floor() / inc;
        }
        previous = Some(inc);
    }
    (lo, hi)
}

/// (i1, i2, inc): ticks are i·inc for i in i1..=i2, or i / −inc when inc < 0 (a step below 1).
fn tick_spec(start: f64, stop: f64, count: f64) -> Option<(i64, i64, f64)> {
    let step = (stop - start) / count;
    if !step.is_finite() || step <= 0.0 {
        return None;
    }
    let power = step.log10().floor();
    let error = step / 10f64.powf(power);
    let factor = if error >= E10 {
        10.0
    } else if error >= E5 {
        5.0
    } else if error >= E2 {
        2.0
    } else {
        1.0
    };
    let (mut i1, mut i2, inc);
    if power < 0.0 {
        let inverse = 10f64.powf(-power) / factor;
        i1 = (start * inverse).round();
        i2 = (stop * inverse).round();
        if i1 / inverse < start {
            i1 += 1.0;
        }
        if i2 / inverse > stop {
            i2 -= 1.0;
        }
        inc = -inverse;
    } else {
        inc = 10f64.powf(power) * factor;
        i1 = (start / inc).round();
        i2 = (stop / inc).round();
        if i1 * inc < start {
            i1 += 1.0;
        }
        if i2 * inc > stop {
            i2 -= 1.0;
        }
    }
    // An axis never has more than a few hundred ticks; refuse absurd counts instead of
    // allocating them.
    if !(i1.abs() < 1e15 && i2.abs() < 1e15) || i2 - i1 > 10_000.0 {
        return None;
    }
    if i2 < i1 && (0.5..2.0).contains(&count) {
        return tick_spec(start, stop, count * 2.0);
    }
    Some((i1 as i64, i2 as i64, inc))
}

/// Digits after the point that a tick step needs: 0.2 → 1, 0.05 → 2, 0.25 → 2, 5 → 0.
pub fn step_decimals(step: f64) -> usize {
    if !step.is_finite() || step <= 0.0 {
        return 0;
    }
    // The fewest digits d with step·10ᵈ a whole number (to a relative 1e-9).
    (0..=15)
        .find(|d| {
            let scaled = step * 10f64.powi(*d as i32);
            (scaled - scaled.round()).abs() <= 1e-9 * scaled.max(1.0)
        })
        .unwrap_or(15)
}

/// A tick label: the decimals the step needs (like d3's `tickFormat`), thousands grouped with
/// commas, no "-0"; scientific notation ("2e-9", "1.5e12") when the step is below 10⁻⁴ or the
/// value reaches 10¹².
///
/// ```
/// use junheng_app::chart::ticks::format_tick;
/// assert_eq!(format_tick(0.4, 0.2), "0.4");
/// assert_eq!(format_tick(1.0, 0.2), "1.0");
/// assert_eq!(format_tick(12000.0, 2000.0), "12,000");
/// ```
pub fn format_tick(value: f64, step: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    if step < 1e-4 || value.abs() >= 1e12 {
        return scientific(value);
    }
    group_thousands(&format!("{:.*}", step_decimals(step), value))
}

/// A data value for a label or a tooltip: four significant digits (at most four decimals),
/// trailing zeros dropped, thousands grouped: 0.28746 → "0.2875", 12345.6 → "12,346".
pub fn format_value(value: f64) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    if value == 0.0 {
        return "0".to_string();
    }
    let magnitude = value.abs().log10().floor();
    if !(-4.0..12.0).contains(&magnitude) {
        return scientific(value);
    }
    let decimals = (3.0 - magnitude).clamp(0.0, 4.0) as usize;
    let mut text = format!("{value:.decimals$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if text == "-0" {
        text = "0".to_string();
    }
    group_thousands(&text)
}

/// "1.5e12", "-2e-9": at most four significant digits.
fn scientific(value: f64) -> String {
    let text = format!("{value:.3e}");
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
    format!("{mantissa}e{exponent}")
}

/// Commas every three digits of the integer part, by the core formatter's grouping;
/// "-0.0" becomes "0.0". The decimals stay the ones the step chose.
fn group_thousands(text: &str) -> String {
    junheng_core::format::grouped(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ticks for (start, stop, count) and their labels.
    fn check(start: f64, stop: f64, count: usize, expected: &[&str]) {
        let values = ticks(start, stop, count);
        let step = tick_step(start, stop, count).unwrap_or(1.0);
        let labels: Vec<String> = values.iter().map(|v| format_tick(*v, step)).collect();
        assert_eq!(labels, expected, "ticks({start}, {stop}, {count})");
    }

    #[test]
    fn ticks_table() {
        check(0.0, 1.0, 5, &["0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        check(
            0.0,
            1.0,
            10,
            &[
                "0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0",
            ],
        );
        check(
            0.0,
            0.65,
            5,
            &["0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"],
        );
        check(
            3.57,
            4.2,
            5,
            &["3.6", "3.7", "3.8", "3.9", "4.0", "4.1", "4.2"],
        );
        check(
            0.0,
            12_345.0,
            5,
            &["0", "2,000", "4,000", "6,000", "8,000", "10,000", "12,000"],
        );
        check(-1.0, 1.0, 4, &["-1.0", "-0.5", "0", "0.5", "1.0"]);
        check(-23.0, -7.0, 4, &["-20", "-15", "-10"]);
        // Tiny and huge ranges.
        check(1e-9, 5e-9, 4, &["1e-9", "2e-9", "3e-9", "4e-9", "5e-9"]);
        check(0.0, 5e12, 5, &["0", "1e12", "2e12", "3e12", "4e12", "5e12"]);
        check(2e6, 3e6, 2, &["2,000,000", "2,500,000", "3,000,000"]);
        // Backwards: the ticks run backwards.
        check(1.0, 0.0, 2, &["1.0", "0.5", "0"]);
    }

    #[test]
    fn ticks_exact_values() {
        assert_eq!(ticks(0.0, 1.0, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(0.0, 0.3, 3), [0.0, 0.1, 0.2, 0.3]);
        assert_eq!(tick_step(0.0, 0.65, 5), Some(0.1));
        assert_eq!(tick_step(0.0, 1.0, 4), Some(0.2));
    }

    #[test]
    fn degenerate_domains() {
        assert_eq!(ticks(3.0, 3.0, 5), [3.0]);
        assert_eq!(ticks(0.0, 0.0, 5), [0.0]);
        assert!(ticks(0.0, 1.0, 0).is_empty());
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(ticks(0.0, f64::INFINITY, 5).is_empty());
        assert_eq!(tick_step(3.0, 3.0, 5), None);
        assert_eq!(nice(3.0, 3.0, 5), (3.0, 3.0));
    }

    #[test]
    fn nice_domains() {
        assert_eq!(nice(0.0, 1.0, 5), (0.0, 1.0));
        assert_eq!(nice(0.0, 0.65, 5), (0.0, 0.7));
        assert_eq!(nice(3.57, 4.2, 5), (3.5, 4.2));
        assert_eq!(nice(0.0, 12_345.0, 5), (0.0, 14_000.0));
        assert_eq!(nice(-0.13, 0.97, 5), (-0.2, 1.0));
        assert_eq!(nice(1.2e-9, 4.7e-9, 4), (1e-9, 5e-9));
    }

    #[test]
    fn formats() {
        assert_eq!(format_tick(-0.0, 0.1), "0");
        assert_eq!(format_tick(0.05, 0.05), "0.05");
        assert_eq!(format_tick(1234.5, 0.5), "1,234.5");
        assert_eq!(format_tick(f64::NAN, 1.0), "—");
        assert_eq!(step_decimals(0.1), 1);
        assert_eq!(step_decimals(0.25), 2);
        assert_eq!(step_decimals(5.0), 0);
        assert_eq!(format_value(0.28746), "0.2875");
        assert_eq!(format_value(0.65), "0.65");
        assert_eq!(format_value(12_345.6), "12,346");
        assert_eq!(format_value(-1234.0), "-1,234");
        assert_eq!(format_value(3.0), "3");
        assert_eq!(format_value(-0.00001), "-1e-5");
        assert_eq!(format_value(2.5e13), "2.5e13");
        assert_eq!(format_value(-0.00004), "-4e-5");
    }
}
