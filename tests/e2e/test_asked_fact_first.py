"""The fact asked for, first: questions from a fresh, blind customer corpus (issue 17).

Each test is one customer's question as Alexa understood it (the slots built directly, as
Alexa fills them), and what the answer must say: the aspect asked, for the facts the
customer gave with it. They come from a corpus written from POLICY.md alone (not kept in
the repository), whose failures showed where the skill lost what was asked.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.e2e.test_conversation_spec import CAMERA, DOORBELL, Customer, Start
from tests.e2e.test_conversation_spec import customer as customer  # noqa: PLC0414

OZON = ("Ozon", "third_party")
FAULTY = ("it's faulty", "defect")


def test_a_faulty_product_from_another_seller_goes_back_at_zosis_cost(customer: Start) -> None:
    """W1, W5: "who pays the return shipping if I bought my camera on Ozon and it's faulty"
    heard that the refund goes through the shop and nothing of who pays. A refund is
    the shop's (R5), but every ZOSI product is under ZOSI's warranty, and a fault goes
    back at ZOSI's cost."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("who pays the return", "who_pays"),
        reason=FAULTY,
        product=CAMERA,
        topic=("ozon", "third_party"),
    )
    assert reply.startswith("As it's a quality problem, ZOSI pays the return shipping"), reply


def test_the_shop_named_in_the_topic_still_sends_a_change_of_mind_to_the_shop(
    customer: Start,
) -> None:
    """R5: "if I bought it on Ozon, who pays to send it back" (no fault said) is the
    shop's refund, whatever is asked of it: no 'you pay' or 'ZOSI pays' of ZOSI's own."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("who pays to send it back", "who_pays"),
        product=CAMERA,
        topic=("ozon", "third_party"),
    )
    assert "shop" in reply, reply
    assert "ZOSI pays" not in reply, reply


@pytest.mark.parametrize(
    ("reason", "first"),
    [
        (("won't turn on", "defect"), "As it's a quality problem, ZOSI pays the return shipping"),
        (("i changed my mind", "changed_mind"), "As it isn't a quality problem, you pay"),
    ],
)
def test_who_pays_is_answered_before_the_shop_question_when_the_reason_decides_it(
    customer: Start, reason: tuple[str, str], first: str
) -> None:
    """R4, W5: "the camera that came two days ago won't turn on, who pays the shipping to
    send it back" got the refund's last day and 'Where did you buy it?': the who pays
    asked was never said, though the reason decides it whichever shop sold it (a fault at
    ZOSI's cost, a change of mind at the customer's). Who pays follows the last day, and the
    shop is asked without its choices so that all three fit in one breath."""
    reply = customer().says(
        "ReturnRefundIntent",
        aspect=("who pays the shipping", "who_pays"),
        purchaseDate="2026-11-19",
        reason=reason,
        product=CAMERA,
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store"), reply
    assert first in reply, reply
    assert reply.endswith("Where did you buy it?"), reply


def test_how_long_asked_with_a_dated_purchase_and_a_change_of_mind_gets_the_last_day(
    customer: Start,
) -> None:
    """R1: "I just ordered a camera today from the ZOSI store, how long do I have if I change
    my mind" got the general 30 days and 'Would you like me to check yours?', though the
    date was said: the last day is what they asked."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("how long do i have", "how_long"),
        reason=("i change my mind", "changed_mind"),
        store=("the zosi store", "zosi_website"),
        product=CAMERA,
        purchaseDate="2026-11-21",
    )
    assert reply.startswith("Yes, you can return your camera for a full refund until 21 December")
    assert "Would you like me to check yours" not in reply


def test_a_reason_named_as_the_topic_is_answered_after_the_window(customer: Start) -> None:
    """R1: "how long is the return window and do I need to give a reason": Alexa hears the
    reason as the topic, "how long" as its aspect and the window second; both are said."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("to give a reason", "return_reason"),
        aspect=("how long is", "how_long"),
        alsoTopic=("the return window", "return_window"),
    )
    assert reply.startswith("You have 30 days"), reply
    assert "No reason is needed" in reply, reply
    assert len(reply.split()) <= 50, reply


def test_an_opened_box_hears_that_opening_it_is_fine(customer: Start) -> None:
    """R3 decision: "I opened the box and tried the camera out, can I still return it" got
    the general rule and a date question; opening and trying it is allowed, and that is
    what was asked."""
    reply = customer().says(
        "ReturnRefundIntent", condition=("i opened the box", "opened"), product=CAMERA
    )
    assert reply.startswith("Yes, you can still return it opened"), reply
    assert reply.endswith("When did you buy your camera?"), reply
    assert len(reply.split()) <= 50, reply


def test_where_it_comes_from_asked_alone_is_the_moscow_warehouse(customer: Start) -> None:
    """D3: "and where does it come from" (an aspect with no topic) got 'Sorry, I don't know
    that part of ZOSI's policy'."""
    reply = customer().says("PolicyFactIntent", aspect=("where does it come from", "where_from"))
    assert "warehouse in Moscow" in reply, reply


def test_when_the_one_year_starts_is_the_warranty_from_purchase(customer: Start) -> None:
    """W1: "does the one year start when it's delivered or when I ordered it" (aspect
    'start when', no topic) got 'Sorry, I don't know that part of ZOSI's policy'."""
    reply = customer().says("PolicyFactIntent", aspect=("start when", "starts"))
    assert reply.startswith("Every ZOSI product has a 12-month warranty from the original"), reply


def test_what_the_warranty_covers_says_it_repairs_or_replaces(customer: Start) -> None:
    """W1, W2: "what does the ZOSI warranty actually cover" heard only its length."""
    reply = customer().says("PolicyFactIntent", topic=("the zosi warranty", "warranty_length"))
    assert "ZOSI repairs or replaces it" in reply, reply


def test_a_warranty_decision_asked_who_pays_says_zosi_pays_the_return_shipping(
    customer: Start,
) -> None:
    """W5: bought and living in Russia, broken after four months, "who pays the postage to
    send it back": ZOSI pays, said in so many words."""
    reply = customer().says(
        "WarrantyStatusIntent",
        aspect=("who pays the postage", "who_pays"),
        productAge="P4M",
        product=CAMERA,
        reason=("broke", "defect"),
        purchaseCountry=("russia", "RU"),
        homeCountry=("russia", "RU"),
    )
    assert "ZOSI pays the return shipping" in reply, reply


def test_a_refund_asked_with_who_pays_and_no_reason_gets_both(customer: Start) -> None:
    """R1, R4: "I bought the four camera kit from your website twelve days ago and found a
    cheaper one elsewhere, can I return it and do I pay the postage" (the reason not heard)
    got only who pays, both ways, and 'Would you like me to check yours?', with the date
    and the shop said: the refund's last day, then who pays for each kind of reason."""
    reply = customer().says(
        "PolicyFactIntent",
        goal=("can i return it", "refund"),
        purchaseDate="2026-11-09",
        aspect=("do i pay", "who_pays"),
        product=("camera kit", "kit"),
        store=("your website", "zosi_website"),
    )
    assert reply.startswith("Yes, you can return your"), reply
    assert "until 9 December" in reply, reply
    assert "Unless it's faulty or arrived damaged, you pay the return shipping." in reply, reply
    assert "Would you like me to check yours" not in reply, reply


def test_a_refund_from_abroad_asked_who_pays_says_the_customer_pays_either_way(
    customer: Start,
) -> None:
    """R4, W6: bought in Russia, living in Germany, "can I send it back from here and who
    pays": from abroad the way back is the customer's, faulty or not."""
    reply = customer().says(
        "PurchaseDetailsIntent",
        store=("the official store", "zosi_official_store"),
        purchaseDate="2026-11-11",
        goal=("send it back", "refund"),
        aspect=("who pays", "who_pays"),
        homeCountry=("germany", "DE"),
        product=CAMERA,
        purchaseCountry=("russia", "RU"),
    )
    assert reply.startswith("Yes, you can return your camera for a full refund until 11 December")
    assert "you pay the international shipping" in reply, reply
    assert "Unless it's faulty" not in reply, reply


def test_how_long_asked_of_nothing_names_both_periods(customer: Start) -> None:
    """R1, W1: "how long do I have?" out of the blue got 'Sorry, I don't know that part of
    ZOSI's policy': it may mean the refund's 30 days or the warranty's year, and both are
    said in one breath."""
    reply = customer().says("PolicyFactIntent", aspect=("how long do i have", "how_long"))
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "The warranty lasts 12 months from the purchase date." in reply, reply
    assert len(reply.split()) <= 50, reply


def test_how_long_asked_with_a_fault_names_the_warranty_first(customer: Start) -> None:
    """W1: "it stopped working, how long do I have" (a general question with a fault)."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("how long do i have", "how_long"),
        reason=("it stopped working", "defect"),
    )
    assert reply.startswith("Every ZOSI product has a 12-month warranty"), reply


def test_a_claim_told_the_customer_lives_abroad_hears_what_that_means_not_the_rule_again(
    customer: Start,
) -> None:
    """W6: a camera that stopped working, dated, then "I live in Kazakhstan now": the claim's
    rule came again before 'Which country did you buy your camera in?'; what being abroad
    means for their claim comes instead."""
    talk = customer()
    talk.says("StartClaimIntent", product=CAMERA, reason=("stopped working", "defect"))
    talk.says("PurchaseDetailsIntent", purchaseDate="2026-04")
    reply = talk.says("PurchaseDetailsIntent", homeCountry=("kazakhstan", "KZ"))
    assert reply.startswith("If you send it from outside the country you bought it in, you pay")
    assert reply.endswith("Which country did you buy your camera in?"), reply
    assert "email ZOSI support" not in reply, reply


def test_damage_said_to_be_the_carriers_after_a_drop_is_no_longer_the_customers(
    customer: Start,
) -> None:
    """R3, R4 decision: "I dropped it" refuses the refund; "what if it was broken when it
    arrived" next makes the damage the carrier's, a quality problem, not damage the customer
    did: the refund is open again, not refused a second time."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", product=CAMERA, productAge="P2W")
    refused = talk.says("PurchaseDetailsIntent", condition=("i dropped it", "damaged_by_customer"))
    assert "can't go back for a refund" in refused, refused
    reply = talk.says(
        "PolicyFactIntent", reason=("was broken when it arrived", "damaged_in_transit")
    )
    assert "can't go back for a refund" not in reply, reply
    assert "full refund" in reply, reply


def test_a_fault_said_before_the_purchase_hears_who_pays_the_way_back(customer: Start) -> None:
    """W5: "defective doorbell, is the postage free?" then "four months old, bought here in
    Russia" heard only "under warranty ... if it's faulty": the fault was said, so who pays
    to send it back is spoken, for the country of purchase (nothing promised from abroad)."""
    talk = customer()
    talk.says("WarrantyStatusIntent", reason=("broken", "defect"), product=CAMERA)
    reply = talk.says("PurchaseDetailsIntent", productAge="P4M", purchaseCountry=("russia", "RU"))
    assert "warranty until" in reply, reply
    assert "within the country you bought it in, ZOSI pays the return shipping" in reply, reply


@pytest.mark.parametrize(
    "condition",
    [None, ("threw away the box", "packaging_gone")],
)
def test_a_refund_ruled_out_says_until_when_the_warranty_still_covers_a_fault(
    customer: Start, condition: tuple[str, str] | None
) -> None:
    """R1, R3, W1, W2: "can I return the camera I bought on 5 September" (past the 30 days),
    or with the box gone, heard that the warranty repairs a fault, not that the camera is
    covered and until when: a customer asking to send it back often has a fault to come."""
    slots = {"condition": condition} if condition else {}
    reply = customer().says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-09-05",
        store=("your website", "zosi_website"),
        **slots,
    )
    assert reply.startswith("Sorry,"), reply
    assert "It's still under warranty until 5 September 2027" in reply, reply


@pytest.mark.parametrize(
    ("intent", "slots"),
    [
        ("WarrantyStatusIntent", {"product": ("nvr", "nvr")}),  # "is that the same for the NVR"
        ("PolicyFactIntent", {"product": ("doorbell", "doorbell")}),  # "what about the doorbell"
    ],
)
def test_the_rule_asked_again_of_another_product_is_answered_not_asked_back(
    customer: Start, intent: str, slots: dict[str, tuple[str, str]]
) -> None:
    """W1: "how long is the warranty on a camera" gets the rule and "if you'd like me to
    check yours, when did you buy it?"; the same question of another product got only "When
    did you buy your N. V. R.?", a bare counter-question to a question."""
    talk = customer()
    first = talk.says("WarrantyStatusIntent", product=CAMERA)
    assert first.startswith("Every ZOSI product has a one-year warranty"), first
    reply = talk.says(intent, **slots)
    assert reply.startswith("Every ZOSI product has a one-year warranty"), reply


def test_the_shop_asked_after_until_when_is_not_asked_a_third_time_running(
    customer: Start,
) -> None:
    """R1, R2: the refund's last day, then "where did you buy it?"; another question, then the
    date and fault said again instead of the shop: the shop was asked a third time running.
    Asked twice, the skill goes on with the conditional answer."""
    talk = customer()
    arrived = ("arrived with a cracked lens", "damaged_in_transit")
    first = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-13", reason=arrived)
    assert "Where did you buy it?" in first, first
    second = talk.says(
        "PolicyFactIntent",
        goal=("my money back", "refund"),
        product=CAMERA,
        reason=("defective", "defect"),
    )
    assert "Where did you buy it?" in second, second
    third = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-13", reason=arrived)
    assert "Where did you buy" not in third, third
    assert "full refund until 13 December" in third, third


def test_how_long_a_gift_is_covered_says_the_length_and_who_holds_the_date(
    customer: Start,
) -> None:
    """W1, R6: "my daughter gave me a camera, how long is it guaranteed" heard only to ask
    the giver for the receipt or to make the return, not how long the warranty runs."""
    reply = customer().says(
        "WarrantyStatusIntent",
        store=("it was a gift", "gift"),
        aspect=("how long", "how_long"),
        product=CAMERA,
    )
    assert reply.startswith("A gift has the same 12-month warranty"), reply
    assert "person who gave it" in reply, reply


def test_the_refund_asked_again_after_a_refusal_hears_the_refusal_not_the_30_days(
    customer: Start,
) -> None:
    """R1, R3: a camera dropped five days after buying it gets no refund; "so there's really
    nothing I can do about a refund" then heard "You have 30 days ... to return it for a full
    refund", the rule for anyone else, a promise the refusal had just ruled out."""
    talk = customer()
    refused = talk.says(
        "PurchaseDetailsIntent",
        condition=("i dropped the camera", "damaged_by_customer"),
        purchaseDate="2026-11-16",
        store=("you", "zosi_website"),
    )
    assert refused.startswith("Sorry, a damaged product can't go back for a refund"), refused
    again = talk.says("PolicyFactIntent", topic=("a refund", "return_window"))
    assert again.startswith("Sorry, a damaged product can't go back for a refund"), again


