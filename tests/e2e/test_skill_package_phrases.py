"""What the manifest promises, through the real handler: its example phrases and its screens.

Every example phrase of every locale is said to the skill as Alexa would send it (local NLU,
request envelopes, the Lambda handler) and must get a sensible answer: the intent the phrase is a
sample of, no fallback, no apology, and what the answer is for. A screen goes only to a device
whose ``supportedInterfaces`` has ``Alexa.Presentation.APL``, the interface the manifest declares
(``ALEXA_PRESENTATION_APL``): Alexa reports it only for skills that declare it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

import app
from devtools.answer_checks import CONCEPTS, concept_heard, hear
from devtools.cli import Conversation
from devtools.envelopes import AlexaSession
from devtools.models import LOCALES
from devtools.nlu import Nlu
from devtools.screens import DEVICES, screen_directive
from devtools.skill_package import load_manifest
from speech import en
from tests.e2e.conftest import TODAY
from tests.helpers import assert_valid_response

#: For each example phrase: the intent it is a sample of, and what its answer must say.
EXPECTED = {
    "Alexa, open zosi care": ("LaunchRequest", "question"),
    "Alexa, ask zosi care is my camera still under warranty": ("WarrantyStatusIntent", "question"),
    "Alexa, ask zosi care how long does delivery to kazan take": (
        "DeliveryTimeIntent",
        "arrives_between",
    ),
}


def example_phrases() -> list[tuple[str, str]]:
    listing = load_manifest()["manifest"]["publishingInformation"]["locales"]
    return [(locale, phrase) for locale in LOCALES for phrase in listing[locale]["examplePhrases"]]


def conversation(handler: app.LambdaHandler, locale: str, screen: Any = None) -> Conversation:
    clock = lambda: datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # noqa: E731
    session = AlexaSession(clock=clock, locale=locale, screen=screen)
    return Conversation(handler, session, Nlu.for_locale(locale, TODAY))


def test_every_example_phrase_is_one_the_answers_below_are_checked_for():
    assert {phrase for _, phrase in example_phrases()} == set(EXPECTED)


@pytest.mark.parametrize(("locale", "phrase"), example_phrases())
def test_example_phrase_gets_a_sensible_answer_through_the_handler(handler, locale, phrase):
    exchange = conversation(handler, locale).say(phrase)
    intent, concept = EXPECTED[phrase]
    request = exchange.request["request"]
    assert request.get("intent", {}).get("name", request["type"]) == intent
    assert exchange.understood is None or exchange.understood.how == "exact"
    assert_valid_response(exchange.response)
    heard = hear(exchange.speech, ended=exchange.ended)
    assert exchange.speech
    assert exchange.speech != en.ERROR
    assert not concept_heard(CONCEPTS["fallback"], heard), exchange.speech
    assert concept_heard(CONCEPTS[concept], heard), exchange.speech


def declared_interfaces() -> set[str]:
    return {item["type"] for item in load_manifest()["manifest"]["apis"]["custom"]["interfaces"]}


def test_the_manifest_declares_the_interface_the_screens_are_sent_for():
    assert declared_interfaces() == {"ALEXA_PRESENTATION_APL"}


SCREEN_PHRASE = "Alexa, ask zosi care how long does delivery to kazan take"


def test_a_device_that_reports_apl_gets_the_screen(handler):
    exchange = conversation(handler, "en-US", DEVICES["echo-show-10"].context()).say(SCREEN_PHRASE)
    directive = screen_directive(exchange.response)
    assert directive is not None
    assert directive["type"] == "Alexa.Presentation.APL.RenderDocument"


def test_a_screen_device_that_does_not_report_apl_gets_no_screen_and_the_same_answer(handler):
    """An Echo Show asking a skill that does not declare ALEXA_PRESENTATION_APL: the viewport
    is there, the interface is not, and a RenderDocument would be an error."""
    context = DEVICES["echo-show-10"].context()
    without_apl = {**context, "supportedInterfaces": {}}
    bare = conversation(handler, "en-US", without_apl).say(SCREEN_PHRASE)
    assert "Viewport" in bare.request["context"]
    assert screen_directive(bare.response) is None
    assert not [d for d in bare.response["response"].get("directives") or [] if "APL" in d["type"]]
    shown = conversation(handler, "en-US", context).say(SCREEN_PHRASE)
    assert bare.speech == shown.speech
