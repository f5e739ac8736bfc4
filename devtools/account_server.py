"""A local ZOSI account API, and the two Alexa service endpoints the skill calls.

`LocalAccountService` implements ``shared/contracts/account-api.openapi.yaml`` on
127.0.0.1 for the ``with`` block, over real HTTP, so the skill's client, the CLI
and the tests exercise the same code as production. Its accounts are the demo
customers of `devtools.demo_customers` (tokens ``demo-<name>``), with orders dated
relative to ``today``; its fault tokens (``FAULT_TOKENS``) make it fail on purpose.

Besides the account API under ``/v1/me``, the server root answers the Alexa
endpoints the skill uses, so the local stack shows them too:
``GET /v2/devices/{deviceId}/settings/System.timeZone`` (the device's time zone)
and ``POST /v1/directives`` (progressive responses, recorded in ``directives``).

This is developer tooling: it never ships in the Lambda package.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Final, Self
from urllib.parse import parse_qs, unquote, urlsplit

from devtools.demo_customers import DEMO_CUSTOMERS, DemoCustomer, DemoOrder

if TYPE_CHECKING:
    from trustme import CA as _CA

#: fault-slow pauses this long: more than the client's 2 s read timeout. The pause ends
#: early when the service stops, so no server thread outlives the ``with`` block by much.
SLOW_SECONDS: Final = 2.5
#: An idle keep-alive connection is closed after this many seconds.
IDLE_SECONDS: Final = 5.0
#: How long stopping waits for replies already being written (a woken slow answer's 503).
DRAIN_SECONDS: Final = 0.5
#: R1: a refund return may be asked for up to 30 days after the purchase date.
REFUND_DAYS: Final = 30
SUPPORT_KINDS: Final = frozenset({"refund_return", "warranty_repair", "cross_ship"})
SUPPORT_REASONS: Final = frozenset({"defect", "changed_mind", "damaged_in_transit", "other"})
MAX_NOTE_LENGTH: Final = 500
MAX_ORDERS_LIMIT: Final = 50
DEFAULT_ORDERS_LIMIT: Final = 20
FIRST_REQUEST_NUMBER: Final = 1001
SLOW_TOKEN: Final = "fault-slow"
#: fault-slow-body answers at once but sends its body at this many bytes a second...
DRIP_BYTES_PER_SECOND: Final = 5
#: ...and gives up after this many seconds, so no client can keep a server thread forever.
DRIP_SECONDS: Final = 15.0
#: fault-huge answers a valid profile padded to this many bytes (more than the client reads).
HUGE_BODY_BYTES: Final = 2 * 1024 * 1024
SLOW_TWIN: Final = "recent"
_KEY_LENGTH: Final = range(8, 129)
_INPUT_FIELDS: Final = frozenset({"order_id", "kind", "reason", "note"})


@dataclass(frozen=True)
class Reply:
    """One HTTP answer: status, extra headers and an optional body."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    headers: tuple[tuple[str, str], ...] = ()
    #: Bytes per second the body is sent at; None sends it at once.
    drip: int | None = None


def _json(status: int, data: object) -> Reply:
    return Reply(status, json.dumps(data).encode("utf-8"))


def _problem(status: int, title: str, *headers: tuple[str, str]) -> Reply:
    """An RFC 9457 problem answer."""
    body = {"type": "about:blank", "title": title, "status": status}
    return Reply(status, json.dumps(body).encode("utf-8"), "application/problem+json", headers)


#: Tokens of the recent customer's twins whose answers arrive, but too slowly or too big.
SLOW_BODY_TOKEN: Final = "fault-slow-body"
HUGE_TOKEN: Final = "fault-huge"

#: What each fault token gets from every account API call (fault-slow only pauses).
FAULT_REPLIES: Final[Mapping[str, Reply]] = {
    "fault-500": _problem(500, "Internal Server Error"),
    "fault-503": _problem(503, "Service Unavailable"),
    "fault-429": _problem(429, "Too Many Requests", ("Retry-After", "3600")),
    "fault-403": _problem(
        403, "Forbidden", ("WWW-Authenticate", 'Bearer error="insufficient_scope"')
    ),
    "fault-malformed": Reply(200, b'{"account_id": "ZA-0000", "country":'),
    "fault-schema": _json(200, {"unexpected": True}),
}


