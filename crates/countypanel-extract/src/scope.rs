//! Scope: words that narrow what a named measure covers, so that the number is a part of the
//! indicator's population and not the indicator itself.
//!
//! Runs after a sentence's facts are named (by a phrase, a shared list or 分别), and takes the
//! indicator away from facts whose measure is narrowed:
//! - by a population subgroup (脱贫人口…参保率、资助率均为100%, 城镇居民基本医疗保险…参保率达91%);
//! - by a grade before an institution noun (三级甲等综合医院1家, 三级中医院4家);
//! - by a parenthesis that adds another kind of institution (乡镇卫生院(含社区卫生服务中心)218个);
//! - by the section of a statistical bulletin it sits in, when that section is about another
//!   domain (参加基本医疗保险人数 under 人民生活和社会保障 is a social-security statistic).
//!
//! The number stays a fact; only its catalog indicator goes, and the rule says why.

use crate::Fact;
use crate::matcher::{Hit, Target};
use countypanel_core::vocab::Rule;
use countypanel_core::vocab::Unit as UnitCode;

/// Populations that are a subgroup of a measure's whole population: a rate or count stated for
/// them is not the indicator of the whole region.
pub(crate) const SUBGROUPS: &[&str] = &[
    "脱贫人口",
    "贫困人口",
    "建档立卡",
    "脱贫户",
    "贫困户",
    "低保",
    "特困",
    "残疾人",
    "困难群众",
    "贫困患者",
    "脱贫患者",
    "贫困慢病患者",
    "贫困大病患者",
    "城镇居民",
    "城区居民",
    "城市居民",
    "重点人群",
    "计生特殊家庭",
    // Some of the places or institutions (部分县区, 个别乡镇卫生院, 少数村): not all of them.
    "部分",
    "个别",
    "少数",
];

/// Grades that make an institution noun a subgroup (三级甲等综合医院, 二级以上医院).
pub(crate) const GRADES: &[&str] = &[
    "三级甲等",
    "三级乙等",
    "二级甲等",
    "二级乙等",
    "一级甲等",
    "三甲",
    "二甲",
    "三级",
    "二级",
    "一级",
    "甲等",
    "乙等",
    "以上",
];

/// Ownership and sector words that make an institution noun a subgroup (国有农场医院, 企业医院).
pub(crate) const SECTORS: &[&str] = &[
    "国有", "农场", "林场", "企业", "厂矿", "部队", "军队", "高校", "学校", "监狱", "铁路", "兵团",
];

/// Distinctions that make a facility or institution noun the best ones only (精品国医堂,
/// 示范中医馆, 星级村卫生室).
const DISTINCTIONS: &[&str] = &["精品", "示范", "星级", "标杆", "样板"];

/// Words that make a sum of money or of visits a part of the year (第三季度, 上半年, 1-9月).
const PART_YEAR: &[&str] = &["季度", "上半年", "下半年", "1-", "1至", "一至"];

/// Indicators that count every kind of institution, bed or worker: a parenthesis (含…) after them
/// names a part they already hold (医疗卫生机构(含村卫生室)). After any other indicator it adds
/// another kind (乡镇卫生院(含社区卫生服务中心)), and the count is no longer the indicator's.
const TOTALS: &[&str] = &[
    "medical_institutions",
    "primary_care_institutions",
    "hospital_beds",
    "health_technicians",
    "health_workers",
];

/// Where a fact's measure is named in its sentence: the last place its indicator text stands
/// before the fact's end (sentence offsets). A measure read with words from elsewhere in the
/// sentence (规范管理高血压患者2360人、糖尿病患者870人: 规范管理糖尿病患者; 其中旗人民医院520张:
/// 医院实有床位) is not written as one; its own words before the number stand for it.
fn measure_span(f: &Fact, sc: &[char], offset: usize) -> Option<(usize, usize)> {
    let text: Vec<char> = f.indicator_text.as_deref()?.chars().collect();
    let end = f.char_end.saturating_sub(offset).min(sc.len());
    if text.is_empty() {
        return None;
    }
    let written = (text.len() <= end)
        .then(|| {
            (0..=end - text.len())
                .rev()
                .find(|&i| sc[i..i + text.len()] == text[..])
        })
        .flatten();
    match written {
        Some(i) => Some((i, i + text.len())),
        None if matches!(
            f.rule,
            Rule::SharedValue | Rule::PartMeasure | Rule::RegionPart | Rule::ManagedCount
        ) =>
        {
            let number = end.saturating_sub(f.value_text.chars().count());
            let clause = crate::segment::clause_start(sc, 0, number);
            (clause < number).then_some((clause, number))
        }
        None => None,
    }
}

/// Whether the measure named at `start..end` is narrowed to a subgroup: a subgroup word stands
/// before it in its clause, or anywhere before it in the sentence when the measure is a bare
/// rate or count of three characters or fewer (参保率, 签约率) that takes its subject from there.
fn subgroup(sc: &[char], start: usize, end: usize, clause: usize) -> bool {
    let named: String = sc[start..end].iter().collect();
    if SUBGROUPS.iter().any(|w| named.contains(w)) {
        return false;
    }
    let from = if end - start <= 3 { 0 } else { clause };
    // A subgroup may end inside the measure's words (城区|居民健康素养水平).
    let before: String = sc[from..(start + 2).min(end)].iter().collect();
    // 少数民族 and 大部分 name no subgroup of the measure's population.
    let before = if before.contains("少数民族") || before.contains("大部分") {
        before.replace("少数民族", "").replace("大部分", "")
    } else {
        before
    };
    SUBGROUPS.iter().any(|w| before.contains(w))
}

/// Whether a group of ages in a measure's own clause narrows a measure of everyone
/// (65岁及以上老年人家庭医生签约1.62万人, 签约率…): not one of a list of subjects (老年人和孕产妇…).
fn age_group_before(f: &Fact, sc: &[char], clause: usize, start: usize) -> bool {
    const AGE_GROUPS: &[&str] = &["老年人", "65岁及以上", "65岁以上"];
    const OF_EVERYONE: &[&str] = &[
        "family_doctor_signing_rate",
        "signed_residents",
        "inpatient_reimbursement_ratio",
        "basic_insurance_coverage_rate",
    ];
    if !f
        .indicator_id
        .as_deref()
        .is_some_and(|id| OF_EVERYONE.contains(&id))
    {
        return false;
    }
    // A bare rate (签约率70.1%) takes its subject from the sentence before it; 总签约率 and a
    // whole area's (全县签约率) after the group are everyone's.
    let named = f.indicator_text.as_deref().unwrap_or_default();
    let from = if named.chars().count() <= 3 {
        0
    } else {
        clause.min(start)
    };
    let words: String = sc[from..start].iter().collect();
    AGE_GROUPS.iter().any(|w| {
        words.match_indices(w).any(|(k, _)| {
            let after = &words[k + w.len()..];
            !after.starts_with(['和', '、', '及', '与'])
                && !after.contains('总')
                && !crate::lexicon::OWN_PLACE
                    .iter()
                    .chain(crate::lexicon::WHOLE_AREA)
                    .any(|p| after.contains(p))
        })
    })
}

/// Verbs that take a place or an institution as their object (组织乡镇卫生院开展…, 深入社区…):
/// the words before them are no name.
const VERBS_BEFORE_PLACES: &[&str] = &[
    "组织", "深入", "开展", "走进", "进入", "前往", "覆盖", "指导", "督促", "推动", "依托", "联合",
    "加强", "支持", "帮助", "带动",
];

/// A clause without the 其中 that opens it (其中县人民医院实有床位1260张).
fn after_part(clause: &[char]) -> &[char] {
    let rest = clause.strip_prefix(&['其', '中'][..]).unwrap_or(clause);
    let skip = rest
        .iter()
        .take_while(|c| matches!(c, ',' | '，' | ':' | '：' | ' '))
        .count();
    &rest[skip..]
}

/// The words after a reply's address to the one it answers (您所在的兴隆镇龙凤村卫生室…: the
/// town is that reader's).
fn after_address(sc: &[char]) -> &[char] {
    ["您所在的", "你所在的"]
        .iter()
        .find_map(|w| {
            let n = w.chars().count();
            (sc.len() > n && sc[..n].iter().copied().eq(w.chars())).then(|| &sc[n..])
        })
        .unwrap_or(sc)
}

/// Whether the words open with towns or streets listed by name and counted (运河、泗水、虹城3个街道:
/// 家庭医生签约率33.6%): their figure, not the region's.
fn named_towns_listed(words: &[char]) -> bool {
    let head: String = words.iter().take(24).collect();
    ["街道", "乡镇", "镇", "乡"].iter().any(|end| {
        head.find(end).is_some_and(|at| {
            // (Counted: 3个街道, not 送药下乡.)
            let Some(counted) = head[..at].strip_suffix('个') else {
                return false;
            };
            let names = counted.trim_end_matches(|c: char| {
                c.is_ascii_digit() || "一二三四五六七八九十两".contains(c)
            });
            let items: Vec<&str> = names.split('、').collect();
            names.len() < counted.len()
                && items.len() >= 2
                && items.iter().all(|n| {
                    (2..=4).contains(&n.chars().count())
                        && n.chars().all(crate::lexicon::is_han)
                        && !n.starts_with(['全', '各', '每', '本', '该', '我', '其'])
                })
        })
    })
}

