"""Keywords: counts, corpus TF-IDF, two-sided comparison and discovery of new terms.

All functions here are pure (DataFrames or token lists in, DataFrames out) except
``write_term_candidates``, the one writer the build calls for the candidate report.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline import settings
from pipeline.segment import (
    Token,
    get_place_words,
    get_stopwords,
    get_tokenizer,
    get_dictionary_entries,
    get_user_words,
    has_keyword_tag,
    is_content_term,
    segment_document,
)



def count_terms(
    tokens: Iterable[Token | str],
    stopwords: frozenset[str] | None = None,
    places: frozenset[str] | None = None,
) -> Counter:
    """Content-term counts of one document: stopwords, numbers, masks, words whose part of
    speech is not noun-like (``segment.KEYWORD_TAGS``) and the names of administrative
    divisions (a county's own name says nothing about it) left out."""
    stopwords = get_stopwords() if stopwords is None else stopwords
    places = get_place_words() if places is None else places
    # jieba's dictionary entries as they are: a word -> tag copy of them cost ~0.2 s a process.
    user_words, entries = get_user_words(), get_dictionary_entries()
    # Count first, then judge each distinct word once: a report repeats its words many times,
    # and a corpus its vocabulary, so verdicts are kept across documents too.
    tokens = tokens if isinstance(tokens, list) else list(tokens)
    if tokens and isinstance(tokens[0], Token):
        raw = Counter(map(_WORD, tokens))
    else:
        raw = Counter(tokens)
        if not set(map(type, raw)) <= {str}:  # checked on the distinct words, not every token
            raw = Counter(token.word if isinstance(token, Token) else token for token in tokens)
    verdicts = _verdicts(stopwords, places, user_words, entries)
    out = Counter()
    for word, n in raw.items():
        keep = verdicts.get(word)
        if keep is None:
            keep = verdicts[word] = (word not in places and is_content_term(word, stopwords)
                                     and has_keyword_tag(word, user_words, entries))
        if keep:
            out[word] = n
    return out


_WORD = itemgetter(0)
_VERDICTS: dict[tuple[int, ...], tuple[tuple, dict[str, bool]]] = {}


def _verdicts(*vocabularies) -> dict[str, bool]:
    """Word -> is a keyword, for one combination of vocabularies (held, so ids stay theirs)."""
    key = tuple(map(id, vocabularies))
    entry = _VERDICTS.get(key)
    if entry is None:
        if len(_VERDICTS) > 8:
            _VERDICTS.clear()
        entry = _VERDICTS[key] = (vocabularies, {})
    return entry[1]


def idf_from_counts(doc_counts: Sequence[Counter]) -> dict[str, float]:
    """Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1."""
    n_docs = len(doc_counts)
    df: Counter = Counter()
    for counts in doc_counts:
        df.update(counts.keys())
    return {term: math.log((1 + n_docs) / (1 + d)) + 1.0 for term, d in df.items()}


def tfidf_scores(counts: Counter, idf: dict[str, float]) -> dict[str, float]:
    """Sublinear tf (1 + ln count) times idf, L2-normalised within the document, so the
    scores of a long report and a short briefing are comparable."""
    raw = {term: (1.0 + math.log(c)) * idf.get(term, 1.0) for term, c in counts.items() if c > 0}
    norm = math.sqrt(math.fsum(v * v for v in raw.values())) or 1.0  # exact: order-free (pipeline.tfidf)
    return {term: v / norm for term, v in raw.items()}


def keyword_rows(doc_id: str, county, report_year, counts: Counter, scores: dict[str, float]) -> list[dict]:
    return [
        {
            "doc_id": doc_id,
            "county": county,
            "report_year": report_year,
            "term": term,
            "count": int(count),
            "tfidf": float(round(scores.get(term, 0.0), 12)),
        }
        for term, count in counts.items()
    ]


def top_terms(keywords: pd.DataFrame, n: int = 20, by: str = "tfidf") -> pd.DataFrame:
    """The ``n`` best terms of every document (ties broken by count, then term)."""
    ordered = keywords.sort_values(["doc_id", by, "count", "term"], ascending=[True, False, False, True], kind="mergesort")
    return ordered.groupby("doc_id", sort=False).head(n).reset_index(drop=True)


def compare_terms(keywords_a: pd.DataFrame, keywords_b: pd.DataFrame, top: int = 20) -> pd.DataFrame:
    """Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008).

    ``keywords_a`` and ``keywords_b`` are selections of the keywords table (two counties, two
    years ...). The prior is the pooled counts of both sides, so a term frequent everywhere
    needs a large difference to stand out. Returns the ``top`` terms over-represented on each
    side: columns term, count_a, count_b, z (positive = over-represented in a), side (a | b),
    sorted by z descending.
    """
    a = keywords_a.groupby("term")["count"].sum().astype("float64")
    b = keywords_b.groupby("term")["count"].sum().astype("float64")
    frame = pd.concat([a.rename("count_a"), b.rename("count_b")], axis=1).fillna(0.0)
    columns = ["term", "count_a", "count_b", "z", "side"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    y_a = frame["count_a"].to_numpy()
    y_b = frame["count_b"].to_numpy()
    alpha = y_a + y_b
    alpha0 = alpha.sum()
    n_a, n_b = y_a.sum(), y_b.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        log_odds_a = np.log(y_a + alpha) - np.log(n_a + alpha0 - y_a - alpha)
        log_odds_b = np.log(y_b + alpha) - np.log(n_b + alpha0 - y_b - alpha)
        delta = log_odds_a - log_odds_b
        variance = 1.0 / (y_a + alpha) + 1.0 / (y_b + alpha)
        z = delta / np.sqrt(variance)
    frame["z"] = np.nan_to_num(z)
    frame = frame.reset_index(names="term")
    frame["side"] = np.where(frame["z"] > 0, "a", "b")
    frame = frame.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
    side_a = frame[frame["z"] > 0].head(top)
    side_b = frame[frame["z"] < 0].sort_values(["z", "term"], kind="mergesort").head(top)
    out = pd.concat([side_a, side_b]).sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
    out["count_a"] = out["count_a"].astype("int64")
    out["count_b"] = out["count_b"].astype("int64")
    return out[columns].reset_index(drop=True)


# --- discovery of terms the dictionary lacks -------------------------------------------

_GLUE = set("的了和与及或是在等为把被对从向以于而之其这那也都就将并又所")
_DISCOVERY_MIN_COUNT = 3
_DISCOVERY_MIN_DOCS = 1
_DISCOVERY_MAX_CHARS = 8
# Up to four tokens: without HMM an unknown word falls apart into single characters
# (数智赋能 -> 数/智/赋/能).
_DISCOVERY_NGRAMS = (2, 3, 4)
# A candidate inside a longer one that carries most of its occurrences is dropped.
_DISCOVERY_NESTED_SHARE = 0.8


def discover_terms(texts: pd.DataFrame, min_count: int = _DISCOVERY_MIN_COUNT, top: int = 200) -> pd.DataFrame:
    """Adjacent tokens jieba keeps apart but the corpus repeats together (新质/生产力,
    强链/补链/延链): 2- and 3-token n-grams scored by frequency, PMI and boundary entropy.

    Columns: term, parts (tokens joined by '/'), count, n_docs, pmi, left_entropy,
    right_entropy, score. Sorted by score; only n-grams absent from the dictionaries.
    """
    tokenizer = get_tokenizer()
    stopwords = get_stopwords()
    user_words = get_user_words()
    unigram: Counter = Counter()
    ngrams: Counter = Counter()
    docs_of: dict[tuple[str, ...], set] = defaultdict(set)
    left: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    right: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    total = 0
    for doc_id, text in zip(texts["doc_id"], texts["text"]):
        words = [t.word for t in segment_document(text, tokenizer)]
        unigram.update(words)
        total += len(words)
        for n in _DISCOVERY_NGRAMS:
            for i in range(len(words) - n + 1):
                gram = tuple(words[i : i + n])
                if not _good_gram(gram, stopwords):
                    continue
                ngrams[gram] += 1
                docs_of[gram].add(doc_id)
                left[gram][words[i - 1] if i > 0 else "<s>"] += 1
                right[gram][words[i + n] if i + n < len(words) else "</s>"] += 1
    rows = []
    for gram, count in ngrams.items():
        term = "".join(gram)
        if count < min_count or len(docs_of[gram]) < _DISCOVERY_MIN_DOCS:
            continue
        if term in user_words or tokenizer.FREQ.get(term):
            continue
        p_gram = count / total
        p_parts = math.prod(unigram[w] / total for w in gram)
        pmi = math.log(p_gram / p_parts)
        le, re_ = _entropy(left[gram]), _entropy(right[gram])
        score = math.log(count) * pmi * (min(le, re_) + 0.1)
        rows.append(
            {
                "term": term,
                "parts": "/".join(gram),
                "count": count,
                "n_docs": len(docs_of[gram]),
                "pmi": round(pmi, 6),
                "left_entropy": round(le, 6),
                "right_entropy": round(re_, 6),
                "score": round(score, 6),
            }
        )
    columns = ["term", "parts", "count", "n_docs", "pmi", "left_entropy", "right_entropy", "score"]
    if not rows:
        return pd.DataFrame(columns=columns)
    frame = pd.DataFrame(rows, columns=columns)
    frame = frame[frame["pmi"] > 0]
    # 数智赋 and 智赋能 are pieces of 数智赋能: keep the longest phrase that explains them.
    count_of = dict(zip(frame["term"], frame["count"]))
    nested = {
        term
        for term, count in count_of.items()
        if any(term != longer and term in longer and c >= _DISCOVERY_NESTED_SHARE * count for longer, c in count_of.items())
    }
    frame = frame[~frame["term"].isin(nested)]
    frame = frame.sort_values(["score", "term"], ascending=[False, True], kind="mergesort")
    return frame.head(top).reset_index(drop=True)


def _good_gram(gram: tuple[str, ...], stopwords: frozenset[str]) -> bool:
    chars = sum(len(w) for w in gram)
    if chars < 3 or chars > _DISCOVERY_MAX_CHARS:
        return False
    for w in gram:
        if not all("\u4e00" <= ch <= "\u9fff" for ch in w):
            return False
        if w in _GLUE:
            return False
    # Generic verbs at either end glue a verb to its object (推进/乡村振兴): not a term.
    return gram[0] not in stopwords and gram[-1] not in stopwords


def _entropy(counter: Counter) -> float:
    total = sum(counter.values())
    return -sum((c / total) * math.log(c / total) for c in counter.values()) if total else 0.0


def write_term_candidates(candidates: pd.DataFrame, out_dir: Path) -> Path:
    """Write the candidate report (``term_candidates.csv``) for a reviewer; the reviewed
    ``data/reference/userdict.txt`` stays the source of truth."""
    path = settings.term_candidates_path(out_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    candidates.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return path
