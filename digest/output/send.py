"""`digest send`: deliver unsent digests from the outbox over SMTP.

Each recipient's delivery is recorded in the state file as soon as the server
accepts it, so an interrupted send resumes with the recipients still owed and
nobody gets the same digest twice. Transient failures (connection dropped or
refused, 4xx replies) are retried with backoff; a permanent refusal (5xx) is
reported and not retried, and so is a certificate that fails verification.
One send has an overall deadline (``smtp.deadline_seconds``): no attempt
starts past it, each attempt's timeout is cut to what is left, and no retry
waits beyond it; and a server that cannot be
reached for one recipient is not tried again for the next ones. Credentials come
from environment variables named in the config, never from the file itself.
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


class Unreachable(Transient):
    """No conversation with the server at all (refused, silent, dropped before it spoke):
    the recipients after this one would meet the same."""


class ServerFault(DigestError):
    """A failure of the server itself (its certificate, its TLS): the same for every recipient."""


class Deadline:
    """The seconds left of one send's overall deadline."""

    def __init__(self, seconds: float, clock=time.monotonic):
        self.clock = clock
        self.end = clock() + seconds
        self.seconds = seconds

    def left(self) -> float:
        return self.end - self.clock()

    def check(self) -> None:
        if self.left() <= 0:
            raise DigestError(f"not tried: this send's deadline (smtp.deadline_seconds = "
                              f"{self.seconds:g}) has passed; run `digest send` again")


class InDoubt(Exception):
    """The whole message went out but the server's answer to it did not come in time:
    it may have been delivered, so it is not sent again."""


def send_all(config: Config, sleep=time.sleep, lock_wait: float = 0.0) -> list[SendResult]:
    """Send every built digest not yet sent to all its recipients."""
    with RunLock(config.lock_file, wait=lock_wait):
        with State(config.state.file, root=config.root) as state:
            deadline = Deadline(config.smtp.deadline_seconds)
            return [send_one(config, state, record.period, Path(record.folder), sleep, deadline)
                    for record in state.unsent()]


def send_one(config: Config, state: State, period: str, folder: Path, sleep=time.sleep,
             deadline: Deadline | None = None) -> SendResult:
    """Send ``period`` to each recipient still owed it, in the script they read.

    A delivery is recorded the moment the server answers 250 to the message, before
    the connection is closed: a failure after that (an odd answer to QUIT, a kill)
    cannot send it twice. The one window left is a crash between that answer and
    the record being committed."""
    editions: dict[str, object] = {}
    deadline = deadline or Deadline(config.smtp.deadline_seconds)
    done = state.delivered(period)
    sent, failed, doubtful = [], [], []
    unreachable = None
    for recipient in config.email.recipients:
        address = recipient.address
        if address in done:
            continue
        if unreachable is not None:
            failed.append((address, f"not tried: {unreachable}"))
            continue
        message = _edition(config, folder, recipient.script, editions)
        message_id = message["Message-ID"]

        def accepted(address=address, message_id=message_id) -> None:
            state.record_delivery(period, address, message_id)

        try:
            _with_retries(config, lambda: _deliver(config, message, address, accepted, deadline),
                          sleep, deadline)
        except InDoubt as exc:
            accepted()
            doubtful.append((address, str(exc)))
            log.warning("sending %s to %s: %s", period, address, exc)
            continue
        except Exception as exc:  # noqa: BLE001 (reported per recipient, the rest go on)
            reason = f"SMTP server {config.smtp.host}:{config.smtp.port}: {exc}"
            if isinstance(exc, ServerFault) or deadline.left() <= 0 \
                    or isinstance(exc, GaveUp) and isinstance(exc.last, Unreachable):
                unreachable = reason
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


class GaveUp(DigestError):
    """A transient failure met on every attempt; ``last`` is the last of them."""

    def __init__(self, message: str, last: Transient):
        super().__init__(message)
        self.last = last


def _with_retries(config: Config, action, sleep, deadline: Deadline) -> None:
    delay = 1.0
    for attempt in range(config.smtp.retries + 1):
        deadline.check()
        try:
            return action()
        except Transient as exc:
            if attempt == config.smtp.retries or deadline.left() <= delay:
                tries = f"{attempt + 1} attempt" + ("s" if attempt else "")
                raise GaveUp(f"{exc} (gave up after {tries})", exc) from None
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


def _connect(smtp, timeout: float):
    try:
        if smtp.security == "ssl":
            return _SMTPSSL(smtp.host, smtp.port, timeout=timeout,
                            context=ssl.create_default_context())
        return _SMTP(smtp.host, smtp.port, timeout=timeout)
    except ssl.SSLError:
        raise
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        raise Unreachable(f"cannot reach the server ({type(exc).__name__}: {exc})") from None


def _deliver(config: Config, message, recipient: str, accepted, deadline: Deadline) -> None:
    """One delivery: ``accepted()`` runs as soon as the server takes the message."""
    smtp = config.smtp
    user = os.environ.get(smtp.username_env, "")
    password = os.environ.get(smtp.password_env, "")
    client, taken = None, False
    try:
        # No answer is waited for past the send's deadline.
        client = _connect(smtp, max(0.1, min(smtp.timeout_seconds, deadline.left())))
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
    except ssl.SSLCertVerificationError as exc:
        # Not transient: trying again meets the same certificate.
        raise ServerFault(f"the server's certificate failed verification ({exc.verify_message}; "
                          f"{exc.reason}): check smtp.host, or the trusted certificates") from None
    except ssl.SSLError as exc:
        raise ServerFault(f"TLS with the server failed ({exc.reason or exc}): check "
                          "smtp.security and smtp.port") from None
    except Unreachable:
        raise
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
