//! The interface language: Vietnamese first, English on request (Settings → Xem → English).

use serde::{Deserialize, Serialize};

/// The language of labels, menus, messages and tooltips.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Tiếng Việt.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Picks the text of this language.
    pub fn t<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// The name of a kind.
    pub fn kind(self, k: crate::model::Kind) -> &'static str {
        match self {
            Lang::Vi => k.label_vi(),
            Lang::En => k.label_en(),
        }
    }

    /// The name of a status.
    pub fn status(self, s: crate::model::Status) -> &'static str {
        match self {
            Lang::Vi => s.label_vi(),
            Lang::En => s.label_en(),
        }
    }

    /// The name of a qualifier.
    pub fn qualifier(self, q: crate::model::Qualifier) -> &'static str {
        match self {
            Lang::Vi => q.label_vi(),
            Lang::En => q.label_en(),
        }
    }
}

impl Lang {
    /// A file error from `load` (written in English, for the CLI and logs) in this language:
    /// recognised by its content, the rest of the message (file name, details) kept as is.
    pub fn load_error(self, message: &str) -> String {
        if self == Lang::En {
            return message.to_string();
        }
        // Longest phrases first: "empty file (…)" before "empty file".
        const FIXED: [(&str, &str); 10] = [
            ("file not found", "không tìm thấy tệp"),
            (
                "permission denied (cannot read the file)",
                "không có quyền đọc tệp",
            ),
            (
                "permission denied (cannot read the folder)",
                "không có quyền đọc thư mục",
            ),
            ("is a folder, not a file", "là một thư mục, không phải tệp"),
            (
                "is not a regular file (a device, pipe or socket)",
                "không phải tệp thường (thiết bị, pipe hoặc socket)",
            ),
            (
                "empty file (only spaces or blank lines)",
                "tệp trống (chỉ có khoảng trắng hoặc dòng trống)",
            ),
            (
                "empty web page (no visible text)",
                "trang web trống (không có chữ nào hiển thị)",
            ),
            (
                "binary file (many NUL or control bytes), not text",
                "tệp nhị phân (nhiều byte NUL hoặc ký tự điều khiển), không phải văn bản",
            ),
            (
                "; save it as .txt or .html first",
                "; hãy lưu thành .txt hoặc .html trước",
            ),
            ("empty file", "tệp trống"),
        ];
        let mut out = message.to_string();
        for (en, vi) in FIXED {
            if out.contains(en) {
                out = out.replacen(en, vi, 1);
            }
        }
        // Phrases with a detail inside.
        for (en, vi) in [
            ("binary file (looks like ", "tệp nhị phân (có vẻ là "),
            ("cannot read the file (", "không đọc được tệp ("),
            ("cannot read the folder (", "không đọc được thư mục ("),
            ("file is larger than ", "tệp lớn hơn "),
        ] {
            out = out.replacen(en, vi, 1);
        }
        out.replacen("), not text", "), không phải văn bản", 1)
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn file_errors_read_in_vietnamese() {
        let vi = |s: &str| Lang::Vi.load_error(s);
        assert_eq!(vi("a.txt: file not found"), "a.txt: không tìm thấy tệp");
        assert_eq!(vi("empty file"), "tệp trống");
        assert_eq!(
            vi("x.png: binary file (looks like PNG image), not text"),
            "x.png: tệp nhị phân (có vẻ là PNG image), không phải văn bản"
        );
        assert_eq!(
            vi("empty file (only spaces or blank lines)"),
            "tệp trống (chỉ có khoảng trắng hoặc dòng trống)"
        );
        assert_eq!(Lang::En.load_error("empty file"), "empty file");
    }
}
