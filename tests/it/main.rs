//! The integration tests, one binary (one link of eframe instead of one per file): each
//! module tests one room of the app; `util` holds the helpers they share.

mod bad_inputs;
mod checks;
mod compare;
mod computed;
mod export;
mod extract;
mod extract_portal;
mod gui;
mod gui_compare;
mod indicators;
mod kill_during_save;
mod load;
mod places;
mod properties;
mod util;
