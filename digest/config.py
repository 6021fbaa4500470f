"""Settings: one set of defaults, the user's TOML laid over it, validated once.

Every section is a frozen dataclass whose field defaults *are* the defaults.
Unknown keys and wrong types are reported with the key's dotted name, and every
path is resolved against the folder holding the config file.
"""

from __future__ import annotations

import dataclasses
import math
import re
import tomllib
import typing
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

SCRIPTS = ("hans", "hant", "tw", "hk")
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Sources:
    folders: tuple[Path, ...] = (Path("seeds"),)
    feeds: tuple[str, ...] = ()
    max_file_mb: float = 20.0
    fetch_full_text: bool = False        # fetch the page of each entry of a summary-only feed
    fetch_timeout_seconds: float = 20.0  # one read from a server
    fetch_deadline_seconds: float = 60.0  # one whole fetch, however slowly the server sends
    fetch_max_mb: float = 10.0           # one fetched feed or page


@dataclass(frozen=True)
class Outbox:
    folder: Path = Path("outbox")


@dataclass(frozen=True)
class State:
    file: Path = Path("state/digest.sqlite3")


class _Clock:
    """Hour and minute of a section's "HH:MM" ``time``."""
    time: str

    @property
    def hour(self) -> int:
        return int(self.time.split(":")[0])

    @property
    def minute(self) -> int:
        return int(self.time.split(":")[1])


@dataclass(frozen=True)
class Schedule(_Clock):
    days: tuple[str, ...] = ("mon",)
    time: str = "08:00"
    timezone: str = "Asia/Shanghai"
    send: bool = False
    misfire_grace_hours: float = 24.0

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class Brief(_Clock):
    """An extra, shorter digest on its own schedule (for example a daily brief).

    It covers the articles first seen in the last ``window_days`` days and
    leaves them pending for the weekly digest.
    """
    name: str
    days: tuple[str, ...]
    time: str
    title_zh: str = "AI 与金融市场简报"
    title_en: str = "AI & Markets Brief"
    window_days: int = 1


@dataclass(frozen=True)
class DigestOptions:
    title_zh: str = "AI 与金融市场周报"
    title_en: str = "AI & Markets Weekly"
    script: str = "hans"
    local_vocabulary: bool = False      # also swap regional words (晶片 <-> 芯片) when converting
    editions: tuple[str, ...] = ()
    summary_chars: int = 180
    max_items_per_theme: int = 12
    email_max_kb: int = 100
    web_url: str = ""
    templates: Path = Path("templates")


@dataclass(frozen=True)
class Recipient:
    """One reader: an address, and the script of the edition they read (None: digest.script)."""
    address: str
    script: str | None = None

    @classmethod
    def from_value(cls, value, key: str) -> Recipient:
        """A recipient from config: "addr" or {address = "addr", script = "hant"}."""
        if isinstance(value, str):
            return cls(value)
        if not isinstance(value, dict):
            raise ConfigError(f"'{key}' must be an address or a table {{address = ..., script = ...}}")
        unknown = set(value) - {"address", "script"}
        if unknown:
            raise ConfigError(f"unknown key '{key}.{sorted(unknown)[0]}'; known: address, script")
        address, script = value.get("address"), value.get("script")
        if not isinstance(address, str) or not address:
            raise ConfigError(f"'{key}.address' must be an e-mail address")
        if script is not None and script not in SCRIPTS:
            raise ConfigError(f"'{key}.script' must be one of {', '.join(SCRIPTS)}, got {script!r}")
        return cls(address, script)


@dataclass(frozen=True)
class Email:
    sender: str = "AI Markets Digest <digest@example.com>"
    recipients: tuple[Recipient, ...] = (Recipient("reader@example.com"),)
    reply_to: str = ""
    unsubscribe_url: str = "mailto:digest@example.com?subject=unsubscribe"


@dataclass(frozen=True)
class Smtp:
    host: str = "localhost"
    port: int = 587
    security: str = "starttls"          # "starttls", "ssl" or "none"
    username_env: str = "DIGEST_SMTP_USER"
    password_env: str = "DIGEST_SMTP_PASSWORD"
    timeout_seconds: float = 30.0
    retries: int = 3


