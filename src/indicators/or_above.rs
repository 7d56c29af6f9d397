//! The computed "or above" fact: when a sentence gives every part of an "or above" level as
//! exact levels of a breakdown (`55,2% đại học; 2% trên đại học`), the share at that level or
//! above is their sum (`đại học trở lên`: `55,2% + 2% = 57,2%`).
//!
//! Its own room because it is a different act from filing: filing reads what a figure says,
//! this derives what the article does not say, so the result is only *offered* to the officer
//! (a [`Computed`] beside the figures, never a figure) and counts once accepted. Which figure is
//! an exact level is decided by the assignment (`drop_exact_levels`); this room pairs each
//! exact level with the higher levels of its ladder (the catalogue's `level_family` /
//! `level_rank`), and keeps the officer's decisions across re-filing.

use super::Catalogue;
use crate::model::{Article, Computed, Kind, Population, Qualifier, Reading, Status};

/// What the assignment knows of one figure that the article does not keep: the indicator
/// whose level it is one exact part of, for which population, and its sentence.
#[derive(Debug, Clone, Default)]
pub(crate) struct Part {
    /// The "or above" indicator this figure is the exact bottom level of (not filed under it).
    pub exact: Option<String>,
    /// Who the exact level counts.
    pub population: Option<Population>,
    /// The index of its sentence (figures of one sentence only add up).
    pub sentence: Option<usize>,
}

/// Sets `article.computed`: the facts derivable now, with the officer's decisions kept.
/// Accepted and rejected facts stay (a rejected one is not offered again; an accepted one takes
/// the new sum when the officer corrected a part); an offered one that still derives keeps its
/// id and takes the new value; one that no longer derives is withdrawn.
pub(crate) fn offer(article: &mut Article, catalogue: &Catalogue, parts: &[Part]) {
    let fresh = derive(article, catalogue, parts);
    let old = std::mem::take(&mut article.computed);
    let mut next = article
        .next_id()
        .max(old.iter().map(|c| c.id + 1).max().unwrap_or(1));
    let mut out: Vec<Computed> = old
        .iter()
        .filter(|c| c.status.is_reviewed())
        .map(|c| match fresh.iter().find(|f| f.same_as(c)) {
            Some(f) if c.accepted() => Computed {
                id: c.id,
                status: c.status,
                ..f.clone()
            },
            _ => c.clone(),
        })
        .collect();
    for mut c in fresh {
        if out.iter().any(|o| o.same_as(&c)) {
            continue;
        }
        c.id = match old.iter().find(|o| o.same_as(&c)) {
            Some(o) => o.id,
            None => {
                next += 1;
                next - 1
            }
        };
        out.push(c);
    }
    out.sort_by_key(|c| (first_start(article, c), c.id));
    article.computed = out;
}

fn first_start(article: &Article, c: &Computed) -> usize {
    c.from
        .iter()
        .filter_map(|&id| article.figure(id))
        .map(|f| f.start)
        .min()
        .unwrap_or(usize::MAX)
}

/// The level of a figure on a ladder: (family, rank, indicator it is the exact level of, or
/// the indicator it is filed under).
fn level<'c>(
    article: &Article,
    catalogue: &'c Catalogue,
    parts: &[Part],
    i: usize,
) -> Option<(&'c str, u8, Option<Population>)> {
    let f = &article.figures[i];
    let r = &f.reading;
    if f.status == Status::Rejected
        || r.kind != Kind::Percent
        || r.change
        || r.boilerplate
        || r.value.is_none()
    {
        return None;
    }
    let p = parts.get(i)?;
    let (id, pop) = match (&p.exact, &r.indicator) {
        (Some(id), None) => (id.as_str(), p.population),
        (None, Some(id)) => (id.as_str(), r.population),
        _ => return None,
    };
    let ind = catalogue.get(id)?;
    Some((ind.level_family.as_deref()?, ind.level_rank, pop))
}

