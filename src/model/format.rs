//! Number formatting for the page: fixed decimals, no NaN ever shown.

/// A value with `decimals` digits after the point, or "—" when undefined.
pub fn fixed(value: Option<f64>, decimals: usize) -> String {
    match value {
        Some(v) if v.is_finite() => format!("{v:.decimals$}"),
        _ => "—".to_string(),
    }
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
    }
}
