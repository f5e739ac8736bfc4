"""What every handler needs about the current request, computed lazily and at most once.

A :class:`Turn` is created per request by an interceptor. Nothing in it is
computed until a handler asks: a help request never reads the clock's zone, and
a policy answer that needs no remembered facts never touches DynamoDB. State
read from the store is cached in the session attributes, so it is read at most
once per session, and written only when something changed.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adapters.account_errors import LinkRequired
from adapters.alexa_api import device_time_zone
from adapters.store import StateUnreadable, StoreError, UserStore, user_key
from conversation.case import CASE_ATTRIBUTE, Case, decode, encode
from domain.memory import RememberedPurchase, UserState

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.user import User

    from adapters.account import AccountGateway
    from settings import Settings

logger = logging.getLogger(__name__)

TURN = "turn"
#: Session attribute: the customer withdrew consent in this session (P6).
WITHDRAWN = "withdrawn"
_STATE = "state"
_ZONE = "zone"


class Services(NamedTuple):
    """The adapters a request may use, built once per Lambda container.

    ``accounts`` is None when no account API is configured: linked customers then
    get the same general answers as everyone else.
    """

    settings: Settings
    store: UserStore
    accounts: AccountGateway | None = None


class Turn:
    """One request's view of the user, the clock and the session."""

    def __init__(self, handler_input: HandlerInput, services: Services) -> None:
        """Wrap the request; nothing is read yet."""
        self._input = handler_input
        self.services = services
        self.settings = services.settings
        self.state_failed = False
        self._store_down = False
        self._scratch: dict[str, Any] = {}

    @property
    def handler_input(self) -> HandlerInput:
        """The request this turn wraps."""
        return self._input

    # --- request facts ------------------------------------------------------------------------

    @property
    def session(self) -> dict[str, Any]:
        """The session attributes (a scratch dict for out-of-session events)."""
        if self._input.request_envelope.session is None:
            return self._scratch
        attributes = self._input.attributes_manager.session_attributes
        if attributes is None:
            return self._scratch
        return attributes

    @cached_property
    def locale(self) -> str:
        """The request's locale, en-US when Alexa sent none."""
        return str(getattr(self._input.request_envelope.request, "locale", None) or "en-US")

    @cached_property
    def now(self) -> datetime:
        """The request's own timestamp (UTC): the skill never reads the Lambda clock for "now"."""
        stamp = getattr(self._input.request_envelope.request, "timestamp", None)
        if not isinstance(stamp, datetime):
            return datetime.now(UTC)
        return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)

    @cached_property
    def zone(self) -> ZoneInfo:
        """The device's time zone (cached per session), else the configured default.

        Looked up only when an answer reads ``today``: a launch, contact details or a policy
        fact never call the Settings API. Every answer that does read it keeps it (issue 10:
        measured, not skipped): a dated answer (days left, a last day, a delivery day) moves
        by a day near midnight in a wrong zone, and a dialog turn that reads today before the
        customer gives a date only pays one turn early the call that the session, and the
        container's cache of device zones, then spare every later turn.
        """
        cached = self.session.get(_ZONE)
        if isinstance(cached, str):
            try:
                return ZoneInfo(cached)
            except (ZoneInfoNotFoundError, ValueError):
                pass
        zone = device_time_zone(self._input) or self.settings.default_time_zone
        self.session[_ZONE] = zone.key
        return zone

    @cached_property
    def today(self) -> date:
        """Today in the customer's own time zone."""
        return self.now.astimezone(self.zone).date()

    @property
    def has_user(self) -> bool:
        """Whether the request names an Alexa user (skill events and tests may not)."""
        user = _user(self._input)
        return user is not None and bool(user.user_id)

    @cached_property
    def user_key(self) -> str | None:
        """The keyed hash that stands for this user in storage and logs; None without a user."""
        user = _user(self._input)
        if user is None or not user.user_id:
            return None
        return user_key(user.user_id, self.settings.user_key_secret)

    @property
    def access_token(self) -> str | None:
        """The account-linking token, if the customer linked their ZOSI account."""
        user = _user(self._input)
        token = None if user is None else user.access_token
        return token or None

    @property
    def linked(self) -> bool:
        """Whether answers may come from the customer's own ZOSI account (P2).

        Not after the customer withdrew consent in this session (P6): Alexa keeps
        sending the token until the link is gone on its side too.
        """
        return (
            self.access_token is not None
            and self.services.accounts is not None
            and not self.session.get(WITHDRAWN)
        )

    def withdraw(self) -> None:
        """Stop using the linked account for the rest of this session (P6)."""
        self.session[WITHDRAWN] = True

    @property
    def accounts(self) -> AccountGateway:
        """The account API (only for a linked customer: check :attr:`linked` first).

        Raises:
            LinkRequired: no account API or no token, so the customer must link.
        """
        if self.services.accounts is None:
            raise LinkRequired("account linking is not configured")
        return self.services.accounts

    # --- remembered state ---------------------------------------------------------------------

    def state(self) -> UserState:
        """What is stored for this user: read from the store once per session.

        When the store cannot be read the skill carries on without it
        (``state_failed`` tells the handler to say so) and tries again next session.
        """
        cached = self.session.get(_STATE)
        if isinstance(cached, dict):
            return state_from_session(cached)
        if self.user_key is None:
            return UserState()
        try:
            state = self.services.store.load(self.user_key)
        except StoreError as exc:
            logger.warning("state read failed: %s", type(exc).__name__)
            self.state_failed = True
            # An unreadable item can still be replaced; a store that failed cannot be written.
            self._store_down = not isinstance(exc, StateUnreadable)
            return UserState()
        self.session[_STATE] = state_to_session(state)
        return state

    def save(self, changes: dict[str, object]) -> bool:
        """Store ``changes`` (which the customer asked for); True only when the write happened.

        Only turns that change something call this, so a turn that changes nothing
        never writes. The write does not depend on the session's cached copy of the
        state: that copy may be older than another device's write, and comparing
        against it could acknowledge a save that never reached the table. Nor does
        it read first, so one turn spends at most one store call's time on it.
        After a failed read in the same turn it is not attempted: it reports False
        and the customer is told.
        """
        if self._store_down or self.user_key is None:
            return False
        store = self.services.store
        try:
            try:
                state = store.update(self.user_key, changes, self.now)
            except StateUnreadable:
                # The write landed on an item that was already unreadable, so what it
                # holds besides these changes is garbage: replace it with just them.
                store.delete(self.user_key)
                state = store.update(self.user_key, changes, self.now)
        except StoreError as exc:
            logger.warning("state write failed: %s", type(exc).__name__)
            return False
        self.session[_STATE] = state_to_session(state)
        return True

    def erase(self) -> bool:
        """Delete everything stored for this user (P5); True when it is gone."""
        if self.user_key is None:
            return True
        try:
            self.services.store.delete(self.user_key)
        except StoreError as exc:
            logger.warning("state delete failed: %s", type(exc).__name__)
            return False
        self.session[_STATE] = state_to_session(UserState())
        return True

    # --- the case: what this conversation knows and waits for ---------------------------------

    @property
    def new_session(self) -> bool:
        """Whether this request opens a session (its attributes then count for nothing)."""
        session = self._input.request_envelope.session
        return session is None or bool(session.new)

    @cached_property
    def case(self) -> Case:
        """The conversation's case, decoded (and verified) from the session attributes."""
        return decode(self.session.get(CASE_ATTRIBUTE), new_session=self.new_session)

    def keep(self, case: Case) -> None:
        """Keep ``case`` for the next turn of the session."""
        self.__dict__["case"] = case
        encoded = encode(case)
        if encoded:
            self.session[CASE_ATTRIBUTE] = encoded
        else:
            self.session.pop(CASE_ATTRIBUTE, None)


