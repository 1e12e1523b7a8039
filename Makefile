# Iedereen doet mee! — `make run` to try it, `make test` to trust it.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTEST := $(VENV)/bin/pytest
PGURL = $(shell scripts/postgres.sh url)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run install test test-db test-db-postgres test-sqlite test-postgres test-e2e lint format check messages bench bench-http clean fuzz

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_demo_data
	$(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	$(VENV)/bin/lint-imports

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

check: install
	DJANGO_SETTINGS_MODULE=network.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=network.settings.test $(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=network.settings.production SECRET_KEY=check-deploy-$$(date +%s)-a-long-random-looking-value-for-the-check \
		ALLOWED_HOSTS=iedereendoetmee.example.org $(PY) manage.py check --deploy --fail-level WARNING

test-sqlite: install
	$(PYTEST) -n 2 -m "not e2e" -q

test-postgres: install
	scripts/postgres.sh start
	DATABASE_URL=$(PGURL) $(PYTEST) -n 2 -m "engine and not e2e" -q

test-e2e: install node_modules/.installed
	scripts/chromium.sh
	$(PYTEST) tests/e2e -m e2e -q -n 2 --dist loadfile

# The lint, the checks, the browser tools and the migrated test databases (tests/dbtemplate.py)
# are prepared side by side; then the suites run one after another, each on both cores.
test: install
	$(MAKE) --no-print-directory -j2 --output-sync=target lint check test-db test-db-postgres \
		node_modules/.installed
	$(MAKE) --no-print-directory test-sqlite test-postgres test-e2e

test-db: install
	$(PY) -m tests.dbtemplate

test-db-postgres: install
	scripts/postgres.sh start
	DATABASE_URL=$(PGURL) $(PY) -m tests.dbtemplate

# The bad-input run with many more examples than `make test` (tests/network/test_fuzz.py).
fuzz: install
	HYPOTHESIS_PROFILE=fuzz FUZZ_CRAWL_LIMIT=400 $(PYTEST) tests/network/test_fuzz.py -p no:xdist -q
	scripts/postgres.sh start
	HYPOTHESIS_PROFILE=fuzz FUZZ_CRAWL_LIMIT=400 DATABASE_URL=$(PGURL) $(PYTEST) tests/network/test_fuzz.py -p no:xdist -q

messages: install
	scripts/messages.sh

bench: install
	scripts/postgres.sh start
	DATABASE_URL=$(PGURL) $(PY) -m bench
	DATABASE_URL=$(PGURL) $(PY) -m bench.http_load

# Only the HTTP bench: gunicorn (2 workers) against a bare Django view, driven by wrk.
bench-http: install
	scripts/postgres.sh start
	DATABASE_URL=$(PGURL) $(PY) -m bench.http_load

clean:
	rm -rf $(VENV) node_modules var .e2e
	scripts/postgres.sh stop
