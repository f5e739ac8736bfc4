"""Answers from a linked customer's own ZOSI account, and acting on it (P1-P9).

Account data is fetched for each request that needs it and never stored (P1 design
decision). A minor's account without a guardian's consent gets no personal answers
and anything stored for it is deleted (P7). Every request to ZOSI support is opened
once: its Idempotency-Key is derived from who asks about which order and for which
kind of request, so a retried or repeated request gets the first case back, whatever
the day or the reason given the second time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ask_sdk_model.ui.link_account_card import LinkAccountCard

from adapters.account import AccountError, IdempotencyConflict, NotAllowed
from adapters.alexa_api import send_progressive
from conversation.service import request_decision
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
from handlers.respond import finish
from policy.claims import ClaimKind, claim_steps
from policy.model import Reason
from policy.privacy import may_use_account
from speech import say
from speech.ssml import Phrase, phrase, to_ssml

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

    from conversation.service import OrderFacts


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
    parcels = [
        (
            order_name(order),
            order.placed_at.astimezone(current.zone).date(),
            order.status,
            order.tracking.carrier if order.tracking else None,
            order.tracking.number if order.tracking else None,
        )
        for order in orders
        if order.status in IN_TRANSIT_STATUSES
    ]
    if product is not None and not parcels:
        return finish(handler_input, (say.NOT_ON_ITS_WAY.format(product=name or product),))
    return finish(handler_input, say.parcels_answer(parcels))


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


def submit_request(
    handler_input: HandlerInput, order: OrderFacts, kind: str, reason: str
) -> Response:
    """POST the request the customer said yes to, and read back its number and next steps.

    The service decided, with the costs said, that the policy allows it; ZOSI's
    account platform may still refuse (422), which is said as it is.
    """
    current = turn(handler_input)
    order_id = order.order_id
    label = say.order_label(order.product, order.ordered_on, kind=order.kind)
    token = current.access_token or ""
    try:
        request, created = current.accounts.open_support_request(
            token,
            order_id=order_id,
            kind=kind,
            reason=reason,
            idempotency_key=idempotency_key(current, order_id, kind),
        )
    except NotAllowed:
        return finish(handler_input, (say.CLAIM_NOT_ALLOWED,))
    except IdempotencyConflict:
        # The same request was opened before with another reason: that one is the case.
        earlier = next(
            (
                r
                for r in current.accounts.support_requests(token)
                if r.order_id == order_id and r.kind == kind
            ),
            None,
        )
        if earlier is None:
            raise
        request, created = earlier, False
    decision = request_decision(order, ClaimKind(kind), Reason(reason), current.today)
    steps = claim_steps(ClaimKind(kind), decision.steps)
    return finish(handler_input, say.claim_opened(request.request_id, kind, label, steps, created))


def idempotency_key(current: Turn, order_id: str, kind: str) -> str:
    """The same customer, order and kind of request always give the same key.

    So Alexa retrying a request, or the customer asking twice (after midnight, after
    a failed time-zone lookup, or with another reason), opens one case; nothing that
    varies between asks (the day, the reason) goes in. A keyed hash keeps the user
    id out of what ZOSI receives.
    """
    import hashlib  # only a linked customer's request needs it (3 ms of cold start)
    import hmac

    material = "|".join((current.user_key or "", order_id, kind))
    digest = hmac.new(current.settings.user_key_secret, material.encode(), hashlib.sha256)
    return f"alexa-{digest.hexdigest()}"


def policy_notice(handler_input: HandlerInput) -> Phrase:
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
    if accepted is None:
        try:
            accepted = current.accounts.profile(current.access_token or "").privacy_policy_version
        except AccountError:
            return ()  # the notice waits for a launch when the account can be read
    elif accepted >= version:
        return ()  # the stored link record answers it: no lookup to spare, nothing to write
    current.save({"policy_notice_version": version})
    if accepted is not None and accepted >= version:
        return ()  # the profile shows it accepted: recorded so the profile is not asked again
    return phrase(say.POLICY_NOTICE, " ")
