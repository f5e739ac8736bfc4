"""Delivery time and order tracking (D1-D5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.case import Offer
from handlers.context import turn
from handlers.respond import elicit, finish, offer
from handlers.slots import current_intent, read_slot
from policy.dates import DateParseError, parse_amazon_date, resolve_order_date
from policy.delivery import delivery_coverage, estimate_delivery
from speech import say
from speech.ssml import Phrase, phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

REGION, ORDER_DATE, COUNTRY = "region", "orderDate", "country"


def delivery_time(handler_input: HandlerInput) -> Response:
    """Answers "How long does delivery to Kazan take?" with dated business-day windows (D2-D4)."""
    intent = current_intent(handler_input)
    current = turn(handler_input)
    today = current.today
    lead: Phrase = ()
    order_date = today
    spoken_date = read_slot(intent, ORDER_DATE).spoken
    if spoken_date is not None:
        try:
            order_date = resolve_order_date(parse_amazon_date(spoken_date, today), today)
        except DateParseError:
            lead = (say.BAD_ORDER_DATE,)
    country = read_slot(intent, COUNTRY)
    if country.id is not None:
        coverage = delivery_coverage(country.id)
        if not coverage.covered:  # D2, D4 cover Russia only: no Russian window for Kazakhstan
            return finish(handler_input, say.delivery_abroad_answer(coverage, country.name or ""))
    region = read_slot(intent, REGION)
    region_id = region.id
    remembered = False
    if region.spoken is None:
        region_id = current.state().region
        remembered = region_id is not None
    estimate = estimate_delivery(order_date, region_id)
    unknown_place = region.spoken if region.unmatched else None
    result = say.delivery_answer(estimate, today, unknown_place)
    if remembered:
        lead = phrase(lead, say.FOR_SAVED_REGION)
    if estimate.region is None and unknown_place is None:
        state_note: Phrase = (say.STATE_UNAVAILABLE,) if current.state_failed else ()
        return elicit(
            handler_input,
            intent,
            REGION,
            (say.ASK_REGION,),
            lead=phrase(lead, result.speech, state_note),
            card=result,
        )
    if (
        estimate.region is not None
        and not remembered
        and current.has_user
        and current.case.waiting is None
    ):
        question = (say.OFFER_REMEMBER_REGION.format(region=estimate.region.name),)
        return offer(
            handler_input,
            Offer.REMEMBER_REGION,
            phrase(lead, result.speech),
            question,
            estimate.region.id,
            card=result,
        )
    return finish(handler_input, result, lead=lead)


def track_order(handler_input: HandlerInput) -> Response:
    """Answers "Where is my order?": the parcels of a linked account, else how to track one (D5)."""
    from handlers.linked import link_card, track_orders

    if turn(handler_input).linked:
        return track_orders(handler_input)
    return link_card(handler_input, say.tracking_help().speech)
