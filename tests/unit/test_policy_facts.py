"""General policy questions: every topic explains itself from the rules' own numbers."""

import re

import pytest

from policy import terms
from policy.facts import (
    Aspect,
    Explanation,
    Topic,
    aspect_beside,
    explain,
    one_question,
    refine,
)
from policy.model import RULE_ORDER, Condition, Payer


@pytest.mark.parametrize("topic", list(Topic), ids=str)
def test_every_topic_explains_itself_with_the_rules_it_rests_on(topic):
    explanation = explain(topic)
    assert isinstance(explanation, Explanation)
    assert explanation.topic is topic
    assert explanation.rule_ids
    assert list(explanation.rule_ids) == [r for r in RULE_ORDER if r in explanation.rule_ids]


def test_every_rule_of_policy_md_is_answerable_as_a_direct_question():
    covered = {rule for topic in Topic for rule in explain(topic).rule_ids}
    assert covered == set(RULE_ORDER)


def test_topic_values_are_snake_case_slot_ids():
    for topic in Topic:
        assert re.fullmatch(r"[a-z]+(?:_[a-z]+)*", topic.value), topic


def test_w1_the_warranty_is_12_months_from_terms_never_24():
    for topic in (Topic.WARRANTY_LENGTH, Topic.WARRANTY_COVERAGE):
        assert explain(topic).months == terms.WARRANTY_MONTHS == 12


def test_r1_the_return_window_and_the_reason_question_count_the_same_30_days():
    assert explain(Topic.RETURN_WINDOW).days == terms.RETURN_WINDOW_DAYS
    assert explain(Topic.RETURN_REASON).days == terms.RETURN_WINDOW_DAYS


def test_r1_r4_no_reason_is_needed_but_without_a_quality_problem_the_customer_pays_shipping():
    explanation = explain(Topic.RETURN_REASON)
    assert explanation.rule_ids == ("R1", "R4")
    assert explanation.payer is Payer.CUSTOMER


def test_d2_d3_d4_delivery_is_free_from_moscow_in_the_published_business_day_range():
    assert explain(Topic.DELIVERY_COST).free is True
    assert explain(Topic.SHIPS_FROM).place == terms.WAREHOUSE_CITY
    assert explain(Topic.DELIVERY_TIME).business_days == terms.DELIVERY_BUSINESS_DAYS


def test_x1_to_x4_cross_shipping_numbers_are_the_terms_constants():
    overview = explain(Topic.CROSS_SHIPPING)
    assert overview.months == terms.CROSS_SHIP_MAX_MONTHS
    assert overview.days == terms.CROSS_SHIP_RETURN_DAYS
    assert overview.business_days == terms.CROSS_SHIP_DISPATCH_BUSINESS_DAYS
    assert explain(Topic.CROSS_SHIP_COST).free is True
    assert explain(Topic.CROSS_SHIP_RETURN).days == terms.CROSS_SHIP_RETURN_DAYS
    assert explain(Topic.CROSS_SHIP_HOLD).days == terms.CROSS_SHIP_HOLD_DAYS
    assert explain(Topic.CROSS_SHIP_DISPATCH).business_days == (
        terms.CROSS_SHIP_DISPATCH_BUSINESS_DAYS
    )


@pytest.mark.parametrize(
    ("topic", "payer"),
    [
        (Topic.RETURN_SHIPPING, Payer.CUSTOMER),  # R4: not a quality problem
        (Topic.WARRANTY_SHIPPING, Payer.ZOSI),  # W5: domestic, defective
        (Topic.WARRANTY_ABROAD, Payer.CUSTOMER),  # W6: international shipping
        (Topic.INTERNATIONAL_ORDERS, Payer.ZOSI),  # W7: ZOSI shipped it across a border
        (Topic.NOT_DEFECTIVE, Payer.CUSTOMER),  # W8: no fault found
        (Topic.CUSTOMS, Payer.CUSTOMER),  # W9: ZOSI never pays customs
    ],
)
def test_who_pays_follows_the_shipping_rules(topic, payer):
    assert explain(topic).payer is payer


