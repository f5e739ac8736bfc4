"""The local NLU simulator sends what Alexa would: intent, slots, resolutions and dialog state.

Said on Saturday 21 November 2026, so spoken dates resolve against that day.
"""

import subprocess
import sys
from datetime import date
from typing import Any

import pytest

from devtools.models import LOCALES, load_model
from devtools.nlu import ER_AUTHORITY, FALLBACK_THRESHOLDS, Invocation, Nlu, words
from devtools.nlu_classifier import OUT_OF_DOMAIN, Guess, training_examples

SATURDAY = date(2026, 11, 21)
#: The slots ReturnRefundIntent declares, each sent (filled or not) with every request.
RETURN_REFUND_SLOTS = {
    "product",
    "purchaseDate",
    "productAge",
    "store",
    "reason",
    "condition",
    "aspect",
    "alsoAspect",
    "alsoTopic",
}
NO_MATCH = "NO_MATCH"


@pytest.fixture(scope="module")
def nlu() -> Nlu:
    return Nlu.for_locale("en-US", SATURDAY)


def filled(intent: dict[str, Any]) -> dict[str, Any]:
    """Filled slots as {name: value id, the date value, or (NO_MATCH, spoken words)}."""
    out: dict[str, Any] = {}
    for name, slot in intent["slots"].items():
        if "value" not in slot:
            continue
        authorities = slot.get("resolutions", {}).get("resolutionsPerAuthority", [])
        if not authorities:
            out[name] = slot["value"]
        elif authorities[0]["status"]["code"] == "ER_SUCCESS_MATCH":
            out[name] = authorities[0]["values"][0]["value"]["id"]
        else:
            out[name] = (NO_MATCH, slot["value"])
    return out