/// Whether the words before a measure in its clause open with a named town or neighbourhood
/// (稻香村街道金大塘社区签约居民4860人, 城关镇家庭医生签约率): its figure, not the region's.
fn named_town_opens(words: &[char]) -> bool {
    let words = after_address(words);
    if named_towns_listed(words) {
        return true;
    }
    const NOT_NAMES: &[&str] = &[
        "城市", "农村", "城镇", "城区", "城乡", "乡村", "所有", "偏远", "贫困", "脱贫", "重点",
    ];
    let head: String = words.iter().take(12).collect();
    ["街道", "社区", "镇", "乡"].iter().any(|end| {
        head.find(end).is_some_and(|at| {
            let name = &head[..at];
            let n = name.chars().count();
            (2..=5).contains(&n)
                && name.chars().all(crate::lexicon::is_han)
                && !NOT_NAMES.contains(&name)
                && !name.starts_with(['全', '各', '每', '本', '该', '我'])
                && !name
                    .chars()
                    .any(|c| "和、与及".contains(c) || TOWN_VERBS.contains(c))
                && !VERBS_BEFORE_PLACES.iter().any(|v| name.contains(v))
        })
    })
}

/// Whether a sentence opens with a town's name as its subject (白阳镇管理高血压患者4862人): two
/// to four characters that hold no word of a kind of place (所有乡镇, 城乡) nor of time (年末),
/// and 镇, 乡 or 街道 right after them.
fn town_opens_sentence(sc: &[char]) -> bool {
    let sc = after_address(sc);
    let Some(end) = sc
        .iter()
        .take(6)
        .position(|c| matches!(c, '镇' | '乡' | '街'))
    else {
        return false;
    };
    let name: String = sc[..end].iter().collect();
    // 共有乡镇卫生院, 现有乡村医生, 分娩镇痛: kinds and words, not a town.
    let rest: String = sc[end..sc.len().min(end + 2)].iter().collect();
    if ["乡镇", "乡村", "乡级", "镇痛"].contains(&rest.as_str())
        || name.ends_with(['有', '现', '实', '施', '在', '于', '为', '心'])
    {
        return false;
    }
    (2..=4).contains(&end)
        && (sc[end] != '街' || sc.get(end + 1) == Some(&'道'))
        && name.chars().all(crate::lexicon::is_han)
        && !name.contains(['乡', '镇', '村', '县', '市', '区', '省', '年', '月'])
        // 赤城镇, 古城镇 are towns; 新型城镇化, 城镇职工, 健全城乡 are words.
        && !(name.ends_with('城')
            && (sc[end] == '乡' || sc.get(end + 1).is_some_and(|c| "化职居人登就常户".contains(*c))))
        && !name.starts_with(['全', '各', '每', '本', '该', '我', '所', '其', '在', '对'])
        && named_town_opens(&sc[..sc.len().min(12)])
}

/// Whether the clause before a measure, or the sentence's opening, speaks of the reporting body
/// itself (我院, 该院, 总医院本部, 本部门, 本单位): its figures are the body's, not the region's.
fn own_body(sc: &[char], clause: usize, start: usize) -> bool {
    const OWN_BODY: &[&str] = &[
        "我院",
        "本院",
        "全院",
        "该院",
        "院本部",
        "本部门",
        "本单位",
        "我单位",
    ];
    let before: String = sc[clause..start].iter().collect();
    // Or the body opens the sentence, after its time (1—9月该院出院病人…,平均住院日7.6天).
    let opening: String = sc[..start.min(10)].iter().collect();
    OWN_BODY
        .iter()
        .any(|w| before.contains(w) || opening.contains(w) && !place_in(&sc[..start]))
}

/// Whether words name a place as the subject (全县, 我县, 全市).
fn place_in(words: &[char]) -> bool {
    let text: String = words.iter().collect();
    crate::lexicon::OWN_PLACE
        .iter()
        .chain(crate::lexicon::WHOLE_AREA)
        .any(|w| text.contains(w))
}

/// Kinds of institutions that, right before a measure of all of them (卫生人员, 病床使用率,
/// 医疗卫生机构), narrow it to their kind: 公立医院病床使用率, 其他医疗卫生机构21个.
const CATEGORIES: &[&str] = &[
    "公立医院",
    "公立医疗机构",
    "民营医院",
    "非公立医院",
    "社会办医院",
    "医院",
    "卫生院",
    "村卫生室",
    "社区卫生服务中心",
    "社区卫生服务站",
    "基层医疗卫生机构",
    "社区卫生服务机构",
    "专业公共卫生机构",
    "综合医院",
    "专科医院",
    "中医医院",
    "中医院",
    "其他",
    "定点",
    // Levels of the institutions of a region (县级医疗卫生单位9个, 乡级卫生技术人员).
    "县级",
    "县直",
    "市级",
    "乡级",
    "村级",
];

/// Measures of all kinds of institutions together, which a kind before them narrows (money put
/// into one kind, 县人民医院累计投入资金, is still the region's health investment; a kind's own
/// measure, 乡镇卫生院中医馆, is not narrowed).
const OF_ALL_KINDS: &[&str] = &[
    "medical_institutions",
    "primary_care_institutions",
    "hospital_beds",
    "planned_beds",
    "health_technicians",
    "health_workers",
    "licensed_doctors_incl_assistant",
    "licensed_doctors",
    "assistant_doctors",
    "registered_nurses",
    "general_practitioners",
    "pharmacists",
    "total_visits",
    "outpatient_emergency_visits",
    "admissions",
    "discharges",
    "bed_occupancy_rate",
    "avg_length_of_stay",
    "outpatient_cost_per_visit",
    "inpatient_cost_per_case",
    "inpatient_reimbursement_ratio",
];

/// Words between a kind of institution and its measure that keep the measure its
/// (乡镇卫生院在岗执业(助理)医师, 公立医院现有床位).
const BETWEEN_KIND_AND_MEASURE: &[&str] = &[
    "在岗",
    "在职",
    "现有",
    "共有",
    "实有",
    "共完成",
    "完成",
    "共",
    "有",
];

/// The words of a clause before its measure without the time and place that open them
/// (全年, 2023年, 全县, 其中): what is left names the clause's subject.
fn subject_words(words: &[char]) -> String {
    let mut text: String = words.iter().collect();
    loop {
        let trimmed = text.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || matches!(c, '年' | ',' | '，' | ':' | '：')
        });
        let next = ["全年", "今年", "其中", "同时", "另外"]
            .iter()
            .chain(crate::lexicon::WHOLE_AREA)
            .chain(crate::lexicon::OWN_PLACE)
            .find_map(|w| trimmed.strip_prefix(w))
            .unwrap_or(trimmed);
        if next.len() == text.len() {
            return text;
        }
        text = next.to_string();
    }
}

/// The words of a measure's clause before it (from `clause` to `start`), without the spaces and
/// 的 that end them: where a kind, a speciality or a scheme before the measure is read.
fn words_before(sc: &[char], clause: usize, start: usize) -> String {
    let before: String = sc[clause.min(start)..start].iter().collect();
    before.trim_end().trim_end_matches('的').to_string()
}

/// Whether a kind of institution stands right before the measure in its clause (公立医院卫生人员
/// 2986人): the measure is that kind's, not the region's.
fn category_before(sc: &[char], clause: usize, start: usize) -> bool {
    let before = words_before(sc, clause, start);
    let mut before = before.as_str();
    // 社区卫生服务中心(站)总诊疗人次: a short parenthesis after the kind is part of its name.
    if before.ends_with([')', '）'])
        && let Some(open) = before.rfind(['(', '（'])
        && before[open..].chars().count() <= 8
    {
        before = &before[..open];
    }
    if let Some(rest) = BETWEEN_KIND_AND_MEASURE
        .iter()
        .find_map(|w| before.strip_suffix(w))
    {
        before = rest;
    }
    CATEGORIES.iter().any(|c| before.ends_with(c))
}

/// Subgroups that are no subject a clause carries to the clauses after it: those naming an
/// indicator of their own (重点人群签约率, 城镇居民…) or a part of places (部分乡镇). The others
/// (脱贫人口高血压患者1.27万人) stay the subject of the clauses after them.
const NOT_CARRIED: &[&str] = &[
    "城镇居民",
    "城区居民",
    "城市居民",
    "重点人群",
    "部分",
    "个别",
    "少数",
];

