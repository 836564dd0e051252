"""One view's rows from the engine (``dashboard/queries/view_rows.py``) give what the pandas
questions give on the whole tables: every cockpit of the sample build and of the fixture tables
(tiles with their sentences, scorecard, slogans' source line, the deck and each slide), the
sidebar's choices, the outcome year and the facts a correction form offers."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import data, queries
from dashboard.queries import view_rows
from pipeline import contracts, settings


@pytest.fixture(scope="module", params=["sample", "fixture"])
def built(request, built_data_dir, fixture_data_dir):
    out = (built_data_dir if request.param == "sample" else fixture_data_dir) / "processed"
    build = settings.current_build_dir(out)
    tables = {name: contracts.read_table(name, settings.table_path(build, name))
              for name in ("documents", "indicators", "targets_vs_outcomes")}
    return data.runner(build), tables


def _views(t):
    """Every named county with every year it has a fact or a report for, and a year it has none."""
    counties = queries.county_options(t["documents"], t["indicators"])
    years = queries.year_options(t["documents"], t["indicators"])
    return [(c, y) for c in counties for y in [*years, min(years) - 1]]


def _same_tiles(got: list[dict], want: list[dict]) -> None:
    assert repr(got) == repr(want)


def test_every_cockpit_is_the_same_from_the_views_rows(built):
    run, t = built
    manifest = {"built_at": "2026-12-02T06:00:00+00:00"}
    checked = 0
    for county, year in _views(t):
        facts, pairs = view_rows.view_facts(run, county, year), view_rows.county_pairs(run, county)
        assert "sentence" not in facts.columns and len(facts) < len(t["indicators"]) or len(t["indicators"]) < 50
        want = queries.kpi_tiles(t["indicators"], t["targets_vs_outcomes"], t["documents"], county, year)
        got = queries.kpi_tiles(facts, pairs, t["documents"], county, year)
        assert all(tile["sentence"] is None for tile in got)
        _same_tiles(queries.with_sentences(got, view_rows.fact_sentences(run, [x["fact_id"] for x in got])), want)
        pd.testing.assert_frame_equal(queries.scorecard(pairs, t["documents"], county, year),
                                      queries.scorecard(t["targets_vs_outcomes"], t["documents"], county, year))
        assert (queries.source_line(facts, t["documents"], county, year, manifest)
                == queries.source_line(t["indicators"], t["documents"], county, year, manifest))
        whole = {"indicators": t["indicators"], "tvo": t["targets_vs_outcomes"], "documents": t["documents"]}
        mine = {"indicators": facts, "tvo": pairs, "documents": t["documents"]}
        deck = queries.deck_slides(t["indicators"], t["targets_vs_outcomes"], county, year)
        assert queries.deck_slides(facts, pairs, county, year) == deck
        for slide in deck:
            assert (repr(queries.slide_content(mine, county, year, manifest, slide))
                    == repr(queries.slide_content(whole, county, year, manifest, slide)))
        checked += bool(want)
    assert checked  # some cockpit had tiles


def test_a_rankings_sentences_are_fetched_for_its_rows(built):
    run, t = built
    for county, year in _views(t)[:40]:
        for indicator, measure in queries.HEADLINE_INDICATORS:
            rank = queries.ranking(t["indicators"], indicator, measure, year)
            found = view_rows.fact_sentences(run, list(rank["fact_id"]))
            assert [found.get(f) for f in rank["fact_id"]] == [None if pd.isna(s) else s for s in rank["sentence"]]


def test_the_sidebars_choices_from_sums(built):
    run, t = built
    documents, indicators = t["documents"], t["indicators"]
    per_county = view_rows.fact_counts(run, "county")
    counties = queries.county_names(documents, set(per_county.index))
    assert counties == queries.county_options(documents, indicators)
    named = per_county[[str(c).strip() != "" for c in per_county.index]]
    assert queries.county_with_most(named, lambda: counties) == queries.default_county(documents, indicators)
    assert queries.year_choices(documents, view_rows.fact_periods(run)) == queries.year_options(documents, indicators)
    assert queries.indicator_order(view_rows.fact_counts(run, "indicator")) == queries.indicator_options(indicators)


def test_the_outcome_year_from_sums(built):
    run, t = built
    groups = view_rows.outcome_groups(run)
    outcomes = queries.annual_outcomes(t["indicators"])
    for county in [None, *queries.county_options(t["documents"], t["indicators"])[:8], "没有这个县"]:
        for indicator in [None, *queries.indicator_options(t["indicators"])[:4]]:
            assert queries.outcome_year(groups, county, indicator) == queries.outcome_year(outcomes, county, indicator)


def test_the_facts_a_correction_form_offers(built):
    run, t = built
    for county, year in _views(t)[:30]:
        for indicator in [None, "地区生产总值"]:
            want = queries.where(t["indicators"], county=county, period=year, indicator=indicator)
            got = view_rows.matching_facts(run, county=county, period=year, indicator=indicator)
            pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True))


def test_the_builds_facts_are_the_corrected_facts_while_its_corrections_are_current(built_data_dir, monkeypatch):
    """What ``data.load_indicators`` relies on when ``facts_current``: applying the build's
    corrections again to its table changes no row."""
    from pipeline import corrections
    from tests.dashboard.conftest import point_env_at

    point_env_at(monkeypatch, built_data_dir)
    assert data.facts_current()
    build = settings.current_build_dir(built_data_dir / "processed")
    table = contracts.read_table("indicators", settings.table_path(build, "indicators"))
    documents = contracts.read_table("documents", settings.table_path(build, "documents"))
    again, _ = corrections.apply_corrections(table, data.load_corrections(), documents=documents)
    pd.testing.assert_frame_equal(again, table)


def test_every_comparison_is_the_same_from_the_views_rows(built):
    """县域对比: the measures, the ranking with its sentences, the peer table and the many-indicator
    table with its sentence tooltips, for every indicator, year, measure and kind."""
    run, t = built
    indicators, documents = t["indicators"], t["documents"]
    county = queries.default_county(documents, indicators)
    group, peers = queries.peer_group(documents, county, "all")
    for indicator in queries.indicator_options(indicators)[:6]:
        for year in queries.year_options(documents, indicators):
            facts = view_rows.compare_facts(run, indicator, year)
            assert queries.measure_options(facts, indicator) == queries.measure_options(indicators, indicator)
            for measure in queries.measure_options(indicators, indicator):
                for kind in ("actual", "target"):
                    want = queries.with_peers(queries.ranking(indicators, indicator, measure, year, kind), peers)
                    ranked = view_rows.ranking(run, indicator, measure, year, kind)  # picked and ordered in the engine
                    pd.testing.assert_frame_equal(ranked, queries.ranking(facts, indicator, measure, year, kind), check_dtype=False)
                    got = queries.with_peers(ranked, peers)
                    found = view_rows.sentences_where(run, indicator=indicator, measure=measure, kind=kind, period=year, scope="annual")
                    got = got.assign(sentence=got["fact_id"].map(found).astype("string"))[list(want.columns)]
                    # The same cells; the whole table's sentences turn object when peers without a value are added.
                    pd.testing.assert_frame_equal(queries.peer_table(got, county, indicator), queries.peer_table(want, county, indicator),
                                                  check_dtype=False)
                    whole = queries.multi_indicator(indicators[indicators["county"].isin(peers)], year, measure, kind)
                    mine = facts[facts["county"].isin(peers)]
                    found = view_rows.sentences_where(run, measure=measure, kind=kind, period=year, scope="annual")
                    mine = mine.assign(sentence=mine["fact_id"].map(found).astype("string"))
                    part = queries.multi_indicator(mine, year, measure, kind)
                    pd.testing.assert_frame_equal(part[0], whole[0])
                    pd.testing.assert_frame_equal(part[1], whole[1])
                    if not whole[1].empty:
                        pd.testing.assert_frame_equal(part[1].attrs["sources"], whole[1].attrs["sources"])


def test_every_timeline_and_the_hit_rates_are_the_same_from_the_views_rows(built):
    """目标与实绩: the county's pairs and the corrected facts give each timeline; the engine's sums
    give every county's hit rates."""
    run, t = built
    tvo, documents, indicators = t["targets_vs_outcomes"], t["documents"], t["indicators"]
    corrected = view_rows.corrected_facts(run)
    pd.testing.assert_frame_equal(corrected.reset_index(drop=True), indicators[indicators["corrected"].notna()].reset_index(drop=True))
    for county in queries.county_options(documents, indicators):
        pairs = view_rows.county_pairs(run, county)
        assert queries.timeline_options(pairs, county) == queries.timeline_options(tvo, county)
        for indicator, measure in queries.timeline_options(tvo, county):
            pd.testing.assert_frame_equal(queries.timeline(pairs, documents, county, indicator, measure, corrected),
                                          queries.timeline(tvo, documents, county, indicator, measure, indicators))
    for indicator in [None, *queries.indicator_options(indicators)[:5], "没有这个指标"]:
        got = queries.hit_table(view_rows.hit_counts(run, indicator).set_index("县"))
        pd.testing.assert_frame_equal(got, queries.hit_rates(tvo, indicator))
