//! The page as a whole: which lines are page chrome, the headline, the district, the province
//! and the publication date.

use super::words::{fold, is_all_caps, is_capitalized, lex};
use crate::numbers::valid_date;

/// What a line of the page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineRole {
    /// Article text.
    Body,
    /// Page chrome: counters, links to other articles, repeated headings, footers.
    Chrome,
    /// A visit counter line (`Đang truy cập: 10`).
    Counter,
    /// The dateline at the top (`Thứ sáu, 22/02/2019`).
    Dateline,
    /// The headline (article text too).
    Title,
}

/// One line of the text with its byte range and role.
#[derive(Debug, Clone, Copy)]
pub struct Line {
    /// First byte.
    pub start: usize,
    /// One past the last byte (before the `\n`).
    pub end: usize,
    /// Its role.
    pub role: LineRole,
}

const COUNTER_LABELS: [&str; 18] = [
    "lượt xem",
    "số lượt xem",
    "lượt đọc",
    "số lần xem",
    "đang truy cập",
    "đang online",
    "đang trực tuyến",
    "hôm nay",
    "hôm qua",
    "trong tuần",
    "tuần này",
    "trong tháng",
    "tháng này",
    "tất cả",
    "tổng truy cập",
    "lượt truy cập",
    "tổng lượt truy cập",
    "số lượt truy cập",
];

const LINK_PREFIXES: [&str; 12] = [
    "bài trước",
    "bài tiếp theo",
    "bài tiếp",
    "bài sau",
    "tin trước",
    "tin tiếp theo",
    "tin sau",
    "tin liên quan",
    "tin khác",
    "các tin khác",
    "bài viết liên quan",
    "tin cùng chuyên mục",
];

const FOOTER_MARKERS: [&str; 9] = [
    "điện thoại:",
    "đt:",
    "fax",
    "email:",
    "hotline",
    "bản quyền",
    "copyright",
    "giấy phép",
    "chịu trách nhiệm",
];

const WEEKDAYS: [&str; 8] = [
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "chủ nhật",
    "thứ 2",
];

const DATE_LABELS: [&str; 7] = [
    "ngày đăng",
    "đăng ngày",
    "ngày cập nhật",
    "cập nhật",
    "ngày xuất bản",
    "đăng lúc",
    "ngày viết",
];

/// Classifies every line of the text.
pub fn lines(text: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for part in text.split('\n') {
        let end = start + part.len();
        out.push(Line {
            start,
            end,
            role: LineRole::Body,
        });
        start = end + 1;
    }
    let title = title_line(text, &out);
    let mut in_link_list = false;
    let mut in_counter = false;
    for i in 0..out.len() {
        let line = &text[out[i].start..out[i].end];
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '•' || c == '-');
        if trimmed.is_empty() {
            in_link_list = false;
            continue;
        }
        // Page chrome is short: long lines are article text, and only a line's head is folded.
        let short = trimmed.len() < 300;
        let lower = fold(head(trimmed, if short { 300 } else { 64 }));
        let before_title = title.is_some_and(|t| i < t);
        // A dateline also sits right under the headline.
        let just_after_title = title.is_some_and(|t| i > t && i <= t + 3);
        let role = if is_counter_line(&lower) || in_counter && short && has_digit(trimmed) {
            in_counter = true;
            LineRole::Counter
        } else if LINK_PREFIXES.iter().any(|p| lower.starts_with(p)) {
            // A heading alone on its line opens a list of links to other articles.
            in_link_list = trimmed.chars().count() < 40;
            LineRole::Chrome
        } else if in_link_list && trimmed.chars().count() < 200 && !trimmed.ends_with('.') {
            LineRole::Chrome
        } else if short && is_doubled(trimmed) {
            in_counter = lower.contains("truy cập");
            LineRole::Chrome
        } else if (before_title || just_after_title) && is_dateline(&lower) {
            LineRole::Dateline
        } else if (before_title && short && is_breadcrumb(trimmed))
            || (before_title && is_site_banner(trimmed, &lower))
            || (short && (lower.contains("gmt+") || lower.contains("utc+")))
            || (!before_title && trimmed.chars().count() < 160 && is_footer(&lower))
        {
            LineRole::Chrome
        } else {
            if !short || trimmed.chars().count() > 60 {
                in_counter = false;
            }
            LineRole::Body
        };
        if role == LineRole::Body && short && lower.contains("thống kê truy cập") {
            in_counter = true;
        }
        out[i].role = role;
    }
    if let Some(t) = title
        && out[t].role == LineRole::Body
    {
        out[t].role = LineRole::Title;
    }
    out
}

