"""The purchase conversation: translate the request into the service's terms and its step back.

Every refund, warranty, advance-replacement and claim question, and every yes, no,
help, "I don't know" or unrecognised answer, goes the same way: slots become a
:class:`~conversation.steps.Heard`, the handler gathers what the service needs
(the remembered purchase, a linked customer's orders), :func:`next_step` decides,
and the step becomes speech, a card and, when a fact is asked for, a
``Dialog.ElicitSlot`` so Alexa listens for it. Actions the customer agreed to
(remember, open a request, delete, withdraw consent) are carried out here, since
they are I/O; whether they may happen was decided by the service.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, cast

from ask_sdk_core.utils.request_util import get_intent_name, get_request_type

from conversation.aspects import (
    WHO_PAYS_TOPICS,
    also_asked,
    asked_aspects,
    asks_of_the_purchase_dated,
    asks_until_when_of_the_dated,
    aspect_of_topic,
    channel_of_topic,
    fact_first,
    left_after_decision,
    names_the_period_only,
    own_purchase_goal,
    period_of_another_family,
    reason_says_who_pays,
    state_rules_out_the_refund,
    steps_of_the_fault_route,
    who_pays_left,
)
from conversation.case import Asks, Case, FactName, Goal, Offer, Question, Source, member
from conversation.decisions import (
    DATED_REFUND_LEADS,
    REFUND_OPEN_GIFT,
    REFUND_OPEN_LEADS,
    remembered,
)
from conversation.delivery import corrects_order_day
from conversation.service import needs, next_step
from conversation.steps import (
    AskFact,
    ClaimSteps,
    ConfirmDate,
    Decided,
    Declined,
    Explained,
    GaveUp,
    Heard,
    Known,
    NoOrder,
    OrderFacts,
    OrdersOverview,
    Outcome,
    Perform,
    ProposeRequest,
    Refused,
    Reply,
    Said,
    Signal,
    Standing,
)
from handlers.context import Turn, turn
from handlers.names import (
    ALSO_ASPECT,
    ALSO_TOPIC,
    ASPECT,
    DELIVERY_TIME_INTENT,
    DONT_KNOW_INTENT,
    FALLBACK_INTENT,
    GOAL,
    GOALS,
    HELP_INTENT,
    NO_INTENT,
    POLICY_FACT_INTENT,
    PRODUCT,
    PRODUCT_AGE,
    PURCHASE_DATE,
    REASON,
    REGION,
    SLOTS,
    TOPIC,
    YES_INTENT,
)
from handlers.respond import (
    ScreenOf,
    also_say,
    ask_for,
    finish,
    in_one_breath,
    once_more,
    question_in_one_breath,
    speak,
)
from handlers.slots import current_intent, read_slot, two_said
from policy.claims import claim_steps
from policy.dates import date_of_age
from speech import Answer, say
from speech.ssml import Phrase, phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response

    from policy.crossship import CrossShipDecision
    from policy.facts import Topic
    from policy.model import Reason, Verdict
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision
    from screens import Screen

    Decision = ReturnDecision | WarrantyDecision | CrossShipDecision

SIGNALS = {
    YES_INTENT: Signal.YES,
    NO_INTENT: Signal.NO,
    HELP_INTENT: Signal.HELP,
    FALLBACK_INTENT: Signal.NOT_UNDERSTOOD,
    DONT_KNOW_INTENT: Signal.DONT_KNOW,
}
#: "R. M. A.", "RMA", "r.m.a" as the claimType slot hears them, reduced to their letters.
RMA_LETTERS = "rma"
#: A touch on an APL screen (the yes button of an offer).
USER_EVENT = "Alexa.Presentation.APL.UserEvent"
#: Facts whose slot resolves to one of its type's values (words that match none are "unmatched").
RESOLVED_FACTS = (
    FactName.CHANNEL,
    FactName.REASON,
    FactName.PURCHASE_COUNTRY,
    FactName.HOME_COUNTRY,
    FactName.CLAIM_KIND,
    FactName.CONDITION,
)


def converse(handler_input: HandlerInput) -> Response:
    """Every turn of the purchase conversation (the intents in GOALS and SIGNALS)."""
    current = turn(handler_input)
    heard = hear(handler_input)
    only_a_date = heard == Heard(date=heard.date)
    if corrects_order_day(current.case, heard.date, current.today, only_a_date=only_a_date):
        from handlers.delivery import delivery_time

        return delivery_time(handler_input, corrected_order_day=heard.date)
    if heard == Heard(signal=Signal.DONT_KNOW) and _region_was_asked(current):
        # "I don't know" to "which city or region should I estimate delivery to?": what holds
        # anywhere in Russia (D2, D4), not the skill's menu
        from policy.facts import Topic

        return finish(handler_input, say.fact_answer(current.fact(Topic.DELIVERY_TIME)))
    return converse_heard(handler_input, heard)


def _region_was_asked(current: Turn) -> bool:
    """Whether the skill's last turn asked which city or region to estimate delivery to."""
    said = current.said_before
    return said is not None and said.elicit == (DELIVERY_TIME_INTENT, REGION)


