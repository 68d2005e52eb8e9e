"""The garbage collector during a command's start-up: off until the first result, then the
objects start-up built are frozen out of later collections.

Start-up (imports, the lexicon and its automaton, each family's tables) builds some 300,000
objects that live as long as the process; with the collector on, each is traversed at least
once more (14 young collections and one older one: 0.08-0.14 of 0.8 CPU-s of ``framing
analyze FILE``) and none is ever freed by it. Reference counting still frees everything
acyclic while the collector is off, so the cost is at most the cyclic garbage of one
start-up, collected once the collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def first_without_collector(items: Iterable[T]) -> Iterator[T]:
    """``items``, with the collector off until the first one is made; then what is alive is
    frozen (``gc.freeze``: later collections skip it) and the collector is on again as it
    was. When the iteration ends (or fails) the frozen objects go back to the oldest
    generation (unless something else had frozen objects before), so a caller in Python
    keeps its collector as it was."""
    was_on, frozen_before = gc.isenabled(), gc.get_freeze_count()
    gc.disable()
    resumed = False
    try:
        for item in items:
            if not resumed:
                resumed = True
                _resume(was_on)
            yield item
    finally:
        if not resumed:
            _resume(was_on)
        if frozen_before == 0:
            gc.unfreeze()


def _resume(was_on: bool) -> None:
    gc.freeze()
    if was_on:
        gc.enable()
