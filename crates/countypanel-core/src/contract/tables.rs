//! The table definitions: every table the stages write, its columns, their types, whether they
//! may be empty, and what they mean.

use super::{ColType, Contract, col};
use ColType::{Boolean, Date32, Float64, Int32, Int64, Label, ListInt32, ListUtf8, Utf8};

/// One row per input file that was read.
pub const DOCUMENTS: Contract = Contract {
    name: "documents",
    version: 1,
    columns: &[
        col(
            "doc_id",
            Utf8,
            false,
            "SHA-256 (first 16 hex digits) of the file's bytes",
        ),
        col(
            "source_path",
            Utf8,
            false,
            "path of the file as given to ingest",
        ),
        col(
            "format",
            Label,
            false,
            "txt, html, docx, doc (Word 97-2003 or WPS Writer), pdf, ofd, csv, xlsx or xls",
        ),
        col(
            "encoding",
            Label,
            false,
            "encoding the bytes were decoded with",
        ),
        col("n_bytes", Int64, false, "size of the file in bytes"),
        col("n_chars", Int64, false, "characters in the normalised text"),
        col(
            "n_replacements",
            Int64,
            false,
            "undecodable byte sequences replaced by U+FFFD",
        ),
        col("title", Utf8, true, "title line, when one was found"),
        col(
            "published",
            Date32,
            true,
            "publication date stated in the document",
        ),
        col(
            "issuer_region_name",
            Utf8,
            true,
            "issuing region as named in the document",
        ),
        col(
            "issuer_region_code",
            Utf8,
            true,
            "its code, when the name resolves uniquely",
        ),
        col(
            "issuer_region_method",
            Label,
            true,
            "how the issuer was resolved: exact, short_name, context, qualified, inferred_from_town",
        ),
        col("n_facts", Int64, false, "facts extracted from the document"),
        col(
            "text",
            Utf8,
            false,
            "the normalised text that fact offsets refer to",
        ),
    ],
};

/// One row per numeric fact found.
pub const FACTS: Contract = Contract {
    name: "facts",
    version: 3,
    columns: &[
        col(
            "fact_id",
            Utf8,
            false,
            "stable id: hash of doc_id, offsets and value",
        ),
        col("doc_id", Utf8, false, "document the fact comes from"),
        col("source_path", Utf8, false, "path of that document"),
        col(
            "indicator_id",
            Utf8,
            true,
            "catalog indicator, null when the number names no known indicator",
        ),
        col(
            "indicator_text",
            Utf8,
            true,
            "the indicator phrase as written",
        ),
        col(
            "subject",
            Utf8,
            true,
            "the population or object the number is about, as written",
        ),
        col(
            "value",
            Float64,
            false,
            "the number after 万/亿 multipliers; percents as 32.3",
        ),
        col("value_text", Utf8, false, "the number as written"),
        col(
            "unit",
            Label,
            false,
            "percent, per_mille, per_100k, percentage_point, person, person_time, institution, team, item, household, bed, yuan, year, day, other",
        ),
        col("qualifier", Label, false, "eq, ge, gt, le, lt, approx"),
        col("kind", Label, false, "actual or target"),
        col("year", Int32, true, "year the fact refers to"),
        col(
            "year_flag",
            Label,
            true,
            "why the year is missing or doubtful (malformed, inferred)",
        ),
        col("as_of", Date32, true, "as-of date (截至…底)"),
        col(
            "region_name",
            Utf8,
            true,
            "region the fact is about, as named",
        ),
        col(
            "region_code",
            Utf8,
            true,
            "its code valid in the fact's year",
        ),
        col(
            "region_method",
            Label,
            true,
            "how the region was resolved (see documents.issuer_region_method)",
        ),
        col(
            "evidence",
            Utf8,
            false,
            "shortest span of the text stating the fact",
        ),
        col("sentence", Utf8, false, "the sentence holding the evidence"),
        col(
            "char_start",
            Int64,
            false,
            "start of the evidence in the document's normalised text (chars)",
        ),
        col(
            "char_end",
            Int64,
            false,
            "end of the evidence (chars, exclusive)",
        ),
        col(
            "page",
            Int32,
            true,
            "page of a PDF holding the evidence (1-based); null for other formats",
        ),
        col("rule", Label, false, "extraction rule that fired"),
        col(
            "health",
            Boolean,
            false,
            "the number is about health (its clause, paragraph, section or document is); filter on it for health facts",
        ),
        col(
            "change",
            Boolean,
            false,
            "the number states a change over an earlier time (增长5.2%), not a level; such facts name no indicator",
        ),
    ],
};

