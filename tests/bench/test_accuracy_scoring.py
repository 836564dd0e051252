"""The bench's matcher and scorers on tiny hand-made frames (no real extractor needed)."""

from __future__ import annotations

import types
from pathlib import Path

import pandas as pd
import pytest

from bench import accuracy as acc

SRC = "tests/gold/texts/x.txt"


def fact(indicator="地区生产总值", measure="growth", kind="actual", period=2020, scope="annual",
         value=7.9, unit="%", qualifier="exact", masked=False, estimated=False, source=SRC, **extra):
    row = dict(source=source, indicator=indicator, measure=measure, kind=kind, period=period,
               scope=scope, value=value, unit=unit, qualifier=qualifier, masked=masked,
               estimated=estimated)
    row.update(extra)
    return row


def gold_frame(*rows):
    frame = pd.DataFrame([{**r, "evidence": "证据"} for r in rows])
    # Gold is read as strings from TSV: mimic that.
    frame["value"] = frame["value"].map(lambda v: "" if v is None else repr(v))
    for col in ("masked", "estimated"):
        frame[col] = frame[col].map(lambda b: "true" if b else "false")
    frame["period"] = frame["period"].astype(str)
    return acc.canonical_facts(frame)


def pred_frame(*rows):
    frame = pd.DataFrame([{**r, "sentence": "句子", "value_text": ""} for r in rows])
    return acc.canonical_facts(frame)


def test_values_equal_tolerance_and_empty():
    assert acc.values_equal(7.9, 7.9000000001)
    assert acc.values_equal("7.9", 7.9)
    assert not acc.values_equal(7.9, 7.91)
    assert acc.values_equal(None, float("nan"))
    assert acc.values_equal("", None)
    assert not acc.values_equal(0.0, None)  # masked is unknown, never 0
    assert acc.values_equal(-2.1, -2.1)
    assert not acc.values_equal(-2.1, 2.1)


def test_perfect_match():
    g = gold_frame(fact(), fact(measure="level", value=221.46, unit="亿元"))
    p = pred_frame(fact(), fact(measure="level", value=221.46, unit="亿元"))
    s = acc.score_facts(g, p)
    assert (s["headline"].tp, s["headline"].fp, s["headline"].fn) == (2, 0, 0)
    assert s["headline"].f1 == 1.0
    assert s["headline"].qualifier_accuracy == 1.0


@pytest.mark.parametrize("change", [
    dict(period=2021), dict(kind="target"), dict(scope="multi_year_avg"), dict(measure="change"),
    dict(indicator="一般公共预算收入"), dict(value=7.8), dict(source="other.txt"),
])
def test_any_key_difference_breaks_the_match(change):
    s = acc.score_facts(gold_frame(fact()), pred_frame(fact(**change)))
    assert (s["overall"].tp, s["overall"].fp, s["overall"].fn) == (0, 1, 1)


def test_masked_and_qualitative_are_different_facts():
    g = gold_frame(fact(value=None, masked=True))
    s = acc.score_facts(g, pred_frame(fact(value=None, masked=False)))
    assert s["overall"].tp == 0
    s = acc.score_facts(g, pred_frame(fact(value=None, masked=True)))
    assert s["overall"].tp == 1
    # A masked value filled with a neighbouring digit is wrong.
    s = acc.score_facts(g, pred_frame(fact(value=2.0, masked=True)))
    assert s["overall"].tp == 0


def test_qualifier_scored_separately():
    g = gold_frame(fact(kind="target", value=6.5, qualifier="about"),
                   fact(kind="target", indicator="城镇登记失业率", measure="rate", value=3.5,
                        qualifier="at_most"))
    p = pred_frame(fact(kind="target", value=6.5, qualifier="exact"),
                   fact(kind="target", indicator="城镇登记失业率", measure="rate", value=3.5,
                        qualifier="at_most"))
    s = acc.score_facts(g, p)
    assert s["headline"].tp == 2
    assert s["headline"].qualifier_accuracy == 0.5


