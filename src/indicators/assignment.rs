//! Filing figures: for each percent, count and ratio, the indicator it is a value of, who is
//! counted (with `population`), and what is not a level at all — from its clause and sentence.
//!
//! A figure is read from its own stretch of the clause: the words after it up to the next
//! figure (the noun phrase "N% cán bộ có trình độ …") or, after a copula (`là`, `đạt`, `với`,
//! …), the words before it back to the previous figure. Changes (`tăng 39,4% so với …`, also
//! the verbless rest of a `So với …` list), totals of a population, counts of holders and grade
//! distributions are no value of an indicator; a bare level beside a higher level of the same
//! ladder that adds up to no more than 100% is one exact level of a breakdown (whose "or above"
//! share `or_above` then offers as a computed fact); a `Bế giảng lớp …` headline names the
//! class of its `học viên`. Its own room because it is the grammar of what a figure measures;
//! the words come from the matcher, the year from `years`.

use super::catalogue::Catalogue;
use super::indicator::{Indicator, IndicatorKind};
use super::matcher::{Hit, Role, Word, folded_set, listed, padded_phrases, phrase_words, words};
use super::population::Group;
use super::years::YearContext;
use super::{MIN_CONFIDENCE, or_above};
use crate::extract::words::fold;
use crate::model::{Article, Figure, Kind, Population, Status};
use crate::text::{clauses, sentences};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// Words before a figure that make the words *before* it its description
/// (`đạt chuẩn chuyên môn là 97,2%`, `lớp sơ cấp … với 26 học viên`).
const COPULAS: &[&str] = &[
    "là",
    "đạt",
    "với",
    "chiếm",
    "bằng",
    "cho",
    "gồm",
    "khoảng",
    "được",
    "có tỷ lệ",
];
/// Qualifier words skipped when looking for a copula.
const QUALIFIER_WORDS: &[&str] = &[
    "hơn", "trên", "gần", "khoảng", "xấp", "xỉ", "từ", "tới", "đến", "ít", "nhất", "tối", "thiểu",
    "đa", "dưới", "vượt", "tỷ", "lệ", "tỉ", "đều", "con", "số",
];
/// Counted nouns that are not people, attendances or classes: such counts get no indicator
/// unless the indicator lists the noun in its `units`.
const NON_PEOPLE_UNITS: &[&str] = &[
    "năm",
    "tháng",
    "ngày",
    "tuần",
    "giờ",
    "phút",
    "xã",
    "phường",
    "thị",
    "huyện",
    "tỉnh",
    "đơn",
    "cơ",
    "chương",
    "nghị",
    "tiêu",
    "trường",
    "lần",
    "đợt",
    "khóa",
    "chi",
    "tổ",
    "thôn",
    "bản",
    "ấp",
    "khu",
    "tổ",
    "văn",
    "quyết",
    "kế",
    "đề",
    "hội",
    "cuộc",
    "buổi",
    "điểm",
    "tiết",
    "bài",
    "chuyên",
    "mô",
    "hộ",
    "ha",
    "km",
    "triệu",
    "tỷ",
    "nghìn",
    "ngàn",
    "phòng",
    "ban",
    "ngành",
    "tập",
    "cuốn",
    "trang",
    "máy",
];

pub(super) static COPULA_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(COPULAS));
pub(super) static QUALIFIER_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded_set(QUALIFIER_WORDS));
static NON_PEOPLE_SET: LazyLock<HashSet<String>> = LazyLock::new(|| folded_set(NON_PEOPLE_UNITS));

/// Distance in words → weight: a phrase next to the figure counts fully, one twenty words
/// away about half.
pub(super) fn near(d: usize) -> f32 {
    1.0 / (1.0 + d as f32 / 20.0)
}