/// One row per input that could not be read, and one per problem of an input that was read.
pub const INGEST_REJECTS: Contract = Contract {
    name: "ingest_rejects",
    version: 2,
    columns: &[
        col("source_path", Utf8, false, "path of the file"),
        col(
            "reason",
            Label,
            false,
            "reason code. Rejected files: empty, binary, undecodable, corrupt_zip, zip_bomb, malformed_docx, malformed_xlsx, malformed_table, unmapped_table, html_too_deep, too_large, unknown_format, no_text, unreadable, malformed_pdf (truncated, encrypted or damaged PDF), no_text_layer (a scanned PDF or OFD), pdf_bomb (a PDF whose compressed streams expand past ingest.max_unzipped_bytes), malformed_xls (an .xls or .et that is no workbook), malformed_doc (a .doc or .wps that is no readable Word 97-2003 file: broken compound file, no WordDocument stream, encrypted, damaged piece table), malformed_ofd (an .ofd container without the parts an OFD document needs), duplicate_file (the same bytes as a file read before), internal_error (countypanel failed on the file). Files read with a warning: charset_mismatch, invalid_bytes, ragged_rows, bad_cells, rows_without_region",
        ),
        col("detail", Utf8, false, "what exactly was wrong"),
        col("n_bytes", Int64, true, "size of the file, when known"),
        col(
            "outcome",
            Label,
            false,
            "rejected (the file was not read) or read (read, with the problem noted)",
        ),
    ],
};

/// One row per (`region_code`, year, `indicator_id`, kind) after validation and reconciliation.
pub const OBSERVATIONS: Contract = Contract {
    name: "observations",
    version: 2,
    columns: &[
        col("region_code", Utf8, false, "6-digit region code"),
        col(
            "region_code_base",
            Utf8,
            true,
            "the code covering the same territory in the base vintage (clean.base_vintage); null when the territory was split",
        ),
        col(
            "crosswalk",
            Label,
            false,
            "how region_code maps to the base vintage: same, same_with_transfers, renamed, merged, split, unknown",
        ),
        col("region_name", Utf8, false, "region name"),
        col(
            "region_level",
            Label,
            false,
            "province, prefecture or county",
        ),
        col("year", Int32, false, "year"),
        col("indicator_id", Label, false, "catalog indicator"),
        col("kind", Label, false, "actual or target"),
        col(
            "value",
            Float64,
            false,
            "chosen value in the indicator's canonical unit",
        ),
        col("unit", Label, false, "canonical unit"),
        col("qualifier", Label, false, "qualifier of the chosen value"),
        col(
            "n_sources",
            Int32,
            false,
            "distinct documents stating the cell",
        ),
        col("n_mentions", Int32, false, "facts merged into the cell"),
        col("conflict", Boolean, false, "true when sources disagree"),
        col(
            "suspect",
            Boolean,
            false,
            "the value departs from its region's series by more than clean.suspect_factor, or is a density at odds with its count (see suspect.parquet)",
        ),
        col("value_min", Float64, false, "smallest stated value"),
        col("value_max", Float64, false, "largest stated value"),
        col("chosen_fact_id", Utf8, false, "fact whose value was chosen"),
        col("fact_ids", ListUtf8, false, "every fact behind the cell"),
        col("doc_ids", ListUtf8, false, "every document behind the cell"),
    ],
};

