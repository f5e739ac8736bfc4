"""The ZOSI account API: the linked customer's profile, orders and support requests.

`AccountGateway` is the port handlers call; `HttpAccountClient` implements it over
HTTPS against the contract in ``shared/contracts/account-api.openapi.yaml``. The
access token comes from the request (``context.System.user.accessToken``) and is
passed to every call: it is never stored (P1, P2) and never logged.

Errors form a small hierarchy. `LinkRequired` (401) means the user must link the
account again; everything else the API or the network can do wrong is an
`AccountUnavailable`, with subclasses for the statuses a handler may answer
differently (403, 404, 409, 422). Answers that are not valid JSON, or that do
not match the contract, are `AccountUnavailable` too: the skill never guesses.

Time budget: Alexa waits 8 s for an answer and the Lambda timeout is 7 s
(template.yaml), which a turn shares with a Settings API call, a progressive
response, the state store and up to three account calls. Each call is bounded
twice: by its own ``budget`` (retries, pauses and the body included) and by the
request's deadline (``adapters.deadline``: the Lambda's remaining time less the
time needed to speak), whichever comes first. A call that cannot fit even one
short attempt fails at once. Within the budget an attempt is started only while
``connect_timeout + read_timeout`` remains, and no pause before a retry, whatever
``Retry-After`` asks for, may eat into the time the next attempt needs; the
production timeouts (``app.py``) leave room for one real retry after a timeout.
The body is read in pieces against the same deadline, each wait for bytes no
longer than what is left, and at most ``MAX_BODY_BYTES`` of it: a server that
drips its answer, or sends megabytes, costs the budget and no more.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Callable, Collection, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final, Protocol, Self, TypeVar
from urllib.parse import quote

from adapters import deadline
from adapters.account_errors import (
    AccountError,
    AccountUnavailable,
    IdempotencyConflict,
    InsufficientScope,
    LinkRequired,
    NotAllowed,
    NotFound,
)
from adapters.alexa_api import require_secure_url
from domain.account import Order, OrderItem, Profile, SupportRequest, Tracking

if TYPE_CHECKING:
    from collections.abc import Iterator

    import requests
    from urllib3.util.retry import Retry

__all__ = [
    "AccountError",
    "AccountGateway",
    "AccountUnavailable",
    "HttpAccountClient",
    "IdempotencyConflict",
    "InsufficientScope",
    "LinkRequired",
    "NotAllowed",
    "NotFound",
    "parse_order",
    "parse_profile",
    "parse_support_request",
]

_LOG = logging.getLogger(__name__)

USER_AGENT: Final = "zosi-alexa-skill/0.1 (+account-linking)"
ORDER_STATUSES: Final = frozenset({"processing", "shipped", "delivered", "cancelled", "returned"})
CHANNELS: Final = frozenset({"zosi_website", "zosi_official_store", "third_party"})
SUPPORT_KINDS: Final = frozenset({"refund_return", "warranty_repair", "cross_ship"})
SUPPORT_REASONS: Final = frozenset({"defect", "changed_mind", "damaged_in_transit", "other"})
SUPPORT_STATUSES: Final = frozenset({"received", "authorized", "rejected", "closed"})
IDEMPOTENCY_KEY_LENGTH: Final = range(8, 129)
ORDERS_LIMIT: Final = range(1, 51)
MAX_NOTE_LENGTH: Final = 500
#: RFC 6750 ``b64token``: anything else cannot be sent (and could leak into an error message).
_BEARER_TOKEN: Final = re.compile(r"[A-Za-z0-9\-._~+/]+=*")

#: Statuses worth another attempt: rate limiting and the faults a gateway reports.
RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
#: At most this many retries after the first attempt, budget permitting.
MAX_RETRIES: Final = 2
#: Pause before the second retry: 0.1 s x 2, plus up to 0.05 s jitter (the first is immediate).
BACKOFF_FACTOR: Final = 0.1
BACKOFF_JITTER: Final = 0.05

#: The most of an answer's body the client reads; the API's answers are a few kilobytes.
MAX_BODY_BYTES: Final = 256 * 1024
#: Bytes asked for per read of the body.
_CHUNK_BYTES: Final = 16 * 1024
#: The shortest wait for an answer worth starting an attempt for.
MIN_READ_SECONDS: Final = 0.2

#: When the current call must be over (``time.monotonic()``); read by the retry policy.
_DEADLINE: ContextVar[float] = ContextVar("account_api_deadline", default=math.inf)


_STATUS_ERRORS: Final[Mapping[int, type[AccountError]]] = {
    401: LinkRequired,
    403: InsufficientScope,
    404: NotFound,
    409: IdempotencyConflict,
    422: NotAllowed,
}


# --- the data the API returns ----------------------------------------------------------------


class _Fields:
    """Typed, validated access to one JSON object of an API answer.

    Error messages name the field, never its value: a value may be personal data.
    """

    def __init__(self, data: object, what: str) -> None:
        if not isinstance(data, dict):
            raise ValueError(f"{what} is not a JSON object")
        self._data: dict[str, object] = data
        self._what = what

    def _bad(self, key: str, expected: str) -> ValueError:
        return ValueError(f"{self._what}.{key} is not {expected}")

    def _present(self, key: str) -> object:
        if key not in self._data:
            raise ValueError(f"{self._what}.{key} is missing")
        return self._data[key]

    def text(self, key: str) -> str:
        value = self._present(key)
        if not isinstance(value, str):
            raise self._bad(key, "a string")
        return value

    def optional_text(self, key: str) -> str | None:
        """A string that may be absent, null or empty (all read as None)."""
        return None if self._data.get(key) is None else self.text(key) or None

    def choice(self, key: str, allowed: Collection[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise self._bad(key, "one of the contract's values")
        return value

    def flag(self, key: str, default: bool | None = None) -> bool:
        if key not in self._data and default is not None:
            return default
        value = self._present(key)
        if not isinstance(value, bool):
            raise self._bad(key, "a boolean")
        return value

    def count(self, key: str) -> int:
        value = self._present(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self._bad(key, "a whole number of at least 1")
        return value

    def moment(self, key: str) -> datetime:
        value = self.text(key)
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError as exc:
            raise self._bad(key, "an ISO-8601 date-time") from exc
        if parsed.tzinfo is None:
            raise self._bad(key, "a date-time with a UTC offset")
        return parsed.astimezone(UTC)

    def optional_moment(self, key: str) -> datetime | None:
        return None if self._data.get(key) is None else self.moment(key)

    def optional_object(self, key: str) -> _Fields | None:
        value = self._data.get(key)
        return None if value is None else _Fields(value, f"{self._what}.{key}")

    def array(self, key: str) -> list[object]:
        value = self._present(key)
        if not isinstance(value, list):
            raise self._bad(key, "an array")
        return value


def parse_profile(data: object) -> Profile:
    """The profile of ``GET /me``, validated.

    Raises:
        ValueError: A required field is missing or a field has the wrong type.
    """
    fields = _Fields(data, "profile")
    return Profile(
        account_id=fields.text("account_id"),
        given_name=fields.optional_text("given_name"),
        country=fields.text("country"),
        minor=fields.flag("minor"),
        guardian_consent=fields.flag("guardian_consent", default=False),
        privacy_policy_version=fields.optional_text("privacy_policy_version"),
    )


def _parse_tracking(fields: _Fields) -> Tracking:
    """An order's ``tracking`` object."""
    return Tracking(
        carrier=fields.text("carrier"),
        number=fields.text("number"),
        url=fields.optional_text("url"),
    )


