//! Health context: whether a number is about health services, resources, insurance or outcomes.
//!
//! Reports other than a health bureau's (statistical bulletins, government work reports) state
//! numbers of every domain, and the words that name many health indicators are generic: 投资,
//! 签约, 床位, 招录, 人员, 机构, 覆盖率. A catalog phrase that holds no health word itself names
//! its indicator only in a health context: its clause names health, or the section, paragraph or
//! document it sits in is about health and the clause names no other domain.

use crate::lexicon::WordSet;

/// Words that make text about health.
const HEALTH_WORDS: &[&str] = &[
    "卫生",
    "医疗",
    "医院",
    "卫健",
    "健康",
    "疾病",
    "疾控",
    "医保",
    "医共体",
    "医联体",
    "医师",
    "医生",
    "村医",
    "护士",
    "护理",
    "诊所",
    "门诊",
    "诊疗",
    "住院",
    "病床",
    "病人",
    "患者",
    "药",
    "疫苗",
    "接种",
    "免疫",
    "妇幼",
    "孕产妇",
    "婴儿",
    "新生儿",
    "传染病",
    "慢性病",
    "慢病",
    "高血压",
    "糖尿病",
    "结核",
    "精神障碍",
    "精神病",
    "中医",
    "公卫",
    "新农合",
    "合作医疗",
    "参合",
    "体检",
    "救治",
    "医务",
    // 医学生, 医学检验: medicine as a course or a field.
    "医学",
    "卫技",
    "计生",
    "出生缺陷",
    "预期寿命",
    "家庭医生",
    "签约服务",
    "签约率",
    "签约覆盖率",
    "健康档案",
    "建档",
    "卫生室",
    "分娩",
    "儿童保健",
    "防疫",
    "急救",
    "血站",
    "医养",
    "老年人",
    "核酸",
    "新冠",
    "疫情防控",
    "测温",
    "患儿",
    "治疗",
    "名医",
    "国医堂",
    "中医馆",
    // Infant care and population monitoring, which health commissions run.
    "托育",
    "婴幼儿照护",
    "人口监测",
    "家庭发展",
];

/// Words that name many things besides health: a catalog phrase made of them and no health word
/// (投资, 签约人数, 床位, 招录, 参保人数) names its indicator only in a health context.
const GENERIC_WORDS: &[&str] = &[
    "投资",
    "投入",
    "资金",
    "经费",
    "支出",
    "基金",
    "补助",
    "筹资",
    "签约",
    "床位",
    "病床",
    "招录",
    "招聘",
    "引进",
    "人员",
    "人才",
    "职工",
    "机构",
    "覆盖率",
    "参保",
    "入院",
    "出院",
    "讲座",
    "接种",
    "剂次",
    "资助",
    "寿命",
    "出生",
    "托位",
    "托育",
    "补偿",
    "配套",
];

