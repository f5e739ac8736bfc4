"""Opening a claim: which kind fits, and the steps each kind takes (R1-R4, W3-W4, X1-X4)."""

from __future__ import annotations

from enum import StrEnum

from policy.model import Reason, Step


class ClaimKind(StrEnum):
    """The kinds of request ZOSI support handles (values equal the account API's ``kind``)."""

    REFUND_RETURN = "refund_return"
    WARRANTY_REPAIR = "warranty_repair"
    CROSS_SHIP = "cross_ship"


#: R1-R3 with W3-W4's RMA procedure: support authorises every return before it is sent.
_REFUND_STEPS: tuple[Step, ...] = (
    Step.CONTACT_SUPPORT,
    Step.WAIT_FOR_AUTHORISATION,
    Step.KEEP_PACKAGING,
    Step.TRACK_AND_SEND_RECEIPT,
)


def claim_steps(kind: ClaimKind, decided: tuple[Step, ...]) -> tuple[Step, ...]:
    """The steps a customer takes for a claim of ``kind``, given the decision's own steps.

    A refund return follows W3-W4's RMA procedure with R3's undamaged packaging. A
    warranty repair takes the warranty decision's steps (W3, W4), which ask ZOSI to
    refund the postage first only where ZOSI pays it (W5, W7; not W6). An advance
    replacement takes its decision's steps (W3, X2, X3) and is sent with tracking (W4).
    """
    if kind is ClaimKind.REFUND_RETURN:
        return _REFUND_STEPS
    if kind is ClaimKind.CROSS_SHIP and Step.TRACK_AND_SEND_RECEIPT not in decided:
        return (*decided, Step.TRACK_AND_SEND_RECEIPT)
    return decided


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


def fits_reason(kind: ClaimKind, reason: Reason | None) -> bool:
    """Whether a request of ``kind`` can be made for ``reason`` at all.

    A warranty repair is for a product that fails (W2) and an advance replacement
    assumes a defective part (X2): neither is for a change of mind, which only a
    refund return within the 30 days covers (R1, R4). Any other reason, or none yet,
    may still be a fault, and ZOSI RMA decides (W8 if it finds none).
    """
    return kind is ClaimKind.REFUND_RETURN or reason is not Reason.CHANGED_MIND
