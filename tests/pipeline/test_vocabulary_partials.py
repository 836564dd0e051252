"""The corpus vocabulary computed from per-report partials equals the direct computation:
the same lexicon as ``slogans.learn_lexicon``, the same TF-IDF as ``keywords.tfidf_scores``
to the last bit, the same contexts as scanning every token."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd
import pytest

from pipeline import corpus_terms, vocabulary
from pipeline.corpus_slogans import Corpus, learn
from pipeline.contracts import CONTRACTS
from pipeline.corpus_terms import TermIndex, TermStats, keyword_frame, with_sentences
from pipeline.keywords import count_terms, idf_from_counts, tfidf_scores
from pipeline.partials import (CONTEXT_MAX_PER_DOC_TERM, CONTEXT_TOP_N, DocPartial, document_partial,
                               read_boundaries, write_boundaries, boundaries_of)
from pipeline.segment import segment_arrays, segment_document, sentence_at, split_sentences
from pipeline.slogans import learn_lexicon
from pipeline.vocabulary import build_vocabulary_tables

# Two short reports of our own, with quotes repeated across them (so some phrases are
# learned as unquoted slogans) and a term beyond the per-report context cap.
OWN = [
    {"doc_id": "a1", "county": "甲县", "report_year": 2021,
     "text": "坚持“两山”理念，深化“放管服”改革。" + "推进乡村振兴，建设美丽乡村。" * 60 + "两山理念深入人心。"},
    {"doc_id": "b2", "county": "乙县", "report_year": 2022,
     "text": "践行“两山”理念，“六稳”“六保”落实有力。放管服改革持续深化，营商环境不断优化。"},
]


def _docs(frame: pd.DataFrame) -> list[dict]:
    rows = frame[["doc_id", "county", "report_year", "text"]].to_dict("records")
    return sorted(rows + OWN, key=lambda d: d["doc_id"])


def _partials(docs):
    return [DocPartial.from_json(document_partial(d["text"], *segment_arrays(d["text"]))) for d in docs]


def test_lexicon_from_partials_equals_learn_lexicon(sample_texts):
    docs = _docs(sample_texts)
    corpus = Corpus(partials={d["doc_id"]: p for d, p in zip(docs, _partials(docs))})
    ours, theirs = learn(docs, corpus), learn_lexicon([d["text"] for d in docs])
    assert ours.unquoted == theirs.unquoted and len(ours.unquoted) > 0
    assert ours.kinds == theirs.kinds and ours.bases == theirs.bases and ours.families == theirs.families


@pytest.mark.parametrize("batch", [500, 2])  # all reports' rows at once; two reports at a time
def test_tfidf_from_arrays_is_bit_identical_to_the_per_report_scores(sample_texts, batch, monkeypatch):
    monkeypatch.setattr(corpus_terms, "STATS_BATCH", batch)
    docs = _docs(sample_texts)
    assert len(docs) > 2 * batch or batch == 500
    partials = _partials(docs)
    index = TermIndex.of(partials)
    stats = TermStats.of(partials, index)
    frame, chosen = keyword_frame(docs, partials, index, stats), stats.chosen(len(index.terms))
    counts = [count_terms(segment_document(d["text"])) for d in docs]
    idf = idf_from_counts(counts)
    expected, top = [], set()
    for doc, doc_counts in zip(docs, counts):
        scores = tfidf_scores(doc_counts, idf)
        expected += [(doc["doc_id"], t, c, float(round(scores[t], 12))) for t, c in doc_counts.items()]
        top.update(sorted(scores, key=lambda t: (-scores[t], -doc_counts[t], t))[:CONTEXT_TOP_N])
    assert list(zip(frame["doc_id"], frame["term"], frame["count"], frame["tfidf"])) == sorted(expected)
    assert {t for t, keep in zip(TermIndex.of(partials).terms, chosen) if keep} == top


def test_contexts_equal_a_scan_of_every_token(sample_texts):
    """Every term's first occurrences in each report (slogans besides), whatever its rank; the
    terms some report ranks among its best are marked in term_idf."""
    docs = _docs(sample_texts)
    tables = build_vocabulary_tables(pd.DataFrame(docs))
    keywords, contexts = tables["keywords"], with_sentences(tables["contexts"], tables["sentences"])
    top = set(keywords.sort_values(["doc_id", "tfidf", "count", "term"], ascending=[True, False, False, True])
              .groupby("doc_id").head(CONTEXT_TOP_N)["term"])
    term_idf = tables["term_idf"]
    assert set(term_idf.loc[term_idf["ranked"], "term"]) == top and not term_idf["ranked"].all()
    slogans = contexts.merge(tables["slogans"][["doc_id", "slogan"]], left_on=["doc_id", "term"],
                             right_on=["doc_id", "slogan"])
    counted = keywords.groupby("doc_id")["term"].agg(set)  # the terms a report's keywords count
    expected = set()
    for doc in docs:
        sentences = split_sentences(doc["text"])
        starts = [s.start for s in sentences]
        taken = Counter()
        for token in segment_document(doc["text"]):
            if token.word in counted[doc["doc_id"]] and taken[token.word] < CONTEXT_MAX_PER_DOC_TERM:
                taken[token.word] += 1
                sentence = sentence_at(sentences, starts, token.start)
                expected.add((doc["doc_id"], token.word, token.start, token.end,
                              sentence.text if sentence else token.word))
    got = set(zip(contexts["doc_id"], contexts["term"], contexts["start"], contexts["end"], contexts["sentence"]))
    slogan_rows = set(zip(slogans["doc_id"], slogans["term"], slogans["start"], slogans["end"], slogans["sentence"]))
    assert expected <= got and got - expected <= slogan_rows
    capped = contexts[(contexts["doc_id"] == "a1") & (contexts["term"] == "乡村振兴")]
    assert len(capped) == CONTEXT_MAX_PER_DOC_TERM


def test_sentences_are_stored_once_and_every_context_finds_its_own():
    text = "我们推进乡村振兴。今年乡村振兴成效明显。我们推进乡村振兴。乡村振兴"
    tables = build_vocabulary_tables(pd.DataFrame([{"doc_id": "r1", "county": "甲县", "report_year": 2024, "text": text}]))
    sentences, contexts = tables["sentences"], tables["contexts"]
    assert list(sentences.columns) == CONTRACTS["sentences"].column_names
    # The repeated first sentence is one row, and both its occurrences point to it.
    assert sentences["sentence"].tolist().count("我们推进乡村振兴。") == 1
    rows = contexts[contexts["term"] == "乡村振兴"]
    assert rows["sentence_id"].tolist()[0] == rows["sentence_id"].tolist()[2]
    shown = with_sentences(rows, sentences)
    assert all(text[r.start:r.end] == "乡村振兴" and r.term in r.sentence for r in shown.itertuples())
    assert set(shown["sentence"]) >= {"我们推进乡村振兴。", "今年乡村振兴成效明显。"}


def test_boundaries_survive_the_cache_and_a_damaged_file_is_refused(tmp_path):
    tokens = segment_document(OWN[1]["text"])
    path = tmp_path / "doc.bounds"
    write_boundaries(path, boundaries_of(*segment_arrays(OWN[1]["text"])))
    assert read_boundaries(path) == frozenset([t.start for t in tokens] + [t.end for t in tokens])
    data = bytearray(path.read_bytes())
    data[0] ^= 1
    path.write_bytes(bytes(data))
    assert read_boundaries(path) is None
    assert read_boundaries(tmp_path / "missing.bounds") is None


def test_segment_arrays_are_the_tokens_of_segment_document(sample_texts):
    for text in list(sample_texts["text"]) + [d["text"] for d in OWN] + ["  两山 理念\n\n 乡村振兴  ", ""]:
        words, starts = segment_arrays(text)
        tokens = segment_document(text)
        assert words == [t.word for t in tokens] and starts.tolist() == [t.start for t in tokens]



def test_first_sentence_from_the_partial_is_the_sentence_segment_finds():
    """Slogan rows keep the offsets of their first occurrence; the sentence is read back from
    the partial's sentence offsets, as ``segment.sentence_at`` would find it, at every offset."""
    from pipeline.corpus_terms import first_sentence, first_sentences
    from pipeline.partials import DocPartial, document_partial
    from pipeline.segment import sentence_at, split_sentences

    text = "  一、总体要求\n\n我们推进“乡村振兴”。  今年成效明显！\n\n 三是 共同富裕  "
    partial = DocPartial.from_json(document_partial(text, *segment_arrays(text)))
    sentences = split_sentences(text)
    starts = [s.start for s in sentences]
    for offset in range(len(text)):
        found = sentence_at(sentences, starts, offset)
        expected = found.text if found else text[offset:offset + 2]
        assert first_sentence(text, partial, offset, offset + 2) == expected
    # All of a report's occurrences at once (how slogan rows are made): the same sentences.
    spans = [(offset, offset + 2) for offset in range(len(text))]
    assert first_sentences(text, partial, spans) == [first_sentence(text, partial, *span) for span in spans]
    assert first_sentences(text, partial, []) == []


