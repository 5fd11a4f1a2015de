//! 分别: several measures, or one measure of several subjects, with their values in order.
//! 婴儿死亡率、5岁以下儿童死亡率分别为3.2‰和4.1‰ states two rates, each named in full;
//! 基本养老和基本医疗参保率分别达到99%、95.4% states a pension rate of 99% (not a health
//! indicator) and a medical-insurance rate of 95.4%; 老年人和儿童健康管理率分别为70%和77% states
//! two rates.

use crate::Fact;
use crate::health::{mentions_health, mentions_other_domain};
use crate::matcher::{PhraseMatcher, Target};
use crate::segment::{clause_start, list_start};
use crate::shared::rate_indicator;
use countypanel_core::vocab::Rule;

/// Words that join the subjects before the measure.
const JOINERS: &[char] = &['和', '、', '及', '与'];

/// Where 分别 stands in the sentence, if it does.
pub(crate) fn respectively_at(sc: &[char]) -> Option<usize> {
    (0..sc.len().saturating_sub(1)).find(|&i| sc[i] == '分' && sc[i + 1] == '别')
}

/// Where the list before the 分别 at `p` starts (its clause, back over 、), and its text.
fn list_head(sc: &[char], p: usize) -> (usize, String) {
    let start = list_start(sc, clause_start(sc, 0, p));
    (start, sc[start..p].iter().collect())
}

/// The region a list item opens with (宁城县, 翁牛特旗床位数), and where its name ends; `whole`:
/// only an item that is the name and nothing else.
fn region_opening(matcher: &PhraseMatcher, item: &str, whole: bool) -> Option<(String, usize)> {
    matcher.find(item).into_iter().find_map(|h| match h.target {
        Target::Region(name) if h.start == 0 && (!whole || h.end == item.chars().count()) => {
            Some((name.to_string(), h.end))
        }
        _ => None,
    })
}

/// The places listed before the 分别 at `p`, each item opening with one (宁城县、敖汉旗床位数), if
/// two or more.
fn places_listed(matcher: &PhraseMatcher, sc: &[char], p: usize) -> Option<Vec<String>> {
    let (_, head) = list_head(sc, p);
    list_items(&head)
        .iter()
        .map(|item| region_opening(matcher, item, false).map(|(name, _)| name))
        .collect::<Option<Vec<String>>>()
        .filter(|places| places.len() >= 2)
}