def converse_heard(handler_input: HandlerInput, heard: Heard) -> Response:
    """The purchase conversation's turn for what was heard, from whichever intent said it."""
    current = turn(handler_input)
    known = gather(current, current.case, heard)
    outcome = next_step(current.case, heard, known)
    if isinstance(outcome.step, ANSWERS):
        from policy.facts import Topic
        from policy.model import Condition, Reason, Verdict

        answered = outcome.step.topic if isinstance(outcome.step, Explained) else None
        reason = member(Reason, outcome.case.value(FactName.REASON))
        condition = member(Condition, outcome.case.value(FactName.CONDITION))
        verdict = outcome.step.decision.verdict if isinstance(outcome.step, Decided) else None
        # "it's broken, can I send it back, what do I do": the first step of a fault's route
        fault_steps = steps_of_the_fault_route(outcome.case, heard)
        second = also_asked(outcome.case, heard, answered)
        if second is not None and verdict is not None and _decision_says(outcome.case, second):
            second = None
        if second is not None and _step_says_the_period(outcome.step, second):
            second = None
        if second is None and isinstance(outcome.step, Explained):
            named = read_slot(current_intent(handler_input), TOPIC).id
            second = outcome.step.also or period_of_another_family(
                None, named, outcome.step.topic, heard.aspect
            )
        if second is None and isinstance(outcome.step, AskFact) and outcome.step.general:
            # "when's the deadline to send back the doorbell I bought on the 5th, and does
            # the return cost me anything": until when if it was ZOSI's, then who pays for
            # each kind of reason (R1, R4), then where it was bought
            second = who_pays_left(outcome.case, heard.aspect) or reason_says_who_pays(
                outcome.case, heard.aspect
            )
        if second is None and verdict is not None:
            # R3 asked of a purchase the decision answers: the fact after it; who pays asked
            # of a refund with no reason given: for each kind of reason (R4)
            second = member(Topic, fact_first(heard.topic))
            if second is None and verdict is not Verdict.NO:
                second = left_after_decision(outcome.case, heard)
            if second is None and verdict is Verdict.DEPENDS:
                second = who_pays_left(outcome.case, heard.aspect, costs_said=False)
            if second is None and verdict is Verdict.NO:
                second = fault_steps
            if second is None:
                second = state_rules_out_the_refund(outcome.case)
        # the verdict's sentence names the warranty's remedy, and its first step follows it in
        # place of who pays (W3)
        steps = second is not None and second is fault_steps
        also_say(
            handler_input,
            second,
            first=answered,
            reason=reason,
            condition=condition,
            stands_alone=steps or _verdict_stands_alone(verdict, heard, second, outcome.case),
            first_may_go=verdict is Verdict.DEPENDS,
        )
    return show(handler_input, outcome)


def _decision_says(case: Case, second: Topic) -> bool:
    """Whether the decision said already who pays, the second fact asked (R4, W5).

    "I changed my mind about the camera I bought on the 12th: how many days do I have, and
    who pays to send it back?" - the decision says until when, and that as it isn't a
    quality problem they pay: the same sentence again, with "and any fees", says nothing new.
    """
    from policy.facts import Aspect

    return second.value in WHO_PAYS_TOPICS and who_pays_left(case, Aspect.WHO_PAYS.value) is None


def _step_says_the_period(step: object, second: Topic) -> bool:
    """Whether the answer already says the period asked second: its own last day (R1, W1).

    "I don't want the camera I bought on 5 November: how long do I have, and who pays to
    send it back?" - the refund's last day answers how long; "You have 30 days from the day
    you bought it" after it would say it again as a rule, and leave who pays unsaid.
    """
    from policy.facts import Topic

    periods = {Goal.REFUND: Topic.RETURN_WINDOW, Goal.WARRANTY: Topic.WARRANTY_LENGTH}
    if isinstance(step, Decided):
        return periods.get(step.goal) is second and step.decision.window.last_day is not None
    if isinstance(step, AskFact) and step.general is not None:
        return periods.get(step.goal) is second and step.general.window.last_day is not None
    return False


