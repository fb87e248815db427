//! Small components several tabs use: the indicator picker and the note under a list that
//! shows only its first schools.

pub mod capped_note;
pub mod indicator_picker;
