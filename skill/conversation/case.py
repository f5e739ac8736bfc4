"""The case: one typed record of what a conversation knows, wants and is waiting for.

A customer's session is one case. It holds the goal they are after (a refund, a
warranty repair...), every fact gathered so far with where it came from, and the
one question the skill is waiting on. Handlers never pass dicts between each
other: they decode the case from the session attributes, hand it to the service
layer with what the customer just said, and encode the case the service returns.

The codec is the only way in or out of the session attributes, and it trusts
nothing: attributes that arrive with a new session are ignored (Alexa never sends
any, so they are forged or stale), unknown keys and values outside their enums are
dropped, every value is capped in length and the whole case in size.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Final, TypeVar

from conversation.record import Record
from policy.model import DateSpan

E = TypeVar("E", bound=StrEnum)

#: The session attribute the case lives in.
CASE_ATTRIBUTE: Final = "case"
#: Longest value a fact may hold (a product name, a shop name, an ISO date span).
MAX_VALUE_CHARS: Final = 100
#: Largest encoded case accepted back from a session; anything larger is dropped whole.
MAX_CASE_CHARS: Final = 2048
#: The value of a fact the customer could not tell ("I don't know where I bought it").
UNKNOWN: Final = "?"
#: How many alternative readings of a guessed date a case keeps.
MAX_READINGS: Final = 3


class Goal(StrEnum):
    """What the customer is after in this conversation."""

    REFUND = "refund"
    """R1-R6: can it go back for a full refund."""
    WARRANTY = "warranty"
    """W1-W9: is it still covered by the warranty."""
    CROSS_SHIP = "cross_ship"
    """X1-X4: can ZOSI send a replacement first."""
    CLAIM = "claim"
    """Start a return, repair or replacement (the RMA steps, or a request when linked)."""


class Source(StrEnum):
    """Where a fact came from, which decides whether a decision may rest on it."""

    SAID = "said"
    """The customer said it."""
    GUESSED = "guessed"
    """Read from what they said, but ambiguous (a date Alexa put in the future): ask first."""
    CONFIRMED = "confirmed"
    """A guess the customer confirmed."""
    ORDER = "order"
    """From the linked account's order."""
    REMEMBERED = "remembered"
    """From the purchase the customer asked the skill to remember."""


class FactName(StrEnum):
    """The facts a case can gather; values are strings in the formats below."""

    PRODUCT = "product"
    """A ProductType slot id ("camera")."""
    PRODUCT_NAME = "product_name"
    """How to name the product ("camera", "ZOSI C190 camera")."""
    PURCHASED = "purchased"
    """The purchase span, ``"YYYY-MM-DD/YYYY-MM-DD"``."""
    CHANNEL = "channel"
    """A :class:`policy.model.Channel` value, ``"aliexpress"`` (which store?) or ``"gift"``."""
    REASON = "reason"
    """A :class:`policy.model.Reason` value."""
    PURCHASE_COUNTRY = "purchase_country"
    """ISO 3166-1 alpha-2 country of purchase."""
    HOME_COUNTRY = "home_country"
    """ISO 3166-1 alpha-2 country the customer is in now."""
    CLAIM_KIND = "claim_kind"
    """A :class:`policy.claims.ClaimKind` value."""
    ORDER = "order"
    """The order id of the linked account's order the case is about."""


class Fact(Record):
    """One fact and where it came from."""

    value: str
    source: Source

    @property
    def settled(self) -> bool:
        """Whether a decision may rest on it (a guess must be confirmed first)."""
        return self.source is not Source.GUESSED


class Asks(StrEnum):
    """The kinds of question the skill can be waiting on."""

    FACT = "fact"
    """One missing fact; lasts until answered, and survives an interruption."""
    CONFIRM = "confirm"
    """Yes or no to a guessed fact; lasts one turn."""
    OFFER = "offer"
    """Yes or no to an action the skill offered; lasts one turn."""
    MORE = "more"
    """"Anything else?"; lasts one turn."""


class Offer(StrEnum):
    """Actions the skill offers and performs only after a yes to that very offer."""

    REMEMBER_PURCHASE = "remember_purchase"
    REMEMBER_REGION = "remember_region"
    DELETE_DATA = "delete_data"
    WITHDRAW_CONSENT = "withdraw_consent"
    OPEN_REQUEST = "open_request"
    CHECK_OWN_CASE = "check_own_case"


class Question(Record):
    """The one question the skill is waiting on.

    Attributes:
        kind: What sort of answer it waits for.
        about: The fact (FACT, CONFIRM) or the offer (OFFER) it is about.
        attempts: How many times it has been asked without a usable answer.
        data: What the answer acts on: the other readings of a guessed date, or the
            region, order, kind and reason an offer would act with.
    """

    kind: Asks
    about: str = ""
    attempts: int = 1
    data: tuple[str, ...] = ()

    @property
    def lasts_one_turn(self) -> bool:
        """Yes/no questions: a yes on any later turn must never act on them."""
        return self.kind is not Asks.FACT


