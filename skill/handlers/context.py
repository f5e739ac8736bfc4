"""What every handler needs about the current request, computed lazily and at most once.

A :class:`Turn` is created per request by an interceptor. Nothing in it is
computed until a handler asks: a help request never reads the clock's zone, and
a policy answer that needs no remembered facts never touches DynamoDB. State
read from the store is cached in the session attributes, so it is read at most
once per session, and written only when something changed.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from adapters.account_errors import AccountError, LinkRequired
from adapters.alexa_api import device_time_zone
from adapters.secrets import SecretUnavailable
from adapters.store import (
    StateUnreadable,
    StoreError,
    StoreUnavailable,
    UserStore,
    user_key,
    utc_now,
)
from conversation.case import CASE_ATTRIBUTE, Asks, Case, Offer, decode, encode
from domain.memory import POLICY_VERSION, SLOT_ID, RememberedPurchase, UserState, fits
from speech.ssml import Phrase, phrase_from_json, phrase_to_json

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.interfaces.system.system_state import SystemState
    from ask_sdk_model.user import User

    from adapters.account import AccountGateway
    from policy.facts import Explanation, Topic
    from policy.model import Condition, Reason
    from settings import Settings

logger = logging.getLogger(__name__)

TURN = "turn"
#: Session attribute: the customer withdrew consent in this session (P6).
WITHDRAWN = "withdrawn"
_STATE = "state"
_ZONE = "zone"
#: Longest time zone name kept from the session ("America/Argentina/ComodRivadavia" is 32).
MAX_ZONE_CHARS: Final = 64
#: The session attribute holding the skill's last words, for "say that again".
SAID: Final = "said"
#: Largest ``said`` attribute kept (as JSON): a spoken answer is one breath, a few hundred
#: characters; a forged 16,000-character one must not make a response over Alexa's limit.
MAX_SAID_CHARS: Final = 3000
#: An intent or slot name is short.
MAX_NAME_CHARS: Final = 64
#: The session attribute carrying the seal of the others: ``[turn, issued, mac]`` (below).
SEAL: Final = "seal"
#: How long after it was sealed a response's attributes are believed (seconds): Alexa closes a
#: session whose customer says nothing for two prompts, about 16 s.
MAX_SEAL_AGE: Final = 300
#: The largest attributes a seal is checked over: the skill's own are far smaller.
MAX_SEALED_CHARS: Final = 16_384
#: What the seal's key is derived for, from the user-key secret (never that secret itself).
SEAL_KEY_PURPOSE: Final = b"zosi-care/session-seal/v1"
#: Offers whose yes deletes data, revokes the link, opens a request or reads the account.
SEALED_OFFERS: Final = frozenset(
    {Offer.DELETE_DATA, Offer.WITHDRAW_CONSENT, Offer.OPEN_REQUEST, Offer.CHECK_OWN_CASE}
)
#: How far a request's timestamp may be from the Lambda's clock and still count as "now": Alexa
#: itself holds a request older than 150 s to be a replay (its request-signature rules). A
#: request dated further off was written by its sender, and moves no decision.
REQUEST_TIME_TOLERANCE: Final = timedelta(seconds=150)


class Services(NamedTuple):
    """The adapters a request may use, built once per Lambda container.

    ``accounts`` is None when no account API is configured: linked customers then
    get the same general answers as everyone else. ``clock`` is the Lambda's clock,
    the only time anything is stored with (the store keeps its own, the same one in
    production) and what "now" is checked against; tests and the local tools pass the
    clock of the day they simulate.
    """

    settings: Settings
    store: UserStore
    accounts: AccountGateway | None = None
    clock: Callable[[], datetime] = utc_now


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
        #: A second fact the customer asked for in the same breath, said after this turn's
        #: answer and before its question when the turn stays one breath (handlers.respond).
        self.also: Phrase = ()
        #: This turn's answer in one sentence, said in its place when the whole answer and the
        #: second fact would not fit in one breath together.
        self.short_answer: Phrase = ()
        #: The answer's first sentence is a whole answer (a decision's yes or no), said
        #: alone before the second fact when neither of the above fits with it.
        self.first_stands_alone = False
        #: The answer's first sentence only says why the rest hangs on a condition ("That
        #: depends on the exact day you bought it."): the rest may be said without it.
        self.first_may_go = False
        #: The turn's question without its choices ("Where did you buy it?"), asked in its
        #: place when the second fact fits only so; the reprompt still gives the choices.
        self.brief_question: Phrase = ()

    def fact(
        self, topic: Topic, reason: Reason | None = None, condition: Condition | None = None
    ) -> Explanation:
        """One policy fact as :func:`policy.facts.explain` gives it, for this deployment.

        The skill's own storage period (P9) is a setting the policy core does not read.
        """
        from policy.facts import explain

        return explain(
            topic,
            retention_days=self.settings.state_ttl_days,
            reason=reason,
            condition=condition,
        )

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
        """The request's time (UTC) when the Lambda's clock agrees with it, else the Lambda's.

        Every decision counts from here, the ones that lead to an action (a request opened,
        a purchase remembered) as much as the answers, so the request's own timestamp is
        believed only within :data:`REQUEST_TIME_TOLERANCE` of the Lambda's clock: a
        timestamp a year back cannot reopen a closed refund window, and 1971 or 9999 cannot
        overflow date arithmetic. The local tools and tests that simulate another day give
        the skill that day's clock (``Services.clock``), as Lambda's would be on it.
        """
        lambda_now = self.clock_now
        stamp = getattr(self._input.request_envelope.request, "timestamp", None)
        if not isinstance(stamp, datetime):
            return lambda_now
        stamp = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
        try:
            believable = abs(stamp - lambda_now) <= REQUEST_TIME_TOLERANCE
        except (OverflowError, ValueError):
            believable = False
        return stamp.astimezone(UTC) if believable else lambda_now

    @property
    def clock_now(self) -> datetime:
        """The Lambda's clock: the time of link bookkeeping and every write (P9)."""
        return self.services.clock()

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
        cached = _zone_of(self.session.get(_ZONE))
        if cached is not None:
            return cached
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
        """The account-linking token of whoever speaks, if they linked their ZOSI account.

        Where Alexa recognised the voice (``context.System.person``), only that person's own
        link counts (issue 18; README, "Voice profiles"): a recognised speaker without a
        link of their own gets no account read or action through the shared account's
        link. Without a person Alexa gives no way to tell speakers apart: the account-level
        link applies.
        """
        system = _system(self._input)
        person = None if system is None else system.person
        if person is not None:
            return person.access_token or None
        return self._shared_token

    @property
    def _shared_token(self) -> str | None:
        """The Amazon account's own link (``context.System.user.accessToken``)."""
        user = _user(self._input)
        token = None if user is None else user.access_token
        return token or None

    @property
    def has_link(self) -> bool:
        """Whether Alexa sent a link the customer has not withdrawn in this session.

        Cheap (no store read): for choices that read no account, such as not offering to
        remember what the account already knows. Check :attr:`linked` before any account read.
        """
        return (
            self.access_token is not None
            and self.services.accounts is not None
            and self.session.get(WITHDRAWN) is not True
        )

    @property
    def linked(self) -> bool:
        """Whether answers may come from the customer's own ZOSI account (P2).

        Not after the customer withdrew consent in this session (P6): Alexa keeps
        sending the token until the link is gone on its side too; nor while a withdrawal
        whose revocation failed is stored (one store read, made only when this is asked).
        """
        return self.has_link and not self._withdrawal_stored()

    def _withdrawal_stored(self) -> bool:
        """P6 beyond the session (issue 18): a withdrawal whose link revocation failed.

        The store keeps a marker (``withdrawn_at``) until the revocation succeeds: while it
        is there the account is never read, and the revocation is tried again, once a
        session. Once revoked, the marker goes: the old token is dead, and a working one can
        only come from a new link, which is new consent.
        """
        if not self.has_user or self.state().withdrawn_at is None:
            return False
        self.withdraw()
        try:
            self.accounts.revoke_link(self.access_token or "")
        except AccountError as exc:
            logger.warning("link revocation failed again: %s", type(exc).__name__)
            return True
        self.save({"withdrawn_at": None})
        return True

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

    def _stored_key(self) -> str:
        """The user's key for a store call (callers check :attr:`has_user` first).

        Raises:
            StoreUnavailable: the HMAC key could not be read (``adapters.secrets``), so no
                item can be addressed: the turn goes on as when DynamoDB is down.
        """
        try:
            key = self.user_key
        except SecretUnavailable as exc:
            raise StoreUnavailable("the user key secret is unavailable") from exc
        if key is None:
            raise StoreUnavailable("the request names no user")
        return key

    def state(self, *, fresh: bool = False) -> UserState:
        """What is stored for this user: read from the store once per session.

        When the store cannot be read the skill carries on without it
        (``state_failed`` tells the handler to say so) and tries again next session.
        A link record read without an account token means the customer unlinked:
        everything stored is deleted then (P5) and the state is empty.

        Args:
            fresh: Read the store even when the session holds a copy: what the
                customer is told is held about them comes from the store (P4), not
                from a copy that travelled through the session.
        """
        cached = None if fresh else state_from_session(self.session.get(_STATE))
        if cached is not None:
            return cached
        if not self.has_user:
            return UserState()
        try:
            state = self.services.store.load(self._stored_key())
        except StoreError as exc:
            logger.warning("state read failed: %s", type(exc).__name__)
            self.state_failed = True
            # An unreadable item can still be replaced; a store that failed cannot be written.
            self._store_down = not isinstance(exc, StateUnreadable)
            return UserState()
        if state.linked_at is not None and self._shared_token is None:
            # P5: stored as linked, yet Alexa sends no token: the customer unlinked in the
            # Alexa app (no event says so), and an unlinked account's data is deleted.
            logger.info("link record without a token: deleting what is stored")
            self.erase()
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
        if self._store_down or not self.has_user:
            return False
        store = self.services.store
        try:
            key = self._stored_key()
            try:
                state = store.update(key, changes)
            except StateUnreadable:
                # The write landed on an item that was already unreadable, so what it
                # holds besides these changes is garbage: replace it with just them.
                store.delete(key)
                state = store.update(key, changes)
        except (StoreError, TypeError, ValueError) as exc:
            # TypeError, ValueError: a value without its field's format is never stored.
            logger.warning("state write failed: %s", type(exc).__name__)
            return False
        self.session[_STATE] = state_to_session(state)
        return True

    def erase(self) -> bool:
        """Delete everything stored for this user (P5); True when it is gone."""
        if not self.has_user:
            return True
        try:
            self.services.store.delete(self._stored_key())
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

    @property
    def said_before(self) -> Said | None:
        """What the skill said on the turn before, as this session kept it (None in a new one)."""
        return None if self.new_session else said_from_session(self.session.get(SAID))

    @cached_property
    def opening(self) -> Case:
        """The case as the request brought it, decoded (and verified) from the session."""
        return decode(self.session.get(CASE_ATTRIBUTE), new_session=self.new_session)

    @cached_property
    def case(self) -> Case:
        """The conversation's case: as the request brought it, until this turn keeps another."""
        return self.opening

    def keep(self, case: Case) -> None:
        """Keep ``case`` for the next turn of the session."""
        _ = self.opening  # read before the session attribute is replaced
        self.__dict__["case"] = case
        encoded = encode(case)
        if encoded:
            self.session[CASE_ATTRIBUTE] = encoded
        else:
            self.session.pop(CASE_ATTRIBUTE, None)


