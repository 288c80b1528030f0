# The README's two commands: `make demo` runs the whole system on one machine,
# `make test` runs every check. Both set up what they need first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
APT_PACKAGES := $(shell grep -v '^\#' deploy/apt-packages.txt)

.PHONY: demo test deps lint typecheck catalogs screenshots bench clean deb

demo: $(VENV)/.installed
	$(VENV)/bin/antrian demo

test: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	$(PY) -m pytest
	@# The server tests again on PostgreSQL (a throw-away cluster, tests/support/pg.py); the
	@# browser tests, whose SQL the API tests already cover, only on SQLite, to keep CI short.
	$(PY) -m pytest --store=postgresql -m "not browser" tests/server

# Debian packages: installed when run as root, otherwise the exact command is printed.
deps:
	@if ! command -v apt-get >/dev/null; then \
		echo "Not a Debian/Ubuntu machine: install the equivalents of deploy/apt-packages.txt"; \
	elif [ "$$(id -u)" = 0 ]; then \
		missing=$$(dpkg-query -W -f='$${Status} $${Package}\n' $(APT_PACKAGES) 2>/dev/null \
			| grep -c 'install ok installed' || true); \
		if [ "$$missing" != "$(words $(APT_PACKAGES))" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $(APT_PACKAGES); \
		fi; \
	else \
		echo "Run as root first:  sudo apt-get install -y --no-install-recommends $(APT_PACKAGES)"; \
	fi

$(VENV)/.installed: pyproject.toml | deps
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e '.[dev]'
	touch $@

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports

# The type checker; its settings, what is strict and the stub packages, are [tool.mypy] in
# pyproject.toml (docs/decisions.md).
typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

# Text catalogs (docs/operations.md, "Texts and translations"): each app's Indonesian sources,
# N_("key", "Kalimat"), are extracted into <locale>/<domain>.pot, and every
# <locale>/<language>/LC_MESSAGES/<domain>.po is updated from it. A changed Indonesian sentence
# leaves its translations fuzzy, and tests/config/test_catalogs.py fails until they are redone.
# A template whose messages did not change is left alone (no churn of its date line).
# The apps read the .po files themselves (config.i18n.Catalog): there is nothing to compile.
CATALOGS := config:config/texts.py:config/locale \
	server:server/texts.py:server/locale \
	web:server/web/texts.py:server/web/locale \
	kiosk:kiosk/texts.py:kiosk/locale \
	display:display/texts.py:display/locale \
	printer:printer/texts.py:printer/locale \
	doctor:antrian/doctor/texts.py:antrian/doctor/locale \
	demo:antrian/commands/demo.py:antrian/commands/locale \
	setup:antrian/commands/setup_texts.py:antrian/commands/locale
PYBABEL := $(VENV)/bin/pybabel

catalogs: $(VENV)/.installed
	@set -e; for entry in $(CATALOGS); do \
		IFS=: read -r domain source dir <<< "$$entry"; \
		$(PYBABEL) --quiet extract --no-default-keywords --keyword='N_:1c,2' \
			--add-comments=NOTE --project='Antrian MPP' --version=0.1.0 \
			--copyright-holder='Antrian MPP' --no-location --output-file="$$dir/$$domain.pot.new" \
			"$$source"; \
		if diff -q -I '^"POT-Creation-Date:' "$$dir/$$domain.pot" "$$dir/$$domain.pot.new" \
			>/dev/null 2>&1; then rm "$$dir/$$domain.pot.new"; \
		else mv "$$dir/$$domain.pot.new" "$$dir/$$domain.pot"; fi; \
		$(PYBABEL) --quiet update --ignore-obsolete --ignore-pot-creation-date \
			--input-file="$$dir/$$domain.pot" --output-dir="$$dir" --domain="$$domain"; \
	done

# Pictures of every screen and page, for people to look at (docs/screenshots/).
screenshots: $(VENV)/.installed
	for script in docs/screenshots/*_screenshots.py; do $(PY) $$script || exit 1; done

# Measurements recorded in benchmarks/README.md; run them on an otherwise idle machine.
bench: $(VENV)/.installed
	for script in benchmarks/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache build *.egg-info

# The Debian package, dist/antrian-mpp_<version>_<arch>.deb (deploy/deb/build.sh; docs/operations.md).
# Built with Debian's python3, not the development venv; wheels are kept in
# ~/.cache/antrian/wheelhouse, so a rebuild does not download them again.
deb:
	bash deploy/deb/build.sh
