"""The administrative-division data: current units, former names linked to them, one matcher."""

from __future__ import annotations

import random

from pipeline.identify import divisions
from pipeline.identify.divisions import admin_divisions, current_unit, find_places, former_names, short_form
from tests.pipeline.test_segment import _corpus_texts


def test_units_created_since_2016_are_known():
    for name, city in (("莱芜区", "济南市"), ("横州市", "南宁市"), ("临平区", "杭州市"), ("钱塘区", "杭州市")):
        assert any(c.city == city for c in admin_divisions()[name]), name


def test_former_names_link_to_the_current_unit():
    assert current_unit("横县").name == "横州市"
    assert current_unit("綦江县").name == "綦江区"
    assert current_unit("莱城区").name == "莱芜区"
    assert "横县" not in admin_divisions()
    assert all(units for units in former_names().values())


def test_live_units_missing_from_the_new_table_are_kept():
    assert admin_divisions()["渝北区"][0].city == "重庆市"


def test_hong_kong_macao_taiwan_districts_are_left_out():
    assert "中西区" not in admin_divisions() and "信义区" not in admin_divisions()


def test_matcher_finds_longest_names_without_overlap():
    mentions = find_places("天津市和平区与津市市、吴江区")
    assert [m.name for m in mentions] == ["天津市", "和平区", "津市市", "吴江区"]
    assert [m.place.kind for m in mentions] == ["higher", "county", "county", "county"]


def test_short_forms():
    assert short_form("晋江市") == "晋江"
    assert short_form("景东彝族自治县") == "景东"
    assert short_form("忠县") is None
    assert any(m.place.kind == "short" and m.name == "海淀" for m in find_places("海淀科技园"))


def _whole_text_matches(text):
    return [(end + 1 - len(place.name), end + 1, place.name) for end, place in divisions.matcher().iter_long(text)]


def _found(text):
    return [(m.start, m.end, m.name) for m in divisions.find_places(text)]


def test_the_pre_filter_finds_what_the_whole_text_automaton_finds():
    # Names that are prefixes, suffixes and overlaps of each other, pieces of names, and
    # characters in no name, glued at random: where the automaton's longest-match rule and
    # its state at run edges would tell the two apart.
    rng = random.Random(3)
    names = sorted(divisions.places())
    pieces = rng.sample(names, 400) + ["鼓楼", "鼓楼区", "楼区", "江南", "南京", "京山", "山东", "东区", "长安区"]
    pieces += [name[i:j] for name in rng.sample(names, 300) for i, j in [sorted(rng.sample(range(len(name) + 1), 2))]]
    # A longer name cut short (雄安新 of 雄安新区) right before a character in no name: the
    # automaton falls back to a shorter name it ends with (安新) there.
    known = set(names)
    cut = [n[:-1] for n in names if any(n[i:-1] in known for i in range(1, len(n) - 2))]
    pieces += [piece + end for piece in cut for end in ("，", "。", "X", "")]
    pieces += ["，", "。", "\n", " ", "的", "和", "发展", "2023年", "X", "建设", "\ud800"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(100, 400))) for _ in range(400)]
    texts += [text for _name, text in _corpus_texts()]
    matched = 0
    for text in texts:
        expected = _whole_text_matches(text)
        assert _found(text) == expected
        matched += len(expected)
    assert matched > 10000


def test_short_texts_and_texts_without_names():
    for text in ["", "浚县", "发展经济，" * 200, "在浚县第十五届人民代表大会" + "，" * 400 + "鼓楼区"]:
        assert _found(text) == _whole_text_matches(text)
