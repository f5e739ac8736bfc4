"""The current request's deadline, taken from the Lambda context, for every outbound call.

Lambda stops the function at its timeout (7 s, template.yaml) whatever it is doing, and
Alexa waits 8 s. A fixed budget per call cannot respect that: three account calls of 2 s,
a time-zone lookup and a progressive response add up to more than the function has
(8.3 s on the claim path). So the handler opens a :func:`request_deadline` from
``context.get_remaining_time_in_millis()`` minus :data:`SPEAKING_MARGIN`, the time the
skill still needs after its last call to build and return the answer; every adapter
asks :func:`remaining` before it starts a call and sizes its timeouts to fit.

Outside a request (tools, tests that call an adapter directly) there is no deadline:
:func:`remaining` is infinite and each adapter's own budget applies alone.
"""

from __future__ import annotations

import math
import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

    from botocore.client import BaseClient

#: Seconds kept back from the Lambda's remaining time to build, log and return the answer.
SPEAKING_MARGIN: Final = 0.5

#: When the current request's outbound calls must be over (``time.monotonic()``).
_DEADLINE: ContextVar[float] = ContextVar("request_deadline", default=math.inf)


def remaining() -> float:
    """Seconds the current request may still spend on outbound calls (``inf`` without one)."""
    return _DEADLINE.get() - time.monotonic()


def fits(seconds: float) -> bool:
    """Whether ``seconds`` of outbound calls still fit before the current request's deadline."""
    return remaining() >= seconds


def retry_only_in_time(client: BaseClient, attempt_seconds: float, max_backoff: float) -> None:
    """Let a botocore ``client`` retry only when the retry can end before the request's deadline.

    botocore's retry mode decides whether an error is worth retrying and how long to back off,
    but knows nothing of the Lambda's remaining time: one call of two attempts could outlast the
    invocation. This handler runs first on the client's ``needs-retry`` event, and answers
    False (botocore's "do not retry") when its longest backoff and one more attempt would not
    fit; otherwise it answers None and botocore's own handler decides as usual.

    Args:
        client: A botocore client, with ``connect_timeout + read_timeout == attempt_seconds``.
        attempt_seconds: The longest one attempt can take (its connect and read timeouts).
        max_backoff: The longest backoff botocore waits before the retry.
    """
    service = client.meta.service_model.service_id.hyphenize()

    def veto(**_: object) -> bool | None:
        return None if fits(max_backoff + attempt_seconds) else False

    # The stubs type handlers as returning None; botocore reads needs-retry handlers' answers.
    client.meta.events.register_first(
        f"needs-retry.{service}",
        veto,  # type: ignore[arg-type]
        unique_id=f"request-deadline-{service}",
    )


def lambda_seconds(context: object) -> float | None:
    """Seconds the Lambda ``context`` says are left, or None when it cannot tell.

    Local tools and tests pass ``None`` or objects without the method; a context
    whose method fails or answers nonsense counts as no deadline rather than
    breaking the request.
    """
    method = getattr(context, "get_remaining_time_in_millis", None)
    if not callable(method):
        return None
    try:
        millis = float(method())
    except (TypeError, ValueError, ArithmeticError):
        return None
    return millis / 1000 if math.isfinite(millis) else None


@contextmanager
def request_deadline(seconds_left: float | None) -> Iterator[None]:
    """For the ``with`` block, bound outbound calls to ``seconds_left - SPEAKING_MARGIN``.

    ``None`` sets no deadline. A deadline already in force is never extended.
    """
    if seconds_left is None:
        yield
        return
    deadline = min(_DEADLINE.get(), time.monotonic() + seconds_left - SPEAKING_MARGIN)
    reset = _DEADLINE.set(deadline)
    try:
        yield
    finally:
        _DEADLINE.reset(reset)
