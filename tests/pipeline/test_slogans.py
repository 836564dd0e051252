"""Slogans: detection (quoted, unquoted, lost quotes, footnotes), classification, families,
and recall on the hand-labelled sample documents."""

from __future__ import annotations

import pytest

from pipeline.slogans import (
    build_lexicon,
    classify_phrase,
    family_key,
    find_numbered,
    find_quoted,
    find_slogans,
    load_slogan_reference,
)
from pipeline.segment import segment_document, token_boundaries


def _found(text, tokenizer, corpus_quotes=()):
    lexicon = build_lexicon(list(corpus_quotes) + [o.slogan for o in find_quoted(text)])
    bounds = token_boundaries(segment_document(text, tokenizer))
    return [o.slogan for o in find_slogans(text, lexicon, bounds)]


@pytest.mark.parametrize(
    "text, slogan",
    [
        ("扎实做好“六稳”工作，全面落实“六保”任务。", "六稳"),
        ("扎实做好“六稳”工作，全面落实“六保”任务。", "六保"),
        ("全力推进县委“148”工作体系落实。", "148工作体系"),
        ("深入开展三创四建活动，成效明显。", "三创四建"),
        ("扎实推进四城同创工作。", "四城同创"),
        ("加快四网融合步伐。", "四网融合"),
        ("巩固两不愁三保障成果。", "两不愁三保障"),
        ("统筹做好六稳六保工作。", "六稳六保"),
        ("扎实做好?六稳?工作。", "六稳"),
        ("扎实做好“六稳”[1]工作。", "六稳"),
        ("扎实做好“六稳”①工作。", "六稳"),
        ("扎实做好“六稳①”工作。", "六稳"),
        ("持续深化‘放管服’改革。", "放管服"),
        ("推进「双减」落地。", "双减"),
        ("深化放管服改革，优化营商环境。", "放管服"),
        ("落实一核一带三区五园布局。", "一核一带三区五园"),
        ("推进五水共治。", "五水共治"),
        ('开展"四减四增"行动。', "四减四增"),
    ],
)
def test_detects_slogan(tokenizer, text, slogan):
    assert slogan in _found(text, tokenizer)


@pytest.mark.parametrize(
    "text",
    [
        "我们千方百计稳增长，一心一意谋发展。",
        "一年来，全县上下团结一心。",
        "完成三年行动计划，新增两个园区。",
        "第一季度增长三成。",
    ],
)
def test_idioms_and_counts_are_not_slogans(tokenizer, text):
    assert _found(text, tokenizer) == []


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("十四五", "plan_period"),
        ("十三五", "plan_period"),
        ("七五", "plan_period"),
        ("全国文明城市", "honour"),
        ("国家园林县城", "honour"),
        ("全国农业农村创业创新典型示范县", "honour"),
        ("中国巨峰葡萄之乡", "honour"),
        ("善堂花生", "brand"),
        ("XX葡萄", "other"),
        ("雪亮工程", "project"),
        ("凤凰城引才计划", "project"),
        ("全球数字贸易云展会平台", "project"),
        ("六稳", "slogan"),
        ("放管服", "slogan"),
        ("双招双引", "slogan"),
        ("三个强县、一个家园、五个示范", "slogan"),
        ("疫情要防住、经济要稳住、发展要安全", "slogan"),
        ("加速度", "other"),
        ("水", "other"),
        ("XX", "other"),
    ],
)
def test_classify(phrase, kind):
    assert classify_phrase(phrase) == kind


def test_families_merge_variants():
    lexicon = build_lexicon(["六稳", "六保", "六稳六保", "两不愁、三保障"])
    assert lexicon.families["六稳"] == lexicon.families["六保"] == lexicon.families["六稳六保"] == "六稳六保"
    assert family_key("两不愁、三保障") == family_key("两不愁三保障")


def test_adjacent_quotes_make_a_family(built_tables):
    slogans = built_tables["slogans"]
    row = slogans[(slogans["doc_id"] == "003_ad147ba315cb1764") & (slogans["slogan"] == "六稳")]
    assert row["family"].tolist() == ["六稳六保"]


