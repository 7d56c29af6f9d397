//! The word lists of the grammar, in one place: number words, scales, currencies, months,
//! qualifiers of money, and the traps (words that look like numbers and are not).
//!
//! Every entry is folded (see [`crate::extract::words::fold`]): lower case, modern tone
//! placement. Rules look words up here; they never spell a word list of their own.

/// A digit word and where it may stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digit {
    /// 0..=9.
    pub value: u8,
    /// `mốt`, `lăm`, `nhăm`, `tư`: forms that only occur after `mươi`/`mười` or a scale.
    pub tail_only: bool,
}

/// The digit words. `năm` is five, but after `mười`/`mươi` it is read as "year" (`mười năm
/// qua` = "the last ten years"): the tail form of five is `lăm`/`nhăm`.
pub fn digit(w: &str) -> Option<Digit> {
    let (value, tail_only) = match w {
        "không" => (0, false),
        "một" => (1, false),
        "mốt" => (1, true),
        "hai" => (2, false),
        "ba" => (3, false),
        "bốn" => (4, false),
        "tư" => (4, true),
        "năm" => (5, false),
        "lăm" | "nhăm" => (5, true),
        "sáu" => (6, false),
        "bảy" | "bẩy" => (7, false),
        "tám" => (8, false),
        "chín" => (9, false),
        _ => return None,
    };
    Some(Digit { value, tail_only })
}

/// `mười` (ten as a word of its own).
pub const TEN: &str = "mười";
/// Multipliers of the tens place: `hai mươi`, `hai chục`.
pub fn is_tens_word(w: &str) -> bool {
    matches!(w, "mươi" | "chục")
}
/// `trăm` (hundred).
pub const HUNDRED: &str = "trăm";
/// `linh` / `lẻ`: an empty tens place (`một trăm linh năm` = 105).
pub fn is_zero_tens(w: &str) -> bool {
    matches!(w, "linh" | "lẻ")
}
/// `rưỡi`: and a half of the scale before it (`một trăm rưỡi` = 150).
pub const HALF: &str = "rưỡi";

/// Scales above a hundred.
pub fn scale(w: &str) -> Option<f64> {
    Some(match w {
        "nghìn" | "ngàn" => 1e3,
        "vạn" => 1e4,
        "triệu" => 1e6,
        "tỷ" | "tỉ" => 1e9,
        _ => return None,
    })
}

/// Letters glued after digits that multiply them in informal writing (`100K`, `3M`, `5tr`,
/// `,0012G`). `G` only with a decimal part: `4G`, `5G` are networks.
pub fn suffix_scale(s: &str, has_decimal: bool) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "M" | "tr" => 1e6,
        "G" if has_decimal => 1e9,
        _ => return None,
    })
}

/// Spoken decimal marks: `hai phẩy năm`, `2 chấm 23`.
pub fn is_decimal_mark(w: &str) -> bool {
    matches!(w, "phẩy" | "chấm")
}

/// Words that make the number after them negative.
pub fn is_minus(w: &str) -> bool {
    w == "âm"
}

/// Ordinal words after `thứ`: `thứ nhất` (1), `thứ tư` (4); other numbers are the digit words.
pub fn ordinal_word(w: &str) -> Option<u8> {
    match w {
        "nhất" => Some(1),
        "nhì" => Some(2),
        "tư" => Some(4),
        _ => digit(w)
            .filter(|d| !d.tail_only && d.value > 0)
            .map(|d| d.value),
    }
}

/// Months named in words after `tháng`: `tháng ba`, `tháng giêng`, `tháng chạp`, `tháng tư`.
/// `tháng mười một` and `tháng mười hai` are read by the number grammar.
pub fn month_word(w: &str) -> Option<u32> {
    match w {
        "giêng" => Some(1),
        "chạp" => Some(12),
        "tư" => Some(4),
        "mười" => Some(10),
        _ => digit(w)
            .filter(|d| !d.tail_only && d.value > 0)
            .map(|d| u32::from(d.value)),
    }
}

/// Words before a day number: `ngày 3`, `mồng 3`, `mùng 3`.
pub fn is_day_word(w: &str) -> bool {
    matches!(w, "ngày" | "mồng" | "mùng")
}