def _system(handler_input: HandlerInput) -> SystemState | None:
    context = handler_input.request_envelope.context
    return context.system if context is not None else None


def _user(handler_input: HandlerInput) -> User | None:
    system = _system(handler_input)
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


def purchase_from_session(raw: Mapping[str, Any]) -> RememberedPurchase:
    """Rebuild a purchase saved by :func:`purchase_to_session`, with every check it had.

    Raises:
        KeyError, TypeError, ValueError: the data is not such a copy.
    """
    return RememberedPurchase(
        product=raw.get("product"),
        earliest=date.fromisoformat(raw["earliest"]),
        latest=date.fromisoformat(raw["latest"]),
        channel=raw.get("channel"),
        gift=raw.get("gift", False),
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
        "withdrawn_at": state.withdrawn_at.isoformat() if state.withdrawn_at else None,
        "version": state.version,
    }


def state_from_session(data: object) -> UserState | None:
    """Rebuild the state cached by :func:`state_to_session`; None unless every field passes.

    Each value must have the format the store itself would accept, so a forged
    copy can hold nothing the store could not (no free text, no oversize value).
    """
    if not isinstance(data, Mapping):
        return None
    region = data.get("region")
    versions = (data.get("accepted_policy_version"), data.get("policy_notice_version"))
    version = data.get("version", 0)
    raw = data.get("purchase")
    linked = data.get("linked_at")
    withdrawn = data.get("withdrawn_at")
    well_formed = (
        (region is None or fits(SLOT_ID, region))
        and all(v is None or fits(POLICY_VERSION, v) for v in versions)
        and isinstance(version, int)
        and not isinstance(version, bool)
        and version >= 0
        and (raw is None or isinstance(raw, Mapping))
        and (linked is None or isinstance(linked, str))
        and (withdrawn is None or isinstance(withdrawn, str))
    )
    if not well_formed:
        return None
    try:
        linked_at = None if linked is None else datetime.fromisoformat(linked)
        withdrawn_at = None if withdrawn is None else datetime.fromisoformat(withdrawn)
        if any(t is not None and t.tzinfo is None for t in (linked_at, withdrawn_at)):
            return None
        return UserState(
            region=region,
            purchase=None if raw is None else purchase_from_session(raw),
            linked_at=linked_at,
            accepted_policy_version=versions[0],
            policy_notice_version=versions[1],
            withdrawn_at=withdrawn_at,
            version=version,
        )
    except (KeyError, TypeError, ValueError):
        return None


