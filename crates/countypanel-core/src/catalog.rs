//! The indicator catalog: which measures countypanel knows, how reports name them, their
//! canonical unit, valid range and direction.

use std::fmt::Write as _;
use std::path::Path;

use serde::Deserialize;

use crate::error::CoreError;
use crate::vocab::Unit;

/// The whole catalog file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// Indicators, in the order they are listed.
    #[serde(rename = "indicator")]
    pub indicators: Vec<Indicator>,
}

/// The unit of an indicator before its label is read.
fn unparsed() -> Unit {
    Unit::Other
}

/// One indicator.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id (snake case, used as a column name in the wide panel).
    pub id: String,
    /// Chinese name.
    pub name: String,
    /// English label.
    pub label: String,
    /// Canonical unit: one of [`Unit::CATALOG`] (read from `unit` when the catalog is parsed).
    #[serde(skip, default = "unparsed")]
    pub unit: Unit,
    /// The unit as the catalog file writes it.
    #[serde(rename = "unit")]
    unit_label: String,
    /// The group of the national indicator list (resources, staff, services, …), when given.
    #[serde(default)]
    pub group: Option<String>,
    /// Whether a higher value is better (decides rank order).
    #[serde(default = "yes")]
    pub higher_is_better: bool,
    /// Valid range `[min, max]`, inclusive.
    pub range: [f64; 2],
    /// Phrases that name the indicator in text, most specific first.
    pub phrases: Vec<String>,
    /// Subjects that, placed before a generic phrase, make it this indicator: with
    /// `generic = "规范管理率"`, a subject `高血压` gives this indicator.
    #[serde(default)]
    pub subjects: Vec<String>,
    /// Generic phrases completed by one of `subjects`: `generic = "规范管理率"` or a list,
    /// `generic = ["管理率", "健康管理率"]`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub generic: Vec<String>,
    /// Whether the indicator is an average over people, beds or days (医师日均担负诊疗人次 5.8,
    /// 病床周转次数 31.2) though its unit counts: its values need not be whole, and its range does
    /// not grow with the area.
    #[serde(default)]
    pub average: bool,
    /// For a density (每千人口床位数): the indicator counting what it divides (`hospital_beds`).
    /// A density and its count imply a population; clean checks that a region's implied
    /// populations agree.
    #[serde(default)]
    pub density_of: Option<String>,
    /// Residents per unit of the density: 1,000 for 每千人口, 10,000 for 每万人口.
    #[serde(default = "per_thousand")]
    pub density_per: f64,
}

fn per_thousand() -> f64 {
    1000.0
}

fn yes() -> bool {
    true
}

/// A string or a list of strings.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

impl Indicator {
    /// Whether the indicator is a density or a per-head amount (每千人口床位数, 人均筹资): its
    /// id says per what (`beds_per_1000`, `…_per_capita`).
    #[must_use]
    pub fn is_density(&self) -> bool {
        self.id.contains("per_")
    }

    /// Whether the indicator counts things of an area (institutions, beds, people, money): its
    /// valid range grows with the area, and, unless it is money, its values are whole numbers.
    #[must_use]
    pub fn counts_an_area(&self) -> bool {
        !self.is_density()
            && !self.average
            && !matches!(
                self.unit,
                Unit::Percent | Unit::PerMille | Unit::Per100k | Unit::Year | Unit::Day
            )
    }

    /// Whether the indicator's values are whole numbers.
    #[must_use]
    pub fn is_whole(&self) -> bool {
        self.counts_an_area() && self.unit != Unit::Yuan
    }
}

impl Catalog {
    /// Reads and validates a catalog file.
    pub fn load(path: &Path) -> Result<Self, CoreError> {
        let text = std::fs::read_to_string(path).map_err(|e| CoreError::io(path, e))?;
        Self::parse(&text, path)
    }

