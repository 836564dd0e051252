"""Score the extractor against the hand-labelled gold set.

    python bench/accuracy.py [--gold DIR | --corpus DIR] [--oracle-identity] [--verbose] [--json out.json]

With no set named, the real corpus (../shared/corpus, read in place; skipped when absent)
is scored as the main set, per document kind and per noise type, followed by tests/gold,
tests/gold/holdout and the slogan gold sets (bench/slogan_accuracy.py). ``--oracle-identity`` gives the extractor the labelled county, year
and document kind instead of identifying them, to measure extraction alone.

For every document in ``<gold>/documents.tsv`` the file is read, normalised,
identified and extracted through the public pipeline interface:

    pipeline.ingest.read_document(path) -> Ingested(text, format, encoding, html_title)
    pipeline.normalise.normalise_text(text) -> str
    pipeline.identify.identify_document(text, source_file, html_title=None) -> DocumentIdentity
    pipeline.extract.extract_indicators(text, identity) -> DataFrame

Predicted facts are matched one-to-one with gold facts on (source, indicator, measure,
kind, period, scope, value, masked); values match when both are empty or equal within
1e-6 relative. The qualifier (and the estimated flag) are scored separately on the
matched pairs. Headline precision only counts predictions in the 17 headline families;
non-headline gold is not exhaustive, so the "all families" precision is a lower bound.

Exit status is 0 whatever the scores; 2 when the pipeline interface is missing.

The parts: ``bench/scoring.py`` (matching and the scores), ``bench/accuracy_report.py`` (what
is printed), ``bench/corpus_gold.py`` (the real corpus as a gold set); this module runs the
pipeline over a gold set and wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import traceback
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script (python bench/accuracy.py): the bench package is importable
    sys.path.insert(0, str(REPO_ROOT))

# The measuring rules and the report live in their own modules; their names stay importable here.
from bench.scoring import (  # noqa: E402,F401
    DOC_FIELDS, HEADLINE, HEADLINE_FAMILIES, KEY, REL_TOL, MatchResult, Scores, canonical_facts, is_empty, key_of,
    match_facts, prf, score_documents, score_facts, score_subset, to_bool, to_float, to_int, to_text, values_equal,
)
from bench.accuracy_report import describe, fmt_scores, print_report, print_summary, summary  # noqa: E402,F401

INTERFACE = (
    ("pipeline.ingest", "read_document"),
    ("pipeline.normalise", "normalise_text"),
    ("pipeline.identify", "identify_document"),
    ("pipeline.extract", "extract_indicators"),
)


class InterfaceMissing(RuntimeError):
    """The pipeline functions the bench drives are not importable."""


# ---------------------------------------------------------------- running the pipeline

def load_interface() -> dict[str, Callable]:
    functions, problems = {}, []
    for module_name, attr in INTERFACE:
        try:
            module = importlib.import_module(module_name)
        except Exception as exc:  # ImportError or an error inside the module
            problems.append(f"{module_name}: cannot import ({type(exc).__name__}: {exc})")
            continue
        fn = getattr(module, attr, None)
        if not callable(fn):
            problems.append(f"{module_name}.{attr}: not defined")
            continue
        functions[attr] = fn
    if problems:
        raise InterfaceMissing("; ".join(problems))
    return functions


def source_file_for(source: str) -> str:
    """The name the pipeline knows a file by: relative to data/raw when it lives there."""
    prefix = "data/raw/"
    return source[len(prefix):] if source.startswith(prefix) else source


def oracle_identity(row: pd.Series) -> SimpleNamespace:
    """The labelled identity of a gold document, to measure extraction apart from identification."""
    return SimpleNamespace(
        county=to_text(row["county"]) or None, city=to_text(row["city"]) or None,
        province=to_text(row["province"]) or None, report_year=to_int(row["report_year"]),
        doc_type=to_text(row["doc_type"]) or "其他", anonymised=to_bool(row["anonymised"]),
        title=None, delivered_year=None, delivered_month=None,
        # an article covering several counties is labelled with them all, joined by ";"
        counties=tuple(to_text(row["county"]).split(";")) if ";" in to_text(row["county"]) else (),
    )


def run_document(api: dict[str, Callable], root: Path, source: str,
                 oracle: SimpleNamespace | None = None) -> tuple[dict, pd.DataFrame]:
    ingested = api["read_document"](root / source)
    text = api["normalise_text"](ingested.text)
    identity = oracle or api["identify_document"](text, source_file_for(source),
                                                  html_title=getattr(ingested, "html_title", None))
    facts = api["extract_indicators"](text, identity)
    facts = _attribute(facts, text, identity)
    ident = {fld: getattr(identity, fld, None) for fld in DOC_FIELDS}
    if facts is None:
        facts = pd.DataFrame()
    facts = facts.copy()
    facts["source"] = source
    if "county" not in facts:
        facts["county"] = ident.get("county") or ""
    return ident, facts


def _attribute(facts: pd.DataFrame | None, text: str, identity) -> pd.DataFrame | None:
    """Each fact's county from its sentence (pipeline.attribution), when that stage exists."""
    try:
        from pipeline.attribution import attribute_counties
    except ImportError:
        return facts
    return facts if facts is None else attribute_counties(facts, text, identity)


