"""Answers from a linked customer's own ZOSI orders, and acting on them (P1-P9, R, W, X rules).

Account data is fetched for each request that needs it and never stored (P1 design
decision). A minor's account without a guardian's consent gets no personal answers
and anything stored for it is deleted (P7). Every request to ZOSI support is opened
once: its Idempotency-Key is derived from who asks about which order, what for, and
the day, so a retried or repeated request gets the first case back.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import TYPE_CHECKING

from ask_sdk_model.dialog.confirm_intent_directive import ConfirmIntentDirective
from ask_sdk_model.ui.link_account_card import LinkAccountCard

from adapters.account import AccountError, NotAllowed, Profile
from adapters.alexa_api import send_progressive
from handlers.context import Turn, turn
from handlers.errors import MinorWithoutConsentError
from handlers.orders import IN_TRANSIT_STATUSES, OrderView, candidates, views
from handlers.respond import ANYTHING_ELSE, OFFER_WARRANTY, answer, elicit, follow_up, speak
from handlers.slots import as_enum, read_slot
from policy.claims import ClaimKind, claim_steps
from policy.crossship import CrossShipDecision, evaluate_cross_ship
from policy.dates import DateParseError, FutureDateError, parse_amazon_date, resolve_purchase_date
from policy.model import DateSpan, Reason, Verdict
from policy.returns import ReturnDecision, evaluate_return
from policy.warranty import WarrantyDecision, evaluate_warranty
from speech import en
from speech.ssml import Phrase, phrase, to_ssml

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response


def link_card(handler_input: HandlerInput, speech: Phrase) -> Response:
    """Explain, send the LinkAccount card, and keep the conversation going (P2)."""
    handler_input.response_builder.set_card(LinkAccountCard())
    turn(handler_input).ask_pending(ANYTHING_ELSE)
    return speak(handler_input, speech, (en.ANYTHING_ELSE,))


def profile_allowed(handler_input: HandlerInput) -> Profile:
    """The linked customer's profile, once P7 allows personal answers.

    A progressive response goes out first, so a slow account API does not mean
    silence.

    Raises:
        MinorWithoutConsentError: P7 forbids personal answers; stored data was deleted.
        LinkRequired, AccountUnavailable: from the account API.
    """
    current = turn(handler_input)
    send_progressive(handler_input, to_ssml((en.LOOKING_UP,), current.now.year))
    profile = current.accounts.profile(current.access_token or "")
    if profile.minor and not profile.guardian_consent:
        current.erase()
        raise MinorWithoutConsentError
    return profile


def customer(handler_input: HandlerInput) -> tuple[Profile, list[OrderView]]:
    """The linked customer's profile and orders, fetched fresh for this request."""
    current = turn(handler_input)
    profile = profile_allowed(handler_input)
    return profile, views(current.accounts.orders(current.access_token or ""), current.zone)


def _window_answer(handler_input: HandlerInput, topic: str, product: str | None) -> Response:
    current = turn(handler_input)
    profile, orders = customer(handler_input)
    pool = candidates(orders, kind=product)
    if product is not None and not pool:
        return follow_up(handler_input, (en.NO_MATCHING_ORDER.format(product=product),))
    entries = []
    for view in pool:
        facts = view.facts(profile)
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision
        if topic == "refund":
            decision = evaluate_return(facts, current.today)
        elif topic == "warranty":
            decision = evaluate_warranty(facts, current.today)
        else:
            decision = evaluate_cross_ship(facts, current.today)
        referral = getattr(decision, "referral", None)
        entries.append((view.product, view.ordered_on, decision.verdict, decision.window, referral))
    titles = {
        "refund": "Refunds on your orders",
        "warranty": "Warranty on your orders",
        "cross_ship": "Advance replacement on your orders",
    }
    return answer(handler_input, en.orders_answer(topic, entries, titles[topic]))


def answer_from_orders(handler_input: HandlerInput, topic: str, intent: Intent) -> Response:
    """Refund, warranty or cross-shipping status of the customer's own orders (R1, W1, X1)."""
    return _window_answer(handler_input, topic, read_slot(intent, "product").id)


def track_orders(handler_input: HandlerInput) -> Response:
    """Where the customer's parcels are: carrier, tracking number, status (D5)."""
    _, orders = customer(handler_input)
    parcels = [
        (
            view.product,
            view.ordered_on,
            view.order.status,
            view.order.tracking.carrier if view.order.tracking else None,
            view.order.tracking.number if view.order.tracking else None,
        )
        for view in candidates(orders, statuses=IN_TRANSIT_STATUSES)
    ]
    return answer(handler_input, en.parcels_answer(parcels))


def claim_status(handler_input: HandlerInput) -> Response:
    """The customer's return, repair and replacement requests (GET /me/support-requests)."""
    current = turn(handler_input)
    profile_allowed(handler_input)
    requests = current.accounts.support_requests(current.access_token or "")
    rows = [
        (r.request_id, r.kind, r.status, r.created_at.astimezone(current.zone).date(), r.rma_code)
        for r in requests
    ]
    return answer(handler_input, en.requests_answer(rows))


