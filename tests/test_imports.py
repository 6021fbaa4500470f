"""Imports run one way, downwards through the layers, with no loop and no private names.

Every module of ``digest/`` has a layer below. A module may import the modules of
its own group and of any group ranked lower; never a higher one. Imports inside
functions count as much as those at the top of a module.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "digest"

# Groups from the bottom up: a module may import its own group and those listed before it.
LAYERS = {
    "base": ("config", "validate", "models", "errors", "version", "window"),
    # dedupe is MinHash maths on text, no I/O: the state indexes its band keys, ingest's
    # duplicate check compares its signatures.
    "text": ("clean", "header", "rules", "pagerules", "sentences", "words", "wordlists", "script", "lexicon",
             "dedupe"),
    "store": ("state", "schema", "lock", "outbox", "faults", "workers"),
    "sources": ("readers", "page", "pagebody", "pagemeta", "html", "feeds", "fetch", "seen", "ingest"),
    "editorial": ("document", "bags", "keywords", "summarize", "stories", "clustering", "themes", "repeats", "overviews",
                  "facts", "compose", "translate"),
    "output": ("render", "wrapping", "send"),
    "run": ("pipeline", "schedule", "status"),
    "faces": ("cli", "preview", "__init__", "__main__", "add", "init", "api"),
}
RANK = {group: rank for rank, group in enumerate(LAYERS)}
GROUP = {module: group for group, modules in LAYERS.items() for module in modules}

# Imports that break the direction and stay for now, each with its reason.
ALLOWED_EXCEPTIONS = {
    # Loading a config switches script.convert's regional vocabulary on or off; render's
    # "zh" filter relies on it. Goes once render passes the setting to convert itself.
    ("config", "script"),
}


def modules() -> dict[str, ast.Module]:
    return {path.stem: ast.parse(path.read_text(encoding="utf-8"), str(path))
            for path in sorted(PACKAGE.glob("*.py"))}


def imported(tree: ast.Module, known: set[str]) -> dict[str, set[str]]:
    """{module imported: names taken from it} for every import of a digest module in ``tree``."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("digest."):
                    found.setdefault(alias.name.split(".")[1], set())
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


def _package_path(node: ast.ImportFrom) -> list[str] | None:
    """The module path inside digest that ``node`` imports from ([] for the package), or None."""
    if node.level == 1:
        return node.module.split(".") if node.module else []
    if node.level == 0 and node.module and node.module.split(".")[0] == "digest":
        return node.module.split(".")[1:]
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


def test_every_module_has_a_layer():
    present = set(modules())
    unknown = sorted(present - set(GROUP))
    assert not unknown, (f"digest/{unknown[0]}.py has no layer: add it to LAYERS in "
                         f"tests/test_imports.py")
    gone = sorted(set(GROUP) - present)
    assert not gone, f"LAYERS names digest/{gone[0]}.py, which no longer exists: remove it"


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
    wrong = []
    for name, targets in graph().items():
        for target in targets:
            group, other = GROUP.get(name), GROUP.get(target)
            if group is None or other is None or group == other:
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
                     "    import digest.lock\n    from digest.state import State\n")
    assert imported(tree, {"words", "rules", "lock", "state"}) == {
        "words": {"segmenter"}, "rules": set(), "lock": set(), "state": {"State"}}


MAX_MODULE_LINES = 300


def test_no_module_is_over_the_size_a_reader_can_hold():
    long = {path.name: n for path in sorted(PACKAGE.glob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert not long, f"split these by job: {long}"
