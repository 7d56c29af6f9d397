//! Comparison data: one indicator across districts and years, and the district × indicator
//! overview. UI-free; the GUI plots it and the CLI writes it as CSV.
//!
//! Rows are levels: rejected figures, changes (`tăng 39,4%`) and page chrome are left out, and
//! corrected values are used. A ratio measuring a share is shown in percent (`16/172` → 9,3).
//! A computed fact (an "or above" share from its breakdown) is a row once the officer accepted
//! it, marked as computed, with its formula as its text.

use crate::extract::words::fold;
use crate::indicators::Catalogue;
use crate::model::{Article, Figure, Kind, Population, Qualifier, Status};
use serde::Serialize;
use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};

/// One figure of the compared indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The article's district.
    pub district: Option<String>,
    /// The year the figure refers to.
    pub year: Option<i32>,
    /// The value (percent for a ratio).
    pub value: Option<f64>,
    /// The upper end of a range.
    pub value_to: Option<f64>,
    /// A bound written with the number.
    pub qualifier: Option<Qualifier>,
    /// The figure as written.
    pub text: String,
    /// The counted noun.
    pub unit: Option<String>,
    /// Review status.
    pub status: Status,
    /// Index of the article in the slice given.
    pub article: usize,
    /// The article's path.
    pub path: String,
    /// The figure's id within its article.
    pub figure: u64,
    /// The article's headline.
    pub title: Option<String>,
    /// The sentence the figure stands in.
    pub sentence: String,
    /// True for a target (`đến năm 2025 có 100% …`).
    pub target: bool,
    /// Who is counted; figures compare only within one population.
    pub population: Option<Population>,
    /// True when another article gives this district, population and year a different value.
    pub conflict: bool,
    /// How many times the article states this same fact (headline, sapo, body): one row.
    pub mentions: usize,
    /// For an accepted computed fact, its id; `text` is then its formula (`55,2% + 2% =
    /// 57,2%`) and `figure` its first part (what a click on the row shows).
    pub computed: Option<u64>,
}

/// One indicator across the workspace.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The indicator's id.
    pub indicator: String,
    /// Rows sorted by district, year, article and position.
    pub rows: Vec<Row>,
    /// Districts of the workspace with no figure for the indicator.
    pub missing_districts: Vec<String>,
}

/// The value a figure contributes to a comparison: a ratio as a percentage (two decimals),
/// anything else as read.
pub fn comparable_value(f: &Figure) -> Option<f64> {
    let r = &f.reading;
    if r.kind != Kind::Ratio {
        return r.value;
    }
    let v = r.value.or_else(|| {
        let (p, q) = ratio_parts(f)?;
        (q != 0.0).then(|| p / q)
    })?;
    Some((v * 10000.0).round() / 100.0)
}

/// `16/172` → (16, 172), read from the figure's text (the value alone loses the parts).
pub(crate) fn ratio_parts(f: &Figure) -> Option<(f64, f64)> {
    let (p, q) = f.text.split_once('/')?;
    let num = |s: &str| -> Option<f64> {
        let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
        digits.parse().ok()
    };
    Some((num(p)?, num(q)?))
}

/// For each item `(key, article, value)`, whether another article gives the same key a
/// different value: the one definition of a conflict, for the comparison's rows and for the
/// cross-checks. Items without a key or a value never conflict; an article never conflicts with
/// itself. Linear: item `i` conflicts when the items of other articles under its key outnumber
/// those of other articles with its value (values equal to 6 decimals).
pub(crate) fn disagreements<K: std::hash::Hash + Eq>(
    items: &[(Option<K>, usize, Option<f64>)],
) -> Vec<bool> {
    let vkey = |v: f64| (v * 1e6).round() as i64;
    let mut per_key: HashMap<&K, usize> = HashMap::new();
    let mut per_article: HashMap<(&K, usize), usize> = HashMap::new();
    let mut per_value: HashMap<(&K, i64), usize> = HashMap::new();
    let mut per_both: HashMap<(&K, usize, i64), usize> = HashMap::new();
    for (k, a, v) in items {
        if let (Some(k), Some(v)) = (k, v) {
            *per_key.entry(k).or_default() += 1;
            *per_article.entry((k, *a)).or_default() += 1;
            *per_value.entry((k, vkey(*v))).or_default() += 1;
            *per_both.entry((k, *a, vkey(*v))).or_default() += 1;
        }
    }
    items
        .iter()
        .map(|(k, a, v)| {
            let (Some(k), Some(v)) = (k, v) else {
                return false;
            };
            let get = |n: Option<&usize>| n.copied().unwrap_or(0);
            let others = get(per_key.get(k)) - get(per_article.get(&(k, *a)));
            let others_agreeing =
                get(per_value.get(&(k, vkey(*v)))) - get(per_both.get(&(k, *a, vkey(*v))));
            others > others_agreeing
        })
        .collect()
}

