"""P4: "what do you know about me?" names every stored field, and nothing that is not stored."""

from __future__ import annotations

from datetime import date

from speech import en
from speech.ssml import to_text


def spoken(answer: en.Answer) -> str:
    return to_text(answer.speech, "en-US")


def test_nothing_stored_is_said_plainly() -> None:
    assert spoken(en.stored_data_answer(None, None, linked=False)) == en.NOTHING_STORED


def test_every_stored_field_is_named() -> None:
    answer = en.stored_data_answer(
        "Tatarstan",
        ("camera", date(2026, 11, 5), date(2026, 11, 5)),
        linked=True,
        accepted_policy="2018-01-01",
        policy_notice="2019-06-01",
    )

    text = spoken(answer)
    assert "your delivery region, Tatarstan" in text
    assert "a camera you bought on" in text
    assert "that you linked your ZOSI account" in text
    assert "that you accepted the privacy policy of" in text
    assert "that you know about the privacy policy of" in text


def test_a_policy_version_that_is_not_a_date_is_read_as_it_is() -> None:
    text = spoken(en.stored_data_answer(None, None, linked=False, policy_notice="v7 & <b>"))

    assert "privacy policy version v7 & <b>" in text


def test_the_version_accepted_at_linking_is_not_named_twice() -> None:
    text = spoken(
        en.stored_data_answer(
            None, None, linked=True, accepted_policy="2019-06-01", policy_notice="2019-06-01"
        )
    )

    assert text.count("privacy policy") == 1
