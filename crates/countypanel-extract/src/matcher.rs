//! One Aho-Corasick automaton over the catalog's phrases, its generic phrases and region names.

use countypanel_core::vocab::Unit as UnitCode;
use std::collections::HashMap;
// Names are shared: a hit is a count of references, not a copy of its name.
use std::sync::Arc;

use crate::lexicon::WordAutomaton;
use countypanel_core::catalog::Catalog;
use countypanel_zhnum::Unit;

/// What a matched phrase stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    /// A phrase naming one indicator.
    Indicator { index: usize },
    /// A generic phrase (规范管理率) whose indicator depends on the subject.
    Generic { phrase: Arc<str> },
    /// A region name.
    Region(Arc<str>),
}

/// A phrase found in text, in character offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub target: Target,
}

/// The compiled phrase matcher.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    /// What the catalog's phrases and generic phrases stand for, in their order.
    targets: Vec<Target>,
    /// Region names, kept out of the automaton: four thousand names made its tables outgrow the
    /// processor's caches, and the search of every document was the extractor's largest cost.
    regions: RegionNames,
    /// The phrases, the domain words of [`crate::health::DomainWords`] and the target words in
    /// one automaton that reports every occurrence: a text is read once for all three. It reads
    /// characters from a double array of about 300 KB, where a byte DFA of the same thousand
    /// patterns took 5.4 MB and fell out of the caches between documents.
    document_ac: WordAutomaton,
    /// For each pattern of `document_ac`: the index of its phrase in `targets` (`NO_PHRASE` for
    /// a domain word only), the domain lists it belongs to, and whether it is a target word.
    document_patterns: Vec<DocumentPattern>,
    /// The phrases, for the test that compares the search with one leftmost-longest automaton.
    #[cfg(test)]
    patterns: Vec<String>,
    ids: Vec<String>,
    units: Vec<UnitCode>,
    generics: HashMap<String, Vec<(String, usize)>>,
}

/// Words that may stand between a clause start and a generic phrase without qualifying it.
const FILLERS: &[&str] = &[
    "其中",
    "全区",
    "全县",
    "全市",
    "全旗",
    "全镇",
    "全年",
    "年末",
    "年底",
    "目前",
    "同时",
    "患者",
    "我县",
    "我市",
    "我区",
    "我们",
    "其",
    "的",
    "和",
    "及",
    "与",
    "人群",
    "居民",
    "城乡",
    "辖区",
    "全",
    // Verbs and adverbs that act on the rate (保持参保率稳定在95%以上, 进一步提高签约率): they say
    // what is done to it, not whose rate it is.
    "保持",
    "巩固",
    "稳定",
    "提高",
    "提升",
    "持续",
    "确保",
    "力争",
    "争取",
    "继续",
    "进一步",
    "努力",
    "将",
    "把",
    "使",
];