@dataclass(frozen=True)
class _Request:
    """One request as the routes see it; ``headers`` has lower-case names."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    headers: Mapping[str, str]
    body: bytes


@dataclass
class _Account:
    """One linked account's live state: its support requests and the keys they were sent with."""

    customer: DemoCustomer
    requests: list[dict[str, object]] = field(default_factory=list)
    by_key: dict[str, tuple[dict[str, object], dict[str, object]]] = field(default_factory=dict)

    def order(self, order_id: str) -> DemoOrder | None:
        return next((o for o in self.customer.orders if o.order_id == order_id), None)


@dataclass
class _Failure:
    """Requests still to fail on purpose (see `LocalAccountService.fail_next`)."""

    times: int
    status: int
    after_commit: bool
    only: tuple[str, str] | None = None


_Route = Callable[["LocalAccountService", _Account, _Request, re.Match[str]], Reply]


class LocalAccountService:
    """The account API and the Alexa endpoints on 127.0.0.1 and a free port.

    Attributes:
        today: The day demo orders are dated from (UTC today unless given).
        url: The account API base, e.g. ``http://127.0.0.1:49152/v1``; set on entry.
        alexa_api_url: The Alexa API endpoint, e.g. ``http://127.0.0.1:49152``
            (``https://`` and a port of its own with ``alexa_tls``).
        http_url: The plain-HTTP root, which also answers the Alexa endpoints.
        calls: How many requests arrived per ``(method, path)``, e.g.
            ``calls["POST", "/v1/me/support-requests"]``.
        directives: The bodies of the directives (progressive responses) received.
        connections_opened: How many TCP connections clients opened (keep-alive reuses one).
    """

    url: str
    alexa_api_url: str
    http_url: str

    def __init__(
        self,
        today: date | None = None,
        *,
        time_zone: str = "Europe/Moscow",
        alexa_tls: bool = False,
    ) -> None:
        """Prepare the accounts; the server starts on entering the ``with`` block.

        Args:
            today: The day demo orders are dated from.
            time_zone: What the Settings API reports as every device's time zone.
            alexa_tls: Serve the Alexa endpoints over HTTPS, as Alexa does, on a port of
                their own, with a certificate from a CA made for this service
                (``ca_pem``); the account API stays on plain HTTP.
        """
        self.time_zone = time_zone
        self.connections_opened = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._servers: list[tuple[_Server, threading.Thread]] = []
        self._ca = _make_ca() if alexa_tls else None
        self.reset(today)

    def reset(self, today: date | None = None) -> None:
        """Start the accounts over, as a new service would, with orders dated from ``today``.

        No support requests, revoked links, pending failures, recorded calls or directives
        remain. A running service keeps its address, so a skill configured with it stays valid.
        """
        twin = next(c for c in DEMO_CUSTOMERS if c.name == SLOW_TWIN)
        with self._lock:
            self.today = today or datetime.now(UTC).date()
            #: A day given is a simulated one: its requests are stamped at a fixed hour (`_now`).
            self._simulated = today is not None
            self.calls: Counter[tuple[str, str]] = Counter()
            self.directives: list[dict[str, object]] = []
            self._accounts = {customer.token: _Account(customer) for customer in DEMO_CUSTOMERS}
            for token in (SLOW_TOKEN, SLOW_BODY_TOKEN, HUGE_TOKEN):
                self._accounts[token] = _Account(twin)
            self._revoked: set[str] = set()
            #: Keys kept for the whole service (``share_keys``) rather than per account.
            self._shared_keys: dict[str, tuple[dict[str, object], dict[str, object]]] | None = None
            self._failures: list[_Failure] = []
            self._next_number = FIRST_REQUEST_NUMBER

    @property
    def ca_pem(self) -> bytes:
        """The PEM certificate of the CA behind the HTTPS Alexa endpoints.

        Raises:
            ValueError: The service was made without ``alexa_tls``.
        """
        if self._ca is None:
            raise ValueError("the Alexa endpoints are plain HTTP (alexa_tls=False)")
        return bytes(self._ca.cert_pem.bytes())

    # --- lifecycle ------------------------------------------------------------------------

    def __enter__(self) -> Self:
        root = self._serve()
        self.http_url = self.alexa_api_url = root
        self.url = f"{root}/v1"
        if self._ca is not None:
            self.alexa_api_url = self._serve(self._ca)
        return self

    def _serve(self, ca: _CA | None = None) -> str:
        """Start one server (HTTPS with a certificate from ``ca``); its root URL."""
        server = _Server(("127.0.0.1", 0), _RequestHandler)
        server.service = self
        host, port = server.server_address[:2]
        scheme = "http"
        if ca is not None:
            import ssl

            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ca.issue_cert(str(host)).configure_cert(context)
            server.socket = context.wrap_socket(server.socket, server_side=True)
            scheme = "https"
        thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.01},
            name="local-account-service",
            daemon=True,
        )
        thread.start()
        self._servers.append((server, thread))
        return f"{scheme}://{host!s}:{port}"

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stopping.set()
        for server, _ in self._servers:
            server.shutdown()
            server.server_close()
        for server, _ in self._servers:
            server.finish_answers(timeout=DRAIN_SECONDS)
            server.cut_connections()
        for _, thread in self._servers:
            thread.join()
        self._servers = []

    def stops_within(self, seconds: float) -> bool:
        """Wait ``seconds``, or less if the service stops meanwhile; whether it stopped."""
        return self._stopping.wait(seconds)

    # --- test controls --------------------------------------------------------------------

    def fail_next(
        self,
        times: int = 1,
        status: int = 503,
        *,
        after_commit: bool = False,
        only: tuple[str, str] | None = None,
    ) -> None:
        """Answer the next ``times`` requests (those to ``only``, if given) with ``status``.

        With ``after_commit`` the request is carried out first and only its answer
        is lost, as when a gateway times out after the API did the work.
        """
        with self._lock:
            self._failures.append(_Failure(times, status, after_commit, only))

    def share_keys(self) -> None:
        """Keep idempotency keys for the whole service, not per account, from now on.

        The contract does not say whose a key is; an API that scopes keys to its client
        replays one account's request to another that sends the same key.
        """
        with self._lock:
            self._shared_keys = {}

    def add_account(self, token: str, customer: DemoCustomer) -> None:
        """Link ``customer`` (a demo customer, or a variant of one) to ``token`` too."""
        with self._lock:
            self._accounts[token] = _Account(customer)

    def set_request_status(self, request_id: str, status: str) -> None:
        """Move a support request on, as ZOSI support would (e.g. to "closed").

        Raises:
            KeyError: No account has that request.
        """
        with self._lock:
            for account in self._accounts.values():
                for request in account.requests:
                    if request["request_id"] == request_id:
                        request["status"] = status
                        return
        raise KeyError(request_id)

    def _take_failure(self, method: str, path: str) -> _Failure | None:
        with self._lock:
            if not self._failures:
                return None
            failure = self._failures[0]
            if failure.only is not None and failure.only != (method, path):
                return None
            failure.times -= 1
            if failure.times <= 0:
                self._failures.pop(0)
            return failure

    # --- requests -------------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: Mapping[str, str], body: bytes) -> Reply:
        """Answer one request; ``headers`` has lower-case names."""
        parts = urlsplit(target)
        request = _Request(method, parts.path, parse_qs(parts.query), headers, body)
        with self._lock:
            self.calls[method, request.path] += 1
        failure = self._take_failure(method, request.path)
        if failure is not None and not failure.after_commit:
            return _problem(failure.status, "Injected failure")
        reply = self._route(request)
        if failure is not None:
            return _problem(failure.status, "Injected failure")
        return _distorted(reply, _bearer(headers))

    def _route(self, request: _Request) -> Reply:
        for pattern, allowed in _ALEXA_ROUTES:
            if pattern.fullmatch(request.path) is not None:
                return self._alexa(request, allowed)
        if request.path != "/v1/me" and not request.path.startswith("/v1/me/"):
            return _problem(404, "Not Found")
        account = self._authenticate(request)
        if isinstance(account, Reply):
            return account
        for pattern, routes in _ACCOUNT_ROUTES:
            match = pattern.fullmatch(request.path)
            if match is None:
                continue
            route = routes.get(request.method)
            if route is None:
                return _problem(405, "Method Not Allowed", ("Allow", ", ".join(sorted(routes))))
            return route(self, account, request, match)
        return _problem(404, "Not Found")

    def _authenticate(self, request: _Request) -> _Account | Reply:
        """The account the bearer token links, or the answer a bad or fault token gets."""
        token = _bearer(request.headers)
        if token is None:
            return _problem(401, "Unauthorized", ("WWW-Authenticate", 'Bearer realm="zosi"'))
        if token in FAULT_REPLIES:
            return FAULT_REPLIES[token]
        if token == SLOW_TOKEN and self._stopping.wait(SLOW_SECONDS):
            return _problem(503, "Service stopping")
        account = self._accounts.get(token)
        if account is None or token in self._revoked:
            return _problem(
                401, "Unauthorized", ("WWW-Authenticate", 'Bearer error="invalid_token"')
            )
        return account

    def _alexa(self, request: _Request, allowed: str) -> Reply:
        if request.method != allowed:
            return _problem(405, "Method Not Allowed", ("Allow", allowed))
        if _bearer(request.headers) is None:
            return _problem(401, "Unauthorized")
        if request.method == "GET":
            return _json(200, self.time_zone)
        try:
            directive = json.loads(request.body)
        except ValueError:
            return _problem(400, "Bad Request")
        with self._lock:
            self.directives.append(directive)
        return Reply(204)

    def _profile(self, account: _Account, request: _Request, match: re.Match[str]) -> Reply:
        return _json(200, account.customer.profile_json())

    def _orders(self, account: _Account, request: _Request, match: re.Match[str]) -> Reply:
        limit_text = request.query.get("limit", [str(DEFAULT_ORDERS_LIMIT)])[-1]
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= MAX_ORDERS_LIMIT:
            return _problem(400, "Bad Request")
        orders = account.customer.orders[: int(limit_text)]
        return _json(200, {"orders": [order.to_json(self.today) for order in orders]})

    def _order(self, account: _Account, request: _Request, match: re.Match[str]) -> Reply:
        order = account.order(unquote(match["order_id"]))
        if order is None:
            return _problem(404, "Not Found")
        return _json(200, order.to_json(self.today))

    def _support_requests(
        self, account: _Account, request: _Request, match: re.Match[str]
    ) -> Reply:
        with self._lock:
            newest_first = list(reversed(account.requests))
        return _json(200, {"requests": newest_first})

    def _open_support_request(
        self, account: _Account, request: _Request, match: re.Match[str]
    ) -> Reply:
        key = request.headers.get("idempotency-key", "")
        fields = _support_input(request.body)
        if len(key) not in _KEY_LENGTH or fields is None:
            return _problem(400, "Bad Request")
        with self._lock:
            keys = account.by_key if self._shared_keys is None else self._shared_keys
            earlier = keys.get(key)
            if earlier is not None:
                sent, replay = earlier
                if sent != fields:
                    return _problem(409, "Idempotency-Key reused with a different body")
                return _json(200, replay)
            order = account.order(str(fields["order_id"]))
            if order is None:
                return _problem(404, "Not Found")
            last_day = order.placed_on(self.today) + timedelta(days=REFUND_DAYS)
            if fields["kind"] == "refund_return" and self.today > last_day:
                return _problem(422, "A refund return is possible for 30 days after purchase")
            created = {
                **fields,
                "note": fields.get("note"),
                "request_id": f"SR-{self._next_number}",
                "status": "received",
                "created_at": self._now(),
                "rma_code": None,
            }
            self._next_number += 1
            account.requests.append(created)
            keys[key] = (fields, created)
        return _json(201, created)

    def _revoke_link(self, account: _Account, request: _Request, match: re.Match[str]) -> Reply:
        with self._lock:
            self._revoked.add(account.customer.token)
        return Reply(204)

    def _now(self) -> str:
        """When a request is opened: now, or on a simulated day at 09:00 UTC.

        The real time of day on a simulated day would move the day a customer hears with the
        hour the tests run: after 21:00 UTC a request opened "on 21 November" is already the
        22nd in Moscow. At 09:00 UTC it is the same day from UTC-9 to UTC+14.
        """
        now = datetime.now(UTC)
        at = SIMULATED_HOUR if self._simulated else now.time().replace(microsecond=0)
        stamp = datetime.combine(self.today, at, UTC)
        return stamp.isoformat().replace("+00:00", "Z")


