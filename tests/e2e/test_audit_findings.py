"""The audit's wrong promises and the issue's examples, as envelopes built directly (issue 17).

Each test is one finding of `../shared/audits/2026-12-05-customer-audit.md` or one example of
issue 17's Why, sent as Alexa would send it (the intent and the slot values it resolves), so it
holds whatever the local NLU does. Today is Friday 20 November 2026, as in the audit. The date
findings (C2, M6, the leap day) are in test_date_conversation.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.e2e.test_conversation_spec import CAMERA, ZOSI_WEBSITE, Customer, Start

# The fixture the conversation spec defines: a customer talking to the real handler.
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

AUDIT_DAY = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
DOORBELL = ("video doorbell", "doorbell")
NVR = ("N. V. R.", "nvr")
LAST_WEEK = "2026-W46"


@pytest.fixture
def talk(customer: Start) -> Customer:
    """A customer who is not linked, on 20 November 2026."""
    return customer(now=AUDIT_DAY)


# --- wrong promises (audit C1-C6, issue examples) ----------------------------------------------


def test_c1_a_fault_outweighs_i_want_my_money_back_and_zosi_pays_the_shipping(
    talk: Customer,
) -> None:
    """R4 decision: "I want my money back" is no reason; the fault said is (S135)."""
    reply = talk.says(
        "ReturnRefundIntent",
        product=DOORBELL,
        reason=("stopped working", "defect"),
        purchaseDate=LAST_WEEK,
        store=ZOSI_WEBSITE,
    )
    assert "ZOSI pays the return shipping" in reply
    assert "you pay the return shipping" not in reply


def test_an_arrived_broken_product_is_a_quality_problem_zosi_pays(talk: Customer) -> None:
    """R4 decision: arrived broken (issue example: "the doorbell arrived broken")."""
    reply = talk.says(
        "ReturnRefundIntent",
        product=DOORBELL,
        reason=("arrived broken", "damaged_in_transit"),
        purchaseDate=LAST_WEEK,
        store=ZOSI_WEBSITE,
    )
    assert "As it's a quality problem, ZOSI pays the return shipping." in reply


def test_c6_a_box_thrown_away_gets_no_refund_and_no_date_question(talk: Customer) -> None:
    """R3: "I threw away the box, can I still return my camera" (S025)."""
    reply = talk.says(
        "ReturnRefundIntent", product=CAMERA, condition=("threw away the box", "packaging_gone")
    )
    assert reply.startswith("Sorry, without its original packaging in good shape, your camera")
    assert "full refund until" not in reply
    assert "When did you buy" not in reply


def test_a_camera_dropped_and_cracked_gets_no_refund_promise(talk: Customer) -> None:
    """R3 (issue example): "I dropped my camera and cracked the case, can I still return it"."""
    reply = talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        condition=("dropped it and cracked the case", "damaged_by_customer"),
        purchaseDate=LAST_WEEK,
        store=ZOSI_WEBSITE,
    )
    assert reply.startswith("Sorry, a damaged product can't go back for a refund")
    assert "Yes, you can return" not in reply


def test_c3_who_pays_in_a_replacement_conversation_is_not_free_delivery(talk: Customer) -> None:
    """X1: "and who pays the shipping then" after an advance replacement from Germany (S049)."""
    talk.says(
        "CrossShipIntent",
        product=CAMERA,
        purchaseDate="2026-09",
        purchaseCountry=("Russia", "RU"),
        homeCountry=("Germany", "DE"),
    )
    reply = talk.says("PolicyFactIntent", topic=("shipping", "delivery_cost"))
    assert "Delivery is free, wherever you are in Russia" not in reply
    assert "Anywhere else, extra shipping and other fees apply" in reply


def test_c3_who_pays_for_a_repair_from_abroad_is_the_customer(talk: Customer) -> None:
    """W6: bought in Russia, now in Kazakhstan, who pays the shipping for the repair (S039)."""
    reply = talk.says(
        "WarrantyStatusIntent",
        product=CAMERA,
        reason=("broke", "defect"),
        purchaseCountry=("Russia", "RU"),
        homeCountry=("Kazakhstan", "KZ"),
        aspect=("who pays shipping", "who_pays"),
    )
    assert reply.startswith("If you send it from outside the country you bought it in, you pay")


def test_c4_a_gift_recipient_who_changed_their_mind_gets_no_refund_request(
    customer: Start,
) -> None:
    """R6: the refund of a gift without a quality problem is the buyer's to ask (S071)."""
    talk = customer("demo-gift", now=AUDIT_DAY)
    reply = talk.says(
        "ReturnRefundIntent", product=CAMERA, reason=("I don't need it", "changed_mind")
    )
    assert "for the person who bought it to ask for" in reply
    assert "Shall I open" not in reply
    assert "Done" not in talk.yes()