/// Words that make text about another domain: industry and investment, education, civil
/// affairs and elderly care, culture and tourism, transport, agriculture, housing, employment.
const OTHER_DOMAIN_WORDS: &[&str] = &[
    // Rural revitalisation: roads, greenhouses, herds and drinking water, not health.
    "乡村振兴",
    "饮水安全",
    "蔬菜",
    "大棚",
    "养殖",
    "种植",
    "合作社",
    "工业",
    "企业",
    "招商",
    "引资",
    "产业",
    "园区",
    "项目签约",
    "签约项目",
    // Money promised by investors who signed (协议总投资42亿元), not money put in.
    "协议总投资",
    "协议投资",
    "协议资金",
    "签约金额",
    "签约总额",
    "教师",
    "学校",
    "学生",
    "幼儿园",
    "教育",
    "养老床位",
    "养老机构",
    "养老院",
    "敬老院",
    "福利院",
    "民政",
    "文化",
    "旅游",
    "景区",
    "体育",
    "交通",
    "公路",
    "道路",
    "铁路",
    "水利",
    "农业",
    "粮食",
    "住房",
    "棚户",
    "老旧小区",
    "供水",
    "管网",
    "就业",
    "养老",
    "社区服务",
    "电商",
    "金融",
    "贷款",
    "税收",
    "财政收入",
    "固定资产投资",
    "房地产",
    "城镇化",
    "生态",
    "环保",
    "污水",
    "垃圾",
    "电力",
    "光伏",
    "畜禽",
    "投产",
    "贸易",
    "零售",
    "艺术",
    "优抚",
    "抚恤",
    // Social assistance: 低保 and 特困 people, their allowances (医疗救助 names health too).
    "低保",
    "最低生活保障",
    "特困",
    "临时救助",
    "孤儿",
    "殡葬",
    "社会服务",
    "运动会",
    "金牌",
    "广播",
    "电视",
    "图书馆",
    "博物馆",
    "酒店",
    "饭店",
    "旅行社",
    "游客",
    "文物",
    "办事处",
    "居委会",
    "民族",
    "畜牧",
    "兽医",
    "风电",
    "矿",
    // Towns' upkeep for a sanitary-town title, and funds for rural revitalisation.
    "巩卫",
    "创卫",
    "衔接资金",
    "有机更新",
    "城市更新",
    "老城区",
    "老旧小区",
    "管网",
    "雨污",
];

/// Whether `text` names health.
#[must_use]
pub fn mentions_health(text: &str) -> bool {
    let mut text = std::borrow::Cow::Borrowed(text);
    if NOT_HEALTH_SET.in_text(&text) {
        for w in NOT_HEALTH {
            if text.contains(w) {
                text = text.replace(w, "").into();
            }
        }
    }
    HEALTH_SET.in_text(&text) && !ANIMAL_SET.in_text(&text)
}

static HEALTH_SET: WordSet = WordSet::new(HEALTH_WORDS);
static NOT_HEALTH_SET: WordSet = WordSet::new(NOT_HEALTH);
static ANIMAL_SET: WordSet = WordSet::new(ANIMAL_WORDS);
static GENERIC_SET: WordSet = WordSet::new(GENERIC_WORDS);
static OTHER_DOMAIN_SET: WordSet = WordSet::new(OTHER_DOMAIN_WORDS);

/// Words holding a health word that speak of sanitation, not health services.
const NOT_HEALTH: &[&str] = &[
    "卫生厕所",
    "环境卫生",
    "卫生户厕",
    // Industry: factories of medical devices and medicines.
    "医疗器械",
    "生物医药",
    "医药产业",
    "制药",
    // Consumer-price categories.
    "医疗保健类",
    "医疗保健用品",
    "中西药品类",
    // The family-planning fee.
    "社会抚养费",
];

/// Words that make 免疫, 防疫 and 疫苗 about animals, not people.
const ANIMAL_WORDS: &[&str] = &["畜", "禽", "动物", "兽", "牲"];

/// Whether a catalog phrase needs a health context to name its indicator: it is made of words
/// used in every domain and holds no health word.
#[must_use]
pub fn needs_context(phrase: &str) -> bool {
    !mentions_health(phrase) && GENERIC_SET.in_text(phrase)
}

/// Whether a phrase is only generic words (床位, 补偿支出, 床位数): after 其中 it measures the part
/// just named. 人均配套 names a measure of its own.
#[must_use]
pub fn is_bare(phrase: &str) -> bool {
    // The test by automaton first: most phrases hold no generic word, and the words are not
    // taken out of them. (病床 names health itself and is still bare.)
    // 入院人数, 出院人数 name their measure whole.
    if !GENERIC_SET.in_text(phrase) || phrase.contains("入院") || phrase.contains("出院") {
        return false;
    }
    let mut rest = phrase.to_string();
    for w in GENERIC_WORDS
        .iter()
        .chain(&["人数", "金额", "总", "数", "额", "实有", "编制"])
    {
        if rest.contains(w) {
            rest = rest.replace(w, "");
        }
    }
    rest.chars().count() <= 1
}

