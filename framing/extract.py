"""Run the feature families over a corpus: in process, on a local process pool, or on dask.

The corpus is processed in chunks of articles; each chunk goes to a worker that keeps
its families (and their compiled lexicons) between chunks, and results come back in
input order. ``extract_to_parquet`` writes each chunk as it arrives, so memory stays flat
in the corpus size, and renames the finished file into place, so an interrupted run
leaves no half-written output. A bad article (empty, undecodable, oversized, or one that
makes a family fail) gets its reason in the ``errors`` column and the run goes on.
"""

from __future__ import annotations

import math
import os
import time
from collections import deque
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.corpus import make_corpus
from framing.errors import FramingError
from framing.features.registry import make_families, resolve_families
from framing.parquet_writer import AtomicParquet, span_schema
from framing.text.gate import MAX_CHARS, clean_text  # noqa: F401  (MAX_CHARS: callers read it here)

#: Articles per task: big enough to amortise inter-process transfer, small enough that
#: the chunks in flight stay a few MB.
DEFAULT_CHUNK_SIZE = 200
SPAN_COLUMNS = ("id", "family", "label", "start", "end", "text", "voice")


# --------------------------------------------------------------------------- worker side
_FAMILY_CACHE: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[list[Any], list[str]]] = {}


def _families(names: tuple[str, ...], lexicons: tuple[str, ...]) -> tuple[list[Any], list[str]]:
    """The families and their columns, built once per worker process and reused."""
    key = (names, lexicons)
    got = _FAMILY_CACHE.get(key)
    if got is None:
        fams = make_families(names, lexicons)
        cols: list[str] = []
        for fam in fams:
            cols.extend(str(c) for c in fam.feature_names())
        got = _FAMILY_CACHE[key] = (fams, cols)
    return got


def _exit_with_parent(parent: int) -> None:
    """End this pool worker once the process that started it is gone: a parent killed with
    SIGKILL cannot stop its pool, and the workers (which inherit both ends of the task pipe,
    so never see it close) would otherwise wait for work forever."""
    import threading

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="framing-parent-watch").start()


def warm(names: tuple[str, ...], lexicons: tuple[str, ...], parent: int | None = None) -> None:
    """Pool initializer: build families and touch the lazy caches before the first chunk."""
    from framing.text import Document

    if parent is not None:
        _exit_with_parent(parent)
    fams, _ = _families(names, lexicons)
    doc = Document("Warm up. The cat sat on the mat.")
    for fam in fams:
        fam.analyze(doc)


@dataclass
class ChunkResult:
    """What a worker sends back for one chunk (plain arrays and lists: cheap to pickle)."""

    columns: list[str]
    values: np.ndarray
    errors: list[str | None]
    spans: dict[str, list[Any]]


def process_chunk(
    names: tuple[str, ...], lexicons: tuple[str, ...], ids: list[Any], texts: list[Any]
) -> ChunkResult:
    """Analyse one chunk of articles with every family over one shared Document each."""
    from framing.text import Document

    fams, cols = _families(tuple(names), tuple(lexicons))
    # each family's columns are contiguous in ``cols``: fill its slice in one assignment
    slices: list[tuple[int, int, list[str]]] = []
    start = 0
    for fam in fams:
        names_f = [str(c) for c in fam.feature_names()]
        slices.append((start, start + len(names_f), names_f))
        start += len(names_f)
    values = np.full((len(texts), len(cols)), np.nan, dtype=float)
    errors: list[str | None] = [None] * len(texts)
    spans: dict[str, list[Any]] = {c: [] for c in SPAN_COLUMNS}
    for i, (aid, raw) in enumerate(zip(ids, texts, strict=True)):
        text, problem = clean_text(raw)
        problems = [problem] if problem else []
        if text is not None:
            doc = Document(text)
            row = values[i]
            for fam, (a, b, fam_cols) in zip(fams, slices, strict=True):
                try:
                    res = fam.analyze(doc)
                except Exception as exc:  # one family failing on one article must not stop the run
                    first = (str(exc).strip().splitlines() or [""])[0]
                    problems.append(f"{fam.name}: {type(exc).__name__}: {first}")
                    continue
                # (names outside the declared columns are ignored, as in Family.transform;
                # map() keeps the 1,771-column look-up out of the interpreter loop)
                row[a:b] = list(map(res.features.get, fam_cols, repeat(np.nan)))
                for ev in res.spans:
                    spans["id"].append(None if aid is None else str(aid))
                    spans["family"].append(ev.family)
                    spans["label"].append(ev.label)
                    spans["start"].append(int(ev.start))
                    spans["end"].append(int(ev.end))
                    spans["text"].append(ev.text)
                    spans["voice"].append(ev.voice)
        errors[i] = "; ".join(problems) or None
    return ChunkResult(cols, values, errors, spans)


