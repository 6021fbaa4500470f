"""Which addresses a fetch may connect to.

An address found in content (a feed entry's link, a redirect) could point the
program at the machine it runs on or at the network behind it: 127.0.0.1, a
router at 10.0.0.1, a cloud metadata service at 169.254.169.254. Unless
``sources.allow_private`` is on, such a fetch connects only to public addresses.
The check is made on the very address the socket then connects to (the name is
resolved once, here), so a name that resolves to a public address for a check
and to a private one for the connection gets nowhere.
"""

from __future__ import annotations

import ipaddress
import socket

from ..errors import SourceError

NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether ``ip`` is an ordinary public Internet address (IPv4 inside IPv6 judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour
        if inner is None and ip in NAT64:
            inner = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified
                                 or ip.is_loopback or ip.is_link_local or ip.is_private)


def guarded_connect(allow_private: bool, shown: str):
    """A ``socket.create_connection`` for http.client that refuses non-public addresses
    (unless ``allow_private``), checking each address it is about to connect to."""

    def connect(address, timeout=socket.getdefaulttimeout(), source_address=None, **_):
        host, port = address
        try:
            found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise SourceError(f"cannot resolve {host}: {exc}: {shown}") from None
        refused, error = None, None
        for family, kind, proto, _, sockaddr in found:
            ip = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
            if not allow_private and not is_public(ip):
                refused = ip
                continue
            sock = socket.socket(family, kind, proto)
            try:
                sock.settimeout(timeout)
                if source_address:
                    sock.bind(source_address)
                sock.connect(sockaddr)
                _check_peer(sock, allow_private, shown)
                return sock
            except OSError as exc:
                sock.close()
                error = exc
        if error is not None:
            raise error
        raise SourceError(f"refused {shown}: {host} is a non-public address ({refused}); "
                          "set sources.allow_private = true to fetch from it")

    return connect


def _check_peer(sock: socket.socket, allow_private: bool, shown: str) -> None:
    """The address the socket is connected to, checked once more."""
    if allow_private:
        return
    peer = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
    if not is_public(peer):
        sock.close()
        raise SourceError(f"refused {shown}: connected to a non-public address ({peer})")
