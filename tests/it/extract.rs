//! The extractor on hand-written articles that cover every form, qualifier and trap the issue
//! names (not the dev-set articles: those are scored by `../shared/eval/score`).

use solieu::extract::{extract, metadata};
use solieu::model::{Figure, Kind, Qualifier};

/// The figure whose text is `text`, the `nth` such (0-based).
fn fig<'a>(figs: &'a [Figure], text: &str, nth: usize) -> &'a Figure {
    figs.iter()
        .filter(|f| f.text == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no figure {text:?} #{nth}; have {:?}", texts(figs)))
}

fn texts(figs: &[Figure]) -> Vec<&str> {
    figs.iter().map(|f| f.text.as_str()).collect()
}

fn one(sentence: &str, text: &str) -> Figure {
    let figs = extract(sentence);
    fig(&figs, text, 0).clone()
}

fn forms() -> Vec<Figure> {
    extract(include_str!("../fixtures/forms.txt"))
}

#[test]
fn offsets_are_code_points_of_the_text() {
    let text = include_str!("../fixtures/forms.txt");
    let chars: Vec<char> = text.chars().collect();
    for f in extract(text) {
        let s: String = chars[f.start..f.end].iter().collect();
        assert_eq!(s, f.text);
    }
}

#[test]
fn figures_are_in_order_and_disjoint() {
    let figs = forms();
    for w in figs.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{:?} overlaps {:?}",
            w[0].text,
            w[1].text
        );
    }
    let ids: Vec<u64> = figs.iter().map(|f| f.id).collect();
    assert_eq!(ids, (1..=figs.len() as u64).collect::<Vec<_>>());
}

#[test]
fn percentages() {
    let f = one("có 97,2% cán bộ đạt chuẩn", "97,2%");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Percent, Some(97.2))
    );
    let f = one("đạt 100 % kế hoạch", "100 %");
    assert_eq!(f.reading.value, Some(100.0));
    let f = one("chiếm 60-70% tổng số", "60-70%");
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.value_to),
        (Kind::Percent, Some(60.0), Some(70.0))
    );
}

#[test]
fn counts_with_units() {
    let f = one(
        "toàn huyện có hơn 22.400 cán bộ, công chức được cử đi học",
        "22.400",
    );
    assert_eq!(f.reading.kind, Kind::Count);
    assert_eq!(f.reading.value, Some(22400.0));
    assert_eq!(f.reading.qualifier, Some(Qualifier::MoreThan));
    assert_eq!(f.reading.unit.as_deref(), Some("cán bộ, công chức"));
    let f = one("hơn 896 lượt quần chúng được bồi dưỡng", "896");
    assert_eq!(f.reading.unit.as_deref(), Some("lượt"));
    let f = one("từ đầu nhiệm kỳ có 06 đồng chí được luân chuyển", "06");
    assert_eq!(
        (f.reading.value, f.reading.unit.as_deref()),
        (Some(6.0), Some("đồng chí"))
    );
    let f = one(
        "Thị trấn hiện có 18 cán bộ, trong đó có 9 cán bộ có chứng chỉ",
        "18",
    );
    assert_eq!(f.reading.unit.as_deref(), Some("cán bộ"));
    let f = one("gần 2400 lượt học viên tham dự", "2400");
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.qualifier),
        (Kind::Count, Some(2400.0), Some(Qualifier::Nearly))
    );
}

#[test]
fn ratios_dates_and_batches() {
    let f = one("16/172 đồng chí có trình độ sau đại học", "16/172");
    assert_eq!(f.reading.kind, Kind::Ratio);
    assert!((f.reading.value.unwrap_or(0.0) - 16.0 / 172.0).abs() < 1e-12);
    assert_eq!(f.reading.unit.as_deref(), Some("đồng chí"));
    let f = one("Thứ sáu, 22/02/2019", "22/02/2019");
    assert_eq!(
        (f.reading.kind, f.reading.date.as_deref()),
        (Kind::Date, Some("2019-02-22"))
    );
    let f = one("khai giảng ngày 5/9", "5/9");
    assert_eq!(f.reading.date.as_deref(), Some("--09-05"));
    let f = one("trong tháng 3/2020", "3/2020");
    assert_eq!(f.reading.date.as_deref(), Some("2020-03"));
    let f = one("tuyển sinh đợt 1/2020", "1/2020");
    assert_eq!(f.reading.kind, Kind::Other);
    let f = one("khoảng 1/2 số cán bộ", "1/2");
    assert!(f.confidence < 0.8, "1/2 is ambiguous: {f:?}");
    let figs = extract("tổ chức ngày 20 tháng 7 năm 2020 tại hội trường");
    assert_eq!(texts(&figs), ["20 tháng 7 năm 2020"]);
    assert_eq!(figs[0].reading.date.as_deref(), Some("2020-07-20"));
}

