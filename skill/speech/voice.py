"""The one interface to what the skill says: a locale's speech implements :class:`Voice`.

Handlers and the response builder speak only through a Voice, so a second language is
a new package beside ``speech/en/`` (German would be ``speech/de/``) that
implements the same names, and ``speech.for_locale`` picks it; nothing else changes.
mypy checks that ``speech.en`` implements every member. A Voice renders decision
fields: it never decides anything and never holds a policy number of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from speech import Answer
from speech.ssml import Phrase

if TYPE_CHECKING:
    from policy.crossship import CrossShipDecision
    from policy.delivery import DeliveryCoverage, DeliveryEstimate
    from policy.facts import Explanation
    from policy.model import Referral, Step, Verdict, Window
    from policy.returns import ReturnDecision
    from policy.warranty import WarrantyDecision

ScreenWords = dict[str, Any]
"""A screen's fields: phrases, strings, and lists or mappings of them."""


class Voice(Protocol):
    """Everything the skill says, in one language: sentences, and renderings of decisions."""

    ACCOUNT_UNAVAILABLE: str
    ANYTHING_ELSE: str
    NOTHING_TO_REPEAT: str
    ASSUMED_RUSSIA: str
    ASK_ALIEXPRESS_SELLER: str
    ASK_REGION: str
    ASK_FAULT: str
    BAD_DATE: str
    BAD_ORDER_DATE: str
    CANT_STORE: str
    CHECK_YOURS: str
    CLAIM_NOT_ALLOWED: str
    CHECKED_AGAIN: str
    REQUEST_MAY_BE_OPEN: str
    CHECK_REQUEST_AGAIN: str
    CONFIRM_DELETE: str
    OFFER_DELETE_NOW: str
    CONFIRM_WITHDRAW: str
    DECLINED: Mapping[str, str]
    DELETED: str
    DELETE_FAILED: str
    ERROR: str
    EXAMPLES: str
    FALLBACK: str
    FOR_SAVED_REGION: str
    FUTURE_DATE: str
    GAVE_UP: str
    GOODBYE: str
    HELP: str
    HELP_IN_DIALOG: str
    LINK_EXPIRED: str
    LINK_NEEDED: str
    REQUESTS_NEED_LINK: str
    LOOKING_UP: str
    MINOR_CANNOT_CHECK: str
    MINOR_NO_CONSENT: str
    NOT_CONFIGURED: str
    NOT_REMEMBERED: str
    NOT_UNDERSTOOD: str
    REFUND_IF_UNDAMAGED: str
    MISSING_FACT: Mapping[str, str]
    NO_MATCHING_ORDER: str
    NOT_ON_ITS_WAY: str
    NO_ORDERS: str
    OFFER_CHECK_YOURS: str
    OFFER_REMEMBER_PURCHASE: str
    OFFER_REMEMBER_BRIEF: str
    OFFER_REMEMBER_REGION: str
    OKAY: str
    ORDERS_TITLES: Mapping[str, str]
    POLICY_NOTICE: str
    REMEMBERED: str
    REFUND_OR_REPAIR_GIFT: str
    STATE_UNAVAILABLE: str
    UNKNOWN_STORE: str
    UNKNOWN_TOPIC: str
    WELCOME: str
    WHAT_ELSE: str
    WHICH_GOAL: str
    STEPS_ON_CARD: str
    WHAT_TO_ASK: str
    WITHDRAW_EXPLAINED: str
    WITHDRAW_EXPLAINED_LINKED: str

    def ask_fact(self, fact: str, product: str | None, attempt: int) -> str:
        """The question for one missing purchase fact (the second time, with the choices)."""
        ...

    def brief_question(self, fact: str, product: str | None) -> Phrase:
        """The question for a fact without its choices, when the answer before it is long."""
        ...

    def date_noted(self, earliest: date, latest: date) -> Phrase:
        """Read back a purchase date given while another question was open."""
        ...

    def back_to(self, product: str | None, question: Phrase) -> Phrase:
        """Resume the purchase dialog after a detour ("Back to your camera: ...")."""
        ...

    def claim_opened(
        self, request_id: str, kind: str, label: Phrase, steps: tuple[Step, ...], created: bool
    ) -> Answer:
        """Read back the request id and the next steps (W3-W4, X1-X4)."""
        ...

    def claim_steps_answer(self, claim_type: str, steps: tuple[Step, ...]) -> Answer:
        """Read the steps of a return, warranty or cross-shipping claim (W3, W4, X1-X4)."""
        ...

    def contact_answer(self) -> Answer:
        """How to reach ZOSI support (C1)."""
        ...

    def costs_of(
        self,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
        home_known: bool = True,
    ) -> str:
        """Who pays what under a decision, said before the customer is asked to go ahead."""
        ...

    def claim_start(self, decision: ReturnDecision | WarrantyDecision | CrossShipDecision) -> str:
        """How a warranty claim starts (W3), after a yes for a fault told; else empty."""
        ...

    def decision_answer(
        self,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
        product: str | None,
        exact: bool = True,
        home_known: bool = True,
        *,
        route: bool = True,
    ) -> Answer:
        """Speak whichever decision a purchase question led to (``route``: W2 said or not)."""
        ...

    def repair_time_answer(self) -> Answer:
        """Say that no rule gives a repair's time, and that an advance replacement ships fast."""
        ...

    def delivery_abroad_answer(self, coverage: DeliveryCoverage, country_name: str) -> Answer:
        """Say that the published delivery terms don't cover a country outside Russia (D2, D4)."""
        ...

    def delivery_answer(
        self,
        estimate: DeliveryEstimate,
        today: date,
        place: str | None,
        *,
        on_its_way: bool = False,
    ) -> Answer:
        """Speak a delivery window with concrete dates (D2-D4), and tracking once ordered (D5)."""
        ...

    def fact_answer(self, explanation: Explanation) -> Answer:
        """One general policy fact, said first."""
        ...

    def facts_answer(self, explanations: Sequence[Explanation]) -> Answer:
        """The facts one question asked (at most two), each in one short sentence."""
        ...

    def short_fact(self, explanation: Explanation) -> Phrase:
        """One policy fact in one sentence, said after the answer to another question."""
        ...

    def confirm_date(
        self,
        product: str | None,
        earliest: date,
        latest: date,
        again: bool,
        other: date | None = None,
        *,
        today: date | None = None,
    ) -> Phrase:
        """Check a purchase date read from something ambiguous (naming its other reading).

        A day in the week before ``today`` may be named with its weekday.
        """
        ...

    def for_remembered(self, product: str | None, bought_on: date) -> Phrase:
        """Introduces an answer about the remembered purchase."""
        ...

    def refusal_advice(
        self, kind: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
    ) -> str:
        """After a repair or replacement whose time is over: support can still advise."""
        ...

    def for_order(self, product: str, ordered_on: date, kind: str | None = None) -> Phrase:
        """Introduces an answer about one order of the linked account."""
        ...

    def general_answer(
        self,
        goal: str,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
        *,
        closing: bool = False,
    ) -> Phrase:
        """The rule first, for a question that named no purchase; a claim's steps with its rule."""
        ...

    def gave_up_after_rule(
        self, goal: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
    ) -> Phrase:
        """The rule, then who can check a purchase the customer could not date."""
        ...

    def general_card(
        self, goal: str, decision: ReturnDecision | WarrantyDecision | CrossShipDecision
    ) -> Answer | None:
        """The card of a general answer: a claim's steps, worth keeping."""
        ...

    def standing_answer(
        self,
        refund: ReturnDecision,
        warranty: WarrantyDecision,
        product: str | None,
        exact: bool,
    ) -> Answer:
        """What a purchase's date still allows, said with no goal asked (R1, W1)."""
        ...

    def refund_or_repair(self, direct: bool, zosi_pays: bool) -> str:
        """A fault inside the 30 days: the refund and the repair, before asking which."""
        ...

    def refund_if_direct(
        self, decision: ReturnDecision, product: str | None, exact: bool = True
    ) -> Phrase:
        """Until when a refund runs for a purchase from ZOSI, said before the shop is asked."""
        ...

    def instead_offer(
        self,
        kind: str,
        last_day: date | None,
        refused: ReturnDecision | WarrantyDecision | CrossShipDecision | None = None,
    ) -> Phrase:
        """The request the policy still allows, offered in place of the one it ruled out."""
        ...

    def claim_window(
        self,
        kind: str,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
        product: str | None,
        exact: bool = True,
        *,
        does: bool = True,
    ) -> Phrase:
        """Whether a request can be made, and until when."""
        ...

    def instead_steps(
        self,
        kind: str,
        refused: ReturnDecision | WarrantyDecision | CrossShipDecision | None = None,
    ) -> str:
        """Introduces the steps of the request that is still open, unless the refusal said it."""
        ...

    def offer_request(self, kind: str) -> str:
        """After a linked customer's decision: shall I open the request it allows?"""
        ...

    def spoken_product(self, kind: str | None, product: str) -> str:
        """An order's product as spoken ("camera"); the card keeps the model's name."""
        ...

    def order_label(
        self, product: str, ordered_on: date, *, first: bool = False, kind: str | None = None
    ) -> Phrase:
        """Name an order: "the ZOSI C190 camera ordered on 16 November"."""
        ...

    def orders_answer(
        self,
        kind: str,
        entries: list[tuple[str, date, Verdict, Window, Referral | None]],
        title: str,
    ) -> Answer:
        """Which orders are inside a window, and until when (R1-R5, W1 or X1 per ``kind``)."""
        ...

    def parcels_answer(
        self,
        parcels: list[tuple[str, date, str, str | None, str | None]],
        *,
        arrives_by: date | None = None,
        late: bool = False,
    ) -> Answer:
        """Where each parcel is: (product, ordered on, status, carrier, tracking number) (D5).

        ``arrives_by``: for one parcel, the last day of D4's window, said after it.
        """
        ...

    def privacy_answer(self, ttl_days: int) -> Answer:
        """What the skill does with personal data (P1-P9, design decisions in POLICY.md)."""
        ...

    def propose_request(
        self,
        kind: str,
        label: Phrase,
        reason: str,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
    ) -> tuple[Phrase, Phrase]:
        """The costs of a request, then the question whether to open it."""
        ...

    def refused(
        self,
        kind: str,
        decision: ReturnDecision | WarrantyDecision | CrossShipDecision,
        product: str | None,
        label: Phrase | None,
        store_name: str | None,
        *,
        not_a_fault: bool = False,
        exact: bool = True,
    ) -> Phrase:
        """Why a request can't be opened, in the customer's terms (R1, R5, W1, X1)."""
        ...

    def reprompt_fact(self, fact: str, product: str | None) -> str:
        """The reprompt for a missing fact: the question with its choices."""
        ...

    def requests_answer(self, requests: list[tuple[str, str, str, date, str | None]]) -> Answer:
        """The customer's support requests: (request id, kind, status, created on, RMA code)."""
        ...

    STORED_FIELDS: frozenset[str]

    def stored_data_answer(self, stored: Mapping[str, object], region: str | None = None) -> Answer:
        """Say back every stored field (P4), by name; refuse one it has no words for."""
        ...

    def screen(self) -> ScreenVoice:
        """The words on an Echo Show screen, loaded only when a screen is sent."""
        ...

    def the_product(self, product: str | None) -> str:
        """``"your camera"``, or ``"it"`` when the product is not known."""
        ...

    def tracking_help(self) -> Answer:
        """How to follow a parcel without a linked account (D5)."""
        ...

    def which_order(self, labels: list[Phrase]) -> Phrase:
        """Ask "Which one do you mean: the camera ordered on 16 November, or the NVR ...?"."""
        ...

    def withdrawn(self, *, revoked: bool, erased: bool, linked: bool) -> str:
        """Say what withdrawing consent did, honestly, and how to finish it in the Alexa app."""
        ...


