# Two commands do all set-up on a fresh machine (Debian, Python 3.11+):
#   make serve   builds and serves the site on http://127.0.0.1:8000 (reloads on edits)
#   make test    installs what the tests need (Debian's chromium, poppler and LibreOffice included) and runs every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
HOST   ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check newsletters clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	scripts/ensure-system-packages
	$(BIN)/mkdocs serve --livereload -a $(HOST)

build: $(STAMP)
	scripts/ensure-system-packages
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python -m onlinesafety check

test: $(STAMP)
	scripts/ensure-system-packages --test
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

clean:
	rm -rf $(VENV) site .pytest_cache .hypothesis test-results
