"""Closed word classes and the token pattern the attribution rules read.

Hand-written lists on purpose: the rules are shallow (no tagger or parser) so that
extraction runs at FA-KES speed, and these small classes stand in for part-of-speech tags.
"""

from __future__ import annotations

import re

#: a dotted acronym ("U.S."), a word (inner apostrophes and hyphens kept: "O'Neil", "al-Assad")
#: or one punctuation mark. Written as "\w+(?:['-]+\w+)*" rather than the equivalent
#: "\w(?:[\w'-]*\w)?", which backtracks at the end of every word: the same tokens, and the
#: pattern runs for every window the rules read (checked on every FA-KES and PolNeAR text)
TOK = re.compile(r"[A-Za-z]\.[A-Za-z]\.(?:[A-Za-z]\.)*|\w+(?:['\u2019\-]+\w+)*|[^\w\s]")
TOK_FINDALL = TOK.findall


def token_words(text: str, start: int, end: int) -> list[str]:
    """TOK's tokens of ``text[start:end]``, without offsets. Hand-written because a regex scan
    of the window is slow per character: tokens never hold whitespace and cover every other
    character, so the window's whitespace-free chunks are tokenised one by one, and a chunk of
    letters and digits is one token without the regex. ``model.Ctx.tokens`` applies the same
    rule with offsets (kept in step with this one)."""
    out: list[str] = []
    for c in text[start:end].split():
        if c.isalnum():
            out.append(c)
        else:
            out += TOK_FINDALL(c)
    return out


def last_token(text: str, start: int, end: int) -> str:
    """The last of TOK's tokens in ``text[start:end]``, or "": the last token of the window's
    last whitespace-free chunk (three times faster than a regex scan of the window)."""
    chunk = text[start:end].rsplit(None, 1)
    return TOK_FINDALL(chunk[-1])[-1] if chunk else ""


QUOTE_CHARS = "\"\u201c\u201d\u201e\u00ab\u00bb"
OPEN_Q = "\"\u201c\u201e\u00ab"

DETS = frozenset(
    """the a an this these those another one two three four five several some many most other
    both all his her its their our my your each every any few""".split()
)
INDEF = frozenset("a an one two three four five several some many other another few".split())
DEF = frozenset("the this these those his her its their our my your".split())
PRONOUNS = {"he": "person", "she": "person", "i": "person", "it": "unknown", "they": "unknown",
             "we": "unknown", "you": "unknown"}
