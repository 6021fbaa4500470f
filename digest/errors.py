"""The one error type the program raises on purpose.

Everything the user can cause or fix (bad config, a locked state file, a port
in use) is a :class:`DigestError`; the CLI catches it in one place and prints
its message as a single line.
"""


class DigestError(Exception):
    """A problem the user can understand and act on."""


class ConfigError(DigestError):
    """The configuration file is missing, malformed or has a bad value."""


class LockedError(DigestError):
    """Another run holds the lock on the state file."""