def test_stored_kinds_reclassify_only_the_phrases_whose_quotes_changed(sample_texts, tmp_path, monkeypatch):
    """A data drop: the lexicon learned with the kinds store equals the one learned without
    it, and only phrases the new report quotes (their contexts changed) are classified again."""
    from pipeline import corpus_slogans

    docs = _docs(sample_texts)
    partials = dict(zip([d["doc_id"] for d in docs], _partials(docs)))
    first, new = docs[:-1], docs[-1]
    learn(first, Corpus(partials=partials, store=tmp_path))  # the built corpus
    calls: list[str] = []
    real = corpus_slogans.classify_with_basis

    def counted(phrase, reference=None, contexts=()):
        calls.append(phrase)
        return real(phrase, reference, contexts)

    monkeypatch.setattr(corpus_slogans, "classify_with_basis", counted)
    stored = learn(docs, Corpus(partials=partials, store=tmp_path))
    stored_calls = list(calls)
    calls.clear()
    fresh = learn(docs, Corpus(partials=partials))  # no store: every phrase classified
    assert stored.kinds == fresh.kinds and stored.bases == fresh.bases and stored.unquoted == fresh.unquoted
    quoted_by_new = {phrase for phrase, _before, _after in partials[new["doc_id"]].quotes()} | set(partials[new["doc_id"]].seen)
    assert stored_calls and set(stored_calls) <= quoted_by_new
    assert len(stored_calls) < len(calls) / 5


