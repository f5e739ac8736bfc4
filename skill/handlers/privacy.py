"""Personal data: what the skill does with it, holds, deletes; withdrawing consent (P1-P9)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from adapters.account import AccountError
from conversation.case import Asks, Case, Offer
from handlers.context import turn
from handlers.names import ALSO_TOPIC, ASPECT, TOPIC
from handlers.respond import finish, offer
from speech import say

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

    from handlers.slots import SlotReading
    from policy.facts import Topic
    from speech import Answer

logger = logging.getLogger(__name__)


def privacy_policy(handler_input: HandlerInput) -> Response:
    """Answers "What do you do with my data?" (P1-P9 as the skill applies them).

    A question that names privacy facts ("do you share my data?", "is it encrypted, and how
    long do you keep it?") gets those facts, at most two (P1, P3, P5, P7-P9), not the overview.
    """
    facts = asked_privacy_facts(handler_input)
    if facts:
        return privacy_facts_response(handler_input, facts)
    if _asks_of_the_case(handler_input):
        from handlers.policy_questions import policy_fact

        return policy_fact(handler_input)
    why = _why_asked(handler_input)
    if why is not None:  # "why do you need that?" to "when did you buy it?": what it changes
        return finish(handler_input, say.fact_answer(turn(handler_input).fact(why)))
    from conversation.aspects import answered
    from policy.facts import Topic

    current = turn(handler_input)
    current.keep(answered(current.case, Topic.DATA_USE))  # a follow-up's aspect is about data
    return finish(handler_input, say.privacy_answer(current.settings.state_ttl_days))


def _why_asked(handler_input: HandlerInput) -> Topic | None:
    """The fact that says why the open purchase question is asked, for a "why?" about data.

    Only a question that names no data of its own ("why do you need to know that") asks
    why; "why do you need my email address" is a privacy question whatever is open.
    """
    from conversation.aspects import why_asked
    from conversation.case import member
    from handlers.slots import current_intent, read_slot
    from policy.facts import Topic

    intent = current_intent(handler_input)
    if any(_names_something(read_slot(intent, name)) for name in (TOPIC, ALSO_TOPIC, ASPECT)):
        return None
    return member(Topic, why_asked(turn(handler_input).case))


#: Words that point back at what was just asked and name nothing of their own: "why do you
#: need that" fills the topic with "that", which asks why the question is asked.
_POINTING_WORDS = frozenset({"that", "this", "it", "to know", "to know that", "to know this"})


def _names_something(reading: SlotReading) -> bool:
    """Whether a slot's words name a thing ("my email address"), not point back ("that")."""
    spoken = reading.spoken
    if spoken is None:
        return False
    return reading.id is not None or spoken.lower().strip() not in _POINTING_WORDS


def _asks_of_the_case(handler_input: HandlerInput) -> bool:
    """Whether a question heard as about data asks a fact of a purchase or an order instead.

    "Do you need my card for that", in an advance replacement conversation, asks about
    the card hold (X3), not what the skill keeps: an aspect only a purchase has (the
    card hold, a late return, no fault found, an approval) in a conversation about one.
    Out of the blue, "how much will you hold on my card", "what happens if you find nothing
    wrong with my camera" or "who pays the shipping" name no data at all: the aspect's own
    rule answers them (X3, W8, R4), never the privacy statement; nor does a question whose
    topic names a rule of another family ("does ZOSI cover import duties", W9).
    """
    from conversation.aspects import channel_of_topic
    from conversation.case import member
    from handlers.slots import current_intent, read_slot
    from policy.facts import PRIVACY_TOPICS, Aspect, Topic

    intent = current_intent(handler_input)
    topic = member(Topic, read_slot(intent, TOPIC).id)
    # "does ZOSI cover import duties on a replacement" names W9's customs; "do you give my
    # info to Amazon" names a shop, which asks who gets the data (P1), not who refunds (R5)
    if topic is not None and topic not in PRIVACY_TOPICS and not channel_of_topic(topic.value):
        return True
    aspect = member(Aspect, read_slot(intent, ASPECT).id)
    if turn(handler_input).case.goal is None:
        return aspect is not None and aspect not in _DATA_ASPECTS
    return aspect in {Aspect.CARD_HOLD, Aspect.LATE, Aspect.NOT_FAULTY, Aspect.APPROVED}


#: The aspects a question about data can have: how long it is kept (P9), from when, and how to
#: have it deleted or seen (P4, P5). A card is never one: the skill neither asks for nor keeps
#: one, and the only time ZOSI needs it is an advance replacement's hold (X3).
_DATA_ASPECTS = frozenset({"how_long", "starts", "steps"})


def asked_privacy_facts(handler_input: HandlerInput) -> tuple[Topic, ...]:
    """The privacy facts the request's topics and aspect ask for (``policy.facts``)."""
    from conversation.case import member
    from handlers.slots import current_intent, read_slot
    from policy.facts import Aspect, Topic, privacy_facts

    intent = current_intent(handler_input)
    topics = (member(Topic, read_slot(intent, name).id) for name in (TOPIC, ALSO_TOPIC))
    return privacy_facts(topics, member(Aspect, read_slot(intent, ASPECT).id))


def privacy_facts_response(handler_input: HandlerInput, facts: Sequence[Topic]) -> Response:
    """The privacy facts asked; "how do I delete my data?" is also offered at once (P5).

    Asked of the skill that holds the data, how to delete it is answered, then done on a
    yes, the same offer "delete my data" gets; mid-dialog, the open question comes back.
    """
    from policy.facts import Topic

    answer = privacy_facts_answer(handler_input, facts)
    if facts[:1] != (Topic.DATA_DELETION,) or turn(handler_input).case.waiting is not None:
        return finish(handler_input, answer)
    return offer(
        handler_input, Offer.DELETE_DATA, answer.speech, (say.OFFER_DELETE_NOW,), card=answer
    )


def privacy_facts_answer(handler_input: HandlerInput, facts: Sequence[Topic]) -> Answer:
    """The privacy facts asked, worded; the skill's own storage period is a setting (P9)."""
    from conversation.aspects import answered

    current = turn(handler_input)
    if facts:  # "for how long?" next is about these (P9)
        current.keep(answered(current.case, facts[0]))
    return say.facts_answer([current.fact(fact) for fact in facts])


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
    from conversation.aspects import answered
    from domain.memory import stored_fields
    from policy.facts import Topic
    from policy.regions import find_region

    current.keep(answered(current.case, Topic.DATA_ACCESS))  # "for how long?" next is P9's
    region = find_region(state.region) if state.region else None
    result = say.stored_data_answer(stored_fields(state), region.name if region else None)
    return finish(handler_input, result)


def delete_my_data(handler_input: HandlerInput) -> Response:
    """Answers "Delete my data": asks first; the yes deletes everything stored (P5).

    "After how many years do you delete my data?" asks how long it is kept (P9): that
    fact, and nothing is offered for deletion. Asked again while this session's offer to
    delete is open ("Shall I delete it all now?" - "yes, erase all of it"), it is that yes:
    the offer is sealed (``handlers.context.needs_seal``), so it is provably the skill's own.
    """
    if _asks_how_long(handler_input):
        return _retention(handler_input)
    asked = turn(handler_input).case.question
    if asked is not None and asked.kind is Asks.OFFER and asked.about == Offer.DELETE_DATA:
        from conversation.steps import Perform
        from handlers.dialog import perform

        return perform(handler_input, Perform(offer=Offer.DELETE_DATA))
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
    from policy.facts import Topic

    return finish(handler_input, privacy_facts_answer(handler_input, (Topic.DATA_RETENTION,)))
