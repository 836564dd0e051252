"""Keywords: the top-20 of every sample says something, TF-IDF finds what is distinctive,
the log-odds comparison points the right way, new terms are discovered."""

from __future__ import annotations

import re

import pandas as pd

from pipeline.contracts import CONTRACTS, conform
from pipeline.corpus_terms import with_sentences
from pipeline.slogans import family_key
from pipeline.keywords import compare_terms, count_terms, discover_terms, idf_from_counts, tfidf_scores, top_terms, write_term_candidates

GENERIC_VERBS = {
    "推进", "建设", "加快", "发展", "工作", "实施", "推动", "提升", "加强", "完善", "落实",
    "坚持", "深化", "开展", "实现", "打造", "持续", "全面", "强化", "优化", "确保", "完成",
    "做好", "抓好", "促进", "提高", "增长", "积极", "扎实", "深入", "不断", "着力", "围绕",
    "健全", "巩固", "加大", "构建", "聚焦", "培育", "支持", "创建", "新增", "突出", "努力",
}
MASK_OR_NUMBER = re.compile(r"[0-9０-９XxＸｘ*＊]|^[零〇一二三四五六七八九十百千万亿两]+$")


def test_tables_conform(built_tables):
    for name in ("keywords", "slogans", "contexts", "sentences"):
        frame = built_tables[name]
        assert list(frame.columns) == CONTRACTS[name].column_names
        pd.testing.assert_frame_equal(conform(frame, name), frame)


def test_top20_has_no_generic_verbs_masks_or_numbers(built_tables, sample_texts):
    top = top_terms(built_tables["keywords"], 20)
    assert set(top["doc_id"]) == set(sample_texts["doc_id"])
    for doc_id, group in top.groupby("doc_id"):
        terms = list(group["term"])
        assert len(terms) >= 15, doc_id  # a two-paragraph news summary has few content words
        assert not (set(terms) & GENERIC_VERBS), (doc_id, set(terms) & GENERIC_VERBS)
        assert not [t for t in terms if MASK_OR_NUMBER.search(t)], (doc_id, terms)


def test_anonymised_documents_keep_rows_with_null_county(built_tables):
    kw = built_tables["keywords"]
    anonymised = kw[kw["doc_id"] == "000_c9aa3e43874953b5"]
    assert len(anonymised) > 0 and anonymised["county"].isna().all()
    sl = built_tables["slogans"]
    assert sl.loc[sl["doc_id"] == "000_c9aa3e43874953b5", "county"].isna().all()


def test_county_name_is_not_a_keyword(built_tables):
    kw = built_tables["keywords"]
    assert not kw["term"].isin(["浚县", "利津县", "利津", "鹤壁市", "河南"]).any()


def test_tfidf_county_term_outranks_genre_term(built_tables):
    kw = built_tables["keywords"].set_index(["doc_id", "term"])
    doc = "001_fd803d36d9783eb8"
    # 水晶 (crystal glass, this county's industry) vs 项目-like genre nouns used everywhere.
    genre = kw.loc[doc].index.intersection(["改革", "城市", "文化", "乡村"])[0]
    assert kw.loc[(doc, "水晶"), "tfidf"] > kw.loc[(doc, genre), "tfidf"]
    assert kw.loc[(doc, "水晶"), "count"] < kw.loc[(doc, genre), "count"] * 5


def test_tfidf_toy_corpus():
    docs = [
        count_terms(["乡村", "乡村", "花生", "花生"]),
        count_terms(["乡村", "乡村", "水晶"]),
        count_terms(["乡村", "城市"]),
        count_terms(["乡村", "教育"]),
    ]
    scores = tfidf_scores(docs[0], idf_from_counts(docs))
    assert scores["花生"] > scores["乡村"]


def _kw(doc_id, counts):
    return pd.DataFrame({"doc_id": doc_id, "term": list(counts), "count": list(counts.values())})


