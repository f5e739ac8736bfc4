# Every target installs what it needs first, so `make chat` and `make test` work on a fresh clone.
# PYTHON may name any Python 3.11+ interpreter. By default: the Python of the function's runtime
# (template.yaml's Runtime, so tests run on what Lambda runs), from PATH or pyenv, else the newest
# python3.x on PATH.
LAMBDA_PYTHON := $(shell sed -n 's/^ *Runtime: python\(3\.[0-9]*\) *$$/\1/p' template.yaml)
PYTHON ?= $(shell for p in python$(LAMBDA_PYTHON) \
	$$(ls -d "$$(pyenv root 2>/dev/null)"/versions/$(LAMBDA_PYTHON).*/bin/python$(LAMBDA_PYTHON) 2>/dev/null | sort -V | tail -n 1) \
	python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null && { echo $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install chat test test-long lint models bench nlu-eval answers-eval package clean apl-tools screens skill-package

$(STAMP): pyproject.toml
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is required (set PYTHON=...)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

## What the Echo Show screen tests need from npm: Amazon's APL viewhost for the web (1.4.0, the
## last with its WASM bundle in the package) and apl-suggester, into build/apl (git-ignored).
## Without npm, or offline, the render tests skip and say why; so does a missing Chromium.
APL_DIR   := build/apl
APL_STAMP := $(APL_DIR)/.installed-stamp

$(APL_STAMP): devtools/apl/package.json devtools/apl/package-lock.json
	@mkdir -p $(APL_DIR)
	@cp devtools/apl/package.json devtools/apl/package-lock.json $(APL_DIR)/
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm not found: the APL render tests will skip"; \
	elif (cd $(APL_DIR) && npm ci --no-audit --no-fund --silent); then \
		touch $(APL_STAMP); \
	else \
		echo "npm ci failed: the APL render tests will skip"; \
	fi

apl-tools: $(APL_STAMP)

## Render every Echo Show screen on every device into build/screens (PNG)
screens: $(STAMP) $(APL_STAMP)
	$(BIN)/python -m devtools screens $(ARGS)

## Talk to the skill by typing, on the embedded local stack (moto DynamoDB + local account API)
chat: $(STAMP)
	$(BIN)/python -m devtools chat $(ARGS)

## The whole test suite plus lint and type checks (what CI runs)
test: $(STAMP) $(APL_STAMP)
	$(BIN)/python -m pytest -q
	$(MAKE) --no-print-directory lint

## Long reliability and load variants
test-long: $(STAMP)
	$(BIN)/python -m pytest -q -m slow --run-slow

lint: $(STAMP)
	$(BIN)/ruff check skill devtools tests
	$(BIN)/mypy skill devtools
	$(BIN)/cfn-lint template.yaml

## The Lambda package `sam build` makes (skill/Makefile), in build/package: code, requirements, .pyc
package:
	rm -rf build/package
	$(MAKE) --no-print-directory -C skill build-SkillFunction ARTIFACTS_DIR=$(CURDIR)/build/package PYTHON=$(PYTHON) LAMBDA_PYTHON=$(LAMBDA_PYTHON)

## Regenerate every locale's interaction model and skill-package/skill.json from interaction_models/source
models: $(STAMP)
	$(BIN)/python -m devtools models

## The skill package to upload, in build/skill-package: skill-package/ with the deployment's values
## filled in (README, Deploying). ENDPOINT is the stack's SkillFunctionArn; without it the manifest
## is the one to create the skill with. CLIENT_SECRET is read from the environment only.
skill-package: $(STAMP)
	$(BIN)/python -m devtools.skill_package \
		$(if $(ENDPOINT),--endpoint '$(ENDPOINT)') \
		$(if $(PRIVACY_POLICY_URL),--privacy-policy-url '$(PRIVACY_POLICY_URL)') \
		$(if $(TERMS_OF_USE_URL),--terms-of-use-url '$(TERMS_OF_USE_URL)') \
		$(if $(AUTHORIZATION_URL),--authorization-url '$(AUTHORIZATION_URL)') \
		$(if $(ACCESS_TOKEN_URL),--access-token-url '$(ACCESS_TOKEN_URL)') \
		$(if $(CLIENT_ID),--client-id '$(CLIENT_ID)')

bench: $(STAMP)
	$(BIN)/python -m devtools.bench $(ARGS)

## How well the local NLU understands the customer corpus in tests/nlu/ (bench-results/nlu-latest.json)
nlu-eval: $(STAMP)
	$(BIN)/python -m devtools.nlu_eval $(ARGS)

## What customers hear: the answer corpus in tests/answers/ end to end (bench-results/answers-latest.json)
answers-eval: $(STAMP)
	$(BIN)/python -m devtools.answers_eval $(ARGS)

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache .hypothesis .aws-sam