/// A relevant figure inside a sentence: its index and byte span.
#[derive(Debug, Clone, Copy)]
struct Placed {
    pub(super) index: usize,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// What [`assign`] decides for one figure.
#[derive(Debug, Clone, Default)]
struct Filed {
    pub(super) indicator: Option<String>,
    pub(super) confidence: f32,
    pub(super) year: Option<i32>,
    pub(super) target: bool,
    pub(super) year_from_article: bool,
    pub(super) population: Option<Population>,
    /// The "or above" indicator of which this figure is one exact level (of a breakdown).
    pub(super) exact: Option<String>,
    /// Who that exact level counts.
    pub(super) exact_population: Option<Population>,
}

/// Sets `reading.indicator`, `indicator_confidence`, `reading.year`, `reading.target`,
/// `reading.population` and `reading.year_from_article` of every figure of the article.
/// Percent, count and ratio figures (not page chrome, not changes) get an indicator when the
/// words around them name one clearly enough; the others get none. Figures reviewed by the
/// officer (confirmed, corrected, added) keep the indicator, population and year they have.
/// Running it again gives the same result.
pub fn assign(article: &mut Article, catalogue: &Catalogue) {
    let text = article.text.as_str();
    let spans = article.figure_byte_spans();
    let sents = sentences(text);
    let years = YearContext::new(article, &spans, &sents);

    let mut results: Vec<Filed> = Vec::with_capacity(article.figures.len());
    for (i, f) in article.figures.iter().enumerate() {
        let Some((b0, b1)) = spans[i] else {
            results.push(Filed {
                year: f.reading.year,
                target: f.reading.target,
                year_from_article: f.reading.year_from_article,
                ..Filed::default()
            });
            continue;
        };
        let (year, target, from_article) = years.year_of(text, &sents, b0, b1);
        results.push(Filed {
            year,
            target,
            year_from_article: from_article,
            ..Filed::default()
        });
    }
    let topic = topic_of(article, catalogue);

    // Indicators, sentence by sentence.
    let relevant = |f: &Figure| {
        matches!(f.reading.kind, Kind::Percent | Kind::Count | Kind::Ratio)
            && !f.reading.boilerplate
    };
    let mut by_sentence: HashMap<usize, Vec<Placed>> = HashMap::new();
    for (i, f) in article.figures.iter().enumerate() {
        let Some((b0, b1)) = spans[i] else { continue };
        if !relevant(f) {
            continue;
        }
        let s = sents.partition_point(|&(_, e)| e <= b0);
        if s < sents.len() {
            by_sentence.entry(s).or_default().push(Placed {
                index: i,
                start: b0,
                end: b1,
            });
        }
    }
    let inds = catalogue.indicators();
    let mut own_hit = vec![false; article.figures.len()];
    let mut changed = vec![false; article.figures.len()];
    for (s, mut placed) in by_sentence {
        placed.sort_by_key(|p| p.start);
        let (ss, se) = sents[s];
        let sentence_folded = fold(text.get(ss..se).unwrap_or(""));
        let cls = clauses(text, sents[s]);
        let cl_words: Vec<Vec<Word>> = cls.iter().map(|&(a, b)| words(text, a, b)).collect();
        let cl_hits: Vec<Vec<Hit>> = cl_words.iter().map(|w| catalogue.matcher.find(w)).collect();
        let frame = frame_group(text, ss, placed.first().map_or(se, |p| p.start));
        let over_period = PERIOD_CUES.iter().any(|c| sentence_folded.contains(c));
        // Per placed figure: who its noun phrase names, whether it is a class's learners,
        // whether its stretch says "or above".
        let mut groups: Vec<Group> = Vec::with_capacity(placed.len());
        let mut class_learners = vec![false; placed.len()];
        let mut or_above = vec![false; placed.len()];
        let mut sent_down = vec![false; placed.len()];
        let mut sent_up = vec![false; placed.len()];
        // The words on the figure's own side: before it after a copula, else after it.
        let mut own_side: Vec<String> = vec![String::new(); placed.len()];
        let mut prev_ends: Vec<usize> = Vec::with_capacity(placed.len());
        for (k, p) in placed.iter().enumerate() {
            let f = &article.figures[p.index];
            let c = cls
                .partition_point(|&(_, e)| e < p.start)
                .min(cls.len() - 1);
            let prev = placed[..k]
                .iter()
                .rposition(|q| q.end <= p.start && q.start >= cls[c].0);
            let mut prev_end = prev.map_or(cls[c].0, |j| placed[j].end);
            // "Số cán bộ có trình độ cao cấp LLCT là 156 người, chiếm 11%": the share of the
            // count before it measures what that count's words name.
            let mut share_of = false;
            if let Some(j) = prev
                && f.reading.kind == Kind::Percent
                && article.figures[placed[j].index].reading.kind == Kind::Count
                && share_of_previous(text.get(placed[j].end..p.start).unwrap_or(""))
            {
                prev_end = prev_ends[j];
                share_of = true;
            }
            prev_ends.push(prev_end);
            let next_start = placed[k + 1..]
                .iter()
                .find(|q| q.start >= p.end && q.end <= cls[c].1)
                .map_or(cls[c].1, |q| q.start);
            // The next clause up to its first figure: the predicate of a subject that
            // ends its own clause ("100% Ủy viên BCH …; các Trưởng phòng … có trình độ …").
            let next_clause_head = cls.get(c + 1).map(|&(a, b)| {
                let bound = placed
                    .iter()
                    .find(|q| q.start >= a && q.start < b)
                    .map_or(b, |q| q.start);
                (a, bound)
            });
            let scope = Scope {
                text,
                figure: f,
                fig: (p.start, p.end),
                prev_end,
                next_start,
                words: &cl_words[c],
                hits: &cl_hits[c],
                next_clause: cl_words.get(c + 1).zip(cl_hits.get(c + 1)),
                share_of,
            };
            let prev_changed = k > 0 && changed[placed[k - 1].index];
            let group = noun_phrase_group(&scope, next_clause_head, &cl_words);
            groups.push(group);
            let stretch = stretch_words(&scope);
            own_side[k] = own_side_words(&scope);
            or_above[k] = OR_ABOVE_CUES.iter().any(|c| stretch.contains(c.as_str()));
            sent_down[k] = SENT_DOWN_CUES.iter().any(|c| stretch.contains(c.as_str()));
            sent_up[k] = SENT_UP_CUES.iter().any(|c| stretch.contains(c.as_str()));
            if is_change(&scope, &sentence_folded, prev_changed) {
                changed[p.index] = true;
                continue;
            }
            let scored = score(catalogue, &scope);
            own_hit[p.index] = scored.own_hit;
            let mut best = scored.best;
            let learners_noun = head_noun(&scope).as_deref() == Some("học");
            if best.is_none()
                && f.reading.kind == Kind::Count
                && learners_noun
                && let Some(t) = topic
            {
                // "Bế giảng lớp Trung cấp LLCT … 87 học viên": the headline names the class.
                best = Some((inds[t].id.clone(), 0.5));
            }
            // "15 học viên đạt loại giỏi": a grade distribution, not a class's size (said
            // after the figure: "trao bằng tốt nghiệp cho 92 học viên" is the whole class).
            let after = after_words(&scope);
            if best
                .as_ref()
                .is_some_and(|(id, _)| id.starts_with("learners_"))
                && GRADE_CUES.iter().any(|c| after.contains(c.as_str()))
            {
                best = None;
            }
            if let Some((id, conf)) = best {
                class_learners[k] = id.starts_with("learners_")
                    && !over_period
                    && (learners_noun || sentence_folded.contains("lớp"));
                results[p.index].indicator = Some(id);
                results[p.index].confidence = conf;
            }
        }
        // "đối với 19 viên chức … và 56 công chức cấp xã": one predicate, listed counts.
        for k in 1..placed.len() {
            let (prev, cur) = (placed[k - 1], placed[k]);
            let fc = &article.figures[cur.index];
            let fp = &article.figures[prev.index];
            let gap = text.get(prev.end..cur.start).unwrap_or("");
            if results[cur.index].indicator.is_none()
                && !own_hit[cur.index]
                && !changed[cur.index]
                && !changed[prev.index]
                && results[prev.index].indicator.is_some()
                && fc.reading.kind == fp.reading.kind
                && gap.chars().count() <= 80
                && !gap.contains(';')
                && (gap.contains(',') || fold(gap).split_whitespace().any(|w| w == "và"))
                && !fold(gap).contains("trong đó")
            {
                results[cur.index].indicator = results[prev.index].indicator.clone();
                results[cur.index].confidence =
                    (results[prev.index].confidence * 0.8).max(MIN_CONFIDENCE);
            }
        }
        // "trung cấp LLCT chiếm 71%, cao cấp chiếm 9%": a bare rung of the list's ladder
        // (the figure's own, else the last one a share before it in the sentence is filed on).
        let mut ladder: Option<String> = None;
        for (k, p) in placed.iter().enumerate() {
            if own_hit[p.index] || changed[p.index] {
                ladder = results[p.index].indicator.clone().or(ladder);
                continue;
            }
            let known = results[p.index].indicator.clone();
            let fits = article.figures[p.index].reading.kind == Kind::Percent;
            if let Some(id) = known.clone().or_else(|| ladder.clone().filter(|_| fits))
                && let Some(rung) = named_rung(catalogue, &id, &own_side[k])
            {
                results[p.index].indicator = Some(rung);
                if known.is_none() {
                    results[p.index].confidence = MIN_CONFIDENCE.max(0.5);
                }
            }
            ladder = results[p.index].indicator.clone().or(ladder);
        }
        drop_exact_levels(article, catalogue, &placed, &or_above, &mut results);
        // Who is counted: the figure's own noun phrase, else the sentence's frame
        // ("Đối với cán bộ cơ sở, …"), else the figure before it in the sentence.
        let mut prev_pop: Option<Population> = None;
        for (k, p) in placed.iter().enumerate() {
            let g = groups[k];
            let pop = if class_learners[k] {
                Some(Population::HocVien)
            } else if sent_up[k] && !g.has_level() {
                // "điều động 3 đồng chí từ xã lên huyện": commune cadres.
                Some(Population::Xa)
            } else if sent_down[k] && !g.has_level() && g.names_anyone() {
                Some(Population::Huyen)
            } else if g.is_specific() {
                g.population(false)
            } else if frame.is_specific() {
                frame.population(false)
            } else if sent_down[k] {
                // "06 đồng chí được tăng cường, luân chuyển về các xã": district cadres.
                Some(Population::Huyen)
            } else if prev_pop.is_some_and(|p| p != Population::HocVien) {
                // (The learners of one class are that figure's own population.)
                prev_pop
            } else {
                g.population(false)
            };
            if results[p.index].indicator.is_some() {
                let pop = pop.unwrap_or(Population::Chung);
                results[p.index].population = Some(pop);
                prev_pop = Some(pop);
            } else {
                if results[p.index].exact.is_some() {
                    results[p.index].exact_population = Some(pop.unwrap_or(Population::Chung));
                }
                if pop.is_some() && g.names_anyone() {
                    prev_pop = pop;
                }
            }
        }
    }

    let sents_of = |i: usize| {
        let (b0, _) = spans[i]?;
        let s = sents.partition_point(|&(_, e)| e <= b0);
        (s < sents.len()).then_some(s)
    };
    let parts: Vec<or_above::Part> = results
        .iter()
        .enumerate()
        .map(|(i, r)| or_above::Part {
            exact: r.exact.clone(),
            population: r.exact_population,
            sentence: sents_of(i),
        })
        .collect();
    for (f, r) in article.figures.iter_mut().zip(results) {
        // What the officer has reviewed stays as they left it.
        let reviewed = f.status.is_reviewed();
        if !(reviewed && f.reading.year.is_some()) {
            f.reading.year = r.year;
            f.reading.target = r.target;
            f.reading.year_from_article = r.year_from_article;
        }
        // A figure added by hand with no indicator yet is filed like the others.
        let keep = reviewed && (f.reading.indicator.is_some() || f.status != Status::Added);
        if !keep {
            f.reading.indicator = r.indicator;
            f.indicator_confidence = r.confidence;
            f.reading.population = r.population;
        } else if f.reading.population.is_none() {
            f.reading.population = r.population;
        }
        if f.reading.indicator.is_none() {
            f.reading.population = None;
        }
    }
    // An "or above" share whose breakdown gives every part: offered as a computed fact.
    or_above::offer(article, catalogue, &parts);
}

/// Offers again the computed facts of an article as its figures stand now (after the officer
/// edited one of their parts), leaving the figures as they are; see [`or_above`].
pub fn offer_computed(article: &mut Article, catalogue: &Catalogue) {
    let mut again = article.clone();
    assign(&mut again, catalogue);
    article.computed = again.computed;
}

/// Sentence-level cues that a count covers a period (several classes), not one class.
const PERIOD_CUES: &[&str] = &[
    "đến nay",
    "giai đoạn",
    "nhiệm kỳ",
    "nhiệm kì",
    "hằng năm",
    "hàng năm",
    "mỗi năm",
    "những năm",
    "năm qua",
    "từ năm",
    "từ đầu",
];

/// Words of a figure's stretch that make a level "or above" (folded, padded with spaces).
static OR_ABOVE_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    padded_phrases(&[
        "trở lên",
        "đại học và sau đại học",
        "đại học và trên đại học",
    ])
});

