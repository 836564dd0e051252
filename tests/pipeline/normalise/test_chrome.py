"""Web-page chrome and paged-viewer page markers."""

from __future__ import annotations

import re

import pytest

from pipeline import normalise
from pipeline.normalise import normalise_text
from tests.pipeline.conftest import sample_text


CHROME_LINES = [
    "设为首页收藏本站",
    "设为首页",
    "收藏本站",
    "签到天数: 2 天",
    "• 会员菜单加载中......",
    "版权所有:中国县域 QQ:1581746470",
    "阅读:194",
    "发表于 2021-1-4 15:18:15 | 显示全部楼层 |阅读模式",
    "发表于 2021-1-4",
    "回复",
    "积分",
    "[复制链接]",
    "上一篇：2020年政府工作报告",
    "下一篇：关于召开会议的通知",
    "豫ICP备12345678号-1",
    "扫一扫",
    "分享到：",
    "查看: 1662|回复: 0",
    "时间:2023-08-06   作者:中国县域   来源:政府官网   阅读:194   评论:0",
    "2024-03-04 08:27:52",
    "Powered by quyushuju X3.4 Licensed© 2008-2018 quyushuju Inc.",
    "快速回复 返回顶部 返回列表",
    "1040",
    "Rank: 7Rank: 7Rank: 7",
    "[LV.1]初来乍到",
    "|",
]
REPORT_LINES = [
    "各位代表：",
    "一、2020年工作回顾",
    "全年实现地区生产总值221.46亿元，同比增长7.9%。",
    "积分落户政策全面落实，新增城镇就业2300人以上。",
    "回复群众诉求1.2万件，办结率100%。",
    "版权保护和知识产权工作持续加强。",
]


@pytest.mark.parametrize("chrome", CHROME_LINES)
def test_chrome_lines_are_dropped(chrome):
    text = "\n".join(["各位代表：", chrome, "全年实现地区生产总值221.46亿元，同比增长7.9%。"])
    assert normalise_text(text) == "各位代表：\n全年实现地区生产总值221.46亿元，同比增长7.9%。"


@pytest.mark.parametrize("line", REPORT_LINES)
def test_report_lines_are_not_chrome(line):
    assert normalise_text(line) == line


def test_chrome_pattern_file_is_valid():
    patterns = normalise.chrome_patterns()
    assert len(patterns) > 30
    assert all(isinstance(p, re.Pattern) for p in patterns)


@pytest.mark.parametrize("name", ["seeds/003_ad147ba315cb1764.txt", "seeds/004_75247fd8577e948a.txt"])
def test_sample_pages_lose_their_chrome(name):
    text = normalise_text(sample_text(name))
    for chrome in ("设为首页", "签到天数", "会员菜单", "发表于", "版权所有", "Powered by", "阅读:194", "回帖"):
        assert chrome not in text
    assert "各位代表" in text
