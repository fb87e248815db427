//! Logarithms and powers from the `libm` crate on every target. The page (wasm32) and the CLI
//! (native) must give the same report to the last bit; `f64::ln` natively calls the system
//! libm, which may round the last bit differently from the wasm build's.

/// Natural logarithm ln x.
pub fn ln(x: f64) -> f64 {
    libm::log(x)
}

/// eˣ − 1, accurate for small x.
pub fn exp_m1(x: f64) -> f64 {
    libm::expm1(x)
}

/// xʸ.
pub fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}
