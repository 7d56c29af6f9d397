//! The comparison as the Excel workbook officers make by hand today (`rust_xlsxwriter`).
//!
//! One sheet per indicator that has facts (districts and populations down, years across;
//! numbers written as numbers so the officer can compute with them, a qualifier shown by the
//! cell's number format — `>97,2` stays the number 97.2 — targets in their own columns), an
//! overview sheet (district × indicator, latest achieved value), and a sources sheet (one row
//! per fact: where it comes from, as written, its sentence). Rows come from
//! [`compare::table`], so rejected figures, changes, chrome and repeated mentions are left
//! out exactly as in the comparison tab; a computed fact (an "or above" share the officer
//! accepted from its breakdown) is shown in blue with its formula in the sources sheet.

use crate::compare::{self, Comparison, Row};
use crate::indicators::Catalogue;
use crate::model::{Article, Population, Qualifier};
use rust_xlsxwriter::{Color, Format, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, BTreeSet};

/// The name of the overview sheet.
pub const OVERVIEW_SHEET: &str = "Tổng quan";
/// The name of the sources sheet.
pub const SOURCES_SHEET: &str = "Nguồn";
/// The header of the sources sheet.
pub const SOURCES_HEADER: [&str; 15] = [
    "Huyện",
    "Tỉnh",
    "Chỉ số",
    "Đối tượng",
    "Năm",
    "Giá trị",
    "Như trong bài",
    "Dấu",
    "Chỉ tiêu",
    "Trạng thái",
    "Số lần nêu",
    "Câu",
    "Tiêu đề",
    "Tệp",
    "Số tính",
];

/// Why the workbook could not be written.
#[derive(Debug)]
pub struct WorkbookError(pub String);

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "không ghi được tệp Excel / cannot write the workbook: {}",
            self.0
        )
    }
}

impl std::error::Error for WorkbookError {}

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError(e.to_string())
    }
}

