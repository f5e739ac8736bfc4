"""The dialog moves: yes and no, a missed answer, asking again, moving on, resuming.

How the conversation behaves around its questions, the same for every goal: a yes or no
counts only for the question just asked; a miss is asked once more with the choices
spelled out and then moved on from (a conditional answer or the support contact); a
detour leaves the open question to be asked again. A move asks the policy core nothing
itself: a yes to an offer goes to :mod:`conversation.decisions`, and a settled question
back to the service's flow.
"""

from __future__ import annotations

from conversation.aspects import implied_goal, steps_family
from conversation.case import (
    GENERAL,
    GIFT,
    UNKNOWN,
    Asks,
    Case,
    Fact,
    FactName,
    Goal,
    Offer,
    Question,
    Source,
    purchase_span,
)
from conversation.decisions import (
    _claim_kind,
    _decide,
    _decided_again,
    _from_orders,
    _general,
    _to_remember,
    decide_on,
)
from conversation.questions import (
    MAX_ATTEMPTS,
    _ask,
    _asked_again,
    _asked_once_more,
    _attempts,
    _confirm,
    offer_made_again,
)
from conversation.steps import (
    AskFact,
    ConfirmDate,
    Decided,
    Decision,
    Declined,
    Explained,
    GaveUp,
    Heard,
    Known,
    NoOrder,
    Outcome,
    Perform,
    Reply,
    Said,
    Signal,
    Step,
)
from policy.model import Verdict


def _signal(case: Case, signal: Signal, known: Known) -> Outcome:
    """Help, a detour, something not understood, or "I don't know"."""
    waiting = case.waiting
    if signal in {Signal.HELP, Signal.DONT_KNOW} and waiting is None:
        # "I have no idea when she bought it", said after a gift's answer: nothing was asked,
        # and the case still has a next step (W3, R6), which helps more than the menu
        next_steps = _what_to_do_now(case)
        if next_steps is not None:
            return Outcome(case, next_steps)
    if waiting is None or case.goal is None:
        return _nothing_waiting(case, signal, which_goal=waiting is None and asks_which_goal(case))
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


def _nothing_waiting(case: Case, signal: Signal, *, which_goal: bool) -> Outcome:
    """A signal with no fact asked for: the menu, or the which-goal question once more.

    "Would you like to return it, or is something wrong with it?" - something not understood:
    that question once more, not the skill's menu as if nothing was asked; it is then counted
    as asked twice, like any question, so a third miss moves on (`_unanswered`).
    """
    if signal is Signal.NOT_UNDERSTOOD and which_goal:
        asked_twice = Question(Asks.MORE, attempts=MAX_ATTEMPTS)
        return Outcome(case._replace(question=asked_twice), Reply(Said.GOAL_MISSED))
    if signal is Signal.DONT_KNOW and which_goal:
        # "I don't know" to "would you like to return it, or is something wrong with it?":
        # what each way offers (R1's 30 days, W1's year), not the skill's menu; a dated
        # purchase heard both its dates with the question, and the customer says what next
        if purchase_span(case) is not None:
            return Outcome(case, Reply(Said.WHAT_ELSE))
        from policy.facts import Topic

        return Outcome(case, Explained(Topic.RETURN_WINDOW, also=Topic.WARRANTY_LENGTH))
    said = {
        Signal.HELP: Said.HELP,
        Signal.NOT_UNDERSTOOD: Said.NOT_UNDERSTOOD,
        Signal.DONT_KNOW: Said.HELP,  # nothing was asked: what can be asked, with examples
    }.get(signal, Said.WHAT_ELSE)
    return Outcome(case, Reply(said))


def asks_which_goal(case: Case) -> bool:
    """Whether the case has a purchase told and nothing asked of it: return it, or is it faulty?

    A purchase dated (not a gift) has its standing said with the question (both ends, R1 and
    W1), and keeps no goal only while the refund is still open, so the question stands too:
    "hmm" after it hears the question again, not the skill's menu.
    """
    if case.goal is not None or implied_goal(case) is not None:
        return False
    return any(
        case.value(name) is not None
        for name in (FactName.PURCHASED, FactName.PRODUCT, FactName.CHANNEL)
    )


def _what_to_do_now(case: Case) -> Explained | None:
    """Help once the customer's own case was decided: its next step, not the skill's menu.

    "What do I do now" after "your recorder is under warranty" asks how that claim goes
    on (W3: email ZOSI support first), the steps aspect of the case's rules. A gift's answer
    decides with no date: the giver holds it (R6).
    """
    decided = (
        purchase_span(case, guessed=True) is not None
        or case.fact(FactName.ORDER) is not None
        or case.value(FactName.CHANNEL) == GIFT
    )
    if case.goal is None or not decided:
        return None
    from policy.facts import Aspect, Topic, topic_for

    topic = topic_for(steps_family(case), Aspect.STEPS)
    if topic is None:
        return None
    if case.value(FactName.CHANNEL) == GIFT and purchase_span(case, guessed=True) is None:
        # "I don't know when she bought it": the first step (W3), then that the giver knows,
        # from the receipt (R6, W1)
        gift = Topic.GIFT_WARRANTY if case.goal is Goal.WARRANTY else Topic.GIFT
        return Explained(topic, also=gift)
    return Explained(topic)


