//! The comparison chart drawn for print (`plotters`): PNG at 300 dpi A5-landscape size and
//! SVG, from the chart's data — not a crop of the screen, so it does not matter whether the
//! chart is scrolled out of view, how big the window is, or which theme is on.
//!
//! The caller (the comparison tab, or a test) gives the groups, the bars and their labels as
//! [`ChartData`]; this module only draws: bars coloured per year, targets as diamonds, the
//! value as written above each bar, the group names under the axis, and the legend below the
//! plot (outside it, so it never hides a bar). Text uses the bundled Noto Sans, registered
//! with plotters once, so Vietnamese renders the same on every machine.

// The one Vietnamese number formatter, shared with the screen.
use crate::numbers::vi as fmt_vi;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::sync::OnceLock;

const FONT: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
const FAMILY: &str = "sans-serif";

/// Print size of the PNG in pixels (A5 landscape at 300 dpi).
pub const PNG_SIZE: (u32, u32) = (2480, 1748);
/// Size of the SVG in user units.
pub const SVG_SIZE: (u32, u32) = (1240, 874);

/// One bar (or target marker) of the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    /// Centre in group units (group `g` is centred on `g`).
    pub x: f64,
    /// Width in group units.
    pub width: f64,
    /// Height.
    pub value: f64,
    /// Index of the series (year) for the colour and the legend.
    pub series: usize,
    /// A target: drawn as a diamond.
    pub target: bool,
    /// Not reviewed yet: drawn lighter.
    pub light: bool,
    /// The value as shown above the bar (`>97,2%`).
    pub label: String,
}

/// What the chart shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChartData {
    /// The title (indicator and population names).
    pub title: String,
    /// Values are percentages: the axis goes to 100 at least and shows `%`.
    pub percent: bool,
    /// Group labels (districts, with the population when several), at x = 0, 1, 2, …
    pub groups: Vec<String>,
    /// The series names (years), in colour order.
    pub series: Vec<String>,
    /// The bars.
    pub bars: Vec<ChartBar>,
}

/// Why the chart could not be drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(pub String);

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "không vẽ được biểu đồ / cannot draw the chart: {}",
            self.0
        )
    }
}

impl std::error::Error for ChartError {}

fn err<E: std::fmt::Debug>(e: E) -> ChartError {
    ChartError(format!("{e:?}"))
}

/// The series colours (the same palette as the screen).
pub const PALETTE: [(u8, u8, u8); 8] = [
    (0x1e, 0x6f, 0xd9),
    (0xe0, 0x7b, 0x00),
    (0x2e, 0x9d, 0x4f),
    (0x8e, 0x44, 0xad),
    (0x00, 0x97, 0xa7),
    (0xc2, 0x18, 0x5b),
    (0x6d, 0x4c, 0x41),
    (0x54, 0x6e, 0x7a),
];

fn color(series: usize, light: bool) -> RGBColor {
    let (r, g, b) = PALETTE[series % PALETTE.len()];
    if light {
        let mix = |a: u8| (f32::from(a) * 0.45 + 255.0 * 0.55) as u8;
        RGBColor(mix(r), mix(g), mix(b))
    } else {
        RGBColor(r, g, b)
    }
}

fn register_font() -> Result<(), ChartError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = *DONE
        .get_or_init(|| plotters::style::register_font(FAMILY, FontStyle::Normal, FONT).is_ok());
    if ok {
        Ok(())
    } else {
        Err(ChartError("bundled font unreadable".into()))
    }
}

