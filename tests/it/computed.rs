//! Computed facts: the "or above" share a complete breakdown adds up to (`55,2% đại học; 2%
//! trên đại học` → đại học trở lên 57,2%), offered, accepted or rejected by the officer, in
//! the comparison, the JSON, the CSV and the workbook. Hand-written portal-style sentences.

use solieu::compare::table;
use solieu::indicators::{Catalogue, assign};
use solieu::model::{Article, Computed, Document, Population, Qualifier, Status};
use solieu::pipeline::Pipeline;
use solieu::review::Workspace;
use std::path::PathBuf;

/// An article of Krông Pắc dated 2022-05-10, read through the whole pipeline.
fn read(text: &str) -> Article {
    crate::util::read_text(text, "Krông Pắc", Some("2022-05-10"))
}

fn indicator_of<'a>(a: &'a Article, text: &str) -> Option<&'a str> {
    a.figures
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text} in {:?}", a.figures))
        .reading
        .indicator
        .as_deref()
}

fn id_of(a: &Article, text: &str) -> u64 {
    a.figures
        .iter()
        .find(|f| f.text == text)
        .unwrap_or_else(|| panic!("no figure {text}"))
        .id
}

const DEGREES: &str = "Về trình độ chuyên môn, cán bộ, công chức cấp huyện có 55,2% trình độ \
                       đại học; 2% trình độ trên đại học.";

fn only_offer(a: &Article) -> &Computed {
    assert_eq!(a.computed.len(), 1, "one offer: {:?}", a.computed);
    &a.computed[0]
}

#[test]
fn a_complete_breakdown_offers_its_or_above_share() {
    let a = read(DEGREES);
    // The parts are what they say: one exact level, and the top level.
    assert_eq!(indicator_of(&a, "55,2%"), None);
    assert_eq!(indicator_of(&a, "2%"), Some("degree_postgraduate"));
    let c = only_offer(&a);
    assert_eq!(c.reading.indicator.as_deref(), Some("degree_university"));
    assert_eq!(c.reading.value, Some(57.2));
    assert_eq!(c.formula, "55,2% + 2% = 57,2%");
    assert_eq!(c.from, vec![id_of(&a, "55,2%"), id_of(&a, "2%")]);
    assert_eq!(c.status, Status::Extracted, "offered, not decided");
    assert_eq!(c.reading.population, Some(Population::Huyen));
    assert_eq!(c.reading.year, Some(2022));
    // No span of its own: the figures are the text's, nothing was added to them.
    assert!(a.figures.iter().all(|f| f.text != "57,2%"));
    // A computed id is no figure id.
    assert!(a.figures.iter().all(|f| f.id != c.id));
}

#[test]
fn bounded_parts_give_a_bounded_sum() {
    // Political theory: sơ cấp is no rung of the catalogue's ladder, trung cấp and cao cấp are.
    let a = read(
        "Đến nay, đội ngũ cán bộ chủ chốt xã có gần 80% trình độ trung cấp lý luận chính trị và \
         trên 10% trình độ cao cấp lý luận chính trị.",
    );
    assert_eq!(indicator_of(&a, "80%"), None);
    assert_eq!(indicator_of(&a, "10%"), Some("llct_advanced_share"));
    let c = only_offer(&a);
    assert_eq!(
        c.reading.indicator.as_deref(),
        Some("llct_intermediate_share")
    );
    assert_eq!(c.reading.value, Some(90.0));
    // "gần 80%" and "trên 10%": the sum is only about 90%.
    assert_eq!(c.reading.qualifier, Some(Qualifier::About));
    assert_eq!(c.formula, "≲80% + >10% = ≈90%");
}