/// Weekday names that open a dateline (`thứ hai, 15/03/2021`, `chủ nhật`): the number after
/// `thứ` is then a day of the week, not an ordinal.
pub fn is_weekday_follower(w: &str) -> bool {
    matches!(
        w,
        "," | "ngày" | "mồng" | "mùng" | "tuần" | "hàng" | "-" | "–" | "("
    )
}

/// Words before a weekday (`vào thứ hai`, `sáng thứ hai`, `hôm thứ hai`); after any other
/// word, `thứ hai` is an ordinal (`lớp thứ hai ngày 12 …`).
pub fn is_weekday_before(w: &str) -> bool {
    matches!(
        w,
        "vào"
            | "sáng"
            | "chiều"
            | "tối"
            | "trưa"
            | "đêm"
            | "hôm"
            | "ngày"
            | "các"
            | "mỗi"
            | "từ"
            | "đến"
            | "là"
            | "hàng"
    )
}

/// Every word a rule may start at besides digits: the digit words of [`digit`], `mười`,
/// `trăm`, the sign `âm`, ordinals (`thứ`, `nhất`, `đầu tiên`), weeks and the months named in
/// words. Rules read only the neighbourhood of these words and of digits
/// ([`super::run`]), so a rule that starts at a new word must add it here.
pub const START_WORDS: &[&str] = &[
    "không", "một", "mốt", "hai", "ba", "bốn", "tư", "năm", "lăm", "nhăm", "sáu", "bảy", "bẩy",
    "tám", "chín", "mười", "trăm", "âm", "thứ", "đầu", "tuần", "giêng", "chạp", "nhất",
];

/// True for a folded word in [`START_WORDS`].
pub fn is_start_word(w: &str) -> bool {
    START_WORDS.contains(&w)
}

/// The start words as written in running text: lower case, capitalized and in capitals.
static START_FINDER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        let mut forms = Vec::new();
        for w in START_WORDS {
            let mut chars = w.chars();
            let cap: String = chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default();
            forms.extend([w.to_string(), cap, w.to_uppercase()]);
        }
        forms.sort();
        forms.dedup();
        aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(forms)
            .ok()
    });

/// The byte ranges of the whole words of `text[from..to]` that are start words (see
/// [`START_WORDS`]), in order: one pass of an automaton, no tokenizing. Mixed-case spellings
/// (`HAi`) are not found; `None` when the automaton could not be built (then every word must
/// be looked at).
pub fn start_words_in(text: &str, from: usize, to: usize) -> Option<Vec<(usize, usize)>> {
    use crate::extract::words::is_word_char;
    let finder = START_FINDER.as_ref()?;
    let hay = text.get(from..to)?;
    let mut out = Vec::new();
    for m in finder.find_iter(hay) {
        let (a, b) = (from + m.start(), from + m.end());
        let before = text[..a].chars().next_back().is_some_and(is_word_char);
        let after = text[b..].chars().next().is_some_and(is_word_char);
        if !before && !after {
            out.push((a, b));
        }
    }
    Some(out)
}

/// The abbreviations officials write for the nouns they count, as written (they are
/// capitals: `CC` is `công chức`, never a unit `cc`), and what they abbreviate, which is the
/// figure's unit. Training levels (`TCLLCT`) count the people who hold or take them.
pub const COUNTED_ABBREVIATIONS: &[(&str, &str)] = &[
    ("CBCCVC", "cán bộ, công chức, viên chức"),
    ("CBCC", "cán bộ, công chức"),
    ("CBVC", "cán bộ, viên chức"),
    ("CCVC", "công chức, viên chức"),
    ("CNVC", "công nhân viên chức"),
    ("CNVCLĐ", "công nhân viên chức, lao động"),
    ("CB", "cán bộ"),
    ("CC", "công chức"),
    ("VC", "viên chức"),
    ("ĐV", "đảng viên"),
    ("ĐVM", "đảng viên mới"),
    ("ĐVTN", "đoàn viên thanh niên"),
    ("HV", "học viên"),
    ("GV", "giáo viên"),
    ("HS", "học sinh"),
    ("SV", "sinh viên"),
    ("ĐB", "đại biểu"),
    ("NLĐ", "người lao động"),
    ("BCV", "báo cáo viên"),
    ("TCCSĐ", "tổ chức cơ sở đảng"),
    ("LLCT", "lý luận chính trị"),
    ("SCLLCT", "sơ cấp lý luận chính trị"),
    ("TCLLCT", "trung cấp lý luận chính trị"),
    ("CCLLCT", "cao cấp lý luận chính trị"),
];

