"""framing: how news outlets frame a story and how well they source it."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("framing")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]

import logging as _logging

# A library logs, the CLI prints: no output unless the application configures logging.
_logging.getLogger("framing").addHandler(_logging.NullHandler())