/// Facts held back by a validation rule.
pub const QUARANTINE: Contract = Contract {
    name: "quarantine",
    version: 1,
    columns: &[
        col("fact_id", Utf8, false, "the fact held back"),
        col("doc_id", Utf8, false, "its document"),
        col("indicator_id", Utf8, true, "its indicator"),
        col("region_name", Utf8, true, "its region as named"),
        col("year", Int32, true, "its year"),
        col("value", Float64, false, "its value"),
        col("unit", Label, false, "its unit"),
        col("rule", Label, false, "the rule that held it"),
        col("severity", Label, false, "warn or error"),
        col("detail", Utf8, false, "why"),
        col("evidence", Utf8, false, "the evidence text"),
    ],
};

/// Competing facts of cells whose sources disagree.
pub const CONFLICTS: Contract = Contract {
    name: "conflicts",
    version: 2,
    columns: &[
        col("region_code", Utf8, false, "cell region"),
        col("year", Int32, false, "cell year"),
        col("indicator_id", Label, false, "cell indicator"),
        col("kind", Label, false, "cell kind"),
        col("fact_id", Utf8, false, "a competing fact"),
        col("doc_id", Utf8, false, "its document"),
        col("value", Float64, false, "its value"),
        col("qualifier", Label, false, "its qualifier"),
        col(
            "source_priority",
            Int32,
            false,
            "priority of its source (lower wins)",
        ),
        col(
            "published",
            Date32,
            true,
            "publication date of its document",
        ),
        col("chosen", Boolean, false, "whether the policy chose it"),
        col(
            "decided_by",
            Label,
            false,
            "the policy rule that chose between the cell's values: series (a value its region's series makes implausible loses), source_priority, exact_value, later_publication, earlier_statement, fact_id",
        ),
    ],
};

/// The long panel: one row per region, year, indicator and kind.
pub const PANEL_LONG: Contract = Contract {
    name: "panel_long",
    version: 2,
    columns: &[
        col("region_code", Utf8, false, "6-digit region code"),
        col("region_name", Utf8, false, "region name"),
        col(
            "region_level",
            Label,
            false,
            "province, prefecture or county",
        ),
        col("year", Int32, false, "year"),
        col("indicator_id", Label, false, "catalog indicator"),
        col("indicator_name", Label, false, "Chinese indicator name"),
        col("unit", Label, false, "canonical unit"),
        col("kind", Label, false, "actual or target"),
        col("value", Float64, false, "value"),
        col("qualifier", Label, false, "qualifier"),
        col("n_sources", Int32, false, "distinct documents"),
        col("conflict", Boolean, false, "sources disagree"),
        col(
            "suspect",
            Boolean,
            false,
            "the value departs from its region's series or is a density at odds with its count (see qa/suspect.parquet)",
        ),
    ],
};

/// Ranks and changes of actual values among regions of one level, per indicator and year.
pub const COMPARISON: Contract = Contract {
    name: "comparison",
    version: 1,
    columns: &[
        col("indicator_id", Label, false, "catalog indicator"),
        col("year", Int32, false, "year"),
        col("region_level", Label, false, "level compared"),
        col("region_code", Utf8, false, "region"),
        col("region_name", Utf8, false, "region name"),
        col("value", Float64, false, "actual value"),
        col(
            "rank",
            Int32,
            false,
            "1 = best, by the catalog's direction; ties share the lowest rank",
        ),
        col(
            "n_compared",
            Int32,
            false,
            "regions reporting the indicator that year",
        ),
        col(
            "percentile",
            Float64,
            false,
            "share of the other compared regions this one does at least as well as (0-100)",
        ),
        col(
            "prev_year",
            Int32,
            true,
            "previous year the region reported the indicator",
        ),
        col(
            "change_abs",
            Float64,
            true,
            "value minus the previous reported value",
        ),
        col(
            "change_rel",
            Float64,
            true,
            "relative change from the previous reported value",
        ),
        col("years_apart", Int32, true, "years between the two reports"),
        col(
            "cagr",
            Float64,
            true,
            "compound annual change over the region's reported span",
        ),
    ],
};

