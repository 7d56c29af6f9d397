//! The second pass: what each raw token is (kind, value, qualifier, unit, change, boilerplate).
//! Only the dispatch lives here: a run of digits goes to the first of the digit rules
//! ([`RULES`], one file per kind of number) that reads it, a Roman numeral to
//! [`rules::roman`], a slashed run to [`rules::ratios`], a colon run to [`rules::times`]; the
//! words around a number are read by [`super::around`]. What every figure gets whatever its
//! kind (boilerplate on chrome lines and in web addresses, counters) is set here.

use super::around::{Around, in_url_or_file};
use super::draft::{Ctx, Draft};
use super::number::{Style, parse_grouped};
use super::page::LineRole;
use super::rules::{
    self,
    digits::{Digits, Out, int_value, reading},
};
use super::scan::{Raw, Shape};
use crate::model::{Kind, Reading};

/// A rule for a run of digits: its name and its test.
pub struct DigitRule {
    /// Short name (tests, README).
    pub name: &'static str,
    /// The reading when the rule applies.
    pub apply: fn(&Digits<'_, '_>) -> Option<Out>,
}

/// The rules in the order they are tried: the first that applies reads the run. Codes and
/// names first (a number glued to letters or naming a document is never a quantity), then
/// dates, ranges, percents, times, ordinals, money named before the number, years, and last
/// the count or decimal with its counted noun, which reads whatever is left.
pub const RULES: &[DigitRule] = &[
    DigitRule {
        name: "time zone (GMT+7)",
        apply: rules::codes::time_zone,
    },
    DigitRule {
        name: "glued to a name or code (H5N1, COVID-19, K21)",
        apply: rules::codes::glued_to_name,
    },
    DigitRule {
        name: "time glued to h (7h30, 15h)",
        apply: rules::times::glued_hour,
    },
    DigitRule {
        name: "letters glued after (4G, 3D)",
        apply: rules::codes::glued_letters,
    },
    DigitRule {
        name: "document code (35-CT/TW)",
        apply: rules::codes::document_code,
    },
    DigitRule {
        name: "dotted or dashed date (25.3.2023, 25-3-2023)",
        apply: rules::dates::dotted_or_dashed,
    },
    DigitRule {
        name: "range (2015-2020, 60-70%, 18-35 tuổi)",
        apply: rules::ranges::range,
    },
    DigitRule {
        name: "percent (97,2%)",
        apply: rules::percent::percent,
    },
    DigitRule {
        name: "hour before giờ (15 giờ 30)",
        apply: rules::times::hour,
    },
    DigitRule {
        name: "minutes after giờ (15 giờ 30)",
        apply: rules::times::minutes,
    },
    DigitRule {
        name: "first day of a span (từ ngày 12 đến 14/4/2023)",
        apply: rules::dates::first_day_of_span,
    },
    DigitRule {
        name: "long date (ngày 22 tháng 2 năm 2019)",
        apply: rules::dates::long_date,
    },
    DigitRule {
        name: "name or number of a document or place (Nghị quyết 26, Quận 1)",
        apply: rules::codes::name_number,
    },
    DigitRule {
        name: "list enumerator ((1), 1.)",
        apply: rules::ordinals::enumerator,
    },
    DigitRule {
        name: "ordinal after its noun (khóa 5, đợt 2, lần thứ 3)",
        apply: rules::ordinals::after_noun,
    },
    DigitRule {
        name: "money named before (kinh phí 150 triệu)",
        apply: rules::money::named_before,
    },
    DigitRule {
        name: "year (năm 2018, từ 2015 đến nay)",
        apply: rules::years::year,
    },
    DigitRule {
        name: "phone number or code (0214 3881 234)",
        apply: rules::codes::leading_zero,
    },
    DigitRule {
        name: "unreadable grouping (0251.3822.123)",
        apply: rules::codes::unreadable,
    },
    DigitRule {
        name: "decimal (2,5)",
        apply: rules::counts::decimal,
    },
    DigitRule {
        name: "count with its counted noun (22.400 cán bộ, công chức)",
        apply: rules::counts::count,
    },
];

/// Classifies the raw token `raws[i]`; returns the draft and how many following raw tokens it
/// swallowed (ranges, long dates).
/// `None` for a word that only looks like a Roman numeral.
pub fn classify(ctx: &Ctx<'_>, raws: &[Raw], i: usize, role: LineRole) -> Option<(Draft, usize)> {
    let raw = raws[i];
    let text = ctx.text;
    let s = &text[raw.start..raw.end];
    let around = Around::new(text, raw.start, raw.end);
    let mut consumed = 0;
    let mut end = raw.end;
    let mut confidence = 0.95f32;

    let mut r = match raw.shape {
        Shape::Roman(v) => rules::roman::roman(s, v, &around),
        Shape::Colon => rules::times::colon(s),
        Shape::Slash => {
            let (r, c) = rules::ratios::slash(ctx, s, raw, &around);
            confidence = c;
            r
        }
        Shape::Digits => {
            let (r, c, e, n) = classify_digits(ctx, raws, i, &around, role);
            confidence = c;
            end = e;
            consumed = n;
            r
        }
    };
    let Some(mut rd) = r.take() else {
        if matches!(raw.shape, Shape::Roman(_)) {
            // Capital letters that only look like a Roman numeral.
            return None;
        }
        // Digits the rules do not understand: kept, as `other`, so nothing is silently lost.
        return Some((
            Draft {
                start: raw.start,
                end: raw.end,
                reading: reading(Kind::Other, int_value(s)),
                confidence: 0.5,
            },
            0,
        ));
    };
    if role == LineRole::Chrome
        || role == LineRole::Counter
        || in_url_or_file(text, raw.start, raw.end)
    {
        rd.boilerplate = true;
    }
    if role == LineRole::Counter && matches!(raw.shape, Shape::Digits) {
        rd.kind = Kind::Count;
        rd.unit = None;
        rd.qualifier = None;
        rd.value = parse_grouped(s, Style::English, false).map(|p| p.value);
        consumed = 0;
        end = raw.end;
    }
    Some((
        Draft {
            start: raw.start,
            end,
            reading: rd,
            confidence,
        },
        consumed,
    ))
}

/// A run of digits: the first of [`RULES`] that reads it; returns the reading,
/// the confidence, the end byte and the raw tokens swallowed.
fn classify_digits(
    ctx: &Ctx<'_>,
    raws: &[Raw],
    i: usize,
    a: &Around<'_>,
    role: LineRole,
) -> (Option<Reading>, f32, usize, usize) {
    let d = Digits::new(ctx, raws, i, a, role);
    let raw = raws[i];
    RULES.iter().find_map(|rule| (rule.apply)(&d)).unwrap_or((
        Some(reading(Kind::Other, None)),
        0.6,
        raw.end,
        0,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
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
