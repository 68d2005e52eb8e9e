"""Attribution extraction: who is said to say what, with character offsets.

Rule-based and shallow on purpose (no parser): it must run at >= 1,000 articles/s and
work on text that lost its commas (FA-KES). One regex pass finds every cue from
lexicons/cues.toml; for each cue a few local rules find the source noun phrase (before
the cue: "X said"; after it: "according to X", "citing X", '"...," said X'), the content
(the rest of the sentence, or the quotation next to the cue) and the source type.
Then three passes over the list: "citing" attributions nest as ``cites`` of the
attribution they sit in, paragraphs that are only a quotation continue the previous
paragraph's speaker, and "he"/"she"/"it" resolve to the last compatible named source when
exactly one candidate is in reach.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from framing.sourcing.cues import Cue, SourcingLexicon, default_lexicon
from framing.text import Document

# tokens: dotted acronyms (U.S.), words with inner apostrophes/hyphens/dots, single marks
_TOK = re.compile(r"(?:[A-Za-z]\.){2,}|\w(?:[\w'\u2019\-]*\w)?|[^\w\s]")
_QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
_OPEN_Q = "\"\u201c\u201e\u00ab"

_DETS = frozenset(
    """the a an this these those another one two three four five several some many most other
    both all his her its their our my your each every any few""".split()
)
_INDEF = frozenset("a an one two three four five several some many other another few".split())
_DEF = frozenset("the this these those his her its their our my your".split())
_PRONOUNS = {"he": "person", "she": "person", "i": "person", "it": "unknown", "they": "unknown",
             "we": "unknown", "you": "unknown"}
# words that end a noun phrase when scanning (prepositions, conjunctions, verbs of being ...)
_FUNCTION = frozenset(
    """that which who whom whose and or but as in on at to from with by into over after before
    when while because if than then is was were are be been being has have had do did does not
    also would will could should may might can must there here what where why how said says
    says told after about against between during under since until upon without within via
    so yet nor just only even still already again""".split()
)
_CONNECTORS = frozenset("of for de du al el bin ibn la le van von der".split())
_PLACE_CONNECTORS = frozenset(("in", "at", "from"))
# capitalised words that begin sentences or clauses but never names
_STOP_CAP = frozenset(
    """On In At But And Or Meanwhile However Earlier Later Also Then When While After Before
    Since Last This That These Those There It He She They We I If As Yet So Still Now Today
    Yesterday Separately Speaking According Asked Citing Moreover Furthermore Indeed Instead
    Although Though Because For From With Under By During Over Amid Despite Following
    Having Being Hours Minutes Days Weeks Months Years
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December Jan Feb Aug Sept Oct Nov Dec Mr""".split()
) - {"Mr"}
_TITLE_ABBR = frozenset("mr mrs ms dr gen lt col maj capt sgt adm gov sen rep prof st".split())
# lower-case modifiers allowed inside a source noun phrase (besides source nouns)
_MODIFIERS = frozenset(
    """senior top local former military security government western eastern northern southern
    regional foreign chief deputy high-ranking high-level informed independent unidentified
    unnamed anonymous state official diplomatic intelligence police army opposition rebel
    medical hospital rescue civil defense defence health interior foreign-ministry
    pro-government pro-regime activist monitoring rights humanitarian relief aid news press
    media russian ministry presidential administration campaign party election white""".split()
)
_ADJ_SUFFIX = ("al", "ian", "ese", "ic", "ive", "ary", "ior", "ern", "ish", "ean")
_BE = frozenset("is are was were be been being".split())
_SKIP_BEFORE_CUE = frozenset(
    """also has have had later earlier previously further then recently separately again
    repeatedly publicly privately already just once quickly would will could may might
    reportedly later subsequently specifically explicitly initially did does do not never
    didn't didn\u2019t doesn't doesn\u2019t don't don\u2019t won't won\u2019t""".split()
)
_PARENTHETICAL = frozenset(
    """who which citing quoting speaking according a an the his her its their also in on
    adding noting himself herself itself one including both now then once former writing
    whose""".split()
)
_QUANTITY = frozenset(
    """percent several many most others all both half majority majorities minority five four
    three two plurality""".split()
)
_TIME_WORDS = frozenset("morning afternoon evening night".split())
_AUX_NOUN = frozenset("has have had will would could may might did does do".split())
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
_DESCRIPTOR = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[\w.\-]+-(?:based|language|run|backed|owned|affiliated|funded|linked|controlled|"
    r"speaking|leaning|friendly)\s+)+",
    re.IGNORECASE,
)
_NOT_SOURCE_AFTER = frozenset("plan plans schedule law laws rules tradition custom".split())
_TRAILING = re.compile(
    r"^[\s,]*(?:(?:on|in|at|late|early|earlier|later|last|this|that|yesterday|today|tonight|"
    r"recently|again|also|a|an|the|statement|interview|press|conference|briefing|told|"
    r"to|reporters|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|"
    r"year|night|morning|evening|afternoon|\w+day|\d+)\b[\s,]*)*[.!?\u2026]?[\"'\u201d\u2019)]*\s*$",
    re.IGNORECASE,
)
_THAT_AFTER = re.compile(r"\bthat\b")


@dataclass
class Extracted:
    """One attribution (offsets index the document text)."""

    cue: tuple[int, int]
    cue_info: Cue
    source: tuple[int, int] | None = None
    source_type: str = "unknown"
    content: tuple[int, int] | None = None
    direct_quote: bool = False
    cites: Extracted | None = None
    resolved: dict[str, Any] | None = None
    sentence: int = -1
    paragraph: int = -1
    continued: bool = False
    pronoun: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- helpers
def _is_name(t: str) -> bool:
    c = t[0]
    if c.isupper():
        return True
    tl = t.lower()
    return tl.startswith(("al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-")) and len(t) > 3


def _is_modifier(tl: str, lex: SourcingLexicon) -> bool:
    if tl in _FUNCTION or tl in _DETS or not tl[0].isalpha():
        return False
    if tl in lex.source_nouns or tl in _MODIFIERS or tl in lex.anon_heads:
        return True
    return tl.endswith(_ADJ_SUFFIX) and len(tl) > 4


def _tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _TOK.finditer(text, start, end)]


def _np_back(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon) -> int | None:
    """Index of the first token of the noun phrase ending at token ``i``, or None."""
    t = toks[i][2]
    tl = t.lower()
    if tl in _PRONOUNS:
        return i
    if tl in _QUANTITY or (tl == "%" and i > 0):
        # "52 percent said", "Several said", "all but two said": a share of people
        k = i - 1
        while k >= 0 and i - k < 6 and (toks[k][2][0].isdigit() or toks[k][2].lower() in
                                         ("about", "nearly", "almost", "some", "only", "just",
                                          "one", "in", "of", "the", "but", "all", "a", "%")):
            k -= 1
        return k + 1
    head_ok = (
        (_is_name(t) and t not in _STOP_CAP)
        or tl in lex.source_nouns
        or tl in lex.anon_heads
        or tl in lex.anon_always
    )
    if not head_ok or tl in _FUNCTION or tl in _DETS:
        return None
    start = i
    k = i - 1
    n_lower = 0
    while k >= 0 and i - k < 16:
        t = toks[k][2]
        tl = t.lower()
        if tl in _DETS:
            if tl in ("one", "two", "three", "four", "five") and k > 0 and toks[k - 1][2] == "of":
                break
            start = k
            if k >= 2 and toks[k - 1][2] in _PLACE_CONNECTORS | {"of", "for"} and (
                _is_name(toks[k - 2][2]) or toks[k - 2][2].lower() in lex.source_nouns
            ):
                k -= 1  # "the Organisation for the Prohibition of ...", "a spokesman at the ..."
                continue
            break
        if t in _PLACE_CONNECTORS and k > 0:
            prev = toks[k - 1][2]
            if (_is_name(prev) and prev not in _STOP_CAP) or prev.lower() in lex.source_nouns:
                start = k  # "A medical source in Aleppo said": the place belongs to the source
                k -= 1
                continue
            break
        if t == "." and k > 0 and toks[k - 1][2].lower() in _TITLE_ABBR:
            start = k - 1
            k -= 2
            continue
        if _is_name(t):
            if t in _STOP_CAP:
                break
            start = k
            k -= 1
            continue
        if tl in _CONNECTORS and k > 0:
            prev = toks[k - 1][2]
            if _is_name(prev) or prev.lower() in lex.source_nouns:
                start = k
                k -= 1
                continue
            break
        if _is_modifier(tl, lex) and n_lower < 3:
            n_lower += 1
            start = k
            k -= 1
            continue
        break
    return start


def _np_forward(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon) -> int | None:
    """Index of the last token of the noun phrase starting at token ``i``, or None."""
    if i >= len(toks):
        return None
    t = toks[i][2]
    tl = t.lower()
    if tl in _PRONOUNS and tl not in ("it", "you"):
        return i
    end = None
    k = i
    if tl in _DETS:
        k += 1
    n = 0
    pending = 0
    while k < len(toks) and n < 10:
        t = toks[k][2]
        tl = t.lower()
        if tl in lex.source_nouns or tl in lex.anon_heads or tl in lex.anon_always:
            end = k
            pending = 0
        elif _is_name(t) and t not in _STOP_CAP:
            end = k
        elif t == "." and end == k - 1 and toks[k - 1][2].lower() in _TITLE_ABBR:
            end = k
        elif tl in _CONNECTORS and end is not None and k + 1 < len(toks):
            nt = toks[k + 1][2]
            if not (_is_name(nt) or nt.lower() in _DETS or nt.lower() in lex.source_nouns):
                break
        elif tl in _DETS and end is not None and k > 0 and toks[k - 1][2].lower() in _CONNECTORS:
            pass
        elif (tl[0].isalpha() and tl not in _FUNCTION and tl not in _DETS and pending < 3
              and end is None):
            pending += 1  # "a new poll": adjectives before the head
        else:
            break
        k += 1
        n += 1
    return end


# ----------------------------------------------------------------------------- typing
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
    if context and any(" " in context[a:b] for a, b in lex.anon_markers.finditer(context)):
        return "anonymous"  # in the clause only phrases count ("who asked not to be named")
    if lex is default_lexicon():
        return _classify_default(np)
    return _classify_np(np, lex)


@lru_cache(maxsize=8192)
def _classify_default(np: str) -> str:
    # sources repeat within and across articles ("the Observatory said"): cache per process
    return _classify_np(np, default_lexicon())


def _classify_np(np: str, lex: SourcingLexicon) -> str:
    raw_words = _TOK.findall(np)
    raw_words = [w for w in raw_words if w[0].isalnum()]
    if not raw_words:
        return "unknown"
    words = [re.sub(r"['\u2019]s$", "", w.lower()) for w in raw_words]
    if len(words) == 1 and words[0] in _PRONOUNS:
        return _PRONOUNS[words[0]]
    head = _head_word(words)
    first = words[0]
    if lex.anon_markers.search(np):
        return "anonymous"
    if head in lex.anon_always:
        return "anonymous"
    if head in lex.anon_heads and (first in _INDEF or (head.endswith("s") and first not in _DEF)):
        has_name = any(_is_name(w) and w.lower() not in lex.source_nouns for w in raw_words[1:])
        if not has_name or first in _INDEF or all(
            w.lower().endswith(_ADJ_SUFFIX) or w.lower() in lex.source_nouns
            for w in raw_words if _is_name(w)
        ):
            return "anonymous"
    # a title or role before a name: "Observatory director Rami Abdel Rahman"
    if _is_name(raw_words[-1]) and lex.source_nouns.get(head) is None:
        for w, rw in zip(words[:-1], raw_words[:-1], strict=True):
            if lex.source_nouns.get(w) == "person" and (rw[0].islower() or w in _TITLE_ABBR):
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
    if head_i < len(words) - 1 and _is_name(raw_words[head_i]) and head not in lex.source_nouns:
        return "person"  # "Ross Eisenbrey of the Economic Policy Institute"
    head_type = lex.source_nouns.get(head)
    if head_type == "document" and raw_words[head_i][0].isupper() and head_i > 0:
        head_type = None  # "The Huffington Post": a capitalised name, not a post
    if head_type == "media" and (head != "agency" and head != "news"):
        return "media"
    for phrase, typ in lex.source_nouns.items():
        if typ == "media" and " " in phrase and phrase in low:
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
    if _is_name(raw_words[-1]):
        if first == "the":
            return "organization"
        return "person"
    return "unknown"


# ----------------------------------------------------------------------------- extraction
class _Ctx:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc: Document, lex: SourcingLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.sents = doc.sentences
        self.sent_starts = [s.start for s in self.sents]
        self.quotes = [q for q in doc.quotes if not q.is_short]
        self.q_starts = [q.start for q in self.quotes]
        self.q_ends = [q.end for q in self.quotes]

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def quote_ending_before(self, pos: int, lo: int) -> Any:
        k = bisect_right(self.q_ends, pos) - 1
        if k >= 0:
            q = self.quotes[k]
            gap = self.text[q.end:pos]
            if q.end >= lo - 1 and not gap.strip(" ,\u2014-\n") and q.inner_end > q.inner_start:
                return q
            # the closing mark may follow the comma: ',"' is inside q already
        return None

    def quote_starting_after(self, pos: int, limit: int) -> Any:
        k = bisect_right(self.q_starts, pos - 1)
        if k < len(self.quotes):
            q = self.quotes[k]
            if q.start <= limit:
                return q
        return None

    def inside_quote(self, pos: int) -> Any:
        k = bisect_right(self.q_starts, pos) - 1
        if k >= 0 and self.quotes[k].inner_start <= pos < self.quotes[k].inner_end:
            return self.quotes[k]
        return None


def _content_after(ctx: _Ctx, pos: int, s_end: int) -> tuple[tuple[int, int] | None, bool]:
    """Content following a cue (or source): a quotation next to it, else the clause."""
    text = ctx.text
    q = ctx.quote_starting_after(pos, min(s_end, pos + 40))
    if q is not None:
        between = text[pos:q.start]
        if re.fullmatch(r"[\s,:]*(?:that\s*)?|[\s,]*(?:in a statement|on \w+|to \w+)[\s,:]*", between):
            return _trim(text, q.inner_start, q.inner_end), True
    window = text[pos:min(s_end, pos + 120)]
    m = _THAT_AFTER.search(window)
    if m and len(window[:m.start()].split()) <= 10:
        pos = pos + m.end()
    while pos < s_end and text[pos] in " ,:\n\t":
        pos += 1
    end = s_end
    while end > pos and text[end - 1] in ".!?;, \n\"'\u201d\u2019":
        end -= 1
    if end - pos < 3:
        return None, False
    return (pos, end), False


def _content_before(ctx: _Ctx, src_start: int, s_start: int) -> tuple[tuple[int, int] | None, bool]:
    q = ctx.quote_ending_before(src_start, s_start)
    if q is not None:
        return _trim(ctx.text, q.inner_start, q.inner_end), True
    text = ctx.text
    end = src_start
    while end > s_start and text[end - 1] in " ,;:\n\u2014-":
        end -= 1
    start = s_start
    if end - start < 3:
        return None, False
    return (start, end), False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the comma before a closing quote mark ('...,"' -> '...')."""
    while end > start and text[end - 1] in ", \n":
        end -= 1
    return start, end


