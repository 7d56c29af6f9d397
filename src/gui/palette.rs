//! The colours of messages, shared by every panel: errors and warnings read at >= 4.5:1 on the
//! panels of both themes (checked by a test of the highlight contrast).

use eframe::egui::Color32;

/// Errors: a failed save, a refused value, a file that did not open.
pub const ERROR: Color32 = Color32::from_rgb(0xc6, 0x28, 0x28);
/// Warnings: read-only, unsaved changes, figures without a place.
pub const WARN: Color32 = Color32::from_rgb(0xb0, 0x4a, 0x00);
