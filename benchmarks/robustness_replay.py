"""Replay the bad-input attack matrix: every command x hostile files, options, models and paths.

    python benchmarks/robustness_replay.py            # the whole matrix
    python benchmarks/robustness_replay.py --write    # ... and record the counts in docs/robustness.md

Each case runs ``framing ...`` (``framing.cli.main``, in this process: a fresh process per
case would spend most of the time importing) in its own scratch folder, and fails on any of:

- a traceback, or an exit status other than 0 (done), 1 (a FramingError) or 2 (a usage error);
- an error that is not exactly one line, or a raw control character (an escape sequence) on
  the terminal;
- partial output: a failed run that left its output behind, or ``.part`` litter anywhere;
- a silently lost row: ``extract``'s rows plus the rows its warnings name as left out must
  equal the rows in the input; ``predict`` must write one row per article;
- code run by a model file (a marker file the crafted model would create), or a file written
  where a crafted model points.

Exit status 1 when any case fails. Needs no shared data (every input is made here).
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_89bd3b2a60d6eb6a.txt"
DOC = ROOT / "docs" / "robustness.md"
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
STORY = ("The minister said on Monday that the talks would resume in Geneva. Officials reportedly "
         "disagreed about the agenda, and rebels denied the claims, the monitor said.")


@dataclass
class Case:
    name: str
    argv: list[str]
    expect: set[int] = field(default_factory=lambda: {0, 1, 2})
    output: str | None = None          # the path the command would write (relative to the case folder)
    rows_in: int | None = None         # articles in the input, for the lost-row check
    marker: str | None = None          # a file a crafted model would create
    report: bool = False               # the command's answer is a report on stdout (lexicon validate)


@dataclass
class Outcome:
    case: Case
    ok: bool
    why: str
    seconds: float


# --------------------------------------------------------------------------- hostile files
def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _article(title: str, outlet: str, body: str = STORY) -> str:
    return f"Title: {title}\nOutlet: {outlet}\n\n{body}\n"


def make_files(d: Path) -> dict[str, tuple[Path, int | None]]:
    """name -> (path, articles a good reading finds, None where nothing can be read)."""
    f: dict[str, tuple[Path, int | None]] = {}
    f["empty"] = (_write(d / "empty.txt", b""), None)
    f["blank"] = (_write(d / "blank.txt", "  \n\t\n"), None)
    f["binary"] = (_write(d / "image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40), None)
    f["utf16-bom"] = (_write(d / "utf16.txt", codecs.BOM_UTF16_LE + _article("Naïve", "AFP").encode("utf-16-le")), 1)
    f["utf32-bom"] = (_write(d / "utf32.txt", codecs.BOM_UTF32_BE + _article("Naïve", "AFP").encode("utf-32-be")), 1)
    f["cp1252"] = (_write(d / "cp1252.txt", _article("Café “news”", "AFP").encode("cp1252")), 1)
    f["mojibake"] = (_write(d / "mojibake.txt", _article("CafÃ© itâ€™s", "AFP")), 1)
    evil = _article("Breaking \x1b[2J\x1b[31mRED\x1b]0;pwned\x07", "Evil\x1b[0m")
    f["escapes"] = (_write(d / "escapes.txt", evil), 1)
    f["nul-in-text"] = (_write(d / "nul.txt", _article("A", "B", STORY + "\x00\x00 tail")), None)
    # 5.6 MB: above framing.extract.MAX_CHARS
    f["huge"] = (_write(d / "huge.txt", _article("Dump", "AFP", (STORY + " ") * 30_000)), 1)
    f["html-no-text"] = (_write(d / "page.html", "<html><head><script>x()</script></head><body></body></html>"), None)
    loop = d / "loop.txt"
    loop.symlink_to(loop)
    f["symlink-loop"] = (loop, None)
    f["missing"] = (d / "no-such-file.txt", None)
    (d / "empty-dir").mkdir()
    f["empty-dir"] = (d / "empty-dir", None)
    mixed = d / "mixed"
    shutil.copy(SEED, _write(mixed / "a" / "seed.txt", b""))
    _write(mixed / "b" / "ok.txt", _article("Fine", "Reuters"))
    _write(mixed / "b" / "empty.txt", b"")
    _write(mixed / "b" / "bin.txt", b"\x00\x01\x02" * 100)
    f["mixed-dir"] = (mixed, 2)
    rows = "\r\n".join(["id,outlet,title,text"] + [f"{i},AFP,T{i},{STORY}" for i in range(5)]) + "\r\n"
    f["crlf.csv"] = (_write(d / "crlf.csv", rows), 5)
    f["ragged.csv"] = (_write(d / "ragged.csv", f"id,outlet,text\n1,AFP,{STORY}, extra\n2,AFP,ok\n3,AFP,fine\n"), 3)
    f["dup-ids.csv"] = (_write(d / "dup.csv", "id,text\n1,a b c\n1,d e f\n1,g h i\n1#2,j k l\n"), 4)
    trailing = ["id,outlet,text,,"] + [f"{i},AFP,{STORY},," for i in range(4001)]
    trailing[3500] = f"3499,AFP,{STORY},late value,"
    f["trailing-cols.csv"] = (_write(d / "trailing.csv", "\n".join(trailing) + "\n"), 4001)
    f["no-text-col.csv"] = (_write(d / "notext.csv", "id,outlet\n1,AFP\n"), None)
    f["header-only.csv"] = (_write(d / "header.csv", "id,outlet,text\n"), None)
    f["utf16.csv"] = (_write(d / "utf16.csv", codecs.BOM_UTF16_LE + f"id,text\n1,{STORY}\n".encode("utf-16-le")), 1)
    f["bad.jsonl"] = (_write(d / "bad.jsonl", f'{{"id": 1, "text": "{STORY}"}}\n{{not json\n'), None)
    f["bad.parquet"] = (_write(d / "bad.parquet", b"PAR1 this is not parquet"), None)
    f["unquoted-quote.csv"] = (_write(d / "quote.csv", f'id,text\n1,"unterminated {STORY}\n2,next\n'), None)
    return f


def make_models(d: Path) -> dict[str, tuple[Path, str | None]]:
    """Crafted model files: name -> (path, marker a successful attack would create)."""
    import skops.io as sio

    def craft(name: str, node: dict) -> Path:
        schema = json.loads(zipfile.ZipFile(io.BytesIO(sio.dumps({"model": "x"}))).read("schema.json"))
        schema["content"]["model"] = node
        path = d / f"{name}.skops"
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("schema.json", json.dumps(schema))
        return path

    def s(v: str) -> dict:
        return {"__class__": "str", "__module__": "builtins", "__loader__": "JsonNode",
                "content": json.dumps(v), "is_json": True}

    def call(mod: str, name: str, *args: dict) -> dict:
        return {"__class__": name, "__module__": mod, "__loader__": "ConstructorFromReduceNode",
                "content": {"__class__": "tuple", "__module__": "builtins", "__loader__": "TupleNode",
                            "content": list(args)}}

    empty = {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode", "content": {},
             "key_types": {"__class__": "list", "__module__": "builtins", "__loader__": "ListNode", "content": []}}
    out: dict[str, tuple[Path, str | None]] = {}
    for key, mod, fn, extra in (("exec", "builtins", "exec", []), ("runstring", "numpy.testing", "runstring", [empty])):
        marker = d / f"pwned-{key}"
        out[f"model:{key}"] = (craft(key, call(mod, fn, s(f"open({str(marker)!r}, 'w')"), *extra)), str(marker))
    planted = d / "planted" / "x.json"
    out["model:write_json"] = (craft("write", call("framing.compare.io", "write_json", empty, s(str(planted)))),
                               str(planted))
    out["model:class-off-list"] = (craft("odict", {"__class__": "OrderedDict", "__module__": "collections",
                                                   "__loader__": "ObjectNode", "content": empty}), None)
    out["model:not-a-zip"] = (_write(d / "text.skops", "not a model"), None)
    out["model:empty"] = (_write(d / "empty.skops", b""), None)
    return out


def tiny_corpus(d: Path, n: int) -> Path:
    folder = d / f"tiny{n}"
    folder.mkdir()
    shutil.copy(SEED, folder / "seed.txt")
    for i in range(n - 1):
        _write(folder / f"o{i}.txt", _article(f"Story {i}", "Reuters" if i % 2 else "AFP"))
    return folder


# --------------------------------------------------------------------------- the matrix
def build_cases(d: Path) -> list[Case]:
    files = make_files(d)
    models = make_models(d)
    cases: list[Case] = []
    for name, (path, n) in files.items():
        p = str(path)
        cases.append(Case(f"analyze {name}", ["analyze", p], rows_in=n))
        cases.append(Case(f"analyze --format jsonl {name}", ["analyze", p, "--format", "jsonl"]))
        cases.append(Case(f"corpus info {name}", ["corpus", "info", p]))
        cases.append(Case(f"extract {name}", ["extract", p, "-o", "out.parquet", "--no-progress"],
                          output="out.parquet", rows_in=n))
    good = str(files["crlf.csv"][0])
    for name, (path, marker) in models.items():
        cases.append(Case(f"predict {name}", ["predict", str(path), good, "-o", "p.csv"], expect={1},
                          output="p.csv", marker=marker))
    for n in (1, 2, 5):
        src = str(SEED) if n == 1 else str(tiny_corpus(d, n))
        cases.append(Case(f"report {n} article(s)", ["report", src, "-o", "r.html", "-q"], expect={0}))
        cases.append(Case(f"compare {n} article(s)", ["compare", src, "-o", "res"], expect={1}, output="res"))
    seed = str(SEED)
    _write(d / "a-file", "x")
    (d / "a-folder.html").mkdir()
    (d / "busy").mkdir()
    _write(d / "busy" / "thesis.docx", "mine")
    for label, target in (("under a file", d / "a-file" / "x"), ("an existing folder", d / "a-folder.html"),
                          ("unwritable", Path("/proc/framing/x"))):
        cases.append(Case(f"report -o {label}", ["report", seed, "-o", str(target), "-q"], expect={1}))
        cases.append(Case(f"extract -o {label}", ["extract", seed, "-o", str(target), "--no-progress"], expect={1}))
        cases.append(Case(f"predict -o {label}", ["predict", str(models['model:exec'][0]), seed, "-o", str(target)],
                          expect={1}))
    cases.append(Case("compare -o a folder of other files", ["compare", str(tiny_corpus(d, 12)), "-o", str(d / "busy")],
                      expect={1}))
    for opt in (["--bootstrap", "-5"], ["--near-dup", "7"], ["--folds", "0"], ["--seed", "-1"],
                ["--repeats", "0"], ["--workers", "0"]):
        cases.append(Case(f"compare {' '.join(opt)}", ["compare", seed, "-o", "res", *opt], expect={2}, output="res"))
    for argv in (["extract", seed, "-o", "f.parquet", "--chunk-size", "0"], ["report", seed, "--cards", "0"],
                 ["report", seed, "--workers", "-1"], ["extract", seed, "-o", "f.parquet", "--families", "loaded,foo"],
                 ["analyze", seed, "--families", "loaded,foo"], ["analyze", seed, "--families", ","],
                 ["extract", seed, "-o", "f.parquet", "--scheduler", "tcp://127.0.0.1:1"]):
        cases.append(Case(" ".join(a for a in argv if a != seed), argv, expect={1, 2}))
    cases.append(Case("analyze seed + a missing path", ["analyze", seed, str(d / "gone.txt")], expect={0}, rows_in=1))
    cases.append(Case("lexicon validate a binary file", ["lexicon", "validate", str(files["binary"][0])], expect={1},
                      report=True))
    return cases


# --------------------------------------------------------------------------- checking
def _litter(folder: Path) -> list[str]:
    return [str(p.relative_to(folder)) for p in folder.rglob("*.part")]


def _left_out(err: str) -> int:
    """Rows the warnings name as left out."""
    return sum(int(m) for m in re.findall(r"(\d+) row\(s\) with more fields than the header's \d+ left out", err))


def run_case(case: Case, scratch: Path) -> Outcome:
    import contextlib
    import traceback

    from framing.cli import main as framing_main

    cwd = Path(tempfile.mkdtemp(dir=scratch, prefix="case-"))
    here = os.getcwd()
    out_buf, err_buf = io.StringIO(), io.StringIO()
    start = time.process_time()
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out_buf), contextlib.redirect_stderr(err_buf):
            try:
                code = framing_main(case.argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code if isinstance(exc.code, int) else 2
            except BaseException:  # what a user would see as a traceback
                traceback.print_exc(file=err_buf)
                code = -1
    finally:
        os.chdir(here)
    took = time.process_time() - start
    err, out = err_buf.getvalue(), out_buf.getvalue()
    lines = [ln for ln in err.strip().splitlines() if ln.strip()]
    returncode = code

    class proc:  # noqa: N801 - the fields a subprocess result would have
        pass

    proc.returncode = returncode  # type: ignore[attr-defined]

    def fail(why: str) -> Outcome:
        return Outcome(case, False, f"{why} (exit {proc.returncode}; stderr: {err.strip()[-300:]!r})", took)

    if "Traceback" in err or "Traceback" in out:
        return fail("traceback")
    if proc.returncode not in case.expect:
        return fail(f"exit status {proc.returncode}, expected {sorted(case.expect)}")
    if _CONTROL.search(err) or _CONTROL.search(out.replace("\t", "")):
        return fail("a raw control character reached the terminal")
    if case.report and proc.returncode == 1:
        if not out.strip() or "Traceback" in out:
            return fail("no report of the problem")
    elif proc.returncode == 1 and not (lines and lines[-1].startswith("framing: error:")
                                     and sum(ln.startswith("framing: error:") for ln in lines) == 1):
        return fail("the error is not one 'framing: error:' line")
    if proc.returncode == 2 and not (lines and ": error:" in lines[-1]):
        return fail("the usage error is not one line")
    if litter := _litter(cwd):
        return fail(f".part litter: {litter}")
    if proc.returncode != 0 and case.output and (cwd / case.output).exists():
        return fail(f"a failed run left {case.output}")
    if case.marker and Path(case.marker).exists():
        return fail(f"the crafted model ran: {case.marker} exists")
    if proc.returncode == 0 and case.rows_in is not None and case.output and case.output.endswith(".parquet"):
        import pyarrow.parquet as pq

        n = pq.ParquetFile(cwd / case.output).metadata.num_rows
        if n + _left_out(err) != case.rows_in:
            return fail(f"{case.rows_in} rows in, {n} written, {_left_out(err)} named as left out")
    return Outcome(case, True, "", took)


def interrupted_extract(scratch: Path) -> Outcome:
    """SIGKILL during a two-worker extract: no partial output, no stray workers, and the next
    run cleans the .part litter the killed one could not."""
    import psutil

    case = Case("extract killed with SIGKILL, then rerun", [])
    d = Path(tempfile.mkdtemp(dir=scratch, prefix="kill-"))
    rows = [f'{i},AFP,"{STORY * 5} {i}"' for i in range(20000)]
    corpus = _write(d / "big.csv", "\n".join(["id,outlet,text", *rows]) + "\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "framing.cli", "extract", str(corpus), "-o", str(d / "f.parquet"),
            "--workers", "2", "--no-progress", "--chunk-size", "50"]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=d, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[psutil.Process] = []
    for _ in range(600):  # wait for the pool to start (minutes on a loaded machine)
        time.sleep(0.5)
        children = psutil.Process(proc.pid).children(recursive=True)
        if len(children) >= 2 and list(d.glob(".f.parquet.*.part")):
            break
    time.sleep(0.5)
    if proc.poll() is not None:
        return Outcome(case, False, "the extract ended before it could be killed: use a bigger corpus", 0.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(children, timeout=10)
    took = time.perf_counter() - start
    if alive:
        return Outcome(case, False, f"{len(alive)} pool worker(s) still alive 10 s after the kill", took)
    if (d / "f.parquet").exists():
        return Outcome(case, False, "a killed run left f.parquet", took)
    had_litter = bool(list(d.glob(".f.parquet.*.part")))
    rerun = subprocess.run(argv, cwd=d, env=env, capture_output=True, text=True)
    if rerun.returncode != 0 or list(d.glob("*.part")) or list(d.glob(".*.part")):
        return Outcome(case, False, f"rerun: exit {rerun.returncode}, litter {list(d.glob('.*.part'))}", took)
    return Outcome(case, True, f"(litter after the kill: {had_litter}; swept by the rerun)", took)


def record(counts: dict[str, int], seconds: float, failures: list[Outcome]) -> None:
    text = DOC.read_text(encoding="utf-8")
    body = (f"<!-- replay:start -->\n"
            f"Latest run ({time.strftime('%Y-%m-%d')}, `python benchmarks/robustness_replay.py --write`): "
            f"**{counts['cases']} cases, {counts['passed']} passed, {counts['failed']} failed** "
            f"({seconds / 60:.1f} minutes; CPU-seconds per case in the script's output).\n")
    for o in failures:
        body += f"- failed: `{o.case.name}`: {o.why}\n"
    body += "<!-- replay:end -->"
    text = re.sub(r"<!-- replay:start -->.*?<!-- replay:end -->", body, text, flags=re.S)
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="record the counts in docs/robustness.md")
    ap.add_argument("--only", metavar="TEXT", help="only cases whose name contains TEXT")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="framing-replay-") as tmp:
        scratch = Path(tmp)
        inputs = scratch / "inputs"
        inputs.mkdir()
        cases = [c for c in build_cases(inputs) if not args.only or args.only in c.name]
        outcomes = []
        for c in cases:  # one at a time: main() runs in this process, in the case's folder
            outcomes.append(run_case(c, scratch))
            print(f"{'ok  ' if outcomes[-1].ok else 'FAIL'} {outcomes[-1].seconds:6.1f}s  {c.name}", flush=True)
        if not args.only or "kill" in args.only:
            outcomes.append(interrupted_extract(scratch))
    failures = [o for o in outcomes if not o.ok]
    for o in failures:
        print(f"FAIL {o.case.name}: {o.why}")
    seconds = time.perf_counter() - start
    counts = {"cases": len(outcomes), "passed": len(outcomes) - len(failures), "failed": len(failures)}
    print(f"{counts['cases']} cases, {counts['passed']} passed, {counts['failed']} failed in {seconds:.0f} s")
    if args.write and not args.only:
        record(counts, seconds, failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
