"""The substring pre-checks of identification never hide a match of the patterns behind them."""

import random
from collections import Counter

from pipeline.doc_kinds import _NEWS, _NEWS_WORDS
from pipeline.identify.dates import _MEETING, find_meeting_line, meeting_matches
from tests.pipeline.test_segment import _corpus_texts


def test_every_news_cue_holds_a_pre_check_word():
    for head in ("本报讯 县两会开幕", "（通讯员 李明）", "责任编辑：王芳", "图为会场，张三供图", "来源：新华网",
                 "记者 赵六报道", "柳河县3月5日讯"):
        assert _NEWS.search(head)
        assert any(word in head for word in _NEWS_WORDS)


def test_meeting_line_with_spaces_and_the_short_form_are_still_found():
    line = find_meeting_line("政府工作报告\n——2023年1月9日在某某县第 十八 届人民代表大会第二次会议上\n各位代表：")
    assert line is not None and (line.year, line.month) == (2023, 1)
    short = find_meeting_line("新闻\n在长丰县十二届人大四次会议上，县长作报告")
    assert short is not None and short.year is None
    assert find_meeting_line("没有会议的文字。") is None


def _finditer_reference(text):
    return [(m.span(), m.groups(), bool(m.group(1))) for m in _MEETING.finditer(text)]


def _branches(text):
    out = []
    for match, dated in meeting_matches(text):
        groups = match.groups() if dated else (None, None, match.group(1))
        out.append((match.span(), groups, dated))
    return out


MEETING_PIECES = ["2021年3月12日", "二〇二一年一月", "2021 年 3 月", "12日", "在", "于", "浚县", "第十五届", "第 十八 届",
                  "人民代表大会", "第六次会议上", "，", "。", "\n", " ", "在在", "一二三四", "2021", "年", "月", "1",
                  "十五", "届", "县", "某某", "——"]


def test_the_two_branch_patterns_find_what_the_meeting_pattern_finds():
    rng = random.Random(7)
    texts = ["——2021年3月12日在浚县第十五届人民代表大会第六次会议上", "于某某县第十八届人民代表大会",
             "2021年3月在于县第1届人民代表大会2022年1月在县第2届人民代表大会", ""]
    texts += ["".join(rng.choice(MEETING_PIECES) for _ in range(rng.randint(1, 40))) for _ in range(20000)]
    texts += [text for _name, text in _corpus_texts()]
    kinds = Counter()
    for text in texts:
        expected = _finditer_reference(text)
        assert _branches(text) == expected, text
        kinds.update(dated for _span, _groups, dated in expected)
    assert kinds[True] > 50 and kinds[False] > 200  # the fuzz reaches both branches
