//! Numbers written in words, mixed and informal forms, ordinals in words and `phần trăm`.
//!
//! The grammar of a number in words (Vietnamese reads it in groups of three digits):
//!
//! ```text
//! number   := group (scale group?)* (rưỡi | linh digit | mốt | tư)?
//! group    := digit "trăm" tail? | "trăm" tail? | tens
//! tail     := ("linh" | "lẻ") digit | tens | "mốt" | "tư" | "rưỡi"
//! tens     := "mười" unit? | digit ("mươi" | "chục") unit? | digit
//! unit     := một | mốt | hai | … | tư | lăm | nhăm | … chín     (not `năm`: "year")
//! scale    := nghìn | ngàn | vạn | triệu | tỷ | tỉ
//! ```
//!
//! so `hai mươi mốt nghìn không trăm mười một` is 21 011 and `một trăm rưỡi` 150. A spoken
//! decimal mark (`phẩy`, `chấm`) joins a number to its digits (`hai phẩy 23` = 2.23), `âm`
//! or a glued `-` makes it negative, `K`/`M`/`tr` glued after digits multiply them.

use super::lexicon::{self, digit};
use super::{Hit, Rule, Stream};
use crate::extract::classify;
use crate::extract::number::parse_grouped;
use crate::extract::scan::Shape;
use crate::model::Kind;

/// The rules of this dimension.
pub const RULES: &[Rule] = &[
    Rule {
        name: "percent in words (hai mươi phần trăm, 5 phần trăm)",
        apply: percent_in_words,
    },
    Rule {
        name: "ordinal in words (thứ nhất, thứ hai, đầu tiên)",
        apply: ordinal_in_words,
    },
    Rule {
        name: "number in words or informal digits (hai mươi mốt, 100K, âm 5, 2 chấm 23)",
        apply: number_in_words,
    },
];

/// A number phrase found at some token.
#[derive(Debug, Clone, PartialEq)]
pub struct NumP {
    /// First token of the number as the figure shows it.
    pub from: usize,
    /// One past its last token.
    pub to: usize,
    /// One past the scale words written after digits (`1,2 triệu`), else `to`.
    pub after: usize,
    /// The value, scale included.
    pub value: f64,
    /// True when a decimal part is written.
    pub decimal: bool,
    /// How many number words it has (0 for digits).
    pub words: usize,
    /// True when the classifier cannot read it alone: words, a sign, a suffix, `,77`, `phẩy`.
    pub special: bool,
    /// The scale words after digits (`triệu`), as written.
    pub scale_text: Option<String>,
    /// What those scale words multiply by (1 without them).
    pub scale: f64,
    /// How sure the reading of the digits is.
    pub confidence: f32,
}

/// Below a hundred: `mười`, `mười lăm`, `hai mươi mốt`, `hai chục`, `bảy`.
fn below_hundred(s: &Stream<'_>, i: usize) -> Option<(u32, usize)> {
    let tail = |k: usize| -> Option<u32> {
        let w = s.w(k);
        let d = digit(w)?;
        (d.value > 0 && w != "năm").then_some(u32::from(d.value))
    };
    if s.w(i) == lexicon::TEN {
        return Some(match tail(i + 1) {
            Some(u) if s.w(i + 1) != "mốt" => (10 + u, i + 2),
            _ => (10, i + 1),
        });
    }
    let d = digit(s.w(i))?;
    if d.tail_only {
        return None;
    }
    let d = u32::from(d.value);
    if lexicon::is_tens_word(s.w(i + 1)) && (d >= 2 || (d == 1 && s.w(i + 1) == "chục")) {
        let tens = d * 10;
        // `hai chục năm`: `chục` takes no unit after it but `mốt`/`lăm` forms.
        return Some(match tail(i + 2) {
            Some(u) if s.w(i + 1) == "mươi" => (tens + u, i + 3),
            _ => (tens, i + 2),
        });
    }
    Some((d, i + 1))
}

