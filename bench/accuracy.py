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
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pandas as pd

REPO_ROOT = Path(__file__).resolve().parents[1]

HEADLINE_FAMILIES = (
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入",
    "农村居民人均可支配收入", "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率",
    "调查失业率", "城镇新增就业", "进出口总额", "实际利用外资", "粮食产量",
)
HEADLINE = frozenset(HEADLINE_FAMILIES)

# The columns a fact is matched on (value is compared with a tolerance, not exactly).
KEY = ("source", "indicator", "measure", "kind", "period", "scope", "masked")
DOC_FIELDS = ("county", "city", "province", "report_year", "doc_type", "anonymised")
REL_TOL = 1e-6

INTERFACE = (
    ("pipeline.ingest", "read_document"),
    ("pipeline.normalise", "normalise_text"),
    ("pipeline.identify", "identify_document"),
    ("pipeline.extract", "extract_indicators"),
)


class InterfaceMissing(RuntimeError):
    """The pipeline functions the bench drives are not importable."""


# ---------------------------------------------------------------- small value helpers

def is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        if pd.isna(value):
            return True
    except (TypeError, ValueError):
        pass
    return isinstance(value, str) and value.strip() == ""


def to_float(value: Any) -> float | None:
    if is_empty(value):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def to_int(value: Any) -> int | None:
    number = to_float(value)
    return None if number is None else int(round(number))


def to_bool(value: Any) -> bool:
    if is_empty(value):
        return False
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes", "t", "y"}
    return bool(value)


def to_text(value: Any) -> str:
    return "" if is_empty(value) else str(value).strip()


def values_equal(a: Any, b: Any, rel_tol: float = REL_TOL) -> bool:
    """Both empty, or both numbers equal within ``rel_tol`` (relative)."""
    fa, fb = to_float(a), to_float(b)
    if fa is None or fb is None:
        return fa is None and fb is None
    return math.isclose(fa, fb, rel_tol=rel_tol, abs_tol=1e-12)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


# ---------------------------------------------------------------- frames

def canonical_facts(frame: pd.DataFrame, headline: frozenset[str] = HEADLINE) -> pd.DataFrame:
    """Bring gold or predicted facts to one shape with comparable types."""
    out = pd.DataFrame(index=frame.index)
    for col in ("source", "county", "indicator", "measure", "kind", "scope", "unit", "qualifier"):
        out[col] = frame[col].map(to_text) if col in frame else ""
    # object dtype: a column of years and None must keep None (as float it turns into NaN, and NaN != NaN)
    out["period"] = pd.Series([to_int(v) for v in frame["period"]], index=frame.index, dtype=object) \
        if "period" in frame else None
    out["value"] = frame["value"].map(to_float) if "value" in frame else None
    for col in ("masked", "estimated"):
        out[col] = frame[col].map(to_bool) if col in frame else False
    out["headline"] = out["indicator"].isin(headline)
    # What to show a human for this row.
    if "evidence" in frame:
        out["context"] = frame["evidence"].map(to_text)
    else:
        blank = pd.Series("", index=frame.index, dtype=object)
        sentence = frame["sentence"].map(to_text) if "sentence" in frame else blank
        value_text = frame["value_text"].map(to_text) if "value_text" in frame else blank
        out["context"] = [f"{v} | {s[:80]}" if v else s[:80] for v, s in zip(value_text, sentence)]
    return out.reset_index(drop=True)


def key_of(row: pd.Series) -> tuple:
    return tuple(row[c] for c in KEY)


@dataclass
class MatchResult:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, predicted index)
    unmatched_gold: list[int] = field(default_factory=list)
    unmatched_pred: list[int] = field(default_factory=list)


def match_facts(gold: pd.DataFrame, pred: pd.DataFrame) -> MatchResult:
    """One-to-one greedy matching of canonical gold and predicted facts.

    A pair needs equal KEY columns and equal values (see ``values_equal``). Among
    candidates, a predicted fact with the same qualifier is preferred so that a
    duplicate statement does not steal the better partner.
    """
    buckets: dict[tuple, list[int]] = {}
    for j, row in pred.iterrows():
        buckets.setdefault(key_of(row), []).append(j)
    used: set[int] = set()
    result = MatchResult()
    for i, g in gold.iterrows():
        candidates = [j for j in buckets.get(key_of(g), []) if j not in used
                      and values_equal(g["value"], pred.at[j, "value"])]
        if not candidates:
            result.unmatched_gold.append(i)
            continue
        same_q = [j for j in candidates if pred.at[j, "qualifier"] == g["qualifier"]]
        j = (same_q or candidates)[0]
        used.add(j)
        result.pairs.append((i, j))
    result.unmatched_pred = [j for j in pred.index if j not in used]
    return result


