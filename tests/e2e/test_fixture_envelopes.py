"""Every fixture envelope in tests/events, replayed through the real Lambda handler."""

from __future__ import annotations

import pytest

from devtools import fixtures
from tests.e2e.conftest import invoke
from tests.helpers import EVENTS, assert_valid_response, directive_types, load_event, speech_of

ALL_EVENTS = sorted(path.stem for path in EVENTS.glob("*.json"))


def test_the_fixture_files_are_the_generated_ones() -> None:
    for name, envelope in fixtures.definitions().items():
        assert (EVENTS / f"{name}.json").read_text(encoding="utf-8") == fixtures.render(envelope), (
            f"tests/events/{name}.json is stale: run `python -m devtools fixtures`"
        )


@pytest.mark.parametrize("name", ALL_EVENTS)
def test_every_fixture_gets_a_valid_response(handler, name: str) -> None:
    assert_valid_response(invoke(handler, load_event(name)))


def test_launch_welcomes_and_asks_what_the_customer_needs(handler) -> None:
    response = invoke(handler, load_event("launch"))
    assert "Welcome to ZOSI Care" in speech_of(response)
    assert response["response"]["shouldEndSession"] is False


def test_one_shot_refund_question_is_answered_with_the_last_day(handler) -> None:
    """R1: bought 5 Nov 2026 on the ZOSI website, asked 21 Nov: refundable until 5 Dec."""
    response = invoke(handler, load_event("return_refund_oneshot"))
    speech = speech_of(response)
    assert speech.startswith("<speak>Yes, you can return your camera for a full refund until")
    assert '<say-as interpret-as="date">????1205</say-as>' in speech
    assert "in 14 days" in speech
    card = response["response"]["card"]
    assert card["type"] == "Standard"
    assert "December 5, 2026" in card["text"]
    assert "service@zositech.com" in card["text"]


def test_refund_question_without_facts_asks_for_the_purchase_date(handler) -> None:
    response = invoke(handler, load_event("return_refund_no_facts"))
    directive = response["response"]["directives"][0]
    assert directive["type"] == "Dialog.ElicitSlot"
    assert directive["slotToElicit"] == "purchaseDate"
    assert "When did you buy your camera?" in speech_of(response)


def test_a_purchase_from_another_shop_is_referred_to_that_shop(handler) -> None:
    """R2, R5: Amazon is not a ZOSI store, so the refund goes through the seller."""
    response = invoke(handler, load_event("return_refund_elicited_store"))
    assert "the refund goes through that shop" in speech_of(response)


def test_a_date_alexa_put_in_next_year_with_one_reading_is_decided_without_a_check(handler) -> None:
    """R1: "March 3rd" arrives as 2027-03-03; bought 3 March 2026, the refund ended 2 April."""
    response = invoke(handler, load_event("return_refund_future_year"))
    assert "Just to check" not in speech_of(response)
    assert "Sorry, the 30-day refund period for your camera ended on" in speech_of(response)
    assert '<say-as interpret-as="date">????0402</say-as>' in speech_of(response)


def test_an_impossible_date_is_asked_for_again(handler) -> None:
    response = invoke(handler, load_event("return_refund_bad_date"))
    assert directive_types(response) == ["Dialog.ElicitSlot"]
    assert "didn&apos;t catch a date" in speech_of(response)


def test_an_unknown_shop_is_named_and_asked_about_again(handler) -> None:
    response = invoke(handler, load_event("return_refund_unknown_store"))
    assert directive_types(response) == ["Dialog.ElicitSlot"]
    assert "I don&apos;t know the shop a man at the market." in speech_of(response)
    assert response["response"]["directives"][0]["slotToElicit"] == "store"


def test_warranty_question_gives_the_last_covered_day(handler) -> None:
    """W1: bought 1 Dec 2025, covered until 1 Dec 2026."""
    response = invoke(handler, load_event("warranty_status_oneshot"))
    speech = speech_of(response)
    assert "Yes, your NVR is under the one-year warranty until" in speech
    assert '<say-as interpret-as="date">????1201</say-as>' in speech