/// Words that make a count of learners a grade or pass distribution (folded, padded).
static GRADE_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    padded_phrases(&[
        "loại giỏi",
        "loại khá",
        "loại xuất sắc",
        "loại trung bình",
        "xếp loại",
        "tốt nghiệp",
        "học viên nữ",
        "là nữ",
    ])
});

/// "luân chuyển về các xã": people sent down to the communes come from the district.
static SENT_DOWN_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    padded_phrases(&[
        "về các xã",
        "về xã",
        "về cơ sở",
        "xuống cơ sở",
        "xuống các xã",
    ])
});

/// "từ xã lên huyện": people brought up from the communes are commune cadres.
static SENT_UP_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| padded_phrases(&["từ xã lên", "từ cơ sở lên", "từ các xã lên"]));

/// The folded words of a figure's own stretch (the clause between its neighbours), padded
/// with spaces for phrase look-ups.
fn stretch_words(scope: &Scope<'_>) -> String {
    let ws: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.prev_end && w.end <= scope.next_start)
        .map(|w| w.s.as_str())
        .collect();
    format!(" {} ", ws.join(" "))
}

/// The gap between a count and a percent reads `<its noun>, chiếm` or `<its noun> (`: the
/// percent is the share the count makes of its population.
fn share_of_previous(gap: &str) -> bool {
    let g = fold(gap);
    let ws: Vec<&str> = g
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    ws.len() <= 4
        && (ws.last() == Some(&"chiếm") || (ws.len() <= 3 && gap.trim_end().ends_with('(')))
}

