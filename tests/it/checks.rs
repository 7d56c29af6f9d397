//! Cross-checks on crafted numbers and on the sample articles.

use crate::util::{analyzed, sample_path};

use solieu::checks::{Issue, IssueKind, check};
use solieu::indicators::{Catalogue, assign};
use solieu::load::{LoadedText, load_file};
use solieu::model::{Article, Kind, Qualifier, Reading, Status};
use solieu::pipeline::Pipeline;

const P: Kind = Kind::Percent;
const C: Kind = Kind::Count;
const R: Kind = Kind::Ratio;

/// (substring, occurrence, kind, value, qualifier, unit, change)
type Spec<'a> = (
    &'a str,
    usize,
    Kind,
    f64,
    Option<Qualifier>,
    Option<&'a str>,
    bool,
);

fn with_figures(mut a: Article, specs: &[Spec<'_>]) -> Article {
    let text = a.text.clone();
    a.figures = specs
        .iter()
        .map(|&(s, occ, kind, value, q, unit, change)| {
            let b0 = crate::util::whole_number_at(&text, s, occ, &a.path);
            let b1 = b0 + s.len();
            let mut reading = Reading::new(kind);
            reading.value = Some(value);
            reading.qualifier = q;
            reading.unit = unit.map(str::to_string);
            reading.change = change;
            crate::util::figure_at(&text, b0, b1, 0, reading)
        })
        .collect();
    a.figures.sort_by_key(|f| f.start);
    for (k, f) in a.figures.iter_mut().enumerate() {
        f.id = k as u64 + 1;
    }
    assign(&mut a, &Catalogue::builtin());
    a
}

fn crafted(prefix: &str, specs: &[Spec<'_>]) -> Article {
    let p = sample_path(prefix);
    let loaded = load_file(&p).unwrap_or_else(|e| panic!("{e}"));
    with_figures(
        Pipeline::builtin().analyze(&p.to_string_lossy(), loaded),
        specs,
    )
}

fn text_article(path: &str, text: &str, district: &str, specs: &[Spec<'_>]) -> Article {
    let loaded = LoadedText {
        text: text.to_string(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let mut a = Pipeline::builtin().analyze(path, loaded);
    a.district = Some(district.to_string());
    a.published = Some("2021-06-01".into());
    with_figures(a, specs)
}

fn of_kind(issues: &[Issue], kind: IssueKind) -> Vec<&Issue> {
    issues.iter().filter(|i| i.kind == kind).collect()
}

fn figure_id(a: &Article, text: &str) -> u64 {
    a.figures
        .iter()
        .find(|f| f.text == text)
        .map(|f| f.id)
        .unwrap_or_else(|| panic!("{text} missing"))
}

// ----- ratios beside percentages ---------------------------------------------------------------

#[test]
fn sample_002_ratios_agree_with_their_percentages() {
    let mt = Some(Qualifier::MoreThan);
    let a = crafted(
        "002",
        &[
            ("100%", 2, P, 100.0, None, None, false),
            ("16/172", 0, R, 16.0 / 172.0, None, Some("đồng chí"), false),
            ("9%", 0, P, 9.0, mt, None, false),
            ("100%", 3, P, 100.0, None, None, false),
            ("78/172", 0, R, 78.0 / 172.0, None, Some("đồng chí"), false),
            ("45,3%", 0, P, 45.3, None, None, false),
        ],
    );
    let issues = check(&[a]);
    assert!(issues.is_empty(), "{issues:#?}");
}

#[test]
fn sample_002_through_the_extractor_has_no_ratio_issue() {
    let a = analyzed("002");
    let issues = check(&[a]);
    assert!(
        of_kind(&issues, IssueKind::RatioMismatch).is_empty(),
        "{issues:#?}"
    );
}

#[test]
fn ratio_far_from_its_percentage_is_flagged() {
    let a = text_article(
        "a.txt",
        "Có 16/172 đồng chí có trình độ sau đại học, đạt 15%; 30/200 đồng chí là nữ, chiếm trên 16%.",
        "Phú Ninh",
        &[
            ("16/172", 0, R, 16.0 / 172.0, None, Some("đồng chí"), false),
            ("15%", 0, P, 15.0, None, None, false),
            ("30/200", 0, R, 0.15, None, Some("đồng chí"), false),
            ("16%", 0, P, 16.0, Some(Qualifier::MoreThan), None, false),
        ],
    );
    let issues = check(std::slice::from_ref(&a));
    let bad = of_kind(&issues, IssueKind::RatioMismatch);
    assert_eq!(bad.len(), 2, "{issues:#?}");
    assert_eq!(bad[0].figures.len(), 2);
    assert_eq!(bad[0].figures[0].figure, figure_id(&a, "16/172"));
    assert!(bad[0].message_vi.contains("16/172"));
    assert!(bad[0].message_en.contains("9.3"));
    // "trên 16%" with 15%: below the bound.
    assert_eq!(bad[1].figures[0].figure, figure_id(&a, "30/200"));
}

#[test]
fn qualified_percentages_allow_their_bound() {
    let a = text_article(
        "a.txt",
        "Có 16/172 đồng chí có trình độ sau đại học, đạt trên 9%; có 19/20 đồng chí đạt gần 96%.",
        "Phú Ninh",
        &[
            ("16/172", 0, R, 16.0 / 172.0, None, None, false),
            ("9%", 0, P, 9.0, Some(Qualifier::MoreThan), None, false),
            ("19/20", 0, R, 0.95, None, None, false),
            ("96%", 0, P, 96.0, Some(Qualifier::Nearly), None, false),
        ],
    );
    let issues = check(&[a]);
    assert!(issues.is_empty(), "{issues:#?}");
}

// ----- parts and totals ------------------------------------------------------------------------

#[test]
fn sample_001_parts_within_totals() {
    let a = crafted(
        "001",
        &[
            ("18", 0, C, 18.0, None, Some("cán bộ"), false),
            ("9", 0, C, 9.0, None, Some("cán bộ"), false),
            ("4", 0, C, 4.0, None, Some("cán bộ"), false),
            (
                "1.188",
                0,
                C,
                1188.0,
                None,
                Some("công chức, viên chức"),
                false,
            ),
            ("796", 0, C, 796.0, None, Some("người"), false),
            ("199", 0, C, 199.0, None, Some("người"), false),
        ],
    );
    let issues = check(&[a]);
    assert!(issues.is_empty(), "{issues:#?}");
    let issues = check(&[analyzed("001")]);
    assert!(
        of_kind(&issues, IssueKind::PartExceedsTotal).is_empty(),
        "{issues:#?}"
    );
}

#[test]
fn part_larger_than_total_is_flagged() {
    let a = text_article(
        "a.txt",
        "Thị trấn hiện có 18 cán bộ, trong đó có 19 cán bộ có chứng chỉ TCLLCT-HC, 4 cán bộ có \
         chứng chỉ sơ cấp LLCT. Trong tổng số 188 công chức, viên chức của huyện, hiện nay có 796 \
         người có trình độ chuyên môn từ cao đẳng trở lên. Có 5/4 đồng chí đi học.",
        "Đình Lập",
        &[
            ("18", 0, C, 18.0, None, Some("cán bộ"), false),
            ("19", 0, C, 19.0, None, Some("cán bộ"), false),
            ("4", 0, C, 4.0, None, Some("cán bộ"), false),
            (
                "188",
                0,
                C,
                188.0,
                None,
                Some("công chức, viên chức"),
                false,
            ),
            ("796", 0, C, 796.0, None, Some("người"), false),
            ("5/4", 0, R, 1.25, None, Some("đồng chí"), false),
        ],
    );
    let issues = check(std::slice::from_ref(&a));
    let bad = of_kind(&issues, IssueKind::PartExceedsTotal);
    assert_eq!(bad.len(), 3, "{issues:#?}");
    assert_eq!(
        bad.iter()
            .map(|i| i.figures.iter().map(|f| f.figure).collect::<Vec<_>>())
            .collect::<Vec<_>>(),
        [
            vec![figure_id(&a, "5/4")],
            vec![figure_id(&a, "18"), figure_id(&a, "19")],
            vec![figure_id(&a, "188"), figure_id(&a, "796")],
        ]
    );
}

#[test]
fn percentage_part_of_percentage() {
    let a = text_article(
        "a.txt",
        "Có 40% cán bộ có trình độ đại học, trong đó 45% có bằng thạc sĩ.",
        "Chợ Đồn",
        &[
            ("40%", 0, P, 40.0, None, None, false),
            ("45%", 0, P, 45.0, None, None, false),
        ],
    );
    let issues = check(&[a]);
    assert_eq!(
        of_kind(&issues, IssueKind::PartExceedsTotal).len(),
        1,
        "{issues:#?}"
    );
}

// ----- shares of one whole ---------------------------------------------------------------------

#[test]
fn disjoint_shares_over_100_are_flagged() {
    let a = text_article(
        "a.txt",
        "Đội ngũ cán bộ có 250 người, trong đó trình độ đại học chiếm 60%, cao đẳng 30%, trung cấp 20%.",
        "Càng Long",
        &[
            ("250", 0, C, 250.0, None, Some("người"), false),
            ("60%", 0, P, 60.0, None, None, false),
            ("30%", 0, P, 30.0, None, None, false),
            ("20%", 0, P, 20.0, None, None, false),
        ],
    );
    let issues = check(&[a]);
    let bad = of_kind(&issues, IssueKind::SharesOver100);
    assert_eq!(bad.len(), 1, "{issues:#?}");
    assert_eq!(bad[0].figures.len(), 3);
    assert!(bad[0].message_vi.contains("110"));
}

#[test]
fn independent_or_cumulative_shares_are_not_flagged() {
    let a = text_article(
        "a.txt",
        "Đến nay, 100% cán bộ đạt chuẩn; 100% cán bộ có bằng chuyên môn phù hợp. Trong đó, 98,5% \
         có trình độ từ đại học trở lên; 60% có trình độ trung cấp lý luận chính trị trở lên. \
         Trong đó đại học chiếm 60,2%, cao đẳng 39,9%.",
        "Chợ Đồn",
        &[
            ("100%", 0, P, 100.0, None, None, false),
            ("100%", 1, P, 100.0, None, None, false),
            ("98,5%", 0, P, 98.5, None, None, false),
            ("60%", 0, P, 60.0, None, None, false),
            ("60,2%", 0, P, 60.2, None, None, false),
            ("39,9%", 0, P, 39.9, None, None, false),
        ],
    );
    let issues = check(&[a]);
    assert!(issues.is_empty(), "{issues:#?}");
    // The samples themselves (many "100%" shares) raise no such issue.
    let all: Vec<Article> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| analyzed(p))
        .collect();
    let issues = check(&all);
    assert!(
        of_kind(&issues, IssueKind::SharesOver100).is_empty(),
        "{issues:#?}"
    );
}

// ----- percentages above 100 -------------------------------------------------------------------

#[test]
fn percent_over_100_unless_a_change() {
    let a = text_article(
        "a.txt",
        "Có 130% cán bộ đạt chuẩn chuyên môn. Số lượt bồi dưỡng tăng 130% so với năm trước.",
        "Đất Đỏ",
        &[
            ("130%", 0, P, 130.0, None, None, false),
            ("130%", 1, P, 130.0, None, None, true),
        ],
    );
    let issues = check(std::slice::from_ref(&a));
    let bad = of_kind(&issues, IssueKind::PercentOver100);
    assert_eq!(bad.len(), 1, "{issues:#?}");
    assert_eq!(bad[0].figures[0].figure, 1);
    assert_eq!(bad[0].figures[0].path, "a.txt");

    // Rejected figures are ignored; a corrected value is used.
    let mut b = a.clone();
    b.figures[0].status = Status::Rejected;
    assert!(of_kind(&check(&[b]), IssueKind::PercentOver100).is_empty());
    let mut c = a;
    c.figures[0].status = Status::Corrected;
    c.figures[0].reading.value = Some(13.0);
    assert!(of_kind(&check(&[c]), IssueKind::PercentOver100).is_empty());
}

// ----- conflicts between articles --------------------------------------------------------------

fn standard_article(path: &str, district: &str, value: &str, v: f64) -> Article {
    text_article(
        path,
        &format!("Năm 2020, có {value} cán bộ, công chức đạt chuẩn chuyên môn."),
        district,
        &[(value, 0, P, v, None, None, false)],
    )
}

#[test]
fn same_district_indicator_year_with_different_values() {
    let a = standard_article("a.txt", "Đất Đỏ", "97,2%", 97.2);
    let b = standard_article("b.txt", "Đất  đỏ", "95%", 95.0);
    let c = standard_article("c.txt", "Chợ Đồn", "90%", 90.0);
    for art in [&a, &b, &c] {
        assert_eq!(
            art.figures[0].reading.indicator.as_deref(),
            Some("standard_professional")
        );
        assert_eq!(art.figures[0].reading.year, Some(2020));
    }
    let issues = check(&[a.clone(), b.clone(), c.clone()]);
    let bad = of_kind(&issues, IssueKind::Conflict);
    assert_eq!(bad.len(), 1, "{issues:#?}");
    let arts: Vec<usize> = bad[0].figures.iter().map(|f| f.article).collect();
    assert_eq!(arts, [0, 1]);
    assert!(bad[0].message_vi.contains("97,2"));
    assert!(bad[0].message_en.contains("standard_professional"));

    // Same value: no conflict. Rejected: ignored. Corrected to agree: no conflict.
    let same = standard_article("d.txt", "Đất Đỏ", "97,2%", 97.2);
    assert!(of_kind(&check(&[a.clone(), same]), IssueKind::Conflict).is_empty());
    let mut rejected = b.clone();
    rejected.figures[0].status = Status::Rejected;
    assert!(of_kind(&check(&[a.clone(), rejected]), IssueKind::Conflict).is_empty());
    let mut corrected = b;
    corrected.figures[0].status = Status::Corrected;
    corrected.figures[0].reading.value = Some(97.2);
    assert!(of_kind(&check(&[a.clone(), corrected]), IssueKind::Conflict).is_empty());

    // Another population (commune officials vs district officials) is another fact.
    let mut commune = standard_article("e.txt", "Đất Đỏ", "80%", 80.0);
    let other = match a.figures[0].reading.population {
        Some(solieu::model::Population::Xa) => solieu::model::Population::Huyen,
        _ => solieu::model::Population::Xa,
    };
    commune.figures[0].reading.population = Some(other);
    assert!(of_kind(&check(&[a, commune]), IssueKind::Conflict).is_empty());
}

#[test]
fn one_article_alone_is_no_conflict() {
    // 000 gives two "đạt chuẩn chuyên môn" shares (leaders 97,2%, commune officials 91,4%).
    let issues = check(&[analyzed("000")]);
    assert!(
        of_kind(&issues, IssueKind::Conflict).is_empty(),
        "{issues:#?}"
    );
}

#[test]
fn samples_raise_no_false_alarm() {
    let all: Vec<Article> = ["000", "001", "002", "003", "004"]
        .iter()
        .map(|p| analyzed(p))
        .collect();
    let issues = check(&all);
    assert!(issues.is_empty(), "{issues:#?}");
}
