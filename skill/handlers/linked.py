"""Answers from a linked customer's own ZOSI account, and acting on it (P1-P9).

Account data is fetched for each request that needs it and never stored (P1 design
decision). A minor's account without a guardian's consent gets no personal answers
and anything stored for it is deleted (P7). Every request to ZOSI support is opened
once per ZOSI account: the account's open requests are read first, and the
Idempotency-Key comes from the account, the order, the kind of request and how many
of that kind were closed before, so a retried or repeated request, or the same ask
from another Alexa user linked to the account, gets the first case back.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Final

from ask_sdk_model.ui.link_account_card import LinkAccountCard

from adapters.account import (
    AccountError,
    AccountUnavailable,
    IdempotencyConflict,
    InsufficientScope,
    NotAllowed,
    NotFound,
)
from adapters.alexa_api import send_progressive
from conversation.case import Offer
from conversation.delivery import arrives_by
from conversation.service import tracked
from domain.account import Profile
from handlers.context import Turn, turn
from handlers.errors import MinorWithoutConsentError
from handlers.orders import (
    IN_TRANSIT_STATUSES,
    all_order_facts,
    newest_first,
    order_name,
    product_kind,
)
from handlers.respond import finish, offer
from policy.claims import ClaimKind, claim_steps
from policy.privacy import may_use_account
from speech import say
from speech.ssml import Phrase, phrase, to_ssml

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

    from conversation.steps import Decision, OrderFacts, Perform
    from domain.account import SupportRequest

logger = logging.getLogger(__name__)
#: Request attribute: the profile read in this request, so it is read once (P7, issue 18).
_PROFILE: Final = "profile"


def link_card(handler_input: HandlerInput, speech: Phrase) -> Response:
    """Explain, send the LinkAccount card, and keep the conversation going (P2)."""
    handler_input.response_builder.set_card(LinkAccountCard())
    return finish(handler_input, speech)


def profile_allowed(handler_input: HandlerInput) -> Profile:
    """The linked customer's profile, once P7 allows personal answers.

    A progressive response goes out first, so a slow account API does not mean
    silence.

    Raises:
        MinorWithoutConsentError: P7 forbids personal answers; stored data was deleted.
        LinkRequired, AccountUnavailable: from the account API.
    """
    cached = handler_input.attributes_manager.request_attributes.get(_PROFILE)
    if isinstance(cached, Profile):
        return cached
    current = turn(handler_input)
    looking_up = to_ssml((say.LOOKING_UP,), current.now.year)
    send_progressive(
        handler_input,
        looking_up,
        allow_loopback=current.settings.local,
        ca_dir=current.settings.tls_ca_dir,
    )
    profile = current.accounts.profile(current.access_token or "")
    if not may_use_account(profile.minor, profile.guardian_consent):
        current.erase()
        raise MinorWithoutConsentError
    handler_input.attributes_manager.request_attributes[_PROFILE] = profile
    return profile


def customer_orders(handler_input: HandlerInput) -> tuple[OrderFacts, ...]:
    """The linked customer's orders as policy facts, fetched fresh for this request."""
    current = turn(handler_input)
    profile = profile_allowed(handler_input)
    orders = current.accounts.orders(current.access_token or "")
    return all_order_facts(orders, profile, current.zone)