/// A group below a thousand, and the token after it.
fn group(s: &Stream<'_>, i: usize) -> Option<(u32, usize)> {
    let (mut v, mut j) = match digit(s.w(i)) {
        Some(d) if !d.tail_only && s.w(i + 1) == lexicon::HUNDRED => {
            (u32::from(d.value) * 100, i + 2)
        }
        _ if s.w(i) == lexicon::HUNDRED => (100, i + 1),
        _ => return below_hundred(s, i),
    };
    if lexicon::is_zero_tens(s.w(j))
        && let Some(d) = digit(s.w(j + 1)).filter(|d| d.value > 0)
    {
        v += u32::from(d.value);
        j += 2;
    } else if let Some((t, k)) = below_hundred(s, j).filter(|(_, k)| k - j >= 2 || s.w(j) == "mười")
    {
        v += t;
        j = k;
    } else if matches!(s.w(j), "mốt" | "tư") && digit(s.w(j + 1)).is_none() {
        // `hai trăm mốt` = 210, `ba trăm tư` = 340.
        v += u32::from(digit(s.w(j)).map_or(0, |d| d.value)) * 10;
        j += 1;
    } else if s.w(j) == lexicon::HALF {
        v += 50;
        j += 1;
    }
    Some((v, j))
}

/// A whole number in words from token `i`: its value and the token after it.
pub fn words_number(s: &Stream<'_>, i: usize) -> Option<(f64, usize)> {
    let mut total = 0.0f64;
    let mut last_scale = f64::INFINITY;
    let mut j = i;
    let mut any = false;
    loop {
        // A larger scale right after a smaller one multiplies all: `hai nghìn tỷ`.
        if any
            && let Some(sc) = lexicon::scale(s.w(j))
            && sc > last_scale
        {
            total *= sc;
            last_scale = sc;
            j += 1;
            continue;
        }
        let Some((g, k)) = group(s, j) else { break };
        any = true;
        j = k;
        match lexicon::scale(s.w(j)) {
            Some(sc) => {
                if sc > last_scale {
                    total = (total + f64::from(g)) * sc;
                } else {
                    total += f64::from(g) * sc;
                }
                last_scale = sc;
                j += 1;
                if s.w(j) == lexicon::HALF {
                    total += sc / 2.0;
                    j += 1;
                    break;
                }
                if lexicon::is_zero_tens(s.w(j))
                    && let Some(d) = digit(s.w(j + 1)).filter(|d| d.value > 0)
                {
                    total += f64::from(d.value);
                    j += 2;
                    break;
                }
                if matches!(s.w(j), "mốt" | "tư") && group(s, j + 1).is_none() {
                    // `hai nghìn mốt` = 2100, `năm triệu tư` = 5 400 000.
                    total += f64::from(digit(s.w(j)).map_or(0, |d| d.value)) * sc / 10.0;
                    j += 1;
                    break;
                }
            }
            None => {
                total += f64::from(g);
                break;
            }
        }
    }
    any.then_some((total, j))
}

/// The digits after a spoken decimal mark at `k`: `23` (digits) or `năm`, `không năm`, `hai
/// mươi lăm` (words). Returns the fraction (`0.23`) and the token after it.
fn fraction(s: &Stream<'_>, k: usize) -> Option<(f64, usize)> {
    if s.toks.get(k).is_some_and(|t| t.num == Some(Shape::Digits))
        && s.toks[k].s.bytes().all(|b| b.is_ascii_digit())
    {
        return format!("0.{}", s.toks[k].s)
            .parse()
            .ok()
            .map(|v| (v, k + 1));
    }
    // `phẩy hai mươi lăm` (.25); a scale after the digits (`hai phẩy năm tỷ`) belongs to the
    // whole number, not to its decimals.
    if let Some((v, e)) = words_number(s, k)
        && e - k >= 2
        && !s.w(k + 1).is_empty()
        && digit(s.w(k + 1)).is_none()
        && (k..e).all(|x| lexicon::scale(s.w(x)).is_none())
    {
        return format!("0.{}", v as u64).parse().ok().map(|v| (v, e));
    }
    let mut digits = String::new();
    let mut e = k;
    while let Some(d) = digit(s.w(e)) {
        if d.tail_only && s.w(e) != "lăm" {
            break;
        }
        digits.push(char::from(b'0' + d.value));
        e += 1;
    }
    if digits.is_empty() {
        return None;
    }
    format!("0.{digits}").parse().ok().map(|v| (v, e))
}

