//! The rules for a run of digits (`22.400`, `97,2`, `2018`, `15`), read from the words around
//! it: what one run looks like to every rule ([`Digits`]), what a rule returns ([`Out`]), and
//! the rules in the order they are tried ([`RULES`]): codes and names first (a number glued to
//! letters or naming a document is never a quantity), then dates, ranges, percents, times,
//! ordinals, money named before the number, years, and last the count or decimal with its
//! counted noun, which reads whatever is left.
//!
//! Each rule lives in the file of its kind ([`super::codes`], [`super::dates`],
//! [`super::ranges`], [`super::percent`], [`super::times`], [`super::ordinals`],
//! [`super::money`], [`super::years`], [`super::counts`]); the classifier
//! ([`crate::extract::classify`]) only dispatches.

use std::cell::OnceCell;

use crate::extract::around::{Around, unit_after};
use crate::extract::classify::Ctx;
use crate::extract::page::LineRole;
use crate::extract::scan::{Raw, char_at, char_before};
use crate::extract::words::{Tok, Word};
use crate::model::{Kind, Reading};

/// Scale words after digits (`1,2 triệu`).
pub(crate) const SCALES: &[(&str, f64)] = &[
    ("nghìn", 1e3),
    ("ngàn", 1e3),
    ("triệu", 1e6),
    ("tỷ", 1e9),
    ("tỉ", 1e9),
];

/// A reading, how sure it is, the byte it ends at and how many following runs it swallowed
/// (ranges, long dates); `None` as the reading keeps the run as `other`.
pub type Out = (Option<Reading>, f32, usize, usize);

/// A rule for a run of digits: its name and its test.
pub struct DigitRule {
    /// Short name (tests, README).
    pub name: &'static str,
    /// The reading when the rule applies.
    pub apply: fn(&Digits<'_, '_>) -> Option<Out>,
}

/// The rules in the order they are tried: the first that applies reads the run.
pub const RULES: &[DigitRule] = &[
    DigitRule {
        name: "time zone (GMT+7)",
        apply: super::codes::time_zone,
    },
    DigitRule {
        name: "glued to a name or code (H5N1, COVID-19, K21)",
        apply: super::codes::glued_to_name,
    },
    DigitRule {
        name: "time glued to h (7h30, 15h)",
        apply: super::times::glued_hour,
    },
    DigitRule {
        name: "letters glued after (4G, 3D)",
        apply: super::codes::glued_letters,
    },
    DigitRule {
        name: "document code (35-CT/TW)",
        apply: super::codes::document_code,
    },
    DigitRule {
        name: "dotted or dashed date (25.3.2023, 25-3-2023)",
        apply: super::dates::dotted_or_dashed,
    },
    DigitRule {
        name: "range (2015-2020, 60-70%, 18-35 tuổi)",
        apply: super::ranges::range,
    },
    DigitRule {
        name: "percent (97,2%)",
        apply: super::percent::percent,
    },
    DigitRule {
        name: "hour before giờ (15 giờ 30)",
        apply: super::times::hour,
    },
    DigitRule {
        name: "minutes after giờ (15 giờ 30)",
        apply: super::times::minutes,
    },
    DigitRule {
        name: "first day of a span (từ ngày 12 đến 14/4/2023)",
        apply: super::dates::first_day_of_span,
    },
    DigitRule {
        name: "long date (ngày 22 tháng 2 năm 2019)",
        apply: super::dates::long_date,
    },
    DigitRule {
        name: "name or number of a document or place (Nghị quyết 26, Quận 1)",
        apply: super::codes::name_number,
    },
    DigitRule {
        name: "list enumerator ((1), 1.)",
        apply: super::ordinals::enumerator,
    },
    DigitRule {
        name: "ordinal after its noun (khóa 5, đợt 2, lần thứ 3)",
        apply: super::ordinals::after_noun,
    },
    DigitRule {
        name: "money named before (kinh phí 150 triệu)",
        apply: super::money::named_before,
    },
    DigitRule {
        name: "year (năm 2018, từ 2015 đến nay)",
        apply: super::years::year,
    },
    DigitRule {
        name: "phone number or code (0214 3881 234)",
        apply: super::codes::leading_zero,
    },
    DigitRule {
        name: "unreadable grouping (0251.3822.123)",
        apply: super::codes::unreadable,
    },
    DigitRule {
        name: "decimal (2,5)",
        apply: super::counts::decimal,
    },
    DigitRule {
        name: "count with its counted noun (22.400 cán bộ, công chức)",
        apply: super::counts::count,
    },
];

