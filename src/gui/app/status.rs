//! The status line: the current article, the save state, the last message; local time through
//! the system's zone database.

use super::*;

impl SolieuApp {
    /// Where the save stands: failing (red, with the reason, until a retry succeeds), in
    /// progress, done, or not kept at all (read-only).
    fn save_state(&self, ui: &mut Ui) {
        let l = self.lang();
        if self.read_only {
            ui.colored_label(
                WARN,
                l.t(
                    "Chỉ đọc: thay đổi không được lưu",
                    "Read-only: changes are not saved",
                ),
            );
        } else if let Some(e) = &self.save_error {
            ui.colored_label(
                ERROR,
                format!(
                    "{} ({}): {e}",
                    l.t("Chưa lưu được", "Not saved"),
                    l.t("đang thử lại", "retrying")
                ),
            );
        } else if self.unsaved() {
            ui.label(l.t("Đang lưu…", "Saving…"));
        } else if let Some(t) = &self.last_save_clock {
            ui.label(format!("{} {t}", l.t("Đã lưu lúc", "Saved at")));
        } else if self.ws_file.is_some() {
            ui.label(l.t("Chưa có thay đổi", "No changes yet"));
        }
    }

    pub(super) fn status_line(&self, ui: &mut Ui) {
        let l = self.lang();
        // One row: at high zoom it scrolls sideways instead of growing over the article.
        egui::ScrollArea::horizontal()
            .id_salt("status")
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    if let Some(e) = self.ws.current_entry() {
                        ui.label(e.file_name()).on_hover_text(&e.path);
                        if let Some(a) = &e.article {
                            ui.separator();
                            ui.label(&a.encoding);
                            ui.separator();
                            let rejected = a
                                .figures
                                .iter()
                                .filter(|f| f.status == crate::model::Status::Rejected)
                                .count();
                            ui.label(format!(
                                "{} {} · {} {} · {} {}",
                                a.figures.len(),
                                l.t("số liệu", "figures"),
                                a.reviewed(),
                                l.t("đã duyệt", "reviewed"),
                                rejected,
                                l.t("đã loại", "rejected")
                            ));
                            if !a.unplaced.is_empty() {
                                ui.colored_label(
                                    WARN,
                                    format!(
                                        "{} {}",
                                        a.unplaced.len(),
                                        l.t("mất vị trí", "unplaced")
                                    ),
                                );
                            }
                        }
                        ui.separator();
                    }
                    self.save_state(ui);
                    if let Some(m) = &self.message {
                        ui.separator();
                        if m.error {
                            ui.colored_label(ERROR, &m.text);
                        } else {
                            ui.label(&m.text);
                        }
                    }
                })
            });
    }
}

/// `HH:MM:SS` of a time in the system's time zone (its zone database, Windows included);
/// `HH:MM:SS UTC` when the zone cannot be found.
pub fn clock(t: SystemTime) -> String {
    clock_in(t, jiff::tz::TimeZone::try_system().ok())
}

/// `HH:MM:SS` of a time in a zone (UTC, marked, without one).
pub fn clock_in(t: SystemTime, tz: Option<jiff::tz::TimeZone>) -> String {
    let Ok(ts) = jiff::Timestamp::try_from(t) else {
        return "--:--:--".into();
    };
    match tz {
        Some(tz) => ts.to_zoned_datetime(tz).strftime("%H:%M:%S").to_string(),
        None => format!("{} UTC", ts.strftime("%H:%M:%S")),
    }
}

#[cfg(test)]
mod tests {
    use super::clock_in;
    use std::time::{Duration, SystemTime};

    #[test]
    fn local_time_from_the_zone_database() {
        // 2024-01-01 00:00:00 UTC is 07:00 in Hà Nội.
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_704_067_200);
        let hcm = jiff::tz::TimeZone::get("Asia/Ho_Chi_Minh").ok();
        assert!(hcm.is_some(), "the zone database has Asia/Ho_Chi_Minh");
        assert_eq!(clock_in(t, hcm), "07:00:00");
        assert_eq!(clock_in(t, None), "00:00:00 UTC");
    }
}
