"""The interaction model's names: every intent and slot name, the only place handlers spell them.

The model is ``interaction_models/source/model.yaml``; these strings must match it
exactly (``tests/unit/test_handler_names.py`` checks both ways). Intent constants end in
``_INTENT``; the others are slot names. The tables at the end map the purchase
conversation's goals and facts (:mod:`conversation.case`) to the intents and slots
that carry them: pure name tables, no handling.
"""

from __future__ import annotations

from typing import Final

from conversation.case import FactName, Goal

# --- intents -------------------------------------------------------------------------------------

RETURN_REFUND_INTENT: Final = "ReturnRefundIntent"
WARRANTY_STATUS_INTENT: Final = "WarrantyStatusIntent"
CROSS_SHIP_INTENT: Final = "CrossShipIntent"
START_CLAIM_INTENT: Final = "StartClaimIntent"
PURCHASE_DETAILS_INTENT: Final = "PurchaseDetailsIntent"
DONT_KNOW_INTENT: Final = "DontKnowIntent"
POLICY_FACT_INTENT: Final = "PolicyFactIntent"
CLAIM_STATUS_INTENT: Final = "ClaimStatusIntent"
#: The intent delivery answers, whose region slot is elicited.
DELIVERY_TIME_INTENT: Final = "DeliveryTimeIntent"
TRACK_ORDER_INTENT: Final = "TrackOrderIntent"
CONTACT_SUPPORT_INTENT: Final = "ContactSupportIntent"
PRIVACY_POLICY_INTENT: Final = "PrivacyPolicyIntent"
MY_DATA_INTENT: Final = "MyDataIntent"
DELETE_MY_DATA_INTENT: Final = "DeleteMyDataIntent"
WITHDRAW_CONSENT_INTENT: Final = "WithdrawConsentIntent"

YES_INTENT: Final = "AMAZON.YesIntent"
NO_INTENT: Final = "AMAZON.NoIntent"
HELP_INTENT: Final = "AMAZON.HelpIntent"
FALLBACK_INTENT: Final = "AMAZON.FallbackIntent"
REPEAT_INTENT: Final = "AMAZON.RepeatIntent"
STOP_INTENT: Final = "AMAZON.StopIntent"
CANCEL_INTENT: Final = "AMAZON.CancelIntent"
NAVIGATE_HOME_INTENT: Final = "AMAZON.NavigateHomeIntent"

# --- slots ---------------------------------------------------------------------------------------

PRODUCT: Final = "product"
PURCHASE_DATE: Final = "purchaseDate"
PRODUCT_AGE: Final = "productAge"
STORE: Final = "store"
REASON: Final = "reason"
CONDITION: Final = "condition"
PURCHASE_COUNTRY: Final = "purchaseCountry"
HOME_COUNTRY: Final = "homeCountry"
CLAIM_TYPE: Final = "claimType"
GOAL: Final = "goal"
ASPECT: Final = "aspect"
TOPIC: Final = "topic"
#: A second topic asked in the same breath ("is it encrypted, and do you share it?").
ALSO_TOPIC: Final = "alsoTopic"
#: A second aspect asked in the same breath ("who pays the shipping, and do I pay customs?").
ALSO_ASPECT: Final = "alsoAspect"
REGION: Final = "region"
ORDER_DATE: Final = "orderDate"
ORDERED_ON: Final = "orderedOn"
COUNTRY: Final = "country"

# --- the purchase conversation's goals and facts ---------------------------------------------

GOALS = {
    RETURN_REFUND_INTENT: Goal.REFUND,
    WARRANTY_STATUS_INTENT: Goal.WARRANTY,
    CROSS_SHIP_INTENT: Goal.CROSS_SHIP,
    START_CLAIM_INTENT: Goal.CLAIM,
}
#: The slot of each fact, by which intents can elicit it.
SLOTS = {
    FactName.PURCHASED: PURCHASE_DATE,
    FactName.CHANNEL: STORE,
    FactName.REASON: REASON,
    FactName.PURCHASE_COUNTRY: PURCHASE_COUNTRY,
    FactName.HOME_COUNTRY: HOME_COUNTRY,
    FactName.CLAIM_KIND: CLAIM_TYPE,
    FactName.PRODUCT: PRODUCT,
    FactName.ORDER: PURCHASE_DATE,
    FactName.CONDITION: CONDITION,
}
INTENTS = {goal: name for name, goal in GOALS.items()}
