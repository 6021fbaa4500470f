"""A send has an overall deadline: a silent server, or one that cannot be reached, costs
bounded attempts for the whole recipient list, and a certificate failure is not retried.
The servers are real sockets on 127.0.0.1 that count the connections they get."""

from __future__ import annotations

import socket
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.output.send import send_all
from digest.run.pipeline import build
from digest.store.state import State

from .conftest import write_config, write_small

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
RECIPIENTS = ["a@example.com", "b@example.com", "c@example.com", "d@example.com"]


class Silent:
    """Accepts connections and never says a word; counts them."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.accepted.append(conn)

    def close(self) -> None:
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def silent():
    server = Silent()
    yield server
    server.close()


def project(tmp_path: Path, port: int, smtp_extra: str, security: str = "none") -> Path:
    write_small(tmp_path / "articles", ["rates.txt"])
    quoted = ", ".join(f'"{r}"' for r in RECIPIENTS)
    write_config(tmp_path, f'[email]\nrecipients = [{quoted}]\n'
                           f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\n'
                           f'{smtp_extra}')
    return tmp_path / "config.toml"


def test_a_silent_server_is_not_tried_again_for_every_recipient(tmp_path, silent):
    config = load(project(tmp_path, silent.port, "timeout_seconds = 0.2\nretries = 3\n"))
    build(config, now=NOW)
    waits: list[float] = []
    (result,) = send_all(config, sleep=waits.append)
    # Without the rule: (retries + 1) connections for each of the four recipients.
    assert len(silent.accepted) == 4
    assert result.sent == () and [a for a, _ in result.failed] == RECIPIENTS
    assert "cannot reach the server" in result.failed[0][1]
    assert all(reason.startswith("not tried: ") for _, reason in result.failed[1:])
    with State(config.state.file, readonly=True) as state:
        assert state.delivered("2026-W47") == set() and len(state.unsent()) == 1


def test_the_deadline_bounds_the_attempts_of_a_whole_send(tmp_path, silent):
    config = load(project(tmp_path, silent.port,
                          "timeout_seconds = 0.5\nretries = 20\ndeadline_seconds = 1\n"))
    build(config, now=NOW)
    started = time.monotonic()
    (result,) = send_all(config, sleep=time.sleep)
    # Retries wait 1, 2, 4 ... s: with one second in all, the first wait is already too long.
    assert len(silent.accepted) <= 2
    assert result.sent == () and len(result.failed) == len(RECIPIENTS)
    assert time.monotonic() - started < 30        # a generous bound: 20 retries would take minutes


def test_a_certificate_failure_is_not_retried(tmp_path):
    """The server speaks TLS with a certificate nobody trusts (made here with openssl)."""
    import shutil
    import ssl
    import subprocess

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-keyout", str(key),
                    "-out", str(cert)], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    handshakes: list[int] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            handshakes.append(1)
            try:
                context.wrap_socket(conn, server_side=True).close()
            except (ssl.SSLError, OSError):
                conn.close()

    threading.Thread(target=serve, daemon=True).start()
    try:
        config = load(project(tmp_path / "p", port, "retries = 3\n", security="ssl"))
        build(config, now=NOW)
        waits: list[float] = []
        (result,) = send_all(config, sleep=waits.append)
    finally:
        listener.close()
    assert waits == [] and len(handshakes) == 1
    assert "certificate failed verification" in result.failed[0][1]
    assert all(reason.startswith("not tried: ") for _, reason in result.failed[1:])
