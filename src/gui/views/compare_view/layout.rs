//! The chart's pure layout: grouped bars per district (and population), the hit test that maps
//! a click back to a row, and the stacking of value labels that would collide.
//!
//! Its own room because it is geometry without a window: tested alone, used by the tab and by
//! the print export alike.

use super::*;

/// One bar (or target marker) of the chart, in plot coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct BarSpec {
    /// Centre of the bar.
    pub x: f64,
    /// Width of the bar.
    pub width: f64,
    /// Height (the row's value).
    pub value: f64,
    /// Index of the row in [`Comparison::rows`].
    pub row: usize,
    /// The year (series).
    pub year: Option<i32>,
    /// A target: drawn as a marker, not a bar.
    pub target: bool,
    /// Not reviewed yet: drawn lighter.
    pub light: bool,
}

/// How much of a group's unit width the bars take.
pub(super) const GROUP_FILL: f64 = 0.8;

/// Lays the rows out as grouped bars: a group per district at x = 0, 1, 2, … (in the rows'
/// order, which is the district order), one slot per figure inside the group, slots ordered by
/// year. Rows without a value get no bar. Returns the group labels and the bars.
pub fn layout(c: &Comparison, no_district: &str) -> (Vec<String>, Vec<BarSpec>) {
    layout_lang(c, no_district, Lang::Vi)
}

/// [`layout`], with the population's name (in the UI's language) beside the district when the
/// rows count several populations: commune-level and district-level shares are never one
/// group of bars.
pub fn layout_lang(c: &Comparison, no_district: &str, lang: Lang) -> (Vec<String>, Vec<BarSpec>) {
    let mut pops: Vec<Option<Population>> = c.rows.iter().map(|r| r.population).collect();
    pops.sort();
    pops.dedup();
    let by_population = pops.len() > 1;
    let mut groups: Vec<String> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, r) in c.rows.iter().enumerate() {
        if r.value.is_none() {
            continue;
        }
        let district = r
            .district
            .clone()
            .unwrap_or_else(|| no_district.to_string());
        let name = match r.population {
            Some(p) if by_population => format!("{district} · {}", population_name(p, lang)),
            _ => district,
        };
        let key = compare::district_key(&name);
        let g = match groups.iter().position(|d| compare::district_key(d) == key) {
            Some(g) => g,
            None => {
                groups.push(name);
                members.push(Vec::new());
                groups.len() - 1
            }
        };
        members[g].push(i);
    }
    let slots = members.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = GROUP_FILL / slots as f64;
    let mut bars = Vec::new();
    for (g, rows) in members.iter_mut().enumerate() {
        rows.sort_by_key(|&i| (c.rows[i].year, c.rows[i].target, i));
        let n = rows.len() as f64;
        for (k, &i) in rows.iter().enumerate() {
            let r = &c.rows[i];
            // Centre the group's slots around its tick.
            let x = g as f64 + (k as f64 - (n - 1.0) / 2.0) * width;
            bars.push(BarSpec {
                x,
                width,
                value: r.value.unwrap_or(0.0),
                row: i,
                year: r.year,
                target: r.target,
                light: r.status == Status::Extracted,
            });
        }
    }
    (groups, bars)
}

/// The row under a point of the plot: a bar when x is inside it and y between 0 and its value;
/// a target marker when x is inside its slot and y within `y_tolerance` of its value.
pub fn hit(bars: &[BarSpec], x: f64, y: f64, y_tolerance: f64) -> Option<usize> {
    bars.iter()
        .filter(|b| (x - b.x).abs() <= b.width / 2.0)
        .find(|b| {
            if b.target {
                (y - b.value).abs() <= y_tolerance
            } else {
                let (lo, hi) = if b.value >= 0.0 {
                    (0.0, b.value)
                } else {
                    (b.value, 0.0)
                };
                y >= lo && y <= hi
            }
        })
        .map(|b| b.row)
}

/// Stacks value labels that would overlap: for bars in x order and their labels' widths (in
/// pixels, at `px_per_unit` pixels per x unit), the level of each label (0 = just above its
/// bar, 1 = one line higher, …), greedily the lowest level where it fits.
pub fn label_levels(bars: &[BarSpec], widths: &[f32], px_per_unit: f32) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bars.len()).collect();
    order.sort_by(|&a, &b| bars[a].x.total_cmp(&bars[b].x));
    let mut right: Vec<f32> = Vec::new();
    let mut levels = vec![0; bars.len()];
    for i in order {
        let centre = bars[i].x as f32 * px_per_unit;
        let (l, r) = (centre - widths[i] / 2.0, centre + widths[i] / 2.0);
        let level = right
            .iter()
            .position(|&edge| edge + 2.0 <= l)
            .unwrap_or(right.len());
        if level == right.len() {
            right.push(r);
        } else {
            right[level] = r;
        }
        levels[i] = level;
    }
    levels
}
