"""Skill events Alexa sends outside any conversation (P2, P5, P6).

Linking records when it happened and which privacy policy version the customer
accepted (P8); disabling the skill deletes everything stored and revokes the
account link (P5, P6). Permission events change nothing stored: the skill keeps
no data that depends on them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from adapters.account import AccountError
from handlers.context import turn
from handlers.errors import RetryableEventError
from policy.privacy import may_use_account

if TYPE_CHECKING:
    from ask_sdk_core.handler_input import HandlerInput
    from ask_sdk_model.response import Response

logger = logging.getLogger(__name__)

LINKED = "AlexaSkillEvent.SkillAccountLinked"
DISABLED = "AlexaSkillEvent.SkillDisabled"
PERMISSION_EVENTS = (
    "AlexaSkillEvent.SkillPermissionChanged",
    "AlexaSkillEvent.SkillPermissionAccepted",
    "AlexaSkillEvent.SkillEnabled",
)


def _silent(handler_input: HandlerInput) -> Response:
    response: Response = handler_input.response_builder.response
    return response


def account_linked(handler_input: HandlerInput) -> Response:
    """Record the link: when, and the privacy policy version accepted with it (P2, P8).

    P7 comes first (issue 18): the linked profile is read, and a minor's account without a
    guardian's consent gets nothing stored (anything stored before is deleted). When the
    profile cannot be read nothing is recorded: the first launch asks the profile instead.
    """
    current = turn(handler_input)
    token = current.access_token or _event_token(handler_input)
    if current.services.accounts is None or token is None:
        logger.info("account linked (recorded: False, no account to check)")
        return _silent(handler_input)
    try:
        profile = current.services.accounts.profile(token)
    except AccountError as exc:
        logger.warning("account linked, profile unreadable: %s", type(exc).__name__)
        return _silent(handler_input)
    if not may_use_account(profile.minor, profile.guardian_consent):
        erased = current.erase()
        logger.info("account linked for a minor without consent (deleted: %s)", erased)
        return _silent(handler_input)
    version = current.settings.privacy_policy_version
    saved = current.save(
        {
            "linked_at": current.clock_now,  # the Lambda's clock: the request's is not trusted
            "accepted_policy_version": version,
            "policy_notice_version": version,
            "withdrawn_at": None,  # a new link is new consent (P2, P6)
        }
    )
    logger.info("account linked (recorded: %s)", saved)
    return _silent(handler_input)


def _event_token(handler_input: HandlerInput) -> str | None:
    """The access token a SkillAccountLinked event carries in its body."""
    body = getattr(handler_input.request_envelope.request, "body", None)
    token = getattr(body, "access_token", None)
    return token if isinstance(token, str) and token else None


def skill_disabled(handler_input: HandlerInput) -> Response:
    """Delete everything stored and revoke the account link (P5, P6).

    Raises:
        RetryableEventError: the delete failed. The invocation then fails (after the
            revocation was tried), so the failure shows in Lambda's error metric and
            a redelivered event deletes again; both steps are safe to repeat.
    """
    current = turn(handler_input)
    erased = current.erase()
    revoked = False
    if current.linked:
        try:
            current.accounts.revoke_link(current.access_token or "")
            revoked = True
        except AccountError as exc:
            logger.warning("link revocation failed: %s", type(exc).__name__)
    logger.info("skill disabled (data deleted: %s, link revoked: %s)", erased, revoked)
    if not erased:
        raise RetryableEventError
    return _silent(handler_input)


def permission_event(handler_input: HandlerInput) -> Response:
    """Permission and enablement events: acknowledged; nothing stored depends on them."""
    logger.info(
        "skill event %s", getattr(handler_input.request_envelope.request, "object_type", "")
    )
    return _silent(handler_input)
