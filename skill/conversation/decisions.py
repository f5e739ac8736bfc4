"""The decisions asked of the policy core, for a described purchase or a linked account's order.

The case's facts become :class:`~policy.model.PurchaseFacts`, and the rule modules decide:
refunds (R1-R6), the warranty (W1-W9), cross-shipping (X1-X4); each is imported only when
first asked (:func:`_evaluate`), so a cold start loads the rules its question needs. This
room only picks which decision to ask for, turns it into a step (an answer, a refusal
with the route still open, an offer to open a request) and re-asks it at the customer's
yes (issue 18). No rule is restated here.
"""

from __future__ import annotations

from datetime import date

from conversation.case import (
    GIFT,
    REFUND_UNTIL_ALIEXPRESS,
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
from conversation.questions import _ask
from conversation.steps import (
    ClaimSteps,
    Decided,
    Decision,
    Known,
    NoOrder,
    OrderFacts,
    OrdersOverview,
    Outcome,
    Perform,
    ProposeRequest,
    Refused,
    Standing,
)
from domain.memory import RememberedPurchase
from policy.claims import ClaimKind, claim_kind_for, fits_reason
from policy.model import Channel, Condition, DateSpan, PurchaseFacts, Reason, Verdict
from policy.terms import SHIPS_ACROSS_BORDERS_FROM, STORE_COUNTRY

#: Orders that can still be the subject of a return, repair or replacement.
ACTIVE_STATUSES = frozenset({"processing", "shipped", "delivered"})
#: Why the kind of request is asked: a fault inside the refund period leaves the choice.
REFUND_OPEN = "refund_open"
#: The same, bought from ZOSI (R2): the refund is theirs, with no "if".
REFUND_OPEN_DIRECT = "refund_open_direct"
#: The same two where the customer is in the country of purchase: ZOSI pays the way back
#: for a quality problem on either route (R4 decision, W5); from abroad it may not (W6).
REFUND_OPEN_HOME = "refund_open_home"
REFUND_OPEN_DIRECT_HOME = "refund_open_direct_home"
#: Each of those leads: (bought from ZOSI, ZOSI pays the return shipping).
REFUND_OPEN_LEADS: dict[str, tuple[bool, bool]] = {
    REFUND_OPEN: (False, False),
    REFUND_OPEN_DIRECT: (True, False),
    REFUND_OPEN_HOME: (False, True),
    REFUND_OPEN_DIRECT_HOME: (True, True),
}
#: The same for a gift: the giver holds the receipt the refund needs (R6).
REFUND_OPEN_GIFT = "refund_open_gift"
#: Why the shop is asked: the refund runs until a day, if the shop was ZOSI's (R1, R2).
REFUND_UNTIL = "refund_until"
#: REFUND_UNTIL_ALIEXPRESS, the same when the shop said was AliExpress (which store there is
#: asked, R2, R5), is defined with the case, whose questions keep it across a detour.
#: The leads that say a dated refund's last day before asking where it was bought.
DATED_REFUND_LEADS = frozenset({REFUND_UNTIL, REFUND_UNTIL_ALIEXPRESS})
#: The reason asked for a repair or a replacement, which only a fault can justify.
FAULT_ONLY = "fault_only"


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
        shipped_internationally=shipped_from_abroad(case),
        condition=member(Condition, case.value(FactName.CONDITION)),
    )


def shipped_from_abroad(case: Case) -> bool:
    """Whether ZOSI shipped the purchase to the customer across a border (W7).

    A customer who names China or the US for the purchase and another country for where they
    are ("it was shipped from China to me in Russia", "you shipped my NVR from China straight
    to me in Belarus", "I ordered on ZOSI's American site, I'm in Russia") had it sent from
    there: a fault goes back at ZOSI's cost (W7). W6, where the customer pays the
    international shipping, is for a customer outside the country they bought in ("I bought
    it in Russia and live in Kazakhstan now"); a country ZOSI does not ship from is read so
    too, as where the customer is ("in Almaty now, camera from Russia" may come with the two
    countries swapped).
    """
    bought = case.value(FactName.PURCHASE_COUNTRY)
    home = case.value(FactName.HOME_COUNTRY)
    return home is not None and home != bought and bought in SHIPS_ACROSS_BORDERS_FROM


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