/// What the abbreviation `written` (a word as written) stands for as a counted noun.
/// `ng.` (người) is an abbreviation only with its full stop: `ng` is passed with
/// `dotted = true` then.
pub fn counted_abbreviation(written: &str, dotted: bool) -> Option<&'static str> {
    if dotted && matches!(written, "ng" | "Ng") {
        return Some("người");
    }
    COUNTED_ABBREVIATIONS
        .iter()
        .find(|(a, _)| *a == written)
        .map(|(_, full)| *full)
}

/// A currency and the words that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// ISO-like code (`VND`, `USD`, `EUR`, `GBP`, `INR`, `AED`; cents are `cent`).
    pub code: &'static str,
    /// True when the currency has hundredths written after it (`2 đô la và 23 xen`).
    pub has_cents: bool,
}

const VND: Currency = Currency {
    code: "VND",
    has_cents: false,
};
const USD: Currency = Currency {
    code: "USD",
    has_cents: true,
};
const EUR: Currency = Currency {
    code: "EUR",
    has_cents: true,
};
const GBP: Currency = Currency {
    code: "GBP",
    has_cents: true,
};
const INR: Currency = Currency {
    code: "INR",
    has_cents: true,
};
const AED: Currency = Currency {
    code: "AED",
    has_cents: true,
};
/// Hundredths: `xen`, `xu`, `cent`.
pub const CENT: Currency = Currency {
    code: "cent",
    has_cents: false,
};

/// Currency names written after the number, folded, longest first within a first word.
const CURRENCY_AFTER: &[(&[&str], Currency)] = &[
    (&["đô", "la", "mỹ"], USD),
    (&["đô", "la"], USD),
    (&["đô", "-", "la"], USD),
    (&["đô", "mỹ"], USD),
    (&["đô"], USD),
    (&["usd"], USD),
    (&["dollar"], USD),
    (&["dollars"], USD),
    (&["$"], USD),
    (&["đồng"], VND),
    (&["vnđ"], VND),
    (&["vnd"], VND),
    (&["đ"], VND),
    (&["euro"], EUR),
    (&["euros"], EUR),
    (&["eur"], EUR),
    (&["€"], EUR),
    (&["bảng", "anh"], GBP),
    (&["pound"], GBP),
    (&["pounds"], GBP),
    (&["gbp"], GBP),
    (&["£"], GBP),
    (&["rupee"], INR),
    (&["rupees"], INR),
    (&["rs"], INR),
    (&["inr"], INR),
    (&["dirham"], AED),
    (&["dirhams"], AED),
    (&["aed"], AED),
    (&["xen"], CENT),
    (&["cent"], CENT),
    (&["cents"], CENT),
    (&["xu"], CENT),
];

/// Currency signs and codes written before the number (`$10`, `USD1,23`, `EUR 20`,
/// `Rs. 20`, `VN$1000`, `£9`), folded.
const CURRENCY_BEFORE: &[(&[&str], Currency)] = &[
    (&["vn", "$"], VND),
    (&["vnd"], VND),
    (&["vnđ"], VND),
    (&["usd"], USD),
    (&["us", "$"], USD),
    (&["$"], USD),
    (&["eur"], EUR),
    (&["€"], EUR),
    (&["gbp"], GBP),
    (&["£"], GBP),
    (&["rs", "."], INR),
    (&["rs"], INR),
    (&["inr"], INR),
    (&["aed"], AED),
];

