//! Who a figure counts: the population read from the noun phrase that names it.
//!
//! Two districts' shares compare only when they count the same people: "97% of commune
//! officials" and "97% of district leaders" are different facts. The noun phrase of a figure
//! (`85% cán bộ, công chức, viên chức cấp huyện`, `số cán bộ lãnh đạo, quản lý … là 97,2%`)
//! is scanned for the words that name a group (leaders, committee members, party members,
//! masses), a level (cấp xã / cơ sở, cấp huyện) and plain officials; [`Group::population`]
//! then applies the precedence of the facts conventions (learners of one class first, others
//! last). Words that only look like a level are removed first (`xã hội` is society, `huyện ủy`
//! an organ, `trên cơ sở` "on the basis of").

use super::matcher::padded_phrases;
use crate::model::Population;
use std::sync::LazyLock;

/// The cue words of each group, folded like the text (see [`phrase_words`]).
struct Cues {
    leaders: Vec<String>,
    committee: Vec<String>,
    party: Vec<String>,
    others: Vec<String>,
    commune: Vec<String>,
    district: Vec<String>,
    officials: Vec<String>,
    public_employees: Vec<String>,
    generic: Vec<String>,
    not_level: Vec<String>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| Cues {
    leaders: padded_phrases(&[
        "lãnh đạo",
        "quản lý",
        "chủ chốt",
        "trưởng phòng",
        "phó trưởng phòng",
        "phó phòng",
        "trưởng phó",
        "trưởng ban",
        "phó trưởng",
        "cấp trưởng",
        "cấp phó",
        "trưởng các",
        "phó các",
        "thủ trưởng",
        "bí thư",
        "chủ tịch",
        "giám đốc",
        "người đứng đầu",
    ]),
    committee: padded_phrases(&[
        "ủy viên",
        "ban chấp hành",
        "ban thường vụ",
        "cấp ủy",
        "cấp ủy viên",
        "huyện ủy viên",
    ]),
    party: padded_phrases(&["đảng viên"]),
    others: padded_phrases(&[
        "quần chúng",
        "đối tượng",
        "nhân dân",
        "người dân",
        "học sinh",
        "sinh viên",
        "đoàn viên",
        "hội viên",
    ]),
    commune: padded_phrases(&["xã", "cơ sở", "thị trấn", "phường"]),
    district: padded_phrases(&["huyện", "thị xã", "thành phố"]),
    officials: padded_phrases(&["cán bộ", "công chức", "đội ngũ"]),
    public_employees: padded_phrases(&["viên chức"]),
    generic: padded_phrases(&["đồng chí", "người", "học viên", "lượt"]),
    not_level: padded_phrases(&[
        "xã hội",
        "huyện ủy",
        "trên cơ sở",
        "thị xã hội",
        "ủy ban nhân dân huyện",
        "của huyện",
    ]),
});

/// What a noun phrase says about who is counted.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Group {
    leaders: bool,
    committee: bool,
    party: bool,
    others: bool,
    commune: bool,
    district: bool,
    officials: bool,
    public_employees: bool,
    generic: bool,
}

impl Group {
    /// Reads the folded words of a noun phrase.
    pub(super) fn of(words: &[&str]) -> Group {
        let mut s = format!(" {} ", words.join(" "));
        let c = &*CUES;
        for n in &c.not_level {
            while let Some(i) = s.find(n.as_str()) {
                s.replace_range(i..i + n.len() - 1, "");
            }
        }
        let any = |list: &[String]| list.iter().any(|p| s.contains(p.as_str()));
        Group {
            leaders: any(&c.leaders),
            committee: any(&c.committee),
            party: any(&c.party),
            others: any(&c.others),
            commune: any(&c.commune),
            district: any(&c.district),
            officials: any(&c.officials),
            public_employees: any(&c.public_employees),
            generic: any(&c.generic),
        }
    }

    /// True when the phrase names a group or a level, not only a generic noun (`đồng chí`,
    /// `người`): a generic noun takes the group of the figure before it in the sentence
    /// (`100% cán bộ lãnh đạo … và 16/172 đồng chí có trình độ sau đại học`).
    pub(super) fn is_specific(&self) -> bool {
        self.leaders
            || self.committee
            || self.party
            || self.others
            || self.commune
            || self.district
            || self.officials
            || self.public_employees
    }

    /// True when the phrase names a level (commune or district).
    pub(super) fn has_level(&self) -> bool {
        self.commune || self.district
    }

    /// True when the phrase names anybody at all.
    pub(super) fn names_anyone(&self) -> bool {
        self.is_specific() || self.generic
    }

    /// The population, by the precedence of the conventions; `None` when the phrase names
    /// nobody. `class` is true for the learners of one specific class (a class report).
    pub(super) fn population(&self, class: bool) -> Option<Population> {
        if class {
            return Some(Population::HocVien);
        }
        let staff = self.officials || self.public_employees;
        if self.committee && !self.leaders && !staff && !self.commune {
            return Some(Population::CapUy);
        }
        if self.committee && self.commune && !self.district {
            // "Ủy viên BCH Đảng bộ cấp xã, cán bộ, công chức cấp xã": one commune-level group.
            return Some(Population::Xa);
        }
        if self.party && !staff && !self.others && !self.leaders && !self.committee {
            return Some(Population::DangVien);
        }
        if self.leaders || self.committee {
            // Commune key posts are by law the commune's cán bộ.
            return Some(if self.commune && !self.district {
                Population::Xa
            } else {
                Population::LanhDao
            });
        }
        if self.commune && self.district {
            return Some(Population::Chung);
        }
        if self.commune {
            return Some(Population::Xa);
        }
        if self.district && (staff || self.generic) {
            return Some(Population::Huyen);
        }
        if self.public_employees && !self.officials {
            // Viên chức serve in district-level public units.
            return Some(Population::Huyen);
        }
        if staff || self.party {
            return Some(Population::Chung);
        }
        if self.others {
            return Some(Population::Khac);
        }
        self.generic.then_some(Population::Chung)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::matcher::phrase_words;

    fn pop(phrase: &str) -> Option<Population> {
        let w = phrase_words(phrase);
        let r: Vec<&str> = w.iter().map(String::as_str).collect();
        Group::of(&r).population(false)
    }

    #[test]
    fn groups_and_levels() {
        assert_eq!(pop("cán bộ, công chức cấp xã"), Some(Population::Xa));
        assert_eq!(
            pop("cán bộ, công chức, viên chức cấp huyện"),
            Some(Population::Huyen)
        );
        assert_eq!(
            pop("cán bộ, công chức cấp huyện, xã"),
            Some(Population::Chung)
        );
        assert_eq!(
            pop("cán bộ chủ chốt, trưởng các đoàn thể các xã"),
            Some(Population::Xa)
        );
        assert_eq!(
            pop("cán bộ lãnh đạo chủ chốt của huyện"),
            Some(Population::LanhDao)
        );
        assert_eq!(
            pop("Ủy viên Ban Chấp hành Đảng bộ huyện"),
            Some(Population::CapUy)
        );
        assert_eq!(pop("lượt đảng viên mới"), Some(Population::DangVien));
        assert_eq!(pop("lượt quần chúng"), Some(Population::Khac));
        assert_eq!(
            pop("lượt cán bộ, đảng viên và quần chúng ưu tú"),
            Some(Population::Chung)
        );
        assert_eq!(pop("viên chức đơn vị sự nghiệp"), Some(Population::Huyen));
        assert_eq!(pop("các đoàn thể chính trị xã hội"), None);
        assert_eq!(pop("tăng so với"), None);
    }
}
