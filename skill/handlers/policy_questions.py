"""General questions about one policy fact ("who pays customs?"), answered first (D1-P9).

Questions about the customer's own purchase go through the dialog (handlers.dialog).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.aspects import (
    after_fact,
    also_asked,
    answered,
    asked_aspects,
    asks_a_refund_the_condition_rules_out,
    asks_who_pays_past_the_warranty,
    aspect_topic,
    channel_of_topic,
    damage_not_covered,
    either_period,
    fact_topic,
    names_the_shop_of_the_dated,
    period_of_another_family,
    says_the_shop_of_the_dated,
    store_first,
    store_topic,
    who_pays_under_another_topic,
)
from conversation.case import FactName, member
from conversation.service import as_asked_of, check_again, noted
from conversation.steps import Heard, Known
from handlers.context import turn
from handlers.names import (
    ALSO_ASPECT,
    ALSO_TOPIC,
    ASPECT,
    CONDITION,
    GOAL,
    PRODUCT,
    PURCHASE_DATE,
    REASON,
    SLOTS,
    STORE,
    TOPIC,
)
from handlers.respond import also_say, finish, speak
from handlers.slots import current_intent, read_slot, two_said
from speech import say
from speech.ssml import phrase

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.intent import Intent
    from ask_sdk_model.response import Response

    from policy.facts import Topic
    from speech import Answer
    from speech.ssml import Phrase


def policy_fact(handler_input: HandlerInput) -> Response:
    """Answers "How long is the warranty?": one policy fact, said first (any rule, D1-P9).

    Asked in the middle of a purchase dialog, the dialog's open question follows.
    """
    from handlers.privacy import asked_privacy_facts, privacy_facts_response
    from policy.facts import (
        PRIVACY_TOPICS,
        Aspect,
        Topic,
        aspect_beside,
        refine,
    )
    from policy.model import Condition, Reason

    intent = current_intent(handler_input)
    from handlers.dialog import converse, own_purchase_goal_of

    current = turn(handler_input)
    # About their own purchase, the decision answers; "and what about the camera kit" after a
    # warranty answer is the same question asked of that product (W1, audit M4): the dialog
    # answers it as a new product named.
    if (
        own_purchase_goal_of(intent, current) is not None
        or (current.case.goal is not None and _names_only_a_product(intent))
        or _states_the_products_state(intent)
        or _asks_the_period_of_a_dated_purchase(intent)
        or _a_return_told_with_a_privacy_word(intent)
        or _a_purchase_told_with_the_word_buy(intent)
        or asks_a_refund_the_condition_rules_out(
            read_slot(intent, CONDITION).id,
            read_slot(intent, GOAL).id,
            read_slot(intent, TOPIC).id,
            read_slot(intent, ASPECT).id,
        )
        # "do I get my money back?" naming nothing else: the goal's own question, asked of
        # the case (a refund chosen while a refund or a repair is asked, R1, W2)
        or (_said(intent) <= {GOAL, PRODUCT} and read_slot(intent, GOAL).id is not None)
        or (
            _said(intent) == {TOPIC}
            and names_the_shop_of_the_dated(current.case, read_slot(intent, TOPIC).id)
        )
        or (
            _said(intent) == {STORE}
            and says_the_shop_of_the_dated(current.case, read_slot(intent, STORE).id)
        )
        or (
            _said(intent) <= {TOPIC, ASPECT}
            and asks_who_pays_past_the_warranty(
                current.case,
                read_slot(intent, TOPIC).id,
                read_slot(intent, ASPECT).id,
                lambda: current.today,
            )
        )
    ):
        return converse(handler_input)
    # "what's the return period and is it free": words in the first aspect that name no
    # aspect still asked for the topic named; the aspect joined on with "and" is the second
    # question, not the one that narrows the topic (R1, R4)
    topic_asked = read_slot(intent, ASPECT).unmatched and read_slot(intent, TOPIC).id is not None
    aspect_id, also_aspect = asked_aspects(
        *two_said(intent, ASPECT, ALSO_ASPECT, asked_first=topic_asked)
    )
    aspect = member(Aspect, aspect_id)
    # "and the box, we ripped it opening it, is that a problem": a topic joined on with "and"
    # and nothing before it is the question's own topic, not a second one (R3)
    topic = member(Topic, read_slot(intent, TOPIC).id or read_slot(intent, ALSO_TOPIC).id)
    store = read_slot(intent, STORE).id
    shop = channel_of_topic(None if topic is None else topic.value)
    if aspect is not None and shop is not None and store is None:
        # "who pays the return shipping if I bought it on Ozon and it's faulty": the topic
        # heard is where it was bought, and the aspect is what is asked (R5, W5)
        store, topic = shop, None
    if topic in PRIVACY_TOPICS:  # "how long do you keep my data, and is it encrypted" (P3, P9)
        return privacy_facts_response(handler_input, asked_privacy_facts(handler_input))
    # R4: who pays follows the reason given, with the question or earlier in the case (of the
    # same product: another product's reason is not this one's).
    said = Heard(
        product=read_slot(intent, PRODUCT).id,
        reason=read_slot(intent, REASON).id,
        condition=read_slot(intent, CONDITION).id,
    )
    reason = member(Reason, said.reason) or member(
        Reason, as_asked_of(current.case, said).value(FactName.REASON)
    )
    if topic is None and aspect is not None:
        # "And how long do I have?" in a refund conversation: the aspect of the case's rules;
        # after a general answer, of its family; out of the blue, of the one the aspect names.
        topic = aspect_topic(current.case, aspect)
    either = None
    if topic is None and aspect is not None and store is None:
        # "how long do I have?" naming nothing: the refund's 30 days and the warranty's year
        topic, either = either_period(aspect, reason) or (None, None)
    if topic is None and _names_only_a_product(intent):
        # "what about the doorbell?" out of the blue: what every purchase has, both periods
        topic, either = either_period(Aspect.HOW_LONG, reason) or (None, None)
    if topic is None:
        # "does the refund work for orders from your AliExpress store": whether that shop counts
        topic = store_topic(store)
    if topic is None:
        return finish(handler_input, (say.UNKNOWN_TOPIC,))
    asked = Heard(
        aspect=aspect_id,
        also_aspect=also_aspect,
        also_topic=read_slot(intent, ALSO_TOPIC).id,
        reason=None if reason is None else reason.value,
        purchase_country=read_slot(intent, SLOTS[FactName.PURCHASE_COUNTRY]).id,
        home_country=read_slot(intent, SLOTS[FactName.HOME_COUNTRY]).id,
        condition=said.condition,
    )
    if asked.reason or asked.purchase_country or asked.home_country or asked.condition:
        # their fault, the product's state and where they are stay in the case (the clock
        # only then), and decide who pays (R4, W6, W8)
        current.keep(noted(current.case, asked, Known(current.today)))
    about = as_asked_of(current.case, said)
    named = topic
    topic = refine(topic, aspect)
    if topic is Topic.DELIVERY_COST and PURCHASE_DATE in _said(intent):
        # "NVR bought on Ozon in May, screen goes black, who's paying postage": postage asked
        # of a purchase dated in the same breath is sending it back (R4, W5), never what
        # delivering a new order costs (D2)
        topic = Topic.RETURN_SHIPPING
    topic = damage_not_covered(about, fact_topic(about, topic))
    topic = store_first(store, topic, aspect)
    explanation = current.fact(topic, reason)
    result = say.fact_answer(explanation)
    condition = member(Condition, about.value(FactName.CONDITION))
    second = (
        also_asked(about, asked, topic, said_first=named)
        or who_pays_under_another_topic(about, aspect, topic)
        or (aspect_beside(topic, aspect) if _TOPIC_SLOTS & _said(intent) else None)
        or either
        or period_of_another_family(read_slot(intent, GOAL).id, None, topic, aspect_id)
    )
    also_say(handler_input, second, first=topic, reason=reason, condition=condition)
    current.keep(answered(current.case, topic))
    return _after_the_fact(handler_input, topic, result, say.short_fact(explanation))


#: The slots a question names its topic in (its aspect may name one instead).
_TOPIC_SLOTS = frozenset({TOPIC, ALSO_TOPIC})


def _after_the_fact(
    handler_input: HandlerInput, topic: Topic, result: Answer, short: Phrase
) -> Response:
    """The fact, then what follows it: a date check once more, the open question, or an offer."""
    current = turn(handler_input)
    again = check_again(current.case, topic)
    if again is not None:  # a date was being checked: the fact, then the check once more
        from handlers.dialog import show

        return show(handler_input, again)
    check = after_fact(current.case, topic.value)
    if check is None:  # before a question coming back, the fact's own short form (R4: each way)
        return finish(handler_input, result, short=short)
    if current.linked and not _may_check_theirs(handler_input):
        # P7: no offer to check a minor's own purchase; the fact stands, then why not theirs
        speech = phrase(result.speech, " ", say.MINOR_CANNOT_CHECK)
        return finish(handler_input, result._replace(speech=speech))
    current.keep(check)
    return speak(handler_input, result.speech, (say.OFFER_CHECK_YOURS,), card=result)


def _may_check_theirs(handler_input: HandlerInput) -> bool:
    """P7: whether the linked account may be read to check the customer's own purchase.

    A minor's account without a guardian's consent may not (and what was stored for it is
    deleted); an account that cannot be read just now is left to the check itself to say so.
    """
    from adapters.account_errors import AccountError
    from handlers.errors import MinorWithoutConsentError
    from handlers.linked import profile_allowed

    try:
        profile_allowed(handler_input)
    except MinorWithoutConsentError:
        return False
    except AccountError:
        return True
    return True


def _states_the_products_state(intent: Intent) -> bool:
    """The question states facts of their purchase and names no topic or aspect.

    "What if it's broken?", "and if it arrived smashed", "I got the doorbell from you on
    the 20th", "I'm in Armenia now though": what is wrong with it, when it was bought or
    where they are, with no rule named, which the dialog hears as a statement (R1, R3, R4,
    W2, W6), not a question about a policy topic. Words in the topic or aspect slot that
    match none of their values ("though") name no rule.
    """
    stated = {REASON, CONDITION, *(SLOTS[fact] for fact in _WHERE)}
    named = any(read_slot(intent, name).id for name in (TOPIC, ASPECT))
    # A state in words that match none of the slot's values ("what if it doesn't arrive")
    # states nothing the dialog can use: it is a question the topics may still answer.
    told = PURCHASE_DATE in _said(intent) or any(read_slot(intent, name).id for name in stated)
    return told and not named


def _asks_the_period_of_a_dated_purchase(intent: Intent) -> bool:
    """How long, asked of a purchase dated in the same breath, with no rule or reason named.

    "We bought the kit from the official ZOSI store on AliExpress on 25 October ... how
    long have we actually got": their own last days (R1, W1), not the 30 days read out as a
    rule; which of them they mean is not said, so the decision says what the date allows.
    """
    from policy.facts import Aspect

    dated = PURCHASE_DATE in _said(intent)
    period = member(Aspect, read_slot(intent, ASPECT).id) in {Aspect.HOW_LONG, Aspect.STARTS}
    named = any(read_slot(intent, name).id for name in (TOPIC, ALSO_TOPIC, REASON, GOAL))
    return dated and period and not named


def _a_purchase_told_with_the_word_buy(intent: Intent) -> bool:
    """Where to buy heard in words that tell when they bought it: their purchase, not D1.

    "When did I buy it? Um, October 2025 I think, is that a problem?" and "I buy it in May
    2026 in Russia, I must pay the post to send it to repair?" say "buy it", which is also
    how "where can I buy one" is asked (D1); a purchase date said with it makes it the
    customer's own purchase, which the dialog takes (W1, R1), never where to order one.
    """
    from policy.facts import Topic

    where = member(Topic, read_slot(intent, TOPIC).id) is Topic.WHERE_TO_BUY
    return where and PURCHASE_DATE in _said(intent)


def _a_return_told_with_a_privacy_word(intent: Intent) -> bool:
    """A return asked for with a reason, in words that also name a privacy topic.

    "My children got me this camera as a present and I really don't want it, how do I give
    it back": "my children" is also how a question about minors starts (P7), but a reason
    and a goal said with it make it a gift to return (R6, R4), not a privacy question.
    """
    from policy.facts import PRIVACY_TOPICS, Topic

    privacy = member(Topic, read_slot(intent, TOPIC).id) in PRIVACY_TOPICS
    return privacy and any(read_slot(intent, name).id for name in (REASON, CONDITION, GOAL))


#: Where it was bought and where they are: facts of the purchase that decide who pays (W6).
_WHERE = (FactName.PURCHASE_COUNTRY, FactName.HOME_COUNTRY)


def _names_only_a_product(intent: Intent) -> bool:
    """The question names a product and nothing else: no topic, aspect, shop or reason.

    "And what about the camera kit" after a warranty answer asks the same of that product
    (W1, audit M4). Out of the blue ("what about the doorbell?", "so I got one of your
    cameras a while back and it's acting weird"), no rule is named: both periods answer it
    (R1, W1), where the topics had only "I don't know that part of ZOSI's policy".
    """
    return _said(intent) == {PRODUCT}


def _said(intent: Intent) -> set[str]:
    """The slots the customer's words filled."""
    return {name for name in intent.slots or {} if read_slot(intent, name).spoken}
