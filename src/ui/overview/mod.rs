//! The "Overview" tab (总览), the first thing after loading: the county fields, then per level
//! both national verdicts side by side with what fails and where its detail is, then the
//! schools and cells left out. Everything is drawn from the page's one `Dossier`
//! (`AppState::dossier`, `model/dossier/`).

pub mod county_fields;
pub mod panel;
pub mod scope_lists;
pub mod verdicts;
