//! One layout function per chart (`*_figure`), and the parts they share ([`frame`]).

pub mod bars;
pub mod boxes;
pub mod frame;
pub mod group_bars;
pub mod lines;
pub mod lorenz;
