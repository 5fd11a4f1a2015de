# countypanel: county health reports -> county-by-year comparison panels.
#
#   make            build, run the pipeline on the bundled sample, print the headline table
#   make test       formatting, lints and every test (installs nothing beyond cargo crates)
#   make help       every target with one line
#
# Point at other data with RAW=dir and PIPELINE=file: outputs never mix two inputs, since the
# input fingerprint (data/staged/inputs.txt) changes and every stage reruns.

SHELL := bash
.DEFAULT_GOAL := all
.DELETE_ON_ERROR:
.SUFFIXES:

RAW ?= data/raw/sample
PIPELINE ?= pipelines/county-health.toml
PROFILE ?= release
BENCH_ROWS ?= 2000000
BENCH_CORPUS_MB ?= 200
BENCH_TABLE_ROWS ?= 20000000
BENCH_E2E_MB ?= 1000
PYSPARK_VERSION ?= 4.0.5
CARGO ?= cargo
export CARGO_TARGET_DIR ?= $(HOME)/.cache/countypanel-target
# Python for the notebook and interop tests: a virtual environment outside the clone, reused.
VENV ?= $(HOME)/.cache/countypanel-venv
PYTHON := $(VENV)/bin/python

BIN_DIR := $(if $(filter dev,$(PROFILE)),debug,$(PROFILE))
BIN := $(CARGO_TARGET_DIR)/$(BIN_DIR)/countypanel
RUN := $(BIN) --pipeline $(PIPELINE)

# Where the generated layers go (staged, clean, qa, summary); raw data is only read.
OUT ?= data
STAGED := $(OUT)/staged
CLEAN := $(OUT)/clean
QA := $(OUT)/qa
SUMMARY := $(OUT)/summary

