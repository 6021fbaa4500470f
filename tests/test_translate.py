"""Translators: a local server speaking the LibreTranslate API, the cache in the
state file, the fallback to key facts, and the Argos package loader and installer."""

from __future__ import annotations

import re

import json
import threading
import zipfile
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from digest.config import load
from digest.errors import ConfigError, DigestError
from digest.run.pipeline import build
from digest.editorial.translate import Unavailable, install_package, installed_package

from .conftest import write_config

NOW = datetime(2026, 11, 18, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def reply(handler: BaseHTTPRequestHandler, status: int, payload: dict) -> None:
    data = json.dumps(payload).encode()
    handler.send_response(status)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


class Libre(BaseHTTPRequestHandler):
    """POST /translate as LibreTranslate answers it: {"translatedText": [...]}.

    Each text comes back as "EN(<length>)", so tests can tell what was sent."""

    texts: list[str] = []
    requests = 0

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.path == "/translate" and (body["source"], body["target"]) == ("zh", "en")
        type(self).requests += 1
        type(self).texts.extend(body["q"])
        reply(self, 200, {"translatedText": [f"EN({len(q)})" for q in body["q"]]})

    def log_message(self, *args):
        pass


@pytest.fixture
def libre():
    Libre.texts, Libre.requests = [], 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Libre)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_libretranslate_gives_every_article_an_english_title_and_summary_once(project: Path, libre):
    write_config(project, f'[translate]\nengine = "libretranslate"\nurl = "{libre}"\n')
    config = load(project / "config.toml")
    result = build(config, now=NOW)
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    from .conftest import shown_in_full

    assert email_html.count('<p class="english" lang="en"') == shown_in_full(result.folder) > 0
    from .conftest import shown_in_full

    assert email_html.count("Key facts") == shown_in_full(result.folder) > 0   # key facts stay beside it
    overviews = len(re.findall(r'<p class="overview" lang="zh', email_html))
    assert overviews and email_html.count('<p class="overview english" lang="en"') == overviews
    text = (result.folder / "digest.txt").read_text(encoding="utf-8")
    assert "English (machine translation): EN(" in text
    sent = list(Libre.texts)
    assert sent and len(sent) == len(set(sent))           # each text sent once
    assert not any("與" in t or "億" in t for t in sent)  # the translator gets Simplified

    requests = Libre.requests
    build(config, now=NOW, rebuild=True)                  # every sentence is in the cache
    assert Libre.requests == requests


def test_a_server_that_is_down_leaves_key_facts_and_a_warning(small_project: Path, caplog):
    project = small_project
    write_config(project, '[translate]\nengine = "libretranslate"\nurl = "http://127.0.0.1:9"\n'
                          'timeout_seconds = 2\n')
    result = build(load(project / "config.toml"), now=NOW)
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    assert result.built and "(machine translation)" not in email_html
    from .conftest import shown_in_full

    assert email_html.count("Key facts") == shown_in_full(result.folder) > 0
    assert "translation skipped this run" in caplog.text and "unreachable" in caplog.text


def test_argos_without_a_model_says_how_to_install_one(small_project: Path, caplog):
    project = small_project
    write_config(project, '[translate]\nengine = "argos"\n')
    config = load(project / "config.toml")
    with pytest.raises(Unavailable, match=r"no Argos zh->en model is installed .* `digest install-model"):
        installed_package(config.translate.models)
    result = build(config, now=NOW)
    assert result.built and "no Argos zh->en model" in caplog.text


def _package(path: Path, meta: dict, files: tuple[str, ...] = ("model/model.bin", "sentencepiece.model"),
             root: str = "translate-zh_en-1_9") -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        bundle.writestr(f"{root}/metadata.json", json.dumps(meta))
        for name in files:
            bundle.writestr(f"{root}/{name}", b"\0not a real model\0")
    return path


