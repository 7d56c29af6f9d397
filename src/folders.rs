//! Where the app reads and writes: the config folder holds the officer's own indicators
//! (`$SOLIEU_CONFIG_DIR`, else the platform's), the data folder holds the default workspace and
//! the window's settings (`$SOLIEU_DATA_DIR`, else the platform's), so pointing these variables
//! elsewhere moves everything the app keeps. Both are found the same way, here only.

use std::path::PathBuf;

/// The variable that moves the config folder (tests, several officers on one account).
pub const CONFIG_DIR_ENV: &str = "SOLIEU_CONFIG_DIR";
/// The file name of the default workspace in the data folder.
pub const DEFAULT_WORKSPACE_FILE: &str = "workspace.solieu";
/// The variable that moves the data folder.
pub const DATA_DIR_ENV: &str = "SOLIEU_DATA_DIR";

/// The folder named by `env` when it is set and not empty, else the platform's folder.
fn folder(
    env: &str,
    platform: fn(&directories::ProjectDirs) -> &std::path::Path,
) -> Option<PathBuf> {
    if let Some(d) = std::env::var_os(env).filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(d));
    }
    directories::ProjectDirs::from("vn", "solieu", "solieu").map(|p| platform(&p).to_path_buf())
}

/// The config folder (`~/.config/solieu` on Linux, `%APPDATA%\solieu\solieu\config` on
/// Windows, `~/Library/Application Support/vn.solieu.solieu` on macOS).
pub fn config_dir() -> Option<PathBuf> {
    folder(CONFIG_DIR_ENV, |p| p.config_dir())
}

/// The data folder (`~/.local/share/solieu` on Linux, `%APPDATA%\solieu\solieu\data` on
/// Windows, `~/Library/Application Support/vn.solieu.solieu` on macOS).
pub fn data_dir() -> Option<PathBuf> {
    folder(DATA_DIR_ENV, |p| p.data_dir())
}

/// The default workspace in a data folder.
pub fn default_workspace(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join(DEFAULT_WORKSPACE_FILE)
}

/// The window's settings (language, theme, zoom, recent files) in a data folder.
pub fn settings_file(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join("app.ron")
}