#[test]
fn years_and_ranges() {
    let f = one("Năm 2018, Ban Thường vụ chỉ đạo", "2018");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Year, Some(2018.0))
    );
    let f = one("nhiệm kỳ 2015-2020", "2015-2020");
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.value_to),
        (Kind::YearRange, Some(2015.0), Some(2020.0))
    );
    assert_eq!(f.reading.unit.as_deref(), Some("nhiệm kỳ"));
    let f = one(
        "lớp trung cấp khóa học 2018 – 2019 với 69 học viên",
        "2018 – 2019",
    );
    assert_eq!(f.reading.kind, Kind::YearRange);
    let f = one("Mục tiêu phấn đấu đến năm 2025 có 100% cán bộ", "2025");
    assert_eq!(f.reading.qualifier, Some(Qualifier::UpTo));
    let figs = extract("Tính từ năm 2016 đến năm 2020, huyện đã cử cán bộ đi học");
    assert!(
        figs.iter().all(|f| f.reading.qualifier.is_none()),
        "{figs:?}"
    );
    let f = one("Từ 2015 đến nay, cấp ủy đã cử cán bộ", "2015");
    assert_eq!((f.reading.kind, f.reading.qualifier), (Kind::Year, None));
}

#[test]
fn romans_ordinals_and_others() {
    let f = one("Đại hội Đảng bộ huyện lần thứ XX, nhiệm kỳ 2015-2020", "XX");
    assert_eq!((f.reading.kind, f.reading.value), (Kind::Roman, Some(20.0)));
    assert_eq!(f.reading.unit.as_deref(), Some("Đại hội"));
    let f = one("Nghị quyết Trung ương 4 (khoá XII)", "XII");
    assert_eq!((f.reading.kind, f.reading.value), (Kind::Roman, Some(12.0)));
    assert_eq!(
        one("Nghị quyết Trung ương 4 (khoá XII)", "4").reading.kind,
        Kind::Other
    );
    assert_eq!(
        one("thực hiện Chỉ thị 35-CT/TW", "35").reading.kind,
        Kind::Other
    );
    assert_eq!(one("virus SARS-CoV-2", "2").reading.kind, Kind::Other);
    assert_eq!(one("trụ sở tại Quận 1", "1").reading.kind, Kind::Other);
    assert_eq!(one("họp lúc 14h30", "14h30").reading.kind, Kind::Other);
    let f = one("lớp trung cấp khóa 15 khai giảng", "15");
    assert_eq!(f.reading.kind, Kind::Ordinal);
    let figs = extract("4 chương trình (1) Xây dựng; (2) Cải thiện");
    assert_eq!(fig(&figs, "1", 0).reading.kind, Kind::Ordinal);
    assert_eq!(
        fig(&figs, "4", 0).reading.unit.as_deref(),
        Some("chương trình")
    );
    // `quý` keeps its mark on the `y` when folded, so `Quý I` is a Roman numeral; with its
    // year it is one date, the quarter (`2023-Q1`), as `tháng 3/2023` is a month.
    let f = one("Trong quý I/2023, có 5 lớp", "I/2023");
    assert_eq!(
        (f.reading.kind, f.reading.date.as_deref()),
        (Kind::Date, Some("2023-Q1"))
    );
    let f = one("Trong quý I, có 5 lớp", "I");
    assert_eq!((f.reading.kind, f.reading.value), (Kind::Roman, Some(1.0)));
    assert_eq!(f.reading.unit.as_deref(), Some("quý"));
    let f = one("theo Nghị quyết Đại hội XII của Đảng bộ quận", "XII");
    assert_eq!(f.reading.unit.as_deref(), Some("Đại hội"));
    // `K21`: course 21.
    let f = one("bế giảng lớp Trung cấp K21 cho 68 học viên", "21");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Ordinal, Some(21.0))
    );
    assert_eq!(one("dịch COVID-19", "19").reading.kind, Kind::Other);
    // `15 giờ 30 phút`: both numbers tell the time.
    let figs = extract("Hội nghị bắt đầu lúc 15 giờ 30 phút.");
    assert_eq!(fig(&figs, "15", 0).reading.kind, Kind::Other);
    assert_eq!(fig(&figs, "30", 0).reading.kind, Kind::Other);
    // Capitals in a heading are syllables, not Roman numerals.
    assert!(extract("XỬ LÝ VI PHẠM").is_empty());
    assert!(extract("UBND HĐND MTTQ TCLLCT-HC").is_empty());
}