/// The folded words after the figure, up to the next one (its noun phrase and predicate).
fn after_words(scope: &Scope<'_>) -> String {
    let ws: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.fig.1 && w.end <= scope.next_start)
        .map(|w| w.s.as_str())
        .collect();
    format!(" {} ", ws.join(" "))
}

/// The folded words on the figure's own side of its stretch: those before it when a copula
/// precedes it or it ends its item (`cao cấp chiếm 9%`, `trung cấp 50%.`), else those after it.
fn own_side_words(scope: &Scope<'_>) -> String {
    let before = copula_before(scope) || ends_item(scope) || scope.share_of;
    let ws: Vec<&str> = scope
        .words
        .iter()
        .filter(|w| {
            if before {
                w.start >= scope.prev_end && w.end <= scope.fig.0
            } else {
                w.start >= scope.fig.1 && w.end <= scope.next_start
            }
        })
        .map(|w| w.s.as_str())
        .collect();
    format!(" {} ", ws.join(" "))
}

/// The rung of `id`'s ladder that `side` names by a bare rung name (the longest that fits:
/// `sau đại học` before `đại học`), when it is another rung than `id`'s own.
fn named_rung(catalogue: &Catalogue, id: &str, side: &str) -> Option<String> {
    let family = catalogue.get(id)?.level_family.clone()?;
    let (_, rung) = catalogue
        .indicators()
        .iter()
        .filter(|i| i.level_family.as_deref() == Some(family.as_str()))
        .flat_map(|i| {
            i.level_words
                .iter()
                .map(move |w| (phrase_words(w).join(" "), i))
        })
        .filter(|(w, _)| !w.is_empty() && side.contains(&format!(" {w} ")))
        .max_by_key(|(w, _)| w.len())?;
    (rung.id != id).then(|| rung.id.clone())
}

