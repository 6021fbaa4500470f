"""Settings: one set of defaults, the user's TOML laid over it, validated once.

Every section is a frozen dataclass whose field defaults *are* the defaults.
Unknown keys and wrong types are reported with the key's dotted name, and every
path is resolved against the folder holding the config file.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import ConfigError
from .validate import SCRIPTS, check, read_array, read_section
from .validate import ENGINES, MAX_FILE_MB, WEEKDAYS  # noqa: F401  (importable from here too)


@dataclass(frozen=True)
class Sources:
    folders: tuple[Path, ...] = (Path("articles"),)
    feeds: tuple[str, ...] = ()
    max_file_mb: float = 20.0
    fetch_full_text: bool = False        # fetch the page of each entry of a summary-only feed
    fetch_timeout_seconds: float = 20.0  # one read from a server
    fetch_deadline_seconds: float = 60.0  # one whole fetch, however slowly the server sends
    fetch_max_mb: float = 10.0           # one fetched feed or page
    fetch_pages_deadline_seconds: float = 120.0  # all the entry pages of one feed
    allow_private: bool = False          # may links and redirects reach non-public addresses


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
    collect_minutes: int = 60           # `digest schedule` collects new articles this often; 0: never

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
    focus: str = "all"                  # "all": a closing section for the rest; "strict": leave it out
    max_age_days: int = 30              # older articles are marked and come after the period's news
    email_max_kb: int = 100
    message_max_kb: int = 1000          # the whole message, both parts as sent
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
    deadline_seconds: float = 300.0     # one `digest send`, all recipients and retries


@dataclass(frozen=True)
class Preview:
    host: str = "127.0.0.1"
    port: int = 8765


@dataclass(frozen=True)
class Cluster:
    scheduler: str = ""                 # a Dask scheduler's address (tcp://host:8786); "" runs locally


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
              ("芯片", "英伟达", "GPU", "算力", "半导体", "台积电", "博通", "ASIC", "出口管制", "数据中心")),
    ThemeSpec("ai-models", "大模型与 AI 应用", "AI models & applications",
              ("大模型", "人工智能", "AI", "生成式", "多模态", "语言模型", "机器学习", "DeepSeek", "OpenAI", "ChatGPT",
               "Anthropic", "Gemini", "Sora", "开源", "推理", "训练", "智能体", "全模态", "自动驾驶", "无人驾驶",
               "自驾车")),
    ThemeSpec("markets", "股市与资产配置", "Markets & allocation",
              ("股市", "美股", "港股", "A股", "沪指", "上证", "创业板", "恒指", "纳指", "标普", "道指", "基金",
               "债券", "收益率", "估值", "市值", "泡沫", "黄金", "比特币", "汇率", "美元", "日元", "日圆", "欧元", "券商",
               "期货", "股价", "投资者", "理财", "财报", "净利", "盈利", "利润", "亏损", "营收", "业绩",
               "并购", "收购", "证监会", "证券", "超配")),
    ThemeSpec("macro", "宏观经济与政策", "Macro & policy",
              ("宏观", "经济", "政策", "央行", "货币政策", "利率", "加息", "降息", "通胀", "美联储", "GDP", "CPI",
               "PMI", "关税", "债务", "财政", "刺激", "经济增长", "失业", "赤字", "贸易", "财长", "税改")),
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
    cluster: Cluster = field(default_factory=Cluster)
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
    "translate": Translate, "cluster": Cluster,
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
            values[name] = read_array(value, cls, name, unique)
        elif name in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"[{name}] must be a table")
            values[name] = read_section(SECTIONS[name], value, name, path.parent)
        else:
            raise ConfigError(f"unknown section or key '{name}' in {path.name}; "
                              f"known: {', '.join([*SECTIONS, *ARRAYS])}")
    for name, cls in SECTIONS.items():
        values.setdefault(name, read_section(cls, {}, name, path.parent))
    config = Config(path=path, **values)
    check(config)
    from .text.script import use_local_vocabulary

    use_local_vocabulary(config.digest.local_vocabulary)
    return config


ARRAYS = {"themes": (ThemeSpec, "key"), "briefs": (Brief, "name")}
