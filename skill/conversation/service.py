"""The service layer: from the case, what the customer just said and what is known, the next step.

:func:`next_step` is a pure function. It never reads a clock, a store or an API:
the handlers translate the request into :class:`Heard`, gather what it needs into
:class:`Known` (today's date, the remembered purchase, the linked account's orders),
and turn the :class:`Step` it returns into a response. Every answer it gives and
every action it offers comes from a policy decision (R1-R6, W1-W9, X1-X4): it only
decides which decision to ask for, which fact is still missing, and what to do
with a yes.

The rooms it draws on: :mod:`conversation.steps` (the records it takes and returns),
:mod:`conversation.questions` (how one question is put and counted),
:mod:`conversation.decisions` (what is asked of the policy core), :mod:`conversation.aspects`
(the aspect a question asks about, the goal a statement implies) and
:mod:`conversation.moves` (yes and no, a miss, asking again, resuming). This module keeps
the entry points and the flow: what was heard merged into the case, the purchase date
read, then the next missing fact or the decision.

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
from typing import TYPE_CHECKING, Final

from conversation.aspects import (
    _explain,
    _quality_problem,
    abroad_fact,
    abroad_now,
    asks_until_when_of_the_dated,
    implied_goal,
    reason_says_who_pays,
    who_pays_for_another_reason,
    who_pays_where_they_are,
)
from conversation.case import (
    ALIEXPRESS,
    GENERAL,
    GIFT,
    MAX_VALUE_CHARS,
    REFUND_UNTIL_ALIEXPRESS,
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
    purchase_span,
    span_text,
)
from conversation.decisions import (
    DATED_REFUND_LEADS,
    REFUND_UNTIL,
    _claim_kind,
    _condition_rules_out,
    _decide,
    _evaluate,
    _facts,
    _from_memory,
    _from_orders,
    _general,
    _matching_orders,
    _refund_open_by_date,
    _refund_ruled_out,
    _standing,
    ordered_then,
)
from conversation.moves import (
    _ask_again,
    _ask_next,
    _check_once_more,
    _counted,
    _missed,
    _move_on,
    _signal,
    _unanswered,
    _yes_or_no,
    asks_which_goal,
)
from conversation.questions import (
    MAX_ATTEMPTS,
    _ask,
    _attempts,
    _confirm,
    _other_day,
    offer_made_again,
)
from conversation.steps import (
    AskFact,
    ConfirmDate,
    Decided,
    Decision,
    Explained,
    Heard,
    Known,
    Needs,
    Outcome,
    Reply,
    Said,
    Signal,
)
from policy.claims import ClaimKind
from policy.dates import (
    DateParseError,
    FutureDateError,
    day_in_month,
    day_within,
    parse_amazon_date,
    resolve_purchase_date,
)
from policy.model import Channel, Condition, DateSpan, Reason, Verdict
from policy.terms import STORE_COUNTRY

if TYPE_CHECKING:
    from policy.facts import Topic


def next_step(case: Case, heard: Heard, known: Known) -> Outcome:
    """Decide what the skill does next (see the module docstring for the behaviour).

    Args:
        case: The conversation so far.
        heard: What the customer just said.
        known: Today's date, the remembered purchase, the linked account's orders.

    Returns:
        The step, and the case to keep for the next turn.
    """
    return _offer_counted(case.question, _next_step(case, heard, known))


def _offer_counted(asked: Question | None, outcome: Outcome) -> Outcome:
    """An offer made again by a new answer, counted as asked again; never a third time running.

    "Shall I remember this purchase for next time?" ends every decision about a purchase the
    customer dated, "Would you like me to check yours?" every general fact; a customer who
    asks on past the same offer twice has answered it, so the third answer stands alone
    (issue 17, no loops).
    """
    again = outcome.case.question
    if again is None or again.kind is not Asks.OFFER:
        return outcome
    counted = offer_made_again(asked, again)
    if counted is not None:
        return outcome._replace(case=outcome.case._replace(question=counted))
    step = outcome.step
    if isinstance(step, Decided) and step.offer == again.about:
        step = step._replace(offer=None)
    elif not isinstance(step, Explained):
        return outcome
    return outcome._replace(case=outcome.case._replace(question=None), step=step)


def _next_step(case: Case, heard: Heard, known: Known) -> Outcome:
    asked = case.question
    case = case._replace(question=case.waiting)  # yes/no questions last one turn
    if heard.goal is None and heard.signal in {Signal.YES, Signal.NO}:
        return _yes_or_no(case, asked, heard.signal is Signal.YES, known)
    if heard.goal is None and heard.signal is not None and not _has_facts(heard):
        if asked is not None and asked.kind is not Asks.FACT:
            return _unanswered(case, asked, heard.signal, known)
        return _signal(case, heard.signal, known)
    heard = _refund_for_a_change_of_mind(heard)
    # Another product named once nothing is asked of this one (an answer was given): the
    # same question about that product (W1 audit M4), a case of its own.
    settled = case.waiting is None and (asked is None or asked.kind is not Asks.CONFIRM)
    checked = asked.data if asked is not None and asked.kind is Asks.CONFIRM else ()
    merged = _merge(case, heard, known, settled=settled, checked=checked)
    if asked is not None and asked.kind is Asks.CONFIRM and heard.date is None:
        # "Just to check: 2 December?" - "the ZOSI site": the shop is kept, and the date
        # guessed is checked once more instead of dropped and asked for again.
        # A shop or a condition that rules the refund out whatever the date (R3, R5) is
        # answered at once: the date no longer decides anything.
        guess = merged.fact(FactName.PURCHASED)
        date_decides = not (merged.goal is Goal.REFUND and _refund_ruled_out(merged))
        if guess is not None and not guess.settled and heard.aspect is None and date_decides:
            check = _check_once_more(merged, asked, repeated=False)
            if check is not None:
                return check
    # "and if it's broken?" right after who pays for a change of mind: who pays for a fault
    explained = who_pays_for_another_reason(case, asked, heard) or _explain(merged, heard, known)
    if explained is not None:
        return _check_after(explained, asked)
    # A date, another product or a new question said while a question is open: the
    # question comes again as it was; anything else that leaves it unanswered is a miss.
    # Another goal, or another reason ("what if it was broken instead"), is a new question:
    # its rule comes first, then the open question once more.
    new_reason = heard.reason is not None and heard.reason != case.value(FactName.REASON)
    new_question = (
        (heard.goal is not None and heard.goal is not case.goal)
        or (new_reason and case.waiting is not None)
        or _asked_of_another_product(case, heard)
        or _until_when_asked_while_waiting(case, heard, known)
    )
    corrected = (
        # the same date said again answers nothing new: it counts as a miss like any other
        (
            heard.date is not None
            and purchase_span(merged, guessed=True) != purchase_span(case, guessed=True)
        )
        or (heard.product is not None and heard.product != case.value(FactName.PRODUCT))
        or _says_where(case, heard)
        or new_question
    )
    outcome = _advance(merged, known, heard, progressed=corrected, new_question=new_question)
    answered = _answering_first(_noting_date(outcome, case, heard), heard, asked)
    return _abroad_first(answered, case) if answered is outcome else answered


def _fault_after_another_shops_refund(case: Case, heard: Heard) -> bool:
    """Whether a fault was told, now and asking nothing, of a purchase another shop refunds."""
    if heard.goal is not None or heard.reason is None:
        return False
    return case.value(FactName.CHANNEL) == Channel.THIRD_PARTY and _quality_problem(case)


def _refund_for_a_change_of_mind(heard: Heard) -> Heard:
    """A warranty or replacement question giving a change of mind as its reason asks for the refund.

    The warranty repairs or replaces what fails (W2), and an advance replacement is for a
    faulty product (X1); "I bought a camera from your website on the second and it's all
    too complicated for me, may I send it back" or "how many days do I have to change my
    mind after I buy the camera" wants the 30 days of R1, with the shipping theirs (R4),
    whatever word for the warranty or a replacement carried it. A warranty fact named on
    its own ("how long is the warranty") stays the warranty's.
    """
    if heard.goal not in {Goal.WARRANTY, Goal.CROSS_SHIP} or heard.topic is not None:
        return heard
    if member(Reason, heard.reason) is not Reason.CHANGED_MIND:
        return heard
    return heard._replace(goal=Goal.REFUND)


def _check_after(explained: Outcome, asked: Question | None) -> Outcome:
    """The fact asked while a date was being checked, then the same check once more."""
    step = explained.step
    if asked is None or not isinstance(step, Explained):
        return explained
    return check_again(explained.case._replace(question=asked), step.topic) or explained


def check_again(case: Case, topic: Topic) -> Outcome | None:
    """The date check the case waits on, once more, with a fact asked meanwhile before it.

    "Just to check: you bought it on 22 November, not 22 December 2025?" - "do we have to
    pay for the postage": who pays (R4), then the check again, not "Would you like me to
    check yours?" and the date asked for as if it had never been said. None when no check
    is open, or it was asked twice already (the fact then stands alone, never a third time).
    """
    asked = case.question
    guess = case.fact(FactName.PURCHASED)
    if asked is None or asked.kind is not Asks.CONFIRM or guess is None or guess.settled:
        return None
    check = _check_once_more(case, asked, repeated=False)
    if check is None or not isinstance(check.step, ConfirmDate):
        return None
    return check._replace(step=check.step._replace(explains=topic.value))


def _claim_route(case: Case, known: Known, *, progressed: bool) -> Outcome | None:
    """What a request with no kind named asks first; None when its date decides it (below).

    With no reason, what is wrong (W2-W3, a warranty repair, comes first as the usual
    claim); with a fault not yet dated, the date (R1, W2); else which request they want.
    """
    if case.value(FactName.REASON) is None and not case.unknown(FactName.REASON):
        # Answer first: what a claim usually is (a warranty repair, reported to support
        # first, W2-W3), then the one question that picks the route.
        first = None if case.waiting is not None else _general(Goal.WARRANTY, case, known.today)
        return _ask_next(case, FactName.REASON, known, progressed, general=first)
    if not _dated_choice(case, known):
        return _ask_next(case, FactName.CLAIM_KIND, known, progressed)
    if purchase_span(case, guessed=True) is not None:
        return None
    # "My doorbell arrived damaged": a refund or a repair turns on the date (R1, W2), so the
    # refund's rule for a fault, who pays the way back and the warranty's route (R4, W5)
    # come first, then the date; the choice is asked only while both are open (the
    # decision), never bare.
    first = None if case.waiting is not None else _general(Goal.REFUND, case, known.today)
    asked = _ask_next(case, FactName.PURCHASED, known, progressed, general=first)
    if isinstance(asked.step, AskFact) and first is not None:
        asked = asked._replace(step=asked.step._replace(goal=Goal.REFUND))
    return asked


def _dated_choice(case: Case, known: Known) -> bool:
    """Whether a fault's request turns on the purchase date: the refund's 30 days may be over.

    Not for a linked customer (the orders date it), a gift (the giver holds the date, R6),
    or a date the customer said they don't know.
    """
    return (
        _quality_problem(case)
        and not known.linked
        and not case.unknown(FactName.PURCHASED)
        and case.value(FactName.CHANNEL) != GIFT
    )


def _says_where(case: Case, heard: Heard) -> bool:
    """Whether the turn names a country or a shop the case did not hold: progress, never a miss.

    "When did you buy it?" - "at a shop on the high street": the shop is kept (R5, W6) and
    the date asked once more, not "Sorry, I didn't catch that" as if nothing had been said.
    """
    return any(
        said is not None and said != case.value(name)
        for said, name in (
            (heard.home_country, FactName.HOME_COUNTRY),
            (heard.purchase_country, FactName.PURCHASE_COUNTRY),
            (heard.channel, FactName.CHANNEL),
        )
    )


def _until_when_asked_while_waiting(case: Case, heard: Heard, known: Known) -> bool:
    """Whether "and what's the last day?" is asked of the dated purchase while a fact is asked.

    "I bought it on 1 December and don't need it" - "If you bought it from ZOSI, you can
    return it until 31 December. Where did you buy it?" - "what's the last day I can send it
    back": a question, not a miss; its answer (the last day, for a purchase from ZOSI) comes
    again before the shop is asked once more (R1, W1).
    """
    if case.waiting is None or case.goal is None or heard.aspect is None:
        return False
    return asks_until_when_of_the_dated(case, heard.aspect, lambda: known.today) is case.goal


def _abroad_first(outcome: Outcome, before: Case) -> Outcome:
    """What being abroad means (W6), said before the flow's question once a turn says so.

    A gift's answer that would only come again ("ask the person who gave it for the
    receipt") gives way to it too: "I live in Minsk, by the way" hears what sending it
    from abroad costs, not the same sentences a second time.
    """
    step = outcome.step
    gift_again = isinstance(step, Explained) and step.topic.value in _GIFT_ANSWERS
    if not gift_again and (not isinstance(step, AskFact) or step.choices):
        return outcome
    topic = abroad_now(before, outcome.case)
    if topic is None:
        return outcome
    if isinstance(step, Explained):
        return outcome._replace(step=step._replace(topic=topic))
    return outcome._replace(step=step._replace(explains=topic.value, general=None, attempt=1))


#: The answers a gift's recipient gets without a date (R6): said once, not again for a country.
_GIFT_ANSWERS: Final = frozenset({"gift", "gift_warranty"})


def _answering_first(outcome: Outcome, heard: Heard, before: Question | None) -> Outcome:
    """The fact the words asked for ("I need an R. M. A."), said before the flow's question.

    A question about the RMA code gets what it is (W4) first, whatever the flow asks next,
    and so does who pays the shipping when the reason given decides it (R4, W5); a decision
    or an answer already says the request's steps on its card, and a choice of orders is a
    breath of its own.
    """
    step = outcome.step
    if not isinstance(step, AskFact) or step.attempt > 1 or step.choices:
        return outcome
    said = reason_says_who_pays(outcome.case, heard.aspect)
    if said is not None and heard.topic is None and step.lead in DATED_REFUND_LEADS:
        # "the camera I ordered on the 15th has no night vision, can I get my money back,
        # and who pays for the return": until when if it was ZOSI's comes first, and who
        # pays for their reason after it (handlers.dialog), then where it was bought (R1, R4)
        return outcome
    asked = said or who_pays_where_they_are(outcome.case, before, heard)
    topic = heard.topic or (None if asked is None else asked.value)
    if topic is None:
        return outcome
    # The fact takes the place of the general rule: one breath, the plain question after it.
    return outcome._replace(step=step._replace(explains=topic, general=None))


def needs(case: Case, heard: Heard) -> Needs:
    """What this turn needs besides what was said: only what can change its answer.

    A purchase question that names no date is answered from a linked customer's
    orders, else from a remembered purchase; so is a yes that goes on with one (to a
    date check, an offer to open a request or to check their own purchase). A first
    date said needs the orders (it may name one) but no memory. Any other yes or no,
    and a date said again, needs neither.
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
        if (
            heard.signal is Signal.YES
            and asked is not None
            and (
                asked.about == Offer.OPEN_REQUEST  # decided again on the orders as they are now
                or asked.kind is Asks.CONFIRM  # the day confirmed may be one of their orders
            )
        ):
            return Needs(memory=False, orders=True)
    unknown = goal is not None and case.fact(FactName.PURCHASED) is None
    undated = unknown and heard.date is None
    choosing = asked is not None and asked.about in {FactName.ORDER, FactName.PRODUCT}
    # A date said first may be the day of one of their orders ("the doorbell I ordered
    # yesterday"): the order, not the date alone, then answers (see `ordered_then`).
    return Needs(memory=undated, orders=unknown or choosing)