# --------------------------------------------------------------------------- chunking
def iter_chunks(corpus: Any, chunk_size: int) -> Iterator[pd.DataFrame]:
    """A corpus DataFrame, an iterable of DataFrames, or an iterable of article dicts ->
    DataFrames of at most ``chunk_size`` rows, in order."""
    if chunk_size < 1:
        raise ValueError("chunk_size must be >= 1")
    if isinstance(corpus, pd.DataFrame):
        for i in range(0, len(corpus), chunk_size):
            yield corpus.iloc[i : i + chunk_size]
        return
    batch: list[Mapping[str, Any]] = []
    for item in corpus:
        if isinstance(item, pd.DataFrame):
            if batch:
                yield make_corpus(batch)
                batch = []
            yield from iter_chunks(item, chunk_size)
        else:
            batch.append(item)
            if len(batch) >= chunk_size:
                yield make_corpus(batch)
                batch = []
    if batch:
        yield make_corpus(batch)


# --------------------------------------------------------------------------- engines
def _run_local(
    chunks: Iterator[pd.DataFrame], names: tuple[str, ...], lexicons: tuple[str, ...], workers: int
) -> Iterator[tuple[pd.DataFrame, ChunkResult]]:
    if workers <= 1:
        for chunk in chunks:
            yield chunk, process_chunk(names, lexicons, _ids(chunk), _texts(chunk))
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if multiprocessing.get_context().get_start_method() == "fork":
        # built once here, the families and their caches (CMUdict, VADER, lexicon automata)
        # are inherited by every forked worker instead of rebuilt in each
        warm(names, lexicons)
    with ProcessPoolExecutor(
        max_workers=workers, initializer=warm, initargs=(names, lexicons, os.getpid())
    ) as ex:
        # a bounded window of chunks in flight (Executor.map would submit the whole corpus)
        pending: deque[tuple[pd.DataFrame, Any]] = deque()
        for chunk in chunks:
            pending.append((chunk, ex.submit(process_chunk, names, lexicons, _ids(chunk), _texts(chunk))))
            if len(pending) >= 2 * workers:
                c, fut = pending.popleft()
                yield c, fut.result()
        while pending:
            c, fut = pending.popleft()
            yield c, fut.result()


