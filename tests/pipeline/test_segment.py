"""Segmentation with the reviewed dictionaries: policy terms stay whole, jieba's global
tokenizer is never touched, the cache stays out of the repository."""

from __future__ import annotations

import re

import jieba
import pytest

from pipeline import settings
from pipeline.segment import (
    get_stopwords,
    is_content_term,
    segment_document,
    segment_words,
    sentence_spans,
    split_sentences,
)

POLICY_TERMS = [
    "四好农村路", "放管服", "两不愁三保障", "乡村振兴", "高质量发展", "六稳", "六保",
    "六稳六保", "三创四建", "四城同创", "四网融合", "双招双引", "新质生产力",
    "强链补链延链", "专精特新", "营商环境", "共同富裕", "一网通办", "腾笼换鸟",
    "高标准农田", "县域经济", "碳达峰", "河长制", "枫桥经验", "新发展格局",
    "一带一路", "三区三线", "人居环境", "两新一重", "县管校聘", "一件事一次办",
    "专项债券", "老旧小区改造", "利津县", "浚县", "鹤壁市",
]


@pytest.mark.parametrize("term", POLICY_TERMS)
def test_policy_term_is_one_token(tokenizer, term):
    words = segment_words(f"我们要全面落实{term}的各项要求。", tokenizer)
    assert term in words, words


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全面推进四好农村路建设", ["全面", "推进", "四好农村路", "建设"]),
        ("深化放管服改革", ["深化", "放管服", "改革"]),
        ("巩固两不愁三保障成果", ["巩固", "两不愁三保障", "成果"]),
        ("深入开展三创四建活动", ["深入开展", "三创四建", "活动"]),
        ("实施强链补链延链工程", ["实施", "强链补链延链", "工程"]),
        ("发展新质生产力", ["发展", "新质生产力"]),
    ],
)
def test_exact_segmentation(tokenizer, sentence, expected):
    assert segment_words(sentence, tokenizer) == expected


def test_offsets_point_into_text(tokenizer):
    text = "各位代表：\n  推进乡村振兴，实现高质量发展。"
    for token in segment_document(text, tokenizer):
        assert text[token.start : token.end] == token.word


def test_global_jieba_untouched(tokenizer):
    assert tokenizer is not jieba.dt
    assert "四好农村路" not in jieba.dt.FREQ


def test_cache_outside_repository(tokenizer, repo_root):
    cache = settings.jieba_cache_dir().resolve()
    assert tokenizer.tmp_dir == str(settings.jieba_cache_dir())
    assert repo_root not in cache.parents


def test_tokenizer_built_once(tokenizer):
    from pipeline.segment import get_tokenizer

    assert get_tokenizer() is tokenizer


@pytest.mark.parametrize("word", ["推进", "建设", "加快", "发展", "工作", "实施", "XX", "X", "*", "２０２３", "三年", "一批", "亿元", "各位代表"])
def test_generic_and_masked_words_are_not_content(word):
    assert not is_content_term(word, get_stopwords())


@pytest.mark.parametrize("word", ["乡村振兴", "水晶", "花生", "灾后重建"])
def test_content_words(word):
    assert is_content_term(word, get_stopwords())


def test_sentences_have_offsets():
    text = "一、回顾。 过去一年，我们推进“六稳”工作！\n今年目标是：增长6%左右；"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["一、回顾。", "过去一年，我们推进“六稳”工作！", "今年目标是：增长6%左右；"]
    for s in sentences:
        assert text[s.start : s.end] == s.text


def _reference_cut(tokenizer, text):
    out, pos = [], 0
    for word in tokenizer.cut(text, HMM=False):
        if not word.isspace():
            out.append((word, pos, pos + len(word)))
        pos += len(word)
    return out


@pytest.mark.parametrize(
    "text",
    ["Hello 2023年GDP增长6.5%，XX县x.x亿元\u3000全角空格\r\n下一行 abc123 def", "", "  \n", "５Ｇ基站", "乡村振兴123abc“六稳”"],
)
def test_fast_segmentation_equals_jieba_cut(tokenizer, text):
    assert [tuple(t) for t in segment_document(text, tokenizer)] == _reference_cut(tokenizer, text)