/// Targets next to the actual value of the same cell.
pub const TARGETS: Contract = Contract {
    name: "targets",
    version: 2,
    columns: &[
        col("region_code", Utf8, false, "region"),
        col("region_name", Utf8, false, "region name"),
        col("year", Int32, false, "target year"),
        col("indicator_id", Label, false, "catalog indicator"),
        col("target", Float64, false, "target value"),
        col("target_qualifier", Label, false, "qualifier of the target"),
        col("unit", Label, false, "unit of the target"),
        col(
            "actual",
            Float64,
            true,
            "actual value of the same cell, when there is one in the target's unit",
        ),
        col(
            "actual_unit",
            Label,
            true,
            "unit of the cell's actual value; when it is not the target's, actual, gap and met are empty",
        ),
        col(
            "gap",
            Float64,
            true,
            "actual minus target (positive is ahead for higher-is-better)",
        ),
        col(
            "met",
            Boolean,
            true,
            "whether the actual meets the target, respecting its qualifier",
        ),
    ],
};

/// Which region and indicator cells have data.
pub const COVERAGE: Contract = Contract {
    name: "coverage",
    version: 1,
    columns: &[
        col("region_code", Utf8, false, "region"),
        col("region_name", Utf8, false, "region name"),
        col("indicator_id", Label, false, "catalog indicator"),
        col("years", ListInt32, false, "years with an actual value"),
        col("n_years", Int32, false, "how many"),
        col("first_year", Int32, false, "earliest"),
        col("last_year", Int32, false, "latest"),
        col(
            "n_sources",
            Int32,
            false,
            "distinct documents over all those years",
        ),
    ],
};

/// The catalog's to-do list: what uncatalogued health facts measure, most frequent first.
pub const CATALOG_TODO: Contract = Contract {
    name: "catalog_todo",
    version: 1,
    columns: &[
        col(
            "indicator_text",
            Utf8,
            true,
            "what the facts measure, as the extractor names it (null when it could not)",
        ),
        col("unit", Label, false, "their unit"),
        col(
            "n_facts",
            Int64,
            false,
            "uncatalogued health facts so named",
        ),
        col("n_documents", Int64, false, "documents stating them"),
        col(
            "example_evidence",
            Utf8,
            false,
            "the evidence of one of them",
        ),
    ],
};

/// Cells whose value departs from their region's own series, or densities at odds with their
/// counts.
pub const SUSPECT: Contract = Contract {
    name: "suspect",
    version: 2,
    columns: &[
        col("region_code", Utf8, false, "cell region"),
        col("region_name", Utf8, false, "region name"),
        col("year", Int32, false, "cell year"),
        col("indicator_id", Label, false, "cell indicator"),
        col("kind", Label, false, "cell kind"),
        col("value", Float64, false, "the cell's value"),
        col(
            "series_median",
            Float64,
            false,
            "the value the check expected: the median of the region's values of the indicator over the years (series_departure), or the density the region's median implied population gives the count (density_inconsistent)",
        ),
        col(
            "n_years",
            Int32,
            false,
            "values the expectation is the median of",
        ),
        col(
            "rule",
            Label,
            false,
            "series_departure (the value departs from its region's series) or density_inconsistent (a density whose count implies a population far from the region's others)",
        ),
        col("detail", Utf8, false, "how far the value departs, in words"),
        col(
            "chosen_fact_id",
            Utf8,
            false,
            "the fact behind the value (countypanel explain shows its evidence)",
        ),
    ],
};

/// Region names that resolve to nothing but are one character away from one region of their
/// year.
pub const REGION_SUGGESTIONS: Contract = Contract {
    name: "region_suggestions",
    version: 2,
    columns: &[
        col("region_name", Utf8, false, "the name as written"),
        col("year", Int32, false, "the year of its facts"),
        col("n_facts", Int64, false, "facts naming it that year"),
        col(
            "example_evidence",
            Utf8,
            false,
            "the evidence of one of them",
        ),
        col(
            "suggested_code",
            Utf8,
            false,
            "the code of the suggested region",
        ),
        col("suggested_name", Utf8, false, "its name"),
        col(
            "basis",
            Label,
            false,
            "why that region: one_edit (the one region a character away), one_edit_in_province (the one of several a character away in the province of the regions named around it), two_edits_in_province (the one region of that province two characters away)",
        ),
        col(
            "applied",
            Boolean,
            false,
            "whether the facts took the suggested code (clean.accept_suggested_regions)",
        ),
    ],
};
