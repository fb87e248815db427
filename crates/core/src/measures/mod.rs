//! Balance measures over a [`Sample`]. One module per family; each function's doc gives its
//! formula, its source and its complexity.

pub mod dispersion;
pub mod sample;
pub mod sum;

pub use dispersion::{cv, mean, std_dev};
pub use sample::{Sample, SampleError};
pub mod summary;
pub use summary::{
    decompose, summarize, Decomposition, GroupStats, MedianRule, Note, Options, Summary,
};