/// The key districts are grouped by: folded, spaces collapsed (`Đất  Đỏ` = `đất đỏ`).
pub fn district_key(d: &str) -> String {
    crate::text::fold::spaced(d)
}

fn counts(f: &Figure) -> bool {
    f.status != Status::Rejected && !f.reading.change && !f.reading.boilerplate
}

/// Every district named by the articles, or by the figures of an article about several units
/// (first spelling kept), in Vietnamese dictionary order.
pub fn districts(articles: &[Article]) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    for a in articles {
        let places = a.figures.iter().filter_map(|f| f.place.as_deref());
        for d in a.district.as_deref().into_iter().chain(places) {
            if !d.trim().is_empty() {
                seen.entry(district_key(d))
                    .or_insert_with(|| d.trim().to_string());
            }
        }
    }
    let mut v: Vec<String> = seen.into_values().collect();
    v.sort_by_key(|d| sort_key(d));
    v
}

/// A key that sorts Vietnamese words in dictionary order: letters first (`a ă â b c d đ e ê …`),
/// tone marks only to break ties (`Đất Đỏ` after `Duy Tiên`, before `Ea Kar`).
pub fn sort_key(s: &str) -> (String, String) {
    use unicode_normalization::UnicodeNormalization;
    let mut letters = String::with_capacity(s.len());
    let mut tones = String::new();
    for c in fold(s).nfd() {
        match c {
            // Tone marks: grave, acute, tilde, hook, dot below.
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tones.push(c),
            // Letter marks: breve (ă), circumflex (â ê ô), horn (ơ ư).
            '\u{306}' => letters.push('{'),
            '\u{302}' => letters.push('|'),
            '\u{31B}' => letters.push('}'),
            'đ' => letters.push_str("d~"),
            _ if c.is_alphanumeric() || c == ' ' => {
                letters.push(c);
                tones.push(' ');
            }
            _ => {}
        }
    }
    (letters, tones)
}

