//! Placing a fact in its region: the region its sentence names, or the report's own.

use countypanel_extract::Fact;
use countypanel_regions::Status;

use crate::Reader;

/// What a report says of its own region, for placing its facts.
pub(crate) struct Issuer<'a> {
    /// The issuing body's region as named.
    pub name: Option<&'a str>,
    /// Its resolution, when it resolved to one region.
    pub resolution: Option<&'a countypanel_regions::Resolution>,
    /// How it was resolved.
    pub method: Option<&'static str>,
    /// The publication year.
    pub published_year: Option<i32>,
    /// The document's title, issuer and code, the context of region names.
    pub context: &'a [&'a str],
}

impl Reader<'_> {
    /// The region of a fact: the region its sentence names (unless that one encloses the
    /// issuer's and is not the subject of the number's clause: a county's report that says
    /// 全省第一 still speaks of the county), else the issuer's region, checked against the fact's
    /// year.
    pub(crate) fn region_of(
        &self,
        fact: &Fact,
        issuer: &Issuer<'_>,
    ) -> (Option<String>, Option<&'static str>) {
        let year = fact.year.or(issuer.published_year);
        let named_here = fact.region_name.is_some() && fact.region_name.as_deref() != issuer.name;
        let issuer_code = issuer.resolution.and_then(|r| r.code.as_deref());
        let named = named_here
            .then(|| {
                let name = fact.region_name.as_deref().unwrap_or_default();
                self.gazetteer.resolve_in_year(name, year, issuer.context)
            })
            .filter(|r| {
                fact.region_subject
                    || !matches!((r.code.as_deref(), issuer_code),
                        (Some(n), Some(i)) if countypanel_regions::encloses(n, i))
            })
            // A two-character name (岷县, 古县) is as often a town's short name or a word: it
            // places a fact only inside the report's own province.
            .filter(|r| {
                let name = fact.region_name.as_deref().unwrap_or_default();
                name.chars().count() > 2
                    || matches!((r.code.as_deref(), issuer_code),
                        (Some(n), Some(i)) if n.get(..2) == i.get(..2))
            });
        if let Some(r) = named {
            return if r.status == Status::Resolved {
                (r.code, r.method.map(countypanel_regions::Method::as_str))
            } else {
                (None, None)
            };
        }
        match issuer.resolution {
            Some(r) => match r
                .code
                .clone()
                .filter(|c| self.gazetteer.by_code(c, year).is_some())
            {
                Some(code) => (Some(code), issuer.method),
                // A gazetteer of 2019 on 户县 from 1985 to 2005: the name resolved in the year of
                // publication leads to its successor (鄠邑区), which did not exist then; in the
                // fact's own year the name is the county of that time.
                None => match issuer
                    .name
                    .map(|n| self.gazetteer.resolve_in_year(n, year, issuer.context))
                {
                    // Of the issuer's level only: 毕节市 of 2010 was a county-level city, not the
                    // prefecture that reports in 2020.
                    Some(again) if again.status == Status::Resolved && again.level == r.level => (
                        again.code,
                        again.method.map(countypanel_regions::Method::as_str),
                    ),
                    _ => (None, None),
                },
            },
            None => (None, None),
        }
    }
}
