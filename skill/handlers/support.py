"""Contacting ZOSI support (C1) and the status of a linked customer's requests."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.context import turn
from handlers.respond import finish
from speech import say

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response


def contact_support(handler_input: HandlerInput) -> Response:
    """Answers "How do I contact ZOSI?" (C1)."""
    return finish(handler_input, say.contact_answer())


def claim_status_request(handler_input: HandlerInput) -> Response:
    """Answers "What's the status of my return?" from the linked account's requests.

    Not linked, "how long will the repair take" still gets what is known: the terms set no
    time for it, and the account or ZOSI support can say where theirs is (C1).
    """
    from handlers.linked import claim_status, link_card

    if turn(handler_input).linked:
        return claim_status(handler_input)
    return link_card(handler_input, (say.REQUESTS_NEED_LINK,))