def _skip_brackets(toks: list[tuple[int, int, str]], i: int) -> int:
    """Index of the token before the '(' that matches the ')' at ``i`` (or ``i`` itself)."""
    k = i - 1
    while k >= 0 and i - k < 12:
        if toks[k][2] == "(":
            return k - 1
        k -= 1
    return i


def _apposition(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon) -> int:
    """'Jenna Golden, Twitter's director of political advertising, said': index of 'Golden'.

    Up to three comma-separated segments back, with no quotation mark in between, a name
    whose noun phrase starts the sentence (or follows a comma) heads an apposition.
    """
    commas = 0
    k = i - 1
    while k > 0 and i - k < 30:
        t = toks[k][2]
        if t in _QUOTE_CHARS or t in ";:":
            return -1
        if t == ",":
            commas += 1
            if commas > 3:
                return -1
            name = toks[k - 1][2]
            if _is_name(name) and name not in _STOP_CAP:
                start = _np_back(toks, k - 1, lex)
                if start is not None and (start == 0 or toks[start - 1][2] == ","):
                    return k - 1
        k -= 1
    return -1


def _skip_parenthetical(toks: list[tuple[int, int, str]], i: int) -> tuple[int, str]:
    """At a comma before the cue: skip ', who asked not to be named,' and similar clauses."""
    j = i - 1
    while j >= 0 and toks[j][2] != "," and i - j < 25:
        j -= 1
    if j < 1 or toks[j][2] != ",":
        return -1, ""
    inner = toks[j + 1:i]
    if inner and all(_is_name(t[2]) or t[2] == "." for t in inner) and inner[0][2] not in _STOP_CAP:
        return i - 1, ""  # an apposed name: 'his spokesman, Peter Cook, said' -> Peter Cook
    first = toks[j + 1][2]
    if first.lower() not in _PARENTHETICAL and not first.isdigit():
        return -1, ""  # ', 70,' (an age) and ', one of the signatories,' are skipped
    clause = " ".join(t[2] for t in inner)
    if j >= 2 and toks[j - 1][2].isdigit() and toks[j - 2][2] == ",":
        j -= 2  # 'Yin Myint May, 60, a doctor, said'
    return j - 1, clause


