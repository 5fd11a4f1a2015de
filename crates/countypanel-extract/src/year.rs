//! The year of a fact: stated in its sentence, carried from the paragraph, heading or section
//! before it, or taken from the publication date; and why, when it is not stated.

use crate::DocContext;
use crate::kind::Kind;
use crate::time::{self, YearMention, Ymd};
use countypanel_core::vocab::YearFlag;

/// What the whole document says about years, decided once before its sentences are read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocYears {
    /// The year the report was written: its publication date, or else its latest 截至 date.
    pub published: Option<i32>,
    /// The year an undated status refers to.
    pub default: Option<i32>,
    /// Where `default` comes from.
    pub default_flag: YearFlag,
    /// The year the title names for the document's undated aims: the titled year, which for a
    /// work conference or a government work report is the one after `default`.
    pub aims: Option<i32>,
    /// A year written with five or more digits (202223年) is what a broken template leaves
    /// behind; once a document shows one, none of its years can be trusted.
    pub untrusted: bool,
    /// Published in the first quarter of its year: the year's results are not in yet.
    pub written_early: bool,
    /// The year a plan's aims for 全年 or 年底 are of: the last year its title names (平安县2024年
    /// 卫生健康工作要点, put online late in 2023), else the year 今年 counts from.
    pub whole_year: Option<i32>,
    /// The year 今年, 去年 and 明年 count from: the publication year, except in a review of one
    /// year put online in the first two months of the next (a 2023年工作总结 of 2024-01-10 was
    /// written at the end of 2023: its 今年以来 is 2023).
    pub relative: Option<i32>,
}

impl DocYears {
    pub(crate) fn of(chars: &[char], ctx: &DocContext) -> Self {
        // Without a publication date, the latest 截至 date of the text stands in for it: a report
        // stating 截至2019年10月底 was written in 2019.
        // So does a stock stated at a year's end (2022年末，全县有医疗卫生机构312个): a yearbook's
        // entry is written at the end of the year it describes or after it.
        let as_of_reference = if ctx.published.is_none() {
            (0..chars.len())
                .filter_map(|i| match chars[i] {
                    '截' => time::as_of_at(chars, i).map(|(y, _, _)| y),
                    '年' => year_end_stock(chars, i),
                    _ => None,
                })
                .max()
        } else {
            None
        };
        let published = ctx.published.map(|(y, _, _)| y).or(as_of_reference);
        // A title that names the year a report covers dates its undated figures (2022年国民经济
        // 和社会发展统计公报, 2021年工作总结); a government work report named for year Y is given
        // at the Y session and looks back on Y - 1. Plans are dated by their own sentences.
        // So is a speech or a report at a year's work conference (在2024年全县卫生健康工作会议
        // 上的讲话): it reviews the year before and sets the aims of its own.
        let titled = ctx.title.as_deref().and_then(|t| {
            let y = title_year(t)?;
            let y = if looks_back(t) { y - 1 } else { y };
            let plan = ["计划", "规划", "要点", "方案"]
                .iter()
                .any(|w| t.contains(w))
                && !t.contains("总结");
            (!plan && published.is_none_or(|p| y <= p)).then_some(y)
        });
        Self {
            published,
            aims: titled.map(|y| {
                if ctx.title.as_deref().is_some_and(looks_back) {
                    y + 1
                } else {
                    y
                }
            }),
            default: titled.or_else(|| {
                // A review published in the first quarter looks back on the year before; a news
                // item speaks of its own time.
                let review = ctx
                    .title
                    .as_deref()
                    .is_none_or(|t| REVIEW_WORDS.iter().any(|w| t.contains(w)));
                // A statistical bulletin comes out by the middle of the year after the one it
                // reports on.
                let opening: String = chars.iter().take(400).collect();
                let bulletin = ctx.title.as_deref().is_some_and(|t| {
                    ["统计局", "统计公报", "调查队"]
                        .iter()
                        .any(|w| t.contains(w))
                }) || opening.contains("统计公报");
                // Nor does an item of the first quarter that dates its figures at the end of
                // the year before, and at no later date (本报讯 …截至2023年底,我市…, put online
                // in January).
                let year_end_data = |y: i32| {
                    let mut dates = (0..chars.len())
                        .filter(|&i| chars[i] == '截')
                        .filter_map(|i| time::as_of_at(chars, i))
                        .peekable();
                    dates.peek().is_some() && dates.all(|(dy, dm, _)| dy == y - 1 && dm == 12)
                };
                ctx.published
                    .map(|(y, m, _)| {
                        if (m <= 3 && (review || year_end_data(y))) || (m <= 6 && bulletin) {
                            y - 1
                        } else {
                            y
                        }
                    })
                    .or(as_of_reference)
            }),
            default_flag: if titled.is_some() {
                YearFlag::Title
            } else if ctx.published.is_some() {
                YearFlag::Published
            } else {
                YearFlag::AsOfReference
            },
            untrusted: has_malformed_year(chars),
            written_early: ctx.published.is_some_and(|(_, m, _)| m <= 3),
            whole_year: ctx
                .title
                .as_deref()
                .filter(|t| {
                    ["计划", "规划", "要点", "方案"]
                        .iter()
                        .any(|w| t.contains(w))
                })
                .and_then(last_title_year),
            relative: ctx
                .published
                .and_then(|(y, m, _)| {
                    let t = ctx.title.as_deref()?;
                    let covered = title_year(t)?;
                    (m <= 2
                        && covered == y - 1
                        && last_title_year(t) == Some(covered)
                        && ["总结", "回顾", "情况", "报告"]
                            .iter()
                            .any(|w| t.contains(w)))
                    .then_some(covered)
                })
                .or(published),
        }
    }
}

