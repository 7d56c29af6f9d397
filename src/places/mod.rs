//! The gazetteer: Vietnam's administrative units as the General Statistics Office lists them.
//!
//! Why a gazetteer: a district guessed from capitalized words is sometimes the first word of the
//! next sentence (`… huyện. Với …`); a district looked up in the official list is a real unit or
//! nothing, knows its province, and shows which names are shared (`Châu Thành` is ten units).
//!
//! The asset `assets/gazetteer.json` is built by `scripts/build_gazetteer.py` from the PyPI
//! package `vietnam-provinces` (0.6.0 for the 63 provinces and 696 district-level units before
//! the July 2025 reform, 2025.10.1 for the 34 provinces and their communes after it, 0.4.0 and
//! 0.2.1 for the units merged or renamed before 2025); see
//! `assets/gazetteer.SOURCE.md`. It is compiled in: no file or Python is needed at run time.
//!
//! Names are compared by [`key`]: the fold of `text::fold` (lower case, modern tone
//! placement: `Hoà`/`Hòa`) with everything but letters and digits removed (`Bà Rịa - Vũng Tàu`
//! = `Bà Rịa Vũng Tàu`).

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::text::fold::fold;

/// The asset, compiled in.
const GAZETTEER_JSON: &str = include_str!("../../assets/gazetteer.json");

/// A province or centrally-run city before the July 2025 reform (63).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Province {
    /// GSO code (`1` Hà Nội, `96` Cà Mau).
    pub code: u32,
    /// The name without its prefix (`Lạng Sơn`, `Hồ Chí Minh`).
    pub name: String,
    /// `tỉnh` or `thành phố` (centrally-run city).
    pub prefix: String,
    /// The code of the province it belongs to since the 2025 merger.
    pub province_2025: u32,
}

/// A district-level unit before the July 2025 reform (696): huyện, quận, thị xã, thành phố
/// thuộc tỉnh.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct District {
    /// GSO code.
    pub code: u32,
    /// The name without its prefix (`Đình Lập`; `1` for Quận 1).
    pub name: String,
    /// `huyện`, `quận`, `thị xã` or `thành phố`.
    pub prefix: String,
    /// The code of its province.
    pub province: u32,
    /// True for a unit merged or renamed before 2025 (from earlier GSO lists): articles of its
    /// time still name it (`huyện Đất Đỏ`, part of `Long Đất` since 2025).
    #[serde(default)]
    pub former: bool,
    /// For a former unit: the code of the current unit that holds most of its communes.
    #[serde(default)]
    pub now: Option<u32>,
}

/// A province after the July 2025 reform (34).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Province2025 {
    /// GSO code.
    pub code: u32,
    /// The name without its prefix.
    pub name: String,
    /// `tỉnh` or `thành phố`.
    pub prefix: String,
}

/// A commune, ward or special zone after the July 2025 reform (xã, phường, đặc khu; 3,321).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Unit2025 {
    /// GSO code.
    pub code: u32,
    /// The name without its prefix.
    pub name: String,
    /// `xã`, `phường` or `đặc khu`.
    pub prefix: String,
    /// The code of its 2025 province.
    pub province: u32,
}

#[derive(Deserialize)]
struct Asset {
    provinces: Vec<Province>,
    districts: Vec<District>,
    provinces_2025: Vec<Province2025>,
    units_2025: Vec<Unit2025>,
}

/// Other names of provinces found in articles: the pre-2025 name of Huế, the usual short forms
/// of Hồ Chí Minh City.
const PROVINCE_ALIASES: [(&str, u32); 5] = [
    ("Thừa Thiên Huế", 46),
    ("Thừa Thiên", 46),
    ("HCM", 79),
    ("TPHCM", 79),
    ("Sài Gòn", 79),
];

/// The gazetteer with its indexes.
pub struct Gazetteer {
    /// The 63 provinces before the reform, in GSO order.
    pub provinces: Vec<Province>,
    /// The district-level units, in GSO order, then the former units.
    pub districts: Vec<District>,
    /// The 34 provinces after the reform.
    pub provinces_2025: Vec<Province2025>,
    /// The communes, wards and special zones after the reform.
    pub units_2025: Vec<Unit2025>,
    district_keys: HashMap<String, Vec<usize>>,
    province_keys: HashMap<String, usize>,
    unit_keys: HashMap<String, Vec<usize>>,
}

/// The comparison key of a name: folded, letters and digits only.
pub fn key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A looser key for what an officer types in a search box: also without tone and vowel marks
/// (`chau thanh` finds `Châu Thành`), `đ` as `d`.
fn loose_key(name: &str) -> String {
    crate::text::fold::unmarked(&key(name))
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The asset is compiled in and checked by a test; an unreadable one leaves the gazetteer
    // empty (no district is then ever returned) rather than stopping the program.
    let asset: Asset = serde_json::from_str(GAZETTEER_JSON).unwrap_or(Asset {
        provinces: Vec::new(),
        districts: Vec::new(),
        provinces_2025: Vec::new(),
        units_2025: Vec::new(),
    });
    Gazetteer::new(asset)
});