/// Whether `text` names a domain other than health.
#[must_use]
pub fn mentions_other_domain(text: &str) -> bool {
    // 人民政府 holds 民政 without speaking of civil affairs.
    if !OTHER_DOMAIN_SET.in_text(text) {
        return false;
    }
    let text = text.replace(GOVERNMENT, "");
    OTHER_DOMAIN_SET.in_text(&text)
}

/// The government, whose name holds 民政.
const GOVERNMENT: &str = "人民政府";

/// Where the domain words stand in a document (byte ranges, by start), found in one pass: whether
/// a part of it (a statement, a clause, the sentence before a number) names health or another
/// domain is then a look-up among them, not a search of the part. The answers are those of
/// [`mentions_health`] and [`mentions_other_domain`] on the part; when a part holds a word those
/// take out first (卫生厕所, 人民政府), they are asked on the part itself.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct DomainWords {
    health: Vec<(usize, usize)>,
    not_health: Vec<(usize, usize)>,
    animal: Vec<(usize, usize)>,
    other: Vec<(usize, usize)>,
    government: Vec<(usize, usize)>,
}

/// Whether one of `spans` (sorted by start) lies within `from..to`.
fn within(spans: &[(usize, usize)], from: usize, to: usize) -> bool {
    let first = spans.partition_point(|&(s, _)| s < from);
    spans[first..]
        .iter()
        .take_while(|&&(s, _)| s < to)
        .any(|&(_, e)| e <= to)
}

/// The words of the five lists [`DomainWords`] holds (a document is read once, not once per
/// list), with the lists each word belongs to as bits, in the order of
/// [`DomainWords::lists_mut`].
struct AllDomainWords {
    /// The words' own automaton, for [`DomainWords::of`] (documents are searched by the phrase
    /// matcher's automaton, which holds these words too).
    #[cfg(test)]
    automaton: aho_corasick::AhoCorasick,
    /// Each word with the lists it belongs to, in the automaton's pattern order.
    words: Vec<(&'static str, u8)>,
}

static ALL_DOMAIN_WORDS: std::sync::LazyLock<AllDomainWords> = std::sync::LazyLock::new(|| {
    let mut words: Vec<(&'static str, u8)> = Vec::new();
    let lists: [&[&'static str]; 5] = [
        HEALTH_WORDS,
        NOT_HEALTH,
        ANIMAL_WORDS,
        OTHER_DOMAIN_WORDS,
        &[GOVERNMENT],
    ];
    for (bit, list) in lists.iter().enumerate() {
        for w in *list {
            match words.iter_mut().find(|(v, _)| v == w) {
                Some((_, mask)) => *mask |= 1 << bit,
                None => words.push((w, 1 << bit)),
            }
        }
    }
    AllDomainWords {
        #[cfg(test)]
        automaton: aho_corasick::AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words.iter().map(|(w, _)| w))
            .expect("domain words compile"),
        words,
    }
});

/// The domain words, each with the lists it belongs to as bits (see [`DomainWords::add`]): for
/// an automaton that searches them beside other words.
pub(crate) fn domain_words() -> &'static [(&'static str, u8)] {
    &ALL_DOMAIN_WORDS.words
}

impl DomainWords {
    /// The domain words of `text`, searched on their own.
    #[cfg(test)]
    pub(crate) fn of(text: &str) -> Self {
        let all = &*ALL_DOMAIN_WORDS;
        let mut words = Self::default();
        for m in all.automaton.find_overlapping_iter(text) {
            words.add(all.words[m.pattern().as_usize()].1, m.start(), m.end());
        }
        words.sort();
        words
    }

    /// Records a word found at `start..end` in the lists of `mask` (bits in the order of
    /// [`Self::lists_mut`]).
    pub(crate) fn add(&mut self, mask: u8, start: usize, end: usize) {
        for (bit, spans) in self.lists_mut().into_iter().enumerate() {
            if mask & (1 << bit) != 0 {
                spans.push((start, end));
            }
        }
    }