#: The hour of a request opened on a simulated day (`LocalAccountService._now`).
SIMULATED_HOUR: Final = time(9, 0)

_ALEXA_ROUTES: Final = (
    (re.compile(r"/v2/devices/(?P<device_id>[^/]+)/settings/System\.timeZone"), "GET"),
    (re.compile(r"/v1/directives"), "POST"),
)
_ACCOUNT_ROUTES: Final[tuple[tuple[re.Pattern[str], Mapping[str, _Route]], ...]] = (
    (re.compile(r"/v1/me"), {"GET": LocalAccountService._profile}),
    (re.compile(r"/v1/me/orders"), {"GET": LocalAccountService._orders}),
    (re.compile(r"/v1/me/orders/(?P<order_id>[^/]+)"), {"GET": LocalAccountService._order}),
    (
        re.compile(r"/v1/me/support-requests"),
        {
            "GET": LocalAccountService._support_requests,
            "POST": LocalAccountService._open_support_request,
        },
    ),
    (re.compile(r"/v1/me/alexa-link"), {"DELETE": LocalAccountService._revoke_link}),
)


def _distorted(reply: Reply, token: str | None) -> Reply:
    """The reply as the slow-body and huge-body fault tokens get it (others get it as is)."""
    if token == SLOW_BODY_TOKEN:
        return replace(reply, drip=DRIP_BYTES_PER_SECOND)
    if token == HUGE_TOKEN and reply.status == 200 and reply.body.startswith(b"{"):
        padding = b" " * max(0, HUGE_BODY_BYTES - len(reply.body))
        return replace(reply, body=reply.body[:1] + padding + reply.body[1:])
    return reply