def decide_on(goal: Goal, case: Case, span: DateSpan, today: date) -> Verdict:
    """The verdict of ``goal`` for the purchase the case describes, bought within ``span``."""
    return _evaluate(goal, _facts(case, span), today).verdict


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
            return _ask(case, FactName.CLAIM_KIND, lead=_refund_open(facts))
        decision = _evaluate(kind, facts, known.today)
        if decision.verdict is Verdict.NO or not fits_reason(kind, facts.reason):
            refused = _refusal(kind, decision, facts, known.today, product, None)
            return Outcome(case, refused._replace(exact=span.precise))
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


def _standing(case: Case, known: Known, span: DateSpan) -> Outcome:
    """A purchase told with a date and no goal: what the date still allows.

    Within the refund period both remedies are said and the customer picks (`Standing`);
    after it, only the warranty is left: the refund's end is said with it, so "I think I've
    missed the return by a day" hears when it ended (R1), and the conversation goes on
    about the warranty (W1). With a refund ruled out (R2, R3, R5), the warranty answers.
    """
    if _refund_ruled_out(case):
        return _decide(case._replace(goal=Goal.WARRANTY, question=None), known, span)
    facts = _facts(case, span)
    refund = _evaluate(Goal.REFUND, facts, known.today)
    if refund.verdict is Verdict.NO:
        # the refund's end, then the warranty's (both ends, as within the 30 days); what
        # follows is about the warranty, all that is left ("who pays to post it?": W5)
        said = _decide(case._replace(goal=Goal.REFUND, question=None), known, span)
        return said._replace(case=said.case._replace(goal=Goal.WARRANTY))
    if refund.verdict is not Verdict.YES:
        return _decide(case._replace(goal=Goal.WARRANTY, question=None), known, span)
    warranty = _evaluate(Goal.WARRANTY, facts, known.today)
    step = Standing(refund, warranty, case.value(FactName.PRODUCT_NAME), span.precise)
    return Outcome(case._replace(question=None), step)


def request_decision(order: OrderFacts, kind: ClaimKind, reason: Reason, today: date) -> Decision:
    """The decision that governs opening a request of ``kind`` for ``order`` (its steps, costs)."""
    return _evaluate(kind, order.facts._replace(reason=reason), today)


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


def _refund_open(facts: PurchaseFacts) -> str:
    """Why "a refund or a repair?" is asked: a fault inside the 30 days (R1, W2).

    For a gift the giver holds the receipt (R6), which is said with the choice. Bought from
    ZOSI, the refund needs no "if" (R2); in the country of purchase, ZOSI pays the way back
    whichever route is taken (R4 decision, W5), which is what "it arrived broken, what do I
    do" most wants to hear.
    """
    if facts.gift:
        return REFUND_OPEN_GIFT
    direct = facts.channel is not None and facts.channel.is_direct
    home = not facts.customer_abroad
    return next(lead for lead, said in REFUND_OPEN_LEADS.items() if said == (direct, home))


def _named_kind(case: Case) -> ClaimKind | None:
    """The kind of request the customer named, if any."""
    return member(ClaimKind, case.value(FactName.CLAIM_KIND))


def _claim_kind(case: Case) -> ClaimKind | None:
    """The request the customer named, else the one their reason points to (W2, R1, R4)."""
    return _named_kind(case) or claim_kind_for(member(Reason, case.value(FactName.REASON)))


def _refund_open_by_date(case: Case, span: DateSpan, today: date) -> bool:
    """Whether the 30 days may still run for this purchase date, if it was ZOSI's (R1).

    Only then does the shop decide anything (R2, R5); after them no shop makes ZOSI's
    refund possible, so the decision is said without asking where it was bought.
    """
    return decide_on(Goal.REFUND, case, span, today) is not Verdict.NO


