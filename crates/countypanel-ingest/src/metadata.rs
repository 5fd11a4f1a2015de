//! Document metadata: title, publication date and issuing region, read from the text itself.
//! Unknown stays `None`; nothing is guessed from the file name.

use std::collections::HashMap;

use countypanel_extract::time::{Ymd, month_end};
use countypanel_regions::Level;

/// Metadata of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<Ymd>,
    /// Whether the date came only from a bare 时间/日期 label, which may be an upload or meeting
    /// time rather than the publication date: such a date is recorded but does not date facts.
    pub published_weak: bool,
    /// Issuing region, by its official name.
    pub issuer: Option<String>,
    /// When no region is named: a town the text names, whose county the document is likely about.
    pub town: Option<String>,
}

/// Names searched leftmost-longest (of names that start together, the longest; then on after
/// it), by a character double-array automaton: a few hundred kilobytes for thousands of names,
/// which stay in the processor's caches between documents.
#[derive(Clone)]
struct Names(daachorse::CharwiseDoubleArrayAhoCorasick<u32>);

/// Where a name stands in a text, in bytes, with its index in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct NameAt {
    start: usize,
    end: usize,
    name: usize,
}

impl Names {
    /// Compiles `names`, each one string listed once and none empty.
    fn new(names: &[String]) -> Self {
        Self(
            daachorse::CharwiseDoubleArrayAhoCorasickBuilder::new()
                .match_kind(daachorse::MatchKind::LeftmostLongest)
                .build(names)
                .expect("region names compile"),
        )
    }

    fn find_iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = NameAt> + 't {
        self.0.leftmost_find_iter(text).map(|m| NameAt {
            start: m.start(),
            end: m.end(),
            name: m.value() as usize,
        })
    }
}

impl std::fmt::Debug for Names {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Names")
            .field("heap_bytes", &self.0.heap_bytes())
            .finish()
    }
}

/// An official name, its most specific level and whether a region of that name exists today.
type NameEntry = (String, Level, bool);

/// Finds region names in short strings (titles, source lines) and in bodies.
#[derive(Debug, Clone)]
pub struct RegionFinder {
    /// Regions that exist today by the pinyin of their short name (织金县 → zhijin), for
    /// reading an official website's host name (www.gzzhijin.gov.cn).
    by_pinyin: HashMap<String, Vec<String>>,
    /// The same by the other readings of their characters (宁都 → ningdou, 朝阳 → zhaoyang),
    /// looked at only when no region has the host's label as its usual reading.
    by_other_pinyin: HashMap<String, Vec<String>>,
    ac: Names,
    /// Official name for each pattern, whether the pattern is a full name, and the name's level.
    targets: Vec<(String, bool, Level)>,
    /// The automaton over `town_names`, built the first time a document names no county-level
    /// or higher region: a run whose documents all do never pays for 40,000 names.
    towns: std::sync::OnceLock<Names>,
    town_names: Vec<String>,
}

