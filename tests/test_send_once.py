"""Exactly-once delivery against a real local SMTP server (aiosmtpd): a delivery
counts from the server's 250 to the message, whatever happens after it."""

from __future__ import annotations

import asyncio
import email
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from email import policy
from pathlib import Path

import pytest

from digest.config import load
from digest.run.pipeline import build
from digest.text.script import convert
from digest.output.send import send_all
from digest.store.state import State

from .conftest import ROOT
from .test_send import NOW, Inbox, project_with, smtp_server  # noqa: F401 (fixture)

LATE = ("英伟达发布新一代芯片\n\n英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。"
        "公司表示，新产品将于明年第一季度向云服务商供货。")


class Quirky(Inbox):
    """An inbox whose server answers QUIT or DATA in odd ways."""

    def __init__(self, quit_reply: str | None = None, hang_quit: bool = False,
                 data_replies: tuple[str, ...] = (), data_delay: float = 0.0, **kwargs):
        super().__init__(**kwargs)
        self.quit_reply = quit_reply
        self.hang_quit = hang_quit
        self.quit_seen = threading.Event()
        self.data_replies = list(data_replies)
        self.data_delay = data_delay

    async def handle_QUIT(self, server, session, envelope):  # noqa: N802
        self.quit_seen.set()
        if self.hang_quit:
            await asyncio.sleep(3600)
        return self.quit_reply or "221 Bye"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        if self.data_replies:
            return self.data_replies.pop(0)
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        if self.data_delay:
            await asyncio.sleep(self.data_delay)
        return "250 Message accepted"


def copies(inbox: Inbox) -> Counter:
    """How many messages each recipient got, by (recipient, Message-ID)."""
    found = Counter()
    for tos, raw in inbox.messages:
        message_id = email.message_from_bytes(raw, policy=policy.default)["Message-ID"]
        found.update((to, message_id) for to in tos)
    return found


def test_a_421_answer_to_quit_still_counts_each_delivery_once(tmp_path, smtp_server):
    inbox = Quirky(quit_reply="421 4.3.0 shutting down")
    config = load(project_with(tmp_path, smtp_server(inbox), ["a@example.com", "b@example.com"])
                  / "config.toml")
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == ("a@example.com", "b@example.com") and not result.failed
    assert send_all(config, sleep=lambda s: None) == []
    assert sorted(copies(inbox).values()) == [1, 1]