def test_boundaries_are_the_distinct_token_starts_and_ends(sample_texts):
    for text in [*sample_texts["text"], "", "  ", "a  b\n\n乡村振兴"]:
        words, starts = segment_arrays(text)
        ends = [s + len(w) for w, s in zip(words, starts.tolist())]
        got = boundaries_of(words, starts)
        assert got.dtype == np.dtype("<i4")
        assert got.tolist() == sorted(set(starts.tolist()) | set(ends))


def test_part_tables_are_what_conform_returns_and_write_the_same_bytes(sample_texts, tmp_path):
    """Keywords, slogans, contexts and sentences parts are made as Arrow tables in key order (no trip
    through pandas): conformed, their frames are unchanged, and a part file holds the bytes
    ``contracts.write_table`` writes for those rows."""
    from pipeline import contracts, partitions
    from pipeline.corpus_slogans import find_all, slogan_occurrences

    # Reports without sentences or terms sit between the others (the flat arrays' offsets).
    docs = sorted(_docs(sample_texts) + [{"doc_id": "a0", "county": None, "report_year": None, "text": "“两山”"},
                                         {"doc_id": "a2", "county": "丙县", "report_year": 2020, "text": ""}],
                  key=lambda d: d["doc_id"])
    partials = _partials(docs)
    corpus = Corpus(partials={d["doc_id"]: p for d, p in zip(docs, partials)})
    found = find_all(docs, corpus, learn(docs, corpus))
    slogan_contexts = {d["doc_id"]: slogan_occurrences(found[d["doc_id"]]) for d in docs}
    index = TermIndex.of(partials, extra={s for blob in found.values() for s in slogan_occurrences(blob)[0]})
    tables = {"keywords": corpus_terms.keyword_table(docs, partials, index),
              "contexts": corpus_terms.context_table(docs, partials, index, slogan_contexts),
              "sentences": corpus_terms.sentence_table(docs, partials),
              "slogans": vocabulary.slogan_table(docs, partials, found)}
    assert all(len(table) for table in tables.values())
    assert any(len(slogan_contexts[d["doc_id"]][0]) for d in docs)
    for name, table in tables.items():
        frame = partitions.as_frame(table)
        pd.testing.assert_frame_equal(contracts.conform(frame, name), frame)
        partitions.write_conformed(table, name, tmp_path / f"{name}-arrow.parquet")
        contracts.write_table(frame, name, tmp_path / f"{name}-frame.parquet")
        assert (tmp_path / f"{name}-arrow.parquet").read_bytes() == (tmp_path / f"{name}-frame.parquet").read_bytes()