/// Verbs and function words that end the noun phrase after a figure: `85% cán bộ … cấp xã |
/// thành thạo máy vi tính`.
const PHRASE_END: &[&str] = &[
    "có", "đạt", "được", "tham", "đi", "học", "hoàn", "đã", "đều", "chiếm", "thành", "tăng",
    "giảm", "đang", "trong", "bằng", "từ", "qua", "theo", "tại", "sử", "xếp", "về", "xuống",
];
pub(super) static PHRASE_END_SET: LazyLock<HashSet<String>> =
    LazyLock::new(|| folded_set(PHRASE_END));

/// The group a figure's noun phrase names: the words after it up to its predicate (and into
/// the next clause when its own clause ends first); when that names nobody and a copula
/// stands before the figure (`số cán bộ lãnh đạo … đạt chuẩn chuyên môn là 97,2%`), the words
/// before it.
fn noun_phrase_group(
    scope: &Scope<'_>,
    next_clause_head: Option<(usize, usize)>,
    cl_words: &[Vec<Word>],
) -> Group {
    let mut phrase: Vec<&str> = Vec::new();
    let mut ended = false;
    for w in scope
        .words
        .iter()
        .filter(|w| w.start >= scope.fig.1 && w.end <= scope.next_start)
    {
        if listed(&PHRASE_END_SET, &w.s) {
            ended = true;
            break;
        }
        phrase.push(w.s.as_str());
    }
    let clause_end = scope.words.last().is_none_or(|w| w.end <= scope.next_start);
    if !ended
        && clause_end
        && let Some((a, b)) = next_clause_head
    {
        for w in cl_words
            .iter()
            .flatten()
            .filter(|w| w.start >= a && w.end <= b)
        {
            if listed(&PHRASE_END_SET, &w.s) {
                break;
            }
            phrase.push(w.s.as_str());
        }
    }
    let g = Group::of(&phrase);
    // "Đội ngũ cán bộ chủ chốt cấp huyện có 100% trình độ đại học": the subject stands
    // before the figure when nothing after it names anyone.
    let subject_has = have_before(scope);
    if g.is_specific() || (!copula_before(scope) && (g.names_anyone() || !subject_has)) {
        return g;
    }
    let mut before: Vec<&str> = scope.words_before();
    // The subject stands close before its predicate: the nearest words only.
    let keep = before.len().saturating_sub(12);
    before.drain(..keep);
    let b = Group::of(&before);
    if b.names_anyone() { b } else { g }
}

/// "X có 100% …": `có` (after qualifiers) right before the figure, so the words before it
/// are its subject.
fn have_before(scope: &Scope<'_>) -> bool {
    let before: Vec<&str> = scope.words_before();
    let mut n = before.len();
    while n > 0 && listed(&QUALIFIER_SET, before[n - 1]) {
        n -= 1;
    }
    n > 0 && before[n - 1] == "có"
}

/// "Đối với cán bộ cơ sở, …": the group a whole sentence is about — the words after `đối
/// với` near its start, up to a predicate or the sentence's first figure (`bound`).
fn frame_group(text: &str, s: usize, bound: usize) -> Group {
    let ws = words(text, s, bound.max(s));
    let start = ws
        .windows(2)
        .take(4)
        .position(|p| p[0].s == "đối" && p[1].s == "với");
    match start {
        Some(i) => {
            let rest: Vec<&str> = ws[i + 2..]
                .iter()
                .map(|w| w.s.as_str())
                .take_while(|w| !listed(&PHRASE_END_SET, w))
                .collect();
            Group::of(&rest)
        }
        None => Group::default(),
    }
}

/// True when the figure is a change, not a level: marked so by the extractor, `tăng` /
/// `giảm` right before it, or the next item of a list that began with `So với …, tăng …`
/// and names no new level.
fn is_change(scope: &Scope<'_>, sentence_folded: &str, prev_changed: bool) -> bool {
    if scope.figure.reading.change {
        return true;
    }
    let before: Vec<&str> = scope.words_before();
    let mut n = before.len();
    while n > 0 && listed(&QUALIFIER_SET, before[n - 1]) && !matches!(before[n - 1], "tăng") {
        n -= 1;
    }
    if n > 0 && matches!(before[n - 1], "tăng" | "giảm" | "thêm") {
        return true;
    }
    prev_changed
        && sentence_folded.trim_start().starts_with("so với")
        && !before
            .iter()
            .any(|w| matches!(*w, "là" | "đạt" | "chiếm" | "có"))
}

