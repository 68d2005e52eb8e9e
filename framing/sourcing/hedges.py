"""Hedges in a document: the lexicon's matches, kept or dropped by their context rules.

One case-insensitive phrase pass finds every form in lexicons/hedges.toml; forms with a
``rule`` are then checked against a few words around them, because the commonest hedges are
also everyday words: "May" the month and "Theresa May", "military might", "could not"
(inability), modals inside a quotation (the quoted speaker's doubt, not the writer's), "a
few months" and "the most".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from framing.sourcing.cues import SourcingLexicon
from framing.sourcing.words import DETS, TOK, last_token, token_words
from framing.text import Document

#: spans of time: "a few months", "many years" are durations, not vague groups
_TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries time times".split()
)
_NUMBERS = frozenset("two three four five six seven eight nine ten dozen".split())
_NEGATION = frozenset(("not", "n't", "never"))
_BE = frozenset("is are was were be been being".split())
#: words after "might" that show the noun ("military might", "with all its might")
_NOUN_AFTER = frozenset("of and or to is was at in on for with from against the a an".split())


def _word_before(text: str, pos: int) -> str:
    return last_token(text, max(0, pos - 30), pos).lower()


def _word_after(text: str, pos: int) -> str:
    m = TOK.search(text, pos, pos + 30)
    return m.group().lower() if m else ""


#: generic agents whose "may" grants permission ("a person may apply", "users may opt out",
#: "you may bring"): rules and rights, not the writer's doubt
_PERMITTED = frozenset(
    """person persons anyone anybody everyone everybody nobody one you applicants applicant
    users user visitors visitor members member citizens citizen customers customer students
    student employees employee passengers passenger participants participant players player
    owners owner holders holder tenants tenant parties party individuals individual""".split()
)


def _permission(text: str, s: int, e: int, sent_start: int, before: str, after: str) -> bool:
    """Deontic 'may': a generic agent's permission ("a person may apply"), or a restriction
    with 'only' ("only members may vote", "may only be used"). 'may have' (the perfect) is
    always epistemic."""
    if after == "have":
        return False
    if after == "only":
        return True
    if before in _PERMITTED:
        return True
    lead = token_words(text, max(sent_start, s - 50), s)[-6:]
    if any(t.lower() == "only" for t in lead if t not in ",;:"):
        return True
    # "Only the 23 million people of Taiwan may decide": a restriction that opens the sentence
    first = TOK.search(text, sent_start, s)
    return first is not None and first.group().lower() == "only" and "," not in text[sent_start:s]


def _modal_ok(text: str, s: int, e: int, sent_start: int, in_quote: bool) -> bool:
    form = text[s:e]
    if in_quote:
        return False  # the quoted speaker's "could", not the writer's
    if form[0] == "M" and form.lower() == "may":
        # "May" capitalised mid-sentence is the month or a name; at a sentence start it is
        # the month when a day number follows ("May 5 was ...")
        if s > sent_start or _word_after(text, e).isdigit():
            return False
    before, after = _word_before(text, s), _word_after(text, e)
    low = form.lower()
    if low == "may" and _permission(text, s, e, sent_start, before, after):
        return False
    if low == "might" and (before in DETS or before.endswith(("'s", "\u2019s", "al", "ic"))
                           or after in _NOUN_AFTER or not after[:1].isalpha()):
        return False  # "military might", "the might of", "with all its might."
    if low == "can" and (before in ("a", "an", "the") or after in ("of",)):
        return False  # "a can of paint"
    if low in ("could", "can") and (after in _NEGATION or text[e:e + 3].lower() == "n't"):
        return False  # "could not attend", "can't": inability, not doubt
    if low in ("could", "can") and after in ("you", "i", "we", "he", "she", "they"):
        return False  # "Could you ...": a question or request
    return True


def _quantifier_ok(text: str, s: int, e: int) -> bool:
    low = text[s:e].lower()
    before, after = _word_before(text, s), _word_after(text, e)
    if after in _TIME_UNITS:
        return False  # "a few months ago", "for many years"
    if low == "most" and (before in ("the", "at") or not (
            after in ("of", "other") or (after.endswith("s") and not after.endswith(("ss", "ous")))
            or not after[:1].isalpha())):
        return False  # "the most powerful", "most common": superlatives; "at most": a bound
    if low == "certain" and (before in _BE or before in _NEGATION or before in ("almost", "for")):
        return False  # "it is certain", "for certain": certainty, not a hedge
    if low == "others" and (before.isdigit() or before in _NUMBERS):
        return False  # "killed one and wounded three others": a count
    if low == "others" and before in _PREP_OBJECT:
        return False  # "the desires of others", "more than others": not a group holding a view
    return True


#: prepositions whose object "others" is not a source of views ("by others" stays a weasel:
#: "is considered by others")
_PREP_OBJECT = frozenset("of to for with from than against about on toward towards".split())
#: words before "possible" that make it a degree or a condition, not a doubt: "as soon as
#: possible", "where possible", "if possible", "made possible by"
_NOT_POSSIBLE = frozenset("as where wherever whenever if made make makes making".split())


def _possible_ok(text: str, s: int) -> bool:
    return _word_before(text, s) not in _NOT_POSSIBLE


#: verbs of saying, thinking and naming that a frequency adverb turns into a consensus claim
#: ("often described as", "usually considered", "commonly known as", "generally believed")
_VIEW_VERB = re.compile(
    r"(?:\s+\w+){0,2}?\s+(?:said|called|described|considered|regarded|seen|viewed|known|referred|"
    r"cited|thought|believed|claimed|credited|attributed|portrayed|depicted|labell?ed|termed|"
    r"dubbed|argued|quoted|compared|ranked|named|listed|hailed|critici[sz]ed|accepted|agreed|"
    r"assumed|presumed|recogni[sz]ed|identified|mistaken|confused|associated|say|says|call|"
    r"calls|describe|describes|consider|considers|regard|regards|see|sees|view|views|believe|"
    r"believes|think|thinks|argue|argues|claim|claims|agree|agrees|accept|accepts|assume|"
    r"assumes|refer|refers|cite|cites)\b",
    re.IGNORECASE,
)


def _names_a_view(text: str, e: int) -> bool:
    return _VIEW_VERB.match(text, e) is not None


#: hedges the phrase list cannot hold because an adverb may interrupt them: "has also been
#: reported", "is widely believed", "one of the ten most ..." (found from their rarer word
#: first: a case-insensitive scan of the whole text for these was most of the hedge time)
_PASSIVE_VERB = re.compile(r"\b(?:said|reported|believed|thought|alleged|rumou?red|claimed|"
                           r"considered|regarded|known|seen|described)\b")
_ADV = r"(?:\w+ly|also|long|still|now|often|once|even)"
_PASSIVE_AUX = re.compile(r"\b(?:(?:is|are|was|were|been)\s+" + _ADV + r"|(?:has|have|had)\s+" + _ADV
                          + r"\s+been(?:\s+" + _ADV + r")?)\s+$", re.IGNORECASE)
#: "one of the most ...", and with a possessive: "one of South Africa's most prominent",
#: "one of their main products" (the peacock superlative that claims rank without a measure)
_ONE_OF = re.compile(r"\bone of (?:the|their|its|his|her|our|[A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*['\u2019]s) "
                     r"(?:\w+ )?(?:most|best|greatest|largest|biggest|leading|finest|worst|main|top)\b",
                     re.IGNORECASE)


#: how the word before a _PASSIVE_AUX match's final spaces can end (its _ADV or "been"), a
#: cheap test before the regex search: most participles found follow a name ("Smith said")
_AUX_LAST = ("ly", "also", "long", "still", "now", "often", "once", "even", "been")
#: the participles of _PASSIVE_VERB, as written (it is case-sensitive)
_PASSIVE_WORDS = ("said", "reported", "believed", "thought", "alleged", "rumored", "rumoured",
                  "claimed", "considered", "regarded", "known", "seen", "described")


def _passive_verbs(text: str) -> list[re.Match[str]]:
    """_PASSIVE_VERB's matches after a space (where _PASSIVE_AUX can end), in text order.
    str.find locates each word and the regex checks the word boundaries there: a regex scan of
    the whole text tried the alternation at every character (about 5% of the sourcing time on
    FA-KES); the words cannot overlap."""
    found = []
    for w in _PASSIVE_WORDS:
        i = text.find(w)
        while i >= 0:
            m = _PASSIVE_VERB.match(text, i) if i > 0 and text[i - 1].isspace() else None
            if m is not None:
                found.append(m)
            i = text.find(w, i + 1)
    found.sort(key=lambda m: m.start())
    return found


def _patterns(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _passive_verbs(text):
        k = m.start() - 1
        while k > 0 and text[k - 1].isspace():
            k -= 1
        last = text[max(0, k - 5):k]
        if last.isascii() and not last.lower().endswith(_AUX_LAST):
            # _PASSIVE_AUX ends in an adverb or "been" before the spaces: not here (non-ASCII
            # is left to the regex, whose IGNORECASE also folds "ſ" to "s")
            continue
        aux = _PASSIVE_AUX.search(text, max(0, m.start() - 30), m.start())
        if aux:
            out.append((aux.start(), m.end(), "evidential"))
    if "one of " in text or "One of " in text:
        out += [(m.start(), m.end(), "weasel") for m in _one_of(text)]
    return out


def _one_of(text: str) -> list[re.Match[str]]:
    """_ONE_OF's matches, tried only where "one of " is written (in any case): the regex's
    own scan tried its leading word boundary at every character."""
    low = text.lower()
    if len(low) != len(text):  # a case change that shifts offsets ("\u0130"): the plain scan
        return list(_ONE_OF.finditer(text))
    found = []
    i = low.find("one of ")
    while i >= 0:
        m = _ONE_OF.match(text, i)
        if m is not None:
            found.append(m)
            i = low.find("one of ", m.end())
        else:
            i = low.find("one of ", i + 1)
    return found


#: a named agent after a participle: "was alleged by Hustler's publisher", "reported by the BBC"
#: (not "considered by many": a vague agent keeps the weasel)
_BY_AGENT = re.compile(r"\s+by\s+(?:[A-Z]|(?:the|a|an|his|her|its|their)\s)")
_PARTICIPLES = ("thought", "known", "seen", "said")
#: "believe in the cause": faith or support, not doubt
_BELIEVE_IN = re.compile(r"\s+in\b")


def _names_its_holder(text: str, s: int, e: int) -> bool:
    """A hedge that says who holds the claim is no hedge: a participle with a named agent
    ("alleged by Larry Flynt", "has been reported by Reuters"), or "believe in" (support)."""
    last = text[s:e].rsplit(None, 1)[-1].lower()
    if (last.endswith("ed") or last in _PARTICIPLES) and _BY_AGENT.match(text, e):
        return True
    return last in ("believe", "believes", "believed") and _BELIEVE_IN.match(text, e) is not None


def find_hedges(doc: Document, lex: SourcingLexicon) -> list[dict[str, Any]]:
    """Every hedge kept by its context rule: ``{text, start, end, kind}``, in text order."""
    text = doc.text
    sents = doc.sentences
    starts = [s.start for s in sents]
    # every quotation, short ones too: a modal inside quotation marks ('said administrations
    # "may recommend" it') is the quoted source's word, not the writer's doubt
    quotes = list(doc.quotes)
    q_starts = [q.inner_start for q in quotes]
    out: list[dict[str, Any]] = []
    for hs, he in lex.hits(doc)[2]:
        kind, rule = lex.hedge_kinds.get(text[hs:he].lower().replace("\u2019", "'"),
                                         ("epistemic", ""))
        if rule == "modal":
            si = bisect_right(starts, hs) - 1
            k = bisect_right(q_starts, hs) - 1
            in_quote = k >= 0 and hs < quotes[k].inner_end
            if not _modal_ok(text, hs, he, sents[si].start if si >= 0 else 0, in_quote):
                continue
        elif rule == "quantifier" and not _quantifier_ok(text, hs, he):
            continue
        elif rule == "frequency" and not _names_a_view(text, he):
            continue
        elif rule == "possible" and not _possible_ok(text, hs):
            continue
        if _names_its_holder(text, hs, he):
            continue
        out.append({"text": text[hs:he], "start": hs, "end": he, "kind": kind})
    for ps, pe, kind in _patterns(text):
        if _names_its_holder(text, ps, pe):
            continue
        over = [h for h in out if h["start"] < pe and ps < h["end"]]
        if all(h["kind"] == kind for h in over):
            # a pattern wins over the phrases of its own kind it overlaps ("one of Norway's
            # most" over "most celebrated": one weasel, named by its pattern)
            out = [h for h in out if not (h["start"] < pe and ps < h["end"])]
            out.append({"text": text[ps:pe], "start": ps, "end": pe, "kind": kind})
    out.sort(key=lambda h: h["start"])
    return out
