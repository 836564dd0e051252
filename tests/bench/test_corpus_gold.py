"""The real corpus as a gold set: label mapping, units and noise tags."""

from __future__ import annotations

import pandas as pd
import pytest

from bench import accuracy as acc
from bench import corpus_gold as cg


def test_scopes_map_to_our_vocabulary():
    assert cg.map_scope("five_year_avg") == "multi_year_avg"
    assert cg.map_scope("four_year_avg") == "multi_year_avg"
    assert cg.map_scope("cumulative_5yr") == "cumulative"
    assert cg.map_scope("H1_cumulative") == "half_year"
    assert cg.map_scope("") == "annual"
    assert cg.map_scope("vs_2011") == "vs_2011"  # kept: matches nothing we extract


def test_values_compare_in_base_units():
    assert cg.to_base_unit(2.5, "亿元") == (2.5e8, "元")
    assert cg.to_base_unit(25000.0, "万元") == (2.5e8, "元")
    assert cg.to_base_unit(7.9, "%") == (7.9, "%")
    assert cg.to_base_unit(None, "亿元") == (None, "元")


def test_noise_tags_come_from_the_text():
    assert "inline_pinyin" in cg.noise_tags("全年地區生產總值增長(zhǎng)6%")
    assert "cjk_radicals" in cg.noise_tags("政府⼯作报告")
    assert cg.noise_tags("全县地区生产总值增长百分之六。") == ("clean",)


def _frame(rows):
    return acc.canonical_facts(pd.DataFrame(rows), cg.CORPUS_HEADLINE)


def test_score_counts_precision_over_valued_and_recall_over_annual():
    base = dict(source="texts/a.txt", county="甲县", indicator="地区生产总值", measure="level",
                kind="actual", period=2020, unit="元", qualifier="", masked=False)
    gold = _frame([{**base, "scope": "annual", "value": 2.5e8, "evidence": "e"},
                   {**base, "scope": "multi_year_avg", "measure": "growth", "unit": "%",
                    "value": 6.0, "evidence": "e"}])
    pred = _frame([{**base, "scope": "annual", "value": 2.5, "unit": "亿元", "sentence": "s"},
                   {**base, "scope": "multi_year_avg", "measure": "growth", "unit": "%",
                    "value": 6.0, "sentence": "s"},
                   {**base, "scope": "annual", "measure": "growth", "unit": "%", "value": 9.0,
                    "sentence": "s"}])
    scored = cg.score_corpus(gold, pred, acc.match_facts)
    f = cg.subset_figures(scored)
    # 2 of 3 valued predictions are right; the one annual label is found.
    assert (f["correct"], f["predicted"]) == (2, 3)
    assert (f["found"], f["labelled"]) == (1, 1)
    assert f["fact_county"] == 1.0


@pytest.mark.skipif(not cg.available(), reason="../shared/corpus is not present")
def test_the_shared_corpus_loads_with_every_fact_quoted_from_its_file():
    corpus = cg.load_corpus()
    assert len(corpus.documents) >= 70
    texts = {src: (corpus.root / src).read_text("utf-8") for src in corpus.documents["source"]}
    assert set(corpus.facts["source"]) <= set(texts)
    assert set(corpus.documents["doc_type"]) >= {"政府工作报告", "统计公报", "报告摘要"}


def test_oracle_identity_comes_from_the_labelled_document():
    row = pd.Series({"source": "texts/x.txt", "county": "某县", "city": "某市", "province": "某省",
                     "report_year": "2022", "doc_type": "统计公报", "anonymised": "false"})
    identity = acc.oracle_identity(row)
    assert (identity.county, identity.report_year, identity.doc_type, identity.anonymised) == ("某县", 2022, "统计公报", False)
    masked = acc.oracle_identity(row.replace({"2022": "20XX"}))
    assert masked.report_year is None and masked.delivered_year is None


def test_a_former_county_name_and_a_masked_year_compare_as_identification_gives_them():
    assert cg.comparable_identity("county", "綦江县") == "綦江区"  # 撤县设区 2011
    assert cg.comparable_identity("county", "海淀区") == "海淀区"
    assert cg.comparable_identity("report_year", "20XX") == ""
    assert cg.comparable_identity("report_year", "2021") == "2021"


def test_corrections_apply_only_where_the_label_still_reads_as_corrected_from():
    index = pd.DataFrame({"file": ["a.txt", "b.txt"], "report_year": ["2021", "2020"]})
    corrections = pd.DataFrame({"file": ["a.txt", "b.txt"], "field": ["report_year"] * 2,
                                "gold": ["2021", "2019"], "corrected": ["2022", "2021"], "reason": ["r", "r"]})
    out = cg.apply_corrections(index, corrections)
    assert list(out["report_year"]) == ["2022", "2020"]


def test_every_listed_correction_gives_its_reason():
    corrections = cg.read_corrections()
    assert len(corrections) >= 1
    assert all(len(reason) > 40 for reason in corrections["reason"])
