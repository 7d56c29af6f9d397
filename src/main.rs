//! `solieu`: the GUI with no subcommand, `solieu extract PATH...` for batch extraction,
//! `solieu compare --indicator ID PATH...` for one indicator across districts,
//! `solieu check PATH...` for the cross-checks, `solieu indicators` for the catalogue.
#![forbid(unsafe_code)]

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use solieu::pipeline::Pipeline;
use solieu::{checks, compare, export, load, model};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "solieu",
    version,
    about = "Số liệu: figures of Vietnamese district articles"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Articles or folders to open in the window.
    paths: Vec<PathBuf>,
    /// The workspace file to open in the window (created when missing; default: the one in
    /// the data folder). When another window writes it, the paths go to that window.
    #[arg(long, value_name = "FILE")]
    workspace: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Extract the figures of articles (files or folders) without a window.
    Extract {
        /// Files (.txt, .html, .htm, .doc, .docx, .rtf, .pdf), folders of them, or web
        /// addresses (http:// or https://, downloaded and read in reader view).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// One indicator across districts and years, as CSV (UTF-8 with BOM); or every indicator
    /// as an Excel workbook with --xlsx.
    Compare {
        /// The indicator's id (`solieu indicators` lists them); required without --xlsx.
        #[arg(long, required_unless_present = "xlsx")]
        indicator: Option<String>,
        /// Write the comparison as an Excel workbook (a sheet per indicator, an overview and
        /// the sources) to this file.
        #[arg(long)]
        xlsx: Option<PathBuf>,
        /// Articles (.txt, .html, .htm), folders of them, or annotated JSON files (.json).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Cross-check the figures: ratios against percentages, parts against totals, shares over
    /// 100%, and districts whose articles disagree. One line per issue.
    Check {
        /// Articles, folders, or annotated JSON files.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// List the indicator catalogue (built-in and the user's copy).
    Indicators,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Extract {
            paths,
            format,
            output,
        }) => extract(&paths, format, output.as_deref()),
        Some(Command::Compare {
            indicator,
            xlsx: Some(file),
            paths,
            ..
        }) => xlsx_cmd(indicator.as_deref(), &paths, &file),
        Some(Command::Compare {
            indicator: Some(indicator),
            paths,
            output,
            ..
        }) => compare_cmd(&indicator, &paths, output.as_deref()),
        Some(Command::Compare { .. }) => {
            eprintln!("solieu: compare needs --indicator ID or --xlsx FILE");
            ExitCode::FAILURE
        }
        Some(Command::Check { paths }) => check_cmd(&paths),
        Some(Command::Indicators) => indicators_cmd(),
        None => match solieu::gui::run(cli.paths, cli.workspace) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("solieu: cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn extract(paths: &[PathBuf], format: Format, output: Option<&std::path::Path>) -> ExitCode {
    let pipeline = pipeline();
    // Web addresses are downloaded; everything else is a file or a folder.
    let (urls, paths): (Vec<&PathBuf>, Vec<&PathBuf>) = paths
        .iter()
        .partition(|p| load::is_web_address(&p.to_string_lossy()));
    let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
    let (files, mut errors) = load::collect_paths(&paths);
    let mut results: Vec<_> = urls
        .iter()
        .map(|u| pipeline.open_url(&u.to_string_lossy()))
        .collect();
    results.extend(
        files
            .par_iter()
            .map(|p| pipeline.open(p, &p.to_string_lossy()))
            .collect::<Vec<_>>(),
    );
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e),
        }
    }
    for e in &errors {
        eprintln!("solieu: {e}");
    }
    let bytes = match format {
        Format::Json => {
            let mut s = export::to_json(&model::Document::new(articles));
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => export::to_csv(&articles),
    };
    let written = match output {
        Some(p) => export::write_atomic(p, &bytes)
            .map_err(|e| format!("cannot write {}: {e}", p.display())),
        None => {
            use std::io::Write;
            std::io::stdout()
                .lock()
                .write_all(&bytes)
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    };
    if let Err(e) = written {
        eprintln!("solieu: {e}");
        return ExitCode::FAILURE;
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!("solieu: {} file(s) could not be read", errors.len());
        ExitCode::FAILURE
    }
}

/// The pipeline in use: the built-in catalogue plus the user's copy (a broken copy is reported,
/// not fatal).
fn pipeline() -> Pipeline {
    let (pipeline, err) = Pipeline::with_user_catalogue();
    if let Some(e) = err {
        eprintln!("solieu: {e}");
    }
    pipeline
}

/// Articles from files and folders (analyzed) and from annotated JSON files (as reviewed, with
/// indicators filled in where missing); messages for what could not be read.
fn load_articles(paths: &[PathBuf], pipeline: &Pipeline) -> (Vec<model::Article>, Vec<String>) {
    let is_json = |p: &PathBuf| {
        p.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
    };
    let (json, other): (Vec<PathBuf>, Vec<PathBuf>) = paths.iter().cloned().partition(is_json);
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for p in &json {
        match std::fs::read(p)
            .map_err(|e| e.to_string())
            .and_then(|b| export::from_json(&b).map_err(|e| e.to_string()))
        {
            Ok(doc) => {
                for mut a in doc.articles {
                    pipeline.assign(&mut a);
                    articles.push(a);
                }
            }
            Err(e) => errors.push(format!("{}: {e}", p.display())),
        }
    }
    let (files, load_errors) = load::collect_paths(&other);
    errors.extend(load_errors.iter().map(|e| e.to_string()));
    let results: Vec<_> = files
        .par_iter()
        .map(|p| pipeline.open(p, &p.to_string_lossy()))
        .collect();
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(e) => errors.push(e.to_string()),
        }
    }
    for e in &errors {
        eprintln!("solieu: {e}");
    }
    (articles, errors)
}