def test_warranty_for_a_month_straddling_the_deadline_depends_on_the_day(handler) -> None:
    """W1 with an imprecise date: November 2025 is covered only from 21 November on."""
    response = invoke(handler, load_event("warranty_status_month"))
    speech = speech_of(response)
    assert "That depends on the exact day you bought it" in speech
    assert '<say-as interpret-as="date">20251121</say-as>' in speech


def test_cross_shipping_explains_the_card_hold(handler) -> None:
    """X1-X4."""
    speech = speech_of(invoke(handler, load_event("cross_ship")))
    assert "advance replacement" in speech
    assert "30-day hold" in speech
    assert "30-day hold on a credit card" in speech


def test_claim_steps_read_the_rma_procedure(handler) -> None:
    """W3-W4: the rule first and the steps on the card; then the date, to check the window."""
    response = invoke(handler, load_event("start_claim_warranty"))
    speech = speech_of(response)
    assert "one-year warranty" in speech
    assert speech.endswith("When did you buy your camera?</speak>")
    card = response["response"]["card"]["text"]
    assert "1. Email ZOSI support at service@zositech.com" in card
    assert "RMA code" in card


def test_claim_without_a_type_or_reason_asks_the_reason_first(handler) -> None:
    response = invoke(handler, load_event("start_claim_no_type"))
    assert response["response"]["directives"][0]["slotToElicit"] == "reason"


def test_delivery_time_gives_dates_and_asks_for_a_region(handler) -> None:
    """D4: ordered Saturday 21 Nov 2026, the 3rd business day is Wednesday 25 Nov."""
    response = invoke(handler, load_event("delivery_time"))
    speech = speech_of(response)
    assert '<say-as interpret-as="date">????1125</say-as>' in speech
    assert response["response"]["directives"][0]["slotToElicit"] == "region"


def test_delivery_to_kazan_uses_the_regional_estimate(handler) -> None:
    speech = speech_of(invoke(handler, load_event("delivery_time_kazan")))
    assert "arrive in Kazan between" in speech
    assert "our estimate" in speech


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("track_order", "tracking code"),
        ("contact_support", '<say-as interpret-as="telephone">400-660-8825</say-as>'),
        ("privacy_policy", "I remember things only once you say yes"),
        ("my_data", "I haven&apos;t stored anything about you"),
        ("delete_my_data", "Do you want me to delete everything"),
        ("delete_my_data_yes", "I&apos;ve deleted everything"),
        ("help", "For example: can I return the camera"),
        ("fallback", "Sorry, I can&apos;t help with that"),
        ("policy_fact", "ZOSI doesn&apos;t pay customs"),
    ],
)
def test_simple_intents_answer_in_their_own_words(handler, name: str, expected: str) -> None:
    assert expected in speech_of(invoke(handler, load_event(name)))


@pytest.mark.parametrize("name", ["stop", "cancel", "navigate_home", "no"])
def test_stop_cancel_home_and_a_final_no_end_the_session(handler, name: str) -> None:
    response = invoke(handler, load_event(name))
    assert response["response"]["shouldEndSession"] is True
    assert "Goodbye" in speech_of(response)


@pytest.mark.parametrize(
    "name", ["session_ended_user", "session_ended_error", "session_ended_max_reprompts"]
)
def test_session_ended_requests_get_an_empty_response(handler, name: str) -> None:
    response = invoke(handler, load_event(name))
    assert speech_of(response) == ""
    assert "directives" not in response["response"]


def test_an_unknown_intent_gets_a_spoken_answer_not_an_error(handler) -> None:
    response = invoke(handler, load_event("unknown_intent"))
    assert "something went wrong" in speech_of(response)
    assert response["response"]["shouldEndSession"] is False


def test_an_envelope_the_sdk_cannot_parse_gets_a_spoken_apology(handler) -> None:
    response = invoke(handler, load_event("malformed"))
    assert "something went wrong" in speech_of(response)
    assert response["response"]["shouldEndSession"] is True


def test_a_request_for_another_skill_is_refused_without_touching_state(handler, store) -> None:
    event = load_event("foreign_skill")
    response = invoke(handler, event)
    assert speech_of(response) == ""
    assert response["response"]["shouldEndSession"] is True
    assert store.calls == []
