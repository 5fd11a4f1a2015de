//! Word lists the extractor's rules share, and the small word tests over character slices.
//!
//! A list lives here when more than one rule reads it or when it is the thing a newcomer would
//! extend (a new target word, a new scope word). Each list says what it is for.

use std::sync::OnceLock;

use countypanel_core::vocab::Unit as UnitCode;

/// Words anywhere before a number in its sentence that make it a target.
pub(crate) const TARGET_WORDS: &[&str] = &[
    "力争",
    "目标",
    "计划",
    "确保",
    "争取",
    "预计",
    "规划",
    "努力",
    // What is to be done next (下一步将把老年人健康管理率提高到75%以上).
    "下一步",
    "今后",
];

/// Words that make a number a target only inside its own clause (需救治 N 人 is a quota, while
/// the 已救治 figure after it in the same sentence is achieved).
pub(crate) const CLAUSE_TARGET_WORDS: &[&str] = &[
    "需",
    "要达到",
    "将达到",
    "应达到",
    "达到或超过",
    "拟",
    "要求",
];

/// Verbs that make a following 规划/计划/目标 a document named, not an aim set: 列入…规划,
/// 按照…计划, 制定…目标.
pub(crate) const DOCUMENT_VERBS: &[&str] =
    &["列入", "纳入", "按照", "根据", "依据", "制定", "编制"];

/// Words that hold a target word without setting a target: the names of programmes, 计划生育
/// (family planning), 免疫规划 and 计划免疫 (the immunisation programme), and efforts made.
pub(crate) const PROGRAMME_NAMES: &[&str] = &[
    "计划生育",
    "免疫规划",
    "计划免疫",
    // The people a service is meant for (孕前优生健康检查目标人群覆盖率98.6%), not an aim.
    "目标人群",
    // Funds and projects secured (争取到资金5737万元, 全年共争取项目29个): obtained, not aimed
    // for. 积极争取国家资金 still seeks them.
    "争取到",
    "共争取",
    "累计争取",
    "全年争取",
    "已争取",
    // Efforts already made (经过努力, 通过努力): what they brought about is achieved.
    "经过努力",
    "通过努力",
    "经过不懈努力",
    "共同努力下",
];

/// Nouns of funds that 争取 obtains when their amount follows (争取中央预算内投资2400万元).
pub(crate) const SECURED_FUNDS: &[&str] = &["资金", "投资", "经费", "补助", "债券", "金"];

/// Words of a heading that opens a look back on work done, or on how things stand (目标完成情况,
/// 绩效目标情况: the state of the targets, not targets set).
pub(crate) const REVIEW_HEADINGS: &[&str] =
    &["总结", "回顾", "成效", "情况", "全面完成", "圆满完成"];

/// Verbs of building that open a region's name (新建县, 新建区): 新建县中医医院 builds the
/// county's hospital.
const BUILDING_VERBS: &[&str] = &["新建"];

/// Characters after which a two-character county name may start: function words and the
/// names of the levels above it (其中岷县, 定西市岷县, 2022年岷县, 及漳县).
const BEFORE_SHORT_NAME: &str = "中、及与在对是为省市州年月日括如至到了的,，：:;；(（“\"";

/// Characters that, after 县, make it part of a word, not a name's end (县域, 县级, 县城, 县委).
const AFTER_COUNTY_WORD: &str = "域级城委直长志区乡里内外处属际";

/// Whether the two-character name at `start..end` (bytes) of `text` stands alone: at the start
/// of the text or after a character that is no part of a word with it, and not running into a
/// word that takes its 县 (示范县域, 提高县级医院: 范县 and 高县 are not named there).
#[must_use]
pub fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let free_before = before.is_none_or(|c| !is_han(c) || BEFORE_SHORT_NAME.contains(c));
    free_before && after.is_none_or(|c| !AFTER_COUNTY_WORD.contains(c))
}

