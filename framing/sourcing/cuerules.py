"""Cue patterns: for one cue, the rules that find its source, content and relays."""

from __future__ import annotations

from framing.sourcing.content import content_after, content_before
from framing.sourcing.cues import Cue, SourcingLexicon
from framing.sourcing.model import Ctx, Extracted, span_dict
from framing.sourcing.nounphrase import is_name, np_back, np_forward, strip_descriptor
from framing.sourcing.relays import participle, passive_quoted, quoted_as_saying
from framing.sourcing.sourcetype import classify_source
from framing.sourcing.words import (
    ASIDES,
    ASKED_ABOUT,
    AUX_NOUN,
    BE,
    DETS,
    NOT_SOURCE_AFTER,
    NOUN_LIKE,
    PARENTHETICAL,
    PARTY_TAG,
    PP_HEAD,
    PP_TAIL,
    PRONOUNS,
    QUANTITY,
    QUOTE_CHARS,
    RELATIVES,
    RELAY_WORDS,
    RELEASE_TIME,
    RELEASED,
    SKIP_BEFORE_CUE,
    SKIP_ONLY,
    STOP_CAP,
    TIME_WORDS,
    TOK,
    TRAILING,
    WEEKDAYS,
    is_adverb,
    last_token,
)


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
        if t in QUOTE_CHARS or t in ";:":
            return -1
        if t == ",":
            commas += 1
            if commas > 3:
                return -1
            name = toks[k - 1][2]
            if is_name(name) and name not in STOP_CAP:
                start = np_back(toks, k - 1, lex)
                if start is not None and (start == 0 or toks[start - 1][2] in ",;:"
                                          or toks[start - 1][2] in QUOTE_CHARS):
                    return k - 1
        k -= 1
    return -1


def _skip_parenthetical(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon
                        ) -> tuple[int, str]:
    """At a comma before the cue: skip ', who asked not to be named,' and similar clauses."""
    j = i - 1
    while j >= 0 and toks[j][2] != "," and i - j < 25:
        j -= 1
    if j < 1 or toks[j][2] != ",":
        return -1, ""
    inner = toks[j + 1:i]
    if inner and PARTY_TAG.fullmatch("".join(t[2] for t in inner)):
        return j - 1, ""  # "Sen. Jeff Flake, R-Ariz., said": the party-state tag
    if inner and all(is_name(t[2]) or t[2] == "." for t in inner) and inner[0][2] not in STOP_CAP:
        return i - 1, ""  # an apposed name: 'his spokesman, Peter Cook, said' -> Peter Cook
    first = toks[j + 1][2]
    if inner and inner[-1][2] in lex.cues:
        return -1, ""  # "..., a Chinese official said, adding ...": a clause with its own cue
    if first.lower() not in PARENTHETICAL and not first.isdigit():
        return -1, ""  # ', 70,' (an age) and ', one of the signatories,' are skipped
    clause = " ".join(t[2] for t in inner)
    if j >= 2 and toks[j - 1][2].isdigit() and toks[j - 2][2] == ",":
        j -= 2  # 'Yin Myint May, 60, a doctor, said'
    return j - 1, clause


def _skip_release(left: list[tuple[int, int, str]], i: int) -> int:
    """Skip 'released on Tuesday' / 'conducted last week' between a document and its cue."""
    k = i
    while k >= 0 and (left[k][2] in WEEKDAYS or left[k][2].lower() in RELEASE_TIME):
        k -= 1
    if k >= 1 and left[k][2].lower() in RELEASED and k < i + 1:
        return k - 1
    return i


def _clause_end(text: str, start: int, s_end: int) -> int:
    """The end of the clause after 'Asked ...': the comma before the main clause."""
    comma = text.find(",", start, s_end)
    return comma if comma > 0 else s_end


def _is_role(toks: list[tuple[int, int, str]], lex: SourcingLexicon) -> bool:
    """A phrase that names a role, so a name after a comma is its apposition ("The finance
    minister, Lou Jiwei"; "The Senate's No. 2 Democrat, Dick Durbin"): a possessive, or a
    lower-case person noun as its head."""
    words = [t[2] for t in toks]
    if any(w.endswith(("'s", "\u2019s")) for w in words):
        return True
    return lex.source_nouns.get(words[-1].lower()) == "person" and words[-1][0].islower()


