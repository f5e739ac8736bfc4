"""The service layer: from the case, what the customer just said and what is known, the next step.

:func:`next_step` is a pure function. It never reads a clock, a store or an API:
the handlers translate the request into :class:`Heard`, gather what it needs into
:class:`Known` (today's date, the remembered purchase, the linked account's orders),
and turn the :class:`Step` it returns into a response. Every answer it gives and
every action it offers comes from a policy decision (R1-R6, W1-W9, X1-X4): it only
decides which decision to ask for, which fact is still missing, and what to do
with a yes.

How the conversation behaves, in one place:

- A fact the customer gave is kept for the whole session, whatever they ask next;
  a new product starts a new case.
- One question is open at a time. A question for a missing fact survives a detour
  (help, another topic, something not understood) and is asked again after it; a
  yes/no question lasts exactly one turn, so a later yes never acts on it.
- A missed answer is asked once more with the choices spelled out; after that (or
  at once after "I don't know") the skill moves on with an honest conditional
  answer or the support contact, never the same question a third time.
- A general question ("how long is the warranty") gets the rule first, then an
  offer to check the customer's own purchase.
- Costs and conditions are spoken before a yes is asked for; an action is taken
  only after a yes to that very offer.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from conversation.case import (
    ALIEXPRESS,
    GENERAL,
    GIFT,
    MAX_VALUE_CHARS,
    UNKNOWN,
    Asks,
    Case,
    Fact,
    FactName,
    Goal,
    Offer,
    Question,
    Source,
    member,
    span_of,
    span_text,
)
from conversation.steps import (
    AskFact,
    ClaimSteps,
    ConfirmDate,
    Decided,
    Decision,
    Declined,
    Explained,
    GaveUp,
    Heard,
    Known,
    Needs,
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
    Step,
)
from domain.memory import RememberedPurchase
from policy.claims import ClaimKind, claim_kind_for, fits_reason
from policy.dates import (
    DateParseError,
    FutureDateError,
    day_in_month,
    day_within,
    parse_amazon_date,
    resolve_purchase_date,
)
from policy.model import Channel, Condition, DateSpan, PurchaseFacts, Reason, Verdict
from policy.terms import STORE_COUNTRY

if TYPE_CHECKING:
    from policy.facts import Aspect, Subject, Topic


#: The misses after which the skill stops asking for a fact and moves on.
MAX_ATTEMPTS = 2
#: Orders that can still be the subject of a return, repair or replacement.
ACTIVE_STATUSES = frozenset({"processing", "shipped", "delivered"})


# --- the service -----------------------------------------------------------------------------


def next_step(case: Case, heard: Heard, known: Known) -> Outcome:
    """Decide what the skill does next (see the module docstring for the behaviour).

    Args:
        case: The conversation so far.
        heard: What the customer just said.
        known: Today's date, the remembered purchase, the linked account's orders.

    Returns:
        The step, and the case to keep for the next turn.
    """
    asked = case.question
    case = case._replace(question=case.waiting)  # yes/no questions last one turn
    if heard.goal is None and heard.signal in {Signal.YES, Signal.NO}:
        return _yes_or_no(case, asked, heard.signal is Signal.YES, known)
    if heard.goal is None and heard.signal is not None and not _has_facts(heard):
        if asked is not None and asked.kind is not Asks.FACT:
            return _unanswered(case, asked, heard.signal, known)
        return _signal(case, heard.signal, known)
    merged = _merge(case, heard, known)
    explained = _explain(merged, heard, known)
    if explained is not None:
        return explained
    # A date, another product or a new question said while a question is open: the
    # question comes again as it was; anything else that leaves it unanswered is a miss.
    new_question = heard.goal is not None and heard.goal is not case.goal
    corrected = (
        # the same date said again answers nothing new: it counts as a miss like any other
        (heard.date is not None and _span(merged, guessed=True) != _span(case, guessed=True))
        or (heard.product is not None and heard.product != case.value(FactName.PRODUCT))
        or new_question
    )
    outcome = _advance(merged, known, heard, progressed=corrected, new_question=new_question)
    return _noting_date(outcome, case, heard)


def _explain(case: Case, heard: Heard, known: Known) -> Outcome | None:  # noqa: PLR0911
    """A question about one aspect ("how many days", "who pays"): the fact that answers it.

    Whichever goal intent carried it, the first sentence is the fact asked for; the
    facts said with it stay in the case, and the conversation goes on: the open
    question is asked again, or the skill offers to check the customer's own purchase.
    A date being checked ("Just to check: ...?") goes first, and so does an aspect no
    single fact answers ("can I", a refund's steps): the decision answers those.
    """
    if heard.aspect is None:  # most turns: the facts module is not even loaded
        return None
    from policy.facts import Aspect, topic_for

    aspect = member(Aspect, heard.aspect)
    if aspect is None or (case.question is not None and case.question.kind is Asks.CONFIRM):
        return None
    if _decision_answers(case, aspect, known):
        return None
    topic = topic_for(subject_of(case), aspect, abroad=_abroad(case))
    if topic is None:
        return None
    step = Explained(topic, member(Reason, case.value(FactName.REASON)))
    waiting = case.waiting
    if waiting is not None and case.goal is not None:
        counted = _asked_once_more(case)
        if counted is None:  # asked twice already: the fact, and no third time
            return Outcome(case._replace(question=None), step)
        resume = AskFact(case.goal, FactName(waiting.about), case.value(FactName.PRODUCT_NAME))
        return Outcome(counted, step, resume=resume)
    if case.goal is None:
        return Outcome(case, step)
    if _span(case) is not None:  # their own case was decided already: nothing left to check
        return Outcome(case._replace(question=None), step)
    offer = Question(Asks.OFFER, Offer.CHECK_OWN_CASE)
    return Outcome(case._replace(question=offer), step)


#: Topics that answer "who pays the shipping" for one family; asked while a case is open,
#: they mean the case's own shipping (C3 in the audit: "who pays the shipping" in a repair
#: conversation is not the free delivery of new orders).
WHO_PAYS_TOPICS = frozenset(
    {"delivery_cost", "return_shipping", "warranty_shipping", "warranty_abroad", "cross_ship_cost"}
)


def fact_topic(case: Case, topic: Topic) -> Topic:
    """The fact a general question means, given the conversation it is asked in.

    "Who pays the shipping?" after a repair or a replacement was discussed asks who pays
    to send that product (W5, W6, X1), not what delivery of a new order costs (D2).
    """
    if topic.value not in WHO_PAYS_TOPICS or case.goal is None:
        return topic
    from policy.facts import Aspect, topic_for

    return topic_for(subject_of(case), Aspect.WHO_PAYS, abroad=_abroad(case)) or topic


def _decision_answers(case: Case, aspect: Aspect, known: Known) -> bool:  # noqa: PLR0911
    """Whether the customer's own decision says what the aspect asks, so it answers instead.

    "Until when is the warranty on my doorbell, bought on 10 January" is the personal
    "until 10 January 2027"; "how do I start a claim" is the claim's steps; "do I pay
    to send it back" with the reason (a refund) or where they are (a repair) known is
    the decision's who-pays sentence. Without those facts, the rule answers first.
    """
    from policy.facts import Aspect

    if case.goal is Goal.REFUND and _refund_ruled_out(case):
        return True  # R2, R3, R5: no refund at all, whatever was asked about one
    own = _span(case) is not None or known.orders is not None
    gift = case.value(FactName.CHANNEL) == GIFT
    if gift and not own and aspect in {Aspect.HOW_LONG, Aspect.STARTS, Aspect.STEPS}:
        return True  # R6: the giver holds the date and the receipt; that answer comes first
    if aspect in {Aspect.HOW_LONG, Aspect.STARTS}:
        return own
    if aspect is Aspect.STEPS:
        return case.goal is Goal.CLAIM
    if aspect is Aspect.WHO_PAYS and _span(case) is not None:
        if case.goal is Goal.REFUND:
            return case.value(FactName.REASON) is not None
        if case.goal is Goal.WARRANTY:
            return case.value(FactName.HOME_COUNTRY) is not None
    return False


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


def _abroad(case: Case) -> bool:
    """Whether the customer said they are outside the country of purchase (W6, X1)."""
    home = case.value(FactName.HOME_COUNTRY)
    return home is not None and home != (case.value(FactName.PURCHASE_COUNTRY) or STORE_COUNTRY)


def _noting_date(outcome: Outcome, before: Case, heard: Heard) -> Outcome:
    """Read back a purchase date given while another question was open, before the next one.

    "Where did you buy it?" - "no wait, it was five weeks ago": the date replaces the
    one given, and the skill says so before asking for the shop again, instead of
    asking as if nothing had been heard. A date given with the first question, or
    one that is checked next ("Just to check: ..."), needs no read-back.
    """
    step = outcome.step
    waiting = before.waiting
    if (
        heard.date is None
        or waiting is None
        or waiting.about == FactName.PURCHASED  # the date answered the question asked
        or not isinstance(step, AskFact)
        or step.fact is FactName.PURCHASED
    ):
        return outcome
    span = _span(outcome.case)
    if span is None:
        return outcome
    return outcome._replace(step=step._replace(noted=span))


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


def own_purchase_goal(topic: str | None, names_purchase: bool) -> Goal | None:
    """The goal of a general question that names the customer's own purchase, if any.

    "I ordered it on the 13th from your AliExpress store, what's the last day I can send
    it back" is a question about the return window (R1) asked of their purchase: the
    decision answers it, not the rule. A question that names no purchase stays general.
    """
    if not names_purchase or topic is None:
        return None
    return TOPIC_GOALS.get(topic)


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


def after_fact(case: Case, topic: str) -> Case | None:
    """After a general fact, the case that offers to check the customer's own purchase.

    None when the fact leads to no purchase question, or a purchase dialog is already
    waiting on an answer (it resumes instead).
    """
    goal = TOPIC_GOALS.get(topic)
    if goal is None or case.waiting is not None:
        return None
    if case.goal is goal and _span(case) is not None:  # their own case was answered already
        return None
    # The facts already given stay: a yes goes on with them instead of asking again.
    return Case(goal, case.facts, Question(Asks.OFFER, Offer.CHECK_OWN_CASE))


def needs(case: Case, heard: Heard) -> Needs:
    """What this turn needs besides what was said: only what can change its answer.

    A purchase question that names no date is answered from a linked customer's
    orders, else from a remembered purchase; so is a yes that goes on with one (to a
    date check, an offer to open a request or to check their own purchase). Any
    other yes or no, and any question with a date, needs neither.
    """
    goal = heard.goal or case.goal
    asked = case.question
    if heard.signal in {Signal.YES, Signal.NO} and heard.goal is None:
        goes_on = asked is not None and (
            asked.kind in {Asks.FACT, Asks.CONFIRM}
            or asked.about in {Offer.OPEN_REQUEST, Offer.CHECK_OWN_CASE}
        )
        if not goes_on:
            return Needs(memory=False, orders=False)
        if heard.signal is Signal.YES and asked is not None and asked.about == Offer.OPEN_REQUEST:
            return Needs(memory=False, orders=True)  # decided again on the orders as they are now
    undated = goal is not None and heard.date is None and case.fact(FactName.PURCHASED) is None
    choosing = asked is not None and asked.about in {FactName.ORDER, FactName.PRODUCT}
    return Needs(memory=undated, orders=undated or choosing)


def resume_after_detour(case: Case, known: Known) -> Outcome:
    """After another topic was answered, the question the purchase dialog still waits on."""
    return _signal(case._replace(question=case.waiting), Signal.DETOUR, known)


def _has_facts(heard: Heard) -> bool:
    return any(
        (
            heard.product,
            heard.date,
            heard.channel,
            heard.reason,
            heard.purchase_country,
            heard.home_country,
            heard.claim_kind,
            heard.condition,
            heard.aspect,
            heard.unmatched,
        )
    )


def _signal(case: Case, signal: Signal, known: Known) -> Outcome:
    """Help, a detour, something not understood, or "I don't know"."""
    waiting = case.waiting
    if waiting is None or case.goal is None:
        said = {
            Signal.HELP: Said.HELP,
            Signal.NOT_UNDERSTOOD: Said.NOT_UNDERSTOOD,
            Signal.DONT_KNOW: Said.OKAY,  # nothing was asked: nothing to be unsure of
        }.get(signal, Said.WHAT_ELSE)
        return Outcome(case, Reply(said))
    fact = FactName(waiting.about)
    if signal is Signal.DONT_KNOW:
        return _move_on(case, fact, known)
    if signal is Signal.NOT_UNDERSTOOD:
        return _missed(case, fact, None, known)
    reply = Reply(Said.HELP if signal is Signal.HELP else Said.WHAT_ELSE)
    counted = _asked_once_more(case)
    if counted is None:  # the fact still counts if the customer gives it later
        return Outcome(case._replace(question=None), reply)
    if fact in {FactName.ORDER, FactName.PRODUCT} and known.orders is not None:
        again = _from_orders(case, known)  # "which one do you mean" names the orders again
        if again.case.waiting is not None:  # the orders named again: the count carries over
            again = again._replace(case=again.case._replace(question=counted.question))
    else:
        again = _ask(case, fact, attempt=waiting.attempts + 1)
    resume = _as_ask(again.step)
    # Coming back, the question is put as it was first asked; the misses still count.
    return Outcome(again.case, reply, resume=resume._replace(attempt=1) if resume else None)


def _unanswered(case: Case, asked: Question, signal: Signal, known: Known) -> Outcome:
    """No yes or no to a yes/no question: check a guess once more, never act on an offer.

    "I don't know" to an offer leaves things as they are (a no); to "you bought it on
    5 November?" it drops the guess and asks for the date, rough or not.
    """
    if asked.kind is Asks.CONFIRM and case.fact(FactName.PURCHASED) is not None:
        return _check_again(case, asked, signal)
    if asked.kind is Asks.OFFER:
        return _offer_again(case, asked, signal, known)
    return _signal(case, signal, known)


def _check_again(case: Case, asked: Question, signal: Signal) -> Outcome:
    """The date check once more after an unclear answer; after "I don't know", the date."""
    if signal is Signal.NOT_UNDERSTOOD and asked.attempts < MAX_ATTEMPTS:
        check = _confirm(case, asked.data, again=False)
        if isinstance(check.step, ConfirmDate):
            question = asked._replace(attempts=asked.attempts + 1)
            return Outcome(
                check.case._replace(question=question), check.step._replace(repeated=True)
            )
        return check
    return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED, attempt=2)


def _offer_again(case: Case, asked: Question, signal: Signal, known: Known) -> Outcome:
    """No yes or no to an offer: "I don't know" declines it; a mumble hears it once more.

    An answer that was not understood gets the same offer again, in the same words, so
    the customer hears exactly what a yes will do; a second miss, or help or another
    topic, drops it: an action (a deletion, a request) follows only a clear yes to the
    question just asked.
    """
    if signal is Signal.DONT_KNOW:
        return Outcome(case, Declined(Offer(asked.about)), resume=_resumed(case))
    if signal is Signal.NOT_UNDERSTOOD and asked.attempts < MAX_ATTEMPTS:
        # "hmm maybe": the same offer once more, word for word, so a yes after it answers
        # exactly the question the customer just heard again; a second miss drops it.
        return Outcome(
            case._replace(question=asked._replace(attempts=asked.attempts + 1)),
            Reply(Said.NOT_UNDERSTOOD),
        )
    return _signal(case, signal, known)


def _asked_once_more(case: Case) -> Case | None:
    """The case with its open question counted as asked once more, or None.

    None when it was asked twice already (a miss, a detour, a fact answered first each
    count): then it is not asked a third time.
    """
    waiting = case.waiting
    if waiting is None or waiting.attempts >= MAX_ATTEMPTS:
        return None
    return case._replace(question=waiting._replace(attempts=waiting.attempts + 1))


def _as_ask(step: Step) -> AskFact | None:
    return step if isinstance(step, AskFact) else None


def _yes_or_no(  # noqa: PLR0911 - one answer per kind of question
    case: Case, asked: Question | None, yes: bool, known: Known
) -> Outcome:
    """A yes or no counts only as the answer to the question asked on the turn before."""
    if asked is None:
        return Outcome(case, Reply(Said.OKAY))
    if asked.kind is Asks.CONFIRM:
        return _confirmed(case, asked, yes, known)
    if asked.kind is Asks.OFFER:
        offer = Offer(asked.about)
        if not yes:
            return Outcome(case, Declined(offer), resume=_resumed(case))
        return _accept(case, offer, asked.data, known)
    if asked.kind is Asks.MORE:
        return Outcome(case, Reply(Said.WHAT_ELSE if yes else Said.GOODBYE))
    if asked.data == (GENERAL,):  # "If you'd like me to check yours, when did you buy it?"
        if yes:  # a yes gives no date: the question once more, then on (never a third time)
            return _ask_next(case, FactName(asked.about), known)
        return Outcome(Case(), Declined(Offer.CHECK_OWN_CASE))
    # A yes or no to "When did you buy it?" answers nothing: ask again, spelling it out.
    return _missed(case, FactName(asked.about), None, known)


def _resumed(case: Case) -> AskFact | None:
    waiting = case.waiting
    if waiting is None or case.goal is None:
        return None
    return AskFact(case.goal, FactName(waiting.about), case.value(FactName.PRODUCT_NAME))


def _accept(  # noqa: PLR0911 - one way per offer
    case: Case, offer: Offer, data: tuple[str, ...], known: Known
) -> Outcome:
    """A yes to ``offer``: perform it, or first ask what it still needs."""
    if offer is Offer.REMEMBER_PURCHASE:
        purchase = _to_remember(case)
        if not known.can_store:
            return Outcome(case, Reply(Said.CANT_STORE))
        if purchase is None:
            return Outcome(case, Reply(Said.OKAY))
        return Outcome(case, Perform(offer, purchase=purchase))
    if offer is Offer.REMEMBER_REGION and not known.can_store:
        return Outcome(case, Reply(Said.CANT_STORE))
    if offer is Offer.CHECK_OWN_CASE and case.goal is not None:
        if known.orders is not None:  # linked: the account's orders answer it
            return _from_orders(case, known)
        return _advance(case, known, Heard(), rule_said=True)
    if offer is Offer.OPEN_REQUEST:
        order_id, kind = (*data, "", "")[:2]
        claim = case.with_facts(
            {
                FactName.ORDER: Fact(order_id, Source.ORDER),
                FactName.CLAIM_KIND: Fact(kind, Source.CONFIRMED),
            }
        )._replace(goal=Goal.CLAIM)
        order = next((o for o in known.orders or () if o.order_id == order_id), None)
        if order is None:
            return Outcome(claim, NoOrder(None))
        if len(data) >= 3:  # the reason was known when the costs were said: decide again
            return _decided_again(claim, known, order, data)
        return _advance(claim, known, Heard())
    return Outcome(case, Perform(offer, data))


def _decided_again(case: Case, known: Known, order: OrderFacts, data: tuple[str, ...]) -> Outcome:
    """A yes to "shall I open it?": open it only if the policy still decides as offered.

    The decision is taken again on the order as the account shows it now (``known``
    holds it, fetched for this turn) and on the Lambda's date, not on what the offer
    carried in the session or the request's timestamp (issue 18): a day that has
    passed, an order that changed, or an offer that was edited gets what changed
    said instead, and nothing is opened.
    """
    reason = member(Reason, data[2])
    if reason is not None:
        case = case.with_facts({FactName.REASON: Fact(reason.value, Source.CONFIRMED)})
    acting = known._replace(today=known.acting_today or known.today)
    again = _act_on_order(case, acting, order)
    step = again.step
    if isinstance(step, ProposeRequest) and (
        step.kind.value,
        step.order.order_id,
        step.reason.value,
    ) == (data[1], order.order_id, data[2]):
        return Outcome(case, Perform(Offer.OPEN_REQUEST, data, order=order, decision=step.decision))
    if isinstance(step, Refused):
        return again._replace(step=step._replace(rechecked=True))
    return again


def _confirmed(case: Case, asked: Question, yes: bool, known: Known) -> Outcome:
    """Yes or no to "Just to check: you bought it on 5 November?"."""
    guess = case.fact(FactName.PURCHASED)
    if guess is None:
        return Outcome(case, Reply(Said.OKAY))
    if yes:
        case = case.with_facts({FactName.PURCHASED: Fact(guess.value, Source.CONFIRMED)})
        return _advance(case, known, Heard())
    if asked.data:
        following, rest = asked.data[0], asked.data[1:]
        case = case.with_facts({FactName.PURCHASED: Fact(following, Source.GUESSED)})
        return _confirm(case, rest, again=True)
    return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED)


# --- gathering facts -------------------------------------------------------------------------


def _merge(case: Case, heard: Heard, known: Known) -> Case:
    """The case with what was just said: a new product starts afresh, a correction replaces."""
    if (
        heard.product is not None
        and heard.goal is not None
        and case.value(FactName.PRODUCT) not in {None, heard.product}
    ):
        case = Case(case.goal)  # a question about another product: its facts are not this one's
    if heard.goal is not None and heard.goal is not case.goal:
        case = case._replace(goal=heard.goal)
        if heard.goal is not Goal.CLAIM:
            case = case.with_facts({FactName.CLAIM_KIND: None})
    said = Source.SAID
    # The date said earlier, read before the new one replaces it: a month a bare day may
    # narrow, or a guessed day a month may place.
    before = _span(case, guessed=True) if heard.date is not None else None
    earlier = case.fact(FactName.PURCHASED)
    guessed = earlier is not None and not earlier.settled
    changes: dict[FactName, Fact | None] = {}
    pairs = (
        (FactName.PRODUCT, heard.product),
        (FactName.PRODUCT_NAME, heard.product_name or heard.product),
        (FactName.CHANNEL, heard.channel),
        (FactName.REASON, heard.reason),
        (FactName.PURCHASE_COUNTRY, heard.purchase_country),
        (FactName.HOME_COUNTRY, heard.home_country),
        (FactName.CLAIM_KIND, heard.claim_kind),
        (FactName.CONDITION, heard.condition),
    )
    for name, value in pairs:
        if value is not None:
            changes[name] = Fact(value[:MAX_VALUE_CHARS], said)
    if heard.signal is Signal.DONT_KNOW and heard.date is None:
        # "I don't know when, it was a present": what they can't tell is the open question's
        # fact, or with none open the purchase date; the answer goes on without it.
        waiting = case.waiting
        unknown = FactName(waiting.about) if waiting is not None else FactName.PURCHASED
        if unknown not in changes:
            changes[unknown] = Fact(UNKNOWN, said)
            case = case._replace(question=None) if waiting is not None else case
    if heard.date is not None:
        changes[FactName.PURCHASED] = None
        changes[FactName.ORDER] = None
        waiting = case.waiting
        case = case._replace(question=None if waiting is None else waiting._replace(data=()))
    case = case.with_facts(changes)
    if heard.date is not None:
        case = _read_date(case, heard.date, known.today, before, guessed=guessed)
    return case


#: Why a date could not be used, kept in the case's question data for the next ask.
BAD_DATE, FUTURE_DATE = "bad_date", "future_date"
#: Why the kind of request is asked: a fault inside the refund period leaves the choice.
REFUND_OPEN = "refund_open"
#: The reason asked for a repair or a replacement, which only a fault can justify.
FAULT_ONLY = "fault_only"


def _read_date(  # noqa: PLR0911 - one outcome per reading of a date
    case: Case, value: str, today: date, before: DateSpan | None = None, *, guessed: bool = False
) -> Case:
    """Record the purchase date said, as a guess when Alexa put it in the future.

    ``before`` is the purchase span the case held until now, and ``guessed`` says it was a
    guess still to be checked. A bare day of the month said after a month ("in March", then
    "the third") is first read as that day of it. A month said after a guessed day ("the
    25th" checked as 25 October, then "no, November") keeps the day and places it in that
    month (``day_in_month``). The same date said again instead of a yes is that guess
    confirmed when it has no other reading, else its next reading is checked, and after the
    last the skill goes on without the date rather than check a third time.
    """
    try:
        said = parse_amazon_date(value, today)
        placed = None
        if guessed and before is not None and before.precise:
            placed = day_in_month(before.earliest.day, said, today)
        if placed is not None:
            return case.with_facts({FactName.PURCHASED: Fact(span_text(placed), Source.CONFIRMED)})
        resolved = resolve_purchase_date(said, today)
    except (FutureDateError, DateParseError) as exc:
        # Counted with the date question it answers, so it is never asked a third time.
        why = FUTURE_DATE if isinstance(exc, FutureDateError) else BAD_DATE
        asked = _attempts(case, FactName.PURCHASED) + 1
        return case._replace(question=Question(Asks.FACT, FactName.PURCHASED, asked, (why,)))
    if not resolved.shifted_back:
        return case.with_facts({FactName.PURCHASED: Fact(span_text(resolved.span), Source.SAID)})
    # A bare day after a month ("in March", then "the third") narrows that month first.
    bare_day = resolved.day_of_month
    within = None
    if before is not None and bare_day is not None:
        within = day_within(before, bare_day.earliest.day)
    readings: list[DateSpan] = []
    for span in (within, bare_day, resolved.span):
        if span is not None and span not in readings:
            readings.append(span)
    if guessed and before in readings:  # the date being checked, said again
        if readings == [before]:
            return case.with_facts({FactName.PURCHASED: Fact(span_text(before), Source.CONFIRMED)})
        readings = readings[readings.index(before) + 1 :]
        if not readings:  # every reading checked: on without the date (_unusable_date)
            gave_up = Question(Asks.FACT, FactName.PURCHASED, MAX_ATTEMPTS + 1, (BAD_DATE,))
            return case._replace(question=gave_up)
    if len(readings) == 1 and not guessed:
        # "March 3rd" arrives as next March: one past reading, so no check ("Just to
        # check...?") is needed: Alexa's year is known to be wrong and there is no other
        # day the words could mean. The decision names the day it counts from.
        return case.with_facts({FactName.PURCHASED: Fact(span_text(readings[0]), Source.SAID)})
    first, *others = (span_text(span) for span in readings)
    return case.with_facts({FactName.PURCHASED: Fact(first, Source.GUESSED)})._replace(
        question=Question(Asks.CONFIRM, FactName.PURCHASED, 1, tuple(others))
    )


def _unusable_date(case: Case, pending: Question, known: Known) -> Outcome:
    """A date that can't be used: the question again with why, or on without it.

    ``pending.attempts`` counts this answer's question: asked twice and answered with
    no usable date twice, it is not asked a third time (an honest answer without it).
    """
    if pending.attempts > MAX_ATTEMPTS:
        return _move_on(case, FactName.PURCHASED, known)
    return _ask(case, FactName.PURCHASED, attempt=pending.attempts, lead=pending.data[0])


def _span(case: Case, *, guessed: bool = False) -> DateSpan | None:
    """The purchase span the case holds: settled only, or also a guess being checked."""
    fact = case.fact(FactName.PURCHASED) if guessed else None
    value = fact.value if fact is not None else case.value(FactName.PURCHASED)
    if value is None or case.unknown(FactName.PURCHASED):
        return None
    try:
        return span_of(value)
    except ValueError:
        return None


# --- deciding --------------------------------------------------------------------------------


def _advance(  # noqa: PLR0911, PLR0912
    case: Case,
    known: Known,
    heard: Heard,
    *,
    rule_said: bool = False,
    progressed: bool = True,
    new_question: bool = False,
) -> Outcome:
    """Ask for the next missing fact, or decide.

    ``rule_said``: the rule was just spoken. ``progressed``: the turn added or changed a
    fact; one that did not leaves the open question unanswered, a miss (never a third ask).
    ``new_question``: the customer asked about another goal while a question was open: its
    rule comes first, and the open question counts as asked once more.
    """
    goal = case.goal or implied_goal(case)
    if goal is None:
        span = _span(case)
        if span is not None and case.value(FactName.CHANNEL) != GIFT:
            return _standing(case, known, span)
        described = case.value(FactName.PRODUCT) is not None or span is not None
        said = Said.WHICH_GOAL if described else Said.WHAT_ELSE
        return Outcome(case, Reply(said))
    case = case._replace(goal=goal)
    pending = case.question
    if pending is not None and pending.kind is Asks.CONFIRM:
        return _confirm(case, pending.data, again=False)
    if (
        pending is not None
        and pending.kind is Asks.FACT
        and pending.data[:1]
        in {
            (BAD_DATE,),
            (FUTURE_DATE,),
        }
    ):
        return _unusable_date(case, pending, known)
    waiting = case.waiting
    if waiting is not None and heard.unmatched:
        unclear = dict(heard.unmatched).get(FactName(waiting.about))
        if unclear is not None:
            return _missed(case, FactName(waiting.about), unclear, known)
    for fact, words in heard.unmatched:
        if fact is FactName.CHANNEL and case.fact(fact) is None:
            return _ask(case, fact, unclear=words)

    choosing = waiting is not None and waiting.about in {FactName.ORDER, FactName.PRODUCT}
    if known.orders is not None and (choosing or case.fact(FactName.PURCHASED) is None):
        return _from_orders(case, known)

    if goal is Goal.REFUND and _refund_ruled_out(case):
        # R3: what the customer said of the product decides; no date or shop can change it.
        return _decide(case._replace(question=None), known, _span(case) or DateSpan.on(known.today))

    kind = _claim_kind(case)
    if goal is Goal.CLAIM and kind is None:
        if case.value(FactName.REASON) is None and not case.unknown(FactName.REASON):
            # Answer first: what a claim usually is (a warranty repair, reported to support
            # first, W2-W3), then the one question that picks the route.
            first = None if case.waiting is not None else _general(Goal.WARRANTY, case, known.today)
            return _ask_next(case, FactName.REASON, known, progressed, general=first)
        return _ask_next(case, FactName.CLAIM_KIND, known, progressed)

    if case.fact(FactName.PURCHASED) is None:
        case = _from_memory(case, known.memory)
    # A first question that names no purchase of theirs gets the rule before any question.
    general = None
    asking_anew = case.waiting is None or new_question
    if asking_anew and not rule_said and case.fact(FactName.PURCHASED) is None:
        # Answer first: the rule for the question, then the one question to check theirs.
        subject = kind if goal is Goal.CLAIM and kind is not None else goal
        general = _general(subject, case, known.today)
    if (
        case.value(FactName.HOME_COUNTRY) is not None
        and case.value(FactName.PURCHASE_COUNTRY) is None
        and goal is not Goal.REFUND
        and not case.unknown(FactName.PURCHASE_COUNTRY)
    ):
        return _ask_next(case, FactName.PURCHASE_COUNTRY, known, progressed, general=general)
    span = _span(case)
    if span is None and case.value(FactName.CHANNEL) == GIFT:
        # R6: who gave it knows when it was bought and holds the receipt; asking the
        # recipient "when did you buy it?" asks what they can't know (audit P2).
        from policy.facts import Topic

        return Outcome(case._replace(question=None), Explained(Topic.GIFT))
    if span is None and case.unknown(FactName.PURCHASED):
        return _move_on(case, FactName.PURCHASED, known)
    if span is None:
        return _ask_next(case, FactName.PURCHASED, known, progressed, general=general)

    channel = case.value(FactName.CHANNEL)
    needs_shop = goal is Goal.REFUND or kind is ClaimKind.REFUND_RETURN
    if channel == ALIEXPRESS:
        return _ask_again(case, FactName.CHANNEL, known, lead=ALIEXPRESS)
    if needs_shop and channel is None and not case.unknown(FactName.CHANNEL):
        return _ask_next(case, FactName.CHANNEL, known, progressed)
    return _decide(case._replace(question=None), known, span)


def implied_goal(case: Case) -> Goal | None:
    """What a statement with no question asks for, from the facts it gave.

    "It stopped working" is a warranty matter (W2); "I don't want it" or "it arrived
    broken" a refund (R1, R4); "I dropped it" asks whether it can still go back (R3).
    A date or a product alone says nothing of what the customer wants.
    """
    if member(Condition, case.value(FactName.CONDITION)) is not None:
        return Goal.REFUND  # "I threw the box out" asks whether it can still go back (R3)
    reason = member(Reason, case.value(FactName.REASON))
    if reason is Reason.DEFECT:
        return Goal.WARRANTY
    if reason is not None:
        return Goal.REFUND
    return None


def _standing(case: Case, known: Known, span: DateSpan) -> Outcome:
    """A purchase told with a date and no goal: what the date still allows.

    Within the refund period both remedies are said and the customer picks (`Standing`);
    after it, or with a refund ruled out, only the warranty is left, so that is the answer
    (W1), with what it does for a fault.
    """
    facts = _facts(case, span)
    refund = _evaluate(Goal.REFUND, facts, known.today)
    if refund.verdict is not Verdict.YES or _refund_ruled_out(case):
        return _decide(case._replace(goal=Goal.WARRANTY, question=None), known, span)
    warranty = _evaluate(Goal.WARRANTY, facts, known.today)
    step = Standing(refund, warranty, case.value(FactName.PRODUCT_NAME), span.precise)
    return Outcome(case._replace(question=None), step)


def _refund_ruled_out(case: Case) -> bool:
    """Whether no date can make a refund possible.

    The shop was another seller's (R2, R5), or the customer said the product or its
    packaging is not as it came (R3).
    """
    if case.value(FactName.CHANNEL) == Channel.THIRD_PARTY:
        return True
    condition = member(Condition, case.value(FactName.CONDITION))
    return condition is not None and condition.blocks_refund


def _describes_purchase(case: Case) -> bool:
    """Whether the customer named a product or a date of theirs (else: a general question).

    "I got it as a gift, can I return it" and "is the warranty valid in Germany" are
    still general: they get the rule for that case first, then the question.
    """
    return any(name in case.facts for name in (FactName.PRODUCT, FactName.PURCHASED))


def _from_memory(case: Case, memory: RememberedPurchase | None) -> Case:
    """Fill the purchase from the one the customer asked the skill to remember, if it's the same."""
    if memory is None:
        return case
    product = case.value(FactName.PRODUCT)
    if product is not None and memory.product not in {None, product}:
        return case
    remembered = Source.REMEMBERED
    changes: dict[FactName, Fact | None] = {
        FactName.PURCHASED: Fact(span_text(DateSpan(memory.earliest, memory.latest)), remembered)
    }
    if memory.product and product is None:
        changes[FactName.PRODUCT] = Fact(memory.product, remembered)
        changes[FactName.PRODUCT_NAME] = Fact(memory.product.replace("_", " "), remembered)
    if case.fact(FactName.CHANNEL) is None and (memory.channel or memory.gift):
        changes[FactName.CHANNEL] = Fact(GIFT if memory.gift else str(memory.channel), remembered)
    if case.fact(FactName.PURCHASE_COUNTRY) is None and memory.purchase_country:
        changes[FactName.PURCHASE_COUNTRY] = Fact(memory.purchase_country, remembered)
    return case.with_facts(changes)


def _refund_or_repair(case: Case, facts: PurchaseFacts, today: date) -> bool:
    """Whether to ask "a refund or a repair?": a fault inside the refund period (R1, R4, W2).

    The customer who named no request and whose product is faulty may have either, so
    the skill asks rather than picking the repair; after "I don't know" it repairs.
    """
    if _named_kind(case) is not None or case.unknown(FactName.CLAIM_KIND):
        return False
    if facts.reason is None or not facts.reason.is_quality_problem:
        return False
    return _evaluate(ClaimKind.REFUND_RETURN, facts, today).verdict is Verdict.YES


def _named_kind(case: Case) -> ClaimKind | None:
    """The kind of request the customer named, if any."""
    return member(ClaimKind, case.value(FactName.CLAIM_KIND))


def _claim_kind(case: Case) -> ClaimKind | None:
    """The request the customer named, else the one their reason points to (W2, R1, R4)."""
    return _named_kind(case) or claim_kind_for(member(Reason, case.value(FactName.REASON)))


def request_decision(order: OrderFacts, kind: ClaimKind, reason: Reason, today: date) -> Decision:
    """The decision that governs opening a request of ``kind`` for ``order`` (its steps, costs)."""
    return _evaluate(kind, order.facts._replace(reason=reason), today)


def _facts(case: Case, span: DateSpan) -> PurchaseFacts:
    """The policy facts of the purchase the case describes."""
    channel = case.value(FactName.CHANNEL)
    return PurchaseFacts(
        purchased=span,
        channel=member(Channel, channel),
        gift=channel == GIFT,
        reason=member(Reason, case.value(FactName.REASON)),
        purchase_country=case.value(FactName.PURCHASE_COUNTRY) or STORE_COUNTRY,
        customer_country=case.value(FactName.HOME_COUNTRY) or None,
        condition=member(Condition, case.value(FactName.CONDITION)),
    )


def _evaluate(goal_or_kind: Goal | ClaimKind, facts: PurchaseFacts, today: date) -> Decision:
    """Ask the policy core for the decision that answers a goal or governs a request kind.

    Each rule module is imported when first needed: a cold start that answers a
    warranty question never loads the refund or cross-shipping rules.
    """
    if goal_or_kind in {Goal.REFUND, ClaimKind.REFUND_RETURN}:
        from policy.returns import evaluate_return

        return evaluate_return(facts, today)
    if goal_or_kind in {Goal.CROSS_SHIP, ClaimKind.CROSS_SHIP}:
        from policy.crossship import evaluate_cross_ship

        return evaluate_cross_ship(facts, today)
    from policy.warranty import evaluate_warranty

    return evaluate_warranty(facts, today)


def _general(goal: Goal | ClaimKind, case: Case, today: date) -> Decision:
    """The rule itself, for a question that names no purchase: as for one bought today."""
    return _evaluate(goal, _facts(case, DateSpan.on(today)), today)


def _decide(case: Case, known: Known, span: DateSpan) -> Outcome:
    """The decision for the purchase the case describes (not an order of the account)."""
    goal = case.goal or Goal.WARRANTY
    facts = _facts(case, span)
    product = case.value(FactName.PRODUCT_NAME)
    source = case.fact(FactName.PURCHASED)
    basis = source.source if source is not None else Source.SAID
    if goal is Goal.CLAIM:
        kind = _claim_kind(case) or ClaimKind.WARRANTY_REPAIR
        if _refund_or_repair(case, facts, known.today):
            return _ask(case, FactName.CLAIM_KIND, lead=REFUND_OPEN)
        decision = _evaluate(kind, facts, known.today)
        if decision.verdict is Verdict.NO or not fits_reason(kind, facts.reason):
            return Outcome(case, _refusal(kind, decision, facts, known.today, product, None))
        home_known = case.value(FactName.HOME_COUNTRY) is not None
        return Outcome(case, ClaimSteps(kind, decision, product, span.precise, home_known))
    decision = _evaluate(goal, facts, known.today)
    offer = None
    if (
        basis in {Source.SAID, Source.CONFIRMED}
        and source is not None
        and known.can_store
        and not known.linked
    ):
        offer = Offer.REMEMBER_PURCHASE
    assumed = facts.purchase_country if case.unknown(FactName.PURCHASE_COUNTRY) else None
    step = Decided(
        goal,
        decision,
        product,
        span.precise,
        basis,
        span,
        offer=offer,
        assumed_country=assumed,
        home_known=case.value(FactName.HOME_COUNTRY) is not None,
    )
    question = Question(Asks.OFFER, offer) if offer is not None else None
    return Outcome(case._replace(question=question), step)


def _refusal(  # noqa: PLR0917 - the facts of one refusal
    kind: ClaimKind,
    decision: Decision,
    facts: PurchaseFacts,
    today: date,
    product: str | None,
    order: OrderFacts | None,
) -> Refused:
    """A request the policy rules out, and the warranty route where it is open for a fault.

    A refund that is over (R1) or not ZOSI's to give (R5) leaves the warranty (W1,
    W2) for a product that is faulty or arrived damaged; a change of mind is never a
    warranty or replacement matter (W2, X2), and only the refund, while it lasts, can
    help it.
    """
    if not fits_reason(kind, facts.reason):  # a change of mind: only a refund can help
        refund = _evaluate(ClaimKind.REFUND_RETURN, facts, today)
        instead = ClaimKind.REFUND_RETURN if refund.verdict is Verdict.YES else None
        return Refused(kind, decision, product, order, instead, refund, not_a_fault=True)
    if kind is ClaimKind.REFUND_RETURN and (
        facts.reason is None or facts.reason.is_quality_problem
    ):
        warranty = _evaluate(ClaimKind.WARRANTY_REPAIR, facts, today)
        if warranty.verdict is Verdict.YES:
            return Refused(kind, decision, product, order, ClaimKind.WARRANTY_REPAIR, warranty)
    return Refused(kind, decision, product, order)


# --- a linked customer's orders -----------------------------------------------------------


#: Products a customer may name for an order of another kind: a kit holds cameras and a
#: recorder, so "my camera" can mean the camera kit when no camera alone was ordered.
RELATED_KINDS: dict[str, frozenset[str]] = {
    "camera": frozenset({"kit"}),
    "nvr": frozenset({"kit"}),
    "dvr": frozenset({"kit"}),
    "hard_drive": frozenset({"kit", "nvr", "dvr"}),
}


def _matching_orders(case: Case, orders: tuple[OrderFacts, ...]) -> list[OrderFacts]:
    """The open orders the customer may mean: the one chosen, else by the product named."""
    chosen = case.value(FactName.ORDER)
    product = case.value(FactName.PRODUCT)
    active = [order for order in orders if order.status in ACTIVE_STATUSES]
    if chosen is not None:
        return [order for order in active if order.order_id == chosen]
    if product is not None:
        exact = [order for order in active if order.kind == product]
        related = RELATED_KINDS.get(product, frozenset())
        active = exact or [order for order in active if order.kind in related]
    span = _span(case)
    if span is not None:  # "the one from May": the orders placed in the days named
        dated = [o for o in active if span.earliest <= o.ordered_on <= span.latest]
        return dated or active
    return active


def _from_orders(case: Case, known: Known) -> Outcome:
    """Answer from the linked account's orders: one order decided, several listed, or asked."""
    goal = case.goal or Goal.WARRANTY
    pool = _matching_orders(case, known.orders or ())
    if not pool:
        return Outcome(case, NoOrder(case.value(FactName.PRODUCT_NAME)))
    acting = goal is Goal.CLAIM
    one_meant = case.value(FactName.ORDER) is not None or (
        case.value(FactName.PRODUCT) is not None and len(pool) == 1
    )
    if not acting and not one_meant:
        entries = tuple((order, _evaluate(goal, order.facts, known.today)) for order in pool)
        return Outcome(case, OrdersOverview(goal, entries))
    if len(pool) > 1:
        if len({order.kind for order in pool}) > 1 and case.value(FactName.PRODUCT) is None:
            return _ask(case, FactName.PRODUCT, choices=tuple(pool))
        return _ask(case, FactName.ORDER, choices=tuple(pool))
    order = pool[0]
    # The order answers for the purchase now; a date said to pick it has done its job.
    case = case.with_facts(
        {FactName.ORDER: Fact(order.order_id, Source.ORDER), FactName.PURCHASED: None}
    )
    if acting:
        return _act_on_order(case, known, order)
    return _order_decision(case, known, order, goal)


def _order_decision(case: Case, known: Known, order: OrderFacts, goal: Goal) -> Outcome:
    """The decision for one order, with an offer to open the request it allows."""
    reason = member(Reason, case.value(FactName.REASON))
    decision = _evaluate(goal, _as_said(order.facts, case)._replace(reason=reason), known.today)
    offered = {
        Goal.REFUND: ClaimKind.REFUND_RETURN,
        Goal.WARRANTY: ClaimKind.WARRANTY_REPAIR,
        Goal.CROSS_SHIP: ClaimKind.CROSS_SHIP,
    }[goal]
    offer = Offer.OPEN_REQUEST if decision.verdict is Verdict.YES else None
    if _buyer_only(decision):  # R6: the buyer, not this account, asks for that refund
        offer = None
    data = (order.order_id, offered.value, *((reason.value,) if reason else ()))
    question = Question(Asks.OFFER, offer, 1, data) if offer is not None else None
    step = Decided(
        goal, decision, order.product, True, Source.ORDER, order.facts.purchased, order, offer
    )
    return Outcome(case._replace(question=question), step)


def _buyer_only(decision: Decision) -> bool:
    """R6: a refund the policy leaves to the gift's buyer, which this customer can't open."""
    return bool(getattr(decision, "buyer_returns", False))


def _as_said(facts: PurchaseFacts, case: Case) -> PurchaseFacts:
    """An order's facts with what the customer said of the product (R3) and where they are."""
    home = case.value(FactName.HOME_COUNTRY)
    return facts._replace(
        condition=member(Condition, case.value(FactName.CONDITION)),
        customer_country=home or facts.customer_country,
    )


def _act_on_order(case: Case, known: Known, order: OrderFacts) -> Outcome:
    """Which request to open for one order, its costs and a yes, or why none can be."""
    kind = _claim_kind(case)
    reason = member(Reason, case.value(FactName.REASON))
    if reason is None:
        if not (case.unknown(FactName.REASON) and kind is not None):
            # A repair or a replacement is for a fault (W2, X2): a change of mind isn't offered.
            fault_only = kind in {ClaimKind.WARRANTY_REPAIR, ClaimKind.CROSS_SHIP}
            return _ask(case, FactName.REASON, lead=FAULT_ONLY if fault_only else None)
        reason = Reason.OTHER
    facts = _as_said(order.facts, case)._replace(reason=reason)
    if _refund_or_repair(case, facts, known.today):
        return _ask(case, FactName.CLAIM_KIND, lead=REFUND_OPEN)
    if kind is None:  # another reason, or damage once the choice was left open
        refund = _evaluate(ClaimKind.REFUND_RETURN, facts, known.today).verdict
        open_for_it = refund is Verdict.YES and not reason.is_quality_problem
        kind = ClaimKind.REFUND_RETURN if open_for_it else ClaimKind.WARRANTY_REPAIR
    decision = _evaluate(kind, facts, known.today)
    if (
        decision.verdict is not Verdict.YES
        or not fits_reason(kind, reason)
        or _buyer_only(decision)
    ):
        refused = _refusal(kind, decision, facts, known.today, order.product, order)
        question = None
        if refused.instead is not None:
            data = (order.order_id, refused.instead.value, reason.value)
            question = Question(Asks.OFFER, Offer.OPEN_REQUEST, 1, data)
        return Outcome(case._replace(question=question), refused)
    data = (order.order_id, kind.value, reason.value)
    question = Question(Asks.OFFER, Offer.OPEN_REQUEST, 1, data)
    return Outcome(case._replace(question=question), ProposeRequest(kind, order, reason, decision))


# --- asking ----------------------------------------------------------------------------------


def _ask_next(
    case: Case,
    fact: FactName,
    known: Known,
    progressed: bool = False,
    *,
    general: Decision | None = None,
) -> Outcome:
    """Ask for the fact a decision still needs; a turn that left it unanswered is a miss.

    "Where did you buy it?" - the customer says their date and fault again, not the shop:
    the question counts as asked again, and after the second time the skill moves on with
    an honest conditional answer instead of asking a third time.
    """
    waiting = case.waiting
    if waiting is not None and waiting.about == fact:
        if progressed and general is not None:
            # Another question came first: its rule, then this one counted once more; asked
            # twice already, the skill goes on without the fact instead of a third time.
            counted = _asked_once_more(case)
            if counted is None or counted.waiting is None:
                return _move_on(case, fact, known)
            asked = _ask(case, fact, general=general)  # the plain question after the rule
            kept = asked.case.question
            if kept is not None:  # ... but it still counts as asked once more
                kept = kept._replace(attempts=counted.waiting.attempts)
            return asked._replace(case=asked.case._replace(question=kept))
        if progressed:  # another fact came first ("no wait, five weeks ago"): asked as it was
            return _ask(case, fact, attempt=waiting.attempts)
        return _missed(case, fact, None, known)
    return _ask(case, fact, general=general)


def _ask(
    case: Case,
    fact: FactName,
    *,
    attempt: int = 1,
    unclear: str | None = None,
    lead: str | None = None,
    general: Decision | None = None,
    choices: tuple[OrderFacts, ...] = (),
) -> Outcome:
    """Ask for ``fact``, keeping how often it was asked."""
    goal = case.goal or Goal.WARRANTY
    if attempt == 1 and unclear is not None:
        attempt = _attempts(case, fact) + 1
    question = Question(Asks.FACT, fact, attempt, (GENERAL,) if general is not None else ())
    step = AskFact(
        goal,
        fact,
        case.value(FactName.PRODUCT_NAME),
        attempt,
        unclear,
        lead,
        general,
        choices,
    )
    return Outcome(case._replace(question=question), step)


def _confirm(case: Case, others: tuple[str, ...], *, again: bool) -> Outcome:
    """Check the guessed purchase date; with no usable guess, ask for the date."""
    guess = case.fact(FactName.PURCHASED)
    try:
        span = span_of(guess.value) if guess is not None else None
    except ValueError:
        span = None
    if span is None:
        return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED)
    question = Question(Asks.CONFIRM, FactName.PURCHASED, 1, others)
    other = _other_day(span, others)
    step = ConfirmDate(case.value(FactName.PRODUCT_NAME), span, again, other=other)
    return Outcome(case._replace(question=question), step)


def _other_day(span: DateSpan, others: tuple[str, ...]) -> DateSpan | None:
    """The other reading to name in a check: one other day with the same day number.

    "The 25th" and "November 25th" both arrive as 25 November when said on 20 November,
    so the check names both readings, "25 October, not 25 November 2025?", and "no,
    November" can answer it. With several other readings (a month said before the day),
    the first is far likelier and is checked alone.
    """
    if len(others) != 1:
        return None
    try:
        other = span_of(others[0])
    except ValueError:
        return None
    same_day = span.precise and other.precise and other.earliest.day == span.earliest.day
    return other if same_day else None


def _ask_again(case: Case, fact: FactName, known: Known, *, lead: str) -> Outcome:
    """Ask a question whose answer needs narrowing ("AliExpress": which store there?).

    The same answer a second time moves on, like any answer that cannot be used.
    """
    attempts = _attempts(case, fact)
    case = case.with_facts({fact: None})
    if attempts >= MAX_ATTEMPTS:
        return _move_on(case, fact, known)
    return _ask(case, fact, attempt=attempts + 1, lead=lead)


def _attempts(case: Case, fact: FactName) -> int:
    """How often ``fact`` has been asked for without a usable answer (0: it isn't asked)."""
    waiting = case.waiting
    return waiting.attempts if waiting is not None and waiting.about == fact else 0


def _missed(case: Case, fact: FactName, unclear: str | None, known: Known) -> Outcome:
    """An answer that could not be used: once more with the choices, then move on."""
    attempts = _attempts(case, fact)
    if attempts >= MAX_ATTEMPTS:
        return _move_on(case, fact, known)
    return _ask(case, fact, attempt=attempts + 1, unclear=unclear)


def _move_on(case: Case, fact: FactName, known: Known) -> Outcome:
    """Go on without a fact the customer can't give: a conditional answer, or support."""
    goal = case.goal or Goal.WARRANTY
    if fact in {FactName.CHANNEL, FactName.REASON, FactName.PURCHASE_COUNTRY}:
        case = case.with_facts({fact: Fact(UNKNOWN, Source.SAID)})._replace(question=None)
        return _advance(case, known, Heard())
    subject = _claim_kind(case) if goal is Goal.CLAIM else goal
    general = _general(subject, case, known.today) if subject is not None else None
    step = GaveUp(goal, fact, case.value(FactName.PRODUCT_NAME), general)
    # The case remembers the customer couldn't tell: asked the same again, the skill says
    # so again instead of asking a third time (a fact said later still replaces it).
    return Outcome(
        case.with_facts({fact: Fact(UNKNOWN, Source.SAID)})._replace(question=None), step
    )


def remembered(case: Case) -> Case:
    """The case once its purchase is stored: later answers say so and offer nothing to store."""
    kept = Source.REMEMBERED
    return case.with_facts(
        {name: Fact(fact.value, kept) for name, fact in case.facts.items() if fact.settled}
    )


def _to_remember(case: Case) -> RememberedPurchase | None:
    """The purchase as it would be stored after a yes (only what the customer said)."""
    span = _span(case)
    if span is None:
        return None
    channel = case.value(FactName.CHANNEL)
    return RememberedPurchase(
        product=case.value(FactName.PRODUCT),
        earliest=span.earliest,
        latest=span.latest,
        channel=channel if member(Channel, channel) is not None else None,
        gift=channel == GIFT,
        purchase_country=case.value(FactName.PURCHASE_COUNTRY) or None,
    )