def test_one_to_one_duplicates():
    g = gold_frame(fact())
    p = pred_frame(fact(), fact())
    s = acc.score_facts(g, p)
    assert (s["overall"].tp, s["overall"].fp, s["overall"].fn) == (1, 1, 0)
    g2 = gold_frame(fact(), fact())
    s = acc.score_facts(g2, pred_frame(fact()))
    assert (s["overall"].tp, s["overall"].fp, s["overall"].fn) == (1, 0, 1)


def test_duplicate_prefers_same_qualifier():
    g = gold_frame(fact(kind="target", value=8, qualifier="exact"),
                   fact(kind="target", value=8, qualifier="at_least"))
    p = pred_frame(fact(kind="target", value=8, qualifier="at_least"),
                   fact(kind="target", value=8, qualifier="exact"))
    s = acc.score_facts(g, p)
    assert s["overall"].tp == 2 and s["overall"].qualifier_accuracy == 1.0


def test_non_headline_predictions_do_not_hurt_headline_precision():
    g = gold_frame(fact())
    p = pred_frame(fact(), fact(indicator="金融机构贷款余额", measure="level", value=245.95, unit="亿元"))
    s = acc.score_facts(g, p)
    assert (s["headline"].tp, s["headline"].fp) == (1, 0)
    assert s["overall"].fp == 1
    assert s["per_family"]["金融机构贷款余额"].fp == 1
    assert s["per_family"]["地区生产总值"].tp == 1


def test_per_family_counts():
    g = gold_frame(fact(), fact(indicator="粮食产量", measure="level", value=44.8, unit="万吨"))
    p = pred_frame(fact(), fact(indicator="粮食产量", measure="level", value=48, unit="万吨"))
    fam = acc.score_facts(g, p)["per_family"]
    assert (fam["地区生产总值"].tp, fam["地区生产总值"].fp, fam["地区生产总值"].fn) == (1, 0, 0)
    assert (fam["粮食产量"].tp, fam["粮食产量"].fp, fam["粮食产量"].fn) == (0, 1, 1)


def test_prf_edge_cases():
    assert acc.prf(0, 0, 0) == (0.0, 0.0, 0.0)
    p, r, f = acc.prf(3, 1, 2)
    assert p == 0.75 and r == 0.6 and abs(f - 2 * 0.75 * 0.6 / 1.35) < 1e-12


def test_estimated_accuracy_on_matches():
    g = gold_frame(fact(estimated=True))
    s = acc.score_facts(g, pred_frame(fact(estimated=False)))
    assert s["overall"].tp == 1 and s["overall"].estimated_accuracy == 0.0


def test_document_scores():
    docs = pd.DataFrame([
        dict(source="a", county="浚县", city="鹤壁市", province="河南省", report_year="2021",
             doc_type="政府工作报告", anonymised="false"),
        dict(source="b", county="", city="", province="", report_year="2023",
             doc_type="工作汇报", anonymised="true"),
    ])
    predicted = {
        "a": dict(county="浚县", city=None, province="河南省", report_year=2020,
                  doc_type="政府工作报告", anonymised=False),
        "b": dict(county=None, city=None, province=None, report_year=2023.0,
                  doc_type="工作汇报", anonymised=True),
    }
    s = acc.score_documents(docs, predicted)
    assert s["county"]["accuracy"] == 1.0
    assert s["city"]["accuracy"] == 0.5
    assert s["report_year"]["accuracy"] == 0.5
    assert s["anonymised"]["accuracy"] == 1.0


def test_missing_document_prediction_counts_as_wrong():
    docs = pd.DataFrame([dict(source="a", county="浚县", city="", province="", report_year="2021",
                              doc_type="政府工作报告", anonymised="false")])
    s = acc.score_documents(docs, {})
    assert s["county"]["accuracy"] == 0.0


def test_source_file_for():
    assert acc.source_file_for("data/raw/seeds/003.txt") == "seeds/003.txt"
    assert acc.source_file_for("tests/gold/texts/s01.txt") == "tests/gold/texts/s01.txt"


