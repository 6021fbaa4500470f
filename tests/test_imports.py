"""Imports run one way, downwards through the stage folders, with no loop and no private names.

Every module of ``digest/`` lives in the folder of its stage (``digest/text/``,
``digest/sources/`` ...); the shared base and the faces sit at the package's top. A module
may import the modules of its own folder and of any folder ranked lower; never a higher
one. Imports inside functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "digest"

# The stage folders from the bottom up: a module may import its own folder and those listed
# before it. "base" and "faces" are the modules at the package's top, split by name.
BASE = ("config", "validate", "models", "errors", "version", "window")
FACES = ("cli", "examples", "preview", "__init__", "__main__", "add", "init", "api")
FOLDERS = ("text", "store", "sources", "editorial", "output", "run")
LAYERS = ("base", *FOLDERS, "faces")
RANK = {group: rank for rank, group in enumerate(LAYERS)}

# Imports that break the direction and stay for now, each with its reason.
ALLOWED_EXCEPTIONS = {
    # Loading a config switches script.convert's regional vocabulary on or off; render's
    # "zh" filter relies on it. Goes once render passes the setting to convert itself.
    ("config", "script"),
}


@functools.cache
def module_files() -> dict[str, Path]:
    """{module name: file} for every module of the package (names are unique across folders)."""
    files: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.stem if path.stem != "__init__" or path.parent == PACKAGE else None
        if name is None:
            continue
        assert name not in files, f"two modules named {name}: {files[name]} and {path}"
        files[name] = path
    return files


def group_of(name: str) -> str:
    path = module_files()[name]
    if path.parent == PACKAGE:
        return "base" if name in BASE else "faces"
    return path.parent.name


def test_a_module_in_a_lower_folder_may_not_import_a_higher_one():
    # The direction check itself: text is below editorial, so this edge would be reported.
    assert RANK[group_of("clean")] < RANK[group_of("summarize")]
    assert RANK[group_of("models")] < RANK[group_of("clean")] < RANK[group_of("cli")]


def modules() -> dict[str, ast.Module]:
    return {name: ast.parse(path.read_text(encoding="utf-8"), str(path))
            for name, path in module_files().items()}


def imported(tree: ast.Module, known: set[str]) -> dict[str, set[str]]:
    """{module imported: names taken from it} for every import of a digest module in ``tree``."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("digest."):
                    found.setdefault(_inside_folders(alias.name.split(".")[1:])[0], set())
        elif isinstance(node, ast.ImportFrom) and (parts := _package_path(node)) is not None:
            for alias in node.names:
                target, name = _source(parts, alias.name, known)
                found.setdefault(target, set()).update([name] if name else [])
    return found


def _source(parts: list[str], name: str, known: set[str]) -> tuple[str, str | None]:
    """(module, name taken from it) of one imported ``name`` from the package path ``parts``:
    "from . import x" imports the module x, or the name x of the package's __init__."""
    if parts:
        return parts[0], name
    return (name, None) if name in known else ("__init__", name)


def _inside_folders(parts: list[str]) -> list[str]:
    """The module path without its stage folder: ["text", "rules"] -> ["rules"]."""
    while parts and parts[0] in FOLDERS:
        parts = parts[1:]
    return parts


def _package_path(node: ast.ImportFrom) -> list[str] | None:
    """The module path inside digest that ``node`` imports from ([] for the package or one of
    its stage folders), or None. Module names are unique across folders, so the folder can go."""
    if node.level >= 1:
        return _inside_folders(node.module.split(".") if node.module else [])
    if node.module and node.module.split(".")[0] == "digest":
        return _inside_folders(node.module.split(".")[1:])
    return None


def module_aliases(tree: ast.Module, known: set[str]) -> dict[str, str]:
    """Local names bound to digest modules ("from . import rules" binds rules)."""
    aliases = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and _package_path(node) == []:
            aliases.update((a.asname or a.name, a.name) for a in node.names if a.name in known)
    return aliases


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def graph() -> dict[str, dict[str, set[str]]]:
    trees = modules()
    return {name: imported(tree, set(trees)) for name, tree in trees.items()}


def test_every_module_sits_in_a_stage_folder_or_is_named_as_base_or_face():
    files = module_files()
    loose = sorted(name for name, path in files.items()
                   if path.parent == PACKAGE and name not in BASE + FACES)
    assert not loose, (f"digest/{loose[0]}.py is at the package's top: move it into its stage "
                       f"folder, or name it in BASE or FACES in tests/test_imports.py")
    odd = sorted({path.parent.name for path in files.values()} - {PACKAGE.name, *FOLDERS})
    assert not odd, f"digest/{odd[0]}/ is no stage folder: add it to FOLDERS"
    gone = sorted(set(BASE + FACES) - set(files))
    assert not gone, f"BASE or FACES names digest/{gone[0]}.py, which no longer exists: remove it"


def test_each_stage_folder_is_a_package():
    missing = [folder for folder in FOLDERS if not (PACKAGE / folder / "__init__.py").is_file()]
    assert not missing, f"digest/{missing[0]}/ has no __init__.py"


def test_no_import_cycle():
    edges = {name: set(targets) - {name} for name, targets in graph().items()}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        for target in sorted(edges.get(name, ())):
            assert target not in path, "import cycle: " + " -> ".join(
                [*path[path.index(target):], target])
            if target not in done:
                visit(target, [*path, target])
        done.add(name)

    for name in sorted(edges):
        visit(name, [name])


def test_imports_run_downwards():
    files = module_files()
    wrong = []
    for name, targets in graph().items():
        for target in targets:
            if target not in files:
                continue
            group, other = group_of(name), group_of(target)
            if group == other:
                continue
            if RANK[other] > RANK[group] and (name, target) not in ALLOWED_EXCEPTIONS:
                wrong.append(f"{name} ({group}) imports {target} ({other})")
    assert not wrong, "imports against the layers:\n" + "\n".join(sorted(wrong))


def test_allowed_exceptions_are_still_needed():
    edges = graph()
    stale = [f"{a} -> {b}" for a, b in ALLOWED_EXCEPTIONS if b not in edges.get(a, {})]
    assert not stale, "remove from ALLOWED_EXCEPTIONS: " + ", ".join(sorted(stale))


def test_no_module_takes_another_modules_private_names():
    trees = modules()
    known = set(trees)
    taken = []
    for name, tree in trees.items():
        for target, names in imported(tree, known).items():
            taken += [f"{name} imports {target}.{n}" for n in sorted(names) if private(n)]
        aliases = module_aliases(tree, known)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in aliases and private(node.attr)):
                taken.append(f"{name} uses {aliases[node.value.id]}.{node.attr}")
    assert not taken, "private names used across modules:\n" + "\n".join(sorted(set(taken)))


def test_the_walk_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from .words import segmenter\n    from . import rules\n"
                     "    import digest.store.lock\n    from digest.store.state import State\n"
                     "    from ..text import script\n    from ..models import Article\n")
    assert imported(tree, {"words", "rules", "lock", "state", "script", "models"}) == {
        "words": {"segmenter"}, "rules": set(), "lock": set(), "state": {"State"},
        "script": set(), "models": {"Article"}}


MAX_MODULE_LINES = 300


def test_no_module_is_over_the_size_a_reader_can_hold():
    long = {str(path.relative_to(PACKAGE)): n for path in sorted(PACKAGE.rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these by job: {long}"