/// Whether the region name at `start..end` (bytes) of `text` opens with a verb of building and
/// no higher place stands right before it (南昌市新建区 is the place; 富源县新建三十二个村卫生室
/// builds): the verb is read, not the name.
#[must_use]
pub fn verb_first(text: &str, start: usize, end: usize) -> bool {
    BUILDING_VERBS
        .iter()
        .any(|v| text[start..end].starts_with(v))
        && !text[..start].ends_with(['省', '市'])
}

/// Words of a heading that open a plan section (its facts are targets until the next heading
/// that reports results).
pub(crate) const PLAN_HEADINGS: &[&str] = &[
    "展望",
    "计划",
    "目标",
    "工作重点",
    "重点工作",
    "工作思路",
    "工作谋划",
    "工作要点",
    "工作安排",
    "工作部署",
    "重点任务",
    "主要任务",
    "打算",
    "民生实事",
    "惠民实事",
    "办实事",
    "民生工程",
    // A budget report's 2024年预算草案: what the year is to spend.
    "预算草案",
];

/// Plan heading words that also head a summary's account of the work done (二、重点工作 in a
/// hospital's 工作总结): they open a plan section only with a year or a word that looks ahead
/// (2024年重点工作, 下一步工作重点, 安排部署今年重点工作).
pub(crate) const PLAN_HEADINGS_ANCHORED: &[&str] = &[
    "重点工作",
    "工作重点",
    "重点任务",
    "主要任务",
    "民生实事",
    "惠民实事",
    "办实事",
    "民生工程",
];

/// Words that, beside an anchored plan heading word, make the heading look ahead (so does a
/// written year: 2024年重点工作).
pub(crate) const LOOKING_AHEAD: &[&str] = &[
    "今年",
    "明年",
    "来年",
    "下一步",
    "下步",
    "今后",
    "安排",
    "部署",
];

/// Words before a count that make it a change over the year, not the total.
pub(crate) const FLOW: &[&str] = &["新增", "新建", "增加", "减少", "建成", "创建", "打造"];

/// Words after a year that make it the start of a period (2017年以来, 2015年开始, 2019年起).
pub(crate) const PERIOD_START: &[&str] = &["以来", "开始", "起", "至今", "来"];

/// The word that introduces the parts of a total just stated.
pub(crate) const PART: &str = "其中";

/// Verbs that make a count the people or things sent, assigned or trained, not the stock:
/// 下派28名医师, 安排1名护士, 培训乡村医生300人.
pub(crate) const ACTIONS: &[&str] = &[
    "安排", "下派", "选派", "派驻", "派出", "抽调", "培训", "培养", "进修", "帮扶", "对口",
];

/// Verbs (and prepositions) that, right before a count and its noun, make the count those worked
/// on or worked in, not the stock: 完成18所乡镇卫生院标准化建设, 在12个村卫生室开展…, 对9家医院检查.
pub(crate) const WORKED_ON: &[&str] = &[
    "完成",
    "改造",
    "改扩建",
    "扩建",
    "提升",
    "装修",
    "配备",
    "在",
    "为",
    "对",
    "给",
    "指导",
    "督导",
    "检查",
    "考核",
    "验收",
    "评估",
    "评审",
    "推荐",
    "覆盖",
    // An inspection's sanctions (约谈8家医疗机构负责人, 暂停2家民营医院医保服务协议).
    "约谈",
    "暂停",
    "解除",
    "处罚",
    "查处",
    "抽查",
    "通报",
    "取消",
];

/// Verbs of recruiting: the noun counted after them is who was recruited (招录20名卫技人员).
pub(crate) const RECRUITING: &[&str] = &["招录", "招聘", "引进", "录用"];

/// Words of a sentence that signs an agreement: the counts after 与 in it are partners.
pub(crate) const AGREEMENTS: &[&str] = &["签订", "签署", "合作协议", "结对", "协议"];

/// Adverbs after a counted noun that say all of them did something (全县91个村卫生室全部…).
pub(crate) const ALL_OF_THEM: &[&str] = &["全部", "均", "都"];