def _no_content(tail: str) -> bool:
    """Nothing after the cue but time, place or medium ("said on Monday", "wrote in a court
    filing"): the content is what came before the source."""
    return bool(TRAILING.match(tail) or (PP_HEAD.match(tail) and _pp_short(tail) and PP_TAIL.match(tail)
                                         and " that " not in tail))


def _pp_short(tail: str) -> bool:
    """Whether ``tail`` has few enough words for PP_TAIL (a preposition and at most ten words
    after the leading spaces and commas): PP_TAIL's lazy repeat tries every split of a long
    tail before it fails, so a longer one is not tried."""
    i, n = 0, len(tail)
    while i < n and (tail[i] == "," or tail[i].isspace()):
        i += 1
    return len(tail[i:].split(maxsplit=11)) <= 11


def _extends_source(inner: list[tuple[int, int, str]], lex: SourcingLexicon) -> bool:
    """Whether a skipped ', ... ,' belongs to the source noun phrase (PolNeAR: 'X, a senator,
    said' -> 'X, a senator'): not a relay (', citing X,'), an aside (', though,', ', by
    contrast,'), a participle (', recalling ...,') or a clause with a cue of its own (', who
    says ...,': a separate attribution)."""
    if not inner:
        return False
    first = inner[0][2].lower()
    if first in RELAY_WORDS or first.endswith("ing"):
        return False
    if len(inner) <= 2 and first in ASIDES:
        return False
    clause = " ".join(t[2] for t in inner)
    if lex.anon_markers.search(clause):
        return True  # ", who asked not to be named,": part of who the source is
    return not any(t[2] in lex.cues for t in inner)


def _relative(ctx: Ctx, a: Extracted, left: list[tuple[int, int, str]], i: int) -> Extracted:
    """'Republicans who say the law failed': PolNeAR's source is the relative pronoun; its
    type (and ``resolved``) come from the noun phrase it refers to."""
    text = ctx.text
    a.source = (left[i][0], left[i][1])
    j = i - 1 if i > 0 and left[i - 1][2] != "," else i - 2
    k = np_back(left, j, ctx.lex) if j >= 0 else None
    if k is not None:
        ante = (left[k][0], left[j][1])
        a.source_type = classify_source(text[ante[0]:ante[1]], "", ctx.lex)
        a.resolved = {"from": span_dict(text, a.source), "to": span_dict(text, ante),
                      "rule": "relative pronoun -> the noun phrase before it"}
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = content_after(ctx, a.cue[1], s_end)
    return a


