"""D2, D4: a delivery question about a country outside Russia is answered without dates."""

from __future__ import annotations

import re

import pytest

from policy.delivery import delivery_coverage
from speech import Answer, en
from speech.ssml import to_text


def spoken(answer: Answer) -> str:
    return to_text(answer.speech, "en-US")


def card(answer: Answer) -> str:
    return to_text(answer.card_body, "en-US")


def test_asked_about_kazakhstan_the_skill_says_what_the_terms_cover_and_to_ask_support():
    answer = en.delivery_abroad_answer(delivery_coverage("KZ"), "Kazakhstan")

    text = spoken(answer)
    assert text.startswith("ZOSI's delivery terms cover Russia only, so for delivery to Kazakhstan")
    assert en.SPOKEN_EMAIL in text
    assert "free anywhere in Russia" in card(answer)  # one breath: what Russia gets is on the card
    assert "3 to 30 business days" in card(answer)
    assert answer.card_title == "Delivery to Kazakhstan"
    assert "service@zositech.com" in card(answer)


def test_the_business_day_range_is_read_from_the_decision():
    coverage = delivery_coverage("KZ")._replace(min_days=4, max_days=20)

    assert "4 to 20 business days" in card(en.delivery_abroad_answer(coverage, "Kazakhstan"))


@pytest.mark.parametrize(
    ("name", "said"),
    [
        ("United States", "to the United States"),
        ("Czech Republic", "to the Czech Republic"),
        ("Netherlands", "to the Netherlands"),
        ("Belarus", "to Belarus"),
    ],
)
def test_a_country_that_takes_the_article_is_said_with_it(name, said):
    assert said in spoken(en.delivery_abroad_answer(delivery_coverage("XX"), name))


@pytest.mark.parametrize(("code", "name"), [("KZ", "Kazakhstan"), ("US", "United States")])
def test_no_rule_id_and_no_date_reaches_the_customer(code, name):
    answer = en.delivery_abroad_answer(delivery_coverage(code), name)

    for text in (spoken(answer), card(answer), answer.card_title):
        assert not re.search(r"\b[DRWXCP]\d\b", text)
        assert not re.search(
            r"\b(?:January|February|March|April|May|June|July|August|"
            r"September|October|November|December)\b",
            text,
        )


def test_a_late_parcel_hears_that_support_can_look_into_it_and_gets_the_address() -> None:
    """D4, D5, C1: one parcel past its window's last day is said to be running late, with no
    day promised; the card carries support's address, and a parcel on time says neither."""
    from datetime import date

    parcel = ("ZOSI DB1 2K video doorbell", date(2026, 9, 1), "shipped", "Russian Post", "RA1RU")
    late = en.parcels_answer([parcel], late=True)
    said = to_text(late.speech, "en-US")
    assert said.endswith("It's running late, so ZOSI support can look into it."), said
    assert "should arrive by" not in said, said
    assert "service@zositech.com" in to_text(late.card_body, "en-US")
    on_time = en.parcels_answer([parcel], arrives_by=date(2026, 10, 14))
    assert "running late" not in to_text(on_time.speech, "en-US")
    assert "service@zositech.com" not in to_text(on_time.card_body, "en-US")
