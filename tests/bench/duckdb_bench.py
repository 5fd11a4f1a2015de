"""The work of countypanel's clean and aggregate stages, done by DuckDB in SQL on the same
facts Parquet, timed; then both results compared on a sample of cells.

    python duckdb_bench.py FACTS DOCUMENTS PIPELINE OUT_DIR
    python duckdb_bench.py compare COUNTYPANEL_OUT OUT_DIR [--sample N]

COUNTYPANEL_OUT holds countypanel's `observations.parquet` and `summary/comparison.parquet`
for the same input. The SQL does what the stages do: check each fact (catalog unit and range,
whole counts, year window, region code valid in the year), deduplicate each cell (region, year,
indicator, kind), choose its value by the same policy (source priority, exact before
qualified, newest publication, fact id), count mentions, sources and conflicts, rank regions
within (indicator, year, level), take the change from the previous year and the growth rate,
pivot to a wide region-year table and set targets beside actuals; every result is written to
Parquet, as countypanel writes its tables. Prints one JSON line with the timings and the
comparison
(exit 1 when a sampled cell differs).
"""

import argparse
import json
import os
import sys
import time
import tomllib

import duckdb


def catalog_rows(pipeline_path):
    pipeline = tomllib.load(open(pipeline_path, "rb"))
    catalog_path = pipeline["paths"]["catalog"]
    cat = tomllib.load(open(catalog_path, "rb"))
    rows = []
    for ind in cat["indicator"]:
        rows.append(
            (
                ind["id"],
                ind["unit"],
                float(ind["range"][0]),
                float(ind["range"][1]),
                bool(ind.get("higher_is_better", True)),
                # counts of an area (their range grows with the level) and whole numbers
                "per_" not in ind["id"] and ind["unit"] not in ("percent", "per_mille", "per_100k", "year", "day"),
            )
        )
    return pipeline, rows