def extract(doc: Document, lex: SourcingLexicon | None = None) -> list[Extracted]:
    """All attributions in a document, in text order."""
    lex = lex or default_lexicon()
    ctx = _Ctx(doc, lex)
    text = doc.text
    out: list[Extracted] = []
    consumed: set[int] = set()
    for ms, me in lex.cue_finder.finditer(text):
        if ms in consumed:
            continue
        cue = lex.cues.get(text[ms:me])
        if cue is None:
            continue
        si = ctx.sentence_of(ms)
        if si < 0:
            continue
        sent = ctx.sents[si]
        a = _one(ctx, ms, me, cue, sent.start, sent.end, consumed)
        if a is None:
            continue
        if a.source is not None and text[a.source[0]:a.source[1]].lower() in ("i", "we", "you") \
                and ctx.inside_quote(ms) is not None:
            continue  # "where I say ..." inside a quotation: the quoted speaker's own words
        a.sentence = si
        a.paragraph = sent.paragraph
        out.append(a)
    out = _nest_citing(out)
    out = _continuations(ctx, out)
    _resolve_pronouns(ctx, out)
    return out


def _one(
    ctx: _Ctx, cs: int, ce: int, cue: Cue, s_start: int, s_end: int, consumed: set[int]
) -> Extracted | None:
    text, lex = ctx.text, ctx.lex
    left = _tokens(text, max(s_start, cs - 200), cs)
    right = _tokens(text, ce, min(s_end, ce + 120))
    a = Extracted(cue=(cs, ce), cue_info=cue)

    i = len(left) - 1
    prev = left[i][2] if i >= 0 else ""
    # "the said agreement", "the reported attack", "Russia's claims", "That said,"
    if prev.lower() in _DETS or prev.endswith(("'s", "\u2019s")) or (
        prev.lower() == "that" and right and right[0][2] == ","
    ):
        return None
    if right and right[0][2] in lex.cues and cue.lemma in ("report", "claim"):
        return None  # "reports said": a noun before a verb
    nxt = right[0][2].lower() if right else ""
    if nxt == "by" or (cue.lemma == "add" and nxt == "to"):
        return None  # "written by", "reporting by", "adding to her lead"
    form = text[cs:ce]
    if form.endswith("s") and prev.lower() in _AUX_NOUN:
        return None  # "Taiwan have claims": a noun after an auxiliary
    clause = ""
    # skip auxiliaries, adverbs and a weekday between subject and cue ("has also said",
    # "X on Monday said")
    while i >= 0 and (left[i][2].lower() in _SKIP_BEFORE_CUE or left[i][2] in _WEEKDAYS
                      or (left[i][2] in _TIME_WORDS and i > 0 and left[i - 1][2] in _WEEKDAYS)
                      or (left[i][2] == "on" and i + 1 < len(left)
                          and left[i + 1][2] in _WEEKDAYS)):
        i -= 1
    if i >= 0 and left[i][2].lower() in _BE:
        if not text[cs:ce].endswith("ing"):
            return _passive_quoted(ctx, a, left, i, right, consumed) if cue.lemma == "quote" else None
        i -= 1  # progressive "is declaring": active voice
        while i >= 0 and left[i][2].lower() in _SKIP_BEFORE_CUE:
            i -= 1
    if i >= 0 and left[i][2].lower() in ("and", "but") and cue.klass != "citing":
        return _participle(ctx, a, s_start)  # "X did this and said ...": the clause subject

    if cue.lemma == "say" and text[cs:ce] == "saying" and prev.lower() == "as":
        return None  # handled with "quoted ... as saying"

    src: tuple[int, int] | None = None
    if cue.source in ("before", "either") and cue.klass != "citing":
        if i >= 0 and left[i][2] == ",":
            j, clause = _skip_parenthetical(left, i)
            if j < 0:
                j = _apposition(left, i, lex)
            if j >= 0:
                i = j
            elif text[cs:ce] in ("saying", "adding", "noting", "writing", "telling", "warning",
                                 "claiming", "insisting", "arguing", "denying", "accusing",
                                 "stating", "explaining"):
                return _participle(ctx, a, s_start)
        if i >= 0 and left[i][2] == ")":
            i = _skip_brackets(left, i)  # "Sen. Mitch McConnell (R-Ky.) said"
        if i >= 0 and left[i][2] not in ",;:'\u2019" and left[i][2] not in _QUOTE_CHARS:
            k = _np_back(left, i, lex)
            if k is not None:
                src = (left[k][0], left[i][1])
    if src is not None:
        src = _strip_descriptor(text, src)
        a.source = src
        a.source_type = classify_source(text[src[0]:src[1]], clause + " " + text[ce:ce + 60], lex)
        if cue.requires == "document" and a.source_type != "document":
            return None
        if form.endswith("ing") and a.source_type == "document" and \
                text[src[0]:src[1]].lower().startswith(("a ", "an ")):
            # "Black Lives Matter issued a statement saying ...": the issuer speaks
            subj = _participle(ctx, Extracted(cue=a.cue, cue_info=cue), s_start)
            if subj is not None and subj.source is not None and subj.source[1] <= src[0]:
                return subj
        if a.source_type in ("person", "unknown") and text[src[0]:src[1]].lower() in _PRONOUNS:
            a.pronoun = text[src[0]:src[1]].lower()
        if cue.lemma == "quote":
            _quoted_as_saying(ctx, a, right, consumed)
            if a.cites is not None:
                return a
        if cue.lemma == "tell" and right:
            # "X told AFP (that) ...": skip the addressee
            r_end = _np_forward(right, 0, lex)
            if r_end is None and right[0][2].lower() in ("reporters", "journalists", "me", "us",
                                                         "him", "her", "them", "lawmakers"):
                r_end = 0
            pos = right[r_end][1] if r_end is not None else ce
            tail = text[pos:s_end]
            if _TRAILING.match(tail) or lex.anon_markers.search(tail[:40]):
                a.content, a.direct_quote = _content_before(ctx, src[0], s_start)
            else:
                a.content, a.direct_quote = _content_after(ctx, pos, s_end)
            return a
        tail = text[ce:s_end]
        if _TRAILING.match(tail):
            a.content, a.direct_quote = _content_before(ctx, src[0], s_start)
        else:
            a.content, a.direct_quote = _content_after(ctx, ce, s_end)
        return a

    if cue.requires:
        return None
    # source after the cue: "according to X", "citing X", '"...," said X'
    after_ok = cue.source in ("after", "either") or cue.klass == "citing"
    if not after_ok:
        return None
    if cue.source == "either" and not (i < 0 or left[i][2] in ",'\u2019" or left[i][2] in _QUOTE_CHARS):
        return None
    k = 0
    if cue.lemma == "tell" or not right:
        return None
    end = _np_forward(right, k, lex)
    if end is None:
        return None
    src = (right[k][0], right[end][1])
    if text[src[0]:src[1]].lower() in _NOT_SOURCE_AFTER:
        return None
    src = _strip_descriptor(text, src)
    a.source = src
    a.source_type = classify_source(text[src[0]:src[1]], text[src[1]:src[1] + 60], lex)
    if cue.klass == "citing":
        return a
    before_text = text[s_start:cs].strip(" ,\n")
    if cue.source == "after" and len(before_text.split()) <= 1:
        a.content, a.direct_quote = _content_after(ctx, src[1], s_end)
    else:
        a.content, a.direct_quote = _content_before(ctx, cs, s_start)
    return a