@pytest.mark.parametrize(
    ("utterance", "intent", "slots"),
    [
        # ReturnRefundIntent (R1-R6), one-shot with several slots
        (
            "can I return the camera I bought on March 3rd 2026 from Amazon",
            "ReturnRefundIntent",
            {"product": "camera", "purchaseDate": "2026-03-03", "store": "third_party"},
        ),
        (
            "Can I return the NVR I bought yesterday?",
            "ReturnRefundIntent",
            {"product": "nvr", "purchaseDate": "2026-11-20"},
        ),
        ("can I send back my doorbell", "ReturnRefundIntent", {"product": "doorbell"}),
        ("I'd like a refund", "ReturnRefundIntent", {}),
        ("Id like a refund", "ReturnRefundIntent", {}),
        ("what's your return policy", "ReturnRefundIntent", {}),
        ("can I swap my kit for another one", "ReturnRefundIntent", {"product": "kit"}),
        (
            "I want to return my camera because I changed my mind",
            "ReturnRefundIntent",
            {"product": "camera", "reason": "changed_mind"},
        ),
        (
            "my hard drive arrived damaged can I return it",
            "ReturnRefundIntent",
            {"product": "hard_drive", "reason": "damaged_in_transit"},
        ),
        (
            "I bought a camera from the official AliExpress store last week can I return it",
            "ReturnRefundIntent",
            {"product": "camera", "store": "zosi_official_store", "purchaseDate": "2026-W46"},
        ),
        (
            "can I return the camera I bought from zositech.com",
            "ReturnRefundIntent",
            {"product": "camera", "store": "zosi_website"},
        ),
        (
            "can I return my toaster",
            "ReturnRefundIntent",
            {"product": (NO_MATCH, "toaster")},
        ),
        (
            "can I return a P.O.E. camera I got from ozon",
            "ReturnRefundIntent",
            {"product": "camera", "store": "third_party"},
        ),
        # WarrantyStatusIntent (W1)
        (
            "is my NVR I bought last March still under warranty",
            "WarrantyStatusIntent",
            {"product": "nvr", "purchaseDate": "2026-03"},
        ),
        ("is it still under warranty", "WarrantyStatusIntent", {}),
        ("how long is the warranty on a doorbell", "WarrantyStatusIntent", {"product": "doorbell"}),
        (
            "I bought it in China and I live in Russia is it still under warranty",
            "WarrantyStatusIntent",
            {"purchaseCountry": "CN", "homeCountry": "RU"},
        ),
        (
            "is a camera from eBay covered by warranty",
            "WarrantyStatusIntent",
            {"product": "camera", "store": "third_party"},
        ),
        (
            "I bought my security camera in the U.S. does the warranty cover it in Kazakhstan",
            "WarrantyStatusIntent",
            {"product": "camera", "purchaseCountry": "US", "homeCountry": "KZ"},
        ),
        (
            "is the warranty valid in Atlantis",
            "WarrantyStatusIntent",
            {"homeCountry": (NO_MATCH, "atlantis")},
        ),
        # CrossShipIntent (X1-X4)
        ("can you send me a replacement first", "CrossShipIntent", {}),
        ("I need an advance replacement for my DVR", "CrossShipIntent", {"product": "dvr"}),
        (
            "I bought my camera in Germany can you cross ship to Russia",
            "CrossShipIntent",
            {"product": "camera", "purchaseCountry": "DE", "homeCountry": "RU"},
        ),
        (
            "can I get an advance replacement for a kit I bought 3 months ago",
            "CrossShipIntent",
            {"product": "kit", "purchaseDate": "2026-08"},
        ),
        # StartClaimIntent (W3-W4)
        ("how do I start a return", "StartClaimIntent", {"claimType": "refund_return"}),
        (
            "start a return for my camera",
            "StartClaimIntent",
            {"claimType": "refund_return", "product": "camera"},
        ),
        ("my camera is broken, I need a replacement", "StartClaimIntent", {"product": "camera"}),
        (
            "my doorbell stopped working",
            "StartClaimIntent",
            {"product": "doorbell", "reason": "defect"},
        ),
        ("How do I get an RMA?", "StartClaimIntent", {}),
        ("I need an R.M.A. for my monitor", "StartClaimIntent", {"product": "monitor"}),
        (
            "I want to start a warranty claim",
            "StartClaimIntent",
            {"claimType": "warranty_repair"},
        ),
        (
            "file a refund request for my power adapter",
            "StartClaimIntent",
            {"claimType": "refund_return", "product": "accessory"},
        ),
        # DeliveryTimeIntent (D1-D4)
        ("how long does delivery to Kazan take", "DeliveryTimeIntent", {"region": "kazan"}),
        (
            "if I order today when will it arrive in Kazan",
            "DeliveryTimeIntent",
            {"orderDate": "2026-11-21", "region": "kazan"},
        ),
        ("how long does delivery take", "DeliveryTimeIntent", {}),
        ("do you ship to St. Petersburg", "DeliveryTimeIntent", {"region": "saint_petersburg"}),
        ("is delivery to Narnia free", "DeliveryTimeIntent", {"region": (NO_MATCH, "narnia")}),
        ("do you ship to Kazakhstan", "DeliveryTimeIntent", {"country": "KZ"}),
        ("can you deliver to the U. S.", "DeliveryTimeIntent", {"country": "US"}),
        ("how long does delivery to Belarus take", "DeliveryTimeIntent", {"country": "BY"}),
        ("is delivery free to Russia", "DeliveryTimeIntent", {"country": "RU"}),
        ("can I order from Germany", "DeliveryTimeIntent", {"country": "DE"}),
        ("do you deliver to Moscow", "DeliveryTimeIntent", {"region": "moscow"}),
        (
            "if I order on Monday when will it arrive",
            "DeliveryTimeIntent",
            {"orderDate": "2026-11-23"},
        ),
        # TrackOrderIntent (D5)
        ("where's my order", "TrackOrderIntent", {}),
        ("where is my doorbell", "TrackOrderIntent", {"product": "doorbell"}),
        ("how do I track my parcel", "TrackOrderIntent", {}),
        ("my NVR hasn't arrived yet", "TrackOrderIntent", {"product": "nvr"}),
        ("what's the status of my order", "TrackOrderIntent", {}),
        # ContactSupportIntent (C1)
        ("how do I contact ZOSI", "ContactSupportIntent", {}),
        ("what's the support email", "ContactSupportIntent", {}),
        ("whats your phone number", "ContactSupportIntent", {}),
        # PrivacyPolicyIntent (P1-P9)
        ("what do you do with my data", "PrivacyPolicyIntent", {}),
        ("do you sell my data?", "PrivacyPolicyIntent", {}),
        ("privacy policy", "PrivacyPolicyIntent", {}),
        # MyDataIntent (P4)
        ("what do you know about me", "MyDataIntent", {}),
        ("what have you stored", "MyDataIntent", {}),
        # DeleteMyDataIntent (P5-P6)
        ("delete my data", "DeleteMyDataIntent", {}),
        ("forget everything", "DeleteMyDataIntent", {}),
        ("please forget me", "DeleteMyDataIntent", {}),
        # ClaimStatusIntent (W4)
        ("what's the status of my return", "ClaimStatusIntent", {}),
        ("where is my refund", "ClaimStatusIntent", {}),
        ("track my return", "ClaimStatusIntent", {}),
        # PolicyFactIntent (any rule, asked as a general question)
        ("how does cross-shipping work", "PolicyFactIntent", {"topic": "cross_shipping"}),
        (
            "how long is the warranty",
            "PolicyFactIntent",
            {"aspect": "how_long", "topic": "warranty_length"},
        ),
        ("who pays customs duties", "PolicyFactIntent", {"topic": "customs"}),
        ("do I need a reason to return it", "PolicyFactIntent", {"topic": "return_reason"}),
        ("how many days do I have to return it", "PolicyFactIntent", {"topic": "return_window"}),
        ("who pays for return shipping", "PolicyFactIntent", {"topic": "return_shipping"}),
        ("is delivery free", "PolicyFactIntent", {"topic": "delivery_cost"}),
        ("where do you ship from", "PolicyFactIntent", {"topic": "ships_from"}),
        ("what if it's not faulty", "PolicyFactIntent", {"topic": "not_defective"}),
        ("I got it as a gift", "PolicyFactIntent", {"topic": "gift"}),
        ("what if I bought it on Amazon", "PolicyFactIntent", {"topic": "third_party"}),
        ("how long do you keep my data", "PolicyFactIntent", {"topic": "data_retention"}),
        ("can a child use this", "PolicyFactIntent", {"topic": "minors"}),
        ("what about the weather", "AMAZON.FallbackIntent", {}),
        # a follow-up's leading "and" / "okay" and a trailing "dear" are read past
        ("and who pays for return shipping", "PolicyFactIntent", {"topic": "return_shipping"}),
        ("okay where do you ship from", "PolicyFactIntent", {"topic": "ships_from"}),
        ("how long do you keep my data dear", "PolicyFactIntent", {"topic": "data_retention"}),
        # built-ins
        ("yes", "AMAZON.YesIntent", {}),
        ("yeah", "AMAZON.YesIntent", {}),
        ("please do", "AMAZON.YesIntent", {}),
        ("nope", "AMAZON.NoIntent", {}),
        ("no thanks", "AMAZON.NoIntent", {}),
        ("help", "AMAZON.HelpIntent", {}),
        ("what can I say", "AMAZON.HelpIntent", {}),
        ("goodbye", "AMAZON.StopIntent", {}),
        ("exit", "AMAZON.StopIntent", {}),
        ("never mind", "AMAZON.CancelIntent", {}),
        ("forget it", "AMAZON.CancelIntent", {}),
        ("go home", "AMAZON.NavigateHomeIntent", {}),
        # anything else
        # P3 asked with a verb or an adjective: the security fact, not the general statement
        ("do you encrypt what i tell you", "PolicyFactIntent", {"topic": "data_security"}),
        ("how do you protect it", "PrivacyPolicyIntent", {"topic": "data_security"}),
        ("is my data secure", "PrivacyPolicyIntent", {"topic": "data_security"}),
        # P9: when it is deleted asks how long it is kept, not to delete it now
        ("when do you delete my data", "DeleteMyDataIntent", {"aspect": "how_long"}),
        # P5: what disabling the skill does to what was stored
        (
            "if i disable the skill will it delete what you stored",
            "PrivacyPolicyIntent",
            {"topic": "data_deletion"},
        ),
        # R3: the product's state said in the customer's own words
        (
            "the box got crushed when i moved house, can i return the nvr",
            "ReturnRefundIntent",
            {"condition": "packaging_gone", "product": "nvr"},
        ),
        (
            "the camera slipped out of my hands and the lens cracked, can i get a refund",
            "ReturnRefundIntent",
            {"condition": "damaged_by_customer", "product": "camera"},
        ),
        # X3: what happens if the faulty one is not sent back in time
        (
            "what happens if i forget to send the old camera back",
            "PolicyFactIntent",
            {"aspect": "late"},
        ),
        # W2: a fault asked about as a what-if ("and if it breaks later?") is a fault, not a stop
        ("and if it breaks later", "PolicyFactIntent", {"reason": "defect"}),
        ("what if it goes wrong one day", "PolicyFactIntent", {"reason": "defect"}),
        # W8: no fault found, in the customer's words; W4: the label once approved
        (
            "what happens if the technicians can't find a fault",
            "PolicyFactIntent",
            {"aspect": "not_faulty"},
        ),
        (
            "do I pay if the damage isn't covered",
            "PolicyFactIntent",
            {"aspect": "not_faulty", "alsoAspect": "who_pays"},
        ),
        (
            "do you send me a shipping label for the warranty return",
            "WarrantyStatusIntent",
            {"aspect": "approved"},
        ),
        # R3: damage and a lost box in more words; R4: damage found on opening is transit damage
        (
            "I dented the doorbell when I was mounting it, refund possible?",
            "ReturnRefundIntent",
            {"condition": "damaged_by_customer"},
        ),
        (
            "the box got squashed in my garage, can I still return the camera",
            "ReturnRefundIntent",
            {"condition": "packaging_gone", "product": "camera"},
        ),
        (
            "the camera came cracked out of the box, can I return it",
            "ReturnRefundIntent",
            {"reason": "damaged_in_transit", "product": "camera"},
        ),
        # R3, R4, from a fresh corpus: a lost box, damage done and damage on arrival in
        # everyday words, each once a refund promised for a product ZOSI does not take back
        (
            "i tossed the box, can i still return the doorbell",
            "ReturnRefundIntent",
            {"condition": "packaging_gone", "product": "doorbell"},
        ),
        (
            "the box is long gone, is a refund still possible",
            "ReturnRefundIntent",
            {"condition": "packaging_gone"},
        ),
        (
            "i stood on the camera by accident, can i get a refund",
            "ReturnRefundIntent",
            {"condition": "damaged_by_customer"},
        ),
        (
            "the camera arrived with a cracked housing, can i return it",
            "ReturnRefundIntent",
            {"reason": "damaged_in_transit", "product": "camera"},
        ),
        ("what's the weather in Paris", "AMAZON.FallbackIntent", {}),
        ("blue elephants dance", "AMAZON.FallbackIntent", {}),
        ("", "AMAZON.FallbackIntent", {}),
    ],
)
def test_utterance_is_understood_as_alexa_would(nlu, utterance, intent, slots):
    understanding = nlu.understand(utterance)
    assert understanding.intent["name"] == intent
    assert filled(understanding.intent) == slots
    assert understanding.dialog_state is None


