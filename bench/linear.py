"""Reading hostile files: CPU time of each shape at 256 KB and 1 MB, and its growth.

The shapes are those of tests/test_linear_input.py (pages with unclosed scripts, deep
nesting, Markdown of brackets, emphasis, fences, text of stray markup ...). Each file is
read in its own process the way a build reads it (reader, cleaner, duplicate signature);
linear work grows about 4 times from 256 KB to 1 MB, quadratic work about 16 times.

    python bench/linear.py

Prints a Markdown table (the "after" column of bench/HOSTILE.md's "Files and pages").
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_linear_input import LARGE, SHAPES, SMALL  # noqa: E402

CHILD = """
import sys
from pathlib import Path
from tests.test_linear_input import cpu_to_read
path = Path(sys.argv[1])
warm = path.with_name("warm-" + path.name)
cpu_to_read(warm)
print(cpu_to_read(path))
"""


def cpu(path: Path) -> float:
    done = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def main() -> int:
    lines = ["| shape | CPU at 256 KB | CPU at 1 MB | growth |", "|---|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for name in sorted(SHAPES):
            times = []
            for size in (SMALL, LARGE):
                path = Path(tmp) / f"{size}-{name}"
                path.write_text(SHAPES[name](size), encoding="utf-8")
                path.with_name("warm-" + path.name).write_text(SHAPES[name](4096), encoding="utf-8")
                times.append(cpu(path))
            growth = times[1] / max(times[0], 0.05)
            lines.append(f"| `{name}` | {times[0]:.2f} s | {times[1]:.2f} s | {growth:.1f} |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
