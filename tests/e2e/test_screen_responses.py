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
from devtools.cli import Conversation, Exchange
from devtools.envelopes import AlexaSession
from devtools.nlu import Nlu
from devtools.screen_scenarios import NOW, SCENARIOS, Scenario, run
from devtools.screens import DEVICES, screen_directive
from handlers.context import Services
from settings import Settings
from tests.e2e.conftest import CountingStore
from tests.helpers import assert_valid_response

GOLDEN = Path(__file__).resolve().parent / "golden" / "dot_responses.json"


def handler_for(settings: Settings, service: LocalAccountService) -> app.LambdaHandler:
    """A fresh skill (empty store) talking to the local account service."""
    accounts = HttpAccountClient(service.url)
    return app.make_handler(Services(settings, CountingStore(), accounts, clock=lambda: NOW))


def stable(attributes: dict[str, Any] | None) -> dict[str, Any] | None:
    """The session attributes with the seal's MAC masked: it binds each run's random session id."""
    if not attributes or "seal" not in attributes:
        return attributes
    turn, issued, _ = attributes["seal"]
    return {**attributes, "seal": [turn, issued, "<mac>"]}


def dot_responses(
    settings: Settings, nlu: Nlu, service: LocalAccountService, scenario: Scenario
) -> list[dict[str, Any]]:
    """What an Echo Dot gets for each turn of ``scenario``: the response and the session."""
    exchanges = run(scenario, handler_for(settings, service), nlu, service)
    return [
        {
            "response": e.response["response"],
            "sessionAttributes": stable(e.response.get("sessionAttributes")),
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


# --- an Echo Show: the same answers, and a screen for each ------------------------------------

SHOW = DEVICES["echo-show-10"]
#: The document each scenario's turns show on an Echo Show (None: a question, no screen).
EXPECTED_DOCUMENTS = {
    "refund_then_warranty": ["decision", None, "decision"],
    "advance_replacement": ["decision"],
    "warranty_claim_steps": ["steps"],
    "refund_refused": ["decision"],
    "delivery": ["delivery"],
    "contact": ["info"],
    "privacy": ["info", "info"],
    "general_rule": ["info"],
    "launch_and_help": [None, None],
    "linked_orders": ["orders"],
    "linked_request": ["decision", None, "decision", "info"],
    "linked_tracking": ["info"],
    "linked_requests_status": ["info"],
}


def show_exchanges(
    settings: Settings, nlu: Nlu, service: LocalAccountService, scenario: Scenario
) -> list[Exchange]:
    return run(scenario, handler_for(settings, service), nlu, service, SHOW.context())


def without_screen(response: dict[str, Any]) -> dict[str, Any]:
    """The response as a device without a screen would get it: no RenderDocument."""
    body = dict(response["response"])
    directives = [d for d in body.get("directives") or [] if d not in [screen_directive(response)]]
    if directives:
        body["directives"] = directives
    else:
        body.pop("directives", None)
    return {"response": body, "sessionAttributes": stable(response.get("sessionAttributes"))}


def test_echo_show_gets_a_render_document_for_every_answer_and_the_same_speech_and_card(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert set(EXPECTED_DOCUMENTS) == {s.name for s in SCENARIOS}
    for scenario in SCENARIOS:
        exchanges = show_exchanges(settings, nlu, service, scenario)
        shown = []
        for exchange in exchanges:
            directive = screen_directive(exchange.response)
            shown.append(None if directive is None else directive["token"].split(".", 1)[1])
            # Speech, reprompt, card, session and every other directive: as on the Dot.
            assert (
                json.loads(json.dumps(without_screen(exchange.response)))
                == golden[scenario.name][len(shown) - 1]
            ), scenario.name
        assert shown == EXPECTED_DOCUMENTS[scenario.name], scenario.name


def test_echo_dot_never_gets_a_screen(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    for scenario in SCENARIOS:
        for exchange in run(scenario, handler_for(settings, service), nlu, service):
            assert screen_directive(exchange.response) is None


def datasource(exchange: Exchange) -> dict[str, Any]:
    directive = screen_directive(exchange.response)
    assert directive is not None
    words: dict[str, Any] = directive["datasources"]["screen"]
    return words


def by_name(name: str) -> Scenario:
    return next(s for s in SCENARIOS if s.name == name)


def test_refund_screen_shows_the_decisions_last_day_and_offers_the_yes_as_a_button(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    """R1, R4: the date on screen is the card's date; the remember offer is a touch target."""
    exchange = show_exchanges(settings, nlu, service, by_name("refund_then_warranty"))[0]
    words = datasource(exchange)
    assert exchange.card is not None
    assert "December 5, 2026" in exchange.card["text"]
    assert words["keyDate"] == "December 5, 2026"
    assert words["daysLeft"] == "14 days left"
    assert words["verdict"] == "yes"
    assert {"label": "Return shipping", "value": "ZOSI if it's faulty, otherwise you"} in words[
        "facts"
    ]
    assert words["action"]["label"] == "Yes, remember this purchase"
    assert words["title"] == exchange.card["title"]


def test_answers_without_an_offer_have_no_button(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    (exchange,) = show_exchanges(settings, nlu, service, by_name("contact"))
    words = datasource(exchange)
    assert "action" not in words
    assert words["lines"] == ["Email: service@zositech.com", "Phone: 400-660-8825 (China)"]


def test_delivery_screen_marks_every_day_from_order_to_last_arrival_day(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    """D4: ordered Saturday 21 November, Kazan 5 to 12 business days: 27 Nov to 8 Dec."""
    (exchange,) = show_exchanges(settings, nlu, service, by_name("delivery"))
    days = datasource(exchange)["days"]
    assert (days[0]["day"], days[0]["kind"]) == ("21", "order")
    assert (days[-1]["day"], days[-1]["month"], days[-1]["kind"]) == ("8", "Dec", "arrival")
    assert [d["kind"] for d in days if d["weekday"] in {"Sat", "Sun"}][1:] == ["weekend"] * 5
    assert sum(d["kind"] == "arrival" for d in days) == 8  # business days 5 to 12


def test_linked_orders_screen_lists_each_order_and_what_it_can_still_get(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    (exchange,) = show_exchanges(settings, nlu, service, by_name("linked_orders"))
    orders = datasource(exchange)["orders"]
    assert {
        "name": "ZOSI C190 4MP PoE camera",
        "ordered": "Ordered November 16, 2026",
        "status": "Refund until December 16, 2026",
        "state": "yes",
    } in orders
    assert any(o["state"] == "no" and o["status"] == "Refund period over" for o in orders)


@pytest.mark.parametrize(
    ("device", "layout"),
    [
        ("echo-spot", "round"),
        ("echo-show-5", "small"),
        ("echo-show-8", "medium"),
        ("echo-show-10", "large"),
        ("echo-show-15", "xlarge"),
        ("echo-show-21", "xlarge"),
        ("echo-show-15-portrait", "portrait"),
        ("fire-tv", "tv"),
    ],
)
def test_layout_follows_the_viewport_profile(
    settings: Settings, nlu: Nlu, service: LocalAccountService, device: str, layout: str
) -> None:
    handler = handler_for(settings, service)
    (exchange,) = run(by_name("contact"), handler, nlu, service, DEVICES[device].context())
    words = datasource(exchange)
    assert words["layout"] == layout
    assert words["direction"] == ("column" if layout in {"round", "portrait"} else "row")


# --- a touch on the yes button is a yes ------------------------------------------------------


def test_touching_yes_does_what_saying_yes_does(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    """The remember offer: the touch remembers, exactly like the spoken yes."""
    scenario = by_name("refund_then_warranty")
    spoken = show_exchanges(
        settings, nlu, service, scenario._replace(utterances=scenario.utterances[:2])
    )
    session = AlexaSession(clock=lambda: NOW, screen=SHOW.context())
    conversation = Conversation(handler_for(settings, service), session, nlu)
    conversation.say(scenario.utterances[0])
    touched = conversation.send(session.user_event(["yes"]))
    assert (
        touched.speech
        == spoken[1].speech
        == "Done, I'll remember that. Anything else I can help with?"
    )


def test_a_forged_touch_with_no_offer_gets_the_answer_of_a_yes_out_of_context(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    handler = handler_for(settings, service)
    said_yes = Conversation(handler, AlexaSession(clock=lambda: NOW), nlu).say("yes")
    session = AlexaSession(clock=lambda: NOW, screen=SHOW.context())
    touched = Conversation(handler, session, nlu).send(session.user_event(["yes"]))
    assert touched.speech == said_yes.speech
    assert_valid_response(touched.response)


def test_a_touch_the_skill_never_offered_is_not_understood(
    settings: Settings, nlu: Nlu, service: LocalAccountService
) -> None:
    handler = handler_for(settings, service)
    fallback = Conversation(handler, AlexaSession(clock=lambda: NOW), nlu).say(
        "purple monkey dishwasher"
    )
    session = AlexaSession(clock=lambda: NOW, screen=SHOW.context())
    for arguments in (["delete everything"], [], [{"yes": True}], ["yes", "yes"]):
        touched = Conversation(handler, session, nlu).send(session.user_event(arguments))
        assert_valid_response(touched.response)
        assert touched.speech == fallback.speech
        session.end()
