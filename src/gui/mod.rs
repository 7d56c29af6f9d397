//! The desktop workbench (eframe/egui).

use std::path::PathBuf;

/// Opens the window on the given paths (the bundled samples when empty).
pub fn run(_paths: Vec<PathBuf>) -> eframe::Result<()> {
    Ok(())
}