def read_gold(gold_dir: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    kw = dict(sep="\t", dtype=str, keep_default_na=False, quoting=3, encoding="utf-8")
    return pd.read_csv(gold_dir / "facts.tsv", **kw), pd.read_csv(gold_dir / "documents.tsv", **kw)


# ---------------------------------------------------------------- main

def evaluate(gold_dir: Path, root: Path, api: dict[str, Callable], oracle: bool = False) -> tuple:
    gold_raw, gold_docs = read_gold(gold_dir)
    gold, pred, predicted_docs, errors = predict(gold_raw, gold_docs, root, api, oracle=oracle)
    scored = score_facts(gold, pred)
    doc_scores = score_documents(gold_docs, predicted_docs)
    return gold, pred, scored, doc_scores, errors, len(gold_docs)


def predict(gold_raw: pd.DataFrame, gold_docs: pd.DataFrame, root: Path, api: dict[str, Callable],
            headline: frozenset[str] = HEADLINE, oracle: bool = False) -> tuple:
    """Run the pipeline on every gold document: canonical gold, predictions, identities, errors.

    With ``oracle`` the labelled identity replaces ``identify_document``, so the figures
    measure extraction alone."""
    predicted_docs: dict[str, dict] = {}
    frames, errors = [], []
    for _, doc in gold_docs.iterrows():
        source = doc["source"]
        try:
            ident, facts = run_document(api, root, source, oracle_identity(doc) if oracle else None)
        except Exception as exc:
            errors.append((source, f"{type(exc).__name__}: {exc}"))
            traceback.print_exc(limit=3, file=sys.stderr)
            continue
        predicted_docs[source] = ident
        if len(facts):
            frames.append(facts)
    pred_raw = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["source"])
    gold = canonical_facts(gold_raw, headline)
    pred = canonical_facts(pred_raw, headline)
    # Only score predictions for the gold documents.
    pred = pred[pred["source"].isin(set(gold_docs["source"]))].reset_index(drop=True)
    return gold, pred, predicted_docs, errors


def evaluate_corpus(corpus_dir: Path, api: dict[str, Callable], verbose: bool, oracle: bool = False) -> dict:
    """Score the real corpus (read in place) and print its per-kind and per-noise report."""
    from bench import corpus_gold

    corpus = corpus_gold.load_corpus(corpus_dir)
    gold, pred, predicted_docs, errors = predict(corpus.facts, corpus.documents, corpus.root, api,
                                                 corpus_gold.CORPUS_HEADLINE, oracle=oracle)
    scored = corpus_gold.score_corpus(gold, pred, match_facts)
    figures = corpus_gold.print_corpus_report(corpus, scored, predicted_docs, verbose)
    for source, message in errors:
        print(f"  failed {source}: {message}")
    figures["documents_failed"] = len(errors)
    return figures


def evaluate_slogans(verbose: bool) -> dict:
    """Slogan recall and trap rate (bench/slogan_accuracy.py) on the corpus and the samples."""
    from bench import slogan_accuracy

    print("\n##### slogans (提法): recall of quoted policy slogans, quoted non-slogans counted")
    results = slogan_accuracy.run_all(None)
    for name, result in results.items():
        print("\n".join(slogan_accuracy.format_report(name, result, verbose)))
    return {name: {k: v for k, v in result.items() if isinstance(v, (int, float, str))}
            for name, result in results.items()}


def evaluate_gold_dir(gold_dir: Path, root: Path, api: dict[str, Callable], verbose: bool,
                      full_report: bool, oracle: bool = False) -> dict:
    gold, pred, scored, doc_scores, errors, n_docs = evaluate(gold_dir, root, api, oracle)
    if full_report:
        print_report(scored, doc_scores, gold, pred, errors, verbose)
    figures = summary(scored, doc_scores, n_docs, len(errors))
    print_summary(figures)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", help="score only this gold directory (facts.tsv, documents.tsv)")
    parser.add_argument("--corpus", help="score only this real corpus (INDEX.tsv, gold.jsonl, texts/)")
    parser.add_argument("--root", default=str(REPO_ROOT), help="repository root the sources are relative to")
    parser.add_argument("--verbose", action="store_true", help="list every false positive and negative")
    parser.add_argument("--json", help="also write the summary figures to this file")
    parser.add_argument("--oracle-identity", action="store_true",
                        help="use the labelled county, year and kind instead of identify_document "
                             "(measures extraction alone)")
    args = parser.parse_args(argv)

    root = Path(args.root).resolve()
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    try:
        api = load_interface()
    except InterfaceMissing as exc:
        print("bench/accuracy.py: the extractor interface is missing; cannot score.\n"
              f"  {exc}\n  Expected: " + ", ".join(f"{m}.{a}" for m, a in INTERFACE),
              file=sys.stderr)
        return 2

    from bench import corpus_gold

    oracle = args.oracle_identity
    figures: dict[str, Any] = {}
    if args.gold:
        gold_dir = Path(args.gold)
        if not gold_dir.is_absolute():
            gold_dir = gold_dir if gold_dir.exists() else root / gold_dir
        figures[str(args.gold)] = evaluate_gold_dir(gold_dir, root, api, args.verbose, True, oracle)
    elif args.corpus:
        figures["corpus"] = evaluate_corpus(Path(args.corpus), api, args.verbose, oracle)
    else:
        # The real corpus is the main set; our own gold sets follow for comparison.
        if corpus_gold.available():
            figures["corpus"] = evaluate_corpus(corpus_gold.DEFAULT_CORPUS, api, args.verbose, oracle)
        else:
            print(f"(real corpus not found at {corpus_gold.DEFAULT_CORPUS}: skipped)")
        for gold_dir in ("tests/gold", "tests/gold/holdout"):
            print(f"\n##### {gold_dir}")
            figures[gold_dir] = evaluate_gold_dir(root / gold_dir, root, api, args.verbose, args.verbose, oracle)
        figures["slogans"] = evaluate_slogans(args.verbose)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2, default=str),
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
