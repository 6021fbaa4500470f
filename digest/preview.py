"""`digest preview`: serve the outbox on localhost, newest digest first."""

from __future__ import annotations

import html
import ipaddress
import logging
import re
import threading
import webbrowser
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .config import Config
from .errors import DigestError

log = logging.getLogger(__name__)


def digests(outbox: Path) -> list[Path]:
    """Digest folders, newest first."""
    if not outbox.is_dir():
        return []
    found = [p for p in outbox.iterdir()
             if p.is_dir() and not p.name.startswith(".") and (p / "digest.html").is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def index_page(outbox: Path) -> str:
    rows = []
    for folder in digests(outbox):
        name = html.escape(folder.name)
        rows.append(f'<li><strong>{name}</strong> — <a href="/{name}/email.html">HTML email</a> · '
                    f'<a href="/{name}/digest.html">web edition</a> · '
                    f'<a href="/{name}/digest.md.html">Markdown</a> · '
                    f'<a href="/{name}/digest.txt">text</a> · <a href="/{name}/manifest.json">manifest</a></li>')
    body = "\n".join(rows) or "<li>No digest yet: run <code>digest build</code>.</li>"
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>digest outbox</title></head><body><h1>Outbox · 发件箱</h1><ul>{body}</ul></body></html>")


# The digest's own section anchors, the one raw HTML the Markdown view keeps.
_ANCHOR = re.compile(r'<p>&lt;a id="([A-Za-z0-9_-]+)"&gt;&lt;/a&gt;</p>')
_LINK_ATTR = re.compile(r' ?\b(href|src)="([^"]*)"')


def render_markdown(text: str) -> str:
    """Markdown as HTML with no raw HTML of its own: tags in the text are shown as
    text, images are not loaded, and a link whose URL is not http(s) or mailto loses it."""
    import markdown

    from .output.markup import safe_url

    md = markdown.Markdown(extensions=["extra", "sane_lists"])
    md.preprocessors.deregister("html_block")
    for pattern in ("html", "image_link", "image_reference", "short_image_ref"):
        md.inlinePatterns.deregister(pattern, strict=False)
    body = _ANCHOR.sub(r'<a id="\1"></a>', md.convert(text))

    def keep_safe(match: re.Match) -> str:
        url = html.unescape(match[2])
        kept = url if url.startswith("#") and re.fullmatch(r"#[\w-]*", url) else safe_url(url)
        return f' {match[1]}="{html.escape(kept)}"' if kept else ""

    return _LINK_ATTR.sub(keep_safe, body)


def markdown_page(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    body = render_markdown(text)
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{html.escape(path.parent.name)}'
            f"</title></head><body style=\"max-width:720px;margin:auto;font-family:sans-serif\">{body}"
            "</body></html>")


IDLE_SECONDS = 20.0     # a connection that sends nothing for this long is closed


class Server(ThreadingHTTPServer):
    """The preview's server: a listen queue for a browser's bursts of requests (the
    default of 5 drops connections under load), threads that do not hold up Ctrl-C, and
    a client that goes away mid-answer logged quietly instead of as a traceback."""

    request_queue_size = 128
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            log.debug("preview: %s went away (%s)", client_address[0], sys.exc_info()[1])
            return
        super().handle_error(request, client_address)


class Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, outbox: Path, **kwargs):
        self.outbox = outbox
        super().__init__(*args, directory=str(outbox), **kwargs)

    def setup(self) -> None:
        self.timeout = IDLE_SECONDS          # read by StreamRequestHandler.setup
        super().setup()

    def do_GET(self):  # noqa: N802 (http.server naming)
        if not self._host_allowed():
            return self.send_error(421, "Misdirected request: unknown Host header")
        path = self.path.split("?", 1)[0]
        if "%00" in path or "\x00" in path:
            return self.send_error(400, "Bad request: NUL in path")
        if path in ("/", "/index.html"):
            return self._send(index_page(self.outbox))
        if path.endswith("/digest.md.html"):
            target = (self.outbox / path.lstrip("/")).with_name("digest.md").resolve()
            if target.is_relative_to(self.outbox.resolve()) and target.is_file():
                return self._send(markdown_page(target))
        return super().do_GET()

    def do_HEAD(self):  # noqa: N802 (http.server naming)
        if not self._host_allowed():
            return self.send_error(421, "Misdirected request: unknown Host header")
        return super().do_HEAD()

    def _host_allowed(self) -> bool:
        """Only requests naming this machine: a page on another site that makes the
        browser resolve its own name to 127.0.0.1 (DNS rebinding) is refused."""
        host = self.headers.get("Host", "")
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        name = name.strip("[]").lower()
        if name in ("localhost", self.server.server_address[0]):
            return True
        try:
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False

    def guess_type(self, path) -> str:
        # Every text file in the outbox is UTF-8; without the charset a browser
        # guesses (often Latin-1) and shows the Chinese of digest.txt garbled.
        kind = super().guess_type(path)
        return f"{kind}; charset=utf-8" if kind.startswith("text/") or kind == "application/json" else kind

    def translate_path(self, path: str) -> str:
        # A path that cannot be a file (a NUL byte) maps to none rather than raising.
        return super().translate_path(path.replace("\x00", "").replace("%00", ""))

    def _send(self, page: str):
        data = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        log.info("preview: " + fmt, *args)