/// Words that make a clause speak of a whole area (全县148家村卫生室完成改造 counts them all).
pub(crate) const WHOLE_AREA: &[&str] = &["全县", "全市", "全区", "全旗", "全镇"];

/// How a report names its own place (我县, 该区, 全县): a clause naming its province or
/// prefecture that turns to one of these (甘肃省下达我县资金) still speaks of the report's place.
pub(crate) const OWN_PLACE: &[&str] = &[
    "我县", "该县", "本县", "全县", "我区", "该区", "本区", "全区", "我旗", "该旗", "本旗", "全旗",
    "我市", "该市", "本市",
];

/// How a county's report names itself (not a city's: 我市 may be either level).
pub(crate) const OWN_COUNTY: &[&str] = &[
    "我县", "全县", "本县", "我区", "全区", "本区", "我旗", "全旗",
];

/// Areas wider than any report's own region: a number whose clause they open is theirs
/// (全省常住人口家庭医生签约服务覆盖率为45.2%).
pub(crate) const WIDER_AREAS: &[&str] = &["全省", "全国", "全自治区"];

/// Scope words that open a clause without naming the measure (其中, 全县, 共).
pub(crate) const LEADING_SCOPE: &[&str] = &[
    "其中", "全区", "全县", "全市", "全旗", "全镇", "全年", "共", "为",
];

/// Verbs and fillers that end the words before a number without naming what it counts.
pub(crate) const TRAILING_VERBS: &[&str] = &[
    "分别达到",
    "分别为",
    "分别",
    "达到",
    "均为",
    "均达",
    "均",
    "达",
    "为",
    "是",
    "共",
    "有",
    "约",
    "近",
    "超过",
    "累计",
    "完成",
];

/// Verbs of services counted in people: 管理高血压…人, 救治…人, 筛查…人.
pub(crate) const SERVICE_VERBS: &[&str] = &[
    "管理", "救治", "筛查", "随访", "体检", "培训", "签约", "接种",
];

/// Verbs that, right after a counted noun, make the count a part of the noun's total:
/// N所乡镇卫生院设有中医门诊, N个中心被选定为试点, N家机构达到标准.
pub(crate) const QUALIFYING_PREDICATES: &[&str] = &[
    "设有",
    "设置",
    "设立",
    "签订",
    "加入",
    "参加",
    "建成",
    "建立了",
    "被",
    "达到",
    "实现",
    "完成",
    "配备",
    "纳入",
    "通过",
    "获得",
    "获评",
    "创建",
    "成为",
    "入选",
    "开设",
    "装备",
    "安装",
    "添置",
    "购置",
    // Those that set out to do something (6家乡镇卫生院启动推荐标准创建).
    "启动",
    "参与",
    "申报",
    "争创",
];

/// Adverbs between a counted noun and its predicate (5所卫生院均设有…).
pub(crate) const PREDICATE_ADVERBS: &[&str] = &[
    "均", "都", "已经", "已", "相继", "先后", "全部", "正在", "还", "仍",
];

/// Nouns that tell the kind of thing a count written with 个 counts.
pub(crate) const COUNT_KINDS: &[(UnitCode, &[&str])] = &[
    (
        UnitCode::Team,
        &["团队", "工作组", "专家组", "小组", "服务队"],
    ),
    (
        UnitCode::Institution,
        &[
            "卫生室",
            "卫生院",
            "医院",
            "中心",
            "服务站",
            "机构",
            "诊所",
            "门诊部",
            "养老院",
        ],
    ),
    (
        UnitCode::Item,
        &[
            "项目", "专科", "学科", "病种", "课题", "任务", "制度", "技术", "规划", "工程", "政策",
            "行动",
        ],
    ),
];

/// The automaton of a word list: every occurrence of every word, each reported with the index of
/// its first place in the list. It reads characters from a double array, small enough to stay in
/// the processor's caches beside the rest of the extractor.
#[derive(Clone)]
pub(crate) struct WordAutomaton(daachorse::CharwiseDoubleArrayAhoCorasick<u32>);

