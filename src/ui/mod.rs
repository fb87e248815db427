//! Components, one per file: a folder per tab (`overview/`, `data/`, `indicators/`, `schools/`, `groups/`,
//! `charts/`, `standards/`), `frame/` for what surrounds the tabs (masthead, file drop,
//! progress, controls, tabs, export and share bar, print header), and `widgets/` for the
//! small components several tabs use.

pub mod charts;
pub mod data;
pub mod frame;
pub mod groups;
pub mod indicators;
pub mod overview;
pub mod schools;
pub mod standards;
pub mod widgets;
