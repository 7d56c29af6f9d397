//! Indicator catalogue and assignment, on crafted text and on the sample articles.

use crate::util::{analyzed, sample_path};

use solieu::indicators::{
    Catalogue, Indicator, IndicatorKind, assign, builtin_indicators, parse_catalogue,
};
use solieu::load::{LoadedText, load_file};
use solieu::model::{Article, Figure, Kind, Qualifier, Reading, Status};
use solieu::pipeline::Pipeline;

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
            let b0 = crate::util::whole_number_at(&text, s, occ, &a.path);
            let b1 = b0 + s.len();
            let mut reading = Reading::new(kind);
            reading.value = Some(value);
            reading.unit = unit.map(str::to_string);
            reading.change = change;
            crate::util::figure_at(&text, b0, b1, k as u64 + 1, reading)
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
    with_figures(
        Pipeline::builtin().analyze(&p.to_string_lossy(), loaded),
        specs,
    )
}

/// A made-up article.
fn text_article(text: &str, published: Option<&str>, specs: &[Spec<'_>]) -> Article {
    let loaded = LoadedText {
        text: text.to_string(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let mut a = Pipeline::builtin().analyze("crafted.txt", loaded);
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
        let mut a = Pipeline::builtin().analyze("x.txt", loaded);
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
    // A change is not a level: it gets no indicator (facts conventions).
    assert_eq!(ind_of(&a, "39,4%", 0), None);
    assert_eq!(ind_of(&a, "35,5%", 0), None);
    assert_eq!(pop_of(&a, "97,2%", 0), Some(Population::LanhDao));
    assert_eq!(
        pop_of(&a, "91,4%", 0),
        Some(Population::Xa),
        "commune key posts"
    );
    assert_eq!(
        pop_of(&a, "97,53%", 0),
        Some(Population::Xa),
        "same group as before"
    );
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
    // "gần 80% … trung cấp và trên 10% … cao cấp": an exact level of a breakdown.
    assert_eq!(ind_of(&a, "80%", 0), None);
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
    // No year in the sentence: "Năm 2022," at the head of the paragraph frames it.
    assert_eq!(fig(&a, "15", 0).reading.year, Some(2022));
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

/// A long article (100 copies of one) is filed copy by copy the same way: nothing in the
/// assignment depends on the article's size. (Speed is measured by the criterion benches, not
/// by a timed test.)
#[test]
fn long_articles_are_filed_like_their_parts() {
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
    assign(&mut big, &cat);
    let n = a.figures.len();
    let indicators = |fs: &[Figure]| -> Vec<Option<String>> {
        fs.iter().map(|f| f.reading.indicator.clone()).collect()
    };
    let first = indicators(&big.figures[..n]);
    assert_eq!(
        first,
        indicators(&a.figures),
        "the first copy reads like the article"
    );
    for k in 1..100 {
        assert_eq!(
            indicators(&big.figures[k * n..(k + 1) * n]),
            first,
            "copy {k}"
        );
    }
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

/// The officer's own indicator files figures the same way in the window (open and import) and
/// in the CLI: both read through the one pipeline with the user's catalogue.
#[test]
fn gui_workspace_and_cli_file_with_the_users_catalogue() {
    use solieu::review::Workspace;
    let config = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let user = r#"{"format":"solieu-indicators","version":1,"indicators":[
        {"id":"ethnic_language","name":"Tỷ lệ cán bộ biết tiếng dân tộc thiểu số",
         "kind":"percent","unit":"%","phrases":["biết tiếng dân tộc"]}]}"#;
    std::fs::write(config.path().join("indicators.json"), user).unwrap_or_else(|e| panic!("{e}"));
    let docs = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let article = docs.path().join("bai.txt");
    std::fs::write(
        &article,
        "Huyện Mường Tè nâng cao chất lượng cán bộ\n\nĐến nay, huyện có 45% cán bộ, công chức \
         cấp xã biết tiếng dân tộc thiểu số tại địa phương.\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let ids = |a: &Article| -> Vec<Option<String>> {
        a.figures
            .iter()
            .map(|f| f.reading.indicator.clone())
            .collect()
    };

    // The window's workspace.
    let (pipeline, err) = Pipeline::with_user_catalogue_in(config.path());
    assert!(err.is_none(), "{err:?}");
    let mut ws = Workspace::with_pipeline(pipeline.clone());
    let report = ws.open_paths(std::slice::from_ref(&article));
    assert_eq!(report.opened, 1, "{report:?}");
    let gui = ws
        .current_article()
        .cloned()
        .unwrap_or_else(|| panic!("no article"));
    assert!(
        ids(&gui).contains(&Some("ethnic_language".to_string())),
        "the window ignored the officer's indicator: {:?}",
        ids(&gui)
    );

    // The CLI with the same config folder.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_solieu"))
        .env("SOLIEU_CONFIG_DIR", config.path())
        .arg("extract")
        .arg(&article)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = solieu::export::from_json(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        ids(&doc.articles[0]),
        ids(&gui),
        "the window and the CLI disagree"
    );

    // Import: a document written without the officer's catalogue is filed with it, as the CLI
    // files imported JSON.
    let plain = Pipeline::builtin()
        .open(&article, &article.to_string_lossy())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!ids(&plain).contains(&Some("ethnic_language".to_string())));
    let json = solieu::export::to_json(&solieu::model::Document::new(vec![plain]));
    let mut fresh = Workspace::with_pipeline(pipeline);
    fresh
        .import_json(json.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let imported = fresh
        .articles()
        .next()
        .cloned()
        .unwrap_or_else(|| panic!("nothing imported"));
    assert_eq!(
        ids(&imported),
        ids(&gui),
        "import did not re-file like the CLI"
    );
}

// ----- the grammar of facts: what, for whom, which year ---------------------------------------
// Hand-written sentences in the style of other district portals (not the eval texts).

use solieu::indicators::{article_year, follow_article_date};
use solieu::model::Population;

fn pop_of(a: &Article, text: &str, occ: usize) -> Option<Population> {
    fig(a, text, occ).reading.population
}

#[test]
fn exact_level_of_a_breakdown_is_not_the_or_above_share() {
    let a = text_article(
        "Đối với cán bộ, công chức cấp xã của huyện Krông Pắc, hiện có 72,5% có trình độ trung cấp \
         lý luận chính trị và 8,1% có trình độ cao cấp lý luận chính trị.",
        Some("2022-05-10"),
        &[
            ("72,5%", 0, P, 72.5, None, false),
            ("8,1%", 0, P, 8.1, None, false),
        ],
    );
    assert_eq!(ind_of(&a, "72,5%", 0), None);
    assert_eq!(ind_of(&a, "8,1%", 0), Some("llct_advanced_share"));
    assert_eq!(pop_of(&a, "8,1%", 0), Some(Population::Xa));
    // "trở lên" makes the lower level the or-above share even beside a higher one.
    let b = text_article(
        "Toàn huyện có 65% cán bộ, công chức có trình độ lý luận chính trị từ trung cấp trở lên, \
         trong đó 12% có trình độ cao cấp lý luận chính trị.",
        Some("2022-05-10"),
        &[
            ("65%", 0, P, 65.0, None, false),
            ("12%", 0, P, 12.0, None, false),
        ],
    );
    assert_eq!(ind_of(&b, "65%", 0), Some("llct_intermediate_share"));
    assert_eq!(ind_of(&b, "12%", 0), Some("llct_advanced_share"));
    // Shares adding up to more than 100%: the lower level includes the higher one.
    let c = text_article(
        "100% trưởng, phó phòng chuyên môn có trình độ đại học và 21% có trình độ thạc sĩ.",
        Some("2022-05-10"),
        &[
            ("100%", 0, P, 100.0, None, false),
            ("21%", 0, P, 21.0, None, false),
        ],
    );
    assert_eq!(ind_of(&c, "100%", 0), Some("degree_university"));
    assert_eq!(ind_of(&c, "21%", 0), Some("degree_postgraduate"));
    assert_eq!(pop_of(&c, "100%", 0), Some(Population::LanhDao));
    assert_eq!(pop_of(&c, "21%", 0), Some(Population::LanhDao));
}

#[test]
fn changes_are_not_levels() {
    let a = text_article(
        "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn chuyên môn là 95,6%, tăng 12,3% so với năm 2015.",
        Some("2020-08-01"),
        &[
            ("95,6%", 0, P, 95.6, None, false),
            ("12,3%", 0, P, 12.3, None, false),
        ],
    );
    assert_eq!(ind_of(&a, "95,6%", 0), Some("standard_professional"));
    assert_eq!(pop_of(&a, "95,6%", 0), Some(Population::Xa));
    assert_eq!(ind_of(&a, "12,3%", 0), None);
    assert_eq!(pop_of(&a, "12,3%", 0), None);
    // A list that began with "So với …, tăng": the verb is left out after the first item.
    let b = text_article(
        "So với đầu nhiệm kỳ, số cán bộ có trình độ đại học tăng 15%, sau đại học 3%.",
        Some("2020-08-01"),
        &[
            ("15%", 0, P, 15.0, None, false),
            ("3%", 0, P, 3.0, None, false),
        ],
    );
    assert_eq!(ind_of(&b, "15%", 0), None);
    assert_eq!(ind_of(&b, "3%", 0), None);
}

#[test]
fn totals_of_a_population_and_counts_of_holders_are_not_facts() {
    let a = text_article(
        "Trong tổng số 245 cán bộ, công chức cấp xã, có 31 người có trình độ đại học.",
        Some("2020-08-01"),
        &[
            ("245", 0, C, 245.0, Some("cán bộ"), false),
            ("31", 0, C, 31.0, Some("người"), false),
        ],
    );
    assert_eq!(ind_of(&a, "245", 0), None);
    assert_eq!(ind_of(&a, "31", 0), None);
}

#[test]
fn the_headline_names_the_class_of_its_learners() {
    let a = text_article(
        "Bế giảng lớp Trung cấp lý luận chính trị - hành chính khóa 12\n\
         Sáng 20/6, Trung tâm Chính trị huyện Mường Khương tổ chức lễ bế giảng. Lớp học có 87 học \
         viên theo học từ tháng 8/2021.",
        Some("2022-06-20"),
        &[("87", 0, C, 87.0, Some("học viên"), false)],
    );
    assert_eq!(ind_of(&a, "87", 0), Some("learners_llct_intermediate"));
    assert_eq!(pop_of(&a, "87", 0), Some(Population::HocVien));
}

#[test]
fn learners_over_a_period_are_not_one_class() {
    let a = text_article(
        "Giai đoạn 2016-2020, huyện đã cử 214 cán bộ, công chức cấp xã đi học sơ cấp lý luận \
         chính trị. Năm 2021, huyện mở lớp sơ cấp lý luận chính trị với 45 học viên.",
        Some("2021-12-01"),
        &[
            ("214", 0, C, 214.0, Some("cán bộ"), false),
            ("45", 0, C, 45.0, Some("học viên"), false),
        ],
    );
    let f = fig(&a, "214", 0);
    assert_eq!(
        f.reading.indicator.as_deref(),
        Some("learners_llct_elementary")
    );
    assert_eq!(f.reading.population, Some(Population::Xa));
    assert_eq!(f.reading.year, Some(2020), "the end of a period");
    let f = fig(&a, "45", 0);
    assert_eq!(
        f.reading.indicator.as_deref(),
        Some("learners_llct_elementary")
    );
    assert_eq!(f.reading.population, Some(Population::HocVien));
    assert_eq!(f.reading.year, Some(2021));
}

#[test]
fn populations_from_the_noun_phrase_and_the_frame() {
    let a = text_article(
        "Hiện nay, 100% Ủy viên Ban Thường vụ Huyện ủy có trình độ cao cấp lý luận chính trị; \
         88% cán bộ, công chức, viên chức cấp huyện có trình độ đại học trở lên; \
         hơn 300 lượt quần chúng ưu tú được học lớp nhận thức về Đảng; \
         có 120 lượt đảng viên mới được bồi dưỡng lý luận chính trị.",
        Some("2023-03-01"),
        &[
            ("100%", 0, P, 100.0, None, false),
            ("88%", 0, P, 88.0, None, false),
            ("300", 0, C, 300.0, Some("lượt"), false),
            ("120", 0, C, 120.0, Some("lượt"), false),
        ],
    );
    assert_eq!(ind_of(&a, "100%", 0), Some("llct_advanced_share"));
    assert_eq!(pop_of(&a, "100%", 0), Some(Population::CapUy));
    assert_eq!(pop_of(&a, "88%", 0), Some(Population::Huyen));
    assert_eq!(ind_of(&a, "300", 0), Some("party_members"));
    assert_eq!(pop_of(&a, "300", 0), Some(Population::Khac));
    assert_eq!(ind_of(&a, "120", 0), Some("party_members"));
    assert_eq!(pop_of(&a, "120", 0), Some(Population::DangVien));
    for f in &a.figures {
        assert_eq!(f.reading.year, Some(2023), "{}: hiện nay", f.text);
    }
    let b = text_article(
        "Đối với cán bộ cơ sở, đến nay có 93% đạt chuẩn về chuyên môn. Đồng thời, huyện đã luân \
         chuyển 8 đồng chí về các xã, thị trấn.",
        Some("2023-03-01"),
        &[
            ("93%", 0, P, 93.0, None, false),
            ("8", 0, C, 8.0, Some("đồng chí"), false),
        ],
    );
    assert_eq!(ind_of(&b, "93%", 0), Some("standard_professional"));
    assert_eq!(pop_of(&b, "93%", 0), Some(Population::Xa));
    assert_eq!(ind_of(&b, "8", 0), Some("rotation"));
    assert_eq!(
        pop_of(&b, "8", 0),
        Some(Population::Huyen),
        "sent down from the district"
    );
}

#[test]
fn year_policy_never_a_founding_year() {
    // No dateline: the anniversary dates the article; the founding year dates no fact.
    let a = text_article(
        "Kỷ niệm 20 năm thành lập huyện\n\
         Huyện Ea Súp được thành lập năm 1999. Sau 20 năm, đến nay 98% cán bộ, công chức của \
         huyện đạt chuẩn chuyên môn.",
        None,
        &[("98%", 0, P, 98.0, None, false)],
    );
    assert_eq!(article_year(&a), Some(2019));
    let f = fig(&a, "98%", 0);
    assert_eq!(f.reading.year, Some(2019));
    assert!(f.reading.year_from_article);
    // "Trong gần 4 năm, từ 2016 đến nay": the article reports on 2019.
    let b = text_article(
        "Trong gần 4 năm, từ 2016 đến nay, huyện đã cử 52 cán bộ đi học cao cấp lý luận chính trị.",
        None,
        &[("52", 0, C, 52.0, Some("cán bộ"), false)],
    );
    assert_eq!(article_year(&b), Some(2019));
    assert_eq!(
        fig(&b, "52", 0).reading.year,
        Some(2019),
        "not the start of từ 2016"
    );
}

#[test]
fn the_year_follows_the_article_date_as_a_link() {
    let mut a = text_article(
        "Năm 2018, huyện mở 12 lớp bồi dưỡng. Hiện nay, 97% cán bộ, công chức cấp xã đạt chuẩn \
         chuyên môn.",
        None,
        &[
            ("12", 0, C, 12.0, Some("lớp"), false),
            ("97%", 0, P, 97.0, None, false),
        ],
    );
    // No dateline: the latest year the article names.
    assert_eq!(fig(&a, "97%", 0).reading.year, Some(2018));
    assert!(fig(&a, "97%", 0).reading.year_from_article);
    assert!(!fig(&a, "12", 0).reading.year_from_article);
    a.published = Some("2021-04-02".into());
    follow_article_date(&mut a);
    assert_eq!(fig(&a, "97%", 0).reading.year, Some(2021));
    assert_eq!(fig(&a, "12", 0).reading.year, Some(2018), "own year stays");
    a.published = Some("2022-01-15".into());
    follow_article_date(&mut a);
    assert_eq!(fig(&a, "97%", 0).reading.year, Some(2022));
}

#[test]
fn targets_and_deadlines() {
    let a = text_article(
        "Phấn đấu đến năm 2025, 100% cán bộ, công chức cấp xã có trình độ chuyên môn từ trung cấp \
         trở lên; dự kiến năm 2024 có 30% cán bộ lãnh đạo phòng có trình độ thạc sĩ.",
        Some("2022-02-01"),
        &[
            ("100%", 0, P, 100.0, None, false),
            ("30%", 0, P, 30.0, None, false),
        ],
    );
    let f = fig(&a, "100%", 0);
    assert_eq!(f.reading.indicator.as_deref(), Some("degree_intermediate"));
    assert_eq!((f.reading.year, f.reading.target), (Some(2025), true));
    assert_eq!(f.reading.population, Some(Population::Xa));
    let f = fig(&a, "30%", 0);
    assert_eq!(f.reading.indicator.as_deref(), Some("degree_postgraduate"));
    assert!(f.reading.target);
    assert_eq!(f.reading.population, Some(Population::LanhDao));
}

#[test]
fn learned_phrases_file_similar_figures_but_never_reviewed_ones() {
    use solieu::indicators::{cue_of, forget, learn, learned_phrase_for, reassign_unreviewed};
    let mut cat = Catalogue::builtin();
    let a = text_article(
        "Đến nay, 85% cán bộ, công chức cấp xã sử dụng thành thạo phần mềm văn phòng.",
        Some("2023-05-01"),
        &[("85%", 0, P, 85.0, None, false)],
    );
    assert_eq!(
        ind_of(&a, "85%", 0),
        None,
        "the catalogue does not know this wording"
    );
    let b = text_article(
        "Năm 2022, 92% cán bộ, công chức cấp huyện sử dụng thành thạo phần mềm văn phòng; \
         78% công chức cấp xã sử dụng thành thạo phần mềm văn phòng.",
        Some("2023-01-01"),
        &[
            ("92%", 0, P, 92.0, None, false),
            ("78%", 0, P, 78.0, None, false),
        ],
    );
    // The officer files A's figure under it_certificate.
    let mut a = a;
    a.figures[0].reading.indicator = Some("it_certificate".into());
    a.figures[0].status = Status::Corrected;
    let cue = cue_of(&a, a.figures[0].id).unwrap_or_default();
    assert!(cue.contains("phần mềm"), "{cue}");
    let learned = learn(&mut cat, &a, a.figures[0].id).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(learned.as_deref(), Some(cue.as_str()));
    // Learning it again adds nothing.
    assert_eq!(learn(&mut cat, &a, a.figures[0].id).ok().flatten(), None);
    // B's 78% was confirmed with no indicator by the officer: it must not move.
    let mut b = b;
    b.figures[1].status = Status::Confirmed;
    let mut arts = vec![a, b];
    let changed = reassign_unreviewed(&mut arts, &cat);
    assert_eq!(changed, 1);
    assert_eq!(ind_of(&arts[1], "92%", 0), Some("it_certificate"));
    assert_eq!(
        fig(&arts[1], "92%", 0).reading.population,
        Some(Population::Huyen)
    );
    assert_eq!(
        ind_of(&arts[1], "78%", 0),
        None,
        "reviewed figures never change"
    );
    assert_eq!(ind_of(&arts[0], "85%", 0), Some("it_certificate"));
    let shown = learned_phrase_for(&cat, &arts[1], arts[1].figures[0].id);
    assert_eq!(shown.as_deref(), Some(cue.as_str()));
    // The learned phrase lives in the user's copy, and can be removed.
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    cat.save_to_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"));
    let (again, err) = Catalogue::load_from_dir(dir.path());
    assert!(err.is_none());
    assert_eq!(
        again.get("it_certificate").map(|i| i.learned.clone()),
        Some(vec![cue.clone()])
    );
    assert!(forget(&mut cat, "it_certificate", &cue).unwrap_or(false));
    reassign_unreviewed(&mut arts, &cat);
    assert_eq!(ind_of(&arts[1], "92%", 0), None);
}

#[test]
fn baseline_years_paragraph_frames_and_grades() {
    let a = text_article(
        "Năm 2021, huyện cử 35 cán bộ đi học trung cấp lý luận chính trị. Trung tâm Chính trị \
         huyện mở 24 lớp bồi dưỡng với 2.150 lượt học viên tham gia.\n\
         Hiện nay, 92,6% cán bộ, công chức cấp xã đạt chuẩn về chuyên môn, tăng 7,2% so với năm 2016.",
        Some("2022-03-14"),
        &[
            ("35", 0, C, 35.0, Some("cán bộ"), false),
            ("24", 0, C, 24.0, Some("lớp"), false),
            ("2.150", 0, C, 2150.0, Some("lượt"), false),
            ("92,6%", 0, P, 92.6, None, false),
            ("7,2%", 0, P, 7.2, None, false),
        ],
    );
    // "Năm 2021," heads the paragraph: the next sentence is about 2021 too.
    assert_eq!(fig(&a, "24", 0).reading.year, Some(2021));
    assert_eq!(fig(&a, "2.150", 0).reading.year, Some(2021));
    assert!(!fig(&a, "2.150", 0).reading.year_from_article);
    // "so với năm 2016" is the baseline of the change, not the year of the level.
    let f = fig(&a, "92,6%", 0);
    assert_eq!(f.reading.year, Some(2022));
    assert!(f.reading.year_from_article);
    assert_eq!(ind_of(&a, "7,2%", 0), None);
    // A class report: its size is a fact, its grade distribution is not.
    let b = text_article(
        "Bế giảng lớp Sơ cấp lý luận chính trị khóa 3\n\
         Lớp học có 62 học viên là cán bộ, công chức các xã. Kết quả có 15 học viên đạt loại giỏi, \
         47 học viên đạt loại khá.",
        Some("2023-05-25"),
        &[
            ("62", 0, C, 62.0, Some("học viên"), false),
            ("15", 0, C, 15.0, Some("học viên"), false),
            ("47", 0, C, 47.0, Some("học viên"), false),
        ],
    );
    assert_eq!(ind_of(&b, "62", 0), Some("learners_llct_elementary"));
    assert_eq!(pop_of(&b, "62", 0), Some(Population::HocVien));
    assert_eq!(ind_of(&b, "15", 0), None);
    assert_eq!(ind_of(&b, "47", 0), None);
}

/// Places each gold mention in the text, in order, not inside a longer number (as the eval's
/// scorer does); char offsets.
fn gold_spans(text: &[char], numbers: &[String]) -> Vec<Option<(usize, usize)>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for n in numbers {
        let t: Vec<char> = n.chars().collect();
        let found = (pos..text.len().saturating_sub(t.len() - 1)).find(|&i| {
            text[i..i + t.len()] == t[..]
                && !(i > 0 && text[i - 1].is_ascii_digit() && t[0].is_ascii_digit())
                && !(text.get(i + t.len()).is_some_and(char::is_ascii_digit)
                    && t[t.len() - 1].is_ascii_digit())
        });
        match found {
            Some(i) => {
                out.push(Some((i, i + t.len())));
                pos = i + t.len();
            }
            None => out.push(None),
        }
    }
    out
}

/// The learning curve on the dev set (CI has `../shared`): the catalogue knows the indicators
/// but none of their phrases; the officer files the gold facts one by one, in text order, and
/// each filing teaches a phrase. After each, count the facts not yet filed by hand that the
/// machine now files under the right indicator.
#[test]
fn learning_curve_on_the_dev_set() {
    use solieu::indicators::{learn, reassign_unreviewed};
    let dev = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/dev");
    assert!(
        dev.is_dir(),
        "the dev set is beside the repository: {}",
        dev.display()
    );
    let blank: Vec<Indicator> = builtin_indicators()
        .unwrap_or_default()
        .into_iter()
        .map(|mut i| {
            i.phrases.clear();
            i.weak_phrases.clear();
            i.decisive.clear();
            i
        })
        .collect();
    let mut cat = Catalogue::new(blank);
    let mut stems: Vec<String> = std::fs::read_dir(dev.join("facts"))
        .map(|d| {
            d.filter_map(|e| e.ok())
                .filter_map(|e| e.file_name().to_str().map(str::to_string))
                .filter_map(|n| n.strip_suffix(".json").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    stems.sort();
    assert_eq!(stems.len(), 5);
    let pipeline = Pipeline::new(cat.clone());
    let mut articles = Vec::new();
    // (article, figure id, gold indicator)
    let mut facts: Vec<(usize, u64, String)> = Vec::new();
    for (ai, stem) in stems.iter().enumerate() {
        let path = dev.join("articles").join(format!("{stem}.txt"));
        let a = pipeline
            .open(&path, stem)
            .unwrap_or_else(|e| panic!("{stem}: {e}"));
        let read = |p: std::path::PathBuf| -> serde_json::Value {
            let s = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{e}"));
            serde_json::from_str(&s).unwrap_or_else(|e| panic!("{e}"))
        };
        let gold = read(dev.join("gold").join(format!("{stem}.json")));
        let fact = read(dev.join("facts").join(format!("{stem}.json")));
        let texts: Vec<String> = gold["numbers"]
            .as_array()
            .map(|v| {
                v.iter()
                    .map(|n| n["text"].as_str().unwrap_or("").to_string())
                    .collect()
            })
            .unwrap_or_default();
        let chars: Vec<char> = a.text.chars().collect();
        let spans = gold_spans(&chars, &texts);
        let entries = fact["figures"].as_array().cloned().unwrap_or_default();
        for (sp, e) in spans.iter().zip(entries) {
            let (Some((s, t)), Some(ind)) = (sp, e["indicator"].as_str()) else {
                continue;
            };
            if let Some(f) = a.figures.iter().find(|f| f.start < *t && *s < f.end) {
                facts.push((ai, f.id, ind.to_string()));
            }
        }
        articles.push(a);
    }
    assert!(facts.len() >= 45, "{} facts placed", facts.len());
    let right_after = |articles: &[Article], k: usize| {
        facts[k..]
            .iter()
            .filter(|(ai, id, ind)| {
                articles[*ai]
                    .figures
                    .iter()
                    .any(|f| f.id == *id && f.reading.indicator.as_deref() == Some(ind.as_str()))
            })
            .count()
    };
    let mut curve = vec![(0, right_after(&articles, 0))];
    let mut learned = 0;
    for (k, (ai, id, ind)) in facts.iter().cloned().enumerate() {
        if let Some(f) = articles[ai].figures.iter_mut().find(|f| f.id == id) {
            f.reading.indicator = Some(ind);
            f.status = Status::Corrected;
        }
        if learn(&mut cat, &articles[ai], id).ok().flatten().is_some() {
            learned += 1;
        }
        reassign_unreviewed(&mut articles, &cat);
        curve.push((k + 1, right_after(&articles, k + 1)));
    }
    let shown: Vec<String> = curve
        .iter()
        .filter(|(k, _)| [0, 1, 2, 5, 10, 15, 20, 30, 40].contains(k) || *k == facts.len())
        .map(|(k, r)| format!("k={k}: {r}/{}", facts.len() - k))
        .collect();
    // The lessons are kept: the same articles read afresh with the learned catalogue.
    let fresh = Pipeline::new(cat.clone());
    let relearned = facts
        .iter()
        .filter(|(ai, id, ind)| {
            let path = dev.join("articles").join(format!("{}.txt", stems[*ai]));
            fresh.open(&path, &stems[*ai]).is_ok_and(|a| {
                a.figures
                    .iter()
                    .any(|f| f.id == *id && f.reading.indicator.as_deref() == Some(ind.as_str()))
            })
        })
        .count();
    eprintln!(
        "learning curve ({learned} phrases learned): {}; read afresh with them: {relearned}/{}",
        shown.join(", "),
        facts.len()
    );
    assert!(learned >= 10, "{learned} phrases learned");
    assert!(
        relearned >= curve[0].1 + learned / 2,
        "lessons kept: {relearned} right afresh, {} before",
        curve[0].1
    );
}

#[test]
fn head_counts_subjects_before_có_and_directions_of_rotation() {
    let a = text_article(
        "Toàn huyện hiện có 203 cán bộ, công chức cấp xã; trong đó 96,1% có trình độ chuyên môn từ \
         trung cấp trở lên. Đội ngũ cán bộ chủ chốt cấp huyện có 100% trình độ đại học trở lên. \
         Năm 2020, huyện luân chuyển 5 cán bộ về cơ sở và điều động 3 đồng chí từ xã lên huyện.",
        Some("2020-11-08"),
        &[
            ("203", 0, C, 203.0, Some("cán bộ"), false),
            ("96,1%", 0, P, 96.1, None, false),
            ("100%", 0, P, 100.0, None, false),
            ("5", 0, C, 5.0, Some("cán bộ"), false),
            ("3", 0, C, 3.0, Some("đồng chí"), false),
        ],
    );
    assert_eq!(
        ind_of(&a, "203", 0),
        None,
        "a head count whose breakdown follows"
    );
    assert_eq!(ind_of(&a, "96,1%", 0), Some("degree_intermediate"));
    assert_eq!(pop_of(&a, "96,1%", 0), Some(Population::Xa));
    assert_eq!(ind_of(&a, "100%", 0), Some("degree_university"));
    assert_eq!(pop_of(&a, "100%", 0), Some(Population::LanhDao));
    assert_eq!(ind_of(&a, "5", 0), Some("rotation"));
    assert_eq!(
        pop_of(&a, "5", 0),
        Some(Population::Huyen),
        "sent down to the communes"
    );
    assert_eq!(ind_of(&a, "3", 0), Some("rotation"));
    assert_eq!(
        pop_of(&a, "3", 0),
        Some(Population::Xa),
        "brought up from a commune"
    );
}

#[test]
fn classes_of_any_kind_are_counted_as_classes() {
    let a = text_article(
        "Riêng năm 2020, Trung tâm Chính trị huyện mở 2 lớp trung cấp lý luận chính trị - hành \
         chính với 118 học viên và 5 lớp bồi dưỡng kết nạp đảng cho 356 quần chúng ưu tú.",
        Some("2021-08-17"),
        &[
            ("2", 0, C, 2.0, Some("lớp"), false),
            ("118", 0, C, 118.0, Some("học viên"), false),
            ("5", 0, C, 5.0, Some("lớp"), false),
            ("356", 0, C, 356.0, Some("quần chúng"), false),
        ],
    );
    assert_eq!(ind_of(&a, "2", 0), Some("training_classes"));
    assert_eq!(ind_of(&a, "118", 0), Some("learners_llct_intermediate"));
    assert_eq!(pop_of(&a, "118", 0), Some(Population::HocVien));
    assert_eq!(ind_of(&a, "5", 0), Some("training_classes"));
    assert_eq!(pop_of(&a, "5", 0), Some(Population::Chung));
    assert_eq!(ind_of(&a, "356", 0), Some("party_members"));
    assert_eq!(pop_of(&a, "356", 0), Some(Population::Khac));
    for f in &a.figures {
        assert_eq!(f.reading.year, Some(2020), "{}", f.text);
    }
}

/// Wiring of the facts into the review: the same text under two names opens once; filing a
/// figure teaches the catalogue and re-files the workspace's unreviewed figures (one undo step),
/// never a reviewed one; the article's date moves the years of facts that follow it.
#[test]
fn workspace_learns_dedups_and_follows_the_article_date() {
    use solieu::review::{Edit, Meta, Workspace};
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("{e}"));
        p
    };
    let a = write(
        "a.txt",
        "Huyện Tri Tôn đào tạo tiếng dân tộc\n\nĐến nay, 24% cán bộ, công chức của huyện \
         sử dụng thành thạo tiếng Khmer trong giao tiếp.\n",
    );
    let copy = write(
        "a_copy.txt",
        "Huyện Tri Tôn đào tạo tiếng dân tộc\n\nĐến nay, 24% cán bộ, công chức của huyện \
         sử dụng thành thạo tiếng Khmer trong giao tiếp.\n",
    );
    let b = write(
        "b.txt",
        "Huyện Tịnh Biên chăm lo đội ngũ\n\nHiện nay, 31% cán bộ, công chức của huyện sử dụng \
         thành thạo tiếng Khmer trong giao tiếp; 40% cán bộ sử dụng thành thạo tiếng Khmer \
         trong giao tiếp với nhân dân.\n",
    );
    let mut ws = Workspace::new();
    let report = ws.open_paths(&[a.clone(), copy, b]);
    assert_eq!(report.duplicates.len(), 1, "{report:?}");
    assert_eq!(ws.articles().count(), 2);

    let key_of = |ws: &Workspace, name: &str| {
        ws.entries
            .iter()
            .find(|e| e.path.ends_with(name))
            .map(|e| e.key)
            .unwrap_or_else(|| panic!("{name} not open"))
    };
    let (ka, kb) = (key_of(&ws, "a.txt"), key_of(&ws, "b.txt"));
    let percent_ids = |ws: &Workspace, k: u64| -> Vec<u64> {
        ws.entry(k)
            .and_then(|e| e.article.as_ref())
            .map(|a| {
                a.figures
                    .iter()
                    .filter(|f| f.reading.kind == Kind::Percent)
                    .map(|f| f.id)
                    .collect()
            })
            .unwrap_or_default()
    };
    let indicator = |ws: &Workspace, k: u64, id: u64| {
        ws.entry(k)
            .and_then(|e| e.article.as_ref())
            .and_then(|a| a.figures.iter().find(|f| f.id == id))
            .and_then(|f| f.reading.indicator.clone())
    };
    let fa = percent_ids(&ws, ka)[0];
    let fb = percent_ids(&ws, kb);
    assert_eq!(fb.len(), 2);
    let target = "foreign_language".to_string();
    assert_ne!(indicator(&ws, kb, fb[1]), Some(target.clone()));
    // The second figure of b is reviewed (rejected) before the lesson: it must not move.
    ws.edit_figure(kb, fb[1], Edit::Reject)
        .unwrap_or_else(|e| panic!("{e}"));

    // The officer files a's figure.
    let mut r = ws
        .entry(ka)
        .and_then(|e| e.article.as_ref())
        .and_then(|a| a.figures.iter().find(|f| f.id == fa))
        .map(|f| f.reading.clone())
        .unwrap_or_else(|| panic!("figure"));
    r.indicator = Some(target.clone());
    ws.edit_figure(ka, fa, Edit::Reading(Box::new(r), None))
        .unwrap_or_else(|e| panic!("{e}"));
    let learned = ws.learn_from(ka, fa).unwrap_or_else(|e| panic!("{e}"));
    let (phrase, moved) = learned.unwrap_or_else(|| panic!("nothing learned"));
    assert!(!phrase.is_empty());
    assert!(moved >= 1, "no unreviewed figure followed the lesson");
    assert_eq!(indicator(&ws, kb, fb[0]), Some(target.clone()));
    assert_ne!(
        indicator(&ws, kb, fb[1]),
        Some(target.clone()),
        "a reviewed figure moved"
    );
    // One undo takes the re-filing back.
    assert!(ws.undo());
    assert_ne!(indicator(&ws, kb, fb[0]), Some(target.clone()));
    assert!(ws.redo());
    // The editor names the lesson that filed b's figure; forgetting it files it back.
    let b_article = ws
        .entry(kb)
        .and_then(|e| e.article.clone())
        .unwrap_or_else(|| panic!("b"));
    assert_eq!(
        solieu::indicators::learned_phrase_for(ws.pipeline.catalogue(), &b_article, fb[0]),
        Some(phrase.clone())
    );
    assert_eq!(
        solieu::indicators::forget(ws.pipeline.catalogue_mut(), &target, &phrase),
        Ok(true)
    );
    assert!(ws.refile_unreviewed() >= 1);
    assert_ne!(indicator(&ws, kb, fb[0]), Some(target.clone()));
    assert_eq!(
        indicator(&ws, ka, fa),
        Some(target.clone()),
        "a reviewed figure moved"
    );
    assert!(ws.undo());
    assert_eq!(indicator(&ws, kb, fb[0]), Some(target.clone()));

    // The article date: a fact with no year of its own follows it.
    let year_of = |ws: &Workspace| {
        ws.entry(kb)
            .and_then(|e| e.article.as_ref())
            .and_then(|a| a.figures.iter().find(|f| f.id == fb[0]))
            .and_then(|f| f.reading.year)
    };
    let meta = ws
        .entry(kb)
        .and_then(|e| e.article.as_ref())
        .map(Meta::of)
        .unwrap_or_else(|| panic!("meta"));
    ws.set_meta(
        kb,
        Meta {
            published: Some("2021-06-15".into()),
            ..meta.clone()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(year_of(&ws), Some(2021));
    ws.set_meta(
        kb,
        Meta {
            published: Some("2023-01-10".into()),
            ..meta
        },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(year_of(&ws), Some(2023));
}

// ----- portal-style articles read whole (extractor and assignment), one per rule ---------------

use crate::util::read_text;

/// What a figure is filed as: (indicator, population, year, target).
type Fact<'a> = (Option<&'a str>, Option<Population>, Option<i32>, bool);

fn fact<'a>(a: &'a Article, text: &str, occ: usize) -> Fact<'a> {
    let f = fig(a, text, occ);
    (
        f.reading.indicator.as_deref(),
        f.reading.population,
        f.reading.year,
        f.reading.target,
    )
}

#[test]
fn a_report_of_yen_thanh_or_above_exact_changes_totals_targets() {
    let a = read_text(
        "Huyện Yên Thành nâng cao chất lượng đội ngũ cán bộ cơ sở\n\n\
         Yên Thành (Nghệ An) - Ngày 15/3/2023, Huyện ủy Yên Thành tổ chức hội nghị sơ kết công \
         tác cán bộ.\n\n\
         Theo báo cáo, đến nay toàn huyện có 96,8% cán bộ, công chức cấp xã đạt chuẩn về trình \
         độ chuyên môn; 89,5% có trình độ lý luận chính trị từ trung cấp trở lên.\n\n\
         Về trình độ chuyên môn của đội ngũ cán bộ chủ chốt cấp huyện: 82,4% đại học, 17,6% sau \
         đại học.\n\n\
         So với năm 2020, tỷ lệ cán bộ cấp xã có trình độ đại học tăng 12,5%; sau đại học tăng \
         1,2%.\n\n\
         Trong tổng số 512 cán bộ, công chức cấp xã, có 398 người có trình độ đại học.\n\n\
         Mục tiêu đến năm 2025, 100% cán bộ, công chức cấp xã đạt chuẩn chuyên môn.\n",
        "Yên Thành",
        Some("2023-03-15"),
    );
    let xa = Some(Population::Xa);
    assert_eq!(
        fact(&a, "96,8%", 0),
        (Some("standard_professional"), xa, Some(2023), false)
    );
    // "từ trung cấp trở lên": the or-above share itself.
    assert_eq!(
        fact(&a, "89,5%", 0),
        (Some("llct_intermediate_share"), xa, Some(2023), false)
    );
    // A breakdown of leaders: the exact level is no fact, the top level is; their sum is
    // offered as computed.
    assert_eq!(fact(&a, "82,4%", 0).0, None);
    assert_eq!(
        fact(&a, "17,6%", 0),
        (
            Some("degree_postgraduate"),
            Some(Population::LanhDao),
            Some(2023),
            false
        )
    );
    assert_eq!(a.computed.len(), 1, "{:?}", a.computed);
    assert_eq!(a.computed[0].formula, "82,4% + 17,6% = 100%");
    // Changes against a baseline year, the verb repeated or not.
    assert_eq!(fact(&a, "12,5%", 0).0, None);
    assert_eq!(fact(&a, "1,2%", 0).0, None);
    // The total of a population and a count of holders of a share's level.
    assert_eq!(fact(&a, "512", 0).0, None);
    assert_eq!(fact(&a, "398", 0).0, None);
    // A target, dated by its deadline.
    assert_eq!(
        fact(&a, "100%", 0),
        (Some("standard_professional"), xa, Some(2025), true)
    );
}

#[test]
fn a_closing_ceremony_at_cam_xuyen_topic_grades_and_founding_year() {
    let a = read_text(
        "Bế giảng lớp Trung cấp lý luận chính trị - hành chính khóa 12 tại huyện Cẩm Xuyên\n\n\
         Sáng 20/6/2022, Trung tâm Chính trị huyện Cẩm Xuyên tổ chức bế giảng lớp Trung cấp lý \
         luận chính trị - hành chính khóa 12, hệ không tập trung.\n\n\
         Lớp học có 68 học viên là cán bộ, công chức cấp xã và cán bộ các phòng, ban của huyện. \
         Kết quả có 12 học viên đạt loại giỏi, 50 học viên đạt loại khá.\n\n\
         Trung tâm được thành lập năm 2007, đến nay đã mở 45 lớp với hơn 5.200 lượt học viên.\n",
        "Cẩm Xuyên",
        Some("2022-06-20"),
    );
    // The headline names the class: its learners.
    assert_eq!(
        fact(&a, "68", 0),
        (
            Some("learners_llct_intermediate"),
            Some(Population::HocVien),
            Some(2022),
            false
        )
    );
    // Grades of the class are no class size.
    assert_eq!(fact(&a, "12", 0).0, None);
    assert_eq!(fact(&a, "50", 0).0, None);
    // Since the founding year, up to now: the article's year, never 2007.
    assert_eq!(fact(&a, "45", 0).0, Some("training_classes"));
    assert_eq!(fact(&a, "45", 0).2, Some(2022));
    assert_eq!(fact(&a, "5.200", 0).0, Some("training_attendances"));
    assert_eq!(fact(&a, "5.200", 0).2, Some(2022));
}

#[test]
fn a_list_names_the_measure_once_then_bare_rungs() {
    let a = read_text(
        "Thị xã Hương Trà: kết quả đào tạo, bồi dưỡng cán bộ năm 2021\n\n\
         Đội ngũ cán bộ, công chức cấp xã có trình độ trung cấp lý luận chính trị chiếm 71%, \
         cao cấp chiếm 9%.\n\n\
         Cán bộ chủ chốt cấp huyện có 45% trình độ trung cấp lý luận chính trị, 40% cao cấp.\n\n\
         Đối với cán bộ lãnh đạo, quản lý cấp thị xã, 100% có trình độ đại học trở lên, trong \
         đó 38% có trình độ thạc sĩ.\n",
        "Hương Trà",
        Some("2021-12-20"),
    );
    // "cao cấp chiếm 9%" after "trung cấp lý luận chính trị chiếm 71%": the advanced rung.
    assert_eq!(fact(&a, "9%", 0).0, Some("llct_advanced_share"));
    assert_eq!(
        fact(&a, "71%", 0).0,
        None,
        "an exact level of the breakdown"
    );
    assert_eq!(fact(&a, "40%", 0).0, Some("llct_advanced_share"));
    assert_eq!(fact(&a, "45%", 0).0, None);
    let formulas: Vec<&str> = a.computed.iter().map(|c| c.formula.as_str()).collect();
    assert_eq!(formulas, ["71% + 9% = 80%", "45% + 40% = 85%"]);
    // "… trở lên, trong đó 38% thạc sĩ": or-above share and its part; nothing computed.
    assert_eq!(fact(&a, "100%", 0).0, Some("degree_university"));
    assert_eq!(fact(&a, "38%", 0).0, Some("degree_postgraduate"));
}

#[test]
fn labelled_values_take_the_label_before_them() {
    let a = read_text(
        "Huyện Đức Thọ\n\n\
         Về chuyên môn của công chức cấp xã: đại học 70,5%, thạc sĩ 8,2%.\n\n\
         Về lý luận chính trị của cán bộ chủ chốt: trung cấp lý luận chính trị 60%; cao cấp lý \
         luận chính trị 25%.\n",
        "Đức Thọ",
        Some("2023-01-05"),
    );
    assert_eq!(fact(&a, "70,5%", 0).0, None, "đại học: an exact level");
    assert_eq!(fact(&a, "8,2%", 0).0, Some("degree_postgraduate"));
    assert_eq!(fact(&a, "60%", 0).0, None);
    assert_eq!(fact(&a, "25%", 0).0, Some("llct_advanced_share"));
    let formulas: Vec<&str> = a.computed.iter().map(|c| c.formula.as_str()).collect();
    assert_eq!(formulas, ["70,5% + 8,2% = 78,7%", "60% + 25% = 85%"]);
}

#[test]
fn holders_of_a_level_and_the_share_they_make() {
    let a = read_text(
        "Quận Hoàng Mai tổng kết công tác đào tạo, bồi dưỡng cán bộ\n\n\
         Tính đến tháng 12/2021, quận có 1.423 cán bộ, công chức, viên chức. Trong đó, 92,3% có \
         trình độ đại học trở lên; 12,1% có trình độ thạc sĩ.\n\n\
         Số cán bộ có trình độ cao cấp lý luận chính trị là 156 người, chiếm 11%.\n\n\
         Từ năm 2015 đến nay, quận đã tổ chức 86 lớp bồi dưỡng với hơn 9.000 lượt người tham \
         gia.\n",
        "Hoàng Mai",
        Some("2021-12-28"),
    );
    // The population's total, then shares of it.
    assert_eq!(fact(&a, "1.423", 0).0, None);
    assert_eq!(fact(&a, "92,3%", 0).0, Some("degree_university"));
    assert_eq!(fact(&a, "12,1%", 0).0, Some("degree_postgraduate"));
    // "có trình độ cao cấp LLCT là 156 người": holders, not learners of a class …
    assert_eq!(fact(&a, "156", 0).0, None);
    // … and "chiếm 11%" is the share they make: the level's share.
    assert_eq!(
        fact(&a, "11%", 0),
        (
            Some("llct_advanced_share"),
            Some(Population::Chung),
            Some(2021),
            false
        )
    );
    // "Từ năm 2015 đến nay": the article's year, not 2015.
    assert_eq!(
        fact(&a, "86", 0),
        (
            Some("training_classes"),
            Some(Population::Chung),
            Some(2021),
            false
        )
    );
}

#[test]
fn tien_du_years_of_targets_periods_and_courses() {
    let a = read_text(
        "Huyện Tiên Du: Nâng cao chất lượng cán bộ\n\n\
         Năm 2021, tỷ lệ cán bộ, công chức cấp xã có trình độ chuyên môn đại học đạt 78,6%, \
         tăng 6,4% so với năm 2019.\n\n\
         Phấn đấu đến năm 2025, 95% cán bộ, công chức cấp xã có trình độ đại học trở lên; 100% \
         cán bộ chủ chốt cấp xã có trình độ trung cấp lý luận chính trị trở lên.\n\n\
         Năm 2022, huyện dự kiến mở 6 lớp bồi dưỡng cho 420 lượt cán bộ.\n\n\
         Giai đoạn 2020 - 2025, huyện có 35 cán bộ được đào tạo thạc sĩ.\n\n\
         Khóa học 2021 - 2023, lớp cao cấp lý luận chính trị có 52 học viên.\n",
        "Tiên Du",
        Some("2022-08-10"),
    );
    let xa = Some(Population::Xa);
    assert_eq!(
        fact(&a, "78,6%", 0),
        (Some("degree_university"), xa, Some(2021), false)
    );
    // A change against 2019 is no level, and 2019 dates nothing.
    assert_eq!(fact(&a, "6,4%", 0).0, None);
    // "Phấn đấu đến năm 2025": both items of the list are targets of 2025.
    assert_eq!(
        fact(&a, "95%", 0),
        (Some("degree_university"), xa, Some(2025), true)
    );
    assert_eq!(
        fact(&a, "100%", 0),
        (Some("llct_intermediate_share"), xa, Some(2025), true)
    );
    // "dự kiến": planned, not achieved.
    assert_eq!(fact(&a, "6", 0).0, Some("training_classes"));
    assert!(fact(&a, "6", 0).3);
    assert!(fact(&a, "420", 0).3);
    // A period's facts are of its end year; a course's of its start year.
    assert_eq!(fact(&a, "35", 0).0, Some("learners_postgraduate"));
    assert_eq!(fact(&a, "35", 0).2, Some(2025));
    assert_eq!(
        fact(&a, "52", 0),
        (
            Some("learners_llct_advanced"),
            Some(Population::HocVien),
            Some(2021),
            false
        )
    );
}

#[test]
fn sam_son_anniversary_dates_an_undated_article_and_a_school_year_its_start() {
    let a = read_text(
        "Thành phố Sầm Sơn: 25 năm xây dựng và phát triển\n\n\
         Sau 25 năm thành lập (1994 - 2019), thành phố có 98% cán bộ, công chức phường, xã đạt \
         chuẩn.\n\n\
         Năm học 2018 - 2019, Trung tâm đã mở 12 lớp với 850 học viên.\n",
        "Sầm Sơn",
        None,
    );
    // No dateline: 25 years after the founding in 1994 (a range's start), never 1994 itself.
    assert_eq!(article_year(&a), Some(2019));
    assert_eq!(fact(&a, "98%", 0).0, Some("standard_met"));
    assert_eq!(fact(&a, "98%", 0).2, Some(2019));
    // A school year's facts are of its start.
    assert_eq!(fact(&a, "12", 0).0, Some("training_classes"));
    assert_eq!(fact(&a, "12", 0).2, Some(2018));
}

#[test]
fn krong_nang_statistics_count_and_share_per_level() {
    let a = read_text(
        "Huyện Krông Năng: công tác cán bộ năm 2022\n\n\
         Hiện nay, toàn huyện có 1.086 cán bộ, công chức cấp xã; trong đó, trình độ chuyên môn: \
         đại học 812 người (74,8%), cao đẳng 45 người (4,1%), trung cấp 189 người (17,4%).\n",
        "Krông Năng",
        Some("2022-11-02"),
    );
    assert_eq!(fact(&a, "1.086", 0).0, None, "the population's total");
    // "đại học 812 người": holders of a level, no count indicator …
    assert_eq!(fact(&a, "812", 0).0, None);
    assert_eq!(fact(&a, "45", 0).0, None);
    // … and the share in brackets is the level's share.
    assert_eq!(
        fact(&a, "74,8%", 0),
        (
            Some("degree_university"),
            Some(Population::Xa),
            Some(2022),
            false
        )
    );
    // Lower rungs beside it are exact levels; without the rung above (sau đại học) nothing
    // adds up to an "or above" share.
    assert_eq!(fact(&a, "4,1%", 0).0, None);
    assert_eq!(fact(&a, "17,4%", 0).0, None);
    assert!(a.computed.is_empty(), "{:?}", a.computed);
}

#[test]
fn bare_rungs_labelled_before_and_two_parts_on_one_rung() {
    let a = read_text(
        "Huyện Mỹ Hào\n\n\
         Có 40% cán bộ chủ chốt có trình độ cao cấp lý luận chính trị, trung cấp 50%.\n\n\
         Trình độ chuyên môn của công chức xã: đại học 70%, cao đẳng 10%, trung cấp 15%; thạc \
         sĩ 3%.\n",
        "Mỹ Hào",
        Some("2023-04-04"),
    );
    // "…, trung cấp 50%." names the lower rung of the list's ladder: an exact level.
    assert_eq!(fact(&a, "40%", 0).0, Some("llct_advanced_share"));
    assert_eq!(fact(&a, "50%", 0).0, None);
    // "trung cấp 15%; thạc sĩ 3%": the label before 15%, not the next item's.
    assert_eq!(fact(&a, "15%", 0).0, None);
    assert_eq!(fact(&a, "3%", 0).0, Some("degree_postgraduate"));
    let formulas: Vec<&str> = a.computed.iter().map(|c| c.formula.as_str()).collect();
    // cao đẳng and trung cấp share one rung of the catalogue's ladder: the sum from that rung
    // is not offered (which part starts it is not said); đại học trở lên is.
    assert_eq!(formulas, ["40% + 50% = 90%", "70% + 3% = 73%"]);
}

#[test]
fn graduation_names_the_whole_class_grades_do_not() {
    let a = read_text(
        "Trao bằng tốt nghiệp lớp Trung cấp lý luận chính trị - hành chính khóa 45\n\n\
         Chiều 28/12/2023, Trường Chính trị tỉnh trao bằng tốt nghiệp cho 92 đồng chí học viên \
         lớp Trung cấp lý luận chính trị - hành chính khóa 45.\n\n\
         Kết quả: 100% học viên tốt nghiệp, trong đó 28 đồng chí xếp loại giỏi.\n",
        "Hà Tĩnh",
        Some("2023-12-28"),
    );
    // "tốt nghiệp" before the figure: the diploma goes to the whole class.
    assert_eq!(
        fact(&a, "92", 0),
        (
            Some("learners_llct_intermediate"),
            Some(Population::HocVien),
            Some(2023),
            false
        )
    );
    // "xếp loại giỏi" after it: a grade distribution.
    assert_eq!(fact(&a, "28", 0).0, None);
}

#[test]
fn learners_described_after_a_copula_stay_learners() {
    let a = read_text(
        "Huyện Bình Lục: khai giảng lớp sơ cấp lý luận chính trị năm 2023\n\n\
         Ngày 6/3/2023, Trung tâm Chính trị huyện Bình Lục khai giảng lớp Sơ cấp lý luận chính \
         trị cho 75 học viên là đảng viên mới và quần chúng ưu tú.\n\n\
         Năm 2023, toàn huyện đã kết nạp 312 đảng viên mới.\n",
        "Bình Lục",
        Some("2023-03-06"),
    );
    // "là đảng viên mới" says who the learners are, not what is counted.
    assert_eq!(
        fact(&a, "75", 0),
        (
            Some("learners_llct_elementary"),
            Some(Population::HocVien),
            Some(2023),
            false
        )
    );
    // In the noun phrase itself, new party members decide.
    assert_eq!(
        fact(&a, "312", 0),
        (
            Some("party_members"),
            Some(Population::DangVien),
            Some(2023),
            false
        )
    );
}

#[test]
fn a_goal_year_never_dates_an_undated_article() {
    let a = read_text(
        "Huyện Đông Anh: kết quả công tác cán bộ\n\n\
         Năm 2023, tỷ lệ cán bộ cấp xã có trình độ đại học trở lên đạt 85%, cao hơn 7,5% so với \
         năm 2020.\n\n\
         Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn chuyên môn đạt 98,4%.\n\n\
         Phấn đấu năm 2025, 100% cán bộ, công chức cấp xã đạt chuẩn chính trị.\n",
        "Đông Anh",
        None,
    );
    // The latest year it reports on is 2023; 2025 is a goal.
    assert_eq!(article_year(&a), Some(2023));
    assert_eq!(fact(&a, "98,4%", 0).2, Some(2023));
    assert_eq!(
        fact(&a, "85%", 0),
        (
            Some("degree_university"),
            Some(Population::Xa),
            Some(2023),
            false
        )
    );
    assert_eq!(fact(&a, "7,5%", 0).0, None, "a change");
    let goal = fact(&a, "100%", 0);
    assert_eq!((goal.2, goal.3), (Some(2025), true));
}
