"""`digest send` logging in over TLS: STARTTLS and implicit SSL against real local SMTP
servers (aiosmtpd) holding a self-signed certificate made here, which the client trusts
only because SSL_CERT_FILE names it. The login comes from the environment variables
the config names."""

from __future__ import annotations

import email
import os
import shutil
import ssl
import subprocess
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.smtp import AuthResult

from digest.config import load
from digest.run.pipeline import build
from digest.output.send import send_all

from .conftest import write_config, write_small
from .test_send import NOW, Inbox, smtp_server  # noqa: F401 (fixture)

USER, PASSWORD = "digest-bot", "s3cret pass"
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and localhost, and its key."""
    if shutil.which("openssl") is None:
        if os.environ.get("CI"):
            pytest.fail("openssl is needed to make the test certificate")
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    return cert, key


class Logins(Inbox):
    """An inbox that accepts only USER/PASSWORD and notes each attempt and the cipher."""

    def __init__(self):
        super().__init__()
        self.attempts: list[tuple[str, bytes, bytes]] = []
        self.ciphers: list[object] = []

    def __call__(self, server, session, envelope, mechanism, auth_data):
        self.attempts.append((mechanism, auth_data.login, auth_data.password))
        ok = (auth_data.login, auth_data.password) == (USER.encode(), PASSWORD.encode())
        return AuthResult(success=ok, handled=False)   # a refusal is answered 535

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.ciphers.append(server.transport.get_extra_info("cipher"))
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def tls_server(certificate, smtp_server):
    """Starts a server speaking STARTTLS or implicit SSL that requires a login."""
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def start(security: str, inbox: Logins, mechanism: str) -> int:
        # On an implicit-SSL socket aiosmtpd does not see TLS itself: it is told that AUTH
        # may be offered there (the handler checks the cipher of each message).
        tls = {"tls_context": context, "require_starttls": True} if security == "starttls" \
            else {"ssl_context": context, "auth_require_tls": False}
        return smtp_server(inbox, authenticator=inbox, auth_required=True,
                           auth_exclude_mechanism=[m for m in ("PLAIN", "LOGIN") if m != mechanism],
                           **tls)

    return start


def tls_project(folder: Path, port: int, security: str) -> Path:
    write_small(folder / "articles", ["chips.txt"])
    write_config(folder, f'[email]\nrecipients = ["a@example.com"]\n'
                         f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "{security}"\n'
                         f'username_env = "MAIL_LOGIN"\npassword_env = "MAIL_SECRET"\nretries = 0\n')
    return folder / "config.toml"


@pytest.mark.parametrize("security, mechanism", [("starttls", "PLAIN"), ("ssl", "LOGIN")])
def test_send_logs_in_over_tls_with_the_login_from_the_named_variables(
        tmp_path, tls_server, certificate, monkeypatch, security, mechanism):
    inbox = Logins()
    config = load(tls_project(tmp_path, tls_server(security, inbox, mechanism), security))
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    monkeypatch.setenv("MAIL_LOGIN", USER)
    monkeypatch.setenv("MAIL_SECRET", PASSWORD)
    monkeypatch.delenv("DIGEST_SMTP_USER", raising=False)
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == ("a@example.com",) and not result.failed
    assert inbox.attempts == [(mechanism, USER.encode(), PASSWORD.encode())]
    assert len(inbox.ciphers) == 1 and inbox.ciphers[0] is not None   # the message went encrypted
    [(to, raw)] = inbox.messages
    assert to == ["a@example.com"]
    assert email.message_from_bytes(raw, policy=policy.default)["To"] == "a@example.com"


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_a_wrong_password_is_refused_and_nothing_is_recorded_as_sent(
        tmp_path, tls_server, certificate, monkeypatch, security):
    inbox = Logins()
    config = load(tls_project(tmp_path, tls_server(security, inbox, "PLAIN"), security))
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate[0]))
    monkeypatch.setenv("MAIL_LOGIN", USER)
    monkeypatch.setenv("MAIL_SECRET", "wrong")
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == () and result.failed[0][0] == "a@example.com"
    assert "535" in result.failed[0][1] and f"127.0.0.1:{config.smtp.port}" in result.failed[0][1]
    assert inbox.messages == []
    monkeypatch.setenv("MAIL_SECRET", PASSWORD)               # the digest is still owed
    (again,) = send_all(config, sleep=lambda s: None)
    assert again.sent == ("a@example.com",) and len(inbox.messages) == 1


@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_a_certificate_the_client_does_not_trust_sends_nothing(tmp_path, tls_server, security):
    inbox = Logins()
    config = load(tls_project(tmp_path, tls_server(security, inbox, "PLAIN"), security))
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)        # SSL_CERT_FILE left as it was
    assert result.sent == () and "CERTIFICATE_VERIFY_FAILED" in result.failed[0][1]
    assert inbox.attempts == [] and inbox.messages == []
