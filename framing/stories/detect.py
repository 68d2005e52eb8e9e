"""Story detection: group the articles that report the same event or development.

Single-pass clustering with centroid linkage, the classic of topic detection and tracking
(Allan et al., 1998; Media Cloud and news aggregators do the same): in date order, each
article joins the *active* story whose centroid (sum of its members' TF-IDF vectors) is
most similar, when that cosine reaches ``threshold``, and otherwise starts a story. A story
is active while its latest article is at most ``window_days`` older, so an article is only
ever compared with the stories of the last few days: cost grows linearly with the corpus.

Two passes, one over the text:

1. the corpus streams in chunks; each article becomes a hashed term-count vector
   (scikit-learn's ``FeatureHasher``: no vocabulary to grow) over its headline and lead,
   written to a disk spill (:mod:`framing.stories.spill`) with its metadata and the
   document frequencies counted into one fixed-size array;
2. the spill is read back in date order and swept with the clustering above, with IDF from
   the whole corpus. Stories leave memory when they stop being active, so memory is bounded
   by the stories of one window, not by the corpus (plus 16 bytes an article for the sort).

Why not agglomerative linkage over each time bucket (scipy)? It needs the bucket's full
distance matrix, and the components it builds never close on a stream: a long-running
story chains across buckets. The centroid sweep is the streaming form of average linkage.

Within a story, republished wire copy is marked with the near-duplicate measure of
:mod:`framing.compare.neardup` (Jaccard of word 5-shingles; :mod:`framing.stories.copies`):
each article's ``copy_of`` names the first article carrying the same copy.
"""

from __future__ import annotations

import re
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from framing.errors import FramingError
from framing.stories.copies import copy_of
from framing.stories.params import StoryParams
from framing.stories.spill import RecordSpill
from framing.stories.sweep import Story, Sweep, Vec

_WORD = re.compile(r"[^\W_]+")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {"said", "says", "told", "according", "reported"}
#: sorts undated articles after every date
_UNDATED = np.iinfo(np.int64).max
#: columns of the story table (one row per story; the list columns run parallel to ``articles``)
STORY_COLUMNS = ("story_id", "label", "headline", "top_terms", "first_date", "last_date",
                 "n_articles", "n_outlets", "outlets", "articles", "article_outlets",
                 "article_dates", "copy_of")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens without stop words (numbers kept: '16 killed' is a fact)."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and (len(w) > 1 or w.isdigit())]


def term_counts(title: str, text: str, params: StoryParams) -> Counter[str]:
    """The terms an article is compared on: its headline (weighted) and its lead."""
    counts: Counter[str] = Counter()
    for _ in range(params.title_weight):
        counts.update(tokens(title))
    words = text.split(maxsplit=params.lead_words)[: params.lead_words]
    counts.update(tokens(" ".join(words)))
    return counts


