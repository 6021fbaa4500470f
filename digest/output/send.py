"""`digest send`: deliver unsent digests from the outbox over SMTP.

Each recipient's delivery is recorded in the state file as soon as the server
accepts it, so an interrupted send resumes with the recipients still owed and
nobody gets the same digest twice. Transient failures (connection dropped or
refused, 4xx replies) are retried with backoff; a permanent refusal (5xx) is
reported and not retried. Credentials come from environment variables named
in the config, never from the file itself.
"""

from __future__ import annotations

import email
import logging
import os
import smtplib
import ssl
import time
from dataclasses import dataclass
from email import policy
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from ..store.lock import RunLock
from ..store.state import State

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    period: str
    sent: tuple[str, ...]
    already: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]   # (recipient, reason)
    # Sent, but the server's answer never came: recorded as delivered, so never sent twice.
    doubtful: tuple[tuple[str, str], ...] = ()


class Transient(Exception):
    """A failure worth trying again."""


class InDoubt(Exception):
    """The whole message went out but the server's answer to it did not come in time:
    it may have been delivered, so it is not sent again."""


def send_all(config: Config, sleep=time.sleep, lock_wait: float = 0.0) -> list[SendResult]:
    """Send every built digest not yet sent to all its recipients."""
    with RunLock(config.lock_file, wait=lock_wait):
        with State(config.state.file, root=config.root) as state:
            return [send_one(config, state, record.period, Path(record.folder), sleep)
                    for record in state.unsent()]


def send_one(config: Config, state: State, period: str, folder: Path, sleep=time.sleep) -> SendResult:
    """Send ``period`` to each recipient still owed it, in the script they read.

    A delivery is recorded the moment the server answers 250 to the message, before
    the connection is closed: a failure after that (an odd answer to QUIT, a kill)
    cannot send it twice. The one window left is a crash between that answer and
    the record being committed."""
    editions: dict[str, object] = {}
    done = state.delivered(period)
    sent, failed, doubtful = [], [], []
    for recipient in config.email.recipients:
        address = recipient.address
        if address in done:
            continue
        message = _edition(config, folder, recipient.script, editions)
        message_id = message["Message-ID"]

        def accepted(address=address, message_id=message_id) -> None:
            state.record_delivery(period, address, message_id)

        try:
            _with_retries(config, lambda: _deliver(config, message, address, accepted), sleep)
        except InDoubt as exc:
            accepted()
            doubtful.append((address, str(exc)))
            log.warning("sending %s to %s: %s", period, address, exc)
            continue
        except Exception as exc:  # noqa: BLE001 (reported per recipient, the rest go on)
            reason = f"SMTP server {config.smtp.host}:{config.smtp.port}: {exc}"
            failed.append((address, reason))
            log.error("sending %s to %s failed: %s", period, address, reason)
            continue
        sent.append(address)
    if not failed:
        state.mark_sent(period)
    return SendResult(period, tuple(sent), tuple(sorted(done)), tuple(failed), tuple(doubtful))


def _edition(config: Config, folder: Path, script: str | None, cache: dict):
    """The message of the edition in ``script``, read once per send."""
    from .render import eml_name

    name = eml_name(script, config)
    if name not in cache:
        eml = folder / name
        if not eml.is_file() and name != "digest.eml":
            log.warning("%s has no %s edition (built before a recipient asked for it); "
                        "sending the %s edition", folder.name, script, config.digest.script)
            return _edition(config, folder, None, cache)
        try:
            raw = eml.read_bytes()
        except OSError as exc:
            raise DigestError(f"cannot read {eml}: {exc.strerror}") from None
        cache[name] = email.message_from_bytes(raw, policy=policy.SMTP)
    return cache[name]


def _with_retries(config: Config, action, sleep) -> None:
    delay = 1.0
    for attempt in range(config.smtp.retries + 1):
        try:
            return action()
        except Transient as exc:
            if attempt == config.smtp.retries:
                raise DigestError(f"{exc} (gave up after {attempt + 1} attempts)") from None
            log.warning("transient SMTP failure (%s); retrying in %.0f s", exc, delay)
            sleep(delay)
            delay *= 2


class _Tracking:
    """Notes when the message's final line (CRLF . CRLF) has gone to the server."""

    payload_sent = False

    def send(self, s):
        super().send(s)
        if isinstance(s, bytes) and s.endswith(b"\r\n.\r\n"):
            self.payload_sent = True


class _SMTP(_Tracking, smtplib.SMTP):
    pass


class _SMTPSSL(_Tracking, smtplib.SMTP_SSL):
    pass


def _connect(smtp):
    if smtp.security == "ssl":
        return _SMTPSSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds,
                        context=ssl.create_default_context())
    return _SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)


def _deliver(config: Config, message, recipient: str, accepted) -> None:
    """One delivery: ``accepted()`` runs as soon as the server takes the message."""
    smtp = config.smtp
    user = os.environ.get(smtp.username_env, "")
    password = os.environ.get(smtp.password_env, "")
    client, taken = None, False
    try:
        client = _connect(smtp)
        if smtp.security == "starttls":
            client.starttls(context=ssl.create_default_context())
        if user:
            client.login(user, password)
        del message["To"]
        message["To"] = recipient
        client.send_message(message, to_addrs=[recipient])
        taken = True
    except smtplib.SMTPResponseException as exc:
        reason = f"server said {exc.smtp_code} {exc.smtp_error.decode(errors='replace')}"
        if 400 <= exc.smtp_code < 500:
            raise Transient(reason) from None
        raise DigestError(reason) from None
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()))
        reason = f"server refused {recipient}: {code} {text.decode(errors='replace')}"
        if 400 <= code < 500:
            raise Transient(reason) from None
        raise DigestError(reason) from None
    except smtplib.SMTPNotSupportedError as exc:
        raise DigestError(f"the server does not support this: {exc} (check smtp.security)") from None
    except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError, OSError) as exc:
        timed_out = isinstance(exc, TimeoutError) or isinstance(exc.__context__, TimeoutError)
        if timed_out and client is not None and client.payload_sent:
            # The server has the whole message and is still working on it (a dropped
            # connection, by contrast, means it gave up, and the message is sent again).
            raise InDoubt(f"the server did not answer after the message was sent "
                          f"({type(exc).__name__}: {exc}); it may have arrived, so it is "
                          "not sent again") from None
        raise Transient(f"{type(exc).__name__}: {exc}") from None
    finally:
        if client is not None and not taken:
            client.close()
    accepted()
    _close(client)


def _close(client) -> None:
    """QUIT politely; whatever the server answers (421, nothing at all), the message
    has been dealt with, so only the connection is closed."""
    try:
        client.quit()
    except (smtplib.SMTPException, OSError):
        client.close()
