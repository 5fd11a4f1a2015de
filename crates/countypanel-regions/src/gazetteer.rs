//! The gazetteer: indexes over names, short names, codes and towns, and name resolution.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::RegionError;
use crate::load;
use crate::names::{COMMON_NOUNS, TOWN_SUFFIXES, autonomous_aliases, short_name};
use crate::types::{Candidate, Crosswalk, Level, Method, Resolution, Status};

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub province: String,
    pub prefecture: String,
    pub start: i32,
    pub end: Option<i32>,
    pub successors: Vec<String>,
    pub transfers: Vec<(String, i32)>,
}

impl Entry {
    /// Valid from its first year up to, not including, the year it changed.
    fn valid_in(&self, year: i32) -> bool {
        self.start <= year && self.end.is_none_or(|e| year < e)
    }

    /// Valid in `year`, counting the year of change too (a report of that year may still use
    /// the old name).
    fn valid_in_lenient(&self, year: i32) -> bool {
        self.start <= year && self.end.is_none_or(|e| year <= e)
    }

    fn candidate(&self) -> Candidate {
        Candidate {
            code: self.code.clone(),
            name: self.name.clone(),
            level: self.level,
            province: self.province.clone(),
            prefecture: self.prefecture.clone(),
            start: self.start,
            end: self.end,
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct Town {
    pub code: String,
    pub name: String,
    pub county: String,
}

/// The gazetteer.
#[derive(Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    by_name: HashMap<String, Vec<usize>>,
    by_short: HashMap<String, Vec<usize>>,
    by_code: HashMap<String, Vec<usize>>,
    towns: Vec<Town>,
    towns_by_name: HashMap<String, Vec<usize>>,
    predecessors: HashMap<String, BTreeSet<String>>,
}

impl Gazetteer {
    /// Loads the reference files of a folder.
    pub fn load(dir: &Path) -> Result<Self, RegionError> {
        Ok(Self::from_parts(load::history(dir)?, load::towns(dir)?))
    }

    pub(crate) fn from_parts(entries: Vec<Entry>, towns: Vec<Town>) -> Self {
        let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_short: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_code: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name.clone()).or_default().push(i);
            if let Some(s) = short_name(&e.name) {
                by_short.entry(s.to_string()).or_default().push(i);
            }
            for alias in autonomous_aliases(&e.name) {
                by_short.entry(alias).or_default().push(i);
            }
            by_code.entry(e.code.clone()).or_default().push(i);
        }
        let mut predecessors: HashMap<String, BTreeSet<String>> = HashMap::new();
        for e in &entries {
            for s in &e.successors {
                predecessors
                    .entry(s.clone())
                    .or_default()
                    .insert(e.code.clone());
            }
        }
        let mut towns_by_name: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in towns.iter().enumerate() {
            towns_by_name.entry(t.name.clone()).or_default().push(i);
        }
        Self {
            entries,
            by_name,
            by_short,
            by_code,
            towns,
            towns_by_name,
            predecessors,
        }
    }