fn cmp_district(a: &Option<String>, b: &Option<String>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => sort_key(x).cmp(&sort_key(y)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The figures of one indicator across the articles, with conflicts marked and the districts
/// that have none.
pub fn table(articles: &[Article], indicator: &str) -> Comparison {
    table_for(articles, indicator, None)
}

/// The same, for one population only (`None`: every population); like is compared with
/// like, so a district with figures for another population only counts as missing.
pub fn table_for(
    articles: &[Article],
    indicator: &str,
    population: Option<Population>,
) -> Comparison {
    let mut rows: Vec<(Row, usize)> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for f in a.figures.iter().filter(|f| counts(f)) {
            if f.reading.indicator.as_deref() != Some(indicator) {
                continue;
            }
            if population.is_some() && f.reading.population != population {
                continue;
            }
            let r = &f.reading;
            let ratio_pct = r.kind == Kind::Ratio;
            rows.push((
                Row {
                    // A figure of an article about several units is its own unit's.
                    district: f.place.clone().or_else(|| a.district.clone()),
                    year: r.year,
                    value: comparable_value(f),
                    value_to: if ratio_pct { None } else { r.value_to },
                    qualifier: r.qualifier,
                    text: f.text.clone(),
                    unit: r.unit.clone(),
                    status: f.status,
                    article: ai,
                    path: a.path.clone(),
                    figure: f.id,
                    title: a.title.clone(),
                    sentence: f.context.clone(),
                    target: r.target,
                    population: r.population,
                    conflict: false,
                    mentions: 1,
                    computed: None,
                },
                f.start,
            ));
        }
        for c in a.computed.iter().filter(|c| c.accepted()) {
            let r = &c.reading;
            if r.indicator.as_deref() != Some(indicator)
                || (population.is_some() && r.population != population)
            {
                continue;
            }
            let Some(first) = c.from.first().and_then(|&id| a.figure(id)) else {
                continue;
            };
            rows.push((
                Row {
                    district: a.district.clone(),
                    year: r.year,
                    value: r.value,
                    value_to: r.value_to,
                    qualifier: r.qualifier,
                    text: c.formula.clone(),
                    unit: r.unit.clone(),
                    status: c.status,
                    article: ai,
                    path: a.path.clone(),
                    figure: first.id,
                    title: a.title.clone(),
                    sentence: first.context.clone(),
                    target: r.target,
                    population: r.population,
                    conflict: false,
                    mentions: 1,
                    computed: Some(c.id),
                },
                first.start,
            ));
        }
    }
    let mut rows = one_fact_once(rows);
    // Conflicts: same district, population, year and target flag, different values,
    // different articles (an article never conflicts with itself).
    let items: Vec<_> = rows
        .iter()
        .map(|(r, _)| {
            let key = r
                .district
                .as_deref()
                .map(district_key)
                .map(|d| (d, r.population, r.year, r.target));
            (key, r.article, r.value)
        })
        .collect();
    for ((r, _), c) in rows.iter_mut().zip(disagreements(&items)) {
        r.conflict = c;
    }
    rows.sort_by(|(a, sa), (b, sb)| {
        cmp_district(&a.district, &b.district)
            .then(a.year.cmp(&b.year))
            .then(a.article.cmp(&b.article))
            .then(sa.cmp(sb))
    });
    let present: BTreeSet<String> = rows
        .iter()
        .filter_map(|(r, _)| r.district.as_deref().map(district_key))
        .collect();
    let missing_districts = districts(articles)
        .into_iter()
        .filter(|d| !present.contains(&district_key(d)))
        .collect();
    Comparison {
        indicator: indicator.to_string(),
        rows: rows.into_iter().map(|(r, _)| r).collect(),
        missing_districts,
    }
}

/// One fact once: the same value for the same year, target flag and population repeated in
/// one article (headline, sapo, body) is one row, counted in `mentions`; the first mention
/// stays, unless a later one was reviewed (the officer's word wins).
fn one_fact_once(rows: Vec<(Row, usize)>) -> Vec<(Row, usize)> {
    let mut out: Vec<(Row, usize)> = Vec::with_capacity(rows.len());
    for (r, pos) in rows {
        let same = out.iter().position(|(o, _)| {
            o.article == r.article
                && o.year == r.year
                && o.target == r.target
                && o.population == r.population
                && o.value.is_some()
                && o.value == r.value
        });
        match same {
            Some(k) => {
                let mentions = out[k].0.mentions + 1;
                if !out[k].0.status.is_reviewed() && r.status.is_reviewed() {
                    out[k] = (r, pos);
                }
                out[k].0.mentions = mentions;
            }
            None => out.push((r, pos)),
        }
    }
    out
}

/// The CSV header of [`to_csv`].
pub const CSV_HEADER: [&str; 20] = [
    "indicator",
    "indicator_name",
    "population",
    "population_name",
    "district",
    "year",
    "value",
    "value_to",
    "qualifier",
    "text",
    "unit",
    "target",
    "conflict",
    "status",
    "article",
    "figure",
    "title",
    "sentence",
    "computed",
    "missing",
];

/// The comparison as CSV (UTF-8 with BOM, for spreadsheet programs): one row per figure, then
/// one row per district with no figure (`missing` = `true`).
pub fn to_csv(c: &Comparison, cat: &crate::indicators::Catalogue) -> Vec<u8> {
    // Ids for programs, names for the officer reading the sheet.
    let indicator_name = cat
        .get(&c.indicator)
        .map(|i| i.name.clone())
        .unwrap_or_default();
    let mut out = Vec::from(&b"\xEF\xBB\xBF"[..]);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        // Writing to a Vec<u8> cannot fail.
        let _ = w.write_record(CSV_HEADER);
        let b = |x: bool| if x { "true" } else { "false" }.to_string();
        for r in &c.rows {
            let _ = w.write_record([
                c.indicator.clone(),
                indicator_name.clone(),
                r.population
                    .map(|p| p.as_str().to_string())
                    .unwrap_or_default(),
                r.population
                    .map(|p| p.label_vi().to_string())
                    .unwrap_or_default(),
                r.district.clone().unwrap_or_default(),
                r.year.map(|y| y.to_string()).unwrap_or_default(),
                r.value.map(crate::numbers::plain).unwrap_or_default(),
                r.value_to.map(crate::numbers::plain).unwrap_or_default(),
                r.qualifier
                    .map(|q| q.as_str().to_string())
                    .unwrap_or_default(),
                r.text.clone(),
                r.unit.clone().unwrap_or_default(),
                b(r.target),
                b(r.conflict),
                r.status.as_str().to_string(),
                r.path.clone(),
                r.figure.to_string(),
                r.title.clone().unwrap_or_default(),
                r.sentence.clone(),
                b(r.computed.is_some()),
                b(false),
            ]);
        }
        for d in &c.missing_districts {
            let mut rec: Vec<String> = vec![String::new(); CSV_HEADER.len()];
            rec[0] = c.indicator.clone();
            rec[1] = indicator_name.clone();
            rec[4] = d.clone();
            rec[CSV_HEADER.len() - 1] = b(true);
            let _ = w.write_record(&rec);
        }
        let _ = w.flush();
    }
    out
}

