"""Polite HTTP: a descriptive User-Agent, timeouts, a size cap, bounded retries with backoff on 429 and 5xx
that honour Retry-After, and a minimum delay between requests to the same host. Every failure is a
DocumentError naming the URL and the reason. The clock is injectable so tests need not sleep."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import requests
from floptrail.corpus.document import DocumentError

USER_AGENT = "floptrail/0.1 (training-compute research tool; +https://github.com/floptrail/floptrail)"
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    etag: str
    last_modified: str
    body: bytes


class TimeoutSession(requests.Session):
    """A session whose every request has a timeout (the arxiv client sets none of its own)."""

    def __init__(self, timeout: float):
        super().__init__()
        self.timeout = timeout
        self.headers["User-Agent"] = USER_AGENT
        self.max_redirects = 10

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", self.timeout)
        return super().request(method, url, **kwargs)


@dataclass
class Fetcher:
    timeout: float = 30.0
    max_bytes: int = 100 * 1024 * 1024
    retries: int = 3
    backoff: float = 2.0  # seconds before the first retry; doubles each time
    host_delay: float = 1.0  # seconds between two requests to the same host
    now: Callable[[], float] = time.monotonic
    sleep: Callable[[float], None] = time.sleep
    _last: dict[str, float] = field(default_factory=dict)

    def __post_init__(self):
        self.session = TimeoutSession(self.timeout)

    def get(self, url: str) -> Response:
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            try:
                response = self.session.get(url, stream=True)
            except requests.exceptions.TooManyRedirects:
                raise DocumentError(url, "too many redirects (a redirect loop?)") from None
            except requests.exceptions.Timeout:
                raise DocumentError(url, f"timed out after {self.timeout:g} s") from None
            except requests.exceptions.RequestException as exc:
                raise DocumentError(url, f"cannot connect ({type(exc).__name__})") from None
            if response.status_code in RETRY_STATUSES and attempt < self.retries:
                wait = _retry_after(response.headers.get("Retry-After")) or self.backoff * 2 ** attempt
                response.close()
                self.sleep(wait)
                continue
            if response.status_code >= 400:
                response.close()
                raise DocumentError(url, f"HTTP {response.status_code}")
            return Response(url, response.url, response.status_code,
                            response.headers.get("Content-Type", "").split(";")[0].strip().lower(),
                            response.headers.get("ETag", ""), response.headers.get("Last-Modified", ""),
                            self._read(url, response))
        raise DocumentError(url, "gave up after retries")  # not reached: the last attempt returns or raises

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None and self.now() - last < self.host_delay:
            self.sleep(self.host_delay - (self.now() - last))
        self._last[host] = self.now()

    def _read(self, url: str, response: requests.Response) -> bytes:
        declared = response.headers.get("Content-Length")
        if declared and int(declared) > self.max_bytes:
            response.close()
            raise DocumentError(url, f"too large: {int(declared):,} bytes (cap {self.max_bytes:,})")
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise DocumentError(url, f"too large: over {self.max_bytes:,} bytes")
                chunks.append(chunk)
        except requests.exceptions.RequestException as exc:
            raise DocumentError(url, f"download broke off after {size:,} bytes ({type(exc).__name__})") from None
        finally:
            response.close()
        if declared and size < int(declared):
            raise DocumentError(url, f"truncated: got {size:,} of {int(declared):,} bytes")
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
