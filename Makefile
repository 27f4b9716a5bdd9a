# make site   - install everything (.venv, pinned packages) and build site/
# make test   - the same plus test packages, then run the tests
# make serve  - live preview of the zh-Hans site (VARIANT=zh-Hant for the other)
# make lint   - ruff
# make bench  - benchmarks into bench/results.json and bench/results.md (N="1 10" limits the sizes)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
VARIANT ?= zh-Hans
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test serve lint convert clean system-deps bench

# The sitemap's date: SOURCE_DATE_EPOCH if set, else the newest report's date (written by convert).
DATE_EPOCH = SOURCE_DATE_EPOCH=$${SOURCE_DATE_EPOCH:-$$(cat build/source-date-epoch)}

site: $(VENV)/.site-installed
	$(BIN)/python -m build_tools convert
	$(DATE_EPOCH) $(BIN)/mkdocs build --strict --quiet -f mkdocs.yml
	$(DATE_EPOCH) $(BIN)/mkdocs build --strict --quiet -f mkdocs.zh-Hant.yml
	@echo "site/ built: zh-Hans at site/, zh-Hant at site/zh-Hant/"

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check build_tools tests bench
	$(BIN)/ruff format --check build_tools tests bench

serve: $(VENV)/.site-installed
	$(BIN)/python -m build_tools convert
	$(BIN)/mkdocs serve -f $(if $(filter zh-Hant,$(VARIANT)),mkdocs.zh-Hant.yml,mkdocs.yml)

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
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e . \
	  || $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.site-installed requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

clean:
	rm -rf site docs/zh-Hans docs/zh-Hant docs/.generated.json build/cache