def _strip_descriptor(text: str, src: tuple[int, int]) -> tuple[int, int]:
    """'Lebanon-based Arabic-language al-Mayadeen news network' -> 'al-Mayadeen news network'."""
    m = _DESCRIPTOR.match(text, src[0], src[1])
    if m and m.end() < src[1]:
        return (m.end(), src[1])
    return src


def _participle(ctx: _Ctx, a: Extracted, s_start: int) -> Extracted | None:
    """'X denied the report, saying ...': the source is the sentence's subject (filled later)."""
    a.extra["participle"] = True
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = _content_after(ctx, a.cue[1], s_end)
    toks = _tokens(ctx.text, s_start, min(a.cue[0], s_start + 160))
    b = 0
    for j, t in enumerate(toks[:5]):
        if t[2] == ",":
            b = j + 1  # "Hours later, Trump ..., telling": skip the opener
            break
    end = _np_forward(toks, b, ctx.lex) if len(toks) > b else None
    if end is None:
        return None
    src = (toks[b][0], toks[end][1])
    a.source = _strip_descriptor(ctx.text, src)
    np = ctx.text[a.source[0]:a.source[1]]
    a.source_type = classify_source(np, "", ctx.lex)
    if np.lower() in _PRONOUNS:
        a.pronoun = np.lower()
    if a.source_type == "unknown" and not a.pronoun:
        return None
    return a