def test_a_send_killed_during_a_slow_quit_is_not_sent_again(tmp_path, smtp_server):
    inbox = Quirky(hang_quit=True)
    project = project_with(tmp_path, smtp_server(inbox), ["a@example.com", "b@example.com"])
    config = load(project / "config.toml")
    build(config, now=NOW)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    sender = subprocess.Popen([sys.executable, "-m", "digest", "send"], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert inbox.quit_seen.wait(60), "the send never reached QUIT"
    finally:
        sender.send_signal(signal.SIGKILL)
        sender.wait(timeout=30)
    assert len(inbox.messages) == 1
    inbox.hang_quit = False
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.already == ("a@example.com",) and result.sent == ("b@example.com",)
    assert sorted(copies(inbox).items()) == [(k, 1) for k in sorted(copies(inbox))]
    assert {to for to, _ in copies(inbox)} == {"a@example.com", "b@example.com"}


def test_a_reply_slower_than_the_timeout_is_not_sent_again(tmp_path, smtp_server):
    inbox = Quirky(data_delay=60)
    project = project_with(tmp_path, smtp_server(inbox), ["a@example.com"])
    text = (project / "config.toml").read_text()
    (project / "config.toml").write_text(text.replace("retries = 2", "retries = 2\ntimeout_seconds = 1"))
    config = load(project / "config.toml")
    build(config, now=NOW)
    (result,) = send_all(config, sleep=lambda s: None)
    assert result.sent == () and not result.failed
    assert result.doubtful[0][0] == "a@example.com" and "may have arrived" in result.doubtful[0][1]
    assert send_all(config, sleep=lambda s: None) == []
    assert list(copies(inbox).values()) == [1]
    state = State(config.state.file, readonly=True)
    assert state.delivered("2026-W47") == {"a@example.com"}


def test_a_451_then_250_delivers_once(tmp_path, smtp_server):
    inbox = Quirky(data_replies=("451 4.7.1 try again later",))
    config = load(project_with(tmp_path, smtp_server(inbox), ["a@example.com"]) / "config.toml")
    build(config, now=NOW)
    waits: list[float] = []
    (result,) = send_all(config, sleep=waits.append)
    assert result.sent == ("a@example.com",) and waits == [1.0]
    assert list(copies(inbox).values()) == [1]


def test_a_rebuild_after_a_partial_send_reaches_everyone_once(tmp_path, smtp_server):
    inbox = Quirky(refuse={"gone@example.com"})
    project = project_with(tmp_path, smtp_server(inbox), ["gone@example.com", "ok@example.com"])
    config = load(project / "config.toml")
    build(config, now=NOW)
    (first,) = send_all(config, sleep=lambda s: None)
    assert first.sent == ("ok@example.com",) and first.failed[0][0] == "gone@example.com"
    (project / "articles" / "late.txt").write_text(LATE, encoding="utf-8")
    later = build(config, now=NOW)
    # ok@ already has 2026-W47: the new article goes into a new edition for everyone.
    assert later.period == "2026-W47-2" and later.articles == 1
    inbox.refuse = set()
    results = send_all(config, sleep=lambda s: None)
    assert [(r.period, r.sent) for r in results] == [
        ("2026-W47", ("gone@example.com",)),
        ("2026-W47-2", ("gone@example.com", "ok@example.com"))]
    assert set(copies(inbox).values()) == {1}
    for recipient in ("gone@example.com", "ok@example.com"):
        texts = [raw.decode() for tos, raw in inbox.messages if recipient in tos]
        assert len(texts) == 2 and sum("W47-2" in t for t in texts) == 1


def test_each_recipient_gets_the_edition_in_their_script_once(tmp_path, smtp_server):
    inbox = Inbox()
    project = project_with(tmp_path, smtp_server(inbox), ["hans@example.com"])
    text = (project / "config.toml").read_text()
    (project / "config.toml").write_text(text.replace(
        'recipients = ["hans@example.com"]',
        'recipients = ["hans@example.com", {address = "hant@example.com", script = "hant"},\n'
        '              {address = "tw@example.com", script = "tw"}]'))
    config = load(project / "config.toml")
    result = build(config, now=NOW)
    assert (result.folder / "digest.hant.eml").is_file() and (result.folder / "digest.tw.eml").is_file()
    (sent,) = send_all(config, sleep=lambda s: None)
    assert sent.sent == ("hans@example.com", "hant@example.com", "tw@example.com")
    assert send_all(config) == []
    got = {}
    for tos, raw in inbox.messages:
        message = email.message_from_bytes(raw, policy=policy.default)
        [to] = tos
        assert to not in got
        got[to] = (message["Subject"], message["To"], message.get_body(("plain",)).get_content())
    title = "AI 与金融市场周报"
    assert title in got["hans@example.com"][0]
    for address, script in (("hant@example.com", "hant"), ("tw@example.com", "tw")):
        subject, to, body = got[address]
        assert convert(title, script) in subject and title not in subject and to == address
        assert convert("篇文章", script) in body and "篇文章" not in body.replace(convert("篇文章", script), "")


def test_a_digest_built_before_a_reader_chose_a_script_is_sent_in_the_main_one(tmp_path, smtp_server):
    inbox = Inbox()
    project = project_with(tmp_path, smtp_server(inbox), ["a@example.com"])
    build(load(project / "config.toml"), now=NOW)
    text = (project / "config.toml").read_text()
    (project / "config.toml").write_text(text.replace(
        'recipients = ["a@example.com"]', 'recipients = ["a@example.com", {address = "b@example.com", script = "hk"}]'))
    (result,) = send_all(load(project / "config.toml"), sleep=lambda s: None)
    assert result.sent == ("a@example.com", "b@example.com")
    subjects = {tos[0]: email.message_from_bytes(raw, policy=policy.default)["Subject"]
                for tos, raw in inbox.messages}
    assert subjects["a@example.com"] == subjects["b@example.com"]


def test_no_recipients_is_a_config_error(tmp_path):
    from digest.errors import ConfigError

    from .conftest import write_config

    write_config(tmp_path, "[email]\nrecipients = []\n")
    with pytest.raises(ConfigError, match="email.recipients"):
        load(tmp_path / "config.toml")
