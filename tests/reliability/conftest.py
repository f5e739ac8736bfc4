"""The real handler and the real DynamoDbUserStore over moto's server, and ways to break them.

The store always uses the skill's own production client (devtools.load.skill_client:
the same botocore Config Lambda runs with), aimed at the session's moto server.
Faults are injected with botocore's ``before-send`` event on that client, so the
retry policy, the error parsing and the store's error translation all run for
real. No test here may reach any address but this machine's loopback.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest
from botocore.awsrequest import AWSResponse
from hypothesis import HealthCheck, settings

import app
from adapters.account_errors import AccountUnavailable
from adapters.store import KEY_ATTRIBUTE, DynamoDbUserStore, user_key
from devtools.cli import Conversation, ssml_to_text
from devtools.envelopes import AlexaSession
from devtools.load import load_settings, skill_client
from devtools.nlu import Nlu
from domain.account import Profile
from handlers.context import Services
from speech import en
from tests.helpers import assert_valid_response, speech_of

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
TODAY = date(2026, 11, 21)

# Example budgets for the property-based tests: modest by default, ten times more under `slow`.
settings.register_profile(
    "reliability",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "reliability-long",
    max_examples=1500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(
    params=[
        pytest.param("reliability", id="fast"),
        pytest.param("reliability-long", id="long", marks=pytest.mark.slow),
    ]
)
def examples(request: pytest.FixtureRequest) -> settings:
    """The hypothesis settings profile for this run of a property (long ones are `slow`)."""
    return settings.get_profile(request.param)


def _is_loopback_host(host: object) -> bool:
    if host in ("localhost", None):
        return True
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse any name lookup or connection beyond this machine (a fuzzed envelope could ask)."""
    real_connect = socket.socket.connect
    real_getaddrinfo = socket.getaddrinfo

    def connect(sock: socket.socket, address: Any) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback_host(address[0]):
            raise ConnectionRefusedError(f"tests may not connect to {address[0]}")
        real_connect(sock, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_loopback_host(host):
            raise socket.gaierror(f"tests may not look up {host}")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def table(dynamodb_table: tuple[Any, str]) -> str:
    """A fresh table shaped by template.yaml on moto's server."""
    return dynamodb_table[1]


@pytest.fixture
def admin(dynamodb_table: tuple[Any, str]) -> Any:
    """A plain client for arranging and inspecting the table, never faulted."""
    return dynamodb_table[0]


@pytest.fixture
def skill_settings(table: str) -> Any:
    return load_settings(table)


@pytest.fixture
def skill_dynamodb(moto_server: str) -> Any:
    """The skill's production DynamoDB client, aimed at moto's server."""
    return skill_client(moto_server)


def build_handler(
    skill_settings: Any, client: Any, accounts: Any = None, *, clock: datetime = NOW
) -> app.LambdaHandler:
    """The real handler over a DynamoDbUserStore on ``client`` (and ``accounts``, if given),
    the Lambda's clock at ``clock``."""
    store = DynamoDbUserStore(
        skill_settings.table_name, skill_settings.state_ttl_days, client, clock=lambda: clock
    )
    return app.make_handler(Services(skill_settings, store, accounts, clock=lambda: clock))


class AdultAccounts:
    """An account API where every token links an adult's account: P7 lets a link be recorded.

    Only the profile is answered (what SkillAccountLinked reads, issue 18); every other call
    fails as an unreachable API would.
    """

    def profile(self, token: str) -> Profile:
        return Profile("ZA-0001", None, "RU", False, False, "2019-06-01")

    def __getattr__(self, name: str) -> Any:
        def unavailable(*args: Any, **kwargs: Any) -> Any:
            raise AccountUnavailable(f"{name} is not served here")

        return unavailable


@pytest.fixture
def linking_handler(skill_settings: Any, skill_dynamodb: Any) -> app.LambdaHandler:
    """The handler with an account API that answers profiles: skill events can record a link."""
    return build_handler(skill_settings, skill_dynamodb, AdultAccounts())


@pytest.fixture
def handler(skill_settings: Any, skill_dynamodb: Any) -> app.LambdaHandler:
    return build_handler(skill_settings, skill_dynamodb)


@pytest.fixture(scope="session")
def nlu() -> Nlu:
    return Nlu.for_locale("en-US", TODAY)


def device(
    handler: app.LambdaHandler,
    nlu: Nlu,
    user_id: str = "amzn1.ask.account.RELIABILITY",
    device_id: str = "amzn1.ask.device.KITCHEN",
    **session: Any,
) -> Conversation:
    """A customer's Echo talking to ``handler``."""
    alexa = AlexaSession(clock=lambda: NOW, user_id=user_id, device_id=device_id, **session)
    return Conversation(handler, alexa, nlu)


def say(conversation: Conversation, text: str) -> str:
    """Say ``text``; check the response's invariants and that it is no catch-all apology."""
    exchange = conversation.say(text)
    assert_valid_response(exchange.response)
    assert en.ERROR not in exchange.speech, f"{text!r} hit the catch-all: {exchange.speech}"
    return exchange.speech


def heard(response: dict[str, Any]) -> str:
    """What a listener hears from a raw response, as text."""
    return ssml_to_text(speech_of(response))


def key_of(skill_settings: Any, conversation: Conversation) -> str:
    return user_key(conversation.session.user_id, skill_settings.user_key_secret)


def raw_item(admin: Any, table: str, key: str) -> dict[str, Any] | None:
    item: dict[str, Any] | None = admin.get_item(
        TableName=table, Key={KEY_ATTRIBUTE: {"S": key}}, ConsistentRead=True
    ).get("Item")
    return item


# --- faults ---------------------------------------------------------------------------------


class _Body:
    """The raw body botocore reads an injected response from."""

    def __init__(self, data: bytes) -> None:
        self._data = data

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._data


def error_response(status: int, code: str) -> Callable[[Any], AWSResponse]:
    """An injected DynamoDB error answer, as the service's JSON protocol sends it."""
    body = json.dumps(
        {"__type": f"com.amazonaws.dynamodb.v20120810#{code}", "message": "injected"}
    ).encode()
    headers = {"Content-Type": "application/x-amz-json-1.0", "x-amzn-RequestId": "injected"}
    return lambda request: AWSResponse(request.url, status, headers, _Body(body))


def raising(error: type[Exception]) -> Callable[[Any], AWSResponse]:
    """An injected transport failure (read or connect timeout) on every attempt."""

    def fail(request: Any) -> AWSResponse:
        raise error(endpoint_url=request.url)

    return fail


@dataclass(frozen=True)
class Fault:
    """A failure DynamoDB can answer with, for some operations or all of them."""

    name: str
    answer: Callable[[Any], AWSResponse]
    operations: frozenset[str] = frozenset()
    retried: bool = True

    def __str__(self) -> str:
        return self.name


class Injector:
    """Answers a client's attempts with ``fault`` (while ``active``), counting them by operation."""

    def __init__(self, client: Any, fault: Fault, *, first_attempt_only: bool = False) -> None:
        self.fault = fault
        self.active = True
        self.first_attempt_only = first_attempt_only
        self.attempts: Counter[str] = Counter()
        self._lock = threading.Lock()
        client.meta.events.register("before-send.dynamodb", self._before_send)

    def _before_send(self, request: Any, **_: Any) -> AWSResponse | None:
        target = request.headers.get("X-Amz-Target", b"")
        operation = (target.decode() if isinstance(target, bytes) else target).split(".")[-1]
        if not self.active or (self.fault.operations and operation not in self.fault.operations):
            return None
        with self._lock:
            self.attempts[operation] += 1
            count = self.attempts[operation]
        if self.first_attempt_only and count % 2 == 0:
            return None
        return self.fault.answer(request)
