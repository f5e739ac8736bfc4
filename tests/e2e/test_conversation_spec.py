"""The conversation, specified by the turns customers take: one test per behaviour of issue 8.

Every request here is an envelope built directly, as the Alexa service would send it
(intent, slots with their entity resolution, the session the skill returned), not
through the local NLU, so these tests pin the skill's behaviour whatever the model's
samples. Today is Saturday 21 November 2026 (Europe/Moscow) unless a test says otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

import app
from adapters.account import HttpAccountClient
from devtools.account_server import LocalAccountService
from devtools.cli import ssml_to_text
from devtools.envelopes import LOCAL_USER_ID, AlexaSession
from handlers.context import Services
from tests.e2e.conftest import CountingStore
from tests.helpers import assert_valid_response, speech_of

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
RULE_ID = re.compile(r"\b[DRWXCP][1-9]\b")
AUTHORITY = "amzn1.er-authority.echo-sdk.amzn1.ask.skill.test."
SUPPORT_POST = ("POST", "/v1/me/support-requests")

#: A slot value: the words said, and the id they resolved to (None: no match).
Value = str | tuple[str, str | None]


def slot(name: str, value: Value) -> dict[str, Any]:
    """A slot as Alexa fills it; a custom value carries its entity resolution."""
    if isinstance(value, str):
        return {"name": name, "value": value, "confirmationStatus": "NONE"}
    spoken, resolved = value
    authority: dict[str, Any] = {
        "authority": AUTHORITY + name,
        "status": {"code": "ER_SUCCESS_MATCH" if resolved else "ER_SUCCESS_NO_MATCH"},
    }
    if resolved:
        authority["values"] = [{"value": {"name": spoken, "id": resolved}}]
    return {
        "name": name,
        "value": spoken,
        "confirmationStatus": "NONE",
        "resolutions": {"resolutionsPerAuthority": [authority]},
    }


class Customer:
    """One customer on one device, talking to the real handler in one Alexa session."""

    def __init__(self, handler: app.LambdaHandler, session: AlexaSession) -> None:
        self.handler = handler
        self.session = session
        self.last: dict[str, Any] = {}

    def send(self, envelope: dict[str, Any]) -> str:
        response = self.handler(envelope, None)
        assert_valid_response(response)
        self.session.absorb(response)
        self.last = response
        speech = ssml_to_text(speech_of(response))
        # Customers never hear or read a rule ID of POLICY.md.
        assert not RULE_ID.search(speech), speech
        assert not RULE_ID.search(self.card), self.card
        return speech

    def says(self, intent: str, **slots: Value) -> str:
        """An IntentRequest for ``intent`` with these slots (what Alexa understood)."""
        filled = {name: slot(name, value) for name, value in slots.items()}
        return self.send(self.session.intent({"name": intent, "slots": filled}))

    def yes(self) -> str:
        return self.says("AMAZON.YesIntent")

    def no(self) -> str:
        return self.says("AMAZON.NoIntent")

    def mumbles(self) -> str:
        """Something the model could not map to any intent."""
        return self.says("AMAZON.FallbackIntent")

    @property
    def card(self) -> str:
        card = self.last["response"].get("card") or {}
        return str(card.get("text") or card.get("content") or "")

    @property
    def elicited(self) -> str | None:
        for directive in self.last["response"].get("directives") or []:
            if directive["type"] == "Dialog.ElicitSlot":
                return str(directive["slotToElicit"])
        return None


Start = Callable[..., Customer]


@pytest.fixture
def customer(settings, store: CountingStore, service: LocalAccountService) -> Start:
    """A customer, linked with ``token`` (a demo customer's) or not, on a day of choice.

    The skill's own clock (the Lambda's) reads the same day: it believes no request dated
    further from it than a few minutes.
    """
    lambda_now = [NOW]  # the Lambda's clock agrees with the customer's day (issue 18)
    accounts = HttpAccountClient(service.url)
    handler = app.make_handler(Services(settings, store, accounts, clock=lambda: lambda_now[0]))

    def start(
        token: str | None = None, *, now: datetime = NOW, user: str = LOCAL_USER_ID
    ) -> Customer:
        lambda_now[0] = now
        session = AlexaSession(clock=lambda: now, access_token=token, user_id=user)
        return Customer(handler, session)

    return start


CAMERA = ("camera", "camera")
ZOSI_WEBSITE = ("the ZOSI website", "zosi_website")
DOORBELL = ("doorbell", "doorbell")


# --- no promise the policy would refuse -------------------------------------------------------


def test_a_warranty_repair_for_a_camera_bought_two_years_ago_is_refused_without_claim_steps(
    customer: Start,
) -> None:
    """W1, W8: out of warranty, so no RMA steps and no refunded postage."""
    reply = customer().says(
        "StartClaimIntent",
        claimType=("warranty repair", "warranty_repair"),
        product=CAMERA,
        purchaseDate="2024-11-01",
    )
    assert "The warranty for your camera ended on" in reply
    assert "refunds the shipping" not in reply
    assert "RMA" not in reply


def test_a_return_started_for_a_camera_bought_in_september_gets_no_refund_steps(
    customer: Start,
) -> None:
    """R1: 1 September is past the 30 days, so no refund steps; a fault may still be covered."""
    reply = customer().says(
        "StartClaimIntent",
        claimType=("return", "refund_return"),
        product=CAMERA,
        purchaseDate="2026-09-01",
        store=ZOSI_WEBSITE,
    )
    assert reply.startswith("Sorry, it's too late for a refund on"), reply
    assert "Keep the product and its packaging undamaged" not in reply
    assert "If it's faulty, though, it's still under warranty" in reply


@pytest.mark.parametrize("reason", [("I changed my mind", "changed_mind"), ("other", "other")])
def test_a_linked_third_party_purchase_is_sent_to_its_shop_not_into_a_warranty_repair(
    customer: Start, service: LocalAccountService, reason: tuple[str, str]
) -> None:
    """R5, W2: the shop refunds; ZOSI opens nothing, and the 30 days are not the reason."""
    talk = customer("demo-thirdparty")
    asked = talk.says("StartClaimIntent", claimType=("return", "refund_return"))
    assert asked == "What's wrong with it, or did you change your mind?"
    reply = talk.says("StartClaimIntent", reason=reason)
    assert "bought from Home Security Market, so ask that shop about its own return policy" in reply
    assert "30 days" not in reply
    assert "30-day" not in reply
    assert "warranty repair" not in reply
    assert talk.yes() == "What else would you like to know?"
    assert service.calls[SUPPORT_POST] == 0


def test_a_warranty_repair_from_abroad_says_the_customer_pays_the_postage(
    customer: Start, service: LocalAccountService
) -> None:
    """W6: bought in Russia, living in Kazakhstan: international shipping is the customer's."""
    talk = customer("demo-international")
    offer = talk.says(
        "StartClaimIntent",
        claimType=("warranty repair", "warranty_repair"),
        product=CAMERA,
        reason=("it's faulty", "defect"),
    )
    assert offer.startswith("It is under warranty until")
    assert (
        "From abroad, you pay the international shipping and any customs and other fees." in offer
    )
    assert "ZOSI pays the return shipping" not in offer
    assert offer.endswith("because it's faulty?")
    opened = talk.yes()
    assert opened.startswith("Done. I've opened a warranty repair")
    assert "refunds the shipping cost first" not in opened
    assert service.calls[SUPPORT_POST] == 1


def test_the_card_of_an_ended_warranty_does_not_say_zosi_covers_the_shipping(
    customer: Start,
) -> None:
    talk = customer()
    reply = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2024-01-10")
    assert reply.startswith("Sorry, the one-year warranty on your camera ended on")
    assert "The warranty ended on" in talk.card
    assert "ZOSI covers the return shipping" not in talk.card


