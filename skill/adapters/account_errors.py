"""The account API's errors, apart from its client so that handling them costs no import.

The exception handlers test for these on every failed request; the client itself
(and its parsing, regular expressions and retry policy) loads only when a linked
customer's request needs it.
"""

from __future__ import annotations


class AccountError(Exception):
    """The account API could not give the answer asked for."""


class LinkRequired(AccountError):  # noqa: N818 - the published port API names it
    """The token is missing, unknown, expired or revoked (401): the user must link again."""


class AccountUnavailable(AccountError):  # noqa: N818 - the published port API names it
    """The account API failed, timed out, was rate limited or answered something unusable."""


class InsufficientScope(AccountUnavailable):
    """The token lacks the scope this call needs (403)."""


class NotFound(AccountUnavailable):
    """No such resource for this account (404)."""


class IdempotencyConflict(AccountUnavailable):
    """The idempotency key was used before with a different request body (409)."""


class NotAllowed(AccountUnavailable):
    """The API refused the request for this order (422), e.g. a refund return after 30 days (R1)."""
