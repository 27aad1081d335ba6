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

.PHONY: serve build check test schemas pages urls readability measure bench portability clean help

help:
	@echo "make serve   build and serve the site at http://$(HOST):$(PORT) (reloads on change)"
	@echo "make test    run every test (data checks, build, browser: needs Chromium)"
	@echo "make build   strict build into site/"
	@echo "make check   check data/ without building"
	@echo "make schemas regenerate data/schemas/*.schema.json from the models"
	@echo "make pages   write page stubs for new topics, codes, trees, professions, one-pagers"
	@echo "make urls    rewrite urls.txt, the list of published addresses (add new pages)"
	@echo "make readability  print the reading grade of every client page (limit: grade 8)"
	@echo "make measure print build time and page weight (figures, not a test)"
	@echo "make bench   build ratio, page weight, scale and Lighthouse figures against the goals"
	@echo "make portability  build with ProperDocs and Zensical and report what differs"

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

serve: $(STAMP)
	SITE_URL=http://$(HOST):$(PORT)/ $(PY) -m mkdocs serve --strict --dev-addr $(HOST):$(PORT)

build: $(STAMP)
	env -u SITE_URL $(PY) -m mkdocs build --strict --clean --site-dir site

check: $(STAMP)
	$(PY) -m macros.check data

test: $(STAMP) $(NODE_STAMP)
	$(PY) -m pytest

schemas: $(STAMP)
	$(PY) -m macros.schemas data/schemas

pages: $(STAMP)
	$(PY) -m macros.pages .

urls: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/urls.py site > urls.txt

readability: $(STAMP)
	$(PY) -m mkdocs build --strict --quiet --site-dir site
	$(PY) scripts/readability.py site clients/

measure: $(STAMP)
	$(PY) scripts/measure.py

bench: $(STAMP) $(NODE_STAMP)
	$(PY) scripts/bench.py

portability: $(STAMP)
	$(PY) scripts/portability.py

clean:
	rm -rf site .pytest_cache test-results