@pytest.mark.parametrize("values", [[0.1, 0.2, 0.25, 0.3], [0.1, np.nan, 0.25, 0.3]], ids=["ties", "unscored"])
def test_best_terms_found_among_the_top_scores_equal_a_full_ranking(values):
    """``_top_terms`` ranks only the rows scoring at least their report's CONTEXT_TOP_N-th best:
    the same terms as ranking every row by (score, count, term), ties and short reports included,
    and a NaN score ranked last as a sort ranks it."""
    rng = np.random.default_rng(7)
    lengths = np.array([0, 3, CONTEXT_TOP_N, CONTEXT_TOP_N + 1, 400, 0, 120], dtype=np.int64)
    n_terms = 500
    term_ids = np.concatenate([rng.choice(n_terms, size=n, replace=False) for n in lengths]).astype(np.int64)
    counts = rng.integers(1, 4, size=len(term_ids)).astype(np.int64)
    scores = rng.choice(values, size=len(term_ids))  # many ties, broken by count then term
    doc_of = np.repeat(np.arange(len(lengths)), lengths)
    order = np.lexsort((term_ids, -counts, -scores, doc_of))
    rank = np.arange(len(order)) - np.concatenate([[0], np.cumsum(lengths)[:-1]])[doc_of[order]]
    expected = np.zeros(n_terms, dtype=bool)
    expected[term_ids[order[rank < CONTEXT_TOP_N]]] = True
    assert (corpus_terms._top_terms(term_ids, counts, scores, lengths, n_terms) == expected).all()



def test_term_index_ranks_every_term_and_maps_each_report_to_its_ids(sample_texts):
    docs = _docs(sample_texts)
    partials = _partials(docs)
    index = TermIndex.of(partials, extra={"一个只在此处的词"})
    expected = sorted({"一个只在此处的词"}.union(*(p.terms for p in partials)))
    assert index.terms == expected and len(expected) > 100
    ids = {term: i for i, term in enumerate(expected)}
    for partial, doc_terms in zip(partials, index.doc_terms):
        assert doc_terms.tolist() == [ids[t] for t in partial.terms] and len(doc_terms) == len(partial.counts)
    assert TermIndex.of([]).terms == [] and TermIndex.of([]).doc_terms == []


def test_a_partials_terms_are_one_string_that_splits_back_in_order():
    from pipeline.partials import TERM_SEPARATOR, pack_terms

    text = "推进乡村振兴，建设美丽乡村。乡村振兴战略全面推进。"
    partial = DocPartial.from_json(document_partial(text, *segment_arrays(text)))
    assert isinstance(partial.terms_text, str) and partial.terms == list(count_terms(segment_document(text)))
    assert len(partial.terms) == len(partial.counts) >= 2
    empty = DocPartial.from_json(document_partial("。", *segment_arrays("。")))
    assert empty.terms == [] and len(empty.counts) == 0
    assert pack_terms(["一"]) == "一" and pack_terms([]) == ""
    for bad in (["甲", "乙" + TERM_SEPARATOR + "丙"], [""]):
        with pytest.raises(ValueError):
            pack_terms(bad)


def test_a_partials_quotes_come_back_as_they_were_found():
    from pipeline.slogans import find_quoted

    text = "“两山”理念。坚持“放管服”改革，“六稳”“六保”落实有力。"
    found = [(occ.slogan, *occ.context(text)) for occ in find_quoted(text)]
    partial = DocPartial.from_json(document_partial(text, *segment_arrays(text)))
    assert partial.quotes() == found and len(found) == 4 and found[0][1] == ""  # the first has no words before
    assert DocPartial.from_json(document_partial("没有引号。", *segment_arrays("没有引号。"))).quotes() == []
    data = document_partial(text, *segment_arrays(text))
    data["quoted"][0][2] = "理念\x00。"  # a control character the normaliser would have removed
    assert DocPartial.from_json(data).quotes()[0] == ("两山", "", "理念。") and len(DocPartial.from_json(data).quotes()) == 4
