//! Amounts of money: a number (digits, words, `10K`, `hai phẩy 23`) with a currency written
//! after it (`đồng`, `triệu đồng`, `đô la`, `€`, `Rupees`) or before it (`$10`, `USD1,23`,
//! `VN$1000`, `Rs. 20`, `£9`), amounts over two units (`2 đô la và 23 xen` = 2.23), and
//! ranges (`1000-2000 đồng`, `từ 1000 đồng đến 2000 đồng`, `giữa 1,1 và 1,3 đô la`).
//!
//! The figure spans the number (and, over two units, up to the hundredths); the currency as
//! written, scale words included (`triệu đồng`), is its unit.

use super::digits::{Digits, Out, reading};
use super::lexicon::{self, Currency};
use super::numbers::{NumP, number_at};
use super::{Hit, Rule, Stream};
use crate::extract::around::{is_change, qualifier_before, unit_after};
use crate::extract::number::parse_grouped;
use crate::model::Kind;

/// The rules of this dimension.
pub const RULES: &[Rule] = &[Rule {
    name: "money (10.000 đồng, $10, 2 đô la và 23 xen, 1000-2000 đồng)",
    apply: money,
}];

/// One amount: the number, its currency, where the figure ends and where the phrase ends.
struct Amount {
    num: NumP,
    currency: Option<(Currency, String)>,
    /// One past the figure's last token.
    fig_to: usize,
    /// One past the phrase (currency and cents words included).
    end: usize,
    value: f64,
}

fn joined(s: &Stream<'_>, from: usize, to: usize) -> String {
    let mut out = String::new();
    for k in from..to {
        if k > from && !s.glued(k) {
            out.push(' ');
        }
        out.push_str(s.toks[k].s);
    }
    out
}

/// The currency written before token `i` (ending at `i - 1`, glued or one space away).
fn currency_before(s: &Stream<'_>, i: usize) -> Option<(Currency, usize)> {
    // Most numbers have no sign or code before them: one look at the word before first.
    if i == 0 || !lexicon::ends_currency_before(&s.toks[i - 1].f) {
        return None;
    }
    let words: Vec<&str> = s
        .toks
        .get(i.saturating_sub(3)..i)?
        .iter()
        .map(|t| &*t.f)
        .collect();
    let (cur, n) = lexicon::currency_before(&words)?;
    // The code must not be the tail of a longer word (`ABCUSD`): it starts a token.
    Some((cur, n))
}

fn amount_at(s: &Stream<'_>, i: usize) -> Option<Amount> {
    // A currency before the number: the rule is tried at the number; look back.
    let before = currency_before(s, i).filter(|(_, n)| {
        let first = i - n;
        // Letters glued to the number must be the whole code (`USD1,23`), not `ABC1`.
        first == 0 || !s.toks[first].word || !s.glued(first)
    });
    let num = number_at(s, i)?;
    // Signs and codes stand before digits (`$10`, `USD 20`), never before words: in `nghìn
    // USD không nghĩ` the `không` is "not".
    let before = before.filter(|_| num.words == 0);
    let mut end = num.after;
    let mut currency = None;
    let unit_from = num.to;
    // `10K$`, `20€`, `20Rs`: a sign or code glued after.
    let after_words = s.words_from(end, 4);
    if let Some((cur, n)) = lexicon::currency_after(&after_words) {
        let symbol_or_glued = s.glued(end) || s.toks[end].word;
        if symbol_or_glued {
            currency = Some((cur, joined(s, unit_from, end + n)));
            end += n;
        }
    }
    if currency.is_none()
        && let Some((cur, n)) = before
    {
        currency = Some((cur, joined(s, i - n, i)));
    }
    let mut value = num.value;
    let mut fig_to = num.to;
    // `2 đô la và 23 xen`, `20 Rupees 43`, `hai đô 23`: hundredths after the unit.
    if let Some((cur, _)) = &currency
        && cur.has_cents
        && num.value.fract() == 0.0
    {
        let mut k = end;
        if s.w(k) == "và" {
            k += 1;
        }
        if let Some(minor) = number_at(s, k)
            && minor.value.fract() == 0.0
            && (0.0..100.0).contains(&minor.value)
            && minor.after == minor.to
        {
            let cents_word = lexicon::currency_after(&s.words_from(minor.to, 2))
                .filter(|(c, _)| *c == lexicon::CENT);
            let ends = s
                .toks
                .get(minor.to)
                .is_none_or(|t| !t.word && t.num.is_none());
            if cents_word.is_some() || ends {
                value += minor.value / 100.0;
                fig_to = minor.to;
                end = minor.to + cents_word.map_or(0, |(_, n)| n);
            }
        }
    }
    Some(Amount {
        num,
        currency,
        fig_to,
        end,
        value,
    })
}