@dataclass
class Scores:
    tp: int
    fp: int
    fn: int
    qualifier_ok: int
    estimated_ok: int

    @property
    def precision(self) -> float:
        return prf(self.tp, self.fp, self.fn)[0]

    @property
    def recall(self) -> float:
        return prf(self.tp, self.fp, self.fn)[1]

    @property
    def f1(self) -> float:
        return prf(self.tp, self.fp, self.fn)[2]

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualifier_ok / self.tp if self.tp else 0.0

    @property
    def estimated_accuracy(self) -> float:
        return self.estimated_ok / self.tp if self.tp else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1,
                "qualifier_accuracy": self.qualifier_accuracy,
                "estimated_accuracy": self.estimated_accuracy}


def score_subset(gold: pd.DataFrame, pred: pd.DataFrame, result: MatchResult,
                 gold_mask: Callable[[pd.Series], bool],
                 pred_mask: Callable[[pd.Series], bool]) -> Scores:
    """Counts for the gold rows selected by ``gold_mask`` and predictions by ``pred_mask``."""
    pairs = [(i, j) for i, j in result.pairs if gold_mask(gold.loc[i])]
    tp = len(pairs)
    fn = sum(1 for i in result.unmatched_gold if gold_mask(gold.loc[i]))
    fp = sum(1 for j in result.unmatched_pred if pred_mask(pred.loc[j]))
    # A matched prediction whose gold partner is outside the subset (cannot happen for
    # family subsets, since indicator is part of the key) is neither TP nor FP here.
    q_ok = sum(1 for i, j in pairs if gold.at[i, "qualifier"] == pred.at[j, "qualifier"])
    e_ok = sum(1 for i, j in pairs if gold.at[i, "estimated"] == pred.at[j, "estimated"])
    return Scores(tp, fp, fn, q_ok, e_ok)


def score_facts(gold: pd.DataFrame, pred: pd.DataFrame) -> dict[str, Any]:
    """Headline, all-family and per-family scores for canonical frames."""
    result = match_facts(gold, pred)
    headline = score_subset(gold, pred, result, lambda r: bool(r["headline"]),
                            lambda r: bool(r["headline"]))
    overall = score_subset(gold, pred, result, lambda r: True, lambda r: True)
    families = sorted(set(gold["indicator"]) | set(pred["indicator"]),
                      key=lambda f: (f not in HEADLINE, HEADLINE_FAMILIES.index(f) if f in HEADLINE else 0, f))
    per_family = {f: score_subset(gold, pred, result, lambda r, f=f: r["indicator"] == f,
                                  lambda r, f=f: r["indicator"] == f) for f in families}
    return {"match": result, "headline": headline, "overall": overall, "per_family": per_family}


def score_documents(gold_docs: pd.DataFrame, predicted: dict[str, dict[str, Any]]) -> dict[str, dict]:
    """Per-field accuracy of document identification over the gold documents."""
    out: dict[str, dict] = {}
    for fld in DOC_FIELDS:
        ok, total, wrong = 0, 0, []
        for _, row in gold_docs.iterrows():
            total += 1
            pred = predicted.get(row["source"], {})
            if fld == "report_year":
                g, p = to_int(row[fld]), to_int(pred.get(fld))
            elif fld == "anonymised":
                g, p = to_bool(row[fld]), to_bool(pred.get(fld))
            else:
                g, p = to_text(row[fld]), to_text(pred.get(fld))
            if g == p:
                ok += 1
            else:
                wrong.append((row["source"], g, p))
        out[fld] = {"correct": ok, "total": total, "accuracy": ok / total if total else 0.0,
                    "wrong": wrong}
    return out


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


# ---------------------------------------------------------------- report

