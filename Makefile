# The two set-up commands: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
POSTGRES_TEST_URL ?= postgresql://postgres@127.0.0.1:5432/frontdesk
# `make run PORT=8100`: the web port; the mail port moves with it (2625) and so do mail links.
PORT ?= 8000
# The PostgreSQL server the benches make their own databases on (frontdesk_bench, ...).
BENCH_POSTGRES ?= postgresql://postgres@127.0.0.1:5432/postgres

.PHONY: run test lint test-sqlite test-postgres messages bench bench-quick

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("frontdesk needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(BIN)/frontdesk run --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test-sqlite: $(STAMP)
	env -u DATABASE_URL $(BIN)/pytest -n 2 -p no:cacheprovider -m "not cluster"

test-postgres: $(STAMP)
	@scripts/require-postgres "$(POSTGRES_TEST_URL)"
	DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/pytest -n 2 -p no:cacheprovider

test: $(STAMP)
	scripts/ensure-chromium
	$(MAKE) --no-print-directory lint test-sqlite test-postgres

messages: $(STAMP)
	cd src/frontdesk && ../../$(BIN)/frontdesk manage makemessages --all --no-location --ignore 'demo/*'
	cd src/frontdesk && ../../$(BIN)/frontdesk manage compilemessages

# One benchmark report (bench/README.md): every bench in bench/, its tables and charts, into
# bench/reports/<date>-<host>/report.md, at each bench's full sizes (long: see bench/README.md);
# bench-quick takes a few minutes. Bench figures never gate the tests.
bench: $(STAMP)
	$(BIN)/python bench/report.py --postgres $(BENCH_POSTGRES) $(BENCH_FLAGS)

bench-quick: $(STAMP)
	$(BIN)/python bench/report.py --quick --postgres $(BENCH_POSTGRES) $(BENCH_FLAGS)