#[test]
fn qualifiers() {
    let q = |s: &str, t: &str| one(s, t).reading.qualifier;
    assert_eq!(
        q("có hơn 656 lượt cán bộ", "656"),
        Some(Qualifier::MoreThan)
    );
    assert_eq!(
        q("trên 90% Phó Trưởng phòng", "90%"),
        Some(Qualifier::MoreThan)
    );
    assert_eq!(q("vượt 5% kế hoạch", "5%"), Some(Qualifier::MoreThan));
    assert_eq!(q("gần 20 lớp bồi dưỡng", "20"), Some(Qualifier::Nearly));
    assert_eq!(q("xấp xỉ 45,5% cán bộ", "45,5%"), Some(Qualifier::Nearly));
    assert_eq!(q("khoảng 300 học viên", "300"), Some(Qualifier::About));
    assert_eq!(q("ít nhất 20 đồng chí", "20"), Some(Qualifier::AtLeast));
    assert_eq!(q("tối thiểu 30 tiết học", "30"), Some(Qualifier::AtLeast));
    assert_eq!(q("đạt từ 99,5% trở lên", "99,5%"), Some(Qualifier::AtLeast));
    assert_eq!(q("có từ 3 năm trở lên", "3"), Some(Qualifier::AtLeast));
    assert_eq!(q("tối đa 5 người mỗi lớp", "5"), Some(Qualifier::UpTo));
    assert_eq!(q("cán bộ dưới 35 tuổi", "35"), Some(Qualifier::UpTo));
    // `trên` and `trở lên` that bound a level, not the number.
    assert_eq!(q("15,3% cán bộ có trình độ trên Đại học", "15,3%"), None);
    assert_eq!(q("100% đạt chuẩn và trên chuẩn", "100%"), None);
    assert_eq!(
        q(
            "60% cán bộ có trình độ trung cấp lý luận chính trị trở lên",
            "60%"
        ),
        None
    );
    assert_eq!(
        q(
            "796 người có trình độ chuyên môn từ cao đẳng trở lên",
            "796"
        ),
        None
    );
}

#[test]
fn changes_are_marked() {
    let figs = extract("đạt chuẩn chuyên môn là 97,2%, tăng 39,4% so với khi mới thành lập huyện");
    assert!(!fig(&figs, "97,2%", 0).reading.change);
    assert!(fig(&figs, "39,4%", 0).reading.change);
    assert!(one("giảm 3 lớp so với năm 2019", "3").reading.change);
    // `vượt … so với chỉ tiêu`: the excess is a change; `đạt 95% so với kế hoạch` is not.
    let f = one("tỷ lệ nữ vượt 1,7% so với chỉ tiêu Nghị quyết", "1,7%");
    assert!(f.reading.change);
    assert_eq!(f.reading.qualifier, Some(Qualifier::MoreThan));
    assert!(!one("đạt 95% so với kế hoạch", "95%").reading.change);
}

