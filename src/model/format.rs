//! Number formatting for the page, through the one formatter of every table junheng prints
//! (`junheng_core::format`): half away from zero, thousands separators, "—" for no value.

use junheng_core::format::{number, optional, Kind};

/// A value with `decimals` digits after the point and thousands separators, or "—" when
/// undefined.
pub fn fixed(value: Option<f64>, decimals: usize) -> String {
    let decimals = u8::try_from(decimals).unwrap_or(u8::MAX);
    optional(value.filter(|v| v.is_finite()), Kind::Value(decimals))
}

/// A count with thousands separators: 200000 → "200,000".
pub fn thousands(n: usize) -> String {
    number(n as f64, Kind::Count)
}

/// A share stored as a fraction, as a percentage with 1 decimal: 0.8534 → "85.3%".
pub fn percent(share: f64) -> String {
    number(share, Kind::Percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(fixed(Some(0.51534), 3), "0.515");
        assert_eq!(fixed(Some(2.0), 0), "2");
        assert_eq!(fixed(None, 3), "—");
        assert_eq!(fixed(Some(f64::NAN), 3), "—");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    /// The page rounds as the dossier does (四舍五入), not ties-to-even on the binary value,
    /// and groups every value, not only counts.
    #[test]
    fn rounds_half_away_and_groups() {
        assert_eq!(fixed(Some(0.5625), 3), "0.563");
        assert_eq!(fixed(Some(2.675), 2), "2.68");
        assert_eq!(fixed(Some(12345.6789), 2), "12,345.68");
        assert_eq!(fixed(Some(-0.0004), 3), "0.000");
        assert_eq!(percent(0.8534), "85.3%");
        assert_eq!(percent(0.00049), "0.0%");
    }
}
