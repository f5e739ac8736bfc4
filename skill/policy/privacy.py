"""Privacy rules the skill applies to a linked account (P2, P7 of POLICY.md)."""


def may_use_account(minor: bool, guardian_consent: bool) -> bool:
    """P7: a minor's account is used only with a parent's or guardian's prior consent.

    Without it the skill gives no personal answers from the account and keeps
    nothing for it (P7: data collected from a minor without consent is deleted as
    soon as possible); general answers stay available to everyone.
    """
    return not minor or guardian_consent