def open_claim(handler_input: HandlerInput, intent: Intent, kind: ClaimKind) -> Response:
    """Find the order, the reason and a yes, check the policy, then open the request once."""
    current = turn(handler_input)
    profile, orders = customer(handler_input)
    view = _the_order(handler_input, intent, orders)
    if not isinstance(view, OrderView):
        return view
    reason = as_enum(Reason, read_slot(intent, "reason").id)
    if reason is None:
        return elicit(handler_input, intent, "reason", (en.ASK_REASON,))
    refused = _policy_refusal(handler_input, view, profile, kind, reason)
    if refused is not None:
        return refused
    label = en.order_label(view.product, view.ordered_on)
    status = getattr(intent.confirmation_status, "value", "NONE")
    if status == "DENIED":
        return follow_up(handler_input, (en.CLAIM_NOT_OPENED,))
    if status != "CONFIRMED":
        current.clear_pending()
        handler_input.response_builder.add_directive(ConfirmIntentDirective(updated_intent=intent))
        question = en.confirm_claim(kind.value, label, reason.value)
        return speak(handler_input, (), question)
    return submit_claim(handler_input, view, kind, reason)


def _the_order(
    handler_input: HandlerInput, intent: Intent, orders: list[OrderView]
) -> OrderView | Response:
    """The one order the customer means, or the question that narrows several down."""
    product = read_slot(intent, "product")
    span = _spoken_span(intent, turn(handler_input))
    pool = candidates(orders, kind=product.id, ordered_on=span)
    if not pool:
        text = (
            en.NO_MATCHING_ORDER.format(product=product.name or product.spoken)
            if product.spoken
            else en.NO_ORDERS
        )
        return follow_up(handler_input, (text,))
    labels = [en.order_label(view.product, view.ordered_on) for view in pool]
    if product.id is None and len({view.kind for view in pool}) > 1:
        return elicit(handler_input, intent, "product", en.which_order(labels))
    if span is None and len({view.ordered_on for view in pool}) > 1:
        return elicit(handler_input, intent, "purchaseDate", en.which_order(labels))
    return pool[0]  # the same product on the same day: the newest order


def submit_claim(
    handler_input: HandlerInput, view: OrderView, kind: ClaimKind, reason: Reason
) -> Response:
    """POST the request with its Idempotency-Key and read back its number and next steps."""
    current = turn(handler_input)
    label = en.order_label(view.product, view.ordered_on)
    try:
        request, created = current.accounts.open_support_request(
            current.access_token or "",
            order_id=view.order.order_id,
            kind=kind.value,
            reason=reason.value,
            idempotency_key=idempotency_key(current, view.order.order_id, kind, reason),
        )
    except NotAllowed:
        return follow_up(handler_input, (en.CLAIM_NOT_ALLOWED,))
    result = en.claim_opened(request.request_id, kind.value, label, claim_steps(kind), created)
    return answer(handler_input, result)


def accept_warranty_offer(handler_input: HandlerInput, order_id: str, reason: str) -> Response:
    """Open a warranty repair after a yes, where the 30 days rule out a refund."""
    _, orders = customer(handler_input)
    view = next((v for v in orders if v.order.order_id == order_id), None)
    parsed = as_enum(Reason, reason)
    if view is None or parsed is None:
        return follow_up(handler_input, (en.NO_ORDERS,))
    return submit_claim(handler_input, view, ClaimKind.WARRANTY_REPAIR, parsed)


def idempotency_key(current: Turn, order_id: str, kind: ClaimKind, reason: Reason) -> str:
    """The same customer, order, kind and reason on the same day always give the same key.

    So Alexa retrying a request, or the customer asking twice, opens one case; a
    keyed hash keeps the user id out of what ZOSI receives.
    """
    material = "|".join(
        (current.user_key or "", order_id, kind.value, reason.value, current.today.isoformat())
    )
    digest = hmac.new(current.settings.user_key_secret, material.encode(), hashlib.sha256)
    return f"alexa-{digest.hexdigest()}"


def _policy_refusal(
    handler_input: HandlerInput,
    view: OrderView,
    profile: Profile,
    kind: ClaimKind,
    reason: Reason,
) -> Response | None:
    """Never ask ZOSI for what the policy rules out; offer the warranty route instead (R1, W1)."""
    current = turn(handler_input)
    facts = view.facts(profile, reason)
    warranty = evaluate_warranty(facts, current.today)
    if kind is ClaimKind.REFUND_RETURN:
        verdict = evaluate_return(facts, current.today).verdict
    elif kind is ClaimKind.CROSS_SHIP:
        verdict = evaluate_cross_ship(facts, current.today).verdict
    else:
        verdict = warranty.verdict
    if verdict is Verdict.YES:
        return None
    label = en.order_label(view.product, view.ordered_on)
    if (
        kind is ClaimKind.REFUND_RETURN
        and warranty.window.last_day
        and warranty.verdict is Verdict.YES
    ):
        current.ask_pending(OFFER_WARRANTY, order_id=view.order.order_id, reason=reason.value)
        question = en.refund_closed_offer_warranty(label, warranty.window.last_day)
        return speak(handler_input, (), question)
    return follow_up(handler_input, en.claim_closed(kind.value, label))


def _spoken_span(intent: Intent, current: Turn) -> DateSpan | None:
    spoken = read_slot(intent, "purchaseDate").spoken
    if spoken is None:
        return None
    try:
        return resolve_purchase_date(parse_amazon_date(spoken, current.today), current.today).span
    except (DateParseError, FutureDateError):
        return None


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
    return phrase(en.POLICY_NOTICE, " ")