/// A bare level beside a higher level of the same ladder, for the same sentence, whose two
/// shares add up to no more than 100%, is one exact level of a breakdown (`gần 80% có trình
/// độ trung cấp LLCT và trên 10% có trình độ cao cấp`): not the "or above" share.
fn drop_exact_levels(
    article: &Article,
    catalogue: &Catalogue,
    placed: &[Placed],
    or_above: &[bool],
    results: &mut [Filed],
) {
    let ladder = |k: usize| -> Option<(&str, u8, f64)> {
        let f = &article.figures[placed[k].index];
        if f.reading.kind != Kind::Percent {
            return None;
        }
        let ind = catalogue.get(results[placed[k].index].indicator.as_deref()?)?;
        Some((
            ind.level_family.as_deref()?,
            ind.level_rank,
            f.reading.value?,
        ))
    };
    let mut drop = Vec::new();
    for k in 0..placed.len() {
        if or_above[k] {
            continue;
        }
        let Some((fam, rank, v)) = ladder(k) else {
            continue;
        };
        let higher = (0..placed.len()).filter(|&j| j != k).any(|j| {
            ladder(j)
                .is_some_and(|(fam2, rank2, v2)| fam2 == fam && rank2 > rank && v + v2 <= 100.5)
        });
        if higher {
            drop.push(placed[k].index);
        }
    }
    for i in drop {
        results[i].exact = results[i].indicator.take();
        results[i].confidence = 0.0;
    }
}

/// The learners indicator a class report is about, from its headline (`Bế giảng lớp Trung cấp
/// lý luận chính trị khóa 25`): the `học viên` of the article are that class's learners.
fn topic_of(article: &Article, catalogue: &Catalogue) -> Option<usize> {
    let title = article.title.clone().or_else(|| {
        article
            .text
            .lines()
            .find(|l| !l.trim().is_empty())
            .map(str::to_string)
    })?;
    let ws = words(&title, 0, title.len());
    if !ws.iter().any(|w| w.s == "lớp" || w.s == "khóa") {
        return None;
    }
    let hits = catalogue.matcher.find(&ws);
    let inds = catalogue.indicators();
    hits.iter()
        .filter(|h| catalogue.matcher.patterns[h.pattern].role == Role::Strong)
        .map(|h| catalogue.matcher.patterns[h.pattern].indicator)
        .find(|&k| inds[k].id.starts_with("learners_") && inds[k].kind == IndicatorKind::Count)
}

struct Scope<'a> {
    pub(super) text: &'a str,
    pub(super) figure: &'a Figure,
    pub(super) fig: (usize, usize),
    pub(super) prev_end: usize,
    pub(super) next_start: usize,
    pub(super) words: &'a [Word],
    pub(super) hits: &'a [Hit],
    pub(super) next_clause: Option<(&'a Vec<Word>, &'a Vec<Hit>)>,
    /// The share a count right before it makes (`156 người, chiếm 11%`, `812 người (74,8%)`):
    /// its words start where the count's do, and it reads them backwards.
    pub(super) share_of: bool,
}

impl Scope<'_> {
    /// The folded words of the figure's stretch before it (from the previous figure on).
    fn words_before(&self) -> Vec<&str> {
        self.words
            .iter()
            .filter(|w| w.start >= self.prev_end && w.end <= self.fig.0)
            .map(|w| w.s.as_str())
            .collect()
    }
}

/// The counted noun of a count: its unit as read, else the word after it.
fn head_noun(scope: &Scope<'_>) -> Option<String> {
    if let Some(u) = scope.figure.reading.unit.as_deref() {
        let w = words(u, 0, u.len());
        if let Some(first) = w.into_iter().next() {
            return Some(first.s);
        }
    }
    scope
        .words
        .iter()
        .find(|w| w.start >= scope.fig.1)
        .filter(|w| w.start < scope.next_start)
        .map(|w| w.s.clone())
}

/// "Trong tổng số 1.188 công chức, …": the size of a population, not a measure of it.
fn total_of_population(scope: &Scope<'_>) -> bool {
    let ws: Vec<&str> = scope.words_before();
    if ws.ends_with(&["trong", "tổng", "số"]) || ws.ends_with(&["trong", "tổng"]) {
        return true;
    }
    // "Toàn huyện hiện có 203 cán bộ, công chức cấp xã; trong đó 96,1% …": a head count
    // whose breakdown follows — its noun phrase has no predicate and `trong đó` comes next.
    let after: Vec<&Word> = scope
        .words
        .iter()
        .filter(|w| w.start >= scope.fig.1 && w.end <= scope.next_start)
        .collect();
    if let Some(k) = after.iter().position(|w| listed(&PHRASE_END_SET, &w.s)) {
        return after[k].s == "trong" && after.get(k + 1).is_some_and(|w| w.s == "đó");
    }
    let clause_end = scope.words.last().map_or(scope.next_start, |w| w.end);
    if scope.next_start < clause_end {
        return false;
    }
    let rest = scope.text.get(clause_end..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | ':'));
    let head: String = rest.chars().take(12).collect();
    fold(&head).starts_with("trong đó")
}

/// True when the words just before the figure are a copula (after skipping qualifiers), or a
/// colon stands right before it.
fn copula_before(scope: &Scope<'_>) -> bool {
    let before = scope.text.get(scope.prev_end..scope.fig.0).unwrap_or("");
    if before.trim_end().ends_with(':') {
        return true;
    }
    let ws: Vec<&Word> = scope
        .words
        .iter()
        .filter(|w| w.end <= scope.fig.0 && w.start >= scope.prev_end)
        .collect();
    let mut n = ws.len();
    while n > 0 && listed(&QUALIFIER_SET, &ws[n - 1].s) {
        n -= 1;
    }
    if n == 0 {
        return false;
    }
    let last = ws[n - 1].s.as_str();
    let two = if n >= 2 {
        format!("{} {}", ws[n - 2].s, last)
    } else {
        String::new()
    };
    listed(&COPULA_SET, last) || listed(&COPULA_SET, &two)
}

