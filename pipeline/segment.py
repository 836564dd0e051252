"""Segmentation: one jieba tokenizer with the reviewed dictionaries, and the term filter.

``get_tokenizer()`` builds a private ``jieba.Tokenizer`` once per process (jieba's global
tokenizer is never touched), loads ``userdict.txt`` (policy terms, slogans) and
``userdict_places.txt`` (administrative divisions generated from cpca), and keeps jieba's
dictionary cache under ``settings.jieba_cache_dir()``. Everything downstream (counts,
TF-IDF, contexts, term discovery) reuses the tokens of one ``segment_document`` call.

jieba is the segmenter of record; its route is computed by ``jieba_fast_dat`` (the same
algorithm in C++) loaded with exactly that tokenizer's dictionary and total, about eight
times faster. A test holds the two equal token for token on the sample, gold and development
corpora; without the package, the pure-Python route below gives the same tokens. The engine is
cached for its dictionary files (``pipeline.segment_cache``): a process whose dictionaries a
previous one already loaded segments without building, or importing, jieba's tokenizer.
"""

from __future__ import annotations

import functools
import io
import logging
import math
import re
import weakref
from itertools import accumulate, compress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from pipeline import settings
from pipeline.segment_cache import (  # noqa: F401 - CACHE_UNUSED_SECONDS, _FAST_CACHE: the cache's knobs, read here
    CACHE_UNUSED_SECONDS,
    _FAST_CACHE,
    cached_engine,
    fast_engine as _fast_engine,
    load_dictionary_entries,
    prune_segmentation_cache,
)

if TYPE_CHECKING:
    import jieba

USERDICT_FILES = ("userdict.txt", "userdict_places.txt")
STOPWORDS_FILE = "stopwords.txt"

# HMM guesses new words from single characters. On this genre it mostly glues
# verbs to objects (推进乡) and costs ~40% more time; unknown multi-character terms
# are found by ``keywords.discover_terms`` and reviewed into the dictionary instead.
USE_HMM = False

_CJK = re.compile(r"[\u3400-\u9fff]")
_HAS_DIGIT_OR_MASK = re.compile(r"[0-9０-９XxＸｘ*＊×%％.．]")
_NUMERAL = "零〇一二三四五六七八九十百千万亿两几多半双"
# 三年, 一批, 第一, 十个, 五大, 百亩: numbers with a counter are not vocabulary.
_NUMBER_WORD = re.compile(
    rf"^第?[{_NUMERAL}]+[年月日个项家次批条所座户人元亩名位级类大点层期种件届轮倍成]?[以来后前中底初末]?$"
)
_SENTENCE_END = "。！？；!?;\n"
# Text up to and including a run of end marks, or the rest of the text.
_SENTENCE_CHUNK = re.compile(rf"[^{_SENTENCE_END}]*[{_SENTENCE_END}]+|[^{_SENTENCE_END}]+")


class Token(NamedTuple):
    """A token and its character offsets (a tuple: cheap to make a million of)."""

    word: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def read_reference_lines(name: str) -> list[str]:
    """Non-empty lines of a reviewed reference file, '#' comments removed."""
    path = settings.reference_file(name)
    if not path.exists():
        raise FileNotFoundError(
            f"reference file {path} is missing: it ships with the repository under data/reference/"
        )
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


def _quiet_jieba() -> None:
    # jieba logs "Building prefix dict ..." at DEBUG on its own logger: quiet that logger only.
    logging.getLogger("jieba").setLevel(logging.WARNING)


@functools.lru_cache(maxsize=4)
def _build_tokenizer(reference_dir: Path, cache_dir: Path) -> jieba.Tokenizer:
    import jieba

    _quiet_jieba()
    cache_dir.mkdir(parents=True, exist_ok=True)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(cache_dir)
    tokenizer.cache_file = "jieba.default.cache"
    tokenizer.initialize()
    for name in USERDICT_FILES:
        entries = read_reference_lines(name)
        tokenizer.load_userdict(io.StringIO("\n".join(entries)))
    _fast_engine(tokenizer)  # built here so that forked workers inherit it
    return tokenizer


def get_tokenizer() -> jieba.Tokenizer:
    """The process-wide tokenizer for the current reference directory (built once)."""
    return _build_tokenizer(settings.reference_dir(), settings.jieba_cache_dir())


def get_engine():
    """The C++ engine loaded with ``get_tokenizer()``'s dictionary, from the cache when a
    process loaded the same dictionary files before (then jieba's tokenizer is never built);
    None when ``jieba_fast_dat`` is not installed."""
    return _cached_engine(settings.reference_dir(), settings.jieba_cache_dir())