def _unanswered(case: Case, asked: Question, signal: Signal, known: Known) -> Outcome:
    """No yes or no to a yes/no question: check a guess once more, never act on an offer.

    "I don't know" to an offer leaves things as they are (a no); to "you bought it on
    5 November?" it drops the guess and asks for the date, rough or not.
    """
    if signal is Signal.HELP:
        # "what do I do now?" said to a date check after a decision: its next step (W3);
        # the guess stays as it was, unconfirmed
        next_steps = _what_to_do_now(case)
        if next_steps is not None:
            return Outcome(case, next_steps)
    if asked.kind is Asks.CONFIRM and case.fact(FactName.PURCHASED) is not None:
        return _check_again(case, asked, signal)
    if asked.kind is Asks.OFFER:
        return _offer_again(case, asked, signal, known)
    if asked.kind is Asks.MORE and asked.attempts >= MAX_ATTEMPTS:
        # "Would you like to return it, or is something wrong with it?" went unanswered twice:
        # never a third time (issue 17: no loops); the skill says what it can do instead
        return Outcome(case, Reply(Said.HELP if signal is Signal.HELP else Said.NOT_UNDERSTOOD))
    return _signal(case, signal, known)


def _check_again(case: Case, asked: Question, signal: Signal) -> Outcome:
    """The date check once more after an unclear answer; after "I don't know", the date."""
    if signal is Signal.NOT_UNDERSTOOD:
        check = _check_once_more(case, asked, repeated=True)
        if check is not None:
            return check
    return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED, attempt=2)


def _check_once_more(case: Case, asked: Question, *, repeated: bool) -> Outcome | None:
    """The same date check again, counted (never a third time); None when it was asked twice.

    ``repeated``: the answer was not understood, and the check says so before it.
    """
    if asked.attempts >= MAX_ATTEMPTS:
        return None
    check = _confirm(case, asked.data, again=False)
    if not isinstance(check.step, ConfirmDate):
        return check
    question = asked._replace(attempts=asked.attempts + 1)
    return Outcome(check.case._replace(question=question), check.step._replace(repeated=repeated))


def _offer_again(case: Case, asked: Question, signal: Signal, known: Known) -> Outcome:
    """No yes or no to an offer: "I don't know" declines it; a mumble hears it once more.

    An answer that was not understood gets the same offer again, in the same words, so
    the customer hears exactly what a yes will do; a second miss, or help or another
    topic, drops it: an action (a deletion, a request) follows only a clear yes to the
    question just asked.
    """
    if signal is Signal.DONT_KNOW:
        unsure = _day_unknown(case, asked, known)
        if unsure is not None:
            return unsure
        return Outcome(case, Declined(Offer(asked.about)), resume=_resumed(case))
    if signal is Signal.NOT_UNDERSTOOD and asked.attempts < MAX_ATTEMPTS:
        # "hmm maybe": the same offer once more, word for word, so a yes after it answers
        # exactly the question the customer just heard again; a second miss drops it.
        again = case._replace(question=asked._replace(attempts=asked.attempts + 1))
        return _decision_before_the_offer(again, known) or Outcome(
            again, Reply(Said.NOT_UNDERSTOOD)
        )
    return _signal(case, signal, known)


def _decision_before_the_offer(case: Case, known: Known) -> Outcome | None:
    """A refusal said again, or a refund's condition, before the offer to remember the purchase.

    What is not understood after "Sorry, the one-year warranty ended on 3 November. Shall I
    remember this purchase?" is most often the refusal argued with ("only one day late!",
    "can't you make an exception?"): it stands, said again (its first sentence, as any answer
    said twice), then the same offer. After a refund promised, it is as often the product's
    state that was not understood ("box is gone btw", "there are screw marks now"): the
    promise holds only for a product and box sent back undamaged (R3), and that is said
    before the same offer (audit P3). None for any other offer or decision.
    """
    asked = case.question
    span = purchase_span(case)
    if asked is None or asked.about != Offer.REMEMBER_PURCHASE or span is None:
        return None
    if case.goal in {None, Goal.CLAIM}:
        return None
    decided = _decide(case, known, span)
    step = decided.step
    if not isinstance(step, Decided) or step.offer != Offer.REMEMBER_PURCHASE:
        return None
    if step.decision.verdict is Verdict.NO:
        return Outcome(case, step)
    if case.goal is Goal.REFUND and step.decision.verdict is Verdict.YES:
        return Outcome(case, Reply(Said.CONDITION_MISSED))
    return None


