"""A small HTTP/1.1 client connection over ``socket`` and ``ssl``, for the Alexa service APIs.

Why not ``http.client``: importing it loads ``email`` (its header parser) and more,
about 20 ms of a cold start, on the path of every first answer that needs the
device's time zone. The Alexa APIs the skill calls need little of HTTP: one
request at a time on a kept-alive connection, small JSON bodies framed by
``Content-Length``, and answers framed as RFC 9112 section 6.3 allows
(``Content-Length``, chunked transfer coding, or the end of the connection).
That is all this module speaks: no proxies, redirects, compression, pipelining
or upgrades; interim 1xx answers are skipped.

Every limit a hostile or broken server could push against is bounded: the status
line and each header line (``MAX_LINE``), the number of headers
(``MAX_HEADERS``) and the body (``max_body``). Request lines and headers with a
CR, LF or NUL are refused before anything is sent (no header injection).
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import ssl
    from collections.abc import Sequence
    from io import BufferedReader

#: The longest status line or header line read, in bytes (with its CRLF).
MAX_LINE = 8192
#: The most header lines (trailers included) one answer may carry.
MAX_HEADERS = 100
_FORBIDDEN = frozenset("\r\n\0")
_HEX_DIGITS = b"0123456789abcdefABCDEF"


class HttpError(Exception):
    """The server's answer broke HTTP/1.1 or a limit; the connection is closed."""


class ConnectionDropped(HttpError):  # noqa: N818 (it names what happened, not a failure class)
    """A kept-alive connection was closed by the server before it answered.

    Servers close idle connections whenever they like, so the same request may
    be sent once more on a new connection.
    """


