"""The administrative-division data: current units, former names linked to them, one matcher."""

from __future__ import annotations

from pipeline.identify.divisions import admin_divisions, current_unit, find_places, former_names, short_form


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