def _verdict_stands_alone(
    verdict: Verdict | None, heard: Heard, second: Topic | None, case: Case
) -> bool:
    """Whether a decision's first sentence may be said alone before the second fact asked.

    "Is my camera from January still under warranty, and who do I talk to about getting it
    fixed": the yes and its last day, then the first step (W1, W3), rather than the second
    fact left on the card. Never for "that depends", which its own sentence does not answer,
    nor when the rest of the decision says something the customer needs: what their own
    reason costs them (R4, W5), or a first aspect asked ("who pays ..."); nor for who pays
    named second, which the decision says for their reason where the general fact gives both.
    A warranty decision with nothing said of the product is the exception: its rest is only
    what the warranty does (W2), so "... and who pays to ship it to you" hears the year's
    end, then who pays under it (W5). So is a fault's warranty asked with an advance
    replacement ("is it still covered, and can you send a replacement before I return it, it
    keeps rebooting"): the replacement's own rule says what its shipping costs (X1), in place
    of the repair's who pays.
    """
    from policy.facts import Topic
    from policy.model import Verdict

    if verdict not in {Verdict.YES, Verdict.NO}:
        return False
    if case.goal is Goal.WARRANTY and second is Topic.CROSS_SHIPPING:
        return True
    said = any(case.value(fact) for fact in (FactName.REASON, FactName.CONDITION))
    if said:
        return False
    if case.goal is Goal.WARRANTY:
        return True
    if heard.aspect is not None:
        return False
    return second is None or second.value not in WHO_PAYS_TOPICS


#: The steps that answer a question, after which a second one asked with it is answered too.
ANSWERS = (AskFact, Decided, Standing, Explained, ClaimSteps)


def hear(handler_input: HandlerInput) -> Heard:
    """What the request says, in the case's terms: slots become facts, intents goals or signals.

    A touch on a screen's yes button is heard as a spoken yes; the question the case
    waits on decides what it does, exactly as for AMAZON.YesIntent. Any other
    UserEvent (not one the skill's documents send) is not understood.
    """
    if get_request_type(handler_input) == USER_EVENT:
        arguments = getattr(handler_input.request_envelope.request, "arguments", None) or []
        return Heard(signal=Signal.YES if arguments == ["yes"] else Signal.NOT_UNDERSTOOD)
    name = str(get_intent_name(handler_input))
    intent = current_intent(handler_input)
    confirmed = _confirmation(intent, turn(handler_input).case)
    if confirmed is not None:  # Alexa's own confirmation prompt answered: a yes or a no
        return Heard(signal=confirmed)
    product = read_slot(intent, PRODUCT)
    topic = read_slot(intent, TOPIC).id
    aspect, also_aspect = asked_aspects(
        *two_said(intent, ASPECT, ALSO_ASPECT, asked_first=name in GOALS)
    )
    said_date = read_slot(intent, SLOTS[FactName.PURCHASED]).spoken
    aged = _age_as_date(handler_input, intent)
    unmatched: list[tuple[FactName, str]] = []
    values: dict[FactName, str | None] = {}
    for fact in RESOLVED_FACTS:
        reading = read_slot(intent, SLOTS[fact])
        values[fact] = reading.id
        if reading.unmatched and reading.spoken is not None:
            unmatched.append((fact, reading.spoken))
    return Heard(
        # "I bought it on the 3rd, can I send it back": a statement's goal rides in its own slot;
        # a general question that names a purchase of theirs has its topic's goal
        goal=GOALS.get(name)
        or member(Goal, read_slot(intent, GOAL).id)
        or own_purchase_goal_of(intent, turn(handler_input)),
        signal=SIGNALS.get(name),
        product=product.id,
        product_name=product.name if product.id else None,
        date=said_date or aged,
        aged=said_date is None and aged is not None,
        channel=values[FactName.CHANNEL]
        or channel_of_topic(topic)
        or channel_of_topic(read_slot(intent, ALSO_TOPIC).id),
        reason=values[FactName.REASON],
        purchase_country=values[FactName.PURCHASE_COUNTRY],
        home_country=values[FactName.HOME_COUNTRY],
        claim_kind=values[FactName.CLAIM_KIND],
        condition=values[FactName.CONDITION],
        aspect=aspect or aspect_of_topic(topic),
        unmatched=tuple(unmatched),
        topic=_topic_named(read_slot(intent, SLOTS[FactName.CLAIM_KIND]).spoken)
        or fact_first(topic),
        also_aspect=also_aspect,
        also_topic=read_slot(intent, ALSO_TOPIC).id,
        goal_asked=name in GOALS or read_slot(intent, GOAL).id is not None,
    )