#[test]
fn an_incomplete_breakdown_offers_nothing() {
    // "trở lên" is the or-above share itself: nothing to compute.
    let a = read(
        "Cán bộ, công chức cấp huyện có 60% trình độ đại học trở lên, trong đó 4% có trình độ \
         sau đại học.",
    );
    assert_eq!(indicator_of(&a, "60%"), Some("degree_university"));
    assert!(a.computed.is_empty(), "{:?}", a.computed);
    // The top level alone, or parts adding up to more than 100%: nothing either.
    let b =
        read("100% trưởng, phó phòng chuyên môn có trình độ đại học và 21% có trình độ thạc sĩ.");
    assert!(b.computed.is_empty(), "{:?}", b.computed);
    // An exact level whose higher rung is missing: trung cấp and đại học, no sau đại học.
    let c = read(
        "Về chuyên môn, công chức cấp xã có 30% trình độ trung cấp chuyên môn, 52% trình độ đại \
         học; còn lại là sơ cấp.",
    );
    assert_eq!(indicator_of(&c, "30%"), None, "an exact level");
    assert_eq!(indicator_of(&c, "52%"), Some("degree_university"));
    assert!(c.computed.is_empty(), "{:?}", c.computed);
}

#[test]
fn three_rungs_give_two_offers() {
    let a = read(
        "Công chức cấp xã có 30% trình độ trung cấp chuyên môn, 52% trình độ đại học và 3% \
         trình độ sau đại học.",
    );
    let offers: Vec<(&str, &str)> = a
        .computed
        .iter()
        .map(|c| {
            (
                c.reading.indicator.as_deref().unwrap_or(""),
                c.formula.as_str(),
            )
        })
        .collect();
    assert_eq!(
        offers,
        vec![
            ("degree_intermediate", "30% + 52% + 3% = 85%"),
            ("degree_university", "52% + 3% = 55%"),
        ]
    );
    assert!(
        a.computed
            .iter()
            .all(|c| c.reading.population == Some(Population::Xa))
    );
    // Distinct ids, none a figure's.
    assert_ne!(a.computed[0].id, a.computed[1].id);
    assert!(
        a.computed
            .iter()
            .all(|c| a.figures.iter().all(|f| f.id != c.id))
    );
}

/// A workspace with one file holding `text`.
fn workspace(text: &str) -> (tempfile::TempDir, Workspace, u64) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path: PathBuf = dir.path().join("krong_pac.txt");
    std::fs::write(&path, format!("Huyện Krông Pắc\n\n{text}\n")).unwrap_or_else(|e| panic!("{e}"));
    let mut ws = Workspace::with_pipeline(Pipeline::builtin());
    let report = ws.open_paths(&[path]);
    assert_eq!(report.opened, 1, "{report:?}");
    let key = ws.entries[0].key;
    (dir, ws, key)
}

fn article(ws: &Workspace, key: u64) -> Article {
    ws.entry(key)
        .and_then(|e| e.article.clone())
        .unwrap_or_else(|| panic!("no article"))
}