def resume_after_detour(case: Case, known: Known) -> Outcome:
    """After another topic was answered, the question the purchase dialog still waits on."""
    return _signal(case._replace(question=case.waiting), Signal.DETOUR, known)


def _has_facts(heard: Heard) -> bool:
    return heard.states_purchase or any(
        (heard.product, heard.claim_kind, heard.aspect, heard.unmatched)
    )


def noted(case: Case, heard: Heard, known: Known) -> Case:
    """The case with what a general question said of their product, kept for what follows.

    "It keeps disconnecting: who pays to send it back?" is answered as a fact (R4, W5);
    the fault stays in the case, so a repair asked next is not asked what is wrong again;
    so does where they are and where it was bought ("I'm in Berlin ...", W6). Only the
    product's state and the countries are taken: the question itself opens no goal.
    """
    stated = Heard(
        reason=heard.reason,
        condition=heard.condition,
        purchase_country=heard.purchase_country,
        home_country=heard.home_country,
    )
    return case if stated == Heard() else _merge(case, stated, known)


def tracked(case: Case, order_id: str, product: str) -> Case:
    """The case after one parcel of one kind of product was tracked: "it" now means it.

    "Where is my order?" - "Your doorbell ordered on 6 December is on its way ..." - "can I
    return it?" asks of that doorbell, not of every order on the account (R1, D5); "can I
    return the camera?" names another product, a case of its own. Only a case with no
    purchase of its own yet takes it; the order is read again, fresh, before anything is
    decided of it.
    """
    if case.goal is not None or case.waiting is not None or case.facts:
        return case
    return case.with_facts(
        {
            FactName.ORDER: Fact(order_id, Source.ORDER),
            FactName.PRODUCT: Fact(product, Source.ORDER),
        }
    )


