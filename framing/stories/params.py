"""The story detector's settings, apart from the detector so the CLI can show their defaults
without importing scikit-learn (building the parser stays light: tests/test_cli.py)."""

from __future__ import annotations

from dataclasses import dataclass

from framing.errors import FramingError


@dataclass(frozen=True)
class StoryParams:
    """The detector's settings (defaults chosen on the FA-KES dev pairs: docs/stories.md)."""

    #: cosine between an article and a story's centroid needed to join it
    threshold: float = 0.3
    #: a story stays open this many days after its latest article
    window_days: int = 5
    #: extra cosine needed to join a story that only the article's own outlet has told
    same_outlet_margin: float = 0.1
    #: words of the body read after the headline (the lead says what happened)
    lead_words: int = 100
    #: the headline's words count this many times
    title_weight: int = 2
    n_features: int = 2**20
    #: articles compared at once (bounds the per-batch similarity matrices)
    batch_size: int = 1000
    #: TF-IDF cosine below which two members are not compared as copies (most pairs)
    copy_cosine: float = 0.4
    #: shingle Jaccard for ``copy_of``: the value ``framing compare`` groups folds with
    copy_jaccard: float = 0.3
    #: terms in a story's label
    label_terms: int = 5

    def __post_init__(self) -> None:
        if not 0 < self.threshold <= 1:
            raise FramingError(f"story threshold must be in (0, 1], got {self.threshold}")
        if self.window_days < 0:
            raise FramingError(f"story window must be zero or more days, got {self.window_days}")
        if self.lead_words < 1:
            raise FramingError(f"lead words must be at least 1, got {self.lead_words}")
