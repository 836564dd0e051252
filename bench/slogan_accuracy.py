"""Score slogan (提法) detection against the hand-labelled slogan gold sets.

    python bench/slogan_accuracy.py [--verbose] [--corpus DIR] [--json out.json]

Two gold sets, each run as one build of its documents (the lexicon of a build learns from
all its documents' quotes, as ``python -m pipeline build`` does):

* ``tests/gold/corpus_slogans.tsv``: the real excerpts of ``../shared/corpus/texts/``, read in
  place (skipped with a message when that folder is absent; ``--corpus`` or
  ``COUNTY_PULSE_CORPUS`` point elsewhere);
* ``tests/gold/slogans.tsv``: the committed samples under ``data/raw/`` (seeds and samples),
  built with everything else under ``data/raw/`` and scored on the documents it labels.

For every document the file is read, normalised and passed with the others to
``pipeline.vocabulary.build_vocabulary_tables``; its ``slogans`` rows are then compared
with the gold rows of that document:

* recall: gold ``slogan`` rows the page quotes (``written`` quoted, or lost: quotes the page
  dropped or mangled) found as a row of kind ``slogan`` (same phrase once folded: simplified
  script, no separators, no inline pinyin, or same family); ``recall_all`` adds the slogans
  only mentioned without quotes;
* trap rate: gold non-slogans (plan periods, honours, projects, brands, other quotes) that
  appear as a row of kind ``slogan``;
* unlabelled: slogan rows that match no gold row (unquoted mentions, numbered compounds):
  printed with ``--verbose`` for review, not scored.

``skip`` rows (ambiguous) are not scored. Exit status is 0 whatever the scores.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
CORPUS_GOLD = REPO_ROOT / "tests" / "gold" / "corpus_slogans.tsv"
SAMPLE_GOLD = REPO_ROOT / "tests" / "gold" / "slogans.tsv"
NON_SLOGANS = ("plan_period", "honour", "project", "brand", "other")
QUOTED_FORMS = ("quoted", "lost")

_PINYIN = re.compile(r"\((?:[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7})\)")
_NOISE = re.compile(r"[\s、，,·•;；:：.。!！?？\"'“”‘’「」『』《》〈〉()（）\[\]［］〔〕【】\-—–_]")


def corpus_dir(override: Path | None = None) -> Path:
    if override is not None:
        return override
    env = os.environ.get("COUNTY_PULSE_CORPUS")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "corpus" / "texts"


# ---------------------------------------------------------------- gold sets

def read_gold(path: Path) -> pd.DataFrame:
    """A gold TSV as (doc, phrase, label, written, note); the sample set's (doc_id, phrase, kind)
    columns are mapped onto these."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and not line.startswith("#")]
    header, rows = lines[0].split("\t"), [line.split("\t") for line in lines[1:]]
    frame = pd.DataFrame([r + [""] * (len(header) - len(r)) for r in rows], columns=header)
    if "file" in frame.columns:
        frame["doc"] = frame["file"].map(lambda f: Path(f).stem)
    else:
        frame = frame.rename(columns={"doc_id": "doc", "kind": "label"})
    for column in ("written", "note"):
        if column not in frame.columns:
            frame[column] = ""
    frame["written"] = frame["written"].replace("", "quoted")
    return frame[["doc", "phrase", "label", "written", "note"]]


def fold(phrase: str) -> str:
    """The form two spellings of one phrase share: simplified, NFKC, no pinyin or separators."""
    text = unicodedata.normalize("NFKC", str(phrase))
    text = _PINYIN.sub("", text)
    text = _to_simplified(text)
    return _NOISE.sub("", text).replace("＋", "+")


def _to_simplified(text: str) -> str:
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency
        return text
    return _converter(opencc).convert(text)


_CONVERTER = None


def _converter(opencc):
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER


# ---------------------------------------------------------------- scoring (pure)

def score(gold: pd.DataFrame, slogans: pd.DataFrame, documents: list[str] | None = None) -> dict:
    """Recall of gold slogans and rate of gold traps counted as slogans, per document.

    ``gold``: columns doc, phrase, label (and written); ``slogans``: the pipeline's table, its
    ``doc_id`` being the document's file stem; ``documents``: every document labelled, also
    those without any gold row (their slogan rows are all unlabelled).
    """
    found, phrases, families = _slogan_keys_by_doc(slogans)
    labelled: dict[str, set[str]] = {doc: set() for doc in documents or ()}
    hits: Counter = Counter()
    totals: Counter = Counter()
    misses, traps_hit = [], []
    n_traps = 0
    for row in gold.itertuples(index=False):
        key = fold(row.phrase)
        labelled.setdefault(row.doc, set()).add(key)
        if row.label == "skip":
            continue
        present = _is_found(key, found.get(row.doc, set()))
        if row.label == "slogan":
            totals[row.written] += 1
            if present:
                hits[row.written] += 1
            else:
                misses.append((row.doc, row.phrase, row.written))
        elif row.label in NON_SLOGANS:
            n_traps += 1
            if present:
                traps_hit.append((row.doc, row.phrase, row.label))
    n_slogans = sum(totals[w] for w in QUOTED_FORMS)
    n_found = sum(hits[w] for w in QUOTED_FORMS)
    unlabelled = sorted(
        (doc, key) for doc, keys in phrases.items() if doc in labelled for key in keys
        if not any(_is_found(gold_key, {key}) for gold_key in labelled[doc])
        and families[doc].get(key, key) not in labelled[doc]
    )
    return {
        "documents": len(labelled),
        "slogans": n_slogans,
        "found": n_found,
        "recall": _ratio(n_found, n_slogans),  # slogans the page quotes (or meant to: lost quotes)
        "recall_all": _ratio(sum(hits.values()), sum(totals.values())),  # unquoted mentions too
        "recall_by_written": {w: _ratio(hits[w], totals[w]) for w in sorted(totals)},
        "count_by_written": dict(sorted(totals.items())),
        "traps": n_traps,
        "traps_counted": len(traps_hit),
        "trap_rate": _ratio(len(traps_hit), n_traps),
        "misses": misses,
        "traps_hit": traps_hit,
        "unlabelled": unlabelled,
    }