def _quoted_as_saying(
    ctx: _Ctx, a: Extracted, right: list[tuple[int, int, str]], consumed: set[int]
) -> None:
    """'X quoted Y as saying ...': Y is cited by X."""
    end = _np_forward(right, 0, ctx.lex)
    if end is None or end + 2 >= len(right):
        return
    if right[end + 1][2] != "as" or right[end + 2][2] not in ("saying", "telling"):
        return
    y = (right[0][0], right[end][1])
    say = right[end + 2]
    consumed.add(say[0])
    cited = Extracted(cue=(say[0], say[1]), cue_info=a.cue_info, source=y)
    cited.source_type = classify_source(ctx.text[y[0]:y[1]], ctx.text[y[1]:y[1] + 60], ctx.lex)
    a.cites = cited
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = _content_after(ctx, say[1], s_end)


def _passive_quoted(
    ctx: _Ctx,
    a: Extracted,
    left: list[tuple[int, int, str]],
    i: int,
    right: list[tuple[int, int, str]],
    consumed: set[int],
) -> Extracted | None:
    """'Y was quoted (by X) as saying': source Y (or X citing Y)."""
    j = i - 1
    if j < 0:
        return None
    k = _np_back(left, j, ctx.lex)
    if k is None:
        return None
    y = (left[k][0], left[j][1])
    text = ctx.text
    r = 0
    by = None
    if right and right[0][2] == "by":
        end = _np_forward(right, 1, ctx.lex)
        if end is not None:
            by = (right[1][0], right[end][1])
            r = end + 1
    if r + 1 >= len(right) or right[r][2] != "as" or right[r + 1][2] != "saying":
        return None
    consumed.add(right[r + 1][0])
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = _content_after(ctx, right[r + 1][1], s_end)
    y_type = classify_source(text[y[0]:y[1]], "", ctx.lex)
    if by is None:
        a.source, a.source_type = y, y_type
        return a
    a.source = by
    a.source_type = classify_source(text[by[0]:by[1]], "", ctx.lex)
    a.cites = Extracted(cue=a.cue, cue_info=a.cue_info, source=y, source_type=y_type)
    return a