    /// Number of code entries (all years).
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every official name of a county-level or higher region, any year (for text scanning),
    /// but names that running text uses as common nouns (市区, 城区, 郊区, 矿区).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.by_name
            .keys()
            .map(String::as_str)
            .filter(|n| !COMMON_NOUNS.contains(n))
    }

    /// [`Self::names`] and the shorter names reports write for autonomous regions (互助县 for
    /// 互助土族自治县, 循化自治县, 红河州): the names to look for in sentences.
    pub fn names_and_aliases(&self) -> impl Iterator<Item = &str> {
        self.names().chain(
            self.by_short
                .keys()
                .map(String::as_str)
                .filter(|k| k.ends_with(['县', '旗', '州']) && !self.by_name.contains_key(*k)),
        )
    }

    /// Every official name with the most specific level a region of that name has had (a name
    /// shared by a prefecture and a county is a county name) and whether a region of that name
    /// exists today.
    pub fn names_with_levels(&self) -> impl Iterator<Item = (&str, Level, bool)> {
        self.by_name
            .iter()
            .filter(|(name, _)| !COMMON_NOUNS.contains(&name.as_str()))
            .map(|(name, idx)| {
                let level = idx.iter().map(|&i| self.entries[i].level).max();
                let current = idx.iter().any(|&i| self.entries[i].end.is_none());
                (name.as_str(), level.unwrap_or(Level::County), current)
            })
    }

    /// Every town name of the 2023 list.
    pub fn town_names(&self) -> impl Iterator<Item = &str> {
        self.towns_by_name.keys().map(String::as_str)
    }

    /// Every county-level region valid in `year`, in code order.
    #[must_use]
    pub fn counties_in(&self, year: i32) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .entries
            .iter()
            .filter(|e| e.valid_in(year))
            .map(Entry::candidate)
            .filter(|c| c.level == Level::County)
            .collect();
        out.sort_by(|a, b| a.code.cmp(&b.code));
        out.dedup_by(|a, b| a.code == b.code);
        out
    }

    /// The entry of a code valid in `year` (or the latest one when `year` is `None`).
    #[must_use]
    pub fn by_code(&self, code: &str, year: Option<i32>) -> Option<Candidate> {
        let idx = self.by_code.get(code)?;
        let entries = || idx.iter().map(|&i| &self.entries[i]);
        let pick = entries()
            .filter(|e| year.is_none_or(|y| e.valid_in(y)))
            .max_by_key(|e| (e.end.is_none(), e.start))
            .or_else(|| {
                entries()
                    .filter(|e| year.is_none_or(|y| e.valid_in_lenient(y)))
                    .max_by_key(|e| (e.end.is_none(), e.start))
            })?;
        Some(pick.candidate())
    }

    /// Like [`Gazetteer::resolve`], but a name retired before `year` whose code leads, through
    /// its successors, to exactly one code valid in `year` resolves to that code (method
    /// `successor`): a yearbook that still prints 南汇县 in 2003 speaks of 南汇区, and a report
    /// that calls 秀山土家族苗族自治县 秀山县 in 2024 speaks of it, three codes on from 1983's.
    #[must_use]
    pub fn resolve_in_year(&self, name: &str, year: Option<i32>, context: &[&str]) -> Resolution {
        let mut r = self.resolve(name, year, context);
        if r.status != Status::Retired {
            return r;
        }
        let Some(y) = year else { return r };
        let (Some(code), Some(from)) = (r.code.clone(), r.candidates.first().map(|c| c.start))
        else {
            return r;
        };
        // Every code the old name had (one region renumbered, or several regions of one name)
        // must lead to the same one code valid in the year.
        let mut olds: BTreeSet<(&str, i32)> = self
            .by_name
            .get(name)
            .or_else(|| self.by_short.get(name))
            .into_iter()
            .flatten()
            .map(|&i| (self.entries[i].code.as_str(), self.entries[i].start))
            .collect();
        olds.insert((code.as_str(), from));
        let mut targets: BTreeSet<String> = BTreeSet::new();
        for (c, start) in olds {
            targets.extend(self.crosswalk(c, start, y).codes);
        }
        let live: Vec<Candidate> = targets
            .iter()
            .filter_map(|c| self.by_code(c, Some(y)))
            .filter(|c| c.start <= y && c.end.is_none_or(|e| y < e))
            .collect();
        if let [one] = live.as_slice() {
            r.status = Status::Resolved;
            r.code = Some(one.code.clone());
            r.level = Some(one.level);
            r.name = Some(one.name.clone());
            r.method = Some(Method::Successor);
        }
        r
    }

    /// The regions valid in `year` whose names are at most `max_edits` characters from `name`
    /// (by `distance`, an edit distance) and end in the same character (a 市 for a 市), nearest
    /// first, each once with its distance. Names shorter than three characters have none.
    #[must_use]
    pub fn near(
        &self,
        name: &str,
        year: i32,
        max_edits: usize,
        distance: impl Fn(&str, &str) -> usize,
    ) -> Vec<(Candidate, usize)> {
        let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        let n = name.chars().count();
        if n < 3 {
            return Vec::new();
        }
        let last = name.chars().last();
        let mut found: Vec<(Candidate, usize)> = self
            .entries
            .iter()
            .filter(|e| e.valid_in_lenient(year))
            .filter(|e| {
                e.name.chars().last() == last && e.name.chars().count().abs_diff(n) <= max_edits
            })
            .filter_map(|e| {
                let d = distance(&e.name, &name);
                (d > 0 && d <= max_edits).then(|| (e.candidate(), d))
            })
            .collect();
        found.sort_by(|a, b| a.1.cmp(&b.1).then_with(|| a.0.code.cmp(&b.0.code)));
        let mut seen = std::collections::HashSet::new();
        found.retain(|(c, _)| seen.insert(c.code.clone()));
        found
    }

    /// The one region valid in `year` whose name differs from `name` by a single character
    /// (满州里市 → 满洲里市, 华莹市 → 华蓥市): a likely misspelling's correction, to be reported,
    /// not applied silently. `None` when no name or several names are that close.
    #[must_use]
    pub fn suggest(&self, name: &str, year: i32) -> Option<Candidate> {
        let name: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
        if name.len() < 3 {
            return None;
        }
        let mut found: Vec<Candidate> = self
            .entries
            .iter()
            .filter(|e| e.valid_in_lenient(year))
            .filter(|e| {
                let other: Vec<char> = e.name.chars().collect();
                other.len() == name.len()
                    && other.last() == name.last()
                    && other.iter().zip(&name).filter(|(a, b)| a != b).count() == 1
            })
            .map(Entry::candidate)
            .collect();
        found.sort_by(|a, b| a.code.cmp(&b.code));
        found.dedup_by(|a, b| a.code == b.code);
        match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    /// Maps a code valid in `year` to the code(s) covering its territory in `base_year`, by
    /// following the successors of retired codes. The note says how: `same` (the code is still
    /// valid), `same_with_transfers` (still valid, but parts of its territory moved in between),
    /// `renamed` (one successor that took over nothing else), `merged` (one successor that also
    /// took over other codes), `split` (several successors), `unknown` (no entry or no successor).
    #[must_use]
    pub fn crosswalk(&self, code: &str, year: i32, base_year: i32) -> Crosswalk {
        let mut targets: Vec<String> = Vec::new();
        let mut transfers = false;
        let mut stack = vec![(code.to_string(), year, 0usize)];
        // Codes met again by another path (a split whose parts merge later) are expanded once:
        // without this, the paths multiply with every split along the way.
        let mut seen: HashMap<(String, i32), usize> = HashMap::new();
        while let Some((c, y, depth)) = stack.pop() {
            match seen.get(&(c.clone(), y)) {
                Some(&d) if d <= depth => continue,
                _ => {
                    seen.insert((c.clone(), y), depth);
                }
            }
            let Some(idx) = self.by_code.get(&c) else {
                continue;
            };
            // The entry valid in the year; else one valid in it counting the year of change, or
            // the first after it. A rename that keeps the code (秀山县 → 秀山土家族苗族自治县,
            // 512330 both, 1983) has its new entry valid in the year of change, not the old.
            let entries = || idx.iter().map(|&i| &self.entries[i]);
            let entry = entries()
                .filter(|e| e.valid_in(y))
                .min_by_key(|e| e.start)
                .or_else(|| {
                    entries()
                        .filter(|e| e.valid_in_lenient(y) || e.start >= y)
                        .min_by_key(|e| e.start)
                });
            let Some(e) = entry else { continue };
            if e.valid_in(base_year) || e.end.is_none() {
                transfers |= e
                    .transfers
                    .iter()
                    .any(|(_, t)| *t > year && *t <= base_year);
                if !targets.contains(&e.code) {
                    targets.push(e.code.clone());
                }
            } else if depth < 16 {
                let next_year = e.end.unwrap_or(base_year);
                for s in &e.successors {
                    stack.push((s.clone(), next_year, depth + 1));
                }
            }
        }
        targets.sort();
        let note = match targets.as_slice() {
            [] => "unknown",
            [t] if t == code => {
                if transfers {
                    "same_with_transfers"
                } else {
                    "same"
                }
            }
            [t] => {
                if self.predecessors.get(t).is_some_and(|p| p.len() > 1) {
                    "merged"
                } else {
                    "renamed"
                }
            }
            _ => "split",
        };
        Crosswalk {
            codes: targets,
            note,
        }
    }

    /// Resolves `name` in `year` with `context`: other place names or codes from the same
    /// document (its issuer, its title), used to choose between regions sharing a name.
    #[must_use]
    pub fn resolve(&self, name: &str, year: Option<i32>, context: &[&str]) -> Resolution {
        // Names broken by a line break or spaced out (彭水苗族\n土家族自治县, 周 口 市) are one name.
        let compact: String;
        let name = if name.chars().any(char::is_whitespace) {
            compact = name.chars().filter(|c| !c.is_whitespace()).collect();
            compact.as_str()
        } else {
            name
        };
        if name.is_empty() {
            return Resolution::unknown(name);
        }
        if let Some(idx) = self.by_name.get(name) {
            return self.choose(name, idx, year, context, Method::Exact);
        }
        if let Some(idx) = self.by_short.get(name) {
            return self.choose(name, idx, year, context, Method::ShortName);
        }
        if let Some(r) = self.resolve_qualified(name, year, context) {
            return r;
        }
        if let Some(r) = self.resolve_town(name, context) {
            return r;
        }
        Resolution::unknown(name)
    }

    /// 兰州市城关区: a parent name followed by a child name.
    fn resolve_qualified(
        &self,
        name: &str,
        year: Option<i32>,
        context: &[&str],
    ) -> Option<Resolution> {
        let chars: Vec<(usize, char)> = name.char_indices().collect();
        for k in (2..chars.len().saturating_sub(1)).rev() {
            let split = chars[k].0;
            let (parent, child) = name.split_at(split);
            if !(self.by_name.contains_key(parent) || self.by_short.contains_key(parent)) {
                continue;
            }
            if !(self.by_name.contains_key(child) || self.by_short.contains_key(child)) {
                continue;
            }
            let mut ctx: Vec<&str> = vec![parent];
            ctx.extend_from_slice(context);
            let mut r = self.resolve(child, year, &ctx);
            if r.status == Status::Resolved {
                let parent_ok = r
                    .code
                    .as_deref()
                    .and_then(|c| self.by_code(c, year))
                    .is_some_and(|c| {
                        let parent_short = short_name(parent).unwrap_or(parent);
                        c.prefecture.starts_with(parent_short)
                            || c.province.starts_with(parent_short)
                    });
                if parent_ok {
                    r.query = name.to_string();
                    r.method = Some(Method::Qualified);
                    return Some(r);
                }
            }
        }
        None
    }

    fn resolve_town(&self, name: &str, context: &[&str]) -> Option<Resolution> {
        let mut idx: Vec<usize> = self.towns_by_name.get(name).cloned().unwrap_or_default();
        if idx.is_empty() && !TOWN_SUFFIXES.iter().any(|s| name.ends_with(s)) {
            for s in TOWN_SUFFIXES {
                if let Some(v) = self.towns_by_name.get(&format!("{name}{s}")) {
                    idx.extend(v);
                }
            }
        }
        if idx.is_empty() {
            return None;
        }
        let counties: Vec<(usize, Candidate)> = idx
            .iter()
            .filter_map(|&t| self.by_code(&self.towns[t].county, None).map(|c| (t, c)))
            .collect();
        let chosen: Vec<&(usize, Candidate)> = if counties.len() == 1 {
            counties.iter().collect()
        } else {
            let scored: Vec<(usize, &(usize, Candidate))> = counties
                .iter()
                .map(|tc| (context_score(&tc.1, context), tc))
                .collect();
            let best = scored.iter().map(|(s, _)| *s).max().unwrap_or(0);
            if best == 0 {
                Vec::new()
            } else {
                scored
                    .into_iter()
                    .filter(|(s, _)| *s == best)
                    .map(|(_, tc)| tc)
                    .collect()
            }
        };
        if let [(t, c)] = chosen.as_slice() {
            let mut r = Resolution::resolved(name, c, Method::Town);
            r.town_code = Some(self.towns[*t].code.clone());
            return Some(r);
        }
        let mut r = Resolution::unknown(name);
        r.status = Status::Ambiguous;
        r.method = Some(Method::Town);
        r.candidates = counties.into_iter().map(|(_, c)| c).collect();
        Some(r)
    }

    fn choose(
        &self,
        query: &str,
        idx: &[usize],
        year: Option<i32>,
        context: &[&str],
        method: Method,
    ) -> Resolution {
        let all: Vec<&Entry> = idx.iter().map(|&i| &self.entries[i]).collect();
        let mut valid: Vec<&Entry> = match year {
            Some(y) => all.iter().copied().filter(|e| e.valid_in(y)).collect(),
            None => all.iter().copied().filter(|e| e.end.is_none()).collect(),
        };
        if valid.is_empty()
            && let Some(y) = year
        {
            valid = all
                .iter()
                .copied()
                .filter(|e| e.valid_in_lenient(y))
                .collect();
        }
        if valid.is_empty() {
            // Known name, but not in that year: report the most recent retired entry.
            let Some(last) = all
                .iter()
                .filter(|e| year.is_none_or(|y| e.start <= y))
                .max_by_key(|e| (e.end, e.start))
            else {
                return Resolution::unknown(query);
            };
            let mut r = Resolution::unknown(query);
            r.status = Status::Retired;
            r.code = Some(last.code.clone());
            r.level = Some(last.level);
            r.name = Some(last.name.clone());
            r.method = Some(method);
            r.candidates = vec![last.candidate()];
            r.successors.clone_from(&last.successors);
            return r;
        }
        // One code may have several rows (a rename keeps the code); count distinct codes.
        let mut distinct: Vec<Candidate> = Vec::new();
        let mut seen = BTreeSet::new();
        for e in &valid {
            if seen.insert(e.code.clone()) {
                distinct.push(e.candidate());
            }
        }
        if let [only] = distinct.as_slice() {
            return Resolution::resolved(query, only, method);
        }
        let scores: Vec<usize> = distinct.iter().map(|c| context_score(c, context)).collect();
        let best = scores.iter().copied().max().unwrap_or(0);
        if best > 0 && scores.iter().filter(|&&s| s == best).count() == 1 {
            let pos = scores.iter().position(|&s| s == best).unwrap_or(0);
            return Resolution::resolved(query, &distinct[pos], Method::Context);
        }
        let mut r = Resolution::unknown(query);
        r.status = Status::Ambiguous;
        r.method = Some(method);
        r.candidates = distinct;
        r
    }
}

/// How strongly the context points at a candidate: its province or prefecture named, or a code
/// inside its prefecture given.
fn context_score(c: &Candidate, context: &[&str]) -> usize {
    let mut score = 0;
    for item in context {
        let item = item.trim();
        if item.is_empty() {
            continue;
        }
        if item.len() == 6 && item.bytes().all(|b| b.is_ascii_digit()) {
            if item == c.code {
                score += 3;
            } else if item[..4] == c.code[..4] {
                score += 2;
            } else if item[..2] == c.code[..2] {
                score += 1;
            }
            continue;
        }
        let matches_name = |official: &str| {
            if official.is_empty() || official == "直辖" {
                return false;
            }
            let short = short_name(official).unwrap_or(official);
            item.contains(official)
                || item.contains(short)
                || official.contains(item) && item.chars().count() >= 2
        };
        if matches_name(&c.prefecture) {
            score += 2;
        } else if matches_name(&c.province) {
            score += 1;
        }
    }
    score
}

#[cfg(test)]
mod tests;
