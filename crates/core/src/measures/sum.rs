//! Compensated summation, so that totals over 200 000 schools of very different sizes keep
//! their digits.

/// Neumaier's variant of Kahan summation: error bounded independently of n.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sum {
    total: f64,
    compensation: f64,
}

impl Sum {
    /// Adds one term.
    pub fn add(&mut self, x: f64) {
        let t = self.total + x;
        if self.total.abs() >= x.abs() {
            self.compensation += (self.total - t) + x;
        } else {
            self.compensation += (x - t) + self.total;
        }
        self.total = t;
    }

    /// The sum so far.
    pub fn value(&self) -> f64 {
        self.total + self.compensation
    }
}

/// Compensated sum of an iterator.
pub fn sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut s = Sum::default();
    for x in values {
        s.add(x);
    }
    s.value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_small_terms_next_to_large_ones() {
        // Naive left-to-right summation returns 0 here.
        assert_eq!(sum([1e16, 1.0, -1e16]), 1.0);
        assert_eq!(sum([0.1; 10]), 1.0);
    }
}