/// Whether a title names the year of the session it was given at, which looks back on the year
/// before (2024年政府工作报告, 在2024年全县卫生健康工作会议上的讲话).
pub(crate) fn looks_back(title: &str) -> bool {
    title.contains("政府工作报告")
        || (title.contains("工作会议")
            && ["讲话", "报告", "召开"].iter().any(|w| title.contains(w))
            // A meeting halfway through the year (上半年工作会议, 年中) looks at its own.
            && !["半年", "年中", "季度", "月"].iter().any(|w| title.contains(w)))
}

/// Years carried into a sentence from what came before it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Carried {
    /// The last year of the paragraph so far.
    pub paragraph: Option<i32>,
    /// Whether that last year was malformed.
    pub paragraph_malformed: bool,
    /// The deadline a sentence of the paragraph opened with (到2025年,基本建成…).
    pub paragraph_deadline: Option<i32>,
    /// The year of the last heading that named one.
    pub heading: Option<i32>,
    /// That heading's ordinal level (一、 above (一)), when it is numbered: a numbered heading
    /// of its level or above that names no year ends its year.
    pub heading_level: Option<u8>,
    /// The year of the section: a heading year or a sentence that opens with a year.
    pub section: Option<i32>,
    /// Whether that year came from a sentence: the next numbered heading closes it.
    pub section_from_sentence: bool,
}

/// The year of a number starting at `q_start` of its sentence and the flag that says where it
/// came from: a year before the number in the sentence, else after it, else carried over. A
/// target is dated by its own sentence or a year heading only: a plan's horizon does not date
/// each of its targets.
pub(crate) fn resolve(
    years: &[YearMention],
    q_start: usize,
    kind: Kind,
    carried: Carried,
    doc: DocYears,
) -> (Option<i32>, Option<YearFlag>) {
    let malformed_or = |m: &YearMention, flag| {
        if m.year.is_none() {
            Some(YearFlag::Malformed)
        } else {
            flag
        }
    };
    let stated = years
        .iter()
        .rfind(|m| m.end <= q_start)
        .map(|m| (m.year, malformed_or(m, None)))
        .or_else(|| {
            years
                .iter()
                .find(|m| m.end > q_start)
                .map(|m| (m.year, malformed_or(m, Some(YearFlag::LaterInSentence))))
        });
    if doc.untrusted {
        (None, Some(YearFlag::DocumentYearsMalformed))
    } else if let Some(s) = stated {
        s
    } else if kind == Kind::Target {
        // A target is dated by a deadline a sentence of its paragraph opened with (到2025年,基本
        // 建成…。全县床位数达到5200张), by a year heading, or by the one year the document's
        // title names (实施2019年重点民生实事项目…完成情况): never by a plan's horizon or its
        // publication.
        if let Some(y) = carried
            .paragraph_deadline
            .filter(|&y| doc.published.is_some_and(|p| y > p))
        {
            return (Some(y), Some(YearFlag::Paragraph));
        }
        match (carried.heading, doc.aims) {
            (Some(y), _) => (Some(y), Some(YearFlag::Heading)),
            (None, Some(y)) if doc.default_flag == YearFlag::Title => {
                (Some(y), Some(YearFlag::Title))
            }
            _ => (None, Some(YearFlag::TargetUndated)),
        }
    } else if carried.paragraph_malformed {
        (None, Some(YearFlag::Malformed))
    } else if let Some(y) = carried.paragraph {
        (Some(y), Some(YearFlag::Paragraph))
    } else if let Some(y) = carried.section {
        (Some(y), Some(YearFlag::Section))
    } else if let Some(y) = doc.default {
        (Some(y), Some(doc.default_flag))
    } else {
        (None, Some(YearFlag::Unknown))
    }
}