def _age_as_date(handler_input: HandlerInput, intent: Intent) -> str | None:
    """The purchase date an age says ("it's eight months old"), as Alexa would send the date.

    Today is read (and the device's time zone looked up) only when an age was said.
    """
    age = read_slot(intent, PRODUCT_AGE).spoken
    return None if age is None else date_of_age(age, turn(handler_input).today)


def _topic_named(claim_type: str | None) -> str | None:
    """The policy fact a request's words ask about, if any.

    "An R. M. A." is a warranty repair whose RMA code the customer wants explained (W4);
    the claimType slot resolves it to the repair alone.
    """
    if claim_type is None or re.sub(r"[^a-z]", "", claim_type.lower()) != RMA_LETTERS:
        return None
    from policy.facts import Topic

    return Topic.RMA_PROCESS.value


def own_purchase_goal_of(intent: Intent, current: Turn) -> Goal | None:
    """The goal of a general question (PolicyFactIntent) said with a purchase of theirs.

    The purchase is named in the question, or dated earlier in the conversation and the
    question asks another goal of it without an aspect ("what about the warranty then").
    """
    case = current.case
    topic = read_slot(intent, TOPIC).id
    dated = read_slot(intent, PURCHASE_DATE).spoken is not None
    names_purchase = dated or read_slot(intent, PRODUCT).spoken is not None
    if not names_purchase and names_the_period_only(case, topic):
        asked = asks_until_when_of_the_dated(
            case, read_slot(intent, ASPECT).id, lambda: current.today
        )
        if asked is not None:  # "and how long do I have?" after their dated decision
            return asked
    if not names_purchase and not read_slot(intent, ASPECT).spoken:
        names_purchase = asks_of_the_purchase_dated(case, topic)
    return own_purchase_goal(
        topic,
        names_purchase,
        dated=dated,
        aspect=read_slot(intent, ASPECT).id,
        reason=read_slot(intent, REASON).id,
        goal=read_slot(intent, GOAL).id,
        # "what about the doorbell?" asks the question the conversation is on; "my NVR" said
        # as a statement corrects the product (a purchase detail), it asks nothing new
        asked_before=case.goal if intent.name == POLICY_FACT_INTENT else None,
        also_aspect=read_slot(intent, ALSO_ASPECT).id,
    )


def _confirmation(intent: Intent, case: Case) -> Signal | None:
    """A yes or no given to Alexa's own confirmation of the date, if the skill asked one.

    The skill asks its checks itself, but a console-built dialog (or a test replaying
    one) may confirm through Alexa: CONFIRMED and DENIED then mean yes and no, but
    only while the skill's own date check is open in this session. Any other status
    is the sender's word alone, so it can never accept an offer (delete, withdraw,
    open a request): only a spoken yes does.
    """
    asked = case.question
    if asked is None or asked.kind is not Asks.CONFIRM:
        return None
    statuses = (
        getattr(intent.confirmation_status, "value", None),
        read_slot(intent, SLOTS[FactName.PURCHASED]).confirmation,
    )
    if "CONFIRMED" in statuses:
        return Signal.YES
    if "DENIED" in statuses:
        return Signal.NO
    return None


def gather(current: Turn, case: Case, heard: Heard) -> Known:
    """Read what the service says this turn needs (the remembered purchase, the orders)."""
    need = needs(case, heard)
    orders = None
    if need.orders and current.linked:
        from handlers.errors import MinorWithoutConsentError
        from handlers.linked import customer_orders  # P7: raises for a minor without consent

        try:
            orders = customer_orders(current.handler_input)
        except MinorWithoutConsentError:
            if heard.aspect is None:
                raise
            # P7 refuses the account's orders, not the rule: "how long is the warranty" is
            # answered as for anyone not linked, with nothing stored (audit M9).
            return Known(current.today, None, None, can_store=False, linked=False)
    memory = current.state().purchase if need.memory and orders is None else None
    acting = current.clock_now.astimezone(current.zone).date() if orders is not None else None
    # The cheap link check: a general answer reads no account, so no store read for it either
    linked = orders is not None or current.has_link
    return Known(current.today, memory, orders, current.has_user, linked, acting)