class Case(Record):
    """Everything a conversation knows, wants and waits for."""

    goal: Goal | None = None
    facts: Mapping[FactName, Fact] = {}
    question: Question | None = None

    def fact(self, name: FactName) -> Fact | None:
        """The fact ``name``, if gathered."""
        return self.facts.get(name)

    def value(self, name: FactName) -> str | None:
        """The value of a settled fact ``name`` (None when missing, a guess, or not known)."""
        fact = self.facts.get(name)
        if fact is None or not fact.settled or fact.value == UNKNOWN:
            return None
        return fact.value

    def unknown(self, name: FactName) -> bool:
        """Whether the customer could not tell ``name``, so answers go on without it."""
        fact = self.facts.get(name)
        return fact is not None and fact.value == UNKNOWN

    def with_facts(self, changes: Mapping[FactName, Fact | None]) -> Case:
        """The case with facts added, replaced, or removed (None)."""
        facts = dict(self.facts)
        for name, fact in changes.items():
            if fact is None:
                facts.pop(name, None)
            else:
                facts[name] = fact
        return self._replace(facts=facts)

    @property
    def waiting(self) -> Question | None:
        """The open question for a missing fact, which a detour does not close."""
        question = self.question
        return question if question is not None and question.kind is Asks.FACT else None


# --- the codec --------------------------------------------------------------------------------


def encode(case: Case) -> dict[str, Any]:
    """The case as JSON-safe session attributes (short keys: they travel on every turn)."""
    out: dict[str, Any] = {}
    if case.goal is not None:
        out["g"] = case.goal.value
    if case.facts:
        out["f"] = {
            name.value: [fact.value, fact.source.value] for name, fact in case.facts.items()
        }
    if case.question is not None:
        q = case.question
        out["q"] = [q.kind.value, q.about, q.attempts, list(q.data)]
    return out


def decode(raw: object, *, new_session: bool) -> Case:
    """The case from session attributes, keeping only what passes every check.

    Args:
        raw: The value of the ``case`` attribute, as it arrived.
        new_session: Alexa starts every session with no attributes, so whatever a
            new session carries was not written by this skill and is ignored.
    """
    if new_session or not isinstance(raw, Mapping):
        return Case()
    try:
        if len(json.dumps(raw)) > MAX_CASE_CHARS:
            return Case()
    except (TypeError, ValueError):
        return Case()
    goal = member(Goal, raw.get("g"))
    facts: dict[FactName, Fact] = {}
    raw_facts = raw.get("f")
    if isinstance(raw_facts, Mapping):
        for key, pair in raw_facts.items():
            name = member(FactName, key)
            fact = None if name is None else _fact(name, pair)
            if name is not None and fact is not None:
                facts[name] = fact
    return Case(goal, facts, _question(raw.get("q")))


def member(kind: type[E], value: object) -> E | None:
    """``kind(value)``, or None for anything that is not one of its values (None, "", junk)."""
    if not isinstance(value, str):
        return None
    try:
        return kind(value)
    except ValueError:
        return None


def _text(value: object) -> str | None:
    if isinstance(value, str) and 0 < len(value) <= MAX_VALUE_CHARS:
        return value
    return None


def _fact(name: FactName, pair: object) -> Fact | None:
    if not isinstance(pair, list) or len(pair) != 2:
        return None
    value, source = _text(pair[0]), member(Source, pair[1])
    if value is None or source is None:
        return None
    if name is FactName.PURCHASED and value != UNKNOWN and not _is_span(value):
        return None
    return Fact(value, source)


def span_text(span: DateSpan) -> str:
    """The value of a PURCHASED fact: the span as ``"YYYY-MM-DD/YYYY-MM-DD"``."""
    return f"{span.earliest.isoformat()}/{span.latest.isoformat()}"


def span_of(value: str) -> DateSpan:
    """The span a PURCHASED fact holds.

    Raises:
        ValueError: The value is not ``"YYYY-MM-DD/YYYY-MM-DD"`` with the first day first.
    """
    earliest, _, latest = value.partition("/")
    return DateSpan(date.fromisoformat(earliest), date.fromisoformat(latest))


def _is_span(value: str) -> bool:
    try:
        span_of(value)
    except ValueError:
        return False
    return True


def _about(asks: Asks, about: str) -> bool:
    """Whether a question of kind ``asks`` can be about ``about``: a fact, an offer, or nothing."""
    if asks in {Asks.FACT, Asks.CONFIRM}:
        return member(FactName, about) is not None
    if asks is Asks.OFFER:
        return member(Offer, about) is not None
    return about == ""


def _question(raw: object) -> Question | None:
    if not isinstance(raw, list) or len(raw) != 4:
        return None
    kind, about, attempts, data = raw
    asks = member(Asks, kind)
    if asks is None or not isinstance(about, str) or not _about(asks, about):
        return None
    if not isinstance(attempts, int) or isinstance(attempts, bool) or not 1 <= attempts <= 9:
        return None
    if not isinstance(data, list) or len(data) > MAX_READINGS + 1:
        return None
    values = [_text(item) for item in data]
    if any(item is None for item in values):
        return None
    return Question(asks, about, attempts, tuple(item for item in values if item is not None))