def _run_dask(
    chunks: Iterator[pd.DataFrame],
    names: tuple[str, ...],
    lexicons: tuple[str, ...],
    workers: int,
    scheduler: Any,
) -> Iterator[tuple[pd.DataFrame, ChunkResult]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise FramingError("--engine dask needs dask.distributed: pip install 'framing[dask]'") from exc
    own_client = own_cluster = None
    if scheduler is None:
        own_cluster = LocalCluster(
            n_workers=max(1, workers), threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = own_client = Client(own_cluster)
    elif isinstance(scheduler, str):
        try:
            # connect timeout: dask's distributed.comm.timeouts.connect (30 s by default)
            client = own_client = Client(scheduler)
        except OSError as exc:
            raise FramingError(f"cannot reach dask scheduler {scheduler}: {exc}") from exc
    else:
        client = scheduler  # a distributed.Client the caller manages
    try:
        window = 2 * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[pd.DataFrame, Any]] = deque()
        for chunk in chunks:
            fut = client.submit(
                process_chunk, names, lexicons, _ids(chunk), _texts(chunk), pure=False
            )
            pending.append((chunk, fut))
            if len(pending) >= window:
                c, f = pending.popleft()
                yield c, f.result()
        while pending:
            c, f = pending.popleft()
            yield c, f.result()
    finally:
        if own_client is not None:
            own_client.close()
        if own_cluster is not None:
            own_cluster.close()


def _ids(chunk: pd.DataFrame) -> list[Any]:
    return chunk["id"].tolist() if "id" in chunk.columns else [None] * len(chunk)


def _texts(chunk: pd.DataFrame) -> list[Any]:
    if "text" not in chunk.columns:
        raise FramingError(f"corpus has no 'text' column (columns: {list(chunk.columns)})")
    return chunk["text"].tolist()


# --------------------------------------------------------------------------- assembling
def _meta_frame(chunk: pd.DataFrame) -> pd.DataFrame:
    """The article's metadata (everything but the body); nested values become JSON text."""
    import json

    meta = chunk.drop(columns=["text"], errors="ignore").reset_index(drop=True)
    for col in meta.columns:
        if pd.api.types.is_object_dtype(meta[col].dtype):
            meta[col] = [
                None
                if v is None or (isinstance(v, float) and math.isnan(v))
                else json.dumps(v, ensure_ascii=False, default=str)
                if isinstance(v, list | tuple | dict)
                else str(v)
                for v in meta[col]
            ]
    return meta


def _assemble(chunk: pd.DataFrame, res: ChunkResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    feats = pd.DataFrame(res.values, columns=res.columns)
    feats["errors"] = pd.Series(res.errors, dtype=object)
    table = pd.concat([_meta_frame(chunk), feats], axis=1)
    spans = pd.DataFrame(res.spans, columns=list(SPAN_COLUMNS))
    spans = spans.astype({"start": "int64", "end": "int64"})
    return table, spans


def _results(
    corpus: Any,
    families: Sequence[str] | str | None,
    lexicons: Sequence[str | Path],
    workers: int,
    chunk_size: int,
    engine: str,
    scheduler: Any,
    progress: bool,
    total: int | None,
) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
    names = tuple(resolve_families(families))
    lex = tuple(str(p) for p in lexicons)
    _families(names, lex)  # fail early (unknown family, bad lexicon) in the parent
    chunks = iter_chunks(corpus, chunk_size)
    if engine == "local":
        stream = _run_local(chunks, names, lex, workers)
    elif engine == "dask":
        stream = _run_dask(chunks, names, lex, workers, scheduler)
    else:
        raise FramingError(f"unknown engine {engine!r} (choose local or dask)")
    if total is None and isinstance(corpus, pd.DataFrame):
        total = len(corpus)
    from tqdm import tqdm  # plain text: tqdm.auto warns "IProgress not found" in notebooks without ipywidgets

    with tqdm(total=total, unit="art", disable=not progress, desc="extract", smoothing=0.1) as bar:
        for chunk, res in stream:
            yield _assemble(chunk, res)
            bar.update(len(chunk))


def extract_features(
    corpus_df: Any,
    families: Sequence[str] | str | None = None,
    lexicons: Sequence[str | Path] = (),
    workers: int = 1,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool = False,
    engine: str = "local",
    scheduler: Any = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Feature table and evidence spans for a corpus held in memory.

    Returns ``(features_df, spans_df)``: one row per article (metadata columns without
    the body, one column per feature, ``errors``) in input order, and the long table of
    spans (id, family, label, start, end, text, voice).
    """
    tables, spans = [], []
    for t, s in _results(
        corpus_df, families, lexicons, workers, chunk_size, engine, scheduler, progress, None
    ):
        tables.append(t)
        spans.append(s)
    if not tables:  # empty corpus: still the right columns
        cols = _families(tuple(resolve_families(families)), tuple(str(p) for p in lexicons))[1]
        meta = _meta_frame(make_corpus([]) if not isinstance(corpus_df, pd.DataFrame) else corpus_df)
        empty = pd.concat([meta, pd.DataFrame(columns=[*cols, "errors"])], axis=1)
        return empty, pd.DataFrame(columns=list(SPAN_COLUMNS))
    return (
        pd.concat(tables, ignore_index=True),
        pd.concat(spans, ignore_index=True),
    )


# --------------------------------------------------------------------------- Parquet output
@dataclass
class ExtractSummary:
    """What a streamed extraction wrote."""

    path: Path
    spans_path: Path | None
    n_articles: int
    n_errors: int
    n_spans: int
    seconds: float

    @property
    def articles_per_second(self) -> float:
        return self.n_articles / self.seconds if self.seconds > 0 else float("nan")


def extract_to_parquet(
    corpus: Any,
    out_path: str | Path,
    spans_path: str | Path | None = None,
    workers: int = 1,
    engine: str = "local",
    scheduler: Any = None,
    families: Sequence[str] | str | None = None,
    lexicons: Sequence[str | Path] = (),
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: bool = False,
    total: int | None = None,
) -> ExtractSummary:
    """Stream a corpus (DataFrame, iterable of DataFrames, or iterable of article dicts)
    through the families into ``out_path`` (and the spans into ``spans_path``).

    ``engine="dask"`` runs the chunks on dask.distributed: ``scheduler`` is an address
    (``tcp://host:8786``), a ``distributed.Client``, or None for a LocalCluster of
    ``workers`` processes. Both files appear only when the whole run succeeded.
    """
    import pyarrow as pa

    out = AtomicParquet(Path(out_path))
    sp = AtomicParquet(Path(spans_path), span_schema()) if spans_path else None
    t0 = time.perf_counter()
    n = n_err = n_spans = 0
    try:
        for table, spans in _results(
            corpus, families, lexicons, workers, chunk_size, engine, scheduler, progress, total
        ):
            out.write(table)
            n += len(table)
            n_err += int(table["errors"].notna().sum())
            if sp is not None:
                sp.write(spans)
                n_spans += len(spans)
        out.commit(pa.schema([("errors", pa.string())]))
        if sp is not None:
            sp.commit(span_schema())
    except BaseException:
        out.abort()
        if sp is not None:
            sp.abort()
        raise
    return ExtractSummary(
        Path(out_path),
        Path(spans_path) if spans_path else None,
        n,
        n_err,
        n_spans,
        time.perf_counter() - t0,
    )


def read_features(path: str | Path) -> pd.DataFrame:
    """Read a feature table written by :func:`extract_to_parquet`."""
    return pd.read_parquet(path)


__all__ = [
    "DEFAULT_CHUNK_SIZE",
    "MAX_CHARS",
    "SPAN_COLUMNS",
    "ExtractSummary",
    "extract_features",
    "extract_to_parquet",
    "iter_chunks",
    "process_chunk",
    "read_features",
]