def _day_unknown(case: Case, asked: Question, known: Known) -> Outcome | None:
    """An "I don't know" to the remember offer after an answer that hung on the exact day.

    "Around a month ago" gets "that depends on the exact day ...", then the offer to
    remember the purchase; "I don't know, I can't remember the exact day" then is about the
    day, not the offer: the rule and who can check the day (C1), instead of "Okay, I won't
    remember it". None when the answer did not hang on the day, or another offer was open.
    """
    span = purchase_span(case)
    goal = case.goal
    if asked.about != Offer.REMEMBER_PURCHASE or span is None or goal is None:
        return None
    if goal is Goal.CLAIM or decide_on(goal, case, span, known.today) is not Verdict.DEPENDS:
        return None
    general = _general(goal, case, known.today)
    step = GaveUp(goal, FactName.PURCHASED, case.value(FactName.PRODUCT_NAME), general)
    return Outcome(case._replace(question=None), step)


def offered_again(case: Case, opened_with: Question | None) -> Case | None:
    """The case with its open offer made once more after a side question, or None to drop it.

    "Shall I remember Kazan as your delivery region?" - "who pays for that?": the answer,
    then the offer again, so a yes still goes to it; counted like any question, so an offer
    is never made a third time ("Anything else?" follows instead, and the offer is closed).
    An offer this turn already counted (``case`` no longer holds the question the turn
    ``opened_with``: asked again after a mumble) is not counted twice.
    """
    if case.question != opened_with:
        return case
    asked = case.question
    if asked is None or asked.kind is not Asks.OFFER:
        return None
    again = offer_made_again(asked, asked)
    return None if again is None else case._replace(question=again)


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
    if asked.about == FactName.CLAIM_KIND and not yes:
        # "A refund, a repair or an advance replacement?" - "no": none of them, so nothing
        # is opened and the choice is not put again (audit P3, S110).
        return Outcome(case._replace(question=None), Declined(Offer.OPEN_REQUEST))
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
        return _flow(case, known, rule_said=True)
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
        return _flow(claim, known)
    return Outcome(case, Perform(offer, data))


def _confirmed(case: Case, asked: Question, yes: bool, known: Known) -> Outcome:
    """Yes or no to "Just to check: you bought it on 5 November?"."""
    guess = case.fact(FactName.PURCHASED)
    if guess is None:
        return Outcome(case, Reply(Said.OKAY))
    if yes:
        case = case.with_facts({FactName.PURCHASED: Fact(guess.value, Source.CONFIRMED)})
        return _flow(case, known)
    if asked.data:
        following, rest = asked.data[0], asked.data[1:]
        case = case.with_facts({FactName.PURCHASED: Fact(following, Source.GUESSED)})
        return _confirm(case, rest, again=True)
    return _ask(case.with_facts({FactName.PURCHASED: None}), FactName.PURCHASED)


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
        if not progressed:
            return _missed(case, fact, None, known)
        # Another question came first (its rule, then this one), or another fact ("no wait,
        # five weeks ago"): the question is asked as it was, but counts as asked once more;
        # asked twice already, the skill goes on without the fact instead of a third time.
        asked = (
            _ask(case, fact, general=general)  # the plain question after the rule
            if general is not None
            else _ask(case, fact, attempt=waiting.attempts)
        )
        return _counted(asked, case, fact, known)
    return _ask(case, fact, general=general)


def _counted(asked: Outcome, case: Case, fact: FactName, known: Known) -> Outcome:
    """``asked``, counted as asked once more when ``case`` already waits on ``fact``.

    Asked twice already, the skill goes on without the fact instead of a third time.
    """
    waiting = case.waiting
    if waiting is None or waiting.about != fact:
        return asked
    return _asked_again(asked, case) or _move_on(case, fact, known)


def _ask_again(case: Case, fact: FactName, known: Known, *, lead: str) -> Outcome:
    """Ask a question whose answer needs narrowing ("AliExpress": which store there?).

    The same answer a second time moves on, like any answer that cannot be used.
    """
    attempts = _attempts(case, fact)
    case = case.with_facts({fact: None})
    if attempts >= MAX_ATTEMPTS:
        return _move_on(case, fact, known)
    return _ask(case, fact, attempt=attempts + 1, lead=lead)


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
        return _flow(case, known)
    subject = _claim_kind(case) if goal is Goal.CLAIM else goal
    general = _general(subject, case, known.today) if subject is not None else None
    step = GaveUp(goal, fact, case.value(FactName.PRODUCT_NAME), general)
    # The case remembers the customer couldn't tell: asked the same again, the skill says
    # so again instead of asking a third time (a fact said later still replaces it).
    return Outcome(
        case.with_facts({fact: Fact(UNKNOWN, Source.SAID)})._replace(question=None), step
    )


def _flow(case: Case, known: Known, *, rule_said: bool = False) -> Outcome:
    """The service's flow again, from a move that settled what it was waiting on.

    Imported when called: :mod:`conversation.service` imports this module for its moves,
    and the flow they hand back to is its ``_advance``.
    """
    from conversation.service import _advance

    return _advance(case, known, Heard(), rule_said=rule_said)