/// One run of digits and the facts about it that several rules read.
pub struct Digits<'c, 'a> {
    /// The article.
    pub ctx: &'c Ctx<'a>,
    /// Every run of the text.
    pub raws: &'c [Raw],
    /// Which run this is.
    pub i: usize,
    /// The words around it.
    pub a: &'c Around<'a>,
    /// Its line's role.
    pub role: LineRole,
    /// The run.
    pub raw: Raw,
    /// The run as written.
    pub s: &'a str,
    /// The folded word before it, `""` at the start of a paragraph.
    pub prev: &'c str,
    /// The character touching it before.
    pub before_c: Option<char>,
    /// The character touching it after.
    pub after_c: Option<char>,
    /// True for digits only (no `.`/`,` inside).
    pub plain_int: bool,
    /// Where a `%` after it ends (`97,2%`, `100 %`).
    pub pct_end: Option<usize>,
    scale: OnceCell<(f64, usize)>,
    unit: OnceCell<(Option<(String, usize)>, bool)>,
}

impl<'c, 'a> Digits<'c, 'a> {
    /// The run `raws[i]` of the article.
    pub fn new(
        ctx: &'c Ctx<'a>,
        raws: &'c [Raw],
        i: usize,
        a: &'c Around<'a>,
        role: LineRole,
    ) -> Self {
        let text = ctx.text;
        let raw = raws[i];
        let s = &text[raw.start..raw.end];
        Digits {
            ctx,
            raws,
            i,
            a,
            role,
            raw,
            s,
            prev: a.prev().unwrap_or(""),
            before_c: char_before(text, raw.start),
            after_c: char_at(text, raw.end),
            plain_int: s.bytes().all(|b| b.is_ascii_digit()),
            pct_end: super::percent::percent_end(text, raw.end),
            scale: OnceCell::new(),
            unit: OnceCell::new(),
        }
    }

