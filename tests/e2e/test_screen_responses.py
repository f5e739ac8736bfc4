"""A speaker without a screen hears and sees exactly what it did before screens existed.

``golden/dot_responses.json`` holds every response of the screen scenarios as the skill
gave them on an Echo Dot before the APL work; regenerate it only for a deliberate change
of speech or card (``UPDATE_GOLDEN=1 pytest tests/e2e/test_screen_responses.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

import app
from adapters.account import HttpAccountClient
from devtools.account_server import LocalAccountService
from devtools.nlu import Nlu
from handlers.context import Services
from settings import Settings
from tests.e2e.conftest import CountingStore
from tests.e2e.screen_scenarios import SCENARIOS, Scenario, run

GOLDEN = Path(__file__).resolve().parent / "golden" / "dot_responses.json"


def handler_for(settings: Settings, service: LocalAccountService) -> app.LambdaHandler:
    """A fresh skill (empty store) talking to the local account service."""
    return app.make_handler(Services(settings, CountingStore(), HttpAccountClient(service.url)))


def dot_responses(
    settings: Settings, nlu: Nlu, service: LocalAccountService, scenario: Scenario
) -> list[dict[str, Any]]:
    """What an Echo Dot gets for each turn of ``scenario``: the response and the session."""
    exchanges = run(scenario, handler_for(settings, service), nlu, service)
    return [
        {
            "response": e.response["response"],
            "sessionAttributes": e.response.get("sessionAttributes"),
        }
        for e in exchanges
    ]


def test_echo_dot_responses_are_byte_identical_to_before_screens(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    got = {s.name: dot_responses(settings, nlu, service, s) for s in SCENARIOS}
    text = json.dumps(got, indent=1, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
        pytest.skip("golden file rewritten")
    assert text == GOLDEN.read_text(encoding="utf-8")
