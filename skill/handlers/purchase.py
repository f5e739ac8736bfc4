"""Collecting the facts of a purchase from slots, the dialog, or what the customer let us remember.

Shared by the refund, warranty and advance-replacement questions. Missing facts
are asked for one at a time (Dialog.ElicitSlot). Alexa resolves a date said
without a year to today or later ("March 3rd" said in November arrives as next
March; "the 5th" said on 21 November as 5 December), so a date in the future is
read back into the past and checked with the customer (Dialog.ConfirmSlot)
before any decision depends on it: the 5th just gone first when the customer
may have named only the day, then the same day a year back.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ask_sdk_model.slot_confirmation_status import SlotConfirmationStatus

from adapters.store import RememberedPurchase
from handlers.context import Turn, turn
from handlers.respond import confirm_slot, elicit
from handlers.slots import as_enum, read_slot
from policy.dates import DateParseError, FutureDateError, parse_amazon_date, resolve_purchase_date
from policy.model import Channel, DateSpan, PurchaseFacts, Reason
from policy.terms import STORE_COUNTRY
from speech import en
from speech.ssml import Phrase, When, phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response

GIFT = "gift"
#: "AliExpress" alone: ZOSI's official store there is a direct purchase (D1, R2), any
#: other seller there a third-party one (R5), so the skill asks which.
ALIEXPRESS = "aliexpress"
PRODUCT, DATE, STORE, REASON = "product", "purchaseDate", "store", "reason"
PURCHASE_COUNTRY, HOME_COUNTRY = "purchaseCountry", "homeCountry"


class Gathered(NamedTuple):
    """The facts of one purchase, and where they came from."""

    facts: PurchaseFacts
    product: str | None
    product_id: str | None
    from_memory: bool

    def to_remember(self) -> RememberedPurchase:
        """The purchase as it would be stored, after the customer says yes."""
        return RememberedPurchase(
            product=self.product_id,
            earliest=self.facts.purchased.earliest,
            latest=self.facts.purchased.latest,
            channel=self.facts.channel.value if self.facts.channel else None,
            gift=self.facts.gift,
            purchase_country=self.facts.purchase_country,
        )


def gather_purchase(
    handler_input: HandlerInput, intent: Intent, *, need_store: bool
) -> Gathered | Response:
    """Collect the purchase facts, or return the response that asks for the next missing one."""
    current = turn(handler_input)
    product_slot = read_slot(intent, PRODUCT)
    product = product_slot.name or product_slot.spoken
    it = en.the_product(product)
    memory = _usable_memory(current, product_slot.id, intent)

    date_slot = read_slot(intent, DATE)
    if date_slot.spoken is not None:
        purchased_or_response = _spoken_date(handler_input, intent, date_slot.spoken, it)
        if not isinstance(purchased_or_response, DateSpan):
            return purchased_or_response
        purchased = purchased_or_response
        memory = None
    elif memory is not None:
        purchased = DateSpan(memory.earliest, memory.latest)
    else:
        lead: Phrase = (en.STATE_UNAVAILABLE.strip(), " ") if current.state_failed else ()
        return _ask_date(handler_input, intent, it, lead)

    store = read_slot(intent, STORE)
    if store.id == ALIEXPRESS:
        return elicit(handler_input, intent, STORE, (en.ASK_ALIEXPRESS_SELLER.format(it=it),))
    channel = as_enum(Channel, store.id)
    gift = store.id == GIFT
    if channel is None and not gift:
        if store.spoken is not None:
            return elicit(
                handler_input,
                intent,
                STORE,
                (en.ASK_STORE.format(it=it),),
                lead=(en.UNKNOWN_STORE.format(store=store.spoken), " "),
            )
        if memory is not None:
            channel = as_enum(Channel, memory.channel)
            gift = memory.gift
        elif need_store:
            return elicit(handler_input, intent, STORE, (en.ASK_STORE.format(it=it),))

    reason = read_slot(intent, REASON).id
    purchase_country = read_slot(intent, PURCHASE_COUNTRY).id
    home_country = read_slot(intent, HOME_COUNTRY).id
    if purchase_country is None and memory is not None:
        purchase_country = memory.purchase_country
    facts = PurchaseFacts(
        purchased=purchased,
        channel=channel,
        gift=gift,
        reason=as_enum(Reason, reason),
        purchase_country=purchase_country or STORE_COUNTRY,
        customer_country=home_country,
    )
    product_id = product_slot.id or (memory.product if memory else None)
    if memory is not None and product is None and memory.product:
        product = memory.product.replace("_", " ")
    return Gathered(facts, product, product_id, from_memory=memory is not None)


def memory_lead(gathered: Gathered) -> Phrase:
    """The words that introduce an answer about a remembered purchase ("For the camera...")."""
    if not gathered.from_memory:
        return ()
    span = gathered.facts.purchased
    return phrase(
        en.USING_REMEMBERED_PURCHASE.format(product=gathered.product or "product"),
        When(span.earliest),
        ": ",
    )


def _usable_memory(
    current: Turn, product_id: str | None, intent: Intent
) -> RememberedPurchase | None:
    """The remembered purchase, when no date was given and the product named does not differ."""
    if read_slot(intent, DATE).spoken is not None:
        return None
    remembered = current.state().purchase
    if remembered is None:
        return None
    if product_id is not None and remembered.product not in (None, product_id):
        return None
    return remembered


def _spoken_date(
    handler_input: HandlerInput, intent: Intent, value: str, it: str
) -> DateSpan | Response:
    """The purchase span the date slot names, or the response that checks or asks for it.

    A date Alexa put in the future has more than one past reading: the same day a
    year back, and, for a day that may have been named without a month ("the 5th"),
    that day of last month. The readings are offered one at a time with
    Dialog.ConfirmSlot, likeliest first; the session keeps which ones are left.
    """
    today = turn(handler_input).today
    status = read_slot(intent, DATE).confirmation
    checked = _checked_reading(handler_input, intent, value, it, status)
    if checked is not None:
        return checked
    try:
        resolved = resolve_purchase_date(parse_amazon_date(value, today), today)
    except FutureDateError:
        return _ask_date(handler_input, intent, it, (en.FUTURE_DATE, " "))
    except DateParseError:
        return _ask_date(handler_input, intent, it, (en.BAD_DATE, " "))
    if resolved.shifted_back and status != "CONFIRMED":
        readings = [span for span in (resolved.day_of_month, resolved.span) if span is not None]
        return _offer_readings(handler_input, intent, it, value, readings, again=False)
    return resolved.span


#: Session key: the readings of a date slot value still to offer, the one asked about first.
_READINGS = "dateReadings"


def _checked_reading(
    handler_input: HandlerInput, intent: Intent, value: str, it: str, status: str
) -> DateSpan | Response | None:
    """Act on the customer's yes or no to a reading of ``value``; None when there is none.

    Yes: the reading asked about (it stays in the session, as later turns of the
    dialog bring the same confirmed slot). No: the next reading, or the question
    for the date once none is left.
    """
    if status not in {"CONFIRMED", "DENIED"}:
        return None
    current = turn(handler_input)
    offered = _offered_readings(current, value)
    if status == "CONFIRMED":
        return offered[0] if offered else None
    if len(offered) > 1:
        return _offer_readings(handler_input, intent, it, value, offered[1:], again=True)
    current.session.pop(_READINGS, None)
    return _ask_date(handler_input, intent, it, ())


def _offered_readings(current: Turn, value: str) -> list[DateSpan]:
    """The readings of ``value`` offered in this session, the one last asked about first."""
    saved = current.session.get(_READINGS)
    if not isinstance(saved, dict) or saved.get("value") != value:
        return []
    try:
        return [
            DateSpan(date.fromisoformat(earliest), date.fromisoformat(latest))
            for earliest, latest in saved["readings"]
        ]
    except (KeyError, TypeError, ValueError):
        return []


def _offer_readings(
    handler_input: HandlerInput,
    intent: Intent,
    it: str,
    value: str,
    readings: list[DateSpan],
    *,
    again: bool,
) -> Response:
    """Ask whether the first of ``readings`` is the purchase date; keep the rest for a no."""
    turn(handler_input).session[_READINGS] = {
        "value": value,
        "readings": [[span.earliest.isoformat(), span.latest.isoformat()] for span in readings],
    }
    _clear_date_confirmation(intent)
    span = readings[0]
    when: Phrase = (
        ("on ", When(span.earliest))
        if span.precise
        else ("between ", When(span.earliest), " and ", When(span.latest))
    )
    question = en.CONFIRM_OTHER_READING if again else en.CONFIRM_PURCHASE_DATE
    return confirm_slot(handler_input, intent, DATE, phrase(question.format(it=it), when, "?"))


def _clear_date_confirmation(intent: Intent) -> None:
    """Forget a yes or no to the date slot: the next question is about a new date."""
    slot = (intent.slots or {}).get(DATE)
    if slot is not None:
        slot.confirmation_status = SlotConfirmationStatus.NONE


def _ask_date(handler_input: HandlerInput, intent: Intent, it: str, lead: Phrase) -> Response:
    _clear_date_confirmation(intent)
    return elicit(
        handler_input,
        intent,
        DATE,
        (en.ASK_PURCHASE_DATE.format(it=it),),
        lead=lead,
        reprompt=(en.REPROMPT_PURCHASE_DATE.format(it=it),),
    )
