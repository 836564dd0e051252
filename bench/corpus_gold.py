"""The shared real corpus (``../shared/corpus``) as a gold set the accuracy bench can score.

The corpus is read in place, never copied: ``INDEX.tsv`` names each excerpt with its
county, year and kind; ``gold.jsonl`` holds the labelled facts (schema in its README).
This module brings both to the shape of ``tests/gold`` (``documents`` and ``facts``
frames whose ``source`` is relative to the corpus directory), so the same matcher scores
them. It also tags each text with the kinds of noise it carries, for per-noise figures.

Mapping decisions (the corpus labels differ from our column vocabulary in spelling only):
- ``全体居民人均可支配收入`` is our ``居民人均可支配收入``;
- scopes: ``five_year_avg`` / ``four_year_avg`` → ``multi_year_avg``, ``cumulative_*`` →
  ``cumulative``, ``H1_cumulative`` → ``half_year``, ``Q1-Q3_cumulative`` →
  ``first_three_quarters``, ``Q1_cumulative`` → ``first_quarter``; a ``vs_YYYY`` scope (是
  2011年的1.37倍) is kept as written and so matches nothing we extract;
- values are compared in a base unit (亿元 and 万元 → 元, 万人 → 人, 亿美元 → 美元), as the
  corpus README asks for a unit-normalised match;
- ``doc_kind`` ``报告摘要/新闻`` is our ``报告摘要``;
- a fact is ``estimated`` when its note says so (``estimate`` / 预计 / 初步);
- a county labelled by a former name (綦江县, now 綦江区) is compared as the unit that carries it
  today, which is what identification names; a masked year (``20XX``) is compared as unknown;
- ``bench/corpus_corrections.tsv`` lists the few labels that are wrong by the corpus's own
  conventions, each with its reason; they are applied to the labels read, never to the corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from bench.scoring import is_empty

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
CORRECTIONS = Path(__file__).resolve().with_name("corpus_corrections.tsv")

# The corpus README's headline families (the three trade/grain families of tests/gold are not).
CORPUS_HEADLINE = frozenset({
    "地区生产总值", "一般公共预算收入", "财政总收入", "地方财政收入", "固定资产投资",
    "社会消费品零售总额", "规模以上工业增加值", "城镇居民人均可支配收入", "农村居民人均可支配收入",
    "居民人均可支配收入", "农民人均纯收入", "城镇登记失业率", "调查失业率", "城镇新增就业",
})

FAMILY_NAMES = {"全体居民人均可支配收入": "居民人均可支配收入"}
DOC_KINDS = {"报告摘要/新闻": "报告摘要"}
UNIT_FACTORS = {"亿元": ("元", 1e8), "万元": ("元", 1e4), "万人": ("人", 1e4),
                "亿美元": ("美元", 1e8), "万美元": ("美元", 1e4), "万吨": ("吨", 1e4),
                "万亩": ("亩", 1e4)}
ESTIMATE_NOTE = re.compile(r"estimat|预计|初步", re.IGNORECASE)


def map_scope(scope: str) -> str:
    scope = scope or "annual"
    if scope.endswith("_avg"):
        return "multi_year_avg"
    if scope.startswith("cumulative"):
        return "cumulative"
    return {"H1_cumulative": "half_year", "Q1-Q3_cumulative": "first_three_quarters",
            "Q1_cumulative": "first_quarter"}.get(scope, scope)


def to_base_unit(value: float | None, unit: str) -> tuple[float | None, str]:
    """The value in the base unit of its unit (220亿元 → 2.2e10 元); others unchanged."""
    base, factor = UNIT_FACTORS.get(unit or "", (unit or "", 1.0))
    return (None if value is None else value * factor), base


@dataclass(frozen=True)
class CorpusGold:
    root: Path
    documents: pd.DataFrame  # source, county, city, province, report_year, doc_type, anonymised, doc_kind
    facts: pd.DataFrame      # one row per labelled fact, in tests/gold's columns
    noise: dict[str, tuple[str, ...]]  # source -> noise tags


def available(corpus_dir: Path = DEFAULT_CORPUS) -> bool:
    return (corpus_dir / "INDEX.tsv").is_file() and (corpus_dir / "gold.jsonl").is_file()


def load_corpus(corpus_dir: Path = DEFAULT_CORPUS) -> CorpusGold:
    index = apply_corrections(pd.read_csv(corpus_dir / "INDEX.tsv", sep="\t", dtype=str, keep_default_na=False))
    documents = pd.DataFrame({
        "source": "texts/" + index["file"],
        "county": index["county"], "city": index["city"], "province": index["province"],
        "report_year": index["report_year"],
        "doc_type": index["doc_kind"].map(lambda k: DOC_KINDS.get(k, k)),
        "anonymised": "false",
    })
    rows = [json.loads(line) for line in (corpus_dir / "gold.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
    facts = pd.DataFrame([_fact_row(r) for r in rows])
    noise = {src: noise_tags((corpus_dir / src).read_text("utf-8")) for src in documents["source"]}
    return CorpusGold(corpus_dir, documents, facts, noise)


def read_corrections(path: Path = CORRECTIONS) -> pd.DataFrame:
    if not path.is_file():
        return pd.DataFrame(columns=["file", "field", "gold", "corrected", "reason"])
    return pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, comment="#")


def apply_corrections(index: pd.DataFrame, corrections: pd.DataFrame | None = None) -> pd.DataFrame:
    """INDEX.tsv with the reviewed corrections applied; a row whose gold value no longer matches
    the corpus (the corpus was fixed upstream) is not applied."""
    corrections = read_corrections() if corrections is None else corrections
    index = index.copy()
    for row in corrections.itertuples(index=False):
        hit = (index["file"] == row.file) & (index[row.field] == row.gold)
        index.loc[hit, row.field] = row.corrected
    return index


def comparable_identity(field: str, value: str) -> str:
    """A labelled county or year as identification would give it: the current unit of a former
    name, and nothing for a masked year."""
    if field == "county" and value:
        from pipeline.identify import current_unit

        unit = current_unit(value)
        return unit.name if unit is not None else value
    if field == "report_year" and value and not value.isdigit():
        return ""
    return value


def _fact_row(r: dict) -> dict:
    value = r.get("value")
    value = None if value is None else float(value)
    base_value, base_unit = to_base_unit(value, r.get("unit") or "")
    return {
        "source": "texts/" + r["file"],
        "county": comparable_identity("county", r.get("county") or ""),
        "indicator": FAMILY_NAMES.get(r["indicator"], r["indicator"]),
        "measure": r["measure"], "kind": r["kind"],
        "estimated": bool(ESTIMATE_NOTE.search(r.get("note") or "")),
        "period": r.get("period"), "scope": map_scope(r.get("scope") or "annual"),
        "value": base_value, "unit": base_unit,
        "qualifier": r.get("qualifier") or "",
        "masked": False,
        "evidence": r.get("quote") or "",
        "headline": bool(r.get("headline")),
    }


def normalise_predicted_units(pred: pd.DataFrame) -> pd.DataFrame:
    """Predicted facts with values in base units, like the corpus gold."""
    pred = pred.copy()
    converted = [to_base_unit(v, u) for v, u in zip(pred["value"], pred["unit"])]
    pred["value"] = [v for v, _ in converted]
    pred["unit"] = [u for _, u in converted]
    return pred


# ---------------------------------------------------------------- noise tags

PINYIN = re.compile(r"[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")
MOJIBAKE = re.compile(r"[\ufffd]|[ÃÂâ€]{2}|[鍙鏈鐨锛闄]{3}")


def noise_tags(text: str) -> tuple[str, ...]:
    """The kinds of noise a text carries, found from the text itself (not from labels)."""
    tags = []
    if PINYIN.search(text):
        tags.append("inline_pinyin")
    if any(0x2E80 <= ord(ch) <= 0x2FDF for ch in text):
        tags.append("cjk_radicals")
    if _traditional_share(text) > 0.02:
        tags.append("traditional")
    if MOJIBAKE.search(text):
        tags.append("mojibake")
    if _hard_wrapped(text):
        tags.append("hard_wraps")
    return tuple(tags) or ("clean",)


_TRADITIONAL = set("國會經濟發區縣產業長於為與總農業區設計劃實現線鎮達區資開關")


def _traditional_share(text: str) -> float:
    han = [ch for ch in text if unicodedata.category(ch) == "Lo"]
    return sum(1 for ch in han if ch in _TRADITIONAL) / len(han) if han else 0.0


def _hard_wrapped(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 10:
        return False
    unfinished = sum(1 for line in lines if line.rstrip()[-1] not in "。；;！？!?：:）)”\"")
    return unfinished / len(lines) > 0.5


# ---------------------------------------------------------------- scoring

def score_corpus(gold: pd.DataFrame, pred: pd.DataFrame, match_facts) -> dict:
    """The corpus README's fair score, overall and per subset of sources.

    Matching is one-to-one on (source, indicator, measure, kind, period, scope, masked)
    with base-unit values. Precision is over predicted headline facts with a value; recall
    over labelled annual headline facts with a value and a year.
    """
    gold = gold[[not is_empty(v) for v in gold["value"]]].reset_index(drop=True)
    pred = normalise_predicted_units(pred)
    pred = pred[[not is_empty(v) for v in pred["value"]]].reset_index(drop=True)
    result = match_facts(gold, pred)
    partner = {j: i for i, j in result.pairs}
    recall_set = [i for i in gold.index if gold.at[i, "headline"] and gold.at[i, "scope"] == "annual"
                  and not is_empty(gold.at[i, "period"])]
    precision_set = [j for j in pred.index if pred.at[j, "headline"]]
    matched_gold = set(partner.values())
    return {"gold": gold, "pred": pred, "result": result, "partner": partner,
            "recall_set": recall_set, "precision_set": precision_set, "matched_gold": matched_gold}


def subset_figures(scored: dict, sources: set[str] | None = None) -> dict:
    gold, pred = scored["gold"], scored["pred"]
    within = (lambda src: True) if sources is None else (lambda src: src in sources)
    rec = [i for i in scored["recall_set"] if within(gold.at[i, "source"])]
    pre = [j for j in scored["precision_set"] if within(pred.at[j, "source"])]
    tp_r = sum(1 for i in rec if i in scored["matched_gold"])
    tp_p = sum(1 for j in pre if j in scored["partner"])
    pairs = [(scored["partner"][j], j) for j in pre if j in scored["partner"]]
    county_ok = sum(1 for i, j in pairs if gold.at[i, "county"] == pred.at[j, "county"])
    return {"precision": tp_p / len(pre) if pre else float("nan"),
            "recall": tp_r / len(rec) if rec else float("nan"),
            "predicted": len(pre), "correct": tp_p, "labelled": len(rec), "found": tp_r,
            "fact_county": county_ok / len(pairs) if pairs else float("nan")}


def identification_figures(documents: pd.DataFrame, predicted: dict[str, dict],
                           sources: set[str] | None = None) -> dict:
    out = {}
    docs = documents if sources is None else documents[documents["source"].isin(sources)]
    for fld in ("county", "province", "report_year", "doc_type"):
        ok = 0
        for _, row in docs.iterrows():
            got = predicted.get(row["source"], {}).get(fld)
            got = "" if got is None else str(got)
            ok += comparable_identity(fld, str(row[fld])) == got
        out[fld] = ok / len(docs) if len(docs) else float("nan")
    out["documents"] = len(docs)
    return out


def print_corpus_report(corpus: CorpusGold, scored: dict, predicted: dict[str, dict],
                        verbose: bool = False) -> dict:
    """Print overall, per-kind and per-noise figures; return them as a dict."""
    def line(label: str, f: dict, ident: dict) -> str:
        return (f"{label:<16} docs={ident['documents']:>3}  P={f['precision']:.3f} ({f['correct']}/{f['predicted']})"
                f"  R={f['recall']:.3f} ({f['found']}/{f['labelled']})  fact-county={f['fact_county']:.2f}"
                f"  county={ident['county']:.2f} province={ident['province']:.2f}"
                f" year={ident['report_year']:.2f} kind={ident['doc_type']:.2f}")

    figures = {"overall": {**subset_figures(scored), **identification_figures(corpus.documents, predicted)}}
    print("== Real corpus (headline facts: precision over extracted with a value; "
          "recall over annual labelled with a value and year)")
    print(line("all", figures["overall"], figures["overall"]))
    print("-- per document kind")
    for kind, docs in corpus.documents.groupby("doc_type"):
        sources = set(docs["source"])
        f, ident = subset_figures(scored, sources), identification_figures(corpus.documents, predicted, sources)
        figures[f"kind:{kind}"] = {**f, **ident}
        print(line(kind, f, ident))
    print("-- per noise type (a document may carry several)")
    tags = sorted({t for ts in corpus.noise.values() for t in ts})
    for tag in tags:
        sources = {s for s, ts in corpus.noise.items() if tag in ts}
        f, ident = subset_figures(scored, sources), identification_figures(corpus.documents, predicted, sources)
        figures[f"noise:{tag}"] = {**f, **ident}
        print(line(tag, f, ident))
    if verbose:
        _print_corpus_errors(corpus, scored, predicted)
    return figures


def _print_corpus_errors(corpus: CorpusGold, scored: dict, predicted: dict[str, dict]) -> None:
    gold, pred = scored["gold"], scored["pred"]
    print("== Identification errors")
    for _, row in corpus.documents.iterrows():
        got = predicted.get(row["source"], {})
        wrong = [f"{fld}: gold={row[fld]!r} got={got.get(fld)!r}"
                 for fld in ("county", "report_year", "doc_type")
                 if comparable_identity(fld, str(row[fld])) != ("" if got.get(fld) is None else str(got.get(fld)))]
        if wrong:
            print(f"  {row['source']}: " + "; ".join(wrong))
    print("== Missed (annual headline gold)")
    for i in scored["recall_set"]:
        if i not in scored["matched_gold"]:
            g = gold.loc[i]
            print(f"  FN {g['source']}: {g['indicator']}/{g['measure']}/{g['kind']} {g['period']} "
                  f"{g['value']:g}{g['unit']} «{g['context'][:70]}»")
    print("== Wrong (headline predictions with no gold partner)")
    for j in scored["precision_set"]:
        if j not in scored["partner"]:
            p = pred.loc[j]
            print(f"  FP {p['source']}: {p['indicator']}/{p['measure']}/{p['kind']} {p['period']} "
                  f"{p['scope']} {p['value']:g}{p['unit']} «{p['context'][:90]}»")
