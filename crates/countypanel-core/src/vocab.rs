//! The vocabularies the crates share, as types: parsed once where they come in (the pipeline
//! file, the catalog, a Parquet label column) and matched exhaustively inside. Their text forms
//! are the labels the tables store.

use std::fmt;
use std::str::FromStr;

/// Whether a fact or an observation states what was achieved or what is aimed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// An achieved value.
    Actual,
    /// A target (力争, 目标, 计划, 到2025年…达到).
    Target,
}

impl Kind {
    /// `actual` or `target`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Actual => "actual",
            Self::Target => "target",
        }
    }
}

/// How a broken validation rule counts: every fact breaking a rule is held back; only
/// `error` ones count towards `clean.max_quarantine_share`, which fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Held back, and noted.
    Warn,
    /// Held back, and counted against the run.
    Error,
}

impl Severity {
    /// `warn` or `error`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Warn => "warn",
            Self::Error => "error",
        }
    }
}

/// A label that is not one of a vocabulary's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unknown {
    /// Which vocabulary.
    pub vocabulary: &'static str,
    /// The label met.
    pub label: String,
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a {}", self.label, self.vocabulary)
    }
}

impl std::error::Error for Unknown {}

impl FromStr for Kind {
    type Err = Unknown;
    fn from_str(s: &str) -> Result<Self, Unknown> {
        match s {
            "actual" => Ok(Self::Actual),
            "target" => Ok(Self::Target),
            _ => Err(Unknown {
                vocabulary: "kind (actual, target)",
                label: s.to_string(),
            }),
        }
    }
}

impl FromStr for Severity {
    type Err = Unknown;
    fn from_str(s: &str) -> Result<Self, Unknown> {
        match s {
            "warn" => Ok(Self::Warn),
            "error" => Ok(Self::Error),
            _ => Err(Unknown {
                vocabulary: "severity (warn, error)",
                label: s.to_string(),
            }),
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_and_strangers_are_named() {
        for k in [Kind::Actual, Kind::Target] {
            assert_eq!(k.as_str().parse::<Kind>(), Ok(k));
        }
        for s in [Severity::Warn, Severity::Error] {
            assert_eq!(s.as_str().parse::<Severity>(), Ok(s));
        }
        let e = "fatal".parse::<Severity>().unwrap_err();
        assert_eq!(e.to_string(), "`fatal` is not a severity (warn, error)");
    }
}
