//! Comparison tables, the overview and their CSV, on the sample articles and crafted ones.

use solieu::compare::{CSV_HEADER, comparable_value, overview, table, to_csv};
use solieu::indicators::{Catalogue, assign};
use solieu::load::{LoadedText, load_file};
use solieu::model::{Article, Kind, Qualifier, Reading, Status};
use solieu::pipeline::Pipeline;
use std::path::Path;

fn sample_paths() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    entries
}

/// The five samples through the loader, the extractor and the assignment, with short paths.
fn samples() -> Vec<Article> {
    let cat = Catalogue::builtin();
    sample_paths()
        .iter()
        .map(|p| {
            let loaded = load_file(p).unwrap_or_else(|e| panic!("{e}"));
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut a = Pipeline::builtin().analyze(&name, loaded);
            assign(&mut a, &cat);
            a
        })
        .collect()
}

fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM");
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| {
            rec.unwrap_or_else(|e| panic!("{e}"))
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

fn col(name: &str) -> usize {
    CSV_HEADER
        .iter()
        .position(|h| *h == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// (substring, occurrence, kind, value, qualifier, change)
type Spec<'a> = (&'a str, usize, Kind, f64, Option<Qualifier>, bool);

/// A made-up article with figures built here (independent of the extractor).
fn text_article(path: &str, district: &str, text: &str, specs: &[Spec<'_>]) -> Article {
    let loaded = LoadedText {
        text: text.to_string(),
        encoding: "utf-8".into(),
        ..Default::default()
    };
    let mut a = Pipeline::builtin().analyze(path, loaded);
    a.district = Some(district.to_string());
    a.title = Some(format!("Tin {district}"));
    a.published = Some("2021-06-01".into());
    a.figures = specs
        .iter()
        .enumerate()
        .map(|(k, &(s, occ, kind, value, q, change))| {
            let b0 = text
                .match_indices(s)
                .map(|(i, _)| i)
                .nth(occ)
                .unwrap_or_else(|| panic!("{s} #{occ}"));
            let b1 = b0 + s.len();
            let mut reading = Reading::new(kind);
            reading.value = Some(value);
            reading.qualifier = q;
            reading.change = change;
            crate::util::figure_at(text, b0, b1, k as u64 + 1, reading)
        })
        .collect();
    assign(&mut a, &Catalogue::builtin());
    a
}

const P: Kind = Kind::Percent;

/// The columns that do not depend on the extractor's sentence splitting.
fn key_columns(records: &[Vec<String>]) -> Vec<String> {
    let cols = [
        "indicator",
        "district",
        "year",
        "value",
        "qualifier",
        "text",
        "target",
        "conflict",
        "status",
        "article",
        "missing",
    ]
    .map(col);
    records
        .iter()
        .map(|r| cols.map(|c| r[c].as_str()).join("|"))
        .collect()
}

#[test]
fn sample_csv_learners_llct_intermediate() {
    let arts = samples();
    let c = table(&arts, "learners_llct_intermediate");
    let recs = csv_records(&to_csv(&c, &Catalogue::builtin()));
    assert_eq!(recs[0], CSV_HEADER);
    // Names for the officer beside the ids.
    assert_eq!(
        recs[1][col("indicator_name")],
        Catalogue::builtin()
            .get("learners_llct_intermediate")
            .map(|i| i.name.clone())
            .unwrap_or_default()
    );
    assert!(!recs[1][col("indicator_name")].is_empty());
    assert_eq!(
        key_columns(&recs[1..]),
        [
            "learners_llct_intermediate|Đình Lập|2017|68||68|false|false|extracted|001_c6b0febf5c4e5fd2.txt|false",
            "learners_llct_intermediate|Đình Lập|2018|69||69|false|false|extracted|001_c6b0febf5c4e5fd2.txt|false",
            "learners_llct_intermediate|Đình Lập|2019|12||12|false|false|extracted|001_c6b0febf5c4e5fd2.txt|false",
            "learners_llct_intermediate|Phú Ninh|2017|163||163|false|false|extracted|002_bb7d62f00e8dc002.txt|false",
            "learners_llct_intermediate|Càng Long|||||||||true",
            "learners_llct_intermediate|Chợ Đồn|||||||||true",
            "learners_llct_intermediate|Đất Đỏ|||||||||true",
        ]
    );
    // Title and sentence travel with the row.
    let row69 = &recs[2];
    assert_eq!(
        row69[col("title")],
        "Đình Lập coi trọng đào tạo, bồi dưỡng đội ngũ cán bộ"
    );
    assert!(row69[col("sentence")].contains("với 69 học viên"));
    assert_eq!(c.missing_districts, ["Càng Long", "Chợ Đồn", "Đất Đỏ"]);
}

#[test]
fn sample_csv_shares_with_targets_and_ratios() {
    let arts = samples();
    let recs = csv_records(&to_csv(
        &table(&arts, "llct_intermediate_share"),
        &Catalogue::builtin(),
    ));
    assert_eq!(
        key_columns(&recs[1..]),
        [
            "llct_intermediate_share|Càng Long|2025|85||85%|true|false|extracted|003_8215306f508ab7da.txt|false",
            "llct_intermediate_share|Càng Long|2025|100||100%|true|false|extracted|003_8215306f508ab7da.txt|false",
            "llct_intermediate_share|Chợ Đồn|2020|60||60%|false|false|extracted|004_a7ba4a489810e601.txt|false",
            "llct_intermediate_share|Phú Ninh|2017|100||100%|false|false|extracted|002_bb7d62f00e8dc002.txt|false",
            "llct_intermediate_share|Đất Đỏ|||||||||true",
            "llct_intermediate_share|Đình Lập|||||||||true",
        ]
    );
    // A ratio measuring a share is shown in percent.
    let c = table(&arts, "degree_postgraduate");
    let ratio = c.rows.iter().find(|r| r.text == "16/172");
    assert_eq!(ratio.and_then(|r| r.value), Some(9.3));
    let nine = c.rows.iter().find(|r| r.text == "9%");
    assert_eq!(nine.and_then(|r| r.qualifier), Some(Qualifier::MoreThan));
}

#[test]
fn crafted_csv_exact() {
    let a = text_article(
        "a.txt",
        "Đất Đỏ",
        "Năm 2020, có 97,2% cán bộ đạt chuẩn chuyên môn, tăng 5% so với năm 2015.",
        &[
            ("97,2%", 0, P, 97.2, None, false),
            ("5%", 0, P, 5.0, None, true),
        ],
    );
    let b = text_article(
        "b.txt",
        "Đất Đỏ",
        "Năm 2020, có trên 95% cán bộ đạt chuẩn chuyên môn.",
        &[("95%", 0, P, 95.0, Some(Qualifier::MoreThan), false)],
    );
    let c = text_article(
        "c.txt",
        "Chợ Đồn",
        "Năm 2019, có 80% cán bộ đạt chuẩn chuyên môn.",
        &[("80%", 0, P, 80.0, None, false)],
    );
    let d = text_article("d.txt", "Càng Long", "Không có số liệu.", &[]);
    let cmp = table(&[a, b, c, d], "standard_professional");
    let csv = String::from_utf8(to_csv(&cmp, &Catalogue::builtin())).unwrap_or_default();
    let expected = "\u{feff}indicator,indicator_name,population,population_name,district,year,value,value_to,qualifier,text,unit,target,conflict,status,article,figure,title,sentence,computed,missing\n\
standard_professional,\"Tỷ lệ cán bộ, công chức đạt chuẩn chuyên môn\",chung,CBCC chung,Chợ Đồn,2019,80,,,80%,,false,false,extracted,c.txt,1,Tin Chợ Đồn,\"Năm 2019, có 80% cán bộ đạt chuẩn chuyên môn.\",false,false\n\
standard_professional,\"Tỷ lệ cán bộ, công chức đạt chuẩn chuyên môn\",chung,CBCC chung,Đất Đỏ,2020,97.2,,,\"97,2%\",,false,true,extracted,a.txt,1,Tin Đất Đỏ,\"Năm 2020, có 97,2% cán bộ đạt chuẩn chuyên môn, tăng 5% so với năm 2015.\",false,false\n\
standard_professional,\"Tỷ lệ cán bộ, công chức đạt chuẩn chuyên môn\",chung,CBCC chung,Đất Đỏ,2020,95,,more_than,95%,,false,true,extracted,b.txt,1,Tin Đất Đỏ,\"Năm 2020, có trên 95% cán bộ đạt chuẩn chuyên môn.\",false,false\n\
standard_professional,\"Tỷ lệ cán bộ, công chức đạt chuẩn chuyên môn\",,,Càng Long,,,,,,,,,,,,,,,true\n";
    assert_eq!(csv, expected);
}

#[test]
fn rejected_left_out_corrected_used_conflicts_marked() {
    let mk = |path: &str, v: &str, value: f64| {
        text_article(
            path,
            "Phú Ninh",
            &format!("Năm 2020, {v} cán bộ có trình độ đại học trở lên."),
            &[(v, 0, P, value, None, false)],
        )
    };
    let a = mk("a.txt", "90%", 90.0);
    let mut b = mk("b.txt", "85%", 85.0);
    let c = table(&[a.clone(), b.clone()], "degree_university");
    assert_eq!(c.rows.len(), 2);
    assert!(c.rows.iter().all(|r| r.conflict));

    // Corrected to agree: no conflict, the corrected value shown.
    b.figures[0].status = Status::Corrected;
    b.figures[0].reading.value = Some(90.0);
    let c = table(&[a.clone(), b.clone()], "degree_university");
    assert!(c.rows.iter().all(|r| !r.conflict));
    assert_eq!(c.rows[1].value, Some(90.0));
    assert_eq!(c.rows[1].status, Status::Corrected);

    // Rejected: left out.
    b.figures[0].status = Status::Rejected;
    let c = table(&[a, b], "degree_university");
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].path, "a.txt");
}

#[test]
fn comparable_values() {
    let a = text_article(
        "a.txt",
        "Phú Ninh",
        "Có 16/172 đồng chí có trình độ sau đại học.",
        &[("16/172", 0, Kind::Ratio, 16.0 / 172.0, None, false)],
    );
    assert_eq!(comparable_value(&a.figures[0]), Some(9.3));
    let mut f = a.figures[0].clone();
    f.reading.value = None;
    assert_eq!(comparable_value(&f), Some(9.3));
}

#[test]
fn overview_of_samples() {
    let arts = samples();
    let cat = Catalogue::builtin();
    let o = overview(&arts, &cat);
    assert_eq!(
        o.districts,
        ["Càng Long", "Chợ Đồn", "Đất Đỏ", "Đình Lập", "Phú Ninh"]
    );
    assert_eq!(o.indicators.len(), cat.indicators().len());
    assert_eq!(o.cells.len(), o.districts.len());
    assert!(o.cells.iter().all(|r| r.len() == o.indicators.len()));

    let cell = o.cell("Chợ Đồn", "degree_university");
    assert_eq!(cell.and_then(|c| c.value), Some(98.5));
    assert_eq!(cell.map(|c| c.article), Some(4));
    let cell = o.cell("Đất Đỏ", "standard_political");
    assert_eq!(cell.map(|c| c.text.as_str()), Some("97,53%"));
    // Latest year wins: Đình Lập's learners in trung cấp classes, 2019 over 2018 and 2017.
    let cell = o.cell("Đình Lập", "learners_llct_intermediate");
    assert_eq!(cell.and_then(|c| c.year), Some(2019));
    assert_eq!(cell.map(|c| c.count), Some(3));
    // Targets are not achieved values.
    assert!(o.cell("Càng Long", "llct_intermediate_share").is_none());
    assert!(o.cell("Phú Ninh", "it_certificate").is_none());
}

#[test]
fn one_fact_once_and_conflicts_only_between_articles() {
    // The headline figure repeated in the sapo and the body: one row, three mentions.
    let text = "Huyện Tân Phú: 96,5% cán bộ, công chức cấp xã đạt chuẩn chuyên môn\n\
                Đến nay, 96,5% cán bộ, công chức cấp xã đạt chuẩn chuyên môn.\n\
                Theo báo cáo, toàn huyện có 96,5% cán bộ, công chức cấp xã đạt chuẩn chuyên môn; \
                ở cấp huyện, 98% cán bộ, công chức đạt chuẩn chuyên môn.";
    let a = text_article(
        "a.txt",
        "Tân Phú",
        text,
        &[
            ("96,5%", 0, P, 96.5, None, false),
            ("96,5%", 1, P, 96.5, None, false),
            ("96,5%", 2, P, 96.5, None, false),
            ("98%", 0, P, 98.0, None, false),
        ],
    );
    let c = table(std::slice::from_ref(&a), "standard_professional");
    let rows: Vec<(Option<f64>, usize)> = c.rows.iter().map(|r| (r.value, r.mentions)).collect();
    assert!(rows.contains(&(Some(96.5), 3)), "{rows:?}");
    assert_eq!(c.rows.len(), 2, "{rows:?}");
    assert!(
        c.rows.iter().all(|r| !r.conflict),
        "an article never conflicts with itself"
    );
    // Another article, same district, population and year, another value: a conflict.
    let b = text_article(
        "b.txt",
        "Tân Phú",
        "Đến nay, 94% cán bộ, công chức cấp xã đạt chuẩn chuyên môn.",
        &[("94%", 0, P, 94.0, None, false)],
    );
    let c = table(&[a, b], "standard_professional");
    let conflicted: Vec<Option<f64>> = c
        .rows
        .iter()
        .filter(|r| r.conflict)
        .map(|r| r.value)
        .collect();
    assert_eq!(conflicted.len(), 2, "{conflicted:?}");
    assert!(conflicted.contains(&Some(94.0)) && conflicted.contains(&Some(96.5)));
}