def test_c5_no_refund_is_promised_before_the_shop_is_known(talk: Customer) -> None:
    """R2, R5: a fault inside 30 days, shop unknown: "if you bought it from ZOSI" (S124)."""
    talk.says("StartClaimIntent", product=CAMERA, reason=("broken", "defect"))
    reply = talk.says("StartClaimIntent", purchaseDate="2026-W45")
    assert reply.startswith("It's within the 30 days, so if you bought it from ZOSI")
    after = talk.says("StartClaimIntent", claimType=("a refund", "refund_return"))
    assert after.startswith("Where did you buy your camera?")
    shop = talk.says("StartClaimIntent", store=("a seller on eBay", "third_party"))
    assert "ZOSI can't refund your camera" in shop


def test_two_years_heard_from_a_friend_gets_twelve_months_and_no_invented_gift(
    talk: Customer,
) -> None:
    """W1 decision (issue example): "my friend told me ZOSI gives two years"."""
    reply = talk.says("PolicyFactIntent", topic=("two years", "warranty_length"))
    assert reply.startswith("Every ZOSI product has a 12-month warranty")
    assert "gift" not in reply


def test_a_linked_warranty_that_ended_is_not_said_to_be_open(customer: Start) -> None:
    """W1 (issue example): a refund asked for a doorbell bought 14 months ago."""
    talk = customer("demo-old", now=AUDIT_DAY)
    reply = talk.says("ReturnRefundIntent", product=DOORBELL)
    assert "may still be under" not in reply
    assert "still repairs or replaces it" not in reply


# --- a question gets its fact first (issue examples) -------------------------------------------


@pytest.mark.parametrize(
    ("intent", "slots", "first"),
    [
        (
            "ReturnRefundIntent",
            {"product": CAMERA, "aspect": ("how many days do I have", "how_long")},
            "You have 30 days from the day you bought it",
        ),
        (
            "WarrantyStatusIntent",
            {"product": CAMERA, "aspect": ("how long is", "how_long")},
            "Every ZOSI product has a 12-month warranty",
        ),
        (
            "WarrantyStatusIntent",
            {"aspect": ("start from installation", "starts")},
            "Every ZOSI product has a 12-month warranty from the original purchase date",
        ),
        (
            "ReturnRefundIntent",
            {"reason": ("defective", "defect"), "aspect": ("who pays the shipping", "who_pays")},
            "As it's a quality problem, ZOSI pays the return shipping",
        ),
        (
            "DeleteMyDataIntent",
            {"aspect": ("how many years", "how_long")},
            "I keep what you've asked me to remember for",
        ),
        (
            "CrossShipIntent",
            {"aspect": ("how fast", "how_fast")},
            "ZOSI ships the replacement within 2 to 3 business days",
        ),
    ],
)
def test_a_question_about_one_aspect_gets_that_fact_first_never_a_bare_question(
    talk: Customer, intent: str, slots: dict[str, tuple[str, str]], first: str
) -> None:
    assert talk.says(intent, **slots).startswith(first)


# --- statements and closings (audit L1, P3, M7) --------------------------------------------------


def test_l1_a_statement_of_a_fault_gets_the_warranty_answer(talk: Customer) -> None:
    """W1: "eleven months ago I got an NVR and now one channel shows no video"."""
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=NVR,
        purchaseDate="2025-12",
        reason=("one channel shows no video", "defect"),
    )
    assert reply.startswith(
        "Yes, your N. V. R. is under the one-year warranty until at least 1 December"
    )


def test_l1_a_statement_of_a_change_of_mind_gets_the_refund_answer(talk: Customer) -> None:
    """R1, R4: "I got the doorbell last Tuesday and honestly I don't want it" (ZOSI website)."""
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=DOORBELL,
        purchaseDate="2026-11-17",
        reason=("I don't want it", "changed_mind"),
        store=ZOSI_WEBSITE,
    )
    assert reply.startswith("Yes, you can return your video doorbell for a full refund until")
    assert "you pay the return shipping" in reply


def test_a_no_to_anything_else_ends_the_session(talk: Customer) -> None:
    talk.says("ContactSupportIntent")
    assert talk.no() == "Goodbye, and thanks for choosing ZOSI."
    assert talk.last["response"]["shouldEndSession"] is True


def test_m7_why_link_my_account_explains_linking_and_withdraws_nothing(
    customer: Start,
) -> None:
    """P2: "why should I link my ZOSI account" never reaches withdrawing consent (S093)."""
    talk = customer("demo-recent", now=AUDIT_DAY)
    reply = talk.says("PolicyFactIntent", topic=("link my zosi account", "account_linking"))
    assert reply.startswith("To hear about your own orders, link your ZOSI account")
    assert "Withdrawing" not in reply
    assert "Done" not in talk.yes()


