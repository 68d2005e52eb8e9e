"""Source typing: person, organization, document, media, anonymous or unknown."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from framing.sourcing.cues import SourcingLexicon, default_lexicon
from framing.sourcing.nounphrase import is_name
from framing.sourcing.words import ADJ_SUFFIX, DEF, INDEF, PRONOUNS, QUANT_DETS, TITLE_ABBR, TOK

_MEDIA_KINDS = ("broadcast", "news", "paper", "agency", "web", "magazine", "radio", "tv",
                "television", "outlet", "site", "wire", "channel", "daily", "press")
_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|(?:[A-Z]\.){2,})$")


@lru_cache(maxsize=1)
def _registry() -> Any:
    """The outlet registry, or None where it is unavailable (media nouns still work)."""
    try:
        from framing.io.outlets import OutletRegistry

        return OutletRegistry.default()
    except Exception:  # noqa: BLE001 - registry missing or invalid: fall back to nouns
        return None


def _head_word(words: list[str]) -> str:
    for j, w in enumerate(words):
        if j > 0 and w in ("of", "for", "in", "at", "from"):
            return words[j - 1]
    return words[-1]


def classify_source(np: str, context: str, lex: SourcingLexicon | None = None) -> str:
    """Source type of a noun phrase; ``context`` is the clause around it (anonymity markers)."""
    lex = lex or default_lexicon()
    low = context.lower()
    if context and any(w in low for w in lex.anon_hint) and any(
            " " in context[a:b] for a, b in lex.anon_markers.finditer(context)):
        return "anonymous"  # in the clause only phrases count ("who asked not to be named")
    if lex is default_lexicon():
        return _classify_default(np)
    return _classify_np(np, lex)


@lru_cache(maxsize=8192)
def _classify_default(np: str) -> str:
    # sources repeat within and across articles ("the Observatory said"): cache per process
    return _classify_np(np, default_lexicon())


_POSSESSIVE = re.compile(r"['\u2019]s$")


def _classify_np(np: str, lex: SourcingLexicon) -> str:
    raw_words = TOK.findall(np)
    raw_words = [w for w in raw_words if w[0].isalnum()]
    if not raw_words:
        return "unknown"
    words = [_POSSESSIVE.sub("", w.lower()) for w in raw_words]
    if len(words) == 1 and words[0] in PRONOUNS:
        return PRONOUNS[words[0]]
    head = _head_word(words)
    first = words[0]
    if lex.anon_markers.search(np):
        return "anonymous"
    if head in lex.anon_always:
        return "anonymous"
    hi = words.index(head)
    if head in lex.vague_heads and not any(is_name(w) for w in raw_words[hi + 1:]) and (
        first in INDEF or first in QUANT_DETS or first == head or first not in DEF
    ):
        return "vague"  # "critics", "some experts", "many", "others": nobody in particular
    if head in lex.anon_heads and (first in INDEF or (head.endswith("s") and first not in DEF)):
        has_name = any(is_name(w) and w.lower() not in lex.source_nouns for w in raw_words[1:])
        if not has_name or first in INDEF or all(
            w.lower().endswith(ADJ_SUFFIX) or w.lower() in lex.source_nouns
            for w in raw_words if is_name(w)
        ):
            return "anonymous"
    # a title or role before a name: "Observatory director Rami Abdel Rahman"
    if is_name(raw_words[-1]) and lex.source_nouns.get(head) is None:
        for w, rw in zip(words[:-1], raw_words[:-1], strict=True):
            if lex.source_nouns.get(w) == "person" and (rw[0].islower() or w in TITLE_ABBR):
                return "person"
    reg = _registry()
    if reg is not None:
        try:
            found = reg.find_mentions(np)
        except Exception:  # noqa: BLE001 - registry failure must not stop extraction
            found = []
        for _s, _e, outlet in found:
            kind = str(getattr(outlet, "kind", "")).lower()
            # the registry also lists monitors and NGOs that publish (SOHR): not media
            return "media" if any(k in kind for k in _MEDIA_KINDS) else "organization"
    low = " ".join(words)
    last = raw_words[-1]
    if len(raw_words) > 1 and last in lex.name_words:
        return lex.name_words[last]  # "The Washington Post", "Fox News"
    head_i = words.index(head)
    if head_i < len(words) - 1 and is_name(raw_words[head_i]) and head not in lex.source_nouns:
        return "person"  # "Ross Eisenbrey of the Economic Policy Institute"
    head_type = lex.source_nouns.get(head)
    if head_type == "document" and raw_words[head_i][0].isupper() and head_i > 0:
        head_type = None  # "The Huffington Post": a capitalised name, not a post
    if head_type == "media" and (head != "agency" and head != "news"):
        return "media"
    if any(phrase in low for phrase in lex.media_phrases):
        return "media"
    if head_type in ("document", "organization"):
        return head_type
    if head_type == "person":
        return "person"
    if _ACRONYM.match(raw_words[-1]):
        return "organization"
    if low in lex.source_nouns:
        return lex.source_nouns[low]
    if any(lex.source_nouns.get(w) == "organization" for w in words[-2:]):
        return "organization"
    if is_name(raw_words[-1]):
        if first == "the":
            return "organization"
        return "person"
    return "unknown"