@pytest.mark.parametrize(
    ("utterance", "slot", "value"),
    [
        # R4: "change of mind" was no reason, and who pays was said for both kinds
        ("change of mind return. who pays shipping?", "reason", "changed_mind"),
        # R3: each was once "Yes, you can return it for a full refund"
        (
            "kid broke the doorbell. zosi website, nov 10 2026. refund?",
            "condition",
            "damaged_by_customer",
        ),
        (
            "it stopped working and i'd already thrown out the packaging, can i get a refund",
            "condition",
            "packaging_gone",
        ),
        (
            "my son flattened the box for the recycling, can we get our money back",
            "condition",
            "packaging_gone",
        ),
    ],
)
def test_a_state_or_reason_in_everyday_words_fills_its_slot(nlu, utterance, slot, value):
    # From a fresh corpus: the reason and the product's state decide the refund and who pays
    # (R3, R4); said in words the model did not have, they were dropped and a refund promised.
    assert filled(nlu.understand(utterance).intent).get(slot) == value


@pytest.mark.parametrize(
    ("utterance", "slot", "value"),
    [
        # R3, from a fresh corpus: "dropped it" is listed, "drop it" is the same words in
        # another form, and the refund it rules out was promised
        (
            "is broke because i drop it in the water bucket, money back is possible?",
            "condition",
            "damaged_by_customer",
        ),
        ("i smashing it, can i return it", "condition", "damaged_by_customer"),
        # R4: "stopped recording" said as "stops recording"
        ("the camera stops recording at night, who pays the return", "reason", "defect"),
    ],
)
def test_what_happened_to_the_product_is_heard_in_any_form_of_its_words(
    nlu, utterance, slot, value
):
    assert filled(nlu.understand(utterance).intent).get(slot) == value


def test_what_happened_to_the_product_pulls_the_intent_that_can_hold_it(nlu):
    # R4, from a fresh corpus: "arrived smashed. refund?" came nearly as close to a claim's
    # status as to a claim on its words, and the status holds no reason: the transit damage
    # was lost and the customer heard that ZOSI's terms set no time for a refund
    understood = nlu.understand("arrived smashed. refund?").intent
    assert understood["name"] != "ClaimStatusIntent"
    assert filled(understood).get("reason") == "damaged_in_transit"


def test_a_topic_is_heard_only_as_listed_not_in_another_form_of_its_words(nlu):
    # "buy" is no topic, and "buying" is where to buy: a stem shared by two different
    # meanings would send "i buy in wildberries ... money back?" to where ZOSI sells
    heard = filled(
        nlu.understand("i buy in wildberries, camera i not like, you give money back?").intent
    )
    assert heard.get("topic") is None


def test_damage_someone_else_did_is_not_the_customers_own(nlu):
    # R3, R4, from a fresh corpus: "the box looked like someone had stood on it" tells of the
    # parcel's trip, not of damage the customer did: a refund refused for it was a wrong
    # answer. Only "I stood on it" says the customer did it.
    heard = filled(nlu.understand("the box looked like someone had stood on it").intent)
    assert heard.get("condition") != "damaged_by_customer"
    heard = filled(nlu.understand("i stood on it, can i still return it").intent)
    assert heard.get("condition") == "damaged_by_customer"


def test_every_declared_slot_is_sent_and_unfilled_ones_carry_only_name_and_status(nlu):
    intent = nlu.understand("can I return my camera").intent
    assert set(intent["slots"]) == RETURN_REFUND_SLOTS
    assert intent["slots"]["store"] == {"name": "store", "confirmationStatus": "NONE"}
    assert intent["confirmationStatus"] == "NONE"


def test_a_resolved_custom_slot_has_alexas_exact_shape(nlu):
    slot = nlu.understand("can I return my security camera").intent["slots"]["product"]
    assert slot == {
        "name": "product",
        "value": "security camera",
        "confirmationStatus": "NONE",
        "source": "USER",
        "resolutions": {
            "resolutionsPerAuthority": [
                {
                    "authority": ER_AUTHORITY + "ProductType",
                    "status": {"code": "ER_SUCCESS_MATCH"},
                    "values": [{"value": {"name": "camera", "id": "camera"}}],
                }
            ]
        },
    }
    assert ER_AUTHORITY == "amzn1.er-authority.echo-sdk.amzn1.ask.skill.local."


def test_an_unknown_value_in_a_slot_position_has_no_match_status_and_no_values(nlu):
    slot = nlu.understand("can I return my toaster").intent["slots"]["product"]
    (authority,) = slot["resolutions"]["resolutionsPerAuthority"]
    assert authority["status"] == {"code": "ER_SUCCESS_NO_MATCH"}
    assert "values" not in authority


def test_a_date_never_fills_a_custom_slot_as_an_unknown_value(nlu):
    """ "I bought it in September 2025" fits "I bought it in {purchaseCountry}" word for word;
    Alexa hears the date in it, not a country named "September 2025" (from a dev corpus,
    where the skill then lost the date and asked "What else would you like to know?")."""
    understood = nlu.understand("i bought it in september 2025").intent
    assert filled(understood) == {"purchaseDate": "2025-09"}


def test_a_date_slot_holds_the_resolved_date_and_no_resolutions(nlu):
    slot = nlu.understand("can I return the camera I bought yesterday").intent["slots"]
    assert slot["purchaseDate"] == {
        "name": "purchaseDate",
        "value": "2026-11-20",
        "confirmationStatus": "NONE",
        "source": "USER",
    }


RETURN_IN_PROGRESS = {
    "name": "ReturnRefundIntent",
    "confirmationStatus": "NONE",
    "slots": {
        "product": {"name": "product", "value": "camera", "confirmationStatus": "NONE"},
        "purchaseDate": {"name": "purchaseDate", "confirmationStatus": "NONE"},
    },
}