/// The items of a list, parted by its joiners, blanks dropped. 、 always parts items; 和, 及 and
/// 与 only where each side keeps two characters or more (民和县 and 和平县 are names, not lists).
fn list_items(head: &str) -> Vec<&str> {
    let mut items = Vec::new();
    for piece in head.split('、') {
        // (及以上, 及以下 bound an age: 65岁及以上老年人健康管理率 is one item.)
        let mut parts: Vec<&str> = Vec::new();
        let mut start = 0;
        for (k, c) in piece.char_indices() {
            if matches!(c, '和' | '及' | '与')
                && !(c == '及' && piece[k + c.len_utf8()..].starts_with('以'))
            {
                parts.push(&piece[start..k]);
                start = k + c.len_utf8();
            }
        }
        parts.push(&piece[start..]);
        if parts.iter().all(|p| p.trim().chars().count() >= 2) {
            items.extend(parts);
        } else {
            items.push(piece);
        }
    }
    items
        .into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Places listed before 分别 with no measure of their own (泾川县、灵台县分别为79.5%、78.2%), after a
/// sentence that gave a place's figure of one measure (静宁县重点人群签约率为83.1%): each takes its
/// figure of that measure. The sentence must open with the places.
pub(crate) fn regions_continue(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
    previous: Option<&Fact>,
) {
    let Some(p) = respectively_at(sc) else {
        place_continues(matcher, facts, sc, previous);
        return;
    };
    let head_start = list_start(sc, clause_start(sc, 0, p));
    let opening: String = sc[..head_start].iter().collect();
    let opening = opening.trim_matches(|c: char| c.is_whitespace() || ",，:：".contains(c));
    // The measure: a topic clause's (重点人群签约率方面,道县、江永县分别为…), else the one the
    // sentence before gave a place's figure of.
    let topic = topic_measure(matcher, opening);
    let measure = match (topic, previous) {
        (Some(t), _) => Some(t),
        (None, Some(f)) if (opening.is_empty() || opening == "其中") && f.region_subject => f
            .indicator_id
            .as_ref()
            .map(|id| (id.clone(), f.indicator_text.clone(), f.unit)),
        _ => None,
    };
    let Some((id, text, unit)) = measure else {
        return;
    };
    let head: String = sc[head_start..p].iter().collect();
    let places: Option<Vec<String>> = list_items(&head)
        .into_iter()
        .map(|item| match matcher.find(item).as_slice() {
            [h] if h.start == 0 && h.end == item.chars().count() => match &h.target {
                Target::Region(name) => Some(name.to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let Some(places) = places.filter(|p| p.len() >= 2) else {
        return;
    };
    let mut values: Vec<&mut Fact> = facts
        .iter_mut()
        .filter(|f| f.char_end > offset + p)
        .collect();
    if values.len() != places.len()
        || values
            .iter()
            .any(|f| f.indicator_id.is_some() || f.unit != unit)
    {
        return;
    }
    values.sort_by_key(|f| f.char_end);
    for (f, place) in values.into_iter().zip(places) {
        f.indicator_id = Some(id.clone());
        f.indicator_text.clone_from(&text);
        f.region_name = Some(place);
        f.region_subject = true;
        f.rule = Rule::Respectively;
    }
}

/// The measure a topic clause names (重点人群签约率方面, 从签约率看): its one catalog indicator,
/// the phrase and the indicator's unit.
fn topic_measure(
    matcher: &PhraseMatcher,
    opening: &str,
) -> Option<(String, Option<String>, countypanel_core::vocab::Unit)> {
    let measure = opening.strip_suffix("方面").or_else(|| {
        opening
            .strip_prefix('从')
            .and_then(|o| o.strip_suffix('看'))
    })?;
    match matcher.find(measure).as_slice() {
        [h] if h.end == measure.chars().count() => match &h.target {
            Target::Indicator { index } => {
                let id = matcher.indicator_id(*index);
                let unit = matcher.unit_of(&id);
                Some((id, Some(measure.chars().skip(h.start).collect()), unit))
            }
            _ => None,
        },
        _ => None,
    }
}

/// A sentence that opens with one place and gives its figure with no measure, a rank at most
/// between (江华县次之,为49.8%; 双牌县最低,为36.2%; 道县为47.1%), after a sentence that gave a
/// place's figure of one measure: the figure is of that measure.
fn place_continues(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    previous: Option<&Fact>,
) {
    const BETWEEN: &str = "次之最低高其居中较为达到是排名第一二三四五六七八九十位列";
    let Some(previous) = previous.filter(|f| f.indicator_id.is_some() && f.region_subject) else {
        return;
    };
    let [f] = facts else { return };
    if f.indicator_id.is_some() || f.unit != previous.unit {
        return;
    }
    let lead = sc.iter().take_while(|c| c.is_whitespace()).count();
    let hits = matcher.find(&sc[lead..].iter().collect::<String>());
    let Some((first, rest)) = hits.split_first() else {
        return;
    };
    let Target::Region(place) = &first.target else {
        return;
    };
    let value_at = sc.iter().position(char::is_ascii_digit).unwrap_or(sc.len());
    let between: String = sc[(lead + first.end).min(value_at)..value_at]
        .iter()
        .collect();
    if first.start != 0
        || !rest.iter().all(|h| h.start >= value_at - lead)
        || between.chars().count() > 8
        || !between
            .chars()
            .all(|c| BETWEEN.contains(c) || ",， ".contains(c))
    {
        return;
    }
    f.indicator_id.clone_from(&previous.indicator_id);
    f.indicator_text.clone_from(&previous.indicator_text);
    f.region_name = Some(place.to_string());
    f.region_subject = true;
    f.rule = Rule::Respectively;
}

/// A bare number listed right after a rate (分别为12.6/10万和0, 95%、96%和97): the list's values
/// share its unit. A bare 0 opening such a list (分别为0、3.05‰和4.21‰) takes the next one's unit
/// (a zero is one in any unit; `measures_in_full` gives it its measure's).
pub(crate) fn share_rate_units(quantities: &mut [countypanel_zhnum::Quantity], sc: &[char]) {
    use countypanel_zhnum::Unit;
    for k in (0..quantities.len().saturating_sub(1)).rev() {
        let (before, after) = quantities.split_at_mut(k + 1);
        let (q, next) = (&mut before[k], &after[0]);
        if q.unit == Unit::None
            && q.value == 0.0
            && matches!(next.unit, Unit::Percent | Unit::Permille | Unit::Per100k)
            && q.end + 1 == next.start
            && matches!(sc.get(q.end), Some('和' | '、' | '及'))
            && q.start >= 1
            && matches!(sc[q.start - 1], '为' | '是' | '到')
        {
            q.unit = next.unit;
        }
    }
    for k in 1..quantities.len() {
        let (before, after) = quantities.split_at_mut(k);
        let (prev, q) = (&before[k - 1], &mut after[0]);
        if q.unit == Unit::None
            && matches!(prev.unit, Unit::Percent | Unit::Permille | Unit::Per100k)
            && prev.end + 1 == q.start
            && matches!(sc.get(prev.end), Some('和' | '、' | '及'))
            && !sc.get(q.end).is_some_and(char::is_ascii_digit)
        {
            q.unit = prev.unit;
        }
    }
}

/// Years listed before 分别 (2022年和2023年,全县签约覆盖率分别为45.2%和47.5%) date the values after
/// each 分别 of the sentence in their order, when there are as many values as years.
pub(crate) fn distribute_years(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
) {
    let Some(first) = respectively_at(sc) else {
        return;
    };
    let Some((years, start, end)) = listed_years(&sc[..first]) else {
        return;
    };
    // The list opens the sentence or a clause and dates it; 2023年与2022年相比 compares two years
    // instead, and measures listed before 分别 (门诊人次、住院人次分别增长…) share it out among
    // themselves.
    let compared = ["相比", "对比", "比较", "同比"]
        .iter()
        .any(|w| sc[end..first].iter().collect::<String>().contains(w));
    let head_start = list_start(sc, clause_start(sc, 0, first));
    let listed = sc[head_start.max(end)..first]
        .iter()
        .any(|c| JOINERS.contains(c));
    // Or it follows its measure (县域内就诊率2021年、2022年、2023年分别为…), not a word that
    // makes the years a base of comparison (比2021年、2022年分别提高…).
    let opens = start <= 2
        || matches!(sc[start - 1], ',' | '，' | ' ')
        || crate::lexicon::is_han(sc[start - 1])
            && (!"比较于与同自从由至到在及和".contains(sc[start - 1])
                || sc[..start].ends_with(&['占', '比']));
    if compared || listed || !opens {
        return;
    }
    let marks: Vec<usize> = (0..sc.len().saturating_sub(1))
        .filter(|&i| sc[i] == '分' && sc[i + 1] == '别')
        .collect();
    for (k, &p) in marks.iter().enumerate() {
        let end = marks
            .get(k + 1)
            .map_or(usize::MAX, |&n| offset + n)
            .min(values_end(sc, p, offset));
        let mut after: Vec<&mut Fact> = facts
            .iter_mut()
            .filter(|f| f.char_end > offset + p && f.char_end <= end)
            .collect();
        if after.len() != years.len() {
            continue;
        }
        after.sort_by_key(|f| f.char_end);
        // One measure before 分别 (总诊疗人次分别为A、B、C), or before the years (县域内就诊率
        // 2021年、2022年分别为A、B): each year's value is of it.
        let measure = after
            .first()
            .filter(|f| f.indicator_id.is_some())
            .map(|f| (f.indicator_id.clone(), f.indicator_text.clone(), f.unit))
            .or_else(|| {
                let unit = after.first()?.unit;
                let before: String = sc[clause_start(sc, 0, start)..start].iter().collect();
                matcher
                    .find(&before)
                    .iter()
                    .rev()
                    .find_map(|h| match h.target {
                        Target::Indicator { index } => {
                            let id = matcher.indicator_id(index);
                            let text: String =
                                before.chars().skip(h.start).take(h.end - h.start).collect();
                            (matcher.unit_of(&id) == unit).then_some((Some(id), Some(text), unit))
                        }
                        _ => None,
                    })
            });
        for (f, &y) in after.into_iter().zip(&years) {
            f.year = Some(y);
            f.year_flag = None;
            // 出院人数分别为21.6万人、…: people stand for person-times as for the first.
            let people = |u: countypanel_core::vocab::Unit| {
                use countypanel_core::vocab::Unit::{Person, PersonTime};
                matches!(u, Person | PersonTime)
            };
            if let Some((id, text, unit)) = &measure
                && f.indicator_id.is_none()
                && (f.unit == *unit || people(f.unit) && people(*unit))
            {
                f.indicator_id.clone_from(id);
                f.indicator_text.clone_from(text);
                f.unit = *unit;
                f.rule = Rule::Respectively;
            }
        }
    }
}

/// Where the values listed after the 分别 at `p` end (document offset; the sentence starts at
/// `offset`): at the end of their clause, 、 and 和 joining them.
fn values_end(sc: &[char], p: usize, offset: usize) -> usize {
    (p..sc.len())
        .find(|&i| matches!(sc[i], ',' | '，' | ';' | '；' | '。'))
        .map_or(usize::MAX, |i| offset + i)
}

/// Marks between the first and the last year of a range (2021—2023年, 2021年至2023年).
const RANGE_MARKS: &[char] = &['—', '–', '-', '－', '~', '～', '至', '到'];

/// The years of a list written out (2022年和2023年, 2021年、2022年、2023年): the first such list,
/// and where it starts and ends.
pub(crate) fn listed_years(sc: &[char]) -> Option<(Vec<i32>, usize, usize)> {
    let year_at =
        |i: usize| crate::time::year_digits_at(sc, i).filter(|_| sc.get(i + 4) == Some(&'年'));
    for i in 0..sc.len() {
        let Some(y) = year_at(i) else { continue };
        let mut years = vec![y];
        let mut j = i + 5;
        while sc.get(j).is_some_and(|c| JOINERS.contains(c))
            && let Some(next) = year_at(j + 1)
        {
            years.push(next);
            j += 6;
        }
        if years.len() >= 2 {
            return Some((years, i, j));
        }
        // 2021年—2023年, 2021年至2023年: every year of the range.
        if sc.get(i + 5).is_some_and(|c| RANGE_MARKS.contains(c))
            && let Some(last) = year_at(i + 6)
            && (y + 1..=y + 9).contains(&last)
        {
            return Some(((y..=last).collect(), i, i + 11));
        }
    }
    // 2021—2023年: the first year without its 年.
    for i in 0..sc.len().saturating_sub(9) {
        let Some(y) = crate::time::year_digits_at(sc, i) else {
            continue;
        };
        if sc.get(i + 4).is_some_and(|c| RANGE_MARKS.contains(c))
            && let Some(last) = year_at(i + 5)
            && (y + 1..=y + 9).contains(&last)
        {
            return Some(((y..=last).collect(), i, i + 10));
        }
    }
    None
}

/// Gives each rate after 分别 the measure listed at its place before it, or the subject listed
/// there with the measure they share.
pub(crate) fn distribute(matcher: &PhraseMatcher, facts: &mut [Fact], sc: &[char], offset: usize) {
    // Each 分别 of the sentence with its own list (卫生机构床位、卫生技术人员分别为2136张、2618人,
    // 其中执业(助理)医师、注册护士分别为1052人、1003人).
    let mut from = 0;
    while let Some(k) = respectively_at(&sc[from..]) {
        distribute_at(matcher, facts, sc, offset, from + k);
        from += k + 2;
    }
}

/// [`distribute`] of the 分别 at `p`.
fn distribute_at(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
    p: usize,
) {
    let (head_start, head) = list_head(sc, p);
    let mut subjects: Vec<String> = list_items(&head).into_iter().map(str::to_string).collect();
    // A year between the list and 分别 (…2型糖尿病患者规范管理率2022年分别为…) is no part of the
    // last measure (the sentence's years date the values).
    if let Some(last) = subjects.last_mut()
        && let Some((rest, tail)) = last
            .char_indices()
            .rev()
            .nth(4)
            .map(|(k, _)| last.split_at(k))
        && tail.ends_with('年')
        && tail[..tail.len() - '年'.len_utf8()]
            .chars()
            .all(|c| c.is_ascii_digit())
        && !rest.is_empty()
    {
        *last = rest.to_string();
    }
    if subjects.len() >= 2
        && measures_in_full(
            matcher,
            facts,
            &subjects,
            offset + p,
            values_end(sc, p, offset),
        )
    {
        return;
    }
    // Years listed (2021年、2022年、2023年全县…发病率分别为…) date the values, which
    // [`distribute_years`] pairs with them.
    if subjects.len() >= 2
        && subjects[..subjects.len() - 1]
            .iter()
            .all(|s| s.chars().count() == 5 && s.ends_with('年'))
    {
        return;
    }
    let next = respectively_at(&sc[p + 2..]).map_or(usize::MAX, |k| offset + p + 2 + k);
    let mut rates: Vec<&mut Fact> = facts
        .iter_mut()
        .filter(|f| f.char_end > offset + p && f.char_end <= next && f.unit.is_rate())
        .collect();
    if subjects.len() == 1 && rates.len() >= 2 {
        counted_subjects(matcher, sc, head_start, &subjects[0], &mut rates);
        return;
    }
    if subjects.len() < 2 || subjects.len() != rates.len() {
        return;
    }
    // The last item holds the last subject and the measure they share: the longest ending of
    // it that is a catalog phrase as a whole (孕产妇健康管理率 → 孕产妇 + 健康管理率).
    let Some(last) = subjects.pop() else { return };
    // A measure the subjects complete (规范管理率) before one that names a subject of its own
    // (高血压、2型糖尿病患者规范管理率: not 2型 + 糖尿病患者规范管理率).
    let chars: Vec<char> = last.chars().collect();
    let ending = |generic: bool| {
        (1..chars.len()).find(|&k| {
            let measure: String = chars[k..].iter().collect();
            let n = chars.len() - k;
            matcher.find(&measure).iter().any(|h| {
                h.start == 0
                    && h.end == n
                    && match h.target {
                        Target::Generic { .. } => true,
                        Target::Indicator { .. } => !generic,
                        Target::Region(_) => false,
                    }
            })
        })
    };
    // Places listed (彭阳县、泾源县孕产妇系统管理率) share the whole measure.
    let places = matches!(
        matcher.find(&subjects[0]).as_slice(),
        [h] if matches!(h.target, Target::Region(_))
    );
    let found = if places {
        ending(false)
    } else {
        ending(true).or_else(|| ending(false))
    };
    let Some(k) = found else {
        return;
    };
    let measure: String = chars[k..].iter().collect();
    subjects.push(chars[..k].iter().collect());
    for (subject, f) in subjects.into_iter().zip(rates) {
        // 崆峒区、泾川县签约率分别为55.1%和53.8%: places listed, each with its own figure.
        if let [h] = matcher.find(&subject).as_slice()
            && let Target::Region(name) = &h.target
            && h.start == 0
            && h.end == subject.chars().count()
        {
            f.region_name = Some(name.to_string());
            f.region_subject = true;
        }
        f.indicator_id = if mentions_other_domain(&subject) && !mentions_health(&subject) {
            None
        } else {
            rate_indicator(matcher, &format!("{subject}{measure}"))
        };
        f.health = f.indicator_id.is_some() || mentions_health(&subject);
        f.indicator_text = Some(format!("{subject}{measure}"));
        f.subject = Some(subject);
        f.rule = Rule::Respectively;
    }
}

/// Density prefixes a list's first measure may hold for all of its items (每千人口执业(助理)医师、
/// 注册护士分别为2.96人、3.52人: both per thousand people).
const DENSITY_PREFIXES: &[&str] = &[
    "每千人口拥有",
    "每千常住人口",
    "每千人口",
    "每万人口拥有",
    "每万常住人口",
    "每万人口",
];

/// When each item of the list names its measure in full (婴儿死亡率、5岁以下儿童死亡率; 每千人口
/// 执业(助理)医师、注册护士, whose 每千人口 holds for both), pairs the items with the values after
/// 分别 (from `after` to `end`, changes aside) in order, in any unit, and says whether it did.
fn measures_in_full(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    subjects: &[String],
    after: usize,
    end: usize,
) -> bool {
    let density = DENSITY_PREFIXES
        .iter()
        .find(|d| subjects[0].starts_with(**d))
        .copied();
    let items: Vec<String> = subjects
        .iter()
        .map(|item| match density {
            Some(d) if !item.starts_with('每') => format!("{d}{item}"),
            _ => item.clone(),
        })
        .collect();
    // The values listed after 分别, up to the end of their clause (not 孕产妇住院分娩率99.8% after
    // 分别为0、3.05‰和4.21‰,).
    let mut values: Vec<&mut Fact> = facts
        .iter_mut()
        .filter(|f| f.char_end > after && f.char_end <= end && !f.change)
        .collect();
    if items.len() != values.len() {
        return false;
    }
    // 甲乙类法定报告传染病发病率和死亡率: a bare later item shares the first item's words before
    // its own measure (甲乙类法定报告传染病死亡率).
    let first: Vec<char> = items[0].chars().collect();
    // A zero is one in any rate's unit: it takes its measure's.
    // So is a count in 个, which counts institutions, teams or items as its measure does
    // (医院、乡镇卫生院、村卫生室分别为9个、25个、432个).
    let units = |f: &Fact| {
        use countypanel_core::vocab::Unit as U;
        let mut u = vec![f.unit];
        if f.value == 0.0 && f.unit.is_rate() {
            u.extend([U::Per100k, U::PerMille, U::Percent]);
        }
        if f.value_text.trim_end().ends_with('个') {
            u.extend([U::Institution, U::Team, U::Item, U::Other]);
        }
        // 出院人数…4.87万人: discharges counted in people.
        if f.unit == U::Person {
            u.push(U::PersonTime);
        }
        u
    };
    let own: Option<Vec<(String, String)>> = items
        .iter()
        .zip(&values)
        .map(|(item, f)| {
            units(f).into_iter().find_map(|unit| {
                own_measure(matcher, item, unit).or_else(|| {
                    (1..first.len()).rev().find_map(|j| {
                        let prefix: String = first[..j].iter().collect();
                        own_measure(matcher, &format!("{prefix}{item}"), unit)
                    })
                })
            })
        })
        .collect();
    let Some(own) = own else { return false };
    for ((text, id), f) in own.into_iter().zip(values.iter_mut()) {
        // Whatever unit the value was read in, it takes its measure's (a zero, a count in 个,
        // discharges counted in 人).
        f.unit = matcher.unit_of(&id);
        f.indicator_id = Some(id);
        f.indicator_text = Some(text);
        f.subject = None;
        f.health = true;
        f.rule = Rule::Respectively;
    }
    true
}

/// One measure after the subjects counted in the clause before it (管理高血压患者3.12万人、
/// 2型糖尿病患者0.86万人,规范管理率分别为76.2%和74.5%): each rate is the measure of the subject
/// counted at its place, when the catalog has the subject's measure for every one of them.
fn counted_subjects(
    matcher: &PhraseMatcher,
    sc: &[char],
    head_start: usize,
    measure: &str,
    rates: &mut [&mut Fact],
) {
    let Some(end) = head_start.checked_sub(1) else {
        return;
    };
    let mut from = list_start(sc, clause_start(sc, 0, end));
    let list: String = sc[from..end].iter().collect();
    let mut items: Vec<String> = list.split(JOINERS).map(|i| i.trim().to_string()).collect();
    // 高血压患者管理人数2.36万人,糖尿病患者0.52万人,规范管理率分别为…: the counted clauses
    // before it, each with its number, when commas part them.
    while items.len() < rates.len() && from > 0 && matches!(sc[from - 1], ',' | '，') {
        let start = clause_start(sc, 0, from - 1);
        let clause: String = sc[start..from - 1].iter().collect();
        if !clause.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        items.insert(0, clause.trim().to_string());
        from = start;
    }
    if items.len() != rates.len() {
        return;
    }
    let named: Option<Vec<(String, String)>> = items
        .iter()
        .map(|item| {
            // 高血压患者管理人数2.36万人: the patients, not the count's own measure words.
            let noun = counted_noun(item);
            let noun = ["规范管理人数", "管理人数", "人数"]
                .iter()
                .find_map(|w| noun.strip_suffix(w))
                .unwrap_or(noun);
            let chars: Vec<char> = noun.chars().collect();
            // The shortest ending that names a measure: the subject without the verbs before
            // it (累计管理高血压患者 → 高血压患者).
            (0..chars.len()).rev().find_map(|k| {
                let subject: String = chars[k..].iter().collect();
                let id = rate_indicator(matcher, &format!("{subject}{measure}"))?;
                Some((subject, id))
            })
        })
        .collect();
    let Some(named) = named else { return };
    for ((subject, id), f) in named.into_iter().zip(rates.iter_mut()) {
        f.indicator_id = Some(id);
        f.indicator_text = Some(format!("{subject}{measure}"));
        f.subject = Some(subject);
        f.health = true;
        f.rule = Rule::Respectively;
    }
}

/// An item of a list of counts without its number and unit (2型糖尿病患者0.86万人 → 2型糖尿病患者).
fn counted_noun(item: &str) -> &str {
    let trimmed = item.trim_end_matches(|c: char| !c.is_ascii_digit());
    if trimmed.is_empty() {
        return item;
    }
    trimmed.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
}

/// The catalog measure an item of a list ends with, whole and in the unit of the value paired
/// with it (全县婴儿死亡率 → 婴儿死亡率), as its phrase and indicator id.
fn own_measure(
    matcher: &PhraseMatcher,
    item: &str,
    unit: countypanel_core::vocab::Unit,
) -> Option<(String, String)> {
    let n = item.chars().count();
    let hit = matcher.find(item).into_iter().next_back()?;
    let Target::Indicator { index } = hit.target else {
        return None;
    };
    let id = matcher.indicator_id(index);
    (hit.end == n && matcher.unit_of(&id) == unit).then(|| {
        let text: String = item.chars().skip(hit.start).collect();
        (text, id)
    })
}

/// A second 分别 in a sentence whose head names no place (宁城县、敖汉旗床位数分别为2860张、2150张,
/// 每千人口床位数分别为4.9张、3.6张): its values are the places the first 分别 listed, in order.
pub(crate) fn places_again(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
) {
    let Some(first) = respectively_at(sc) else {
        return;
    };
    let Some(second) = respectively_at(&sc[first + 2..]).map(|k| k + first + 2) else {
        return;
    };
    let Some(places) = places_listed(matcher, sc, first) else {
        return;
    };
    let own_head: String = sc[clause_start(sc, 0, second)..second].iter().collect();
    if matcher
        .find(&own_head)
        .iter()
        .any(|h| matches!(h.target, Target::Region(_)))
    {
        return;
    }
    let end = values_end(sc, second, offset);
    let mut values: Vec<&mut Fact> = facts
        .iter_mut()
        .filter(|f| f.char_end > offset + second && f.char_end <= end && !f.change)
        .collect();
    if values.len() != places.len() {
        return;
    }
    values.sort_by_key(|f| f.char_end);
    name_values_by_the_first(&mut values);
    for (f, place) in values.into_iter().zip(places) {
        f.region_name = Some(place);
        f.region_subject = true;
    }
}

/// Values listed after a measure and 分别, in one unit: the measure named the first, and names
/// the others that no phrase of their own named (参合人数分别为35.2万人、39.8万人).
fn name_values_by_the_first(values: &mut [&mut Fact]) {
    let Some(first) = values.first() else {
        return;
    };
    let (id, text, unit) = (
        first.indicator_id.clone(),
        first.indicator_text.clone(),
        first.unit,
    );
    if id.is_none() || values.iter().any(|f| f.unit != unit) {
        return;
    }
    for f in values.iter_mut().skip(1) {
        if f.indicator_id.is_none() {
            f.indicator_id.clone_from(&id);
            f.indicator_text.clone_from(&text);
            f.health = true;
            f.rule = Rule::Respectively;
        }
    }
}

/// A sentence opening with a count of places (三县(市), 两区, 上述3个县), which takes up those
/// the sentence before listed (泸西县、弥勒市、建水县医疗卫生资源稳步增长。三县(市)每千人口执业
/// (助理)医师数分别为2.31人、1.96人和2.45人): each 分别's values are those places', in order. The
/// count must match the places listed and each list of values.
pub(crate) fn places_named_before(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
    prev: &[char],
    prev_joined: bool,
) {
    let Some(first) = respectively_at(sc) else {
        return;
    };
    let head: String = sc[..first].iter().collect();
    if matcher
        .find(&head)
        .iter()
        .any(|h| matches!(h.target, Target::Region(_)))
    {
        return;
    }
    let places = match count_of_places_opening(sc) {
        // 瑞金、于都、兴国三县(市)…分别: the places named by their short names before the count.
        None if let Some(places) = short_names_counted(matcher, sc, first) => places,
        Some(n) => {
            let prev: String = prev.iter().collect();
            let mut places: Vec<String> = Vec::new();
            for h in matcher.find(&prev) {
                if let Target::Region(name) = h.target
                    && !places.iter().any(|p| **p == *name)
                {
                    places.push(name.to_string());
                }
            }
            if places.len() != n {
                return;
            }
            places
        }
        // …床位数分别为7.9张、8.3张;每千人口执业(助理)医师数分别为2.65人、2.83人: a measure and
        // 分别 opening a sentence joined by ； to one whose 分别 listed places take those places.
        None if prev_joined && clause_start(sc, 0, first) == 0 => {
            let Some(p) = respectively_at(prev) else {
                return;
            };
            match places_listed(matcher, prev, p) {
                Some(places) => places,
                None => return,
            }
        }
        None => return,
    };
    let n = places.len();
    let mut from = 0;
    while let Some(p) = respectively_at(&sc[from..]).map(|k| k + from) {
        let end = values_end(sc, p, offset);
        let mut values: Vec<&mut Fact> = facts
            .iter_mut()
            .filter(|f| f.char_end > offset + p && f.char_end <= end && !f.change)
            .collect();
        if values.len() == n {
            values.sort_by_key(|f| f.char_end);
            // The measure right before this 分别, when the first value took none of it.
            if values[0].indicator_id.is_none()
                && let Some((text, id)) = own_measure(
                    matcher,
                    &sc[clause_start(sc, 0, p)..p].iter().collect::<String>(),
                    values[0].unit,
                )
            {
                values[0].indicator_id = Some(id);
                values[0].indicator_text = Some(text);
                values[0].health = true;
                values[0].rule = Rule::Respectively;
            }
            name_values_by_the_first(&mut values);
            for (f, place) in values.into_iter().zip(&places) {
                f.region_name = Some(place.clone());
                f.region_subject = true;
            }
        }
        from = p + 2;
    }
}

/// Places listed by their short names before a count of them (瑞金、于都、兴国三县(市)…分别), in the
/// clause of the 分别 at `p`: each name a county's that the count's number matches.
fn short_names_counted(matcher: &PhraseMatcher, sc: &[char], p: usize) -> Option<Vec<String>> {
    let start = crate::segment::list_start(sc, clause_start(sc, 0, p));
    let words: String = sc[start..p].iter().collect();
    let items: Vec<&str> = words.split('、').map(str::trim).collect();
    let (last, names) = items.split_last()?;
    // The last item: a short name, then the count (兴国三县(市)…).
    let cut = last.char_indices().nth(2).map(|(k, _)| k)?;
    let (last_name, rest) = if count_at(&last[cut..]).is_some() {
        (&last[..cut], &last[cut..])
    } else {
        let cut3 = last.char_indices().nth(3).map(|(k, _)| k)?;
        (&last[..cut3], &last[cut3..])
    };
    let n = count_at(rest)?;
    let mut places = Vec::new();
    for name in names.iter().chain(std::iter::once(&last_name)) {
        let count = name.chars().count();
        if !(2..=3).contains(&count) || !name.chars().all(crate::lexicon::is_han) {
            return None;
        }
        places.push(matcher.latest_region_by_short_name(name)?.to_string());
    }
    (places.len() == n && n >= 2).then_some(places)
}

/// The number a count of places opens `text` with (三县, 两区, 4个县), if two or more.
fn count_at(text: &str) -> Option<usize> {
    let chars: Vec<char> = text.chars().collect();
    count_of_places_opening(&chars)
}

/// The number of places a sentence opens with when it counts them instead of naming them
/// (三县(市), 两区, 上述3个县, 这四个旗), if two or more.
fn count_of_places_opening(sc: &[char]) -> Option<usize> {
    let mut i = sc.iter().take_while(|c| c.is_whitespace()).count();
    for w in ["上述", "以上", "这"] {
        let w: Vec<char> = w.chars().collect();
        if sc[i..].starts_with(&w) {
            i += w.len();
            break;
        }
    }
    let n = match *sc.get(i)? {
        c @ '2'..='9' => c.to_digit(10)? as usize,
        '两' | '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    i += 1;
    if sc.get(i) == Some(&'个') {
        i += 1;
    }
    matches!(sc.get(i)?, '县' | '区' | '旗' | '市' | '地').then_some(n)
}

/// Places listed before a count's measure and 分别 (原州区、西吉县、彭阳县医疗卫生机构实有床位分别为
/// 2860张、1745张、986张): each takes its count of that measure, in order. Rates listed so are
/// shared out by [`distribute`].
pub(crate) fn regions_with_their_measure(
    matcher: &PhraseMatcher,
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
) {
    let Some(p) = respectively_at(sc) else {
        return;
    };
    let (head_start, head) = list_head(sc, p);
    // 实有床位11436张,其中乐都区、平安区…分别为2610张、…: the places split the total before
    // 其中, in its measure.
    let parts = head.trim_start().starts_with(crate::lexicon::PART);
    let head = head
        .trim_start()
        .trim_start_matches(crate::lexicon::PART)
        .trim_start_matches([',', '，', ':', '：']);
    let total = facts
        .iter()
        .filter(|g| parts && g.indicator_id.is_some() && g.char_end <= offset + head_start)
        .max_by_key(|g| g.char_end)
        .filter(|g| offset + head_start - g.char_end <= 2)
        .map(|g| (g.indicator_id.clone(), g.indicator_text.clone(), g.unit));
    let items = list_items(head);
    let Some((last, places)) = items.split_last().filter(|(_, rest)| !rest.is_empty()) else {
        return;
    };
    let Some(mut places) = places
        .iter()
        .map(|item| region_opening(matcher, item, true).map(|(name, _)| name))
        .collect::<Option<Vec<String>>>()
    else {
        return;
    };
    let Some((last_place, end)) = region_opening(matcher, last, false) else {
        return;
    };
    let measure: String = last.chars().skip(end).collect();
    if measure.is_empty() && total.is_none() {
        return;
    }
    places.push(last_place);
    let list_end = values_end(sc, p, offset);
    let mut values: Vec<&mut Fact> = facts
        .iter_mut()
        .filter(|f| f.char_end > offset + p && f.char_end <= list_end)
        .collect();
    if values.len() != places.len() || values.iter().any(|f| f.unit.is_rate()) {
        return;
    }
    values.sort_by_key(|f| f.char_end);
    let unit = values[0].unit;
    let of_total = total
        .and_then(|(id, text, u)| (u == unit).then_some(id.map(|id| (id, text))))
        .flatten()
        .filter(|_| measure.is_empty());
    let named = of_total
        .or_else(|| {
            values[0]
                .indicator_id
                .clone()
                .map(|id| (id, values[0].indicator_text.clone()))
        })
        .or_else(|| {
            matcher
                .find(&measure)
                .into_iter()
                .rev()
                .find_map(|h| match h.target {
                    Target::Indicator { index }
                        if matcher.unit_of(&matcher.indicator_id(index)) == unit =>
                    {
                        Some((matcher.indicator_id(index), Some(measure.clone())))
                    }
                    _ => None,
                })
        });
    let Some((id, text)) = named else {
        return;
    };
    if values.iter().any(|f| f.unit != unit) {
        return;
    }
    for (f, place) in values.into_iter().zip(places) {
        f.indicator_id = Some(id.clone());
        f.indicator_text.clone_from(&text);
        f.region_name = Some(place);
        f.region_subject = true;
        f.health = true;
        f.rule = Rule::Respectively;
    }
}