# ----------------------------------------------------------------------------- passes
def _nest_citing(atts: list[Extracted]) -> list[Extracted]:
    """Attach each 'citing X' to the attribution of the same sentence that relays it."""
    out: list[Extracted] = []
    citing = [a for a in atts if a.cue_info.klass == "citing"]
    if not citing:
        return atts
    hosts = [a for a in atts if a.cue_info.klass != "citing"]
    used: set[int] = set()
    for c in citing:
        host = None
        for h in hosts:
            if h.sentence == c.sentence and h.cites is None and h.source is not None:
                if host is None or abs(h.cue[0] - c.cue[0]) < abs(host.cue[0] - c.cue[0]):
                    host = h
        if host is not None:
            host.cites = c
            used.add(id(c))
    for a in atts:
        if id(a) not in used:
            out.append(a)
    return out


def _continuations(ctx: _Ctx, atts: list[Extracted]) -> list[Extracted]:
    """A paragraph that is only a quotation, with no cue, continues the previous speaker."""
    if not atts or not ctx.quotes:
        return atts
    by_para: dict[int, list[Extracted]] = {}
    for a in atts:
        by_para.setdefault(a.paragraph, []).append(a)
    paras = ctx.doc.paragraphs
    text = ctx.text
    added: list[Extracted] = []
    for pi, p in enumerate(paras):
        if pi == 0 or pi in by_para or text[p.start] not in _OPEN_Q:
            continue
        k = bisect_right(ctx.q_starts, p.start) - 1
        if k < 0:
            continue
        q = ctx.quotes[k]
        if q.start > p.start or q.end < p.end - 2:
            continue
        prev = by_para.get(pi - 1)
        if not prev:
            continue
        last = prev[-1]
        if last.source is None:
            continue
        inner = (max(q.inner_start, p.start + 1), min(q.inner_end, p.end))
        cont = Extracted(
            cue=last.cue, cue_info=last.cue_info, source=last.source,
            source_type=last.source_type, content=inner, direct_quote=True,
            sentence=ctx.sentence_of(p.start), paragraph=pi, continued=True,
            pronoun=last.pronoun,
        )
        cont.resolved = {
            "from": None,
            "to": _span(text, last.source),
            "rule": "quotation paragraph continues the previous paragraph's speaker",
        }
        by_para[pi] = [cont]
        added.append(cont)
    if not added:
        return atts
    return sorted(atts + added, key=lambda a: (a.content or a.cue)[0] if a.continued else a.cue[0])


