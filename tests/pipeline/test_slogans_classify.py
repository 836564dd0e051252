"""The classifier of quoted phrases: kinds with their reason, context cues, the reviewed
data's rules, and a reviewer's correction that survives rebuilds. Sentences are our own."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from pipeline.slogans import (
    append_correction,
    classify_with_basis,
    learn_lexicon,
    load_slogan_reference,
    read_corrections,
)


@pytest.mark.parametrize(
    "phrase, kind",
    [
        ("十五五", "plan_period"),
        ("十三五末", "plan_period"),
        ("五一", "other"),  # a holiday, not a numbered slogan
        ("12条", "other"),  # a count of measures
        ("三连冠", "other"),  # a streak in an assessment
        ("全国500强", "honour"),
        ("百亿县", "honour"),
        ("五强县", "honour"),
        ("全省营商环境百强榜", "honour"),
        ("百亿俱乐部", "honour"),
        ("无违建县", "honour"),
        ("无废城市", "slogan"),  # a programme, not a title
        ("两个强县", "slogan"),  # N个 + title word: a numbered programme
        ("文旅兴县、工业强县", "slogan"),  # clauses, not a title
        ("六大行动计划", "slogan"),  # numbered, although it ends in 计划
        ("半小时生活圈", "project"),
        ("一小时服务圈", "project"),  # one numeral does not make it a programme
        ("招商引资成绩单", "other"),
        ("小康梦", "other"),
        ("中国梦", "slogan"),
        ("3+2+N", "slogan"),
        ("2+1", "slogan"),
        ("606", "other"),  # a bare number
        ("来源:县融媒体中心", "other"),
        ("20万平方米", "other"),
        ("乡村振兴——我们在行动", "other"),
        ("发展才是硬道理的", "other"),
        ("县管乡用", "slogan"),
        ("一心一意", "other"),  # an idiom in jieba's dictionary
        ("科技强市", "slogan"),  # a strategy, not a ranking
        ("富民强县", "slogan"),  # 富民 is a county's name, but first a word
        ("省级文明村", "honour"),
        ("政务服务中心", "project"),
        ("一站式矛盾调解中心", "project"),
        ("科创高地、开放前沿", "slogan"),
        ("增长新引擎", "other"),
        ("AA级", "other"),  # an assessment grade
        ("三星", "other"),
        ("十佳乡镇", "honour"),
        ("二号文件", "other"),
        ("百千万", "slogan"),
        ("压舱石", "other"),
        ("全县安全生产红旗单位", "honour"),
        ("省级卫生乡镇", "honour"),
        ("油菜花节", "project"),
        ("红色文艺轻骑兵宣讲团", "project"),
        ("赣南脐橙", "brand"),
        ("AAAAA级", "other"),
        ("良好等次", "other"),
        ("国家3A级景区", "honour"),
        ("省级试点", "honour"),
        ("全省第一方阵", "other"),
        ("全盟前列", "other"),
        ("一号工程", "slogan"),
        ("做强中心城区核心功能、做优县城综合承载", "slogan"),  # balanced clauses of 10
        ("新区,今年一季度全县规上工业增加值增长", "other"),  # ragged: two columns of a page run together
        ("国家园林县城、全国文明城市", "honour"),  # two honours listed in one quote
        ("人、财、物", "slogan"),
        ("中部地区重要的装备制造业基地、区域性综合交通枢纽、康养旅游目的地", "slogan"),  # a 发展定位
    ],
)
def test_kind(phrase, kind):
    assert classify_with_basis(phrase)[0] == kind


@pytest.mark.parametrize(
    "sentence, phrase, kind",
    [
        ("我县荣获“长江经济带绿色先锋”称号。", "长江经济带绿色先锋", "honour"),
        ("该镇成功入选“美丽宜居样板”。", "美丽宜居样板", "honour"),
        ("总投资12亿元的“云上智谷”项目开工建设。", "云上智谷", "project"),
        ("“江南水乡慢城”成功落户我县。", "江南水乡慢城", "project"),
        ("“青山白茶”等6个农产品入选名录。", "青山白茶", "brand"),
        ("认真学习“九一”重要讲话精神。", "九一", "other"),
        ("电视台“乡村新面貌”栏目进行了报道。", "乡村新面貌", "other"),
        ("推广“掌上办事”APP，注册用户20万。", "掌上办事", "project"),
        ("开通“民声直通车”服务热线。", "民声直通车", "project"),
    ],
)
def test_words_around_the_quotes_decide(sentence, phrase, kind):
    lexicon = learn_lexicon([sentence])
    found_kind, basis = lexicon.kind_of(phrase)
    assert found_kind == kind
    assert basis  # the reason is recorded


def test_an_honour_cue_needs_the_name_to_end_at_the_quote():
    lexicon = learn_lexicon(["该村入选“千村精品、万村美丽”示范村名单。", "我县获评“平安建设先进县”，位列全省第一。"])
    assert lexicon.kind_of("千村精品、万村美丽")[0] == "slogan"
    assert lexicon.kind_of("平安建设先进县")[0] == "honour"


def test_a_cue_on_half_the_occurrences_does_not_decide():
    texts = ["完成“三大提升”项目12个。", "深入推进“三大提升”。"]
    assert learn_lexicon(texts).kind_of("三大提升")[0] == "slogan"


def test_place_names_make_brands_or_slogans():
    assert classify_with_basis("昆山大闸蟹")[0] == "brand"
    kind, basis = classify_with_basis("昆山模式")
    assert kind == "slogan" and "模式" in basis


def test_every_kind_has_a_chinese_reason():
    for phrase in ("六稳", "十四五", "全国文明城市", "雪亮工程", "善堂花生", "加速度", "三高四新"):
        kind, basis = classify_with_basis(phrase)
        assert basis and any("\u4e00" <= ch <= "\u9fff" for ch in basis), (phrase, kind, basis)


def test_reference_rows_are_valid():
    reference = load_slogan_reference()
    assert reference.before and reference.after and reference.heads
    assert reference.known["放管服"][0] == "slogan" and "乡村振兴" not in reference.known


@pytest.fixture()
def reference_copy(tmp_path, monkeypatch, reference_dir):
    copy = tmp_path / "reference"
    shutil.copytree(reference_dir, copy)
    (copy / "slogan_corrections.tsv").unlink(missing_ok=True)
    monkeypatch.setenv("COUNTY_PULSE_REFERENCE", str(copy))
    return copy


def _texts(*bodies):
    frame = pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(len(bodies))], "county": ["甲县"] * len(bodies),
         "report_year": [2022 + i for i in range(len(bodies))], "text": list(bodies)}
    )
    frame["report_year"] = frame["report_year"].astype("Int64")
    return frame


def test_correction_wins_and_survives_rebuilds(reference_copy):
    from pipeline.vocabulary import build_vocabulary_tables

    texts = _texts("全力打造“山水慢城”，擦亮“山水慢城”品牌。", "深入推进“山水慢城”建设。")
    before = build_vocabulary_tables(texts)["slogans"]
    assert set(before.loc[before["slogan"] == "山水慢城", "kind"]) == {"slogan"}

    append_correction("山水慢城", "brand", note="城市品牌，不是提法", author="审核员")
    assert read_corrections(reference_copy / "slogan_corrections.tsv")["山水慢城"].kind == "brand"
    for _ in range(2):  # every rebuild reads the correction again
        rows = build_vocabulary_tables(texts)["slogans"]
        row = rows[rows["slogan"] == "山水慢城"]
        assert set(row["kind"]) == {"brand"}
        assert all(b.startswith("审核更正") for b in row["kind_basis"])


def test_correction_can_name_a_family(reference_copy):
    append_correction("双招双引", "slogan", family="招商引资")
    lexicon = learn_lexicon(["坚持“双招双引”。"])
    assert lexicon.family_of("双招双引") == "招商引资"


def test_correction_refuses_unknown_kind(reference_copy):
    with pytest.raises(ValueError):
        append_correction("六稳", "slogen")


def test_rows_say_why_and_how_often_quoted(reference_copy):
    from pipeline.vocabulary import build_vocabulary_tables

    rows = build_vocabulary_tables(_texts("深化“放管服”改革，放管服改革走在前列。", "获评“全国文明城市”。"))["slogans"]
    fangguanfu = rows[rows["slogan"] == "放管服"].iloc[0]
    assert (fangguanfu["count"], fangguanfu["quoted_count"]) == (2, 1)
    assert fangguanfu["kind_basis"] == "参考表：已知短语"
    honour = rows[rows["slogan"] == "全国文明城市"].iloc[0]
    assert honour["kind"] == "honour" and honour["kind_basis"]


def test_correction_wins_over_a_known_phrase_written_without_quotes(reference_copy):
    append_correction("全域旅游", "other", note="泛称，不作提法")
    lexicon = learn_lexicon(["发展全域旅游。"])
    assert lexicon.kind_of("全域旅游") == ("other", "审核更正：泛称，不作提法")
    assert "全域旅游" not in lexicon.unquoted


def test_the_workers_warm_up_loads_the_dictionaries_the_checks_read():
    """The build's slogan jobs run in workers forked after ``documents.warm_up``: each would
    otherwise make what the checks read (the place names among them) on its first job."""
    import subprocess
    import sys

    script = ("from pipeline.documents import warm_up\n"
              "from pipeline.slogans import classify\n"
              "before = classify._dictionary_words.cache_info().currsize\n"
              "warm_up()\n"
              "print(before, classify._dictionary_words.cache_info().currsize, classify._place_names.cache_info().currsize)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["0", "1", "1"]


def test_the_dictionary_read_in_place_is_jiebas_minus_our_words():
    """``JiebaWords`` answers as the copies it replaced: jieba's entries without our user words,
    and for membership only those of frequency 3 or more."""
    from pipeline.segment import get_dictionary_entries, get_user_words
    from pipeline.slogans.classify import _dictionary_entries, _dictionary_words

    entries, user = get_dictionary_entries(), get_user_words()
    copied = {w: e for w, e in entries.items() if w not in user}
    frequent = frozenset(w for w, (freq, _tag) in copied.items() if freq >= 3)
    words, view = list(entries) + list(user) + ["不是词的一串字", ""], _dictionary_entries()
    assert user and any(w in entries for w in user)  # some of ours shadow jieba's own
    assert [view.get(w, (0, "")) for w in words] == [copied.get(w, (0, "")) for w in words]
    assert [w in _dictionary_words() for w in words] == [w in frequent for w in words]
