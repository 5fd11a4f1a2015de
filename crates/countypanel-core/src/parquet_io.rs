//! Atomic Parquet writing and contract-checked reading.
//!
//! Every output goes through [`write_atomic`]: the file is written to a temporary file in the
//! destination folder and renamed into place only when complete, so a crash, an error or a panic
//! leaves either the earlier output or nothing at the path, never a partial file. Readers call
//! [`check_file`] (or [`read_table`]) so that a file whose schema or contract version does not
//! match is refused with a message naming the file and the column.

use std::fs::File;
use std::path::Path;

use arrow::record_batch::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::{ArrowReaderMetadata, ParquetRecordBatchReaderBuilder};
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;

use crate::contract::Contract;
use crate::error::CoreError;

/// Metadata key holding the contract name.
pub const KEY_CONTRACT: &str = "countypanel.contract";
/// Metadata key holding the contract version.
pub const KEY_VERSION: &str = "countypanel.contract_version";
/// Metadata key holding the producing crate and version.
pub const KEY_PRODUCER: &str = "countypanel.producer";
/// Metadata key holding the pipeline file.
pub const KEY_PIPELINE: &str = "countypanel.pipeline";
/// Metadata key holding the input file hashes (`path=sha256` per line), when there are at most
/// [`INLINE_INPUTS`] of them.
pub const KEY_INPUTS: &str = "countypanel.inputs";
/// Metadata key holding the number of input files.
pub const KEY_INPUTS_COUNT: &str = "countypanel.inputs_count";
/// Metadata key holding the SHA-256 of the input list (the `countypanel.inputs` text, whether
/// or not the footer holds it): two tables of one run record the same.
pub const KEY_INPUTS_SHA256: &str = "countypanel.inputs_sha256";
/// The most inputs a footer lists one by one. An ingest over a national corpus reads 10^5–10^6
/// files: its list would make every footer tens of megabytes that every reader parses, while
/// the tables' own rows (`documents.source_path` and `sha256`, the rejects' `source_path`)
/// already name each file. Past this many, the footer holds the count and the list's digest.
pub const INLINE_INPUTS: usize = 1000;
/// Metadata key holding the region-code vintage.
pub const KEY_REGION_VINTAGE: &str = "countypanel.region_vintage";

/// Provenance stored in every file's key-value metadata.
#[derive(Debug, Clone, Default)]
pub struct WriteMeta {
    /// Producing crate and version, such as `countypanel-clean 0.1.0`.
    pub producer: String,
    /// The pipeline file the stage ran under.
    pub pipeline: String,
    /// Input files and their SHA-256, in a stable order.
    pub inputs: Vec<(String, String)>,
    /// Region-code vintage, such as `2023`.
    pub region_vintage: String,
    /// Further entries (units of a panel, for example).
    pub extra: Vec<(String, String)>,
}

