"""The vocabulary step: texts in, keywords / slogans / contexts / sentences tables out.

Each document is segmented once, in the build's per-file stage, into a partial
(``pipeline.partials``: term counts, context candidates, quotes) cached with the file; the
corpus tables are then computed from the partials: TF-IDF and the context selection in
arrays (``pipeline.corpus_terms``), the slogan lexicon and each report's slogans with the
per-report work cached under a digest of what it depends on (``pipeline.corpus_slogans``),
so a report dropped into a built corpus costs its own work and a few array operations.
The public API of the whole vocabulary engine is re-exported here so the build and the app
import one module:

    build_vocabulary_tables(texts, corpus=None) -> {"keywords", "slogans", "contexts", "sentences"}
    render_clouds(keywords, slogans, clouds_dir, documents=None) -> [Path]
    render_cloud(frequencies, size, theme, cache_dir) -> Path
    compare_terms(keywords_a, keywords_b, top=20) -> DataFrame
    discover_terms(texts) -> DataFrame ; write_term_candidates(candidates, out_dir) -> Path
    resolve_font() -> Path
"""

from __future__ import annotations

import pandas as pd

from pipeline.clouds import cloud_frequencies, render_cloud, render_clouds  # noqa: F401 (API)
from pipeline.contracts import conform
from pipeline.fonts import FontNotFoundError, resolve_font  # noqa: F401 (API)
from pipeline.keywords import (  # noqa: F401 (API)
    compare_terms,
    count_terms,
    discover_terms,
    idf_from_counts,
    keyword_rows,
    tfidf_scores,
    write_term_candidates,
)
from pipeline.corpus_slogans import Corpus, find_all, learn
from pipeline.corpus_terms import TermIndex, context_frame, keyword_frame, sentence_frame, with_sentences  # noqa: F401
from pipeline.partials import CONTEXT_MAX_PER_DOC_TERM, CONTEXT_TOP_N, DocPartial, boundaries_of, document_partial  # noqa: F401
from pipeline.segment import segment_arrays


def build_vocabulary_tables(texts: pd.DataFrame, corpus: Corpus | None = None) -> dict[str, pd.DataFrame]:
    """keywords, slogans, contexts and the sentences contexts point to, for ``texts`` (doc_id, county, report_year, text).

    ``corpus`` (optional) holds the reports' partials computed earlier (the build computes
    them in its parallel, cached per-file stage) and where corpus-level results are cached;
    a report without a partial is segmented here.
    """
    docs = _documents(texts)
    corpus = corpus or Corpus()
    for d in docs:
        if d["doc_id"] not in corpus.partials:
            words, starts = segment_arrays(d["text"])
            corpus.partials[d["doc_id"]] = DocPartial.from_json(document_partial(d["text"], words, starts))
            corpus.boundaries[d["doc_id"]] = frozenset(boundaries_of(words, starts).tolist())
    partials = [corpus.partials[d["doc_id"]] for d in docs]

    # Slogans: the corpus' own quotes (their words around, how many documents) extend the reference.
    lexicon = learn(docs, corpus)
    found = find_all(docs, corpus, lexicon)

    slogan_contexts = {doc_id: result["contexts"] for doc_id, result in found.items()}
    index = TermIndex.of(partials, extra={c[0] for found_in in slogan_contexts.values() for c in found_in})
    keywords, chosen = keyword_frame(docs, partials, index)
    contexts = context_frame(docs, partials, index, chosen, slogan_contexts)

    slogan_records = [
        {"doc_id": d["doc_id"], "county": d["county"], "report_year": d["report_year"], **row}
        for d in docs for row in found[d["doc_id"]]["rows"]
    ]
    slogans = conform(
        _frame(slogan_records, ["doc_id", "county", "report_year", "slogan", "family", "kind", "kind_basis", "count",
                                "quoted_count", "first_sentence"]),
        "slogans",
    )
    return {"keywords": conform(keywords, "keywords"), "slogans": slogans, "contexts": conform(contexts, "contexts"),
            "sentences": conform(sentence_frame(docs, partials), "sentences")}


def _documents(texts: pd.DataFrame) -> list[dict]:
    required = ["doc_id", "county", "report_year", "text"]
    missing = [c for c in required if c not in texts.columns]
    if missing:
        raise ValueError(f"texts is missing columns {missing}")
    docs = []
    for row in texts[required].itertuples(index=False):
        county = None if pd.isna(row.county) else str(row.county)
        year = None if pd.isna(row.report_year) else int(row.report_year)
        text = "" if pd.isna(row.text) else str(row.text)
        docs.append({"doc_id": str(row.doc_id), "county": county, "report_year": year, "text": text})
    return sorted(docs, key=lambda d: d["doc_id"])


def _frame(records: list[dict], columns: list[str]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(records, columns=columns)
    if "report_year" in frame.columns:
        frame["report_year"] = frame["report_year"].astype("Int64")
    return frame


def main(argv: list[str] | None = None) -> None:
    """``python -m pipeline.vocabulary discover [--raw DIR] [--out DIR]``: write the candidate
    terms of the .txt files under the raw directory to ``term_candidates.csv`` for review."""
    import argparse
    from pathlib import Path

    from pipeline import settings

    parser = argparse.ArgumentParser(prog="python -m pipeline.vocabulary")
    parser.add_argument("command", choices=["discover"])
    parser.add_argument("--raw", type=Path, default=None, help="directory of .txt reports (default: settings.raw_dir())")
    parser.add_argument("--out", type=Path, default=None, help="output directory (default: settings.processed_dir())")
    args = parser.parse_args(argv)
    raw = args.raw or settings.raw_dir()
    files = sorted(raw.rglob("*.txt"))
    texts = pd.DataFrame(
        {"doc_id": [p.relative_to(raw).as_posix() for p in files], "text": [p.read_text(encoding="utf-8", errors="replace") for p in files]}
    )
    path = write_term_candidates(discover_terms(texts), args.out or settings.processed_dir())
    print(f"{len(files)} files -> {path}")


if __name__ == "__main__":
    main()