def make_server(config: Config, port: int) -> Server:
    outbox = config.outbox.folder
    outbox.mkdir(parents=True, exist_ok=True)
    try:
        return Server((config.preview.host, port), partial(Handler, outbox=outbox))
    except OSError as exc:
        raise DigestError(f"cannot serve on {config.preview.host}:{port}: {exc.strerror}; "
                          "choose another with --port") from None


class Watcher:
    """Renders the newest digest again when the config file or a template changes.

    ``check()`` compares modification times with the last look; ``run()``
    checks every ``interval`` seconds until ``stop`` is set.
    """

    def __init__(self, config: Config, interval: float = 1.0):
        self.config = config
        self.interval = interval
        self.stop = threading.Event()
        self.seen = self._snapshot()

    def _snapshot(self) -> dict[Path, int]:
        paths = [self.config.path]
        folder = self.config.digest.templates
        if folder.is_dir():
            paths += sorted(p for p in folder.iterdir() if p.is_file())
        found = {}
        for path in paths:
            try:
                found[path] = path.stat().st_mtime_ns
            except OSError:
                continue
        return found

    def check(self) -> str | None:
        """Render again if something changed; returns what was done, or None."""
        from .config import load
        from .run.pipeline import rerender

        now = self._snapshot()
        changed = sorted(p.name for p in now.keys() | self.seen.keys() if now.get(p) != self.seen.get(p))
        if not changed:
            return None
        self.seen = now
        try:
            config = load(self.config.path)
            result = rerender(config)
        except DigestError as exc:
            message = f"{', '.join(changed)} changed, but the digest was not rendered again: {exc}"
        else:
            if config.digest.templates != self.config.digest.templates:
                self.config = config
                self.seen = self._snapshot()
            message = f"{', '.join(changed)} changed: rendered {result.period} again"
        print(message, flush=True)
        return message

    def run(self) -> None:
        while not self.stop.wait(self.interval):
            try:
                self.check()
            except Exception as exc:  # keep watching whatever one render does
                log.error("watch: %s", exc, exc_info=log.isEnabledFor(logging.DEBUG))


def serve(config: Config, port: int, open_browser: bool = True, watch: bool = False,
          interval: float = 1.0) -> None:
    server = make_server(config, port)
    host, real_port = server.server_address[:2]
    newest = digests(config.outbox.folder)
    url = f"http://{host}:{real_port}/"
    page = f"{url}{newest[0].name}/digest.html" if newest else url
    print(f"Serving {config.outbox.folder} at {url} (newest: {page}); Ctrl-C to stop", flush=True)
    watcher = None
    if watch:
        watcher = Watcher(config, interval)
        threading.Thread(target=watcher.run, name="watch", daemon=True).start()
        print(f"Watching {config.path.name} and {config.digest.templates} for changes", flush=True)
    if open_browser:
        threading.Timer(0.5, webbrowser.open, args=(page,)).start()
    try:
        server.serve_forever()      # until Ctrl-C (KeyboardInterrupt: exit status 130)
    finally:
        if watcher:
            watcher.stop.set()
        server.server_close()
