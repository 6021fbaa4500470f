"""Machine translation of titles and summaries (Chinese -> English), pluggable by name.

``TRANSLATORS`` maps each engine name of ``config.ENGINES`` (``translate.engine``)
to a class: an offline Argos Translate model package run by ctranslate2 +
sentencepiece, a LibreTranslate-compatible
HTTP server, or a language model behind an OpenAI-compatible chat-completions
endpoint (Ollama, vLLM, llama.cpp's server or a hosted service). Translations are cached in the state file per engine, so a rebuild
never translates the same sentence twice; when a translator fails the digest
keeps its English key facts for that run.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

from ..config import Config
from ..errors import DigestError
from ..models import Digest, English
from ..text.script import fold_width, to_simplified

log = logging.getLogger(__name__)

BATCH = 32


class Unavailable(Exception):
    """The translator cannot work this run (no model, server down…); the reason says why."""


class ArgosTranslator:
    """An Argos Translate zh->en package (a zip holding a CTranslate2 model and a
    SentencePiece model), loaded with ctranslate2 and sentencepiece directly."""

    def __init__(self, config: Config):
        package = installed_package(config.translate.models)
        try:
            import ctranslate2
            import sentencepiece
        except ImportError:
            raise Unavailable("the argos translator needs ctranslate2 and sentencepiece: "
                              "pip install 'digest[argos]'") from None
        self.name = f"argos:{package.name}"
        try:
            self.pieces = sentencepiece.SentencePieceProcessor(
                model_file=str(package / "sentencepiece.model"))
            self.model = ctranslate2.Translator(str(package / "model"), device="cpu",
                                                inter_threads=1, intra_threads=os.cpu_count() or 1)
        except (RuntimeError, OSError, ValueError) as exc:
            raise Unavailable(f"the Argos package in {package} does not load: {exc}") from None

    def translate(self, texts: list[str]) -> list[str]:
        batch = [self.pieces.encode(text, out_type=str) for text in texts]
        results = self.model.translate_batch(batch, beam_size=2, max_decoding_length=256)
        return [self.pieces.decode(r.hypotheses[0]).strip() for r in results]


class LibreTranslator:
    """A server speaking the LibreTranslate API (POST /translate)."""

    def __init__(self, config: Config):
        self.url = config.translate.url.rstrip("/") + "/translate"
        self.key = os.environ.get(config.translate.api_key_env, "")
        self.timeout = config.translate.timeout_seconds
        self.name = "libretranslate"

    def translate(self, texts: list[str]) -> list[str]:
        body = {"q": texts, "source": "zh", "target": "en", "format": "text"}
        if self.key:
            body["api_key"] = self.key
        answer = _post_json(self.url, body, {"Content-Type": "application/json"}, self.timeout)
        found = answer.get("translatedText") if isinstance(answer, dict) else None
        if isinstance(found, str) and len(texts) == 1:
            found = [found]
        if not isinstance(found, list) or len(found) != len(texts):
            raise Unavailable(f"{self.url} answered without a translation for each text")
        return [str(t).strip() for t in found]


class ChatTranslator:
    """A language model behind an OpenAI-compatible API (POST <url>/chat/completions).

    A few texts go in one request as a JSON array and come back as one; a reply
    that is not such an array is retried one text per request."""

    PER_REQUEST = 8
    PROMPT = ("You translate Chinese news text into English. The user sends a JSON array "
              "of strings. Reply with only a JSON array of the same length: the English "
              "translation of each string, in order. Keep names, figures and units exact; "
              "add no notes.")
    SINGLE = ("You translate Chinese news text into English. Reply with only the English "
              "translation of the user's text: keep names, figures and units exact; add no notes.")

    def __init__(self, config: Config):
        settings = config.translate
        self.url = settings.url.rstrip("/") + "/chat/completions"
        self.model = settings.model
        self.key = os.environ.get(settings.api_key_env, "")
        self.timeout = settings.timeout_seconds
        self.name = f"openai:{settings.model}"

    def translate(self, texts: list[str]) -> list[str]:
        out: list[str] = []
        for start in range(0, len(texts), self.PER_REQUEST):
            chunk = texts[start:start + self.PER_REQUEST]
            found = _json_array(self._ask(self.PROMPT, json.dumps(chunk, ensure_ascii=False)))
            if found is None or len(found) != len(chunk):
                found = [self._ask(self.SINGLE, text) for text in chunk]
            out.extend(str(t).strip() for t in found)
        return out

    def _ask(self, system: str, user: str) -> str:
        body = {"model": self.model, "temperature": 0,
                "messages": [{"role": "system", "content": system},
                             {"role": "user", "content": user}]}
        headers = {"Content-Type": "application/json"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        answer = _post_json(self.url, body, headers, self.timeout)
        try:
            content = answer["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise Unavailable(f"{self.url} answered without a chat completion") from None
        if not isinstance(content, str) or not content.strip():
            raise Unavailable(f"{self.url} answered with an empty message")
        return content.strip()


def _json_array(content: str) -> list | None:
    """The JSON array in a model's reply (perhaps inside a ``` fence), if any."""
    start, end = content.find("["), content.rfind("]")
    if start < 0 or end < start:
        return None
    try:
        found = json.loads(content[start:end + 1])
    except ValueError:
        return None
    return found if isinstance(found, list) and all(isinstance(t, str) for t in found) else None