def as_asked_of(case: Case, heard: Heard) -> Case:
    """The case a general question reads, when it names another product than the case's.

    "And the doorbell, who pays the return shipping for that", after a camera sent back
    for a change of mind: the camera's reason and condition are not the doorbell's, so
    they decide nothing (R3, R4); what this question said of the doorbell does. As in
    :func:`_merge`, where another product starts a case afresh.
    """
    if heard.product is None or case.value(FactName.PRODUCT) in {None, heard.product}:
        return case
    said = {FactName.REASON: heard.reason, FactName.CONDITION: heard.condition}
    return case.with_facts({name: None for name, value in said.items() if value is None})


def _merge(
    case: Case,
    heard: Heard,
    known: Known,
    *,
    settled: bool = False,
    checked: tuple[str, ...] = (),
) -> Case:
    """The case with what was just said: a new product starts afresh, a correction replaces.

    ``settled``: no question of this case is open, so another product named is a new
    case for the same goal ("and the camera?"), not a correction of this one's product.
    ``checked``: the other readings a date check just named, which a year may pick.
    """
    if (
        heard.product is not None
        and (heard.goal is not None or settled)
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
    before = purchase_span(case, guessed=True) if heard.date is not None else None
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
    if _carrier_damaged_it(case, heard):
        changes[FactName.CONDITION] = None
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
    if heard.date is not None and _age_against_a_day(heard, earlier, before, case):
        return _age_checked(case, heard.date, known.today, before)
    if heard.date is not None:
        case = _read_date(case, heard.date, known.today, before, guessed=guessed, checked=checked)
    return case


def _age_against_a_day(
    heard: Heard, earlier: Fact | None, before: DateSpan | None, case: Case
) -> bool:
    """Whether an age said on its own goes against the exact day the customer gave (C2).

    "I bought it on 5 December last year" - "Sorry, the warranty ended on 5 December" -
    "seriously? it's two days": heard as "it's two days old", it would replace the day and
    promise the warranty. An age said while no date is asked, after a day the customer said
    or confirmed, is checked before anything is decided on it.
    """
    return (
        heard.aged
        and earlier is not None
        and earlier.settled
        and before is not None
        and before.precise
        and case.waiting is None
    )


def _age_checked(case: Case, value: str, today: date, before: DateSpan | None) -> Case:
    """The day an age gives, to check before it replaces the day said (a no checks that one)."""
    try:
        span = resolve_purchase_date(parse_amazon_date(value, today), today).span
    except (FutureDateError, DateParseError):
        return _read_date(case, value, today, before)  # what any unusable date gets
    if before is None or span == before:
        return case.with_facts({FactName.PURCHASED: Fact(span_text(span), Source.SAID)})
    return case.with_facts({FactName.PURCHASED: Fact(span_text(span), Source.GUESSED)})._replace(
        question=Question(Asks.CONFIRM, FactName.PURCHASED, 1, (span_text(before),))
    )


def _carrier_damaged_it(case: Case, heard: Heard) -> bool:
    """Whether they say it arrived damaged, with or after words of damage of their own.

    "I dropped it", then "what if it was broken when it arrived": the damage is now the
    carrier's, a quality problem ZOSI answers for (R4 decision), not damage the customer did
    (R3), so the earlier condition no longer decides. Said in one breath, "it arrived with a
    cracked housing, the courier obviously dropped it" is the same: the dropping is the
    carrier's, and refusing the refund for it would be a wrong answer to a quality problem.
    """
    own = Condition.DAMAGED_BY_CUSTOMER
    return heard.reason == Reason.DAMAGED_IN_TRANSIT and (
        heard.condition == own
        or (heard.condition is None and case.value(FactName.CONDITION) == own)
    )


def _asked_of_another_product(case: Case, heard: Heard) -> bool:
    """Whether the customer asked the question again of a product, instead of answering.

    "How long is the warranty on a camera?" gets the rule and "if you'd like me to check
    yours, when did you buy it?"; "and is that the same for the NVR?" asks the rule of the
    NVR: it gets the rule again, never the bare "When did you buy your NVR?".
    """
    waiting = case.waiting
    return (
        waiting is not None
        and waiting.data[:1] == (GENERAL,)
        and heard.goal is not None
        and heard.product is not None
        and heard.product != case.value(FactName.PRODUCT)
        and heard.date is None
    )


#: Why a date could not be used, kept in the case's question data for the next ask.
BAD_DATE, FUTURE_DATE = "bad_date", "future_date"


def _read_date(  # noqa: PLR0911 - one outcome per reading of a date
    case: Case,
    value: str,
    today: date,
    before: DateSpan | None = None,
    *,
    guessed: bool = False,
    checked: tuple[str, ...] = (),
) -> Case:
    """Record the purchase date said, as a guess when Alexa put it in the future.

    ``before`` is the purchase span the case held until now, and ``guessed`` says it was a
    guess still to be checked. A bare day of the month said after a month ("in March", then
    "the third") is first read as that day of it. A month said after a guessed day ("the
    25th" checked as 25 October, then "no, November") keeps the day and places it in that
    month (``day_in_month``). The same date said again instead of a yes is that guess
    confirmed when it has no other reading, else its next reading is checked, and after the
    last the skill goes on without the date rather than check a third time. A day less than
    a week ahead may also be a weekday ("I got it Tuesday"): the week just gone is checked
    after a no to the readings that keep its day number.
    """
    try:
        said = parse_amazon_date(value, today)
        placed = None
        if guessed and before is not None and before.precise:
            placed = day_in_month(before.earliest.day, said, today) or _reading_in_year(
                value, (before, _other_day(before, checked))
            )
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
    # A weekday ("I got it Tuesday") names the week just gone: checked after the readings
    # that keep the day number said ("the 8th", "December 8th"), which a month can correct.
    for span in (within, bare_day, resolved.span, resolved.last_week):
        if span is not None and span not in readings:
            readings.append(span)
    if guessed and before in readings:  # the date being checked, said again
        if readings == [before]:
            return case.with_facts({FactName.PURCHASED: Fact(span_text(before), Source.CONFIRMED)})
        # ... insisting on its day number: the weekday just gone is no longer a reading
        readings = [
            span for span in readings[readings.index(before) + 1 :] if span != resolved.last_week
        ]
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


def _reading_in_year(value: str, named: tuple[DateSpan, DateSpan | None]) -> DateSpan | None:
    """The one day a date check named that falls in the year said as its answer (C2).

    "Just to check: you bought your camera on 25 October, not 25 November 2025?" - "last
    year" (AMAZON.DATE "2025"): of the two days named (the day checked, and the other the
    check said, `questions._other_day`), the one in 2025. None when the answer is no year
    alone, or names the year of both or of neither.
    """
    if not (len(value) == YEAR_DIGITS and value.isdigit()):
        return None
    in_year = [span for span in named if span is not None and span.earliest.year == int(value)]
    return in_year[0] if len(in_year) == 1 else None


#: An AMAZON.DATE value that is a year alone ("2025") has this many digits.
YEAR_DIGITS = 4


def _unusable_date(case: Case, pending: Question, known: Known) -> Outcome:
    """A date that can't be used: the question again with why, or on without it.

    ``pending.attempts`` counts this answer's question: asked twice and answered with
    no usable date twice, it is not asked a third time (an honest answer without it).
    """
    if pending.attempts > MAX_ATTEMPTS:
        return _move_on(case, FactName.PURCHASED, known)
    return _ask(case, FactName.PURCHASED, attempt=pending.attempts, lead=pending.data[0])


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
    span = purchase_span(outcome.case)
    if span is None:
        return outcome
    return outcome._replace(step=step._replace(noted=span))


def _ask_where_bought(
    case: Case, known: Known, progressed: bool, general: Decision | None
) -> Outcome:
    """Ask where a customer abroad bought it (W5-W7), after the rule when one is due.

    Said of a purchase already dated ("I live in Kazakhstan now" after the warranty's
    answer), what being abroad means comes first (W6), not the rule once more.
    """
    dated = purchase_span(case) is not None
    outcome = _ask_next(
        case, FactName.PURCHASE_COUNTRY, known, progressed, general=None if dated else general
    )
    step = outcome.step
    if dated and general is not None and isinstance(step, AskFact) and step.attempt == 1:
        return outcome._replace(step=step._replace(explains=abroad_fact(case).value))
    return outcome


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
    if goal is Goal.REFUND and _fault_after_another_shops_refund(case, heard):
        # "I got this camera at Ozon two weeks ago" - "... the refund goes through that shop.
        # If it's faulty, ask me about the warranty." - "it stopped working yesterday": the
        # fault is the warranty's, ZOSI's wherever it was bought (W1, W5); "my camera's broken
        # and I want my money back" - "I got it at an electronics store" asked for the refund
        goal = Goal.WARRANTY
    if goal is None:
        span = purchase_span(case)
        if span is not None and case.value(FactName.CHANNEL) != GIFT:
            return _standing(case, known, span)
        return Outcome(case, Reply(Said.WHICH_GOAL if asks_which_goal(case) else Said.WHAT_ELSE))
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
    # "I bought a camera on Amazon": the account's orders from ZOSI are not it (R5, W1)
    elsewhere = case.value(FactName.CHANNEL) == Channel.THIRD_PARTY and not choosing
    if known.orders is not None and (
        choosing
        or (case.fact(FactName.PURCHASED) is None and not elsewhere)
        or (elsewhere and _matching_orders(case, known.orders))
        # the orders are read only when this turn's date may name one (see `needs`)
        or (case.value(FactName.CHANNEL) is None and ordered_then(case, known.orders))
    ):
        return _from_orders(case, known)

    kind = _claim_kind(case)
    # a refund request for a product said damaged or without its box (R3); one from another
    # shop is the request's own refusal, which names the shop (R5)
    # a request of no kind said with only the state ("dropped my new camera, lens cracked,
    # refund?"): the state is what matters of it, and it rules the refund out
    refund_requested = goal is Goal.CLAIM and kind in {ClaimKind.REFUND_RETURN, None}
    blocked = refund_requested and _condition_rules_out(case)
    if (goal is Goal.REFUND and _refund_ruled_out(case)) or blocked:
        # R3: what the customer said of the product decides; no date or shop can change it,
        # whether they asked whether they can or asked for the request ("I threw the box
        # away, can you open a refund for my camera"): the refund's own answer says why.
        return _decide(
            case._replace(goal=Goal.REFUND, question=None),
            known,
            # no day said: any day up to today, so nothing is dated that was not said
            purchase_span(case) or DateSpan.any_day_until(known.today),
        )

    if goal is Goal.CLAIM and kind is None:
        route = _claim_route(case, known, progressed=progressed)
        if route is not None:
            return route

    if case.fact(FactName.PURCHASED) is None:
        case = _from_memory(case, known.memory)
    # A first question that names no purchase of theirs gets the rule before any question.
    general = None
    asking_anew = case.waiting is None or new_question
    # W5-W7: where it was bought matters to a customer abroad; one at home in the store's
    # country ("I'm in Saint Petersburg") bought there unless they say otherwise
    where_bought = (
        case.value(FactName.HOME_COUNTRY) not in {None, STORE_COUNTRY}
        and case.value(FactName.PURCHASE_COUNTRY) is None
        and goal is not Goal.REFUND
        and not case.unknown(FactName.PURCHASE_COUNTRY)
    )
    if asking_anew and not rule_said and (purchase_span(case) is None or where_bought):
        # Answer first: the rule for the question, then the one question to check theirs; said
        # of a purchase already dated ("is the warranty good if I'm in Armenia now"), what
        # being abroad means (W6) before where it was bought, never that question bare. A date
        # only guessed (its check left for another question) dates nothing yet.
        subject = kind if goal is Goal.CLAIM and kind is not None else goal
        general = _general(subject, case, known.today)
    if where_bought:
        return _ask_where_bought(case, known, progressed, general)
    span = purchase_span(case)
    if span is None and case.value(FactName.CHANNEL) == GIFT:
        # R6: who gave it knows when it was bought and holds the receipt; asking the
        # recipient "when did you buy it?" asks what they can't know (audit P2).
        from policy.facts import Topic

        # W1 asked of a gift: how long it runs, and who holds the date it counts from
        topic = Topic.GIFT_WARRANTY if goal is Goal.WARRANTY else Topic.GIFT
        return Outcome(case._replace(question=None), Explained(topic))
    if span is None and case.unknown(FactName.PURCHASED):
        return _move_on(case, FactName.PURCHASED, known)
    if span is None:
        return _ask_next(case, FactName.PURCHASED, known, progressed, general=general)

    channel = case.value(FactName.CHANNEL)
    # a refund asked for, or a refund request ("I'd like to open a refund"): until when
    # if it was ZOSI's, before which shop it was, never that question bare (R1, R2)
    refund_first = (goal is Goal.REFUND or refund_requested) and asking_anew and not rule_said
    if channel == ALIEXPRESS:
        until = None
        if refund_first and _attempts(case, FactName.CHANNEL) == 0:
            until = _until_when_first(case, span, known, REFUND_UNTIL_ALIEXPRESS)
        return until or _ask_again(case, FactName.CHANNEL, known, lead=ALIEXPRESS)
    if _shop_decides(case, goal, kind, span, known.today):
        until = _until_when_first(case, span, known, REFUND_UNTIL) if refund_first else None
        # a date too rough to say until when ("a month ago, maybe two"): the rule comes first
        rule = _general(goal, case, known.today) if refund_first and until is None else None
        return until or _ask_next(case, FactName.CHANNEL, known, progressed, general=rule)
    return _decide(case._replace(question=None), known, span)


def _until_when_first(case: Case, span: DateSpan, known: Known, lead: str) -> Outcome | None:
    """Answer first: until when the refund runs if the shop was ZOSI's, then which shop it was.

    None when, bought from ZOSI, it could no longer be refunded either (or, for a week or
    a month, might not be): the shop question is then asked on its own. A purchase date
    known only roughly ("three weeks ago") gives the last day as a floor, "until at least".
    ``lead`` picks the question: which shop, or (for AliExpress said alone) which store there.
    """
    unsure = case.with_facts({FactName.CHANNEL: None})
    dated = _evaluate(Goal.REFUND, _facts(unsure, span), known.today)
    if dated.verdict is not Verdict.YES:
        return None
    asked = _ask(unsure, FactName.CHANNEL, lead=lead, general=dated, exact=span.precise)
    # asked already, and another question came first: it counts, never a third time running
    return _counted(asked, case, FactName.CHANNEL, known)


def _shop_decides(
    case: Case, goal: Goal, kind: ClaimKind | None, span: DateSpan, today: date
) -> bool:
    """Whether the shop, not yet said, can still change the answer (R1, R2, R5).

    A refund needs it while the 30 days may run; once they are over, no shop makes ZOSI's
    refund possible, so the decision is said without asking (answer first). That holds for
    a refund request asked for by name too: "it stopped working after three months, do I
    get my money back" is the warranty's answer (W5) whichever shop sold it.
    """
    if case.value(FactName.CHANNEL) is not None or case.unknown(FactName.CHANNEL):
        return False
    refund = goal is Goal.REFUND or kind is ClaimKind.REFUND_RETURN
    return refund and _refund_open_by_date(case, span, today)