SOURCES := Cargo.toml Cargo.lock $(shell find crates -name '*.rs' -o -name Cargo.toml | sort)
RAW_FILES := $(shell find $(RAW) -type f -not -name '.*' 2>/dev/null | LC_ALL=C sort)
CATALOG := $(shell sed -n 's/^catalog *= *"\([^"]*\)".*/\1/p' $(PIPELINE) 2>/dev/null)
REFERENCE := $(wildcard data/reference/*.csv)

INGEST_OUT := $(STAGED)/documents.parquet $(STAGED)/facts.parquet $(QA)/ingest_rejects.parquet
CLEAN_OUT := $(CLEAN)/observations.parquet $(QA)/quarantine.parquet $(QA)/conflicts.parquet $(QA)/uncatalogued_facts.parquet \
	$(QA)/catalog_todo.parquet $(QA)/suspect.parquet $(QA)/region_suggestions.parquet
SUMMARY_OUT := $(SUMMARY)/panel_long.parquet $(SUMMARY)/panel_wide.parquet $(SUMMARY)/comparison.parquet \
	$(SUMMARY)/targets.parquet $(SUMMARY)/coverage.parquet $(SUMMARY)/report.md $(SUMMARY)/headline.txt \
	$(SUMMARY)/catalog.json

.PHONY: all build install test fmt lint bench bench-pdf spark-check slurm-check k8s-check office-check report-check kill-trials fuzz determinism reset help FORCE

all: $(SUMMARY)/headline.txt ## Build and run the whole pipeline on $(RAW), then print the headline table
	@cat $(SUMMARY)/headline.txt

build: $(BIN) ## Build the countypanel binary

$(BIN): $(SOURCES)
	$(CARGO) build --locked --profile $(PROFILE) -p countypanel
	@touch $@

# What the staged layer was made from: the raw folder, its files and the pipeline file. Rewritten
# only when that changes, so that its date tells make when to redo everything.
$(STAGED)/inputs.txt: FORCE
	@mkdir -p $(@D)
	@{ echo "raw=$(RAW)"; echo "pipeline=$(PIPELINE)"; printf '%s\n' $(RAW_FILES); } > $@.new
	@if cmp -s $@.new $@; then rm -f $@.new; else mv $@.new $@; fi

# A stage that fails keeps what it wrote (a data check's failure leaves its outputs and QA tables
# as the evidence; an error before writing leaves the previous run's outputs whole), and its
# outputs are dated 1970 so that make reruns the stage next time instead of going on from them.
.PRECIOUS: $(INGEST_OUT) $(CLEAN_OUT) $(SUMMARY_OUT)
keep_and_redo = || { status=$$?; touch -c -d @0 $(1); exit $$status; }

$(INGEST_OUT) &: $(BIN) $(STAGED)/inputs.txt $(RAW_FILES) $(PIPELINE) $(CATALOG) $(REFERENCE)
	$(RUN) ingest --raw $(RAW) --documents $(STAGED)/documents.parquet --facts $(STAGED)/facts.parquet \
		--rejects $(QA)/ingest_rejects.parquet $(call keep_and_redo,$(INGEST_OUT))

$(CLEAN_OUT) &: $(BIN) $(STAGED)/documents.parquet $(STAGED)/facts.parquet $(PIPELINE) $(CATALOG) $(REFERENCE)
	$(RUN) clean --facts $(STAGED)/facts.parquet --documents $(STAGED)/documents.parquet \
		--observations $(CLEAN)/observations.parquet --quarantine $(QA)/quarantine.parquet \
		--conflicts $(QA)/conflicts.parquet --uncatalogued $(QA)/uncatalogued_facts.parquet \
		--todo $(QA)/catalog_todo.parquet --suspect $(QA)/suspect.parquet \
		--suggestions $(QA)/region_suggestions.parquet $(call keep_and_redo,$(CLEAN_OUT))

$(SUMMARY_OUT) &: $(BIN) $(CLEAN)/observations.parquet $(PIPELINE) $(CATALOG)
	$(RUN) aggregate --observations $(CLEAN)/observations.parquet --summary $(SUMMARY) \
		$(call keep_and_redo,$(SUMMARY_OUT))

test: $(VENV)/installed ## Formatting, clippy, every workspace test, then the notebook and interop tests on the sample
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings
	$(CARGO) test --workspace --locked
	$(MAKE) --no-print-directory PROFILE=dev RAW=data/raw/sample PIPELINE=pipelines/county-health.toml all > /dev/null
	$(PYTHON) -m pytest -q tests/python
	tests/reliability/determinism.sh dev

determinism: ## make -j1 with one thread and make -j4 with four must write identical bytes
	tests/reliability/determinism.sh $(PROFILE)

KILL_TRIALS ?= 60
SLURM_SHARDS ?= 4
SLURM_MB ?= 5
FUZZ_TIME ?= 600

bench-pdf: $(BIN) ## PDF ingest beside pdftotext on the published PDFs of ../shared (needs poppler-utils)
	tests/bench/pdf_bench.sh $(BIN)

report-check: $(SUMMARY)/headline.txt $(VENV)/installed ## Open report.html in headless Chromium and check its Chinese renders as glyphs (installs Chromium and a CJK font with apt-get when missing)
	command -v chromium > /dev/null && fc-list :lang=zh | grep -q . || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-noto-cjk) \
		|| (echo "report-check: Chromium or a CJK font is missing and apt-get could not install them" >&2; exit 1)
	COUNTYPANEL_REQUIRE_BROWSER=1 $(PYTHON) -m pytest -q tests/python/test_report_browser.py

slurm-check: $(BIN) $(SYNTH) ## Run the pipeline as a Slurm array job on a one-node cluster here and compare its outputs with a local run (installs Slurm with apt-get)
	command -v slurmctld > /dev/null && command -v munged > /dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurmctld slurmd slurm-client munge bc) \
		|| (echo "slurm-check: Slurm is not installed and apt-get could not install it" >&2; exit 1)
	tests/deploy/slurm_check.sh $(BIN) $(SYNTH) $(SLURM_SHARDS) $(SLURM_MB)

k8s-check: $(BIN) $(SYNTH) $(VENV)/installed ## Check deploy/k8s without a cluster: both Jobs against the Kubernetes API schemas, then their pods run here as Kubernetes starts them and the outputs compared with a local run (installs kubernetes-validate into the venv)
	$(PYTHON) -c "import kubernetes_validate, yaml" 2> /dev/null || $(PYTHON) -m pip install -q kubernetes-validate \
		|| (echo "k8s-check: kubernetes-validate is not installed and pip could not install it" >&2; exit 1)
	tests/deploy/k8s_check.sh $(BIN) $(SYNTH) $(PYTHON) $(SLURM_MB)

office-check: ## Read .doc and .xls files saved by LibreOffice (installs it with apt-get when it is missing)
	command -v soffice > /dev/null || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui) \
		|| (echo "office-check: LibreOffice is not installed and apt-get could not install it; install LibreOffice and run again" >&2; exit 1)
	COUNTYPANEL_REQUIRE_OFFICE=1 $(CARGO) test --locked -p countypanel --test it office

kill-trials: $(BIN) $(VENV)/installed ## Kill stages with SIGKILL at random moments ($(KILL_TRIALS) trials); check outputs and reruns
	$(PYTHON) tests/reliability/kill_trials.py $(BIN) --trials $(KILL_TRIALS)

fuzz: ## Run each cargo-fuzz target for FUZZ_TIME seconds (needs nightly; installs cargo-fuzz)
	FUZZ_TIME=$(FUZZ_TIME) tests/reliability/fuzz.sh

$(VENV)/installed: notebooks/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r notebooks/requirements.txt
	@touch $@

SPARK_VENV ?= $(HOME)/.cache/countypanel-spark-venv

spark-check: $(SUMMARY)/headline.txt ## Read the year-partitioned panel with pyspark in local mode (heavy: needs Java)
	test -x $(SPARK_VENV)/bin/python || python3 -m venv $(SPARK_VENV)
	$(SPARK_VENV)/bin/pip install --quiet --disable-pip-version-check pyspark==$(PYSPARK_VERSION)
	$(SPARK_VENV)/bin/python tests/python/spark_check.py

PREFIX ?= $(HOME)/.local
install: ## Install a stripped countypanel into $(PREFIX)/bin (a release build of its own: about 30 minutes on 2 cores)
	cargo install --locked --path crates/countypanel --profile dist --root $(PREFIX)
	@echo "installed $(PREFIX)/bin/countypanel; put $(PREFIX)/bin on PATH to run it from any folder"

fmt: ## Format the code
	$(CARGO) fmt --all

lint: ## Clippy with warnings as errors
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

SYNTH := $(CARGO_TARGET_DIR)/$(BIN_DIR)/countypanel-synth

$(SYNTH): $(SOURCES)
	$(CARGO) build --locked --profile $(PROFILE) -p countypanel-synth
	@touch $@

bench: $(BIN) $(SYNTH) $(VENV)/installed ## Run the benchmarks; print their figures and append them to BENCHMARKS.md
	@{ echo; echo "## $$(date -u '+%Y-%m-%d %H:%M UTC')"; echo; \
	  echo "Machine: $$(nproc) cores, $$(free -g | awk '/Mem:/ {print $$2}') GiB, $$(uname -sm); $$(rustc --version)."; \
	  echo; echo 'Region lookups: `cargo bench -p countypanel-regions --bench lookup` (release profile, one thread).'; echo; \
	  $(CARGO) bench -q --locked -p countypanel-regions --bench lookup; \
	  echo; echo "Clean stage on synthetic facts: \`COUNTYPANEL_BENCH_ROWS=$(BENCH_ROWS) cargo bench -p countypanel-clean --bench clean\` (release profile, polars on all cores)."; echo; \
	  COUNTYPANEL_BENCH_ROWS=$(BENCH_ROWS) $(CARGO) bench -q --locked -p countypanel-clean --bench clean; \
	  echo; echo 'Extraction, text to facts: `cargo bench -p countypanel-extract --bench extract` (release profile, one thread).'; echo; \
	  $(CARGO) bench -q --locked -p countypanel-extract --bench extract; \
	  echo; echo "Ingest + extract on a synthetic corpus beside ripgrep: \`tests/bench/corpus_bench.sh $(BIN) $(BENCH_CORPUS_MB)\`."; echo; \
	  tests/bench/corpus_bench.sh $(BIN) $(BENCH_CORPUS_MB); \
	  echo; echo "Ingest + extract on real report text beside ripgrep: \`tests/bench/realtext_bench.sh $(BIN) 100\`."; echo; \
	  tests/bench/realtext_bench.sh $(BIN) 100; \
	  echo; echo "Clean + aggregate beside DuckDB: \`tests/bench/table_bench.sh $(BIN) $(BENCH_TABLE_ROWS)\`."; echo; \
	  tests/bench/table_bench.sh $(BIN) $(BENCH_TABLE_ROWS) $(PYTHON); \
	  echo; echo "End to end: \`tests/bench/e2e_bench.sh $(BIN) $(BENCH_E2E_MB)\`."; echo; \
	  tests/bench/e2e_bench.sh $(BIN) $(BENCH_E2E_MB); \
	  echo; tests/bench/second_make.sh $(PROFILE); } | tee -a BENCHMARKS.md

reset: ## Remove the generated layers (staged, clean, qa, summary); raw data is never touched
	rm -rf $(STAGED) $(CLEAN) $(QA) $(SUMMARY)

help: ## List the targets
	@grep -E '^[a-z][a-zA-Z_-]*:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

FORCE:
