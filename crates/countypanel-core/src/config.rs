//! The pipeline file (`pipelines/*.toml`), parsed into a typed configuration.
//!
//! Unknown keys and bad values are errors that name the file and the key. Relative paths are
//! taken relative to the folder the command runs in (the project root when run by `make`).

use crate::vocab::Level;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::CoreError;

/// A whole pipeline file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    /// Name and description.
    pub pipeline: PipelineInfo,
    /// Where inputs and outputs live.
    pub paths: Paths,
    /// Ingest settings.
    #[serde(default)]
    pub ingest: IngestConfig,
    /// Cleaning policy.
    #[serde(default)]
    pub clean: CleanConfig,
    /// What the summary compares.
    #[serde(default)]
    pub aggregate: AggregateConfig,
    /// The file this was read from (set by [`Pipeline::load`]).
    #[serde(skip)]
    pub source: PathBuf,
}

/// `[pipeline]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineInfo {
    /// Short name.
    pub name: String,
    /// One sentence.
    #[serde(default)]
    pub description: String,
}

/// `[paths]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paths {
    /// Folder of raw reports, read recursively.
    pub raw: PathBuf,
    /// Indicator catalog (TOML).
    pub catalog: PathBuf,
    /// Folder of region reference files.
    pub reference: PathBuf,
    /// Staged layer (documents, facts).
    pub staged: PathBuf,
    /// Clean layer (observations).
    pub clean: PathBuf,
    /// Quality tables (rejects, quarantine, conflicts).
    pub qa: PathBuf,
    /// Summary tables, report and charts.
    pub summary: PathBuf,
}

/// `[ingest]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IngestConfig {
    /// The run fails (exit 1) when more than this share of files is rejected.
    pub max_reject_share: f64,
    /// Files larger than this many bytes are rejected unread.
    pub max_file_bytes: u64,
    /// Largest total size that the entries of a zip container (DOCX, XLSX) may expand to.
    pub max_unzipped_bytes: u64,
    /// How yearbook tables (CSV, TSV, XLSX) map their columns; the first mapping whose
    /// `path_contains` is in a table's path applies.
    #[serde(rename = "table")]
    pub tables: Vec<TableMapping>,
}

/// `[[ingest.table]]`: the columns of a yearbook table.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableMapping {
    /// Substring of the table's path this mapping applies to.
    pub path_contains: String,
    /// Header of the column naming the region.
    pub region: String,
    /// Header of the column holding the year.
    pub year: String,
    /// Header of a column naming the region's province or city, used to resolve shared names.
    #[serde(default)]
    pub region_parent: Option<String>,
    /// Column header → catalog indicator id.
    pub columns: std::collections::BTreeMap<String, String>,
}

impl Default for IngestConfig {
    fn default() -> Self {
        Self {
            max_reject_share: 0.5,
            max_file_bytes: 64 * 1024 * 1024,
            max_unzipped_bytes: 256 * 1024 * 1024,
            tables: Vec::new(),
        }
    }
}

/// A source priority rule: documents whose path contains `path_contains` get `priority`
/// (lower wins when sources disagree).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourcePriority {
    /// Substring of the source path.
    pub path_contains: String,
    /// Priority (lower wins).
    pub priority: i32,
}

