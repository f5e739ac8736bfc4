"""Personal data: what the skill does with it, holds, deletes; withdrawing consent (P1-P9)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from adapters.account import AccountError
from conversation.case import Case, Offer
from handlers.context import turn
from handlers.names import ASPECT, TOPIC
from handlers.respond import finish, offer
from speech import say

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)


def privacy_policy(handler_input: HandlerInput) -> Response:
    """Answers "What do you do with my data?" (P1-P9 as the skill applies them).

    A question that names one privacy fact ("do you share my data?", "is it encrypted?")
    gets that fact (P1, P3, P5, P8, P9), not the overview.
    """
    from conversation.case import member
    from handlers.slots import current_intent, read_slot
    from policy.facts import PRIVACY_TOPICS, Topic, explain

    if _asks_how_long(handler_input):
        return _retention(handler_input)
    days = turn(handler_input).settings.state_ttl_days
    topic = member(Topic, read_slot(current_intent(handler_input), TOPIC).id)
    if topic in PRIVACY_TOPICS:
        return finish(handler_input, say.fact_answer(explain(topic, retention_days=days)))
    return finish(handler_input, say.privacy_answer(days))


def my_data(handler_input: HandlerInput) -> Response:
    """Answers "What do you know about me?": exactly what is stored (P4), read from the store.

    "How long do you keep what you know about me?" asks the keeping period instead (P9).
    """
    if _asks_how_long(handler_input):
        return _retention(handler_input)
    current = turn(handler_input)
    state = current.state(fresh=True)
    if current.state_failed:
        return finish(handler_input, (say.STATE_UNAVAILABLE.strip(),))
    from domain.memory import stored_fields
    from policy.regions import find_region

    region = find_region(state.region) if state.region else None
    result = say.stored_data_answer(stored_fields(state), region.name if region else None)
    return finish(handler_input, result)


def delete_my_data(handler_input: HandlerInput) -> Response:
    """Answers "Delete my data": asks first; the yes deletes everything stored (P5).

    "After how many years do you delete my data?" asks how long it is kept (P9): that
    fact, and nothing is offered for deletion.
    """
    if _asks_how_long(handler_input):
        return _retention(handler_input)
    return offer(handler_input, Offer.DELETE_DATA, (), (say.CONFIRM_DELETE,))


def withdraw_consent_request(handler_input: HandlerInput) -> Response:
    """Answers "I withdraw my consent": say what it stops, then ask before doing it (P6)."""
    linked = turn(handler_input).linked
    return offer(
        handler_input,
        Offer.WITHDRAW_CONSENT,
        (say.WITHDRAW_EXPLAINED_LINKED if linked else say.WITHDRAW_EXPLAINED,),
        (say.CONFIRM_WITHDRAW,),
    )


def withdraw_consent(handler_input: HandlerInput) -> Response:
    """P6: revoke the account link, erase what is stored, and say how to unlink in the app.

    The link is revoked first, so nothing more is read from the account whatever
    happens next; the conversation forgets every fact it gathered.
    """
    current = turn(handler_input)
    revoked = True
    linked = current.linked
    current.withdraw()
    if linked:
        try:
            current.accounts.revoke_link(current.access_token or "")
        except AccountError as exc:
            logger.warning("link revocation failed: %s", type(exc).__name__)
            revoked = False
    erased = current.erase()
    if not revoked:  # P6 beyond this session: no account read until the revocation succeeds
        current.save({"withdrawn_at": current.clock_now})
    current.keep(Case())
    text = say.withdrawn(revoked=revoked, erased=erased, linked=linked)
    return finish(handler_input, (text,))


def _asks_how_long(handler_input: HandlerInput) -> bool:
    """Whether a privacy question asks how long something is kept ("after how many years")."""
    from conversation.case import member
    from handlers.slots import current_intent, read_slot
    from policy.facts import Aspect

    aspect = read_slot(current_intent(handler_input), ASPECT).id
    return member(Aspect, aspect) is Aspect.HOW_LONG


def _retention(handler_input: HandlerInput) -> Response:
    """How long the skill and ZOSI keep personal data (P9), the skill's period from its settings."""
    from policy.facts import Topic, explain

    days = turn(handler_input).settings.state_ttl_days
    answer = say.fact_answer(explain(Topic.DATA_RETENTION, retention_days=days))
    return finish(handler_input, answer)
