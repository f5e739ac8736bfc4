"""When the skill asks the Alexa Settings API for the device's time zone (issue 10, item 2).

Every envelope carries an API token, so every answer could look the zone up; only those
that read today's date do, once per device and container. Dated answers (a warranty's or a
refund's days left, a delivery day) need it: a wrong zone moves "today" by a day near
midnight. An answer that reads no date (launch, contact, policy facts) never calls it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

import adapters.alexa_api
import app
from devtools.account_server import LocalAccountService
from devtools.cli import Conversation
from devtools.envelopes import AlexaSession
from devtools.nlu import Nlu
from handlers.context import Services
from tests.e2e.conftest import CountingStore

ZONE_LOOKUP = "/settings/System.timeZone"
#: 22:30 in UTC is already the next day in Moscow, the local service's zone (UTC+3).
LATE_EVENING = datetime(2026, 11, 21, 22, 30, tzinfo=UTC)

Talk = Callable[[str], Conversation]


@pytest.fixture(autouse=True)
def fresh_container() -> Iterator[None]:
    """Each test starts with the container's cache of device zones empty."""
    adapters.alexa_api._DEVICE_ZONES.clear()
    yield
    adapters.alexa_api._DEVICE_ZONES.clear()


@pytest.fixture
def talk(settings, store: CountingStore, nlu: Nlu, service: LocalAccountService) -> Talk:
    handler = app.make_handler(Services(settings, store, clock=lambda: LATE_EVENING))

    def start(device_id: str) -> Conversation:
        session = AlexaSession(
            clock=lambda: LATE_EVENING,
            device_id=device_id,
            api_endpoint=service.alexa_api_url,
            api_access_token="local-alexa-api-token",
        )
        return Conversation(handler, session, nlu)

    return start


def lookups(service: LocalAccountService) -> int:
    return sum(n for (_, path), n in service.calls.items() if path.endswith(ZONE_LOOKUP))


def test_answers_that_read_no_date_never_look_up_the_zone(talk, service) -> None:
    conversation = talk("amzn1.ask.device.A")
    conversation.say("open zosi care")
    conversation.say("how do I contact support")

    assert lookups(service) == 0


def test_a_dated_answer_counts_its_days_from_the_devices_own_today(talk, service) -> None:
    # W1: bought 22 December 2025, one year: 21 Nov 22:30 UTC is 22 Nov in Moscow, 30 days left.
    reply = talk("amzn1.ask.device.A").say(
        "is my camera under warranty, I bought it on 22 December 2025"
    )

    assert "30 days" in reply.speech
    assert lookups(service) == 1


def test_a_device_is_looked_up_once_per_container_and_each_device_on_its_own(talk, service) -> None:
    question = "is my camera under warranty, I bought it on 3 March 2026"
    talk("amzn1.ask.device.A").say(question)
    talk("amzn1.ask.device.A").say(question)
    talk("amzn1.ask.device.B").say(question)

    assert lookups(service) == 2
