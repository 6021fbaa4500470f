"""`digest preview --no-browser` serves the newest digest over HTTP on localhost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from digest.config import load
from digest.pipeline import build

from .conftest import ROOT


def test_preview_serves_index_html_and_markdown(project: Path):
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
        assert "AI 与金融市场周报" in page and "<style" not in page
        rendered = urllib.request.urlopen(base + "2026-W47/digest.md.html", timeout=10).read().decode()
        assert "<h2" in rendered and "Contents" in rendered
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)