impl RegionFinder {
    /// Builds a finder over official names (each with its most specific level and whether it
    /// exists today) and their short forms. A short form shared by several names stands for the
    /// one that exists today when only one does (酒泉 is 酒泉市, not the former 酒泉地区).
    #[must_use]
    pub fn new<'a>(names: impl Iterator<Item = (&'a str, Level, bool)>) -> Self {
        let mut full: Vec<NameEntry> = names
            .filter(|(n, _, _)| n.chars().count() >= 2)
            .map(|(n, l, c)| (n.to_string(), l, c))
            .collect();
        full.sort();
        full.dedup_by(|a, b| a.0 == b.0);
        let mut shorts: HashMap<String, Vec<NameEntry>> = HashMap::new();
        for (n, l, c) in &full {
            if let Some(s) = countypanel_regions::short_name(n) {
                shorts
                    .entry(s.to_string())
                    .or_default()
                    .push((n.clone(), *l, *c));
            }
            // 黔东南州, 黔东南 for 黔东南苗族侗族自治州; 大通县 for 大通回族土族自治县.
            for a in countypanel_regions::autonomous_aliases(n) {
                if a != *n {
                    shorts.entry(a).or_default().push((n.clone(), *l, *c));
                }
            }
        }
        let full_set: std::collections::HashSet<&String> = full.iter().map(|(n, _, _)| n).collect();
        let mut patterns = Vec::new();
        let mut targets = Vec::new();
        for (n, l, _) in &full {
            patterns.push(n.clone());
            targets.push((n.clone(), true, *l));
        }
        let mut short_list: Vec<(String, Vec<NameEntry>)> = shorts.into_iter().collect();
        short_list.sort();
        for (s, mut fulls) in short_list {
            fulls.sort();
            fulls.dedup();
            let current: Vec<&NameEntry> = fulls.iter().filter(|f| f.2).collect();
            let one = match (fulls.as_slice(), current.as_slice()) {
                ([only], _) => Some(only),
                (_, [only]) => Some(*only),
                _ => None,
            };
            if let Some((name, level, _)) = one
                && !full_set.contains(&s)
                && !countypanel_regions::is_common_word(&s)
            {
                patterns.push(s);
                targets.push((name.clone(), false, *level));
            }
        }
        let ac = Names::new(&patterns);
        let mut by_pinyin: HashMap<String, Vec<String>> = HashMap::new();
        let mut by_other_pinyin: HashMap<String, Vec<String>> = HashMap::new();
        for (n, level, current) in &full {
            if !*current || *level == Level::Province {
                continue;
            }
            let short = countypanel_regions::short_name(n).unwrap_or(n);
            let readings = plain_pinyin(short);
            let usual = usual_pinyin(short);
            for py in readings {
                let map = if usual.as_ref() == Some(&py) {
                    &mut by_pinyin
                } else {
                    &mut by_other_pinyin
                };
                map.entry(py).or_default().push(n.clone());
            }
        }
        Self {
            by_pinyin,
            by_other_pinyin,
            ac,
            targets,
            towns: std::sync::OnceLock::new(),
            town_names: Vec::new(),
        }
    }

    /// Adds town names (镇, 乡, 街道 of three or more characters), looked for only when a
    /// document names no county-level or higher region.
    #[must_use]
    pub fn with_towns<'a>(mut self, towns: impl Iterator<Item = &'a str>) -> Self {
        let mut names: Vec<String> = towns
            .filter(|t| t.chars().count() >= 3)
            .map(str::to_string)
            .collect();
        names.sort();
        names.dedup();
        self.town_names = names;
        self
    }

    /// The town named most often in `s` (first occurrence breaks ties).
    #[must_use]
    pub fn most_frequent_town(&self, s: &str) -> Option<String> {
        if self.town_names.is_empty() {
            return None;
        }
        let ac = self.towns.get_or_init(|| Names::new(&self.town_names));
        let mut counts: Vec<(usize, usize, usize)> = Vec::new();
        for m in ac.find_iter(s) {
            let p = m.name;
            match counts.iter_mut().find(|(q, _, _)| *q == p) {
                Some(c) => c.1 += 1,
                None => counts.push((p, 1, m.start)),
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))
            .map(|(p, _, _)| self.town_names[p].clone())
    }

    /// The names in `s`, leftmost-longest, but a short name that begins inside a slogan's
    /// word (健康平江: 康平 starts in 健康), and a county name that is also an everyday word pair
    /// where it does not stand alone (人员和县代表), are passed over and the search goes on from
    /// their second character (to find 平江).
    fn names_in<'t>(&'t self, s: &'t str) -> impl Iterator<Item = NameAt> + 't {
        let mut from = 0;
        std::iter::from_fn(move || {
            loop {
                let m = self.ac.find_iter(&s[from..]).next()?;
                let m = NameAt {
                    start: from + m.start,
                    end: from + m.end,
                    name: m.name,
                };
                let (name, full, _) = &self.targets[m.name];
                let short = !*full;
                // A county's name of two characters inside words (组成人员和县人大代表) names no
                // county.
                let two_character = *full
                    && ["和县", "新县"].contains(&name.as_str())
                    && !countypanel_extract::lexicon::stands_alone(s, m.start, m.end);
                if two_character || short && inside_slogan_word(s, m.start) {
                    from = m.start + s[m.start..].chars().next().map_or(1, char::len_utf8);
                    continue;
                }
                from = m.end;
                return Some(m);
            }
        })
    }

    /// The most specific region named in `s` (full or short name): 白银市景泰县 is 景泰县, 河南省洛阳市
    /// is 洛阳市. The first of equally specific names wins.
    #[must_use]
    pub fn most_specific_in(&self, s: &str) -> Option<String> {
        self.most_specific_except(s, &[])
    }

    /// The regions `s` names as places its people went to (我县卫生健康系统赴武山县考察学习,
    /// 赴浙江省杭州市学习): a name right after 赴 or 前往, and a name nested right after such a
    /// name. They are places visited, not the subject of the document.
    #[must_use]
    pub fn visited_in(&self, s: &str) -> Vec<String> {
        let mut visited: Vec<String> = Vec::new();
        let mut visited_end = None;
        for m in self.names_in(s) {
            if VISIT_WORDS.iter().any(|w| s[..m.start].ends_with(w)) || visited_end == Some(m.start)
            {
                visited.push(self.targets[m.name].0.clone());
                visited_end = Some(m.end);
            }
        }
        visited
    }

    /// [`Self::most_specific_in`], passing over the names in `except`.
    fn most_specific_except(&self, s: &str, except: &[String]) -> Option<String> {
        let mut best: Option<(Level, &str)> = None;
        // Whether another region of the best's level, beside it rather than in it, is named
        // too (陆良罗平两县…): then the string is about neither alone.
        let mut rivalled = false;
        let mut previous: Option<(usize, &str)> = None;
        for m in self.names_in(s) {
            let (name, full, level) = &self.targets[m.name];
            if except.contains(name)
                || !*full && names_town(s, m.end)
                || countypanel_extract::lexicon::verb_first(s, m.start, m.end)
            {
                previous = Some((m.end, name));
                continue;
            }
            // A name right after a city's (平凉市崆峒区) lies inside it, even where both were once
            // county-level (平凉市 was, before 崆峒区); one after a county's (陆良罗平) is beside it.
            let nested = previous.is_some_and(|(end, before)| {
                end == m.start && !before.ends_with(['县', '旗', '区'])
            });
            // A rival is a full name, or a short one joined to the name before (陆良罗平,
            // 平安、乐都): a short name inside a word (创建平安医院) is none.
            let joined = previous.is_some_and(|(end, _)| {
                end == m.start
                    || s[end..m.start]
                        .trim_matches(['、', '和', '与', '及'])
                        .is_empty()
            });
            match best {
                Some((l, _)) if *level == l && nested => best = Some((*level, name)),
                Some((l, b)) if *level == l && b != name.as_str() && (*full || joined) => {
                    rivalled = true;
                }
                Some((l, _)) if *level > l => {
                    best = Some((*level, name));
                    rivalled = false;
                }
                None => best = Some((*level, name)),
                _ => {}
            }
            previous = Some((m.end, name));
        }
        best.filter(|_| !rivalled).map(|(_, n)| n.to_string())
    }

    /// The most specific region named as an issuing body in `s`: a name directly followed by a
    /// bureau or government word (平安县卫生健康局, 海东市统计局).
    #[must_use]
    pub fn issuing_body_in(&self, s: &str) -> Option<String> {
        let mut best: Option<(Level, &str)> = None;
        for m in self.names_in(s) {
            let (name, _, level) = &self.targets[m.name];
            // A body whose name runs into a document's title (安徽省卫健委《关于…的通知》) is
            // cited as that document's author, not issuing this one.
            let is_body = ISSUING_BODIES.iter().any(|b| s[m.end..].starts_with(b))
                && !s[m.end..].chars().take(10).any(|c| c == '《');
            if is_body && best.is_none_or(|(l, _)| *level > l) {
                best = Some((*level, name));
            }
        }
        best.map(|(_, n)| n.to_string())
    }

    /// The region whose official website a URL in `s` is on: a host under `.gov.cn` one of whose
    /// labels is the pinyin of a region's short name, alone or after a two- or three-letter
    /// prefix (fangxian.gov.cn, www.gzzhijin.gov.cn), when exactly one region today has it.
    #[must_use]
    pub fn official_site_in(&self, s: &str) -> Option<String> {
        let start = s.find("://")? + 3;
        let host: String = s[start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            .collect::<String>()
            .to_ascii_lowercase();
        let site = host.strip_suffix(".gov.cn")?;
        let label = site.rsplit('.').next()?;
        let found_in = |map: &HashMap<String, Vec<String>>| {
            let mut found: Vec<String> = Vec::new();
            if let Some(names) = map.get(label) {
                found.extend(names.iter().cloned());
            }
            for cut in 2..=3 {
                if let Some(rest) = label.get(cut..)
                    && rest.len() >= 5
                    && let Some(names) = map.get(rest)
                {
                    found.extend(names.iter().cloned());
                }
            }
            found.sort();
            found.dedup();
            found
        };
        // The usual readings first; the others only when none has the label.
        let usual = found_in(&self.by_pinyin);
        let found = if usual.is_empty() {
            found_in(&self.by_other_pinyin)
        } else {
            usual
        };
        match found.as_slice() {
            [one] => Some(one.clone()),
            _ => None,
        }
    }

    /// The most specific level a region of this official name has had.
    #[must_use]
    pub fn level_of(&self, name: &str) -> Option<Level> {
        self.targets
            .iter()
            .find(|(n, full, _)| *full && n == name)
            .map(|&(_, _, level)| level)
    }

    /// The region named most often in `s` (first occurrence breaks ties). A region counts only
    /// once its full name is written; then its short forms count too (高邮市 once, then 健康高邮,
    /// 高邮力量 outweigh two mentions of 扬州市).
    #[must_use]
    pub fn most_frequent_full(&self, s: &str, except: &[String]) -> Option<String> {
        // (name, full mentions, all mentions, first full mention)
        let mut counts: Vec<(String, usize, usize, usize)> = Vec::new();
        for m in self.names_in(s) {
            let (name, is_full, _) = &self.targets[m.name];
            if except.contains(name)
                || !*is_full && names_town(s, m.end)
                || countypanel_extract::lexicon::verb_first(s, m.start, m.end)
            {
                continue;
            }
            let full = usize::from(*is_full);
            match counts.iter_mut().find(|(n, ..)| n == name) {
                Some(c) => {
                    c.1 += full;
                    c.2 += 1;
                    if c.1 == 1 && full == 1 {
                        c.3 = m.start;
                    }
                }
                None => counts.push((name.clone(), full, 1, m.start)),
            }
        }
        counts
            .into_iter()
            .filter(|c| c.1 > 0)
            .max_by(|a, b| a.2.cmp(&b.2).then(b.3.cmp(&a.3)))
            .map(|(n, ..)| n)
    }
}