def test_the_warranty_abroad_asks_where_it_was_bought_before_saying_who_pays(
    customer: Start,
) -> None:
    """W5/W6 turn on the country of purchase: the skill asks instead of assuming."""
    talk = customer()
    reply = talk.says("WarrantyStatusIntent", homeCountry=("Germany", "DE"))
    assert reply.endswith("Which country did you buy it in?")
    assert talk.elicited == "purchaseCountry"
    reply = talk.says("WarrantyStatusIntent", purchaseCountry=("Germany", "DE"))
    assert reply == "When did you buy it?"
    decided = talk.says("WarrantyStatusIntent", purchaseDate="2026-06-01")
    assert "ZOSI pays the return shipping" in decided


def test_delivery_to_kazakhstan_gets_what_the_terms_cover_not_a_russian_window(
    customer: Start,
) -> None:
    """D2, D4 cover Russia: no dates are promised for Kazakhstan."""
    reply = customer().says("DeliveryTimeIntent", country=("Kazakhstan", "KZ"))
    assert "cover Russia only" in reply
    assert "Kazakhstan" in reply
    assert "arrive" not in reply


def test_a_minor_without_consent_never_has_a_delivery_region_stored(
    customer: Start, store: CountingStore
) -> None:
    """P7: the yes to "remember Kazan?" stores nothing for a minor's account."""
    talk = customer("demo-minor", user="amzn1.ask.account.MINOR")
    offer = talk.says("DeliveryTimeIntent", region=("Kazan", "kazan"))
    assert offer.endswith("Shall I remember Kazan as your delivery region?")
    reply = talk.yes()
    assert "under 18" in reply
    assert "update" not in store.calls
    assert talk.says("DeliveryTimeIntent", region=("Kazan", "kazan")).startswith("Ordered today")


def test_withdrawing_consent_revokes_the_link_erases_and_stops_reading_orders(
    customer: Start, service: LocalAccountService, store: CountingStore
) -> None:
    """P6: DELETE /me/alexa-link, everything stored erased, no more account reads."""
    talk = customer("demo-recent")
    asked = talk.says("WithdrawConsentIntent")
    assert "unlink your ZOSI account" in asked
    assert asked.endswith("Do you want me to do that now?")
    done = talk.yes()
    assert done.startswith("Done. I've unlinked your ZOSI account, and I've deleted everything")
    assert "Alexa app" in done
    assert service.calls[("DELETE", "/v1/me/alexa-link")] == 1
    assert "delete" in store.calls
    reads = service.calls[("GET", "/v1/me/orders")]
    tracking = talk.says("TrackOrderIntent")
    assert service.calls[("GET", "/v1/me/orders")] == reads
    assert "tracking code" in tracking


def test_the_upper_delivery_date_counts_a_transferred_working_saturday(customer: Start) -> None:
    """D4: Saturday 1 November 2025 was a working day in Russia."""
    talk = customer(now=datetime(2025, 10, 30, 9, 0, tzinfo=UTC))
    reply = talk.says("DeliveryTimeIntent", region=("Moscow", "moscow"))
    assert reply.startswith("Ordered today, it should arrive in Moscow between 5 November and")


# --- a yes counts only for the question just asked --------------------------------------------


def test_a_yes_after_something_unrecognised_deletes_only_once_the_question_was_asked_again(
    customer: Start, store: CountingStore
) -> None:
    """Audit P3: a mumble hears the same question again; two mumbles drop it, and nothing acts."""
    talk = customer()
    talk.says("DeliveryTimeIntent", region=("Kazan", "kazan"))
    talk.yes()
    question = "Do you want me to delete everything I've stored about you?"
    assert talk.says("DeleteMyDataIntent") == question
    assert talk.mumbles() == f"Sorry, I didn't catch that. {question}"
    assert talk.mumbles().startswith("Sorry, I can't help with that.")
    assert "Done" not in talk.yes()
    assert "delete" not in store.calls


def test_a_yes_after_something_unrecognised_never_opens_a_case(
    customer: Start, service: LocalAccountService
) -> None:
    talk = customer("demo-recent")
    offer = talk.says("ReturnRefundIntent", product=CAMERA)
    assert offer.endswith("Shall I open a refund return request for it?")
    talk.mumbles()
    assert "opened" not in talk.yes()
    assert service.calls[SUPPORT_POST] == 0


# --- a general question gets the fact first ---------------------------------------------------


@pytest.mark.parametrize(
    ("topic", "fact"),
    [
        (("how long is the warranty", "warranty_length"), "Every ZOSI product has a 12-month"),
        (("return it", "return_window"), "You have 30 days from the day you bought it"),
        (("a reason", "return_reason"), "No reason is needed"),
        (("cross shipping", "cross_shipping"), "With an advance replacement, ZOSI ships the new"),
    ],
)
def test_a_general_question_gets_the_fact_first_then_an_offer_to_check(
    customer: Start, topic: tuple[str, str], fact: str
) -> None:
    reply = customer().says("PolicyFactIntent", topic=topic)
    assert reply.startswith(fact)
    assert reply.endswith("Would you like me to check yours?")
    assert "When did you buy" not in reply


def test_a_gift_gets_the_gift_rule_before_any_question(customer: Start) -> None:
    """R6 first, and no "when did you buy it?" to someone who didn't (audit P2)."""
    reply = customer().says("ReturnRefundIntent", store=("a gift", "gift"))
    assert reply.startswith("For a gift, ask the person who gave it to you for a copy of the")
    assert "When did you buy" not in reply
    assert "full refund within 30 days" not in reply  # no refund promised to the recipient


def test_a_warranty_question_naming_nothing_gets_the_rule_first(customer: Start) -> None:
    reply = customer().says("WarrantyStatusIntent")
    assert reply.startswith("Every ZOSI product has a one-year warranty")


# --- the thread is kept -----------------------------------------------------------------------


def _asked_for_the_shop(customer: Start) -> Customer:
    talk = customer()
    asked = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10")
    # R1, R2: answer first, until when for a purchase from ZOSI; then which shop it was
    assert asked.startswith(
        "If you bought it from ZOSI or its official AliExpress store, you can return your camera "
        "for a full refund until"
    ), asked
    assert asked.endswith(
        "Where did you buy it? On the ZOSI website, in ZOSI's official "
        "AliExpress store, or from another shop?"
    ), asked
    return talk


