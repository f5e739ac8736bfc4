"""Contacting ZOSI support (C1) and the steps of a claim (W3-W4, R1-R4, X1-X4)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.context import turn
from handlers.respond import answer, elicit
from handlers.slots import as_enum, current_intent, read_slot
from policy.claims import ClaimKind, claim_kind_for, claim_steps
from policy.model import Reason
from speech import en

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

CLAIM_TYPE = "claimType"


def contact_support(handler_input: HandlerInput) -> Response:
    """Answers "How do I contact ZOSI?" (C1)."""
    return answer(handler_input, en.contact_answer())


def start_claim(handler_input: HandlerInput) -> Response:
    """Answers "How do I start a return?" with the RMA steps of a refund, repair or replacement."""
    intent = current_intent(handler_input)
    reason = read_slot(intent, "reason")
    kind = claim_kind(read_slot(intent, CLAIM_TYPE).id, reason.id)
    if kind is None and reason.spoken is None:
        return elicit(handler_input, intent, "reason", (en.ASK_REASON,))
    if kind is None:
        return elicit(handler_input, intent, CLAIM_TYPE, (en.ASK_CLAIM_TYPE,))
    if turn(handler_input).linked:
        from handlers.linked import open_claim

        return open_claim(handler_input, intent, kind)
    return answer(handler_input, en.claim_steps_answer(kind.value, claim_steps(kind)))


def claim_status_request(handler_input: HandlerInput) -> Response:
    """Answers "What's the status of my return?" from the linked account's requests."""
    from handlers.linked import claim_status, link_card

    if turn(handler_input).linked:
        return claim_status(handler_input)
    return link_card(handler_input, (en.LINK_NEEDED,))


def claim_kind(claim_type: str | None, reason: str | None) -> ClaimKind | None:
    """The claim the customer named, else the one their reason implies."""
    named = as_enum(ClaimKind, claim_type)
    if named is not None:
        return named
    return claim_kind_for(as_enum(Reason, reason))