const DATE_LABELS: &[(&str, u8)] = &[
    ("发布时间", 0),
    ("发布日期", 0),
    ("公开日期", 0),
    ("发文日期", 1),
    ("成文日期", 1),
    ("印发日期", 1),
    // A news page's 更新时间 is when it went up.
    ("更新时间", 1),
    ("更新日期", 1),
    ("日期", 2),
    ("时间", 2),
];

/// Words that, right after a region name, make it an issuing body.
const ISSUING_BODIES: &[&str] = &[
    "卫生健康",
    "卫健",
    "卫生局",
    "卫生和计划生育",
    "卫计",
    "统计局",
    "人民政府",
    "政府",
    "医疗保障",
    "医保局",
    "疾病预防控制",
    "疾控",
    "人大",
    "发展和改革",
    "发改",
    "财政局",
    "妇幼保健",
];

/// Words that open slogans before a place's short name (健康平江, 美丽高邮, 幸福XX): a short name
/// that begins at their second character (康平 in 健康平江) is no name.
const SLOGAN_WORDS: &[&str] = &[
    "健康", "美丽", "幸福", "平安", "魅力", "文明", "智慧", "数字", "和谐", "活力", "生态", "康养",
];

/// Whether the text at `start` continues a slogan word begun right before it.
fn inside_slogan_word(s: &str, start: usize) -> bool {
    let Some(prev) = s[..start].chars().next_back() else {
        return false;
    };
    let next = s[start..].chars().next();
    SLOGAN_WORDS.iter().any(|w| {
        let mut c = w.chars();
        c.next() == Some(prev) && c.next() == next
    })
}