def one_cue(
    ctx: Ctx, cs: int, ce: int, cue: Cue, s_start: int, s_end: int, consumed: set[int]
) -> Extracted | None:
    text, lex = ctx.text, ctx.lex
    if cue.requires == "quote" and not any(
            q in text[max(s_start, cs - 80):cs] or q in text[ce:ce + 4] for q in QUOTE_CHARS):
        return None  # '"...," he continued' needs a quotation next to it
    first = TOK.search(text, ce, min(s_end, ce + 40))
    r0 = first.group() if first else ""  # the cheap tests need one word on each side
    prev = last_token(text, max(s_start, cs - 40), cs)
    form = text[cs:ce]
    if form in lex.title_forms and prev and not (
            r0[:1].isupper() and prev[:1].isupper()):
        return None  # a title-case form counts only in a title-case headline or first
    # "the said agreement", "the reported attack", "Russia's claims", "That said,"
    if (prev.lower() in DETS and prev.lower() not in QUANTITY) or prev.endswith(("'s", "\u2019s")) or (
        prev.lower() == "that" and r0 == ","
    ):
        return None
    if r0 in lex.cues and cue.lemma in ("report", "claim"):
        return None  # "reports said": a noun before a verb
    nxt = r0.lower()
    if (cue.followed_by and nxt not in cue.followed_by) or nxt in cue.not_followed_by:
        return None  # "exports declined 40 percent": not "declined to comment"
    if text[cs:ce] in NOUN_LIKE and (nxt in ("for", "of", "from", "among")
                                     or prev.lower() in ("percent", "%") or prev.isdigit()):
        return None  # "support for the bill", "20 percent support": the noun
    if nxt == "by" or (cue.lemma == "add" and nxt == "to"):
        return None  # "written by", "reporting by", "adding to her lead"
    if form.endswith("s") and prev.lower() in AUX_NOUN:
        return None  # "Taiwan have claims": a noun after an auxiliary
    left = ctx.tokens(max(s_start, cs - 200), cs)
    r_end_pos = min(s_end, ce + 120)  # tokens after the cue are read only where needed
    i = len(left) - 1
    a = Extracted(cue=(cs, ce), cue_info=cue)
    clause = ""
    # skip auxiliaries, adverbs and a weekday between subject and cue ("has also said",
    # "X on Monday said")
    while i >= 0 and (left[i][2].lower() in SKIP_BEFORE_CUE or left[i][2].lower() in SKIP_ONLY
                      or is_adverb(left[i][2]) or left[i][2] in WEEKDAYS
                      or (left[i][2] in TIME_WORDS and i > 0 and left[i - 1][2] in WEEKDAYS)
                      or (left[i][2] == "on" and i + 1 < len(left)
                          and left[i + 1][2] in WEEKDAYS)):
        i -= 1
    i = _skip_release(left, i)  # "A CNN poll released on Tuesday showed"
    if i >= 0 and left[i][2].lower() in BE:
        if not text[cs:ce].endswith("ing"):
            if cue.lemma != "quote":
                return None
            return passive_quoted(ctx, a, left, i, ctx.tokens(ce, r_end_pos), consumed)
        i -= 1  # progressive "is declaring": active voice
        while i >= 0 and left[i][2].lower() in SKIP_BEFORE_CUE:
            i -= 1
    if i >= 0 and left[i][2].lower() in ("and", "but") and cue.klass != "citing":
        return participle(ctx, a, s_start)  # "X did this and said ...": the clause subject

    if cue.lemma == "ask" and nxt == "not":
        return None  # "who asked not to be named": the anonymity formula, not a question
    if cue.lemma == "ask" and form in ("Asked", "asked") and prev.lower() in ("", "when", ",") \
            and nxt in ASKED_ABOUT:
        # "Asked whether he would run, Trump said ...": PolNeAR marks the question with no
        # source; the answer is the attribution that follows
        a.content, a.direct_quote = content_after(ctx, ce, _clause_end(text, ce, s_end))
        return a
    if cue.lemma == "say" and text[cs:ce] == "saying" and prev.lower() == "as":
        return None  # handled with "quoted ... as saying"

    src: tuple[int, int] | None = None
    named: tuple[int, int] | None = None  # the name inside a "role, Name" source
    span_end = -1  # the source span runs on over a skipped apposition ("X, a senator, said")
    if cue.source in ("before", "either") and cue.klass != "citing":
        if i >= 1 and left[i][2] == "," and left[i - 1][2] == ")":
            i -= 1  # "Sen. Jack Reed (D-R.I.), said"
        if i >= 0 and left[i][2] == ",":
            j, clause = _skip_parenthetical(left, i, lex)
            if j < 0:
                j = _apposition(left, i, lex)
            if j >= 0:
                if j < i - 1 and _extends_source(left[j + 2:i], lex):
                    span_end = left[i - 1][1]
                i = j
            elif text[cs:ce] in ("saying", "adding", "noting", "writing", "telling", "warning",
                                 "claiming", "insisting", "arguing", "denying", "accusing",
                                 "stating", "explaining"):
                return participle(ctx, a, s_start)
        if i >= 0 and left[i][2] == ")":
            span_end = max(span_end, left[i][1])
            i = _skip_brackets(left, i)  # "Sen. Mitch McConnell (R-Ky.) said"
        if i >= 0 and left[i][2] not in ",;:'\u2019" and left[i][2] not in QUOTE_CHARS:
            k = np_back(left, i, lex)
            if k is not None:
                src = (left[k][0], left[i][1])
                if k >= 2 and left[k - 1][2] == "," and left[0][0] == s_start:
                    role = np_back(left, k - 2, lex)
                    if role == 0 and _is_role(left[:k - 1], lex):
                        named = src
                        src = (left[0][0], src[1])  # "His opponent, Rep. Alan Grayson, said"
            elif left[i][2].lower() in RELATIVES:
                return _relative(ctx, a, left, i)
    if src is not None:
        core = strip_descriptor(text, named or src)
        # PolNeAR marks the whole noun phrase, descriptors and appositions included; the
        # type is read from its core ("Lebanon-based ... al-Mayadeen news network")
        src = (src[0], max(src[1], span_end))
        a.source = src
        a.source_type = classify_source(text[core[0]:core[1]], clause + " " + text[ce:ce + 60], lex)
        if cue.requires == "document" and a.source_type != "document":
            return None
        if form.endswith("ing") and a.source_type == "document" and \
                text[src[0]:src[1]].lower().startswith(("a ", "an ")):
            # "Black Lives Matter issued a statement saying ...": the issuer speaks
            subj = participle(ctx, Extracted(cue=a.cue, cue_info=cue), s_start)
            if subj is not None and subj.source is not None and subj.source[1] <= src[0]:
                return subj
        if a.source_type in ("person", "unknown") and text[src[0]:src[1]].lower() in PRONOUNS:
            a.pronoun = text[src[0]:src[1]].lower()
        if cue.lemma == "quote":
            quoted_as_saying(ctx, a, ctx.tokens(ce, r_end_pos), consumed)
            if a.cites is not None:
                return a
        right = ctx.tokens(ce, r_end_pos) if cue.lemma == "tell" else []
        if right:
            # "X told AFP (that) ...": skip the addressee
            r_end = np_forward(right, 0, lex)
            if r_end is None and right[0][2].lower() in ("reporters", "journalists", "me", "us",
                                                         "him", "her", "them", "lawmakers"):
                r_end = 0
            pos = right[r_end][1] if r_end is not None else ce
            tail = text[pos:s_end]
            if _no_content(tail) or lex.anon_markers.search(tail[:40]):
                a.content, a.direct_quote = content_before(ctx, src[0], s_start)
            else:
                a.content, a.direct_quote = content_after(ctx, pos, s_end)
            return a
        tail = text[ce:s_end]
        if _no_content(tail):
            a.content, a.direct_quote = content_before(ctx, src[0], s_start)
        else:
            a.content, a.direct_quote = content_after(ctx, ce, s_end)
        return a

    if cue.requires == "document":
        return None
    # source after the cue: "according to X", "citing X", '"...," said X'
    after_ok = cue.source in ("after", "either") or cue.klass == "citing"
    if not after_ok:
        return None
    if cue.source == "either" and not (i < 0 or left[i][2] in ",'\u2019" or left[i][2] in QUOTE_CHARS):
        return None
    k = 0
    right = ctx.tokens(ce, r_end_pos) if cue.lemma != "tell" else []
    if not right:
        return None
    end = np_forward(right, k, lex)
    if end is None:
        return None
    src = (right[k][0], right[end][1])
    if text[src[0]:src[1]].lower() in NOT_SOURCE_AFTER:
        return None
    src = strip_descriptor(text, src)
    a.source = src
    a.source_type = classify_source(text[src[0]:src[1]], text[src[1]:src[1] + 60], lex)
    if cue.klass == "citing":
        return a
    before_text = text[s_start:cs].strip(" ,\n")
    if cue.source == "after" and len(before_text.split()) <= 1:
        a.content, a.direct_quote = content_after(ctx, src[1], s_end)
    else:
        a.content, a.direct_quote = content_before(ctx, cs, s_start)
    return a


def widen_cue(ctx: Ctx, a: Extracted) -> None:
    """The cue phrase takes the auxiliaries and adverbs before the verb ("has also said").

    PolNeAR's annotators mark the cue that way (on its dev part, "also" and "has" right
    before a found cue were inside the gold cue 97% and 100% of the time); the source rules
    skip the same words when they look for the subject.
    """
    start = a.cue[0]
    lo = a.source[1] if a.source is not None and a.source[1] <= start else max(0, start - 60)
    if not ctx.text[lo:start].strip():
        return  # "X said": nothing between source and cue
    toks = ctx.tokens(lo, start)
    k = len(toks)
    while k > 0 and (toks[k - 1][2].lower() in SKIP_BEFORE_CUE or is_adverb(toks[k - 1][2])):
        k -= 1
    if k < len(toks):
        a.cue = (toks[k][0], a.cue[1])