/// Where the first clause of a sentence opens whose subject is a subgroup of the population
/// and where the first whose subject is a kind of institution.
fn earlier_subjects(sc: &[char], hits: &[Hit], facts: &[Fact]) -> (Option<usize>, Option<usize>) {
    // Looked for only where they can narrow a fact: a category before a measure of all kinds,
    // a subgroup named in the sentence.
    let kinds = facts.iter().any(|f| {
        f.indicator_id
            .as_deref()
            .is_some_and(|id| OF_ALL_KINDS.contains(&id))
    });
    let text: String = sc.iter().collect();
    let groups = SUBGROUPS.iter().any(|w| text.contains(w));
    let (mut subgroup, mut category) = (None, (!kinds).then_some(usize::MAX));
    if !groups {
        subgroup = Some(usize::MAX);
    }
    let mut at = 0;
    while at < sc.len() && (subgroup.is_none() || category.is_none()) {
        let end = (at..sc.len())
            .find(|&i| crate::segment::separates_clauses(sc[i]))
            .unwrap_or(sc.len());
        let subject = subject_words(&sc[at..end]);
        if subgroup.is_none()
            && SUBGROUPS
                .iter()
                .filter(|w| !NOT_CARRIED.contains(w))
                .any(|w| subject.starts_with(w))
        {
            subgroup = Some(at);
        }
        // The kind is the subject of a catalog measure right after it (乡镇卫生院诊疗人次…), not
        // the thing counted (医院6个) nor one of a list (医院、卫生院病床); a few words may stand
        // before it (乡镇卫生院, 县级公立医院).
        let skipped = (end - at) - subject.chars().count();
        let of_a_measure = |c: &&str| {
            subject.find(*c).is_some_and(|k| {
                let before = subject[..k].chars().count();
                let kind_end = at + skipped + before + c.chars().count();
                // 16处乡镇卫生院共有编制床位…: a word of having or doing may stand between.
                let measure_from = BETWEEN_KIND_AND_MEASURE
                    .iter()
                    .find(|w| subject[k + c.len()..].starts_with(*w))
                    .map_or(kind_end, |w| kind_end + w.chars().count());
                before <= 3
                    && hits.iter().any(|h| {
                        (at + skipped..=measure_from).contains(&h.start)
                            && h.end > kind_end
                            && matches!(h.target, Target::Indicator { .. })
                    })
            })
        };
        if category.is_none()
            && one_institution_opening(&sc[at..end], |_| false).is_none()
            && CATEGORIES
                .iter()
                // Hospitals' beds open many a list of the region's totals (全州有医院病床
                // 29552张,卫生技术人员34286人).
                .filter(|c| {
                    ![
                        "其他", "定点", "医院", "县级", "县直", "市级", "乡级", "村级",
                    ]
                    .contains(c)
                })
                .any(of_a_measure)
        {
            category = Some(at);
        }
        at = end + 1;
    }
    let found = |k: Option<usize>| k.filter(|&k| k != usize::MAX);
    (found(subgroup), found(category))
}

/// The label a sentence opens with before a colon, when the colon stands before `at` and within
/// its first 16 characters (城乡居民医保基金:…基金支出6.18亿元): it names what the sentence
/// states.
fn label(sc: &[char], at: usize) -> &[char] {
    let colon = sc[..at.min(sc.len())]
        .iter()
        .take(16)
        .position(|&c| c == ':' || c == '：');
    colon.map_or(&[], |k| &sc[..k])
}

/// Whether the measure is the one statistics state for hospitals, and hospitals stand before it
/// (全市医院病床使用率83.5%, 医院出院者平均住院日8.6日, 医院门诊病人次均医药费用): the indicator
/// itself, not a part.
fn hospitals_own(f: &Fact, sc: &[char], clause: usize, start: usize) -> bool {
    const OF_HOSPITALS: &[&str] = &[
        "bed_occupancy_rate",
        "avg_length_of_stay",
        "outpatient_cost_per_visit",
        "inpatient_cost_per_case",
    ];
    f.indicator_id
        .as_deref()
        .is_some_and(|id| OF_HOSPITALS.contains(&id))
        && {
            let before: String = sc[clause.min(start)..start].iter().collect();
            // A year first (2022年全县医院…) changes nothing.
            let before = match before.trim().split_once('年') {
                Some((y, rest)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
                    rest.to_string()
                }
                _ => before,
            };
            let before = crate::lexicon::WHOLE_AREA
                .iter()
                .find_map(|w| before.trim().strip_prefix(w))
                .unwrap_or(before.trim());
            matches!(before, "医院" | "各级医院" | "全部医院")
        }
}

/// Whether a speciality stands right before a measure of doctors or nurses (精神科执业医师2名,
/// 老年医学专业医师19人, 儿科医生36人): that speciality's, not all of them.
fn specialty_before(f: &Fact, sc: &[char], clause: usize, start: usize) -> bool {
    const STAFF: &[&str] = &[
        "licensed_doctors_incl_assistant",
        "licensed_doctors",
        "assistant_doctors",
        "registered_nurses",
    ];
    f.indicator_id
        .as_deref()
        .is_some_and(|id| STAFF.contains(&id))
        && {
            let before = words_before(sc, clause, start);
            before.ends_with('科') && !before.ends_with("本科") || before.ends_with("专业")
        }
}

/// Whether an insurance other than medical insurance stands right before a measure of
/// enrolment (生育保险参保人数2.31万人, 养老保险参保率): that insurance's figure, not health's.
fn other_insurance(f: &Fact, sc: &[char], clause: usize, start: usize) -> bool {
    const OTHER: &[&str] = &[
        "生育保险",
        "养老保险",
        "失业保险",
        "工伤保险",
        "生育险",
        "养老险",
    ];
    let enrolment = f
        .indicator_text
        .as_deref()
        .is_some_and(|t| t.starts_with("参保"));
    enrolment && {
        let before = words_before(sc, clause, start);
        OTHER.iter().any(|w| before.ends_with(w))
    }
}

/// Whether the words before a measure of every medical-insurance scheme's fund in its clause
/// name one scheme (职工医保基金支出, 城乡居民基本医疗保险基金支出): that scheme's part, not the
/// region's fund; so is the fund spent out of the county, on inpatients or on serious illness
/// (县外住院医保基金支出). Both schemes named together (居民医保和职工医保基金支出合计) are the
/// whole.
fn scheme_part(f: &Fact, sc: &[char], clause: usize, start: usize) -> bool {
    if f.indicator_id.as_deref() != Some("insurance_fund_expenditure") {
        return false;
    }
    let before: String = label(sc, start).iter().chain(&sc[clause..start]).collect();
    // A bare 基金支出 after one scheme's clause in its sentence (城乡居民医保基金收入9.86亿元,
    // 基金支出9.42亿元) is that scheme's, unless a total stands between.
    // The scheme must be the fund's (城乡居民…参保率95%,全年医保基金支出31.6亿元 is all funds').
    let earlier: String = sc[..clause].iter().collect();
    let fund_of = |scheme: &str| {
        earlier.rfind(scheme).is_some_and(|at| {
            let rest = &earlier[at..];
            let clause_end = rest.find([',', '，', ';', '；']).unwrap_or(rest.len());
            rest[..clause_end].contains("基金")
        })
    };
    let scheme_before = !before.contains("职工")
        && !before.contains("居民")
        && !["合计", "总", "全部", "全年", "全县", "全市"]
            .iter()
            .any(|w| before.contains(w))
        && earlier.contains("职工") != earlier.contains("居民")
        && (fund_of("职工") || fund_of("居民"));
    scheme_before
        || before.contains("职工") != before.contains("居民")
        || [
            "县外",
            "县域外",
            "县内",
            "县域内",
            "异地",
            "门诊",
            "住院",
            "大病",
        ]
        .iter()
        .any(|w| before.contains(w))
}

/// Whether the measure names a qualification people hold (具有执业(助理)医师资格的86人, 取得
/// 全科医生证书…): those counted are the holders among a group, not the region's staff of it.
fn qualification(f: &Fact, sc: &[char], end: usize) -> bool {
    let after: String = sc[end.min(sc.len())..].iter().take(2).collect();
    f.unit != UnitCode::Percent && ["资格", "证书", "资质"].contains(&after.as_str())
}

/// Whether a grade stands right before the measure (三级甲等综合医院, 三级中医院), or the measure
/// is a part, after 其中, of a graded total (二级医院75家,其中,中医医院9家).
fn graded(sc: &[char], start: usize, end: usize) -> bool {
    let named: String = sc[start..end].iter().collect();
    if GRADES.iter().any(|g| named.starts_with(g)) {
        return false;
    }
    let before: String = sc[start.saturating_sub(4)..start].iter().collect();
    // 65岁及以上老年人: an age, not a grade.
    let age = before.ends_with("以上") && sc[start.saturating_sub(6)..start].contains(&'岁');
    if !age && GRADES.iter().any(|g| before.ends_with(g))
        || SECTORS.iter().any(|g| before.ends_with(g))
        || DISTINCTIONS.iter().any(|g| before.ends_with(g))
        // 中心卫生院: the central ones of the towns' health centres.
        || named == "卫生院" && before.ends_with("中心")
    {
        return true;
    }
    let Some(part) = (0..start.saturating_sub(1))
        .rev()
        .find(|&i| sc[i] == '其' && sc[i + 1] == '中')
    else {
        return false;
    };
    let total_end = (0..part)
        .rev()
        .find(|&i| !(sc[i].is_whitespace() || matches!(sc[i], ',' | '，' | ':' | '：')))
        .map_or(0, |i| i + 1);
    let total_start = crate::segment::clause_start(sc, 0, total_end.saturating_sub(1));
    let total: String = sc[total_start..total_end].iter().collect();
    let total = total.trim_start();
    GRADES[..GRADES.len() - 1]
        .iter()
        .any(|g| total.starts_with(g))
}

/// Whether the clause before a number counts for each one of a kind (每个乡镇卫生院至少组建3个
/// 家庭医生团队, 每所卫生院配备2名全科医生): the number is what each has, not the total.
fn per_each(sc: &[char], clause: usize, number: usize) -> bool {
    const EACH: &[&str] = &[
        "每个",
        "每一个",
        "每所",
        "每家",
        "每村",
        "每个村",
        "每乡",
        "每支",
    ];
    let before = &sc[clause.min(number)..number.min(sc.len())];
    let text: String = before.iter().collect();
    // Counted or all things, then 均 (11个设区市均建成至少1家三级医院, 所有乡镇卫生院均配备2名
    // 全科医生): the count is each one's (not 人均, 平均, 均衡).
    let distributed = before.iter().enumerate().any(|(k, &c)| {
        let each = c == '均'
            && k > 0
            && !matches!(
                before[k - 1],
                '人' | '平' | '户' | '日' | '次' | '床' | '年' | '月' | '周' | '例'
            )
            && before
                .get(k + 1)
                .is_none_or(|n| !matches!(n, '值' | '衡' | '等' | '匀' | '次'));
        each && {
            // A count of things before it (11个), not a year (2022年).
            let counted = before[..k]
                .windows(2)
                .any(|w| w[0].is_ascii_digit() && "个所家支座".contains(w[1]));
            let head: String = before[..k].iter().collect();
            counted || head.contains("所有") || head.contains("全部")
        }
    });
    EACH.iter().any(|w| text.contains(w)) || distributed
}

