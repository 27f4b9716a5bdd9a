# make site   - install everything (.venv, pinned packages) and build site/
# make test   - the same plus test packages, then run the tests
# make serve  - live preview of the zh-Hans site (VARIANT=zh-Hant or zh-HK for the others)
# make lint   - ruff
# make bench  - benchmarks into bench/results.json and bench/results.md (N="1 10" limits the sizes)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
VARIANT ?= zh-Hans
# The largest site `make site` accepts (GitHub Pages refuses a published site over 1 GB)
SITE_BUDGET ?= 1GB
AXE := node_modules/axe-core/axe.min.js
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve lint convert clean system-deps lighthouse bench

# The sitemap's date: SOURCE_DATE_EPOCH if set, else the newest report's date (written by convert).
DATE_EPOCH = SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(cat build/source-date-epoch)}

site: $(VENV)/.site-installed
	$(BIN)/python -m build_tools convert
	$(DATE_EPOCH) $(BIN)/mkdocs build --strict --quiet -f mkdocs.yml
	$(DATE_EPOCH) $(BIN)/mkdocs build --strict --quiet -f mkdocs.zh-Hant.yml
	$(DATE_EPOCH) $(BIN)/mkdocs build --strict --quiet -f mkdocs.zh-HK.yml
	$(BIN)/python -m build_tools pdf
	@echo "site/ built: zh-Hans at site/, zh-Hant at site/zh-Hant/, zh-HK at site/zh-HK/ (with a PDF per report)"
	SITE_BUDGET=$(SITE_BUDGET) $(BIN)/python -m build_tools size

test: $(VENV)/.test-installed $(AXE)
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check build_tools tests bench
	$(BIN)/ruff format --check build_tools tests bench

serve: $(VENV)/.site-installed
	$(BIN)/python -m build_tools convert
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
	rm -rf site docs/zh-Hans docs/zh-Hant docs/zh-HK docs/.generated.json build/cache