/// Whether a region's short name ending at `end` of `s` is a town's name (清水镇卫生院 is not
/// 清水县's; 清水镇 is a town of another county as often as not).
fn names_town(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    // 松江河镇, 清水河乡: the short name opens a longer town's name (one more character).
    let mut chars = rest.chars();
    let longer = chars
        .next()
        .is_some_and(|c| "河江山湖桥口沟坪坝湾".contains(c))
        && chars.next().is_some_and(|c| matches!(c, '镇' | '乡'));
    (rest.starts_with(['镇', '乡', '村']) && !rest.starts_with("乡村"))
        || rest.starts_with("街道")
        || longer
}

/// Words after which a region's name is a place visited (赴武山县考察学习, 前往…).
const VISIT_WORDS: &[&str] = &["赴", "前往"];

const SOURCE_LABELS: &[&str] = &["来源", "发文机构", "发布机构", "主办", "发布单位", "作者"];

/// A date at the start of `s`: 2020-01-06, 2020/1/6, 2020.1.6, 2020年04月15日, or day first
/// with dots as some sites print it (22.04.2016).
#[must_use]
pub fn date_at_start(s: &str) -> Option<Ymd> {
    let s = s.trim_start();
    if let Some(d) = day_first_date(s).or_else(|| chinese_numeral_date(s)) {
        return Some(d);
    }
    let year: String = s.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 {
        return None;
    }
    let rest = &s[4..];
    let sep = rest.chars().next()?;
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let rest = &rest[sep.len_utf8()..];
    let month: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let rest = &rest[month.len()..];
    let sep2 = rest.chars().next()?;
    let ok_sep2 = if sep == '年' {
        sep2 == '月'
    } else {
        sep2 == sep
    };
    if month.is_empty() || month.len() > 2 || !ok_sep2 {
        return None;
    }
    let rest = &rest[sep2.len_utf8()..];
    let day: String = rest.chars().take_while(char::is_ascii_digit).collect();
    if day.is_empty() || day.len() > 2 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if !(1949..=2100).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > month_end(y, m) {
        return None;
    }
    Some((y, m, d))
}

/// 二〇二四年三月五日: a date written in Chinese numerals, as official documents sign it.
fn chinese_numeral_date(s: &str) -> Option<Ymd> {
    const DIGITS: &str = "〇一二三四五六七八九";
    let digit = |c: char| {
        if c == '零' || c == 'O' || c == 'o' {
            Some(0)
        } else {
            DIGITS.chars().position(|d| d == c)
        }
    };
    let mut chars = s.chars();
    let mut year = 0;
    for _ in 0..4 {
        year = year * 10 + digit(chars.next()?)?;
    }
    if chars.next()? != '年' {
        return None;
    }
    // 一 to 十二, 一 to 三十一.
    let small = |chars: &mut std::str::Chars<'_>, end: char| -> Option<usize> {
        let mut n = 0;
        let mut tens = false;
        for c in chars.by_ref() {
            if c == end {
                return (n > 0).then_some(n);
            }
            if c == '十' {
                n = if n == 0 { 10 } else { n * 10 };
                tens = true;
            } else {
                let d = digit(c).filter(|&d| d > 0)?;
                n = if tens { n + d } else { n * 10 + d };
            }
        }
        None
    };
    let month = small(&mut chars, '月')?;
    let day = small(&mut chars, '日')?;
    let (y, m, d) = (
        i32::try_from(year).ok()?,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    );
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_end(y, m))
        .then_some((y, m, d))
}