/// The built-in gazetteer.
pub fn gazetteer() -> &'static Gazetteer {
    &GAZETTEER
}

impl Gazetteer {
    fn new(a: Asset) -> Self {
        let mut district_keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in a.districts.iter().enumerate() {
            district_keys.entry(key(&d.name)).or_default().push(i);
        }
        let mut province_keys = HashMap::new();
        for (i, p) in a.provinces.iter().enumerate() {
            province_keys.insert(key(&p.name), i);
        }
        for (alias, code) in PROVINCE_ALIASES {
            if let Some(i) = a.provinces.iter().position(|p| p.code == code) {
                province_keys.insert(key(alias), i);
            }
        }
        let mut unit_keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, u) in a.units_2025.iter().enumerate() {
            unit_keys.entry(key(&u.name)).or_default().push(i);
        }
        Gazetteer {
            provinces: a.provinces,
            districts: a.districts,
            provinces_2025: a.provinces_2025,
            units_2025: a.units_2025,
            district_keys,
            province_keys,
            unit_keys,
        }
    }

    /// Every district-level unit with this name (any spelling: `key` decides), in GSO order.
    pub fn districts_named(&self, name: &str) -> Vec<&District> {
        self.districts_by_key(&key(name))
    }

    /// Every district-level unit whose [`key`] is `k`.
    pub fn districts_by_key(&self, k: &str) -> Vec<&District> {
        self.district_keys
            .get(k)
            .map(|v| v.iter().map(|&i| &self.districts[i]).collect())
            .unwrap_or_default()
    }

    /// The province with this name (or a known other name: `Thừa Thiên Huế`, `HCM`).
    pub fn province_named(&self, name: &str) -> Option<&Province> {
        self.province_by_key(&key(name))
    }

    /// The province whose [`key`] is `k`.
    pub fn province_by_key(&self, k: &str) -> Option<&Province> {
        self.province_keys.get(k).map(|&i| &self.provinces[i])
    }

    /// The province of this code.
    pub fn province(&self, code: u32) -> Option<&Province> {
        self.provinces.iter().find(|p| p.code == code)
    }

    /// The district-level unit of this code (a current one: GSO gives a renamed unit's code
    /// to its successor).
    pub fn district(&self, code: u32) -> Option<&District> {
        self.districts.iter().find(|d| d.code == code)
    }

    /// The province a district belongs to.
    pub fn province_of(&self, d: &District) -> Option<&Province> {
        self.province(d.province)
    }

    /// The province (since the 2025 merger) that a pre-2025 province belongs to.
    pub fn province_2025_of(&self, p: &Province) -> Option<&Province2025> {
        self.provinces_2025
            .iter()
            .find(|n| n.code == p.province_2025)
    }

    /// The 2025 province of a province named as the text names it (`Hà Giang` → `Tuyên Quang`).
    pub fn province_2025_named(&self, province: &str) -> Option<&Province2025> {
        self.province_named(province)
            .and_then(|p| self.province_2025_of(p))
    }

    /// Every 2025 commune, ward or special zone with this name.
    pub fn units_2025_named(&self, name: &str) -> Vec<&Unit2025> {
        self.units_2025_by_key(&key(name))
    }

    /// Every 2025 commune, ward or special zone whose [`key`] is `k`.
    pub fn units_2025_by_key(&self, k: &str) -> Vec<&Unit2025> {
        self.unit_keys
            .get(k)
            .map(|v| v.iter().map(|&i| &self.units_2025[i]).collect())
            .unwrap_or_default()
    }

    /// The 2025 province with this name.
    pub fn province_2025_by_name(&self, name: &str) -> Option<&Province2025> {
        let k = key(name);
        self.provinces_2025.iter().find(|p| key(&p.name) == k)
    }

    /// The 2025 province of this code.
    pub fn province_2025(&self, code: u32) -> Option<&Province2025> {
        self.provinces_2025.iter().find(|p| p.code == code)
    }

    /// `huyện Châu Thành (An Giang)`: a unit as the officer picks it from a list; a former
    /// unit says so (`huyện Đất Đỏ (Bà Rịa - Vũng Tàu, cũ)`).
    pub fn label(&self, d: &District) -> String {
        let province = self.province_of(d).map_or("", |p| p.name.as_str());
        let former = if d.former { ", cũ" } else { "" };
        format!("{} {} ({province}{former})", d.prefix, d.name)
    }

    /// The district-level units whose label (prefix, name, province) contains `query`
    /// (insensitive to case, marks and spacing), in GSO order: the searchable list the article header offers when
    /// the text names no district. An empty query lists every unit.
    pub fn search(&self, query: &str) -> Vec<&District> {
        let q = loose_key(query);
        self.districts
            .iter()
            .filter(|d| q.is_empty() || loose_key(&self.label(d)).contains(&q))
            .collect()
    }
}

