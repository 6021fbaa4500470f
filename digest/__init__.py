"""digest: a weekly bilingual email digest of Chinese articles on AI and markets.

The Python API mirrors the CLI::

    from digest import build, load_config
    result = build(load_config("config.toml"))
    print(result.message)
"""

import os

from .version import __version__

# The similarity matrices here are small: BLAS threads would only spin against the
# worker processes, so numpy's BLAS runs on one thread unless the user says otherwise.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

__all__ = ["build", "BuildResult", "load_config", "summarize_text", "__version__"]


def __getattr__(name):
    # Imported on first use, so that `digest --help` and a build with nothing
    # new stay fast (no jieba or OpenCC loading).
    if name == "load_config":
        from .config import load
        return load
    if name in ("build", "BuildResult"):
        from .run import pipeline
        return getattr(pipeline, name)
    if name == "summarize_text":
        from .api import summarize_text
        return summarize_text
    raise AttributeError(name)
