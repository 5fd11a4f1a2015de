//! What the gazetteer answers with: levels, resolutions and their methods and status,
//! candidates, crosswalks.

/// Administrative level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// 省级.
    Province,
    /// 地级.
    Prefecture,
    /// 县级.
    County,
}

impl Level {
    /// `province`, `prefecture` or `county`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Province => "province",
            Self::Prefecture => "prefecture",
            Self::County => "county",
        }
    }
}

impl std::str::FromStr for Level {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "province" => Ok(Self::Province),
            "prefecture" => Ok(Self::Prefecture),
            "county" => Ok(Self::County),
            _ => Err(format!(
                "`{s}` is not a region level (province, prefecture, county)"
            )),
        }
    }
}

impl std::fmt::Display for Level {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether the region of code `outer` encloses the region of code `inner`: a province
/// (`620000`) encloses every code of its two first digits, a prefecture (`620900`) every code of
/// its four first digits. A code does not enclose itself.
#[must_use]
pub fn encloses(outer: &str, inner: &str) -> bool {
    if outer == inner || outer.len() != 6 || inner.len() != 6 {
        return false;
    }
    if outer.ends_with("0000") {
        inner[..2] == outer[..2]
    } else if outer.ends_with("00") {
        inner[..4] == outer[..4]
    } else {
        false
    }
}

/// How a name was resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The official name, unique in that year.
    Exact,
    /// A short name (嘉鱼 for 嘉鱼县), unique in that year.
    ShortName,
    /// A name shared by several regions, decided by the context.
    Context,
    /// A name qualified by its prefecture or province (兰州市城关区).
    Qualified,
    /// A town or street inside the region (千里山镇 → its county): inferred, not stated.
    Town,
    /// A name retired before the year asked for, taken to the one code that succeeded it
    /// (南汇县 in 2003 → 南汇区).
    Successor,
}

impl Method {
    /// Code stored in tables.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::ShortName => "short_name",
            Self::Context => "context",
            Self::Qualified => "qualified",
            Self::Town => "inferred_from_town",
            Self::Successor => "successor",
        }
    }
}

/// Outcome of a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// One region.
    Resolved,
    /// Several regions fit and the context does not decide.
    Ambiguous,
    /// The name was valid before the year asked for, but its code had been retired by then.
    Retired,
    /// No region of that name.
    Unknown,
}

impl Status {
    /// Code stored in tables.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Resolved => "resolved",
            Self::Ambiguous => "ambiguous",
            Self::Retired => "retired",
            Self::Unknown => "unknown",
        }
    }
}

/// One code with its name and validity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// 6-digit code.
    pub code: String,
    /// Official name.
    pub name: String,
    /// Level.
    pub level: Level,
    /// Province name.
    pub province: String,
    /// Prefecture name (empty for provinces; 直辖 for units directly under a province).
    pub prefecture: String,
    /// First year valid.
    pub start: i32,
    /// Year it was retired or renamed, if it was.
    pub end: Option<i32>,
}

/// The answer to "which region is this name, in this year?".
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    /// The name asked about.
    pub query: String,
    /// Outcome.
    pub status: Status,
    /// Code, when resolved (or the retired code).
    pub code: Option<String>,
    /// Level, when resolved.
    pub level: Option<Level>,
    /// Official name in that year.
    pub name: Option<String>,
    /// How it was resolved.
    pub method: Option<Method>,
    /// Town code, when resolved through a town.
    pub town_code: Option<String>,
    /// The competing regions, when ambiguous; the retired entry, when retired.
    pub candidates: Vec<Candidate>,
    /// Codes that took over a retired code.
    pub successors: Vec<String>,
}

impl Resolution {
    pub(crate) fn unknown(query: &str) -> Self {
        Self {
            query: query.to_string(),
            status: Status::Unknown,
            code: None,
            level: None,
            name: None,
            method: None,
            town_code: None,
            candidates: Vec::new(),
            successors: Vec::new(),
        }
    }

    pub(crate) fn resolved(query: &str, c: &Candidate, method: Method) -> Self {
        Self {
            query: query.to_string(),
            status: Status::Resolved,
            code: Some(c.code.clone()),
            level: Some(c.level),
            name: Some(c.name.clone()),
            method: Some(method),
            town_code: None,
            candidates: Vec::new(),
            successors: Vec::new(),
        }
    }
}

/// Where a code's territory lies in a base year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crosswalk {
    /// Codes of the base year covering the territory.
    pub codes: Vec<String>,
    /// How the code got there: `same`, `same_with_transfers`, `renamed`, `merged`, `split`, `unknown`.
    pub note: &'static str,
}
