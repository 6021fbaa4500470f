"""`digest init`: a new digest folder, ready to take articles.

It holds a commented ``config.toml`` (every key with its default), an empty
``articles/`` source folder and, on request, copies of the default templates to
edit (any template left out keeps the package's default).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import DigestError

SOURCE_FOLDER = "articles"
TEMPLATES_FOLDER = "templates"


@dataclass(frozen=True)
class Initialised:
    config: Path
    sources: Path
    templates: tuple[Path, ...]     # the template files copied, if asked for
    existing: bool = False          # the config was there already (and left as it was)

    @property
    def message(self) -> str:
        where = self.templates[0].parent if self.templates else None
        if self.existing:
            return (f"Added the missing templates to edit in {where} "
                    f"({', '.join(t.name for t in self.templates)}); {self.config} is left as it was.")
        copied = f", and the templates to edit in {where}" if self.templates else ""
        return (f"Wrote {self.config} and the empty source folder {self.sources}{copied}. "
                f"Put articles (.txt, .md, .html, feeds) in {self.sources.name}/, then run "
                "`digest build`.")


def default_config() -> str:
    """The documented config.toml a new folder gets."""
    return resources.files("digest").joinpath("data", "config.toml").read_text(encoding="utf-8")


def init(folder: Path, templates: bool = False) -> Initialised:
    """Set up ``folder`` (created if need be) for `digest build`; an existing config.toml
    or template file is never overwritten. In a folder that has its config already,
    ``templates`` adds the templates it lacks."""
    from .output.render import default_templates

    folder = Path(folder).expanduser().resolve()
    config = folder / "config.toml"
    existing = config.exists()
    if existing and not templates:
        raise DigestError(f"{config} already exists; nothing was written (edit it, or run "
                          "`digest init` in another folder)")
    shipped = sorted(p for p in default_templates().iterdir() if p.is_file()) if templates else []
    wanted = [(p, folder / TEMPLATES_FOLDER / p.name) for p in shipped]
    missing = [(source, target) for source, target in wanted if not target.exists()]
    if templates and not missing:
        raise DigestError(f"{folder / TEMPLATES_FOLDER} already holds every template; nothing "
                          "was written (delete one there to get its default back)")
    sources = folder / SOURCE_FOLDER
    try:
        if not existing:
            sources.mkdir(parents=True, exist_ok=True)
        for source, target in missing:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        if not existing:
            with config.open("x", encoding="utf-8") as handle:
                handle.write(default_config())
    except OSError as exc:
        raise DigestError(f"cannot set up {folder}: {exc.strerror or exc}") from None
    return Initialised(config, sources, tuple(target for _, target in missing), existing)