/// The chart as PNG bytes at [`PNG_SIZE`].
pub fn png(data: &ChartData) -> Result<Vec<u8>, ChartError> {
    register_font()?;
    let (w, h) = PNG_SIZE;
    let mut buf = vec![255u8; (w * h * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        draw(&root, data, f64::from(w) / f64::from(SVG_SIZE.0))?;
        root.present().map_err(err)?;
    }
    let img = image::RgbImage::from_raw(w, h, buf).ok_or_else(|| ChartError("buffer".into()))?;
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .map_err(err)?;
    Ok(out.into_inner())
}

/// The chart as an SVG document at [`SVG_SIZE`].
pub fn svg(data: &ChartData) -> Result<String, ChartError> {
    register_font()?;
    let mut s = String::new();
    {
        let root = SVGBackend::with_string(&mut s, SVG_SIZE).into_drawing_area();
        draw(&root, data, 1.0)?;
        root.present().map_err(err)?;
    }
    Ok(s)
}

/// Draws the chart on `root`; `k` scales sizes from the SVG's user units.
fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    data: &ChartData,
    k: f64,
) -> Result<(), ChartError> {
    let px = |v: f64| (v * k).round() as i32;
    let pxu = |v: f64| (v * k).round() as u32;
    root.fill(&WHITE).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    // Legend rows below the plot.
    let legend_rows = data.series.len().div_ceil(4).max(1) as u32;
    let legend_h = pxu(28.0) * legend_rows + pxu(16.0);
    let (top, bottom) = root.split_vertically(h.saturating_sub(legend_h));
    let n = data.groups.len().max(1);
    let ymax = data.bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let ytop = if data.percent {
        ymax.max(100.0)
    } else {
        ymax.max(1.0)
    } * 1.15;
    let percent = data.percent;
    let mut chart = ChartBuilder::on(&top)
        .caption(&data.title, (FAMILY, px(22.0)))
        .margin(px(16.0))
        .x_label_area_size(pxu(54.0))
        .y_label_area_size(pxu(64.0))
        .build_cartesian_2d(-0.6f64..(n as f64 - 0.4), 0f64..ytop)
        .map_err(err)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_style((FAMILY, px(14.0)))
        .y_label_formatter(&|v| {
            let s = fmt_vi(*v);
            if percent { format!("{s}%") } else { s }
        })
        .draw()
        .map_err(err)?;
    for b in data.bars.iter().filter(|b| !b.target) {
        let x0 = b.x - b.width * 0.47;
        let x1 = b.x + b.width * 0.47;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, b.value)],
                color(b.series, b.light).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, b.value)],
                color(b.series, false).stroke_width(1),
            )))
            .map_err(err)?;
    }
    let label_style = TextStyle::from((FAMILY, px(13.0)).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Bottom));
    for b in &data.bars {
        let (cx, cy) = chart.backend_coord(&(b.x, b.value));
        if b.target {
            let r = px(9.0);
            root.draw(&Polygon::new(
                vec![(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)],
                color(b.series, false).filled(),
            ))
            .map_err(err)?;
        }
        root.draw(&Text::new(
            b.label.clone(),
            (cx, cy - px(10.0)),
            label_style.clone(),
        ))
        .map_err(err)?;
    }
    let group_style = TextStyle::from((FAMILY, px(14.0)).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    for (g, name) in data.groups.iter().enumerate() {
        let (gx, gy) = chart.backend_coord(&(g as f64, 0.0));
        root.draw(&Text::new(
            name.clone(),
            (gx, gy + px(8.0)),
            group_style.clone(),
        ))
        .map_err(err)?;
    }
    // The legend, outside the plot.
    let legend_style = TextStyle::from((FAMILY, px(14.0)).into_font())
        .color(&BLACK)
        .pos(Pos::new(HPos::Left, VPos::Center));
    let col_w = (w as i32 - px(40.0)) / 4;
    for (i, name) in data.series.iter().enumerate() {
        let row = (i / 4) as i32;
        let col = (i % 4) as i32;
        let x = px(20.0) + col * col_w;
        let y = px(14.0) + row * px(28.0);
        bottom
            .draw(&Rectangle::new(
                [(x, y - px(7.0)), (x + px(14.0), y + px(7.0))],
                color(i, false).filled(),
            ))
            .map_err(err)?;
        bottom
            .draw(&Text::new(
                name.clone(),
                (x + px(20.0), y),
                legend_style.clone(),
            ))
            .map_err(err)?;
    }
    Ok(())
}