def _parse_item(data: object) -> OrderItem:
    """One element of an order's ``items``, validated."""
    fields = _Fields(data, "order.items[]")
    return OrderItem(
        sku=fields.text("sku"),
        name=fields.text("name"),
        quantity=fields.count("quantity"),
        serial_number=fields.optional_text("serial_number"),
    )


def parse_order(data: object) -> Order:
    """One order of the API's JSON, validated.

    Raises:
        ValueError: A required field is missing, a field has the wrong type or
            a value is outside the contract's enumeration.
    """
    fields = _Fields(data, "order")
    tracking = fields.optional_object("tracking")
    items = tuple(_parse_item(item) for item in fields.array("items"))
    if not items:
        raise ValueError("order.items is empty")
    return Order(
        order_id=fields.text("order_id"),
        placed_at=fields.moment("placed_at"),
        delivered_at=fields.optional_moment("delivered_at"),
        status=fields.choice("status", ORDER_STATUSES),
        channel=fields.choice("channel", CHANNELS),
        store_name=fields.optional_text("store_name"),
        ship_from_country=fields.optional_text("ship_from_country"),
        ship_to_country=fields.text("ship_to_country"),
        gift=fields.flag("gift", default=False),
        tracking=None if tracking is None else _parse_tracking(tracking),
        items=items,
    )