impl PhraseMatcher {
    /// Compiles the catalog and region names.
    #[must_use]
    pub fn new<'a>(catalog: &Catalog, regions: impl Iterator<Item = &'a str>) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut generics: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for (index, ind) in catalog.indicators.iter().enumerate() {
            for p in ind.phrases.iter().flat_map(|p| with_quantifiers(p)) {
                if seen.insert(p.clone()) {
                    patterns.push(p);
                    targets.push(Target::Indicator { index });
                }
            }
            for g in &ind.generic {
                for s in &ind.subjects {
                    generics
                        .entry(g.clone())
                        .or_default()
                        .push((s.clone(), index));
                }
            }
        }
        let mut generic_names: Vec<&String> = generics.keys().collect();
        generic_names.sort();
        for g in generic_names {
            if seen.insert(g.clone()) {
                patterns.push(g.clone());
                targets.push(Target::Generic {
                    phrase: g.as_str().into(),
                });
            }
        }
        let mut region_names: Vec<&str> = regions
            .filter(|r| r.chars().count() >= 3 || is_short_county(r))
            .collect();
        region_names.sort_unstable();
        region_names.dedup();
        // A name that is also a phrase stays the phrase's.
        region_names.retain(|r| !seen.contains(*r));
        let (document_ac, document_patterns) = document_automaton(&patterns);
        Self {
            targets,
            regions: RegionNames::new(&region_names),
            document_ac,
            document_patterns,
            #[cfg(test)]
            patterns,
            ids: catalog.indicators.iter().map(|i| i.id.clone()).collect(),
            units: catalog.indicators.iter().map(|i| i.unit).collect(),
            generics,
        }
    }

    /// Every phrase and region name in `text`, in character offsets, in text order: the
    /// leftmost-longest matches (of two that start together, the longer). 其中 opens a list of
    /// parts; its 中 never starts a name (其中医院 is not 中医院).
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        self.find_in_document(text).hits
    }

    /// [`Self::find`], [`crate::health::DomainWords::of`] and the target words of a text, from
    /// one search of it.
    pub(crate) fn find_in_document(&self, text: &str) -> DocumentWords {
        // A phrase or a name over the 中 of 其中 is dropped (as if the 中 were masked); domain
        // words are read unmasked.
        let masked: Vec<usize> = text
            .match_indices("其中")
            .map(|(i, _)| i + "其".len())
            .collect();
        let over_mask = |start: usize, end: usize| {
            let first = masked.partition_point(|&m| m < start);
            masked.get(first).is_some_and(|&m| m < end)
        };
        let mut domains = crate::health::DomainWords::default();
        let mut target_words = Vec::new();
        // Every occurrence of a phrase or a name, as (start, end, target); the leftmost-longest
        // matches are chosen among them below.
        let mut found: Vec<(usize, usize, &Target)> = Vec::new();
        for m in self.document_ac.overlapping(text) {
            let DocumentPattern {
                phrase,
                lists,
                target_word,
            } = self.document_patterns[m.word];
            if target_word {
                target_words.push((m.start, m.end));
            }
            if lists != 0 {
                domains.add(lists, m.start, m.end);
            }
            if phrase != NO_PHRASE && !over_mask(m.start, m.end) {
                found.push((m.start, m.end, &self.targets[phrase as usize]));
            }
        }
        domains.sort();
        for n in self.regions.occurrences(text) {
            if !over_mask(n.start, n.end)
                && (!self.regions.short[n.name]
                    || crate::lexicon::stands_alone(text, n.start, n.end))
                && !crate::lexicon::verb_first(text, n.start, n.end)
            {
                found.push((n.start, n.end, &self.regions.targets[n.name]));
            }
        }
        // By start, the longest first: from where the last match ended, the first occurrence
        // that starts there or later is the leftmost-longest match (no phrase is a name, and
        // each pattern is one string, so no two occurrences share both ends).
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let (mut byte, mut chars) = (0, 0);
        let mut to_char = |b: usize| {
            chars += text[byte..b].chars().count();
            byte = b;
            chars
        };
        let mut hits = Vec::new();
        let mut at = 0;
        for (start, end, target) in found {
            if start < at {
                continue;
            }
            hits.push(Hit {
                start: to_char(start),
                end: to_char(end),
                target: target.clone(),
            });
            at = end;
        }
        DocumentWords {
            hits,
            domains,
            targets: crate::kind::TargetWords::new(target_words),
        }
    }

    /// The one county-level region whose name is `short` and a level's ending (陆良 → 陆良县),
    /// if exactly one such region is known.
    pub(crate) fn region_by_short_name(&self, short: &str) -> Option<Arc<str>> {
        let mut found = self.regions_by_short_name(short, &["县", "市", "区", "旗"]);
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }

    /// The county-level region whose name is `short` and a level's ending, a 市 or a 区 before
    /// a 县 of the same name (瑞金 → 瑞金市: counties became cities and districts, seldom the
    /// other way).
    pub(crate) fn latest_region_by_short_name(&self, short: &str) -> Option<Arc<str>> {
        self.regions_by_short_name(short, &["市", "区", "县", "旗"])
            .next()
    }

    /// The regions whose name is `short` and one of `levels`, in the levels' order.
    fn regions_by_short_name<'s>(
        &'s self,
        short: &'s str,
        levels: &'s [&'s str],
    ) -> impl Iterator<Item = Arc<str>> + 's {
        levels.iter().filter_map(move |level| {
            let full = format!("{short}{level}");
            self.regions
                .occurrences(&full)
                .into_iter()
                .find(|n| n.start == 0 && n.end == full.len())
                .map(|n| match &self.regions.targets[n.name] {
                    Target::Region(name) => name.clone(),
                    _ => Arc::from(full.as_str()),
                })
        })
    }

    pub(crate) fn indicator_id(&self, index: usize) -> String {
        self.ids[index].clone()
    }

    /// The indicator one of whose phrases is the whole of `text` (每千人口执业(助理)医师 composed
    /// from a base and a count's phrase), if any.
    pub(crate) fn whole_indicator(&self, text: &str) -> Option<String> {
        let n = text.chars().count();
        self.find(text).iter().find_map(|h| match h.target {
            Target::Indicator { index } if h.start == 0 && h.end == n => {
                Some(self.indicator_id(index))
            }
            _ => None,
        })
    }

    pub(crate) fn unit_of(&self, id: &str) -> UnitCode {
        self.ids
            .iter()
            .position(|i| i == id)
            .map_or(UnitCode::Other, |p| self.units[p])
    }

    /// Whether a number with `unit` can measure what `target` names.
    pub(crate) fn unit_fits(&self, target: &Target, unit: Unit) -> bool {
        match target {
            Target::Indicator { index } => fits(self.units[*index], unit),
            Target::Generic { phrase } => self
                .generics
                .get(&**phrase)
                .is_some_and(|v| v.iter().any(|(_, i)| fits(self.units[*i], unit))),
            Target::Region(_) => false,
        }
    }

    /// The indicator a generic phrase names, from a subject stated in its clause or carried over
    /// from earlier in the sentence or the sentence before.
    pub(crate) fn resolve_generic(
        &self,
        phrase: &str,
        sc: &[char],
        clause: usize,
        at: usize,
        prev: &[char],
    ) -> Option<(usize, String)> {
        let candidates = self.generics.get(phrase)?;
        let before: String = sc[clause..at].iter().collect();
        if let Some(found) = last_subject(candidates, &before) {
            return Some(found);
        }
        // The clause qualifies the phrase with something else (远程会诊覆盖率): not ours.
        if strip_fillers(&before).chars().count() >= 2 {
            return None;
        }
        // A bare 占比 is the share of what the clause right before counted (…,其中中医诊疗人次
        // 26.5万人次,占比23.6%: the share of those, which no subject of the catalog names).
        if phrase == "占比" {
            let before = clause.saturating_sub(1);
            let from = crate::segment::clause_start(sc, 0, before);
            let counted: String = sc[from..before].iter().collect();
            return last_subject(candidates, &counted);
        }
        let earlier: String = sc[..clause].iter().collect();
        last_subject(candidates, &earlier).or_else(|| {
            let prev: String = prev.iter().collect();
            last_subject(candidates, &prev)
        })
    }
}