def test_what_if_i_dropped_it_said_in_a_refund_conversation_rules_the_refund_out(
    customer: Start,
) -> None:
    """R3: "what if I dropped it", asked after the refund rule, is the product's state as a
    question (PolicyFactIntent with its condition): a damaged product cannot go back for a
    refund. The words were heard as an unknown policy topic ("Sorry, I don't know that part
    of ZOSI's policy"), and the customer kept the refund they had been told was possible."""
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA)
    reply = talk.says("PolicyFactIntent", condition=("dropped it", "damaged_by_customer"))
    assert reply.startswith("Sorry, a damaged product can't go back for a refund"), reply


def test_for_how_long_after_a_privacy_answer_is_how_long_data_is_kept(customer: Start) -> None:
    """P9: "do you store what I tell you?" - "for how long?" asks the keeping period; with no
    goal in the case it was heard as "how long" of nothing, and got the refund's 30 days and
    the warranty's year."""
    talk = customer()
    talk.says("PrivacyPolicyIntent", topic=("store my data", "data_use"))
    reply = talk.says("PolicyFactIntent", aspect=("for how long", "how_long"))
    assert "400 days" in reply, reply
    assert "30 days" not in reply, reply


def test_who_pays_for_that_after_a_delivery_estimate_is_the_delivery_cost(customer: Start) -> None:
    """D2: after "how long does delivery to Kazan take", "and who pays for that?" is what
    delivery costs (free), not who pays to send a return back (R4)."""
    talk = customer()
    talk.says("DeliveryTimeIntent", region=("kazan", "kazan"))
    reply = talk.says("PolicyFactIntent", aspect=("who pays for that", "who_pays"))
    assert reply.startswith("Delivery is free"), reply


def test_an_offer_is_never_made_a_third_time_after_side_questions(customer: Start) -> None:
    """Issue 17 item 8: "Shall I remember Kazan as your delivery region?" was said again after
    every side question, four times in a row; it is made again once, then closed."""
    talk = customer()
    offer = "Shall I remember Kazan as your delivery region?"
    assert talk.says("DeliveryTimeIntent", region=("kazan", "kazan")).endswith(offer)
    assert talk.says("PolicyFactIntent", aspect=("who pays", "who_pays")).endswith(offer)
    third = talk.says("PolicyFactIntent", aspect=("from where", "where_from"))
    assert offer not in third, third
    assert third.endswith("Anything else I can help with?"), third


def test_who_pays_asked_of_a_refund_by_a_customer_abroad_is_theirs(customer: Start) -> None:
    """W6: "I moved to Armenia, the NVR I bought in Russia is defective" - "who pays to send
    it back?" (heard as a refund question) got R4's "As it's a quality problem, ZOSI pays the
    return shipping": from outside the country of purchase the customer pays the way back."""
    talk = customer()
    talk.says(
        "WarrantyStatusIntent",
        product=("nvr", "nvr"),
        reason=("is defective", "defect"),
        purchaseCountry=("russia", "RU"),
        homeCountry=("armenia", "AM"),
        purchaseDate="2026-03",
    )
    reply = talk.says("ReturnRefundIntent", aspect=("who pays", "who_pays"))
    assert "you pay the international shipping" in reply, reply
    assert "ZOSI pays" not in reply, reply


def test_is_it_too_late_to_return_a_dated_purchase_gets_its_own_until_when(
    customer: Start,
) -> None:
    """R1: "I bought a camera on the 9th from the ZOSI website, is it too late to return it"
    got the rule ("You have 30 days from the day you bought it") instead of its decision:
    "too late" asks the customer's own until when, as "how long" does once the date is known."""
    reply = customer().says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-11-09",
        store=("the zosi website", "zosi_website"),
        aspect=("too late", "late"),
    )
    assert reply.startswith("Yes, you can return your camera for a full refund until 9 Dec"), reply


def test_how_long_do_i_have_after_a_dated_refund_answer_is_their_own_last_day(
    customer: Start,
) -> None:
    """R1: after "Yes, you can return your camera for a full refund until ...", "and how long
    do I have?" got "You have 30 days from the day you bought it", the rule anyone hears;
    asked of the purchase the case has dated, it is that purchase's last day."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-11-09",
        store=("the zosi website", "zosi_website"),
        reason=("i changed my mind", "changed_mind"),
    )
    assert "until 9 December" in first, first
    reply = talk.says("PolicyFactIntent", aspect=("how long do i have", "how_long"))
    assert reply.startswith("Yes, you can return your camera for a full refund until 9 Dec"), reply


def test_packaging_gone_with_no_date_dates_no_warranty(customer: Start) -> None:
    """R3, W1: "I don't have the original box anymore, can I return it" was refused rightly,
    then told "It's still under warranty until 20 November 2027", a year from today, as if it
    had been bought today. No day was said: the warranty is said as the rule, with no date."""
    reply = customer().says(
        "ReturnRefundIntent", condition=("i don't have the original box", "packaging_gone")
    )
    assert reply.startswith("Sorry, without its original packaging"), reply
    assert "2027" not in reply, reply
    assert "until" not in reply, reply
    assert "If it's faulty and still within its one-year warranty" in reply, reply


def test_what_do_i_do_now_said_to_a_date_check_gets_the_next_step(customer: Start) -> None:
    """W3: after a warranty answer for "early October", "maybe the 3rd" is checked ("Just to
    check: 3 October?"); "ok so what do I do now" got "Sorry, I didn't catch that ... When
    did you buy your video doorbell?", the date asked a third time. It asks the next step."""
    talk = customer()
    first = talk.says(
        "WarrantyStatusIntent",
        product=CAMERA,
        purchaseDate="2026-10",
        reason=("stopped working", "defect"),
    )
    assert "warranty until" in first, first
    check = talk.says("PurchaseDetailsIntent", purchaseDate="2026-12-03")
    assert check.startswith("Just to check"), check
    reply = talk.says("AMAZON.HelpIntent")
    assert reply.startswith("The first step is to email ZOSI support"), reply
    assert "When did you buy" not in reply, reply


def test_a_long_fact_before_the_question_coming_back_stays_one_breath(customer: Start) -> None:
    """W4 mid-dialog: "what proof do you need" asked while the shop is asked for got the
    whole RMA answer and the shop question with its three choices, 62 words. The fact is
    said in its short form (the card has it all), then the question."""
    talk = customer()
    first = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10")
    assert first.endswith("or from another shop?"), first
    reply = talk.says("PolicyFactIntent", aspect=("what proof do you need", "approved"))
    assert reply.startswith("Once support approves your claim"), reply
    assert reply.endswith("or from another shop?"), reply
    assert len(reply.split()) <= 50, reply


@pytest.mark.parametrize(
    ("topic", "reason", "first"),
    [
        (
            ("the return shipping", "return_shipping"),
            FAULTY,
            "As it's a quality problem, ZOSI pays the return shipping",
        ),
        (
            ("the return postage", "return_shipping"),
            ("i changed my mind", "changed_mind"),
            "As it isn't a quality problem, you pay",
        ),
        (("the customs fees", "customs"), None, "ZOSI doesn't pay customs"),
        (("the hold on my card", "cross_ship_hold"), None, "ZOSI puts a 30-day hold"),
    ],
)
def test_a_topic_named_of_their_product_asks_its_aspect(
    customer: Start, topic: tuple[str, str], reason: tuple[str, str] | None, first: str
) -> None:
    """R4, W5, W9, X3: "will you cover the return shipping if the doorbell is defective" names
    the topic, not the aspect, and their product with it. It asks who pays, and the answer
    leads with that, not with the refund window and who pays third."""
    slots = {"topic": topic, "product": CAMERA}
    if reason is not None:
        slots["reason"] = reason
    reply = customer().says("PolicyFactIntent", **slots)
    assert reply.startswith(first), reply


def test_a_refund_request_for_a_fault_past_the_30_days_gets_the_warranty_remedy(
    customer: Start,
) -> None:
    """R1, W5: "my camera stopped working after 3 months, do I get a new one or my money back"
    got a bare "Where did you buy your camera?": no shop changes a refund that is over by
    date, and a fault under warranty is still refunded or replaced, which is the answer."""
    reply = customer().says(
        "StartClaimIntent",
        claimType=("money back", "refund_return"),
        reason=("stopped working", "defect"),
        productAge="P3M",
        product=CAMERA,
    )
    assert reply.startswith("It's under the one-year warranty until at least"), reply
    assert "a full refund or a replacement" in reply, reply
    assert "Where did you buy" not in reply, reply


def test_how_long_a_repair_takes_asked_unlinked_says_the_terms_set_no_time(
    customer: Start,
) -> None:
    """C1: "how long will the repair take" or "when will I get my money back", not linked,
    got only "link your ZOSI account". The terms give no time for a repair or a refund, so
    none is promised; the account or ZOSI support can say where theirs is."""
    talk = customer()
    reply = talk.says("ClaimStatusIntent")
    assert reply.startswith("ZOSI's terms set no time for a repair or a refund."), reply
    assert "link your ZOSI account" in reply, reply
    assert "service at zositech dot com" in reply, reply
    assert talk.last["response"]["card"]["type"] == "LinkAccount"


def test_i_dont_know_after_a_gifts_answer_gets_the_next_step_not_the_menu(
    customer: Start,
) -> None:
    """R6, W3: "my sister gave me a doorbell and it doesn't ring" gets the gift's warranty and
    the receipt; "I have no idea when she bought it" then got the skill's menu of examples.
    Nothing was asked, and the case has a next step: report the fault to ZOSI support; who
    gave it knows the date."""
    talk = customer()
    first = talk.says(
        "PurchaseDetailsIntent",
        store=("for my birthday", "gift"),
        reason=("doesn't ring", "defect"),
    )
    assert "receipt" in first, first
    reply = talk.says("DontKnowIntent")
    assert reply.startswith("The first step is to email ZOSI support"), reply
    assert "For example" not in reply, reply
    # from a fresh corpus: the date they don't know is the giver's, on the receipt (R6, W1)
    assert "Ask whoever gave it for the receipt" in reply, reply


def test_no_to_what_else_would_you_like_to_know_ends_the_session(customer: Start) -> None:
    """Issue 17 (5): "Anything else?" - "okay" - "What else would you like to know?" -
    "no thank you" got "Okay. What would you like to know?", and so on with every no. A no to
    "what else?" is a no to "anything else?": goodbye."""
    talk = customer()
    talk.says("PolicyFactIntent", topic=("delivery", "delivery_cost"))
    assert talk.yes() == "What else would you like to know?"
    assert talk.no().startswith("Goodbye")
    assert talk.last["response"]["shouldEndSession"] is True


def test_a_date_heard_as_an_order_date_answers_the_purchase_question_open(
    customer: Start,
) -> None:
    """R1, W1: "... camera is broken, what do I do" - "If you'd like me to check yours, when
    did you buy it?" - "I buy it march this year", heard as a delivery question for an order
    placed in March, got a delivery estimate for March and the date asked again. A date alone,
    said while the purchase date is asked, is the purchase date."""
    talk = customer()
    first = talk.says("WarrantyStatusIntent", reason=FAULTY, product=CAMERA)
    assert first.endswith("when did you buy it?") or "When did you buy" in first, first
    reply = talk.says("DeliveryTimeIntent", orderDate="2026-03")
    assert "warranty until at least 1 March 2027" in reply, reply
    assert "arrive" not in reply, reply


def test_who_pays_answered_for_their_reason_is_not_followed_by_the_faults_regime(
    customer: Start,
) -> None:
    """R4: "it's a fine camera, but the app is too complicated and I'd like to send it back;
    will it cost me anything" heard that they pay, then "Within the country you bought it in,
    ZOSI pays the return shipping for a faulty product": the second slot's shipping, said
    again as the warranty's. Who pays was answered for their reason; nothing follows it."""
    reply = customer().says(
        "WarrantyStatusIntent",
        reason=("too complicated for me", "changed_mind"),
        aspect=("will it cost me", "who_pays"),
        alsoTopic=("send it back", "return_shipping"),
        store=("your website", "zosi_website"),
    )
    assert reply.startswith("As it isn't a quality problem, you pay"), reply
    assert "ZOSI pays" not in reply, reply


def test_who_pays_after_a_purchase_told_with_no_goal_is_its_return_shipping(
    customer: Start,
) -> None:
    """R4, W5: "the doorbell came yesterday" - "... would you like to return it, or is
    something wrong with it?" - "who covers postage" got "Delivery is free, wherever you are
    in Russia": D2, a new order's delivery. It asks who pays to send that doorbell back."""
    talk = customer()
    first = talk.says("PurchaseDetailsIntent", product=CAMERA, purchaseDate="2026-11-20")
    assert first.endswith("Would you like to return it, or is something wrong with it?"), first
    reply = talk.says("PolicyFactIntent", topic=("postage", "delivery_cost"))
    assert "Delivery is free" not in reply, reply
    assert reply.startswith("If you're sending it back for a reason that isn't a quality"), reply


def test_a_fault_zosi_shipped_from_china_goes_back_at_zosis_cost(customer: Start) -> None:
    """W7, not W6: "my order was shipped from China to me in Russia, the camera is
    defective, who pays the return shipping" heard "If you send it from outside the country
    you bought it in, you pay the international shipping": China taken as where they bought
    it and Russia as abroad. At home in Russia, an order from China or the US was shipped to
    them by ZOSI, and a fault goes back at ZOSI's cost (W7)."""
    reply = customer().says(
        "WarrantyStatusIntent",
        reason=FAULTY,
        aspect=("who pays the return shipping", "who_pays"),
        purchaseCountry=("china", "CN"),
        homeCountry=("russia", "RU"),
        product=CAMERA,
    )
    assert "ZOSI pays the return shipping" in reply.split(". ")[0], reply
    assert "you pay" not in reply, reply


def test_a_customer_abroad_still_pays_the_international_shipping(customer: Start) -> None:
    """W6: the countries swapped by the NLU ("I'm in Almaty now, camera from Russia" heard as
    bought in Kazakhstan, living in Russia) stay a return from abroad: ZOSI ships across
    borders from China and the US only, so no other country reads as W7."""
    reply = customer().says(
        "WarrantyStatusIntent",
        reason=FAULTY,
        aspect=("free", "who_pays"),
        purchaseCountry=("almaty", "KZ"),
        homeCountry=("russia", "RU"),
    )
    assert reply.startswith("If you send it from outside the country you bought it in, you pay"), (
        reply
    )


@pytest.mark.parametrize(
    ("intent", "when"),
    [
        ("StartClaimIntent", {"productAge": "P5M"}),
        ("ReturnRefundIntent", {"purchaseDate": "2026-06"}),
    ],
)
def test_who_pays_past_the_thirty_days_is_a_faults_return_shipping(
    customer: Start, intent: str, when: dict[str, str]
) -> None:
    """R1, W5: "my camera broke after five months, will you refund the return shipping?"
    heard that for a reason that isn't a quality problem they pay: a return for any reason
    that ended four months ago. Past the 30 days only a fault goes back, at ZOSI's cost."""
    reply = customer().says(
        intent, aspect=("the return shipping", "who_pays"), product=CAMERA, **when
    )
    assert "ZOSI pays the return shipping" in reply.split(". ")[0], reply
    assert "you pay" not in reply, reply


def test_the_last_day_asked_after_a_purchase_told_with_no_goal_is_its_refunds(
    customer: Start,
) -> None:
    """R1: "I ordered it on 1 November from ZOSI's AliExpress store, is it still
    returnable?" heard both ends (refund until 1 December, warranty until November 2027)
    with no goal chosen; "what date is the last day exactly?" then got "You have 30 days
    from the day you bought it", anyone's rule. It asks that purchase's last day."""
    talk = customer()
    first = talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate="2026-11-01",
        store=("zosi's aliexpress store", "zosi_official_store"),
    )
    assert "until 1 December" in first, first
    reply = talk.says("PolicyFactIntent", aspect=("last day", "how_long"))
    assert "until 1 December" in reply.split(". ")[0], reply
    assert "30 days from the day you bought it" not in reply, reply