# --- from a step to a response --------------------------------------------------------------


def show(handler_input: HandlerInput, outcome: Outcome) -> Response:  # noqa: PLR0911, PLR0912
    """Turn the service's step into the response, and keep the case for the next turn."""
    current = turn(handler_input)
    step = outcome.step
    before = current.case
    current.keep(outcome.case)
    if isinstance(step, AskFact):
        if step.explains is not None:  # the fact asked for first, then the flow's question
            asked = _fact_of_the_case(handler_input, step.explains, outcome.case)
            return ask_for(handler_input, step, lead=phrase(asked.speech, " "), card=asked)
        card = None if step.general is None else say.general_card(step.goal.value, step.general)
        # the rule's second route (a fault can also be repaired) is dropped if the turn would
        # not fit in one breath with it
        shorter = None if step.general is None else _ask_lead(step, route=False)
        return ask_for(handler_input, step, lead=_ask_lead(step), card=card, shorter=shorter)
    if isinstance(step, ConfirmDate):
        return _confirm_date(handler_input, step, outcome.case)
    if isinstance(step, Decided):
        told = _fault_told(before, outcome.case)
        return _decided(handler_input, step, outcome.case, fault_told=told)
    if isinstance(step, Standing):
        refund = cast("ReturnDecision", step.refund)
        answer = say.standing_answer(
            refund, cast("WarrantyDecision", step.warranty), step.product, step.exact
        )
        return speak(handler_input, answer.speech, (say.WHICH_GOAL,), card=answer)
    if isinstance(step, OrdersOverview):
        entries = [
            (o.product, o.ordered_on, d.verdict, d.window, getattr(d, "referral", None))
            for o, d in step.entries
        ]
        spoken = [  # the kind of product is said; the card and the screen name the model
            (say.spoken_product(o.kind, o.product), *entry[1:])
            for (o, _), entry in zip(step.entries, entries, strict=True)
        ]
        answer = say.orders_answer(step.goal.value, spoken, say.ORDERS_TITLES[step.goal.value])
        goal = step.goal.value

        def orders(locale: str) -> Screen:
            from screens.build import orders_screen  # only for a device with a screen

            return orders_screen(answer, goal, entries, locale)

        return finish(handler_input, answer, screen=orders)
    if isinstance(step, NoOrder):
        text = say.NO_MATCHING_ORDER.format(product=step.product) if step.product else say.NO_ORDERS
        return finish(handler_input, (text,))
    if isinstance(step, ClaimSteps):
        steps = claim_steps(step.kind, step.decision.steps)
        window = say.claim_window(step.kind.value, step.decision, step.product, step.exact)
        lead = phrase(window, " ")  # who pays what is on the card with the steps: no yes follows
        answer = say.claim_steps_answer(step.kind.value, steps)
        kind = step.kind

        def numbered(locale: str) -> Screen:
            from screens.build import steps_screen  # only for a device with a screen

            return steps_screen(answer, kind, steps, locale)

        # the same steps as the turn before are said in their first sentence (once_more)
        speech = once_more(handler_input, phrase(lead, answer.speech))
        return finish(handler_input, answer._replace(speech=speech), screen=numbered)
    if isinstance(step, ProposeRequest):
        label = say.order_label(step.order.product, step.order.ordered_on, kind=step.order.kind)
        costs, question = say.propose_request(
            step.kind.value, label, step.reason.value, step.decision
        )
        return speak(
            handler_input,
            costs,
            question,
            screen=_decision_screen(step.decision, step.order.product),
        )
    if isinstance(step, Refused):
        return _refused(handler_input, step)
    if isinstance(step, GaveUp):
        return _gave_up(handler_input, step)
    if isinstance(step, Perform):
        return perform(handler_input, step)
    if isinstance(step, Declined):
        return finish(handler_input, (say.DECLINED[step.offer.value],), resume=outcome.resume)
    if isinstance(step, Explained):
        return _explained(handler_input, step, outcome)
    return _reply(handler_input, step, outcome)


