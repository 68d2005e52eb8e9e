"""Where vaderSentiment's valence file is: the graded layer reads it, and the lexicon's disk
cache key holds its bytes. Apart from :mod:`framing.lexicon.graded` (pydantic models) so
that computing the key on a cache hit imports no pydantic."""

from __future__ import annotations

from pathlib import Path


def vader_path() -> Path:
    """The valence file inside the installed vaderSentiment package."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