    /// Puts the spans in order once all are added: overlapping matches come by their end, the
    /// look-ups want them by their start.
    pub(crate) fn sort(&mut self) {
        for spans in self.lists_mut() {
            spans.sort_unstable();
        }
    }

    /// The five lists of spans, in the order of the automaton's bits.
    fn lists_mut(&mut self) -> [&mut Vec<(usize, usize)>; 5] {
        [
            &mut self.health,
            &mut self.not_health,
            &mut self.animal,
            &mut self.other,
            &mut self.government,
        ]
    }

    /// The words as seen from a part of the text that starts at byte `base` (a sentence).
    pub(crate) fn at(&self, base: usize) -> DomainView<'_> {
        DomainView { words: self, base }
    }
}

/// [`DomainWords`] of a document seen from one of its parts: offsets are the part's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DomainView<'w> {
    words: &'w DomainWords,
    base: usize,
}

impl DomainView<'_> {
    /// [`mentions_health`] of `text[from..to]`, `text` being the part.
    pub(crate) fn health(self, text: &str, from: usize, to: usize) -> bool {
        let (a, b, w) = (self.base + from, self.base + to, self.words);
        if within(&w.not_health, a, b) {
            return mentions_health(&text[from..to]);
        }
        within(&w.health, a, b) && !within(&w.animal, a, b)
    }

    /// [`mentions_other_domain`] of `text[from..to]`, likewise.
    pub(crate) fn other(self, text: &str, from: usize, to: usize) -> bool {
        let (a, b, w) = (self.base + from, self.base + to, self.words);
        if !within(&w.other, a, b) {
            return false;
        }
        if within(&w.government, a, b) {
            return mentions_other_domain(&text[from..to]);
        }
        true
    }
}

/// Words of a heading that open a section about another domain: a bulletin's population,
/// income and social-security sections (their 参加基本医疗保险人数 are social-security figures).
const OTHER_DOMAIN_HEADINGS: &[&str] = &["社会保障", "居民生活", "人民生活", "人口", "收入"];

/// Words that mark a statistical bulletin or report by its title or opening lines.
const BULLETIN_WORDS: &[&str] = &["统计公报", "统计局", "统计快报", "调查队"];

/// The domain a heading or a paragraph label opens: health, another domain, or neither.
fn domain_of(label: &str) -> Option<bool> {
    if mentions_health(label) {
        Some(true)
    } else if mentions_other_domain(label)
        || OTHER_DOMAIN_HEADINGS.iter().any(|w| label.contains(w))
    {
        Some(false)
    } else {
        None
    }
}

/// The health context of the place being read.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct HealthContext {
    /// Whether the document as a whole is about health.
    pub document: bool,
    /// The domain of the section under the last heading that named one.
    pub section: Option<bool>,
    /// The domain the current paragraph's label names (卫生健康: …, 【教育】…).
    pub paragraph: Option<bool>,
    /// Whether the document is a statistical bulletin, whose sections each hold one domain: a
    /// section about another domain gives no health facts, whatever its words.
    pub bulletin: bool,
    /// Whether the section's heading names health and other domains (文化旅游、卫生健康和体育):
    /// its paragraphs then take the domain of the last sentence that named one alone.
    pub mixed: bool,
    /// In a mixed section, the domain of the last sentence that named one alone.
    pub running: Option<bool>,
    /// The domain the sentence before names alone, in the same paragraph (see
    /// [`Self::for_common_words`]).
    pub in_paragraph: Option<bool>,
}

