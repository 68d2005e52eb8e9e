"""Stories: the same event across outlets, side by side.

Detection (:mod:`~framing.stories.detect`) groups articles into stories; alignment
(:mod:`~framing.stories.align`) finds what each version says that the others leave out;
:mod:`~framing.stories.profile` sets each outlet's framing of a story side by side;
:mod:`~framing.stories.stats` recomputes outlet differences within stories.
"""

from typing import Any

from framing.stories.params import StoryParams

__all__ = ["STORY_COLUMNS", "StoryParams", "detect_stories", "iter_stories", "story_of", "write_stories"]


def __getattr__(name: str) -> Any:
    """The detector (scikit-learn, pandas) is imported on first use, not with the package."""
    if name in __all__:
        from framing.stories import detect

        return getattr(detect, name)
    raise AttributeError(f"module 'framing.stories' has no attribute {name!r}")