fn money(s: &Stream<'_>, i: usize) -> Option<Vec<Hit>> {
    let first = amount_at(s, i)?;
    // A range: `1000-2000 đồng`, `từ 1000 đồng đến 2000 đồng`, `giữa 1,1 và 1,3 đô la`.
    let connector = s.toks.get(first.end).map_or("", |t| &*t.f);
    let between = i >= 1 && s.w(i - 1) == "giữa"
        || i >= 2 && s.w(i - 2) == "giữa" && currency_before(s, i).is_some();
    let is_connector =
        matches!(connector, "đến" | "tới" | "-" | "–") || (connector == "và" && between);
    if is_connector {
        let mut k = first.end + 1;
        // `VND1000-VND2000`: the second amount's code comes first.
        for len in [2, 1] {
            if let Some((_, n)) = lexicon::currency_before(&s.words_from(k, len))
                && n == len
                && s.toks.get(k + n).is_some_and(|t| t.num.is_some())
            {
                k += n;
                break;
            }
        }
        // `1,15-3,1 triệu đồng`: the scale written once applies to both ends.
        let low = |second: &Amount| {
            if first.num.scale == 1.0 && second.num.scale != 1.0 && first.num.words == 0 {
                first.value * second.num.scale
            } else {
                first.value
            }
        };
        if let Some(second) = amount_at(s, k)
            && (second.currency.is_some() || first.currency.is_some())
            && second.value > low(&second)
        {
            let low = low(&second);
            let mut first = first;
            first.value = low;
            let unit = second
                .currency
                .as_ref()
                .or(first.currency.as_ref())
                .map(|c| c.1.clone());
            if matches!(connector, "-" | "–") && s.glued(first.end) == s.glued(k) {
                // `1000-2000 đồng`: one figure, as `60-70%` is.
                let mut h = Hit::new(
                    i,
                    second.fig_to,
                    Kind::Money,
                    Some(first.value),
                    conf(&first),
                );
                h.reading.value_to = Some(second.value);
                h.reading.unit = unit;
                return Some(vec![h]);
            }
            let mut h1 = Hit::new(
                i,
                first.fig_to,
                Kind::Money,
                Some(first.value),
                conf(&first),
            );
            h1.reading.value_to = Some(second.value);
            h1.reading.unit = first
                .currency
                .as_ref()
                .map(|c| c.1.clone())
                .or(unit.clone());
            let mut h2 = Hit::new(
                k,
                second.fig_to,
                Kind::Money,
                Some(second.value),
                conf(&second),
            );
            h2.reading.unit = unit;
            return Some(vec![h1, h2]);
        }
    }
    let (_, written) = first.currency.as_ref()?;
    let mut h = Hit::new(
        i,
        first.fig_to,
        Kind::Money,
        Some(first.value),
        conf(&first),
    );
    h.reading.unit = Some(match &first.num.scale_text {
        Some(sc) if !written.starts_with(sc.as_str()) => format!("{sc} {written}"),
        _ => written.clone(),
    });
    Some(vec![h])
}

fn conf(a: &Amount) -> f32 {
    if a.num.words > 0 {
        0.85
    } else {
        a.num.confidence.min(0.95)
    }
}

/// Nouns of a sum of money: a number after them with a scale word is an amount even without
/// the currency (`kinh phí 150 triệu`).
const MONEY_NOUNS: [&str; 6] = [
    "kinh phí",
    "ngân sách",
    "chi phí",
    "số tiền",
    "nguồn vốn",
    "tổng vốn",
];