    /// The text.
    pub fn text(&self) -> &'a str {
        self.ctx.text
    }

    /// The reading when the run ends where it is written.
    pub fn here(&self, r: Reading, confidence: f32) -> Option<Out> {
        Some((Some(r), confidence, self.raw.end, 0))
    }

    /// True for four digits that can be a year (1900–2100).
    pub fn as_year(&self) -> bool {
        self.plain_int
            && self.s.len() == 4
            && !self.s.starts_with('0')
            && self.s.parse::<u32>().is_ok_and(crate::numbers::is_year)
    }

    /// The scale word right after the digits (`1,2 triệu`): its factor and how many words it
    /// takes (0 without one).
    pub fn scale(&self) -> (f64, usize) {
        *self.scale.get_or_init(|| {
            SCALES
                .iter()
                .find(|(w, _)| self.a.af.first().is_some_and(|f| f == w))
                .map_or((1.0, 0), |(_, m)| (*m, 1))
        })
    }

    /// The counted noun after the number (and its scale), with how many words it takes, and
    /// whether it was borrowed from the next number (`từ 30 đến 45 tuổi`, `3 hoặc 4 lớp`).
    pub fn unit(&self) -> &(Option<(String, usize)>, bool) {
        self.unit.get_or_init(|| {
            let (_, scale_words) = self.scale();
            let a = self.a;
            let after_scale: &[Tok<'_>] = &a.after[scale_words..];
            let af_scale: &[Word<'_>] = &a.af[scale_words..];
            let unit = unit_after(after_scale, af_scale);
            if unit.is_some() || scale_words != 0 || !self.plain_int {
                return (unit, false);
            }
            // `từ 30 đến 45 tuổi`, `3 hoặc 4 lớp`: the first number counts what the second
            // counts.
            let text = self.text();
            if a.af
                .first()
                .is_some_and(|w| matches!(&**w, "đến" | "tới" | "hoặc"))
                && let Some(next) = self.raws.get(self.i + 1)
                && next.shape == crate::extract::scan::Shape::Digits
                && crate::extract::words::fold(text[self.raw.end..next.start].trim()) == *a.af[0]
            {
                let after2 = crate::extract::words::after(text, next.end);
                let af2 = crate::extract::words::folded(&after2);
                if let Some((u, _)) = unit_after(&after2, &af2) {
                    return (Some((u, 0)), true);
                }
            }
            (None, false)
        })
    }
}

/// A reading of one kind and value.
pub fn reading(kind: Kind, value: Option<f64>) -> Reading {
    let mut r = Reading::new(kind);
    r.value = value;
    r
}

/// The digits of a run as one whole number (`22.400` → 22400).
pub fn int_value(s: &str) -> Option<f64> {
    let d: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    d.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::number::Style;
    use crate::extract::{page, scan};

    /// The name of the first rule that reads `number` in `text`.
    fn first_rule(text: &str, number: &str) -> &'static str {
        let raws = scan::scan(text);
        let lines = page::lines(text);
        let ctx = Ctx {
            text,
            style: Style::Vietnamese,
            lines: &lines,
            published_year: None,
        };
        let Some(i) = raws.iter().position(|r| &text[r.start..r.end] == number) else {
            return "no such number";
        };
        let a = Around::new(text, raws[i].start, raws[i].end);
        let d = Digits::new(&ctx, &raws, i, &a, LineRole::Body);
        RULES
            .iter()
            .find(|r| (r.apply)(&d).is_some())
            .map_or("none", |r| r.name)
    }

    #[test]
    fn each_rule_reads_its_form() {
        for (text, number, rule) in [
            ("Múi giờ GMT+7 tại Hà Nội", "7", "time zone"),
            ("dịch cúm H5N1 lan rộng", "5", "glued to a name"),
            ("lớp K21 khai giảng", "21", "glued to a name"),
            ("lúc 7h30 sáng", "7", "time glued"),
            ("mạng 4G phủ sóng", "4", "letters glued"),
            ("Chỉ thị 35-CT/TW của Ban Bí thư", "35", "document code"),
            ("ngày 25.3.2023 tại huyện", "25.3.2023", "dotted"),
            ("nhiệm kỳ 2015-2020 đã", "2015", "range"),
            ("đạt 97,2% kế hoạch", "97,2", "percent"),
            ("lúc 15 giờ 30 phút", "15", "hour"),
            ("lúc 15 giờ 30 phút", "30", "minutes"),
            ("từ ngày 12 đến 14/4/2023", "12", "first day"),
            ("ngày 22 tháng 2 năm 2019", "22", "long date"),
            ("thực hiện Nghị quyết 26 của", "26", "name or number"),
            ("(1) Đổi mới", "1", "list enumerator"),
            ("học viên khóa 5 đã", "5", "ordinal after"),
            ("tổng kinh phí là 2,5 tỷ", "2,5", "money named"),
            ("Năm 2018, huyện", "2018", "year"),
            ("điện thoại 0214 3881 234", "0214", "phone"),
            ("mã 0251.3822.123 là", "0251.3822.123", "unreadable"),
            ("diện tích 2,5 ha đất", "2,5", "decimal"),
            ("có 22.400 cán bộ, công chức", "22.400", "count"),
        ] {
            let got = first_rule(text, number);
            assert!(got.starts_with(rule), "{text} / {number}: {got}");
        }
        // Every rule has an example above.
        assert_eq!(RULES.len(), 21);
    }
}