def _post_json(url: str, body: dict, headers: dict[str, str], timeout: float):
    """POST ``body`` as JSON and return the decoded JSON answer; any failure is Unavailable."""
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:200]
        raise Unavailable(f"{url} answered {exc.code}: {detail}") from None
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise Unavailable(f"{url} is unreachable or answered badly: {exc}") from None


TRANSLATORS = {"none": None, "argos": ArgosTranslator, "libretranslate": LibreTranslator,
               "openai": ChatTranslator}


def english(config: Config, digest: Digest, cached) -> tuple[Digest, dict[str, str], str]:
    """The digest with an English title and summary on every item and an English
    overview on every theme, when a translator is configured and works.

    ``cached(engine, texts)`` returns the known translations. Returns the digest,
    the new translations to store, and the engine's name ("" when none ran).
    """
    make = TRANSLATORS[config.translate.engine]
    if make is None or not digest.items:
        return digest, {}, ""
    try:
        translator = make(config)
        wanted = {text for item in digest.items for text in _texts(item)}
        wanted.update(_simplified(t.overview) for t in digest.themes if t.overview)
        known = cached(translator.name, sorted(wanted))
        missing = sorted(wanted - known.keys())
        fresh: dict[str, str] = {}
        for start in range(0, len(missing), BATCH):
            chunk = missing[start:start + BATCH]
            fresh.update(zip(chunk, translator.translate(chunk)))
    except Unavailable as exc:
        log.warning("translation skipped this run (%s); the digest shows English key facts", exc)
        return digest, {}, ""
    table = {**known, **fresh}
    themes = []
    for theme in digest.themes:
        items = []
        for item in theme.items:
            title, *sentences = _texts(item)
            items.append(dataclasses.replace(item, english=English(
                table[title], " ".join(table[s] for s in sentences), translator.name)))
        overview = table[_simplified(theme.overview)] if theme.overview else ""
        themes.append(dataclasses.replace(theme, items=tuple(items), overview_en=overview))
    return dataclasses.replace(digest, themes=tuple(themes)), fresh, translator.name


def _simplified(text: str) -> str:
    return to_simplified(fold_width(text))


def _texts(item) -> list[str]:
    """The title and each summary sentence, as the translator gets them (Simplified)."""
    texts = [item.article.title] + [s.text.strip() for s in item.summary.sentences]
    return [_simplified(t) for t in texts if t]


# ---------------------------------------------------------------- Argos packages
def installed_package(models: Path) -> Path:
    """The installed zh->en Argos package folder under ``models``."""
    for metadata in sorted(models.glob("*/metadata.json")):
        try:
            meta = json.loads(metadata.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if meta.get("from_code") == "zh" and meta.get("to_code") == "en":
            return metadata.parent
    raise Unavailable(f"no Argos zh->en model is installed in {models}; install one with "
                      "`digest install-model translate-zh_en-<version>.argosmodel`")


def install_package(archive: Path, models: Path) -> Path:
    """Unpack an Argos model package (a zip) into ``models``; returns its folder.

    The package is checked first (zh->en metadata, a model and a SentencePiece
    file) and unpacked into a temporary folder that is renamed into place, so a
    failed install leaves nothing behind.
    """
    try:
        bundle = zipfile.ZipFile(archive)
    except FileNotFoundError:
        raise DigestError(f"no such file: {archive}") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise DigestError(f"{archive} is not an Argos model package (a zip file): {exc}") from None
    with bundle:
        names = bundle.namelist()
        top = {n.split("/")[0] for n in names}
        if len(top) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
            raise DigestError(f"{archive}: a model package holds exactly one folder")
        root = top.pop()
        try:
            meta = json.loads(bundle.read(f"{root}/metadata.json"))
        except (KeyError, ValueError):
            raise DigestError(f"{archive}: no readable metadata.json in {root}/") from None
        if (meta.get("from_code"), meta.get("to_code")) != ("zh", "en"):
            raise DigestError(f"{archive} translates {meta.get('from_code')}->{meta.get('to_code')}; "
                              "the digest needs a zh->en package")
        for needed in (f"{root}/model/model.bin", f"{root}/sentencepiece.model"):
            if needed not in names:
                raise DigestError(f"{archive}: the package lacks {needed.split('/', 1)[1]}")
        models.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".install.", dir=models))
        try:
            bundle.extractall(staging)
            final = models / root
            if final.exists():
                shutil.rmtree(final)
            (staging / root).rename(final)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return final