/// A run of digits (see [`super::digits`]) with a scale word after it and a sum of money named
/// a few words before it (`tổng kinh phí là hơn 2,5 tỷ`): money, the scale word its unit.
/// Amounts with a currency (`5 triệu đồng`) are read by [`money`].
pub fn named_before(d: &Digits<'_, '_>) -> Option<Out> {
    let a = d.a;
    let (scale, scale_words) = d.scale();
    if scale_words != 1 || unit_after(&a.after[1..], &a.af[1..]).is_some() {
        return None;
    }
    let clause = a.clause_before();
    let near = clause[clause.len().saturating_sub(5)..].join(" ");
    if !MONEY_NOUNS.iter().any(|w| near.contains(w)) {
        return None;
    }
    let p = parse_grouped(d.s, d.ctx.style, true);
    let mut r = reading(Kind::Money, p.map(|p| p.value * scale));
    r.unit = Some(a.after[0].s.to_string());
    r.qualifier = qualifier_before(a);
    r.change = is_change(a, r.qualifier);
    d.here(r, p.map_or(0.5, |p| p.confidence * 0.9))
}

#[cfg(test)]
mod tests {
    use crate::extract::extract;
    use crate::model::Kind;

    /// Text, value, value_to and unit of a money figure.
    type Read = (String, Option<f64>, Option<f64>, Option<String>);

    fn money(t: &str) -> Vec<Read> {
        extract(t)
            .into_iter()
            .filter(|f| f.reading.kind == Kind::Money)
            .map(|f| (f.text, f.reading.value, f.reading.value_to, f.reading.unit))
            .collect()
    }

    fn value(t: &str) -> f64 {
        let m = money(t);
        assert_eq!(m.len(), 1, "{t}: {m:?}");
        m[0].1.unwrap_or(f64::NAN)
    }

    #[test]
    fn currencies_before_and_after() {
        assert_eq!(value("$10"), 10.0);
        assert_eq!(value("10$"), 10.0);
        assert_eq!(value("USD1,23"), 1.23);
        assert_eq!(value("VN$1000"), 1000.0);
        assert_eq!(value("Rs. 20"), 20.0);
        assert_eq!(value("20Rs"), 20.0);
        assert_eq!(value("£9"), 9.0);
        assert_eq!(value("GBP 3,01"), 3.01);
        assert_eq!(value("10K$"), 10000.0);
        assert_eq!(value("kém hơn 7k đồng"), 7000.0);
        assert_eq!(value("mười đô la"), 10.0);
        assert_eq!(value("chín pounds"), 9.0);
        assert_eq!(value("dưới bảy ngàn đồng"), 7000.0);
    }

    #[test]
    fn amounts_over_two_units() {
        assert_eq!(value("2 đô la và 23 xen"), 2.23);
        assert_eq!(value("hai đô 23"), 2.23);
        assert_eq!(value("20 Rupees 43"), 20.43);
        assert_eq!(value("trên một đô la và 42 xu"), 1.42);
    }

    #[test]
    fn ranges() {
        let m = money("khoảng 1000-2000 đồng");
        assert_eq!(m[0].1, Some(1000.0));
        assert_eq!(m[0].2, Some(2000.0));
        let m = money("từ 1000 đồng đến 2000 đồng");
        assert_eq!((m[0].1, m[1].1), (Some(1000.0), Some(2000.0)));
        let m = money("giữa 1,1 và 1,3 đô la");
        assert_eq!((m[0].1, m[0].2), (Some(1.1), Some(1.3)));
        let m = money("xấp xỉ VND1000-VND2000");
        assert_eq!((m[0].1, m[0].2), (Some(1000.0), Some(2000.0)));
    }

    #[test]
    fn scale_words_go_to_the_unit() {
        let m = money("Kinh phí 350 triệu đồng");
        assert_eq!(
            m,
            [("350".into(), Some(3.5e8), None, Some("triệu đồng".into()))]
        );
        let m = money("hỗ trợ 2,5 tỷ đồng");
        assert_eq!(m[0].1, Some(2.5e9));
    }

    #[test]
    fn comrades_are_not_money() {
        assert!(money("có 5 đồng chí được cử đi học").is_empty());
        assert!(money("xu hướng tăng 5 lần").is_empty());
    }
}