/// 22.04.2016: a day and a month of one or two digits, then a four-digit year, dots between.
fn day_first_date(s: &str) -> Option<Ymd> {
    let mut parts = s.splitn(3, '.');
    let (d, m) = (parts.next()?, parts.next()?);
    let rest = parts.next()?;
    let y: String = rest.chars().take_while(char::is_ascii_digit).collect();
    let short = |p: &str| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    if !short(d) || !short(m) || y.len() != 4 {
        return None;
    }
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1949..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_end(y, m))
        .then_some((y, m, d))
}

/// The publication date a web address carries in its path: /2023-01/09/, /2009/11/20/,
/// /20191220/ or t20240508_.
fn url_date(line: &str) -> Option<Ymd> {
    let start = line.find("://")? + 3;
    let url: String = line[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    let path = &url[url.find('/')?..];
    let segments: Vec<&str> = path.split(['/', '_', '.']).collect();
    let valid = |y: i32, m: u32, d: u32| {
        ((1990..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= month_end(y, m))
            .then_some((y, m, d))
    };
    let num = |s: &str| s.parse::<u32>().ok();
    for (i, seg) in segments.iter().enumerate() {
        let digits = seg.trim_start_matches('t');
        // A timestamp id (20181109090740000001) opens with its date and a valid time of day.
        let timestamp = digits.len() >= 14
            && digits.bytes().all(|b| b.is_ascii_digit())
            && num(&digits[8..10]).is_some_and(|h| h < 24)
            && num(&digits[10..12]).is_some_and(|m| m < 60)
            && num(&digits[12..14]).is_some_and(|s| s < 60);
        let digits = if timestamp { &digits[..8] } else { digits };
        if digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let (y, m, d) = (num(&digits[..4])?, num(&digits[4..6])?, num(&digits[6..])?);
            if let Some(ymd) = valid(y.try_into().ok()?, m, d) {
                return Some(ymd);
            }
        }
        // 2023-01/09 and 2009/11/20
        let parts: Vec<&str> = seg.split('-').collect();
        let (y, m, d) = match (parts.as_slice(), segments.get(i + 1), segments.get(i + 2)) {
            ([y, m], Some(d), _) => (num(y), num(m), num(d)),
            ([y], Some(m), Some(d)) if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                (num(y), num(m), num(d))
            }
            _ => continue,
        };
        if let (Some(y), Some(m), Some(d)) = (y, m, d)
            && let Some(ymd) = valid(i32::try_from(y).ok()?, m, d)
        {
            return Some(ymd);
        }
    }
    None
}

/// The toneless pinyin of a name in the usual reading of each of its characters.
fn usual_pinyin(name: &str) -> Option<String> {
    use pinyin::ToPinyin;
    let mut out = String::new();
    for p in name.to_pinyin() {
        out.push_str(p?.plain());
    }
    (!out.is_empty()).then_some(out)
}

/// The toneless pinyin of a name written in Chinese characters only (织金 → zhijin), in every
/// reading of its characters that have several (宁都 → ningdu and ningdou; at most 16).
fn plain_pinyin(name: &str) -> Vec<String> {
    use pinyin::ToPinyinMulti;
    let mut out = vec![String::new()];
    for p in name.to_pinyin_multi() {
        let Some(readings) = p else {
            return Vec::new();
        };
        let mut plain: Vec<&str> = readings.into_iter().map(pinyin::Pinyin::plain).collect();
        plain.dedup();
        out = out
            .iter()
            .flat_map(|o| plain.iter().map(move |r| format!("{o}{r}")))
            .take(16)
            .collect();
    }
    out.retain(|o| !o.is_empty());
    out.sort();
    out.dedup();
    out
}

/// Whether `line` holds one of `chars` (a search per character: each is a fast byte search,
/// where one pass testing every character against the list is not).
fn holds_any(line: &str, chars: &[char]) -> bool {
    chars.iter().any(|&c| line.contains(c))
}

