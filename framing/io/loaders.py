"""Loaders: files, directories and tables -> one corpus DataFrame (see framing.corpus).

Each problem with one file or row becomes a one-line warning naming it; the rest of the
corpus still loads. Only a problem that leaves nothing to load raises InputError.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from framing.corpus import make_corpus
from framing.errors import InputError
from framing.io.csvrows import UNNAMED, iter_frames
from framing.io.decode import decode_bytes, repair_field
from framing.io.outlets import OutletRegistry
from framing.io.provenance import Provenance, find_wire_credit, parse_date, parse_text_header

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger("framing.io")

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TABLE_SUFFIXES = {".csv", ".tsv", ".tab", ".jsonl", ".ndjson", ".parquet", ".pq"}
#: Texts above this size load with a warning (feature extraction caps them separately).
LARGE_BYTES = 10 * 1024 * 1024

# candidate column names, in order, when no mapping is given
_AUTO_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article_content", "article", "full_text", "maintext"),
    "title": ("title", "headline", "article_title"),
    "outlet": ("outlet", "source", "source_name", "media", "site"),
    "publisher": ("publisher",),
    "origin": ("origin",),
    "date": ("date", "published", "publish_date", "published_at", "datetime", "timestamp"),
    "url": ("url", "link"),
    "id": ("id", "unit_id", "article_id", "doc_id", "uuid"),
    "language": ("language", "lang"),
    "label": ("label", "labels"),
}


def _warn(warnings: list[str], msg: str) -> None:
    log.warning(msg)
    warnings.append(msg)


def _file_id(path: Path, root: Path | None) -> str:
    rel = path.relative_to(root) if root else Path(path.name)
    return str(rel.with_suffix("")).replace(os.sep, "/")


def read_text_file(path: Path) -> tuple[str, list[str]]:
    """Read and decode one text file; InputError for unreadable, empty or binary files."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    if not data.strip():
        raise InputError(path, "empty file")
    text, warnings = decode_bytes(data, path)
    if len(data) > LARGE_BYTES:
        warnings.append(f"{path}: very large text ({len(data) / 1e6:.1f} MB); analysis will be slow")
    if not text.strip():
        raise InputError(path, "no text left after decoding")
    return text, warnings


def _row_from_provenance(prov: Provenance, **meta: Any) -> dict[str, Any]:
    row = {
        "text": prov.body,
        "title": prov.title,
        "outlet": prov.outlet,
        "publisher": prov.publisher,
        "origin": prov.origin,
        "date": prov.date,
        "url": prov.url,
        "language": prov.language,
    }
    for k, v in meta.items():
        if v is not None and row.get(k) in (None, ""):
            row[k] = v
    return row


def load_file(path: str | Path, root: Path | None = None, outlet: str | None = None) -> dict[str, Any]:
    """One .txt/.md/.html file -> one article row (metadata lifted from headers)."""
    path = Path(path)
    suffix = path.suffix.lower()
    text, warnings = read_text_file(path)
    if suffix in HTML_SUFFIXES:
        row = _html_row(text, path)
    else:
        row = _row_from_provenance(parse_text_header(text), outlet=outlet)
    if not row["text"].strip():
        raise InputError(path, "no article text found")
    row.setdefault("outlet", outlet)
    if row.get("outlet") is None:
        row["outlet"] = outlet
    row["id"] = _file_id(path, root)
    row["source_file"] = str(path)
    row["warnings"] = warnings
    return row


def _html_row(html: str, path: Path) -> dict[str, Any]:
    # trafilatura: maintained main-text extraction (boilerplate, navigation, comments removed)
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(path, "no main text found in HTML")
    get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
    body = get("text") or ""
    prov = parse_text_header(body)
    return _row_from_provenance(
        prov,
        title=get("title"),
        outlet=get("sitename"),
        date=parse_date(get("date")),
        url=get("url"),
        language=get("language"),
    )


