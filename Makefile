# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed

.PHONY: run test bench bench-small lint lint-gate system-deps system-deps-test clean translations

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,dev]'
	touch $(INSTALLED)

system-deps:
	@bash scripts/system-deps.sh run

system-deps-test:
	@bash scripts/system-deps.sh test

run: system-deps $(INSTALLED)
	@# Up-to-date bytecode: the window starts faster, even where PYTHONDONTWRITEBYTECODE is set.
	@$(PY) -m compileall -q beautifulletters ui > /dev/null
	@# The menu entry and icon for the current user (~/.local/share), pointing at this checkout's command.
	@$(VENV)/bin/beautifulletters install-desktop --quiet || true
	$(VENV)/bin/beautifulletters

# The lint gates the tests: a change that ruff rejects does not pass `make test` (nor CI).
test: system-deps-test $(INSTALLED) lint-gate
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: system-deps-test $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks

bench-small: system-deps-test $(INSTALLED)
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks --scale small

# make test (and so CI) runs these first: a lint or type error fails the build.
lint-gate: $(INSTALLED)
	$(VENV)/bin/ruff check beautifulletters ui tests benchmarks
	$(VENV)/bin/ruff format --check beautifulletters ui tests benchmarks
	$(VENV)/bin/mypy beautifulletters ui

lint: lint-gate

# The strings in the code into every language's .po (new ones to translate, gone ones dropped),
# and each .mo compiled from its .po (docs/translating.md).
translations: $(INSTALLED)
	$(PY) scripts/translations.py

clean:
	rm -rf $(VENV) dist build test-output