def _user(handler_input: HandlerInput) -> User | None:
    context = handler_input.request_envelope.context
    system = context.system if context is not None else None
    return system.user if system is not None else None


def turn(handler_input: HandlerInput) -> Turn:
    """The :class:`Turn` the interceptor attached to this request."""
    value = handler_input.attributes_manager.request_attributes[TURN]
    assert isinstance(value, Turn)
    return value


def purchase_to_session(purchase: RememberedPurchase) -> dict[str, Any]:
    """A JSON-safe copy of a purchase, for the session attributes."""
    return {
        "product": purchase.product,
        "earliest": purchase.earliest.isoformat(),
        "latest": purchase.latest.isoformat(),
        "channel": purchase.channel,
        "gift": purchase.gift,
        "purchase_country": purchase.purchase_country,
    }


def purchase_from_session(raw: dict[str, Any]) -> RememberedPurchase:
    """Rebuild a purchase saved by :func:`purchase_to_session`.

    Raises:
        KeyError, TypeError, ValueError: the data is not such a copy.
    """
    return RememberedPurchase(
        product=raw.get("product"),
        earliest=date.fromisoformat(raw["earliest"]),
        latest=date.fromisoformat(raw["latest"]),
        channel=raw.get("channel"),
        gift=bool(raw.get("gift", False)),
        purchase_country=raw.get("purchase_country"),
    )


def state_to_session(state: UserState) -> dict[str, Any]:
    """A JSON-safe copy of the state for the session attributes."""
    return {
        "region": state.region,
        "purchase": None if state.purchase is None else purchase_to_session(state.purchase),
        "linked_at": state.linked_at.isoformat() if state.linked_at else None,
        "accepted_policy_version": state.accepted_policy_version,
        "policy_notice_version": state.policy_notice_version,
        "version": state.version,
    }


def state_from_session(data: dict[str, Any]) -> UserState:
    """Rebuild the state cached by :func:`state_to_session` (garbage gives an empty state)."""
    try:
        raw = data.get("purchase")
        purchase = purchase_from_session(raw) if isinstance(raw, dict) else None
        linked = data.get("linked_at")
        return UserState(
            region=data.get("region"),
            purchase=purchase,
            linked_at=datetime.fromisoformat(linked) if isinstance(linked, str) else None,
            accepted_policy_version=data.get("accepted_policy_version"),
            policy_notice_version=data.get("policy_notice_version"),
            version=int(data.get("version", 0)),
        )
    except (KeyError, TypeError, ValueError):
        return UserState()
