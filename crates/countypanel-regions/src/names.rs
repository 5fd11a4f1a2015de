//! Names of regions: short forms (嘉鱼县 → 嘉鱼) and the aliases of autonomous regions.

/// Suffixes removed to form short names, longest first.
const SUFFIXES: &[&str] = &[
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "特区",
    "新区",
    "矿区",
    "省",
    "市",
    "县",
    "区",
    "旗",
    "盟",
];

/// The short form of an official name (嘉鱼县 → 嘉鱼), if it keeps at least two characters.
#[must_use]
pub fn short_name(name: &str) -> Option<&str> {
    for suffix in SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix)
            && stem.chars().count() >= 2
        {
            return Some(stem);
        }
    }
    None
}

/// The minority nationalities that name autonomous regions, longest first (族 may follow).
const NATIONALITIES: &[&str] = &[
    "柯尔克孜",
    "乌孜别克",
    "维吾尔",
    "哈萨克",
    "塔吉克",
    "达斡尔",
    "鄂温克",
    "鄂伦春",
    "俄罗斯",
    "塔塔尔",
    "土家",
    "哈尼",
    "傈僳",
    "拉祜",
    "东乡",
    "纳西",
    "景颇",
    "仫佬",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "德昂",
    "保安",
    "裕固",
    "独龙",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
    "布依",
    "朝鲜",
    "高山",
    "蒙古",
    "回",
    "藏",
    "苗",
    "彝",
    "壮",
    "满",
    "侗",
    "瑶",
    "白",
    "傣",
    "黎",
    "佤",
    "畲",
    "水",
    "土",
    "羌",
    "怒",
    "京",
];

/// The nationality named at the start of `s` with its 族, if any: (its length in bytes).
fn nationality_at(s: &str) -> Option<usize> {
    NATIONALITIES.iter().find_map(|n| {
        let rest = s.strip_prefix(n)?;
        Some(
            n.len()
                + if rest.starts_with('族') {
                    '族'.len_utf8()
                } else {
                    0
                },
        )
    })
}

/// Tables and reports often drop the peoples from an autonomous county's name (大通回族土族自治县
/// is written 大通自治县). Short forms: the place name with 自治县 or 县, and the
/// name with only its first nationalities (巴里坤哈萨克自治县 → 巴里坤自治县, 巴里坤县;
/// 镇沅彝族哈尼族拉祜族自治县 → 镇沅彝族哈尼族自治县, 镇沅彝族自治县).
#[must_use]
pub fn autonomous_aliases(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for suffix in ["自治县", "自治旗", "自治州"] {
        let Some(stem) = name.strip_suffix(suffix) else {
            continue;
        };
        // The place is what comes before a run of nationalities that ends the stem.
        let place_end = stem.char_indices().skip(2).map(|(i, _)| i).find(|&i| {
            let mut at = i;
            while let Some(n) = nationality_at(&stem[at..]) {
                at += n;
            }
            at > i && at == stem.len()
        });
        let Some(place_end) = place_end else { continue };
        let place = &stem[..place_end];
        let plain = if suffix == "自治旗" {
            "旗"
        } else {
            &suffix[suffix.len() - 3..]
        };
        out.push(format!("{place}{suffix}"));
        out.push(format!("{place}{plain}"));
        // 黔东南 for 黔东南苗族侗族自治州: a prefecture is often named by its place alone.
        if suffix == "自治州" && place.chars().count() >= 3 {
            out.push(place.to_string());
        }
        // 阿克塞哈萨克族自治县 is also printed without its 族.
        let bare = format!("{place}{}", stem[place_end..].replace('族', ""));
        if bare != stem {
            out.push(format!("{bare}{suffix}"));
        }
        let mut at = place_end;
        while let Some(n) = nationality_at(&stem[at..]) {
            at += n;
            if at < stem.len() {
                out.push(format!("{}{suffix}", &stem[..at]));
            }
        }
    }
    out
}

/// Official names of some districts that reports use as common nouns: the urban area, the
/// suburbs, a mining area. A text naming them speaks of no region.
pub(crate) const COMMON_NOUNS: &[&str] = &["市区", "城区", "郊区", "矿区"];

/// Short forms of region names that report prose uses far more often as ordinary words:
/// 卫生资源 is no 资源县, 合作医疗 no 合作市, 安宁疗护 no 安宁市, 绿色通道 no 通道县, 市中医院 no
/// 市中区, 惠民工程 no 惠民县, 全州 (the whole prefecture) no 全州县. Only the full name names
/// these regions in a title or a source line.
const COMMON_WORD_SHORT_NAMES: &[&str] = &[
    "资源", "合作", "和平", "平原", "武功", "比如", "南部", "解放", "公园", "东方", "动力", "前进",
    "港口", "公安", "友好", "城中", "古城", "河口", "友谊", "中方", "安定", "商城", "延长", "光明",
    "新兴", "运河", "太平", "四方", "万年", "东风", "红旗", "新建", "会同", "工农", "富裕", "复兴",
    "前锋", "宏伟", "清新", "温泉", "向阳", "振兴", "露天", "大方", "新华", "天桥", "威信", "平和",
    "城南", "城北", "城西", "城东", "城关", "滨海", "海港", "吉利", "渡口", "长寿", "丰满", "双桥",
    "南郊", "北郊", "市郊", "小河", "上街", "兴隆", "无为", "民权", "同心", "小店", "元宝", "宝塔",
    "长乐", "安宁", "通道", "新城", "新市", "市中", "全州", "乐业", "安居", "富民", "兴业", "共和",
    "中山", "康乐", "长安", "红星", "惠民",
];

/// Whether a short form of a region name is, in prose, an ordinary word (资源, 合作, 安宁).
#[must_use]
pub fn is_common_word(short: &str) -> bool {
    COMMON_WORD_SHORT_NAMES.contains(&short)
}

pub(crate) const TOWN_SUFFIXES: &[&str] = &["街道办事处", "街道", "镇", "乡", "苏木"];