#[test]
fn dates_with_dots_and_hyphens_and_lists_of_degrees() {
    let f = one("Ngày 25-3-2023, huyện tổ chức hội nghị", "25-3-2023");
    assert_eq!(
        (f.reading.kind, f.reading.date.as_deref()),
        (Kind::Date, Some("2023-03-25"))
    );
    let f = one("ký ngày 5.7.2023 tại huyện", "5.7.2023");
    assert_eq!(f.reading.date.as_deref(), Some("2023-07-05"));
    // Not a date: a range of years and a phone number.
    assert_eq!(
        one("giai đoạn 2015-2020", "2015-2020").reading.kind,
        Kind::YearRange
    );
    assert_eq!(
        one("gọi 0274.3812.345", "0274.3812.345").reading.kind,
        Kind::Other
    );
    // Each degree has its own number: the units are not joined.
    let figs = extract("Về trình độ: 2 tiến sĩ, thạc sĩ 45 người, đại học 812 người.");
    assert_eq!(fig(&figs, "2", 0).reading.unit.as_deref(), Some("tiến sĩ"));
    assert_eq!(fig(&figs, "45", 0).reading.unit.as_deref(), Some("người"));
    assert_eq!(
        one("có 1.188 công chức, viên chức tham gia", "1.188")
            .reading
            .unit
            .as_deref(),
        Some("công chức, viên chức")
    );
}

#[test]
fn sums_of_money_without_a_currency() {
    let f = one("kinh phí 150 triệu; 1.200.000 đồng/người", "150");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Money, Some(150e6))
    );
    assert_eq!(f.reading.unit.as_deref(), Some("triệu"));
    let f = one("tổng kinh phí là hơn 2,5 tỷ", "2,5");
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.qualifier),
        (Kind::Money, Some(2.5e9), Some(Qualifier::MoreThan))
    );
    // A count in millions stays a count.
    let f = one("có 1,2 triệu lượt người xem", "1,2");
    assert_eq!(f.reading.kind, Kind::Count);
}

#[test]
fn category_numbers_phone_numbers_and_view_counters() {
    let f = one(
        "bồi dưỡng kiến thức quốc phòng - an ninh đối tượng 4 cho 320 học viên",
        "4",
    );
    assert_eq!(f.reading.kind, Kind::Other);
    let figs = extract("Nội dung bài.\n\nĐiện thoại liên hệ 0214 3881 234\n");
    assert_eq!(fig(&figs, "0214", 0).reading.kind, Kind::Other);
    let figs = extract("Huyện mở lớp bồi dưỡng cho cán bộ\n\nCó 5 lớp.\n\nLượt xem: 2.451\n");
    let f = fig(&figs, "2.451", 0);
    assert!(f.reading.boilerplate);
    assert!(!fig(&figs, "5", 0).reading.boilerplate);
}

#[test]
fn spans_of_days_and_ages() {
    // The first day of a span takes the month and year of the last.
    let figs = extract("Từ ngày 12 đến 14/4/2023, huyện mở lớp.");
    let f = fig(&figs, "12", 0);
    assert_eq!(f.reading.kind, Kind::Date);
    assert_eq!(f.reading.date.as_deref(), Some("2023-04-12"));
    assert_eq!(
        fig(&figs, "14/4/2023", 0).reading.date.as_deref(),
        Some("2023-04-14")
    );
    let f = one("trong hai ngày 5 và 6/10 tại hội trường", "5");
    assert_eq!(f.reading.date.as_deref(), Some("--10-05"));
    let f = one("Trong 2 ngày (15 và 16/3), lớp học diễn ra", "15");
    assert_eq!(f.reading.date.as_deref(), Some("--03-15"));
    // `1/3 số xã` is a share, not the first of March.
    let f = one("có 1/3 số xã hoàn thành kế hoạch", "1/3");
    assert_eq!(f.reading.kind, Kind::Ratio);
    assert_eq!(f.reading.unit.as_deref(), Some("xã"));
    // A day number that cannot start the span stays a number.
    assert_eq!(one("ngày 20 đến 14/4/2023", "20").reading.kind, Kind::Count);
    // `từ 30 đến 45 tuổi`: the first number counts years of age too.
    let figs = extract("độ tuổi từ 30 đến 45 tuổi chiếm 62,4%");
    assert_eq!(fig(&figs, "30", 0).reading.unit.as_deref(), Some("tuổi"));
    assert_eq!(fig(&figs, "45", 0).reading.unit.as_deref(), Some("tuổi"));
    assert_eq!(
        one("mở 3 hoặc 4 lớp bồi dưỡng", "3")
            .reading
            .unit
            .as_deref(),
        Some("lớp")
    );
}

#[test]
fn money_and_decimals() {
    let f = one("Kinh phí 350 triệu đồng", "350");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Money, Some(350e6))
    );
    let f = one("tăng gấp 2,5 lần", "2,5");
    assert_eq!(
        (f.reading.kind, f.reading.value),
        (Kind::Decimal, Some(2.5))
    );
    // `đồng chí` is a person, not money.
    assert_eq!(one("có 16 đồng chí", "16").reading.kind, Kind::Count);
}

