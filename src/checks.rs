//! Cross-checks of figures: arithmetic that the articles themselves get wrong (or that the
//! extractor misread), and districts whose figures disagree between articles.
//!
//! Every check is conservative: an issue is a question for the officer, and a false alarm costs
//! their trust. Rejected figures are ignored; corrected values are used (the current reading).

use crate::compare::{comparable_value, disagreements, district_key, ratio_parts};
use crate::extract::words::fold;
use crate::model::{Article, Figure, Kind, Population, Qualifier, Status};
use crate::text::CharIndex;
use crate::text::{clauses, sentences};
use serde::Serialize;

/// What kind of problem an issue is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueKind {
    /// A ratio (`16/172`) beside a percentage that does not agree with it.
    RatioMismatch,
    /// Shares of one whole (after `trong đó`) that add up to more than 100%.
    SharesOver100,
    /// A part larger than its stated total.
    PartExceedsTotal,
    /// A percentage above 100 that is not a change.
    PercentOver100,
    /// The same district, indicator and year with different values in two articles.
    Conflict,
}

impl IssueKind {
    /// The JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            IssueKind::RatioMismatch => "ratio_mismatch",
            IssueKind::SharesOver100 => "shares_over_100",
            IssueKind::PartExceedsTotal => "part_exceeds_total",
            IssueKind::PercentOver100 => "percent_over_100",
            IssueKind::Conflict => "conflict",
        }
    }

    /// The Vietnamese name.
    pub fn label_vi(self) -> &'static str {
        match self {
            IssueKind::RatioMismatch => "Tỷ số lệch với tỷ lệ %",
            IssueKind::SharesOver100 => "Tổng các phần vượt 100%",
            IssueKind::PartExceedsTotal => "Phần lớn hơn tổng",
            IssueKind::PercentOver100 => "Tỷ lệ trên 100%",
            IssueKind::Conflict => "Số liệu mâu thuẫn giữa các bài",
        }
    }

    /// The English name.
    pub fn label_en(self) -> &'static str {
        match self {
            IssueKind::RatioMismatch => "Ratio disagrees with percentage",
            IssueKind::SharesOver100 => "Shares add up to more than 100%",
            IssueKind::PartExceedsTotal => "Part larger than its total",
            IssueKind::PercentOver100 => "Percentage above 100",
            IssueKind::Conflict => "Articles disagree",
        }
    }
}

/// A figure an issue involves.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FigureRef {
    /// Index of the article in the slice given to [`check`].
    pub article: usize,
    /// The article's path.
    pub path: String,
    /// The figure's id within its article.
    pub figure: u64,
}

/// One problem found by [`check`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Issue {
    /// What kind of problem.
    pub kind: IssueKind,
    /// The explanation for the officer, in Vietnamese.
    pub message_vi: String,
    /// The same in English.
    pub message_en: String,
    /// The figures involved, in text order.
    pub figures: Vec<FigureRef>,
}

/// How far (percentage points) a ratio may be from an unqualified percentage beside it.
pub const RATIO_TOLERANCE: f64 = 1.0;

/// Runs every check over the articles.
pub fn check(articles: &[Article]) -> Vec<Issue> {
    let mut out = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        check_article(ai, a, &mut out);
    }
    conflicts(articles, &mut out);
    out
}

/// A live figure with its byte span.
struct Live<'a> {
    f: &'a Figure,
    b0: usize,
    b1: usize,
}

fn fref(ai: usize, a: &Article, f: &Figure) -> FigureRef {
    FigureRef {
        article: ai,
        path: a.path.clone(),
        figure: f.id,
    }
}

/// A computed value in a Vietnamese message (`1.188`, `57,2`).
fn vi_num(v: f64) -> String {
    crate::numbers::vi(crate::numbers::round2(v))
}

/// A computed value in an English message (`1188`, `57.2`).
fn en_num(v: f64) -> String {
    crate::numbers::plain(crate::numbers::round2(v))
}

/// Counted nouns of people (so `18 cán bộ … 9 đồng chí` compare, `18 cán bộ … 20 lượt` not).
const PEOPLE: &[&str] = &[
    "người",
    "cán",
    "đồng",
    "học",
    "công",
    "viên",
    "đảng",
    "cbcc",
    "cbccvc",
    "cb",
    "quần",
    "hội",
    "lãnh",
    "chủ",
    "bí",
    "trưởng",
    "phó",
];