# --- a statement that ends in what the customer wants; an aspect asked on its own -------------


def test_a_statement_ending_in_can_i_send_it_back_gets_the_refund_decision(talk: Customer) -> None:
    """R1: "I bought the kit on November 19th from your website, can I send it back" carries
    the goal in its own slot; the decision comes first, not "would you like to return it?"."""
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate="2026-11-19",
        store=ZOSI_WEBSITE,
        goal=("send it back", "refund"),
    )
    assert reply.startswith("Yes, you can return your camera for a full refund until 19 December")


def test_a_statement_of_a_fault_asking_for_a_repair_gets_the_warranty(talk: Customer) -> None:
    """W1, W2: "the recorder my son bought me in March stopped recording, can it be mended"."""
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=NVR,
        purchaseDate="2026-03-10",
        reason=("stopped recording", "defect"),
        goal=("mended", "warranty"),
    )
    assert reply.startswith("Yes, your N. V. R. is under the one-year warranty until 10 March 2027")


def test_who_pays_with_a_fault_said_in_the_same_breath_is_zosi(talk: Customer) -> None:
    """R4, W5: "broken camera, is the return shipping free?" is answered for a fault only:
    ZOSI pays to send it back from the country it was bought in (a fault goes back under
    the warranty whatever was asked for it; from abroad W6 would apply)."""
    reply = talk.says(
        "PolicyFactIntent",
        topic=("return shipping", "return_shipping"),
        reason=("broken", "defect"),
    )
    assert reply.startswith("When a faulty product under warranty is sent back within the country")
    assert "ZOSI pays the return shipping" in reply
    assert "you pay the" not in reply


@pytest.mark.parametrize(
    ("aspect", "first"),
    [
        (("find nothing wrong", "not_faulty"), "If ZOSI tests the product and finds no fault"),
        (("charge my card", "card_hold"), "ZOSI puts a 30-day hold on your credit card"),
    ],
)
def test_an_aspect_asked_on_its_own_gets_the_fact_it_names(
    talk: Customer, aspect: tuple[str, str], first: str
) -> None:
    """W8, X3: "what if you test my camera and find nothing wrong" is no unknown topic."""
    reply = talk.says("PolicyFactIntent", aspect=aspect)
    assert "I don't know that part" not in reply
    assert reply.startswith(first), reply


def test_a_refund_ruled_out_by_the_box_answers_before_the_aspect_asked(talk: Customer) -> None:
    """R3: "the box got wet and torn but the camera is fine, can I get a refund" is a no,
    whatever aspect rode along ("no reason is needed" would be a wrong promise)."""
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate=LAST_WEEK,
        store=ZOSI_WEBSITE,
        condition=("the box is torn", "packaging_gone"),
        aspect=("nothing wrong", "not_faulty"),
        goal=("a refund", "refund"),
    )
    assert reply.startswith("Sorry, without its original packaging in good shape")


def test_a_refund_yes_for_a_gift_speaks_one_note_and_cards_the_rest(talk: Customer) -> None:
    """One breath: a yes with a gift, an unknown shop and a fault says the receipt note only."""
    reply = talk.says(
        "ReturnRefundIntent",
        product=DOORBELL,
        purchaseDate="2026-11-10",
        store=("a gift", "gift"),
        reason=("stopped working", "defect"),
    )
    assert reply == (
        "Yes, you can return your video doorbell for a full refund until 10 December, in 20 days."
        " As it was a gift, ask the giver for the receipt. Shall I remember this purchase for next"
        " time?"
    )
    card = talk.last["response"]["card"]["text"]
    assert "ZOSI pays the return shipping" in card
    assert "ask the giver for the receipt" in card


@pytest.mark.parametrize("intent", ["PrivacyPolicyIntent", "MyDataIntent", "DeleteMyDataIntent"])
def test_how_long_my_data_is_kept_is_the_keeping_period_whichever_privacy_intent(
    talk: Customer, intent: str
) -> None:
    """P9: "when does my data get deleted", "my data you keep how many year" get the period."""
    reply = talk.says(intent, aspect=("how long", "how_long"))
    assert reply.startswith("I keep what you've asked me to remember for 400 days"), reply
    assert "at most 3 years" in reply


def test_a_general_question_that_names_their_purchase_gets_their_decision(talk: Customer) -> None:
    """R1: "I ordered it on the 13th from your AliExpress store, what's the last day I can send
    it back" names their purchase: their last day, not the rule."""
    reply = talk.says(
        "PolicyFactIntent",
        topic=("send it back", "return_window"),
        purchaseDate="2026-11-13",
        store=("your aliexpress store", "zosi_official_store"),
    )
    assert reply.startswith("Yes, you can return it for a full refund until 13 December"), reply


