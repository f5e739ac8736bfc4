"""Delivery time and order tracking (D1-D5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.case import Offer, member
from conversation.delivery import (
    DeliveryHeard,
    also_asked_with_delivery,
    asks_of_the_repair,
    asks_of_the_replacement,
    delivery_step,
    kept_case,
    needs_region,
    purchase_date_said,
)
from handlers.context import turn
from handlers.names import ALSO_TOPIC, COUNTRY, ORDER_DATE, ORDERED_ON, PRODUCT, REGION
from handlers.respond import also_say, elicit, finish, offer
from handlers.slots import current_intent, read_slot
from speech import say
from speech.ssml import Phrase, phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

    from screens import Screen


#: Words a customer says for the place they live without naming it ("how long does delivery to
#: my city take"): Alexa fills the region slot with them, matching no region; the skill asks
#: which city it is instead of saying it does not know "My City".
_PLACE_UNNAMED_LEADS = ("my ", "our ")
_PLACE_UNNAMED = frozenset({"here", "me", "us", "where i live", "where i am", "home"})


def _names_a_place(spoken: str) -> bool:
    """Whether unmatched region words name a place, not just point at the customer's own."""
    words = spoken.lower().strip()
    return not (words.startswith(_PLACE_UNNAMED_LEADS) or words in _PLACE_UNNAMED)


def delivery_time(  # noqa: PLR0911 - one answer per kind of delivery question
    handler_input: HandlerInput, *, corrected_order_day: str | None = None
) -> Response:
    """Answers "How long does delivery to Kazan take?" with dated business-day windows (D2-D4).

    ``corrected_order_day`` is a date said on its own right after an estimate for an order
    already placed ("no wait, it was the 12th"): the same question, from that day. A date
    alone said while the purchase date is asked is that date, whichever intent carried it.
    """
    intent = current_intent(handler_input)
    current = turn(handler_input)
    region, country = read_slot(intent, REGION), read_slot(intent, COUNTRY)
    heard = DeliveryHeard(
        region=region.id,
        place=region.spoken if region.unmatched and _names_a_place(region.spoken or "") else None,
        country=country.id,
        country_name=country.name,
        order_date=read_slot(intent, ORDER_DATE).spoken,
        ordered_on=corrected_order_day or read_slot(intent, ORDERED_ON).spoken,
    )
    also = read_slot(intent, ALSO_TOPIC)
    also_topic = also.id
    # (a corrected order day comes only with no purchase question open, so never here)
    said_date = purchase_date_said(current.case, heard, asks_more=also.spoken is not None)
    if said_date is not None:
        from conversation.steps import Heard
        from handlers.dialog import converse_heard

        return converse_heard(handler_input, Heard(date=said_date))
    if asks_of_the_replacement(current.case, heard, also_topic=also_topic):
        from policy.facts import Topic  # X1-X4: the replacement's shipping, not D4

        return finish(handler_input, say.fact_answer(current.fact(Topic.CROSS_SHIPPING)))
    if asks_of_the_repair(current.case, heard, also_topic=also_topic):
        return finish(handler_input, say.repair_time_answer())  # no rule gives a repair's time
    second = also_asked_with_delivery(also_topic)
    if second is not None:
        from policy.facts import Topic

        also_say(handler_input, member(Topic, second), first=Topic.DELIVERY_TIME)
    remembered = current.state().region if needs_region(heard, current.case) else None
    step = delivery_step(current.case, heard, current.today, remembered, current.has_user)
    current.keep(kept_case(current.case, step))
    if step.coverage is not None:
        return finish(
            handler_input, say.delivery_abroad_answer(step.coverage, step.country_name or "")
        )
    estimate = step.estimate
    if estimate is None:  # only a country the terms don't cover has no estimate
        return finish(handler_input, (say.OKAY,))
    result = say.delivery_answer(estimate, current.today, step.place, on_its_way=step.on_its_way)

    def screen(locale: str) -> Screen:
        from screens.build import delivery_screen

        return delivery_screen(result, estimate, step.place, locale)

    lead = phrase(
        (say.BAD_ORDER_DATE,) if step.bad_date else (),
        (say.FOR_SAVED_REGION,) if step.remembered else (),
    )
    if step.ask_region:
        state_note: Phrase = (say.STATE_UNAVAILABLE,) if current.state_failed else ()
        return elicit(
            handler_input,
            intent,
            REGION,
            (say.ASK_REGION,),
            lead=phrase(lead, result.speech, state_note),
            card=result,
            screen=screen,
        )
    if step.offer_region is not None and estimate.region is not None:
        question = (say.OFFER_REMEMBER_REGION.format(region=estimate.region.name),)
        return offer(
            handler_input,
            Offer.REMEMBER_REGION,
            phrase(lead, result.speech),
            question,
            step.offer_region,
            card=result,
            screen=screen,
        )
    return finish(handler_input, result, lead=lead, screen=screen)


def track_order(handler_input: HandlerInput) -> Response:
    """Answers "Where is my order?": the parcels of a linked account, else how to track one (D5)."""
    from handlers.linked import link_card, track_orders

    if turn(handler_input).linked:
        product = read_slot(current_intent(handler_input), PRODUCT)
        return track_orders(handler_input, product.id, product.name)
    return link_card(handler_input, say.tracking_help().speech)