/// A fact stated for every year of a range (2010至2012连续三年…参合率都在99%以上) is a fact of each
/// of those years: facts after the range (document offset `after`) dated its last year are
/// repeated for the years before, flagged `each_year_of_range`.
pub(crate) fn spread_over_range(facts: &mut Vec<crate::Fact>, after: usize, low: i32, high: i32) {
    let mut extra = Vec::new();
    for f in facts
        .iter()
        .filter(|f| f.char_start >= after && f.year == Some(high))
    {
        for y in low..high {
            let mut g = f.clone();
            g.year = Some(y);
            g.year_flag = Some(YearFlag::EachYearOfRange);
            extra.push(g);
        }
    }
    facts.extend(extra);
}

/// The year of a stock stated at its end, the 年 at `at` being that of `YYYY年末，` or
/// `YYYY年底全县…`: the year-end words followed by a comma or the area they speak of. A deadline
/// (到2025年底, 于2023年末前) is no such date.
fn year_end_stock(chars: &[char], at: usize) -> Option<i32> {
    if at < 4 || !matches!(chars.get(at + 1), Some('末' | '底')) {
        return None;
    }
    if !matches!(chars.get(at + 2), Some('，' | ',' | '全' | '我' | '共')) {
        return None;
    }
    let year = time::year_digits_at(chars, at - 4)?;
    // The year opens the statement: at the start of a line or after a heading's bracket, a
    // stop or a comma (not a deadline's 到 or 于, not text quoted in other marks).
    let before = at.checked_sub(5).map(|i| chars[i]);
    let opens = before.is_none_or(|c| c.is_whitespace() || "】]，,。；;：:".contains(c));
    if !opens {
        return None;
    }
    Some(year)
}