fn unit_head(f: &Figure) -> Option<String> {
    let u = f.reading.unit.as_deref()?;
    u.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(fold)
}

fn comparable_units(total: &Figure, part: &Figure) -> bool {
    match (unit_head(total), unit_head(part)) {
        (Some(a), Some(b)) => {
            a == b || (PEOPLE.contains(&a.as_str()) && PEOPLE.contains(&b.as_str()))
        }
        (None, None) => true,
        // "có 796 người" after "tổng số 1.188 công chức": one side read without a unit is
        // too uncertain to compare.
        _ => false,
    }
}

fn check_article(ai: usize, a: &Article, out: &mut Vec<Issue>) {
    let text = a.text.as_str();
    let idx = CharIndex::new(text);
    let n = idx.len_chars();
    let mut live: Vec<Live<'_>> = a
        .figures
        .iter()
        .filter(|f| f.status != Status::Rejected && !f.reading.boilerplate)
        .filter(|f| f.start <= f.end && f.end <= n)
        .map(|f| Live {
            f,
            b0: idx.byte_of_char(f.start),
            b1: idx.byte_of_char(f.end),
        })
        .collect();
    live.sort_by_key(|l| l.b0);

    for l in &live {
        percent_over_100(ai, a, l.f, out);
        if l.f.reading.kind == Kind::Ratio
            && let Some((p, q)) = ratio_parts(l.f)
            && p > q
        {
            out.push(Issue {
                kind: IssueKind::PartExceedsTotal,
                message_vi: format!("Tỷ số «{}»: tử số lớn hơn mẫu số.", l.f.text),
                message_en: format!("Ratio «{}»: the part is larger than the whole.", l.f.text),
                figures: vec![fref(ai, a, l.f)],
            });
        }
    }

    // Sentences and figures are both in text order: each sentence looks only at the figures
    // starting inside it, found by binary search, so the pass is O(figures + sentences).
    for (s0, s1) in sentences(text) {
        let lo = live.partition_point(|l| l.b0 < s0);
        let in_s: Vec<&Live<'_>> = live[lo..]
            .iter()
            .take_while(|l| l.b0 < s1)
            .filter(|l| l.b1 <= s1)
            .collect();
        if in_s.len() < 2 {
            continue;
        }
        ratio_beside_percent(ai, a, text, &in_s, out);
        parts_and_totals(ai, a, text, (s0, s1), &in_s, out);
    }
}

fn percent_over_100(ai: usize, a: &Article, f: &Figure, out: &mut Vec<Issue>) {
    let r = &f.reading;
    if r.kind != Kind::Percent || r.change {
        return;
    }
    let top = r
        .value
        .into_iter()
        .chain(r.value_to)
        .fold(f64::MIN, f64::max);
    if top > 100.0 {
        out.push(Issue {
            kind: IssueKind::PercentOver100,
            message_vi: format!(
                "«{}»: tỷ lệ {}% vượt 100% mà không phải mức tăng/giảm.",
                f.text,
                vi_num(top)
            ),
            message_en: format!(
                "«{}»: a share of {}% is above 100% and is not a change.",
                f.text,
                en_num(top)
            ),
            figures: vec![fref(ai, a, f)],
        });
    }
}

/// The interval of true values a percentage written with this qualifier allows.
fn allowed(p: f64, q: Option<Qualifier>) -> (f64, f64) {
    match q {
        None => (p - RATIO_TOLERANCE, p + RATIO_TOLERANCE),
        Some(Qualifier::MoreThan | Qualifier::AtLeast) => (p - 0.5, p + 2.0),
        Some(Qualifier::Nearly | Qualifier::UpTo) => (p - 2.0, p + 0.5),
        Some(Qualifier::About) => (p - 2.0, p + 2.0),
    }
}

