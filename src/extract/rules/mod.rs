//! The grammar of numbers, the way Duckling keeps its rules: small named rules, grouped by
//! dimension in files of their own. Two kinds of rule share the files:
//!
//! - phrase rules ([`Rule`]), a pattern over tokens (digits, number words, unit, currency and
//!   qualifier words) and what it produces, run by [`run`] over the neighbourhood of digits and
//!   number words;
//! - digit rules ([`digits::Digits`] in, [`digits::Out`] out), which read one run of digits from
//!   the words around it and are tried in the order of the classifier's `RULES`
//!   ([`super::classify`]), which only dispatches.
//!
//! The dimensions:
//!
//! - [`numbers`]: numbers written in words (`hai mươi mốt nghìn không trăm mười một`), mixed
//!   and informal forms (`hai phẩy 23`, `100K`, `âm 1.200`, `,77`, `5 tr đồng`), ordinals in
//!   words, `phần trăm`;
//! - [`dates`]: dates and periods as officials write them (`ngày 12 tháng 10 năm 2017`,
//!   `mồng 3 tháng ba`, `quý IV/2023`, `tuần đầu tiên của tháng 9 năm 2017`, `25.3.2023`);
//! - [`money`]: amounts with a currency before or after, over two units (`2 đô la và 23 xen`),
//!   ranges (`1000-2000 đồng`, `giữa 1,1 và 1,3 đô la`), sums named before (`kinh phí 150
//!   triệu`);
//! - [`years`] (and deadlines), [`ranges`], [`percent`], [`times`], [`ordinals`], [`codes`]
//!   (names, codes, phone numbers), [`counts`] (a count or decimal with its counted noun).
//!
//! Word lists live in [`lexicon`]. A phrase rule's reading replaces the classifier's where they
//! overlap, in one place: [`settle`].

pub mod codes;
pub mod counts;
pub mod dates;
pub mod digits;
pub mod lexicon;
pub mod money;
pub mod numbers;
pub mod ordinals;
pub mod percent;
pub mod ranges;
pub mod ratios;
pub mod roman;
pub mod times;
pub mod years;

use super::around;
use super::draft::Draft;
use super::number::Style;
use super::page::{Line, LineRole};
use super::scan::{Raw, Shape};
use super::words::{self, Word};
use crate::model::{Kind, Qualifier, Reading};

/// One token of a line: a word, a run of digits (or a Roman numeral) as the scanner found it,
/// or one punctuation character.
#[derive(Debug, Clone)]
pub struct T<'a> {
    /// First byte in the whole text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// As written.
    pub s: &'a str,
    /// Folded (words), as written otherwise.
    pub f: Word<'a>,
    /// The scanner's shape, for digits and Roman numerals.
    pub num: Option<Shape>,
    /// True for a word (letters).
    pub word: bool,
}

/// The tokens of one line (or one piece of a very long line) and what rules need besides.
pub struct Stream<'a> {
    /// The whole text.
    pub text: &'a str,
    /// The tokens.
    pub toks: Vec<T<'a>>,
    /// How the article groups digits.
    pub style: Style,
    /// The line's role.
    pub role: LineRole,
    /// True when the line has text before the first token (rules read windows of a line).
    pub cut_before: bool,
    /// True when the line has text after the last token.
    pub cut_after: bool,
}

impl<'a> Stream<'a> {
    /// The folded word at `i`, or `""` past the end or for a number.
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) if t.num.is_none() => &t.f,
            _ => "",
        }
    }

    /// True when token `i` touches the one before it (no space between).
    pub fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].start == self.toks[i - 1].end
    }

    /// True when token `i` is a run of plain digits (possibly grouped), not a Roman numeral.
    pub fn is_digits(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.num == Some(Shape::Digits))
    }

    /// The folded words from `i` on (numbers as `""`), at most `n`.
    pub fn words_from(&self, i: usize, n: usize) -> Vec<&str> {
        (i..(i + n).min(self.toks.len()))
            .map(|k| self.w(k))
            .collect()
    }

    /// The folded words before `i` (numbers as `""`), at most `n`, in text order.
    pub fn words_before(&self, i: usize, n: usize) -> Vec<&str> {
        (i.saturating_sub(n)..i).map(|k| self.w(k)).collect()
    }
}