def day_number(value: Any) -> int | None:
    """Proleptic Gregorian day number of an ISO date (``YYYY-MM-DD...``), None if not one."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _text(v: Any) -> str:
    return v if isinstance(v, str) else ""


# --------------------------------------------------------------------------- pass 1: text -> spill
@dataclass
class _Corpus:
    """What pass 1 leaves: the spill, sort keys and document frequencies."""

    spill: RecordSpill
    days: array = field(default_factory=lambda: array("q"))  # 8 bytes an article
    df: np.ndarray | None = None
    n_docs: int = 0


def _read(chunks: Iterable[pd.DataFrame], params: StoryParams, spill: RecordSpill,
          progress: Callable[[int], None] | None) -> _Corpus:
    hasher = FeatureHasher(n_features=params.n_features, input_type="dict", alternate_sign=False)
    out = _Corpus(spill, df=np.zeros(params.n_features, dtype=np.int32))
    for chunk in chunks:
        if "text" not in chunk.columns:
            raise FramingError("the corpus has no 'text' column")
        rows = chunk.to_dict("records")
        counts = [term_counts(_text(r.get("title")), _text(r.get("text")), params) for r in rows]
        X = hasher.transform(counts).tocsr()
        X.sum_duplicates()
        out.df += np.bincount(X.indices, minlength=params.n_features).astype(np.int32)
        for k, r in enumerate(rows):
            aid = str(r.get("id") if r.get("id") is not None else f"row{out.n_docs}")
            lo, hi = X.indptr[k], X.indptr[k + 1]
            day = day_number(r.get("date"))
            top = [t for t, _ in sorted(counts[k].items(), key=lambda kv: (-kv[1], kv[0]))[:12]]
            body = zlib.compress(_text(r.get("text")).encode("utf-8", "surrogatepass"), 1)  # lone surrogates kept
            spill.append((aid, _text(r.get("outlet")) or None, _text(r.get("title")), r.get("date") if day else None,
                          day, X.indices[lo:hi].astype(np.int32), X.data[lo:hi].astype(np.float32),
                          [(t, counts[k][t]) for t in top], body))
            out.days.append(_UNDATED if day is None else day)
            out.n_docs += 1
        if progress:
            progress(len(rows))
    return out


# --------------------------------------------------------------------------- pass 2: sweep
# spill record fields
_ID, _OUTLET, _TITLE, _DATE, _DAY, _IDX, _TF, _TOP, _TEXT = range(9)


def _body(rec: tuple[Any, ...]) -> str:
    return zlib.decompress(rec[_TEXT]).decode("utf-8", "surrogatepass")


def _unit_vector(rec: tuple[Any, ...], idf: np.ndarray) -> Vec:
    """Sublinear tf x idf (as scikit-learn's TfidfTransformer), l2-normalised."""
    idx = rec[_IDX].astype(np.int64)
    w = (1.0 + np.log(rec[_TF].astype(np.float64))) * idf[idx]
    norm = float(np.sqrt(np.dot(w, w)))
    return idx, (w / norm if norm else w)


@lru_cache(maxsize=1 << 16)  # bounded: the same few thousand terms label most stories
def _column(term: str, n_features: int) -> int:
    """The term's hashed column: FeatureHasher's own hash (murmurhash3, seed 0), so the IDF matches."""
    from sklearn.utils import murmurhash3_32

    return abs(murmurhash3_32(term, seed=0)) % n_features


def _label(story: Story, idf: np.ndarray, params: StoryParams) -> tuple[list[str], str]:
    """Top terms (pooled counts x corpus IDF) and the earliest headline."""
    score: Counter[str] = Counter()
    for rec in story.members:
        for term, n in rec[_TOP]:
            score[term] += n * float(idf[_column(term, params.n_features)])
    terms = [t for t, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))[: params.label_terms]]
    headline = next((r[_TITLE] for r in story.members if r[_TITLE]), "")
    if not headline:
        words = _body(story.members[0]).split()
        headline = " ".join(words[:12]) + (" ..." if len(words) > 12 else "")
    return terms, headline


def _row(story: Story, copy_of: list[str], idf: np.ndarray, params: StoryParams) -> dict[str, Any]:
    terms, headline = _label(story, idf, params)
    outlets = [r[_OUTLET] for r in story.members]
    dates = [r[_DATE] for r in story.members]
    dated = [d for d in dates if d]
    named = sorted({o for o in outlets if o})
    return {
        "story_id": story.sid,
        "label": f"{' · '.join(terms)} — {headline}" if terms else headline,
        "headline": headline,
        "top_terms": terms,
        "first_date": min(dated)[:10] if dated else None,
        "last_date": max(dated)[:10] if dated else None,
        "n_articles": len(story.members),
        "n_outlets": len(named),
        "outlets": named,
        "articles": [r[_ID] for r in story.members],
        "article_outlets": outlets,
        "article_dates": dates,
        "copy_of": copy_of,
    }


