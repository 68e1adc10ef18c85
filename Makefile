# The two commands of the README. Each creates .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test test-fast lint typecheck unit browser clean

# Browser tests drive Debian's Chromium (no browser download at run time).
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The web extra too: `storybrief serve`, in the README's first steps, works right after it.
# The Makefile is a prerequisite so that a .venv made before that change gets the extra.
$(STAMP_RUN): pyproject.toml Makefile | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[web]"
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(BIN)/storybrief brief examples/harbor-strike --format text -o brief.html

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks docs
	$(BIN)/ruff format --check src tests benchmarks docs

typecheck: $(STAMP_TEST)
	$(BIN)/mypy

browser:
	@command -v chromium >/dev/null || [ -x $(CHROMIUM) ] || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; }

unit: $(STAMP_TEST) browser
	STORYBRIEF_REQUIRE_BROWSER=1 $(BIN)/pytest -q

test: lint typecheck unit

# The fast suite: no quality gate, no English model (seconds, not minutes).
test-fast: $(STAMP_TEST)
	$(BIN)/pytest -q -m "not slow and not model"

clean:
	rm -rf $(VENV) brief.html .pytest_cache .mypy_cache .ruff_cache