/// The distinct characters of `chars`, for [`holds_any`].
fn distinct(chars: impl Iterator<Item = char>) -> Vec<char> {
    let mut v: Vec<char> = chars.collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The publication date of a document's first lines with its rank (lower is surer; 2 is a weak
/// label), and the line it was read on: the best-ranked labelled date, else a dateline, else
/// the date a web address carries.
fn publication_date(head: &[&str]) -> (Option<(u8, Ymd)>, Option<usize>) {
    let mut published: Option<(u8, Ymd)> = None;
    let mut date_line: Option<usize> = None;
    // A line holds a date label only if it holds the label's last character.
    let label_ends = distinct(DATE_LABELS.iter().filter_map(|(l, _)| l.chars().last()));
    for (i, line) in head.iter().enumerate() {
        let labelled = holds_any(line, &label_ends);
        for (label, rank) in DATE_LABELS.iter().filter(|_| labelled) {
            let mut from = 0;
            while let Some(pos) = line[from..].find(label) {
                let after =
                    line[from + pos + label.len()..].trim_start_matches([':', '|', '：', ' ']);
                if let Some(d) = date_at_start(after)
                    && published.is_none_or(|(r, _)| *rank < r)
                {
                    published = Some((*rank, d));
                    date_line.get_or_insert(i);
                }
                from += pos + label.len();
            }
        }
        if published.is_none()
            && i < 15
            && let Some(d) = date_at_start(line)
                .or_else(|| date_at_start(&compact(line)))
                .or_else(|| {
                    (i < 6 || signed(line))
                        .then(|| date_in_head_line(line))
                        .flatten()
                })
                .or_else(|| (i < 6).then(|| year_month_line(line)).flatten())
        {
            published = Some((3, d));
            date_line.get_or_insert(i);
        }
    }
    if published.is_none() {
        // A page saved from the web: the date its address carries (/2023-01/09/, /20191220/,
        // t20240508_) is when it was published.
        published = head
            .iter()
            .take(3)
            .find_map(|line| url_date(line))
            .map(|d| (1, d));
    }
    (published, date_line)
}

/// The date a short line at the top of a report gives its writing, not at the line's start:
/// in brackets ((2024年1月10日), (2024年2月5日公开)), after a dash (——2024年1月16日在…会议上) or
/// after a source (来源:德昌县融媒体中心 2024年1月29日). The date must end the line or be
/// followed by what says it is the date of writing (公开, 发布, 在…, a closing bracket).
fn date_in_head_line(line: &str) -> Option<Ymd> {
    if line.chars().count() > 60 {
        return None;
    }
    line.char_indices()
        .filter(|&(k, c)| {
            (c == '1' || c == '2') && !line[..k].ends_with(|p: char| p.is_ascii_digit())
        })
        .find_map(|(k, _)| {
            // (数据截至2023年12月31日): the data's date, not the writing's.
            if ["截至", "截止", "至", "到"]
                .iter()
                .any(|w| line[..k].ends_with(w))
            {
                return None;
            }
            let d = date_at_start(&line[k..])?;
            let rest = line[k..].split_once('日').map_or("", |(_, r)| r).trim();
            let writing = rest.is_empty()
                || ["公开", "发布", "印发", ")", "）", "在"]
                    .iter()
                    .any(|w| rest.starts_with(w));
            writing.then_some(d)
        })
}

/// A line that is only a year and a month (2021年9月, or in brackets: (2024年6月)), as plans
/// and reports print under their issuer: the month's first day.
fn year_month_line(line: &str) -> Option<Ymd> {
    let line = line.trim();
    let line = [('(', ')'), ('（', '）')]
        .iter()
        .find_map(|&(open, close)| line.strip_prefix(open)?.strip_suffix(close))
        .unwrap_or(line);
    let (y, rest) = line.trim().split_once('年')?;
    let m = rest.strip_suffix('月')?;
    let year: i32 = y.trim().parse().ok()?;
    let month: u32 = m.trim().parse().ok()?;
    ((1949..=2100).contains(&year) && (1..=12).contains(&month) && y.trim().len() == 4)
        .then_some((year, month, 1))
}

/// The date a report or letter is signed with at its end, under the name of the body that
/// wrote it (霍邱县卫生健康委员会 / 2023年10月18日), or on one line with it.
fn signature_date(text: &str) -> Option<Ymd> {
    let tail: Vec<&str> = text
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .collect();
    tail.iter()
        .enumerate()
        .find_map(|(i, line)| {
            let d = date_at_start(line)?;
            let alone = line
                .split_once('日')
                .is_some_and(|(_, r)| r.trim().is_empty());
            let under_body = tail.get(i + 1).is_some_and(|l| is_issuing_body(l));
            (alone && under_body).then_some(d)
        })
        .or_else(|| {
            tail.iter()
                .filter(|l| signed(l))
                .find_map(|l| date_in_head_line(l))
        })
}

/// Whether a line is a signature: the issuing body's name, then the date (平安县卫生健康局
/// 2023年12月12日).
fn signed(line: &str) -> bool {
    line.find(|c: char| c.is_ascii_digit())
        .is_some_and(|k| k > 0 && is_issuing_body(line[..k].trim()))
}

/// `l` without its spaces. Most lines hold none: they are read as they are, not copied.
fn compact(l: &str) -> std::borrow::Cow<'_, str> {
    if l.contains(char::is_whitespace) {
        l.chars().filter(|c| !c.is_whitespace()).collect()
    } else {
        l.into()
    }
}

