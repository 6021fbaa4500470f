"""Remote reads (feeds and pages) with hard limits.

Every fetch has a per-read timeout, a total deadline that also covers a server
dripping bytes slowly, a byte cap checked while reading, and follows at most a
few redirects, to http(s) only. Addresses are made ASCII and user info is kept
out of sight (:mod:`.address`); hosts that are not public are refused unless
allowed (:mod:`.netguard`). Conditional GET: the caller passes the ETag and
Last-Modified it kept, and a 304 comes back as ``not_modified``.
Written on http.client rather than urllib because urllib cannot bound the time
spent reading headers, nor refuse a redirect before following it.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from ..errors import SourceError
from ..version import __version__
from .address import Address, header_text, parse_address, redact
from .netguard import guarded_connect

USER_AGENT = f"digest/{__version__} (+feed reader)"
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass(frozen=True)
class Limits:
    timeout: float = 20.0          # seconds one read may wait
    deadline: float = 60.0         # seconds the whole fetch may take
    max_bytes: int = 10 * 1024 * 1024
    allow_private: bool = False    # may addresses from content reach non-public hosts


@dataclass(frozen=True)
class Fetched:
    url: str                       # after redirects, percent-encoded, without user info
    data: bytes
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    cache_control: str | None = None   # how long the server says the answer stays fresh


def fetch(url: str, limits: Limits = Limits(), *, etag: str | None = None,
          last_modified: str | None = None, typed: bool = False) -> Fetched:
    """GET ``url`` within ``limits``; raises :class:`SourceError` with a readable reason.

    ``typed``: the user wrote this address (a configured feed, ``digest add``), so its
    own host may be a private one; an address from content (an entry's link) may not,
    and neither may a redirect to another host, unless ``limits.allow_private``."""
    stop_at = time.monotonic() + limits.deadline
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity", "Accept": "*/*"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    first = address = parse_address(url)
    for _ in range(MAX_REDIRECTS + 1):
        same_origin = address.origin == first.origin
        private = limits.allow_private or (typed and address.host == first.host)
        auth = first.authorization() if same_origin else {}
        status, response_headers, data = _get(address, {**headers, **auth}, limits, stop_at, private)
        if status in (301, 302, 303, 307, 308):
            location = response_headers.get("location")
            if not location:
                raise SourceError(f"redirect ({status}) without a Location from {address.shown}")
            target = urljoin(address.url, header_text(location).strip())
            _check_scheme(target, redirect=True)
            address = parse_address(target)
            continue
        if status == 304:
            return Fetched(address.url, b"", not_modified=True, etag=etag, last_modified=last_modified,
                           cache_control=response_headers.get("cache-control"))
        if status >= 400:
            raise SourceError(f"HTTP {status} from {address.shown}")
        return Fetched(address.url, data, response_headers.get("content-type", ""),
                       response_headers.get("etag"), response_headers.get("last-modified"),
                       cache_control=response_headers.get("cache-control"))
    raise SourceError(f"more than {MAX_REDIRECTS} redirects from {first.shown}")


def _check_scheme(url: str, redirect: bool = False) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        what = "redirect to" if redirect else "address"
        raise SourceError(f"refused {what} {redact(url)!r}: only http and https are fetched")


def _get(address: Address, headers: dict, limits: Limits, stop_at: float, private: bool):
    shown = address.shown
    remaining = stop_at - time.monotonic()
    if remaining <= 0:
        raise SourceError(f"took longer than {limits.deadline:g} s: {shown}")
    timeout = min(limits.timeout, remaining)
    if address.scheme == "https":
        conn = http.client.HTTPSConnection(address.host, address.port, timeout=timeout,
                                           context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(address.host, address.port, timeout=timeout)
    # Every connection goes through the check of the address it is made to.
    conn._create_connection = guarded_connect(private, shown)
    # The deadline is enforced by shutting the socket from a timer: a server that
    # drips one byte a second never trips the per-read timeout. The socket is held
    # here, as http.client lets go of it once an HTTP/1.0 answer's headers are read.
    expired = threading.Event()
    held: list = []
    timer = threading.Timer(remaining, _shut, (held, expired))
    timer.daemon = True
    timer.start()
    try:
        conn.connect()
        held.append(conn.sock)
        if expired.is_set():
            raise SourceError(f"took longer than {limits.deadline:g} s: {shown}")
        conn.request("GET", address.target, headers={**headers, "Host": address.netloc})
        response = conn.getresponse()
        data = _read_capped(response, limits, shown) if response.status not in (301, 302, 303, 304, 307, 308) else b""
        if expired.is_set():             # the timer cut the stream short: not a whole answer
            raise SourceError(f"took longer than {limits.deadline:g} s: {shown}")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    except SourceError:
        raise
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set():
            raise SourceError(f"took longer than {limits.deadline:g} s: {shown}") from None
        if isinstance(exc, (socket.timeout, TimeoutError)):
            raise SourceError(f"no answer within {limits.timeout:g} s: {shown}") from None
        raise SourceError(f"cannot fetch {shown}: {exc}") from None
    finally:
        timer.cancel()
        conn.close()


def _shut(held: list, expired: threading.Event) -> None:
    expired.set()
    for sock in held:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _read_capped(response, limits: Limits, url: str) -> bytes:
    declared = response.getheader("content-length")
    if declared and declared.isdigit() and int(declared) > limits.max_bytes:
        raise SourceError(f"too large ({int(declared) / 1048576:.1f} MB; limit "
                          f"{limits.max_bytes / 1048576:g} MB): {url}")
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read1(CHUNK)
        if not chunk:
            break
        size += len(chunk)
        if size > limits.max_bytes:
            raise SourceError(f"too large (over {limits.max_bytes / 1048576:g} MB): {url}")
        chunks.append(chunk)
    return b"".join(chunks)