/// The comparison of `indicators` (every indicator with a fact when `None`) across the
/// articles, as `.xlsx` bytes.
pub fn workbook(
    articles: &[Article],
    catalogue: &Catalogue,
    indicators: Option<&[String]>,
) -> Result<Vec<u8>, WorkbookError> {
    let ids: Vec<String> = match indicators {
        Some(ids) => ids.to_vec(),
        None => compare::overview(articles, catalogue).indicators,
    };
    let tables: Vec<Comparison> = ids
        .iter()
        .map(|id| compare::table(articles, id))
        .filter(|t| !t.rows.is_empty())
        .collect();
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let name_of = |id: &str| {
        catalogue
            .get(id)
            .map_or_else(|| id.to_string(), |i| i.name.clone())
    };

    // Overview: district × indicator, the latest achieved value.
    {
        let ov = compare::overview(articles, catalogue);
        let cols: Vec<usize> = (0..ov.indicators.len())
            .filter(|&k| ov.cells.iter().any(|row| row[k].is_some()))
            .collect();
        let ws = wb.add_worksheet();
        ws.set_name(OVERVIEW_SHEET)?;
        ws.write_string_with_format(0, 0, "Huyện", &bold)?;
        for (c, &k) in cols.iter().enumerate() {
            ws.write_string_with_format(0, col(c + 1), name_of(&ov.indicators[k]), &bold)?;
            ws.set_column_width(col(c + 1), 22)?;
        }
        ws.set_column_width(0, 18)?;
        for (r, d) in ov.districts.iter().enumerate() {
            ws.write_string(row(r + 1), 0, d)?;
            for (c, &k) in cols.iter().enumerate() {
                if let Some(cell) = &ov.cells[r][k]
                    && let Some(v) = cell.value
                {
                    let fmt = number_format(cell.qualifier, false, cell.computed);
                    ws.write_number_with_format(row(r + 1), col(c + 1), v, &fmt)?;
                }
            }
        }
        ws.set_freeze_panes(1, 1)?;
    }

    // One sheet per indicator.
    let mut used: BTreeSet<String> = [OVERVIEW_SHEET, SOURCES_SHEET]
        .into_iter()
        .map(str::to_lowercase)
        .collect();
    for t in &tables {
        let title = name_of(&t.indicator);
        let sheet = sheet_name(&title, &mut used);
        let ws = wb.add_worksheet();
        ws.set_name(&sheet)?;
        indicator_sheet(ws, t, &title, &bold)?;
    }

    // Sources: one row per fact.
    {
        let ws = wb.add_worksheet();
        ws.set_name(SOURCES_SHEET)?;
        for (c, h) in SOURCES_HEADER.iter().enumerate() {
            ws.write_string_with_format(0, col(c), *h, &bold)?;
        }
        let mut r = 1u32;
        for t in &tables {
            let title = name_of(&t.indicator);
            for row in &t.rows {
                let a = articles.get(row.article);
                ws.write_string(r, 0, row.district.clone().unwrap_or_default())?;
                ws.write_string(r, 1, a.and_then(|a| a.province.clone()).unwrap_or_default())?;
                ws.write_string(r, 2, &title)?;
                ws.write_string(r, 3, population_label(row.population))?;
                if let Some(y) = row.year {
                    ws.write_number(r, 4, y)?;
                }
                if let Some(v) = row.value {
                    ws.write_number(r, 5, v)?;
                }
                if row.computed.is_none() {
                    ws.write_string(r, 6, &row.text)?;
                }
                ws.write_string(r, 7, row.qualifier.map_or("", Qualifier::symbol))?;
                ws.write_string(r, 8, if row.target { "chỉ tiêu" } else { "" })?;
                ws.write_string(r, 9, row.status.label_vi())?;
                ws.write_number(r, 10, row.mentions as f64)?;
                ws.write_string(r, 11, &row.sentence)?;
                ws.write_string(r, 12, row.title.clone().unwrap_or_default())?;
                ws.write_string(r, 13, &row.path)?;
                if row.computed.is_some() {
                    ws.write_string(r, 14, format!("tính: {}", row.text))?;
                }
                r += 1;
            }
        }
        ws.set_column_width(2, 30)?;
        ws.set_column_width(11, 60)?;
        ws.set_freeze_panes(1, 0)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// One indicator: a row per district and population, a column per year (targets apart).
fn indicator_sheet(
    ws: &mut Worksheet,
    t: &Comparison,
    title: &str,
    bold: &Format,
) -> Result<(), WorkbookError> {
    // Columns: (year, target), achieved years first.
    let years: BTreeSet<(bool, Option<i32>)> = t.rows.iter().map(|r| (r.target, r.year)).collect();
    let years: Vec<(bool, Option<i32>)> = years.into_iter().collect();
    // Rows: (district, population) in the comparison's order.
    let mut keys: Vec<(String, Option<Population>)> = Vec::new();
    let mut cells: BTreeMap<(usize, usize), Vec<&Row>> = BTreeMap::new();
    for r in &t.rows {
        let key = (r.district.clone().unwrap_or_default(), r.population);
        let k = match keys.iter().position(|x| *x == key) {
            Some(k) => k,
            None => {
                keys.push(key);
                keys.len() - 1
            }
        };
        let c = years
            .iter()
            .position(|y| *y == (r.target, r.year))
            .unwrap_or_default();
        cells.entry((k, c)).or_default().push(r);
    }
    ws.write_string_with_format(0, 0, title, bold)?;
    ws.write_string(
        1,
        0,
        "Dấu trước số: > hơn, ≲ gần, ≈ khoảng, ≥ trở lên, ≤ tối đa; cột «chỉ tiêu» là mục tiêu; \
         ô tô vàng: các bài nêu khác nhau; số màu xanh: số tính từ các mức của bài (xem trang \
         Nguồn).",
    )?;
    let head = 3u32;
    ws.write_string_with_format(head, 0, "Huyện", bold)?;
    ws.write_string_with_format(head, 1, "Đối tượng", bold)?;
    for (c, (target, year)) in years.iter().enumerate() {
        let y = year.map_or_else(|| "không rõ năm".to_string(), |y| y.to_string());
        let label = if *target {
            format!("{y} (chỉ tiêu)")
        } else {
            y
        };
        ws.write_string_with_format(head, col(c + 2), label, bold)?;
        ws.set_column_width(col(c + 2), 14)?;
    }
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 20)?;
    for (k, (district, pop)) in keys.iter().enumerate() {
        let r = head + 1 + k as u32;
        ws.write_string(r, 0, district)?;
        ws.write_string(r, 1, population_label(*pop))?;
        for c in 0..years.len() {
            let Some(rows) = cells.get(&(k, c)) else {
                continue;
            };
            let Some(first) = rows.iter().find(|x| x.value.is_some()) else {
                continue;
            };
            let conflict = rows.iter().any(|x| x.value != first.value);
            let fmt = number_format(first.qualifier, first.target, first.computed.is_some());
            let fmt = if conflict {
                fmt.set_background_color(Color::RGB(0xFFF2A8))
            } else {
                fmt
            };
            if let Some(v) = first.value {
                ws.write_number_with_format(r, col(c + 2), v, &fmt)?;
            }
        }
    }
    ws.set_freeze_panes(head + 1, 2)?;
    Ok(())
}

/// A number format that shows the qualifier before the number and keeps the cell a number;
/// targets in italics, computed facts in blue.
fn number_format(q: Option<Qualifier>, target: bool, computed: bool) -> Format {
    let sign = q.map_or("", Qualifier::symbol);
    let f = if sign.is_empty() {
        Format::new().set_num_format("General")
    } else {
        Format::new().set_num_format(format!("\"{sign}\"General"))
    };
    let f = if computed {
        f.set_font_color(Color::RGB(0x1F4E9E))
    } else {
        f
    };
    if target { f.set_italic() } else { f }
}

/// The Vietnamese name of a population (empty when none).
fn population_label(p: Option<Population>) -> &'static str {
    p.map_or("", Population::label_vi)
}

/// A sheet name Excel accepts (at most 31 characters, none of `[]:*?/\`), unique.
fn sheet_name(title: &str, used: &mut BTreeSet<String>) -> String {
    let clean: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let base: String = clean.trim().chars().take(28).collect();
    let base = if base.is_empty() {
        "Chỉ số".to_string()
    } else {
        base
    };
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        name = format!("{} {n}", base.chars().take(26).collect::<String>());
        n += 1;
    }
    used.insert(name.to_lowercase());
    name
}

fn row(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

fn col(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}
