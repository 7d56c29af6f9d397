//! The bundled fonts: Noto Sans (every Vietnamese letter and combining mark) for text, DejaVu
//! Sans Mono for code. They come first in their families, and eframe is built without system
//! fonts, so every machine renders the same.

use eframe::egui;
use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const NOTO: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const MONO: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansMono.ttf");

/// The name of the bold family (`FontFamily::Name("bold")`).
pub const BOLD: &str = "bold";

/// Font definitions with the bundled fonts first.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert("noto".into(), Arc::new(FontData::from_static(NOTO)));
    fonts.font_data.insert(
        "noto-bold".into(),
        Arc::new(FontData::from_static(NOTO_BOLD)),
    );
    fonts
        .font_data
        .insert("dejavu-mono".into(), Arc::new(FontData::from_static(MONO)));
    let prop = fonts.families.entry(FontFamily::Proportional).or_default();
    prop.insert(0, "noto".into());
    let mono = fonts.families.entry(FontFamily::Monospace).or_default();
    mono.insert(0, "dejavu-mono".into());
    // Vietnamese letters missing from DejaVu Sans Mono (none known) fall back to Noto.
    mono.insert(1, "noto".into());
    fonts.families.insert(
        FontFamily::Name(BOLD.into()),
        vec!["noto-bold".into(), "noto".into()],
    );
    fonts
}

/// Installs the bundled fonts in a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
