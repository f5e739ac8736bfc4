"""The interaction models and the handlers describe the same skill, in every locale."""

from __future__ import annotations

import pytest

from devtools.models import LOCALES, load_model
from handlers.routes import ROUTES


def handled_intents() -> set[str]:
    return {name for route in ROUTES for name in route.intents}


def declared_intents(locale: str) -> set[str]:
    model = load_model(locale)["interactionModel"]["languageModel"]
    return {intent["name"] for intent in model["intents"]}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_intent_in_the_model_has_a_handler(locale: str) -> None:
    assert declared_intents(locale) - handled_intents() == set()


@pytest.mark.parametrize("locale", LOCALES)
def test_every_handled_intent_is_declared_in_the_model(locale: str) -> None:
    assert handled_intents() - declared_intents(locale) == set()


def test_no_request_is_claimed_by_two_routes() -> None:
    names = [name for route in ROUTES for name in (*route.intents, *route.requests)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.target)
def test_every_route_leads_to_a_handler_function(route) -> None:
    assert callable(route.load())


@pytest.mark.parametrize("locale", LOCALES)
def test_every_slot_a_dialog_elicits_has_a_prompt(locale: str) -> None:
    model = load_model(locale)["interactionModel"]
    prompt_ids = {prompt["id"] for prompt in model["prompts"]}
    for intent in model["dialog"]["intents"]:
        for slot in intent["slots"]:
            if slot.get("elicitationRequired"):
                assert slot["prompts"]["elicitation"] in prompt_ids
