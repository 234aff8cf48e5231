# The README's two commands: `make run` and `make test`. Each does all of its own set-up.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
PG_VERSION := $(shell ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
APT_PACKAGES := postgresql redis-server chromium poppler-utils

# What the test suite runs against: PostgreSQL over the local socket and a local Redis.
TEST_DATABASE_URL ?= postgres:///intlinks
TEST_DATABASE_NAME := $(notdir $(TEST_DATABASE_URL))
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
TEST_ENV := DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
	SECRET_KEY=tests-only-secret-key-not-for-any-real-deployment-0123456789 \
	DEBUG=false SECURE_SSL_REDIRECT=false SECURE_COOKIES=false ALLOWED_HOSTS=localhost,127.0.0.1,testserver

.PHONY: run test setup lint bench load

$(VENV)/.installed: requirements.txt requirements-test.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet -r requirements-test.txt 2>&1 | grep -v "is ignored" || true
	$(VENV)/bin/pip check
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The council's stylesheet over GOV.UK Frontend, and GOV.UK Frontend's script, built from npm packages.
var/build/.built: node_modules/.installed package.json $(wildcard static/scss/*.scss)
	npm run --silent build
	touch $@

setup: $(VENV)/.installed var/build/.built

# Serve the embedded default (SQLite, filesystem broker) with a Celery worker and beat beside it.
run: setup
	@export DEBUG=true; \
	$(PY) manage.py check_services --start-up && \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py load_demo && \
	{ $(VENV)/bin/celery -A intlinks worker --beat --pool=solo --concurrency=1 --loglevel=INFO \
		--schedule=var/celery/beat-schedule & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	  echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops the site and the worker)"; \
	  $(PY) manage.py runserver --noreload 127.0.0.1:$(PORT); }

# Lint first (fails fast), install and start PostgreSQL and Redis when they are not there, then run the
# whole suite on them.
test: lint setup services
	$(TEST_ENV) $(PY) manage.py check_services --start-up
	$(TEST_ENV) $(VENV)/bin/pytest

.PHONY: services
services:
	@dpkg -s $(APT_PACKAGES) >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES) >/dev/null; }
	@v=$$(ls /usr/lib/postgresql | sort -n | tail -1); \
	  pg_lsclusters -h | grep -q . || pg_createcluster $$v main >/dev/null; \
	  pg_lsclusters -h | grep -q online || pg_ctlcluster $$v main start
	@su postgres -c "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='root'\"" | grep -q 1 || su postgres -c "createuser -s root"
	@psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$(TEST_DATABASE_NAME)'" | grep -q 1 || createdb $(TEST_DATABASE_NAME)
	@mkdir -p var/redis
	@redis-cli -u $(TEST_REDIS_URL) ping >/dev/null 2>&1 || redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no \
		--daemonize yes --pidfile $(CURDIR)/var/redis/redis.pid --logfile $(CURDIR)/var/redis/redis.log --dir $(CURDIR)/var/redis
	@for i in $$(seq 50); do redis-cli -u $(TEST_REDIS_URL) ping >/dev/null 2>&1 && break; sleep 0.1; done

# Time the pages at two data sizes, then on the large synthetic council, on PostgreSQL; the README's
# performance tables come from here.
bench: setup services
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(PY) manage.py benchmark --sizes 10 200
	$(TEST_ENV) $(PY) manage.py benchmark --profile small
	$(TEST_ENV) $(PY) manage.py benchmark --profile large
	$(TEST_ENV) $(PY) manage.py benchmark_report --profile small
	$(TEST_ENV) $(PY) manage.py benchmark_report --profile large
	$(TEST_ENV) $(PY) manage.py benchmark_import --rows 10000

# 25 signed-in users for 60 s against gunicorn (two workers) on the large synthetic council, in a
# throwaway database of its own; prints errors and p50/p95 per kind (docs/security/load.md).
load: setup services
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	$(TEST_ENV) $(PY) manage.py loadtest --profile large --users 25 --seconds 60

# Python and templates, as formatted by `ruff format` and `djlint templates --reformat` (djlint.toml).
lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --check
	$(VENV)/bin/djlint templates --lint