/// What a rule produces: a span of tokens and its reading. Qualifier, change and the counted
/// noun are added from the words around it by [`finish`] unless the rule set them.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// First token.
    pub from: usize,
    /// One past the last token.
    pub to: usize,
    /// The reading.
    pub reading: Reading,
    /// How sure.
    pub confidence: f32,
    /// True when [`finish`] should look for the counted noun after the span.
    pub wants_unit: bool,
}

impl Hit {
    /// A hit of one kind and value over tokens `from..to`.
    pub fn new(from: usize, to: usize, kind: Kind, value: Option<f64>, confidence: f32) -> Self {
        let mut reading = Reading::new(kind);
        reading.value = value;
        Hit {
            from,
            to,
            reading,
            confidence,
            wants_unit: false,
        }
    }
}

/// A rule: its name (for tests and the README's forms table) and its pattern. A pattern looks
/// at the stream from token `i` and returns the figures it reads there (most rules one; a range
/// written `từ 1000 đồng đến 2000 đồng` gives two).
pub struct Rule {
    /// Short name.
    pub name: &'static str,
    /// The pattern.
    pub apply: fn(&Stream<'_>, usize) -> Option<Vec<Hit>>,
}

/// Every rule, dates first: where two rules match at the same token the longer match wins, and
/// on a tie the earlier rule.
pub fn all_rules() -> impl Iterator<Item = &'static Rule> {
    dates::RULES
        .iter()
        .chain(money::RULES.iter())
        .chain(numbers::RULES.iter())
}

/// The figures the rules read in the text, in order, disjoint.
///
/// Rules start only at digits and at [`lexicon::START_WORDS`], look a few words back and a
/// phrase ahead; so only the neighbourhood of those is tokenized, not every line: the start
/// words are found by one automaton pass over the text, each is given a window of
/// [`BACK`] bytes before and [`AHEAD`] bytes after (cut at spaces), and overlapping windows
/// are read as one stream.
pub fn run(text: &str, raws: &[Raw], lines: &[Line], style: Style) -> Vec<Draft> {
    let mut out = Vec::new();
    let Some(words) = lexicon::start_words_in(text, 0, text.len()) else {
        // No automaton: read every line whole.
        return run_whole_lines(text, raws, lines, style);
    };
    let (mut ri, mut wi) = (0, 0);
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for line in lines {
        starts.clear();
        while ri < raws.len() && raws[ri].start < line.start {
            ri += 1;
        }
        while wi < words.len() && words[wi].0 < line.start {
            wi += 1;
        }
        // The numbers and start words of the line, in order.
        let (mut r, mut w) = (ri, wi);
        loop {
            let raw = raws.get(r).filter(|x| x.start < line.end);
            let word = words.get(w).filter(|x| x.0 < line.end);
            match (raw, word) {
                (Some(x), Some(y)) if x.start <= y.0 => {
                    starts.push((x.start, x.end));
                    r += 1;
                }
                (_, Some(y)) => {
                    starts.push(*y);
                    w += 1;
                }
                (Some(x), None) => {
                    starts.push((x.start, x.end));
                    r += 1;
                }
                (None, None) => break,
            }
        }
        ri = r;
        wi = w;
        if starts.is_empty() || matches!(line.role, LineRole::Counter | LineRole::Dateline) {
            continue;
        }
        let mut window: Option<(usize, usize)> = None;
        for &(a, b) in &starts {
            let lo = window_start(text, line.start, a);
            let hi = window_end(text, line.end, b);
            window = match window {
                Some((wlo, whi)) if lo <= whi && hi - wlo <= PIECE => Some((wlo, hi.max(whi))),
                Some(done) => {
                    read_window(text, raws, line, done, style, &mut out);
                    Some((lo, hi))
                }
                None => Some((lo, hi)),
            };
        }
        if let Some(done) = window {
            read_window(text, raws, line, done, style, &mut out);
        }
    }
    out
}