def _name_key(np: str) -> str:
    words = [w for w in _TOK.findall(np) if _is_name(w) and w not in _STOP_CAP]
    if not words:
        return np.lower()
    key = re.sub(r"['\u2019]s$", "", words[-1]).lower()
    return re.sub(r"^(?:al|el|ad|as|ash|bin|ibn)-", "", key)


def _resolve_pronouns(ctx: _Ctx, atts: list[Extracted]) -> None:
    """he/she -> the one named person source of the last three paragraphs; it -> organisation."""
    text = ctx.text
    for n, a in enumerate(atts):
        if not a.pronoun or a.continued or a.pronoun not in ("he", "she", "it"):
            continue
        want = ("person",) if a.pronoun in ("he", "she") else ("organization", "media", "document")
        window = 3 if a.pronoun in ("he", "she") else 2
        names: dict[str, Extracted] = {}
        last: Extracted | None = None
        for b in atts[:n]:
            if b.source is None or b.pronoun or b.paragraph < a.paragraph - window:
                continue
            if b.sentence < a.sentence - (6 if a.pronoun != "it" else 2):
                continue
            if b.source_type in want:
                names[_name_key(text[b.source[0]:b.source[1]])] = b
                last = b
        if last is None or len(names) != 1:
            continue
        a.source_type = last.source_type
        a.resolved = {
            "from": _span(text, a.source) if a.source else None,
            "to": _span(text, last.source) if last.source else None,
            "rule": f"'{a.pronoun}' -> the only {'/'.join(want)} source in reach",
        }


