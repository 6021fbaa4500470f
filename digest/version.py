"""The program's version, for the package, the command line and the fetcher's User-Agent."""

__version__ = "0.1.0"
