"""Polite, guarded HTTP: a descriptive User-Agent, one deadline per request (connect, redirects and body
together), a size cap, bounded retries with backoff on 429 and 5xx that honour Retry-After up to a cap, a
minimum delay between requests to the same host, http and https only, and every address checked before
each connection (redirects included) so loopback, private, link-local and reserved addresses are refused
unless allowed. Every failure is a DocumentError naming the URL and the reason. The clock is injectable so
tests need not sleep."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from email.message import Message
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
import urllib3
from floptrail.corpus.document import DocumentError
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

USER_AGENT = "floptrail/0.1 (training-compute research tool; +https://github.com/floptrail/floptrail)"
RETRY_STATUSES = {429, 500, 502, 503, 504}
SCHEMES = ("http", "https")
MAX_REDIRECTS = 10
READ_SIZE = 64 * 1024


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    etag: str
    last_modified: str
    body: bytes
    charset: str = ""  # as the Content-Type header declares it


def refusal(address: str) -> str:
    """Why a connection to this IP address is refused ("" for a public address)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # loopback and link-local are private too: name the narrower range first
    for kind in ("loopback", "link_local", "private", "multicast", "reserved", "unspecified"):
        if getattr(ip, f"is_{kind}"):
            return f"{address} is a {kind.replace('_', '-')} address"
    return "" if ip.is_global else f"{address} is not a public address"


class AddressRefused(OSError):
    """Raised inside a connection attempt, before any packet is sent."""


