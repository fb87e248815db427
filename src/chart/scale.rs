//! Scales: map a domain of data values to a range of pixels.
//!
//! [`Linear`] is d3's `scaleLinear` (with optional clamping and an inverse); [`Band`] is d3's
//! `scaleBand` (equal bands with inner and outer padding, as fractions of a step).

/// A linear map from the domain [d0, d1] to the range [r0, r1].
///
/// The range may run backwards (r0 > r1), as a y axis does: larger values are higher up, at
/// smaller pixel coordinates. A single-value domain (d0 = d1) maps everything to the middle
/// of the range, so a chart of equal values still draws.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    /// Domain start.
    pub d0: f64,
    /// Domain end.
    pub d1: f64,
    /// Range start (pixel for d0).
    pub r0: f64,
    /// Range end (pixel for d1).
    pub r1: f64,
}

impl Linear {
    /// A scale from `domain` to `range`.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear {
            d0: domain.0,
            d1: domain.1,
            r0: range.0,
            r1: range.1,
        }
    }

    /// The pixel of `value`, extrapolating outside the domain.
    pub fn map(&self, value: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 {
            return (self.r0 + self.r1) / 2.0;
        }
        self.r0 + (value - self.d0) / span * (self.r1 - self.r0)
    }

    /// The pixel of `value`, held inside the range.
    pub fn map_clamped(&self, value: f64) -> f64 {
        let (lo, hi) = if self.r0 <= self.r1 {
            (self.r0, self.r1)
        } else {
            (self.r1, self.r0)
        };
        self.map(value).clamp(lo, hi)
    }

    /// The value at pixel `pixel` (the inverse of [`Linear::map`]); d0 for an empty range.
    pub fn invert(&self, pixel: f64) -> f64 {
        let span = self.r1 - self.r0;
        if span == 0.0 {
            return self.d0;
        }
        self.d0 + (pixel - self.r0) / span * (self.d1 - self.d0)
    }
}

/// `n` equal bands over the range [r0, r1], as d3's `scaleBand`.
///
/// ```text
/// step      = (r1 − r0) / (n − inner + 2·outer)
/// bandwidth = step · (1 − inner)
/// start(i)  = r0 + outer·step + i·step
/// ```
/// `inner` and `outer` are fractions of a step, `inner` in [0, 1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Number of bands.
    pub n: usize,
    /// Range start.
    pub r0: f64,
    /// Range end.
    pub r1: f64,
    /// Gap between bands, as a fraction of a step.
    pub inner: f64,
    /// Gap before the first and after the last band, as a fraction of a step.
    pub outer: f64,
}

impl Band {
    /// Distance from the start of one band to the start of the next.
    pub fn step(&self) -> f64 {
        let slots = self.n as f64 - self.inner + 2.0 * self.outer;
        if slots <= 0.0 {
            return 0.0;
        }
        (self.r1 - self.r0) / slots
    }

    /// Width of one band.
    pub fn bandwidth(&self) -> f64 {
        self.step() * (1.0 - self.inner)
    }

    /// Start of band `i`.
    pub fn start(&self, i: usize) -> f64 {
        let step = self.step();
        self.r0 + self.outer * step + i as f64 * step
    }

    /// Middle of band `i`.
    pub fn center(&self, i: usize) -> f64 {
        self.start(i) + self.bandwidth() / 2.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn linear_maps_clamps_and_inverts() {
        // (domain, range, value, mapped, clamped)
        let cases = [
            ((0.0, 1.0), (0.0, 100.0), 0.5, 50.0, 50.0),
            ((0.0, 1.0), (0.0, 100.0), 1.5, 150.0, 100.0),
            ((0.0, 1.0), (0.0, 100.0), -1.0, -100.0, 0.0),
            // A y axis: the range runs backwards.
            ((0.0, 10.0), (300.0, 20.0), 10.0, 20.0, 20.0),
            ((0.0, 10.0), (300.0, 20.0), 2.5, 230.0, 230.0),
            ((0.0, 10.0), (300.0, 20.0), 20.0, -260.0, 20.0),
            ((-5.0, 5.0), (0.0, 10.0), 0.0, 5.0, 5.0),
            // A single-value domain maps to the middle of the range.
            ((3.0, 3.0), (0.0, 10.0), 3.0, 5.0, 5.0),
            ((3.0, 3.0), (0.0, 10.0), 99.0, 5.0, 5.0),
        ];
        for (domain, range, value, mapped, clamped) in cases {
            let s = Linear::new(domain, range);
            assert!(close(s.map(value), mapped), "{domain:?} {range:?} {value}");
            assert!(close(s.map_clamped(value), clamped), "{domain:?} {value}");
            if domain.0 != domain.1 {
                assert!(close(s.invert(s.map(value)), value), "{domain:?} {value}");
            }
        }
        assert_eq!(Linear::new((1.0, 2.0), (5.0, 5.0)).invert(5.0), 1.0);
    }

    #[test]
    fn band_padding_as_d3() {
        // d3.scaleBand().domain([a,b,c]).range([0,120]): step 40, bandwidth 40.
        let b = Band {
            n: 3,
            r0: 0.0,
            r1: 120.0,
            inner: 0.0,
            outer: 0.0,
        };
        assert!(close(b.step(), 40.0) && close(b.bandwidth(), 40.0));
        assert!(close(b.start(2), 80.0) && close(b.center(1), 60.0));
        // paddingInner 0.2, paddingOuter 0.1: step = 100/(4 − 0.2 + 0.2) = 25, bandwidth 20.
        let b = Band {
            n: 4,
            r0: 0.0,
            r1: 100.0,
            inner: 0.2,
            outer: 0.1,
        };
        assert!(close(b.step(), 25.0) && close(b.bandwidth(), 20.0));
        assert!(close(b.start(0), 2.5) && close(b.start(3), 77.5));
        // The last band ends outer·step before r1.
        assert!(close(b.start(3) + b.bandwidth(), 100.0 - 2.5));
        // No bands: no step, nothing divides by zero.
        let b = Band {
            n: 0,
            r0: 0.0,
            r1: 100.0,
            inner: 0.0,
            outer: 0.0,
        };
        assert_eq!(b.step(), 0.0);
    }
}
