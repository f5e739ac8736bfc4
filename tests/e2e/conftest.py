"""The real Lambda handler, wired to an in-memory store, and a simulated Alexa around it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

import pytest

import app
from adapters.store import InMemoryUserStore
from devtools.account_server import LocalAccountService
from devtools.cli import Conversation, local_environment
from devtools.envelopes import AlexaSession
from devtools.fixtures import FIXTURE_TIME
from devtools.nlu import Nlu
from domain.memory import UserState
from handlers.context import Services
from settings import Settings

TODAY = date(2026, 11, 21)


@pytest.fixture
def settings() -> Settings:
    return Settings.from_env(local_environment({}))


class CountingStore(InMemoryUserStore):
    """The in-memory store, counting every call a request makes."""

    def __init__(self) -> None:
        super().__init__(clock=lambda: FIXTURE_TIME)
        self.calls: list[str] = []

    def load(self, key: str) -> UserState:
        self.calls.append("load")
        return super().load(key)

    def update(self, key: str, changes: Mapping[str, object]) -> UserState:
        self.calls.append("update")
        return super().update(key, changes)

    def delete(self, key: str) -> None:
        self.calls.append("delete")
        super().delete(key)


@pytest.fixture
def store() -> CountingStore:
    return CountingStore()


@pytest.fixture
def handler(settings: Settings, store: InMemoryUserStore) -> app.LambdaHandler:
    return app.make_handler(Services(settings, store, clock=lambda: FIXTURE_TIME))


@pytest.fixture(scope="session")
def nlu() -> Nlu:
    return Nlu.for_locale("en-US", TODAY)


@pytest.fixture
def alexa(handler: app.LambdaHandler, nlu: Nlu) -> Conversation:
    clock = lambda: datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # noqa: E731
    return Conversation(handler, AlexaSession(clock=clock), nlu)


def invoke(handler: app.LambdaHandler, event: dict[str, Any]) -> dict[str, Any]:
    return handler(event, None)


@pytest.fixture
def service() -> Iterator[LocalAccountService]:
    """The local ZOSI account service with the demo customers, on 127.0.0.1."""
    with LocalAccountService(TODAY) as running:
        yield running
