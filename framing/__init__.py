"""framing: how news outlets frame a story and how well they source it."""

import logging as _logging
from typing import Any as _Any

__all__ = ["__version__"]


def __getattr__(name: str) -> _Any:
    # looked up on first use: importlib.metadata costs more than the rest of `import framing`,
    # and `framing analyze FILE` never reads the version
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("framing")
        except PackageNotFoundError:  # running from a source tree that is not installed
            value = "0.0.0+unknown"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# A library logs, the CLI prints: no output unless the application configures logging.
_logging.getLogger("framing").addHandler(_logging.NullHandler())
