# turnout: two commands do everything.
#   make report   set up .venv, then `turnout build`: clean the bundled data, execute the notebooks,
#                 write site/ and figures/
#   make test     set up .venv with the dev tools, then ruff and every test (browser included)
#   make check    the fast loop while you work: unit tests and doctests (no browser, lab or slow ones)
#   make lab      set up .venv, register the "turnout" kernel in it, open JupyterLab on notebooks/

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
PIP := $(PY) -m pip --disable-pip-version-check --quiet

# JupyterLab options, e.g. make lab LAB_ARGS="--no-browser --ip=127.0.0.1 --port=8890"
LAB_ARGS ?=
KERNEL := $(VENV)/share/jupyter/kernels/turnout/kernel.json

.PHONY: help report test check bench lint chromium clean-outputs lab kernel fuzz screenshots

help: ## Show the targets and what each does
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "turnout needs Python 3.11 or newer"'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Every kernel and worker of a build imports turnout from src/: compiled once here (only what
# changed), not again in each process where PYTHONDONTWRITEBYTECODE is set, as in many images.
COMPILE := $(PY) -m compileall -q src

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install -e '.[dev]'
	@touch $@ $(VENV)/.installed

# The notebooks' kernelspec is "turnout": this kernel, inside the venv (--sys-prefix), so
# JupyterLab started from the venv finds it and it imports the venv's turnout.
$(KERNEL): $(VENV)/.installed
	$(PY) -m ipykernel install --sys-prefix --name turnout --display-name turnout

kernel: $(KERNEL) ## Register the "turnout" Jupyter kernel inside .venv (make lab does this)

# Jupyter refuses to run as root unless told: containers often are root.
lab: $(KERNEL) ## Set up .venv and the turnout kernel, then start JupyterLab on notebooks/ (LAB_ARGS="--no-browser ...")
	$(BIN)/jupyter lab --ServerApp.root_dir=. --LabApp.default_url=/lab/tree/notebooks \
		$$( [ "$$(id -u)" = 0 ] && echo --allow-root ) $(LAB_ARGS)

report: $(VENV)/.installed $(KERNEL) ## Set up .venv and the turnout kernel, then turnout build: clean the bundled data, execute the notebooks, write site/ and figures/
	$(COMPILE)
	$(BIN)/turnout build

# The tests drive Debian's headless build of Chromium (package chromium-headless-shell, the same
# Blink as its chromium without the desktop browser around it: about a tenth less CPU a page).
CHROMIUM := /usr/bin/chromium-headless-shell

chromium: ## Install Debian's headless Chromium for the browser tests if it is missing
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "installing Debian's chromium-headless-shell (browser tests need it)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends chromium-headless-shell fonts-dejavu-core fonts-liberation; \
	fi
	@$(CHROMIUM) --version

lint: $(VENV)/.installed-dev ## ruff (scope and rules in pyproject.toml: package, tests, benchmarks, scripts, notebooks, docs) and mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# Every test on every core (pytest-xdist): a worker that runs out of tests steals from the
# other's queue, so the slow ones (notebooks, sites, browser, lab) spread over the cores too.
test: $(VENV)/.installed-dev chromium lint ## Set up .venv with the dev extra, then ruff and every test, browser included
	$(COMPILE)
	$(BIN)/pytest -n auto --dist worksteal --durations=15

# Markers (pyproject.toml): browser (Chromium), lab (a JupyterLab server), slow (runs notebooks
# or builds a site). Everything else is the fast loop, under a minute on two cores
# (pytest-xdist runs it on every core).
check: $(VENV)/.installed-dev ## The fast loop: unit tests and doctests, no browser, lab or slow tests (make test runs all)
	$(BIN)/pytest -q -n auto --dist worksteal -m "not browser and not lab and not slow and not fuzz" -p no:cacheprovider --hypothesis-profile=check

screenshots: $(VENV)/.installed-dev chromium ## The browser and lab tests again, writing a screenshot of every page and embed under test-artifacts/ for an editor's eye
	TURNOUT_SCREENSHOTS=1 $(BIN)/pytest -q -n auto --dist worksteal -m "browser or lab" -p no:cacheprovider

fuzz: $(VENV)/.installed-dev ## Fuzz the parsers and cleaning with hypothesis: 10,000 examples per property, timed
	time $(BIN)/pytest -m fuzz -q -p no:cacheprovider --hypothesis-profile=fuzz --hypothesis-show-statistics tests/test_fuzz.py

BENCHMARKS := ccc_agreement clean_scaling import_cost build draft draft_batches draft_lobo draft_archive embeds map_scale

bench: $(VENV)/.installed-dev ## Run every benchmark (the CCC ones read ../shared/ccc); a failed one does not stop the rest
	@failed=""; for b in $(BENCHMARKS); do \
		echo "== benchmarks/$$b.py"; \
		$(PY) benchmarks/$$b.py || failed="$$failed $$b"; \
	done; \
	if [ -n "$$failed" ]; then echo "benchmarks that failed:$$failed" >&2; exit 1; fi

clean-outputs: ## Delete what code wrote: data/processed, figures, site, test-artifacts, build caches; raw data stays
	rm -rf site test-artifacts .turnout-cache build benchmarks/out .site.staging-* .figures.staging-*
	find data/processed figures -type f ! -name .gitkeep -delete
