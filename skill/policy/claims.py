"""Opening a claim: which kind fits, and the steps each kind takes (R1-R4, W3-W4, X1-X4)."""

from __future__ import annotations

from enum import StrEnum

from policy.model import Reason, Step


class ClaimKind(StrEnum):
    """The kinds of request ZOSI support handles (values equal the account API's ``kind``)."""

    REFUND_RETURN = "refund_return"
    WARRANTY_REPAIR = "warranty_repair"
    CROSS_SHIP = "cross_ship"


_STEPS: dict[ClaimKind, tuple[Step, ...]] = {
    # R1-R3 with W3-W4's RMA procedure: support authorises every return before it is sent.
    ClaimKind.REFUND_RETURN: (
        Step.CONTACT_SUPPORT,
        Step.WAIT_FOR_AUTHORISATION,
        Step.KEEP_PACKAGING,
        Step.TRACK_AND_SEND_RECEIPT,
    ),
    # W3: report the fault first; W4: RMA code, shipping refund on request, tracked parcel.
    ClaimKind.WARRANTY_REPAIR: (
        Step.CONTACT_SUPPORT,
        Step.WAIT_FOR_AUTHORISATION,
        Step.ASK_SHIPPING_REFUND_FIRST,
        Step.TRACK_AND_SEND_RECEIPT,
    ),
    # W3 first, then X3's card hold and X2's 30 days to send the faulty unit back.
    ClaimKind.CROSS_SHIP: (
        Step.CONTACT_SUPPORT,
        Step.PROVIDE_CREDIT_CARD,
        Step.SEND_BACK_WITHIN_30_DAYS,
        Step.TRACK_AND_SEND_RECEIPT,
    ),
}


def claim_steps(kind: ClaimKind) -> tuple[Step, ...]:
    """The steps a customer takes for a claim of ``kind`` (W3-W4 for all; R3 or X2-X3 by kind)."""
    return _STEPS[kind]


def claim_kind_for(reason: Reason | None) -> ClaimKind | None:
    """The claim that fits a reason when the customer did not name one.

    A fault is a warranty matter (W2); a change of mind can only be a refund
    return (R1, R4). Damage in transit and other reasons could be either, so the
    customer is asked.
    """
    if reason is Reason.DEFECT:
        return ClaimKind.WARRANTY_REPAIR
    if reason is Reason.CHANGED_MIND:
        return ClaimKind.REFUND_RETURN
    return None