def _zone_of(value: object) -> ZoneInfo | None:
    """The time zone a session attribute names, if it is a real zone's name."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ZONE_CHARS:
        return None
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def verified_session(
    raw: object,
    *,
    new_session: bool,
    binding: Callable[[], SessionBinding | None] | None = None,
) -> dict[str, Any]:
    """The session attributes worth keeping: the skill's own, each one checked.

    Alexa sends a new session no attributes, so whatever a new session carries is
    forged or stale and is dropped whole. Later in a session only the attributes
    the skill writes are kept, and only with values that pass their checks (the
    case through its codec, the stored-state copy through the store's formats, a
    real time zone, ``withdrawn`` as True), so no unknown attribute is ever echoed
    back in the response and none is larger than its own cap. What the skill acts on
    (:func:`needs_seal`) is kept only under a seal that ``binding`` verifies: this
    session, this user, a recent turn (:func:`sealed`); without one it is dropped, as if
    the session had just begun.
    """
    if new_session or not isinstance(raw, Mapping):
        return {}
    kept: dict[str, Any] = {}
    case = encode(decode(raw.get(CASE_ATTRIBUTE), new_session=False))
    if case:
        kept[CASE_ATTRIBUTE] = case
    state = state_from_session(raw.get(_STATE))
    if state is not None:
        kept[_STATE] = state_to_session(state)
    if _zone_of(raw.get(_ZONE)) is not None:
        kept[_ZONE] = raw[_ZONE]
    if raw.get(WITHDRAWN) is True:
        kept[WITHDRAWN] = True
    said = said_from_session(raw.get(SAID))
    said_attribute = None if said is None else said_to_session(said)
    if said_attribute is not None:
        kept[SAID] = said_attribute
    turn = None if binding is None else _sealed_turn(raw, binding)
    if turn is None:
        return _without_acted_on(kept)
    kept[SEAL] = turn
    return kept


# --- the seal: what the skill acts on comes back only from this session and this user ----------


class SessionBinding(NamedTuple):
    """What a seal binds the session attributes to, and the key it is made with.

    Attributes:
        session_id: The Alexa session the attributes belong to.
        user_key: The keyed hash of the Alexa user (never the raw id).
        key: The seal's HMAC key, derived from the user-key secret.
        now: The Lambda's clock, in epoch seconds.
    """

    session_id: str
    user_key: str
    key: bytes
    now: int

    @classmethod
    def of(
        cls, session_id: object, user_id: object, secret: Callable[[], bytes], now: datetime
    ) -> SessionBinding | None:
        """The binding of a request, or None without a session, a user or the secret."""
        if not isinstance(session_id, str) or not isinstance(user_id, str):
            return None
        if not session_id or not user_id:
            return None
        try:
            secret_bytes = secret()
        except SecretUnavailable:
            return None
        import hashlib  # deferred: only a turn that seals or checks a seal needs them
        import hmac

        key = hmac.new(secret_bytes, SEAL_KEY_PURPOSE, hashlib.sha256).digest()
        user = user_key(user_id, secret_bytes)
        return cls(session_id, user, key, int(now.timestamp()))

    def mac(self, turn: int, issued: int, attributes: Mapping[str, Any]) -> str:
        """The HMAC-SHA256 over this session, this user, the turn, its time and the values."""
        import hashlib
        import hmac

        message = json.dumps(
            ["s1", self.session_id, self.user_key, turn, issued, attributes],
            sort_keys=True,
            separators=(",", ":"),
        )
        return hmac.new(self.key, message.encode("utf-8"), hashlib.sha256).hexdigest()


def request_binding(
    session_id: object, user_id: object, services: Services
) -> Callable[[], SessionBinding | None]:
    """The binding of a request's session and user, computed on first use and at most once."""
    from functools import cache

    settings = services.settings
    return cache(
        lambda: SessionBinding.of(
            session_id, user_id, lambda: settings.user_key_secret, services.clock()
        )
    )


