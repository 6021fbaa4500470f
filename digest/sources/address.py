"""Web addresses as written by people and sites -> addresses a request can carry.

Chinese sites write paths and queries in Chinese, and hosts as IDNs (例子.中国); a
request line and a Host header are ASCII. Here the host becomes IDNA, the path
and query are percent-encoded as UTF-8 (an existing %XX is kept, not encoded
twice), and a ``user:pass@`` part is taken out: it is sent as HTTP Basic auth
and never shown (:func:`redact` is what logs, the state and outputs see).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from ..errors import SourceError

# RFC 3986 characters that may stand unencoded in a path, and in a query.
PATH_SAFE = "/:@!$&'()*+,;=-._~%"
QUERY_SAFE = PATH_SAFE + "?"
LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


@dataclass(frozen=True)
class Address:
    shown: str              # as given, without user info: what messages and records show
    scheme: str             # "http" or "https"
    host: str               # ASCII (IDNA) host name, or an IP address without brackets
    port: int | None
    target: str             # the percent-encoded path and query of the request line
    auth: str | None = None  # "user:password" from the address, if it carried one

    @property
    def netloc(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"

    @property
    def url(self) -> str:
        """The address as an ASCII URL, without user info or fragment."""
        return f"{self.scheme}://{self.netloc}{self.target}"

    @property
    def origin(self) -> tuple[str, str, int | None]:
        return (self.scheme, self.host, self.port)

    def authorization(self) -> dict[str, str]:
        """The Basic auth header for the address's own user info (none without it)."""
        if not self.auth:
            return {}
        token = base64.b64encode(self.auth.encode("utf-8")).decode("ascii")
        return {"Authorization": f"Basic {token}"}


def parse_address(url: str) -> Address:
    """``url`` ready to request; raises :class:`SourceError` for what cannot be one."""
    url = url.strip()
    shown = redact(url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise SourceError(f"not a valid address ({exc}): {shown}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise SourceError(f"refused address {shown!r}: only http and https are fetched")
    if not parts.hostname:
        raise SourceError(f"no host in {shown!r}")
    auth = None
    if parts.username is not None:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
    target = _encoded(parts.path or "/", PATH_SAFE)
    if parts.query:
        target += "?" + _encoded(parts.query, QUERY_SAFE)
    return Address(shown, scheme, ascii_host(parts.hostname, shown), port, target, auth)


def ascii_host(host: str, shown: str = "") -> str:
    """A host name as DNS knows it: IDNA for a name in other scripts."""
    if host.isascii():
        if not re.fullmatch(r"[A-Za-z0-9_.:%-]+", host):
            raise SourceError(f"not a valid host name {host!r} in {shown or host!r}")
        return host.lower()
    try:
        return host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise SourceError(f"not a valid host name {host!r} in {shown or host!r}") from None


def _encoded(part: str, safe: str) -> str:
    """``part`` percent-encoded as UTF-8; a valid %XX stays as it is, a lone % becomes %25."""
    # A lone surrogate cannot be UTF-8: it is replaced rather than failing the address.
    return quote(LONE_PERCENT.sub("%25", part), safe=safe, encoding="utf-8", errors="replace")


def redact(url: str) -> str:
    """``url`` without a ``user:pass@`` part, otherwise as given."""
    return USERINFO.sub(r"\1", url)


def header_text(value: str) -> str:
    """A header value as sent: http.client reads header bytes as Latin-1, so a UTF-8
    ``Location`` arrives garbled; this gives back the text the server wrote."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except UnicodeError:
        return value
