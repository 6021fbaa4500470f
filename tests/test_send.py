"""`digest send` against real SMTP servers started locally (aiosmtpd)."""

from __future__ import annotations

import email
import socket
from datetime import datetime
from email import policy
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiosmtpd.controller import Controller

from digest.config import load
from digest.run.pipeline import build
from digest.output.send import send_all
from digest.store.state import State

from .conftest import write_config, write_small

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Inbox:
    """Accepts mail; can refuse recipients or drop the first connections' data."""

    def __init__(self, refuse: set[str] = frozenset(), drop_first: int = 0):
        self.messages: list[tuple[list[str], bytes]] = []
        self.refuse = refuse
        self.drop_first = drop_first

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.drop_first > 0:
            self.drop_first -= 1
            server.transport.close()
            return "421 closing"
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted"


@pytest.fixture
def smtp_server():
    started = []

    def start(inbox: Inbox, **options) -> int:
        """A server for ``inbox`` on a free port; ``options`` go to aiosmtpd's SMTP."""
        port = free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **options)
        controller.start()
        started.append(controller)
        return port

    yield start
    for controller in started:
        controller.stop()


def project_with(tmp_path: Path, port: int, recipients: list[str]) -> Path:
    write_small(tmp_path / "articles", ["rates.txt", "gold.txt", "models.txt"])
    quoted = ", ".join(f'"{r}"' for r in recipients)
    write_config(tmp_path, f'[email]\nrecipients = [{quoted}]\n'
                           f'[smtp]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\nretries = 2\n')
    return tmp_path


def test_sends_each_recipient_once_and_records_it(tmp_path, smtp_server):
    inbox = Inbox()
    port = smtp_server(inbox)
    config = load(project_with(tmp_path, port, ["a@example.com", "b@example.com"]) / "config.toml")
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == ("a@example.com", "b@example.com") and not result.failed
    assert [to for to, _ in inbox.messages] == [["a@example.com"], ["b@example.com"]]
    message = email.message_from_bytes(inbox.messages[0][1], policy=policy.default)
    assert message.get_content_type() == "multipart/alternative"
    assert message["To"] == "a@example.com"
    assert send_all(config) == []          # nothing left to send
    assert len(inbox.messages) == 2
    state = State(config.state.file, readonly=True)
    assert state.delivered("2026-W47") == {"a@example.com", "b@example.com"}
    assert state.unsent() == []


def test_refused_recipient_is_reported_and_the_others_still_get_it(tmp_path, smtp_server):
    inbox = Inbox(refuse={"gone@example.com"})
    port = smtp_server(inbox)
    config = load(project_with(tmp_path, port, ["gone@example.com", "ok@example.com"]) / "config.toml")
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == ("ok@example.com",)
    assert result.failed[0][0] == "gone@example.com" and "550" in result.failed[0][1]
    # The digest stays unsent; a later send retries only the recipient still owed.
    inbox.refuse = set()
    (again,) = send_all(config, sleep=lambda s: None)
    assert again.sent == ("gone@example.com",) and again.already == ("ok@example.com",)
    assert sorted(to[0] for to, _ in inbox.messages) == ["gone@example.com", "ok@example.com"]


def test_dropped_connection_is_retried_with_backoff(tmp_path, smtp_server):
    inbox = Inbox(drop_first=2)
    port = smtp_server(inbox)
    config = load(project_with(tmp_path, port, ["a@example.com"]) / "config.toml")
    build(config, now=NOW)
    waits: list[float] = []
    (result,) = send_all(config, sleep=waits.append)
    assert result.sent == ("a@example.com",)
    assert waits == [1.0, 2.0]
    assert len(inbox.messages) == 1


def test_server_down_fails_cleanly_after_retries(tmp_path):
    config = load(project_with(tmp_path, free_port(), ["a@example.com"]) / "config.toml")
    build(config, now=NOW)
    waits: list[float] = []
    (result,) = send_all(config, sleep=waits.append)
    assert result.sent == () and "gave up after 3 attempts" in result.failed[0][1]
    assert waits == [1.0, 2.0]


def test_articles_arriving_after_the_week_was_sent_go_out_in_a_second_edition(tmp_path: Path, smtp_server):
    inbox = Inbox()
    project = project_with(tmp_path, smtp_server(inbox), ["a@example.com"])
    config = load(project / "config.toml")
    build(config, now=NOW)
    send_all(config)
    (project / "articles" / "late.txt").write_text(
        "英伟达发布新一代芯片\n\n英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。"
        "公司表示，新产品将于明年第一季度向云服务商供货。", encoding="utf-8")
    later = build(config, now=NOW)
    assert later.period == "2026-W47-2" and later.articles == 1
    first = (project / "outbox" / "2026-W47" / "manifest.json").read_text(encoding="utf-8")
    assert "英伟达发布新一代芯片" not in first          # the sent digest is left as it was sent
    [result] = send_all(config)
    assert result.period == "2026-W47-2" and result.sent == ("a@example.com",)
    assert len(inbox.messages) == 2
    subjects = [email.message_from_bytes(raw, policy=policy.default)["Subject"] for _, raw in inbox.messages]
    assert subjects[0] != subjects[1]
