"""The small HTTP/1.1 client under the Alexa API transport, against scripted servers.

Each server accepts connections on 127.0.0.1, reads one request per scripted answer
and writes that answer byte for byte, then closes: every framing RFC 9112 allows and
every limit a broken or hostile server could push against.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import pytest

from adapters import http11

TIMEOUTS = {"connect_timeout": 1.0, "read_timeout": 1.0, "max_body": 1024}


class Scripted:
    """What a scripted server received: each request's head and body, per connection."""

    def __init__(self) -> None:
        self.requests: list[bytes] = []
        self.connections = 0


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value)
    while len(body) < length:
        body += conn.recv(4096)
    return head + b"\r\n\r\n" + body


@contextmanager
def scripted(connections: Sequence[Sequence[bytes]]) -> Iterator[tuple[int, Scripted]]:
    """A server that answers each connection's requests with the scripted bytes, in turn."""
    seen = Scripted()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(5)
    stopping = threading.Event()

    def serve() -> None:
        for answers in connections:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            if stopping.is_set():
                conn.close()
                return
            with conn:
                conn.settimeout(5)
                for index, answer in enumerate(answers):
                    request = _read_request(conn)
                    if not request:
                        break
                    if index == 0:
                        seen.connections += 1
                    seen.requests.append(request)
                    conn.sendall(answer)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    try:
        yield port, seen
    finally:
        stopping.set()
        if thread.is_alive():  # wake a server still waiting for a connection nobody opened
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
        thread.join(timeout=5)
        listener.close()