def test_compare_terms_sign_and_order():
    a = _kw("a", {"花生": 40, "古城": 25, "乡村": 50, "教育": 10})
    b = _kw("b", {"水晶": 45, "国企": 20, "乡村": 50, "教育": 10})
    out = compare_terms(a, b, top=5)
    assert list(out.columns) == ["term", "count_a", "count_b", "z", "side"]
    assert out.iloc[0]["term"] == "花生" and out.iloc[0]["side"] == "a"
    assert out.iloc[-1]["term"] == "水晶" and out.iloc[-1]["side"] == "b"
    z = out.set_index("term")["z"]
    assert z["花生"] > z["古城"] > 0 > z["国企"] > z["水晶"]
    assert (out["z"].diff().dropna() <= 0).all()
    assert "乡村" not in set(out["term"]) or abs(z["乡村"]) < 1


def test_compare_terms_top_limits_each_side():
    a = _kw("a", {f"甲{i}": 10 + i for i in range(10)} | {"共": 5})
    b = _kw("b", {f"乙{i}": 10 + i for i in range(10)} | {"共": 5})
    out = compare_terms(a, b, top=3)
    assert (out["side"] == "a").sum() == 3 and (out["side"] == "b").sum() == 3


def test_discover_terms_finds_repeated_split_phrases(tmp_path):
    sentences = [
        "全力打造数智赋能新高地，推动数智赋能工程。",
        "依托数智赋能平台，深化数智赋能应用。",
        "以数智赋能助推转型，数智赋能成效显著。",
    ]
    texts = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": sentences})
    candidates = discover_terms(texts)
    assert "数智赋能" in set(candidates["term"])
    assert list(candidates.columns) == ["term", "parts", "count", "n_docs", "pmi", "left_entropy", "right_entropy", "score"]
    path = write_term_candidates(candidates, tmp_path)
    assert path.name == "term_candidates.csv" and "数智赋能" in path.read_text(encoding="utf-8")


def test_contexts_cover_slogans_and_top_keywords(built_tables, sample_texts):
    contexts = with_sentences(built_tables["contexts"], built_tables["sentences"])
    texts = sample_texts.set_index("doc_id")["text"]
    for row in contexts.sample(200, random_state=0).itertuples():
        span = texts[row.doc_id][row.start : row.end]
        # Slogans are normalised (“148”工作体系 -> 148工作体系); keywords are verbatim.
        assert family_key(re.sub(r"[“”\"‘’']", "", span)) == family_key(row.term)
        assert span in row.sentence
    slogans = built_tables["slogans"]
    pairs = set(zip(contexts["doc_id"], contexts["term"]))
    assert all((r.doc_id, r.slogan) in pairs for r in slogans.itertuples())
    counts = contexts.groupby(["doc_id", "term"]).size()
    assert counts[("000_c9aa3e43874953b5", "三创四建")] == slogans.set_index(["doc_id", "slogan"]).loc[("000_c9aa3e43874953b5", "三创四建"), "count"]
    top = top_terms(built_tables["keywords"], 50)
    assert all((r.doc_id, r.term) in pairs for r in top.itertuples())


def test_contexts_answer_all_sentences_containing_a_term_fast(built_tables):
    import time

    contexts = with_sentences(built_tables["contexts"], built_tables["sentences"])
    # ~2,100 documents' worth of rows; a warm query, as in the app.
    big = pd.concat([contexts.assign(doc_id=contexts["doc_id"] + f"-{i}") for i in range(300)], ignore_index=True)
    big.loc[big["term"] == "六稳", "sentence"]
    started = time.perf_counter()
    hits = big.loc[big["term"] == "乡村振兴", "sentence"]
    assert time.perf_counter() - started < 1.0
    assert len(hits) > 0


def test_count_terms_reads_words_tokens_and_a_mix_alike():
    from pipeline.segment import Token

    words = ["乡村", "振兴", "乡村", "教育", "的"]
    tokens = [Token(w, i * 2, i * 2 + len(w)) for i, w in enumerate(words)]
    mixed = ["乡村", tokens[1], tokens[2], "教育", tokens[4]]  # read word by word when the first is a str
    expected = count_terms(words)
    assert list(count_terms(tokens).items()) == list(expected.items())
    assert list(count_terms(mixed).items()) == list(expected.items())
    assert list(count_terms(iter(words)).items()) == list(expected.items())