# words that end a noun phrase when scanning (prepositions, conjunctions, verbs of being ...)
FUNCTION = frozenset(
    """that which who whom whose and or but as in on at to from with by into over after before
    when while because if than then is was were are be been being has have had do did does not
    also would will could should may might can must there here what where why how said says
    says told after about against between during under since until upon without within via
    so yet nor just only even still already again""".split()
)
CONNECTORS = frozenset("of for de du al el bin ibn la le van von der".split())
PLACE_CONNECTORS = frozenset(("in", "at", "from"))
# capitalised words that begin sentences or clauses but never names
STOP_CAP = frozenset(
    """On In At But And Or Meanwhile However Earlier Later Also Then When While After Before
    Since Last This That These Those There It He She They We I If As Yet So Still Now Today
    Yesterday Separately Speaking According Asked Citing Moreover Furthermore Indeed Instead
    Although Though Because For From With Under By During Over Amid Despite Following
    Having Being Hours Minutes Days Weeks Months Years Even Only Just Alongside Like Unlike
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June
    July August September October November December Jan Feb Aug Sept Oct Nov Dec Mr""".split()
) - {"Mr"}
TITLE_ABBR = frozenset("mr mrs ms dr gen lt col maj capt sgt adm gov sen rep prof st".split())
# lower-case modifiers allowed inside a source noun phrase (besides source nouns)
MODIFIERS = frozenset(
    """senior top local former military security government western eastern northern southern
    regional foreign chief deputy high-ranking high-level informed independent unidentified
    unnamed anonymous state official diplomatic intelligence police army opposition rebel
    medical hospital rescue civil defense defence health interior foreign-ministry
    pro-government pro-regime activist monitoring rights humanitarian relief aid news press
    media russian ministry presidential administration campaign party election white""".split()
)
ADJ_SUFFIX = ("al", "ian", "ese", "ic", "ive", "ary", "ior", "ern", "ish", "ean")
BE = frozenset("is are was were be been being".split())
SKIP_BEFORE_CUE = frozenset(
    """also has have had later earlier previously further then recently separately again
    repeatedly publicly privately already just once quickly would will could may might
    reportedly later subsequently specifically explicitly initially did does do not never
    didn't didn\u2019t doesn't doesn\u2019t don't don\u2019t won't won\u2019t both first
    long""".split()
)
#: words skipped between a source and its cue that are not part of the cue ("Carter however
#: said", "workers here said")
SKIP_ONLY = frozenset("however here there too now though meanwhile instead".split())
#: name suffixes that end a source before its cue ("Joseph R. Biden Jr. said")
NAME_SUFFIX = frozenset("jr sr inc ltd co corp".split())
PARENTHETICAL = frozenset(
    """who which citing quoting speaking according a an the his her its their also in on
    adding noting himself herself itself one including both now then once former writing
    whose""".split()
)
QUANTITY = frozenset(
    """percent several many most some others all both half majority majorities minority five four
    three two plurality""".split()
)
TIME_WORDS = frozenset("morning afternoon evening night".split())
AUX_NOUN = frozenset("has have had will would could may might did does do".split())
WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
DESCRIPTOR = re.compile(
    r"(?:(?:the|a|an)\s+)?(?:[\w.\-]+-(?:based|language|run|backed|owned|affiliated|funded|linked|controlled|"
    r"speaking|leaning|friendly)\s+)+",
    re.IGNORECASE,
)
NOT_SOURCE_AFTER = frozenset("plan plans schedule law laws rules tradition custom".split())
# Each word of the run is matched whole (it must end at a word boundary), so the possessive
# and atomic forms accept exactly what the backtracking ones would, without trying every split
# of a long tail before failing (10-16 microseconds a call on a sentence's rest, measured)
TRAILING = re.compile(
    r"^[\s,]*+(?>(?:on|in|at|late|early|earlier|later|last|this|that|yesterday|today|tonight|"
    r"recently|again|also|a|an|the|statement|interview|press|conference|briefing|told|"
    r"to|reporters|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|"
    r"year|night|morning|evening|afternoon|\w+day|\d+)\b[\s,]*+)*+[.!?\u2026]?[\"'\u201d\u2019)]*\s*$",
    re.IGNORECASE,
)
#: "that" as a word. Written to open with the literal "t" (the boundary checked behind it) so
#: the regex engine jumps between the t's of the window: "\bthat\b", which opens with the
#: boundary, was tried at every character, five times slower on a cue's 120-character window.
#: Used on sliced strings only, where the look-behind sees nothing before the window.
THAT_AFTER = re.compile(r"t(?<=\bt)hat\b")
FIRST_SECOND = frozenset("i you we me us".split())
#: cue forms that are also nouns: before "for"/"of"/"from", or after a share, they are the noun
#: ("support for the bill", "fear of", "20 percent support")
NOUN_LIKE = frozenset("support fear fears hope hopes doubt doubts questions demands".split())
#: words that open a parenthetical relay (", citing X,"), which is not part of the source
RELAY_WORDS = frozenset("citing quoting according speaking".split())
#: quantifiers before a group noun that make it vague ("some experts", "many critics")
QUANT_DETS = frozenset("some many most several numerous various certain few".split())
#: lower-case words before a cue that are never the head of its source ("the time said" is
#: rare; "what he said", "as expected", "previously said")
NOT_HEAD = frozenset(
    """what as than ever never once time times year years day days week weeks month months
    ago earlier later also yet so very much more less well way lot things something nothing
    everything anything this""".split()
)
#: lower-case words ending in -ly that are nouns or adjectives, not adverbs before a cue
LY_NOUNS = frozenset("family ally assembly daily weekly monthly supply rally fly belly bully".split())
#: one-word parentheticals between a source and its cue that are not part of the source
#: ("Murphy, though, said"; "Ted Cruz, by contrast, said")
ASIDES = frozenset("though however meanwhile instead too also then by in for for example".split())


def is_adverb(word: str) -> bool:
    """A lower-case -ly adverb ("repeatedly", "unanimously"), which PolNeAR puts in the cue."""
    return word.endswith("ly") and word.islower() and len(word) > 4 and word not in LY_NOUNS
#: "Asked whether ...", "when asked about ...": a question put to the speaker
ASKED_ABOUT = frozenset("about whether if to why how what for".split())
#: a document's release between it and its cue ("a poll released on Tuesday showed")
RELEASED = frozenset("released conducted published issued taken out".split())
RELEASE_TIME = frozenset(
    "on last this earlier week month year weekend today yesterday morning night".split()
)
#: relative pronouns PolNeAR marks as the source ("voters who said ...")
RELATIVES = frozenset(("who", "which"))
#: a prepositional phrase alone after a cue ("wrote in a court filing", "said during a
#: rally in Ohio on Friday"): where or how it was said, not what
#: how PP_TAIL starts: a cheap test before it
PP_HEAD = re.compile(r"[\s,]*(?:in|on|at|during|via|through|from|before|after|while)\s", re.IGNORECASE)
PP_TAIL = re.compile(
    r"^[\s,]*(?:in|on|at|during|via|through|from|before|after|while)\s+"
    r"(?:[\w'\u2019.\-]+\s+){0,9}?[\w'\u2019.\-]+[.!?\u2026]?[\"'\u201d\u2019)]*\s*$",
    re.IGNORECASE,
)
#: a party-and-state tag after a politician's name ("R-Ariz.", "D-N.Y.")
PARTY_TAG = re.compile(r"[RDI]-(?:[A-Z]\.)*[A-Z][a-z]*\.?")