/// Reads title, publication date and issuer from a document's first lines.
#[must_use]
pub fn read_metadata(text: &str, html_title: Option<&str>, regions: &RegionFinder) -> Metadata {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(30)
        .collect();
    let head = &lines[..];
    let (mut published, date_line) = publication_date(head);
    if published.is_none() {
        published = signature_date(text).map(|d| (3, d));
    }
    let title = find_title(head, html_title, date_line);
    // The document is about the most specific region its title names; else the one its source
    // line or an issuing body in its first lines names; else the one its body names most.
    // Places the title says its people visited (赴武山县考察学习) are not its subject, here or
    // in the lines and body below.
    let visited = title
        .as_deref()
        .map(|t| regions.visited_in(&compact(t)))
        .unwrap_or_default();
    let own = |r: Option<String>| r.filter(|n| !visited.contains(n));
    let mut issuer = title
        .as_deref()
        .and_then(|t| regions.most_specific_except(&compact(t), &visited));
    // A line holds a source label (spaces inside it or not) only if it holds its first
    // character.
    let label_starts = distinct(SOURCE_LABELS.iter().filter_map(|l| l.chars().next()));
    if issuer.is_none() {
        issuer = head.iter().find_map(|line| {
            if !holds_any(line, &label_starts) {
                return None;
            }
            let line = compact(line);
            SOURCE_LABELS.iter().find_map(|label| {
                let pos = line.find(label)?;
                let after = line[pos + label.len()..].trim_start_matches([':', '|', '：']);
                let value: String = after.chars().take_while(|&c| c != '|').take(20).collect();
                own(regions.most_specific_in(&value))
            })
        });
    }
    // A newspaper's masthead opening a line (赤峰日报 2015-03-16 第3版): the paper's region.
    if issuer.is_none() {
        issuer = head.iter().find_map(|line| {
            let line = compact(line);
            let at = ["日报", "晚报"].iter().find_map(|w| line.find(w))?;
            // The paper's name opens the line and a date, page or the line's end follows it
            // (疫情日报告制度 is no paper).
            let after = &line[at + "日报".len()..];
            let masthead = after.is_empty()
                || after.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit())
                || after.starts_with(['第', '·', '|', ':', '：', '(', '（']);
            (masthead && line[..at].chars().count() <= 6)
                .then(|| own(regions.most_specific_in(&line[..at])))
                .flatten()
        });
    }
    if issuer.is_none() {
        issuer = head
            .iter()
            .find_map(|line| own(regions.issuing_body_in(&compact(line))));
    }
    // The first 5,000 characters, counted only when a name is looked for in them.
    let body = || &text[..text.char_indices().nth(5000).map_or(text.len(), |(i, _)| i)];
    if issuer.is_none() {
        // The region its body names most; but a county's website publishes the county's own
        // reports, which name their province or prefecture more often than themselves (按照
        // 安徽省…要求), or a neighbour they compare themselves with (a speech on 全县 that names
        // 瑞金市 as the example to follow): a region the site names wins over one as wide or
        // wider. A report with no region name at all is placed by its site too.
        let frequent = regions.most_frequent_full(body(), &visited);
        let site = head
            .iter()
            .find_map(|line| own(regions.official_site_in(line)));
        issuer = match (frequent, site) {
            (Some(f), Some(s)) if regions.level_of(&s) >= regions.level_of(&f) => Some(s),
            (f, s) => f.or(s),
        };
    }
    // A report of a visit names the towns it saw there, not its own.
    let town = if issuer.is_none() && visited.is_empty() {
        regions.most_frequent_town(body())
    } else {
        None
    };
    Metadata {
        title,
        published: published.map(|(_, d)| d),
        published_weak: published.is_some_and(|(rank, _)| rank == 2),
        issuer,
        town,
    }
}

/// Endings of the name of an issuing body: a government, a bureau, a commission, an office.
const BODY_ENDINGS: &[&str] = &["人民政府", "调查队", "委员会", "局", "办公室", "政府", "委"];

/// Words that name a document, which a body's name does not hold.
const DOCUMENT_WORDS: &[&str] = &[
    "公报", "报告", "总结", "计划", "规划", "通知", "方案", "意见", "要点", "年鉴",
];

/// Whether a line is only the name of the body that issued the document.
fn is_issuing_body(line: &str) -> bool {
    let line = compact(line);
    line.chars().count() <= 24
        && BODY_ENDINGS.iter().any(|e| line.ends_with(e))
        && !DOCUMENT_WORDS.iter().any(|w| line.contains(w))
        && !line.chars().any(|c| c.is_ascii_digit())
}

/// Whether a line is a document number alone (平卫健函〔2023〕18号).
fn is_document_number(line: &str) -> bool {
    let l = line.trim();
    l.chars().count() <= 24 && (l.contains('〔') || l.contains('[')) && l.ends_with('号')
}