#[test]
fn number_styles() {
    let text = "Nội dung bài.\n\nThống kê truy cập\nĐang online: 60\nHôm nay: 2240\nTrong tuần: 22,377\nTất cả: 1,902,995";
    let figs = extract(text);
    let f = fig(&figs, "22,377", 0);
    assert_eq!(
        (f.reading.value, f.reading.boilerplate),
        (Some(22377.0), true)
    );
    assert_eq!(fig(&figs, "1,902,995", 0).reading.value, Some(1902995.0));
    assert!(
        figs.iter()
            .all(|f| f.reading.boilerplate && f.reading.kind == Kind::Count)
    );
    // A lone `1.234` is read the Vietnamese way, with less confidence.
    let f = one("có 1.234 người", "1.234");
    assert_eq!(f.reading.value, Some(1234.0));
    assert!(f.confidence < 0.9);
}

#[test]
fn page_chrome_is_boilerplate() {
    let figs = forms();
    assert!(fig(&figs, "2020", 2).reading.boilerplate, "image file name");
    assert!(fig(&figs, "15", 0).reading.boilerplate, "next-article link");
    assert!(
        fig(&figs, "1.234.567", 0).reading.boilerplate,
        "visit counter"
    );
    assert!(fig(&figs, "7", 0).reading.boilerplate, "time zone");
    assert!(!fig(&figs, "12", 0).reading.boilerplate);
    let text = "Kỷ niệm 15 năm thành lập huyện Kỷ niệm 15 năm thành lập huyện\n\nHuyện Đất Đỏ chú trọng đào tạo cán bộ\nSau 15 năm, toàn huyện có hơn 22.400 cán bộ.";
    let figs = extract(text);
    assert!(figs[0].reading.boilerplate && figs[1].reading.boilerplate);
    assert!(!figs[2].reading.boilerplate);
}

#[test]
fn glued_and_invisible_characters() {
    let f = one("có 2400lượt cán bộ", "2400");
    assert_eq!(
        (f.reading.kind, f.reading.unit.as_deref()),
        (Kind::Count, Some("lượt"))
    );
    let figs = extract("tỷ lệ\u{200B}97,2%\u{200F} đạt 😀 15 người");
    assert_eq!(texts(&figs), ["97,2%", "15"]);
}

#[test]
fn article_metadata() {
    let m = metadata(include_str!("../fixtures/forms.txt"));
    assert_eq!(m.district.as_deref(), Some("Krông Bông"));
    assert_eq!(m.province.as_deref(), Some("Đắk Lắk"));
    assert_eq!(m.published.as_deref(), Some("2021-03-15"));
    assert_eq!(
        m.title.as_deref(),
        Some("Huyện Krông Bông đẩy mạnh đào tạo, bồi dưỡng cán bộ")
    );
    let m = metadata("Thị xã Buôn Hồ tổ chức lớp bồi dưỡng cán bộ\n\nNội dung.");
    assert_eq!(m.district.as_deref(), Some("Buôn Hồ"));
    let m = metadata("TX. Sông Cầu mở lớp bồi dưỡng cho cán bộ\n\nNội dung.");
    assert_eq!(m.district.as_deref(), Some("Sông Cầu"));
    // A numbered urban district keeps its prefix (a number alone is no name).
    let m = metadata("Quận 3 tổ chức lớp bồi dưỡng cho cán bộ\n\nNội dung.");
    assert_eq!(m.district.as_deref(), Some("Quận 3"));
    // The portal's banner is neither the headline nor article text.
    let page = "UBND QUẬN 3 - CỔNG THÔNG TIN ĐIỆN TỬ\nQuận 3 bế giảng lớp trung cấp lý luận chính trị\n\nNội dung.";
    let m = metadata(page);
    assert_eq!(
        m.title.as_deref(),
        Some("Quận 3 bế giảng lớp trung cấp lý luận chính trị")
    );
    let figs = extract(page);
    assert!(figs[0].reading.boilerplate);
    assert!(!figs[1].reading.boilerplate);
    // A dateline under the headline; the province written after the district.
    let m = metadata(
        "Huyện Bàu Bàng (Bình Dương) chú trọng đào tạo cán bộ\nNgày 25-3-2023 | 08:15\nNội dung.",
    );
    assert_eq!(m.published.as_deref(), Some("2023-03-25"));
    assert_eq!(m.district.as_deref(), Some("Bàu Bàng"));
    assert_eq!(m.province.as_deref(), Some("Bình Dương"));
    let m = metadata("Huyện Đình Lập, Lạng Sơn mở lớp bồi dưỡng cho cán bộ\n\nNội dung.");
    assert_eq!(m.province.as_deref(), Some("Lạng Sơn"));
    let m = metadata("Quận 3, thành phố Hồ Chí Minh mở lớp bồi dưỡng cán bộ\n\nNội dung.");
    assert_eq!(m.district.as_deref(), Some("Quận 3"));
    assert_eq!(m.province.as_deref(), Some("Hồ Chí Minh"));
    // The province comes from the gazetteer when the text does not name it.
    let m = metadata("Huyện Đất Đỏ, Long Điền mở lớp bồi dưỡng cán bộ\n\nNội dung.");
    assert_eq!(m.province.as_deref(), Some("Bà Rịa - Vũng Tàu"));
}

