# Huddle: `make run` starts everything, `make test` checks everything. See README.md.
SHELL := /bin/bash
# The Node.js that scripts/bootstrap.sh installs when the system one is too old (if any).
export PATH := $(HOME)/.local/bin:$(HOME)/.cache/huddle/node/bin:$(PATH)
DEVSTACK := uv run --frozen python -m huddle_devtools.devinfra

.PHONY: help install run run-with-prometheus up down status demo test lint typecheck pytest unit integration observability bench asyncapi openapi clients console prometheus-rule clean

help:
	@echo "make run      - install what is missing, start PostgreSQL, Kafka, the five services, the console, a mail sink and Keycloak (Ctrl-C stops)"
	@echo "make up       - the same, in the background, starting only what is not running;  make down - stop it;  make status"
	@echo "make run-with-prometheus - make run plus a local Prometheus (127.0.0.1:9090) with the alert rules"
	@echo "make console  - build the web console (web/dist); make run/up build and serve it on 127.0.0.1:8080"
	@echo "make demo     - make up, then fill the stack with a realistic organisation (a new one each run)"
	@echo "make test     - lint (ruff, import-linter layer rules), mypy --strict, unit and integration tests against real servers"
	@echo "make bench    - the benchmark suite (ratios against raw baselines; report in bench/results/)"
	@echo "make asyncapi - regenerate docs/asyncapi.json from the event registry (refused if it breaks a reader)"
	@echo "make openapi  - regenerate docs/openapi/<service>.json (refused on a breaking change not declared)"
	@echo "make clients  - regenerate the Python (clients/python) and TypeScript (clients/typescript) clients from docs/openapi"
	@echo "make prometheus-rule - regenerate the k8s PrometheusRule from the alert rule files"

install:
	@./scripts/bootstrap.sh

run: install
	@$(DEVSTACK) run

run-with-prometheus: install
	@HUDDLE_PROMETHEUS=1 $(DEVSTACK) run

up: install
	@$(DEVSTACK) up

down:
	@$(DEVSTACK) down

status:
	@$(DEVSTACK) status

console: install
	@uv run --frozen python -c "from pathlib import Path; from huddle_devtools.devinfra.console import build_console; print(', '.join(build_console(Path.cwd())) or 'web/dist is current')"

demo: up
	@uv run --frozen python scripts/demo.py

test: install lint typecheck pytest

lint:
	uv run --frozen ruff check .
	uv run --frozen ruff format --check .
	uv run --frozen lint-imports --no-cache

typecheck:
	uv run --frozen mypy

pytest:
	uv run --frozen pytest

unit:
	uv run --frozen pytest shared/tests/test_events.py shared/tests/test_envelope.py shared/tests/test_asyncapi.py shared/tests/test_auth.py services/*/tests

integration:
	uv run --frozen pytest tests/integration

observability:
	uv run --frozen pytest tests/observability

bench: install
	uv sync --frozen --group bench --quiet
	uv run --frozen --group bench python -m bench

asyncapi:
	uv run --frozen python -m huddle_shared.asyncapi --write docs/asyncapi.json

openapi:
	uv run --frozen python -m huddle_devtools.contract --write docs/openapi

clients:
	uv run --frozen python -m huddle_devtools.clients --documents docs/openapi

prometheus-rule:
	uv run --frozen python -m huddle_devtools.prometheus_rule

clean:
	rm -rf .huddle .pytest_cache .mypy_cache .ruff_cache