def test_something_unrecognised_mid_dialog_keeps_every_fact(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    again = talk.mumbles()
    assert again.endswith("another shop, or a gift?")
    decided = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert decided.startswith("Yes, you can return your camera for a full refund until 10 December")


def test_help_mid_dialog_explains_then_goes_back_to_the_question(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    reply = talk.says("AMAZON.HelpIntent")
    assert "Back to your camera: where did you buy it? On the ZOSI website" in reply
    assert talk.elicited == "store"
    decided = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert decided.startswith("Yes, you can return your camera for a full refund until 10 December")


def test_i_dont_know_the_shop_gets_an_honest_conditional_answer(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    reply = talk.says("DontKnowIntent")
    assert reply.startswith("Yes, you can return your camera for a full refund until 10 December")
    assert "That's if it came from ZOSI's website or its official AliExpress store" in reply
    # R5, from a fresh corpus: bought elsewhere, the refund is that shop's, said with it
    assert "from another shop, ask that shop." in reply, reply


def test_i_dont_know_the_date_gets_the_rule_and_the_support_contact(customer: Start) -> None:
    talk = customer()
    assert talk.says("ReturnRefundIntent", product=CAMERA).endswith("When did you buy your camera?")
    reply = talk.says("DontKnowIntent")
    # R1: the rule again, for the customer to weigh their own date against (a fresh corpus
    # of dialogs expected it), then who can check without the date; the address once
    assert reply.startswith("A full refund is possible within 30 days of purchase"), reply
    assert reply.count("service at zositech dot com") == 1, reply
    assert talk.elicited is None


def test_a_corrected_date_replaces_the_first_one(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    talk.says("PurchaseDetailsIntent", purchaseDate="2026-10-25")
    decided = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert decided.startswith("Yes, you can return your camera for a full refund until 24 November")


def test_a_date_corrected_while_another_question_is_open_is_read_back(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)  # bought on 10 November, asked where
    reply = talk.says("PurchaseDetailsIntent", purchaseDate="2026-W46")  # "no, last week"
    assert reply.startswith("Okay, bought between ")
    assert reply.endswith(
        "Where did you buy your camera? On the "
        "ZOSI website, in ZOSI's official AliExpress store, or from another shop?"
    )


def test_a_date_that_closes_the_refund_period_needs_no_shop(customer: Start) -> None:
    """R1, R2: after the 30 days no shop makes a refund possible: the answer, not "where?"."""
    talk = _asked_for_the_shop(customer)  # bought on 10 November, asked where
    reply = talk.says("PurchaseDetailsIntent", purchaseDate="2026-W42")  # "no, five weeks ago"
    assert reply.startswith("Sorry, the 30-day refund period for your camera ended on 17 Nov")


def test_a_date_given_when_asked_for_it_is_not_read_back(customer: Start) -> None:
    talk = customer()
    assert talk.says("ReturnRefundIntent", product=CAMERA).endswith("When did you buy your camera?")
    reply = talk.says("PurchaseDetailsIntent", purchaseDate="2026-11-10")
    assert reply.startswith("Where did you buy your camera?")


def test_a_delivery_follow_up_without_a_place_is_about_the_same_city(
    customer: Start, store: CountingStore
) -> None:
    talk = customer()
    talk.says("DeliveryTimeIntent", region=("Kazan", "kazan"))
    reads = store.calls.count("load")
    follow_up = talk.says("DeliveryTimeIntent", orderDate="2026-11-27")  # "and if I order Friday?"
    assert follow_up.startswith("Ordered on 27 November, it should arrive in Kazan between")
    assert "saved" not in follow_up
    assert store.calls.count("load") == reads  # the session knew the city: no read
    assert talk.says("DeliveryTimeIntent", region=("Omsk", "omsk")).startswith(
        "Ordered today, it should arrive in Omsk"
    )


def test_a_second_question_is_answered_then_the_first_resumes(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    reply = talk.says("DeliveryTimeIntent", region=("Kazan", "kazan"))
    assert reply.startswith("Ordered today, it should arrive in Kazan between")
    assert "remember Kazan" not in reply
    assert reply.endswith(
        "Back to your camera: where did you buy it? On the ZOSI website, in ZOSI's official "
        "AliExpress store, or from another shop?"
    )
    decided = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert decided.startswith("Yes, you can return your camera for a full refund until 10 December")


def test_an_answer_that_cannot_be_resolved_is_asked_once_more_then_the_skill_moves_on(
    customer: Start,
) -> None:
    talk = _asked_for_the_shop(customer)
    again = talk.says("ReturnRefundIntent", store=("on the zosi site", None))
    assert again.startswith("Sorry, I didn't catch that.")
    assert again.endswith("another shop, or a gift?")
    moved_on = talk.says("ReturnRefundIntent", store=("straight from them", None))
    assert moved_on.startswith(
        "Yes, you can return your camera for a full refund until 10 December"
    )
    assert "That's if it came from ZOSI's website" in moved_on


def test_an_unresolvable_reason_is_asked_once_more_then_the_skill_moves_on(
    customer: Start,
) -> None:
    talk = customer("demo-recent")
    asked = talk.says("StartClaimIntent", claimType=("return", "refund_return"), product=CAMERA)
    assert asked.startswith("What's wrong with it")
    again = talk.says("StartClaimIntent", reason=("I just changed my mind", None))
    assert again.startswith("Sorry, I didn't catch that.")
    moved_on = talk.says("StartClaimIntent", reason=("whatever", None))
    assert "What's wrong with it" not in moved_on
    assert "Sorry, I didn't" not in moved_on


# --- a linked customer is offered the action ---------------------------------------------------


def test_a_linked_return_is_offered_then_opened_after_its_costs_are_said(
    customer: Start, service: LocalAccountService
) -> None:
    """R1-R4: the decision, the offer, the reason, the costs, then one request."""
    talk = customer("demo-recent")
    decided = talk.says("ReturnRefundIntent", product=CAMERA)
    assert decided.startswith("For the camera ordered on 16 November: Yes, you")
    assert decided.endswith("Shall I open a refund return request for it?")
    reason = talk.yes()
    assert reason.startswith("What's wrong with it")
    costs = talk.says("StartClaimIntent", reason=("I changed my mind", "changed_mind"))
    assert costs.startswith("You can return it for a full refund until 16 December.")
    assert "As it isn't a quality problem, you pay the return shipping" in costs
    assert costs.endswith("because you changed your mind?")
    assert service.calls[SUPPORT_POST] == 0
    opened = talk.yes()
    assert opened.startswith("Done. I've opened a refund return for the camera")
    assert service.calls[SUPPORT_POST] == 1


def test_a_purchase_just_remembered_is_not_offered_again(
    customer: Start, store: CountingStore
) -> None:
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10", store=ZOSI_WEBSITE)
    assert talk.yes() == "Done, I'll remember that. Anything else I can help with?"
    warranty = talk.says("WarrantyStatusIntent", product=CAMERA)
    assert warranty.startswith("For the camera you told me you bought on 10 November: Yes")
    assert warranty.endswith("Anything else I can help with?")
    assert store.calls.count("update") == 1


@pytest.mark.parametrize(
    ("token", "claim", "product"),
    [
        ("demo-recent", ("warranty repair", "warranty_repair"), ("nvr", "nvr")),
        ("demo-old", ("advance replacement", "cross_ship"), ("camera kit", "kit")),
    ],
)
def test_a_change_of_mind_never_opens_a_warranty_repair_or_an_advance_replacement(
    customer: Start, service: LocalAccountService, token: str, claim: Value, product: Value
) -> None:
    """W2, X2: both are for a product that fails; a change of mind is a refund matter (R1, R4)."""
    talk = customer(token)
    # The question itself offers only a fault; a customer may still say they changed their mind.
    assert talk.says("StartClaimIntent", claimType=claim, product=product) == (
        "What's wrong with it? Is it faulty, or did it arrive damaged?"
    )
    reply = talk.says("StartClaimIntent", reason=("I changed my mind", "changed_mind"))
    assert "is for a product that's faulty, so I can't open one" in reply
    assert "Shall I" not in reply
    talk.yes()
    assert service.calls[SUPPORT_POST] == 0


def test_a_fault_within_the_30_days_leaves_the_choice_of_refund_or_repair(
    customer: Start, service: LocalAccountService
) -> None:
    """R1, R4, W2: the camera from 5 days ago may go back for a refund, not only a repair."""
    talk = customer("demo-recent")
    asked = talk.says("StartClaimIntent", product=CAMERA, reason=("it's broken", "defect"))
    # the order is ZOSI's own (R2): no "if you bought it from ZOSI"
    assert asked.startswith("It's within the 30 days, so you can get a full refund"), asked
    costs = talk.says("StartClaimIntent", claimType=("a refund", "refund_return"))
    assert costs.startswith("You can return it for a full refund until 16 December.")
    assert "As it's a quality problem, ZOSI pays the return shipping." in costs
    assert talk.yes().startswith("Done. I've opened a refund return")
    assert service.calls[SUPPORT_POST] == 1


def test_my_camera_finds_the_camera_kit_when_no_camera_alone_was_ordered(customer: Start) -> None:
    reply = customer("demo-old").says("WarrantyStatusIntent", product=CAMERA)
    assert reply.startswith("For the camera kit ordered on")


def test_correcting_the_product_keeps_the_question_and_the_purchase_facts(
    customer: Start,
) -> None:
    """ "I meant my NVR": the same purchase, another product; a new question would start afresh."""
    talk = _asked_for_the_shop(customer)
    reply = talk.says("PurchaseDetailsIntent", product=("N. V. R.", "nvr"))
    assert reply.startswith("Where did you buy your N. V. R.?")
    decided = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert decided.startswith(
        "Yes, you can return your N. V. R. for a full refund until 10 December"
    )
    fresh = talk.says("WarrantyStatusIntent", product=("doorbell", "doorbell"))
    assert fresh.endswith("When did you buy your doorbell?")


def test_an_unlinked_warranty_claim_says_until_when_before_the_steps(customer: Start) -> None:
    talk = customer()
    talk.says("StartClaimIntent", reason=("it's broken", "defect"), product=CAMERA)
    reply = talk.says("StartClaimIntent", purchaseDate="2026-09")
    assert reply.startswith(
        "Your camera is under warranty until at least 1 September 2027, so ZOSI repairs or replaces"
    )
    assert reply.count("First, email ZOSI support") == 1  # one step spoken, all on the card


def test_something_unrecognised_during_a_date_check_asks_the_check_again(
    customer: Start,
) -> None:
    talk = customer()
    # "The 5th" said on 21 November arrives as 5 December: 5 November or 5 December 2025?
    check = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-12-05")
    assert check == "Just to check: you bought your camera on 5 November, not 5 December 2025?"
    assert talk.mumbles() == f"Sorry, I didn't catch that. {check}"
    assert talk.yes().startswith(
        "Yes, your camera is under the one-year warranty until 5 November 2027"
    )


def test_a_weekday_said_for_a_purchase_is_checked_once_its_day_number_is_refused(
    customer: Start,
) -> None:
    # "I got it Tuesday", said on Sunday 6 December, arrives as Tuesday 8 December, as
    # "the 8th" and "December 8th" do: their readings first, then the Tuesday just gone.
    talk = customer(now=datetime(2026, 12, 6, 11, 0, tzinfo=UTC))
    check = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-12-08")
    assert check == "Just to check: you bought your camera on 8 November, not 8 December 2025?"
    assert talk.no() == "Then did you buy your camera on 8 December 2025?"
    assert talk.no() == "Then did you buy your camera on Tuesday, 1 December?"
    assert talk.yes().startswith(
        "Yes, your camera is under the one-year warranty until 1 December 2027"
    )


def test_a_bare_day_after_a_month_is_that_day_of_the_month(customer: Start) -> None:
    # "I got it in March" ... "the third": Alexa resolves "the third" to the next 3rd
    # (3 December), but the customer means 3 March.
    talk = customer()
    month = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2027-03")
    assert month.startswith(
        "Yes, your camera is under the one-year warranty until at least 1 March 2027"
    )
    day = talk.says("WarrantyStatusIntent", purchaseDate="2026-12-03")
    assert day == "Just to check: you bought your camera on 3 March?"
    assert talk.yes().startswith(
        "Yes, your camera is under the one-year warranty until 3 March 2027"
    )


def test_a_no_to_the_day_in_the_month_offers_the_other_readings(customer: Start) -> None:
    talk = customer()
    talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2027-03")
    talk.says("WarrantyStatusIntent", purchaseDate="2026-12-03")
    assert talk.says("AMAZON.NoIntent") == (
        "Then did you buy your camera on 3 November, not 3 December 2025?"
    )


def test_i_dont_know_to_an_offer_does_nothing(customer: Start, store: CountingStore) -> None:
    talk = customer()
    talk.says("DeleteMyDataIntent")
    assert talk.says("DontKnowIntent").startswith("Okay, I've kept everything as it was.")
    assert "delete" not in store.calls


def test_a_linked_customer_checking_after_a_general_fact_hears_their_orders(
    customer: Start,
) -> None:
    talk = customer("demo-recent")
    assert talk.says("PolicyFactIntent", topic=("the warranty", "warranty_length")).endswith(
        "Would you like me to check yours?"
    )
    reply = talk.yes()
    assert "camera ordered on 16 November is under warranty until" in reply
    assert "When did you buy" not in reply


def test_a_linked_customer_is_not_offered_to_remember_a_purchase(customer: Start) -> None:
    """P1: the account's orders answer for them; nothing they describe needs storing."""
    reply = customer("demo-recent").says(
        "WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-06-01"
    )
    assert "Shall I remember" not in reply


def test_a_place_the_skill_does_not_know_gets_no_promise_of_delivery_there(
    customer: Start,
) -> None:
    """D2, D4: an unknown place may be abroad, so only Russia's terms are said."""
    reply = customer().says("DeliveryTimeIntent", region=("almaty", None))
    assert reply.startswith("I don't know Almaty in Russia. Anywhere in Russia,")
    assert "If it's outside Russia, ask ZOSI support" in reply


def test_an_order_day_said_without_a_year_is_the_one_just_gone(customer: Start) -> None:
    reply = customer().says("DeliveryTimeIntent", orderDate="2027-11-19", region=("Kazan", "kazan"))
    assert reply.startswith("Ordered on 19 November, it should arrive in Kazan between 26 November")


def test_a_country_of_purchase_nobody_knows_is_assumed_russian_and_said_so(
    customer: Start,
) -> None:
    """W6: living in Kazakhstan, bought who knows where: no promise that ZOSI pays."""
    talk = customer()
    talk.says("WarrantyStatusIntent", product=("N. V. R.", "nvr"), homeCountry=("Kazakhstan", "KZ"))
    talk.says("DontKnowIntent")
    reply = talk.says("WarrantyStatusIntent", purchaseDate="2026-07-10")
    assert "ZOSI pays the return shipping" not in reply
    assert "That's if you bought it in Russia" in reply


def test_a_linked_warranty_offer_names_one_payer_and_carries_the_rest_on_the_card(
    customer: Start,
) -> None:
    """W5 is spoken before "Shall I open a warranty repair?"; W8 and W9 are on the card.

    Spoken between "ZOSI covers the return shipping" and the question, "if no fault is
    found, you pay the shipping back" answered "who pays" with both payers.
    """
    talk = customer("demo-recent")
    reply = talk.says(
        "WarrantyStatusIntent",
        product=("N. V. R.", "nvr"),
        reason=("it died", "defect"),
        aspect=("who pays the postage", "who_pays"),
    )
    assert "ZOSI covers the return shipping. Shall I open a warranty repair request" in reply
    assert "you pay" not in reply
    assert "If ZOSI finds no fault, you pay for shipping it back to you" in talk.card  # W8
    assert "ZOSI never pays customs duties, taxes or carrier fees" in talk.card  # W9


# --- from the second customer review -----------------------------------------------------------


def test_not_knowing_where_the_customer_is_the_warranty_says_both_who_pays(
    customer: Start,
) -> None:
    """W5/W6: without a country, "ZOSI covers the return shipping" would be a promise.

    The speech makes none; the card says both (one breath: the second regime is not spoken).
    """
    talk = customer()
    reply = talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-08-01")
    assert "ZOSI pays the return shipping" not in reply
    card = talk.card
    assert "In the country you bought it in, ZOSI covers the return shipping" in card
    assert "you pay the international shipping" in card


def test_a_gift_refund_is_said_to_be_for_a_quality_problem_through_the_buyer(
    customer: Start,
) -> None:
    """R6."""
    reply = customer().says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10", store=("a gift", "gift")
    )
    assert reply.startswith("As it was a gift, ask the person who gave it for the receipt")
    assert "If it's faulty, ZOSI still refunds it in full until 10 December" in reply


def test_where_is_my_nvr_answers_about_the_nvr(customer: Start) -> None:
    """D5: the doorbell on its way is not the NVR asked about."""
    reply = customer("demo-recent").says("TrackOrderIntent", product=("N. V. R.", "nvr"))
    assert reply.startswith("I don't see any N. V. R. on its way in your ZOSI orders.")
    assert "doorbell" not in reply


def test_which_order_is_asked_again_after_help_and_a_date_picks_it(customer: Start) -> None:
    talk = customer("demo-recent")
    which = talk.says("StartClaimIntent", claimType=("warranty repair", "warranty_repair"))
    assert which.startswith("Which one do you mean:")
    helped = talk.says("AMAZON.HelpIntent")
    assert "Back to your purchase: which one do you mean: the video doorbell" in helped
    picked = talk.says("StartClaimIntent", purchaseDate="2026-05")
    assert picked == "What's wrong with it? Is it faulty, or did it arrive damaged?"
    offer = talk.says("StartClaimIntent", reason=("it's broken", "defect"))
    assert "N. V. R. ordered on 5 May" in offer


def test_a_delivery_question_mid_dialog_does_not_ask_its_own_question(customer: Start) -> None:
    talk = _asked_for_the_shop(customer)
    reply = talk.says("DeliveryTimeIntent")
    assert "Which city or region" not in reply
    assert reply.endswith(
        "Back to your camera: where did you buy it? On the ZOSI website, in ZOSI's official "
        "AliExpress store, or from another shop?"
    )
    assert talk.elicited == "store"


def test_a_fault_within_the_30_days_offers_the_refund_to_a_customer_not_linked(
    customer: Start,
) -> None:
    """R1, R4: "my camera is broken" eight days after buying it is not only a repair."""
    talk = customer()
    talk.says("StartClaimIntent", product=CAMERA, reason=("it's broken", "defect"))
    reply = talk.says("StartClaimIntent", purchaseDate="2026-11-13")
    assert reply.startswith("It's within the 30 days, so if you bought it from ZOSI, you can get")
    assert talk.elicited == "claimType"


def test_a_date_check_confirmed_through_alexas_own_prompt_counts_as_a_yes(
    customer: Start,
) -> None:
    """A console-built dialog may confirm the slot itself: CONFIRMED is a yes, DENIED a no."""
    talk = customer()
    check = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-12-05")
    assert check == "Just to check: you bought your camera on 5 November, not 5 December 2025?"
    confirmed = slot("purchaseDate", "2026-12-05") | {"confirmationStatus": "DENIED"}
    other = talk.send(
        talk.session.intent({"name": "ReturnRefundIntent", "slots": {"purchaseDate": confirmed}})
    )
    assert other == "Then did you buy your camera on 5 December 2025?"


def test_a_case_forged_mid_session_is_refused_quietly_and_nothing_is_done(
    customer: Start, store: CountingStore
) -> None:
    """Only the skill writes the case: a made-up offer or date check is ignored, never acted on."""
    talk = customer()
    talk.says("ContactSupportIntent")
    talk.session.attributes["case"] = {
        "q": ["offer", "format_my_disk", 1, []],
        "f": {"purchased": ["?", "guessed"]},
    }
    assert talk.yes() == "Okay. What would you like to know?"
    talk.session.attributes["case"] = {
        "q": ["confirm", "purchased", 1, []],
        "f": {"purchased": ["?", "guessed"]},
    }
    assert talk.yes() == "What else would you like to know?"  # no purchase question is open
    assert "delete" not in store.calls


# --- "say that again" -------------------------------------------------------------------------


def test_say_that_again_repeats_an_offer_and_a_yes_then_still_answers_it(customer: Start) -> None:
    """A repeat keeps the case: the yes after it accepts the offer that was repeated."""
    talk = customer()
    decided = talk.says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10", store=ZOSI_WEBSITE
    )
    assert "Shall I remember this purchase" in decided
    reprompt = talk.last["response"]["reprompt"]
    assert talk.says("AMAZON.RepeatIntent") == decided
    assert talk.last["response"]["reprompt"] == reprompt
    assert talk.last["response"]["shouldEndSession"] is False
    assert talk.yes().startswith("Done, I'll remember that.")


def test_say_that_again_while_a_fact_is_asked_asks_for_the_same_slot(customer: Start) -> None:
    talk = customer()
    asked = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10")
    assert talk.elicited == "store"
    assert talk.says("AMAZON.RepeatIntent") == asked
    assert talk.elicited == "store"
    answer = talk.says("ReturnRefundIntent", store=ZOSI_WEBSITE)
    assert answer.startswith("Yes, you can return your camera for a full refund until 10 December")


def test_say_that_again_at_the_start_of_a_session_says_there_is_nothing_yet(
    customer: Start,
) -> None:
    talk = customer()
    reply = talk.says("AMAZON.RepeatIntent")
    assert reply.startswith("I haven't said anything yet that I could repeat.")
    assert talk.last["response"]["shouldEndSession"] is False


def test_an_offer_is_asked_again_after_a_side_question_so_the_yes_still_answers_it(
    customer: Start,
) -> None:
    """Offer, a detour, yes: the yes answers the offer the detour's answer put again."""
    talk = customer()
    decided = talk.says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10", store=ZOSI_WEBSITE
    )
    offer = decided[decided.index("Shall I remember this purchase") :]
    detour = talk.says("ContactSupportIntent")
    assert detour.endswith(offer)
    assert "Is there anything else" not in detour
    assert talk.yes().startswith("Done, I'll remember that.")


def test_an_offer_not_understood_is_asked_once_more_then_lapses(customer: Start) -> None:
    """Audit P3: the same offer once more after a mumble; after a second, a yes does nothing.

    After a refund promised, what was missed may be the product's state ("box is gone btw"):
    the condition the promise holds on comes before the offer (R3).
    """
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-10", store=ZOSI_WEBSITE)
    again = talk.mumbles()
    assert again == (
        "Sorry, I didn't catch that. The refund holds if it and its box come back undamaged. "
        "Shall I remember this purchase for next time?"
    )
    assert "Shall I remember" not in talk.mumbles()
    assert not talk.yes().startswith("Done")


def test_a_product_eight_months_old_is_under_warranty_and_the_second_question_answered(
    customer: Start,
) -> None:
    """An age is a purchase date (W1): "is my eight month old camera still under warranty,
    and who pays to send it back" gets the decision first, then who pays (W5)."""
    reply = customer().says(
        "WarrantyStatusIntent",
        product=CAMERA,
        productAge="P8M",
        alsoAspect=("who pays to send it back", "who_pays"),
    )
    assert reply.startswith(
        "Yes, your camera is under the one-year warranty until at least 1 March 2027."
    )
    assert "ZOSI pays the return shipping" in reply
    assert "When did you buy" not in reply


def test_a_fault_after_five_months_is_a_warranty_repair_without_asking_the_date(
    customer: Start,
) -> None:
    """W2, W3: "the NVR won't boot after five months, will you replace it"."""
    reply = customer().says(
        "StartClaimIntent", product=("n. v. r.", "nvr"), reason=("won't boot", "defect"),
        productAge="P5M",
    )  # fmt: skip
    assert "warranty until at least 1 June 2027" in reply
    assert "repairs or replaces it" in reply
    assert "When did you buy" not in reply


def test_a_customer_at_home_in_russia_is_not_asked_where_they_bought_it(
    customer: Start,
) -> None:
    """W5: "I'm in Saint Petersburg" is the store's country; the decision needs no more."""
    reply = customer().says(
        "WarrantyStatusIntent",
        product=CAMERA,
        productAge="P6M",
        reason=("died", "defect"),
        homeCountry=("saint petersburg", "RU"),
    )
    assert reply.startswith("Yes, your camera is under the one-year warranty")
    assert "ZOSI repairs or replaces it, and ZOSI pays the return shipping" in reply
    assert "Which country" not in reply


def test_a_linked_customer_naming_the_day_of_their_order_hears_that_order(
    customer: Start, service: LocalAccountService
) -> None:
    """R1, R2: "can I return the camera I ordered on the 16th": the order says it was bought
    from ZOSI, so the answer is a yes with the offer, not a question about the shop."""
    reply = customer("demo-recent").says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-16"
    )
    assert reply.startswith("For the camera ordered on 16 November: Yes, you can return it")
    assert reply.endswith("Shall I open a refund return request for it?")


def test_a_linked_customer_naming_another_day_is_answered_for_that_day(
    customer: Start,
) -> None:
    """A date that is no order of theirs is a purchase elsewhere: the date stands (R1, R5)."""
    reply = customer("demo-recent").says(
        "ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-02"
    )
    assert "For the camera ordered" not in reply
    assert "until 2 December" in reply
    assert "Where did you buy it?" in reply


def test_a_fault_with_a_replacement_wanted_right_away_gets_the_advance_replacement(
    customer: Start,
) -> None:
    """X1: "my doorbell died, bought in February, I need a replacement right away"."""
    reply = customer().says(
        "PurchaseDetailsIntent",
        product=("doorbell", "doorbell"),
        purchaseDate="2026-02",
        reason=("died", "defect"),
        goal=("a replacement right away", "cross_ship"),
    )
    assert reply.startswith("Yes, you can get an advance replacement for your doorbell until")


def test_who_pays_to_send_back_with_no_reason_said_gives_both_cases(customer: Start) -> None:
    """R4, W5: "I want to send it back, who pays?" may be a change of mind or a fault."""
    reply = customer().says(
        "StartClaimIntent", product=CAMERA, aspect=("who pays the shipping", "who_pays")
    )
    assert "isn't a quality problem" in reply
    assert "you pay the shipping" in reply
    assert "If it's faulty or arrived damaged, ZOSI pays" in reply


def test_who_pays_after_a_change_of_mind_is_the_customer(customer: Start) -> None:
    """R4: "I not want camera anymore, only change mind, send back who pay"."""
    reply = customer().says(
        "StartClaimIntent",
        product=CAMERA,
        reason=("change mind", "changed_mind"),
        aspect=("who pay", "who_pays"),
    )
    assert reply.startswith("As it isn't a quality problem, you pay the return shipping")
    assert "ZOSI pays" not in reply


def test_a_fact_asked_with_a_delivery_question_is_said_with_the_short_delivery_answer(
    customer: Start,
) -> None:
    """D1, D2, D4: "do you sell on AliExpress, and is the delivery free": both, one breath."""
    reply = customer().says("DeliveryTimeIntent", alsoTopic=("aliexpress", "return_eligibility"))
    assert reply.startswith("Delivery in Russia is free and takes 3 to 30 business days.")
    assert "official ZOSI store on AliExpress" in reply
    assert reply.endswith("Which city or region should I estimate delivery to?")


def test_a_dated_refund_bought_on_aliexpress_says_until_when_before_asking_which_store(
    customer: Start,
) -> None:
    """R1, R2, R5: AliExpress alone may be ZOSI's store or another seller: the deadline as a
    condition first, then which store; never a bare counter-question."""
    talk = customer()
    reply = talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-11-10",
        store=("on aliexpress", "aliexpress"),
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store,")
    assert "until 10 December" in reply
    assert reply.endswith(
        "On AliExpress, did you buy it from ZOSI's official store, or from another seller there?"
    )
    decided = talk.says(
        "PurchaseDetailsIntent", store=("ZOSI's official store", "zosi_official_store")
    )
    assert decided.startswith("Yes, you can return your camera for a full refund until 10 December")


def test_a_dated_purchase_with_no_goal_and_no_shop_says_both_remedies_as_a_condition(
    customer: Start,
) -> None:
    """R1, R2, W1: "bought it on the 1st of November": the refund only if from ZOSI, the
    warranty, then what they want; no refund promised before the shop is known."""
    reply = customer().says("PurchaseDetailsIntent", product=CAMERA, purchaseDate="2026-11-01")
    assert reply.startswith(
        "If you bought it from ZOSI, you can still return your camera for a full refund until "
        "1 December, and the warranty runs until 1 November 2027."
    )
    assert reply.endswith("?")


def test_a_linked_customer_confirming_the_day_of_their_order_hears_that_order(
    customer: Start,
) -> None:
    """R1, R2: "the camera I got on the 16th" is checked as 16 November; the yes names the
    day of their ZOSI order, so the order answers instead of a question about the shop."""
    talk = customer("demo-recent")
    check = talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-12-16")
    assert check.startswith("Just to check: you bought your camera on 16 November")
    reply = talk.yes()
    assert reply.startswith("For the camera ordered on 16 November: Yes, you can return it")
    assert "Where did you buy it" not in reply


def test_a_refund_asked_with_a_rough_date_says_until_at_least_before_the_shop(
    customer: Start,
) -> None:
    """R1, R2: "bought it three weeks ago, money back?" gets the floor of the deadline as a
    condition first, never the shop question bare."""
    reply = customer().says(
        "PurchaseDetailsIntent",
        product=CAMERA,
        productAge="P3W",
        reason=("broke", "defect"),
        goal=("money back", "refund"),
    )
    assert reply.startswith("If you bought it from ZOSI or its official AliExpress store,")
    assert "for a full refund until at least" in reply
    assert reply.endswith("or from another shop?")


def test_a_faulty_product_sent_from_abroad_asked_as_a_general_question_is_at_their_cost(
    customer: Start,
) -> None:
    """W6, W9: "I'm in Berlin, my doorbell from Russia stopped working, who pays the shipping
    and will I have to pay customs": customs are theirs, and so is the international
    shipping; never "ZOSI pays the return shipping" for a product sent from abroad."""
    talk = customer()
    reply = talk.says(
        "PolicyFactIntent",
        topic=("customs", "customs"),
        aspect=("will I have to pay", "who_pays"),
        reason=("stopped working", "defect"),
        homeCountry=("Berlin", "DE"),
        purchaseCountry=("Russia", "RU"),
    )
    assert reply.startswith("ZOSI doesn't pay customs clearance")
    assert "you pay the international shipping" in reply
    assert "ZOSI pays" not in reply
    # where they are stays in the case: a repair asked next is decided for abroad
    follow = talk.says("PolicyFactIntent", aspect=("who pays the postage", "who_pays"))
    assert "you pay the international shipping" in follow


def test_abroad_said_without_a_country_is_outside_the_country_of_purchase(
    customer: Start,
) -> None:
    """W6, D2: "I live abroad now", "outside Russia", "overseas" name no country, yet the
    rule for a return from abroad applies; delivery there is not in the published terms."""
    reply = customer().says(
        "WarrantyStatusIntent",
        product=CAMERA,
        reason=("broke", "defect"),
        homeCountry=("abroad", "ZZ"),
        aspect=("who pays to send it back", "who_pays"),
    )
    assert reply.startswith("If you send it from outside the country you bought it in, you pay")
    delivery = customer().says("DeliveryTimeIntent", country=("overseas", "ZZ"))
    assert delivery.startswith("ZOSI's delivery terms cover Russia only")


def test_who_pays_if_nothing_is_wrong_with_it_is_the_no_fault_rule(customer: Start) -> None:
    """W8: "who pays to send it back if your technicians say it's fine" asks one thing:
    the customer pays to get it back. Never W5's "ZOSI pays" for a faulty product."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("say the doorbell is fine", "not_faulty"),
        alsoAspect=("who pays to send it back", "who_pays"),
    )
    assert reply.startswith("If ZOSI tests the product and finds no fault")
    assert "ZOSI pays" not in reply
    shipping = customer().says(
        "PolicyFactIntent",
        topic=("the shipping", "delivery_cost"),
        aspect=("it turns out nothing is wrong", "not_faulty"),
    )
    assert shipping.startswith("If ZOSI tests the product and finds no fault")


def test_where_to_send_it_once_the_request_is_authorised_is_the_rma_process(
    customer: Start,
) -> None:
    """W4: "support said my request is authorised, now where do I send it" is past the
    first step: the return label or address and the RMA code, not "email support first"."""
    reply = customer().says(
        "PolicyFactIntent",
        aspect=("is authorised", "approved"),
        alsoAspect=("where do I send it", "steps"),
        product=CAMERA,
    )
    assert reply.startswith("Once support approves your claim,")
    assert "RMA code" in reply
    assert "The first step" not in reply
    label = customer().says("PolicyFactIntent", aspect=("a return label", "approved"))
    assert label.startswith("Once support approves your claim,")


def test_when_the_replacement_ships_once_approved_is_the_dispatch_time(customer: Start) -> None:
    """X4: "once it's approved, when will the replacement be sent" is 2 to 3 business days."""
    reply = customer().says(
        "CrossShipIntent",
        aspect=("once it's approved", "approved"),
        alsoAspect=("when will it be sent", "how_fast"),
    )
    assert reply.startswith("ZOSI ships the replacement within 2 to 3 business days")


def test_a_gift_with_a_warranty_question_says_to_ask_the_giver(customer: Start) -> None:
    """R6: "someone gave me a camera as a present, do I need their receipt for a warranty
    repair" names no aspect, but the gift decides the answer: the giver has the receipt."""
    reply = customer().says(
        "PolicyFactIntent",
        store=("someone gave me", "gift"),
        topic=("a warranty repair", "warranty_claim"),
    )
    assert reply.startswith("For a gift, ask the person who gave it to you")


def test_another_shop_with_refunds_asked_promises_no_thirty_days(customer: Start) -> None:
    """R5: "I bought it on Ozon, what about refunds": that shop's policy, and not ZOSI's
    30 days said after it as if they applied; ZOSI's warranty still does (W1)."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("ozon", "third_party"),
        alsoTopic=("refunds", "return_window"),
    )
    assert reply.startswith("If another shop or reseller sold it to you, that shop handles")
    assert "30 days" not in reply
    warranty = customer().says(
        "PolicyFactIntent", store=("ozon", "third_party"), topic=("the warranty", "warranty_length")
    )
    assert warranty.startswith("Every ZOSI product has a 12-month warranty")


def test_a_refund_with_a_month_too_rough_for_a_deadline_says_the_rule_before_the_shop(
    customer: Start,
) -> None:
    """R1, R2: "maybe a month ago, maybe two, can I still return it" (October, said on
    21 November) may or may not be within 30 days: the rule first, never the shop question
    bare; the shop then gives the day it turns on."""
    talk = customer()
    reply = talk.says("PurchaseDetailsIntent", purchaseDate="2026-10", goal=("return it", "refund"))
    assert reply.startswith("A full refund is possible within 30 days of purchase")
    assert reply.endswith("or from another shop?")
    shop = talk.says("PurchaseDetailsIntent", store=("the website", "zosi_website"))
    assert "If you bought it on or after 22 October, you can still return it" in shop


def test_the_rule_with_a_fault_drops_its_second_route_rather_than_a_second_breath(
    customer: Start,
) -> None:
    """R1, R4, W2: "the camera was smashed when the courier delivered it and I want a refund"
    gets the rule and who pays, then the date question, in one breath (50 words at most):
    the warranty's second route waits on the card when it would not fit."""
    reply = customer().says(
        "ReturnRefundIntent",
        product=("the camera was", None),
        reason=("smashed when the courier delivered it", "damaged_in_transit"),
    )
    assert reply.startswith("A full refund is possible within 30 days of purchase")
    assert "ZOSI pays the return shipping" in reply
    assert reply.endswith("when did you buy it?")
    assert len(reply.split()) <= 50


def test_a_fault_said_with_who_pays_is_the_warranty_return_not_delivery(customer: Start) -> None:
    """W5, W6: "my camera come from China, not work, who pay" asks who pays to send a faulty
    product back, whatever topic the words fell into ("come from"), never what delivery of
    a new order costs (D2)."""
    reply = customer().says(
        "PolicyFactIntent",
        topic=("come from", "ships_from"),
        reason=("not work", "defect"),
        aspect=("who pay", "who_pays"),
        product=CAMERA,
        purchaseCountry=("china", "CN"),
    )
    assert "Delivery is free" not in reply
    assert reply.startswith("When a faulty product under warranty is sent back within the country")
    assert "ZOSI pays the return shipping" in reply


def test_a_refund_asked_second_with_the_box_gone_is_said_to_be_ruled_out(
    customer: Start,
) -> None:
    """R3, W1: "I lost the box, can I still get a refund, and if not, is it under warranty"
    is answered on both counts: the warranty, then that no refund is possible without the
    box, never silence about the refund asked first."""
    reply = customer().says(
        "WarrantyStatusIntent",
        condition=("i lost the box", "packaging_gone"),
        alsoTopic=("get a refund", "return_window"),
        purchaseDate="2026-11-01",
        store=("your store", "zosi_website"),
    )
    assert reply.startswith("Yes, it is under the one-year warranty until 1 November 2027.")
    assert "Without its original packaging in good shape, it can't go back for a refund." in reply
    assert "full refund until" not in reply


def test_a_linked_gift_with_a_fault_hears_of_the_giver_with_the_refund_or_repair_choice(
    customer: Start,
) -> None:
    """R6, R1, W2: a gift's fault inside the 30 days leaves the choice, and the receipt the
    refund needs is the giver's: said before asking, not left out."""
    reply = customer("demo-gift").says(
        "StartClaimIntent", product=CAMERA, reason=("stopped working", "defect")
    )
    assert reply.startswith("As it was a gift, ask the person who gave it for the receipt.")
    assert "if you bought it from ZOSI" not in reply
    assert reply.endswith("Do you want a refund, a warranty repair, or an advance replacement?")


def test_a_card_question_heard_as_privacy_in_an_advance_replacement_is_the_hold(
    customer: Start,
) -> None:
    """X3: "do you need my card for that", said of an advance replacement, asks about the
    card hold; asked with no purchase discussed, too: the skill never asks for or keeps a
    card (P1), and the only time ZOSI needs one is that hold."""
    talk = customer()
    talk.says("CrossShipIntent", product=CAMERA, purchaseDate="2026-08-20")
    reply = talk.says("PrivacyPolicyIntent", aspect=("my card", "card_hold"))
    assert reply.startswith("ZOSI puts a 30-day hold on your credit card")
    alone = customer().says("PrivacyPolicyIntent", aspect=("my card", "card_hold"))
    assert alone.startswith("ZOSI puts a 30-day hold on your credit card"), alone


@pytest.mark.parametrize(
    ("said", "then"),
    [
        pytest.param({}, "When did you buy your camera?", id="date-asked-after-the-fact"),
        pytest.param(
            {"purchaseDate": "2026-11-10", "store": ("your website", "zosi_website")},
            "Shall I remember this purchase for next time?",
            id="decision-then-the-fact",
        ),
    ],
)
def test_what_state_a_return_must_be_in_asked_of_their_camera_is_said(
    customer: Start, said: dict[str, object], then: str
) -> None:
    """R3: "does the box have to be in perfect condition for me to return the camera" asks
    R3 of their purchase: the refund's date question or decision never drops it."""
    reply = customer().says(
        "PolicyFactIntent", topic=("the box", "return_condition"), product=CAMERA, **said
    )
    assert "The product and its packaging need to come back undamaged" in reply
    assert reply.endswith(then)


def test_abroad_said_of_a_dated_purchase_hears_what_abroad_means_before_the_question(
    customer: Start,
) -> None:
    """W6: "is the warranty good if I'm in Armenia now", after a warranty answer, gets what
    being abroad means before "which country did you buy it in", never that question bare."""
    talk = customer()
    talk.says(
        "WarrantyStatusIntent",
        product=("doorbell", "doorbell"),
        reason=("stopped working", "defect"),
        purchaseDate="2026-11-02",
    )
    reply = talk.says("WarrantyStatusIntent", homeCountry=("armenia", "AM"))
    assert "you pay the international shipping and any customs and other fees." in reply
    assert reply.endswith("Which country did you buy your doorbell in?")
    assert not reply.startswith("Which country")
    decided = talk.says("WarrantyStatusIntent", purchaseCountry=("russia", "RU"))
    assert decided.startswith(
        "Yes, your doorbell is under the one-year warranty until 2 November 2027."
    )
    assert "you pay the international shipping" in decided


def test_a_camera_they_dropped_hears_the_warranty_runs_but_no_repair_promise(
    customer: Start,
) -> None:
    """W1, W8: "I dropped my camera and cracked the lens, is it still under warranty" gets
    the warranty's end and that damage they caused is ZOSI support's call, never "ZOSI
    repairs or replaces it"."""
    reply = customer().says(
        "WarrantyStatusIntent",
        condition=("cracked the lens", "damaged_by_customer"),
        product=CAMERA,
        purchaseDate="2026-11-10",
    )
    assert reply.startswith(
        "Yes, your camera is under the one-year warranty until 10 November 2027."
    )
    assert "Whether it covers damage you caused is for ZOSI support to decide" in reply
    assert "repairs or replaces" not in reply


def test_the_warranty_asked_after_a_refund_answer_is_about_their_purchase(
    customer: Start,
) -> None:
    """W1: "what about the warranty then", after a refund answer about the camera bought on
    20 November, is that camera's warranty, not the rule as if nothing had been said."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-11-20",
        store=("your website", "zosi_website"),
    )
    reply = talk.says("PolicyFactIntent", topic=("the warranty", "warranty_length"))
    assert reply.startswith(
        "Yes, your camera is under the one-year warranty until 20 November 2027."
    )


def test_a_fact_that_changes_nothing_gets_the_answer_in_one_sentence_not_again_whole(
    customer: Start,
) -> None:
    """W1-W3: "from your website, I guess", after the claim answer the shop doesn't change,
    hears the decision's first sentence, not the whole answer word for word again."""
    talk = customer()
    talk.says(
        "StartClaimIntent", product=("doorbell", "doorbell"), reason=("stopped working", "defect")
    )
    first = talk.says("StartClaimIntent", purchaseDate="2026-SU")
    assert "First, email ZOSI support" in first
    again = talk.says("PurchaseDetailsIntent", store=("your website", "zosi_website"))
    assert again != first
    assert again.startswith("Your doorbell is under warranty until at least 1 June 2027")
    assert "First, email ZOSI support" not in again
    assert talk.card  # the steps stay on the card


def test_i_dont_know_with_nothing_asked_hears_what_can_be_asked(customer: Start) -> None:
    """ "I don't know" with no question open gets what the skill answers, with examples,
    never a bare "Okay. What would you like to know?"."""
    reply = customer().says("DontKnowIntent")
    assert reply.startswith("I answer questions about ZOSI returns, the warranty")
    assert "For example:" in reply


def test_why_asked_to_a_purchase_question_says_what_the_answer_changes(customer: Start) -> None:
    """R1, W1: "why do you need to know that", said to "when did you buy it?", hears that
    the refund period and the warranty count from that day, then the question again; with
    nothing asked it stays a question about data (P1-P9)."""
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA)
    why = talk.says("PrivacyPolicyIntent")
    assert why.startswith("The 30-day refund period and the 12-month warranty both count from")
    assert why.endswith("Back to your camera: when did you buy it?")
    assert customer().says("PrivacyPolicyIntent").startswith("I remember things only once")