@dataclass(frozen=True)
class Preview:
    host: str = "127.0.0.1"
    port: int = 8765


@dataclass(frozen=True)
class Translate:
    engine: str = "none"                # "none", "argos", "libretranslate" or "openai"
    models: Path = Path("models")       # where `digest install-model` puts Argos packages
    url: str = "http://127.0.0.1:5000"  # a LibreTranslate server, or an OpenAI-compatible API base
    api_key_env: str = "LIBRETRANSLATE_API_KEY"  # the environment variable holding the key
    model: str = ""                     # the language model's name, for "openai"
    timeout_seconds: float = 30.0


@dataclass(frozen=True)
class ThemeSpec:
    key: str
    zh: str
    en: str
    terms: tuple[str, ...]


DEFAULT_THEMES = (
    ThemeSpec("ai-chips", "AI 芯片与算力", "AI chips & compute",
              ("芯片", "英伟达", "GPU", "算力", "半导体", "台积电", "博通", "ASIC", "出口管制")),
    ThemeSpec("ai-models", "大模型与 AI 应用", "AI models & applications",
              ("大模型", "DeepSeek", "OpenAI", "ChatGPT", "Anthropic", "Sora", "开源", "推理", "训练")),
    ThemeSpec("markets", "股市与资产配置", "Markets & allocation",
              ("股市", "美股", "港股", "A股", "指数", "基金经理", "估值", "泡沫", "黄金", "比特币")),
    ThemeSpec("macro", "宏观经济与政策", "Macro & policy",
              ("经济", "政策", "债务", "通胀", "降息", "美联储", "GDP", "CPI", "关税", "刺激")),
)


@dataclass(frozen=True)
class Config:
    path: Path
    sources: Sources = field(default_factory=Sources)
    outbox: Outbox = field(default_factory=Outbox)
    state: State = field(default_factory=State)
    schedule: Schedule = field(default_factory=Schedule)
    digest: DigestOptions = field(default_factory=DigestOptions)
    email: Email = field(default_factory=Email)
    smtp: Smtp = field(default_factory=Smtp)
    preview: Preview = field(default_factory=Preview)
    translate: Translate = field(default_factory=Translate)
    themes: tuple[ThemeSpec, ...] = DEFAULT_THEMES
    briefs: tuple[Brief, ...] = ()

    @property
    def root(self) -> Path:
        return self.path.parent

    @property
    def lock_file(self) -> Path:
        return self.state.file.with_name(self.state.file.name + ".lock")

    def brief(self, name: str) -> Brief:
        for brief in self.briefs:
            if brief.name == name:
                return brief
        known = ", ".join(b.name for b in self.briefs) or "none configured"
        raise ConfigError(f"no brief named {name!r} in {self.path.name} ([[briefs]]: {known})")


SECTIONS = {
    "sources": Sources, "outbox": Outbox, "state": State, "schedule": Schedule,
    "digest": DigestOptions, "email": Email, "smtp": Smtp, "preview": Preview,
    "translate": Translate,
}


def load(path: str | Path) -> Config:
    """Read, validate and resolve the config file at ``path``."""
    path = Path(path).expanduser().resolve()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}; run `digest init` here or pass "
                          "--config PATH") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path.name} is not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    return from_dict(data, path)


def from_dict(data: dict, path: Path) -> Config:
    """Build a validated :class:`Config` from already-parsed TOML ``data``."""
    values: dict[str, object] = {}
    for name, value in data.items():
        if name in ARRAYS:
            cls, unique = ARRAYS[name]
            values[name] = _array(value, cls, name, unique)
        elif name in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"[{name}] must be a table")
            values[name] = _section(SECTIONS[name], value, name, path.parent)
        else:
            raise ConfigError(f"unknown section or key '{name}' in {path.name}; "
                              f"known: {', '.join([*SECTIONS, *ARRAYS])}")
    for name, cls in SECTIONS.items():
        values.setdefault(name, _section(cls, {}, name, path.parent))
    config = Config(path=path, **values)
    _check(config)
    from .script import use_local_vocabulary

    use_local_vocabulary(config.digest.local_vocabulary)
    return config