/// Every "or above" fact the figures give in full now (ids not set yet).
fn derive(article: &Article, catalogue: &Catalogue, parts: &[Part]) -> Vec<Computed> {
    let n = article.figures.len().min(parts.len());
    let levels: Vec<_> = (0..n)
        .map(|i| level(article, catalogue, parts, i))
        .collect();
    let mut out = Vec::new();
    for i in 0..n {
        let (Some(id), Some((fam, rank, pop)), Some(sent)) =
            (parts[i].exact.as_deref(), levels[i], parts[i].sentence)
        else {
            continue;
        };
        let base = &article.figures[i];
        // Two exact parts on one rung (`cao đẳng 10%, trung cấp 15%` on a ladder that has one
        // rung for both): which of them the sum starts from is not said.
        let twin = (0..n).any(|j| {
            j != i
                && parts[j].sentence == Some(sent)
                && parts[j].exact.is_some()
                && levels[j] == levels[i]
        });
        if twin {
            continue;
        }
        // Every higher rung of the ladder must be given, for the same population, year and
        // target, in the same sentence: the nearest such figure for each.
        let mut higher: Vec<u8> = catalogue
            .indicators()
            .iter()
            .filter(|x| x.level_family.as_deref() == Some(fam) && x.level_rank > rank)
            .map(|x| x.level_rank)
            .collect();
        higher.sort_unstable();
        higher.dedup();
        if higher.is_empty() {
            continue;
        }
        let mut from = vec![i];
        for r in higher {
            let nearest = (0..n)
                .filter(|&j| {
                    j != i
                        && parts[j].sentence == Some(sent)
                        && levels[j].is_some_and(|(f2, r2, p2)| f2 == fam && r2 == r && p2 == pop)
                        && article.figures[j].reading.year == base.reading.year
                        && article.figures[j].reading.target == base.reading.target
                })
                .min_by_key(|&j| article.figures[j].start.abs_diff(base.start));
            match nearest {
                Some(j) => from.push(j),
                None => {
                    from.clear();
                    break;
                }
            }
        }
        if from.is_empty() {
            continue;
        }
        from.sort_by_key(|&j| article.figures[j].start);
        let values: Vec<f64> = from
            .iter()
            .filter_map(|&j| article.figures[j].reading.value)
            .collect();
        let sum: f64 = values.iter().sum();
        // Parts of one whole: more than 100% is no breakdown.
        if values.len() != from.len() || sum > 100.5 {
            continue;
        }
        let sum = (sum * 1e6).round() / 1e6;
        let qualifiers: Vec<Option<Qualifier>> = from
            .iter()
            .map(|&j| article.figures[j].reading.qualifier)
            .collect();
        let bound = combined(&qualifiers);
        // `≲80% + >10% = ≈90%`: each value with the sign of its bound.
        let pct = |v: f64, q: Option<Qualifier>| {
            format!(
                "{}{}%",
                q.map_or("", Qualifier::symbol),
                crate::numbers::vi(v)
            )
        };
        let formula = format!(
            "{} = {}",
            values
                .iter()
                .zip(&qualifiers)
                .map(|(&v, &q)| pct(v, q))
                .collect::<Vec<_>>()
                .join(" + "),
            pct(sum, bound)
        );
        let mut reading = Reading::new(Kind::Percent);
        reading.value = Some(sum);
        reading.qualifier = bound;
        reading.unit = base.reading.unit.clone();
        reading.indicator = Some(id.to_string());
        reading.population = Some(pop.unwrap_or(Population::Chung));
        reading.year = base.reading.year;
        reading.year_from_article = base.reading.year_from_article;
        reading.target = base.reading.target;
        out.push(Computed {
            id: 0,
            from: from.iter().map(|&j| article.figures[j].id).collect(),
            formula,
            reading,
            status: Status::Extracted,
        });
    }
    out
}

/// The bound of a sum: exact parts give an exact sum; parts bounded the same way (`trên 10%`,
/// `trên 80%`) bound it that way; anything mixed makes it approximate.
fn combined(qs: &[Option<Qualifier>]) -> Option<Qualifier> {
    let bounds: Vec<Qualifier> = qs.iter().flatten().copied().collect();
    match bounds.first() {
        None => None,
        Some(&q) if bounds.iter().all(|&b| b == q) => Some(q),
        Some(_) => Some(Qualifier::About),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_of_a_sum() {
        assert_eq!(combined(&[None, None]), None);
        assert_eq!(
            combined(&[Some(Qualifier::MoreThan), None]),
            Some(Qualifier::MoreThan)
        );
        assert_eq!(
            combined(&[Some(Qualifier::MoreThan), Some(Qualifier::Nearly)]),
            Some(Qualifier::About)
        );
    }
}