/// Whether a line's one colon follows a short place or institution name, or a headline with
/// its year, as a news title's does (河南:紧密型县域医共体建设成效显著, 古田镇中心卫生院:守护群众
/// 健康, 镇雄县人民医院2023年工作综述:守护…), not a label (来源:, 发布时间:).
fn place_colon(line: &str) -> bool {
    let Some((before, after)) = line.split_once(':') else {
        return false;
    };
    let n = before.chars().count();
    (2..=24).contains(&n)
        && before
            .chars()
            .all(|c| c.is_alphabetic() && !c.is_ascii() || c.is_ascii_digit())
        && before.chars().filter(|c| !c.is_ascii_digit()).count() >= 2
        && after
            .chars()
            .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
            .count()
            >= 6
        && !after.contains(':')
        && ![
            "来源", "时间", "日期", "作者", "编辑", "标题", "索引", "文号", "字号", "浏览", "分类",
            "机构", "单位", "发布", "主题", "记者",
        ]
        .iter()
        .any(|w| before.contains(w))
}

/// Words of a byline's role: the speaker or writer named under a title (县长 李明, 记者 王芳).
const BYLINE_ROLES: &[&str] = &[
    "县长",
    "市长",
    "区长",
    "州长",
    "旗长",
    "局长",
    "主任",
    "书记",
    "记者",
    "通讯员",
    "作者",
    "编辑",
];

/// Whether a line is a byline: a role and a name, short, in brackets or not (县长 李明, (记者
/// 王芳 通讯员 刘洋)).
fn is_byline(line: &str) -> bool {
    let line = line.trim_start_matches(['(', '（', '[', '【', ' ']);
    // Or an office ending with the role, then the name (县人民政府副县长 陈××).
    let office_and_name = line.split_once([' ', '　']).is_some_and(|(office, name)| {
        BYLINE_ROLES.iter().any(|r| office.ends_with(r))
            && (2..=4).contains(&name.trim().chars().count())
    });
    line.chars().count() <= 24
        && (office_and_name
            || BYLINE_ROLES.iter().any(|r| {
                line.strip_prefix(r)
                    .is_some_and(|rest| rest.starts_with([' ', '　', ':', '：']))
            }))
}

fn find_title(head: &[&str], html_title: Option<&str>, date_line: Option<usize>) -> Option<String> {
    for line in head {
        // The lines are trimmed: a label 标题 (spaces inside it or not) opens with 标.
        if !line.starts_with('标') {
            continue;
        }
        if let Some(rest) = compact(line).strip_prefix("标题") {
            let t = rest
                .trim_matches([':', '|', '：', ' '])
                .trim_end_matches('|')
                .trim();
            if !t.is_empty() {
                return Some(t.to_string());
            }
        }
    }
    if let Some(t) = html_title {
        let first = t.split(['_', '|']).next().unwrap_or(t).trim();
        let first = first.split(" - ").next().unwrap_or(first).trim();
        if first.chars().count() >= 4 {
            return Some(first.to_string());
        }
    }
    let plausible = |l: &str| {
        let n = l.chars().count();
        (5..=60).contains(&n)
            && (!l.contains(':') || place_colon(l))
            && !is_document_number(l)
            && !l.contains('。')
            && !l.starts_with('—')
            && !is_byline(l)
            && date_at_start(l).is_none()
            && !crate::furniture::is_furniture(l)
    };
    // The issuing body's lines (石门县人民政府, 国家统计局洛阳调查队) stand between the title
    // and the date; a date under the text (a notice's signature) comes after its sentences,
    // and the title is then the first line.
    let body_before = |d: usize| head[..d].iter().any(|l| l.contains('。'));
    if let Some(d) = date_line.filter(|&d| !body_before(d))
        && let Some(l) = head[..d]
            .iter()
            .rev()
            .filter(|l| plausible(l))
            .find(|l| !is_issuing_body(l) && !is_institution_name(l))
            .or_else(|| head[..d].iter().rev().find(|l| plausible(l)))
    {
        return Some((*l).to_string());
    }
    // A notice's issuing body on its first line (湄潭县疾病预防控制中心) stands over its title.
    head.iter()
        .take(4)
        .find(|l| plausible(l) && !is_issuing_body(l) && !is_institution_name(l))
        .or_else(|| head.iter().find(|l| plausible(l)))
        .map(|l| (*l).to_string())
}

/// Whether a line is only an institution's name (湄潭县疾病预防控制中心, 平安县人民医院), as a
/// notice it issues carries above its title.
fn is_institution_name(line: &str) -> bool {
    let line = compact(line);
    line.chars().count() <= 20
        && [
            "疾病预防控制中心",
            "疾控中心",
            "人民医院",
            "中医医院",
            "中医院",
            "妇幼保健院",
            "妇幼保健计划生育服务中心",
            "卫生院",
            "社区卫生服务中心",
            "卫生监督所",
        ]
        .iter()
        .any(|e| line.ends_with(e))
        && !DOCUMENT_WORDS.iter().any(|w| line.contains(w))
}

#[cfg(test)]
mod tests;
