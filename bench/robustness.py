"""Perturbation benchmark: the real corpus rewritten as other real pages render it.

    python -m bench.robustness [--only NAME ...] [--no-pdf] [--verbose NAME] [--corpus DIR]

Each excerpt of ``../shared/corpus`` (skipped cleanly when absent) is rewritten by one
transformation at a time (``bench/perturb.py``: traditional script, ASCII punctuation,
full-width digits, hard line wraps, CJK radical code points, web-page chrome as HTML, .docx,
PDF, and paraphrases that keep every value) and run through the same path as
``bench/accuracy.py`` (read, normalise, identify, extract). The gold facts are unchanged, so
every drop from the clean row is a weakness of the pipeline, not of the labels. Scores are
the corpus README's fair score (``bench/corpus_gold.py``): headline precision over facts
extracted with a value, recall over labelled annual headline facts with a value and a year,
and the share of documents whose county and report year are right, overall and per kind.

The rules were written while looking at the clean corpus, so the clean row is an upper
bound; the transformed rows estimate how the same rules fare on text they were not tuned for.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Callable

import pandas as pd

from bench import corpus_gold, perturb
from bench.accuracy import InterfaceMissing, load_interface, match_facts, predict

KINDS = ("政府工作报告", "报告摘要", "统计公报", "计划执行情况", "其他")


# ---------------------------------------------------------------- writing transformed corpora

def _posted(row: pd.Series) -> str:
    """A portal's posting date: a bulletin is posted the year after the year it covers."""
    year = str(row["report_year"])
    if not year.isdigit():
        return "2023-03-18 09:30"
    later = int(year) + (1 if row["doc_type"] == "统计公报" else 0)
    return f"{later}-03-18 09:30"


def write_variant(corpus: corpus_gold.CorpusGold, name: str, out: Path) -> pd.DataFrame:
    """Write every excerpt transformed by ``name`` under ``out/texts``; the documents frame
    with its sources renamed to the files written."""
    (out / "texts").mkdir(parents=True, exist_ok=True)
    documents = corpus.documents.copy()
    sources = []
    for _, row in documents.iterrows():
        text = (corpus.root / row["source"]).read_text("utf-8")
        stem = Path(row["source"]).stem
        if name in perturb.TEXT_TRANSFORMS:
            data, suffix = perturb.TEXT_TRANSFORMS[name](text, stem).encode("utf-8"), ".txt"
        elif name == "web_page_html":
            data, suffix = perturb.web_page(text, stem, _posted(row)), ".html"
        elif name == "docx":
            data, suffix = perturb.docx_bytes(text), ".docx"
        else:  # clean
            data, suffix = text.encode("utf-8"), ".txt"
        source = f"texts/{stem}{suffix}"
        (out / source).write_bytes(data)
        sources.append(source)
    documents["source"] = sources
    if name == "pdf":
        documents["source"] = _to_pdf(out, sources)
    return documents


def _to_pdf(out: Path, sources: list[str]) -> list[str]:
    """Each excerpt as a plain HTML page printed to PDF by headless Chromium (one browser), as
    a "save as PDF" gives: its text layer has radical code points, spaces around numbers and
    hard line wraps of its own."""
    from playwright.sync_api import sync_playwright

    written = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page()
        for source in sources:
            text = (out / source).read_text("utf-8")
            page.set_content(perturb.plain_page(text))
            target = Path(source).with_suffix(".pdf")
            (out / target).write_bytes(page.pdf(format="A4"))
            written.append(str(target))
        browser.close()
    return written


CHROMIUM = "/usr/bin/chromium"


def _pdf_writer() -> bool:
    try:
        import playwright  # noqa: F401
    except ImportError:
        return False
    return Path(CHROMIUM).is_file()


def variant_names(include_pdf: bool) -> list[str]:
    names = ["clean", *perturb.TEXT_TRANSFORMS, "web_page_html", "docx"]
    if include_pdf and _pdf_writer():
        names.append("pdf")
    return names


# ---------------------------------------------------------------- scoring

def score_variant(corpus: corpus_gold.CorpusGold, name: str, api: dict[str, Callable],
                  verbose: bool = False) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"robust-{name}-") as tmp:
        root = Path(tmp)
        documents = write_variant(corpus, name, root)
        renamed = dict(zip(corpus.documents["source"], documents["source"]))
        facts = corpus.facts.assign(source=corpus.facts["source"].map(renamed))
        gold, pred, predicted, errors = predict(facts, documents, root, api, corpus_gold.CORPUS_HEADLINE)
    scored = corpus_gold.score_corpus(gold, pred, match_facts)
    figures = {"all": {**corpus_gold.subset_figures(scored),
                       **corpus_gold.identification_figures(documents, predicted)}}
    for kind, docs in documents.groupby("doc_type"):
        figures[kind] = corpus_gold.subset_figures(scored, set(docs["source"]))
    figures["failed"] = len(errors)
    if verbose:
        view = corpus_gold.CorpusGold(root, documents, facts, {})
        corpus_gold._print_corpus_errors(view, scored, predicted)
        for source, message in errors:
            print(f"  failed {source}: {message}")
    return figures


def format_table(results: dict[str, dict]) -> str:
    clean = results.get("clean", {}).get("all")
    head = ("| transformation | P | R | county | year | " + " | ".join(f"{k} P/R" for k in KINDS) + " |")
    rows = [head, "|" + "---|" * (5 + len(KINDS))]
    for name, figures in results.items():
        f = figures["all"]
        delta = "" if clean is None or name == "clean" else f" ({f['recall'] - clean['recall']:+.3f})"
        cells = [name, f"{f['precision']:.3f}", f"{f['recall']:.3f}{delta}", f"{f['county']:.2f}",
                 f"{f['report_year']:.2f}"]
        for kind in KINDS:
            k = figures.get(kind)
            cells.append("" if k is None else f"{k['precision']:.2f}/{k['recall']:.2f}")
        if figures.get("failed"):
            cells[0] += f" ({figures['failed']} failed)"
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(corpus_gold.DEFAULT_CORPUS))
    parser.add_argument("--only", nargs="*", help="these transformations only (clean is always scored)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF variant (headless Chromium)")
    parser.add_argument("--verbose", nargs="*", default=[], help="list the misses of these transformations")
    args = parser.parse_args(argv)
    corpus_dir = Path(args.corpus)
    if not corpus_gold.available(corpus_dir):
        print(f"(real corpus not found at {corpus_dir}: skipped)")
        return 0
    try:
        api = load_interface()
    except InterfaceMissing as exc:
        print(f"bench.robustness: {exc}", file=sys.stderr)
        return 2
    corpus = corpus_gold.load_corpus(corpus_dir)
    names = variant_names(not args.no_pdf)
    if args.only:
        names = ["clean"] + [n for n in names if n in args.only]
    results = {}
    for name in names:
        results[name] = score_variant(corpus, name, api, verbose=name in args.verbose)
        print(f"  {name}: P={results[name]['all']['precision']:.3f} R={results[name]['all']['recall']:.3f}",
              file=sys.stderr, flush=True)
    print("Headline facts on the real corpus, one transformation at a time "
          "(R: change from clean in brackets; county, year: share of documents right)")
    print(format_table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