    /// Parses catalog text; `path` is used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, CoreError> {
        let bad = |message: String| CoreError::Config {
            path: path.to_path_buf(),
            message,
        };
        let mut c: Self = toml::from_str(text).map_err(|e| bad(e.to_string().trim_end().into()))?;
        let mut seen = std::collections::HashSet::new();
        for ind in &mut c.indicators {
            ind.unit = match ind.unit_label.parse() {
                Ok(u) if Unit::CATALOG.contains(&u) => u,
                _ => {
                    let units: Vec<&str> = Unit::CATALOG.iter().map(|u| u.as_str()).collect();
                    return Err(bad(format!(
                        "indicator `{}`: unit `{}` is not one of {}",
                        ind.id,
                        ind.unit_label,
                        units.join(", ")
                    )));
                }
            };
        }
        for ind in &c.indicators {
            if !seen.insert(ind.id.as_str()) {
                return Err(bad(format!("indicator `{}` is listed twice", ind.id)));
            }
            if !ind
                .id
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_')
            {
                return Err(bad(format!(
                    "indicator id `{}` must be snake case ASCII",
                    ind.id
                )));
            }
            if ind.range[0] > ind.range[1] {
                return Err(bad(format!("indicator `{}`: range is reversed", ind.id)));
            }
            if ind.phrases.is_empty() && ind.generic.is_empty() {
                return Err(bad(format!(
                    "indicator `{}` has no phrases and no generic phrase",
                    ind.id
                )));
            }
            if !ind.generic.is_empty() && ind.subjects.is_empty() {
                return Err(bad(format!(
                    "indicator `{}` has a generic phrase but no subjects",
                    ind.id
                )));
            }
            if let Some(count) = &ind.density_of
                && !c.indicators.iter().any(|i| &i.id == count)
            {
                return Err(bad(format!(
                    "indicator `{}`: density_of `{count}` is no indicator of the catalog",
                    ind.id
                )));
            }
            if ind.density_per <= 0.0 {
                return Err(bad(format!(
                    "indicator `{}`: density_per must be positive",
                    ind.id
                )));
            }
        }
        Ok(c)
    }

    /// The catalog as a markdown reference: one row per indicator with its unit, valid range
    /// (a county's), rank direction, group and the phrases reports use for it.
    #[must_use]
    pub fn markdown(&self) -> String {
        let mut s = String::from(
            "# Indicator catalog\n\nGenerated by `countypanel catalog` from the pipeline's catalog file. \
             Ids are those of the national health statistics indicator list. Ranges are a county's; \
             clean lets counts of an area reach 25 times the upper bound for a prefecture and 400 \
             times for a province. Direction: ↑ higher is better, ↓ lower is better.\n\n\
             | id | name | label | unit | range | dir | group | phrases |\n\
             |---|---|---|---|---|---|---|---|\n",
        );
        for i in &self.indicators {
            let mut phrases = i.phrases.join("、");
            if !i.generic.is_empty() {
                let _ = write!(
                    phrases,
                    "; {} after {}",
                    i.generic.join("/"),
                    i.subjects.join("/")
                );
            }
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {}–{} | {} | {} | {} |",
                i.id,
                i.name,
                i.label,
                i.unit,
                i.range[0],
                i.range[1],
                if i.higher_is_better { "↑" } else { "↓" },
                i.group.as_deref().unwrap_or(""),
                phrases.replace('|', "/")
            );
        }
        s
    }

    /// The indicator with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The id closest to `id` by edit distance (a typo's likely meaning), when one is within
    /// a third of its length.
    #[must_use]
    pub fn closest_id(&self, id: &str) -> Option<&str> {
        let limit = (id.chars().count() / 3).max(2);
        self.indicators
            .iter()
            .map(|i| (edit_distance(id, &i.id), i.id.as_str()))
            .filter(|(d, _)| *d <= limit)
            .min()
            .map(|(_, i)| i)
    }
}

/// Levenshtein distance between two strings, by characters.
#[must_use]
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(row[j]).min(cur)
            };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(super::edit_distance("hospital_beds", "hospital_beds"), 0);
        assert_eq!(super::edit_distance("hosptal_beds", "hospital_beds"), 1);
        assert_eq!(super::edit_distance("床位", "病床"), 2);
    }
    use super::*;

    #[test]
    fn rejects_unknown_unit_and_names_the_indicator() {
        let text = r#"
[[indicator]]
id = "x"
name = "甲"
label = "x"
unit = "dollars"
range = [0, 1]
phrases = ["甲"]
"#;
        let e = Catalog::parse(text, Path::new("cat.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("cat.toml") && e.contains("dollars") && e.contains('x'),
            "{e}"
        );
    }
}