# ----------------------------------------------------------------------------- output
def _span(text: str, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": text[span[0]:span[1]], "start": span[0], "end": span[1]}


def to_dict(text: str, a: Extracted) -> dict[str, Any]:
    """The JSON shape of ``framing analyze``'s ``attributions`` entries."""
    cue = _span(text, a.cue) or {}
    cue["lemma"] = a.cue_info.lemma
    cites = None
    if a.cites is not None:
        cites = {
            "source": _span(text, a.cites.source),
            "source_type": a.cites.source_type,
            "cue": _span(text, a.cites.cue),
        }
    return {
        "source": _span(text, a.source),
        "source_type": a.source_type if a.source is not None else "unknown",
        "cue": cue,
        "cue_type": a.cue_info.type,
        "content": _span(text, a.content),
        "direct_quote": bool(a.direct_quote),
        "cites": cites,
        "resolved": a.resolved,
    }


def extracted(doc: Document) -> list[Extracted]:
    """The bundled-lexicon attributions of a document, computed once and cached on it.

    The attribution and claims families both need them; caching on the ``Document``
    means extracting both families costs one extraction.
    """
    cache = doc.__dict__
    got = cache.get("_attributions_raw")
    if got is None:
        got = cache["_attributions_raw"] = extract(doc)
    return got


def attributions(doc: Document, lex: SourcingLexicon | None = None) -> list[dict[str, Any]]:
    """JSON-ready attributions of a document (``framing analyze``'s ``attributions``)."""
    if lex is not None:
        return [to_dict(doc.text, a) for a in extract(doc, lex)]
    cache = doc.__dict__
    if "_attributions" not in cache:
        cache["_attributions"] = [to_dict(doc.text, a) for a in extracted(doc)]
    return cache["_attributions"]


def named_key(np: str) -> str:
    """A key that merges mentions of one named source ("Othman al-Ghanmi", "Ghanmi")."""
    return _name_key(_DESCRIPTOR.sub("", np))
