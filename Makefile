# Everything a person runs. `make demo` and `make test` work on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# pyenv reads .python-version (3.13); without pyenv, use python3.13 from PATH.
PYTHON ?= $(shell (command -v pyenv >/dev/null 2>&1 && pyenv which python 2>/dev/null) || command -v python3.13 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HUBRO := $(BIN)/hubro
PG_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hubro
DEMO_ADDR ?= 127.0.0.1:8000

.PHONY: help install demo serve test test-sqlite test-postgres lint format messages browser ops-tools wheel oidc-dev clean bench bench-data

help:
	@echo "make demo    install everything, load the demo and serve it on http://$(DEMO_ADDR)"
	@echo "make test    install what the tests need and run the whole suite (SQLite and PostgreSQL side by side)"
	@echo "make lint    ruff format --check and ruff check"
	@echo "make format  format the code with ruff"
	@echo "make messages  extract translatable strings into the nb/nn/en catalogues"
	@echo "make oidc-dev  a local OpenID Connect provider (like Ansattporten or Entra ID) to sign in to the demo with"

	@echo "make wheel   build the installable wheel into dist/ (docs/production.md)"
	@echo "make bench   booking, availability, indicator and register import benchmarks (docs/performance.md)"
	@echo "make bench-data  national-size synthetic register files for the import benchmark"

$(BIN)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 13), "Hubro needs Python 3.13 (found %s)" % sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,prod]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Translations are compiled from the .po catalogues; msgfmt comes from GNU gettext.
hubro/locale/%/LC_MESSAGES/django.mo: hubro/locale/%/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq gettext >/dev/null; } || { echo "Install GNU gettext (msgfmt) to compile translations"; exit 1; }
	msgfmt --check -o $@ $<

# Nynorsk for django-allauth's messages lives in a catalogue of its own
# (scripts/allauth_nn.py), out of reach of `make messages`.
hubro/accounts/locale_thirdparty/%/LC_MESSAGES/django.mo: hubro/accounts/locale_thirdparty/%/LC_MESSAGES/django.po
	@command -v msgfmt >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq gettext >/dev/null; } || { echo "Install GNU gettext (msgfmt) to compile translations"; exit 1; }
	msgfmt --check -o $@ $<

MO_FILES := $(patsubst %.po,%.mo,$(wildcard hubro/locale/*/LC_MESSAGES/django.po hubro/accounts/locale_thirdparty/*/LC_MESSAGES/django.po))

install: $(BIN)/.installed node_modules/.installed $(MO_FILES)

# Debian's Chromium for the browser tests; Playwright cannot download its own here.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Browser tests need /usr/bin/chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

# Hubro refuses to start without a secret key (DEBUG off): the demo makes its own once,
# kept in var/ and never committed.
SECRET_KEY_FILE := var/secret_key
demo serve bench messages: export HUBRO_SECRET_KEY_FILE ?= $(abspath $(SECRET_KEY_FILE))

$(SECRET_KEY_FILE):
	@mkdir -p var && umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

# What the production tests need from Debian (docs/production.md): PgBouncer (the
# scale-out test), systemd-analyze (the units), msgfmt (the wheel), pg_dump/pg_restore
# (backups). Installed as root, like the browser; elsewhere the missing ones are named.
ops-tools:
	@missing=""; \
	command -v pgbouncer >/dev/null || [ -x /usr/sbin/pgbouncer ] || missing="$$missing pgbouncer"; \
	command -v systemd-analyze >/dev/null || missing="$$missing systemd"; \
	command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	command -v pg_dump >/dev/null || missing="$$missing postgresql-client"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing for the production tests:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else echo "The production tests need:$$missing (sudo apt-get install$$missing)"; exit 1; fi; \
	fi

# The wheel an operator installs (docs/production.md): front-end assets and compiled
# translations included.
wheel: install
	$(BIN)/python -m build --wheel --no-isolation --outdir dist .

demo: install $(SECRET_KEY_FILE)
	$(HUBRO) migrate --no-input
	$(HUBRO) collectstatic --no-input -v0
	$(HUBRO) loaddemo
	@echo
	@echo "Hubro demo: http://$(DEMO_ADDR)/   (stop with Ctrl-C)"
	@# The demo's hosts and administrators sign in without a second factor.
	HUBRO_MFA_REQUIRED=$${HUBRO_MFA_REQUIRED:-none} $(HUBRO) runserver --noreload $(DEMO_ADDR)

serve: install $(SECRET_KEY_FILE)
	$(HUBRO) migrate --no-input
	$(HUBRO) collectstatic --no-input -v0
	$(HUBRO) runserver --noreload $(DEMO_ADDR)

lint: $(BIN)/.installed
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

format: $(BIN)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: $(BIN)/.installed $(SECRET_KEY_FILE)
	cd hubro && ../$(HUBRO) makemessages --no-obsolete --no-location -l nb -l nn -l en -i 'node_modules/*'

# The two databases' runs go side by side (one core each), each printed when it ends.
test: install browser ops-tools lint
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: install
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL $(BIN)/pytest -q --durations=25

# Runs when a PostgreSQL server is reachable; HUBRO_REQUIRE_POSTGRES=1 (CI) makes it mandatory.
test-postgres: install
	@if $(BIN)/python -c "import psycopg, sys; psycopg.connect('$(PG_TEST_URL)'.rsplit('/', 1)[0] + '/postgres', connect_timeout=3).close()" 2>/dev/null; then \
	  echo "== test suite on PostgreSQL =="; \
	  DATABASE_URL=$(PG_TEST_URL) $(BIN)/pytest -q --durations=25; \
	elif [ "$${HUBRO_REQUIRE_POSTGRES:-0}" = 1 ]; then \
	  echo "PostgreSQL is required (HUBRO_REQUIRE_POSTGRES=1) but not reachable at $(PG_TEST_URL)"; exit 1; \
	else echo "== PostgreSQL not reachable at $(PG_TEST_URL): skipping the PostgreSQL run =="; fi

# Figures only, never pass/fail: docs/performance.md. BENCH_SCALE=0.1 for a quick run,
# BENCH_TENFOLD=0 to skip the ten-million-booking run; scratch data goes to bench/data/.
bench: $(BIN)/.installed $(SECRET_KEY_FILE)
	$(BIN)/python -m bench.run

# National-size synthetic Enhetsregisteret files for the registry benchmark
# (bench/data/registry/); BENCH_SCALE scales the record counts.
bench-data: $(BIN)/.installed
	$(BIN)/python -m bench.registry_data

# A local OpenID Connect provider for trying single sign-on (docs/development.md):
# OIDC_KIND=ansattporten (default) or entra, on OIDC_PORT (default 9000).
OIDC_KIND ?= ansattporten
OIDC_PORT ?= 9000
oidc-dev: node_modules/.installed
	$(BIN)/python -m testsupport.oidc_dev --kind $(OIDC_KIND) --port $(OIDC_PORT) --hubro http://$(DEMO_ADDR)

clean:
	rm -rf $(VENV) node_modules var/static *.egg-info