@functools.lru_cache(maxsize=4)
def _cached_engine(reference_dir: Path, cache_dir: Path):
    cache_dir.mkdir(parents=True, exist_ok=True)
    files = [reference_dir / name for name in USERDICT_FILES]
    return cached_engine(files, cache_dir, lambda: _build_tokenizer(reference_dir, cache_dir))


@functools.lru_cache(maxsize=4)
def _load_stopwords(reference_dir: Path) -> frozenset[str]:
    return frozenset(read_reference_lines(STOPWORDS_FILE))


def get_stopwords() -> frozenset[str]:
    return _load_stopwords(settings.reference_dir())


def segment_document(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[Token]:
    """All tokens of ``text`` with their character offsets (whitespace dropped).

    The same segmentation as ``tokenizer.cut(text, HMM=False)`` (tests hold them equal), from
    the C++ engine when it is installed, else from ``segment_document_python``. Without a
    ``tokenizer``: ``get_tokenizer()``'s segmentation, from ``get_engine()``.
    """
    if USE_HMM:
        return _tokens_of(list((tokenizer or get_tokenizer()).cut(text, HMM=True)))
    fast = _engine_of(tokenizer)
    if fast is not None:
        words = fast.lcut(text, HMM=False)
        if sum(map(len, words)) == len(text):  # always, but offsets depend on it
            return _tokens_of(words)
    return segment_document_python(text, tokenizer or get_tokenizer())


def _engine_of(tokenizer: jieba.Tokenizer | None):
    return get_engine() if tokenizer is None else _fast_engine(tokenizer)


def segment_arrays(text: str, tokenizer: jieba.Tokenizer | None = None) -> tuple[list[str], np.ndarray]:
    """``segment_document`` as its words and an array of their start offsets, without making a
    ``Token`` per word (that costs several times the C++ segmentation itself)."""
    fast = None if USE_HMM else _engine_of(tokenizer)
    words = fast.lcut(text, HMM=False) if fast is not None else []
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    if fast is None or int(lengths.sum()) != len(text):
        tokens = segment_document(text, tokenizer)
        return [t.word for t in tokens], np.array([t.start for t in tokens], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    blank = np.fromiter(map(str.isspace, words), dtype=bool, count=len(words))
    if blank.any():
        words = list(compress(words, ~blank))
        starts = starts[~blank]
    return words, starts


def _tokens_of(words: list[str]) -> list[Token]:
    """Tokens with offsets from a segmentation that covers the text, whitespace dropped."""
    ends = accumulate(map(len, words))
    make = Token._make
    return [make((w, e - len(w), e)) for w, e in zip(words, ends) if not w.isspace()]


def segment_document_python(text: str, tokenizer: jieba.Tokenizer) -> list[Token]:
    """The pure-Python route: jieba's DAG and max-probability path without HMM, in one pass
    per block with precomputed log probabilities."""
    import jieba

    # jieba's own block and skip patterns (read, never changed).
    re_han, re_skip = jieba.re_han_default, jieba.re_skip_default
    logp, fallback = _log_probabilities(tokenizer)
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    for block in re_han.split(text):
        if not block:
            continue
        if re_han.match(block):
            _cut_block(block, pos, logp, fallback, append)
        else:
            offset = pos
            for piece in re_skip.split(block):
                if piece and not re_skip.match(piece):
                    for i, ch in enumerate(piece):
                        append(Token(ch, offset + i, offset + i + 1))
                offset += len(piece)
        pos += len(block)
    return tokens


_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)
_LOGP_CACHE: "weakref.WeakKeyDictionary[jieba.Tokenizer, tuple]" = weakref.WeakKeyDictionary()


def _log_probabilities(tokenizer: jieba.Tokenizer) -> tuple[dict, float]:
    """{word or prefix: log P(word), or None for a prefix that is not a word}, and the
    score of an unknown character."""
    cached = _LOGP_CACHE.get(tokenizer)
    if cached is None or cached[2] != (tokenizer.total, len(tokenizer.FREQ)):
        tokenizer.check_initialized()
        logtotal = math.log(tokenizer.total)
        logp = {w: (math.log(f) - logtotal if f else None) for w, f in tokenizer.FREQ.items()}
        cached = (logp, -logtotal, (tokenizer.total, len(tokenizer.FREQ)))
        _LOGP_CACHE[tokenizer] = cached
    return cached[0], cached[1]


_NOT_A_PREFIX = object()


def _cut_block(block: str, pos: int, logp: dict, fallback: float, append) -> None:
    """jieba's DAG + max-probability route without HMM, for one block of word characters."""
    n = len(block)
    score = [0.0] * (n + 1)
    end_at = [0] * (n + 1)
    get = logp.get
    missing = _NOT_A_PREFIX
    for k in range(n - 1, -1, -1):
        best, best_end = None, k + 1
        i = k + 1
        lp = get(block[k], missing)
        while lp is not missing:
            if lp is not None:
                s = lp + score[i]
                if best is None or s >= best:  # ties go to the longer word, as in jieba
                    best, best_end = s, i
            if i >= n:
                break
            i += 1
            lp = get(block[k:i], missing)
        if best is None:
            best = fallback + score[k + 1]
        score[k] = best
        end_at[k] = best_end
    x = 0
    buf_start = -1
    while x < n:
        y = end_at[x]
        if y - x == 1 and _RE_ENG.match(block[x]):
            if buf_start < 0:
                buf_start = x
        else:
            if buf_start >= 0:
                append(Token(block[buf_start:x], pos + buf_start, pos + x))
                buf_start = -1
            append(Token(block[x:y], pos + x, pos + y))
        x = y
    if buf_start >= 0:
        append(Token(block[buf_start:n], pos + buf_start, pos + n))


def segment_words(text: str, tokenizer: jieba.Tokenizer | None = None) -> list[str]:
    tokenizer = tokenizer or get_tokenizer()
    return [w for w in tokenizer.cut(text, HMM=USE_HMM) if not w.isspace()]


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; the end punctuation stays in the sentence."""
    return [Sentence(start, end, text[start:end]) for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``split_sentences``' (start, end) offsets alone (no object or text per sentence).

    A sentence is a run up to and including a run of end marks (or the text's end), with
    the whitespace around it left out; a run of whitespace alone is no sentence."""
    spans = []
    append = spans.append
    for match in _SENTENCE_CHUNK.finditer(text):
        chunk = match.group()
        stripped = chunk.strip()
        if stripped:
            start = match.start() + len(chunk) - len(chunk.lstrip())
            append((start, start + len(stripped)))
    return spans


def sentence_at(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence | None:
    """The sentence containing ``offset`` (``starts`` = [s.start for s in sentences])."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and sentences[i].start <= offset < max(sentences[i].end, sentences[i].start + 1):
        return sentences[i]
    return None


def is_content_term(word: str, stopwords: frozenset[str]) -> bool:
    """A keyword candidate: two or more characters, Chinese, no digits/masks, not a stopword."""
    if len(word) < 2 or word in stopwords:
        return False
    if not _CJK.search(word) or _HAS_DIGIT_OR_MASK.search(word):
        return False
    return not _NUMBER_WORD.match(word)


@functools.lru_cache(maxsize=4)
def _load_user_words(reference_dir: Path) -> frozenset[str]:
    words = set()
    for name in USERDICT_FILES:
        for line in read_reference_lines(name):
            words.add(line.split()[0])
    return frozenset(words)


def get_user_words() -> frozenset[str]:
    """Every word of the reviewed user dictionaries."""
    return _load_user_words(settings.reference_dir())


@functools.lru_cache(maxsize=4)
def _load_place_words(reference_dir: Path) -> frozenset[str]:
    return frozenset(line.split()[0] for line in read_reference_lines("userdict_places.txt"))


def get_place_words() -> frozenset[str]:
    """Administrative-division names: the county's own name is not a keyword about it."""
    return _load_place_words(settings.reference_dir())


# Parts of speech (jieba's dictionary tags) a keyword may have: nouns, verbal and adjectival
# nouns, abbreviations and set phrases. Verbs (推进), adverbs (极为), pronouns (每个), idioms
# (只争朝夕) and time words (未来) are left out; words of the reviewed dictionaries always count.
KEYWORD_TAGS = frozenset({"n", "nz", "ns", "nt", "nw", "vn", "an", "j", "l", "s", "nrt", "eng"})


@functools.lru_cache(maxsize=1)
def get_dictionary_entries() -> dict[str, tuple[int, str]]:
    """Frequency and part-of-speech tag of every word of jieba's own dictionary (read once
    per process, from a marshal cache: ``segment_cache.load_dictionary_entries``)."""
    return load_dictionary_entries()


def has_keyword_tag(word: str, user_words: frozenset[str], entries: dict[str, tuple[int, str]]) -> bool:
    """A word of the user dictionaries, unknown to jieba's (``get_dictionary_entries``), or
    tagged there as a keyword may be (``KEYWORD_TAGS``)."""
    if word in user_words:
        return True
    entry = entries.get(word)
    return entry is None or entry[1] in KEYWORD_TAGS


def token_boundaries(tokens: list[Token]) -> frozenset[int]:
    return frozenset([t.start for t in tokens] + [t.end for t in tokens])