def test_until_when_after_a_linked_warranty_answer_is_that_orders(customer: Start) -> None:
    """W1: "is my NVR still under warranty" answered for the order of the linked account,
    then "until when exactly" got "Every ZOSI product has a 12-month warranty", the rule
    read as if no order had been named. It asks that order's end of warranty."""
    talk = customer("demo-recent")
    first = talk.says("WarrantyStatusIntent", product=("N. V. R.", "nvr"))
    end = first.split("warranty until ")[1].split(".")[0]
    reply = talk.says("PolicyFactIntent", aspect=("until when", "how_long"))
    assert f"warranty until {end}" in reply, (first, reply)
    assert "12-month warranty" not in reply, reply


def test_the_refund_asked_again_with_the_box_kept_gets_its_decision_then_the_box(
    customer: Start,
) -> None:
    """R1, R3: a camera bought from the website ten days ago, not needed after all; then
    "we kept the box and all the little bits, nothing's broken, can we still return it"
    heard only "The product and its packaging need to come back undamaged": the refund it
    asked again was lost. Its decision comes first, then what the box has to do with it."""
    talk = customer()
    talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate="2026-11-11",
        store=("your website", "zosi_website"),
        reason=("don't need it", "changed_mind"),
    )
    reply = talk.says("ReturnRefundIntent", alsoTopic=("the box", "return_condition"))
    assert reply.startswith(
        "Yes, you can return your camera for a full refund until 11 December"
    ), reply
    assert "packaging" in reply, reply


def test_a_purchase_told_after_the_thirty_days_hears_when_the_refund_ended_then_the_warranty(
    customer: Start,
) -> None:
    """R1, W1: "I ordered from the official store on March 1st and I think I've missed the
    return by a day" heard only "Yes, it is under warranty until 1 March 2027": the return
    they named was never answered. Both ends are said, as within the 30 days; who pays to
    post it next is the warranty's (W5), not 'if you changed your mind, you pay'."""
    talk = customer()
    reply = talk.says(
        "PurchaseDetailsIntent",
        purchaseDate="2026-03-01",
        store=("the official store", "zosi_website"),
    )
    assert reply.startswith("Sorry, the 30-day refund period for it ended on 31 March."), reply
    assert "under warranty until 1 March 2027" in reply, reply
    shipping = talk.says("PolicyFactIntent", aspect=("do i have to pay", "who_pays"))
    assert "ZOSI pays the return shipping" in shipping, shipping
    assert "change of mind" not in shipping, shipping


def test_who_pays_asked_while_the_shop_is_awaited_keeps_both_halves(customer: Start) -> None:
    """R4: mid-dialog, "who pays postage" got only the first sentence of its answer, "If
    you're sending it back for a reason that isn't a quality problem, ... you pay", then
    "where did you buy it?": the half where ZOSI pays was cut to make room for the question,
    which for a product that arrived cracked is a wrong promise. The short form says both."""
    talk = customer()
    talk.says("ReturnRefundIntent", product=("N. V. R.", "nvr"), purchaseDate="2026-11-15")
    reply = talk.says("PolicyFactIntent", topic=("postage", "delivery_cost"))
    assert reply.startswith("Unless it's faulty or arrived damaged, you pay the return"), reply
    assert "where did you buy it?" in reply, reply


def test_a_fault_told_after_a_refusal_for_the_box_hears_the_warranty_again(
    customer: Start,
) -> None:
    """R3, W2: "I threw away the box, can I still return my doorbell" was refused with the
    warranty's route; "what about if it's broken" then heard the refusal's first sentence
    alone (an answer said twice is cut short), and the part a broken doorbell gets was
    dropped. A fault told this turn hears the whole answer."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        condition=("i threw away the box", "packaging_gone"),
        purchaseDate="2026-11-15",
        product=DOORBELL,
    )
    assert "can't go back for a refund" in first, first
    reply = talk.says("PolicyFactIntent", reason=("it's broken", "defect"))
    assert "under warranty until 15 November 2027" in reply, reply
    assert "ZOSI repairs or replaces it" in reply, reply


def test_another_shop_said_with_no_goal_hears_who_refunds_it(customer: Start) -> None:
    """R5: "bought on Ozon, refund from you?" heard "Okay. Would you like to return it, or is
    something wrong with it?": a counter-question. Another shop, undated, already says who
    a refund is for on any day; the warranty is left for a fault, and a fault said next
    gets it."""
    talk = customer()
    reply = talk.says("PurchaseDetailsIntent", store=("ozon", "third_party"), product=CAMERA)
    assert reply.startswith("Since you bought your camera from another shop, the refund goes"), (
        reply
    )
    fault = talk.says("StartClaimIntent", reason=FAULTY)
    assert "warranty" in fault, fault


def test_i_dont_know_the_day_after_an_answer_that_hung_on_it_hears_the_rule(
    customer: Start,
) -> None:
    """R1, C1: "around a month ago" got "That depends on the exact day ... Shall I remember
    this purchase?"; "I don't know, I can't remember the exact day" then heard "Okay, I
    won't remember it", as if declining. It is about the day: the rule, and who can check
    it; and nothing is stored."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-10",
        store=("your store", "zosi_website"),
        product=CAMERA,
    )
    assert first.startswith("That depends on the exact day"), first
    reply = talk.says("DontKnowIntent")
    assert "within 30 days of purchase" in reply, reply
    assert "ZOSI support can check yours" in reply, reply
    assert "won't remember" not in reply, reply


def test_then_what_happens_after_the_first_step_is_what_follows_it(customer: Start) -> None:
    """W3, W4: "my camera's faulty, what do I do first" heard the rule, "First, email ZOSI
    support", and the purchase date asked; "and then what happens" heard that first step
    again. It asks what follows: the return label or address and the RMA code, then the
    date is asked again."""
    talk = customer()
    first = talk.says(
        "StartClaimIntent", aspect=("what do i do", "steps"), reason=FAULTY, product=CAMERA
    )
    assert "First, email ZOSI support" in first, first
    reply = talk.says("PolicyFactIntent", aspect=("then what happens", "steps"))
    assert reply.startswith("First you email ZOSI support at"), reply
    assert "RMA code" in reply, reply
    assert "when did you buy it?" in reply, reply


def test_whats_the_address_after_the_first_step_keeps_the_support_address(
    customer: Start,
) -> None:
    """W3: "can I just post the broken camera back to your warehouse?" heard "First, email
    ZOSI support"; "okay, what's the address for that?" (the same steps aspect as "and then
    what happens") must still name support's address, with what follows it (W4)."""
    talk = customer()
    talk.says("StartClaimIntent", reason=FAULTY, product=CAMERA)
    reply = talk.says("PolicyFactIntent", aspect=("what's the address", "steps"))
    assert "service at zositech dot com" in reply.split(". ")[0], reply
    assert "RMA code" in reply, reply


def test_a_linked_customer_naming_another_shop_is_not_answered_for_a_zosi_order(
    customer: Start,
) -> None:
    """R5, W1: linked, "I bought a camera on Amazon" then "is it under warranty" was answered
    "For the camera ordered on 2 December: ... ZOSI covers the return shipping": the camera
    the account bought from ZOSI, not the one from Amazon. A purchase said to be from another
    shop is none of the account's ZOSI orders: its date is asked, as for anyone."""
    talk = customer("demo-recent")
    talk.says("PurchaseDetailsIntent", product=CAMERA, store=("amazon", "third_party"))
    reply = talk.says("WarrantyStatusIntent")
    assert "ordered on" not in reply, reply
    assert reply.endswith("When did you buy your camera?"), reply
    dated = talk.says("PurchaseDetailsIntent", purchaseDate="2026-03")
    assert dated.startswith(
        "Yes, your camera is under the one-year warranty until at least 1 March 2027"
    ), dated


def test_postage_asked_from_abroad_of_a_purchase_in_russia_is_the_way_back(
    customer: Start,
) -> None:
    """W6, R4: "I bought it in Russia but I live in Latvia now, what about the postage" heard
    as a general question got D2's "Delivery is free, wherever you are in Russia": with the
    country of purchase said and the customer elsewhere, the postage is the way back, and
    from abroad that is theirs to pay."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("the postage", "delivery_cost"),
        purchaseCountry=("russia", "RU"),
        homeCountry=("latvia", "LV"),
    )
    assert reply.startswith("If you send it from outside the country you bought it in, you pay")
    assert "Delivery is free" not in reply, reply


def test_last_day_asked_while_the_shop_is_asked_answers_it_again(customer: Start) -> None:
    """R1: "I bought it on 10 November and don't need it anymore" - "If you bought it from
    ZOSI ..., until 10 December. Where did you buy it?" - "what's the last day I can send it
    back" got "Sorry, I didn't catch that" before the shop once more: a question is no miss,
    its last day comes again, then the shop."""
    talk = customer()
    talk.says(
        "PurchaseDetailsIntent",
        purchaseDate="2026-11-10",
        reason=("i don't need it anymore", "changed_mind"),
    )
    reply = talk.says(
        "PolicyFactIntent",
        aspect=("what's the last day", "how_long"),
        topic=("send it back", "return_window"),
    )
    assert "until 10 December" in reply, reply
    assert "didn't catch" not in reply, reply
    assert reply.endswith("or from another shop?"), reply


def test_the_other_period_asked_after_a_dated_answer_is_not_that_answer_again(
    customer: Start,
) -> None:
    """R5, W1: "I bought a camera from a local shop on 10 November, can I return it" - the
    refund goes through that shop - "and how long is the warranty": the warranty's length,
    not the shop's refund once more (the topic names another period than the case's own)."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        store=("a local shop", "third_party"),
        purchaseDate="2026-11-10",
    )
    reply = talk.says(
        "PolicyFactIntent",
        aspect=("how long", "how_long"),
        topic=("the warranty", "warranty_length"),
    )
    assert "warranty" in reply.split(".")[0], reply
    assert "goes through that shop" not in reply, reply


OTHER_BRAND = ("ring doorbell", "other_brand")


def test_another_brands_product_gets_no_zosi_rule(customer: Start) -> None:
    """Issue 17 item 7, R1: "my Ring doorbell stopped working, can I return it" heard as a
    return question got ZOSI's 30-day refund and its return shipping: a product ZOSI did not
    make is out of the skill's domain, answered as AMAZON.FallbackIntent is."""
    reply = customer().says(
        "ReturnRefundIntent", product=OTHER_BRAND, reason=("stopped working", "defect")
    )
    assert reply.startswith("Sorry, I can't help with that. I only answer questions about ZOSI")
    assert "refund" not in reply.split(".")[1], reply
    assert "30 days" not in reply, reply


def test_another_brands_warranty_is_not_zosis_year(customer: Start) -> None:
    """W1: "how long is the warranty on my Samsung TV" got ZOSI's 12 months."""
    reply = customer().says(
        "WarrantyStatusIntent",
        product=("samsung tv", "other_brand"),
        aspect=("how long is", "how_long"),
    )
    assert reply.startswith("Sorry, I can't help with that."), reply
    assert "12-month" not in reply, reply
    assert "one-year" not in reply, reply


def test_late_asked_in_a_claim_of_no_kind_yet_is_the_replacements_deadline(
    customer: Start,
) -> None:
    """X2, X3: "I'm getting a cross-shipped replacement for my doorbell" (a claim, its kind
    not heard) - "what happens to the card hold" - "what if I'm late" got "Sorry, I don't
    know that part of ZOSI's policy": only an advance replacement has a deadline to send the
    faulty one back, so that is what lateness asks about."""
    talk = customer()
    talk.says("StartClaimIntent", product=DOORBELL)
    talk.says("PolicyFactIntent", topic=("the card hold", "cross_ship_hold"))
    reply = talk.says("PolicyFactIntent", aspect=("i'm late", "late"))
    assert "within 30 days" in reply, reply
    assert "don't know that part" not in reply, reply


def test_something_not_understood_after_which_goal_asks_it_again(customer: Start) -> None:
    """A statement is a request: "it was a gift, a camera" - "Okay. Would you like to return
    it, or is something wrong with it?" - something Alexa could not map got the skill's menu
    ("Sorry, I can't help with that. I only answer questions about ZOSI products ..."), as if
    nothing had been asked: the question comes once more."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", store=("it was a gift", "gift"), product=CAMERA)
    reply = talk.mumbles()
    assert reply == (
        "Sorry, I didn't catch that. Would you like to return it, or is something wrong with it?"
    ), reply


def test_a_fault_said_after_who_pays_for_a_change_of_mind_asks_who_pays_for_it(
    customer: Start,
) -> None:
    """R4, W5: "if I return the camera because I changed my mind, who pays the shipping" -
    "you pay ..." - "and if it's broken?", heard as a warranty question, got the warranty's
    rule and "When did you buy your camera?": the same question for a fault, ZOSI's to pay."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        reason=("i changed my mind", "changed_mind"),
        aspect=("who pays the shipping", "who_pays"),
    )
    assert first.startswith("As it isn't a quality problem, you pay the return shipping")
    reply = talk.says("WarrantyStatusIntent", reason=("it's broken", "defect"))
    assert reply.startswith("As it's a quality problem, ZOSI pays the return shipping"), reply
    assert talk.yes() == "When did you buy your camera?"


def test_the_shop_said_alone_after_a_dated_purchase_is_that_purchases_shop(
    customer: Start,
) -> None:
    """R2: "I ordered a camera on 10 November" - "... Would you like to return it, or is
    something wrong with it?" - "I told you, from you", heard as a general question, got the
    rule of which purchases ZOSI refunds: it is where that camera was bought."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", product=CAMERA, purchaseDate="2026-11-10")
    reply = talk.says("PolicyFactIntent", store=("you", "zosi_website"))
    assert reply.startswith("You can still return your camera for a full refund until"), reply
    assert "Anything bought from another seller" not in reply, reply


@pytest.mark.parametrize("intent", ["PolicyFactIntent", "WarrantyStatusIntent"])
def test_who_pays_for_a_fault_past_the_warranty_year_hears_that_it_ended(
    customer: Start, intent: str
) -> None:
    """W1, W5: "the doorbell I bought on 20 November last year stopped working, who pays the
    shipping", a day past the year, got "when a faulty product under warranty is sent back
    ..., ZOSI pays the return shipping": heard as a yes. The warranty's end comes first."""
    reply = customer().says(
        intent,
        purchaseDate="2025-11-19",
        product=DOORBELL,
        reason=("stopped working", "defect"),
        aspect=("who pays the shipping", "who_pays"),
    )
    assert reply.startswith("Sorry, the one-year warranty on your doorbell ended on 19 "), reply
    assert "ZOSI pays" not in reply, reply


