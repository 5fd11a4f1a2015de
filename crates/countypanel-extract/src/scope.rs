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
    "城镇居民",
    "重点人群",
    "计生特殊家庭",
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

/// Words that make a sum of money or of visits a part of the year (第三季度, 上半年, 1-9月).
const PART_YEAR: &[&str] = &["季度", "上半年", "1-", "1至", "一至"];

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
/// before the fact's end (sentence offsets).
fn measure_span(f: &Fact, sc: &[char], offset: usize) -> Option<(usize, usize)> {
    let text: Vec<char> = f.indicator_text.as_deref()?.chars().collect();
    let end = f.char_end.saturating_sub(offset).min(sc.len());
    if text.is_empty() || text.len() > end {
        return None;
    }
    (0..=end - text.len())
        .rev()
        .find(|&i| sc[i..i + text.len()] == text[..])
        .map(|i| (i, i + text.len()))
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
    let before: String = sc[from..start].iter().collect();
    SUBGROUPS.iter().any(|w| before.contains(w))
}

/// Whether a grade stands right before the measure (三级甲等综合医院, 三级中医院), or the measure
/// is a part, after 其中, of a graded total (二级医院75家,其中,中医医院9家).
fn graded(sc: &[char], start: usize, end: usize) -> bool {
    let named: String = sc[start..end].iter().collect();
    if GRADES.iter().any(|g| named.starts_with(g)) {
        return false;
    }
    let before: String = sc[start.saturating_sub(4)..start].iter().collect();
    if GRADES.iter().any(|g| before.ends_with(g)) || SECTORS.iter().any(|g| before.ends_with(g)) {
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

/// Whether a sum over the year (money, visits) is stated for a part of it: 第三季度…支出,
/// 1-9月…诊疗人次. The part-year figure is not the year's.
fn part_year(f: &Fact, sc: &[char], start: usize) -> bool {
    if !matches!(f.unit, UnitCode::Yuan | UnitCode::PersonTime) {
        return false;
    }
    let before: String = sc[..start].iter().collect();
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

/// Takes the indicator away from facts of the sentence `sc` (starting at document character
/// `offset`) whose measure is narrowed by a subgroup, a grade or a widening parenthesis, and from
/// every fact when the sentence sits in a bulletin section about another domain.
pub(crate) fn narrow(facts: &mut [Fact], sc: &[char], offset: usize, other_section: bool) {
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
        let rule = if part_year(f, sc, start) {
            Rule::PartYear
        } else if subgroup(sc, start, end, clause) {
            Rule::Subgroup
        } else if graded(sc, start, end) {
            Rule::Graded
        } else if widened(f, sc, end) {
            Rule::Widened
        } else {
            continue;
        };
        f.indicator_id = None;
        f.rule = rule;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