#[test]
fn accepted_it_is_compared_marked_as_computed() {
    let (_dir, mut ws, key) = workspace(DEGREES);
    let a = article(&ws, key);
    let c = only_offer(&a).clone();
    let arts: Vec<Article> = ws.articles().cloned().collect();
    assert!(
        table(&arts, "degree_university").rows.is_empty(),
        "an offer is not a fact yet"
    );
    ws.decide_computed(key, c.id, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let arts: Vec<Article> = ws.articles().cloned().collect();
    let t = table(&arts, "degree_university");
    assert_eq!(t.rows.len(), 1);
    let r = &t.rows[0];
    assert_eq!(r.computed, Some(c.id));
    assert_eq!(r.value, Some(57.2));
    assert_eq!(r.text, "55,2% + 2% = 57,2%");
    assert_eq!(r.status, Status::Confirmed);
    assert_eq!(r.figure, c.from[0], "a click shows its first part");
    // The overview takes it too, marked.
    let ov = solieu::compare::overview(&arts, &Catalogue::builtin());
    let cell = ov
        .cell("Krông Pắc", "degree_university")
        .unwrap_or_else(|| panic!("no cell"));
    assert!(cell.computed);
    // Undo takes the decision back.
    assert!(ws.undo());
    assert_eq!(only_offer(&article(&ws, key)).status, Status::Extracted);
    // Filing the article again keeps an accepted fact accepted.
    assert!(ws.redo());
    ws.refile_unreviewed();
    let mut again = article(&ws, key);
    assign(&mut again, &Catalogue::builtin());
    assert_eq!(only_offer(&again).status, Status::Confirmed);
    assert_eq!(only_offer(&again).id, c.id);
}

#[test]
fn rejected_it_is_gone_and_stays_gone_after_refiling() {
    let (_dir, mut ws, key) = workspace(DEGREES);
    let c = only_offer(&article(&ws, key)).clone();
    ws.decide_computed(key, c.id, false)
        .unwrap_or_else(|e| panic!("{e}"));
    let arts: Vec<Article> = ws.articles().cloned().collect();
    assert!(table(&arts, "degree_university").rows.is_empty());
    // Filed again (a lesson learned elsewhere re-files every unreviewed figure), and the
    // assignment run again from scratch on the article: the rejection holds, no new offer.
    ws.refile_unreviewed();
    let mut again = article(&ws, key);
    assign(&mut again, &Catalogue::builtin());
    assert_eq!(again.computed.len(), 1, "{:?}", again.computed);
    assert_eq!(again.computed[0].status, Status::Rejected);
    assert!(table(&[again], "degree_university").rows.is_empty());
    // Through the keys' path too: nothing is offered for the part any more.
    ws.select_entry(key);
    ws.select_figure(Some(c.from[0]));
    assert!(ws.offered_computed().is_none());
}

#[test]
fn correcting_a_part_updates_the_offer_and_rejecting_one_withdraws_it() {
    let (_dir, mut ws, key) = workspace(DEGREES);
    let a = article(&ws, key);
    let part = a.figures.iter().find(|f| f.text == "2%").cloned();
    let part = part.unwrap_or_else(|| panic!("no part"));
    let mut reading = part.reading.clone();
    reading.value = Some(2.5);
    ws.edit_figure(
        key,
        part.id,
        solieu::review::Edit::Reading(Box::new(reading), None),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let c = only_offer(&article(&ws, key)).clone();
    assert_eq!(c.reading.value, Some(57.7));
    assert_eq!(c.formula, "55,2% + 2,5% = 57,7%");
    ws.edit_figure(key, part.id, solieu::review::Edit::Reject)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(article(&ws, key).computed.is_empty());
    // One undo step brings the part and its offer back.
    assert!(ws.undo());
    assert_eq!(article(&ws, key).computed, vec![c]);
}

#[test]
fn round_trip_through_json_csv_and_the_workbook() {
    let (_dir, mut ws, key) = workspace(DEGREES);
    let c = only_offer(&article(&ws, key)).clone();
    ws.decide_computed(key, c.id, true)
        .unwrap_or_else(|e| panic!("{e}"));
    let json = ws.export_json(false);
    // The schema knows computed facts.
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../assets/solieu-annotations.schema.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(value["articles"][0]["computed"][0]["status"], "confirmed");
    assert_eq!(
        value["articles"][0]["computed"][0]["formula"],
        "55,2% + 2% = 57,2%"
    );
    // Resumed from the JSON (a colleague imports it): the decision comes along.
    let doc = solieu::export::from_json(json.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(doc.articles[0].computed, article(&ws, key).computed);
    let (_dir2, mut other, key2) = workspace(DEGREES);
    other
        .import_json(json.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    let merged = article(&other, key2);
    assert_eq!(merged.computed.len(), 1);
    assert_eq!(merged.computed[0].status, Status::Confirmed);
    assert_eq!(merged.computed[0].reading.value, Some(57.2));
    // A document naming a part that is not there is refused with a message.
    let mut bad: Document = doc.clone();
    bad.articles[0].computed[0].from = vec![999];
    let bad = serde_json::to_vec(&bad).unwrap_or_default();
    let err = solieu::export::from_json(&bad).err();
    assert!(err.is_some_and(|e| e.to_string().contains("computed")));
    // The CSV: a row with no text of its own and the formula in `computed`.
    let csv = solieu::export::to_csv(&doc.articles);
    let mut r = csv::ReaderBuilder::new().from_reader(&csv[3..]);
    let header: Vec<String> = r
        .headers()
        .map(|h| h.iter().map(str::to_string).collect())
        .unwrap_or_default();
    let col = |n: &str| header.iter().position(|h| h == n).unwrap_or(usize::MAX);
    let rows: Vec<csv::StringRecord> = r.records().filter_map(Result::ok).collect();
    let row = rows
        .iter()
        .find(|x| x.get(col("computed")).is_some_and(|s| !s.is_empty()))
        .unwrap_or_else(|| panic!("no computed row"));
    assert_eq!(row.get(col("computed")), Some("55,2% + 2% = 57,2%"));
    assert_eq!(row.get(col("text")), Some(""));
    assert_eq!(row.get(col("indicator")), Some("degree_university"));
    assert_eq!(row.get(col("value")), Some("57.2"));
    assert_eq!(row.get(col("status")), Some("confirmed"));
    // The workbook: its sources row says it is computed.
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let bytes = solieu::xlsx::workbook(&doc.articles, &Catalogue::builtin(), None)
        .unwrap_or_else(|e| panic!("{e}"));
    let mut wb: Xlsx<_> = open_workbook_from_rs(std::io::Cursor::new(bytes))
        .unwrap_or_else(|e| panic!("not xlsx: {e}"));
    let sources = wb
        .worksheet_range(solieu::xlsx::SOURCES_SHEET)
        .unwrap_or_else(|e| panic!("{e}"));
    let cells: Vec<String> = sources.rows().flatten().map(|c| c.to_string()).collect();
    assert!(
        cells.iter().any(|c| c == "tính: 55,2% + 2% = 57,2%"),
        "{cells:?}"
    );
}

#[test]
fn decisions_survive_a_changed_file() {
    let mut old = read(DEGREES);
    old.computed[0].status = Status::Rejected;
    // The portal fixed a typo above the sentence: every offset moved.
    let fresh = read(&format!("Tin tổng hợp.\n\n{DEGREES}"));
    let (a, lost) = solieu::review::carry_over(old.clone(), fresh.clone());
    assert_eq!(lost, 0);
    // The parts are placed again, so the rejection holds: no new offer beside it.
    assert_eq!(a.computed.len(), 1, "{:?}", a.computed);
    assert_eq!(a.computed[0].status, Status::Rejected);
    let c = &a.computed[0];
    assert!(
        c.from
            .iter()
            .all(|id| a.figures.iter().any(|f| f.id == *id))
    );
    // The same with reviewed parts.
    for f in &mut old.figures {
        f.status = Status::Confirmed;
    }
    let (a, lost) = solieu::review::carry_over(old.clone(), fresh);
    assert_eq!(lost, 0);
    assert_eq!(a.computed.len(), 1, "{:?}", a.computed);
    assert_eq!(a.computed[0].status, Status::Rejected);
    assert_eq!(a.computed[0].from, old.computed[0].from);
    // Ids stay unique across figures and computed facts.
    let mut ids: Vec<u64> = a.figures.iter().map(|f| f.id).collect();
    ids.extend(a.computed.iter().map(|c| c.id));
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n);
}

/// Entries are found by key and by path after closing and reopening (the lookups rely on the
/// list staying in key order and on the path index).
#[test]
fn entries_are_found_after_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let paths: Vec<PathBuf> = ["a", "b", "c"]
        .iter()
        .map(|n| {
            let p = dir.path().join(format!("{n}.txt"));
            std::fs::write(&p, format!("Huyện {n} có 12 lớp với 345 học viên."))
                .unwrap_or_else(|e| panic!("{e}"));
            p
        })
        .collect();
    let mut ws = Workspace::new();
    ws.open_paths(&paths);
    let key_of = |ws: &Workspace, p: &PathBuf| {
        ws.entries
            .iter()
            .find(|e| {
                e.path
                    .ends_with(&*p.file_name().unwrap_or_default().to_string_lossy())
            })
            .map(|e| (e.key, e.path.clone()))
    };
    let Some((kb, pb)) = key_of(&ws, &paths[1]) else {
        panic!("b is not open");
    };
    ws.close(kb);
    assert!(ws.entry(kb).is_none() && ws.entry_by_path(&pb).is_none());
    ws.open_paths(&paths[1..2]);
    for p in &paths {
        let Some((k, path)) = key_of(&ws, p) else {
            panic!("{p:?} is not open");
        };
        assert_eq!(ws.entry(k).map(|e| e.path.as_str()), Some(path.as_str()));
        assert_eq!(ws.entry_by_path(&path).map(|e| e.key), Some(k));
    }
    let keys: Vec<u64> = ws.entries.iter().map(|e| e.key).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{keys:?}");
}
