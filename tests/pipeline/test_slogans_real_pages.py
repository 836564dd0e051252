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


def test_positioning_statement_of_long_clauses(tokenizer):
    text = "奋力建设“中部地区重要的装备制造业基地、区域性综合交通枢纽、全国知名的康养旅游目的地”。"
    assert "中部地区重要的装备制造业基地、区域性综合交通枢纽、全国知名的康养旅游目的地" in _slogans([text], tokenizer)


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


# A report paragraph of our own mixing slogans with every kind of trap (written before the
# classifier saw it; the wrong ones then fixed by general rules, tested above).
REPORT = (
    "全面落实“疫情要防住、经济要稳住、发展要安全”重大要求，深入实施“工业强县、农业稳县、文旅兴县”"
    "发展战略，扎实开展“项目攻坚年”活动，全力打造“两区一地”。县域经济跃居全省“十强县”，成功创建"
    "“国家卫生县城”，荣获“全国双拥模范县”称号，考核获评“优秀”等次。“稻香湖”等8个农产品入选名录，"
    "“山城小米”获批国家地理标志产品。总投资20亿元的“数字经济产业园”项目开工建设。深化“放管服”改革，"
    "出台稳增长“20条”，坚持“三个一批”，构建“1+3+N”产业体系，实施“2+1”帮扶模式。学习“七一”重要讲话"
    "精神，牢记“要把老百姓的事当成自己的事”的嘱托，统筹“十四五”规划实施和“十五五”规划编制。"
    "“今日看点”栏目获评全省优秀栏目，“15分钟健身圈”覆盖率达到90%，“红石榴”艺术团演出120场，"
    "第三届“桃花节”吸引游客20万人次。扎实推进三创四建，统筹抓好“六稳”“六保”工作。"
)
REPORT_SLOGANS = {
    "疫情要防住、经济要稳住、发展要安全", "工业强县、农业稳县、文旅兴县", "项目攻坚年", "两区一地", "放管服",
    "三个一批", "1+3+N产业体系", "2+1帮扶模式", "三创四建", "六稳", "六保",
}
REPORT_OTHERS = {
    "十强县": "honour", "国家卫生县城": "honour", "全国双拥模范县": "honour", "优秀": "other", "稻香湖": "brand",
    "山城小米": "brand", "数字经济产业园": "project", "20条": "other", "七一": "other",
    "要把老百姓的事当成自己的事": "other", "十四五": "plan_period", "十五五": "plan_period", "今日看点": "other",
    "15分钟健身圈": "project", "红石榴": "project", "桃花节": "project",
}


def test_report_paragraph_slogans_and_traps(tokenizer):
    lexicon = learn_lexicon([REPORT])
    found = set(_slogans([REPORT], tokenizer))
    assert REPORT_SLOGANS <= found
    assert not (set(REPORT_OTHERS) & found)
    assert {p: lexicon.kind_of(p)[0] for p in REPORT_OTHERS} == REPORT_OTHERS
    assert lexicon.family_of("六保") == "六稳六保"


def test_a_general_term_some_reports_quote_stays_a_general_term(tokenizer):
    # Quoted by two reports, written plainly by six: the build does not usually quote it.
    quoting = ["实施“城乡融合”战略。", "推进“城乡融合”发展。"]
    plain = [f"第{i}年，我们坚持城乡融合，推动发展。" for i in range(6)]
    texts = quoting + plain
    assert "城乡融合" in _slogans(texts, tokenizer, 0)
    assert "城乡融合" not in _slogans(texts, tokenizer, 2)
