"""English for the conversation around the answers: greeting, help, questions and offers.

WELCOME, HELP, FALLBACK and GOODBYE; the questions of a purchase dialog (ASK_*,
CONFIRM_*); the offers to remember a purchase or a region (OFFER_*) and what is said
once they are answered. No POLICY rule is worded here: a sentence that carries one
lives with its family.
"""

from __future__ import annotations

from speech.en.common import SKILL_NAME

WELCOME = (
    f"Welcome to {SKILL_NAME}. I can help with returns, the warranty, and how long delivery takes."
)
WHAT_TO_ASK = "What would you like to know?"
EXAMPLES = (
    "For example: can I return the camera I bought on the fifth? Or: is my NVR still under "
    "warranty?"
)
HELP = (
    "I answer questions about ZOSI returns, the warranty, advance replacement, delivery, "
    f"contacting support, and your data. {EXAMPLES}"
)
FALLBACK = (
    "Sorry, I can't help with that. I only answer questions about ZOSI returns, the warranty, "
    "advance replacement, delivery and tracking."
)
ANYTHING_ELSE = "Anything else I can help with?"
NOTHING_TO_REPEAT = "I haven't said anything yet that I could repeat."
GOODBYE = "Goodbye, and thanks for choosing ZOSI."
OKAY = "Okay."
ERROR = "Sorry, something went wrong on my side, and I couldn't finish that."
NOT_CONFIGURED = "Sorry, ZOSI Care isn't available right now. Please try again later."

ASK_PURCHASE_DATE = "When did you buy {it}?"
REPROMPT_PURCHASE_DATE = (
    "Please tell me the day you bought {it}, for example: on the fifth of November."
)
BAD_DATE = "Sorry, I didn't catch a date I can use."
FUTURE_DATE = "That date hasn't come yet, so it can't be the day you bought it."
CONFIRM_PURCHASE_DATE = "Just to check: you bought {it} "
DATE_NOTED = "Okay, bought "
CONFIRM_OTHER_READING = "Then did you buy {it} "
ASK_STORE = (
    "Where did you buy {it}? On the ZOSI website, in ZOSI's official AliExpress store, or from "
    "another shop?"
)
ASK_STORE_BRIEF = "Where did you buy {it}?"
UNKNOWN_STORE = "I don't know the shop {store}."
ASK_ALIEXPRESS_SELLER = (
    "On AliExpress, did you buy {it} from ZOSI's official store, or from another seller there?"
)
ASK_CLAIM_TYPE = "Do you want a refund, a warranty repair, or an advance replacement?"
ASK_REGION = "Which city or region should I estimate delivery to?"
BAD_ORDER_DATE = "I couldn't use that order date. "

OFFER_REMEMBER_PURCHASE = "Shall I remember this purchase for next time?"
#: The same offer, asked after an answer that leaves it no room in one breath.
OFFER_REMEMBER_BRIEF = "Shall I remember this purchase?"
OFFER_REMEMBER_REGION = "Shall I remember {region} as your delivery region?"
REMEMBERED = "Done, I'll remember that."
NOT_REMEMBERED = "Sorry, I couldn't save that just now, so I won't remember it this time."
NOT_SAVING = "Okay, I won't remember it."
USING_REMEMBERED_PURCHASE = "For the {product} you told me you bought on "
STATE_UNAVAILABLE = " I couldn't check what you asked me to remember just now."

UNKNOWN_TOPIC = (
    "Sorry, I don't know that part of ZOSI's policy. You can ask me about returns, the "
    "warranty, advance replacement, delivery, customs, or how I handle your data."
)
