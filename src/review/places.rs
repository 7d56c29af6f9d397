//! Where the app writes: one data folder (`$SOLIEU_DATA_DIR`, else the platform's) holds the
//! default workspace and the window's settings, so pointing that variable elsewhere moves
//! everything the app writes.

use std::path::PathBuf;

/// The data folder: `$SOLIEU_DATA_DIR` when set, else the platform's data folder
/// (`~/.local/share/solieu` on Linux, `%APPDATA%\solieu\solieu\data` on Windows,
/// `~/Library/Application Support/vn.solieu.solieu` on macOS).
pub fn data_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("SOLIEU_DATA_DIR")
        && !d.is_empty()
    {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("vn", "solieu", "solieu").map(|p| p.data_dir().to_path_buf())
}

/// The default workspace in a data folder.
pub fn default_workspace(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join(super::store::DEFAULT_FILE)
}

/// The window's settings (language, theme, zoom, recent files) in a data folder.
pub fn settings_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("app.ron")
}
