"""English answers to general policy questions: the fact first, in the skill's own words."""

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from policy import terms
from policy.contact import SUPPORT_EMAIL
from policy.facts import PRIVACY_TOPICS, Topic, explain
from speech import en
from speech.ssml import When, first_sentence, to_ssml, to_text

SKILL = Path(__file__).resolve().parents[2] / "skill"
RULE_ID = re.compile(r"\b[DRWXCP]\d\b")


def spoken(topic: Topic, **kwargs: int) -> str:
    return to_text(en.fact_answer(explain(topic, **kwargs)).speech, "en-US")


def card(topic: Topic) -> str:
    return to_text(en.fact_answer(explain(topic)).card_body, "en-US")


@pytest.mark.parametrize("topic", list(Topic), ids=str)
def test_every_topic_has_a_short_spoken_answer_a_title_and_a_card(topic):
    answer = en.fact_answer(explain(topic))
    assert answer.card_title
    assert 0 < len(to_text(answer.speech, "en-US")) < 400
    assert to_ssml(answer.speech, 2026)
    assert SUPPORT_EMAIL in card(topic)


@pytest.mark.parametrize("topic", list(Topic), ids=str)
def test_no_answer_names_a_rule_id_or_promises_24_months(topic):
    answer = en.fact_answer(explain(topic, retention_days=400))
    for text in (
        to_text(answer.speech, "en-US"),
        answer.card_title,
        to_text(answer.card_body, "en-US"),
    ):
        assert not RULE_ID.search(text), text
        assert "24 months" not in text
        assert "POLICY" not in text


def test_w1_warranty_length_says_the_months_from_terms_first():
    assert spoken(Topic.WARRANTY_LENGTH).startswith(
        f"Every ZOSI product has a {terms.WARRANTY_MONTHS}-month warranty"
    )


def test_r1_the_return_window_says_the_days_from_terms_first():
    assert spoken(Topic.RETURN_WINDOW).startswith(f"You have {terms.RETURN_WINDOW_DAYS} days")


def test_r1_r4_no_reason_is_needed_and_the_customer_pays_shipping_when_not_faulty():
    speech = spoken(Topic.RETURN_REASON)
    assert speech.startswith("No reason is needed")
    assert "you pay the return shipping" in speech


def test_w9_customs_says_zosi_does_not_pay_them():
    assert spoken(Topic.CUSTOMS).startswith("ZOSI doesn't pay customs")


def test_w8_not_defective_means_the_customer_pays_shipping_back():
    assert "you pay the shipping to get it back" in spoken(Topic.NOT_DEFECTIVE)


def test_w6_from_abroad_the_customer_pays_international_shipping():
    assert "you pay the international shipping" in spoken(Topic.WARRANTY_ABROAD)


def test_w5_w7_zosi_pays_a_defective_products_return_shipping():
    assert "ZOSI pays the return shipping" in spoken(Topic.WARRANTY_SHIPPING)
    assert "ZOSI pays the return shipping" in spoken(Topic.INTERNATIONAL_ORDERS)


def test_r2_the_official_aliexpress_store_counts_as_buying_from_zosi():
    assert "official ZOSI store on AliExpress counts" in spoken(Topic.RETURN_ELIGIBILITY)
    assert "counts as ZOSI" in spoken(Topic.THIRD_PARTY)


def test_r5_a_third_party_purchase_goes_to_that_shop():
    assert spoken(Topic.THIRD_PARTY).startswith(
        "If another shop or reseller sold it to you, that shop handles the return"
    )


def test_r6_a_gift_asks_the_giver_for_the_receipt():
    assert "ask the person who gave it to you for a copy of the receipt" in spoken(Topic.GIFT)


def test_d2_d4_delivery_is_free_and_takes_the_published_range():
    low, high = terms.DELIVERY_BUSINESS_DAYS
    assert spoken(Topic.DELIVERY_COST).startswith("Delivery is free")
    assert spoken(Topic.DELIVERY_TIME).startswith(f"Delivery takes {low} to {high} business days")
    assert terms.WAREHOUSE_CITY in spoken(Topic.SHIPS_FROM)


def test_x1_to_x4_cross_shipping_numbers_come_from_terms():
    low, high = terms.CROSS_SHIP_DISPATCH_BUSINESS_DAYS
    overview = spoken(Topic.CROSS_SHIPPING)
    assert f"{low} to {high} business days" in overview
    assert f"{terms.CROSS_SHIP_RETURN_DAYS} days" in overview
    assert f"{terms.CROSS_SHIP_MAX_MONTHS} months" in overview
    assert f"{terms.CROSS_SHIP_HOLD_DAYS}-day hold" in spoken(Topic.CROSS_SHIP_HOLD)


def test_w3_c1_the_claim_and_contact_answers_speak_the_email_address():
    assert en.SPOKEN_EMAIL in spoken(Topic.WARRANTY_CLAIM)
    assert en.SPOKEN_EMAIL in spoken(Topic.CONTACT)
    ssml = to_ssml(en.fact_answer(explain(Topic.CONTACT)).speech, 2026)
    assert '<say-as interpret-as="telephone">400-660-8825</say-as>' in ssml


