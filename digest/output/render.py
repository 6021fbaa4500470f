"""Render a Digest into its files: Markdown, HTML email (CSS inlined), text, .eml, manifest.

Rendering only builds bytes in memory; the outbox writer puts them on disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache, partial
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from ..models import Digest, Rendered
from ..text.script import LANG_TAGS, convert
from .wrapping import wrap

log = logging.getLogger(__name__)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
# What opens a block at the start of a line: a heading ("#", which Python-Markdown takes
# without a space), a list item ("- ", "+ ", "1. ", "1) ") or a rule ("---"); the named
# group is the character a backslash must escape. (">", "*" and "_" are escaped anywhere.)
_MD_BLOCK_START = re.compile(r"^\d+(?P<list>[.)])(?=\s|$)|^(?P<mark>#|[-+](?=\s|$)|-(?=[-\s]*$))")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# An & that a renderer would read as the start of an entity ("&lt;", "&#60;").
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)|[<>]")
SAFE_SCHEMES = ("http", "https", "mailto")
# Everything a URL may keep as it is; the rest (quotes, spaces, <, >, parentheses,
# backslashes, non-ASCII) is percent-encoded.
_URL_SAFE = "/:?#[]@!$&*+,;=%~-._"
_AROUND_URL = "".join(map(chr, range(0x21))) + "\x7f"


def safe_url(url: str | None) -> str:
    """``url`` if it is http(s) or mailto, percent-encoded so that it cannot leave an
    HTML attribute or a Markdown link; otherwise "" (javascript:, data:, relative ...)."""
    from urllib.parse import quote, urlsplit

    # As browsers do: tabs and line breaks inside are dropped, controls and spaces around.
    text = re.sub(r"[\t\n\r]", "", url or "").strip(_AROUND_URL)
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    scheme = parts.scheme.lower()
    if scheme not in SAFE_SCHEMES or (scheme != "mailto" and not parts.netloc):
        return ""
    return quote(text, safe=_URL_SAFE)


def md_escape(text: str) -> str:
    """Article text inside Markdown: no markup, links or HTML of its own.

    Markdown punctuation is backslash-escaped; <, > and an & that would start an
    entity become entities, which every Markdown renderer shows as the characters
    themselves (a plain "&" needs none).
    """
    text = _ENTITY_LIKE.sub(lambda m: _HTML_SPECIAL[m.group()], text)
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # At the start, only what would open a block: a heading, a list item or a rule
    # ("0.3%" or "-3%" open none, and a backslash before a digit would be shown as is).
    found = _MD_BLOCK_START.match(text)
    if found is None:
        return text
    at = found.start(found.lastgroup)
    return f"{text[:at]}\\{text[at:]}"


def default_templates() -> Path:
    """The templates shipped with the package (``digest/templates`` once installed; in a
    source checkout, the project's ``templates/`` folder, which is what gets shipped)."""
    here = Path(__file__).resolve().parent.parent
    shipped = here / "templates"
    return shipped if shipped.is_dir() else here.parent / "templates"


def environment(templates: Path, script: str):
    """The Jinja2 environment: each template from ``templates`` if the user has it
    there, otherwise the package's default (a missing folder means all defaults)."""
    try:
        own = tuple(sorted(p.name for p in templates.iterdir() if p.is_file()))
    except OSError:
        own = ()
    # The files present are part of the key: a template added later is picked up.
    return _environment(templates, own, script)


@lru_cache(maxsize=8)
def _environment(templates: Path, own: tuple[str, ...], script: str):
    import jinja2

    loaders = [jinja2.FileSystemLoader(str(templates))] if own else []
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader([*loaders, jinja2.FileSystemLoader(str(default_templates()))]),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=False),
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined)
    env.filters["zh"] = partial(_shown, script=script)
    env.filters["md"] = md_escape
    env.filters["wrap"] = wrap
    env.filters["url"] = safe_url
    env.globals["lang"] = LANG_TAGS[script]
    return env


@lru_cache(maxsize=1 << 14)
def _shown(text: str | None, script: str) -> str:
    """``text`` in the reader's script; each view of the digest shows the same titles
    and summaries, so each is converted once."""
    return convert(text or "", script)


def subject(digest: Digest, script: str) -> str:
    return (f"{convert(digest.title_zh, script)} {digest.period} | {digest.title_en} "
            f"{digest.start:%d %b} – {digest.end:%d %b %Y}")