/// A list of labelled values (`đại học 70,5%, thạc sĩ 8,2%`): a catalogue phrase ends right
/// before the figure (spaces or a colon between), and the figure ends its item (a comma, a
/// semicolon or the end of its stretch follows). The label is the figure's own.
fn label_before(scope: &Scope<'_>) -> bool {
    ends_item(scope)
        && scope.hits.iter().any(|h| {
            let he = scope.words[h.last].end;
            let hs = scope.words[h.first].start;
            hs >= scope.prev_end
                && he <= scope.fig.0
                && scope
                    .text
                    .get(he..scope.fig.0)
                    .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == ':'))
        })
}

/// The figure ends its item of a list: a comma, a semicolon, a full stop, a bracket or the end
/// of its stretch follows it.
fn ends_item(scope: &Scope<'_>) -> bool {
    let after = scope.text.get(scope.fig.1..scope.next_start).unwrap_or("");
    let after = after.trim_start();
    after.is_empty() || after.starts_with([',', ';', '.', ')'])
}

/// The best indicator for a figure and its confidence, if clear enough.
fn score(catalogue: &Catalogue, scope: &Scope<'_>) -> Scored {
    let mut out = Scored {
        best: None,
        own_hit: false,
    };
    out.best = best_indicator(catalogue, scope, &mut out.own_hit);
    out
}

/// What [`score`] found.
struct Scored {
    /// The indicator and its confidence.
    pub(super) best: Option<(String, f32)>,
    /// True when a phrase of any indicator stands in the figure's own stretch of words.
    pub(super) own_hit: bool,
}

