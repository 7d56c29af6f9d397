//! Indicator catalogue and assignment, on crafted text and on the sample articles.

mod common;

use common::{analyzed, sample_path};

use solieu::analyze::analyze;
use solieu::indicators::{
    Catalogue, Indicator, IndicatorKind, assign, builtin_indicators, parse_catalogue,
};
use solieu::load::{LoadedText, load_file};
use solieu::model::{Article, Figure, Kind, Qualifier, Reading, Status};

/// One crafted figure: (substring, occurrence among whole-number matches, kind, value, unit,
/// change).
type Spec<'a> = (&'a str, usize, Kind, f64, Option<&'a str>, bool);

/// Builds figures directly from the text (independent of the extractor) and assigns.
fn with_figures(mut a: Article, specs: &[Spec<'_>]) -> Article {
    let text = a.text.clone();
    a.figures = specs
        .iter()
        .enumerate()
        .map(|(k, &(s, occ, kind, value, unit, change))| {
            let b0 = text
                .match_indices(s)
                .map(|(i, _)| i)
                .filter(|&i| {
                    let before = text[..i].chars().next_back();
                    let after = text[i + s.len()..].chars().next();
                    !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '/')
                        && !after.is_some_and(|c| c.is_ascii_digit() || c == '/')
                })
                .nth(occ)
                .unwrap_or_else(|| panic!("{s} #{occ} not in {}", a.path));
            let b1 = b0 + s.len();
            let mut reading = Reading::new(kind);
            reading.value = Some(value);
            reading.unit = unit.map(str::to_string);
            reading.change = change;
            common::figure_at(&text, b0, b1, k as u64 + 1, reading)
        })
        .collect();
    a.figures.sort_by_key(|f| f.start);
    for (k, f) in a.figures.iter_mut().enumerate() {
        f.id = k as u64 + 1;
    }
    assign(&mut a, &Catalogue::builtin());
    a
}

/// A sample's text and metadata (through the loader and `analyze`) with crafted figures.
fn crafted(prefix: &str, specs: &[Spec<'_>]) -> Article {
    let p = sample_path(prefix);
    let loaded = load_file(&p).unwrap_or_else(|e| panic!("{e}"));
    with_figures(analyze(&p.to_string_lossy(), loaded), specs)
}

/// A made-up article.
fn text_article(text: &str, published: Option<&str>, specs: &[Spec<'_>]) -> Article {
    let loaded = LoadedText {
        text: text.to_string(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let mut a = analyze("crafted.txt", loaded);
    a.published = published.map(str::to_string);
    with_figures(a, specs)
}

fn ind_of<'a>(a: &'a Article, text: &str, occ: usize) -> Option<&'a str> {
    a.figures
        .iter()
        .filter(|f| f.text == text)
        .nth(occ)
        .unwrap_or_else(|| panic!("figure {text} #{occ} missing in {}", a.path))
        .reading
        .indicator
        .as_deref()
}

fn fig<'a>(a: &'a Article, text: &str, occ: usize) -> &'a Figure {
    a.figures
        .iter()
        .filter(|f| f.text == text)
        .nth(occ)
        .unwrap_or_else(|| panic!("figure {text} #{occ} missing in {}", a.path))
}

const P: Kind = Kind::Percent;
const C: Kind = Kind::Count;
const R: Kind = Kind::Ratio;

// ----- catalogue ------------------------------------------------------------------------------