def test_p7_minors_answer_says_the_age_from_terms():
    assert spoken(Topic.MINORS).startswith(f"Anyone under {terms.ADULT_AGE} needs")


def test_p9_retention_says_the_skills_own_period_when_known_and_the_limit_always():
    assert f"at most {terms.RETENTION_MAX_YEARS} years" in spoken(Topic.DATA_RETENTION)
    with_period = spoken(Topic.DATA_RETENTION, retention_days=400)
    assert with_period.startswith("I keep what you've asked me to remember for 400 days")


def test_numbers_in_the_english_are_never_written_into_the_wording():
    source = (SKILL / "speech" / "en" / "facts.py").read_text(encoding="utf-8")
    assert not re.search(r"\b(?:30|12|24|18|3) (?:days|months|years|business)", source)


def test_an_explanation_missing_a_needed_value_is_refused():
    broken = explain(Topic.WARRANTY_LENGTH)._replace(months=None)
    with pytest.raises(ValueError, match="warranty_length"):
        en.fact_answer(broken)


def test_the_facts_wording_loads_only_when_a_general_fact_is_asked():
    """Cold start: every request imports speech.en; only general questions need the facts."""
    script = (
        "import sys; from speech import en; "
        "print('speech.en.facts' in sys.modules, 'policy.facts' in sys.modules); "
        "from policy.facts import Topic, explain; "
        "en.fact_answer(explain(Topic.CUSTOMS)); print('speech.en.facts' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=SKILL, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["False", "False", "True"]


# --- two privacy facts asked at once: one short sentence each, in one breath (P1-P9) -----------


def _privacy_pair(first: Topic, second: Topic) -> str:
    assert {first, second} <= PRIVACY_TOPICS
    answer = en.facts_answer([explain(first, retention_days=400), explain(second)])
    return to_text(answer.speech, "en-US")


def test_p3_p1_encrypted_and_shared_are_both_said_encryption_first():
    said = _privacy_pair(Topic.DATA_SECURITY, Topic.DATA_SHARING)
    assert said.startswith("Your data is encrypted"), said
    assert "isn't shared with anyone without your permission" in said, said


def test_p9_p3_the_keeping_period_and_encryption_in_one_breath():
    said = _privacy_pair(Topic.DATA_RETENTION, Topic.DATA_SECURITY)
    assert "400 days" in said, said
    assert f"at most {terms.RETENTION_MAX_YEARS} years" in said, said
    assert "encrypted" in said, said


@pytest.mark.parametrize(
    "pair",
    [
        (first, second)
        for first in sorted(Topic, key=str)
        for second in sorted(Topic, key=str)
        if first is not second and {first, second} <= PRIVACY_TOPICS
    ],
    ids=str,
)
def test_any_two_privacy_facts_fit_in_one_breath_with_the_follow_up(pair):
    said = _privacy_pair(*pair)
    assert len(f"{said} Anything else I can help with?".split()) <= 50, said
    assert not RULE_ID.search(said), said


def test_one_fact_asked_is_said_as_the_single_fact_answer():
    one = en.facts_answer([explain(Topic.DATA_BACKUPS)])
    assert one == en.fact_answer(explain(Topic.DATA_BACKUPS))
    assert to_text(one.speech, "en-US").startswith("Backups are deleted too"), one


@pytest.mark.parametrize("topic", list(Topic))
def test_every_fact_has_one_sentence_to_say_after_another(topic):
    # Two questions in one breath ("who pays the shipping, and do I pay customs?") get one
    # sentence each: every fact has one, no longer than its full answer.
    short = to_text(en.short_fact(explain(topic, retention_days=400)), "en-US")
    full = to_text(en.fact_answer(explain(topic, retention_days=400)).speech, "en-US")
    assert short, topic
    assert len(short.split()) <= len(full.split()), (topic, short)
    assert short.rstrip().endswith((".", "?", "!")), short
    assert ". " not in short, short


def test_two_facts_of_different_families_are_said_one_sentence_each():
    answer = en.facts_answer([explain(Topic.WARRANTY_SHIPPING), explain(Topic.CUSTOMS)])
    said = to_text(answer.speech, "en-US")
    assert "ZOSI pays the return shipping" in said, said  # W5
    assert "Customs and taxes are always yours to pay" in said, said  # W9
    assert len(said.split()) <= 35, said


def test_the_first_sentence_runs_past_a_product_spelled_out_letter_by_letter() -> None:
    """ "N. V. R." is a name, not three sentences: the one-sentence forms keep it whole."""
    day = When(date(2027, 10, 1))
    speech = ("Yes, your N. V. R. is under warranty until at least ", day, ". If it's faulty, ...")
    assert first_sentence(speech) == (
        "Yes, your N. V. R. is under warranty until at least ",
        day,
        ".",
    )
    assert first_sentence(("Delivery is free. It takes 3 to 30 days.",)) == ("Delivery is free.",)