def seal_response(response: dict[str, Any], event: Mapping[str, Any], services: Services) -> None:
    """Seal the session attributes of ``response``, the skill's answer to ``event`` (in place).

    Done on the serialised response, after the SDK, so every answer is sealed the same way,
    the exception handlers' too (the SDK skips response interceptors after an exception).
    """
    attributes = response.get("sessionAttributes")
    if not isinstance(attributes, Mapping) or not attributes:
        return
    session = event.get("session")
    context = event.get("context")
    system = context.get("System") if isinstance(context, Mapping) else None
    user = system.get("user") if isinstance(system, Mapping) else None
    binding = request_binding(
        session.get("sessionId") if isinstance(session, Mapping) else None,
        user.get("userId") if isinstance(user, Mapping) else None,
        services,
    )
    response["sessionAttributes"] = sealed(attributes, binding)


def needs_seal(attributes: Mapping[str, Any]) -> bool:
    """Whether ``attributes`` hold something the skill acts on without asking again.

    An offer whose yes deletes data, withdraws consent, opens a request or reads the
    linked account; the withdrawal of this session; the copy of the stored state. The
    rest (the facts said, the question for one, a check of a date, an offer to remember,
    the zone, the last words) is what the customer could say again in a new session, so
    it travels checked for its format but unsealed: sealing it would read the user-key
    secret on the first turn of every cold container (about 1 s here), which a policy
    answer never needs.
    """
    if attributes.get(WITHDRAWN) is True or _STATE in attributes:
        return True
    question = decode(attributes.get(CASE_ATTRIBUTE), new_session=False).question
    return question is not None and question.kind is Asks.OFFER and question.about in SEALED_OFFERS