def test_who_pays_for_a_fault_within_the_year_still_says_zosi_pays(customer: Start) -> None:
    """W5: a day short of the year, the same question is still ZOSI's to pay."""
    reply = customer().says(
        "PolicyFactIntent",
        purchaseDate="2025-11-22",
        product=DOORBELL,
        reason=("stopped working", "defect"),
        aspect=("who pays the shipping", "who_pays"),
    )
    assert "ZOSI pays the return shipping" in reply, reply


def _a_camera_whose_warranty_ended(talk: Customer, bought: str, ended_on: str) -> None:
    """W1: a faulty camera bought more than a year before NOW: "... ended on <ended_on>."."""
    first = talk.says(
        "WarrantyStatusIntent",
        purchaseDate=bought,
        product=CAMERA,
        reason=("stopped working", "defect"),
    )
    assert first.startswith(f"Sorry, the one-year warranty on your camera ended on {ended_on}.")


def test_a_refusal_argued_with_is_said_again_before_the_same_offer(customer: Start) -> None:
    """W1: "Sorry, the one-year warranty ... ended on 19 November. ... Shall I remember this
    purchase?" - "only one day late! nothing is possible?" (not understood) got "Sorry, I
    didn't catch that" and the offer: the refusal stands, said again, then the same offer,
    which a yes still answers."""
    talk = customer()
    _a_camera_whose_warranty_ended(talk, "2025-11-19", "19 November")
    reply = talk.mumbles()
    assert reply == (
        "Sorry, the one-year warranty on your camera ended on 19 November. "
        "Shall I remember this purchase for next time?"
    ), reply
    assert talk.yes().startswith("Done, I'll remember that.")


def test_out_of_domain_gets_no_support_contact(customer: Start) -> None:
    """Issue 17: "send an email to my boss" must not reach ZOSI's support. The menu said after
    "I can't help with that" named "contacting ZOSI support", heard as an offer to; it
    names what the skill answers about, and support stays in the help (C1 is asked for)."""
    reply = customer().mumbles()
    assert reply.startswith("Sorry, I can't help with that."), reply
    assert "support" not in reply.lower(), reply
    assert len(reply.split()) <= 30, reply


def test_a_faulty_gift_past_the_30_days_hears_to_ask_the_giver_for_the_receipt(
    customer: Start,
) -> None:
    """R6, W5: "my grandchildren gave me this doorbell a couple of months ago and now the chime
    doesn't ring, I haven't any receipt, what can be done?" heard the refund or replacement and
    who pays the shipping, not that the receipt is the giver's to ask for: that comes first,
    the shipping stays on the card."""
    talk = customer()
    reply = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-09",
        store=("my grandchildren gave me", "gift"),
        reason=("doesn't ring", "defect"),
        product=DOORBELL,
    )
    assert reply.startswith("Yes: it's under the one-year warranty until at least 1 September"), (
        reply
    )
    assert "As it was a gift, ask the giver for the receipt." in reply, reply
    assert "ZOSI pays the return shipping" in talk.card, talk.card


def test_an_age_said_against_the_day_given_is_checked_before_it_decides(
    customer: Start,
) -> None:
    """C2, W1: "I bought it on 20 November last year" - "Sorry, the one-year warranty ...
    ended" - "seriously? it's two days" (heard as "two days old") replaced the day and
    promised the warranty until 2027. The age goes against a day the customer said: it is
    checked first, and a no checks the day said."""
    talk = customer()
    _a_camera_whose_warranty_ended(talk, "2025-11-20", "20 November")
    check = talk.says("PurchaseDetailsIntent", productAge="P2D")
    assert check == "Just to check: you bought your camera on Thursday, 19 November?", check
    assert "under" not in check, check
    again = talk.no()
    assert "20 November 2025" in again, again
    assert talk.yes().startswith("Sorry, the one-year warranty on your camera ended on 20 November")


def test_a_fault_bought_in_a_month_that_straddles_the_30_days_needs_no_exact_day(
    customer: Start,
) -> None:
    """R1, R4, W5: "the doorbell I bought from ZOSI in October is faulty, can I return it" got
    "That depends on the exact day ... if it was earlier, the 30 days are over", as if a fault
    bought earlier had no refund. Either way it is refunded or replaced, at ZOSI's cost."""
    reply = customer().says(
        "ReturnRefundIntent",
        purchaseDate="2026-10",
        product=DOORBELL,
        reason=("is faulty", "defect"),
        store=("zosi", "zosi_website"),
    )
    assert reply.startswith(
        "Yes: it's under the one-year warranty until at least 1 October 2027, and as it's "
        "faulty, you can get a full refund or a replacement"
    ), reply
    assert "depends" not in reply, reply


@pytest.mark.parametrize(
    "asked",
    [
        {"topic": ("the shipping", "delivery_cost")},
        {"aspect": ("who pays for the postage", "who_pays")},
    ],
)
def test_who_pays_asked_after_the_warranty_ended_hears_that_it_ended(
    customer: Start, asked: dict[str, tuple[str, str]]
) -> None:
    """W1, W8: "Sorry, the one-year warranty on your camera ended on 19 November" - "and who
    pays the shipping then?" got "when a faulty product under warranty is sent back ..., ZOSI
    pays": a yes to a customer whose warranty is over. The warranty's end answers it."""
    talk = customer()
    _a_camera_whose_warranty_ended(talk, "2025-11-19", "19 November")
    reply = talk.says("PolicyFactIntent", **asked)
    assert reply.startswith("Sorry, the one-year warranty on your camera ended on 19 November."), (
        reply
    )
    assert "ZOSI pays" not in reply, reply


def test_which_goal_is_asked_again_once_then_the_skill_moves_on(customer: Start) -> None:
    """Issue 17, no loops: "I got a doorbell from your website" - "Okay. Would you like to
    return it, or is something wrong with it?" - each "hmm" got that question again, a third
    and a fourth time running. It is asked once more after a miss, then the skill says what it
    answers about; a goal said then is still about the doorbell."""
    talk = customer()
    first = talk.says(
        "PurchaseDetailsIntent", store=("your website", "zosi_website"), product=DOORBELL
    )
    assert first.endswith("Would you like to return it, or is something wrong with it?"), first
    again = talk.mumbles()
    assert again == "Sorry, I didn't catch that. " + first.removeprefix("Okay. "), again
    third = talk.mumbles()
    assert "Would you like to return it" not in third, third
    assert "I only answer questions about ZOSI returns" in third, third
    assert "your doorbell?" in talk.says("ReturnRefundIntent")


def test_a_dated_purchase_standing_is_asked_again_after_a_miss(customer: Start) -> None:
    """Issue 17: "I bought a doorbell on November 30th" - both ends, then "Would you like to
    return it, or is something wrong with it?" - "hmm" got the skill's menu ("Sorry, I can't
    help with that ..."), as if nothing had been asked: the question comes once more."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-20", product=DOORBELL)
    reply = talk.mumbles()
    assert reply == (
        "Sorry, I didn't catch that. Would you like to return it, or is something wrong with it?"
    ), reply


def test_a_product_named_out_of_the_blue_hears_both_periods(customer: Start) -> None:
    """Issue 17, answer first: "so I got one of your cameras a while back and it's acting
    weird" (heard as a general question naming only the product) got "Sorry, I don't know that
    part of ZOSI's policy". No rule is named: both periods answer it (R1, W1), then the offer
    to check theirs, which a yes takes up."""
    talk = customer()
    reply = talk.says("PolicyFactIntent", product=("one of your cameras", "camera"))
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "12 months" in reply, reply
    assert "don't know that part" not in reply, reply
    assert reply.endswith("Would you like me to check yours?"), reply
    assert talk.yes() == "When did you buy it?"


def test_a_state_that_matches_no_value_is_no_statement(customer: Start) -> None:
    """ "How long does shipping take to Novosibirsk" - "and what if it doesn't arrive" (a
    reason slot matching none of its values) got "What else would you like to know?", a
    question answered with a question. Words that resolve to nothing state nothing: the
    honest "I don't know that part", then the open offer again."""
    talk = customer()
    talk.says("DeliveryTimeIntent", region=("novosibirsk", "novosibirsk"))
    reply = talk.says("PolicyFactIntent", reason=("doesn't arrive", None))
    assert reply.startswith("Sorry, I don't know that part of ZOSI's policy."), reply
    assert "What else would you like to know" not in reply, reply


def test_a_fault_bought_from_another_shop_asked_what_to_do_hears_the_warranty(
    customer: Start,
) -> None:
    """W1, W3, R5: "I bought a kit on Ozon, it's broken, who do I contact" got "the refund
    goes through that shop ... If it's faulty, ask me about the warranty", though the fault was
    just said. A fault is under ZOSI's warranty wherever it was bought: its first step."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("ozon", "third_party"),
        reason=("it's broken", "defect"),
        product=("kit", "kit"),
        aspect=("who do i contact", "steps"),
    )
    assert "email ZOSI support" in reply, reply
    assert "goes through that shop" not in reply, reply
    assert "ask me about the warranty" not in reply, reply


def test_who_pays_to_send_it_back_from_abroad_is_the_customers_fault_or_not(
    customer: Start,
) -> None:
    """W6, W9: "what customs fees do I pay if I send it back from Belarus" (who pays, the
    return, where they are; no purchase named) got R4's "If it's faulty or arrived damaged,
    ZOSI pays", a wrong promise from abroad: the international shipping and customs are the
    customer's, a fault or not."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("do i pay", "who_pays"),
        topic=("send it back", "return_window"),
        homeCountry=("belarus", "BY"),
    )
    assert "you pay the international shipping and any customs and other fees" in reply, reply
    assert "ZOSI pays" not in reply, reply


def test_it_after_one_parcel_tracked_is_that_parcel(customer: Start) -> None:
    """D5, R1: "where is my order?" - "Your ZOSI DB1 2K video doorbell ordered on ... is on its
    way" - "can I return it?" got every order on the account read out, the camera and the
    N. V. R. with it. "It" is the parcel just tracked; naming another product asks of that."""
    talk = customer("demo-recent")
    tracking = talk.says("TrackOrderIntent")
    assert "video doorbell" in tracking, tracking
    assert "is on its way" in tracking, tracking
    reply = talk.says("ReturnRefundIntent")
    assert reply.startswith("For the video doorbell ordered on"), reply
    assert "N. V. R." not in reply, reply
    other = customer("demo-recent")
    other.says("TrackOrderIntent")
    assert other.says("ReturnRefundIntent", product=CAMERA).startswith("For the camera ordered on")


def test_an_offer_asked_past_twice_is_not_made_a_third_time_running(customer: Start) -> None:
    """Issue 17, no loops: the same general question three times running ended three times on
    "Would you like me to check yours?", and three dated answers on "Shall I remember this
    purchase for next time?". An offer the customer asked on past twice has been answered:
    the third answer stands alone."""
    talk = customer()
    for _ in range(2):
        reply = talk.says("PolicyFactIntent", topic=("the return window", "return_window"))
        assert reply.endswith("Would you like me to check yours?"), reply
    third = talk.says("PolicyFactIntent", topic=("the return window", "return_window"))
    assert "check yours" not in third, third
    dated = customer()
    for _ in range(2):
        reply = dated.says("WarrantyStatusIntent", purchaseDate="2026-09-01", product=CAMERA)
        assert reply.endswith("Shall I remember this purchase for next time?"), reply
    third = dated.says("WarrantyStatusIntent", purchaseDate="2026-09-01", product=CAMERA)
    assert "remember this purchase" not in third, third
    assert third.startswith("Yes, your camera is under the one-year warranty"), third


def test_i_dont_know_to_which_goal_hears_what_each_way_offers(customer: Start) -> None:
    """Issue 17, from make chat: "I got a doorbell from your website" - "Would you like to
    return it, or is something wrong with it?" - "I don't know" got the skill's menu, as if
    nothing had been asked. It hears what each way offers: the 30 days for a refund (R1) and
    the year of warranty for a fault (W1), and the question is not put a second time."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", store=("your website", "zosi_website"), product=DOORBELL)
    reply = talk.says("DontKnowIntent")
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "12 months" in reply, reply
    assert "I answer questions about" not in reply, reply
    assert "Would you like to return it" not in reply, reply


def test_i_dont_know_to_a_dated_purchase_standing_asks_what_else(customer: Start) -> None:
    """Issue 17: a dated purchase heard both of its dates with the which-goal question; "I
    don't know" then gets no menu read out, and a no after it ends the session."""
    talk = customer()
    talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-20", product=DOORBELL)
    assert talk.says("DontKnowIntent") == "What else would you like to know?"
    assert "Goodbye" in talk.no()


def test_abroad_said_while_the_date_is_asked_takes_back_zosi_paying(customer: Start) -> None:
    """W6, from a dev corpus: "the NVR is broken, I want to send it back" - "... As it's a
    quality problem, ZOSI pays the return shipping ... When did you buy your N. V. R.?" - "I
    bought it in Russia but now I live in Kazakhstan" got "Sorry, I didn't catch that" and the
    date question again: the countries were not heard as an answer, and ZOSI paying stood.
    From abroad the customer pays the international shipping, said before the date again."""
    talk = customer()
    first = talk.says("ReturnRefundIntent", reason=("is broken", "defect"), product=("nvr", "nvr"))
    assert "ZOSI pays the return shipping" in first, first
    reply = talk.says(
        "PurchaseDetailsIntent",
        purchaseCountry=("russia", "RU"),
        homeCountry=("kazakhstan", "KZ"),
    )
    assert "didn't catch" not in reply, reply
    assert "you pay the international shipping" in reply, reply
    assert reply.endswith("When did you buy your nvr?"), reply


@pytest.mark.parametrize(
    ("where", "heard", "not_heard"),
    [
        (
            {"store": ("your store on aliexpress", "zosi_official_store"),
             "homeCountry": ("yekaterinburg", "RU")},
            "ZOSI pays the return shipping",
            "one-year warranty from the purchase date",
        ),
        (
            {"purchaseCountry": ("russia", "RU"), "homeCountry": ("serbia", "RS")},
            "you pay the international shipping",
            "ZOSI pays",
        ),
    ],
)  # fmt: skip
def test_where_they_are_after_who_pays_answers_who_pays_for_them(
    customer: Start, where: dict[str, tuple[str, str]], heard: str, not_heard: str
) -> None:
    """W5, W6, from a dev corpus: "who pays to send a broken camera back?" - "... within the
    country you bought it in, ZOSI pays ... Would you like me to check yours?" - "I bought it
    from your AliExpress store and I live in Yekaterinburg" got the warranty's length and the
    date question: the question asked was left for the rule of another. It is answered for
    where they are (at home, ZOSI pays; from abroad, they do), then the date is asked."""
    talk = customer()
    talk.says("WarrantyStatusIntent", aspect=("who pays", "who_pays"), product=CAMERA)
    reply = talk.says("PurchaseDetailsIntent", **where)
    assert heard in reply, reply
    assert not_heard not in reply, reply
    assert reply.endswith("When did you buy your camera?"), reply


