"""What the lexicons already hold: so a suggestion says whether it is new.

A term is ``exact`` when one lexicon entry matches all of it (the project's matcher, so
plurals, possessives and case rules count as they do in analysis), ``contains`` when an
entry matches part of it ("regime forces" holds "regime"), else new. A term a researcher's
own files hold with ``status = "rejected"`` is ``rejected``, one still ``"suggested"`` there is
``drafted``: neither is proposed again in a new draft.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from framing.discover.tokens import Vocabulary
from framing.lexicon import Entry, Lexicon, Matcher, load_lexicon, variants
from framing.lexicon.load import other_kind, parse_file

EXACT, CONTAINS, REJECTED, DRAFTED = "exact", "contains", "rejected", "drafted"
#: how listings mark each status
MARKS = {EXACT: " [lexicon]", CONTAINS: " [has a lexicon term]", REJECTED: " [rejected]", DRAFTED: " [drafted]"}


@dataclass
class Known:
    """The lexicon a suggestion run compares against."""

    lexicon: Lexicon
    #: every entry in the researcher's own files, whatever its status
    reviewed: Matcher

    @classmethod
    def load(cls, extra: Sequence[str | Path] = ()) -> Known:
        lex = load_lexicon(tuple(extra))
        own: list[Entry] = []
        for p in extra:
            paths = sorted(Path(p).glob("*.toml")) if Path(p).is_dir() else [Path(p)]
            for f in paths:
                if other_kind(f) is None:
                    own.extend(parse_file(f).entries)
        return cls(lex, Matcher(own))

    def status(self, phrase: str) -> tuple[str, Entry | None]:
        """(``exact`` | ``contains`` | ``rejected`` | ``drafted`` | "", the entry) for a phrase
        as written."""
        phrase = " ".join(phrase.split())
        for matcher in (self.lexicon.matcher(), self.reviewed):
            whole = [m.entry for m in matcher.find(phrase) if m.start == 0 and m.end == len(phrase)]
            if whole:
                e = whole[0]
                return {"rejected": REJECTED, "suggested": DRAFTED}.get(e.status, EXACT), e
        hits = self.lexicon.matcher().find(phrase)
        return (CONTAINS, hits[0].entry) if hits else ("", None)


def entry_codes(vocab: Vocabulary, entries: Iterable[Entry]) -> dict[int, Entry]:
    """The n-gram code of every form (and inflection) of entries that name a referent, as the
    counting passes see it: where the corpus uses the lexicon's names."""
    out: dict[int, Entry] = {}
    for e in entries:
        if not e.referent:
            continue
        for form in e.forms:
            for v in variants(" ".join(form.split()), e.inflect):
                code = vocab.code(v)
                if code is not None:
                    out.setdefault(code, e)
    return out