class ScreenVoice(Protocol):
    """The words on an Echo Show screen, in one language, read from the same decisions."""

    YES_BUTTON: Mapping[str, str]
    YES_HINT: str
    NEXT_STEP: str

    def return_screen(self, decision: ReturnDecision) -> ScreenWords:
        """A refund decision: the last day large, who pays the way back, the next step."""
        ...

    def warranty_screen(self, decision: WarrantyDecision, home_known: bool) -> ScreenWords:
        """A warranty decision: the last covered day large, who pays which shipping."""
        ...

    def cross_ship_screen(self, decision: CrossShipDecision) -> ScreenWords:
        """An advance-replacement decision: the hold and the days to send the faulty one back."""
        ...

    def steps_screen(self, claim_type: str, steps: Sequence[Step]) -> ScreenWords:
        """The steps of a claim as a numbered list."""
        ...

    def delivery_screen(
        self, estimate: DeliveryEstimate, days: Sequence[tuple[date, str]], place: str | None
    ) -> ScreenWords:
        """A delivery window on a strip of days, each marked with its kind."""
        ...

    def orders_screen(
        self, kind: str, entries: Sequence[tuple[str, date, Verdict, Window, Referral | None]]
    ) -> ScreenWords:
        """A linked customer's orders and what each can still get."""
        ...

    def card_screen(self, body: str) -> ScreenWords:
        """Any other answer, line by line from its card."""
        ...