/// `[clean]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CleanConfig {
    /// Earliest plausible year.
    pub year_min: i32,
    /// Latest plausible year.
    pub year_max: i32,
    /// An actual fact may not be dated more than this many years after its document's
    /// publication date.
    pub max_years_after_published: i32,
    /// Source priorities, first match wins; unmatched sources get `default_priority`.
    pub source_priority: Vec<SourcePriority>,
    /// Priority of sources no rule matches.
    pub default_priority: i32,
    /// The run fails (exit 1) when more than this share of catalogued facts is quarantined with
    /// error severity.
    pub max_quarantine_share: f64,
    /// Severity per validation rule (`warn` or `error`), overriding the rule's default. Facts
    /// breaking any rule are held back; only error-severity ones count towards
    /// `max_quarantine_share`.
    pub severity: std::collections::BTreeMap<String, crate::vocab::Severity>,
    /// Region-code vintage that observations are also mapped to (`region_code_base`), so that a
    /// panel compares the same territory across years.
    pub base_vintage: i32,
    /// A value more than this many times above or below the median of its region's series (of
    /// at least `suspect_min_years` years) is suspect: flagged on its cell, listed in
    /// `suspect.parquet`, and the loser of a conflict with a value that fits.
    pub suspect_factor: f64,
    /// Years a series needs before it can make a value suspect.
    pub suspect_min_years: i32,
    /// Whether values are checked against their region's series at all (`false`: no value is
    /// suspect and conflicts are settled by the other rules, as before the checks existed).
    pub series_checks: bool,
    /// A density (每千人口床位数) whose count implies a population more than this many times above
    /// or below the median of the populations the region's counts and densities imply (at least
    /// `suspect_min_years` of them) is suspect. Checked with `series_checks`.
    pub density_factor: f64,
    /// Use the suggested correction of a region name that resolves to nothing but differs by
    /// one character from one region of its year (满州里市 → 满洲里市). Suggestions are always
    /// listed in `region_suggestions.parquet`; they are applied only when this is true.
    pub accept_suggested_regions: bool,
}

impl Default for CleanConfig {
    fn default() -> Self {
        Self {
            year_min: 1980,
            year_max: 2050,
            max_years_after_published: 1,
            source_priority: Vec::new(),
            default_priority: 50,
            max_quarantine_share: 0.5,
            severity: std::collections::BTreeMap::new(),
            base_vintage: 2023,
            suspect_factor: 5.0,
            suspect_min_years: 3,
            series_checks: true,
            density_factor: 2.0,
            accept_suggested_regions: false,
        }
    }
}

/// Region levels parsed from their labels.
fn levels<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Level>, D::Error> {
    Vec::<String>::deserialize(d)?
        .iter()
        .map(|l| l.parse().map_err(serde::de::Error::custom))
        .collect()
}

/// `[aggregate]`
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AggregateConfig {
    /// Indicators shown in the report and on the terminal.
    pub headline: Vec<String>,
    /// Region levels compared (ranks are computed among regions of one level).
    #[serde(deserialize_with = "levels")]
    pub region_levels: Vec<Level>,
    /// First and last year shown; empty for all years.
    pub years: Vec<i32>,
    /// Also write the long panel as a dataset partitioned by year (`panel_long_by_year/year=…/`),
    /// which `DuckDB` and Spark read as one table.
    pub partition_by_year: bool,
}

impl Default for AggregateConfig {
    fn default() -> Self {
        Self {
            headline: Vec::new(),
            region_levels: vec![Level::County, Level::Prefecture],
            years: Vec::new(),
            partition_by_year: false,
        }
    }
}

impl Pipeline {
    /// Reads and validates a pipeline file.
    pub fn load(path: &Path) -> Result<Self, CoreError> {
        let text = std::fs::read_to_string(path).map_err(|e| CoreError::io(path, e))?;
        Self::parse(&text, path)
    }

    /// Parses pipeline text; `path` is used in messages.
    pub fn parse(text: &str, path: &Path) -> Result<Self, CoreError> {
        let mut p: Self = toml::from_str(text).map_err(|e| CoreError::Config {
            path: path.to_path_buf(),
            message: e.to_string().trim_end().to_string(),
        })?;
        p.source = path.to_path_buf();
        p.validate()?;
        Ok(p)
    }