/// The `countypanel.inputs` value: `path=sha256` per line.
fn inputs_value(inputs: &[(String, String)]) -> String {
    inputs
        .iter()
        .map(|(p, h)| format!("{p}={h}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The footer entries of an input list: the list itself when short ([`INLINE_INPUTS`]), its
/// count and its digest.
fn inputs_entries(inputs: &[(String, String)]) -> Vec<KeyValue> {
    let list = inputs_value(inputs);
    let digest = crate::hash::sha256_hex(list.as_bytes());
    let mut kv = Vec::with_capacity(3);
    if inputs.len() <= INLINE_INPUTS {
        kv.push(KeyValue::new(KEY_INPUTS.to_string(), list));
    }
    kv.push(KeyValue::new(
        KEY_INPUTS_COUNT.to_string(),
        inputs.len().to_string(),
    ));
    kv.push(KeyValue::new(KEY_INPUTS_SHA256.to_string(), digest));
    kv
}

impl WriteMeta {
    fn key_values(&self, contract: &str, version: u32) -> Vec<KeyValue> {
        let mut kv = self.key_values_without_inputs(contract, version);
        let tail = kv.split_off(4);
        kv.extend(inputs_entries(&self.inputs));
        kv.extend(tail);
        kv
    }

    fn key_values_without_inputs(&self, contract: &str, version: u32) -> Vec<KeyValue> {
        let mut kv = vec![
            KeyValue::new(KEY_CONTRACT.to_string(), contract.to_string()),
            KeyValue::new(KEY_VERSION.to_string(), version.to_string()),
            KeyValue::new(KEY_PRODUCER.to_string(), self.producer.clone()),
            KeyValue::new(KEY_PIPELINE.to_string(), self.pipeline.clone()),
            KeyValue::new(KEY_REGION_VINTAGE.to_string(), self.region_vintage.clone()),
        ];
        for (k, v) in &self.extra {
            kv.push(KeyValue::new(k.clone(), v.clone()));
        }
        kv
    }
}

/// Writes `batch` to `path` under `contract`, atomically.
pub fn write_table(
    path: &Path,
    contract: &Contract,
    batch: &RecordBatch,
    meta: &WriteMeta,
) -> Result<(), CoreError> {
    check_schema(contract, batch)?;
    // The row groups the writer's properties ask for (the ones `write_with` writes under).
    let max_rows = writer_properties(Vec::new())
        .max_row_group_row_count()
        .unwrap_or(usize::MAX)
        .max(1);
    write_with(
        path,
        contract.name,
        contract.version,
        batch.schema(),
        meta,
        |writer| encode_columns_in_parallel(writer, batch, max_rows),
    )
}

/// Writes `batch` through `writer` in row groups of at most `max_rows`, as `ArrowWriter::write`
/// does, with the columns of each row group encoded and compressed on the cores side by side
/// (each column's encoder is independent; the chunks are appended in column order, so the file
/// is the one the plain writer makes, byte for byte).
fn encode_columns_in_parallel(
    writer: ArrowWriter<&mut File>,
    batch: &RecordBatch,
    max_rows: usize,
) -> Result<(), parquet::errors::ParquetError> {
    use parquet::arrow::arrow_writer::{ArrowColumnChunk, compute_leaves};
    let (mut file, factory) = writer.into_serialized_writer()?;
    let schema = batch.schema();
    let mut start = 0;
    let mut group = 0;
    while start < batch.num_rows() {
        let rows = batch.slice(start, max_rows.min(batch.num_rows() - start));
        let mut leaves = Vec::new();
        for (field, column) in schema.fields().iter().zip(rows.columns()) {
            leaves.extend(compute_leaves(field, column)?);
        }
        let jobs: Vec<_> = factory
            .create_column_writers(group)?
            .into_iter()
            .zip(leaves)
            .collect();
        let chunks: Vec<ArrowColumnChunk> = std::thread::scope(|s| {
            let handles: Vec<_> = jobs
                .into_iter()
                .map(|(mut column_writer, leaf)| {
                    s.spawn(move || {
                        column_writer.write(&leaf)?;
                        column_writer.close()
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect::<Result<_, _>>()
        })?;
        let mut row_group = file.next_row_group()?;
        for chunk in chunks {
            chunk.append_to_row_group(&mut row_group)?;
        }
        row_group.close()?;
        start += rows.num_rows();
        group += 1;
    }
    file.close()?;
    Ok(())
}

/// Refuses a batch whose schema is not the contract's.
fn check_schema(contract: &Contract, batch: &RecordBatch) -> Result<(), CoreError> {
    if batch.schema() == contract.schema() {
        Ok(())
    } else {
        Err(CoreError::Table {
            table: contract.name.into(),
            message: "batch schema differs from the contract's".into(),
        })
    }
}

/// A table written batch by batch, for outputs too large to hold in memory. The file grows as a
/// hidden temporary beside `path` and is renamed into place by [`TableWriter::finish`]; dropped
/// unfinished (an error, a panic), the temporary is removed and an earlier file at `path` stays.
pub struct TableWriter {
    path: std::path::PathBuf,
    contract: &'static Contract,
    tmp: tempfile::NamedTempFile,
    writer: ArrowWriter<File>,
}

impl TableWriter {
    /// Opens the temporary file. `meta.inputs` is ignored here: the inputs are known only at the
    /// end and are given to [`TableWriter::finish`].
    pub fn create(
        path: &Path,
        contract: &'static Contract,
        meta: &WriteMeta,
    ) -> Result<Self, CoreError> {
        let tmp = temp_beside(path)?;
        let file = tmp
            .as_file()
            .try_clone()
            .map_err(|e| CoreError::io(tmp.path(), e))?;
        let kv = meta.key_values_without_inputs(contract.name, contract.version);
        let schema = schema_with_metadata(contract.schema(), &kv);
        let props = writer_properties(kv);
        let writer = ArrowWriter::try_new(file, schema, Some(props))
            .map_err(|e| CoreError::parquet(path, e))?;
        Ok(Self {
            path: path.to_path_buf(),
            contract,
            tmp,
            writer,
        })
    }

    /// Appends a batch (its schema must be the contract's).
    pub fn write(&mut self, batch: &RecordBatch) -> Result<(), CoreError> {
        check_schema(self.contract, batch)?;
        self.writer
            .write(batch)
            .map_err(|e| CoreError::parquet(&self.path, e))
    }

    /// Ends the current row group, so that what was written so far leaves memory.
    pub fn end_row_group(&mut self) -> Result<(), CoreError> {
        self.writer
            .flush()
            .map_err(|e| CoreError::parquet(&self.path, e))
    }

    /// Records the inputs, closes the file, syncs it and renames it into place.
    pub fn finish(mut self, inputs: &[(String, String)]) -> Result<(), CoreError> {
        for kv in inputs_entries(inputs) {
            self.writer.append_key_value_metadata(kv);
        }
        self.writer
            .close()
            .map_err(|e| CoreError::parquet(&self.path, e))?;
        sync_and_rename(self.tmp, &self.path)
    }
}

/// A hidden temporary file beside `path` (its folder created), after sweeping the temporaries
/// an earlier, killed write of the same output left.
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile, CoreError> {
    let (dir, file_name) = dir_and_name(path);
    std::fs::create_dir_all(dir).map_err(|e| CoreError::io(dir, e))?;
    sweep_stale(dir, &format!(".{file_name}."));
    output_builder(&format!(".{file_name}."), ".tmp", false)
        .tempfile_in(dir)
        .map_err(|e| CoreError::io(dir, e))
}

/// A builder of temporary outputs created as shared outputs are: readable by everyone the
/// umask allows (0644 for files, 0755 for folders), not the owner-only 0600 of a private
/// temporary, so that colleagues on a shared server can read what was written.
#[must_use]
pub fn output_builder<'a, 'b>(
    prefix: &'a str,
    suffix: &'b str,
    folder: bool,
) -> tempfile::Builder<'a, 'b> {
    let mut b = tempfile::Builder::new();
    b.prefix(prefix).suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = if folder { 0o755 } else { 0o644 };
        b.permissions(std::fs::Permissions::from_mode(mode));
    }
    b
}

/// Writes `bytes` to `path` atomically: a temporary file beside it, synced, then renamed; an
/// earlier file at `path` is left whole when anything fails.
///
/// # Errors
/// [`CoreError::Io`] naming the file when the folder, the temporary file or the rename fails.
pub fn write_bytes_atomic(path: &Path, bytes: &[u8]) -> Result<(), CoreError> {
    let mut tmp = temp_beside(path)?;
    std::io::Write::write_all(&mut tmp, bytes).map_err(|e| CoreError::io(path, e))?;
    sync_and_rename(tmp, path)
}

/// Syncs a finished temporary file and renames it to `path`.
fn sync_and_rename(tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), CoreError> {
    tmp.as_file()
        .sync_all()
        .map_err(|e| CoreError::io(tmp.path(), e))?;
    tmp.persist(path)
        .map_err(|e| CoreError::io(path, e.error))?;
    Ok(())
}

fn dir_and_name(path: &Path) -> (&Path, String) {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, name)
}

/// The schema written into the file's Arrow schema (read back as `schema.metadata` by pyarrow):
/// the key-value metadata, and a `pandas` entry that makes pandas load integer columns that may
/// hold nulls (`year`) as its nullable `Int32`/`Int64` rather than as floats.
fn schema_with_metadata(
    schema: arrow::datatypes::SchemaRef,
    kv: &[KeyValue],
) -> arrow::datatypes::SchemaRef {
    use arrow::datatypes::DataType;
    let mut map: std::collections::HashMap<String, String> = kv
        .iter()
        .filter_map(|k| Some((k.key.clone(), k.value.clone()?)))
        .collect();
    let columns: Vec<String> = schema
        .fields()
        .iter()
        .filter_map(|f| {
            let (pandas, numpy) = match f.data_type() {
                DataType::Int32 => ("int32", "Int32"),
                DataType::Int64 => ("int64", "Int64"),
                _ => return None,
            };
            f.is_nullable().then(|| {
                format!(
                    r#"{{"name": "{0}", "field_name": "{0}", "pandas_type": "{pandas}", "numpy_type": "{numpy}", "metadata": null}}"#,
                    f.name()
                )
            })
        })
        .collect();
    if !columns.is_empty() {
        map.insert(
            "pandas".into(),
            format!(
                r#"{{"index_columns": [], "column_indexes": [], "columns": [{}], "creator": {{"library": "countypanel", "version": "{}"}}, "pandas_version": "2.2.0"}}"#,
                columns.join(", "),
                env!("CARGO_PKG_VERSION")
            ),
        );
    }
    // Each column says what it holds (`description`, the contract's words) and its Chinese
    // name (`name_zh`), for readers that show field metadata (pyarrow's schema, DuckDB's
    // parquet_schema). Columns outside the contract keep the metadata they were given (the
    // indicator columns of the wide panel: name, unit).
    let contract = map
        .get(KEY_CONTRACT)
        .and_then(|name| crate::contract::ALL.iter().find(|c| c.name == name));
    let schema = std::sync::Arc::unwrap_or_clone(schema);
    let fields: Vec<arrow::datatypes::FieldRef> = schema
        .fields()
        .iter()
        .map(|f| {
            let doc = contract
                .and_then(|c| c.columns.iter().find(|spec| spec.name == f.name()))
                .map(|spec| spec.doc);
            let mut meta = f.metadata().clone();
            if let Some(doc) = doc {
                meta.insert("description".to_string(), doc.to_string());
            }
            if let Some(zh) = crate::zh::column_name(f.name())
                && meta.get("name_zh").is_none()
            {
                meta.insert("name_zh".to_string(), zh.to_string());
            }
            if meta == *f.metadata() {
                f.clone()
            } else {
                std::sync::Arc::new(f.as_ref().clone().with_metadata(meta))
            }
        })
        .collect();
    std::sync::Arc::new(arrow::datatypes::Schema::new_with_metadata(fields, map))
}

fn writer_properties(kv: Vec<KeyValue>) -> WriterProperties {
    WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_key_value_metadata(Some(kv))
        .build()
}

/// Removes what an earlier run killed mid-write left behind in `dir`: hidden temporary files and
/// folders whose names start with `prefix` (`.facts.parquet.`). They are never outputs; a run
/// that dies before its rename leaves them, and the next write of the same output clears them.
pub fn sweep_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !name.starts_with(prefix) {
            continue;
        }
        let path = e.path();
        // Best effort: a leftover that cannot be removed does no harm beyond its space.
        let _ = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}

/// Writes a Parquet file atomically: `fill` writes the batches into a writer on a temporary file
/// in the same folder; the file is renamed to `path` only after `fill` returned `Ok` and the
/// writer closed. On an error or a panic the temporary file is removed and an earlier file at
/// `path` is left untouched.
pub fn write_atomic<F>(
    path: &Path,
    contract_name: &str,
    version: u32,
    schema: arrow::datatypes::SchemaRef,
    meta: &WriteMeta,
    fill: F,
) -> Result<(), CoreError>
where
    F: FnOnce(&mut ArrowWriter<&mut File>) -> Result<(), parquet::errors::ParquetError>,
{
    write_with(path, contract_name, version, schema, meta, |mut writer| {
        fill(&mut writer)?;
        writer.close().map(|_| ())
    })
}

/// [`write_atomic`] with the writer handed over whole: `finish` writes and closes it.
fn write_with<F>(
    path: &Path,
    contract_name: &str,
    version: u32,
    schema: arrow::datatypes::SchemaRef,
    meta: &WriteMeta,
    finish: F,
) -> Result<(), CoreError>
where
    F: FnOnce(ArrowWriter<&mut File>) -> Result<(), parquet::errors::ParquetError>,
{
    let mut tmp = temp_beside(path)?;
    let kv = meta.key_values(contract_name, version);
    let with_metadata = schema_with_metadata(schema, &kv);
    let props = writer_properties(kv);
    {
        let writer = ArrowWriter::try_new(tmp.as_file_mut(), with_metadata, Some(props))
            .map_err(|e| CoreError::parquet(path, e))?;
        finish(writer).map_err(|e| CoreError::parquet(path, e))?;
    }
    sync_and_rename(tmp, path)
}

/// Refuses `path` (a table of `contract`) when it was made from an earlier version of one of
/// `sources`: each source it records among its inputs (the footer's paths and SHA-256) must hash
/// the same now. A source it does not record (a footer of more than [`INLINE_INPUTS`] inputs
/// lists none), or that no longer exists, is not compared.
///
/// # Errors
/// [`CoreError::Contract`] naming the table and the source that changed since it was written;
/// the errors of [`check_file`].
pub fn check_made_from(
    path: &Path,
    contract: &Contract,
    sources: &[&Path],
) -> Result<(), CoreError> {
    let info = check_file(path, contract)?;
    let recorded = info.get(KEY_INPUTS).unwrap_or_default();
    for source in sources {
        let name = source.display().to_string();
        let Some(hash) = recorded
            .lines()
            .filter_map(|l| l.rsplit_once('='))
            .find(|(p, _)| *p == name)
            .map(|(_, h)| h)
        else {
            continue;
        };
        let Ok(bytes) = std::fs::read(source) else {
            continue;
        };
        if crate::hash::sha256_hex(&bytes) != hash {
            return Err(CoreError::Contract {
                path: path.to_path_buf(),
                contract: contract.name.to_string(),
                problem: format!(
                    "it was made from an earlier {name}, which has changed since: run the stage \
                     that writes {} again first",
                    path.display()
                ),
            });
        }
    }
    Ok(())
}

/// Refuses two tables written by one run that come from different runs: their footers must
/// record the same inputs.
///
/// # Errors
/// [`CoreError::Contract`] naming both tables; the errors of [`check_file`].
pub fn check_same_run(a: (&Path, &Contract), b: (&Path, &Contract)) -> Result<(), CoreError> {
    let (ia, ib) = (check_file(a.0, a.1)?, check_file(b.0, b.1)?);
    let same = |key| ia.get(key) == ib.get(key);
    if !same(KEY_INPUTS) || !same(KEY_INPUTS_SHA256) {
        return Err(CoreError::Contract {
            path: a.0.to_path_buf(),
            contract: a.1.name.to_string(),
            problem: format!(
                "it and {} come from different ingest runs (their recorded inputs differ): run \
                 ingest again so that both are written together",
                b.0.display()
            ),
        });
    }
    Ok(())
}

/// What [`check_file`] learned about a file that matches its contract.
#[derive(Debug, Clone)]
pub struct FileInfo {
    /// Rows in the file.
    pub n_rows: i64,
    /// The key-value metadata.
    pub metadata: Vec<(String, String)>,
}

impl FileInfo {
    /// The value of a metadata key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&str> {
        self.metadata
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Checks that the file at `path` holds the table `contract` describes: the contract name and
/// version in its metadata, and every contract column present with an acceptable type and
/// nullability. Extra columns are allowed (a later contract version may add them).
pub fn check_file(path: &Path, contract: &Contract) -> Result<FileInfo, CoreError> {
    let fail = |problem: String| CoreError::Contract {
        path: path.to_path_buf(),
        contract: contract.name.to_string(),
        problem,
    };
    let file = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let meta = ArrowReaderMetadata::load(
        &file,
        parquet::arrow::arrow_reader::ArrowReaderOptions::default(),
    )
    .map_err(|e| fail(format!("not a readable Parquet file ({e})")))?;
    let kv: Vec<(String, String)> = meta
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|kvs| {
            kvs.iter()
                .map(|k| (k.key.clone(), k.value.clone().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default();
    let info = FileInfo {
        n_rows: meta.metadata().file_metadata().num_rows(),
        metadata: kv,
    };
    match info.get(KEY_CONTRACT) {
        Some(name) if name == contract.name => {}
        Some(name) => return Err(fail(format!("metadata names contract `{name}`"))),
        None => return Err(fail(format!("metadata key `{KEY_CONTRACT}` is missing"))),
    }
    let want = contract.version.to_string();
    match info.get(KEY_VERSION) {
        Some(v) if v == want => {}
        Some(v) => {
            return Err(fail(format!(
                "contract version {v}, this program reads version {want}"
            )));
        }
        None => return Err(fail(format!("metadata key `{KEY_VERSION}` is missing"))),
    }
    let schema = meta.schema();
    for spec in contract.columns {
        let Ok(field) = schema.field_with_name(spec.name) else {
            return Err(fail(format!("column `{}` is missing", spec.name)));
        };
        if !spec.ty.accepts(field.data_type()) {
            return Err(fail(format!(
                "column `{}` has type {}, expected {}",
                spec.name,
                field.data_type(),
                spec.ty.arrow_type()
            )));
        }
        if field.is_nullable() && !spec.nullable {
            // Tools that rewrite files often mark every column nullable; what matters is that
            // no null is present, which the reader checks on the data.
        }
    }
    Ok(info)
}

/// Checks `path` against `contract` and reads it batch by batch (row group by row group), each
/// batch in contract order, so that a large table is never held whole.
///
/// # Errors
/// The contract check, or opening the file; each batch carries its own reading error.
pub fn read_batches(
    path: &Path,
    contract: &'static Contract,
) -> Result<impl Iterator<Item = Result<RecordBatch, CoreError>> + use<>, CoreError> {
    check_file(path, contract)?;
    let file = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| CoreError::parquet(path, e))?;
    let reader = builder.build().map_err(|e| CoreError::parquet(path, e))?;
    let path = path.to_path_buf();
    Ok(reader.map(move |b| {
        let b = b.map_err(|e| CoreError::parquet(&path, e))?;
        let indices = contract
            .columns
            .iter()
            .map(|c| b.schema().index_of(c.name))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| CoreError::parquet(&path, e))?;
        b.project(&indices)
            .map_err(|e| CoreError::parquet(&path, e))
    }))
}

/// Checks `path` against `contract` and reads the whole table into one batch in contract order.
pub fn read_table(path: &Path, contract: &Contract) -> Result<RecordBatch, CoreError> {
    check_file(path, contract)?;
    let file = File::open(path).map_err(|e| CoreError::io(path, e))?;
    let builder =
        ParquetRecordBatchReaderBuilder::try_new(file).map_err(|e| CoreError::parquet(path, e))?;
    // The schema without its metadata, as the contracts state it.
    let schema = std::sync::Arc::new(
        builder
            .schema()
            .as_ref()
            .clone()
            .with_metadata(std::collections::HashMap::new()),
    );
    let reader = builder.build().map_err(|e| CoreError::parquet(path, e))?;
    let mut batches = Vec::new();
    for b in reader {
        batches.push(b.map_err(|e| CoreError::parquet(path, e))?);
    }
    let all = arrow::compute::concat_batches(&schema, &batches)
        .map_err(|e| CoreError::parquet(path, e))?;
    let indices = contract
        .columns
        .iter()
        .map(|c| all.schema().index_of(c.name))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| CoreError::parquet(path, e))?;
    let projected = all
        .project(&indices)
        .map_err(|e| CoreError::parquet(path, e))?;
    for spec in contract.columns {
        let col = projected
            .column_by_name(spec.name)
            .expect("projected column exists");
        if !spec.nullable && col.null_count() > 0 {
            return Err(CoreError::Contract {
                path: path.to_path_buf(),
                contract: contract.name.to_string(),
                problem: format!(
                    "column `{}` must not hold nulls but holds {}",
                    spec.name,
                    col.null_count()
                ),
            });
        }
    }
    Ok(projected)
}

#[cfg(test)]
mod tests;