/// Whether a short phrase (签约率, 建档率) is qualified by a population other than the
/// indicator's: `建档立卡贫困人口签约率` is not the overall sign-up rate. Phrases of four or more
/// characters name their measure fully and are never qualified away.
pub(crate) fn qualified_elsewhere(h: &Hit, sc: &[char], clause: usize, hits: &[Hit]) -> bool {
    if h.end - h.start >= 4 || !matches!(h.target, Target::Indicator { .. }) {
        return false;
    }
    // What stands between the clause start and the phrase, minus region names, years and fillers.
    let mut rest = String::new();
    let mut i = clause;
    while i < h.start {
        if let Some(r) = hits
            .iter()
            .find(|r| r.start == i && matches!(r.target, Target::Region(_)) && r.end <= h.start)
        {
            i = r.end;
            continue;
        }
        let c = sc[i];
        if !(c.is_ascii_digit() || c == '年' || c.is_whitespace()) {
            rest.push(c);
        }
        i += 1;
    }
    // A span of years (2010至2012连续三年) dates the rate; it does not qualify its population.
    let rest = rest.replace("连续", "").replace("每年", "");
    let rest: String = rest
        .chars()
        .filter(|c| !"至到~-一二三四五六七八九十两".contains(*c))
        .collect();
    strip_fillers(&rest).chars().count() >= 2
}