fn ratio_beside_percent(
    ai: usize,
    a: &Article,
    text: &str,
    fs: &[&Live<'_>],
    out: &mut Vec<Issue>,
) {
    for w in fs.windows(2) {
        let (x, y) = (w[0], w[1]);
        let (ratio, pct, gap) = match (x.f.reading.kind, y.f.reading.kind) {
            // "16/172 đồng chí có trình độ sau đại học đạt trên 9%"
            (Kind::Ratio, Kind::Percent) => (x, y, text.get(x.b1..y.b0).unwrap_or("")),
            // "đạt 9,3% (16/172)"
            (Kind::Percent, Kind::Ratio) => {
                let g = text.get(x.b1..y.b0).unwrap_or("");
                if g.chars().filter(|c| c.is_alphanumeric()).count() > 0 {
                    continue;
                }
                (y, x, g)
            }
            _ => continue,
        };
        if pct.f.reading.change || gap.contains(';') || gap.chars().count() > 120 {
            continue;
        }
        let Some(r) = comparable_value(ratio.f) else {
            continue;
        };
        let Some(p) = pct.f.reading.value else {
            continue;
        };
        let (lo, hi) = allowed(p, pct.f.reading.qualifier);
        if r < lo || r > hi {
            out.push(Issue {
                kind: IssueKind::RatioMismatch,
                message_vi: format!(
                    "«{}» là {}%, nhưng bài viết ghi «{}».",
                    ratio.f.text,
                    vi_num(r),
                    pct.f.text
                ),
                message_en: format!(
                    "«{}» is {}%, but the article says «{}».",
                    ratio.f.text,
                    en_num(r),
                    pct.f.text
                ),
                figures: vec![fref(ai, a, x.f), fref(ai, a, y.f)],
            });
        }
    }
}

/// `text[from..to]` with both ends moved inside to char boundaries.
fn clamped(text: &str, mut from: usize, mut to: usize) -> &str {
    to = to.min(text.len());
    while from < to && !text.is_char_boundary(from) {
        from += 1;
    }
    while to > from && !text.is_char_boundary(to) {
        to -= 1;
    }
    text.get(from..to).unwrap_or("")
}

/// Words that open the parts of a whole.
const PART_CUES: &[&str] = &["trong đó", "bao gồm", "trong số đó"];

/// The byte offset in `s` (as written, not folded) of the first part cue.
fn find_cue(s: &str) -> Option<usize> {
    s.char_indices().map(|(i, _)| i).find(|&i| {
        let mut end = (i + 24).min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let window = fold(&s[i..end]);
        PART_CUES.iter().any(|c| window.starts_with(c))
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

fn parts_and_totals(
    ai: usize,
    a: &Article,
    text: &str,
    (s0, s1): (usize, usize),
    fs: &[&Live<'_>],
    out: &mut Vec<Issue>,
) {
    let level = |l: &Live<'_>| !l.f.reading.change && l.f.reading.value.is_some();
    for (i, total) in fs.iter().enumerate() {
        let t = total.f;
        if !level(total) || !matches!(t.reading.kind, Kind::Count | Kind::Percent) {
            continue;
        }
        // "Trong tổng số 1.188 công chức, … có 796 người …": parts follow in the sentence.
        let before = fold(clamped(text, s0.max(total.b0.saturating_sub(24)), total.b0));
        let stated_total =
            before.trim_end().ends_with("tổng số") || before.trim_end().ends_with("tổng");
        // "18 cán bộ, trong đó có 9 …": a cue soon after the figure.
        let cue = find_cue(clamped(text, total.b1, s1.min(total.b1 + 60))).filter(|&c| {
            // The cue belongs to this figure: no other figure stands between.
            fs.get(i + 1).is_none_or(|n| n.b0 >= total.b1 + c)
        });
        if !stated_total && cue.is_none() {
            continue;
        }
        let from = total.b1 + cue.unwrap_or(0);
        let parts: Vec<&&Live<'_>> = fs[i + 1..]
            .iter()
            .filter(|p| p.b0 >= from && level(p) && p.f.reading.kind == t.reading.kind)
            .collect();
        let Some(tv) = t.reading.value else { continue };
        for p in &parts {
            let Some(pv) = p.f.reading.value else {
                continue;
            };
            let comparable = match t.reading.kind {
                Kind::Count => comparable_units(t, p.f),
                _ => true,
            };
            // A percentage "trong đó" must stay in the same clause to be a part of it.
            if t.reading.kind == Kind::Percent
                && text.get(total.b1..p.b0).is_some_and(|g| g.contains(';'))
                && !stated_total
                && cue.is_none()
            {
                continue;
            }
            if comparable && pv > tv * 1.0005 {
                out.push(Issue {
                    kind: IssueKind::PartExceedsTotal,
                    message_vi: format!(
                        "«{}» là một phần của «{}» nhưng lớn hơn.",
                        p.f.text, t.text
                    ),
                    message_en: format!(
                        "«{}» is a part of «{}» but larger than it.",
                        p.f.text, t.text
                    ),
                    figures: vec![fref(ai, a, t), fref(ai, a, p.f)],
                });
            }
        }
    }
    shares_over_100(ai, a, text, (s0, s1), fs, out);
}

/// After `trong đó` (or `bao gồm`), two or more percentages of disjoint groups that add up to
/// more than 100% (plus rounding). Cumulative levels (`… trở lên`, `trên …`) overlap, so a list
/// with any of them is left alone.
fn shares_over_100(
    ai: usize,
    a: &Article,
    text: &str,
    (s0, s1): (usize, usize),
    fs: &[&Live<'_>],
    out: &mut Vec<Issue>,
) {
    let Some(cue_at) = find_cue(text.get(s0..s1).unwrap_or("")) else {
        return;
    };
    let start = s0 + cue_at;
    for (c0, c1) in clauses(text, (start, s1)) {
        let parts: Vec<&&Live<'_>> = fs
            .iter()
            .filter(|l| l.b0 >= c0 && l.b1 <= c1)
            .filter(|l| l.f.reading.kind == Kind::Percent && !l.f.reading.change)
            .collect();
        if parts.len() < 2 {
            continue;
        }
        let clause = fold(text.get(c0..c1).unwrap_or(""));
        let overlapping = clause.contains("trở lên")
            || clause.contains("trên chuẩn")
            || parts.iter().any(|p| {
                matches!(
                    p.f.reading.qualifier,
                    Some(Qualifier::MoreThan | Qualifier::AtLeast)
                ) || p.f.reading.target
            });
        if overlapping {
            continue;
        }
        let sum: f64 = parts.iter().filter_map(|p| p.f.reading.value).sum();
        let slack = 0.5 * parts.len() as f64;
        if sum > 100.0 + slack {
            let texts: Vec<&str> = parts.iter().map(|p| p.f.text.as_str()).collect();
            out.push(Issue {
                kind: IssueKind::SharesOver100,
                message_vi: format!(
                    "Các phần {} cộng lại {}%, vượt 100%.",
                    texts.join(" + "),
                    vi_num(sum)
                ),
                message_en: format!(
                    "The parts {} add up to {}%, more than 100%.",
                    texts.join(" + "),
                    en_num(sum)
                ),
                figures: parts.iter().map(|p| fref(ai, a, p.f)).collect(),
            });
        }
    }
}

/// Check 5: one district, indicator, population, year (and target flag) with different values
/// in two articles ([`crate::compare::disagreements`], as the comparison marks them).
fn conflicts(articles: &[Article], out: &mut Vec<Issue>) {
    use std::collections::BTreeMap;
    type Key = (String, String, Option<Population>, Option<i32>, bool);
    let mut groups: BTreeMap<Key, Vec<(usize, &Figure, f64)>> = BTreeMap::new();
    for (ai, a) in articles.iter().enumerate() {
        let Some(d) = a
            .district
            .as_deref()
            .map(district_key)
            .filter(|d| !d.is_empty())
        else {
            continue;
        };
        for f in &a.figures {
            let r = &f.reading;
            if f.status == Status::Rejected || r.change || r.boilerplate {
                continue;
            }
            let (Some(ind), Some(v)) = (r.indicator.as_ref(), comparable_value(f)) else {
                continue;
            };
            groups
                .entry((d.clone(), ind.clone(), r.population, r.year, r.target))
                .or_default()
                .push((ai, f, v));
        }
    }
    for ((_, ind, _, year, _), g) in groups {
        let items: Vec<_> = g
            .iter()
            .map(|&(ai, _, v)| (Some(()), ai, Some(v)))
            .collect();
        if !disagreements(&items).contains(&true) {
            continue;
        }
        let district = articles[g[0].0].district.clone().unwrap_or_default();
        let listing = |num: fn(f64) -> String| {
            g.iter()
                .map(|(ai, f, v)| format!("{} ({}: {})", f.text, articles[*ai].path, num(*v)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let y = year.map_or_else(|| "?".to_string(), |y| y.to_string());
        out.push(Issue {
            kind: IssueKind::Conflict,
            message_vi: format!(
                "Huyện {district}, chỉ tiêu {ind}, năm {y}: các bài ghi khác nhau — {}.",
                listing(vi_num)
            ),
            message_en: format!(
                "District {district}, indicator {ind}, year {y}: articles disagree — {}.",
                listing(en_num)
            ),
            figures: g
                .iter()
                .map(|(ai, f, _)| fref(*ai, &articles[*ai], f))
                .collect(),
        });
    }
}