def _explained(handler_input: HandlerInput, step: Explained, outcome: Outcome) -> Response:
    """The fact asked for first; then the open question again, or an offer to check theirs."""
    explanation = turn(handler_input).fact(step.topic, step.reason)
    result = say.fact_answer(explanation)
    if outcome.resume is not None:
        short = say.short_fact(explanation)
        return finish(handler_input, result, resume=outcome.resume, short=short)
    asked = outcome.case.question
    if asked is not None and asked.about == Offer.CHECK_OWN_CASE:
        return speak(handler_input, result.speech, (say.OFFER_CHECK_YOURS,), card=result)
    return finish(handler_input, result)


def _fact_of_the_case(handler_input: HandlerInput, topic: str, case: Case) -> Answer:
    """A fact a step says before its question (a policy.facts.Topic value), for their reason."""
    from policy.facts import Topic
    from policy.model import Reason

    return _fact(handler_input, Topic(topic), member(Reason, case.value(FactName.REASON)))


def _fact(handler_input: HandlerInput, topic: Topic, reason: Reason | None = None) -> Answer:
    """One policy fact, as said and shown (P9's storage period is a setting)."""
    return say.fact_answer(turn(handler_input).fact(topic, reason))


def _gave_up(handler_input: HandlerInput, step: GaveUp) -> Response:
    """The rule, and who can check the purchase without the fact the customer couldn't give."""
    what = say.MISSING_FACT.get(step.fact.value, "that")
    speech = phrase(say.GAVE_UP.format(what=what, it=say.the_product(step.product)))
    if step.general is None:
        return finish(handler_input, speech)
    speech = say.gave_up_after_rule(step.goal.value, step.general)
    card = say.general_card(step.goal.value, step.general)
    return finish(handler_input, speech if card is None else card._replace(speech=speech))


def _confirm_date(handler_input: HandlerInput, step: ConfirmDate, case: Case) -> Response:
    """The purchase date check; a fact asked meanwhile is said before it (issue 17)."""
    span = step.span
    lead: Phrase = (say.NOT_UNDERSTOOD, " ") if step.repeated else ()
    card = None
    if step.explains is not None:  # the fact asked meanwhile, then the check again
        card = _fact_of_the_case(handler_input, step.explains, case)
        lead = phrase(card.speech, " ")
    return ask_for(
        handler_input,
        AskFact(case.goal or Goal.WARRANTY, FactName.PURCHASED, step.product),
        lead=lead,
        card=card,
        question=say.confirm_date(
            step.product,
            span.earliest,
            span.latest,
            step.again,
            None if step.other is None else step.other.earliest,
            today=turn(handler_input).today,
        ),
    )


def _ask_lead(step: AskFact, *, route: bool = True) -> Phrase:
    """What comes before a question: a date just taken, then the rule or why it is asked.

    ``route``: the rule may name a fault's second route (a repair besides the refund).
    """
    if step.noted is None:
        return _why_asked(step, route=route)
    noted = say.date_noted(step.noted.earliest, step.noted.latest)
    return phrase(noted, " ", _why_asked(step, route=route))


def _why_asked(step: AskFact, *, route: bool = True) -> Phrase:
    """The rule itself for a general question, or why the question is asked."""
    if step.lead in DATED_REFUND_LEADS and step.general is not None:
        refund = cast("ReturnDecision", step.general)
        return phrase(say.refund_if_direct(refund, step.product, step.exact), " ")
    if step.general is not None:
        return phrase(say.general_answer(step.goal.value, step.general, closing=not route), " ")
    if step.lead == "aliexpress":  # understood: the question says which store there
        return ()
    if step.lead in REFUND_OPEN_LEADS:
        text = say.refund_or_repair(*REFUND_OPEN_LEADS[step.lead])
    elif step.lead == REFUND_OPEN_GIFT:
        text = say.REFUND_OR_REPAIR_GIFT
    elif step.lead in {"future_date", "bad_date"}:
        text = say.FUTURE_DATE if step.lead == "future_date" else say.BAD_DATE
    elif step.unclear is not None and step.fact is FactName.CHANNEL and step.attempt == 1:
        text = say.UNKNOWN_STORE.format(store=step.unclear)
    elif step.attempt > 1:  # not the customer's words back: Alexa's transcript may be off
        text = say.NOT_UNDERSTOOD
    else:
        return ()
    return (text, " ")


def _fault_told(before: Case, after: Case) -> bool:
    """Whether this turn told a fault the case did not hold (what a fault gets is news)."""
    from policy.model import Reason

    reason = member(Reason, after.value(FactName.REASON))
    if reason is None or not reason.is_quality_problem:
        return False
    return reason.value != before.value(FactName.REASON)