/// Marks the sums over several years in a sentence (“十三五”期间，全县累计投入卫生健康资金5.6亿元):
/// after a period that names its years (“十三五”期间, 2016年至2020年) an amount of money, and
/// after any period (近三年, 五年来 too) an amount or a count after a word that sums (累计, 共计:
/// `SUM_WORDS`), adds up those years. It is no one year's value and fills no year's cell. A point
/// in time or a year written after the period (截至2020年底, 2019年) dates what follows; rates and
/// levels are never sums.
pub(crate) fn mark_period_sums(
    facts: &mut [crate::Fact],
    sc: &[char],
    offset: usize,
    published: Option<i32>,
) {
    let Some((from, explicit)) = period_end(sc).or_else(|| since_earlier_year(sc, published))
    else {
        return;
    };
    // Values given year by year after 分别 (2021—2023年…支出分别为…) are no sums.
    if crate::respectively::respectively_at(sc)
        .is_some_and(|p| crate::respectively::listed_years(&sc[..p]).is_some())
    {
        return;
    }
    // A plan's period (规划期内,全县计划总投资约18.6亿元): its aims for money are sums too.
    let plan_period = sc[..from].ends_with(&['规', '划', '期']);
    for f in facts.iter_mut() {
        let end = f.char_end.saturating_sub(offset).min(sc.len());
        // Money aimed for over a period its years name (2024—2026年计划投入1.2亿元) is a sum
        // of them too.
        // (每年安排资金1000万元 is each year's.)
        if end <= from {
            continue;
        }
        let money_aim = explicit
            && f.unit == countypanel_core::vocab::Unit::Yuan
            && !sc[from..end].windows(2).any(|w| w == ['每', '年']);
        if f.unit.is_rate() || f.kind == Kind::Target && !plan_period && !money_aim {
            continue;
        }
        let between: String = sc[from..end].iter().collect();
        // Over a period since an earlier year, what was done (招聘, 新建) in the clause the
        // period opens sums its years too.
        let summed = SUM_WORDS.iter().any(|w| between.contains(w))
            || !explicit
                && DONE_WORDS.iter().any(|w| between.contains(w))
                && !sc[from..end]
                    .iter()
                    .any(|&c| crate::segment::separates_clauses(c));
        if [
            "截至",
            "截止",
            "年底",
            "年末",
            "目前",
            "现有",
            "达到",
            "增加到",
            "提高到",
        ]
        .iter()
        .any(|w| between.contains(w))
            // 累计达到38.6亿元 is still a sum.
            && !summed
        {
            continue;
        }
        // A year written between the period and the number dates it (“十三五”期间，2019年投入…).
        let dated = ["今年", "全年", "当年"].iter().any(|w| between.contains(w))
            || sc[from..end]
                .windows(5)
                .any(|w| w[4] == '年' && w[..4].iter().all(char::is_ascii_digit));
        if dated {
            continue;
        }
        let money = f.unit == countypanel_core::vocab::Unit::Yuan;
        if summed || money && explicit {
            f.year = None;
            f.year_flag = Some(YearFlag::PeriodSum);
        }
    }
}

/// Words that sum what follows them over the period (累计投入, 共新建); 共 alone is too often part
/// of another word (公共卫生, 医共体, 共有).
const SUM_WORDS: &[&str] = &[
    "累计",
    "共计",
    "合计",
    "总计",
    "共投入",
    "共新建",
    "共完成",
    "共筹措",
    "共争取",
    "共培训",
    "共招聘",
    "共实施",
];

/// Words of things done whose counts over a period since an earlier year are sums of its
/// years (2021年以来全旗公开招聘医务人员186名).
const DONE_WORDS: &[&str] = &[
    "招聘",
    "招录",
    "引进",
    "培训",
    "新建",
    "改扩建",
    "建成",
    "投入",
    "新增",
    "培养",
];