def test_install_model_checks_the_package_and_installs_it_whole(tmp_path: Path):
    models = tmp_path / "models"
    (tmp_path / "notes.txt").write_text("not a zip", encoding="utf-8")
    with pytest.raises(DigestError, match="not an Argos model package"):
        install_package(tmp_path / "notes.txt", models)
    with pytest.raises(DigestError, match="translates en->de"):
        install_package(_package(tmp_path / "de.argosmodel", {"from_code": "en", "to_code": "de"}), models)
    with pytest.raises(DigestError, match="lacks sentencepiece.model"):
        install_package(_package(tmp_path / "bad.argosmodel", {"from_code": "zh", "to_code": "en"},
                                 files=("model/model.bin",)), models)
    assert not models.exists() or not any(models.iterdir())      # nothing half-installed

    folder = install_package(_package(tmp_path / "ok.argosmodel", {"from_code": "zh", "to_code": "en"}),
                             models)
    assert folder == models / "translate-zh_en-1_9" and (folder / "model" / "model.bin").is_file()
    assert installed_package(models) == folder
    assert [p.name for p in models.iterdir()] == ["translate-zh_en-1_9"]


def test_argos_with_a_broken_package_falls_back_with_a_clear_reason(small_project: Path, caplog):
    project = small_project
    write_config(project, '[translate]\nengine = "argos"\n')
    config = load(project / "config.toml")
    install_package(_package(project / "ok.argosmodel", {"from_code": "zh", "to_code": "en"}),
                     config.translate.models)
    from digest.editorial.translate import ArgosTranslator

    with pytest.raises(Unavailable, match="needs ctranslate2|does not load"):
        ArgosTranslator(config)
    assert build(config, now=NOW).built                  # with key facts only


def test_unknown_engine_is_a_config_error(tmp_path: Path):
    write_config(tmp_path, '[translate]\nengine = "google"\n')
    with pytest.raises(ConfigError, match="translate.engine"):
        load(tmp_path / "config.toml")


def test_every_engine_the_config_accepts_has_a_translator():
    from digest.config import ENGINES
    from digest.editorial.translate import TRANSLATORS

    assert list(TRANSLATORS) == list(ENGINES)


def test_an_installed_argos_package_translates_through_ctranslate2(project: Path, tmp_path: Path):
    pytest.importorskip("ctranslate2")
    from .conftest import ROOT, SEEDS
    from .tiny_argos import build_package

    archive = build_package(SEEDS, tmp_path / "work")
    write_config(project, '[translate]\nengine = "argos"\n')
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "digest", "install-model", str(archive)], cwd=project,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "Installed translate-zh_en-test" in done.stdout, done.stderr
    config = load(project / "config.toml")
    result = build(config, now=NOW)
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    from .conftest import shown_in_full

    assert email_html.count('<p class="english" lang="en"') == shown_in_full(result.folder) > 0
    import sqlite3

    db = sqlite3.connect(config.state.file)
    engines = {row[0] for row in db.execute("SELECT engine FROM translations")}
    assert engines == {"argos:translate-zh_en-test"}


class Chat(BaseHTTPRequestHandler):
    """POST /v1/chat/completions as an OpenAI-compatible server answers it.

    The "model" translates each text to "EN(<length>)"; ``mode`` makes it answer
    in prose instead of a JSON array ("prose"), fail ("error") or stall ("slow")."""

    mode = "json"
    requests: list[dict] = []
    keys: list[str] = []
    stall = threading.Event()

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        assert self.path == "/v1/chat/completions" and body["model"] == "tiny-zh-en"
        type(self).requests.append(body)
        type(self).keys.append(self.headers.get("Authorization", ""))
        if self.mode == "slow":
            self.stall.wait(10)
        if self.mode == "error":
            return reply(self, 500, {"error": {"message": "model not loaded"}})
        text = body["messages"][-1]["content"]
        if body["messages"][0]["content"].startswith("You translate") and text.startswith("["):
            texts = json.loads(text)
            content = (f"Here you go: {len(texts)} lines." if self.mode == "prose" else
                     "```json\n" + json.dumps([f"EN({len(t)})" for t in texts]) + "\n```")
        else:
            content = f"EN({len(text)})"
        reply(self, 200, {"id": "x", "object": "chat.completion", "model": body["model"],
                          "choices": [{"index": 0, "finish_reason": "stop",
                                       "message": {"role": "assistant", "content": content}}]})

    def log_message(self, *args):
        pass


@pytest.fixture
def chat():
    Chat.mode, Chat.requests, Chat.keys = "json", [], []
    Chat.stall.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Chat)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    Chat.stall.set()
    server.shutdown()
    server.server_close()


def chat_config(project: Path, url: str, extra: str = ""):
    write_config(project, f'[translate]\nengine = "openai"\nurl = "{url}"\nmodel = "tiny-zh-en"\n'
                          f'api_key_env = "TEST_CHAT_KEY"\n{extra}')
    return load(project / "config.toml")


def test_a_chat_model_gives_english_titles_summaries_and_overviews_once(project: Path, chat,
                                                                        monkeypatch):
    monkeypatch.setenv("TEST_CHAT_KEY", "sk-local")
    config = chat_config(project, chat)
    result = build(config, now=NOW)
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    from .conftest import shown_in_full

    assert email_html.count('<p class="english" lang="en"') == shown_in_full(result.folder) > 0
    from .conftest import shown_in_full

    assert email_html.count("Key facts") == shown_in_full(result.folder) > 0
    assert set(Chat.keys) == {"Bearer sk-local"}
    sent = [t for body in Chat.requests for t in json.loads(body["messages"][-1]["content"])]
    assert sent and len(sent) == len(set(sent))
    assert not any("與" in t or "億" in t for t in sent)
    assert all(body["temperature"] == 0 for body in Chat.requests)

    asked = len(Chat.requests)
    build(config, now=NOW, rebuild=True)                  # every text is in the cache
    assert len(Chat.requests) == asked

    from digest.editorial.compose import compose
    from digest.window import window_for
    from digest.editorial.translate import english

    from .test_summarize import seed_articles

    digest = compose(config, list(seed_articles()), window_for(config, NOW), NOW)
    translated, fresh, engine = english(config, digest, lambda engine, texts: {})
    assert engine == "openai:tiny-zh-en" and fresh
    overviews = [t for t in translated.themes if t.overview]
    assert overviews and all(t.overview_en.startswith("EN(") for t in overviews)
    assert all(i.english.title.startswith("EN(") and i.english.engine == engine
               for i in translated.items)


def test_a_chat_model_that_answers_in_prose_is_asked_one_text_at_a_time(project: Path, chat):
    Chat.mode = "prose"
    config = chat_config(project, chat)
    result = build(config, now=NOW)
    assert (result.folder / "email.html").read_text(encoding="utf-8").count('<p class="english" lang="en"') == result.articles
    singles = [b for b in Chat.requests if not b["messages"][-1]["content"].startswith("[")]
    assert singles and set(Chat.keys) == {""}            # no key in the environment: none sent


@pytest.mark.parametrize("mode", ["error", "slow"])
def test_a_chat_server_that_fails_or_stalls_leaves_key_facts_and_a_warning(small_project: Path, chat,
                                                                            caplog, mode):
    project = small_project
    Chat.mode = mode
    config = chat_config(project, chat, "timeout_seconds = 0.5\n")
    result = build(config, now=NOW)
    email_html = (result.folder / "email.html").read_text(encoding="utf-8")
    assert result.built and "(machine translation)" not in email_html
    from .conftest import shown_in_full

    assert email_html.count("Key facts") == shown_in_full(result.folder) > 0
    assert "translation skipped this run" in caplog.text
    assert ("500" if mode == "error" else "timed out") in caplog.text


def test_the_chat_engine_needs_a_model_name(tmp_path: Path):
    write_config(tmp_path, '[translate]\nengine = "openai"\n')
    with pytest.raises(ConfigError, match="translate.model"):
        load(tmp_path / "config.toml")