/// The figures the rules read when every line is read whole (no windows): what [`run`] must
/// give, more slowly.
fn run_whole_lines(text: &str, raws: &[Raw], lines: &[Line], style: Style) -> Vec<Draft> {
    let mut out = Vec::new();
    for line in lines {
        if matches!(line.role, LineRole::Counter | LineRole::Dateline) {
            continue;
        }
        let mut from = line.start;
        while from < line.end {
            // A line of megabytes is read in pieces cut at a space.
            let mut to = (from + PIECE).min(line.end);
            while !text.is_char_boundary(to) {
                to -= 1;
            }
            if to < line.end {
                to = text[from..to]
                    .rfind(' ')
                    .filter(|&k| k > 0)
                    .map_or(to, |k| from + k);
            }
            if to <= from {
                to = line.end;
            }
            read_window(text, raws, line, (from, to), style, &mut out);
            from = to;
        }
    }
    out
}

/// Bytes of context a window keeps before its first number or start word: the rules look
/// back at most three words (`VN $`, `giữa`, `Rs .`).
const BACK: usize = 32;
/// Bytes a window reaches past its last number or start word: the longest phrases
/// (`từ ngày 3 đến ngày 5 tháng 4 năm 2023`, a counted noun five words on) fit in it.
const AHEAD: usize = 80;
/// The longest window read as one stream (a line of megabytes full of numbers is read in
/// pieces, so the token buffer stays small; a phrase cut in two is the only loss).
const PIECE: usize = 64 * 1024;

/// Where the window of a number or start word at byte `a` begins: [`BACK`] bytes before,
/// moved forward to the start of a word; the line start when it is nearer.
fn window_start(text: &str, line_start: usize, a: usize) -> usize {
    let mut lo = a.saturating_sub(BACK);
    if lo <= line_start {
        return line_start;
    }
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    text[lo..a].find(' ').map_or(a, |k| lo + k + 1)
}

/// Where the window of a number or start word ending at byte `b` ends: [`AHEAD`] bytes on,
/// moved back to the end of a word; the line end when it is nearer.
fn window_end(text: &str, line_end: usize, b: usize) -> usize {
    let mut hi = b + AHEAD;
    if hi >= line_end {
        return line_end;
    }
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    text[b..hi].rfind(' ').map_or(hi, |k| b + k)
}

/// Runs the rules over the tokens of `text[lo..hi]` (part of `line`).
fn read_window(
    text: &str,
    raws: &[Raw],
    line: &Line,
    (lo, hi): (usize, usize),
    style: Style,
    out: &mut Vec<Draft>,
) {
    let first = raws.partition_point(|r| r.end <= lo);
    let mut stream = tokens(text, lo, hi, &raws[first..], style, line.role);
    let has_text = |a: usize, b: usize| text[a..b].chars().any(|c| !c.is_whitespace());
    stream.cut_before = has_text(line.start, lo);
    stream.cut_after = has_text(hi, line.end);
    run_stream(&stream, out);
}

/// Cheap first test: could a rule start at token `i`?
fn may_start(s: &Stream<'_>, i: usize) -> bool {
    let t = &s.toks[i];
    if t.num.is_some() {
        return true;
    }
    let w = &*t.f;
    lexicon::is_start_word(w) || matches!(w, "-" | "−" | ",")
}

