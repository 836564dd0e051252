"""No document can stop the build (issue 10 §1): null fields, odd names, stage failures."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from pipeline import contracts, settings, vocabulary
from pipeline.build import BuildSummary, assemble_tables, run_build
from pipeline.documents import DocResult, process_file, source_name

GOLD = settings.PROJECT_ROOT / "tests" / "gold" / "texts"
TABLES = tuple(contracts.CONTRACTS)

MASKED_YEAR_REPORT = """20XX年××县人民政府工作报告
各位代表：现在我代表县人民政府向大会报告工作，请予审议。
一、过去一年工作回顾
过去一年，全县地区生产总值增长5.8%，一般公共预算收入增长4.6%，固定资产投资增长7.2%。
二、今年主要预期目标
今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，固定资产投资增长8%以上，城镇登记失业率控制在4.5%以内。
"""

NO_COUNTY_REPORT = """政府工作报告
——在第三次全体会议上
一、2022年工作回顾
2022年，全域地区生产总值增长4.9%，社会消费品零售总额增长3.3%，居民人均可支配收入增长5.1%。
二、2023年主要预期目标
2023年主要预期目标是：地区生产总值增长6.5%左右，社会消费品零售总额增长7%。
"""


def read(out: Path, name: str) -> pd.DataFrame:
    return contracts.read_table(name, settings.table_path(out, name))


def every_table_written(out: Path) -> None:
    for name in TABLES:
        assert settings.table_path(out, name).exists(), name


def build(tmp_path: Path, files: dict[str, str]) -> tuple[Path, BuildSummary]:
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    shutil.copy(GOLD / "s01_shili_2022.txt", raw / "s01_shili_2022.txt")
    for name, text in files.items():
        (raw / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    return out, run_build(raw, out)


def test_masked_year_report_with_targets_builds_every_table(tmp_path):
    out, summary = build(tmp_path, {"masked.txt": MASKED_YEAR_REPORT})
    every_table_written(out)
    documents = read(out, "documents").set_index("source_file")
    assert documents.loc["masked.txt", "status"] == "ok" and summary.ok == 2


def test_county_less_report_builds_every_table(tmp_path):
    out, _ = build(tmp_path, {"nocounty.txt": NO_COUNTY_REPORT})
    every_table_written(out)
    row = read(out, "documents").set_index("source_file").loc["nocounty.txt"]
    assert row.status == "ok" and pd.isna(row.county)
    assert (read(out, "indicators")["source_file"] == "nocounty.txt").any()


def test_target_whose_report_year_is_null_is_paired_not_fatal():
    """The 39-report crash: a masked year gives a target with a null report_year."""
    result = _result("a" * 64, "masked.txt", {"county": "示例县", "report_year": None})
    result.facts = [
        _fact(kind="target", period=2023, value=6.0, value_start=10, report_year=None),
    ]
    later = _result("b" * 64, "later.txt", {"county": "示例县", "report_year": 2024})
    later.facts = [_fact(kind="actual", period=2023, value=6.4, value_start=20)]
    tables = assemble_tables([result, later], BuildSummary())
    pairs = tables["targets_vs_outcomes"]
    assert list(pairs["status"]) == ["met"]


def test_every_nullable_field_may_be_null(tmp_path):
    """Identity all unknown, facts with every optional field empty: all tables still write."""
    result = _result("c" * 64, "nulls.txt", dict.fromkeys(("county", "city", "province", "report_year", "doc_type",
                                                           "anonymised", "title")))
    nullable = [c for c in contracts.INDICATORS.column_names
                if c not in ("fact_id", "doc_id", "source_file", "value_start", "indicator", "measure")]
    result.facts = [{**_fact(value_start=5), **dict.fromkeys(nullable)}]
    summary = BuildSummary()
    tables = assemble_tables([result], summary)
    for name, frame in tables.items():
        contracts.write_table(frame, name, tmp_path / f"{name}.parquet")
    assert summary.ok == 1


def test_a_field_of_the_wrong_type_is_dropped_with_a_note():
    result = _result("d" * 64, "odd.txt", {"county": "示例县", "report_year": "20XX"})
    tables = assemble_tables([result], BuildSummary())
    row = tables["documents"].iloc[0]
    assert pd.isna(row.report_year) and "report_year" in row.warning and row.status == "ok"


def test_facts_that_break_the_contract_are_noted_on_their_document_only():
    bad = _result("e" * 64, "bad.txt", {"county": "示例县", "report_year": 2023})
    bad.facts = [_fact(value="六点五")]  # text where a number belongs
    good = _result("f" * 64, "good.txt", {"county": "示例县", "report_year": 2023})
    good.facts = [_fact(value=6.5)]
    tables = assemble_tables([bad, good], BuildSummary())
    documents = tables["documents"].set_index("source_file")
    assert "数值未能入表" in documents.loc["bad.txt", "warning"] and pd.isna(documents.loc["good.txt", "warning"])
    assert list(tables["indicators"]["source_file"]) == ["good.txt"]


def test_vocabulary_failing_on_one_document_leaves_it_out_with_a_note(monkeypatch):
    original = vocabulary.vocabulary_tables_of  # what the build calls

    def fragile(docs, corpus=None):
        if any("毒" in d["text"] for d in docs):
            raise RuntimeError("tokenizer choked")
        return original(docs, corpus)

    monkeypatch.setattr(vocabulary, "vocabulary_tables_of", fragile)
    docs = [_result(f"{i:x}" * 64, f"r{i}.txt", {"county": "示例县", "report_year": 2020 + i},
                    text=f"乡村振兴和营商环境建设取得新进展，全县上下共同努力，第{i}份。" * 3) for i in range(5)]
    docs[3].text = docs[3].text + "毒"
    summary = BuildSummary()
    tables = assemble_tables(docs, summary)
    documents = tables["documents"].set_index("source_file")
    assert "词汇统计失败" in documents.loc["r3.txt", "warning"]
    assert documents["warning"].isna().sum() == 4
    kept = set(tables["keywords"]["doc_id"])
    assert docs[3].doc_id not in kept and {d.doc_id for d in docs if d is not docs[3]} <= kept
    assert any("r3.txt" in w for w in summary.warnings)


def test_gbk_file_name_is_read_with_a_note(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    name = "浚县2023年政府工作报告.txt".encode("gbk")
    path = Path(os.fsdecode(os.path.join(os.fsencode(raw), name)))
    path.write_bytes((GOLD / "s02_shili_2023.txt").read_bytes())
    assert source_name(path, raw)[0] == "浚县2023年政府工作报告.txt"
    out = tmp_path / "out"
    summary = run_build(raw, out)
    row = read(out, "documents").iloc[0]
    assert summary.ok == 1 and row.source_file == "浚县2023年政府工作报告.txt"
    assert "GB18030" in row.warning
    assert (read(out, "indicators")["source_file"] == row.source_file).all()


def test_undecodable_file_name_still_builds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    path = Path(os.fsdecode(os.fsencode(raw) + b"/\xff\xfe\x80report.txt"))
    path.write_bytes((GOLD / "s02_shili_2023.txt").read_bytes())
    out = tmp_path / "out"
    run_build(raw, out)
    row = read(out, "documents").iloc[0]
    assert row.status == "ok" and row.source_file.endswith("report.txt") and row.warning


# --- fuzz: random text through the whole per-document path ---------------------------------

_report_words = st.sampled_from([
    "地区生产总值", "增长", "6.5%", "左右", "以上", "控制在", "以内", "亿元", "万元", "X", "XX", "*", "20XX年", "2023年",
    "今年", "过去一年", "预计", "主要预期目标", "一、", "二、", "县", "浚县", "人民政府工作报告", "。", "，", "；", "\n",
    "个百分点", "－", "-", "～", "%", "％", "0", "1", "9", ".", "万", "亿", "元", "人", "城镇登记失业率", "年均",
    "十四五", "“", "”", "（", "）", "<p>", "</p>", "\x00", "\ufffd", "⼯", " ",
])
_fuzz_text = st.one_of(
    st.text(min_size=0, max_size=400),
    st.lists(_report_words, min_size=0, max_size=200).map("".join),
    st.lists(st.one_of(_report_words, st.text(max_size=5)), max_size=150).map("".join),
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_fuzz_text, suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_random_text_never_raises_and_never_hits_an_internal_error(tmp_path_factory, text, suffix):
    raw = tmp_path_factory.mktemp("fuzz")
    path = raw / f"doc{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    result = process_file(path, raw, raw / ".cache", force=True)
    assert result.status in ("ok", "rejected")
    assert "内部错误" not in (result.error or ""), result.error
    tables = assemble_tables([result], BuildSummary())
    for name, frame in tables.items():
        contracts.conform(frame, name)


# --- helpers -----------------------------------------------------------------------------


def _result(sha: str, name: str, identity: dict, text: str = "全县地区生产总值增长6.5%左右。" * 5) -> DocResult:
    return DocResult(name, sha, "ok", identity=identity, text=text, facts=[])


def _fact(**overrides) -> dict:
    row = {
        "indicator": "地区生产总值", "measure": "growth", "kind": "target", "estimated": False, "period": 2023,
        "period_start": 2023, "period_end": 2023, "scope": "annual", "value": 6.5, "unit": "%",
        "qualifier": "exact", "qualifier_text": None, "masked": False, "sentence": "全县地区生产总值增长6.5%左右。",
        "start": 0, "end": 15, "value_text": "增长6.5%", "value_start": 7, "value_end": 13,
    }
    row.update({k: v for k, v in overrides.items() if k != "report_year"})
    return row


def test_a_correction_that_cannot_be_applied_does_not_stop_the_build(tmp_path, monkeypatch):
    from pipeline import corrections

    def broken(*args, **kwargs):
        raise ValueError("hand-edited row")

    monkeypatch.setattr(corrections, "apply_corrections", broken)
    assert settings.reference_file("corrections.csv").exists()
    out, summary = build(tmp_path, {})
    every_table_written(out)
    assert any("更正未能应用" in w for w in summary.warnings)


def test_a_file_gone_between_scan_and_read_is_rejected_with_a_reason(tmp_path, monkeypatch):
    from pipeline import ingest

    raw = tmp_path / "raw"
    raw.mkdir()
    path = raw / "going.txt"
    path.write_text(MASKED_YEAR_REPORT, encoding="utf-8")

    def vanished(_path):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(ingest, "read_document", vanished)
    result = process_file(path, raw, raw / ".cache", force=True)
    assert result.status == "rejected" and result.error.startswith("无法读取文件")