class Response(NamedTuple):
    """One answer: its status code, its headers in order, and its whole body."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes


def _checked(text: str) -> str:
    if _FORBIDDEN.intersection(text):
        raise ValueError("CR, LF or NUL in a request line or header")
    return text


class Connection:
    """One HTTP/1.1 connection to ``host``:``port``, opened on first use and kept alive.

    Not thread-safe: one request at a time (callers keep a connection per thread).
    """

    def __init__(self, host: str, port: int, tls: ssl.SSLContext | None = None) -> None:
        """Remember where to connect; ``tls`` makes it HTTPS, verified by that context."""
        self.host = host
        self.port = port
        self._tls = tls
        self._sock: socket.socket | None = None
        self._reader: BufferedReader | None = None
        default_port = 443 if tls is not None else 80
        name = f"[{host}]" if ":" in host else host
        self._host_header = name if port == default_port else f"{name}:{port}"

    @property
    def is_open(self) -> bool:
        """Whether a socket is open (it may still have been closed by the server)."""
        return self._sock is not None

    def close(self) -> None:
        """Close the socket, if open; the next request opens a new one."""
        reader, sock = self._reader, self._sock
        self._reader = self._sock = None
        if reader is not None:
            reader.close()
        if sock is not None:
            sock.close()

    def _open(self, connect_timeout: float) -> None:
        sock = socket.create_connection((self.host, self.port), timeout=connect_timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self._tls is not None:
                # The handshake runs under the connect timeout; the name is verified.
                sock = self._tls.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self._sock = sock
        self._reader = sock.makefile("rb")

    def request(
        self,
        method: str,
        target: str,
        headers: Sequence[tuple[str, str]] = (),
        body: bytes | None = None,
        *,
        connect_timeout: float,
        read_timeout: float,
        max_body: int,
    ) -> Response:
        """Send one request and read its whole answer.

        ``connect_timeout`` bounds opening the connection (and the TLS handshake);
        ``read_timeout`` bounds each wait for the server after that.

        Raises:
            ValueError: the request line or a header holds CR, LF or NUL.
            ConnectionDropped: a kept-alive connection closed before any answer.
            HttpError: the answer broke the protocol or a limit.
            OSError: the connection failed or timed out (``ssl.SSLError`` included).
        """
        head = [f"{_checked(method)} {_checked(target)} HTTP/1.1", f"Host: {self._host_header}"]
        head += [f"{_checked(name)}: {_checked(value)}" for name, value in headers]
        if body is not None or method in ("POST", "PUT", "PATCH"):
            head.append(f"Content-Length: {len(body or b'')}")
        data = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (body or b"")
        reused = self._sock is not None
        if not reused:
            self._open(connect_timeout)
        try:
            return self._exchange(data, method, read_timeout, max_body, reused=reused)
        except BaseException:
            self.close()
            raise

    def _exchange(
        self, data: bytes, method: str, read_timeout: float, max_body: int, *, reused: bool
    ) -> Response:
        sock, reader = self._sock, self._reader
        if sock is None or reader is None:
            raise HttpError("the connection is not open")
        sock.settimeout(read_timeout)
        try:
            sock.sendall(data)
            line = reader.readline(MAX_LINE + 1)
        except (BrokenPipeError, ConnectionResetError) as exc:
            if reused:
                raise ConnectionDropped(type(exc).__name__) from exc
            raise
        if not line and reused:
            raise ConnectionDropped("closed before answering")
        while True:
            version, status = _status(line)
            headers = _headers(reader)
            if not 100 <= status < 200 or status == 101:
                break
            line = reader.readline(MAX_LINE + 1)  # an interim answer: the real one follows
        if status == 101:
            raise HttpError("the server switched protocols")
        body, until_close = _body(reader, headers, method, status, max_body)
        tokens = {
            token.strip().lower()
            for name, value in headers
            if name.lower() == "connection"
            for token in value.split(",")
        }
        closing = "close" in tokens or (version == "HTTP/1.0" and "keep-alive" not in tokens)
        if until_close or closing:
            self.close()
        return Response(status, headers, body)


def _line(reader: BufferedReader) -> bytes:
    line = reader.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise HttpError("a line of the answer is too long")
    if not line.endswith(b"\n"):
        raise HttpError("the answer ended early")
    return line


def _status(line: bytes) -> tuple[str, int]:
    if not line:
        raise HttpError("no answer")
    if len(line) > MAX_LINE or not line.endswith(b"\n"):
        raise HttpError("a malformed status line")
    version, _, rest = line.decode("latin-1").rstrip("\r\n").partition(" ")
    code = rest[:3]
    if version not in ("HTTP/1.1", "HTTP/1.0") or not (code.isdigit() and len(code) == 3):
        raise HttpError("a malformed status line")
    return version, int(code)


def _headers(reader: BufferedReader) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    while True:
        line = _line(reader)
        if line in (b"\r\n", b"\n"):
            return headers
        if len(headers) >= MAX_HEADERS:
            raise HttpError("too many headers")
        name, colon, value = line.decode("latin-1").partition(":")
        if not colon or not name or name != name.strip() or name[0] in " \t":
            raise HttpError("a malformed header")
        headers.append((name, value.strip(" \t\r\n")))


def _body(
    reader: BufferedReader,
    headers: list[tuple[str, str]],
    method: str,
    status: int,
    max_body: int,
) -> tuple[bytes, bool]:
    """The body as RFC 9112 section 6.3 frames it, and whether it ran to the connection's end."""
    if method == "HEAD" or status in (204, 304):
        return b"", False
    codings = [v for n, v in headers if n.lower() == "transfer-encoding"]
    lengths = {v for n, v in headers if n.lower() == "content-length"}
    if codings:
        if ",".join(codings).rsplit(",", 1)[-1].strip().lower() != "chunked":
            raise HttpError("an unsupported transfer coding")
        return _chunked(reader, max_body), False
    if lengths:
        if len(lengths) != 1 or not next(iter(lengths)).isdigit():
            raise HttpError("a malformed Content-Length")
        size = int(next(iter(lengths)))
        if size > max_body:
            raise HttpError("the answer is too large")
        return _exactly(reader, size), False
    body = reader.read(max_body + 1)
    if len(body) > max_body:
        raise HttpError("the answer is too large")
    return body, True


def _exactly(reader: BufferedReader, size: int) -> bytes:
    data = reader.read(size)
    if len(data) != size:
        raise HttpError("the answer ended early")
    return data


def _chunked(reader: BufferedReader, max_body: int) -> bytes:
    parts: list[bytes] = []
    total = 0
    while True:
        size_text = _line(reader).split(b";", 1)[0].strip()
        if not size_text or size_text.strip(_HEX_DIGITS) or len(size_text) > 16:
            raise HttpError("a malformed chunk size")
        size = int(size_text, 16)
        if size == 0:
            _headers(reader)  # trailers, up to the empty line
            return b"".join(parts)
        total += size
        if total > max_body:
            raise HttpError("the answer is too large")
        parts.append(_exactly(reader, size))
        if _line(reader) not in (b"\r\n", b"\n"):
            raise HttpError("a chunk did not end where its size said")