def test_fast_segmentation_equals_jieba_cut_on_samples(tokenizer, sample_texts):
    for text in sample_texts["text"]:
        assert [tuple(t) for t in segment_document(text, tokenizer)] == _reference_cut(tokenizer, text)


def _corpus_texts() -> list[tuple[str, str]]:
    """Every text the project has: samples, gold and holdout texts, and the development corpus
    of real excerpts (``shared/corpus`` beside the repository, when it is there)."""
    roots = [settings.PROJECT_ROOT / "data" / "raw", settings.PROJECT_ROOT / "tests" / "gold",
             settings.PROJECT_ROOT.parent / "shared" / "corpus" / "texts"]
    paths = sorted(p for root in roots if root.is_dir() for p in root.rglob("*.txt"))
    return [(p.name, p.read_text(encoding="utf-8", errors="replace")) for p in paths]


def test_cpp_engine_gives_jiebas_tokens_on_every_corpus_text(tokenizer):
    from pipeline import segment

    if segment._fast_engine(tokenizer) is None:
        pytest.skip("jieba_fast_dat not installed: segmentation runs the pure-Python route")
    texts = _corpus_texts()
    assert len(texts) >= 20
    for name, text in texts:
        assert [tuple(t) for t in segment_document(text, tokenizer)] == _reference_cut(tokenizer, text), name


def test_pure_python_route_gives_jiebas_tokens(tokenizer):
    from pipeline.segment import segment_document_python

    for name, text in _corpus_texts()[:12]:
        assert [tuple(t) for t in segment_document_python(text, tokenizer)] == _reference_cut(tokenizer, text), name


def test_cpp_engine_follows_added_words():
    # A private tokenizer: a word added after the engine was built must show at once.
    from pipeline import segment

    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(settings.jieba_cache_dir())
    tokenizer.cache_file = "jieba.default.cache"
    tokenizer.initialize()
    text = "推进数智赋能示范区建设"
    before = [t.word for t in segment_document(text, tokenizer)]
    tokenizer.add_word("数智赋能", 10000)
    after = [t.word for t in segment_document(text, tokenizer)]
    assert "数智赋能" not in before and "数智赋能" in after
    assert [tuple(t) for t in segment_document(text, tokenizer)] == _reference_cut(tokenizer, text)


def _reference_sentences(text):
    # The rule as first written: cut after every run of end marks, strip each piece.
    out, start = [], 0
    for match in re.finditer(r"[。！？；!?;\n]+", text):
        out.append((start, match.end()))
        start = match.end()
    out.append((start, len(text)))
    sentences = []
    for a, b in out:
        chunk = text[a:b]
        if chunk.strip():
            s = a + len(chunk) - len(chunk.lstrip())
            sentences.append((s, s + len(chunk.strip()), chunk.strip()))
    return sentences


@pytest.mark.parametrize("text", ["", "  \n\u3000", "。", "无句号", "一。\n\n二！？  三；\u3000四", "a!b?c;d\n",
                                  "  前有空格。后有空格  ", "。。。开头", "末尾\n"])
def test_sentence_spans_follow_the_rule(text):
    assert [(s.start, s.end, s.text) for s in split_sentences(text)] == _reference_sentences(text)
    assert sentence_spans(text) == [(a, b) for a, b, _t in _reference_sentences(text)]


def test_sentence_spans_follow_the_rule_on_every_corpus_text():
    for name, text in _corpus_texts():
        assert [(s.start, s.end, s.text) for s in split_sentences(text)] == _reference_sentences(text), name


def test_keyword_tags_are_read_from_jiebas_entries():
    from pipeline.segment import KEYWORD_TAGS, get_dictionary_entries, has_keyword_tag

    entries = get_dictionary_entries()
    assert has_keyword_tag("乡村", frozenset(), entries) and not has_keyword_tag("推进", frozenset(), entries)
    assert has_keyword_tag("推进", frozenset({"推进"}), entries)  # a reviewed word always counts
    assert has_keyword_tag("数智赋能示范", frozenset(), entries)  # unknown to jieba: no tag to refuse it
    sample = list(entries.items())[::997]
    assert all(has_keyword_tag(w, frozenset(), entries) == (tag in KEYWORD_TAGS) for w, (_f, tag) in sample)