impl std::fmt::Debug for WordAutomaton {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WordAutomaton")
            .field("heap_bytes", &self.0.heap_bytes())
            .finish()
    }
}

/// Where a word of a [`WordAutomaton`] stands in a text, in bytes, with its index in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordAt {
    pub start: usize,
    pub end: usize,
    pub word: usize,
}

impl WordAutomaton {
    /// Compiles `words`. A word listed twice is searched once and reported under its first
    /// index (the automaton takes each string once; the empty word is never searched).
    pub(crate) fn new<I, P>(words: I) -> Self
    where
        I: IntoIterator<Item = P>,
        P: AsRef<str>,
    {
        let mut seen = std::collections::HashSet::new();
        let unique: Vec<(String, u32)> = words
            .into_iter()
            .enumerate()
            .filter(|(_, w)| !w.as_ref().is_empty() && seen.insert(w.as_ref().to_string()))
            .map(|(i, w)| {
                let i = u32::try_from(i).expect("fewer than 2^32 words");
                (w.as_ref().to_string(), i)
            })
            .collect();
        Self(
            daachorse::CharwiseDoubleArrayAhoCorasick::with_values(unique)
                .expect("word lists compile"),
        )
    }

    /// Whether `text` holds one of the words.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        self.0.find_iter(text).next().is_some()
    }

    /// Every occurrence of every word, overlapping ones too, by their end (of two that end
    /// together, the longer first).
    pub(crate) fn overlapping<'t>(&'t self, text: &'t str) -> impl Iterator<Item = WordAt> + 't {
        self.0.find_overlapping_iter(text).map(|m| WordAt {
            start: m.start(),
            end: m.end(),
            word: m.value() as usize,
        })
    }
}

/// A word list compiled, on first use, into one automaton: whether a text holds any of its words
/// is one pass over the text instead of one per word.
#[derive(Debug)]
pub struct WordSet {
    words: &'static [&'static str],
    automaton: OnceLock<WordAutomaton>,
}

impl WordSet {
    /// The set of `words`.
    #[must_use]
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            automaton: OnceLock::new(),
        }
    }

    fn automaton(&self) -> &WordAutomaton {
        self.automaton
            .get_or_init(|| WordAutomaton::new(self.words))
    }

    /// Whether `text` holds one of the words.
    #[must_use]
    pub fn in_text(&self, text: &str) -> bool {
        self.automaton().is_match(text)
    }

    /// Where the first occurrence of a word in `text` ends (the earliest end of any, overlapping
    /// ones included), in bytes: a prefix of `text` holds a word only if it reaches that far.
    #[cfg(test)]
    pub(crate) fn first_end(&self, text: &str) -> Option<usize> {
        self.automaton().overlapping(text).next().map(|m| m.end)
    }

    /// The byte offsets where the words start in `text`, overlapping ones included, in text
    /// order.
    pub fn starts<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        self.automaton().overlapping(text).map(|m| m.start)
    }
}

/// The unit code a scanned measure word stands for (个 with no telling noun and other countable
/// things are both `other`).
pub(crate) fn unit_code(u: countypanel_zhnum::Unit) -> UnitCode {
    use countypanel_zhnum::Unit as U;
    match u {
        U::Percent => UnitCode::Percent,
        U::Permille => UnitCode::PerMille,
        U::Per100k => UnitCode::Per100k,
        U::PercentagePoint => UnitCode::PercentagePoint,
        U::Person => UnitCode::Person,
        U::PersonTime => UnitCode::PersonTime,
        U::Household => UnitCode::Household,
        U::Institution => UnitCode::Institution,
        U::Team => UnitCode::Team,
        U::Item => UnitCode::Item,
        U::Bed => UnitCode::Bed,
        U::Yuan => UnitCode::Yuan,
        U::Count | U::Other => UnitCode::Other,
        U::Year => UnitCode::Year,
        U::Month => UnitCode::Month,
        U::Day => UnitCode::Day,
        U::Age => UnitCode::Age,
        U::Duration => UnitCode::Duration,
        U::Physical => UnitCode::Physical,
        U::Times => UnitCode::Times,
        U::None => UnitCode::None,
    }
}