#[test]
fn context_is_the_sentence() {
    let f = one(
        "Câu trước. Đến nay có 97,2% cán bộ đạt chuẩn chuyên môn. Câu sau.",
        "97,2%",
    );
    assert_eq!(f.context, "Đến nay có 97,2% cán bộ đạt chuẩn chuyên môn.");
}

#[test]
fn nfd_input_gives_the_same_figures_after_normalization() {
    use unicode_normalization::UnicodeNormalization;
    let nfc = include_str!("../fixtures/forms.txt");
    let nfd: String = nfc.nfd().collect();
    let normalized = solieu::text::normalize(&nfd);
    assert_eq!(normalized, solieu::text::normalize(nfc));
    assert_eq!(extract(&normalized), extract(&solieu::text::normalize(nfc)));
}

/// An article in the style of a district portal that writes its numbers in words, with every
/// trap of the issue: names made of number words, `một số`, `không` as "not", `Năm 2023`.
const IN_WORDS: &str = "\
Trang chủ > Tin tức > Xây dựng Đảng
Thứ hai, 06/11/2023 09:15
Huyện Năm Căn tổng kết công tác đào tạo, bồi dưỡng cán bộ năm 2023
Năm 2023, Ban Thường vụ Huyện ủy Năm Căn đã phối hợp mở ba lớp bồi dưỡng cho hai trăm \
mười lăm đảng viên mới; một số cán bộ chưa tham gia vì lý do công tác. Kinh phí thực hiện \
hơn hai phẩy năm tỷ đồng, trong đó mỗi học viên được hỗ trợ không quá 7.000 đồng mỗi ngày. \
Có hai mươi mốt nghìn không trăm mười một lượt người tham gia học tập nghị quyết, tăng mười \
lăm phần trăm so với cùng kỳ. Đoàn công tác của quận Hai Bà Trưng và phường Ba Đình đến \
trao đổi kinh nghiệm; Phòng Tư pháp quán triệt tư tưởng, làm việc một cách khoa học. Huyện \
là một trong những địa phương đầu tiên hoàn thành chỉ tiêu; lớp thứ nhất khai giảng ngày \
mồng 3 tháng ba, lớp thứ hai ngày 12 tháng 10 năm 2023; quý IV/2023 và quý 4 năm 2024 tiếp \
tục mở lớp. Từ ngày 3 đến ngày 5 tháng 4 năm 2024 tổ chức hội nghị. Nhiệm kỳ 2020-2025, \
tỷ lệ nợ xấu âm 1,5 điểm, giá vé từ 1000-2000 đồng, 5 nghìn người, 1,2 triệu lượt.
";

fn in_words() -> Vec<Figure> {
    extract(IN_WORDS)
}