def _decided(
    handler_input: HandlerInput, step: Decided, case: Case, *, fault_told: bool = False
) -> Response:
    """A decision about one purchase, with the remember or open-request offer after it.

    Said again word for word, only its first sentence is spoken, unless the turn told a
    fault: the rest says what the fault gets (R3's refusal points to the warranty, W2).
    """
    # An order is named once, in the lead; the answer then says "it".
    product = None if step.order is not None else step.product
    result = say.decision_answer(
        step.decision,
        product,
        step.exact,
        step.home_known,
        route=step.offer is not Offer.OPEN_REQUEST,  # the request offered names the route
    )
    lead: Phrase = ()
    if step.basis is Source.REMEMBERED:
        lead = say.for_remembered(step.product, step.purchased.earliest)
    elif step.order is not None:
        lead = say.for_order(step.order.product, step.order.ordered_on, step.order.kind)
    assumed = say.ASSUMED_RUSSIA if step.assumed_country is not None else ""
    answer = phrase(lead, result.speech, assumed)
    full = (say.OFFER_REMEMBER_PURCHASE.format(it=say.the_product(step.product)),)
    brief = (say.OFFER_REMEMBER_BRIEF,)
    # W3: a fault told hears how its claim starts, unless a request is offered for it, a
    # second fact was asked (it has the room), or the whole would be over one breath (the
    # card lists the steps)
    room_taken = step.offer is Offer.OPEN_REQUEST or turn(handler_input).also
    start = "" if room_taken else say.claim_start(step.decision)
    if start and in_one_breath(handler_input, phrase(answer, start), brief):
        answer = phrase(answer, start)
    speech = once_more(handler_input, answer, in_full=fault_told)
    screen = _decision_screen(step.decision, step.product, result, home_known=step.home_known)
    if step.offer is Offer.REMEMBER_PURCHASE:
        question = question_in_one_breath(handler_input, speech, full, brief)
        return speak(handler_input, speech, question, card=result, screen=screen)
    if step.offer is Offer.OPEN_REQUEST and case.question is not None:
        return speak(
            handler_input,
            speech,
            (say.offer_request(case.question.data[1]),),
            card=result,
            screen=screen,
        )
    return finish(handler_input, result._replace(speech=speech), screen=screen)


def _decision_screen(
    decision: Decision,
    product: str | None,
    answer: Answer | None = None,
    *,
    home_known: bool = True,
) -> ScreenOf:
    """The screen of a decision, headed by its card's title (rendered only for a screen)."""

    def render(locale: str) -> Screen:
        from screens.build import decision_screen  # only for a device with a screen

        shown = answer if answer is not None else say.decision_answer(decision, product)
        return decision_screen(shown, decision, locale, home_known=home_known)

    return render


def _refused(handler_input: HandlerInput, step: Refused) -> Response:
    label = (
        say.order_label(step.order.product, step.order.ordered_on, kind=step.order.kind)
        if step.order is not None
        else None
    )
    store = step.order.store_name if step.order is not None else None
    why = say.refused(
        step.kind.value,
        step.decision,
        step.product,
        label,
        store,
        not_a_fault=step.not_a_fault,
        exact=step.exact,
    )
    if step.rechecked:  # the yes found the decision changed since the offer (issue 18)
        why = phrase(say.CHECKED_AGAIN, " ", why)
    if step.instead is not None and step.instead_decision is not None:
        offer = say.instead_offer(
            step.instead.value, step.instead_decision.window.last_day, step.decision
        )
        if step.order is None:  # not linked: the steps of the route that is still open
            steps = say.claim_steps_answer(
                step.instead.value, claim_steps(step.instead, step.instead_decision.steps)
            )
            instead = say.instead_steps(step.instead.value, step.decision)
            lead = phrase(why, " ", instead, " ") if instead else phrase(why, " ")
            return finish(handler_input, steps._replace(speech=(say.STEPS_ON_CARD,)), lead=lead)
        # One breath (audit M10): the warranty still open comes right after the refusal, and
        # what it costs if no fault is found goes on the card, not before it.
        card = say.decision_answer(step.instead_decision, step.product)
        screen = _decision_screen(step.instead_decision, step.product, card)
        return speak(handler_input, phrase(why, " "), offer, card=card, screen=screen)
    return finish(
        handler_input,
        phrase(why, say.refusal_advice(step.kind.value, step.decision)),
        screen=_decision_screen(step.decision, step.product),
    )