def _section(cls, table: dict, section: str, root: Path):
    hints = typing.get_type_hints(cls)
    known = {f.name for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in table.items():
        if key not in known:
            raise ConfigError(f"unknown key '{section}.{key}'; known keys in [{section}]: "
                              f"{', '.join(sorted(known))}")
        kwargs[key] = _coerce(value, hints[key], f"{section}.{key}")
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


def _coerce(value, hint, key: str):
    origin = typing.get_origin(hint)
    if origin is tuple:
        item = typing.get_args(hint)[0]
        if not isinstance(value, list):
            raise ConfigError(f"'{key}' must be a list, got {type(value).__name__}")
        return tuple(_coerce(v, item, f"{key}[{i}]") for i, v in enumerate(value))
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


def _array(value, cls, name: str, unique: str) -> tuple:
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
        items.append(cls(**{k: _coerce(v, hints[k], f"{name}[{i}].{k}") for k, v in table.items()}))
    keys = [getattr(item, unique) for item in items]
    if len(set(keys)) != len(keys):
        raise ConfigError(f"each of [[{name}]] needs a different '{unique}'")
    return tuple(items)


ARRAYS = {"themes": (ThemeSpec, "key"), "briefs": (Brief, "name")}


def _check_when(where: str, days: tuple[str, ...], time: str) -> None:
    if not re.fullmatch(r"([01]?\d|2[0-3]):[0-5]\d", time):
        raise ConfigError(f"'{where}.time' must be HH:MM (24-hour), got {time!r}")
    bad = [d for d in days if d not in WEEKDAYS]
    if bad or not days:
        raise ConfigError(f"'{where}.days' must list days from {', '.join(WEEKDAYS)}")


def _check(config: Config) -> None:
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
    if config.digest.max_items_per_theme < 1:
        raise ConfigError("'digest.max_items_per_theme' must be at least 1")
    for feed in config.sources.feeds:
        if "://" in feed and not feed.lower().startswith(("http://", "https://")):
            raise ConfigError(f"'sources.feeds' entry {feed!r}: only http(s) addresses or file paths")
    if config.smtp.security not in ("starttls", "ssl", "none"):
        raise ConfigError("'smtp.security' must be one of starttls, ssl, none")
    from .translate import TRANSLATORS

    if config.translate.engine not in TRANSLATORS:
        raise ConfigError(f"'translate.engine' must be one of {', '.join(TRANSLATORS)}, "
                          f"got {config.translate.engine!r}")
    if config.translate.engine == "openai" and not config.translate.model:
        raise ConfigError("translate.engine = \"openai\" needs 'translate.model' (the model's name "
                          "on the server)")
    if not 0 <= config.preview.port <= 65535:
        raise ConfigError("'preview.port' must be between 0 and 65535")
    _check_ranges(config)
    _check_email(config.email)


def _check_ranges(config: Config) -> None:
    ranges = (("sources.max_file_mb", config.sources.max_file_mb, 0.001, MAX_FILE_MB),
              ("sources.fetch_timeout_seconds", config.sources.fetch_timeout_seconds, 0.1, 3600),
              ("sources.fetch_deadline_seconds", config.sources.fetch_deadline_seconds, 0.1, 24 * 3600),
              ("sources.fetch_max_mb", config.sources.fetch_max_mb, 0.001, MAX_FILE_MB),
              ("schedule.misfire_grace_hours", config.schedule.misfire_grace_hours, 0, 24 * 7),
              ("smtp.port", config.smtp.port, 1, 65535),
              ("smtp.timeout_seconds", config.smtp.timeout_seconds, 0.1, 3600),
              ("smtp.retries", config.smtp.retries, 0, 20),
              ("translate.timeout_seconds", config.translate.timeout_seconds, 0.1, 3600))
    for key, value, low, high in ranges:
        if not low <= value <= high:
            raise ConfigError(f"'{key}' must be between {low:g} and {high:g}, got {value!r}")


def _check_email(email: Email) -> None:
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
    if email.unsubscribe_url and not re.match(r"(https?|mailto):", email.unsubscribe_url, re.I):
        raise ConfigError("'email.unsubscribe_url' must be an http(s) or mailto URL")


_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+")
MAX_FILE_MB = 100