/// The number phrase starting at token `i`, if any.
pub fn number_at(s: &Stream<'_>, i: usize) -> Option<NumP> {
    let toks = &s.toks;
    let mut j = i;
    let mut negative = false;
    let mut special = false;
    // `âm 5`, `-5` (the sign touches the digits, and is not a hyphen between two words or
    // numbers), `- 1.200.000` alone on its line (a cell of a table, not a list bullet).
    if lexicon::is_minus(s.w(i)) {
        negative = true;
        j += 1;
    } else if toks.get(i).is_some_and(|t| matches!(t.s, "-" | "−")) {
        // After a word or a number a hyphen joins (`Covid -19`, `2004 -2010`): no sign.
        let prev_is_thing = i > 0 && (toks[i - 1].num.is_some() || toks[i - 1].word);
        let glued_after = toks.get(i + 1).is_some_and(|n| n.start == toks[i].end);
        let opens_line = i == 0;
        if prev_is_thing {
            return None;
        }
        if !glued_after && !opens_line {
            return None;
        }
        negative = true;
        j += 1;
        if !glued_after {
            // `- 1.200.000`: only when the number is all the line holds.
            let p = number_at(s, j)?;
            if p.after != toks.len() && !(p.after + 1 == toks.len() && toks[p.after].s == ".") {
                return None;
            }
        }
    }
    if negative {
        special = true;
    }
    let mut p = unsigned_at(s, j)?;
    if negative {
        p.value = -p.value;
        p.from = i;
    }
    p.special |= special;
    Some(p)
}

fn unsigned_at(s: &Stream<'_>, i: usize) -> Option<NumP> {
    let toks = &s.toks;
    let t = toks.get(i)?;
    // `,77`: a decimal with no integer part (not a comma between words: nothing glued before).
    if t.s == ","
        && s.is_digits(i + 1)
        && toks[i + 1].start == t.end
        && (i == 0 || !s.glued(i) || matches!(toks[i - 1].s, "-" | "−" | "$"))
        && toks[i + 1].s.bytes().all(|b| b.is_ascii_digit())
    {
        let mut v: f64 = format!("0.{}", toks[i + 1].s).parse().ok()?;
        let mut to = i + 2;
        if let Some(m) = glued_suffix(s, to, true) {
            v *= m;
            to += 1;
        }
        return Some(NumP {
            from: i,
            to,
            after: to,
            value: v,
            decimal: true,
            words: 0,
            special: true,
            scale_text: None,
            scale: 1.0,
            confidence: 0.85,
        });
    }
    if s.is_digits(i) {
        let raw = t.s;
        let next_scale = lexicon::scale(s.w(i + 1)).is_some();
        let suffix = toks
            .get(i + 1)
            .filter(|n| n.start == t.end && n.word)
            .is_some();
        let parsed = parse_grouped(raw, s.style, next_scale || suffix)?;
        let mut p = NumP {
            from: i,
            to: i + 1,
            after: i + 1,
            value: parsed.value,
            decimal: parsed.decimal,
            words: 0,
            special: false,
            scale_text: None,
            scale: 1.0,
            confidence: parsed.confidence,
        };
        if let Some(m) = glued_suffix(s, i + 1, parsed.decimal) {
            p.value *= m;
            p.to += 1;
            p.after += 1;
            p.special = true;
            p.decimal = false;
        } else if suffix && lexicon::currency_after(&[s.w(i + 1)]).is_none() {
            // Digits glued to other letters (`4G`, `H5N1`, `15h`) are codes and times; to a
            // currency (`20Rs`), money.
            return None;
        } else if lexicon::is_decimal_mark(s.w(i + 1))
            && !raw.contains([',', '.'])
            && let Some((f, e)) = fraction(s, i + 2)
        {
            p.value += f;
            p.decimal = true;
            p.special = true;
            p.to = e;
            p.after = e;
            p.confidence = 0.9;
            with_scale_inside(s, &mut p);
            return Some(p);
        }
        // `1,2 triệu`: the scale is read into the value; the figure stays on the digits.
        let mut k = p.to;
        let mut scale_words = Vec::new();
        while let Some(sc) = lexicon::scale(s.w(k)) {
            p.value *= sc;
            scale_words.push(toks[k].s);
            k += 1;
        }
        if !scale_words.is_empty() {
            p.scale = p.value / parsed.value;
            p.after = k;
            p.decimal = false;
            p.scale_text = Some(scale_words.join(" "));
        }
        return Some(p);
    }
    if t.num.is_some() || !t.word {
        return None;
    }
    let (mut value, mut to) = words_number(s, i)?;
    let mut decimal = false;
    if lexicon::is_decimal_mark(s.w(to))
        && let Some((f, e)) = fraction(s, to + 1)
        && value.fract() == 0.0
        && value < 1e3
    {
        value += f;
        decimal = true;
        to = e;
    }
    let mut p = NumP {
        from: i,
        to,
        after: to,
        value,
        decimal,
        words: to - i,
        special: true,
        scale_text: None,
        scale: 1.0,
        confidence: 0.9,
    };
    if decimal {
        with_scale_inside(s, &mut p);
    }
    Some(p)
}

