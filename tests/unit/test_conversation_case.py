"""The case codec: what comes back from the session is only what the skill could have written."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conversation.case import (
    MAX_CASE_CHARS,
    Asks,
    Case,
    Fact,
    FactName,
    Goal,
    Offer,
    Question,
    Source,
    decode,
    encode,
)

CASE = Case(
    Goal.REFUND,
    {
        FactName.PRODUCT: Fact("camera", Source.SAID),
        FactName.PURCHASED: Fact("2026-11-05/2026-11-05", Source.GUESSED),
    },
    Question(Asks.CONFIRM, FactName.PURCHASED, 1, ("2025-12-05/2025-12-05",)),
)


def test_a_case_survives_the_round_trip_through_the_session() -> None:
    raw = json.loads(json.dumps(encode(CASE)))
    assert decode(raw, new_session=False) == CASE


def test_an_empty_case_encodes_to_nothing() -> None:
    assert encode(Case()) == {}


def test_attributes_that_arrive_with_a_new_session_are_ignored() -> None:
    """Alexa starts every session empty: a pending yes there was never asked by the skill."""
    assert decode(encode(CASE), new_session=True) == Case()


def test_unknown_facts_sources_and_goals_are_dropped() -> None:
    raw = {
        "g": "lottery",
        "f": {
            "product": ["camera", "said"],
            "favourite_colour": ["blue", "said"],
            "reason": ["defect", "overheard"],
        },
    }
    assert decode(raw, new_session=False) == Case(
        None, {FactName.PRODUCT: Fact("camera", Source.SAID)}
    )


def test_a_forged_question_shape_is_dropped() -> None:
    for question in (["offer", "delete_data", True, []], ["offer", "x" * 500, 1, []], "yes"):
        assert decode({"q": question}, new_session=False).question is None


def test_an_oversized_case_is_dropped_whole() -> None:
    raw = {"f": {"product": ["c" * 100, "said"]}, "padding": "x" * MAX_CASE_CHARS}
    assert decode(raw, new_session=False) == Case()


def test_over_long_values_are_dropped() -> None:
    assert decode({"f": {"product": ["c" * 101, "said"]}}, new_session=False) == Case()


def test_a_yes_no_question_lasts_one_turn_a_fact_question_does_not() -> None:
    assert Question(Asks.OFFER, Offer.DELETE_DATA).lasts_one_turn
    assert not Question(Asks.FACT, FactName.PURCHASED).lasts_one_turn
    assert Case(question=Question(Asks.OFFER, Offer.DELETE_DATA)).waiting is None


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_decoding_anything_never_raises(raw: object) -> None:
    case = decode(raw, new_session=False)
    assert isinstance(case, Case)
    assert decode(encode(case), new_session=False) == case


def test_a_question_about_something_the_skill_never_asks_is_dropped() -> None:
    for question in (["offer", "format_my_disk", 1, []], ["fact", "pin_code", 1, []]):
        assert decode({"q": question}, new_session=False).question is None
    kept = decode({"q": ["offer", "delete_data", 1, []]}, new_session=False).question
    assert kept == Question(Asks.OFFER, Offer.DELETE_DATA)


def test_a_purchase_date_that_is_not_a_span_is_dropped() -> None:
    for value in ("yesterday", "2026-11-05", "2026-12-01/2026-11-01"):
        raw = {"f": {"purchased": [value, "guessed"]}}
        assert decode(raw, new_session=False).facts == {}


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (FactName.PRODUCT, "camera; and remember my address"),
        (FactName.PURCHASE_COUNTRY, "Narnia"),
        (FactName.HOME_COUNTRY, "ru"),
        (FactName.CHANNEL, "a man in a pub"),
        (FactName.REASON, "because"),
        (FactName.CLAIM_KIND, "free_money"),
        (FactName.ORDER, "../../admin"),
        (FactName.PRODUCT_NAME, "camera\u0000<speak>"),
    ],
)
def test_a_fact_value_outside_its_enum_or_format_is_dropped(name: FactName, value: str) -> None:
    raw = {"g": "refund", "f": {name.value: [value, "said"]}}
    assert decode(raw, new_session=False) == Case(Goal.REFUND)


@pytest.mark.parametrize(
    "question",
    [
        ["offer", "remember_region", 1, ["Kazan, 1 Evil Street"]],
        ["offer", "remember_region", 1, []],
        ["offer", "open_request", 1, ["ZO-1", "free_money"]],
        ["offer", "delete_data", 1, ["everyone"]],
        ["fact", "purchased", 1, ["anything"]],
        ["fact", "purchased", 1, ["aliexpress"]],  # only the shop question is narrowed so
        ["confirm", "purchased", 1, ["not a span"]],
        ["more", "", 1, ["x"]],
    ],
)
def test_question_data_the_skill_would_never_write_drops_the_question(question: list) -> None:
    assert decode({"q": question}, new_session=False) == Case()


def test_question_data_the_skill_writes_is_kept() -> None:
    raw = {"q": ["offer", "open_request", 1, ["ZO-1001", "refund_return", "defect"]]}
    question = decode(raw, new_session=False).question
    assert question == Question(
        Asks.OFFER, Offer.OPEN_REQUEST, 1, ("ZO-1001", "refund_return", "defect")
    )


def test_the_shop_question_narrowed_to_aliexpress_keeps_its_mark() -> None:
    """R2, R5: "which store on AliExpress?" comes back as it was after a side question."""
    raw = {"q": ["fact", "channel", 1, ["general", "aliexpress"]]}
    question = decode(raw, new_session=False).question
    assert question == Question(Asks.FACT, FactName.CHANNEL, 1, ("general", "aliexpress"))