def elicit(slot: str) -> dict[str, Any]:
    return {"type": "Dialog.ElicitSlot", "slotToElicit": slot, "updatedIntent": RETURN_IN_PROGRESS}


@pytest.mark.parametrize(
    ("utterance", "slot", "expected"),
    [
        ("I bought it from ozon market", "store", (NO_MATCH, "ozon market")),
        ("Amazon", "store", "third_party"),
        ("it was a gift", "store", "gift"),
        ("my son gave it to me", "store", "gift"),
        ("I got it as a gift", "store", "gift"),
        ("from your website", "store", "zosi_website"),
        # found in make chat: a hedge after the answer is no part of its value
        ("the website i think", "store", "zosi_website"),
        ("amazon probably", "store", "third_party"),
        ("yesterday", "purchaseDate", "2026-11-20"),
        ("I bought it last week", "purchaseDate", "2026-W46"),
        ("around the 5th of March 2026", "purchaseDate", "2026-03-05"),
        ("it stopped working", "reason", "defect"),
        ("because I don't need it", "reason", "changed_mind"),
    ],
)
def test_an_answer_to_an_elicited_slot_fills_it_and_keeps_the_others(
    nlu, utterance, slot, expected
):
    understanding = nlu.understand(utterance, elicit(slot))
    assert understanding.dialog_state == "IN_PROGRESS"
    assert understanding.intent["name"] == "ReturnRefundIntent"
    assert filled(understanding.intent) == {"product": "camera", slot: expected}
    assert set(understanding.intent["slots"]) == RETURN_REFUND_SLOTS


def test_a_date_said_to_the_shop_question_fills_the_date_not_the_shop(nlu):
    """Audit-style self-correction: "sorry no, the 18th" answers the date, not "where?"."""
    understanding = nlu.understand("sorry no, the 18th", elicit("store"))
    assert understanding.dialog_state == "IN_PROGRESS"
    assert filled(understanding.intent) == {"product": "camera", "purchaseDate": "2026-12-18"}


def test_eliciting_does_not_change_the_pending_intent_it_was_given(nlu):
    nlu.understand("amazon", elicit("store"))
    assert "store" not in RETURN_IN_PROGRESS["slots"]


@pytest.mark.parametrize(
    ("utterance", "intent"),
    [
        ("stop", "AMAZON.StopIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("how long does delivery to Kazan take", "DeliveryTimeIntent"),
        ("delete my data", "DeleteMyDataIntent"),
    ],
)
def test_a_better_match_of_another_intent_interrupts_the_dialog_as_a_fresh_intent(
    nlu, utterance, intent
):
    understanding = nlu.understand(utterance, elicit("store"))
    assert understanding.intent["name"] == intent
    assert understanding.dialog_state is None


def test_a_date_elicitation_does_not_accept_words_that_are_not_a_date(nlu):
    understanding = nlu.understand("purple", elicit("purchaseDate"))
    assert understanding.intent["name"] == "AMAZON.FallbackIntent"
    assert understanding.dialog_state is None


@pytest.mark.parametrize(("answer", "status"), [("yes", "CONFIRMED"), ("no", "DENIED")])
def test_yes_or_no_to_a_slot_confirmation_confirms_or_denies_that_slot(nlu, answer, status):
    pending = {
        "type": "Dialog.ConfirmSlot",
        "slotToConfirm": "product",
        "updatedIntent": RETURN_IN_PROGRESS,
    }
    understanding = nlu.understand(answer, pending)
    assert understanding.dialog_state == "IN_PROGRESS"
    assert understanding.intent["slots"]["product"]["confirmationStatus"] == status
    assert understanding.intent["slots"]["product"]["value"] == "camera"
    assert understanding.intent["confirmationStatus"] == "NONE"


@pytest.mark.parametrize(("answer", "status"), [("sure", "CONFIRMED"), ("nope", "DENIED")])
def test_yes_or_no_to_an_intent_confirmation_confirms_or_denies_the_intent(nlu, answer, status):
    pending = {"type": "Dialog.ConfirmIntent", "updatedIntent": RETURN_IN_PROGRESS}
    understanding = nlu.understand(answer, pending)
    assert understanding.dialog_state == "IN_PROGRESS"
    assert understanding.intent["name"] == "ReturnRefundIntent"
    assert understanding.intent["confirmationStatus"] == status


def test_anything_but_yes_or_no_to_a_confirmation_is_understood_afresh(nlu):
    pending = {"type": "Dialog.ConfirmIntent", "updatedIntent": RETURN_IN_PROGRESS}
    understanding = nlu.understand("where is my order", pending)
    assert understanding.intent["name"] == "TrackOrderIntent"
    assert understanding.dialog_state is None


def test_a_directive_without_an_updated_intent_falls_back_to_normal_matching(nlu):
    understanding = nlu.understand("yes", {"type": "Dialog.ConfirmIntent"})
    assert understanding.intent["name"] == "AMAZON.YesIntent"
    assert understanding.dialog_state is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("open zosi care", Invocation("launch", "")),
        ("Alexa, launch ZOSI Care", Invocation("launch", "")),
        ("start zosi care", Invocation("launch", "")),
        ("ask zosi care", Invocation("launch", "")),
        (
            "Alexa, ask ZOSI Care whether I can return my camera",
            Invocation("oneshot", "i can return my camera"),
        ),
        ("ask zosi care about delivery times", Invocation("oneshot", "delivery times")),
        ("ask zosi care where's my order", Invocation("oneshot", "where's my order")),
        ("tell zosi care to delete my data", Invocation("oneshot", "delete my data")),
        ("zosi care where is my order", Invocation("oneshot", "where is my order")),
        ("open zosi care and track my order", Invocation("oneshot", "track my order")),
        ("where is my order", Invocation("utterance", "where is my order")),
        ("start a return", Invocation("utterance", "start a return")),
    ],
)
def test_invocation_phrases_are_told_apart(nlu, text, expected):
    assert nlu.parse_invocation(text) == expected


def test_a_one_shot_question_is_understood_after_the_invocation(nlu):
    invocation = nlu.parse_invocation("ask zosi care if my camera is still under warranty")
    understanding = nlu.understand(invocation.utterance)
    assert understanding.intent["name"] == "WarrantyStatusIntent"
    assert filled(understanding.intent) == {"product": "camera"}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_understands_the_shared_questions(locale):
    nlu = Nlu.for_locale(locale, SATURDAY)
    assert nlu.understand("how long does delivery to Moscow take").intent["name"] == (
        "DeliveryTimeIntent"
    )


def test_british_post_wording_is_a_sample_in_en_gb_but_not_in_en_us():
    posted = "has my parcel been posted"
    british = Nlu.for_locale("en-GB", SATURDAY, strict=True).understand(posted)
    american = Nlu.for_locale("en-US", SATURDAY, strict=True).understand(posted)
    assert british.intent["name"] == "TrackOrderIntent"
    assert american.intent["name"] == "AMAZON.FallbackIntent"


