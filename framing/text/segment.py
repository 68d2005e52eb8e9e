"""Paragraph and sentence segmentation with character offsets.

Placeholder implementation: replaced by the segmentation work (issue 4).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PARA = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
_SENT = re.compile(r"[^.!?]+(?:[.!?]+[\"'\u201d\u2019)]*|$)")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    kind: str = "body"  # body | headline | caption | heading


def paragraphs(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in _PARA.finditer(text) if m.group().strip()]


def sentences(text: str, paras: list[Span] | None = None) -> list[Sentence]:
    out: list[Sentence] = []
    for pi, p in enumerate(paras if paras is not None else paragraphs(text)):
        chunk = text[p.start : p.end]
        for m in _SENT.finditer(chunk):
            s = m.group()
            if not s.strip():
                continue
            lead = len(s) - len(s.lstrip())
            trail = len(s) - len(s.rstrip())
            out.append(Sentence(p.start + m.start() + lead, p.start + m.end() - trail, pi))
    return out
