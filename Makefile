# make site    - install everything (.venv, pinned packages) and build site/
#                (KEEP_GOING=1: build the good reports, list the bad ones at the end)
# make preview - serve the built site/ as GitHub Pages will (every variant, PDFs, search, the
#                repository's subpath) and print its address (PORT=8080, HOST=127.0.0.1 by default)
# make serve   - live preview of the zh-Hans site while editing (VARIANT=zh-Hant, zh-HK or en for the others)
# make check   - the publication's checks on whatever seeds/ holds (builds the site first)
# make test    - the tool's own tests (test packages installed first)
# make lint    - ruff, and actionlint's checks of the workflows (jactionlint --profile correctness)
# make bench   - benchmarks into bench/results.json and bench/results.md (N="1 10" limits the sizes)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
VARIANT ?= zh-Hans
# The largest site `make site` accepts (GitHub Pages refuses a published site over 1 GB)
SITE_BUDGET ?= 1GB
AXE := node_modules/axe-core/axe.min.js
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve preview check lint convert clean system-deps lighthouse bench

# The sitemap's date: SOURCE_DATE_EPOCH if set, else the newest report's date (written by convert).
DATE_EPOCH = SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(cat build/source-date-epoch)}

# KEEP_GOING=1: each step builds the good reports; the bad ones are listed again at the end (exit status 1).
KEEP_GOING ?=
BAD_REPORTS := build/bad-reports.txt
GOING := $(if $(filter-out 0,$(KEEP_GOING)),--keep-going)
MKDOCS_BUILD = $(DATE_EPOCH) KEEP_GOING=$(if $(GOING),1,) $(BIN)/mkdocs build --strict --quiet

# The PDFs missing from build/pdf/ are rendered while MkDocs builds the sites (MkDocs keeps one
# core busy, the PDF workers the others); `pdf` then puts them into site/, which MkDocs empties.
# An interrupted or failed MkDocs build stops the renderer too.
site: $(VENV)/.site-installed
	@rm -f $(BAD_REPORTS)
	$(BIN)/python -m build_tools convert$(if $(GOING), --keep-going --failed-list $(BAD_REPORTS) || test -s $(BAD_REPORTS))
	$(BIN)/python -m build_tools pdf --render-only $(GOING) & renderer=$$!; \
	trap 'kill $$renderer 2>/dev/null' INT TERM; \
	{ $(MKDOCS_BUILD) -f mkdocs.yml && $(MKDOCS_BUILD) -f mkdocs.zh-Hant.yml \
	  && $(MKDOCS_BUILD) -f mkdocs.zh-HK.yml && $(MKDOCS_BUILD) -f mkdocs.en.yml; } \
	  || { kill $$renderer 2>/dev/null; wait $$renderer; exit 1; }; \
	wait $$renderer
	$(BIN)/python -m build_tools pdf $(GOING)
	SITE_BUDGET=$(SITE_BUDGET) $(BIN)/python -m build_tools size
	@echo "site/ built: zh-Hans at site/, zh-Hant at site/zh-Hant/, zh-HK at site/zh-HK/, English at site/en/ (with PDFs)"
	@echo "look at it as it will be published: make preview"
	@if test -s $(BAD_REPORTS); then cat $(BAD_REPORTS) >&2; \
	  echo "these reports were left out (KEEP_GOING): fix them and run make site again" >&2; exit 1; fi

PORT ?= 8080
HOST ?= 127.0.0.1
preview: $(VENV)/.site-installed
	$(BIN)/python -m build_tools preview --port $(PORT) --host $(HOST)

# The publication's checks (build_tools/checks/): strict builds, fidelity, links, hreflang and
# sitemaps, axe on a sample of pages, open review items and converter warnings.
check: $(VENV)/.test-installed $(AXE) site
	$(BIN)/python -m build_tools check

test: $(VENV)/.test-installed $(AXE)
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check build_tools tests bench
	$(BIN)/ruff format --check build_tools tests bench
	$(BIN)/jactionlint --profile correctness --no-hints .github/workflows/*.yml

# Under `mkdocs serve` a bad report does not stop the preview: the page shows what is wrong.
serve: $(VENV)/.site-installed
	@mkdir -p docs/$(VARIANT)
	$(BIN)/mkdocs serve -f $(if $(filter zh-Hans,$(VARIANT)),mkdocs.yml,mkdocs.$(VARIANT).yml)

N ?= 1 10 100 1000
bench: $(VENV)/.site-installed
	$(BIN)/python -m bench.run $(N)

convert: $(VENV)/.site-installed
	$(BIN)/python -m build_tools convert

# System packages: installed with apt-get when running as root, otherwise named.
system-deps:
	@PY="$(PY)" sh build_tools/system_deps.sh

$(VENV)/.site-installed: requirements.txt pyproject.toml | system-deps
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Tests also need chromium, CJK fonts and npm (system_deps.sh test), and axe-core (package-lock.json).
$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	@PY="$(PY)" sh build_tools/system_deps.sh test
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

$(AXE): package.json package-lock.json | $(VENV)/.test-installed
	npm ci --no-audit --no-fund --silent
	touch $@

# Lighthouse (mobile) scores for the README; not part of `make test`. 12.x: 13 needs Node 22.
LIGHTHOUSE := build/lighthouse/node_modules/.bin/lighthouse
lighthouse: $(VENV)/.test-installed $(LIGHTHOUSE)
	cd tests && ../$(BIN)/python lighthouse.py ../$(LIGHTHOUSE)

$(LIGHTHOUSE):
	mkdir -p build/lighthouse
	echo '{"private": true, "devDependencies": {"lighthouse": "12.8.2"}}' > build/lighthouse/package.json
	npm install --prefix build/lighthouse --no-audit --no-fund --silent

clean:
	rm -rf site docs/zh-Hans docs/zh-Hant docs/zh-HK docs/en docs/.generated.json build/cache
