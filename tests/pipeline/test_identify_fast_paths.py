"""The substring pre-checks of identification never hide a match of the patterns behind them."""

from pipeline.doc_kinds import _NEWS, _NEWS_WORDS
from pipeline.identify.dates import find_meeting_line


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
