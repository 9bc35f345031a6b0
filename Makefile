# Familieportalen: `make run` serves the portal, `make test` checks everything.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 5000
TEST_DATABASE_URL ?= postgresql://postgres@127.0.0.1:5432/test
PYTEST_WORKERS ?= 2
export FLASK_APP := portal

.PHONY: run serve test install assets translations migrate lint format chromium clean bench wrk audit

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed

assets: install
	$(PY) -m portal.assets > /dev/null

translations: install
	$(VENV)/bin/pybabel compile --statistics -d translations

# Migrate, and load the demo families into an empty database (seed-demo does nothing twice).
migrate: install
	$(VENV)/bin/flask db upgrade
	$(VENV)/bin/flask seed-demo

# The bundled development identity provider runs as its own process next to the portal.
DEV_IDP_PORT ?= 9400
export DEV_IDP_URL ?= http://127.0.0.1:$(DEV_IDP_PORT)

# Unless SMTP_HOST is set, the development mail catcher takes the portal's e-mails: read them
# at http://127.0.0.1:$(MAIL_HTTP_PORT). Links in notifications point at this portal.
MAIL_SMTP_PORT ?= 1025
MAIL_HTTP_PORT ?= 1080
export PUBLIC_URL ?= http://127.0.0.1:$(PORT)

# Beside the portal: the development identity provider, a mail catcher unless SMTP_HOST is set,
# and one outbox worker that sends the notifications (`flask outbox work`; README, Notifications).
# Each is stopped when the portal stops.
WITH_SIDE_SERVICES = $(PY) -m portal.devidp --port $(DEV_IDP_PORT) & idp=$$!; \
	  if [ -z "$$SMTP_HOST" ]; then \
	    $(PY) -m portal.notify.mailcatcher --smtp-port $(MAIL_SMTP_PORT) --http-port $(MAIL_HTTP_PORT) & mail=$$!; \
	    export SMTP_HOST=127.0.0.1 SMTP_PORT=$(MAIL_SMTP_PORT); \
	  fi; \
	  $(VENV)/bin/flask outbox work & outbox=$$!; \
	  trap 'kill $$idp $$mail $$outbox 2>/dev/null' EXIT INT TERM;

run: assets translations migrate
	$(WITH_SIDE_SERVICES) \
	  $(VENV)/bin/flask run --host 127.0.0.1 --port $(PORT)

# Like `make run`, but served by gunicorn with the production configuration (gunicorn.conf.py).
serve: assets translations migrate
	$(WITH_SIDE_SERVICES) \
	  BIND=$${BIND:-127.0.0.1:$(PORT)} $(VENV)/bin/gunicorn -c gunicorn.conf.py 'portal:create_app()'

# Debian's Chromium for the browser tests (the Playwright download cannot be used here).
chromium:
	@command -v chromium >/dev/null || [ -n "$$CHROMIUM_PATH" ] || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Everything on PostgreSQL, as production runs; on SQLite everything but the browser journeys,
# which walk what a person sees and would only repeat themselves over the other database.
test: assets translations chromium lint
	TEST_DATABASE=sqlite $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -q --ignore=tests/browser
	TEST_DATABASE=$(TEST_DATABASE_URL) $(VENV)/bin/pytest -n $(PYTEST_WORKERS) -q

# Debian's wrk, the load tool of the page benchmark.
wrk:
	@command -v wrk >/dev/null || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)

# Page benchmark: the pages under gunicorn, measured with wrk against /healthz at 1,000 and
# 10,000 families (BENCH_FAMILIES, BENCH_DURATION; see bench/pages.py), written to
# bench/results.json; ingest benchmark: batches of 1,000 case events through the HTTP API into
# PostgreSQL; outbox benchmark: notifications delivered per second into a loopback SMTP server.
bench: assets translations wrk
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(PY) bench/pages.py
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(PY) bench/ingest.py
	TEST_DATABASE_URL=$(TEST_DATABASE_URL) $(PY) bench/outbox.py

# Known vulnerabilities in the installed Python packages and the npm packages the pages use.
# --strict: a package the advisory service cannot look up fails the audit instead of passing.
audit: install
	@status=0; \
	$(VENV)/bin/pip-audit --strict --skip-editable --progress-spinner off || status=1; \
	npm audit --omit=dev || status=1; \
	exit $$status

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules static/dist instance .pytest_cache