def test_a_refund_asked_second_from_another_shop_with_the_box_opened_is_not_the_r3_rule(
    customer: Start,
) -> None:
    """R5, R3 decision: bought from another shop, a refund asked second has no 30 days to
    speak of; an opened box rules nothing out, so no condition sentence is said for it."""
    reply = customer().says(
        "WarrantyStatusIntent",
        condition=("i opened the box", "opened"),
        alsoTopic=("get a refund", "return_window"),
        purchaseDate="2026-11-01",
        store=("a shop in town", "third_party"),
    )
    assert "packaging" not in reply
    assert "full refund until" not in reply


def test_a_fault_past_the_30_days_is_still_refunded_or_replaced_under_warranty(
    customer: Start,
) -> None:
    """W5, W7: "ZOSI sent my NVR three months ago and it's defective, do I get a full refund":
    R1's 30 days are over, but a defective product under warranty gets a refund or a
    replacement: never "Sorry, the refund period ended" to someone whose product is faulty."""
    talk = customer()
    reply = talk.says(
        "PolicyFactIntent",
        goal=("get a full refund", "refund"),
        purchaseDate="2026-08",
        reason=("it's defective", "defect"),
        product=("n. v. r.", "nvr"),
    )
    assert reply.startswith(
        "Yes: it's under the one-year warranty until at least 1 August 2027, and as it's "
        "faulty, you can get a full refund or a replacement once ZOSI support confirms the "
        "fault. ZOSI pays the return shipping."
    ), reply
    assert "ended" not in reply
    assert "Email ZOSI support" in talk.card
    # the same question for a change of mind is R1's refusal
    other = customer().says(
        "PolicyFactIntent",
        goal=("get a full refund", "refund"),
        purchaseDate="2026-08",
        reason=("i changed my mind", "changed_mind"),
        product=("n. v. r.", "nvr"),
    )
    assert other.startswith("Sorry, the 30-day refund period for your n. v. r. ended"), other