fn run_stream(s: &Stream<'_>, out: &mut Vec<Draft>) {
    let n = s.toks.len();
    let mut i = 0;
    while i < n {
        if !may_start(s, i) {
            i += 1;
            continue;
        }
        let mut best: Option<Vec<Hit>> = None;
        for rule in all_rules() {
            if let Some(hits) = (rule.apply)(s, i)
                && let Some(last) = hits.last()
                && best
                    .as_ref()
                    .and_then(|b| b.last())
                    .is_none_or(|b| last.to > b.to)
            {
                best = Some(hits);
            }
        }
        match best {
            Some(hits) => {
                let end = hits.last().map_or(i + 1, |h| h.to.max(i + 1));
                for h in hits {
                    out.push(finish(s, h));
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The tokens of `text[from..to]`: words and punctuation from the lexer, with every scanned
/// number (`raws`, from the first that may overlap) as one token.
fn tokens<'a>(
    text: &'a str,
    from: usize,
    to: usize,
    raws: &[Raw],
    style: Style,
    role: LineRole,
) -> Stream<'a> {
    let lexed = words::lex(text, from, to);
    let mut toks = Vec::with_capacity(lexed.len());
    let mut r = 0;
    // The last raw pushed, so a number split over several lexer items is pushed once.
    let mut pushed: Option<usize> = None;
    for t in &lexed {
        let (mut a, b) = (t.pos, t.pos + t.s.len());
        while a < b {
            while r < raws.len() && raws[r].end <= a {
                r += 1;
            }
            match raws.get(r) {
                Some(raw) if raw.start < b && raw.end <= to => {
                    if raw.start > a {
                        toks.push(piece(text, a, raw.start, t.word));
                    }
                    if pushed != Some(r) {
                        toks.push(T {
                            start: raw.start,
                            end: raw.end,
                            s: &text[raw.start..raw.end],
                            f: Word::Borrowed(&text[raw.start..raw.end]),
                            num: Some(raw.shape),
                            word: false,
                        });
                        pushed = Some(r);
                    }
                    a = a.max(raw.end);
                }
                _ => {
                    toks.push(piece(text, a, b, t.word));
                    a = b;
                }
            }
        }
    }
    Stream {
        text,
        toks,
        style,
        role,
        cut_before: false,
        cut_after: false,
    }
}

fn piece(text: &str, a: usize, b: usize, word: bool) -> T<'_> {
    let s = &text[a..b];
    T {
        start: a,
        end: b,
        s,
        f: if word {
            words::fold_word(s)
        } else {
            Word::Borrowed(s)
        },
        num: None,
        word,
    }
}

/// A hit as a draft: byte span, and the qualifier, change and counted noun read from the words
/// around it the way digit figures get theirs.
fn finish(s: &Stream<'_>, h: Hit) -> Draft {
    let start = s.toks[h.from].start;
    let end = s.toks[h.to.max(h.from + 1) - 1].end;
    let mut reading = h.reading;
    let around = around::Around::new(s.text, start, end);
    if reading.qualifier.is_none() && !matches!(reading.kind, Kind::Date | Kind::Ordinal) {
        reading.qualifier = qualifier_before(&around)
            .or_else(|| around::qualifier_before(&around))
            .or_else(|| {
                let skip = reading.unit.as_ref().map_or(0, |u| u.split(' ').count());
                around::qualifier_after(&around.af, skip)
            });
    }
    if matches!(
        reading.kind,
        Kind::Count | Kind::Decimal | Kind::Money | Kind::Percent
    ) {
        reading.change = around::is_change(&around, reading.qualifier);
    }
    if h.wants_unit && reading.unit.is_none() {
        reading.unit = around::known_unit_after(&around.after, &around.af).map(|u| u.0);
    }
    if matches!(s.role, LineRole::Chrome) || around::in_url_or_file(s.text, start, end) {
        reading.boilerplate = true;
    }
    Draft {
        start,
        end,
        reading,
        confidence: h.confidence,
    }
}

/// The bounds the lexicon adds to the classifier's (`ít hơn`, `không tới`, `cao hơn`, `tầm`).
fn qualifier_before(a: &around::Around<'_>) -> Option<Qualifier> {
    let q = |list: &[&str]| list.iter().any(|p| words::ends_with_phrase(&a.bf, p));
    if q(lexicon::UP_TO_BEFORE) {
        Some(Qualifier::UpTo)
    } else if q(lexicon::MORE_THAN_BEFORE) {
        Some(Qualifier::MoreThan)
    } else if q(lexicon::ABOUT_BEFORE) {
        Some(Qualifier::About)
    } else {
        None
    }
}

/// The one place where overlapping readings are settled: a rule's reading replaces every
/// classifier draft it overlaps (rules match whole phrases the classifier reads piece by
/// piece); elsewhere the classifier's drafts stand. Both lists are in order and disjoint.
pub fn settle(drafts: Vec<Draft>, hits: Vec<Draft>) -> Vec<Draft> {
    let mut out = Vec::with_capacity(drafts.len() + hits.len());
    let mut hits = hits.into_iter().peekable();
    for d in drafts {
        // Emit every hit that ends before this draft starts.
        while let Some(h) = hits.next_if(|h| h.end <= d.start) {
            out.push(h);
        }
        // A hit overlapping the draft replaces it (and is emitted once, later).
        if hits.peek().is_some_and(|h| h.start < d.end) {
            continue;
        }
        out.push(d);
    }
    out.extend(hits);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(start: usize, end: usize, kind: Kind) -> Draft {
        Draft {
            start,
            end,
            reading: Reading::new(kind),
            confidence: 1.0,
        }
    }

    /// The windows read exactly what reading every line whole reads, on the hand-written
    /// forms and the sample articles.
    #[test]
    fn windows_read_what_whole_lines_read() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts =
            vec![std::fs::read_to_string(dir.join("tests/fixtures/forms.txt")).unwrap_or_default()];
        let mut paths: Vec<_> = std::fs::read_dir(dir.join("sample_articles"))
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for p in paths {
            texts.push(std::fs::read_to_string(p).unwrap_or_default());
        }
        assert!(texts.len() > 2 && texts.iter().all(|t| !t.is_empty()));
        // The phrase forms, near and far from each other on long lines, and alone on lines.
        let filler = " trong công tác xây dựng Đảng và chính quyền các cấp của địa phương";
        let forms = [
            "hai mươi mốt nghìn không trăm mười một lượt",
            "một trăm linh năm",
            "hai nghìn rưỡi",
            "mở ba lớp",
            "hai phẩy năm tỷ đồng",
            "2 chấm 23",
            "5 nghìn người",
            "1,2 triệu lượt",
            "100K",
            "âm 1,5",
            "-1200K",
            "mười lăm phần trăm",
            "lớp thứ nhất",
            "thứ mười hai",
            "là huyện đầu tiên",
            "ngày 12 tháng 10 năm 2017",
            "mồng 3 tháng ba",
            "tháng mười năm 2017",
            "quý IV/2023",
            "quý 4 năm 2018",
            "từ ngày 3 đến ngày 5 tháng 4 năm 2024",
            "tuần đầu tiên của tháng 9 năm 2017",
            "01/ 7 /2004",
            "mười đô la",
            "USD1,23",
            "VN$1000",
            "2 đô la và 23 xen",
            "1000-2000 đồng",
            "từ 1000 đồng đến 2000 đồng",
            "giữa 1,1 và 1,3 đô la",
            "ít hơn bảy nghìn đồng",
            "5 tr đồng",
        ];
        let mut near = String::new();
        let mut far = String::new();
        let mut alone = String::new();
        for f in forms {
            near.push_str(f);
            near.push_str(", ");
            far.push_str(f);
            far.push_str(&filler.repeat(3));
            alone.push_str(f);
            alone.push('\n');
        }
        texts.push(format!("{near}\n{far}\n{alone}- 1.200.000\nkhông\n"));
        let mut read = 0;
        for t in texts {
            let t = crate::text::normalize(&t);
            let lines = crate::extract::page::lines(&t);
            let raws = crate::extract::scan::scan(&t);
            let key = |d: &Draft| (d.start, d.end, d.reading.clone(), d.confidence);
            let windows: Vec<_> = run(&t, &raws, &lines, Style::Vietnamese)
                .iter()
                .map(key)
                .collect();
            let whole: Vec<_> = run_whole_lines(&t, &raws, &lines, Style::Vietnamese)
                .iter()
                .map(key)
                .collect();
            read += whole.len();
            assert_eq!(windows, whole);
        }
        assert!(read > 20, "{read}");
    }

    #[test]
    fn settle_prefers_rules_where_they_overlap() {
        let drafts = vec![
            d(0, 2, Kind::Count),
            d(5, 7, Kind::Count),
            d(8, 12, Kind::Year),
            d(20, 22, Kind::Count),
        ];
        let hits = vec![d(5, 12, Kind::Date), d(14, 16, Kind::Count)];
        let got: Vec<(usize, usize, Kind)> = settle(drafts, hits)
            .into_iter()
            .map(|d| (d.start, d.end, d.reading.kind))
            .collect();
        assert_eq!(
            got,
            [
                (0, 2, Kind::Count),
                (5, 12, Kind::Date),
                (14, 16, Kind::Count),
                (20, 22, Kind::Count)
            ]
        );
    }
}
