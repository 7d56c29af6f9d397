//! Extraction throughput on a ≥ 5 MB corpus built by repeating the sample articles.
//!
//! `cargo bench --bench extract` prints the time per corpus and the throughput in MiB/s
//! (criterion's `Throughput::Bytes`), on one core.
//!
//! The `scaling` group puts the sample articles, repeated k times, into ONE document
//! (k = 1, 2, 4, 8) and extracts it, then extracts and cross-checks it: linear cost means each
//! doubling of k costs about twice the time (the bound is ≤ 2.2×).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
    let mut articles = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.sort();
    for p in paths {
        if let Ok(t) = std::fs::read_to_string(&p) {
            articles.push(solieu::text::normalize(&t));
        }
    }
    assert!(
        !articles.is_empty(),
        "no sample articles in {}",
        dir.display()
    );
    // Repeat until the corpus holds at least 5 MB, as separate articles (as a batch would).
    let mut out = Vec::new();
    let mut bytes = 0;
    while bytes < 5 * 1024 * 1024 {
        for a in &articles {
            bytes += a.len();
            out.push(a.clone());
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: usize = corpus.iter().map(String::len).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function(format!("figures_{}MB", bytes >> 20), |b| {
        b.iter(|| {
            let n: usize = corpus
                .iter()
                .map(|t| solieu::extract::extract(black_box(t)).len())
                .sum();
            black_box(n)
        })
    });
    g.bench_function(format!("figures_and_metadata_{}MB", bytes >> 20), |b| {
        b.iter(|| {
            let n: usize = corpus
                .iter()
                .map(|t| {
                    let (m, f) = solieu::extract::extract_article(black_box(t));
                    f.len() + usize::from(m.district.is_some())
                })
                .sum();
            black_box(n)
        })
    });
    g.finish();
}

/// The sample articles joined into one text, `times` times over.
fn one_document(times: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_articles");
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
    vec![once; times].join("\n\n")
}

fn scaling(c: &mut Criterion) {
    let mut g = c.benchmark_group("scaling");
    g.sample_size(10);
    for k in [1usize, 2, 4, 8] {
        let doc = one_document(k * 25);
        g.throughput(Throughput::Bytes(doc.len() as u64));
        g.bench_function(format!("extract_x{k}"), |b| {
            b.iter(|| black_box(solieu::extract::extract(black_box(&doc)).len()))
        });
        g.bench_function(format!("extract_and_check_x{k}"), |b| {
            b.iter(|| {
                let loaded = solieu::load::LoadedText {
                    text: doc.clone(),
                    encoding: "utf-8".into(),
                    ..Default::default()
                };
                let a = solieu::pipeline::Pipeline::builtin().analyze("x.txt", loaded);
                black_box(solieu::checks::check(std::slice::from_ref(&a)).len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