def test_words_no_sample_matches_are_understood_by_the_trained_classifier(nlu):
    understanding = nlu.understand("i'd like you to erase everything about me")
    assert understanding.intent["name"] == "DeleteMyDataIntent"
    assert understanding.how == "trained"
    assert 0.0 < understanding.confidence <= 1.0


def test_the_classifier_is_asked_about_the_words_as_it_was_trained_on_them(nlu):
    # Samples are learnt without apostrophes ("dont"), so a typed "don't" must be asked about
    # the same way, or its word features are never seen.
    with_apostrophe = nlu.understand("well to be fair i don't know that one")
    without = nlu.understand("well to be fair i dont know that one")
    assert with_apostrophe.how == "trained"
    assert (with_apostrophe.intent, with_apostrophe.confidence) == (
        without.intent,
        without.confidence,
    )


def test_the_fallback_class_learns_the_models_fallback_samples_and_the_generic_sentences():
    examples = training_examples(
        {"AMAZON.FallbackIntent": ["How do I mount it"], "ContactSupportIntent": ["call support"]},
        {"AMAZON.FallbackIntent": {}, "ContactSupportIntent": {}},
        {},
        normalise=str.lower,
    )
    fallback = {text for text, intent in examples if intent == "AMAZON.FallbackIntent"}
    assert fallback == {"how do i mount it", *(sentence.lower() for sentence in OUT_OF_DOMAIN)}
    assert ("call support", "ContactSupportIntent") in examples


def test_an_out_of_domain_sentence_is_written_once_in_the_model_or_in_the_generic_list():
    language = load_model("en-US")["interactionModel"]["languageModel"]
    (fallback,) = [
        intent["samples"]
        for intent in language["intents"]
        if intent["name"] == "AMAZON.FallbackIntent"
    ]
    generic = {" ".join(words(sentence)) for sentence in OUT_OF_DOMAIN}
    assert [sample for sample in fallback if " ".join(words(sample)) in generic] == []


@pytest.mark.parametrize(
    "utterance",
    [
        # A customer audit heard these answered with a delivery estimate, the privacy statement
        # and ZOSI's contact details; none is a sample.
        "what's fifteen times twelve",
        "how do you say thank you in russian",
        "send an email to my boss",
        "how do I install the doorbell",
        "what's the password for my camera",
    ],
)
def test_near_domain_requests_the_skill_does_not_answer_are_out_of_domain(nlu, utterance):
    assert nlu.understand(utterance).intent["name"] == "AMAZON.FallbackIntent"


@pytest.mark.parametrize(
    "utterance", ["is my arlo doorbell under warranty", "can I send my hikvision camera back"]
)
def test_another_brands_product_is_out_of_domain_or_named_as_not_zosis(nlu, utterance):
    """Worded like a sample, another brand's product fills the sample's product slot with the
    value the skill answers as AMAZON.FallbackIntent (handlers.not_ours), as Alexa would."""
    intent = nlu.understand(utterance).intent
    if intent["name"] != "AMAZON.FallbackIntent":
        slot = intent["slots"]["product"]
        (authority,) = slot["resolutions"]["resolutionsPerAuthority"]
        assert authority["values"][0]["value"]["id"] == "other_brand", intent


def test_a_fault_that_shows_in_the_app_or_after_an_update_is_still_a_claim(nlu):
    # The model's Fallback samples ask how to update and what the app does; these are faults.
    for utterance in (
        "since the firmware update my camera is dead",
        "my doorbell doesn't show up in the app anymore",
    ):
        assert nlu.understand(utterance).intent["name"] == "StartClaimIntent", utterance


class _SureOf:
    """A classifier that always guesses one intent with one probability, and how out-of-domain."""

    def __init__(self, intent: str, confidence: float, out_of_domain: float = 0.0) -> None:
        self._guess = Guess(intent, confidence, out_of_domain)

    def guess(self, text: str) -> Guess:
        return self._guess


def test_the_fallback_threshold_is_the_one_the_models_sensitivity_level_names(nlu):
    model = load_model("en-US")
    level = model["interactionModel"]["languageModel"]["modelConfiguration"][
        "fallbackIntentSensitivity"
    ]["level"]
    assert nlu.threshold == FALLBACK_THRESHOLDS[level]
    model["interactionModel"]["languageModel"]["modelConfiguration"] = {
        "fallbackIntentSensitivity": {"level": "HIGH"}
    }
    assert Nlu(model, SATURDAY).threshold == FALLBACK_THRESHOLDS["HIGH"]
    assert Nlu(model, SATURDAY, sensitivity="LOW").threshold == FALLBACK_THRESHOLDS["LOW"]


def test_a_higher_sensitivity_sends_a_guess_with_less_out_of_domain_probability_to_fallback():
    assert FALLBACK_THRESHOLDS["LOW"] > FALLBACK_THRESHOLDS["MEDIUM"] > FALLBACK_THRESHOLDS["HIGH"]
    understood = {}
    for level in FALLBACK_THRESHOLDS:
        nlu = Nlu.for_locale("en-US", SATURDAY, sensitivity=level)
        guess = _SureOf("ContactSupportIntent", 0.6, out_of_domain=0.3)
        nlu._classifier = {"trained": guess}  # type: ignore[dict-item]
        understood[level] = nlu.understand("could someone from zosi ring me").intent["name"]
    assert understood == {
        "LOW": "ContactSupportIntent",
        "MEDIUM": "ContactSupportIntent",
        "HIGH": "AMAZON.FallbackIntent",
    }


def test_an_in_domain_request_split_between_intents_is_not_sent_to_fallback():
    # Alexa decides out-of-domain apart from which intent: a ramble that is 35% a return, 30% a
    # warranty question and 25% a purchase statement is still ZOSI's, and goes to the return.
    nlu = Nlu.for_locale("en-US", SATURDAY)
    said = "could someone from zosi ring me"
    split = _SureOf("ContactSupportIntent", 0.35, out_of_domain=0.1)
    nlu._classifier = {"trained": split}  # type: ignore[dict-item]
    assert nlu.understand(said).intent["name"] == "ContactSupportIntent"
    no_evidence = _SureOf("ContactSupportIntent", 0.15, out_of_domain=0.1)
    nlu._classifier = {"trained": no_evidence}  # type: ignore[dict-item]
    assert nlu.understand(said).intent["name"] == "AMAZON.FallbackIntent"


def test_a_dated_copy_resolves_dates_from_its_own_day_and_shares_the_classifier(nlu):
    new_year = nlu.dated(date(2026, 12, 30))
    said = "i want to return my camera i bought last week"

    assert filled(nlu.understand(said).intent)["purchaseDate"] == "2026-W46"
    assert filled(new_year.understand(said).intent)["purchaseDate"] == "2026-W52"
    assert new_year.understand("i'd like you to erase everything about me").how == "trained"
    assert new_year._trained() is nlu._trained()


def test_a_trained_reading_fills_slots_wherever_the_values_are_said(nlu):
    understanding = nlu.understand("i live in germany and bought it in china is the warranty ok")
    assert understanding.intent["name"] == "WarrantyStatusIntent"
    assert understanding.how == "trained"
    assert filled(understanding.intent) == {"homeCountry": "DE", "purchaseCountry": "CN"}