/// Where the first period of several years in a sentence ends, if it names one, and whether it
/// names its years outright (a five-year plan's period, 2016年至2020年) rather than loosely (近三年,
/// 五年来).
fn period_end(sc: &[char]) -> Option<(usize, bool)> {
    const NUMERALS: &str = "两二三四五六七八九十几多23456789";
    // 规划期内, 规划期间: a plan's whole period (规划期末 is its end, a point in time).
    if let Some(i) = sc
        .windows(4)
        .position(|w| w[..3] == ['规', '划', '期'] && !matches!(w[3], '末' | '满'))
    {
        return Some((i + 3, true));
    }
    // 复审周期内, 创建周期内: the years a review or a campaign covers.
    if let Some(i) = sc
        .windows(3)
        .position(|w| w[..2] == ['周', '期'] && matches!(w[2], '内' | '间'))
    {
        return Some((i + 3, true));
    }
    for (i, &c) in sc.iter().enumerate() {
        let next = sc.get(i + 1).copied();
        let after = sc.get(i + 2).copied();
        let found = match c {
            // 十三五期间, “十四五”时期 (“十三五”以来 states what stands at the time of writing)
            '期' | '时' => {
                let word = matches!((c, next), ('期', Some('间')) | ('时', Some('期')));
                let before = &sc[i.saturating_sub(4)..i];
                let plan = before.iter().rev().find(|c| !matches!(c, '”' | '"' | '’'));
                (word && plan == Some(&'五') && before.contains(&'十')).then_some((i + 2, true))
            }
            // 近三年, 近3年; 近年来 too, though it mostly opens a statement of how things stand:
            // only what it sums (近年来累计投入资金1.2亿元) is no one year's.
            '近' => match (next, after) {
                (Some(n), Some('年')) if NUMERALS.contains(n) => Some((i + 3, false)),
                (Some('年'), Some('来')) => Some((i + 3, false)),
                _ => None,
            },
            // “十三五”以来: what it sums (累计投入资金42.8亿元) is no one year's.
            '以' if next == Some('来') => {
                let plan = sc[..i].iter().rev().find(|c| !matches!(c, '”' | '"' | '’'));
                (plan == Some(&'五') && sc[i.saturating_sub(4)..i].contains(&'十'))
                    .then_some((i + 2, false))
            }
            // 五年来, 多年来 (一年来 is the year under review)
            '年' if next == Some('来') && i >= 1 && NUMERALS.contains(sc[i - 1]) => {
                Some((i + 2, false))
            }
            // 三年累计, 三年间 (2023年累计 is a year's own)
            '年' if i >= 1
                && NUMERALS.contains(sc[i - 1])
                && (i < 2
                    || !(sc[i - 2].is_ascii_digit()
                        || "〇零一二三四五六七八九".contains(sc[i - 2])))
                && (next == Some('间') || next == Some('累') && after == Some('计')) =>
            {
                Some((i + 1, false))
            }
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    // 2016年至2020年, 2016-2020年.
    let year_at = |i: usize| time::year_digits_at(sc, i);
    for i in 0..sc.len().saturating_sub(4) {
        let Some(first) = year_at(i) else { continue };
        let mut j = i + 4;
        if sc.get(j) == Some(&'年') {
            j += 1;
        }
        if matches!(sc.get(j), Some('至' | '到' | '-' | '—' | '~'))
            && year_at(j + 1).is_some_and(|second| second > first)
            && sc.get(j + 5) == Some(&'年')
        {
            return Some((j + 6, true));
        }
    }
    None
}

/// Where a period from a year before the one of writing ends (2021年以来, 自2021年起): what is
/// summed over it (2021年以来累计投入资金1.36亿元) is no one year's.
fn since_earlier_year(sc: &[char], published: Option<i32>) -> Option<(usize, bool)> {
    let published = published?;
    (0..sc.len().saturating_sub(6)).find_map(|i| {
        let y = time::year_digits_at(sc, i)?;
        let after: String = sc[i + 4..sc.len().min(i + 8)].iter().collect();
        let end = ["年以来", "年起", "年至今"]
            .iter()
            .find(|w| after.starts_with(**w))
            .map(|w| i + 4 + w.chars().count())
            .or_else(|| crate::lexicon::period_closed_later(sc, i, i + 5))?;
        (y < published).then_some((end, false))
    })
}

/// Words of a title that make a document a review of a period (its undated figures in the first
/// quarter are the year before's).
const REVIEW_WORDS: &[&str] = &["总结", "回顾", "报告", "公报", "工作", "年鉴", "情况"];

/// A title with its years written in Chinese digits (二〇〇九年工作总结) written in Arabic ones.
fn arabic_years(title: &str) -> std::borrow::Cow<'_, str> {
    const DIGITS: &str = "〇零一二三四五六七八九";
    let chars: Vec<char> = title.chars().collect();
    let year_at = |i: usize| {
        chars
            .get(i..i + 4)
            .is_some_and(|w| w.iter().all(|c| DIGITS.contains(*c)))
            && chars.get(i + 4) == Some(&'年')
            && (i == 0 || !DIGITS.contains(chars[i - 1]))
    };
    if !(0..chars.len()).any(year_at) {
        return title.into();
    }
    let mut out = String::with_capacity(title.len());
    let mut i = 0;
    while i < chars.len() {
        if year_at(i) {
            for c in &chars[i..i + 4] {
                let d = DIGITS.chars().position(|x| x == *c).unwrap_or(0);
                // 〇 and 零 are both nought.
                out.push(char::from(
                    b'0' + u8::try_from(d.saturating_sub(1)).unwrap_or(0),
                ));
            }
            i += 4;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out.into()
}

/// The last year a title names with its 年 (2023年度及2024年1—6月…: 2024).
pub(crate) fn last_title_year(title: &str) -> Option<i32> {
    let title = arabic_years(title);
    let chars: Vec<char> = title.chars().collect();
    (0..chars.len().saturating_sub(4)).rev().find_map(|i| {
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        (before_ok && chars[i + 4] == '年' && chars[i..i + 4].iter().all(char::is_ascii_digit))
            .then(|| chars[i..i + 4].iter().collect::<String>().parse().ok())
            .flatten()
            .filter(|y| (1949..=2100).contains(y))
    })
}

/// The first year a title names (2022年, 2023年度).
fn title_year(title: &str) -> Option<i32> {
    let title = arabic_years(title);
    let chars: Vec<char> = title.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        let before_ok = i == 0 || !chars[i - 1].is_ascii_digit();
        // 2022年…, or a title that opens with the bare year (2022圆满收官), not with an amount
        // (2000余名…).
        let year_word = chars[i + 4] == '年'
            || (i == 0
                && !chars[i + 4].is_ascii_digit()
                && !"余多万亿千百个名人元家所张次项.%".contains(chars[i + 4]));
        (before_ok && year_word && digits.chars().all(|c| c.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
            .filter(|y| (1949..=2100).contains(y))
    })
}

/// Whether the text holds a year of five or more digits (202223年).
/// A table or figure caption whose number ran into its year when a page lost its spaces
/// (表22023年 for 表2 2023年) is not one.
fn has_malformed_year(chars: &[char]) -> bool {
    let mut run = 0;
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            run += 1;
        } else {
            let caption = i > run && matches!(chars[i - run - 1], '表' | '图');
            if c == '年' && run >= 5 && !caption {
                return true;
            }
            run = 0;
        }
    }
    false
}

/// Whether a year at `start` opens its sentence (only list markers before it).
pub(crate) fn opens_sentence(sc: &[char], start: usize) -> bool {
    let before = &sc[..start.min(sc.len())];
    // 截至2022年底,全县共有…: the date the section's stocks stand at.
    let before = ["截至", "截止", "截止到"]
        .iter()
        .find_map(|w| {
            let w: Vec<char> = w.chars().collect();
            before.strip_suffix(&w[..])
        })
        .unwrap_or(before);
    // 【概况】2018年,献县…: a yearbook entry's label stands before its year.
    let before = match before.first() {
        Some('【') => before
            .iter()
            .position(|&c| c == '】')
            .filter(|&e| e <= 12)
            .map_or(before, |e| &before[e + 1..]),
        _ => before,
    };
    before
        .iter()
        .all(|&c| !c.is_alphanumeric() || "一二三四五六七八九十".contains(c))
}

/// The as-of date (截至…) of a sentence.
pub(crate) fn as_of(sc: &[char]) -> Option<Ymd> {
    (0..sc.len())
        .find(|&i| sc[i] == '截')
        .and_then(|i| time::as_of_at(sc, i))
}

/// Whether the words before a sentence's subject are only a written year or nothing (2023年,
/// 截至2022年底,): the subject opens the sentence.
pub(crate) fn opening_words(words: &[char]) -> bool {
    let text: String = words.iter().filter(|c| !c.is_whitespace()).collect();
    let text = text.trim_end_matches([',', '，']);
    text.is_empty()
        || text.chars().count() <= 10
            && text.ends_with(['年', '底', '末'])
            && text.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_caption_run_into_its_year_is_no_malformed_year() {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        assert!(has_malformed_year(&chars("覆盖人口达202223年")));
        assert!(!has_malformed_year(&chars("表22023年农林牧渔业总产值")));
    }

    #[test]
    fn a_title_names_its_year_with_or_without_nian() {
        assert_eq!(title_year("平安县2022年卫生健康工作总结"), Some(2022));
        assert!(looks_back("在2024年全县卫生健康工作会议上的讲话"));
        assert!(!looks_back("平安县召开2024年上半年卫生健康工作会议"));
        assert_eq!(title_year("平安县卫生局二〇〇九年工作总结"), Some(2009));
        assert_eq!(
            last_title_year("二零二三年总结和二〇二四年计划"),
            Some(2024)
        );
        assert_eq!(title_year("2022圆满收官"), Some(2022));
        assert_eq!(title_year("2000余名医生下乡"), None);
        assert_eq!(title_year("9年新农合报销25亿元"), None);
    }

    #[test]
    fn a_stock_at_a_years_end_dates_an_undated_report_but_a_deadline_does_not() {
        let at = |s: &str| {
            let chars: Vec<char> = s.chars().collect();
            (0..chars.len()).find_map(|i| (chars[i] == '年').then(|| year_end_stock(&chars, i))?)
        };
        assert_eq!(at("【概况】2022年末，全县有医疗卫生机构312个"), Some(2022));
        assert_eq!(at("2021年底全县共有村卫生室268个"), Some(2021));
        assert_eq!(at("预计2025年底全县建成医共体"), None);
        assert_eq!(at("到2025年底，建成县域医共体"), None);
        assert_eq!(at("计划于2023年末前完工"), None);
        assert_eq!(at("2022年末常住人口"), None);
        assert_eq!(
            at("a bulletin whose decimals were stripped (`2010年末,,,%`)"),
            None
        );
    }

    fn doc(default: Option<i32>) -> DocYears {
        DocYears {
            published: default,
            default,
            default_flag: YearFlag::Published,
            aims: default,
            untrusted: false,
            written_early: false,
            whole_year: None,
            relative: default,
        }
    }

    fn mention(start: usize, year: Option<i32>) -> YearMention {
        YearMention {
            start,
            end: start + 5,
            year,
        }
    }

    #[test]
    fn the_year_before_the_number_wins_then_the_one_after() {
        let years = [mention(0, Some(2019)), mention(20, Some(2020))];
        let c = Carried::default();
        assert_eq!(
            resolve(&years, 10, Kind::Actual, c, doc(None)),
            (Some(2019), None)
        );
        assert_eq!(
            resolve(&years[1..], 10, Kind::Actual, c, doc(None)),
            (Some(2020), Some(YearFlag::LaterInSentence))
        );
    }

    #[test]
    fn carried_years_in_order_paragraph_section_publication() {
        let mut c = Carried {
            section: Some(2018),
            ..Carried::default()
        };
        assert_eq!(
            resolve(&[], 0, Kind::Actual, c, doc(Some(2021))),
            (Some(2018), Some(YearFlag::Section))
        );
        c.paragraph = Some(2017);
        assert_eq!(
            resolve(&[], 0, Kind::Actual, c, doc(Some(2021))),
            (Some(2017), Some(YearFlag::Paragraph))
        );
        assert_eq!(
            resolve(&[], 0, Kind::Actual, Carried::default(), doc(Some(2021))),
            (Some(2021), Some(YearFlag::Published))
        );
    }

    #[test]
    fn a_target_is_dated_by_its_sentence_or_a_heading_only() {
        let c = Carried {
            paragraph: Some(2020),
            ..Carried::default()
        };
        assert_eq!(
            resolve(&[], 0, Kind::Target, c, doc(Some(2021))),
            (None, Some(YearFlag::TargetUndated))
        );
    }

    #[test]
    fn a_title_dates_the_undated_figures_of_the_year_it_covers() {
        let ctx = |title: &str, published| DocContext {
            published,
            title: Some(title.into()),
            ..DocContext::default()
        };
        let of = |c: &DocContext| DocYears::of(&[], c);
        let bulletin = ctx(
            "平安县2022年国民经济和社会发展统计公报",
            Some((2023, 4, 20)),
        );
        assert_eq!(
            (of(&bulletin).default, of(&bulletin).default_flag),
            (Some(2022), YearFlag::Title)
        );
        let report = ctx("平安县2024年政府工作报告", None);
        assert_eq!(of(&report).default, Some(2023));
        let plan = ctx("平安县2024年卫生健康工作要点", Some((2024, 2, 1)));
        assert_eq!(of(&plan).default, Some(2023));
        let news = ctx("平安县卫生健康事业稳步发展", Some((2020, 11, 3)));
        assert_eq!(of(&news).default, Some(2020));
    }

    #[test]
    fn malformed_years_are_flagged() {
        let chars: Vec<char> = "2023~202223年".chars().collect();
        assert!(has_malformed_year(&chars));
        let d = DocYears::of(&chars, &DocContext::default());
        assert_eq!(
            resolve(&[], 0, Kind::Actual, Carried::default(), d),
            (None, Some(YearFlag::DocumentYearsMalformed))
        );
    }
}