#[test]
fn numbers_in_words_get_every_field() {
    let figs = in_words();
    let f = fig(&figs, "ba", 0);
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.unit.as_deref()),
        (Kind::Count, Some(3.0), Some("lớp"))
    );
    let f = fig(&figs, "hai trăm mười lăm", 0);
    assert_eq!(
        (f.reading.value, f.reading.unit.as_deref()),
        (Some(215.0), Some("đảng viên mới"))
    );
    let f = fig(&figs, "hai phẩy năm tỷ", 0);
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.qualifier),
        (Kind::Money, Some(2.5e9), Some(Qualifier::MoreThan))
    );
    assert_eq!(f.reading.unit.as_deref(), Some("đồng"));
    let f = fig(&figs, "hai mươi mốt nghìn không trăm mười một", 0);
    assert_eq!(
        (f.reading.value, f.reading.unit.as_deref()),
        (Some(21011.0), Some("lượt"))
    );
    let f = fig(&figs, "mười lăm phần trăm", 0);
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.change),
        (Kind::Percent, Some(15.0), true)
    );
    let f = fig(&figs, "7.000", 0);
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.qualifier),
        (Kind::Money, Some(7000.0), Some(Qualifier::UpTo))
    );
    let f = fig(&figs, "âm 1,5", 0);
    assert_eq!(f.reading.value, Some(-1.5));
}

#[test]
fn word_traps_give_no_figure() {
    let figs = in_words();
    for trap in ["Năm", "Hai", "Ba", "một", "không", "Tư", "tư", "Một", "năm"] {
        assert!(
            !figs.iter().any(|f| f.text == trap),
            "{trap:?} read as a number: {:?}",
            texts(&figs)
        );
    }
    // The dateline's weekday is no ordinal; `Năm 2023` is a year.
    assert_eq!(fig(&figs, "2023", 0).reading.kind, Kind::Year);
}

#[test]
fn ordinals_and_dates_in_words() {
    let figs = in_words();
    assert_eq!(fig(&figs, "đầu tiên", 0).reading.value, Some(1.0));
    assert_eq!(fig(&figs, "nhất", 0).reading.kind, Kind::Ordinal);
    // `lớp thứ hai ngày 12 …`: after a noun, `thứ hai` is "second", not Monday.
    assert_eq!(fig(&figs, "hai", 0).reading.value, Some(2.0));
    let f = fig(&figs, "3 tháng ba", 0);
    assert_eq!(f.reading.date.as_deref(), Some("--03-03"));
    let f = fig(&figs, "12 tháng 10 năm 2023", 0);
    assert_eq!(f.reading.date.as_deref(), Some("2023-10-12"));
    let f = fig(&figs, "IV/2023", 0);
    assert_eq!(f.reading.date.as_deref(), Some("2023-Q4"));
    let f = fig(&figs, "4 năm 2024", 0);
    assert_eq!(f.reading.date.as_deref(), Some("2024-Q4"));
    let f = fig(&figs, "3", 0);
    assert_eq!(f.reading.date.as_deref(), Some("2024-04-03"));
    let f = fig(&figs, "2020-2025", 0);
    assert_eq!(f.reading.kind, Kind::YearRange);
}

#[test]
fn mixed_forms_and_money_ranges() {
    let figs = in_words();
    let f = fig(&figs, "1000-2000", 0);
    assert_eq!(
        (f.reading.kind, f.reading.value, f.reading.value_to),
        (Kind::Money, Some(1000.0), Some(2000.0))
    );
    let f = fig(&figs, "5", 0);
    assert_eq!(
        (f.reading.value, f.reading.unit.as_deref()),
        (Some(5000.0), Some("người"))
    );
    let f = fig(&figs, "1,2", 0);
    assert_eq!(f.reading.value, Some(1.2e6));
}

/// The sample articles, eight times over in one text: extraction finishes and finds eight
/// times the figures of one copy (the benchmark `scaling` shows the cost stays linear).
#[test]
fn eight_copies_in_one_document_extract() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    let once: String = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .map(|t| solieu::text::normalize(&t))
        .collect::<Vec<_>>()
        .join("\n\n");
    assert!(!once.is_empty());
    // A blank line between copies, so each copy's lines keep their roles.
    let eight = vec![once.clone(); 8].join("\n\n\n");
    let one = extract(&once).len();
    let all = extract(&eight);
    assert!(one > 50, "{one}");
    assert!(
        all.len() >= 8 * one - 8 && all.len() <= 8 * one + 8,
        "{} figures for 8 copies of {one}",
        all.len()
    );
    for w in all.windows(2) {
        assert!(w[0].end <= w[1].start);
    }
}
