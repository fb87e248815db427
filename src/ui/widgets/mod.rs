//! Small components several tabs use: the indicator picker, the note under a list that
//! shows only its first schools, and whether the page is phone-narrow.

pub mod capped_note;
pub mod indicator_picker;
pub mod narrow;
