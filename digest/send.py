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

from .config import Config
from .errors import DigestError
from .lock import RunLock
from .state import State

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SendResult:
    period: str
    sent: tuple[str, ...]
    already: tuple[str, ...]
    failed: tuple[tuple[str, str], ...]   # (recipient, reason)


class Transient(Exception):
    """A failure worth trying again."""


def send_all(config: Config, sleep=time.sleep, lock_wait: float = 0.0) -> list[SendResult]:
    """Send every built digest not yet sent to all its recipients."""
    with RunLock(config.lock_file, wait=lock_wait):
        state = State(config.state.file)
        try:
            return [send_one(config, state, record.period, Path(record.folder), sleep)
                    for record in state.unsent()]
        finally:
            state.close()


def send_one(config: Config, state: State, period: str, folder: Path, sleep=time.sleep) -> SendResult:
    eml = folder / "digest.eml"
    try:
        raw = eml.read_bytes()
    except OSError as exc:
        raise DigestError(f"cannot read {eml}: {exc.strerror}") from None
    message = email.message_from_bytes(raw, policy=policy.SMTP)
    message_id = message["Message-ID"]
    done = state.delivered(period)
    sent, failed = [], []
    for recipient in config.email.recipients:
        if recipient in done:
            continue
        try:
            _with_retries(config, lambda: _deliver(config, message, recipient), sleep)
        except Exception as exc:  # noqa: BLE001 (reported per recipient, the rest go on)
            failed.append((recipient, str(exc)))
            log.error("sending %s to %s failed: %s", period, recipient, exc)
            continue
        state.record_delivery(period, recipient, message_id)
        sent.append(recipient)
    if not failed:
        state.mark_sent(period)
    return SendResult(period, tuple(sent), tuple(sorted(done)), tuple(failed))


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


def _deliver(config: Config, message, recipient: str) -> None:
    smtp = config.smtp
    user = os.environ.get(smtp.username_env, "")
    password = os.environ.get(smtp.password_env, "")
    try:
        if smtp.security == "ssl":
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=smtp.timeout_seconds,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
        with client:
            if smtp.security == "starttls":
                client.starttls(context=ssl.create_default_context())
            if user:
                client.login(user, password)
            del message["To"]
            message["To"] = recipient
            client.send_message(message, to_addrs=[recipient])
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
        raise Transient(f"{type(exc).__name__}: {exc}") from None
