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


class SourceError(DigestError):
    """A remote source (feed or page) could not be fetched; the message says why."""


class Unusable(Exception):
    """A source that yields no article; ``status`` is "skipped" or "failed".

    Not a DigestError: the build records it against the file and goes on.
    """

    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason
