"""`digest preview --no-browser` serves the newest digest over HTTP on localhost."""

from __future__ import annotations

import html
import os
import signal
import subprocess
import sys
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.run.pipeline import build

from .conftest import ROOT


def test_preview_serves_index_html_and_markdown(small_project: Path):
    project = small_project
    build(load(project / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "digest", "preview", "--no-browser", "--port", "0"],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
    try:
        line = server.stdout.readline()
        assert line.startswith("Serving "), server.stderr.read() if server.poll() is not None else line
        base = line.split(" at ")[1].split(" ")[0]
        index = urllib.request.urlopen(base, timeout=10).read().decode()
        assert "2026-W47" in index and "/2026-W47/digest.html" in index
        page = urllib.request.urlopen(base + "2026-W47/digest.html", timeout=10).read().decode()
        assert "AI 与金融市场周报" in page and ".container {" in page
        page = urllib.request.urlopen(base + "2026-W47/email.html", timeout=10).read().decode()
        assert "AI 与金融市场周报" in page and 'style="border-collapse' in page
        rendered = urllib.request.urlopen(base + "2026-W47/digest.md.html", timeout=10).read().decode()
        assert "<h2" in rendered and "Contents" in rendered
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)


def chromium() -> str:
    import shutil

    import pytest

    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            raise AssertionError("chromium is not installed: .ci/run should install it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def glyphs(browser: str, flags: list[str], url: str, env: dict | None = None) -> dict:
    """What tests/fixtures/glyphs.html measures of the Chinese in the digest at ``url``."""
    import json
    import re

    dom = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True,
                         timeout=120, env=env).stdout
    found = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    assert found and found[1].startswith("{"), dom[-2000:]
    return json.loads(html.unescape(found[1]))


def drawn(measure: dict) -> bool:
    """Whether every Chinese character was drawn as its own glyph, none as the .notdef box."""
    shapes = {g["hash"] for g in measure["glyphs"]}
    return (len(measure["chars"]) >= 4 and len(shapes) == len(measure["chars"])
            and measure["notdef"]["hash"] not in shapes and all(g["ink"] for g in measure["glyphs"]))


def without_chinese_fonts(tmp_path: Path) -> dict | None:
    """An environment whose fontconfig hides every font that covers Chinese (None when
    fontconfig's tools are missing)."""
    import shutil

    if not shutil.which("fc-list"):
        return None
    files = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                           timeout=60).stdout.split()
    rejects = "".join(f"<glob>{html.escape(f.rstrip(':'))}</glob>" for f in files)
    conf = tmp_path / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><include ignore_missing="yes">'
                    f"/etc/fonts/fonts.conf</include><cachedir>{tmp_path / 'fc-cache'}</cachedir>"
                    f"<selectfont><rejectfont>{rejects}</rejectfont></selectfont></fontconfig>",
                    encoding="utf-8")
    return {**os.environ, "FONTCONFIG_FILE": str(conf)}


def test_preview_in_headless_chromium(project: Path, tmp_path: Path):
    import shutil

    from .conftest import FIXTURES

    browser = chromium()
    build(load(project / "config.toml"), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    shutil.copy(FIXTURES / "glyphs.html", project / "outbox" / "glyphs.html")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "digest", "preview", "--no-browser", "--port", "0"],
                              cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    try:
        base = server.stdout.readline().split(" at ")[1].split(" ")[0]
        page = base + "2026-W47/digest.html"
        dom = subprocess.run([browser, *flags, "--dump-dom", page], capture_output=True,
                             text=True, timeout=120).stdout
        for theme in ("AI 芯片与算力", "AI chips &amp; compute", "股市与资产配置", "Markets &amp; allocation"):
            assert theme in dom
        for width in (600, 375):
            shot = tmp_path / f"digest-{width}.png"
            subprocess.run([browser, *flags, f"--window-size={width},1600", f"--screenshot={shot}", page],
                           capture_output=True, timeout=120)
            assert png_size(shot) == (width, 1600)
            assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
        # The Chinese is drawn in real glyphs, not as empty boxes (tofu) ...
        probe = f"{base}glyphs.html?2026-W47/digest.html"
        measure = glyphs(browser, flags, probe)
        assert drawn(measure), f"Chinese drawn as empty boxes (install fonts-noto-cjk): {measure}"
        # ... which the same measure tells apart from a browser with no font for Chinese.
        hidden = without_chinese_fonts(tmp_path)
        if hidden is not None:
            assert not drawn(glyphs(browser, flags, probe, hidden))
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)


def _lines(proc: subprocess.Popen):
    """A function returning the process's next stdout line, failing after 60 s without one."""
    import queue
    import threading

    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()

    def next_line() -> str:
        try:
            return lines.get(timeout=60)
        except queue.Empty:
            proc.kill()
            raise AssertionError(f"no output for 60 s; stderr: {proc.stderr.read()}") from None
    return next_line


def test_preview_watch_renders_again_when_a_template_changes(small_project: Path):
    project = small_project
    import shutil

    from .conftest import write_config

    shutil.copytree(ROOT / "templates", project / "templates")
    config_path = write_config(project)
    config_path.write_text(config_path.read_text(encoding="utf-8").replace(
        (ROOT / "templates").as_posix(), "templates"), encoding="utf-8")
    build(load(config_path), now=datetime(2026, 11, 18, tzinfo=ZoneInfo("UTC")))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen([sys.executable, "-m", "digest", "preview", "--no-browser", "--port", "0",
                               "--watch"], cwd=project, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=env)
    line = _lines(server)
    try:
        base = line().split(" at ")[1].split(" ")[0]
        assert line().startswith("Watching config.toml")
        css = project / "templates" / "digest.css"
        css.write_text(css.read_text(encoding="utf-8").replace("#12355b", "#7a1f1f"), encoding="utf-8")
        assert "rendered 2026-W47 again" in line()
        page = urllib.request.urlopen(base + "2026-W47/email.html", timeout=10).read().decode()
        assert "#7a1f1f" in page and "#12355b" not in page

        broken = project / "templates" / "digest.html.j2"
        broken.write_text(broken.read_text(encoding="utf-8") + "{% if %}", encoding="utf-8")
        said = line()
        assert "digest.html.j2 changed, but" in said, said
        page = urllib.request.urlopen(base + "2026-W47/email.html", timeout=10).read().decode()
        assert "#7a1f1f" in page                      # the last good digest is still served
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)


def test_preview_refuses_nul_paths_and_foreign_hosts(served_week):
    import http.client

    _, port = served_week

    def get(path: str, host: str) -> tuple[int, bytes]:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        status, body = response.status, response.read()
        connection.close()
        return status, body

    assert get("/2026-W47/digest.html", f"127.0.0.1:{port}")[0] == 200
    assert get("/2026-W47/digest.md.html", f"localhost:{port}")[0] == 200
    for path in ("/2026-W47/digest%00.html", "/%00", "/2026-W47/digest.md%00.html"):
        status, body = get(path, f"127.0.0.1:{port}")
        assert status == 400 and b"Traceback" not in body
    for host in (f"evil.example.com:{port}", "evil.example.com", f"127.0.0.1.evil.example:{port}"):
        status, body = get("/2026-W47/digest.html", host)
        assert status == 421 and "AI 与金融市场周报".encode() not in body


def test_preview_takes_a_burst_of_connections_and_drops_idle_ones(served_week, monkeypatch, caplog):
    import socket

    from digest import preview

    monkeypatch.setattr(preview, "IDLE_SECONDS", 0.5)
    _, port = served_week
    request = f"GET /2026-W47/digest.html HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    # 100 clients connect at once before any is served: a listen queue of 5 would refuse some.
    clients = [socket.create_connection(("127.0.0.1", port), timeout=20) for _ in range(100)]
    for client in clients[:50]:
        client.sendall(request.encode())
    for client in clients[50:]:
        client.close()                      # gone before being answered: no traceback
    answers = []
    for client in clients[:50]:
        data = b""
        while chunk := client.recv(65536):
            data += chunk
        answers.append(data.split(b"\r\n", 1)[0])
        client.close()
    assert answers == [b"HTTP/1.0 200 OK"] * 50
    idle = socket.create_connection(("127.0.0.1", port), timeout=10)
    assert idle.recv(1) == b""              # closed by the server, not by this timeout
    idle.close()
    assert "Traceback" not in caplog.text