def main():
    if sys.argv[1:2] == ["compare"]:
        ap = argparse.ArgumentParser()
        ap.add_argument("mode")
        ap.add_argument("countypanel_out")
        ap.add_argument("duck_out")
        ap.add_argument("--sample", type=int, default=2000)
        a = ap.parse_args()
        return compare(a.countypanel_out, a.duck_out, a.sample)
    ap = argparse.ArgumentParser()
    ap.add_argument("facts")
    ap.add_argument("documents")
    ap.add_argument("pipeline")
    ap.add_argument("out_dir")
    a = ap.parse_args()
    pipeline, cat = catalog_rows(a.pipeline)
    clean_cfg = pipeline["clean"]
    levels = pipeline["aggregate"]["region_levels"]
    os.makedirs(a.out_dir, exist_ok=True)

    con = duckdb.connect()
    con.execute(f"PRAGMA threads={os.cpu_count()}")
    started = time.perf_counter()
    con.execute(
        "CREATE TEMP TABLE catalog(indicator_id VARCHAR, cat_unit VARCHAR, range_min DOUBLE, "
        "range_max DOUBLE, hib BOOLEAN, cat_area BOOLEAN)"
    )
    con.executemany("INSERT INTO catalog VALUES (?, ?, ?, ?, ?, ?)", cat)
    prio = " ".join(
        f"WHEN strpos(source_path, '{r['path_contains']}') > 0 THEN {int(r['priority'])}"
        for r in clean_cfg.get("source_priority", [])
    )
    prio_sql = f"CASE {prio} ELSE {int(clean_cfg['default_priority'])} END" if prio else str(
        int(clean_cfg["default_priority"])
    )
    # Region level of each (code, year) in which the code is valid (the year of a change counts).
    con.execute(
        f"""
        CREATE TEMP TABLE region_years AS
        SELECT "代码" AS region_code, y AS year,
               any_value(CASE "级别" WHEN '县级' THEN 'county' WHEN '地级' THEN 'prefecture'
                                     WHEN '省级' THEN 'province' ELSE 'other' END) AS region_level
        FROM read_csv('data/reference/areacodes_history.csv', header = true, all_varchar = true),
             range({int(clean_cfg['year_min'])}, {int(clean_cfg['year_max']) + 1}) t(y)
        WHERE CAST("启用时间" AS INTEGER) <= y
          AND ("变更/弃用时间" IS NULL OR y <= CAST("变更/弃用时间" AS INTEGER))
        GROUP BY ALL
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE docs AS
        SELECT doc_id, {prio_sql} AS source_priority, published
        FROM read_parquet('{a.documents}')
        """
    )
    con.execute(
        f"""
        CREATE TEMP TABLE valid AS
        SELECT f.fact_id, f.doc_id, f.region_code, f.year, f.indicator_id, f.kind, f.value,
               f.unit, f.qualifier, f.char_start, d.source_priority, d.published, r.region_level
        FROM read_parquet('{a.facts}') f
        JOIN catalog c USING (indicator_id)
        LEFT JOIN docs d USING (doc_id)
        LEFT JOIN region_years r ON r.region_code = f.region_code AND r.year = f.year
        WHERE f.region_code IS NOT NULL AND f.year IS NOT NULL
          AND f.year BETWEEN {int(clean_cfg['year_min'])} AND {int(clean_cfg['year_max'])}
          AND NOT (f.kind = 'actual' AND d.published IS NOT NULL
                   AND f.year > year(d.published) + {int(clean_cfg['max_years_after_published'])})
          AND r.region_level IS NOT NULL
          AND f.unit = c.cat_unit
          AND f.value >= c.range_min AND NOT isnan(f.value)
          AND f.value <= c.range_max * CASE WHEN c.cat_area AND r.region_level = 'prefecture' THEN 25
                                            WHEN c.cat_area AND r.region_level = 'province' THEN 400
                                            ELSE 1 END
          AND (NOT c.cat_area OR c.cat_unit = 'yuan' OR f.value = trunc(f.value))
        """
    )
    # A value far from its region's series (median of the yearly medians, enough years) loses.
    factor = float(clean_cfg.get("suspect_factor", 5.0))
    min_years = int(clean_cfg.get("suspect_min_years", 3))
    con.execute(
        f"""
        CREATE TEMP TABLE series AS
        SELECT region_code, indicator_id, kind, median(year_value) AS series_median, count(*) AS n_years
        FROM (SELECT region_code, indicator_id, kind, year, median(value) AS year_value
              FROM valid GROUP BY ALL)
        GROUP BY ALL
        """
    )
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE valid AS
        SELECT v.*, coalesce(s.n_years >= {min_years} AND s.series_median > 0 AND v.value > 0
               AND (v.value > s.series_median * {factor} OR v.value * {factor} < s.series_median),
               false) AS implausible
        FROM valid v LEFT JOIN series s USING (region_code, indicator_id, kind)
        """
    )
    t_load = time.perf_counter()
    con.execute(
        """
        CREATE TEMP TABLE obs AS
        WITH ordered AS (
          SELECT *, row_number() OVER (
              PARTITION BY region_code, year, indicator_id, kind
              ORDER BY implausible, source_priority, CASE WHEN qualifier = 'eq' THEN 0 ELSE 1 END,
                       published DESC NULLS LAST, char_start, fact_id) AS pick
          FROM valid)
        SELECT region_code, year, indicator_id, kind,
               any_value(region_level) AS region_level,
               max(value) FILTER (WHERE pick = 1) AS value,
               max(qualifier) FILTER (WHERE pick = 1) AS qualifier,
               max(fact_id) FILTER (WHERE pick = 1) AS chosen_fact_id,
               count(*) AS n_mentions, count(DISTINCT doc_id) AS n_sources,
               min(value) AS value_min, max(value) AS value_max,
               (max(value) - min(value)) > 1e-9 * (abs(max(value)) + 1) AS conflict,
               list(fact_id ORDER BY fact_id) AS fact_ids,
               list(DISTINCT doc_id ORDER BY doc_id) AS doc_ids
        FROM ordered
        GROUP BY region_code, year, indicator_id, kind
        """
    )
    con.execute(
        """
        CREATE TEMP TABLE conflicts AS
        SELECT v.*, v.fact_id = o.chosen_fact_id AS chosen
        FROM valid v JOIN obs o USING (region_code, year, indicator_id, kind)
        WHERE o.conflict
        """
    )
    t_clean = time.perf_counter()
    level_list = ", ".join(f"'{lv}'" for lv in levels)
    con.execute(
        f"""
        CREATE TEMP TABLE comparison AS
        WITH a AS (
          SELECT o.*, CASE WHEN c.hib THEN -o.value ELSE o.value END AS sort_key
          FROM obs o JOIN catalog c USING (indicator_id)
          WHERE o.kind = 'actual' AND o.region_level IN ({level_list})),
        r AS (
          SELECT *,
            rank() OVER (PARTITION BY indicator_id, year, region_level ORDER BY sort_key) AS rank,
            count(*) OVER (PARTITION BY indicator_id, year, region_level) AS n_compared,
            lag(year) OVER s AS prev_year, lag(value) OVER s AS prev_value,
            first_value(year) OVER w AS first_year, first_value(value) OVER w AS first_value,
            last_value(year) OVER w AS last_year, last_value(value) OVER w AS last_value
          FROM a
          WINDOW s AS (PARTITION BY region_code, indicator_id ORDER BY year),
                 w AS (PARTITION BY region_code, indicator_id ORDER BY year
                       ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
        SELECT *,
          CASE WHEN n_compared > 1 THEN (n_compared - rank) * 100.0 / (n_compared - 1)
               ELSE 100.0 END AS percentile,
          value - prev_value AS change_abs,
          CASE WHEN prev_value <> 0 THEN (value - prev_value) / prev_value END AS change_rel,
          year - prev_year AS years_apart,
          CASE WHEN last_year > first_year AND first_value > 0 AND last_value > 0
               THEN pow(last_value / first_value, 1.0 / (last_year - first_year)) - 1 END AS cagr
        FROM r
        """
    )
    con.execute(
        """
        CREATE TEMP TABLE wide AS
        PIVOT (SELECT region_code, year, indicator_id, value FROM obs WHERE kind = 'actual')
        ON indicator_id USING first(value) GROUP BY region_code, year
        """
    )
    con.execute(
        """
        CREATE TEMP TABLE targets AS
        SELECT t.region_code, t.year, t.indicator_id, t.value AS target, a.value AS actual,
               a.value IS NOT NULL AND (CASE WHEN c.hib THEN a.value >= t.value
                                             ELSE a.value <= t.value END) AS met
        FROM obs t JOIN catalog c USING (indicator_id)
        LEFT JOIN obs a ON a.region_code = t.region_code AND a.year = t.year
             AND a.indicator_id = t.indicator_id AND a.kind = 'actual'
        WHERE t.kind = 'target'
        """
    )
    for table, order in [
        ("obs", "region_code, year, indicator_id, kind"),
        ("conflicts", "region_code, year, indicator_id, kind, fact_id"),
        ("comparison", "indicator_id, year, region_level, rank, region_code"),
        ("wide", "region_code, year"),
        ("targets", "region_code, year, indicator_id"),
    ]:
        path = os.path.join(a.out_dir, f"{table}.parquet")
        con.execute(f"COPY (SELECT * FROM {table} ORDER BY {order}) TO '{path}' (FORMAT parquet, COMPRESSION zstd)")
    done = time.perf_counter()

    n_obs = con.execute("SELECT count(*) FROM obs").fetchone()[0]
    n_comp = con.execute("SELECT count(*) FROM comparison").fetchone()[0]
    print(
        json.dumps(
            {
                "load_check_s": round(t_load - started, 2),
                "clean_s": round(t_clean - t_load, 2),
                "aggregate_s": round(done - t_clean, 2),
                "total_s": round(done - started, 2),
                "observations": n_obs,
                "comparison_rows": n_comp,
                "duckdb": duckdb.__version__,
            }
        )
    )
    return 0


def compare(countypanel_out, duck_out, n):
    """Both results on a sample of cells: value, mentions, sources and conflict of observations;
    rank, regions compared and change of the comparison table."""
    con = duckdb.connect()
    ours_obs = os.path.join(countypanel_out, "observations.parquet")
    ours_comp = os.path.join(countypanel_out, "summary", "comparison.parquet")
    theirs_obs = os.path.join(duck_out, "obs.parquet")
    theirs_comp = os.path.join(duck_out, "comparison.parquet")
    counts = con.execute(
        f"SELECT (SELECT count(*) FROM '{ours_obs}'), (SELECT count(*) FROM '{theirs_obs}'), "
        f"(SELECT count(*) FROM '{ours_comp}'), (SELECT count(*) FROM '{theirs_comp}')"
    ).fetchone()
    obs_same, obs_n = con.execute(
        f"""
        WITH s AS (SELECT * FROM '{ours_obs}' USING SAMPLE reservoir({n} ROWS) REPEATABLE (7))
        SELECT count(*) FILTER (WHERE t.value = s.value AND t.n_mentions = s.n_mentions
                                  AND t.n_sources = s.n_sources AND t.conflict = s.conflict),
               count(*)
        FROM s LEFT JOIN '{theirs_obs}' t USING (region_code, year, indicator_id, kind)
        """
    ).fetchone()
    comp_same, comp_n = con.execute(
        f"""
        WITH s AS (SELECT * FROM '{ours_comp}' USING SAMPLE reservoir({n} ROWS) REPEATABLE (7))
        SELECT count(*) FILTER (WHERE t.rank = s.rank AND t.n_compared = s.n_compared
                 AND ((t.change_abs IS NULL AND s.change_abs IS NULL)
                      OR abs(t.change_abs - s.change_abs) <= 1e-9 * (abs(s.change_abs) + 1))),
               count(*)
        FROM s LEFT JOIN '{theirs_comp}' t USING (region_code, year, indicator_id)
        """
    ).fetchone()
    print(
        json.dumps(
            {
                "observations_countypanel": counts[0],
                "observations_duckdb": counts[1],
                "comparison_countypanel": counts[2],
                "comparison_duckdb": counts[3],
                "cells_sampled": obs_n,
                "cells_same": obs_same,
                "comparison_sampled": comp_n,
                "comparison_same": comp_same,
            }
        )
    )
    ok = counts[0] == counts[1] and counts[2] == counts[3]
    return 0 if ok and obs_same == obs_n and comp_same == comp_n else 1


if __name__ == "__main__":
    sys.exit(main())
