"""Conversations that reach every kind of answer the skill shows on a screen.

The same conversations run on an Echo Dot (no screen: the responses must stay exactly
what they were before screens existed, see ``golden/dot_responses.json``) and on every
Echo Show viewport (each answer carries a RenderDocument built from its decision).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from devtools.cli import Conversation, Exchange
from devtools.envelopes import AlexaSession

if TYPE_CHECKING:
    from app import LambdaHandler
    from devtools.account_server import LocalAccountService
    from devtools.nlu import Nlu

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


class Scenario(NamedTuple):
    """One session: who is talking (a demo customer's token or None) and what they say."""

    name: str
    token: str | None
    utterances: tuple[str, ...]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "refund_then_warranty",
        None,
        (
            "can I return the camera I bought on november 5th from the zosi website",
            "yes",
            "yes",
            "is my camera still under warranty",
        ),
    ),
    Scenario(
        "advance_replacement",
        None,
        (
            "can I get an advance replacement for my nvr bought on october 1st "
            "from the zosi website",
            "yes",
        ),
    ),
    Scenario(
        "warranty_claim_steps",
        None,
        ("how do I start a warranty claim for my camera bought on october 1st", "yes"),
    ),
    Scenario(
        "refund_refused",
        None,
        ("can I return the camera I bought on august 1st from the zosi website", "yes"),
    ),
    Scenario("delivery", None, ("how long does delivery to kazan take",)),
    Scenario("contact", None, ("how do I contact zosi support",)),
    Scenario("privacy", None, ("what do you do with my data", "what do you know about me")),
    Scenario("general_rule", None, ("how long is the warranty",)),
    Scenario("launch_and_help", None, ("open zosi care", "help")),
    Scenario("linked_orders", "demo-recent", ("which of my orders can I still return",)),
    Scenario(
        "linked_request",
        "demo-recent",
        ("I want to return my camera", "yes", "I changed my mind", "yes"),
    ),
    Scenario("linked_tracking", "demo-recent", ("where is my parcel",)),
    Scenario("linked_requests_status", "demo-recent", ("what's the status of my return",)),
)


def run(
    scenario: Scenario,
    handler: LambdaHandler,
    nlu: Nlu,
    service: LocalAccountService,
    screen: Mapping[str, Any] | None = None,
) -> list[Exchange]:
    """Play ``scenario`` on a device with ``screen`` (None: an Echo Dot); every exchange."""
    session = AlexaSession(
        clock=lambda: NOW,
        access_token=scenario.token,
        api_endpoint=service.alexa_api_url,
        api_access_token="local-alexa-api-token",
        screen=screen,
    )
    conversation = Conversation(handler, session, nlu)
    return [conversation.say(utterance) for utterance in scenario.utterances]
