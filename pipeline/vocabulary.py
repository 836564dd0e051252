"""The vocabulary step: texts in, keywords / slogans / contexts tables out.

Each document is segmented once; its tokens feed the counts, the TF-IDF, the slogan
boundaries and the keyword-in-context index. The public API of the whole vocabulary engine
is re-exported here so the build and the app import one module:

    build_vocabulary_tables(texts) -> {"keywords", "slogans", "contexts"}
    render_clouds(keywords, slogans, clouds_dir, documents=None) -> [Path]
    render_cloud(frequencies, size, theme, cache_dir) -> Path
    compare_terms(keywords_a, keywords_b, top=20) -> DataFrame
    discover_terms(texts) -> DataFrame ; write_term_candidates(candidates, out_dir) -> Path
    resolve_font() -> Path
"""

from __future__ import annotations

from collections import Counter, defaultdict

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
from pipeline.segment import (
    get_place_words,
    get_stopwords,
    get_tokenizer,
    Token,
    segment_document,
    sentence_at,
    split_sentences,
    token_boundaries,
)
from pipeline.slogans import Occurrence, find_slogans, learn_lexicon, load_slogan_reference

# Contexts cover every slogan occurrence and every occurrence of a term that is among the
# CONTEXT_TOP_N keywords of some document, at most CONTEXT_MAX_PER_DOC_TERM per document.
CONTEXT_TOP_N = 50
CONTEXT_MAX_PER_DOC_TERM = 50


def build_vocabulary_tables(
    texts: pd.DataFrame, tokens: dict[str, list[Token]] | None = None
) -> dict[str, pd.DataFrame]:
    """keywords, slogans and contexts for ``texts`` (doc_id, county, report_year, text).

    ``tokens`` (optional) are segmentations computed earlier, per document id: the build
    segments each file in its parallel, cached per-file stage and passes them in.
    """
    stopwords, places = get_stopwords(), get_place_words()
    reference = load_slogan_reference()

    docs = _documents(texts)
    tokens = dict(tokens or {})
    for d in docs:
        if d["doc_id"] not in tokens:
            tokens[d["doc_id"]] = segment_document(d["text"], get_tokenizer())

    # Slogans: the corpus' own quotes (their words around, how many documents) extend the reference.
    lexicon = learn_lexicon([d["text"] for d in docs], reference)

    counts = {doc_id: count_terms(toks, stopwords, places) for doc_id, toks in tokens.items()}
    idf = idf_from_counts(list(counts.values()))

    keyword_records, slogan_records, context_records = [], [], []
    top_union: set[str] = set()
    scores_of = {}
    for d in docs:
        doc_id = d["doc_id"]
        scores = tfidf_scores(counts[doc_id], idf)
        scores_of[doc_id] = scores
        keyword_records += keyword_rows(doc_id, d["county"], d["report_year"], counts[doc_id], scores)
        best = sorted(scores, key=lambda t: (-scores[t], -counts[doc_id][t], t))[:CONTEXT_TOP_N]
        top_union.update(best)

    for d in docs:
        doc_id, text = d["doc_id"], d["text"]
        sentences = split_sentences(text)
        starts = [s.start for s in sentences]
        occurrences = find_slogans(text, lexicon, token_boundaries(tokens[doc_id]))
        slogan_records += _slogan_rows(d, occurrences, lexicon, sentences, starts)
        for occ in occurrences:
            context_records.append(_context(doc_id, occ.slogan, occ.start, occ.end, sentences, starts))
        per_term: Counter = Counter()
        for token in tokens[doc_id]:
            if token.word in top_union and per_term[token.word] < CONTEXT_MAX_PER_DOC_TERM:
                per_term[token.word] += 1
                context_records.append(_context(doc_id, token.word, token.start, token.end, sentences, starts))

    keywords = conform(_frame(keyword_records, ["doc_id", "county", "report_year", "term", "count", "tfidf"]), "keywords")
    slogans = conform(
        _frame(slogan_records, ["doc_id", "county", "report_year", "slogan", "family", "kind", "kind_basis", "count",
                                "quoted_count", "first_sentence"]),
        "slogans",
    )
    contexts = _frame(context_records, ["doc_id", "term", "sentence", "start", "end"])
    contexts = contexts.drop_duplicates(subset=["doc_id", "term", "start"], keep="first")
    contexts = conform(contexts, "contexts")
    return {"keywords": keywords, "slogans": slogans, "contexts": contexts}


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


def _slogan_rows(doc: dict, occurrences: list[Occurrence], lexicon, sentences, starts) -> list[dict]:
    by_slogan: dict[str, list[Occurrence]] = defaultdict(list)
    for occ in occurrences:
        by_slogan[occ.slogan].append(occ)
    rows = []
    for slogan, occs in by_slogan.items():
        first = min(occs, key=lambda o: o.start)
        sentence = sentence_at(sentences, starts, first.start)
        kind, basis = lexicon.kind_of(slogan)
        rows.append(
            {
                "doc_id": doc["doc_id"],
                "county": doc["county"],
                "report_year": doc["report_year"],
                "slogan": slogan,
                "family": lexicon.family_of(slogan),
                "kind": kind,
                "kind_basis": basis,
                "count": len(occs),
                "quoted_count": sum(o.quoted for o in occs),
                "first_sentence": sentence.text if sentence else doc["text"][first.start : first.end],
            }
        )
    return rows


def _context(doc_id: str, term: str, start: int, end: int, sentences, starts) -> dict:
    sentence = sentence_at(sentences, starts, start)
    return {
        "doc_id": doc_id,
        "term": term,
        "sentence": sentence.text if sentence else term,
        "start": start,
        "end": end,
    }


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