/// The first `max` bytes of a string (at a character boundary).
fn head(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn has_digit(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
}

fn is_counter_line(lower: &str) -> bool {
    COUNTER_LABELS.iter().any(|l| {
        lower
            .strip_prefix(l)
            .is_some_and(|rest| rest.trim_start().starts_with(':') || rest.trim().is_empty())
    })
}

/// Words that name the site itself in its banner (`UBND QUẬN 3 - CỔNG THÔNG TIN ĐIỆN TỬ`).
const SITE_MARKERS: [&str; 5] = [
    "cổng thông tin",
    "trang thông tin điện tử",
    "trang tin điện tử",
    "báo điện tử",
    "website",
];

/// The site's banner: a short line naming the portal, not a sentence.
fn is_site_banner(line: &str, lower: &str) -> bool {
    line.chars().count() < 120
        && !line.ends_with('.')
        && SITE_MARKERS.iter().any(|m| lower.contains(m))
}

/// `Trang chủ > Tin tức > …`
fn is_breadcrumb(line: &str) -> bool {
    line.contains(" > ") || line.contains(" » ")
}

fn is_footer(lower: &str) -> bool {
    FOOTER_MARKERS.iter().any(|m| lower.contains(m)) || lower.contains('©')
}

/// `X X`: a heading printed twice on one line (`Thống Kê Truy Cập Thống Kê Truy Cập`).
fn is_doubled(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len();
    n >= 4 && n.is_multiple_of(2) && words[..n / 2] == words[n / 2..]
}

fn is_dateline(lower: &str) -> bool {
    lower.chars().count() < 80
        && has_digit(lower)
        && (WEEKDAYS.iter().any(|w| lower.starts_with(w))
            || DATE_LABELS.iter().any(|w| lower.starts_with(w))
            // `Ngày 25-3-2023 | 08:15`: a date with at most two words around it.
            || (lower
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .count()
                <= 2
                && first_date(lower).is_some())
            || lower
                .chars()
                .all(|c| c.is_ascii_digit() || " /-:,|()".contains(c) || c == 'h'))
}

/// The index of the headline: the first line of several words that is not chrome, a dateline,
/// a lone word (`bannergis`) or a doubled heading.
fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    for (i, l) in lines.iter().enumerate().take(30) {
        let t = text[l.start..l.end].trim();
        if t.len() > 1200 {
            continue;
        }
        let words = t.split_whitespace().count();
        if words < 4 || t.chars().count() > 300 || is_doubled(t) {
            continue;
        }
        let lower = fold(head(t, 120));
        if is_dateline(&lower)
            || is_counter_line(&lower)
            || LINK_PREFIXES.iter().any(|p| lower.starts_with(p))
            || t.contains(" > ")
            || t.contains(" » ")
            || is_site_banner(t, &lower)
        {
            continue;
        }
        return Some(i);
    }
    None
}

/// The headline.
pub fn title(text: &str, lines: &[Line]) -> Option<String> {
    title_index(lines).map(|i| text[lines[i].start..lines[i].end].trim().to_string())
}

/// The index of the headline among lines classified by [`lines`].
fn title_index(lines: &[Line]) -> Option<usize> {
    lines.iter().position(|l| l.role == LineRole::Title)
}

/// The publication date from a dateline near the top, or a labelled date (`Ngày đăng:`).
pub fn published(text: &str, lines: &[Line]) -> Option<String> {
    for l in lines.iter().take(40) {
        let t = text[l.start..l.end].trim();
        if !has_digit(head(t, 200)) {
            continue;
        }
        let lower = fold(head(t, 80));
        let labelled = DATE_LABELS.iter().any(|w| lower.contains(w));
        if (l.role == LineRole::Dateline || labelled)
            && let Some(d) = first_date(t)
        {
            return Some(d);
        }
    }
    None
}