def track_orders(handler_input: HandlerInput, product: str | None, name: str | None) -> Response:
    """Where the customer's parcels are (D5): all on their way, or the product asked about."""
    current = turn(handler_input)
    profile_allowed(handler_input)
    orders = newest_first(current.accounts.orders(current.access_token or ""))
    if product is not None:
        orders = [o for o in orders if any(product_kind(i.name) == product for i in o.items)]
    on_its_way = [order for order in orders if order.status in IN_TRANSIT_STATUSES]
    parcels = [
        (
            order_name(order),
            order.placed_at.astimezone(current.zone).date(),
            order.status,
            order.tracking.carrier if order.tracking else None,
            order.tracking.number if order.tracking else None,
        )
        for order in on_its_way
    ]
    if product is not None and not parcels:
        return finish(handler_input, (say.NOT_ON_ITS_WAY.format(product=name or product),))
    kinds = {product_kind(item.name) for order in on_its_way for item in order.items}
    if len(on_its_way) == 1 and len(kinds) == 1:  # "can I return it?" next is about it
        (kind,) = kinds
        if kind is not None:
            current.keep(tracked(current.case, on_its_way[0].order_id, kind))
    # one parcel: the last day D4's window gives it ("when will my doorbell get here?"); with
    # that day behind it, no day is promised and ZOSI support can look into it (D4, C1)
    by = arrives_by(parcels[0][1], current.today) if len(parcels) == 1 else None
    late = len(parcels) == 1 and by is None
    return finish(handler_input, say.parcels_answer(parcels, arrives_by=by, late=late))


def claim_status(handler_input: HandlerInput) -> Response:
    """The customer's return, repair and replacement requests (GET /me/support-requests)."""
    current = turn(handler_input)
    profile_allowed(handler_input)
    requests = current.accounts.support_requests(current.access_token or "")
    rows = [
        (r.request_id, r.kind, r.status, r.created_at.astimezone(current.zone).date(), r.rma_code)
        for r in requests
    ]
    return finish(handler_input, say.requests_answer(rows))


def submit_request(handler_input: HandlerInput, step: Perform) -> Response:
    """POST the request the customer said yes to, once per ZOSI account, and read it back.

    The service took the decision again at the yes (issue 18), so ``step`` carries
    the order as the account shows it now and the decision whose steps are read back.
    The account's own requests are read first: one still open for this order and
    kind is the case, whoever opened it (another Alexa user linked to the same
    account, another device); a closed or rejected one lets a new one be opened.
    ZOSI's platform may still refuse (422), which is said as it is. A POST whose
    answer never came (a timeout after ZOSI may have created it) is checked against
    the account's requests, never reported as an account that could not be reached.
    """
    current = turn(handler_input)
    order = step.order
    if order is None or step.decision is None or len(step.data) < 3:
        return finish(handler_input, (say.OKAY,))
    kind, reason = step.data[1], step.data[2]
    token = current.access_token or ""
    account_id = profile_allowed(handler_input).account_id
    earlier = _requests_for(current, token, order.order_id, kind)
    pending = next((r for r in earlier if r.status in OPEN_STATUSES), None)
    if pending is not None:
        return _opened(handler_input, order, step.decision, pending, created=False)
    generation = len(earlier)  # every earlier one is closed or rejected: a new generation
    try:
        request, created = current.accounts.open_support_request(
            token,
            order_id=order.order_id,
            kind=kind,
            reason=reason,
            idempotency_key=idempotency_key(current, account_id, order.order_id, kind, generation),
        )
    except NotAllowed:
        return finish(handler_input, (say.CLAIM_NOT_ALLOWED,))
    except IdempotencyConflict:
        # The same key was sent with another reason (another device, at the same moment).
        found = _open_request(current, token, order.order_id, kind)
        if found is None:
            raise
        request, created = found, False
    except (InsufficientScope, NotFound):
        raise
    except AccountUnavailable:
        return _uncertain(handler_input, order, step, token)
    return _opened(handler_input, order, step.decision, request, created=created)


#: Support requests still being handled: another of the same kind for the order is not opened.
OPEN_STATUSES: Final = frozenset({"received", "authorized"})


def _requests_for(current: Turn, token: str, order_id: str, kind: str) -> list[SupportRequest]:
    """The account's requests of ``kind`` for ``order_id`` (GET /me/support-requests)."""
    return [
        r
        for r in current.accounts.support_requests(token)
        if r.order_id == order_id and r.kind == kind
    ]


