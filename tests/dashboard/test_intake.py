"""数据 page's intake: what to do about a refused file, the build's stages, one button."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import intake, queries, rebuild, uploads
from pipeline import build


@pytest.mark.parametrize(
    "reason, advice_word",
    [
        ("不支持的文件格式 .xls（支持 .txt、.docx）", "另存为"),
        ("PDF 无文字层（可能是扫描件），请提供文字版", "文字识别"),
        ("PDF 已加密，无法读取", "密码"),
        ("文件过大（80 MB，上限 50 MB）", "拆开"),
        ("正文过长（超过 300 万字，上限 200 万字）", "拆开"),
        ("未提取到正文（仅 12 个字符）", "报告全文"),
        ("清理后正文不足 30 字，视为空文档", "报告全文"),  # "空" here means no text, not an empty file
        ("文件为空", "重新导出"),
        ("无法识别文本编码", "UTF-8"),
        ("docx 文件已损坏：bad zip", "另存一份"),
        ("与 甲县报告.txt 内容相同，未重复计入", "无需处理"),
        ("处理失败（内部错误：KeyError）", "维护人员"),
    ],
)
def test_every_kind_of_refusal_says_what_to_do(reason, advice_word):
    assert advice_word in queries.rejection_advice(reason)


def test_an_unknown_reason_still_gets_a_sentence():
    assert queries.rejection_advice(None) and queries.rejection_advice("某个新的原因")


def test_rejected_files_carry_reason_and_advice():
    documents = pd.DataFrame({"source_file": ["a.txt", "b.pdf", "c.txt"], "status": ["ok", "rejected", "duplicate"],
                              "error": [None, "PDF 无文字层（可能是扫描件），请提供文字版", "与 a.txt 内容相同，未重复计入"]})
    table = queries.rejected_files(documents)
    assert list(table["文件"]) == ["b.pdf", "c.txt"]
    assert table.loc[0, "原因"].startswith("PDF 无文字层") and "文字识别" in table.loc[0, "怎么办"]
    assert "无需处理" in table.loc[1, "怎么办"]


def test_upload_results_advise_only_on_refused_files(tmp_path):
    saved = uploads.store_upload("乙县报告.txt", "乙县2023年政府工作报告".encode(), tmp_path)
    refused = uploads.store_upload("表格.xls", b"x", tmp_path)
    frame = intake.upload_results([saved, refused])
    assert list(frame["结果"]) == ["已保存", "已拒收"]
    assert frame.loc[0, "怎么办"] == "" and "另存为" in frame.loc[1, "怎么办"]


def test_the_page_names_every_stage_the_build_announces():
    assert list(rebuild.STAGES) == list(build.STAGES)


def test_stage_steps_follow_the_status_file():
    job = rebuild.Job("running", done=3, total=9, current="丙县.txt", stage="read")
    assert [s for _, _, s in rebuild.stage_steps(job)] == ["current", "waiting", "waiting", "waiting"]
    assert "3/9" in rebuild.progress_text(job) and rebuild.progress_share(job) == pytest.approx(0.8 * 3 / 9)
    job = rebuild.Job("running", done=9, total=9, stage="vocabulary", stages_done=("read", "extract"))
    assert [s for _, _, s in rebuild.stage_steps(job)] == ["done", "done", "current", "waiting"]
    assert "关键词" in rebuild.progress_text(job) and 0.8 < rebuild.progress_share(job) < 1
    failed = rebuild.Job("failed", stage="write", stages_done=("read", "extract", "vocabulary"), error="磁盘已满")
    assert [s for _, _, s in rebuild.stage_steps(failed)] == ["done", "done", "done", "failed"]
    html = rebuild.stages_html(failed)
    assert html.index("读取") < html.index("提取") < html.index("词云") < html.index("写表") and "失败" in html


def test_the_status_file_records_each_stage(tmp_path):
    import json

    from pipeline.__main__ import StatusFile

    status = StatusFile(tmp_path / "status.json")
    for stage in build.STAGES:
        status.stage(stage)
    status.finish("done")
    written = json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))
    assert written["stage"] == "write" and written["stages_done"] == ["read", "extract", "vocabulary"]