/// The latest value of one indicator in one district.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The value (percent for a ratio).
    pub value: Option<f64>,
    /// The upper end of a range.
    pub value_to: Option<f64>,
    /// A bound written with the number.
    pub qualifier: Option<Qualifier>,
    /// The figure as written.
    pub text: String,
    /// The year it refers to.
    pub year: Option<i32>,
    /// Index of the article.
    pub article: usize,
    /// The figure's id.
    pub figure: u64,
    /// Review status.
    pub status: Status,
    /// How many figures the district has for the indicator (targets excluded).
    pub count: usize,
    /// True when articles disagree for this district and year.
    pub conflict: bool,
    /// True for an accepted computed fact (`text` is its formula).
    pub computed: bool,
}

/// District × indicator matrix of the latest achieved value (targets left out).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Row labels: the districts, sorted (articles without a district are left out).
    pub districts: Vec<String>,
    /// Column labels: indicator ids, catalogue order, then ids not in the catalogue.
    pub indicators: Vec<String>,
    /// `cells[district][indicator]`.
    pub cells: Vec<Vec<Option<Cell>>>,
}

impl Overview {
    /// The cell of a district (by key) and an indicator id.
    pub fn cell(&self, district: &str, indicator: &str) -> Option<&Cell> {
        let d = self
            .districts
            .iter()
            .position(|x| district_key(x) == district_key(district))?;
        let i = self.indicators.iter().position(|x| x == indicator)?;
        self.cells.get(d)?.get(i)?.as_ref()
    }
}

/// The overview: for every district and indicator, the value of the latest year (ties: a
/// reviewed figure first, then the later article, then the later figure).
pub fn overview(articles: &[Article], catalogue: &Catalogue) -> Overview {
    let mut ids: Vec<String> = catalogue
        .indicators()
        .iter()
        .map(|i| i.id.clone())
        .collect();
    for a in articles {
        for f in &a.figures {
            if let Some(id) = &f.reading.indicator
                && !ids.contains(id)
            {
                ids.push(id.clone());
            }
        }
    }
    let dists = districts(articles);
    let mut cells: Vec<Vec<Option<Cell>>> = vec![vec![None; ids.len()]; dists.len()];
    for (ii, id) in ids.iter().enumerate() {
        let c = table(articles, id);
        for (di, d) in dists.iter().enumerate() {
            let dk = district_key(d);
            let rows: Vec<&Row> = c
                .rows
                .iter()
                .filter(|r| {
                    !r.target && r.district.as_deref().map(district_key) == Some(dk.clone())
                })
                .collect();
            let best = rows.iter().copied().max_by(|a, b| {
                a.year
                    .cmp(&b.year)
                    .then(a.status.is_reviewed().cmp(&b.status.is_reviewed()))
                    .then(a.article.cmp(&b.article))
                    .then(a.figure.cmp(&b.figure))
            });
            cells[di][ii] = best.map(|r| Cell {
                value: r.value,
                value_to: r.value_to,
                qualifier: r.qualifier,
                text: r.text.clone(),
                year: r.year,
                article: r.article,
                figure: r.figure,
                status: r.status,
                count: rows.len(),
                conflict: r.conflict,
                computed: r.computed.is_some(),
            });
        }
    }
    Overview {
        districts: dists,
        indicators: ids,
        cells,
    }
}

#[cfg(test)]
mod tests {
    use super::disagreements;

    #[test]
    fn a_conflict_is_another_articles_different_value() {
        let k = Some("x");
        // Article 0 says 95 twice and 90 once, article 1 says 95: only article 0's 90 and
        // article 1's 95 (which meets that 90) disagree with another article.
        let items = [
            (k, 0, Some(95.0)),
            (k, 0, Some(95.0)),
            (k, 0, Some(90.0)),
            (k, 1, Some(95.0)),
        ];
        assert_eq!(disagreements(&items), [false, false, true, true]);
        // One article alone never conflicts with itself; no key or no value never conflicts.
        let alone = [
            (k, 0, Some(1.0)),
            (k, 0, Some(2.0)),
            (None, 1, Some(3.0)),
            (k, 1, None),
        ];
        assert_eq!(disagreements(&alone), [false; 4]);
        // Other keys are other facts.
        let apart = [(Some("a"), 0, Some(1.0)), (Some("b"), 1, Some(2.0))];
        assert_eq!(disagreements(&apart), [false, false]);
        // Equal to six decimals is equal.
        let close = [(k, 0, Some(9.3)), (k, 1, Some(9.300_000_01))];
        assert_eq!(disagreements(&close), [false, false]);
    }
}
