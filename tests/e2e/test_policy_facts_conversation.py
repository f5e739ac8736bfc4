"""General policy questions, typed as customers ask them: the fact comes first.

Today is Saturday 21 November 2026 (Europe/Moscow) in every conversation here.
"""

from __future__ import annotations

import re

import pytest

from policy import terms
from speech import en
from tests.helpers import assert_valid_response

RULE_ID = re.compile(r"\b[DRWXCP]\d\b")


def ask(alexa, utterance: str) -> str:
    exchange = alexa.say(utterance)
    assert_valid_response(exchange.response)
    assert not RULE_ID.search(exchange.speech)
    return exchange.speech


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("how long is the warranty", f"Every ZOSI product has a {terms.WARRANTY_MONTHS}-month"),
        ("ask zosi care how long is the warranty", "Every ZOSI product has a 12-month warranty"),
        (
            "how many days do I have to return it",
            f"You have {terms.RETURN_WINDOW_DAYS} days from the day you bought it",
        ),
        ("do I need a reason to return it", "No reason is needed"),
        ("who pays for return shipping", "If you're sending it back for a reason"),
        ("who pays customs duties", "ZOSI doesn't pay customs"),
        ("how does cross shipping work", "With an advance replacement, ZOSI ships the new"),
        ("is delivery free", "Delivery is free"),
        ("where do you ship from", "Every order leaves from ZOSI's warehouse in Moscow"),
        ("what if it's not faulty", "If ZOSI tests the product and finds no fault"),
        ("I got it as a gift", "For a gift, ask the person who gave it to you"),
        ("what if I bought it on amazon", "If another shop or reseller sold it to you"),
        ("how long do you keep my data", "I keep what you've asked me to remember for"),
        ("can a child use this", f"Anyone under {terms.ADULT_AGE} needs"),
    ],
)
def test_a_general_question_is_answered_with_the_fact_first(alexa, question, fact) -> None:
    speech = ask(alexa, question)
    assert speech.startswith(fact), speech
    # A fact about returns, the warranty or cross-shipping is followed by an offer to check
    # the customer's own purchase; any other by the usual question.
    assert speech.endswith(("Anything else I can help with?", en.OFFER_CHECK_YOURS))


def test_after_a_general_fact_a_yes_checks_the_customers_own_purchase(alexa) -> None:
    fact = ask(alexa, "how long is the warranty")
    assert fact.endswith(en.OFFER_CHECK_YOURS)
    assert ask(alexa, "yes") == "When did you buy it?"
    assert ask(alexa, "last march").startswith(
        "Yes, it is under the one-year warranty until at least 1 March"
    )


def test_after_a_general_fact_a_no_asks_what_else(alexa) -> None:
    ask(alexa, "how long is the warranty")
    assert ask(alexa, "no") == "Okay. Anything else I can help with?"


def test_the_warranty_is_never_said_to_last_24_months(alexa) -> None:
    speech = ask(alexa, "what is the warranty period")
    assert "24" not in speech
    assert f"{terms.WARRANTY_MONTHS}-month warranty" in speech


def test_the_retention_answer_says_the_skills_own_storage_period(alexa, settings) -> None:
    speech = ask(alexa, "how long do you keep my data")
    assert f"for {settings.state_ttl_days} days after you last use it" in speech
    assert f"at most {terms.RETENTION_MAX_YEARS} years" in speech


def test_a_topic_the_skill_does_not_know_gets_guidance_and_the_session_stays_open(alexa) -> None:
    exchange = alexa.say("what are the rules for lizards")
    assert_valid_response(exchange.response)
    assert exchange.speech.startswith("Sorry, I don't know that part of ZOSI")
    assert exchange.response["response"]["shouldEndSession"] is False


def test_after_a_fact_the_customer_can_go_on_to_their_own_case(alexa) -> None:
    fact = ask(alexa, "how long is the warranty")
    assert fact.startswith("Every ZOSI product has a 12-month warranty")
    own = ask(alexa, "is my camera still under warranty")
    assert "When did you buy your camera?" in own


def test_a_gift_named_while_the_shop_is_asked_for_still_answers_that_question(alexa) -> None:
    """R6: "I got it as a gift" fills the shop the dialog asked about; it is no new question."""
    replies = [
        ask(alexa, "can I return the camera I bought last week"),
        ask(alexa, "I got it as a gift"),
    ]
    assert replies[0].startswith("If you bought it from ZOSI or its official AliExpress store")
    assert "Where did you buy it?" in replies[0]
    assert "For a gift, ask the person" not in replies[1]
    assert "receipt" in replies[1]