def test_a_damaged_arrival_said_hears_its_ways_before_the_date(customer: Start) -> None:
    """Issue 17, answer first (from a dev corpus): "My doorbell arrived damaged." got a bare
    "Do you want a refund, a warranty repair, or an advance replacement?", and the date said
    after it got "Okay, bought on 11 November." and the same choice again. A refund or a repair
    turns on the date (R1, W2): what a fault gets and who pays the way back come first (R4,
    W5), then the date; the choice follows only while both are open, and past the 30 days
    the warranty's repair is said without it."""
    talk = customer()
    first = talk.says(
        "StartClaimIntent", reason=("arrived damaged", "damaged_in_transit"), product=DOORBELL
    )
    assert "ZOSI pays the return shipping" in first, first
    assert first.endswith("When did you buy your doorbell?"), first
    inside = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-11")
    assert "within the 30 days" in inside, inside
    assert inside.endswith("Do you want a refund, a warranty repair, or an advance replacement?")
    talk = customer()
    talk.says(
        "StartClaimIntent", reason=("arrived damaged", "damaged_in_transit"), product=DOORBELL
    )
    later = talk.says("PurchaseDetailsIntent", purchaseDate="2026-09-01")
    assert "under warranty until" in later, later
    assert "Do you want a refund" not in later, later


def test_nothing_wrong_said_of_a_dated_refund_hears_their_decision(customer: Start) -> None:
    """R1, R4, from a dev corpus: "we ordered the kit from your AliExpress shop on the 14th,
    it works, nothing wrong with it, but we're moving: can we send it back and get our money?"
    got the general "No reason is needed ..." and no date. "Nothing wrong with it" is the
    state of a product wanted refunded for another reason, not W8's test: the decision for
    their purchase answers, with who pays for a product that is not faulty."""
    talk = customer()
    reply = talk.says(
        "PolicyFactIntent",
        purchaseDate="2026-11-14",
        aspect=("nothing wrong with it", "not_faulty"),
        store=("your aliexpress shop", "zosi_official_store"),
        product=("cameras", "kit"),
        reason=("we're moving", "changed_mind"),
        topic=("send it back", "return_window"),
    )
    assert reply.startswith("Yes, you can return your"), reply
    assert "until 14 December" in reply, reply
    assert "you pay the return shipping" in reply, reply


def test_a_refund_asked_of_another_shops_faulty_unit_says_whose_refund_it_is(
    customer: Start,
) -> None:
    """R5, W5, from a dev corpus: "My ZOSI camera from Amazon arrived broken. Can I get a
    refund from you, and who pays to send it back?" got only "As it's a quality problem, ZOSI
    pays the return shipping": the refund asked for, which is the shop's, was left out."""
    talk = customer()
    reply = talk.says(
        "ReturnRefundIntent",
        aspect=("who pays to send it back", "who_pays"),
        alsoTopic=("get a refund", "return_window"),
        reason=("arrived broken", "damaged_in_transit"),
        store=("amazon", "third_party"),
    )
    assert reply.startswith("As it's a quality problem, ZOSI pays the return shipping"), reply
    assert "that shop handles the return and refund" in reply, reply


def test_a_topic_joined_on_with_nothing_before_it_is_the_questions_topic(customer: Start) -> None:
    """R3, from make chat: after a refund answer, "and the box, we kind of ripped it opening
    it, is that a problem" fills only the second-question topic (it follows "and"), and got
    "Sorry, I don't know that part of ZOSI's policy". With no topic before it, it is the
    question's own: what the box must be like comes back."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-15",
        product=CAMERA,
        store=("your website", "zosi_website"),
    )
    reply = talk.says("PolicyFactIntent", alsoTopic=("the box", "return_condition"))
    assert "don't know that part" not in reply, reply
    assert "packaging need to come back undamaged" in reply, reply


def test_a_question_asked_while_a_date_is_checked_gets_its_fact_then_the_check(
    customer: Start,
) -> None:
    """Issue 17, no fact asked again (from make chat): "my husband bought the kit on the 22nd
    from your website, it's too complicated, can we send it back" - "Just to check: ... 22
    November, not 22 December 2025?" - "do we have to pay for the postage" got who pays, then
    "Would you like me to check yours?", and a yes to it "When did you buy it?": the date said
    was asked for again. Who pays comes first (R4), then the same check, which a yes settles."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-25",
        reason=("it's too complicated", "changed_mind"),
        product=CAMERA,
        store=("your website", "zosi_website"),
    )
    assert first.startswith("Just to check"), first
    reply = talk.says("PolicyFactIntent", aspect=("the postage", "who_pays"))
    assert reply.startswith("As it isn't a quality problem, you pay the return shipping"), reply
    assert "Just to check" in reply, reply
    assert "check yours" not in reply, reply
    assert "full refund until" in talk.yes()


def test_a_fault_said_is_no_if_in_the_warranty_answer(customer: Start) -> None:
    """W2, W5, from make chat: "my camera stopped working, is it still under warranty, I bought
    it in March" heard "If it's faulty, ZOSI repairs or replaces it", as if the fault had not
    been said. A fault said is theirs: "As it's faulty, ..."; with none said, the "if" stays."""
    talk = customer()
    reply = talk.says(
        "WarrantyStatusIntent", purchaseDate="2026-03", reason=("stopped working", "defect")
    )
    assert "As it's faulty, ZOSI repairs or replaces it" in reply, reply
    assert "If it's faulty" not in reply, reply
    talk = customer()
    plain = talk.says("WarrantyStatusIntent", purchaseDate="2026-03", product=CAMERA)
    assert "If it's faulty, ZOSI repairs or replaces it" in plain, plain


def test_a_change_of_mind_heard_as_a_warranty_question_gets_the_refund(customer: Start) -> None:
    """W2, R1, R4: "I bought a camera from your website on November second, it's all too
    complicated for me, may I send it back" heard as a warranty question got the warranty
    year and "if it's faulty", which is no answer to a change of mind. The refund's 30 days
    answer it, with the shipping theirs."""
    talk = customer()
    reply = talk.says(
        "WarrantyStatusIntent",
        purchaseDate="2026-11-02",
        reason=("it's all too complicated for me", "changed_mind"),
        store=("your website", "zosi_website"),
    )
    assert reply.startswith("Yes, you can return it for a full refund until 2 December"), reply
    assert "you pay the return shipping" in reply, reply
    assert "warranty" not in reply, reply


def test_a_fault_inside_the_30_days_from_zosi_hears_no_if_and_who_pays(customer: Start) -> None:
    """R1, R2, R4 decision, W5, from a fresh corpus: "my camera stopped working, I bought it
    from your website on November 7th, what should I do" heard "if you bought it from ZOSI, a
    full refund is possible", as if the shop had not been said, and nothing of the shipping,
    which a fault leaves to ZOSI on either route. Bought from ZOSI, there is no "if"; the
    shipping is ZOSI's at home, and is not promised from abroad (W6)."""
    talk = customer()
    reply = talk.says(
        "StartClaimIntent",
        purchaseDate="2026-11-07",
        reason=("stopped working", "defect"),
        store=("your website", "zosi_website"),
        product=CAMERA,
    )
    assert reply.startswith("It's within the 30 days, so you can get a full refund"), reply
    assert "ZOSI pays the return shipping" in reply, reply
    assert reply.endswith("Do you want a refund, a warranty repair, or an advance replacement?")
    talk = customer()
    unknown = talk.says(
        "StartClaimIntent",
        purchaseDate="2026-11-07",
        reason=("stopped working", "defect"),
        product=CAMERA,
        homeCountry=("germany", "DE"),
        purchaseCountry=("russia", "RU"),
    )
    assert "if you bought it from ZOSI, you can get a full refund" in unknown, unknown
    assert "pays the return shipping" not in unknown, unknown


def test_a_second_question_after_a_verdict_is_heard_not_left_on_the_card(customer: Start) -> None:
    """W1, W3, from a fresh corpus: "is a camera I bought in January still under warranty, and
    who do I talk to about getting it fixed" heard the whole warranty answer and the offer,
    and the first step went to the card only, as both did not fit in one breath. The verdict's
    own sentence answers the first question: it comes, then the first step. A decision whose
    rest says what the customer's reason costs keeps it (R4) and the second fact waits."""
    talk = customer()
    reply = talk.says(
        "WarrantyStatusIntent",
        purchaseDate="2026-01",
        product=CAMERA,
        alsoAspect=("who do I talk to", "steps"),
    )
    assert reply.startswith("Yes, your camera is under the one-year warranty until at least 1 Jan")
    assert "email ZOSI support at service at zositech dot com" in reply, reply
    assert len(reply.split()) <= 50, reply
    talk = customer()
    costs = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-10",
        reason=("I don't like it", "changed_mind"),
        store=("your website", "zosi_website"),
        alsoAspect=("who do I talk to", "steps"),
    )
    assert "you pay the return shipping" in costs, costs


def test_a_refund_request_for_a_product_said_damaged_is_refused_for_that(customer: Start) -> None:
    """R3, from probing: "I threw away the box, can you open a refund for my camera" heard the
    general "a full refund is possible within 30 days" and was asked the date, as if the box
    did not matter; asked whether they can, the same customer heard why not. The request gets
    the refund's own answer: the packaging rules it out, whatever the date (and later, with a
    date, never "it's too late" for the 30 days)."""
    talk = customer()
    reply = talk.says(
        "StartClaimIntent",
        condition=("I threw away the box", "packaging_gone"),
        claimType=("a refund", "refund_return"),
        product=CAMERA,
    )
    assert reply.startswith("Sorry, without its original packaging in good shape"), reply
    assert "can't go back for a refund" in reply, reply
    assert "full refund is possible" not in reply, reply
    dated = talk.says(
        "PurchaseDetailsIntent", purchaseDate="2026-11-12", store=("your website", "zosi_website")
    )
    assert "too late" not in dated, dated
    assert "can't go back for a refund" in dated, dated


@pytest.mark.parametrize(
    ("intent", "aspect", "verdict", "fact"),
    [
        (
            "WarrantyStatusIntent",
            ("who pays to ship it to you", "who_pays"),
            "Yes, your camera is under the one-year warranty until at least 1 May 2027.",
            "ZOSI pays the return shipping",
        ),
        (
            "WarrantyStatusIntent",
            ("what if you find nothing wrong with it", "not_faulty"),
            "Yes, your camera is under the one-year warranty until at least 1 May 2027.",
            "If ZOSI finds no fault, you pay the shipping to get it back.",
        ),
        (
            "WarrantyStatusIntent",
            ("would I pay customs", "customs"),
            "Yes, your camera is under the one-year warranty until at least 1 May 2027.",
            "Customs and taxes are always yours to pay.",
        ),
        (
            "CrossShipIntent",
            ("how fast do you ship it", "how_fast"),
            "Yes, you can get an advance replacement for your camera until at least 1 May 2027.",
            "within 2 to 3 business days",
        ),
        (
            "CrossShipIntent",
            ("is that free", "who_pays"),
            "Yes, you can get an advance replacement for your camera until at least 1 May 2027.",
            "Ground shipping for an advance replacement is free within the country",
        ),
        (
            "WarrantyStatusIntent",
            ("how do I claim", "steps"),
            "Yes, your camera is under the one-year warranty until at least 1 May 2027.",
            "email ZOSI support at service at zositech dot com",
        ),
    ],
)
def test_a_dated_goal_question_asked_with_an_aspect_hears_whether_then_the_fact(
    customer: Start, intent: str, aspect: tuple[str, str], verdict: str, fact: str
) -> None:
    """W1, W3, W5, W8, W9, X1, X4, from probing: "is my NVR under warranty, bought last December,
    and who pays to ship it to you" heard only the general who-pays rule; "is my camera from May
    still under warranty, and would I pay customs" only that customs are theirs, and "can I get
    an advance replacement for the camera from May, and how fast do you ship it" only X4: the
    purchase was dated, so the rule's offer to check it was dropped and whether was never said.
    The decision comes first, then the fact the aspect asks."""
    talk = customer()
    reply = talk.says(intent, purchaseDate="2026-05", product=CAMERA, aspect=aspect)
    assert reply.startswith(verdict), reply
    assert fact in reply, reply
    assert len(reply.split()) <= 50, reply


def test_money_back_said_to_the_refund_or_repair_choice_is_the_refund(customer: Start) -> None:
    """R1, R4, W2, found in make chat: "it's within the 30 days ... Do you want a refund, a
    warranty repair, or an advance replacement?" - "what does that mean, do I get my money
    back?", heard as a policy question naming only the goal, got "I don't know that part of
    ZOSI's policy". The goal said is the choice: the refund's decision answers."""
    talk = customer()
    choice = talk.says(
        "StartClaimIntent",
        product=DOORBELL,
        reason=("arrived with a cracked screen", "damaged_in_transit"),
        purchaseDate="2026-11-15",
        store=("the website", "zosi_website"),
    )
    assert choice.endswith("Do you want a refund, a warranty repair, or an advance replacement?")
    reply = talk.says("PolicyFactIntent", goal=("do I get my money back", "refund"))
    assert reply.startswith("Yes, you can return your doorbell for a full refund"), reply
    assert "don't know that part" not in reply, reply


def test_damage_asked_of_the_warranty_in_general_is_supports_call(customer: Start) -> None:
    """W2, W8, from probing: "is water damage covered by the warranty" heard only "if it fails,
    ZOSI repairs or replaces it", a yes by omission. Damage the customer caused is support's
    call; a plain question stays plain."""
    talk = customer()
    reply = talk.says("WarrantyStatusIntent", condition=("water damage", "damaged_by_customer"))
    assert "Whether it covers damage you caused is ZOSI support's call." in reply, reply
    assert len(reply.split()) <= 50, reply
    plain = customer().says("WarrantyStatusIntent", product=CAMERA)
    assert "damage you caused" not in plain, plain


def test_why_do_you_need_that_to_the_date_question_says_what_the_date_changes(
    customer: Start,
) -> None:
    """R1 decision, found in make chat: "when did you buy your camera?" - "why do you need
    that", heard as a privacy question with "that" for its topic, got the privacy overview.
    A word that points back names nothing: the customer hears what the date decides, then
    the same question."""
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA)
    reply = talk.says("PrivacyPolicyIntent", topic="that")
    assert reply.startswith("The 30-day refund period and the 12-month warranty both count"), reply
    assert reply.endswith("when did you buy it?"), reply