def test_p7_minors_are_under_the_age_in_terms():
    assert explain(Topic.MINORS).age == terms.ADULT_AGE == 18


def test_p9_retention_gives_the_three_year_limit_and_the_skills_own_period_when_passed():
    assert explain(Topic.DATA_RETENTION).days is None
    assert explain(Topic.DATA_RETENTION).years == terms.RETENTION_MAX_YEARS == 3
    assert explain(Topic.DATA_RETENTION, retention_days=400).days == 400


def test_p9_the_skills_period_is_ignored_by_every_other_topic():
    assert explain(Topic.WARRANTY_LENGTH, retention_days=400).days is None


@pytest.mark.parametrize("days", [0, -1, terms.RETENTION_MAX_DAYS + 1])
def test_p9_a_storage_period_beyond_the_limit_is_refused(days):
    with pytest.raises(ValueError, match="P9"):
        explain(Topic.DATA_RETENTION, retention_days=days)


def test_the_settings_retention_limit_is_the_policy_one():
    from settings import MAX_RETENTION_DAYS

    assert MAX_RETENTION_DAYS == terms.RETENTION_MAX_DAYS == 3 * 365


# --- privacy questions: the facts asked, at most two (P1-P9) ---------------------------------


def test_p3_p1_two_privacy_topics_named_get_both_facts_in_the_order_named():
    from policy.facts import privacy_facts

    asked = privacy_facts((Topic.DATA_SECURITY, Topic.DATA_SHARING), None)
    assert asked == (Topic.DATA_SECURITY, Topic.DATA_SHARING)


def test_p9_how_long_adds_the_keeping_period_to_a_privacy_topic_that_is_another_fact():
    from policy.facts import Aspect, privacy_facts

    asked = privacy_facts((Topic.DATA_SHARING, None), Aspect.HOW_LONG)
    assert asked == (Topic.DATA_SHARING, Topic.DATA_RETENTION)


@pytest.mark.parametrize(
    "topic", [Topic.DATA_USE, Topic.DATA_DELETION, Topic.DATA_RETENTION], ids=str
)
def test_p9_how_long_of_my_data_or_its_deletion_is_the_keeping_period_alone(topic):
    from policy.facts import Aspect, privacy_facts

    assert privacy_facts((topic, None), Aspect.HOW_LONG) == (Topic.DATA_RETENTION,)


def test_p9_how_long_with_a_second_topic_keeps_both_and_drops_no_third():
    from policy.facts import Aspect, privacy_facts

    asked = privacy_facts((Topic.DATA_RETENTION, Topic.DATA_SECURITY), Aspect.HOW_LONG)
    assert asked == (Topic.DATA_RETENTION, Topic.DATA_SECURITY)
    three = privacy_facts((Topic.DATA_SHARING, Topic.DATA_SECURITY), Aspect.HOW_LONG)
    assert three == (Topic.DATA_SHARING, Topic.DATA_SECURITY)


def test_p5_my_data_gives_way_to_the_precise_fact_asked_with_it():
    from policy.facts import privacy_facts

    asked = privacy_facts((Topic.DATA_DELETION, Topic.DATA_USE), None)
    assert asked == (Topic.DATA_DELETION,)
    assert privacy_facts((Topic.DATA_USE, None), None) == (Topic.DATA_USE,)


def test_a_question_naming_no_privacy_fact_gets_none_and_the_overview_answers():
    from policy.facts import privacy_facts

    assert privacy_facts((None, None), None) == ()
    assert privacy_facts((Topic.WARRANTY_LENGTH, None), None) == ()