def test_a_shop_that_also_names_a_general_topic_fills_the_shop(nlu):
    # "the ZOSI website" is a PolicyTopic synonym (who may return) and a PurchaseChannel: said
    # where either slot fits, it is where the product came from (R2), not a second question.
    understanding = nlu.understand(
        "what are the rules for sending back something from the zosi website"
    )
    assert understanding.intent["name"] == "PolicyFactIntent"
    assert filled(understanding.intent) == {"store": "zosi_website"}


@pytest.mark.parametrize(
    ("utterance", "date"),
    [
        ("yes, last year, 2025", "2025"),
        ("no, in 2025", "2025"),
        ("yeah, this year", "2026"),
        # found in make chat: after the remember offer, the correction's "wait" before the no
        # sent a bare no, and the corrected day was lost
        ("wait no, the 18th, not 28th", "2026-12-18"),
    ],
)
def test_a_yes_or_no_that_goes_on_to_say_a_date_sends_the_date(nlu, utterance, date):
    # "Just to check: you bought it on 24 October, not 24 November 2025?" - "yes, last year,
    # 2025": the year said is the answer (C2), not a bare yes that confirms October
    understanding = nlu.understand(utterance)
    assert understanding.intent["name"] == "PurchaseDetailsIntent"
    assert filled(understanding.intent) == {"purchaseDate": date}


@pytest.mark.parametrize(
    ("utterance", "date"),
    [
        ("i bought it on the twentieth of october two thousand and twenty six", "2026-10-20"),
        ("i bought it in two thousand and twenty five", "2025"),
    ],
)
def test_a_year_said_as_two_thousand_and_twenty_six_is_heard_whole(nlu, utterance, date):
    # from a fresh corpus: "two thousand | and twenty six" was cut after "thousand" (2000)
    assert filled(nlu.understand(utterance).intent)["purchaseDate"] == date


def test_i_dont_know_that_goes_on_to_say_a_date_sends_the_date(nlu):
    # found in make chat: "I don't know exactly, he bought it in December I think" was a bare
    # DontKnowIntent, and the month the customer did know was lost
    understanding = nlu.understand("i don't know exactly, he bought it in december i think")
    assert understanding.intent["name"] == "PurchaseDetailsIntent"
    assert filled(understanding.intent) == {"purchaseDate": "2026-12"}  # as AMAZON.DATE does
    assert nlu.understand("i don't know").intent["name"] == "DontKnowIntent"


def test_a_greeting_before_a_request_is_left_out_and_alone_is_a_request_for_help(nlu):
    # found in make chat: "hi there, quick question, I ordered a camera on Ozon two weeks ago"
    # went to Fallback; the greeting asks nothing, the request does
    understanding = nlu.understand(
        "hi there, quick question, i ordered a camera on ozon two weeks ago"
    )
    assert understanding.intent["name"] == "PurchaseDetailsIntent"
    assert filled(understanding.intent) == {
        "purchaseDate": "2026-W45", "product": "camera", "store": "third_party"
    }  # fmt: skip
    assert nlu.understand("hi there").intent["name"] == "AMAZON.HelpIntent"


def test_a_yes_or_no_alone_stays_a_yes_or_no(nlu):
    assert nlu.understand("yes please").intent["name"] == "AMAZON.YesIntent"
    assert nlu.understand("no thanks").intent["name"] == "AMAZON.NoIntent"


def test_a_date_said_unsure_is_still_heard_as_a_date(nlu):
    # "I dunno, maybe like last month?" answers the date question: not "I don't know".
    understanding = nlu.understand("i dunno maybe like last month")
    assert understanding.intent["name"] == "PurchaseDetailsIntent"
    assert filled(understanding.intent) == {"purchaseDate": "2026-10"}


def test_a_trained_reading_resolves_a_spoken_date_and_a_plural_value(nlu):
    understanding = nlu.understand("any chance i could send back the cameras i got two weeks ago")
    assert understanding.intent["name"] == "ReturnRefundIntent"
    assert filled(understanding.intent) == {"product": "camera", "purchaseDate": "2026-W45"}


def test_an_exact_match_is_reported_as_exact_and_certain(nlu):
    understanding = nlu.understand("delete my data")
    assert (understanding.how, understanding.confidence) == ("exact", 1.0)


def test_a_sample_matched_only_by_stuffing_unknown_words_into_a_slot_is_not_trusted(nlu):
    intent = nlu.understand("my camera stopped recording at night what should i do").intent
    assert intent["name"] == "StartClaimIntent"
    assert filled(intent)["product"] == "camera"


def test_a_sample_with_unknown_slot_words_is_dropped_when_the_request_is_out_of_domain(nlu):
    assert nlu.understand("my neighbor is too loud").intent["name"] == "AMAZON.FallbackIntent"
    assert filled(nlu.understand("can I return my toaster").intent) == {
        "product": (NO_MATCH, "toaster")
    }


def test_a_sample_with_unknown_slot_words_gives_way_when_another_intent_is_sure(nlu):
    # "what are {topic}" and "tell me about {topic}" fit, but no topic is named.
    assert nlu.understand("what are your options").intent["name"] == "AMAZON.HelpIntent"
    assert nlu.understand("tell me about your privacy").intent["name"] == "PrivacyPolicyIntent"


def test_a_request_that_only_shares_carrier_words_with_a_sample_is_out_of_domain(nlu):
    # "start a {claimType}" fits "start a yoga class" word for word, but the trained path has
    # learnt that "start a ..." is a claim only with a claim word after it.
    assert nlu.understand("start a yoga class").intent["name"] == "AMAZON.FallbackIntent"
    assert nlu.understand("open a support case").intent["name"] == "StartClaimIntent"


def test_a_fact_said_on_its_own_is_a_purchase_detail(nlu):
    # The answer to a question the skill asked without a dialog prompt (or that Alexa lost).
    assert filled(nlu.understand("from walmart").intent) == {"store": "third_party"}
    assert nlu.understand("from walmart").intent["name"] == "PurchaseDetailsIntent"
    assert filled(nlu.understand("in june twenty twenty six").intent) == {"purchaseDate": "2026-06"}


def test_an_intent_that_only_carries_a_fact_is_never_guessed_without_one(nlu):
    # The trained path leans to PurchaseDetailsIntent for "what's ... on <something>", but with
    # no purchase fact in the words there is nothing to send.
    said = "what's trending on twitter"
    nlu = Nlu.for_locale("en-US", SATURDAY)
    nlu._classifier = {"trained": _SureOf("PurchaseDetailsIntent", 0.9)}  # type: ignore[dict-item]
    assert nlu.understand(said).intent["name"] == "AMAZON.FallbackIntent"


def test_strict_matching_keeps_exact_samples_only():
    strict = Nlu.for_locale("en-US", SATURDAY, strict=True)
    assert strict.understand("i'd like you to erase everything about me").intent["name"] == (
        "AMAZON.FallbackIntent"
    )
    assert strict.understand("delete my data").intent["name"] == "DeleteMyDataIntent"