/// `hai phẩy năm tỷ`: the scale after a spoken decimal is part of the number's words.
fn with_scale_inside(s: &Stream<'_>, p: &mut NumP) {
    while let Some(sc) = lexicon::scale(s.w(p.to)) {
        p.value *= sc;
        p.to += 1;
        p.after = p.to;
        p.decimal = false;
    }
}

/// `K`, `M`, `tr` glued after digits, not followed by more letters.
fn glued_suffix(s: &Stream<'_>, k: usize, has_decimal: bool) -> Option<f64> {
    let t = s.toks.get(k)?;
    if !t.word || k == 0 || t.start != s.toks[k - 1].end {
        return None;
    }
    lexicon::suffix_scale(t.s, has_decimal)
}

/// True when tokens other than punctuation exist neither before `from` nor from `to` on: the
/// number is all its line says (a table cell, a list value).
fn alone(s: &Stream<'_>, from: usize, to: usize) -> bool {
    let only_punct = |t: &super::T<'_>| !t.word && t.num.is_none();
    s.toks[..from].iter().all(only_punct) && s.toks[to.min(s.toks.len())..].iter().all(only_punct)
}

/// The counted noun right after token `k`, from the classifier's list of units (no guess).
fn known_unit(s: &Stream<'_>, k: usize) -> Option<usize> {
    let words = s.words_from(k, 5);
    classify::known_unit_len(&words)
}

/// When a number in words reads as a number, and how sure: the traps are here.
fn accept_words(s: &Stream<'_>, p: &NumP) -> Option<f32> {
    let first = &s.toks[p.from];
    let prev = if p.from > 0 { s.w(p.from - 1) } else { "" };
    // `Hai Bà Trưng`, `Ba Đình`, `Năm Căn`, `Bảy Núi`: a capitalized number word before a
    // capitalized word is a name.
    let next_tok = s.toks.get(p.to);
    if crate::extract::words::is_capitalized(first.s)
        && next_tok.is_some_and(|t| t.word && crate::extract::words::is_capitalized(t.s))
    {
        return None;
    }
    if lexicon::VAGUE_BEFORE.contains(&prev) || matches!(prev, "thứ" | "tháng" | "quý") {
        return None;
    }
    let alone = alone(s, p.from, p.to);
    if p.words >= 2 || p.decimal {
        // `hai mươi`, `năm nghìn`, `hai phẩy năm`: structure makes it a number.
        return Some(if alone || known_unit(s, p.to).is_some() {
            0.9
        } else {
            0.8
        });
    }
    let w = s.w(p.from);
    let next = s.w(p.to);
    if alone {
        return Some(0.6);
    }
    if matches!(w, "không" | "trăm") || digit(w).is_some_and(|d| d.tail_only) {
        return None;
    }
    if lexicon::NOT_COUNTED_AFTER.contains(&next) {
        return None;
    }
    // `gần 3 năm phòng, chống dịch`: a number word right after a number is its noun.
    if p.from > 0 && s.toks[p.from - 1].num.is_some() {
        return None;
    }
    // `một` is mostly the article "a": a count only for a span of time (`hơn một tháng`) or
    // after a bound (`chỉ một lớp`, `khoảng một trăm`).
    if w == "một"
        && (lexicon::MOT_NOT_NUMBER_NEXT.contains(&next)
            || !(lexicon::MOT_COUNTED_NEXT.contains(&next)
                || lexicon::BOUND_BEFORE.contains(&prev)))
    {
        return None;
    }
    known_unit(s, p.to)?;
    Some(if w == "một" { 0.6 } else { 0.75 })
}