impl HealthContext {
    /// The context of a document: about health when its title names health, or when at least
    /// half of its sentences that hold numbers do.
    pub(crate) fn of_document(title: Option<&str>, text: &str, words: &DomainWords) -> Self {
        let by_title = title.is_some_and(mentions_health);
        let opening: String = text.chars().take(400).collect();
        let bulletin = title.is_some_and(|t| BULLETIN_WORDS.iter().any(|w| t.contains(w)))
            || opening.contains("统计公报");
        let (mut numbered, mut health) = (0, 0);
        if !by_title {
            // Sentences, not lines: a report flattened to one line is still many statements.
            const ENDS: [char; 6] = ['\n', '。', '；', ';', '！', '？'];
            // Where each statement starts in the text, for the look-ups of its words.
            let mut at = 0;
            for piece in text.split_inclusive(ENDS) {
                let line = piece.strip_suffix(ENDS).unwrap_or(piece);
                if line.bytes().any(|b| b.is_ascii_digit()) {
                    numbered += 1;
                    health += usize::from(words.at(at).health(line, 0, line.len()));
                }
                at += piece.len();
            }
        }
        Self {
            document: by_title || (health > 0 && health * 2 >= numbered),
            section: None,
            paragraph: None,
            bulletin,
            mixed: false,
            running: None,
            in_paragraph: None,
        }
    }

    /// Whether the place being read is a bulletin's section (or labelled paragraph) about a
    /// domain other than health.
    pub(crate) fn other_section(self) -> bool {
        self.bulletin && self.paragraph.or(self.section) == Some(false)
    }

    /// Reads a heading: it opens a section of its domain, or of the document's when it names
    /// none.
    pub(crate) fn read_heading(&mut self, text: &str) {
        // A short line that names no domain and is not numbered (a line of a page wrapped at
        // its width, a page's chrome) leaves the section as it was.
        // A table row (中药材36.81 8.7) is no heading at all.
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let numbered = numbered(&text);
        if !numbered && text.chars().any(|c| c.is_ascii_digit()) {
            return;
        }
        let domain = domain_of(&text);
        if domain.is_some() || numbered {
            self.section = domain;
            self.mixed = domain == Some(true) && mentions_other_domain(&text);
            self.running = None;
        }
        self.paragraph = None;
    }

    /// Enters a paragraph whose opening words are `opening`: a short label before a colon or
    /// in brackets names the paragraph's domain.
    pub(crate) fn enter_paragraph(&mut self, opening: &str) {
        self.paragraph = paragraph_label(opening).and_then(domain_of);
        self.in_paragraph = None;
    }

    /// Reads a sentence inside a paragraph: a label naming a domain before a colon
    /// (卫生:全县有…) turns the rest of the paragraph to it.
    pub(crate) fn read_label(&mut self, opening: &str) {
        if let Some(domain) = paragraph_label(opening).and_then(domain_of) {
            self.paragraph = Some(domain);
            self.in_paragraph = None;
        }
    }

    /// Whether the surrounding text (paragraph, else section, else document) is about health.
    pub(crate) fn area(self) -> bool {
        let section = if self.mixed {
            self.running.or(self.section)
        } else {
            self.section
        };
        self.paragraph.or(section).unwrap_or(self.document)
    }

    /// The context a phrase made of words every domain uses (床位, 投资) is read in: the area's,
    /// unless the sentence before, in the same paragraph, named one domain alone. A work report's
    /// paragraph moves from topic to topic (县人民医院新院区建成投入使用。实有床位3685张: the
    /// hospital's beds). Only such a phrase follows the sentence before: a number named by no
    /// phrase has no such tie to it.
    pub(crate) fn for_common_words(self) -> Self {
        Self {
            paragraph: self.paragraph.or(self.in_paragraph),
            ..self
        }
    }

    /// Reads a sentence of the section: in a mixed section, one that names one domain alone
    /// sets the domain of what follows (国家级非物质文化遗产10项 → culture; 全市共有医疗卫生机构
    /// 9534个 → health).
    pub(crate) fn after_sentence(&mut self, text: &str, words: DomainView) {
        let end = text.len();
        let alone = match (words.health(text, 0, end), words.other(text, 0, end)) {
            (true, false) => Some(true),
            (false, true) => Some(false),
            _ => None,
        };
        self.in_paragraph = alone;
        if self.mixed && alone.is_some() {
            self.running = alone;
        }
    }

