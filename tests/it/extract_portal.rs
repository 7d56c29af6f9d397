//! The extractor on hand-written articles in the style of other district portals, copied as
//! plain text: page chrome inside the body (captions, breadcrumbs, share lines), the
//! abbreviations officials write for counted nouns, and years that are deadlines.

use solieu::extract::extract;
use solieu::model::{Figure, Kind, Qualifier};

fn find<'a>(figs: &'a [Figure], text: &str, nth: usize) -> &'a Figure {
    figs.iter()
        .filter(|f| f.text == text)
        .nth(nth)
        .unwrap_or_else(|| {
            let all: Vec<&str> = figs.iter().map(|f| f.text.as_str()).collect();
            panic!("no figure {text:?} #{nth}; have {all:?}")
        })
}

/// A page copied from a portal: breadcrumb, headline, dateline, body with two photos and
/// their captions, share buttons. The captions repeat the body's numbers.
const COPIED_PAGE: &str = "\
Trang chủ > Tin tức - Sự kiện > Xây dựng Đảng
Huyện Phú Lương bế giảng lớp trung cấp lý luận chính trị khóa 12
Thứ năm, 14/09/2023 09:12
Trang chủ > Tin tức - Sự kiện > Xây dựng Đảng
Sáng 13/9, Trung tâm Chính trị huyện bế giảng lớp trung cấp lý luận chính trị cho 68 học viên.
Quang cảnh lễ bế giảng lớp 68 học viên. (Ảnh: Minh Anh)
Trong 12 tháng, các học viên đã học 1.200 tiết, 95% học viên đạt loại khá trở lên.
be-giang-lop-trung-cap-2023.jpg
Lãnh đạo huyện trao giấy khen cho 5 học viên xuất sắc
Ảnh 2: 95% học viên đạt loại khá, giỏi
Đồng chí Bí thư Huyện ủy trao giấy khen cho 5 học viên - Ảnh: TTXVN
Chia sẻ | In bài | Bình luận (2)
";

#[test]
fn captions_breadcrumbs_and_share_lines_are_chrome() {
    let figs = extract(COPIED_PAGE);
    // The body's figures are the article's.
    for (text, nth) in [("68", 0), ("12", 1), ("1.200", 0), ("95%", 0)] {
        let f = find(&figs, text, nth);
        assert!(!f.reading.boilerplate, "{text} #{nth}: {f:?}");
    }
    // The caption under the first photo repeats `68 học viên`.
    assert!(find(&figs, "68", 1).reading.boilerplate);
    // The line under the image file, the numbered caption and the credited caption.
    assert!(find(&figs, "5", 0).reading.boilerplate);
    assert!(find(&figs, "95%", 1).reading.boilerplate);
    assert!(find(&figs, "5", 1).reading.boilerplate);
    // `Bình luận (2)`.
    assert!(find(&figs, "2", 1).reading.boilerplate);
}

#[test]
fn a_sentence_about_photos_is_not_a_caption() {
    let figs = extract(
        "Huyện ủy tổ chức hội nghị.\nĐoàn đã chụp ảnh lưu niệm với 120 học viên và trao giấy \
         chứng nhận cho các học viên hoàn thành chương trình.\n",
    );
    assert!(!find(&figs, "120", 0).reading.boilerplate);
}

fn qualifier_of(sentence: &str, text: &str) -> Option<Qualifier> {
    let figs = extract(sentence);
    let f = find(&figs, text, 0);
    assert_eq!(f.reading.kind, Kind::Year, "{sentence}: {f:?}");
    f.reading.qualifier
}

#[test]
fn deadlines_on_years() {
    for (sentence, year) in [
        (
            "Phấn đấu đến năm 2025, 100% cán bộ có trình độ đại học.",
            "2025",
        ),
        (
            "Mục tiêu trước năm 2030 hoàn thành việc chuẩn hóa đội ngũ.",
            "2030",
        ),
        (
            "Huyện phấn đấu đến cuối năm 2025 có 95% xã đạt chuẩn.",
            "2025",
        ),
        ("Mục tiêu chậm nhất là năm 2026 phải hoàn thành.", "2026"),
        ("Năm 2025 phấn đấu kết nạp 120 đảng viên mới.", "2025"),
        ("Năm 2025, mục tiêu của huyện là 100% xã có bác sĩ.", "2025"),
    ] {
        assert_eq!(
            qualifier_of(sentence, year),
            Some(Qualifier::UpTo),
            "{sentence}"
        );
    }
    for (sentence, year) in [
        ("Năm 2023, huyện cử 35 cán bộ đi học.", "2023"),
        ("Trước năm 2020, huyện chỉ có 3 trường đạt chuẩn.", "2020"),
        (
            "Tính từ năm 2016 đến năm 2020, huyện đã cử cán bộ đi học.",
            "2020",
        ),
        ("Năm 2022 huyện có 40 lớp.", "2022"),
    ] {
        assert_eq!(qualifier_of(sentence, year), None, "{sentence}");
    }
}

/// A district report written the way officials abbreviate what they count.
const ABBREVIATED: &str = "\
Toàn huyện hiện có 1.250 CBCC, tr đó 540 nữ; cấp xã có 320 CB, 410 CC và 85 CCVC.
Năm 2023 kết nạp 35 ĐV mới; Trung tâm Chính trị mở 6 lớp với 412 HV, do 15 GV giảng dạy.
Có 12 đồng chí có trình độ CCLLCT, 140 TCLLCT; hội nghị có 250 ng. tham dự.
Kinh phí hỗ trợ mỗi học viên 5 tr đồng.
Khối Đảng có 96 CB, CC; trong năm kết nạp 18 ĐV mới, 2 CB, 45 HV dự lớp.
";

#[test]
fn abbreviated_counted_nouns_are_what_they_abbreviate() {
    let figs = extract(ABBREVIATED);
    for (text, unit) in [
        ("1.250", "cán bộ, công chức"),
        ("540", "nữ"),
        ("320", "cán bộ"),
        ("410", "công chức"),
        ("85", "công chức, viên chức"),
        ("35", "đảng viên mới"),
        ("412", "học viên"),
        ("15", "giáo viên"),
        ("140", "trung cấp lý luận chính trị"),
        ("250", "người"),
        ("96", "cán bộ, công chức"),
        ("18", "đảng viên mới"),
        ("2", "cán bộ"),
        ("45", "học viên"),
    ] {
        let f = find(&figs, text, 0);
        assert_eq!(
            (f.reading.kind, f.reading.unit.as_deref()),
            (Kind::Count, Some(unit)),
            "{text}"
        );
    }
    // `CC` is công chức: never a Roman 200, nor a unit of volume.
    assert!(
        figs.iter().all(|f| f.reading.kind != Kind::Roman),
        "{figs:?}"
    );
    // `5 tr đồng` is five million đồng; `tr đó` (trong đó) is nothing.
    let f = find(&figs, "5", 0);
    assert_eq!((f.reading.kind, f.reading.value), (Kind::Money, Some(5e6)));
}
