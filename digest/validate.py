"""Checking the settings: each value's type as the records are built, then the values together.

Every message names the key (``section.key``, ``array[i].key``) and says what it
must be, so the user can fix the config file from it alone.
"""

from __future__ import annotations

import dataclasses
import math
import re
import typing
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

SCRIPTS = ("hans", "hant", "tw", "hk")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# The translator engines; translate.TRANSLATORS has one entry for each.
ENGINES = ("none", "argos", "libretranslate", "openai")
MAX_FILE_MB = 100
# C0 and C1 controls (U+0085 is a line break too) and the Unicode line and paragraph
# separators: any of them in a header field would break it, or a template's line.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+")


def read_section(cls, table: dict, section: str, root: Path):
    """The record ``cls`` from the TOML table ``[section]``, paths resolved against ``root``."""
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"unknown key '{section}.{key}'; known keys in [{section}]: "
                              f"{', '.join(sorted(known))}")
        kwargs[key] = coerce(value, hints[key], f"{section}.{key}")
    obj = cls(**kwargs)
    # Resolve every path (given or default) against the config file's folder.
    for f in dataclasses.fields(cls):
        value = getattr(obj, f.name)
        if isinstance(value, Path):
            obj = dataclasses.replace(obj, **{f.name: (root / value.expanduser()).resolve()})
        elif isinstance(value, tuple) and value and isinstance(value[0], Path):
            obj = dataclasses.replace(
                obj, **{f.name: tuple((root / p.expanduser()).resolve() for p in value)})
    return obj