/// What a document's one search finds (see [`PhraseMatcher::find_in_document`]).
pub(crate) struct DocumentWords {
    /// The phrases and region names, as [`PhraseMatcher::find`] finds them.
    pub hits: Vec<Hit>,
    /// The domain words.
    pub domains: crate::health::DomainWords,
    /// The target words (目标, 力争 …).
    pub targets: crate::kind::TargetWords,
}

/// What a pattern of the document automaton stands for.
#[derive(Debug, Clone, Copy)]
struct DocumentPattern {
    /// Its index in the phrases' targets, or `NO_PHRASE`.
    phrase: u32,
    /// The domain lists it belongs to, as bits (see [`crate::health::DomainWords::add`]).
    lists: u8,
    /// Whether it is a target word.
    target_word: bool,
}

/// `DocumentPattern::phrase` of a word that is no phrase.
const NO_PHRASE: u32 = u32::MAX;

/// The phrases (`patterns`, in their order), the domain words and the target words as one
/// automaton that reports every occurrence, each pattern once with what it stands for.
fn document_automaton(patterns: &[String]) -> (WordAutomaton, Vec<DocumentPattern>) {
    let mut strings: Vec<&str> = patterns.iter().map(String::as_str).collect();
    let mut what: Vec<DocumentPattern> = (0..patterns.len())
        .map(|i| DocumentPattern {
            phrase: u32::try_from(i).expect("fewer than 2^32 phrases"),
            lists: 0,
            target_word: false,
        })
        .collect();
    let mut index: HashMap<&str, usize> =
        strings.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let words = crate::health::domain_words()
        .iter()
        .map(|&(w, lists)| (w, lists, false))
        .chain(crate::lexicon::TARGET_WORDS.iter().map(|&w| (w, 0, true)));
    for (word, lists, target_word) in words {
        if let Some(&i) = index.get(word) {
            what[i].lists |= lists;
            what[i].target_word |= target_word;
        } else {
            index.insert(word, strings.len());
            strings.push(word);
            what.push(DocumentPattern {
                phrase: NO_PHRASE,
                lists,
                target_word,
            });
        }
    }
    // Each string once (the index above): a pattern's index is its place in `strings`.
    (WordAutomaton::new(&strings), what)
}

/// Region names as a trie of the names written backwards: a name is found by reading back from
/// its last character (县, 区, 市, 旗 …), so most characters of a text cost one look-up.
#[derive(Debug, Clone)]
struct RegionNames {
    /// Each node's children by character, sorted; node 0 is the root.
    children: Vec<Vec<(char, u32)>>,
    /// The name ending at each node, if one does.
    name: Vec<Option<u32>>,
    targets: Vec<Target>,
    /// Whether each name is a county's of two characters (岷县), found only where it stands
    /// alone (see [`crate::lexicon::stands_alone`]).
    short: Vec<bool>,
    /// The last characters of the names as bits (by code point, those of the first plane): the
    /// test every character of a text takes.
    last: Vec<u64>,
}

/// Where a region name stands in a text, in bytes.
#[derive(Debug, Clone, Copy)]
struct NameAt {
    start: usize,
    end: usize,
    name: usize,
}

impl RegionNames {
    fn new(names: &[&str]) -> Self {
        let mut t = Self {
            children: vec![Vec::new()],
            name: vec![None],
            targets: Vec::with_capacity(names.len()),
            short: Vec::with_capacity(names.len()),
            last: vec![0; 0x1_0000 / 64],
        };
        for (i, n) in names.iter().enumerate() {
            let mut node = 0;
            for c in n.chars().rev() {
                node = if let Some(next) = t.child(node, c) {
                    next
                } else {
                    let next = u32::try_from(t.children.len()).expect("fewer than 2^32 nodes");
                    t.children.push(Vec::new());
                    t.name.push(None);
                    let edges = &mut t.children[node as usize];
                    let at = edges.partition_point(|&(e, _)| e < c);
                    edges.insert(at, (c, next));
                    next
                };
            }
            t.name[node as usize] = Some(u32::try_from(i).expect("fewer than 2^32 names"));
            if let Some(c) = n.chars().next_back() {
                let c = c as usize;
                if let Some(bits) = t.last.get_mut(c / 64) {
                    *bits |= 1 << (c % 64);
                }
            }
            t.targets.push(Target::Region((*n).into()));
            t.short.push(n.chars().count() < 3);
        }
        t
    }

