//! What surrounds the tabs: the masthead, where a file comes in (file drop, share-link prompt,
//! templates), its progress and errors, the dataset bar and the controls, the tab strip, the
//! export and share bar, and the header and notes of a printout.

pub mod controls;
pub mod dataset_bar;
pub mod dossier_print;
pub mod export_bar;
pub mod file_drop;
pub mod link_prompt;
pub mod load_error;
pub mod masthead;
pub mod progress;
pub mod share_panel;
pub mod tabs;
pub mod templates;