def test_an_advance_replacement_too_late_for_an_unnamed_product_says_yours(
    customer: Start,
) -> None:
    """X1: "it's been 13 months, can I get an advance replacement": no product was named, so
    the refusal speaks of theirs, never "and for it that ended"."""
    reply = customer().says("CrossShipIntent", productAge="P13M")
    assert reply.startswith(
        "Sorry, advance replacement is only for purchases from the last 12 months, and for "
        "yours that ended on"
    ), reply


def test_what_if_it_came_from_another_shop_re_asks_the_dated_purchases_own_question(
    customer: Start,
) -> None:
    """W1 third-party decision, R5: "what if I bought it on Amazon" after a warranty answer
    asks that warranty again for another shop's purchase (still covered), never the refund
    rule for other shops; after a refund answer, the refund goes through that shop."""
    talk = customer()
    talk.says("WarrantyStatusIntent", product=CAMERA, purchaseDate="2026-03-03")
    talk.no()  # nothing remembered
    reply = talk.says("PolicyFactIntent", topic=("amazon", "third_party"))
    assert reply.startswith(
        "Yes, your camera is under the one-year warranty until 3 March 2027."
    ), reply
    assert "refund" not in reply
    talk = customer()
    talk.says("ReturnRefundIntent", product=CAMERA, purchaseDate="2026-11-20")
    reply = talk.says("PolicyFactIntent", topic=("amazon", "third_party"))
    assert reply.startswith("Since you bought your camera from another shop, the refund goes"), (
        reply
    )