def _fake_api(gold_facts: pd.DataFrame, doc_identity: dict):
    """A stand-in pipeline that returns the gold facts of the document it is given."""
    Ingested = types.SimpleNamespace

    def read_document(path):
        return Ingested(text=str(path), format="txt", encoding="utf-8", html_title=None)

    def identify_document(text, source_file, html_title=None):
        return types.SimpleNamespace(**doc_identity, source=source_file)

    def extract_indicators(text, identity):
        rows = gold_facts[gold_facts["source"].map(lambda s: text.endswith(s))]
        return rows.drop(columns=["source", "evidence", "headline"]).assign(sentence="", value_text="")

    return {"read_document": read_document, "normalise_text": lambda t: t,
            "identify_document": identify_document, "extract_indicators": extract_indicators}


def test_evaluate_end_to_end_with_fake_pipeline(tmp_path: Path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (tmp_path / "doc.txt").write_text("全年实现地区生产总值221.46亿元", encoding="utf-8")
    header = "\t".join(["source", "indicator", "measure", "kind", "estimated", "period",
                        "period_start", "period_end", "scope", "value", "unit", "qualifier",
                        "masked", "headline", "evidence"])
    line = "\t".join(["doc.txt", "地区生产总值", "level", "actual", "false", "2019", "2019", "2019",
                      "annual", "221.46", "亿元", "exact", "false", "true", "地区生产总值221.46亿元"])
    (gold_dir / "facts.tsv").write_text(header + "\n" + line + "\n", encoding="utf-8")
    (gold_dir / "documents.tsv").write_text(
        "source\tcounty\tcity\tprovince\treport_year\tdoc_type\tanonymised\n"
        "doc.txt\t利津县\t东营市\t山东省\t2020\t政府工作报告\tfalse\n", encoding="utf-8")
    gold_raw, _ = acc.read_gold(gold_dir)
    api = _fake_api(gold_raw, dict(county="利津县", city="东营市", province="山东省",
                                   report_year=2020, doc_type="政府工作报告", anonymised=False))
    gold, pred, scored, doc_scores, errors, n = acc.evaluate(gold_dir, tmp_path, api)
    assert not errors and n == 1
    assert scored["headline"].f1 == 1.0
    assert all(d["accuracy"] == 1.0 for d in doc_scores.values())


def test_pipeline_error_is_reported_not_fatal(tmp_path: Path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "facts.tsv").write_text(
        "source\tindicator\tmeasure\tkind\testimated\tperiod\tperiod_start\tperiod_end\tscope\tvalue\t"
        "unit\tqualifier\tmasked\theadline\tevidence\n"
        "doc.txt\t粮食产量\tlevel\tactual\tfalse\t2019\t2019\t2019\tannual\t1\t万吨\texact\tfalse\ttrue\t粮食产量1万吨xxxx\n",
        encoding="utf-8")
    (gold_dir / "documents.tsv").write_text(
        "source\tcounty\tcity\tprovince\treport_year\tdoc_type\tanonymised\n"
        "doc.txt\t某县\t\t\t2020\t政府工作报告\tfalse\n", encoding="utf-8")

    def boom(path):
        raise ValueError("unreadable")

    api = {"read_document": boom, "normalise_text": str, "identify_document": None,
           "extract_indicators": None}
    gold, pred, scored, doc_scores, errors, n = acc.evaluate(gold_dir, tmp_path, api)
    assert errors and scored["headline"].fn == 1 and scored["headline"].tp == 0


def test_missing_interface_exits_2(monkeypatch, capsys):
    monkeypatch.setattr(acc, "INTERFACE", (("pipeline.no_such_module_xyz", "nothing"),))
    assert acc.main(["--gold", "tests/gold"]) == 2
    assert "interface is missing" in capsys.readouterr().err


def test_facts_of_an_unknown_year_match_when_every_gold_year_is_unknown():
    """A document whose years are masked: gold and predicted periods are both empty."""
    from bench import accuracy as acc

    gold = acc.canonical_facts(pd.DataFrame([{"source": "a", "indicator": "地区生产总值", "measure": "level",
                                              "kind": "actual", "period": None, "scope": "annual",
                                              "value": 43.68, "masked": False, "evidence": "e"}]))
    pred = acc.canonical_facts(pd.DataFrame([{"source": "a", "indicator": "地区生产总值", "measure": "level",
                                              "kind": "actual", "period": None, "scope": "annual",
                                              "value": 43.68, "masked": False, "sentence": "s"}]))
    assert len(acc.match_facts(gold, pred).pairs) == 1