class _Deadline:
    """One request's time limit. When it passes, a timer shuts the request's sockets, so no phase (connect,
    headers, redirects, a body dripping a few bytes a second) can hold the fetch past it."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.expired = False
        self.refused = ""  # why the guard refused an address, when it did
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def remaining(self) -> float:
        return self.ends - time.monotonic()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                self._shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked in another thread

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()


class _Guard:
    """What every connection of one Fetcher asks before it connects and tells once connected."""

    def __init__(self, allow_private: bool, allowed_networks: tuple[str, ...] = ()):
        self.allow_private = allow_private
        self.allowed = [ipaddress.ip_network(n, strict=False) for n in allowed_networks]
        self.deadline: _Deadline | None = None

    def address_for(self, host: str, port: int) -> str:
        """The checked address to connect to (so a second lookup cannot answer differently)."""
        if self.allow_private:
            return host
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError):
            return host  # the connection reports the lookup failure itself
        for *_, sockaddr in found:
            address = str(sockaddr[0])
            if (reason := refusal(address)) and not any(_within(address, n) for n in self.allowed):
                if self.deadline is not None:
                    self.deadline.refused = reason
                raise AddressRefused(reason)
        return str(found[0][4][0])

    def connected(self, sock: socket.socket) -> None:
        if self.deadline is not None:
            self.deadline.watch(sock)


def _within(address: str, network: ipaddress.IPv4Network | ipaddress.IPv6Network) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return ip.version == network.version and ip in network


class _GuardedConnection:
    guard: _Guard

    def _new_conn(self):
        self._dns_host = self.guard.address_for(self._dns_host, self.port)
        return super()._new_conn()

    def connect(self):
        super().connect()
        self.guard.connected(self.sock)


def guarded_adapter(guard: _Guard) -> HTTPAdapter:
    """A requests adapter whose connections ask `guard` first (urllib3 picks the class per scheme)."""
    attrs = {"guard": guard}
    connection = type("GuardedHTTPConnection", (_GuardedConnection, HTTPConnection), attrs)
    secure = type("GuardedHTTPSConnection", (_GuardedConnection, HTTPSConnection), attrs)
    pools = {"http": type("GuardedPool", (HTTPConnectionPool,), {"ConnectionCls": connection}),
             "https": type("GuardedSecurePool", (HTTPSConnectionPool,), {"ConnectionCls": secure})}

    class GuardedAdapter(HTTPAdapter):
        def init_poolmanager(self, *args, **kwargs):
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools

    return GuardedAdapter()


class TimeoutSession(requests.Session):
    """A session whose every request has a timeout (the arxiv client sets none of its own) and whose
    connections go through the guard."""

    def __init__(self, timeout: float, guard: _Guard | None = None):
        super().__init__()
        self.timeout = timeout
        self.headers["User-Agent"] = USER_AGENT
        self.max_redirects = MAX_REDIRECTS
        if guard is not None:
            for scheme in SCHEMES:
                self.mount(f"{scheme}://", guarded_adapter(guard))

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, **kwargs)


@dataclass
class Fetcher:
    timeout: float = 30.0  # seconds for a whole request: connect, redirects and body
    max_bytes: int = 100 * 1024 * 1024
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    host_delay: float = 1.0  # seconds between two requests to the same host
    max_wait: float = 60.0  # the longest Retry-After honoured; a server asking more fails the URL
    allow_private: bool = False  # connect to any address: loopback, private, link-local, reserved
    allowed_networks: tuple[str, ...] = ()  # non-public networks allowed all the same ("127.0.0.1/32")
    now: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def __post_init__(self):
        self.guard = _Guard(self.allow_private, self.allowed_networks)
        self.session = TimeoutSession(self.timeout, self.guard)

    def api_session(self) -> TimeoutSession:
        """A session for API clients (arXiv's) with this fetcher's timeout and address guard."""
        return TimeoutSession(self.timeout, self.guard)

    def check_address(self, url: str) -> None:
        """Refuse a URL another HTTP client is about to use (the Hub's API client) as this fetcher's own
        connections would: a scheme other than http and https, or a refused address; DocumentError naming it."""
        parts = urlsplit(url)
        if parts.scheme.lower() not in SCHEMES or not parts.hostname:
            raise DocumentError(url, f"refused: {parts.scheme or 'no'} scheme in {url} (only http and https)")
        try:
            self.guard.address_for(parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80))
        except AddressRefused as exc:
            raise DocumentError(url, f"refused: {exc} (allow with --allow-private)") from None

    def get(self, url: str) -> Response:
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            with _Deadline(self.timeout) as deadline:
                self.guard.deadline = deadline
                try:
                    response = self._open(url, deadline)
                    if response.status_code in RETRY_STATUSES and attempt < self.retries:
                        wait = self._retry_wait(url, response, attempt)
                        response.close()
                    else:
                        return self._finish(url, response, deadline)
                finally:
                    self.guard.deadline = None
                    self.session.close()  # no connection outlives its request's deadline
            self.sleep(wait)
        raise DocumentError(url, "gave up after retries")  # not reached: the last attempt returns or raises

    def _open(self, url: str, deadline: _Deadline) -> requests.Response:
        """The response after following redirects, each hop's scheme and address checked."""
        asked = url
        for _ in range(MAX_REDIRECTS + 1):
            scheme = urlsplit(url).scheme.lower()
            if scheme not in SCHEMES:
                raise DocumentError(asked, f"refused: {scheme or 'no'} scheme in {url} (only http and https)")
            try:
                response = self.session.get(url, stream=True, allow_redirects=False,
                                            timeout=max(deadline.remaining(), 0.001))
            except requests.exceptions.RequestException as exc:
                raise self._failure(asked, exc, deadline, 0) from None
            if not response.is_redirect or response.next is None:
                return response
            url = response.next.url
            response.close()
        raise DocumentError(asked, "too many redirects (a redirect loop?)")

    def _failure(self, url: str, exc: Exception, deadline: _Deadline, received: int) -> DocumentError:
        if deadline.refused:
            return DocumentError(url, f"refused: {deadline.refused} (allow with --allow-private)")
        if deadline.expired or isinstance(exc, requests.exceptions.Timeout | urllib3.exceptions.TimeoutError):
            return DocumentError(url, f"timed out after {self.timeout:g} s ({received:,} bytes received)")
        if received:
            return DocumentError(url, f"download broke off after {received:,} bytes ({type(exc).__name__})")
        return DocumentError(url, f"cannot connect ({type(exc).__name__})")

    def _retry_wait(self, url: str, response: requests.Response, attempt: int) -> float:
        asked = _retry_after(response.headers.get("Retry-After"))
        if asked is not None and asked > self.max_wait:
            response.close()
            raise DocumentError(url, f"HTTP {response.status_code}: the server asks to wait {asked:,.0f} s, more "
                                     f"than the {self.max_wait:g} s allowed")
        return asked if asked is not None else self.backoff * 2 ** attempt

    def _finish(self, url: str, response: requests.Response, deadline: _Deadline) -> Response:
        if response.status_code >= 400:
            response.close()
            raise DocumentError(url, f"HTTP {response.status_code}")
        header = Message()
        header["Content-Type"] = response.headers.get("Content-Type", "")
        return Response(url, response.url, response.status_code, header.get_content_type().lower()
                        if header["Content-Type"] else "", response.headers.get("ETag", ""),
                        response.headers.get("Last-Modified", ""), self._read(url, response, deadline),
                        (header.get_param("charset") or "").strip().lower() if header["Content-Type"] else "")

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None and self.now() - last < self.host_delay:
            self.sleep(self.host_delay - (self.now() - last))
        self._last[host] = self.now()

    def _read(self, url: str, response: requests.Response, deadline: _Deadline) -> bytes:
        declared = response.headers.get("Content-Length", "")
        declared_size = int(declared) if declared.isdigit() else None
        if declared_size is not None and declared_size > self.max_bytes:
            response.close()
            raise DocumentError(url, f"too large: {declared_size:,} bytes (cap {self.max_bytes:,})")
        chunks, size = [], 0
        try:
            # read1 returns what has arrived, so the byte count is true when the deadline cuts a slow body
            while chunk := response.raw.read1(READ_SIZE, decode_content=True):
                size += len(chunk)
                if size > self.max_bytes:
                    raise DocumentError(url, f"too large: over {self.max_bytes:,} bytes")
                chunks.append(chunk)
        except (urllib3.exceptions.HTTPError, requests.exceptions.RequestException, OSError) as exc:
            raise self._failure(url, exc, deadline, size) from None
        finally:
            response.close()
        if deadline.expired:
            raise DocumentError(url, f"timed out after {self.timeout:g} s ({size:,} bytes received)")
        if declared_size is not None and size < declared_size and not response.headers.get("Content-Encoding"):
            raise DocumentError(url, f"truncated: got {size:,} of {declared_size:,} bytes")
        return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header: a number of seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None