def render(config: Config, digest: Digest, jobs: int = 1) -> Rendered:
    """Every file of the digest, in memory; a broken template is reported by name and line.
    With ``jobs`` > 1 a large digest's text view is rendered in a second process."""
    import jinja2

    try:
        return _render(config, digest, jobs)
    except jinja2.TemplateSyntaxError as exc:
        raise DigestError(f"template {exc.name or exc.filename} line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise DigestError(f"template error ({config.digest.templates}, or the package's "
                          f"default): {exc}") from None


def _render(config: Config, digest: Digest, jobs: int) -> Rendered:
    script = config.digest.script
    env = environment(config.digest.templates, script)
    context = {"d": digest, "config": config, "subject": subject(digest, script),
               "articles": len(digest.items)}
    apart = jobs > 1 and len(digest.items) >= APART_FROM
    markdown_text, web, text = full_views(env, context, apart)
    email_html = email_edition(config, env, context)
    eml = message(config, digest, context["subject"], text, email_html)
    files = {"digest.md": markdown_text.encode(), "digest.html": web.encode(),
             "email.html": email_html.encode(), "digest.txt": text.encode(), "digest.eml": eml}
    readers = reader_scripts(config)
    for edition in dict.fromkeys([*config.digest.editions, *readers]):
        if edition == script:
            continue
        edition_env = environment(config.digest.templates, edition)
        edition_context = {**context, "subject": subject(digest, edition)}
        views = full_views(edition_env, edition_context, apart)
        for suffix, view in zip(("md", "html", "txt"), views):
            files[f"digest.{edition}.{suffix}"] = view.encode()
        if edition in readers:
            html = email_edition(config, edition_env, edition_context)
            files[f"email.{edition}.html"] = html.encode()
            files[f"digest.{edition}.eml"] = message(config, digest, edition_context["subject"],
                                                     views[2], html, edition)
    manifest = {
        "period": digest.period,
        "start": digest.start.isoformat(),
        "end": digest.end.isoformat(),
        "built_at": digest.built_at.isoformat(timespec="seconds"),
        "subject": context["subject"],
        "themes": [{"key": t.key, "zh": t.name_zh, "en": t.name_en,
                    "articles": [i.article.id for i in t.items]} for t in digest.themes],
        "articles": [{"id": i.article.id, "title": i.article.title, "source": i.article.source,
                      "author": i.article.author, "publisher": i.article.publisher,
                      "published": i.article.published, "related": list(i.related)}
                     for i in digest.items],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    return Rendered(digest.period, tuple(files.items()))


APART_FROM = 400          # articles from which the text view is rendered in another process


def full_views(env, context: dict, apart: bool = False) -> tuple[str, str, str]:
    """The full Markdown, web (HTML) and text views of the digest. ``apart`` (a large
    digest, more than one job): the text view, the costliest (every line is wrapped), is
    rendered by a second process meanwhile.

    The web edition is for browsers, so its CSS stays in one <style> block: inlining
    is for mail clients (the email edition), and would cost most of a large build."""
    from ..store.workers import Background

    with Background(lambda: env.get_template("digest.txt.j2").render(context), apart) as text:
        return (env.get_template("digest.md.j2").render(context),
                env.get_template("digest.html.j2").render({**context, "limit": None}),
                text.result())


def email_edition(config: Config, env, context: dict) -> str:
    """The HTML part of the email: at most max_items_per_theme per theme, and fewer
    until it fits email_max_kb (Gmail clips messages over about 102 KB); the rest
    is linked to the full web edition."""
    budget = config.digest.email_max_kb * 1024
    digest: Digest = context["d"]
    largest = max((len(t.items) for t in digest.themes), default=0)
    limit = min(config.digest.max_items_per_theme, max(1, largest))
    while True:
        html = inline_css(env.get_template("digest.html.j2").render({**context, "limit": limit}))
        if _wire_size(html) <= budget or limit == 1:
            break
        limit = max(1, limit * 3 // 4)
    if limit < largest:
        hidden = sum(max(0, len(t.items) - limit) for t in digest.themes)
        log.warning("the email shows at most %d article(s) per theme (%d KB of %d KB); "
                    "%d more are in the web edition", limit, _wire_size(html) // 1024,
                    config.digest.email_max_kb, hidden)
    return html


def _wire_size(html: str) -> int:
    """Bytes of the HTML as it travels in the message (UTF-8, CRLF line ends)."""
    return len(html.encode()) + html.count("\n")


def inline_css(html: str) -> str:
    """Move every CSS rule into style attributes (mail clients drop <style> blocks)."""
    from premailer import Premailer

    return Premailer(html, keep_style_tags=False, remove_classes=False, strip_important=False,
                     allow_network=False, disable_validation=True,
                     cssutils_logging_level=logging.CRITICAL).transform()


def reader_scripts(config: Config) -> tuple[str, ...]:
    """The scripts recipients read, other than digest.script: each gets its own email."""
    main = config.digest.script
    return tuple(dict.fromkeys(r.script for r in config.email.recipients
                               if r.script and r.script != main))


def eml_name(script: str | None, config: Config) -> str:
    """The message file of the edition in ``script`` (None: digest.script)."""
    return "digest.eml" if script in (None, config.digest.script) else f"digest.{script}.eml"


def message(config: Config, digest: Digest, subject_line: str, text: str, html: str,
            script: str | None = None) -> bytes:
    """An RFC 5322 multipart/alternative message, UTF-8, with a stable Message-ID."""
    from email import policy

    email = config.email
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = subject_line
    msg["From"] = email.sender
    msg["To"] = ", ".join(r.address for r in email.recipients
                          if eml_name(r.script, config) == eml_name(script, config))
    if email.reply_to:
        msg["Reply-To"] = email.reply_to
    msg["Date"] = format_datetime(digest.built_at)
    domain = email.sender.rsplit("@", 1)[-1].strip(" >") or "digest.local"
    ids = ",".join(i.article.id for i in digest.items)
    # Stable for the same digest, so a resend can be recognised as the same message.
    edition = f".{script}" if eml_name(script, config) != "digest.eml" else ""
    msg["Message-ID"] = (f"<digest.{digest.period}{edition}."
                         f"{hashlib.sha256(ids.encode()).hexdigest()[:16]}@{domain}>")
    unsubscribe = safe_url(email.unsubscribe_url)      # percent-encoded: a header stays ASCII
    if unsubscribe:
        msg["List-Unsubscribe"] = f"<{unsubscribe}>"
        if unsubscribe.lower().startswith("https:"):
            msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(text, subtype="plain", charset="utf-8")
    msg.add_alternative(html, subtype="html", charset="utf-8")
    # A boundary made from the content, not at random: the same digest gives the same bytes.
    content = hashlib.sha256((text + "\0" + html).encode("utf-8")).hexdigest()[:32]
    msg.set_boundary(f"=_digest_{content}")
    return msg.as_bytes()