fn number_in_words(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let p = number_at(s, i)?;
    if !p.special {
        return None;
    }
    // A currency after the number is the money rules' business.
    if lexicon::currency_after(&s.words_from(p.after, 3)).is_some() {
        return None;
    }
    let confidence = if p.words > 0 {
        accept_words(s, &p)?
    } else {
        p.confidence.min(0.9)
    };
    let prev = if p.from > 0 { s.w(p.from - 1) } else { "" };
    let whole = p.value.fract() == 0.0;
    let kind = if prev == "năm" && whole && crate::numbers::is_year(p.value) {
        Kind::Year
    } else if p.decimal {
        Kind::Decimal
    } else {
        Kind::Count
    };
    let mut h = Hit::new(p.from, p.to, kind, Some(p.value), confidence);
    h.wants_unit = kind != Kind::Year;
    if let Some(sc) = p.scale_text {
        // `1,2 triệu người`: the counted noun comes after the scale.
        h.reading.unit = known_unit(s, p.after)
            .map(|n| {
                s.toks[p.after..p.after + n]
                    .iter()
                    .map(|t| t.s)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .or(Some(sc));
    }
    Some(vec![h])
}

fn percent_in_words(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let p = number_at(s, i)?;
    if !(s.w(p.to) == "phần" && s.w(p.to + 1) == "trăm") {
        return None;
    }
    if p.words == 1 && matches!(s.w(p.from), "không") {
        return None;
    }
    let h = Hit::new(p.from, p.to + 2, Kind::Percent, Some(p.value), 0.9);
    Some(vec![h])
}

fn ordinal_in_words(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    // `đầu tiên` (first), but not `đầu tiên của tháng` (a date rule's).
    if s.w(i) == "đầu" && s.w(i + 1) == "tiên" {
        if s.w(i + 2) == "của" {
            return None;
        }
        return Some(vec![Hit::new(i, i + 2, Kind::Ordinal, Some(1.0), 0.8)]);
    }
    if s.w(i) != "thứ" {
        return None;
    }
    let k = i + 1;
    let w = s.w(k);
    // `thứ hai, 15/03/2021`, `thứ hai ngày 6 tháng 2`: a weekday, not an ordinal.
    let next = s.toks.get(k + 1).map_or("", |t| &*t.f);
    let weekday_next =
        lexicon::is_weekday_follower(next) || s.toks.get(k + 1).is_some_and(|t| t.num.is_some());
    // … unless a noun stands before `thứ`: `lớp thứ hai ngày 12` is "the second class".
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    let after_noun =
        s.toks.get(i.wrapping_sub(1)).is_some_and(|t| t.word) && !lexicon::is_weekday_before(prev);
    if weekday_next && !after_noun {
        return None;
    }
    // `thứ mười hai`, `thứ hai mươi`: a number in words.
    if let Some((v, e)) = words_number(s, k).filter(|(_, e)| e - k >= 2) {
        return Some(vec![Hit::new(k, e, Kind::Ordinal, Some(v), 0.85)]);
    }
    let v = lexicon::ordinal_word(w)?;
    Some(vec![Hit::new(
        k,
        k + 1,
        Kind::Ordinal,
        Some(f64::from(v)),
        0.85,
    )])
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::Kind;

    fn read(t: &str) -> Vec<(String, Kind, Option<f64>)> {
        extract(t)
            .into_iter()
            .map(|f| (f.text, f.reading.kind, f.reading.value))
            .collect()
    }

    fn value_of(t: &str) -> Option<f64> {
        let figs = read(t);
        assert_eq!(figs.len(), 1, "{t}: {figs:?}");
        figs[0].2
    }

    #[test]
    fn whole_numbers_in_words() {
        assert_eq!(
            value_of("hai mươi mốt nghìn không trăm mười một"),
            Some(21011.0)
        );
        assert_eq!(
            value_of("bảy trăm hai mươi mốt nghìn không trăm mười hai"),
            Some(721012.0)
        );
        assert_eq!(value_of("ba mươi ba"), Some(33.0));
        assert_eq!(value_of("mười lăm"), Some(15.0));
        assert_eq!(value_of("hai chục"), Some(20.0));
        assert_eq!(value_of("một trăm linh năm"), Some(105.0));
        assert_eq!(value_of("một trăm lẻ một"), Some(101.0));
        assert_eq!(value_of("một trăm rưỡi"), Some(150.0));
        assert_eq!(value_of("hai nghìn rưỡi"), Some(2500.0));
        assert_eq!(value_of("hai trăm ngàn"), Some(200000.0));
        assert_eq!(value_of("một tỉ"), Some(1e9));
        assert_eq!(value_of("một triệu hai trăm nghìn"), Some(1.2e6));
        assert_eq!(value_of("hai mươi tư"), Some(24.0));
        assert_eq!(value_of("trăm"), Some(100.0));
        assert_eq!(value_of("không"), Some(0.0));
    }

    #[test]
    fn decimals_signs_and_suffixes() {
        assert_eq!(value_of("hai phẩy năm"), Some(2.5));
        assert_eq!(value_of("2 chấm 23"), Some(2.23));
        assert_eq!(value_of("một chấm ba"), Some(1.3));
        assert_eq!(value_of("âm 1.200.000"), Some(-1.2e6));
        assert_eq!(value_of("-1200K"), Some(-1.2e6));
        assert_eq!(value_of("- 1.200.000"), Some(-1.2e6));
        assert_eq!(value_of(",77"), Some(0.77));
        assert_eq!(value_of("-,0012G"), Some(-1.2e6));
        assert_eq!(value_of("1,2M"), Some(1.2e6));
        assert_eq!(value_of("100k"), Some(1e5));
    }

    #[test]
    fn counts_in_words_take_their_unit() {
        let f = extract("Huyện đã mở ba lớp bồi dưỡng cho hai mươi lăm cán bộ");
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.reading.value, f.reading.unit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("ba", Some(3.0), Some("lớp")),
                ("hai mươi lăm", Some(25.0), Some("cán bộ"))
            ]
        );
    }

    #[test]
    fn traps_are_not_numbers() {
        for t in [
            "Một số cán bộ chưa đạt chuẩn",
            "làm việc một cách khoa học",
            "là một trong những huyện dẫn đầu",
            "không quá",
            "Quận Ba Đình, huyện Năm Căn, huyện Bảy Núi, quận Hai Bà Trưng",
            "Phòng Tư pháp quán triệt tư tưởng",
            "trong mười năm qua đầu tư hàng trăm tỷ",
            "cả hai bên cùng có lợi",
        ] {
            let figs = read(t);
            assert!(
                figs.iter().all(|f| f.1 == Kind::Count && f.0 == "mười"),
                "{t}: {figs:?}"
            );
        }
        // `Năm 2023`: year, not five.
        assert_eq!(
            read("Năm 2023, huyện"),
            [("2023".into(), Kind::Year, Some(2023.0))]
        );
        // `không quá 7.000 đồng`: `không` is "not".
        assert_eq!(read("không quá 7.000 đồng").len(), 1);
    }

    #[test]
    fn ordinals_in_words_but_not_weekdays() {
        assert_eq!(
            read("lần thứ nhất"),
            [("nhất".into(), Kind::Ordinal, Some(1.0))]
        );
        assert_eq!(
            read("là huyện đầu tiên"),
            [("đầu tiên".into(), Kind::Ordinal, Some(1.0))]
        );
        assert_eq!(read("Đại hội lần thứ mười hai")[0].2, Some(12.0));
        assert!(
            read("Thứ hai, ngày 6 tháng 2")
                .iter()
                .all(|f| f.1 == Kind::Date)
        );
    }

    #[test]
    fn percent_in_words() {
        assert_eq!(
            read("đạt hai mươi phần trăm"),
            [("hai mươi phần trăm".into(), Kind::Percent, Some(20.0))]
        );
    }
}
