"""Every generated locale model stays within the interaction-model limits Alexa documents.

Only limits found stated by Amazon are enforced here, each with where it is stated:

- At most 50,000 custom slot values in a skill, "totaled across all custom slots used in the
  interaction model" (Amazon's interaction model reference, as quoted in
  https://github.com/emeth-/hackathon-kit-alexa; the page, developer.amazon.com/public/solutions/
  alexa/alexa-skills-kit/docs/alexa-skills-kit-interaction-model-reference, has since moved
  to https://developer.amazon.com/en-US/docs/alexa/custom-skills/create-the-interaction-model-for-your-skill.html).
  Synonyms are counted as values here, which is stricter than the wording.
- "Slot value length exceeds the limit of 140 characters": the developer console's error,
  quoted in https://github.com/m0ngr31/kanzi/issues/263.
- "When using a Dialog Model, sample utterances for intents cannot contain only slots": the
  model build error, https://github.com/alexa/alexa-cookbook/issues/29 and /issues/35.
- `modelConfiguration.fallbackIntentSensitivity.level` is LOW, MEDIUM or HIGH, and is offered
  for English (and German) models: https://developer.amazon.com/en-US/docs/alexa/custom-skills/
  standard-built-in-intents.html#adjust-sensitivity and the SMAPI model's
  FallbackIntentSensitivity ("the skill's sensitivity for out-of-domain utterances").

Amazon's "Interaction model limits" section (linked from
https://developer.amazon.com/en-US/docs/alexa/custom-skills/create-intents-utterances-and-slots.html)
also caps the number of intents, samples and the model size, but its figures could not be
read from the documentation available here, so no number is guessed for them.
"""

import re
from typing import Any

import pytest

from devtools import models

MAX_CUSTOM_SLOT_VALUES = 50_000
MAX_SLOT_VALUE_CHARS = 140
SENSITIVITY_LEVELS = {"LOW", "MEDIUM", "HIGH"}
ONLY_SLOTS = re.compile(r"(?:\s*\{\w+\})+\s*")

locales = pytest.mark.parametrize("locale", models.LOCALES)


def language(locale: str) -> dict[str, Any]:
    return models.load_model(locale)["interactionModel"]["languageModel"]


def spoken_values(locale: str) -> list[str]:
    return [
        spoken
        for slot_type in language(locale)["types"]
        for value in slot_type["values"]
        for spoken in [value["name"]["value"], *value["name"]["synonyms"]]
    ]


@locales
def test_custom_slot_values_and_synonyms_total_at_most_fifty_thousand(locale):
    assert len(spoken_values(locale)) <= MAX_CUSTOM_SLOT_VALUES


@locales
def test_no_slot_value_or_synonym_is_longer_than_140_characters(locale):
    assert [v for v in spoken_values(locale) if len(v) > MAX_SLOT_VALUE_CHARS] == []


@locales
def test_with_a_dialog_model_no_intent_sample_is_only_slots(locale):
    assert models.load_model(locale)["interactionModel"]["dialog"]["intents"]
    only_slots = [
        (intent["name"], sample)
        for intent in language(locale)["intents"]
        for sample in intent["samples"]
        if ONLY_SLOTS.fullmatch(sample)
    ]
    assert only_slots == []


@locales
def test_fallback_sensitivity_is_a_documented_level_on_an_english_model(locale):
    assert locale.startswith("en-")
    level = language(locale)["modelConfiguration"]["fallbackIntentSensitivity"]["level"]
    assert level in SENSITIVITY_LEVELS