def iter_stories(
    chunks: Iterable[pd.DataFrame] | pd.DataFrame,
    params: StoryParams | None = None,
    progress: Callable[[int], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """Stories (dicts with :data:`STORY_COLUMNS`) from a corpus or an iterator of corpus chunks,
    as each one closes (in the order stories end); every article is in exactly one story.

    ``progress`` is called with the number of articles read after each chunk.
    """
    params = params or StoryParams()
    if isinstance(chunks, pd.DataFrame):
        chunks = [chunks]
    with RecordSpill() as spill:
        corpus = _read(chunks, params, spill, progress)
        df = corpus.df if corpus.df is not None else np.zeros(params.n_features)
        idf = np.log((1.0 + corpus.n_docs) / (1.0 + df)) + 1.0
        days = np.frombuffer(corpus.days, dtype=np.int64)
        order = np.argsort(days, kind="stable")  # date order; input order within a day
        sweep = Sweep(params.threshold, params.window_days, params.same_outlet_margin)

        def finish(stories: list[Story]) -> Iterator[dict[str, Any]]:
            for story in stories:
                copies = copy_of(story, params.copy_cosine, params.copy_jaccard, lambda r: r[_ID], _body)
                yield _row(story, copies, idf, params)

        start = 0
        while start < len(order):
            day = int(days[order[start]])
            stop = start
            while stop < len(order) and days[order[stop]] == day and stop - start < params.batch_size:
                stop += 1
            yield from finish(sweep.expire(day))  # undated (the last "day") closes every dated story
            records = [spill.get(int(i)) for i in order[start:stop]]
            sweep.batch(day, records, [_unit_vector(r, idf) for r in records], [r[_OUTLET] for r in records])
            start = stop
        yield from finish(sweep.expire(None))


def detect_stories(
    corpus: Iterable[pd.DataFrame] | pd.DataFrame, params: StoryParams | None = None,
    progress: Callable[[int], None] | None = None,
) -> pd.DataFrame:
    """The story table (one row per story, :data:`STORY_COLUMNS`), sorted by story id."""
    rows = list(iter_stories(corpus, params, progress))
    df = pd.DataFrame(rows, columns=list(STORY_COLUMNS))
    return df.sort_values("story_id", kind="stable").reset_index(drop=True)


def story_of(stories: pd.DataFrame) -> pd.DataFrame:
    """One row per article: ``id``, ``story_id``, ``outlet``, ``date``, ``copy_of``, and the
    story's ``n_outlets`` (to keep only stories that several outlets covered)."""
    cols = ["articles", "article_outlets", "article_dates", "copy_of"]
    long = stories[["story_id", "n_outlets", *cols]].explode(cols, ignore_index=True)
    long = long.rename(columns={"articles": "id", "article_outlets": "outlet", "article_dates": "date"})
    return long[["id", "story_id", "outlet", "date", "copy_of", "n_outlets"]]


def _story_schema() -> Any:
    import pyarrow as pa

    text, texts = pa.string(), pa.list_(pa.string())
    return pa.schema([
        ("story_id", pa.int64()), ("label", text), ("headline", text), ("top_terms", texts),
        ("first_date", text), ("last_date", text), ("n_articles", pa.int64()), ("n_outlets", pa.int64()),
        ("outlets", texts), ("articles", texts), ("article_outlets", texts), ("article_dates", texts),
        ("copy_of", texts),
    ])


@dataclass
class StoriesSummary:
    """What ``write_stories`` wrote."""

    path: str
    n_articles: int
    n_stories: int
    n_multi_outlet: int


def write_stories(
    corpus: Iterable[pd.DataFrame] | pd.DataFrame, path: str | Path, params: StoryParams | None = None,
    progress: Callable[[int], None] | None = None,
) -> StoriesSummary:
    """Detect stories and stream the story table to Parquet (atomically: a failed run leaves
    no file). Memory stays flat: stories are written as they close."""
    from framing.parquet_writer import AtomicParquet  # the project's atomic, row-group-buffered writer

    path = Path(path)
    schema = _story_schema()
    out = AtomicParquet(path, schema)
    n_articles = n_stories = n_multi = 0
    buf: list[dict[str, Any]] = []
    try:
        for row in iter_stories(corpus, params, progress):
            buf.append(row)
            n_articles += row["n_articles"]
            n_stories += 1
            n_multi += row["n_outlets"] >= 2
            if len(buf) >= 2000:
                out.write(pd.DataFrame(buf, columns=list(STORY_COLUMNS)))
                buf = []
        if buf:
            out.write(pd.DataFrame(buf, columns=list(STORY_COLUMNS)))
        out.commit(schema)
    except BaseException:
        out.abort()
        raise
    return StoriesSummary(str(path), n_articles, n_stories, n_multi)