def sealed(
    attributes: Mapping[str, Any], binding: Callable[[], SessionBinding | None]
) -> dict[str, Any]:
    """The attributes a response carries: sealed when :func:`needs_seal`, else as they are.

    The seal is ``[turn, issued, mac]``: the turn one after the sealed turn this request
    came with (1 for the first), the Lambda's clock, and an HMAC over the session id, the
    user key, both and every other attribute. A request brings it back unchanged; any
    change, another session or user, or an age past :data:`MAX_SEAL_AGE` breaks it. When
    no seal can be made (no user, the secret unreadable), what needs one is left out.
    """
    previous = attributes.get(SEAL)
    body = {name: value for name, value in attributes.items() if name != SEAL}
    if not needs_seal(body):
        return body
    bound = binding()
    if bound is None:
        return _without_acted_on(body)
    turn = previous + 1 if isinstance(previous, int) and not isinstance(previous, bool) else 1
    return {**body, SEAL: [turn, bound.now, bound.mac(turn, bound.now, body)]}


def _sealed_turn(
    raw: Mapping[str, Any], binding: Callable[[], SessionBinding | None]
) -> int | None:
    """The turn of the seal ``raw`` carries, if it is one this skill made for this request."""
    seal = raw.get(SEAL)
    body = {name: value for name, value in raw.items() if name != SEAL}
    well_formed = (
        isinstance(seal, list)
        and len(seal) == 3
        and all(isinstance(n, int) and not isinstance(n, bool) for n in seal[:2])
        and seal[0] >= 1
        and isinstance(seal[2], str)
        and _json_size(body, MAX_SEALED_CHARS) <= MAX_SEALED_CHARS
    )
    bound = binding() if well_formed else None
    if bound is None:
        return None
    turn, issued, mac = seal  # type: ignore[misc]
    skew = int(REQUEST_TIME_TOLERANCE.total_seconds())
    import hmac

    recent = -skew <= bound.now - issued <= MAX_SEAL_AGE
    return turn if recent and hmac.compare_digest(bound.mac(turn, issued, body), mac) else None