def test_p5_backups_are_a_privacy_fact_of_their_own():
    from policy.facts import PRIVACY_TOPICS, privacy_facts

    assert Topic.DATA_BACKUPS in PRIVACY_TOPICS
    assert explain(Topic.DATA_BACKUPS).rule_ids == ("P5",)
    assert privacy_facts((Topic.DATA_BACKUPS, None), None) == (Topic.DATA_BACKUPS,)


@pytest.mark.parametrize(
    ("first", "second", "asked"),
    [
        # W8: "who pays the shipping if it turns out nothing is wrong with it"
        (Aspect.WHO_PAYS, Aspect.NOT_FAULTY, (Aspect.NOT_FAULTY, None)),
        (Aspect.NOT_FAULTY, Aspect.WHO_PAYS, (Aspect.NOT_FAULTY, None)),
        # "if it was just my wifi all along, will I be charged for anything"
        (Aspect.CARD_HOLD, Aspect.NOT_FAULTY, (Aspect.NOT_FAULTY, None)),
        # X3: "will you charge my card if the old one gets there late"
        (Aspect.CARD_HOLD, Aspect.LATE, (Aspect.LATE, None)),
        # W4: "my request is authorised, now where do I send it"
        (Aspect.APPROVED, Aspect.STEPS, (Aspect.APPROVED, None)),
        # X4: "once it's approved, when will the replacement be sent"
        (Aspect.APPROVED, Aspect.HOW_FAST, (Aspect.HOW_FAST, None)),
        # two questions stay two: "who pays the shipping, and customs?"
        (Aspect.WHO_PAYS, Aspect.CUSTOMS, (Aspect.WHO_PAYS, Aspect.CUSTOMS)),
        (Aspect.HOW_LONG, None, (Aspect.HOW_LONG, None)),
    ],
)
def test_two_aspects_that_ask_one_thing_are_joined(
    first: Aspect, second: Aspect | None, asked: tuple[Aspect | None, Aspect | None]
) -> None:
    assert one_question(first, second) == asked


def test_the_shipping_of_a_unit_found_fine_is_w8_not_delivery() -> None:
    """W8: "who pays the shipping if nothing is wrong with it" names shipping, asks W8."""
    assert refine(Topic.DELIVERY_COST, Aspect.NOT_FAULTY) is Topic.NOT_DEFECTIVE


@pytest.mark.parametrize("condition", list(Condition), ids=str)
def test_r3_the_condition_fact_is_the_customers_own_only_when_it_rules_a_refund_out(condition):
    """ "I lost the box, can I still get a refund": R3 says no for them, not the rule."""
    explanation = explain(Topic.RETURN_CONDITION, condition=condition)
    assert explanation.condition == (condition if condition.blocks_refund else None)
    assert explain(Topic.RETURN_WINDOW, condition=condition).condition is None


@pytest.mark.parametrize(
    ("topic", "aspect", "beside"),
    [
        # X3 named, X4 asked: "how fast do you ship the swap and do you hold money on my card"
        (Topic.CROSS_SHIP_HOLD, Aspect.HOW_FAST, Topic.CROSS_SHIP_DISPATCH),
        (Topic.CROSS_SHIP_HOLD, Aspect.CUSTOMS, Topic.CUSTOMS),  # W9 whatever is sent
        (Topic.CROSS_SHIP_HOLD, Aspect.CARD_HOLD, None),  # the fact named is the one asked
        (Topic.CROSS_SHIP_HOLD, Aspect.HOW_LONG, None),  # the hold's own 30 days
        (Topic.CROSS_SHIP_HOLD, Aspect.WHO_PAYS, None),  # whose shipping: the case decides
        (Topic.DELIVERY_TIME, Aspect.HOW_FAST, None),  # a broad topic is refined instead
        (Topic.CROSS_SHIP_HOLD, None, None),
    ],
)
def test_an_aspect_asks_another_fact_beside_a_precise_topic(topic, aspect, beside):
    assert aspect_beside(topic, aspect) is beside
