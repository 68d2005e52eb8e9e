"""Stories: the same event across outlets, side by side.

Detection (:mod:`~framing.stories.detect`) groups articles into stories; alignment
(:mod:`~framing.stories.align`) finds what each version says that the others leave out;
:mod:`~framing.stories.profile` sets each outlet's framing of a story side by side;
:mod:`~framing.stories.stats` recomputes outlet differences within stories.
"""

from framing.stories.detect import (
    STORY_COLUMNS,
    StoryParams,
    detect_stories,
    iter_stories,
    story_of,
    write_stories,
)

__all__ = ["STORY_COLUMNS", "StoryParams", "detect_stories", "iter_stories", "story_of", "write_stories"]
