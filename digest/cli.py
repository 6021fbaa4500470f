"""The `digest` command: a thin layer over the Python API.

Every error the user can act on is a DigestError, reported here as one line
with a non-zero exit code.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path

from . import __version__
from .errors import DigestError
from .examples import EXAMPLES
from .run.progress import Progress

log = logging.getLogger("digest")



def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _logging(args.verbose)
    root = logging.getLogger()
    level = root.level         # a command may quieten the log (cron): for this call only
    try:
        return _run(args)
    finally:
        root.setLevel(level)


def _run(args) -> int:
    try:
        code = args.run(args) or 0
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        # The reader went away (`digest status | head`): nothing more to say, and
        # nothing to flush at exit either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except DigestError as exc:
        print(f"digest: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for the user, unless asked with -v
        log.info("unexpected error", exc_info=True)
        print(f"digest: internal error: {type(exc).__name__}: {exc} (run with -v for details)",
              file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Turn Chinese articles on AI and financial markets into a weekly "
                    "bilingual (Chinese/English) email digest.",
        epilog="example:\n  digest build && digest preview",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    verbose = {"action": "count", "help": "show the log (-vv for debug detail)"}
    parser.add_argument("-v", "--verbose", default=0, **verbose)
    # SUPPRESS: a -v given before the command is not reset by the command's default.
    logged = argparse.ArgumentParser(add_help=False)
    logged.add_argument("-v", "--verbose", default=argparse.SUPPRESS, **verbose)
    common = argparse.ArgumentParser(add_help=False, parents=[logged])
    common.add_argument("-c", "--config", type=Path, default=Path("config.toml"),
                        help="configuration file (default: ./config.toml)")
    parser.set_defaults(verbose=0, run=lambda _args: parser.print_help())
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help_text: str, run, parent=common) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[parent], help=help_text, description=help_text,
                           epilog=EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(run=run)
        return p

    i = command("init", "Set up a folder for digests: a commented config.toml and an empty "
                "articles/ source folder.", _init, parent=logged)
    i.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR",
                   help="the folder to set up (default: the current one)")
    i.add_argument("--templates", action="store_true",
                   help="also copy the default templates into DIR/templates to edit")

    b = command("build", "Build this week's digest from new articles into the outbox.", _build)
    b.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD",
                   help="also include articles first seen on or after this date, "
                        "even if an earlier digest had them")
    b.add_argument("--dry-run", action="store_true",
                   help="work out the digest and report it, but write nothing")
    b.add_argument("--rebuild", action="store_true",
                   help="build this week's digest again even if nothing is new")
    b.add_argument("--brief", metavar="NAME",
                   help="build the brief of this name ([[briefs]] in config) instead of the "
                        "weekly digest")
    _wait_option(b)
    b.add_argument("--jobs", type=int, default=0, metavar="N",
                   help="processes for the per-article work (default: one per core, used "
                        "only for large builds)")
    b.add_argument("--cluster", metavar="ADDRESS", help="run the per-article work on the Dask "
                   "cluster of this scheduler (tcp://host:8786; needs digest[cluster])")

    c = command("collect", "Read every source and keep what is new for the next digest, without "
                "building one (run it often, so a busy feed's entries are kept).", _collect)
    _wait_option(c)

    a = command("add", "Put one web page (an http(s) address) or file into the next digest: it is "
                "saved into the first source folder and read like the rest.", _add)
    a.add_argument("target", metavar="URL-or-FILE", help="an http(s) address or a file path")
    _wait_option(a)

    command("status", "Show pending articles, skipped or failed files, and the last and next run.",
            _status)

    p = command("preview", "Serve the outbox on localhost and open the newest digest.", _preview)
    p.add_argument("--port", type=_port, help="port (default: preview.port in config; 0 picks a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--watch", action="store_true",
                   help="render the newest digest again whenever config.toml or a template "
                        "changes (reload the page to see it)")

    command("schedule", "Run builds on the configured weekly schedule (and any briefs) until "
            "stopped.", _schedule)

    d = command("send", "Send every built digest not yet sent, over SMTP ([smtp] in config).", _send)
    _wait_option(d)

    m = command("install-model", "Install an Argos Translate zh->en model package from a local "
                "file, for translate.engine = \"argos\".", _install_model)
    m.add_argument("file", type=Path, help="the .argosmodel file (a zip)")

    s = command("summarize", "Summarise one article file (or - for standard input).", _summarize)
    s.add_argument("file", help="a .txt/.md/.html file, or - to read standard input")
    s.add_argument("--chars", type=int, default=None, help="length budget in characters")
    s.add_argument("--sentences", type=int, default=5, metavar="N",
                   help="at most N sentences (default 5)")
    return parser


def _port(text: str) -> int:
    """A TCP port number, or argparse's usage error saying what one is."""
    try:
        port = int(text)
    except ValueError:
        port = -1
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (0 to 65535; "
                                         "0 picks a free one)")
    return port


