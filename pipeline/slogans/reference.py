"""The reviewed slogan data: ``data/reference/slogans.tsv`` (known phrases and the rules'
word lists) and ``data/reference/slogan_corrections.tsv`` (a reviewer's kind corrections,
which win over everything and so survive every rebuild)."""

from __future__ import annotations

import csv
import functools
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pipeline import settings
from pipeline.slogans.phrases import family_key, fold_phrase

SLOGANS_FILE = "slogans.tsv"
CORRECTIONS_FILE = "slogan_corrections.tsv"
CORRECTION_COLUMNS = ("phrase", "kind", "family", "note", "author", "created_at")
KINDS = ("slogan", "plan_period", "honour", "project", "brand", "other")
ROW_TYPES = ("known", "regex", "suffix", "prefix", "before", "after", "head")


@dataclass(frozen=True)
class Correction:
    kind: str
    family: str
    note: str


@dataclass(frozen=True)
class SloganReference:
    known: dict[str, tuple[str, str]]  # folded phrase -> (kind, family)
    regexes: tuple[tuple[re.Pattern, str, str], ...]  # pattern, kind, what the rule is (Chinese)
    suffixes: tuple[tuple[str, str], ...]  # longest first
    prefixes: tuple[tuple[str, str], ...]
    before: tuple[tuple[re.Pattern, str], ...]  # cue right before the opening quote -> kind
    after: tuple[tuple[re.Pattern, str], ...]  # cue right after the closing quote -> kind
    heads: tuple[str, ...]  # place + head is a slogan (晋江经验, 浚县模式)
    corrections: dict[str, Correction]  # family key -> correction


def load_slogan_reference(path: Path | None = None, corrections: Path | None = None) -> SloganReference:
    path = path or settings.reference_file(SLOGANS_FILE)
    corrections = corrections or path.with_name(CORRECTIONS_FILE)
    stamp = corrections.stat().st_mtime_ns if corrections.exists() else 0
    return _load(path, corrections, stamp)


@functools.lru_cache(maxsize=8)
def _load(path: Path, corrections_path: Path, _stamp: int) -> SloganReference:
    known: dict[str, tuple[str, str]] = {}
    lists: dict[str, list] = {t: [] for t in ROW_TYPES if t != "known"}
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")] + ["", "", ""]
        row_type, value, kind, family = cells[:4]
        if row_type == "type":
            continue
        if row_type not in ROW_TYPES:
            raise ValueError(f"{path}:{lineno}: unknown row type {row_type!r} (expected one of {ROW_TYPES})")
        if row_type != "head" and kind not in KINDS:
            raise ValueError(f"{path}:{lineno}: unknown kind {kind!r} (expected one of {KINDS})")
        if row_type == "known":
            known[fold_phrase(value)] = (kind, family_key(family or value))
        elif row_type == "regex":
            lists[row_type].append((re.compile(value), kind, family))
        elif row_type in ("before", "after"):
            lists[row_type].append((re.compile(value), kind))
        elif row_type == "head":
            lists["head"].append(value)
        else:
            lists[row_type].append((value, kind))
    lists["suffix"].sort(key=lambda s: -len(s[0]))  # 示范基地 wins over 基地
    return SloganReference(
        known,
        tuple(lists["regex"]),
        tuple(lists["suffix"]),
        tuple(lists["prefix"]),
        tuple(lists["before"]),
        tuple(lists["after"]),
        tuple(lists["head"]),
        read_corrections(corrections_path),
    )


def read_corrections(path: Path) -> dict[str, Correction]:
    """Reviewed kind corrections, by family key; a later row for the same phrase wins."""
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    out: dict[str, Correction] = {}
    for lineno, row in enumerate(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"), 2):
        phrase, kind = (row.get("phrase") or "").strip(), (row.get("kind") or "").strip()
        if not phrase:
            continue
        if kind not in KINDS:
            raise ValueError(f"{path}:{lineno}: unknown kind {kind!r} (expected one of {KINDS})")
        family = (row.get("family") or "").strip()
        out[family_key(phrase)] = Correction(kind, family_key(family) if family else "", (row.get("note") or "").strip())
    return out


def append_correction(phrase: str, kind: str, family: str = "", note: str = "", author: str = "", path: Path | None = None) -> Path:
    """Append one reviewed correction (the 数据 page's form calls this); never rewrites the file."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (expected one of {KINDS})")
    if not fold_phrase(phrase):
        raise ValueError("empty phrase")
    path = path or settings.reference_file(CORRECTIONS_FILE)
    clean = [str(v).replace("\t", " ").replace("\n", " ").strip() for v in (phrase, kind, family, note, author)]
    created = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    new_file = not path.exists() or path.stat().st_size == 0
    with path.open("a", encoding="utf-8") as fh:
        if new_file:
            fh.write("\t".join(CORRECTION_COLUMNS) + "\n")
        fh.write("\t".join(clean + [created]) + "\n")
    return path