    /// Whether a clause is about health: it names health; or it names no other domain and the
    /// sentence before it names health alone (新建县医院门诊综合楼,总投资1.2亿元); or neither names
    /// one domain alone and the clause sits in a health area. A sentence that names another domain
    /// alone takes the clause with it (投入使用的养老服务机构57所,有床位5923张: the care homes' beds).
    #[cfg(test)]
    pub(crate) fn clause(self, clause: &str, sentence_before: &str) -> bool {
        let text = format!("{sentence_before}{clause}");
        let words = DomainWords::of(&text);
        self.clause_in(words.at(0), &text, sentence_before.len(), text.len())
    }

    /// [`Self::clause`] of the clause `text[from..to]` of a sentence whose domain words are
    /// `words`, the sentence before it being `text[..from]`.
    pub(crate) fn clause_in(self, words: DomainView, text: &str, from: usize, to: usize) -> bool {
        if words.health(text, from, to) {
            return true;
        }
        if words.other(text, from, to) {
            return false;
        }
        // The sentence so far speaks of one domain only: 新建县医院门诊综合楼,总投资1.2亿元.
        match (words.health(text, 0, from), words.other(text, 0, from)) {
            (true, false) => true,
            (false, true) => false,
            _ => self.area(),
        }
    }
}

/// Whether a heading opens with a section number: 一、 (一) 1. 第一.
fn numbered(text: &str) -> bool {
    let t = text.trim_start();
    let rest = t.trim_start_matches(['(', '（']);
    let n = rest
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c) || c.is_ascii_digit())
        .count();
    (n > 0 && rest.chars().nth(n).is_some_and(|c| "、.．)）".contains(c))) || t.starts_with('第')
}