def parse_support_request(data: object) -> SupportRequest:
    """One support request of the API's JSON, validated.

    Raises:
        ValueError: A required field is missing, a field has the wrong type or
            a value is outside the contract's enumeration.
    """
    fields = _Fields(data, "support_request")
    return SupportRequest(
        request_id=fields.text("request_id"),
        order_id=fields.text("order_id"),
        kind=fields.choice("kind", SUPPORT_KINDS),
        reason=fields.choice("reason", SUPPORT_REASONS),
        status=fields.choice("status", SUPPORT_STATUSES),
        created_at=fields.moment("created_at"),
        rma_code=fields.optional_text("rma_code"),
        note=fields.optional_text("note"),
    )


_T = TypeVar("_T")


def _listed(data: object, key: str, convert: Callable[[object], _T]) -> list[_T]:
    """The elements of the array ``key`` of a list answer, each converted."""
    return [convert(element) for element in _Fields(data, "answer").array(key)]


# --- the port -------------------------------------------------------------------------------


class AccountGateway(Protocol):
    """What the skill asks of the ZOSI account platform, with the user's access token."""

    def profile(self, token: str) -> Profile:
        """The linked account's profile."""
        ...

    def orders(self, token: str, limit: int = 20) -> list[Order]:
        """The account's orders, newest first, at most ``limit`` (1-50)."""
        ...

    def order(self, token: str, order_id: str) -> Order:
        """One order of the account."""
        ...

    def support_requests(self, token: str) -> list[SupportRequest]:
        """The account's support requests, newest first."""
        ...

    def open_support_request(
        self,
        token: str,
        *,
        order_id: str,
        kind: str,
        reason: str,
        idempotency_key: str,
        note: str | None = None,
    ) -> tuple[SupportRequest, bool]:
        """Open a request: ``(request, created)``; created is False for a replay (200)."""
        ...

    def revoke_link(self, token: str) -> None:
        """Revoke the Alexa link and its tokens (P6)."""
        ...


# --- the HTTP adapter -----------------------------------------------------------------------


def _remaining() -> float:
    return _DEADLINE.get() - time.monotonic()


@contextmanager
def _deadline(budget: float) -> Iterator[None]:
    """Give the retry policy this call's deadline, for the ``with`` block."""
    reset = _DEADLINE.set(time.monotonic() + budget)
    try:
        yield
    finally:
        _DEADLINE.reset(reset)


class _BodyRefusedError(Exception):
    """The answer's body did not arrive within the deadline, or is too big to read."""