def test_reference_file_is_valid():
    reference = load_slogan_reference()
    assert reference.known["六稳"] == ("slogan", "六稳六保")
    assert reference.suffixes and reference.regexes


def _recalled(slogans, doc_id, phrase):
    rows = slogans[(slogans["doc_id"] == doc_id) & (slogans["kind"] == "slogan")]
    key = family_key(phrase)
    return bool(((rows["slogan"] == phrase) | (rows["slogan"].map(family_key) == key)).any())


def test_slogan_recall_on_samples(built_tables, gold_slogans):
    slogans = built_tables["slogans"]
    gold = gold_slogans[gold_slogans["kind"] == "slogan"]
    hits = [_recalled(slogans, r.doc_id, r.phrase) for r in gold.itertuples()]
    missed = [f"{r.doc_id}:{r.phrase}" for r, hit in zip(gold.itertuples(), hits) if not hit]
    recall = sum(hits) / len(hits)
    assert recall >= 0.9, f"recall {recall:.3f}; missed {missed}"
    for doc_id in gold["doc_id"].unique():
        doc_gold = gold[gold["doc_id"] == doc_id]
        doc_hits = [_recalled(slogans, r.doc_id, r.phrase) for r in doc_gold.itertuples()]
        assert sum(doc_hits) / len(doc_hits) >= 0.75, doc_id


def test_no_plan_period_or_honour_counted_as_slogan(built_tables, gold_slogans):
    slogans = built_tables["slogans"]
    as_slogan = set(slogans.loc[slogans["kind"] == "slogan", "slogan"])
    negatives = gold_slogans[gold_slogans["kind"] != "slogan"]
    assert not (set(negatives["phrase"]) & as_slogan)
    assert not any(s.startswith(("十二五", "十三五", "十四五", "十五五")) for s in as_slogan)
    kinds = slogans.set_index(["doc_id", "slogan"])["kind"]
    for r in negatives.itertuples():
        if (r.doc_id, r.phrase) in kinds.index:
            assert kinds[(r.doc_id, r.phrase)] == r.kind, r.phrase


def test_slogans_keep_first_sentence(built_tables, sample_texts):
    slogans = built_tables["slogans"]
    row = slogans[(slogans["doc_id"] == "000_c9aa3e43874953b5") & (slogans["slogan"] == "三创四建")].iloc[0]
    assert "三创四建" in row["first_sentence"]
    assert row["count"] >= 10


def _mask_spans_per_character(text, spans, pad):
    chars = list(text)
    for start, end in spans:
        for i in range(max(start - pad, 0), min(end + pad, len(chars))):
            chars[i] = "\u0000"
    return "".join(chars)


def test_mask_spans_blanks_exactly_the_characters_a_per_character_loop_blanks():
    import random

    from pipeline.slogans.find import mask_spans

    rng = random.Random(7)
    text = "坚持“六稳”“六保”，推进“放管服”改革。"
    for _ in range(2000):
        n = rng.randint(0, 25)
        sample = text[:n]
        spans = [tuple(sorted((rng.randint(-3, n + 3), rng.randint(-3, n + 3)))) for _ in range(rng.randint(0, 4))]
        spans += [(b, a) for a, b in spans[:1]]  # a reversed span blanks nothing
        for pad in (0, 1, 2):
            assert mask_spans(sample, spans, pad) == _mask_spans_per_character(sample, spans, pad)


def test_quoted_phrases_are_the_ones_a_scan_of_every_position_finds():
    import random

    from pipeline.slogans import find

    def spans(matches):
        return [(m.span(), m.groups()) for m in matches]

    rng = random.Random(11)
    alphabet = list("“”\"「」『』‘’'＂〝〞&ldquo;rdquot#8220 2?？;；双减碳\n\t　")
    for text in ["落实&ldquo;双碳&rdquo;目标、\"148\"工作体系和；；六保；；", "l dquo; 一 ?乡村振兴? ;;x;;"]:
        assert spans(find._quoted_matches(text)) == spans(find._QUOTED.finditer(text))
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert spans(find._quoted_matches(text)) == spans(find._QUOTED.finditer(text)), text


