"""The case: one typed record of what a conversation knows, wants and is waiting for.

A customer's session is one case. It holds the goal they are after (a refund, a
warranty repair...), every fact gathered so far with where it came from, and the
one question the skill is waiting on. Handlers never pass dicts between each
other: they decode the case from the session attributes, hand it to the service
layer with what the customer just said, and encode the case the service returns.

The codec is the only way in or out of the session attributes, and it trusts
nothing: attributes that arrive with a new session are ignored (Alexa never sends
any, so they are forged or stale), unknown keys and values outside their enums are
dropped, every value must have its fact's format (an enum value, a country code, a
date span...) and is capped in length, a question's data must fit its kind, and the
whole case is capped in size.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, Final, TypeVar

from conversation.record import Record
from domain.memory import COUNTRY_CODE, SLOT_ID
from policy.claims import ClaimKind
from policy.model import Channel, Condition, DateSpan, Reason

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
#: CHANNEL values besides :class:`policy.model.Channel`: "which AliExpress store?" and a gift.
GIFT, ALIEXPRESS = "gift", "aliexpress"
#: The data of a FACT question asked after a general answer ("...when did you buy yours?").
GENERAL: Final = "general"
#: The lead of the shop question that says until when a refund runs, AliExpress said (R1, R2).
REFUND_UNTIL_ALIEXPRESS: Final = "refund_until_aliexpress"
#: The leads of a shop question narrowed to AliExpress ("which store there?"): a question put
#: again after a detour keeps it, marked in its data with ALIEXPRESS (R2, R5).
NARROWED_TO_ALIEXPRESS: Final = frozenset({ALIEXPRESS, REFUND_UNTIL_ALIEXPRESS})

#: An account API order id (the contract gives no pattern: letters, digits and separators).
_ORDER_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:#/-]{0,63}")


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
    REGION = "region"
    """A RussianRegion id a delivery answer was for, for follow-ups this session (not stored)."""
    CONDITION = "condition"
    """A :class:`policy.model.Condition` value: the state of the product and its box (R3)."""
    ORDERED_ON = "ordered_on"
    """``YYYY-MM-DD``: the day of an order already placed that a delivery answer counted from."""
    SUBJECT = "subject"
    """A :class:`policy.facts.Subject` value: the family of the last general fact answered, so
    that a follow-up naming only an aspect ("for how long?" after what is stored) is about it;
    for the rest of the session only."""


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


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda value: pattern.fullmatch(value) is not None


def _is_name(value: str) -> bool:
    """Text a customer could have said: printable, no markup-breaking control characters."""
    return value.isprintable()


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
    if value is None or source is None or not valid_value(name, value):
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


def purchase_span(case: Case, *, guessed: bool = False) -> DateSpan | None:
    """The purchase span the case holds: settled only, or also a guess being checked."""
    fact = case.fact(FactName.PURCHASED) if guessed else None
    value = fact.value if fact is not None else case.value(FactName.PURCHASED)
    if value is None or case.unknown(FactName.PURCHASED):
        return None
    try:
        return span_of(value)
    except ValueError:
        return None


def _is_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == len("YYYY-MM-DD")


def _is_span(value: str) -> bool:
    try:
        span_of(value)
    except ValueError:
        return False
    return True


def _is_subject(value: str) -> bool:
    from policy.facts import Subject  # only a case that holds one loads the facts

    return member(Subject, value) is not None


#: What a value of each fact must look like (UNKNOWN aside); a value that does not is dropped.
FORMATS: Final[Mapping[FactName, Callable[[str], bool]]] = {
    FactName.PRODUCT: _matches(SLOT_ID),
    FactName.PRODUCT_NAME: _is_name,
    FactName.PURCHASED: _is_span,
    FactName.CHANNEL: lambda value: (
        value in {GIFT, ALIEXPRESS} or member(Channel, value) is not None
    ),
    FactName.REASON: lambda value: member(Reason, value) is not None,
    FactName.PURCHASE_COUNTRY: _matches(COUNTRY_CODE),
    FactName.HOME_COUNTRY: _matches(COUNTRY_CODE),
    FactName.CLAIM_KIND: lambda value: member(ClaimKind, value) is not None,
    FactName.ORDER: _matches(_ORDER_ID),
    FactName.REGION: _matches(SLOT_ID),
    FactName.CONDITION: lambda value: member(Condition, value) is not None,
    FactName.ORDERED_ON: _is_day,
    FactName.SUBJECT: _is_subject,
}


def valid_value(name: FactName, value: str) -> bool:
    """Whether ``value`` is something fact ``name`` can hold (its enum or format, and length)."""
    if not 0 < len(value) <= MAX_VALUE_CHARS:
        return False
    return value == UNKNOWN or FORMATS[name](value)


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
    values = tuple(_text(item) for item in data)
    kept = tuple(item for item in values if item is not None)
    if len(kept) != len(values) or not _data_fits(asks, about, kept):
        return None
    return Question(asks, about, attempts, kept)


def _data_fits(asks: Asks, about: str, data: tuple[str, ...]) -> bool:
    """Whether a question's data is what the skill itself would have put there.

    A date check keeps other readings (date spans); a fact question at most the
    GENERAL mark, and for the shop question the ALIEXPRESS mark; an offer what it acts
    on: a region id, or the order, request kind and reason of a request to open, or the
    who-pays topic an offer to check their purchase came after. Anything else was not
    written by the skill.
    """
    if asks is Asks.CONFIRM:
        return all(_is_span(item) for item in data)
    if asks is Asks.FACT:
        narrowed = ((ALIEXPRESS,), (GENERAL, ALIEXPRESS)) if about == FactName.CHANNEL else ()
        return data in {(), (GENERAL,), *narrowed}
    if asks is Asks.OFFER and about == Offer.REMEMBER_REGION:
        return len(data) == 1 and SLOT_ID.fullmatch(data[0]) is not None
    if asks is Asks.OFFER and about == Offer.CHECK_OWN_CASE:  # the who-pays fact said before it
        return data == () or (len(data) == 1 and SLOT_ID.fullmatch(data[0]) is not None)
    if asks is Asks.OFFER and about == Offer.OPEN_REQUEST:
        return (
            len(data) in {2, 3}
            and valid_value(FactName.ORDER, data[0])
            and member(ClaimKind, data[1]) is not None
            and all(member(Reason, item) is not None for item in data[2:])
        )
    return data == ()