/// Counts of what happens over a year that are neither money nor people: cases, doses, sessions.
const FLOW_COUNTS: &[&str] = &[
    "notifiable_cases",
    "vaccine_doses",
    "health_education_sessions",
];

/// Whether a sum over the year (money, visits, cases, doses) is stated for a part of it:
/// 第三季度…支出, 1-9月…诊疗人次. The part-year figure is not the year's.
/// A rate over the year (a death rate, an incidence) is a sum too, and so is a percent stated for
/// the part. `carried`: the sentence before, joined to this one by ；, stated the part of the
/// year (1-9月,…；出院人数5.8万人次), or the report's title named it for the fact's year.
fn part_year(f: &Fact, sc: &[char], start: usize, carried: bool, title: bool) -> bool {
    // 全年下达…资金4265万元 in a half year's report: the whole year's.
    let clause = crate::segment::clause_start(sc, 0, start);
    let own: String = sc[clause..start].iter().collect();
    // (So is an aim for the year's end: 下半年…力争年底签约覆盖率达到45%.)
    if own.contains("全年")
        || f.kind == crate::Kind::Target && (own.contains("年底") || own.contains("年末"))
    {
        return false;
    }
    // A sum as of a date before the year's end (截至6月末,…累计补偿1826万元) is the part's too.
    let stated = || {
        let before: String = sc[..start].iter().collect();
        names_part_of_year(&before) || as_of_before_year_end(&before)
    };
    // A subsidy or a payment per head (人均基本公共卫生服务经费补助标准提高到94元) is a rate set
    // for the year, not money spent in its part.
    let per_head = f.indicator_id.as_deref().is_some_and(|id| {
        matches!(
            id,
            "basic_phs_subsidy_per_capita" | "resident_insurance_subsidy_per_capita"
        )
    });
    match f.unit {
        UnitCode::Yuan if per_head => false,
        // A part of the year carried from before (a sentence joined by ；, the report's title)
        // does not reach an aim for the whole year (下半年工作打算:全年力争…).
        UnitCode::Yuan | UnitCode::PersonTime | UnitCode::PerMille | UnitCode::Per100k => {
            carried && f.kind == crate::Kind::Actual || stated()
        }
        // Cases, doses and sessions (682例, 1.86万剂次) are flows too; other counts in this unit
        // (医共体, 托位) are stocks.
        UnitCode::Other
            if f.indicator_id
                .as_deref()
                .is_some_and(|id| FLOW_COUNTS.contains(&id)) =>
        {
            carried && f.kind == crate::Kind::Actual || stated()
        }
        // A rate or a count of people its own clause states for the half year (上半年全县…规范
        // 管理率62.1%, 上半年完成两癌筛查8600人) is not the year's either; a level the sentence
        // reaches after the half year's flows (上半年,新增签约…,签约率达到64.7%) or at a date
        // (截至6月底) is the state then.
        // So is one whose clause follows a clause that only names the part (今年1-10月,县域内
        // 就诊率92.3%).
        // In a report on part of the year, a rate reached is the part's state (上半年工作总结:
        // 高血压患者规范管理率52.6%), not the year's; one standing at a date it names (截至9月底,
        // 6月末) is the state then.
        UnitCode::Percent if title && f.kind == crate::Kind::Actual && !dated(&sc[..start]) => true,
        UnitCode::Percent | UnitCode::Person => {
            // 与上半年相比: a comparison, not the time of the rate.
            let only_the_part = |words: &[char]| {
                let words: String = words.iter().collect();
                words.chars().count() <= 10
                    && names_part_of_year(&words)
                    && !words.starts_with(['与', '较', '比'])
            };
            let adverbial = clause >= 2 && {
                let prev = crate::segment::clause_start(sc, 0, clause - 1);
                only_the_part(&sc[prev..clause - 1])
            };
            // A sentence that opens by naming the part (今年1至11月,县域内就诊率90.6%,县域内住院
            // 人次占比86%) times every rate in it; but enrolment is settled before the year
            // begins (今年上半年,…参合率99.1%: the year's).
            let enrolment = f.indicator_id.as_deref().is_some_and(|id| {
                matches!(
                    id,
                    "ncms_participation_rate" | "basic_insurance_coverage_rate"
                )
            });
            // So are the people a part of the year took on, screened or saw born (上半年公开招聘
            // 医务人员46名,…招录农村订单定向医学生12名).
            let flow = f.indicator_id.as_deref().is_some_and(|id| {
                matches!(
                    id,
                    "staff_recruited" | "two_cancer_screenings" | "live_births"
                )
            });
            let opening = (f.unit == UnitCode::Percent && !enrolment || flow) && {
                sc[..start]
                    .iter()
                    .position(|&c| crate::segment::separates_clauses(c))
                    .is_some_and(|first| {
                        // …unless the part's flows come first: the level reached after them is
                        // the state then (上半年,全县新增签约居民1.35万人,重点人群签约率达到83.5%).
                        let between: String = sc[first..clause].iter().collect();
                        only_the_part(&sc[..first])
                            && !["新增", "累计"].iter().any(|w| between.contains(w))
                    })
            };
            // A flow in a sentence that opens with the part (上半年公开招聘…) is the part's.
            let opens_with_part = flow && {
                let head: String = sc.iter().take(8).collect();
                names_part_of_year(&head)
            };
            // In a report on part of the year, the people it took on or screened are the part's.
            let titled_flow = flow && title && f.kind == crate::Kind::Actual;
            adverbial
                || opening
                || opens_with_part
                || titled_flow
                || names_part_of_year(&sc[clause..start].iter().collect::<String>())
        }
        _ => false,
    }
}

/// Whether words name a date a state stands at: 截至, 截止, or 底 or 末 right after a month or a
/// year (9月底, 6月末), not inside a word (兜底, 摸底, 末梢).
fn dated(words: &[char]) -> bool {
    let text: String = words.iter().collect();
    text.contains("截至")
        || text.contains("截止")
        || words
            .windows(2)
            .any(|w| matches!(w[0], '月' | '年') && matches!(w[1], '底' | '末'))
}

/// Whether `before` holds a date a sum runs up to that falls before December (截至6月末,
/// 截止2010年9月底).
fn as_of_before_year_end(before: &str) -> bool {
    ["截至", "截止"].iter().any(|w| {
        before.match_indices(w).any(|(at, _)| {
            let rest = before[at + w.len()..].trim_start_matches('到');
            // The year, if written.
            let rest = match rest.find('年') {
                Some(y) if y <= 4 && rest[..y].chars().all(|c| c.is_ascii_digit()) => {
                    &rest[y + '年'.len_utf8()..]
                }
                _ => rest,
            };
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse::<u32>().is_ok_and(|m| (1..12).contains(&m))
                && rest[digits.len()..].starts_with('月')
        })
    })
}

/// Whether a parenthesis open before `text` closes in it, counting those opened inside it
/// (其中执业(助理)医师42人: the inner one closes, the outer stays open).
pub(crate) fn closes_before(text: &[char]) -> bool {
    let mut depth = 0usize;
    for &c in text {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' if depth == 0 => return true,
            ')' | '）' => depth -= 1,
            _ => {}
        }
    }
    false
}

