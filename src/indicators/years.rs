//! The year of a fact: the year in its clause, else a year heading its paragraph, else the
//! article's — flagged `year_from_article`, so it follows the article's date when the officer
//! edits it; the end of a period (`giai đoạn 2016-2020` → 2020), the start of a course;
//! founding years, `so với năm …` baselines and the start of `từ … đến nay` never date a value.
//! Targets (`phấn đấu`, `đến năm 2025 …`) are read with it, from the same clause.
//!
//! Its own room because it reads the whole article (datelines, paragraph headings, founding
//! years) where the assignment reads one clause.

use super::matcher::{Word, padded_phrases, words};
use crate::extract::words::fold;
use crate::model::Article;
use crate::text::sentences;
use std::sync::LazyLock;

/// The year of the article as the text gives it: its dateline, else the year it reports on
/// (an anniversary counted from a founding year, `gần 3 năm, từ 2015 đến nay`, the latest
/// past year it names). Facts with no year of their own take it.
pub fn article_year(article: &Article) -> Option<i32> {
    let spans = article.figure_byte_spans();
    let sents = sentences(&article.text);
    YearContext::new(article, &spans, &sents).article_year
}

/// After the officer edits the article's date: every figure whose year is the article's
/// (`year_from_article`) takes the new article year — a link, not a copy. Figures with a year
/// of their own, or whose year the officer typed, do not move.
pub fn follow_article_date(article: &mut Article) {
    let year = article_year(article);
    for f in &mut article.figures {
        if f.reading.year_from_article && f.reading.indicator.is_some() {
            f.reading.year = year;
        }
    }
}

/// A year named in the text.
#[derive(Debug, Clone, Copy)]
struct YearMention {
    /// Byte span of the mention.
    pub(super) start: usize,
    pub(super) end: usize,
    /// The year it stands for (a range's end; for "đến nay" the article's year).
    pub(super) year: Option<i32>,
    /// `đến năm 2025` with no `từ`: a deadline.
    pub(super) deadline: bool,
    /// Named only as a term (`nhiệm kỳ 2015-2020`, `khóa học 2018 – 2019`): not a reference.
    pub(super) term: bool,
    /// In a sentence about a founding (`thành lập`, `tách ra`, `tái lập`): an anchor for
    /// anniversaries, never the year of a fact.
    pub(super) founding: bool,
    /// `từ 2015 đến nay`: the start year (the mention itself stands for the article's year).
    pub(super) since: Option<i32>,
    /// In a sentence that sets a goal (`Phấn đấu năm 2025, …`): a year ahead of the report,
    /// never the article's own.
    pub(super) goal: bool,
    /// `khóa học 2021 - 2023`, `năm học 2018 - 2019`: the start year, the year of its facts.
    pub(super) course_start: Option<i32>,
    /// Byte start of its sentence.
    pub(super) sentence: usize,
}

/// A length of time in years: `Sau 15 năm`, `Kỷ niệm 15 năm thành lập`, `Trong gần 3 năm`.
#[derive(Debug, Clone, Copy)]
struct Duration {
    /// Whole years, one less for `gần` (nearly).
    pub(super) years: i32,
    /// Said of a founding (`kỷ niệm`, `sau`, `… năm thành lập`).
    pub(super) anniversary: bool,
    /// Byte start of its sentence.
    pub(super) sentence: usize,
}

/// Words of a sentence that make its years a founding (folded, padded).
/// The target cues of the lexicon, padded for the sentence scan (folded once, not per sentence).
static GOAL_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| padded_phrases(crate::extract::rules::lexicon::TARGET_CUES));

static FOUNDING_CUES: LazyLock<Vec<String>> = LazyLock::new(|| {
    padded_phrases(&[
        "thành lập",
        "tách ra",
        "tái lập",
        "chia tách",
        "ra đời",
        "tách huyện",
    ])
});

/// The durations in years of a sentence's words (`sentence` = its byte start).
fn durations_in(ws: &[Word], sentence: usize) -> Vec<Duration> {
    let mut out = Vec::new();
    for i in 0..ws.len().saturating_sub(1) {
        if ws[i + 1].s != "năm" {
            continue;
        }
        let Ok(n) = ws[i].s.parse::<i32>() else {
            continue;
        };
        if !(1..=100).contains(&n) {
            continue;
        }
        let prev = |k: usize| i.checked_sub(k).map(|j| ws[j].s.as_str());
        let nearly = matches!(prev(1), Some("gần")) || matches!(prev(1), Some("chưa"));
        let lead = if matches!(prev(1), Some("gần" | "hơn" | "chưa" | "đầy")) {
            prev(2)
        } else {
            prev(1)
        };
        let after = ws.get(i + 2).map(|w| w.s.as_str());
        let anniversary = matches!(lead, Some("sau" | "niệm"))
            || (after == Some("thành") && ws.get(i + 3).is_some_and(|w| w.s == "lập"));
        let span = matches!(lead, Some("trong" | "sau" | "niệm" | "qua")) || anniversary;
        if !span || after == Some("tới") {
            continue;
        }
        out.push(Duration {
            years: if nearly { n - 1 } else { n },
            anniversary,
            sentence,
        });
    }
    out
}

