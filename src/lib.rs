//! Số liệu: read Vietnamese district articles about training officials, extract every figure,
//! let an officer review them, compare districts, and export annotated JSON and CSV.
//!
//! The core (`load` → `extract` → `model` → `export`) holds no UI code; the CLI (`main.rs`) and
//! the GUI (`gui`) are thin shells over it.
#![forbid(unsafe_code)]

pub mod chart;
pub mod checks;
pub mod compare;
pub mod export;
pub mod extract;
pub mod folders;
pub mod gui;
pub mod indicators;
pub mod load;
pub mod model;
pub mod numbers;
pub mod pipeline;
pub mod places;
pub mod review;
pub mod text;
pub mod xlsx;
