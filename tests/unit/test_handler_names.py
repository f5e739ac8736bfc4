"""handlers.names spells the interaction model's names: exactly those every locale declares."""

from __future__ import annotations

import pytest

from devtools.models import LOCALES, load_model
from handlers import names
from handlers.respond import elicited_slots

CONSTANTS = {key: value for key, value in vars(names).items() if key.isupper()}
INTENT_NAMES = {value for key, value in CONSTANTS.items() if key.endswith("_INTENT")}
SLOT_NAMES = {
    value
    for key, value in CONSTANTS.items()
    if isinstance(value, str) and not key.endswith("_INTENT")
}


def declared(locale: str) -> dict[str, set[str]]:
    """Each intent of the locale's model, with the names of its slots."""
    model = load_model(locale)["interactionModel"]["languageModel"]
    return {
        intent["name"]: {slot["name"] for slot in intent.get("slots", [])}
        for intent in model["intents"]
    }


def elicited(locale: str) -> set[tuple[str, str]]:
    """Every (intent, slot) the locale's dialog model elicits."""
    dialog = load_model(locale)["interactionModel"]["dialog"]["intents"]
    return {
        (intent["name"], slot["name"])
        for intent in dialog
        for slot in intent["slots"]
        if slot["elicitationRequired"]
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_names_spells_exactly_the_intents_of_the_model(locale: str) -> None:
    assert declared(locale).keys() == INTENT_NAMES


@pytest.mark.parametrize("locale", LOCALES)
def test_names_spells_exactly_the_slots_of_the_model(locale: str) -> None:
    assert set().union(*declared(locale).values()) == SLOT_NAMES


def test_the_name_tables_use_only_the_spelled_names() -> None:
    assert set(names.GOALS) <= INTENT_NAMES
    assert set(names.INTENTS.values()) <= INTENT_NAMES
    assert set(names.SLOTS.values()) <= SLOT_NAMES


@pytest.mark.parametrize("locale", LOCALES)
def test_every_slot_the_model_elicits_may_be_elicited_again_on_a_repeat(locale: str) -> None:
    assert elicited(locale) <= elicited_slots()