fn write_output(output: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(p) => {
            export::write_atomic(p, bytes).map_err(|e| format!("cannot write {}: {e}", p.display()))
        }
        None => {
            use std::io::Write;
            std::io::stdout()
                .lock()
                .write_all(bytes)
                .map_err(|e| format!("cannot write to standard output: {e}"))
        }
    }
}

/// `solieu compare --xlsx FILE [--indicator ID] PATH...`: the workbook officers make by hand.
fn xlsx_cmd(indicator: Option<&str>, paths: &[PathBuf], file: &std::path::Path) -> ExitCode {
    let pipeline = pipeline();
    let cat = pipeline.catalogue();
    if let Some(id) = indicator
        && cat.get(id).is_none()
    {
        eprintln!("solieu: unknown indicator «{id}» (solieu indicators lists them)");
        return ExitCode::FAILURE;
    }
    let (articles, errors) = load_articles(paths, &pipeline);
    let only: Option<Vec<String>> = indicator.map(|i| vec![i.to_string()]);
    let bytes = match solieu::xlsx::workbook(&articles, cat, only.as_deref()) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("solieu: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = export::write_atomic(file, &bytes) {
        eprintln!("solieu: {}: {e}", file.display());
        return ExitCode::FAILURE;
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn compare_cmd(indicator: &str, paths: &[PathBuf], output: Option<&std::path::Path>) -> ExitCode {
    let pipeline = pipeline();
    let cat = pipeline.catalogue();
    if cat.get(indicator).is_none() {
        eprintln!("solieu: unknown indicator «{indicator}»; known: ");
        for i in cat.indicators() {
            eprintln!("  {:<28} {}", i.id, i.name);
        }
        return ExitCode::FAILURE;
    }
    let (articles, errors) = load_articles(paths, &pipeline);
    let table = compare::table(&articles, indicator);
    if !table.missing_districts.is_empty() {
        eprintln!(
            "solieu: no figure for {indicator} in: {}",
            table.missing_districts.join(", ")
        );
    }
    let conflicts = table.rows.iter().filter(|r| r.conflict).count();
    if conflicts > 0 {
        eprintln!("solieu: {conflicts} row(s) disagree with another article (column conflict)");
    }
    if let Err(e) = write_output(output, &compare::to_csv(&table, pipeline.catalogue())) {
        eprintln!("solieu: {e}");
        return ExitCode::FAILURE;
    }
    if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn check_cmd(paths: &[PathBuf]) -> ExitCode {
    let (articles, errors) = load_articles(paths, &pipeline());
    let issues = checks::check(&articles);
    for i in &issues {
        let figs: Vec<String> = i
            .figures
            .iter()
            .map(|f| format!("{}#{}", f.path, f.figure))
            .collect();
        println!("{}\t{}\t{}", i.kind.as_str(), i.message_vi, figs.join(" "));
    }
    if errors.is_empty() && issues.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn indicators_cmd() -> ExitCode {
    let pipeline = pipeline();
    for i in pipeline.catalogue().indicators() {
        println!(
            "{}\t{}\t{}\t{}\t{}",
            i.id,
            i.kind.as_str(),
            i.unit,
            i.name,
            i.name_en
        );
    }
    ExitCode::SUCCESS
}