def _open_request(current: Turn, token: str, order_id: str, kind: str) -> SupportRequest | None:
    """The account's open request of ``kind`` for ``order_id``, if it has one."""
    earlier = _requests_for(current, token, order_id, kind)
    return next((r for r in earlier if r.status in OPEN_STATUSES), None)


def _opened(
    handler_input: HandlerInput,
    order: OrderFacts,
    decision: Decision,
    request: SupportRequest,
    *,
    created: bool,
) -> Response:
    """Read back the request's number and its next steps (W3, W4, X1-X4)."""
    kind = ClaimKind(request.kind)
    label = say.order_label(order.product, order.ordered_on, kind=order.kind)
    steps = claim_steps(kind, decision.steps)
    answer = say.claim_opened(request.request_id, kind.value, label, steps, created)
    return finish(handler_input, answer)


def _uncertain(
    handler_input: HandlerInput, order: OrderFacts, step: Perform, token: str
) -> Response:
    """The POST failed without an answer: ZOSI may have opened the request all the same.

    The account's requests say whether it did; when they cannot be read either, the
    customer hears that it may already be open, and the offer stays: a yes sends
    the same key again, which ZOSI answers with the first request if there is one.
    """
    current = turn(handler_input)
    try:
        found = _open_request(current, token, order.order_id, step.data[1])
    except AccountError as exc:
        logger.warning("support requests unreadable after a failed POST: %s", type(exc).__name__)
        found = None
    if found is not None and step.decision is not None:
        return _opened(handler_input, order, step.decision, found, created=True)
    return offer(
        handler_input,
        Offer.OPEN_REQUEST,
        (say.REQUEST_MAY_BE_OPEN,),
        (say.CHECK_REQUEST_AGAIN,),
        *step.data,
    )


def idempotency_key(
    current: Turn, account_id: str, order_id: str, kind: str, generation: int
) -> str:
    """One key per ZOSI account, order, kind of request and generation of it (issue 18).

    So Alexa retrying a request, the customer asking twice (after midnight, with
    another reason) or two Alexa users linked to the same ZOSI account open one
    case; after relinking to another ZOSI account the key is another, so the old
    account's request is never replayed; and ``generation`` (how many requests of
    this kind for this order were closed or rejected) lets a new one follow a closed
    one. Nothing that varies between asks (the day, the reason, the Alexa user) goes
    in. A keyed hash keeps the account id out of the key.
    """
    import hashlib  # only a linked customer's request needs it (3 ms of cold start)
    import hmac

    material = "|".join((account_id, order_id, kind, str(generation)))
    digest = hmac.new(current.settings.user_key_secret, material.encode(), hashlib.sha256)
    return f"alexa-{digest.hexdigest()}"


def policy_notice(handler_input: HandlerInput) -> Phrase:  # noqa: PLR0911 - one per case
    """P8: once, at the next launch after the privacy policy changed, say so.

    The version the customer accepted is recorded when they link; an older link
    falls back to the version their ZOSI profile reports; the version in force is
    then marked as dealt with, so the profile is asked once per policy version, not
    at every launch.
    """
    current = turn(handler_input)
    if not current.linked:
        return ()
    version = current.settings.privacy_policy_version
    state = current.state()
    if state.policy_notice_version == version:
        return ()
    accepted = state.accepted_policy_version
    if accepted is not None and accepted >= version:
        return ()  # the stored link record answers it: no lookup to spare, nothing to write
    try:  # a write follows: P7 first (issue 18), and the profile's version when none is stored
        profile = current.accounts.profile(current.access_token or "")
    except AccountError:
        return ()  # the notice waits for a launch when the account can be read
    if not may_use_account(profile.minor, profile.guardian_consent):
        current.erase()  # P7: nothing is kept for a minor's account without consent
        return ()
    accepted = accepted or profile.privacy_policy_version
    current.save({"policy_notice_version": version})
    if accepted is not None and accepted >= version:
        return ()  # the profile shows it accepted: recorded so the profile is not asked again
    return phrase(say.POLICY_NOTICE, " ")