def _logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def _wait_option(parser) -> None:
    parser.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                        help="if another run holds the state file, wait up to this long "
                             "(default: exit at once)")


def _config(args):
    import dataclasses

    from .config import Cluster, load

    config = load(args.config)
    cluster = getattr(args, "cluster", None)
    return dataclasses.replace(config, cluster=Cluster(cluster)) if cluster else config


def _init(args) -> int:
    from .init import init

    print(init(args.folder, templates=args.templates).message)
    return 0


def _build(args) -> int:
    from .run.pipeline import build
    from .run.status import dry_run_lines, problem_lines

    config = _config(args)
    brief = config.brief(args.brief) if args.brief else None
    if not (args.dry_run or args.verbose or sys.stderr.isatty()):   # cron: result and errors only
        logging.getLogger().setLevel(logging.ERROR)
    result = build(config, since=args.since, dry_run=args.dry_run, rebuild=args.rebuild,
                   progress=Progress(), lock_wait=args.wait, brief=brief, jobs=args.jobs)
    if args.dry_run:
        print("".join(f"{line}\n" for line in dry_run_lines(result)), end="")
    else:
        for line in problem_lines(result.problems):
            log.warning("%s", line)
    print(result.message)
    return 0


def _collect(args) -> int:
    from .run.collect import collect

    print(collect(_config(args), progress=Progress(), lock_wait=args.wait).message)
    return 0


def _add(args) -> int:
    from .add import add

    added = add(_config(args), args.target, lock_wait=args.wait)
    print(added.message)
    return 0 if added.outcome is None or added.outcome.status == "included" else 1


def _status(args) -> int:
    from .run.status import report

    print(report(_config(args)))
    return 0


def _preview(args) -> int:
    from .preview import serve

    config = _config(args)
    port = config.preview.port if args.port is None else args.port
    serve(config, port=port, open_browser=not args.no_browser, watch=args.watch)
    return 0


def _send(args) -> int:
    from .output.send import send_all

    results = send_all(_config(args), lock_wait=args.wait)
    if not results:
        print("Nothing to send: every digest has been sent.")
    failed = 0
    for r in results:
        print(f"{r.period}: sent to {len(r.sent) + len(r.doubtful)} recipient(s)"
              + (f", {len(r.already)} already had it" if r.already else "")
              + (f", {len(r.failed)} failed" if r.failed else ""))
        for recipient, reason in r.failed:
            print(f"  failed: {recipient}: {reason}", file=sys.stderr)
        for recipient, reason in r.doubtful:
            print(f"  unconfirmed: {recipient}: {reason}", file=sys.stderr)
        failed += len(r.failed)
    return 1 if failed else 0


def _schedule(args) -> int:
    from .run.schedule import run_forever

    run_forever(_config(args))
    return 0


def _install_model(args) -> int:
    from .editorial.translate import install_package

    config = _config(args)
    folder = install_package(args.file.expanduser(), config.translate.models)
    print(f"Installed {folder.name} in {folder.parent}. Set translate.engine = \"argos\" in "
          f"{config.path.name} to use it.")
    return 0


def _summarize(args) -> int:
    from .api import read_text, summarize_text

    source, text = read_text(args.file)
    chars = args.chars
    if chars is None:
        try:
            chars = _config(args).digest.summary_chars
        except DigestError:
            chars = 180
    if args.sentences < 1:
        raise DigestError("--sentences must be at least 1")
    summaries = summarize_text(text, chars, source, args.sentences)
    if not summaries:
        raise DigestError("no article text found")
    for summary in summaries:
        print(summary.text)
    return 0
