"""Invariants every decision and every delivery date keeps, checked with hypothesis."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from policy.crossship import cross_ship_deadline, evaluate_cross_ship
from policy.delivery import add_business_days, estimate_delivery, is_business_day
from policy.model import Channel, DateSpan, PurchaseFacts, Reason, Step, Verdict
from policy.regions import REGIONS
from policy.returns import evaluate_return, return_deadline
from policy.warranty import evaluate_warranty, warranty_deadline

RULES = [
    (evaluate_return, return_deadline),
    (evaluate_warranty, warranty_deadline),
    (evaluate_cross_ship, cross_ship_deadline),
]

days = st.dates(date(2020, 1, 1), date(2032, 12, 31))


@st.composite
def spans(draw) -> DateSpan:
    first = draw(days)
    return DateSpan(first, first + timedelta(days=draw(st.integers(0, 400))))


facts = st.builds(
    PurchaseFacts,
    purchased=spans(),
    channel=st.sampled_from([None, Channel.ZOSI_WEBSITE, Channel.ZOSI_OFFICIAL_STORE]),
    gift=st.booleans(),
    reason=st.sampled_from([None, *Reason]),
    customer_country=st.sampled_from([None, "RU", "KZ", "DE"]),
    shipped_internationally=st.booleans(),
)


@given(facts=facts, today=days, rule=st.sampled_from(RULES))
def test_r1_w1_x1_a_decision_never_says_yes_after_its_last_day(facts, today, rule):
    evaluate, deadline = rule

    window = evaluate(facts, today).window

    if window.verdict is Verdict.YES:
        assert today <= window.last_day == deadline(facts.purchased.earliest)
        assert window.days_left == (window.last_day - today).days
    elif window.verdict is Verdict.NO:
        assert today > window.last_day == deadline(facts.purchased.latest)
        assert window.days_left is None


@given(facts=facts, today=days, rule=st.sampled_from(RULES))
def test_r1_w1_x1_the_cutoff_of_a_depends_window_lies_inside_the_span_at_the_first_open_day(
    facts, today, rule
):
    evaluate, deadline = rule

    window = evaluate(facts, today).window

    if window.verdict is Verdict.DEPENDS:
        assert facts.purchased.earliest < window.cutoff <= facts.purchased.latest
        assert deadline(window.cutoff) >= today
        assert deadline(window.cutoff - timedelta(days=1)) < today
        assert window.last_day is None
        assert window.days_left is None


@given(facts=facts, today=days, rule=st.sampled_from(RULES))
def test_a_closed_window_gives_no_steps_but_the_givers_or_a_faults(facts, today, rule):
    evaluate, _ = rule

    decision = evaluate(facts, today)

    if getattr(decision, "fault_refund", None) is not None:
        # W5-W7: past R1, a fault said under warranty goes the warranty's way.
        assert Step.CONTACT_SUPPORT in decision.steps
    elif decision.verdict is Verdict.NO:
        # R3: a product or box not as it came is no refund for anyone, giver included.
        ruled_out = getattr(decision, "blocked_by", None) is not None
        assert len(decision.steps) == int(facts.gift and not ruled_out)


@given(start=days, n=st.integers(1, 40))
def test_d4_add_business_days_lands_on_a_business_day_no_sooner_than_n_calendar_days(start, n):
    result = add_business_days(start, n)

    assert is_business_day(result)
    assert result >= start + timedelta(days=n)
    between = (start + timedelta(days=offset) for offset in range(1, (result - start).days + 1))
    assert sum(is_business_day(day) for day in between) == n


@given(order=days, region_id=st.sampled_from([None, "atlantis", *REGIONS]))
def test_d4_delivery_windows_always_lie_within_3_to_30_business_days(order, region_id):
    estimate = estimate_delivery(order, region_id)

    assert 3 <= estimate.min_days <= estimate.max_days <= 30
    assert estimate.earliest == add_business_days(order, estimate.min_days)
    assert estimate.latest == add_business_days(order, estimate.max_days)
    assert add_business_days(order, 3) <= estimate.earliest <= estimate.latest
    assert estimate.latest <= add_business_days(order, 30)