/// The label that opens a paragraph: the words before a colon within its first 12 characters
/// (卫生健康: …), or a bracketed head (【教育基本情况】).
fn paragraph_label(opening: &str) -> Option<&str> {
    let head: &str = match opening.char_indices().nth(14) {
        Some((i, _)) => &opening[..i],
        None => opening,
    };
    if let Some(rest) = head.strip_prefix('【') {
        return rest.split('】').next();
    }
    let colon = head.find([':', '：'])?;
    Some(&head[..colon])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_naming_health_or_another_domain() {
        let ctx = HealthContext::default();
        assert!(ctx.clause("县人民医院门诊楼项目总投资", ""));
        assert!(!ctx.clause("工业园区项目总投资", ""));
        assert!(!ctx.clause("总投资", ""));
        // Social assistance is not health; medical assistance to its people is.
        assert!(!ctx.clause("全年全县城乡低保对象1.2万人", ""));
        assert!(ctx.clause("低保对象医疗救助1560人次", ""));
        assert!(!mentions_other_domain("平安县人民政府"));
        assert!(!mentions_health(
            "投入近100万元对全县所有畜禽进行了强制免疫"
        ));
        let health = HealthContext {
            document: true,
            ..HealthContext::default()
        };
        assert!(health.clause("总投资", ""));
        assert!(!health.clause("招录特岗教师", ""));
        assert!(!health.clause("新增养老床位", ""));
        assert!(!health.clause("有床位5923张", "投入使用的养老服务机构57所,"));
        assert!(health.clause("有床位300张", "县医院新院区投入使用,"));
    }

    /// The context of a document whose domain words are found in its text.
    fn of_text(title: Option<&str>, text: &str) -> HealthContext {
        HealthContext::of_document(title, text, &DomainWords::of(text))
    }

    /// Reads a sentence of a section.
    fn after(ctx: &mut HealthContext, text: &str) {
        ctx.after_sentence(text, DomainWords::of(text).at(0));
    }

    #[test]
    fn domain_words_answer_as_the_searches_do_on_every_part() {
        let sentences = [
            "院内新增床位50张,县人民政府投资建设卫生厕所1200座,改造乡镇卫生院3所",
            "民政局与县医院合作,新增养老床位200张,医疗器械产业园投产",
            "全县畜禽免疫密度达100%,儿童免疫规划疫苗接种率95%",
            "环境卫生整治后,卫生户厕普及率90%,县人民医院门诊量12万人次",
        ];
        for text in sentences {
            // The sentence inside a document, after a word's first character (医 + 院…
            // makes 医院 across the boundary, which no part of the sentence holds).
            let doc = format!("卫生。医{text}");
            let all = DomainWords::of(&doc);
            let words = all.at(doc.len() - text.len());
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for (k, &from) in bounds.iter().enumerate() {
                for &to in &bounds[k..] {
                    let part = &text[from..to];
                    assert_eq!(
                        words.health(text, from, to),
                        mentions_health(part),
                        "{part}"
                    );
                    assert_eq!(
                        words.other(text, from, to),
                        mentions_other_domain(part),
                        "{part}"
                    );
                }
            }
        }
    }

    #[test]
    fn generic_phrases_need_context_and_specific_ones_do_not() {
        assert!(needs_context("总投资"));
        assert!(needs_context("床位"));
        assert!(needs_context("签约人数"));
        assert!(!needs_context("签约率"));
        assert!(!needs_context("医疗卫生机构床位"));
        assert!(!needs_context("建档人数"));
        assert!(!needs_context("参合率"));
        assert!(is_bare("床位") && is_bare("补偿支出") && is_bare("实有床位数"));
        assert!(!is_bare("人均配套"));
    }

    #[test]
    fn headings_and_paragraph_labels_set_the_area() {
        let mut ctx = HealthContext {
            document: true,
            ..HealthContext::default()
        };
        ctx.read_heading("九、教育和科学技术");
        assert!(!ctx.area());
        ctx.read_heading("十、文化旅游、卫生健康和体育");
        assert!(ctx.area());
        ctx.enter_paragraph("文化:年末全市共有文化馆");
        assert!(!ctx.area());
        ctx.enter_paragraph("卫生健康:年末全市共有");
        assert!(ctx.area());
        ctx.read_heading("术人员 7.24 万人。三级医院共 14 家");
        assert!(ctx.area(), "a wrapped line names no section");
        ctx.enter_paragraph("【教育基本情况】2022年");
        assert!(!ctx.area());
        ctx.read_heading("文化和旅游");
        assert!(!ctx.area(), "a heading naming a domain opens its section");
        ctx.read_heading("中药材36.81 8.7");
        assert!(!ctx.area(), "a table row is no heading");
        ctx.read_heading("十、文化旅游、卫生健康和体育");
        after(&mut ctx, "年末全市共有星级酒店42家,旅行社145家");
        assert!(!ctx.area(), "a mixed section follows its sentences");
        after(&mut ctx, "年末共有卫生机构4985个");
        assert!(ctx.area());
        after(&mut ctx, "编制床位4.78万张");
        assert!(ctx.area(), "a sentence naming no domain keeps the last one");
        ctx.read_heading("二、主要做法");
        assert!(
            ctx.area(),
            "a heading naming no domain falls back to the document"
        );
        assert!(
            !ctx.other_section(),
            "only bulletins hold one domain per section"
        );
    }

    #[test]
    fn a_bulletin_section_about_another_domain_is_closed_to_health() {
        let mut ctx = of_text(Some("平安县统计局"), "");
        assert!(ctx.bulletin);
        ctx.read_heading("十、人民生活和社会保障");
        assert!(ctx.other_section());
        ctx.read_heading("十一、卫生和社会服务");
        assert!(!ctx.other_section());
        let by_text = of_text(None, "平安县2023年国民经济和社会发展统计公报\n");
        assert!(by_text.bulletin);
        assert!(!of_text(Some("政府工作报告"), "").bulletin);
    }

    #[test]
    fn a_document_is_about_health_by_its_title_or_its_sentences() {
        assert!(of_text(Some("平安县卫生健康工作总结"), "").document);
        let report = "工业增加值增长5%\n新建学校3所\n医院床位300张\n";
        assert!(!of_text(Some("政府工作报告"), report).document);
        let summary = "村卫生室91个\n建档率95%\n投资1亿元\n";
        assert!(of_text(None, summary).document);
    }
}