def test_a_general_question_naming_only_a_shop_asks_whether_it_counts(talk: Customer) -> None:
    """R2: "does the thirty day refund work for orders from your AliExpress store"."""
    reply = talk.says("PolicyFactIntent", store=("your aliexpress store", "zosi_official_store"))
    assert "I don't know that part" not in reply
    assert "AliExpress counts" in reply, reply


def test_i_dont_know_said_with_a_gift_and_nothing_asked_gets_r6_not_okay(talk: Customer) -> None:
    """R6: "I don't know, it was a present from my in-laws, no idea when they bought it" with
    no question open: the date is what they can't tell, the gift is what they can."""
    reply = talk.says("DontKnowIntent", store=("a present", "gift"), goal=("the money", "refund"))
    assert not reply.startswith("Okay. What would you like to know?")
    assert "giver" in reply or "gave it" in reply, reply


def test_i_dont_know_when_with_a_fault_and_nothing_asked_moves_on_without_the_date(
    talk: Customer,
) -> None:
    """W2: "I'm not sure when I bought it, and now the night vision doesn't work"."""
    reply = talk.says("DontKnowIntent", reason=("the night vision doesn't work", "defect"))
    assert not reply.startswith("Okay. What would you like to know?")
    assert "When did you buy" not in reply, reply


def test_a_gift_named_as_the_topic_with_their_camera_gets_the_giver_first(talk: Customer) -> None:
    """R6: "I got a camera as a gift and it doesn't work, what do I do": the gift is where
    their camera came from, so who holds the receipt comes first, not "when did you buy it?"."""
    reply = talk.says(
        "PolicyFactIntent",
        aspect=("what do i do", "steps"),
        reason=("it doesn't work", "defect"),
        topic=("a gift", "gift"),
        product=CAMERA,
    )
    assert "person who gave it" in reply, reply
    assert "When did you buy" not in reply


def test_what_now_for_a_present_gets_the_giver_before_the_claim_steps(talk: Customer) -> None:
    """R6 before W3: "the camera I got as a present doesn't record, what now"."""
    reply = talk.says(
        "PolicyFactIntent",
        store=("a present", "gift"),
        reason=("doesn't record", "defect"),
        aspect=("what now", "steps"),
        product=CAMERA,
    )
    assert reply.startswith("For a gift, ask the person who gave it to you"), reply


def test_after_the_thirty_days_a_refund_needs_no_shop_question(talk: Customer) -> None:
    """R1, R2: bought 1 September: no shop makes a refund possible now; the answer, no "where?"."""
    reply = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-09-01")
    assert reply.startswith("Sorry, the 30-day refund period for your camera ended on 1 October")
    assert "Where did you buy" not in reply


def test_a_linked_customer_abroad_hears_who_pays_from_their_own_order(customer: Start) -> None:
    """W6 (linked): the account is in Kazakhstan, the camera was bought in Russia: "my camera
    stopped working, who pays to send it back" is theirs to pay, never ZOSI's domestic rule."""
    talk = customer("demo-international", now=AUDIT_DAY)
    reply = talk.says(
        "WarrantyStatusIntent",
        product=CAMERA,
        reason=("stopped working", "defect"),
        aspect=("who pays", "who_pays"),
    )
    assert "you pay the international shipping" in reply, reply
    assert "ZOSI pays the return shipping" not in reply


def test_a_general_question_stating_a_purchase_is_a_statement(talk: Customer) -> None:
    """L1: "I got this doorbell from you guys on the 20th of November" classified as a general
    question with no topic: a purchase stated, so what its date allows (R1, W1)."""
    reply = talk.says("PolicyFactIntent", purchaseDate="2026-11-12", product=DOORBELL)
    assert "I don't know that part" not in reply
    assert "under warranty" in reply or "warranty runs" in reply, reply


def test_another_reason_while_the_date_is_asked_gets_its_rule_then_the_question(
    talk: Customer,
) -> None:
    """R4: "what if it was broken instead" while "when did you buy it?" is open: who pays for
    that reason first, then the date once more, not "Sorry, I didn't catch that"."""
    talk.says("ReturnRefundIntent", product=CAMERA, reason=("i changed my mind", "changed_mind"))
    reply = talk.says("PurchaseDetailsIntent", reason=("broken", "defect"))
    assert "ZOSI pays the return shipping" in reply, reply
    assert not reply.startswith("Sorry, I didn't catch that")
    assert reply.endswith("when did you buy it?") or reply.endswith("When did you buy your camera?")