/// The position after `word` when it is written at `k`.
pub(crate) fn after_word(sc: &[char], k: usize, word: &str) -> Option<usize> {
    let mut i = k;
    for c in word.chars() {
        (sc.get(i) == Some(&c)).then_some(())?;
        i += 1;
    }
    Some(i)
}

/// Where a period opened by the year at `start..end` ends when words stand between the year and
/// the word closing it (自2015年启动医共体建设以来, 从2019年实施…以来): the year is preceded by 自 or
/// 从 and 以来 closes the clause.
pub(crate) fn period_closed_later(sc: &[char], start: usize, end: usize) -> Option<usize> {
    let opened = start >= 1 && matches!(sc[start - 1], '自' | '从');
    if !opened {
        return None;
    }
    let clause_end = (end..sc.len())
        .find(|&i| matches!(sc[i], ',' | '，' | '。' | ';' | '；'))
        .unwrap_or(sc.len());
    (end..clause_end.saturating_sub(1))
        .find(|&i| sc[i] == '以' && sc[i + 1] == '来')
        .map(|i| i + 2)
}

/// Whether `word` occurs in `sc`.
pub(crate) fn contains_word(sc: &[char], word: &str) -> bool {
    (0..sc.len()).any(|k| after_word(sc, k, word).is_some())
}

/// Whether `c` is a Chinese character (the unified ideographs and their extension A).
pub(crate) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_found_at_their_place_only() {
        let sc: Vec<char> = "全县建档率".chars().collect();
        assert_eq!(after_word(&sc, 2, "建档"), Some(4));
        assert_eq!(after_word(&sc, 1, "建档"), None);
        assert!(contains_word(&sc, "档率"));
        assert!(!contains_word(&sc, "签约"));
    }

    /// The word automaton reports what a byte automaton of the same list reports: every
    /// occurrence, in the same order, a word listed twice under its first index.
    #[test]
    fn word_automata_find_what_a_byte_automaton_finds() {
        use aho_corasick::{AhoCorasick, AhoCorasickKind};
        use countypanel_core::rng::SplitMix64;
        let count_words: Vec<&str> = COUNT_KINDS
            .iter()
            .flat_map(|(_, w)| w.iter().copied())
            .collect();
        let lists: [&[&str]; 4] = [
            TARGET_WORDS,
            &count_words,
            // Words inside words, and one listed twice.
            &[
                "卫生",
                "卫生院",
                "生院",
                "乡镇卫生院",
                "院",
                "卫生",
                "a",
                "ab",
                "b",
            ],
            &["一", "一些"],
        ];
        let mut rng = SplitMix64(20_261_201);
        for words in lists {
            let ours = WordAutomaton::new(words);
            let reference = AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(words)
                .unwrap();
            let first = |i: usize| words.iter().position(|w| *w == words[i]).unwrap();
            let pieces: Vec<String> = words
                .iter()
                .flat_map(|w| {
                    let c: Vec<char> = w.chars().collect();
                    [
                        w.to_string(),
                        c[..c.len() / 2].iter().collect(),
                        c[c.len() / 2..].iter().collect(),
                    ]
                })
                .chain(["，", "的", "x", "。", "2025年"].map(String::from))
                .collect();
            for _ in 0..400 {
                let text: String = (0..rng.int(0, 12))
                    .map(|_| rng.pick(&pieces).as_str())
                    .collect();
                let expected: Vec<WordAt> = reference
                    .find_overlapping_iter(&text)
                    .filter(|m| first(m.pattern().as_usize()) == m.pattern().as_usize())
                    .map(|m| WordAt {
                        start: m.start(),
                        end: m.end(),
                        word: m.pattern().as_usize(),
                    })
                    .collect();
                let found: Vec<WordAt> = ours.overlapping(&text).collect();
                assert_eq!(found, expected, "{text}");
                assert_eq!(ours.is_match(&text), reference.is_match(&text), "{text}");
            }
        }
    }
}