def test_a_shop_said_to_the_date_question_is_kept_not_missed(customer: Start) -> None:
    """W1, R5, from a fresh corpus: "my doorbell has a fault" - "When did you buy it?" - "I
    bought it at a shop on the high street, not online" heard "Sorry, I didn't catch that" and
    the date question with its hints, as if nothing had been said. The shop is a fact: it is
    kept, and the date is asked once more, plainly."""
    talk = customer()
    talk.says("StartClaimIntent", product=DOORBELL, reason=("has a fault", "defect"))
    reply = talk.says("PurchaseDetailsIntent", store=("a shop", "third_party"))
    assert "didn't catch" not in reply, reply
    assert reply == "When did you buy your doorbell?", reply


def test_a_repair_from_abroad_says_the_shipping_is_theirs(customer: Start) -> None:
    """W6, from a fresh corpus: "I need to return a faulty NVR for repair" - "I live in Almaty
    now but I bought it in Moscow in September" heard the warranty and its first step, and not
    that from abroad the way back is theirs, the one cost a customer abroad would not expect."""
    talk = customer()
    talk.says("StartClaimIntent", product=CAMERA, reason=FAULTY)
    reply = talk.says(
        "PurchaseDetailsIntent",
        purchaseDate="2026-09",
        homeCountry=("almaty", "KZ"),
        purchaseCountry=("russia", "RU"),
    )
    assert "; from abroad, you pay the international shipping." in reply, reply
    assert "First, email ZOSI support" in reply, reply
    assert len(reply.split()) <= 50, reply


def test_a_topic_asked_with_words_that_name_no_aspect_is_answered_then_the_second(
    customer: Start,
) -> None:
    """R1, R4, from probing: "what's the return period and is it free" heard only who pays:
    "is it free" narrowed the return period into its shipping, and the period asked first
    was never said. The topic named is the first question, the aspect after "and" the second."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect="what's",
        topic=("the return period", "return_window"),
        alsoAspect=("is it free", "who_pays"),
    )
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "you pay the return shipping" in reply, reply
    assert len(reply.split()) <= 50, reply


def test_a_second_topic_is_not_narrowed_by_the_first_topics_aspect(customer: Start) -> None:
    """R1, R3, from probing: "how long do I have to send it back, and do I need the box" heard
    the 30 days only: "how long" turned the box into the return window, already said. The
    box is asked on its own, and its rule follows the window."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("how long do i have", "how_long"),
        topic=("send it back", "return_window"),
        alsoTopic=("the box", "return_condition"),
    )
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "packaging need to come back undamaged" in reply, reply


def test_a_dated_refund_asked_with_who_pays_hears_until_when_then_who_pays(
    customer: Start,
) -> None:
    """R1, R2, R4, from probing: "when's the deadline to send back the doorbell I bought on
    November 5th, and does the return cost me anything", the shop not said, heard who pays
    for each kind of reason, then "Anything else?": the date said and the deadline asked were
    dropped. Until when if it was ZOSI's comes first, who pays after it, then where it was
    bought, asked without its choices to stay in one breath (the reprompt lists them)."""
    talk = customer()
    reply = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-05",
        product=DOORBELL,
        aspect=("cost me anything", "who_pays"),
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store, you")
    assert "until 5 December" in reply, reply
    assert "Unless it's faulty or arrived damaged, you pay the return shipping." in reply, reply
    assert reply.endswith("Where did you buy it?"), reply
    assert "  " not in reply, reply
    assert len(reply.split()) <= 50, reply
    assert talk.elicited == "store"


def test_who_pays_asked_second_is_not_said_twice_after_the_decision(customer: Start) -> None:
    """R4, from probing: "I changed my mind about the camera I bought on the 12th from your
    website, how many days do I have and who pays to send it back" heard "As it isn't a
    quality problem, you pay the return shipping" twice, the second time with "and any
    fees": the decision had said it for their reason."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("how many days do i have", "how_long"),
        alsoAspect=("who pays to send it back", "who_pays"),
        reason=("i changed my mind", "changed_mind"),
        purchaseDate="2026-11-12",
        store=("your website", "zosi_website"),
        product=CAMERA,
    )
    assert reply.count("you pay the return shipping") == 1, reply


def test_customs_after_a_dated_warranty_decision_fits_in_one_breath(customer: Start) -> None:
    """W1, W5, W9, from probing: "my camera bought in March stopped working, will I pay customs
    to send it for repair" heard the decision and who pays the shipping, with customs left on
    the card: the breath ran one word over. Customs' short form is shorter now, and said."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-03",
        reason=("stopped working", "defect"),
        aspect=("pay customs", "customs"),
        product=CAMERA,
    )
    assert reply.startswith("Yes, your camera is under the one-year warranty"), reply
    assert "Customs and taxes are always yours to pay." in reply, reply
    assert len(reply.split()) <= 50, reply


def test_who_pays_follows_a_decision_that_hangs_on_the_exact_day(customer: Start) -> None:
    """W1, W5, from probing: "my camera broke, I bought it in November last year, who pays the
    shipping" heard "That depends on the exact day you bought it ..." and nothing of who
    pays: the decision that hangs on the day says no costs. Who pays follows, and to fit in
    one breath the lead that only says "it depends" goes, as the rest says it."""
    reply = customer().says(
        "PurchaseDetailsIntent",
        purchaseDate="2025-11",
        reason=("broke", "defect"),
        aspect=("who pays the shipping", "who_pays"),
        product=CAMERA,
    )
    assert reply.startswith("If you bought it on or after 21 November 2025, your camera"), reply
    assert "ZOSI pays the return shipping" in reply, reply
    assert len(reply.split()) <= 50, reply


@pytest.mark.parametrize(
    ("intent", "slots", "first", "second"),
    [
        (
            "PolicyFactIntent",
            {
                "alsoAspect": ("how long do i have", "how_long"),
                "topic": ("the warranty", "warranty_length"),
            },
            "Every ZOSI product has a 12-month warranty",
            "You have 30 days from the day you bought it",
        ),
        (
            "PolicyFactIntent",
            {
                "aspect": ("how long do i have", "how_long"),
                "topic": ("the warranty", "warranty_length"),
            },
            "You have 30 days from the day you bought it",
            "The warranty lasts 12 months",
        ),
    ],
)
def test_two_periods_asked_of_two_families_are_both_said(
    customer: Start, intent: str, slots: dict[str, tuple[str, str]], first: str, second: str
) -> None:
    """R1, W1, from probing: "how long is the warranty and how long do I have to return
    something" heard only the year, and "how long do I have to return a camera and how long
    is the warranty" only the 30 days: the goal named beside another family's topic is a
    second period asked."""
    talk = customer()
    product = {"product": CAMERA} if first.startswith("You have") else {}
    reply = talk.says(intent, goal=("return", "refund"), **slots, **product)
    assert reply.startswith(first), reply
    assert second in reply, reply
    assert len(reply.split()) <= 50, reply


def test_a_dated_refund_with_its_reason_says_until_when_and_who_pays_before_the_shop(
    customer: Start,
) -> None:
    """R1, R4, from a fresh corpus: "the camera I ordered on November 15th has no night vision
    at all, can I get my money back, and who pays for the return", the shop not said, heard
    only that ZOSI pays, then the shop question: whether and until when was lost."""
    talk = customer()
    reply = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-15",
        reason=("no night vision", "defect"),
        aspect=("who pays", "who_pays"),
        product=CAMERA,
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store, you")
    assert "until 15 December" in reply, reply
    assert "ZOSI pays the return shipping" in reply, reply
    assert reply.endswith("Where did you buy it?"), reply


@pytest.mark.parametrize(
    ("intent", "slots", "verdict"),
    [
        (
            "PolicyFactIntent",
            {
                "purchaseDate": "2026-09-30",
                "topic": ("return it", "return_window"),
                "alsoAspect": ("too late", "late"),
            },
            "Sorry, the 30-day refund period for your camera ended on 30 October.",
        ),
        (
            "PurchaseDetailsIntent",
            {"purchaseDate": "2024-10", "reason": ("it's broken", "defect")},
            "Sorry, the one-year warranty on your camera ended on",
        ),
    ],
)
def test_what_to_do_asked_of_a_purchase_past_its_period_hears_that_it_ended(
    customer: Start, intent: str, slots: dict[str, object], verdict: str
) -> None:
    """R1, W1, W3, from a fresh corpus: "I ordered a dome camera on September 30th, is it too
    late to return it, and if so what are my options" heard how to start a return and "you
    have 30 days", a promise for a window long closed; "I bought the camera in October 2024,
    it's broken now, what do I do" heard to email support about a claim the year had ended.
    The decision says it ended, and what is still open."""
    reply = customer().says(
        intent, aspect=("what are my options", "steps"), product=CAMERA, **slots
    )
    assert reply.startswith(verdict), reply
    assert "To start a return" not in reply, reply


def test_an_advance_replacement_asked_from_abroad_hears_its_own_shipping(customer: Start) -> None:
    """X1, from a fresh corpus: "I'm in Tashkent and I bought the camera from your Russian
    store in July, is the advance replacement shipping free for me?" heard the warranty
    return's rule from abroad (W6), not the replacement's: free ground shipping only within
    the country of purchase, fees elsewhere."""
    reply = customer().says(
        "PolicyFactIntent",
        purchaseDate="2026-07",
        topic=("the advance replacement", "cross_shipping"),
        homeCountry=("tashkent", "UZ"),
        aspect=("free", "who_pays"),
        product=CAMERA,
    )
    assert reply.startswith("Ground shipping for an advance replacement is free within"), reply


def test_a_dated_refund_request_without_its_shop_says_until_when_first(customer: Start) -> None:
    """R1, R2, from a fresh corpus: "the camera stopped recording after a week ... can I get a
    refund? I bought it on November 6th", heard as a refund request, got "Where did you buy
    your camera?" bare: a question answered with a question. Until when if it was ZOSI's
    comes first, as for the refund asked as a question."""
    reply = customer().says(
        "StartClaimIntent",
        purchaseDate="2026-11-06",
        reason=("stopped recording", "defect"),
        claimType=("refund", "refund_return"),
        product=CAMERA,
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store, you")
    assert "until 6 December" in reply, reply


def test_a_fault_told_with_no_date_hears_what_to_do_first(customer: Start) -> None:
    """W2, W3, from a fresh corpus: "I'm just going to post the broken NVR back to your
    warehouse" heard the warranty's rule and "When did you buy it?", nothing of the first
    step: a product sent back before support has heard of the fault has no RMA code (W4)."""
    reply = customer().says("WarrantyStatusIntent", reason=("broken", "defect"), product=CAMERA)
    assert "First, email ZOSI support at service at zositech dot com" in reply, reply
    assert reply.endswith("When did you buy your camera?"), reply
    assert len(reply.split()) <= 50, reply


def test_a_gift_recipient_abroad_hears_what_sending_it_costs_not_the_gift_again(
    customer: Start,
) -> None:
    """R6, W6, found in make chat: a gift recipient told to ask the giver for the receipt
    said "I live in Minsk, by the way" and heard the same gift sentences again, word for
    word: where they are is news, and from abroad the way back is theirs to pay."""
    talk = customer()
    talk.says("ReturnRefundIntent", store=("my daughter gave it to me", "gift"), product=CAMERA)
    reply = talk.says("PurchaseDetailsIntent", homeCountry=("minsk", "BY"))
    assert "copy of the receipt" not in reply, reply
    assert "you pay the international shipping" in reply, reply


def test_the_aliexpress_store_question_comes_back_as_it_was_after_a_side_question(
    customer: Start,
) -> None:
    """R2, R5, from a fresh corpus: "I ordered a camera on November 6th through AliExpress,
    how long have I got to send it back" - "... On AliExpress, did you buy it from ZOSI's
    official store, or from another seller there?" - "and do I have to pay for posting it
    back" heard who pays, then "Where did you buy it? On the ZOSI website, ...", as if
    AliExpress had never been said. The question comes back as it was asked."""
    talk = customer()
    first = talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-06",
        store=("aliexpress", "aliexpress"),
        product=CAMERA,
    )
    assert first.endswith("or from another seller there?"), first
    reply = talk.says("PolicyFactIntent", aspect=("do i have to pay", "who_pays"))
    assert "On the ZOSI website" not in reply, reply
    assert reply.endswith("from ZOSI's official store, or from another seller there?"), reply
    assert talk.elicited == "store"


@pytest.mark.parametrize(
    "slots",
    [
        # "I dropped my camera, who pays the return shipping"
        {
            "condition": ("i dropped my camera", "damaged_by_customer"),
            "aspect": ("who pays", "who_pays"),
        },
        # "I threw the box away, is the return shipping free"
        {
            "condition": ("i threw the box away", "packaging_gone"),
            "topic": ("the return shipping", "return_shipping"),
            "aspect": ("free", "who_pays"),
        },
        # "I dropped the camera off the roof and now the picture is all fuzzy: can I return
        # it for a refund, or does the warranty cover that?"
        {
            "condition": ("i dropped the camera", "damaged_by_customer"),
            "reason": ("the picture is all fuzzy", "defect"),
            "goal": ("return it for a refund", "refund"),
            "topic": ("the warranty cover", "warranty_coverage"),
        },
    ],
)
def test_who_pays_for_a_return_the_products_state_rules_out_is_the_refusal(
    customer: Start, slots: dict[str, tuple[str, str]]
) -> None:
    """R3, from a fresh corpus: a product the customer damaged, or whose box is gone, gets
    no refund return, so "who pays to send it back" heard who pays for a change of mind
    and for a fault, and "can I return it or does the warranty cover that" the warranty's
    rule alone: the refusal is the answer, with the warranty for a fault."""
    reply = customer().says("PolicyFactIntent", **slots)
    assert reply.startswith("Sorry,"), reply
    assert "can't go back for a refund" in reply, reply
    assert "ZOSI pays" not in reply, reply


def test_a_warranty_question_with_a_damaged_product_is_still_the_warrantys(
    customer: Start,
) -> None:
    """W1: "I dropped my camera, how long is the warranty" asks the warranty's length; the
    state rules out a refund, which was not asked."""
    reply = customer().says(
        "PolicyFactIntent",
        condition=("i dropped my camera", "damaged_by_customer"),
        aspect=("how long is", "how_long"),
        topic=("the warranty", "warranty_length"),
    )
    assert "12-month warranty" in reply, reply


@pytest.mark.parametrize(
    "slots",
    [
        # "dropped my new camera, lens cracked. refund?"
        {"condition": ("dropped my new camera", "damaged_by_customer")},
        # "scuffed the camera mounting it. refund? who pays the return?"
        {
            "condition": ("scuffed the camera", "damaged_by_customer"),
            "aspect": ("who pays the return", "who_pays"),
        },
    ],
)
def test_a_request_of_no_kind_with_only_a_damaged_product_hears_the_refusal(
    customer: Start, slots: dict[str, tuple[str, str]]
) -> None:
    """R3, from a fresh corpus: a request heard with only the product's state (no fault, no
    kind) heard the warranty's rule and "What's wrong with it, or did you change your mind?",
    or who pays for either: the state is what was said of it, and it rules a refund out."""
    reply = customer().says("StartClaimIntent", **slots)
    assert "can't go back for a refund" in reply, reply
    assert "ZOSI pays" not in reply, reply