/// Words after `đồng` that make it part of another noun (`đồng chí` comrade, `đồng thời` at
/// the same time, `đồng bào`, `đồng ý`), and after `xu` (`xu hướng` trend, `xu thế`).
const NOT_CURRENCY_NEXT: &[(&str, &[&str])] = &[
    (
        "đồng",
        &[
            "chí", "thời", "bào", "ý", "nghiệp", "hành", "bộ", "đội", "tâm", "hương", "lòng",
            "phục", "đều", "loạt", "minh", "ruộng", "bằng", "tiền",
        ],
    ),
    ("xu", &["hướng", "thế", "nịnh"]),
    ("đô", &["thị", "vật", "hội", "đốc"]),
    ("bảng", &["biểu", "tin", "đen"]),
];

/// The longest phrase of `table` at the head of `words`: the currency, its length, and its
/// first word (the phrases are split once, in the tables, not on every look-up).
fn longest(
    table: &[(&'static [&'static str], Currency)],
    words: &[&str],
) -> Option<(Currency, usize, &'static str)> {
    let first = *words.first()?;
    table
        .iter()
        .filter(|(phrase, _)| phrase[0] == first && words.starts_with(phrase))
        .map(|(phrase, cur)| (*cur, phrase.len(), phrase[0]))
        .max_by_key(|(_, n, _)| *n)
}

/// The currency named by the folded words at the head of `words`, with how many words it
/// takes; `None` when the name is part of another noun (`đồng chí`).
pub fn currency_after(words: &[&str]) -> Option<(Currency, usize)> {
    let (cur, n, head) = longest(CURRENCY_AFTER, words)?;
    let next = words.get(n).copied().unwrap_or("");
    // Only one-word names have traps (`đồng chí`, `xu hướng`, `đô thị`).
    let blocked = n == 1
        && NOT_CURRENCY_NEXT
            .iter()
            .any(|(h, nexts)| *h == head && nexts.contains(&next));
    (!blocked).then_some((cur, n))
}

/// True when the folded word `w` can end a currency written before a number (`$`, `usd`).
pub fn ends_currency_before(w: &str) -> bool {
    CURRENCY_BEFORE
        .iter()
        .any(|(phrase, _)| phrase[phrase.len() - 1] == w)
}

/// The currency sign or code ending the folded words `words` (written before the number).
pub fn currency_before(words: &[&str]) -> Option<(Currency, usize)> {
    let last = *words.last()?;
    CURRENCY_BEFORE
        .iter()
        .filter(|(phrase, _)| phrase[phrase.len() - 1] == last && words.ends_with(phrase))
        .map(|(phrase, cur)| (*cur, phrase.len()))
        .max_by_key(|(_, n)| *n)
}

/// Words that make the number after them a bound (money and counts), beyond the common
/// qualifiers the classifier knows: `ít hơn`, `kém hơn`, `không tới`, `nhiều hơn`, `cao hơn`.
pub const UP_TO_BEFORE: &[&str] = &[
    "ít hơn",
    "kém hơn",
    "thấp hơn",
    "nhỏ hơn",
    "không tới",
    "không đến",
    "không cao hơn",
    "không hơn",
    "không vượt quá",
];
/// See [`UP_TO_BEFORE`].
pub const MORE_THAN_BEFORE: &[&str] = &["nhiều hơn", "cao hơn", "lớn hơn"];
/// See [`UP_TO_BEFORE`].
pub const ABOUT_BEFORE: &[&str] = &["tầm", "tầm khoảng", "khoảng chừng", "chừng khoảng"];

/// Words after `một` that make it the article "a"/"some", not the number one: `một số` (some),
/// `một cách` (in a … way), `một trong những` (one of), `một phần`, `một vài`.
pub const MOT_NOT_NUMBER_NEXT: &[&str] = &[
    "số", "cách", "trong", "phần", "vài", "chút", "mình", "loạt", "khi", "lúc", "thời", "nửa",
    "bộ", "lần", "ít", "hai", "mặt", "khác",
];

/// Nouns after `một` that make it the number one: spans of time and teaching units.
pub const MOT_COUNTED_NEXT: &[&str] = &[
    "năm", "tháng", "tuần", "ngày", "giờ", "buổi", "tiết", "khóa", "lớp", "lượt", "đợt",
];

/// Bounds before a number word: after them `một` is the number one (`chỉ một lớp`).
pub const BOUND_BEFORE: &[&str] = &[
    "hơn", "gần", "khoảng", "trên", "dưới", "chỉ", "có", "đúng", "thêm", "tối", "nhất", "đạt",
];

