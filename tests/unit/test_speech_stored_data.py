"""P4: "what do you know about me?" names every stored field, and nothing that is not stored."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from domain.memory import RememberedPurchase, UserState, stored_fields
from speech import Answer, en
from speech.ssml import to_text

EVERYTHING = UserState(
    region="tatarstan",
    purchase=RememberedPurchase(
        "camera",
        date(2026, 11, 5),
        date(2026, 11, 5),
        "zosi_official_store",
        gift=True,
        purchase_country="CN",
    ),
    linked_at=datetime(2026, 11, 1, tzinfo=UTC),
    accepted_policy_version="2018-01-01",
    policy_notice_version="2019-06-01",
    withdrawn_at=datetime(2026, 11, 2, tzinfo=UTC),
    version=3,
)


def spoken(answer: Answer) -> str:
    return to_text(answer.speech, "en-US")


def test_nothing_stored_is_said_plainly() -> None:
    """P1, P4: "what data do you keep about me" with nothing kept hears that, and why: the
    skill keeps only what the customer asked it to remember (from a fresh corpus, where the
    bare "I haven't stored anything" left the question of what it would keep unanswered)."""
    said = spoken(en.stored_data_answer(stored_fields(UserState())))
    assert said == en.NOTHING_STORED
    assert said.startswith("I haven't stored anything about you"), said
    assert "I only keep what you ask me to remember" in said, said


def test_every_field_the_state_can_hold_has_words() -> None:
    """Issue 18: derived from the stored record's own fields, so a new one can't be forgotten."""
    names = {name for name in UserState._fields if name not in {"version", "purchase"}}
    names |= {f"purchase.{part}" for part in RememberedPurchase._fields}
    assert names == en.STORED_FIELDS


def test_a_full_state_fills_every_field() -> None:
    """The fixture above sets them all, so the test that follows checks each one is said."""
    assert set(stored_fields(EVERYTHING)) == en.STORED_FIELDS


def test_every_stored_field_is_said_back_and_carded() -> None:
    """Issue 18 (P4): the store, the country of purchase and the gift flag were left out."""
    answer = en.stored_data_answer(stored_fields(EVERYTHING), "Tatarstan")

    for text in (spoken(answer), to_text(answer.card_body, "en-US")):
        assert "your delivery region, Tatarstan" in text
        assert "a camera you bought on" in text
        assert "from ZOSI's AliExpress store" in text
        assert "as a gift" in text
        assert "in China" in text
        assert "That's all" not in text
    voice, card = spoken(answer), to_text(answer.card_body, "en-US")
    assert "when you linked your ZOSI account" in voice
    assert "which privacy policy you accepted and were told of" in voice
    assert "that you linked your ZOSI account, and when" in card
    assert "that you accepted the privacy policy of" in card
    assert "that you know about the privacy policy of" in card
    assert len(voice.split()) <= 50


def test_a_field_without_words_makes_the_answer_refuse_rather_than_leave_it_out() -> None:
    with pytest.raises(ValueError, match="no words"):
        en.stored_data_answer({"region": "kazan", "shoe_size": 43})


def test_a_policy_version_that_is_not_a_date_is_read_as_it_is() -> None:
    answer = en.stored_data_answer({"policy_notice_version": "v7 & <b>"})
    text = to_text(answer.card_body, "en-US")

    assert "privacy policy version v7 & <b>" in text


def test_the_version_accepted_at_linking_is_not_named_twice() -> None:
    state = UserState(
        linked_at=datetime(2026, 11, 1, tzinfo=UTC),
        accepted_policy_version="2019-06-01",
        policy_notice_version="2019-06-01",
    )
    text = to_text(en.stored_data_answer(stored_fields(state)).card_body, "en-US")

    assert text.count("privacy policy") == 1
    assert "and were told of it" in text
