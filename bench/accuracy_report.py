"""Printing the bench's figures: per-family tables, false negatives and positives, the summary."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from bench.scoring import HEADLINE, MatchResult, Scores

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