pub(super) struct YearContext {
    /// The article's own year: published, else the latest past year it names.
    pub(super) article_year: Option<i32>,
    mentions: Vec<YearMention>,
}

fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    1970 + (secs as f64 / (365.2425 * 86400.0)) as i32
}

fn as_year(w: &str) -> Option<i32> {
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = w.parse().ok()?;
        crate::numbers::is_year(y).then_some(y)
    } else {
        None
    }
}

impl YearContext {
    pub(super) fn new(
        article: &Article,
        spans: &[Option<(usize, usize)>],
        sents: &[(usize, usize)],
    ) -> Self {
        let text = article.text.as_str();
        let mut chrome: Vec<(usize, usize)> = article
            .figures
            .iter()
            .zip(spans)
            .filter(|(f, _)| f.reading.boilerplate)
            .filter_map(|(_, s)| *s)
            .collect();
        chrome.sort_unstable();
        let mut mentions = Vec::new();
        let mut durations: Vec<Duration> = Vec::new();
        for &(s, e) in sents {
            let ws = words(text, s, e);
            let folded = format!(
                " {} ",
                ws.iter()
                    .map(|w| w.s.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            );
            let founding = FOUNDING_CUES.iter().any(|c| folded.contains(c.as_str()));
            let goal = GOAL_CUES.iter().any(|c| folded.contains(c.as_str()));
            durations.extend(durations_in(&ws, s));
            let mut i = 0;
            while i < ws.len() {
                let Some(y) = as_year(&ws[i].s) else {
                    i += 1;
                    continue;
                };
                let k = chrome.partition_point(|&(a, _)| a <= ws[i].start);
                if k > 0 && ws[i].end <= chrome[k - 1].1 {
                    i += 1;
                    continue;
                }
                let prev = |k: usize| i.checked_sub(k).map(|j| ws[j].s.as_str());
                // "so với năm 2016": the baseline of a comparison, not the year of a value.
                let baseline = (prev(1) == Some("với") && prev(2) == Some("so"))
                    || (prev(1) == Some("năm") && prev(2) == Some("với") && prev(3) == Some("so"));
                let term = matches!(prev(1), Some("kì" | "khóa" | "học"))
                    || (prev(1) == Some("năm") && prev(2) == Some("học"))
                    || baseline;
                let from =
                    prev(1) == Some("từ") || (prev(1) == Some("năm") && prev(2) == Some("từ"));
                let to = matches!(prev(1), Some("đến" | "tới"))
                    || (prev(1) == Some("năm") && matches!(prev(2), Some("đến" | "tới")));
                // A range: "2015-2020", "2018 – 2019", "từ năm 2016 đến năm 2020", "từ 2015 đến nay".
                let mut j = i + 1;
                if ws
                    .get(j)
                    .is_some_and(|w| matches!(w.s.as_str(), "đến" | "tới"))
                {
                    j += 1;
                }
                if ws.get(j).is_some_and(|w| w.s == "năm") {
                    j += 1;
                }
                let gap = text
                    .get(ws[i].end..ws.get(j).map_or(ws[i].end, |w| w.start))
                    .unwrap_or("");
                let joined = gap
                    .chars()
                    .all(|c| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
                    || j > i + 1;
                let mut m = YearMention {
                    start: ws[i].start,
                    end: ws[i].end,
                    year: Some(y),
                    deadline: to && !from,
                    term,
                    founding,
                    since: None,
                    goal,
                    course_start: (prev(1) == Some("học")
                        && matches!(prev(2), Some("khóa" | "năm")))
                    .then_some(y),
                    sentence: s,
                };
                if joined && let Some(y2) = ws.get(j).and_then(|w| as_year(&w.s)) {
                    if y2 > y {
                        m.year = Some(y2);
                        m.end = ws[j].end;
                        m.deadline = false;
                        mentions.push(m);
                        i = j + 1;
                        continue;
                    }
                } else if from
                    && ws
                        .get(i + 1)
                        .is_some_and(|w| matches!(w.s.as_str(), "đến" | "tới"))
                    && ws.get(i + 2).is_some_and(|w| w.s == "nay")
                {
                    m.year = None; // up to the article's year
                    m.since = Some(y);
                    m.end = ws[i + 2].end;
                    mentions.push(m);
                    i += 3;
                    continue;
                }
                mentions.push(m);
                i += 1;
            }
        }
        let published = article
            .published
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok());
        let now = current_year();
        let latest = mentions
            .iter()
            .filter(|m| !m.deadline && !m.founding && !m.goal)
            .filter_map(|m| {
                let y = m.year?;
                if m.term {
                    // A term's start year (its end may lie ahead).
                    let first = text
                        .get(m.start..m.start + 4)
                        .and_then(|s| s.parse::<i32>().ok());
                    first.filter(|&f| f <= now)
                } else {
                    (y <= now).then_some(y)
                }
            })
            .max();
        // An anniversary (`Kỷ niệm 15 năm thành lập`, founded `cuối năm 2003`) or a stretch
        // counted from a start (`Trong gần 3 năm, từ 2015 đến nay`) dates the article.
        // (`25 năm thành lập (1994 - 2019)`: a range's start is the founding.)
        let founded = mentions
            .iter()
            .filter(|m| m.founding && !m.deadline)
            .filter_map(|m| {
                text.get(m.start..m.start + 4)
                    .and_then(|s| s.parse::<i32>().ok())
                    .or(m.year)
            })
            .min();
        let anniversary = founded.and_then(|y| {
            durations
                .iter()
                .filter(|d| d.anniversary)
                .map(|d| y + d.years)
                .max()
        });
        let counted = mentions
            .iter()
            .filter_map(|m| {
                let from = m.since?;
                let d = durations
                    .iter()
                    .filter(|d| d.sentence == m.sentence)
                    .map(|d| d.years)
                    .max()?;
                Some(from + d)
            })
            .max();
        let reported = anniversary
            .into_iter()
            .chain(counted)
            .filter(|&y| y <= now)
            .max();
        let inferred = match (reported, latest) {
            (Some(r), Some(l)) => Some(r.max(l)),
            (r, l) => r.or(l),
        };
        YearContext {
            article_year: published.or(inferred),
            mentions,
        }
    }

    /// The year a figure at bytes `b0..b1` refers to, and whether it is a target.
    pub(super) fn year_of(
        &self,
        text: &str,
        sents: &[(usize, usize)],
        b0: usize,
        b1: usize,
    ) -> (Option<i32>, bool, bool) {
        let s = sents.partition_point(|&(_, e)| e <= b0);
        let Some(&(ss, se)) = sents.get(s) else {
            return (self.article_year, false, true);
        };
        let sentence = fold(text.get(ss..b0).unwrap_or(""));
        let cue = crate::extract::rules::lexicon::TARGET_CUES
            .iter()
            .any(|c| sentence.contains(c));
        let from = self.mentions.partition_point(|m| m.start < ss);
        let in_sentence: Vec<&YearMention> = self.mentions[from..]
            .iter()
            .take_while(|m| m.start < se)
            .filter(|m| m.end <= se && !m.term && !m.founding)
            .collect();
        // "Đến nay", "hiện nay" between the last year and the figure: the article's year.
        let nay_after = |pos: usize| {
            let between = fold(text.get(pos..b0).unwrap_or(""));
            between.contains("đến nay")
                || between.contains("hiện nay")
                || between.contains("hiện có")
        };
        let before = in_sentence
            .iter()
            .filter(|m| m.end <= b0)
            .max_by_key(|m| m.end);
        let after = in_sentence
            .iter()
            .filter(|m| m.start >= b1)
            .filter(|m| !text.get(b1..m.start).unwrap_or("").contains(';'))
            .min_by_key(|m| m.start);
        // "Khóa học 2021 - 2023, lớp … có 52 học viên": a course's facts are of its start year.
        let course = self.mentions[from..]
            .iter()
            .take_while(|m| m.start < se)
            .find_map(|m| m.course_start);
        if before.or(after).is_none()
            && let Some(y) = course
        {
            return (Some(y), cue, false);
        }
        let chosen = before.or(after);
        let deadline_target = chosen.is_some_and(|m| {
            m.deadline && m.year.zip(self.article_year).is_none_or(|(y, a)| y > a)
        });
        let target = cue || deadline_target;
        let chosen: Option<&YearMention> = match chosen {
            Some(m) => Some(*m),
            None if nay_after(ss) => None,
            None => self.paragraph_frame(text, sents, ss),
        };
        match chosen {
            Some(m) if m.end <= b0 && nay_after(m.end) && !target => {
                (self.article_year, target, true)
            }
            Some(m) => match m.year {
                Some(y) => (Some(y), target, false),
                None => (self.article_year, target, true),
            },
            None => (self.article_year, target, true),
        }
    }

    /// The year that frames the rest of a paragraph: a year at the head of an earlier
    /// sentence of the same paragraph (`Năm 2021, huyện cử 35 cán bộ … . Trung tâm mở 24
    /// lớp …`), for a sentence that names none itself.
    fn paragraph_frame(
        &self,
        text: &str,
        sents: &[(usize, usize)],
        ss: usize,
    ) -> Option<&YearMention> {
        let para = text
            .get(..ss)
            .and_then(|t| t.rfind('\n'))
            .map_or(0, |i| i + 1);
        self.mentions
            .iter()
            .filter(|m| m.start >= para && m.end <= ss)
            .filter(|m| !m.term && !m.founding && !m.deadline)
            .filter(|m| {
                let k = sents.partition_point(|&(_, e)| e <= m.start);
                let head = sents
                    .get(k)
                    .and_then(|&(a, _)| text.get(a..m.start))
                    .unwrap_or("");
                head.split_whitespace().count() <= 4
            })
            .max_by_key(|m| m.start)
    }
}