    fn child(&self, node: u32, c: char) -> Option<u32> {
        let edges = &self.children[node as usize];
        edges
            .binary_search_by(|&(e, _)| e.cmp(&c))
            .ok()
            .map(|i| edges[i].1)
    }

    /// Every occurrence of every name, overlapping ones too, by start and then longest first.
    fn occurrences(&self, text: &str) -> Vec<NameAt> {
        let mut found = Vec::new();
        if self.targets.is_empty() {
            return found;
        }
        for (i, c) in text.char_indices() {
            let code = c as usize;
            // A name's last character outside the first plane is not in the bits: asked of the
            // trie itself.
            if self
                .last
                .get(code / 64)
                .is_some_and(|bits| bits & (1 << (code % 64)) == 0)
            {
                continue;
            }
            let Some(mut node) = self.child(0, c) else {
                continue;
            };
            let end = i + c.len_utf8();
            for (start, p) in text[..i].char_indices().rev() {
                let Some(next) = self.child(node, p) else {
                    break;
                };
                node = next;
                if let Some(name) = self.name[node as usize] {
                    found.push(NameAt {
                        start,
                        end,
                        name: name as usize,
                    });
                }
            }
        }
        found.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        found
    }
}

/// Two-character county names that are everyday words as often as names: 和县 (市和县医院: city
/// and county hospitals), 新县 (新县医院: the new county hospital).
const AMBIGUOUS_SHORT_COUNTIES: &[&str] = &["和县", "新县"];

/// Whether a region name is a county's of two characters (岷县, 漳县, 沛县): such names are looked
/// for in sentences only where they stand alone.
fn is_short_county(name: &str) -> bool {
    name.chars().count() == 2 && name.ends_with('县') && !AMBIGUOUS_SHORT_COUNTIES.contains(&name)
}

/// Verbs after which reports insert a quantifier (引进各类卫生健康人才, 招聘各类医务人员).
const QUANTIFIED_VERBS: &[&str] = &["引进", "招聘", "招录", "培训", "建立", "管理"];

/// Quantifiers that stand between such a verb and its object without changing what is counted.
const QUANTIFIERS: &[&str] = &["各类", "各种", "各级"];

/// A phrase and, when it opens with a verb that takes them, its forms with a quantifier after
/// the verb: 引进卫生健康人才 also as 引进各类卫生健康人才.
fn with_quantifiers(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    if let Some(verb) = QUANTIFIED_VERBS.iter().find(|v| phrase.starts_with(**v)) {
        let rest = &phrase[verb.len()..];
        if rest.chars().count() >= 2 {
            out.extend(QUANTIFIERS.iter().map(|q| format!("{verb}{q}{rest}")));
        }
    }
    out
}

pub(crate) fn strip_fillers(text: &str) -> String {
    let mut rest = text.trim().to_string();
    let mut changed = true;
    while changed {
        changed = false;
        for f in FILLERS {
            if let Some(r) = rest.strip_prefix(f).or_else(|| rest.strip_suffix(f)) {
                rest = r.trim().to_string();
                changed = true;
            }
        }
    }
    rest
}

fn last_subject(candidates: &[(String, usize)], text: &str) -> Option<(usize, String)> {
    candidates
        .iter()
        .filter_map(|(s, i)| text.rfind(s.as_str()).map(|pos| (pos, *i, s.clone())))
        .max_by_key(|(pos, _, _)| *pos)
        .map(|(_, i, s)| (i, s))
}

