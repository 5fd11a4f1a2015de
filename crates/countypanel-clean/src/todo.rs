//! The catalog's to-do list: the uncatalogued facts about health, grouped by what the extractor
//! says they measure, most frequent first. Each row is a candidate indicator or phrase for the
//! catalog.

use polars::prelude::*;

use crate::{CleanError, pl_err};

/// Groups the health facts of `uncatalogued` (a facts table) by naming and unit.
pub fn catalog_todo(uncatalogued: &DataFrame) -> Result<DataFrame, CleanError> {
    uncatalogued
        .clone()
        .lazy()
        .filter(col("health"))
        .group_by([col("indicator_text"), col("unit")])
        .agg([
            len().cast(DataType::Int64).alias("n_facts"),
            col("doc_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("n_documents"),
            col("evidence")
                .sort(SortOptions::default())
                .first()
                .alias("example_evidence"),
        ])
        .sort_by_exprs(
            [col("n_facts"), col("indicator_text"), col("unit")],
            SortMultipleOptions::default()
                .with_order_descending_multi([true, false, false])
                .with_nulls_last(true),
        )
        .collect()
        .map_err(pl_err("catalog to-do list"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn health_facts_are_grouped_by_naming_most_frequent_first() {
        let facts = df!(
            "indicator_text" => [Some("义诊次数"), Some("义诊次数"), Some("学校数"), None],
            "unit" => ["other", "other", "institution", "person"],
            "doc_id" => ["a", "b", "a", "a"],
            "evidence" => ["义诊12次", "义诊3次", "学校86所", "300人"],
            "health" => [true, true, false, true],
        )
        .unwrap();
        let todo = catalog_todo(&facts).unwrap();
        assert_eq!(todo.height(), 2, "{todo}");
        let n = todo.column("n_facts").unwrap().i64().unwrap().clone();
        assert_eq!((n.get(0), n.get(1)), (Some(2), Some(1)));
        let docs = todo.column("n_documents").unwrap().i64().unwrap().clone();
        assert_eq!(docs.get(0), Some(2));
        let ev = todo
            .column("example_evidence")
            .unwrap()
            .str()
            .unwrap()
            .get(0);
        assert_eq!(ev, Some("义诊12次"));
    }
}
