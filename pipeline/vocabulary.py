"""The vocabulary step: texts in, keywords / slogans / contexts / sentences tables out.

Each document is segmented once, in the build's per-file stage, into a partial
(``pipeline.partials``: term counts, context candidates, quotes) cached with the file; the
corpus tables are then computed from the partials: TF-IDF and the context selection in
arrays (``pipeline.corpus_terms``), the slogan lexicon and each report's slogans with the
per-report work cached under a digest of what it depends on (``pipeline.corpus_slogans``),
so a report dropped into a built corpus costs its own work and a few array operations.
The public API of the whole vocabulary engine is re-exported here so the build and the app
import one module:

    build_vocabulary_tables(texts, corpus=None) -> {"keywords", "slogans", "contexts", "sentences", "term_idf"}
    render_clouds(keywords, slogans, clouds_dir, documents=None) -> [Path]
    render_cloud(frequencies, size, theme, cache_dir) -> Path
    compare_terms(keywords_a, keywords_b, top=20) -> DataFrame
    discover_terms(texts) -> DataFrame ; write_term_candidates(candidates, out_dir) -> Path
    resolve_font() -> Path
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from pipeline import partitions

from pipeline.contracts import CONTRACTS, conform
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
from pipeline.corpus_slogans import Corpus, find_all, learn, slogan_occurrences, slogan_rows
from pipeline.corpus_terms import (  # noqa: F401
    TermIndex, TermStats, context_frame, context_table, first_sentence, first_sentences, keyword_frame, keyword_table,
    sentence_frame, sentence_table, with_sentences)
from pipeline.partials import CONTEXT_MAX_PER_DOC_TERM, CONTEXT_TOP_N, DocPartial, boundaries_of, document_partial  # noqa: F401
from pipeline.segment import segment_arrays


# The cloud functions of the API, imported when first asked for: pipeline.clouds brings
# wordcloud and matplotlib (≈ 0.12 s), which no build process uses (clouds are drawn in the app).
_CLOUD_API = ("cloud_frequencies", "render_cloud", "render_clouds")


def __getattr__(name: str):
    if name in _CLOUD_API:
        from pipeline import clouds

        return getattr(clouds, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_vocabulary_tables(texts: pd.DataFrame, corpus: Corpus | None = None) -> dict:
    """keywords, slogans, contexts, the sentences contexts point to and the IDF, for ``texts`` (doc_id, county, report_year, text).

    ``corpus`` (optional) holds the reports' partials computed earlier (the build computes
    them in its parallel, cached per-file stage) and where corpus-level results are cached;
    a report without a partial is segmented here. With ``corpus.part_length`` set (the
    build), the tables come back as ``partitions.PartitionedTable``: the corpus-level work
    (lexicon, slogans, IDF, the terms contexts cover) is done here, each part's rows only
    when the part is written, and only if its inputs changed since the last build.
    """
    return vocabulary_tables_of(_documents(texts), corpus)


def vocabulary_tables_of(docs: list[dict], corpus: Corpus | None = None) -> dict:
    """``build_vocabulary_tables`` of ``docs`` ({doc_id, county, report_year, text}, sorted by
    doc_id): the build's entry, which passes its texts as they are instead of copying them
    into a frame and out again."""
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
    if corpus.pool is not None:  # the build's workers have done their last job: free them before the arrays
        corpus.pool.shutdown()

    index = TermIndex.of(partials, extra={s for blob in found.values() for s in slogan_occurrences(blob)[0]})
    stats = TermStats.of(partials, index)
    term_idf = conform(stats.idf_frame(index, stats.chosen(len(index.terms))), "term_idf")
    if corpus.part_length is None:  # a stand-alone call: plain frames, keywords with their tfidf
        parts = _VocabularyParts(docs, partials, index, found, corpus)
        tables = {name: parts.table(name, 1).frame() for name in ("slogans", "contexts", "sentences")}
        return {"keywords": conform(keyword_frame(docs, partials, index, stats), "keywords"), **tables,
                "term_idf": term_idf}
    parts = _VocabularyParts(docs, partials, index, found, corpus)
    tables = {name: parts.table(name, corpus.part_length) for name in ("keywords", "slogans", "contexts", "sentences")}
    return {**tables, "term_idf": term_idf}


@dataclass
class _VocabularyParts:
    """Makes the rows of one part of a vocabulary table from the corpus-level results."""

    docs: list[dict]
    partials: list[DocPartial]
    index: TermIndex
    found: dict[str, bytes]  # per doc_id, its slogans packed (``corpus_slogans.find_all``)
    corpus: Corpus

    def table(self, name: str, length: int) -> partitions.PartitionedTable:
        groups: dict[str, list[int]] = {}
        for i, doc in enumerate(self.docs):  # docs are sorted by doc_id, so each group is a range
            groups.setdefault(partitions.part_of(doc["doc_id"], length), []).append(i)
        return partitions.PartitionedTable(name, [
            partitions.Part(part, self._inputs(name, rows), lambda name=name, rows=rows: self._rows(name, rows))
            for part, rows in sorted(groups.items())])

    def _inputs(self, name: str, rows: list[int]) -> str | None:
        keys = [self.corpus.keys.get(self.docs[i]["doc_id"]) for i in rows]
        if None in keys:
            return None  # no cache key to vouch for the report: compare the rows instead
        reports = [(self.docs[i]["doc_id"], key, self.docs[i]["county"], self.docs[i]["report_year"])
                   for i, key in zip(rows, keys)]
        if name in ("sentences", "keywords"):  # keywords: counts, county and year (tfidf is not stored)
            return partitions.inputs_digest(name, reports)
        # Slogans and contexts: also the report's slogans as found (reused from the store or not).
        found = [self._found_digest(self.docs[i]["doc_id"]) for i in rows]
        return partitions.inputs_digest(name, reports, found)

    def _found_digest(self, doc_id: str) -> str:
        return hashlib.sha256(self.found[doc_id]).hexdigest()

    def _rows(self, name: str, rows: list[int]) -> pd.DataFrame | pa.Table:
        """A part's rows: sentences, keywords and contexts as the Arrow table the part file
        holds (made in key order, each key once: what ``conform`` would return), slogans as a
        conformed frame."""
        docs = [self.docs[i] for i in rows]
        partials = [self.partials[i] for i in rows]
        if name == "sentences":
            return sentence_table(docs, partials)
        if name == "keywords":
            return keyword_table(docs, partials, self.index.of_rows(rows))
        if name == "contexts":
            index = self.index.of_rows(rows)
            slogan_contexts = {d["doc_id"]: slogan_occurrences(self.found[d["doc_id"]]) for d in docs}
            return context_table(docs, partials, index, slogan_contexts)
        return slogan_table(docs, partials, self.found)


def slogan_table(docs: list[dict], partials: list[DocPartial], found: dict[str, bytes]) -> pa.Table:
    """The slogans rows of ``docs`` (sorted by doc_id) as the Arrow table a part file holds, in
    key order (a report's slogans are distinct): what ``contracts.conform`` would return (a
    test holds it), made without a frame of dicts."""
    columns: dict[str, list] = {name: [] for name in CONTRACTS["slogans"].column_names}
    for d, partial in zip(docs, partials):
        rows = sorted(slogan_rows(found[d["doc_id"]]), key=lambda row: row["slogan"])
        for name in ("doc_id", "county", "report_year"):
            columns[name] += [d[name]] * len(rows)
        for name in ("slogan", "family", "kind", "kind_basis", "count", "quoted_count"):
            columns[name] += [row[name] for row in rows]
        columns["first_sentence"] += first_sentences(d["text"], partial, [row["first"] for row in rows])
    return pa.table(columns, schema=CONTRACTS["slogans"].schema)


def _documents(texts: pd.DataFrame) -> list[dict]:
    required = ["doc_id", "county", "report_year", "text"]
    missing = [c for c in required if c not in texts.columns]
    if missing:
        raise ValueError(f"texts is missing columns {missing}")
    docs = [document(row.doc_id, row.county, row.report_year, row.text)
            for row in texts[required].itertuples(index=False)]
    return sorted(docs, key=lambda d: d["doc_id"])


def document(doc_id, county, report_year, text) -> dict:
    """One report as the vocabulary reads it (a missing county, year or text: None, None, "")."""
    return {"doc_id": str(doc_id), "county": None if pd.isna(county) else str(county),
            "report_year": None if pd.isna(report_year) else int(report_year),
            "text": "" if text is None or pd.isna(text) else str(text)}


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