fn fits(indicator_unit: UnitCode, unit: Unit) -> bool {
    match unit {
        Unit::Percent => indicator_unit == UnitCode::Percent,
        // A bare number (a table cell) may measure anything counted or summed.
        Unit::None => !indicator_unit.is_rate(),
        // 个 counts institutions, teams, items and events, never people or beds.
        Unit::Count => matches!(
            indicator_unit,
            UnitCode::Institution | UnitCode::Team | UnitCode::Item | UnitCode::Other
        ),
        Unit::Other => indicator_unit == UnitCode::Other,
        // 入院人数 3000人 is stated in people where the series counts person-times.
        Unit::Person => matches!(indicator_unit, UnitCode::Person | UnitCode::PersonTime),
        // 78.5岁 is a life expectancy in years, 8.5天 a length of stay in days.
        Unit::Age => indicator_unit == UnitCode::Year,
        Unit::Duration => indicator_unit == UnitCode::Day,
        u => crate::lexicon::unit_code(u) == indicator_unit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
    use countypanel_core::rng::SplitMix64;
    use std::path::Path;

    /// The phrases and the names in one leftmost-longest automaton: what `find` must equal.
    fn one_automaton(m: &PhraseMatcher) -> (AhoCorasick, Vec<Target>) {
        let mut patterns = m.patterns.clone();
        let mut targets = m.targets.clone();
        for t in &m.regions.targets {
            let Target::Region(name) = t else {
                unreachable!()
            };
            patterns.push(name.to_string());
            targets.push(t.clone());
        }
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("patterns compile");
        (ac, targets)
    }

    fn find_in_one(ac: &AhoCorasick, targets: &[Target], text: &str) -> Vec<Hit> {
        let masked = text.replace("其中", "其\u{3000}");
        ac.find_iter(&masked)
            .map(|h| Hit {
                start: masked[..h.start()].chars().count(),
                end: masked[..h.end()].chars().count(),
                target: targets[h.pattern().as_usize()].clone(),
            })
            .collect()
    }

    #[test]
    fn phrases_and_names_are_found_as_one_automaton_finds_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let catalog = Catalog::load(&root.join("pipelines/indicators/health.toml")).unwrap();
        // Every name of the region list, some of them prefixes or suffixes of others (平安县,
        // 西安市), beside names that run into phrases (县医院, 区疾控中心).
        let history = std::fs::read_to_string(root.join("data/reference/areacodes_history.csv"))
            .expect("region history");
        let mut names: Vec<String> = history
            .lines()
            .skip(1)
            .filter_map(|l| l.split(',').nth(3).map(str::to_string))
            .collect();
        names.extend(["平安县", "县医院", "市人民医院"].map(String::from));
        // A county's name of two characters (安县) is found only where it stands alone, which
        // no one automaton does: those are tested on their own below.
        names.retain(|n| !is_short_county(n));
        // A name opening with a verb of building (新建县) is found only where no verb is read:
        // tested on its own below.
        names.retain(|n| !crate::lexicon::verb_first(n, 0, n.len()));
        // Names that start where a phrase starts and run longer, or stop inside it.
        let phrases = PhraseMatcher::new(&catalog, std::iter::empty()).patterns;
        for p in phrases.iter().filter(|p| p.chars().count() >= 4).step_by(3) {
            names.push(format!("{p}县"));
            names.push(p.chars().take(3).collect());
        }
        let m = PhraseMatcher::new(&catalog, names.iter().map(String::as_str));
        assert!(m.regions.targets.len() > 3000, "the region list loads");
        // The bundled sample reports, and texts that pile names, phrases and their pieces
        // against each other.
        let mut texts: Vec<String> = Vec::new();
        for dir in std::fs::read_dir(root.join("data/raw/sample")).unwrap() {
            for f in std::fs::read_dir(dir.unwrap().path()).into_iter().flatten() {
                if let Ok(t) = std::fs::read_to_string(f.unwrap().path()) {
                    texts.push(t);
                }
            }
        }
        assert!(texts.len() >= 5, "the sample reports load");
        let mut pieces: Vec<String> = m.patterns.clone();
        pieces.extend(names.iter().cloned());
        pieces.extend(
            [
                "其中", "中", "县", "市", "区", "医院", "，", "。", "2023年", "12",
            ]
            .map(String::from),
        );
        let mut rng = SplitMix64(7);
        for _ in 0..400 {
            let mut t = String::new();
            for _ in 0..rng.int(1, 30) {
                let p = rng.pick(&pieces);
                if rng.chance(30) {
                    // A piece cut at a character: the end of one name against the start of another.
                    let cut = rng.int(0, p.chars().count() as i64) as usize;
                    t.extend(p.chars().skip(cut));
                } else {
                    t.push_str(p);
                }
            }
            texts.push(t);
        }
        // Domain words and 其中 beside the phrases and the names, for the one-pass search of a
        // document.
        let mut more: Vec<String> = crate::health::domain_words()
            .iter()
            .map(|(w, _)| (*w).to_string())
            .chain(
                crate::lexicon::TARGET_WORDS
                    .iter()
                    .map(|w| (*w).to_string()),
            )
            .collect();
        more.extend(["其中医院", "其中医", "其中心", "其"].map(String::from));
        let mut rng = SplitMix64(19);
        for k in 0..400 {
            let mut t = String::new();
            for _ in 0..rng.int(1, 30) {
                let p = if k % 2 == 0 {
                    rng.pick(&more)
                } else {
                    rng.pick(&pieces)
                };
                t.push_str(p);
            }
            texts.push(t);
        }
        let (ac, targets) = one_automaton(&m);
        for t in &texts {
            assert_eq!(m.find(t), find_in_one(&ac, &targets, t), "in {t}");
            let words = m.find_in_document(t);
            assert_eq!(
                words.domains,
                crate::health::DomainWords::of(t),
                "one pass, in {t}"
            );
            // Every part between character boundaries a few characters apart.
            let bounds: Vec<usize> = t.char_indices().map(|(i, _)| i).chain([t.len()]).collect();
            for (k, &from) in bounds.iter().enumerate().step_by(3) {
                for &to in bounds[k..].iter().step_by(4) {
                    assert_eq!(
                        words.targets.first_end(from, to),
                        crate::kind::first_target_end(&t[from..to]),
                        "target words, in {:?}",
                        &t[from..to]
                    );
                }
            }
        }
    }

    #[test]
    fn a_verb_phrase_also_matches_with_a_quantifier_after_its_verb() {
        let forms = with_quantifiers("引进卫生健康人才");
        assert!(forms.contains(&"引进各类卫生健康人才".to_string()));
        assert_eq!(with_quantifiers("床位"), vec!["床位".to_string()]);
    }

    #[test]
    fn a_name_opening_with_a_verb_of_building_is_named_only_after_a_higher_place() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let catalog = Catalog::load(&root.join("pipelines/indicators/health.toml")).unwrap();
        let m = PhraseMatcher::new(&catalog, ["新建县", "南昌市"].into_iter());
        let regions = |t: &str| -> Vec<String> {
            m.find(t)
                .into_iter()
                .filter_map(|h| match h.target {
                    Target::Region(r) => Some(r.to_string()),
                    _ => None,
                })
                .collect()
        };
        assert!(regions("新建县中医医院,总投资2.8亿元").is_empty());
        assert_eq!(regions("南昌市新建县人民医院"), ["南昌市", "新建县"]);
    }

    #[test]
    fn a_two_character_county_is_named_only_where_it_stands_alone() {
        let m = PhraseMatcher::new(
            &Catalog::load(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../pipelines/indicators/health.toml"),
            )
            .expect("catalog loads"),
            ["岷县", "范县", "高县", "和县", "定西市"].into_iter(),
        );
        let regions = |text: &str| -> Vec<String> {
            m.find(text)
                .into_iter()
                .filter_map(|h| match h.target {
                    Target::Region(name) => Some(name.to_string()),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(regions("岷县孕产妇死亡率为0"), ["岷县"]);
        assert_eq!(regions("其中定西市岷县床位2010张"), ["定西市", "岷县"]);
        assert!(regions("创建国家级示范县3个").is_empty());
        assert!(regions("提高县级医院服务能力").is_empty());
        assert!(regions("岷县域内就诊率").is_empty());
        assert!(regions("省、市和县医院").is_empty());
    }
}