def ok(body: bytes, *extra: bytes) -> bytes:
    head = [b"HTTP/1.1 200 OK", b"Content-Length: " + str(len(body)).encode(), *extra]
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def test_a_request_carries_host_headers_and_its_body_length() -> None:
    with scripted([[ok(b'"Europe/Moscow"')]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        answer = connection.request(
            "POST", "/v1/directives", [("Authorization", "Bearer t")], b"{}", **TIMEOUTS
        )
    assert answer == http11.Response(200, [("Content-Length", "15")], b'"Europe/Moscow"')
    head, _, body = seen.requests[0].partition(b"\r\n\r\n")
    assert head.split(b"\r\n") == [
        b"POST /v1/directives HTTP/1.1",
        f"Host: 127.0.0.1:{port}".encode(),
        b"Authorization: Bearer t",
        b"Content-Length: 2",
    ]
    assert body == b"{}"


def test_two_requests_share_the_kept_alive_connection() -> None:
    with scripted([[ok(b"1"), ok(b"2")]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        bodies = [connection.request("GET", "/", **TIMEOUTS).body for _ in range(2)]
    assert bodies == [b"1", b"2"]
    assert seen.connections == 1


def test_a_chunked_answer_is_joined_and_its_trailers_read() -> None:
    chunked = (
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        b'4;name=value\r\n"Asi\r\n9\r\na/Almaty"\r\n0\r\nX-Trailer: yes\r\n\r\n'
    )
    with scripted([[chunked, ok(b"next")]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        first = connection.request("GET", "/", **TIMEOUTS)
        second = connection.request("GET", "/", **TIMEOUTS)
    assert first.body == b'"Asia/Almaty"'
    assert second.body == b"next"  # the trailers were consumed: the next answer reads clean
    assert seen.connections == 1


def test_an_answer_without_length_runs_to_the_close_and_the_connection_is_not_reused() -> None:
    with scripted([[b"HTTP/1.1 200 OK\r\n\r\nuntil the end"], [ok(b"again")]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        first = connection.request("GET", "/", **TIMEOUTS)
        assert not connection.is_open
        second = connection.request("GET", "/", **TIMEOUTS)
    assert (first.body, second.body) == (b"until the end", b"again")
    assert seen.connections == 2


@pytest.mark.parametrize(
    "answer",
    [
        ok(b"x", b"Connection: close"),
        b"HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx",
    ],
)
def test_a_server_that_closes_after_answering_gets_a_new_connection(answer: bytes) -> None:
    with scripted([[answer], [answer]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        connection.request("GET", "/", **TIMEOUTS)
        assert not connection.is_open
        connection.request("GET", "/", **TIMEOUTS)
    assert seen.connections == 2


def test_interim_answers_are_skipped_and_no_content_has_no_body() -> None:
    answer = b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n"
    with scripted([[answer, ok(b"after")]]) as (port, _):
        connection = http11.Connection("127.0.0.1", port)
        first = connection.request("POST", "/v1/directives", body=b"{}", **TIMEOUTS)
        second = connection.request("GET", "/", **TIMEOUTS)
    assert (first.status, first.body, second.body) == (204, b"", b"after")


def test_a_kept_alive_connection_closed_by_the_server_is_reported_as_dropped() -> None:
    with scripted([[ok(b"1")]]) as (port, _):
        connection = http11.Connection("127.0.0.1", port)
        connection.request("GET", "/", **TIMEOUTS)
        with pytest.raises(http11.ConnectionDropped):
            connection.request("GET", "/", **TIMEOUTS)
    assert not connection.is_open


def test_a_new_connection_closed_without_an_answer_is_an_error_not_a_drop() -> None:
    with scripted([[b""]]) as (port, _):
        connection = http11.Connection("127.0.0.1", port)
        with pytest.raises(http11.HttpError) as raised:
            connection.request("GET", "/", **TIMEOUTS)
    assert not isinstance(raised.value, http11.ConnectionDropped)


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        (ok(b"x" * 1025), "too large"),
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n401\r\n" + b"x" * 1025,
            "too large",
        ),
        (b"HTTP/1.1 200 OK\r\n\r\n" + b"x" * 1025, "too large"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", "ended early"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx", "Content-Length"),
        (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "Content-Length"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", "transfer coding"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "chunk size"),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n", "chunk did not end"),
        (b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * 9000 + b"\r\n\r\n", "too long"),
        (b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 101 + b"\r\n", "too many headers"),
        (b"HTTP/1.1 200 OK\r\n folded: no\r\n\r\n", "malformed header"),
        (b"SMTP 220 hello\r\n\r\n", "status line"),
        (b"HTTP/1.1 2x0 OK\r\n\r\n", "status line"),
        (b"HTTP/1.1 101 Switching Protocols\r\n\r\n", "switched"),
        (b"HTTP/1.1 200 OK\r\nContent-Le", "ended early"),
    ],
)
def test_answers_that_break_the_protocol_or_a_limit_are_refused(
    answer: bytes, message: str
) -> None:
    with scripted([[answer]]) as (port, _):
        connection = http11.Connection("127.0.0.1", port)
        with pytest.raises(http11.HttpError, match=message):
            connection.request("GET", "/", **TIMEOUTS)
    assert not connection.is_open


@pytest.mark.parametrize(
    ("target", "headers"),
    [
        ("/v2/x HTTP/1.1\r\nX-Injected: 1", []),
        ("/", [("Authorization", "Bearer t\r\nX-Injected: 1")]),
        ("/", [("X-Bad\nName", "v")]),
        ("/\0", []),
    ],
)
def test_nothing_is_sent_with_cr_lf_or_nul_in_the_request(
    target: str, headers: list[tuple[str, str]]
) -> None:
    with scripted([[ok(b"x")]]) as (port, seen):
        connection = http11.Connection("127.0.0.1", port)
        with pytest.raises(ValueError, match="CR, LF or NUL"):
            connection.request("GET", target, headers, **TIMEOUTS)
    assert seen.requests == []


def test_a_server_that_never_answers_times_out() -> None:
    listener = socket.create_server(("127.0.0.1", 0))
    with listener:
        connection = http11.Connection("127.0.0.1", listener.getsockname()[1])
        with pytest.raises(TimeoutError):
            connection.request(
                "GET", "/", connect_timeout=1.0, read_timeout=0.2, max_body=10
            )  # the backlog accepts the connection; nobody reads or answers
    assert not connection.is_open


def test_the_host_header_leaves_out_a_default_port_and_brackets_ipv6() -> None:
    assert http11.Connection("api.amazonalexa.com", 443, tls=object())._host_header == (  # type: ignore[arg-type]
        "api.amazonalexa.com"
    )
    assert http11.Connection("::1", 8443)._host_header == "[::1]:8443"
