"""What the skill says in English (every en-* locale), decision first, in its own words.

Functions here turn policy decisions (NamedTuples from :mod:`policy`) into
:class:`~speech.Answer` objects: what to say, and a card with the facts a customer will
want to keep. No rule logic lives here: every condition read below is a field the
policy core already decided.

This package is the English :class:`~speech.voice.Voice`: each module speaks one answer
family, and every name the Voice reads is re-exported below.

- :mod:`speech.en.common`: building blocks (the skill's name, claim steps, dates, products)
- :mod:`speech.en.returns`: refund returns (R1-R6)
- :mod:`speech.en.warranty`: the warranty (W1-W9)
- :mod:`speech.en.crossship`: advance replacement (X1-X4)
- :mod:`speech.en.delivery`: delivery and tracking (D1-D5)
- :mod:`speech.en.support`: a claim's steps and contacting support (C1)
- :mod:`speech.en.privacy`: the customer's data: what is stored, deleting it (P1-P9)
- :mod:`speech.en.account`: answers from a linked ZOSI account (P2)
- :mod:`speech.en.dialog`: the conversation around the answers (WELCOME, ASK_*, OFFER_*)
- :mod:`speech.en.steps`: the steps of a purchase conversation (:mod:`conversation.steps`)
- :mod:`speech.en.facts`: general policy facts, loaded on the first general question
- :mod:`speech.en.screen_words`: the words on an Echo Show screen, loaded for a screen
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from speech.en.account import ACCOUNT_UNAVAILABLE as ACCOUNT_UNAVAILABLE
from speech.en.account import ASK_FAULT as ASK_FAULT
from speech.en.account import ASK_REASON as ASK_REASON
from speech.en.account import ASK_WHICH_ORDER as ASK_WHICH_ORDER
from speech.en.account import ASK_WHICH_ORDER_DAY as ASK_WHICH_ORDER_DAY
from speech.en.account import ASK_WHICH_PRODUCT as ASK_WHICH_PRODUCT
from speech.en.account import CHECK_REQUEST_AGAIN as CHECK_REQUEST_AGAIN
from speech.en.account import CHECKED_AGAIN as CHECKED_AGAIN
from speech.en.account import CLAIM_NOT_ALLOWED as CLAIM_NOT_ALLOWED
from speech.en.account import CLAIM_NOT_OPENED as CLAIM_NOT_OPENED
from speech.en.account import KIND_NAMES as KIND_NAMES
from speech.en.account import KIND_SPOKEN as KIND_SPOKEN
from speech.en.account import LINK_EXPIRED as LINK_EXPIRED
from speech.en.account import LINK_NEEDED as LINK_NEEDED
from speech.en.account import LOOKING_UP as LOOKING_UP
from speech.en.account import MAX_LISTED as MAX_LISTED
from speech.en.account import MINOR_CANNOT_CHECK as MINOR_CANNOT_CHECK
from speech.en.account import MINOR_NO_CONSENT as MINOR_NO_CONSENT
from speech.en.account import NO_MATCHING_ORDER as NO_MATCHING_ORDER
from speech.en.account import NO_ORDERS as NO_ORDERS
from speech.en.account import NOT_ON_ITS_WAY as NOT_ON_ITS_WAY
from speech.en.account import PARCEL_STATUS as PARCEL_STATUS
from speech.en.account import POLICY_NOTICE as POLICY_NOTICE
from speech.en.account import REASON_NAMES as REASON_NAMES
from speech.en.account import REQUEST_MAY_BE_OPEN as REQUEST_MAY_BE_OPEN
from speech.en.account import REQUESTS_NEED_LINK as REQUESTS_NEED_LINK
from speech.en.account import STATUS_NAMES as STATUS_NAMES
from speech.en.account import claim_opened as claim_opened
from speech.en.account import confirm_claim as confirm_claim
from speech.en.account import order_label as order_label
from speech.en.account import orders_answer as orders_answer
from speech.en.account import parcels_answer as parcels_answer
from speech.en.account import requests_answer as requests_answer
from speech.en.account import spoken_product as spoken_product
from speech.en.account import which_order as which_order
from speech.en.common import DAYS_LEFT_SPOKEN as DAYS_LEFT_SPOKEN
from speech.en.common import SKILL_NAME as SKILL_NAME
from speech.en.common import SPOKEN_EMAIL as SPOKEN_EMAIL
from speech.en.common import STEP_TEXT as STEP_TEXT
from speech.en.common import days_left as days_left
from speech.en.common import steps_text as steps_text
from speech.en.common import support_card_line as support_card_line
from speech.en.common import the_product as the_product
from speech.en.common import title_product as title_product
from speech.en.common import until as until
from speech.en.crossship import cross_ship_answer as cross_ship_answer
from speech.en.delivery import FOR_SAVED_REGION as FOR_SAVED_REGION
from speech.en.delivery import MAX_PLACE_WORDS as MAX_PLACE_WORDS
from speech.en.delivery import delivery_abroad_answer as delivery_abroad_answer
from speech.en.delivery import delivery_answer as delivery_answer
from speech.en.delivery import repair_time_answer as repair_time_answer
from speech.en.delivery import tracking_help as tracking_help
from speech.en.dialog import ANYTHING_ELSE as ANYTHING_ELSE
from speech.en.dialog import ASK_ALIEXPRESS_SELLER as ASK_ALIEXPRESS_SELLER
from speech.en.dialog import ASK_CLAIM_TYPE as ASK_CLAIM_TYPE
from speech.en.dialog import ASK_PURCHASE_DATE as ASK_PURCHASE_DATE
from speech.en.dialog import ASK_REGION as ASK_REGION
from speech.en.dialog import ASK_STORE as ASK_STORE
from speech.en.dialog import BAD_DATE as BAD_DATE
from speech.en.dialog import BAD_ORDER_DATE as BAD_ORDER_DATE
from speech.en.dialog import CONFIRM_OTHER_READING as CONFIRM_OTHER_READING
from speech.en.dialog import CONFIRM_PURCHASE_DATE as CONFIRM_PURCHASE_DATE
from speech.en.dialog import DATE_NOTED as DATE_NOTED
from speech.en.dialog import ERROR as ERROR
from speech.en.dialog import EXAMPLES as EXAMPLES
from speech.en.dialog import FALLBACK as FALLBACK
from speech.en.dialog import FUTURE_DATE as FUTURE_DATE
from speech.en.dialog import GOODBYE as GOODBYE
from speech.en.dialog import HELP as HELP
from speech.en.dialog import NOT_CONFIGURED as NOT_CONFIGURED
from speech.en.dialog import NOT_REMEMBERED as NOT_REMEMBERED
from speech.en.dialog import NOT_SAVING as NOT_SAVING
from speech.en.dialog import NOTHING_TO_REPEAT as NOTHING_TO_REPEAT
from speech.en.dialog import OFFER_REMEMBER_BRIEF as OFFER_REMEMBER_BRIEF
from speech.en.dialog import OFFER_REMEMBER_PURCHASE as OFFER_REMEMBER_PURCHASE
from speech.en.dialog import OFFER_REMEMBER_REGION as OFFER_REMEMBER_REGION
from speech.en.dialog import OKAY as OKAY
from speech.en.dialog import REMEMBERED as REMEMBERED
from speech.en.dialog import REPROMPT_PURCHASE_DATE as REPROMPT_PURCHASE_DATE
from speech.en.dialog import STATE_UNAVAILABLE as STATE_UNAVAILABLE
from speech.en.dialog import UNKNOWN_STORE as UNKNOWN_STORE
from speech.en.dialog import UNKNOWN_TOPIC as UNKNOWN_TOPIC
from speech.en.dialog import USING_REMEMBERED_PURCHASE as USING_REMEMBERED_PURCHASE
from speech.en.dialog import WELCOME as WELCOME
from speech.en.dialog import WHAT_TO_ASK as WHAT_TO_ASK
from speech.en.privacy import CONFIRM_DELETE as CONFIRM_DELETE
from speech.en.privacy import CONFIRM_WITHDRAW as CONFIRM_WITHDRAW
from speech.en.privacy import DELETE_FAILED as DELETE_FAILED
from speech.en.privacy import DELETED as DELETED
from speech.en.privacy import NOTHING_DELETED as NOTHING_DELETED
from speech.en.privacy import NOTHING_STORED as NOTHING_STORED
from speech.en.privacy import OFFER_DELETE_NOW as OFFER_DELETE_NOW
from speech.en.privacy import STORED_FIELDS as STORED_FIELDS
from speech.en.privacy import UNLINK_IN_APP as UNLINK_IN_APP
from speech.en.privacy import WITHDRAW_EXPLAINED as WITHDRAW_EXPLAINED
from speech.en.privacy import WITHDRAW_EXPLAINED_LINKED as WITHDRAW_EXPLAINED_LINKED
from speech.en.privacy import privacy_answer as privacy_answer
from speech.en.privacy import stored_data_answer as stored_data_answer
from speech.en.privacy import withdrawn as withdrawn
from speech.en.returns import CONDITION_CARD as CONDITION_CARD
from speech.en.returns import CONDITION_RULES_OUT as CONDITION_RULES_OUT
from speech.en.returns import DAMAGED as DAMAGED
from speech.en.returns import refund_if_direct as refund_if_direct
from speech.en.returns import return_answer as return_answer
from speech.en.steps import ASK_CLAIM_TYPE_AGAIN as ASK_CLAIM_TYPE_AGAIN
from speech.en.steps import ASK_PURCHASE_COUNTRY as ASK_PURCHASE_COUNTRY
from speech.en.steps import ASK_PURCHASE_COUNTRY_AGAIN as ASK_PURCHASE_COUNTRY_AGAIN
from speech.en.steps import ASK_PURCHASE_DATE_AGAIN as ASK_PURCHASE_DATE_AGAIN
from speech.en.steps import ASK_REASON_AGAIN as ASK_REASON_AGAIN
from speech.en.steps import ASK_STORE_AGAIN as ASK_STORE_AGAIN
from speech.en.steps import ASSUMED_RUSSIA as ASSUMED_RUSSIA
from speech.en.steps import BACK_TO as BACK_TO
from speech.en.steps import BACK_TO_PURCHASE as BACK_TO_PURCHASE
from speech.en.steps import CANT_STORE as CANT_STORE
from speech.en.steps import CHECK_YOURS as CHECK_YOURS
from speech.en.steps import CLAIM_STEPS_ON_CARD as CLAIM_STEPS_ON_CARD
from speech.en.steps import DECLINED as DECLINED
from speech.en.steps import GAVE_UP as GAVE_UP
from speech.en.steps import GENERAL_RULE as GENERAL_RULE
from speech.en.steps import HELP_IN_DIALOG as HELP_IN_DIALOG
from speech.en.steps import MISSING_FACT as MISSING_FACT
from speech.en.steps import NO_FAULT_COSTS as NO_FAULT_COSTS
from speech.en.steps import NOT_UNDERSTOOD as NOT_UNDERSTOOD
from speech.en.steps import OFFER_CHECK_YOURS as OFFER_CHECK_YOURS
from speech.en.steps import ORDERS_TITLES as ORDERS_TITLES
from speech.en.steps import REFUND_IF_UNDAMAGED as REFUND_IF_UNDAMAGED
from speech.en.steps import REFUND_OR_REPAIR_GIFT as REFUND_OR_REPAIR_GIFT
from speech.en.steps import STEPS_ON_CARD as STEPS_ON_CARD
from speech.en.steps import WHAT_ELSE as WHAT_ELSE
from speech.en.steps import WHICH_GOAL as WHICH_GOAL
from speech.en.steps import ask_fact as ask_fact
from speech.en.steps import back_to as back_to
from speech.en.steps import brief_question as brief_question
from speech.en.steps import claim_start as claim_start
from speech.en.steps import claim_window as claim_window
from speech.en.steps import confirm_date as confirm_date
from speech.en.steps import costs_of as costs_of
from speech.en.steps import date_noted as date_noted
from speech.en.steps import decision_answer as decision_answer
from speech.en.steps import for_order as for_order
from speech.en.steps import for_remembered as for_remembered
from speech.en.steps import gave_up_after_rule as gave_up_after_rule
from speech.en.steps import general_answer as general_answer
from speech.en.steps import general_card as general_card
from speech.en.steps import general_rule as general_rule
from speech.en.steps import instead_offer as instead_offer
from speech.en.steps import instead_steps as instead_steps
from speech.en.steps import offer_request as offer_request
from speech.en.steps import propose_request as propose_request
from speech.en.steps import refund_or_repair as refund_or_repair
from speech.en.steps import refusal_advice as refusal_advice
from speech.en.steps import refused as refused
from speech.en.steps import reprompt_fact as reprompt_fact
from speech.en.steps import standing_answer as standing_answer
from speech.en.support import CLAIM_INTRO as CLAIM_INTRO
from speech.en.support import claim_steps_answer as claim_steps_answer
from speech.en.support import contact_answer as contact_answer
from speech.en.support import first_step as first_step
from speech.en.warranty import warranty_answer as warranty_answer

if TYPE_CHECKING:
    from collections.abc import Sequence

    from policy.facts import Explanation
    from speech import Answer
    from speech.ssml import Phrase
    from speech.voice import ScreenVoice


def fact_answer(explanation: Explanation) -> Answer:
    """One general policy fact, said first (the wording lives in ``speech.en.facts``)."""
    from speech.en.facts import fact_answer as render  # loaded only for a general question

    return render(explanation)


def facts_answer(explanations: Sequence[Explanation]) -> Answer:
    """The facts one question asked, one short sentence each (``speech.en.facts``)."""
    from speech.en.facts import facts_answer as render  # loaded only for a general question

    return render(explanations)


def short_fact(explanation: Explanation) -> Phrase:
    """One fact in one sentence, after the answer to another question (``speech.en.facts``)."""
    from speech.en.facts import short_fact as render  # loaded only for a second question

    return render(explanation)


def screen() -> ScreenVoice:
    """The words on an Echo Show screen (``speech.en.screen_words``, loaded only for a screen)."""
    from speech.en import screen_words

    return screen_words