def coerce(value, hint, key: str):
    """``value`` as the type ``hint`` names, or a ConfigError naming ``key``."""
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise ConfigError(f"'{key}' must be a list, got {type(value).__name__}")
        return tuple(coerce(v, item, f"{key}[{i}]") for i, v in enumerate(value))
    if dataclasses.is_dataclass(hint):
        return hint.from_value(value, key)
    if hint is Path:
        if not isinstance(value, str) or not value:
            raise ConfigError(f"'{key}' must be a path string")
        return Path(value)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if hint is int and isinstance(value, bool) or not isinstance(value, hint):
        raise ConfigError(f"'{key}' must be {hint.__name__}, got {type(value).__name__} {value!r}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"'{key}' must be a finite number, got {value!r}")
    if isinstance(value, str) and _CONTROL.search(value):
        # A line break in a header field would start a header of its own.
        raise ConfigError(f"'{key}' must not contain line breaks or control characters")
    return value


def read_array(value, cls, name: str, unique: str) -> tuple:
    """An array of tables (``[[name]]``), each a ``cls``; ``unique`` names the key field."""
    if not isinstance(value, list):
        raise ConfigError(f"'{name}' must be an array of tables ([[{name}]])")
    hints = typing.get_type_hints(cls)
    required = {f.name for f in dataclasses.fields(cls)
                if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    items = []
    for i, table in enumerate(value):
        if not isinstance(table, dict):
            raise ConfigError(f"{name}[{i}] must be a table")
        unknown = set(table) - set(hints)
        if unknown:
            raise ConfigError(f"unknown key '{name}[{i}].{sorted(unknown)[0]}'; "
                              f"known: {', '.join(hints)}")
        missing = required - set(table)
        if missing:
            raise ConfigError(f"{name}[{i}] is missing '{sorted(missing)[0]}'")
        items.append(cls(**{k: coerce(v, hints[k], f"{name}[{i}].{k}") for k, v in table.items()}))
    keys = [getattr(item, unique) for item in items]
    if len(set(keys)) != len(keys):
        raise ConfigError(f"each of [[{name}]] needs a different '{unique}'")
    return tuple(items)


def _check_when(where: str, days: tuple[str, ...], time: str) -> None:
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", time):
        raise ConfigError(f"'{where}.time' must be HH:MM (24-hour), got {time!r}")
    bad = [d for d in days if d not in WEEKDAYS]
    if bad or not days:
        raise ConfigError(f"'{where}.days' must list days from {', '.join(WEEKDAYS)}")


def check(config) -> None:
    """Check the values of a built :class:`digest.config.Config` together."""
    sched = config.schedule
    _check_when("schedule", sched.days, sched.time)
    for i, brief in enumerate(config.briefs):
        _check_when(f"briefs[{i}]", brief.days, brief.time)
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", brief.name):
            raise ConfigError(f"'briefs[{i}].name' must be lower-case letters, digits, - or _ "
                              f"(it names the outbox folder), got {brief.name!r}")
        if brief.window_days < 1:
            raise ConfigError(f"'briefs[{i}].window_days' must be at least 1")
    for i, theme in enumerate(config.themes):
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", theme.key):
            raise ConfigError(f"'themes[{i}].key' must be letters, digits, - or _ (it names the "
                              f"section's anchor), got {theme.key!r}")
    try:
        ZoneInfo(sched.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"'schedule.timezone' is not an IANA time zone: {sched.timezone!r}") from None
    if config.digest.script not in SCRIPTS:
        raise ConfigError(f"'digest.script' must be one of {', '.join(SCRIPTS)}")
    if any(e not in SCRIPTS for e in config.digest.editions):
        raise ConfigError(f"'digest.editions' may list only {', '.join(SCRIPTS)}")
    if config.digest.summary_chars < 40:
        raise ConfigError("'digest.summary_chars' must be at least 40")
    if config.digest.web_url and not re.match(r"https?://", config.digest.web_url, re.I):
        raise ConfigError("'digest.web_url' must be an http(s) URL")
    if config.digest.email_max_kb < 10:
        raise ConfigError("'digest.email_max_kb' must be at least 10")
    if config.digest.message_max_kb < config.digest.email_max_kb:
        raise ConfigError("'digest.message_max_kb' must be at least digest.email_max_kb")
    if config.digest.focus not in ("all", "strict"):
        raise ConfigError("'digest.focus' must be \"all\" or \"strict\"")
    if not 1 <= config.digest.max_age_days <= 36500:
        raise ConfigError("'digest.max_age_days' must be between 1 and 36500")
    if config.digest.max_items_per_theme < 1:
        raise ConfigError("'digest.max_items_per_theme' must be at least 1")
    for feed in config.sources.feeds:
        if "://" in feed and not feed.lower().startswith(("http://", "https://")):
            raise ConfigError(f"'sources.feeds' entry {feed!r}: only http(s) addresses or file paths")
    if config.smtp.security not in ("starttls", "ssl", "none"):
        raise ConfigError("'smtp.security' must be one of starttls, ssl, none")
    if config.translate.engine not in ENGINES:
        raise ConfigError(f"'translate.engine' must be one of {', '.join(ENGINES)}, "
                          f"got {config.translate.engine!r}")
    if config.translate.engine == "openai" and not config.translate.model:
        raise ConfigError("translate.engine = \"openai\" needs 'translate.model' (the model's name "
                          "on the server)")
    if config.cluster.scheduler and not re.match(r"(tcp|tls|inproc|ucx)://", config.cluster.scheduler):
        raise ConfigError("'cluster.scheduler' must be a Dask scheduler address such as "
                          "tcp://host:8786")
    if not 0 <= config.preview.port <= 65535:
        raise ConfigError("'preview.port' must be between 0 and 65535")
    _check_ranges(config)
    _check_email(config.email)


def _check_ranges(config) -> None:
    ranges = (("sources.max_file_mb", config.sources.max_file_mb, 0.001, MAX_FILE_MB),
              ("sources.fetch_timeout_seconds", config.sources.fetch_timeout_seconds, 0.1, 3600),
              ("sources.fetch_deadline_seconds", config.sources.fetch_deadline_seconds, 0.1, 24 * 3600),
              ("sources.fetch_max_mb", config.sources.fetch_max_mb, 0.001, MAX_FILE_MB),
              ("sources.fetch_pages_deadline_seconds", config.sources.fetch_pages_deadline_seconds,
               0.1, 24 * 3600),
              ("schedule.misfire_grace_hours", config.schedule.misfire_grace_hours, 0, 24 * 7),
              ("schedule.collect_minutes", config.schedule.collect_minutes, 0, 7 * 24 * 60),
              ("smtp.port", config.smtp.port, 1, 65535),
              ("smtp.timeout_seconds", config.smtp.timeout_seconds, 0.1, 3600),
              ("smtp.retries", config.smtp.retries, 0, 20),
              ("smtp.deadline_seconds", config.smtp.deadline_seconds, 1, 24 * 3600),
              ("translate.timeout_seconds", config.translate.timeout_seconds, 0.1, 3600))
    for key, value, low, high in ranges:
        if not low <= value <= high:
            raise ConfigError(f"'{key}' must be between {low:g} and {high:g}, got {value!r}")


def _one_mailbox(value: str) -> bool:
    """Whether ``value`` is a single mailbox: no list, no group, no encoded word (which a
    mail client decodes after the header is parsed, so it can hide a second address)."""
    from email import policy

    if "=?" in value:
        return False
    try:
        header = policy.default.header_factory("From", value)
        groups = header.groups
    except Exception:  # noqa: BLE001 (any parse failure: not one mailbox)
        return False
    return (not header.defects and len(groups) == 1 and groups[0].display_name is None
            and len(groups[0].addresses) == 1)


def _check_email(email) -> None:
    from email.utils import parseaddr

    if not email.recipients:
        raise ConfigError("'email.recipients' is empty: list at least one address")
    addresses = [r.address for r in email.recipients]
    for i, address in enumerate(addresses):
        if not _ADDRESS.fullmatch(address):
            raise ConfigError(f"'email.recipients[{i}]' is not an e-mail address: {address!r}")
    if len(set(a.lower() for a in addresses)) != len(addresses):
        raise ConfigError("'email.recipients' lists an address twice")
    for key in ("sender", "reply_to"):
        value = getattr(email, key)
        if value and not _ADDRESS.fullmatch(parseaddr(value)[1]):
            raise ConfigError(f"'email.{key}' is not an e-mail address: {value!r}")
        if value and not _one_mailbox(value):
            raise ConfigError(f"'email.{key}' must be one address, with or without a name "
                              f"(\"Name <a@example.com>\"), written as is, not RFC 2047-encoded: "
                              f"{value!r}")
    if email.unsubscribe_url and not re.match(r"(https?|mailto):", email.unsubscribe_url, re.I):
        raise ConfigError("'email.unsubscribe_url' must be an http(s) or mailto URL")