/// Words before a number word that make it vague or part of a name (`hàng trăm` hundreds of,
/// `vài chục` some tens, `thứ` handled apart, `năm` as "year" before digits).
pub const VAGUE_BEFORE: &[&str] = &["hàng", "vài", "mấy", "dăm", "bao", "hàng chục"];

/// Words after a digit word that make a fixed expression, not a count: `ba mặt`, `hai bên`
/// (both sides), `tư tưởng` (thought), `tư pháp` (justice), `năm học` (school year), `năm nay`.
pub const NOT_COUNTED_AFTER: &[&str] = &[
    "pháp", "tưởng", "vấn", "cách", "nhân", "liệu", "duy", "thế", "học", "nay", "qua", "sau",
    "trước", "tới", "ngoái", "mươi",
];

/// Words that make a statement a plan (its figures targets, its `đến năm 2025` a deadline):
/// the one list, for the deadline of a year and the target flag of a fact. Phrases, not single
/// words, where the word alone also reports the past (`hoàn thành chỉ tiêu`, `theo kế hoạch`).
pub const TARGET_CUES: &[&str] = &[
    "mục tiêu",
    "phấn đấu",
    "dự kiến",
    "định hướng",
    "tầm nhìn",
    "chỉ tiêu đến",
    "đề ra đến",
    "kế hoạch đến",
    "sẽ có",
    "sẽ đạt",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The start words found without tokenizing are the lexer's words that fold to one,
    /// written in lower case, capitalized or in capitals.
    #[test]
    fn start_words_are_found_as_the_lexer_finds_them() {
        let t = "Hai mươi mốt nghìn, HAI người; thứ hai (Thứ Ba) chính thức khai mạc. bảy/tám \
                 năm2 Năm 2023 đầu tư ông Tư “mười lăm” tháng Giêng, tháng chạp – NHẤT; \
                 âm 5, Âm 6, bao nhiêu, khôngx không.";
        let got = start_words_in(t, 0, t.len()).unwrap_or_default();
        let want: Vec<(usize, usize)> = crate::extract::words::lex(t, 0, t.len())
            .into_iter()
            .filter(|w| {
                let folded = crate::extract::words::fold(w.s);
                let mut chars = folded.chars();
                let cap: String = chars
                    .next()
                    .map(|c| c.to_uppercase().chain(chars).collect())
                    .unwrap_or_default();
                w.word
                    && is_start_word(&folded)
                    && (w.s == folded || w.s == cap || w.s == folded.to_uppercase())
            })
            .map(|w| (w.pos, w.pos + w.s.len()))
            .collect();
        assert!(want.len() > 15, "{want:?}");
        assert_eq!(got, want);
    }

    #[test]
    fn digits_and_tails() {
        assert_eq!(
            digit("mốt").map(|d| (d.value, d.tail_only)),
            Some((1, true))
        );
        assert_eq!(digit("năm").map(|d| d.value), Some(5));
        assert_eq!(digit("bẩy").map(|d| d.value), Some(7));
        assert!(digit("mười").is_none());
    }

    #[test]
    fn currencies_and_their_traps() {
        assert_eq!(
            currency_after(&["đô", "la", "và"]).map(|(c, n)| (c.code, n)),
            Some(("USD", 2))
        );
        assert_eq!(currency_after(&["đồng", "chí"]), None);
        assert_eq!(currency_after(&["xu", "hướng"]), None);
        assert_eq!(currency_after(&["xu"]).map(|(c, _)| c.code), Some("cent"));
        assert_eq!(
            currency_before(&["vn", "$"]).map(|(c, n)| (c.code, n)),
            Some(("VND", 2))
        );
        assert_eq!(
            currency_before(&["rs", "."]).map(|(c, n)| (c.code, n)),
            Some(("INR", 2))
        );
    }

    #[test]
    fn suffixes_need_a_decimal_for_g() {
        assert_eq!(suffix_scale("K", false), Some(1e3));
        assert_eq!(suffix_scale("G", false), None);
        assert_eq!(suffix_scale("G", true), Some(1e9));
        assert_eq!(suffix_scale("m", false), None);
    }
}