/// Whether `text` names one month of a year (2024年5月法定传染病疫情概况, 2024年5月(5月1日至31日),
/// 全县共报告…), not a day or an end of it (2024年5月10日, 2024年5月底). `anywhere`: in a title
/// the month may stand anywhere; in a sentence it must open it (a month in the middle dates an
/// event: 2023年11月建成…). 本月 and 当月 name one month wherever they stand.
pub(crate) fn one_month_named(text: &str, anywhere: bool) -> bool {
    // 本月 anywhere; 当月 opening a sentence, or anywhere in a title (当月结算 inside a sentence
    // is no period).
    if text.contains("本月")
        || text.trim_start().starts_with("当月")
        || anywhere && text.contains("当月")
    {
        return true;
    }
    let month_at = |at: usize| {
        let rest = &text[at..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let after = &rest[digits..];
        let next = after.get('月'.len_utf8()..).unwrap_or("");
        (1..=2).contains(&digits)
            && rest[..digits]
                .parse::<u32>()
                .is_ok_and(|m| (1..=12).contains(&m))
            && after.starts_with('月')
            // 2024年1月起, 以来, 底: a start or an end, not the month; in a sentence the month
            // stands alone before a comma or a parenthesis (2024年5月(5月1日至…),全县…); in a
            // title, not in a parenthesis of its own (…工作总结(2024年1月)).
            && !next.starts_with(|c: char| {
                c.is_ascii_digit() || "日号底末初中旬至-份起以开后前~".contains(c)
            })
            && (anywhere && !next.starts_with([')', '）'])
                || next.starts_with([',', '，', '(', '（', ' ']))
    };
    text.match_indices('年').any(|(at, _)| {
        let digits = text[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        digits == 4 && (anywhere || at == 4) && month_at(at + '年'.len_utf8())
    })
}

/// Whether `before` names a part of the year: a quarter, a half, or a month range from January
/// that ends before December (1-9月, 1至6月, 一至三季度).
pub(crate) fn names_part_of_year(before: &str) -> bool {
    // 1—11月 as 1-11月; 11月份 is one month.
    const DASHES: [char; 5] = ['—', '–', '－', '~', '～'];
    let before: std::borrow::Cow<'_, str> = if before.contains(DASHES) {
        before.replace(DASHES, "-").into()
    } else {
        before.into()
    };
    // One month (11月份), not the end of a range (1-12月份 is the whole year).
    let one_month = before.match_indices("月份").any(|(at, _)| {
        let digits = before[..at]
            .chars()
            .rev()
            .take_while(char::is_ascii_digit)
            .count();
        digits > 0 && !before[..at - digits].ends_with(['-', '至'])
    });
    // 2023年3月,县医院新院区启用,全年门急诊人次…: the month dates an event, the figure is the
    // year's.
    if one_month || one_month_named(before.trim_start(), false) && !before.contains("全年") {
        return true;
    }
    PART_YEAR.iter().any(|w| match before.find(w) {
        // 1-9月 and 1至6月: a month range from January that ends before December.
        Some(i) if w.starts_with(['1', '一']) => {
            let rest = &before[i + w.len()..];
            let month: String = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
                .collect();
            let last = month.parse::<u32>().ok().or_else(|| {
                countypanel_zhnum::parse_chinese(&month)
                    .filter(|v| (1.0..=12.0).contains(v))
                    .map(|v| v as u32)
            });
            rest[month.len()..].starts_with('月') && last.is_some_and(|m| (1..12).contains(&m))
        }
        Some(_) => true,
        None => false,
    })
}

/// Whether a parenthesis right after the measure adds another kind of institution to it
/// (乡镇卫生院(含社区卫生服务中心)), judged by the words that name institutions.
fn widened(f: &Fact, sc: &[char], end: usize) -> bool {
    if f.indicator_id
        .as_deref()
        .is_some_and(|id| TOTALS.contains(&id))
    {
        return false;
    }
    let rest = &sc[end..];
    let Some(first) = rest.first() else {
        return false;
    };
    if !matches!(first, '(' | '（') || rest.get(1) != Some(&'含') {
        return false;
    }
    let inside: String = rest[2..]
        .iter()
        .take_while(|&&c| !matches!(c, ')' | '）'))
        .collect();
    const KINDS: &[&str] = &[
        "中心",
        "卫生院",
        "医院",
        "卫生室",
        "诊所",
        "门诊部",
        "服务站",
        "机构",
    ];
    KINDS.iter().any(|k| inside.contains(k))
}

/// What was named before a sentence and still holds in it: a part of the year (by the sentence
/// before, joined by ；, or by the report's title, 2024年第一季度…通报, which speaks of that year
/// only), and one institution the sentence before opened with when ； joins them (总医院本部…
/// 开放床位562张；在岗职工1035人,其中卫生技术人员886人).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Before {
    /// The sentence before named a part of the year.
    pub part_year_open: bool,
    /// What the title says.
    pub title: TitlePart,
    /// The ending of the institution that opened the sentence before.
    pub institution: Option<&'static str>,
    /// The ending of the institution the paragraph's sentences so far have been about
    /// (县中医院为二级甲等中医医院,开放床位520张。2023年完成门急诊诊疗31.2万人次,…).
    pub paragraph_institution: Option<&'static str>,
}

/// The part of the year a report's title names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum TitlePart {
    /// None.
    #[default]
    None,
    /// A part of a year the title does not name (上半年工作总结).
    Undated,
    /// A part of this year (2024年1—9月快报).
    Of(i32),
}

impl Before {
    /// Whether a part of the year reaches a fact of `year`: a review of a whole earlier year
    /// inside the report (四、2023年全年情况回顾) is not a part.
    fn part_year_holds(self, year: Option<i32>) -> bool {
        self.part_year_open || self.title_holds(year)
    }

    /// Whether the title's part of the year reaches a fact of `year`.
    fn title_holds(self, year: Option<i32>) -> bool {
        match self.title {
            TitlePart::None => false,
            TitlePart::Undated => true,
            TitlePart::Of(y) => year == Some(y),
        }
    }
}

