# Two entry points do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

SYSTEM_STAMP := $(VENV)/.system-deps

.PHONY: install install-test run test test-fast bench audit clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# What the end-to-end tests need beyond Python: Chromium, ChromeDriver and Virtuoso (Debian packages).
$(SYSTEM_STAMP): scripts/install-system-deps | $(STAMP)
	scripts/install-system-deps
	touch $(SYSTEM_STAMP)

install-test: install $(SYSTEM_STAMP)

# Build the graph of data/documents, validate it, print what was built and answer a few canned queries.
run: install
	$(BIN)/tipkg build
	$(BIN)/tipkg stats
	$(BIN)/tipkg query icat-chairs

# The whole suite, including the tests over the full corpus.
test: install-test
	$(BIN)/pytest -q

# The suite without the whole-corpus tests, for quick iterations.
test-fast: install-test
	$(BIN)/pytest -q -m "not slow"

# The benchmarks: builds, canned queries, the endpoint, export and publish on corpora of the seeds + 10, 100 and
# all 1,155 documents, with their baselines, then the builds and canned queries on both corpora together (4,200
# files); writes benchmarks/RESULTS.md and results.json (about 45 minutes on two cores). BENCH_ARGS passes options,
# e.g. make bench BENCH_ARGS="--sizes seeds,10 --quick".
bench: install
	$(BIN)/python benchmarks/run.py $(BENCH_ARGS)

# The truth audit: build the General Assembly corpus (cached between runs), draw AUDIT_ROWS rows of every listing
# with their paragraphs into a sheet under benchmarks/audit/ to judge by reading; `tipkg audit --score SHEET`
# then gives precision per listing (benchmarks/AUDIT.md).
AUDIT_CORPUS ?= ../shared/corpus/unga
AUDIT_STORE ?= build/audit-store
AUDIT_SEED ?= 20261207
AUDIT_ROWS ?= 25
audit: install
	$(BIN)/tipkg build --documents $(AUDIT_CORPUS) --store $(AUDIT_STORE)
	$(BIN)/tipkg audit --store $(AUDIT_STORE) --seed $(AUDIT_SEED) --rows $(AUDIT_ROWS) \
		--out benchmarks/audit/sheet-seed$(AUDIT_SEED).md

clean:
	rm -rf build $(VENV)