def iter_files(root: Path) -> Iterable[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield Path(dirpath) / name


def load_directory(root: str | Path, problems: list[str] | None = None) -> list[dict[str, Any]]:
    """All article files under ``root``; the outlet comes from ``root/<outlet>/...`` folders."""
    root = Path(root)
    problems = problems if problems is not None else []
    rows: list[dict[str, Any]] = []
    for path in iter_files(root):
        suffix = path.suffix.lower()
        if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
            if suffix in TABLE_SUFFIXES:
                try:
                    rows.extend(load_table(path).to_dict("records"))
                except InputError as exc:
                    _warn(problems, str(exc))
            continue
        rel = path.relative_to(root)
        folder_outlet = rel.parts[0] if len(rel.parts) > 1 else None
        try:
            rows.append(load_file(path, root=root, outlet=folder_outlet))
        except InputError as exc:
            _warn(problems, str(exc))
    return rows


def _pick(columns: Sequence[str], field: str, given: str | None, path: Path) -> str | None:
    if given:
        if given not in columns:
            raise InputError(path, f"no column {given!r} for {field} (columns found: {', '.join(map(str, columns))})")
        return given
    lower = {str(c).lower(): c for c in columns}
    for cand in _AUTO_COLUMNS.get(field, ()):
        if cand in lower:
            return lower[cand]
    return None


def _read_table(path: Path) -> pd.DataFrame:
    import pandas as pd  # in the functions that need it: load_articles must not import it

    suffix = path.suffix.lower()
    try:
        if suffix in {".parquet", ".pq"}:
            return pd.read_parquet(path)
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    except Exception as exc:  # pyarrow raises several types for corrupt files
        raise InputError(path, f"not a readable Parquet file ({type(exc).__name__})") from None
    if not data.strip():
        raise InputError(path, "empty file")
    text, warnings = decode_bytes(data, path, repair=False)  # repaired per field, below
    for w in warnings:
        log.warning(w)
    problems: list[str] = []
    try:
        if suffix in {".jsonl", ".ndjson"}:
            df = pd.read_json(io.StringIO(text), lines=True, dtype=False)
        else:
            sep = "\t" if suffix in {".tsv", ".tab"} else ","
            frames = list(iter_frames(io.StringIO(text, newline=""), path, sep, 1 << 62, problems))
            df = frames[0] if len(frames) == 1 else pd.concat(frames, ignore_index=True)
    except (ValueError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot parse as {suffix.lstrip('.').upper()}: {str(exc).splitlines()[0]}") from None
    df = df.loc[:, [c for c in df.columns if not (str(c).startswith(UNNAMED) and df[c].isna().all())]]
    df.attrs["decode_warnings"] = warnings + problems
    return df


def repair_columns(df: pd.DataFrame, columns: Sequence[str | None]) -> list[list[str]]:
    """Repair mojibake field by field in ``columns`` (in place); the repairs per row."""
    per_row: list[list[str]] = [[] for _ in range(len(df))]
    for c in columns:
        if c is None or c not in df.columns:
            continue
        values = df[c].tolist()
        for i, v in enumerate(values):
            if isinstance(v, str):
                values[i], what = repair_field(v)
                if what and what not in per_row[i]:
                    per_row[i].append(what)
        df[c] = values
    return per_row


MAPPING_FIELDS = ("text", "title", "outlet", "date", "id", "url", "label", "publisher")


def resolve_mapping(columns: Sequence[str], path: Path, **given: str | None) -> dict[str, str | None]:
    """Which table column holds each article field (explicit ``<field>_col`` or guessed)."""
    cols = [str(c) for c in columns]
    mapping = {f: _pick(cols, f, given.get(f"{f}_col"), path) for f in _AUTO_COLUMNS}
    if mapping["text"] is None:
        raise InputError(path, f"no text column (columns found: {', '.join(cols)}); name it with --text-col")
    return mapping


def table_to_corpus(
    df: pd.DataFrame,
    path: Path,
    mapping: dict[str, str | None],
    problems: list[str],
    warnings: Sequence[str] = (),
    row_offset: int = 0,
    row_warnings: Sequence[Sequence[str]] | None = None,
) -> pd.DataFrame:
    """Map one table (or one chunk of it) onto the corpus columns; other columns are kept.

    ``warnings`` concern every row; ``row_warnings`` (one list per row) only their own row,
    and are summarised in ``problems`` with the ids they concern."""
    import pandas as pd

    out = pd.DataFrame(index=df.index)
    for f, col in mapping.items():
        if col is not None:
            out[f] = df[col]
    used = {c for c in mapping.values() if c}
    for c in df.columns:
        if c not in used and str(c) not in out.columns:
            out[str(c)] = df[c]
    if "id" not in out:
        out["id"] = [f"{path.stem}:{row_offset + i}" for i in range(len(out))]
    out["id"] = out["id"].astype(str)
    out["text"] = out["text"].fillna("").astype(str)
    if "date" in out:
        out["date"] = [parse_date(v) for v in out["date"]]
    out["source_file"] = str(path)
    empty = out["text"].str.strip() == ""
    if empty.any():
        ids = ", ".join(out.loc[empty, "id"].head(5))
        _warn(problems, f"{path}: {int(empty.sum())} row(s) with empty text kept (ids: {ids})")
    rows = out.to_dict("records")
    for i, r in enumerate(rows):
        r["warnings"] = list(warnings) + list(row_warnings[i] if row_warnings is not None else [])
    if row_warnings is not None:
        by_kind: dict[str, list[str]] = {}
        for r, ws in zip(rows, row_warnings, strict=True):
            for w in ws:
                by_kind.setdefault(w, []).append(str(r["id"]))
        for w, ids in by_kind.items():
            more = " ..." if len(ids) > 5 else ""
            _warn(problems, f"{path}: {w} in {len(ids)} row(s) (ids: {', '.join(ids[:5])}{more})")
    return make_corpus(rows)


def load_table(
    path: str | Path,
    text_col: str | None = None,
    title_col: str | None = None,
    outlet_col: str | None = None,
    date_col: str | None = None,
    id_col: str | None = None,
    url_col: str | None = None,
    label_col: str | None = None,
    publisher_col: str | None = None,
    problems: list[str] | None = None,
) -> pd.DataFrame:
    """A CSV/TSV/JSONL/Parquet table -> corpus. Columns are mapped explicitly or guessed."""
    path = Path(path)
    problems = problems if problems is not None else []
    df = _read_table(path)
    mapping = resolve_mapping(
        df.columns,
        path,
        text_col=text_col,
        title_col=title_col,
        outlet_col=outlet_col,
        date_col=date_col,
        id_col=id_col,
        url_col=url_col,
        label_col=label_col,
        publisher_col=publisher_col,
    )
    problems.extend(df.attrs.get("decode_warnings", []))  # about the file, not any one row
    repaired = repair_columns(df, [mapping["text"], mapping["title"]])
    corpus = table_to_corpus(df, path, mapping, problems, row_warnings=repaired)
    corpus.attrs["problems"] = problems
    return corpus


class UniqueIds:
    """Gives every article a distinct id, in input order, across chunks.

    A repeated id gets the first free ``#N`` suffix, free among every id handed out so far,
    so ``1, 1, 1, 1#2`` becomes ``1, 1#2, 1#3, 1#2#2`` (not a second ``1#2``).
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.renamed: list[str] = []

    def __call__(self, ids: Iterable[Any]) -> list[str]:
        out = []
        for v in map(str, ids):
            new, k = v, 1
            while new in self.taken:
                k += 1
                new = f"{v}#{k}"
            if new != v:
                self.renamed.append(v)
            self.taken.add(new)
            out.append(new)
        return out

    def report(self, problems: list[str]) -> None:
        if self.renamed:
            ids = sorted(set(self.renamed))
            more = " ..." if len(ids) > 5 else ""
            _warn(problems, f"duplicate ids renamed with a #N suffix: {', '.join(ids[:5])}{more}")
            self.renamed = []


def _dedupe_ids(df: pd.DataFrame, problems: list[str]) -> pd.DataFrame:
    unique = UniqueIds()
    ids = unique(df["id"])
    unique.report(problems)
    return df.assign(id=ids)


def check_path(p: Path) -> str | None:
    """Why ``p`` cannot be read (no such file, a symbolic-link loop, no permission), or None."""
    try:
        p.stat()
    except FileNotFoundError:
        return "no such file or directory"
    except OSError as exc:  # ELOOP: "Too many levels of symbolic links", EACCES, ...
        return f"cannot read ({exc.strerror or exc})"
    return None


def finalize(df: pd.DataFrame, registry: OutletRegistry | None = None) -> pd.DataFrame:
    """Normalise outlet names via the registry and set ``origin`` from wire credits."""
    registry = registry or OutletRegistry.default()
    if df.empty:
        return df
    df = df.copy()
    meta = [final_meta(*v, registry) for v in zip(df["text"], df["outlet"], df["publisher"], df["origin"], strict=True)]
    for j, col in enumerate(("outlet", "publisher", "origin")):
        df[col] = [m[j] for m in meta]
    return df


def final_meta(text: str, outlet: Any, publisher: Any, origin: Any, registry: OutletRegistry
               ) -> tuple[str | None, str | None, str | None]:
    """(outlet, publisher, origin) of one article: registry names; the origin from a wire
    credit in the text, else the outlet; the publisher, else the outlet."""
    outlet, publisher, origin = (registry.canonical(v) if isinstance(v, str) and v.strip() else None
                                 for v in (outlet, publisher, origin))
    agency, _, _ = find_wire_credit(text, registry)
    return outlet, publisher or outlet, origin or agency or outlet


def corpus_hash(df: pd.DataFrame) -> str:
    """sha256 over ids and texts, so a report names the exact corpus it was built from."""
    h = hashlib.sha256()
    for i, t in zip(df["id"], df["text"], strict=True):
        h.update(str(i).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(str(t).encode("utf-8", "surrogatepass"))
        h.update(b"\1")
    return h.hexdigest()


def load_corpus(paths: str | Path | Sequence[str | Path], **mapping: Any) -> pd.DataFrame:
    """Load files, directories and tables into one corpus DataFrame.

    ``mapping`` holds table column names (text_col, outlet_col, ...). Problems are logged,
    kept in ``df.attrs["problems"]``, and in each article's ``warnings``; only a load that
    finds no article at all raises InputError.
    """
    import pandas as pd

    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    problems: list[str] = []
    frames: list[pd.DataFrame] = []
    for p in _readable(paths, problems):
        if p.is_dir():
            rows = load_directory(p, problems)
            if rows:
                frames.append(make_corpus(rows))
            elif not problems:
                _warn(problems, f"{p}: no article files found")
        elif p.suffix.lower() in TABLE_SUFFIXES:
            with _one_of(paths, problems):
                frames.append(load_table(p, problems=problems, **{k: v for k, v in mapping.items() if v}))
        else:
            with _one_of(paths, problems):
                frames.append(make_corpus([load_file(p)]))
    frames = [f for f in frames if not f.empty]
    if not frames:
        _nothing_loaded(paths, problems)
    df = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    df = finalize(_dedupe_ids(df, problems))
    df.attrs["problems"] = problems
    return df


def load_articles(paths: Sequence[str | Path]) -> tuple[list[dict[str, Any]], list[str]]:
    """(rows, problems): what ``load_corpus(paths).to_dict("records")`` gives for article
    files (text, Markdown, HTML; no folders or tables), without pandas, whose import costs
    more CPU than analysing an article (``framing analyze`` reads files this way)."""
    from framing.corpus import ARTICLE_COLUMNS

    paths = list(paths)
    problems: list[str] = []
    rows: list[dict[str, Any]] = []
    for p in _readable(paths, problems):
        with _one_of(paths, problems):
            rows.append(load_file(p))
    if not rows:
        _nothing_loaded(paths, problems)
    unique = UniqueIds()
    ids = unique(r.get("id") for r in rows)
    unique.report(problems)
    registry = OutletRegistry.default()
    extra = [k for k in dict.fromkeys(k for r in rows for k in r) if k not in ARTICLE_COLUMNS]
    out = []
    for r, aid in zip(rows, ids, strict=True):
        row = {k: r.get(k) for k in (*ARTICLE_COLUMNS, *extra)}
        row["id"], row["text"] = aid, "" if row["text"] is None else str(row["text"])
        row["outlet"], row["publisher"], row["origin"] = final_meta(
            row["text"], row["outlet"], row["publisher"], row["origin"], registry)
        out.append(row)
    return out, problems


def _readable(paths: Sequence[str | Path], problems: list[str]) -> Iterable[Path]:
    """The paths that can be read; one that cannot is an error alone, a warning among others."""
    for p in map(Path, paths):
        if why := check_path(p):
            if len(paths) == 1:
                raise InputError(p, why)
            _warn(problems, f"{p}: {why}")
            continue
        yield p


@contextlib.contextmanager
def _one_of(paths: Sequence[str | Path], problems: list[str]) -> Iterator[None]:
    """A file that fails to load is the error when it is the only path, else a warning."""
    try:
        yield
    except InputError as exc:
        if len(paths) == 1:
            raise
        _warn(problems, str(exc))


def _nothing_loaded(paths: Sequence[str | Path], problems: list[str]) -> NoReturn:
    raise InputError(
        ", ".join(map(str, paths)), "no articles could be loaded" + (f" ({problems[0]})" if problems else "")
    )