/// Takes the indicator away from facts of the sentence `sc` (starting at document character
/// `offset`) that are not the region's measure: a town's (by a scope word, a named town opening
/// the clause, or a town's report), one institution's (a clause or sentence opening with it, an
/// institution's report or section, 每个…, 我院), a department's money in its budget, a part of
/// the year, a subgroup (also carried to the clauses after it), a qualification, a kind of
/// institution before a measure of all of them, a grade or a widening parenthesis; and from
/// every fact when the sentence sits in a bulletin section about another domain. `before` says
/// what earlier sentences named that still holds. Returns the institution the sentence opened
/// with (or that still held in it), for a sentence joined to it by ；.
pub(crate) fn narrow(
    facts: &mut [Fact],
    sc: &[char],
    offset: usize,
    other_section: bool,
    hits: &[Hit],
    document: DocumentSubject,
    before: Before,
) -> Option<&'static str> {
    // Whether the words before an institution's ending are a region's name the sentence holds.
    let region_named = |name: &str| {
        hits.iter()
            .any(|h| matches!(&h.target, Target::Region(r) if &**r == name))
    };
    // The one institution the sentence opens with, or that the sentence before opened with
    // when ； joins them and this one names no place.
    // A sentence opening with the reporting body (全年本部门急诊人次…) is its own as well; one
    // carried over ； holds only its facility's measures.
    let catalogued = facts.iter().any(|f| f.indicator_id.is_some());
    let own = if catalogued {
        one_institution_opening(sc, region_named)
            .or_else(|| own_body(sc, 0, sc.len().min(10)).then_some("医院"))
    } else {
        None
    };
    let own_opening = own.is_some();
    // The sentence right after one opening with an institution in its paragraph, with no
    // subject of its own (县中医院…开放床位520张。2023年完成门急诊诊疗31.2万人次,…), holds the
    // institution's facility measures too, as one joined by ； does.
    let paragraph = before.paragraph_institution.filter(|_| {
        let first = facts
            .iter()
            .map(|f| f.char_start.saturating_sub(offset))
            .min()
            .unwrap_or(0);
        !sc.starts_with(&['全', '年']) && no_subject_of_its_own(sc, first, hits)
    });
    let opening = own.or_else(|| before.institution.or(paragraph).filter(|_| !place_in(sc)));
    // A subgroup that is the subject of a rate (脱贫人口高血压患者规范管理率85.2%) stays the
    // subject of the clauses after it that name no place of their own (,糖尿病患者…83.7%).
    let mut subgroup_open = false;
    // The first clause whose subject is a subgroup (脱贫人口高血压患者1.27万人,规范管理率…) or a
    // kind of institution (全县乡镇卫生院诊疗人次186.4万,入院人数…): the clauses after it that
    // name no place nor subject of their own speak of it too.
    let (subgroup_subject, category_subject) = if catalogued && !other_section {
        earlier_subjects(sc, hits, facts)
    } else {
        (None, None)
    };
    // Where each fact's number ends, and whether its clause's subject is a kind of institution
    // while it names no catalog measure (全县村卫生室在岗人员共224人): the totals a 其中 can
    // follow. Those narrowed below join `narrowed_totals`.
    let totals: Vec<(usize, bool)> = if catalogued && sc.contains(&'其') {
        facts
            .iter()
            .map(|g| {
                let end = g.char_end.saturating_sub(offset).min(sc.len());
                let number = end.saturating_sub(g.value_text.chars().count());
                let kind_subject = g.indicator_id.is_none() && {
                    let clause = crate::segment::clause_start(sc, 0, number);
                    let words: String = sc[clause..number].iter().collect();
                    CATEGORIES.iter().any(|c| words.contains(c))
                };
                (end, kind_subject)
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut narrowed_totals: Vec<usize> = Vec::new();
    // A town named opening the sentence or a clause (白阳镇管理高血压患者4862人,规范管理率
    // 76.8%) is the subject of the later clauses that name no place of their own: where such a
    // town opens a clause (从乡镇情况看,白阳镇管理…).
    let town_clauses: Vec<usize> = if catalogued {
        std::iter::once(0)
            .chain(
                (0..sc.len())
                    .filter(|&i| crate::segment::separates_clauses(sc[i]))
                    .map(|i| i + 1),
            )
            .filter(|&at| at < sc.len() && town_opens_sentence(&sc[at..]))
            .collect()
    } else {
        Vec::new()
    };
    for f in facts.iter_mut() {
        if other_section {
            if f.indicator_id.take().is_some() {
                f.rule = Rule::OtherSection;
            }
            f.health = false;
            continue;
        }
        if f.indicator_id.is_none() {
            continue;
        }
        let Some((start, end)) = measure_span(f, sc, offset) else {
            continue;
        };
        let clause = crate::segment::clause_start(sc, 0, start);
        let facility = f
            .indicator_id
            .as_deref()
            .is_some_and(|id| FACILITY_MEASURES.contains(&id));
        // Whether one institution that opens the sentence or the clause holds the measure: its
        // facility's, and every measure but money of a hospital or a town's centre
        // (县人民医院传染病报告及时率100%); money put into it is the region's investment.
        // Measures of the region alone (县域内就诊率) are never one institution's.
        let regional = f
            .indicator_id
            .as_deref()
            .is_some_and(|id| REGION_ONLY.contains(&id));
        let holds = |ending: &str| {
            facility || !regional && f.unit != UnitCode::Yuan && reports_only_its_own(ending)
        };
        // Not a clause that continues a list (以县人民医院、县中医医院为龙头的2个医共体).
        let clause_opening = if clause > 0 && sc[clause - 1] != '、' {
            one_institution_opening(after_part(&sc[clause..]), region_named)
        } else {
            None
        };
        // A part after 其中 of a total narrowed to a subgroup or a kind (医保定点医疗机构412家(其中
        // 村卫生室336家…); 村卫生室在岗人员共224人,其中执业(助理)医师42人) is narrowed as well: of
        // a kind's total, the measures of all kinds.
        let part_of_narrowed = !totals.is_empty()
            && part_of_total(sc, clause, start, &totals).is_some_and(|(end, kind_subject)| {
                narrowed_totals.contains(&end)
                    || kind_subject
                        && f.indicator_id
                            .as_deref()
                            .is_some_and(|id| OF_ALL_KINDS.contains(&id))
            });
        let rule = if town_before(sc, start)
            || (document == DocumentSubject::Town
                && !county_before(sc, start)
                // 上杭县现有乡镇卫生院22家 in an article on one of its towns: the county's, when it
                // opens a clause of the sentence before the number (在平安县卫健局支持下,镇卫生院…
                // 村卫生室达到19个 stays the town's).
                && !hits.iter().any(|h| {
                    matches!(h.target, Target::Region(_))
                        && h.end <= start
                        && sc[crate::segment::clause_start(sc, 0, h.start)..h.start]
                            .iter()
                            .all(|c| c.is_whitespace())
                }))
            || named_town_opens(&sc[clause..start])
            || town_clauses.iter().any(|&at| at < clause && at < start)
                && !county_before(sc, start)
                && !place_in(&sc[clause..start])
        {
            Rule::Town
        } else if (opening.is_some_and(|e| facility || clause == 0 && own_opening && holds(e))
            || facility
                && matches!(
                    document,
                    DocumentSubject::Institution | DocumentSubject::Hospital
                )
            || document == DocumentSubject::Hospital
                && matches!(
                    f.unit,
                    UnitCode::Person
                        | UnitCode::PersonTime
                        | UnitCode::Institution
                        | UnitCode::Team
                        | UnitCode::Bed
                        | UnitCode::Item
                        | UnitCode::Other
                ))
            && !county_before(sc, start)
            || clause_opening.is_some_and(holds)
            || f.unit != UnitCode::Percent
                && per_each(sc, clause, f.char_start.saturating_sub(offset))
            || own_body(sc, clause, start)
            || document == DocumentSubject::Department
                && f.unit == UnitCode::Yuan
                && !county_before(sc, start)
        {
            Rule::OneInstitution
        } else if part_year(
            f,
            sc,
            start,
            before.part_year_holds(f.year),
            before.title_holds(f.year),
        ) {
            Rule::PartYear
        } else if subgroup(sc, start, end, clause)
            || subgroup_open && !place_in(&sc[clause..start]) && !regional
            || subgroup_subject
                .is_some_and(|at| at < clause && !place_in(&sc[at..start]) && !regional)
        {
            subgroup_open = true;
            Rule::Subgroup
        } else if specialty_before(f, sc, clause, start) || age_group_before(f, sc, clause, start) {
            Rule::Subgroup
        } else if other_insurance(f, sc, clause, start) {
            f.health = false;
            Rule::NotHealth
        } else if qualification(f, sc, end)
            || scheme_part(f, sc, clause, start)
            // Money put into one kind of institution (县人民医院累计投入资金1000多万元) is still
            // the region's health investment.
            || f.indicator_id.as_deref().is_some_and(|id| OF_ALL_KINDS.contains(&id))
                && !hospitals_own(f, sc, clause, start)
                && (category_before(sc, clause, start)
                    || category_subject.is_some_and(|at| {
                        at < clause
                            && subject_words(&sc[clause..start]).is_empty()
                            && !place_in(&sc[clause..start])
                    }))
        {
            Rule::Subgroup
        } else if graded(sc, start, end) {
            Rule::Graded
        } else if widened(f, sc, end) {
            Rule::Widened
        } else if part_of_narrowed {
            Rule::Subgroup
        } else {
            continue;
        };
        // A grade or distinction before the measure names what is counted (精品国医堂).
        if rule == Rule::Graded
            && let Some(text) = f.indicator_text.as_deref()
        {
            let before: String = sc[start.saturating_sub(4)..start].iter().collect();
            if let Some(word) = GRADES
                .iter()
                .chain(SECTORS)
                .chain(DISTINCTIONS)
                .chain(&["中心"])
                .find(|w| before.ends_with(*w))
            {
                f.indicator_text = Some(format!("{word}{text}"));
            }
        }
        if matches!(rule, Rule::Subgroup | Rule::Graded) {
            narrowed_totals.push(f.char_end.saturating_sub(offset));
        }
        f.indicator_id = None;
        f.rule = rule;
    }
    opening
}

/// Whether the words of a sentence before its first number (`first`) name no subject: no
/// region, town, kind of institution or institution (2023年完成门急诊诊疗31.2万人次 names none;
/// 乡镇卫生院诊疗…, 白阳镇… do).
fn no_subject_of_its_own(sc: &[char], first: usize, hits: &[Hit]) -> bool {
    let first = first.min(sc.len());
    let words: String = sc[..first].iter().collect();
    !hits
        .iter()
        .any(|h| h.start < first && matches!(h.target, Target::Region(_)))
        && !CATEGORIES.iter().any(|c| words.contains(c))
        && !INSTITUTION_WORDS.iter().any(|c| words.contains(c))
        && !named_town_opens(&sc[..first])
}

/// Words that name an institution or a body of them in a sentence's opening.
const INSTITUTION_WORDS: &[&str] = &["院", "中心", "站", "所", "室", "机构", "医共体"];

/// The total a part whose measure starts at `start` is counted in: the fact that ends last
/// before the 其中 that opens the part's list (in `totals`, each fact's end and whether a kind of
/// institution is its subject), when no ；, and no parenthesis that 其中 opened, has closed since.
fn part_of_total(
    sc: &[char],
    clause: usize,
    start: usize,
    totals: &[(usize, bool)],
) -> Option<(usize, bool)> {
    let floor = (0..clause)
        .rev()
        .find(|&i| matches!(sc[i], '；' | ';' | '。'))
        .map_or(0, |i| i + 1);
    let p = (floor..start.saturating_sub(1))
        .rev()
        .find(|&i| sc[i] == '其' && sc[i + 1] == '中')?;
    let in_parenthesis = p > 0 && matches!(sc[p - 1], '(' | '（');
    if in_parenthesis && closes_before(&sc[p..start]) {
        return None;
    }
    totals.iter().rev().find(|(end, _)| *end <= p).copied()
}

/// What a document is about, as its title says: a region (a county's or a city's report), a
/// town, one institution that also reports the region's rates (平安县妇幼保健院2023年工作总结), a
/// hospital (宁远县人民医院2023年度工作报告) or a department's budget. A town's numbers are the
/// town's; an institution's beds, staff and visits and a hospital's counts are its own, unless a
/// sentence names the wider place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DocumentSubject {
    Region,
    Town,
    /// An institution that reports the region's rates as well as its own figures (妇幼保健院,
    /// 疾病预防控制中心): its facility's measures are its own.
    Institution,
    /// A hospital: every count it states is its own (its teams, lectures, recruits), unless a
    /// sentence names the wider place.
    Hospital,
    /// A department's budget or final accounts (平安县卫生健康局2024年部门预算): its amounts
    /// are the department's, not the region's spending.
    Department,
}

impl DocumentSubject {
    /// What the title `title` says the document is about.
    pub(crate) fn of_title(title: Option<&str>) -> Self {
        match title {
            Some(t) if title_names_town(t) => Self::Town,
            Some(t) => match title_institution(t) {
                Some(ending) if reports_only_its_own(ending) => Self::Hospital,
                Some(_) => Self::Institution,
                None if t.contains("部门预算") || t.contains("部门决算") => {
                    Self::Department
                }
                None => Self::Region,
            },
            None => Self::Region,
        }
    }
}

/// Whether a title is a notice of hires (平安县人民医院2024年公开招聘工作人员公告, …招聘简章).
pub(crate) fn is_hiring_notice(title: &str) -> bool {
    title.contains("招聘")
        && ["公告", "简章", "启事", "公示", "计划表"]
            .iter()
            .any(|w| title.contains(w))
}

/// Whether a title opens with the name of one institution (宁远县人民医院2023年工作总结,
/// 市第一人民医院…, 平安县妇幼保健院…), after a region's name; a town's health centre is a
/// town's title.
pub(crate) fn title_names_institution(title: &str) -> bool {
    title_institution(title).is_some()
}

/// The ending of the one institution a title opens with ([`title_names_institution`]).
fn title_institution(title: &str) -> Option<&'static str> {
    let head: Vec<char> = title.chars().take(20).collect();
    let head: String = head.iter().collect();
    let (at, ending) = first_institution_ending(&head)?;
    if ending == "卫生院" || ending == "社区卫生服务中心" {
        return None;
    }
    let prefix = &head[..at];
    // 关于市人民医院…的报告, 县卫健委…: a body writing about the institution.
    if ["关于", "局", "委", "政府", "办"]
        .iter()
        .any(|w| prefix.contains(w))
    {
        return None;
    }
    let level = without_specialty(without_ordinal(prefix));
    let n = level.chars().count();
    ((1..=10).contains(&n)
        && level.ends_with(['县', '区', '市', '州', '旗'])
        && level.chars().all(crate::lexicon::is_han)
        && !CLASS_WORDS.iter().any(|w| level.contains(w))
        && !head[at + ending.len()..].starts_with(['、', '和', '及', '与']))
    .then_some(ending)
}

