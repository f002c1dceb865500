# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# The site's public address: every link in emails, letters and the sitemap starts with it.
WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
# Test processes: each starts its own PostgreSQL, SMTP server and Chromium once.
PYTEST_WORKERS ?= 2
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
NODE_STAMP := node_modules/.installed

.PHONY: run test lint install install-dev lighthouse clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# Reinstall only when the requirements change.
$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP) $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP)
install-dev: $(DEV_STAMP) $(NODE_STAMP)

run: install
	@mkdir -p var
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(BIN)/python manage.py migrate --no-input
	WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) $(BIN)/python manage.py load_demo_content
	@PORT=$(PORT) BIN=$(BIN) WAGTAILADMIN_BASE_URL=$(WAGTAILADMIN_BASE_URL) bash scripts/run-site.sh

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev lint
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run
	@start=$$(date +%s); \
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); status=$$?; \
	echo "Test suite took $$(( $$(date +%s) - start )) seconds."; exit $$status

clean:
	rm -rf $(VENV) node_modules var static

# Lighthouse scores of every page, against a running site (`make run` in another terminal).
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json
	cd bench/lighthouse && npm install --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: install bench/lighthouse/node_modules/.installed
	$(BIN)/python bench/lighthouse.py --base http://127.0.0.1:$(PORT)