def _reply(handler_input: HandlerInput, step: Reply, outcome: Outcome) -> Response:
    asked = outcome.case.question
    offer_open = asked is not None and asked.kind is Asks.OFFER
    if step.said is Said.CONDITION_MISSED or (step.said is Said.NOT_UNDERSTOOD and offer_open):
        # the offer, asked again as it was; after a refund promised, what it holds on (R3)
        missed = (" ", say.REFUND_IF_UNDAMAGED) if step.said is Said.CONDITION_MISSED else ()
        return finish(handler_input, (say.NOT_UNDERSTOOD, *missed))
    text = {
        Said.OKAY: say.OKAY,
        Said.HELP: say.HELP_IN_DIALOG if outcome.resume else say.HELP,
        Said.NOT_UNDERSTOOD: say.FALLBACK,
        Said.WHAT_ELSE: "",
        Said.CANT_STORE: say.CANT_STORE,
        Said.GOODBYE: say.GOODBYE,
        Said.WHICH_GOAL: "",
        Said.GOAL_MISSED: say.NOT_UNDERSTOOD,
    }[step.said]
    if step.said is Said.GOODBYE:
        turn(handler_input).keep(Case())
        return speak(handler_input, (text,))
    if outcome.resume is not None:
        return ask_for(handler_input, outcome.resume, lead=(text, " ") if text else (), back=True)
    if step.said in {Said.WHICH_GOAL, Said.GOAL_MISSED}:
        lead = say.OKAY if step.said is Said.WHICH_GOAL else say.NOT_UNDERSTOOD
        return speak(handler_input, (lead,), (say.WHICH_GOAL,))
    # "What else would you like to know?" is "anything else?" too: a no to it ends the session,
    # not "Okay. What would you like to know?" again
    turn(handler_input).keep(outcome.case._replace(question=Question(Asks.MORE)))
    if step.said is Said.WHAT_ELSE:
        return speak(handler_input, (), (say.WHAT_ELSE,))
    return speak(handler_input, (text,), (say.WHAT_TO_ASK,))


# --- doing what the customer said yes to ------------------------------------------------------


def _known_region(region_id: str) -> bool:
    """Whether a region offered for remembering is one of the delivery table's regions."""
    from policy.regions import find_region

    return find_region(region_id) is not None


def perform(handler_input: HandlerInput, step: Perform) -> Response:
    """Carry out an offer the customer accepted, and say honestly whether it worked.

    Opening a request, deleting and withdrawing consent finish the case: what was
    gathered for it is not carried into the next question.
    """
    current = turn(handler_input)
    if step.offer in {Offer.OPEN_REQUEST, Offer.DELETE_DATA, Offer.WITHDRAW_CONSENT}:
        current.keep(Case())
    if step.offer in {Offer.REMEMBER_PURCHASE, Offer.REMEMBER_REGION} and current.linked:
        from handlers.linked import profile_allowed

        profile_allowed(handler_input)  # P7 before any write: raises for a minor without consent
    if step.offer is Offer.REMEMBER_PURCHASE and step.purchase is not None:
        saved = current.save({"purchase": step.purchase})
        if saved:
            current.keep(remembered(current.case))
        return finish(handler_input, (say.REMEMBERED if saved else say.NOT_REMEMBERED,))
    if step.offer is Offer.REMEMBER_REGION and step.data and _known_region(step.data[0]):
        saved = current.save({"region": step.data[0]})
        return finish(handler_input, (say.REMEMBERED if saved else say.NOT_REMEMBERED,))
    if step.offer is Offer.DELETE_DATA:
        withdrawn = current.state().withdrawn_at
        deleted = current.erase()
        if deleted and withdrawn is not None:  # P6 outlasts "delete my data" (issue 18)
            current.save({"withdrawn_at": withdrawn})
        return finish(handler_input, (say.DELETED if deleted else say.DELETE_FAILED,))
    if step.offer is Offer.WITHDRAW_CONSENT:
        from handlers.privacy import withdraw_consent

        return withdraw_consent(handler_input)
    if step.offer is Offer.OPEN_REQUEST and step.order is not None and len(step.data) >= 3:
        from handlers.linked import submit_request

        return submit_request(handler_input, step)
    return finish(handler_input, (say.OKAY,))


__all__ = ["OrderFacts", "converse"]
