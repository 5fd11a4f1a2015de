"""Spark (local mode) reads the year-partitioned long panel as one table and runs a comparison.

Run by `make spark-check` (heavy: it installs pyspark and starts a JVM)."""

from pathlib import Path

from pyspark.sql import SparkSession

ROOT = Path(__file__).resolve().parents[2]
DATASET = ROOT / "data" / "summary" / "panel_long_by_year"

spark = SparkSession.builder.master("local[2]").appName("countypanel-spark-check").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
df = spark.read.parquet(str(DATASET))
years = sorted(r.year for r in df.select("year").distinct().collect())
assert len(years) >= 3, years
assert dict(df.dtypes)["region_code"] == "string"
df.createOrReplaceTempView("panel")
rows = spark.sql(
    """SELECT year, region_name, value,
              rank() OVER (PARTITION BY year ORDER BY value DESC) AS rank
       FROM panel
       WHERE indicator_id = 'family_doctor_signing_rate' AND kind = 'actual' AND region_level = 'county'
       ORDER BY year, rank"""
).collect()
assert rows and all(r.rank >= 1 for r in rows)
for r in rows:
    print(r.year, r.rank, r.region_name, r.value)
print(f"spark check: {len(years)} partitions read, {len(rows)} ranked rows")
spark.stop()
