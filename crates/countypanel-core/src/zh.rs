//! Chinese words for what the tables hold: a column's name as a reader of Chinese reports would
//! head it, and a unit code as such reports write it. Used for the field metadata of every
//! Parquet file (`name_zh`), the headers of `export` and the report.

/// Chinese words for the columns the tables share.
const COLUMNS: &[(&str, &str)] = &[
    ("region_code", "地区代码"),
    ("region_name", "地区"),
    ("region_level", "层级"),
    ("region_code_base", "基准年代码"),
    ("year", "年份"),
    ("indicator_id", "指标代码"),
    ("indicator_name", "指标"),
    ("unit", "单位"),
    ("kind", "实际或目标"),
    ("value", "数值"),
    ("qualifier", "限定"),
    ("n_sources", "来源数"),
    ("n_mentions", "提及次数"),
    ("conflict", "来源不一致"),
    ("suspect", "可疑"),
    ("rank", "排名"),
    ("n_compared", "参与比较数"),
    ("percentile", "百分位"),
    ("prev_year", "上一年份"),
    ("prev_value", "上一年数值"),
    ("change", "变化"),
    ("pct_change", "变化率"),
    ("cagr", "年均增长率"),
    ("target", "目标值"),
    ("target_qualifier", "目标限定"),
    ("actual", "实际值"),
    ("gap", "差距"),
    ("met", "是否达到"),
    ("years", "有数据年份"),
    ("n_years", "年数"),
    ("first_year", "首年"),
    ("last_year", "末年"),
    ("series_median", "期望值"),
    ("rule", "规则"),
    ("detail", "说明"),
    ("chosen_fact_id", "所选事实"),
    ("fact_id", "事实编号"),
    ("doc_id", "文件编号"),
    ("source_path", "文件路径"),
    ("source_priority", "来源优先级"),
    ("published", "发布日期"),
    ("chosen", "是否选用"),
    ("decided_by", "裁决规则"),
    ("evidence", "原文"),
    ("severity", "严重程度"),
    ("title", "标题"),
    ("format", "格式"),
    ("encoding", "编码"),
    ("issuer_region_name", "发布地区"),
    ("issuer_region_code", "发布地区代码"),
];

/// The Chinese name of a column the tables share, when it has one.
#[must_use]
pub fn column_name(name: &str) -> Option<&'static str> {
    COLUMNS.iter().find(|(n, _)| *n == name).map(|(_, zh)| *zh)
}

/// The unit of an indicator as a reader of Chinese reports writes it.
#[must_use]
pub fn unit(unit: &str) -> &str {
    match unit {
        "percent" => "%",
        "per_mille" => "‰",
        "per_100k" => "/10万",
        "percentage_point" => "个百分点",
        "person" => "人",
        "person_time" => "人次",
        "household" => "户",
        "institution" => "个",
        "team" => "个团队",
        "item" => "项",
        "bed" => "张",
        "yuan" => "元",
        other => other,
    }
}

/// The Chinese name of a region level.
#[must_use]
pub fn level(level: &str) -> &str {
    match level {
        "county" => "县级",
        "prefecture" => "地级",
        "province" => "省级",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_units_and_levels_have_chinese_words() {
        assert_eq!(column_name("region_name"), Some("地区"));
        assert_eq!(column_name("no_such_column"), None);
        assert_eq!(unit("bed"), "张");
        assert_eq!(unit("something_else"), "something_else");
        assert_eq!(level("prefecture"), "地级");
    }
}
