//! Number formatting for the page: fixed decimals, no NaN ever shown; counts with thousands
//! separators.

/// A value with `decimals` digits after the point, or "—" when undefined.
pub fn fixed(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v:.decimals$}"),
        _ => "—".to_string(),
    }
}

/// A row count with thousands separators: 200000 → "200,000".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
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
}