/// The province after the July 2025 merger of a province named as before it (`Hà Giang` →
/// `Tuyên Quang`): what the pipeline records and what follows the officer's edit of the header.
pub fn province_2025_name(province: &str) -> Option<String> {
    gazetteer()
        .province_2025_named(province)
        .map(|p| p.name.clone())
}

/// How an article names its district: `Quận 1` keeps its prefix (a number alone is no name),
/// every other unit is its name (`Đình Lập`).
pub fn district_display(d: &District, as_written: &str) -> String {
    if d.name.chars().all(|c| c.is_ascii_digit()) {
        let mut prefix = d.prefix.clone();
        if let Some(first) = prefix.get(..1) {
            let upper = first.to_uppercase();
            prefix.replace_range(..1, &upper);
        }
        // `quận` starts with an ASCII letter, so the byte range above is a character.
        format!("{prefix} {}", d.name)
    } else {
        as_written.to_string()
    }
}

/// The units an article about several units files its figures under (their own `place`), in
/// text order, each once: empty for an article about one place.
pub fn figure_places(a: &crate::model::Article) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for p in a.figures.iter().filter_map(|f| f.place.as_deref()) {
        if !out.iter().any(|o| key(o) == key(p)) {
            out.push(p);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_asset_has_every_unit() {
        let g = gazetteer();
        assert_eq!(g.provinces.len(), 63);
        assert_eq!(g.districts.iter().filter(|d| !d.former).count(), 696);
        // Former units point to where their communes are now.
        let dat_do = g.districts_named("Đất Đỏ");
        assert_eq!(dat_do.len(), 1);
        assert!(dat_do[0].former);
        assert_eq!(
            dat_do[0]
                .now
                .and_then(|c| g.district(c))
                .map(|d| d.name.as_str()),
            Some("Long Đất")
        );
        assert_eq!(g.provinces_2025.len(), 34);
        assert!(g.units_2025.len() > 3000);
        // Every unit points to a province that exists.
        assert!(g.districts.iter().all(|d| g.province_of(d).is_some()));
        assert!(g.provinces.iter().all(|p| g.province_2025_of(p).is_some()));
        assert!(
            g.units_2025
                .iter()
                .all(|u| g.province_2025(u.province).is_some())
        );
    }

    #[test]
    fn looks_names_up_whatever_the_spelling() {
        let g = gazetteer();
        let d = g.districts_named("ĐÌNH LẬP");
        assert_eq!(d.len(), 1);
        assert_eq!(
            g.province_of(d[0]).map(|p| p.name.as_str()),
            Some("Lạng Sơn")
        );
        // Old and new tone placement.
        assert_eq!(g.province_named("Hòa Bình").map(|p| p.code), Some(17));
        assert_eq!(g.province_named("Hoà Bình").map(|p| p.code), Some(17));
        assert_eq!(
            g.province_named("Bà Rịa Vũng Tàu").map(|p| p.code),
            Some(77)
        );
        assert_eq!(g.province_named("Thừa Thiên Huế").map(|p| p.code), Some(46));
        assert_eq!(g.districts_named("Châu Thành").len(), 10);
        assert_eq!(g.districts_named("Với").len(), 0);
    }

    #[test]
    fn knows_the_2025_province() {
        let g = gazetteer();
        assert_eq!(
            g.province_2025_named("Hà Giang").map(|p| p.name.as_str()),
            Some("Tuyên Quang")
        );
        assert_eq!(
            g.province_2025_named("Lạng Sơn").map(|p| p.name.as_str()),
            Some("Lạng Sơn")
        );
        assert_eq!(
            g.province_2025_named("Bà Rịa - Vũng Tàu")
                .map(|p| p.name.as_str()),
            Some("Hồ Chí Minh")
        );
        assert!(
            g.units_2025_named("Việt Trì")
                .iter()
                .any(|u| u.prefix == "phường")
        );
    }

    #[test]
    fn searches_and_labels() {
        let g = gazetteer();
        let hits = g.search("chau thanh an giang");
        assert_eq!(hits.len(), 1);
        assert_eq!(g.label(hits[0]), "huyện Châu Thành (An Giang)");
        assert_eq!(g.search("").len(), g.districts.len());
        assert_eq!(
            g.label(g.search("Đất Đỏ")[0]),
            "huyện Đất Đỏ (Bà Rịa - Vũng Tàu, cũ)"
        );
        let q1 = g.districts_named("1");
        assert_eq!(q1.len(), 1);
        assert_eq!(district_display(q1[0], "1"), "Quận 1");
    }
}
