//! Property tests for the invariants the fuzz targets assert (see `fuzz/`), small enough to run
//! on every `cargo test`:
//!
//! * extraction of random Vietnamese-ish text (number forms, words, emoji, zero-width and
//!   right-to-left characters, NBSP, glued letters) gives figures inside the text, equal to
//!   their slice, in order, not overlapping, with ids 1..n;
//! * `decode_bytes` never panics on random bytes (with and without BOMs and web-page heads);
//! * any whole number below a million million, spelled out in words the way the textbooks do
//!   (`hai mươi mốt nghìn không trăm mười một`), is read back as itself;
//! * importing a mutated valid document never accepts a figure whose offsets fall outside the
//!   text or whose slice differs from its `text`.

use proptest::prelude::*;
use solieu::export::{from_json, to_json};
use solieu::load::{LoadedText, decode_bytes};
use solieu::model::{Document, Figure};

/// Panics unless the figures keep the extraction invariants over `text`.
fn check_figures(text: &str, figures: &[Figure]) {
    let n = text.chars().count();
    let mut prev_end = 0;
    for (k, f) in figures.iter().enumerate() {
        assert!(f.start < f.end, "empty figure {}..{}", f.start, f.end);
        assert!(f.end <= n, "figure {}..{} past {n} chars", f.start, f.end);
        assert_eq!(
            solieu::text::slice_chars(text, f.start, f.end),
            Some(f.text.as_str()),
            "figure text differs from its slice {}..{}",
            f.start,
            f.end
        );
        assert!(
            f.start >= prev_end,
            "figures overlap at {}..{}",
            f.start,
            f.end
        );
        assert_eq!(f.id, k as u64 + 1, "ids are not 1..n");
        prev_end = f.end;
    }
}

const WORDS: &[&str] = &[
    "cán bộ",
    "đảng viên",
    "huyện",
    "Đất Đỏ",
    "năm",
    "tháng",
    "ngày",
    "khóa",
    "đợt",
    "lớp",
    "hơn",
    "gần",
    "khoảng",
    "trên",
    "dưới",
    "tỷ lệ",
    "đạt",
    "chiếm",
    "tăng",
    "giảm",
    "so với",
    "đến năm",
    "Nghị quyết",
    "số",
    "lượt",
    "người",
    "đồng chí",
    "triệu đồng",
    "tỷ đồng",
    "trình độ",
    "đại học",
    "trở lên",
    "Quận",
    "HĐND",
    "nhiệm kỳ",
    "Lượt truy cập:",
    "Tin liên quan",
    "từ",
    "đến",
    "và",
    "%",
    "(",
    ")",
    ".",
    ",",
    ";",
    ":",
    "-",
    "–",
    "/",
];

const ODD: &[&str] = &[
    "\u{A0}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{200F}",
    "\u{202E}",
    "\u{2066}",
    "😀",
    "🇻🇳",
    "1\u{FE0F}\u{20E3}",
    "٣٤٥",
    "١٢,٥",
    "𝟗𝟕",
    "²",
    "½",
    "\u{301}",
    "\t",
    "\r\n",
    "\n\n",
    "…",
    "‰",
    "№",
];

/// Starts of files that send decoding down its different paths.
const HEADS: &[&[u8]] = &[
    b"",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"<html><head><meta charset=\"windows-1252\"></head><body>",
    b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-16\">",
    b"<p>",
    b"H\0u\0y\0",
    "Huy\u{1ec7}n \u{110}\u{1ea5}t \u{110}\u{1ecf} ".as_bytes(),
];

const ROMAN: &[&str] = &[
    "I", "II", "IV", "IX", "XII", "XX", "XIV", "MCMXC", "iii", "XIIX",
];

/// One token: a number form, a word or an odd character.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{1,3}(\\.[0-9]{3}){0,3}",
        2 => "[0-9]{1,3},[0-9]{1,2} ?%",
        2 => "[0-9]{1,3}/[0-9]{1,4}",
        2 => "(19|20)[0-9]{2} ?[-–] ?(19|20)[0-9]{2}",
        2 => "[0-3]?[0-9]/[01]?[0-9]/(19|20)[0-9]{2}",
        1 => "[0-9]{1,3}(,[0-9]{3}){1,3}(\\.[0-9]{1,2})?",
        1 => "[0-9]{1,2}h[0-9]{2}",
        2 => "[a-zđA-Z]{0,3}[0-9]{1,5}[a-zđ%A-Z]{0,3}",
        1 => "[0-9]{1,4}-[A-Z]{1,3}/[A-Z]{1,3}",
        1 => "[0-9.,/%-]{1,12}",
        1 => proptest::sample::select(ROMAN).prop_map(str::to_string),
        6 => proptest::sample::select(WORDS).prop_map(str::to_string),
        2 => proptest::sample::select(ODD).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

/// What comes between two tokens.
fn separator() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(
        &[
            " ", " ", " ", " ", "", "\u{A0}", "\u{200B}", "\n", ". ", ", ", "\u{200F}",
        ][..],
    )
}

/// Random Vietnamese-ish text of up to 60 tokens.
fn article_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((token(), separator()), 0..60).prop_map(|parts| {
        let mut s = String::new();
        for (t, sep) in parts {
            s.push_str(&t);
            s.push_str(sep);
        }
        s
    })
}

const DIGITS: [&str; 10] = [
    "không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
];

