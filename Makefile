# One entry point for every task. Each target creates or updates .venv from the
# pinned requirements.txt first, so a fresh clone needs only Python 3.11+ and make.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-requirements
NODE_STAMP := node_modules/.installed-lock
HOST ?= 127.0.0.1
PORT ?= 8000

# Silence Material's MkDocs 2.0 end-of-life banner (see README: why the stack is pinned).
export NO_MKDOCS_2_WARNING := 1
# mkdocs-redirects prints its own MkDocs 2.0 banner unless this is set.
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

# `make help` lists the `.PHONY: target # description` lines below, in this order, so the
# list cannot drift from the targets. Add one such line with each new target.
.DEFAULT_GOAL := help

.PHONY: help # list these targets
help:
	@awk '/^\.PHONY: [^ ]+ +# / { name = $$2; sub(/^[^#]*# /, ""); printf "make %-12s %s\n", name, $$0 }' $(MAKEFILE_LIST)

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $(STAMP)

# The Nu HTML Checker for the tests (npm vnu-jar; runs on Java).
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	@touch $(NODE_STAMP)

.PHONY: serve # build and serve the site at http://127.0.0.1:8000 (reloads on change; HOST, PORT)
serve: $(STAMP)
	SITE_URL=http://$(HOST):$(PORT)/ $(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

.PHONY: build # strict build into site/, replaced only when the build passes
# scripts/build.py builds into a temporary folder and swaps it in only on success, so a
# failed build leaves site/ as it was. SITE_URL is unset: the build uses the published address.
build: $(STAMP)
	env -u SITE_URL $(PY) scripts/build.py --site-dir site

.PHONY: check # check data/ without building
check: $(STAMP)
	$(PY) -m macros.check data

# The tests run on TEST_WORKERS processes (pytest-xdist). The real site is built once for all
# of them (tests/conftest.py); tests that share a costly setup stay on one worker (--dist
# loadgroup, groups made in tests/browser/conftest.py). pytest exits 5 when no test ran and
# make fails on any non-zero exit, so .ci/run fails then too.
TEST_WORKERS ?= 2
XDIST := -n $(TEST_WORKERS) --dist loadgroup

.PHONY: test # run every test (data checks, build, browser: needs Chromium), on two workers
test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest $(XDIST)

.PHONY: test-fast # the fast tier while you work: unit and data tests, no build (seconds)
test-fast: $(STAMP)
	$(PY) -m pytest -q -m "unit or data"

.PHONY: test-site # tests that build a site and read its HTML (no browser)
test-site: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest -q -m site $(XDIST)

.PHONY: test-browser # tests that drive Chromium against the built site
test-browser: $(STAMP)
	$(PY) -m pytest -q -m browser $(XDIST)

.PHONY: lint # ruff check and ruff format --check (settings in pyproject.toml)
# Runs both and fails if either fails, so one run shows every finding.
lint: $(STAMP)
	$(PY) -m ruff check .; status=$$?; $(PY) -m ruff format --check . && exit $$status

.PHONY: lock # regenerate requirements.txt from requirements.in with pip-compile
# Existing pins are kept unless requirements.in forces a change. --allow-unsafe pins pip and
# setuptools too; the index and find-links of this machine stay out of the file.
lock: $(STAMP)
	CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in

.PHONY: schemas # regenerate data/schemas/*.schema.json from the models
schemas: $(STAMP)
	$(PY) -m macros.schemas data/schemas

.PHONY: urls # rewrite urls.txt, the list of published addresses (add new pages)
urls: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/urls.py site > urls.txt

.PHONY: critical # rewrite hooks/critical.txt, the style rules each page carries for its first screen (needs Chromium)
# Run after a change to handbook.css or a Material upgrade when tests/browser/test_critical_css.py
# says the first screen differs before and after the rest of the style arrives.
critical: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/critical_css.py site

.PHONY: readability # print the reading grade of every client page (limit: grade 8)
readability: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/readability.py site clients/

.PHONY: readability-es # print INFLESZ and Fernández-Huerta of every Spanish client page (floor: INFLESZ 65)
readability-es: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/readability.py site es/clients/

.PHONY: measure # print build time and page weight (figures, not a test)
measure: $(STAMP)
	$(PY) scripts/measure.py

.PHONY: bench # build ratio, page weight, search downloads, scale, Lighthouse beside stock Material
# Lighthouse runs BENCH_RUNS times per page type and site (default 5; BENCH_RUNS=3 is quicker) and
# prints medians beside stock Material built from the same pages in the same run, with ratios.
# BENCH_ARGS passes options through, e.g. BENCH_ARGS="--skip ratio --skip scale".
BENCH_RUNS ?= 5
bench: $(STAMP) $(NODE_STAMP)
	BENCH_RUNS=$(BENCH_RUNS) $(PY) scripts/bench.py $(BENCH_ARGS)

.PHONY: bench-search # every query of tests/search_queries.yaml through Material, tuned Material and Pagefind
bench-search: $(STAMP)
	$(PY) scripts/search_bench.py

.PHONY: portability # build with ProperDocs and Zensical and report what differs
portability: $(STAMP)
	$(PY) scripts/portability.py

.PHONY: clean # remove site/, test results and any folder a killed build left behind
clean:
	rm -rf site .site-build-* .pytest_cache test-results