#[test]
fn builtin_catalogue_is_valid_and_rich() {
    let inds = builtin_indicators().unwrap_or_else(|e| panic!("{e}"));
    assert!(inds.len() >= 15, "{} indicators", inds.len());
    let mut ids = std::collections::HashSet::new();
    for i in &inds {
        assert!(ids.insert(i.id.clone()), "duplicate {}", i.id);
        assert!(i.validate().is_ok(), "{}", i.id);
        assert!(!i.name.is_empty() && !i.name_en.is_empty(), "{}", i.id);
        assert!(!i.phrases.is_empty(), "{} has no phrases", i.id);
        assert!(!i.unit.is_empty(), "{}", i.id);
    }
    let cat = Catalogue::builtin();
    assert_eq!(cat.indicators().len(), inds.len());
    for id in [
        "standard_professional",
        "standard_political",
        "degree_university",
        "degree_postgraduate",
        "llct_intermediate_share",
        "llct_advanced_share",
        "learners_llct_elementary",
        "learners_llct_intermediate",
        "learners_llct_advanced",
        "training_attendances",
        "training_classes",
        "rotation",
        "it_certificate",
        "foreign_language",
        "duty_completion",
        "state_management",
        "professional_training",
        "party_members",
        "planning",
    ] {
        assert!(cat.get(id).is_some(), "{id} missing");
    }
}

#[test]
fn rejects_bad_catalogues() {
    assert!(parse_catalogue("{").is_err());
    let bad_id = r#"{"format":"solieu-indicators","version":1,"indicators":[
        {"id":"Bad Id","name":"x","kind":"percent"}]}"#;
    assert!(parse_catalogue(bad_id).is_err());
    let dup = r#"{"format":"solieu-indicators","version":1,"indicators":[
        {"id":"a","name":"x","kind":"percent"},{"id":"a","name":"y","kind":"count"}]}"#;
    assert!(parse_catalogue(dup).is_err());
    let mut cat = Catalogue::builtin();
    assert!(
        cat.add(Indicator::new(
            "Có dấu",
            "Tên",
            IndicatorKind::Count,
            "người"
        ))
        .is_err()
    );
    assert!(
        cat.add(Indicator::new(
            "no_name",
            " ",
            IndicatorKind::Count,
            "người"
        ))
        .is_err()
    );
}

#[test]
fn user_copy_overrides_extends_and_saves_atomically() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // No user copy: the built-in catalogue.
    let (cat, err) = Catalogue::load_from_dir(dir.path());
    assert!(err.is_none());
    assert_eq!(
        cat.indicators().len(),
        Catalogue::builtin().indicators().len()
    );

    // A user copy overriding one indicator and adding another.
    let user = r#"{"format":"solieu-indicators","version":1,"indicators":[
        {"id":"standard_professional","name":"Đạt chuẩn CM (sửa)","name_en":"Prof. standard",
         "kind":"percent","unit":"%","phrases":["đạt chuẩn chuyên môn"]},
        {"id":"women_leaders","name":"Tỷ lệ nữ lãnh đạo","name_en":"Women leaders",
         "kind":"percent","unit":"%","phrases":["nữ lãnh đạo"]}]}"#;
    std::fs::write(dir.path().join("indicators.json"), user).unwrap_or_else(|e| panic!("{e}"));
    let (mut cat, err) = Catalogue::load_from_dir(dir.path());
    assert!(err.is_none(), "{err:?}");
    let builtin_n = Catalogue::builtin().indicators().len();
    assert_eq!(cat.indicators().len(), builtin_n + 1);
    assert_eq!(
        cat.get("standard_professional").map(|i| i.name.as_str()),
        Some("Đạt chuẩn CM (sửa)")
    );
    assert!(cat.get("women_leaders").is_some());

    // An indicator created in the UI, saved and read back.
    let mut ind = Indicator::new(
        "cadres_sent_abroad",
        "Số cán bộ đi học nước ngoài",
        IndicatorKind::Count,
        "người",
    );
    ind.phrases = vec!["học ở nước ngoài".into()];
    cat.add(ind).unwrap_or_else(|e| panic!("{e}"));
    let path = cat
        .save_to_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(path, dir.path().join("indicators.json"));
    let (again, err) = Catalogue::load_from_dir(dir.path());
    assert!(err.is_none());
    assert_eq!(again.indicators().len(), builtin_n + 2);
    assert_eq!(again.user_indicators().len(), 3);
    assert!(again.get("cadres_sent_abroad").is_some());
    // The saved file holds only the user's indicators, and no temporary file is left.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["indicators.json"]);

    // The new indicator is used for assignment.
    let a = {
        let text = "Năm 2020, huyện cử 7 cán bộ đi học ở nước ngoài.";
        let loaded = LoadedText {
            text: text.into(),
            encoding: "utf-8".into(),
            ..Default::default()
        };
        let mut a = analyze("x.txt", loaded);
        a.figures.retain(|f| f.text == "7");
        assign(&mut a, &again);
        a
    };
    if let Some(f) = a.figures.first() {
        assert_eq!(f.reading.indicator.as_deref(), Some("cadres_sent_abroad"));
    }

    // Reverting the override brings the built-in one back.
    let mut again = again;
    assert!(again.remove_user("standard_professional"));
    assert_ne!(
        again.get("standard_professional").map(|i| i.name.as_str()),
        Some("Đạt chuẩn CM (sửa)")
    );

    // A broken user copy is reported and the built-in catalogue is used.
    std::fs::write(dir.path().join("indicators.json"), "{ not json")
        .unwrap_or_else(|e| panic!("{e}"));
    let (cat, err) = Catalogue::load_from_dir(dir.path());
    assert!(err.is_some());
    assert_eq!(cat.indicators().len(), builtin_n);
}