    fn validate(&self) -> Result<(), CoreError> {
        let bad = |message: String| CoreError::Config {
            path: self.source.clone(),
            message,
        };
        let share_ok = |x: f64| (0.0..=1.0).contains(&x);
        if !share_ok(self.ingest.max_reject_share) {
            return Err(bad(format!(
                "ingest.max_reject_share must be between 0 and 1, got {}",
                self.ingest.max_reject_share
            )));
        }
        if self.clean.suspect_factor.is_nan() || self.clean.suspect_factor <= 1.0 {
            return Err(bad(format!(
                "clean.suspect_factor must be above 1, got {}",
                self.clean.suspect_factor
            )));
        }
        if !share_ok(self.clean.max_quarantine_share) {
            return Err(bad(format!(
                "clean.max_quarantine_share must be between 0 and 1, got {}",
                self.clean.max_quarantine_share
            )));
        }
        if self.clean.year_min > self.clean.year_max {
            return Err(bad(format!(
                "clean.year_min ({}) is after clean.year_max ({})",
                self.clean.year_min, self.clean.year_max
            )));
        }
        if !(self.aggregate.years.is_empty() || self.aggregate.years.len() == 2) {
            return Err(bad(
                "aggregate.years must be empty or [first, last]".to_string()
            ));
        }
        // Outputs stay inside the folder countypanel runs in: a pipeline file cannot make a
        // batch job write over files elsewhere (command-line flags still can, on purpose).
        for (key, dir) in [
            ("paths.staged", &self.paths.staged),
            ("paths.clean", &self.paths.clean),
            ("paths.qa", &self.paths.qa),
            ("paths.summary", &self.paths.summary),
        ] {
            let escapes = dir.components().any(|c| {
                matches!(
                    c,
                    std::path::Component::ParentDir
                        | std::path::Component::RootDir
                        | std::path::Component::Prefix(_)
                )
            });
            if escapes || dir.as_os_str().is_empty() {
                return Err(bad(format!(
                    "{key} = \"{}\" is outside the project folder: output folders must be relative paths without `..` (the stage's flags, such as --facts or --summary, can still point elsewhere)",
                    dir.display()
                )));
            }
        }
        Ok(())
    }

    /// Priority of a source path under the cleaning policy (lower wins).
    #[must_use]
    pub fn source_priority(&self, source_path: &str) -> i32 {
        self.clean
            .source_priority
            .iter()
            .find(|r| source_path.contains(&r.path_contains))
            .map_or(self.clean.default_priority, |r| r.priority)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[pipeline]
name = "t"
[paths]
raw = "r"
catalog = "c.toml"
reference = "ref"
staged = "s"
clean = "c"
qa = "q"
summary = "m"
"#;

    #[test]
    fn minimal_file_gets_defaults() {
        let p = Pipeline::parse(MINIMAL, Path::new("p.toml")).unwrap();
        assert_eq!(p.paths.raw, PathBuf::from("r"));
        assert!((p.ingest.max_reject_share - 0.5).abs() < 1e-9);
        assert_eq!(p.source_priority("x"), 50);
    }

    #[test]
    fn unknown_key_is_named_with_the_file() {
        let text = format!("{MINIMAL}\n[ingest]\nmax_reject_shares = 0.1\n");
        let e = Pipeline::parse(&text, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("p.toml") && e.contains("max_reject_shares"),
            "{e}"
        );
    }

    #[test]
    fn bad_share_is_refused() {
        let text = format!("{MINIMAL}\n[ingest]\nmax_reject_share = 3.0\n");
        let e = Pipeline::parse(&text, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("max_reject_share"), "{e}");
    }

    #[test]
    fn severity_values_are_checked() {
        let text = format!("{MINIMAL}\n[clean]\nseverity = {{ year_missing = \"fatal\" }}\n");
        let e = Pipeline::parse(&text, Path::new("p.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("year_missing") && e.contains("fatal"), "{e}");
    }

    #[test]
    fn first_matching_priority_rule_wins() {
        let text = format!(
            "{MINIMAL}\n[clean]\nsource_priority = [{{ path_contains = \"yearbook\", priority = 1 }}, {{ path_contains = \"book\", priority = 5 }}]\n"
        );
        let p = Pipeline::parse(&text, Path::new("p.toml")).unwrap();
        assert_eq!(p.source_priority("data/yearbook/a.csv"), 1);
        assert_eq!(p.source_priority("data/notebook/a.csv"), 5);
    }
}