def _without_acted_on(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """``attributes`` less what needs a seal: a fresh start's worth, and the context."""
    kept = {
        name: value for name, value in attributes.items() if name not in {_STATE, WITHDRAWN, SEAL}
    }
    case = decode(kept.get(CASE_ATTRIBUTE), new_session=False)
    if case.question is not None and needs_seal({CASE_ATTRIBUTE: encode(case)}):
        kept.pop(CASE_ATTRIBUTE)
        rest = encode(case._replace(question=None))
        if rest:
            kept[CASE_ATTRIBUTE] = rest
    return kept


class Said(NamedTuple):
    """What the skill said last, kept in the session so it can say it again.

    The phrases are kept, not their SSML: "say that again" renders them once more through
    :func:`speech.ssml.to_ssml`, which escapes every piece of text, so nothing in the
    attribute can become markup (an ``<audio>`` tag, a broken ``<speak>``) however it was
    made, and nothing longer than :data:`MAX_SAID_CHARS` is kept.

    Attributes:
        speech: What was said before the question.
        question: The question it ended with.
        reprompt: The reprompt.
        elicit: ``(intent, slot)`` of the Dialog.ElicitSlot it carried, if any (checked
            against the slots the skill elicits before it goes out again).
    """

    speech: Phrase
    question: Phrase
    reprompt: Phrase
    elicit: tuple[str, str] | None = None


def said_to_session(said: Said) -> dict[str, Any] | None:
    """The ``said`` attribute for ``said``; None when it would be larger than any kept."""
    out: dict[str, Any] = {
        "s": phrase_to_json(said.speech),
        "q": phrase_to_json(said.question),
        "r": phrase_to_json(said.reprompt),
    }
    if said.elicit is not None:
        out["e"] = list(said.elicit)
    return out if _json_size(out) <= MAX_SAID_CHARS else None


def said_from_session(raw: object) -> Said | None:
    """The last words from the ``said`` attribute, or None unless every part is well formed."""
    if not isinstance(raw, Mapping) or _json_size(raw) > MAX_SAID_CHARS:
        return None
    speech, question, reprompt = (phrase_from_json(raw.get(part)) for part in ("s", "q", "r"))
    if speech is None or not question or not reprompt:
        return None
    elicit = raw.get("e")
    names = (
        (elicit[0], elicit[1])
        if isinstance(elicit, list)
        and len(elicit) == 2
        and all(isinstance(n, str) and 0 < len(n) <= MAX_NAME_CHARS for n in elicit)
        else None
    )
    if elicit is not None and names is None:
        return None
    return Said(speech, question, reprompt, names)


def _json_size(value: object, cap: int = MAX_SAID_CHARS) -> int:
    """How many characters ``value`` takes as JSON (more than ``cap`` when it is not JSON)."""
    try:
        return len(json.dumps(value))
    except (TypeError, ValueError, RecursionError):
        return cap + 1