/// The first `d/m/yyyy` (or `d-m-yyyy`, `d.m.yyyy`) date in a string, as `YYYY-MM-DD`.
pub fn first_date(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let mut parts = Vec::new();
            let mut j = i;
            loop {
                let st = j;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                parts.push(&s[st..j]);
                if parts.len() < 3
                    && j + 1 < b.len()
                    && matches!(b[j], b'/' | b'-' | b'.')
                    && b[j + 1].is_ascii_digit()
                {
                    j += 1;
                } else {
                    break;
                }
            }
            if parts.len() == 3
                && let (Ok(d), Ok(m), Ok(y)) = (
                    parts[0].parse::<u32>(),
                    parts[1].parse::<u32>(),
                    parts[2].parse::<i32>(),
                )
                && parts[2].len() == 4
                && valid_date(y, m, d)
            {
                return Some(format!("{y:04}-{m:02}-{d:02}"));
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Words after `huyện` that name an organization of the district (`Huyện Đoàn Đoan Hùng`,
/// `Huyện ủy Đình Lập`): skipped once before the name.
const NOT_NAMES: [&str; 13] = [
    "ủy",
    "đoàn",
    "hội",
    "đảng",
    "ban",
    "đội",
    "công",
    "tòa",
    "viện",
    "trường",
    "trung",
    "phòng",
    "ubnd",
];

/// How a district or province is introduced, as written (the text is NFC).
const DISTRICT_PREFIXES: [&str; 19] = [
    "TX.",
    "Tx.",
    "huyện",
    "Huyện",
    "HUYỆN",
    "thị xã",
    "Thị xã",
    "Thị Xã",
    "THỊ XÃ",
    "quận",
    "Quận",
    "QUẬN",
    "thành phố",
    "Thành phố",
    "Thành Phố",
    "THÀNH PHỐ",
    "TP.",
    "TP ",
    "Tp.",
];
const PROVINCE_PREFIXES: [&str; 3] = ["tỉnh", "Tỉnh", "TỈNH"];

/// The folded prefixes, with the gazetteer prefix each one stands for.
const FOLDED_PREFIXES: [(&str, &str); 7] = [
    ("huyện", "huyện"),
    ("thị xã", "thị xã"),
    ("quận", "quận"),
    ("thành phố", "thành phố"),
    ("tp", "thành phố"),
    ("tx", "thị xã"),
    ("tỉnh", "tỉnh"),
];

static PREFIXES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(DISTRICT_PREFIXES.iter().chain(PROVINCE_PREFIXES.iter()))
            .ok()
    });

/// Where the article is: a district-level unit of the gazetteer (or none), its province, and
/// the province it belongs to since the July 2025 merger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place {
    /// The district as the text writes it, without prefix (`Đình Lập`), except numbered urban
    /// districts (`Quận 1`). Always a unit of the gazetteer.
    pub district: Option<String>,
    /// The GSO code of that unit, when the name settles it.
    pub district_code: Option<u32>,
    /// The province: named by the text, or the district's.
    pub province: Option<String>,
    /// The province since the 2025 merger.
    pub province_2025: Option<String>,
    /// When the text names a district that several units share (`Châu Thành`) and no province
    /// settles it: the GSO codes of those units, for the officer to choose from.
    pub candidates: Vec<u32>,
    /// For an article published after the July 2025 reform: the commune, ward or special zone
    /// it is about, with its prefix (`phường Việt Trì`), when it names one more than any other.
    pub unit_2025: Option<String>,
}

/// Votes for names, keyed by their gazetteer key.
#[derive(Default)]
struct Votes {
    /// District name key → (votes, first spelling as written, the prefixes written before it).
    districts: Vec<(String, u32, String, Vec<&'static str>)>,
    /// Province code → votes.
    provinces: Vec<(u32, u32)>,
}

impl Votes {
    fn district(&mut self, k: String, written: &str, prefix: Option<&'static str>, weight: u32) {
        match self.districts.iter_mut().find(|d| d.0 == k) {
            Some(d) => {
                d.1 += weight;
                if let Some(p) = prefix.filter(|p| !d.3.contains(p)) {
                    d.3.push(p);
                }
            }
            None => {
                self.districts
                    .push((k, weight, written.to_string(), prefix.into_iter().collect()))
            }
        }
    }

    fn province(&mut self, code: u32, weight: u32) {
        match self.provinces.iter_mut().find(|p| p.0 == code) {
            Some(p) => p.1 += weight,
            None => self.provinces.push((code, weight)),
        }
    }