def _bearer(headers: Mapping[str, str]) -> str | None:
    """The bearer token of the Authorization header, None when there is none."""
    scheme, _, token = headers.get("authorization", "").partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def _support_input(body: bytes) -> dict[str, object] | None:
    """The contract's fields of a support request body if it matches SupportRequestInput.

    Other fields are dropped, never stored: the contract allows them (its schema does
    not forbid additional properties; schemathesis holds the service to that), and
    tests/contract checks that the skill sends none (P1).
    """
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    data = {name: value for name, value in data.items() if name in _INPUT_FIELDS}
    note = data.get("note")
    valid = (
        isinstance(data.get("order_id"), str)
        and data.get("kind") in SUPPORT_KINDS
        and data.get("reason") in SUPPORT_REASONS
        and (note is None or (isinstance(note, str) and len(note) <= MAX_NOTE_LENGTH))
    )
    return data if valid else None


_Socket = socket.socket | tuple[bytes, socket.socket]


def _make_ca() -> _CA:
    """A CA made for one run of the service (``trustme``: a development dependency)."""
    import trustme

    return trustme.CA()


class _Server(ThreadingHTTPServer):
    """A threaded HTTP server that knows its service and ignores clients that hang up.

    It tracks its open connections so that stopping also cuts idle keep-alive
    connections: a client must not get answers from a service that has stopped.
    """

    daemon_threads = True
    service: LocalAccountService

    def server_activate(self) -> None:
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        self._answering = 0
        self._answered = threading.Condition(self._open_lock)
        super().server_activate()

    @contextlib.contextmanager
    def answering(self) -> Iterator[None]:
        """Mark one request as being answered until its reply is fully written."""
        with self._open_lock:
            self._answering += 1
        try:
            yield
        finally:
            with self._open_lock:
                self._answering -= 1
                self._answered.notify_all()

    def finish_answers(self, timeout: float) -> None:
        """Wait up to ``timeout`` seconds for the answers being written to go out whole.

        Stopping wakes a slow answer, which then replies 503; cutting its connection
        before that reply is written would leave the client a half answer, or none.
        """
        with self._open_lock:
            self._answered.wait_for(lambda: self._answering == 0, timeout)

    def process_request(self, request: _Socket, client_address: object) -> None:
        if isinstance(request, socket.socket):
            with self._open_lock:
                self._open.add(request)
                self.service.connections_opened += 1
        super().process_request(request, client_address)

    def shutdown_request(self, request: _Socket) -> None:
        if isinstance(request, socket.socket):
            with self._open_lock:
                self._open.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        """Shut down every open connection; their threads then end."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: _Socket, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            return
        super().handle_error(request, client_address)


class _RequestHandler(BaseHTTPRequestHandler):
    """Reads one request, lets the service answer it, writes the answer (HTTP/1.1 keep-alive)."""

    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    # Headers and body go out in separate writes; without this, Nagle's algorithm and
    # delayed ACKs add 40 ms to every answer on loopback.
    disable_nagle_algorithm = True
    server: _Server

    def _serve(self) -> None:
        length_text = self.headers.get("Content-Length") or "0"
        if not length_text.isdigit():
            self._write(_problem(400, "Bad Request"))
            return
        body = self.rfile.read(int(length_text))
        headers = {name.lower(): value for name, value in self.headers.items()}
        with self.server.answering():
            self._write(self.server.service.handle(self.command, self.path, headers, body))

    def _write(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for name, value in reply.headers:
            self.send_header(name, value)
        if reply.status != 204:
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        if reply.drip is None:
            self.wfile.write(reply.body)
            return
        self.wfile.flush()
        service = self.server.service
        interval = 1 / reply.drip
        for count, byte in enumerate(reply.body):
            if count * interval >= DRIP_SECONDS or service.stops_within(interval):
                self.close_connection = True
                return
            self.wfile.write(bytes((byte,)))
            self.wfile.flush()

    # http.server calls do_<METHOD>; every method goes through the same router.
    do_GET = do_POST = do_DELETE = do_PUT = do_PATCH = _serve  # noqa: N815

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: a line per request would drown a chat session or a test report."""