/// Whether a heading names one institution alone (【县人民医院】, (三)县中医医院, 三、平安县妇幼
/// 保健院): the section under it is about that institution.
pub(crate) fn heading_names_institution(heading: &str) -> bool {
    let name: String = heading
        .chars()
        .skip_while(|c| !crate::lexicon::is_han(*c) || "一二三四五六七八九十".contains(*c))
        .take_while(|c| !matches!(c, '】' | ']' | '。' | ':' | '：' | ',' | '，' | ' '))
        .collect();
    title_names_institution(&name)
        && INSTITUTION_ENDINGS
            .iter()
            .any(|e| name.ends_with(e) || name.ends_with("中心"))
        || names_town_centre(&name)
}

/// Whether `name` is one town's health centre (大店镇中心卫生院, 十字路街道社区卫生服务中心), not
/// the kind (其他乡镇卫生院, 各乡镇卫生院).
fn names_town_centre(name: &str) -> bool {
    ["中心卫生院", "卫生院", "社区卫生服务中心"]
        .iter()
        .find_map(|e| name.strip_suffix(e))
        .is_some_and(|town| {
            let n = town.chars().count();
            (2..=8).contains(&n)
                && town.chars().all(crate::lexicon::is_han)
                && (town.ends_with(['镇', '乡']) || town.ends_with("街道"))
                && !town.contains("乡镇")
                && !["其他", "各", "全", "部分", "所有"]
                    .iter()
                    .any(|w| town.starts_with(w))
        })
}

/// The first ending of an institution's name in `head` (in bytes), the longest where several
/// start together (人民医院 before 医院).
pub(crate) fn first_institution_ending(head: &str) -> Option<(usize, &'static str)> {
    // Every ending ends in 院 or 心: the first such character that closes one, the longest.
    head.char_indices()
        .filter(|&(_, c)| c == '院' || c == '心')
        .find_map(|(i, c)| {
            let end = i + c.len_utf8();
            INSTITUTION_ENDINGS
                .iter()
                .filter(|e| head[..end].ends_with(**e))
                .max_by_key(|e| e.len())
                .map(|e| (end - e.len(), *e))
        })
}

/// A name without the kind of medicine or patients its hospital is for (旗蒙医医院: 旗,
/// 县精神病医院: 县).
fn without_specialty(prefix: &str) -> &str {
    [
        "蒙医",
        "藏医",
        "维吾尔医",
        "维医",
        "民族医",
        "中蒙医",
        "蒙中医",
        "精神病",
        "传染病",
        "肿瘤",
        "口腔",
        "儿童",
        "骨伤",
        "康复",
        "眼科",
        "皮肤病",
        // 市中心医院: a city's central hospital.
        "中心",
    ]
    .iter()
    .find_map(|w| prefix.strip_suffix(w))
    .unwrap_or(prefix)
}

/// A name without the ordinal of its institution (市第一人民医院: 市).
fn without_ordinal(prefix: &str) -> &str {
    ["第一", "第二", "第三", "第四", "第五"]
        .iter()
        .find_map(|w| prefix.strip_suffix(w))
        .unwrap_or(prefix)
}

/// Indicators that measure what a health facility has and does (its beds, staff, visits,
/// patients, costs): stated after one institution's name, they are that institution's. Its
/// money invested (区人民医院新院区总投资4.3亿元) is still the region's health investment, and
/// the rates an institution reports for the region (县妇幼保健院…孕产妇系统管理率95%) are the
/// region's.
const FACILITY_MEASURES: &[&str] = &[
    "hospital_beds",
    "hospital_beds_hospitals",
    "planned_beds",
    "health_workers",
    "health_technicians",
    "licensed_doctors_incl_assistant",
    "licensed_doctors",
    "assistant_doctors",
    "registered_nurses",
    "pharmacists",
    "general_practitioners",
    "total_visits",
    "outpatient_emergency_visits",
    "admissions",
    "discharges",
    "surgeries",
    "bed_occupancy_rate",
    "avg_length_of_stay",
    "bed_turnover",
    "doctor_daily_visits",
    "outpatient_cost_per_visit",
    "inpatient_cost_per_case",
    "tcm_visits",
];

/// Measures of a region as a whole, which no one institution states of itself.
const REGION_ONLY: &[&str] = &[
    "county_consultation_rate",
    "county_inpatient_share",
    "primary_care_visit_share",
    "county_medical_communities",
];

/// Words that make a town the subject of what follows them in a sentence (全镇共有村卫生室12个).
const TOWN_SCOPE: &[&str] = &[
    "全镇",
    "全乡",
    "本镇",
    "本乡",
    "该镇",
    "该乡",
    "我镇",
    "我乡",
    "全街道",
    // A village's (石盘村…在他的带动下,村里家庭医生签约率达到了95%).
    "全村",
    "该村",
    "本村",
    "村里",
];

/// Whether a town is the subject at `at` of the sentence: a town scope word stands before it,
/// and no wider place (全县, 全市) after that word.
fn town_before(sc: &[char], at: usize) -> bool {
    let before: String = sc[..at.min(sc.len())].iter().collect();
    // (Not inside a word: 健全村级, 农村里.)
    let Some(pos) = TOWN_SCOPE
        .iter()
        .filter_map(|w| {
            before
                .match_indices(w)
                .filter(|(k, _)| !before[..*k].ends_with(['健', '农']))
                .map(|(k, _)| k)
                .last()
        })
        .max()
    else {
        return false;
    };
    !crate::lexicon::WHOLE_AREA
        .iter()
        .filter(|w| !w.ends_with('镇'))
        .any(|w| before[pos..].contains(w))
}

/// Whether a wider place than a town (全县, 我市, 该区) is the subject before `at` in the sentence.
fn county_before(sc: &[char], at: usize) -> bool {
    let before: String = sc[..at.min(sc.len())].iter().collect();
    crate::lexicon::OWN_PLACE
        .iter()
        .chain(crate::lexicon::WHOLE_AREA)
        .filter(|w| !w.ends_with('镇'))
        .any(|w| {
            // 成为全县首家三级医院: the whole area a comparison ranks in, not the subject.
            before.match_indices(w).any(|(k, _)| {
                // A rank (全县首家, 全县第一, 全县唯一), not 全县第一季度 or 全县前三季度.
                let rest = &before[k + w.len()..];
                !(rest.starts_with(['首', '唯', '最'])
                    || rest.starts_with("第一") && !rest.starts_with("第一季度"))
            })
        })
}

/// Whether a document's title is about a town (安口镇卫生健康工作稳步推进, 平安县古城镇召开…): its
/// name of two or three characters and 镇 or 乡 open the title, after a county's name at most.
/// Its numbers are the town's unless a sentence names the county.
pub(crate) fn title_names_town(title: &str) -> bool {
    // Room for an autonomous county's name before the town's (围场满族蒙古族自治县四合永镇…).
    let head: Vec<char> = title.chars().take(24).collect();
    let Some(at) = head.iter().position(|c| matches!(c, '镇' | '乡')) else {
        return false;
    };
    // After the county's or city's name, if the title opens with one.
    let from = head[..at]
        .iter()
        .rposition(|c| matches!(c, '县' | '市' | '区' | '旗'))
        .map_or(0, |k| k + 1);
    let name = &head[from..at];
    // 乡村, 乡镇 are no town's ending; 召开 and the like no town's name.
    let ending_word = head.get(at + 1).is_some_and(|c| matches!(c, '村' | '镇'));
    !ending_word
        && !name
            .iter()
            .any(|c| TOWN_VERBS.contains(*c) || "召开举办组织".contains(*c))
        && (2..=3).contains(&name.len())
        && name
            .iter()
            .all(|c| crate::lexicon::is_han(*c) && !"村全各乡我该本农".contains(*c))
}

/// Endings of the name of one institution (区人民医院, 县中医院, 王家山镇卫生院).
pub(crate) const INSTITUTION_ENDINGS: &[&str] = &[
    "人民医院",
    "中医医院",
    "中医院",
    "中西医结合医院",
    "妇幼保健院",
    "妇幼保健计划生育服务中心",
    "疾病预防控制中心",
    "疾控中心",
    "医院",
    "卫生院",
    "社区卫生服务中心",
];

/// Words that make the noun before an institution ending a class of institutions, not one:
/// 全区医院, 各乡镇卫生院, 县级医院, 公立医院, 民营医院, 二级以上医院.
const CLASS_WORDS: &[&str] = &[
    "全",
    "各",
    "所有",
    "共",
    "其中",
    "级",
    "等",
    "、",
    "和",
    "及",
    "乡镇",
    "公立",
    "民营",
    "社会办",
    "综合",
    "专科",
    "定点",
    "以上",
    "中心卫生院",
];

/// Whether an institution with this ending reports only its own figures (a hospital, a town's
/// health centre): every measure after its name is its own. An MCH hospital or a CDC also
/// reports the region's rates (县妇幼保健院…孕产妇系统管理率95%), so only their facilities are
/// their own.
fn reports_only_its_own(ending: &str) -> bool {
    !matches!(
        ending,
        "妇幼保健院" | "妇幼保健计划生育服务中心" | "疾病预防控制中心" | "疾控中心"
    )
}

