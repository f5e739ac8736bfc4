"""The aspect a question asks about, and the goal a statement implies.

"Who pays the shipping?", "how long?", "until when?": the fact that answers it first
(:func:`policy.facts.topic_for`), unless the customer's own decision says it; which family
of rules a case is about (:func:`subject_of`); the purchase question a general fact leads
to. A statement with no question ("it stopped working", "I threw the box out") implies a
goal from the reason or the product's condition (R3, R4, W2). The facts module
(:mod:`policy.facts`) is imported only when an aspect was asked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from conversation.case import (
    GENERAL,
    GIFT,
    Asks,
    Case,
    Fact,
    FactName,
    Goal,
    Offer,
    Question,
    Source,
    member,
    purchase_span,
)
from conversation.decisions import (
    _claim_kind,
    _condition_rules_out,
    _refund_ruled_out,
    shipped_from_abroad,
)
from conversation.questions import _asked_once_more, kept_lead, offer_made_again
from conversation.steps import AskFact, Explained, Heard, Known, Outcome
from policy.claims import ClaimKind
from policy.model import Channel, Condition, Reason
from policy.terms import STORE_COUNTRY

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from policy.facts import Aspect, Subject, Topic


def _explain(case: Case, heard: Heard, known: Known) -> Outcome | None:
    """A question about one aspect ("how many days", "who pays"): the fact that answers it.

    Whichever goal intent carried it, the first sentence is the fact asked for; the
    facts said with it stay in the case, and the conversation goes on: the open
    question is asked again, or the skill offers to check the customer's own purchase.
    A date being checked ("Just to check: ...?") goes first, and so does an aspect no
    single fact answers ("can I", a refund's steps): the decision answers those.
    """
    if heard.aspect is None:  # most turns: the facts module is not even loaded
        return _named_fact(case, heard)
    from policy.facts import Aspect, Subject, Topic

    aspect = member(Aspect, heard.aspect)
    if aspect is None or (case.question is not None and case.question.kind is Asks.CONFIRM):
        return None
    # R3: a refund the product's state rules out is the goal (`implied_goal`), and answers
    undecided = case.goal is None or (case.goal is Goal.CLAIM and _claim_kind(case) is None)
    refused = undecided and asks_a_refund_the_condition_rules_out(
        case.value(FactName.CONDITION), None, heard.also_topic, aspect.value
    )
    if refused or _decision_answers(case, aspect, known, follow_up=not heard.states_purchase):
        return None
    if _whether_first(case, heard, aspect):
        return None  # the decision, then the aspect's fact (`left_after_decision`)
    subject = subject_of(case)
    topic = _topic_for(case, subject, aspect)
    reason = member(Reason, case.value(FactName.REASON))
    if aspect is Aspect.WHO_PAYS and subject is Subject.REFUND:
        topic = _return_shipping_topic(case)  # from abroad, a fault too is theirs (W6)
        if reason is None and _refund_period_over(case, known.today):
            # R1, W5: past the 30 days only a fault goes back, under the warranty
            topic = _topic_for(case, Subject.WARRANTY, aspect)
    if aspect is Aspect.WHO_PAYS and not _abroad(case) and _no_fault_said(case, reason, known):
        # R4: a change of mind is no warranty matter, they pay; a request whose reason is
        # not known yet may be either, so both cases are said
        topic = Topic.RETURN_SHIPPING
    if topic is None:
        return None
    return _fact_first(case, damage_not_covered(case, topic))


def reason_says_who_pays(case: Case, aspect: str | None) -> Topic | None:
    """Who pays the shipping, when the reason given decides it and a purchase question is next.

    "The camera that came two days ago won't turn on, who pays to send it back" with the
    shop not known yet: the question about the shop comes, but a fault goes back at ZOSI's
    cost whichever shop sold it (W5 under the warranty; from abroad W6), and a change of mind
    at the customer's (R4). None when no reason was given or something else was asked.
    """
    from policy.facts import Aspect

    if case.value(FactName.REASON) is None or member(Aspect, aspect) is not Aspect.WHO_PAYS:
        return None
    return _return_shipping_topic(case)


#: What a goal question asked with its purchase dated hears after the decision, not instead
#: of it: "is my camera from May still under warranty, and would I pay customs" is covered
#: until when (W1), then customs (W9); "can I get an advance replacement for my doorbell
#: from April, and how fast do you ship it" whether and until when (X1), then X4.
_AFTER_THE_DECISION = frozenset(
    {"customs", "how_fast", "not_faulty", "steps", "card_hold", "approved", "where_from"}
)


def _whether_first(case: Case, heard: Heard, aspect: Aspect) -> bool:
    """Whether the decision answers first, and the aspect's fact follows it."""
    return (
        heard.goal_asked
        and heard.goal is case.goal
        and case.goal in {Goal.REFUND, Goal.WARRANTY, Goal.CROSS_SHIP}
        and heard.date is not None
        and purchase_span(case) is not None
        and aspect.value in _AFTER_THE_DECISION
    )


def left_after_decision(case: Case, heard: Heard) -> Topic | None:
    """The fact a decision leaves unsaid of the aspect its question asked, said after it.

    Who pays (:func:`who_pays_left`), or an aspect the decision came before
    (``_AFTER_THE_DECISION``): customs (W9), how fast (X4), the test that finds no fault
    (W8), the steps (W3, W4), the card hold (X3).
    """
    from policy.facts import Aspect

    aspect = member(Aspect, heard.aspect)
    if aspect is None or aspect is Aspect.WHO_PAYS:
        return who_pays_left(case, heard.aspect)
    if not _whether_first(case, heard, aspect):
        return None
    if aspect is Aspect.CARD_HOLD and case.goal is Goal.CROSS_SHIP:
        return None  # X3: the replacement's decision names its hold already
    topic = _topic_for(case, subject_of(case), aspect)
    return None if topic is None else fact_topic(case, topic)


def who_pays_under_another_topic(
    case: Case, aspect: Aspect | None, answered: Topic
) -> Topic | None:
    """Who pays, asked in the words of a question that named another fact as its topic.

    "I live in Georgia now and my camera from Russia is broken, I'm guessing I'm paying the
    postage, but what about the duties and taxes": customs is the topic (W9), and who pays
    the postage was asked too; from abroad, the customer (W6). None when the answer is
    already who pays, or nothing in the case says whose shipping it is.
    """
    from policy.facts import Aspect, Topic

    if aspect is not Aspect.WHO_PAYS or answered.value in WHO_PAYS_TOPICS:
        return None
    if case.goal is None and not _quality_problem(case) and not _abroad(case):
        return None
    topic = fact_topic(case, Topic.RETURN_SHIPPING)
    return None if topic is answered else topic


def steps_of_the_fault_route(case: Case, heard: Heard) -> Topic | None:
    """The warranty's first step, asked of a refund for a fault that the 30 days rule out (W3).

    "I bought it on 5 June, it's broken, can I send it back, what do I do": the refund's
    answer for a fault is the warranty ("once ZOSI support confirms the fault"), and what to
    do is to tell ZOSI support first, at its address; the return's own steps would send a
    product the refund no longer takes.
    """
    from policy.facts import Aspect, Topic

    steps = member(Aspect, heard.aspect) is Aspect.STEPS
    asked = steps and case.goal is Goal.REFUND and _quality_problem(case)
    return Topic.WARRANTY_CLAIM if asked else None


def state_rules_out_the_refund(case: Case) -> Topic | None:
    """What a warranty decision leaves unsaid of a state the customer gave: no refund (R3).

    "The box went to the recycling, the camera is fine, we bought it on the 12th: can we
    still return it" heard as a warranty question, or "I lost the box, is my camera still
    under warranty": the warranty does not need the box, but the state was said for a
    reason, and a refund needs the product and its box back undamaged. None when a fault was
    given (the warranty is then the answer) or nothing said rules the refund out.
    """
    from policy.facts import Topic

    if case.goal is not Goal.WARRANTY or not _condition_rules_out(case):
        return None
    return None if case.value(FactName.REASON) is not None else Topic.RETURN_CONDITION


def who_pays_left(case: Case, aspect: str | None, *, costs_said: bool = True) -> Topic | None:
    """Who pays, asked with a refund or a warranty the decision allows but gave no reason for.

    "I bought the kit twelve days ago and found a cheaper one, can I return it and do I pay
    the postage": the decision says until when, and who pays for each kind of reason comes
    after it, as the reason was not heard; from abroad, the customer pays either way. None
    when the decision says it already.

    ``costs_said``: the decision says what the reason given costs. One that hangs on the
    exact day does not ("I live in Belarus, bought my NVR in Russia last year, it's broken,
    do I pay": "that depends on the exact day ..."), so who pays follows it for that reason
    too (W5, from abroad W6; R4 for a refund).
    """
    from policy.facts import Aspect, Subject

    if member(Aspect, aspect) is not Aspect.WHO_PAYS:
        return None
    if case.goal is Goal.CROSS_SHIP:
        # X1: the replacement's decision says its hold, never what its shipping costs
        return _topic_for(case, Subject.CROSS_SHIP, Aspect.WHO_PAYS)
    if costs_said and case.value(FactName.REASON) is not None:
        return None
    if case.goal is Goal.WARRANTY:
        # W5, W6: a warranty decision with no fault said is silent on the shipping
        return _topic_for(case, Subject.WARRANTY, Aspect.WHO_PAYS)
    if case.goal is not Goal.REFUND or _refund_ruled_out(case):
        return None
    return _return_shipping_topic(case)


def period_of_another_family(
    goal: str | None, topic: str | None, answered: Topic, aspect: str | None
) -> Topic | None:
    """The other period asked, when a question names two families, one as its goal.

    "How long is the warranty and how long do I have to return something" names the
    warranty for its topic and the refund for its goal: the warranty's year (W1), then the
    refund's 30 days (R1), not the year alone; "how long do I have to return a camera and
    how long is the warranty" the other way round. Only periods ("how long", "from when"): a
    family named with another aspect says what the question is about, not a second question.
    """
    from policy.facts import Aspect, Subject, Topic, subject_of_topic, topic_for

    asked = member(Aspect, aspect)
    named = member(Topic, topic)
    # the goal ids name their families (CustomerGoal); a topic names its own
    families = (member(Subject, goal), None if named is None else subject_of_topic(named))
    if asked not in {Aspect.HOW_LONG, Aspect.STARTS}:
        return None
    for subject in families:
        if subject is not None and subject is not subject_of_topic(answered):
            if subject is Subject.REFUND and subject_of_topic(answered) is Subject.CROSS_SHIP:
                # "how fast will you send the new one, and how long do I have to return the
                # old one": with a replacement sent first, what goes back is the faulty one,
                # within the 30 days of the card hold (X2), not a refund's return (R1)
                return Topic.CROSS_SHIP_RETURN
            return topic_for(subject, asked)
    return None


def _return_shipping_topic(case: Case) -> Topic:
    """The fact that says who pays to send their product back, for the reason given if any.

    A change of mind is the customer's to pay (R4) wherever they are; from abroad a fault,
    or a reason not yet given, is theirs too (W6); at home the return shipping is said for
    their reason, or for each kind of reason when none was given (R4, W5).
    """
    from policy.facts import Topic

    changed_mind = _other_reason(case)
    return Topic.WARRANTY_ABROAD if _abroad(case) and not changed_mind else Topic.RETURN_SHIPPING


def either_period(aspect: Aspect, reason: Reason | None) -> tuple[Topic, Topic] | None:
    """The two periods "how long do I have?" may mean, asked with no family named.

    Out of the blue, "how long" could be the refund's 30 days (R1) or the warranty's
    12 months (W1): both are said, in one breath, instead of "I don't know that part" or a
    bare counter-question. A fault said with it puts the warranty first. None for any
    other aspect.
    """
    from policy.facts import Aspect, Topic

    if aspect is not Aspect.HOW_LONG:
        return None
    if reason is not None and reason.is_quality_problem:
        return (Topic.WARRANTY_LENGTH, Topic.RETURN_WINDOW)
    return (Topic.RETURN_WINDOW, Topic.WARRANTY_LENGTH)


def asked_aspects(first: str | None, second: str | None) -> tuple[str | None, str | None]:
    """The aspect ids one turn asks, with two that ask one thing joined (W4, W8, X3, X4).

    "Who pays the shipping if it turns out nothing is wrong with it" fills both aspect
    slots, but asks only what W8 answers (:func:`policy.facts.one_question`).
    """
    if first is None or second is None:
        return first, second
    from policy.facts import Aspect, one_question

    one, two = member(Aspect, first), member(Aspect, second)
    if one is None or two is None:
        return first, second
    joined, other = one_question(one, two)
    return (None if joined is None else joined.value), (None if other is None else other.value)


def _no_fault_said(case: Case, reason: Reason | None, known: Known) -> bool:
    """Whether who pays the shipping turns on the reason (R4, W5).

    So it does for a reason that is no fault, and for a request ("I want to send it back")
    whose reason and kind are not known yet: both cases are said. Not once the 30 days are
    surely over: only a fault can still send it back then ("bought five months ago, will
    you refund the return shipping?"), and a fault's return is ZOSI's to pay (W5).
    """
    if reason is not None:
        return not reason.is_quality_problem
    if case.goal is not Goal.CLAIM or _claim_kind(case) is not None:
        return False
    return not _refund_period_over(case, known.today)


def _warranty_over(case: Case, today: date) -> bool:
    """Whether a fault is told (or a repair asked) for a purchase whose year is surely over (W1).

    "The doorbell I bought on 20 November last year stopped working, who pays the shipping":
    "when a faulty product under warranty is sent back, ZOSI pays" would be heard as a yes;
    the decision says the warranty ended, and when.
    """
    from policy.warranty import warranty_deadline  # W1's rule, loaded only when asked

    span = purchase_span(case)
    if span is None or case.goal not in {None, Goal.WARRANTY}:
        return False
    if case.goal is None and not _quality_problem(case):
        return False
    return today > warranty_deadline(span.latest)


def _refund_period_over(case: Case, today: date) -> bool:
    """Whether the 30 days to send the purchase back for any reason are surely over (R1)."""
    from policy.returns import return_deadline  # R1's rule, loaded only when asked

    span = purchase_span(case)
    return span is not None and today > return_deadline(span.latest)


def _named_fact(case: Case, heard: Heard) -> Outcome | None:
    """A goal question that names one policy fact and nothing else: that fact, first.

    "How much is the hold on my card for a cross shipment" asks X3's hold, not whether an
    advance replacement is possible; a fact named beside anything of their purchase is a
    second question (:func:`also_asked`), and the goal's own topics are the goal said again.
    """
    if (
        heard.also_topic is None
        or case.goal is None
        or heard
        != Heard(
            goal=heard.goal,
            # "what's an RMA code and do I need one to send my camera back": the claim's fact,
            # asked of a product; "can I return my camera, and the box?" asks the goal too
            product=heard.product if heard.goal is Goal.CLAIM else None,
            product_name=heard.product_name,
            also_topic=heard.also_topic,
            goal_asked=heard.goal_asked,
        )
    ):
        return None
    from policy.facts import Topic

    named = member(Topic, heard.also_topic)
    if named is None or named.value in _GOAL_SAID.get(subject_of(case), ()):
        return None
    if case.question is not None and case.question.kind is Asks.CONFIRM:
        return None
    if heard.goal == case.goal and purchase_span(case) is not None:
        # "we kept the box, nothing's broken: can we still return it", of the camera dated
        # before: the goal asked again of their purchase; its decision, then the fact (R1, R3)
        return None
    return _fact_first(case, named)


def _fact_first(case: Case, topic: Topic) -> Outcome:
    """The fact, then the open question again, or an offer to check their own purchase."""
    step = Explained(topic, member(Reason, case.value(FactName.REASON)))
    waiting = case.waiting
    if waiting is not None and case.goal is not None:
        counted = _asked_once_more(case)
        if counted is None:  # asked twice already: the fact, and no third time
            return Outcome(case._replace(question=None), step)
        fact = FactName(waiting.about)
        lead = kept_lead(waiting, fact)
        resume = AskFact(case.goal, fact, case.value(FactName.PRODUCT_NAME), lead=lead)
        return Outcome(counted, step, resume=resume)
    if case.goal is None:
        return Outcome(case, step)
    if purchase_span(case) is not None:  # their own case was decided already: nothing left to check
        return Outcome(case._replace(question=None), step)
    offer = Question(Asks.OFFER, Offer.CHECK_OWN_CASE, data=_shipping_asked(topic.value))
    return Outcome(case._replace(question=offer), step)


def _shipping_asked(topic: str) -> tuple[str, ...]:
    """What an offer to check their purchase keeps of the fact before it: a who-pays topic.

    So that "and if it's broken?" right after it asks who pays for that reason instead.
    """
    return (topic,) if topic in WHO_PAYS_TOPICS else ()


def who_pays_where_they_are(case: Case, asked: Question | None, heard: Heard) -> Topic | None:
    """Who pays the shipping, said again once where they are is known (W5, W6, W7).

    "Who pays to send a broken camera back?" - "... within the country you bought it in,
    ZOSI pays ... Would you like me to check yours?" - "I bought it from your AliExpress
    store and I live in Yekaterinburg": the question asked is answered for them (at home,
    ZOSI pays under the warranty; from abroad the customer does, W6; shipped to them from
    China, ZOSI does, W7) before the date is asked, not the warranty's length instead. Only
    right after a who-pays fact, for a turn that names a country. The topic, or None.
    """
    from policy.facts import Topic

    offered = _who_pays_offered(asked)
    if offered is None or (heard.home_country is None and heard.purchase_country is None):
        return None
    if shipped_from_abroad(case):
        return Topic.INTERNATIONAL_ORDERS
    return _return_shipping_topic(case) if _abroad(case) else member(Topic, offered)


def _who_pays_offered(asked: Question | None) -> str | None:
    """The who-pays fact an offer to check their purchase came after, if it did (its topic)."""
    if asked is None or asked.about != Offer.CHECK_OWN_CASE or asked.data[:1] == ():
        return None
    return asked.data[0] if asked.data[0] in WHO_PAYS_TOPICS else None


def abroad_now(before: Case, after: Case) -> Topic | None:
    """What being abroad means, once a turn says the customer is outside the country of purchase.

    "The NVR is broken, I want to send it back" - "... ZOSI pays the return shipping ... When
    did you buy it?" - "I bought it in Russia but now I live in Kazakhstan": no miss, and the
    shipping said before no longer holds: from abroad the customer pays it (W6), said before
    the date is asked again. None on the case's first turn, when they were abroad already,
    are not now, or gave a change of mind (theirs to pay either way, R4).
    """
    if before.goal is None or after.goal is None or _abroad(before) or not _abroad(after):
        return None  # said with the question itself, the question's own answer says it
    return None if _other_reason(after) else abroad_fact(after)


def abroad_fact(case: Case) -> Topic:
    """What a customer abroad pays to send their product, for the case's request.

    A repair or a refund from abroad is W6's international shipping; an advance replacement
    is X1's: free ground shipping only within the country of purchase, fees elsewhere.
    """
    from policy.facts import Aspect, Subject, Topic

    if case.goal is Goal.CROSS_SHIP:
        topic = _topic_for(case, Subject.CROSS_SHIP, Aspect.WHO_PAYS)
        if topic is not None:
            return topic
    return Topic.WARRANTY_ABROAD


def who_pays_for_another_reason(case: Case, asked: Question | None, heard: Heard) -> Outcome | None:
    """Who pays the shipping for a reason said right after who pays for another one.

    "If I return the camera because I changed my mind, who pays the shipping?" - "As it
    isn't a quality problem, you pay ... Would you like me to check yours?" - "and if it's
    broken?": the same question for a fault, ZOSI's to pay at home (R4, W5; from abroad the
    customer's, W6), not the warranty's rule and "when did you buy it?" because the words
    were heard as a warranty question. Only right after a who-pays fact, and only for a turn
    that says a new reason and nothing else of a purchase.
    """
    if _who_pays_offered(asked) is None:
        return None
    reason = member(Reason, heard.reason)
    if reason is None or reason.value == case.value(FactName.REASON):
        return None
    if heard.product not in {None, case.value(FactName.PRODUCT)}:
        return None
    rest = heard._replace(
        goal=None, product=None, product_name=None, reason=None, signal=None, goal_asked=False
    )
    if rest != Heard():
        return None
    noted = case.with_facts({FactName.REASON: Fact(reason.value, Source.SAID)})
    return _fact_first(noted, _return_shipping_topic(noted))


#: Topics that answer "who pays the shipping" for one family; asked while a case is open,
#: they mean the case's own shipping (C3 in the audit: "who pays the shipping" in a repair
#: conversation is not the free delivery of new orders).
WHO_PAYS_TOPICS = frozenset(
    {"delivery_cost", "return_shipping", "warranty_shipping", "warranty_abroad", "cross_ship_cost"}
)


def asks_who_pays_past_the_warranty(
    case: Case, topic: str | None, aspect: str | None, today: Callable[[], date]
) -> bool:
    """Whether "who pays the shipping", asked on its own, asks it of a warranty now over.

    "Sorry, the one-year warranty on your camera ended on 3 November" - "who pays the
    shipping?": the rule "when a faulty product under warranty is sent back, ZOSI pays"
    would be heard as a yes; the warranty's end answers it (W1, W8: a product the warranty
    no longer covers goes back and forth at the customer's cost).
    """
    asks = topic in WHO_PAYS_TOPICS or aspect == "who_pays"
    # today (and the device's time zone) is read only for a purchase dated in this session
    return asks and purchase_span(case) is not None and _warranty_over(case, today())


def asks_a_refund_the_condition_rules_out(
    condition: str | None, goal: str | None, topic: str | None, aspect: str | None
) -> bool:
    """Whether a question about sending the product back comes with a state that rules it out.

    "I dropped my camera, who pays the return shipping", "scuffed it mounting it, refund?",
    "I dropped it and the picture's fuzzy, can I return it for a refund or does the warranty
    cover that": a product the customer damaged, or whose box is gone, gets no refund return
    (R3), so who pays for one, or until when, is no answer; the refund's own decision is,
    and it points a fault to the warranty. A warranty question named on its own ("I dropped
    it, how long is the warranty") is still the warranty's.
    """
    from policy.facts import Aspect, Subject, Topic, subject_of_topic

    state = member(Condition, condition)
    if state is None or not state.blocks_refund:
        return False
    if member(Goal, goal) is Goal.REFUND:
        return True
    named = member(Topic, topic)
    if named is not None:
        return subject_of_topic(named) is Subject.REFUND
    return member(Aspect, aspect) in {Aspect.WHO_PAYS, Aspect.HOW_LONG, Aspect.LATE}


def damage_not_covered(case: Case, topic: Topic) -> Topic:
    """Who pays under the warranty, for a product the customer said they damaged (W8).

    "What if the warranty doesn't cover it, like water got in, who pays to get it back to
    me": damage they did is the warranty's to judge, and what it does not cover comes back
    at their cost (W8), not "ZOSI pays the return shipping" (W5).
    """
    from policy.facts import Topic

    damaged = member(Condition, case.value(FactName.CONDITION)) is Condition.DAMAGED_BY_CUSTOMER
    return Topic.NOT_DEFECTIVE if damaged and topic is Topic.WARRANTY_SHIPPING else topic


def fact_topic(case: Case, topic: Topic) -> Topic:
    """The fact a general question means, given the conversation it is asked in.

    "Who pays the shipping?" after a repair or a replacement was discussed asks who pays
    to send that product (W5, W6, X1), not what delivery of a new order costs (D2), and so
    does one asked after a purchase was told with no goal yet (R4, W5). So does a fault said
    with it ("my camera from China doesn't work, who pays"): it goes back
    under the warranty whatever was asked for it, from abroad at the customer's cost (W6):
    "I'm in Berlin, it stopped working, who pays the shipping".
    """
    if topic.value not in WHO_PAYS_TOPICS:
        return topic
    from policy.facts import Aspect, Subject

    if case.goal is None:
        if _quality_problem(case):
            # a fault goes back under the warranty, whatever the goal: W5 at home, W6 from abroad
            return _topic_for(case, Subject.WARRANTY, Aspect.WHO_PAYS) or topic
        # "the doorbell came yesterday" - "... return it, or is something wrong?" - "who covers
        # postage": sending their product back, for either reason (R4, W5), not D2's delivery;
        # so is "I bought it in Russia but I live in Latvia now: do I pay the postage?" (W6)
        # "what customs fees do I pay if I send it back from Belarus": sending it back was
        # asked, and from abroad it is the customer's to pay, fault or not (W6, W9)
        sent_from_abroad = _abroad(case) and (
            case.value(FactName.PURCHASE_COUNTRY) is not None or topic.value == "return_shipping"
        )
        if sent_from_abroad or purchase_span(case, guessed=True) is not None:
            return _return_shipping_topic(case)
        return topic
    subject = subject_of(case)
    if subject is Subject.REFUND:
        # "I moved to Armenia, the NVR I bought in Russia is defective" - "who pays to send it
        # back?": from abroad a fault goes at the customer's cost (W6), not R4's ZOSI
        return _return_shipping_topic(case)
    return _topic_for(case, subject, Aspect.WHO_PAYS) or topic


def _decision_answers(  # noqa: PLR0911
    case: Case, aspect: Aspect, known: Known, *, follow_up: bool = False
) -> bool:
    """Whether the customer's own decision says what the aspect asks, so it answers instead.

    "Until when is the warranty on my doorbell, bought on 10 January" is the personal
    "until 10 January 2027"; "how do I start a claim" is the claim's steps; "do I pay
    to send it back" with the reason (a refund) or where they are (a repair) known is
    the decision's who-pays sentence. Without those facts, the rule answers first. Asked
    again as a follow-up (``follow_up``: the turn says nothing new of the purchase), who
    pays is its own fact for their reason, not the whole decision once more.
    """
    from policy.facts import Aspect

    if case.goal is Goal.REFUND and _refund_ruled_out(case):
        # R2, R3, R5: no refund at all, whatever was asked about one; but a fault bought from
        # another seller still goes back under ZOSI's warranty at ZOSI's cost (W1, W5)
        return not (
            aspect is Aspect.WHO_PAYS
            and case.value(FactName.CHANNEL) == Channel.THIRD_PARTY
            and _quality_problem(case)
        )
    own = purchase_span(case) is not None or known.orders is not None
    gift = case.value(FactName.CHANNEL) == GIFT
    if gift and not own and aspect in {Aspect.HOW_LONG, Aspect.STARTS, Aspect.STEPS}:
        return True  # R6: the giver holds the date and the receipt; that answer comes first
    if aspect in {Aspect.HOW_LONG, Aspect.STARTS}:
        return own
    if aspect is Aspect.LATE and case.goal is Goal.REFUND:
        return own  # "is it too late to return it", bought on the 9th: their own until when
    if aspect is Aspect.NOT_FAULTY and case.goal is Goal.REFUND and not follow_up:
        # "it works, nothing wrong with it, but we're moving: can we send it back?", dated:
        # the state of a product they want refunded for another reason, not W8's test; their
        # decision answers, and it says who pays for a product that is not faulty (R1, R4)
        return own and _other_reason(case)
    if aspect is Aspect.STEPS and (
        _warranty_over(case, known.today)
        or (case.goal is Goal.REFUND and _refund_period_over(case, known.today))
    ):
        # "I bought the camera in October 2024, it's broken now, what do I do": the year
        # ended, so there is no claim to make steps for; "I ordered it on 30 September, is
        # it too late to return it, and what are my options": the 30 days did. The
        # decision says so, and what is still open (R1, W1)
        return True
    if aspect is Aspect.STEPS:
        return case.goal is Goal.CLAIM
    if aspect is Aspect.WHO_PAYS and case.goal is Goal.WARRANTY and known.orders is not None:
        return True  # W5, W6: each order knows where it was bought and where they are
    if aspect is Aspect.WHO_PAYS and _warranty_over(case, known.today):
        return True  # W1: a fault past the year is the warranty's end, not who pays under it
    if aspect is Aspect.WHO_PAYS and purchase_span(case) is not None and not follow_up:
        if case.goal is Goal.REFUND:
            # the decision says who pays for the reason given, or for each kind after it
            # (`who_pays_left`), the shop's question last; with neither known and the 30 days
            # surely over, only a fault still goes back: its shipping is the answer (W5)
            known_ones = (FactName.REASON, FactName.CHANNEL)
            return any(case.value(name) is not None for name in known_ones) or not (
                _refund_period_over(case, known.today)
            )
        if case.goal in {Goal.WARRANTY, Goal.CROSS_SHIP}:
            # "is my NVR under warranty, bought last December, and who pays to ship it to
            # you": whether it is covered first (W1), then who pays under it (W5, W6, after
            # it: `who_pays_left`), never the shipping alone with the year left unsaid; the
            # same for a replacement asked for with "is that free" (X1)
            return True
    return False


def _quality_problem(case: Case) -> bool:
    """Whether the reason given is a quality problem (R4's decision: a fault, broken on arrival)."""
    reason = member(Reason, case.value(FactName.REASON))
    return reason is not None and reason.is_quality_problem


def _other_reason(case: Case) -> bool:
    """Whether a reason was given that is no quality problem (R4: a change of mind, ...)."""
    reason = member(Reason, case.value(FactName.REASON))
    return reason is not None and not reason.is_quality_problem


def steps_family(case: Case) -> Subject:
    """The family of rules whose steps come next in a case ("what do I do now?").

    A fault's next step is the report to ZOSI support (W3), refund or repair: the return's
    steps ("unless it's faulty, you pay the postage", "to start a return") speak to another
    reason, and to a refund the product's state may already have ruled out (R3).
    """
    from policy.facts import Subject

    subject = subject_of(case)
    return Subject.WARRANTY if subject is Subject.REFUND and _quality_problem(case) else subject


def subject_of(case: Case) -> Subject:
    """The family of rules a case is about: its goal, or for a claim the request it is for."""
    from policy.facts import Subject

    goal = case.goal
    if goal is Goal.REFUND:
        return Subject.REFUND
    if goal is Goal.CROSS_SHIP:
        return Subject.CROSS_SHIP
    if goal is Goal.CLAIM:
        kind = _claim_kind(case)
        if kind is ClaimKind.REFUND_RETURN:
            return Subject.REFUND
        if kind is ClaimKind.CROSS_SHIP:
            return Subject.CROSS_SHIP
    return Subject.WARRANTY


def aspect_topic(case: Case, aspect: Aspect) -> Topic | None:
    """The fact an aspect asked on its own is about ("and for how long?").

    Of the case's goal first; with none, of the family of the general fact answered last
    this session ("do you store the dates I tell you?" - "for how long?" is how long data is
    kept, P9; "how much is delivery?" - "and from where?" where orders leave, D3), or else
    of the family the aspect names on its own, if any.
    """
    from policy.facts import ASPECT_SUBJECTS, Aspect, Subject, Topic, topic_for

    if aspect is Aspect.STEPS and _first_step_said(case):
        # "and then what happens" (W4), or "what's the address for that" (W3): both steps
        return Topic.CLAIM_AFTER_REPORT
    if case.goal is not None:
        family = steps_family(case) if aspect is Aspect.STEPS else subject_of(case)
        topic = topic_for(family, aspect)
        if topic is None and family is Subject.WARRANTY:
            # "what if I'm late", "how soon do you send it" in a claim whose kind isn't said:
            # only an advance replacement has a return deadline and a dispatch time (X3, X4)
            return topic_for(Subject.CROSS_SHIP, aspect)
        return topic
    for subject in (member(Subject, case.value(FactName.SUBJECT)), ASPECT_SUBJECTS.get(aspect)):
        topic = None if subject is None else topic_for(subject, aspect)
        if topic is not None:
            return topic
    return None


def _first_step_said(case: Case) -> bool:
    """Whether a request's rule, whose first step is emailing support (W3), was just said.

    "My camera's faulty, what do I do first" hears the rule, the first step and "when did
    you buy it?"; "and then what happens" next asks what follows it, not that step again.
    """
    waiting = case.waiting
    return (
        case.goal is Goal.CLAIM
        and waiting is not None
        and waiting.about == FactName.PURCHASED
        and waiting.data[:1] == (GENERAL,)
    )


def answered(case: Case, topic: Topic) -> Case:
    """The case after a general fact was answered: its family kept for a follow-up's aspect."""
    from policy.facts import subject_of_topic

    subject = subject_of_topic(topic)
    if subject is None or case.goal is not None:
        return case
    return case.with_facts({FactName.SUBJECT: Fact(subject.value, Source.SAID)})


def _topic_for(case: Case, subject: Subject, aspect: Aspect) -> Topic | None:
    """The fact that answers ``aspect`` of ``subject`` for where this customer and purchase are."""
    from policy.facts import topic_for

    return topic_for(
        subject, aspect, abroad=_abroad(case), shipped_internationally=shipped_from_abroad(case)
    )


def _abroad(case: Case) -> bool:
    """Whether the customer said they are outside the country of purchase (W6, X1).

    Not one at home that ZOSI shipped the purchase to from abroad (W7).
    """
    home = case.value(FactName.HOME_COUNTRY)
    bought = case.value(FactName.PURCHASE_COUNTRY) or STORE_COUNTRY
    return home is not None and home != bought and not shipped_from_abroad(case)


#: The purchase question a general fact leads to: after the fact, the skill offers to check
#: the customer's own purchase (values are :class:`policy.facts.Topic` values).
TOPIC_GOALS: dict[str, Goal] = {
    **dict.fromkeys(
        (
            "return_window",
            "return_reason",
            "return_eligibility",
            "return_condition",
            "return_shipping",
            "return_steps",
            "third_party",
            "gift",
        ),
        Goal.REFUND,
    ),
    **dict.fromkeys(
        (
            "warranty_length",
            "warranty_coverage",
            "warranty_shipping",
            "warranty_abroad",
            "international_orders",
        ),
        Goal.WARRANTY,
    ),
    **dict.fromkeys(
        (
            "cross_shipping",
            "cross_ship_cost",
            "cross_ship_return",
            "cross_ship_hold",
            "cross_ship_dispatch",
        ),
        Goal.CROSS_SHIP,
    ),
}


#: Facts no decision about a purchase says: asked of one, they are said before its question.
_FACTS_FIRST = frozenset({"return_condition"})


#: The aspect a fact's topic asks, when a question names the topic and not the aspect: "will
#: you cover the return shipping if the doorbell is defective" asks who pays (R4, W5), "the
#: hold on my card" how much is held (X3), "customs" whether they pay duties (W9).
_TOPIC_ASPECTS = {
    # "can I return the spare one, and will the shipping cost me anything": of a purchase of
    # theirs, a shipping cost named asks who pays the way back (R4), never a new order's (D2)
    "delivery_cost": "who_pays",
    "return_shipping": "who_pays",
    "warranty_shipping": "who_pays",
    "cross_ship_cost": "who_pays",
    "customs": "customs",
    "cross_ship_hold": "card_hold",
    "cross_ship_dispatch": "how_fast",
}


def aspect_of_topic(topic: str | None) -> str | None:
    """The aspect a question asks by naming only its topic (an Aspect id), if one."""
    return None if topic is None else _TOPIC_ASPECTS.get(topic)


def fact_first(topic: str | None) -> str | None:
    """The fact a question about the customer's own purchase asks, said before the flow's.

    "Does the box have to be in perfect condition for me to return the camera" asks R3 of
    their purchase: the refund's date question follows, but the decision itself would never
    say what state the product must come back in, so the fact comes first.
    """
    return topic if topic in _FACTS_FIRST else None


#: Why each purchase fact is asked, as the policy fact that depends on it: the purchase date
#: starts the refund period and the warranty (R1, W1), the shop decides the refund (R2), the
#: country of purchase who pays to send it back (W6), the reason who pays the return (R4).
_WHY_ASKED = {
    FactName.PURCHASED: "purchase_date",
    FactName.CHANNEL: "return_eligibility",
    FactName.PURCHASE_COUNTRY: "warranty_abroad",
    FactName.REASON: "return_shipping",
}


def why_asked(case: Case) -> str | None:
    """The policy fact that says why the open question is asked ("why do you need that?").

    "Why are you asking", said to "when did you buy your camera?", asks what the date
    changes, not what the skill does with data: the refund period and the warranty count
    from it. None when no purchase question is open.
    """
    waiting = case.waiting
    if waiting is None:
        return None
    return _WHY_ASKED.get(FactName(waiting.about))


#: The facts a decision about a purchase says itself (R1, W1, X1).
_DECIDED_TOPICS = frozenset(
    {"return_window", "warranty_length", "warranty_coverage", "cross_shipping"}
)


def asks_of_the_purchase_dated(case: Case, topic: str | None) -> bool:
    """Whether a general question names a goal of the purchase the case has dated.

    "Ok, what about the warranty then", after a refund answer about the camera bought two
    weeks ago, asks the warranty of that camera: its decision answers, not the rule
    read as if nothing had been said. So does the same goal asked again: "so there's
    really nothing I can do about a refund", after a refund refused for a camera they
    dropped, hears that refusal again, not the 30 days anyone else has (R1, R3).
    """
    if topic not in _DECIDED_TOPICS or case.goal is None:
        return False
    return purchase_span(case) is not None


#: What "how long do I have?", "from when?" and "is it too late?" ask: until when (R1, W1).
_UNTIL_WHEN_ASPECTS = frozenset({"how_long", "starts", "late"})


def asks_until_when_of_the_dated(
    case: Case, aspect: str | None, today: Callable[[], date]
) -> Goal | None:
    """The goal an aspect asked on its own asks of the purchase the case has dated, if any.

    "And how long do I have?", after a refund answer for the doorbell bought three weeks
    ago, asks that doorbell's last day, not the 30 days anyone has: its decision answers
    (R1; the warranty's end for a warranty answer, W1), and so for the order of their
    account a linked answer was about. After a purchase told with no goal yet, whose answer
    said both ends, "what's the last day exactly" asks the refund's while it runs, else the
    warranty's. None when nothing is dated, or the aspect asks something else. ``today``
    is read only then: the customer's day may cost a look-up of their time zone.
    """
    if aspect not in _UNTIL_WHEN_ASPECTS:
        return None
    span = purchase_span(case)
    if case.goal is None:
        if span is None or case.value(FactName.REASON) is not None:
            return None
        return Goal.WARRANTY if _refund_period_over(case, today()) else Goal.REFUND
    if case.goal not in {Goal.REFUND, Goal.WARRANTY}:
        return None
    own = span is not None or case.value(FactName.ORDER) is not None
    return case.goal if own else None


def names_the_period_only(case: Case, topic: str | None) -> bool:
    """Whether a topic heard with "what's the last day" only names the case's own period.

    "What's the last day I can send it back" in a refund conversation fills the topic with
    the refund itself (R1), "until when is the warranty" in a warranty one with the warranty
    (W1): neither is a second question, so the aspect asks the dated purchase's own last day
    as if no topic had been said. The other period ("and how long is the warranty?" after a
    refund answer) is a question of its own.
    """
    if topic is None:
        return True
    return case.goal is not None and topic in _PERIODS_SAID.get(case.goal, frozenset())


_PERIODS_SAID: dict[Goal, frozenset[str]] = {
    Goal.REFUND: frozenset({"return_window"}),
    Goal.WARRANTY: frozenset({"warranty_length", "warranty_coverage"}),
}


def says_the_shop_of_the_dated(case: Case, store: str | None) -> bool:
    """Whether a shop said on its own is where the purchase the case dated was bought.

    "I ordered a camera on 20 November" - "... Would you like to return it, or is something
    wrong with it?" - "I told you, from you": the shop of that camera (R2), not the rule of
    which shops ZOSI refunds read out as if nothing had been said. The same shop named as a
    topic asks again of a decided goal (:func:`names_the_shop_of_the_dated`).
    """
    return store is not None and purchase_span(case) is not None


def names_the_shop_of_the_dated(case: Case, topic: str | None) -> bool:
    """Whether a general question only says where the purchase the case dated came from.

    "What if I bought it on Amazon?" after a warranty answer for the camera bought on
    3 March re-asks that decision for a purchase from another shop (W1: still covered;
    R5: a refund through that shop), not the refund rule for other shops read as if
    nothing had been said.
    """
    if channel_of_topic(topic) is None or case.goal is None:
        return False
    return purchase_span(case) is not None


def own_purchase_goal(
    topic: str | None,
    names_purchase: bool,
    *,
    dated: bool = False,
    aspect: str | None = None,
    reason: str | None = None,
    goal: str | None = None,
    asked_before: Goal | None = None,
    also_aspect: str | None = None,
) -> Goal | None:
    """The goal of a general question that names the customer's own purchase, if any.

    "I ordered it on the 13th from your AliExpress store, what's the last day I can send
    it back" is a question about the return window (R1) asked of their purchase: the
    decision answers it, not the rule. A question that names no purchase stays general.
    With no topic, a dated purchase (``dated``) and the reason say it: "I ordered a camera
    today, how long do I have if I change my mind" asks the refund's last day (R1), "it
    broke, it's from March, how long is it covered" the warranty's (W1). A goal said with a
    dated purchase ("... twelve days ago, can I return it, and do I pay the postage") is theirs.
    A product named with nothing else asked ("what about the doorbell?") asks the question
    the conversation is on (``asked_before``) of that product. A fault said with another
    shop asks for the warranty, not the shop's refund. Of two aspects asked at once ("how
    long do I have and who pays to send it back"), either may be the period (``also_aspect``).
    """
    if not names_purchase:
        return None
    said_goal = member(Goal, goal)
    if dated and said_goal is not None:
        return said_goal
    said = member(Reason, reason)
    if topic == "third_party" and said is Reason.DEFECT and aspect != "who_pays":
        # "I bought a kit on Ozon, it's broken, who do I contact": the shop refunds (R5), but
        # a fault is ZOSI's warranty wherever it was bought (W1, W3); who pays is the fault's
        # own answer, which the refund's decision already says (R4, W5)
        return Goal.WARRANTY
    if topic is not None:
        return TOPIC_GOALS.get(topic)
    if not dated and said is None and aspect is None and said_goal is None:
        return asked_before
    return (
        (_goal_of_a_dated_reason(said, aspect) or _goal_of_a_dated_reason(said, also_aspect))
        if dated
        else None
    )


def _goal_of_a_dated_reason(said: Reason | None, aspect: str | None) -> Goal | None:
    """The goal of a dated purchase's reason asked with an aspect and no topic.

    How long or from when: a fault's warranty year (W1), a change of mind's 30 days (R1).
    Who pays for a fault: the warranty, whose end comes first once the year is over ("bought
    on 20 November last year, it died, who pays").
    """
    if said is None:
        return None
    if aspect == "who_pays" and said.is_quality_problem:
        return Goal.WARRANTY
    if aspect not in {"how_long", "starts"}:
        return None
    return Goal.WARRANTY if said.is_quality_problem else Goal.REFUND


def store_topic(store: str | None) -> Topic | None:
    """The fact a general question means when it names a shop and nothing else.

    "Does the 30-day refund work for orders from your AliExpress store" asks whether that
    shop counts (R2); another seller is R5's, a gift R6's.
    """
    if store is None:
        return None
    from policy.facts import Topic

    if store == GIFT:
        return Topic.GIFT
    if store == Channel.THIRD_PARTY:
        return Topic.THIRD_PARTY
    return Topic.RETURN_ELIGIBILITY


def channel_of_topic(topic: str | None) -> str | None:
    """The shop a general question's topic names, as the shop of the purchase it is about.

    "If a camera was a gift, ..." (R6), "bought from another seller" (R5): said with a
    purchase of theirs, it is where theirs came from.
    """
    if topic == "gift":
        return GIFT
    if topic == "third_party":
        return Channel.THIRD_PARTY.value
    return None


#: Aspects whose answer a gift or another seller changes: what to do, and until when (R5, R6).
_SHOP_DECIDES = frozenset({"steps", "how_long", "starts"})


def store_first(store: str | None, topic: Topic, aspect: str | None) -> Topic:
    """The fact a general question means when it names a gift or another seller with it.

    "The camera I got as a present doesn't record, what now": what to do depends first on
    who bought it (R6: the giver has the receipt), then on the warranty; another seller's
    product goes back through that seller (R5).
    """
    shop = store_topic(store) if store in {GIFT, Channel.THIRD_PARTY.value} else None
    if shop is None:
        return topic
    if aspect in _SHOP_DECIDES:
        return shop
    from policy.facts import Subject, subject_of_topic

    # A refund of theirs is the shop's or the giver's, whatever is asked of it ("if I bought
    # it on Ozon, who pays to send it back": R5, R6). "Someone gave me a camera, do I need
    # their receipt for a warranty repair": asked of the warranty with no aspect, the giver
    # is the answer (R6); another seller's product is still under ZOSI's warranty (W1), so
    # "it's faulty, who pays" is the warranty's shipping (W5).
    family = subject_of_topic(topic)
    if family is Subject.REFUND:
        return shop
    return shop if aspect is None and store == GIFT and family is Subject.WARRANTY else topic


def after_fact(case: Case, topic: str) -> Case | None:
    """After a general fact, the case that offers to check the customer's own purchase.

    None when the fact leads to no purchase question, or a purchase dialog is already
    waiting on an answer (it resumes instead). The offer made on the turn before and asked past
    counts as asked again: it is not made a third time running (issue 17, no loops).
    """
    goal = TOPIC_GOALS.get(topic)
    if goal is None or case.waiting is not None:
        return None
    own = purchase_span(case) is not None or case.value(FactName.ORDER) is not None
    if own and subject_of(case) is subject_of(Case(goal)):
        # their own case of this family (a repair is the warranty's) was answered, dated by
        # them or by the order of their linked account
        return None
    # The facts already given stay: a yes goes on with them instead of asking again.
    offer = offer_made_again(
        case.question, Question(Asks.OFFER, Offer.CHECK_OWN_CASE, data=_shipping_asked(topic))
    )
    return None if offer is None else Case(goal, case.facts, offer)


def implied_goal(case: Case) -> Goal | None:
    """What a statement with no question asks for, from the facts it gave.

    "It stopped working" is a warranty matter (W2); "I don't want it" or "it arrived
    broken" a refund (R1, R4); "I dropped it" asks whether it can still go back (R3).
    A date or a product alone says nothing of what the customer wants; another shop, dated
    or not, says who a refund is for ("got it at Best Buy last week, can ZOSI refund me
    directly?": R5), which holds on any day, with the warranty left for a fault.
    """
    if member(Condition, case.value(FactName.CONDITION)) is not None:
        return Goal.REFUND  # "I threw the box out" asks whether it can still go back (R3)
    reason = member(Reason, case.value(FactName.REASON))
    if reason is Reason.DEFECT:
        return Goal.WARRANTY
    if reason is not None:
        return Goal.REFUND
    if case.value(FactName.CHANNEL) == Channel.THIRD_PARTY:
        return Goal.REFUND
    return None


#: Topics that name a conversation's goal rather than a second question about it: "return it"
#: in a refund conversation is the refund itself, whose decision says until when (R1) and
#: what a gift or another shop means (R5, R6); "the warranty" in a warranty one, W1.
_GOAL_SAID: dict[str, frozenset[str]] = {
    "refund": frozenset({"return_window", "return_eligibility", "gift", "third_party"}),
    "warranty": frozenset({"warranty_length", "warranty_coverage"}),
    "cross_ship": frozenset({"cross_shipping"}),
}


def _shipping_with_customs(case: Case, heard: Heard, answered: Topic | None) -> Topic | None:
    """Who pays the shipping, after customs, for a customer whose own case is open.

    "It keeps disconnecting: who pays to send it back, and do I pay customs?" fills one
    who-pays aspect for both; customs are never ZOSI's (W9), and the shipping of their own
    return is the other half (R4, W5, W6). Asked out of the blue, "who pays customs" is W9.
    """
    from policy.facts import ASPECT_SUBJECTS, Aspect, Topic

    if answered is not Topic.CUSTOMS or member(Aspect, heard.aspect) is not Aspect.WHO_PAYS:
        return None
    if case.goal is None and heard.reason is None and case.value(FactName.REASON) is None:
        return None
    subject = subject_of(case) if case.goal is not None else ASPECT_SUBJECTS[Aspect.WHO_PAYS]
    topic = _topic_for(case, subject, Aspect.WHO_PAYS)
    return None if topic is None else fact_topic(case, topic)


#: The refund's general facts, which say what is possible within 30 days.
_REFUND_POSSIBLE = frozenset({"return_window", "return_reason", "return_eligibility"})


def _who_pays_second(case: Case, topic: Topic, answered: Topic | None) -> Topic | None:
    """Who pays, named second: the case's own shipping, unless the answer already said it.

    "It works, but the app is too complicated and I'd like to send it back, will it cost me
    anything" is answered for their reason (R4: they pay); the other regime (a fault's, W5)
    would answer nothing they asked, and say the opposite.
    """
    if answered is not None and answered.value in WHO_PAYS_TOPICS:
        return None
    return fact_topic(case, topic)


def _shops_refund(case: Case, answered: Topic | None) -> bool:
    """Whether who pays answered a refund asked of another shop's purchase (R5, W5).

    "My camera from Amazon arrived broken: can I get a refund from you, and who pays to
    send it back?" - the fault goes back at ZOSI's cost, but the refund asked for is the
    shop's: said after who pays, never left out.
    """
    return (
        answered is not None
        and answered.value in WHO_PAYS_TOPICS
        and case.goal is Goal.REFUND
        and case.value(FactName.CHANNEL) == Channel.THIRD_PARTY
    )


def also_asked(
    case: Case, heard: Heard, answered: Topic | None = None, *, said_first: Topic | None = None
) -> Topic | None:
    """The second fact one turn asked for, said after the answer to the first.

    "Is my camera still under warranty, and who pays to send it back?" gets the decision,
    then who pays (W5, or from abroad W6); "who pays the shipping, and will I have to pay
    customs?" the shipping rule, then W9; "can I return it, and how long is the warranty
    anyway?" the refund, then W1. The second aspect is of the conversation's family, else
    of the fact answered first, else the one it names on its own. A fact the answer already
    is (``answered``), or for a decision the one the first aspect asks, is not said twice.

    Args:
        case: The case after this turn.
        heard: What the turn said.
        answered: The fact the answer is, when it is one (it answers the first aspect).
        said_first: The first fact as named, before the aspect narrowed it: "how long is the
            return window, and do I need to give a reason" hears the reason as the topic and
            "how long" as its aspect, which makes it the window named second; the reason
            named is then the second fact (R1).

    Returns:
        The second fact, or None when the turn asked one thing (or the answer says both).
    """
    if _shops_refund(case, answered):
        from policy.facts import Topic

        return Topic.THIRD_PARTY
    if heard.also_aspect is None and heard.also_topic is None:
        return _shipping_with_customs(case, heard, answered)
    return _second_asked(case, heard, answered, said_first)


def _second_asked(
    case: Case, heard: Heard, answered: Topic | None, said_first: Topic | None
) -> Topic | None:
    """The second fact a turn named with an aspect or a topic of its own (`also_asked`)."""
    from policy.facts import ASPECT_SUBJECTS, Aspect, Topic, refine, subject_of_topic

    first = member(Aspect, heard.aspect)
    second = member(Aspect, heard.also_aspect)
    named = member(Topic, heard.also_topic)
    subject: Subject | None = subject_of(case) if case.goal is not None else None
    if subject is not None and named is not None and named.value in _GOAL_SAID.get(subject, ()):
        named = None  # "I bought it ten days ago and want to return it": the goal, said again
    if subject is None and answered is not None:
        subject = subject_of_topic(answered)
    done = {answered}
    if answered is None and first is not None and (subject or ASPECT_SUBJECTS.get(first)):
        done.add(_topic_for(case, subject or ASPECT_SUBJECTS[first], first))
    topic: Topic | None = None
    if named is not None:
        topic = refine(named, second or first)
        if topic in done and second is None:
            # "how long do I have to send it back, and do I need the box": the first aspect
            # was the first topic's; the box is asked on its own (R1, R3)
            topic = named
    elif second is not None:
        for family in (subject, ASPECT_SUBJECTS.get(second)):  # its own family if this has none
            topic = None if family is None else _topic_for(case, family, second)
            if topic is not None:
                break
    if topic is not None and topic.value in WHO_PAYS_TOPICS:
        topic = _who_pays_second(case, topic, answered)
    if topic is not None and topic.value in _REFUND_POSSIBLE:
        condition = member(Condition, case.value(FactName.CONDITION))
        if condition is not None and condition.blocks_refund:
            topic = Topic.RETURN_CONDITION  # R3: "I lost the box, can I still get a refund"
        elif _refund_ruled_out(case) or answered is Topic.THIRD_PARTY:
            return None  # R2, R5: no 30 days to speak of for them (the card says why)
    unsaid = None if said_first in done else said_first
    return unsaid if topic in done else topic