def test_another_products_who_pays_is_not_decided_by_the_first_products_reason(
    customer: Start,
) -> None:
    """R4: the camera goes back for a change of mind; "and the doorbell, who pays the return
    shipping for that" says nothing of the doorbell's reason, so both cases are said, never
    the camera's "as it isn't a quality problem, you pay"; the camera's own is still its."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-11-10",
        store=ZOSI_WEBSITE,
        reason=("changed my mind", "changed_mind"),
    )
    talk.no()  # nothing remembered
    doorbell = talk.says(
        "PolicyFactIntent", aspect=("who pays the return", "who_pays"), product=DOORBELL
    )
    assert doorbell.startswith("If you're sending it back for a reason that isn't a quality"), (
        doorbell
    )
    assert "If it's faulty or arrived damaged, ZOSI pays." in doorbell
    camera = talk.says(
        "PolicyFactIntent", aspect=("who pays the return", "who_pays"), product=CAMERA
    )
    assert camera.startswith("As it isn't a quality problem, you pay the return shipping"), camera


def test_where_they_are_said_after_a_decision_re_decides_it_not_an_unknown_topic(
    customer: Start,
) -> None:
    """W6 with W5: "I'm in Armenia now though", after a fault's refund past the 30 days, fills a
    topic and an aspect with words that match nothing ("though", "now"): it names no rule, so
    it is a fact of their purchase, and the decision is said again for a customer abroad."""
    talk = customer()
    talk.says(
        "ReturnRefundIntent",
        product=CAMERA,
        purchaseDate="2026-08",
        store=ZOSI_WEBSITE,
        reason=("it died", "defect"),
    )
    reply = talk.says(
        "PolicyFactIntent",
        homeCountry=("armenia", "AM"),
        aspect="now",
        topic="though",
    )
    assert "I don't know that part" not in reply
    assert (
        "From abroad, you pay the international shipping and any customs and other fees." in reply
    ), reply
