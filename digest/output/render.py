"""Render a Digest into its files: Markdown, HTML email (CSS inlined), text, .eml, manifest.

Rendering only builds bytes in memory; the outbox writer puts them on disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache, partial
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from ..models import Digest, Rendered
from ..text.script import LANG_TAGS, convert
from .markup import article_url, md_escape, safe_url  # noqa: F401 (importable from here too)
from .wrapping import wrap

log = logging.getLogger(__name__)

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
    env.filters["original"] = article_url
    env.globals["lang"] = LANG_TAGS[script]
    return env


@lru_cache(maxsize=1 << 18)
def _shown(text: str | None, script: str) -> str:
    """``text`` in the reader's script; each view of the digest shows the same titles
    and summaries, so each is converted once: room for two texts of each of 100,000
    articles (the views go through them all in turn; a smaller cache would have let each
    go before the next view came to it). Emptied once a digest is rendered."""
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
    finally:
        _shown.cache_clear()


def _render(config: Config, digest: Digest, jobs: int) -> Rendered:
    script = config.digest.script
    env = environment(config.digest.templates, script)
    context = {"d": digest, "config": config, "subject": subject(digest, script),
               "articles": len(digest.items), **web_edition(config, script)}
    apart = jobs > 1 and len(digest.items) >= APART_FROM
    markdown_text, web, text = full_views(env, context, apart)
    email_html, email_text, left_out = email_edition(
        config, env, context, text,
        size=lambda t, h: len(message(config, digest, context["subject"], t, h)))
    eml = message(config, digest, context["subject"], email_text, email_html)
    files = {"digest.md": markdown_text.encode(), "digest.html": web.encode(),
             "email.html": email_html.encode(), "digest.txt": text.encode(), "digest.eml": eml}
    readers = reader_scripts(config)
    for edition in dict.fromkeys([*config.digest.editions, *readers]):
        if edition == script:
            continue
        edition_env = environment(config.digest.templates, edition)
        edition_context = {**context, "subject": subject(digest, edition),
                           **web_edition(config, edition)}
        views = full_views(edition_env, edition_context, apart)
        for suffix, view in zip(("md", "html", "txt"), views):
            files[f"digest.{edition}.{suffix}"] = view.encode()
        if edition in readers:
            html, plain, _ = email_edition(
                config, edition_env, edition_context, views[2], report=False,
                size=lambda t, h, e=edition, c=edition_context: len(
                    message(config, digest, c["subject"], t, h, e)))
            files[f"email.{edition}.html"] = html.encode()
            files[f"digest.{edition}.eml"] = message(config, digest, edition_context["subject"],
                                                     plain, html, edition)
    if left_out and not config.digest.web_url:
        log.warning("digest.web_url is not set, so the email cannot link to the web edition: "
                    "it says that the %d article(s) it leaves out are in %s in the digest's "
                    "outbox folder", left_out, context["web_file"])
    manifest = {
        "period": digest.period,
        "start": digest.start.isoformat(),
        "end": digest.end.isoformat(),
        "built_at": digest.built_at.isoformat(timespec="seconds"),
        "subject": context["subject"],
        "top_stories": list(digest.top),
        "themes": [{"key": t.key, "kind": t.kind, "zh": t.name_zh, "en": t.name_en,
                    "articles": [i.article.id for i in t.items]} for t in digest.themes],
        "articles": [{"id": i.article.id, "title": i.article.title, "source": i.article.source,
                      "author": i.article.author, "publisher": i.article.publisher,
                      # a file's modification time is not the article's date: where the
                      # article prints none, the manifest says so
                      "published": (i.article.published if i.article.date_from in ("text", "format")
                                    and i.article.published else NOT_PRINTED),
                      "related": list(i.related),
                      "shown": i.shown, "old": i.old}
                     for i in digest.items],
        "files": {name: hashlib.sha256(data).hexdigest() for name, data in files.items()},
    }
    files["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
    return Rendered(digest.period, tuple(files.items()))


NOT_PRINTED = "not printed"   # the manifest's date of an article that prints none

APART_FROM = 400          # articles from which the text view is rendered in another process


def full_views(env, context: dict, apart: bool = False) -> tuple[str, str, str]:
    """The full Markdown, web (HTML) and text views of the digest. ``apart`` (a large
    digest, more than one job): the text view, the costliest (every line is wrapped), is
    rendered by a second process meanwhile.

    The web edition is for browsers, so its CSS stays in one <style> block: inlining
    is for mail clients (the email edition), and would cost most of a large build."""
    from ..store.workers import Background

    full = {**context, "limit": None}
    with Background(lambda: env.get_template("digest.txt.j2").render(full), apart) as text:
        return (env.get_template("digest.md.j2").render(full),
                env.get_template("digest.html.j2").render(full),
                text.result())


def web_edition(config: Config, script: str) -> dict[str, str]:
    """Where the "more" lines of the email in ``script`` point: ``web``, the address of that
    script's web edition (digest.web_url names the main one; another script's is beside it,
    named as in the outbox: weekly.html -> weekly.hant.html), or "" when web_url is not set;
    and ``web_file``, the web edition's file in the outbox folder."""
    from urllib.parse import urlsplit, urlunsplit

    name = "digest.html" if script == config.digest.script else f"digest.{script}.html"
    url = safe_url(config.digest.web_url)
    if url and (url.startswith("mailto:") or "#" in url):
        url = ""
    if url:
        parts = urlsplit(url)
        path = parts.path if parts.path.endswith(".html") else parts.path.rstrip("/") + "/digest.html"
        if name != "digest.html":
            path = f"{path[:-len('.html')]}.{script}.html"
        url = urlunsplit(parts._replace(path=path))
    return {"web": url, "web_file": name}


def email_edition(config: Config, env, context: dict, text: str, report: bool = True,
                  size=None) -> tuple[str, str, int]:
    """The HTML and text parts of the email, and how many articles they leave out: at most
    max_items_per_theme per theme, and fewer until the HTML fits email_max_kb (Gmail clips
    messages over about 102 KB) and the whole message message_max_kb (servers refuse
    messages over their size limit);
    each theme says how many more are in the web edition (``text`` is the full text view,
    the text part when nothing is left out). ``size(text, html)`` gives the bytes of the
    message made of those parts. ``report``: warn when capped (once per build: not for the
    other scripts' emails)."""
    budget = config.digest.email_max_kb * 1024
    whole = config.digest.message_max_kb * 1024
    digest: Digest = context["d"]
    largest = max((len(t.shown) for t in digest.themes), default=0)
    limit = min(config.digest.max_items_per_theme, max(1, largest))
    while True:
        html = inline_css(env.get_template("digest.html.j2").render({**context, "limit": limit}))
        plain = text if limit >= largest else \
            env.get_template("digest.txt.j2").render({**context, "limit": limit})
        # The whole message counts (both parts as encoded, and the headers): a server's
        # size limit and a client's clipping apply to it, not to the HTML alone.
        measured = size(plain, html) if size else _wire_size(html) + _wire_size(plain)
        if _wire_size(html) <= budget and measured <= whole or limit == 1:
            break
        limit = max(1, limit * 3 // 4)
    if limit >= largest:
        return html, plain, 0
    hidden = sum(max(0, len(t.shown) - limit) for t in digest.themes)
    log.log(logging.WARNING if report else logging.INFO,
            "the email shows at most %d article(s) per theme (%d KB of %d KB); %d more are in "
            "the web edition", limit, _wire_size(html) // 1024, config.digest.email_max_kb, hidden)
    return html, plain, hidden


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
