"""What real pages do to quoted slogans, each case written from a sentence of our own:
lost or replaced quote marks, HTML entities, traditional script, inline pinyin, footnotes,
digit formulas, slogans in a row, long positioning statements, unquoted numbered labels."""

from __future__ import annotations

import pytest

from pipeline.segment import segment_document, token_boundaries
from pipeline.slogans import (
    family_key,
    find_formulas,
    find_quoted,
    find_slogans,
    fold_phrase,
    learn_lexicon,
    normalise_phrase,
)


def _quoted(text):
    return [o.slogan for o in find_quoted(text)]


def _slogans(texts, tokenizer, index=0):
    """The slogans (kind slogan) found in ``texts[index]`` by a build over ``texts``."""
    lexicon = learn_lexicon(texts)
    text = texts[index]
    bounds = token_boundaries(segment_document(text, tokenizer))
    return [o.slogan for o in find_slogans(text, lexicon, bounds) if lexicon.kind_of(o.slogan)[0] == "slogan"]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("全面推进&ldquo;双碳&rdquo;行动。", "双碳"),
        ("全面推进&ld\nquo;双碳&rdquo;行动。", "双碳"),  # an entity broken by a line end
        ("全面推进&quot;双碳&quot;行动。", "双碳"),
        ("全面推进ldquo;双碳rdquo;行动。", "双碳"),  # the ampersand lost
        ("持续深化;;放管服;;改革。", "放管服"),  # quotes turned into doubled semicolons
        ("持续深化？放管服？改革。", "放管服"),
        ('持续深化"放管服"改革。', "放管服"),
        ("扎实推进”三变’改革，形成”一园两区’格局。", "三变"),  # mismatched curly marks
        ("扎实推进”三变’改革，形成”一园两区’格局。", "一园两区"),
        ("扎实做好「六穩」工作。", "六穩"),
        ("深入实施“两化(huà)融合(hé)”工程。", "两化融合"),  # inline pinyin with tone marks
        ("确保“十四(si)五”顺利收官。", "十四五"),  # and without
        ("落实“双减”〔3〕要求。", "双减"),
        ("落实“双减”(2)要求。", "双减"),
        ("构建“2 3”产业体系。", "2+3产业体系"),  # '+' turned into a space, head noun kept
        ("推行“1+X”证书制度。", "1+X"),
        ("打造“一带一路”“双循环”交汇点。", "一带一路"),
        ("打造“一带一路”“双循环”交汇点。", "双循环"),
    ],
)
def test_quoted_phrase_survives_page_noise(text, phrase):
    assert phrase in _quoted(text)


def test_long_positioning_statement_is_one_slogan(tokenizer):
    text = "全力打造“北部生态屏障、区域物流枢纽、文旅融合新区、开放合作前沿”的发展定位。"
    assert "北部生态屏障、区域物流枢纽、文旅融合新区、开放合作前沿" in _slogans([text], tokenizer)


def test_unquoted_formula_takes_its_head_noun():
    found = [o.slogan for o in find_formulas("加快构建2+N现代服务体系，推进1+1>2。")]
    assert found == ["2+N现代服务体系"]


def test_unquoted_numbered_labels(tokenizer):
    text = "深入开展五城联创活动，扎实推进两违整治和三治融合工作。"
    found = _slogans([text], tokenizer)
    assert "五城联创" in found and "三治融合" in found


def test_known_slogan_without_its_quotes(tokenizer):
    # The page lost the opening quote; the reference knows the phrase.
    text = "坚决落实疫情要防住、经济要稳住、发展要安全”的要求。"
    assert "疫情要防住、经济要稳住、发展要安全" in _slogans([text], tokenizer)


def test_traditional_and_simplified_share_a_family():
    assert family_key("六穩") == family_key("六稳") == "六稳"
    assert fold_phrase("雙循環") == "双循环"
    assert normalise_phrase("六穩①") == "六穩"  # the row keeps the page's script


def test_traditional_variant_joins_the_simplified_family(tokenizer):
    texts = ["统筹做好“六稳”“六保”工作。", "扎實做好「六穩」工作。"]
    lexicon = learn_lexicon(texts)
    assert lexicon.family_of("六穩") == lexicon.family_of("六稳") == "六稳六保"


def test_one_document_quoting_a_phrase_does_not_count_it_everywhere(tokenizer):
    quoting = "全面实施“强县富民”工程，强县富民成效明显。"
    other = "坚持强县富民，推动高质量发展。"
    assert _slogans([quoting, other], tokenizer, 0).count("强县富民") == 2  # its own unquoted mention counts
    assert "强县富民" not in _slogans([quoting, other], tokenizer, 1)
    # Quoted by two documents, the phrase is a slogan of the corpus: counted unquoted elsewhere.
    second = "深化“强县富民”改革。"
    assert "强县富民" in _slogans([quoting, second, other], tokenizer, 2)


def test_plain_text_has_no_slogans(tokenizer):
    assert _slogans(["一年来，全县上下千方百计稳增长，一心一意谋发展。"], tokenizer) == []