/// Three digits in words; `full` writes the hundreds even when they are zero (`không trăm`),
/// as every group after the first does.
fn spell_group(n: u64, full: bool) -> Vec<&'static str> {
    let (h, t, u) = (
        (n / 100) as usize,
        ((n / 10) % 10) as usize,
        (n % 10) as usize,
    );
    let mut out = Vec::new();
    if h > 0 || full {
        out.extend([DIGITS[h], "trăm"]);
    }
    match t {
        0 if u > 0 && !out.is_empty() => out.push("linh"),
        0 => {}
        1 => out.push("mười"),
        _ => out.extend([DIGITS[t], "mươi"]),
    }
    match u {
        0 => {}
        1 if t >= 2 => out.push("mốt"),
        5 if t >= 1 => out.push("lăm"),
        _ => out.push(DIGITS[u]),
    }
    out
}

/// A number below 10^12 in words, independent of the extractor's grammar.
fn spell(n: u64) -> String {
    if n == 0 {
        return "không".into();
    }
    const SCALES: [&str; 4] = ["tỷ", "triệu", "nghìn", ""];
    let groups = [
        n / 1_000_000_000,
        (n / 1_000_000) % 1000,
        (n / 1000) % 1000,
        n % 1000,
    ];
    let mut words: Vec<&str> = Vec::new();
    for (g, scale) in groups.into_iter().zip(SCALES) {
        if g == 0 {
            continue;
        }
        words.extend(spell_group(g, !words.is_empty()));
        if !scale.is_empty() {
            words.push(scale);
        }
    }
    words.join(" ")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// A number spelled out is read back as itself, as one figure.
    #[test]
    fn numbers_in_words_read_back(n in prop_oneof![0u64..1000, 0u64..1_000_000, 0u64..1_000_000_000_000]) {
        let text = spell(n);
        let figures = solieu::extract::extract(&text);
        prop_assert_eq!(figures.len(), 1, "{}: {:?}", text, figures);
        prop_assert_eq!(figures[0].reading.value, Some(n as f64), "{}", text);
        prop_assert_eq!(&figures[0].text, &text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Extraction keeps its invariants on any Vietnamese-ish text.
    #[test]
    fn extracted_figures_are_inside_in_order_and_exact(raw in article_text()) {
        let text = solieu::text::normalize(&raw);
        let (_meta, figures) = solieu::extract::extract_article(&text);
        check_figures(&text, &figures);
    }

    /// Decoding never panics; a success is normalized non-blank text.
    #[test]
    fn decode_bytes_never_panics(
        head in proptest::sample::select(HEADS),
        body in proptest::collection::vec(any::<u8>(), 0..400),
        is_html in any::<bool>(),
    ) {
        let mut bytes = head.to_vec();
        bytes.extend_from_slice(&body);
        if let Ok(loaded) = decode_bytes(&bytes, is_html) {
            prop_assert_eq!(solieu::text::normalize(&loaded.text), loaded.text.clone());
            prop_assert!(!loaded.text.trim().is_empty());
            let figures = solieu::extract::extract(&loaded.text);
            check_figures(&loaded.text, &figures);
        }
    }

    /// A valid document with one field of one figure changed is either refused or still valid.
    #[test]
    fn import_never_accepts_broken_offsets(
        raw in article_text(),
        which in any::<prop::sample::Index>(),
        mutation in 0u8..9,
        delta in -3i64..4,
        flip in any::<prop::sample::Index>(),
    ) {
        let text = solieu::text::normalize(&raw);
        let loaded = LoadedText { text, encoding: "utf-8".into(), ..Default::default() };
        let article = solieu::pipeline::Pipeline::builtin().analyze("gen.txt", loaded);
        let json = to_json(&Document::new(vec![article]));
        let mut value: serde_json::Value = serde_json::from_str(&json)
            .unwrap_or_else(|e| panic!("own output is not JSON: {e}"));
        let figures = value["articles"][0]["figures"].as_array_mut()
            .unwrap_or_else(|| panic!("no figures array"));
        let bytes = if figures.is_empty() {
            // Byte-level mutation of a document without figures.
            let mut b = json.into_bytes();
            let i = flip.index(b.len());
            b[i] ^= 0x20;
            b
        } else {
            let i = which.index(figures.len());
            let f = &mut figures[i];
            let start = f["start"].as_i64().unwrap_or(0);
            let end = f["end"].as_i64().unwrap_or(0);
            match mutation {
                0 => f["start"] = (start + delta).into(),
                1 => f["end"] = (end + delta).into(),
                2 => f["start"] = (-1i64 - delta.abs()).into(),
                3 => f["end"] = serde_json::json!(u64::MAX - delta.unsigned_abs()),
                4 => { f["start"] = end.into(); f["end"] = start.into(); }
                5 => f["text"] = format!("{}x", f["text"].as_str().unwrap_or("")).into(),
                6 => f["start"] = serde_json::json!("0"),
                7 => f["end"] = serde_json::json!(1e300),
                _ => { f["start"] = (start + delta).into(); f["end"] = (end + delta).into(); }
            }
            serde_json::to_vec(&value).unwrap_or_else(|e| panic!("{e}"))
        };
        if let Ok(doc) = from_json(&bytes) {
            for art in &doc.articles {
                let n = art.text.chars().count();
                for f in &art.figures {
                    prop_assert!(f.start < f.end && f.end <= n, "accepted {}..{} of {}", f.start, f.end, n);
                    prop_assert_eq!(
                        solieu::text::slice_chars(&art.text, f.start, f.end),
                        Some(f.text.as_str())
                    );
                }
            }
        }
    }
}