def test_a_warranty_answer_for_a_product_without_its_box_says_it_cannot_be_refunded(
    customer: Start,
) -> None:
    """R3, W1, from a fresh corpus: "the box went to the recycling, the camera itself is
    fine, we bought it from the ZOSI store on AliExpress on the 12th: can we still return it
    without the box" heard as a warranty question answered only that it is covered: the box
    was said for a reason, and without it there is no refund."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-11-12",
        store=("the zosi store on aliexpress", "zosi_official_store"),
        condition=("without the box", "packaging_gone"),
        product=CAMERA,
    )
    assert reply.startswith("Yes, your camera is under the one-year warranty"), reply
    assert "it can't go back for a refund" in reply, reply


def test_the_rma_code_asked_of_a_claim_for_a_product_is_the_rma_fact(customer: Start) -> None:
    """W4, from a fresh corpus: "what's an RMA code and do I need one to send my camera back"
    heard the warranty's rule and "What's wrong with it, or did you change your mind?": the
    product named with the claim's fact is what the fact is asked of, not a claim to open."""
    reply = customer().says(
        "StartClaimIntent", alsoTopic=("an rma code", "rma_process"), product=CAMERA
    )
    assert reply.startswith("Once support approves your claim"), reply
    assert "RMA code" in reply, reply


def test_returning_the_old_one_after_a_replacement_is_the_replacements_deadline(
    customer: Start,
) -> None:
    """X2, X4, from a fresh corpus: "how fast will you send the new one and how long do I
    have to return the old one" heard X4 and then the refund's 30 days from purchase (R1):
    with a replacement sent first, what goes back is the faulty one, within the hold's 30
    days."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("how long do i have", "how_long"),
        topic=("send the new one", "cross_ship_dispatch"),
        goal=("return", "refund"),
    )
    assert reply.startswith("ZOSI ships the replacement within 2 to 3 business days"), reply
    assert "faulty one back within 30 days" in reply, reply
    assert "from the day you bought it" not in reply, reply


def test_a_dated_purchase_from_another_shop_hears_who_refunds_it(customer: Start) -> None:
    """R5, from a fresh corpus: "got it at Best Buy last week, can ZOSI refund me directly"
    heard only that the warranty runs a year: the shop was said for a reason, and its refund
    is that shop's on any day; the warranty is left for a fault."""
    reply = customer().says(
        "PurchaseDetailsIntent", store=("best buy", "third_party"), purchaseDate="2026-W46"
    )
    assert reply.startswith("Since you bought it from another shop, the refund goes through"), reply


def test_an_order_placed_weeks_ago_hears_how_to_follow_it(customer: Start) -> None:
    """D5, from a fresh corpus: "I ordered a camera, what, two weeks ago now, and it still
    isn't here, is that normal" heard the window and that delivery is free: an order day
    already past was placed, whichever date slot carried it, and its tracking code is what
    the worried customer can use."""
    reply = customer().says("DeliveryTimeIntent", orderDate="2026-W45")
    assert "tracking code" in reply, reply
    assert "Delivery is free" not in reply, reply


def test_how_long_asked_of_a_dated_purchase_hears_its_own_last_days(customer: Start) -> None:
    """R1, W1, from a fresh corpus: "we bought the kit from the official ZOSI store on
    AliExpress on 25 October ... how long have we actually got" heard the 30 days read out
    as a rule; the purchase is dated, so its own last days are the answer."""
    reply = customer().says(
        "PolicyFactIntent",
        store=("the official zosi store on aliexpress", "zosi_official_store"),
        purchaseDate="2026-10-25",
        product=("camera kit", "kit"),
        aspect=("how long", "how_long"),
    )
    assert "until 24 November" in reply, reply
    assert "30 days from the day you bought it" not in reply, reply


@pytest.mark.parametrize(
    ("year", "heard"), [("2025", "ended on 25 December 2025"), ("2026", "until 24 November")]
)
def test_a_year_said_to_a_date_check_picks_the_day_named_in_that_year(
    customer: Start, year: str, heard: str
) -> None:
    """C2, R1, from a fresh corpus: "... bought from the ZOSI website on November 25th",
    said on 20 November - "Just to check: you bought your camera on 25 October, not 25
    November 2025?" - "last year" was read as any day of 2025 ("the 30 days ended on 30
    January"): of the two days the check named, it is the one in that year."""
    talk = customer(now=datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    check = talk.says(
        "ReturnRefundIntent",
        store=("the zosi website", "zosi_website"),
        purchaseDate="2026-11-25",
        product=CAMERA,
    )
    assert check.startswith("Just to check"), check
    reply = talk.says("ReturnRefundIntent", purchaseDate=year)
    assert heard in reply, reply


def test_a_gift_to_return_named_with_a_privacy_word_is_the_gifts_answer(
    customer: Start,
) -> None:
    """R6, from a fresh corpus: "my children got me this camera as a present, and I really
    don't want it, how do I give it back" heard that under-18s need a guardian's consent
    (P7): "my children" starts questions about minors too, but a reason and a goal said with
    it make it a gift to return."""
    reply = customer().says(
        "PolicyFactIntent",
        reason=("don't want it", "changed_mind"),
        goal=("give it back", "refund"),
        topic=("my children", "minors"),
        store=("a present", "gift"),
        product=CAMERA,
    )
    assert "person who gave it to you" in reply, reply
    assert "guardian" not in reply, reply


@pytest.mark.parametrize(
    ("intent", "slots"),
    [
        # "what if it's one of those things the warranty doesn't cover, like water got in
        # through the seal, who pays to get it back to me then"
        (
            "PolicyFactIntent",
            {
                "condition": ("water got in", "damaged_by_customer"),
                "topic": ("the warranty", "warranty_length"),
                "aspect": ("who pays", "who_pays"),
            },
        ),
        # "I dropped my camera and it stopped working, who pays the shipping for the repair"
        (
            "WarrantyStatusIntent",
            {
                "condition": ("i dropped my camera", "damaged_by_customer"),
                "reason": ("it stopped working", "defect"),
                "aspect": ("who pays the shipping", "who_pays"),
            },
        ),
    ],
)
def test_who_pays_for_damage_the_customer_did_is_not_a_promise_that_zosi_pays(
    customer: Start, intent: str, slots: dict[str, tuple[str, str]]
) -> None:
    """W8, W5, from a fresh corpus: damage the customer did, asked who pays under the
    warranty, heard "ZOSI pays the return shipping": what the warranty does not cover comes
    back at the customer's cost, and whether it covers their damage is ZOSI's to judge."""
    reply = customer().says(intent, **slots)
    assert "ZOSI pays" not in reply, reply
    assert "isn't covered by the warranty, you pay the shipping" in reply, reply


def test_a_change_of_mind_in_a_replacement_question_asks_for_the_refund(
    customer: Start,
) -> None:
    """R1, X1, from a fresh corpus: "how many days I have for to change my mind after I buy
    the camera?" heard as a replacement question got the advance replacement's terms: a
    replacement is for a faulty product, and a change of mind is the refund's 30 days."""
    reply = customer().says(
        "CrossShipIntent",
        aspect=("how many days", "how_long"),
        reason=("change my mind", "changed_mind"),
        product=CAMERA,
    )
    assert reply.startswith("You have 30 days from the day you bought it"), reply
    assert "replacement" not in reply, reply


def test_who_pays_for_a_fault_says_what_the_fault_gets(customer: Start) -> None:
    """R4, W5, from a fresh corpus: "if the NVR turns out defective do I get my money back or
    a new one, and is the return postage covered" heard only that ZOSI pays the postage: said
    on its own, who pays for a quality problem says what it gets under warranty too."""
    reply = customer().says(
        "PolicyFactIntent",
        goal=("get my money back", "refund"),
        topic=("the return postage", "return_shipping"),
        reason=("defective", "defect"),
        product=("nvr", "nvr"),
    )
    assert reply.startswith("As it's a quality problem, ZOSI pays the return shipping"), reply
    assert "a replacement or a full refund" in reply, reply


def test_a_fault_told_after_another_shops_refund_hears_the_warranty(customer: Start) -> None:
    """R5, W1, found in make chat: "I got this camera at Ozon two weeks ago" - "... the refund
    goes through that shop. If it's faulty, ask me about the warranty." - "it stopped working"
    heard the shop's refund again: the fault is the warranty's, ZOSI's wherever it was bought."""
    talk = customer()
    first = talk.says("PurchaseDetailsIntent", store=OZON, productAge="P2W", product=CAMERA)
    assert "the refund goes through that shop" in first, first
    reply = talk.says("PurchaseDetailsIntent", reason=("it stopped working", "defect"))
    assert "the refund goes through that shop" not in reply, reply
    assert "warranty" in reply, reply
    assert "ZOSI repairs or replaces it" in reply, reply


def test_a_shop_told_after_a_refund_asked_for_a_fault_is_the_shops_refund(
    customer: Start,
) -> None:
    """R5, from a fresh corpus: "my camera's broken and I want my money back" - "I got it at
    an electronics store in my town, not from you": the refund was asked for, and it is that
    shop's; only a fault told after the shop's answer turns to the warranty."""
    talk = customer()
    talk.says("ReturnRefundIntent", reason=("broken", "defect"), product=CAMERA)
    reply = talk.says("PurchaseDetailsIntent", store=("an electronics store", "third_party"))
    assert "the refund goes through that shop" in reply, reply


CHANGED_MIND = ("i don't want it anymore", "changed_mind")


def test_how_long_and_who_pays_of_a_dated_change_of_mind_hear_its_last_day_and_who_pays(
    customer: Start,
) -> None:
    """R1, R4, from a fresh corpus: "I ordered this camera on 5 November and I don't want it
    anymore, how long do I have and who pays to send it back" heard the 30 days as a rule and
    who pays, never the last day of theirs; with the last day said, the rule said after it
    again left who pays out."""
    reply = customer().says(
        "PolicyFactIntent",
        purchaseDate="2026-11-05",
        aspect=("who pays to send it back", "who_pays"),
        alsoAspect=("how long do i have", "how_long"),
        reason=CHANGED_MIND,
        product=CAMERA,
    )
    assert "until 5 December" in reply, reply
    assert "you pay the return shipping" in reply, reply
    assert "You have 30 days" not in reply, reply


def test_how_long_asked_second_of_a_warranty_decision_is_not_said_again_as_the_rule(
    customer: Start,
) -> None:
    """W1, W5: "bought on 5 November from the ZOSI website, it broke, who pays to send it back
    and how long is it covered": the decision's "until 5 November 2027" answers how long; "The
    warranty lasts 12 months from the purchase date" after it said it twice."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-11-05",
        store=("the zosi website", "zosi_website"),
        aspect=("who pays to send it back", "who_pays"),
        alsoAspect=("how long is", "how_long"),
        reason=("it broke", "defect"),
        product=CAMERA,
    )
    assert "until 5 November 2027" in reply, reply
    assert "ZOSI pays the return shipping" in reply, reply
    assert "warranty lasts" not in reply, reply


def test_a_purchase_date_said_with_the_words_buy_it_is_their_purchase_not_where_to_buy(
    customer: Start,
) -> None:
    """W1, D1, from a fresh corpus: asked when they bought the NVR, "when did I buy it? um,
    October 2025 I think, is that a problem?" heard where ZOSI sells its products: "buy it"
    is also how "where can I buy one" is asked, but a date said with it is their purchase."""
    talk = customer()
    talk.says("WarrantyStatusIntent", product=("nvr", "nvr"))
    reply = talk.says("PolicyFactIntent", topic=("buy it", "where_to_buy"), purchaseDate="2025-10")
    assert "AliExpress" not in reply, reply
    assert reply.startswith("Sorry, the one-year warranty on your nvr ended on 31 October"), reply


def test_delete_my_data_said_again_to_the_offer_to_delete_is_its_yes(customer: Start) -> None:
    """P5, from a fresh corpus: "what do you know about me" - "... Shall I delete it?" or
    "delete my data" - "Do you want me to delete everything?" - "yes, erase all of it",
    heard as a delete request, asked the same question again. Said while the skill's own
    offer to delete is open, it is the yes to it."""
    talk = customer()
    assert talk.says("DeleteMyDataIntent").startswith("Do you want me to delete everything")
    assert talk.says("DeleteMyDataIntent").startswith("Done. I've deleted everything")
    assert talk.says("DeleteMyDataIntent").startswith("Do you want me to delete everything")


def test_a_fault_of_an_order_zosi_shipped_from_china_to_another_country_goes_back_free(
    customer: Start,
) -> None:
    """W7, W6, from a fresh corpus: "you shipped my NVR from China straight to me in Belarus,
    I bought it in August, it's defective, who pays the return postage" heard that from
    abroad the customer pays (W6). ZOSI shipped it across a border from China: a fault goes
    back at ZOSI's cost (W7), wherever the customer is; W6 stays for a purchase made in the
    country the customer has since left."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-08",
        aspect=("who pays the return", "who_pays"),
        reason=("it's defective", "defect"),
        product=("nvr", "nvr"),
        purchaseCountry=("china", "CN"),
        homeCountry=("belarus", "BY"),
    )
    assert "ZOSI pays the return shipping" in reply, reply
    assert "you pay the international shipping" not in reply, reply
    moved = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-08",
        aspect=("who pays the return", "who_pays"),
        reason=("it's defective", "defect"),
        product=("nvr", "nvr"),
        purchaseCountry=("russia", "RU"),
        homeCountry=("belarus", "BY"),
    )
    assert "you pay the international shipping" in moved, moved


def test_what_to_do_for_a_fault_the_refund_window_missed_hears_the_first_step(
    customer: Start,
) -> None:
    """W3, R1, from a fresh corpus: "I bought it on 5 June, it's broken, can I send it back,
    what do I do" heard that a fault gets a refund or a replacement "once ZOSI support
    confirms the fault", and not how to reach support: what to do is its first step."""
    reply = customer().says(
        "ReturnRefundIntent",
        purchaseDate="2026-06-05",
        aspect=("what do i do", "steps"),
        reason=("is broken", "defect"),
    )
    assert reply.startswith("Yes: it's under the one-year warranty until 5 June 2027"), reply
    assert "First, email ZOSI support at service at zositech dot com." in reply, reply


def test_who_pays_said_with_a_question_about_customs_is_answered_too(customer: Start) -> None:
    """W6, W9, from a fresh corpus: "I live in Georgia now and my camera from Russia is broken,
    I'm guessing I'm paying the postage, but what about the duties and taxes on top" heard
    only that customs are theirs: the postage asked first went unanswered."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("paying the postage", "who_pays"),
        reason=("is broken", "defect"),
        homeCountry=("georgia", "GE"),
        product=CAMERA,
        purchaseCountry=("russia", "RU"),
        topic=("duties", "customs"),
        alsoAspect=("taxes", "customs"),
    )
    assert reply.startswith("ZOSI doesn't pay customs clearance"), reply
    assert "you pay the international shipping" in reply, reply


def test_what_do_i_do_after_a_faults_refund_answer_is_the_report_to_support(
    customer: Start,
) -> None:
    """W3, R4, found in make chat: "my camera is broken, I bought it in June, can I get a
    refund" - "... once ZOSI support confirms the fault" - "what do I do" heard the return's
    steps, ending "Unless it's faulty, you pay the postage": a fault's next step is to
    report it to ZOSI support, whichever remedy it ends in."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent", reason=("is broken", "defect"), purchaseDate="2026-06", product=CAMERA
    )
    reply = talk.says("AMAZON.HelpIntent")
    assert reply.startswith("The first step is to email ZOSI support"), reply
    assert "Unless it's faulty" not in reply, reply