def _refund_ruled_out(case: Case) -> bool:
    """Whether no date can make a refund possible.

    The shop was another seller's (R2, R5), or the customer said the product or its
    packaging is not as it came (R3).
    """
    return case.value(FactName.CHANNEL) == Channel.THIRD_PARTY or _condition_rules_out(case)


def _condition_rules_out(case: Case) -> bool:
    """Whether what the customer said of the product or its box rules a refund out (R3)."""
    condition = member(Condition, case.value(FactName.CONDITION))
    return condition is not None and condition.blocks_refund


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


def remembered(case: Case) -> Case:
    """The case once its purchase is stored: later answers say so and offer nothing to store."""
    kept = Source.REMEMBERED
    return case.with_facts(
        {name: Fact(fact.value, kept) for name, fact in case.facts.items() if fact.settled}
    )


def _to_remember(case: Case) -> RememberedPurchase | None:
    """The purchase as it would be stored after a yes (only what the customer said)."""
    span = purchase_span(case)
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


#: Products a customer may name for an order of another kind: a kit holds cameras and a
#: recorder, so "my camera" can mean the camera kit when no camera alone was ordered.
RELATED_KINDS: dict[str, frozenset[str]] = {
    "camera": frozenset({"kit"}),
    "nvr": frozenset({"kit"}),
    "dvr": frozenset({"kit"}),
    "hard_drive": frozenset({"kit", "nvr", "dvr"}),
}


def _matching_orders(case: Case, orders: tuple[OrderFacts, ...]) -> list[OrderFacts]:
    """The open orders the customer may mean: the one chosen, else by the product named.

    A purchase said to be from another shop is none of the account's orders from ZOSI.
    """
    chosen = case.value(FactName.ORDER)
    product = case.value(FactName.PRODUCT)
    active = [order for order in orders if order.status in ACTIVE_STATUSES]
    if chosen is None and case.value(FactName.CHANNEL) == Channel.THIRD_PARTY:
        # "I bought a camera on Amazon": not the camera the account bought from ZOSI (R5)
        active = [order for order in active if order.facts.channel is Channel.THIRD_PARTY]
    if chosen is not None:
        return [order for order in active if order.order_id == chosen]
    if product is not None:
        exact = [order for order in active if order.kind == product]
        related = RELATED_KINDS.get(product, frozenset())
        active = exact or [order for order in active if order.kind in related]
    span = purchase_span(case)
    if span is not None:  # "the one from May": the orders placed in the days named
        dated = [o for o in active if span.earliest <= o.ordered_on <= span.latest]
        return dated or active
    return active


def ordered_then(case: Case, orders: tuple[OrderFacts, ...]) -> bool:
    """Whether the purchase date said is the day of an order of theirs.

    "The doorbell I ordered yesterday": that order, bought from ZOSI, answers, not the date
    alone. A date that matches no order of the product named is a purchase made elsewhere (a
    gift, another shop), and the date said stands.
    """
    span = purchase_span(case)
    if span is None:
        return False
    pool = _matching_orders(case, orders)
    return any(span.earliest <= order.ordered_on <= span.latest for order in pool)


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
    if goal is Goal.REFUND and reason is None and order.facts.gift:
        offer = None  # R6: this account's refund of a gift is for a fault; none was said
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
    if reason is None and kind is ClaimKind.REFUND_RETURN and _refund_ruled_out(case):
        reason = Reason.OTHER  # R3: no reason can make the refund possible: none is asked
    if reason is None:
        if not (case.unknown(FactName.REASON) and kind is not None):
            # A repair or a replacement is for a fault (W2, X2): a change of mind isn't offered.
            fault_only = kind in {ClaimKind.WARRANTY_REPAIR, ClaimKind.CROSS_SHIP}
            return _ask(case, FactName.REASON, lead=FAULT_ONLY if fault_only else None)
        reason = Reason.OTHER
    facts = _as_said(order.facts, case)._replace(reason=reason)
    if _refund_or_repair(case, facts, known.today):
        return _ask(case, FactName.CLAIM_KIND, lead=_refund_open(facts))
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