def _body(response: requests.Response, read_timeout: float) -> bytes:
    """The whole body of a streamed ``response``, within the call's deadline and size cap.

    ``requests`` would read it with the read timeout applying to each wait for bytes,
    so a server sending 5 bytes a second is never timed out; here every wait is
    shortened to what is left of the deadline and the total is capped. On success
    the connection goes back to the pool; on failure it is closed.

    Raises:
        _BodyRefusedError: The deadline passed or the body exceeds ``MAX_BODY_BYTES``.
    """
    raw = response.raw
    pieces: list[bytes] = []
    size = 0
    try:
        while True:
            left = _remaining()
            if left <= 0:
                raise _BodyRefusedError("the deadline passed while reading the answer")
            connection = raw.connection
            if connection is not None and connection.sock is not None:
                connection.sock.settimeout(min(read_timeout, left))
            piece = raw.read1(_CHUNK_BYTES, decode_content=True)
            if not piece:
                break
            size += len(piece)
            if size > MAX_BODY_BYTES:
                raise _BodyRefusedError("the answer is larger than the client reads")
            pieces.append(piece)
    except BaseException:
        response.close()
        raise
    raw.release_conn()
    return b"".join(pieces)


def _retry_policy(attempt_seconds: float) -> Retry:
    """urllib3's `Retry`, bounded by the current call's deadline.

    Retried: GET and DELETE (idempotent) and POST, which this client only ever
    sends with an ``Idempotency-Key`` (the API then returns the first result
    instead of creating a second request, so a retry cannot open two cases).
    Retried on connection errors, read errors and `RETRY_STATUSES`; an SSL or
    other error is final. Before each retry the policy checks that the pause
    (``Retry-After`` when the server sent one, else the backoff) plus one more
    attempt (``attempt_seconds``) still fits the deadline; if not, it gives up
    at once, so a ``Retry-After: 3600`` fails fast instead of sleeping.
    """
    from urllib3.exceptions import InvalidHeader, MaxRetryError, ResponseError
    from urllib3.util.retry import Retry

    if TYPE_CHECKING:
        from types import TracebackType

        from urllib3.connectionpool import ConnectionPool
        from urllib3.response import BaseHTTPResponse

    class DeadlineRetry(Retry):
        def pause(self, response: BaseHTTPResponse | None) -> float:
            """Seconds to wait before the next attempt, as urllib3 would."""
            if response is not None and self.respect_retry_after_header:
                try:
                    retry_after = self.get_retry_after(response)
                except InvalidHeader:
                    retry_after = None
                if retry_after:
                    return retry_after
            return self.get_backoff_time()

        def increment(
            self,
            method: str | None = None,
            url: str | None = None,
            response: BaseHTTPResponse | None = None,
            error: Exception | None = None,
            _pool: ConnectionPool | None = None,
            _stacktrace: TracebackType | None = None,
        ) -> Self:
            retry = super().increment(method, url, response, error, _pool, _stacktrace)
            if _remaining() - retry.pause(response) < attempt_seconds:
                reason = error or ResponseError("retry would overrun the call's time budget")
                raise MaxRetryError(_pool, url or "", reason)  # type: ignore[arg-type]
            return retry

        def sleep(self, response: BaseHTTPResponse | None = None) -> None:
            wait = min(self.pause(response), _remaining() - attempt_seconds)
            if wait > 0:
                time.sleep(wait)

    return DeadlineRetry(
        total=MAX_RETRIES,
        other=0,
        allowed_methods=frozenset({"GET", "DELETE", "POST"}),
        status_forcelist=RETRY_STATUSES,
        backoff_factor=BACKOFF_FACTOR,
        backoff_jitter=BACKOFF_JITTER,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


class HttpAccountClient(AccountGateway):
    """`AccountGateway` over HTTPS (HTTP only on loopback, for the local service).

    The ``requests`` session is built on the first call, not at import (cold
    start), and reused so connections stay alive between calls.
    """

    def __init__(
        self,
        base_url: str,
        *,
        connect_timeout: float = 0.5,
        read_timeout: float = 2.0,
        budget: float = 3.0,
        session: requests.Session | None = None,
        ca_dir: str | None = None,
    ) -> None:
        """Configure the client; nothing is imported or sent yet.

        Args:
            base_url: The API root, e.g. ``https://account.zosi.example/v1``.
            connect_timeout: Seconds an attempt may wait to connect.
            read_timeout: Seconds an attempt may wait for the server's bytes.
            budget: Seconds one call may take, retries and pauses included; at
                least one attempt (connect plus read timeout) must fit.
            session: A session to use as given (its adapters decide retries)
                instead of the one this client builds.
            ca_dir: A hashed CA directory to verify the server against (the package's
                ``trust/``: certifi's roots, which ``requests`` trusts anyway, read per
                handshake instead of parsed whole, about 28 ms, for the first call);
                None for certifi's bundle.

        Raises:
            ValueError: The URL is not HTTPS outside loopback (P3), or the
                timeouts do not fit the budget.
        """
        require_secure_url(base_url)
        if min(connect_timeout, read_timeout) <= 0 or connect_timeout + read_timeout > budget:
            raise ValueError("one attempt (connect + read timeout) must fit in the budget")
        self._base_url = base_url.rstrip("/")
        self._timeout = (connect_timeout, read_timeout)
        self._budget = budget
        self._session = session
        self._ca_dir = ca_dir

    def _http(self) -> requests.Session:
        if self._session is None:
            self._session = self._build_session()
        return self._session

    def _build_session(self) -> requests.Session:
        import requests
        from requests.adapters import HTTPAdapter

        session = requests.Session()
        # No .netrc credentials (they would replace the bearer token) and no proxies
        # from the environment: the API is called directly.
        session.trust_env = False
        if self._ca_dir:
            session.verify = self._ca_dir
        adapter = HTTPAdapter(max_retries=_retry_policy(sum(self._timeout)))
        session.mount("https://", adapter)
        session.mount("http://", adapter)
        return session

    def _call(
        self,
        operation: str,
        method: str,
        path: str,
        token: str,
        expected: Collection[int],
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        body: Mapping[str, str] | None = None,
    ) -> tuple[int, bytes]:
        """Send one request within the budget; the status and body of an expected answer.

        Raises:
            LinkRequired: 401, or no token at all.
            AccountUnavailable: Any other failure, as the subclass for its status.
        """
        import requests
        from urllib3.exceptions import HTTPError

        if _BEARER_TOKEN.fullmatch(token) is None:
            _LOG.warning("account API %s skipped: no usable access token", operation)
            raise LinkRequired("no usable access token")
        connect_timeout, read_timeout = self._timeout
        budget = min(self._budget, deadline.remaining())
        if budget < connect_timeout + MIN_READ_SECONDS:
            _LOG.warning("account API %s skipped: no time left in this request", operation)
            raise AccountUnavailable(f"account API {operation} skipped: no time left")
        timeout = (connect_timeout, min(read_timeout, budget - connect_timeout))
        try:
            with _deadline(budget):
                response = self._http().request(
                    method,
                    self._base_url + path,
                    params=params,
                    json=body,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Accept": "application/json",
                        "User-Agent": USER_AGENT,
                        **(headers or {}),
                    },
                    timeout=timeout,
                    allow_redirects=False,
                    stream=True,
                )
                status = response.status_code
                if status not in expected:
                    response.close()
                    error = _STATUS_ERRORS.get(status, AccountUnavailable)
                    _LOG.warning(
                        "account API %s answered %d: %s", operation, status, error.__name__
                    )
                    raise error(f"account API {operation} answered {status}")
                content = _body(response, timeout[1])
        except (requests.RequestException, HTTPError, OSError, _BodyRefusedError) as exc:
            _LOG.warning("account API %s failed: %s", operation, type(exc).__name__)
            raise AccountUnavailable(f"account API {operation} failed") from exc
        _LOG.debug("account API %s answered %d", operation, status)
        return status, content

    def _parsed(self, operation: str, content: bytes, convert: Callable[[object], _T]) -> _T:
        """Decode a JSON answer and convert it; unusable answers are AccountUnavailable."""
        try:
            return convert(json.loads(content))
        except ValueError as exc:
            _LOG.warning("account API %s answer unusable: %s", operation, type(exc).__name__)
            raise AccountUnavailable(f"account API {operation} answer unusable") from exc

    def _get(
        self,
        operation: str,
        path: str,
        token: str,
        convert: Callable[[object], _T],
        params: Mapping[str, str] | None = None,
    ) -> _T:
        _, content = self._call(operation, "GET", path, token, (200,), params=params)
        return self._parsed(operation, content, convert)

    def profile(self, token: str) -> Profile:
        """The linked account's profile (``GET /me``).

        Raises:
            LinkRequired: The user must link the account again.
            AccountUnavailable: The API failed or answered outside the contract.
        """
        return self._get("profile", "/me", token, parse_profile)

    def orders(self, token: str, limit: int = 20) -> list[Order]:
        """The account's orders, newest first (``GET /me/orders``).

        Raises:
            ValueError: ``limit`` is outside 1-50.
            LinkRequired: The user must link the account again.
            AccountUnavailable: The API failed or answered outside the contract.
        """
        if limit not in ORDERS_LIMIT:
            raise ValueError("limit must be between 1 and 50")
        return self._get(
            "orders",
            "/me/orders",
            token,
            lambda data: _listed(data, "orders", parse_order),
            params={"limit": str(limit)},
        )

    def order(self, token: str, order_id: str) -> Order:
        """One order (``GET /me/orders/{order_id}``).

        Raises:
            LinkRequired: The user must link the account again.
            NotFound: The account has no such order.
            AccountUnavailable: The API failed or answered outside the contract.
        """
        path = "/me/orders/" + quote(order_id, safe="")
        return self._get("order", path, token, parse_order)

    def support_requests(self, token: str) -> list[SupportRequest]:
        """The account's support requests, newest first (``GET /me/support-requests``).

        Raises:
            LinkRequired: The user must link the account again.
            AccountUnavailable: The API failed or answered outside the contract.
        """
        return self._get(
            "support_requests",
            "/me/support-requests",
            token,
            lambda data: _listed(data, "requests", parse_support_request),
        )

    def open_support_request(
        self,
        token: str,
        *,
        order_id: str,
        kind: str,
        reason: str,
        idempotency_key: str,
        note: str | None = None,
    ) -> tuple[SupportRequest, bool]:
        """Open a return, repair or cross-shipping request (``POST /me/support-requests``).

        The same ``idempotency_key`` with the same fields never opens a second
        request: the API answers 200 with the first one. That is also what makes
        the automatic retry of this POST safe. When a retry follows a failure
        after the API had already opened the request, the answer is that replay,
        so ``created`` is False then too.

        Returns:
            The request and whether this call created it (201) rather than the
            API replaying an earlier one with the same key (200).

        Raises:
            ValueError: ``kind``, ``reason``, ``note`` or the key break the contract.
            LinkRequired: The user must link the account again.
            InsufficientScope: The token may not open support requests.
            NotFound: The account has no such order.
            IdempotencyConflict: The key was used before with different fields.
            NotAllowed: The API refuses this request for this order (e.g. R1).
            AccountUnavailable: The API failed or answered outside the contract.
        """
        if kind not in SUPPORT_KINDS or reason not in SUPPORT_REASONS:
            raise ValueError("kind and reason must be values of the contract")
        if len(idempotency_key) not in IDEMPOTENCY_KEY_LENGTH:
            raise ValueError("the idempotency key must have 8 to 128 characters")
        if note is not None and len(note) > MAX_NOTE_LENGTH:
            raise ValueError("the note must have at most 500 characters")
        body = {"order_id": order_id, "kind": kind, "reason": reason}
        if note is not None:
            body["note"] = note
        status, content = self._call(
            "open_support_request",
            "POST",
            "/me/support-requests",
            token,
            (200, 201),
            headers={"Idempotency-Key": idempotency_key},
            body=body,
        )
        request = self._parsed("open_support_request", content, parse_support_request)
        return request, status == 201

    def revoke_link(self, token: str) -> None:
        """Revoke the Alexa link and its tokens (``DELETE /me/alexa-link``, P6).

        Raises:
            LinkRequired: The token is already unknown or revoked.
            AccountUnavailable: The API failed.
        """
        self._call("revoke_link", "DELETE", "/me/alexa-link", token, (200, 204))
