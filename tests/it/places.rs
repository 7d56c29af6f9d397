//! Places of articles about several units (issue 10): the article has no single place and each
//! figure gets the unit its sentence, or its paragraph heading, names. Hand-written articles in
//! the style of provincial and district portals, read through the one pipeline.

use solieu::model::Article;
use solieu::pipeline::Pipeline;

fn read(text: &str) -> Article {
    let loaded = solieu::load::LoadedText {
        text: text.into(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    Pipeline::builtin().analyze("bai.txt", loaded)
}

/// The place of the `nth` figure written `text`.
fn place_of<'a>(a: &'a Article, text: &str, nth: usize) -> Option<&'a str> {
    let f = a
        .figures
        .iter()
        .filter(|f| f.text == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no figure {text:?} #{nth} in {:?}", a.figures));
    f.place.as_deref()
}

#[test]
fn one_sentence_names_several_districts() {
    let a = read(
        "Lạng Sơn: kết quả bồi dưỡng cán bộ, công chức cấp xã năm 2023\n\n\
         Thứ Hai, 15/01/2024\n\n\
         Năm 2023, toàn tỉnh mở 120 lớp bồi dưỡng cho 6.500 lượt cán bộ, công chức cấp xã. \
         Tỷ lệ cán bộ cấp xã đạt chuẩn của huyện Đình Lập đạt 95%, huyện Lộc Bình 90%, \
         huyện Cao Lộc 88,5%.",
    );
    assert_eq!(a.district, None, "no single place");
    assert_eq!(a.province.as_deref(), Some("Lạng Sơn"));
    assert_eq!(place_of(&a, "95%", 0), Some("Đình Lập"));
    assert_eq!(place_of(&a, "90%", 0), Some("Lộc Bình"));
    assert_eq!(place_of(&a, "88,5%", 0), Some("Cao Lộc"));
    // Province-wide figures have no place of their own.
    assert_eq!(place_of(&a, "6.500", 0), None);
    assert_eq!(
        solieu::places::figure_places(&a),
        vec!["Đình Lập", "Lộc Bình", "Cao Lộc"]
    );
}

#[test]
fn a_list_by_unit() {
    let a = read(
        "Kết quả đào tạo, bồi dưỡng cán bộ các huyện năm 2022\n\n\
         Ngày đăng: 10/01/2023\n\n\
         Theo báo cáo của Ban Tổ chức Tỉnh ủy, kết quả cụ thể như sau:\n\
         - Huyện Tân Lạc: mở 12 lớp, 350 lượt cán bộ tham gia.\n\
         - Huyện Lạc Sơn: mở 9 lớp, 280 lượt cán bộ tham gia.\n\
         - Huyện Mai Châu: mở 7 lớp, 190 lượt cán bộ tham gia.\n",
    );
    assert_eq!(a.district, None);
    assert_eq!(
        a.province.as_deref(),
        Some("Hoà Bình"),
        "every unit is in it"
    );
    assert_eq!(place_of(&a, "350", 0), Some("Tân Lạc"));
    assert_eq!(place_of(&a, "9", 0), Some("Lạc Sơn"));
    assert_eq!(place_of(&a, "190", 0), Some("Mai Châu"));
}

#[test]
fn a_province_wide_article_with_a_heading_per_district() {
    let a = read(
        "Tỉnh Bắc Kạn tổng kết công tác bồi dưỡng cán bộ năm 2023\n\n\
         Thứ Sáu, 29/12/2023\n\n\
         Năm 2023, toàn tỉnh có 4.200 lượt cán bộ được bồi dưỡng.\n\n\
         1. Huyện Ba Bể\n\n\
         Huyện mở 15 lớp cho 620 học viên. Trong đó 98% học viên đạt loại khá trở lên.\n\n\
         2. Huyện Chợ Đồn\n\n\
         Mở 11 lớp cho 540 học viên; 96,5% hoàn thành chương trình.\n",
    );
    assert_eq!(a.district, None);
    assert_eq!(a.province.as_deref(), Some("Bắc Kạn"));
    assert_eq!(a.province_2025.as_deref(), Some("Thái Nguyên"));
    assert_eq!(place_of(&a, "4.200", 0), None, "the whole province");
    assert_eq!(place_of(&a, "620", 0), Some("Ba Bể"));
    assert_eq!(
        place_of(&a, "98%", 0),
        Some("Ba Bể"),
        "earlier in the paragraph"
    );
    assert_eq!(place_of(&a, "540", 0), Some("Chợ Đồn"), "from the heading");
    assert_eq!(place_of(&a, "96,5%", 0), Some("Chợ Đồn"));
}

#[test]
fn the_unit_may_follow_the_figure() {
    let a = read(
        "Nhiều địa phương làm tốt công tác đào tạo cán bộ\n\n\
         Ngày 12/5/2023\n\n\
         Có 97,2% cán bộ của huyện Đình Lập đạt chuẩn. Có 91% cán bộ của huyện Văn Quan đạt \
         chuẩn.",
    );
    assert_eq!(a.district, None);
    assert_eq!(place_of(&a, "97,2%", 0), Some("Đình Lập"));
    assert_eq!(place_of(&a, "91%", 0), Some("Văn Quan"));
}

#[test]
fn an_article_about_one_district_keeps_it() {
    // A comparison with a neighbour does not make an article about several places.
    let a = read(
        "Huyện Đình Lập coi trọng đào tạo, bồi dưỡng cán bộ\n\n\
         Thứ Sáu, 22/02/2019\n\n\
         Năm 2018, huyện Đình Lập mở 26 lớp cho 1.450 lượt cán bộ; 97,2% cán bộ cấp xã đạt \
         chuẩn, cao hơn huyện Lộc Bình (90%).",
    );
    assert_eq!(a.district.as_deref(), Some("Đình Lập"));
    assert!(a.figures.iter().all(|f| f.place.is_none()));
    // Nor does one district named far more than another when the headline names none.
    let a = read(
        "Kết quả bồi dưỡng cán bộ năm 2018\n\n\
         Thứ Sáu, 22/02/2019\n\n\
         Huyện Đình Lập mở 26 lớp cho 1.450 lượt cán bộ. Huyện Đình Lập có 97,2% cán bộ đạt \
         chuẩn, 85% có trình độ đại học. Huyện Đình Lập cử 40 cán bộ đi học, nhiều hơn huyện \
         Lộc Bình (30 cán bộ).",
    );
    assert_eq!(a.district.as_deref(), Some("Đình Lập"));
    assert!(a.figures.iter().all(|f| f.place.is_none()));
}

#[test]
fn after_the_reform_several_wards() {
    let a = read(
        "Phú Thọ: các xã, phường bồi dưỡng cán bộ sau sắp xếp\n\n\
         Thứ Hai, 15/09/2025\n\n\
         Phường Việt Trì mở 8 lớp cho 400 cán bộ; phường Phong Châu mở 5 lớp cho 210 cán bộ.",
    );
    assert_eq!(a.district, None);
    assert_eq!(a.province_2025.as_deref(), Some("Phú Thọ"));
    assert_eq!(place_of(&a, "400", 0), Some("phường Việt Trì"));
    assert_eq!(place_of(&a, "210", 0), Some("phường Phong Châu"));
}

#[test]
fn the_comparison_groups_a_figure_by_its_own_place() {
    let mut several = read(
        "Lạng Sơn: kết quả bồi dưỡng cán bộ năm 2023\n\n\
         Thứ Hai, 15/01/2024\n\n\
         Tỷ lệ cán bộ cấp xã đạt chuẩn của huyện Đình Lập đạt 95%, huyện Lộc Bình 90%.",
    );
    let mut one = read(
        "Huyện Cao Lộc bồi dưỡng cán bộ\n\nThứ Hai, 15/01/2024\n\nHuyện Cao Lộc có 88% cán bộ \
         cấp xã đạt chuẩn.",
    );
    for a in [&mut several, &mut one] {
        for f in &mut a.figures {
            if f.reading.kind == solieu::model::Kind::Percent {
                f.reading.indicator = Some("thu".into());
            }
        }
    }
    let articles = vec![several, one];
    let c = solieu::compare::table(&articles, "thu");
    let by: Vec<(Option<&str>, Option<f64>)> = c
        .rows
        .iter()
        .map(|r| (r.district.as_deref(), r.value))
        .collect();
    assert_eq!(
        by,
        vec![
            (Some("Cao Lộc"), Some(88.0)),
            (Some("Đình Lập"), Some(95.0)),
            (Some("Lộc Bình"), Some(90.0)),
        ]
    );
    assert_eq!(
        solieu::compare::districts(&articles),
        vec!["Cao Lộc", "Đình Lập", "Lộc Bình"]
    );
    // The CSV carries the figure's place.
    let csv = solieu::export::to_csv(&articles);
    let mut r = csv::Reader::from_reader(&csv[3..]);
    let place_col = solieu::export::CSV_HEADER
        .iter()
        .position(|h| *h == "place")
        .expect("place column");
    let places: Vec<String> = r
        .records()
        .filter_map(Result::ok)
        .filter(|row| row.get(4) == Some("90%"))
        .filter_map(|row| row.get(place_col).map(String::from))
        .collect();
    assert_eq!(places, vec!["Lộc Bình"]);
}

#[test]
fn a_plural_prefix_lists_units_and_respectively_maps_them() {
    let a = read(
        "Kết quả bồi dưỡng cán bộ cấp xã năm 2023\n\n\
         Thứ Hai, 15/01/2024\n\n\
         Tỷ lệ cán bộ cấp xã đạt chuẩn của các huyện Đình Lập, Lộc Bình và Cao Lộc lần lượt \
         là 95%, 90% và 88%.",
    );
    assert_eq!(a.district, None);
    assert_eq!(a.province.as_deref(), Some("Lạng Sơn"));
    assert_eq!(place_of(&a, "95%", 0), Some("Đình Lập"));
    assert_eq!(place_of(&a, "90%", 0), Some("Lộc Bình"));
    assert_eq!(place_of(&a, "88%", 0), Some("Cao Lộc"));
    // Names alone after the units were introduced.
    let a = read(
        "Kết quả bồi dưỡng cán bộ cấp xã năm 2023\n\n\
         Thứ Hai, 15/01/2024\n\n\
         Trong các huyện của tỉnh Lạng Sơn, Đình Lập có 95% cán bộ cấp xã đạt chuẩn, Lộc Bình \
         có 90%, Văn Quan có 86%.",
    );
    assert_eq!(a.district, None);
    assert_eq!(place_of(&a, "95%", 0), Some("Đình Lập"));
    assert_eq!(place_of(&a, "90%", 0), Some("Lộc Bình"));
    assert_eq!(place_of(&a, "86%", 0), Some("Văn Quan"));
    // After the reform: a list of wards.
    let a = read(
        "Các phường bồi dưỡng cán bộ sau sắp xếp\n\n\
         Thứ Hai, 15/09/2025\n\n\
         Các phường Việt Trì, Phong Châu tương ứng mở 8 và 5 lớp.",
    );
    assert_eq!(a.district, None);
    assert_eq!(place_of(&a, "8", 0), Some("phường Việt Trì"));
    assert_eq!(place_of(&a, "5", 0), Some("phường Phong Châu"));
}

#[test]
fn one_unit_with_a_long_paragraph_does_not_make_the_article_its_own() {
    let a = read(
        "Kết quả bồi dưỡng cán bộ cấp xã năm 2023\n\n\
         Thứ Hai, 15/01/2024\n\n\
         Tỷ lệ cán bộ cấp xã đạt chuẩn của các huyện Đình Lập, Lộc Bình và Cao Lộc lần lượt \
         là 95%, 90% và 88%.\n\n\
         1. Huyện Văn Quan\n\n\
         Mở 11 lớp cho 540 học viên; 96,5% hoàn thành chương trình.\n",
    );
    assert_eq!(a.district, None);
    assert_eq!(place_of(&a, "88%", 0), Some("Cao Lộc"));
    assert_eq!(place_of(&a, "540", 0), Some("Văn Quan"));
}