def fmt_scores(label: str, s: Scores, width: int = 14) -> str:
    return (f"{label:<{width}} P={s.precision:6.3f}  R={s.recall:6.3f}  F1={s.f1:6.3f}  "
            f"(tp={s.tp} fp={s.fp} fn={s.fn})  qualifier={s.qualifier_accuracy:6.3f}")


def describe(row: pd.Series) -> str:
    value = "∅" if row["value"] is None or (isinstance(row["value"], float) and math.isnan(row["value"])) \
        else f"{row['value']:g}"
    flags = ("masked " if row["masked"] else "") + ("est " if row["estimated"] else "")
    return (f"{row['indicator']}/{row['measure']}/{row['kind']} {row['period']} {row['scope']} "
            f"{value}{row['unit']} [{row['qualifier']}] {flags}«{row['context']}»")


def print_report(scored: dict, doc_scores: dict, gold: pd.DataFrame, pred: pd.DataFrame,
                 errors: list[tuple[str, str]], verbose: bool) -> None:
    print("== Facts: headline families (17)")
    print(fmt_scores("headline", scored["headline"]))
    print("== Facts: all families (non-headline gold is not exhaustive: precision is a lower bound)")
    print(fmt_scores("all", scored["overall"]))
    print("== Per family")
    for family, s in scored["per_family"].items():
        mark = "" if family in HEADLINE else " (non-headline)"
        print(fmt_scores(family, s, width=16) + mark)
    print("== Documents")
    for fld, d in doc_scores.items():
        print(f"{fld:<12} {d['correct']}/{d['total']} = {d['accuracy']:.3f}")
        if verbose:
            for source, g, p in d["wrong"]:
                print(f"    {source}: gold={g!r} predicted={p!r}")
    if errors:
        print("== Documents that failed in the pipeline (all their gold facts count as missed)")
        for source, message in errors:
            print(f"  {source}: {message}")
    if verbose:
        result: MatchResult = scored["match"]
        matched_q = [(i, j) for i, j in result.pairs if gold.at[i, "qualifier"] != pred.at[j, "qualifier"]]
        print("== False negatives (gold facts not predicted)")
        for i in result.unmatched_gold:
            print(f"  FN {gold.at[i, 'source']}: {describe(gold.loc[i])}")
        print("== False positives (predictions with no gold partner)")
        for j in result.unmatched_pred:
            tag = "" if pred.at[j, "headline"] else " (non-headline)"
            print(f"  FP {pred.at[j, 'source']}: {describe(pred.loc[j])}{tag}")
        print("== Matched facts with a different qualifier")
        for i, j in matched_q:
            print(f"  Q  {gold.at[i, 'source']}: gold={gold.at[i, 'qualifier']} "
                  f"predicted={pred.at[j, 'qualifier']} «{gold.at[i, 'context']}»")


def summary(scored: dict, doc_scores: dict, n_docs: int, n_errors: int) -> dict[str, Any]:
    h, o = scored["headline"], scored["overall"]
    return {
        "documents": n_docs, "documents_failed": n_errors,
        "headline": h.as_dict(), "all_families": o.as_dict(),
        "per_family": {f: s.as_dict() for f, s in scored["per_family"].items()},
        "identification": {f: d["accuracy"] for f, d in doc_scores.items()},
    }


def print_summary(s: dict[str, Any]) -> None:
    h, o = s["headline"], s["all_families"]
    print()
    print("=" * 60)
    print("SUMMARY")
    print(f"documents            {s['documents']} ({s['documents_failed']} failed)")
    print(f"headline  P/R/F1     {h['precision']:.3f} / {h['recall']:.3f} / {h['f1']:.3f}"
          f"   (tp={h['tp']} fp={h['fp']} fn={h['fn']})")
    print(f"all       P/R/F1     {o['precision']:.3f} / {o['recall']:.3f} / {o['f1']:.3f}"
          f"   (tp={o['tp']} fp={o['fp']} fn={o['fn']})")
    print(f"qualifier accuracy   {h['qualifier_accuracy']:.3f} (headline matched)  "
          f"{o['qualifier_accuracy']:.3f} (all matched)")
    print(f"estimated accuracy   {h['estimated_accuracy']:.3f} (headline matched)")
    ident = s["identification"]
    print("identification       " + "  ".join(f"{k}={v:.3f}" for k, v in ident.items()))
    print("=" * 60)


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