fn best_indicator(
    catalogue: &Catalogue,
    scope: &Scope<'_>,
    own_hit: &mut bool,
) -> Option<(String, f32)> {
    let inds = catalogue.indicators();
    let kind = scope.figure.reading.kind;
    if total_of_population(scope) {
        return None;
    }
    let head = head_noun(scope);
    let has_unit = |ind: &Indicator| {
        kind == Kind::Count
            && head.as_deref().is_some_and(|h| {
                ind.units
                    .iter()
                    .any(|u| phrase_words(u).first().is_some_and(|f| f == h))
            })
    };
    let unit_fit: Vec<bool> = inds.iter().map(has_unit).collect();
    // "2 lớp trung cấp lý luận chính trị": a count of a noun that only some indicators
    // count (classes) is one of theirs, whatever the class teaches.
    let unit_only = inds
        .iter()
        .zip(&unit_fit)
        .any(|(ind, &fit)| fit && ind.require_unit);
    // "N lượt …" counts attendances: indicators of people count it only on strong evidence.
    let per_attendance = kind == Kind::Count && head.as_deref() == Some("lượt");
    let eligible: Vec<bool> = inds
        .iter()
        .zip(&unit_fit)
        .map(|(ind, &fit)| {
            if !ind.kind.accepts(kind) {
                return false;
            }
            if kind != Kind::Count {
                return true;
            }
            if ind.require_unit || unit_only {
                return fit;
            }
            fit || head.as_deref().is_none_or(|h| !listed(&NON_PEOPLE_SET, h))
        })
        .collect();
    if !eligible.iter().any(|&e| e) {
        return None;
    }
    // A colon introduces the figure's own noun phrase unless the words before it name a
    // measure ("Huyện Tân Phú: 96,5% cán bộ … đạt chuẩn" vs "Đạt chuẩn chuyên môn: 97%").
    let colon = scope
        .text
        .get(scope.prev_end..scope.fig.0)
        .unwrap_or("")
        .trim_end()
        .ends_with(':');
    let named_before = scope.hits.iter().any(|h| {
        let (hs, he) = (scope.words[h.first].start, scope.words[h.last].end);
        hs >= scope.prev_end && he <= scope.fig.0
    });
    let backward_first =
        (copula_before(scope) && (!colon || named_before)) || label_before(scope) || scope.share_of;
    let (w_fwd, w_bwd) = if backward_first {
        (0.45, 1.0)
    } else {
        (1.0, 0.45)
    };
    let ws = scope.words;
    // Word indices of the figure's neighbourhood.
    let first_after = ws.partition_point(|w| w.start < scope.fig.1);
    let last_before = ws.partition_point(|w| w.end <= scope.fig.0); // one past
    let mut best = vec![0f32; inds.len()];
    let mut extra = vec![0f32; inds.len()];
    let mut excluded = vec![false; inds.len()];
    let mut decisive = vec![false; inds.len()];
    let add = |ind: usize, v: f32, best: &mut Vec<f32>, extra: &mut Vec<f32>| {
        if v > best[ind] {
            extra[ind] += best[ind];
            best[ind] = v;
        } else {
            extra[ind] += v;
        }
    };
    for h in scope.hits {
        let pat = &catalogue.matcher.patterns[h.pattern];
        let (hs, he) = (ws[h.first].start, ws[h.last].end);
        let (region_w, d) = if hs >= scope.fig.1 && he <= scope.next_start {
            (w_fwd, h.first.saturating_sub(first_after))
        } else if hs >= scope.prev_end && he <= scope.fig.0 {
            (w_bwd, last_before.saturating_sub(h.last + 1))
        } else if hs >= scope.fig.1 {
            (0.35, h.first.saturating_sub(first_after))
        } else {
            (0.35, last_before.saturating_sub(h.last + 1))
        };
        match pat.role {
            Role::Exclude => {
                if region_w >= 1.0 && d <= 4 {
                    excluded[pat.indicator] = true;
                }
            }
            Role::Decisive => {
                // In the figure's noun phrase, not after a copula that describes its people
                // ("75 học viên là đảng viên mới": learners who are new party members).
                let described = ws
                    .get(first_after..h.first)
                    .is_some_and(|between| between.iter().any(|w| w.s == "là"));
                if hs >= scope.fig.1 && he <= scope.next_start && !described {
                    decisive[pat.indicator] = true;
                }
            }
            Role::Strong | Role::Weak => {
                if region_w >= 1.0 && pat.role == Role::Strong {
                    *own_hit = true;
                }
                let role_w = if pat.role == Role::Strong { 1.0 } else { 0.4 };
                // The noun phrase right after the figure names what it counts.
                let adjacent = if region_w >= 1.0 && d <= 1 { 0.3 } else { 0.0 };
                let v = role_w * region_w * near(d) + adjacent * role_w;
                add(pat.indicator, v, &mut best, &mut extra);
            }
        }
    }
    // "có trình độ cao cấp lý luận chính trị": an excluding phrase right before a phrase of
    // the same indicator rules it out however far the figure is (holders, not learners).
    for e in scope.hits {
        let pe = &catalogue.matcher.patterns[e.pattern];
        if pe.role != Role::Exclude
            || ws[e.first].start < scope.prev_end
            || ws[e.last].end > scope.next_start
        {
            continue;
        }
        if scope.hits.iter().any(|h| {
            let ph = &catalogue.matcher.patterns[h.pattern];
            ph.indicator == pe.indicator && ph.role == Role::Strong && h.first == e.last + 1
        }) {
            excluded[pe.indicator] = true;
        }
    }
    // "đại học 812 người": a count labelled by the level of a share counts its holders.
    if kind == Kind::Count {
        let labels: Vec<usize> = scope
            .hits
            .iter()
            .filter(|h| {
                let he = ws[h.last].end;
                ws[h.first].start >= scope.prev_end
                    && he <= scope.fig.0
                    && catalogue.matcher.patterns[h.pattern].role == Role::Strong
                    && scope
                        .text
                        .get(he..scope.fig.0)
                        .is_some_and(|g| g.chars().all(|c| c.is_whitespace() || c == ':'))
            })
            .map(|h| catalogue.matcher.patterns[h.pattern].indicator)
            .collect();
        if !labels.is_empty()
            && labels
                .iter()
                .all(|&i| inds[i].kind == IndicatorKind::Percent)
        {
            return None;
        }
    }
    let own_found = best.iter().zip(&eligible).any(|(&b, &e)| e && b >= 0.3);
    if !own_found && let Some((nws, nhits)) = scope.next_clause {
        // "… có 100% Ủy viên …; các Trưởng phòng … có trình độ cao cấp LLCT": the predicate
        // may follow in the next clause.
        for h in nhits.iter() {
            let pat = &catalogue.matcher.patterns[h.pattern];
            if pat.role == Role::Exclude {
                continue;
            }
            let role_w = if pat.role == Role::Strong { 1.0 } else { 0.4 };
            let v = 0.6 * role_w * near(h.first.min(nws.len()));
            add(pat.indicator, v, &mut best, &mut extra);
        }
    }
    let mut ranked: Vec<(usize, f32)> = (0..inds.len())
        .filter(|&k| eligible[k] && !excluded[k] && (best[k] > 0.0 || unit_fit[k]))
        .map(|k| {
            let base = best[k] + 0.1 * extra[k].min(1.0);
            let v = if unit_fit[k] {
                base + 0.6
            } else if per_attendance {
                base * 0.5
            } else {
                base
            };
            (k, v)
        })
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    // The noun phrase after the figure names a specific audience or content: it decides.
    if let Some(&(k, v)) = ranked.iter().find(|&&(k, _)| decisive[k]) {
        *own_hit = true;
        return Some((
            inds[k].id.clone(),
            (v.clamp(0.6, 1.0) * 100.0).round() / 100.0,
        ));
    }
    let &(top, s1) = ranked.first()?;
    let s2 = ranked.get(1).map_or(0.0, |r| r.1);
    let conf = s1.min(1.0) * (1.0 - 0.5 * (s2 / s1));
    (conf >= MIN_CONFIDENCE).then(|| (inds[top].id.clone(), (conf * 100.0).round() / 100.0))
}