    fn province_votes(&self, code: u32) -> u32 {
        self.provinces
            .iter()
            .find(|p| p.0 == code)
            .map_or(0, |p| p.1)
    }
}

/// A name read from the words at `toks[j..]`: the longest run of up to four capitalized words
/// (dashes allowed between them, as in `Bà Rịa - Vũng Tàu`) that the gazetteer knows. Returns
/// the key, the text as written and how many items it covers.
fn gazetteer_name<'a>(
    text: &'a str,
    toks: &[super::words::Tok<'a>],
    j: usize,
    line_caps: bool,
    allow_number: bool,
    known: impl Fn(&str) -> bool,
) -> Option<(String, &'a str, usize)> {
    // The word items of the run, with their index in `toks`.
    let mut words: Vec<usize> = Vec::new();
    let mut k = j;
    while k < toks.len() && words.len() < 4 {
        let t = toks[k];
        if t.word {
            let first = words.is_empty();
            let number = t.s.bytes().all(|b| b.is_ascii_digit());
            let ok = if number {
                first && allow_number
            } else {
                line_caps || is_capitalized(t.s)
            };
            if !ok {
                break;
            }
            words.push(k);
            if number {
                break;
            }
            k += 1;
        } else if matches!(t.s, "-" | "–") && !words.is_empty() {
            k += 1;
        } else {
            break;
        }
    }
    for n in (1..=words.len()).rev() {
        let first = toks[words[0]].pos;
        let last = toks[words[n - 1]];
        let written = &text[first..last.pos + last.s.len()];
        let k = crate::places::key(written);
        if known(&k) {
            return Some((k, written, words[n - 1] + 1 - j));
        }
    }
    None
}

/// One pass over the prefixes of the text (`huyện`, `quận`, `thị xã`, `thành phố`, `TP.`,
/// `tỉnh`), reading the gazetteer unit written after each.
fn vote_prefixed(text: &str, lines: &[Line], votes: &mut Votes) {
    let Some(ac) = PREFIXES.as_ref() else { return };
    let g = crate::places::gazetteer();
    let title = title_index(lines);
    for m in ac.find_iter(text) {
        // The prefix must start a word.
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(super::words::is_word_char)
        {
            continue;
        }
        let li = lines.partition_point(|l| l.end < m.start());
        let Some(line) = lines.get(li) else { continue };
        if !matches!(line.role, LineRole::Body | LineRole::Title) {
            continue;
        }
        let weight = if Some(li) == title { 3 } else { 1 };
        let toks = lex(text, m.start(), line.end.min(m.start() + 96));
        let folded: Vec<super::words::Word<'_>> =
            toks.iter().map(|t| super::words::fold_word(t.s)).collect();
        let Some((mut j, prefix)) = FOLDED_PREFIXES
            .iter()
            .find_map(|(p, unit)| super::words::phrase_at(&folded, 0, p).map(|j| (j, *unit)))
        else {
            continue;
        };
        // `TP. Hồ Chí Minh`: the dot of an abbreviation, never a full stop (`… huyện. Với`).
        if matches!(&*folded[0], "tp" | "tx") && toks.get(j).is_some_and(|t| t.s == ".") {
            j += 1;
        }
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        // `Huyện ủy Đình Lập`, `Huyện Đoàn Đoan Hùng`: the organization comes first.
        let starts = [j, j + 1];
        let org_first = toks.get(j).is_some_and(|t| t.word)
            && folded.get(j).is_some_and(|w| NOT_NAMES.contains(&&**w));
        for &at in starts.iter().take(if org_first { 2 } else { 1 }) {
            if prefix == "tỉnh" {
                if let Some((k, _, _)) = gazetteer_name(text, &toks, at, line_caps, false, |k| {
                    g.province_by_key(k).is_some()
                }) && let Some(p) = g.province_by_key(&k)
                {
                    votes.province(p.code, weight);
                    break;
                }
                continue;
            }
            // A district of that prefix, else (after `thành phố`) a centrally-run city.
            let found = gazetteer_name(text, &toks, at, line_caps, prefix == "quận", |k| {
                !g.districts_by_key(k).is_empty()
                    || (prefix == "thành phố" && is_central_city(g.province_by_key(k)))
            });
            if let Some((k, written, _)) = found {
                let districts = g.districts_by_key(&k);
                if districts.is_empty() {
                    if let Some(p) = g.province_by_key(&k) {
                        votes.province(p.code, weight);
                    }
                } else {
                    let written = if line_caps {
                        title_case_words(written)
                    } else {
                        written.to_string()
                    };
                    votes.district(k, &written, Some(prefix), weight);
                }
                break;
            }
        }
    }
}

/// The GSO code of Hồ Chí Minh City.
const HO_CHI_MINH_CITY: u32 = 79;

fn is_central_city(p: Option<&crate::places::Province>) -> bool {
    p.is_some_and(|p| p.prefix == "thành phố")
}

/// Names written without a prefix (`Đình Lập coi trọng …`, `Bàu Bàng (Bình Dương)`): runs of
/// capitalized words that are a district or a province of the gazetteer. A province name wins
/// over the district-level city of the same name (`Lạng Sơn`). Only a district name of two words
/// or more counts: one capitalized word alone is too often something else.
fn vote_alone(text: &str, lines: &[Line], votes: &mut Votes) {
    let g = crate::places::gazetteer();
    let title = title_index(lines);
    for (li, line) in lines.iter().enumerate() {
        if !matches!(line.role, LineRole::Body | LineRole::Title) || line.start == line.end {
            continue;
        }
        let weight = if Some(li) == title { 3 } else { 1 };
        let toks = lex(text, line.start, line.end);
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        let mut j = 0;
        while j < toks.len() {
            let t = toks[j];
            if !t.word || !(line_caps || is_capitalized(t.s)) {
                j += 1;
                continue;
            }
            let prev = j.checked_sub(1).map(|p| fold(toks[p].s));
            // After a prefix the name was read by `vote_prefixed`; after `xã`, `phường`,
            // `đường`… it is another kind of place.
            let after_prefix = prev.as_deref().is_some_and(|p| {
                matches!(
                    p,
                    "huyện"
                        | "quận"
                        | "xã"
                        | "phường"
                        | "trấn"
                        | "phố"
                        | "tp"
                        | "tx"
                        | "tỉnh"
                        | "đường"
                        | "ấp"
                        | "thôn"
                        | "bản"
                        | "làng"
                        | "ủy"
                        | "ông"
                        | "bà"
                )
            });
            // Inside a run of capitalized words (`Nguyễn Văn Yên`), a name does not start in
            // the middle; an acronym before it does not count (`UBND Châu Thành`).
            let inside_run = !line_caps
                && j.checked_sub(1).is_some_and(|p| {
                    toks[p].word && is_capitalized(toks[p].s) && !is_all_caps(toks[p].s)
                });
            if after_prefix || inside_run {
                j += 1;
                continue;
            }
            let found = gazetteer_name(text, &toks, j, line_caps, false, |k| {
                g.province_by_key(k).is_some() || !g.districts_by_key(k).is_empty()
            });
            // A name alone is a whole run of capitalized words: `Tân Sơn Nhất` (the airport)
            // is not `Tân Sơn` (the district). Lines in capitals cannot tell.
            let whole_run = |n: usize| {
                line_caps
                    || toks
                        .get(j + n)
                        .is_none_or(|t| !(t.word && is_capitalized(t.s)))
            };
            match found {
                Some((_, _, n)) if !whole_run(n) => {
                    // Skip the run: no name starts inside it either.
                    j += n;
                    while toks.get(j).is_some_and(|t| t.word && is_capitalized(t.s)) {
                        j += 1;
                    }
                }
                Some((k, written, n)) => {
                    if let Some(p) = g.province_by_key(&k) {
                        // `Hồ Chí Minh` alone is the President (`tư tưởng Hồ Chí Minh`); the
                        // city is written `TP. Hồ Chí Minh` and read by `vote_prefixed`.
                        if p.code != HO_CHI_MINH_CITY {
                            votes.province(p.code, weight);
                        }
                    } else if written.split_whitespace().count() >= 2 {
                        let written = if line_caps {
                            title_case_words(written)
                        } else {
                            written.to_string()
                        };
                        votes.district(k, &written, None, weight);
                    }
                    j += n;
                }
                None => j += 1,
            }
        }
    }
}

/// Where the article is: the district (a gazetteer unit read after its prefix, or its name
/// alone when no prefixed name is found), settled by the province the text names when several
/// units share the name; the province (the district's, else the one the text names most); and
/// the 2025 province.
pub fn place(text: &str, lines: &[Line]) -> Place {
    let g = crate::places::gazetteer();
    let mut votes = Votes::default();
    vote_prefixed(text, lines, &mut votes);
    let prefixed_district = !votes.districts.is_empty();
    // Names alone are read when no prefix names a district, and to settle a shared name by the
    // province written without `tỉnh` (`Châu Thành, An Giang`).
    let needs_alone = !prefixed_district
        || votes
            .districts
            .iter()
            .any(|d| g.districts_by_key(&d.0).len() > 1);
    if needs_alone {
        let mut alone = Votes::default();
        vote_alone(text, lines, &mut alone);
        for (code, v) in alone.provinces {
            votes.province(code, v);
        }
        if !prefixed_district {
            // A name alone counts when the headline or two lines of the body say it.
            votes.districts = alone.districts.into_iter().filter(|d| d.1 >= 2).collect();
        }
    }
    let mut out = Place::default();
    let best = votes
        .districts
        .iter()
        .map(|d| d.1)
        .max()
        .and_then(|m| votes.districts.iter().find(|d| d.1 == m));
    if let Some((k, _, written, prefixes)) = best {
        let mut units = g.districts_by_key(k);
        // `quận Hoàng Mai` (Hà Nội) is not `thị xã Hoàng Mai` (Nghệ An).
        let of_prefix: Vec<_> = units
            .iter()
            .copied()
            .filter(|d| prefixes.contains(&d.prefix.as_str()))
            .collect();
        if !of_prefix.is_empty() {
            units = of_prefix;
        }
        if units.len() > 1 {
            // The province the text names most among the units' provinces.
            let best_votes = units
                .iter()
                .map(|d| votes.province_votes(d.province))
                .max()
                .unwrap_or(0);
            if best_votes > 0 {
                units.retain(|d| votes.province_votes(d.province) == best_votes);
            }
        }
        let same_province = units.windows(2).all(|w| w[0].province == w[1].province);
        if let Some(first) = units.first()
            && same_province
        {
            out.district = Some(crate::places::district_display(first, written));
            if units.len() == 1 {
                out.district_code = Some(first.code);
            }
            out.province = g.province_of(first).map(|p| p.name.clone());
        } else {
            out.candidates = units.iter().map(|d| d.code).collect();
        }
    }
    if out.province.is_none() {
        let best = votes.provinces.iter().map(|p| p.1).max();
        out.province = best
            .and_then(|m| votes.provinces.iter().find(|p| p.1 == m))
            .and_then(|p| g.province(p.0))
            .map(|p| p.name.clone());
    }
    out.province_2025 = out
        .province
        .as_deref()
        .and_then(|p| g.province_2025_named(p))
        .map(|p| p.name.clone());
    let after_reform = published(text, lines).is_some_and(|d| d.as_str() >= REFORM_DATE);
    if after_reform && let Some((unit, province)) = unit_2025(text, lines) {
        out.unit_2025 = Some(unit);
        out.province_2025 = Some(province);
    }
    out
}

/// The day the communes, wards and special zones of the 34 provinces took office.
const REFORM_DATE: &str = "2025-07-01";

/// The 2025 commune, ward or special zone an article names most (after `xã`, `phường`, `đặc
/// khu`), with its prefix, and its province; none when two units are named as often (an article
/// about several units) or a shared name is not settled by a 2025 province the text names.
fn unit_2025(text: &str, lines: &[Line]) -> Option<(String, String)> {
    static UNIT_PREFIXES: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::LazyLock::new(|| {
            aho_corasick::AhoCorasick::builder()
                .build([
                    "xã",
                    "Xã",
                    "XÃ",
                    "phường",
                    "Phường",
                    "PHƯỜNG",
                    "đặc khu",
                    "Đặc khu",
                ])
                .ok()
        });
    let ac = UNIT_PREFIXES.as_ref()?;
    let g = crate::places::gazetteer();
    let mut votes: Vec<(String, &'static str, u32)> = Vec::new();
    for m in ac.find_iter(text) {
        if text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(super::words::is_word_char)
        {
            continue;
        }
        let li = lines.partition_point(|l| l.end < m.start());
        let Some(line) = lines.get(li) else { continue };
        if !matches!(line.role, LineRole::Body | LineRole::Title) {
            continue;
        }
        let toks = lex(text, m.start(), line.end.min(m.start() + 80));
        let folded: Vec<super::words::Word<'_>> =
            toks.iter().map(|t| super::words::fold_word(t.s)).collect();
        let Some((j, prefix)) = [("xã", "xã"), ("phường", "phường"), ("đặc khu", "đặc khu")]
            .iter()
            .find_map(|(p, u)| super::words::phrase_at(&folded, 0, p).map(|j| (j, *u)))
        else {
            continue;
        };
        let line_caps = toks.iter().filter(|t| t.word).all(|t| is_all_caps(t.s));
        if let Some((k, _, _)) =
            gazetteer_name(text, &toks, j, line_caps, prefix == "phường", |k| {
                g.units_2025_by_key(k).iter().any(|u| u.prefix == prefix)
            })
        {
            match votes.iter_mut().find(|v| v.0 == k && v.1 == prefix) {
                Some(v) => v.2 += 1,
                None => votes.push((k, prefix, 1)),
            }
        }
    }
    votes.sort_by_key(|v| std::cmp::Reverse(v.2));
    let best = votes.first()?;
    if votes.get(1).is_some_and(|second| second.2 == best.2) {
        return None;
    }
    let mut units: Vec<_> = g
        .units_2025_by_key(&best.0)
        .into_iter()
        .filter(|u| u.prefix == best.1)
        .collect();
    if units.len() > 1 {
        // Settled by a 2025 province the text names.
        let folded_text = fold(text);
        units.retain(|u| {
            g.province_2025(u.province)
                .is_some_and(|p| folded_text.contains(&fold(&p.name)))
        });
    }
    match units.as_slice() {
        [u] => Some((
            format!("{} {}", u.prefix, u.name),
            g.province_2025(u.province)?.name.clone(),
        )),
        _ => None,
    }
}

/// `ĐÌNH LẬP` → `Đình Lập` (headlines in capitals).
fn title_case_words(s: &str) -> String {
    s.split(' ').map(title_case).collect::<Vec<_>>().join(" ")
}

fn title_case(w: &str) -> String {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) => c
            .to_uppercase()
            .chain(cs.flat_map(|c| c.to_lowercase()))
            .collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_district_in_various_forms() {
        let t = "HUYỆN ỦY PHÚ NINH CHÚ TRỌNG CÔNG TÁC\n\nĐảng bộ Huyện Phú Ninh lần thứ XX.";
        let l = lines(t);
        assert_eq!(place(t, &l).district.as_deref(), Some("Phú Ninh"));
        let t = "Đình Lập coi trọng đào tạo\n\nHuyện ủy Đình Lập luôn quan tâm.";
        assert_eq!(place(t, &lines(t)).district.as_deref(), Some("Đình Lập"));
        let t = "Thị xã Buôn Hồ tổ chức lớp học cho cán bộ.";
        assert_eq!(place(t, &lines(t)).district.as_deref(), Some("Buôn Hồ"));
    }

    fn place_of(t: &str) -> Place {
        place(t, &lines(t))
    }

    #[test]
    fn never_the_word_after_a_full_stop() {
        let t = "Tin tức hoạt động của địa phương\n\nCán bộ được cử đi học tại huyện. Với 26 lớp, \
                 toàn huyện. Trong năm có 120 lượt cán bộ.";
        let p = place_of(t);
        assert_eq!(p.district, None);
        assert!(p.candidates.is_empty());
        // A name not in the gazetteer is never a district either.
        let t = "Huyện Không Có mở lớp bồi dưỡng cho cán bộ xã.";
        assert_eq!(place_of(t).district, None);
    }

    #[test]
    fn shared_names_are_settled_by_the_province() {
        let t = "Huyện Châu Thành tổ chức lớp bồi dưỡng cán bộ\n\nNăm 2023, huyện Châu Thành \
                 (tỉnh Bến Tre) mở 12 lớp.";
        let p = place_of(t);
        assert_eq!(p.district.as_deref(), Some("Châu Thành"));
        assert_eq!(p.province.as_deref(), Some("Bến Tre"));
        assert_eq!(p.province_2025.as_deref(), Some("Vĩnh Long"));
        let g = crate::places::gazetteer();
        let code = p
            .district_code
            .and_then(|c| g.district(c))
            .map(|d| d.province);
        assert_eq!(
            code.and_then(|c| g.province(c)).map(|p| p.name.as_str()),
            Some("Bến Tre")
        );
        // Written without `tỉnh`.
        let t = "Huyện Phú Tân chú trọng đào tạo cán bộ\n\nPhú Tân, An Giang: 40 cán bộ học.";
        assert_eq!(place_of(t).province.as_deref(), Some("An Giang"));
        assert_eq!(place_of(t).district.as_deref(), Some("Phú Tân"));
        // No province: left for the officer, with the ten units offered.
        let t = "Huyện Châu Thành tổ chức lớp bồi dưỡng cán bộ\n\nHuyện Châu Thành mở 12 lớp.";
        let p = place_of(t);
        assert_eq!(p.district, None);
        assert_eq!(p.province, None);
        assert_eq!(p.candidates.len(), 10);
    }

    #[test]
    fn province_comes_from_the_district() {
        let t = "Đình Lập coi trọng đào tạo\n\nHuyện ủy Đình Lập luôn quan tâm.";
        let p = place_of(t);
        assert_eq!(p.province.as_deref(), Some("Lạng Sơn"));
        assert_eq!(p.province_2025.as_deref(), Some("Lạng Sơn"));
        let t = "Huyện Đồng Văn bồi dưỡng cán bộ\n\nHuyện Đồng Văn có 300 cán bộ.";
        let p = place_of(t);
        assert_eq!(p.province.as_deref(), Some("Hà Giang"));
        assert_eq!(p.province_2025.as_deref(), Some("Tuyên Quang"));
    }

    #[test]
    fn numbered_districts_keep_their_prefix() {
        let t = "Quận 1 tổ chức lớp bồi dưỡng cho cán bộ phường\n\nQuận 1 có 10 phường.";
        let p = place_of(t);
        assert_eq!(p.district.as_deref(), Some("Quận 1"));
        assert_eq!(p.province.as_deref(), Some("Hồ Chí Minh"));
        // A prefix shared by several kinds of unit is told apart by its word.
        let t = "Quận Hoàng Mai tổ chức lớp bồi dưỡng cho cán bộ phường.";
        assert_eq!(place_of(t).province.as_deref(), Some("Hà Nội"));
    }

    #[test]
    fn after_the_reform_the_place_is_a_2025_unit() {
        let t = "Thứ Hai, 15/09/2025\n\nPhường Việt Trì bồi dưỡng cán bộ\n\nNăm 2025, phường \
                 Việt Trì mở 8 lớp cho 400 cán bộ.";
        let p = place_of(t);
        assert_eq!(p.unit_2025.as_deref(), Some("phường Việt Trì"));
        assert_eq!(p.province_2025.as_deref(), Some("Phú Thọ"));
        // Before the reform the same words name no 2025 unit.
        let t = t.replace("15/09/2025", "15/09/2024");
        assert_eq!(place_of(&t).unit_2025, None);
        // Two units named as often: no single place.
        let t = "Thứ Hai, 15/09/2025\n\nPhường Việt Trì và phường Phong Châu bồi dưỡng cán bộ.";
        assert_eq!(place_of(t).unit_2025, None);
    }

    #[test]
    fn a_name_alone_is_a_whole_run() {
        let t = "Khởi công nhà ga sân bay Tân Sơn Nhất\n\nNhà ga sân bay Tân Sơn Nhất có 50 \
                 triệu hành khách. Tân Sơn Nhất là sân bay lớn.";
        assert_eq!(place_of(t).district, None);
        let t =
            "Đình Lập coi trọng đào tạo cán bộ\n\nĐình Lập có 26 lớp. Năm nay Đình Lập mở thêm.";
        assert_eq!(place_of(t).district.as_deref(), Some("Đình Lập"));
    }

    #[test]
    fn names_alone_and_people() {
        // The President is not the city; a person named like a district is not the district.
        let t = "Học tập và làm theo tư tưởng Hồ Chí Minh\n\nÔng Nguyễn Văn Yên phát biểu.";
        let p = place_of(t);
        assert_eq!(p.province, None);
        assert_eq!(p.district, None);
    }

    #[test]
    fn dateline_and_dates() {
        let t = "Thứ sáu, 22/02/2019\n\nĐình Lập coi trọng đào tạo, bồi dưỡng cán bộ";
        let l = lines(t);
        assert_eq!(l[0].role, LineRole::Dateline);
        assert_eq!(published(t, &l).as_deref(), Some("2019-02-22"));
        assert_eq!(first_date("31/02/2019"), None);
    }

    #[test]
    fn chrome_lines() {
        let t = "Tiêu đề bài viết về cán bộ\nNội dung.\nThống Kê Truy Cập Thống Kê Truy Cập\nĐang truy cập: 10\nTất cả: 3200036\nBài trướcHĐND huyện khóa XX";
        let l = lines(t);
        assert_eq!(l[2].role, LineRole::Chrome);
        assert_eq!(l[3].role, LineRole::Counter);
        assert_eq!(l[4].role, LineRole::Counter);
        assert_eq!(l[5].role, LineRole::Chrome);
    }
}
