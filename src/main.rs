//! `solieu`: the GUI with no subcommand, `solieu extract PATH...` for batch extraction.
#![forbid(unsafe_code)]

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;
use solieu::{analyze, export, load, model};
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
}

#[derive(Subcommand)]
enum Command {
    /// Extract the figures of articles (files or folders) without a window.
    Extract {
        /// Files (.txt, .html, .htm) or folders of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
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
        None => match solieu::gui::run(cli.paths) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("solieu: cannot open the window: {e}");
                ExitCode::FAILURE
            }
        },
    }
}

fn extract(paths: &[PathBuf], format: Format, output: Option<&std::path::Path>) -> ExitCode {
    let (files, mut errors) = load::collect_paths(paths);
    let results: Vec<_> = files
        .par_iter()
        .map(|p| load::load_file(p).map(|l| analyze::analyze(&p.to_string_lossy(), l)))
        .collect();
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