/// The ending of the one institution a sentence or clause opens with (after its date): a
/// county-level one (区人民医院, 县中医院, 平川区人民医院, 市第一人民医院) or a town's health
/// centre (王家山镇卫生院); not a list of them nor a class (各乡镇卫生院). Its beds, staff and
/// visits are the institution's, not the region's.
fn one_institution_opening(
    sc: &[char],
    region_named: impl Fn(&str) -> bool,
) -> Option<&'static str> {
    const MAX_NAME: usize = 14;
    // A date before the subject (2022年, 2022年,).
    let mut i = 0;
    while i < sc.len() && (sc[i].is_ascii_digit() || matches!(sc[i], '年' | ',' | '，' | ' ')) {
        i += 1;
    }
    // 在县人民医院,…: the scene the sentence is set in, when a comma closes the name (not
    // 在县人民医院的带动下).
    let scene = sc.get(i) == Some(&'在');
    i += usize::from(scene);
    let head = &sc[i..sc.len().min(i + MAX_NAME)];
    if !head.contains(&'院') && !head.contains(&'心') {
        return None;
    }
    let head: String = head.iter().collect();
    let (at, ending) = first_institution_ending(&head)?;
    if scene && !head[at + ending.len()..].starts_with([',', '，']) {
        return None;
    }
    let prefix = &head[..at];
    // 县医院、县中医院: a list of institutions; 苏木镇卫生院23所: a count of them (其中旗人民医院
    // 520张 is the hospital's beds).
    let after = &head[at + ending.len()..];
    let measure = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    let counted = measure.is_empty() || measure.starts_with(['所', '家', '个', '座', '处']);
    let listed = after.starts_with(['、', '和', '及', '与'])
        || after.starts_with(|c: char| c.is_ascii_digit()) && counted;
    if listed
        || prefix.is_empty()
        || prefix.chars().any(|c| c.is_ascii_digit())
        || CLASS_WORDS.iter().any(|w| prefix.contains(w))
    {
        return None;
    }
    // A town's centre: its short name and 镇 or 乡 (王家山镇卫生院); a county's: its level or
    // its region's name before the ending, and an ordinal (区人民医院, 县医院, 平川区人民医院,
    // 市第一人民医院). Words before them make the institution an object, not the subject
    // (充分发挥县中医院的作用).
    let one = if ending == "卫生院" {
        let n = prefix.chars().count();
        (2..=4).contains(&n)
            && prefix.ends_with(['镇', '乡'])
            && !prefix.chars().any(|c| TOWN_VERBS.contains(c))
    } else if ending == "社区卫生服务中心" {
        // 罗雄街道社区卫生服务中心: a neighbourhood's or a town's centre.
        let n = prefix.chars().count();
        (2..=6).contains(&n)
            && (prefix.ends_with("街道") || prefix.ends_with(['镇', '乡']))
            && !prefix.chars().any(|c| TOWN_VERBS.contains(c))
    } else {
        let level = without_specialty(without_ordinal(prefix));
        // 总医院(本部): the hospital leading a county's medical community.
        ["县", "区", "市", "州", "旗", "总"].contains(&level) || region_named(level)
    };
    one.then_some(ending)
}

/// Characters of verbs that put a town's health centre after them as an object (建成镇卫生院).
const TOWN_VERBS: &str = "建成改造提升推进设增对在为向与";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_heading_naming_one_institution_opens_its_section() {
        for h in [
            "【县人民医院】",
            "(三)县中医医院",
            "三、平安县妇幼保健院",
            "【县疾病预防控制中心】",
        ] {
            assert!(heading_names_institution(h), "{h}");
        }
        for h in [
            "【医疗服务】",
            "三、县域医共体建设",
            "(二)公立医院改革",
            "【乡镇卫生院】",
        ] {
            assert!(!heading_names_institution(h), "{h}");
        }
    }

    #[test]
    fn a_title_about_one_institution_is_told_from_one_about_a_region() {
        for (one, subject) in [
            ("宁远县人民医院2023年工作总结", DocumentSubject::Hospital),
            (
                "平安市第一人民医院2024年工作计划",
                DocumentSubject::Hospital,
            ),
            (
                "平安县妇幼保健院2023年度工作总结",
                DocumentSubject::Institution,
            ),
            ("区中医院召开职工代表大会", DocumentSubject::Hospital),
            ("旗蒙医医院2023年工作总结", DocumentSubject::Hospital),
        ] {
            assert_eq!(DocumentSubject::of_title(Some(one)), subject, "{one}");
        }
        for not in [
            "宁远县卫生健康局2023年工作总结",
            "全县公立医院改革工作推进会召开",
            "县医院、县中医院联合开展义诊",
            "古城镇卫生院2023年工作总结",
            "宁远县2023年国民经济和社会发展统计公报",
        ] {
            assert!(
                !matches!(
                    DocumentSubject::of_title(Some(not)),
                    DocumentSubject::Institution | DocumentSubject::Hospital
                ),
                "{not}"
            );
        }
    }

    #[test]
    fn a_title_about_a_town_is_told_from_one_about_towns() {
        for town in [
            "安口镇卫生健康工作稳步推进",
            "华亭市安口镇召开家庭医生签约工作会",
            "古城乡卫生院开展义诊",
            // 新 opens many towns' names.
            "新添镇中心卫生院:家门口的“小医院”办出大服务",
        ] {
            assert!(title_names_town(town), "{town}");
        }
        for not in [
            "乡镇卫生院服务能力提升",
            "城乡居民医保参保工作",
            "平安县2023年卫生健康工作总结",
            "全县各乡镇开展义诊",
            "农村乡镇卫生院建设",
            "增设镇卫生院发热门诊",
        ] {
            assert!(!title_names_town(not), "{not}");
        }
    }

    #[test]
    fn towns_listed_by_name_open_their_figures() {
        assert!(named_town_opens(&chars(
            "运河、泗水、虹城3个街道:共设社区卫生服务中心3个"
        )));
        assert!(!named_town_opens(&chars(
            "医院、乡镇卫生院、村卫生室分别为"
        )));
        assert!(!named_town_opens(&chars("送医、送药下乡服务群众1200人次")));
    }

    #[test]
    fn a_town_is_the_subject_after_its_scope_word_until_a_wider_place() {
        let sc = chars("全镇共有村卫生室12个,乡村医生18人");
        assert!(town_before(&sc, 8) && town_before(&sc, 14));
        let sc = chars("全镇签约率85%,全县签约率80%");
        assert!(town_before(&sc, 5));
        assert!(!town_before(&sc, 15));
        assert!(!town_before(&chars("全县共有村卫生室120个"), 8));
    }

    #[test]
    fn a_sentence_about_one_institution_is_told_from_one_about_a_class() {
        for one in [
            "区人民医院现有编制床位300张",
            "2022年,县中医院开放床位150张",
            "王家山镇卫生院有床位40张",
            "平川区人民医院卫生技术人员386人",
            "市第一人民医院出院病人1.5万人次",
            "旗蒙医医院开放床位360张",
            "在县人民医院,新建成的住院大楼投入使用",
            "总医院本部(县人民医院)实际开放床位562张",
        ] {
            let region = |n: &str| n == "平川区";
            assert!(
                one_institution_opening(&chars(one), region).is_some(),
                "{one}"
            );
        }
        for class in [
            "全区医院床位980张",
            "乡镇卫生院床位620张",
            "各镇卫生院卫生技术人员320人",
            "县级医院3个",
            "公立医院床位800张",
            "医院床位2960张",
            "年末全县共有卫生机构526个",
            "县医院、县中医院床位共900张",
            "充分发挥县中医院的资源优势,91个村卫生室",
            "建成镇卫生院3所",
            "在县人民医院的带动下,全县出院病人3.2万人次",
            "苏木镇卫生院23所",
        ] {
            assert!(
                one_institution_opening(&chars(class), |_| false).is_none(),
                "{class}"
            );
        }
    }

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn subgroups_narrow_bare_rates_across_the_sentence_and_named_ones_in_their_clause() {
        let sc = chars("脱贫人口全额享受资助政策,参保率为100%");
        let at = 13;
        assert_eq!(sc[at..at + 3].iter().collect::<String>(), "参保率");
        assert!(subgroup(&sc, at, at + 3, 13));
        let sc = chars("全县脱贫人口3万人,家庭医生签约服务覆盖率为60%");
        let at = 10;
        assert!(!subgroup(&sc, at, at + 9, 10));
        let sc = chars("重点人群签约率85%");
        assert!(!subgroup(&sc, 0, 7, 0));
    }

    #[test]
    fn a_grade_before_an_institution_makes_it_a_subgroup() {
        let sc = chars("其中,三级甲等综合医院1家");
        assert!(graded(&sc, 7, 11));
        let sc = chars("三级医院14家");
        assert!(!graded(&sc, 0, 4));
        let sc = chars("全市共有综合医院12家");
        assert!(!graded(&sc, 4, 8));
        let sc = chars("二级医院75家,其中,中医医院9家");
        assert!(graded(&sc, 11, 15));
        let sc = chars("医院288个,其中,中医医院9家");
        assert!(!graded(&sc, 10, 14));
        let sc = chars("社区卫生服务中心1个和国有农场医院1个");
        assert!(graded(&sc, 15, 17));
    }
}