def _is_found(key: str, keys: set[str]) -> bool:
    """Same folded phrase; a formula of digits (1345, 3+N) also matches the pipeline's phrase
    that adds its head noun (1345发展思路, 3+N创新动力体系)."""
    if key in keys:
        return True
    if re.search(r"[\u3400-\u9fff]", key):
        return False
    return any(k.startswith(key) and re.match(r"[\u3400-\u9fff]", k[len(key):]) for k in keys)


def _slogan_keys_by_doc(slogans: pd.DataFrame):
    """Per document: the folded phrases and families of its rows of kind slogan; the phrases
    alone; each phrase's family."""
    found: dict[str, set[str]] = {}
    phrases: dict[str, set[str]] = {}
    families: dict[str, dict[str, str]] = {}
    if slogans is None or slogans.empty:
        return found, phrases, families
    rows = slogans[slogans["kind"] == "slogan"]
    for row in rows.itertuples(index=False):
        doc, key = str(row.doc_id), fold(row.slogan)
        found.setdefault(doc, set()).add(key)
        phrases.setdefault(doc, set()).add(key)
        if isinstance(row.family, str) and row.family:
            found[doc].add(fold(row.family))
            families.setdefault(doc, {})[key] = fold(row.family)
    return found, phrases, {doc: families.get(doc, {}) for doc in phrases}


def _ratio(a: int, b: int) -> float:
    return a / b if b else float("nan")


# ---------------------------------------------------------------- running the pipeline

def build_slogans(paths: list[Path]) -> pd.DataFrame:
    """The slogans table of one build over ``paths`` (doc_id = file stem)."""
    from pipeline.ingest import read_document
    from pipeline.normalise import normalise_text
    from pipeline.vocabulary import build_vocabulary_tables

    rows = []
    for path in paths:
        text = normalise_text(read_document(path).text)
        rows.append({"doc_id": path.stem, "county": None, "report_year": None, "text": text})
    texts = pd.DataFrame(rows)
    texts["report_year"] = texts["report_year"].astype("Int64")
    return build_vocabulary_tables(texts)["slogans"]


def run_gold_set(gold_path: Path, paths: list[Path], all_labelled: bool = True) -> dict | None:
    """Score one gold set on one build of ``paths``; None when the gold set or the documents are
    absent. ``all_labelled``: every document was read (one without gold rows has no slogans);
    otherwise only the documents with gold rows are scored."""
    if not gold_path.exists() or not paths:
        return None
    gold = read_gold(gold_path)
    stems = [p.stem for p in paths]
    gold = gold[gold["doc"].isin(set(stems))]
    if gold.empty:
        return None
    labelled = stems if all_labelled else sorted(set(gold["doc"]))
    return score(gold, build_slogans(paths), documents=labelled)


def corpus_paths(corpus: Path | None = None) -> list[Path]:
    folder = corpus_dir(corpus)
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def sample_paths() -> list[Path]:
    return sorted(p for p in (REPO_ROOT / "data" / "raw").rglob("*.txt"))


def run_all(corpus: Path | None = None) -> dict[str, dict | None]:
    return {
        "corpus": run_gold_set(CORPUS_GOLD, corpus_paths(corpus)),
        "samples": run_gold_set(SAMPLE_GOLD, sample_paths(), all_labelled=False),
    }


# ---------------------------------------------------------------- report

def format_report(name: str, result: dict | None, verbose: bool = False) -> list[str]:
    if result is None:
        return [f"{name}: gold set or its documents not found, skipped"]
    by_written = ", ".join(
        f"{w} {result['recall_by_written'][w]:.3f} (n={result['count_by_written'][w]})" for w in result["recall_by_written"]
    )
    lines = [
        f"{name}: {result['documents']} documents, recall of quoted slogans {result['recall']:.3f} "
        f"({result['found']}/{result['slogans']}), with unquoted mentions {result['recall_all']:.3f} ({by_written}); "
        f"traps counted as slogans {result['traps_counted']}/{result['traps']} "
        f"(rate {result['trap_rate']:.3f}); unlabelled slogan rows {len(result['unlabelled'])}",
    ]
    if verbose:
        lines += [f"  miss  {doc}: {phrase} [{written}]" for doc, phrase, written in result["misses"]]
        lines += [f"  trap  {doc}: {phrase} [{label}]" for doc, phrase, label in result["traps_hit"]]
        lines += [f"  extra {doc}: {key}" for doc, key in result["unlabelled"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/slogan_accuracy.py", description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="per-document misses, traps and unlabelled rows")
    parser.add_argument("--corpus", type=Path, default=None, help="folder of the real corpus texts")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON")
    args = parser.parse_args(argv)
    results = run_all(args.corpus)
    for name, result in results.items():
        print("\n".join(format_report(name, result, args.verbose)))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO_ROOT))
    sys.exit(main())