def _find_phrases_at_every_character(text, phrases, boundaries=None):
    """What ``find_phrases`` did before it matched with an automaton: at every character, the
    longest phrase starting there."""
    from pipeline.slogans.find import Occurrence

    lengths_of: dict[str, list[int]] = {}
    for phrase in phrases:
        lengths_of.setdefault(phrase[0], []).append(len(phrase))
    lengths_of = {ch: sorted(set(ls), reverse=True) for ch, ls in lengths_of.items()}
    found, i = [], 0
    while i < len(text):
        lengths = lengths_of.get(text[i])
        if lengths is None or (boundaries is not None and i not in boundaries):
            i += 1
            continue
        for length in lengths:
            candidate = text[i:i + length]
            if len(candidate) == length and candidate in phrases:  # not cut short by the text's end
                if length <= 2 and boundaries is not None and i + length not in boundaries:
                    continue
                found.append(Occurrence(candidate, i, i + length, False))
                i += length
                break
        else:
            i += 1
    return found


def test_unquoted_phrases_are_the_ones_a_scan_of_every_character_finds():
    import random

    from pipeline.slogans.find import find_phrases

    rng = random.Random(5)
    phrases = frozenset({"乡村振兴", "乡村", "两山", "两山理念", "放管服", "[1]", "a-b", "^x", "\\d", "振兴乡村"})
    alphabet = list("乡村振兴两山理念放管服区 [1]a-b^x\\d，。\u0000")
    lexicon_part = frozenset({"乡村", "两山理念", "[1]", "\\d"})
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        tokens = segment_document(text)
        for boundaries in (None, token_boundaries(tokens)):
            expected = _find_phrases_at_every_character(text, phrases, boundaries)
            assert find_phrases(text, phrases, boundaries) == expected, text
            # A document's own phrases looked for apart find what one set of all of them finds.
            assert find_phrases(text, lexicon_part, boundaries, also=phrases - lexicon_part) == expected, text
            assert find_phrases(text, frozenset(), boundaries, also=phrases) == expected, text
    assert find_phrases("乡村振兴", frozenset()) == []
    assert find_phrases("乡村振兴", frozenset(), also=frozenset()) == []


def test_a_phrase_at_the_end_of_the_text_ends_there():
    """A longer phrase sharing its start, cut off by the text's end, is not what was found."""
    from pipeline.slogans.find import Occurrence, find_phrases

    assert find_phrases("推进乡村", frozenset({"乡村振兴", "乡村"})) == [Occurrence("乡村", 2, 4, False)]


def test_the_numbered_prefilter_rules_out_only_what_the_search_would(sample_texts, tokenizer, monkeypatch):
    """``find_numbered`` skips the search at numerals that do not start two whole units; on the
    samples and the bundled corpus, with and without token boundaries, it finds what the
    search alone finds."""
    import re

    from pipeline import settings
    from pipeline.normalise import normalise_text
    from pipeline.slogans import find as find_module
    from pipeline.slogans.classify import _dictionary_words

    corpus = sorted((settings.PROJECT_ROOT / "data" / "raw" / "corpus").rglob("*.txt"))
    texts = list(sample_texts["text"]) + [normalise_text(p.read_text(encoding="utf-8")) for p in corpus]
    texts.append("推进三创四建、四城同创，一核一带三区五园，一是抓项目，两个维护，三年行动。")
    dictionary = _dictionary_words()
    cases = [(text, bounds) for text in texts
             for bounds in (None, token_boundaries(segment_document(text, tokenizer)))]
    filtered = [find_numbered(text, dictionary, bounds) for text, bounds in cases]
    monkeypatch.setattr(find_module, "_TWO_UNITS", re.compile(""))  # matches everywhere: the search decides
    assert [find_numbered(text, dictionary, bounds) for text, bounds in cases] == filtered
    assert sum(map(len, filtered)) > 50