def test_a_data_question_whose_topic_names_another_rule_hears_that_rule(customer: Start) -> None:
    """W9, found in make chat: "does ZOSI cover import duties on a replacement", heard as a
    question about data, got the privacy statement: the topic it names is customs."""
    reply = customer().says("PrivacyPolicyIntent", topic=("import duties", "customs"))
    assert reply.startswith("ZOSI doesn't pay customs clearance"), reply


def test_a_data_question_that_names_a_shop_is_still_about_who_gets_the_data(
    customer: Start,
) -> None:
    """P1, from a fresh corpus: "do you give my info to Amazon" names a shop, which asks who
    gets the data, not who refunds a purchase from that shop (R5)."""
    reply = customer().says("PrivacyPolicyIntent", topic=("amazon", "third_party"))
    assert "never share" in reply, reply
    assert "refund" not in reply, reply


def test_postage_asked_of_a_purchase_dated_with_it_is_sending_it_back(customer: Start) -> None:
    """R4, D2, found in make chat: "NVR bought in May, who's paying postage" heard that
    delivery is free, the cost of a new order: postage asked of a purchase dated in the same
    breath is sending that product back."""
    reply = customer().says(
        "PolicyFactIntent",
        purchaseDate="2026-05",
        aspect=("whos paying", "who_pays"),
        product=("nvr", "nvr"),
        topic=("postage", "delivery_cost"),
    )
    assert "Delivery is free" not in reply, reply
    assert reply.startswith("If you're sending it back for a reason that isn't a quality"), reply


def test_a_detour_answered_mid_dialog_and_the_question_back_fit_in_one_breath(
    customer: Start,
) -> None:
    """One breath (issue 17, from a fresh corpus): "where is my order" asked while the skill
    waits on where a returned camera was bought heard the tracking answer whole, then the
    shop question with its three choices: 57 words. The detour's first sentence answers it
    and the question comes back whole."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        purchaseDate="2026-11-06",
        reason=("i just don't like it", "changed_mind"),
        product=CAMERA,
    )
    reply = talk.says("TrackOrderIntent")
    assert reply.startswith("You can follow your parcel with the tracking code"), reply
    assert "Back to your camera: where did you buy it?" in reply, reply
    assert len(reply.split()) <= 50, (len(reply.split()), reply)


@pytest.mark.parametrize("words", ["my city", "my town", "our village", "here"])
def test_delivery_to_my_city_asks_which_city_instead_of_not_knowing_it(
    customer: Start, words: str
) -> None:
    """D4, from a fresh corpus: "how long does delivery to my city take" filled the region
    with "my city", which matched no region: "I don't know My City in Russia". Words that
    point at the customer's own place name none: the range, then which city it is."""
    reply = customer().says("DeliveryTimeIntent", region=(words, None))
    assert "I don't know" not in reply, reply
    assert "3 to 30 business days" in reply, reply
    assert reply.endswith("Which city or region should I estimate delivery to?"), reply


def test_i_dont_know_to_which_city_hears_what_holds_anywhere_in_russia(customer: Start) -> None:
    """D2, D4, found in make chat: "I don't know" to "which city or region should I estimate
    delivery to?" heard the skill's menu, as if nothing had been asked."""
    talk = customer()
    talk.says("DeliveryTimeIntent")
    reply = talk.says("DontKnowIntent")
    assert reply.startswith("Delivery takes 3 to 30 business days"), reply
    assert "What would you like to know?" not in reply, reply


def test_how_fast_asked_with_the_card_hold_hears_both(customer: Start) -> None:
    """X3, X4, from two fresh corpora: "how fast do you ship the swap and do you hold money
    on my card" named the card hold and asked how fast: the hold was said and how fast the
    replacement ships was lost. An aspect that asks another fact of a precise topic's family
    gets that fact too."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("money on my card", "cross_ship_hold"),
        aspect=("how fast", "how_fast"),
    )
    assert reply.startswith("ZOSI puts a 30-day hold on your credit card"), reply
    assert "within 2 to 3 business days" in reply, reply


def test_how_long_asked_of_the_card_hold_is_the_holds_own_period(customer: Start) -> None:
    """X3: "how long is the hold on my card" is answered by the hold's 30 days; nothing of
    another fact is added."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("the hold on my card", "cross_ship_hold"),
        aspect=("how long", "how_long"),
    )
    assert reply.startswith("ZOSI puts a 30-day hold on your credit card"), reply
    assert "business days" not in reply, reply


def test_a_product_the_courier_dropped_is_damaged_in_transit_not_by_the_customer(
    customer: Start,
) -> None:
    """R3, R4 decision, from a fresh corpus: "the camera arrived with a cracked housing, the
    courier obviously dropped it, can I get my money back" filled the condition with "dropped
    it" and heard that a product the customer damaged gets no refund. Said with the arrival
    damage, the dropping is the carrier's: a quality problem, whose refund stands."""
    reply = customer().says(
        "PurchaseDetailsIntent",
        reason=("arrived with a cracked housing", "damaged_in_transit"),
        condition=("dropped it", "damaged_by_customer"),
        purchaseDate="2026-11-12",
        goal=("get my money back", "refund"),
        product=CAMERA,
    )
    assert "can't go back for a refund" not in reply, reply
    assert "you can return your camera for a full refund until 12 December" in reply, reply


def test_a_return_started_for_a_product_that_arrived_broken_starts_with_support(
    customer: Start,
) -> None:
    """W3, W4, found from a fresh corpus: "the doorbell arrived broken, I want to start a
    refund" heard "First, keep the product and its packaging undamaged", the refund's own
    condition, where the card listed support's authorisation first. The first step said is
    the claim's, as on the card."""
    reply = customer().says(
        "StartClaimIntent",
        reason=("arrived broken", "damaged_in_transit"),
        claimType=("refund", "refund_return"),
        product=DOORBELL,
    )
    assert "First, email ZOSI support at service at zositech dot com" in reply, reply
    assert "keep the product and its packaging undamaged" not in reply, reply


def test_a_shipping_cost_named_of_a_return_of_their_own_asks_who_pays_it(
    customer: Start,
) -> None:
    """R4, from a fresh corpus: "I ordered two cameras from your AliExpress store on 8 November
    but only need one, can I return the spare one and will the shipping cost me anything"
    heard the refund's yes and nothing of the shipping: a shipping cost named of their own
    purchase asks who pays the way back."""
    reply = customer().says(
        "PolicyFactIntent",
        purchaseDate="2026-11-08",
        store=("your aliexpress store", "zosi_official_store"),
        topic=("the shipping cost", "delivery_cost"),
        product=CAMERA,
        goal=("return", "refund"),
    )
    assert reply.startswith("Yes, you can return your camera for a full refund"), reply
    assert "you pay the return shipping" in reply, reply
    assert "Delivery is free" not in reply, reply


def test_from_abroad_the_other_fees_are_said_with_the_customs(customer: Start) -> None:
    """W6, X1, W9, from two fresh corpora: a faulty camera bought in Russia and sent from
    Germany heard that the customer pays the international shipping and customs, but not
    that other fees apply too (X1: "elsewhere extra shipping and other fees apply")."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2026-05-05",
        reason=("it's broken", "defect"),
        homeCountry=("germany", "DE"),
        purchaseCountry=("russia", "RU"),
        product=CAMERA,
    )
    assert "you pay the international shipping and any customs and other fees" in reply, reply


def test_a_faults_warranty_asked_with_an_advance_replacement_hears_the_replacement(
    customer: Start,
) -> None:
    """W1, X1, X4, from a fresh corpus: "is my NVR from 15 December 2025 still covered, and
    can you send a replacement before I return it, it keeps rebooting" heard the warranty's
    yes and who pays the repair's shipping, and the advance replacement asked waited on the
    card. The replacement's rule follows the yes."""
    reply = customer().says(
        "WarrantyStatusIntent",
        purchaseDate="2025-12-15",
        reason=("it keeps rebooting", "defect"),
        alsoTopic=("a replacement", "cross_shipping"),
        product=("nvr", "nvr"),
        store=("you", "zosi_website"),
    )
    assert reply.startswith("Yes, your nvr is under the one-year warranty until 15 December"), reply
    assert "advance replacement" in reply, reply
    assert "2 to 3 business days" in reply, reply


def test_how_long_it_takes_asked_of_a_faulty_products_warranty_is_no_delivery_estimate(
    customer: Start,
) -> None:
    """W2, X4, found in make chat: "my camera stopped recording" ... "and how long does the
    whole thing take" heard a new order's delivery dates (D4), which no rule gives a repair.
    The terms give no repair time; an advance replacement ships within 2 to 3 business days."""
    talk = customer()
    talk.says(
        "PurchaseDetailsIntent",
        reason=("stopped recording", "defect"),
        purchaseDate="2026-03",
        product=CAMERA,
    )
    reply = talk.says("DeliveryTimeIntent")
    assert reply.startswith("ZOSI's terms don't say how long a repair takes"), reply
    assert "2 to 3 business days" in reply, reply
    assert "should arrive between" not in reply, reply


def test_delivery_asked_after_a_warranty_with_no_fault_is_still_a_delivery_estimate(
    customer: Start,
) -> None:
    """D4: with no fault said, "how long does delivery take" after "is it still covered" may
    ask about a new order: the estimate, as ever."""
    talk = customer()
    talk.says("WarrantyStatusIntent", purchaseDate="2026-03", product=CAMERA)
    reply = talk.says("DeliveryTimeIntent")
    assert "it should arrive between" in reply, reply


def test_who_pays_asked_of_a_linked_order_just_decided_offers_no_check_of_theirs(
    customer: Start,
) -> None:
    """R4, found in make chat, linked: "can I still send back the camera I got last week" -
    "it works fine, just don't need it" - "who pays the postage" heard who pays, then "Would
    you like me to check yours?", of the order just decided. Their own order answered, no
    check of theirs is offered."""
    talk = customer("demo-recent")
    talk.says("ReturnRefundIntent", product=CAMERA)
    talk.says("PurchaseDetailsIntent", reason=("just don't need it", "changed_mind"))
    reply = talk.says("PolicyFactIntent", topic=("the postage", "delivery_cost"))
    assert "you pay the return shipping" in reply, reply
    assert "check yours" not in reply, reply


def test_the_remember_offer_is_asked_briefly_after_a_long_decision(customer: Start) -> None:
    """One breath: a fault's refund past the 30 days, then "I'm in Armenia now", is the decision
    with the abroad clause: with "Shall I remember this purchase for next time?" 52 words. The
    offer is asked in its brief form when the whole would not fit."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-08",
        store=("the zosi website", "zosi_website"),
        reason=("it died", "defect"),
    )
    reply = talk.says("PolicyFactIntent", homeCountry=("armenia", "AM"))
    assert "any customs and other fees" in reply, reply
    assert reply.endswith("Shall I remember this purchase?"), reply
    assert len(reply.split()) <= 50, (len(reply.split()), reply)


def test_what_to_do_asked_of_a_refund_refused_for_the_box_is_the_faults_report(
    customer: Start,
) -> None:
    """R3, W3, found in make chat: a refund refused for the box thrown away, then "it also
    stopped connecting to wifi", then "what do I do then" heard "To start a return ..." with
    the postage ZOSI pays, of a refund already ruled out. A fault's next step is the report
    to ZOSI support, asked in words or by "I don't know" alike (aspects.steps_family)."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        condition=("threw the box out", "packaging_gone"),
        product=CAMERA,
        store=("you", "zosi_website"),
    )
    talk.says("PolicyFactIntent", reason=("stopped connecting", "defect"))
    reply = talk.says("PolicyFactIntent", aspect=("what do i do", "steps"))
    assert reply.startswith("The first step is to email ZOSI support"), reply
    assert "To start a return" not in reply, reply


def test_a_fault_told_under_warranty_hears_how_its_claim_starts(customer: Start) -> None:
    """W3, from fresh corpora: "my camera stopped recording, I bought it on 1 June on your
    AliExpress store, can I get a new one?" heard the warranty's yes and who pays, then "Shall I
    remember this purchase for next time?": nothing of what to do. Support comes first."""
    talk = customer()
    reply = talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate="2026-06-01",
        store=("your aliexpress store", "zosi_official_store"),
        reason=("stopped recording", "defect"),
    )
    assert reply.startswith("Yes, your camera is under the one-year warranty"), reply
    assert "First, email ZOSI support at service at zositech dot com." in reply, reply
    assert reply.endswith("Shall I remember this purchase for next time?"), reply


def test_the_claims_start_is_left_to_the_card_when_it_would_not_fit(customer: Start) -> None:
    """One breath: from abroad the warranty's yes says who pays the way back (W6), and the first
    step with the offer after it would be over 50 words; the offer stays, the card has the steps."""
    talk = customer()
    reply = talk.says(
        "WarrantyStatusIntent",
        product=CAMERA,
        purchaseDate="2025-12",
        reason=("stopped recording", "defect"),
        homeCountry=("kazakhstan", "KZ"),
        purchaseCountry=("moscow", "RU"),
    )
    assert "any customs and other fees" in reply, reply
    assert "First, email" not in reply, reply
    assert reply.endswith("?"), reply
    assert len(reply.split()) <= 50, (len(reply.split()), reply)


def test_no_claims_start_is_told_for_damage_the_customer_did(customer: Start) -> None:
    """W8: support decides whether the warranty covers damage the customer caused; the yes
    says to ask, and no claim is started as if it were a fault."""
    talk = customer()
    reply = talk.says(
        "WarrantyStatusIntent",
        product=CAMERA,
        purchaseDate="2026-06-01",
        condition=("i dropped it", "damaged_by_customer"),
    )
    assert "First, email" not in reply, reply


def test_a_gift_said_after_a_faulty_products_warranty_yes_hears_the_givers_receipt(
    customer: Start,
) -> None:
    """R6, from a fresh corpus: "oh, it was a gift actually, my sister bought it", after the
    warranty's yes for a camera that stopped working, heard the yes alone: the shipping note
    won over the giver's, and the answer, said again word for word, was cut to its first
    sentence. A gift's receipt comes first: no claim starts without it."""
    talk = customer()
    talk.says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        purchaseDate="2026-06-20",
        store=("your website", "zosi_website"),
        reason=("stopped working", "defect"),
    )
    reply = talk.says("PurchaseDetailsIntent", store=("it was a gift", "gift"))
    assert reply.startswith("Yes, your camera is under the one-year warranty"), reply
    assert "ask the giver for the receipt" in reply, reply
    assert "First, email" not in reply, reply