// ----- assignment on crafted figures of the samples (independent of the extractor) ------------

#[test]
fn sample_000_standards() {
    let a = crafted(
        "000",
        &[
            ("22.400", 0, C, 22400.0, Some("cán bộ, công chức"), false),
            ("97,2%", 0, P, 97.2, None, false),
            ("39,4%", 0, P, 39.4, None, true),
            ("91,4%", 0, P, 91.4, None, false),
            ("97,53%", 0, P, 97.53, None, false),
            ("35,5%", 0, P, 35.5, None, true),
        ],
    );
    assert_eq!(ind_of(&a, "97,2%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "91,4%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "97,53%", 0), Some("standard_political"));
    // A change right after a level is about the same indicator.
    assert_eq!(ind_of(&a, "39,4%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "35,5%", 0), Some("standard_political"));
    assert!(fig(&a, "97,2%", 0).indicator_confidence >= 0.5);
}

#[test]
fn sample_001_learners_classes_attendances() {
    let a = crafted(
        "001",
        &[
            ("2018", 0, Kind::Year, 2018.0, None, false),
            ("69", 0, C, 69.0, Some("học viên"), false),
            ("26", 0, C, 26.0, Some("học viên"), false),
            ("68", 0, C, 68.0, Some("học viên"), false),
            ("41", 0, C, 41.0, Some("học viên"), false),
            ("18", 0, C, 18.0, Some("cán bộ"), false),
            ("9", 0, C, 9.0, Some("cán bộ"), false),
            ("4", 0, C, 4.0, Some("cán bộ"), false),
            ("4", 1, C, 4.0, Some("cán bộ"), false),
            ("12", 0, C, 12.0, Some("cán bộ, công chức"), false),
            ("20", 0, C, 20.0, Some("lớp"), false),
            ("900", 0, C, 900.0, Some("lượt"), false),
            ("1.188", 0, C, 1188.0, Some("công chức, viên chức"), false),
            ("796", 0, C, 796.0, Some("người"), false),
        ],
    );
    assert_eq!(ind_of(&a, "69", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "68", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "26", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "41", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "4", 1), Some("learners_llct_advanced"));
    assert_eq!(ind_of(&a, "12", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "20", 0), Some("training_classes"));
    assert_eq!(ind_of(&a, "900", 0), Some("training_attendances"));
    // Holders of a certificate are not learners; a total is not a measure; a year is nothing.
    assert_eq!(ind_of(&a, "9", 0), None);
    assert_eq!(ind_of(&a, "18", 0), None);
    assert_eq!(ind_of(&a, "1.188", 0), None);
    assert_eq!(ind_of(&a, "2018", 0), None);
    assert_eq!(fig(&a, "2018", 0).indicator_confidence, 0.0);
    // Years: "Năm 2018, …", "trong năm 2017", "Từ năm 2017 đến nay" (published 2019).
    assert_eq!(fig(&a, "69", 0).reading.year, Some(2018));
    assert_eq!(fig(&a, "26", 0).reading.year, Some(2018));
    assert_eq!(fig(&a, "68", 0).reading.year, Some(2017));
    assert_eq!(fig(&a, "41", 0).reading.year, Some(2017));
    assert_eq!(fig(&a, "12", 0).reading.year, Some(2019));
    assert!(!fig(&a, "69", 0).reading.target);
}

#[test]
fn sample_002_learners_and_ratios() {
    let a = crafted(
        "002",
        &[
            ("183", 0, C, 183.0, Some("đồng chí"), false),
            ("163", 0, C, 163.0, Some("đồng chí"), false),
            ("25", 0, C, 25.0, Some("đồng chí"), false),
            ("12", 0, C, 12.0, Some("đồng chí"), false),
            ("421", 0, C, 421.0, Some("lượt"), false),
            ("656", 0, C, 656.0, Some("lượt"), false),
            ("16/172", 0, R, 16.0 / 172.0, Some("đồng chí"), false),
            ("9%", 0, P, 9.0, None, false),
            ("78/172", 0, R, 78.0 / 172.0, Some("đồng chí"), false),
            ("45,3%", 0, P, 45.3, None, false),
            ("80%", 0, P, 80.0, None, false),
            ("10%", 0, P, 10.0, None, false),
            ("06", 0, C, 6.0, Some("đồng chí"), false),
        ],
    );
    assert_eq!(ind_of(&a, "183", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "163", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "25", 0), Some("learners_llct_advanced"));
    assert_eq!(ind_of(&a, "12", 0), Some("learners_postgraduate"));
    assert_eq!(ind_of(&a, "421", 0), Some("party_members"));
    assert_eq!(ind_of(&a, "656", 0), Some("training_attendances"));
    assert_eq!(ind_of(&a, "16/172", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "9%", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "78/172", 0), Some("llct_advanced_share"));
    assert_eq!(ind_of(&a, "45,3%", 0), Some("llct_advanced_share"));
    assert_eq!(ind_of(&a, "80%", 0), Some("llct_intermediate_share"));
    assert_eq!(ind_of(&a, "10%", 0), Some("llct_advanced_share"));
    assert_eq!(ind_of(&a, "06", 0), Some("rotation"));
}

#[test]
fn sample_003_targets() {
    let a = crafted(
        "003",
        &[
            ("2025", 0, Kind::Year, 2025.0, None, false),
            ("100%", 0, P, 100.0, None, false),
            ("90%", 0, P, 90.0, None, false),
            ("85%", 0, P, 85.0, None, false),
            ("100%", 1, P, 100.0, None, false),
        ],
    );
    for (t, occ) in [("100%", 0), ("90%", 0), ("85%", 0), ("100%", 1)] {
        let f = fig(&a, t, occ);
        assert!(f.reading.target, "{t} #{occ} is a target");
        assert_eq!(f.reading.year, Some(2025), "{t} #{occ}");
    }
    assert_eq!(ind_of(&a, "90%", 0), Some("llct_advanced_share"));
    assert_eq!(ind_of(&a, "100%", 1), Some("llct_intermediate_share"));
    assert_eq!(ind_of(&a, "2025", 0), None);
}

#[test]
fn sample_004_shares() {
    let a = crafted(
        "004",
        &[
            ("102", 0, C, 102.0, Some("lượt"), false),
            ("19", 0, C, 19.0, Some("viên chức"), false),
            ("56", 0, C, 56.0, Some("công chức"), false),
            ("98,5%", 0, P, 98.5, None, false),
            ("15,3%", 0, P, 15.3, None, false),
            ("100%", 0, P, 100.0, None, false),
            ("97,2%", 0, P, 97.2, None, false),
            ("60%", 0, P, 60.0, None, false),
            ("100%", 1, P, 100.0, None, false),
            ("85%", 0, P, 85.0, None, false),
            ("28%", 0, P, 28.0, None, false),
            ("99,5%", 0, P, 99.5, None, false),
        ],
    );
    assert_eq!(ind_of(&a, "98,5%", 0), Some("degree_university"));
    assert_eq!(ind_of(&a, "15,3%", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "100%", 0), Some("position_fit"));
    assert_eq!(ind_of(&a, "97,2%", 0), Some("foreign_language"));
    assert_eq!(ind_of(&a, "60%", 0), Some("llct_intermediate_share"));
    assert_eq!(ind_of(&a, "100%", 1), Some("degree_intermediate"));
    assert_eq!(ind_of(&a, "85%", 0), Some("it_certificate"));
    assert_eq!(ind_of(&a, "28%", 0), Some("trained_share"));
    assert_eq!(ind_of(&a, "99,5%", 0), Some("duty_completion"));
    assert_eq!(ind_of(&a, "19", 0), Some("rotation"));
    assert_eq!(ind_of(&a, "56", 0), Some("rotation"));
    // "Tính từ năm 2016 đến năm 2020": the range's end.
    assert_eq!(fig(&a, "102", 0).reading.year, Some(2020));
}

// ----- robustness: abbreviations, tone marks, word order, kinds --------------------------------

#[test]
fn abbreviations_tone_marks_and_word_order() {
    let text = "Năm 2022, có 95% CBCC đạt chuẩn về chuyên môn; 80% CBCCVC có trình độ TCLLCT trở lên; \
                tỷ lệ cán bộ có bằng Thạc sỹ là 12%; 90% CBCC có chứng chỉ CNTT; \
                98% được đánh giá hoàn thành tốt nhiệm vụ; 70% đạt chuẩn về lí luận chính trị. \
                Huyện mở 15 lớp BD cho 1.200 lượt cán bộ, đảng viên; cử 30 đồng chí học lớp CCLLCT. \
                Tỷ lệ cán bộ, công chức xã có trình độ ĐH trở lên đạt 76,5%.";
    let a = text_article(
        text,
        Some("2023-01-05"),
        &[
            ("95%", 0, P, 95.0, None, false),
            ("80%", 0, P, 80.0, None, false),
            ("12%", 0, P, 12.0, None, false),
            ("90%", 0, P, 90.0, None, false),
            ("98%", 0, P, 98.0, None, false),
            ("70%", 0, P, 70.0, None, false),
            ("15", 0, C, 15.0, Some("lớp"), false),
            ("1.200", 0, C, 1200.0, Some("lượt"), false),
            ("30", 0, C, 30.0, Some("đồng chí"), false),
            ("76,5%", 0, P, 76.5, None, false),
        ],
    );
    assert_eq!(ind_of(&a, "95%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "80%", 0), Some("llct_intermediate_share"));
    assert_eq!(ind_of(&a, "12%", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "90%", 0), Some("it_certificate"));
    assert_eq!(ind_of(&a, "98%", 0), Some("duty_completion"));
    assert_eq!(ind_of(&a, "70%", 0), Some("standard_political"));
    assert_eq!(ind_of(&a, "15", 0), Some("training_classes"));
    assert_eq!(ind_of(&a, "1.200", 0), Some("training_attendances"));
    assert_eq!(ind_of(&a, "30", 0), Some("learners_llct_advanced"));
    assert_eq!(ind_of(&a, "76,5%", 0), Some("degree_university"));
    assert_eq!(fig(&a, "95%", 0).reading.year, Some(2022));
    // No year in the sentence: the published year.
    assert_eq!(fig(&a, "15", 0).reading.year, Some(2023));
}

#[test]
fn old_tone_placement_matches() {
    // "hoá", "khoá", "quý" written the old way still match.
    let a = text_article(
        "Đến nay có 100% cán bộ được chuẩn hoá về chuyên môn; 20 đồng chí được quy hoạch vào \
         Ban chấp hành khoá mới.",
        Some("2020-05-01"),
        &[
            ("100%", 0, P, 100.0, None, false),
            ("20", 0, C, 20.0, Some("đồng chí"), false),
        ],
    );
    assert_eq!(ind_of(&a, "100%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "20", 0), Some("planning"));
    assert_eq!(fig(&a, "100%", 0).reading.year, Some(2020));
}

#[test]
fn kind_and_unit_must_agree() {
    let a = text_article(
        "Năm 2019 huyện mở 12 lớp bồi dưỡng kiến thức quản lý nhà nước cho 45 cán bộ; \
         trong 5 năm qua có 60% cán bộ được bồi dưỡng quản lý nhà nước.",
        None,
        &[
            ("12", 0, C, 12.0, Some("lớp"), false),
            ("45", 0, C, 45.0, Some("cán bộ"), false),
            ("5", 0, C, 5.0, Some("năm"), false),
            ("60%", 0, P, 60.0, None, false),
        ],
    );
    assert_eq!(ind_of(&a, "12", 0), Some("training_classes"));
    assert_eq!(ind_of(&a, "45", 0), Some("state_management"));
    // "5 năm" counts years, not people.
    assert_eq!(ind_of(&a, "5", 0), None);
    // A percent never takes a count indicator.
    let sixty = ind_of(&a, "60%", 0);
    let cat = Catalogue::builtin();
    assert!(sixty.is_none_or(|id| {
        cat.get(id)
            .is_some_and(|i| i.kind == IndicatorKind::Percent)
    }));
    // Without a published date: the latest past year named.
    assert_eq!(fig(&a, "45", 0).reading.year, Some(2019));
}

#[test]
fn unsure_figures_get_no_indicator() {
    let a = text_article(
        "Huyện có 15 xã, thị trấn với 230 cán bộ; đời sống người dân được nâng lên, 35% hộ có ô tô.",
        Some("2021-01-01"),
        &[
            ("15", 0, C, 15.0, Some("xã"), false),
            ("230", 0, C, 230.0, Some("cán bộ"), false),
            ("35%", 0, P, 35.0, None, false),
        ],
    );
    for t in ["15", "230", "35%"] {
        assert_eq!(ind_of(&a, t, 0), None, "{t}");
        assert_eq!(fig(&a, t, 0).indicator_confidence, 0.0, "{t}");
    }
}

#[test]
fn target_sentences() {
    let a = text_article(
        "Năm 2020, 70% cán bộ có trình độ đại học. Phấn đấu đến năm 2025, 90% cán bộ có trình độ \
         đại học trở lên. Đến năm 2019 đã có 65% cán bộ đạt chuẩn chuyên môn.",
        Some("2021-03-01"),
        &[
            ("70%", 0, P, 70.0, None, false),
            ("90%", 0, P, 90.0, None, false),
            ("65%", 0, P, 65.0, None, false),
        ],
    );
    let f = fig(&a, "70%", 0);
    assert_eq!((f.reading.year, f.reading.target), (Some(2020), false));
    let f = fig(&a, "90%", 0);
    assert_eq!((f.reading.year, f.reading.target), (Some(2025), true));
    assert_eq!(f.reading.indicator.as_deref(), Some("degree_university"));
    // "Đến năm 2019" before the article's year is a past deadline, not a target.
    let f = fig(&a, "65%", 0);
    assert_eq!((f.reading.year, f.reading.target), (Some(2019), false));
}

#[test]
fn bad_offsets_do_not_panic() {
    let mut a = text_article(
        "Có 50% cán bộ đạt chuẩn chuyên môn.",
        None,
        &[("50%", 0, P, 50.0, None, false)],
    );
    a.figures[0].start = 500;
    a.figures[0].end = 400;
    assign(&mut a, &Catalogue::builtin());
    assert_eq!(a.figures[0].reading.indicator, None);
}

#[test]
fn reviewed_indicator_is_kept() {
    let mut a = text_article(
        "Có 50% cán bộ đạt chuẩn chuyên môn.",
        None,
        &[("50%", 0, P, 50.0, None, false)],
    );
    a.figures[0].status = Status::Corrected;
    a.figures[0].reading.indicator = Some("planning".into());
    assign(&mut a, &Catalogue::builtin());
    assert_eq!(a.figures[0].reading.indicator.as_deref(), Some("planning"));
    let _ = Qualifier::MoreThan;
}

// ----- through the real extractor (pass once it finds these figures) ---------------------------

#[test]
fn analyzed_samples_get_indicators() {
    let a = analyzed("000");
    assert_eq!(ind_of(&a, "97,2%", 0), Some("standard_professional"));
    assert_eq!(ind_of(&a, "97,53%", 0), Some("standard_political"));

    let a = analyzed("001");
    assert_eq!(ind_of(&a, "69", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "68", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "26", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "41", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "20", 0), Some("training_classes"));
    assert_eq!(ind_of(&a, "900", 0), Some("training_attendances"));
    assert_eq!(fig(&a, "69", 0).reading.year, Some(2018));

    let a = analyzed("002");
    assert_eq!(ind_of(&a, "183", 0), Some("learners_llct_elementary"));
    assert_eq!(ind_of(&a, "163", 0), Some("learners_llct_intermediate"));
    assert_eq!(ind_of(&a, "16/172", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "78/172", 0), Some("llct_advanced_share"));

    let a = analyzed("003");
    assert!(fig(&a, "90%", 0).reading.target);
    assert_eq!(fig(&a, "90%", 0).reading.year, Some(2025));

    let a = analyzed("004");
    assert_eq!(ind_of(&a, "98,5%", 0), Some("degree_university"));
    assert_eq!(ind_of(&a, "15,3%", 0), Some("degree_postgraduate"));
    assert_eq!(ind_of(&a, "85%", 0), Some("it_certificate"));
    assert_eq!(ind_of(&a, "97,2%", 0), Some("foreign_language"));
    assert_eq!(ind_of(&a, "99,5%", 0), Some("duty_completion"));
    // Page chrome and non-share kinds get nothing.
    for f in &a.figures {
        if f.reading.boilerplate || !matches!(f.reading.kind, P | C | R) {
            assert_eq!(f.reading.indicator, None, "{}", f.text);
        }
    }
}

#[test]
fn assignment_is_fast() {
    let a = analyzed("002");
    let cat = Catalogue::builtin();
    let mut big = a.clone();
    // ~100 copies of the article's text and figures.
    let n_chars = a.text.chars().count();
    for k in 1..100 {
        big.text.push_str(&a.text);
        for f in &a.figures {
            let mut g = f.clone();
            g.id += 1000 * k as u64;
            g.start += n_chars * k;
            g.end += n_chars * k;
            big.figures.push(g);
        }
    }
    let t = std::time::Instant::now();
    assign(&mut big, &cat);
    let ms = t.elapsed().as_millis();
    assert!(ms < 3000, "{ms} ms for {} figures", big.figures.len());
}

#[test]
fn reviewed_year_is_kept_and_assignment_is_idempotent() {
    let mut a = analyzed("001");
    let before = a.clone();
    assign(&mut a, Catalogue::builtin_shared());
    assert_eq!(a, before);
    let k = a
        .figures
        .iter()
        .position(|f| f.text == "69")
        .unwrap_or_else(|| panic!("69 missing"));
    a.figures[k].status = Status::Confirmed;
    a.figures[k].reading.year = Some(2019);
    assign(&mut a, Catalogue::builtin_shared());
    assert_eq!(a.figures[k].reading.year, Some(2019));
}