def test_importing_the_nlu_does_not_import_scikit_learn():
    code = "import sys, devtools.nlu; sys.exit('sklearn' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_an_elicited_slot_is_heard_in_words_no_slot_sample_fits(nlu):
    # Nothing fits "uh let me see june" word for word, and it means no other intent;
    # Alexa's slot model still hears the date it asked for.
    said = "uh let me see june"
    assert nlu.understand(said).intent["name"] == "AMAZON.FallbackIntent"
    understanding = nlu.understand(said, elicit("purchaseDate"))
    assert understanding.dialog_state == "IN_PROGRESS"
    assert understanding.intent["name"] == "ReturnRefundIntent"
    assert filled(understanding.intent)["purchaseDate"].endswith("-06")


@pytest.mark.parametrize(
    ("utterance", "slots"),
    [
        (
            "i bought it on october eighteenth, no wait, it was october twenty second, "
            "from your aliexpress store, can i return it",
            {"purchaseDate": "2027-10-22", "store": "zosi_official_store"},
        ),
        (
            "i got it from the zosi website on november first, sorry, i mean october first, "
            "can i still return it",
            {"purchaseDate": "2027-10-01", "store": "zosi_website"},
        ),
        (
            "i got it as a gift, no actually, i bought it myself from your website",
            {"store": "zosi_website"},
        ),
        # A correction that says again only the part it corrects keeps the rest of the date
        (
            "i got the doorbell on november 25th 2024, sorry, no, 2025, is it still covered",
            {"purchaseDate": "2025-11-25"},
        ),
        (
            "i bought it on october the twelfth 2026, no hang on, the nineteenth, can i return it",
            {"purchaseDate": "2026-10-19"},
        ),
        # the day and the year corrected, the month said once (from a fresh corpus: the year
        # alone was heard and the day before the correction kept)
        (
            "is my nvr under warranty, i got it november twenty second, no, twenty fifth, "
            "twenty twenty five",
            {"purchaseDate": "2025-11-25"},
        ),
    ],
)
def test_a_value_said_after_a_correction_replaces_the_one_before(nlu, utterance, slots):
    # Customers correct themselves mid-sentence; what they mean is the value after "no wait",
    # "sorry, I mean", "actually". A value said only before the correction still counts.
    heard = filled(nlu.understand(utterance).intent)
    assert {name: heard.get(name) for name in slots} == slots


def test_no_said_first_is_not_a_correction(nlu):
    # "no fault found" opens with "no", but nothing is said twice: nothing is replaced.
    heard = filled(nlu.understand("no fault found, who pays shipping").intent)
    assert heard.get("topic") is not None


def test_a_question_is_never_a_command_built_in(nlu):
    # "why does that matter" shares most of its letters with Cancel's "it doesn't matter", but
    # Amazon's command built-ins are trained on commands and answers, not on questions: ending
    # the session on a customer's question would lose everything they said.
    assert nlu.understand("why does that matter").intent["name"] != "AMAZON.CancelIntent"
    assert nlu.understand("never mind").intent["name"] == "AMAZON.CancelIntent"


@pytest.mark.parametrize(
    ("utterance", "age"),
    [
        ("is my eight month old camera still under warranty", "P8M"),
        ("the n. v. r. won't boot anymore after five months, will you replace it", "P5M"),
        ("camera make no picture, six month i have it, you fix?", "P6M"),
        ("i don't know, maybe a year and a half ago", "P1Y6M"),
    ],
)
def test_how_long_they_have_had_it_fills_the_age_as_an_iso_duration(nlu, utterance, age):
    assert filled(nlu.understand(utterance).intent).get("productAge") == age


@pytest.mark.parametrize(
    "utterance",
    [
        "do i have thirty days to return it",
        "is the warranty for two years",
        "my friend told me zosi gives two years of warranty",
        "how many days does delivery take",
    ],
)
def test_a_length_of_time_that_is_no_age_of_theirs_fills_no_age(nlu, utterance):
    """Alexa fills a duration slot from the words around it, not any duration said."""
    assert "productAge" not in filled(nlu.understand(utterance).intent)


@pytest.mark.parametrize(
    ("utterance", "goal"),
    [
        (
            "my doorbell died, i bought it in february and i need a replacement right away",
            "cross_ship",
        ),
        ("it's defective, i bought it in august, do i get a full refund", "refund"),
    ],
)
def test_what_a_statement_asks_for_fills_the_goal(nlu, utterance, goal):
    assert filled(nlu.understand(utterance).intent).get("goal") == goal


@pytest.mark.parametrize("utterance", ["no that's everything, bye", "stop", "cancel that"])
def test_a_command_said_for_a_slot_asked_for_is_the_command_not_a_value(nlu, utterance):
    """ "Which shop?" - "no, that's everything, bye": no shop, the customer is leaving."""
    understanding = nlu.understand(utterance, elicit("store"))
    assert understanding.intent["name"] in {
        "AMAZON.StopIntent",
        "AMAZON.CancelIntent",
        "AMAZON.NoIntent",
    }


def test_coffee_spilled_on_it_is_damage_by_the_customer_beside_the_fault(nlu):
    """R3: "I spilled coffee on the NVR and now it's dead ... I want a refund" is no quality
    problem ZOSI refunds: the damage is heard with the fault."""
    slots = filled(
        nlu.understand(
            "i spilled coffee on the n. v. r. and now it's dead, i bought it from your website "
            "on november tenth and i want a refund"
        ).intent
    )
    assert slots["condition"] == "damaged_by_customer"
    assert slots["reason"] == "defect"


def test_a_particle_after_a_value_is_left_out_of_it(nlu):
    """'Is delivery free to Germany too': Alexa resolves Germany, not "germany too"."""
    understood = nlu.understand("is delivery free to germany too")
    assert understood.intent["name"] == "DeliveryTimeIntent"
    country = understood.intent["slots"]["country"]
    assert country["value"] == "germany"
    resolution = country["resolutions"]["resolutionsPerAuthority"][0]
    assert resolution["values"][0]["value"]["id"] == "DE"


def test_a_date_said_unsure_is_a_date_not_a_dont_know(nlu):
    """'I don't know, sometime in August' gives the month (R1), not "I don't know"."""
    understood = nlu.understand("i don't know, sometime in august")
    assert understood.intent["name"] == "PurchaseDetailsIntent"
    assert understood.intent["slots"]["purchaseDate"]["value"].endswith("-08")


def test_an_ordinal_that_counts_things_names_no_date(nlu):
    """'What's the first thing I should do' is no purchase on the 1st; 'on the first and it
    broke' still is (AMAZON.DATE takes an ordinal as a day only where it can be one)."""
    counted = nlu.understand("what's the first thing i should do if my doorbell has gone wrong")
    assert "purchaseDate" not in filled(counted.intent)
    dated = nlu.understand("i bought my camera on the first and it broke")
    assert filled(dated.intent).get("purchaseDate", "").endswith("-01")


