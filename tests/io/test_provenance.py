"""The loader's fast paths give exactly what the plain code gave, on real corpora.

``find_wire_credit`` now builds its patterns once per registry and runs the closing-credit
search only when an agency name ends the text; ``parse_date`` memoises on the date string.
The references below are the previous wire-credit implementation, kept here as the oracle,
and the date parse without its memo.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from framing.io.outlets import OutletRegistry
from framing.io.provenance import _agency_name, _agency_names, _parse_date_str, find_wire_credit, parse_date

REG = OutletRegistry.default()


def _old_wire_credit(text: str) -> tuple[str | None, int, int]:
    alt = "|".join(re.escape(n) for n in _agency_names(REG))
    end = re.search(rf"(?:^|(?<=[\s.\"\u201d]))[\-\u2013\u2014]{{1,2}}\s*({alt})\s*\.?\s*$", text, re.I)
    if end:
        return _agency_name(end.group(1), REG), end.start(), end.end()
    start = re.match(
        rf"^\s*(?:[A-Z][A-Za-z .'\-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'\-]{{0,30}})?"
        rf"(?:,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?"
        rf"\(({alt})\)\s*[\-\u2013\u2014]+\s*",
        text,
    )
    if start:
        return _agency_name(start.group(1), REG), start.start(), start.end()
    return None, 0, 0


def _old_parse_date(value: object) -> str | None:
    """The same parse without the memo (``lru_cache`` keeps the plain function)."""
    if value is None:
        return None
    return _parse_date_str.__wrapped__(str(value).strip().lstrip("-\u2013\u2014 ").strip())


EDGES = [
    "", " ", "Shelling in Idlib.", "Shelling in Idlib. --Reuters", "Shelling in Idlib.-REUTERS",
    "Shelling in Idlib. - AFP.\n", "Shelling in Idlib.\n\n\u2014 AP .  \n", "Shelling x--Reuters",
    "Shelling ---Reuters", "said Reuters.", "told AFP", "DAMASCUS, June 5 (Reuters) - Shelling.",
    "(AP) \u2014 Shelling.", "Photo (Reuters) - mid text", "ALEPPO (SANA) - Shelling. -- sana",
    "Shelling in Idlib --  \n\n  Reuters", "Beirut, Lebanon, Jan. 3 (AFP) -- text -dpa",
]


def _texts(fakes: pd.DataFrame, polnear_path) -> list[str]:
    with open(polnear_path, encoding="utf-8") as f:
        polnear = [json.loads(line)["text"] for line in f]
    base = [str(t) for t in fakes["text"]] + [str(t) for t in fakes["title"].dropna()] + polnear
    # every credit form on real texts too: closing, closing with odd spacing, opening
    forms = [" --Reuters", "\n\n- AFP.", " \u2014 xinhua ", "."]
    credited = [t + forms[i % len(forms)] for i, t in enumerate(base)]
    return base + credited + ["DAMASCUS, June 5 (Reuters) - " + t for t in base[:300]] + EDGES


def test_wire_credit_unchanged_on_fakes_and_polnear(fakes, polnear_path):
    texts = _texts(fakes, polnear_path)
    new = [find_wire_credit(t, REG) for t in texts]
    assert new == [_old_wire_credit(t) for t in texts]
    assert sum(1 for a, _, _ in new if a) > len(fakes)  # the credited variants are found


DATES = [None, "", "  ", "nan", float("nan"), "2017-06-15", "15.06.2017", "31.02.2017", "- 15/06/2017",
         "June 15, 2017", "15 June 2017", "3/4/2017", "2017-06-15T10:00:00Z", "Tue, 15 Jun 2017 10:00:00 GMT",
         "not a date", "99999-01-01", pd.Timestamp("2017-06-15 08:00"), date(2017, 6, 15), 20170615]


def test_parse_date_unchanged(fakes):
    values = DATES + list(fakes["date"]) + list(fakes["date"])  # twice: the second pass is memoised
    assert [parse_date(v) for v in values] == [_old_parse_date(v) for v in values]


@pytest.mark.parametrize("v", DATES)
def test_parse_date_memo_is_stable(v):
    assert parse_date(v) == parse_date(v) == _old_parse_date(v)


def _pandas_date(s: str) -> str | None:
    """What pandas.to_datetime (the parse for every other form) reads in ``s``."""
    try:
        ts = pd.to_datetime(s, errors="raise", dayfirst=False)
    except (ValueError, TypeError, OverflowError):
        return None
    return None if pd.isna(ts) else ts.date().isoformat()


MONTHS = ["jan", "January", "FEB", "february", "Mar", "april", "may", "Jun", "JUNE", "jul", "July", "Aug",
          "august", "sep", "Sept", "SEPTEMBER", "oct", "October", "nov", "November", "dec", "December"]


@pytest.mark.parametrize("month", MONTHS)
def test_the_forms_read_without_pandas_agree_with_pandas(month: str) -> None:
    """ISO, "15 June 2017" and "June 15, 2017" skip pandas (half a CPU-second to import)."""
    n = next(i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), 1) if month.lower().startswith(m))
    for day, year in [(0, 2017), (1, 2017), (9, 2016), (29, 2016), (29, 2017), (30, 2017), (31, 2017), (32, 2017)]:
        for s in (f"{day} {month} {year}", f"{day} {month}. {year}", f"{day} {month}, {year}",
                  f"{month} {day}, {year}", f"{month}. {day} {year}", f"{year}-{n:02d}-{day:02d}"):
            assert _parse_date_str.__wrapped__(s) == _pandas_date(s), s