@pytest.mark.parametrize(
    ("utterance", "value"),
    [
        ("i got it on the ninth of november twenty twenty six", "2026-11-09"),
        ("i ordered from your website on the twentieth of august twenty twenty six", "2026-08-20"),
    ],
)
def test_a_year_said_in_words_is_heard_whole_in_a_long_date(nlu, utterance, value):
    """'The ninth of November twenty twenty six' is 2026: read from the words, the date must
    not stop inside the spoken year ("... twenty twenty" is 2020) when the phrase is long."""
    assert filled(nlu.understand(utterance).intent)["purchaseDate"] == value


@pytest.mark.parametrize(
    ("utterance", "slot", "value_id"),
    [
        ("i lost the original box, can i return the camera", "condition", "packaging_gone"),
        ("the dog chewed the box, can i return the camera", "condition", "packaging_gone"),
        ("i bought it from your official aliexpress shop", "store", "zosi_official_store"),
        ("how much is the hold", "topic", "cross_ship_hold"),
    ],
)
def test_the_box_lost_and_zosis_own_aliexpress_shop_are_heard_as_such(
    nlu, utterance, slot, value_id
):
    """R2, R3: a lost or chewed box rules a refund out; 'your official AliExpress shop' is
    ZOSI's own store, not 'AliExpress' to be asked about again; X3: 'the hold' is the card's."""
    slots = nlu.understand(utterance).intent["slots"]
    resolution = slots[slot]["resolutions"]["resolutionsPerAuthority"][0]
    assert resolution["values"][0]["value"]["id"] == value_id


def test_a_question_words_contraction_matches_the_spelt_out_sample(nlu):
    """W4: "what's an RMA" is "what is {topic}", as Alexa matches either form; it was read as
    a request to start a claim, and heard the claim's steps instead of what an RMA code is."""
    understood = nlu.understand("what's an rma")
    assert understood.intent["name"] == "PolicyFactIntent"
    resolution = understood.intent["slots"]["topic"]["resolutions"]["resolutionsPerAuthority"][0]
    assert resolution["values"][0]["value"]["id"] == "rma_process"


@pytest.mark.parametrize(
    ("utterance", "slot", "value_id"),
    [
        ("and who is paying for that", "aspect", "who_pays"),
        ("for how long", "aspect", "how_long"),
        ("until when exactly", "aspect", "how_long"),
        ("so from where", "aspect", "where_from"),
        ("and if i miss the deadline", "aspect", "late"),
        ("okay who do i contact", "aspect", "steps"),
        ("ok how do i start", "aspect", "steps"),
        ("what if i dropped it", "condition", "damaged_by_customer"),
        ("and what if i threw the box away", "condition", "packaging_gone"),
    ],
)
def test_a_follow_up_names_its_aspect_or_the_products_state(nlu, utterance, slot, value_id):
    """Follow-ups said inside a conversation ("and who is paying for that", "for how long",
    "what if I dropped it") are general questions whose aspect, or the product's state (R3),
    the skill answers of the case being discussed; they reached Fallback, the delivery
    estimate, or 'I don't know that part of ZOSI's policy' with the words in the topic slot."""
    understood = nlu.understand(utterance)
    assert understood.intent["name"] == "PolicyFactIntent"
    assert filled(understood.intent)[slot] == value_id


@pytest.mark.parametrize(
    ("utterance", "intent", "topic"),
    [
        ("is there somebody i can ring about my camera", "ContactSupportIntent", None),
        ("telephone of zosi in china please", "ContactSupportIntent", None),
        ("who do i email about it", "ContactSupportIntent", None),
        ("where would i even buy a doorbell from", "PolicyFactIntent", "where_to_buy"),
        ("i can't find your shop anywhere", "PolicyFactIntent", "where_to_buy"),
    ],
)
def test_asking_for_a_person_or_a_shop_in_a_customers_words(nlu, utterance, intent, topic):
    """C1: a phone or a person to ring is support's contacts; D1: where to buy, asked as "where
    would I even buy one from" or "I can't find your shop", is ZOSI's AliExpress store. Both
    reached Fallback or a warranty answer."""
    understood = nlu.understand(utterance).intent
    assert understood["name"] == intent
    assert filled(understood).get("topic") == topic


@pytest.mark.parametrize(
    ("utterance", "slot", "value_id"),
    [
        (
            "i bought it on aliexpress but not from the zosi store, from some other seller",
            "store",
            "third_party",
        ),
        (
            "i put the box out with the recycling, can i return the camera",
            "condition",
            "packaging_gone",
        ),
        ("my camera fell from the ladder, can i return it", "condition", "damaged_by_customer"),
        ("i just don't need the doorbell anymore, can i return it", "reason", "changed_mind"),
    ],
)
def test_what_rules_a_refund_out_is_heard_in_a_customers_words(nlu, utterance, slot, value_id):
    """R2, R3, R4: "not from the ZOSI store" names another seller, not ZOSI's store (it was
    heard as "the zosi store" and promised a refund); a box put out with the recycling is
    packaging gone, a fall from a ladder damage by the customer (both were refunded); "don't
    need the doorbell anymore" is a change of mind, whose return shipping the customer pays."""
    assert filled(nlu.understand(utterance).intent)[slot] == value_id


def test_a_city_that_says_again_where_they_are_is_no_country_of_purchase(nlu):
    """W6: "I'm in Georgia now, Tbilisi" filled the home country with Georgia and the country of
    purchase with Tbilisi, the same country, so a return from abroad was promised at ZOSI's
    cost. A value naming what a slot of the same type already holds fills no second slot."""
    said = "i'm in georgia now, tbilisi, i'd be sending it from there, who pays the shipping"
    slots = filled(nlu.understand(said).intent)
    assert slots.get("homeCountry") == "GE"
    assert "purchaseCountry" not in slots


def test_another_brands_product_resolves_to_the_value_the_skill_answers_as_fallback(nlu):
    """A product ZOSI did not make resolves to the one value handlers.not_ours turns away,
    and that value is never a training word of an in-domain intent."""
    from devtools.nlu import OUT_OF_DOMAIN_VALUES
    from handlers.not_ours import OTHER_BRAND

    assert {OTHER_BRAND} == OUT_OF_DOMAIN_VALUES
    slot = nlu.understand("can I return my ring doorbell").intent["slots"]["product"]
    (authority,) = slot["resolutions"]["resolutionsPerAuthority"]
    assert authority["values"][0]["value"]["id"] == OTHER_BRAND


def test_a_second_aspect_said_as_a_condition_fills_the_second_aspect(nlu):
    # W8, from the tuning half and fresh corpora: "if your technicians say the doorbell is
    # fine, who pays to send it back to me" filled only "who pays", and heard both return
    # shipping regimes (ZOSI pays one of them) instead of what a unit found not faulty costs
    heard = filled(
        nlu.understand(
            "if your technicians say the doorbell is fine, who pays to send it back to me"
        ).intent
    )
    assert {heard.get("aspect"), heard.get("alsoAspect")} == {"who_pays", "not_faulty"}
    # an "if" names no second topic: the postage stays the question's topic
    heard = filled(
        nlu.understand("do i get the postage back if the camera turns out to be faulty").intent
    )
    assert heard.get("alsoTopic") is None
